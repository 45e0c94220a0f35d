"""The corpus tests need the ``corpus`` extra (Dask, pyarrow) and the test extra's readers of its output.

Where they are not installed the folder is skipped with the command that installs them; where ``CI`` is set
it fails instead, since CI must install what it tests (as for the plugins' tests)."""

from __future__ import annotations

import importlib.util
import os

import pytest

_NEEDED = ("dask", "distributed", "pyarrow", "pandas", "duckdb")
_missing = [name for name in _NEEDED if importlib.util.find_spec(name) is None]
if _missing:
    _message = f"the corpus extra is not installed ({', '.join(_missing)} missing); pip install -e '.[test]'"
    if os.environ.get("CI"):
        pytest.fail(f"{_message}. CI must install it before running the tests", pytrace=False)
    pytest.skip(_message, allow_module_level=True)
