"""Write result tables as CSV (UTF-8 with BOM, `;`, what French Excel opens), XLSX or JSON."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from ..files import atomic_write


def write_table(frame: pl.DataFrame, path: Path) -> Path:
    """Atomic write by extension; a failed write never leaves half a file under the final name."""
    write = OUTPUT_WRITERS.get(path.suffix.lower(), _write_csv)
    with atomic_write(path) as tmp:
        write(frame, tmp)
    return path


def to_markdown(frame: pl.DataFrame) -> str:
    cols = frame.columns
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in frame.iter_rows():
        lines.append("| " + " | ".join("" if v is None else str(v) for v in row) + " |")
    return "\n".join(lines) + "\n"


def _write_csv(frame: pl.DataFrame, path: Path) -> None:
    frame.write_csv(path, separator=";", include_bom=True)


# Output format by suffix; any other suffix is written as CSV.
OUTPUT_WRITERS = {
    ".xlsx": lambda frame, path: frame.write_excel(path, autofit=True, freeze_panes=(1, 0)),
    ".json": lambda frame, path: frame.write_json(path),
    ".jsonl": lambda frame, path: frame.write_ndjson(path),
    ".ndjson": lambda frame, path: frame.write_ndjson(path),
    ".md": lambda frame, path: path.write_text(to_markdown(frame), "utf-8"),
    ".csv": _write_csv,
}
