"""Official codes and names of départements and régions (COG 2026), overseas included.

A coverage table must list units that have no signer, and a mandate such as « conseiller régional
Languedoc-Roussillon » names a région that no longer exists: both need the list of territories
independently of what a given RNE release happens to contain.
"""

from __future__ import annotations

import re

from .text import fold

# code -> (name, région code)
DEPARTEMENTS: dict[str, tuple[str, str]] = {
    "01": ("Ain", "84"),
    "02": ("Aisne", "32"),
    "03": ("Allier", "84"),
    "04": ("Alpes-de-Haute-Provence", "93"),
    "05": ("Hautes-Alpes", "93"),
    "06": ("Alpes-Maritimes", "93"),
    "07": ("Ardèche", "84"),
    "08": ("Ardennes", "44"),
    "09": ("Ariège", "76"),
    "10": ("Aube", "44"),
    "11": ("Aude", "76"),
    "12": ("Aveyron", "76"),
    "13": ("Bouches-du-Rhône", "93"),
    "14": ("Calvados", "28"),
    "15": ("Cantal", "84"),
    "16": ("Charente", "75"),
    "17": ("Charente-Maritime", "75"),
    "18": ("Cher", "24"),
    "19": ("Corrèze", "75"),
    "21": ("Côte-d'Or", "27"),
    "22": ("Côtes-d'Armor", "53"),
    "23": ("Creuse", "75"),
    "24": ("Dordogne", "75"),
    "25": ("Doubs", "27"),
    "26": ("Drôme", "84"),
    "27": ("Eure", "28"),
    "28": ("Eure-et-Loir", "24"),
    "29": ("Finistère", "53"),
    "2A": ("Corse-du-Sud", "94"),
    "2B": ("Haute-Corse", "94"),
    "30": ("Gard", "76"),
    "31": ("Haute-Garonne", "76"),
    "32": ("Gers", "76"),
    "33": ("Gironde", "75"),
    "34": ("Hérault", "76"),
    "35": ("Ille-et-Vilaine", "53"),
    "36": ("Indre", "24"),
    "37": ("Indre-et-Loire", "24"),
    "38": ("Isère", "84"),
    "39": ("Jura", "27"),
    "40": ("Landes", "75"),
    "41": ("Loir-et-Cher", "24"),
    "42": ("Loire", "84"),
    "43": ("Haute-Loire", "84"),
    "44": ("Loire-Atlantique", "52"),
    "45": ("Loiret", "24"),
    "46": ("Lot", "76"),
    "47": ("Lot-et-Garonne", "75"),
    "48": ("Lozère", "76"),
    "49": ("Maine-et-Loire", "52"),
    "50": ("Manche", "28"),
    "51": ("Marne", "44"),
    "52": ("Haute-Marne", "44"),
    "53": ("Mayenne", "52"),
    "54": ("Meurthe-et-Moselle", "44"),
    "55": ("Meuse", "44"),
    "56": ("Morbihan", "53"),
    "57": ("Moselle", "44"),
    "58": ("Nièvre", "27"),
    "59": ("Nord", "32"),
    "60": ("Oise", "32"),
    "61": ("Orne", "28"),
    "62": ("Pas-de-Calais", "32"),
    "63": ("Puy-de-Dôme", "84"),
    "64": ("Pyrénées-Atlantiques", "75"),
    "65": ("Hautes-Pyrénées", "76"),
    "66": ("Pyrénées-Orientales", "76"),
    "67": ("Bas-Rhin", "44"),
    "68": ("Haut-Rhin", "44"),
    "69": ("Rhône", "84"),
    "70": ("Haute-Saône", "27"),
    "71": ("Saône-et-Loire", "27"),
    "72": ("Sarthe", "52"),
    "73": ("Savoie", "84"),
    "74": ("Haute-Savoie", "84"),
    "75": ("Paris", "11"),
    "76": ("Seine-Maritime", "28"),
    "77": ("Seine-et-Marne", "11"),
    "78": ("Yvelines", "11"),
    "79": ("Deux-Sèvres", "75"),
    "80": ("Somme", "32"),
    "81": ("Tarn", "76"),
    "82": ("Tarn-et-Garonne", "76"),
    "83": ("Var", "93"),
    "84": ("Vaucluse", "93"),
    "85": ("Vendée", "52"),
    "86": ("Vienne", "75"),
    "87": ("Haute-Vienne", "75"),
    "88": ("Vosges", "44"),
    "89": ("Yonne", "27"),
    "90": ("Territoire de Belfort", "27"),
    "91": ("Essonne", "11"),
    "92": ("Hauts-de-Seine", "11"),
    "93": ("Seine-Saint-Denis", "11"),
    "94": ("Val-de-Marne", "11"),
    "95": ("Val-d'Oise", "11"),
    "971": ("Guadeloupe", "01"),
    "972": ("Martinique", "02"),
    "973": ("Guyane", "03"),
    "974": ("La Réunion", "04"),
    "976": ("Mayotte", "06"),
    "975": ("Saint-Pierre-et-Miquelon", "975"),
    "977": ("Saint-Barthélemy", "977"),
    "978": ("Saint-Martin", "978"),
    "984": ("Terres australes et antarctiques françaises", "984"),
    "986": ("Wallis et Futuna", "986"),
    "987": ("Polynésie française", "987"),
    "988": ("Nouvelle-Calédonie", "988"),
}

# code -> name (régions and the collectivités d'outre-mer that stand as their own région)
REGIONS: dict[str, str] = {
    "01": "Guadeloupe",
    "02": "Martinique",
    "03": "Guyane",
    "04": "La Réunion",
    "06": "Mayotte",
    "11": "Île-de-France",
    "24": "Centre-Val de Loire",
    "27": "Bourgogne-Franche-Comté",
    "28": "Normandie",
    "32": "Hauts-de-France",
    "44": "Grand Est",
    "52": "Pays de la Loire",
    "53": "Bretagne",
    "75": "Nouvelle-Aquitaine",
    "76": "Occitanie",
    "84": "Auvergne-Rhône-Alpes",
    "93": "Provence-Alpes-Côte d'Azur",
    "94": "Corse",
    "975": "Saint-Pierre-et-Miquelon",
    "977": "Saint-Barthélemy",
    "978": "Saint-Martin",
    "984": "Terres australes et antarctiques françaises",
    "986": "Wallis et Futuna",
    "987": "Polynésie française",
    "988": "Nouvelle-Calédonie",
}

# Régions merged in 2016, still written by signers: old name -> current région code.
OLD_REGIONS: dict[str, str] = {
    "Alsace": "44", "Champagne-Ardenne": "44", "Lorraine": "44",
    "Aquitaine": "75", "Limousin": "75", "Poitou-Charentes": "75",
    "Auvergne": "84", "Rhône-Alpes": "84",
    "Bourgogne": "27", "Franche-Comté": "27",
    "Languedoc-Roussillon": "76", "Midi-Pyrénées": "76",
    "Nord-Pas-de-Calais": "32", "Picardie": "32",
    "Basse-Normandie": "28", "Haute-Normandie": "28",
    "Centre": "24", "Provence-Alpes-Côte d'Azur": "93", "PACA": "93",
    "Alsace-Champagne-Ardenne-Lorraine": "44", "ACAL": "44", "Grand Est": "44",
    "Nord-Pas-de-Calais-Picardie": "32", "Languedoc-Roussillon-Midi-Pyrénées": "76",
    "Aquitaine-Limousin-Poitou-Charentes": "75", "Île-de-France": "11", "Ile de France": "11",
    "Région Sud": "93", "Sud": "93",
}

# Before 2021 the RNE wrote overseas départements with letters.
OLD_DEPARTEMENT_CODES: dict[str, str] = {
    "ZA": "971", "ZB": "972", "ZC": "973", "ZD": "974", "ZM": "976", "ZS": "975",
    "ZN": "988", "ZP": "987", "ZW": "986",
}


# Territories that hold others, as signers name them and the RNE codes them: Rhône (69) holds the
# Métropole de Lyon (69M) and the rest of the département (69D); the Collectivité européenne
# d'Alsace (6AE) is the Bas-Rhin and the Haut-Rhin; Corse (20) is Corse-du-Sud and Haute-Corse.
DEP_CONTAINS: dict[str, tuple[str, ...]] = {"69": ("69M", "69D"), "6AE": ("67", "68"), "20": ("2A", "2B")}


def same_departement_keys() -> list[str]:
    """« stated|registry » pairs of département codes that agree: equal, or one holds the other."""
    pairs = {(c, c) for c in DEPARTEMENTS} | {(c, c) for c in DEP_CONTAINS}
    for parent, children in DEP_CONTAINS.items():
        for child in children:
            pairs |= {(parent, child), (child, parent)}
    return sorted(f"{a}|{b}" for a, b in pairs)


# Folded name -> code: « Hérault », « herault », « HÉRAULT » all give 34.
DEP_BY_NAME: dict[str, str] = {fold(name): code for code, (name, _) in DEPARTEMENTS.items()}


def departement_code(text: str) -> str | None:
    """« 34 », « Hérault », « Hérault (34) », « 2a » → official code; None if unknown."""
    m = re.search(r"\b(\d{1,3}|2[abAB])\b", text)  # « 1 » from a spreadsheet is the Ain
    if m:
        code = m.group(1).upper().zfill(2)
        if code in DEPARTEMENTS:
            return code
    return DEP_BY_NAME.get(fold(re.sub(r"\(.*?\)", "", text)))
