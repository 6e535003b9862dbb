"""Normalisation rules, pinned with real-looking names."""

from __future__ import annotations

import polars as pl
import pytest

from rne_match.domain.text import (
    civility_sex,
    fold,
    fold_expr,
    is_initials,
    skeleton,
    skeleton_expr,
    split_marriage,
)
from rne_match.matching.readings import readings_for


@pytest.mark.parametrize("raw,expected", [
    ("Hélène-Œuvrard d’Estaing", "helene oeuvrard d estaing"),
    ("  JEAN-PIERRE  ", "jean pierre"),
    ("Laëtitia", "laetitia"),
    ("N'DIAYE", "n diaye"),
    ("", ""),
])
def test_fold_removes_accents_ligatures_apostrophes_and_hyphens(raw, expected):
    assert fold(raw) == expected


def test_polars_fold_matches_python_fold():
    names = ["Hélène-Œuvrard d’Estaing", "ÇA VA", "Zoë Æsir", "BENSAÏD", "Ø"]
    assert pl.Series(names).to_frame("n").select(fold_expr(pl.col("n")))["n"].to_list() == [fold(n) for n in names]


def test_polars_skeleton_matches_python_skeleton():
    names = ["bernard", "bertrand", "lefebvre", "lefevre", "mullerr", "ab"]
    out = pl.Series(names).to_frame("n").select(skeleton_expr(pl.col("n")))["n"].to_list()
    assert out == [skeleton(n) for n in names]


@pytest.mark.parametrize("raw,sex", [("Mme Dupont", "F"), ("Madame", "F"), ("M. Durand", "M"), ("Dr Who", None)])
def test_civility_gives_sex(raw, sex):
    assert civility_sex(raw) == sex


def test_married_names_give_alternative_surnames():
    assert split_marriage(fold("Dupont épouse Martin")) == ("dupont", ["martin"])
    assert split_marriage(fold("Martin née Dupont")) == ("martin", ["dupont"])


@pytest.mark.parametrize("raw", ["J.-P.", "J. P.", "JP"])
def test_initials_are_recognised(raw):
    assert is_initials(raw)


def test_upper_case_word_is_the_surname_in_a_full_name():
    readings, _ = readings_for("", "", "DUPONT Marie")
    assert [(r.nom, r.prenom) for r in readings] == [("dupont", "marie")]


def test_full_name_without_case_hint_is_read_both_ways():
    readings, _ = readings_for("", "", "marie dupont")
    assert {(r.nom, r.prenom) for r in readings} == {("dupont", "marie"), ("marie", "dupont")}


def test_particles_stay_with_the_surname():
    readings, _ = readings_for("", "", "Marie de La Tour d'Auvergne")
    assert ("de la tour d auvergne", "marie") in {(r.nom, r.prenom) for r in readings}


@pytest.mark.parametrize("full", ["de LAUBADÈRE Pierre", "Pierre de LAUBADÈRE"])
def test_a_lowercase_particle_before_the_capitals_belongs_to_the_surname(full):
    readings, _ = readings_for("", "", full)
    assert [(r.nom, r.prenom) for r in readings] == [("de laubadere", "pierre")]


@pytest.mark.parametrize("nom,reason", [("", "nom absent"), ("?", "nom illisible"), ("x@y.fr", "le nom est une adresse e-mail")])
def test_rows_without_usable_name_are_invalid(nom, reason):
    assert readings_for(nom, "", "") == ([], reason)


def test_m_dot_alone_in_a_first_name_column_is_an_initial_not_monsieur():
    (reading, *_), invalid = readings_for("DUPONT", "M.", "")
    assert invalid is None and reading.prenom == "m" and reading.initials


def test_initial_in_a_full_name_is_flagged_as_initial():
    readings, _ = readings_for("", "", "N. LOPEZ")
    assert any(r.nom == "lopez" and r.prenom == "n" and r.initials for r in readings)


def test_initials_starting_with_m_are_not_the_civility_monsieur():
    assert civility_sex("M.-L. FAUCHILLE") is None and civility_sex("M. FAUCHILLE") == "M"


@pytest.mark.parametrize("written, nom, prenom", [("L. Geollot", "geollot", "l"), ("J-Y Le Saout", "le saout", "j y"),
                                                  ("L. DE LA TOUR", "de la tour", "l")])
def test_an_initial_before_a_surname_in_any_case_is_read_as_an_initial(written, nom, prenom):
    first = readings_for("", "", written)[0][0]
    assert (first.nom, first.prenom, first.initials) == (nom, prenom, True)
