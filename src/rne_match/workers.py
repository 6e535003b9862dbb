"""Work spread over this process and a second one, for the long pure-Python steps (reading mail).

Machines have at least two cores and the mail steps are regular expressions under the GIL: a second
process halves them. It is a fresh interpreter running `python -m rne_match.workers`, fed parts of
the work through a pipe:
- never forked: polars and DuckDB keep native thread pools that a forked child inherits half-dead
  (a deadlock the first time it touches them);
- not `multiprocessing`'s spawn either: that re-runs the caller's main module in the child, so a
  user's script or notebook without an `if __name__ == "__main__"` guard would run again (and fail).
Starting costs the worker's imports (~0.5 s), so the parent never waits for it: it works from the
front of the list and hands parts from the back to the worker only once the worker is up. Short work
is thus done entirely here. A worker that fails or dies costs nothing but time: its parts are done
here, and an error the work itself raises is raised here, as if there had been no worker.
"""

from __future__ import annotations

import importlib
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENV = "RNE_MATCH_WORKERS"  # « 1 »: everything in this process (debugging, profiling)
_READY = b"R"


class Helper:
    """A second process, started at once so that it imports while the parent already works."""

    def __init__(self, *modules: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", __name__, *modules], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.ready: Future[bool] = Future()
        self._tasks: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._talk, daemon=True).start()

    def submit(self, fn: Callable, part: Sequence, context: Any) -> Future:
        future: Future = Future()
        self._tasks.put((future, fn, part, context))
        return future

    def _talk(self) -> None:
        """The pipe's one user: sends each part, waits for its result (the GIL is free meanwhile). Once
        the worker is dead or broken, every part given to it fails at once (the parent redoes it)."""
        current: Future | None = None
        try:
            if self.proc.stdout.read(1) != _READY:
                raise OSError("le processus auxiliaire n'a pas démarré")
            self.ready.set_result(True)
            while (task := self._tasks.get()) is not None:
                current, fn, part, context = task
                pickle.dump((fn.__module__, fn.__qualname__, part, context), self.proc.stdin, pickle.HIGHEST_PROTOCOL)
                self.proc.stdin.flush()
                ok, value = pickle.load(self.proc.stdout)
                current.set_result(value) if ok else current.set_exception(RuntimeError(value))
                current = None
        except Exception as exc:
            if not self.ready.done():
                self.ready.set_exception(exc)
            if current is not None:
                current.set_exception(exc)
            while (task := self._tasks.get()) is not None:
                task[0].set_exception(exc)

    def close(self) -> None:
        """Ends the worker at once: it holds nothing to save, and a part it may still be reading was
        done here already."""
        self._tasks.put(None)
        self.proc.kill()
        with suppress(OSError):
            self.proc.stdin.close()
        self.proc.wait()


@contextmanager
def helper_for(items: int, least: int, *modules: str) -> Iterator[Helper | None]:
    """A helper (importing `modules` before it says it is ready) when the work is long enough to pay
    for its start and a second core exists; else None, and everything is done here."""
    wanted = os.environ.get(ENV, "").strip() != "1" and items >= least and (os.cpu_count() or 1) >= 2
    helper = Helper(*modules) if wanted else None
    try:
        yield helper
    finally:
        if helper is not None:
            helper.close()


def shared(fn: Callable[[Sequence[T], Any], list[R]], items: Sequence[T], context: Any = None, *,
           helper: Helper | None, chunk: int = 100, done: Callable[[int], None] = lambda n: None) -> list[R]:
    """`fn(part, context)` over `items` in parts of `chunk`, results in item order, as if run here in one
    go. `fn` is a module-level function (the worker imports it by name) giving one result per item."""
    parts = deque((i, items[i:i + chunk]) for i in range(0, len(items), chunk))
    results: dict[int, list[R]] = {}
    flying: list[tuple[int, Sequence[T], Future]] = []

    def collect(wait: bool) -> None:
        for entry in list(flying):
            start, part, future = entry
            if wait or future.done():
                flying.remove(entry)
                try:
                    results[start] = future.result()
                except Exception:  # the worker failed: the part is done here (its own error, if any, raised here)
                    results[start] = fn(part, context)
                done(len(part))

    while parts:
        while helper is not None and helper.ready.done() and not helper.ready.exception() and len(flying) < 2 \
                and len(parts) > 1:
            start, part = parts.pop()
            flying.append((start, part, helper.submit(fn, part, context)))
        start, part = parts.popleft()
        results[start] = fn(part, context)
        done(len(part))
        collect(wait=False)
    # The worker's last parts: a slow worker (a busy machine) is never waited for — what it has not
    # finished is done here, and its late answers are dropped.
    while flying:
        collect(wait=False)
        if flying:
            start, part, _ = flying.pop()
            results[start] = fn(part, context)
            done(len(part))
    return [r for start in sorted(results) for r in results[start]]


def _serve() -> None:
    """The worker: imports what it is told, says it is ready, then answers parts until the pipe closes.
    Anything printed goes to stderr: stdout is the pipe."""
    inp, out = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    for module in sys.argv[1:]:
        importlib.import_module(module)
    out.write(_READY)
    out.flush()
    while True:
        try:
            module, name, part, context = pickle.load(inp)
        except EOFError:
            return
        try:
            answer = (True, getattr(importlib.import_module(module), name)(part, context))
        except Exception as exc:  # sent back as text: the parent redoes the part and raises the real error
            answer = (False, f"{type(exc).__name__}: {exc}")
        pickle.dump(answer, out, pickle.HIGHEST_PROTOCOL)
        out.flush()


if __name__ == "__main__":
    _serve()
