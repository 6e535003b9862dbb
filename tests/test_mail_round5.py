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


def test_a_typographic_apostrophe_under_a_latin_1_label_is_read_as_windows_1252():
    from rne_match.inputs.mail.mailbox import _from_bytes

    raw = (b"From: a@b.fr\nTo: tribune@collectif.example\nSubject: x\nMessage-ID: <m1@test>\n"
           b"Content-Type: text/plain; charset=iso-8859-1\n\nIls m\x92ont demand\xe9 de signer.\n")
    assert _from_bytes(raw, "m.eml").body.strip() == "Ils m’ont demandé de signer."


def test_utf_8_under_an_ascii_label_stays_utf_8():
    from rne_match.inputs.mail.mailbox import _from_bytes

    raw = ("From: a@b.fr\nTo: t@c.example\nSubject: x\nMessage-ID: <m1@test>\n"
           "Content-Type: text/plain; charset=us-ascii\n\nJe signe, Hélène\n").encode()
    assert _from_bytes(raw, "m.eml").body.strip() == "Je signe, Hélène"


@pytest.mark.parametrize("body", [
    "Les maires suivants signent l'appel :\n\n- Créot : Thierry BABOUILLARD\n- Cussy-en-Morvan : Norbert ESTIENNE\n",
    "Je vous transmets les signatures de maires qui m'ont sollicitée :\n\nThierry Babouillard pour Créot\n"
    "Norbert Estienne pour Cussy-en-Morvan\n\n(tous maires de leur commune).\n",
    "Voici les maires qui souhaitent signer :\n\nCréot : BABOUILLARD Thierry, maire\nCussy-en-Morvan : ESTIENNE Norbert, maire\n",
    "Hier soir, les maires de Créot (Thierry Babouillard) et de Cussy-en-Morvan (Norbert Estienne) m'ont demandé "
    "de vous transmettre leur signature.\n",
])
def test_a_roster_of_mayors_of_several_communes_gives_each_their_commune(body):
    out = rows(mail(1, f"Bonjour,\n\n{body}\nCordialement\nAnne DURAND\n"))
    assert [(sorted(r["nom_complet"].upper().split()), r["mandat"]) for r in out] == [
        (["BABOUILLARD", "THIERRY"], "maire de Créot"), (["ESTIENNE", "NORBERT"], "maire de Cussy-en-Morvan")]


@pytest.mark.parametrize("aside, signs", [("J'y joins la mienne.", True), ("Je signe l'appel.", True),
                                          ("Pour ma part, je ne signe pas.", False)])
def test_the_relayer_of_a_roster_signs_only_when_they_say_so(aside, signs):
    out = rows(mail(1, "Bonjour,\n\nLes maires de Créot (Thierry Babouillard) et de Cussy-en-Morvan (Norbert Estienne) "
                       f"m'ont demandé de vous transmettre leur signature. {aside}\n\nMichel JOZON\n"
                       "Conseiller départemental de Seine-et-Marne\n"))
    assert ("Michel JOZON" in [r["nom_complet"] for r in out]) is signs


def test_several_forwarded_messages_in_one_mail_give_each_author():
    body = ("Bonjour,\n\nJe vous transfère ci-dessous 3 signatures reçues sur la boîte du groupe.\n\nMurielle\n\n"
            "---------- Message transféré ---------\nDe : Sylvie Basset <sb@gmail.com>\nDate: jeu. 8 oct. 2026 à 10:28\n"
            "Subject: Appel\nTo: <contact@collectif.example>\n\nBonjour,\n\nJe signe l'appel.\n\nSylvie BASSET\n"
            "Conseillère municipale de Marans\n\n\n"
            "De : Ghislain Bourdon <gb@orange.fr>\nEnvoyé : jeudi 8 octobre 2026 13:22\nÀ : contact@collectif.example\n"
            "Objet : Appel\n\nJe signe : Ghislain Bourdon, conseiller municipal de Ballon.\n\n\n"
            "Début du message réexpédié :\n\nDe: Laetitia Stal <ls@orange.fr>\nObjet: Appel\nDate: 8 octobre 2026\n"
            "À: contact@collectif.example\n\nBonjour,\nje signe.\nLaetitia Stal, conseillère départementale du Val-d'Oise\n")
    out = rows(mail(1, body, subject="Fwd: Appel (signatures)"))
    assert [r["nom_complet"] for r in out] == ["Sylvie BASSET", "Ghislain Bourdon", "Laetitia Stal"]


def test_a_pasted_table_with_quoted_cells_and_an_unknown_column():
    body = ('Ci-dessous, au format CSV :\n\n"Nom","Prénom","Mandat","Remarque"\n'
            '"ROUX","Paul","Conseiller régional des Pays de la Loire","groupe"\n'
            '"MOREL","Anne","Conseillère régionale des Pays de la Loire",""\n')
    out = rows(mail(1, body))
    assert [(r["nom_complet"], r["mandat"]) for r in out] == [
        ("Paul ROUX", "Conseiller régional des Pays de la Loire"), ("Anne MOREL", "Conseillère régionale des Pays de la Loire")]


@pytest.mark.parametrize("first, reply, name", [
    ("Je signe.\n\nChristohpe MEZARD\nMaire de Gignac (84)\n",
     "Coquille : mon prénom s'écrit Christophe, et non Christohpe. Merci de corriger !\n", "Christophe MEZARD"),
    ("Je signe : Catherine MARCHADEIR, conseillère municipale de Mons (17).\n",
     "Pardon, faute de frappe ! C'est MARCHADIER : M - A - R - C - H - A - D - I - E - R.\n", "Catherine MARCHADIER"),
    ("Je signe : Chris MÉTREAU, conseiller municipal de Montguyon.\n",
     "Bonjour, c'est Christophe (Chris pour tout le monde).\n", "Christophe MÉTREAU"),
    ("Je signe ! Véro Pasquereau, conseillère municipale de Meilhards\n",
     "Précision : à l'état civil je suis Véronique PASQUEREAU, Véro n'est que mon prénom d'usage.\n", "Véronique PASQUEREAU"),
    ("Je signe : Claire Dutaret, maire d'Uhart-Cize.\n",
     "Oui, mon nom complet est DUTARET-BORDAGARAY ; j'utilise souvent le premier seulement.\n", "Claire DUTARET-BORDAGARAY"),
])
def test_a_reply_correcting_the_name_replaces_the_name_first_written(first, reply, name):
    writer = "Élue <elue@wanadoo.fr>"
    out = rows(mail(1, first, sender=writer, subject="Appel"),
               mail(2, "Pouvez-vous vérifier l'orthographe ?\n", sender="Orga <tribune@collectif.example>",
                    to="elue@wanadoo.fr", reply_to="m1@test", refs="<m1@test>", subject="Re: Appel"),
               mail(3, reply, sender=writer, reply_to="m2@test", refs="<m1@test> <m2@test>", subject="Re: Appel"))
    assert [r["nom_complet"] for r in out if r["nom_complet"]] == [name]


def test_an_ok_in_a_reply_is_not_a_name_correction():
    from rne_match.inputs.mail.conversations import name_correction

    assert name_correction("C'est noté, merci.") == "" and name_correction("Bonjour, c'est OK pour moi.") == ""


def test_a_lone_first_name_completed_by_the_address_gives_the_whole_name():
    out = rows(mail(1, "Je signe !\nValentin, conseiller municipal de Lacropte\n", sender="<ortoli-matteacci.valentin@gmail.com>"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Valentin ORTOLI-MATTEACCI", "conseiller municipal de Lacropte")


def test_an_outlook_display_name_surname_comma_first_name_is_the_signer():
    out = rows(mail(1, "Bonjour,\n\nConseillère départementale du Tarn, je m'associe à l'appel.\n\nBien à vous\n",
                    sender='"Redo, Aline" <aredo@outlook.fr>'))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Redo Aline", "Conseillère départementale du Tarn")


def test_a_raw_utf_8_display_name_is_decoded():
    from rne_match.inputs.mail.mailbox import _from_bytes

    raw = "From: Geneviève Arnouts <ga@x.fr>\nTo: t@c.example\nSubject: x\nMessage-ID: <m1@test>\n\nJe signe.\n".encode()
    assert _from_bytes(raw, "m.eml").sender_name == "Geneviève Arnouts"


@pytest.mark.parametrize("mark", ["", "--> "])
def test_answers_written_between_the_quoted_questions_give_the_signer(mark):
    body = ("Bonjour, réponses dans le texte.\n\nLe 20/10/2026 à 17:38, Orga a écrit :\n"
            "> Pour vérifier votre signature, pourriez-vous nous préciser :\n>\n> 1. vos nom et prénom ;\n\n"
            f"{mark}MATRAY Jean-Luc\n\n> 2. votre mandat ;\n\n{mark}maire\n\n"
            f"> 3. votre commune (ou département, région, collectivité).\n\n{mark}Belmont-de-la-Loire (42)\n\n> --\n> Orga\n")
    out = rows(mail(1, body, subject="Re: signature"))
    assert [(r["intention"], r["nom_complet"], r["mandat"]) for r in out] == [
        ("signe", "MATRAY Jean-Luc", "maire, Belmont-de-la-Loire (42)")]


def test_the_fuller_name_given_later_in_a_conversation_is_kept():
    writer = "Alain L. <al@outlook.fr>"
    out = rows(mail(1, "Je signe.\nAlain\n", sender=writer, subject="Appel"),
               mail(2, "Pouvez-vous préciser vos nom, mandat et commune ?\n", sender="Orga <tribune@collectif.example>",
                    to="al@outlook.fr", reply_to="m1@test", refs="<m1@test>", subject="Re: Appel"),
               mail(3, "> Pour vérifier votre signature, pourriez-vous préciser :\n> 1. vos nom et prénom ;\n--> Alain Lajugie\n> 2. votre mandat ;\n--> 6e adjoint au maire\n"
                       "> 3. votre commune.\n--> Angerville (91)\n", sender=writer, reply_to="m2@test",
                    refs="<m1@test> <m2@test>", subject="Re: Appel"))
    assert [(r["nom_complet"], r["mandat"]) for r in out if r["nom_complet"]] == [
        ("Alain Lajugie", "6e adjoint au maire, Angerville (91)")]


def test_a_name_in_the_subject_and_a_mandate_in_the_body_make_a_signer():
    out = rows(mail(1, "2e adjoint au maire, Brignon\n\nEnvoyé de mon iPhone\n", sender="<jpl5@neuf.fr>",
                    subject="Jean-Pierre Leone signe"))
    assert (out[0]["intention"], out[0]["nom_complet"], out[0]["mandat"]) == ("signe", "Jean-Pierre Leone", "2e adjoint au maire, Brignon")


def test_a_display_name_with_the_commune_after_a_bar_gives_the_place_of_a_bare_title():
    out = rows(mail(1, "Bonjour,\n\nJe signe votre appel, en tant que maire de la commune.\n",
                    sender="Vincent FAGUET | Senozan <v.faguet@bbox.fr>"))
    assert (out[0]["nom_complet"], out[0]["commune"]) == ("Vincent FAGUET", "Senozan")


def test_the_html_part_is_read_when_the_text_part_lost_the_signature_card():
    from rne_match.inputs.mail.mailbox import _from_bytes

    raw = ("From: <nb@cd64.fr>\nTo: t@c.example\nSubject: Je signe\nMessage-ID: <m1@test>\nMIME-Version: 1.0\n"
           'Content-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
           "Votre client de messagerie ne permet pas d'afficher ce message.\n--b\nContent-Type: text/html; charset=utf-8\n\n"
           "<p>Je signe l'appel.</p><table><tr><td><strong>Nadine<br>BARTHE</strong><br>"
           "<span>Conseillère départementale des Pyrénées-Atlantiques</span></td></tr></table>\n--b--\n").encode()
    out = rows(_from_bytes(raw, "m.eml"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Nadine BARTHE", "Conseillère départementale des Pyrénées-Atlantiques")


@pytest.mark.parametrize("words", ["Je le signe.", "Je l'ai signé."])
def test_je_le_signe_is_signing(words):
    out = rows(mail(1, f"Madame, Monsieur,\n\nMaire de Prémesques, je ne peux que soutenir cet appel. {words}\n\nYvan Hutchinson\n"))
    assert (out[0]["intention"], out[0]["nom_complet"]) == ("signe", "Yvan Hutchinson")


def _staff_thread(first: str, reply: str) -> list[dict]:
    staff = "Delphine AUBRESPY <d.aubrespy@ville-poizat.fr>"
    return rows(mail(1, first, sender=staff, subject="Appel"),
                mail(2, "Pouvez-vous nous indiquer son nom ?\n", sender="Orga <tribune@collectif.example>",
                     to="d.aubrespy@ville-poizat.fr", reply_to="m1@test", refs="<m1@test>", subject="Re: Appel"),
                mail(3, reply, sender=staff, reply_to="m2@test", refs="<m1@test> <m2@test>", subject="Re: Appel"))


@pytest.mark.parametrize("reply", ["Il s'agit de Odile GOIFFON, maire déléguée.\n\nDelphine AUBRESPY\n",
                                   "Bonjour,\n\nMme la Maire déléguée s'appelle Odile Goiffon.\n\nCordialement,\nDelphine AUBRESPY\n"])
def test_staff_writing_for_an_official_are_never_the_signer_and_name_them_later(reply):
    out = _staff_thread("Madame, Monsieur,\n\nLa maire déléguée de notre commune souhaite signer l'appel.\n\n"
                        "Pour le maire et par délégation,\nDelphine AUBRESPY\nSecrétaire générale de mairie\n", reply)
    assert [r["nom_complet"].upper() for r in out if r["nom_complet"]] == ["ODILE GOIFFON"]


def test_staff_writing_for_an_unnamed_official_give_a_nameless_signature():
    out = rows(mail(1, "Madame, Monsieur,\n\nNotre première adjointe souhaite signer l'appel.\n\nPour le maire et par "
                       "délégation,\nArnaud CHASSAGNOUX\nDirecteur général des services\n",
                    sender="Arnaud CHASSAGNOUX <a.chassagnoux@ville-servas.fr>"))
    assert (out[0]["nom_complet"], out[0]["extraction_statut"]) == ("", "signataire_sans_nom")


def test_a_mandate_stating_the_place_wins_over_a_bare_title_given_later():
    out = _staff_thread("Madame, Monsieur,\n\nMme la Maire de Cutry (54) souhaite signer l'appel.\n\n"
                        "Pour le maire et par délégation,\nKévin MARQUESTAUT\nSecrétaire général de mairie\n",
                        "Bonjour,\n\nMme la Maire s'appelle Anne-Laure Sorin.\n\nCordialement,\nKévin MARQUESTAUT\n")
    assert [(r["nom_complet"], r["commune"]) for r in out if r["nom_complet"]] == [("Anne-Laure Sorin", "Cutry")]


@pytest.mark.parametrize("line, name, mandate", [
    ("ALIBERT, Rolande -- maire de Bardouville", "ALIBERT Rolande", "maire de Bardouville"),
    ("René BOUSTANY, cons. d'arr. Paris 16", "René BOUSTANY", "cons. d'arr. Paris 16"),
])
def test_signer_lines_in_other_spellings(line, name, mandate):
    from rne_match.inputs.freetext import read_line

    assert read_line(line) == {"nom_complet": name, "mandat": mandate}


def test_an_arrondissement_number_is_not_a_departement():
    from rne_match.domain.mandates import parse_mandate

    assert parse_mandate("cons. d'arr. Paris 16").code_departement is None
    assert parse_mandate("conseiller municipal - Villeurbanne 69").code_departement == "69"


def test_a_mandate_only_in_the_subject_completes_a_name_in_the_body():
    out = rows(mail(1, "Bien à vous,\nSéverine CALINON\n", sender="<calinon.severine@gmail.com>",
                    subject="Je signe / 6e vice-présidente du conseil départemental du Jura"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Séverine CALINON", "6e vice-présidente du conseil départemental du Jura")


def test_a_first_name_before_a_bracketed_mandate_takes_the_addresss_surname():
    out = rows(mail(1, "Ok je signe\nJacques (maire de Pennautier)\n\nEnvoyé de mon iPhone\n", sender="Jacques <jacques.dimon@icloud.com>"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Jacques DIMON", "maire de Pennautier")


@pytest.mark.parametrize("body", ["Bonjour,\n\nVoir PJ.\n\nCordialement,\n\nSylvie MICEL\nMaire de Rognac\n",
                                  "Bonjour,\n\nVeuillez trouver ci-joint l'appel signé.\n\nConseiller municipal de Roucy,\nDidier Hopin\n"])
def test_a_signature_sent_as_an_attachment_is_a_signing_message(body):
    from rne_match.inputs.mail.mailbox import _from_bytes

    raw = ("From: <x@gmail.com>\nTo: t@c.example\nSubject: Appel\nMessage-ID: <m1@test>\nMIME-Version: 1.0\n"
           'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
           f"{body}\n--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"signature.pdf\"\n"
           "Content-Transfer-Encoding: base64\n\nJVBERi0=\n--b--\n").encode()
    out = rows(_from_bytes(raw, "m.eml"))
    assert out[0]["intention"] == "signe" and out[0]["nom_complet"] and out[0]["mandat"]


def test_a_title_in_capitals_over_its_commune_then_the_name():
    out = rows(mail(1, "Bonjour,\n\nSignature :\n\n4E ADJOINTE AU MAIRE\nCOMMUNE DE TRIGNY (51)\nCherrière Alexia\n\nTrès cordialement\n"))
    assert (out[0]["intention"], out[0]["nom_complet"], out[0]["commune"]) == ("signe", "Cherrière Alexia", "TRIGNY")


@pytest.mark.parametrize("words", ["nous vous prions de bien vouloir nous compter parmi les signataires",
                                   "je vous prie de m'inscrire parmi les signataires"])
def test_asking_to_be_counted_among_the_signers_is_signing(words):
    out = rows(mail(1, f"Madame, Monsieur,\n\nNous souscrivons à votre appel et {words}.\n\nMaire de Lons-le-Saunier,\nCyrille Brero\n"))
    assert (out[0]["intention"], out[0]["nom_complet"]) == ("signe", "Cyrille Brero")


def test_an_intercommunality_written_ca_is_not_an_arrondissement_councillor():
    out = rows(mail(1, "CA du Caudrésis et du Catésis — Alban Caffiaux, maire de Bertry. Je signe.\n"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Alban Caffiaux", "maire de Bertry")


@pytest.mark.parametrize("line, expected", [
    ("Nom :\tHOUTEKIER\tPrénom :\tLéontine\nMandat :\tconseillère municipale de la Selve (12)",
     ("", "HOUTEKIER", "Léontine", "conseillère municipale de la Selve (12)")),
    ("Élu : Maxence Marc — Mandat : conseiller municipal — Lieu d'exercice : Commune d'Essegney (88)",
     ("Maxence Marc", "", "", "conseiller municipal")),
])
def test_several_labelled_fields_on_one_line(line, expected):
    out = rows(mail(1, f"Bonjour,\n\nCi-dessous les informations pour ma signature :\n\n{line}\n\nBien à vous,\n"))
    assert (out[0]["nom_complet"], out[0]["nom"], out[0]["prenom"], out[0]["mandat"]) == expected


def test_thanks_that_mention_an_earlier_signature_are_thanks():
    out = rows(mail(2, "Parfait, merci. Déjà signé donc, je fais suivre à mes collègues.\n", subject="Re: Votre signature",
                    reply_to="m1@test"))
    assert out[0]["intention"] == "remerciement"


def test_members_answers_relayed_by_a_federation_are_their_signatures():
    body = ("Bonjour,\n\nVoici les réponses de celles et ceux qui souhaitent co-signer l'appel :\n\n"
            "— Réponse de Abdel SADI, maire de Bobigny (93), le 8 avril à 05:47 :\n> Oui, je co-signe bien sûr.\n> Abdel\n\n"
            "— Réponse de Paul ROUX, maire de Coubron (93), le 8 avril à 15:43 :\n> Je ne signe pas pour l'instant.\n")
    out = rows(mail(1, body, sender="Fédération <federation93@ps.example>"))
    assert [(r["nom_complet"], r["mandat"]) for r in out] == [("Abdel SADI", "maire de Bobigny (93)")]


@pytest.mark.parametrize("line, mandate", [
    ("À Beuzeville (27), je suis conseiller municipal depuis 2020 et je signe l'appel.", "conseiller municipal de Beuzeville (27)"),
    ("Dans ma commune, Febvin-Palfart (62), je suis maire depuis 2026 : je signe.", "maire de Febvin-Palfart (62)"),
    ("Ancienne maire, aujourd'hui conseillère municipale de Saint-Julien (86), je signe l'appel.",
     "conseillère municipale de Saint-Julien (86)"),
])
def test_place_said_first_and_former_mandates(line, mandate):
    out = rows(mail(1, f"Bonjour,\n\n{line}\n\nGérard Cantaix\n"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Gérard Cantaix", mandate)


def test_a_name_before_the_greeting_on_the_first_line():
    out = rows(mail(1, "ALLIX Denis, bonjour.\n\nVous pouvez m'ajouter : maire de Saint-Sauveur (50).\n\nMerci\n", sender="<d@x.fr>"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("ALLIX Denis", "maire de Saint-Sauveur (50)")


def test_a_dictated_line_without_commas():
    out = rows(mail(1, "C'est Alexandre Huber conseiller municipal de fort louis 67 je signe l'appel merci beaucoup\n"))
    assert (out[0]["nom_complet"], out[0]["departement"]) == ("Alexandre Huber", "67")


def test_a_town_halls_auto_forwarding_rule_passes_on_a_signature():
    from rne_match.inputs.mail.mailbox import _from_bytes

    raw = ("From: Mairie <accueil@mairie-isigny.fr>\nTo: t@c.example\nSubject: TR: appel\nMessage-ID: <m1@test>\n"
           "Auto-Submitted: auto-forwarded\nContent-Type: text/plain; charset=utf-8\n\nTransfert automatique.\n\n"
           "-------- Message transféré --------\nDe : Alexandra MONDHER <am@yahoo.fr>\nDate : mercredi 14 avril 2027 20:40\n"
           "Objet : appel\n\nJe signe l'appel. Alexandra Mondher, maire d'Isigny\n").encode()
    out = rows(_from_bytes(raw, "m.eml"))
    assert (out[0]["intention"], out[0]["nom_complet"]) == ("signe", "Alexandra Mondher")


def test_the_alternative_text_of_a_signature_image_is_read():
    from rne_match.inputs.mail.mailbox import html_to_text

    text = html_to_text('<p>Signature pour l\'appel.</p><img src="cid:x" alt="Santa DUVAL, conseillère à l\'Assemblée de Corse">')
    assert "Santa DUVAL, conseillère à l'Assemblée de Corse" in text


@pytest.mark.parametrize("line, mandate", [
    ("Je signe. Gérard PÉRÈS, ancien maire (2020-2026), conseiller municipal d'Aignan (32)", "conseiller municipal d'Aignan (32)"),
    ("Après douze ans comme maire, je siège maintenant comme conseiller municipal de Brazey (21). Je m'associe à l'appel.",
     "conseiller municipal de Brazey (21)"),
])
def test_a_former_mandate_said_before_the_current_one_is_left_out(line, mandate):
    out = rows(mail(1, f"Bonjour,\n{line}\nTrès cordialement\nGérard Pérès\n"))
    assert (out[0]["nom_complet"].upper(), out[0]["mandat"]) == ("GÉRARD PÉRÈS", mandate)


def test_a_regional_councillors_section_gives_the_region():
    from rne_match.domain.mandates import parse_mandate

    m = parse_mandate("Conseillère régionale (section du Pas-de-Calais)")
    assert (m.code_departement, m.code_region) == ("62", "32")


# --- found by a review with fresh eyes: no signer may come from people merely mentioned


def test_officials_listed_as_people_to_ask_are_not_a_roster_and_the_writer_still_signs():
    out = rows(mail(1, "Je signe : Paul Martin, conseiller municipal de Mâcon.\nVoici les maires de mon secteur que vous "
                       "pourriez solliciter :\n- Senozan : Vincent FAGUET\n- Sury-le-Comtal : Thierry HAREUX\n"))
    assert [r["nom_complet"] for r in out] == ["Paul Martin"]


def test_officials_who_have_not_answered_are_not_signers():
    out = rows(mail(1, "Bonjour,\nLes maires de Senozan (Vincent FAGUET) et de Sury-le-Comtal (Thierry HAREUX) n'ont pas "
                       "encore répondu.\nJe signe : Paul Martin, conseiller municipal de Mâcon.\n"))
    assert [r["nom_complet"] for r in out] == ["Paul Martin"]


def test_a_colleague_who_wants_to_read_first_is_not_a_signer():
    out = rows(mail(1, "Je signe : Vincent FAGUET, maire de Senozan (71). Mon adjointe Véronique MALNORY souhaite d'abord "
                       "lire le texte en entier avant de se décider.\n"))
    assert [r["nom_complet"] for r in out] == ["Vincent FAGUET"]


def test_answers_to_someone_elses_questions_or_a_refusal_are_no_signature():
    friend = ("Le 3 mai, Paul a écrit :\n> Tu connais le nom du maire de Senozan ?\n\nFAGUET Vincent\n\n"
              "> Et sa fonction exacte ?\n\nmaire de Senozan (71)\n")
    refusal = ("Le 3 mai, Orga a écrit :\n> Pour vérifier votre signature :\n> 1. vos nom et prénom ;\n\nFAGUET Vincent\n\n"
               "> 2. votre mandat ;\n\nmaire de Senozan\n\n> 3. Confirmez-vous votre signature ?\n\n"
               "Non, finalement je ne souhaite pas m'engager.\n")
    assert all(not r["nom_complet"] or r["intention"] != "signe"
               for body in (friend, refusal) for r in rows(mail(1, body, subject="Re: question")))


def test_a_subject_saying_someone_does_not_sign_is_not_signing():
    out = rows(mail(1, "Je ne comprends pas cet appel.\n\nVincent FAGUET\nMaire de Senozan (71)\n",
                    subject="Pourquoi personne ne signe"))
    assert out[0]["intention"] != "signe"


@pytest.mark.parametrize("words", ["Je signerai volontiers une fois que mon conseil municipal en aura délibéré. Je reviens vers vous.",
                                   "Je signerais bien, mais je dois d'abord en parler à mon conseil."])
def test_signing_later_is_not_signing(words):
    out = rows(mail(1, f"Bonjour,\n{words}\n\nVincent FAGUET, maire de Senozan (71)\n"))
    assert out[0]["intention"] == "question"


def test_whoever_types_for_the_mayor_is_never_the_signer():
    out = rows(mail(1, "Monsieur le Maire souhaite signer l'appel.\n\nBien cordialement,\nVéronique MALNORY\nMairie de Senozan\n",
                    sender="Mairie de Senozan <accueil@senozan.fr>"))
    assert out[0]["nom_complet"] == "" and out[0]["mandat"].lower().startswith("maire")


def test_a_long_run_of_dashes_after_a_title_is_read_like_any_line():
    from rne_match.inputs.freetext import mandate_span

    # (this input made the place-after-comma pattern backtrack for minutes before it was made unambiguous)
    assert mandate_span("2e adjointe, Senozan " + "-" * 400) == (0, "2e adjointe")


def test_a_dictated_signature_is_read_with_the_punctuation_it_says():
    out = rows(mail(1, "Signature alain eudeline tiret maire de boussac entre parenthèses 12 fermer la parenthèse\n"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("alain eudeline", "maire de boussac (12)")


@pytest.mark.parametrize("line, mandate", [
    ("Ici, à Beuzeville (27), la source a tari en août. J'y suis conseiller municipal. Comptez ma signature.",
     "conseiller municipal de Beuzeville (27)"),
    ("À Longperrier (77) — conseiller municipal. Signature pour l'appel.", "conseiller municipal de Longperrier (77)"),
])
def test_the_place_said_before_the_title_in_other_words(line, mandate):
    out = rows(mail(1, f"Bonjour,\n{line}\n\nCdlt\nGérard Cantaix\n"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Gérard Cantaix", mandate)


def test_an_intercommunality_line_is_no_person():
    out = rows(mail(1, "Bonjour,\nSignature de l'appel :\nCC des Portes du Luxembourg — PRÉSIDENT\nFranck Jullien, maire d'Herbeuval\n"))
    assert [r["nom_complet"] for r in out] == ["Franck Jullien"]


def test_a_signer_in_brackets_at_the_end_of_a_long_subject():
    out = rows(mail(1, "Bonjour,\nMerci pour cette initiative.\n", sender="<l.d@outlook.fr>",
                    subject="Je soutiens l'appel et je le signe (Léontine DUCROS, conseillère municipale de Civaux (Vienne))"))
    assert (out[0]["nom_complet"], out[0]["mandat"]) == ("Léontine DUCROS", "conseillère municipale de Civaux")


def test_a_name_then_ici_before_the_greeting_and_pour_la_liste():
    out = rows(mail(1, "LIENHARDT Marie ici, bonjour\nPour la liste : 1re adjointe au maire de Wattwiller (68).\n", sender="<l@x.fr>"))
    assert (out[0]["intention"], out[0]["nom_complet"]) == ("signe", "LIENHARDT Marie")


def test_a_relayed_answer_under_a_heading_of_signers_signs_unless_it_declines():
    body = ("Voici les réponses de celles et ceux qui souhaitent co-signer l'appel :\n\n"
            "— Réponse de Jacques CAILLAUD, conseiller municipal de Saint-Gaultier (36), le 8 avril :\n> Avec plaisir. Jacques\n\n"
            "— Réponse de Paul ROUX, maire de Coubron (93), le 8 avril :\n> Je ne signe pas.\n")
    out = rows(mail(1, body, sender="Fédération <f36@ps.example>"))
    assert [r["nom_complet"] for r in out] == ["Jacques CAILLAUD"]


def test_a_pasted_table_without_a_mandate_column_still_lists_signers():
    out = rows(mail(1, "Bonjour,\n\nVoici nos signatures :\n\nNom;Prénom;Commune\nDUPONT;Jean;Sury\nMARTIN;Marie;Sury\n"))
    assert [(r["intention"], r["nom_complet"], r["commune"]) for r in out] == [
        ("signe", "Jean DUPONT", "Sury"), ("signe", "Marie MARTIN", "Sury")]
