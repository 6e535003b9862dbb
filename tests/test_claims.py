"""The claim a signer makes — which mandate, where — read from what people write, and checked
against the registry through the territorial hierarchy."""

from __future__ import annotations

import pytest

from rne_match.domain.mandates import parse_mandate
from rne_match.domain.territories import same_departement_keys
from rne_match.matching.readings import readings_for

from .conftest import unique_official
from .test_verify import run_verify


@pytest.mark.parametrize("text, kind, dep", [
    ("conseillère dép. 29", "cd", "29"),
    ("CD 29", "cd", "29"),
    ("CONSEILLER DEP. 73", "cd", "73"),
    ("Conseiller départemental - Meuse", "cd", "55"),
])
def test_abbreviated_departmental_councillor_gives_kind_and_departement(text, kind, dep):
    m = parse_mandate(text)
    assert (m.kind, m.code_departement) == (kind, dep)


@pytest.mark.parametrize("text, place, dep", [
    ("maire (Sorbiers, Hautes-Alpes)", "sorbiers", "05"),
    ("Maire - Brest", "brest", None),
    ("maire de Silmont [55]", "silmont", "55"),
    ("Maire Trinité, Alpes-Maritimes", "trinite", "06"),
    ("Maire de Bellegarde (Gard)", "bellegarde", "30"),
    ("Maire de Paris", "paris", None),
])
def test_stated_commune_is_kept_whatever_the_punctuation(text, place, dep):
    m = parse_mandate(text)
    assert (m.kind, m.place, m.code_departement) == ("mai", place, dep)


def test_delegation_is_not_taken_for_the_place():
    m = parse_mandate("conseillère municipale déléguée à la culture (Ville de Dunkerque)")
    assert (m.kind, m.fonction, m.place) == ("cm", "conseiller", "dunkerque")


@pytest.mark.parametrize("text, kind, fonction", [
    ("1ère adj. - Quimper", "cm", "adjoint"),
    ("Mairesse de Tournefeuille", "mai", "maire"),
    ("CM Brest", "cm", "conseiller"),
    ("cons. mun. Lyon", "cm", "conseiller"),
    ("Membre de l'Assemblée de Martinique", "ma", "conseiller"),
    ("conseiller métropolitain (Métropole de Lyon)", "ma", "conseiller"),
    ("Président du conseil départemental", "cd", "president"),
])
def test_other_names_of_mandates_are_understood(text, kind, fonction):
    m = parse_mandate(text)
    assert (m.kind, m.fonction) == (kind, fonction)


def test_regional_councillor_giving_a_departement_claims_its_region():
    assert parse_mandate("Conseiller régional - 68").code_region == "44"


@pytest.mark.parametrize("stated, registry", [("69", "69M"), ("69", "69D"), ("67", "6AE"), ("2A", "20"), ("34", "34")])
def test_a_departement_agrees_with_the_territories_it_holds_or_lies_in(stated, registry):
    assert f"{stated}|{registry}" in same_departement_keys()


def test_neighbouring_departements_do_not_agree():
    assert "69|42" not in same_departement_keys()


@pytest.mark.parametrize("full, nom, prenom", [
    ("J.-L. Seguela", "seguela", "j l"),
    ("M.-F. REGIS", "regis", "m f"),
    ("M. J.-P. DUPONT", "dupont", "j p"),
    ("LE LOSTEC Martine", "le lostec", "martine"),
    ("MAITRE André", "maitre", "andre"),
])
def test_full_names_keep_initials_particles_and_surnames_that_are_words(full, nom, prenom):
    readings, invalid = readings_for("", "", full)
    assert invalid is None
    assert (nom, prenom) in [(r.nom, r.prenom) for r in readings]


def test_real_mayor_claiming_another_commune_is_never_verified(tmp_path, sample_db):
    nom, prenom, _, commune, dep, _ = unique_official(sample_db)
    out, _ = run_verify(tmp_path, sample_db, f"nom;prenom;mandat\n{nom};{prenom};maire (Nulle-Part-sur-Mer, Lozère)\n")
    assert out["status"][0] != "verified"


def test_real_mayor_with_commune_in_brackets_is_verified(tmp_path, sample_db):
    nom, prenom, _, commune, dep, pid = unique_official(sample_db)
    out, _ = run_verify(tmp_path, sample_db, f"nom;prenom;mandat\n{nom};{prenom};maire ({commune}, {dep})\n")
    assert out["status"][0] == "verified"
    assert out["rne_person_id"][0] == pid
