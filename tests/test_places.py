"""Stated places resolved against the loaded registry and the COG lists."""

from __future__ import annotations

import polars as pl
import pytest

from rne_match.matching.places import resolve_places
from rne_match.matching.readings import prepare

from .conftest import registry_of


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


# The territorial reference (COG 2026, shipped with the package): tiny hand-made registries, so
# that what resolves comes from the COG and not from the registry.

def test_a_commune_deleguee_is_named_with_its_commune_nouvelle():
    reg = registry_of({"kind": "mai", "code_commune": "69114", "libelle_commune": "Porte des Pierres Dorées",
                       "code_departement": "69"})
    out = resolve(reg, "maire délégué de Jarnioux (69)").row(0, named=True)
    assert (out["lieu_type"], out["lieu_code"], out["lieu"]) == ("commune_deleguee", "69101", "Jarnioux (69)")
    assert out["lieu_note"] == "commune déléguée de Porte des Pierres Dorées (69114)"


def test_a_commune_absent_from_the_registry_is_resolved_by_the_cog():
    reg = registry_of({"kind": "mai", "code_commune": "34172", "libelle_commune": "Montpellier", "code_departement": "34"})
    out = resolve(reg, "maire de Donzy").row(0, named=True)
    assert (out["lieu_type"], out["lieu_code"], out["lieu"]) == ("commune", "58102", "Donzy (58)")


def test_an_older_name_in_the_release_resolves_to_the_current_commune():
    # The 2019 RNE writes « Cléry-Petit » where the COG now says « Cléry-le-Petit »: same code.
    reg = registry_of({"kind": "mai", "code_commune": "55119", "libelle_commune": "Cléry-Petit", "code_departement": "55"})
    old, new = resolve(reg, "maire de Cléry-Petit", "maire de Cléry-le-Petit").iter_rows(named=True)
    assert (old["lieu_code"], old["lieu"]) == (new["lieu_code"], new["lieu"]) == ("55119", "Cléry-le-Petit (55)")
    assert old["lieu_note"] == "« Cléry-Petit » dans le RNE, aujourd'hui Cléry-le-Petit (55119)"


def test_an_old_commune_code_of_the_release_resolves_to_the_commune_it_became():
    # Saint-Champ (01341) merged into Magnieu (01227); an older release still lists it.
    reg = registry_of({"kind": "mai", "code_commune": "01341", "libelle_commune": "Saint-Champ", "code_departement": "01"})
    out = resolve(reg, "maire de Saint-Champ").row(0, named=True)
    assert (out["lieu_type"], out["lieu_code"], out["lieu"]) == ("commune", "01227", "Magnieu (01)")


@pytest.mark.parametrize(("stated", "code", "dep"), [
    ("maire du François (972)", "97210", "972"), ("maire de François (79)", "79128", "79"),
    ("maire du Mont-Dore (988)", "98817", "988"), ("maire de Mont-Dore (63)", "63236", "63"),
])
def test_homonymous_communes_are_separated_by_the_stated_departement(stated, code, dep):
    reg = registry_of({"kind": "mai", "code_commune": "34172", "libelle_commune": "Montpellier", "code_departement": "34"})
    out = resolve(reg, stated).row(0, named=True)
    assert (out["lieu_type"], out["lieu_code"], out["lieu_departement"]) == ("commune", code, dep)


def test_homonymous_communes_without_a_departement_are_listed_not_guessed():
    reg = registry_of({"kind": "mai", "code_commune": "34172", "libelle_commune": "Montpellier", "code_departement": "34"})
    out = resolve(reg, "maire du François").row(0, named=True)
    assert out["lieu_code"] is None
    assert out["lieu_note"] == "2 lieux homonymes, précisez le département : François (79), Le François (972)"


def test_an_epci_is_resolved_to_its_siren_whatever_words_name_its_kind():
    reg = registry_of({"kind": "mai", "code_commune": "34172", "libelle_commune": "Montpellier", "code_departement": "34"})
    for stated in ("conseiller communautaire de la CC Faucigny-Glières",
                   "conseillère communautaire, Communauté de communes Faucigny Glières"):
        out = resolve(reg, stated).row(0, named=True)
        assert (out["lieu_type"], out["lieu_code"], out["lieu"]) == ("epci", "200000172", "CC Faucigny - Glières")


def test_a_senator_s_departement_is_resolved():
    reg = registry_of({"kind": "mai", "code_commune": "34172", "libelle_commune": "Montpellier", "code_departement": "34"})
    out = resolve(reg, "Sénateur du Haut-Rhin").row(0, named=True)
    assert (out["lieu_type"], out["lieu_code"], out["lieu_note"]) == ("departement", "68", None)


@pytest.mark.parametrize("stated, code, label", [
    ("conseiller municipal An Oriant", "56121", "Lorient (56)"),
    ("conseillère municipale de Roazhon", "35238", "Rennes (35)"),
    ("conseiller municipal d'Aiacciu", "2A004", "Ajaccio (2A)"),
])
def test_a_commune_written_in_its_regional_language_resolves_to_the_commune(stated, code, label):
    reg = registry_of({"kind": "mai", "code_commune": "34172", "libelle_commune": "Montpellier", "code_departement": "34"})
    out = resolve(reg, stated).row(0, named=True)
    assert (out["lieu_type"], out["lieu_code"], out["lieu"]) == ("commune", code, label)
