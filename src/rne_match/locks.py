"""Opening the DuckDB base when another process may be using it: wait for its lock, then give up
with a clear error.

DuckDB lets one process write a base, or several read it, and refuses at once otherwise (« Could
not set lock on file »). Organisers do run several `verify` at once, a `review` page records
decisions while `verify` saves a run, and `load` reads the old base while swapping in the new
one: each of these holds the lock for a second or less, so waiting (with backoff, and jitter so
that waiting processes do not retry in step) turns a refusal into a short delay. After
`lock_timeout()` seconds the wait ends with `BaseBusy`, a one-line French error.
"""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

import duckdb

from .errors import BaseBusy

T = TypeVar("T")
LOCK_TIMEOUT = 120.0  # seconds; a run of 700 000 signatures is saved in a few seconds
TIMEOUT_VARIABLE = "RNE_MATCH_LOCK_TIMEOUT"


def lock_timeout() -> float:
    """Seconds to wait for the base: RNE_MATCH_LOCK_TIMEOUT, else LOCK_TIMEOUT."""
    try:
        return max(0.0, float(os.environ[TIMEOUT_VARIABLE]))
    except (KeyError, ValueError):
        return LOCK_TIMEOUT


def is_lock_conflict(exc: BaseException) -> bool:
    """DuckDB's refusal because another process holds the base (not any other I/O error)."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def wait_for_lock(open_: Callable[[], T], path: Path, timeout: float | None = None) -> T:
    """`open_()`, retried while another process holds the lock of `path`, for `timeout` seconds
    (default `lock_timeout()`); then BaseBusy naming the base and, when DuckDB says it, the holder."""
    timeout = lock_timeout() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    delay = 0.02
    while True:
        try:
            return open_()
        except duckdb.IOException as exc:
            if not is_lock_conflict(exc):
                raise
            if time.monotonic() + delay > deadline:
                holder = re.search(r"\(PID (\d+)\)", str(exc))
                who = f"le processus {holder[1]}" if holder else "un autre processus"
                raise BaseBusy(
                    f"{path} : base occupée par {who} depuis {timeout:g} s ; réessayez quand il aura "
                    f"fini (ou attendez plus longtemps : {TIMEOUT_VARIABLE}=secondes)") from exc
        time.sleep(delay * random.uniform(0.5, 1.5))
        delay = min(delay * 2, 0.5)


def connect(path: Path, *, read_only: bool = False, config: dict | None = None,
            timeout: float | None = None) -> duckdb.DuckDBPyConnection:
    """`duckdb.connect`, waiting for another process's lock (see `wait_for_lock`), without
    DuckDB's own progress bar (it prints even when stderr is not a terminal; see `progress`)."""
    con = wait_for_lock(lambda: duckdb.connect(str(path), read_only=read_only, config=config or {}),
                        Path(path), timeout)
    return without_duckdb_bar(con)


def without_duckdb_bar(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Turn off DuckDB's own progress bar, which prints even when stderr is not a terminal (ours
    are in `progress`). In Jupyter DuckDB refuses the setting without ipywidgets, and draws no
    bar there anyway: the refusal is ignored."""
    with suppress(duckdb.InvalidInputException):
        con.execute("SET enable_progress_bar = false")
    return con
