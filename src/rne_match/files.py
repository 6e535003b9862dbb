"""Writing files so that a failure never leaves half a file under the final name.

Every output, map, registry cache, downloaded file and database swap goes through `atomic_write`:
the content is written to a temporary name in the same folder (same file system, so the final
`os.replace` is atomic), flushed to disk, then renamed over the target.

A temporary name carries the writer's process id (`.resultats.csv.4242.part`): two processes
writing the same target never share one, and what a killed writer (`kill -9`, power cut) left
behind is known to be stale once that process is gone. `remove_stale` deletes those, never the
files of a live writer; the next write of the same target calls it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def temporary_name(path: Path, suffix: str = ".part") -> Path:
    """`.name.<pid>.part` beside `path` (hidden; a name that is already hidden keeps its one dot)."""
    name = path.name if path.name.startswith(".") else f".{path.name}"
    return path.with_name(f"{name}.{os.getpid()}{suffix}")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (another user's counts: it may be writing)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OverflowError, OSError):
        return False
    return True


def stale_leftovers(path: Path) -> list[Path]:
    """Temporary files and folders of `path` (any suffix: `.part`, `.building`, its `.wal`,
    `.parts`…) whose writer's process is gone. A reused process id keeps them until that process
    ends: never deleting a live writer's files matters more."""
    prefix = temporary_name(path).name.rsplit(".", 2)[0] + "."
    out = []
    for p in path.parent.glob(f"{prefix}*"):
        pid = p.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not process_alive(int(pid)):
            out.append(p)
    return sorted(out)


def remove_stale(path: Path) -> list[Path]:
    """Delete `stale_leftovers(path)`; returns what was removed."""
    stale = stale_leftovers(path)
    for p in stale:
        _remove(p)
    return stale


def _fsync(path: Path) -> None:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    for f in files:
        with open(f, "rb") as fh:
            os.fsync(fh.fileno())


@contextmanager
def atomic_write(path: Path, suffix: str = ".part", companions: tuple[str, ...] = ()) -> Iterator[Path]:
    """Yield a temporary path to write (a file, or a folder the caller creates); on success it
    replaces `path`, on any exception (Ctrl-C included) it is removed and the exception goes on.
    Leftovers of writers killed earlier are removed first (`remove_stale`).

    `companions` are suffixes of side files a writer may leave next to the temporary one (DuckDB's
    `.wal`): removed with it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(path)
    tmp = temporary_name(path, suffix)
    leftovers = [tmp, *(tmp.with_name(tmp.name + c) for c in companions)]
    for p in leftovers:  # this process's own, from an earlier failure that could not clean up
        _remove(p)
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, path)
    except BaseException:
        for p in leftovers:
            _remove(p)
        raise
