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

from ..domain.text import fold
from ..errors import InputError
from .decoding import decode_text, line_list
from .freetext import read_list
from .limits import DEFAULT_LIMITS, Limits, too_large
from .roles import LIST_ROLES, detect_roles
from .workbook import Sheet, Workbook

SHEET_COLUMN = "feuille"  # which sheet a row comes from, when several sheets hold signatures


@dataclass(frozen=True)
class ReadOptions:
    wanted: set[str] = field(default_factory=set)  # column names given with --columns
    sheet: str | None = None  # the sheet to read (--sheet), by name or 1-based number
    limits: Limits = DEFAULT_LIMITS


@dataclass
class Parsed:
    frame: pl.DataFrame  # every input column as text, in input order
    skipped: list[int] = field(default_factory=list)  # title lines above the header
    text: str | None = None  # the decoded text of a delimited file (it may be a list without header)
    roles: dict[str, str] | None = None  # the roles of a fixed layout (a list), else found from headers
    warnings: list[str] = field(default_factory=list)  # French, one line each: what was read how


def _decode(path: Path, limits: Limits, warnings: list[str]) -> str:
    """The text of a file no larger than the size limit; decoding notes go to `warnings`."""
    size = path.stat().st_size
    if size > limits.taille:
        raise too_large(path, "le fichier", size, "taille", limits)
    decoded = decode_text(path.read_bytes(), path)
    warnings.extend(decoded.warnings)
    return decoded.text


def _read_csv(path: Path, text: str, limits: Limits) -> tuple[list[list[str]], list[int]]:
    """Rows and the line each ends on. The delimiter is the one that splits the busiest of the
    first lines, since a title line above the header has none."""
    if not text.strip():
        raise InputError(f"{path} : fichier vide")
    head = text.splitlines()[:10]
    delimiter = max(("\t", ";", ","), key=lambda d: max(line.count(d) for line in head))
    # The csv module refuses fields over 128 KiB; long cells are cut later, with a warning.
    csv.field_size_limit(max(csv.field_size_limit(), limits.taille))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        for row in reader:
            rows.append(row)
            lines.append(reader.line_num)
            if len(rows) > limits.lignes + 10:  # + a header and title lines
                raise too_large(path, "le fichier", None, "lignes", limits)
    except csv.Error as exc:
        raise InputError(f"{path}, ligne {reader.line_num} : CSV illisible ({exc})") from exc
    return rows, lines


def find_header(rows: list[list[str]], wanted: set[str]) -> int | None:
    """The header is the first of the top rows that names a name column (or the columns given
    with --columns); rows above it are a title (« Tribune VSA – signataires »), not signatures."""
    for i, row in enumerate(rows[:10]):
        cells = [c.strip() for c in row if c and c.strip()]
        if cells and ((wanted and wanted <= set(cells)) or (
                not wanted and {"nom", "nom_complet"} & detect_roles(cells).keys())):
            return i
    return None


def _header_index(rows: list[list[str]], wanted: set[str]) -> int:
    """The header row (see `find_header`), the first row when none names a name column."""
    return find_header(rows, wanted) or 0


def _frame(path: Path, rows: list[list[str]], lines: list[int], wanted: set[str], limits: Limits,
           warnings: list[str], where: str = "") -> tuple[pl.DataFrame, list[int]]:
    """A text table from raw rows, and the line numbers of the title rows skipped above the header.
    `where` (« , feuille « X » ») places a line in a workbook."""
    if not rows:
        raise InputError(f"{path}{where} : feuille vide")
    h = _header_index(rows, wanted)
    header_raw = rows[h]
    width = len(header_raw)
    if width > limits.colonnes:
        raise too_large(path, "l'en-tête", width, "colonnes", limits)
    if len(rows) - h - 1 > limits.lignes:
        raise too_large(path, "le tableau", len(rows) - h - 1, "lignes", limits)
    body = []
    for row, line in zip(rows[h + 1:], lines[h + 1:], strict=True):
        if not any(c.strip() for c in row):
            body.append([""] * width)
            continue
        if len(row) > width and any(c.strip() for c in row[width:]):
            raise InputError(f"{path}{where}, ligne {line}, colonne {width + 1} : "
                             f"{len(row)} champs alors que l'en-tête en a {width}")
        body.append((row + [""] * width)[:width])
    header = _unique([h_.strip()[:limits.cellule] or f"colonne_{i + 1}" for i, h_ in enumerate(header_raw)])
    frame = pl.DataFrame({c: [r[i] for r in body] for i, c in enumerate(header)}, schema=dict.fromkeys(header, pl.String))
    frame = cut_long_cells(frame, limits, warnings, f"{path}{where}", lambda i: f"ligne {lines[h + 1 + i]}")
    return frame, lines[:h]


def cut_long_cells(frame: pl.DataFrame, limits: Limits, warnings: list[str], where: str,
                   locate: Callable[[int], str]) -> pl.DataFrame:
    """Cells longer than `limits.cellule` characters cut to it, each cut reported with its line
    and column: one pasted essay is no reason to refuse a whole petition."""
    limit = limits.cellule
    text = [c for c, t in frame.schema.items() if t == pl.String]
    long = frame.select(pl.any_horizontal(pl.col(text).str.len_chars() > limit) if text else pl.lit(False)
                        ).to_series()
    if not long.any():
        return frame
    for i in long.arg_true().to_list()[:10]:
        columns = [c for c in text if len(frame[i, c] or "") > limit]
        warnings.append(f"{where}, {locate(i)}, colonne(s) {', '.join(columns)} : cellule de plus de "
                        f"{limit} caractères coupée (--limit cellule=N pour la garder entière)")
    if long.sum() > 10:
        warnings.append(f"{where} : {long.sum()} lignes ont des cellules coupées à {limit} caractères")
    return frame.with_columns(pl.col(text).str.slice(0, limit))


def _read_lines(path: Path, text: str, limits: Limits = DEFAULT_LIMITS,
                warnings: list[str] | None = None) -> pl.DataFrame:
    """A published list (see `freetext.read_list`). Blank lines are not rows; `ligne` keeps each
    row's line number. A line longer than a cell may be is cut before it is read."""
    lines = [(i, line.strip()) for i, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines:
        raise InputError(f"{path} : fichier vide")
    if len(lines) > limits.lignes:
        raise too_large(path, "la liste", len(lines), "lignes", limits)
    long = [i for i, line in lines if len(line) > limits.cellule]
    if long and warnings is not None:
        warnings.append(f"{path} : ligne(s) {line_list(long)} de plus de {limits.cellule} caractères "
                        "coupée(s) (--limit cellule=N pour les garder entières)")
    rows = read_list([(i, line[:limits.cellule]) for i, line in lines])
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


def _json_text(value: object) -> str:
    """A JSON value as a cell: text as is, numbers and booleans as JSON writes them, objects and
    lists as JSON (str() of a dict is Python, not what the file said)."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text.replace("\x00", "")  # « \u0000 » escapes: no reader of our outputs wants NUL


def _json_frame(path: Path, records: list, limits: Limits, warnings: list[str], unit: str) -> pl.DataFrame:
    if not all(isinstance(r, dict) for r in records):
        raise InputError(f"{path} : le JSON doit être une liste d'objets (un par signature)")
    if len(records) > limits.lignes:
        raise too_large(path, "le JSON", len(records), "lignes", limits)
    records = [{k.replace("\x00", ""): v for k, v in r.items()} for r in records]
    columns: list[str] = []
    seen: set[str] = set()
    for r in records:
        for k in r:
            if k not in seen:
                seen.add(k)
                columns.append(k)
                if len(columns) > limits.colonnes:
                    raise too_large(path, "le JSON", len(columns), "colonnes", limits)
    frame = pl.DataFrame(
        {c: [_json_text(r.get(c)) for r in records] for c in columns},
        schema=dict.fromkeys(columns, pl.String),
    )
    return cut_long_cells(frame, limits, warnings, str(path), lambda i: f"{unit} {i + 1}")


def _json_loads(text: str, path: Path, where: str) -> object:
    """json.loads with every failure an InputError: syntax, numbers Python refuses to convert
    (more than 4 300 digits), nesting deeper than the interpreter's stack."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}{where}, ligne {exc.lineno}, colonne {exc.colno} : JSON invalide ({exc.msg})") from None
    except (ValueError, RecursionError) as exc:
        reason = "imbrication trop profonde" if isinstance(exc, RecursionError) else str(exc)
        raise InputError(f"{path}{where} : JSON illisible ({reason})") from None


def _read_json(path: Path, options: ReadOptions) -> Parsed:
    """A JSON array of objects (or an object holding one)."""
    warnings: list[str] = []
    data = _json_loads(_decode(path, options.limits, warnings), path, "")
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)), [data])
    if not isinstance(data, list):
        raise InputError(f"{path} : le JSON doit être une liste d'objets (un par signature)")
    return Parsed(_json_frame(path, data, options.limits, warnings, "objet"), warnings=warnings)


def _read_ndjson(path: Path, options: ReadOptions) -> Parsed:
    """JSON Lines: one object per line."""
    warnings: list[str] = []
    records: list = []
    for i, line in enumerate(_decode(path, options.limits, warnings).splitlines(), 1):
        if line.strip():
            records.append(_json_loads(line, path, f", ligne {i}"))
    return Parsed(_json_frame(path, records, options.limits, warnings, "objet"), warnings=warnings)


def _pick_sheet(book: Workbook, wanted: str) -> str:
    """The sheet named (exactly, then ignoring case and accents) or numbered (from 1) by --sheet."""
    names = book.sheet_names
    if wanted in names:
        return wanted
    folded = [n for n in names if fold(n) == fold(wanted)]
    if folded:
        return folded[0]
    if wanted.strip().isdigit() and 1 <= int(wanted) <= len(names):
        return names[int(wanted) - 1]
    raise InputError(f"{book.path} : --sheet « {wanted} » : pas de telle feuille "
                     f"(feuilles : {', '.join(f'« {n} »' for n in names) or 'aucune'})")


def _quoted(names: list[str]) -> str:
    return ", ".join(f"« {n} »" for n in names)


def read_workbook_sheets(path: Path, options: ReadOptions) -> Parsed:
    """The sheet(s) of a workbook that hold signatures. With --sheet, that sheet. Otherwise the
    sheets whose header names a name column: one is read as is, several are read one after the
    other with a `feuille` column saying where each row comes from; with none, the first sheet
    that is not empty (it may be a list without header). Sheets left aside are reported, so that
    a « Lisez-moi » first sheet never silently hides the signatures."""
    warnings: list[str] = []
    with Workbook(path, options.limits) as book:
        if not book.sheet_names:
            raise InputError(f"{path} : classeur sans feuille")
        if options.sheet is not None:
            chosen = [book.sheet(_pick_sheet(book, options.sheet))]
            others: list[Sheet] = []
        else:
            sheets = [book.sheet(name) for name in book.sheet_names]
            filled = [s for s in sheets if s.rows]
            chosen = [s for s in filled if find_header(s.rows, options.wanted) is not None] or filled[:1] or sheets[:1]
            others = [s for s in filled if s not in chosen]
    if others:
        warnings.append(f"{path} : feuille(s) {_quoted([s.name for s in chosen])} lue(s) ; "
                        f"{_quoted([s.name for s in others])} ignorée(s), sans colonne de nom "
                        "(--sheet pour en choisir une autre)")
    if len(chosen) == 1:
        sheet = chosen[0]
        frame, skipped = _frame(path, sheet.rows, sheet.lines, options.wanted, options.limits, warnings,
                                f", feuille « {sheet.name} »" if len(book.sheet_names) > 1 else "")
        return Parsed(frame, skipped, warnings=warnings)
    frames = []
    for sheet in chosen:
        where = f", feuille « {sheet.name} »"
        frame, skipped = _frame(path, sheet.rows, sheet.lines, options.wanted, options.limits, warnings, where)
        if skipped:
            warnings.append(f"{path}{where} : ligne(s) {line_list(skipped)} au-dessus de l'en-tête ignorée(s)")
        column = SHEET_COLUMN if SHEET_COLUMN not in frame.columns else f"{SHEET_COLUMN}_classeur"
        frames.append(frame.select(pl.lit(sheet.name).alias(column), pl.all()))
    warnings.append(f"{path} : {len(chosen)} feuilles de signatures lues l'une après l'autre "
                    f"({_quoted([s.name for s in chosen])}), colonne « {SHEET_COLUMN} » ajoutée")
    merged = pl.concat(frames, how="diagonal_relaxed").with_columns(pl.all().fill_null(""))
    if merged.height > options.limits.lignes:
        raise too_large(path, "le classeur", merged.height, "lignes", options.limits)
    return Parsed(merged, warnings=warnings)


def read_workbook(path: Path, limits: Limits = DEFAULT_LIMITS) -> pl.DataFrame:
    """The first sheet of a workbook as text columns (results read back), within `limits`."""
    with Workbook(path, limits) as book:
        if not book.sheet_names:
            raise InputError(f"{path} : classeur sans feuille")
        sheet = book.sheet(book.sheet_names[0])
    frame, _ = _frame(path, sheet.rows, sheet.lines, set(), limits, [])
    return frame


# ---------------------------------------------------------------- the table of formats

def read_delimited(path: Path, options: ReadOptions) -> Parsed:
    """CSV of any dialect (`,` `;` TAB), UTF-8 with or without BOM, UTF-16, cp1252, or mixed."""
    warnings: list[str] = []
    text = _decode(path, options.limits, warnings)
    frame, skipped = _frame(path, *_read_csv(path, text, options.limits), options.wanted, options.limits, warnings)
    return Parsed(frame, skipped, text, warnings=warnings)


def _read_text_list(path: Path, options: ReadOptions) -> Parsed:
    warnings: list[str] = []
    frame = _read_lines(path, _decode(path, options.limits, warnings), options.limits, warnings)
    return Parsed(frame, roles=dict(LIST_ROLES), warnings=warnings)


@dataclass(frozen=True)
class Reader:
    read: Callable[[Path, ReadOptions], Parsed]  # (file, --columns names, --sheet, limits) -> table
    table_only: bool = True  # False when a file of this suffix may hold mail (then it is sniffed)


READERS: dict[str, Reader] = {
    ".csv": Reader(read_delimited),
    ".tsv": Reader(read_delimited),
    ".xlsx": Reader(read_workbook_sheets),
    ".xlsm": Reader(read_workbook_sheets),
    ".json": Reader(_read_json),
    ".jsonl": Reader(_read_ndjson),
    ".ndjson": Reader(_read_ndjson),
    ".txt": Reader(_read_text_list, table_only=False),
    ".md": Reader(_read_text_list, table_only=False),
}
DEFAULT_READER = Reader(read_delimited, table_only=False)  # any other suffix: a delimited text
# Suffixes that are always tables, never a mailbox, whatever their first lines say.
TABLE_SUFFIXES = frozenset(suffix for suffix, reader in READERS.items() if reader.table_only)
