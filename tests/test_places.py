"""Stated places resolved against the loaded registry and the COG lists."""

from __future__ import annotations

import polars as pl
import pytest

from rne_match.matching.places import resolve_places
from rne_match.matching.readings import prepare


def resolve(registry, *mandates):
    frame = pl.DataFrame({"nom": ["A"] * len(mandates), "prenom": ["B"] * len(mandates), "mandat": list(mandates)})
    sigs, _ = prepare(frame, {"nom": "nom", "prenom": "prenom", "mandat": "mandat"})
    return resolve_places(sigs, registry)


def test_a_commune_of_the_registry_is_resolved_to_its_code(sample_registry):
    row = sample_registry.mandates.filter(pl.col("kind") == "mai").row(0, named=True)
    out = resolve(sample_registry, f"maire de {row['libelle_commune']} ({row['code_departement']})").row(0, named=True)
    assert (out["lieu_type"], out["lieu_code"]) == ("commune", row["code_commune"])


def test_old_region_names_resolve_to_the_current_region(sample_registry):
    out = resolve(sample_registry, "conseillère régionale Languedoc-Roussillon").row(0, named=True)
    assert (out["lieu_type"], out["lieu_code"], out["lieu"]) == ("region", "76", "Occitanie")


def test_a_departement_named_by_a_departmental_councillor(sample_registry):
    out = resolve(sample_registry, "conseiller départemental de l'Hérault").row(0, named=True)
    assert (out["lieu_type"], out["lieu_code"]) == ("departement", "34")


def test_unknown_place_is_said_not_guessed(sample_registry):
    out = resolve(sample_registry, "maire de Nulle-Part-sur-Rien").row(0, named=True)
    assert out["lieu_code"] is None and "introuvable" in out["lieu_note"]


def test_no_place_stated_gives_empty_columns(sample_registry):
    out = resolve(sample_registry, "conseiller municipal").row(0, named=True)
    assert out == {"row": 0, "lieu_type": None, "lieu_code": None, "lieu": None, "lieu_departement": None,
                   "lieu_note": None}


@pytest.mark.real_data
def test_homonymous_communes_need_the_departement(tmp_path):
    from rne_match.registry.load import load_folder
    from rne_match.registry.view import load_registry

    from .conftest import SHARED

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "elus-maires-mai.csv").symlink_to(SHARED / "rne" / "release-2026" / "elus-maires-mai.csv")
    load_folder(raw, tmp_path / "rne.duckdb")
    reg = load_registry(tmp_path / "rne.duckdb")
    vague, precise = resolve(reg, "maire de Saint-Martin", "maire de Bellegarde (30)").iter_rows(named=True)
    assert vague["lieu_code"] is None and "homonymes" in vague["lieu_note"]
    assert (precise["lieu_code"], precise["lieu"]) == ("30034", "Bellegarde (30)")


def test_a_commune_gives_its_departement(sample_registry):
    row = sample_registry.mandates.filter(pl.col("kind") == "mai").row(0, named=True)
    out = resolve(sample_registry, f"maire de {row['libelle_commune']}").row(0, named=True)
    assert out["lieu_departement"] == row["code_departement"]
