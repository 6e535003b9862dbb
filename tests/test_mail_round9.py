"""E-mail intake, round 9: fields typed without labels, staff passing on their official's signature, phone
shorthand and dictated text, refusals said as disagreement, web-form notifications of several form
services, titles whose place is said otherwise. Found missing on the nineteenth to twenty-first held-out
mailboxes (each measured once before these rules); every example here is invented."""

from __future__ import annotations

import pytest

from rne_match.domain.mandates import parse_mandate
from rne_match.inputs.freetext import mandate_span

from .test_mail_intent import mail, rows

REPLY = {"subject": "Re: Appel", "reply_to": "call@collectif.example"}
FORM = {"sender": "Collectif <noreply@collectif.example>", "to": "tribune@collectif.example"}


def _signers(*messages) -> list[tuple[str, str]]:
    return [(r["nom_complet"] or f"{r['prenom']} {r['nom']}".strip(), r["mandat"]) for r in rows(*messages)
            if r["extraction_statut"] == "signataire"]


def _row(body: str, **kw) -> dict:
    return rows(mail(1, body, **kw))[0]


@pytest.mark.parametrize("line", [
    "DURAND ; Hélène ; Maire ; Commune de Sury (42)",
    "DURAND | Hélène | Maire | Sury (42)",
    "DURAND / Hélène / Maire / Sury (42)",
    "DURAND\tHélène\tMaire\tSury (42)",
])
def test_the_fields_the_call_asked_for_typed_without_labels_name_the_signer(line):
    (name, mandate), = _signers(mail(1, f"Je signe.\n\n{line}\n\nCordialement", **REPLY))
    assert name == "DURAND Hélène" and parse_mandate(mandate).place == "sury"


@pytest.mark.parametrize("sentence", [
    "Suite à votre courriel, je vous confirme mon adhésion à l'appel des élu·es.",
    "J'adhère pleinement à votre appel.",
    "Je souscris sans réserve à cet appel.",
])
def test_adhering_to_the_call_signs(sentence):
    assert _signers(mail(1, f"Madame, Monsieur,\n\n{sentence}\n\nPaul ROUX, maire de Sury (42)", **REPLY)) \
        == [("Paul ROUX", "maire de Sury (42)")]


@pytest.mark.parametrize("sentence", [
    "Je ne suis pas d'accord avec cet appel.",
    "Je n'adhère pas à ce texte.",
    "Je ne partage pas votre analyse.",
])
def test_disagreeing_above_a_name_and_title_refuses_and_says_so(sentence):
    row = _row(f"Bonjour,\n{sentence}\nPaul ROUX, maire de Sury (42)", **REPLY)
    assert row["extraction_statut"] == "aucun_signataire"
    assert row["extraction_raison"].startswith("refus de signer (« Je n")


def test_disagreeing_on_a_point_but_signing_signs():
    assert _signers(mail(1, "Je ne suis pas d'accord sur tout, mais je signe.\nPaul ROUX, maire de Sury (42)", **REPLY))


def test_a_renewed_membership_of_an_association_is_no_signature_word():
    row = _row("Merci pour la lettre. Mon adhésion à l'association des maires est renouvelée.", **REPLY)
    assert row["intention"] != "signe"


def test_the_writer_who_signs_too_under_the_colleagues_they_list_is_a_signer():
    body = ("Bonjour,\n\nles collègues suivants m'ont demandé de transmettre leur signature :\n\n"
            "- Nicole GENIN, Maire de Saint-Sorlin\n- Raymond MASLO, Maire de la Morte\n\n"
            "Et bien entendu je signe moi aussi.\n\nAmitiés\n\nGérard Baup\nMaire de Cornillon (38)\n")
    assert [n for n, _ in _signers(mail(1, body, **REPLY))] == ["Nicole GENIN", "Raymond MASLO", "Gérard Baup"]


@pytest.mark.parametrize("body, name, place", [
    ("Bonjour,\nJe vous transmets la signature de Mme le Maire : Anne Vidalot, maire de Sury-le-Comtal.\n\n"
     "Cordialement,\nNadia Bel\nSecrétaire de mairie", "Anne Vidalot", "sury le comtal"),
    ("Madame, Monsieur,\nVeuillez trouver ci-dessous la signature de notre maire, Paul Roux.\n\nCordialement,\n"
     "Nadia Bel, secrétaire de mairie", "Paul Roux", ""),
    ("Bonjour,\nLe maire signe : DURAND Hélène.\nNadia (secrétariat)", "DURAND Hélène", ""),
    ("Bonjour,\nle maire me charge de vous dire qu'il signe\nPaul ROUX, Sury-le-Comtal\nbonne journée\nNadia",
     "Paul ROUX", "sury le comtal"),
])
def test_staff_passing_on_their_officials_signature_name_the_official(body, name, place):
    (signer, mandate), = _signers(mail(1, body, sender="Mairie <mairie.sury@orange.fr>", **REPLY))
    assert signer == name and parse_mandate(mandate).place == place


def test_a_name_under_the_words_the_mayor_signs_and_over_a_staff_title_is_the_staff_members():
    assert _signers(mail(1, "Bonjour,\nLa maire signe.\nAnne DUVAL\nSecrétariat de mairie", **REPLY)) == []


def test_a_surname_with_the_first_name_given_apart_is_the_officials_full_name():
    body = ("Bonjour,\nÀ la demande de Monsieur Roux, maire, je vous confirme son soutien à l'appel. "
            "Son prénom : Paul.\n\nCordialement,\nNadia Bel")
    assert _signers(mail(1, body, sender="Mairie <mairie.sury@orange.fr>", **REPLY))[0][0] == "Paul Roux"


def test_a_surname_without_first_name_is_shown_to_confirm_not_verified():
    body = "Bonjour,\nÀ la demande de Monsieur Roux, Maire de Sury, je vous confirme qu'il signe l'appel.\nNadia Bel"
    row = rows(mail(1, body, sender="Mairie <mairie.sury@orange.fr>", **REPLY))[0]
    assert row["nom_complet"] == "Roux" and row["a_confirmer"].startswith("prénom absent")


@pytest.mark.parametrize("body, name, title", [
    ("jsigne. Paul ROUX cm Sury", "Paul ROUX", "cm Sury"),
    ("Signé 👍 Marie LAGARDE - 2e adj Saint-Germier", "Marie LAGARDE", "2e adj Saint-Germier"),
    ("BONJOUR JE SINGE PAUL ROUX CONSEILLER MUNICIPAL CONDOM MERCI A VOUS", "PAUL ROUX", "CONSEILLER MUNICIPAL CONDOM"),
])
def test_phone_shorthand_names_the_signer_and_the_title(body, name, title):
    assert _signers(mail(1, body, sender="<x@orange.fr>")) == [(name, title)]


def test_jsigne_in_the_middle_of_a_line_signs():
    assert _row("Bjr jsuis cm a Sury (42) jsigne evidemment. Paul Roux.", sender="Paul Roux <p@x.fr>")["intention"] == "signe"


def test_centimetres_are_no_municipal_councillor():
    assert mandate_span("Il est tombé 12 cm de neige à Condom.") is None


def test_a_dictated_message_is_read_with_the_punctuation_it_dictates():
    body = "bonjour virgule je signe l'appel point je suis conseiller municipal de sury point cordialement paul roux"
    assert _signers(mail(1, body, sender="<p.roux@free.fr>")) == [("paul roux", "conseiller municipal de sury")]


def test_puis_je_signer_is_a_question():
    body = ("Bonjour,\nJe suis adjoint au maire du 13e arrondissement de Paris : puis-je signer, ou l'appel est-il "
            "réservé aux conseils municipaux ?\nFlorent DUVAL\nAdjoint au maire du 13e arrondissement de Paris")
    assert _row(body, **REPLY)["intention"] == "question"


@pytest.mark.parametrize("body", [
    "Nouveau message depuis le formulaire du site\n\nNom : ROUX\nPrénom : Paul\nMandat : Conseiller municipal\nCommune : Sury",
    "Soumis par : Anonyme\nValeurs soumises :\n\nVotre nom\nROUX\n\nVotre prénom\nPaul\n\nVotre mandat\n"
    "Conseiller municipal\n\nVotre commune\nSury",
    "Nouvelle entrée\n|\n\n| Nom\n\n| | ROUX\n\n| Prénom\n\n| | Paul\n\n| Mandat\n\n| | Conseiller municipal\n\n"
    "| Commune\n\n| | Sury",
    "Civilité : M.\nNom : ROUX\nPrénom : Paul\nMandat (liste) : Conseiller municipal\nCommune (code postal) : Sury",
    "Nouvelle réponse\n\n1. Quel est votre nom ?\nPaul ROUX\n\n2. Quel est votre mandat ?\nConseiller municipal\n\n"
    "3. Dans quelle commune ?\nSury",
])
def test_a_web_form_notification_of_any_form_service_names_its_submitter(body):
    tribune = mail(1, "Appel des élu·es. Pour signer, répondez.", sender="Collectif <tribune@collectif.example>",
                   to="liste@collectif.example")
    (row,) = [r for r in rows(tribune, mail(2, body, **FORM)) if r["extraction_statut"] == "signataire"]
    assert (row["nom_complet"] or f"{row['prenom']} {row['nom']}".strip()) == "Paul ROUX"
    assert parse_mandate(row["mandat"]).kind == "cm" and row["commune"] == "Sury"


def test_a_form_notification_names_its_submitter_from_its_de_line():
    tribune = mail(1, "Appel. Pour signer, répondez.", sender="Collectif <tribune@collectif.example>", to="l@collectif.example")
    body = "De : Paul ROUX <p.roux@bbox.fr>\nObjet : Signature\n\nCorps du message :\nJe signe.\n\nMandat : conseiller municipal\nCommune : Sury (42)"
    (row,) = [r for r in rows(tribune, mail(2, body, subject="Nouveau message depuis le formulaire du site", **FORM))
              if r["extraction_statut"] == "signataire"]
    assert row["nom_complet"] == "Paul ROUX"


@pytest.mark.parametrize("text, place, dep", [
    ("CONSEILLERE DEPARTEMENTALE DE L'OISE CANTON CLERMONT", "clermont", "60"),
    ("conseillère départementale de l'Oise, canton de Clermont", "clermont", "60"),
    ("conseiller départemental, Département du Cher – canton de Saint-Martin-d'Auxigny", "saint martin d auxigny", "18"),
    ("Conseillère régionale (section du Pas-de-Calais)", "pas de calais", "62"),
    ("maire (cuverville, calvados)", "cuverville", "14"),
    ("5e adjointe – transition écologique", "", None),
    ("1er adjoint (éducation)", "", None),
    ("adjoint au maire en charge : culture", "", None),
    ("conseiller municipal délégué aux sports (vaux-sur-vienne)", "vaux sur vienne", None),
    ("membre du conseil municipal de Rochemaure (07)", "rochemaure", "07"),
    ("opposition municipale, Telgruc sur Mer, Finistère", "telgruc sur mer", "29"),
    ("Élu pour la première fois en mars au conseil municipal de Sury", "sury", None),
    ("C.M. Saint-Agnan - 89", "saint agnan", "89"),
    ("deuxième adjoint au mère de malabat", "malabat", None),
])
def test_titles_and_places_said_otherwise(text, place, dep):
    m = parse_mandate(text)
    assert (m.place, m.code_departement) == (place, dep) and m.kind is not None


@pytest.mark.parametrize("line, mandate", [
    ("Paul ROUX – conseiller communautaire, conseiller municipal de Killem", "conseiller municipal de Killem"),
    ("Paul ROUX, Conseillère municipale, Bretx 31", "Conseillère municipale, Bretx (31)"),
])
def test_the_title_the_registry_can_check_is_kept(line, mandate):
    assert _signers(mail(1, f"Je signe.\n{line}", **REPLY))[0][1] == mandate


def test_the_signer_in_brackets_after_ma_signature_is_read_in_a_long_sentence():
    body = ("Bonjour,\n\nVous pouvez compter sur ma signature (Didier Marnac, maire de Sury), même si je doute qu'une "
            "pétition de plus suffise.\n\nAvec mes salutations,\nD. M.")
    assert _signers(mail(1, body, **REPLY)) == [("Didier Marnac", "maire de Sury")]


def test_a_list_mixing_name_comma_title_and_name_bracketed_title_keeps_all_of_them():
    body = ("Signent : Christophe RANDO, maire, ainsi que Alain DUPRAT (1er adjoint au maire) "
            "et Régis BENVENO (conseiller municipal).")
    assert [n for n, _ in _signers(mail(1, body, **REPLY))] == ["Christophe RANDO", "Alain DUPRAT", "Régis BENVENO"]


@pytest.mark.parametrize("block, mandate", [
    ("Françoise DUBUCHE\nVice-présidente de la Métropole Européenne de Lille\n3e adjointe au maire de Péronne-en-Mélantois",
     "3e adjointe au maire de Péronne-en-Mélantois"),
    ("DE FRÉMICOURT Hervé\nConseiller municipal\nFlèche (La) - 72", "Conseiller municipal, Flèche (La) - 72"),
])
def test_a_message_that_is_only_a_signature_block_signs_with_its_checkable_title_and_place(block, mandate):
    assert [m for _, m in _signers(mail(1, block, subject="Appel VSA"))] == [mandate]


def test_a_closing_formula_under_a_title_is_no_place():
    assert _signers(mail(1, "Je signe.\nPaul ROUX\nMaire\nCordialement", **REPLY)) == [("Paul ROUX", "Maire")]


def test_a_thank_you_after_the_signature_is_its_own_row_and_the_signature_is_written_once():
    call = mail(1, "Appel des élu·es. Pour signer, répondez.", sender="Collectif <tribune@collectif.example>",
                to="liste@collectif.example")
    sign = mail(2, "Je signe l'appel.\nPaul Roux", sender="Paul Roux <p.roux@orange.fr>", subject="Re: Appel", reply_to="m1@test")
    org = mail(3, "Merci ! Quel est votre mandat ?", sender="Collectif <tribune@collectif.example>", to="p.roux@orange.fr",
               subject="Re: Appel", reply_to="m2@test")
    mandate = mail(4, "Maire de Sury (42).", sender="Paul Roux <p.roux@orange.fr>", subject="Re: Appel", reply_to="m3@test")
    thanks = mail(5, "Merci à vous et bon courage !", sender="Paul Roux <p.roux@orange.fr>", subject="Re: Appel", reply_to="m3@test")
    out = rows(call, sign, org, mandate, thanks)
    sources = [s for r in out for s in r["source"].split(" ; ")]
    assert sorted(sources) == ["001.eml", "002.eml", "003.eml", "004.eml", "005.eml"]
    assert sum(r["extraction_statut"] == "signataire" for r in out) == 1


def test_a_name_correction_said_with_thanks_corrects_the_signature():
    sign = mail(1, "Je signe. Paul Rou, maire de Sury (42)", sender="Paul Roux <p.roux@orange.fr>")
    fix = mail(2, "Petite correction : mon nom s'écrit ROUX, pas Rou. Merci !", sender="Paul Roux <p.roux@orange.fr>",
               subject="Re: Tribune", reply_to="m1@test")
    (signer,) = [r for r in rows(sign, fix) if r["extraction_statut"] == "signataire"]
    assert signer["nom_complet"].endswith("ROUX") and "002.eml" in signer["source"]


def test_je_m_y_associe_signs_even_after_a_thank_you():
    body = "Merci pour cette initiative, je m'y associe bien volontiers.\n\nPaul ROUX\nMaire\nCommune de Sury (42)"
    assert _row(body, **REPLY)["intention"] == "signe"


@pytest.mark.parametrize("head, items, title", [
    ("Au nom du groupe écologiste du conseil départemental de la Loire, voici nos signatures :",
     "• Anne DURAND (canton de Feurs)\n• Paul ROUX (canton de Boën)", "conseiller départemental de la Loire (canton de Feurs)"),
    ("Plusieurs élu·es de notre groupe au conseil régional de Bretagne souhaitent signer :",
     "1. Anne Durand\n2. Paul Roux", "conseiller régional de Bretagne"),
])
def test_a_group_list_under_its_council_signs_with_that_council(head, items, title):
    body = f"Bonjour,\n\n{head}\n\n{items}\n\nEt moi-même, bien sûr.\n\nCordialement,\nMarie Vidal\nPrésidente du groupe, {title.split(' (')[0]}"
    signers = _signers(mail(1, body, **REPLY))
    assert signers[0][1] == title and len(signers) == 3


@pytest.mark.parametrize("text, kind, place", [
    ("Élu CTM – Collectivité Territoriale de Martinique", "ma", "martinique"),
    ("élue à la CTG", "ma", "guyane"),
    ("Élue des 13e et 14e arrondissements de Marseille", "ca", "marseille"),
])
def test_overseas_assemblies_and_sectors_said_by_their_initials_or_numbers(text, kind, place):
    m = parse_mandate(text)
    assert (m.kind, m.place) == (kind, place)


def test_name_and_first_name_asked_apart_and_answered_inside_the_quote_make_one_name():
    body = ("> Pour que votre signature soit vérifiée, pouvez-vous compléter :\n> Votre nom ?\nRoux\n>\n> Votre prénom ?\n"
            "Paul\n>\n> Votre mandat ?\nCM\n>\n> Votre commune ?\nSury-le-Comtal\n\nMerci\nPaul")
    assert _signers(mail(1, body, sender="Paul <p.roux@orange.fr>", **REPLY)) == [("Paul Roux", "CM, Sury-le-Comtal")]


def test_answers_marked_inside_an_unmarked_outlook_quote_are_read():
    body = ("Bonjour,\nmes réponses dans votre message.\n\nDe : Collectif <tribune@collectif.example>\nEnvoyé : lundi 19 "
            "octobre 2026 11:09\nObjet : Re: je signe\n\nPour que votre signature soit vérifiée, pouvez-vous compléter :\n\n"
            "Votre nom ?\n=> Roux\nVotre prénom ?\n=> Paul\nVotre mandat ?\n=> 2e adjoint au maire\n"
            "Votre commune ou collectivité ?\n=> Sury-le-Comtal\n")
    assert _signers(mail(1, body, sender="Paul <p.roux@orange.fr>", **REPLY)) == [
        ("Paul Roux", "2e adjoint au maire, Sury-le-Comtal")]


def test_a_typo_in_the_first_name_corrected_later_is_taken():
    sign = mail(1, "Je signe.\nGeorge FANI, 1er adjoint au maire de Zonza", sender="Georges Fani <g.fani@neuf.fr>")
    fix = mail(2, "Pardon, coquille dans mon prénom : Georges et non George.\nGeorges FANI",
               sender="Georges Fani <g.fani@neuf.fr>", subject="Re: Tribune", reply_to="m1@test")
    (signer,) = [r for r in rows(sign, fix) if r["extraction_statut"] == "signataire"]
    assert signer["nom_complet"] == "Georges FANI"


def test_a_generic_town_hall_sender_names_no_commune():
    body = ("Bonjour,\nMonsieur le Maire, Paul ROUX, souhaite signer l'appel.\nCordialement,\nNadia Bel\n"
            "Secrétariat de mairie\nMairie de Sury-le-Comtal\n4 Grande Rue\n42450 Sury-le-Comtal")
    (row,) = [r for r in rows(mail(1, body, sender="Secrétariat Mairie <accueil@sury.fr>")) if r["extraction_statut"] == "signataire"]
    assert row["commune"] == "Sury-le-Comtal"


@pytest.mark.parametrize("withdrawal", [
    "Pouvez-vous retirer Anne DURAND de la liste envoyée la semaine dernière ? Elle préfère finalement ne pas signer.",
    "retirez DURAND Anne de la liste svp, erreur de ma part. Les autres signatures sont maintenues.",
])
def test_a_person_taken_off_a_list_one_sent_is_withdrawn_alone(withdrawal):
    sender = "Marc Vidal <m.vidal@orange.fr>"
    listing = mail(1, "Pour le groupe « Sury demain » (Sury-le-Comtal (42)), nos signatures :\n\n"
                      "• DURAND Anne, conseillère municipale\n• ROUX Paul, conseiller municipal\n", sender=sender)
    later = mail(2, withdrawal, sender=sender, subject="Re: Tribune", reply_to="m1@test")
    out = {r["nom_complet"]: r["extraction_statut"] for r in rows(listing, later) if r["nom_complet"]}
    assert out == {"DURAND Anne": "signature_retiree", "ROUX Paul": "signataire"}


def test_a_groups_commune_in_brackets_after_its_name_places_its_members():
    body = ("Pour le groupe « Sury demain » (Sury-le-Comtal (42)), merci d'enregistrer les signatures suivantes :\n\n"
            "• DURAND Anne, conseillère municipale\n• ROUX Paul, conseiller municipal\n")
    assert {r["commune"] for r in rows(mail(1, body)) if r["nom_complet"]} == {"Sury-le-Comtal"}
