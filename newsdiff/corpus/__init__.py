"""Corpus mode: ``newsdiff corpus INPUT... --out DIR`` reads many articles, groups them into stories,
compares each story and writes Parquet tables, on a Dask cluster (local or remote).

Needs the ``corpus`` extra (``pip install "newsdiff[corpus]"``): Dask's distributed scheduler and pyarrow.
The core package never imports this one.
"""

from __future__ import annotations

from typing import Any

__all__ = ["run", "Result"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import engine

        return getattr(engine, name)
    raise AttributeError(name)
