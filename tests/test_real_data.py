"""The real RNE releases in ../shared (CI has them): exact counts, zero unexplained rejects."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from rne_match.devtools.generate import generate, verify_labelled
from rne_match.registry.load import load_folder
from rne_match.registry.view import load_registry

from .conftest import SHARED

pytestmark = pytest.mark.real_data

EXPECTED_2026 = {"cm": 508788, "mai": 32475, "cd": 4038, "cr": 1745, "ca": 1027, "ma": 588, "dep": 577,
                 "sen": 348, "rpe": 81, "cons": 441, "afe": 89, "epci": 7}


@pytest.fixture(scope="module")
def release_2026(tmp_path_factory):
    db = tmp_path_factory.mktemp("r26") / "rne.duckdb"
    return load_folder(SHARED / "rne" / "release-2026", db)


def test_release_2026_loads_exact_row_counts_with_zero_rejects(release_2026):
    assert release_2026.rows_by_kind() == EXPECTED_2026
    assert release_2026.rejected == 0


def test_release_2026_codes_are_padded_and_dates_typed(release_2026):
    con = duckdb.connect(str(release_2026.db_path), read_only=True)
    bad = con.execute("""SELECT count(*) FROM mandates WHERE kind IN ('cm', 'mai')
                         AND (length(code_commune) <> 5 OR date_naissance IS NULL)""").fetchone()[0]
    deputies_2000 = con.execute("SELECT count(*) FROM mandates WHERE kind = 'dep' AND year(date_naissance) >= 2000").fetchone()[0]
    future = con.execute("SELECT count(*) FROM mandates WHERE date_naissance > DATE '2010-01-01'").fetchone()[0]
    con.close()
    assert bad == 0 and deputies_2000 >= 1 and future == 0


def test_every_history_file_loads_without_rejects(tmp_path):
    result = load_folder(SHARED / "rne" / "history", tmp_path / "h.duckdb")
    assert len(result.files) >= 140
    assert result.rejected == 0, [(f.path.name, f.rows_rejected) for f in result.files if f.rows_rejected]
    kinds = {f.path.name: f.kind for f in result.files}
    assert kinds["2024-07-31_3-elus-epci.csv"] == "cr"
    assert kinds["2019-01-09_9-rne-maires.txt"] == "mai"


def test_generated_signatures_against_2026_meet_precision_target(release_2026):
    reg = load_registry(release_2026.db_path)
    both, _ = verify_labelled(reg, generate(reg, 1000, seed=11))
    verified = both.filter(pl.col("status") == "verified")
    correct = verified.filter(pl.col("rne_person_id") == pl.col("attendu_person_id")).height
    assert correct / verified.height >= 0.995
    officials = both.filter(pl.col("attendu") == "verified")
    recall = officials.filter((pl.col("status") == "verified") & (pl.col("rne_person_id") == pl.col("attendu_person_id"))).height
    assert recall / officials.height >= 0.95


def test_mayors_who_left_office_in_2026_are_not_verified_and_said_to_be_former(tmp_path):
    """2022 and 2026 mayors in one base: signatures of 2022 mayors gone in 2026 are not verified,
    and the reason says they appear only in the older release."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("2022-03-09_rne-maires-cp1252.csv", "2026-04-24_elus-maires-mai.csv"):
        (raw / name).symlink_to(SHARED / "rne" / "history" / name)
    db = tmp_path / "rne.duckdb"
    load_folder(raw, db)
    reg = load_registry(db)
    assert reg.former is not None and reg.former.persons.height > 10_000
    both, _ = verify_labelled(reg, generate(reg, 2000, seed=9))
    gone = both.filter(pl.col("bruit") == "a_quitte_son_mandat")
    assert gone.height >= 90
    # A handful may be the same person respelled (new compound surname): at most 2 %.
    assert gone.filter(pl.col("status") == "verified").height <= 0.02 * gone.height
    assert gone.filter(pl.col("reason").str.starts_with("Ancien·ne élu·e")).height >= 0.9 * gone.height


@pytest.mark.parametrize("title", ["conseiller départemental du Bas-Rhin (67)", "conseiller d'Alsace",
                                   "conseiller départemental, Collectivité européenne d'Alsace"])
def test_a_councillor_of_the_collectivite_europeenne_d_alsace_is_verified_however_named(release_2026, title):
    """The RNE files them under 6AE; they write Bas-Rhin, Haut-Rhin or « conseiller d'Alsace »."""
    from rne_match.inputs import SignatureTable
    from rne_match.matching.pipeline import verify_table

    reg = load_registry(release_2026.db_path)
    person = reg.mandates.filter((pl.col("code_departement") == "6AE") & (pl.col("kind") == "cd")).join(
        reg.persons, on="person_id").filter(pl.col("nom_freq") == 1).row(0, named=True)
    frame = pl.DataFrame({"nom_complet": [f"{person['prenom']} {person['nom']}"], "mandat": [title]})
    out = verify_table(SignatureTable(None, frame, {"nom_complet": "nom_complet", "mandat": "mandat"}), reg).frame
    assert out["status"].to_list() == ["verified"]
