"""Second round of petition mail reading (issue 11): signatures in attachments and subjects,
abbreviated mandates, secretaries writing for an official, assistants forwarding several
colleagues, Apple '>' forwards, bare confirmations and thank-you replies.

Invented examples of how French officials and mail clients write, not copies of any corpus."""

from __future__ import annotations

import base64
from email.header import Header

import pytest

from rne_match.domain.mandates import parse_mandate
from rne_match.inputs.freetext import read_line
from rne_match.inputs.mail.extract import extract_messages
from rne_match.inputs.mail.mailbox import _from_bytes, vcard_lines

from .test_mail_intent import ORG, mail, rows


def with_attachment(n: int, body: str, filename: str, content: bytes, ctype: str = "text/plain",
                    charset: str = "utf-8", sender: str = "Paul Roux <p.roux@free.fr>"):
    raw = (f"From: {sender}\nTo: {ORG}\nSubject: Tribune\nMessage-ID: <a{n}@test>\n"
           "Date: Mon, 4 May 2026 10:00:00 +0200\nMIME-Version: 1.0\n"
           'Content-Type: multipart/mixed; boundary="XX"\n\n--XX\nContent-Type: text/plain; charset=utf-8\n\n'
           f"{body}\n--XX\nContent-Type: {ctype}; charset=\"{charset}\"; name=\"{filename}\"\n"
           f"Content-Disposition: attachment; filename=\"{filename}\"\nContent-Transfer-Encoding: base64\n\n"
           f"{base64.b64encode(content).decode()}\n--XX--\n")
    return _from_bytes(raw.encode(), f"{n:03d}.eml")


def signers(*messages) -> list[tuple[str, str]]:
    return [(r["nom_complet"], r["mandat"]) for r in rows(*messages) if r["extraction_statut"] == "signataire"]


# ---------------------------------------------------------------- attachments

def test_a_form_sent_as_a_windows_1252_text_attachment_is_read_as_the_signature():
    form = "Nom : FAURE\r\nPrénom : Hélène\r\nMandat : adjointe au maire de Sury (42)\r\n".encode("cp1252")
    found = rows(with_attachment(1, "Bonjour, ci-joint le formulaire.", "formulaire.txt", form, charset="windows-1252"))
    assert (found[0]["nom"], found[0]["prenom"], found[0]["mandat"]) == ("FAURE", "Hélène", "adjointe au maire de Sury (42)")
    assert found[0]["intention"] == "signe"


def test_a_vcard_attachment_gives_the_name_and_the_title_as_mandate():
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:ROUX;Paul;;;\r\nFN:Paul ROUX\r\nTITLE:maire de Lèves (28)\r\nEND:VCARD\r\n"
    found = signers(with_attachment(2, "Je signe, mes coordonnées en pièce jointe.", "roux.vcf", card.encode(),
                                    ctype="text/vcard"))
    assert found == [("Paul ROUX", "maire de Lèves (28)")]


def test_a_vcard_without_fn_takes_the_name_from_n_and_the_place_from_org():
    assert vcard_lines("BEGIN:VCARD\nN:DURAND;Anne;;;\nTITLE:conseillère municipale\nORG:Mairie de Sury\nEND:VCARD") == \
        "Nom et prénom : Anne DURAND\nMandat : conseillère municipale, Sury"


def test_the_signature_in_the_body_wins_over_an_attachment():
    found = signers(with_attachment(3, "Je signe : Paul ROUX, maire de Lèves (28).", "cv.txt",
                                    b"Nom : AUTRE\nMandat : maire de Dreux"))
    assert found == [("Paul ROUX", "maire de Lèves (28)")]


# ---------------------------------------------------------------- subject

@pytest.mark.parametrize("subject, name", [
    ("DURAND Anne - conseillère municipale de Sury (42) - signature", "DURAND Anne"),
    ("Signature Anne DURAND (deuxième adjointe au maire de Sury (42))", "Anne DURAND"),
    ("Je signe : Anne DURAND-VALLE, conseillère régionale d'Occitanie", "Anne DURAND-VALLE"),
])
def test_a_signature_only_in_the_subject_signs_with_that_name(subject, name):
    found = rows(mail(4, "\nEnvoyé de mon iPhone\n", subject=Header(subject, "utf-8").encode(),
                      sender="<a.durand@free.fr>"))
    assert [r["nom_complet"] for r in found if r["extraction_statut"] == "signataire"] == [name]
    assert not found[0]["mandat"].endswith(")") or found[0]["mandat"].count("(") == found[0]["mandat"].count(")")


# ---------------------------------------------------------------- abbreviations

@pytest.mark.parametrize("text, kind, fonction, dep", [
    ("2ème adjte Sury (42)", "cm", "adjoint", "42"),
    ("VP CD33", "cd", "vice-president", "33"),
    ("cons. dép. 53 (canton de Laval-1)", "cd", "conseiller", "53"),
    ("conseillère communautaire et municipale de Lèves (28)", "cm", "conseiller", "28"),
    ("vice-président du conseil départemental du Gard", "cd", "vice-president", "30"),
])
def test_abbreviated_mandates_give_kind_function_and_departement(text, kind, fonction, dep):
    m = parse_mandate(text)
    assert (m.kind, m.fonction, m.code_departement) == (kind, fonction, dep)


def test_the_commune_after_an_and_joined_mandate_is_the_commune():
    assert parse_mandate("conseillère communautaire et municipale de Lèves (28)").place == "leves"


def test_a_name_after_a_mandate_and_a_dash_is_the_signer():
    assert read_line("cons. dép. 53 (canton de Laval-1) - Anne DURAND. Je signe.") == \
        {"nom_complet": "Anne DURAND", "mandat": "cons. dép. 53 (canton de Laval-1)"}


def test_a_surname_ending_in_le_is_not_cut_as_a_title():
    assert read_line("Je signe : Paul MARTEILLE, conseiller municipal de Sury")["nom_complet"] == "Paul MARTEILLE"


def test_a_message_holding_only_a_name_and_an_abbreviated_mandate_signs():
    found = rows(mail(5, "Anne DURAND\ncons. mun. Sury (42)\n\nBien à vous\n", subject="Appel"))
    assert (found[0]["intention"], found[0]["nom_complet"]) == ("signe", "Anne DURAND")


# ---------------------------------------------------------------- secretaries

@pytest.mark.parametrize("body, name", [
    ("Pour M. le Maire, JEAN DUPONT, je vous confirme qu'il souhaite signer en qualité de maire de Sury (42).",
     "JEAN DUPONT"),
    ("À la demande de Mme la Conseillère départementale (DURAND Anne), je vous informe qu'elle signe votre appel.",
     "DURAND Anne"),
])
def test_a_secretary_writing_for_a_named_official_gives_the_official(body, name):
    found = rows(mail(6, f"Bonjour,\n\n{body}\n\nCordialement,\n\nNadine\nSecrétariat de mairie\n",
                      sender="Mairie de Sury <accueil@mairie-sury.fr>"))
    assert [r["nom_complet"] for r in found if r["extraction_statut"] == "signataire"] == [name]


def test_the_fuller_mandate_the_secretary_states_replaces_the_bare_title():
    found = rows(mail(7, "Pour M. le Maire, JEAN DUPONT, je vous confirme qu'il signe en qualité de maire de Sury (42).",
                      sender="Mairie de Sury <accueil@mairie-sury.fr>"))
    assert found[0]["mandat"] == "maire de Sury (42)"


# ---------------------------------------------------------------- forwards

def _forward(n: int, author: str, address: str, mandate: str):
    body = (f"Pour info.\n\n---------- Forwarded message ---------\nDe : {author} <{address}>\n"
            f"Date: lun. 4 mai 2026\nSubject: Tribune\nTo: <assistant@asso.example>\n\n"
            f"Tu peux transmettre : je signe.\n{author}\n{mandate}\n")
    return mail(n, body, sender="Assistant <assistant@asso.example>", subject="Fwd: Tribune")


def test_one_assistant_forwarding_several_colleagues_gives_several_signers():
    found = signers(_forward(8, "Anne DURAND", "a.durand@free.fr", "maire de Sury (42)"),
                    _forward(9, "Paul ROUX", "p.roux@free.fr", "maire de Lèves (28)"))
    assert found == [("Anne DURAND", "maire de Sury (42)"), ("Paul ROUX", "maire de Lèves (28)")]


def test_an_apple_forward_quoted_with_marks_is_read():
    body = ("Pour info.\n\n> Début du message réexpédié :\n>\n> De: Anne DURAND <a.durand@free.fr>\n"
            "> Objet: Tribune\n> Date: 4 mai 2026\n>\n> Je signe l'appel.\n> Anne DURAND\n> maire de Sury (42)\n")
    assert signers(mail(10, body, sender="Assistant <assistant@asso.example>", subject="Fwd: Tribune")) == \
        [("Anne DURAND", "maire de Sury (42)")]


def test_a_forwarder_who_signs_too_and_the_forwarded_author_are_two_signers():
    body = ("Transmis.\n\nCordialement,\nPaul ROUX\nmaire de Lèves (28) — je signe également\n\n"
            "De : Anne DURAND <a.durand@free.fr>\nEnvoyé : lundi 4 mai 2026 10:00\nÀ : p.roux@free.fr\nObjet : Tribune\n\n"
            "Je signe l'appel.\nAnne DURAND\nmaire de Sury (42)\n")
    found = signers(mail(11, body, sender="Paul ROUX <p.roux@free.fr>", subject="TR: Tribune"))
    assert [n for n, _ in found] == ["Paul ROUX", "Anne DURAND"]


def test_two_messages_of_one_sender_naming_different_people_are_not_merged():
    found = signers(mail(12, "Je signe : Anne DURAND, maire de Sury (42)."),
                    mail(13, "Je signe : Paul ROUX, maire de Lèves (28).", reply_to="m12@test", subject="Re: Tribune"))
    assert len(found) == 2


# ---------------------------------------------------------------- threads and thanks

def test_a_bare_confirmation_is_listed_in_the_source_of_the_signature_it_completes():
    first = mail(14, "Je signe.\nAnne DURAND\nmaire de Sury (42)", sender="Anne DURAND <a.durand@free.fr>")
    ask = mail(15, "Confirmez-vous ?", sender=f"Collectif <{ORG}>", to="a.durand@free.fr",
               reply_to="m14@test", subject="Re: Tribune")
    confirm = mail(16, "Confirmé !\n\n> Confirmez-vous ?", sender="Anne DURAND <a.durand@free.fr>",
                   reply_to="m15@test", refs="<m14@test> <m15@test>", subject="Re: Tribune")
    found = extract_messages([first, ask, confirm]).to_dicts()
    sources = [r["source"] for r in found]
    assert sources == ["014.eml ; 016.eml", "015.eml"]


def test_a_thank_you_reply_with_a_signature_block_never_signs():
    found = rows(mail(17, "Bien reçu, merci. Je transmets à mes collègues.\nAnne DURAND - maire de Sury (42)",
                      subject="Re: Merci pour votre signature"))
    assert (found[0]["intention"], found[0]["extraction_statut"]) == ("remerciement", "aucun_signataire")
