"""E-mail intake, round 8: a signature said in a post-scriptum of a message that asks something else,
formal ways of saying one signs, staff passing on an official's « accord pour signer », and first names
that hold a word the name reader refused (« Marie-France »). Found missing on the twelfth and
fourteenth held-out mailboxes; every example here is invented."""

from __future__ import annotations

import pytest

from rne_match.domain.mandates import parse_mandate
from rne_match.inputs.freetext import looks_like_name
from rne_match.inputs.mail.intent import signs_outright

from .test_mail_intent import ORG, mail, rows


def _signers(*messages) -> list[tuple[str, str]]:
    return [(r["nom_complet"], r["mandat"]) for r in rows(*messages) if r["extraction_statut"] == "signataire"]


def _intent(body: str, **kw) -> str:
    return rows(mail(1, body, **kw))[0]["intention"]


REPLY = {"subject": "Re: Appel", "reply_to": "call@collectif.example"}


@pytest.mark.parametrize("ps", [
    "PS : j'allais oublier, je signe évidemment l'appel !",
    "P.S. : et bien sûr vous pouvez ajouter mon nom aux signataires.",
    "NB : ce message vaut signature de l'appel.",
    "P.-S. – Je signe, naturellement.",
    "Ps. Je signe l'appel bien entendu",
])
def test_a_postscript_that_signs_makes_a_message_with_a_question_sign(ps):
    body = (f"Bonjour,\n\nAuriez-vous un visuel de l'appel pour notre bulletin ?\n\nBonne journée,\nPaul ROUX\n"
            f"Maire de Sury\n\n{ps}\n")
    assert _signers(mail(1, body, **REPLY)) == [("Paul ROUX", "Maire de Sury")]


@pytest.mark.parametrize("text", [
    "Si je signe, mon nom sera-t-il publié ?",
    "Puis-je signer en tant que conseiller communautaire ?",
    "Can you send me the text in English? A twinned town would like to read it before I sign.",
    "Qui finance votre collectif ? Avant toute signature, j'aimerais connaître vos soutiens.",
    "Je signerai dès que vous m'aurez répondu : est-ce que le texte est définitif ?",
])
def test_a_signing_word_inside_a_question_or_a_condition_does_not_sign_outright(text):
    assert not signs_outright(text)


def test_a_question_whose_signing_word_is_conditional_stays_a_question():
    body = ("Bonjour,\n\nQui finance votre collectif ? Avant toute signature, j'aimerais connaître vos soutiens.\n\n"
            "Bonne journée,\nAnne Durand\nConseillère régionale de Normandie\n")
    assert _intent(body) == "question"


@pytest.mark.parametrize("sentence", [
    "Par la présente, je vous fais part de ma décision de signer votre appel.",
    "Déclare soutenir l'appel et accepte que mon nom soit publié.",
    "Lu et approuvé, bon pour signature.",
    "Signature ci-dessous 👇",
])
def test_formal_ways_of_saying_one_signs_sign(sentence):
    body = f"Madame, Monsieur,\n\n{sentence}\n\nMadame Hélène DURAND\nMaire de Sury\n"
    assert _intent(body) == "signe"


@pytest.mark.parametrize("text, name", [
    ("Notre 3e adjoint, Pierre Minime, m'a chargée de vous transmettre son accord pour signer l'appel.", "Pierre Minime"),
    ("Suite à votre courriel, M. le Maire (Bernard ROUX) donne son accord pour signer l'appel.", "Bernard ROUX"),
])
def test_staff_passing_on_an_officials_accord_to_sign_give_the_official(text, name):
    body = f"Bonjour,\n\n{text}\n\nCordialement,\nSylvie Lenoir\nAccueil – Mairie de Sury\n"
    out = _signers(mail(1, body, sender="Accueil Mairie <accueil@mairie-sury.fr>", **REPLY))
    assert [n for n, _ in out] == [name]


def test_staff_saying_our_mayor_does_not_sign_give_no_signer():
    body = "Bonjour,\n\nNotre maire, Paul ROUX, ne signe pas.\n\nCordialement,\nSylvie Lenoir\nAccueil\n"
    assert _signers(mail(1, body, sender="Accueil Mairie <accueil@mairie-sury.fr>", **REPLY)) == []


@pytest.mark.parametrize("name", ["Marie-France Tabard", "Anne-France ROUX", "Marie France Tabard", "France DURAND"])
def test_first_names_holding_france_are_names(name):
    assert looks_like_name(name)


@pytest.mark.parametrize("text", ["Régions de France", "Villes de France", "France Urbaine", "Intercommunalités de France"])
def test_associations_named_after_france_are_no_names(text):
    assert not looks_like_name(text)


def test_a_mayor_called_marie_france_signs_above_a_forwarded_message():
    body = ("Bonjour,\n\nSur proposition de notre épicerie, je signe avec plaisir.\n\nMarie-France Tabard, maire de Sury\n\n"
            "---------- Forwarded message ---------\nDe : Karine Lenoir <epicerie@orange.fr>\nDate: lun. 20 sept. 2027\n"
            "Subject: L'appel\n\nBonjour Madame le Maire,\n\nVous pourriez le signer pour la commune ?\n\nKarine\n")
    assert _signers(mail(1, body, subject="Fwd: L'appel")) == [("Marie-France Tabard", "maire de Sury")]


def test_a_surname_ending_in_mme_keeps_its_letters():
    body = ("Bonjour,\n\nLes maires du RPI signent l'appel :\n\nAlain SURHOMME\tmaire de Sury\nGilles ROUX\tmaire de Lay\n")
    assert [n for n, _ in _signers(mail(1, body))] == ["Alain SURHOMME", "Gilles ROUX"]


@pytest.mark.parametrize("text", [
    "Député de la 7e circonscription du Var", "députée du Var (7e circ.)", "Député du Var, 7ème circonscription",
    "député 7e circo Var",
])
def test_a_deputys_numbered_constituency_gives_the_departement_as_place(text):
    assert parse_mandate(text).place == "var"
    assert parse_mandate(text).kind == "dep"


STAFF_BLOCK = ("\n\nBien à vous,\n\nMathilde Lenoir\n{role}\nCabinet de la députée Sandra Roux\nDéputée de la 2e circonscription "
               "de la Charente\nAssemblée nationale – 126 rue de l'Université – 75355 Paris 07 SP\n")


@pytest.mark.parametrize("role", ["Attachée parlementaire", "Collaboratrice parlementaire", "Cheffe de cabinet"])
def test_a_staff_members_block_signs_with_the_official_it_names(role):
    body = "Bonjour,\n\nLa députée signe l'appel." + STAFF_BLOCK.format(role=role)
    assert _signers(mail(1, body, sender="Mathilde Lenoir <m.lenoir@clb-an.fr>")) == [
        ("Sandra Roux", "Députée de la 2e circonscription de la Charente")]


def test_a_staff_members_block_naming_no_official_gives_no_staff_name_as_signer():
    body = ("Bonjour,\n\nLe sénateur signe l'appel.\n\nBien à vous,\n\nInès Lenoir\nAttachée parlementaire\n"
            "Sénateur de Maine-et-Loire\n")
    assert "Inès Lenoir" not in [n for n, _ in _signers(mail(1, body, sender="Sylvie Roux <s.roux@clb.senat.fr>"))]


@pytest.mark.parametrize("text, name", [
    ("Mme Sandra ROUX m'a chargée de vous transmettre son soutien : elle signe l'appel en tant que députée du Var.",
     "Sandra ROUX"),
    ("Je vous confirme que le député Benoît Roux apporte son soutien à l'appel.", "Benoît Roux"),
    ("La députée Edith ROUX (Députée de la 3e circonscription du Var) soutient votre démarche et signe l'appel.",
     "Edith ROUX"),
    ("La députée Françoise Roux m'a chargé de vous faire part de son soutien.", "Françoise Roux"),
])
def test_staff_writing_that_their_named_official_supports_the_call_give_the_official(text, name):
    body = f"Bonjour,\n\n{text}\n\nCordialement,\nSylvie Lenoir\n"
    assert [n for n, _ in _signers(mail(1, body, sender="Sylvie Lenoir <s.lenoir@clb-an.fr>"))] == [name]


def test_a_name_and_mandate_in_brackets_after_a_signing_sentence_are_read():
    body = "Bonjour, la sénatrice ROUX signe ! (Chantal ROUX, sénatrice d'Eure-et-Loir)\nSylvie Lenoir\n"
    assert _signers(mail(1, body, sender="Sylvie Lenoir <s.lenoir@gmail.com>")) == [("Chantal ROUX", "sénatrice d'Eure-et-Loir")]


def test_staff_saying_their_official_signs_gladly_sign_with_the_block_above_the_closing():
    body = ("Bonjour,\n\nLe sénateur m'a demandé de vous indiquer qu'il le signe volontiers.\nEmmanuel ROUX\n"
            "Sénateur de Maine-et-Loire\n\nCordialement,\n\nInès Lenoir\nAttachée parlementaire de Emmanuel Roux\n")
    assert [n for n, _ in _signers(mail(1, body, sender="Inès Lenoir <i.lenoir@clb.senat.fr>"))] == ["Emmanuel ROUX"]


@pytest.mark.parametrize("line, mandate", [
    ("Je signe. Françoise ROUX, CD71", "CD71"),
    ("Je m'associe. Laurent ROUX, sén. Haute-Loire", "sén. Haute-Loire"),
    ("Oui je signe. Jérôme ROUX (Dép. 16 3e circo)", "Dép. 16 3e circo"),
    ("J'en suis. Agnès ROUX, dép. 60-2", "dép. 60-2"),
])
def test_short_forms_of_departmental_senatorial_and_deputy_seats_are_mandates(line, mandate):
    assert _signers(mail(1, line + "\n")) == [(line.split(". ", 1)[1].split(",")[0].split(" (")[0], mandate)]


@pytest.mark.parametrize("text, kind, dep", [("CD71", "cd", "71"), ("sén. Haute-Loire", "sen", None),
                                             ("Dép. 16 3e circo", "dep", "16"), ("dép. 60-2", "dep", "60")])
def test_short_seats_are_read_as_their_kind_and_departement(text, kind, dep):
    assert (parse_mandate(text).kind, parse_mandate(text).code_departement) == (kind, dep)


@pytest.mark.parametrize("text", ["J'en suis pas sûr.", "J'en suis à la moitié de ma lecture."])
def test_jen_suis_followed_by_a_doubt_or_a_place_does_not_sign(text):
    assert _intent(text + "\nPaul ROUX\nMaire de Sury\n") != "signe"


@pytest.mark.parametrize("line, dep", [("Je signe. Nicolas ROUX - maire de Cours, 79", "79"),
                                       ("Nicolas ROUX, maire de Cours, Deux-Sèvres", "79")])
def test_a_departement_said_after_the_commune_and_a_comma_belongs_to_the_mandate(line, dep):
    (_, mandate), = _signers(mail(1, line + "\n"))
    assert parse_mandate(mandate).code_departement == dep


def test_a_party_after_the_commune_and_a_comma_stays_out_of_the_mandate():
    assert _signers(mail(1, "Je signe. Nicolas ROUX, maire de Cours, EELV\n")) == [("Nicolas ROUX", "maire de Cours")]


def test_a_reply_giving_only_the_departement_asked_for_completes_the_signature():
    first = mail(1, "Je signe. Jean ROUX, maire de Saint-Germain-Laval\n", sender="Jean Roux <jroux@free.fr>")
    question = mail(2, "Bonjour,\n\nDans quel département se trouve votre commune ?\n", sender=f"Collectif <{ORG}>",
                    subject="Re: Tribune", reply_to="m1@test", refs="<m1@test>")
    answer = mail(3, "Saint-Germain-Laval, Loire (42).\n\nEnvoyé de mon iPhone\n", sender="Jean Roux <jroux@free.fr>",
                  subject="Re: Tribune", reply_to="m2@test", refs="<m1@test> <m2@test>")
    signed = [r for r in rows(first, question, answer) if r["extraction_statut"] == "signataire"]
    assert [(r["nom_complet"], r["departement"]) for r in signed] == [("Jean ROUX", "42")]


@pytest.mark.parametrize("line", ["Merci pour votre message (42).", "Je suis d'accord avec le point 3 (voir PJ)."])
def test_a_reply_that_is_no_place_completes_nothing(line):
    first = mail(1, "Je signe. Jean ROUX, maire de Saint-Germain-Laval\n", sender="Jean Roux <jroux@free.fr>")
    answer = mail(3, line + "\n", sender="Jean Roux <jroux@free.fr>", subject="Re: Tribune", reply_to="m1@test",
                  refs="<m1@test>")
    signed = [r for r in rows(first, answer) if r["extraction_statut"] == "signataire"]
    assert [r["departement"] for r in signed] == [""]


CALL_QUOTE = "> Appel des élu·es\n>\n> Pour signer, répondez en indiquant vos nom, prénom et mandat.\n>\n> Le collectif\n"


@pytest.mark.parametrize("header", [
    "----- Mail original -----\nDe: \"Collectif\" <call@collectif.example>\nÀ: marie@free.fr\nEnvoyé: Mardi 9 Novembre 2027 07:52:41\n"
    "Objet: Appel\n\n",
    "De : Collectif <call@collectif.example>\nEnvoyé : mardi 9 novembre 2027 07:52\nÀ : marie@free.fr\nObjet : Appel\n\n",
])
def test_an_answer_written_under_a_quoted_call_with_a_header_block_is_the_writers_own(header):
    body = header + CALL_QUOTE + "\nBjr,\n\nTrès bonne initiative. Je signe.\n\nMarie ROUX (née DURAND)\nConseillère municipale de Sury\n"
    assert _signers(mail(1, body, **REPLY)) == [("Marie ROUX née DURAND", "Conseillère municipale de Sury")]


def test_a_header_block_over_a_quote_with_no_text_under_it_still_ends_the_own_words():
    body = "Je signe.\nPaul ROUX, maire de Sury\n\nDe : Collectif <call@collectif.example>\nEnvoyé : mardi 9 novembre\nObjet : Appel\n\n" + CALL_QUOTE
    assert _signers(mail(1, body, **REPLY)) == [("Paul ROUX", "maire de Sury")]


def test_the_usual_slip_je_singe_signs():
    assert _intent("Je singe ! Le point 4 est essentiel.\n\nTeddy ROUX\nMaire de Sury\n") == "signe"


def test_a_title_followed_by_a_postcode_and_town_sits_in_that_town():
    body = "Je signe.\n\nSalutations,\nTeddy ROUX\nMaire, 35220 CHÂTEAUBOURG\n"
    (_, mandate), = _signers(mail(1, body))
    assert (parse_mandate(mandate).place, parse_mandate(mandate).code_departement) == ("chateaubourg", "35")


def test_an_arrondissement_number_without_its_city_names_no_place():
    assert parse_mandate("Conseillère d'arrondissement du 15e arrondissement").place == ""


def test_the_grand_lyon_is_the_metropole_de_lyon():
    assert (parse_mandate("Conseiller métropolitain (Grand Lyon)").kind, parse_mandate("Conseiller métropolitain (Grand Lyon)").place) == ("ma", "lyon")


def test_a_couple_with_one_title_each_and_the_place_said_once_gives_each_their_title():
    body = "Nous signons tous les deux :\nCécilia et Jean-Noël ROUX, conseillère municipale et 1er adjoint au maire de Sury.\n"
    assert _signers(mail(1, body)) == [("Cécilia ROUX", "conseillère municipale de Sury"),
                                       ("Jean-Noël ROUX", "1er adjoint au maire de Sury")]


def test_a_filled_in_form_of_the_call_signs():
    assert _intent("Bonjour,\n\nFormulaire complété ci-dessous.\n\nNom : ROUX\nPrénom : Léa\nMandat : conseillère municipale de Sury\n") == "signe"


@pytest.mark.parametrize("line, name", [("OK. WALTER Hervé, maire de Sury", "WALTER Hervé"),
                                        ("D'accord. Jean-Léon ROUX, maire de Sury", "Jean-Léon ROUX")])
def test_an_assent_word_before_the_name_is_no_part_of_it(line, name):
    assert [n for n, _ in _signers(mail(1, line + "\n"))] == [name]


@pytest.mark.parametrize("sentence", ["En pleine campagne, je prends le temps de signer votre appel.",
                                      "Je viens de signer l'appel.",
                                      "Je relaie cet appel (les organisateurs sont en copie, qu'ils me comptent parmi les signataires !)."])
def test_more_ways_of_saying_one_signs(sentence):
    assert _intent(f"Bonjour,\n\n{sentence}\n\nPaul ROUX\nMaire de Sury\n") == "signe"


def test_an_outgoing_deputy_still_holds_the_seat():
    m = parse_mandate("Députée sortante de la 4e circonscription de Saône-et-Loire")
    assert (m.kind, m.place) == ("dep", "saone et loire")


def test_a_list_item_with_the_canton_between_the_name_and_the_title_reads_the_canton_as_place():
    body = ("Les vice-présidents de la majorité départementale signent l'appel :\n\n"
            "- ROUX Valérie, canton d'Auzances (Présidente du conseil départemental)\n"
            "- DURAND Paul, canton d'Ahun (5e vice-président du conseil départemental)\n")
    assert _signers(mail(1, body)) == [("ROUX Valérie", "Présidente du conseil départemental, canton d'Auzances"),
                                       ("DURAND Paul", "5e vice-président du conseil départemental, canton d'Ahun")]


@pytest.mark.parametrize("line, name", [
    ("Vincent MAIRE, conseiller municipal de Flavigny", "Vincent MAIRE"),
    ("MAIRE Anaïs – conseillère municipale de Villers", "MAIRE Anaïs"),
    ("Julien LE MAIRE, conseiller municipal de Cœuvres", "Julien LE MAIRE"),
    ("Delphine GUILLEMINOT-MAIRE, conseillère municipale de Marandeuil", "Delphine GUILLEMINOT-MAIRE"),
])
def test_maire_is_a_surname_when_the_real_title_follows(line, name):
    assert [n for n, _ in _signers(mail(1, f"Je signe.\n{line}\n"))] == [name]


@pytest.mark.parametrize("line, mandate", [("Jean ROUX, MAIRE de Sury", "MAIRE de Sury"), ("Paul ROUX MAIRE DE SURY", "MAIRE DE SURY")])
def test_maire_in_capitals_after_a_name_is_still_the_title(line, mandate):
    assert [m for _, m in _signers(mail(1, f"Je signe.\n{line}\n"))] == [mandate]


CALL_LINES = ("Appel des élu·es pour des nuits étoilées, signez avant le 3 décembre\n"
              "Pour signer, répondez simplement à ce message en indiquant vos nom, prénom et mandat.\n"
              "Merci de faire suivre l'appel à vos collègues élu·es, le collectif.\n")


def _quoting(n: int, text: str):
    return mail(n, f"Je signe.\nPaul ROUX{n}, maire de Sury\n\n> " + CALL_LINES.replace("\n", "\n> "),
                sender=f"Paul Roux <p{n}@free.fr>", **REPLY)


def test_an_answer_under_an_unmarked_copy_of_the_call_everyone_quotes_is_the_writers_own():
    bottom = mail(9, "-------- Message d'origine --------\nDe : Collectif <call@collectif.example>\nObjet : Appel\n\n"
                  + CALL_LINES + "\nBonjour,\n\nJe souhaite signer l'appel.\n\njean-jacques roux\nMaire de Coutevroult\n",
                  sender="Jean-Jacques Roux <jj@icloud.com>", **REPLY)
    out = rows(_quoting(1, ""), _quoting(2, ""), _quoting(3, ""), bottom)
    assert [(r["nom_complet"], r["mandat"]) for r in out if r["source"] == "009.eml"] == [("jean-jacques roux", "Maire de Coutevroult")]


def test_an_unmarked_copy_of_the_call_with_nothing_under_it_gives_no_signer():
    bare = mail(9, "-------- Message d'origine --------\nDe : Collectif <call@collectif.example>\nObjet : Appel\n\n" + CALL_LINES,
                sender="Jean-Jacques Roux <jj@icloud.com>", **REPLY)
    out = rows(_quoting(1, ""), _quoting(2, ""), _quoting(3, ""), bare)
    assert [r["extraction_statut"] for r in out if r["source"] == "009.eml"] == ["aucun_signataire"]


# ---- from the eighteenth mailbox (a mailbox of traps): withdrawals, hearsay, conditions, relatives


@pytest.mark.parametrize("text", [
    "Je souhaite que mon nom soit retiré de la liste des signataires.",
    "Je préfère me retirer de l'appel, la commune a choisi une autre démarche.",
    "Oubliez ce message, je retire.",
    "Finalement non, après réflexion je ne signe pas.",
    "Je reviens sur mon message : merci de ne pas publier mon nom.",
])
def test_ways_of_taking_a_signature_back_withdraw(text):
    assert _intent(text + "\n\nPaul ROUX\nMaire de Sury\n") == "retrait"


def test_leaving_the_mailing_list_is_no_withdrawal():
    assert _intent("Merci de me retirer de votre liste.\n") != "retrait"


def test_a_withdrawal_from_another_address_takes_back_the_signature_of_the_person_it_names():
    first = mail(1, "Je signe.\nKarine ROUX, conseillère municipale de Sury\n", sender="Karine Roux <kroux@free.fr>")
    later = mail(2, "Bonjour, c'est Karine ROUX (conseillère municipale de Sury), j'écris depuis mon autre adresse : "
                    "merci d'enlever mon nom de l'appel.\n", sender="Karine Roux <karine.roux@mairie-sury.fr>")
    out = rows(first, later)
    assert [r["extraction_statut"] for r in out if r["source"] == "001.eml"] == ["signature_retiree"]


@pytest.mark.parametrize("line", [
    "Je signe, et je transfère à François ROUX, maire de Lozzi, qui sera sûrement partant.",
    "Pour info, mon collègue Dominique ROUX, maire de Gincla, m'a dit qu'il signait.",
    "J'y ai croisé Denis ROUX, maire de Sainte-Marthe (47), qui m'a dit y réfléchir.",
    "Nous en avons parlé avec Asma ROUX, conseillère municipale, je la laisse vous répondre elle-même.",
    "Suite aux échanges avec Lydie ROUX, conseillère départementale, je vous confirme que je signe.",
])
def test_a_colleague_the_writer_only_speaks_of_is_no_signer(line):
    body = f"Bonjour,\n\n{line}\n\nCordialement,\nPaul DURAND\nMaire de Sury\n"
    assert [n for n, _ in _signers(mail(1, body))] in ([], ["Paul DURAND"])


@pytest.mark.parametrize("text, signs", [
    ("D'accord sur tout sauf le 1). Si vous écrivez « un délai raisonnable », je signe.", False),
    ("Jean ROUX, conseiller régional, soutient votre appel : il me l'a dit au téléphone ce matin.", False),
    ("Je signe, même si le point 3 est timide.", True),
    ("Est-il encore temps ? Si oui, je signe.", True),
])
def test_a_condition_or_hearsay_does_not_sign_but_a_concession_does(text, signs):
    assert (_intent(f"Bonjour,\n\n{text}\n\nPaul DURAND\nMaire de Sury\n") == "signe") is signs


def test_a_colleagues_note_to_the_forwarder_saying_they_signed_elsewhere_signs_nobody_else():
    body = ("Transmis par un collègue : je m'associe à l'appel et le signe.\n\nAngélique DURAND\n4e adjointe au maire de Sury\n\n"
            "De : Laure ROUX <laure.roux@cd30.fr>\nEnvoyé : lundi 20 septembre 2027\nÀ : Angélique Durand <a.durand@sury.fr>\n"
            "Objet : TR: Appel\n\nSalut,\n\nTu as vu passer ça ? Je l'ai signé.\n\nLaure ROUX\nConseillère départementale\n")
    out = _signers(mail(1, body, sender="Angélique Durand <a.durand@sury.fr>", subject="TR: TR: Appel"))
    assert [n for n, _ in out] == ["Angélique DURAND"]


def test_the_organisers_passing_on_a_message_the_mailbox_holds_is_a_copy_not_a_signature():
    original = mail(1, "Je signe. Sylvain ROUX, maire de Sury\n", sender="Sylvain <sroux@laposte.net>")
    copy = mail(2, f"\n-------- Message original --------\nSujet: Re: Tribune\nDate: 2027-09-18 14:51\nDe: Sylvain <sroux@laposte.net>\n"
                   f"À: {ORG}\n\nJe signe. Sylvain ROUX, maire de Sury\n", sender=f"Guénolée <guenolee@{ORG.split('@')[1]}>",
                subject="Fwd: Re: Tribune")
    out = rows(original, copy)
    assert [(r["source"], r["extraction_statut"]) for r in out] == [("001.eml", "signataire"), ("002.eml", "aucun_signataire")]


def test_a_relative_passing_on_an_officials_signature_is_flagged_for_confirmation():
    body = "Bonjour,\n\nJe signe pour mon père, Frédéric ROUX, maire de Nouic, qui n'a pas d'adresse mail.\n\nTanguy Roux\n"
    (row,) = rows(mail(1, body, sender="Tanguy Roux <t.roux@gmail.com>"))
    assert row["nom_complet"] == "Frédéric ROUX" and "proche" in row["a_confirmer"]


def test_a_signature_passed_on_by_a_relative_is_never_verified(tmp_path, sample_db):
    from rne_match import api

    from .conftest import unique_official
    nom, prenom, _, commune, _, _ = unique_official(sample_db)
    box = tmp_path / "box"
    box.mkdir()
    (box / "001.eml").write_bytes(
        f"From: Tanguy <t@gmail.com>\nTo: {ORG}\nSubject: Tribune\nMessage-ID: <m1@t>\nContent-Type: text/plain; charset=utf-8\n\n"
        f"Je signe pour mon père, {prenom} {nom}, maire de {commune}, qui n'a pas d'adresse mail.\n".encode())
    frame = api.verify_file(box, sample_db, output=tmp_path / "out.csv").frame
    assert frame["status"].to_list() == ["ambiguous"] and "proche" in frame["reason"][0]


def test_a_colleague_mentioned_with_a_mandate_gives_it_to_their_own_later_signature():
    first = mail(1, "Je signe l'appel. Je mets en copie Eric ROUX, conseiller municipal de Sury, qui devrait signer aussi.\n\n"
                    "Jérôme DURAND\nMaire de Sury\n", sender="Jérôme Durand <jd@gmail.com>")
    second = mail(2, "Je confirme, je signe aussi !\nEric ROUX\n", sender="Eric Roux <eroux@free.fr>", subject="Re: Tribune",
                  reply_to="m1@test", refs="<m1@test>")
    out = {r["nom_complet"]: r["mandat"] for r in rows(first, second) if r["extraction_statut"] == "signataire"}
    assert out == {"Jérôme DURAND": "Maire de Sury", "Eric ROUX": "conseiller municipal de Sury"}


# ---- from the seventeenth mailbox (a political call signed by groups and party members)


@pytest.mark.parametrize("body, names, mandate", [
    ("Pour le groupe Sury en commun : Christelle ROUX, Maryse DURAND, Clotilde MARTIN.\n\nSolidairement,\nChristelle ROUX\n"
     "Conseillère municipale de Sury, présidente du groupe\n",
     ["Christelle ROUX", "Maryse DURAND", "Clotilde MARTIN"], "conseiller municipal de Sury"),
    ("Je signe, ainsi que mes collègues de groupe Céline ROUX et Chantal DURAND.\n\nPascal MARTIN\nConseiller municipal de Sury\n",
     ["Pascal MARTIN", "Céline ROUX", "Chantal DURAND"], "conseiller municipal de Sury"),
    ("Bonjour,\n\nEnsemble! – Guillaume ROUX\nEELV – Jean-François DURAND\nPCF – Rita MARTIN\n\n"
     "Groupe « Vivre à Sury », conseil municipal de Sury.\nNous signons l'appel.\n",
     ["Guillaume ROUX", "Jean-François DURAND", "Rita MARTIN"], "conseiller municipal de Sury"),
])
def test_a_groups_members_named_together_sign_with_the_council_the_message_names(body, names, mandate):
    out = _signers(mail(1, body))
    assert [n for n, _ in out] == names and out[-1][1] == mandate


def test_a_list_of_members_with_their_own_titles_is_left_to_the_line_reader():
    body = ("Les élus de la majorité de Sury signent l'appel :\n\nMarie ROUX – 1re adjointe à la vie associative\n"
            "Paul DURAND – conseiller municipal\n\net moi-même.\n\nBien cordialement,\nOlivier MARTIN\nMaire de Sury\n")
    assert [m for _, m in _signers(mail(1, body))][:2] == ["1re adjointe à la vie associative", "conseiller municipal"]


def test_a_party_set_first_with_a_dash_is_no_part_of_the_name():
    assert _signers(mail(1, "Je signe.\nEELV - LUC ROUX - CONSEILLER MUNICIPAL DE SURY\n")) == [
        ("LUC ROUX", "CONSEILLER MUNICIPAL DE SURY")]


def test_a_seat_in_the_municipal_opposition_is_a_municipal_mandate():
    m = parse_mandate("siège dans l'opposition municipale à Calvisson")
    assert (m.kind, m.place) == ("cm", "calvisson")


def test_a_former_delegated_title_gives_way_to_the_mandate_held_today():
    body = "Ancien adjoint au logement, aujourd'hui conseiller municipal d'opposition à Sury, je signe.\n\nGermain ROUX\n"
    assert [m for _, m in _signers(mail(1, body))] != ["adjoint au logement"]


def test_asking_to_add_ones_named_self_is_a_signature_not_a_question():
    assert _intent("slt, tu peux ajouter Enzo ROUX ? 8e adjoint au maire de Tours, EELV. merci\n",
                   sender="Enzo Roux <enzo@proton.me>") == "signe"


def test_pour_signature_over_the_writers_block_signs():
    assert _intent("Pour signature.\n\nFRÉDÉRIQUE ROUX\nConseillère départementale de l'Isère\n", subject="Fwd: Appel") == "signe"


@pytest.mark.parametrize("display, name, mandate", [
    ("Sébastien ROUX - Conseiller régional d'Occitanie", "Sébastien ROUX", "Conseiller régional d'Occitanie"),
    ("ROUX-MATON Véronique (Conseillère municipale de Larcat)", "ROUX-MATON Véronique", "Conseillère municipale de Larcat"),
    ("Maire Ansost - Bernard Roux", "Bernard Roux", "Maire Ansost"),
])
def test_a_title_in_the_from_display_name_signs_a_bare_je_signe(display, name, mandate):
    assert _signers(mail(1, "Je signe.\n", sender=f"{display} <x@orange.fr>")) == [(name, mandate)]


def test_a_title_in_the_from_display_name_completes_a_signature_by_the_same_person():
    out = _signers(mail(1, "Oui, je signe l'appel.\n\nSébastien ROUX\n", sender="Sébastien ROUX - Conseiller régional d'Occitanie <s@o.fr>"))
    assert out == [("Sébastien ROUX", "Conseiller régional d'Occitanie")]


@pytest.mark.parametrize("postcode, dep", [("42260", "42"), ("97411", "974"), ("20090", "2A"), ("20200", "2B"), ("98714", "987")])
def test_a_postcode_lies_in_its_departement(postcode, dep):
    from rne_match.domain.territories import departement_of_postcode
    assert departement_of_postcode(postcode) == dep


def test_a_corsican_postcode_after_the_commune_gives_its_departement():
    assert parse_mandate("maire d'Ajaccio (20090)").code_departement == "2A"
