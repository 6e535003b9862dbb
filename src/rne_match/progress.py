"""Progress bars on stderr for the long steps (download, load, match keys, verify, extraction),
quiet when stderr is not a terminal (CI, scripts, logs), so that output stays clean there.

The library never prints: each long step takes a `Steps` factory, `silent` by default; the API
passes `bar` when asked (`progress=True`, as the CLI does). tqdm was already used for downloads.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from tqdm import tqdm

Advance = Callable[[int], None]  # report n more units done
# (label, total or None when unknown, unit) -> a context that yields `advance`
Steps = Callable[[str, int | None, str], AbstractContextManager[Advance]]


@contextmanager
def bar(label: str, total: int | None = None, unit: str = "it") -> Iterator[Advance]:
    """A tqdm bar on stderr, off unless stderr is a terminal; removed when the step ends."""
    with tqdm(total=total, desc=label, unit=unit, unit_scale=unit == "o", leave=False, disable=None,
              file=sys.stderr, dynamic_ncols=True) as shown:
        yield shown.update


@contextmanager
def silent(label: str, total: int | None = None, unit: str = "it") -> Iterator[Advance]:
    """No display: the default of every long step in the library."""
    yield lambda n: None


def write(line: str) -> None:
    """Print a line on stdout above any bar being shown (a bare print would cut through it)."""
    tqdm.write(line, file=sys.stdout)


def download_bar(resource, total: int | None) -> Advance:
    bar_ = tqdm(total=total, unit="o", unit_scale=True, desc=resource.kind, leave=False,
                disable=None, file=sys.stderr)

    def advance(n: int) -> None:
        bar_.update(n)
        if total and bar_.n >= total:
            bar_.close()

    return advance
