#!/usr/bin/env python3
"""Thirteenth held-out petition mailbox (tests/mail_holdout13): builder.

    python tests/mail_holdout13/build.py           # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris summer time, June 2027), Message-IDs and MIME boundaries drawn from the
generator in each client's own shape. Reads the real 2026 RNE release (../shared/rne/release-2026,
every file), the 2022 mayors file of ../shared/rne/history (former mayors) and the COG
(../shared/cog) at build time; nothing of ../shared is copied into the repository except, in the
messages, the drawn people's name, sex, mandate and place. Birth dates are read only to tell
homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages, labels or builders of the
earlier held-out corpora (only the READMEs of mail_holdout5 and mail_holdout6, tests/mail_holdout5/build.py
whose registry reading, client quoting and encoding machinery are reused, and the scorer).
Campaign: « Appel des élu·es pour sauver les ponts de nos communes » (invented).
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import html.entities
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

SEED = 2027_0608
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "ponts-en-peril.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"elus-ponts@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Ponts en péril"
ORGANISERS = [
    ("Clothilde", "MARCHEVILLE-DUTERTRE"),
    ("Gauthier", "ESCOURROU-BLANCHEFORT"),
]  # invented; checked absent
# collaborators, secretaries, journalists: invented, checked absent from every 2026 file
STAFF = [
    ("Anne-Laure", "TRÉVEDY-MONTCHAMP"),
    ("Quentin", "LABARRÈDE-FOUQUERAY"),
    ("Maëva", "SCHWENDIMANN-PUJOS"),
    ("Hugues", "DESROCHELLES-VIGNAL"),
    ("Sixtine", "CARBOUNEL-AUDIBERT"),
    ("Loïc", "MANSCOURT-DELPEYROUX"),
    ("Perrine", "GOUVENOUX-ARTIGALAS"),
    ("Rodolphe", "BRIQUEMONT-SALVETAT"),
]
CALL_TITLE = "Appel des élu·es pour sauver les ponts de nos communes"
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
                truth_dep=g("Code du département") or "",
            )
        if kind == "epci":
            cc = g("Code de la commune de rattachement")
            c = COMMUNES.get(cc)
            if not c:
                return None
            return P(
                "epci",
                **base,
                dep=g("Code du département") or "",
                commune_code=cc,
                commune=c["nom"],
                tl=c.get("typeLiaison") or 0,
                coll=g("Libellé de l'EPCI") or "",
                truth_commune=cc,
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
    "Maëlys",
    "Ophélie",
    "Bérénice",
    "Soizic",
    "Ludivine",
    "Clémence",
    "Apolline",
    "Gwendoline",
    "Annabelle",
    "Marie-Noëlle",
    "Rosine",
    "Edwige",
    "Servane",
    "Blandine",
    "Capucine",
    "Joëlle",
    "Ombeline",
    "Léontine",
]
FIRST_M = [
    "Aurélien",
    "Gaëtan",
    "Maxence",
    "Ghislain",
    "Tanguy",
    "Anatole",
    "Florian",
    "Honoré",
    "Jean-Baptiste",
    "Ambroise",
    "Corentin",
    "Séverin",
    "Landry",
    "Armel",
    "Gilles-Marie",
    "Enguerrand",
    "Barnabé",
    "Valentin",
]
INVENTED_NOMS = [
    "VASSEROT-GUILLAUMET",
    "LAFFARGUE-SOUBIRON",
    "KERHERVÉ-MADEC",
    "PIETRASANTA-CECCALDI",
    "MÜLLENBACH-HAAS",
    "RAHARISOA-PAYET",
    "DUPLANTIER-ROUQUETTE",
    "QUINTANILLA-BORDES",
    "THIÉBLEMONT-GALLAIS",
    "BOURDAREAU-VEYSSET",
    "CASTAGNÉRAS-PUJO",
    "LEMOUZY-FERRAND",
    "ORTOLI-MATTEACCI",
    "GRANDCOLAS-WEBERT",
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
SUMMER = dt.datetime(
    2027, 3, 28, 2, 0
)  # last Sunday of March 2027: CET -> CEST (June: always +0200)


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=2 if t >= SUMMER else 1)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2027, 6, 8, 8, 40)
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


UTC_CLIENTS = {
    "outlook_desktop",
    "outlook_mac",
    "outlook_ios",
    "outlook_en",
    "outlook_android_en",
    "outlook_web",
}


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
    if client in ("outlook_ios", "outlook_en", "outlook_android_en", "outlook_web"):
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
    if client in ("orange", "orange_app", "sfr"):
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
    if client in ("outlook_mac", "outlook_ios", "outlook_en", "outlook_android_en", "outlook_web"):
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
    "orange": "X-Originating-IP: [{IP}]\nX-WUM-FROM: |~|\nX-WUM-TO: |~|",
    "orange_app": "X-Mailer: Mail Orange pour Android",
    "samsung": None,
    "iphone_en": "X-Mailer: iPhone Mail (22D82)",
    "outlook_en": "Thread-Topic: {TT}\nThread-Index: {TI}\nAccept-Language: en-GB, fr-FR\nContent-Language: en-GB\nX-MS-Has-Attach: ",
    "outlook_android_en": "X-MS-Has-Attach: \nContent-Language: en-US",
    "outlook_web": "Thread-Topic: {TT}\nThread-Index: {TI}\nAccept-Language: fr-FR, en-US\nContent-Language: fr-FR\nX-MS-Has-Attach: \nX-MS-Exchange-Organization-SCL: -1",
    "sfr": "X-Mailer: SFR Mail",
    "free": "User-Agent: Zimbra Webmail (Free)",
}
SMART_QUOTES = {"outlook_desktop", "iphone", "ipad", "apple", "iphone_en"}
CP1252_ONLY = set("’‘“”–—…œŒ€•")
CRLF_CLIENTS = {
    "outlook_desktop",
    "zimbra",
    "outlook_ios",
    "outlook_en",
    "outlook_android_en",
    "outlook_web",
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
    if client == "outlook_web":
        return (
            f"\n\n________________________________\nDe : {w}\nEnvoyé : {fr_long(t)}\nÀ : {me}\n"
            f"Objet : {prev.subject}\n\n{prev_text}\n"
        )
    if client in ("zimbra", "laposte", "free"):
        fn = f'"{prev.from_name}" <{prev.from_addr}>' if prev.from_name else prev.from_addr
        sep = "----- Mail d'origine -----" if client == "laposte" else "----- Mail original -----"
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
    if client in ("orange", "orange_app", "sfr"):
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

Un pont sur quatre gérés par les communes est en mauvais état. Tonnages limités, déviations de
plusieurs kilomètres pour le car scolaire, les pompiers ou les tracteurs, ouvrages fermés du jour au
lendemain après une crue : nos communes n'ont ni l'ingénierie ni les moyens de les entretenir seules.
Nous, élu·es de communes, d'intercommunalités, de départements et de régions, demandons :

1) un fonds national pluriannuel pour les ponts et murs de soutènement des petites communes ;
2) un diagnostic gratuit de chaque ouvrage d'ici 2030, par les services de l'État ou du département ;
3) une aide d'urgence mobilisable en quinze jours après une crue ou un effondrement ;
4) le rétablissement d'une ingénierie publique de proximité (ouvrages d'art) dans chaque département.

Pour signer, répondez à ce message en complétant :
Nom :
Prénom :
Mandat :
Collectivité :

Chaque signature est vérifiée dans le Répertoire national des élus avant publication, le 12 juillet
2027. Date limite : 2 juillet 2027. Merci de faire suivre l'appel à vos collègues élu·es.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} : signez avant le 2 juillet"
CALL_DATE = aware(dt.datetime(2027, 6, 8, 8, 5, 41))
LIST_HEADERS = (
    f"List-Id: <elus-ponts.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:elus-ponts-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: elus-ponts@listes." + ORG_DOMAIN
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
    "orange": [("iso-8859-1", "8bit"), ("iso-8859-1", "quoted-printable"), ("utf-8", "8bit")],
    "orange_app": [("utf-8", "8bit"), ("utf-8", "base64")],
    "samsung": [("utf-8", "base64"), ("utf-8", "8bit")],
    "gmail_en": [("utf-8", "quoted-printable"), ("utf-8", "base64")],
    "iphone_en": [("utf-8", "quoted-printable"), ("utf-8", "8bit")],
    "outlook_en": [("utf-8", "base64"), ("windows-1252", "quoted-printable")],
    "outlook_android_en": [("utf-8", "base64")],
    "outlook_web": [("utf-8", "base64"), ("utf-8", "quoted-printable")],
    "sfr": [("iso-8859-1", "quoted-printable"), ("utf-8", "quoted-printable")],
    "free": [("utf-8", "quoted-printable"), ("iso-8859-1", "8bit")],
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
        self.n_staff = 0
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
    def sigblock(self, p: P, style: str | None = None) -> str:
        d = parts(p, self.rng)
        return (
            f"{display(p, style or self.rng.choice(['std', 'cased']))}\n{cap1(self.role_de(p, d))}"
        )

    def confirmation(self, p: P) -> str:
        return (
            f"Bonjour,\n\nMerci, votre signature est enregistrée :\n{display(p, 'std')}, {mandate(p, self.rng)}\n\n"
            f"Elle sera vérifiée dans le Répertoire national des élus puis publiée le 12 juillet.\n\n{org_sig(0)}"
        )

    BY_DEP: dict[str, list[dict]] = {}

    def neighbour(self, p: P) -> dict:
        """Another commune of the same département (for stories and wrong communes)."""
        if not self.BY_DEP:
            for c in COMMUNES.values():
                self.BY_DEP.setdefault(c.get("departement", ""), []).append(c)
        cands = [
            c
            for c in self.BY_DEP.get(p.dep, [])
            if c["code"] != p.commune_code and NAME_COUNT[fold(c["nom"])] == 1
        ]
        return cands[self.rng.randrange(len(cands))]

    def staff_name(self) -> tuple[str, str]:
        st = self.staff[self.n_staff % len(self.staff)]
        self.n_staff += 1
        return st[0], nom_case(st[1])

    def conf_mail(self, src: Mail, p: P, hours: float = 20) -> Mail:
        return Mail(
            "",
            "organisers",
            f"{ORGANISERS[0][0]} – {ORG_NAME}",
            ORG_ADDR,
            "Re: " + re.sub(r"^(re|RE|Re|TR|Fwd)\s?:\s*", "", src.subject),
            aware(self.clock.t - dt.timedelta(hours=hours)),
            "<" + hx(self.rng, 32) + f"@{ORG_DOMAIN}>",
        )

    def org_reply(self, prev: Mail, prev_text: str, text: str, shape: str, thread: str):
        return self.org_mail(prev, prev_text, text, shape, thread)

    def letter_date(self, m: Mail, p: P, d: dict) -> str:
        t = m.date
        place = d["bare"] if d["bare"] and (p.impostor or p.kind in ("mai", "cm", "mdel")) else ""
        return f"{place or 'Le'}{', le' if place else ''} {t.day} {FR_MONTHS[t.month - 1]} {t.year}"

    # ---------------------------------------------------------------- shapes
    def letterhead(self):
        """A full administrative letter pasted in the body: letterhead, references, « Objet : », formal close."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "laposte",
            "outlook_desktop",
            "orange",
            "free",
            "thunderbird",
            "outlook_web",
            "zimbra",
            "sfr",
        ]
        for k in range(10):
            p = self.signer(("mai", "mai", "mai", "cm", "cd", "cr", "mdel"))
            d = parts(p, rng)
            client = clients[k]
            communal = p.impostor or p.kind in ("mai", "cm", "mdel")
            if communal:
                up = noacc(p.commune).upper() if k % 2 else p.commune.upper()
                head = rng.choice(
                    [
                        f"RÉPUBLIQUE FRANÇAISE\nDépartement {de_dept(p.dep)}\nCOMMUNE {de_place(p.commune, p.tl).upper()}",
                        f"MAIRIE {de_place(p.commune, p.tl).upper()}\n{self.street()}\n{postcode(p.commune_code)} {up}\nTél. {self.phone()}",
                        f"Liberté – Égalité – Fraternité\nVille {de_place(p.commune, p.tl)}\nHôtel de ville",
                    ]
                )
                sender = (
                    e(p, "Le Maire", "La Maire")
                    if (p.kind == "mai" or p.fonction == "Maire")
                    else cap1(d["role"])
                )
            elif p.kind == "cd":
                head = f"DÉPARTEMENT {de_dept(p.dep).upper()}\nConseil départemental\nHôtel du Département"
                sender = cap1(d["role"]) + ("" if "départemental" in d["role"] else "")
            else:
                head = f"RÉGION {p.region.upper()}\nConseil régional\nGroupe des élu·es"
                sender = cap1(d["role"]) + " " + d["de"]
            fn, sn = self.staff_name()
            ini = "".join(w[0] for w in re.split(r"[- ]", p.prenom) if w) + p.nom[:1]
            ref = rng.choice(
                [
                    f"N/Réf. : {ini}/{fn[0]}{sn[0]}/2027-{rng.randint(40, 480)}",
                    f"Nos réf. : CAB/{rng.randint(100, 999)}/27",
                    f"Réf. : {ini.upper()}-{rng.randint(10, 99)}/2027",
                ]
            )
            suivi = rng.choice(
                [f"Affaire suivie par : {fn} {sn}", f"Dossier suivi par {fn} {sn}, secrétariat", ""]
            )
            n_ponts = rng.randint(2, 14)
            subj = rng.choice(
                [
                    "Courrier – soutien à l'appel",
                    f"Appel ponts – courrier {e(p, 'de M.', 'de Mme')} {p.nom}",
                    "Lettre de soutien",
                    CALL_TITLE,
                ]
            )
            m = self.new(
                "letterhead",
                client,
                display(p, "cased") if k % 3 else rng.choice(["Secrétariat", "Cabinet", "Accueil"]),
                official_addr(p, rng),
                subj,
                lo=30,
                hi=300,
            )
            blank = "\n\n\n" if k % 2 else "\n\n"
            sig_name = display(p, rng.choice(["std", "cased", "caps_noacc"]))
            text = (
                f"{head}\n\n{self.letter_date(m, p, d)}\n\n{ref}\n{suivi}\n\n{sender}\n\nà\n\n"
                f"{ORG_NAME}\n{ORG_FULL[0]} et {ORG_FULL[1]}\n\n"
                f"Objet : soutien à l'{CALL_TITLE}\n\nMadame, Monsieur,\n\n"
                f"J'ai pris connaissance avec la plus grande attention de votre appel. "
                + (
                    f"Notre commune compte {n_ponts} ouvrages, dont deux limités à {rng.choice(['3,5', '7,5', '12'])} tonnes, "
                    "et nous ne pouvons faire face seuls à leur entretien."
                    if communal
                    else "Nombre de communes de notre territoire ne peuvent plus entretenir leurs ponts."
                )
                + "\n\nC'est pourquoi je vous confirme, par la présente, ma signature de l'appel.\n\n"
                "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."
                f"{blank}{sender},{blank}{sig_name}"
            )
            text = re.sub(r"\n{4,}", "\n\n\n", text.replace("\n\n\n\nà", "\n\nà"))
            if k % 4 == 3:
                text += "\n\nP.J. : néant"
            self.body(m, text, html=k in (0, 7))
            self.sign(m, "letterhead", p)
            if k % 3 == 2:
                self.org_reply(
                    m,
                    m.text,
                    "Bonjour,\n\nNous accusons bonne réception de votre courrier et vous remercions de votre soutien.",
                    "letterhead",
                    m.file[:-4],
                )

    def form_filled(self):
        """The call's form (« Nom : / Prénom : / Mandat : / Collectivité : ») filled in inside the quoted call."""
        rng = self.rng
        clients = [
            "gmail",
            "thunderbird",
            "outlook_desktop",
            "apple",
            "roundcube",
            "zimbra",
            "gmail",
            "laposte",
            "yahoo",
            "free",
            "outlook_desktop",
            "iphone",
        ]
        for k in range(12):
            p = self.signer()
            d = parts(p, rng)
            col = self.coll(p, d)
            client = clients[k]
            v = k % 6
            vals = [p.nom, p.prenom, d["role"], col]
            if v == 4:
                vals = [nom_case(p.nom), p.prenom, d["short"] or d["role"], d["bare_d"] or col]
            filled = CALL
            for lab, val in zip(("Nom", "Prénom", "Mandat", "Collectivité"), vals, strict=True):
                filled = filled.replace(f"\n{lab} :\n", f"\n{lab} : {val}\n", 1)
            top = [
                "",
                "Bonjour,\n\nFormulaire complété ci-dessous.\n\nCordialement",
                "Réponses dans le texte.",
                "",
                "Voilà !",
                "Bonjour, c'est rempli ci-dessous. Bon courage pour la suite.",
            ][v]
            m = self.new(
                "form_filled",
                client,
                display(p, "cased") if k % 4 else "",
                addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
            )
            if v in (
                0,
                3,
            ):  # answers typed inside the blockquote: they stay quoted in the text part
                self.body(m, top, self.call, filled, html=client in HTML_CLIENTS)
            elif (
                v == 2 and client == "outlook_desktop"
            ):  # Outlook: answers after the labels, in capitals
                filled = CALL
                for lab, val in zip(("Nom", "Prénom", "Mandat", "Collectivité"), vals, strict=True):
                    filled = filled.replace(f"\n{lab} :\n", f"\n{lab} : >> {val.upper()}\n", 1)
                self.body(m, top, self.call, filled, html=True)
            else:  # the answers unquoted, between the quoted lines of the call
                self.body(m, top, self.call, CALL, html=False)
                lines = m.text.split("\n")
                out = []
                for ln in lines:
                    for lab, val in zip(
                        ("Nom", "Prénom", "Mandat", "Collectivité"), vals, strict=True
                    ):
                        if ln.rstrip() in (f"> {lab} :", f"{lab} :"):
                            ln = f"{lab} : {val}" if v != 5 else f"{lab} :\n-> {val}"
                            break
                    out.append(ln)
                m.text = "\n".join(out)
                m.html = None
            self.sign(m, "form_filled", p)

    def third_person(self):
        """The signer spoken of in the third person, often from a secretariat or cabinet mailbox."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "gmail",
            "laposte",
            "outlook_web",
            "thunderbird",
            "orange",
            "outlook_desktop",
            "free",
        ]
        for k in range(9):
            p = self.signer(("mai", "cm", "cd", "cr", "mai", "cm", "ma"))
            d = parts(p, rng)
            rd = self.role_de(p, d)
            civ = e(p, "Monsieur", "Madame")
            civ_s = e(p, "M.", "Mme")
            name = display(p, rng.choice(["std", "cased", "inv"]))
            text = [
                f"Bonjour,\n\n{civ_s} {name}, {rd}, apporte son soutien plein et entier à l'{CALL_TITLE} et demande à figurer parmi les signataires.\n\nCordialement,\nLe secrétariat",
                f"Bonjour,\n\n{cap1(d['role'])} {d['de']}, {name}, signe l'appel.\n\nBien cordialement",
                f"Madame, Monsieur,\n\n{civ} {name} ({rd}) s'associe pleinement à votre démarche et vous autorise à faire figurer son nom parmi les signataires.\n\nLe Cabinet",
                f"Bonjour,\n\n{civ} {'le' if not p.f else 'la'} {d['role']} {d['de']} – {name} – souhaite signer votre appel sur les ponts.\n\nMerci de bien vouloir l'ajouter à la liste.",
                f"Bonjour,\n\nVeuillez noter la signature de {civ_s} {name}, {rd}.\n\nPour {e(p, 'M.', 'Mme')} {p.nom}, le secrétariat",
                f"Bonjour,\n\n{name} signe. {e(p, 'Il', 'Elle')} est {rd}.\n\nBien à vous",
                f"Madame, Monsieur,\n\nPar la présente, {civ_s} {name}, {rd}, déclare signer l'{CALL_TITLE}.\n\nSalutations distinguées",
                f"Bonjour,\n\n{civ} {name} m'a demandé de vous faire savoir qu'{e(p, 'il', 'elle')} signe l'appel en qualité de {rd}.\n\nCordialement",
                f"Bonjour,\n\nSignature : {civ_s} {name}\nQualité : {rd}\n\n{civ_s} {p.nom} remercie le collectif pour cette initiative.",
            ][k]
            frm = rng.choice(
                [
                    f"Secrétariat {e(p, 'de M.', 'de Mme')} {nom_case(p.nom)}",
                    display(p, "cased"),
                    "Cabinet du Maire" if p.kind == "mai" else "Secrétariat des élus",
                ]
            )
            m = self.new(
                "third_person",
                clients[k],
                frm,
                rng.choice(["secretariat", "cabinet", "accueil", "elus"])
                + "@"
                + (town_dom(p) if p.commune else rng.choice(MAILBOXES)),
                rng.choice(
                    [
                        f"Signature {e(p, 'de M.', 'de Mme')} {p.nom}",
                        "Appel ponts",
                        "Soutien",
                        f"Signature de l'appel – {cap1(d['role'])}",
                    ]
                ),
            )
            self.body(m, text)
            self.sign(m, "third_person", p)
            if k in (2, 6):
                self.org_reply(
                    m,
                    m.text,
                    "Bonjour,\n\nC'est noté, merci. Pouvez-vous transmettre nos remerciements ?",
                    "third_person",
                    m.file[:-4],
                )

    def cumul(self):
        """One person, two mandates (a commune and the département, or the intercommunality): truth is the other one."""
        rng = self.rng
        reg = self.reg
        if not hasattr(self, "_cumul"):
            self._cumul = [
                p
                for p in reg.pool["cd"]
                if p.dep in DEPTS
                and any(r.kind in ("mai", "cm") for r in reg.rows_of[ident(p.nom, p.prenom)])
            ]
            self._epci = [
                p
                for p in reg.pool["epci"]
                if any(
                    r.kind in ("mai", "cm") and r.commune_code == p.commune_code
                    for r in reg.rows_of[ident(p.nom, p.prenom)]
                )
            ]
        clients = [
            "gmail",
            "outlook_desktop",
            "apple",
            "zimbra",
            "thunderbird",
            "iphone",
            "laposte",
            "outlook_mac",
        ]
        epci_left = [p for p in self._epci if self.ok(p)]
        for k in range(8):
            if k in (2, 6) and epci_left:
                p = self.use(epci_left.pop(0))
            else:
                for _ in range(5000):
                    p = self._cumul[rng.randrange(len(self._cumul))]
                    if self.ok(p):
                        break
                self.use(p)
            local = next(
                r
                for r in reg.rows_of[ident(p.nom, p.prenom)]
                if r.kind in ("mai", "cm")
                and (p.kind != "epci" or r.commune_code == p.commune_code)
            )
            dl = parts(local, rng)
            if p.kind == "epci":
                f = p.fonction or ""
                epci = pretty(p.coll.replace("Cc ", "CC ").replace("Ca ", "CA "))
                title = (
                    f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} de la {epci}"
                    if "Vice" in f
                    else (
                        f"{e(p, 'président', 'présidente')} de la {epci}"
                        if f.startswith("Président")
                        else f"{e(p, 'conseiller communautaire', 'conseillère communautaire')} ({epci})"
                    )
                )
                both = [cap1(self.role_de(local, dl)), cap1(title)]
            else:
                dc = parts(p, rng)
                canton = f"canton {de_name(p.canton)}"
                both = [
                    cap1(self.role_de(local, dl)),
                    cap1(f"{dc['role']} {dc['de']} ({canton})"),
                ]
            if k % 2:
                both.reverse()
            name = display(p, rng.choice(["std", "cased", "inv"]))
            text = [
                f"Bonjour,\n\nJe signe.\n\n{name}\n{both[0]}\n{both[1]}",
                f"Bonjour,\n\nJe signe l'appel, à double titre : comme {both[0].lower()} et comme {both[1][0].lower()}{both[1][1:]}.\n\n{self.closing()}\n{name}",
                f"Je m'associe à l'appel.\n\n{name}\n{both[0]} | {both[1]}",
                f"Bonjour,\n\nSignature : {name}, {both[0].lower()}, {both[1][0].lower()}{both[1][1:]}.\n\n{self.closing()}",
            ][k % 4]
            m = self.new(
                "cumul",
                clients[k],
                display(p, "cased"),
                official_addr(local, rng) if k % 3 else addr_of(p, rng),
                self.reply_subject(clients[k], CALL_SUBJECT) if k % 2 else "Signature",
            )
            if k % 2:
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "cumul", p)

    def rich_footer(self):
        """« Je signe. » above a town-hall or collectivity signature with address, phones, hours, links,
        RGPD and confidentiality notices; some footers name the mayor (who does not sign)."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "gmail",
            "outlook_web",
            "thunderbird",
            "outlook_desktop",
            "laposte",
            "apple",
            "zimbra",
            "outlook_mac",
            "roundcube",
            "free",
        ]
        for k in range(12):
            p = self.signer(
                ("cm", "cm", "cm", "mai", "cd", "mdel"),
                pred=lambda x: x.kind != "cm" or x.commune_code in self.reg.mayor_of,
            )
            d = parts(p, rng)
            top = rng.choice(
                [
                    "Bonjour,\n\nJe signe l'appel.\n\nBien cordialement,",
                    "Je signe.",
                    "Bonjour,\nSignature de l'appel pour moi.\nCordialement",
                    "Avec plaisir, je signe !",
                    "Bonjour,\n\nJe vous confirme mon soutien et ma signature.\n\nBien à vous,",
                ]
            )
            deleg = rng.choice(DELEGATIONS)
            role = cap1(d["role"])
            if "adjoint" in d["role"] and rng.random() < 0.6:
                role = f"{role} {e(p, 'délégué', 'déléguée')} {deleg}"
            communal = p.impostor or p.kind in ("mai", "cm", "mdel")
            if communal:
                where = cap1(de_place(p.commune, p.tl)).replace("De ", "Mairie de ", 1)
                where = "Mairie " + de_place(p.commune, p.tl)
                addr = f"{self.street()}\n{postcode(p.commune_code)} {p.commune.upper()}"
                web = "www." + town_dom(p)
            elif p.kind == "cd":
                where = "Département " + de_dept(p.dep)
                addr = f"Hôtel du Département\n{self.street()}"
                web = "www." + dept_dom(p.dep)
            else:
                where = self.coll(p, d)
                addr = self.street()
                web = "www.example.fr"
            mayor = self.reg.mayor_of.get(p.commune_code) if p.kind == "cm" else None
            mayor_line = ""
            if mayor is not None and k % 3 == 0:
                mayor_line = f"\nDirecteur de la publication : {display(mayor, 'std')}, {e(mayor, 'Maire', 'Maire')}"
            hours = rng.choice(
                [
                    "Accueil du public : du lundi au vendredi, 8h30-12h / 13h30-17h",
                    "Horaires d'ouverture : lundi, mercredi, vendredi 9h-12h ; samedi 10h-12h",
                    "",
                ]
            )
            name = display(p, rng.choice(["std", "cased", "caps"]))
            foot = (
                f"{name}\n{role}\n{where}\n{addr}\nTél. : {self.phone()}"
                + (f" | Port. : {self.phone(True)}" if k % 2 else "")
                + f"\n{web}\n"
                + (f"{hours}\n" if hours else "")
                + rng.choice(
                    [
                        "Suivez-nous sur Facebook et Instagram !\n",
                        "Téléchargez l'application IntraMuros pour suivre l'actualité de la commune\n",
                        "",
                    ]
                )
                + rng.choice(
                    [
                        "🌱 Pensez à l'environnement avant d'imprimer ce courriel.\n",
                        "P Avant d'imprimer, pensez à l'environnement\n",
                        "",
                    ]
                )
                + mayor_line
                + "\n"
                + rng.choice(
                    [
                        "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses "
                        "destinataires. Toute utilisation non conforme à sa destination est interdite. Si vous avez reçu ce message "
                        "par erreur, merci d'en avertir immédiatement l'expéditeur et de le détruire.",
                        "Conformément au RGPD, vous disposez d'un droit d'accès, de rectification et de suppression des données "
                        f"vous concernant auprès du délégué à la protection des données : dpo@{web[4:]}.",
                        "AVERTISSEMENT : les courriels ne sont pas sécurisés. La collectivité décline toute responsabilité en cas "
                        "d'altération du message.",
                    ]
                )
            )
            client = clients[k]
            sep = "-- \n" if client in ("thunderbird", "roundcube") else ""
            m = self.new(
                "rich_footer",
                client,
                display(p, "cased"),
                official_addr(p, rng),
                self.reply_subject(client, CALL_SUBJECT) if k % 2 else "Appel ponts",
            )
            text = f"{top}\n\n{sep}{foot}"
            if k % 2:
                self.from_call(m, text, html=client in HTML_CLIENTS)
            else:
                self.body(m, text, html=client in HTML_CLIENTS)
            if m.html is not None and k % 4 == 0:
                logo = f'<img src="cid:logo{k}@{town_dom(p) if p.commune else "coll.fr"}" alt="Logo {esc(where)}" width="120">'
                m.html = m.html.replace(esc(web), f"{esc(web)}<br>{logo}", 1)
            self.sign(m, "rich_footer", p)

    def cc_colleagues(self):
        """The writer signs and puts colleagues of the council in Cc; two of them reply all and sign too."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "zimbra",
            "apple",
            "thunderbird",
            "orange",
            "gmail",
            "outlook_web",
        ]
        for k in range(8):
            grp = self.commune_group(3, with_mayor=k % 2 == 0)
            p, others = grp[0], grp[1:]
            if k in (
                3,
                7,
            ):  # the writer is an impostor (a surname of this council, another first name)
                p = self.impostor("other_first", surname_commune=others[0].commune_code)
                self.slot += 1
            client = clients[k]
            cc = ", ".join(f"{display(o, 'cased')} <{official_addr(o, rng)}>" for o in others)
            text = rng.choice(
                [
                    "Bonjour,\n\nJe signe l'appel et je mets en copie mes collègues du conseil municipal, libres de le signer à leur tour.",
                    "Bonjour,\n\nJe signe. Je transmets à mes collègues en copie.",
                    "Bonjour à tous,\n\nJe signe bien volontiers ; chers collègues (en copie), à vous de voir !",
                ]
            )
            text += f"\n\n{self.closing()}\n{self.sigblock(p)}"
            m = self.new(
                "cc_colleagues",
                client,
                display(p, "cased"),
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
            )
            m.cc = cc
            full = self.from_call(m, text)
            thread = m.file[:-4]
            self.sign(m, "cc_colleagues", p, thread=thread)
            if k in (1, 4):
                o = others[0]
                od = parts(o, rng)
                oc = ["iphone", "samsung"][k == 4]
                r, _ = self.user_reply(
                    m,
                    full,
                    display(o, "cased"),
                    official_addr(o, rng),
                    oc,
                    rng.choice(
                        [
                            f"Je signe aussi.\n{display(o, 'std')}, {od['role']}",
                            f"Moi aussi je signe ! {o.prenom}\n{display(o, 'cased')} – {od['role']}",
                        ]
                    ),
                    "cc_colleagues",
                    cc=f"{display(p, 'cased')} <{m.from_addr}>",
                )
                self.sign(r, "cc_colleagues", o, thread=thread)

    def on_behalf(self):
        """An official sends a colleague's signature (no e-mail of their own); some sign too, two explicitly don't."""
        rng = self.rng
        clients = ["gmail", "orange", "laposte", "outlook_desktop", "yahoo", "thunderbird"]
        for k in range(6):
            w, c = self.commune_group(1, True) if k % 2 == 0 else self.commune_group(2)
            if k == 2:
                c = self.impostor("other_first", surname_commune=w.commune_code)
            dw, dc = parts(w, rng), parts(c, rng)
            cname = display(c, rng.choice(["std", "cased"]))
            if k < 4:
                text = rng.choice(
                    [
                        f"Bonjour,\n\nJe signe l'appel, et je vous transmets aussi la signature de {e(c, 'mon collègue', 'ma collègue')} "
                        f"{cname}, {dc['role']}, qui n'a pas d'adresse électronique et m'a demandé de le faire.\n\n"
                        f"{self.closing()}\n{self.sigblock(w)}",
                        f"Bonjour,\n\nDeux signatures pour notre commune : la mienne et celle de {cname} ({dc['role']}), "
                        f"{e(c, 'qui', 'qui')} n'utilise pas l'informatique.\n\n{display(w, 'cased')}\n{cap1(self.role_de(w, dw))}",
                    ]
                )
                m = self.new(
                    "on_behalf",
                    clients[k],
                    display(w, "cased"),
                    addr_of(w, rng),
                    rng.choice(["2 signatures", "Signatures", "Appel ponts – deux signatures"]),
                )
                self.body(m, text)
                self.sign(m, "on_behalf", w)
                self.sign(m, "on_behalf", c)
            else:
                text = (
                    f"Bonjour,\n\n{cname}, {dc['role']} {dc['de']}, m'a demandé de vous transmettre sa signature : "
                    f"{e(c, 'il', 'elle')} n'a pas d'adresse électronique. Pour ma part, je signerai après la réunion de "
                    f"notre groupe.\n\n{self.closing()}\n{self.sigblock(w)}"
                )
                m = self.new(
                    "on_behalf",
                    clients[k],
                    display(w, "cased"),
                    addr_of(w, rng),
                    f"Signature de {display(c, 'std')}",
                )
                self.body(m, text)
                self.sign(m, "on_behalf", c)

    def point_by_point(self):
        """Remarks inserted between the quoted points of the call, the signature at the very end."""
        rng = self.rng
        clients = [
            "thunderbird",
            "roundcube",
            "gmail",
            "apple",
            "free",
            "zimbra",
            "thunderbird",
            "yahoo",
        ]
        pts = [ln for ln in CALL.split("\n") if re.match(r"\d\)", ln)]
        remarks = [
            [
                "Indispensable. Chez nous, le pont de la RD {rd} est fermé depuis la crue de {y}.",
                "Oui, mais il faut aussi y inclure les passerelles piétonnes.",
                "Sans réserve.",
            ],
            [
                "Le département le fait déjà en partie, mais deux fois moins vite qu'annoncé.",
                "D'accord. 2030 me paraît optimiste.",
                "Oui !",
            ],
            [
                "Quinze jours, c'est encore long quand le car scolaire fait {km} km de détour.",
                "Point essentiel à mes yeux.",
                "D'accord.",
            ],
            [
                "C'est le cœur du problème : nous n'avons plus d'ingénieur depuis la fin de l'ATESAT.",
                "Oui, et qu'elle soit gratuite pour les communes de moins de 2 000 habitants.",
                "Sans commentaire : évidemment.",
            ],
        ]
        for k in range(8):
            p = self.signer()
            d = parts(p, rng)
            client = clients[k]
            qt = quote_text(client, self.call, CALL, ORG_ADDR)
            head = qt.strip("\n").split("\n")[0]
            body = [
                f"Bonjour,\n\nQuelques remarques dans le texte, et ma signature en bas.\n\n{head}"
            ]
            for i, ptxt in enumerate(pts):
                rem = rng.choice(remarks[i]).format(
                    rd=rng.randint(2, 990),
                    y=rng.choice([2018, 2021, 2023, 2024]),
                    km=rng.randint(6, 24),
                )
                body.append(f"> {ptxt}\n\n{rem}\n")
            sig = rng.choice(
                [
                    f"Je signe donc, bien sûr.\n\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                    f"Avec tout cela : je signe.\n{display(p, 'std')}, {self.role_de(p, d)}",
                    f"Signé : {display(p, 'inv')} – {self.role_de(p, d)}",
                ]
            )
            body.append(f"> Pour signer, répondez à ce message en complétant :\n\n{sig}")
            m = self.new(
                "point_by_point",
                client,
                display(p, "cased"),
                addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
                in_reply_to=self.call.mid,
                references=self.call.mid,
            )
            full = "\n".join(body)
            m.text = full
            thread = m.file[:-4]
            self.sign(m, "point_by_point", p, thread=thread)
            if k % 3 == 0:
                self.org_reply(
                    m,
                    full,
                    "Bonjour,\n\nMerci pour ces remarques, que nous transmettrons lors de la remise de l'appel. "
                    "Votre signature est bien enregistrée.",
                    "point_by_point",
                    thread,
                )

    def local_story(self):
        """A long account of the commune's own bridge (roads, tonnage, a neighbouring commune, an earlier mayor),
        name and mandate at the end."""
        rng = self.rng
        clients = [
            "gmail",
            "orange",
            "outlook_desktop",
            "laposte",
            "apple",
            "yahoo",
            "sfr",
            "thunderbird",
            "android_gmail",
            "zimbra",
        ]
        for k in range(10):
            p = self.signer(("mai", "mai", "cm", "cm", "mdel"))
            d = parts(p, rng)
            nb = self.neighbour(p)
            nb_name = nb["nom"]
            old = rng.choice(["notre ancien maire", "mon prédécesseur", "le maire de l'époque"])
            year = rng.choice([1868, 1887, 1902, 1913, 1931, 1954, 1962])
            story = (
                f"Bonjour,\n\nJe me permets de vous raconter notre situation. Le pont qui enjambe {rng.choice(['la rivière', 'le ruisseau du Moulin', 'le canal', 'le torrent', 'la voie ferrée désaffectée'])} "
                f"à l'entrée du bourg date de {year}. Depuis l'inspection de {rng.choice([2022, 2023, 2024, 2025])}, il est limité à "
                f"{rng.choice(['3,5', '7,5', '10', '19'])} tonnes : le car scolaire et les pompiers de {nb_name} font désormais "
                f"{rng.randint(6, 21)} km de détour par la RD {rng.randint(2, 990)}. Le devis de réparation atteint "
                f"{rng.randint(180, 1900)} 000 € HT, soit {rng.randint(2, 9)} années de notre budget d'investissement.\n\n"
                f"{cap1(old)} avait déjà alerté la préfecture en {rng.choice([2009, 2012, 2015, 2017])}. Nous avons obtenu "
                f"{rng.randint(15, 40)} % de DETR, c'est tout.\n\n"
                f"Alors oui, je signe votre appel, et je suis prêt{e(p, '', 'e')} à témoigner si besoin."
            )
            name = display(p, rng.choice(["std", "cased", "inv", "caps"]))
            end = rng.choice(
                [
                    f"\n\n{self.closing()}\n\n{name}\n{cap1(self.role_de(p, d))}",
                    f"\n\n{name}, {self.role_de(p, d)}",
                    f"\n\n{self.closing()}\n{name}\n{cap1(d['role'])}\n{d['bare_d']}",
                ]
            )
            m = self.new(
                "local_story",
                clients[k],
                display(p, "cased") if k % 4 else f"Mairie {de_place(p.commune, p.tl)}",
                official_addr(p, rng) if k % 2 else addr_of(p, rng),
                rng.choice(
                    [
                        f"Notre pont à {p.commune}",
                        "Témoignage et signature",
                        self.reply_subject(clients[k], CALL_SUBJECT),
                        f"Pont de {p.commune} – signature",
                    ]
                ),
            )
            if k % 3 == 1:
                self.from_call(m, story + end)
            else:
                self.body(m, story + end)
            self.sign(m, "local_story", p)
            if k % 4 == 0:
                self.org_reply(
                    m,
                    m.text,
                    "Bonjour,\n\nMerci pour ce témoignage, que nous aimerions citer (sans votre nom) dans le dossier de presse. "
                    "Votre signature est enregistrée.",
                    "local_story",
                    m.file[:-4],
                )

    def fwd_block(self, client: str, prev: Mail, prev_text: str, me: str) -> str:
        t, w = prev.date, who(prev)
        if client in ("gmail", "android_gmail"):
            return (
                f"\n\n---------- Forwarded message ---------\nDe : {w}\nDate: {FR_DAY_ABBR[t.weekday()]} {t.day} "
                f"{FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}\nSubject: {prev.subject}\nTo: {me}\n\n\n{prev_text}\n"
            )
        if client in ("outlook_desktop", "outlook_web"):
            return (
                f"\n\n{'_' * 32 if client == 'outlook_web' else ''}\nDe : {w}\nEnvoyé : {fr_long(t)}\nÀ : {me}\n"
                f"Objet : {prev.subject}\n\n{prev_text}\n"
            )
        if client == "thunderbird":
            return (
                f"\n\n\n-------- Message transféré --------\nSujet : \t{prev.subject}\nDate : \t{fr_long(t).split(' ', 1)[1].replace(f' {t.year} ', f' {t.year} ')}\n"
                f"De : \t{w}\nPour : \t{me}\n\n\n{prev_text}\n"
            )
        if client in ("apple", "iphone"):
            return (
                f"\n\nDébut du message réexpédié :\n\n> De: {w}\n> Objet: {prev.subject}\n> Date: {t.day} "
                f"{FR_MONTHS[t.month - 1]} {t.year} à {t:%H:%M:%S} UTC+2\n> À: {me}\n> \n{q(prev_text)}\n"
            )
        return (
            f"\n\n----- Mail transféré -----\nDe: {w}\nÀ: {me}\nEnvoyé: {fr_long(t, cap=True, secs=True)}\n"
            f"Objet: {prev.subject}\n\n{prev_text}\n"
        )

    def fwd_chain(self):
        """B got the call forwarded by a colleague A who had signed (A's « j'ai signé » and name inside), and forwards
        the whole to the organisers to sign. A signed earlier in this mailbox; B is the signer of this message."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "apple",
            "zimbra",
            "android_gmail",
            "outlook_web",
        ]
        earlier = [s for s in self.one_signer_msgs() if s[1].kind in ("mai", "cm", "mdel")]
        for k in range(7):
            src, a, a_addr = earlier[3 + 4 * k]
            b = self.signer(("cm", "mai", "cm"), pred=lambda x, dep=a.dep: x.dep == dep)
            db, da = parts(b, rng), parts(a, rng)
            b_addr = addr_of(b, rng)
            a_note = rng.choice(
                [
                    f"Salut {b.prenom},\n\nJ'ai signé ça ce matin, tu devrais en faire autant : ton pont de {b.commune} est dans le même état que le mien.\n\n{a.prenom}",
                    f"Bonjour à tous,\n\nJe vous transfère cet appel que j'ai signé. À faire circuler !\n\n{display(a, 'cased')}\n{cap1(self.role_de(a, da))}",
                    f"{b.prenom}, pour info, j'ai signé. Bises, {a.prenom}",
                ]
            )
            fwd1 = Mail(
                "",
                "gmail",
                display(a, "cased"),
                a_addr,
                "TR: " + CALL_SUBJECT,
                aware(self.clock.t + dt.timedelta(minutes=rng.randint(5, 40))),
                "",
            )
            inner = a_note + self.fwd_block("outlook_desktop", self.call, CALL, a_addr)
            client = clients[k]
            top = rng.choice(
                [
                    f"Bonjour,\n\nUn collègue m'a transmis votre appel : je le signe bien volontiers.\n\n{display(b, 'cased')}\n{cap1(self.role_de(b, db))}",
                    f"Je signe aussi.\n{display(b, 'std')} – {db['role']} {db['de']}",
                    f"Bonjour,\n\nMerci de m'ajouter : {display(b, 'inv')}, {self.role_de(b, db)}.",
                ]
            )
            m = self.new(
                "fwd_chain",
                client,
                display(b, "cased"),
                b_addr,
                ("TR: " if client.startswith("outlook") else "Fwd: ") + fwd1.subject,
                lo=40,
                hi=200,
            )
            fwd1.date = aware(
                m.date.replace(tzinfo=None) - dt.timedelta(minutes=rng.randint(30, 300))
            )
            m.text = top + self.fwd_block(client, fwd1, inner, b_addr)
            self.sign(m, "fwd_chain", b)

    def opposition_group(self):
        """The councillors of a minority group sign together under the group's name."""
        rng = self.rng
        names = ["{c} Autrement", "Agir pour {c}", "{c}, notre avenir", "Ensemble pour {c}"]
        clients = ["gmail", "yahoo", "orange", "laposte"]
        for k in range(4):
            grp = []
            for _ in range(20000):
                p0 = self.reg.pool["cm"][rng.randrange(len(self.reg.pool["cm"]))]
                if p0.dep.startswith("97") or p0.commune_code == "75056":
                    continue
                cms = [
                    x
                    for x in self.reg.by_commune[p0.commune_code]
                    if x.kind == "cm" and not x.fonction and self.ok(x)
                ]
                if len(cms) >= 4:
                    grp = rng.sample(cms, 3)
                    break
            for x in grp:
                self.use(x)
            if k == 2:
                grp[1] = self.impostor("other_first", surname_commune=grp[0].commune_code)
            c0 = grp[0]
            gname = names[k].format(c=c0.commune)
            if k % 2 == 0:
                lst = "\n".join(f"- {display(x, rng.choice(['std', 'inv']))}" for x in grp)
                text = (
                    f"Bonjour,\n\nLes élu·es du groupe « {gname} » au conseil municipal {de_place(c0.commune, c0.tl)} signent l'appel :\n\n"
                    f"{lst}\n\nConseillers municipaux de la minorité.\n\nPour le groupe, {grp[0].prenom}"
                )
            else:
                lst = (
                    ", ".join(display(x, "cased") for x in grp[:-1])
                    + " et "
                    + display(grp[-1], "cased")
                )
                text = (
                    f"Bonjour,\n\n{lst}, conseillers municipaux d'opposition à {c0.commune} (groupe {gname}), "
                    f"signent l'{CALL_TITLE}.\n\nCordialement,\nLe groupe {gname}"
                )
            m = self.new(
                "opposition_group",
                clients[k],
                f"Groupe {gname}",
                f"{slug(gname).replace('-', '')[:20]}@{clients[k] if clients[k] != 'laposte' else 'laposte'}.{'net' if clients[k] == 'laposte' else 'fr' if clients[k] != 'gmail' else 'com'}",
                rng.choice(["Signatures du groupe", f"Groupe {gname} – appel ponts"]),
            )
            self.body(m, text)
            for x in grp:
                self.sign(m, "opposition_group", x)

    def cabinet_relay(self):
        """A collaborator (invented name, not an official) relays the signature of a departmental, regional or
        assembly councillor, signing the mail with their own name and title."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "outlook_web",
            "outlook_desktop",
            "zimbra",
            "gmail",
            "outlook_mac",
            "outlook_desktop",
        ]
        kinds = ["cd", "cr", "cd", "ma", "cr", "cd", "ma"]
        for k in range(7):
            p = self.signer((kinds[k],))
            d = parts(p, rng)
            fn, sn = self.staff_name()
            fem = fn in ("Anne-Laure", "Maëva", "Sixtine", "Perrine")
            title = rng.choice(
                [
                    f"{'Chargée' if fem else 'Chargé'} de mission auprès de {e(p, 'M.', 'Mme')} {display(p, 'cased')}",
                    f"{'Collaboratrice' if fem else 'Collaborateur'} de groupe",
                    f"{'Attachée' if fem else 'Attaché'} parlementaire – {'assistante' if fem else 'assistant'} {e(p, 'de M.', 'de Mme')} {nom_case(p.nom)}",
                ]
            )
            text = rng.choice(
                [
                    f"Bonjour,\n\n{e(p, 'M.', 'Mme')} {display(p, 'std')}, {self.role_de(p, d)}, m'a {e(p, 'chargé', 'chargée')} de vous faire part de sa signature.\n\nBien cordialement,\n\n{fn} {sn}\n{title}",
                    f"Madame, Monsieur,\n\nÀ la demande de {e(p, 'M.', 'Mme')} {display(p, 'cased')}, je vous confirme sa signature de l'appel.\n\n{fn} {sn}\n{title}\n{self.coll(p, d)}",
                    f"Bonjour,\n\nPour {display(p, 'cased')} ({self.role_de(p, d)}) : signature OK.\n\n{fn} {sn[:1]}.\n{title}",
                ]
            )
            dom = (
                dept_dom(p.dep)
                if p.kind == "cd"
                else region_dom(p.region)
                if p.kind == "cr"
                else "isula.corsica.example"
                if p.coll == "94"
                else "grandlyon.example"
            )
            m = self.new(
                "cabinet_relay",
                clients[k],
                f"{fn} {sn}",
                f"{slug(fn).replace('-', '')[:1]}{slug(sn).split('-')[0]}@{dom}",
                rng.choice(
                    [
                        f"Signature {e(p, 'de M.', 'de Mme')} {p.nom}",
                        "TR: " + CALL_SUBJECT,
                        f"Appel ponts – {display(p, 'cased')}",
                    ]
                ),
            )
            if m.subject.startswith("TR:"):
                m.text = text + self.fwd_block(clients[k], self.call, CALL, m.from_addr)
            else:
                self.body(m, text)
            self.sign(m, "cabinet_relay", p)

    reminder: Mail | None = None
    reminder_text: str = ""

    def send_reminder(self):
        text = (
            "Bonjour à toutes et à tous,\n\nPlus que quelques jours pour signer l'appel ci-dessous : répondez à ce message avec vos "
            "nom, prénom, mandat et collectivité. Plus de 300 élu·es l'ont déjà fait.\n\n"
            f"{org_sig(1)}\n\n-------- Message d'origine --------\nDe : {ORG_NAME} <{ORG_LIST}>\n"
            f"Date : {fr_long(CALL_DATE)}\nObjet : {CALL_SUBJECT}\n\n{CALL}"
        )
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_LIST,
            f"[Rappel] {CALL_SUBJECT}",
            lo=60,
            hi=120,
            extra=LIST_HEADERS,
        )
        m.to = "undisclosed-recipients:;"
        self.body(m, text, html=False)
        self.reminder, self.reminder_text = m, text
        self.label(m, "org_call", "other", "nonsigning")

    def reminder_reply(self):
        """Short replies to the reminder from phones and webmails: the reminder and, inside it, the call are quoted."""
        rng = self.rng
        clients = [
            "iphone",
            "samsung",
            "android_gmail",
            "outlook_ios",
            "orange_app",
            "yahoo",
            "gmail",
            "outlook_desktop",
            "iphone",
            "sfr",
            "free",
            "apple",
        ]
        for k in range(12):
            p = self.signer()
            d = parts(p, rng)
            top = [
                f"Oui. {display(p, 'std')}, {self.role_de(p, d)}.",
                f"ok pour moi\n{display(p, 'inv')} – {d['short'] or d['role']} {d['bare_d']}",
                f"Désolé{e(p, '', 'e')} pour le retard, je signe : {display(p, 'cased')}, {self.role_de(p, d)}",
                f"Je croyais l'avoir fait ! Je signe donc : {display(p, 'std')}\n{cap1(self.role_de(p, d))}",
                f"Signé.\n{display(p, 'cased')}\n{cap1(d['role'])}\n{d['bare_d'] or self.coll(p, d)}",
                f"Bonjour\nJe signe\n{display(p, 'std')}\n{cap1(self.role_de(p, d))}",
                f"Bonjour,\n\nC'est fait : je signe. {display(p, 'std')} ({self.role_de(p, d)})\n\nBonne soirée",
                f"Bonjour,\n\nJe rejoins les signataires.\n\n{self.closing()}\n\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"👍 je signe\n{display(p, 'cased')}, {d['short'] or d['role']} {d['bare_d']}",
                f"Bonsoir,\nMon nom : {display(p, 'inv')}\nMon mandat : {self.role_de(p, d)}\nBonne continuation.",
                f"Je signe l'appel.\n-- \n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"Bonjour,\nje signe bien entendu\n{display(p, 'lower')}, {self.role_de(p, d)}",
            ][k]
            m, _ = self.user_reply(
                self.reminder,
                self.reminder_text,
                display(p, "cased") if k % 5 else "",
                addr_of(p, rng),
                clients[k],
                top,
                "reminder_reply",
            )
            self.sign(m, "reminder_reply", p)

    @staticmethod
    def ent(s: str) -> str:
        out = []
        for ch in esc(s):
            if ord(ch) > 127 and ord(ch) in html.entities.codepoint2name:
                out.append(f"&{html.entities.codepoint2name[ord(ch)]};")
            elif ord(ch) > 127:
                out.append(f"&#{ord(ch)};")
            else:
                out.append(ch)
        return "".join(out)

    def owa_html(self):
        """Outlook on the web, HTML only: entities for every accent, the name split over styled spans (the surname
        written in small letters and shown in capitals by CSS), a signature table, the call quoted under a rule."""
        rng = self.rng
        font = "font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);"
        for k in range(8):
            p = self.signer(("cm", "mai", "cd", "cm", "cr", "ca", "cm", "mai")[k : k + 1])
            d = parts(p, rng)
            ent = self.ent
            lines = rng.choice(
                [
                    ["Bonjour,", "", "Je signe l'appel.", "", "Bien cordialement,"],
                    [
                        "Bonjour,",
                        "",
                        "Je souhaite m'associer à votre appel et le signer.",
                        "",
                        "Cordialement",
                    ],
                    [
                        "Madame, Monsieur,",
                        "",
                        "Vous pouvez ajouter mon nom à la liste des signataires.",
                        "",
                        "Bien à vous,",
                    ],
                ]
            )
            top = "".join(
                f'<div class="elementToProof" style="{font}">{ent(x) if x else "<br>"}</div>\n'
                for x in lines
            )
            nm = nom_case(p.nom)
            if k % 2:
                who_html = (
                    f'<span style="color:#1F3864"><b>{ent(p.prenom)}</b></span>&nbsp;<span style="text-transform:uppercase;'
                    f'color:#1F3864"><b>{ent(nm)}</b></span>'
                )
            else:
                who_html = f'<b><span style="font-size:11pt;color:#2F5496">{ent(p.prenom)} {ent(p.nom)}</span></b>'
            sig = (
                f'<div id="Signature"><table style="border-collapse:collapse"><tr><td style="border-right:2px solid #2F5496;'
                f'padding-right:8px"><img src="cid:image001.png@01DB{hx(rng, 4, HEXU)}.{hx(rng, 8, HEXU)}" width="64" alt="Logo"></td>'
                f'<td style="padding-left:8px;font-family:Calibri,sans-serif;font-size:10pt">{who_html}<br>'
                f"<i>{ent(cap1(d['role']))}</i><br>{ent(self.coll(p, d))}<br>T&eacute;l. {self.phone()}</td></tr></table></div>\n"
            )
            t = CALL_DATE
            quoted = (
                '<div id="appendonsend"></div>\n<hr style="display:inline-block;width:98%" tabindex="-1">\n'
                '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">'
                f"<b>De&nbsp;:</b> {ent(ORG_NAME)} &lt;{ORG_LIST}&gt;<br><b>Envoy&eacute;&nbsp;:</b> {ent(fr_long(t))}<br>"
                f"<b>&Agrave;&nbsp;:</b> {ent(display(p, 'cased'))}<br><b>Objet&nbsp;:</b> {ent(CALL_SUBJECT)}</font>"
                "<div>&nbsp;</div></div>\n<div>"
                + "".join(f"{ent(x)}<br>\n" if x else "<br>\n" for x in CALL.split("\n"))
                + "</div>\n"
            )
            m = self.new(
                "owa_html",
                "outlook_web",
                display(p, "cased"),
                official_addr(p, rng),
                self.reply_subject("outlook_web", CALL_SUBJECT),
                in_reply_to=self.call.mid,
                references=self.call.mid,
            )
            m.text = None
            m.html = (
                '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset={CHARSET}">\n'
                '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n</head>\n'
                f'<body dir="ltr">\n{top}<div style="{font}"><br></div>\n{sig}{quoted}</body>\n</html>\n'
            )
            self.sign(m, "owa_html", p)

    def verify_followup(self):
        """The organisers could not find the signer in the RNE and ask; the answer gives the civil-status first name
        or the right commune. The signer is labelled on the answer (same thread)."""
        rng = self.rng
        clients = ["gmail", "laposte", "apple", "orange"]
        for k in range(4):
            if k < 2:
                p = self.take(
                    "cm", lambda x: x.prenom.count("-") == 1 and len(x.prenom.split("-")[1]) > 3
                )
                used = p.prenom.split("-")[1]
                d = parts(p, rng)
                first = f"Bonjour,\n\nJe signe. {used} {nom_case(p.nom)}, {self.role_de(p, d)}.\n\n{self.closing()}"
                ask = (
                    f"Bonjour,\n\nMerci pour votre signature. Nous ne trouvons pas de « {used} {nom_case(p.nom)} » parmi les élus "
                    f"{d['de']} dans le Répertoire national des élus : votre prénom à l'état civil est-il différent ?"
                )
                answer = rng.choice(
                    [
                        f"Bonjour,\n\nOui, à l'état civil je suis {p.prenom} {p.nom}. Tout le monde m'appelle {used} !\n\n{used}",
                        f"En effet : {p.prenom} sur les papiers officiels. Merci de vérifier.\n\n{p.prenom} {nom_case(p.nom)}",
                    ]
                )
            else:
                p = self.take("cm", lambda x: x.dep in DEPTS and not x.dep.startswith("97"))
                d = parts(p, rng)
                nb = self.neighbour(p)
                wrong = de_place(nb["nom"], nb.get("typeLiaison") or 0)
                first = f"Bonjour,\n\nJe signe : {display(p, 'std')}, {d['role']} {wrong}.\n\n{self.closing()}"
                ask = (
                    f"Bonjour,\n\nMerci ! Nous ne vous trouvons pas au conseil municipal {wrong} dans le Répertoire national "
                    "des élus. S'agit-il d'une autre commune ?"
                )
                answer = rng.choice(
                    [
                        f"Bonjour,\n\nPardon, erreur de ma part : je suis élu{e(p, '', 'e')} {d['de']}, pas {wrong} "
                        f"(c'est la commune où je travaille).\n\n{display(p, 'cased')}",
                        f"Oups ! C'est {p.commune}, bien sûr. {nb['nom']} est la commune voisine.\n\n{p.prenom}",
                    ]
                )
            client = clients[k]
            addr = addr_of(p, rng)
            m1 = self.new(
                "verify_followup",
                client,
                display(p, "cased") if k < 2 else display(p, "cased"),
                addr,
                self.reply_subject(client, CALL_SUBJECT),
                in_reply_to=self.call.mid,
                references=self.call.mid,
            )
            if k < 2:
                m1.from_name = f"{used} {nom_case(p.nom)}"
            full1 = self.body(m1, first)
            thread = m1.file[:-4]
            self.label(m1, "verify_followup", "signs", "nonsigning", None, thread)
            m2, full2 = self.org_reply(m1, full1, ask, "verify_followup", thread)
            m3, _ = self.user_reply(
                m2, full2, m1.from_name, addr, client, answer, "verify_followup"
            )
            self.sign(m3, "verify_followup", p, thread=thread)

    # ---------------------------------------------------------------- non-signing mail
    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor
            and per[s[0].file] == 1
            and s[0].client not in ("plain", "organisers")
            and s[0].text is not None
        ]

    def question(self):
        rng = self.rng
        qs = [
            "Bonjour,\n\nNotre syndicat intercommunal de voirie gère les ponts de onze communes : peut-il signer en tant que tel ?",
            "Bonjour,\n\nLe pont qui traverse notre commune appartient au département. Sommes-nous concernés par le point 1 ?",
            "Bonjour,\n\nLa liste des signataires sera-t-elle publiée avec le nom des communes ? Je dois en parler à mon conseil avant.",
            "Bonjour,\n\nAvez-vous un modèle de délibération de soutien ? Nous préférerions passer par le conseil municipal.",
            "Bonjour,\n\nPeut-on encore signer après le 2 juillet ? Notre conseil ne se réunit que le 6.",
            "Bonjour,\n\nMon adjoint, {adj}, peut-il signer pour la commune pendant mes congés, ou faut-il attendre mon retour ?",
            "Bonjour,\n\nQui finance votre collectif ? Avant de signer, j'aimerais connaître vos soutiens.",
        ]
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "laposte",
            "thunderbird",
            "iphone",
            "orange",
        ]
        for k in range(7):
            p = self.official(("mai",) if k == 5 else ("mai", "cm", "cd", "cr"))
            text = qs[k]
            if k == 5:
                adj = [o for o in self.reg.by_commune[p.commune_code] if "adjoint" in o.fonction]
                text = text.format(
                    adj=display(adj[0], "std")
                    + f", {ordinal(rank(adj[0].fonction), adj[0])} adjoint"
                    if adj
                    else "le premier adjoint"
                )
            m = self.new(
                "question",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Syndicat de voirie",
                    "Pont départemental ?",
                    "Publication",
                    "Délibération",
                    "Délai",
                    "Signature en mon absence",
                    "Question",
                ][k],
            )
            self.body(m, f"{text}\n\n{self.closing()}\n{self.sigblock(p)}")
            self.label(m, "question", "question", "nonsigning")

    def thanks(self):
        rng = self.rng
        one = self.one_signer_msgs()
        for k in range(6):
            if k == 0:  # a refusal above the quoted call
                p = self.official(("mai",))
                m = self.new(
                    "thanks",
                    "outlook_desktop",
                    display(p, "cased"),
                    official_addr(p, rng),
                    "RE: " + CALL_SUBJECT,
                )
                self.body(
                    m,
                    "Bonjour,\n\nJe partage le constat mais je ne signerai pas : je ne crois pas à un fonds national de plus, "
                    f"c'est aux départements d'assumer.\n\nCordialement,\n{self.sigblock(p)}",
                    self.call,
                    CALL,
                )
                self.label(m, "thanks", "other", "nonsigning")
                continue
            if k in (1, 2):
                src, p, addr = one[8 + 23 * k]
                prev = self.conf_mail(src, p)
                m = self.new(
                    "thanks",
                    "gmail" if k == 1 else "yahoo",
                    src.from_name,
                    addr,
                    self.reply_subject("gmail", prev.subject),
                    in_reply_to=prev.mid,
                    references=prev.mid,
                )
                self.body(
                    m,
                    "Merci à vous pour ce travail !"
                    if k == 1
                    else "Très bien, merci. Tenez-nous au courant de la remise.",
                    prev,
                    self.confirmation(p),
                )
                self.label(m, "thanks", "thanks", "nonsigning", refers_to=src.file)
                continue
            if k == 3:  # a former mayor, no longer in office: cannot sign
                f = self.impostor("former_2022")
                self.n_imp -= 1
                m = self.new(
                    "thanks",
                    "orange",
                    display(f, "cased"),
                    addr_of(f, rng),
                    "Re: " + CALL_SUBJECT,
                )
                self.body(
                    m,
                    f"Bonjour,\n\nJ'ai été maire {de_place(f.commune, f.tl)} jusqu'en 2026 et je ne suis plus élu{e(f, '', 'e')} : "
                    "je ne peux donc pas signer, mais je transmets à mon successeur. Bravo pour l'initiative.\n\n"
                    f"{display(f, 'std')}",
                    self.call,
                    CALL,
                )
                self.label(m, "thanks", "other", "nonsigning")
                continue
            p = self.official(("mai", "cm", "cd"))
            fn, sn = self.staff_name()
            text = (
                f"Bonjour,\n\nMerci pour le dossier technique sur les ponts, je le transmets à {display(p, 'std')}, "
                f"{self.role_de(p, parts(p, rng))}, qui vous répondra directement.\n\n{fn} {sn}\nSecrétariat"
                if k == 4
                else f"Bonjour,\n\nMerci pour l'invitation au webinaire du 17 juin, j'y serai.\n\n{self.sigblock(p)}"
            )
            m = self.new(
                "thanks",
                ["", "", "", "", "zimbra", "apple"][k],
                f"{fn} {sn}" if k == 4 else display(p, "cased"),
                addr_of(p, rng),
                "Merci",
            )
            self.body(m, text)
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
                    "Mail Delivery Subsystem",
                    f"MAILER-DAEMON@mx1.{ORG_DOMAIN}",
                    "Delivery Status Notification (Failure)",
                    extra="Auto-Submitted: auto-replied",
                )
                m.text = (
                    f"This is the mail system at host mx1.{ORG_DOMAIN}.\n\nYour message could not be delivered to one or more "
                    "recipients.\n\n<mairie@commune-fusionnee.example>: 550 5.1.1 User unknown\n\n"
                    f"--- original message headers ---\nSubject: [Rappel] {CALL_SUBJECT}\n"
                )
                self.label(m, "autoreply", "autoreply", "nonsigning")
                continue
            if k == 4:
                src, p, addr = one[19]
                prev = self.conf_mail(src, p, hours=0.05)
                m = self.new(
                    "autoreply",
                    "outlook_desktop",
                    src.from_name,
                    addr,
                    "Réponse automatique : " + prev.subject,
                    extra=auto,
                )
                self.body(
                    m,
                    f"Je suis absent{e(p, '', 'e')} jusqu'au 28 juin. Pour toute urgence, contactez l'accueil de la mairie.",
                    prev,
                    self.confirmation(p),
                    html=False,
                )
                self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
                continue
            p = self.official(("mai", "cd", "cm", "cr")[k : k + 1])
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nJe suis en congés du 14 au 25 juin inclus. Votre message sera traité à mon retour.\n\n{self.sigblock(p)}",
                f"Message automatique : {display(p, 'cased')}, {self.role_de(p, d)}, est en séance publique jusqu'au 18 juin. "
                "Les courriels sont lus à l'issue de la session.",
                f"Accusé de réception\n\nVotre courriel a bien été reçu par la mairie {d['de']} et sera transmis à "
                f"{display(p, 'std')}, {d['role']}.\n\nCeci est un message automatique, merci de ne pas y répondre.",
                f"Bonjour, je suis en déplacement sans accès régulier à ma messagerie jusqu'au 21/06.\n{display(p, 'cased')}",
            ][k]
            m = self.new(
                "autoreply",
                ["outlook_desktop", "zimbra", "laposte", "thunderbird"][k],
                display(p, "cased") if k != 2 else f"Mairie {d['de']}",
                addr_of(p, rng),
                [
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Absence",
                    "Accusé de réception",
                    "Absent(e)",
                ][k],
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self):
        """Bulk mail naming officials with their mandates: not signatures."""
        rng = self.rng
        for k in range(4):
            ps = [self.official(("mai", "cm", "cd")) for _ in range(3)]
            lst = "\n".join(f"• {display(x, 'std')}, {mandate(x, rng)}" for x in ps)
            name, addr, subj, text = [
                (
                    "Association des maires ruraux – La Lettre",
                    "lettre@maires-ruraux-info.example",
                    "La Lettre du mois – juin 2027",
                    f"LA LETTRE – JUIN 2027\n\nCongrès départemental : sont intervenus\n{lst}\n\nVoirie et ouvrages d'art : le guide 2027 est en ligne.",
                ),
                (
                    "Revue de presse Territoires",
                    "revue@territoires-presse.example",
                    "Revue de presse du 15 juin",
                    f"REVUE DE PRESSE\n\nPonts communaux : la presse régionale donne la parole à\n{lst}\n\nSe désinscrire : répondre STOP",
                ),
                (
                    "Ouvrages & Territoires (bureau d'études)",
                    "webinaires@ouvrages-territoires.example",
                    "Webinaire : diagnostiquer ses ponts en 2027",
                    f"Webinaire le 24 juin à 11 h\n\nAvec les témoignages de\n{lst}\n\nInscription gratuite : https://ouvrages-territoires.example/webinaire",
                ),
                (
                    "CAUE – actualités",
                    "actu@caue-info.example",
                    "Actualités du CAUE – juin",
                    f"ACTUALITÉS\n\nVisite de chantier : le pont restauré, en présence de\n{lst}\n\nProchain atelier : les murs de soutènement.",
                ),
            ][k]
            m = self.new(
                "newsletter",
                "plain",
                name,
                addr,
                subj,
                extra=f"Precedence: bulk\nList-Unsubscribe: <mailto:unsubscribe@{addr.split('@')[1]}>",
            )
            m.text = text
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self):
        one = [s for s in self.one_signer_msgs() if s[0].client not in ("outlook_web",)]
        picks = [one[4], one[22], one[37], one[51], one[66]]
        for k, (src, p, addr) in enumerate(picks):
            client = ["iphone", "gmail", "outlook_desktop", "thunderbird", "laposte"][k]
            text = [
                "Merci de retirer ma signature, je préfère attendre la position de l'association départementale des maires.",
                f"Bonjour,\n\nAprès réflexion, je retire ma signature de l'appel.\n\n{display(p, 'std')}",
                "Bonjour,\n\nSuite à notre bureau municipal d'hier soir, je vous demande de retirer mon nom.\n\nCordialement",
                "Finalement je retire ma signature, désolé·e pour le dérangement.",
                f"Bonjour,\n\nJe retire mon soutien (désaccord sur le point 2).\n\n{self.closing()}\n{display(p, 'cased')}",
            ][k]
            if (
                k == 1
            ):  # in the same thread: a reply to the organisers' confirmation of that signature
                prev = self.conf_mail(src, p, hours=30)
                prev.in_reply_to = src.mid
                m = self.new(
                    "withdraw",
                    client,
                    src.from_name,
                    addr,
                    self.reply_subject("gmail", prev.subject),
                    in_reply_to=prev.mid,
                    references=f"{src.mid} {prev.mid}",
                )
                self.body(m, text, prev, self.confirmation(p))
                thread = next(r["thread"] for r in self.labels if r["message_file"] == src.file)
                self.label(
                    m, "withdraw", "withdraws", "nonsigning", thread=thread, refers_to=src.file
                )
                continue
            m = self.new(
                "withdraw",
                client,
                src.from_name,
                addr,
                ["Retrait", "", "Retrait de signature", "Retrait", "Appel ponts – retrait"][k]
                or "Signature",
            )
            self.body(m, text)
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [
            (
                "Support Webmail",
                "noreply@webmail-maj.example",
                "Votre quota de messagerie est dépassé",
                "Bonjour,\n\nVotre boîte aux lettres a atteint 98 %. Cliquez ici pour augmenter votre quota : http://webmail-maj.example/\n",
            ),
            (
                "Diag Ouvrages Express",
                "contact@diag-ponts-express.example",
                "Diagnostic de vos ponts : -40 % en juin",
                "Madame, Monsieur le Maire,\n\nInspection visuelle de vos ouvrages à partir de 490 € HT. Répondez OUI pour un devis.\n",
            ),
            (
                "Trésor Public",
                "remboursement@impots-avis.example",
                "Remboursement en attente",
                "Bonjour,\n\nVous avez droit à un remboursement de 312,40 €. Confirmez vos coordonnées bancaires sous 48 h.\n",
            ),
            (
                "Formations Élus",
                "info@formation-elus-pro.example",
                "Votre DIF élu : 3 formations offertes",
                "Bonjour,\n\nUtilisez votre droit individuel à la formation avant le 30 juin : prise de parole, budget, urbanisme.\n",
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
        ok = [s for s in self.signed if not s[1].impostor]
        sample = ok[5::17][:5]
        rows = "\n".join(f"- {display(p, 'std')} ({mandate(p, rng)})" for _, p, _ in sample)
        text = (
            f"Bonjour à toutes et à tous,\n\nPoint d'étape : l'{CALL_TITLE} a reçu plus de 400 signatures, parmi lesquelles :\n\n{rows}\n\n"
            f"La remise officielle aura lieu le 12 juillet. Il reste jusqu'au 2 juillet pour signer.\n\n{org_sig(0)}"
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
            f"{ORGANISERS[1][0]},\n\nPour le pointage : les signatures transmises par des collaborateurs de cabinet comptent pour l'élu·e, "
            f"pas pour le collaborateur ; et les groupes d'opposition, une ligne par élu·e. Je relance les mairies sans réponse lundi.\n\n{ORGANISERS[0][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[0], ORG_ADDR, "Pointage")
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        self.org_call(0)
        self.letterhead()
        self.form_filled()
        self.third_person()
        self.cumul()
        self.rich_footer()
        self.cc_colleagues()
        self.on_behalf()
        self.point_by_point()
        self.local_story()
        self.question()
        self.send_reminder()
        self.reminder_reply()
        self.fwd_chain()
        self.opposition_group()
        self.cabinet_relay()
        self.owa_html()
        self.verify_followup()
        self.org_call(1)
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
        ):  # Outlook declaring iso-8859-1 while writing windows-1252 bytes: two messages
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
