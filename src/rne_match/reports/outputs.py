"""Write result tables as CSV (UTF-8 with BOM, `;`, what French Excel opens), XLSX or JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ..files import atomic_write
from ..inputs import read_workbook


def write_table(frame: pl.DataFrame, path: Path) -> Path:
    """Atomic write by extension; a failed write never leaves half a file under the final name."""
    write = OUTPUT_FORMATS.get(path.suffix.lower(), _CSV).write
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


def _read_csv(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, separator=";", infer_schema=False)


@dataclass(frozen=True)
class OutputFormat:
    write: Callable[[pl.DataFrame, Path], object]
    read: Callable[[Path], pl.DataFrame] = _read_csv  # to read results back (coverage of a file)


# Formats by suffix; any other suffix is written (and read back) as CSV.
OUTPUT_FORMATS: dict[str, OutputFormat] = {
    ".csv": OutputFormat(_write_csv),
    ".xlsx": OutputFormat(lambda frame, path: frame.write_excel(path, autofit=True, freeze_panes=(1, 0)),
                          read_workbook),
    ".json": OutputFormat(lambda frame, path: frame.write_json(path), pl.read_json),
    ".jsonl": OutputFormat(lambda frame, path: frame.write_ndjson(path), pl.read_ndjson),
    ".ndjson": OutputFormat(lambda frame, path: frame.write_ndjson(path), pl.read_ndjson),
    ".md": OutputFormat(lambda frame, path: path.write_text(to_markdown(frame), "utf-8")),
}
_CSV = OUTPUT_FORMATS[".csv"]


def read_table(path: Path) -> pl.DataFrame:
    """A table written by `write_table`, read back (text columns for CSV and XLSX)."""
    return OUTPUT_FORMATS.get(path.suffix.lower(), _CSV).read(path)
