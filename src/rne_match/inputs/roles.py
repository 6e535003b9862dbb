"""Which column of a signature table holds what: the roles and the header names people use.

Shared by the table readers (to find the header row and the columns) and by the e-mail extractor
(« Nom : … / Mandat : … » fields use the same names), so it depends on neither.
"""

from __future__ import annotations

from ..domain.text import fold
from ..errors import InputError

ROLES: dict[str, tuple[str, ...]] = {
    "nom_complet": ("nom complet", "nom et prenom", "prenom et nom", "prenom nom", "nom prenom",
                    "nom et prenoms", "prenom s et nom", "prenom e et nom", "nom s",
                    "signataire", "signataires", "liste des signataires", "noms", "elus", "elues", "elu e s",
                    "nom prenom mandat", "nom prenom fonction", "identite et mandat", "full name", "fullname",
                    "name", "identite", "elu", "elue", "signature", "personne"),
    "nom": ("nom", "nom de famille", "last name", "lastname", "surname", "family name", "nom d usage",
            "nom de naissance", "nom elu"),
    "prenom": ("prenom", "prenoms", "first name", "firstname", "given name", "prenom elu"),
    "civilite": ("civilite", "titre", "genre", "sexe", "title", "gender", "civ"),
    "mandat": ("mandat", "mandats", "mandat s", "fonction", "fonctions", "qualite", "mandate", "position",
               "role", "titre du mandat", "mandat electif", "mandats electifs", "mandat exerce", "mandat actuel",
               "fonction elective"),
    "commune": ("commune", "ville", "city", "town", "localite", "collectivite", "municipalite",
                "lieu", "territoire", "commune de mandat", "lieu d exercice", "lieu du mandat"),
    "departement": ("departement", "dept", "dep", "dpt", "n dpt", "no dpt", "section", "section departementale", "departement numero", "code departement",
                    "department", "county", "num departement", "n de departement", "numero de departement"),
    "parti": ("parti", "etiquette", "groupe", "party", "affiliation", "parti politique",
              "mouvement", "organisation", "appartenance politique", "etiquette politique",
              "formation politique", "famille politique", "sensibilite", "sensibilite politique", "nuance",
              "nuance politique", "tendance", "groupe politique", "organisation politique"),
    "email": ("email", "e mail", "courriel", "mail", "adresse mail", "adresse email",
              "adresse electronique"),
    "date": ("date", "date de signature", "horodatage", "timestamp", "date signature", "signed at"),
}

LIST_ROLES = {"nom_complet": "nom_complet", "mandat": "mandat", "commune": "commune", "parti": "parti",
              "motif": "motif"}
# Columns of `rne-match extract`, whose roles are known without looking at headers.
MAIL_ROLES = {"nom_complet": "nom_complet", "nom": "nom", "prenom": "prenom", "civilite": "civilite",
              "mandat": "mandat", "commune": "commune", "departement": "departement", "parti": "parti",
              "email": "expediteur", "date": "message_date", "motif_message": "extraction_raison",
              "retrait": "retrait", "nom_deduit": "nom_deduit", "a_confirmer": "a_confirmer"}


def detect_roles(columns: list[str], explicit: dict[str, str] | None = None) -> dict[str, str]:
    roles: dict[str, str] = {}
    folded = {c: fold(c) for c in columns}
    for role, names in ROLES.items():
        for c in columns:
            if c in roles.values():
                continue
            if folded[c] in names:
                roles[role] = c
                break
    for role, names in ROLES.items():  # looser: header starts with a known name
        if role in roles:
            continue
        for c in columns:
            if c not in roles.values() and any(folded[c].startswith(n + " ") for n in names if len(n) > 3):
                roles[role] = c
                break
    if explicit:
        for role, col in explicit.items():
            if col not in columns:
                raise InputError(f"--columns : la colonne « {col} » n'existe pas (colonnes : {', '.join(columns)})")
            roles[role] = col
    return roles


def parse_columns_option(spec: str | None) -> dict[str, str]:
    """`nom=Last name,prenom=First name,mandat=Qualité`"""
    out: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise InputError(f"--columns : « {part} » devrait être de la forme rôle=colonne")
        role, col = (x.strip() for x in part.split("=", 1))
        if role not in ROLES:
            raise InputError(f"--columns : rôle inconnu « {role} » (rôles : {', '.join(ROLES)})")
        out[role] = col
    return out
