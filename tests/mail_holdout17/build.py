#!/usr/bin/env python3
"""Seventeenth held-out petition mailbox (tests/mail_holdout17): builder.

    python tests/mail_holdout17/build.py            # rewrites messages/ and labels.csv

A political call of elected officials relayed by party networks, as the real ones are: « Nous,
élu·es, demandons l'encadrement des loyers partout où il est demandé » (invented campaign, invented
organisers, `.example` domains, February 2027). Signers are mostly municipal councillors (often in
opposition), adjoint·es, mayors of small towns, departmental, regional and metropolitan councillors,
who give their party; about 15 % are impostors (five kinds, `not_elected` being activists, candidates
and former councillors signing as if they held a mandate).

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris winter time, February 2027), Message-IDs and MIME boundaries drawn from the
generator in each client's own shape. Reads the real 2026 RNE release (../shared/rne/release-2026,
every file), one 2022 mayors file of ../shared/rne/history (former mayors) and the COG
(../shared/cog) at build time; nothing of ../shared is copied into the repository except, in the
messages, the drawn people's name, sex, mandate and place. Birth dates are read only to tell
homonyms apart and are written nowhere.

Self-contained: the reading helpers, client quoting and encoding machinery come from
tests/mail_holdout5/build.py (copied, not imported). Written without reading the extraction code,
its tests, nor any message of the earlier held-out corpora.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import json
import os
import random
import re
import shutil
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from email.charset import BASE64, QP, Charset
from email.header import Header
from pathlib import Path

SEED = 2027_0203
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "loyers-justes.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"appel-elus@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Loyers justes"
ORGANISERS = [
    ("Clémentine", "VAUDREMONT-OLLIVRAY"),
    ("Loïc", "QUERNEAU-DAVERGNE"),
]  # invented; checked absent
# party relays, group staff, list moderators: invented, checked absent from every 2026 file
STAFF = [
    ("Maëva", "TROUSSELIER-KERGONAN"),
    ("Bastien", "ÉCHALLIER-PONSOLLE"),
    ("Nadège", "FOURCADIER-LAMBRECQ"),
    ("Yanis", "BOUDJEMLINE-ARCHAMBEAU"),
    ("Gaëlle", "MORVRANCHE-SAINTOBERT"),
    ("Timothée", "DELAUVERGNE-HUCHARD"),
    ("Inès", "CARRABIGNOLE-VENDRAN"),
    ("Quentin", "LAFFOURCADE-TRÉMÉAC"),
]
CALL_TITLE = "Appel des élu·es pour l'encadrement des loyers"
LABEL_COLS = [
    "message_file",
    "thread",
    "intent",
    "case",
    "shape",
    "nom",
    "prenom",
    "truth_kind",
    "truth_code_commune",
    "truth_code_departement",
    "expected",
    "impostor_type",
    "refers_to",
    "client",
    "encoding",
]


# --------------------------------------------------------------------------- text helpers
def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(t for t in re.split(r"[^a-z0-9]+", s) if t)


def ident(nom: str, prenom: str) -> str:
    return fold(nom) + "|" + fold(prenom)


def noacc(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def birth_key(s: str) -> str:
    s = (s or "").strip()[:10]
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", s)
    if m:
        return f"{m[3]}{m[2]}{m[1][2:]}"
    m = re.match(r"(\d\d)/(\d\d)/(\d{2,4})", s)
    return f"{m[1]}{m[2]}{m[3][-2:]}" if m else s


def nom_case(nom: str) -> str:
    """« DE LA RONCIÈRE » -> « de La Roncière », « LE GOFF-KERBRAT » -> « Le Goff-Kerbrat »."""
    out = []
    words = nom.split(" ")
    for i, w in enumerate(words):
        if w.upper() in ("DE", "DU", "DES") and i < len(words) - 1:
            out.append(w.lower())
            continue
        parts = re.split(r"([-'’])", w)
        res = []
        for j, pt in enumerate(parts):
            if pt in ("-", "'", "’"):
                res.append(pt)
            elif (
                j + 1 < len(parts)
                and parts[j + 1] in ("'", "’")
                and pt.upper() == "D"
                and i + j > 0
                or j > 0
                and parts[j - 1] in ("'", "’")
                and len(res) >= 2
                and res[-2].upper() not in ("D", "L")
            ):
                res.append(pt.lower())
            else:
                res.append(pt[:1].upper() + pt[1:].lower())
        out.append("".join(res))
    return " ".join(out)


def initials(prenom: str, style: str = "std") -> str:
    """« Jean-Pierre »: std « J.-P. », nodot « J-P », dots « J.P. », hy « J-P. »; « Marie » -> « M. »."""
    parts = [w for w in re.split(r"[- ]", prenom) if w]
    letters = [w[0].upper() for w in parts]
    if len(letters) == 1:
        return letters[0] + ("" if style == "nodot" else ".")
    if style == "std":
        return "-".join(c + "." for c in letters)
    if style == "nodot":
        return "-".join(letters)
    if style == "dots":
        return "".join(c + "." for c in letters)
    return "-".join(letters) + "."


def cap1(s: str) -> str:
    return s[:1].upper() + s[1:]


FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
FR_DAY_ABBR = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
FR_MON_ABBR = [
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
]
EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
EN_DAYS_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EN_MONTHS_LONG = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# --------------------------------------------------------------------------- places (COG)
_ALL = json.loads((COG / "communes.json").read_text("utf-8"))
COMMUNES = {c["code"]: c for c in _ALL if c.get("type") == "commune-actuelle"}
NAME_COUNT = Counter(fold(c["nom"]) for c in COMMUNES.values())
DEPTS = {d["code"]: d for d in json.loads((COG / "departements.json").read_text("utf-8"))}
REGIONS = {r["code"]: r for r in json.loads((COG / "regions.json").read_text("utf-8"))}
EPCIS = json.loads((COG / "epci.json").read_text("utf-8"))
ARTICLE = {
    0: ("", "de "),
    1: ("", "d'"),
    2: ("Le ", "du "),
    3: ("La ", "de la "),
    4: ("Les ", "des "),
    5: ("L'", "de l'"),
}
REGION_SHORT = {
    "84": "AuRA",
    "27": "BFC",
    "53": "Bretagne",
    "24": "CVL",
    "44": "Grand Est",
    "32": "HdF",
    "11": "IDF",
    "28": "Normandie",
    "75": "Nouvelle-Aquitaine",
    "76": "Occitanie",
    "52": "PDL",
    "93": "Région Sud",
    "01": "Guadeloupe",
    "04": "Réunion",
}


def de_place(name: str, tl) -> str:
    """« de Brest », « du Mans », « de la Manche », « d'Ercé »; name as the COG writes it (with its article)."""
    art, de = ARTICLE.get(tl or 0, ("", "de "))
    if art and name.startswith(art):
        name = name[len(art) :]
    return de + name


SMALL = {
    "En",
    "Sur",
    "Les",
    "La",
    "Le",
    "De",
    "Du",
    "Des",
    "Et",
    "Aux",
    "Au",
    "Lès",
    "Sous",
    "D",
    "L",
}


def pretty(name: str) -> str:
    """RNE labels « Ambérieu-En-Bugey » -> « Ambérieu-en-Bugey »."""
    parts = re.split(r"([- '])", name)
    return "".join(w.lower() if i > 0 and w in SMALL else w for i, w in enumerate(parts))


def de_name(name: str) -> str:
    """« de Brest-2 », « d'Ambérieu-en-Bugey », « du Mans-1 », « de la Ferté-Bernard »."""
    name = pretty(name)
    for art, de in (("Le ", "du "), ("La ", "de la "), ("Les ", "des "), ("L'", "de l'")):
        if name.startswith(art):
            return de + name[len(art) :]
    return ("d'" if noacc(name[:1]).upper() in "AEIOUY" else "de ") + name


def a_place(name: str, tl) -> str:
    """« à Brest », « au Mans », « aux Sables-d'Olonne »."""
    if tl == 2 and name.startswith("Le "):
        return "au " + name[3:]
    if tl == 4 and name.startswith("Les "):
        return "aux " + name[4:]
    return "à " + name


def dept_name(code: str) -> str:
    if code == "6AE":
        return "Collectivité européenne d'Alsace"
    return DEPTS[code]["nom"] if code in DEPTS else code


def de_dept(code: str) -> str:
    d = DEPTS.get(code)
    return de_place(d["nom"], d.get("typeLiaison")) if d else f"du {code}"


def postcode(code: str) -> str:
    c = COMMUNES.get(code)
    return c["codesPostaux"][0] if c and c.get("codesPostaux") else ""


def epci_label(nom: str) -> str:
    for a, b in (
        ("CC ", "communauté de communes "),
        ("CA ", "communauté d'agglomération "),
        ("CU ", "communauté urbaine "),
        ("Métropole ", "Métropole "),
    ):
        if nom.startswith(a):
            return b + nom[len(a) :].replace(" - ", "-")
    return nom


# --------------------------------------------------------------------------- the registry
@dataclass(slots=True)
class P:
    kind: str  # mai cm mdel cd cr ma ca; "" for impostors
    nom: str
    prenom: str
    sexe: str
    dep: str = ""
    commune_code: str = ""
    commune: str = ""
    tl: int = 0
    fonction: str = ""
    canton: str = ""
    region: str = ""
    region_code: str = ""
    region_tl: int = 0
    coll: str = ""
    secteur: str = ""
    impostor: str = ""
    truth_commune: str = ""
    truth_dep: str = ""

    @property
    def f(self) -> bool:
        return self.sexe == "F"


def read_rows(path: Path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as fh:
        yield from csv.DictReader(fh, delimiter=";")


class Registry:
    def __init__(self):
        self.births: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.depts_of: dict[str, set[str]] = defaultdict(set)
        self.init_dep: dict[tuple, int] = defaultdict(int)
        self.pool: dict[str, list[P]] = defaultdict(list)
        self.by_commune: dict[str, list[P]] = defaultdict(list)
        self.mayor_of: dict[str, P] = {}
        self.rows_of: dict[str, list[P]] = defaultdict(list)
        # (commune code, folded first name) -> words of the surnames carried there (former_2022 check)
        self.words_at: dict[tuple[str, str], set[str]] = defaultdict(set)
        for path in sorted(RELEASE.glob("*.csv")):
            kind = path.name.rsplit("-", 1)[-1].split(".")[0]
            for r in read_rows(path):
                nom, prenom = r.get("Nom de l'élu") or "", r.get("Prénom de l'élu") or ""
                k = ident(nom, prenom)
                self.births[k].add(birth_key(r.get("Date de naissance", "")))
                self.surnames[fold(nom)].add(fold(prenom))
                dep = (
                    r.get("Code du département") or r.get("Code de la section départementale") or ""
                )
                dep = dep.zfill(2) if dep.isdigit() else dep
                if dep:
                    self.depts_of[k].add(dep)
                self.init_dep[(fold(nom), fold(initials(prenom)), dep)] += 1
                cc = r.get("Code de la commune") or ""
                if cc:
                    self.words_at[(cc, fold(prenom))].update(fold(nom).split())
                p = self.person(kind, r)
                if p is None:
                    continue
                if p.kind == "cm" and p.fonction.startswith("Maire délégué"):
                    p.kind = "mdel"
                self.pool[p.kind].append(p)
                self.rows_of[k].append(p)
                if p.kind in ("cm", "mdel") and p.commune_code:
                    self.by_commune[p.commune_code].append(p)
                if p.kind == "mai":
                    self.mayor_of[p.commune_code] = p

    @staticmethod
    def person(kind: str, r: dict) -> P | None:
        g = r.get
        base = dict(
            nom=g("Nom de l'élu") or "",
            prenom=g("Prénom de l'élu") or "",
            sexe=g("Code sexe") or "",
            fonction=g("Libellé de la fonction") or "",
        )
        if kind in ("mai", "cm"):
            if kind == "cm" and base["fonction"] == "Maire":
                return None
            cc, dep = g("Code de la commune"), g("Code du département")
            c = COMMUNES.get(cc)
            if not c:
                return None
            return P(
                kind,
                **base,
                dep=dep or c.get("departement", ""),
                commune_code=cc,
                commune=c["nom"],
                tl=c.get("typeLiaison") or 0,
                region_code=c.get("region", ""),
                truth_commune=cc,
                truth_dep=dep,
            )
        if kind == "cd":
            dep = g("Code du département")
            return P("cd", **base, dep=dep, canton=g("Libellé du canton"), truth_dep=dep)
        if kind == "cr":
            reg = REGIONS.get(g("Code de la région"), {})
            return P(
                "cr",
                **base,
                region=reg.get("nom", g("Libellé de la région")),
                region_code=g("Code de la région"),
                region_tl=reg.get("typeLiaison") or 0,
                dep=g("Code de la section départementale"),
                truth_dep=g("Code de la section départementale"),
            )
        if kind == "ma":
            coll = g("Code de la collectivité à statut particulier")
            if coll not in ("69M", "94", "972", "973"):
                return None
            return P(
                "ma",
                **base,
                coll=coll,
                dep=g("Code du département") or "",
                secteur=g("Libellé de la circonscription métropolitaine") or "",
                truth_dep=g("Code du département") or "",
            )
        if kind == "ca":
            cc = g("Code de la commune")
            return P(
                "ca",
                **base,
                dep=g("Code du département"),
                commune_code=cc,
                commune=g("Libellé de la commune"),
                secteur=g("Libellé du secteur"),
                truth_commune=cc,
                truth_dep=g("Code du département"),
            )
        return None

    def unique(self, p: P) -> bool:
        return len(self.births.get(ident(p.nom, p.prenom), ())) == 1

    def absent(self, nom: str, prenom: str) -> bool:
        return ident(nom, prenom) not in self.births


FIRST_F = [
    "Aglaé",
    "Philippine",
    "Bertille",
    "Eulalie",
    "Domitille",
    "Sixtine",
    "Ysaline",
    "Mahaut",
    "Albane",
    "Félicie",
    "Hortense",
    "Ninon",
    "Gwladys",
    "Prune",
]
FIRST_M = [
    "Aristide",
    "Gatien",
    "Hippolyte",
    "Côme",
    "Léandre",
    "Achille",
    "Baudouin",
    "Isidore",
    "Lazare",
    "Théophile",
    "Gauvain",
    "Sosthène",
    "Évrard",
    "Anselme",
]
INVENTED_NOMS = [
    "KERVELLEC-ABADIE",
    "MONTAGNAC-DUVERNEY",
    "RABASTENS-LOUVIER",
    "PRUDHOMMEAU-SALVI",
    "VILLEBRUN-SAUTEL",
    "BERTHOMIEU-ASTRUC",
    "LAGRANGETTE-PLOUZENNEC",
    "DOUCHAMPS-RIVALLAIN",
    "MIRABELLI-COSTEDOAT",
    "FONTAGNÈRES-LEBIHAN",
    "HAUTERIVE-MAZURIER",
    "SAINTOYANT-BROUCKE",
]
COMMON_NOMS = [
    "MARTIN",
    "BERNARD",
    "PETIT",
    "ROUX",
    "FAURE",
    "MOREL",
    "GIRARD",
    "LEFEBVRE",
    "MERCIER",
    "BLANC",
    "GUERIN",
    "BOYER",
    "GARNIER",
    "CHEVALIER",
    "FRANCOIS",
    "LEGRAND",
    "GAUTHIER",
    "PERRIN",
    "ROBIN",
    "CLEMENT",
]
COMMON_F = [
    "Léa",
    "Manon",
    "Camille",
    "Chloé",
    "Inès",
    "Jade",
    "Lucie",
    "Zoé",
    "Salomé",
    "Anaïs",
    "Margaux",
    "Elsa",
]
COMMON_M = [
    "Hugo",
    "Théo",
    "Lucas",
    "Nathan",
    "Mathis",
    "Enzo",
    "Tom",
    "Yanis",
    "Bastien",
    "Rémi",
    "Adrien",
    "Malik",
]
# what activists, candidates and former councillors write as if it were a mandate: ((m, f), « à »/« de »)
NOT_ELECTED_CLAIMS = [
    (("candidat aux municipales de 2026", "candidate aux municipales de 2026"), "à"),
    (("ancien conseiller municipal", "ancienne conseillère municipale"), "de"),
    (("militant EELV", "militante EELV"), "à"),
    (
        ("co-animateur du groupe d'action insoumis", "co-animatrice du groupe d'action insoumis"),
        "de",
    ),
    (("conseiller de quartier", "conseillère de quartier"), "à"),
    (("ancien adjoint au maire", "ancienne adjointe au maire"), "de"),
    (("secrétaire de la section PCF", "secrétaire de la section PCF"), "de"),
    (
        (
            "tête de liste de gauche aux municipales 2026",
            "tête de liste de gauche aux municipales 2026",
        ),
        "à",
    ),
]


def is_metropole(nom: str) -> bool:
    """A métropole (not a CA or CU carrying the word, not the Métropole de Lyon, a collectivity of its own)."""
    return (
        "Métropole" in nom
        and not nom.startswith(("CA ", "CU ", "CC "))
        and nom != "Métropole de Lyon"
    )


def pop(code: str) -> int:
    return (COMMUNES.get(code) or {}).get("population") or 0


PARTIES = [
    "PS",
    "EELV",
    "sans étiquette",
    "divers gauche",
    "PCF",
    "LR",
    "DVG",
    "Les Écologistes",
    "Renaissance",
    "Horizons",
    "MoDem",
    "LFI",
    "UDI",
    "Génération·s",
    "Place publique",
    "DVD",
    "Régions et Peuples Solidaires",
]
DELEGATIONS = [
    "à la voirie",
    "aux affaires sociales",
    "à la santé",
    "aux sports",
    "à la petite enfance",
    "au personnel",
    "aux aînés",
    "à la jeunesse",
    "aux travaux",
    "au CCAS",
    "aux associations",
    "à l'urbanisme",
]


# --------------------------------------------------------------------------- mandates
def e(p: P, m: str, f: str) -> str:
    return f if p.f else m


def rank(fonction: str) -> int:
    m = re.match(r"(\d+)", fonction)
    return int(m[1]) if m else 0


def ordinal(n: int, p: P, style: str = "e") -> str:
    if n == 1:
        return {
            "e": e(p, "1er", "1re"),
            "eme": e(p, "1er", "1ère"),
            "word": e(p, "premier", "première"),
        }[style]
    words = [
        "",
        "",
        "deuxième",
        "troisième",
        "quatrième",
        "cinquième",
        "sixième",
        "septième",
        "huitième",
        "neuvième",
        "dixième",
    ]
    if style == "word" and n < len(words):
        return words[n]
    return f"{n}ème" if style == "eme" else f"{n}e"


def sector(p: P) -> tuple[str, int]:
    m = re.match(r"(Paris|Lyon|Marseille)\s+(?:Secteur\s+)?(\d+)", p.secteur)
    return (m[1], int(m[2])) if m else (p.commune, 0)


def coll_name(coll: str) -> str:
    return {
        "69M": "Métropole de Lyon",
        "94": "Collectivité de Corse",
        "972": "Collectivité territoriale de Martinique",
        "973": "Collectivité territoriale de Guyane",
    }[coll]


def homonym(p: P) -> bool:
    return bool(p.commune) and NAME_COUNT[fold(p.commune)] > 1


def dtag(p: P, form: str = "paren") -> str:
    if not p.dep or p.dep not in DEPTS:
        return ""
    return {
        "paren": f"({p.dep})",
        "bare": p.dep,
        "name": dept_name(p.dep),
        "paren_name": f"({dept_name(p.dep)})",
    }[form]


def where_commune(p: P, rng: random.Random, force_dep: bool = False) -> str:
    """« de Brest », « de Brest (29) » when the name is shared or at random."""
    s = de_place(p.commune, p.tl)
    if (force_dep or homonym(p) or rng.random() < 0.3) and dtag(p):
        s += " " + dtag(p, rng.choice(["paren", "paren", "paren_name"]))
    return s


def ca_where(p: P, form: str = "std") -> str:
    city, n = sector(p)
    if city == "Paris":
        if n == 1:
            return {"std": "de Paris Centre", "short": "Paris Centre", "num": "Paris Centre"}[form]
        return {
            "std": f"du {n}e arrondissement de Paris",
            "short": f"du {n}e (Paris)",
            "num": f"Paris {n}e",
        }[form]
    if city == "Lyon":
        suf = "er" if n == 1 else "e"
        return {
            "std": f"du {n}{suf} arrondissement de Lyon",
            "short": f"du {n}{suf} arrdt de Lyon",
            "num": f"Lyon {n}{suf}",
        }[form]
    a, b = MARSEILLE_SECTORS[n]
    return {
        "std": f"des {a}{'er' if a == 1 else 'e'} et {b}e arrondissements de Marseille",
        "short": f"Marseille {a}/{b}",
        "num": f"Marseille {a}-{b}",
    }[form]


# the real sectors of Marseille: two arrondissements each
MARSEILLE_SECTORS = {
    1: (1, 7),
    2: (2, 3),
    3: (4, 5),
    4: (6, 8),
    5: (9, 10),
    6: (11, 12),
    7: (13, 14),
    8: (15, 16),
}


def mandate(p: P, rng: random.Random, force_dep: bool = False) -> str:
    """The plain full way of writing a mandate, with its place."""
    f = p.fonction
    if p.impostor == "not_elected":
        return f"{f} " + (
            a_place(p.commune, p.tl) if p.canton == "à" else where_commune(p, rng, True)
        )
    if p.impostor:
        w = where_commune(p, rng, True)
        return (
            f"maire {w}"
            if f == "Maire"
            else f"{e(p, 'conseiller municipal', 'conseillère municipale')} {w}"
        )
    if p.kind == "mai":
        return f"maire {where_commune(p, rng, force_dep)}"
    if p.kind == "mdel":
        return f"{e(p, 'maire délégué', 'maire déléguée')} (commune nouvelle {where_commune(p, rng, force_dep)})"
    if p.kind == "cm":
        if p.commune_code == "75056":
            return e(p, "conseiller de Paris", "conseillère de Paris")
        if "adjoint" in f:
            return f"{ordinal(rank(f), p)} {e(p, 'adjoint', 'adjointe')} au maire {where_commune(p, rng, force_dep)}"
        return f"{e(p, 'conseiller municipal', 'conseillère municipale')} {where_commune(p, rng, force_dep)}"
    if p.kind == "cd":
        dd = de_dept(p.dep) if p.dep != "6AE" else ""
        if p.dep == "6AE":
            base = e(p, "conseiller d'Alsace", "conseillère d'Alsace")
            if f.startswith("Président"):
                base = f"{e(p, 'président', 'présidente')} de la Collectivité européenne d'Alsace"
            elif "Vice" in f:
                base = f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} de la Collectivité européenne d'Alsace"
            return base + f" (canton {de_name(p.canton)})"
        if f.startswith("Président"):
            return f"{e(p, 'président', 'présidente')} du conseil départemental {dd}"
        if "Vice" in f:
            return f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} du conseil départemental {dd}"
        return (
            f"{e(p, 'conseiller départemental', 'conseillère départementale')} {dd}"
            + rng.choice(["", f" (canton {de_name(p.canton)})"])
        )
    if p.kind == "cr":
        rr = de_place(p.region, p.region_tl)
        if f.startswith("Président"):
            return f"{e(p, 'président', 'présidente')} du conseil régional {rr}"
        if "Vice" in f:
            return f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} du conseil régional {rr}"
        return f"{e(p, 'conseiller régional', 'conseillère régionale')} {rr}"
    if p.kind == "ma":
        if p.coll == "69M":
            return f"{e(p, 'conseiller métropolitain', 'conseillère métropolitaine')} (Métropole de Lyon)"
        if p.coll == "94":
            return f"{e(p, 'conseiller', 'conseillère')} à l'Assemblée de Corse"
        return f"{e(p, 'conseiller', 'conseillère')} à l'Assemblée de {'Martinique' if p.coll == '972' else 'Guyane'}"
    if p.kind == "ca":
        if f.startswith("Maire"):
            return f"maire {ca_where(p)}"
        if "adjoint" in f:
            return f"{ordinal(rank(f), p)} {e(p, 'adjoint', 'adjointe')} au maire {ca_where(p)}"
        return f"{e(p, 'conseiller', 'conseillère')} d'arrondissement {ca_where(p)}"
    raise ValueError(p.kind)


def display(p: P, style: str) -> str:
    pn, nm = p.prenom, p.nom
    return {
        "std": f"{pn} {nm}",
        "inv": f"{nm} {pn}",
        "cased": f"{pn} {nom_case(nm)}",
        "cased_inv": f"{nom_case(nm)} {pn}",
        "caps": f"{pn.upper()} {nm}",
        "caps_noacc": noacc(f"{pn} {nm}").upper(),
        "caps_inv": noacc(f"{nm} {pn}").upper(),
        "lower": noacc(f"{pn} {nm}").lower(),
        "lower_inv": noacc(f"{nm} {pn}").lower(),
        "comma": f"{nm}, {pn}",
        "comma_cased": f"{nom_case(nm)}, {pn}",
    }[style]


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", noacc(s).lower()).strip("-")


MAILBOXES = [
    "orange.fr",
    "wanadoo.fr",
    "laposte.net",
    "free.fr",
    "sfr.fr",
    "gmail.com",
    "yahoo.fr",
    "hotmail.fr",
    "outlook.fr",
    "icloud.com",
    "neuf.fr",
    "bbox.fr",
]


def addr_of(p: P, rng: random.Random, dom: str | None = None) -> str:
    fn, nm = slug(p.prenom).replace("-", ""), slug(p.nom).replace("-", "")
    dom = dom or rng.choice(MAILBOXES)
    local = rng.choice(
        [
            f"{fn}.{nm}",
            f"{fn[0]}{nm}",
            f"{nm}.{fn}",
            f"{fn}.{nm}{rng.randrange(2, 9)}",
            f"{fn[0]}.{nm}",
        ]
    )
    return f"{local}@{dom}"


def town_dom(p: P, rng: random.Random | None = None) -> str:
    """One domain per commune (mairie-x.fr, ville-x.fr or x.fr, fixed by the commune code)."""
    return (
        ["mairie-", "ville-", ""][sum(map(ord, p.commune_code or p.commune)) % 3]
        + slug(p.commune)
        + ".fr"
    )


def dept_dom(dep: str) -> str:
    return f"cd{dep.lower()}.fr"


def region_dom(region: str) -> str:
    return f"region-{slug(region)}.fr"


def official_addr(p: P, rng: random.Random) -> str:
    fn, nm = slug(p.prenom).replace("-", ""), slug(p.nom).replace("-", "")
    if p.commune and p.kind in ("mai", "cm", "mdel"):
        return f"{rng.choice([fn + '.' + nm, fn[0] + nm, 'maire' if p.kind == 'mai' else fn + '.' + nm])}@{town_dom(p, rng)}"
    if p.kind == "cd" and p.dep in DEPTS:
        return f"{fn}.{nm}@{dept_dom(p.dep)}"
    if p.kind == "cr":
        return f"{fn}.{nm}@{region_dom(p.region)}"
    return addr_of(p, rng)


# --------------------------------------------------------------------------- clock and dates
SUMMER = dt.datetime(2027, 3, 28, 2, 0)  # last Sunday of March 2027: CET -> CEST (never reached)


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=2 if t >= SUMMER else 1)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2027, 2, 3, 8, 40)
        self.rng = rng

    def tick(self, lo=10, hi=170) -> dt.datetime:
        self.t += dt.timedelta(minutes=self.rng.randint(lo, hi), seconds=self.rng.randint(0, 59))
        if self.t.hour >= 23 or self.t.hour < 7:  # people and organisers sleep
            nxt = self.t if self.t.hour < 7 else self.t + dt.timedelta(days=1)
            self.t = nxt.replace(hour=7, minute=self.rng.randint(0, 59))
        return aware(self.t)


def offset(t: dt.datetime) -> str:
    h = int(t.utcoffset().total_seconds() // 3600)
    return f"+0{h}00"


UTC_CLIENTS = {"outlook_desktop", "outlook_mac", "outlook_ios", "outlook_en", "outlook_android_en"}


def rfc_date(t: dt.datetime, client: str = "") -> str:
    if client in UTC_CLIENTS or client == "yahoo":
        u = t.astimezone(dt.UTC)
        tail = " (UTC)" if client == "yahoo" else ""
        return f"{EN_DAYS[u.weekday()]}, {u.day} {EN_MONTHS[u.month - 1]} {u.year} {u:%H:%M:%S} +0000{tail}"
    day = f"{t.day}" if client in ("gmail", "android_gmail", "gmail_en") else f"{t.day:02d}"
    tail = (" (CET)" if offset(t) == "+0100" else " (CEST)") if client == "zimbra" else ""
    return f"{EN_DAYS[t.weekday()]}, {day} {EN_MONTHS[t.month - 1]} {t.year} {t:%H:%M:%S} {offset(t)}{tail}"


def fr_long(t: dt.datetime, cap: bool = False, secs: bool = False) -> str:
    s = f"{FR_DAYS[t.weekday()]} {t.day} {FR_MONTHS[t.month - 1]} {t.year} {t:%H:%M}" + (
        f":{t:%S}" if secs else ""
    )
    return (
        " ".join(w.capitalize() if cap and w.isalpha() else w for w in s.split(" ")) if cap else s
    )


def hx(rng, n, alphabet="0123456789abcdef"):
    return "".join(rng.choice(alphabet) for _ in range(n))


AL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
HEXU = "0123456789ABCDEF"


def uuid(rng, upper=True) -> str:
    al = HEXU if upper else "0123456789abcdef"
    return f"{hx(rng, 8, al)}-{hx(rng, 4, al)}-{hx(rng, 4, al)}-{hx(rng, 4, al)}-{hx(rng, 12, al)}"


def msgid(client: str, dom: str, rng, t: dt.datetime) -> str:
    ms = int(t.timestamp() * 1000) + rng.randint(0, 999)
    if client in ("gmail", "android_gmail", "gmail_en"):
        return f"<CA{hx(rng, 1, 'BDFJKLNOP')}{hx(rng, 10, AL)}{hx(rng, 8, AL)}_{hx(rng, 20, AL)}@mail.gmail.com>"
    if client in ("apple", "iphone", "ipad", "outlook_mac", "iphone_en"):
        return f"<{uuid(rng)}@{dom}>"
    if client == "outlook_desktop":
        return f"<000{hx(rng, 1, '01')}01db{hx(rng, 4)}${hx(rng, 8)}${hx(rng, 8)}$@{dom}>"
    if client in ("outlook_ios", "outlook_en", "outlook_android_en"):
        return (
            f"<{rng.choice(['PA4P', 'DB9P', 'AS8P', 'PR3P'])}{rng.randint(190, 195)}MB{rng.randint(1000, 9999)}"
            f"{hx(rng, 20, HEXU)}@{rng.choice(['PA4P', 'DB9P', 'AS8P'])}{rng.randint(190, 195)}MB{rng.randint(1000, 9999)}."
            f"EURP{rng.randint(190, 195)}.PROD.OUTLOOK.COM>"
        )
    if client == "thunderbird":
        return f"<{uuid(rng, False)}@{dom}>"
    if client in ("roundcube", "organisers"):
        return f"<{hx(rng, 32)}@{dom}>"
    if client in ("zimbra", "laposte"):
        return f"<{rng.randint(10**8, 10**9 - 1)}.{rng.randint(10**6, 10**7 - 1)}.{ms}.JavaMail.zimbra@{dom}>"
    if client == "yahoo":
        return (
            f"<{rng.randint(10**8, 10**9 - 1)}.{rng.randint(10**6, 10**7 - 1)}.{ms}@mail.yahoo.com>"
        )
    if client in ("orange", "orange_app"):
        return f"<{rng.randint(10**8, 10**9 - 1)}.{rng.randint(10**4, 10**5 - 1)}.{ms}.JavaMail.www@wwinf{rng.randint(1000, 9999)}>"
    if client == "samsung":
        return f"<{hx(rng, 12, '0123456789')}.{hx(rng, 8)}@email.android.com>"
    if client == "protonmail":
        return f"<{hx(rng, 43, AL + '-_')}=@proton.me>"
    if client == "sfr":
        return f"<{rng.randint(10**8, 10**9 - 1)}.{ms}.JavaMail.www@wsfrf{rng.randint(1000, 9999)}>"
    return f"<{ms}.{hx(rng, 10)}@{dom}>"


def boundary(client: str, rng) -> str:
    if client in ("gmail", "android_gmail", "gmail_en"):
        return f"000000000000{hx(rng, 16)}"
    if client in ("apple", "iphone", "ipad", "iphone_en"):
        return f"Apple-Mail={'_' if client == 'apple' else '-'}{uuid(rng)}"
    if client == "outlook_desktop":
        return f"----=_NextPart_000_{hx(rng, 4, HEXU)}_01DB{hx(rng, 4, HEXU)}.{hx(rng, 8, HEXU)}"
    if client in ("outlook_mac", "outlook_ios", "outlook_en", "outlook_android_en"):
        return f"_000_{hx(rng, 40, HEXU)}_"
    if client == "thunderbird":
        return f"------------{hx(rng, 24, AL)}"
    if client in ("roundcube", "organisers"):
        return f"=_{hx(rng, 32)}"
    if client == "protonmail":
        return f"b1_{hx(rng, 40, AL)}"
    return f"----=_Part_{rng.randint(10000, 999999)}_{rng.randint(100000000, 999999999)}.{rng.randint(10**12, 10**13 - 1)}"


AGENTS = {
    "apple": "X-Mailer: Apple Mail (2.3826.200.121)",
    "iphone": "X-Mailer: iPhone Mail (22A3370)",
    "ipad": "X-Mailer: iPad Mail (22A3370)",
    "outlook_desktop": "X-Mailer: Microsoft Outlook 16.0\nThread-Index: {TI}\nContent-Language: fr",
    "outlook_mac": "User-Agent: Microsoft-MacOutlook/16.89.24091630\nThread-Topic: {TT}\nThread-Index: {TI}",
    "outlook_ios": "X-MS-Has-Attach: \nX-MS-TNEF-Correlator: \nx-ms-publictraffictype: Email",
    "thunderbird": "User-Agent: Mozilla Thunderbird",
    "roundcube": "User-Agent: Roundcube Webmail/1.6.9",
    "organisers": "User-Agent: Roundcube Webmail/1.6.9",
    "zimbra": "X-Mailer: Zimbra 10.0.10_GA_4669 (ZimbraWebClient - FF131 (Win)/10.0.10_GA_4669)\nThread-Topic: {TT}\nThread-Index: {TI}",
    "laposte": "X-Mailer: Zimbra 9.0.0_ZEXTRAS_20240927 (ZimbraWebClient - GC129 (Win)/9.0.0_ZEXTRAS_20240927)",
    "yahoo": "X-Mailer: WebService/1.1.22645 YMailNorrin",
    "orange": "X-Originating-IP: [{IP}]\nX-WUM-FROM: |~|\nX-WUM-TO: |~|",
    "orange_app": "X-Mailer: Mail Orange pour Android",
    "samsung": None,
    "iphone_en": "X-Mailer: iPhone Mail (22D82)",
    "outlook_en": "Thread-Topic: {TT}\nThread-Index: {TI}\nAccept-Language: en-GB, fr-FR\nContent-Language: en-GB\nX-MS-Has-Attach: ",
    "outlook_android_en": "X-MS-Has-Attach: \nContent-Language: en-US",
    "protonmail": "X-Pm-Message-ID: {PM}\nX-Pm-Origin: internal\nX-Pm-Content-Encryption: end-to-end",
    "sfr": "X-Mailer: SFR Mail (webmail)\nX-SFR-UUID: {IP}",
}
SMART_QUOTES = {"outlook_desktop", "iphone", "ipad", "apple", "iphone_en"}
CP1252_ONLY = set("’‘“”–—…œŒ€•")
CRLF_CLIENTS = {"outlook_desktop", "zimbra", "outlook_ios", "outlook_en", "outlook_android_en"}
Q_CLIENTS = {
    "apple",
    "iphone",
    "ipad",
    "thunderbird",
    "outlook_desktop",
    "zimbra",
    "laposte",
    "roundcube",
    "organisers",
}


# --------------------------------------------------------------------------- encodings
def fits(s: str, cs: str) -> bool:
    try:
        s.encode(cs)
        return True
    except UnicodeEncodeError:
        return False


def qp_encode(text: str, cs: str, width: int = 76) -> str:
    out = []
    for line in text.split("\n"):
        toks = []
        for ch in line:
            b = ch.encode(cs)
            if ch == "=" or len(b) > 1 or b[0] > 126 or (b[0] < 32 and ch != "\t"):
                toks.append("".join(f"={x:02X}" for x in b))
            else:
                toks.append(ch)
        if toks and toks[-1] in (" ", "\t"):
            toks[-1] = f"={ord(toks[-1]):02X}"
        cur = ""
        for t in toks:
            if len(cur) + len(t) > width - 1:
                out.append(cur + "=")
                cur = ""
            cur += t
        out.append(cur)
    return "\n".join(out)


@dataclass
class Mail:
    file: str
    client: str
    from_name: str
    from_addr: str
    subject: str
    date: dt.datetime
    mid: str
    to: str = ""
    cc: str = ""
    text: str | None = None
    html: str | None = None
    cs: str = "utf-8"
    cte: str = "8bit"
    in_reply_to: str = ""
    references: str = ""
    extra: str = ""
    raw_body: bytes | None = None  # pre-built multipart body (reports)
    raw_ctype: str = ""
    used_2047: bool = False
    hdr8: bool = False  # display name left as raw UTF-8 (RFC 6532 style)
    used_hdr8: bool = False
    mislabel: bool = False  # declared iso-8859-1, bytes are windows-1252
    thread_index: str = ""
    attach: list | None = None  # [(filename, content type, bytes)]: multipart/mixed

    @property
    def encoding(self) -> str:
        cs = "iso-8859-1~cp1252" if self.mislabel else self.cs
        tail = ("/2047" if self.used_2047 else "") + ("/8bit-header" if self.used_hdr8 else "")
        return f"{cs}/{self.cte}{tail}"


def enc_header(m: Mail, s: str) -> str:
    if all(ord(c) < 128 for c in s):
        return s
    if m.hdr8:
        m.used_hdr8 = True
        return s
    m.used_2047 = True
    cs = m.cs if m.cs != "utf-8" and fits(s, m.cs) else "utf-8"
    ch = Charset(cs)
    ch.header_encoding = QP if m.client in Q_CLIENTS else BASE64
    out = Header(s, ch, maxlinelen=76).encode()
    if m.client in (
        "gmail",
        "android_gmail",
        "gmail_en",
        "outlook_desktop",
        "outlook_ios",
        "outlook_mac",
        "outlook_en",
    ):
        out = re.sub(
            r"=\?([\w-]+)\?([bq])\?", lambda mm: f"=?{mm[1].upper()}?{mm[2].upper()}?", out
        )
    return out


def enc_addr(m: Mail, name: str, addr: str) -> str:
    if not name:
        return addr if m.client not in ("outlook_desktop", "thunderbird") else f"<{addr}>"
    if all(ord(c) < 128 for c in name) or m.hdr8:
        if m.hdr8 and any(ord(c) > 127 for c in name):
            m.used_hdr8 = True
        return f'"{name}" <{addr}>' if re.search(r"[,.;:()@\[\]]", name) else f"{name} <{addr}>"
    return f"{enc_header(m, name)} <{addr}>"


def enc_addr_list(m: Mail, s: str) -> str:
    out = []
    for part in re.split(r",\s*(?=[^,]*<)|\s*;\s*", s) if "<" in s else [s]:
        mm = re.match(r"\s*\"?(.+?)\"? <(.+)>$", part)
        out.append(enc_addr(m, mm[1], mm[2]) if mm else part.strip())
    return ", ".join(out)


def body_bytes(text: str, cs: str, cte: str) -> bytes:
    if cte == "quoted-printable":
        return qp_encode(text, cs).encode("ascii") + b"\n"
    if cte == "base64":
        return base64.encodebytes(text.encode(cs))
    return text.encode(cs) + (b"" if text.endswith("\n") else b"\n")


def cs_label(client: str, cs: str) -> str:
    if client in (
        "gmail",
        "android_gmail",
        "gmail_en",
        "outlook_ios",
        "outlook_mac",
        "thunderbird",
    ):
        return cs.upper() if cs == "utf-8" else cs
    return cs


def part_bytes(client: str, ctype: str, text: str, cs: str, cte: str, declared: str) -> bytes:
    lab = cs_label(client, declared)
    if client in ("apple", "iphone", "ipad"):
        h = f"Content-Transfer-Encoding: {cte}\nContent-Type: {ctype};\n\tcharset={lab}\n\n"
    elif client == "outlook_desktop":
        h = f'Content-Type: {ctype};\n\tcharset="{lab}"\nContent-Transfer-Encoding: {cte}\n\n'
    else:
        h = f'Content-Type: {ctype}; charset="{lab}"\nContent-Transfer-Encoding: {cte}\n\n'
    return h.encode() + body_bytes(text, cs, cte)


def render(m: Mail, rng) -> bytes:
    texts = [t for t in (m.text, m.html) if t is not None]
    if m.mislabel:
        enc_cs, declared = "windows-1252", "iso-8859-1"
        assert all(fits(t, "windows-1252") for t in texts), m.file
    else:
        if m.cs != "utf-8" and not all(fits(t, m.cs) for t in texts):
            m.cs = "utf-8"
        enc_cs = declared = m.cs
    if m.html is not None:
        m.html = m.html.replace("{CHARSET}", declared)
        texts = [t for t in (m.text, m.html) if t is not None]
    to = m.to or ORG_ADDR
    h = [f"From: {enc_addr(m, m.from_name, m.from_addr)}", f"To: {enc_addr_list(m, to)}"]
    if m.cc:
        h.append(f"Cc: {enc_addr_list(m, m.cc)}")
    h += [
        f"Subject: {enc_header(m, m.subject)}",
        f"Date: {rfc_date(m.date, m.client)}",
        f"Message-ID: {m.mid}",
    ]
    if m.in_reply_to:
        h += [f"In-Reply-To: {m.in_reply_to}", f"References: {m.references or m.in_reply_to}"]
    agent = AGENTS.get(m.client)
    if agent:
        ti = (
            m.thread_index
            or base64.b64encode(bytes(rng.randrange(256) for _ in range(22))).decode()
        )
        tt = m.subject.removeprefix("RE: ").removeprefix("Re: ").removeprefix("TR: ")
        agent = agent.replace("{TI}", ti).replace("{TT}", enc_header(m, tt))
        agent = agent.replace("{PM}", hx(rng, 40, "0123456789abcdef"))
        agent = agent.replace(
            "{IP}",
            f"{rng.randint(80, 92)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}",
        )
        h.append(agent)
    if m.extra:
        h.append(m.extra)
    h.append(
        "MIME-Version: 1.0"
        + (" (Mac OS X Mail 16.0 \\(3826.200.121\\))" if m.client == "apple" else "")
    )
    h0 = len(h)
    if m.raw_body is not None:
        h.append(f"Content-Type: {m.raw_ctype}")
        body = m.raw_body
    elif m.text is not None and m.html is not None:
        b = boundary(m.client, rng)
        h.append(f'Content-Type: multipart/alternative; boundary="{b}"')
        pre = (
            b"This is a multi-part message in MIME format.\n\n"
            if m.client in ("outlook_desktop", "thunderbird")
            else b""
        )
        body = (
            pre
            + f"--{b}\n".encode()
            + part_bytes(m.client, "text/plain", m.text, enc_cs, m.cte, declared)
            + f"\n--{b}\n".encode()
            + part_bytes(m.client, "text/html", m.html, enc_cs, m.cte, declared)
            + f"\n--{b}--\n".encode()
        )
    else:
        ctype = "text/plain" if m.text is not None else "text/html"
        lab = cs_label(m.client, declared)
        flowed = (
            "; format=flowed"
            if m.client in ("thunderbird", "roundcube", "organisers") and ctype == "text/plain"
            else ""
        )
        h += [
            f'Content-Type: {ctype}; charset="{lab}"{flowed}',
            f"Content-Transfer-Encoding: {m.cte}",
        ]
        body = body_bytes(texts[0], enc_cs, m.cte)
    if m.attach:
        inner = "\n".join(h[h0:]) + "\n\n"
        h = h[:h0]
        mb = boundary(m.client, rng)
        h.append(f'Content-Type: multipart/mixed; boundary="{mb}"')
        body = f"--{mb}\n{inner}".encode() + body
        for name, ctype, blob in m.attach:
            body += (
                f'\n--{mb}\nContent-Type: {ctype}; name="{name}"\nContent-Disposition: attachment; filename="{name}"\n'
                f"Content-Transfer-Encoding: base64\n\n"
            ).encode() + base64.encodebytes(blob)
        body += f"\n--{mb}--\n".encode()
    head = "\n".join(h) + "\n\n"
    data = head.encode("utf-8" if m.used_hdr8 else "ascii") + body
    if m.client in CRLF_CLIENTS:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return data


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- quoting as each client does
def q(text: str, prefix: str = "> ") -> str:
    return "\n".join((prefix + line) if line else prefix.rstrip() for line in text.split("\n"))


def who(prev: Mail) -> str:
    return f"{prev.from_name} <{prev.from_addr}>" if prev.from_name else prev.from_addr


def quote_text(client: str, prev: Mail, prev_text: str, me: str) -> str:
    t, w = prev.date, who(prev)
    d, mon, y, hm = t.day, FR_MON_ABBR[t.month - 1], t.year, f"{t:%H:%M}"
    if client == "gmail_en":
        ampm = f"{t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"
        return f"\n\nOn {EN_DAYS[t.weekday()]}, {EN_MONTHS[t.month - 1]} {d}, {y} at {ampm} {w} wrote:\n\n{q(prev_text)}\n"
    if client == "iphone_en":
        return (
            f"\n\n> On {EN_MONTHS[t.month - 1]} {d}, {y}, at {hm}, {w} wrote:\n> \n{q(prev_text)}\n"
        )
    if client in ("outlook_en", "outlook_android_en"):
        ampm = f"{t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"
        head = (
            "Get Outlook for Android<https://aka.ms/AAb9ysg>\n"
            if client == "outlook_android_en"
            else ""
        )
        return (
            f"\n\n{head}________________________________\nFrom: {w}\nSent: {EN_DAYS_LONG[t.weekday()]}, "
            f"{d} {EN_MONTHS_LONG[t.month - 1]} {y} {ampm}\nTo: {me}\nSubject: {prev.subject}\n\n{prev_text}\n"
        )
    if client in ("gmail", "android_gmail"):
        return f"\n\nLe {FR_DAY_ABBR[t.weekday()]} {d} {mon} {y} à {hm}, {w} a écrit :\n\n{q(prev_text)}\n"
    if client == "apple":
        return f"\n\n> Le {d} {mon} {y} à {hm}, {w} a écrit :\n> \n{q(prev_text)}\n"
    if client in ("iphone", "ipad"):
        return f"\n\n> Le {d} {mon} {y} à {hm}, {w} a écrit :\n> \n{q(prev_text)}\n"
    if client == "thunderbird":
        return f"\n\nLe {t:%d/%m/%Y} à {hm}, {prev.from_name or prev.from_addr} a écrit :\n{q(prev_text)}\n"
    if client in ("roundcube", "organisers"):
        return f"\n\nLe {t:%Y-%m-%d %H:%M}, {prev.from_name or prev.from_addr} a écrit :\n\n{q(prev_text)}\n"
    if client in ("zimbra", "laposte"):
        fn = f'"{prev.from_name}" <{prev.from_addr}>' if prev.from_name else prev.from_addr
        sep = "----- Mail original -----" if client == "zimbra" else "----- Mail d'origine -----"
        return (
            f"\n\n{sep}\nDe: {fn}\nÀ: {me}\nEnvoyé: {fr_long(t, cap=True, secs=True)}\n"
            f"Objet: {prev.subject}\n\n{q(prev_text)}\n"
        )
    if client == "yahoo":
        return (
            f"\n\n\n    Le {fr_long(t).rsplit(' ', 1)[0]} à {t:%H:%M:%S} UTC+{int(offset(t)[1:3])}, "
            f"{w} a écrit :  \n\n{q(prev_text)}\n"
        )
    if client == "outlook_desktop":
        return f"\n\nDe : {w}\nEnvoyé : {fr_long(t)}\nÀ : {me}\nObjet : {prev.subject}\n\n{prev_text}\n"
    if client == "outlook_mac":
        return (
            f"\n\nDe : {w}\nDate : {fr_long(t).replace(f' {t.year} ', f' {t.year} à ')}\nÀ : {me}\n"
            f"Objet : {prev.subject}\n\n{prev_text}\n"
        )
    if client == "outlook_ios":
        ampm = f"{t.hour % 12 or 12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"
        return (
            f"\n\nObtenir Outlook pour iOS<https://aka.ms/o0ukef>\n________________________________\nDe : {w}\n"
            f"Envoyé : {EN_DAYS_LONG[t.weekday()]}, {EN_MONTHS_LONG[t.month - 1]} {d}, {y} {ampm}\nÀ : {me}\n"
            f"Objet : {prev.subject}\n\n{prev_text}\n"
        )
    if client in ("orange", "orange_app"):
        fn = f'"{prev.from_name}" <{prev.from_addr}>' if prev.from_name else prev.from_addr
        return (
            f"\n\n> Message du {t:%d/%m/%y %H:%M}\n> De : {fn}\n> A : {me}\n> Copie à : \n> Objet : {prev.subject}\n>\n"
            f"{q(prev_text)}\n"
        )
    if client == "protonmail":
        return (
            f"\n\n\nLe {FR_DAYS[t.weekday()]} {d} {FR_MONTHS[t.month - 1]} {y} à {hm}, {w} a écrit :\n\n"
            f"{q(prev_text)}\n"
        )
    if client == "sfr":
        return (
            f"\n\n> Message du {t:%d/%m/%Y %H:%M}\n> De : {w}\n> A : {me}\n> Objet : {prev.subject}\n>\n"
            f"{q(prev_text)}\n"
        )
    if client == "samsung":
        return (
            f"\n\n\n-------- Message d'origine --------\nDe : {w}\nDate : {t:%d/%m/%Y %H:%M} (GMT{offset(t)[:3]}:00)\n"
            f"À : {me}\nObjet : {prev.subject}\n\n{prev_text}\n"
        )
    return f"\n\n{w} a écrit :\n{q(prev_text)}\n"


def html_lines(text: str, tag: str = "div") -> str:
    if tag == "p.Mso":
        return "".join(
            f'<p class="MsoNormal">{esc(x) if x else "&nbsp;"}<o:p></o:p></p>\n'
            for x in text.split("\n")
        )
    if tag == "p":
        return "".join(f"<p>{esc(x) if x else '<br>'}</p>\n" for x in text.split("\n"))
    return "".join(f"<{tag}>{esc(x) if x else '<br>'}</{tag}>\n" for x in text.split("\n"))


def quote_html(client: str, prev: Mail, prev_text: str, me: str) -> str:
    t, w = prev.date, esc(who(prev))
    inner = html_lines(prev_text)
    if client == "gmail_en":
        ampm = f"{t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"
        return (
            f'<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On {EN_DAYS[t.weekday()]}, '
            f'{EN_MONTHS[t.month - 1]} {t.day}, {t.year} at {ampm} {w} wrote:<br></div><blockquote class="gmail_quote" '
            f'style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">{inner}</blockquote></div>\n'
        )
    if client in ("gmail", "android_gmail"):
        return (
            f'<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">Le {FR_DAY_ABBR[t.weekday()]} '
            f'{t.day} {FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}, {w} a écrit&nbsp;:<br></div><blockquote class="gmail_quote" '
            f'style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">{inner}</blockquote></div>\n'
        )
    if client in ("apple", "iphone", "ipad"):
        return (
            f'<div><br><blockquote type="cite"><div>Le {t.day} {FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}, {w} a écrit&nbsp;:</div>'
            f'<br class="Apple-interchange-newline"><div>{inner}</div></blockquote></div>\n'
        )
    if client == "thunderbird":
        return (
            f'<div class="moz-cite-prefix">Le {t:%d/%m/%Y} à {t:%H:%M}, {esc(prev.from_name or prev.from_addr)} a écrit&nbsp;:<br>\n'
            f'</div>\n<blockquote type="cite" cite="mid:{esc(prev.mid.strip("<>"))}">\n{inner}</blockquote>\n'
        )
    if client in ("roundcube", "organisers"):
        return (
            f"<p>Le {t:%Y-%m-%d %H:%M}, {esc(prev.from_name or prev.from_addr)} a écrit&nbsp;:</p>\n"
            f'<blockquote type="cite" style="padding: 0 0.4em; border-left: #1010ff 2px solid; margin: 0">\n{inner}</blockquote>\n'
        )
    if client == "outlook_desktop":
        return (
            f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>De&nbsp;:</b> {w}'
            f"<br><b>Envoyé&nbsp;:</b> {fr_long(t)}<br><b>À&nbsp;:</b> {esc(me)}<br><b>Objet&nbsp;:</b> {esc(prev.subject)}<o:p></o:p></p></div>\n"
            f'<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n{html_lines(prev_text, "p.Mso")}'
        )
    if client == "zimbra":
        return (
            f'<hr id="zwchr" data-marker="__DIVIDER__"><div data-marker="__HEADERS__"><b>De: </b>{w}<br><b>À: </b>{esc(me)}<br>'
            f"<b>Envoyé: </b>{fr_long(t, cap=True, secs=True)}<br><b>Objet: </b>{esc(prev.subject)}<br></div><br>"
            f'<div data-marker="__QUOTED_TEXT__">{inner}</div>\n'
        )
    if client == "yahoo":
        return (
            f'<div id="yahoo_quoted_{prev.date:%H%M%S}" class="yahoo_quoted"><div style="font-family:\'Helvetica Neue\', Helvetica, '
            f'Arial, sans-serif;font-size:13px;color:#26282a;"><div>Le {fr_long(t).rsplit(" ", 1)[0]} à {t:%H:%M:%S} UTC+{int(offset(t)[1:3])}, '
            f"{w} a écrit :</div><div><br></div><div><br></div>{inner}</div></div>\n"
        )
    return f"<blockquote>{inner}</blockquote>\n"


def html_doc(client: str, top: str, quoted: str = "") -> str:
    if client in ("gmail", "android_gmail", "gmail_en"):
        return f'<div dir="ltr">{html_lines(top)}</div>{quoted}'
    if client in ("apple", "iphone", "ipad"):
        return (
            '<html><head><meta http-equiv="content-type" content="text/html; charset={CHARSET}"></head><body style="overflow-wrap: '
            f'break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">{html_lines(top)}{quoted}</body></html>\n'
        )
    if client == "thunderbird":
        return (
            '<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv="Content-Type" content="text/html; charset={CHARSET}">\n'
            f"  </head>\n  <body>\n{html_lines(top, 'p')}{quoted}  </body>\n</html>\n"
        )
    if client in ("roundcube", "organisers"):
        return (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset={CHARSET}" /></head><body style=\'font-size: '
            f"10pt; font-family: Verdana,Geneva,sans-serif'>\n{html_lines(top, 'p')}{quoted}</body></html>\n"
        )
    if client == "outlook_desktop":
        return (
            '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40"><head>'
            '<meta http-equiv=Content-Type content="text/html; charset={CHARSET}"><meta name=Generator content="Microsoft Word 15 (filtered medium)">'
            '<style><!--p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}--></style>'
            '</head><body lang=FR link="#0563C1" vlink="#954F72" style=\'word-wrap:break-word\'><div class=WordSection1>\n'
            f"{html_lines(top, 'p.Mso')}{quoted}</div></body></html>\n"
        )
    if client == "zimbra":
        return (
            '<html><body><div style="font-family: arial, helvetica, sans-serif; font-size: 12pt; color: #000000">'
            f"{html_lines(top)}{quoted}</div></body></html>\n"
        )
    if client == "yahoo":
        return (
            '<html><head></head><body><div class="ydp3f2a1b2cyahoo-style-wrap" style="font-family:Helvetica Neue, Helvetica, Arial, '
            f'sans-serif;font-size:13px;"><div dir="ltr" data-setdir="false">{html_lines(top)}</div></div>{quoted}</body></html>\n'
        )
    return f"<html><body>{html_lines(top)}{quoted}</body></html>\n"


HTML_CLIENTS = {
    "protonmail",
    "gmail_en",
    "gmail",
    "android_gmail",
    "apple",
    "iphone",
    "ipad",
    "thunderbird",
    "roundcube",
    "outlook_desktop",
    "zimbra",
    "yahoo",
}


# --------------------------------------------------------------------------- the call and organisers' texts
ORG_FULL = [f"{fn} {nm}" for fn, nm in ORGANISERS]
CALL = f"""{CALL_TITLE}

« Nous, élu·es, demandons l'encadrement des loyers partout où il est demandé »

Dans nos communes, un loyer sur deux dépasse ce que peuvent payer les ménages qui y travaillent.
Les étudiant·es dorment chez des amis, les familles partent toujours plus loin, les expulsions
sans relogement battent chaque année un record. L'encadrement expérimenté depuis 2019 a prouvé qu'il
freinait les hausses ; il reste pourtant réservé à une poignée de villes et suspendu à une date de fin.

Nous, élu·es municipaux, départementaux, régionaux et métropolitains, de la majorité comme de
l'opposition, demandons :

1. que toute commune ou intercommunalité qui le demande puisse encadrer les loyers, sans date limite ;
2. un moratoire sur les expulsions locatives sans solution de relogement ;
3. des moyens pour contrôler et sanctionner les annonces illégales ;
4. la taxation réelle des logements vacants et des meublés de tourisme en zone tendue.

Pour signer, répondez à ce message (ou écrivez à {ORG_ADDR}) en indiquant vos nom, prénom,
mandat et collectivité. L'appartenance politique est facultative. Chaque signature est vérifiée
dans le Répertoire national des élus avant publication, le 22 mars 2027.

Merci de faire circuler l'appel dans vos réseaux d'élu·es.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = "Nous, élu·es, demandons l'encadrement des loyers – appel à signatures"
CALL_DATE = aware(dt.datetime(2027, 2, 3, 7, 45, 8))
LIST_HEADERS = (
    f"List-Id: Appel des elu-es <appel-elus.listes.{ORG_DOMAIN}>\n"
    f"List-Unsubscribe: <mailto:appel-elus-unsubscribe@listes.{ORG_DOMAIN}>\n"
    f"Precedence: list\nX-Loop: appel-elus@listes.{ORG_DOMAIN}"
)


def org_sig(i: int) -> str:
    fn, nm = ORGANISERS[i]
    return f"-- \n{fn} {nom_case(nm)}\n{ORG_NAME}\n{ORG_ADDR}"


FOOTERS = {
    "iphone": "Envoyé de mon iPhone",
    "ipad": "Envoyé de mon iPad",
    "outlook_ios": "Obtenir Outlook pour iOS<https://aka.ms/o0ukef>",
    "samsung": "Envoyé depuis mon appareil Galaxy",
    "orange_app": "Envoyé depuis l'application Mail Orange",
    "iphone_en": "Sent from my iPhone",
    "protonmail": "Envoyé avec la messagerie sécurisée Proton Mail.",
}
ENCODINGS = [
    ("utf-8", "8bit"),
    ("utf-8", "quoted-printable"),
    ("utf-8", "base64"),
    ("iso-8859-1", "8bit"),
    ("iso-8859-1", "quoted-printable"),
    ("windows-1252", "8bit"),
    ("windows-1252", "quoted-printable"),
]
CLIENT_ENC = {
    "gmail": [("utf-8", "quoted-printable"), ("utf-8", "base64"), ("utf-8", "8bit")],
    "android_gmail": [("utf-8", "base64"), ("utf-8", "quoted-printable")],
    "apple": [("utf-8", "quoted-printable"), ("utf-8", "8bit"), ("iso-8859-1", "quoted-printable")],
    "iphone": [("utf-8", "quoted-printable"), ("utf-8", "8bit")],
    "ipad": [("utf-8", "quoted-printable")],
    "outlook_desktop": [
        ("iso-8859-1", "quoted-printable"),
        ("windows-1252", "quoted-printable"),
        ("utf-8", "base64"),
        ("windows-1252", "8bit"),
    ],
    "outlook_mac": [("utf-8", "base64"), ("iso-8859-1", "quoted-printable")],
    "outlook_ios": [("utf-8", "base64")],
    "thunderbird": [("utf-8", "8bit"), ("utf-8", "quoted-printable")],
    "roundcube": [("utf-8", "quoted-printable"), ("utf-8", "8bit"), ("iso-8859-1", "8bit")],
    "organisers": [("utf-8", "quoted-printable")],
    "zimbra": [("utf-8", "quoted-printable"), ("utf-8", "7bit-qp"), ("iso-8859-1", "8bit")],
    "laposte": [("utf-8", "quoted-printable"), ("windows-1252", "8bit")],
    "yahoo": [("utf-8", "quoted-printable"), ("utf-8", "base64")],
    "orange": [("iso-8859-1", "8bit"), ("iso-8859-1", "quoted-printable"), ("utf-8", "8bit")],
    "orange_app": [("utf-8", "8bit"), ("utf-8", "base64")],
    "samsung": [("utf-8", "base64"), ("utf-8", "8bit")],
    "gmail_en": [("utf-8", "quoted-printable"), ("utf-8", "base64")],
    "iphone_en": [("utf-8", "quoted-printable"), ("utf-8", "8bit")],
    "outlook_en": [("utf-8", "base64"), ("windows-1252", "quoted-printable")],
    "outlook_android_en": [("utf-8", "base64")],
    "protonmail": [("utf-8", "quoted-printable"), ("utf-8", "base64")],
    "sfr": [
        ("iso-8859-1", "quoted-printable"),
        ("utf-8", "quoted-printable"),
        ("windows-1252", "8bit"),
    ],
}
CLOSINGS = [
    "Cordialement,",
    "Bien cordialement,",
    "Bien à vous,",
    "Salutations républicaines,",
    "Amitiés,",
    "Bonne journée,",
    "Avec mes salutations les meilleures,",
    "Très cordialement",
    "Bàv",
    "Cdlt",
]


PARTY_WEIGHTS = {
    "eelv": 26,
    "lfi": 15,
    "ps": 16,
    "pcf": 14,
    "gen": 6,
    "pp": 4,
    "nd": 2,
    "dvg": 8,
    "se": 5,
    "grs": 3,
    "ens": 3,
}
PARTY_FORMS = {
    "eelv": ["EELV", "Les Écologistes", "Les Écologistes – EELV", "écologiste", "Les Ecologistes"],
    "lfi": ["LFI", "La France insoumise", "FI", "France insoumise"],
    "ps": ["PS", "Parti socialiste", "socialiste"],
    "pcf": ["PCF", "communiste", "Parti communiste français"],
    "gen": ["Génération·s", "Generation.s", "Génération.s"],
    "pp": ["Place publique", "Place Publique"],
    "nd": ["ND", "Nouvelle Donne"],
    "dvg": ["divers gauche", "DVG", "div. gauche"],
    "se": ["sans étiquette", "SE", "sans étiquette"],
    "grs": ["GRS", "Gauche républicaine et socialiste"],
    "ens": ["Ensemble!", "Ensemble !"],
    "udb": ["UDB", "Union démocratique bretonne"],
    "femu": ["Femu a Corsica", "Femu"],
    "ehbai": ["EH Bai", "Euskal Herria Bai"],
    "poc": ["Partit occitan", "POC"],
}
REGIONALIST = {
    "22": "udb",
    "29": "udb",
    "35": "udb",
    "56": "udb",
    "44": "udb",
    "2A": "femu",
    "2B": "femu",
    "64": "ehbai",
    "31": "poc",
    "81": "poc",
    "12": "poc",
    "46": "poc",
}
GROUP_TEMPLATES = [
    "{c} en commun",
    "{c} écologiste et solidaire",
    "Écologiste et citoyen",
    "Socialistes et apparentés",
    "Communiste, républicain et citoyen",
    "Printemps {de}",
    "L'Alternative pour {c}",
    "{c} à gauche",
    "Unis pour {c}",
    "{c} demain",
    "Nouvel élan pour {c}",
    "Vivre {a}",
    "{c} solidaire",
]
# networks of elected officials relaying the call to their lists; their federations forward it again
NETWORKS = [
    dict(
        key="eelv",
        name="Réseau des élu·es écologistes",
        short="le réseau des élu·es écologistes",
        addr="relais@elus-ecologistes.example",
        list="membres@listes.elus-ecologistes.example",
        tag="[Élu·es écolos]",
        client="gmail",
        hello="Bonjour à toutes et tous,",
        intro="Le collectif Loyers justes lance un appel des élu·es pour l'encadrement des loyers partout où il est "
        "demandé. Le bureau du réseau vous encourage à le signer : c'est une de nos priorités pour 2027.",
        bye="Amitiés écologistes",
        role="Coordination du réseau",
        fed="Les Écologistes {dn}",
        fedaddr="elus.{d}@federations-ecologistes.example",
    ),
    dict(
        key="pcf",
        name="ANECR",
        short="l'ANECR",
        addr="contact@anecr-reseau.example",
        list="adherents@listes.anecr-reseau.example",
        tag="[ANECR Infos]",
        client="outlook_desktop",
        hello="Cher·es ami·es, cher·es camarades,",
        intro="L'Association nationale des élu·es communistes et républicains s'associe à l'appel ci-dessous et vous "
        "propose d'y apporter votre signature.",
        bye="Fraternellement",
        role="Chargé de mission",
        fed="PCF – Fédération {de}",
        fedaddr="federation{d}@pcf-federations.example",
    ),
    dict(
        key="ps",
        name="FNESR",
        short="la FNESR",
        addr="info@fnesr-elus.example",
        list="elus@listes.fnesr-elus.example",
        tag="[FNESR]",
        client="zimbra",
        hello="Madame, Monsieur, cher·es élu·es,",
        intro="La Fédération nationale des élus socialistes et républicains relaie l'appel pour l'encadrement des "
        "loyers, conforme aux positions adoptées lors de notre dernière convention.",
        bye="Bien amicalement",
        role="Déléguée générale adjointe",
        fed="Parti socialiste – Fédération {de}",
        fedaddr="fede{d}@ps-federations.example",
    ),
    dict(
        key="lfi",
        name="Réseau des élu·es insoumis·es",
        short="le réseau des élu·es insoumis·es",
        addr="reseau@elus-insoumis.example",
        list="elus@listes.elus-insoumis.example",
        tag="[Élu·es insoumis·es]",
        client="thunderbird",
        hello="Bonjour,",
        intro="Voici l'appel des élu·es pour l'encadrement des loyers. Nous le soutenons et vous invitons à le signer "
        "à titre individuel, en précisant votre mandat.",
        bye="Salutations insoumises",
        role="Animation du réseau",
        fed="LFI – élu·es {dn}",
        fedaddr="elus-{d}@insoumis-departements.example",
    ),
    dict(
        key="gen",
        name="Génération·s – pôle élu·es",
        short="le pôle élu·es de Génération·s",
        addr="elus@generations-reseau.example",
        list="elus-locaux@listes.generations-reseau.example",
        tag="[G·s élu·es]",
        client="apple",
        hello="Bonjour à toutes et à tous,",
        intro="Un appel à signer rapidement : l'encadrement des loyers est au cœur de notre projet, et les premières "
        "signatures seront rendues publiques en mars.",
        bye="À bientôt",
        role="Responsable du pôle élu·es",
        fed="Génération·s {dn}",
        fedaddr="comite{d}@generations-comites.example",
    ),
]
# party functions written under the mandate in activists' signatures ({e}: feminine e, {eur}: eur/rice, {ier}: ier/ière)
PARTY_FUNCS = {
    "eelv": [
        "Co-secrétaire départemental{e} Les Écologistes {dn}",
        "Membre du Conseil fédéral des Écologistes",
        "Porte-parole du groupe local de {town}",
        "Référent{e} logement – commission Habitat",
        "Délégué{e} régional{e} aux élu·es",
    ],
    "lfi": [
        "Co-animat{eur} du groupe d'action « {town} insoumise »",
        "Membre de l'espace des élu·es",
        "Orat{eur} national{e}",
    ],
    "ps": [
        "Prem{ier} secrétaire fédéral{e} – {dn}",
        "Secrétaire de la section de {town}",
        "Membre du Conseil national du PS",
    ],
    "pcf": [
        "Secrétaire de la section PCF de {town}",
        "Membre du Conseil national du PCF",
        "Président{e} de l'ADECR {dn}",
    ],
    "gen": [
        "Co-référent{e} départemental{e} Génération·s {dn}",
        "Membre de la direction collégiale",
    ],
    "pp": ["Référent{e} Place publique {dn}", "Porte-parole local{e}"],
    "nd": ["Co-président{e} Nouvelle Donne {dn}"],
    "dvg": [
        "Président{e} de l'association « {town} solidaire »",
        "Membre du collectif citoyen de {town}",
    ],
    "se": ["Président{e} de l'amicale des locataires", "Membre du collectif citoyen de {town}"],
    "grs": ["Secrétaire départemental{e} GRS {dn}"],
    "ens": ["Animat{eur} d'Ensemble! {dn}"],
    "udb": ["Membre du bureau politique de l'UDB", "Responsable de la section UDB de {town}"],
    "femu": ["Membre de l'esecutivu di Femu a Corsica"],
    "ehbai": ["EH Bai – Batzorde iraunkorra"],
    "poc": ["Conselh federal del Partit occitan"],
}
DEPT_GROUPS = [
    "Gauche écologiste et solidaire",
    "Communiste et citoyen",
    "Socialiste, écologiste et républicain",
    "Écologiste et citoyen",
    "Union de la gauche",
    "Les Écologistes",
    "La France insoumise et apparentés",
    "Territoires de gauche",
]
CLOSINGS_LEFT = [
    "Salutations républicaines,",
    "Bien à vous,",
    "Amitiés militantes,",
    "Solidairement,",
    "Cordialement,",
    "Belle journée,",
    "Bien amicalement,",
    "Amitiés,",
]
PARTY_CLOSINGS = {
    "eelv": ["Amitiés écologistes,", "Écologiquement vôtre,"],
    "lfi": ["Salutations insoumises,"],
    "pcf": ["Fraternellement,", "Salutations communistes,"],
    "ps": ["Amitiés socialistes,", "Fraternellement,"],
    "gen": ["Amitiés,"],
}


def ascii_row(vals, widths) -> str:
    return "|" + "|".join(f" {v}".ljust(x) for v, x in zip(vals, widths, strict=True)) + "|"


def join(*xs: str) -> str:
    return re.sub(r"\s{2,}", " ", " ".join(x for x in xs if x)).replace(" ,", ",").strip()


def parts(p: P, rng: random.Random) -> dict:
    """role (no place), de (« de Brest »), bare (« Brest »), dep, dep_name, kind-specific short forms."""
    f = p.fonction
    d = dict(role="", de="", bare="", dep=p.dep if p.dep in DEPTS else "", short="")
    if p.impostor or p.kind in ("mai", "cm", "mdel"):
        d["de"] = de_place(p.commune, p.tl)
        d["bare"] = p.commune
        if p.impostor == "not_elected":
            d["role"] = d["short"] = p.fonction
            if p.canton == "à":
                d["de"] = a_place(p.commune, p.tl)
        elif p.impostor:
            d["role"] = (
                "maire" if f == "Maire" else e(p, "conseiller municipal", "conseillère municipale")
            )
            d["short"] = (
                "maire" if f == "Maire" else rng.choice(["CM", "cons. mun.", "conseill. mun."])
            )
        elif p.kind == "mai":
            d["role"], d["short"] = "maire", "maire"
        elif p.kind == "mdel":
            d["role"], d["short"] = (
                e(p, "maire délégué", "maire déléguée"),
                e(p, "maire délégué", "maire déléguée"),
            )
            d["de"] = "de la commune nouvelle " + d["de"]
        elif p.commune_code == "75056":
            d["role"], d["short"], d["de"], d["bare"] = (
                e(p, "conseiller de Paris", "conseillère de Paris"),
                "cons. de Paris",
                "",
                "Paris",
            )
        elif "adjoint" in f:
            n = rank(f)
            d["role"] = f"{ordinal(n, p)} {e(p, 'adjoint', 'adjointe')} au maire"
            d["short"] = rng.choice(
                [
                    f"{ordinal(n, p)} adj.",
                    f"{n}{'er' if n == 1 and not p.f else 'e' if n > 1 else 're'} adj.",
                    f"adj. ({ordinal(n, p)})",
                ]
            )
        else:
            d["role"] = e(p, "conseiller municipal", "conseillère municipale")
            d["short"] = rng.choice(
                [
                    "CM",
                    "cons. mun.",
                    "conseill. mun.",
                    "cons. municipal" if not p.f else "cons. municipale",
                ]
            )
    elif p.kind == "cd":
        if p.dep == "6AE":
            d["role"], d["de"], d["bare"] = (
                e(p, "conseiller d'Alsace", "conseillère d'Alsace"),
                f"(canton {de_name(p.canton)})",
                "Alsace",
            )
            d["short"] = "CEA"
        else:
            d["de"], d["bare"] = de_dept(p.dep), dept_name(p.dep)
            if f.startswith("Président"):
                d["role"], d["de"] = (
                    e(
                        p,
                        "président du conseil départemental",
                        "présidente du conseil départemental",
                    ),
                    de_dept(p.dep),
                )
                d["short"] = f"Pdt CD{p.dep}" if not p.f else f"Pdte CD{p.dep}"
            elif "Vice" in f:
                d["role"] = (
                    f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} du conseil départemental"
                )
                d["short"] = rng.choice(
                    [
                        f"VP CD{p.dep}",
                        f"VP CD {p.dep}",
                        f"{rank(f)}e VP du CD {p.dep}" if rank(f) > 1 else f"1er VP CD{p.dep}",
                    ]
                )
            else:
                d["role"] = e(p, "conseiller départemental", "conseillère départementale")
                d["short"] = rng.choice(
                    [f"CD {p.dep}", f"CD{p.dep}", "cons. dép.", "conseill. dép."]
                )
    elif p.kind == "cr":
        d["de"], d["bare"] = de_place(p.region, p.region_tl), p.region
        d["dep"] = p.dep if p.dep in DEPTS else ""
        if f.startswith("Président"):
            d["role"] = e(p, "président du conseil régional", "présidente du conseil régional")
            d["short"] = f"Pdt CR {REGION_SHORT.get(p.region_code, p.region)}"
        elif "Vice" in f:
            d["role"] = (
                f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} du conseil régional"
            )
            d["short"] = f"VP CR {REGION_SHORT.get(p.region_code, p.region)}"
        else:
            d["role"] = e(p, "conseiller régional", "conseillère régionale")
            d["short"] = rng.choice(
                [
                    f"CR {REGION_SHORT.get(p.region_code, p.region)}",
                    f"cons. rég. {REGION_SHORT.get(p.region_code, p.region)}",
                ]
            )
    elif p.kind == "ma":
        if p.coll == "69M":
            d["role"], d["de"], d["bare"] = (
                e(p, "conseiller métropolitain", "conseillère métropolitaine"),
                "de la Métropole de Lyon",
                "Métropole de Lyon",
            )
            d["short"] = "cons. métropolitain" if not p.f else "cons. métropolitaine"
        else:
            nm = {"94": "Corse", "972": "Martinique", "973": "Guyane"}[p.coll]
            d["role"], d["de"], d["bare"] = (
                e(p, "conseiller à l'Assemblée", "conseillère à l'Assemblée"),
                f"de {nm}",
                f"Assemblée de {nm}",
            )
            d["short"] = f"cons. Assemblée de {nm}"
    elif p.kind == "ca":
        d["de"], d["bare"] = ca_where(p), ca_where(p, "num")
        if f.startswith("Maire"):
            d["role"], d["short"] = "maire", "maire d'arr."
        elif "adjoint" in f:
            d["role"] = f"{ordinal(rank(f), p)} {e(p, 'adjoint', 'adjointe')} au maire"
            d["short"] = f"{ordinal(rank(f), p)} adj. au maire d'arr."
        else:
            d["role"] = e(p, "conseiller d'arrondissement", "conseillère d'arrondissement")
            d["short"] = "cons. d'arr."
    d["dep_name"] = dept_name(d["dep"]) if d["dep"] else ""
    d["bare_d"] = d["bare"] + (f" ({d['dep']})" if homonym(p) and d["dep"] else "")
    d["paren"] = (
        f"({d['dep']})" if d["dep"] and (p.kind in ("mai", "cm", "mdel", "") or p.impostor) else ""
    )
    return d


# --------------------------------------------------------------------------- the builder
class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.reg = Registry()
        for nm in [x[1] for x in ORGANISERS + STAFF] + INVENTED_NOMS:
            assert fold(nm) not in self.reg.surnames, nm
        self.clock = Clock(self.rng)
        self.n = 0
        self.mails: list[Mail] = []
        self.labels: list[dict] = []
        self.used: set[str] = set()
        self.slot = 0
        self.imp_cycle = [
            "other_first",
            "not_elected",
            "mayor_elsewhere",
            "invented",
            "former_2022",
        ]
        self.imp_count: Counter = Counter()
        self.n_imp = 0
        self._former: list[P] | None = None
        self.signed: list[tuple[Mail, P, str]] = []  # (mail, signer, address) for withdrawals
        self.staff = list(STAFF)
        self.rng.shuffle(self.staff)

    # ---------------------------------------------------------------- drawing
    def ok(self, p: P) -> bool:
        return (
            bool(p.nom)
            and bool(p.prenom)
            and " " not in p.prenom
            and "POUSE" not in p.nom
            and len(p.nom) <= 28
            and ident(p.nom, p.prenom) not in self.used
            and self.reg.unique(p)
            and (p.kind != "cd" or p.dep in DEPTS)
            and len(p.prenom) > 2
        )

    def take(self, kind: str, pred=lambda p: True, extra_ok=None) -> P:
        pool = self.reg.pool[kind]
        for _ in range(200000):
            p = pool[self.rng.randrange(len(pool))]
            good = self.ok(p) if extra_ok is None else extra_ok(p)
            if not good or not pred(p):
                continue
            self.used.add(ident(p.nom, p.prenom))
            return p
        raise RuntimeError(f"no {kind}")

    def use(self, p: P) -> P:
        self.used.add(ident(p.nom, p.prenom))
        return p

    def official(self, kinds=None, pred=lambda p: True) -> P:
        kinds = kinds or (
            "cm",
            "cm",
            "cm",
            "cm",
            "mai",
            "mai",
            "mai",
            "cd",
            "cr",
            "ma",
            "ca",
            "cm",
            "mdel",
        )
        return self.take(self.rng.choice(kinds), lambda p: self.realistic(p) and pred(p))

    @staticmethod
    def realistic(p: P) -> bool:
        """Councillors who sign political calls sit mostly on councils of towns, not of hamlets."""
        if p.kind == "cm" and p.commune_code != "75056":
            return pop(p.commune_code) >= (700 if "adjoint" in p.fonction.lower() else 3000)
        return True

    def signer(self, kinds=None, pred=lambda p: True, imp_ok=None, **imp_kw) -> P:
        """Every 6th one-signer slot is an impostor, of the allowed kind drawn least so far (in cycle
        order); the next slot when this one takes none (imp_ok=())."""
        self.slot += 1
        ok = self.imp_cycle if imp_ok is None else [t for t in self.imp_cycle if t in imp_ok]
        if self.slot % 6 == 0 or self.slot % 29 == 0:
            if ok:
                t = min(ok, key=lambda x: (self.imp_count[x], self.imp_cycle.index(x)))
                return self.impostor(t, **imp_kw)
            self.slot -= 1
        return self.official(kinds, pred)

    def first_for(self, nom: str, sexe: str) -> str:
        carried = self.reg.surnames[fold(nom)]
        firsts = FIRST_F if sexe == "F" else FIRST_M
        for fn in self.rng.sample(firsts, len(firsts)):
            if fold(fn) not in carried and not any(c[:3] == fold(fn)[:3] for c in sorted(carried)):
                return fn
        raise RuntimeError(nom)

    def impostor(
        self,
        t: str | None = None,
        commune_code: str | None = None,
        surname_commune: str | None = None,
    ) -> P:
        """commune_code: the commune the impostor claims (mayor_elsewhere, invented, former_2022);
        surname_commune: for other_first, a commune whose council holds the surname."""
        t = t or self.imp_cycle[self.n_imp % 5]
        self.n_imp += 1
        self.imp_count[t] += 1
        rng, reg = self.rng, self.reg

        def at(code: str) -> dict:
            c = COMMUNES[code]
            return dict(
                dep=c["departement"],
                commune_code=code,
                commune=c["nom"],
                tl=c.get("typeLiaison") or 0,
            )

        if t == "not_elected":
            # an activist, a candidate, a former councillor: a common surname with a first name that
            # makes no 2026 official anywhere, and a surname nobody carries on the council they name
            code = commune_code
            if code is None:
                for _ in range(5000):
                    o = reg.pool["cm"][rng.randrange(len(reg.pool["cm"]))]
                    if pop(o.commune_code) >= 8000 and not o.dep.startswith("97"):
                        code = o.commune_code
                        break
            seated = {fold(x.nom) for x in reg.by_commune[code]}
            if code in reg.mayor_of:
                seated.add(fold(reg.mayor_of[code].nom))
            for _ in range(5000):
                nom = rng.choice(COMMON_NOMS)
                sexe = rng.choice("FM")
                fn = rng.choice(COMMON_F if sexe == "F" else COMMON_M)
                if (
                    reg.absent(nom, fn)
                    and fold(nom) not in seated
                    and ident(nom, fn) not in self.used
                ):
                    self.used.add(ident(nom, fn))
                    claim, prep = NOT_ELECTED_CLAIMS[
                        (self.imp_count[t] - 1) % len(NOT_ELECTED_CLAIMS)
                    ]
                    return P(
                        "",
                        nom,
                        fn,
                        sexe,
                        **at(code),
                        fonction=claim[sexe == "F"],
                        canton=prep,
                        impostor=t,
                    )
        if t == "other_first":
            if surname_commune:
                cands = [
                    p
                    for p in reg.by_commune[surname_commune]
                    if p.kind == "cm" and " " not in p.nom and "POUSE" not in p.nom
                ]
                real = cands[rng.randrange(len(cands))]
            else:
                real = self.take(
                    "cm",
                    lambda p: True,
                    extra_ok=lambda p: (
                        " " not in p.nom
                        and "POUSE" not in p.nom
                        and bool(p.prenom)
                        and pop(p.commune_code) >= 2500
                    ),
                )
            fn = self.first_for(real.nom, real.sexe)
            return P(
                "",
                real.nom,
                fn,
                real.sexe,
                dep=real.dep,
                commune_code=real.commune_code,
                commune=real.commune,
                tl=real.tl,
                impostor=t,
            )
        if t == "mayor_elsewhere":
            for _ in range(5000):
                real = self.take("mai", lambda p: not p.dep.startswith("97"))
                mine = reg.depts_of[ident(real.nom, real.prenom)]
                if commune_code:
                    if COMMUNES[commune_code]["departement"] not in mine:
                        return P(
                            "",
                            real.nom,
                            real.prenom,
                            real.sexe,
                            **at(commune_code),
                            fonction="Maire",
                            impostor=t,
                        )
                    continue
                for _ in range(500):
                    o = reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))]
                    if (
                        o.dep not in mine
                        and not o.dep.startswith("97")
                        and o.commune_code in COMMUNES
                    ):
                        return P(
                            "",
                            real.nom,
                            real.prenom,
                            real.sexe,
                            **at(o.commune_code),
                            fonction="Maire",
                            impostor=t,
                        )
        if t == "invented":
            for _ in range(300):
                nom = rng.choice(INVENTED_NOMS)
                sexe = rng.choice("FM")
                fn = rng.choice(FIRST_F if sexe == "F" else FIRST_M)
                taken = {u.split("|")[0] for u in self.used}
                if fold(nom) not in reg.surnames and fold(nom) not in taken:
                    self.used.add(ident(nom, fn))
                    code = (
                        commune_code
                        or reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))].commune_code
                    )
                    return P(
                        "",
                        nom,
                        fn,
                        sexe,
                        **at(code),
                        fonction=rng.choice(["", "Maire"]) if not commune_code else "Maire",
                        impostor=t,
                    )
        if t == "former_2022":
            if self._former is None:
                self._former = []
                for r in read_rows(HISTORY_MAIRES, "cp1252"):
                    nom, fn = r["Nom de l'élu"], r["Prénom de l'élu"]
                    cc = r["Code de la commune"]
                    if (
                        reg.absent(nom, fn)
                        and len(nom) < 22
                        and " " not in fn
                        and cc in COMMUNES
                        and fold(nom) not in reg.surnames
                        # the RNE may shorten a compound surname: nobody of 2026 with this first name
                        # and one of the words of the surname in the same commune
                        and not (set(fold(nom).split()) & reg.words_at.get((cc, fold(fn)), set()))
                        and len(fn) > 2
                    ):
                        c = COMMUNES[cc]
                        self._former.append(
                            P(
                                "",
                                nom,
                                fn,
                                r["Code sexe"],
                                dep=c["departement"],
                                commune_code=cc,
                                commune=c["nom"],
                                tl=c.get("typeLiaison") or 0,
                                fonction="Maire",
                                impostor=t,
                            )
                        )
            for _ in range(5000):
                p = self._former[rng.randrange(len(self._former))]
                if ident(p.nom, p.prenom) in self.used or p.dep.startswith("97"):
                    continue
                if commune_code and p.dep != COMMUNES[commune_code]["departement"]:
                    continue
                self.used.add(ident(p.nom, p.prenom))
                return p
        raise RuntimeError(t)

    # ---------------------------------------------------------------- messages and labels
    def new(
        self,
        shape: str,
        client: str,
        from_name: str,
        from_addr: str,
        subject: str,
        lo=10,
        hi=170,
        **kw,
    ) -> Mail:
        self.n += 1
        cs, cte = kw.pop("enc", None) or self.rng.choice(CLIENT_ENC.get(client, ENCODINGS))
        if cte == "7bit-qp":
            cte = "quoted-printable"
        dom = from_addr.split("@")[-1]
        t = self.clock.tick(lo, hi)
        m = Mail(
            file=f"{self.n:03d}-{shape}.eml",
            client=client,
            from_name=from_name,
            from_addr=from_addr,
            subject=subject,
            date=t,
            mid=msgid(client, dom, self.rng, t),
            cs=cs,
            cte=cte,
            **kw,
        )
        m.mislabel = (
            client == "outlook_desktop" and cte == "8bit" and cs != "utf-8"
        )  # a candidate; see build()
        self.mails.append(m)
        return m

    def label(
        self,
        m: Mail,
        shape: str,
        intent: str,
        case: str,
        p: P | None = None,
        thread: str | None = None,
        refers_to: str = "",
    ):
        row = dict.fromkeys(LABEL_COLS, "")
        row.update(
            message_file=m.file,
            thread=thread or m.file[:-4],
            intent=intent,
            case=case,
            shape=shape,
            client=m.client,
            refers_to=refers_to,
            expected="no_signer",
        )
        if p is not None:
            row.update(
                nom=p.nom,
                prenom=p.prenom,
                case="impostor" if p.impostor else "official",
                expected="not_verified" if p.impostor else "verified",
                impostor_type=p.impostor,
            )
            if not p.impostor:
                row.update(
                    truth_kind="cm" if p.kind == "mdel" else p.kind,
                    truth_code_commune=p.truth_commune,
                    truth_code_departement=p.truth_dep,
                )
        row["_mail"] = m
        self.labels.append(row)

    def sign(
        self,
        m: Mail,
        shape: str,
        p: P,
        addr: str | None = None,
        thread: str | None = None,
        intent: str = "signs",
    ):
        self.label(m, shape, intent, "", p, thread)
        self.signed.append((m, p, addr or m.from_addr))

    def case(self, p: P) -> str:
        return "impostor" if p.impostor else "official"

    def closing(self) -> str:
        return self.rng.choice(CLOSINGS)

    def body(
        self,
        m: Mail,
        top: str,
        prev: Mail | None = None,
        prev_text: str = "",
        html: bool | None = None,
    ) -> str:
        """Sets m.text (and m.html) from the top text and the quoted previous message; returns the full text."""
        client = m.client
        if client in SMART_QUOTES:  # Word / iOS autocorrect: typographic apostrophes
            top = top.replace("'", "’")
        foot = FOOTERS.get(client)
        if foot and not top.rstrip().endswith(foot) and foot not in top:
            top = f"{top.rstrip()}\n\n{foot}" if client != "outlook_ios" or prev is None else top
        me = (prev.to or m.from_addr) if prev is not None else m.from_addr
        quoted = quote_text(client, prev, prev_text, me) if prev is not None else ""
        m.text = top + quoted
        if html is None:
            html = client in HTML_CLIENTS and self.rng.random() < 0.45
        if html and client in HTML_CLIENTS:
            qh = quote_html(client, prev, prev_text, me) if prev is not None else ""
            m.html = html_doc(client, top, qh)
        return m.text

    def reply_subject(self, client: str, subj: str) -> str:
        base = re.sub(r"^((re|RE|Re|TR|Fwd|RE ?)\s?:\s*)+", "", subj)
        return ("RE: " if client.startswith("outlook") else "Re: ") + base

    # ---------------------------------------------------------------- shapes: one signer per message
    def org_mail(
        self, prev: Mail, prev_text: str, text: str, shape: str, thread: str
    ) -> tuple[Mail, str]:
        i = self.n % 2
        body = text + f"\n\n{org_sig(i)}"
        m = self.new(
            shape,
            "organisers",
            f"{ORGANISERS[i][0]} – {ORG_NAME}",
            ORG_ADDR,
            self.reply_subject("organisers", prev.subject),
            lo=20,
            hi=200,
            in_reply_to=prev.mid,
            references=(prev.references + " " + prev.mid).strip(),
        )
        m.to = f"{prev.from_name} <{prev.from_addr}>" if prev.from_name else prev.from_addr
        full = self.body(m, body, prev, prev_text, html=False)
        self.label(m, shape, "other", "nonsigning", None, thread)
        return m, full

    def user_reply(
        self,
        prev: Mail,
        prev_text: str,
        name: str,
        addr: str,
        client: str,
        text: str,
        shape: str,
        cc: str = "",
        html: bool | None = None,
    ) -> tuple[Mail, str]:
        m = self.new(
            shape,
            client,
            name,
            addr,
            self.reply_subject(client, prev.subject),
            lo=10,
            hi=240,
            in_reply_to=prev.mid,
            references=(prev.references + " " + prev.mid).strip(),
        )
        if cc:
            m.cc = cc
        full = self.body(m, text, prev, prev_text, html=html)
        return m, full

    NICK = {
        "Emmanuel": "Manu",
        "Catherine": "Cathy",
        "Frédéric": "Fred",
        "Stéphanie": "Steph",
        "Alexandre": "Alex",
        "Nicolas": "Nico",
        "Véronique": "Véro",
        "Isabelle": "Isa",
        "Sébastien": "Seb",
        "Nathalie": "Nath",
        "Jacqueline": "Jackie",
        "Maximilien": "Max",
        "Christophe": "Chris",
        "Dominique": "Domi",
        "Bénédicte": "Béné",
        "Jean-François": "Jeff",
        "Elisabeth": "Babeth",
    }

    def colleague(self, code: str, pred) -> P:
        cands = [o for o in self.reg.by_commune[code] if o.kind == "cm" and self.ok(o) and pred(o)]
        return self.use(cands[self.rng.randrange(len(cands))])

    def commune_group(self, n: int, with_mayor: bool = False) -> list[P]:
        """n municipal councillors of one commune (plus its mayor first)."""
        for _ in range(20000):
            p = self.reg.pool["cm"][self.rng.randrange(len(self.reg.pool["cm"]))]
            code = p.commune_code
            if code == "75056" or p.dep.startswith("97"):
                continue
            mayor = self.reg.mayor_of.get(code)
            if with_mayor and (mayor is None or not self.ok(mayor)):
                continue
            cms = [x for x in self.reg.by_commune[code] if x.kind == "cm" and self.ok(x)]
            if len(cms) >= n + 1:
                pick = ([mayor] if with_mayor else []) + self.rng.sample(cms, n)
                for x in pick:
                    self.use(x)
                return pick
        raise RuntimeError("commune group")

    # ---------------------------------------------------------------- helpers of this corpus
    EPCI_OF: dict[str, dict] = {}

    def epci_of(self, code: str) -> dict | None:
        if not self.EPCI_OF:
            for ep in EPCIS:
                for c in ep["membres"]:
                    self.EPCI_OF[c["code"]] = ep
        return self.EPCI_OF.get(code)

    def coll(self, p: P, d: dict) -> str:
        """The collectivity a card names: « Commune de X », « Département du Gers », « Région Bretagne »…"""
        if p.impostor or p.kind in ("mai", "cm", "mdel"):
            if p.commune_code == "75056":
                return "Ville de Paris"
            return "Commune " + de_place(p.commune, p.tl) + (f" ({d['dep']})" if d["dep"] else "")
        if p.kind == "cd":
            return (
                "Collectivité européenne d'Alsace"
                if p.dep == "6AE"
                else "Département " + de_dept(p.dep)
            )
        if p.kind == "cr":
            return "Région " + p.region
        if p.kind == "ma":
            return coll_name(p.coll)
        return cap1(ca_where(p, "num"))

    def role_de(self, p: P, d: dict) -> str:
        return join(d["role"], d["de"]) + (f" {d['paren']}" if d["paren"] and homonym(p) else "")

    def from_call(self, m: Mail, top: str, html: bool | None = None) -> str:
        return self.body(m, top, self.call, CALL, html=html)

    def phone(self, mobile: bool = False) -> str:
        """Numbers from the ranges ARCEP reserves for fiction (01 99 00, 03 53 01, 06 39 98…)."""
        pre = (
            "06 39 98"
            if mobile
            else self.rng.choice(["01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49"])
        )
        return f"{pre} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)}"

    def street(self) -> str:
        return self.rng.choice(
            [
                "1 place de la Mairie",
                "2 rue de l'Église",
                "12 place du Général-de-Gaulle",
                "4 Grande Rue",
                "1 place de la République",
            ]
        )

    # ---------------------------------------------------------------- this campaign: parties, groups, relays
    party_of: dict[str, str] = {}

    def party(self, p: P, key: str | None = None) -> str:
        """A party key, fixed per person (regionalists only where they stand)."""
        k = ident(p.nom, p.prenom)
        if key:
            self.party_of[k] = key
        if p.impostor == "not_elected" and k not in self.party_of:
            for word, pk in (("EELV", "eelv"), ("insoumis", "lfi"), ("PCF", "pcf")):
                if word in p.fonction:
                    self.party_of[k] = pk
        if k not in self.party_of:
            keys = list(PARTY_WEIGHTS)
            weights = [PARTY_WEIGHTS[x] for x in keys]
            reg_key = REGIONALIST.get(p.dep)
            if reg_key:
                keys.append(reg_key)
                weights.append(10)
            self.party_of[k] = self.rng.choices(keys, weights)[0]
        return self.party_of[k]

    def plabel(self, p: P, short: bool = False) -> str:
        forms = PARTY_FORMS[self.party(p)]
        return forms[0] if short else self.rng.choice(forms)

    def group_name(self, p: P) -> str:
        c = pretty(p.commune) if p.commune else "la ville"
        t = self.rng.choice(GROUP_TEMPLATES)
        return t.format(c=c, de=de_place(p.commune, p.tl), a=a_place(p.commune, p.tl))

    @staticmethod
    def plain_cm(p: P) -> bool:
        if p.impostor:
            return p.impostor in ("other_first", "invented") and p.fonction != "Maire"
        return p.kind == "cm" and "adjoint" not in p.fonction.lower() and p.commune_code != "75056"

    @staticmethod
    def is_mayor(p: P) -> bool:
        return p.kind == "mai" or (bool(p.impostor) and p.fonction == "Maire")

    def mphrase(self, p: P, d: dict, opp: bool = False) -> str:
        """The mandate as signers write it; « d'opposition » for a plain municipal councillor when opp."""
        rng = self.rng
        if p.impostor == "not_elected":
            return join(d["role"], d["de"])
        if opp and self.plain_cm(p):
            a = a_place(p.commune, p.tl) + (f" ({d['dep']})" if homonym(p) and d["dep"] else "")
            de = d["de"] + (f" ({d['dep']})" if homonym(p) and d["dep"] else "")
            return rng.choice(
                [
                    f"{d['role']} d'opposition {a}",
                    f"{d['role']} {de} (opposition)",
                    f"{e(p, 'élu', 'élue')} d'opposition au conseil municipal {de}",
                    f"{d['role']} {de}, groupe d'opposition",
                ]
            )
        return self.role_de(p, d)

    def fwd_text(self, client: str, prev: Mail, prev_text: str, me: str) -> str:
        """The forwarded message under the writer's text, as each client lays it out."""
        t, w = prev.date, who(prev)
        to = prev.to or me
        if client in ("gmail", "android_gmail"):
            return (
                f"\n\n---------- Forwarded message ---------\nDe : {w}\nDate: {FR_DAY_ABBR[t.weekday()]} {t.day} "
                f"{FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}\nSubject: {prev.subject}\nTo: {to}\n\n\n{prev_text}\n"
            )
        if client == "thunderbird":
            return (
                f"\n\n\n-------- Message transféré --------\nSujet : \t{prev.subject}\nDate : \t{rfc_date(t)}\n"
                f"De : \t{w}\nPour : \t{to}\n\n\n{prev_text}\n"
            )
        if client in ("apple", "iphone"):
            return (
                f"\n\nDébut du message réexpédié :\n\n{'' if client == 'apple' else '> '}De: {w}\nObjet: {prev.subject}\n"
                f"Date: {t.day} {FR_MONTHS[t.month - 1]} {t.year} à {t:%H:%M:%S} UTC+1\nÀ: {to}\n\n{prev_text}\n"
            )
        if client in ("zimbra", "laposte"):
            return (
                f"\n\n----- Mail transféré -----\nDe: {w}\nÀ: {to}\nEnvoyé: {fr_long(t, cap=True, secs=True)}\n"
                f"Objet: {prev.subject}\n\n{prev_text}\n"
            )
        if client in ("roundcube", "organisers"):
            return (
                f"\n\n-------- Message original --------\nObjet: \t{prev.subject}\nDate: \t{t:%Y-%m-%d %H:%M}\n"
                f"De: \t{w}\nÀ: \t{to}\n\n{prev_text}\n"
            )
        if client == "protonmail":
            return (
                f"\n\n------- Forwarded Message -------\nDe : {w}\nDate : {fr_long(t).replace(f' {t.year} ', f' {t.year} à ')}\n"
                f"Objet : {prev.subject}\nÀ : {to}\n\n\n{prev_text}\n"
            )
        if client == "yahoo":
            return (
                f"\n\n\n----- Message transféré -----\nDe : {w}\nÀ : {to}\nEnvoyé : {fr_long(t).rsplit(' ', 1)[0]} à "
                f"{t:%H:%M:%S} UTC+1\nObjet : {prev.subject}\n\n{prev_text}\n"
            )
        if client in ("orange", "orange_app", "sfr"):
            return (
                f"\n\n-------- Message transféré --------\n> Message du {t:%d/%m/%y %H:%M}\n> De : {w}\n> A : {to}\n"
                f"> Objet : {prev.subject}\n>\n{q(prev_text)}\n"
            )
        if client == "samsung":
            return (
                f"\n\n\n-------- Message transféré --------\nDe : {w}\nDate : {t:%d/%m/%Y %H:%M} (GMT+01:00)\nÀ : {to}\n"
                f"Objet : {prev.subject}\n\n{prev_text}\n"
            )
        if client == "outlook_mac":
            return (
                f"\n\nDe : {w}\nDate : {fr_long(t).replace(f' {t.year} ', f' {t.year} à ')}\nÀ : {to}\n"
                f"Objet : {prev.subject}\n\n{prev_text}\n"
            )
        return (
            f"\n\n________________________________\nDe : {w}\nEnvoyé : {fr_long(t)}\nÀ : {to}\nObjet : {prev.subject}\n\n"
            f"{prev_text}\n"
        )

    def fwd_subject(self, client: str, subj: str) -> str:
        if client in (
            "outlook_desktop",
            "outlook_mac",
            "zimbra",
            "laposte",
            "orange",
            "sfr",
            "samsung",
        ):
            return "TR: " + subj
        return "Fwd: " + subj

    def fwd_body(
        self, m: Mail, top: str, prev: Mail, prev_text: str, html: bool | None = None
    ) -> str:
        client = m.client
        if client in SMART_QUOTES:
            top = top.replace("'", "’")
        foot = FOOTERS.get(client)
        if foot and foot not in top:
            top = f"{top.rstrip()}\n\n{foot}"
        m.text = top + self.fwd_text(client, prev, prev_text, m.to or ORG_ADDR)
        if html is None:
            html = client in HTML_CLIENTS and self.rng.random() < 0.4
        if html and client in HTML_CLIENTS:
            m.html = html_doc(client, m.text)
        return m.text

    _nets: dict[int, tuple[Mail, str]] = {}

    def net_relay(self, i: int) -> tuple[Mail, str]:
        """A network of elected officials relays the call to its list (not a message of the mailbox)."""
        if i in self._nets:
            return self._nets[i]
        net = NETWORKS[i]
        st = STAFF[i]
        client = net["client"]
        t = aware(dt.datetime(2027, 2, 3, 7, 58, 11 * i) + dt.timedelta(minutes=3 * i))
        m = Mail(
            "",
            client,
            net["name"],
            net["addr"],
            f"{net['tag']} {self.fwd_subject(client, CALL_SUBJECT)}",
            t,
            msgid(client, net["addr"].split("@")[1], self.rng, t),
            to=net["list"],
        )
        intro = (
            f"{net['hello']}\n\n{net['intro']}\n\nPour signer : répondre directement à {ORG_ADDR} (nom, prénom, mandat, "
            f"collectivité).\n\n{net['bye']}\n{st[0]} {nom_case(st[1])}\n{net['role']}\n{net['name']}"
        )
        text = intro + self.fwd_text(client, self.call, CALL, net["list"])
        self._nets[i] = (m, text)
        return m, text

    def fed_relay(self, i: int, dep: str) -> tuple[Mail, str]:
        """The party's département federation forwards the network's relay to its elected members."""
        rng = self.rng
        net = NETWORKS[i]
        nm, nt = self.net_relay(i)
        dep = dep if dep in DEPTS else "69"
        fed = net["fed"].format(dn=dept_name(dep), de=de_dept(dep), d=dep)
        addr = net["fedaddr"].format(d=dep.lower())
        client = ["outlook_desktop", "gmail", "thunderbird", "zimbra", "roundcube"][
            sum(map(ord, dep)) % 5
        ]
        t = max(
            nm.date + dt.timedelta(minutes=25),
            aware(self.clock.t - dt.timedelta(minutes=rng.randint(20, 900))),
        )
        m = Mail(
            "",
            client,
            fed,
            addr,
            f"[Élu·es {dep}] {self.fwd_subject(client, nm.subject)}",
            t,
            msgid(client, addr.split("@")[1], rng, t),
            to=f"elus{dep.lower()}@{addr.split('@')[1]}",
        )
        intro = rng.choice(
            [
                f"Chères et chers élu·es,\n\nVous trouverez ci-dessous l'appel relayé par {net['short']}. La fédération vous "
                f"invite à le signer nombreuses et nombreux, en écrivant directement aux organisateurs.\n\n{net['bye']},\n"
                f"Le secrétariat fédéral",
                f"Bonjour à toutes et à tous,\n\nÀ signer et à faire signer ! L'appel est ouvert aux élu·es de toutes les "
                f"collectivités, majorité ou opposition.\n\n{net['bye']}\n{fed}",
                f"Cher·es camarades élu·es,\n\nPetit rappel : l'appel ci-dessous, soutenu par {net['short']}, se signe par "
                f"simple mail à {ORG_ADDR}.\n\nBonne journée,\nPôle élu·es – {fed}",
            ]
        )
        text = intro + self.fwd_text(client, nm, nt, m.to)
        return m, text

    def opp_group(self, n: int, pred=lambda code: True) -> list[P]:
        """n plain municipal councillors of one commune of at least 5,000 inhabitants."""
        for _ in range(30000):
            p = self.reg.pool["cm"][self.rng.randrange(len(self.reg.pool["cm"]))]
            code = p.commune_code
            if code == "75056" or p.dep.startswith("97") or pop(code) < 5000 or not pred(code):
                continue
            cms = [x for x in self.reg.by_commune[code] if self.plain_cm(x) and self.ok(x)]
            if len(cms) >= n + 2:
                pick = self.rng.sample(cms, n)
                for x in pick:
                    self.use(x)
                return pick
        raise RuntimeError("group")

    def closing2(self, p: P | None = None) -> str:
        extra = PARTY_CLOSINGS.get(self.party(p), []) if p is not None else []
        return self.rng.choice(CLOSINGS_LEFT + extra * 3)

    # ---------------------------------------------------------------- signing shapes
    def reply_above_fwd(self):
        """A reply (or a forward back to the organisers) above the call relayed twice: network, then federation."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "apple",
            "iphone",
            "zimbra",
            "laposte",
            "orange",
            "sfr",
            "protonmail",
            "roundcube",
            "yahoo",
            "android_gmail",
            "samsung",
            "outlook_mac",
            "gmail",
            "iphone",
            "outlook_desktop",
            "gmail",
            "thunderbird",
            "orange",
            "laposte",
            "apple",
            "protonmail",
        ]
        for k in range(24):
            i = k % 5
            p = self.signer(
                ("cm", "cm", "cm", "mai", "cd", "cr", "cm", "cm"),
                lambda p: not p.dep.startswith("97") and p.dep in DEPTS,
            )
            self.party(p, NETWORKS[i]["key"])
            d = parts(p, rng)
            fm, ft = self.fed_relay(i, p.dep)
            client = clients[k]
            name = display(p, rng.choice(["std", "std", "cased", "inv", "caps"]))
            mp = self.mphrase(p, d, opp=rng.random() < 0.5)
            pl = self.plabel(p)
            if self.is_mayor(p):
                elu = f"Maire {pl} {d['de']}"
            elif self.plain_cm(p):
                elu = f"{e(p, 'Élu', 'Élue')} {pl} au conseil municipal {d['de']}"
            else:
                elu = f"{cap1(mp)} ({pl})"
            top = [
                f"Bonjour,\n\nJe signe bien volontiers.\n\n{name}\n{cap1(mp)}\n{pl}",
                f"Je signe.\n{name}, {mp} ({pl})",
                f"Bonjour,\n\nAjoutez-moi aux signataires svp : {name}, {pl}, {mp}.\n\nMerci pour l'initiative !",
                f"Signé !\n\n{name} – {pl} – {mp}",
                f"Bonjour à vous,\n\nReçu via la fédé, je signe évidemment.\n\n{self.closing2(p)}\n{name}\n{cap1(mp)}",
                f"Je m'associe à cet appel.\n\n{name}\n{elu}",
                f"ok pour moi\n\n{p.prenom} {p.nom}\n{mp}",
                f"Bonjour,\nJe signe, et je fais tourner dans le groupe.\n{p.prenom}\n\n-- \n{name}\n{cap1(mp)}\n{pl}",
                f"Bonjour,\n\nMerci à la fédération pour le relais. Je signe l'appel en tant que {mp}.\n\n{name}",
                f"Bonjour,\n\nOui, bien sûr : {name}, {pl}, {mp}.\n\n{self.closing2(p)}",
                f"Bonjour\nSignature : {display(p, 'inv')}\n{cap1(mp)} – {pl}\nBonne journée",
                f"Je signe ! 👍\n{name}\n{mp}",
                f"Pour signature.\n\n{name}\n{cap1(mp)}",
                f"Chère Clémentine, cher Loïc,\n\nC'est un grand oui, le logement est LA question dans notre territoire.\n\n"
                f"{name}, {mp}\n{pl}",
            ][k % 14]
            fwd = k % 3 != 1
            subj = (
                self.fwd_subject(client, fm.subject)
                if fwd
                else self.reply_subject(client, fm.subject)
            )
            m = self.new(
                "reply_above_fwd",
                client,
                display(p, rng.choice(["cased", "std", "cased_inv"])) if k % 7 else "",
                addr_of(p, rng) if p.impostor or k % 2 else official_addr(p, rng),
                subj,
                in_reply_to="" if fwd else fm.mid,
            )
            if fwd:
                self.fwd_body(m, top, fm, ft)
            else:
                m.cc = f"{fm.from_name} <{fm.to}>" if k % 2 else ""
                self.body(m, top, fm, ft)
            self.sign(m, "reply_above_fwd", p)

    def party_first(self):
        """The party before the name (or right after it): « EELV – Marie DUPONT, conseillère municipale de X »."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "orange",
            "thunderbird",
            "iphone",
            "laposte",
            "protonmail",
            "zimbra",
            "yahoo",
            "sfr",
            "apple",
            "gmail",
            "roundcube",
            "outlook_desktop",
            "samsung",
            "android_gmail",
            "orange",
            "gmail",
        ]
        for k in range(18):
            p = self.signer(("cm", "cm", "mai", "cm", "cd", "cr"), lambda p: p.dep in DEPTS)
            d = parts(p, rng)
            pl = self.plabel(p)
            ps = self.plabel(p, short=True)
            mp = self.mphrase(p, d, opp=rng.random() < 0.4)
            nm = display(p, rng.choice(["std", "cased", "std"]))
            line = [
                f"{pl} – {nm}, {mp}",
                f"{pl} / {nm} / {mp}",
                f"[{ps}] {nm} — {mp}",
                f"{pl} : {nm}, {mp}",
                f"{pl}\n{nm}\n{cap1(mp)}",
                f"{display(p, 'inv')} ({ps}) – {mp}",
                f"Pour {pl} {d['de'] or ''} : {nm}, {mp}".replace("  ", " "),
                noacc(f"{ps} - {nm} - {mp}").upper(),
                f"{nm} ({ps}), {mp}",
            ][k % 9]
            text = rng.choice(
                [
                    f"Bonjour,\n\nJe signe :\n\n{line}\n\n{self.closing2(p)}",
                    f"{line}",
                    f"Signature :\n{line}",
                    f"Bonjour,\n\nMerci de m'ajouter à la liste des signataires.\n\n{line}",
                    f"Je signe.\n\n{line}\n\n{self.closing2(p)}",
                    f"Bonsoir,\nJe signe l'appel avec conviction.\n{line}",
                ]
            )
            m = self.new(
                "party_first",
                clients[k],
                display(p, rng.choice(["cased", "std"]))
                if k % 4
                else f"{p.prenom} {nom_case(p.nom)} - {ps}",
                addr_of(p, rng),
                rng.choice(
                    [
                        "Signature appel loyers",
                        "Re: " + CALL_SUBJECT,
                        "Appel encadrement des loyers",
                        "signature",
                        "Je signe",
                        f"Signature {ps}",
                    ]
                ),
            )
            if k % 5 == 2:
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "party_first", p)

    def opposition_cm(self):
        """Municipal councillors of the opposition, with their group."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "thunderbird",
            "orange",
            "apple",
            "laposte",
            "gmail",
            "protonmail",
            "zimbra",
            "iphone",
            "sfr",
            "roundcube",
            "yahoo",
            "gmail",
            "outlook_mac",
            "android_gmail",
        ]
        for k in range(16):
            p = self.signer(
                ("cm",),
                lambda p: (
                    self.plain_cm(p) and pop(p.commune_code) >= 3500 and not p.dep.startswith("97")
                ),
                imp_ok=("other_first", "invented", "not_elected"),
            )
            if p.impostor == "invented":
                p.fonction = ""
            d = parts(p, rng)
            grp = self.group_name(p)
            pl = self.plabel(p)
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            role = d["role"]
            de = d["de"] + (f" ({d['dep']})" if homonym(p) and d["dep"] else "")
            a = a_place(p.commune, p.tl) + (f" ({d['dep']})" if homonym(p) and d["dep"] else "")
            if p.impostor == "not_elected":
                text = [
                    f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{cap1(self.mphrase(p, d))}\nListe « {grp} »\n{pl}",
                    f"Bonjour,\n\n{nm}, {self.mphrase(p, d)} (liste « {grp} »), signe l'appel.\n\nCordialement",
                    f"Je signe ! {nm}, {self.mphrase(p, d)}, {pl}",
                ][k % 3]
            else:
                text = [
                    f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{e(p, 'Conseiller municipal', 'Conseillère municipale')} d'opposition {a}\n{pl}",
                    f"Bonjour,\n\n{nm}, {e(p, 'élu', 'élue')} du groupe « {grp} » au conseil municipal {de}, signe l'appel.\n\nCordialement",
                    f"Madame, Monsieur,\n\n{e(p, 'Élu', 'Élue')} d'opposition {a}, je m'associe pleinement à cet appel : nous avons "
                    f"demandé l'encadrement des loyers en conseil municipal, la majorité l'a refusé.\n\n{nm}\nGroupe « {grp} »",
                    f"Je signe. {nm}, {role} {de} (minorité municipale, {pl})",
                    f"Bonjour,\n\nDans notre ville les loyers ont pris 20 % en cinq ans ; nous l'avons dit en conseil municipal, sans "
                    f"succès. Je signe.\n\n{nm}\n{cap1(role)}, groupe d'opposition « {grp} »\n{pretty(p.commune)}",
                    f"Bonjour,\nSeul{e(p, '', 'e')} {e(p, 'élu', 'élue')} de gauche au conseil municipal {de}, je signe avec plaisir.\n{nm}",
                    f"Bonjour,\n\nJe siège dans l'opposition municipale {a} et je signe votre appel.\n\n{nm}, {pl}",
                    f"Bonjour,\n\n{e(p, 'Ancien adjoint', 'Ancienne adjointe')} au logement, aujourd'hui {role} d'opposition {a}, "
                    f"je signe des deux mains.\n\n{nm}",
                    f"Signature : {display(p, 'inv')}\nConseill. mun. d'opposition – {pretty(p.commune)} ({d['dep']})",
                    f"{nm}\n{cap1(role)} « {grp} » – {pretty(p.commune)}\n{e(p, 'Président', 'Présidente')} du groupe d'opposition\n\nJe signe.",
                    f"Bonjour,\n\nPour moi c'est oui. {nm}, {role} {de}, {e(p, 'élu', 'élue')} sur la liste « {grp} » ({pl}).",
                ][k % 11]
            m = self.new(
                "opposition_cm",
                clients[k],
                display(p, rng.choice(["cased", "std"])),
                addr_of(p, rng),
                rng.choice(
                    [
                        "Signature",
                        "Appel loyers – signature",
                        "Re: " + CALL_SUBJECT,
                        "je signe",
                        "Soutien",
                    ]
                ),
            )
            self.body(m, text)
            self.sign(m, "opposition_cm", p)

    def group_signature(self):
        """An opposition group signs together: « Pour le groupe X : A, B, C »."""
        rng = self.rng
        sizes = [3, 4, 2, 5, 3, 4, 3, 2, 4, 3]
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "thunderbird",
            "laposte",
            "apple",
            "gmail",
            "roundcube",
            "outlook_desktop",
            "orange",
        ]
        metro = {x["code"] for ep in EPCIS if is_metropole(ep["nom"]) for x in ep["membres"]}
        for k in range(10):
            grp_p = self.opp_group(sizes[k], (lambda c: c in metro) if k == 6 else (lambda c: True))
            code = grp_p[0].commune_code
            if k == 2:
                grp_p.append(self.impostor("other_first", surname_commune=code))
            if k in (5, 9):
                grp_p.insert(
                    2 if k == 5 else len(grp_p), self.impostor("not_elected", commune_code=code)
                )
            if k == 8:
                x = self.impostor("invented", commune_code=code)
                x.fonction = ""
                grp_p.append(x)
            p0 = grp_p[0]
            d0 = parts(p0, rng)
            grp = self.group_name(p0)
            town = pretty(p0.commune)
            de = d0["de"] + (f" ({d0['dep']})" if homonym(p0) and d0["dep"] else "")
            names = [display(x, rng.choice(["std", "cased"])) for x in grp_p]

            def role(x):
                return (
                    x.fonction
                    if x.impostor == "not_elected"
                    else e(x, "conseiller municipal", "conseillère municipale")
                )

            def enum(xs):
                return ", ".join(xs[:-1]) + " et " + xs[-1]

            sender, addr = display(p0, "cased"), addr_of(p0, rng)
            if k == 0:
                text = (
                    f"Bonjour,\n\nPour le groupe {grp} : {', '.join(names)}.\n\n{self.closing2(p0)}\n{names[0]}\n"
                    f"{cap1(d0['role'])} {de}, {e(p0, 'président', 'présidente')} du groupe {grp}"
                )
            elif k == 1:
                sender, addr = f"Groupe {grp}", f"groupe.{slug(grp)[:20]}@{town_dom(p0)}"
                lines = "\n".join(f"- {n}" for n in names)
                text = f"Bonjour,\n\nLes élu·es du groupe « {grp} » au conseil municipal {de} signent l'appel :\n{lines}\n\nLe secrétariat du groupe"
            elif k == 2:
                st = STAFF[6]
                sender, addr = (
                    f"{st[0]} {nom_case(st[1])}",
                    f"{slug(st[0])}.{slug(st[1])}@{town_dom(p0)}",
                )
                lines = "\n".join(f"{display(x, 'inv')} – {role(x)}" for x in grp_p)
                text = (
                    f"Bonjour,\n\nJe vous transmets la signature des élu·es du groupe {grp} (conseil municipal {de}) :\n\n{lines}\n\n"
                    f"Cordialement,\n{st[0]} {nom_case(st[1])}\nCollaboratrice du groupe {grp}\nHôtel de ville {de}"
                )
            elif k == 3:
                items = ", ".join(
                    f"{n} ({self.plabel(x, short=True)})" for n, x in zip(names, grp_p, strict=True)
                )
                text = f"Nous signons toutes et tous les {len(grp_p)} : {items} — groupe {grp} au conseil municipal {de}.\n\nSolidairement"
            elif k == 4:
                text = (
                    f"Bonjour,\n\nJe signe, ainsi que mes collègues de groupe {enum(names[1:]) if len(names) > 2 else names[1]}.\n\n"
                    f"{names[0]}\n{cap1(d0['role'])} {de}\nGroupe {grp}"
                )
            elif k == 5:
                lines = "\n".join(
                    f"{j + 1}. {n}, {role(x)}"
                    + ("" if x.impostor == "not_elected" else f" ({self.plabel(x, short=True)})")
                    for j, (n, x) in enumerate(zip(names, grp_p, strict=True))
                )
                text = f"Bonjour,\n\nSignataires pour notre groupe :\n{lines}\n\nGroupe « {grp} » – {town} ({d0['dep']})"
            elif k == 6:
                ep = self.epci_of(code)
                text = (
                    f"Bonjour,\n\nLes élu·es du groupe {grp}, au conseil municipal {de} et à {ep['nom'] if ep else 'la Métropole'}, "
                    f"signent l'appel : {enum(names)}.\n\nAmitiés,\n{names[0]}"
                )
            elif k == 7:
                text = f"Pour le groupe Écologiste et citoyen {de} : {enum(names)} (élu·es d'opposition). Merci !"
            elif k == 8:
                lines = "\n".join(
                    f"{self.plabel(x, short=True)} – {n}" for n, x in zip(names, grp_p, strict=True)
                )
                text = f"Bonjour,\n\n{lines}\n\nGroupe « {grp} », conseil municipal {de}.\nNous signons l'appel.\n\n{self.closing2(p0)}"
            else:
                text = (
                    f"Bonjour,\n\nAu nom du groupe {grp}, nous sommes {len(grp_p)} à signer : {enum(names)}, "
                    f"{'conseillers municipaux' if any(not x.f for x in grp_p) else 'conseillères municipales'} {de}.\n\n{names[0]}"
                )
            m = self.new(
                "group_signature",
                clients[k],
                sender,
                addr,
                rng.choice(
                    [
                        "Signatures du groupe",
                        f"Appel loyers – groupe {grp}",
                        "Re: " + CALL_SUBJECT,
                        "Signature groupe",
                    ]
                ),
            )
            if k == 7:
                self.from_call(m, text)
            else:
                self.body(m, text)
            for x in grp_p:
                self.label(m, "group_signature", "signs", "", x)

    def activist_block(self):
        """A short body above a long activist signature: mandates, party functions, contacts, pronouns, a motto."""
        rng = self.rng
        clients = [
            "thunderbird",
            "gmail",
            "protonmail",
            "outlook_desktop",
            "apple",
            "roundcube",
            "gmail",
            "zimbra",
            "iphone",
            "laposte",
            "protonmail",
            "android_gmail",
            "outlook_mac",
            "gmail",
        ]
        for k in range(14):
            p = self.signer(
                ("cm", "cm", "mai", "cd", "cr", "cm"),
                lambda p: p.dep in DEPTS and not p.dep.startswith("97"),
            )
            d = parts(p, rng)
            key = self.party(p)
            dn = dept_name(d["dep"]) if d["dep"] else ""
            town = pretty(p.commune) if p.commune else pretty(p.canton or dn)
            funcs = [
                f.format(
                    dn=dn,
                    town=town,
                    e=e(p, "", "e"),
                    eur=e(p, "eur", "rice"),
                    ier=e(p, "ier", "ière"),
                )
                for f in PARTY_FUNCS.get(key, PARTY_FUNCS["dvg"])
            ]
            rng.shuffle(funcs)
            lines = [display(p, rng.choice(["std", "cased", "caps"]))]
            if p.impostor == "not_elected":
                lines.append(cap1(self.mphrase(p, d)))
            else:
                lines.append(cap1(self.role_de(p, d)))
                ep = self.epci_of(p.commune_code) if p.commune_code else None
                if ep and p.kind in ("mai", "cm") and rng.random() < 0.6:
                    lines.append(
                        e(p, "Conseiller métropolitain", "Conseillère métropolitaine")
                        + f" – {ep['nom']}"
                        if is_metropole(ep["nom"])
                        else e(p, "Conseiller communautaire", "Conseillère communautaire")
                        + f" – {ep['nom']}"
                    )
            lines += funcs[: rng.randint(1, 3)]
            extra = [
                f"📞 {self.phone(True)}",
                f"Permanence : {self.street()}, {town}",
                f"Mastodon : @{slug(p.prenom)}{slug(p.nom)[:6]}@piaille.example",
                f"Pronoms : {e(p, 'il/lui', 'elle/la')}",
                "« Le logement est un droit, pas une marchandise. »",
                "🌱 Merci de n'imprimer ce courriel qu'en cas de nécessité.",
                "Ce message n'appelle pas de réponse en dehors de vos heures de travail.",
                f"Tél. : {self.phone()}",
            ]
            rng.shuffle(extra)
            lines += extra[: rng.randint(2, 4)]
            sep = rng.choice(["-- \n", "--\n", "_______________\n", "\n", "~~~\n"])
            block = sep + "\n".join(lines)
            top = rng.choice(
                [
                    "Je signe !",
                    "Bonjour,\n\nSignature ci-dessous.",
                    "Bien sûr, je signe. Merci à vous !",
                    "Bonjour,\n\nJe signe et je relaie auprès des élu·es de la fédé.",
                    "Bonjour Clémentine,\n\nAvec plaisir, je signe.",
                    "Je signe l'appel. Bon courage pour la suite !",
                    "Bonjour,\nJe soutiens et je signe.\nBelle journée",
                ]
            )
            m = self.new(
                "activist_block",
                clients[k],
                display(p, rng.choice(["cased", "std"])),
                addr_of(p, rng),
                rng.choice(
                    [
                        "Signature",
                        "Re: " + CALL_SUBJECT,
                        "Appel des élu·es – je signe",
                        "loyers",
                        "Soutien à l'appel",
                    ]
                ),
            )
            if k % 4 == 1:
                self.from_call(m, f"{top}\n\n{block}")
            else:
                self.body(m, f"{top}\n\n{block}")
            self.sign(m, "activist_block", p)

    def metro_arr(self):
        """Paris, Lyon, Marseille and the métropoles: conseiller·e de Paris, d'arrondissement, de la Métropole de Lyon,
        conseiller·e métropolitain·e who is a municipal councillor or adjoint·e of a member commune."""
        rng = self.rng
        metro = {x["code"]: ep for ep in EPCIS if is_metropole(ep["nom"]) for x in ep["membres"]}
        plan = [
            "paris",
            "ca_paris",
            "lyon_m",
            "metro_adj",
            "ca_lyon",
            "paris",
            "ca_mars",
            "lyon_m",
            "metro_cm",
            "ca_paris",
            "marseille",
            "lyon_m",
        ]
        clients = [
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "iphone",
            "protonmail",
            "apple",
            "orange",
            "zimbra",
            "gmail",
            "sfr",
            "laposte",
            "roundcube",
        ]
        for k, kind in enumerate(plan):
            if kind == "paris":
                p = self.signer(
                    ("cm",),
                    lambda p: p.commune_code == "75056",
                    imp_ok=("not_elected",),
                    commune_code="75056",
                )
            elif kind.startswith("ca_"):
                city = {"ca_paris": "Paris", "ca_lyon": "Lyon", "ca_mars": "Marseille"}[kind]
                p = self.signer(
                    ("ca",),
                    lambda p, c=city: p.secteur.startswith(c) and "Maire" not in p.fonction,
                    imp_ok=(),
                )
            elif kind == "lyon_m":
                p = self.signer(("ma",), lambda p: p.coll == "69M", imp_ok=())
            elif kind == "marseille":
                p = self.signer(("cm",), lambda p: p.commune_code == "13055", imp_ok=())
            else:
                adj = kind == "metro_adj"
                p = self.signer(
                    ("cm",),
                    lambda p, adj=adj: (
                        p.commune_code in metro and ("adjoint" in p.fonction.lower()) == adj
                    ),
                    imp_ok=(),
                )
            d = parts(p, rng)
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            pl = self.plabel(p)
            if p.impostor == "not_elected":
                desc = f"{self.mphrase(p, d)} (18e)"
            elif kind == "paris":
                desc = rng.choice(
                    [
                        f"{d['role']} (75)",
                        f"{e(p, 'conseiller municipal', 'conseillère municipale')} de Paris (75)",
                        f"{d['role']}, {e(p, 'élu', 'élue')} du {rng.randint(11, 20)}e",
                    ]
                )
            elif kind.startswith("ca_"):
                city, n = sector(p)
                if city == "Paris":
                    arr = "Paris Centre" if n == 1 else f"Paris {n}e"
                    desc = rng.choice(
                        [
                            f"{d['role']} ({arr})",
                            f"{d['role']} du {'secteur Paris Centre' if n == 1 else f'{n}e arrondissement'}",
                            f"{e(p, 'élu', 'élue')} au conseil {'de Paris Centre' if n == 1 else f'du {n}e'} – {d['role']}",
                        ]
                    )
                    if "adjoint" in p.fonction:
                        where = "de Paris Centre" if n == 1 else f"du {n}e"
                        desc = f"{d['role'].rsplit(' au maire', 1)[0]} {rng.choice(['au maire', 'à la mairie'])} {where}"
                elif city == "Lyon":
                    desc = f"{d['role']} du {n}{'er' if n == 1 else 'e'} arrondissement de Lyon"
                else:
                    a, b = MARSEILLE_SECTORS[n]
                    desc = f"{d['role']}, {n}{'er' if n == 1 else 'e'} secteur de Marseille ({a}{'er' if a == 1 else 'e'}/{b}e)"
            elif kind == "lyon_m":
                circ = pretty(p.secteur.title()) if p.secteur else ""
                desc = rng.choice(
                    [
                        f"{e(p, 'conseiller', 'conseillère')} de la Métropole de Lyon",
                        f"{e(p, 'conseiller métropolitain', 'conseillère métropolitaine')} (Grand Lyon), circonscription {circ}",
                        f"{e(p, 'élu', 'élue')} à la Métropole de Lyon ({circ})",
                    ]
                )
            elif kind == "marseille":
                a = rng.choice([(13, 14), (15, 16), (1, 7), (11, 12)])
                desc = f"{d['role']} de Marseille ({a[0]}e/{a[1]}e)"
            else:
                ep = metro[p.commune_code]
                mt = e(p, "conseiller métropolitain", "conseillère métropolitaine")
                desc = rng.choice(
                    [
                        f"{self.role_de(p, d)}, {mt} ({ep['nom']})",
                        f"{mt} – {ep['nom']}, {d['role']} {d['de']}",
                    ]
                )
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{cap1(desc)}\n{pl}",
                f"Je signe : {nm}, {desc} ({pl}).",
                f"Bonjour,\n\nDans les grandes villes comme ailleurs, l'encadrement marche quand il est contrôlé. Je signe.\n\n{nm}, {desc}",
                f"Signature : {nm} – {desc} – groupe {self.group_name(p) if p.commune else 'Écologiste'}",
                f"Bonjour,\n\n{nm}, {desc}, signe l'appel.\n\n{self.closing2(p)}",
                f"Bonjour,\nmerci de m'ajouter : {nm}\n{desc}\n{pl}\nBien à vous",
            ][k % 6]
            m = self.new(
                "metro_arr",
                clients[k],
                display(p, rng.choice(["cased", "std"])),
                addr_of(p, rng),
                rng.choice(["Signature", "Re: " + CALL_SUBJECT, "Appel loyers", "signature appel"]),
            )
            self.body(m, text)
            self.sign(m, "metro_arr", p)

    def dept_region(self):
        """Departmental and regional councillors with their group, canton or section."""
        rng = self.rng
        kinds = ["cd", "cr", "cd", "cr", "cd", "ma94", "cr", "cd", "cr", "cd"]
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "outlook_desktop",
            "thunderbird",
            "gmail",
            "apple",
            "laposte",
            "outlook_mac",
            "iphone",
        ]
        for k, kind in enumerate(kinds):
            if kind == "ma94":
                p = self.signer(("ma",), lambda p: p.coll == "94" and not p.fonction, imp_ok=())
                self.party(p, "femu")
            else:
                p = self.signer(
                    (kind,),
                    lambda p: p.dep in DEPTS and p.dep != "6AE" and not p.dep.startswith("97"),
                    imp_ok=(),
                )
            d = parts(p, rng)
            pl = self.plabel(p)
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            grp = rng.choice(DEPT_GROUPS)
            f = p.fonction
            if kind == "cd":
                canton = de_name(p.canton)
                if "Vice" in f:
                    desc = f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} du Département {de_dept(p.dep)}, {e(p, 'délégué', 'déléguée')} à l'habitat"
                else:
                    desc = [
                        f"{d['role']} {de_dept(p.dep)} (canton {canton}), groupe {grp}",
                        f"{e(p, 'élu', 'élue')} au Département {de_dept(p.dep)}, canton {canton}",
                        f"CD{p.dep} – canton {canton} – {pl}",
                        f"{d['role']} du canton {canton} ({dept_name(p.dep)})",
                        f"{d['role']} {de_dept(p.dep)}",
                    ][k % 5]
            elif kind == "cr":
                short = REGION_SHORT.get(p.region_code, p.region)
                desc = [
                    f"{d['role']} {short} – groupe {grp}",
                    f"{e(p, 'élu régional', 'élue régionale')} ({p.region}), section {dept_name(p.dep) if p.dep in DEPTS else ''}",
                    f"{d['role']} {de_place(p.region, p.region_tl)}, {e(p, 'élu', 'élue')} {de_dept(p.dep) if p.dep in DEPTS else ''}",
                    f"{e(p, 'conseiller régional', 'conseillère régionale')} {short} ({pl})",
                ][k % 4]
                if "Vice" in f:
                    desc = f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} de la Région {p.region}"
            else:
                desc = f"{e(p, 'cunsiglieru', 'cunsigliera')} à l'Assemblea di Corsica ({e(p, 'conseiller', 'conseillère')} à l'Assemblée de Corse)"
            text = [
                f"Madame, Monsieur,\n\nJe vous prie de bien vouloir enregistrer ma signature.\n\n{nm}\n{cap1(desc)}",
                f"Bonjour,\n\nJe signe l'appel : {nm}, {desc}.\n\n{self.closing2(p)}",
                f"Bonjour,\n\nLe Département finance déjà l'ADIL et le FSL ; l'encadrement est le complément indispensable. Je signe.\n\n{nm}\n{cap1(desc)}\n{pl}",
                f"Signature de {nm}, {desc}.",
                f"Bonjour à l'équipe,\nJe signe !\n{nm} ({pl})\n{cap1(desc)}",
            ][k % 5]
            if kind == "ma94":
                text = f"Bonghjornu,\n\nFirmu l'appellu. Je signe.\n\n{nm}\n{cap1(desc)}\n{pl}"
            m = self.new(
                "dept_region",
                clients[k],
                display(p, rng.choice(["cased", "std"])),
                official_addr(p, rng) if k % 2 == 0 and kind != "ma94" else addr_of(p, rng),
                rng.choice(
                    [
                        "Signature de l'appel",
                        "Re: " + CALL_SUBJECT,
                        "Appel encadrement des loyers",
                        "Signature",
                    ]
                ),
            )
            self.body(m, text)
            self.sign(m, "dept_region", p)

    def inclusive_mess(self):
        """Everyday mess: inclusive writing, no accents, capitals, typos, SMS style, abbreviations, emoji."""
        rng = self.rng
        clients = [
            "iphone",
            "samsung",
            "gmail",
            "orange",
            "android_gmail",
            "yahoo",
            "sfr",
            "laposte",
            "iphone",
            "gmail",
            "orange_app",
            "apple",
            "outlook_desktop",
            "protonmail",
        ]
        typos = {
            "conseillère municipale": [
                "conseilère municipale",
                "consellère municipale",
                "conseillere municiaple",
            ],
            "conseiller municipal": [
                "conseiler municipal",
                "conseiller municpal",
                "conseillé municipal",
            ],
            "adjointe": ["ajointe", "adjoite"],
            "adjoint": ["ajoint", "adjoin"],
        }
        for k in range(14):
            p = self.signer(
                ("cm", "cm", "mai", "cm", "cd"),
                lambda p: p.dep in DEPTS and p.commune_code != "75056",
            )
            d = parts(p, rng)
            pl = self.plabel(p, short=True)
            role, de = d["role"], d["de"]
            dep = d["dep"]
            rd = self.mphrase(p, d)
            town = p.commune or dept_name(dep)
            town_st = re.sub(r"\bSaint-", "St-", re.sub(r"\bSainte-", "Ste-", town))
            typo_role = role
            for good, bad in typos.items():
                if good in role:
                    typo_role = role.replace(good, rng.choice(bad))
                    break
            nm = display(p, "std")
            text = [
                f"Bonjour\nje signe !!\n{noacc(nm).upper()}\n{noacc(rd).upper()}\n{pl}",
                f"bjr, je signe l appel. {display(p, 'lower')} {noacc(rd).lower()}",
                f"Je signe en tant qu'élu·e écologiste : {nm}, {rd}.",
                f"Bonjour,\n{nm}, élu.e {a_place(town, p.tl) if p.commune else de}, {pl} ({role})",
                f"Bonjour je signe l'apel\n{nm}\n{typo_role} {de}",
                f"{e(p, 'M.', 'Mme')} {p.nom} {p.prenom} , {noacc(role)}  {noacc(de_place(town_st, p.tl) if p.commune else de)} ({dep})",
                f"JE SIGNE. {noacc(nm).upper()}, {noacc(rd).upper()}. BRAVO POUR L'INITIATIVE",
                f"Cher·es ami·es,\n\nJe signe ! {nm}, {rd} (groupe des élu·es écologistes et citoyen·nes) ✊🏠",
                f"je signe\n\n{p.prenom} {p.nom.lower()}\n{role} {de} (pas d'étiquette)",
                f"{nm} – {d['short']} {town_st} ({dep}) – {pl}\njsigne, merci",
                f"Bonjour, merci de mettre : {p.nom} {p.prenom.lower()} - {noacc(role)} {noacc(de)} - {pl}. Bien a vous",
                f"Pour moi c'est oui !! {p.prenom} {p.nom} {d['short']} {town}",
                f"Signature de l'appel : {nm}, {noacc(rd)}",
                f"slt, tu peux ajouter {nm} ? {rd}, {pl}. merci bcp 🙏",
            ][k]
            m = self.new(
                "inclusive_mess",
                clients[k],
                display(p, rng.choice(["cased", "std", "lower"])) if k % 5 else "",
                addr_of(p, rng),
                rng.choice(
                    [
                        "signature",
                        "Re: " + CALL_SUBJECT,
                        "appel",
                        "APPEL LOYERS",
                        "je signe",
                        "Re: TR: appel loyers",
                    ]
                ),
            )
            if k % 4 == 3:
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "inclusive_mess", p)

    def organiser_thread(self):
        """An incomplete signature, the organisers ask what is missing, the signer completes it (label on that reply)."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "iphone",
            "orange",
            "thunderbird",
            "gmail",
            "apple",
            "zimbra",
        ]
        for k in range(8):
            client = clients[k]
            if k == 4:
                p = self.official(
                    ("mai",),
                    lambda p: (
                        homonym(p)
                        and p.dep in DEPTS
                        and pop(p.commune_code) < 20000
                        and p.kind == "mai"
                    ),
                )
            elif k == 5:
                self.slot += 1
                p = self.impostor("not_elected")
                p.fonction = e(p, "ancien conseiller municipal", "ancienne conseillère municipale")
                p.canton = "de"
            elif k == 7:
                p = self.signer(("cd",), lambda p: p.dep in DEPTS and p.dep != "6AE", imp_ok=())
            else:
                p = self.signer(
                    ("cm", "cm", "mai"),
                    lambda p: p.dep in DEPTS and p.commune_code != "75056",
                    imp_ok=(),
                )
            d = parts(p, rng)
            pl = self.plabel(p)
            nm = display(p, rng.choice(["std", "cased"]))
            town = pretty(p.commune) if p.commune else ""
            dep = d["dep"]
            role = d["role"]
            th = f"{self.n + 1:03d}-organiser_thread"
            first, ask, answer = [
                (
                    f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{cap1(role)} ({pl})",
                    "Bonjour,\n\nMerci pour votre signature ! Pourriez-vous nous préciser votre commune ? Nous vérifions chaque "
                    "signature dans le Répertoire national des élus.",
                    f"Pardon ! {town} ({dep}).",
                ),
                (
                    f"Bonjour,\nJe signe : {nm}, {e(p, 'élu', 'élue')} {a_place(town, p.tl)}, {pl}.",
                    "Bonjour,\n\nMerci ! Pouvez-vous nous indiquer votre mandat exact (maire, adjoint·e, conseiller·e municipal·e…) ?",
                    f"Oui : {role}." + (" Dans l'opposition." if self.plain_cm(p) else ""),
                ),
                (
                    f"Je signe ! {nm}, {pl}",
                    "Bonjour,\n\nMerci beaucoup. Il nous manque votre mandat et votre collectivité pour valider la signature.",
                    f"{cap1(self.role_de(p, d))}.\nBonne soirée",
                ),
                (
                    f"Bonjour,\n\nJe signe l'appel, évidemment.\n\n{p.prenom}\n{cap1(self.role_de(p, d))}",
                    "Bonjour,\n\nMerci ! Pourriez-vous nous donner votre nom complet ? Votre adresse ne l'indique pas.",
                    f"Bien sûr : {display(p, 'inv')}, {self.role_de(p, d)}.",
                ),
                (
                    f"Bonjour,\n\nJe signe.\n\n{nm}\nMaire {de_place(p.commune, p.tl)}",
                    f"Bonjour,\n\nMerci ! Il existe plusieurs communes nommées {town} : laquelle est la vôtre ?",
                    f"Celle {de_dept(dep)} ({dep}). Désolé{e(p, '', 'e')} pour l'imprécision !",
                ),
                (
                    f"Je signe ! {nm}, {e(p, 'élu', 'élue')} {a_place(town, p.tl)} ({pl})",
                    "Bonjour,\n\nMerci ! Pouvez-vous nous préciser votre mandat actuel ? L'appel est réservé aux élu·es en exercice.",
                    f"J'ai siégé au conseil municipal de 2020 à 2026 : {self.mphrase(p, d)}. Je signe à ce titre.\n\n{nm}",
                ),
                (
                    f"Bonjour,\n\nMoi aussi je signe.\n\n{nm}",
                    "Bonjour,\n\nMerci ! Pourriez-vous nous indiquer votre mandat et votre collectivité ?",
                    f"Oui bien sûr, voir ma signature ci-dessous.\n\n-- \n{nm}\n{cap1(self.role_de(p, d))}\n{pl}",
                ),
                (
                    f"Bonjour,\n\nJe signe cet appel.\n\n{nm}\n{cap1(role)}",
                    "Bonjour,\n\nMerci pour votre soutien ! De quel département êtes-vous élu·e ?",
                    f"{cap1(de_dept(dep))}, canton {de_name(p.canton)}.",
                ),
            ][k]
            addr = (
                addr_of(p, rng)
                if k != 3
                else f"{slug(p.prenom)[:1]}{rng.randint(100, 999)}@laposte.net"
            )
            fname = display(p, "cased") if k != 3 else ""
            m1 = self.new(
                "organiser_thread",
                client,
                fname,
                addr,
                rng.choice(["Signature", "Re: " + CALL_SUBJECT, "Appel"]),
            )
            full1 = self.from_call(m1, first) if k % 3 == 1 else self.body(m1, first)
            self.label(m1, "organiser_thread", "signs", self.case(p), None, th)
            m2, full2 = self.org_mail(m1, full1, ask, "organiser_thread", th)
            m3, full3 = self.user_reply(m2, full2, fname, addr, client, answer, "organiser_thread")
            self.sign(m3, "organiser_thread", p, thread=th)
            if k in (0, 4):
                self.org_mail(m3, full3, "C'est noté, merci et à bientôt !", "organiser_thread", th)

    # ---------------------------------------------------------------- non-signing messages
    def sigblock(self, p: P, rng) -> str:
        d = parts(p, rng)
        return f"{display(p, rng.choice(['std', 'cased']))}\n{cap1(self.mphrase(p, d))}\n{self.plabel(p)}"

    def confirmation(self, p: P, rng) -> str:
        return (
            f"Bonjour,\n\nVotre signature est bien enregistrée :\n{display(p, 'std')}, {mandate(p, rng)}\n\n"
            f"Elle sera vérifiée puis publiée le 22 mars. Merci !\n\n{org_sig(0)}"
        )

    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor and per[s[0].file] == 1 and s[0].client != "plain"
        ]

    def question(self):
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "protonmail",
            "zimbra",
            "thunderbird",
            "orange",
            "iphone",
            "laposte",
            "gmail",
        ]
        for k in range(9):
            p = self.official(("mai", "cm", "cd", "cr"), lambda p: p.dep in DEPTS)
            other = self.official(("mai",), lambda p: p.dep in DEPTS)
            if k == 2:  # an activist asks whether she may sign: no signature
                self.imp_count["not_elected"] -= 1
                p = self.impostor("not_elected")
                self.n_imp -= 1
            dn = dept_name(p.dep) if p.dep in DEPTS else "votre département"
            qs = [
                f"Bonjour,\n\nPouvez-vous me dire qui a déjà signé dans le département ({dn}) ? J'aimerais relancer mes collègues "
                f"avant de signer moi-même.",
                f"Bonjour,\n\nEst-ce que {display(other, 'std')}, maire {de_place(other.commune, other.tl)}, a signé ? On en a parlé "
                f"en conseil communautaire mais je n'ai pas de nouvelles. Je signerai si {e(other, 'il', 'elle')} signe.",
                "Bonjour,\n\nJe ne suis pas élue mais j'ai été candidate en 2026 : puis-je signer, ou l'appel est-il réservé aux élu·es ?",
                "Bonjour,\n\nLa liste sera-t-elle publiée avec l'étiquette politique ? Je préfère attendre de le savoir.",
                "Bonjour,\n\nAvez-vous un modèle de vœu reprenant l'appel, à présenter au prochain conseil municipal ?",
                "Bonjour,\n\nLes conseillers communautaires peuvent-ils signer en tant que tels ? Je ne siège pas au conseil municipal.",
                "Bonjour,\n\nCombien de signataires à ce jour ? Et y a-t-il des élu·es de la majorité présidentielle ?",
                "Bonjour,\n\nJe préside un office HLM : ma signature engagerait-elle l'office ? Je préfère vérifier avant.",
                "C'est ouvert aux élu·es de syndicats mixtes aussi ? Merci",
            ][k]
            m = self.new(
                "question",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Qui a signé ?",
                    "Question",
                    "Puis-je signer ?",
                    "Publication",
                    "Modèle de vœu",
                    "Question conseillers communautaires",
                    "Nombre de signataires",
                    "Question avant signature",
                    "Re: " + CALL_SUBJECT,
                ][k],
            )
            block = (
                self.sigblock(p, rng)
                if k != 2
                else f"{display(p, 'std')}\n{cap1(self.mphrase(p, parts(p, rng)))}\nMilitante"
            )
            if k == 8:
                self.from_call(m, f"{qs}\n\n{block}")
            else:
                self.body(m, f"{qs}\n\n{self.closing2(p)}\n{block}")
            self.label(m, "question", "question", "nonsigning")

    def thanks(self):
        rng = self.rng
        one = self.one_signer_msgs()
        for k in range(5):
            if k == 0:  # a refusal
                p = self.official(("mai",), lambda p: pop(p.commune_code) < 2000 and p.dep in DEPTS)
                m = self.new(
                    "thanks",
                    "outlook_desktop",
                    display(p, "cased"),
                    official_addr(p, rng),
                    "RE: " + CALL_SUBJECT,
                )
                self.body(
                    m,
                    "Bonjour,\n\nMerci pour votre envoi. Je ne signerai pas : notre commune n'est pas en zone tendue et le conseil "
                    f"municipal ne s'est pas prononcé.\n\nCordialement,\n{self.sigblock(p, rng)}",
                    self.call,
                    CALL,
                )
                self.label(m, "thanks", "other", "nonsigning")
                continue
            if k in (1, 2):
                src, p, addr = one[7 + 23 * k]
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[0][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(hours=20)),
                    "<" + hx(rng, 32) + f"@{ORG_DOMAIN}>",
                )
                m = self.new(
                    "thanks",
                    "gmail" if k == 1 else "apple",
                    src.from_name,
                    addr,
                    "Re: Votre signature est enregistrée",
                )
                self.body(
                    m,
                    "Merci à vous ! Et bon courage pour la suite."
                    if k == 1
                    else "Parfait, merci. Je fais suivre aux collègues du groupe.",
                    prev,
                    self.confirmation(p, rng),
                )
                self.label(m, "thanks", "thanks", "nonsigning", refers_to=src.file)
                continue
            if k == 3:  # a party staffer, not elected
                st = STAFF[5]
                m = self.new(
                    "thanks",
                    "thunderbird",
                    f"{st[0]} {nom_case(st[1])}",
                    f"{slug(st[0])}@federations-ecologistes.example",
                    "Bravo",
                )
                self.body(
                    m,
                    f"Bonjour,\n\nBravo pour l'initiative ! Je relaie auprès des élu·es de notre fédération.\n\n{st[0]} {nom_case(st[1])}\n"
                    "Chargé de mission élu·es – Les Écologistes",
                )
                self.label(m, "thanks", "thanks", "nonsigning")
                continue
            p = self.official(("cm", "cd", "mai"), lambda p: p.dep in DEPTS)
            m = self.new(
                "thanks", "yahoo", display(p, "cased"), addr_of(p, rng), "Merci pour le webinaire"
            )
            self.body(
                m,
                f"Bonjour,\n\nMerci pour l'invitation au webinaire du 10 février, j'y serai.\n\n{self.sigblock(p, rng)}",
            )
            self.label(m, "thanks", "thanks", "nonsigning")

    def withdraw(self):
        rng = self.rng
        one = self.one_signer_msgs()
        picks = [one[4], one[29], one[51], one[73]]
        for k, (src, p, addr) in enumerate(picks):
            client = ["iphone", "outlook_desktop", "gmail", "thunderbird"][k]
            text = [
                "Retirez ma signature svp, mon groupe a décidé de porter son propre texte.",
                f"Bonjour,\n\nAprès discussion avec la majorité municipale, je préfère retirer ma signature de l'appel.\n\n{display(p, 'std')}",
                "Bonjour,\n\nMerci de supprimer mon nom de la liste des signataires : je ne partage pas le point 4.\n\nCordialement",
                f"Bonjour,\n\nJe retire ma signature, désolé{e(p, '', 'e')}. Le point 2 pose problème à ma collectivité.\n\n{self.closing2(p)}\n{display(p, 'cased')}",
            ][k]
            m = self.new(
                "withdraw",
                client,
                src.from_name,
                addr,
                [
                    "Retrait",
                    "Retrait de ma signature",
                    "Suppression de mon nom",
                    "Retrait de signature",
                ][k],
            )
            if k == 2:
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[0][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(hours=26)),
                    "",
                )
                m.subject = "Re: Votre signature est enregistrée"
                self.body(m, text, prev, self.confirmation(p, rng))
            else:
                self.body(m, text)
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)
        for k in range(2):  # off the mailing list, not off the call
            p = self.official(("mai", "cm"), lambda p: p.dep in DEPTS)
            m = self.new(
                "withdraw",
                ["orange", "laposte"][k],
                display(p, "cased") if k else "",
                official_addr(p, rng),
                ["désinscription", "Re: [Relance] " + CALL_SUBJECT][k],
            )
            text = [
                "Bonjour, merci de me retirer de votre liste de diffusion. Je reçois vos messages en trois exemplaires.",
                f"STOP\n\nMerci de ne plus m'écrire sur cette adresse.\n\n{self.sigblock(p, rng)}",
            ][k]
            self.body(m, text)
            self.label(m, "withdraw", "other", "nonsigning")

    def autoreply(self):
        rng = self.rng
        one = self.one_signer_msgs()
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        for k in range(7):
            if k == 6:  # a bounce
                m = self.new(
                    "autoreply",
                    "plain",
                    "Mail Delivery System",
                    f"MAILER-DAEMON@mx.{ORG_DOMAIN}",
                    "Undelivered Mail Returned to Sender",
                    extra="Auto-Submitted: auto-replied",
                )
                m.text = (
                    f"This is the mail system at host mx.{ORG_DOMAIN}.\n\nI'm sorry to have to inform you that your message could not\n"
                    "be delivered to one or more recipients.\n\n<elus@federation-disparue.example>: host not found\n\n"
                    f"--- original message headers ---\nSubject: [Relance] {CALL_SUBJECT}\n"
                )
                self.label(m, "autoreply", "autoreply", "nonsigning")
                continue
            if k == 5:
                src, p, addr = one[40]
                m = self.new(
                    "autoreply",
                    "outlook_desktop",
                    src.from_name,
                    addr,
                    "Réponse automatique : Votre signature est enregistrée",
                    extra=auto,
                )
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[1][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(minutes=3)),
                    "",
                )
                self.body(
                    m,
                    f"Je suis absent{e(p, '', 'e')} jusqu'au 22 février. Pour toute urgence, contactez le secrétariat du groupe.",
                    prev,
                    self.confirmation(p, rng),
                    html=False,
                )
                self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
                continue
            p = self.official(("mai", "cd", "cm", "cr", "cm")[k : k + 1], lambda p: p.dep in DEPTS)
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nJe suis en congé du 8 au 19 février 2027 inclus. Votre message sera traité à mon retour.\n\n{self.sigblock(p, rng)}",
                f"Bonjour,\n\nJe suis en séance plénière toute la journée. Je vous répondrai dès que possible.\n\n{self.sigblock(p, rng)}",
                f"Bonjour,\n\nJe suis en congé maternité jusqu'au 30 avril. Pour les affaires du groupe, écrivez à la présidente du groupe.\n\n{self.sigblock(p, rng)}"
                if p.f
                else f"Bonjour,\n\nJe suis en congé paternité jusqu'au 1er mars.\n\n{self.sigblock(p, rng)}",
                f"Accusé de réception\n\nVotre courriel a bien été reçu par le cabinet de la présidence de la Région. Il sera transmis à "
                f"{display(p, 'std')}, {d['role']}.\n\nCeci est un message automatique.",
                f"Message automatique : {display(p, 'cased')} ne consulte pas sa messagerie pendant les vacances scolaires. "
                "Réponse après le 24/02.",
            ][k]
            m = self.new(
                "autoreply",
                ["outlook_desktop", "zimbra", "gmail", "outlook_desktop", "orange"][k],
                display(p, "cased") if k != 3 else "Région – Cabinet",
                addr_of(p, rng) if k != 3 else f"cabinet@{region_dom(p.region)}",
                [
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Absence",
                    "Congé",
                    "Accusé de réception de votre courriel",
                    "Re: " + CALL_SUBJECT,
                ][k],
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self):
        """Party networks' letters naming officials who signed, the network's own relay, a press review: not signatures."""
        rng = self.rng
        for k in range(5):
            ps = [self.official(("mai", "cm", "cd"), lambda p: p.dep in DEPTS) for _ in range(3)]
            if k == 0:
                lst = "\n".join(f"• {display(x, 'std')}, {mandate(x, rng)}" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "La Lettre des élu·es écologistes",
                    "lettre@elus-ecologistes.example",
                    "La Lettre des élu·es écologistes n° 42 – février 2027",
                    extra="Precedence: bulk\nList-Unsubscribe: <mailto:lettre-leave@elus-ecologistes.example>",
                )
                m.text = (
                    "LA LETTRE DES ÉLU·ES ÉCOLOGISTES – n° 42\n\n1. Loyers : l'appel des élu·es cartonne\n\nDéjà signataires dans notre réseau :\n"
                    f"{lst}\n\nEt vous ? Signez en écrivant à {ORG_ADDR}.\n\n2. Formation : budgets participatifs (12 mars)\n\n"
                    "Vous recevez cette lettre en tant que membre du réseau. Se désinscrire : lettre-leave@elus-ecologistes.example"
                )
            elif k == 1:
                x = ps[0]
                m = self.new(
                    "newsletter",
                    "plain",
                    "ANECR Infos",
                    "infos@anecr-reseau.example",
                    "Infos élu·es – semaine 6",
                    extra="Precedence: bulk\nList-Unsubscribe: <mailto:infos-leave@anecr-reseau.example>",
                )
                m.text = (
                    "INFOS ÉLU·ES – SEMAINE 6\n\n— Logement : notre camarade "
                    f"{display(x, 'std')} ({mandate(x, rng)}) a signé l'appel pour l'encadrement des loyers, avec "
                    f"{display(ps[1], 'std')} et {display(ps[2], 'std')}.\n— Budget 2027 : nos amendements types.\n\n"
                    "Pour ne plus recevoir ces informations : infos-leave@anecr-reseau.example"
                )
            elif k == 2:  # the network's own relay, the organisers in blind copy
                nm, nt = self.net_relay(0)
                m = self.new(
                    "newsletter",
                    nm.client,
                    nm.from_name,
                    nm.from_addr,
                    nm.subject,
                    extra="Precedence: list\nList-Id: <membres.listes.elus-ecologistes.example>",
                )
                m.to = nm.to
                self.body(m, nt, html=False)
            elif k == 3:
                lst = "; ".join(f"{display(x, 'cased')} ({mandate(x, rng)})" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Revue de presse Logement",
                    "revue@presse-logement.example",
                    "Revue de presse du 12 février",
                    extra="Precedence: bulk",
                )
                m.text = f"REVUE DE PRESSE – LOGEMENT\n\nDans la presse régionale, des élu·es défendent l'encadrement des loyers : {lst}.\n\nSe désinscrire : répondre STOP"
            else:
                lst = "\n".join(f"  - {display(x, 'inv')} – {mandate(x, rng)}" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "FNESR – L'Hebdo",
                    "hebdo@fnesr-elus.example",
                    "L'Hebdo des élu·es n° 311",
                    extra="Precedence: bulk\nList-Unsubscribe: <mailto:hebdo-leave@fnesr-elus.example>",
                )
                m.text = f"L'HEBDO DES ÉLU·ES – n° 311\n\nNos élu·es mobilisé·es cette semaine pour le logement :\n{lst}\n\nRetrouvez l'appel sur le site du collectif Loyers justes."
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def spam(self):
        texts = [
            (
                "Support Webmail",
                "noreply@verif-messagerie.example",
                "Votre boîte aux lettres est pleine",
                "Bonjour,\n\nVotre quota est atteint. Validez votre compte sous 24 h : http://verif-messagerie.example/login\n",
            ),
            (
                "Gestion Locative Pro",
                "contact@logiciel-bailleur.example",
                "Logiciel de gestion locative : 3 mois offerts",
                "Madame, Monsieur,\n\nAutomatisez vos quittances et révisions de loyer. Offre réservée aux collectivités.\n",
            ),
            (
                "Formation Élus 2027",
                "inscriptions@formation-elus-express.example",
                "DIF élus : vos droits expirent",
                "Madame, Monsieur l'élu·e,\n\nVos heures de formation expirent le 28 février. Inscrivez-vous en un clic.\n",
            ),
            (
                "Service Facturation",
                "factures@paiement-retard.example",
                "Facture impayée n° 2027-0219",
                "Bonjour,\n\nVeuillez trouver le lien de votre facture en attente de règlement. Sans paiement sous 48 h, des pénalités s'appliqueront.\n",
            ),
        ]
        for name, addr, subj, text in texts:
            m = self.new("spam", "plain", name, addr, subj)
            m.text = text
            self.label(m, "spam", "other", "nonsigning")

    call: Mail | None = None

    def org_call(self, part: int):
        rng = self.rng
        if part == 0:
            m = self.new(
                "org_call",
                "organisers",
                ORG_NAME,
                ORG_LIST,
                CALL_SUBJECT,
                enc=("utf-8", "quoted-printable"),
                extra=LIST_HEADERS,
            )
            m.date = CALL_DATE
            m.to = "undisclosed-recipients:;"
            self.body(m, CALL, html=False)
            self.call = m
            self.label(m, "org_call", "other", "nonsigning")
            return
        if part == 1:
            m = self.new(
                "org_call",
                "organisers",
                ORG_NAME,
                ORG_LIST,
                f"[Relance] {CALL_SUBJECT}",
                extra=LIST_HEADERS,
            )
            m.to = "undisclosed-recipients:;"
            self.body(
                m,
                f"Bonjour,\n\nL'appel a déjà réuni plusieurs centaines de signatures. Il reste un mois pour signer : répondez à ce message "
                f"avec vos nom, prénom, mandat et collectivité.\n\n{org_sig(1)}",
                self.call,
                CALL,
                html=False,
            )
            self.label(m, "org_call", "other", "nonsigning")
            return
        ok = [s for s in self.signed if not s[1].impostor]
        sample = ok[5::17][:5]
        rows = "\n".join(f"- {display(p, 'std')} ({mandate(p, rng)})" for _, p, _ in sample)
        text = (
            f"Bonjour à toutes et à tous,\n\nPoint d'étape : l'{CALL_TITLE} dépasse les 400 signatures, dont :\n\n{rows}\n\n"
            f"Merci de continuer à le faire circuler.\n\n{org_sig(0)}"
        )
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_LIST,
            f"[Point d'étape] {CALL_SUBJECT}",
            extra=LIST_HEADERS,
        )
        m.to = "undisclosed-recipients:;"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")
        text = (
            f"{ORGANISERS[1][0]},\n\nLes groupes d'opposition signent souvent à plusieurs dans un même message : je les compte une "
            f"par une. Et j'ai mis de côté les militant·es et candidat·es non élu·es. On fait le point jeudi ?\n\n{ORGANISERS[0][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[0], ORG_ADDR, "Pointage")
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        self.org_call(0)
        self.reply_above_fwd()
        self.party_first()
        self.opposition_cm()
        self.group_signature()
        self.org_call(1)
        self.activist_block()
        self.metro_arr()
        self.dept_region()
        self.inclusive_mess()
        self.organiser_thread()
        self.org_call(2)
        self.question()
        self.thanks()
        self.autoreply()
        self.newsletter()
        self.withdraw()
        self.spam()
        if OUT.exists():
            shutil.rmtree(OUT)
        OUT.mkdir(parents=True)
        kept = 0
        for m in (
            self.mails
        ):  # Outlook declaring iso-8859-1 while writing windows-1252 bytes (’ = 0x92): two messages
            texts = [t for t in (m.text, m.html) if t is not None]
            ok = (
                texts
                and all(fits(t, "windows-1252") for t in texts)
                and any(c in CP1252_ONLY for t in texts for c in t)
            )
            m.mislabel = bool(m.mislabel and ok and kept < 2)
            kept += m.mislabel
        for m in self.mails:
            (OUT / m.file).write_bytes(render(m, self.rng))
        with open(HERE / "labels.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter=";", lineterminator="\n")
            w.writerow(LABEL_COLS)
            for r in self.labels:
                r["encoding"] = r["_mail"].encoding
                w.writerow([r[c] for c in LABEL_COLS])
        sig = [r for r in self.labels if r["expected"] != "no_signer"]
        imp = Counter(r["impostor_type"] for r in sig if r["impostor_type"])
        kinds = Counter(r["truth_kind"] for r in sig if r["expected"] == "verified")
        print(
            f"{len(self.mails)} messages, {len(sig)} signers ({sum(r['expected'] == 'verified' for r in sig)} officials, "
            f"{sum(r['expected'] == 'not_verified' for r in sig)} impostors {dict(sorted(imp.items()))}), kinds {dict(sorted(kinds.items()))}, "
            f"{sum(r['expected'] == 'no_signer' for r in self.labels)} non-signing rows"
        )


if __name__ == "__main__":
    Builder().build()
