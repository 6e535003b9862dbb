#!/usr/bin/env python3
"""Tenth held-out petition mailbox (tests/mail_holdout10): builder.

    python tests/mail_holdout10/build.py           # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris summer time, September-October 2027), Message-IDs and MIME boundaries drawn
from the generator in each client's own shape. Reads the real 2026 RNE release
(../shared/rne/release-2026, every file), the 2022 mayors file of ../shared/rne/history (former
mayors) and the COG (../shared/cog) at build time; nothing of ../shared is copied into the repository
except, in the messages, the drawn people's name, sex, mandate and place. Birth dates are read only to
tell homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages or labels of the earlier
held-out corpora (only the READMEs of mail_holdout5 and mail_holdout6, tests/mail_holdout5/build.py
whose registry reading, client quoting, encodings and label writing are copied here, and the scorer).
Campaign: « Appel des élu·es pour un médecin à moins de trente minutes » (invented).
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

SEED = 2027_0913
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "soigner-pres-de-chez-nous.example"
ORG_ADDR = f"appel@{ORG_DOMAIN}"
ORG_LIST = f"elus-sante@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Soigner près de chez nous"
ORGANISERS = [
    ("Ysaline", "MORVANDIAU-CASTELBAJAC"),
    ("Théophane", "LABERGERIE-QUINTARD"),
]  # invented; checked absent
# secretaries, assistants, list moderators: invented, checked absent from every 2026 file
STAFF = [
    ("Gwenola", "PERRISSOUD-ALBARÈDE"),
    ("Aymeric", "TRUCHELUT-MONDOLONI"),
    ("Clarisse", "BOUSQUETOUX-LAVERGNAT"),
    ("Timothée", "ESCANDE-KERVILIOU"),
    ("Jocelyne", "VAUCHERAND-PIGEASSOU"),
    ("Marius", "FERRANDIÈRE-COTTINEAU"),
    ("Armelle", "QUINSAC-DELPEYROUX"),
    ("Sylvain", "BRAYDA-LOSTANGES"),
]
CALL_TITLE = "Appel des élu·es pour un médecin à moins de trente minutes"
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


# special-status assemblies drawn here: role (m, f), « de … », short name, collectivity
MA_INFO = {
    "69M": (
        "conseiller métropolitain",
        "conseillère métropolitaine",
        "de la Métropole de Lyon",
        "Métropole de Lyon",
        "Métropole de Lyon",
    ),
    "94": (
        "conseiller à l'Assemblée",
        "conseillère à l'Assemblée",
        "de Corse",
        "Assemblée de Corse",
        "Collectivité de Corse",
    ),
    "972": (
        "conseiller à l'Assemblée",
        "conseillère à l'Assemblée",
        "de Martinique",
        "Assemblée de Martinique",
        "Collectivité territoriale de Martinique",
    ),
    "973": (
        "conseiller à l'Assemblée",
        "conseillère à l'Assemblée",
        "de Guyane",
        "Assemblée de Guyane",
        "Collectivité territoriale de Guyane",
    ),
    "975": (
        "conseiller territorial",
        "conseillère territoriale",
        "de Saint-Pierre-et-Miquelon",
        "Saint-Pierre-et-Miquelon",
        "Collectivité territoriale de Saint-Pierre-et-Miquelon",
    ),
    "978": (
        "conseiller territorial",
        "conseillère territoriale",
        "de Saint-Martin",
        "Saint-Martin",
        "Collectivité de Saint-Martin",
    ),
    "987": (
        "représentant à l'Assemblée",
        "représentante à l'Assemblée",
        "de la Polynésie française",
        "Assemblée de la Polynésie française",
        "Polynésie française",
    ),
}


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
            if coll not in MA_INFO:
                return None
            return P(
                "ma",
                **base,
                coll=coll,
                dep=g("Code du département") or "",
                truth_dep=g("Code du département") or "",
            )
        if kind == "epci":
            cc = g("Code de la commune de rattachement")
            c = COMMUNES.get(cc)
            ep = next((x for x in EPCIS if x["code"] == g("N° SIREN")), None)
            if not c or not ep:
                return None
            return P(
                "epci",
                **base,
                dep=g("Code du département"),
                commune_code=cc,
                commune=c["nom"],
                tl=c.get("typeLiaison") or 0,
                coll=ep["nom"],
                truth_commune=cc,
                truth_dep=g("Code du département"),
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
    "Albane",
    "Héloïse",
    "Philippine",
    "Nolwenn",
    "Ségolène",
    "Pervenche",
    "Zélie",
    "Gaëlle",
    "Domitille",
    "Églantine",
    "Rosalie",
    "Maïwenn",
    "Ysoline",
    "Bertille",
    "Anouk",
    "Léocadie",
    "Perrine",
    "Sixtine",
]
FIRST_M = [
    "Gauthier",
    "Évariste",
    "Norbert",
    "Clovis",
    "Aymar",
    "Lazare",
    "Hippolyte",
    "Octave",
    "Tristan",
    "Loïc",
    "Théodore",
    "Brieuc",
    "Marceau",
    "Amédée",
    "Fulbert",
    "Jean-Eudes",
    "Achille",
    "Eustache",
]
# invented surnames, checked absent from every 2026 file at build time
INVENTED_NOMS = [
    "CABANNES-VIGOUROUX",
    "LESCOUZÈRE-MIRAMBEAU",
    "MARCHEGAY-TROUILLOT",
    "DORNIC-LAOUÉNAN",
    "VALLAURIS-PEYRIGUE",
    "HOUDELOT-CHAMBREUIL",
    "SAINT-BONNAUD",
    "PRADELLOUX",
    "ARGOUGES-LAMOTHE",
    "KERVELLEC-BRIAND",
    "TOURNEFIER-LABASTIDE",
    "MONTAGUT-ESTRABOL",
    "BARRACHIN-VÉZIAT",
    "ZIEGELMEYER-HOCH",
]
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
    return MA_INFO[coll][4]


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
    a, b = 2 * n - 1, 2 * n
    return {
        "std": f"des {a}{'er' if a == 1 else 'e'} et {b}e arrondissements de Marseille",
        "short": f"Marseille {a}/{b}",
        "num": f"Marseille {a}-{b}",
    }[form]


def mandate(p: P, rng: random.Random, force_dep: bool = False) -> str:
    """The plain full way of writing a mandate, with its place."""
    f = p.fonction
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
        rm, rf, de, _bare, _coll = MA_INFO[p.coll]
        return f"{e(p, rm, rf)} {de}"
    if p.kind == "epci":
        d = parts(p, rng)
        return f"{d['role']} {d['de']} ({p.commune})"
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
WINTER = dt.datetime(2027, 10, 31, 3, 0)  # last Sunday of October 2027: CEST -> CET (never reached)


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=1 if t >= WINTER else 2)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2027, 9, 13, 8, 10)
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
    if client in ("zimbra", "laposte", "free"):
        return f"<{rng.randint(10**8, 10**9 - 1)}.{rng.randint(10**6, 10**7 - 1)}.{ms}.JavaMail.zimbra@{dom}>"
    if client == "yahoo":
        return (
            f"<{rng.randint(10**8, 10**9 - 1)}.{rng.randint(10**6, 10**7 - 1)}.{ms}@mail.yahoo.com>"
        )
    if client == "sfr":
        return f"<{ms}.{rng.randint(10**4, 10**5 - 1)}.JavaMail.www@wsfrf{rng.randint(1100, 1199)}>"
    if client in ("orange", "orange_app"):
        return f"<{rng.randint(10**8, 10**9 - 1)}.{rng.randint(10**4, 10**5 - 1)}.{ms}.JavaMail.www@wwinf{rng.randint(1000, 9999)}>"
    if client == "samsung":
        return f"<{hx(rng, 12, '0123456789')}.{hx(rng, 8)}@email.android.com>"
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
    "free": "X-Mailer: Zimbra 8.8.15_GA_4652 (zclient/8.8.15_GA_4652)",
    "sfr": "X-Originating-IP: [{IP}]\nX-Mailer: SFR Mail",
    "orange": "X-Originating-IP: [{IP}]\nX-WUM-FROM: |~|\nX-WUM-TO: |~|",
    "orange_app": "X-Mailer: Mail Orange pour Android",
    "samsung": None,
    "iphone_en": "X-Mailer: iPhone Mail (22D82)",
    "outlook_en": "Thread-Topic: {TT}\nThread-Index: {TI}\nAccept-Language: en-GB, fr-FR\nContent-Language: en-GB\nX-MS-Has-Attach: ",
    "outlook_android_en": "X-MS-Has-Attach: \nContent-Language: en-US",
}
SMART_QUOTES = {"outlook_desktop", "iphone", "ipad", "apple", "iphone_en"}
CP1252_ONLY = set("’‘“”–—…œŒ€•")
CRLF_CLIENTS = {
    "outlook_desktop",
    "zimbra",
    "free",
    "outlook_ios",
    "outlook_en",
    "outlook_android_en",
}
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
    if client == "sfr":
        fn = f'"{prev.from_name}" <{prev.from_addr}>' if prev.from_name else prev.from_addr
        return (
            f"\n\n========================================\nMessage du : {t:%d/%m/%Y %H:%M}\nDe : {fn}\nA : {me}\n"
            f"Sujet : {prev.subject}\n\n{q(prev_text)}\n"
        )
    if client in ("zimbra", "laposte", "free"):
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

Madame, Monsieur,

Dans nos communes, des habitant·es attendent six mois un rendez-vous chez l'ophtalmologiste,
renoncent à un médecin traitant, font une heure de route vers des urgences qui ferment la nuit.
Élu·es de communes, d'intercommunalités, de départements, de régions et de collectivités, de toutes
sensibilités, nous demandons :

1) qu'aucun·e habitant·e ne soit à plus de trente minutes d'un médecin généraliste ou d'un service
   d'urgences ouvert jour et nuit ;
2) une régulation de l'installation des médecins dans les zones déjà bien dotées ;
3) le financement par l'État d'un centre de santé public dans chaque bassin de vie qui le demande ;
4) le maintien des maternités et des urgences de proximité, sans fermeture « temporaire » l'été.

Pour signer, répondez simplement à ce message en indiquant vos prénom, nom et mandat (commune,
intercommunalité, département, région ou collectivité). Chaque signature est vérifiée dans le
Répertoire national des élus avant publication, le 2 novembre 2027. Date limite : 15 octobre 2027.

Faites suivre l'appel à vos collègues élu·es : plus nous serons nombreux, plus nous pèserons.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} — signez avant le 15 octobre"
CALL_DATE = aware(dt.datetime(2027, 9, 13, 7, 50, 41))
LIST_HEADERS = (
    f"List-Id: <elus-sante.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:elus-sante-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: elus-sante@listes." + ORG_DOMAIN
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
    "free": [("utf-8", "quoted-printable"), ("iso-8859-1", "quoted-printable")],
    "sfr": [
        ("iso-8859-1", "quoted-printable"),
        ("utf-8", "quoted-printable"),
        ("windows-1252", "8bit"),
    ],
    "orange": [("iso-8859-1", "8bit"), ("iso-8859-1", "quoted-printable"), ("utf-8", "8bit")],
    "orange_app": [("utf-8", "8bit"), ("utf-8", "base64")],
    "samsung": [("utf-8", "base64"), ("utf-8", "8bit")],
    "gmail_en": [("utf-8", "quoted-printable"), ("utf-8", "base64")],
    "iphone_en": [("utf-8", "quoted-printable"), ("utf-8", "8bit")],
    "outlook_en": [("utf-8", "base64"), ("windows-1252", "quoted-printable")],
    "outlook_android_en": [("utf-8", "base64")],
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
        if p.impostor:
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
            rm, rf, de, bare, _coll = MA_INFO[p.coll]
            d["role"], d["de"], d["bare"] = e(p, rm, rf), de, bare
            d["short"] = f"cons. {bare}"
    elif p.kind == "epci":
        ep = epci_label(p.coll)
        d["de"], d["bare"] = "de la " + ep, p.coll
        if f.startswith("Président"):
            d["role"] = e(p, "président", "présidente")
        elif "Vice" in f:
            d["role"] = f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')}"
        else:
            d["role"] = e(p, "conseiller communautaire", "conseillère communautaire")
        d["short"] = d["role"]
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
        for _fn, nm in ORGANISERS + STAFF:
            assert fold(nm) not in self.reg.surnames, nm
        self.clock = Clock(self.rng)
        self.n = 0
        self.mails: list[Mail] = []
        self.labels: list[dict] = []
        self.used: set[str] = set()
        self.slot = 0
        self.imp_cycle = ["other_first", "mayor_elsewhere", "invented", "former_2022"]
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
        return self.take(self.rng.choice(kinds), pred)

    def signer(self, kinds=None, pred=lambda p: True, allow_imp: bool = True) -> P:
        """Every 6th one-signer slot is an impostor (the next one when this slot cannot be)."""
        self.slot += 1
        if self.slot % 6 == 0:
            if allow_imp:
                return self.impostor()
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
        t = t or self.imp_cycle[self.n_imp % 4]
        self.n_imp += 1
        rng, reg = self.rng, self.reg

        def at(code: str) -> dict:
            c = COMMUNES[code]
            return dict(
                dep=c["departement"],
                commune_code=code,
                commune=c["nom"],
                tl=c.get("typeLiaison") or 0,
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
                    extra_ok=lambda p: " " not in p.nom and "POUSE" not in p.nom and bool(p.prenom),
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
                if fold(nom) not in reg.surnames and ident(nom, fn) not in self.used:
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

    # ---------------------------------------------------------------- helpers of this corpus
    def sigblock(self, p: P, rng) -> str:
        d = parts(p, rng)
        return f"{display(p, rng.choice(['std', 'cased']))}\n{cap1(self.role_de(p, d))}"

    def confirmation(self, p: P, rng) -> str:
        return (
            f"Bonjour,\n\nMerci, votre signature est bien enregistrée :\n{display(p, 'std')}, {mandate(p, rng)}\n\n"
            f"Elle sera vérifiée avant publication le 2 novembre. Merci de faire suivre l'appel autour de vous !"
        )

    def fake_pdf(self) -> bytes:
        """A small PDF holding no text (a scanned page would be an image)."""
        blob = bytes(self.rng.randrange(256) for _ in range(600))
        return (
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
            b"4 0 obj\n<< /Length 600 /Filter /DCTDecode >>\nstream\n"
            + blob
            + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
        )

    def vcard(self, p: P, d: dict, addr: str) -> bytes:
        org = self.coll(p, d)
        cp = postcode(p.commune_code) if p.commune_code else ""
        lines = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"N:{nom_case(p.nom)};{p.prenom};;{e(p, 'M.', 'Mme')};",
            f"FN:{p.prenom} {nom_case(p.nom)}",
            f"ORG:{org}",
            f"TITLE:{cap1(d['role'])}",
            f"ADR;TYPE=WORK:;;{self.street()};{p.commune or d['bare']};;{cp};France",
            f"TEL;TYPE=CELL:+33 {self.phone(True)[1:]}",
            f"EMAIL;TYPE=INTERNET:{addr}",
            "END:VCARD",
        ]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")

    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor
            and per[s[0].file] == 1
            and s[0].client not in ("plain", "organisers")
        ]

    def typo(self, name: str, k: int) -> str:
        """A commune name as people mistype it."""
        if k == 0:
            return noacc(name).replace("-", " ")
        if k == 1:
            return name.replace("Saint-", "St ").replace("Sainte-", "Ste ").replace("-", " ")
        if k == 2:  # two letters swapped inside the longest word
            w = max(re.findall(r"[A-Za-zÀ-ÿ]{5,}", name) or [name], key=len)
            i = 1 + (len(w) - 3) // 2
            return name.replace(w, w[:i] + w[i + 1] + w[i] + w[i + 2 :], 1)
        if k == 3:  # a doubled letter simplified, or one letter dropped
            m = re.search(r"([a-z])\1", name)
            if m:
                return name[: m.start()] + name[m.start() + 1 :]
            w = max(re.findall(r"[A-Za-zÀ-ÿ]{5,}", name) or [name], key=len)
            return name.replace(w, w[:-2] + w[-1], 1)
        return noacc(name).lower().replace("-", " ")

    def own(self, p: P, d: dict, k: int) -> str:
        """The mandate in the signer's own words."""
        de = d["de"]
        if (
            p.impostor
            or p.kind == "cm"
            and "adjoint" not in p.fonction
            and p.commune_code != "75056"
        ):
            if p.fonction == "Maire":
                return [
                    f"maire {de} depuis 2020",
                    f"premier magistrat {de}",
                    f"{e(p, 'le', 'la')} maire {de}, réélu{e(p, '', 'e')} en mars 2026",
                ][k % 3]
            return [
                f"{e(p, 'élu', 'élue')} d'opposition au conseil municipal {de}",
                f"{e(p, 'conseiller municipal', 'conseillère municipale')} minoritaire {a_place(p.commune, p.tl)}",
                f"je siège au conseil municipal {de} depuis mars 2026",
                f"maire honoraire et {e(p, 'conseiller municipal', 'conseillère municipale')} {de}",
                f"{e(p, 'conseiller municipal délégué', 'conseillère municipale déléguée')} à la santé {de}",
                f"membre du conseil municipal {de} (groupe « {self.rng.choice(['Ensemble pour', 'Agir pour', 'Vivre à'])} {p.commune} »)",
                f"{e(p, 'élu', 'élue')} de la liste minoritaire {a_place(p.commune, p.tl)}",
                f"simple {e(p, 'conseiller', 'conseillère')} municipal{e(p, '', 'e')} {de}",
            ][k % 8]
        if p.kind == "cm" and "adjoint" in p.fonction:
            n = rank(p.fonction)
            deleg = self.rng.choice(
                [
                    "chargée des solidarités et de la santé"
                    if p.f
                    else "chargé des solidarités et de la santé",
                    "aux finances",
                    "à la vie associative",
                    e(p, "en charge de l'action sociale", "en charge de l'action sociale"),
                    "(travaux, voirie)",
                    "aux écoles",
                ]
            )
            return [
                f"{ordinal(n, p, 'eme')} {e(p, 'adjoint', 'adjointe')} {deleg} {a_place(p.commune, p.tl)}",
                f"{e(p, 'adjoint', 'adjointe')} {deleg} de la commune {de}",
                f"{ordinal(n, p, 'word')} {e(p, 'adjoint', 'adjointe')} au maire {de}, {deleg}",
                f"{e(p, 'maire adjoint', 'maire adjointe')} {deleg} {de}",
            ][k % 4]
        if p.kind == "mai":
            return [
                f"{e(p, 'le', 'la')} maire {de}",
                f"maire de la commune {de} depuis 2014",
                f"premier magistrat {de}",
                f"{e(p, 'Monsieur', 'Madame')} le Maire {de}",
                f"maire {de}, présid{e(p, 'ent', 'ente')} du CCAS",
            ][k % 5]
        if p.kind == "cd":
            if p.dep == "6AE":
                return f"{e(p, 'conseiller', 'conseillère')} d'Alsace, canton {de_name(p.canton)}"
            return [
                f"{e(p, 'conseiller départemental', 'conseillère départementale')} du canton {de_name(p.canton)} ({p.dep})",
                f"{e(p, 'élu', 'élue')} au Département {de_dept(p.dep)[3:] if de_dept(p.dep).startswith('de ') else dept_name(p.dep)}, canton {de_name(p.canton)}",
                f"binôme du canton {de_name(p.canton)} au conseil départemental {de_dept(p.dep)}",
            ][k % 3]
        if p.kind == "cr":
            return [
                f"{e(p, 'élu régional', 'élue régionale')} ({p.region})",
                f"{e(p, 'conseiller', 'conseillère')} régional{e(p, '', 'e')}, section {de_dept(p.dep) if p.dep in DEPTS else p.region}",
                f"{e(p, 'conseiller régional', 'conseillère régionale')} {de_place(p.region, p.region_tl)}, {e(p, 'délégué', 'déléguée')} à la santé",
            ][k % 3]
        return self.role_de(p, d)

    def name_in(self, p: P, k: int) -> str:
        """Names written in every order and case, with initials, without accents."""
        pn, nm = p.prenom, p.nom
        return [
            f"{nom_case(nm)} {pn}",
            f"{initials(pn)} {nm}",
            f"{nm} {initials(pn, 'nodot')}",
            noacc(f"{pn} {nom_case(nm)}"),
            f"{pn.lower()} {nm.lower()}",
            f"{nm}, {pn}",
            f"{e(p, 'M.', 'Mme')} {pn} {nm}",
            noacc(f"{nm} {pn}"),
            f"{pn} {nm.upper()}",
            f"{initials(pn, 'dots')} {nom_case(nm)}",
        ][k % 10]

    def fr_date(self, t: dt.datetime) -> str:
        return f"{FR_DAY_ABBR[t.weekday()]} {t.day} {FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}"

    def fwd_block(self, style: str, prev: Mail, prev_text: str, me: str) -> str:
        """A forwarded message as each client writes it."""
        t, w = prev.date, who(prev)
        if style == "gmail":
            return (
                f"---------- Forwarded message ---------\nDe : {w}\nDate: {self.fr_date(t)}\nSubject: {prev.subject}\n"
                f"To: {me}\n\n\n{prev_text}\n"
            )
        if style == "outlook":
            return f"________________________________\nDe : {w}\nEnvoyé : {fr_long(t)}\nÀ : {me}\nObjet : {prev.subject}\n\n{prev_text}\n"
        if style == "apple":
            return (
                f"Début du message réexpédié :\n\nDe: {w}\nObjet: {prev.subject}\n"
                f"Date: {t.day} {FR_MONTHS[t.month - 1]} {t.year} à {t:%H:%M:%S} UTC+2\nÀ: {me}\n\n{prev_text}\n"
            )
        if style == "thunderbird":
            return (
                f"-------- Message transféré --------\nSujet : \t{prev.subject}\nDate : \t{rfc_date(t)}\n"
                f"De : \t{w}\nPour : \t{me}\n\n\n\n{prev_text}\n"
            )
        if style == "zimbra":
            fn = f'"{prev.from_name}" <{prev.from_addr}>' if prev.from_name else prev.from_addr
            return (
                f"----- Mail transféré -----\nDe: {fn}\nÀ: {me}\nEnvoyé: {fr_long(t, cap=True, secs=True)}\n"
                f"Objet: {prev.subject}\n\n{prev_text}\n"
            )
        return f"-------- Message d'origine --------\nDe : {w}\nDate : {t:%d/%m/%Y %H:%M}\nObjet : {prev.subject}\n\n{prev_text}\n"

    def fake(
        self, client: str, name: str, addr: str, subject: str, t: dt.datetime, dom: str = ""
    ) -> Mail:
        """A message that is not in the mailbox itself (quoted or forwarded inside another)."""
        return Mail(
            "",
            client,
            name,
            addr,
            subject,
            aware(t.replace(tzinfo=None)),
            msgid(client, dom or addr.split("@")[-1], self.rng, t),
        )

    # ---------------------------------------------------------------- shapes
    def phone_terse(self):
        """Hurried officials on phones: a line or two, the name sometimes only in the From header."""
        rng = self.rng
        clients = [
            "iphone",
            "samsung",
            "android_gmail",
            "iphone",
            "orange_app",
            "outlook_ios",
            "iphone",
            "samsung",
            "android_gmail",
            "ipad",
            "iphone",
            "orange_app",
            "outlook_ios",
            "android_gmail",
        ]
        for k in range(14):
            p = self.signer(("mai", "cm", "cm") if k % 3 else ("mai",))
            d = parts(p, rng)
            place = d["bare"] + (f" ({d['dep']})" if d["dep"] and k % 2 else "")
            text = [
                f"Ok je signe. {initials(p.prenom, 'nodot')} {nom_case(p.nom)} {d['role']} {d['de']}",
                f"Signé ! {p.prenom} {p.nom}, {d['short']} {place}",
                f"je signe\n{p.prenom.lower()} {p.nom.lower()} {d['role']} {noacc(place).lower()}",
                f"Oui bien sûr. {display(p, 'cased')} – {d['role']} {d['de']}",
                f"D'accord pour signer.\n{display(p, 'inv')}\n{cap1(d['role'])} {d['de']}",
                f"Je signe l'appel en tant que {d['role']} {d['de']}.",
                f"👍 je signe. {display(p, 'cased')}, {d['role']} {d['de']}",
                f"Signature : {p.prenom} {nom_case(p.nom)}, {d['short']} {place}. Bon courage",
                f"Partant. {display(p, 'std')} {d['role']} {place}",
                f"Avec plaisir !\n{display(p, 'cased')}\n{cap1(d['role'])} {d['de']}",
                f"Je signe des 2 mains, on a perdu notre dernier médecin en juin. {display(p, 'cased')} {d['role']} {d['de']}",
                f"Ok pour moi : {p.nom} {p.prenom} ({d['role']} {d['de']})",
                f"Je signe. {cap1(d['role'])} {d['de']}",
                f"je signe bien sur\n{noacc(display(p, 'cased'))}\n{noacc(d['role'])} {noacc(d['de'])}",
            ][k]
            # k 5 and 12: the name only in the From header
            fname = (
                display(p, "cased")
                if k in (5, 12)
                else rng.choice(["", display(p, "cased"), p.prenom])
            )
            if k in (5, 12):
                fname = display(p, rng.choice(["cased", "std"]))
            m = self.new(
                "phone_terse",
                clients[k],
                fname,
                addr_of(p, rng),
                self.reply_subject(clients[k], CALL_SUBJECT) if k % 4 else "Appel",
                lo=5,
                hi=120,
                in_reply_to=self.call.mid if k % 4 else "",
            )
            if k % 4:
                m.references = self.call.mid
                self.from_call(m, text, html=False)
            else:
                self.body(m, text, html=False)
            self.sign(m, "phone_terse", p)

    def formal_letter(self):
        """A letter: letterhead, « Objet : », « Je vous prie d'agréer… », « Le Maire, » then the name."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "laposte",
            "outlook_desktop",
            "thunderbird",
            "zimbra",
            "outlook_mac",
            "outlook_desktop",
            "free",
            "orange",
        ]
        for k in range(9):
            p = self.signer(("mai", "mai", "cd", "mai", "cm", "mai", "cr", "mai", "cm")[k : k + 1])
            d = parts(p, rng)
            f = p.fonction
            if p.impostor or p.kind in ("mai", "cm"):
                head = f"RÉPUBLIQUE FRANÇAISE\n{dept_name(d['dep']) if d['dep'] else ''}\nCOMMUNE {noacc(d['de']).upper()}\n{'Le Maire' if f == 'Maire' else ''}".replace(
                    "\n\n", "\n"
                )
                qual = e(p, "Le Maire,", "La Maire,") if f == "Maire" else cap1(d["role"]) + ","
            elif p.kind == "cd":
                head = f"CONSEIL DÉPARTEMENTAL {noacc(de_dept(p.dep)).upper()}\nCanton {de_name(p.canton)}"
                qual = cap1(self.role_de(p, d)) + ","
            else:
                head = f"RÉGION {noacc(p.region).upper()}\nConseil régional"
                qual = cap1(self.role_de(p, d)) + ","
            ref = f"N/Réf. : {rng.choice(['DG', 'CAB', 'SG', 'MA'])}/{rng.randint(100, 999)}/2027"
            t = self.clock.t
            objet = rng.choice(
                [
                    f"Objet : {CALL_TITLE}",
                    "Objet : Signature de l'appel pour l'accès aux soins",
                    "Objet : votre appel du 13 septembre 2027",
                ]
            )
            civ = rng.choice(
                ["Madame, Monsieur,", "Mesdames, Messieurs,", "Madame, Monsieur les organisateurs,"]
            )
            corps = rng.choice(
                [
                    "J'ai pris connaissance avec intérêt de l'appel que vous avez adressé aux élu·es. La désertification médicale frappe durement notre territoire : "
                    "je vous confirme par la présente que je m'associe pleinement à vos demandes et que je signe cet appel.",
                    "Par la présente, je vous fais part de mon soutien à votre initiative et vous confirme ma signature de l'appel.",
                    "Sensible à la situation que vous décrivez, que nous vivons au quotidien, j'ai l'honneur de vous faire savoir que je souscris à l'appel et vous autorise "
                    "à faire figurer mon nom parmi les signataires.",
                ]
            )
            agr = rng.choice(
                [
                    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
                    "Veuillez agréer, Mesdames, Messieurs, l'assurance de ma considération distinguée.",
                    "Je vous prie de croire, Madame, Monsieur, à l'assurance de mes sentiments les meilleurs.",
                ]
            )
            place = p.commune if p.commune else (dept_name(p.dep) if p.kind == "cd" else p.region)
            name = [
                display(p, "cased"),
                display(p, "std"),
                display(p, "caps"),
                display(p, "cased"),
            ][k % 4]
            text = (
                f"{head}\n\n{ref}\n\n{place}, le {t.day} {FR_MONTHS[t.month - 1]} {t.year}\n\n"
                f"{objet}\n\n{civ}\n\n{corps}\n\n{agr}\n\n{qual}\n\n{name}"
            )
            addr = official_addr(p, rng) if not p.impostor else addr_of(p, rng)
            m = self.new(
                "formal_letter",
                clients[k],
                rng.choice(
                    [display(p, "cased"), f"Mairie {d['de']}" if p.commune else display(p, "std")]
                ),
                addr,
                objet.removeprefix("Objet : "),
            )
            self.body(m, text, html=clients[k] in ("outlook_desktop", "thunderbird") and k % 2 == 0)
            self.sign(m, "formal_letter", p)

    def own_words(self):
        """The mandate in people's own words: opposition, delegations, honorary titles."""
        rng = self.rng
        clients = [
            "gmail",
            "thunderbird",
            "outlook_desktop",
            "apple",
            "laposte",
            "free",
            "sfr",
            "yahoo",
            "roundcube",
            "gmail",
            "orange",
            "zimbra",
            "iphone",
            "outlook_mac",
        ]
        for k in range(14):
            kinds = [("cm",), ("cm",), ("cm",), ("cm",), ("mai",), ("cd",), ("cr",)][k % 7]
            if k % 7 in (1, 3):
                p = self.signer(kinds, lambda x: "adjoint" in x.fonction)
            else:
                p = self.signer(
                    kinds, lambda x: "adjoint" not in x.fonction and x.commune_code != "75056"
                )
            d = parts(p, rng)
            mw = self.own(p, d, k)
            nm = display(p, rng.choice(["std", "cased", "cased"]))
            text = [
                f"Bonjour,\n\n{nm}, {mw}, je signe l'appel.\n\n{self.closing()}",
                f"Bonjour,\n\nJe signe volontiers. Pour la liste : {nm} — {mw}.\n\n{self.closing()}",
                f"Madame, Monsieur,\n\nEn tant que {mw}, j'apporte ma signature à votre appel. Dans notre bassin de vie, le premier service d'urgences est à 50 minutes.\n\n{self.closing()}\n{nm}",
                f"Bonjour,\n\nSignature : {nm}\n{cap1(mw)}\n\nMerci pour cette initiative.",
                f"Bonsoir,\n\nJe m'associe à l'appel. Je suis {mw}.\n\n{nm}",
            ][k % 5]
            m = self.new(
                "own_words",
                clients[k],
                nm if k % 3 else "",
                addr_of(p, rng),
                self.reply_subject(clients[k], CALL_SUBJECT) if k % 2 else "Signature de l'appel",
            )
            if k % 2:
                m.in_reply_to = m.references = self.call.mid
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "own_words", p)

    def name_forms(self):
        """Names in every order and case, initials, accents missing, married names (« née », « épouse »)."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "orange",
            "thunderbird",
            "laposte",
            "sfr",
            "free",
            "apple",
            "yahoo",
            "zimbra",
            "gmail",
            "roundcube",
            "outlook_desktop",
            "iphone",
        ]
        maiden = [
            "MARTIN",
            "ROUSSEAU",
            "FAURE",
            "GIRARD",
            "LEROY",
            "MOREL",
            "FOURNIER",
            "BLANC",
            "GUÉRIN",
            "BOYER",
        ]
        for k in range(14):
            if k in (4, 9):  # an RNE surname holding a marriage: « NAISSANCE ÉPOUSE USAGE »
                p = self.take(
                    "cm",
                    extra_ok=lambda x: (
                        "ÉPOUSE" in x.nom
                        and x.nom.count(" ") == 2
                        and " " not in x.prenom
                        and ident(x.nom, x.prenom) not in self.used
                        and self.reg.unique(x)
                    ),
                )
                birth, usage = p.nom.split(" ÉPOUSE ")
                nm = (
                    f"{p.prenom} {nom_case(usage)} née {nom_case(birth)}"
                    if k == 4
                    else f"{usage} {p.prenom} (ép. de naissance {birth})".replace(
                        "ép. de naissance", "née"
                    )
                )
            else:
                p = self.signer(("cm", "cm", "cm", "mai", "cm"))
                if k in (2, 7, 12) and p.f and not p.impostor:
                    nm = f"{display(p, 'cased')} née {nom_case(rng.choice(maiden))}"
                elif k in (2, 7, 12):
                    nm = f"{p.nom} {p.prenom}"
                else:
                    nm = self.name_in(p, k)
            d = parts(p, rng)
            rd = self.role_de(p, d)
            if k % 3 == 0:
                rd = noacc(rd)
            text = [
                f"Bonjour,\n\nje signe : {nm}, {rd}\n\n{self.closing()}",
                f"Bonjour,\n\n{nm}\n{cap1(rd)}\n\nsigne l'appel.",
                f"Je soutiens. {nm} ({rd})",
                f"Bonjour\n\nMerci de m'ajouter : {nm} – {rd}\n\nBien cordialement",
            ][k % 4]
            m = self.new(
                "name_forms",
                clients[k],
                rng.choice(
                    ["", display(p, "std"), nom_case(p.nom.split(" ÉPOUSE ")[-1]) + " " + p.prenom]
                ),
                addr_of(p, rng),
                rng.choice(["signature", "Re: Appel médecins", "Appel des élu·es", "je signe"]),
            )
            self.body(m, text)
            self.sign(m, "name_forms", p)

    def place_code(self):
        """Communes given by postcode or département number, mistyped, without hyphens or accents."""
        rng = self.rng
        clients = [
            "gmail",
            "orange",
            "laposte",
            "outlook_desktop",
            "free",
            "sfr",
            "thunderbird",
            "yahoo",
            "iphone",
            "zimbra",
            "gmail",
            "apple",
        ]
        for k in range(12):
            p = self.signer(("cm", "cm", "mai"), lambda x: not x.dep.startswith("97"))
            d = parts(p, rng)
            cp = postcode(p.commune_code)
            role = d["role"]
            tname = self.typo(p.commune, k % 5)
            where = [
                f"{role} {de_place(tname, p.tl)} ({p.dep})",
                f"{role} à {cp} {noacc(p.commune).upper()}",
                f"{role}, commune {de_place(tname, p.tl)}, dépt {p.dep}",
                f"{role} {de_place(p.commune, p.tl)} - {cp}",
                f"{role} {de_place(tname, p.tl)} {p.dep}",
                f"{role} ({cp} {tname})",
                f"{role} {de_place(p.commune, p.tl)} ({dept_name(p.dep)})",
                f"{role} de la commune de {tname} dans le {p.dep}",
                f"{role} {de_place(tname, p.tl)}, {cp}",
                f"{role} à {tname} ({p.dep})",
                f"{role} — {cp} {p.commune}",
                f"{role} {de_place(tname, p.tl)} [{p.dep}]",
            ][k]
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            text = rng.choice(
                [
                    f"Bonjour,\n\nJe signe l'appel.\n{nm}\n{cap1(where)}\n\n{self.closing()}",
                    f"Bonjour,\n\n{nm}, {where}, signe l'appel.",
                    f"Je signe !\n\n{nm}\n{cap1(where)}",
                ]
            )
            m = self.new(
                "place_code",
                clients[k],
                display(p, "cased") if k % 2 else "",
                addr_of(p, rng),
                "Signature",
            )
            if k % 3 == 0:
                m.subject = self.reply_subject(clients[k], CALL_SUBJECT)
                m.in_reply_to = m.references = self.call.mid
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "place_code", p)

    def html_sig_table(self):
        """An HTML signature laid out in a table (logo, name in bold, mandate, address); the text part as the client renders it."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "apple",
            "outlook_desktop",
            "zimbra",
            "gmail",
            "roundcube",
        ]
        for k in range(9):
            p = self.signer(("mai", "cm", "cm", "cd", "cm", "cr", "cm"))
            d = parts(p, rng)
            client = clients[k]
            addr = official_addr(p, rng) if not p.impostor else addr_of(p, rng)
            coll = self.coll(p, d)
            role = cap1(d["role"])
            de = d["de"] if k % 2 else ""
            nm = display(p, rng.choice(["cased", "std"]))
            tel = self.phone()
            street = self.street()
            cp = postcode(p.commune_code) if p.commune_code else ""
            city = p.commune or d["bare"]
            top = rng.choice(
                [
                    "Bonjour,\n\nJe signe l'appel et le fais suivre à mes collègues.\n\nBien cordialement,",
                    "Bonjour,\n\nVous pouvez ajouter ma signature.\n\nCordialement,",
                    "Madame, Monsieur,\n\nJe m'associe à l'appel.\n\nSalutations,",
                ]
            )
            cells = [
                f"<b>{esc(nm)}</b>",
                esc(f"{role} {de}".strip()),
                esc(coll),
                esc(f"{street} – {cp} {city}".strip()),
                f"Tél. {tel}",
            ]
            if k % 3 == 0:
                table = (
                    '<table border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse"><tr>'
                    f'<td width="90" valign="top" style="padding:0 8px 0 0"><img width="80" height="80" src="cid:image001.png@01DC{hx(rng, 4, HEXU)}.{hx(rng, 8, HEXU)}" alt="logo"></td>'
                    '<td valign="top" style="border-left:solid #1F4E79 1.5pt;padding:0 0 0 8px">'
                    + "".join(
                        f'<p class="MsoNormal" style="margin:0"><span style="font-size:9.0pt;color:#1F4E79">{c}</span></p>'
                        for c in cells
                    )
                    + "</td></tr></table>\n"
                )
                text_sig = (
                    f"[logo]\t{nm}\n{role} {de}".rstrip()
                    + f"\n{coll}\n{street} – {cp} {city}\nTél. {tel}"
                )
            elif k % 3 == 1:
                table = (
                    '<table cellpadding="0" cellspacing="0" style="font-family:Arial,sans-serif;font-size:12px">'
                    + "".join(f"<tr><td>{c}</td></tr>" for c in cells[:3])
                    + f'<tr><td style="color:#888">{cells[3]} | {cells[4]}</td></tr></table>\n'
                )
                text_sig = (
                    f"{nm}\n{role} {de}".rstrip() + f"\n{coll}\n{street} – {cp} {city} | Tél. {tel}"
                )
            else:  # name and mandate side by side
                table = (
                    '<table style="width:480px"><tr>'
                    f'<td style="width:50%;vertical-align:top">{cells[0]}<br>{cells[1]}</td>'
                    f'<td style="width:50%;vertical-align:top;color:#555">{cells[2]}<br>{cells[3]}<br>{cells[4]}</td></tr></table>\n'
                )
                text_sig = (
                    f"{nm}\t{coll}\n{role} {de}".rstrip()
                    + f"\t{street} – {cp} {city}\n\tTél. {tel}"
                )
            m = self.new(
                "html_sig_table",
                client,
                display(p, "cased"),
                addr,
                self.reply_subject(client, CALL_SUBJECT),
                in_reply_to=self.call.mid,
                references=self.call.mid,
            )
            me = m.from_addr
            full_top = f"{top}\n\n{text_sig}"
            m.text = full_top + quote_text(client, self.call, CALL, me)
            qh = quote_html(client, self.call, CALL, me)
            m.html = html_doc(client, top, table + qh)
            if k in (2, 7):  # HTML only
                m.text = None
            self.sign(m, "html_sig_table", p)

    def long_thread(self):
        """Threads of three to five messages, the quoting style changing with the device."""
        rng = self.rng
        # T1: a question from the office, the answer, « alors je signe » from the phone, a colleague added
        p = self.signer(("cm",), lambda x: "adjoint" in x.fonction, allow_imp=False)
        d = parts(p, rng)
        addr = official_addr(p, rng)
        th = f"{self.n + 1:03d}-long_thread"
        nm = display(p, "cased")
        m1 = self.new("long_thread", "outlook_desktop", nm, addr, "Question sur l'appel médecins")
        f1 = self.body(
            m1,
            f"Bonjour,\n\nUne question avant de signer : l'appel demande une « régulation de l'installation ». Notre conseil a voté "
            f"en 2025 une motion contre toute coercition. Est-ce compatible ?\n\nCordialement,\n\n{nm}\n{cap1(self.role_de(p, d))}",
        )
        self.label(m1, "long_thread", "question", self.case(p), None, th)
        m2, f2 = self.org_mail(
            m1,
            f1,
            "Bonjour,\n\nLe texte parle de régulation dans les zones déjà bien dotées, pas d'obligation d'installation. "
            "Plusieurs signataires partagent votre position sur la coercition.",
            "long_thread",
            th,
        )
        m3, f3 = self.user_reply(
            m2, f2, nm, addr, "iphone", "Merci pour la précision, alors je signe.", "long_thread"
        )
        self.sign(m3, "long_thread", p, addr, th)
        m4, f4 = self.org_mail(
            m3, f3, self.confirmation(p, rng).split("\n\n", 1)[1], "long_thread", th
        )
        q = self.colleague(p.commune_code, lambda x: "adjoint" not in x.fonction)
        dq = parts(q, rng)
        m5, _ = self.user_reply(
            m4,
            f4,
            nm,
            addr,
            "outlook_desktop",
            f"Bonjour,\n\nMa collègue du conseil municipal souhaite également signer : {display(q, 'cased')}, {dq['role']}. "
            f"Elle n'a pas d'adresse électronique à jour.\n\nBien à vous,\n{p.prenom}".replace(
                "Elle n'a", e(q, "Il n'a", "Elle n'a")
            ).replace("Ma collègue", e(q, "Mon collègue", "Ma collègue")),
            "long_thread",
        )
        self.sign(m5, "long_thread", q, addr, th)
        # T2: a name without mandate, the organisers ask, the mandate comes from another device
        p = self.signer(("cm", "mai"))
        d = parts(p, rng)
        addr = addr_of(p, rng, "gmail.com")
        th = f"{self.n + 1:03d}-long_thread"
        nm = display(p, "std")
        m1 = self.new("long_thread", "gmail", nm, addr, self.reply_subject("gmail", CALL_SUBJECT))
        m1.in_reply_to = m1.references = self.call.mid
        f1 = self.from_call(m1, f"Je signe.\n\n{nm}")
        self.label(m1, "long_thread", "signs", self.case(p), None, th)
        m2, f2 = self.org_mail(
            m1,
            f1,
            "Bonjour,\n\nMerci ! Pourriez-vous nous préciser votre mandat et votre commune ? Nous ne pouvons pas vérifier la signature sans.",
            "long_thread",
            th,
        )
        m3, _ = self.user_reply(
            m2,
            f2,
            nm,
            addr,
            "android_gmail",
            f"Oui pardon : {d['role']} {d['de']} {d['paren']}".strip(),
            "long_thread",
        )
        self.sign(m3, "long_thread", p, addr, th)
        # T3: a mayor asks, the answer, an inline reply signed at the bottom
        p = self.signer(("mai",))
        d = parts(p, rng)
        addr = official_addr(p, rng) if not p.impostor else addr_of(p, rng)
        th = f"{self.n + 1:03d}-long_thread"
        nm = display(p, "cased")
        m1 = self.new("long_thread", "apple", nm, addr, "Appel : deux questions")
        f1 = self.body(
            m1,
            f"Bonjour,\n\nDeux questions :\n- la liste des signataires sera-t-elle publiée avec les communes ?\n- peut-on signer après le 15 octobre ?\n\n{nm}\n{cap1(mandate(p, rng))}",
        )
        self.label(m1, "long_thread", "question", self.case(p), None, th)
        ans = (
            "Oui, avec le mandat et la commune.\n\nNon, la liste sera close le 15 octobre au soir."
        )
        m2, f2 = self.org_mail(m1, f1, f"Bonjour,\n\n{ans}", "long_thread", th)
        inline = (
            "Merci pour vos réponses, voir ci-dessous.\n\n"
            "> Oui, avec le mandat et la commune.\n\nTrès bien.\n\n"
            "> Non, la liste sera close le 15 octobre au soir.\n\n"
            f"Alors je ne tarde pas : je signe.\n\n{p.prenom} {nom_case(p.nom)}\n{cap1(d['role'])} {d['de']}"
        )
        m3 = self.new(
            "long_thread",
            "apple",
            nm,
            addr,
            self.reply_subject("apple", m2.subject),
            in_reply_to=m2.mid,
            references=f"{m1.mid} {m2.mid}",
        )
        self.body(m3, inline, html=False)
        self.sign(m3, "long_thread", p, addr, th)
        # T4: a departmental councillor: can the Département sign? no, individually -> signs, thanks
        p = self.signer(("cd",), allow_imp=False)
        d = parts(p, rng)
        addr = official_addr(p, rng)
        th = f"{self.n + 1:03d}-long_thread"
        nm = display(p, "cased")
        m1 = self.new("long_thread", "outlook_desktop", nm, addr, "Signature du Département ?")
        f1 = self.body(
            m1,
            f"Bonjour,\n\nLe Département peut-il signer en tant qu'institution, par délibération de la commission permanente ?\n\n"
            f"Cordialement\n\n{nm}\n{cap1(mandate(p, rng))}",
        )
        self.label(m1, "long_thread", "question", self.case(p), None, th)
        m2, f2 = self.org_mail(
            m1,
            f1,
            "Bonjour,\n\nL'appel est signé par des élu·es à titre individuel, pas par des collectivités. Vous pouvez bien sûr signer vous-même.",
            "long_thread",
            th,
        )
        m3, f3 = self.user_reply(
            m2,
            f2,
            nm,
            addr,
            "outlook_desktop",
            "Entendu. Dans ce cas je signe à titre personnel.\n\nBien à vous",
            "long_thread",
        )
        self.sign(m3, "long_thread", p, addr, th)
        m4, f4 = self.org_mail(
            m3, f3, self.confirmation(p, rng).split("\n\n", 1)[1], "long_thread", th
        )
        m5, _ = self.user_reply(
            m4, f4, nm, addr, "outlook_desktop", "Merci, parfait.", "long_thread"
        )
        self.label(m5, "long_thread", "thanks", "nonsigning", None, th)

    def fwd_chain(self):
        """Forwarded messages: a colleague's answer passed on, an association relaying its members, a wrong address."""
        rng = self.rng
        t0 = self.clock.t
        # 1. Gmail: the mayor forwards his adjoint's reply (sent to him) and signs too
        grp = self.commune_group(1, with_mayor=True)
        mayor, adj = grp
        dm, da = parts(mayor, rng), parts(adj, rng)
        maddr = addr_of(mayor, rng, "gmail.com")
        inner = self.fake(
            "gmail",
            display(adj, "cased"),
            addr_of(adj, rng),
            "Re: appel médecins",
            t0 - dt.timedelta(hours=3),
        )
        itext = f"Bonjour {mayor.prenom},\n\nOui je signe aussi, tu peux transmettre.\n\n{display(adj, 'cased')}\n{cap1(da['role'])}"
        m = self.new(
            "fwd_chain", "gmail", display(mayor, "cased"), maddr, "Fwd: Re: appel médecins"
        )
        top = f"Bonjour,\n\nJe signe l'appel : {display(mayor, 'std')}, maire {dm['de']}.\nEt ci-dessous la signature de {e(adj, 'mon adjoint', 'mon adjointe')}.\n\n{mayor.prenom}\n\n"
        m.text = top + self.fwd_block("gmail", inner, itext, f"{display(mayor, 'cased')} <{maddr}>")
        self.sign(m, "fwd_chain", mayor)
        self.sign(m, "fwd_chain", adj)
        # 2. Outlook: an association of mayors relays two members' answers
        st = self.staff[1]
        m = self.new(
            "fwd_chain",
            "outlook_desktop",
            f"{st[0]} {nom_case(st[1])}",
            f"secretariat@amr-{slug(DEPTS['12']['nom'])}.example",
            "TR: Appel médecins – réponses des adhérents",
        )
        blocks = []
        sig2 = []
        dep = rng.choice(["12", "46", "48", "15", "43", "19"])
        for j in range(2):
            p = self.signer(("mai",), lambda x, dep=dep: x.dep == dep)
            d = parts(p, rng)
            fk = self.fake(
                "outlook_desktop",
                display(p, "cased"),
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                "RE: Appel médecins",
                t0 - dt.timedelta(hours=20 - 5 * j),
            )
            blocks.append(
                self.fwd_block(
                    "outlook",
                    fk,
                    f"Bonjour,\nJe signe l'appel, merci de transmettre.\n{display(p, 'cased')}\n{cap1(d['role'])} {d['de']}",
                    f"secretariat@amr-{slug(DEPTS[dep]['nom'])}.example",
                )
            )
            sig2.append(p)
        m.from_addr = f"secretariat@amr-{slug(DEPTS[dep]['nom'])}.example"
        m.text = (
            f"Bonjour,\n\nL'association des maires ruraux {de_dept(dep)} vous transmet ci-dessous les réponses de deux de ses adhérents "
            f"qui signent l'appel.\n\nBien cordialement,\n{st[0]} {nom_case(st[1])}\nSecrétariat\n\n"
            + "\n".join(blocks)
        )
        for p in sig2:
            self.sign(m, "fwd_chain", p)
        # 3. Apple: re-sent after answering the list by mistake
        p = self.signer(("cm", "mai"))
        d = parts(p, rng)
        addr = addr_of(p, rng, "icloud.com")
        fk = self.fake(
            "apple",
            display(p, "cased"),
            addr,
            f"Re: {CALL_SUBJECT}",
            t0 - dt.timedelta(days=1, hours=2),
        )
        fk.to = ORG_LIST
        m = self.new("fwd_chain", "apple", display(p, "cased"), addr, f"Tr: {CALL_SUBJECT}")
        m.text = (
            "Bonjour, j'avais répondu à la liste et non à vous, je crois. Je vous renvoie donc ma signature.\n\n"
            + self.fwd_block(
                "apple",
                fk,
                f"Je signe.\n{display(p, 'std')}\n{cap1(d['role'])} {d['de']}",
                ORG_LIST,
            )
        )
        self.sign(m, "fwd_chain", p)
        # 4. Thunderbird: the call forwarded to the organisers with a signature on top
        p = self.signer(("cm",))
        d = parts(p, rng)
        m = self.new(
            "fwd_chain", "thunderbird", display(p, "cased"), addr_of(p, rng), f"Fwd: {CALL_SUBJECT}"
        )
        m.text = f"Je signe : {display(p, 'cased')}, {self.role_de(p, d)}\n\n\n" + self.fwd_block(
            "thunderbird", self.call, CALL, ORG_LIST
        )
        self.sign(m, "fwd_chain", p)
        # 5. Orange: a mayor passes on a councillor's signature, without signing himself
        grp = self.commune_group(1, with_mayor=True)
        mayor, cm = grp
        self.used.discard(ident(mayor.nom, mayor.prenom))
        dcm = parts(cm, rng)
        fk = self.fake(
            "orange",
            display(cm, "cased"),
            addr_of(cm, rng, "orange.fr"),
            "appel",
            t0 - dt.timedelta(hours=6),
        )
        m = self.new(
            "fwd_chain",
            "orange",
            display(mayor, "cased"),
            addr_of(mayor, rng, "wanadoo.fr"),
            "TR: appel",
        )
        m.text = (
            f"Bonjour,\n\n{e(cm, 'Un conseiller municipal', 'Une conseillère municipale')} de ma commune m'a demandé de vous faire suivre sa signature. "
            "Pour ma part je ne signe pas, le conseil n'en a pas débattu.\n\nCordialement\n"
            f"{display(mayor, 'cased')}\n\n"
            + self.fwd_block(
                "orange",
                fk,
                f"Bonjour {e(mayor, 'Monsieur le Maire', 'Madame la Maire')},\npeux-tu transmettre ma signature pour l'appel sur les médecins ?\n{display(cm, 'std')}, {dcm['role']} {dcm['de']}",
                f"{display(mayor, 'cased')}",
            )
        )
        self.sign(m, "fwd_chain", cm)
        # 6. Zimbra: a Département's cabinet forwards a vice-president's answer
        p = self.signer(("cd",), lambda x: "Vice" in x.fonction, allow_imp=False)
        d = parts(p, rng)
        st = self.staff[2]
        cab = f"cabinet@{dept_dom(p.dep)}"
        fk = self.fake(
            "zimbra",
            display(p, "cased"),
            official_addr(p, rng),
            "Re: Appel médecins à moins de 30 minutes",
            t0 - dt.timedelta(hours=4),
        )
        m = self.new(
            "fwd_chain",
            "zimbra",
            f"Cabinet de la Présidence – {dept_name(p.dep)}",
            cab,
            "Tr: Re: Appel médecins à moins de 30 minutes",
        )
        m.text = (
            f"Bonjour,\n\nPour suite à donner.\n\n{st[0]} {nom_case(st[1])}\nCabinet\n\n"
            + self.fwd_block(
                "zimbra",
                fk,
                f"Je signe, merci de faire le nécessaire.\n{display(p, 'std')}\n{cap1(mandate(p, rng))}",
                cab,
            )
        )
        self.sign(m, "fwd_chain", p)
        # 7. Samsung: the call reached a councillor through a friend; the forwarder signs
        p = self.signer(("cm", "mai"))
        d = parts(p, rng)
        friend = f"{rng.choice(FIRST_F)} {rng.choice(['Dubreuil', 'Caradec', 'Fontvieille'])}"
        fk = self.fake(
            "gmail",
            friend,
            f"{slug(friend).replace('-', '.')}@gmail.com",
            f"Fwd: {CALL_SUBJECT}",
            t0 - dt.timedelta(days=1),
        )
        m = self.new("fwd_chain", "samsung", "", addr_of(p, rng), f"Fwd: Fwd: {CALL_SUBJECT}")
        m.text = (
            f"Bonjour, on m'a transféré votre appel. Je signe. {display(p, 'cased')} {d['role']} {d['de']}\n\nEnvoyé depuis mon appareil Galaxy\n\n"
            + self.fwd_block(
                "samsung",
                fk,
                "Regarde, ça devrait t'intéresser\n\n"
                + self.fwd_block("gmail", self.call, CALL, friend),
                "",
            )
        )
        self.sign(m, "fwd_chain", p)

    def inline_reply(self):
        """Answers written inside the quoted call, point by point, the signature at the bottom or next to « Pour signer »."""
        rng = self.rng
        clients = [
            "thunderbird",
            "roundcube",
            "apple",
            "gmail",
            "zimbra",
            "free",
            "thunderbird",
            "laposte",
        ]
        paras = CALL.split("\n\n")
        for k in range(8):
            p = self.signer(("cm", "cm", "mai", "cm") if k != 5 else ("cd",))
            d = parts(p, rng)
            client = clients[k]
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            out = []
            for para in paras:
                out.append(q(para))
                if para.startswith("1)") and k % 2 == 0:
                    out.append(
                        rng.choice(
                            [
                                "Entièrement d'accord.",
                                "Oui, trente minutes c'est déjà beaucoup.",
                                "D'accord sur tout.",
                            ]
                        )
                    )
                if para.startswith("Pour signer") and k % 4 != 3:
                    out.append(
                        [
                            f"Prénom : {p.prenom}\nNom : {p.nom}\nMandat : {d['role']} {d['de']}",
                            f"{nm}, {self.role_de(p, d)}",
                            f"{p.prenom} / {p.nom} / {d['role']} {d['de']}",
                        ][k % 3]
                    )
            if k % 4 == 3:
                out.append(f"Je signe.\n\n-- \n{nm}\n{cap1(self.role_de(p, d))}")
            t = self.call.date
            m = self.new(
                "inline_reply",
                client,
                display(p, "cased"),
                addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
                in_reply_to=self.call.mid,
                references=self.call.mid,
            )
            intro = rng.choice(
                ["Bonjour,\n\nMes réponses dans le texte.\n\n", "", "Bonjour, voir ci-dessous.\n\n"]
            )
            m.text = (
                intro
                + (
                    f"Le {t:%d/%m/%Y} à {t:%H:%M}, {ORG_NAME} a écrit :\n"
                    if client in ("thunderbird", "roundcube")
                    else ""
                )
                + "".join(
                    x
                    + (
                        "\n>\n"
                        if x.startswith(">") and i + 1 < len(out) and out[i + 1].startswith(">")
                        else "\n\n"
                    )
                    for i, x in enumerate(out)
                ).rstrip()
                + "\n"
            )
            self.sign(m, "inline_reply", p)

    def for_other(self):
        """Someone writes for the signer (assistant, spouse, son), or two people sign in one message."""
        rng = self.rng
        # 1-3: a secretary or assistant confirms the mayor's signature
        for k in range(3):
            p = self.signer(("mai",))
            d = parts(p, rng)
            st = self.staff[3 + k]
            client = ["outlook_desktop", "laposte", "zimbra"][k]
            box = f"{['secretariat', 'accueil', 'mairie'][k]}@{town_dom(p)}"
            text = [
                f"Bonjour,\n\nSur instruction de {e(p, 'Monsieur le Maire', 'Madame la Maire')}, je vous confirme la signature de l'appel par "
                f"{display(p, 'cased')}, maire {d['de']}.\n\nCordialement,\n\n{st[0]} {nom_case(st[1])}\nSecrétaire de mairie",
                f"Bonjour,\n\n{e(p, 'M.', 'Mme')} {p.prenom} {p.nom}, {d['role']}, m'a chargée de vous transmettre sa signature.\n\n{st[0]} {nom_case(st[1])}\nAccueil – Mairie {d['de']}",
                f"Bonjour,\n\nPour {e(p, 'M. le Maire', 'Mme la Maire')} ({nom_case(p.nom)} {p.prenom}) : il signe l'appel.".replace(
                    "il signe", e(p, "il signe", "elle signe")
                )
                + f"\n\nLe secrétariat de la mairie {d['de']}",
            ][k]
            m = self.new(
                "for_other",
                client,
                f"Mairie {d['de']}" if k != 1 else f"{st[0]} {nom_case(st[1])}",
                box,
                "Signature de M. le Maire" if not p.f else "Signature de Mme la Maire",
            )
            self.body(m, text)
            self.sign(m, "for_other", p)
        # 4-5: two officials of one commune sign together
        for k in range(2):
            mayor, adj = self.commune_group(1, with_mayor=True)
            dm, da = parts(mayor, rng), parts(adj, rng)
            text = [
                f"Bonjour,\n\nNous signons tous les deux l'appel :\n- {display(mayor, 'std')}, maire {dm['de']}\n- {display(adj, 'std')}, {da['role']}\n\nBien à vous",
                f"Bonjour,\n\n{display(mayor, 'cased')} ({e(mayor, 'le maire', 'la maire')}) et {display(adj, 'cased')} ({da['role']}) "
                f"signent l'appel pour la commune {dm['de']}.\n\nCordialement",
            ][k]
            m = self.new(
                "for_other",
                ["gmail", "outlook_mac"][k],
                display(mayor, "cased"),
                official_addr(mayor, rng),
                "Signatures",
            )
            self.body(m, text)
            self.sign(m, "for_other", mayor)
            self.sign(m, "for_other", adj)
        # 6: « je signe, et ma femme aussi »: two councillors of different communes
        p = self.signer(("cm",), lambda x: not x.f, allow_imp=False)
        w = self.impostor(
            "other_first"
        )  # his wife: a first name her surname never carries on that council
        dp, dw = parts(p, rng), parts(w, rng)
        m = self.new("for_other", "free", display(p, "cased"), addr_of(p, rng, "free.fr"), "appel")
        self.body(
            m,
            f"Bonjour,\n\nJe signe : {display(p, 'std')}, {dp['role']} {dp['de']}.\n{e(w, 'Mon mari aussi, il est', 'Ma femme aussi, elle est')} {dw['role']} {dw['de']} : {display(w, 'std')}.\n\nBonne continuation",
        )
        self.sign(m, "for_other", p)
        self.sign(m, "for_other", w)
        # 7: a son writes for his father, mayor without e-mail
        p = self.signer(("mai",), lambda x: not x.f, allow_imp=False)
        d = parts(p, rng)
        son = rng.choice(FIRST_M)
        m = self.new(
            "for_other",
            "gmail",
            f"{son} {nom_case(p.nom)}",
            f"{slug(son)}.{slug(p.nom)}@gmail.com".replace("-", ""),
            "Signature pour mon père",
        )
        self.body(
            m,
            f"Bonjour,\n\nMon père, {p.prenom} {nom_case(p.nom)}, est maire {d['de']} ({d['dep']}) et n'a pas d'adresse mail. "
            f"Il m'a demandé de vous dire qu'il signe votre appel.\n\nBien cordialement,\n{son}",
        )
        self.sign(m, "for_other", p)
        # 8: a parliamentary assistant? no: a regional councillor's collaborator
        p = self.signer(("cr",), allow_imp=False)
        d = parts(p, rng)
        st = self.staff[6]
        m = self.new(
            "for_other",
            "outlook_desktop",
            f"{st[0]} {nom_case(st[1])}",
            f"{slug(st[0])}.{slug(st[1])}@{region_dom(p.region)}".replace("-", ""),
            "Appel – signature",
        )
        self.body(
            m,
            f"Bonjour,\n\nCollaboratrice de groupe au conseil régional, je vous transmets la signature de {display(p, 'cased')}, {self.role_de(p, d)}.\n\n"
            f"Bien cordialement,\n{st[0]} {nom_case(st[1])}",
        )
        self.sign(m, "for_other", p)

    def franglais(self):
        """British and other foreign-born councillors, mixed French and English; English clients."""
        rng = self.rng
        clients = [
            "gmail_en",
            "iphone_en",
            "outlook_en",
            "gmail",
            "outlook_android_en",
            "yahoo",
            "gmail_en",
        ]
        for k in range(7):
            if k == 6:
                p = self.impostor("invented")
            else:
                p = self.signer(
                    ("cm",),
                    lambda x: (
                        x.dep in ("24", "23", "87", "16", "46", "47", "11", "34", "22", "56", "17")
                    ),
                )
            d = parts(p, rng)
            nm = display(p, rng.choice(["std", "cased"]))
            text = [
                f"Hello,\n\nI am {d['role']} {d['de']} ({d['dep']}) and I'd like to sign the appel. Our GP retired last year and nobody replaced him.\n\nBest regards,\n{nm}",
                f"Bonjour, je signe ! Sorry for my French. {nm}, {d['role']} {d['de']}",
                f"Dear organisers,\n\nPlease add my name: {nm}, councillor ({d['role']}) in {p.commune}, {dept_name(p.dep)}.\n\nKind regards",
                f"Bonjour,\n\nJe signe l'appel — count me in!\n{nm}\nCouncillor / {d['role']} {d['de']}",
                f"Hi, je soutiens totalement. {nm}, municipal councillor, {p.commune} ({p.dep}).",
                f"Bonjour,\n\nJe suis {d['role']} {d['de']} depuis 2020 (British citizen, resident in France since 2004). I sign with pleasure.\n\n{nm}",
                f"Hello from {p.commune}! Yes, je signe. {nm} – {d['role']}.",
            ][k]
            m = self.new(
                "franglais",
                clients[k],
                nm if k % 2 == 0 else display(p, "cased"),
                addr_of(p, rng, rng.choice(["gmail.com", "btinternet.com", "orange.fr"])),
                self.reply_subject(clients[k], CALL_SUBJECT) if k != 2 else "Signature – appel",
            )
            if k != 2:
                m.in_reply_to = m.references = self.call.mid
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "franglais", p)

    def attach_vcard(self):
        """Attachments: a vCard holding the name and title, a signed PDF of the call, a photo of the signed page."""
        rng = self.rng
        clients = [
            "apple",
            "outlook_desktop",
            "thunderbird",
            "gmail",
            "iphone",
            "laposte",
            "outlook_desktop",
            "android_gmail",
        ]
        for k in range(8):
            p = self.signer(("cm", "mai", "cm", "cd", "cm"))
            d = parts(p, rng)
            client = clients[k]
            addr = addr_of(p, rng) if p.impostor or k % 2 else official_addr(p, rng)
            nm = display(p, "cased")
            if k < 4:
                fn = f"{slug(p.prenom)}_{slug(p.nom)}.vcf".replace("-", "_")
                text = [
                    f"Bonjour,\n\nJe signe l'appel. Mes coordonnées en pièce jointe.\n\n{p.prenom}",
                    "Bonjour,\n\nJe signe. Ci-joint ma carte de visite.\n\nCordialement",
                    f"Je signe l'appel.\n\n{nm}\n{cap1(d['role'])}",
                    f"Bonjour, je m'associe à l'appel ({d['role']} {d['de']}). Carte jointe.",
                ][k]
                att = [(fn, "text/vcard; charset=utf-8", self.vcard(p, d, addr))]
            else:
                text = [
                    f"Bonjour,\n\nVeuillez trouver ci-joint l'appel signé.\n\n{nm}\n{cap1(self.role_de(p, d))}",
                    "Ci-joint l'appel signé et tamponné.\n\n"
                    + f"{cap1(d['role'])} {d['de']}\n{nm}",
                    f"Bonjour,\n\nJ'ai imprimé, signé et scanné l'appel (PJ). {nm}, {d['role']} {d['de']}.\n\nBien à vous",
                    f"Photo de l'appel signé en PJ 📎\n{nm} {d['role']} {d['de']}",
                ][k - 4]
                if k == 7:
                    att = [
                        (
                            f"IMG_{rng.randint(1000, 9999)}.jpg",
                            "image/jpeg",
                            b"\xff\xd8\xff\xe0"
                            + bytes(rng.randrange(256) for _ in range(500))
                            + b"\xff\xd9",
                        )
                    ]
                else:
                    att = [
                        (
                            rng.choice(
                                [
                                    "appel_signe.pdf",
                                    "Appel medecins signe.pdf",
                                    f"scan_{self.clock.t:%Y%m%d_%H%M}.pdf",
                                ]
                            ),
                            "application/pdf",
                            self.fake_pdf(),
                        )
                    ]
            m = self.new(
                "attach_vcard",
                client,
                nm if k != 1 else "",
                addr,
                rng.choice(
                    [
                        "Signature",
                        "Appel signé",
                        "PJ : appel",
                        self.reply_subject(client, CALL_SUBJECT),
                    ]
                ),
            )
            self.body(m, text)
            m.attach = att
            self.sign(m, "attach_vcard", p)

    def plm_sector(self):
        """Paris, Lyon and Marseille: arrondissement councillors, conseillers de Paris, sector councillors, the Métropole."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "apple",
            "thunderbird",
            "iphone",
            "outlook_mac",
            "gmail",
            "zimbra",
            "roundcube",
            "orange",
        ]
        for k in range(10):
            if k in (0, 3, 5, 8):
                p = self.signer(("ca",))
            elif k in (1, 6):
                p = self.official(("cm",), lambda x: x.commune_code == "75056")
            elif k in (2, 7):
                p = self.official(("cm",), lambda x: x.commune_code in ("69123", "13055"))
            elif k == 9:  # a first name the Marseille council's surname never carries
                p = self.impostor("other_first", surname_commune="13055")
            else:
                p = self.official(("ma",), lambda x: x.coll == "69M")
            d = parts(p, rng)
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            if p.kind == "ca":
                city, n = sector(p)
                arr = (
                    f"du {n}e"
                    if city == "Paris" and n > 1
                    else "de Paris Centre"
                    if city == "Paris"
                    else f"du {n}{'er' if n == 1 else 'e'} arrondissement"
                    if city == "Lyon"
                    else f"du {n}e secteur ({2 * n - 1}e et {2 * n}e arr.)"
                )
                where = [
                    f"{e(p, 'élu', 'élue')} {arr} ({city})",
                    f"{d['role']} {ca_where(p)}",
                    f"{e(p, 'conseiller', 'conseillère')} d'arrondissement, mairie {arr}"
                    + ("" if city == "Paris" else f" de {city}"),
                    f"{d['role']} — {ca_where(p, 'num')}",
                ][k % 4]
            elif p.kind == "cm" and p.commune_code == "75056":
                where = rng.choice(
                    [
                        f"{e(p, 'conseiller', 'conseillère')} de Paris",
                        f"{e(p, 'élu', 'élue')} au Conseil de Paris",
                    ]
                )
                if "adjoint" in p.fonction:
                    where = f"{e(p, 'adjoint', 'adjointe')} au maire de Paris ({ordinal(rank(p.fonction), p)})".replace(
                        "au maire de Paris", "à la Ville de Paris"
                    )
            elif p.kind == "cm":
                city = p.commune
                where = (
                    f"{d['role']} {de_place(city, 0)}"
                    if k == 2
                    else f"{e(p, 'conseiller municipal', 'conseillère municipale')} de {city} ({e(p, 'élu', 'élue')} du secteur)"
                )
            else:
                where = rng.choice(
                    [
                        f"{d['role']} (Métropole de Lyon)",
                        f"{e(p, 'élu', 'élue')} à la Métropole de Lyon",
                    ]
                )
            text = rng.choice(
                [
                    f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{cap1(where)}",
                    f"Bonjour,\n\n{nm}, {where}, signe l'appel. Les déserts médicaux existent aussi en ville.\n\n{self.closing()}",
                    f"Je m'associe à l'appel.\n{nm} – {where}",
                ]
            )
            m = self.new(
                "plm_sector",
                clients[k],
                display(p, "cased") if k % 3 else "",
                addr_of(p, rng),
                self.reply_subject(clients[k], CALL_SUBJECT),
            )
            m.in_reply_to = m.references = self.call.mid
            self.from_call(m, text)
            self.sign(m, "plm_sector", p)

    def epci_words(self):
        """Intercommunal councillors: the EPCI file's own people, and municipal councillors who name their intercommunality."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "laposte",
            "thunderbird",
            "zimbra",
            "apple",
            "free",
            "sfr",
        ]
        epcis = [p for p in self.reg.pool["epci"] if self.ok(p)]
        for k in range(8):
            if k < len(epcis) and k < 3:
                p = self.use(epcis[k])
            elif k == 7:
                for _ in range(50):
                    p = self.impostor("mayor_elsewhere")
                    if self.epci_of(p.commune_code) is not None:
                        break
            else:
                p = self.signer(
                    ("cm", "mai", "cm"), lambda x: self.epci_of(x.commune_code) is not None
                )
            d = parts(p, rng)
            nm = display(p, rng.choice(["std", "cased"]))
            if p.kind == "epci":
                ep = epci_label(p.coll)
                where = [
                    f"{d['role']} de la {ep}, {e(p, 'élu', 'élue')} {de_place(p.commune, p.tl)}",
                    f"{cap1(d['role'])} {d['de']} (commune de rattachement : {p.commune})",
                    f"{e(p, 'conseiller communautaire', 'conseillère communautaire')} ({p.coll}) – {p.commune}",
                ][k]
            else:
                ep = self.epci_of(p.commune_code)["nom"]
                role = d["role"]
                where = [
                    f"{role} {d['de']} et {e(p, 'conseiller communautaire', 'conseillère communautaire')} de la {epci_label(ep)}",
                    f"{e(p, 'conseiller communautaire', 'conseillère communautaire')} ({ep}), {role} {d['de']}",
                    f"{role} {d['de']}, {e(p, 'délégué', 'déléguée')} à la {ep}",
                    f"{ep} — {role} {d['de']}",
                    f"{e(p, 'vice-président', 'vice-présidente')} de la {epci_label(ep)} en charge de la santé, {role} {d['de']}",
                ][k % 5]
            text = rng.choice(
                [
                    f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{cap1(where)}\n\n{self.closing()}",
                    f"Bonjour,\n\n{nm}, {where}, s'associe à l'appel. Notre contrat local de santé n'a toujours pas de médecin coordinateur.",
                    f"Madame, Monsieur,\nje signe : {nm} ({where}).",
                ]
            )
            m = self.new(
                "epci_words",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                "Appel médecins – signature",
            )
            self.body(m, text)
            self.sign(m, "epci_words", p)

    def dept_region(self):
        """Departmental and regional councillors, with canton, section, group, delegation."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "outlook_mac",
            "thunderbird",
            "iphone",
            "outlook_desktop",
            "zimbra",
            "gmail",
            "apple",
            "roundcube",
        ]
        for k in range(10):
            p = self.official(("cd",) if k % 2 == 0 else ("cr",))
            if k == 9:
                p = self.impostor("other_first")
            d = parts(p, rng)
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            if p.impostor:
                where = f"{d['role']} {d['de']} ({p.dep})"
            else:
                where = self.own(p, d, k // 2) if k % 4 < 2 else mandate(p, rng)
            grp = rng.choice(
                [
                    "groupe Gauche unie",
                    "groupe de la majorité départementale",
                    "groupe Union des territoires",
                    "groupe écologiste",
                    "non inscrit",
                ]
            )
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{cap1(where)}\n{cap1(grp)}",
                f"Madame, Monsieur,\n\nJe vous confirme ma signature : {nm}, {where}.\n\nSalutations distinguées",
                f"Bonjour,\n\nBien reçu, je signe : {nm} ({where}, {grp}).",
            ][k % 3]
            addr = official_addr(p, rng) if not p.impostor else addr_of(p, rng)
            m = self.new(
                "dept_region",
                clients[k],
                display(p, "cased"),
                addr,
                self.reply_subject(clients[k], CALL_SUBJECT),
            )
            m.in_reply_to = m.references = self.call.mid
            self.from_call(m, text)
            self.sign(m, "dept_region", p)

    def special_assembly(self):
        """Members of special-status assemblies: Corse, Martinique, Guyane, Saint-Pierre-et-Miquelon, Saint-Martin, Polynésie."""
        rng = self.rng
        colls = ["94", "972", "973", "975", "987"]
        clients = ["gmail", "outlook_desktop", "iphone", "orange", "yahoo"]
        for k, c in enumerate(colls):
            p = self.official(("ma",), lambda x, c=c: x.coll == c)
            nm = display(p, rng.choice(["std", "cased"]))
            greet = [
                "Bonghjornu,",
                "Bonjou,",
                "Bonjour,",
                "Bonjour de Saint-Pierre,",
                "Ia ora na,",
            ][k]
            where = mandate(p, rng)
            text = (
                f"{greet}\n\nChez nous aussi, l'accès aux soins est un combat : évacuations sanitaires, spécialistes à des heures d'avion. Je signe l'appel.\n\n"
                f"{nm}\n{cap1(where)}"
            )
            m = self.new(
                "special_assembly",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                "Signature de l'appel",
            )
            self.body(m, text)
            self.sign(m, "special_assembly", p)

    def sign_confirm(self):
        """A signature, the organisers' confirmation in the same thread, then a withdrawal or thanks in that thread."""
        rng = self.rng
        clients = ["gmail", "outlook_desktop", "iphone", "laposte", "thunderbird"]
        after = [
            (
                "withdraw",
                "withdraws",
                "Finalement je retire ma signature : notre conseil a décidé de porter sa propre motion. Désolé{e} pour le contretemps.",
            ),
            ("thanks", "thanks", "Merci à vous, et bon courage pour la suite !"),
            (
                "withdraw",
                "withdraws",
                "Bonjour,\n\nJe retire ma signature, je n'avais pas vu le point 2 sur la régulation.\n\nCordialement",
            ),
            ("thanks", "thanks", "Parfait, merci. J'ai fait suivre à tout mon conseil."),
            (
                "withdraw",
                "withdraws",
                "Je retire ma signature svp, après réflexion avec mon équipe.",
            ),
        ]
        for k in range(5):
            p = self.signer(("cm", "mai", "cm"), allow_imp=False)
            d = parts(p, rng)
            client = clients[k]
            addr = addr_of(p, rng)
            nm = display(p, rng.choice(["std", "cased"]))
            th = f"{self.n + 1:03d}-sign_confirm"
            m1 = self.new(
                "sign_confirm",
                client,
                nm,
                addr,
                self.reply_subject(client, CALL_SUBJECT),
                in_reply_to=self.call.mid,
                references=self.call.mid,
            )
            f1 = self.from_call(
                m1, f"Bonjour,\n\nJe signe.\n{nm}\n{cap1(self.role_de(p, d))}\n\n{self.closing()}"
            )
            self.sign(m1, "sign_confirm", p, addr, th)
            m2, f2 = self.org_mail(
                m1, f1, self.confirmation(p, rng).split("\n\n", 1)[1], "sign_confirm", th
            )
            shape, intent, txt = after[k]
            m3, _ = self.user_reply(
                m2, f2, nm, addr, client, txt.replace("{e}", e(p, "", "e")), shape, html=False
            )
            self.label(m3, shape, intent, "nonsigning", None, th, refers_to=m1.file)

    # ---------------------------------------------------------------- non-signing messages
    def question(self):
        rng = self.rng
        qs = [
            "Bonjour,\n\nUn conseiller municipal délégué peut-il signer, ou faut-il être adjoint ? Je signerai selon votre réponse.",
            "Bonjour,\n\nL'appel sera-t-il remis au ministre de la Santé ? Je voudrais le savoir avant de proposer à mon équipe de signer.",
            "Bonjour,\n\nQue veut dire exactement « régulation » au point 2 ? Une interdiction d'installation ?",
            "Hello,\n\nIs there an English summary of the appeal? I would like to share it with our twin town in Wales.",
            "Bonjour,\n\nNotre conseil municipal se réunit le 7 octobre. Puis-je attendre son avis avant de signer ?",
            "Bonjour,\n\nLes maires délégués des communes nouvelles peuvent-ils signer au titre de leur commune déléguée ?",
            "Bonjour,\n\nOù pourra-t-on consulter la liste des signataires de notre département ?",
        ]
        clients = ["gmail", "outlook_desktop", "sfr", "outlook_en", "free", "thunderbird", "iphone"]
        for k in range(7):
            p = self.official(("mai", "cm", "cd", "cm"))
            m = self.new(
                "question",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Question",
                    "Remise de l'appel",
                    "Point 2 ?",
                    "English summary?",
                    "Délai",
                    "Maires délégués",
                    "Liste",
                ][k],
            )
            self.body(m, f"{qs[k]}\n\n{self.closing()}\n{self.sigblock(p, rng)}")
            self.label(m, "question", "question", "nonsigning")

    def thanks(self):
        """Thanks, a refusal, and recommendations of colleagues (« vous devriez contacter X, maire de Y »)."""
        rng = self.rng
        # a refusal quoting the call
        p = self.official(("mai",))
        m = self.new(
            "thanks",
            "outlook_desktop",
            display(p, "cased"),
            official_addr(p, rng),
            "RE: " + CALL_SUBJECT,
            in_reply_to=self.call.mid,
            references=self.call.mid,
        )
        self.from_call(
            m,
            f"Bonjour,\n\nJe ne signerai pas : je ne crois pas à la régulation de l'installation, qui déshabille un territoire pour en habiller un autre.\n\nCordialement,\n{self.sigblock(p, rng)}",
            html=False,
        )
        self.label(m, "thanks", "other", "nonsigning")
        # recommendations: a former official, a citizen, a councillor who already signed elsewhere
        for k in range(3):
            x = self.official(("mai", "cd", "mai"))
            dx = parts(x, rng)
            if k == 0:
                name, addr = (
                    f"{rng.choice(FIRST_M)} {rng.choice(['Lavergne', 'Castagnet', 'Rouvière'])}",
                    "ancien.elu@laposte.net",
                )
                text = (
                    f"Bonjour,\n\nJe ne suis plus élu depuis mars 2026, je ne peux donc pas signer. Mais vous devriez contacter {display(x, 'cased')}, "
                    f"{dx['role']} {dx['de']}, qui se bat depuis des années pour la maison de santé.\n\nBon courage,\n{name}"
                )
                client = "laposte"
            elif k == 1:
                name, addr = "Association Vivre au pays", "contact@vivre-au-pays.example"
                text = (
                    f"Bonjour,\n\nNous ne sommes pas élus, mais nous soutenons votre démarche. Pensez à {display(x, 'std')} ({mandate(x, rng)}) "
                    "qui a interpellé l'ARS le mois dernier.\n\nL'équipe de l'association"
                )
                client = "gmail"
            else:
                name, addr = "Citoyen engagé", "citoyen.engage@free.fr"
                text = f"bonjour, avez vous écrit à {x.prenom} {x.nom} {dx['role']} {dx['de']} ? je pense qu'il·elle signerait. cordialement"
                client = "free"
            m = self.new(
                "thanks",
                client,
                name,
                addr,
                ["Je ne peux pas signer", "Soutien et suggestion", "suggestion"][k],
            )
            self.body(m, text, html=False)
            self.label(m, "thanks", "other" if k else "other", "nonsigning")
        # thanks for the call, with a signature block (but no signature)
        for k in range(2):
            p = self.official(("cm", "cr"))
            m = self.new(
                "thanks", ["yahoo", "roundcube"][k], display(p, "cased"), addr_of(p, rng), "Merci"
            )
            self.body(
                m,
                [
                    f"Bonjour,\n\nMerci pour le dossier de presse, très utile pour notre conseil de jeudi.\n\n{self.sigblock(p, rng)}",
                    f"Bonjour,\n\nMerci pour l'invitation au webinaire du 28 septembre ; je ne pourrai pas y assister.\n\n{self.sigblock(p, rng)}",
                ][k],
            )
            self.label(m, "thanks", "thanks", "nonsigning")

    def autoreply(self):
        rng = self.rng
        one = self.one_signer_msgs()
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        for k in range(6):
            if k == 5:
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
                    "be delivered to one or more recipients.\n\n<secretariat@mairie-fermee.example>: Host or domain name not found\n\n"
                    f"--- original message headers ---\nSubject: [Rappel] {CALL_SUBJECT}\n"
                )
                self.label(m, "autoreply", "autoreply", "nonsigning")
                continue
            if k == 4:
                src, p, addr = one[len(one) // 2]
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[0][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(minutes=4)),
                    "",
                )
                m = self.new(
                    "autoreply",
                    "outlook_desktop",
                    src.from_name,
                    addr,
                    "Réponse automatique : Votre signature est enregistrée",
                    extra=auto,
                )
                self.body(
                    m,
                    f"Je suis absent{e(p, '', 'e')} jusqu'au 4 octobre. En cas d'urgence, contactez la mairie.",
                    prev,
                    self.confirmation(p, rng),
                    html=False,
                )
                self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
                continue
            p = self.official(("mai", "cd", "cm", "cr")[k : k + 1])
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nJe suis en congés jusqu'au 27 septembre inclus. Votre message sera traité à mon retour.\n\n{self.sigblock(p, rng)}",
                f"Je suis en déplacement jusqu'au 1er octobre, avec un accès limité à ma messagerie. / I am travelling until 1 October.\n\n{self.sigblock(p, rng)}",
                f"Accusé de réception\n\nVotre message a bien été reçu par la mairie {d['de']}. Il sera transmis à {display(p, 'std')}, {d['role']}.\n\nMessage automatique, merci de ne pas répondre.",
                f"Message automatique : {display(p, 'cased')} est en session plénière et vous répondra après le 6 octobre.",
            ][k]
            m = self.new(
                "autoreply",
                ["outlook_desktop", "outlook_en", "zimbra", "gmail"][k],
                display(p, "cased") if k != 2 else f"Mairie {d['de']}",
                addr_of(p, rng),
                [
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Automatic reply: " + CALL_SUBJECT,
                    "Accusé de réception",
                    "Absence",
                ][k],
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self):
        """Bulk mail naming officials and their mandates: a regional paper's digest, a federation's letter, a press review."""
        rng = self.rng
        for k in range(5):
            ps = [self.official(("mai", "cm", "cd")) for _ in range(3)]
            if k < 2:
                lst = "\n\n".join(
                    f"▶ {cap1(parts(x, rng)['bare'] or 'Département')} : {display(x, 'cased')}, {mandate(x, rng)}, "
                    + rng.choice(
                        [
                            "inaugure la maison de santé",
                            "alerte sur la fermeture des urgences de nuit",
                            "recrute un médecin salarié",
                        ]
                    )
                    for x in ps
                )
                m = self.new(
                    "newsletter",
                    "plain",
                    "La Dépêche des territoires",
                    "newsletter@depeche-territoires.example",
                    f"Votre lettre santé du {self.clock.t:%d/%m}",
                    extra="Precedence: bulk\nList-Unsubscribe: <https://depeche-territoires.example/desinscription>",
                )
                m.text = f"LA LETTRE SANTÉ DES TERRITOIRES\n\n{lst}\n\nVous recevez ce message car vous êtes abonné·e. Se désinscrire : https://depeche-territoires.example/desinscription\n"
            elif k < 4:
                lst = "\n".join(f"- {display(x, 'std')}, {mandate(x, rng)}" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Fédération des élus de montagne",
                    "lettre@elus-montagne.example",
                    "La lettre de la fédération – septembre 2027",
                    extra="Precedence: bulk\nList-Unsubscribe: <mailto:lettre-leave@elus-montagne.example>",
                )
                m.text = f"LA LETTRE DE LA FÉDÉRATION\n\nNos adhérent·es élu·es au bureau cette rentrée :\n{lst}\n\nCotisation 2028 : appel en novembre.\n"
            else:
                lst = " ; ".join(f"{display(x, 'cased')} ({mandate(x, rng)})" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Revue de presse Santé & Territoires",
                    "revue@sante-territoires.example",
                    "Revue de presse du 24 septembre",
                    extra="Precedence: bulk",
                )
                m.text = f"REVUE DE PRESSE\n\nDéserts médicaux : les élus montent au créneau. Cités cette semaine : {lst}.\n\nRépondre STOP pour ne plus recevoir cette revue.\n"
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self):
        """Withdrawals sent as new messages, from the address of an earlier one-signer message."""
        one = self.one_signer_msgs()
        for k, (src, p, addr) in enumerate([one[7], one[41]]):
            client = "gmail" if src.client in ("plain", "organisers") else src.client
            m = self.new(
                "withdraw", client, src.from_name, addr, ["Retrait", "Retrait de ma signature"][k]
            )
            self.body(
                m,
                [
                    "Bonjour,\n\nMerci de retirer mon nom de la liste des signataires, je préfère signer l'appel de l'association des maires.\n\nCordialement",
                    f"Bonjour,\n\nJe retire ma signature de l'appel.\n\n{display(p, 'cased')}",
                ][k],
                html=False,
            )
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        for name, addr, subj, text in [
            (
                "Webmail Mairie",
                "support@webmail-mairie-maj.example",
                "Votre quota de messagerie est atteint",
                "Bonjour,\n\nVotre boîte est pleine. Validez votre compte ici sous 24 h : http://webmail-mairie-maj.example/\n",
            ),
            (
                "Cabinet Médecins Pro",
                "recrutement@medecins-pro.example",
                "Recrutez un médecin en 30 jours",
                "Madame, Monsieur le Maire,\n\nNotre cabinet place des médecins étrangers dans votre commune. Forfait 15 000 € HT.\n",
            ),
            (
                "Ameli Remboursement",
                "remboursement@ameli-info.example",
                "Remboursement en attente",
                "Vous avez un remboursement de 86,40 €. Confirmez vos coordonnées bancaires.\n",
            ),
            (
                "Défibrillateurs Direct",
                "promo@defib-direct.example",
                "Défibrillateurs : -25 % pour les communes",
                "Bonjour,\n\nÉquipez vos bâtiments communaux : offre de rentrée jusqu'au 30 septembre.\n",
            ),
        ]:
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
                f"[Rappel] {CALL_SUBJECT}",
                extra=LIST_HEADERS,
            )
            m.to = "undisclosed-recipients:;"
            self.body(
                m,
                f"Bonjour,\n\nPetit rappel : l'appel est ouvert à la signature jusqu'au 15 octobre. Répondez à ce message avec vos prénom, nom et mandat.\n\n{org_sig(1)}\n\n{CALL}",
                html=False,
            )
            self.label(m, "org_call", "other", "nonsigning")
            return
        ok = [s for s in self.signed if not s[1].impostor]
        sample = ok[5::17][:5]
        rows = "\n".join(f"- {display(p, 'std')} ({mandate(p, rng)})" for _, p, _ in sample)
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_LIST,
            f"[Point d'étape] {CALL_TITLE}",
            extra=LIST_HEADERS,
        )
        m.to = "undisclosed-recipients:;"
        self.body(
            m,
            f"Bonjour à toutes et à tous,\n\nL'appel a dépassé les 150 signatures en deux semaines, dont :\n\n{rows}\n\nIl reste jusqu'au 15 octobre pour signer.\n\n{org_sig(0)}",
            html=False,
        )
        self.label(m, "org_call", "other", "nonsigning")
        m = self.new("org_call", "organisers", ORG_FULL[0], ORG_ADDR, "Tableau des signatures")
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(
            m,
            f"{ORGANISERS[1][0]},\n\nJ'ai reporté les signatures dans le tableau ; attention aux doubles signatures transmises par les secrétariats "
            f"et aux deux retraits. On fait le point vendredi ?\n\n{ORGANISERS[0][0]}",
            html=False,
        )
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        for nm in INVENTED_NOMS:
            assert fold(nm) not in self.reg.surnames, nm
        self.org_call(0)
        self.phone_terse()
        self.own_words()
        self.formal_letter()
        self.name_forms()
        self.long_thread()
        self.place_code()
        self.html_sig_table()
        self.fwd_chain()
        self.inline_reply()
        self.plm_sector()
        self.for_other()
        self.sign_confirm()
        self.question()
        self.org_call(1)
        self.franglais()
        self.epci_words()
        self.attach_vcard()
        self.dept_region()
        self.special_assembly()
        self.thanks()
        self.autoreply()
        self.newsletter()
        self.org_call(2)
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
        print(
            f"{len(self.mails)} messages, {len(sig)} signers ({sum(r['expected'] == 'verified' for r in sig)} officials, "
            f"{sum(r['expected'] == 'not_verified' for r in sig)} impostors)"
        )


if __name__ == "__main__":
    Builder().build()
