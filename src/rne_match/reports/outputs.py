"""Write result tables as CSV (UTF-8 with BOM, `;`, what French Excel opens), XLSX or JSON."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl


def write_table(frame: pl.DataFrame, path: Path) -> Path:
    """Atomic write by extension; a failed write never leaves half a file under the final name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        frame.write_excel(tmp, autofit=True, freeze_panes=(1, 0))
    elif suffix == ".json":
        frame.write_json(tmp)
    elif suffix in (".jsonl", ".ndjson"):
        frame.write_ndjson(tmp)
    elif suffix == ".md":
        tmp.write_text(to_markdown(frame), "utf-8")
    else:
        frame.write_csv(tmp, separator=";", include_bom=True)
    os.replace(tmp, path)
    return path


def to_markdown(frame: pl.DataFrame) -> str:
    cols = frame.columns
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in frame.iter_rows():
        lines.append("| " + " | ".join("" if v is None else str(v) for v in row) + " |")
    return "\n".join(lines) + "\n"
