"""Build the territorial reference the package ships (`rne_match/data/cog.csv.gz`) from the COG.

The source is the JSON of the MIT-licensed npm package `@etalab/decoupage-administratif` (the
INSEE's Code officiel géographique, with EPCI membership from the DGCL). Users have neither the
package nor the network at hand, and matching needs a small part of it, so one table is derived:
one row per territory a signer may name or a registry row may carry, with the current commune it
belongs to. Run once per COG vintage:

    python -m rne_match.devtools.cog ../shared/cog            # or: make cog

and commit both files. `tests/test_cog.py` (real_data tier) checks that the shipped table is what
this script derives from `../shared/cog`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

import polars as pl

from ..domain.territories import COG_COLUMNS, COG_DATA, COG_META
from ..files import atomic_write

SOURCE = {
    "package": "@etalab/decoupage-administratif",
    "version": "6.0.0",
    "cog": 2026,
    "url": "https://unpkg.com/@etalab/decoupage-administratif@6.0.0/data/",
    "licence": "MIT (package) ; données INSEE (COG) et DGCL (EPCI), Licence Ouverte",
}
FILES = ("communes.json", "epci.json", "departements.json", "regions.json")

# COG entry types, as the table names them (the etalab names use dashes).
_TYPES = {
    "commune-actuelle": "commune",
    "commune-deleguee": "commune_deleguee",
    "commune-associee": "commune_associee",
    "arrondissement-municipal": "arrondissement_municipal",
}


def build(source: Path) -> pl.DataFrame:
    """The derived table: code, type, nom, departement, region, commune (the current commune a
    place belongs to: itself, its chef-lieu, its city, or what an old code became), epci (SIREN of a
    current commune's EPCI). Old codes (`anciensCodes` of communes nouvelles) are rows of type
    `ancien_code` without a name; a commune's département and région are those of today."""
    raw = {name: json.loads((source / name).read_text(encoding="utf-8")) for name in FILES}
    communes = raw["communes.json"]
    epci_of = {m["code"]: e["code"] for e in raw["epci.json"] for m in e["membres"]}
    rows = []
    for c in communes:
        kind = _TYPES[c["type"]]
        parent = {"commune": c["code"], "arrondissement_municipal": c.get("commune")}.get(kind, c.get("chefLieu"))
        rows.append((c["code"], kind, c["nom"], c["departement"], c["region"], parent,
                     epci_of.get(c["code"]) if kind == "commune" else None))
    current = {c["code"]: c for c in communes if c["type"] == "commune-actuelle"}
    for c in current.values():
        for old in c.get("anciensCodes", []):
            rows.append((old, "ancien_code", None, c["departement"], c["region"], c["code"], None))
    dep_region = {d["code"]: d["region"] for d in raw["departements.json"]}
    for e in raw["epci.json"]:
        # An EPCI may straddle départements: it is placed in the one most of its members are in.
        deps = [current[m["code"]]["departement"] for m in e["membres"] if m["code"] in current]
        dep = max(sorted(set(deps)), key=deps.count) if deps else None
        rows.append((e["code"], "epci", e["nom"], dep, dep_region.get(dep), None, None))
    for d in raw["departements.json"]:
        rows.append((d["code"], "departement", d["nom"], d["code"], d["region"], None, None))
    for r in raw["regions.json"]:
        rows.append((r["code"], "region", r["nom"], None, r["code"], None, None))
    return pl.DataFrame(rows, schema=dict.fromkeys(COG_COLUMNS, pl.String), orient="row").unique(
        maintain_order=True).sort("type", "code", "nom", nulls_last=True)


def write(source: Path, data: Path = COG_DATA, meta: Path = COG_META) -> pl.DataFrame:
    """Write the table (gzip without a timestamp: the same source gives the same bytes) and its
    provenance: package, version, COG year, SHA-256 of each source file, rows per type."""
    table = build(source)
    with atomic_write(data) as tmp:
        tmp.write_bytes(gzip.compress(table.write_csv().encode("utf-8"), compresslevel=9, mtime=0))
    info = {**SOURCE,
            "sha256": {name: hashlib.sha256((source / name).read_bytes()).hexdigest() for name in FILES},
            "rows": dict(sorted(table.group_by("type").len().iter_rows()))}
    with atomic_write(meta) as tmp:
        tmp.write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, nargs="?", default=Path("../shared/cog"),
                        help="folder holding the etalab JSON files (default: ../shared/cog)")
    args = parser.parse_args(argv)
    missing = [name for name in FILES if not (args.source / name).exists()]
    if missing:
        print(f"{args.source}: fichiers absents : {', '.join(missing)}", file=sys.stderr)
        return 2
    table = write(args.source)
    print(f"{COG_DATA} : {table.height} lignes, {COG_DATA.stat().st_size // 1024} Ko")
    return 0


if __name__ == "__main__":
    sys.exit(main())
