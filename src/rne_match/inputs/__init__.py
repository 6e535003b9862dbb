"""Read signature lists as organisers have them: CSV of any dialect, XLSX, JSON, JSON Lines.

Every input column is kept (as text) in input order; roles (name, first name, mandate…) are found
from the usual French and English headers, or given with `--columns`.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ..domain.text import fold
from ..errors import FormatError, InputError
from ..registry.formats import decode

ROLES: dict[str, tuple[str, ...]] = {
    "nom_complet": ("nom complet", "nom et prenom", "prenom et nom", "prenom nom", "nom prenom",
                    "nom et prenoms", "prenom s et nom", "prenom e et nom", "nom s",
                    "signataire", "signataires", "liste des signataires", "noms", "elus", "elues", "elu e s",
                    "nom prenom mandat", "nom prenom fonction", "identite et mandat", "full name", "fullname",
                    "name", "identite", "elu", "elue", "signature", "personne"),
    "nom": ("nom", "nom de famille", "last name", "lastname", "surname", "family name", "nom d usage",
            "nom de naissance", "nom elu"),
    "prenom": ("prenom", "prenoms", "first name", "firstname", "given name", "prenom elu"),
    "civilite": ("civilite", "titre", "genre", "sexe", "title", "gender", "civ"),
    "mandat": ("mandat", "mandats", "mandat s", "fonction", "fonctions", "qualite", "mandate", "position",
               "role", "titre du mandat", "mandat electif", "mandats electifs", "mandat exerce", "mandat actuel",
               "fonction elective"),
    "commune": ("commune", "ville", "city", "town", "localite", "collectivite", "municipalite",
                "lieu", "territoire", "commune de mandat"),
    "departement": ("departement", "dept", "dep", "departement numero", "code departement",
                    "department", "county", "num departement", "n de departement", "numero de departement"),
    "parti": ("parti", "etiquette", "groupe", "party", "affiliation", "parti politique",
              "mouvement", "organisation", "appartenance politique", "etiquette politique",
              "formation politique", "famille politique", "sensibilite", "sensibilite politique", "nuance",
              "nuance politique", "tendance", "groupe politique", "organisation politique"),
    "email": ("email", "e mail", "courriel", "mail", "adresse mail", "adresse email",
              "adresse electronique"),
    "date": ("date", "date de signature", "horodatage", "timestamp", "date signature", "signed at"),
}


@dataclass
class SignatureTable:
    path: Path
    frame: pl.DataFrame  # every input column as text, in input order
    roles: dict[str, str]  # role -> input column name
    title_lines: list[int] = field(default_factory=list)  # lines above the header, not signatures


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


LIST_ROLES = {"nom_complet": "nom_complet", "mandat": "mandat", "commune": "commune", "parti": "parti",
              "motif": "motif"}


def _read_lines(path: Path, text: str) -> pl.DataFrame:
    """A published list (see `freetext.read_list`). Blank lines are not rows; `ligne` keeps each
    row's line number."""
    from .freetext import read_list

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


def _read_json(path: Path) -> pl.DataFrame:
    text = _decode(path)
    records: list = []
    try:
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            for i, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except ValueError as exc:
                        raise InputError(f"{path}, ligne {i} : JSON invalide ({exc.args[0]})") from exc
        else:
            data = json.loads(text)
            if isinstance(data, dict):
                data = next((v for v in data.values() if isinstance(v, list)), [data])
            records = data
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}, ligne {exc.lineno}, colonne {exc.colno} : JSON invalide ({exc.msg})") from exc
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


def detect_roles(columns: list[str], explicit: dict[str, str] | None = None) -> dict[str, str]:
    roles: dict[str, str] = {}
    folded = {c: fold(c) for c in columns}
    for role, names in ROLES.items():
        for c in columns:
            if c in roles.values():
                continue
            if folded[c] in names:
                roles[role] = c
                break
    for role, names in ROLES.items():  # looser: header starts with a known name
        if role in roles:
            continue
        for c in columns:
            if c not in roles.values() and any(folded[c].startswith(n + " ") for n in names if len(n) > 3):
                roles[role] = c
                break
    if explicit:
        for role, col in explicit.items():
            if col not in columns:
                raise InputError(f"--columns : la colonne « {col} » n'existe pas (colonnes : {', '.join(columns)})")
            roles[role] = col
    return roles


def parse_columns_option(spec: str | None) -> dict[str, str]:
    """`nom=Last name,prenom=First name,mandat=Qualité`"""
    out: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise InputError(f"--columns : « {part} » devrait être de la forme rôle=colonne")
        role, col = (x.strip() for x in part.split("=", 1))
        if role not in ROLES:
            raise InputError(f"--columns : rôle inconnu « {role} » (rôles : {', '.join(ROLES)})")
        out[role] = col
    return out


# Columns of `rne-match extract`, whose roles are known without looking at headers.
MAIL_ROLES = {"nom_complet": "nom_complet", "nom": "nom", "prenom": "prenom", "civilite": "civilite",
              "mandat": "mandat", "commune": "commune", "departement": "departement", "parti": "parti",
              "email": "expediteur", "date": "message_date", "motif_message": "extraction_raison"}


def read_signatures(path: Path, columns: dict[str, str] | None = None) -> SignatureTable:
    """A signature table from a list (CSV, XLSX, JSON) or a mailbox (mbox, Maildir, .eml)."""
    if not path.exists():
        raise InputError(f"{path} : fichier introuvable")
    from .mail.mailbox import is_mailbox

    if is_mailbox(path):
        from .mail.extract import extract_mailbox

        frame = extract_mailbox(path)
        if frame.is_empty():
            raise InputError(f"{path} : aucun message trouvé")
        return SignatureTable(path, frame, dict(MAIL_ROLES))
    suffix = path.suffix.lower()
    skipped: list[int] = []
    text = None  # decoded once for the text formats
    if suffix in (".xlsx", ".xlsm"):
        frame, skipped = _frame(path, *_read_xlsx(path), set((columns or {}).values()))
    elif suffix in (".json", ".jsonl", ".ndjson"):
        frame = _read_json(path)
    else:
        text = _decode(path)
        if suffix in (".txt", ".md"):
            return SignatureTable(path, _read_lines(path, text), dict(LIST_ROLES))
        frame, skipped = _frame(path, *_read_csv(path, text), set((columns or {}).values()))
    roles = detect_roles(frame.columns, columns)
    if not ({"nom", "nom_complet"} & roles.keys()) and not columns and text is not None:
        from .freetext import read_line

        if read_line(text.splitlines()[0]):  # no header: signer lines
            return SignatureTable(path, _read_lines(path, text), dict(LIST_ROLES))
    if not ({"nom", "nom_complet"} & roles.keys()) and frame.width == 1 and not columns:
        # One column and no known header: a bare list of signers whose first line is a signer too.
        frame = pl.concat([pl.DataFrame({frame.columns[0]: [frame.columns[0]]}), frame]).rename(
            {frame.columns[0]: "signataire"})
        roles = {"nom_complet": "signataire"}
    if not ({"nom", "nom_complet"} & roles.keys()):
        raise InputError(
            f"{path} : aucune colonne de nom trouvée parmi {', '.join(frame.columns) or '(aucune)'} ; "
            "indiquez-la avec --columns nom=…,prenom=… ou --columns nom_complet=…"
        )
    return SignatureTable(path, frame, roles, skipped)
