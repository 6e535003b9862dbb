"""The twelve files of the Répertoire national des élus and what we know about each.

Kinds are the lowercase suffixes the ministry has used in file titles since 2023; every other
module speaks in these codes so that a renamed file never changes the meaning of a row.
"""

from __future__ import annotations

import re

DATASET_SLUG = "repertoire-national-des-elus-1"
DATASET_ID = "5c34c4d1634f4173183a64f1"

KINDS: dict[str, str] = {
    "cm": "conseillers municipaux",
    "mai": "maires",
    "epci": "conseillers communautaires",
    "cd": "conseillers départementaux",
    "cr": "conseillers régionaux",
    "ca": "conseillers d'arrondissement (Paris, Lyon, Marseille)",
    "ma": "membres d'une assemblée à statut particulier",
    "dep": "députés",
    "sen": "sénateurs",
    "rpe": "représentants au Parlement européen",
    "cons": "conseillers des Français de l'étranger",
    "afe": "membres de l'Assemblée des Français de l'étranger",
}

# Resource ids have been stable since 2019 even when titles changed: a fallback when a title
# does not tell the kind.
RESOURCE_IDS: dict[str, str] = {
    "2876a346-d50c-4911-934e-19ee07b0e503": "mai",
    "d5f400de-ae3f-4966-8cb6-a85c70c6c24a": "cm",
    "41d95d7d-b172-4636-ac44-32656367cdc7": "epci",
    "601ef073-d986-4582-8e1a-ed14dc857fba": "cd",
    "430e13f9-834b-4411-a1a8-da0b4b6e715c": "cr",
    "3b6b2281-b9d9-4959-ae9d-c2c166dff118": "ca",
    "a595be27-cfab-4810-b9d4-22e193bffe35": "ma",
    "70957bb0-f19f-40c5-b97b-90b3d4d71f9e": "rpe",
    "b78f8945-509f-4609-a4a7-3048b8370479": "sen",
    "1ac42ff4-1336-44f8-a221-832039dbc142": "dep",
    "84949a7b-53e0-4d78-9a66-8446f5ab6ad4": "cons",
    "41cea915-fa63-46f2-825f-97fa354a26bc": "afe",
}

# Older titles used words rather than the short suffix.
_TITLE_ALIASES: dict[str, str] = {
    "maires": "mai", "maire": "mai", "senateurs": "sen", "senateur": "sen", "deputes": "dep",
    "depute": "dep", "cac": "ma", "municipaux": "cm", "municipal": "cm",
    "departementaux": "cd", "departemental": "cd", "regionaux": "cr", "regional": "cr",
    "arrondissement": "ca", "assemblees": "ma", "europeens": "rpe", "consulaire": "cons",
    "fde": "cons",
}

_SUFFIX = re.compile(r"[-_ ]([a-z]+)(?:\.sample)?(?:\.[a-z0-9]+)?$", re.IGNORECASE)


def kind_from_title(title: str) -> str | None:
    """Read the kind from a resource title or file name such as ``elus-maires-mai.csv``."""
    name = title.strip().lower().rsplit("/", 1)[-1]
    m = _SUFFIX.search(name)
    if not m:
        return None
    word = m.group(1)
    if word in KINDS:
        return word
    return _TITLE_ALIASES.get(word)


def kind_of_resource(title: str, resource_id: str | None = None) -> str | None:
    """Title suffix first (it follows renames), the historical resource id second."""
    return kind_from_title(title) or RESOURCE_IDS.get(resource_id or "")
