"""Accuracy on real signatures nobody here wrote: the labelled 2017 kit of ../shared/eval, scored
by its own scorer. The thresholds are the issue's acceptance figures."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rne_match import api

from .conftest import SHARED

pytestmark = pytest.mark.real_data
KIT = SHARED / "eval"


@pytest.fixture(scope="module")
def db_2019(tmp_path_factory):
    db = tmp_path_factory.mktemp("eval") / "rne-2019.duckdb"
    api.load(KIT / "registry-2019", db)
    return db


def _score(tmp_path, db, name: str) -> dict:
    out = tmp_path / f"{name}.csv"
    api.verify_file(KIT / "sets" / f"{name}.csv", db, output=out)
    metrics = tmp_path / f"{name}.json"
    subprocess.run([sys.executable, str(KIT / "scorer" / "score.py"), "--set", name, "--output", str(out),
                    "--json", str(metrics)], check=True, capture_output=True)
    return json.loads(metrics.read_text())


def test_clean2017_recall_and_no_wrong_person(tmp_path, db_2019):
    m = _score(tmp_path, db_2019, "clean2017")
    assert m["recall"] >= 0.999
    assert m["precision"] == 1.0


def test_noisy2017_precision_recall_impostors_and_ambiguity(tmp_path, db_2019):
    m = _score(tmp_path, db_2019, "noisy2017")
    assert m["precision"] >= 0.999
    assert m["recall"] >= 0.99
    assert m["false_verified"] <= 0.002
    assert m["ambiguous"] <= 0.01


def test_every_commune_code_begins_with_its_departement_in_2019_and_2022_formats(tmp_path, db_2019):
    folder = tmp_path / "r2022"
    folder.mkdir()
    (folder / "rne-maires.csv").symlink_to(SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv")
    db_2022 = tmp_path / "rne-2022.duckdb"
    api.load(folder, db_2022)
    for db in (db_2019, db_2022):
        bad = api.query("""SELECT count(*) AS n FROM mandates WHERE kind = 'mai' AND (code_departement IS NULL
                           OR NOT starts_with(code_commune, replace(code_departement, 'M', '')))""", db)
        assert bad["n"][0] == 0
