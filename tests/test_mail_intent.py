"""How petition mail is read as an organiser reads it: what each message is for, conversations
put together, withdrawals, names after a lead-in, and names only an address gives (issue 11).

Written from how French officials and mail clients write, not from the held-out corpus."""

from __future__ import annotations

import polars as pl
import pytest

from rne_match.inputs.freetext import read_line
from rne_match.inputs.mail.extract import extract_messages
from rne_match.inputs.mail.mailbox import _from_bytes
from rne_match.inputs.mail.threads import is_organiser, organisers, quotes, thread_of
from rne_match.matching.guided import _fits

ORG = "tribune@collectif.example"


def mail(n: int, body: str, *, sender: str = "Marie Dupont <marie.dupont@orange.fr>", to: str = ORG,
         subject: str = "Tribune", reply_to: str = "", refs: str = "", date: str = "Mon, 4 May 2026 10:00:00 +0200"):
    headers = [f"From: {sender}", f"To: {to}", f"Subject: {subject}", f"Message-ID: <m{n}@test>", f"Date: {date}"]
    if reply_to:
        headers.append(f"In-Reply-To: <{reply_to}>")
    if refs:
        headers.append(f"References: {refs}")
    raw = "\n".join(headers) + "\nContent-Type: text/plain; charset=utf-8\n\n" + body
    return _from_bytes(raw.encode(), f"{n:03d}.eml")


def rows(*messages) -> list[dict]:
    return extract_messages(list(messages)).to_dicts()


@pytest.mark.parametrize("line, name", [
    ("Je signe : DURAND Hélène, maire de Sury (42).", "DURAND Hélène"),
    ("Bonjour, Jean-Luc MARTIN (sans étiquette), Maire - Lèves, signe la pétition.", "Jean-Luc MARTIN"),
    ("J.-P. ROUX, MAIRE - NEUF-ÉGLISE (63), NUPES", "J.-P. ROUX"),
    ("ok pour moi, vous pouvez ajouter Paule ANDRÉ conseillère départementale du Gard", "Paule ANDRÉ"),
    ("Les Écologistes – LEBRUN Sarah, adjointe, Rodez (12)", "LEBRUN Sarah"),
    ("Je signe. Marc Vidal - M. le Maire de Conques", "Marc Vidal"),
])
def test_the_name_right_before_the_mandate_is_read_after_any_lead_in(line, name):
    assert read_line(line)["nom_complet"] == name


@pytest.mark.parametrize("line, mandate", [
    ("Paul Roux, CM Cluny (71)", "CM Cluny (71)"),
    ("P. ROUX cons. mun. Cassuéjouls signe", "cons. mun. Cassuéjouls"),
    ("Léa Petit, cons. rég. Occitanie", "cons. rég. Occitanie"),
])
def test_abbreviated_mandates_are_mandates(line, mandate):
    assert read_line(line)["mandat"] == mandate


def test_a_party_under_the_name_is_not_taken_for_the_name():
    (row,) = rows(mail(1, "Je signe la tribune.\nEurope Écologie\nconseiller régional d'Occitanie\n",
                       sender="Paul Roux <p.roux@free.fr>"))
    assert row["nom_complet"] != "Europe Écologie"


@pytest.mark.parametrize("body, intent", [
    ("Avant de signer, pouvez-vous m'envoyer le texte ?\nCordialement\nMarie DUPONT\nmaire de Sury (42)\n", "question"),
    ("Merci pour la publication, bravo !\nCordialement\nMarie DUPONT\nmaire de Sury (42)\n", "remerciement"),
    ("Je suis absente jusqu'au 12 mai.\nMarie DUPONT, maire de Sury (42)\n", "reponse_automatique"),
    ("Je retire ma signature.\nMarie DUPONT\n", "retrait"),
])
def test_a_message_that_does_not_sign_gives_one_row_without_a_signer(body, intent):
    (row,) = rows(mail(1, body))
    assert row["intention"] == intent
    assert row["extraction_statut"] == "aucun_signataire" and row["nom_complet"] == ""


def test_a_signature_block_under_a_plain_signing_sentence_signs():
    (row,) = rows(mail(1, "Je signe la tribune.\nCordialement\nMarie DUPONT\nmaire de Sury (42)\n"))
    assert (row["intention"], row["nom_complet"]) == ("signe", "Marie DUPONT")


def test_the_organisers_are_the_most_frequent_recipient_and_never_sign():
    msgs = [mail(1, "Je signe : Marie DUPONT, maire de Sury (42)."),
            mail(2, "Je signe : Paul ROUX, maire de Conques (12).", sender="Paul Roux <paul.roux@free.fr>"),
            mail(3, "Merci ! Quel est votre mandat ?\nAnne MOREL, coordinatrice\nconseillère municipale de Lyon",
                 sender=f"Tribune <{ORG}>", to="marie.dupont@orange.fr")]
    assert is_organiser(ORG, organisers(msgs)) and not is_organiser("paul.roux@free.fr", organisers(msgs))
    assert rows(*msgs)[-1]["intention"] == "organisateurs"


def test_a_reminder_from_the_organisers_mailing_list_listing_signers_never_signs():
    msgs = [mail(1, "Je signe : Marie DUPONT, maire de Sury (42)."),
            mail(2, "Je signe : Paul ROUX, maire de Conques (12).", sender="Paul Roux <paul.roux@free.fr>"),
            mail(3, "Déjà 150 signatures, dont :\n- Marie DUPONT, maire de Sury (42)\n- Paul ROUX, maire de Conques\n"
                 "Répondez avec vos nom, prénom et mandat.", sender="Tribune <annonces@listes.collectif.example>",
                 to="undisclosed-recipients:;")]
    assert [r["intention"] for r in rows(*msgs)][-1] != "signe"
    assert all(r["nom"] == "" or "listes" not in r["source"] for r in rows(*msgs) if "003" in r["source"])


def test_a_mass_mailing_to_hidden_recipients_is_not_a_signature():
    msg = mail(1, "Je signe : Marie DUPONT, maire de Sury (42).", sender="Lettre <info@asso.example>",
               to="undisclosed-recipients:;")
    assert rows(msg)[0]["intention"] == "lettre_information"


def test_signers_sharing_a_public_webmail_with_the_organisers_are_not_organisers():
    msgs = [mail(1, "Je signe : Marie DUPONT, maire de Sury (42).", to="tribune.vsa@gmail.com"),
            mail(2, "Je signe : Paul ROUX, maire de Conques (12).", sender="Paul Roux <paul.roux@gmail.com>",
                 to="tribune.vsa@gmail.com")]
    assert not is_organiser("paul.roux@gmail.com", organisers(msgs))
    assert rows(*msgs)[-1]["intention"] == "signe"


def test_a_name_then_a_mandate_in_reply_then_a_confirmation_are_one_signature():
    first = mail(1, "Je voudrais ajouter mon nom à la tribune : Marie DUPONT.")
    question = mail(2, "Quel est votre mandat ?\n\nLe lun. 4 mai 2026 à 10:00, Marie Dupont <marie.dupont@orange.fr> "
                    "a écrit :\n> Je voudrais ajouter mon nom à la tribune : Marie DUPONT.",
                    sender=f"Tribune <{ORG}>", to="marie.dupont@orange.fr", reply_to="m1@test", refs="<m1@test>")
    mandate = mail(3, "maire de Sury-le-Comtal (42)\n", subject="Re: Tribune", reply_to="m2@test",
                   refs="<m1@test> <m2@test>")
    confirm = mail(4, "Oui, je confirme.", subject="Re: Tribune", reply_to="m3@test", refs="<m1@test> <m3@test>")
    out = rows(first, question, mandate, confirm)
    signers = [r for r in out if r["extraction_statut"] == "signataire"]
    assert len(signers) == 1
    assert (signers[0]["nom_complet"], signers[0]["mandat"]) == ("Marie DUPONT", "maire de Sury-le-Comtal (42)")
    assert signers[0]["source"] == "001.eml ; 003.eml ; 004.eml"
    assert {r["source"] for r in out} == {"001.eml ; 003.eml ; 004.eml", "002.eml"}


def test_a_confirmation_above_the_quoted_first_message_of_the_same_sender_names_the_signer():
    body = ("Oui, je confirme ma signature.\n\n"
            "Le mar. 5 mai 2026 à 09:00, Tribune <tribune@collectif.example> a écrit :\n"
            "> Pouvez-vous confirmer votre signature ?\n> Anne MOREL, conseillère municipale de Lyon\n>\n"
            "> Le lun. 4 mai 2026 à 10:00, Marie Dupont <marie.dupont@orange.fr> a écrit :\n"
            "> > Je signe la tribune.\n> > Marie DUPONT\n> > maire de Sury (42)\n")
    (row,) = rows(mail(1, body, subject="Re: Tribune", reply_to="absent@test"))
    assert (row["intention"], row["nom_complet"], row["mandat"]) == ("confirme", "Marie DUPONT", "maire de Sury (42)")


def test_quoted_text_is_attributed_by_its_attribution_line_at_every_depth():
    found = quotes("Oui.\n\n-----Message d'origine-----\nDe : Tribune [mailto:t@c.org]\nEnvoyé : lundi\n"
                   "Objet : RE: x\nQuestion ?\n\nLe 4 mai 2026, Marie <m@o.fr> a écrit :\n> Je signe.\n")
    assert [(q.address, q.lines[0]) for q in found] == [("t@c.org", "Question ?"), ("m@o.fr", "Je signe.")]


def test_messages_answering_a_message_absent_from_the_mailbox_are_one_conversation():
    a = mail(1, "x", reply_to="gone@test", refs="<gone@test>")
    b = mail(2, "y", sender="Paul <p@x.fr>", refs="<gone@test>")
    assert thread_of([a, b])[0] == thread_of([a, b])[1]


def test_a_withdrawal_flags_the_earlier_signature_of_its_sender_and_keeps_its_name():
    out = rows(mail(1, "Je signe : Marie DUPONT, maire de Sury (42)."),
               mail(2, "Je retire ma signature.", date="Tue, 5 May 2026 10:00:00 +0200"))
    assert out[0]["extraction_statut"] == "signature_retiree" and out[0]["nom_complet"] == "Marie DUPONT"
    assert "002.eml" in out[0]["retrait"]
    assert out[1]["intention"] == "retrait" and "001.eml" in out[1]["extraction_raison"]


def test_a_withdrawn_signature_is_never_verified(tmp_path, sample_db):
    from rne_match import api

    from .conftest import unique_official
    nom, prenom, _, commune, _, _ = unique_official(sample_db)
    box = tmp_path / "box"
    box.mkdir()
    (box / "001.eml").write_bytes(_raw(f"Je signe : {prenom} {nom}, maire de {commune}.", 1))
    (box / "002.eml").write_bytes(_raw("Je retire ma signature.", 2))
    frame = api.verify_file(box, sample_db, output=tmp_path / "out.csv").frame
    assert "verified" not in frame["status"].to_list()
    assert "retirée" in frame.filter(pl.col("source") == "001.eml")["reason"][0]


def _raw(body: str, n: int) -> bytes:
    return (f"From: Marie <m@o.fr>\nTo: {ORG}\nSubject: Tribune\nMessage-ID: <m{n}@t>\n"
            f"Date: Mon, {3 + n} May 2026 10:00:00 +0200\nContent-Type: text/plain; charset=utf-8\n\n{body}").encode()


@pytest.mark.parametrize("local, display, ok", [
    ("jp.roux", "", True), ("hdurand", "", True), ("durand.helene", "", True), ("mdurand", "", False),
    ("", "durand hélène", True), ("h.martin", "", False), ("h.durand", "Martine Durand", False),
])
def test_an_address_names_a_person_when_surname_and_first_name_agree(local, display, ok):
    prenom = "jean pierre" if local == "jp.roux" else "helene"
    nom = "roux" if local == "jp.roux" else "durand"
    assert (_fits(nom, prenom, local, display) is not None) is ok


@pytest.mark.parametrize("local, display, span", [
    ("helene.durand", "", "adresse_complete"), ("h.durand", "", "adresse_initiales"),
    ("durand", "", "adresse"), ("", "Hélène Durand", "expediteur_complet"),
])
def test_how_much_of_the_name_an_address_writes_decides_how_it_is_read(local, display, span):
    assert _fits("durand", "helene", local, display).split("=")[0] == span
