"""A corpus of petition e-mails as French elected officials really send them, with the expected
extraction of each. Names are invented; places and parties are real.

Each case is rendered to raw RFC 5322 bytes by `render` (charsets, transfer encodings, HTML,
attachments, broken MIME), so the same corpus feeds .eml folders, mbox files and Maildirs.
`expected` lists the signers in order (an empty list: the message has no signer, and `reason`
is a word the explanation must contain).
"""

from __future__ import annotations

import base64
import quopri
from email.header import Header

CALL = """Madame, Monsieur,

Nous, élu·es locaux, refusons la vidéosurveillance algorithmique.
Pour signer, répondez à ce message avec :
Je soussigné(e) [Prénom Nom], [mandat], [parti] signe la tribune.

Le collectif Technopolice"""


def quoted(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


CASES: list[dict] = [
    {"id": "01-soussignee-simple",
     "from": "Marie Fabre <marie.fabre@laposte.net>", "subject": "Signature tribune",
     "body": "Bonjour,\n\nJe soussignée Marie Fabre, conseillère municipale de Montpellier (34), EELV, "
             "signe la tribune contre la VSA.\n\nBien cordialement,\nMarie Fabre\n",
     "expected": [{"nom_complet": "Marie Fabre", "mandat": "conseillère municipale de Montpellier (34)",
                   "parti": "EELV", "commune": "Montpellier", "departement": "34"}]},
    {"id": "02-formulaire-champs",
     "from": "jp.roussel@wanadoo.fr", "subject": "Re: Appel des élu·es",
     "body": "Nom : ROUSSEL\nPrénom : Jean-Pierre\nMandat : Adjoint au maire de Castelnau-le-Lez\n"
             "Parti : Génération.s\n\nMerci pour cette initiative.\n",
     "expected": [{"nom": "ROUSSEL", "prenom": "Jean-Pierre", "mandat": "Adjoint au maire de Castelnau-le-Lez",
                   "parti": "Génération.s", "commune": "Castelnau-le-Lez"}]},
    {"id": "03-reponse-au-dessus-de-l-appel",
     "from": "\"Claire Vidal\" <c.vidal@free.fr>", "subject": "Re: Tribune VSA - appel à signatures",
     "body": "Je signe bien volontiers.\n\nClaire Vidal\nAdjointe au maire de Lodève\nParti socialiste\n\n"
             "Le lun. 3 avr. 2023 à 10:12, Collectif Technopolice <contact@technopolice.fr> a écrit :\n"
             + quoted(CALL),
     "expected": [{"nom_complet": "Claire Vidal", "mandat": "Adjointe au maire de Lodève", "parti": "Parti socialiste",
                   "commune": "Lodève"}]},
    {"id": "04-reponse-gmail-en-deux-lignes",
     "from": "Thomas Girard <thomas.girard@gmail.com>", "subject": "Re: Tribune",
     "body": "Bonjour,\nJe soussigné Thomas Girard, conseiller municipal de Bègles (33), LFI, signe la tribune.\n\n"
             "Le mar. 4 avr. 2023 à 09:01, Collectif Technopolice <\ncontact@technopolice.fr> a écrit :\n\n"
             + quoted(CALL),
     "expected": [{"nom_complet": "Thomas Girard", "mandat": "conseiller municipal de Bègles (33)", "parti": "LFI",
                   "commune": "Bègles", "departement": "33"}]},
    {"id": "05-html-seul",
     "from": "Sandrine Morel <s.morel@orange.fr>", "subject": "Ma signature",
     "html": "<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
             "<p>Bonjour,</p><p>Je soussignée <b>Sandrine Morel</b>, conseillère départementale de l'Isère, "
             "Les Écologistes, signe la tribune.</p><p>Cordialement,<br>Sandrine Morel</p>"
             "<img src=\"https://tracker.example/pixel.gif\"></body></html>",
     "expected": [{"nom_complet": "Sandrine Morel", "mandat": "conseillère départementale de l'Isère",
                   "parti": "Les Écologistes", "departement": "38"}]},
    {"id": "06-reponse-html-blockquote",
     "from": "Karim Haddad <karim.haddad@outlook.fr>", "subject": "RE: Tribune VSA",
     "html": "<div>Je signe : Karim Haddad, conseiller municipal de Villeurbanne (69), PCF.</div>"
             "<div><br></div><blockquote><div>Je soussigné(e) [Prénom Nom], [mandat], [parti] signe la tribune."
             "</div><div>Le collectif</div></blockquote>",
     "expected": [{"nom_complet": "Karim Haddad", "mandat": "conseiller municipal de Villeurbanne (69)",
                   "parti": "PCF", "commune": "Villeurbanne", "departement": "69"}]},
    {"id": "07-transfert-gmail",
     "from": "Collectif Technopolice <contact@technopolice.fr>", "subject": "Fwd: signature",
     "body": "Une de plus, reçue sur l'ancienne adresse.\n\n---------- Forwarded message ---------\n"
             "De : Jean Dupuis <jean.dupuis@orange.fr>\nDate: mer. 5 avr. 2023 à 18:40\nSubject: signature\n"
             "To: <ancienne@technopolice.fr>\n\nBonsoir,\nje soussigné Jean Dupuis, maire de Saint-Clément-de-Rivière, "
             "sans étiquette, signe la tribune.\nJean Dupuis\n",
     "expected": [{"nom_complet": "Jean Dupuis", "mandat": "maire de Saint-Clément-de-Rivière",
                   "parti": "sans étiquette", "commune": "Saint-Clément-de-Rivière"}]},
    {"id": "08-transfert-apple-bloc-signature",
     "from": "Collectif Technopolice <contact@technopolice.fr>", "subject": "Fwd: Tribune",
     "body": "\n\nDébut du message réexpédié :\n\nDe: Hélène Marchand <helene.marchand@sfr.fr>\n"
             "Date: 6 avril 2023 à 08:15:02 UTC+2\nÀ: contact@technopolice.fr\nObjet: Tribune\n\n"
             "Bonjour, je m'associe à votre démarche et je signe.\n\nHélène Marchand\n"
             "Conseillère régionale d'Occitanie\nGroupe Écologiste\n",
     "expected": [{"nom_complet": "Hélène Marchand", "mandat": "Conseillère régionale d'Occitanie",
                   "parti": "Écologiste"}]},
    {"id": "09-transfert-outlook",
     "from": "Collectif <contact@technopolice.fr>", "subject": "TR: Signature de la tribune",
     "body": "Pour la liste.\n\nDe : Bruno Lemaire-Costa <b.lemairecosta@ville-sete.fr>\n"
             "Envoyé : jeudi 6 avril 2023 11:02\nÀ : contact@technopolice.fr\nObjet : Signature de la tribune\n\n"
             "Je soussigné Bruno Lemaire-Costa, conseiller municipal de Sète (34), Place publique, signe.\n",
     "expected": [{"nom_complet": "Bruno Lemaire-Costa", "mandat": "conseiller municipal de Sète (34)",
                   "parti": "Place publique", "commune": "Sète", "departement": "34"}]},
    {"id": "10-groupe-liste-a-puces",
     "from": "Groupe Grenoble en commun <groupe.gec@grenoble.fr>", "subject": "Signatures du groupe",
     "body": "Bonjour,\n\nLes élu·es du groupe signent la tribune :\n\n"
             "- Lucie Moreau, conseillère municipale de Grenoble (EELV)\n"
             "- Antoine Blanc, adjoint au maire de Grenoble (EELV)\n"
             "- Fatima Zerrouki, conseillère municipale de Grenoble (LFI)\n"
             "- Pierre-Yves Caron, conseiller municipal de Grenoble (PS)\n\nPour le groupe,\nLucie Moreau\n",
     "expected": [
         {"nom_complet": "Lucie Moreau", "mandat": "conseillère municipale de Grenoble", "parti": "EELV",
          "commune": "Grenoble"},
         {"nom_complet": "Antoine Blanc", "mandat": "adjoint au maire de Grenoble", "parti": "EELV",
          "commune": "Grenoble"},
         {"nom_complet": "Fatima Zerrouki", "mandat": "conseillère municipale de Grenoble", "parti": "LFI",
          "commune": "Grenoble"},
         {"nom_complet": "Pierre-Yves Caron", "mandat": "conseiller municipal de Grenoble", "parti": "PS",
          "commune": "Grenoble"}]},
    {"id": "11-groupe-mandat-partage",
     "from": "Villeurbanne Écologie <ecologie@villeurbanne.fr>", "subject": "Tribune",
     "body": "Bonjour,\n\nConseillers municipaux de Villeurbanne : Agnès Perrin, Mehdi Saïdi et Julien Fournel\n\n"
             "Nous signons tous les trois. Europe Écologie Les Verts.\n",
     "expected": [
         {"nom_complet": "Agnès Perrin", "mandat": "Conseillers municipaux de Villeurbanne",
          "parti": "Europe Écologie Les Verts", "commune": "Villeurbanne"},
         {"nom_complet": "Mehdi Saïdi", "mandat": "Conseillers municipaux de Villeurbanne",
          "parti": "Europe Écologie Les Verts", "commune": "Villeurbanne"},
         {"nom_complet": "Julien Fournel", "mandat": "Conseillers municipaux de Villeurbanne",
          "parti": "Europe Écologie Les Verts", "commune": "Villeurbanne"}]},
    {"id": "12-bloc-signature-telephone-adresse",
     "from": "Sophie Marchetti <sophie.marchetti@herault.fr>", "subject": "Tribune VSA",
     "body": "Bonjour,\n\nJe souhaite m'associer à cette tribune.\n\nCordialement,\n\nSophie Marchetti\n"
             "Conseillère départementale de l'Hérault\nCanton de Montpellier-5\nTél. 06 12 34 56 78\n"
             "Hôtel du Département, 1000 rue d'Alco, 34087 Montpellier Cedex 4\n",
     "expected": [{"nom_complet": "Sophie Marchetti", "mandat": "Conseillère départementale de l'Hérault",
                   "departement": "34"}]},
    {"id": "13-separateur-signature",
     "from": "Mairie de Saint-Jean-de-Védas <cabinet@saintjeandevedas.fr>", "subject": "Signature",
     "body": "Monsieur le maire signe la tribune.\n\n-- \nFrançois Rio\nMaire de Saint-Jean-de-Védas\n"
             "Mairie de Saint-Jean-de-Védas, 4 rue de la Mairie, 34430 Saint-Jean-de-Védas\n04 67 07 83 00\n",
     "expected": [{"nom_complet": "François Rio", "mandat": "Maire de Saint-Jean-de-Védas",
                   "commune": "Saint-Jean-de-Védas"}]},
    {"id": "14-quoted-printable-utf8",
     "from": "Gaëlle Le Bihan <gaelle.lebihan@bretagne.bzh>", "subject": "Signature", "cte": "quoted-printable",
     "body": "Je soussignée Gaëlle Le Bihan, conseillère régionale de Bretagne, UDB, signe la tribune.\n"
             "Trugarez !\n",
     "expected": [{"nom_complet": "Gaëlle Le Bihan", "mandat": "conseillère régionale de Bretagne", "parti": "UDB"}]},
    {"id": "15-base64-utf8",
     "from": "Noémie Chauvière <noemie.c@gmail.com>", "subject": "Tribune", "cte": "base64",
     "body": "Bonjour,\nJe soussignée Noémie Chauvière, conseillère municipale de Besançon (25), "
             "Les Écologistes, signe.\nNoémie\n",
     "expected": [{"nom_complet": "Noémie Chauvière", "mandat": "conseillère municipale de Besançon (25)",
                   "parti": "Les Écologistes", "commune": "Besançon", "departement": "25"}]},
    {"id": "16-iso-8859-1",
     "from": "Rene Barthelemy <rene.barthelemy@club-internet.fr>", "subject": "Pétition", "charset": "iso-8859-1",
     "cte": "quoted-printable",
     "body": "Je soussigné René Barthélémy, maire de Gréoux-les-Bains (04), divers gauche, signe la tribune.\n"
             "Salutations républicaines.\n",
     "expected": [{"nom_complet": "René Barthélémy", "mandat": "maire de Gréoux-les-Bains (04)",
                   "parti": "divers gauche", "commune": "Gréoux-les-Bains", "departement": "04"}]},
    {"id": "17-windows-1252",
     "from": "Œlsa Ménard <oelsa.menard@hotmail.fr>", "subject": "Signature", "charset": "windows-1252",
     "cte": "8bit",
     "body": "Je soussignée Œlsa Ménard, conseillère municipale d’Angoulême (16), PS, signe « la tribune ».\n",
     "expected": [{"nom_complet": "Œlsa Ménard", "mandat": "conseillère municipale d’Angoulême (16)", "parti": "PS",
                   "commune": "Angoulême", "departement": "16"}]},
    {"id": "18-entetes-rfc2047",
     "from": "=?UTF-8?B?w4lsb8Ovc2UgQ2jDonRlbGFpbg==?= <eloise.chatelain@gmail.com>",
     "subject": "=?ISO-8859-1?Q?Signature_de_la_p=E9tition?=",
     "body": "Je soussignée Éloïse Châtelain, adjointe au maire de Nîmes (30), LFI, signe la tribune.\n",
     "expected": [{"nom_complet": "Éloïse Châtelain", "mandat": "adjointe au maire de Nîmes (30)", "parti": "LFI",
                   "commune": "Nîmes", "departement": "30"}],
     "check": {"expediteur_nom": "Éloïse Châtelain", "objet": "Signature de la pétition"}},
    {"id": "19-charset-inconnu",
     "from": "=?x-inconnu?Q?Paul_Ferrand?= <paul.ferrand@free.fr>", "subject": "Tribune", "charset": "x-inconnu",
     "cte": "8bit", "body_bytes": "Je soussigné Paul Ferrand, conseiller municipal de Pézenas (34), PCF, signe.\n",
     "expected": [{"nom_complet": "Paul Ferrand", "mandat": "conseiller municipal de Pézenas (34)", "parti": "PCF",
                   "commune": "Pézenas", "departement": "34"}]},
    {"id": "20-absence-auto-submitted",
     "from": "Nathalie Brun <nathalie.brun@ville-ales.fr>", "subject": "Absence : Tribune VSA",
     "headers": {"Auto-Submitted": "auto-replied"},
     "body": "Je suis absente du 3 au 14 avril. Pour toute urgence, contactez le cabinet du maire.\n"
             "Nathalie Brun\nAdjointe au maire d'Alès\n",
     "expected": [], "reason": "automatique"},
    {"id": "21-reponse-automatique-sujet",
     "from": "Mairie de Frontignan <accueil@frontignan.fr>", "subject": "Réponse automatique : Tribune",
     "body": "Nous avons bien reçu votre message. Il sera traité dans les meilleurs délais.\n",
     "expected": [], "reason": "automatique"},
    {"id": "22-lettre-information",
     "from": "La Gazette des communes <newsletter@lagazette.fr>", "subject": "La lettre du jour",
     "headers": {"List-Unsubscribe": "<mailto:unsubscribe@lagazette.fr>", "Precedence": "bulk"},
     "html": "<h1>La lettre du jour</h1><p>Les maires face à la vidéosurveillance algorithmique…</p>"
             "<p>Pour vous désinscrire, cliquez ici.</p>",
     "expected": [], "reason": "lettre"},
    {"id": "23-question",
     "from": "Julie Besson <julie.besson@gmail.com>", "subject": "Question",
     "body": "Bonjour,\nLa tribune sera-t-elle publiée dans Libération ? Et jusqu'à quand peut-on signer ?\nMerci\n",
     "expected": [], "reason": "question"},
    {"id": "24-piece-jointe-seule",
     "from": "Marc Olivier <marc.olivier@orange.fr>", "subject": "Signature",
     "body": "Veuillez trouver ci-joint le formulaire signé.\n",
     "attachments": [("formulaire-signe.pdf", "application/pdf", b"%PDF-1.4 fake")],
     # signs by its attachment (never opened): the sender signs, the mandate is left for review
     "expected": [{"nom_complet": "Marc Olivier"}], "check": {"pieces_jointes": "formulaire-signe.pdf"}},
    {"id": "25-piece-jointe-et-signature",
     "from": "Yasmina Belkacem <y.belkacem@nanterre.fr>", "subject": "Ma signature",
     "body": "Je soussignée Yasmina Belkacem, conseillère municipale de Nanterre (92), PCF, signe la tribune.\n"
             "Ci-joint ma photo pour la publication.\n",
     "attachments": [("photo.jpg", "image/jpeg", b"\xff\xd8\xff\xe0 fake jpeg")],
     "expected": [{"nom_complet": "Yasmina Belkacem", "mandat": "conseillère municipale de Nanterre (92)",
                   "parti": "PCF", "commune": "Nanterre", "departement": "92"}],
     "check": {"pieces_jointes": "photo.jpg"}},
    {"id": "26-mime-casse",
     "raw": "From: Alain Costes <alain.costes@free.fr>\nSubject: Signature\nMessage-ID: <casse-26@free.fr>\n"
            "Date: Fri, 7 Apr 2023 10:00:00 +0200\nMIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"XYZ\"\n\n--XYZ\nContent-Type: text/plain; charset=utf-8\n\n"
            "Je soussigné Alain Costes, conseiller municipal de Lunel (34), PS, signe la tribune.\n"
            "--XYZ\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n!!!pas du base64",
     "expected": [{"nom_complet": "Alain Costes", "mandat": "conseiller municipal de Lunel (34)", "parti": "PS",
                   "commune": "Lunel", "departement": "34"}]},
    {"id": "27-je-suis",
     "from": "Olivier Duret <olivier.duret@gmail.com>", "subject": "Tribune",
     "body": "Bonjour, je suis Olivier Duret, maire de Prades-le-Lez, et je soutiens pleinement votre appel.\n"
             "Vous pouvez ajouter mon nom.\n",
     "expected": [{"nom_complet": "Olivier Duret", "mandat": "maire de Prades-le-Lez", "commune": "Prades-le-Lez"}]},
    {"id": "28-nom-en-majuscules",
     "from": "durand.m@yahoo.fr", "subject": "signature",
     "body": "DURAND Martine, conseillère régionale d'Occitanie, groupe Écologiste, Solidaire et Citoyen.\n"
             "Je signe la tribune.\n",
     "expected": [{"nom_complet": "DURAND Martine", "mandat": "conseillère régionale d'Occitanie",
                   "parti": "Écologiste"}]},
    {"id": "29-civilite",
     "from": "Hélène Roux <helene.roux@laregion.fr>", "subject": "Tribune",
     "body": "Je soussignée Madame Hélène Roux-Combaluzier, vice-présidente de la Région Occitanie, "
             "déclare signer la tribune.\n",
     "expected": [{"nom_complet": "Hélène Roux-Combaluzier", "civilite": "Madame",
                   "mandat": "vice-présidente de la Région Occitanie"}]},
    {"id": "30-ancienne-region",
     "from": "Gérard Py <gerard.py@wanadoo.fr>", "subject": "Signature tribune",
     "body": "Je soussigné Gérard Py, conseiller régional Languedoc-Roussillon, PRG, signe.\n",
     "expected": [{"nom_complet": "Gérard Py", "mandat": "conseiller régional Languedoc-Roussillon", "parti": "PRG"}]},
    {"id": "31-conseillere-de-paris",
     "from": "Inès Carpentier <ines.carpentier@paris.fr>", "subject": "Tribune",
     "body": "Je soussignée Inès Carpentier, conseillère de Paris (EELV), signe la tribune.\n",
     "expected": [{"nom_complet": "Inès Carpentier", "mandat": "conseillère de Paris", "parti": "EELV",
                   "commune": "Paris"}]},
    {"id": "32-premiere-adjointe",
     "from": "Anne Lefèvre <anne.lefevre@villeneuvelesmaguelone.fr>", "subject": "Tribune",
     "body": "Je soussignée Anne Lefèvre, 1ère adjointe au maire de Villeneuve-lès-Maguelone, sans étiquette, "
             "signe la tribune.\n",
     "expected": [{"nom_complet": "Anne Lefèvre", "mandat": "1ère adjointe au maire de Villeneuve-lès-Maguelone",
                   "parti": "sans étiquette", "commune": "Villeneuve-lès-Maguelone"}]},
    {"id": "33-mandat-dans-la-phrase-nom-sous-la-formule",
     "from": "nadia.b@gmail.com", "subject": "tribune",
     "body": "Bonjour,\nConseillère municipale à Lodève, je souhaite signer la tribune.\n\nBien à vous,\nNadia Benali\n",
     "expected": [{"nom_complet": "Nadia Benali", "mandat": "Conseillère municipale à Lodève", "commune": "Lodève"}]},
    {"id": "34-nom-de-l-expediteur-en-dernier-recours",
     "from": "Vincent Albaret <v.albaret@ville-ganges.fr>", "subject": "Tribune VSA",
     "body": "Bonjour,\n\nEn tant que conseiller municipal de Ganges, je signe la tribune.\n\nBonne journée\n",
     "expected": [{"nom_complet": "Vincent Albaret", "mandat": "conseiller municipal de Ganges", "commune": "Ganges"}]},
    {"id": "35-deux-formulaires",
     "from": "Mairie de Clapiers <mairie@clapiers.fr>", "subject": "Deux signatures",
     "body": "Bonjour, voici nos deux signatures :\n\nNom : PONS\nPrénom : Émilie\nMandat : Maire de Clapiers\n"
             "Parti : DVG\n\nNom : ARNAUD\nPrénom : Sébastien\nMandat : Conseiller municipal de Clapiers\n"
             "Parti : DVG\n",
     "expected": [{"nom": "PONS", "prenom": "Émilie", "mandat": "Maire de Clapiers", "parti": "DVG",
                   "commune": "Clapiers"},
                  {"nom": "ARNAUD", "prenom": "Sébastien", "mandat": "Conseiller municipal de Clapiers",
                   "parti": "DVG", "commune": "Clapiers"}]},
    {"id": "36-reponse-client-anglais",
     "from": "Laura Mendes <laura.mendes@proton.me>", "subject": "Re: Tribune",
     "body": "Je soussignée Laura Mendes, conseillère municipale de Toulouse (31), LFI, signe.\n\n"
             "On Mon, 3 Apr 2023 at 10:12, Collectif Technopolice <contact@technopolice.fr> wrote:\n"
             + quoted(CALL),
     "expected": [{"nom_complet": "Laura Mendes", "mandat": "conseillère municipale de Toulouse (31)",
                   "parti": "LFI", "commune": "Toulouse", "departement": "31"}]},
    {"id": "37-particule",
     "from": "Jean-Baptiste de La Tour <jb.delatour@clermont.fr>", "subject": "Signature",
     "body": "Je soussigné Jean-Baptiste de La Tour d'Auvergne, conseiller municipal de Clermont-Ferrand (63), "
             "PS, signe la tribune.\n",
     "expected": [{"nom_complet": "Jean-Baptiste de La Tour d'Auvergne",
                   "mandat": "conseiller municipal de Clermont-Ferrand (63)", "parti": "PS",
                   "commune": "Clermont-Ferrand", "departement": "63"}]},
    {"id": "38-alternative-texte-et-html",
     "from": "Cécile Arnoux <cecile.arnoux@gmail.com>", "subject": "Tribune",
     "body": "Je soussignée Cécile Arnoux, conseillère municipale de Nantes (44), EELV, signe la tribune.\n",
     "html": "<p>Je soussignée <b>Cécile Arnoux</b>, conseillère municipale de Nantes (44), EELV, signe la tribune.</p>",
     "expected": [{"nom_complet": "Cécile Arnoux", "mandat": "conseillère municipale de Nantes (44)", "parti": "EELV",
                   "commune": "Nantes", "departement": "44"}]},
    {"id": "39-pied-iphone",
     "from": "Romain Texier <romain.texier@icloud.com>", "subject": "Tribune",
     "body": "Je signe.\n\nRomain Texier\nAdjoint au maire de Juvignac\nPS\n\nEnvoyé de mon iPhone\n",
     "expected": [{"nom_complet": "Romain Texier", "mandat": "Adjoint au maire de Juvignac", "parti": "PS",
                   "commune": "Juvignac"}]},
    {"id": "40-avertissement-confidentialite",
     "from": "Patricia Gomez <p.gomez@montpellier3m.fr>", "subject": "Tribune VSA",
     "body": "Bonjour,\nJe soussignée Patricia Gomez, conseillère municipale de Montpellier (34), PS, "
             "signe la tribune.\n\nPatricia Gomez\n\nCe message et toutes les pièces jointes sont confidentiels "
             "et établis à l'intention exclusive de ses destinataires. Conseillère municipale de Paris.\n",
     "expected": [{"nom_complet": "Patricia Gomez", "mandat": "conseillère municipale de Montpellier (34)",
                   "parti": "PS", "commune": "Montpellier", "departement": "34"}]},
    {"id": "41-etiquette-en-champ",
     "from": "Damien Roche <damien.roche@gmail.com>", "subject": "Tribune",
     "body": "Nom et prénom : Damien Roche\nQualité : conseiller départemental du Gard\n"
             "Étiquette : Les Écologistes\nDépartement : Gard\n",
     "expected": [{"nom_complet": "Damien Roche", "mandat": "conseiller départemental du Gard",
                   "parti": "Les Écologistes", "departement": "30"}]},
    {"id": "42-maire-deleguee",
     "from": "Odile Vernet <odile.vernet@orange.fr>", "subject": "Tribune",
     "body": "Je soussignée Odile Vernet, maire déléguée de Saint-Martin-de-Londres, signe la tribune.\n",
     "expected": [{"nom_complet": "Odile Vernet", "mandat": "maire déléguée de Saint-Martin-de-Londres",
                   "commune": "Saint-Martin-de-Londres"}]},
    {"id": "43-oui-je-signe-bloc",
     "from": "Paul Girard <paul.girard@sete.fr>", "subject": "Re: Tribune VSA",
     "body": "Oui, je signe.\n\nPaul Girard\nConseiller municipal de Sète\n\n"
             "De : Collectif Technopolice <contact@technopolice.fr>\nEnvoyé : lundi 3 avril 2023 10:12\n"
             "À : paul.girard@sete.fr\nObjet : Tribune VSA\n\n" + CALL,
     "expected": [{"nom_complet": "Paul Girard", "mandat": "Conseiller municipal de Sète", "commune": "Sète"}]},
    {"id": "44-remerciement-sans-signature",
     "from": "Collectif Technopolice <contact@technopolice.fr>", "subject": "Re: Signature",
     "body": "Merci beaucoup, c'est bien noté !\nLe collectif\n",
     "expected": [], "reason": "organisateurs"},
    {"id": "45-message-vide",
     "from": "anonyme@example.org", "subject": "", "body": "",
     "expected": [], "reason": "vide"},
    {"id": "46-tres-gros-message",
     "from": "Gros Fichier <gros@example.org>", "subject": "Vidéo de soutien",
     "body": "Je soussigné Gros Fichier, maire de Nulle-Part.\n" + "x" * 6_000_000,
     "expected": [], "reason": "volumineux"},
    {"id": "47-depute-hors-perimetre",
     "from": "Sylvain Carrière <sylvain.carriere@assemblee-nationale.fr>", "subject": "Tribune",
     "body": "Je soussigné Sylvain Carrière, député de l'Hérault, LFI, signe la tribune.\n",
     "expected": [{"nom_complet": "Sylvain Carrière", "mandat": "député de l'Hérault", "parti": "LFI"}]},
    {"id": "48-signature-en-ligne-avec-tirets",
     "from": "Aurélie Sanchez <aurelie.sanchez@perpignan.fr>", "subject": "Signature",
     "body": "Bonjour,\nMerci pour cette initiative, je la soutiens.\n\nAurélie Sanchez – Conseillère municipale de "
             "Perpignan (66) – Les Écologistes\n",
     "expected": [{"nom_complet": "Aurélie Sanchez", "mandat": "Conseillère municipale de Perpignan (66)",
                   "parti": "Les Écologistes", "commune": "Perpignan", "departement": "66"}]},
]


def _encode_body(text: str | bytes, charset: str, cte: str) -> tuple[bytes, str]:
    data = text if isinstance(text, bytes) else text.encode(charset if charset != "x-inconnu" else "utf-8")
    if cte == "base64":
        return base64.encodebytes(data), "base64"
    if cte == "quoted-printable":
        return quopri.encodestring(data), "quoted-printable"
    return data, "8bit"


def _part(content_type: str, text: str | bytes, charset: str, cte: str) -> bytes:
    body, cte = _encode_body(text, charset, cte)
    head = f"Content-Type: {content_type}; charset=\"{charset}\"\nContent-Transfer-Encoding: {cte}\n\n"
    return head.encode() + body


def _header_value(value: str) -> str:
    if value.startswith("=?") or all(ord(c) < 128 for c in value):
        return value
    if "<" in value:  # display name <address>
        name, addr = value.rsplit("<", 1)
        return f"{Header(name.strip().strip(chr(34)), 'utf-8').encode()} <{addr}"
    return Header(value, "utf-8").encode()


def render(case: dict, index: int = 0) -> bytes:
    """Raw message bytes for a corpus case."""
    if "raw" in case:
        return case["raw"].encode("utf-8")
    charset = case.get("charset", "utf-8")
    cte = case.get("cte", "8bit" if charset == "utf-8" else "quoted-printable")
    headers = {
        "From": _header_value(case["from"]), "To": "contact@technopolice.fr",
        "Subject": _header_value(case.get("subject", "")),
        "Date": f"Mon, {3 + index % 20:d} Apr 2023 10:{index % 60:02d}:00 +0200",
        "Message-ID": f"<{case['id']}@corpus.rne-match>", "MIME-Version": "1.0",
        **case.get("headers", {}),
    }
    body_text = case.get("body_bytes", case.get("body"))
    if isinstance(body_text, str) and "body_bytes" in case:
        body_text = body_text.encode("cp1252")
    parts: list[bytes] = []
    if body_text is not None and "html" in case:
        alt = b"--ALT\n" + _part("text/plain", body_text, charset, cte) + b"\n--ALT\n" + \
            _part("text/html", case["html"], charset, cte) + b"\n--ALT--\n"
        parts.append(b"Content-Type: multipart/alternative; boundary=\"ALT\"\n\n" + alt)
    elif "html" in case:
        parts.append(_part("text/html", case["html"], charset, cte))
    else:
        parts.append(_part("text/plain", body_text or "", charset, cte))
    for name, ctype, data in case.get("attachments", []):
        parts.append(f"Content-Type: {ctype}; name=\"{name}\"\nContent-Disposition: attachment; "
                     f"filename=\"{name}\"\nContent-Transfer-Encoding: base64\n\n".encode()
                     + base64.encodebytes(data))
    head = "".join(f"{k}: {v}\n" for k, v in headers.items())
    if len(parts) == 1:
        return head.encode() + parts[0]
    body = b"".join(b"--MIX\n" + p + b"\n" for p in parts) + b"--MIX--\n"
    return (head + "Content-Type: multipart/mixed; boundary=\"MIX\"\n\n").encode() + body


def write_mbox(path, cases=CASES) -> None:
    with open(path, "wb") as fh:
        for i, case in enumerate(cases):
            raw = render(case, i)
            escaped = b"\n".join(b">" + line if line.startswith(b"From ") else line for line in raw.split(b"\n"))
            fh.write(b"From corpus@rne-match Mon Apr  3 10:00:00 2023\n" + escaped + b"\n\n")


FIELDS = ("nom", "mandat", "parti", "commune", "departement")


def _fold(text) -> str:
    from rne_match.domain.text import fold

    return fold(text or "")


def _name_key(row: dict) -> frozenset[str]:
    words = _fold(" ".join(str(row.get(k) or "") for k in ("nom_complet", "prenom", "nom"))).split()
    return frozenset(words)


def _value(row: dict, name: str) -> object:
    from rne_match.domain.parties import normalize_party

    if name == "nom":
        return _name_key(row) or None
    raw = row.get(name) or ""
    if not str(raw).strip():
        return None
    if name == "parti":
        return normalize_party(raw)
    return _fold(raw)


def score(extracted_by_case: dict[str, list[dict]], cases=CASES) -> dict[str, dict[str, float]]:
    """Field-level precision and recall: a field counts as extracted when non-empty, correct when
    it equals the expected value (names as word sets, parties after normalisation, text folded);
    signers are paired in order within a message; rows for messages without a signer count as
    extracted fields only if they carry values."""
    tally = {f: {"tp": 0, "extracted": 0, "expected": 0} for f in FIELDS}
    for case in cases:
        got = [r for r in extracted_by_case.get(case["id"], []) if r.get("extraction_statut") == "signataire"]
        want = case["expected"]
        for i in range(max(len(got), len(want))):
            g = got[i] if i < len(got) else {}
            w = want[i] if i < len(want) else {}
            for f in FIELDS:
                gv, wv = _value(g, f), _value(w, f)
                tally[f]["extracted"] += gv is not None
                tally[f]["expected"] += wv is not None
                tally[f]["tp"] += gv is not None and gv == wv
    out = {}
    for f, t in tally.items():
        out[f] = {"precision": t["tp"] / t["extracted"] if t["extracted"] else 1.0,
                  "recall": t["tp"] / t["expected"] if t["expected"] else 1.0,
                  "n_expected": t["expected"]}
    return out


# Written after the rules were frozen, and run once before any change: the figures on this set
# are the honest estimate for messages the rules were not tuned on. Later fixes are listed in the
# closing note; cases stay as written.
HELDOUT: list[dict] = [
    {"id": "h01-maire-adjointe", "from": "Fabienne Roux <f.roux@gmail.com>", "subject": "Tribune",
     "body": "Bonjour,\nVous pouvez ajouter ma signature : Fabienne Roux, maire adjointe de Saint-Gély-du-Fesc, EELV.\n"
             "Fabienne\n",
     "expected": [{"nom_complet": "Fabienne Roux", "mandat": "maire adjointe de Saint-Gély-du-Fesc", "parti": "EELV",
                   "commune": "Saint-Gély-du-Fesc"}]},
    {"id": "h02-formation-politique", "from": "p.vignal@ville-montpellier.fr", "subject": "Signature",
     "body": "Signataire : M. Patrick Vignal\nFonction : Conseiller municipal délégué, Montpellier\n"
             "Formation politique : Renaissance\n",
     "expected": [{"nom_complet": "Patrick Vignal", "mandat": "Conseiller municipal délégué, Montpellier",
                   "parti": "Renaissance", "commune": "Montpellier"}]},
    {"id": "h03-elue-dans-la-phrase", "from": "Amina Diallo <amina.diallo@saint-denis.fr>", "subject": "Je signe",
     "body": "Élue municipale à Saint-Denis (93), je signe.\nAmina Diallo (LFI)\n",
     "expected": [{"nom_complet": "Amina Diallo", "mandat": "Élue municipale à Saint-Denis (93)", "parti": "LFI",
                   "commune": "Saint-Denis", "departement": "93"}]},
    {"id": "h04-html-br", "from": "Marc Teyssier <marc.teyssier@orange.fr>", "subject": "RE: Tribune",
     "html": "<div>Je soussigné Marc Teyssier<br>Conseiller municipal de Montferrier-sur-Lez<br>PS</div>"
             "<blockquote>Je soussigné(e) [Prénom Nom], [mandat], [parti]</blockquote>",
     "expected": [{"nom_complet": "Marc Teyssier", "mandat": "Conseiller municipal de Montferrier-sur-Lez",
                   "parti": "PS", "commune": "Montferrier-sur-Lez"}]},
    {"id": "h05-je-m-appelle", "from": "Sarah Cohen <sarah.cohen@gmail.com>", "subject": "tribune",
     "body": "Bonjour, je m'appelle Sarah Cohen et je suis conseillère municipale d'opposition à Béziers. Je signe.\n",
     "expected": [{"nom_complet": "Sarah Cohen", "mandat": "conseillère municipale d'opposition à Béziers",
                   "commune": "Béziers"}]},
    {"id": "h06-nous-soussignes", "from": "Mairie de Grabels <mairie@grabels.fr>", "subject": "Signatures",
     "body": "Nous soussignés :\n1. Yves Martin, maire de Grabels\n2. Chantal Roux, première adjointe au maire de Grabels\n"
             "3. Éric Blanc, conseiller municipal de Grabels\n",
     "expected": [{"nom_complet": "Yves Martin", "mandat": "maire de Grabels", "commune": "Grabels"},
                  {"nom_complet": "Chantal Roux", "mandat": "première adjointe au maire de Grabels", "commune": "Grabels"},
                  {"nom_complet": "Éric Blanc", "mandat": "conseiller municipal de Grabels", "commune": "Grabels"}]},
    {"id": "h07-prenom-nom-champ", "from": "lina.haddad@iledefrance.fr", "subject": "Tribune",
     "body": "Prénom Nom : Lina Haddad\nMandat : Conseillère régionale Île-de-France\nParti : Les Écologistes\n",
     "expected": [{"nom_complet": "Lina Haddad", "mandat": "Conseillère régionale Île-de-France",
                   "parti": "Les Écologistes"}]},
    {"id": "h08-transfert-thunderbird", "from": "Collectif <contact@technopolice.fr>", "subject": "Fwd: tribune",
     "body": "\n\n-------- Message transféré --------\nSujet : tribune\nDate : Tue, 4 Apr 2023 12:00:00 +0200\n"
             "De : Gilles Ortega <g.ortega@free.fr>\nPour : contact@technopolice.fr\n\n"
             "Je soussigné Gilles Ortega, conseiller départemental de l'Aude, PS, signe.\n",
     "expected": [{"nom_complet": "Gilles Ortega", "mandat": "conseiller départemental de l'Aude", "parti": "PS",
                   "departement": "11"}]},
    {"id": "h09-absence-anglais", "from": "Jane Doe <jane@example.org>", "subject": "Automatic reply: Tribune",
     "body": "I am out of the office until April 20.\n", "expected": [], "reason": "automatique"},
    {"id": "h10-titre-avant-nom", "from": "Cabinet <cabinet@fabregues.fr>", "subject": "Tribune",
     "body": "Le maire signe la tribune.\n\nLe maire de Fabrègues,\nJacques Martinez\n",
     "expected": [{"nom_complet": "Jacques Martinez", "mandat": "maire de Fabrègues", "commune": "Fabrègues"}]},
    {"id": "h11-nom-apres-mandat", "from": "Cabinet de la maire <cabinet@poitiers.fr>", "subject": "Tribune",
     "body": "Madame la Maire de Poitiers, Léonore Moncond'huy, signe la tribune.\n",
     "expected": [{"nom_complet": "Léonore Moncond'huy", "mandat": "Maire de Poitiers", "commune": "Poitiers"}]},
    {"id": "h12-majuscules-tiret", "from": "j.bertrand@mauguio.fr", "subject": "Tribune",
     "body": "Je signe.\nCordialement\n\nJULIEN BERTRAND\nconseiller municipal - Mauguio\nEELV\n",
     "expected": [{"nom_complet": "JULIEN BERTRAND", "mandat": "conseiller municipal - Mauguio", "parti": "EELV",
                   "commune": "Mauguio"}]},
    {"id": "h13-abreviation-cm", "from": "Hugo Leroy <hugo.leroy@rennes.fr>", "subject": "Tribune",
     "body": "Je soussigné Hugo Leroy, CM de Rennes (35), EELV, signe.\n",
     "expected": [{"nom_complet": "Hugo Leroy", "mandat": "CM de Rennes (35)", "parti": "EELV", "commune": "Rennes",
                   "departement": "35"}]},
    {"id": "h14-desinscription", "from": "Bernard Lopez <b.lopez@wanadoo.fr>", "subject": "Re: Tribune",
     "body": "Merci de me retirer de votre liste.\n", "expected": [], "reason": "aucun mandat"},
    {"id": "h15-conseillere-communautaire", "from": "Élodie Garnier <elodie.garnier@gmail.com>", "subject": "Signature",
     "body": "Je soussignée Élodie Garnier, conseillère municipale et communautaire de Lattes (34), "
             "Génération écologie, signe la tribune.\n",
     "expected": [{"nom_complet": "Élodie Garnier", "mandat": "conseillère municipale et communautaire de Lattes (34)",
                   "parti": "Génération écologie", "commune": "Lattes", "departement": "34"}]},
]


# A second held-out batch, written at the end of session 2 and measured once before any fix
# (name P 0.91 R 0.91, mandate 0.73/0.73, party 0.86/1.00, commune 0.43/0.33, département 1.00/1.00);
# the generic causes were then fixed, so later figures on it are optimistic too.
HELDOUT_2: list[dict] = [
    {"id": "k01-signature-outlook-html", "from": "Anne-Sophie Leblanc <as.leblanc@orleans.fr>", "subject": "Tribune",
     "html": "<p>Bonjour,</p><p>Je vous confirme ma signature.</p><p>Bien à vous</p>"
             "<table><tr><td><b>Anne-Sophie LEBLANC</b><br>Adjointe au Maire d'Orléans<br>"
             "Déléguée à la transition écologique</td></tr></table>",
     "expected": [{"nom_complet": "Anne-Sophie LEBLANC", "mandat": "Adjointe au Maire d'Orléans", "commune": "Orléans"}]},
    {"id": "k02-inverse-virgule", "from": "m.dubois@gmail.com", "subject": "signature",
     "body": "DUBOIS Michel, maire de Saint-Pargoire (34), sans étiquette, signe la tribune.\n",
     "expected": [{"nom_complet": "DUBOIS Michel", "mandat": "maire de Saint-Pargoire (34)", "parti": "sans étiquette",
                   "commune": "Saint-Pargoire", "departement": "34"}]},
    {"id": "k03-je-soussigne-minuscules", "from": "karine.polge@orange.fr", "subject": "tribune",
     "body": "je soussignée karine polge conseillère municipale à saint-chinian je signe\n",
     "expected": [{"nom_complet": "karine polge", "mandat": "conseillère municipale à saint-chinian",
                   "commune": "saint-chinian"}]},
    {"id": "k04-deux-mandats", "from": "Luc Terrier <luc.terrier@gard.fr>", "subject": "Tribune",
     "body": "Je soussigné Luc Terrier, maire de Sommières et conseiller départemental du Gard (30), PS, signe.\n",
     "expected": [{"nom_complet": "Luc Terrier", "mandat": "maire de Sommières et conseiller départemental du Gard (30)",
                   "parti": "PS", "commune": "Sommières", "departement": "30"}]},
    {"id": "k05-liste-tableau-html", "from": "Groupe EELV Nantes <groupe@nantes.fr>", "subject": "Signatures",
     "html": "<p>Voici nos signatures :</p><table><tr><td>Julie Laernoes</td><td>conseillère municipale de Nantes</td>"
             "<td>EELV</td></tr><tr><td>Benjamin Mauduit</td><td>adjoint au maire de Nantes</td><td>EELV</td></tr></table>",
     "expected": [{"nom_complet": "Julie Laernoes", "mandat": "conseillère municipale de Nantes", "parti": "EELV",
                   "commune": "Nantes"},
                  {"nom_complet": "Benjamin Mauduit", "mandat": "adjoint au maire de Nantes", "parti": "EELV",
                   "commune": "Nantes"}]},
    {"id": "k06-ps-en-fin", "from": "Hervé Castan <h.castan@wanadoo.fr>", "subject": "Tribune VSA",
     "body": "Bonjour\n\nJe signe cette tribune.\n\nHervé Castan\nMaire de Roujan\n\nPS : merci de me tenir informé.\n",
     "expected": [{"nom_complet": "Hervé Castan", "mandat": "Maire de Roujan", "commune": "Roujan"}]},
    {"id": "k07-nom-dans-l-objet", "from": "secretariat@mairie-aniane.fr", "subject": "Signature de M. Philippe Salasc, maire d'Aniane",
     "body": "Bonjour,\nMonsieur le Maire souhaite signer la tribune.\nLe secrétariat\n",
     "expected": [{"nom_complet": "Philippe Salasc", "mandat": "maire d'Aniane", "commune": "Aniane"}]},
    {"id": "k08-vice-presidente-region", "from": "Agnès Langevine <agnes.langevine@laregion.fr>", "subject": "Tribune",
     "body": "Je soussignée Agnès Langevine, vice-présidente de la Région Occitanie (Les Écologistes), signe.\n",
     "expected": [{"nom_complet": "Agnès Langevine", "mandat": "vice-présidente de la Région Occitanie",
                   "parti": "Les Écologistes"}]},
    {"id": "k09-transfert-sans-texte", "from": "Collectif <contact@technopolice.fr>", "subject": "TR: tribune",
     "body": "\n-----Message d'origine-----\nDe : Sylvie Garcia <s.garcia@beziers.fr>\nEnvoyé : mardi 4 avril 2023 09:00\n"
             "À : contact@technopolice.fr\nObjet : tribune\n\nConseillère municipale de Béziers, je signe.\nSylvie Garcia\n",
     "expected": [{"nom_complet": "Sylvie Garcia", "mandat": "Conseillère municipale de Béziers", "commune": "Béziers"}]},
    {"id": "k10-question-avec-mandat", "from": "Pierre Vidal <p.vidal@gmail.com>", "subject": "Question",
     "body": "Bonjour, je suis conseiller municipal à Agde : est-ce que les conseillers d'opposition peuvent signer ?\n",
     "expected": [], "reason": "question"},
    {"id": "k11-signature-avec-tirets-et-parti-entre-parentheses", "from": "n.ferrand@laposte.net", "subject": "Tribune",
     "body": "Bonjour,\n\nNicole Ferrand (PCF) – conseillère départementale de la Seine-Saint-Denis\n\nBien cordialement\n",
     "expected": [{"nom_complet": "Nicole Ferrand", "mandat": "conseillère départementale de la Seine-Saint-Denis",
                   "parti": "PCF", "departement": "93"}]},
    {"id": "k12-accuse-reception-texte", "from": "noreply@mairie.fr", "subject": "Accusé de réception",
     "body": "Votre message a bien été reçu.\n", "expected": [], "reason": "automatique"},
]
