"""Shared fixtures: a real DuckDB registry built from the fictitious sample release."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import pytest

from rne_match.devtools.sample import write_sample_release
from rne_match.registry.load import load_folder
from rne_match.registry.view import load_registry

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FUZZ_CASES: Counter[str] = Counter()  # cases run by each property of test_fuzz, summed up at the end


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory, monkeypatch) -> Path:
    """Each test has its own data folder: nothing it loads, downloads or remembers as the last
    base touches the project's data/ (nor another test's); subprocesses inherit it."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("RNE_MATCH_DATA", str(data))
    return data


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("registry")
    folder = write_sample_release(root / "raw")
    db = root / "rne.duckdb"
    load_folder(folder, db, secret="5e" * 32)  # fixed: tests that pick « ORDER BY person_id » stay deterministic
    return db


@pytest.fixture(scope="session")
def sample_registry(sample_db):
    return load_registry(sample_db)


def unique_official(db, kind="mai"):
    """A person whose name no one else in the sample bears, with one mandate of `kind`."""
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute(f"""
        SELECT m.nom, m.prenom, m.sexe, coalesce(m.libelle_commune, m.libelle_departement),
               m.code_departement, m.person_id
        FROM mandates m JOIN (SELECT nom, prenom FROM persons GROUP BY ALL HAVING count(*) = 1) u
          USING (nom, prenom)
        WHERE m.kind = '{kind}' ORDER BY m.person_id LIMIT 1""").fetchone()
    con.close()
    return row


def write(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def pytest_collection_modifyitems(config, items):
    if SHARED.exists():
        return
    skip = pytest.mark.skip(reason="../shared absent")
    for item in items:
        if "real_data" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    if FUZZ_CASES:
        terminalreporter.write_line(f"fuzz : {sum(FUZZ_CASES.values())} cas ("
                                    + ", ".join(f"{k} {v}" for k, v in FUZZ_CASES.items()) + ")")


def registry_of(*mandates: dict):
    """A hand-made registry: one person per mandate (`person_id` p1, p2…), with the columns and
    folded keys `registry.view` computes. Each dict gives kind, code_commune, libelle_commune,
    code_departement and optionally nom, prenom, fonction, libelle_epci, code_region."""
    import polars as pl

    from rne_match.domain.territories import DEPARTEMENTS
    from rne_match.domain.text import fold
    from rne_match.registry.view import Registry

    rows = []
    for i, m in enumerate(mandates, 1):
        dep = m["code_departement"]
        commune = m.get("libelle_commune")
        rows.append({
            "person_id": f"p{i}", "kind": m["kind"], "fonction": m.get("fonction"), "code_departement": dep,
            "libelle_departement": DEPARTEMENTS[dep][0], "code_commune": m.get("code_commune"),
            "libelle_commune": commune, "code_region": m.get("code_region", DEPARTEMENTS[dep][1]),
            "libelle_epci": m.get("libelle_epci"), "territoire": m.get("libelle_epci") or commune,
            "place_f": fold(f"{commune or ''} {m.get('libelle_epci') or ''} {DEPARTEMENTS[dep][0]}"),
            "commune_f": fold(commune) or None, "territoire_f": fold(m.get("libelle_epci") or commune),
            "fonction_f": fold(m.get("fonction")) or None, "release": "2026",
            "nom": m.get("nom", f"NOM{chr(64 + i)}"), "prenom": m.get("prenom", "Claude"),
        })
    frame = pl.DataFrame(rows)
    persons = frame.select(
        "person_id", "nom", "prenom", pl.lit(None, pl.String).alias("sexe"),
        pl.col("nom").str.to_lowercase().alias("nom_f"), pl.col("prenom").str.to_lowercase().alias("prenom_f"),
        pl.col("nom").str.to_lowercase().alias("nom_np"), pl.col("nom").str.to_lowercase().alias("nom_skel"),
        pl.col("prenom").str.to_lowercase().alias("prenom_first"),
        pl.col("prenom").str.to_lowercase().str.slice(0, 1).alias("prenom_initial"),
        pl.lit(1).alias("nom_freq"), pl.lit(1).alias("prenom_freq"))
    return Registry(persons, frame.drop("nom", "prenom"), len(rows), ["2026"])
