"""Where rne-match keeps its data, the same from whatever folder it is run.

The data folder is, in order: `RNE_MATCH_DATA` (a relative value is taken from the current
folder); the `data/` folder of the project whose `.venv` runs rne-match (what `make install`
sets up: the clone's own `data/`, visible and easy to delete, as before); else the per-user data
folder (`$XDG_DATA_HOME/rne-match`, by default `~/.local/share/rne-match`; `%LOCALAPPDATA%` on
Windows). It used to be `data/` under the current folder, so that a command run from another
folder did not find the base `make demo` had built.

`rne-match load` builds `processed/rne.duckdb` there unless told otherwise, and records the base
it built (whatever its path, a `--db` elsewhere) in `processed/derniere-base.txt`; commands that
read a base without `--db` use that one (`current_db`). The demo's sample base of fictitious élu·es
is never recorded: real signers must not be checked against it by default; a missing base's message
points at it instead (`missing_base`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .files import atomic_write

DATA_VARIABLE = "RNE_MATCH_DATA"
LAST_BASE = "derniere-base.txt"  # under processed/: the absolute path of the last base loaded


def _user_data_home() -> Path:
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def data_dir() -> Path:
    """The data folder, absolute (see the module's docstring for the order)."""
    if os.environ.get(DATA_VARIABLE):
        return Path(os.environ[DATA_VARIABLE]).expanduser().resolve()
    venv = Path(sys.prefix)
    if sys.prefix != sys.base_prefix and venv.name == ".venv":
        return venv.parent / "data"
    return _user_data_home() / "rne-match"


def raw_dir() -> Path:
    return data_dir() / "raw"


def default_db() -> Path:
    """Where `load` builds the base when no `--db` is given."""
    return data_dir() / "processed" / "rne.duckdb"


SAMPLE_DB = "rne-echantillon.duckdb"  # under processed/: the demo's base when offline (fictitious people)


def sample_db() -> Path:
    return data_dir() / "processed" / SAMPLE_DB


def missing_base(db: Path) -> str:
    """The one-line message for a base that is not there, naming the demo's sample if it is."""
    sample = sample_db()
    hint = (f" (la démonstration a construit une base d'ÉCHANTILLON fictive, {sample} : "
            "--db pour s'en servir)" if sample.exists() and Path(db) != sample else "")
    return f"{db} : base absente ; lancez « rne-match load »{hint}"


def remember_base(db: Path) -> None:
    """Record `db` as the last base loaded, for the commands run later without `--db`. Best
    effort: a data folder that cannot be written only loses the shortcut."""
    try:
        with atomic_write(data_dir() / "processed" / LAST_BASE) as tmp:
            tmp.write_text(str(Path(db).resolve()) + "\n", "utf-8")
    except OSError:
        pass


def current_db() -> Path:
    """The base to read when no `--db` is given: the last one loaded if it still exists, else
    `default_db()` (whose absence the caller reports, naming it)."""
    try:
        last = Path((data_dir() / "processed" / LAST_BASE).read_text("utf-8").strip())
    except (OSError, UnicodeDecodeError):
        return default_db()
    return last if last.is_absolute() and last.is_file() else default_db()
