"""Extracting: quotes and their speakers, claims and their values, the people and entities an article names."""
