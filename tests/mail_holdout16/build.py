#!/usr/bin/env python3
"""Sixteenth held-out petition mailbox (tests/mail_holdout16): builder.

    python tests/mail_holdout16/build.py           # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris winter time, November 2027), Message-IDs and MIME boundaries drawn from the
generator in each client's own shape. Reads the real 2026 RNE release (../shared/rne/release-2026,
every file), one 2022 mayors file of ../shared/rne/history (former mayors) and the COG
(../shared/cog) at build time; nothing of ../shared is copied into the repository except, in the
messages, the drawn people's name, sex, mandate and place. Birth dates are read only to tell
homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages of the earlier held-out
corpora (only the READMEs of mail_holdout5 and mail_holdout6, tests/mail_holdout5/build.py whose
reading helpers, client quoting and encoding machinery are reused, and the scorer). Campaign:
« Appel des élu·es pour des nuits étoilées » (invented). This mailbox is about the hard names and
places people write: particles, compound surnames cut short, double first names, married names,
one surname twice on a council, names that are words, articles, « St »/« Ste », homonym communes,
postcodes and INSEE codes, communes nouvelles, Paris/Lyon/Marseille sectors, overseas communes.
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

SEED = 2027_1109
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "nuits-etoilees.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"elus-nuit@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Nuits étoilées"
ORGANISERS = [
    ("Bérangère", "FONTCLAIRE-MOUSSEROLLES"),
    ("Anselme", "QUÉVREMONT-LAGARDELLE"),
]  # invented; checked absent
# secretaries, assistants, list moderators: invented, checked absent from every 2026 file
STAFF = [
    ("Maïwenn", "TRÉBOUZAC-ILLIERS"),
    ("Hugues", "CASTELFRANC-DORNIER"),
    ("Perrine", "VAUDELOGNE-ASTRUCQ"),
    ("Ludovic", "PEYRABOUT-KERDANIEL"),
    ("Salomé", "ROUVENAC-BLANCHEFORT"),
    ("Quentin", "MAZEROLLES-TIXADOR"),
]
CALL_TITLE = "Appel des élu·es pour des nuits étoilées"
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
    a, b = {
        1: (1, 7),
        2: (2, 3),
        3: (4, 5),
        4: (6, 8),
        5: (9, 10),
        6: (11, 12),
        7: (13, 14),
        8: (15, 16),
    }[n]
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
WINTER = dt.datetime(
    2027, 10, 31, 3, 0
)  # last Sunday of October 2027: CEST -> CET (the mailbox opens after it)


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=1 if t >= WINTER else 2)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2027, 11, 9, 8, 35)
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
    if client == "sfr":
        return f"<{rng.randint(10**8, 10**9 - 1)}.{rng.randint(10**4, 10**5 - 1)}.{ms}.JavaMail.www@wsfrf{rng.randint(1000, 9999)}>"
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
    "orange": "X-Originating-IP: [{IP}]\nX-WUM-FROM: |~|\nX-WUM-TO: |~|",
    "orange_app": "X-Mailer: Mail Orange pour Android",
    "sfr": "X-Originating-IP: [{IP}]",
    "samsung": None,
    "iphone_en": "X-Mailer: iPhone Mail (22D82)",
    "outlook_en": "Thread-Topic: {TT}\nThread-Index: {TI}\nAccept-Language: en-GB, fr-FR\nContent-Language: en-GB\nX-MS-Has-Attach: ",
    "outlook_android_en": "X-MS-Has-Attach: \nContent-Language: en-US",
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
    if client == "sfr":
        fn = f'"{prev.from_name}" <{prev.from_addr}>' if prev.from_name else prev.from_addr
        return (
            f"\n\n\n> Message du {t:%d/%m/%Y %H:%M}\n> De : {fn}\n> A : {me}\n> Objet : {prev.subject}\n>\n"
            f"{q(prev_text)}\n"
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

Lampadaires allumés toute la nuit sur des routes désertes, enseignes lumineuses à trois heures du
matin, factures d'électricité qui pèsent sur les budgets communaux, oiseaux migrateurs désorientés,
insectes nocturnes en chute libre : la nuit disparaît de nos territoires. Nous, élu·es de communes,
de départements, de régions et de collectivités, quelle que soit notre sensibilité, demandons :

1) un fonds national pour rénover l'éclairage public des communes de moins de 10 000 habitants ;
2) la « trame noire » inscrite dans tous les documents d'urbanisme (SCoT, PLU, PLUi) ;
3) l'extinction des enseignes et publicités lumineuses de 23 h à 6 h, sans dérogation ;
4) le droit pour chaque maire d'éteindre en cœur de nuit sans engager sa responsabilité.

Pour signer, répondez simplement à ce message en indiquant vos nom, prénom et mandat (commune,
département, région ou collectivité). Chaque signature est vérifiée dans le Répertoire national des
élus avant publication, le 10 décembre 2027. Date limite : 3 décembre 2027.

Merci de faire suivre l'appel à vos collègues élu·es.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} : signez avant le 3 décembre"
CALL_DATE = aware(dt.datetime(2027, 11, 9, 7, 52, 41))
LIST_HEADERS = (
    f"List-Id: <elus-nuit.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:elus-nuit-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: elus-nuit@listes." + ORG_DOMAIN
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
    "sfr": [("utf-8", "quoted-printable"), ("iso-8859-1", "quoted-printable")],
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


# --------------------------------------------------------------------------- hard names and places (this corpus)
OTHER_COG = {
    c["code"]: c for c in _ALL if c.get("type") in ("commune-deleguee", "commune-associee")
}
DELEGUEES: dict[str, list[str]] = defaultdict(list)
for _c in _ALL:
    if _c.get("type") == "commune-deleguee" and _c.get("chefLieu"):
        DELEGUEES[_c["chefLieu"]].append(_c["nom"])
ARRONDISSEMENTS = {c["code"]: c for c in _ALL if c.get("type") == "arrondissement-municipal"}
# Marseille: sector -> its two arrondissements
MARSEILLE = {
    1: (1, 7),
    2: (2, 3),
    3: (4, 5),
    4: (6, 8),
    5: (9, 10),
    6: (11, 12),
    7: (13, 14),
    8: (15, 16),
}
PARTICLES = (
    "DE LA ",
    "DE L'",
    "DE ",
    "DU ",
    "DES ",
    "D'",
    "LE ",
    "LA ",
    "L'",
    "VAN DEN ",
    "VAN DER ",
    "VAN ",
    "VON ",
    "MAC ",
    "MC ",
    "DI ",
    "DA ",
    "DEL ",
    "DOS ",
    "DAL ",
    "DELLA ",
)
WORD_NOMS = {
    "MARTIN",
    "BLANC",
    "PETIT",
    "LEBRUN",
    "ROUX",
    "LEGRAND",
    "FONTAINE",
    "MOULIN",
    "BOULANGER",
    "MEUNIER",
    "BERGER",
    "CHEVALIER",
    "LEROY",
    "LACROIX",
    "RIVIERE",
    "LEBLANC",
    "LENOIR",
    "BRUN",
    "BONNET",
    "BOUCHER",
    "LEFORT",
    "LESAGE",
    "LEMAIRE",
    "MAIRE",
    "LECOMTE",
    "PREVOST",
    "FRANCE",
    "NORMAND",
    "BRETON",
    "PICARD",
    "PARIS",
    "THOMAS",
    "BERNARD",
    "MICHEL",
    "LAURENT",
    "SIMON",
    "DENIS",
    "VINCENT",
    "ROBERT",
    "RICHARD",
    "GERARD",
    "PHILIPPE",
    "HENRY",
    "ANDRE",
    "GUILLAUME",
    "LAVAL",
    "VIENNE",
    "BEAUVAIS",
    "GRAND",
    "COURTOIS",
    "SAGE",
}
MARRIED = [
    "GUILLOU",
    "PERRIN",
    "CARRÉ",
    "LEMAÎTRE",
    "BOYER",
    "HAMON",
    "COLLET",
    "MAILLARD",
    "JOLLY",
    "TESSIER",
    "RENAUD",
    "CHAUVIN",
    "BESSON",
    "FLEURY",
]
INVENTED_HARD = [
    "DE KERVIGNAC-LAHOURCADE",
    "LE BRIZOUARN-ESCANDE",
    "VAN DER HOOGSTRAETEN-MARCY",
    "D'ESPAGNOLS-TRUILHAS",
    "MAC FARLANE-DUCOURNEAU",
    "LA ROCQUE-MENDIBURUTZ",
    "DU CHASTENET-VALMOREL",
    "SAINT-AUBERTIN-QUÉRAULT",
    "VASSEROT-GUILLAUMIN",
    "PAYET-RAHARISAONA",
    "LAFFARGUE-SOUBIRANNE",
    "PIETRASANTA-CECCALDINI",
    "GRANDCOLAS-WEBERTIN",
]


ISLAND_DE = {
    "971": "la Guadeloupe",
    "972": "la Martinique",
    "973": "la Guyane",
    "974": "La Réunion",
    "976": "Mayotte",
}
MARRIED_RE = re.compile(r"\s+[ÉE]POUSE\s+")
BRACKET_RE = re.compile(r"([^()]+?) \(([^()]+)\)")
# invented single surnames for an impostor signing « X née Y »: checked absent from every 2026 file
INVENTED_SINGLE = [
    "VASSEROTTE",
    "GUILLAUMINOT",
    "SOUBIRANNES",
    "WEBERTINE",
    "CASTAGNERAUD",
    "LEMOUZIÈRE",
]


def split_art(name: str) -> tuple[str, str]:
    """« Les Sables-d'Olonne » -> (« Les », « Sables-d'Olonne »)."""
    for a in ("Les ", "Le ", "La ", "L'", "L’"):
        if name.startswith(a):
            return a.strip(), name[len(a) :]
    return "", name


def insee_style(name: str) -> str:
    """The article after the name, as administrative software prints it: « Sables-d'Olonne (Les) »."""
    a, rest = split_art(name)
    return f"{rest} ({a})" if a else name


def saint(name: str, style: int) -> str:
    """« Saint-Jean-de-Luz » -> St-Jean-de-Luz / St Jean de Luz / ST-JEAN-DE-LUZ / St-Jean s/ …"""
    if style == 0:
        return re.sub(r"\bSainte-", "Ste-", re.sub(r"\bSaint-", "St-", name))
    if style == 1:
        s = name.replace("-", " ")
        return re.sub(r"\bSainte ", "Ste ", re.sub(r"\bSaint ", "St ", s))
    if style == 2:
        return noacc(saint(name, 0)).upper()
    if style == 3:
        return saint(name, 0).replace("-sur-", " s/ ").replace("-lès-", " les ")
    if style == 4:
        return re.sub(r"\bSainte-", "Ste ", re.sub(r"\bSaint-", "St ", name))
    return name


def dep_tag(code: str, style: str) -> str:
    """« (35) », « (Ille-et-Vilaine) », « , 35 », « - 35 », « [35] », « (Ille et Vilaine) »."""
    nm = dept_name(code)
    return {
        "num": f" ({code})",
        "name": f" ({nm})",
        "comma": f", {code}",
        "dash": f" - {code}",
        "bracket": f" [{code}]",
        "name_plain": f" ({noacc(nm).replace('-', ' ')})",
        "name_comma": f", {nm}",
        "dans": f", dans {de_dept(code).replace('de ', 'le ', 1) if de_dept(code).startswith('de ') else de_dept(code)}",
    }[style]


def de_x(name: str, tl=None) -> str:
    """« du Mans », « des Herbiers », « de l'Isle-Adam », « de La Baule » (the contracted form)."""
    a, rest = split_art(name)
    return (
        {"Le": "du ", "Les": "des ", "La": "de la ", "L'": "de l'", "L’": "de l'"}.get(a, "") + rest
        if a
        else de_name(name)
    )


def particle_of(nom: str) -> str:
    return next((x for x in PARTICLES if nom.startswith(x) and len(nom) > len(x) + 2), "")


def particle_forms(nom: str) -> dict:
    """Ways people write « DE LA RONCIÈRE », « LE GALL », « D'ARCY », « VAN BEEK »."""
    pa = particle_of(nom)
    rest = nom[len(pa) :]
    cased = nom_case(nom)
    lowp = pa.lower().replace("'", "'")
    glued = (pa.replace(" ", "").replace("'", "") + rest).capitalize()
    return {
        "cased": cased,
        "upper_p": cased[:1].upper() + cased[1:],
        "lower_p": lowp + nom_case(rest),
        "caps": nom,
        "annuaire": f"{rest} ({pa.strip()})",
        "glued": nom_case(glued),
        "dropped": nom_case(rest),
        "noapos": nom.replace("'", " "),
    }


def first_parts(prenom: str) -> list[str]:
    return [w for w in re.split(r"[- ]", prenom) if w]


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
        self.invented_used: set[str] = set()
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

    def ok2(self, p: P, spaced_first: bool = False, married: bool = False) -> bool:
        """A drawable official: folded name + first name of one person only in 2026, not drawn yet."""
        return (
            bool(p.nom)
            and bool(p.prenom)
            and (spaced_first or " " not in p.prenom)
            and (married or ("POUSE" not in p.nom and "(" not in p.nom))
            and len(p.nom) <= 32
            and ident(p.nom, p.prenom) not in self.used
            and self.reg.unique(p)
            and (p.kind != "cd" or p.dep in DEPTS)
            and len(p.prenom) > 2
        )

    def pick(self, kinds, pred=lambda p: True, spaced_first=False, married=False) -> P:
        kinds = (kinds,) if isinstance(kinds, str) else kinds
        for _ in range(400000):
            pool = self.reg.pool[self.rng.choice(kinds)]
            p = pool[self.rng.randrange(len(pool))]
            if self.ok2(p, spaced_first, married) and pred(p):
                return self.use(p)
        raise RuntimeError(f"no {kinds}")

    def alone_in_dep(self, nom: str, prenom: str, dep: str) -> bool:
        """Nobody of 2026 carries this (shortened) name + first name in the département."""
        k = ident(nom, prenom)
        return k not in self.reg.births or dep not in self.reg.depts_of.get(k, set())

    def former_list(self) -> list[P]:
        if self._former is None:
            reg = self.reg
            self._former = []
            for r in read_rows(HISTORY_MAIRES, "cp1252"):
                nom, fn, cc = r["Nom de l'élu"], r["Prénom de l'élu"], r["Code de la commune"]
                c = COMMUNES.get(cc) or OTHER_COG.get(cc)
                if (
                    c
                    and reg.absent(nom, fn)
                    and len(nom) < 26
                    and " " not in fn
                    and len(fn) > 2
                    and fold(nom) not in reg.surnames
                    # the RNE may shorten a compound surname: nobody of 2026 with this first name and
                    # one of the words of the surname in the same commune
                    and not (set(fold(nom).split()) & reg.words_at.get((cc, fold(fn)), set()))
                    and not c["departement"].startswith("97")
                ):
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
                            impostor="former_2022",
                        )
                    )
        return self._former

    def impostor(
        self,
        t: str,
        surname_commune: str | None = None,
        commune_code: str | None = None,
        real_pred=lambda p: True,
        cpred=lambda c: True,
        noms: list[str] | None = None,
        fonction: str = "",
    ) -> P:
        """The four impostor types of mail_holdout5 (see its README)."""
        rng, reg = self.rng, self.reg

        def at(code: str) -> dict:
            c = COMMUNES.get(code) or OTHER_COG[code]
            return dict(
                dep=c["departement"],
                commune_code=code,
                commune=c["nom"],
                tl=c.get("typeLiaison") or 0,
            )

        if t == "other_first":
            for _ in range(2000):
                if surname_commune:
                    cands = [
                        x
                        for x in reg.by_commune[surname_commune]
                        if x.kind == "cm" and real_pred(x)
                    ]
                    real = cands[rng.randrange(len(cands))]
                else:
                    pool = reg.pool["cm"]
                    real = pool[rng.randrange(len(pool))]
                    if not (
                        real.nom
                        and "POUSE" not in real.nom
                        and "(" not in real.nom
                        and real_pred(real)
                    ):
                        continue
                try:
                    fn = self.first_for(real.nom, real.sexe)
                except RuntimeError:
                    continue
                if ident(real.nom, fn) in self.used:
                    continue
                self.used.add(ident(real.nom, fn))
                return P(
                    "",
                    real.nom,
                    fn,
                    real.sexe,
                    **at(real.commune_code),
                    fonction=fonction,
                    impostor=t,
                )
        if t == "mayor_elsewhere":
            for _ in range(20000):
                pool = reg.pool["mai"]
                real = pool[rng.randrange(len(pool))]
                if not (self.ok2(real) and real_pred(real) and not real.dep.startswith("97")):
                    continue
                mine = reg.depts_of[ident(real.nom, real.prenom)]
                if commune_code:
                    code = (
                        commune_code if COMMUNES[commune_code]["departement"] not in mine else None
                    )
                else:
                    o = pool[rng.randrange(len(pool))]
                    ok = (
                        o.dep not in mine
                        and not o.dep.startswith("97")
                        and o.commune_code in COMMUNES
                    )
                    code = o.commune_code if ok and cpred(COMMUNES[o.commune_code]) else None
                if code:
                    self.use(real)
                    return P(
                        "",
                        real.nom,
                        real.prenom,
                        real.sexe,
                        **at(code),
                        fonction="Maire",
                        impostor=t,
                    )
        if t == "invented":
            free = [n for n in (noms or INVENTED_HARD) if fold(n) not in self.invented_used]
            free = free or [n for n in INVENTED_HARD if fold(n) not in self.invented_used]
            for _ in range(500):
                nom = rng.choice(free)
                sexe = rng.choice("FM")
                fn = rng.choice(FIRST_F if sexe == "F" else FIRST_M)
                if fold(nom) in reg.surnames or fold(nom) in self.invented_used:
                    continue
                if commune_code:
                    code = commune_code
                else:
                    pool = reg.pool["mai"]
                    o = pool[rng.randrange(len(pool))]
                    if o.commune_code not in COMMUNES or not cpred(COMMUNES[o.commune_code]):
                        continue
                    code = o.commune_code
                self.used.add(ident(nom, fn))
                self.invented_used.add(fold(nom))
                return P("", nom, fn, sexe, **at(code), fonction=fonction, impostor=t)
        if t == "former_2022":
            lst = self.former_list()
            for _ in range(50000):
                p = lst[rng.randrange(len(lst))]
                c = COMMUNES.get(p.commune_code) or OTHER_COG[p.commune_code]
                if ident(p.nom, p.prenom) in self.used or not cpred(c) or not real_pred(p):
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

    # ---------------------------------------------------------------- ways of writing a signature
    GREET = [
        "Bonjour,",
        "Bonjour,",
        "Madame, Monsieur,",
        "Bonjour à vous,",
        "Bonsoir,",
        "Chère Madame, cher Monsieur,",
        "Bonjour Mesdames et Messieurs,",
        "Bjr,",
        "Bonjour à toute l'équipe,",
    ]
    SIGN = [
        "Je signe l'appel.",
        "Je souhaite signer l'appel pour des nuits étoilées.",
        "Vous pouvez ajouter mon nom à la liste des signataires.",
        "Je m'associe bien volontiers à cet appel.",
        "Bravo pour cette initiative, je signe.",
        "Notre commune éteint déjà de minuit à cinq heures : je signe des deux mains.",
        "Je signe, et je transmets à mes collègues du conseil.",
        "J'apporte mon soutien à votre appel et vous confirme ma signature.",
        "ok pour signer",
        "Très bonne initiative. Je signe.",
        "Je signe volontiers. Nous avons rénové tout l'éclairage en LED l'an dernier, la facture a baissé de moitié.",
        "Je signe ! Le point 4 est essentiel pour les petites communes.",
    ]
    STAFF_TOWN = [
        ("Nadège", "Secrétaire de mairie"),
        ("Sandrine", "Secrétariat du maire"),
        ("Laetitia", "Accueil - Mairie"),
        ("Mathieu", "Chargé de mission auprès du maire"),
        ("Élodie", "Secrétariat général"),
    ]
    STAFF_COUNCIL = [
        ("Karine", "Assistante de direction"),
        ("Julien", "Cabinet du président"),
        ("Chloé", "Assistante des élu·es"),
        ("Romain", "Collaborateur de groupe"),
    ]
    TYPOS = [
        ("l'appel", "l'apel"),
        ("initiative", "initative"),
        ("volontiers", "volontier"),
        ("signe", "singe"),
        ("Bonjour", "Bonjours"),
        ("m'associe", "m associe"),
        ("signataires", "signatiares"),
        ("Cordialement", "Cordialemnt"),
    ]

    def mess(self, text: str) -> str:
        """Everyday mess: no accents, all lowercase, a typo or two, doubled spaces."""
        rng = self.rng
        mode = rng.choice(["noacc", "lower", "typo", "typo", "spaces"])
        if mode == "noacc":
            return noacc(text).replace("’", "'")
        if mode == "lower":
            return "\n".join(
                x.lower() if not re.search(r"[A-Z]{3}", x) else x for x in text.split("\n")
            )
        if mode == "spaces":
            return text.replace(". ", ".  ").replace(", ", " , ")
        for a, b in rng.sample(self.TYPOS, len(self.TYPOS)):
            if a in text:
                return text.replace(a, b, 1)
        return text

    def civ(self, p: P) -> str:
        return e(p, "M.", "Mme")

    def reply_kw(self) -> dict:
        return dict(in_reply_to=self.call.mid, references=self.call.mid)

    def addr_for(self, nom: str, prenom: str, p: P, rng, town: bool = False) -> str:
        fn, nm = slug(prenom).replace("-", ""), slug(nom).replace("-", "")
        if town and p.commune and not p.impostor:
            return f"{rng.choice([fn + '.' + nm, fn[0] + nm, fn + '.' + nm])}@{town_dom(p)}"
        dom = rng.choice(MAILBOXES)
        local = rng.choice(
            [
                f"{fn}.{nm}",
                f"{fn[0]}{nm}",
                f"{nm}.{fn}",
                f"{fn}.{nm}{rng.randrange(2, 99)}",
                f"{fn}{nm[:1]}",
            ]
        )
        return f"{local}@{dom}"

    def send(
        self,
        shape: str,
        p: P,
        name: str,
        mand: str,
        form: str,
        client: str,
        *,
        block: str | None = None,
        subject: str | None = None,
        from_name: str | None = None,
        addr: str | None = None,
        intro: str | None = None,
        html: bool | None = None,
        thread: str | None = None,
        wnom: str | None = None,
        wprenom: str | None = None,
        label: bool = True,
        greet: str | None = None,
    ) -> Mail:
        """One message carrying one signature, in one of the everyday forms."""
        rng = self.rng
        wnom = wnom or p.nom
        wprenom = wprenom or p.prenom
        if not addr and form == "secretary":
            if p.commune and p.kind in ("mai", "cm", "mdel") and not p.impostor:
                addr = (
                    f"{rng.choice(['secretariat', 'mairie', 'accueil', 'contact'])}@{town_dom(p)}"
                )
            elif p.kind == "cd" and p.dep in DEPTS:
                addr = f"cabinet@{dept_dom(p.dep)}"
            elif p.kind == "cr":
                addr = f"cabinet.presidence@{region_dom(p.region)}"
        addr = addr or self.addr_for(wnom, wprenom, p, rng, town=rng.random() < 0.4)
        from_name = name if from_name is None else from_name
        sig = block or f"{name}\n{cap1(mand)}"
        greet = greet or rng.choice(self.GREET)
        say = intro or rng.choice(self.SIGN)
        closing = self.closing()
        if form in ("top", "new", "html", "bottom"):
            text = f"{greet}\n\n{say}\n\n{closing}\n{sig}"
        elif form == "inline":
            text = rng.choice(
                [
                    f"{greet}\n\nJe soussigné{e(p, '', 'e')} {name}, {mand}, signe l'{CALL_TITLE}.\n\n{closing}",
                    f"{greet}\n\nMoi, {name}, {mand}, je signe l'appel.\n\n{closing}\n{wprenom}",
                    f"{greet}\n\n{name} ({mand}) apporte sa signature à l'appel pour des nuits étoilées.\n\n{closing}",
                    f"{greet}\n\nJe signe : {name}, {mand}.\n\nMerci pour cette belle initiative.",
                ]
            )
        elif form == "oneliner":
            text = rng.choice(
                [
                    f"{name}, {mand}. Je signe.",
                    f"Je signe. {name} - {mand}",
                    f"signé : {name}, {mand}",
                    f"Ok pour moi 👍 {name}, {mand}",
                    f"{name}\n{mand}\nJe signe !",
                ]
            )
        elif form == "secretary":
            fn, role = rng.choice(
                self.STAFF_TOWN
                if p.commune and p.kind in ("mai", "cm", "mdel", "ca", "")
                else self.STAFF_COUNCIL
            )
            text = rng.choice(
                [
                    f"{greet}\n\n{self.civ(p)} {name}, {mand}, m'a demandé de vous transmettre sa signature de l'appel.\n\n"
                    f"{closing}\n{fn}\n{role}",
                    f"{greet}\n\nÀ la demande de {self.civ(p)} {name}, {mand}, je vous confirme qu'{e(p, 'il', 'elle')} signe "
                    f"l'appel pour des nuits étoilées.\n\n{closing}\n\n{fn}\n{role}",
                    f"{greet}\n\nPour {e(p, 'M.', 'Mme')} {name} ({mand}) : bon pour signature.\n\n{fn}\n{role}",
                ]
            )
            if from_name == name:
                from_name = f"{fn} – {role}" if rng.random() < 0.5 else role
        else:
            raise ValueError(form)
        if rng.random() < 0.22:
            text = self.mess(text)
        reply = form in ("top", "html", "bottom", "secretary") or (
            form in ("oneliner", "inline") and rng.random() < 0.5
        )
        subj = subject or (
            self.reply_subject(client, CALL_SUBJECT)
            if reply
            else rng.choice(
                [
                    "Signature",
                    "Appel nuits étoilées",
                    "signature appel",
                    CALL_TITLE,
                    "Je signe",
                    "Nuits étoilées",
                ]
            )
        )
        m = self.new(shape, client, from_name, addr, subj, **(self.reply_kw() if reply else {}))
        if form == "bottom":
            m.text = quote_text(client, self.call, CALL, addr).lstrip("\n") + "\n" + text + "\n"
        elif reply:
            self.from_call(m, text, html=True if form == "html" else html)
        else:
            self.body(m, text, html=html)
        if label:
            self.sign(m, shape, p, addr, thread=thread)
        return m

    def pick_client(self, weights=None) -> str:
        cl = [
            ("outlook_desktop", 7),
            ("gmail", 7),
            ("thunderbird", 4),
            ("zimbra", 4),
            ("laposte", 3),
            ("apple", 3),
            ("iphone", 4),
            ("orange", 3),
            ("sfr", 2),
            ("yahoo", 2),
            ("roundcube", 3),
            ("samsung", 2),
            ("android_gmail", 2),
            ("outlook_mac", 1),
            ("orange_app", 1),
            ("outlook_ios", 1),
        ]
        tot = sum(w for _, w in cl)
        x = self.rng.uniform(0, tot)
        for c, w in cl:
            x -= w
            if x <= 0:
                return c
        return "gmail"

    def cplace(self, p: P) -> str:
        """commune role with the place, contracted (« adjointe au maire des Herbiers »)."""
        d = parts(p, self.rng)
        return f"{d['role']} {de_x(p.commune)}"

    # ---------------------------------------------------------------- shapes
    def particle_name(self):
        """Surnames with particles and articles: de, du, des, d', Le, La, Van, Mac…"""
        rng = self.rng
        styles = [
            "cased",
            "annuaire",
            "lower_p",
            "caps",
            "glued",
            "upper_p",
            "cased",
            "noapos",
            "cased",
            "dropped",
            "cased",
            "glued",
            "annuaire",
            "lower_p",
        ]
        forms = [
            "top",
            "new",
            "top",
            "inline",
            "oneliner",
            "html",
            "secretary",
            "top",
            "bottom",
            "new",
            "top",
            "oneliner",
            "new",
            "top",
        ]
        kinds = [
            ("cm",),
            ("mai",),
            ("cd",),
            ("cm",),
            ("cm", "mai"),
            ("cr",),
            ("mai",),
            ("cm",),
            ("ca",),
            ("cm",),
            ("ma",),
            ("cm",),
            ("mai",),
            ("cm",),
        ]
        for k in range(14):
            yield
            if k == 5:
                p = self.impostor("other_first", real_pred=lambda x: bool(particle_of(x.nom)))
            elif k == 11:
                p = self.impostor(
                    "invented", noms=INVENTED_HARD[:7], fonction=rng.choice(["", "Maire"])
                )
            else:
                p = self.pick(
                    kinds[k],
                    lambda x: (
                        bool(particle_of(x.nom))
                        and (x.kind != "ma" or x.coll in ("69M", "94", "972"))
                    ),
                )
            st = styles[k]
            if p.impostor and st in ("glued", "dropped", "annuaire"):
                st = "cased"  # an impostor's label is the name as written
            if st == "noapos" and "'" not in p.nom:
                st = "lower_p"
            if st == "dropped" and not p.nom.startswith(("DE ", "DA ", "DOS ", "DI ")):
                st = "cased"
            if st == "dropped" and not self.alone_in_dep(
                p.nom[len(particle_of(p.nom)) :], p.prenom, p.dep
            ):
                st = "cased"
            wn = particle_forms(p.nom)[st]
            name = (
                rng.choice([f"{p.prenom} {wn}", f"{wn} {p.prenom}"])
                if st != "annuaire"
                else f"{wn} {p.prenom}"
            )
            if st == "caps":
                name = f"{p.prenom} {wn}"
            mand = mandate(p, rng)
            natural = f"{p.prenom} {particle_forms(p.nom)['cased']}"
            self.send(
                "particle_name",
                p,
                name,
                mand,
                forms[k],
                self.pick_client(),
                wnom=wn if st != "annuaire" else p.nom,
                from_name=natural if st == "annuaire" else None,
            )

    def compound_part(self):
        """Compound surnames written with one part only, or with a hyphen where the RNE has a space (and back)."""
        rng = self.rng
        forms = [
            "top",
            "oneliner",
            "new",
            "top",
            "inline",
            "html",
            "top",
            "new",
            "secretary",
            "top",
            "oneliner",
            "bottom",
        ]
        kinds = [
            ("cm",),
            ("mai",),
            ("cm",),
            None,
            ("cd",),
            ("cm",),
            ("mai",),
            ("cr",),
            ("mai",),
            None,
            ("cm",),
            ("cm", "mai"),
        ]

        def compound(x: P) -> bool:
            ws = [w for w in re.split(r"[- ]", x.nom) if w]
            return (
                len(ws) == 2
                and not particle_of(x.nom)
                and all(len(w) >= 3 and not w.startswith("SAINT") for w in ws)
                and "POUSE" not in x.nom
                and "(" not in x.nom
            )

        for k in range(12):
            yield
            if k == 3:
                p = self.impostor(
                    "former_2022", real_pred=lambda x: "-" in x.nom or " " in x.nom.strip()
                )
                name, wn = f"{p.prenom} {nom_case(p.nom)}", p.nom
            elif k == 9:
                p = self.impostor(
                    "invented", noms=INVENTED_HARD[7:], fonction=rng.choice(["", "Maire"])
                )
                name, wn = f"{p.prenom} {p.nom}", p.nom
            else:
                p = self.pick(kinds[k], compound)
                a, b = [w for w in re.split(r"[- ]", p.nom) if w]
                mode = k % 4
                if mode in (1, 2) and not self.alone_in_dep(a if mode == 1 else b, p.prenom, p.dep):
                    mode = 0
                if mode == 0:
                    wn = f"{a} {b}" if "-" in p.nom else f"{a}-{b}"
                    wn = rng.choice([nom_case(wn), wn])
                elif mode == 1:
                    wn = rng.choice([nom_case(a), a])
                elif mode == 2:
                    wn = rng.choice([nom_case(b), b])
                else:
                    wn = (
                        noacc(nom_case(p.nom)).lower()
                        if k % 8 == 7
                        else nom_case(p.nom).replace("-", " - ")
                    )
                name = rng.choice([f"{p.prenom} {wn}", f"{wn} {p.prenom}", f"{p.prenom} {wn}"])
            mand = mandate(p, rng)
            self.send("compound_part", p, name, mand, forms[k], self.pick_client(), wnom=wn)

    def double_first(self):
        """Double first names written with one part, or hyphenated where the RNE has two given names."""
        rng = self.rng
        forms = ["top", "new", "oneliner", "top", "inline", "top", "html", "new", "top", "oneliner"]
        for k in range(10):
            yield
            if k == 6:
                p = self.impostor("other_first")
                self.send(
                    "double_first",
                    p,
                    f"{p.prenom} {nom_case(p.nom)}",
                    mandate(p, rng),
                    forms[k],
                    self.pick_client(),
                )
                continue
            spaced = k % 2 == 0
            kinds = ("cm", "cm", "mai", "cd", "cr") if k != 8 else ("ca",)

            def pred(x: P, spaced=spaced) -> bool:
                fp = first_parts(x.prenom)
                return (
                    len(fp) >= 2
                    and (" " in x.prenom) == spaced
                    and "-" not in x.nom
                    and all(len(w) > 2 for w in fp)
                )

            p = self.pick(kinds, pred, spaced_first=spaced)
            fp = first_parts(p.prenom)
            opts = []
            if self.alone_in_dep(p.nom, fp[0], p.dep):
                opts += ["first"] * 2
            if spaced and self.alone_in_dep(p.nom, fp[1], p.dep):
                opts.append("second")
            if spaced and len(fp) == 2:
                opts.append("hyph")
            if not spaced:
                opts += ["init2", "init1"]
            mode = rng.choice(opts or ["init1"])
            wp = {
                "first": fp[0],
                "second": fp[1] if len(fp) > 1 else fp[0],
                "hyph": "-".join(fp),
                "init2": f"{fp[0]}-{fp[1][0]}.",
                "init1": f"{fp[0][0]}-{fp[1]}",
            }[mode]
            wn = rng.choice([p.nom, nom_case(p.nom)])
            name = rng.choice([f"{wp} {wn}", f"{wn} {wp}"])
            self.send(
                "double_first",
                p,
                name,
                mandate(p, rng),
                forms[k],
                self.pick_client(),
                wprenom=wp,
                wnom=wn,
            )

    def married_name(self):
        """Women signing with their married name, or both names, where the RNE holds another."""
        rng = self.rng
        forms = [
            "top",
            "new",
            "html",
            "inline",
            "top",
            "secretary",
            "new",
            "top",
            "oneliner",
            "bottom",
        ]
        for k in range(10):
            yield
            if k == 7:
                usage, birth = [x for x in INVENTED_SINGLE if fold(x) not in self.reg.surnames][:2]
                p = self.impostor("invented", noms=[usage], fonction="")
                p.sexe = "F"
                p.prenom = rng.choice([x for x in FIRST_F if ident(p.nom, x) not in self.used])
                self.used.add(ident(p.nom, p.prenom))
                name = f"{p.prenom} {nom_case(usage)} née {nom_case(birth)}"
                self.send(
                    "married_name",
                    p,
                    name,
                    mandate(p, rng),
                    forms[k],
                    self.pick_client(),
                    wnom=usage,
                )
                continue
            if k < 5:
                p = self.pick(
                    ("cm", "cm", "mai", "cd"),
                    lambda x: (
                        x.sexe == "F"
                        and (
                            MARRIED_RE.search(x.nom) is not None
                            or BRACKET_RE.fullmatch(x.nom) is not None
                        )
                    ),
                    married=True,
                )
                if MARRIED_RE.search(p.nom):
                    birth, usage = [w.strip() for w in MARRIED_RE.split(p.nom)][:2]
                else:
                    mm = BRACKET_RE.fullmatch(p.nom)
                    birth, usage = mm[1].strip(), mm[2].strip()
            else:
                p = self.pick(
                    ("cm", "cm", "mai"),
                    lambda x: x.sexe == "F" and "-" not in x.nom and " " not in x.nom,
                )
                birth = p.nom
                at = {fold(o.nom) for o in self.reg.by_commune.get(p.commune_code, [])}
                usage = next(
                    x
                    for x in rng.sample(MARRIED, len(MARRIED))
                    if fold(x) not in at and ident(x, p.prenom) not in self.reg.births
                )
            mode = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1][k] if k < 5 else [4, 1, 5, 2, 4][k - 5]
            wn = {
                0: nom_case(usage),
                1: f"{nom_case(usage)} née {nom_case(birth)}",
                2: f"{nom_case(birth)}-{nom_case(usage)}",
                3: usage.upper(),
                4: f"{nom_case(usage)} (née {birth})",
                5: f"{birth} ép. {nom_case(usage)}",
            }[mode]
            name = f"{p.prenom} {wn}" if mode != 3 else f"{wn} {p.prenom}"
            mand = mandate(p, rng)
            self.send(
                "married_name",
                p,
                name,
                mand,
                forms[k],
                self.pick_client(),
                wnom=usage,
                from_name=f"{p.prenom} {nom_case(usage)}",
            )

    def same_surname(self):
        """One surname twice (or three times) on one council: couples, parents and children, signing together or apart."""
        rng = self.rng
        groups: dict[tuple[str, str], list[P]] = defaultdict(list)
        for code, lst in sorted(self.reg.by_commune.items()):
            if code.startswith("97") or code in ("75056", "13055", "69123"):
                continue
            for x in lst + ([self.reg.mayor_of[code]] if code in self.reg.mayor_of else []):
                if x.kind in ("cm", "mai", "mdel"):
                    groups[(code, fold(x.nom))].append(x)
        cands = sorted(
            (
                key
                for key, g in groups.items()
                if len(g) >= 2 and len({fold(x.prenom) for x in g}) == len(g)
            ),
        )

        def draw(n: int, mixed: bool = True, with_mayor: bool = False) -> list[P]:
            for _ in range(200000):
                g = groups[cands[rng.randrange(len(cands))]]
                if len(g) < n or not all(self.ok2(x) for x in g):
                    continue
                if mixed and len({x.sexe for x in g[:n]}) < 2:
                    continue
                if with_mayor and not any(x.kind == "mai" for x in g):
                    continue
                pick = (
                    sorted(g, key=lambda x: (x.kind != "mai", x.prenom))[:n]
                    if with_mayor
                    else g[:n]
                )
                for x in pick:
                    self.use(x)
                return pick
            raise RuntimeError("same surname")

        def role(x: P) -> str:
            return parts(x, rng)["role"]

        # 1–2: a couple signs in one message
        for k in range(2):
            yield
            a, b = draw(2)
            place = de_x(a.commune) + (dep_tag(a.dep, "num") if homonym(a) or k else "")
            nm = rng.choice([a.nom, nom_case(a.nom)])
            if k == 0:
                text = (
                    f"Bonjour,\n\nNous signons tous les deux l'appel :\n{a.prenom} et {b.prenom} {nm}, "
                    f"{role(a)} et {role(b)} {place}.\n\nBien cordialement,\n{a.prenom} et {b.prenom}"
                )
            else:
                text = (
                    f"Bonsoir,\n\nDeux signatures pour la commune {place} :\n- {nm} {a.prenom}, {role(a)}\n"
                    f"- {nm} {b.prenom}, {role(b)}\n\n(oui, même nom : nous sommes mariés, et tous les deux au conseil !)\n\n"
                    f"{self.closing()}"
                )
            client = ["gmail", "orange"][k]
            addr = f"{slug(a.prenom).replace('-', '')}.{slug(b.prenom).replace('-', '')}.{slug(a.nom).replace('-', '')}@{rng.choice(MAILBOXES)}"
            m = self.new(
                "same_surname",
                client,
                f"{a.prenom} et {b.prenom} {nom_case(a.nom)}",
                addr,
                self.reply_subject(client, CALL_SUBJECT),
                **self.reply_kw(),
            )
            self.from_call(m, text)
            self.sign(m, "same_surname", a, addr)
            self.sign(m, "same_surname", b, addr)
        yield
        # 3: the mayor and a relative (the mayor's mailbox)
        a, b = draw(2, mixed=False, with_mayor=True)
        rel = e(b, "mon mari", "mon épouse") if a.sexe != b.sexe else e(b, "mon fils", "ma fille")
        text = (
            f"Bonjour,\n\nJe signe l'appel, et {rel}, élu{e(b, '', 'e')} au conseil, aussi :\n\n"
            f"{a.prenom} {a.nom}, {role(a)} {de_x(a.commune)}\n{b.prenom} {a.nom}, {role(b)}\n\n{self.closing()}"
        )
        addr = f"maire@{town_dom(a)}"
        m = self.new(
            "same_surname",
            "outlook_desktop",
            f"Mairie {de_x(a.commune)}",
            addr,
            "Signature appel nuits étoilées",
        )
        self.body(m, text)
        self.sign(m, "same_surname", a, addr)
        self.sign(m, "same_surname", b, addr)
        # 4–5: one signs, then the other in a separate message (different mailboxes, one day apart)
        a, b = draw(2)
        for j, x in enumerate((a, b)):
            yield
            other = b if j == 0 else a
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{x.prenom} {nom_case(x.nom)}\n{cap1(role(x))} {de_x(x.commune)}\n\n"
                f"PS : {e(other, 'mon mari', 'ma femme')} {other.prenom}, au conseil aussi, vous écrira de son côté.",
                f"Bonjour,\n\nComme {e(other, 'mon mari', 'ma femme')} hier, je signe l'appel.\n\n{cap1(role(x))} {de_x(x.commune)}\n"
                f"{self.civ(x)} {x.nom} {x.prenom}",
            ][j]
            client = ["thunderbird", "iphone"][j]
            addr = self.addr_for(x.nom, x.prenom, x, rng)
            m = self.new(
                "same_surname",
                client,
                f"{x.prenom} {nom_case(x.nom)}",
                addr,
                self.reply_subject(client, CALL_SUBJECT),
                lo=200 if j else 10,
                hi=900 if j else 170,
                **self.reply_kw(),
            )
            self.from_call(m, text)
            self.sign(m, "same_surname", x, addr)
        yield
        # 6: three of one name (a family council), written « les X »
        trio = draw(3, mixed=False) if any(len(groups[c]) >= 3 for c in cands[:5000]) else draw(2)
        lines = "\n".join(f"- {x.prenom} {x.nom} ({role(x)})" for x in trio)
        text = (
            f"Bonjour,\n\nLes {nom_case(trio[0].nom)} {de_x(trio[0].commune)} signent l'appel !\n{lines}\n\n"
            f"Commune {de_x(trio[0].commune)}{dep_tag(trio[0].dep, 'name')}"
        )
        addr = self.addr_for(trio[0].nom, trio[0].prenom, trio[0], rng)
        m = self.new(
            "same_surname", "yahoo", f"{trio[0].prenom} {nom_case(trio[0].nom)}", addr, "signatures"
        )
        self.body(m, text)
        for x in trio:
            self.sign(m, "same_surname", x, addr)
        # 7–8: impostors: the council's surname with a first name it never carries
        for j in range(2):
            yield
            g = draw(2)
            imp = self.impostor(
                "other_first",
                surname_commune=g[0].commune_code,
                real_pred=lambda x, g=g: fold(x.nom) == fold(g[0].nom),
            )
            self.used.discard(ident(g[1].nom, g[1].prenom))
            text = [
                f"Bonjour,\n\nJe signe l'appel. Attention, nous sommes plusieurs {nom_case(imp.nom)} au conseil municipal :\n"
                f"moi c'est {imp.prenom} !\n\n{imp.prenom} {imp.nom}\n{cap1(parts(imp, rng)['role'])} {de_x(imp.commune)}",
                f"{imp.prenom} {nom_case(imp.nom)} ({cap1(parts(imp, rng)['role'])} {de_x(imp.commune)}) — je signe. "
                f"(Pas {g[0].prenom}, l'autre {nom_case(imp.nom)} du conseil.)",
            ][j]
            client = ["laposte", "samsung"][j]
            addr = self.addr_for(imp.nom, imp.prenom, imp, rng)
            m = self.new(
                "same_surname", client, f"{imp.prenom} {nom_case(imp.nom)}", addr, "Signature"
            )
            self.body(m, text, html=False)
            self.sign(m, "same_surname", imp, addr)
            self.used.discard(ident(g[0].nom, g[0].prenom))

    def word_names(self):
        """Surnames that are words, first names or commune names (« Martin », « Blanc », « Petit », « Lemaire »)."""
        rng = self.rng
        forms = [
            "top",
            "oneliner",
            "new",
            "inline",
            "top",
            "html",
            "top",
            "bottom",
            "new",
            "secretary",
        ]
        for k in range(10):
            yield
            if k == 3:
                p = self.impostor("other_first", real_pred=lambda x: x.nom in WORD_NOMS)
            elif k == 8:
                p = self.impostor("mayor_elsewhere", real_pred=lambda x: x.nom in WORD_NOMS)
            else:
                kinds = [
                    ("cm",),
                    ("mai",),
                    ("cm",),
                    None,
                    ("mai",),
                    ("cd",),
                    ("cm",),
                    ("cm", "mai"),
                    None,
                    ("mai",),
                ][k]
                p = self.pick(kinds, lambda x: x.nom in WORD_NOMS)
            nm = p.nom
            name = [
                f"{p.prenom} {nom_case(nm)}",
                f"{nom_case(nm)} {p.prenom}",
                f"{nm} {p.prenom}",
                f"{p.prenom} {nm}",
                f"{nom_case(nm)} {p.prenom}",
                f"{p.prenom} {nm}",
                f"{self.civ(p)} {nom_case(nm)} {p.prenom}",
                f"{p.prenom.lower()} {nm.lower()}",
                f"{p.prenom} {nom_case(nm)}",
                f"{p.prenom} {nom_case(nm)}",
            ][k]
            mand = mandate(p, rng)
            intro = None
            if nm in ("MAIRE", "LEMAIRE") and p.kind == "mai":
                intro = (
                    "Eh oui, le maire s'appelle Lemaire… Je signe l'appel !"
                    if nm == "LEMAIRE"
                    else "Je signe l'appel (le maire, c'est bien moi)."
                )
            if nm in ("PETIT", "GRAND"):
                intro = f"Petite commune, grande cause : je signe. {rng.choice(self.SIGN)}"
            self.send("word_names", p, name, mand, forms[k], self.pick_client(), intro=intro)

    def article_commune(self):
        """Communes with an article: contracted (« maire du Mans »), dropped, lowercase, after the name, uncontracted."""
        rng = self.rng
        forms = [
            "top",
            "new",
            "html",
            "top",
            "oneliner",
            "inline",
            "top",
            "new",
            "bottom",
            "top",
            "secretary",
            "new",
        ]
        styles = [
            "contract",
            "insee",
            "noart",
            "lower",
            "uncontract",
            "contract",
            "caps",
            "insee",
            "lower",
            "nohyph",
            "contract",
            "uncontract",
        ]

        def art(c) -> bool:
            return split_art(c["nom"])[0] != ""

        for k in range(12):
            yield
            if k == 4:
                p = self.impostor("former_2022", cpred=art)
            elif k == 9:
                p = self.impostor("invented", cpred=art, fonction="Maire", noms=INVENTED_HARD[3:10])
            else:
                p = self.pick(
                    ("cm", "cm", "mai"),
                    lambda x: x.commune_code in COMMUNES and art(COMMUNES[x.commune_code]),
                )
            d = parts(p, rng)
            a, rest = split_art(p.commune)
            tag = (
                dep_tag(p.dep, rng.choice(["num", "name", "comma"]))
                if homonym(p) or k % 3 == 0
                else ""
            )
            st = styles[k]
            place = {
                "contract": de_x(p.commune),
                "insee": f"de {insee_style(p.commune)}",
                "noart": de_name(rest),
                "lower": f"de {a.lower()}{' ' if not a.endswith(chr(39)) else ''}{rest}",
                "uncontract": f"de {p.commune}",
                "caps": f"DE {noacc(p.commune).upper()}",
                "nohyph": de_x(p.commune).replace("-", " "),
            }[st]
            if st == "lower" and a.endswith("'"):
                place = f"de l'{rest}"
            mand = f"{d['role']} {place}{tag}"
            block = None
            if k in (2, 6, 10):
                block = (
                    f"{p.prenom} {p.nom}\n{cap1(d['role'])}\n"
                    + (f"Mairie {place}{tag}" if st != "caps" else f"MAIRIE {place}")
                    + f"\n{self.street()}\n{postcode(p.commune_code) if p.commune_code in COMMUNES else ''} "
                    + (noacc(p.commune).upper() if k != 10 else insee_style(p.commune).upper())
                    + f"\nTél. {self.phone()}"
                )
            name = rng.choice(
                [
                    f"{p.prenom} {nom_case(p.nom)}",
                    f"{p.prenom} {p.nom}",
                    f"{nom_case(p.nom)} {p.prenom}",
                ]
            )
            self.send("article_commune", p, name, mand, forms[k], self.pick_client(), block=block)

    def saint_abbrev(self):
        """« St » / « Ste » / « ST » for Saint-/Sainte-, spaces for hyphens, « s/ » for « sur »."""
        rng = self.rng
        forms = ["top", "oneliner", "new", "top", "html", "inline", "top", "bottom", "new", "top"]

        def st(c) -> bool:
            return bool(re.match(r"(Saint|Sainte)-", c["nom"]))

        for k in range(10):
            yield
            if k == 2:
                p = self.impostor("former_2022", cpred=st)
            elif k == 7:
                p = self.impostor("mayor_elsewhere", cpred=st)
            else:
                p = self.pick(
                    ("cm", "cm", "mai", "mai", "cm"),
                    lambda x, k=k: (
                        x.commune_code in COMMUNES
                        and st(COMMUNES[x.commune_code])
                        and (k != 3 or "-sur-" in x.commune)
                    ),
                )
            d = parts(p, rng)
            style = [0, 1, 2, 3, 4, 0, 1, 4, 0, 2][k]
            wplace = saint(p.commune, style)
            tag = (
                dep_tag(p.dep, rng.choice(["num", "comma", "name", "dash", "name_plain"]))
                if homonym(p) or rng.random() < 0.4
                else ""
            )
            mand = f"{d['role']} de {wplace}{tag}"
            if style == 2:
                mand = mand.upper() if k == 9 else f"{d['role']} de {wplace}{tag}"
            name = rng.choice(
                [f"{p.prenom} {nom_case(p.nom)}", f"{p.prenom} {p.nom}", f"{p.nom} {p.prenom}"]
            )
            self.send("saint_abbrev", p, name, mand, forms[k], self.pick_client())

    def homonym_commune(self):
        """Communes whose name several départements share, told apart by a number, a name, a postcode or nothing but the region."""
        rng = self.rng
        forms = [
            "top",
            "new",
            "top",
            "oneliner",
            "html",
            "inline",
            "top",
            "new",
            "secretary",
            "top",
        ]
        styles = [
            "num",
            "name",
            "cp",
            "comma",
            "dash",
            "name_plain",
            "cp_after",
            "bracket",
            "num",
            "dans",
        ]
        for k in range(10):
            yield
            if k in (3, 8):
                for _ in range(5000):
                    real = self.pick(
                        ("mai",),
                        lambda x: (
                            homonym(x)
                            and not x.dep.startswith("97")
                            and not x.commune.startswith("Saint")
                        ),
                    )
                    mine = self.reg.depts_of[ident(real.nom, real.prenom)]
                    twins = sorted(
                        c
                        for c in COMMUNES
                        if fold(COMMUNES[c]["nom"]) == fold(real.commune)
                        and COMMUNES[c]["departement"] not in mine
                        and not COMMUNES[c]["departement"].startswith("97")
                    )
                    if twins:
                        code = twins[rng.randrange(len(twins))]
                        c = COMMUNES[code]
                        p = P(
                            "",
                            real.nom,
                            real.prenom,
                            real.sexe,
                            dep=c["departement"],
                            commune_code=code,
                            commune=c["nom"],
                            tl=c.get("typeLiaison") or 0,
                            fonction="Maire",
                            impostor="mayor_elsewhere",
                        )
                        break
                    self.used.discard(ident(real.nom, real.prenom))
            else:
                p = self.pick(
                    ("cm", "mai", "cm", "mai", "cm"),
                    lambda x: (
                        homonym(x)
                        and x.commune_code in COMMUNES
                        and not x.commune.startswith("Saint")
                    ),
                )
            d = parts(p, rng)
            st = styles[k]
            cp = postcode(p.commune_code)
            if st == "cp":
                mand = f"{d['role']} {de_x(p.commune)} ({cp})"
            elif st == "cp_after":
                mand = f"{d['role']}, {cp} {p.commune.upper()}"
            else:
                mand = f"{d['role']} {de_x(p.commune)}{dep_tag(p.dep, st) if st != 'dans' else dep_tag(p.dep, 'name_comma')}"
            name = rng.choice(
                [
                    f"{p.prenom} {nom_case(p.nom)}",
                    f"{p.prenom} {p.nom}",
                    f"{nom_case(p.nom)} {p.prenom}",
                ]
            )
            self.send("homonym_commune", p, name, mand, forms[k], self.pick_client())

    def postcode_insee(self):
        """Postcodes instead of département numbers, INSEE codes, the département named, CEDEX addresses."""
        rng = self.rng
        forms = ["top", "new", "html", "top", "oneliner", "new", "top", "inline", "html", "top"]
        for k in range(10):
            yield
            if k == 4:
                p = self.impostor("invented", noms=INVENTED_HARD[8:], fonction="Maire")
            elif k == 8:
                p = self.impostor(
                    "former_2022", cpred=lambda c: c.get("type") == "commune-actuelle"
                )
            elif k in (2, 6):
                p = self.pick(
                    ("cd",),
                    lambda x: (
                        x.dep in DEPTS and x.dep not in ("6AE",) and len(dept_name(x.dep)) > 6
                    ),
                )
            else:
                p = self.pick(
                    ("cm", "mai", "cm"),
                    lambda x: x.commune_code in COMMUNES and bool(postcode(x.commune_code)),
                )
            d = parts(p, rng)
            name = rng.choice(
                [f"{p.prenom} {nom_case(p.nom)}", f"{p.prenom} {p.nom}", f"{p.nom} {p.prenom}"]
            )
            block = None
            if p.kind == "cd":
                dn = dept_name(p.dep)
                mand = f"{d['role']} {de_dept(p.dep)}" + rng.choice(
                    ["", f", canton {de_name(p.canton)}"]
                )
                block = (
                    f"{name}\n{cap1(d['role'])}\n"
                    + rng.choice(
                        [
                            f"Conseil départemental {de_dept(p.dep)}",
                            f"Département : {dn}",
                            f"{noacc(dn).upper()} - Le Département",
                        ]
                    )
                    + f"\nHôtel du Département - {rng.choice(['CS', 'BP'])} {rng.randint(10000, 99999)}\n"
                    + f"{postcode(DEPTS[p.dep]['chefLieu'])} {noacc(COMMUNES[DEPTS[p.dep]['chefLieu']]['nom']).upper()} CEDEX {rng.randint(1, 9)}"
                )
            else:
                cp = postcode(p.commune_code)
                form = k % 5
                if form == 0:
                    mand = f"{d['role']}, {cp} {p.commune}"
                elif form == 1:
                    mand = f"{d['role']} {de_x(p.commune)} (code INSEE {p.commune_code})"
                elif form == 2:
                    mand = f"{d['role']} {de_x(p.commune)} - {cp}"
                elif form == 3:
                    mand = f"{d['role']} {de_x(p.commune)} ({dept_name(p.dep)})"
                else:
                    mand = f"{d['role']} – commune n° {p.commune_code} ({p.commune})"
                if k in (0, 5, 9):
                    block = (
                        f"{name}\n{cap1(d['role'])}\nMairie\n{self.street()}\n{cp} {noacc(p.commune).upper()}"
                        + f"\n{self.phone()}"
                    )
            self.send("postcode_insee", p, name, mand, forms[k], self.pick_client(), block=block)

    def commune_nouvelle(self):
        """Communes nouvelles: maires délégués, mayors listing their communes déléguées, councillors naming the old commune."""
        rng = self.rng
        forms = [
            "top",
            "new",
            "html",
            "oneliner",
            "top",
            "inline",
            "new",
            "top",
            "secretary",
            "bottom",
        ]

        def nouvelle(x: P) -> bool:
            return len(DELEGUEES.get(x.commune_code, [])) >= 2 and x.commune_code in COMMUNES

        for k in range(10):
            yield
            if k == 6:
                p = self.impostor(
                    "former_2022",
                    cpred=lambda c: (
                        c.get("type") == "commune-deleguee" and c.get("chefLieu") != c["code"]
                    ),
                )
                mand = f"maire {de_x(p.commune)}{dep_tag(p.dep, 'num')}"
                name = f"{p.prenom} {nom_case(p.nom)}"
                self.send("commune_nouvelle", p, name, mand, forms[k], self.pick_client())
                continue
            if k in (0, 3, 7, 9):
                p = self.pick(("mdel",), nouvelle)
            elif k in (1, 5):
                p = self.pick(("mai",), nouvelle)
            else:
                p = self.pick(("cm",), nouvelle)
            dl = sorted(d for d in DELEGUEES[p.commune_code] if fold(d) != fold(p.commune))
            old = dl[rng.randrange(len(dl))] if dl else p.commune
            d = parts(p, rng)
            dd = dep_tag(p.dep, rng.choice(["num", "name", "comma"]))
            if p.kind == "mdel":
                mand = [
                    f"{d['role']}, commune nouvelle {de_x(p.commune)}{dd}",
                    f"{d['role']} ({p.commune}{dd})",
                    f"{d['role']} – {p.commune.upper()}",
                    f"{d['role']} de la commune déléguée, commune nouvelle {de_x(p.commune)}",
                ][[0, 3, 7, 9].index(k)]
            elif p.kind == "mai":
                names = DELEGUEES[p.commune_code]
                lst = (
                    ", ".join(names[:-1]) + " et " + names[-1]
                    if len(names) <= 6
                    else ", ".join(names[:5]) + "…"
                )
                mand = (
                    f"maire {de_x(p.commune)}{dd} (communes déléguées : {lst})"
                    if k == 1
                    else f"maire de la commune nouvelle {de_x(p.commune)}{dd} ({lst})"
                )
            elif k in (2, 4):
                mand = f"{d['role']} {de_x(p.commune)}{dd}, élu{e(p, '', 'e')} {de_name(old)}"
            else:
                # only the old commune's name and its postcode
                mand = f"{d['role']} à {old} ({postcode(p.commune_code)})"
            name = rng.choice(
                [f"{p.prenom} {nom_case(p.nom)}", f"{p.prenom} {p.nom}", f"{p.nom} {p.prenom}"]
            )
            self.send("commune_nouvelle", p, name, mand, forms[k], self.pick_client())

    def plm_sector(self):
        """Paris, Lyon and Marseille: arrondissements, sectors, « mairie du 15e », postcodes, conseil de Paris, Métropole de Lyon."""
        rng = self.rng
        forms = [
            "top",
            "new",
            "oneliner",
            "html",
            "top",
            "inline",
            "new",
            "top",
            "secretary",
            "top",
        ]
        for k in range(10):
            yield
            if k == 7:
                p = self.impostor(
                    "invented",
                    commune_code=rng.choice(["69123", "13055"]),
                    noms=INVENTED_HARD[:6],
                    fonction="",
                )
                city = p.commune
                mand = (
                    f"{e(p, 'conseiller', 'conseillère')} d'arrondissement, Lyon {rng.randint(2, 9)}e"
                    if city == "Lyon"
                    else f"{e(p, 'conseiller', 'conseillère')} d'arrondissement (Marseille, 11/12)"
                )
                self.send(
                    "plm_sector",
                    p,
                    f"{p.prenom} {nom_case(p.nom)}",
                    mand,
                    forms[k],
                    self.pick_client(),
                )
                continue
            if k == 4:
                p = self.pick(("cm",), lambda x: x.commune_code == "75056")
                mand = rng.choice(
                    [
                        e(p, "conseiller de Paris", "conseillère de Paris"),
                        f"{e(p, 'élu', 'élue')} au Conseil de Paris",
                    ]
                )
            elif k == 9:
                p = self.pick(("ma",), lambda x: x.coll == "69M")
                mand = rng.choice(
                    [
                        f"{e(p, 'conseiller métropolitain', 'conseillère métropolitaine')} (Grand Lyon)",
                        f"{e(p, 'élu', 'élue')} à la Métropole de Lyon",
                    ]
                )
            else:
                city = [
                    "Paris",
                    "Lyon",
                    "Marseille",
                    "Paris",
                    None,
                    "Marseille",
                    "Lyon",
                    None,
                    "Paris",
                    None,
                ][k]
                p = self.pick(("ca",), lambda x, city=city: x.secteur.startswith(city))
                city, n = sector(p)
                f = p.fonction
                role = (
                    e(p, "maire", "maire") + " d'arrondissement"
                    if f.startswith("Maire")
                    else f"{ordinal(rank(f), p)} {e(p, 'adjoint', 'adjointe')} au maire d'arrondissement"
                    if "adjoint" in f
                    else e(p, "conseiller d'arrondissement", "conseillère d'arrondissement")
                )
                if city == "Paris":
                    where = (
                        rng.choice(
                            ["Paris Centre", "mairie de Paris Centre", "75001-75004 (Paris Centre)"]
                        )
                        if n == 1
                        else rng.choice(
                            [
                                f"Paris {n}e",
                                f"du {n}e arrondissement",
                                f"mairie du {n}e",
                                f"750{n:02d} Paris",
                                f"{n}ème arr.",
                            ]
                        )
                    )
                elif city == "Lyon":
                    where = rng.choice(
                        [
                            f"Lyon {n}{'er' if n == 1 else 'e'}",
                            f"du {n}{'er' if n == 1 else 'e'} arrondissement de Lyon",
                            f"6900{n} Lyon",
                            f"Lyon {n}ème",
                        ]
                    )
                else:
                    a, b = MARSEILLE[n]
                    where = rng.choice(
                        [
                            f"Marseille {a}/{b}",
                            f"mairie des {a}{'er' if a == 1 else 'e'} et {b}e arrondissements",
                            f"Marseille, {n}e secteur",
                            f"130{a:02d} Marseille",
                            f"secteur {a}-{b} Marseille",
                        ]
                    )
                mand = (
                    f"{role}, {where}"
                    if not where.startswith(("du ", "mairie"))
                    else f"{role} {where}"
                    if where.startswith("du ")
                    else f"{role} ({where})"
                )
            name = rng.choice(
                [f"{p.prenom} {nom_case(p.nom)}", f"{p.prenom} {p.nom}", f"{p.nom} {p.prenom}"]
            )
            self.send("plm_sector", p, name, mand, forms[k], self.pick_client())

    def overseas_places(self):
        """Overseas communes with articles, « St »/« Ste », homonyms across islands, postcodes 97x, the island named."""
        rng = self.rng
        forms = ["top", "oneliner", "new", "top", "html", "inline", "new", "top", "oneliner", "top"]
        island = {
            "971": "Guadeloupe",
            "972": "Martinique",
            "973": "Guyane",
            "974": "La Réunion",
            "976": "Mayotte",
        }
        for k in range(10):
            yield
            if k == 5:
                code = rng.choice(
                    sorted(
                        c
                        for c in COMMUNES
                        if c.startswith("974")
                        and (
                            split_art(COMMUNES[c]["nom"])[0]
                            or COMMUNES[c]["nom"].startswith("Saint")
                        )
                    )
                )
                p = self.impostor(
                    "invented",
                    commune_code=code,
                    noms=["PAYET-RAHARISAONA", "LAFFARGUE-SOUBIRANNE"],
                    fonction="Maire",
                )
            elif k == 8:
                p = self.pick(("ma",), lambda x: x.coll in ("972", "973"))
                isl = {"972": "Martinique", "973": "Guyane"}[p.coll]
                mand = rng.choice(
                    [
                        f"{e(p, 'conseiller', 'conseillère')} à l'Assemblée de {isl}",
                        f"{e(p, 'élu', 'élue')} à la CT{isl[0]}",
                    ]
                )
                self.send(
                    "overseas_places", p, f"{p.prenom} {p.nom}", mand, forms[k], self.pick_client()
                )
                continue
            else:
                deps = [
                    ("971",),
                    ("972",),
                    ("974",),
                    ("971", "972"),
                    ("974",),
                    None,
                    ("973",),
                    ("976",),
                    None,
                    ("972", "974"),
                ][k]
                p = self.pick(
                    ("cm", "mai", "cm"),
                    lambda x, deps=deps, k=k: (
                        x.commune_code[:3] in deps
                        and x.commune_code in COMMUNES
                        and (
                            bool(split_art(x.commune)[0])
                            or x.commune.startswith("Saint")
                            or k in (6, 7)
                        )
                    ),
                )
            d = parts(p, rng)
            dep = p.commune_code[:3]
            cp = postcode(p.commune_code)
            wplace = (
                saint(p.commune, rng.choice([0, 1, 4]))
                if p.commune.startswith("Saint")
                else p.commune
            )
            where = rng.choice(
                [
                    f"{wplace} ({island.get(dep, dep)})",
                    f"{wplace}, {island.get(dep, dep)}",
                    f"{cp} {wplace}",
                    f"{wplace} {dep}",
                    f"{wplace} - {noacc(island.get(dep, dep)).upper()}",
                ]
            )
            a, rest = split_art(p.commune)
            pre = (
                "de "
                if not a or rng.random() < 0.5
                else {"Le": "du ", "Les": "des ", "La": "de la ", "L'": "de l'"}[a]
            )
            if pre != "de " and where.startswith(p.commune):
                where = where[len(a) + (0 if a.endswith("'") else 1) :]
            mand = f"{d['role']} {pre}{where}"
            name = rng.choice(
                [f"{p.prenom} {nom_case(p.nom)}", f"{p.prenom} {p.nom}", f"{p.nom} {p.prenom}"]
            )
            greet = rng.choice(
                [
                    "Bonjou,",
                    "Bonjour depuis " + ISLAND_DE.get(dep, "l'outre-mer") + ",",
                    "Bonjour,",
                    "Mbôni, bonjour,",
                    "Bonjour la métropole !",
                ]
            )
            intro = (
                "Ici les nuits sont belles et nous voulons qu'elles le restent. Je signe l'appel."
            )
            self.send(
                "overseas_places",
                p,
                name,
                mand,
                forms[k],
                self.pick_client(),
                intro=intro,
                greet=greet,
            )

    def asks_back(self):
        """An incomplete signature, the organisers ask, the signer answers (one thread; labelled on the answer)."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "iphone",
            "zimbra",
            "orange",
            "thunderbird",
            "laposte",
            "sfr",
        ]
        for k in range(8):
            yield
            if k == 2:
                # a mayor of a commune whose name other départements share, answering with the wrong one
                for _ in range(5000):
                    real = self.pick(("mai",), lambda x: homonym(x) and not x.dep.startswith("97"))
                    mine = self.reg.depts_of[ident(real.nom, real.prenom)]
                    twins = sorted(
                        c
                        for c in COMMUNES
                        if fold(COMMUNES[c]["nom"]) == fold(real.commune)
                        and COMMUNES[c]["departement"] not in mine
                        and not COMMUNES[c]["departement"].startswith("97")
                    )
                    if twins:
                        c = COMMUNES[twins[rng.randrange(len(twins))]]
                        p = P(
                            "",
                            real.nom,
                            real.prenom,
                            real.sexe,
                            dep=c["departement"],
                            commune_code=c["code"],
                            commune=c["nom"],
                            tl=c.get("typeLiaison") or 0,
                            fonction="Maire",
                            impostor="mayor_elsewhere",
                        )
                        break
                    self.used.discard(ident(real.nom, real.prenom))
            elif k == 0:
                p = self.pick(("cm",), lambda x: "-" in x.prenom and len(x.prenom) > 6)
            elif k == 1:
                p = self.pick(("cm",), lambda x: True)
            elif k == 3:
                p = self.pick(
                    ("mai",),
                    lambda x: (
                        split_art(x.commune)[0] == "La"
                        and NAME_COUNT[fold(x.commune)] == 1
                        and x.commune.startswith("La Chapelle")
                    ),
                )
            elif k == 4:
                p = self.pick(("cd",), lambda x: x.dep in DEPTS)
            elif k == 5:
                p = self.pick(("cr",), lambda x: x.dep in DEPTS)
            elif k == 6:
                p = self.pick(("mai",), lambda x: bool(particle_of(x.nom)))
            else:
                p = self.pick(
                    ("cm", "mai"), lambda x: x.sexe == "F" and "-" not in x.nom and " " not in x.nom
                )
            d = parts(p, rng)
            client = clients[k]
            th = f"{self.n + 1:03d}-asks_back"
            usage = ""
            if k == 7:
                at = {fold(o.nom) for o in self.reg.by_commune.get(p.commune_code, [])}
                usage = next(
                    x
                    for x in rng.sample(MARRIED, len(MARRIED))
                    if fold(x) not in at and ident(x, p.prenom) not in self.reg.births
                )
            wn = nom_case(usage or p.nom)
            addr = self.addr_for(usage or p.nom, p.prenom, p, rng, town=k in (3, 6))
            if k == 6:
                addr = f"maire@{town_dom(p)}"
            if k == 3:
                addr = f"mairie.{slug(p.commune).replace('-', '')[:16]}@wanadoo.fr"
            fname = {3: "Secretariat Mairie", 6: f"Mairie {de_x(p.commune)}"}.get(
                k, f"{p.prenom} {wn}"
            )
            first = [
                f"Bonjour,\n\nJe signe.\n\n{p.prenom[0]}. {wn}\n{cap1(d['role'])} {de_x(p.commune)}",
                f"Je signe l'appel.\n{p.prenom} {wn}, {d['role']}",
                f"Bonjour, je signe l'appel. {p.prenom} {wn}, maire de {p.commune}.",
                "Bonjour,\n\nLe maire signe l'appel.\n\nCordialement,\nLe secrétariat\nMairie de La Chapelle",
                f"Bonjour,\n\nJe m'associe à votre appel.\n\n{p.prenom} {wn}",
                f"Bonjour,\nje signe. {p.prenom} {wn}, cons. rég.",
                "Bonjour,\n\nM. le Maire souhaite signer l'appel.\n\nLe secrétariat de mairie",
                f"Bonjour,\n\nJe signe l'appel !\n\n{p.prenom} {wn}\n{cap1(d['role'])} {de_x(p.commune)}",
            ][k]
            if k == 6 and p.f:
                first = first.replace("M. le Maire", "Mme la Maire")
            subj = self.reply_subject(client, CALL_SUBJECT)
            m1 = self.new("asks_back", client, fname, addr, subj, **self.reply_kw())
            full1 = self.from_call(m1, first)
            self.label(m1, "asks_back", "signs", self.case(p), None, th)
            ask = [
                "Merci beaucoup ! Pour la vérification dans le Répertoire national des élus, pourriez-vous nous donner votre prénom en entier ?",
                "Merci ! Pourriez-vous nous préciser votre commune (et son département) ?",
                f"Merci ! Il existe plusieurs communes nommées {p.commune} : dans quel département se trouve la vôtre ?",
                "Merci pour ce message. Pourriez-vous nous indiquer le nom et le prénom du maire, ainsi que le nom complet de la commune ? Il y a beaucoup de La Chapelle…",
                "Merci ! Quel est votre mandat (commune, département, région) ?",
                "Merci ! Pour quelle région, et dans quelle section départementale ?",
                f"Merci ! Pourriez-vous nous indiquer le nom et le prénom {e(p, 'de M. le Maire', 'de Mme la Maire')} ?",
                f"Merci ! Nous ne trouvons pas de {p.prenom} {wn} parmi les élu·es {de_x(p.commune)} dans le Répertoire. Y êtes-vous inscrite sous un autre nom (nom de naissance) ?",
            ][k]
            m2, full2 = self.org_mail(
                m1, full1, f"Bonjour,\n\n{ask}\n\nBien à vous,", "asks_back", th
            )
            dd = p.dep
            answer = [
                f"{p.prenom}. Merci !",
                f"Pardon : {p.commune}{dep_tag(dd, 'num')}.",
                f"{p.commune}, {dept_name(dd)} ({dd}).",
                f"Bonjour,\n\nIl s'agit de {e(p, 'M.', 'Mme')} {p.prenom} {nom_case(p.nom)}, maire {de_x(p.commune)} ({postcode(p.commune_code)}).\n\nCordialement,\nLe secrétariat",
                f"Oui pardon ! {cap1(d['role'])} {de_dept(dd)}"
                + (f", canton {de_name(p.canton)}." if p.canton else "."),
                f"Région {p.region}, section {dept_name(dd)}.",
                f"{e(p, 'Il', 'Elle')} s'appelle {p.prenom} {particle_forms(p.nom)['annuaire']}.\n\nBonne journée",
                f"Oui, c'est ça : {nom_case(p.nom)} de naissance, {nom_case(usage)} est mon nom d'épouse.\n\n{p.prenom}",
            ][k]
            m3, _ = self.user_reply(m2, full2, fname, addr, client, answer, "asks_back")
            self.sign(m3, "asks_back", p, addr, thread=th)

    # ---------------------------------------------------------------- non-signing messages
    def sigblock(self, p: P, rng) -> str:
        d = parts(p, rng)
        return f"{display(p, rng.choice(['std', 'cased']))}\n{cap1(self.role_de(p, d))}"

    def confirmation(self, p: P, rng) -> str:
        return (
            f"Bonjour,\n\nVotre signature est bien enregistrée :\n{display(p, 'std')}, {mandate(p, rng)}\n\n"
            f"Elle sera vérifiée puis publiée le 10 décembre. Merci !\n\n{org_sig(0)}"
        )

    def question(self):
        rng = self.rng
        qs = [
            "Bonjour,\n\nNotre commune éteint déjà de 23 h à 5 h. Le point 4 nous couvrirait-il aussi pour les routes départementales qui traversent le bourg ? Je signerai selon votre réponse.",
            "Bonjour,\n\nLa liste des signataires sera-t-elle publiée avec les communes ? Je dois en parler à mon conseil avant.",
            "Bonjour,\n\nPeut-on signer au titre d'un syndicat d'énergie (je suis délégué au SDE) ou seulement au titre de la commune ?",
            "Bonjour,\n\nAuriez-vous une version imprimable de l'appel ? Je voudrais la présenter au conseil municipal du 22.",
            "Bonjour,\n\nJe suis conseillère municipale et mon mari aussi : faut-il vous écrire chacun de notre côté, ou un message suffit ?",
            "Bonjour,\n\nQuelle est la date limite ? Je n'ai plus le message d'origine.",
            "Bonjour,\n\nL'extinction des enseignes « sans dérogation » (point 3) inquiète nos pharmacies de garde. Est-ce négociable ?",
        ]
        clients = ["gmail", "outlook_desktop", "zimbra", "thunderbird", "apple", "laposte", "sfr"]
        subjects = [
            "Question avant de signer",
            "Publication ?",
            "Signature au titre du SDE",
            "Version PDF",
            "Couple d'élus",
            "date limite ?",
            "Point 3",
        ]
        for k in range(7):
            p = self.pick(
                ("mai", "cm", "cm", "cd") if k != 4 else ("cm",),
                lambda x, k=k: (
                    (k not in (0, 6) or bool(particle_of(x.nom)) or "-" in x.nom)
                    and (k != 4 or x.sexe == "F")
                ),
            )
            m = self.new("question", clients[k], display(p, "cased"), addr_of(p, rng), subjects[k])
            self.body(m, f"{qs[k]}\n\n{self.closing()}\n{self.sigblock(p, rng)}")
            self.label(m, "question", "question", "nonsigning")
            yield

    def thanks(self):
        rng = self.rng
        one = self.one_signer_msgs()
        for k in range(5):
            if k == 0:  # a refusal
                p = self.pick(("mai",), lambda x: bool(split_art(x.commune)[0]))
                m = self.new(
                    "thanks",
                    "outlook_desktop",
                    display(p, "cased"),
                    official_addr(p, rng),
                    "RE: " + CALL_SUBJECT,
                    **self.reply_kw(),
                )
                self.from_call(
                    m,
                    "Bonjour,\n\nMerci pour votre envoi. Je ne signerai pas : le conseil a voté l'an dernier un éclairage toute la nuit "
                    f"pour des raisons de sécurité, et je m'y tiens.\n\nCordialement,\n{self.sigblock(p, rng)}",
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
                    "Merci à vous, et belle réussite à l'appel !"
                    if k == 1
                    else "Parfait, merci. J'en parle à la prochaine réunion de l'intercommunalité.",
                    prev,
                    self.confirmation(p, rng),
                )
                self.label(m, "thanks", "thanks", "nonsigning", refers_to=src.file)
                continue
            p = self.pick(("cm", "cd", "mai"), lambda x: True)
            m = self.new(
                "thanks",
                ["", "", "", "roundcube", "yahoo"][k],
                display(p, "cased"),
                addr_of(p, rng),
                "Merci pour la soirée d'observation",
            )
            self.body(
                m,
                f"Bonjour,\n\nMerci pour l'invitation à la soirée d'observation du ciel du 20 novembre, j'y serai avec deux collègues.\n\n{self.sigblock(p, rng)}",
            )
            self.label(m, "thanks", "thanks", "nonsigning")

    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor
            and per[s[0].file] == 1
            and s[0].client not in ("plain", "organisers")
            and "asks_back" not in s[0].file
        ]

    def autoreply(self, late: bool):
        rng = self.rng
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        if late:
            one = self.one_signer_msgs()
            src, p, addr = one[41]
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
                f"Je suis absent{e(p, '', 'e')} jusqu'au 29 novembre. Pour toute urgence, contactez la mairie.",
                prev,
                self.confirmation(p, rng),
                html=False,
            )
            self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
            yield
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
                "be delivered to one or more recipients.\n\n<mairie@commune-disparue.example>: host not found\n\n"
                f"--- original message headers ---\nSubject: [Relance] {CALL_SUBJECT}\n"
            )
            self.label(m, "autoreply", "autoreply", "nonsigning")
            yield
            return
        for k in range(4):
            p = self.pick(("mai", "cd", "cm", "cr")[k : k + 1], lambda x: True)
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nJe suis en congé du 9 au 19 novembre 2027 inclus. Votre message sera traité à mon retour.\n\n{self.sigblock(p, rng)}",
                f"I am out of the office until 22 November. / Je suis absent{e(p, '', 'e')} jusqu'au 22 novembre.\n\n{self.sigblock(p, rng)}",
                f"Accusé de réception\n\nVotre courriel a bien été reçu par les services de la mairie {de_x(p.commune)}. Il sera transmis à {display(p, 'std')}, {d['role']}.\n\nCeci est un message automatique.",
                f"Message automatique : {display(p, 'cased')} ne consulte pas sa messagerie pendant la session plénière. Réponse après le 24/11.",
            ][k]
            m = self.new(
                "autoreply",
                ["outlook_desktop", "outlook_en", "zimbra", "gmail"][k],
                display(p, "cased") if k != 2 else f"Mairie {de_x(p.commune)}",
                addr_of(p, rng),
                [
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Automatic reply: " + CALL_SUBJECT,
                    "Accusé de réception de votre courriel",
                    "Absence",
                ][k],
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning")
            yield

    def newsletter(self):
        """A digest of another list quoting « j'ai signé » posts, and bulk letters naming officials: not signatures."""
        rng = self.rng
        bulk = "Precedence: bulk\nList-Unsubscribe: <mailto:leave-{L}@listes.{D}>"
        for k in range(4):
            ps = [self.pick(("mai", "cm", "cd"), lambda x: True) for _ in range(3)]
            if k < 2:
                posts = "\n".join(
                    f"------------------------------\n\nMessage: {i + 2}\nDate: {fr_long(self.clock.t)}\nFrom: {display(x, 'cased')} <{addr_of(x, rng)}>\n"
                    f"Subject: Re: appel nuits étoilées\n\nJ'ai signé l'appel hier soir. {display(x, 'std')}, {self.role_de(x, parts(x, rng))}\n"
                    for i, x in enumerate(ps)
                )
                vol = rng.randint(3, 9)
                text = (
                    f"Envoyez vos messages pour la liste elus-energie à\n\telus-energie@listes.reseau-energie-elus.example\n\n"
                    f"Thèmes du jour :\n\n   1. Prix de l'électricité 2028 (Rédaction)\n   2. Re: appel nuits étoilées ({len(ps)} messages)\n\n"
                    f"{posts}\n------------------------------\n\nFin de Digest elus-energie, Vol {vol}, Parution {rng.randint(10, 40)}\n"
                )
                m = self.new(
                    "newsletter",
                    "plain",
                    "",
                    "elus-energie-request@listes.reseau-energie-elus.example",
                    f"Digest elus-energie, Vol {vol}, Parution {rng.randint(10, 40)}",
                    extra=bulk.replace("{L}", "elus-energie").replace(
                        "{D}", "reseau-energie-elus.example"
                    ),
                )
                m.text = text
            elif k == 2:
                lst = "\n".join(f"• {display(x, 'std')}, {mandate(x, rng)}" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Ciel noir – La Lettre",
                    "lettre@ciel-noir-asso.example",
                    "La Lettre du ciel noir – novembre 2027",
                    extra=bulk.replace("{L}", "lettre").replace("{D}", "ciel-noir-asso.example"),
                )
                m.text = f"LA LETTRE DU CIEL NOIR – novembre 2027\n\nCes élu·es ont éteint leur commune cette année :\n{lst}\n\nAdhérez pour 15 € par an."
            else:
                lst = "; ".join(f"{display(x, 'cased')} ({mandate(x, rng)})" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Revue de presse Territoires",
                    "revue@territoires-presse.example",
                    "Revue de presse du 19 novembre",
                    extra=bulk.replace("{L}", "revue").replace("{D}", "territoires-presse.example"),
                )
                m.text = f"REVUE DE PRESSE – TERRITOIRES\n\nÉclairage public : cette semaine dans la presse régionale, {lst}.\n\nSe désinscrire : répondre STOP"
            self.label(m, "newsletter", "newsletter", "nonsigning")
            yield

    def withdraw(self):
        rng = self.rng
        one = self.one_signer_msgs()
        picks = [one[4], one[27], one[52], one[69], one[88]]
        for k, (src, p, addr) in enumerate(picks):
            client = ["iphone", src.client, "outlook_desktop", "gmail", "thunderbird"][k]
            text = [
                "Retirez ma signature svp, le conseil n'a pas suivi.",
                f"Bonjour,\n\nAprès discussion avec mon équipe, je préfère retirer ma signature de l'appel.\n\n{src.from_name or ''}".rstrip(),
                "Bonjour,\n\nMerci de supprimer mon nom de la liste des signataires : nous signerons plutôt la charte du parc naturel régional.\n\nCordialement",
                "Finalement je retire ma signature, désolé·e.",
                f"Bonjour,\n\nJe retire mon soutien à l'appel (désaccord sur le point 3, les enseignes des commerces de garde).\n\n{self.closing()}",
            ][k]
            subj = [
                "Retrait",
                "Retrait de ma signature",
                "Suppression de mon nom",
                "Re: Votre signature est enregistrée",
                "Retrait de signature",
            ][k]
            m = self.new("withdraw", client, src.from_name, addr, subj)
            if k == 3:
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[0][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(hours=26)),
                    "",
                )
                self.body(m, text, prev, self.confirmation(p, rng))
            else:
                self.body(m, text)
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [
            (
                "Support Messagerie Mairie",
                "noreply@maj-webmail-mairie.example",
                "Action requise : quota de votre boîte dépassé",
                "Bonjour,\n\nVotre boîte est pleine. Validez votre compte ici : http://maj-webmail-mairie.example/login\n",
            ),
            (
                "Éclairage LED Pro",
                "commercial@led-collectivites.example",
                "Lampadaires solaires : -40 % avant le 31/12",
                "Madame, Monsieur le Maire,\n\nRemplacez vos candélabres par nos lampadaires solaires autonomes. Devis gratuit sous 48 h.\n",
            ),
            (
                "Service Amendes",
                "avis@amendes-reglement.example",
                "Avis de contravention n° 8812-2027",
                "Bonjour,\n\nUne contravention est en attente de paiement. Réglez 35 € sous 72 h pour éviter la majoration.\n",
            ),
            (
                "Formation Élus 2028",
                "contact@formation-elus-express.example",
                "DIF élus : vos droits expirent",
                "Bonjour,\n\nUtilisez vos droits DIF élus avant la fin de l'année : formations en ligne, prise en charge 100 %.\n",
            ),
        ]
        for name, addr, subj, text in texts:
            m = self.new("spam", "plain", name, addr, subj)
            m.text = text
            self.label(m, "spam", "other", "nonsigning")
            yield

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
            ok = [s for s in self.signed if not s[1].impostor]
            sample = ok[2::11][:5]
            rows = "\n".join(f"- {display(p, 'std')} ({mandate(p, rng)})" for _, p, _ in sample)
            text = (
                f"Bonjour à toutes et à tous,\n\nPoint d'étape : l'{CALL_TITLE} a déjà reçu plus de 120 signatures, dont :\n\n{rows}\n\n"
                f"Il reste jusqu'au 3 décembre pour signer : répondez à ce message avec vos nom, prénom et mandat.\n\n{org_sig(0)}"
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
            return
        text = (
            f"{ORGANISERS[1][0]},\n\nAttention aux noms composés et aux noms d'épouse : plusieurs signataires ne sont pas au Répertoire sous le nom "
            f"qu'ils écrivent. Et il y a trois « Saint-Martin » dans la pile d'aujourd'hui. On en parle demain 9 h ?\n\n{ORGANISERS[0][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[0], ORG_ADDR, "Pointage des signatures")
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")
        st = self.staff[0]
        text = (
            f"Bonjour,\n\nEn tant que modérat{'rice' if st[0] in ('Maïwenn', 'Perrine', 'Salomé') else 'eur'} de la liste elus-nuit, je vous signale que "
            f"plusieurs réponses sont arrivées sur la liste au lieu de votre adresse. Je les ai fait suivre.\n\n{st[0]} {nom_case(st[1])}\nModération des listes"
        )
        m = self.new(
            "org_call",
            "roundcube",
            f"{st[0]} {nom_case(st[1])}",
            f"moderation@listes.{ORG_DOMAIN}",
            "Réponses arrivées sur la liste",
        )
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        self.org_call(0)
        gens = [
            self.particle_name(),
            self.compound_part(),
            self.double_first(),
            self.married_name(),
            self.same_surname(),
            self.word_names(),
            self.article_commune(),
            self.saint_abbrev(),
            self.homonym_commune(),
            self.postcode_insee(),
            self.commune_nouvelle(),
            self.plm_sector(),
            self.overseas_places(),
            self.asks_back(),
            self.question(),
            self.newsletter(),
            self.spam(),
            self.autoreply(False),
        ]
        done_report = False
        while gens:
            g = gens[self.rng.randrange(len(gens))]
            try:
                next(g)
            except StopIteration:
                gens.remove(g)
            if not done_report and len(self.signed) >= 75:
                self.org_call(1)
                done_report = True
        for _ in self.autoreply(True):
            pass
        self.thanks()
        self.withdraw()
        self.org_call(2)
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
