"""Write result tables as CSV (UTF-8 with BOM, `;`, what French Excel opens), XLSX, Parquet or JSON.

Cells come from strangers (signature files, e-mails), so every output drops NUL bytes, and CSV
outputs neutralise formulas the way OWASP recommends: a text cell (or header) starting with
`=`, `+`, `-`, `@`, TAB or CR gets a leading `'`, so that a spreadsheet shows it as text instead
of running it. XLSX cells are written as typed strings, never as formulas.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ..errors import OutputError
from ..files import atomic_write
from ..inputs import read_workbook

FORMULA_START = r"^[=+\-@\t\r]"


def check_output(path: Path, *inputs: Path) -> None:
    """Refuse, before any work, an output whose extension has no writer or that is an input."""
    if path.suffix.lower() not in OUTPUT_FORMATS:
        raise OutputError(f"{path} : format de sortie inconnu « {path.suffix or '(sans extension)'} » "
                          f"(formats : {', '.join(OUTPUT_FORMATS)})")
    for source in inputs:
        same = path.resolve() == source.resolve() or (
            path.exists() and source.exists() and os.path.samefile(path, source))
        if same:
            raise OutputError(f"{path} : la sortie serait le fichier d'entrée ; choisissez un autre -o")


def write_table(frame: pl.DataFrame, path: Path) -> Path:
    """Atomic write by extension; a failed write never leaves half a file under the final name.
    An extension without a writer is refused rather than written as something else."""
    check_output(path)
    write = OUTPUT_FORMATS[path.suffix.lower()].write
    with atomic_write(path) as tmp:
        write(_without_nul(frame), tmp)
    return path


def _text_columns(frame: pl.DataFrame) -> list[str]:
    return [c for c, t in frame.schema.items() if t == pl.String]


def _without_nul(frame: pl.DataFrame) -> pl.DataFrame:
    """NUL bytes out of every text cell and header (no reader of our outputs wants them)."""
    frame = frame.rename({c: c.replace("\x00", "") for c in frame.columns if "\x00" in c})
    return frame.with_columns(pl.col(_text_columns(frame)).str.replace_all("\x00", "", literal=True))


def flat(frame: pl.DataFrame) -> pl.DataFrame:
    """Columns CSV cannot hold made text: lists as « a | b », structures as JSON (`sql`)."""
    return frame.select(
        pl.col(c).list.eval(pl.element().cast(pl.String)).list.join(" | ") if isinstance(t, pl.List)
        else pl.col(c).struct.json_encode() if isinstance(t, pl.Struct) else pl.col(c)
        for c, t in frame.schema.items())


def csv_text(frame: pl.DataFrame, separator: str = ",") -> str:
    """A table as CSV text for a terminal or a pipe (`sql --format csv`), through the same
    safeguards as CSV files: no NUL, formulas neutralised."""
    return neutralise_formulas(_without_nul(flat(frame))).write_csv(separator=separator)


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix `'` to text cells and headers a spreadsheet would read as a formula (OWASP)."""
    quoted = frame.with_columns(
        pl.when(pl.col(c).str.contains(FORMULA_START)).then("'" + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c in _text_columns(frame)
    )
    return quoted.rename({c: "'" + c for c in frame.columns if c[:1] in ("=", "+", "-", "@", "\t", "\r")})


def to_markdown(frame: pl.DataFrame) -> str:
    cols = frame.columns
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in frame.iter_rows():
        lines.append("| " + " | ".join("" if v is None else str(v) for v in row) + " |")
    return "\n".join(lines) + "\n"


def _write_csv(frame: pl.DataFrame, path: Path) -> None:
    neutralise_formulas(flat(frame)).write_csv(path, separator=";", include_bom=True)


def _read_csv(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, separator=";", infer_schema=False)


@dataclass(frozen=True)
class OutputFormat:
    write: Callable[[pl.DataFrame, Path], object]
    read: Callable[[Path], pl.DataFrame] = _read_csv  # to read results back (coverage of a file)


# Formats by suffix; any other suffix is refused when writing (and read back as CSV).
OUTPUT_FORMATS: dict[str, OutputFormat] = {
    ".csv": OutputFormat(_write_csv),
    ".xlsx": OutputFormat(lambda frame, path: frame.write_excel(path, autofit=True, freeze_panes=(1, 0)),
                          read_workbook),
    ".parquet": OutputFormat(lambda frame, path: frame.write_parquet(path), pl.read_parquet),
    ".json": OutputFormat(lambda frame, path: frame.write_json(path), pl.read_json),
    ".jsonl": OutputFormat(lambda frame, path: frame.write_ndjson(path), pl.read_ndjson),
    ".ndjson": OutputFormat(lambda frame, path: frame.write_ndjson(path), pl.read_ndjson),
    ".md": OutputFormat(lambda frame, path: path.write_text(to_markdown(frame), "utf-8")),
}
_CSV = OUTPUT_FORMATS[".csv"]


def read_table(path: Path) -> pl.DataFrame:
    """A table written by `write_table`, read back (text columns for CSV and XLSX)."""
    return OUTPUT_FORMATS.get(path.suffix.lower(), _CSV).read(path)
