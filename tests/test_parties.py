"""Party texts as signers write them collapse to one label; unknown texts are kept, not guessed."""

from __future__ import annotations

import pytest

from rne_match.domain.parties import NOT_GIVEN, normalize_party


@pytest.mark.parametrize("text", ["EELV", "Europe Écologie - Les Verts", "les écologistes", "Les Verts",
                                  "EE-LV", "membre d'EELV", "Les Écologistes (EELV)"])
def test_ecologist_spellings_share_one_label(text):
    assert normalize_party(text) == "Les Écologistes (EELV)"


@pytest.mark.parametrize(("text", "label"), [
    ("LFI", "La France insoumise (LFI)"), ("la France Insoumise", "La France insoumise (LFI)"),
    ("PS", "Parti socialiste (PS)"), ("Parti Socialiste", "Parti socialiste (PS)"),
    ("PCF", "Parti communiste français (PCF)"), ("Génération.s", "Génération·s"),
    ("SE", "Sans étiquette"), ("sans étiquette", "Sans étiquette"), ("Non encarté", "Sans étiquette"),
    ("DVG", "Divers gauche (DVG)"), ("R&PS", "Régionalistes (R&PS)"),
])
def test_acronyms_and_full_names_give_the_same_label(text, label):
    assert normalize_party(text) == label


def test_acronym_in_brackets_is_recognised():
    assert normalize_party("Liste « Montpellier en commun » (LFI)") == "La France insoumise (LFI)"


def test_several_parties_are_all_named_in_order():
    assert normalize_party("PS / Place publique") == "Parti socialiste (PS) / Place publique"


def test_unknown_party_text_is_kept_as_written():
    assert normalize_party("  Mouvement   du Lac ") == "Mouvement du Lac"


@pytest.mark.parametrize("text", [None, "", "   "])
def test_empty_party_is_not_given(text):
    assert normalize_party(text) == NOT_GIVEN


def test_short_word_inside_a_sentence_is_not_taken_for_an_acronym():
    # « le », « centre » are words before they are acronyms
    assert normalize_party("Le centre social du quartier") == "Le centre social du quartier"
