"""E-mail intake, round 5: general ways of writing found missing on the fourth held-out mailbox
(tests/mail_holdout4), each written here with invented examples, never copied from it."""

from __future__ import annotations

import pytest

from .test_mail_intent import mail, rows


@pytest.mark.parametrize("body", ["Annulez ma signature svp. Merci\n\nEnvoyé de mon iPhone\n",
                                  "M. le Maire me demande de vous informer qu'il retire sa signature de l'appel.\n"])
def test_a_withdrawal_in_other_words_is_a_withdrawal(body):
    assert rows(mail(1, body))[0]["intention"] == "retrait"


def test_officials_suggested_to_the_organisers_are_not_signers():
    out = rows(mail(1, "Bonjour,\n\nVous devriez contacter Hubert MARTIN, maire de Sury, et Paule ROUX, conseillère "
                       "départementale de la Loire : ils signeraient volontiers. Pour ma part, je dois d'abord en parler "
                       "à mon conseil municipal, je reviens vers vous.\n\nJean DURAND\nMaire de Vaux\n"))
    assert [(r["intention"], r["nom_complet"]) for r in out] == [("question", "")]


@pytest.mark.parametrize("words, mandate", [
    ("Je suis le premier magistrat de Sury (42) et je signe l'appel.", "premier magistrat de Sury (42)"),
    ("Édile de Lavau (89), je signe l'appel sans hésiter.", "Édile de Lavau (89)"),
    ("Je siège au conseil municipal de Trélazé (49) et je m'associe à votre appel.",
     "siège au conseil municipal de Trélazé (49)"),
])
def test_a_mandate_said_by_a_periphrasis_is_read(words, mandate):
    out = rows(mail(1, f"Bonjour,\n\n{words}\n\nJean DURAND\n"))
    assert (out[0]["intention"], out[0]["nom_complet"], out[0]["mandat"]) == ("signe", "Jean DURAND", mandate)


def test_a_slip_in_the_mandate_words_does_not_hide_the_mandate():
    out = rows(mail(1, "bonjour\nje signe l appel\njosiane moudurier conseilere municiaple de saint-leger-le-petit\nmerci\n"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("josiane moudurier", "conseillère municipale de saint-leger-le-petit")


@pytest.mark.parametrize("text", ["les départements et régions", "je dois en parler à mon conseil municipal",
                                  "conseillère départementale"])
def test_real_words_near_a_mandate_word_are_not_corrected(text):
    from rne_match.domain.mandates import fix_mandate_typos

    assert fix_mandate_typos(text) == text


def test_an_answer_written_under_the_quoted_question_is_the_writers_own():
    first = mail(1, "Bonjour,\nje souhaite signer votre appel.\nAURÉLIE MARTINOT\n", sender="Aurélie Martinot <am@orange.fr>")
    question = mail(2, "Pouvez-vous préciser votre mandat ?\n", sender="Orga <tribune@collectif.example>",
                    to="am@orange.fr", reply_to="m1@test", refs="<m1@test>")
    answer = mail(3, "Le 24/05/2026 à 21:28, Orga a écrit :\n> Pouvez-vous préciser votre mandat ?\n\n"
                     "Oui bien sûr : troisième adjointe au maire de Daigny (08)\n",
                  sender="Aurélie Martinot <am@orange.fr>", reply_to="m2@test", refs="<m1@test> <m2@test>")
    out = rows(first, question, answer)
    assert [(r["nom_complet"], r["mandat"]) for r in out if r["nom_complet"]] == [
        ("AURÉLIE MARTINOT", "troisième adjointe au maire de Daigny (08)")]
