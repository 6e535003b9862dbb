"""Official codes and names of départements and régions (COG 2026), overseas included.

A coverage table must list units that have no signer, and a mandate such as « conseiller régional
Languedoc-Roussillon » names a région that no longer exists: both need the list of territories
independently of what a given RNE release happens to contain.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from pathlib import Path

import polars as pl

from .text import fold, fold_expr

# The territorial reference the package ships, derived from the COG by `devtools/cog.py`: one row
# per commune (actuelle, déléguée, associée, arrondissement municipal), old commune code, EPCI,
# département and région, with the current commune each belongs to. `cog.json` says its source.
COG_DATA = Path(__file__).resolve().parents[1] / "data" / "cog.csv.gz"
COG_META = COG_DATA.with_name("cog.json")
COG_COLUMNS = ("code", "type", "nom", "departement", "region", "commune", "epci")


@functools.cache
def cog() -> pl.DataFrame:
    """The shipped COG table (a few hundred KB, read once per process)."""
    return pl.read_csv(gzip.decompress(COG_DATA.read_bytes()), schema=dict.fromkeys(COG_COLUMNS, pl.String))


@functools.cache
def cog_source() -> dict:
    """Where the shipped table comes from: package, version, COG year, checksums of the sources."""
    return json.loads(COG_META.read_text(encoding="utf-8"))


# Clipperton (989) is in the COG but has no council nor any élu: it is no unit of the registry.
_WITHOUT_ELUS = ("989",)


def _named(kind: str) -> pl.DataFrame:
    return cog().filter((pl.col("type") == kind) & ~pl.col("code").is_in(_WITHOUT_ELUS)).sort("code")


# What a commune code can be in the COG, most direct first: when one code has several meanings
# (a commune déléguée keeps the code of its commune nouvelle), the first one says where it belongs.
COMMUNE_TYPES = ("commune", "arrondissement_municipal", "commune_deleguee", "commune_associee", "ancien_code")


@functools.cache
def commune_of() -> pl.DataFrame:
    """code -> the current commune it is part of (`commune`) and that commune's EPCI (`epci`).

    Containment is a relation, and comparing two commune codes means walking it up to the node
    both reach: a commune déléguée or associée belongs to its commune nouvelle, an old code
    (`anciensCodes`) to the commune it became, an arrondissement municipal to Paris, Lyon or
    Marseille. Every code is mapped once to that current commune, so that « same commune through
    the hierarchy » is an equality join; the EPCI is the next step up.
    """
    rank = {t: i for i, t in enumerate(COMMUNE_TYPES)}
    table = cog()
    epci = table.filter(pl.col("type") == "commune").select(pl.col("code").alias("commune"), "epci")
    return (table.filter(pl.col("type").is_in(COMMUNE_TYPES))
            .sort(pl.col("type").replace_strict(rank, return_dtype=pl.Int8), "commune")
            .unique("code", keep="first", maintain_order=True)
            .select("code", "commune").join(epci, on="commune", how="left"))


@functools.cache
def commune_names() -> frozenset[str]:
    """Every name a commune bears or bore (folded): to tell « (vaux-sur-vienne) » from « (éducation) »."""
    communes = cog().filter(pl.col("type").is_in(COMMUNE_TYPES) & pl.col("nom").is_not_null())
    return frozenset(communes.select(fold_expr(pl.col("nom")))["nom"].to_list())


@functools.cache
def _current_communes() -> dict[str, str]:
    return dict(commune_of().select("code", "commune").iter_rows())


def current_commune(code: str | None) -> str | None:
    """Today's commune of a commune code (itself when the COG does not know it)."""
    return _current_communes().get(code, code) if code else code


def current_commune_expr(expr: pl.Expr) -> pl.Expr:
    """`current_commune` on a column: codes the COG does not know stay as they are."""
    return expr.replace(_current_communes())


# code -> (name, région code), overseas included; from the COG table.
DEPARTEMENTS: dict[str, tuple[str, str]] = {
    code: (name, region) for code, name, region in _named("departement").select("code", "nom", "region").iter_rows()}

# code -> name (régions and the collectivités d'outre-mer that stand as their own région)
REGIONS: dict[str, str] = dict(_named("region").select("code", "nom").iter_rows())

# Régions merged in 2016, still written by signers: old name -> current région code.
OLD_REGIONS: dict[str, str] = {
    "Alsace": "44", "Champagne-Ardenne": "44", "Lorraine": "44",
    "Aquitaine": "75", "Limousin": "75", "Poitou-Charentes": "75",
    "Auvergne": "84", "Rhône-Alpes": "84",
    "Bourgogne": "27", "Franche-Comté": "27",
    "Languedoc-Roussillon": "76", "Midi-Pyrénées": "76",
    "Nord-Pas-de-Calais": "32", "Picardie": "32",
    "Basse-Normandie": "28", "Haute-Normandie": "28",
    "Centre": "24", "Provence-Alpes-Côte d'Azur": "93", "PACA": "93",
    "Alsace-Champagne-Ardenne-Lorraine": "44", "ACAL": "44", "Grand Est": "44",
    "Nord-Pas-de-Calais-Picardie": "32", "Languedoc-Roussillon-Midi-Pyrénées": "76",
    "Aquitaine-Limousin-Poitou-Charentes": "75", "Île-de-France": "11", "Ile de France": "11",
    "Région Sud": "93", "Sud": "93",
}

# Communes as officials of Brittany, the Basque Country, Corsica, Catalonia, Occitania and Alsace
# write them in their regional language (« conseiller municipal An Oriant », « d'Aiacciu »): the
# regional name -> (the COG's French name, département). Towns whose name officials commonly sign in.
REGIONAL_COMMUNE_NAMES: dict[str, tuple[str, str]] = {
    "Roazhon": ("Rennes", "35"), "An Oriant": ("Lorient", "56"), "Kemper": ("Quimper", "29"),
    "Gwened": ("Vannes", "56"), "Naoned": ("Nantes", "44"), "Sant-Brieg": ("Saint-Brieuc", "22"),
    "Montroulez": ("Morlaix", "29"), "Gwengamp": ("Guingamp", "22"), "Lannuon": ("Lannion", "22"),
    "Sant-Maloù": ("Saint-Malo", "35"), "Baiona": ("Bayonne", "64"), "Miarritze": ("Biarritz", "64"),
    "Angelu": ("Anglet", "64"), "Hendaia": ("Hendaye", "64"), "Donibane Lohizune": ("Saint-Jean-de-Luz", "64"),
    "Aiacciu": ("Ajaccio", "2A"), "Bastìa": ("Bastia", "2B"), "Corti": ("Corte", "2B"),
    "Portivechju": ("Porto-Vecchio", "2A"), "Bunifaziu": ("Bonifacio", "2A"), "Perpinyà": ("Perpignan", "66"),
    "Tolosa": ("Toulouse", "31"), "Montpelhièr": ("Montpellier", "34"), "Marselha": ("Marseille", "13"),
    "Niça": ("Nice", "06"), "Nissa": ("Nice", "06"), "Bordèu": ("Bordeaux", "33"),
    "Strossburi": ("Strasbourg", "67"), "Milhüsa": ("Mulhouse", "68"),
}

# Before 2021 the RNE wrote overseas départements with letters.
OLD_DEPARTEMENT_CODES: dict[str, str] = {
    "ZA": "971", "ZB": "972", "ZC": "973", "ZD": "974", "ZM": "976", "ZS": "975",
    "ZN": "988", "ZP": "987", "ZW": "986",
}


# Territories that hold others, as signers name them and the RNE codes them: Rhône (69) holds the
# Métropole de Lyon (69M) and the rest of the département (69D); the Collectivité européenne
# d'Alsace (6AE) is the Bas-Rhin and the Haut-Rhin; Corse (20) is Corse-du-Sud and Haute-Corse.
DEP_CONTAINS: dict[str, tuple[str, ...]] = {"69": ("69M", "69D"), "6AE": ("67", "68"), "20": ("2A", "2B")}


def same_departement_keys() -> list[str]:
    """« stated|registry » pairs of département codes that agree: equal, or one holds the other."""
    pairs = {(c, c) for c in DEPARTEMENTS} | {(c, c) for c in DEP_CONTAINS}
    for parent, children in DEP_CONTAINS.items():
        for child in children:
            pairs |= {(parent, child), (child, parent)}
    return sorted(f"{a}|{b}" for a, b in pairs)


# Folded name -> code: « Hérault », « herault », « HÉRAULT » all give 34.
DEP_BY_NAME: dict[str, str] = {fold(name): code for code, (name, _) in DEPARTEMENTS.items()}


def departement_of_postcode(postcode: str) -> str:
    """« 42260 » → 42, « 97411 » → 974, « 20090 » → 2A, « 20200 » → 2B: the département a postcode lies in."""
    if postcode.startswith(("97", "98")):
        return postcode[:3]
    if postcode.startswith("20"):
        return "2A" if postcode < "20200" else "2B"
    return postcode[:2]


def departement_code(text: str) -> str | None:
    """« 34 », « Hérault », « Hérault (34) », « 2a » → official code; None if unknown."""
    m = re.search(r"\b(\d{1,3}|2[abAB])\b", text)  # « 1 » from a spreadsheet is the Ain
    if m:
        code = m.group(1).upper().zfill(2)
        if code in DEPARTEMENTS:
            return code
    return DEP_BY_NAME.get(fold(re.sub(r"\(.*?\)", "", text)))
