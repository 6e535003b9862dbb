#!/usr/bin/env python3
"""Fourth held-out petition mailbox (tests/mail_holdout4): builder.

    python tests/mail_holdout4/build.py            # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris time, with the change to winter time on 25 October 2026), Message-IDs and
MIME boundaries drawn from the generator in each client's own shape. Reads the real 2026 RNE release
(../shared/rne/release-2026, every file), one 2022 mayors file of ../shared/rne/history (former
mayors) and the COG (../shared/cog) at build time; nothing of ../shared is copied into the
repository except, in the messages, the drawn people's name, sex, mandate and place. Birth dates
are read only to tell homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages of the three earlier
held-out corpora (only their READMEs, tests/mail_holdout3/build.py for how it reads ../shared, and
the scorer). Campaign: « Appel des élu·es pour la santé de proximité » (invented).
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

SEED = 2026_1005
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "sante-proximite.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"appel@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Santé de proximité"
ORGANISERS = [
    ("Bérangère", "MAZOYER-ELISSALT"),
    ("Tristan", "QUÉVILLON-ABGRALL"),
]  # invented; checked absent
# collaborators, secretaries, directors of services: invented, checked absent from every 2026 file
STAFF = [
    ("Nadège", "FOURCHEROT"),
    ("Ludovic", "PENNANGUER"),
    ("Corinne", "BASTIDE-ROUMAGNAC"),
    ("Sébastien", "VIALLEFONDS-RIEUTORD"),
    ("Murielle", "TRAON-LESCOAT"),
    ("Arnaud", "CHASSAGNOUX-DELMAZURE"),
    ("Delphine", "AUBRESPY-LANNELONGUE"),
    ("Kévin", "MARQUESTAUT"),
    ("Sandrine", "ESCURAT-BOUYSSOU"),
    ("Thierry", "GOUZENNEC"),
    ("Emilie", "RAVELONANTOANDRO"),
    ("Pascal", "DESCHAMPEAUX-LAIR"),
    ("Gaëlle", "KERDRAON-LESTIDEAU"),
    ("Yoann", "MAZERAT-POULHÈS"),
    ("Christelle", "VIDALENCQ"),
    ("Jérôme", "SAINT-AUBERTIN"),
    ("Laurence", "BOUQUEYRAN"),
    ("Cédric", "TRÉMOUILHAC-BERGOUNIOUX"),
    ("Aurélie", "FAUCONNAUD"),
    ("Grégory", "LESCURIEUX"),
    ("Isabelle", "PORTEJOIE-MANSART"),
    ("Florent", "DUVERGEON"),
]
CALL_TITLE = "Appel des élu·es pour la santé de proximité"
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
WINTER = dt.datetime(2026, 10, 25, 3, 0)  # last Sunday of October 2026: CEST -> CET


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=1 if t >= WINTER else 2)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2026, 10, 5, 8, 20)
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


UTC_CLIENTS = {"outlook_desktop", "outlook_mac", "outlook_ios"}


def rfc_date(t: dt.datetime, client: str = "") -> str:
    if client in UTC_CLIENTS or client == "yahoo":
        u = t.astimezone(dt.UTC)
        tail = " (UTC)" if client == "yahoo" else ""
        return f"{EN_DAYS[u.weekday()]}, {u.day} {EN_MONTHS[u.month - 1]} {u.year} {u:%H:%M:%S} +0000{tail}"
    day = f"{t.day}" if client in ("gmail", "android_gmail") else f"{t.day:02d}"
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
    if client in ("gmail", "android_gmail"):
        return f"<CA{hx(rng, 1, 'BDFJKLNOP')}{hx(rng, 10, AL)}{hx(rng, 8, AL)}_{hx(rng, 20, AL)}@mail.gmail.com>"
    if client in ("apple", "iphone", "ipad", "outlook_mac"):
        return f"<{uuid(rng)}@{dom}>"
    if client == "outlook_desktop":
        return f"<000{hx(rng, 1, '01')}01db{hx(rng, 4)}${hx(rng, 8)}${hx(rng, 8)}$@{dom}>"
    if client == "outlook_ios":
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
    return f"<{ms}.{hx(rng, 10)}@{dom}>"


def boundary(client: str, rng) -> str:
    if client in ("gmail", "android_gmail"):
        return f"000000000000{hx(rng, 16)}"
    if client in ("apple", "iphone", "ipad"):
        return f"Apple-Mail={'_' if client == 'apple' else '-'}{uuid(rng)}"
    if client == "outlook_desktop":
        return f"----=_NextPart_000_{hx(rng, 4, HEXU)}_01DB{hx(rng, 4, HEXU)}.{hx(rng, 8, HEXU)}"
    if client in ("outlook_mac", "outlook_ios"):
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
}
SMART_QUOTES = {"outlook_desktop", "iphone", "ipad", "apple"}
CP1252_ONLY = set("’‘“”–—…œŒ€•")
CRLF_CLIENTS = {"outlook_desktop", "zimbra", "outlook_ios"}
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
    if m.client in ("gmail", "android_gmail", "outlook_desktop", "outlook_ios", "outlook_mac"):
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
    if client in ("gmail", "android_gmail", "outlook_ios", "outlook_mac", "thunderbird"):
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
    if client in ("gmail", "android_gmail"):
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

Urgences fermées la nuit, maternités menacées, médecins partis sans successeur : partout, l'accès aux
soins recule, et ce sont les élu·es locaux qui en recueillent les conséquences. Nous, élu·es de toutes
sensibilités, demandons :

1) qu'aucun service d'urgences ne ferme la nuit sans solution équivalente à moins de trente minutes ;
2) un moratoire sur les fermetures de maternités et de lits dans les hôpitaux de proximité ;
3) un financement pérenne des centres de santé municipaux et intercommunaux ;
4) l'association des élu·es locaux aux décisions des agences régionales de santé.

Pour signer, il suffit de répondre à ce message en indiquant vos nom, prénom et mandat (commune,
département, région ou collectivité). Chaque signature est vérifiée dans le Répertoire national des
élus avant publication, le 1er décembre 2026. Date limite : 20 novembre 2026.

Merci de faire circuler l'appel auprès de vos collègues.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} : signez avant le 20 novembre"
CALL_DATE = aware(dt.datetime(2026, 10, 5, 7, 30, 12))
LIST_HEADERS = (
    f"List-Id: <appel.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:appel-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: appel@listes." + ORG_DOMAIN
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
        """Every 4th one-signer slot is an impostor (the next one when this slot cannot be)."""
        self.slot += 1
        if self.slot % 4 == 0:
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
    def bare_line(self):
        """One line, no greeting, every order of name / mandate / place."""
        rng = self.rng
        kinds = [
            ("mai",),
            ("cm",),
            ("cm",),
            ("cm",),
            ("mai",),
            ("cd",),
            ("cm",),
            ("cr",),
            ("mdel",),
            ("cm",),
            ("cm", "mai"),
            ("mai",),
        ]
        clients = [
            "gmail",
            "orange",
            "thunderbird",
            "yahoo",
            "outlook_desktop",
            "zimbra",
            "android_gmail",
            "apple",
            "laposte",
            "roundcube",
            "iphone",
            "outlook_mac",
        ]
        for k in range(12):
            adj = k in (2, 9)
            p = self.signer(
                kinds[k],
                (lambda p: "adjoint" in p.fonction)
                if adj
                else (lambda p: "adjoint" not in p.fonction and p.commune_code != "75056"),
            )
            d = parts(p, rng)
            role, de, bare, dep, bare_d = d["role"], d["de"], d["bare"], d["dep"], d["bare_d"]
            par = f"({dep})" if dep else ""
            if k == 2 and not p.impostor:
                mand = f"{e(p, 'adjoint', 'adjointe')} {a_place(p.commune, p.tl)}" + (
                    f" {par}" if homonym(p) else ""
                )
            else:
                mand = join(role, de)
            line = [
                f"{display(p, 'inv')}, {join(role, de)} {par}".strip(),
                f"{display(p, 'std')} - {role} - {bare_d}",
                f"Je signe. {display(p, 'cased')}, {mand}",
                f"{bare} {par} : {display(p, 'inv')}, {role}".replace("  ", " "),
                f"{cap1(join(role, de))} / {display(p, 'std')} / {d['dep_name'] or bare}",
                noacc(f"{display(p, 'caps_inv')} | {join(role, de)} | {par or d['dep_name']}")
                .upper()
                .strip(" |"),
                noacc(f"{display(p, 'lower')} {role} {bare} {dep}").lower().strip(),
                f"{display(p, 'comma')} -- {join(role, de)}{' ' + par if homonym(p) else ''}",
                f"{display(p, 'std')}. {cap1(role)}. {bare_d}. Je signe.",
                f"+1 {display(p, 'cased')} {role} {bare_d}",
                f"{display(p, 'inv')} ({bare_d}, {role})",
                f"Pour moi c'est oui : {display(p, 'std')}, {join(role, de)} {par}.".replace(
                    " .", "."
                ),
            ][k]
            client = clients[k]
            addr = official_addr(p, rng) if k in (4, 5, 11) and not p.impostor else addr_of(p, rng)
            fname = [
                display(p, "cased"),
                "",
                display(p, "cased"),
                display(p, "std"),
                display(p, "cased"),
                display(p, "inv"),
                p.prenom,
                display(p, "cased"),
                "",
                display(p, "cased"),
                display(p, "cased"),
                display(p, "cased_inv"),
            ][k]
            subj = [
                "Signature",
                "Appel santé",
                "je signe",
                "",
                CALL_TITLE,
                "SIGNATURE APPEL",
                "signature",
                "Appel santé de proximité",
                "Re: " + CALL_SUBJECT,
                "Appel",
                "Je signe",
                "santé de proximité",
            ][k]
            m = self.new("bare_line", client, fname, addr, subj)
            if k == 8:
                m.to = ORG_LIST
                self.body(
                    m,
                    line,
                    Mail("", "organisers", ORG_NAME, ORG_LIST, CALL_SUBJECT, CALL_DATE, ""),
                    CALL,
                    html=False,
                )
            else:
                self.body(m, line + ("\n" if k % 3 else ""))
            self.sign(m, "bare_line", p, addr)

    def party_tag(self):
        """A party label next to the name or the mandate: brackets, after a comma, on its own line."""
        rng = self.rng
        kinds = [("cd",), ("cm",), ("mai",), ("cm",), ("cr",), ("cm",), ("mai",), ("ca",)]
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "apple",
            "thunderbird",
            "roundcube",
            "yahoo",
            "iphone",
        ]
        parties = ["PS", "EELV", "sans étiquette", "divers gauche", "PCF", "DVG", "LR", "LFI-NFP"]
        for k in range(8):
            pred = (
                (lambda p: "adjoint" in p.fonction)
                if k == 3
                else (lambda p: "adjoint" not in p.fonction and p.commune_code != "75056")
            )
            p = self.signer(kinds[k], pred, allow_imp=k not in (7,))
            d = parts(p, rng)
            pt = parties[k]
            mand = join(d["role"], d["de"])
            opp = "d'opposition " if k == 1 and not p.impostor and p.kind == "cm" else ""
            if opp:
                mand = join(d["role"], "d'opposition", a_place(p.commune, p.tl))
            if homonym(p) and d["dep"]:
                mand += f" ({d['dep']})"
            text = [
                f"Bonjour,\n\n{display(p, 'std')} ({pt}), {mand}.\n\nJe signe l'appel.",
                f"Je signe l'appel.\n\n{display(p, 'inv')}, {pt}, {mand}",
                f"Bonjour,\nJe m'associe à votre appel.\n{display(p, 'cased')} – {mand}{'' if homonym(p) or not d['dep'] else ' (' + d['dep'] + ')'} – {pt}",
                f"Bonjour,\n\nJe signe bien volontiers.\n\n{display(p, 'cased')}, {pt}, {mand}\n\n{self.closing()}",
                f"[{pt}] {display(p, 'std')}, {mand}\n\nJe signe.",
                f"Bonjour,\n\nJe signe : {display(p, 'std')}, {mand} (groupe « Ensemble pour {p.commune} », {pt})\n\n{self.closing()}",
                f"Madame, Monsieur,\n\nJe soutiens cet appel et le signe.\n\n{display(p, 'cased')}\n{cap1(mand)} ({pt})\n",
                f"Je signe !\n{display(p, 'cased')} ({pt}) – {d['role']} {ca_where(p, 'num') if p.kind == 'ca' else d['de']}",
            ][k]
            addr = addr_of(p, rng)
            m = self.new(
                "party_tag",
                clients[k],
                display(p, "cased") if k % 2 else display(p, "std"),
                addr,
                rng.choice(
                    ["Signature", "Appel santé de proximité", "Je signe l'appel", CALL_TITLE]
                ),
            )
            self.body(m, text)
            self.sign(m, "party_tag", p, addr)

    def header_name(self):
        """The name is only in the From header (any case or order); the body gives only the mandate."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "outlook_mac",
            "roundcube",
            "yahoo",
            "apple",
            "zimbra",
            "thunderbird",
        ]
        for k in range(8):
            if k == 4:
                p = self.signer(("ma",), lambda p: p.coll == "972", allow_imp=False)
            else:
                p = self.signer(
                    (("cm", "mai", "cd", "cm", "cr", "mai")[k % 6],),
                    lambda p: p.commune_code != "75056",
                )
            d = parts(p, rng)
            mand = join(d["role"], d["de"]) + (
                f" ({d['dep']})" if d["paren"] and (homonym(p) or k % 2) else ""
            )
            fname = [
                display(p, "inv"),
                f"{slug(p.prenom)}.{slug(p.nom)}",
                display(p, "comma_cased"),
                display(p, "caps"),
                display(p, "lower_inv"),
                f"{e(p, 'M.', 'Mme')} {display(p, 'cased')}",
                display(p, "cased"),
                f"{display(p, 'std')} | {d['bare']}",
            ][k]
            if k == 7:
                mand = (
                    join(d["role"], "(" + (d["dep_name"] or d["bare"]) + ")")
                    if p.kind not in ("mai", "cm", "mdel", "")
                    else d["role"]
                )
            addr = [
                f"{slug(p.nom).replace('-', '')}.{slug(p.prenom)[0]}@{rng.choice(MAILBOXES)}",
                f"{slug(p.prenom)}.{slug(p.nom)}@free.fr",
                f"{slug(p.prenom)[0]}{slug(p.nom).replace('-', '')[:6]}@outlook.fr",
                f"contact.{slug(p.nom).replace('-', '')}@orange.fr",
                f"{slug(p.nom).replace('-', '')}{rng.randint(10, 99)}@yahoo.fr",
                f"{slug(p.prenom).replace('-', '')}{slug(p.nom)[0]}@icloud.com",
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                f"{slug(p.prenom)[0]}.{slug(p.nom)}@{rng.choice(MAILBOXES)}",
            ][k]
            text = [
                f"Bonjour,\n\nEn tant que {mand}, je signe l'appel.\n\n{self.closing()}",
                f"Je signe. {cap1(mand)}.",
                f"Bonjour,\n\n{cap1(mand)}, je m'associe à l'appel et vous autorise à publier mon nom.\n\nBien à vous",
                f"Signé. {cap1(mand)}",
                f"bonjour\nje signe en tant que {noacc(mand).lower()}\nmerci",
                f"Bonjour,\n\nJe souhaite signer l'appel. Je suis {mand}.\n\nBelle journée",
                f"Bonjour,\nVous pouvez m'ajouter à la liste des signataires ({mand}).\nCordialement",
                f"Bonjour,\n\nJe signe votre appel, {'en qualité de ' + mand if p.kind not in ('mai', 'cm', 'mdel') or p.impostor else 'en tant que ' + d['role'] + ' de la commune'}.\n\nCordialement",
            ][k]
            if k == 7 and (p.kind in ("mai", "cm", "mdel") or p.impostor):
                fname = f"{display(p, 'std')} | {d['bare_d']}"
            m = self.new(
                "header_name",
                clients[k],
                fname,
                addr,
                rng.choice(["Signature", "Appel", CALL_TITLE, "Je signe", "santé de proximité"]),
            )
            if k in (3, 6) and any(ord(c) > 127 for c in fname):
                m.hdr8 = True
            self.body(m, text)
            self.sign(m, "header_name", p, addr)

    def addr_plus_first(self):
        """The body is signed with the first name only; the surname is only in the address."""
        rng = self.rng
        clients = ["orange", "gmail", "yahoo", "laposte", "apple", "iphone", "roundcube"]
        for k in range(7):
            p = self.signer(
                (("cm", "mai", "cm", "cd", "cm", "mai")[k % 6],),
                lambda p: p.commune_code != "75056",
            )
            d = parts(p, rng)
            fn, nm = slug(p.prenom), slug(p.nom)
            local = [
                f"{fn}.{nm}",
                f"{nm}.{fn}",
                f"{fn}_{nm.replace('-', '_')}",
                f"{fn}.{nm}",
                f"{nm}-{fn}" if "-" not in nm else f"{nm}.{fn}",
                f"{fn.replace('-', '')}.{nm}",
                f"{fn}.{nm}",
            ][k]
            dom = [
                rng.choice(MAILBOXES),
                "gmail.com",
                "yahoo.fr",
                "laposte.net",
                "icloud.com",
                "icloud.com",
                town_dom(p, rng) if p.commune else "free.fr",
            ][k]
            addr = f"{local}@{dom}"
            mand = join(d["role"], d["de"]) + (
                f" {d['paren']}" if d["paren"] and (homonym(p) or k % 3 == 0) else ""
            )
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{p.prenom}\n{cap1(mand)}",
                f"Je signe !\n{p.prenom}, {mand}",
                f"Bonjour,\n\nOui, je signe, en tant que {mand}.\n\nAmicalement,\n{p.prenom}",
                f"Bonjour,\n\nJe suis {mand} et je soutiens votre appel : vous pouvez ajouter mon nom.\n\nBien cordialement,\n\n{p.prenom}",
                f"Je signe l'appel pour la santé de proximité.\n\n{p.prenom}, {mand}",
                f"Ok je signe\n{p.prenom} ({mand})",
                f"Bonjour,\n\nSignature pour l'appel : {p.prenom}, {mand}.\n\n{self.closing()}\n{p.prenom}",
            ][k]
            fname = [p.prenom, "", p.prenom, "", p.prenom, p.prenom, ""][k]
            m = self.new(
                "addr_plus_first",
                clients[k],
                fname,
                addr,
                rng.choice(["Signature", "Appel", "Je signe", "appel santé"]),
            )
            self.body(m, text)
            self.sign(m, "addr_plus_first", p, addr)

    def org_sender(self):
        """The From display name is an institution, a party or an association; the official's name is in the body."""
        rng = self.rng
        for k in range(8):
            if k == 2:
                self.slot += 1
                p = self.official(("cd",), lambda p: p.fonction.startswith("Président"))
            elif k == 3:
                p = self.signer(("cr",))
            elif k == 6:
                p = self.signer(("cd",), lambda p: "Vice" in p.fonction)
            else:
                p = self.signer(
                    ("mai", "cm") if k in (0, 1, 7) else ("cm", "mai", "cd"),
                    lambda p: p.commune_code != "75056",
                )
            d = parts(p, rng)
            mand = join(d["role"], d["de"]) + (
                f" {d['paren']}" if d["paren"] and homonym(p) else ""
            )
            nm = display(p, rng.choice(["std", "cased"]))
            tdom = town_dom(p, rng) if p.commune else ""
            if k == 0:
                fname, addr = f"Mairie {de_place(p.commune, p.tl)}", f"accueil@{tdom}"
                text = f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{cap1(mand)}\n\n--\nMairie {de_place(p.commune, p.tl)}\nAccueil du public du lundi au vendredi, 9h-12h"
            elif k == 1:
                fname, addr = "Secrétariat du maire", f"secretariat.maire@{tdom}"
                text = f"Bonjour,\n\nJe vous confirme ma signature.\n{nm}, {mand}\n\nCe message est envoyé depuis la boîte du secrétariat."
            elif k == 2:
                fname, addr = (
                    "Cabinet du Président du Département"
                    if not p.f
                    else "Cabinet de la Présidente du Département",
                    f"cabinet@{dept_dom(p.dep)}",
                )
                text = (
                    f"Madame, Monsieur,\n\n{e(p, 'Le Président', 'La Présidente')} du conseil départemental {de_dept(p.dep)}, "
                    f"{nm}, {e(p, 'signe', 'signe')} l'appel des élu·es pour la santé de proximité.\n\n"
                    f"Le cabinet reste à votre disposition.\n\nCabinet {e(p, 'du Président', 'de la Présidente')}\nHôtel du Département"
                )
            elif k == 3:
                gi = rng.randrange(3)
                grp = [
                    "Groupe des élu·es écologistes",
                    "Groupe Socialistes et apparentés",
                    "Groupe Union des droites et du centre",
                ][gi]
                fname = f"{grp} – Région {p.region}" if p.region else grp
                addr = f"groupe.{['ecologiste', 'socialiste', 'udc'][gi]}@{region_dom(p.region) if p.region else 'groupes-elus.fr'}"
                text = (
                    f"Bonjour,\n\nNotre collègue {nm}, {mand}, nous demande de vous transmettre sa signature.\n\n"
                    f"Pour le groupe,\nle secrétariat"
                )
            elif k == 4:
                pt = rng.choice(["PS", "PCF", "EELV"])
                fname, addr = (
                    f"{pt} {dept_name(p.dep) if p.dep in DEPTS else ''}".strip(),
                    f"fede{p.dep.lower()}.{pt.lower()}@orange.fr",
                )
                text = (
                    f"Bonjour,\n\nJ'écris depuis l'adresse de la fédération, n'ayant pas la mienne sous la main : je signe l'appel à titre personnel.\n\n"
                    f"{nm}\n{cap1(mand)}"
                )
            elif k == 5:
                asso = rng.choice(
                    [
                        "Les Amis de l'hôpital",
                        "Comité de défense de la maternité",
                        "Association Santé pour tous",
                    ]
                )
                place = p.commune or d["bare"]
                fname, addr = f"{asso} – {place}", f"{slug(asso)[:18]}@free.fr"
                text = (
                    f"Bonjour,\n\nJe vous écris depuis la boîte de l'association que je préside, mais je signe à titre d'élu{'e' if p.f else ''} :\n"
                    f"{nm}, {mand}.\n\nBien à vous"
                )
            elif k == 6:
                fname, addr = (
                    f"Conseil départemental {de_dept(p.dep)}",
                    f"ne-pas-repondre@{dept_dom(p.dep)}",
                )
                text = f"Envoyé par : {nm}\nFonction : {cap1(mand)}\n\nMessage :\nJe signe l'appel des élu·es pour la santé de proximité."
            else:
                fname, addr = (
                    f"Ville {de_place(p.commune, p.tl)} - Communication",
                    f"communication@{tdom}",
                )
                text = (
                    f"[Logo Ville {de_place(p.commune, p.tl)}]\n\nBonjour,\n\nJe signe l'appel.\n\n{nm}\n{cap1(mand)}\n"
                    f"www.{tdom.replace('mairie-', '').replace('ville-', '')}"
                )
            client = [
                "outlook_desktop",
                "zimbra",
                "outlook_desktop",
                "thunderbird",
                "orange",
                "roundcube",
                "plain",
                "outlook_mac",
            ][k]
            m = self.new(
                "org_sender",
                client,
                fname,
                addr,
                rng.choice(
                    [
                        "Signature de l'appel",
                        "Appel santé de proximité",
                        "Transmission signature",
                        "signature",
                    ]
                ),
            )
            if k == 6:
                m.extra = "X-Mailer: Formulaire de contact"
                m.to = ORG_ADDR
            self.body(m, text)
            self.sign(m, "org_sender", p, addr)

    def phone_quick(self):
        """Smartphones: very short, no punctuation, autocorrect capitals, the footer on the text's line."""
        rng = self.rng
        clients = [
            "iphone",
            "iphone",
            "ipad",
            "outlook_ios",
            "android_gmail",
            "samsung",
            "orange_app",
            "iphone",
            "samsung",
            "iphone",
        ]
        for k in range(10):
            p = self.signer(
                (("cm", "mai", "cm", "cd", "cm", "ma", "cm", "cm", "mai", "cm")[k % 10],),
                lambda p: p.commune_code != "75056" and p.coll in ("", "69M"),
                allow_imp=k != 5,
            )
            d = parts(p, rng)
            bare = d["bare_d"]
            nm = display(p, "cased")
            text = [
                f"Je signe {nm} {d['role']} {bare}",
                f"Ok pour moi {noacc(nm)} {noacc(d['short'] if p.kind != 'cd' else d['role'])} {noacc(bare)} Envoyé de mon iPhone",
                f"Signé\n{nm}\n{cap1(join(d['role'], d['de']))}",
                f"Bonjour je signe l'appel {display(p, 'std')} {d['role']} {bare if p.kind != 'cd' else d['de']}",
                f"Oui !! 👍 {nm} {d['short']} {bare}",
                f"Je signe\n{display(p, 'inv')}\n{cap1(d['role'])}\n{bare}",
                f"je signe evidemment\n{noacc(nm).lower()} {noacc(d['role'])} {noacc(bare).lower()}",
                f"Signature OK : {nm}, {d['role']}, {bare}{' (' + d['dep'] + ')' if d['dep'] and not homonym(p) else ''}.",
                f"Je Signe. {nm} {' '.join(w.capitalize() for w in join(d['role'], d['de']).split(' '))}",
                f"Sent from my iPhone\n\nJe signe. {nm}, {join(d['role'], d['de'])}",
            ][k]
            addr = addr_of(
                p,
                rng,
                dom=[
                    "icloud.com",
                    "me.com",
                    "icloud.com",
                    "outlook.fr",
                    "gmail.com",
                    "gmail.com",
                    "orange.fr",
                    "icloud.com",
                    "hotmail.fr",
                    "icloud.com",
                ][k],
            )
            fname = [
                "",
                display(p, "cased"),
                p.prenom,
                display(p, "std"),
                display(p, "cased"),
                "",
                p.prenom,
                display(p, "cased"),
                "",
                nm,
            ][k]
            m = self.new(
                "phone_quick",
                clients[k],
                fname,
                addr,
                [
                    "Re: " + CALL_SUBJECT,
                    "Appel",
                    "",
                    "Re: " + CALL_SUBJECT,
                    "Signature",
                    "Je signe",
                    "",
                    "Re: " + CALL_SUBJECT,
                    "Signature",
                    "Appel santé",
                ][k],
                enc=("utf-8", rng.choice(["8bit", "quoted-printable", "base64"]))
                if k == 4
                else None,
            )
            if k == 1:
                m.text = text + "\n"  # the footer typed on the text's line, nothing else
            elif k in (0, 3, 7):
                m.to = ORG_LIST
                self.body(
                    m,
                    text,
                    Mail("", "organisers", ORG_NAME, ORG_LIST, CALL_SUBJECT, CALL_DATE, ""),
                    CALL,
                    html=k == 7,
                )
            elif k == 9:
                m.text = text + "\n"
            else:
                self.body(m, text, html=False)
            self.sign(m, "phone_quick", p, addr)

    def acronyms(self):
        """Initials without the usual dots and abbreviated mandates (CM, adj., VP CD, CR AuRA, cons. dép.)."""
        rng = self.rng
        reg = self.reg

        def uniq_init(p: P) -> bool:
            return reg.init_dep[(fold(p.nom), fold(initials(p.prenom)), p.dep)] == 1

        plan = [
            ("cm", "std", lambda p: "-" in p.prenom and not p.fonction),
            ("cm", "nodot", lambda p: "-" in p.prenom and not p.fonction),
            ("cm", "dots", lambda p: "-" in p.prenom and "adjoint" in p.fonction),
            ("cd", None, lambda p: "Vice" in p.fonction),
            ("cr", None, lambda p: not p.fonction),
            ("cd", None, lambda p: not p.fonction),
            ("cm", None, lambda p: "adjoint" in p.fonction),
            ("cm", None, lambda p: not p.fonction),
            ("cd", "hy", lambda p: "-" in p.prenom),
            ("cr", "std", lambda p: True),
        ]
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "outlook_mac",
            "thunderbird",
            "apple",
            "roundcube",
            "yahoo",
            "laposte",
            "gmail",
        ]
        for k in range(10):
            kind, ist, pr = plan[k]
            if ist:
                self.slot += 1
                p = self.official(
                    (kind,), lambda p, pr=pr: pr(p) and uniq_init(p) and p.commune_code != "75056"
                )
            else:
                p = self.signer((kind,), lambda p, pr=pr: pr(p) and p.commune_code != "75056")
            d = parts(p, rng)
            nm = (
                f"{initials(p.prenom, ist)} {p.nom if k % 2 == 0 else nom_case(p.nom)}"
                if ist and not p.impostor
                else display(p, "std" if k % 2 else "cased")
            )
            bare = d["bare_d"]
            dep = d["dep"]
            line = [
                f"{nm}, cons. mun. {de_place(p.commune, p.tl) if p.commune else ''} ({dep})",
                f"{nm}, CM {bare} ({dep})" if not homonym(p) else f"{nm}, CM {bare}",
                f"{nm} – adj. au maire {de_place(p.commune, p.tl) if p.commune else ''}"
                + (f" ({dep})" if homonym(p) else ""),
                f"{nm}, {d['short']}",
                f"{nm}, {d['short']} ({d['dep_name'] or p.region})",
                f"{nm} - {d['short'] if d['short'].startswith('CD') else 'CD ' + dep} - canton {de_name(p.canton) if p.canton else ''}",
                f"{nm}, {d['short']} {bare}",
                f"{nm}, CMD (cons. mun. {e(p, 'délégué', 'déléguée')} {rng.choice(DELEGATIONS)}), {bare}",
                f"{nm}, cons. dép. {de_dept(p.dep) if p.dep in DEPTS else ''}",
                f"{nm}, cons. rég. {REGION_SHORT.get(p.region_code, p.region) if p.region_code else p.commune}",
            ][k]
            if p.impostor:
                line = f"{nm}, {d['short']} {d['bare']} ({dep})"
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{line}",
                f"Je signe.\n{line}",
                f"Bonjour,\nsignature : {line}\nCdlt",
                f"Bonjour,\n\nJe m'associe à l'appel.\n\n{self.closing()}\n\n{line}",
                f"{line}\n\nsigne l'appel.",
                f"Bonjour,\n\nJe signe : {line}.\n\nBàv",
                f"Signature\n{line}",
                f"Bonjour, je signe. {line}",
                f"Madame, Monsieur,\n\nJe vous prie d'enregistrer ma signature.\n\n{line}",
                f"Je signe l'appel — {line}",
            ][k]
            addr = addr_of(p, rng)
            fname = nm if k % 3 else ""
            m = self.new(
                "acronyms",
                clients[k],
                fname,
                addr,
                rng.choice(["Signature", "Appel", "sign.", "Appel santé"]),
            )
            self.body(m, text)
            self.sign(m, "acronyms", p, addr)

    def arrdt_short(self):
        """Arrondissement councillors of Paris, Lyon, Marseille written the short way."""
        rng = self.rng
        plan = [
            ("Paris", lambda n: n >= 5, "conseillère du {n}e"),
            ("Lyon", lambda n: True, "élu du {n}e arrdt"),
            ("Marseille", lambda n: True, "Marseille {a}/{b}"),
            ("Paris", lambda n: n >= 5, "cons. d'arr. Paris {n}"),
            ("Paris", lambda n: n >= 5, "adj"),
            ("Marseille", lambda n: True, "maire"),
            ("Lyon", lambda n: True, "élue à la mairie du {n}e"),
            ("Paris", lambda n: n == 1, "Paris Centre"),
        ]
        clients = [
            "gmail",
            "iphone",
            "yahoo",
            "thunderbird",
            "outlook_desktop",
            "zimbra",
            "apple",
            "roundcube",
        ]
        for k in range(8):
            city, okn, form = plan[k]

            def pred(p, city=city, okn=okn, form=form):
                c, n = sector(p)
                if c != city or not okn(n):
                    return False
                if form == "adj":
                    return "adjoint" in p.fonction
                if form == "maire":
                    return p.fonction.startswith("Maire")
                return not p.fonction

            self.slot += 1
            p = self.official(("ca",), pred)
            c, n = sector(p)
            a, b = 2 * n - 1, 2 * n
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            role = e(p, "conseiller", "conseillère")
            mand = [
                f"{role} du {n}e (Paris)",
                f"{e(p, 'élu', 'élue')} du {n}{'er' if n == 1 else 'e'} arrdt de Lyon",
                f"{role} de secteur, Marseille {a}/{b}",
                f"cons. d'arr. Paris {n}",
                f"{ordinal(rank(p.fonction), p)} {e(p, 'adjoint', 'adjointe')} au maire du {n}e, Paris",
                f"maire des {a}{'er' if a == 1 else 'e'} et {b}e arrondissements de Marseille",
                f"{e(p, 'élu', 'élue')} à la mairie du {n}{'er' if n == 1 else 'e'} (Lyon), conseil d'arrondissement",
                f"{role} d'arrondissement Paris Centre",
            ][k]
            text = [
                f"Bonjour,\n\nJe signe. {nm}, {mand}.\n\n{self.closing()}",
                f"Je signe\n{nm}\n{mand}",
                f"Bonjour, je signe l'appel : {nm} ({mand})",
                f"Bonjour,\n\n{nm}\n{mand}\n\nsigne l'appel des élu·es pour la santé de proximité.",
                f"Madame, Monsieur,\n\nJe m'associe pleinement à cet appel.\n\n{nm}\n{cap1(mand)}",
                f"Bonjour,\n\nAu nom de mes convictions, je signe l'appel.\n\n{nm}, {mand}",
                f"Bonjour,\n\nJe signe.\n\n{nm}\n{cap1(mand)}",
                f"Signature : {nm}, {mand}.",
            ][k]
            addr = addr_of(p, rng) if k % 2 else official_addr(p, rng)
            m = self.new(
                "arrdt_short",
                clients[k],
                display(p, "cased"),
                addr,
                rng.choice(["Signature", "Appel santé", "Je signe"]),
            )
            self.body(m, text)
            self.sign(m, "arrdt_short", p, addr)

    def periphrasis(self):
        """The mandate described by its function: « première magistrate », « je représente le canton … »."""
        rng = self.rng
        plan = [
            ("mai", lambda p: True),
            ("ma", lambda p: p.coll == "94"),
            ("cm", lambda p: not p.fonction and p.commune_code != "75056"),
            ("mai", lambda p: True),
            ("cd", lambda p: not p.fonction),
            ("cr", lambda p: not p.fonction),
            ("mai", lambda p: True),
            ("cd6AE", None),
            ("ma", lambda p: p.coll == "69M"),
            ("cm", lambda p: "adjoint" in p.fonction),
        ]
        clients = [
            "outlook_desktop",
            "gmail",
            "thunderbird",
            "apple",
            "zimbra",
            "roundcube",
            "yahoo",
            "outlook_mac",
            "gmail",
            "laposte",
        ]
        for k in range(10):
            kind, pr = plan[k]
            if kind == "cd6AE":
                self.slot += 1
                p = self.take(
                    "cd",
                    lambda p: p.dep == "6AE" and not p.fonction,
                    extra_ok=lambda p: (
                        " " not in p.prenom
                        and ident(p.nom, p.prenom) not in self.used
                        and self.reg.unique(p)
                        and "POUSE" not in p.nom
                    ),
                )
            elif kind == "ma":
                self.slot += 1
                p = self.official((kind,), pr)
            else:
                p = self.signer((kind,), pr)
            wc = where_commune(p, rng) if p.commune else ""
            nm = display(p, rng.choice(["std", "cased"]))
            if p.impostor:
                s = (
                    f"je suis {e(p, 'le premier magistrat', 'la première magistrate')} {wc}"
                    if p.fonction == "Maire"
                    else f"je siège au conseil municipal {wc}"
                )
            else:
                s = [
                    f"je suis {e(p, 'le premier magistrat', 'la première magistrate')} {wc}",
                    f"je suis {e(p, 'élu', 'élue')} à l'Assemblée de Corse",
                    f"je suis {e(p, 'conseiller délégué', 'conseillère déléguée')} {rng.choice(DELEGATIONS)} {a_place(p.commune, p.tl)}"
                    + (f" ({p.dep})" if homonym(p) else ""),
                    f"je porte l'écharpe de maire {wc} depuis mars",
                    f"je représente le canton {de_name(p.canton)} au conseil départemental {de_dept(p.dep)}",
                    f"je siège dans l'hémicycle régional {de_place(p.region, p.region_tl)}, {e(p, 'élu', 'élue')} sur la section {de_dept(p.dep) if p.dep in DEPTS else p.dep}",
                    f"{e(p, 'édile', 'édile')} {wc}, je signe",
                    f"je siège à la Collectivité européenne d'Alsace pour le canton {de_name(p.canton)}",
                    f"je siège au conseil de la Métropole de Lyon, {e(p, 'élu', 'élue')} de la circonscription métropolitaine",
                    f"j'occupe le fauteuil de {ordinal(rank(p.fonction), p, 'word')} {e(p, 'adjoint', 'adjointe')} {a_place(p.commune, p.tl)}"
                    + (f" ({p.dep})" if homonym(p) else ""),
                ][k]
            text = [
                f"Madame, Monsieur,\n\n{cap1(s.removeprefix('je suis le ').removeprefix('je suis la ')) + ',' if s.startswith('je suis') else cap1(s) + ' :'} je mesure chaque jour les difficultés d'accès aux soins. Je signe votre appel.\n\n{self.closing()}\n\n{nm}",
                f"Bonjour,\n\n{cap1(s)} et je signe l'appel.\n\n{nm}",
                f"Bonjour,\n\nJe m'appelle {nm} ; {s}. Vous pouvez compter sur ma signature.",
                f"Bonjour,\n\n{cap1(s)}, et la fermeture des urgences de nuit nous touche directement. Je signe.\n\n{nm}",
                f"Madame, Monsieur,\n\n{cap1(s)}. À ce titre, je signe l'appel.\n\nRespectueusement,\n{nm}",
                f"Bonjour,\n\n{cap1(s)} et je m'associe à votre appel.\n\n{nm}",
                f"Bonjour,\n\n{cap1(s)} l'appel sans hésiter.\n\n{nm}"
                if s.startswith("édile")
                else f"Bonjour,\n\n{cap1(s)} et je signe l'appel sans hésiter.\n\n{nm}",
                f"Guten Tag, bonjour,\n\n{cap1(s)} et je signe l'appel.\n\n{nm}",
                f"Bonjour,\n\n{cap1(s)}. Je signe.\n\n{nm}",
                f"Bonjour,\n\n{cap1(s)} et je signe l'appel.\n\n{self.closing()}\n{nm}",
            ][k]
            addr = addr_of(p, rng)
            m = self.new(
                "periphrasis",
                clients[k],
                display(p, "cased"),
                addr,
                rng.choice(["Signature", "Appel santé", "Je signe l'appel", CALL_TITLE]),
            )
            self.body(m, text)
            self.sign(m, "periphrasis", p, addr)

    def html_card(self):
        """HTML signature cards (logo alt text, name split over tags, entities); the text part says nothing useful."""
        rng = self.rng
        clients = ["outlook_desktop", "gmail", "apple", "zimbra", "outlook_mac", "thunderbird"]
        for k in range(6):
            p = self.signer(
                (("mai", "cm", "cd", "cm", "ma", "mai")[k % 6],),
                lambda p: p.commune_code != "75056" and p.coll in ("", "94"),
                allow_imp=k != 4,
            )
            d = parts(p, rng)
            mand = join(d["role"], d["de"]) + (
                f" {d['paren']}" if d["paren"] and homonym(p) else ""
            )
            inst = (
                f"Ville {de_place(p.commune, p.tl)}"
                if p.commune
                else f"Département {de_dept(p.dep)}"
                if p.kind == "cd"
                else f"Région {p.region}"
            )
            fn_h, nm_h = esc(p.prenom), esc(p.nom)
            if k == 2:
                fn_h = (
                    fn_h.replace("é", "&eacute;")
                    .replace("è", "&egrave;")
                    .replace("ë", "&euml;")
                    .replace("ç", "&ccedil;")
                )
                nm_h = nm_h.replace("É", "&Eacute;").replace("È", "&Egrave;")
            name_html = [
                f"<b>{fn_h}</b> <b>{nm_h}</b>",
                f'<span style="font-weight:bold;color:#003366">{fn_h}&nbsp;{nm_h}</span>',
                f"<strong>{fn_h}<br>{nm_h}</strong>",
                f'<span style="font-size:14pt">{fn_h}</span> <span style="font-size:14pt;text-transform:uppercase">{esc(nom_case(p.nom))}</span>',
                f"<b>{nm_h}</b>&nbsp;<i>{fn_h}</i>",
                f'<font color="#1F497D"><b>{fn_h} {nm_h}</b></font>',
            ][k]
            lines = esc(cap1(mand))
            if k == 1:
                lines = lines.replace(" ", "&nbsp;", 2)
            card = (
                f'<table cellpadding="0" cellspacing="0" border="0" style="font-family:Arial,sans-serif;font-size:10pt"><tr>'
                f'<td style="padding-right:12px;border-right:2px solid #0a6ebd"><img src="cid:logo{k}@signature" alt="Logo {esc(inst)}" width="80"></td>'
                f'<td style="padding-left:12px">{name_html}<br><span style="color:#0a6ebd">{lines}</span><br>'
                f'<span style="color:#888">{esc(inst)}</span><br>'
                f'<a href="https://www.facebook.com/"><img src="cid:fb@signature" alt="Facebook"></a> '
                f'<a href="https://www.linkedin.com/"><img src="cid:li@signature" alt="LinkedIn"></a></td></tr></table>'
            )
            intro = [
                "Bonjour,",
                "Je signe.",
                "Bonjour,<br><br>Je signe l'appel.",
                "Bonjour,",
                "Je signe l'appel.",
                "Bonjour,",
            ][k]
            lead = [
                "Je signe l'appel, bien volontiers.",
                "",
                "",
                "Je soutiens cet appel et le signe.",
                "Bien cordialement,",
                "Je signe.",
            ][k]
            html = (
                f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={{CHARSET}}"></head><body>\n<p>{intro}</p>\n'
                + (f"<p>{esc(lead)}</p>\n" if lead else "")
                + f"<p>&nbsp;</p>\n{card}\n</body></html>\n"
            )
            text = [
                None,
                "Je signe.\n\n",
                "Votre client de messagerie ne permet pas d'afficher ce message. Merci de l'ouvrir avec un client compatible HTML.",
                None,
                "Je signe l'appel.\nBien cordialement,\n\n[Logo]",
                None,
            ][k]
            addr = official_addr(p, rng) if not p.impostor else addr_of(p, rng)
            m = self.new(
                "html_card",
                clients[k],
                display(p, "cased") if k % 2 else "",
                addr,
                rng.choice(["Signature", "Appel santé de proximité", "Je signe"]),
            )
            m.text, m.html = text, html
            self.sign(m, "html_card", p, addr)

    def split_subject(self):
        """The name in the subject and the mandate in the body, or the other way round."""
        rng = self.rng
        clients = ["gmail", "outlook_desktop", "thunderbird", "iphone", "yahoo", "zimbra"]
        for k in range(6):
            p = self.signer(
                (("cm", "mai", "cm", "cm", "cd", "ma")[k % 6],),
                lambda p: p.commune_code != "75056" and p.coll in ("", "973"),
                allow_imp=k != 5,
            )
            d = parts(p, rng)
            mand = join(d["role"], d["de"]) + (f" {d['paren']}" if d["paren"] else "")
            subj, text = [
                (
                    f"Signature – {display(p, 'std')}",
                    f"Bonjour,\n\n{cap1(mand)}, je signe l'appel.\n\n{self.closing()}",
                ),
                (f"Appel santé : {mand}", f"Je signe.\n\n{display(p, 'cased')}"),
                (
                    f"Re: {CALL_SUBJECT} [{display(p, 'inv')}]",
                    f"Bonjour,\n\nJe signe en tant que {mand}.\n\nCordialement",
                ),
                (f"{display(p, 'cased')} signe", f"{cap1(d['role'])}, {d['bare_d']}"),
                (f"Je signe / {mand}", f"Bien à vous,\n{display(p, 'std')}"),
                (
                    f"Signature de {e(p, 'M.', 'Mme')} {display(p, 'std')}, {mand}, pour l'{CALL_TITLE}",
                    "cf. objet",
                ),
            ][k]
            addr = addr_of(p, rng)
            m = self.new("split_subject", clients[k], [p.prenom, "", "", "", "", ""][k], addr, subj)
            self.body(m, text, html=False)
            self.sign(m, "split_subject", p, addr)

    def cumul(self):
        """People holding two mandates in 2026 who write both; labelled with the one written first."""
        rng = self.rng
        reg = self.reg
        combos = [
            ("mai", "cd"),
            ("cd", "mai"),
            ("cm", "cr"),
            ("mai", "cr"),
            ("cm", "cd"),
            ("cr", "cm"),
        ]
        for k in range(6):
            a_kind, b_kind = combos[k]
            self.slot += 1

            def has_other(p: P, b_kind=b_kind, a_kind=a_kind) -> bool:
                rows = reg.rows_of[ident(p.nom, p.prenom)]
                if a_kind == "cm" and ("adjoint" not in p.fonction or p.commune_code == "75056"):
                    return False
                return any(
                    r.kind == b_kind and r.prenom and (r.kind != "cd" or r.dep in DEPTS)
                    for r in rows
                )

            p = self.official((a_kind,), has_other)
            other = next(r for r in reg.rows_of[ident(p.nom, p.prenom)] if r.kind == b_kind)
            if b_kind == "cm":
                other = next(
                    (
                        r
                        for r in reg.rows_of[ident(p.nom, p.prenom)]
                        if r.kind == "cm" and "adjoint" in r.fonction
                    ),
                    other,
                )
            m1 = mandate(p, rng)
            m2 = mandate(other, rng)
            nm = display(p, rng.choice(["std", "cased"]))
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{cap1(m1)}\n{cap1(m2)}",
                f"Je signe : {nm}, {m1} et {m2}.",
                f"Bonjour,\n\n{nm}\n{cap1(m1)}, {m2}\n\nsigne l'appel.",
                f"Madame, Monsieur,\n\n{cap1(m1)} et {m2}, je ne peux que soutenir cet appel. Je le signe.\n\n{nm}",
                f"Bonjour,\n\nSignature : {nm} — {m1} / {m2}\n\n{self.closing()}",
                f"Bonjour,\n\nJe signe volontiers.\n\n{self.closing()}\n\n{nm}\n{cap1(m1)}\n{cap1(m2)}",
            ][k]
            client = ["outlook_desktop", "gmail", "zimbra", "apple", "thunderbird", "roundcube"][k]
            addr = official_addr(p, rng)
            m = self.new(
                "cumul",
                client,
                display(p, "cased"),
                addr,
                rng.choice(["Signature", "Appel santé de proximité", "Je signe"]),
            )
            self.body(m, text)
            self.sign(m, "cumul", p, addr)

    def po_staff(self):
        """Staff write for the official (« P/O le Maire », « Pour le maire et par délégation ») and name them."""
        rng = self.rng
        for k in range(6):
            p = self.signer(
                ("mai",) if k not in (2, 3) else ("cd",) if k == 2 else ("cr",),
                (lambda p: p.fonction.startswith("Président")) if k == 2 else (lambda p: True),
                allow_imp=k not in (2, 3),
            )
            sf, sn = self.staff.pop()
            staff = f"{sf} {sn}"
            d = parts(p, rng)
            mand = join(d["role"], d["de"]) + (
                f" {d['paren']}" if d["paren"] and homonym(p) else ""
            )
            nm = display(p, rng.choice(["std", "cased"]))
            hdep = f" ({p.dep})" if homonym(p) else ""
            tdom = (
                town_dom(p, rng)
                if p.commune
                else dept_dom(p.dep)
                if p.kind == "cd"
                else region_dom(p.region)
            )
            if k == 0:
                text = (
                    f"Bonjour,\n\n{e(p, 'Monsieur le Maire', 'Madame la Maire')}, {nm}, m'a {'chargée' if sf.endswith('e') else 'chargé'} de vous transmettre sa signature pour l'appel "
                    f"des élu·es pour la santé de proximité.\n\nP/O le Maire\n{staff}\nSecrétaire de mairie\nMairie {de_place(p.commune, p.tl)}{hdep}"
                )
                subj = "Signature de M. le Maire" if not p.f else "Signature de Mme la Maire"
            elif k == 1:
                text = (
                    f"Madame, Monsieur,\n\nJe vous informe que {e(p, 'le Maire', 'la Maire')} {de_place(p.commune, p.tl)}{hdep} signe l'appel.\n\n"
                    f"Pour le maire et par délégation,\n{'La directrice générale' if sf.endswith('e') else 'Le directeur général'} des services,\n{staff}"
                )
                subj = f"Appel santé de proximité – signature de {nm}, {mand}"
            elif k == 2:
                text = (
                    f"Madame, Monsieur,\n\n{e(p, 'Le Président', 'La Présidente')} du conseil départemental {de_dept(p.dep)}, {nm}, "
                    f"souhaite apporter sa signature à l'appel des élu·es pour la santé de proximité.\n\n"
                    f"Pour {e(p, 'le Président', 'la Présidente')} et par délégation,\n{'La directrice' if sf.endswith('e') else 'Le directeur'} de cabinet\n{staff}"
                )
                subj = "Appel santé de proximité"
            elif k == 3:
                text = (
                    f"Bonjour,\n\nPour {e(p, 'M.', 'Mme')} {nm}, {mand}, dont je suis {'la collaboratrice' if sf in FIRST_F or sf.endswith('e') else 'le collaborateur'} : "
                    f"{e(p, 'il', 'elle')} signe l'appel.\n\nBien cordialement,\n{staff}\nCollaborat{'rice' if sf.endswith('e') else 'eur'} de groupe"
                )
                subj = "Signature"
            elif k == 4:
                text = (
                    f"Bonjour,\n\nSignature pour l'appel :\n\nP/O {nm}, {mand}\n{sf}, secrétariat"
                )
                subj = "Appel santé"
            else:
                text = (
                    f"Bonjour,\n\nSuite à notre échange téléphonique, je vous confirme que {e(p, 'M. le Maire', 'Mme la Maire')} signe l'appel.\n\n"
                    f"{e(p, 'Le Maire', 'La Maire')},\n{nm}\nMairie {de_place(p.commune, p.tl)}{hdep}\n\nP/O : {initials(sf)} {sn}"
                )
                subj = "Re: appel santé de proximité"
            addr = [
                f"mairie@{tdom}",
                f"dgs@{tdom}",
                f"cabinet@{tdom}",
                f"{slug(sf)}.{slug(sn)}@{tdom}",
                f"secretariat@{tdom}",
                f"accueil@{tdom}",
            ][k]
            fname = [
                f"Mairie {de_place(p.commune, p.tl)}" if p.commune else "",
                staff,
                f"{staff} (Cabinet)",
                staff,
                f"Secrétariat Mairie {p.commune}" if p.commune else "Secrétariat",
                f"{e(p, 'Mairie', 'Mairie')} {de_place(p.commune, p.tl)}" if p.commune else "",
            ][k]
            client = [
                "zimbra",
                "outlook_desktop",
                "outlook_desktop",
                "thunderbird",
                "orange",
                "laposte",
            ][k]
            m = self.new("po_staff", client, fname, addr, subj)
            self.body(m, text)
            self.sign(m, "po_staff", p, addr)

    # ---------------------------------------------------------------- shapes: several signers per message
    def epci_mayors(self, n: int, pred=lambda ep: True):
        for _ in range(5000):
            ep = EPCIS[self.rng.randrange(len(EPCIS))]
            if not pred(ep):
                continue
            ms = [self.reg.mayor_of.get(c["code"]) for c in ep["membres"]]
            ms = [x for x in ms if x is not None and self.ok(x) and not x.dep.startswith("97")]
            if len(ms) >= n + 1:
                pick = self.rng.sample(ms, n)
                for x in pick:
                    self.use(x)
                return ep, pick
        raise RuntimeError("epci")

    def same(self, kind: str, key, n: int, pred=lambda p: True) -> list[P]:
        """n officials of one kind sharing key(p) (département, région, commune)."""
        pool = self.reg.pool[kind]
        for _ in range(5000):
            seed = pool[self.rng.randrange(len(pool))]
            if not self.ok(seed) or not pred(seed):
                continue
            k = key(seed)
            group = [x for x in pool if key(x) == k and self.ok(x) and pred(x)]
            if len(group) >= n:
                pick = self.rng.sample(group, n)
                for x in pick:
                    self.use(x)
                return pick
        raise RuntimeError(kind)

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

    def free_mayor_commune(self, ep: dict, taken: list[P]) -> str:
        codes = [
            c["code"]
            for c in ep["membres"]
            if c["code"] in COMMUNES and all(t.commune_code != c["code"] for t in taken)
        ]
        return codes[self.rng.randrange(len(codes))]

    def canton_relay(self):
        """One official relays the signatures of mayors of their territory (and signs, or not)."""
        rng = self.rng
        for k in range(6):
            ep, mayors = self.epci_mayors(4 if k == 5 else 3)
            dep = mayors[0].dep
            self.slot += len(mayors)
            relayer, relayer_signs = None, False
            if k in (0, 2, 4):
                relayer = self.take("cd", lambda p, dep=dep: p.dep == dep)
                relayer_signs = k == 0
            elif k in (1, 3):
                relayer = mayors[0]
                relayer_signs = True
            imp = None
            if k == 2:
                imp = self.impostor(
                    "mayor_elsewhere", commune_code=self.free_mayor_commune(ep, mayors)
                )
            elif k == 4:
                imp = self.impostor("invented", commune_code=self.free_mayor_commune(ep, mayors))
            elif k == 5:
                imp = self.impostor("former_2022", commune_code=mayors[0].commune_code)
            listed = [x for x in mayors if not (k in (1, 3) and x is relayer)]
            if imp:
                listed.insert(rng.randrange(len(listed) + 1), imp)
            el = epci_label(ep["nom"])
            if k == 0:
                names = [f"{de_place(x.commune, x.tl)} ({display(x, 'cased')})" for x in listed]
                text = (
                    f"Bonjour,\n\nLors de la réunion des maires de mon secteur, hier soir, les maires {', '.join(names[:-1])} et {names[-1]} "
                    f"m'ont demandé de vous transmettre leur signature. J'y joins la mienne.\n\n{self.closing()}\n\n"
                    f"{display(relayer, 'std')}\n{cap1(mandate(relayer, rng))}"
                )
            elif k == 1:
                items = "\n".join(f"- {x.commune} : {display(x, 'std')}" for x in listed)
                text = (
                    f"Bonjour,\n\nRéunis hier en bureau communautaire de la {el} ({dept_name(dep)}), les maires suivants signent l'appel :\n\n"
                    f"{items}\n- {relayer.commune} : moi-même, {display(relayer, 'std')}\n\n{self.closing()}\n{display(relayer, 'cased')}\n"
                    f"Maire {de_place(relayer.commune, relayer.tl)}"
                )
            elif k == 2:
                items = "\n".join(f"{display(x, 'cased')} pour {x.commune}" for x in listed)
                text = (
                    f"Bonjour,\n\nJe vous transmets les signatures de plusieurs maires de la {el} ({dept_name(dep)}) qui m'ont sollicité"
                    f"{'e' if relayer.f else ''} :\n\n{items}\n\n(tous maires de leur commune). Pour ma part, je ne signe pas : mon groupe "
                    f"n'a pas encore arrêté sa position.\n\n{display(relayer, 'std')}\n{cap1(mandate(relayer, rng))}"
                )
            elif k == 3:
                a, b = listed
                text = (
                    f"Bonjour,\n\nJe signe l'appel. Mes collègues {display(a, 'std')} (maire {de_place(a.commune, a.tl)}) et "
                    f"{display(b, 'std')} (maire {de_place(b.commune, b.tl)}), qui n'ont pas d'adresse électronique à jour depuis les élections, "
                    f"m'ont demandé de signer en leur nom.\n\n{display(relayer, 'cased')}\nMaire {de_place(relayer.commune, relayer.tl)} ({dep})"
                )
            elif k == 4:
                items = "\n".join(f"{x.commune} : {display(x, 'inv')}, maire" for x in listed)
                text = (
                    f"Bonjour,\n\nVoici les maires du territoire ({el}, {dept_name(dep)}) qui souhaitent signer :\n\n{items}\n\n"
                    f"Merci de les ajouter à la liste.\n\n{display(relayer, 'std')}\n{cap1(mandate(relayer, rng))}"
                )
            else:
                sf, sn = self.staff.pop()
                items = "\n".join(
                    f"  • {display(x, 'std')}, maire {de_place(x.commune, x.tl)}" for x in listed
                )
                text = (
                    f"Bonjour,\n\nÀ la demande des élus de la {el} ({dept_name(dep)}), je vous transmets la signature des maires suivants :\n\n"
                    f"{items}\n\nBien cordialement,\n\n{sf} {sn}\nChargé{'e' if sf.endswith('e') else ''} de mission santé – {el}"
                )
            client = ["outlook_desktop", "zimbra", "gmail", "orange", "thunderbird", "outlook_mac"][
                k
            ]
            if relayer is not None:
                addr = official_addr(relayer, rng)
                fname = display(relayer, "cased")
            else:
                addr = f"sante@{slug(ep['nom'])[:20]}.fr"
                fname = f"{el[:1].upper()}{el[1:]}"
            m = self.new(
                "canton_relay",
                client,
                fname,
                addr,
                rng.choice(
                    [
                        "Signatures des maires",
                        "Appel santé : signatures du territoire",
                        f"Signatures {el}",
                        "Appel santé de proximité",
                    ]
                ),
            )
            self.body(m, text)
            if relayer_signs:
                self.sign(m, "canton_relay", relayer, addr)
            for x in listed:
                self.label(m, "canton_relay", "signs", "", x)

    def pasted_table(self):
        """A table pasted in the text: CSV, tab-separated, ASCII art, Markdown, pipes."""
        rng = self.rng
        for k in range(6):
            rows: list[P] = []
            if k == 0:
                rows = self.commune_group(2, with_mayor=True)
            elif k == 1:
                rows = self.same("cd", lambda p: p.dep, 3)
            elif k == 2:
                _, rows = self.epci_mayors(3)
            elif k == 3:
                rows = self.same("cr", lambda p: p.dep, 3, lambda p: not p.fonction)
                rows.insert(1, self.impostor("invented"))
            elif k == 4:
                rows = self.commune_group(3)
                rows.insert(2, self.impostor("other_first", surname_commune=rows[0].commune_code))
            else:
                rows = [
                    self.take("ma", lambda p: p.coll == "69M"),
                    self.take("ma", lambda p: p.coll == "69M"),
                    self.take("ca", lambda p: sector(p)[0] == "Lyon"),
                    self.take("cm", lambda p: p.commune_code == "69123" and not p.fonction),
                ]
            self.slot += len(rows)
            cols = [(x.nom, x.prenom, parts(x, rng), x) for x in rows]
            if k == 0:
                tab = "Nom;Prénom;Mandat;Commune;Dpt\n" + "\n".join(
                    f"{n};{pn};{cap1(d['role'])};{x.commune};{x.dep}" for n, pn, d, x in cols
                )
                intro = "Bonjour,\n\nVoici les signatures de notre équipe (copié depuis notre tableur) :"
            elif k == 1:
                tab = "NOM\tPRENOM\tFONCTION\tCANTON\n" + "\n".join(
                    f"{n}\t{pn}\t{cap1(d['role'])} {de_dept(x.dep)}\t{pretty(x.canton)}"
                    for n, pn, d, x in cols
                )
                intro = (
                    "Bonjour,\n\nNous sommes trois conseillers départementaux à signer l'appel :"
                )
            elif k == 2:
                w = [
                    max(len(a) for a in col) + 2
                    for col in zip(
                        *[("Nom", "Prénom", "Commune", "Mandat")]
                        + [(n, pn, x.commune, "Maire") for n, pn, _, x in cols],
                        strict=True,
                    )
                ]
                sep = "+" + "+".join("-" * x for x in w) + "+"
                tab = "\n".join(
                    [sep, ascii_row(("Nom", "Prénom", "Commune", "Mandat"), w), sep]
                    + [ascii_row((n, pn, x.commune, "Maire"), w) for n, pn, _, x in cols]
                    + [sep]
                )
                intro = f"Bonjour,\n\nLes maires ci-dessous ({dept_name(cols[0][3].dep)}) signent l'appel :"
            elif k == 3:
                tab = '"Nom","Prénom","Mandat","Section"\n' + "\n".join(
                    f'"{n}","{pn}","{cap1(d["role"]) if not x.impostor else "Conseiller régional" if not x.f else "Conseillère régionale"} {de_place(rows[0].region, rows[0].region_tl)}","{dept_name(rows[0].dep)}"'
                    for n, pn, d, x in cols
                )
                intro = "Bonjour,\n\nCi-dessous, au format CSV, les élu·es de notre groupe au conseil régional qui signent l'appel :"
            elif k == 4:
                cm_code = rows[0].commune_code
                tab = "| Nom | Prénom | Fonction |\n|---|---|---|\n" + "\n".join(
                    f"| {nom_case(n)} | {pn} | {cap1(d['role']) if not x.impostor else e(x, 'Conseiller municipal', 'Conseillère municipale')} |"
                    for n, pn, d, x in cols
                )
                intro = f"Bonjour,\n\nLes élus suivants du conseil municipal {de_place(COMMUNES[cm_code]['nom'], COMMUNES[cm_code].get('typeLiaison'))} ({COMMUNES[cm_code]['departement']}) signent l'appel :"
            else:
                tab = "Nom | Prénom | Mandat\n" + "\n".join(
                    f"{n} | {pn} | {cap1(join(d['role'], d['de']))}" for n, pn, d, x in cols
                )
                intro = "Bonjour,\n\nSignatures d'élu·es lyonnais·es :"
            first_real = next(x for x in rows if not x.impostor)
            sender_is_signer = k in (0, 1, 3)
            if sender_is_signer:
                sender = first_real
                tail = f"\n\n{self.closing()}\n{display(sender, 'cased')}"
                addr, fname = official_addr(sender, rng), display(sender, "cased")
            else:
                sf, sn = self.staff.pop()
                tail = f"\n\nBien à vous,\n{sf} {sn}\nassistant{'e' if sf.endswith('e') else ''} de groupe"
                addr, fname = f"{slug(sf)}.{slug(sn)}@{rng.choice(MAILBOXES)}", f"{sf} {sn}"
            text = f"{intro}\n\n{tab}{tail}"
            client = ["outlook_desktop", "thunderbird", "roundcube", "gmail", "apple", "zimbra"][k]
            m = self.new(
                "pasted_table",
                client,
                fname,
                addr,
                rng.choice(
                    [
                        "Signatures",
                        "Signatures groupe",
                        "Appel santé – liste",
                        "Liste de signataires",
                    ]
                ),
            )
            self.body(m, text, html=False)
            for x in rows:
                self.label(m, "pasted_table", "signs", "", x)
                if x is rows[0]:
                    self.signed.append((m, x, addr))

    def numbered_list(self):
        """Numbered lists of signers from different places (1) … 2) …, 1. …, a) …, n°1 : …)."""
        rng = self.rng
        for k in range(6):
            if k == 0:
                ep, people = self.epci_mayors(4)
                head = f"Bonjour,\n\nLes maires de la {epci_label(ep['nom'])} ({dept_name(people[0].dep)}) signent l'appel :"
            elif k == 1:
                seed = self.take("cd", lambda p: p.f and not p.fonction)
                people = [seed] + [
                    self.take(
                        "cm", lambda p, d=seed.dep: p.dep == d and p.f and p.commune_code != "75056"
                    )
                    for _ in range(3)
                ]
                imp = self.impostor("other_first", surname_commune=people[2].commune_code)
                imp.sexe = "F"
                imp.prenom = self.first_for(imp.nom, "F")
                people.insert(3, imp)
                head = f"Bonjour,\n\nLe réseau des élues {de_dept(seed.dep)} s'associe à l'appel. Signent :"
            elif k == 2:
                people = self.same("cd", lambda p: p.dep, 3, lambda p: not p.fonction)
                head = f"Madame, Monsieur,\n\nLes élu·es du groupe d'opposition au conseil départemental {de_dept(people[0].dep)} signent l'appel :"
            elif k == 3:
                people = self.same("cr", lambda p: p.region_code, 3)
                head = f"Bonjour,\n\nTrois conseillers régionaux {de_place(people[0].region, people[0].region_tl)} signent :"
            elif k == 4:
                seed = self.take("mai", lambda p: not p.dep.startswith("97"))
                people = [seed] + [
                    self.take(kd, lambda p, d=seed.dep: p.dep == d and p.commune_code != "75056")
                    for kd in ("cm", "cm")
                ]
                people.insert(2, self.impostor("former_2022", commune_code=seed.commune_code))
                head = (
                    f"Bonjour,\n\nNous sommes quelques élus {de_dept(seed.dep)} à vouloir signer :"
                )
            else:
                people = [
                    self.take("ca", lambda p: sector(p)[0] == "Paris" and sector(p)[1] >= 5)
                    for _ in range(3)
                ]
                people.append(self.take("cm", lambda p: p.commune_code == "75056"))
                head = "Bonjour,\n\nÉlu·es parisien·nes, nous signons l'appel :"
            self.slot += len(people)
            fmt = ["{i})", "{i}.", "{i}/", "{a})", "n°{i} :", "{i} –"][k]
            items = []
            for i, x in enumerate(people, 1):
                mk = fmt.format(i=i, a="abcdefg"[i - 1])
                if x.kind == "ca":
                    mand = f"{e(x, 'conseiller', 'conseillère')} d'arrondissement ({ca_where(x, 'num')})"
                else:
                    mand = mandate(x, rng, force_dep=k in (1, 4) and homonym(x))
                if k == 0 and not x.impostor:
                    mand = f"maire {de_place(x.commune, x.tl)}"
                items.append(f"{mk} {display(x, rng.choice(['std', 'cased', 'inv']))}, {mand}")
            sender = people[0] if k != 5 else people[-1]
            text = (
                f"{head}\n\n"
                + "\n".join(items)
                + f"\n\n{self.closing()}\n{display(sender, 'cased')}"
            )
            client = ["gmail", "outlook_desktop", "thunderbird", "apple", "yahoo", "roundcube"][k]
            addr = official_addr(sender, rng)
            m = self.new(
                "numbered_list",
                client,
                display(sender, "cased"),
                addr,
                rng.choice(["Signatures", "Appel santé de proximité", "Nous signons"]),
            )
            self.body(m, text, html=k == 1)
            for x in people:
                self.label(m, "numbered_list", "signs", "", x)
            self.signed.append((m, sender, addr))

    def fwd_block(self, style: str, p: P, addr: str, t: dt.datetime, subj: str, body: str) -> str:
        w = f"{display(p, 'cased')} <{addr}>"
        if style == "gmail":
            return (
                f"---------- Message transféré ---------\nDe : {w}\nDate: {FR_DAY_ABBR[t.weekday()]} {t.day} {FR_MON_ABBR[t.month - 1]} "
                f"{t.year} à {t:%H:%M}\nSubject: {subj}\nTo: <{ORG_ADDR.replace('signatures', 'contact')}>\n\n{body}\n"
            )
        if style == "outlook":
            return f"De : {w}\nEnvoyé : {fr_long(t)}\nÀ : contact@{ORG_DOMAIN}\nObjet : {subj}\n\n{body}\n"
        if style == "apple":
            return (
                f"Début du message réexpédié :\n\nDe: {w}\nObjet: {subj}\nDate: {t.day} {FR_MONTHS[t.month - 1]} {t.year} à {t:%H:%M:%S} "
                f"UTC+{int(offset(t)[1:3])}\nÀ: contact@{ORG_DOMAIN}\n\n{body}\n"
            )
        if style == "thunderbird":
            return (
                f"-------- Message transféré --------\nSujet : \t{subj}\nDate : \t{EN_DAYS[t.weekday()]}, {t.day} {EN_MONTHS[t.month - 1]} "
                f"{t.year} {t:%H:%M:%S} {offset(t)}\nDe : \t{w}\nPour : \tcontact@{ORG_DOMAIN}\n\n\n{body}\n"
            )
        return (
            f'----- Mail transféré -----\nDe: "{display(p, "cased")}" <{addr}>\nÀ: contact@{ORG_DOMAIN}\nEnvoyé: '
            f"{fr_long(t, cap=True, secs=True)}\nObjet: {subj}\n\n{body}\n"
        )

    def multi_forward(self):
        """Several forwarded messages in one mail, each with its client's forward header."""
        rng = self.rng
        styles = [
            ["gmail", "outlook", "apple"],
            ["outlook", "outlook"],
            ["thunderbird", "gmail", "zimbra"],
            ["apple", "zimbra"],
            ["gmail", "gmail", "thunderbird"],
        ]
        for k in range(5):
            inner = [self.signer(("cm", "mai", "cd", "cm", "cr")) for _ in styles[k]]
            fwd_signs = k in (1, 3)
            if fwd_signs:
                fwd = self.signer(("cm", "cd"), allow_imp=False)
                faddr, fname = official_addr(fwd, rng), display(fwd, "cased")
            else:
                sf, sn = self.staff.pop()
                faddr, fname = f"{slug(sf)}.{slug(sn)}@{rng.choice(MAILBOXES)}", f"{sf} {sn}"
            blocks = []
            t0 = (self.clock.t - dt.timedelta(days=3)).replace(
                hour=9, minute=self.rng.randint(0, 59)
            )
            for i, (st, x) in enumerate(zip(styles[k], inner, strict=True)):
                a = addr_of(x, rng)
                d = parts(x, rng)
                mand = join(d["role"], d["de"]) + (
                    f" {d['paren']}" if d["paren"] and homonym(x) else ""
                )
                b = rng.choice(
                    [
                        f"Bonjour,\n\nJe signe l'appel.\n\n{display(x, 'std')}\n{cap1(mand)}",
                        f"Je signe : {display(x, 'cased')}, {mand}.",
                        f"Bonjour,\nmerci de transmettre : je signe.\n{display(x, 'cased')}, {mand}",
                    ]
                )
                blocks.append(
                    self.fwd_block(
                        st,
                        x,
                        a,
                        aware(t0 + dt.timedelta(hours=3 * i, minutes=self.rng.randint(0, 50))),
                        "Appel santé",
                        b,
                    )
                )
            if fwd_signs:
                intro = (
                    f"Bonjour,\n\nJe vous transfère les signatures reçues à ma permanence, et je signe moi aussi : {display(fwd, 'std')}, "
                    f"{mandate(fwd, rng)}.\n\n"
                )
            else:
                intro = f"Bonjour,\n\nJe vous transfère ci-dessous {len(inner)} signatures reçues sur la boîte du groupe.\n\nBien à vous,\n{fname}\n\n"
            text = intro + "\n\n".join(blocks)
            client = ["gmail", "outlook_desktop", "thunderbird", "apple", "gmail"][k]
            m = self.new(
                "multi_forward",
                client,
                fname,
                faddr,
                ("TR: " if client.startswith("outlook") else "Fwd: ") + "Appel santé (signatures)",
            )
            self.body(m, text, html=False)
            if fwd_signs:
                self.sign(m, "multi_forward", fwd, faddr)
            for x in inner:
                self.label(m, "multi_forward", "signs", "", x)

    # ---------------------------------------------------------------- threads
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

    def typo(self, s: str) -> str:
        w = list(s)
        for _ in range(50):
            i = self.rng.randrange(1, len(w) - 1)
            if w[i].isalpha() and w[i + 1].isalpha() and w[i] != w[i + 1]:
                w[i], w[i + 1] = w[i + 1], w[i]
                return "".join(w)
        return s[:-1]

    def thread_namefix(self):
        """A name written wrong, corrected in a reply (by the signer alone, or after the organisers' question)."""
        rng = self.rng
        for t in range(5):
            th = f"T{t + 1:02d}-namefix"
            if t in (2, 3):
                self.slot += 1
                nick_ok = (
                    [
                        "Emmanuel",
                        "Frédéric",
                        "Alexandre",
                        "Nicolas",
                        "Sébastien",
                        "Christophe",
                        "Maximilien",
                        "Jean-François",
                    ]
                    if t == 2
                    else [
                        "Catherine",
                        "Stéphanie",
                        "Véronique",
                        "Isabelle",
                        "Nathalie",
                        "Jacqueline",
                        "Bénédicte",
                        "Elisabeth",
                    ]
                )
                p = self.official(
                    ("mai", "cm") if t == 2 else ("cm",),
                    lambda p, nk=nick_ok: p.prenom in nk and p.commune_code != "75056",
                )
            elif t == 4:
                self.slot += 1
                p = self.official(
                    ("cm", "mai", "cd"),
                    lambda p: (
                        p.nom.count("-") == 1
                        and len(p.nom.split("-")[0]) > 3
                        and p.commune_code != "75056"
                    ),
                )
            else:
                p = self.signer(
                    ("cm", "mai", "cd", "cm"),
                    lambda p: len(p.prenom) > 5 and len(p.nom) > 4 and p.commune_code != "75056",
                )
            d = parts(p, rng)
            mand = join(d["role"], d["de"]) + (
                f" {d['paren']}" if d["paren"] and homonym(p) else ""
            )
            client = ["apple", "gmail", "outlook_desktop", "iphone", "zimbra"][t]
            addr = addr_of(p, rng)
            if t == 0:
                bad = self.typo(p.prenom)
                while not self.reg.absent(p.nom, bad):
                    bad = self.typo(p.prenom)
                text = f"Bonjour,\n\nJe signe l'appel.\n\n{bad} {p.nom}\n{cap1(mand)}"
                m1 = self.new(
                    "thread_namefix",
                    client,
                    f"{bad} {nom_case(p.nom)}",
                    addr,
                    "Signature appel santé",
                )
                t1 = self.body(m1, text)
                self.label(m1, "thread_namefix", "signs", self.case(p), None, th)
                fix = f"Coquille dans mon message : mon prénom s'écrit {p.prenom}, et non {bad}. Merci de corriger !"
                m2 = self.new(
                    "thread_namefix",
                    client,
                    f"{bad} {nom_case(p.nom)}",
                    addr,
                    "Re: Signature appel santé",
                    lo=4,
                    hi=15,
                    in_reply_to=m1.mid,
                    references=m1.mid,
                )
                self.body(m2, fix, m1, t1)
                self.sign(m2, "thread_namefix", p, addr, th)
                continue
            if t == 3:
                nick = self.NICK[p.prenom]
                text = f"Je signe ! {nick} {nom_case(p.nom)}, {mand}"
                m1 = self.new(
                    "thread_namefix", client, f"{nick} {nom_case(p.nom)}", addr, "Appel santé"
                )
                t1 = self.body(m1, text)
                self.label(m1, "thread_namefix", "signs", self.case(p), None, th)
                fix = f"Précision : à l'état civil (et donc au répertoire des élus) je suis {p.prenom} {p.nom}, {nick} n'est que mon prénom d'usage."
                m2 = self.new(
                    "thread_namefix",
                    client,
                    f"{nick} {nom_case(p.nom)}",
                    addr,
                    "Re: Appel santé",
                    lo=30,
                    hi=300,
                    in_reply_to=m1.mid,
                    references=m1.mid,
                )
                self.body(m2, fix, m1, t1)
                self.sign(m2, "thread_namefix", p, addr, th)
                continue
            if t == 1:
                bad = self.typo(p.nom)
                while not self.reg.absent(bad, p.prenom):
                    bad = self.typo(p.nom)
                written, q_ = (
                    f"{p.prenom} {bad}",
                    f"Nous ne trouvons pas de « {bad} » dans le Répertoire national des élus. Pouvez-vous vérifier l'orthographe de votre nom ?",
                )
                ans = f"Pardon, faute de frappe ! C'est {p.nom} : {' - '.join(noacc(p.nom).replace('-', ''))}."
            elif t == 2:
                nick = self.NICK[p.prenom]
                written = f"{nick} {p.nom}"
                q_ = "Merci ! Pour la vérification au répertoire des élus, pouvez-vous nous donner votre prénom d'état civil ?"
                ans = f"Bonjour, c'est {p.prenom} ({nick} pour tout le monde).\n\n{self.closing()}"
            else:
                short = nom_case(p.nom.split("-")[0])
                written = f"{p.prenom} {short}"
                q_ = f"Nous ne trouvons pas de {p.prenom} {short} avec ce mandat. Votre nom est-il composé ?"
                ans = f"Oui, mon nom complet est {p.nom} ; j'utilise souvent le premier seulement. {p.prenom} {nom_case(p.nom)}"
            text = f"Bonjour,\n\nJe signe : {written}, {mand}.\n\n{self.closing()}"
            m1 = self.new(
                "thread_namefix",
                client,
                written,
                addr,
                rng.choice(["Signature", "Appel santé de proximité", "Je signe"]),
            )
            t1 = self.body(m1, text)
            self.label(m1, "thread_namefix", "signs", self.case(p), None, th)
            m2, t2 = self.org_mail(
                m1,
                t1,
                f"Bonjour,\n\n{'' if q_.startswith('Merci') else 'Merci pour votre signature. '}{q_}",
                "thread_namefix",
                th,
            )
            m3, _ = self.user_reply(m2, t2, written, addr, client, ans, "thread_namefix")
            self.sign(m3, "thread_namefix", p, addr, th)

    def thread_staff(self):
        """Staff sign « pour le maire et par délégation » without naming them; the name comes when the organisers ask."""
        rng = self.rng
        for t in range(4):
            th = f"T{t + 6:02d}-staff"
            self.slot += 1
            if t == 2:
                p = self.official(("cd",), lambda p: p.fonction.startswith("Président"))
            elif t == 3:
                p = self.official(
                    ("cm",),
                    lambda p: p.fonction.startswith("1er adjoint") and p.commune_code != "75056",
                )
            else:
                p = self.impostor("mayor_elsewhere") if t == 0 else self.official(("mdel",))
            sf, sn = self.staff.pop()
            staff = f"{sf} {sn}"
            fem_staff = sf.endswith("e")
            if p.kind == "cd":
                dom = dept_dom(p.dep)
                who_ = f"{e(p, 'le Président', 'la Présidente')} du conseil départemental {de_dept(p.dep)}"
                sig = f"Pour {e(p, 'le Président', 'la Présidente')} et par délégation,\n{staff}\n{'Cheffe' if fem_staff else 'Chef'} de cabinet"
                ask = f"pouvez-vous nous confirmer les nom et prénom {e(p, 'du Président', 'de la Présidente')} ?"
                ans = (
                    f"Bonjour,\n\nIl s'agit de {e(p, 'M.', 'Mme')} {display(p, 'std')}.\n\n{staff}"
                )
            else:
                dom = town_dom(p, rng)
                wc = where_commune(p, rng, force_dep=True)
                if p.kind == "mai" or p.impostor:
                    who_ = f"{e(p, 'M. le Maire', 'Mme la Maire')} {wc}"
                    ask = f"pouvez-vous nous indiquer les nom et prénom {e(p, 'de M. le Maire', 'de Mme la Maire')} ?"
                    ans = f"Bonjour,\n\n{e(p, 'M. le Maire', 'Mme la Maire')} s'appelle {display(p, 'cased')}.\n\nCordialement,\n{staff}"
                elif p.kind == "mdel":
                    who_ = (
                        f"{e(p, 'le maire délégué', 'la maire déléguée')} de notre commune déléguée"
                    )
                    ask = f"pouvez-vous nous indiquer le nom {e(p, 'du maire délégué', 'de la maire déléguée')} ?"
                    ans = f"Il s'agit de {display(p, 'std')}, {e(p, 'maire délégué', 'maire déléguée')}.\n\n{staff}"
                else:
                    who_ = e(p, "notre premier adjoint", "notre première adjointe")
                    ask = f"pouvez-vous nous donner le nom de {e(p, 'ce premier adjoint', 'cette première adjointe')} ?"
                    ans = f"{e(p, 'M.', 'Mme')} {display(p, 'inv')}, {ordinal(1, p)} {e(p, 'adjoint', 'adjointe')}.\n{staff}"
                sig = f"Pour le maire et par délégation,\n{staff}\n{'Secrétaire générale' if fem_staff else 'Secrétaire général'} de mairie"
                if p.kind != "mai" and not p.impostor:
                    sig += f"\nMairie {wc}" + (" (commune nouvelle)" if p.kind == "mdel" else "")
            text = f"Madame, Monsieur,\n\n{cap1(who_)} souhaite signer l'appel des élu·es pour la santé de proximité.\n\n{sig}"
            client = ["zimbra", "outlook_desktop", "outlook_desktop", "laposte"][t]
            addr = f"{slug(sf)}.{slug(sn)}@{dom}" if t % 2 else f"secretariat@{dom}"
            m1 = self.new(
                "thread_staff",
                client,
                staff if t % 2 else f"Secrétariat – {staff}",
                addr,
                "Appel santé de proximité",
            )
            t1 = self.body(m1, text)
            self.label(m1, "thread_staff", "signs", self.case(p), None, th)
            m2, t2 = self.org_mail(
                m1,
                t1,
                f"Bonjour,\n\nMerci beaucoup ! Pour la vérification au Répertoire national des élus, {ask}",
                "thread_staff",
                th,
            )
            m3, _ = self.user_reply(m2, t2, m1.from_name, addr, client, ans, "thread_staff")
            self.sign(m3, "thread_staff", p, addr, th)

    def reply_all(self):
        """A signer writes with colleagues in copy; they answer all, one after the other."""
        rng = self.rng
        for t in range(4):
            th = f"T{t + 10:02d}-replyall"
            if t == 2:
                a, b, c = self.same("cd", lambda p: p.dep, 3)
            else:
                a, b, c = self.commune_group(2, with_mayor=True)
                if t == 1:
                    b = self.impostor("other_first", surname_commune=a.commune_code)
            self.slot += 3
            addrs = [
                official_addr(x, rng) if not x.impostor else addr_of(x, rng) for x in (a, b, c)
            ]
            names = [display(x, "cased") for x in (a, b, c)]
            ma = mandate(a, rng, force_dep=True)
            ca = [self.rng.choice(["gmail", "outlook_desktop"]), "iphone", "thunderbird", "zimbra"]
            cl = [
                ["outlook_desktop", "iphone", "gmail"],
                ["zimbra", "android_gmail", "apple"],
                ["outlook_desktop", "outlook_ios", "outlook_desktop"],
                ["gmail", "gmail", "iphone"],
            ][t]
            del ca
            text1 = (
                f"Bonjour,\n\nJe signe l'appel et je mets en copie mes collègues, libres de signer aussi.\n\n{self.closing()}\n\n"
                f"{display(a, 'std')}\n{cap1(ma)}"
            )
            m1 = self.new(
                "reply_all",
                cl[0],
                names[0],
                addrs[0],
                rng.choice(["Appel santé de proximité", "Signature + collègues en copie"]),
            )
            m1.to = ORG_ADDR
            m1.cc = f"{names[1]} <{addrs[1]}>, {names[2]} <{addrs[2]}>"
            t1 = self.body(m1, text1)
            self.sign(m1, "reply_all", a, addrs[0], th)
            d = parts(b, rng)
            mb = (
                join(d["role"], "" if t != 2 and not b.impostor else d["de"])
                if not b.impostor
                else join(d["role"])
            )
            text2 = [
                f"Je signe aussi.\n{display(b, 'std')}, {mb}",
                f"Idem pour moi : {display(b, 'cased')}, {mb}",
                f"Je m'associe. {display(b, 'std')}, {mb}",
                f"Moi aussi ! {display(b, 'cased')} ({mb})",
            ][t]
            m2, t2 = self.user_reply(
                m1,
                t1,
                names[1],
                addrs[1],
                cl[1],
                text2,
                "reply_all",
                cc=f"{names[0]} <{addrs[0]}>, {names[2]} <{addrs[2]}>",
            )
            m2.to = ORG_ADDR
            self.sign(m2, "reply_all", b, addrs[1], th)
            dc = parts(c, rng)
            mc = dc["role"]
            if t == 3:
                text3 = (
                    f"Pour ma part je ne signe pas, je préfère attendre la position de notre groupe. Bonne soirée à tous.\n\n"
                    f"{display(c, 'std')}\n{cap1(mc)}"
                )
            else:
                text3 = [
                    f"Je signe également. {display(c, 'std')}, {mc}.",
                    f"Bonjour,\n\nJe signe moi aussi.\n\n{display(c, 'cased')}\n{cap1(mc)}",
                    f"Je signe aussi : {display(c, 'std')}, {mc} (canton {de_name(c.canton)})."
                    if c.kind == "cd"
                    else f"Je signe aussi : {display(c, 'std')}, {mc}.",
                ][t]
            m3, _ = self.user_reply(
                m2,
                t2,
                names[2],
                addrs[2],
                cl[2],
                text3,
                "reply_all",
                cc=f"{names[0]} <{addrs[0]}>, {names[1]} <{addrs[1]}>",
            )
            m3.to = ORG_ADDR
            if t == 3:
                self.label(m3, "reply_all", "other", "nonsigning", None, th)
            else:
                self.sign(m3, "reply_all", c, addrs[2], th)

    def thread_inline(self):
        """The organisers ask three numbered questions; the answers come between the quoted lines."""
        rng = self.rng
        questions = [
            "1. vos nom et prénom ;",
            "2. votre mandat ;",
            "3. votre commune (ou département, région, collectivité).",
        ]
        for t in range(4):
            th = f"T{t + 14:02d}-inline"
            p = self.signer(("cm", "mai", "cd", "cm"), lambda p: p.commune_code != "75056")
            d = parts(p, rng)
            addr = addr_of(p, rng)
            client = ["thunderbird", "roundcube", "gmail", "apple"][t]
            fname = [p.prenom, "", p.prenom, f"{p.prenom} {p.nom[0]}."][t]
            text = [
                f"Je signe !\n{p.prenom}",
                "Bonjour, je signe votre appel. Bonne journée.",
                f"Bonjour,\n\nCompte sur moi pour l'appel.\n\n{p.prenom}",
                f"Je signe.\n{p.prenom}",
            ][t]
            m1 = self.new(
                "thread_inline",
                client,
                fname,
                addr,
                rng.choice(["Appel", "Re: " + CALL_SUBJECT, "signature"]),
            )
            t1 = self.body(m1, text)
            self.label(m1, "thread_inline", "signs", self.case(p), None, th)
            ask = (
                "Bonjour,\n\nMerci ! Pour vérifier votre signature, pourriez-vous nous préciser :\n\n"
                + "\n".join(questions)
            )
            m2, t2 = self.org_mail(m1, t1, ask, "thread_inline", th)
            place = d["bare"] + (f" ({d['dep']})" if d["dep"] and p.kind != "cd" else "")
            answers = [display(p, ["inv", "caps_inv", "std", "cased"][t]), d["role"], place]
            # the organisers' message quoted line by line, the answers in between
            lines = t2.split("\n")
            out = []
            for line in lines:
                out.append(q(line) if line else ">")
                for i, qq in enumerate(questions):
                    if line == qq:
                        a = answers[i] if t != 1 else answers[i].upper()
                        out.append(f"\n{a}\n" if t != 3 else f"--> {a}")
            prev = m2
            who_line = {
                "thunderbird": f"Le {prev.date:%d/%m/%Y} à {prev.date:%H:%M}, {prev.from_name} a écrit :",
                "roundcube": f"Le {prev.date:%Y-%m-%d %H:%M}, {prev.from_name} a écrit :",
                "gmail": f"Le {FR_DAY_ABBR[prev.date.weekday()]} {prev.date.day} {FR_MON_ABBR[prev.date.month - 1]} {prev.date.year} à {prev.date:%H:%M}, {who(prev)} a écrit :",
                "apple": f"> Le {prev.date.day} {FR_MON_ABBR[prev.date.month - 1]} {prev.date.year} à {prev.date:%H:%M}, {who(prev)} a écrit :",
            }[client]
            top = [
                "Bonjour, réponses dans le texte.",
                "",
                "Bonjour,\nvoir mes réponses ci-dessous (en rouge).",
                "",
            ][t]
            body = (
                (top + "\n\n" if top else "")
                + who_line
                + "\n"
                + "\n".join(out)
                + ("\n\nMerci à vous !" if t in (0, 3) else "")
            )
            m3 = self.new(
                "thread_inline",
                client,
                fname,
                addr,
                self.reply_subject(client, m2.subject),
                lo=15,
                hi=240,
                in_reply_to=m2.mid,
                references=(m2.references + " " + m2.mid).strip(),
            )
            m3.text = body
            if t == 2:
                red = "".join(
                    (
                        f'<div><span style="color:#ff0000"><b>{esc(x.strip())}</b></span></div>\n'
                        if x.strip() and not x.startswith(">")
                        else f"<div>{esc(x[2:] if x.startswith('> ') else x[1:])}</div>\n"
                        if x.startswith(">")
                        else "<div><br></div>\n"
                    )
                    for x in out
                )
                m3.html = (
                    f'<div dir="ltr">{html_lines(top)}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
                    f'{esc(who_line)}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
                    f'rgb(204,204,204);padding-left:1ex">{red}</blockquote></div>\n'
                )
            self.sign(m3, "thread_inline", p, addr, th)

    # ---------------------------------------------------------------- non-signing
    def sigblock(self, p: P, rng) -> str:
        d = parts(p, rng)
        return f"{display(p, rng.choice(['std', 'cased']))}\n{cap1(join(d['role'], d['de']))}"

    def question(self):
        rng = self.rng
        for k in range(8):
            p = (
                self.official(("cd",), lambda p: p.fonction.startswith("Président"))
                if k == 0
                else self.official(
                    ("mai",) if k in (3, 5, 7) else ("cr",) if k == 6 else ("cm", "mai", "cd"),
                    (lambda p: p.region_code == "04")
                    if k == 6
                    else (lambda p: p.commune_code != "75056"),
                )
            )
            addr = addr_of(p, rng) if k not in (0, 3, 7) else official_addr(p, rng)
            client = [
                "outlook_desktop",
                "iphone",
                "gmail",
                "zimbra",
                "outlook_mac",
                "thunderbird",
                "gmail",
                "roundcube",
            ][k]
            sig = self.sigblock(p, rng)
            fname = display(p, "cased")
            if k == 0:
                sf, sn = self.staff.pop()
                fname, addr = f"{sf} {sn}", f"{slug(sf)}.{slug(sn)}@{dept_dom(p.dep)}"
                text = (
                    f"Madame, Monsieur,\n\n{e(p, 'Le Président', 'La Présidente')} du conseil départemental {de_dept(p.dep)}, {display(p, 'std')}, "
                    f"s'interroge : peut-{e(p, 'il', 'elle')} signer à titre personnel sans engager l'institution ? Le texte sera-t-il publié avec "
                    f"la mention des fonctions ?\n\nCordialement,\n{sf} {sn}\nCabinet {e(p, 'du Président', 'de la Présidente')}"
                )
                subj = "Question avant signature"
            elif k == 1:
                d = parts(p, rng)
                text = f"C quoi la date limite ? {display(p, 'cased')} {d['role']} {d['bare_d']}"
                subj = "Re: " + CALL_SUBJECT
            elif k == 2:
                text = (
                    f"Bonjour,\n\nAvant de signer : le texte est-il encore amendable ? Le point 2 me gêne un peu, notre maternité a fermé "
                    f"il y a dix ans et personne ne demande sa réouverture.\n\n{sig}"
                )
                subj = "Re: " + CALL_SUBJECT
            elif k == 3:
                col = self.colleague(p.commune_code, lambda o: "adjoint" in o.fonction)
                text = (
                    f"Bonjour,\n\nEst-ce que mon adjointe peut signer aussi, ou faut-il qu'elle vous écrive elle-même ? Il s'agit de "
                    f"{display(col, 'std')}, {ordinal(rank(col.fonction), col)} {e(col, 'adjoint', 'adjointe')}.\n\n{self.closing()}\n{sig}"
                )
                if not col.f:
                    text = text.replace("mon adjointe", "mon adjoint").replace("qu'elle", "qu'il")
                subj = "Question"
            elif k == 4:
                text = (
                    f"Bonjour,\n\nPeut-on signer en tant que conseiller communautaire seulement ? Plusieurs collègues de l'intercommunalité "
                    f"me posent la question.\n\nBien cordialement,\n\n{sig}"
                )
                subj = "Signature au titre de l'intercommunalité ?"
            elif k == 5:
                o1 = self.official(("mai",), lambda o, d_=p.dep: o.dep == d_)
                o2 = self.official(("cd",), lambda o, d_=p.dep: o.dep == d_)
                text = (
                    f"Bonjour,\n\nVous devriez contacter {display(o1, 'std')}, {mandate(o1, rng)}, et {display(o2, 'cased')}, "
                    f"{mandate(o2, rng)} : je pense qu'{e(o1, 'ils', 'ils')} signeraient volontiers. Pour ma part, je dois d'abord en parler à "
                    f"mon conseil municipal, je reviens vers vous.\n\n{sig}"
                )
                subj = "Suggestions de signataires"
            elif k == 6:
                text = (
                    f"Hello,\n\nIs the call open to elected officials from the overseas regions? Our situation in La Réunion is quite specific "
                    f"(CHU, evacuations sanitaires). Merci de me dire.\n\nBest,\n{sig}"
                )
                subj = "Question – outre-mer"
            else:
                text = (
                    f"Bonjour,\n\nNotre conseil municipal a voté hier une motion de soutien à l'appel. Est-il possible de signer au nom du "
                    f"conseil tout entier, plutôt que chaque élu séparément ?\n\n{self.closing()}\n\n{sig}"
                )
                subj = "Motion du conseil municipal"
            m = self.new("question", client, fname, addr, subj)
            if subj.startswith("Re: "):
                m.to = ORG_LIST
                self.body(
                    m,
                    text,
                    Mail("", "organisers", ORG_NAME, ORG_LIST, CALL_SUBJECT, CALL_DATE, ""),
                    CALL,
                )
            else:
                self.body(m, text)
            self.label(m, "question", "question", "nonsigning")

    def confirmation(self, p: P, rng) -> str:
        return (
            f"Bonjour,\n\nNous avons bien enregistré votre signature de l'appel :\n{display(p, 'std')}, {mandate(p, rng)}\n\n"
            f"Elle sera vérifiée puis publiée le 1er décembre. Merci !\n\n{org_sig(0)}"
        )

    def thanks(self):
        rng = self.rng
        officials_signed = [
            s for s in self.signed if not s[1].impostor and fold(s[1].nom) in fold(s[0].from_name)
        ]
        for k in range(8):
            client = [
                "outlook_desktop",
                "gmail",
                "apple",
                "zimbra",
                "thunderbird",
                "outlook_desktop",
                "iphone",
                "android_gmail",
            ][k]
            refers = ""
            if k in (2, 6):
                src, p, addr = officials_signed[(17 if k == 2 else 41) % len(officials_signed)]
                fname = src.from_name
                if k == 2:
                    text = f"Bonjour,\n\nMerci, mais j'ai déjà signé la semaine dernière !\n\n{self.sigblock(p, rng)}"
                    m = self.new("thanks", client, fname, addr, "Re: " + CALL_SUBJECT)
                    m.to = ORG_LIST
                    self.body(
                        m,
                        text,
                        Mail("", "organisers", ORG_NAME, ORG_LIST, CALL_SUBJECT, CALL_DATE, ""),
                        CALL,
                    )
                else:
                    prev = Mail(
                        "",
                        "organisers",
                        f"{ORGANISERS[0][0]} – {ORG_NAME}",
                        ORG_ADDR,
                        "Votre signature est enregistrée",
                        aware(self.clock.t - dt.timedelta(hours=20)),
                        "",
                    )
                    m = self.new(
                        "thanks", client, fname, addr, "Re: Votre signature est enregistrée"
                    )
                    self.body(m, "Merci pour la confirmation !", prev, self.confirmation(p, rng))
                refers = src.file
                self.label(m, "thanks", "thanks", "nonsigning", refers_to=refers)
                continue
            p = self.official(("mai", "cm", "cd", "cr"), lambda p: p.commune_code != "75056")
            addr = official_addr(p, rng) if k % 2 else addr_of(p, rng)
            sig = self.sigblock(p, rng)
            intent = "thanks"
            if k == 0:
                text = f"Bonjour,\n\nMerci pour l'envoi de l'appel, que je lirai avec attention.\n\n{self.closing()}\n\n{sig}\nTél. : 02 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
            elif k == 1:
                text = (
                    f"Bonjour,\n\nJe ne signerai pas cet appel : je partage le constat, mais pas la demande de moratoire, qui figerait des "
                    f"situations parfois dangereuses. Bon courage néanmoins.\n\n{sig}"
                )
                intent = "other"
            elif k == 3:
                text = f"Bien noté, merci. Je transmets aux collègues du conseil.\n\n{sig}"
                rem = self.reminder
                m = self.new(
                    "thanks", client, display(p, "cased"), addr, f"Re: [Relance] {CALL_SUBJECT}"
                )
                m.to = ORG_LIST
                self.body(m, text, rem, self.reminder_text or CALL)
                self.label(m, "thanks", intent, "nonsigning")
                continue
            elif k == 4:
                text = (
                    f"Bonjour,\n\nPar principe, je ne signe aucune pétition ni tribune depuis mon élection ; je partage néanmoins une bonne "
                    f"partie de vos constats. Merci de ne pas inscrire mon nom.\n\n{sig}"
                )
                intent = "other"
            elif k == 5:
                d = parts(p, rng)
                html = (
                    f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={{CHARSET}}"></head><body><p>Merci pour '
                    f"votre message et bravo pour l'initiative.</p><p>&nbsp;</p><table><tr><td><b>{esc(p.prenom)} {esc(p.nom)}</b><br>"
                    f"{esc(cap1(join(d['role'], d['de'])))}</td></tr></table></body></html>\n"
                )
                m = self.new("thanks", client, display(p, "cased"), addr, "RE: " + CALL_SUBJECT)
                m.html = html
                self.label(m, "thanks", intent, "nonsigning")
                continue
            else:
                text = f"Merci à vous et bravo pour l'initiative\n{display(p, 'cased')}\n{parts(p, rng)['role']}"
            m = self.new(
                "thanks",
                client,
                display(p, "cased"),
                addr,
                self.reply_subject(client, CALL_SUBJECT),
            )
            self.body(m, text)
            self.label(m, "thanks", intent, "nonsigning")

    def autoreply(self):
        rng = self.rng
        officials_signed = [
            s for s in self.signed if not s[1].impostor and fold(s[1].nom) in fold(s[0].from_name)
        ]
        for k in range(8):
            client = [
                "outlook_desktop",
                "outlook_desktop",
                "plain",
                "plain",
                "zimbra",
                "plain",
                "outlook_desktop",
                "roundcube",
            ][k]
            extra = "Auto-Submitted: auto-replied"
            refers = ""
            if k == 0:
                p = self.official(("cd",))
                addr = official_addr(p, rng)
                text = (
                    f"Je suis absent{'e' if p.f else ''} jusqu'au lundi 2 novembre inclus. Pour toute urgence, merci de contacter le secrétariat des élus.\n\n"
                    f"I am out of the office until Monday 2 November.\n\n{self.sigblock(p, rng)}"
                )
                m = self.new(
                    "autoreply",
                    client,
                    display(p, "cased"),
                    addr,
                    f"Réponse automatique : {CALL_SUBJECT}",
                    extra=extra + "\nX-Auto-Response-Suppress: All",
                )
            elif k == 1:
                src, p, addr = officials_signed[23 % len(officials_signed)]
                b = f"----=_NextPart_{hx(rng, 3, HEXU)}_{hx(rng, 4, HEXU)}_01DB{hx(rng, 4, HEXU)}.{hx(rng, 8, HEXU)}"
                t = self.clock.t
                human = (
                    f"Votre message\n\n  À : {display(p, 'cased')}\n  Objet : Votre signature est enregistrée\n  Envoyé : {fr_long(aware(t))}\n\n"
                    f"a été lu le {fr_long(aware(t + dt.timedelta(minutes=40)))}."
                )
                raw = (
                    f'This is a multipart message in MIME format.\n\n--{b}\nContent-Type: text/plain;\n\tcharset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n'
                    f"{human}\n\n--{b}\nContent-Type: message/disposition-notification\n\nReporting-UA: {addr.split('@')[1]}; Microsoft Outlook 16.0\n"
                    f"Final-Recipient: rfc822;{addr}\nOriginal-Message-ID: <{hx(rng, 32)}@{ORG_DOMAIN}>\nDisposition: manual-action/MDN-sent-manually; displayed\n\n--{b}--\n"
                )
                m = self.new(
                    "autoreply",
                    client,
                    display(p, "cased"),
                    addr,
                    "Lu : Votre signature est enregistrée",
                    enc=("utf-8", "8bit"),
                    raw_body=raw.encode("utf-8"),
                    raw_ctype=f'multipart/report; report-type=disposition-notification;\n\tboundary="{b}"',
                )
                refers = src.file
            elif k == 2:
                p = self.official(("mai",))
                tdom = town_dom(p, rng)
                addr = f"courrier@{tdom}"
                text = (
                    f"Madame, Monsieur,\n\nVotre courrier électronique a bien été reçu par les services de la mairie {de_place(p.commune, p.tl)}. "
                    f"Il a été enregistré sous le numéro 2026-CAB-{rng.randint(1000, 9999)} et transmis au cabinet de "
                    f"{e(p, 'M. le Maire', 'Mme la Maire')}, {display(p, 'std')}.\n\nCeci est un message automatique, merci de ne pas y répondre."
                )
                m = self.new(
                    "autoreply",
                    client,
                    f"Mairie {de_place(p.commune, p.tl)} – Courrier",
                    addr,
                    f"Accusé de réception : {CALL_SUBJECT}",
                    extra=extra,
                )
            elif k == 3:
                for _ in range(2000):
                    old = self.impostor("former_2022")
                    self.n_imp -= 1
                    new_m = self.reg.mayor_of.get(old.commune_code)
                    if new_m is not None and self.ok(new_m):
                        break
                self.use(new_m)
                tdom = town_dom(new_m, rng)
                addr = f"{slug(old.prenom)}.{slug(old.nom)}@{tdom}"
                text = (
                    f"Bonjour,\n\nCette adresse n'est plus consultée : {old.prenom} {nom_case(old.nom)} n'est plus maire {de_place(new_m.commune, new_m.tl)} "
                    f"depuis les élections de mars 2026. Pour joindre {e(new_m, 'le nouveau maire', 'la nouvelle maire')}, {display(new_m, 'cased')}, "
                    f"écrivez à mairie@{tdom}.\n\nMessage automatique."
                )
                m = self.new(
                    "autoreply",
                    client,
                    f"{old.prenom} {nom_case(old.nom)}",
                    addr,
                    "Adresse désactivée",
                    extra=extra,
                )
            elif k == 4:
                p = self.official(("cm",), lambda p: p.commune_code != "75056")
                addr = addr_of(p, rng)
                text = f"Bonjour,\nje suis en congés jusqu'au 2 novembre et lirai votre message à mon retour.\n\n{self.sigblock(p, rng)}"
                m = self.new(
                    "autoreply",
                    client,
                    display(p, "cased"),
                    addr,
                    f"Absent : {CALL_SUBJECT}",
                    extra=extra,
                )
            elif k == 5:
                p = self.official(("mai",))
                addr = official_addr(p, rng)
                b = f"{hx(rng, 8, HEXU)}.{hx(rng, 10, HEXU)}/mx.{ORG_DOMAIN}"
                raw = (
                    f"This is a MIME-encapsulated message.\n\n--{b}\nContent-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n"
                    f"This is the mail system at host mx.{ORG_DOMAIN}.\n\n####################################################################\n"
                    f"# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n####################################################################\n\n"
                    f"Your message could not be delivered for 4 hours.\nIt will be retried until it is 5 days old.\n\n"
                    f"<{addr}>: host mx.{addr.split('@')[1]} said: 452 4.2.2 Mailbox full\n\n--{b}\nContent-Description: Delivery report\n"
                    f"Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.{ORG_DOMAIN}\n\nFinal-Recipient: rfc822; {addr}\nAction: delayed\n"
                    f"Status: 4.2.2\n\n--{b}\nContent-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers\n\n"
                    f"From: {Header(ORG_NAME, 'utf-8').encode()} <{ORG_ADDR}>\nTo: {Header(display(p, 'cased'), 'utf-8').encode()} <{addr}>\nSubject: Votre signature de l'appel\n\n--{b}--\n"
                )
                m = self.new(
                    "autoreply",
                    client,
                    "Mail Delivery System",
                    f"MAILER-DAEMON@mx.{ORG_DOMAIN}",
                    "Delayed Mail (still being retried)",
                    enc=("utf-8", "8bit"),
                    raw_body=raw.encode("ascii"),
                    raw_ctype=f'multipart/report; report-type=delivery-status;\n\tboundary="{b}"',
                    extra=extra,
                )
            elif k == 6:
                src, p, addr = officials_signed[31 % len(officials_signed)]
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[1][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(minutes=3)),
                    "",
                )
                m = self.new(
                    "autoreply",
                    client,
                    src.from_name,
                    addr,
                    "Réponse automatique : Votre signature est enregistrée",
                    extra=extra + "\nX-Auto-Response-Suppress: All",
                )
                self.body(
                    m,
                    "Je suis actuellement en déplacement avec un accès limité à mes courriels. Je vous répondrai dès mon retour, le 3 novembre.",
                    prev,
                    self.confirmation(p, rng).replace(org_sig(0), org_sig(1)),
                    html=True,
                )
                refers = src.file
            else:
                p = self.official(
                    ("mai",),
                    lambda p: any(
                        o.fonction.startswith("1er adjoint") and self.ok(o)
                        for o in self.reg.by_commune[p.commune_code]
                    ),
                )
                col = self.colleague(p.commune_code, lambda o: o.fonction.startswith("1er adjoint"))
                addr = f"mairie@{town_dom(p, rng)}"
                text = (
                    f"Bonjour,\n\nLa mairie est fermée pendant les vacances de la Toussaint, du 26 octobre au 1er novembre. En cas d'urgence, "
                    f"vous pouvez joindre {e(col, 'le premier adjoint', 'la première adjointe')}, {display(col, 'cased')}, au 06 {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}.\n\n{e(p, 'Le Maire', 'La Maire')}, {display(p, 'cased')}"
                )
                m = self.new(
                    "autoreply",
                    client,
                    f"Mairie {de_place(p.commune, p.tl)}",
                    addr,
                    "Fermeture de la mairie",
                    extra=extra,
                )
            if m.text is None and m.raw_body is None and m.html is None:
                self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=refers)

    def newsletter(self):
        rng = self.rng
        for k in range(4):
            people = [
                self.official(("mai", "cd", "cm", "cr"), lambda p: p.commune_code != "75056")
                for _ in range(3)
            ]
            if k == 0:
                dep = people[0].dep if people[0].dep in DEPTS else "29"
                people = [people[0]] + [
                    self.official(("mai",), lambda p, d=dep: p.dep == d) for _ in range(2)
                ]
                items = "\n".join(
                    (
                        f"• {display(p, 'cased')}, {mandate(p, rng)}, "
                        + rng.choice(
                            [
                                "rejoint la commission santé de l'association.",
                                "a été {ELU} au bureau.",
                                "présidera le groupe de travail sur les déserts médicaux.",
                            ]
                        )
                    ).replace("{ELU}", e(p, "élu", "élue"))
                    for p in people
                )
                name, addr, title = (
                    f"Association des maires {de_dept(dep)}",
                    f"lettre@maires{dep.lower()}.example",
                    f"La lettre des maires {de_dept(dep)} – octobre 2026",
                )
                text = f"{title}\n\nCARNET\n\n{items}\n\nAGENDA\n\nCongrès départemental le 14 novembre.\n\nSe désinscrire : https://maires{dep.lower()}.example/desinscription"
            elif k == 1:
                quotes = [
                    "« Nous ne laisserons pas fermer la maternité »",
                    "« Les urgences de nuit, c'est une question de vie ou de mort »",
                    "« Il faut associer les élus aux décisions de l'ARS »",
                ]
                items = "\n\n".join(
                    f"{quotes[i]}, déclare {display(p, 'cased')}, {mandate(p, rng)}, dans la presse locale."
                    for i, p in enumerate(people)
                )
                name, addr, title = (
                    "Veille Santé Territoires",
                    "veille@sante-territoires.example",
                    "Revue de presse santé – semaine 43",
                )
                text = f"{title}\n\n{items}\n\nRetrouvez tous les articles sur notre site.\nVous recevez cette revue de presse car vous y êtes abonné·e."
            elif k == 2:
                items = "\n".join(f"- {display(p, 'std')} ({mandate(p, rng)})" for p in people)
                name, addr, title = (
                    "Tribune Mobilités rurales",
                    "contact@mobilites-rurales.example",
                    "Ils ont signé la tribune pour les mobilités rurales",
                )
                text = (
                    f"{title}\n\nMerci aux premiers signataires de notre tribune pour les petites lignes et le transport à la demande :\n\n{items}\n\n"
                    "Et vous ? Signez en ligne avant le 30 novembre.\n\nSe désabonner : https://mobilites-rurales.example/unsub"
                )
            else:
                items = "\n".join(
                    f"{['Lundi', 'Mercredi', 'Vendredi'][i]} : réunion publique avec {display(p, 'cased')}, {mandate(p, rng)}"
                    for i, p in enumerate(people)
                )
                name, addr, title = (
                    "Lettre des élus – Fédération",
                    "lettre-elus@federation.example",
                    "Agenda des élus – semaine du 26 octobre",
                )
                text = f"{title}\n\n{items}\n\nLa Fédération"
            m = self.new(
                "newsletter",
                "plain",
                name,
                addr,
                title,
                extra=f"List-Unsubscribe: <https://{addr.split('@')[1]}/desinscription>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\nPrecedence: bulk",
            )
            m.to = ORG_ADDR
            m.text = text
            if k % 2 == 0:
                m.html = (
                    '<html><head><meta http-equiv="Content-Type" content="text/html; charset={CHARSET}"></head><body><table width="600" '
                    'align="center"><tr><td>'
                    + html_lines(text, "p")
                    + "</td></tr></table></body></html>\n"
                )
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self):
        rng = self.rng
        per_msg = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        ok = [
            s
            for s in self.signed
            if not s[1].impostor and s[0].client not in ("plain",) and per_msg[s[0].file] == 1
        ]
        po = [s for s in ok if s[0].file.endswith("po_staff.eml") and s[1].kind == "mai"]
        picks = [ok[3], po[1] if len(po) > 1 else ok[60], ok[27], ok[48], ok[75]]
        for k, (src, p, addr) in enumerate(picks):
            client = [
                src.client if src.client in ("iphone", "android_gmail") else "iphone",
                src.client,
                "outlook_desktop",
                "gmail",
                "thunderbird",
            ][k]
            if k == 0:
                text = "Annulez ma signature svp. Merci"
                m = self.new("withdraw", client, src.from_name, addr, "Annulation")
                self.body(m, text, html=False)
            elif k == 1:
                text = (
                    f"Madame, Monsieur,\n\n{e(p, 'M. le Maire', 'Mme la Maire')} me demande de vous informer qu'{e(p, 'il', 'elle')} retire sa "
                    f"signature de l'appel.\n\nCordialement,\n{src.from_name}"
                )
                m = self.new("withdraw", client, src.from_name, addr, "Retrait de signature")
                self.body(m, text)
            elif k == 2:
                text = (
                    f"Bonjour,\n\nSuite au conseil d'hier soir, je ne peux pas maintenir ma signature : merci de retirer mon nom.\n\n"
                    f"{self.closing()}\n{display(p, 'std')}"
                )
                m = self.new("withdraw", client, src.from_name, addr, "Retrait")
                self.body(m, text)
            elif k == 3:
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[0][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(hours=30)),
                    "",
                )
                m = self.new(
                    "withdraw", client, src.from_name, addr, "Re: Votre signature est enregistrée"
                )
                self.body(
                    m,
                    "Finalement je retire ma signature, désolé·e.",
                    prev,
                    self.confirmation(p, rng),
                )
            else:
                m = self.new(
                    "withdraw", client, src.from_name, addr, "Erreur – merci de retirer mon nom"
                )
                self.body(
                    m,
                    f"Bonjour,\n\nMerci de retirer mon nom de la liste : je pensais signer une autre tribune, je me suis {e(p, 'trompé', 'trompée')} de message.\n\nBien à vous",
                )
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [
            (
                "Service Messagerie",
                "support@webmail-mairies-securite.example",
                "Action requise : votre boîte mairie sera suspendue",
                "Cher utilisateur,\n\nVotre quota est dépassé. Validez votre compte sous 24 h en cliquant ici : http://webmail-mairies-securite.example/valider\n",
            ),
            (
                "Comptabilité",
                "factures@relance-paiement.example",
                "Facture impayée n° 2026-4471",
                "Bonjour,\n\nSauf erreur de notre part, la facture ci-jointe reste impayée. Merci de régulariser sous 48 h.\n",
            ),
            (
                "Préfecture – Subventions",
                "dossier-detr@subventions-communes.example",
                "DETR 2027 : votre dossier est incomplet",
                "Madame le Maire, Monsieur le Maire,\n\nVotre dossier DETR est incomplet. Transmettez votre RIB et les identifiants de la commune avant vendredi.\n",
            ),
            (
                "Référencement Pro",
                "seo@top-referencement.example",
                "Votre site de mairie en première page de Google",
                "Bonjour,\n\nNous avons analysé le site de votre commune : 47 erreurs. Audit gratuit, répondez OUI.\n",
            ),
            (
                "Crypto Élus",
                "invest@crypto-elus.example",
                "Placements sûrs pour les indemnités d'élus",
                "Bonjour,\n\nFaites fructifier vos indemnités : +18 % par an garantis. Places limitées.\n",
            ),
        ]
        for name, addr, subj, text in texts:
            m = self.new("spam", "plain", name, addr, subj)
            m.text = text
            m.to = ORG_ADDR
            self.label(m, "spam", "other", "nonsigning")

    reminder_text: str = ""
    reminder: Mail | None = None

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
            self.label(m, "org_call", "other", "nonsigning")
            return
        ok = [s for s in self.signed if not s[1].impostor]
        sample = ok[2::11][:6]
        rows = "\n".join(f"{p.nom:<22} {p.prenom:<16} {mandate(p, rng)}" for _, p, _ in sample)
        text = (
            f"Bonjour à toutes et à tous,\n\nPlus de 200 élu·es ont déjà signé l'{CALL_TITLE}. Parmi les dernières signatures reçues :\n\n"
            f"{'NOM':<22} {'PRÉNOM':<16} MANDAT\n{rows}\n\nIl reste quelques jours pour signer : répondez simplement à ce message avec vos nom, "
            f"prénom et mandat.\n\n{org_sig(0)}"
        )
        self.reminder_text = text
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_LIST,
            f"[Relance] {CALL_SUBJECT}",
            extra=LIST_HEADERS,
        )
        self.reminder = m
        m.to = "undisclosed-recipients:;"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")
        text = (
            f"Salut {ORGANISERS[1][0]},\n\nJ'ai pointé les réponses du week-end. Trois signatures sont encore à vérifier au RNE (homonymes), je "
            f"les ai surlignées dans le tableur. Point jeudi ?\n\n{ORGANISERS[0][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[0], ORG_ADDR, "Point signatures")
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")
        text = (
            "Bonjour {{prenom}} {{nom}},\n\nNous avons bien enregistré votre signature ({{mandat}}). Elle sera vérifiée puis publiée le "
            f"1er décembre.\n\n{org_sig(1)}\n\n[TEST – modèle de confirmation, ne pas répondre]"
        )
        m = self.new(
            "org_call", "organisers", ORG_FULL[1], ORG_ADDR, "[TEST] modèle de confirmation"
        )
        m.to = ORG_ADDR
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")
        first = ok[:40:9][:4]
        lst = "; ".join(f"{display(p, 'cased')} ({mandate(p, rng)})" for _, p, _ in first)
        text = (
            f"Projet de communiqué – à relire\n\nSANTÉ DE PROXIMITÉ : LES ÉLU·ES LOCAUX LANCENT L'ALERTE\n\nDéjà plusieurs centaines d'élu·es de toutes "
            f"sensibilités ont signé l'appel, parmi lesquel·les {lst}.\n\nContact presse : {ORG_FULL[0]}, {ORG_ADDR}\n\n{ORGANISERS[1][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[1], ORG_ADDR, "Projet de CP – relecture")
        m.to = f"{ORG_FULL[0]} <{slug(ORGANISERS[0][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        self.org_call(0)
        self.bare_line()
        self.party_tag()
        self.header_name()
        self.addr_plus_first()
        self.org_sender()
        self.phone_quick()
        self.canton_relay()
        self.pasted_table()
        self.numbered_list()
        self.multi_forward()
        self.acronyms()
        self.arrdt_short()
        self.periphrasis()
        self.html_card()
        self.split_subject()
        self.cumul()
        self.po_staff()
        self.thread_namefix()
        self.thread_staff()
        self.reply_all()
        self.thread_inline()
        self.org_call(1)
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
        for m in self.mails:  # Outlook declaring iso-8859-1 while writing windows-1252 bytes (’ = 0x92): three messages
            texts = [t for t in (m.text, m.html) if t is not None]
            ok = (
                texts
                and all(fits(t, "windows-1252") for t in texts)
                and any(c in CP1252_ONLY for t in texts for c in t)
            )
            m.mislabel = bool(m.mislabel and ok and kept < 3)
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
