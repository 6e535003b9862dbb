"""Where rne-match keeps its data: `data/` under the current folder unless told otherwise.

Organisers run the tool from a project folder; keeping downloads and the database there (and
not in a hidden home directory) makes it obvious what is on disk and easy to delete.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    return Path(os.environ.get("RNE_MATCH_DATA", "data"))


def raw_dir() -> Path:
    return data_dir() / "raw"


def default_db() -> Path:
    return data_dir() / "processed" / "rne.duckdb"
