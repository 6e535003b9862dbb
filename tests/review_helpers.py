"""A demo run to review: the fictitious sample registry, generated signatures (with two written by
an attacker) verified with the CLI, so that `runs.output` points at the results file."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
from click.testing import CliRunner

from rne_match import api
from rne_match.cli import main

XSS_NAME = "<script>alert(1)</script>"
XSS_MANDATE = "<img src=x onerror=alert(1)> maire de Nulle-Part"


def copy_db(sample_db: Path, dest: Path) -> Path:
    """A private copy of the session's sample base (decisions are written into it), with its
    registry cache so that verify does not recompute the match keys."""
    dest.mkdir(parents=True, exist_ok=True)
    db = dest / "rne.duckdb"
    shutil.copy(sample_db, db)
    for cache in sample_db.parent.glob(f".{sample_db.name}.registry-*"):
        shutil.copytree(cache, dest / cache.name.replace(sample_db.name, db.name), dirs_exist_ok=True)
    return db


def signatures(registry, n: int = 160, seed: int = 12) -> pl.DataFrame:
    sigs = api.demo_signatures(registry, n, seed=seed).select("civilite", "nom", "prenom", "nom_complet", "mandat",
                                                              "parti")
    attack = pl.DataFrame({"civilite": ["", "M."], "nom": [XSS_NAME, "Pirate"], "prenom": ["Mallory", "Jean"],
                           "nom_complet": ["", ""], "mandat": ["conseillère municipale de Lyon", XSS_MANDATE],
                           "parti": ["<b>gras</b>", ""]})
    return pl.concat([sigs, attack])


def verify(sigs: pl.DataFrame, db: Path, folder: Path, name: str = "signatures.csv",
           output: str = "resultats.xlsx") -> Path:
    path = folder / name
    sigs.write_csv(path, separator=";")
    out = folder / output
    res = CliRunner().invoke(main, ["verify", str(path), "--db", str(db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out


def demo_run(sample_db: Path, registry, folder: Path, n: int = 160) -> tuple[Path, Path]:
    db = copy_db(sample_db, folder)
    return db, verify(signatures(registry, n), db, folder)
