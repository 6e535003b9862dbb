"""Read signature lists as organisers have them: CSV of any dialect, XLSX, JSON, JSON Lines.

Every input column is kept (as text) in input order; roles (name, first name, mandate…) are found
from the usual French and English headers, or given with `--columns`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ..errors import InputError
from ..progress import Steps, silent
from .freetext import read_line
from .limits import DEFAULT_LIMITS, Limits, parse_limits
from .mail.extract import extract_mailbox, set_words_apart
from .mail.mailbox import MAILBOX_SUFFIXES, is_mailbox
from .readers import DEFAULT_READER, READERS, ReadOptions, _read_lines, read_workbook
from .roles import LIST_ROLES, MAIL_ROLES, ROLES, detect_roles, parse_columns_option

__all__ = ["DEFAULT_LIMITS", "INPUT_SUFFIXES", "ROLES", "Limits", "SignatureTable", "detect_roles",
           "parse_columns_option", "parse_limits", "read_signatures", "read_workbook"]

INPUT_SUFFIXES = (*READERS, *MAILBOX_SUFFIXES)  # what `verify` reads (and folders: Maildir, .eml)


@dataclass
class SignatureTable:
    path: Path
    frame: pl.DataFrame  # every input column as text, in input order
    roles: dict[str, str]  # role -> input column name
    title_lines: list[int] = field(default_factory=list)  # lines above the header, not signatures
    warnings: list[str] = field(default_factory=list)  # how the file was read, when it matters (French)
    # A mailbox's rows without a signer's name or mandate: the message's own words, one per row ("" for
    # the others), kept apart from the frame so that they are never written out; verify looks in them for
    # a name the registry knows (matching.guided).
    words: list[str] | None = None


def read_signatures(path: Path, columns: dict[str, str] | None = None, progress: Steps = silent, *,
                    sheet: str | None = None, limits: Limits = DEFAULT_LIMITS) -> SignatureTable:
    """A signature table from a list (CSV, XLSX, JSON) or a mailbox (mbox, Maildir, .eml, its
    extraction shown by `progress`). `sheet` chooses a workbook's sheet; `limits` bound what the
    file may expand to."""
    if not path.exists():
        raise InputError(f"{path} : fichier introuvable")
    if is_mailbox(path):
        frame = extract_mailbox(path, progress)
        if frame.is_empty():
            raise InputError(f"{path} : aucun message trouvé")
        frame, words = set_words_apart(frame)
        return SignatureTable(path, frame, dict(MAIL_ROLES), words=words)
    reader = READERS.get(path.suffix.lower(), DEFAULT_READER)
    parsed = reader.read(path, ReadOptions(set((columns or {}).values()), sheet, limits))
    if parsed.roles is not None:  # a fixed layout (a published list)
        return SignatureTable(path, parsed.frame, parsed.roles, parsed.skipped, parsed.warnings)
    frame, skipped, text = parsed.frame, parsed.skipped, parsed.text
    roles = detect_roles(frame.columns, columns)
    if (not ({"nom", "nom_complet"} & roles.keys()) and not columns and text is not None
            and read_line(text[:limits.cellule + 2].splitlines()[0])):  # no header: signer lines
        return SignatureTable(path, _read_lines(path, text, limits, parsed.warnings), dict(LIST_ROLES),
                              warnings=parsed.warnings)
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
    return SignatureTable(path, frame, roles, skipped, parsed.warnings)
