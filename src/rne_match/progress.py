"""Progress bars (tqdm) that stay quiet when output is not a terminal, e.g. in CI or scripts."""

from __future__ import annotations

from collections.abc import Callable

from tqdm import tqdm


def download_bar(resource, total: int | None) -> Callable[[int], None]:
    bar = tqdm(total=total, unit="o", unit_scale=True, desc=resource.kind, leave=False,
               disable=None)

    def advance(n: int) -> None:
        bar.update(n)
        if total and bar.n >= total:
            bar.close()

    return advance
