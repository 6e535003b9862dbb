"""Third round of petition mail reading (issue 11): couples signing together, a municipal majority's
list of names under one commune, married names, a commune corrected later in the conversation.

Invented examples of how French officials and mail clients write, not copies of any corpus."""

from __future__ import annotations

import pytest

from rne_match.domain.mandates import parse_mandate
from rne_match.inputs.freetext import inline_marriage, read_line

from .test_mail_intent import ORG, mail, rows


def names(found: list[dict]) -> list[str]:
    return [r["nom_complet"] for r in found if r["nom_complet"]]


@pytest.mark.parametrize("line, expected", [
    ("Paulette et Gérard VIGNAL, conseillers municipaux de Sury (42)", ["Paulette VIGNAL", "Gérard VIGNAL"]),
    ("Nous signons : M. et Mme ROUQUETTE (Henri et Odile), conseillers municipaux de Lodève.",
     ["Henri ROUQUETTE", "Odile ROUQUETTE"]),
    ("Agnès Bory et Loïc Tanguy, tous deux adjoints au maire de Plabennec", ["Agnès Bory", "Loïc Tanguy"]),
])
def test_a_couple_signing_together_gives_two_signers_with_the_shared_mandate(line, expected):
    found = rows(mail(1, f"Bonjour,\n{line}\nBien à vous"))
    assert names(found) == expected
    assert all(r["commune"] for r in found)


def test_a_single_signer_after_a_greeting_is_not_read_as_a_couple():
    found = rows(mail(1, "Bonjour Paul et Anne,\nGérard VIGNAL, conseiller municipal de Sury (42)"))
    assert names(found) == ["Gérard VIGNAL"]


def test_every_name_of_a_municipal_majority_list_signs_for_the_commune_of_the_heading():
    body = ("Les élu·es de la majorité municipale de Sury-le-Comtal signent l'appel :\n"
            "- Hervé MOULIN, maire\n- Odile BRUN (1re adjointe aux finances)\n- Karim SAÏDI, conseiller municipal\n")
    found = rows(mail(1, body, sender="Hervé MOULIN <maire@sury.example>"))
    assert names(found) == ["Hervé MOULIN", "Odile BRUN", "Karim SAÏDI"]
    assert {r["commune"] for r in found} == {"Sury-le-Comtal"}


def test_a_list_commune_from_the_council_named_in_the_heading_carries_its_departement():
    body = ("Notre groupe au conseil municipal de Vimines (73) signe :\n"
            "* Léa GIROD (conseillère municipale)\n* Yann PERRET (conseiller municipal)\n")
    found = rows(mail(1, body))
    assert [(r["commune"], r["departement"]) for r in found] == [("Vimines", "73"), ("Vimines", "73")]


@pytest.mark.parametrize("written, kept", [
    ("Sylvie MARTEL (née ROCHE)", "Sylvie MARTEL née ROCHE"),
    ("Sylvie Martel, née Roche", "Sylvie Martel née Roche"),
    ("Sylvie ROCHE ép. MARTEL", "Sylvie ROCHE épouse MARTEL"),
])
def test_a_maiden_or_married_name_is_written_one_way_inside_the_name(written, kept):
    assert inline_marriage(written) == kept


def test_a_married_name_stays_whole_in_a_signer_line():
    assert read_line("Je signe : Sylvie ROCHE épouse MARTEL — maire de Vimines")["nom_complet"] == "Sylvie ROCHE épouse MARTEL"


def test_a_first_name_that_is_a_marriage_word_alone_is_not_a_name():
    assert read_line("née Roche, maire de Vimines") is None


def test_the_feminine_ordinal_1re_is_part_of_the_mandate():
    assert read_line("Odile BRUN (1re adjointe au maire de Sury)")["mandat"] == "1re adjointe au maire de Sury"


@pytest.mark.parametrize("mandate", ["2e adjointe aux affaires scolaires", "adjoint à la culture", "1er adjoint aux sports"])
def test_an_adjoints_lowercase_delegation_is_not_a_place(mandate):
    assert parse_mandate(mandate).place == ""


def test_an_adjoint_of_a_commune_keeps_the_commune_after_the_delegation():
    assert parse_mandate("adjointe à la culture de Vimines").place == "vimines"


def test_the_later_commune_in_a_conversation_corrects_the_earlier_one():
    first = mail(1, "Je signe : Léa GIROD, conseillère municipale de Cognin (73)",
                 sender="Léa GIROD <lea.girod@free.fr>", date="Mon, 4 May 2026 10:00:00 +0200")
    question = mail(2, "Nous ne vous trouvons pas à Cognin : pouvez-vous vérifier ?", sender=f"Orga <{ORG}>",
                    to="lea.girod@free.fr", reply_to="m1@test", subject="Re: Tribune", date="Mon, 4 May 2026 12:00:00 +0200")
    fix = mail(3, "Pardon, c'est Vimines et non Cognin : Léa GIROD, conseillère municipale de Vimines (73).",
               sender="Léa GIROD <lea.girod@free.fr>", reply_to="m2@test", refs="<m1@test> <m2@test>",
               subject="Re: Tribune", date="Tue, 5 May 2026 09:00:00 +0200")
    signed = [r for r in rows(first, question, fix) if r["nom_complet"]]
    assert len(signed) == 1
    assert signed[0]["commune"] == "Vimines"
