"""The twelve files of the Répertoire national des élus and what we know about each: `KINDS`.

Kinds are the lowercase suffixes the ministry has used in file titles since 2023; every other
module speaks in these codes so that a renamed file never changes the meaning of a row, and
derives its per-kind tables from the `KindSpec` rows below instead of retyping them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DATASET_SLUG = "repertoire-national-des-elus-1"
DATASET_ID = "5c34c4d1634f4173183a64f1"

@dataclass(frozen=True)
class KindSpec:
    """Everything the code knows about one kind of mandate, in one row. Every per-kind table
    elsewhere (policy groups, compatible kinds, labels, place preference, territory SQL) is derived
    from `KINDS`; adding a kind is a row here plus its loader mapping (`formats.detect_kind`, and
    `load._select_canonical` if its columns are new)."""

    code: str  # the suffix of the file title since 2023, and the `kind` column everywhere
    files: str  # what the file holds, plural (« conseillers municipaux »)
    label: str  # one holder, as reasons name them (« conseiller·e municipal·e »)
    resource_id: str  # data.gouv.fr resource id, stable since 2019: a fallback when a title says nothing
    groups: tuple[str, ...]  # `--eligible` levels that include it (municipal, departemental…)
    compatible: frozenset[str]  # registry kinds that satisfy this stated kind (a mayor is a councillor)
    eligible_default: bool = False  # in the default policy (municipal, departmental, regional)
    places: tuple[str, ...] = ()  # kinds of place a stated place is looked up as, by preference
    territory_sql: str = "coalesce(m.libelle_circonscription, 'France')"  # place label of a mandate
    title_aliases: tuple[str, ...] = ()  # words older file titles used instead of the code
    commune_level: bool = False  # held in a commune (its stated place names a commune)
    default_fonction: str | None = None  # the function when the file has no column for it
    # Blocking on the holders of a claimed mandate (typo'd surnames): « territory » among those of
    # the stated département or région, « national » also when no place is given (small assemblies).
    holders_blocking: str = ""


_KIND_ROWS = (
    KindSpec("cm", "conseillers municipaux", "conseiller·e municipal·e", "d5f400de-ae3f-4966-8cb6-a85c70c6c24a",
             ("municipal",), frozenset({"cm", "mai", "ca", "epci"}), True, ("commune", "departement"),
             "m.libelle_commune", ("municipaux", "municipal"), commune_level=True),
    KindSpec("mai", "maires", "maire", "2876a346-d50c-4911-934e-19ee07b0e503",
             ("municipal",), frozenset({"mai", "cm"}), True, ("commune", "departement"),
             "m.libelle_commune", ("maires", "maire"), commune_level=True, default_fonction="Maire", holders_blocking="territory"),
    KindSpec("epci", "conseillers communautaires", "conseiller·e communautaire", "41d95d7d-b172-4636-ac44-32656367cdc7",
             # « conseiller métropolitain » is also what the Métropole de Lyon's members (ma) call themselves
             ("intercommunal",), frozenset({"epci", "cm", "mai", "ma"}), False, ("epci", "commune"),
             "m.libelle_epci", commune_level=True),
    KindSpec("cd", "conseillers départementaux", "conseiller·e départemental·e", "601ef073-d986-4582-8e1a-ed14dc857fba",
             ("departemental",), frozenset({"cd", "ma"}), True, ("canton", "departement", "commune"),
             "coalesce(m.libelle_canton || ' (' || m.libelle_departement || ')', m.libelle_departement)",
             ("departementaux", "departemental"), holders_blocking="national"),
    KindSpec("cr", "conseillers régionaux", "conseiller·e régional·e", "430e13f9-834b-4411-a1a8-da0b4b6e715c",
             ("regional",), frozenset({"cr", "ma"}), True, ("region", "departement"),
             "coalesce(m.libelle_region, r.libelle_region)", ("regionaux", "regional"), holders_blocking="national"),
    KindSpec("ca", "conseillers d'arrondissement (Paris, Lyon, Marseille)", "conseiller·e d'arrondissement",
             "3b6b2281-b9d9-4959-ae9d-c2c166dff118", ("municipal",), frozenset({"ca", "cm"}), True, ("commune",),
             "coalesce(m.secteur, m.libelle_commune)", ("arrondissement",), commune_level=True, holders_blocking="territory"),
    KindSpec("ma", "membres d'une assemblée à statut particulier", "membre d'une assemblée territoriale",
             "a595be27-cfab-4810-b9d4-22e193bffe35", ("departemental", "regional"), frozenset({"ma", "cd", "cr"}),
             True, ("collectivite", "region", "departement", "commune"),
             "coalesce(m.libelle_collectivite, m.libelle_section, m.libelle_region)", ("cac", "assemblees"), holders_blocking="national"),
    KindSpec("dep", "députés", "député·e", "1ac42ff4-1336-44f8-a221-832039dbc142",
             ("parlementaire",), frozenset({"dep"}), places=("departement", "collectivite"),
             territory_sql="coalesce(m.libelle_circonscription || ' (' || m.libelle_departement || ')', m.libelle_departement)",
             title_aliases=("deputes", "depute")),
    KindSpec("sen", "sénateurs", "sénateur·rice", "b78f8945-509f-4609-a4a7-3048b8370479",
             ("parlementaire",), frozenset({"sen"}), places=("departement", "collectivite"),
             territory_sql="coalesce(m.libelle_departement, m.libelle_collectivite)",
             title_aliases=("senateurs", "senateur")),
    KindSpec("rpe", "représentants au Parlement européen", "député·e européen·ne", "70957bb0-f19f-40c5-b97b-90b3d4d71f9e",
             ("europeen",), frozenset({"rpe"}), title_aliases=("europeens",)),
    KindSpec("cons", "conseillers des Français de l'étranger", "conseiller·e des Français de l'étranger",
             "84949a7b-53e0-4d78-9a66-8446f5ab6ad4", ("etranger",), frozenset({"cons", "afe"}),
             title_aliases=("consulaire", "fde")),
    KindSpec("afe", "membres de l'Assemblée des Français de l'étranger", "membre de l'AFE",
             "41cea915-fa63-46f2-825f-97fa354a26bc", ("etranger",), frozenset({"afe", "cons"})),
)
KINDS: dict[str, KindSpec] = {spec.code: spec for spec in _KIND_ROWS}

# Derived look-ups for reading file titles.
RESOURCE_IDS: dict[str, str] = {spec.resource_id: spec.code for spec in _KIND_ROWS}
_TITLE_ALIASES: dict[str, str] = {alias: spec.code for spec in _KIND_ROWS for alias in spec.title_aliases}

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
