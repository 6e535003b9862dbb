"""One reader per signature-file format, behind one table keyed by suffix (`READERS`).

Each reader turns a file into text columns, every input column kept in input order, and says which
title lines it skipped above the header. Mailboxes are not here: they are recognised by
`mail.mailbox.is_mailbox` (a folder, a mail suffix, or mail headers at the top of a file).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ..errors import FormatError, InputError
from ..registry.formats import decode
from .freetext import read_list
from .roles import LIST_ROLES, detect_roles


@dataclass
class Parsed:
    frame: pl.DataFrame  # every input column as text, in input order
    skipped: list[int] = field(default_factory=list)  # title lines above the header
    text: str | None = None  # the decoded text of a delimited file (it may be a list without header)
    roles: dict[str, str] | None = None  # the roles of a fixed layout (a list), else found from headers


def _decode(path: Path) -> str:
    try:
        return decode(path.read_bytes(), path)[0]
    except FormatError as exc:
        raise InputError(str(exc)) from exc


def _read_csv(path: Path, text: str) -> tuple[list[list[str]], list[int]]:
    """Rows and the line each ends on. The delimiter is the one that splits the busiest of the
    first lines, since a title line above the header has none."""
    if not text.strip():
        raise InputError(f"{path} : fichier vide")
    head = text.splitlines()[:10]
    delimiter = max(("\t", ";", ","), key=lambda d: max(line.count(d) for line in head))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        for row in reader:
            rows.append(row)
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise InputError(f"{path}, ligne {reader.line_num} : CSV illisible ({exc})") from exc
    return rows, lines


def _header_index(rows: list[list[str]], wanted: set[str]) -> int:
    """The header is the first of the top rows that names a name column (or the columns given
    with --columns); rows above it are a title (« Tribune VSA – signataires »), not signatures."""
    for i, row in enumerate(rows[:10]):
        cells = [c.strip() for c in row if c and c.strip()]
        if cells and ((wanted and wanted <= set(cells)) or (
                not wanted and {"nom", "nom_complet"} & detect_roles(cells).keys())):
            return i
    return 0


def _frame(path: Path, rows: list[list[str]], lines: list[int],
           wanted: set[str]) -> tuple[pl.DataFrame, list[int]]:
    """A text table from raw rows, and the line numbers of the title rows skipped above the header."""
    if not rows:
        raise InputError(f"{path} : feuille vide")
    h = _header_index(rows, wanted)
    header_raw = rows[h]
    width = len(header_raw)
    body = []
    for row, line in zip(rows[h + 1:], lines[h + 1:], strict=True):
        if not any(c.strip() for c in row):
            body.append([""] * width)
            continue
        if len(row) > width and any(c.strip() for c in row[width:]):
            raise InputError(f"{path}, ligne {line}, colonne {width + 1} : "
                             f"{len(row)} champs alors que l'en-tête en a {width}")
        body.append((row + [""] * width)[:width])
    header = _unique([h_.strip() or f"colonne_{i + 1}" for i, h_ in enumerate(header_raw)])
    frame = pl.DataFrame({c: [r[i] for r in body] for i, c in enumerate(header)}, schema=dict.fromkeys(header, pl.String))
    return frame, lines[:h]


def _read_lines(path: Path, text: str) -> pl.DataFrame:
    """A published list (see `freetext.read_list`). Blank lines are not rows; `ligne` keeps each
    row's line number."""
    lines = [(i, line.strip()) for i, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines:
        raise InputError(f"{path} : fichier vide")
    rows = read_list(lines)
    columns = ["ligne", "signataire", "nom_complet", "mandat", "commune", "parti", "motif"]
    return pl.DataFrame({c: [r[c] for r in rows] for c in columns}, schema=dict.fromkeys(columns, pl.String))


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        if n in seen:
            seen[n] += 1
            n = f"{n}_{seen[n]}"
        else:
            seen[n] = 0
        out.append(n)
    return out


def _json_frame(path: Path, records: list) -> pl.DataFrame:
    if not all(isinstance(r, dict) for r in records):
        raise InputError(f"{path} : le JSON doit être une liste d'objets (un par signature)")
    columns: list[str] = []
    for r in records:
        for k in r:
            if k not in columns:
                columns.append(k)
    return pl.DataFrame(
        {c: ["" if r.get(c) is None else str(r.get(c)) for r in records] for c in columns},
        schema=dict.fromkeys(columns, pl.String),
    )


def _read_json(path: Path) -> pl.DataFrame:
    """A JSON array of objects (or an object holding one)."""
    try:
        data = json.loads(_decode(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}, ligne {exc.lineno}, colonne {exc.colno} : JSON invalide ({exc.msg})") from exc
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)), [data])
    return _json_frame(path, data)


def _read_ndjson(path: Path) -> pl.DataFrame:
    """JSON Lines: one object per line."""
    records: list = []
    for i, line in enumerate(_decode(path).splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except ValueError as exc:
                raise InputError(f"{path}, ligne {i} : JSON invalide ({exc.args[0]})") from exc
    return _json_frame(path, records)


def _read_xlsx(path: Path) -> tuple[list[list[str]], list[int]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise InputError(f"{path} : classeur Excel illisible ({exc})") from exc
    ws = wb.worksheets[0]
    rows = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
    wb.close()
    return rows, list(range(1, len(rows) + 1))


def read_workbook(path: Path) -> pl.DataFrame:
    """The first sheet of a workbook as text columns (openpyxl, no other Excel engine needed)."""
    frame, _ = _frame(path, *_read_xlsx(path), set())
    return frame


# ---------------------------------------------------------------- the table of formats

def read_delimited(path: Path, wanted: set[str]) -> Parsed:
    """CSV of any dialect (`,` `;` TAB), UTF-8 with or without BOM, or cp1252."""
    text = _decode(path)
    frame, skipped = _frame(path, *_read_csv(path, text), wanted)
    return Parsed(frame, skipped, text)


def _read_text_list(path: Path, wanted: set[str]) -> Parsed:
    return Parsed(_read_lines(path, _decode(path)), roles=dict(LIST_ROLES))


def _read_workbook_table(path: Path, wanted: set[str]) -> Parsed:
    frame, skipped = _frame(path, *_read_xlsx(path), wanted)
    return Parsed(frame, skipped)


@dataclass(frozen=True)
class Reader:
    read: Callable[[Path, set[str]], Parsed]  # (file, column names given with --columns) -> table
    table_only: bool = True  # False when a file of this suffix may hold mail (then it is sniffed)


READERS: dict[str, Reader] = {
    ".csv": Reader(read_delimited),
    ".tsv": Reader(read_delimited),
    ".xlsx": Reader(_read_workbook_table),
    ".xlsm": Reader(_read_workbook_table),
    ".json": Reader(lambda path, wanted: Parsed(_read_json(path))),
    ".jsonl": Reader(lambda path, wanted: Parsed(_read_ndjson(path))),
    ".ndjson": Reader(lambda path, wanted: Parsed(_read_ndjson(path))),
    ".txt": Reader(_read_text_list, table_only=False),
    ".md": Reader(_read_text_list, table_only=False),
}
DEFAULT_READER = Reader(read_delimited, table_only=False)  # any other suffix: a delimited text
# Suffixes that are always tables, never a mailbox, whatever their first lines say.
TABLE_SUFFIXES = frozenset(suffix for suffix, reader in READERS.items() if reader.table_only)
