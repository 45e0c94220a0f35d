"""Rendering: a report in, text out.  Each output format is a renderer plugin."""
