"""A small, fictitious RNE release written in the official 2026 file formats.

Used when data.gouv.fr cannot be reached (the demo says so) and by tests. Places are real
communes, départements and régions; every person is invented from common French names with a
seeded generator, so no real personal data ships with the project.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from ..domain.territories import DEPARTEMENTS, REGIONS

COMMUNES: list[tuple[str, str, str]] = [
    ("34172", "Montpellier", "34"), ("34057", "Castelnau-le-Lez", "34"),
    ("34270", "Saint-Jean-de-Védas", "34"), ("34032", "Béziers", "34"), ("34129", "Lattes", "34"),
    ("30034", "Bellegarde", "30"), ("45031", "Bellegarde", "45"), ("30189", "Nîmes", "30"),
    ("75056", "Paris", "75"), ("69123", "Lyon", "69"), ("69266", "Villeurbanne", "69"),
    ("13055", "Marseille", "13"), ("13001", "Aix-en-Provence", "13"), ("31555", "Toulouse", "31"),
    ("33063", "Bordeaux", "33"), ("44109", "Nantes", "44"), ("35238", "Rennes", "35"),
    ("29019", "Brest", "29"), ("59350", "Lille", "59"), ("67482", "Strasbourg", "67"),
    ("38185", "Grenoble", "38"), ("63113", "Clermont-Ferrand", "63"), ("2A004", "Ajaccio", "2A"),
    ("97209", "Fort-de-France", "972"), ("97411", "Saint-Denis", "974"), ("93066", "Saint-Denis", "93"),
    ("32013", "Auch", "32"), ("32107", "Condom", "32"), ("48095", "Mende", "48"),
    ("12202", "Rodez", "12"),
]
NOMS = [
    "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU",
    "LAURENT", "SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL",
    "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT",
    "MULLER", "FAURE", "ANDRÉ", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER",
    "FRANÇOIS", "LEGRAND", "GAUTHIER", "GARCIA", "PERRIN", "ROBIN", "CLÉMENT", "MORIN", "NICOLAS",
    "HENRY", "ROUSSEL", "MATHIEU", "GAUTIER", "MASSON", "MARCHAND", "DE LA TOUR D'AUVERGNE",
    "N'DIAYE", "LE GALL", "KERGOAT", "OLLIVIER-BRUNEL", "SAINT-ANDRÉ", "BENSAÏD", "NGUYEN",
    "HOARAU", "PAYET", "CASANOVA", "ETCHEVERRY", "LOPEZ", "SANCHEZ", "ÖZTÜRK",
]
PRENOMS_F = ["Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sophie", "Anne", "Christine",
             "Valérie", "Sandrine", "Céline", "Julie", "Camille", "Léa", "Marie-Christine",
             "Anne-Sophie", "Hélène", "Élodie", "Chloé", "Françoise", "Zoé", "Maëlle"]
PRENOMS_M = ["Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Patrick",
             "Jean-Pierre", "Jean-Luc", "Stéphane", "Thomas", "Julien", "François", "Éric",
             "Frédéric", "Laurent", "Olivier", "Hervé", "Loïc", "Noël", "Jérôme"]


# The official 2026 headers of each file (the tests write tiny releases with them too).
HEADERS: dict[str, list[str]] = {
    "cm": ["Code du département", "Libellé du département", "Code de la collectivité à statut particulier",
        "Libellé de la collectivité à statut particulier", "Code de la commune", "Libellé de la commune",
        "Nom de l'élu", "Prénom de l'élu", "Code sexe", "Date de naissance",
        "Code de la catégorie socio-professionnelle", "Libellé de la catégorie socio-professionnelle",
        "Date de début du mandat", "Libellé de la fonction", "Date de début de la fonction",
        "Code nationalité"],
    "mai": ["Code du département", "Libellé du département", "Code de la collectivité à statut particulier",
        "Libellé de la collectivité à statut particulier", "Code de la commune", "Libellé de la commune",
        "Nom de l'élu", "Prénom de l'élu", "Code sexe", "Date de naissance",
        "Code de la catégorie socio-professionnelle", "Libellé de la catégorie socio-professionnelle",
        "Date de début du mandat", "Date de début de la fonction"],
    "cd": ["Code du département", "Libellé du département", "Code du canton", "Libellé du canton",
        "Nom de l'élu", "Prénom de l'élu", "Code sexe", "Date de naissance",
        "Code de la catégorie socio-professionnelle", "Libellé de la catégorie socio-professionnelle",
        "Date de début du mandat", "Libellé de la fonction", "Date de début de la fonction"],
    "sen": ["Code du département", "Libellé du département", "Code de la collectivité à statut particulier",
        "Libellé de la collectivité à statut particulier", "Nom de l'élu", "Prénom de l'élu", "Code sexe",
        "Date de naissance", "Code de la catégorie socio-professionnelle",
        "Libellé de la catégorie socio-professionnelle", "Date de début du mandat"],
    "cr": ["Code de la région", "Libellé de la région", "Code de la section départementale",
        "Libellé de la section départementale", "Nom de l'élu", "Prénom de l'élu", "Code sexe",
        "Date de naissance", "Code de la catégorie socio-professionnelle",
        "Libellé de la catégorie socio-professionnelle", "Date de début du mandat",
        "Libellé de la fonction", "Date de début de la fonction"],
}


def _person(rng: random.Random) -> tuple[str, str, str, date]:
    sexe = rng.choice("MF")
    prenom = rng.choice(PRENOMS_F if sexe == "F" else PRENOMS_M)
    born = date(1945, 1, 1) + timedelta(days=rng.randrange(365 * 58))
    return rng.choice(NOMS), prenom, sexe, born


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.write_text("\n".join(";".join(r) for r in [header, *rows]) + "\n", "utf-8")


def write_sample_release(folder: Path, seed: int = 2026) -> Path:
    """Write the fictitious release into `folder`; returns it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    fr = lambda d: d.strftime("%d/%m/%Y")  # noqa: E731 - the 2026 files use dd/mm/yyyy
    cm_rows, mai_rows = [], []
    start = date(2026, 3, 15)
    for code, name, dep in COMMUNES:
        dep_name = DEPARTEMENTS[dep][0]
        size = rng.randint(11, 29)
        for i in range(size):
            nom, prenom, sexe, born = _person(rng)
            fonction = "Maire" if i == 0 else (f"{i}{'er' if i == 1 else 'ème'} adjoint au Maire" if i <= 4 else "")
            cm_rows.append([dep, dep_name, "", "", code, name, nom, prenom, sexe, born.isoformat(), "74",
                            "Ancien cadre", start.isoformat(), fonction, start.isoformat() if fonction else "", "FR"])
            if i == 0:
                mai_rows.append([dep, dep_name, "", "", code, name, nom, prenom, sexe, fr(born), "74",
                                 "Ancien cadre", fr(start), fr(start + timedelta(days=8))])
    _write(folder / "echantillon-conseillers-municipaux-cm.csv",
           HEADERS["cm"], cm_rows)
    _write(folder / "echantillon-maires-mai.csv",
           HEADERS["mai"], mai_rows)
    deps = sorted({d for _, _, d in COMMUNES})
    cd_rows, sen_rows = [], []
    for dep in deps:
        for k in range(1, 5):
            nom, prenom, sexe, born = _person(rng)
            cd_rows.append([dep, DEPARTEMENTS[dep][0], f"{dep}{k:02d}", f"Canton {k}", nom, prenom, sexe,
                            fr(born), "74", "Ancien cadre", "01/07/2021",
                            "Président du conseil départemental" if k == 1 else "", ""])
        nom, prenom, sexe, born = _person(rng)
        sen_rows.append([dep, DEPARTEMENTS[dep][0], "", "", nom, prenom, sexe, fr(born), "74", "Ancien cadre",
                         "01/10/2023"])
    _write(folder / "echantillon-conseillers-departementaux-cd.csv",
           HEADERS["cd"], cd_rows)
    _write(folder / "echantillon-senateurs-sen.csv",
           HEADERS["sen"], sen_rows)
    cr_rows = []
    for dep in deps:
        reg = DEPARTEMENTS[dep][1]
        for _ in range(3):
            nom, prenom, sexe, born = _person(rng)
            cr_rows.append([reg, REGIONS[reg], dep, DEPARTEMENTS[dep][0], nom, prenom, sexe, fr(born), "74",
                            "Ancien cadre", "02/07/2021", "", ""])
    _write(folder / "echantillon-conseillers-regionaux-cr.csv",
           HEADERS["cr"], cr_rows)
    return folder
