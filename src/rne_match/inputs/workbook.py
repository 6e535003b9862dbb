"""XLSX workbooks, read with calamine after a bounded look at what they would expand to.

openpyxl trusts a sheet's declared dimension: a 1.6 KB file declaring A1:XFD1048576 gave rows of
16 384 cells (verify then grew to 19 GB), and it parses XML in Python (285 MB of it took 300 s).
calamine (Rust) ignores the declaration and parses about ten times faster, but it allocates the
dense rectangle of the cells present: one real cell at XFD1048576 makes it ask for 550 GB and abort
the process, which no `except` can catch. So before calamine sees the file, `scan` streams every
part of the archive once, counting the bytes really decompressed (a header cannot lie about
them) and the extent of the rows and cells each worksheet holds, and refuses what exceeds
`Limits` with an error naming the limit.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .limits import Limits, too_large

_CHUNK = 1 << 22
_ROW_OPEN = re.compile(rb"<(?:[\w.-]+:)?row(?=[\s/>])")
_ROW_NUMBER = re.compile(rb"""<(?:[\w.-]+:)?row\s[^>]*?\br\s*=\s*["'](\d+)["']""")
_CELL_OPEN = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_CELL_REF = re.compile(rb"""<(?:[\w.-]+:)?c\s[^>]*?\br\s*=\s*["']\$?([A-Za-z]+)\$?(\d*)["']""")
_CELL_ROW = re.compile(rb"""<(?:[\w.-]+:)?c\s[^>]*?\br\s*=\s*["']\$?[A-Za-z]+\$?(\d+)["']""")
# What Excel, LibreOffice, xlsxwriter and openpyxl write: no prefix, `r` first. Counting tags with
# bytes.count and matching these is several times faster than the general patterns above.
_PLAIN_ROW_NUMBER = re.compile(rb'<row r="(\d+)"')
_PLAIN_CELL_COLUMN = re.compile(rb'<c r="([A-Z]+)\d')
_PLAIN_CELL_ROW = re.compile(rb'<c r="[A-Z]+(\d+)"')


@dataclass
class Extent:
    """What a worksheet part would expand to: its last row and column (1-based, at most)."""
    rows: int = 0
    columns: int = 0

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


@dataclass
class _Tags:
    row_numbers: set[bytes]  # the `r` of rows and the row part of cell references
    columns: set[bytes]  # the letters of cell references
    named_rows: int  # rows with an `r`
    named_cells: int  # cells with an `r`
    rows: int  # row tags
    cells: int  # cell tags


def _tags(text: bytes) -> _Tags:
    """The row and cell tags of whole rows of sheet XML, by bulk regular expressions."""
    rows_total = text.count(b"<row ") + text.count(b"<row>") + text.count(b"<row/>")
    cells_total = text.count(b"<c ") + text.count(b"<c>") + text.count(b"<c/>")
    rows, columns = _PLAIN_ROW_NUMBER.findall(text), _PLAIN_CELL_COLUMN.findall(text)
    if len(rows) == rows_total and len(columns) == cells_total:
        return _Tags({*rows, *_PLAIN_CELL_ROW.findall(text)}, set(columns), len(rows), len(columns),
                     rows_total, cells_total)
    rows, refs = _ROW_NUMBER.findall(text), _CELL_REF.findall(text)
    return _Tags({*rows, *_CELL_ROW.findall(text)}, {letters for letters, _ in refs}, len(rows), len(refs),
                 len(_ROW_OPEN.findall(text)), len(_CELL_OPEN.findall(text)))


def _scan_rows(text: bytes, extent: Extent) -> None:
    """Update `extent` with whole rows of sheet XML, in bulk (no Python loop per row or cell).
    A row or cell without an `r` attribute follows the previous one: unnamed rows count one each
    after the last named one, and unnamed cells extend a row by their number (upper bounds)."""
    tags = _tags(text)
    extent.rows = max(extent.rows, max(map(int, tags.row_numbers), default=0)) + tags.rows - tags.named_rows
    columns = max(map(_column_number, tags.columns), default=0)
    if tags.cells > tags.named_cells:  # unnamed cells: count them row by row
        columns += max(map(len, map(_CELL_OPEN.findall, _ROW_OPEN.split(text))), default=0)
    extent.columns = max(extent.columns, columns)


def _scan_part(stream, extent: Extent, budget: list[int], path: Path, limits: Limits) -> None:
    """Stream one archive part, counting its bytes against the budget and, for XML, the extent
    of its rows. The unfinished last row of a chunk is carried into the next one; text before
    the first row only keeps a tail, where a `<row` cut by the chunk boundary may start."""
    pending, token = b"", None
    while chunk := stream.read(_CHUNK):
        budget[0] += len(chunk)
        if budget[0] > limits.taille:
            raise too_large(path, "le classeur décompressé", None, "taille", limits)
        text = pending + chunk
        if token is None:
            first = _ROW_OPEN.search(text)
            if first is None:
                pending = text[-64:]
                continue
            token, text = first.group(0), text[first.start():]
        cut = text.rfind(token)
        if cut > 0:
            _scan_rows(text[:cut], extent)
            _check(extent, path, limits, at_least=True)  # a bomb stops here, not once wholly read
        pending = text[max(cut, 0):]
    if token is not None:
        _scan_rows(pending, extent)
        _check(extent, path, limits)


def _check(extent: Extent, path: Path, limits: Limits, at_least: bool = False) -> None:
    for name, found in (("lignes", extent.rows), ("colonnes", extent.columns), ("cellules", extent.cells)):
        if found > getattr(limits, name):
            raise too_large(path, "une feuille", found, name, limits, at_least)


def scan(path: Path, limits: Limits) -> dict[str, Extent]:
    """The extent of every part of an XLSX archive, every byte decompressed once, or an
    InputError as soon as a limit is exceeded (size, rows, columns, cells)."""
    budget = [0]
    extents: dict[str, Extent] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            declared = sum(info.file_size for info in archive.infolist())
            if declared > limits.taille:
                raise too_large(path, "le classeur décompressé", declared, "taille", limits)
            for info in archive.infolist():
                if info.is_dir():
                    continue
                extent = extents.setdefault(info.filename, Extent())
                with archive.open(info) as stream:
                    _scan_part(stream, extent, budget, path, limits)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, RuntimeError, ValueError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(f"{path} : classeur Excel illisible ({exc})") from None
    cells = sum(e.cells for e in extents.values())
    if cells > limits.cellules:
        raise too_large(path, "le classeur", cells, "cellules", limits)
    return extents


def cell_text(value: object) -> str:
    """A cell as the text a person sees: 75 not 75.0, a date without a midnight time."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\x00", "")  # Excel's « _x0000_ » escape
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return str(value)


@dataclass
class Sheet:
    name: str
    rows: list[list[str]]  # every row from row 1, as text
    lines: list[int]  # the Excel row number of each row


class Workbook:
    """An XLSX file checked by `scan`, whose sheets are read on demand."""

    def __init__(self, path: Path, limits: Limits):
        from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

        self.path = path
        self._error = CalamineError
        scan(path, limits)
        try:
            self._book = CalamineWorkbook.from_path(str(path))
        except (CalamineError, OSError, ValueError) as exc:
            raise InputError(f"{path} : classeur Excel illisible ({exc})") from None
        self.sheet_names = [m.name for m in self._book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]

    def sheet(self, name: str) -> Sheet:
        try:
            values = self._book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except (self._error, OSError, ValueError) as exc:
            raise InputError(f"{self.path}, feuille « {name} » : illisible ({exc})") from None
        rows = [[cell_text(v) for v in row] for row in values]
        while rows and not any(rows[-1]):
            rows.pop()
        return Sheet(name, rows, list(range(1, len(rows) + 1)))

    def close(self) -> None:
        self._book.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
