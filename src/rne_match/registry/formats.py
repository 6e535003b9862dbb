"""Recognise the shape of an RNE file: encoding, separator, quoting, header dialect and kind.

The ministry has changed the layout of the same files many times since 2019 (TAB/`;`/`,`,
cp1252/UTF-8, French or snake_case headers with typos, a `Titre du rapport` first line). Rather
than one parser per release, every header is reduced to a small vocabulary of canonical columns;
the loader then only ever speaks that vocabulary.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.kinds import kind_from_title
from ..errors import FormatError, InvariantError

# Canonical column -> patterns matched against a simplified header (lowercase, no accents,
# punctuation turned into single spaces). Order matters: the first match wins.
_HEADER_RULES: list[tuple[str, str]] = [
    ("code_region", r"^code (de la )?region$"),
    ("libelle_region", r"^libelle (de la )?region$"),
    ("code_section_dep", r"^code (de la )?section departementale$"),
    ("libelle_section_dep", r"^libelle (de la )?section departementale$"),
    ("code_section", r"^code (de la )?section( collectivite a statut particulier)?$"),
    ("libelle_section", r"^libelle (de la )?section( collectivite a statut particulier)?$"),
    ("code_departement", r"^code (du |de )?departement( maires?)?$"),
    ("libelle_departement", r"^libelle (du |de )?departement( maires?)?$"),
    ("code_collectivite", r"^code (de la )?collectivite( a)? statut particulier$"),
    ("libelle_collectivite", r"^libelle (de la )?collectivite( a)? statut particulier$"),
    ("siren_epci", r"^(n )?siren( epci)?$"),
    ("libelle_epci", r"^libelle (de l )?epci$"),
    ("code_commune", r"^code (insee )?(de la )?commune( de rattachement)?$"),
    ("libelle_commune", r"^libelle (de la )?commune( de rattachement)?$"),
    ("secteur", r"^libelle (du )?secteur$"),
    ("code_canton", r"^code (du )?canton$"),
    ("libelle_canton", r"^libelle (du )?canton$"),
    ("code_circ_leg", r"^code (de la )?cir(conscription)? ?legislative$"),
    ("libelle_circ_leg", r"^libelle (de la )?cir(conscription)? ?legislative$"),
    ("code_circ_cons", r"^code (de la )?circonscription consulaire$"),
    ("libelle_circ_cons", r"^libelle (de la )?circonscription consulaire$"),
    ("code_circ_afe", r"^code (de )?la circ(onscription)? afe$"),
    ("libelle_circ_afe", r"^libelle (de )?la circ(onscription)? afe$"),
    ("code_circ_metro", r"^code (de la )?circonscription metropolitaine$"),
    ("libelle_circ_metro", r"^libelle (de la )?circonscription metropolitaine$"),
    ("code_circ_euro", r"^codecirer$"),
    ("libelle_circ_euro", r"^libellecirer$"),
    ("nom", r"^nom (de l )?elu$"),
    ("prenom", r"^prenom (de l )?elu$"),
    ("sexe", r"^(code )?sexe( elu)?$"),
    ("date_naissance", r"^date (de )?naissancee?( elu)?$"),
    ("lieu_naissance", r"^lieu (de )?naissance( elu)?$"),
    ("code_csp", r"^code (de la )?(categorie socio professionnelle|profession)$"),
    ("libelle_csp", r"^libelle (de la )?(categorie socio professionnelle|profession)$"),
    ("date_debut_mandat", r"^date (de )?debut (du )?mandat$"),
    ("fonction", r"^libelle (de la |de )?fonction$"),
    ("date_debut_fonction", r"^date (de )?debut (de la )?fonction$"),
    ("date_fin_fonction", r"^date (de )?fin (de la )?fonction$"),
    ("code_nuance", r"^code (de la )?nuance( mandat)?$"),
    ("nuance", r"^libelle (de la )?nuance( mandat)?$"),
    ("code_nationalite", r"^code nationalite$"),
]
_COMPILED = [(name, re.compile(p)) for name, p in _HEADER_RULES]

ENCODINGS = ("utf-8", "cp1252")
DELIMITERS = ("\t", ";", ",")


def simplify_header(text: str) -> str:
    """Reduce a header cell to lowercase ASCII words so typos in punctuation stop mattering."""
    text = text.strip().strip("\"'").replace("’", "'").replace("''", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    # snake_case headers say "nom_elu", French ones "nom de l'elu": both reach "nom elu"/"nom de l elu".
    return text


def canonical_column(header: str) -> str | None:
    simple = simplify_header(header)
    for name, pattern in _COMPILED:
        if pattern.match(simple):
            return name
    return None


@dataclass
class FileFormat:
    path: Path
    encoding: str
    delimiter: str
    quoted: bool
    crlf: bool
    header_line: int  # 1-based line number of the header
    raw_headers: list[str]
    columns: list[str | None]  # canonical name per position, None when ignored
    kind: str
    kind_from_name: str | None
    notes: list[str] = field(default_factory=list)

    @property
    def description(self) -> str:
        sep = {"\t": "TAB", ";": "';'", ",": "','"}[self.delimiter]
        parts = [self.encoding, sep, "CRLF" if self.crlf else "LF"]
        if self.quoted:
            parts.append("guillemets")
        if self.header_line > 1:
            parts.append("ligne « Titre du rapport »")
        if any(h and "_" in h and " " not in h for h in self.raw_headers):
            parts.append("en-têtes snake_case")
        return ", ".join(parts)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 is tried first because cp1252 decodes almost anything."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for enc in ENCODINGS:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise FormatError(f"{path}: encodage inconnu (ni UTF-8 ni Windows-1252)")


def _split_header(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter, quotechar='"'))


def detect_kind(columns: set[str], fallback: str | None) -> str:
    """The header tells the kind; the file name only breaks ties the header cannot."""
    if "siren_epci" in columns or "libelle_epci" in columns:
        return "epci"
    if "secteur" in columns:
        return "ca"
    if "code_section" in columns or "code_circ_metro" in columns:
        return "ma"
    if "code_circ_leg" in columns:
        return "dep"
    if "code_circ_cons" in columns:
        return "cons"
    if "code_circ_afe" in columns:
        return "afe"
    if "code_circ_euro" in columns:
        return "rpe"
    if "code_canton" in columns:
        return "cd"
    if "code_region" in columns or "code_section_dep" in columns:
        has_dep = "code_departement" in columns or "code_section_dep" in columns
        return "cr" if has_dep else "ma"
    if "code_commune" in columns:
        return "cm" if "fonction" in columns else "mai"
    if "code_departement" in columns:
        return "sen"
    if "fonction" in columns:
        # Only the 2019-2020 Corsica assembly file names people with a function and no place.
        return "ma"
    if fallback in ("rpe", "ma"):
        return fallback
    return "rpe"


def sniff(path: Path, text: str | None = None, encoding: str | None = None) -> FileFormat:
    """Identify one file's format from its first lines."""
    if text is None:
        text, encoding = decode(path.read_bytes(), path)
    if encoding is None:
        raise InvariantError("sniff: a decoded text comes with its encoding")
    head = text[:20000]
    lines = head.splitlines()
    if not lines:
        raise FormatError(f"{path}: fichier vide")
    header_line = 1
    if lines[0].strip().lower().startswith("titre du rapport"):
        header_line = 2
    if len(lines) < header_line:
        raise FormatError(f"{path}: ligne {header_line}: en-tête absent")
    header = lines[header_line - 1]
    delimiter = max(DELIMITERS, key=header.count)
    if header.count(delimiter) == 0:
        raise FormatError(
            f"{path}: ligne {header_line}: en-tête sans séparateur reconnu (TAB, ';' ou ',')"
        )
    raw = _split_header(header, delimiter)
    columns = [canonical_column(h) for h in raw]
    present = {c for c in columns if c}
    missing = {"nom", "prenom"} - present
    if missing:
        raise FormatError(
            f"{path}: ligne {header_line}: colonnes {', '.join(sorted(missing))} introuvables "
            f"dans l'en-tête ({header[:120]!r}) : ce n'est pas un fichier du RNE"
        )
    # Duplicate canonical names would make the SQL ambiguous; keep the first, ignore the rest.
    seen: set[str] = set()
    for i, c in enumerate(columns):
        if c in seen:
            columns[i] = None
        elif c:
            seen.add(c)
    body = lines[header_line : header_line + 50]
    quoted = '"' in header or any(f'{delimiter}"' in line for line in body)
    name_kind = kind_from_title(path.name)
    kind = detect_kind(present, name_kind)
    notes = []
    if name_kind and name_kind != kind:
        notes.append(f"nommé « {name_kind} » mais l'en-tête est celui de « {kind} »")
    return FileFormat(
        path=path,
        encoding=encoding,
        delimiter=delimiter,
        quoted=quoted,
        crlf="\r\n" in head,
        header_line=header_line,
        raw_headers=raw,
        columns=columns,
        kind=kind,
        kind_from_name=name_kind,
        notes=notes,
    )
