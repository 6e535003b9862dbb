"""Hostile and odd signature files, built on the fly (tests, `bench/hostile.py`).

Signature files come from strangers: a workbook can declare a sheet of 17 billion cells in a few
bytes, or compress hundreds of megabytes of XML into one. These builders write such files with
the standard library only, small on disk, so that tests never ship a bomb in the repository.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
{sheets}
</Types>"""
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{i}.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets>{sheets}</sheets></workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"""
_SHEET_REL = ('<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>')
_SHEET_TAIL = "</sheetData></worksheet>"


def column_letters(index: int) -> str:
    """1 → A, 27 → AA, 16384 → XFD."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def row_xml(number: int, cells: Iterable[tuple[int, str]]) -> str:
    """One `<row>` of inline strings, `cells` as (column number, text)."""
    inner = "".join(f'<c r="{column_letters(col)}{number}" t="inlineStr"><is><t xml:space="preserve">'
                    f"{escape(text)}</t></is></c>" for col, text in cells)
    return f'<row r="{number}">{inner}</row>'


def table_rows(rows: Iterable[Iterable[str]]) -> Iterator[str]:
    """Rows of text, the first at row 1, every cell from column A."""
    for number, row in enumerate(rows, 1):
        yield row_xml(number, enumerate(row, 1))


def write_xlsx(path: Path, sheets: dict[str, Iterable[str]], dimension: str | None = None,
               level: int = 6) -> Path:
    """A workbook of inline-string sheets: `sheets` maps a sheet name to its `<row>` XML pieces
    (see `row_xml`, `table_rows`), streamed into the archive so that a large sheet never sits in
    memory. `dimension` is written as the sheets' declared `<dimension ref=…>`, true or not."""
    names = list(sheets)
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES.format(
            sheets="".join(_SHEET_TYPE.format(i=i) for i in range(1, len(names) + 1))))
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK.format(sheets="".join(
            f'<sheet name="{escape(n, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
            for i, n in enumerate(names, 1))))
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.format(
            rels="".join(_SHEET_REL.format(i=i) for i in range(1, len(names) + 1))))
        for i, name in enumerate(names, 1):
            with z.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as out:
                out.write(_SHEET_HEAD.format(dimension=dim).encode())
                buffer: list[str] = []
                for piece in sheets[name]:
                    buffer.append(piece)
                    if len(buffer) >= 1000:
                        out.write("".join(buffer).encode())
                        buffer.clear()
                out.write("".join(buffer).encode())
                out.write(_SHEET_TAIL.encode())
    return path


SIGNERS = [["nom", "prénom", "mandat"], ["Dupont", "Marie", "maire de Laval"],
           ["Martin", "Jean", "conseiller municipal de Brest"]]


def dimension_bomb(path: Path) -> Path:
    """A tiny workbook whose sheet declares the whole Excel grid, A1:XFD1048576 (17 billion
    cells), while holding three rows: a reader that trusts the declaration allocates them all."""
    return write_xlsx(path, {"Feuil1": table_rows(SIGNERS)}, dimension="A1:XFD1048576")


def far_cell_bomb(path: Path) -> Path:
    """Three real rows and one real cell at XFD1048576: a reader that builds the dense rectangle
    of the cells present allocates 17 billion of them."""
    rows = [*table_rows(SIGNERS), row_xml(1_048_576, [(16_384, "x")])]
    return write_xlsx(path, {"Feuil1": rows})


def xml_bomb(path: Path, megabytes: int = 285) -> Path:
    """A workbook holding about `megabytes` of sheet XML that compresses ~300 to 1: the same
    signer row repeated (285 MB of XML fit in under 1 MB on disk)."""
    row = '<row><c t="inlineStr"><is><t>Dupont</t></is></c><c t="inlineStr"><is><t>Marie</t></is></c></row>'
    count = megabytes * 1_000_000 // len(row)
    return write_xlsx(path, {"Feuil1": [*table_rows(SIGNERS[:1]), *(row for _ in range(count))]}, level=9)
