"""Mandate parsing as people write it."""

from __future__ import annotations

import pytest

from rne_match.domain.mandates import parse_mandate, parse_policy
from rne_match.errors import PolicyError


@pytest.mark.parametrize("text,kind,fonction,place,dep", [
    ("conseillère municipale de Montpellier (34)", "cm", "conseiller", "montpellier", "34"),
    ("adjoint au maire de St-Jean-de-Védas", "cm", "adjoint", "saint jean de vedas", None),
    ("maire de Bellegarde", "mai", "maire", "bellegarde", None),
    ("Maire de Bellegarde (Gard)", "mai", "maire", "bellegarde", "30"),
    ("conseiller départemental de l'Hérault", "cd", "conseiller", "herault", "34"),
    ("vice-présidente de la région Occitanie", "cr", "vice-president", "occitanie", None),
    ("conseillère de Paris", "cm", "conseiller", "paris", None),
    ("1ère adjointe au maire de Lyon 7e", "cm", "adjoint", "lyon", None),
    ("Conseillère municipale - Villeurbanne 69", "cm", "conseiller", "villeurbanne", "69"),
    ("conseiller municipal d'opposition à Saint-Denis (93)", "cm", "conseiller", "saint denis", "93"),
    ("Sénatrice de l'Hérault", "sen", "senateur", "herault", None),
    ("député européen", "rpe", "depute europeen", "", None),
    ("maire déléguée de Vaux", "cm", "maire delegue", "vaux", None),
    ("conseiller d'arrondissement Marseille secteur 1", "ca", "conseiller", "marseille secteur", None),
    ("conseiller à l'Assemblée de Corse", "ma", "conseiller", "corse", None),
    ("élue de l'Assemblée de Guyane (CTG)", "ma", "conseiller", "guyane", None),
    ("11e adjoint au maire d'arrondissement", "ca", "adjoint", "", None),
    ("maire d'arrondissement", "ca", "maire", "", None),
    ("conseiller d'Alsace", "cd", "conseiller", "alsace", None),
    ("conseillère de la CeA", "cd", "conseiller", "alsace", None),
    ("conseiller départemental, Collectivité européenne d'Alsace", "cd", "conseiller", "alsace", None),
    ("conseiller régional d'Alsace", "cr", "conseiller", "alsace", None),
    ("je représente le canton de Lavaur Cocagne au conseil départemental du Tarn", "cd", "conseiller", "lavaur cocagne", "81"),
    ("conseillère départementale des Pyrénées-Atlantiques (canton de Bayonne-2)", "cd", "conseiller", "bayonne", "64"),
    ("Maire de la mairie du 5e (Lyon)", "ca", "maire", "lyon", None),
    ("3e adjoint au maire du 7e secteur", "ca", "adjoint", "", None),
    ("conseillère du 3e arrondissement de Lyon", "ca", "conseiller", "lyon", None),
    ("Maire de la commune déléguée d'Échemiré (49)", "cm", "maire delegue", "echemire", "49"),
])
def test_parse_mandate(text, kind, fonction, place, dep):
    m = parse_mandate(text)
    assert (m.kind, m.fonction, m.place, m.code_departement) == (kind, fonction, place, dep)


def test_old_region_names_resolve_to_current_region():
    assert parse_mandate("conseiller régional Languedoc-Roussillon").code_region == "76"


@pytest.mark.parametrize("text,sexe", [("conseillère municipale", "F"), ("adjoint au maire", "M"), ("maire", None),
                                       ("élue de l'Assemblée de Corse", "F"),
                                       ("conseillère et conseiller municipaux de Livilliers", None),
                                       ("maire de la commune déléguée de Vaux", "M"), ("maire déléguée de Vaux", "F")])
def test_gendered_nouns_give_sex(text, sexe):
    assert parse_mandate(text).sexe == sexe


def test_policy_groups_and_codes():
    assert parse_policy("municipal") == {"cm", "mai", "ca"}
    assert parse_policy("sen,dep") == {"sen", "dep"}
    with pytest.raises(PolicyError):
        parse_policy("galactique")


def test_a_commune_column_after_a_delegation_is_still_the_place():
    import polars as pl

    from rne_match.matching.readings import prepare

    frame = pl.DataFrame({"nom_complet": ["Marie Douady"], "mandat": ["1re adjointe à la vie associative"],
                          "commune": ["Écharcon"]})
    sigs, _ = prepare(frame, {"nom_complet": "nom_complet", "mandat": "mandat", "commune": "commune"})
    assert sigs["place_f"].to_list() == ["echarcon"]


def test_a_bare_m_before_a_feminine_title_is_an_initial_not_monsieur():
    import polars as pl

    from rne_match.matching.readings import prepare

    frame = pl.DataFrame({"nom_complet": ["M. MAHU", "M. MAHU"],
                          "mandat": ["conseillère municipale de Terramesnil", "conseiller municipal de Terramesnil"]})
    sigs, _ = prepare(frame, {"nom_complet": "nom_complet", "mandat": "mandat"})
    assert sigs["sexe"].to_list() == ["F", "M"]


@pytest.mark.parametrize("text, region", [("cons. rég. IDF", "11"), ("cons. rég. CVL", "24"),
                                          ("conseillère régionale PACA", "93")])
def test_regions_written_by_their_initials(text, region):
    assert parse_mandate(text).code_region == region


def test_a_conseiller_metropolitain_may_sit_at_the_metropole_de_lyon():
    from rne_match.domain.mandates import COMPATIBLE

    assert "ma" in COMPATIBLE[parse_mandate("conseiller métropolitain").kind]


@pytest.mark.parametrize("text", ["maire des 13e et 14e arrondissements de Marseille", "maire du 7e secteur de Marseille",
                                  "maire du 3e arrondissement de Lyon"])
def test_a_mayor_of_arrondissements_or_sector_is_an_arrondissement_mandate(text):
    assert (parse_mandate(text).kind, parse_mandate(text).fonction) == ("ca", "maire")


@pytest.mark.parametrize("text, kind, place", [
    ("élue d'opposition à Thionville", "cm", "thionville"),
    ("élu de la majorité municipale de Sury", "cm", "sury"),
    ("conseiller municipal Vesaignes s/ Marne", "cm", "vesaignes sur marne"),
    ("maire de Bar-s/-Aube", "mai", "bar sur aube"),
    ("maire-adjoint (scolaire, cantine, transports) de Saint-Vigor-des-Monts", "cm", "saint vigor des monts"),
])
def test_everyday_ways_of_writing_a_municipal_seat_name_its_kind_and_commune(text, kind, place):
    m = parse_mandate(text)
    assert (m.kind, m.place, m.code_departement) == (kind, place, None)


def test_an_opposition_seat_on_the_departmental_council_is_not_read_as_municipal():
    assert parse_mandate("élu d'opposition au conseil départemental du Nord").kind != "cm"
