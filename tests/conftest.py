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
