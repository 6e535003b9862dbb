"""The text of a signature file, whatever encoding its authors' tools chose, line by line if needed.

Lists are assembled by hand: rows pasted from a Windows spreadsheet (cp1252) end up in a UTF-8
file, and decoding the whole file as cp1252 turns every UTF-8 « Héron » into « HÃ©ron », which then
matches nobody. So a file that is not UTF-8 as a whole is decoded line by line, each line as UTF-8
when it is, else as cp1252, and a mix is reported with the lines concerned. UTF-16 and UTF-32
(Excel's « Texte Unicode ») are recognised by their byte-order mark, or by the NUL bytes of
UTF-16 text without one. NUL characters, which no text means, are dropped and reported.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

_BOMS = [  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
LABELS = {"utf-8": "UTF-8", "cp1252": "Windows-1252", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
          "utf-32-le": "UTF-32", "utf-32-be": "UTF-32"}
SHOWN_LINES = 10  # line numbers listed in a warning before « … »


@dataclass
class Decoded:
    text: str
    encoding: str  # "utf-8", "cp1252", "mixte", "utf-16-le"…
    warnings: list[str] = field(default_factory=list)  # French, one line each


def line_list(numbers: list[int]) -> str:
    """« 2, 5, 9 » or « 2, 5, 9, … (14 lignes) »."""
    shown = ", ".join(str(n) for n in numbers[:SHOWN_LINES])
    return shown + (f", … ({len(numbers)} lignes)" if len(numbers) > SHOWN_LINES else "")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a mark: mostly-Latin text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _decode_unicode(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        raise InputError(f"{path}, ligne {line} : texte {LABELS[encoding]} invalide "
                         f"(octet {exc.start + 1} du fichier)") from None


def _per_line(data: bytes, path: Path) -> tuple[str, str, list[int]]:
    """Each line as UTF-8 when it is, else cp1252: (text, encoding, lines read as cp1252 in a
    file that also has UTF-8 lines)."""
    pieces: list[str] = []
    utf8_lines: list[int] = []
    cp1252_lines: list[int] = []
    for number, raw in enumerate(data.splitlines(keepends=True), 1):
        try:
            piece = raw.decode("utf-8")
            if not raw.isascii():
                utf8_lines.append(number)
        except UnicodeDecodeError:
            try:
                piece = raw.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}, ligne {number}, colonne {exc.start + 1} : octet illisible "
                                 "(ni UTF-8 ni Windows-1252)") from None
            cp1252_lines.append(number)
        pieces.append(piece)
    if utf8_lines:
        return "".join(pieces), "mixte", cp1252_lines
    return data.decode("cp1252"), "cp1252", []


def decode_text(data: bytes, path: Path) -> Decoded:
    """Text of a signature file: BOM (UTF-8/16/32), UTF-16 without BOM, UTF-8, cp1252, or a mix of
    UTF-8 and cp1252 lines (warned). A line that is neither is an InputError naming it."""
    warnings: list[str] = []
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        data = data[len(next(b for b, e in _BOMS if e == encoding)):]
    else:
        encoding = _utf16_without_bom(data)
    if encoding is not None and encoding != "utf-8":
        text = _decode_unicode(data, encoding, path)
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding, cp1252_lines = _per_line(data, path)
            if cp1252_lines:
                warnings.append(f"{path} : encodage mixte, ligne(s) {line_list(cp1252_lines)} lue(s) en "
                                "Windows-1252, les autres en UTF-8 ; vérifiez les accents de ces lignes")
    if "\x00" in text:
        nul_lines = [n for n, line in enumerate(text.splitlines(), 1) if "\x00" in line]
        text = text.replace("\x00", "")
        warnings.append(f"{path} : caractères NUL retirés, ligne(s) {line_list(nul_lines)}")
    return Decoded(text, encoding, warnings)
