"""Writing files so that a failure never leaves half a file under the final name.

Every output, map, registry cache, downloaded file and database swap goes through `atomic_write`:
the content is written to a temporary name in the same folder (same file system, so the final
`os.replace` is atomic), flushed to disk, then renamed over the target.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def temporary_name(path: Path, suffix: str = ".part") -> Path:
    """`.name.part` beside `path` (hidden; a name that is already hidden keeps its one dot)."""
    name = path.name if path.name.startswith(".") else f".{path.name}"
    return path.with_name(name + suffix)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    for f in files:
        with open(f, "rb") as fh:
            os.fsync(fh.fileno())


@contextmanager
def atomic_write(path: Path, suffix: str = ".part", companions: tuple[str, ...] = ()) -> Iterator[Path]:
    """Yield a temporary path to write (a file, or a folder the caller creates); on success it
    replaces `path`, on any exception it is removed and the exception goes on.

    `companions` are suffixes of side files a writer may leave next to the temporary one (DuckDB's
    `.wal`): removed with it, before and after."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_name(path, suffix)
    leftovers = [tmp, *(tmp.with_name(tmp.name + c) for c in companions)]
    for p in leftovers:  # a crashed earlier run may have left them
        _remove(p)
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, path)
    except BaseException:
        for p in leftovers:
            _remove(p)
        raise
