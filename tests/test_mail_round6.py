"""E-mail intake, round 6: general ways of writing found missing on the seventh held-out mailbox
(tests/mail_holdout7), each written here with invented examples, never copied from it."""

from __future__ import annotations

import pytest

from .test_mail_intent import ORG, mail, rows

CALL = ("Appel pour les haies\n\nPour signer, complétez le formulaire ci-dessous.\n\nNom :\nPrénom :\nMandat :\n"
        "Commune :\n\nMerci de faire suivre.\nLe collectif")


def _signers(*messages) -> list[tuple[str, str]]:
    return [(r["nom_complet"], r["mandat"]) for r in rows(*messages) if r["extraction_statut"] == "signataire"]


def test_a_form_answered_under_its_labels_gives_the_signer():
    body = "Bonjour,\n\nNom :\nDURAND\nPrénom :\nHélène\nMandat :\nMaire\nCommune :\nSury\n\nAmitiés\n"
    out = rows(mail(1, body))
    assert (out[0]["nom"], out[0]["prenom"], out[0]["mandat"], out[0]["commune"]) == ("DURAND", "Hélène", "Maire", "Sury")


def test_a_form_answered_on_one_line_with_slashes_gives_every_field():
    out = rows(mail(1, "Nom : DURAND / Prénom : Hélène / Mandat : 2e adjointe / Commune : Sury\n\nEnvoyé de mon iPhone\n"))
    assert (out[0]["nom"], out[0]["prenom"], out[0]["mandat"], out[0]["commune"]) == ("DURAND", "Hélène", "2e adjointe", "Sury")


@pytest.mark.parametrize("quote", ["> ", ""])
def test_the_organisers_form_filled_inside_their_quoted_call_is_a_signature(quote):
    filled = CALL.replace("Nom :", "Nom : Durand").replace("Prénom :", "Prénom : Hélène").replace("Mandat :", "Mandat : maire")
    quoted = "\n".join(quote + line for line in filled.split("\n"))
    header = "" if quote else f"De : Le collectif <{ORG}>\nEnvoyé : lundi 3 mai 2026 08:00\nObjet : Appel\n\n"
    out = rows(mail(1, f"Voir ci-dessous, bien cordialement.\n\n{header}{quoted}\n", subject="RE: Appel"))
    assert (out[0]["intention"], out[0]["nom"], out[0]["prenom"], out[0]["mandat"]) == ("signe", "Durand", "Hélène", "maire")


def test_the_organisers_empty_form_quoted_under_a_reply_is_no_signature():
    quoted = "\n".join("> " + line for line in CALL.split("\n"))
    out = rows(mail(1, f"Bonjour, qui finance cette campagne ?\n\n{quoted}\n", subject="RE: Appel"))
    assert [(r["intention"], r["nom_complet"], r["nom"]) for r in out] == [("question", "", "")]


@pytest.mark.parametrize("line, names", [
    ("Pour le groupe « Sury demain », les élu·es Marie Dupont, Paul Roux et Anne MARTIN, conseillers municipaux de Sury, "
     "signent l'appel.", ["Marie Dupont", "Paul Roux", "Anne MARTIN"]),
    ("M. DUPONT Paul, Mme ROUX Marie et Mme MARTIN Anne, élus de la liste « Sury demain » au conseil municipal de Sury, "
     "signent l'appel.", ["DUPONT Paul", "ROUX Marie", "MARTIN Anne"]),
])
def test_every_name_of_a_list_sharing_a_plural_title_signs_without_its_civility(line, names):
    assert [n for n, _ in _signers(mail(1, f"Bonjour,\n\n{line}\n\nBonne journée\n"))] == names


@pytest.mark.parametrize("title, french", [
    ("Kuzulierez-kêr Gwened", "conseillère municipale Gwened"),
    ("Zinegotzia, Baionako Udala", "conseiller municipal, mairie de Baiona"),
    ("Regidor de l'Ajuntament de Ceret", "conseiller municipal de Ceret"),
    ("Cunsigliera municipale di Corti", "conseillère municipale di Corti"),
    ("Conselhièr municipal de Lodèva", "conseiller municipal de Lodèva"),
    ("Bürgermeister vu Sélestat", "maire de Sélestat"),
    ("Alkatea", "maire"),
])
def test_a_title_in_a_regional_language_is_read_in_french(title, french):
    from rne_match.domain.mandates import translate_regional_titles

    assert translate_regional_titles(title) == french


def test_a_title_followed_by_its_french_translation_is_read_in_french():
    out = rows(mail(1, "Demat,\nJe signe l'appel.\nA galon,\nMaïwenn LE GALL\nKuzulierez-kêr Gwened (conseillère "
                       "municipale de Vannes)\n"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Maïwenn LE GALL", "conseillère municipale de Vannes")


@pytest.mark.parametrize("body", [
    "d'accord 👌 Marie Durand conseillère départementale 42 bonne soirée",
    "Partante ! Marie Durand, conseillère municipale de Sury (42)",
    "top 👏 vous pouvez mettre mon nom : Marie Durand, conseillère municipale de Sury",
    "c fait 👍 marie durand cons municipale de sury 42",
])
def test_a_yes_to_the_call_in_chat_words_signs(body):
    assert rows(mail(1, body))[0]["intention"] == "signe"


def test_asking_not_to_be_listed_is_no_signature():
    out = rows(mail(1, "Bonjour,\n\nJe partage vos constats mais merci de ne pas inscrire mon nom.\n\nMarie Durand\n"
                       "Conseillère départementale de la Loire\n", subject="Re: Appel"))
    assert out[0]["intention"] != "signe" and out[0]["extraction_statut"] == "aucun_signataire"


@pytest.mark.parametrize("line, mandate", [("Jean Roux, 2e adj de Sury (42)", "2e adj de Sury (42)"),
                                          ("Jean Roux, adj 2e à Sury 42", "adj 2e à Sury 42")])
def test_adj_without_its_dot_is_a_mandate(line, mandate):
    out = rows(mail(1, f"Je signe.\n{line}\n"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Jean Roux", mandate)


def test_the_names_under_a_signatories_heading_sign_a_role_in_the_group_being_no_mandate():
    body = ("Le groupe « Sury autrement » (conseil municipal de Sury (42)) s'associe à votre appel. Signataires :\n"
            "— Marie DURAND, présidente du groupe\n— Paul ROUX\n— Anne-Lise MARTIN-VIDAL\n\nRespectueusement\n")
    out = [(r["nom_complet"], r["mandat"], r["commune"]) for r in rows(mail(1, body))]
    assert out == [(n, "conseiller municipal", "Sury") for n in ("Marie DURAND", "Paul ROUX", "Anne-Lise MARTIN-VIDAL")]


def test_a_line_of_names_alone_signs_when_the_message_signs_in_the_plural():
    body = ("Nous signons l'appel.\n\nLes élu·es du groupe « Sury en commun »\nMarie Durand · Paul Roux · Anne Martin\n"
            "Conseil municipal de Sury\n")
    assert [n for n, _ in _signers(mail(1, body))] == ["Marie Durand", "Paul Roux", "Anne Martin"]


def test_a_line_of_names_alone_is_no_list_of_signers_when_nobody_says_they_sign():
    body = "Pouvez-vous me dire si ces collègues ont signé ?\nMarie Durand · Paul Roux · Anne Martin\n"
    assert _signers(mail(1, body)) == []


def test_inclusive_spellings_of_a_mandate_are_read():
    out = rows(mail(1, "Je signe.\nMarie Durand, conseiller·ère municipal·e de Sury (42)\n"))
    assert out[0]["mandat"] == "conseiller municipal de Sury (42)"


def test_merci_de_m_ajouter_signs():
    out = rows(mail(1, "Bonjour,\nMerci de m'ajouter : Marie DURAND – adjointe au maire – Sury (42)\n"))
    assert (out[0]["intention"], out[0]["nom_complet"]) == ("signe", "Marie DURAND")


def test_a_labelled_signature_line_over_the_title_signs():
    out = rows(mail(1, "Bonjour,\nSignature : Marie Durand\nMaire déléguée de Vaux et conseillère municipale de Sury\n"
                       "Bien cordialement\n"))
    assert (out[0]["intention"], out[0]["nom_complet"], out[0]["mandat"]) == (
        "signe", "Marie Durand", "Maire déléguée de Vaux et conseillère municipale de Sury")


def test_a_postscript_under_the_disclaimer_is_still_the_writers_words():
    body = ("Bonjour,\nComptez sur moi.\nAmitiés\n-- \nCe message et ses pièces jointes sont confidentiels et destinés "
            "exclusivement à leurs destinataires.\nPS Marie DURAND 4e adjointe au maire de Sury (42)\n")
    out = rows(mail(1, body))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Marie DURAND", "4e adjointe au maire de Sury (42)")


def test_a_chat_line_going_on_after_the_mandate_does_not_lengthen_it():
    from rne_match.inputs.freetext import mandate_span

    assert mandate_span("conseillère départementale 77 bonne soirée 🌙") == (0, "conseillère départementale 77")


def test_a_form_answer_after_the_forms_dotted_leader_and_a_compound_label_are_read():
    body = ("Nom : ....................Durand\nPrénom : ....................Hélène\nMandat : ..........Maire\n"
            "Commune / collectivité (et département) : ..........Sury (42)\n")
    out = rows(mail(1, body))
    assert (out[0]["nom"], out[0]["prenom"], out[0]["mandat"], out[0]["commune"]) == ("Durand", "Hélène", "Maire", "Sury (42)")


def test_a_title_without_place_takes_the_town_of_the_postal_address_under_it():
    out = rows(mail(1, "Bonjour,\nSignature : Marie Durand, maire\nMairie\n12 place de la Mairie\n42450 Sury-le-Comtal\n"))
    assert (out[0]["commune"], out[0]["departement"]) == ("Sury-le-Comtal", "42")


def test_a_colleague_who_will_write_herself_is_no_signer_here():
    body = ("Ma collègue Marie Durand, 4e adjointe au maire de Sury (42), vous écrira elle-même.\n"
            "Cdlt\nPaul Roux – conseiller municipal de Sury\n")
    assert [n for n, _ in _signers(mail(1, body, subject="Signature de l'appel"))] == ["Paul Roux"]


@pytest.mark.parametrize("line, name", [("Je signe : Pr Sabine Durand, maire de Sury (42).", "Sabine Durand"),
                                        ("Je signe : Céline MAITRE, conseillère municipale de Sury.", "Céline MAITRE"),
                                        ("Je signe : MAITRE Céline, conseillère municipale de Sury.", "MAITRE Céline")])
def test_a_title_before_a_name_is_set_apart_but_a_surname_like_a_title_stays(line, name):
    assert rows(mail(1, line))[0]["nom_complet"] == name


@pytest.mark.parametrize("line, expected", [
    ("Nous, Marie DURAND, Paul ROUX et Anne MARTIN, maires respectivement de Sury, de Vaux et d'Ussel (42), signons "
     "l'appel.", [("Marie DURAND", "maire de Sury (42)"), ("Paul ROUX", "maire de Vaux (42)"), ("Anne MARTIN", "maire d'Ussel (42)")]),
    ("Conseillers municipaux de Sury : Marie Durand, Paul Roux et Anne Martin. Nous signons tous les trois.",
     [(n, "Conseillers municipaux de Sury") for n in ("Marie Durand", "Paul Roux", "Anne Martin")]),
    ("Les maires du RPI signent l'appel : Marie Durand (Sury), Paul Roux (Vaux) et Anne Martin (Ussel).",
     [("Marie Durand", "maire de Sury"), ("Paul Roux", "maire de Vaux"), ("Anne Martin", "maire de Ussel")]),
    ("Marie Durand et Paul Roux, binôme du canton de Sury, conseillers départementaux de la Loire, signons l'appel.",
     [(n, "conseillers départementaux de la Loire") for n in ("Marie Durand", "Paul Roux")]),
])
def test_a_mandate_said_once_for_several_names_is_given_to_each(line, expected):
    assert _signers(mail(1, f"Bonjour,\n{line}\n")) == expected


@pytest.mark.parametrize("body", [
    "Comptez-moi parmi les signataires de l'appel.\n\nBien à vous,\nMarie DURAND\nConseillère municipale de Sury (42)\n",
    "Tout mon soutien à cette démarche.\n\nMarie DURAND\nConseillère municipale de Sury (42)\n",
    "Belle liste ! Je la rejoins.\n\nMarie DURAND\nConseillère municipale de Sury (42)\n",
    "👍 pour moi\nMarie Durand (conseill. mun. Sury)\n",
    "Nous refaisons la cour de l'école.\nCordialement\nMarie Durand\nNB : j'oubliais le mandat : 2e adjointe au maire de Sury.\n",
])
def test_other_ways_of_saying_one_signs(body):
    out = rows(mail(1, body))
    assert out[0]["intention"] == "signe" and out[0]["nom_complet"] and out[0]["mandat"]


def test_a_question_with_a_postscript_that_signs_signs():
    body = ("Question de calendrier : la publication aura-t-elle lieu avant la rentrée ?\nSalutations,\n"
            "P.S. : Je signe évidemment : DURAND Marie – maire de Sury\n")
    out = rows(mail(1, body, subject="Re: Appel"))
    assert (out[0]["intention"], out[0]["nom_complet"]) == ("signe", "DURAND Marie")


def test_a_reply_holding_only_a_signature_block_under_its_delimiter_signs():
    body = ("-- \nDURAND MARIE\nConseillère municipale de Sury (Loire)\nMairie – 4 Grande Rue\n42450 SURY\n"
            "Tél. 04 77 00 00 00\n")
    out = rows(mail(1, body, subject="Re: Appel"))
    assert (out[0]["intention"], out[0]["nom_complet"]) == ("signe", "DURAND MARIE")


def test_a_thank_you_for_the_organisers_support_is_no_signature():
    out = rows(mail(1, "Merci pour votre soutien et bon courage.\nMarie DURAND\nConseillère municipale de Sury (42)\n",
                    subject="Re: Appel"))
    assert out[0]["intention"] != "signe"


def test_a_question_saying_others_have_signed_is_no_signature():
    body = ("Journaliste, je prépare un article. J'ai vu que Marie Durand (maire de Sury (42)) et Paul Roux (maire de "
            "Vaux) l'ont signé : combien de signatures avez-vous ?\nBien cordialement,\nAnne Presse\n")
    out = rows(mail(1, body))
    assert [(r["intention"], r["nom_complet"]) for r in out] == [("question", "")]


def test_idem_or_see_below_in_a_form_is_no_value():
    out = rows(mail(1, "Nom : Marie DURAND\nPrénom : idem\nMandat : voir ci-dessous\n\nMarie DURAND\nMaire de Sury\n"))
    assert out[0]["prenom"] == "" and out[0]["mandat"] != "voir ci-dessous"


def test_a_profession_between_the_name_and_the_mandate_is_no_second_signer():
    out = _signers(mail(1, "Je signe : Paul Roux, médecin généraliste, conseiller municipal de Sury (42)."))
    assert [n for n, _ in out] == ["Paul Roux"]


def test_the_president_of_an_association_holds_no_mandate():
    from rne_match.inputs.freetext import mandate_span

    assert mandate_span("Damien Roux, président de l'association des parents d'élèves") is None
    assert mandate_span("président de la communauté de communes du Val")[1].startswith("président")


SIGNATURE = "\n\nMarie DURAND\nMaire de Sury\n"


@pytest.mark.parametrize("words", [
    "Je préfère ne pas y mettre mon nom.", "Je refuse de mettre mon nom.", "Vous n'aurez pas mon soutien.",
    "Vous avez tout mon soutien moral, mais je ne signerai pas.", "Bon combat à vous, mais ce sera sans moi.",
    "Je vous rejoins sur le constat. Je ne signe pas.", "merci de m'inscrire à la visio de jeudi",
    "Mettez-moi en copie svp", "Oui, j'ai bien lu votre appel mais je ne le signerai pas.",
    "Bien sûr que non, je ne signe pas ce texte.", "D'accord, j'en parle à mon conseil demain.",
])
def test_a_refusal_or_an_unrelated_request_is_no_signature_whatever_words_it_uses(words):
    out = rows(mail(1, words + SIGNATURE))
    assert out[0]["intention"] != "signe" and out[0]["extraction_statut"] == "aucun_signataire"


def test_the_writer_who_passes_on_signatures_but_declines_for_herself_gives_the_others():
    body = ("Je vous transmets les signatures des maires suivants :\n- Sury : Paul ROUX\n- Vaux : Anne MARTIN\n\n"
            "Pour ma part, je ne signe pas.\nMarie DURAND\nConseillère départementale de la Loire\n")
    assert [n for n, _ in _signers(mail(1, body))] == ["Paul ROUX", "Anne MARTIN"]


def test_a_colleagues_form_quoted_under_a_refusal_is_not_the_writers_signature():
    body = ("Finalement je ne signe pas, désolé.\n\nLe 3 mai 2026, Paul Roux <paul.roux@sury.example> a écrit :\n"
            "> Nom : Roux\n> Prénom : Paul\n> Mandat : maire de Sury\n")
    assert _signers(mail(1, body, subject="Re: Appel")) == []


def test_a_colleagues_form_quoted_under_a_yes_is_not_the_writers_name():
    body = ("Moi aussi je signe !\n\nLe 3 mai 2026, Paul Roux <paul.roux@sury.example> a écrit :\n"
            "> Nom : Roux\n> Prénom : Paul\n> Mandat : maire de Sury\n")
    assert "Roux" not in " ".join(n for n, _ in _signers(mail(1, body, subject="Re: Appel")))


@pytest.mark.parametrize("body", [
    "Nous signons l'appel, avec nos remerciements à\nPaul Roux · Anne Martin\npour l'invitation.\n",
    "Mes collègues Paul Roux et Anne Martin, maires de Sury et de Vaux, ne signent pas ; moi si.\n",
])
def test_people_merely_named_by_a_group_message_are_no_signers(body):
    assert not {"Paul Roux", "Anne Martin"} & {n for n, _ in _signers(mail(1, body))}


def test_a_list_of_people_not_yet_signatories_is_no_list_of_signers():
    out = _signers(mail(1, "Oui, je relaie. Contacts potentiels, à relancer, pas encore signataires :\nPaul Roux\n"
                           "Anne Martin\n"))
    assert len(out) <= 1 and "Paul Roux" not in [n for n, _ in out]  # the last line may still be read as the writer's name
