"""How much a signature file may make the readers expand: the named limits, in one place.

Signature files come from strangers. A 1.6 KB workbook can declare 17 billion cells, a 969 KB one
can hold 285 MB of XML, a CSV can hold a 1 MB cell. Every reader checks what it is about to
expand against these limits before expanding it, and refuses with one line of French naming the
limit and how to raise it (`--limit NOM=VALEUR`). A cell longer than `cellule` is not a reason to
refuse a whole petition: it is cut, and the cut is reported with its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..errors import InputError


@dataclass(frozen=True)
class Limits:
    # Bytes a file may hold once decompressed (the text of a CSV/JSON/list, every part of an
    # XLSX): a 700 000-row petition is about 100 MB of CSV, 335 MB of XLSX XML.
    taille: int = 512_000_000
    # Rows of a table (Excel itself stops at 1 048 576).
    lignes: int = 1_000_000
    # Columns of a table: petition exports have tens, form exports a few hundred.
    colonnes: int = 500
    # Cells of a worksheet's used rectangle (rows × columns), which the XLSX reader allocates
    # whole: 20 million cells is about 1 GB in memory.
    cellules: int = 20_000_000
    # Characters of one cell, beyond which it is cut (Excel's own limit is 32 767).
    cellule: int = 32_767


DEFAULT_LIMITS = Limits()
LIMIT_UNITS = {"taille": "octets", "lignes": "lignes", "colonnes": "colonnes", "cellules": "cellules",
               "cellule": "caractères"}


def _number(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def too_large(path: Path | str, what: str, found: int | None, name: str, limits: Limits,
              at_least: bool = False) -> InputError:
    """The one-line error of a file beyond a limit: what was found (`at_least` when reading
    stopped before the end), the limit, how to raise it."""
    limit = getattr(limits, name)
    seen = f" ({'au moins ' if at_least else ''}{_number(found)} {LIMIT_UNITS[name]})" if found is not None else ""
    return InputError(f"{path} : {what}{seen} dépasse la limite de {_number(limit)} {LIMIT_UNITS[name]} ; "
                      f"si le fichier est sûr, relevez-la avec --limit {name}=N")


def parse_limits(specs: list[str] | tuple[str, ...] | None, base: Limits = DEFAULT_LIMITS) -> Limits:
    """`["lignes=2000000", "taille=1000000000"]` → Limits; a bad name or value is an InputError."""
    known = {f.name for f in fields(Limits)}
    changes: dict[str, int] = {}
    for spec in specs or ():
        name, _, value = spec.partition("=")
        name = name.strip().lower()
        if name not in known:
            raise InputError(f"--limit : limite inconnue « {name} » (limites : {', '.join(sorted(known))})")
        try:
            number = int(value.strip().replace("_", "").replace(" ", ""))
        except ValueError:
            raise InputError(f"--limit : « {spec} » devrait être de la forme {name}=nombre") from None
        if number < 1:
            raise InputError(f"--limit : {name} doit être un nombre positif")
        changes[name] = number
    return replace(base, **changes)
