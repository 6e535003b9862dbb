"""Fourth round of petition mail reading (issue 11): the département written every way people write it,
smartphone and franglais mail (all lowercase, English lead-ins), a name set apart from its mandate
by a slash.

Invented examples of how French officials and mail clients write, not copies of any corpus."""

from __future__ import annotations

import polars as pl
import pytest

from rne_match.domain.mandates import parse_mandate
from rne_match.inputs.freetext import read_line
from rne_match.inputs.mail.extract import extract_messages

from .test_mail_intent import mail, rows


@pytest.mark.parametrize("line, place, dep", [
    ("Yann Kerlouan, conseiller départemental dépt. 56.", "", "56"),
    ("Yann Kerlouan, conseiller départemental dpt 56", "", "56"),
    ("Yann Kerlouan, maire de Plouray, dpt 56", "plouray", "56"),
    ("Yann Kerlouan, maire de Plouray (dép. 56)", "plouray", "56"),
    ("Yann Kerlouan, maire de Plouray, Dépt 56", "plouray", "56"),
    ("Yann Kerlouan, maire de Plouray - dept 56", "plouray", "56"),
    ("Yann Kerlouan, maire de Plouray, département du Morbihan", "plouray", "56"),
    ("Yann Kerlouan, maire de Plouray (56 - Morbihan)", "plouray", "56"),
])
def test_a_departement_written_as_an_abbreviation_or_after_a_comma_is_kept_with_the_mandate(line, place, dep):
    found = read_line(line)
    assert found is not None and found["nom_complet"] == "Yann Kerlouan"
    parsed = parse_mandate(found["mandat"])
    assert (parsed.place, parsed.code_departement) == (place, dep)


@pytest.mark.parametrize("mandate, place, dep", [
    ("maire de Parigné-le-Pôlin dans la Sarthe", "parigne le polin", "72"),
    ("conseillère municipale de Plouray dans le Morbihan", "plouray", "56"),
    ("adjoint au maire de Plouray en Morbihan", "plouray", "56"),
    ("maire de Saint-Genis-les-Ollières", "saint genis les ollieres", None),  # a hyphen joins the commune
])
def test_a_departement_named_after_dans_or_en_is_the_departement_not_part_of_the_commune(mandate, place, dep):
    parsed = parse_mandate(mandate)
    assert (parsed.place, parsed.code_departement) == (place, dep)


def test_a_name_set_apart_from_its_mandate_by_a_slash_is_read():
    found = read_line("merci d'ajouter : LE GALL Annaïg / conseillère départementale 29 - Finistère")
    assert found is not None and found["nom_complet"] == "LE GALL Annaïg"
    assert parse_mandate(found["mandat"]).code_departement == "29"


def test_a_lowercase_name_alone_after_a_colon_is_read_before_its_mandate():
    found = read_line("bjr, dsl du retard, je signe : lucie marchal (elue au conseil municipal de plouray)")
    assert found is not None and found["nom_complet"] == "lucie marchal"
    assert parse_mandate(found["mandat"]).place == "plouray"


@pytest.mark.parametrize("line, place", [
    ("paul tessier conseiller municipal delegue aux sports (saint-aignan-le-jaillard)", "saint aignan le jaillard"),
    ("Paul Tessier, conseiller municipal (EELV)", ""),
    ("Paul Tessier, conseiller municipal (sans étiquette)", ""),
    ("Paul Tessier, conseiller municipal (groupe d'opposition)", ""),
])
def test_a_bracket_naming_no_party_after_a_mandate_without_place_is_its_commune(line, place):
    found = read_line(line)
    assert found is not None
    assert parse_mandate(found["mandat"]).place == place


def test_an_english_lead_in_before_a_name_alone_names_the_signer():
    body = "Hello,\nsigning here: Gwenola TRÉGUER\nmandate: conseillère régionale de Bretagne\nThanks!"
    found = rows(mail(1, body, sender="gtreguer@example.org"))
    assert [r["nom_complet"] for r in found] == ["Gwenola TRÉGUER"]
    assert parse_mandate(found[0]["mandat"]).kind == "cr"


@pytest.mark.parametrize("line, name", [
    ("J. LE ROUX, maire de Plouray (56)", "J. LE ROUX"),
    ("Pour la pétition : D. VAN DAMME, maire de Plouray (56)", "D. VAN DAMME"),
    ("Je signe. M.-A. KERBRAT, adjointe au maire de Plouray", "M.-A. KERBRAT"),
])
def test_an_initial_with_its_dot_stays_with_the_surname(line, name):
    found = read_line(line)
    assert found is not None and found["nom_complet"] == name


def test_a_lowercase_name_after_the_end_of_a_sentence_is_read_but_not_a_lowercase_phrase():
    found = read_line("je signe bien sur ! maela kerbrat - conseillere municipale de plouray")
    assert found is not None and found["nom_complet"] == "maela kerbrat"
    assert read_line("ok. chers amis, conseillere municipale de Plouray") is None


def test_a_lowercase_place_after_a_lowercase_mandate_is_the_place_but_not_a_delegation():
    found = read_line("paul tessier, adjoint au maire, saint-aignan-le-jaillard")
    assert found is not None and parse_mandate(found["mandat"]).place == "saint aignan le jaillard"
    for line in ("paul tessier, conseiller municipal, delegue aux sports", "paul tessier, 3e adjoint, signe aussi",
                 "paul tessier, 3e adjoint, s'il vous plait"):
        found = read_line(line)
        assert found is not None and parse_mandate(found["mandat"]).place == ""


@pytest.mark.parametrize("closing", ["et moi-même.", "Ainsi que moi.", "(moi-même compris)"])
def test_the_writer_of_a_list_who_adds_himself_signs_with_his_signature_block(closing):
    body = ("Bonjour,\nsignatures pour la commune de Plouray :\n\n- Maela Kerbrat, 1re adjointe aux finances\n"
            f"- Yann Le Roux, conseiller municipal délégué\n\n{closing}\n\nBien à vous,\nGwenaël TANGUY\nMaire de Plouray\n")
    found = rows(mail(1, body, sender="Gwenaël Tanguy <maire@plouray.example>"))
    assert [r["nom_complet"] for r in found] == ["Maela Kerbrat", "Yann Le Roux", "Gwenaël TANGUY"]
    assert parse_mandate(found[-1]["mandat"]).kind == "mai"


def test_a_list_without_me_too_does_not_add_the_writer():
    body = ("Bonjour,\nsignatures pour la commune de Plouray :\n\n- Maela Kerbrat, 1re adjointe aux finances\n"
            "- Yann Le Roux, conseiller municipal délégué\n\nBien à vous,\nGwenaël TANGUY\nMaire de Plouray\n")
    found = rows(mail(1, body, sender="Gwenaël Tanguy <maire@plouray.example>"))
    assert [r["nom_complet"] for r in found] == ["Maela Kerbrat", "Yann Le Roux"]


def test_a_withdrawal_signed_by_one_name_takes_back_only_that_signer_of_a_list():
    listing = mail(1, "Les élus de la majorité de Sury signent :\n- Hélène DURAND, maire de Sury (42)\n"
                      "- Paul ROUX, 1er adjoint\n- Anne MOREL, conseillère municipale\n", sender="Hélène Durand <h.durand@sury.fr>")
    withdrawal = mail(2, "Bonjour, merci de retirer mon nom de la liste des signataires.\nHélène DURAND\n",
                      sender="Hélène Durand <h.durand@sury.fr>")
    rows = extract_messages([listing, withdrawal]).filter(pl.col("signataire_no") > 0)
    kept = rows.filter(pl.col("source") == listing.source)
    assert dict(zip(kept["nom_complet"], kept["extraction_statut"], strict=True)) == {
        "Hélène DURAND": "signature_retiree", "Paul ROUX": "signataire", "Anne MOREL": "signataire"}


def test_a_plural_withdrawal_takes_back_every_signer_of_the_list():
    listing = mail(1, "Les élus de la majorité de Sury signent :\n- Hélène DURAND, maire de Sury (42)\n"
                      "- Paul ROUX, 1er adjoint\n", sender="Hélène Durand <h.durand@sury.fr>")
    withdrawal = mail(2, "Bonjour, nous retirons nos signatures.\nHélène DURAND\n", sender="Hélène Durand <h.durand@sury.fr>")
    rows = extract_messages([listing, withdrawal]).filter(pl.col("source") == listing.source)
    assert set(rows["extraction_statut"]) == {"signature_retiree"}


def test_a_couple_naming_both_titles_gives_two_signers():
    out = rows(mail(1, "Bonjour,\n\nNous signons tous les deux : Claire et Frédéric JARRAUD, conseillère et "
                       "conseiller municipaux de Livilliers (95).\n"))
    assert [r["nom_complet"] for r in out] == ["Claire JARRAUD", "Frédéric JARRAUD"]


@pytest.mark.parametrize("label", ["Signature", "signature", "Signataire"])
def test_a_signature_label_before_a_whole_signer_line_gives_name_and_mandate(label):
    out = rows(mail(1, f"Bonjour,\n\n{label} : D. VAN VYNCKT, maire de Bonneuil-les-Eaux (60).\n\nCordialement\n"))
    assert [(r["intention"], r["nom_complet"], r["mandat"]) for r in out] == [
        ("signe", "D. VAN VYNCKT", "maire de Bonneuil-les-Eaux (60)")]


def test_a_commune_and_its_number_after_a_bare_title_belong_to_the_mandate():
    out = rows(mail(1, "Signature pour la tribune - 2e adjointe, Redortiers (04)\n", sender="<mbremond@protonmail.com>"))
    assert (out[0]["mandat"], out[0]["commune"], out[0]["departement"]) == ("2e adjointe, Redortiers (04)", "Redortiers", "04")


def test_the_mayor_informing_in_the_third_person_is_not_part_of_the_mandate():
    out = rows(mail(1, "Monsieur le Maire vous informe qu'il signe la tribune.\n", sender="<maire@mairie-vaux.fr>"))
    assert out[0]["mandat"] == "Maire"


def test_a_civility_and_a_surname_take_the_first_name_of_the_senders_display_name():
    out = rows(mail(1, "M. LETONDAL, CONSEILLER MUNICIPAL - BOMMIERS (36), LES ÉCOLOGISTES\n\nEnvoyé de mon iPhone\n",
                    sender="Mathieu Letondal <mletondal@hotmail.fr>"))
    assert (out[0]["intention"], out[0]["nom_complet"]) == ("signe", "Mathieu LETONDAL")
    assert "prenom_expediteur" in out[0]["extraction_regles"]


def test_a_surname_that_is_a_street_word_is_still_a_name():
    out = rows(mail(1, "Je signe la tribune.\n\nGaëtan Chemin\nEurope Écologie\nconseiller régional d'Auvergne-Rhône-Alpes\n"))
    assert (out[0]["nom_complet"], out[0]["parti"]) == ("Gaëtan Chemin", "Europe Écologie")


def test_a_group_written_after_the_name_in_a_signature_block_is_not_part_of_it():
    out = rows(mail(1, "Bonjour,\n\nHélène VARENNE-DUCLOS groupe Gauche citoyenne et écologiste\n"
                       "conseillère municipale d'Aujac (30)\n\nJe signe l'appel.\n"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Hélène VARENNE-DUCLOS", "conseillère municipale d'Aujac (30)")


def _thread(writer: str, first: str, organiser: str, reply: str) -> list:
    return [mail(1, first, sender=writer, subject="Appel"),
            mail(2, organiser, sender="Orga <tribune@collectif.example>", to=writer, reply_to="m1@test",
                 refs="<m1@test>", subject="Re: Appel"),
            mail(3, reply, sender=writer, reply_to="m2@test", refs="<m1@test> <m2@test>", subject="Re: Appel")]


def test_a_colleague_added_later_in_the_conversation_signs_in_the_writers_commune():
    out = extract_messages(_thread("Sonia ANGONIN <s.angonin@ville-senon.fr>",
                                   "Bonjour,\n\nJe signe l'appel.\n\nSonia ANGONIN\nMaire de Senon\n",
                                   "Merci pour votre signature, elle est bien enregistrée.\n",
                                   "C'est fait : mon adjoint Jean-François HEINTZMANN (1er adjoint) souhaite aussi signer.\n"))
    signers = out.filter(pl.col("signataire_no") > 0)
    assert signers.select("nom_complet", "mandat", "commune").rows() == [
        ("Sonia ANGONIN", "Maire de Senon", "Senon"), ("Jean-François HEINTZMANN", "1er adjoint", "Senon")]


def test_a_correction_with_the_same_date_replaces_the_place_said_first():
    out = extract_messages(_thread("Annie Claude BARATTE <acb@wanadoo.fr>",
                                   "Je signe l'appel : Annie Claude BARATTE, 2e adjointe au maire de Saint-Porchaire.\n",
                                   "Nous ne vous trouvons pas dans le RNE : pouvez-vous vérifier la commune ?\n",
                                   "Rectificatif : adjointe aux solidarités, Meschers-sur-Gironde.\nAnnie Claude BARATTE\n"))
    row = out.filter(pl.col("signataire_no") > 0).row(0, named=True)
    assert (row["commune"], row["source"]) == ("Meschers-sur-Gironde", "001.eml ; 003.eml")


@pytest.mark.parametrize("sep", ["\t", ";", " | "])
def test_a_table_pasted_in_the_body_gives_one_signer_per_row(sep):
    table = "\n".join(sep.join(cells) for cells in [("Nom", "Prénom", "Mandat", "Commune"),
                                                     ("DUPONT", "Jean", "Maire", "Sury"),
                                                     ("MARTIN", "Marie", "Adjointe au maire", "Sury")])
    out = rows(mail(1, f"Bonjour,\n\nVoici nos signatures :\n\n{table}\n\nCordialement\n"))
    assert [(r["intention"], r["nom_complet"], r["mandat"], r["commune"]) for r in out] == [
        ("signe", "Jean DUPONT", "Maire", "Sury"), ("signe", "Marie MARTIN", "Adjointe au maire", "Sury")]


def test_several_signers_each_with_their_mandate_in_brackets_in_one_sentence():
    out = rows(mail(1, "Bonjour,\n\nJean DUPONT (maire de Sury, 42), Marie MARTIN (maire de Lèves, 28) et "
                       "Paul ROUX (maire de Vaux, 03) signent l'appel.\n"))
    assert [(r["nom_complet"], r["mandat"], r["commune"]) for r in out] == [
        ("Jean DUPONT", "maire de Sury (42)", "Sury"), ("Marie MARTIN", "maire de Lèves (28)", "Lèves"),
        ("Paul ROUX", "maire de Vaux (03)", "Vaux")]


def test_a_second_sentence_naming_a_colleague_adds_a_signer():
    out = rows(mail(1, "Bonjour, je signe : Jean DUPONT, maire de Sury (42). Ma collègue Marie MARTIN, maire de "
                       "Lèves (28), signe aussi.\n"))
    assert [(r["nom_complet"], r["mandat"]) for r in out] == [
        ("Jean DUPONT", "maire de Sury (42)"), ("Marie MARTIN", "maire de Lèves (28)")]


def test_initials_do_not_cut_a_line_into_sentences():
    out = rows(mail(1, "Je signe : J.-P. ROUX, maire de Sury (42). Je suis aussi conseiller départemental de la Loire.\n"))
    assert [(r["nom_complet"], r["mandat"]) for r in out] == [("J.-P. ROUX", "maire de Sury (42)")]


def test_the_mayor_signing_in_the_third_person_is_a_signing_message():
    out = rows(mail(1, "Bonjour,\n\nLe maire de Sury-le-Comtal signe l'appel.\n\nP/O le Maire,\nLe secrétariat\n",
                    sender="Secretariat <secretariat@mairie-sury-le-comtal.fr>"))
    assert (out[0]["intention"], out[0]["mandat"], out[0]["extraction_statut"]) == (
        "signe", "maire de Sury-le-Comtal", "signataire_sans_nom")


def test_a_title_without_place_sent_by_a_town_hall_sits_in_its_commune():
    out = rows(mail(1, "Bonjour,\n\nMonsieur le Maire, Jean DUPONT, signe l'appel.\n", sender="Mairie de Sury <mairie@sury.fr>"))
    assert (out[0]["nom_complet"], out[0]["commune"]) == ("Jean DUPONT", "Sury")
