#!/usr/bin/env python3
"""Twenty-third held-out petition mailbox (tests/mail_holdout23): builder.

    python tests/mail_holdout23/build.py            # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris summer time, then winter time after Sunday 25 October 2026), Message-IDs
and MIME boundaries drawn from the generator in each client's own shape. Reads the real 2026 RNE
release (../shared/rne/release-2026, every file), the 2022 mayors file of ../shared/rne/history
(former mayors) and the COG (../shared/cog) at build time; nothing of ../shared is copied into the
repository except, in the messages, the drawn people's name, sex, mandate and place. Birth dates are
read only to tell homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages of any earlier held-out
corpus (only tests/mail_holdout5's README and build.py, whose reading helpers, client quoting and
encoding machinery are reused, tests/mail_holdout19/README.md and the scorer). Campaign: « Appel des
élu·es : pas de commune sans pharmacie » (invented), autumn 2026. Focus: signature blocks as people
have them, overseas and special territories, long threads, forwards of forwards.
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

SEED = 2026_1006
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "officines-des-territoires.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"elus-solidaires@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Officines des territoires"
ORGANISERS = [
    ("Bérangère", "FOUQUEROLLAZ-DASTARACQ"),
    ("Timothée", "VILLEBRUNE-ESCANDOU"),
]  # invented; checked absent
# secretaries, assistants, list moderators: invented, checked absent from every 2026 file
STAFF = [
    ("Murielle", "GRANDPERRAUX-LAVOURIAC"),
    ("Jordan", "TRAVERSOLLE-MOULINIÉRAS"),
    ("Coralie", "BELLEHUMEUR-QUINTARDEL"),
    ("Pascale", "LANDREVOUX-CARCOPINAS"),
    ("Yannick", "ROCHEBLAVIÈRE-DUFRESNOLLE"),
    ("Estelle", "MAUPERTHUIS-OLLIVRAC"),
    ("Gaëlle", "CHANTEGRELET-RIBOULADE"),
    ("Didier", "FONTCOUVERTE-LAMARQUISE"),
]
STAFF_F = {"Murielle", "Coralie", "Pascale", "Estelle", "Gaëlle"}
CALL_TITLE = "Appel des élu·es : pas de commune sans pharmacie"
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
    "PLANCHEVILLE-AUDOUARDIÈRE",
    "COSTEVIEILLE-BRUNEAUDIÈRE",
    "ZAMPHIROFF-LAGRIFFOULIN",
    "MALAVERGNAC-DUTHOIRAS",
    "QUERCITRON-BELLAVOIGNE",
    "HAUTEBRAYE-SOMMERVOGEL",
    "TRINQUELAGUE-MOREAUVILLE",
    "ESCARBOUCLE-NADAUDIN",
    "VIEILLECAZE-PONTARIER",
    "GRISOLLAT-MERCADIOU",
    "LAFFONTANGE-RIVELOUP",
    "CAZEBONNIÈRE-TOUSSAINTIN",
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
        self.t = dt.datetime(2026, 10, 6, 9, 5)
        self.rng = rng

    def tick(self, lo=20, hi=230) -> dt.datetime:
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

Une officine ferme chaque jour en France. Dans nos bourgs, nos quartiers et nos îles, la
pharmacie est souvent le dernier lieu de santé ouvert sans rendez-vous ; quand elle part, ce sont
les aînés, les familles sans voiture et les malades chroniques qui paient. Nous, élu·es de
communes, de départements, de régions et de collectivités d'outre-mer, demandons :

1) un fonds d'urgence pour la reprise des officines isolées (moins de 2 500 habitants ou plus de
   15 minutes de la pharmacie la plus proche) ;
2) l'autorisation de pharmacies annexes dans les maisons de santé et les France services ;
3) un régime de garde financé par l'État dans les territoires ultramarins et insulaires ;
4) la consultation des maires avant tout transfert ou regroupement d'officine.

Pour signer, répondez à ce message en indiquant vos nom, prénom et mandat (commune, département,
région ou collectivité). Chaque signature est vérifiée dans le Répertoire national des élus avant
publication, le 1er décembre 2026. Date limite : 13 novembre 2026.

Faites suivre à vos collègues élu·es !

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} – signez avant le 13 novembre"
CALL_DATE = aware(dt.datetime(2026, 10, 6, 8, 45, 3))
LIST_HEADERS = (
    f"List-Id: <elus-solidaires.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:elus-solidaires-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: elus-solidaires@listes." + ORG_DOMAIN
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
        words = {w for s in self.reg.surnames for w in s.split()}
        for nm in [x[1] for x in ORGANISERS + STAFF] + INVENTED_NOMS:
            assert not set(fold(nm).split()) & words, nm  # no word of any 2026 surname
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
            and not set(fold(p.nom).split())
            & {"nee", "epouse", "ep", "veuve", "vve", "dite", "dit"}
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

    def signer(
        self, kinds=None, pred=lambda p: True, allow_imp: bool = True, imp: bool = False
    ) -> P:
        """Every 6th one-signer slot is an impostor (the next one when this slot cannot be); imp forces one."""
        if imp:
            return self.impostor()
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
        lo=20,
        hi=230,
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

    # ---------------------------------------------------------------- helpers of this corpus (signature blocks)
    @staticmethod
    def sf(st: tuple[str, str], m: str, f: str) -> str:
        """Gendered word for a staff member (invented first names)."""
        return f if st[0] in STAFF_F else m

    def deleg(self, p: P) -> str:
        return f"{e(p, 'délégué', 'déléguée')} {self.rng.choice(DELEGATIONS)}"

    def kind_of(self, p: P) -> str:
        if p.impostor:
            return "mai" if p.fonction == "Maire" else "cm"
        return p.kind

    def tlines(self, p: P, d: dict) -> list[str]:
        """The title as people lay it out in a signature block, over one to three lines."""
        rng, k, f = self.rng, self.kind_of(p), p.fonction
        de = d["de"]
        dep = f" ({p.dep})" if p.dep in DEPTS else ""
        if k == "mai":
            return rng.choice(
                [
                    ["Maire", f"Commune {de}{dep}"],
                    [f"Maire {de}", f"{e(p, 'Président', 'Présidente')} du CCAS"],
                    [e(p, "Le Maire", "La Maire"), f"Ville {de}"],
                    [f"Maire {de}{dep}"],
                ]
            )
        if k == "mdel":
            return [
                e(p, "Maire délégué", "Maire déléguée"),
                f"Commune nouvelle {de[len('de la commune nouvelle ') :]}",
            ]
        if k == "cm":
            if p.commune_code == "75056":
                return [
                    e(p, "Conseiller de Paris", "Conseillère de Paris"),
                    "Hôtel de Ville – Paris",
                ]
            if "adjoint" in f:
                n = rank(f)
                first = rng.choice(
                    [
                        f"{e(p, 'Adjoint', 'Adjointe')} au Maire",
                        f"{cap1(ordinal(n, p))} {e(p, 'adjoint', 'adjointe')} au Maire",
                        f"{cap1(ordinal(n, p, 'eme'))} {e(p, 'Adjoint', 'Adjointe')}",
                    ]
                )
                return [
                    first,
                    self.deleg(p),
                    rng.choice([f"Ville {de}", f"Mairie {de}{dep}", f"Commune {de}"]),
                ]
            return rng.choice(
                [
                    [e(p, "Conseiller municipal", "Conseillère municipale"), f"Commune {de}{dep}"],
                    [
                        e(p, "Conseiller municipal", "Conseillère municipale"),
                        self.deleg(p),
                        f"Ville {de}",
                    ],
                    [f"{e(p, 'Conseiller municipal', 'Conseillère municipale')} {de}"],
                ]
            )
        if k == "cd":
            if p.dep == "6AE":
                return [
                    e(p, "Conseiller d'Alsace", "Conseillère d'Alsace"),
                    f"Canton {de_name(p.canton)}",
                    "Collectivité européenne d'Alsace",
                ]
            if f.startswith("Président"):
                return [e(p, "Président", "Présidente"), f"Conseil départemental {de_dept(p.dep)}"]
            if "Vice" in f:
                return [
                    f"{e(p, 'Vice-président', 'Vice-présidente')} du Département",
                    f"{e(p, 'chargé', 'chargée')} {rng.choice(['des solidarités', 'de la santé', 'des routes', 'des collèges'])}",
                    f"Conseil départemental {de_dept(p.dep)}",
                ]
            return [
                e(p, "Conseiller départemental", "Conseillère départementale"),
                f"Canton {de_name(p.canton)}",
                f"Département {de_dept(p.dep)}",
            ]
        if k == "cr":
            role = d["role"]
            return [cap1(role), f"Région {pretty(p.region)}"] + rng.choice(
                [[], ["Commission Santé et solidarités"]]
            )
        if k == "ma":
            if p.coll == "69M":
                return [
                    e(p, "Conseiller métropolitain", "Conseillère métropolitaine"),
                    "Métropole de Lyon",
                ]
            if p.coll == "94":
                return [
                    e(
                        p,
                        "Cunsiglieru di l'Assemblea di Corsica",
                        "Cunsigliera di l'Assemblea di Corsica",
                    ),
                    e(p, "Conseiller à l'Assemblée de Corse", "Conseillère à l'Assemblée de Corse"),
                ]
            if p.coll == "972":
                return [
                    e(
                        p,
                        "Conseiller à l'Assemblée de Martinique",
                        "Conseillère à l'Assemblée de Martinique",
                    ),
                    "Collectivité Territoriale de Martinique",
                ]
            return [
                e(p, "Conseiller territorial", "Conseillère territoriale"),
                "Collectivité Territoriale de Guyane",
            ]
        if k == "ca":
            return [cap1(d["role"]), f"Mairie {ca_where(p)}"]
        raise ValueError(k)

    def logo(self, p: P, d: dict) -> str:
        coll = self.coll(p, d)
        return self.rng.choice(
            [
                f"[cid:image00{self.rng.randint(1, 4)}.png@01DD{hx(self.rng, 4, HEXU)}.{hx(self.rng, 8, HEXU)}]",
                f"[Logo {coll}]",
                "[Une image contenant texte, Police, logo, Graphique  Le contenu généré par l'IA peut être incorrect.]",
                "[Description : Description : logo_signature]",
                f"[{coll}]",
                "[image: logo.png]",
            ]
        )

    def socials(self, p: P) -> str:
        s = slug(p.commune or p.region or p.prenom + p.nom).replace("-", "")
        return self.rng.choice(
            [
                f"Facebook : facebook.com/{s} | Instagram : @{s}",
                "Suivez-nous : [Facebook] [Instagram] [LinkedIn] [YouTube]",
                f"<https://www.facebook.com/{s}> <https://x.com/{s}> <https://www.linkedin.com/company/{s}>",
                f"LinkedIn : linkedin.com/in/{slug(p.prenom)}-{slug(p.nom)}",
                "Téléchargez l'application IntraMuros pour suivre l'actualité de la commune",
                "Retrouvez-nous sur PanneauPocket et sur Facebook",
            ]
        )

    def disclaimer(self, p: P) -> str:
        return self.rng.choice(DISCLAIMERS).replace(
            "{DOM}", town_dom(p) if p.commune else "collectivite.fr"
        )

    def long_block(self, p: P, name_style: str = "cased", sep: bool = True) -> str:
        """A long signature block: name, title over lines, logo alt text, phones, social links, disclaimer."""
        d = parts(p, self.rng)
        lines = [display(p, name_style)] + self.tlines(p, d)
        return ("-- \n" if sep else "") + "\n".join(lines) + "\n" + self.block_extras(p, d)

    def block_extras(self, p: P, d: dict) -> str:
        """What follows the title in a long block: logo alt text, phones, social links, disclaimer."""
        rng = self.rng
        extra = []
        if rng.random() < 0.7:
            extra.append(self.logo(p, d))
        extra.append(
            rng.choice(
                [
                    f"Tél. : {self.phone()} | Port. : {self.phone(True)}",
                    f"Mobile : +33 {self.phone(True)[1:]}",
                    f"📞 {self.phone(True)}",
                    f"Ligne directe : {self.phone()}\nPortable : {self.phone(True)}",
                ]
            )
        )
        if rng.random() < 0.6:
            extra.append(self.socials(p))
        block = "\n".join(extra)
        if rng.random() < 0.7:
            block += "\n\n" + self.disclaimer(p)
        return block

    def mairie_block(self, p: P) -> str:
        """The town hall's block: name, address, postcode + commune, phone, opening hours, site."""
        rng = self.rng
        if p.kind == "ca":
            city, n = sector(p)
            head = f"Mairie {ca_where(p)}"
            pc = {"Paris": f"750{n:02d}", "Lyon": f"6900{n}"}.get(city, f"130{2 * n - 1:02d}")
            town = f"{city.upper()}"
        else:
            head = rng.choice(
                [
                    f"Mairie {de_place(p.commune, p.tl)}",
                    f"MAIRIE {noacc(de_place(p.commune, p.tl)).upper()}",
                    f"Hôtel de ville {de_place(p.commune, p.tl)}",
                ]
            )
            pc = postcode(p.commune_code) or (p.dep + "000")
            town = p.commune.upper()
        hours = rng.choice(
            [
                "Horaires d'ouverture : du lundi au vendredi, 8h30-12h / 13h30-17h",
                "Accueil : lundi, mardi, jeudi 9h-12h – vendredi 14h-18h",
                "Ouverture au public : mardi et jeudi 14h-18h, samedi 9h-12h",
                "Le secrétariat est ouvert le lundi et le vendredi de 9h à 12h30",
            ]
        )
        return "\n".join(
            [
                head,
                self.street(),
                f"{pc} {town}",
                f"Tél. {self.phone()}",
                hours,
                f"www.{town_dom(p)}",
            ]
        )

    def send_from(self, client: str) -> str:
        return {
            "samsung": "",
            "android_gmail": "Envoyé depuis mon smartphone Android",
            "gmail": self.rng.choice(["", "", "Envoyé depuis mon mobile"]),
            "orange_app": "",
        }.get(client, "")

    # ---------------------------------------------------------------- shapes: signature blocks
    def sig_long_block(self):
        """A short body and a long block under it: title over two or three lines, logo alt text, phones, links, disclaimer."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "iphone",
            "zimbra",
            "outlook_desktop",
            "apple",
            "android_gmail",
            "laposte",
            "thunderbird",
            "outlook_mac",
            "samsung",
            "outlook_desktop",
        ]
        kinds = [
            ("cm",),
            ("cm",),
            ("mai",),
            ("cd",),
            ("cm",),
            ("cr",),
            ("cm",),
            ("mai",),
            ("cm", "mdel"),
            ("cd",),
            ("cm",),
            ("mai", "cm"),
        ]
        bodies = [
            "Bonjour,\n\nJe signe l'appel.\n\nBien cordialement,",
            "Bonjour,\n\nVous pouvez compter sur ma signature.\n\nBien à vous",
            "Je signe !",
            "Madame, Monsieur,\n\nJe vous confirme mon soutien et ma signature.\n\nSalutations distinguées,",
            "Bonjour,\n\nSignature de l'appel, ci-dessous mes coordonnées.\n\nCdlt",
            "Bonjour, je signe volontiers.",
            "Je signe. Bonne journée",
            "Bonjour,\n\nLa pharmacie de notre bourg a fermé en juin : je signe évidemment.\n\nCordialement,",
            "Bonjour,\n\nje m'associe à l'appel.\n",
            "Bonjour,\n\nAvec mon soutien,",
            "Je signe",
            "Bonjour,\n\nMerci pour cette initiative. Je signe.\n\nTrès cordialement,",
        ]
        for k in range(12):
            p = self.signer(kinds[k])
            client = clients[k]
            block = self.long_block(
                p,
                rng.choice(["cased", "std", "cased"]),
                sep=client in ("gmail", "thunderbird", "android_gmail"),
            )
            foot = self.send_from(client)
            top = f"{bodies[k]}\n\n{block}" + (f"\n\n{foot}" if foot else "")
            addr = official_addr(p, rng) if k % 3 != 1 and not p.impostor else addr_of(p, rng)
            m = self.new(
                "sig_long_block",
                client,
                display(p, "cased"),
                addr,
                self.reply_subject(client, CALL_SUBJECT)
                if k % 2 == 0
                else rng.choice(["Signature", "Appel pharmacies", "Soutien à l'appel", "Je signe"]),
                in_reply_to=self.call.mid if k % 2 == 0 else "",
            )
            if k % 2 == 0:
                self.from_call(m, top)
            else:
                self.body(m, top)
            self.sign(m, "sig_long_block", p)

    def sig_only_block(self):
        """The body says only « Je signe », « OK pour moi », « +1 » or nothing; the name and mandate are in the block."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "iphone",
            "thunderbird",
            "zimbra",
            "gmail",
            "apple",
            "roundcube",
            "outlook_desktop",
            "yahoo",
            "orange",
            "laposte",
        ]
        tops = [
            "Je signe",
            "OK pour moi",
            "+1",
            "",
            "Je signe.",
            "+1 !",
            "OK pour moi.",
            "",
            "👍",
            "Je signe",
            "ok pour moi",
            "Signé.",
        ]
        for k in range(12):
            p = self.signer(
                ("cm", "mai", "cm", "cd", "cr", "cm", "mai", "ca", "cm", "mai", "cm", "cm")[
                    k : k + 1
                ],
                imp=k == 11,
            )
            client = clients[k]
            d = parts(p, rng)
            block = "\n".join(
                [display(p, rng.choice(["cased", "std", "caps"]))] + self.tlines(p, d)
            )
            if rng.random() < 0.5:
                block += f"\n{rng.choice(['Tél.', 'Mob.', 'Port.'])} {self.phone(True)}"
            below = (
                client in ("thunderbird", "roundcube") and tops[k] == ""
            )  # the client puts the signature under the quote
            m = self.new(
                "sig_only_block",
                client,
                display(p, "cased") if k % 4 else "",
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
                in_reply_to=self.call.mid,
            )
            if below:
                head = quote_text(client, self.call, CALL, m.from_addr).lstrip("\n")
                m.text = f"{head}\n-- \n{block}\n"
            else:
                sep = "-- \n" if client in ("gmail", "thunderbird", "roundcube", "yahoo") else ""
                top = (f"{tops[k]}\n\n" if tops[k] else "") + sep + block
                self.from_call(m, top)
            self.sign(m, "sig_only_block", p)

    def sig_mairie_block(self):
        """The person's name (and often a bare « Maire » / « Adjoint ») over the town hall's block."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "laposte",
            "orange",
            "outlook_desktop",
            "gmail",
            "thunderbird",
            "zimbra",
            "apple",
            "outlook_desktop",
        ]
        for k in range(10):
            p = self.signer(
                ("mai", "cm", "mai", "cm", "mai", "cm", "mai", "cm", "mdel", "mai")[k : k + 1],
                lambda p: (
                    p.dep in DEPTS and not p.dep.startswith("97") and p.commune_code != "75056"
                ),
            )
            client = clients[k]
            d = parts(p, rng)
            kk = self.kind_of(p)
            bare = {
                "mai": rng.choice(["Maire", e(p, "Le Maire", "La Maire"), "Maire"]),
                "cm": (
                    rng.choice(
                        [
                            e(p, "Adjoint", "Adjointe"),
                            e(p, "Adjoint au maire", "Adjointe au maire"),
                            d["short"],
                        ]
                    )
                    if "adjoint" in p.fonction
                    else rng.choice(
                        [
                            e(p, "Conseiller municipal", "Conseillère municipale"),
                            "Conseil municipal",
                        ]
                    )
                ),
                "mdel": e(p, "Maire délégué", "Maire déléguée"),
            }[kk]
            name = display(p, rng.choice(["cased", "std", "cased_inv"]))
            blk = self.mairie_block(p)
            top = [
                f"Bonjour,\n\nJe soutiens et signe l'appel.\n\n{name}\n{bare}\n\n{blk}",
                f"Bonjour,\n\nOui, je signe.\n\n{self.closing()}\n\n{name}\n{bare}\n{blk}",
                f"Je signe.\n\n{name}\n-----------------------------\n{blk}",
                f"Bonjour,\nVeuillez ajouter ma signature.\n{name}, {bare.lower()}\n\n{blk}",
                f"Madame, Monsieur,\n\nJe m'associe à votre appel.\n\n{bare},\n{name}\n\n{blk}\n\n{self.disclaimer(p)}",
                f"Bonjour\n\nOK pour signer.\n\n{name}\n\n{blk}",
                f"Bonjour,\n\nLa commune a perdu sa pharmacie il y a deux ans : je signe.\n\n{name} – {bare}\n{blk}",
                f"Je signe l'appel.\n{name}\n{bare}\n{blk}",
                f"Bonjour,\n\nJe signe.\n\n{name}\n{bare}\n\n{blk}",
                f"Bonjour,\n\nSignature de l'appel.\n\n{name}\n{bare}\n\n{blk}\n\n{self.logo(p, d)}",
            ][k]
            box = k in (0, 4, 7)
            m = self.new(
                "sig_mairie_block",
                client,
                f"Mairie {de_place(p.commune, p.tl)}" if box else display(p, "cased"),
                (rng.choice(["mairie", "accueil", "secretariat"]) + "@" + town_dom(p))
                if box
                else official_addr(p, rng),
                rng.choice(
                    ["Appel pharmacies", "Signature", self.reply_subject(client, CALL_SUBJECT)]
                ),
            )
            self.body(m, top)
            self.sign(m, "sig_mairie_block", p)

    def sig_other_block(self):
        """The official writes a short line; the block under it is someone else's (secretary, spouse, the mayor's auto-signature)."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "gmail",
            "outlook_desktop",
            "yahoo",
            "laposte",
            "orange",
            "thunderbird",
            "outlook_desktop",
        ]
        for k in range(9):
            st = self.staff[k % len(self.staff)]
            stn = f"{st[0]} {nom_case(st[1])}"
            client = clients[k]
            if k == 3:
                p = self.signer(("cd",), lambda p: "Vice" in p.fonction, allow_imp=False)
            elif k in (5, 8):
                p = self.signer(
                    ("cm",),
                    lambda p: "adjoint" in p.fonction and p.commune_code in self.reg.mayor_of,
                )
            else:
                p = self.signer(
                    ("mai", "cm", "mai", None, "cm", None, "cm", "mai", None)[k : k + 1],
                    lambda p: p.dep in DEPTS,
                )
            d = parts(p, rng)
            mb = self.mairie_block(p) if p.commune else ""
            role = d["role"]
            if k == 0:
                text = (
                    f"Je signe.\n{display(p, 'std')}, {role}\n\n{stn}\nSecrétaire de mairie\n{mb}"
                )
                fn, fa = f"Mairie {de_place(p.commune, p.tl)}", "mairie@" + town_dom(p)
            elif k == 1:
                text = f"Bonjour, OK pour moi, vous pouvez ajouter mon nom : {display(p, 'cased')}, {role}.\n\n--\nL'accueil de la mairie\n{stn}\nAgent d'accueil\n{mb}"
                fn, fa = "Accueil Mairie", "accueil@" + town_dom(p)
            elif (
                k == 2
            ):  # the secretary's forward of the call is quoted, with her block and the commune in it
                fwd = Mail(
                    "",
                    "outlook_desktop",
                    stn,
                    "secretariat@" + town_dom(p),
                    "TR: " + CALL_SUBJECT,
                    aware(self.clock.t - dt.timedelta(hours=3)),
                    "",
                )
                fwd_text = (
                    f"{e(p, 'Monsieur le Maire', 'Madame la Maire')},\n\nJe vous transfère cet appel reçu ce matin.\n\nCordialement,\n\n{stn}\nSecrétariat général\n{mb}\n\n"
                    + forward_block("outlook_desktop", self.call, CALL, fwd.from_addr)
                )
                m = self.new(
                    "sig_other_block",
                    client,
                    display(p, "cased"),
                    official_addr(p, rng),
                    "Re: TR: " + CALL_SUBJECT,
                )
                self.body(m, f"Je signe. {display(p, 'cased')}", fwd, fwd_text)
                self.sign(m, "sig_other_block", p)
                continue
            elif (
                k == 3
            ):  # a vice-president writes from the cabinet's mailbox: the block is the assistant's
                text = (
                    f"Bonjour,\n\nJe signe en tant que {e(p, 'vice-président', 'vice-présidente')}.\n{display(p, 'cased')}\n\n"
                    f"{stn}\n{self.sf(st, 'Assistant', 'Assistante')} – Cabinet de la Présidence\nConseil départemental {de_dept(p.dep)}\nTél. {self.phone()}\n\n{self.disclaimer(p)}"
                )
                fn, fa = f"Cabinet – {stn}", f"cabinet@{dept_dom(p.dep)}"
            elif k == 4:  # the spouse's address and auto-signature
                st = next(x for x in self.staff if (x[0] in STAFF_F) != p.f)
                stn = f"{st[0]} {nom_case(st[1])}"
                text = (
                    f"Bonjour,\nje signe (j'écris depuis l'adresse de mon {rng.choice(['mari', 'conjoint'])} !)\n"
                    f"{display(p, 'cased')}, {role} {d['de']}\n\n{stn}\nMenuiserie – Agencement\n{self.phone(True)}\nDevis gratuit"
                )
                if not p.f:
                    text = text.replace("mon mari", "ma femme").replace(
                        "mon conjoint", "ma compagne"
                    )
                fn, fa = stn, f"{slug(st[0])}.{slug(st[1]).replace('-', '')}@orange.fr"
            elif (
                k in (5, 8)
            ):  # from the town hall's box whose auto-signature is the mayor's (who does not sign here)
                mayor = self.reg.mayor_of.get(p.commune_code)
                mayor = self.use(mayor) if mayor is not None and self.ok(mayor) else None
                mline = (
                    f"{e(mayor, 'Le Maire', 'La Maire')},\n{display(mayor, 'cased')}"
                    if mayor
                    else "Le Maire"
                )
                text = (
                    f"Bonjour,\n\nJe signe à titre personnel (ce n'est pas le maire qui écrit, c'est la boîte de la mairie) :\n"
                    f"{display(p, 'std')}, {role}\n\n--\n{mline}\n{mb}"
                    if k == 5
                    else f"+1\n{display(p, 'cased')}, {d['short']}\n\n{mline}\n{mb}"
                )
                fn, fa = f"Mairie {de_place(p.commune, p.tl)}", "mairie@" + town_dom(p)
            elif k == 6:  # the communication service's block
                text = (
                    f"Je signe l'appel.\n{display(p, 'cased')}\n{cap1(role)}\n\nService communication\n{stn}\n"
                    f"{self.sf(st, 'Chargé', 'Chargée')} de communication\n{mb}\n{self.socials(p)}"
                )
                fn, fa = "Service communication", "communication@" + town_dom(p)
            else:  # a professional block of the official's employer
                text = (
                    f"Je signe, à titre d'{e(p, 'élu', 'élue')} : {display(p, 'cased')}, {self.role_de(p, d)}.\n(message envoyé depuis ma boîte pro)\n\n"
                    f"{display(p, 'cased')}\nResponsable d'agence\nCrédit Coopératif des Vallées – agence de {rng.choice(['Bellerive', 'Montclar', 'Saint-Aubin'])}\n{self.phone()}\n\n"
                    "Ce message et toutes les pièces jointes sont établis à l'intention exclusive de ses destinataires et sont confidentiels."
                )
                fn, fa = (
                    display(p, "cased"),
                    f"{slug(p.prenom)}.{slug(p.nom)}@credit-vallees.example",
                )
            m = self.new(
                "sig_other_block",
                client,
                fn,
                fa,
                rng.choice(["Appel pharmacies", "RE: " + CALL_SUBJECT, "Signature"]),
            )
            self.body(m, text)
            self.sign(m, "sig_other_block", p)

    def html_sig_table(self):
        """HTML-only messages: one sentence and a signature table (logo alt text, bold name, title lines, social icons, grey disclaimer)."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "apple",
            "thunderbird",
            "outlook_desktop",
            "zimbra",
            "gmail",
            "roundcube",
        ]
        tops = [
            "Je signe.",
            "OK pour moi, je signe l'appel.",
            "Bonjour, je signe.",
            "+1",
            "Bonjour,\nje m'associe à votre appel.",
            "Je signe",
            "Avec mon soutien.",
            "Je signe l'appel.",
        ]
        for k in range(8):
            p = self.signer(("cm", "mai", "cd", "cm", "cr", "mai", "cm", "ma")[k : k + 1])
            client = clients[k]
            d = parts(p, rng)
            lines = self.tlines(p, d)
            coll = self.coll(p, d)
            rows = "<br>\n".join(
                f'<span style="color:#1F4E79;font-size:9pt">{esc(x)}</span>' for x in lines
            )
            soc = " ".join(
                f'<a href="https://www.{n.lower()}.com/{slug(p.commune or p.prenom)}"><img src="cid:{n.lower()}.png" alt="{n}" width="16" height="16"></a>'
                for n in ("Facebook", "Instagram", "LinkedIn")
            )
            alt = rng.choice([f"Logo {coll}", "logo", "image001.png", coll])
            sig = (
                f'<table cellpadding="0" cellspacing="0" style="font-family:Arial,sans-serif"><tr>'
                f'<td style="padding-right:12px;border-right:2px solid #1F4E79"><img src="cid:image001.png@01DD{hx(rng, 4, HEXU)}.{hx(rng, 8, HEXU)}" alt="{esc(alt)}" width="90" height="90"></td>\n'
                f'<td style="padding-left:12px"><b style="font-size:11pt">{esc(display(p, rng.choice(["cased", "std"])))}</b><br>\n{rows}<br>\n'
                f'<span style="font-size:9pt">T. {self.phone()} &ndash; M. {self.phone(True)}</span><br>\n{soc}</td></tr></table>\n'
                f'<p style="font-size:7pt;color:#808080">{esc(self.disclaimer(p))}</p>\n'
            )
            m = self.new(
                "html_sig_table",
                client,
                display(p, "cased"),
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT) if k % 2 else "Appel – signature",
            )
            qh = quote_html(client, self.call, CALL, m.from_addr) if k % 2 else ""
            doc = html_doc(client, "@@TOP@@", qh)
            top_html = (
                "".join(f"<div>{esc(x)}</div>\n" for x in tops[k].split("\n"))
                + "<div><br></div>\n"
                + sig
            )
            m.html = re.sub(
                r"<(p|div)( class=\"MsoNormal\")?>@@TOP@@(<o:p></o:p>)?</\1>\n",
                lambda _m, h=top_html: h,
                doc,
            )
            assert "@@TOP@@" not in m.html
            m.text = None
            self.sign(m, "html_sig_table", p)

    # ---------------------------------------------------------------- shapes: overseas and special territories
    def outremer(self):
        rng = self.rng
        plan = [
            ("mai", "971", "Bonjou tout moun", "gmail"),
            ("cm", "971", "Bonjour", "outlook_desktop"),
            ("mai", "972", "Bonjou", "iphone"),
            ("ma", "972", "Bonjour à vous", "outlook_desktop"),
            ("ma", "973", "Bonjou", "gmail"),
            ("cm", "973", "Bonjour", "android_gmail"),
            ("mai", "974", "Bonzour zot tout", "orange"),
            ("cd", "974", "Bonjour", "zimbra"),
            ("cr", "04", "Bonzour", "outlook_desktop"),
            ("cm", "976", "Jéjé, bonjour", "samsung"),
            ("cd", "976", "Bonjour", "gmail"),
            ("cd", "971", "Bonjou", "apple"),
            ("cr", "01", "Bonjour", "yahoo"),
            ("cm", "974", "Bonjour", "thunderbird"),
            ("mai", "972", "Bonjou tout moun", "laposte"),
        ]
        for k, (kind, where, greet, client) in enumerate(plan):
            if k == 14:
                code = rng.choice(sorted(c for c in COMMUNES if c.startswith("972")))
                p = self.impostor("invented", commune_code=code)
                p.fonction = "Maire"
            elif kind == "ma":
                p = self.official(("ma",), lambda p, w=where: p.coll == w)
            elif kind == "cr":
                p = self.official(("cr",), lambda p, w=where: p.region_code == w)
            else:
                p = self.signer((kind,), lambda p, w=where: p.dep == w, allow_imp=False)
            d = parts(p, rng)
            kk = self.kind_of(p)
            name = display(p, rng.choice(["cased", "std", "inv"]))
            isl = {
                "971": "Guadeloupe",
                "972": "Martinique",
                "973": "Guyane",
                "974": "La Réunion",
                "976": "Mayotte",
            }.get(p.dep, "")
            if kk in ("mai", "cm", "mdel"):
                place = rng.choice(
                    [f"{d['de']} ({isl})", f"{d['de']} ({p.dep})", "", f"{d['de']}, {isl}"]
                )
                title = (
                    f"{cap1(d['role'])} {place}"
                    if place
                    else f"{cap1(d['role'])}\n{rng.choice(['Hôtel de ville', 'Mairie'])}\n{postcode(p.commune_code)} {p.commune}"
                )
                if kk == "cm" and "adjoint" not in p.fonction and rng.random() < 0.5:
                    title = f"{e(p, 'Conseiller municipal', 'Conseillère municipale')} – {p.commune} ({isl})"
            elif kk == "cd":
                title = rng.choice(
                    [
                        f"{cap1(d['role'])} {de_dept(p.dep)}\nCanton {de_name(p.canton)}",
                        f"{cap1(d['role'])} du {p.dep} (canton {de_name(p.canton)})",
                        f"{cap1(d['role'])} – {dept_name(p.dep)}",
                    ]
                )
            elif kk == "cr":
                title = f"{cap1(d['role'])} {de_place(p.region, p.region_tl)}"
            elif p.coll == "972":
                title = rng.choice(
                    [
                        f"{e(p, 'Conseiller', 'Conseillère')} à l'Assemblée de Martinique (CTM)",
                        f"{e(p, 'Élu', 'Élue')} CTM – Collectivité Territoriale de Martinique",
                    ]
                )
            else:
                title = rng.choice(
                    [
                        f"{e(p, 'Conseiller territorial', 'Conseillère territoriale')} de Guyane",
                        f"{e(p, 'Conseiller', 'Conseillère')} à l'Assemblée de Guyane (CTG)",
                    ]
                )
            why = rng.choice(
                [
                    "Chez nous, la pharmacie de garde la plus proche est parfois à quarante minutes de route, quand la route n'est pas coupée.",
                    "Le point 3 sur les gardes outre-mer est essentiel pour nos communes.",
                    "Nos îles et nos communes de l'intérieur connaissent bien le problème.",
                    "Merci de penser aux territoires ultramarins.",
                ]
            )
            local = {
                "971": ["Mèsi anpil,", "Mèsi,"],
                "972": ["Mèsi anpil,", "Mèsi,"],
                "973": ["Mèsi,"],
                "974": ["Mersi, bien à zot,", "Bien à zot,"],
                "976": ["Marahaba,"],
            }
            closing = rng.choice(
                local.get(p.dep, []) + ["Cordialement,", "Fraternellement,", "Bien cordialement,"]
            )
            text = f"{greet},\n\n{why} Je signe l'appel.\n\n{closing}\n{name}\n{title}"
            if rng.random() < 0.4:
                text += f"\n{self.phone(True)}"
            m = self.new(
                "outremer",
                client,
                display(p, "cased"),
                addr_of(p, rng),
                rng.choice(
                    [
                        "Signature",
                        f"Appel – {isl or 'outre-mer'}",
                        "Je signe",
                        self.reply_subject(client, CALL_SUBJECT),
                    ]
                ),
            )
            if m.subject.startswith(("Re", "RE")):
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "outremer", p)

    def corse_lyon_plm(self):
        """Assemblée de Corse, Corsican communes, Métropole de Lyon, Paris/Lyon/Marseille arrondissement councillors."""
        rng = self.rng
        plan = [
            ("ma94", "gmail"),
            ("ma94", "outlook_desktop"),
            ("mai2A", "orange"),
            ("cm2B", "iphone"),
            ("ma69M", "outlook_desktop"),
            ("ma69M", "thunderbird"),
            ("caParis", "gmail"),
            ("caParis", "apple"),
            ("caLyon", "zimbra"),
            ("caMarseille", "outlook_mac"),
            ("cmParis", "outlook_desktop"),
            ("caMarseille", "android_gmail"),
            ("caLyon", "yahoo"),
        ]
        for k, (what, client) in enumerate(plan):
            if what == "ma94":
                p = self.official(("ma",), lambda p: p.coll == "94")
            elif what == "mai2A":
                p = self.signer(("mai",), lambda p: p.dep == "2A", allow_imp=False)
            elif what == "cm2B":
                p = self.signer(("cm",), lambda p: p.dep == "2B", allow_imp=False)
            elif what == "ma69M":
                p = self.official(("ma",), lambda p: p.coll == "69M")
            elif what == "cmParis":
                p = self.official(("cm",), lambda p: p.commune_code == "75056")
            else:
                city = what[2:]
                if k == 12:
                    p = self.impostor("other_first")
                    # a namesake of a Lyon councillor claiming an arrondissement seat
                    p.commune, p.commune_code, p.dep, p.tl = "Lyon", "69123", "69", 0
                    p.secteur = "Lyon 3Eme Secteur"
                else:
                    p = self.signer(
                        ("ca",), lambda p, c=city: p.secteur.startswith(c), allow_imp=False
                    )
            d = parts(p, rng)
            name = display(p, rng.choice(["cased", "std"]))
            if p.impostor:
                title = f"{e(p, 'Conseiller', 'Conseillère')} du 3e arrondissement de Lyon"
            elif p.kind == "ma" and p.coll == "94":
                title = rng.choice(
                    [
                        f"{e(p, 'Cunsiglieru', 'Cunsigliera')} à l'Assemblea di Corsica\n{e(p, 'Conseiller', 'Conseillère')} à l'Assemblée de Corse",
                        f"{e(p, 'Élu', 'Élue')} à l'Assemblée de Corse",
                    ]
                )
            elif p.kind == "ma":
                title = rng.choice(
                    [
                        f"{e(p, 'Conseiller métropolitain', 'Conseillère métropolitaine')}\nMétropole de Lyon",
                        f"{e(p, 'Conseiller', 'Conseillère')} de la Métropole de Lyon",
                        f"{e(p, 'Élu', 'Élue')} à la Métropole de Lyon (Grand Lyon)",
                    ]
                )
            elif p.kind == "ca":
                city, n = sector(p)
                f = p.fonction
                arr = ca_where(p, rng.choice(["std", "short", "num"]))
                if f.startswith("Maire"):
                    title = f"{e(p, 'Maire', 'Maire')} {ca_where(p)}"
                elif "adjoint" in f:
                    title = f"{e(p, 'Adjoint', 'Adjointe')} au maire {ca_where(p)}\n{e(p, 'délégué', 'déléguée')} à la santé"
                else:
                    title = rng.choice(
                        [
                            f"{e(p, 'Conseiller', 'Conseillère')} d'arrondissement ({arr})",
                            f"{e(p, 'Conseiller', 'Conseillère')} d'arrondissement\nMairie {ca_where(p)}",
                            f"{e(p, 'Élu', 'Élue')} {ca_where(p)}",
                        ]
                    )
                if city == "Marseille":
                    title += f"\n{n}e secteur – Marseille"
            elif p.commune_code == "75056":
                title = f"{e(p, 'Conseiller de Paris', 'Conseillère de Paris')}\nConseil de Paris"
            else:
                title = "\n".join(self.tlines(p, d))
                if p.dep in ("2A", "2B"):
                    title = title.replace("Mairie ", "Merria / Mairie ").replace(
                        "Commune ", "Cumuna / Commune "
                    )
            greet = (
                "Bonghjornu"
                if p.dep in ("2A", "2B") or p.coll == "94"
                else rng.choice(["Bonjour", "Bonjour à toutes et à tous", "Bonjour,"])
            )
            close = "Saluti,\n" if greet == "Bonghjornu" else self.closing() + "\n"
            body = rng.choice(
                [
                    "Je signe l'appel.",
                    "En ville aussi, des quartiers entiers perdent leur pharmacie. Je signe.",
                    "Vous pouvez ajouter ma signature.",
                    "Je soutiens et je signe.",
                ]
            )
            text = f"{greet.rstrip(',')},\n\n{body}\n\n{close}{name}\n{title}"
            if rng.random() < 0.5:
                text += "\n" + self.block_extras(p, d)
            subj = rng.choice(
                ["Signature", "Appel", "Je signe"] + (["Appellu"] if greet == "Bonghjornu" else [])
            )
            m = self.new("corse_lyon_plm", client, display(p, "cased"), addr_of(p, rng), subj)
            self.body(m, text)
            self.sign(m, "corse_lyon_plm", p)

    # ---------------------------------------------------------------- shapes: threads
    def thread_spread(self):
        """Name in the first message, mandate in the answer to the organisers' question, a confirmation, a name correction."""
        rng = self.rng
        clients = ["gmail", "iphone", "outlook_desktop", "thunderbird", "apple", "zimbra", "gmail"]
        sizes = [5, 4, 6, 7, 5, 4, 6]
        for k in range(7):
            p = self.signer(
                ("cm", "mai", "cm", "cd", "cm", "mai", "cm")[k : k + 1],
                lambda p: (
                    len(p.nom) >= 5
                    and " " not in p.nom
                    and "-" not in p.nom
                    and "-" not in p.prenom
                ),
            )
            d = parts(p, rng)
            client, size = clients[k], sizes[k]
            th = f"{self.n + 1:03d}-thread_spread"
            a1 = addr_of(p, rng, rng.choice(["gmail.com", "orange.fr", "free.fr"]))
            a2 = official_addr(p, rng) if k in (0, 2, 3) and not p.impostor else a1
            wrong, fix = self.misspell(p, k) if size >= 5 else (display(p, "cased"), "")
            # 1. the name only
            m1 = self.new(
                "thread_spread",
                client,
                wrong if k % 2 else "",
                a1,
                rng.choice(["Appel", "Je signe", "pharmacies"]),
            )
            t1 = rng.choice(
                [
                    f"Je signe ! {wrong}",
                    f"Bonjour, comptez sur moi.\n{wrong}",
                    f"Je signe l'appel.\n\n{wrong}",
                ]
            )
            full = self.from_call(m1, t1) if k % 2 else self.body(m1, t1)
            self.label(m1, "thread_spread", "signs", self.case(p), None, th)
            # 2. the organisers ask for the mandate
            ask = rng.choice(
                [
                    "Merci pour votre signature ! Pour qu'elle soit vérifiée, pouvez-vous nous indiquer votre mandat et votre commune (ou collectivité) ?",
                    "Merci ! Il nous manque votre mandat : êtes-vous maire, adjoint·e, conseiller·e… et de quelle collectivité ?",
                ]
            )
            m, full = self.org_mail(m1, full, f"Bonjour,\n\n{ask}", "thread_spread", th)
            # 3. the mandate (from another address in three threads)
            mand = rng.choice(
                [
                    self.role_de(p, d),
                    f"{d['role']}, {d['bare_d'] or d['de']}",
                    f"{d['short']} {d['bare_d']}",
                ]
            )
            t3 = rng.choice([f"{cap1(mand)}.", f"Bonjour,\n\nJe suis {mand}.\n\nBonne journée"])
            if a2 != a1:
                t3 += "\n\n(je vous réponds depuis mon adresse de la collectivité)"
            m3, full = self.user_reply(
                m,
                full,
                display(p, "cased") if a2 != a1 else m1.from_name,
                a2,
                client,
                t3,
                "thread_spread",
            )
            if size == 4:
                self.sign(m3, "thread_spread", p, thread=th)
                conf = f"Bonjour,\n\nC'est noté, merci : {wrong}, {mandate(p, rng)}. Votre signature sera publiée le 1er décembre."
                self.org_mail(m3, full, conf, "thread_spread", th)
                continue
            self.label(m3, "thread_spread", "signs", self.case(p), None, th)
            # 4. the organisers' confirmation (with the name as first written)
            if size == 5:
                conf = f"Bonjour,\n\nC'est noté, merci : {wrong}, {mandate(p, rng)}. Votre signature sera publiée le 1er décembre."
            else:
                conf = f"Bonjour,\n\nPouvez-vous nous confirmer votre signature ainsi : « {wrong}, {mandate(p, rng)} » ?"
            m, full = self.org_mail(m3, full, conf, "thread_spread", th)
            if size >= 6:  # 5. « je confirme »
                m5, full = self.user_reply(
                    m,
                    full,
                    m3.from_name,
                    a2,
                    client,
                    rng.choice(["Je confirme.", "Oui, c'est bien ça, je confirme.", "Confirmé !"]),
                    "thread_spread",
                )
                self.label(m5, "thread_spread", "signs", self.case(p), None, th)
                m = m5
            # the correction, from the other address when there is one
            mc, full = self.user_reply(
                m, full, display(p, "cased"), a1 if size >= 6 else a2, client, fix, "thread_spread"
            )
            self.sign(mc, "thread_spread", p, thread=th)
            if size == 7:
                self.org_mail(
                    mc,
                    full,
                    "Bonjour,\n\nCorrigé, merci et désolé·es pour l'erreur !",
                    "thread_spread",
                    th,
                )

    def misspell(self, p: P, k: int) -> tuple[str, str]:
        """The name as first written (wrong or incomplete) and the correction message."""
        nm, pn = nom_case(p.nom), p.prenom
        if k % 4 == 0:  # a letter dropped in the surname
            i = max(1, len(nm) // 2)
            bad = nm[:i] + nm[i + 1 :]
            return (
                f"{pn} {bad}",
                f"Petite correction : mon nom s'écrit {p.nom} ({nm}), pas {bad}. Merci !\n\n{pn} {p.nom}",
            )
        if k % 4 == 1:  # the first name only with an initial
            return f"{pn} {nm[0]}.", f"Pour la liste, mon nom complet : {pn} {p.nom}.\n\n{pn}"
        if k % 4 == 2:  # surname and first name swapped and the surname in lower case
            return (
                f"{nm} {pn}",
                f"Attention, {nm} est mon nom de famille et {pn} mon prénom : {p.nom} {pn}. Merci de corriger.",
            )
        return (
            f"{pn[:3]}. {nm}",
            f"Merci. Juste une précision : mon prénom est {pn} (et non {pn[:3]}.).\n\n{pn} {nm}",
        )

    def thread_interleaved(self):
        """The organisers ask four questions; the answers are written under each quoted question (bottom-posting)."""
        rng = self.rng
        clients = ["thunderbird", "apple", "roundcube", "gmail", "outlook_desktop", "iphone"]
        for k in range(6):
            p = self.signer(("cm", "mai", "cm", "cr", "cm", "cd")[k : k + 1])
            d = parts(p, rng)
            client = clients[k]
            th = f"{self.n + 1:03d}-thread_interleaved"
            addr = addr_of(p, rng)
            m1 = self.new(
                "thread_interleaved",
                client,
                display(p, "cased") if k % 2 else p.prenom,
                addr,
                rng.choice(["Signature", "Appel", "je signe"]),
            )
            full1 = self.body(
                m1,
                rng.choice(
                    [
                        f"Bonjour,\nje souhaite signer l'appel.\n{p.prenom}",
                        "Je signe.",
                        "Bonjour, je signe l'appel !",
                    ]
                ),
                html=False,
            )
            self.label(m1, "thread_interleaved", "signs", self.case(p), None, th)
            qs = [
                "Votre nom ?",
                "Votre prénom ?",
                "Votre mandat ?",
                "Votre commune ou collectivité ?",
            ]
            t2 = (
                "Bonjour,\n\nMerci ! Pour que votre signature soit vérifiée, pouvez-vous compléter :\n\n"
                + "\n".join(qs)
                + "\n\nMerci d'avance."
            )
            m2, full2 = self.org_mail(m1, full1, t2, "thread_interleaved", th)
            where = d["bare_d"] or d["de"] or self.coll(p, d)
            if p.kind == "cr":
                where = f"Région {p.region}"
            elif p.kind == "cd":
                where = f"{dept_name(p.dep)} (canton {de_name(p.canton)})"
            ans = [
                p.nom if k % 2 else nom_case(p.nom),
                p.prenom,
                rng.choice([d["role"], d["short"], cap1(d["role"])]),
                where,
            ]
            m3 = self.new(
                "thread_interleaved",
                client,
                m1.from_name,
                addr,
                self.reply_subject(client, m2.subject),
                in_reply_to=m2.mid,
                references=f"{m1.mid} {m2.mid}",
            )
            quoted = quote_text(client, m2, full2, addr).lstrip("\n")
            for qq, a in zip(qs, ans, strict=True):
                if "\n> " + qq in "\n" + quoted:
                    quoted = quoted.replace(f"> {qq}\n", f"> {qq}\n{a}\n>\n", 1)
                else:  # Outlook quotes without « > »: the answers go after the questions, marked
                    quoted = quoted.replace(f"\n{qq}\n", f"\n{qq}\n=> {a}\n", 1)
            head = (
                "Bonjour,\nmes réponses dans votre message.\n\n"
                if client in ("outlook_desktop", "iphone")
                else ""
            )
            tail = (
                ""
                if client in ("outlook_desktop", "iphone")
                else f"\n{rng.choice(['Bonne journée', 'Merci', 'Cordialement'])}\n{p.prenom}\n"
            )
            m3.text = head + quoted.rstrip("\n") + "\n" + tail
            if client == "iphone":
                m3.text = m3.text.replace(
                    "mes réponses dans votre message.",
                    "mes réponses dans votre message.\n\nEnvoyé de mon iPhone",
                    1,
                )
            self.sign(m3, "thread_interleaved", p, thread=th)

    def thread_toppost_nested(self):
        """Questions back and forth, then « je signe » top-posted above three to five nested quotes."""
        rng = self.rng
        clients = ["outlook_desktop", "gmail", "zimbra", "apple", "outlook_desktop", "yahoo"]
        sizes = [5, 3, 7, 5, 3, 7]
        qa = [
            (
                "la liste des signataires sera-t-elle publique ?",
                "Oui, elle sera publiée le 1er décembre, avec le mandat de chacun·e.",
            ),
            (
                "mes collègues élus peuvent-ils signer aussi ?",
                "Oui, chaque élu·e signe en son nom : qu'ils nous écrivent chacun·e.",
            ),
            (
                "l'appel est-il soutenu par un parti ?",
                "Non, il est transpartisan : des élu·es de toutes sensibilités l'ont signé.",
            ),
            (
                "faut-il une délibération du conseil ?",
                "Non, la signature est personnelle, aucune délibération n'est nécessaire.",
            ),
            (
                "le texte sera-t-il remis au ministère de la Santé ?",
                "Oui, en main propre, le 3 décembre.",
            ),
        ]
        for k in range(6):
            p = self.signer(("mai", "cm", "cd", "mai", "cm", "cr")[k : k + 1])
            d = parts(p, rng)
            client = clients[k]
            th = f"{self.n + 1:03d}-thread_toppost_nested"
            addr = official_addr(p, rng) if not p.impostor else addr_of(p, rng)
            sig = "\n".join([display(p, "cased")] + self.tlines(p, d))
            q1, a1 = qa[k % 5]
            m1 = self.new(
                "thread_toppost_nested",
                client,
                display(p, "cased"),
                addr,
                "Question avant signature",
            )
            full = self.from_call(
                m1,
                f"Bonjour,\n\nAvant de signer, une question : {q1}\n\n{self.closing()}\n\n{sig}",
                html=False,
            )
            self.label(m1, "thread_toppost_nested", "question", self.case(p), None, th)
            prev, prevfull = self.org_mail(
                m1, full, f"Bonjour,\n\n{a1}", "thread_toppost_nested", th
            )
            n = 2
            while n < sizes[k] - 1:
                q2, a2 = qa[(k + n) % 5]
                m, full = self.user_reply(
                    prev,
                    prevfull,
                    display(p, "cased"),
                    addr,
                    client,
                    f"Merci. Et {q2}",
                    "thread_toppost_nested",
                    html=False,
                )
                self.label(m, "thread_toppost_nested", "question", self.case(p), None, th)
                prev, prevfull = self.org_mail(
                    m, full, f"Bonjour,\n\n{a2}", "thread_toppost_nested", th
                )
                n += 2
            last_addr = addr_of(p, rng) if k == 3 else addr
            final = rng.choice(
                [
                    "Parfait, je signe.",
                    "Très bien. Je signe donc !",
                    "Merci pour vos réponses, vous pouvez compter sur ma signature.",
                    "OK, je signe.",
                ]
            )
            m, _ = self.user_reply(
                prev,
                prevfull,
                display(p, "cased"),
                last_addr,
                client,
                final,
                "thread_toppost_nested",
                html=False,
            )
            assert n + 1 == sizes[k]
            self.sign(m, "thread_toppost_nested", p, thread=th)

    def fwd_of_fwd(self):
        """A forward of a forward: the signature two levels down, under other people's forwarding lines and blocks."""
        rng = self.rng
        for k in range(7):
            st = (
                self.staff[(k + 3) % len(self.staff)] if k not in (2, 5) else self.staff[0]
            )  # staff[0] moderates the list
            st2 = self.staff[(k + 5) % len(self.staff)]
            stn, st2n = f"{st[0]} {nom_case(st[1])}", f"{st2[0]} {nom_case(st2[1])}"
            if k == 3:
                p = self.signer(("cr",), allow_imp=False)
            elif k == 4:
                p = self.signer(("cd",), lambda p: "Vice" in p.fonction)
            else:
                p = self.signer(
                    ("mai", "cm", "mai", None, None, "cm", "mai")[k : k + 1],
                    lambda p: (
                        p.dep in DEPTS
                        and not p.dep.startswith("97")
                        and p.commune_code in self.reg.mayor_of
                    ),
                    imp=k == 5,
                )
            d = parts(p, rng)
            t0 = self.clock.t - dt.timedelta(hours=rng.randint(20, 30))
            if k in (0, 6):  # mayor -> DGS -> secretary -> organisers
                dom = town_dom(p)
                m1 = Mail(
                    "",
                    "outlook_desktop",
                    display(p, "cased"),
                    official_addr(p, rng),
                    "Appel pharmacies",
                    aware(t0),
                    "",
                    to=f"{stn} <dgs@{dom}>",
                )
                t1 = f"{st[0]},\n\nPouvez-vous faire envoyer ma signature aux organisateurs de l'appel ?\n{display(p, 'std')}, {self.role_de(p, d)}\n\nMerci"
                m2 = Mail(
                    "",
                    "outlook_desktop",
                    stn,
                    f"dgs@{dom}",
                    "TR: Appel pharmacies",
                    aware(t0 + dt.timedelta(hours=2)),
                    "",
                    to=f"{st2n} <secretariat@{dom}>",
                )
                t2 = (
                    f"{st2[0]}, pour envoi (adresse dans l'appel ci-joint).\n\n{stn}\n{self.sf(st, 'Directeur général', 'Directrice générale')} des services\n{self.mairie_block(p)}\n\n"
                    + forward_block("outlook_desktop", m1, t1, m1.to)
                )
                client, fn, fa = (
                    ("outlook_desktop", st2n, f"secretariat@{dom}")
                    if k == 0
                    else (
                        "zimbra",
                        f"Secrétariat Mairie {de_place(p.commune, p.tl)}",
                        f"secretariat@{dom}",
                    )
                )
                top = f"Bonjour,\n\nVeuillez trouver ci-dessous la signature de {e(p, 'M.', 'Mme')} le Maire.\n\nCordialement,\n{st2n}\nSecrétariat de mairie"
                subj = ("TR: " if client == "outlook_desktop" else "Tr: ") + m2.subject
                last, last_text = m2, t2
            elif (
                k == 1
            ):  # the call forwarded by an association, then by the mayor (who does not sign) to a councillor
                mayor = self.reg.mayor_of.get(p.commune_code)
                if mayor is None or not self.ok(mayor):
                    mayor = self.official(("mai",), lambda x, dep=p.dep: x.dep == dep)
                self.use(mayor)
                pa = addr_of(p, rng)
                am = Mail(
                    "",
                    "thunderbird",
                    f"{stn} – Association des maires",
                    f"contact@amf{p.dep.lower()}.example",
                    "Fwd: " + CALL_SUBJECT,
                    aware(t0),
                    "",
                    to="maires@liste.example",
                )
                ta = (
                    f"Bonjour à toutes et à tous,\n\nPour information, l'appel ci-dessous.\n\n{stn}\n{self.sf(st, 'Chargé', 'Chargée')} de mission\n\n"
                    + forward_block("thunderbird", self.call, CALL, self.call.to)
                )
                m2 = Mail(
                    "",
                    "gmail",
                    display(mayor, "cased"),
                    official_addr(mayor, rng),
                    "Fwd: " + am.subject,
                    aware(t0 + dt.timedelta(hours=5)),
                    "",
                    to=f"{display(p, 'cased')} <{pa}>",
                )
                t2 = (
                    f"Je te transfère, à toi de voir. Moi je réfléchis encore.\n\n{display(mayor, 'cased')}\n{cap1(mandate(mayor, rng))}\n\n"
                    + forward_block("gmail", am, ta, am.to)
                )
                client, fn, fa = "gmail", display(p, "cased"), pa
                top = f"Bonjour,\n\nJe signe : {display(p, 'cased')}, {self.role_de(p, d)}."
                subj = "Fwd: " + m2.subject
                last, last_text = m2, t2
            elif (
                k in (2, 5)
            ):  # the official's answer went to the moderated list; the moderator sent it back; forwarded again
                m1 = Mail(
                    "",
                    "apple",
                    display(p, "cased"),
                    addr_of(p, rng),
                    "Re: " + CALL_SUBJECT,
                    aware(t0),
                    "",
                    to=ORG_LIST,
                )
                t1 = f"Je signe.\n{display(p, 'std')}\n{cap1(self.role_de(p, d))}"
                m2 = Mail(
                    "",
                    "roundcube",
                    f"{stn} (modération)",
                    f"moderation@listes.{ORG_DOMAIN}",
                    "Fwd: Re: " + CALL_SUBJECT,
                    aware(t0 + dt.timedelta(hours=6)),
                    "",
                    to=m1.from_addr,
                )
                t2 = (
                    f"Bonjour,\n\nLa liste est en lecture seule : votre message n'a pas été diffusé. Merci de l'envoyer à {ORG_ADDR}.\n\n{stn}\nModération\n\n"
                    + forward_block("roundcube", m1, t1, ORG_LIST)
                )
                client, fn, fa = "apple", m1.from_name, m1.from_addr
                top = "Voilà, je vous le renvoie."
                subj = "Fwd: " + m2.subject
                last, last_text = m2, t2
            else:  # an elected official's message to their collaborator, forwarded to the communication service, then to the organisers
                base = region_dom(p.region) if p.kind == "cr" else dept_dom(p.dep)
                m1 = Mail(
                    "",
                    "iphone",
                    display(p, "cased"),
                    official_addr(p, rng),
                    "Appel pharmacies",
                    aware(t0),
                    "",
                    to=f"{stn} <{slug(st[0])}.{slug(st[1])}@{base}>",
                )
                t1 = f"{st[0]}, je signe cet appel, pouvez-vous transmettre ? {display(p, 'cased')}, {self.role_de(p, d)}\n\nEnvoyé de mon iPhone"
                m2 = Mail(
                    "",
                    "outlook_desktop",
                    stn,
                    f"{slug(st[0])}.{slug(st[1])}@{base}",
                    "TR: Appel pharmacies",
                    aware(t0 + dt.timedelta(hours=1)),
                    "",
                    to=f"Communication <communication@{base}>",
                )
                t2 = (
                    f"Bonjour,\n\nPour la revue des engagements de l'exécutif.\n\n{stn}\n{self.sf(st, 'Collaborateur', 'Collaboratrice')} d'élu\n\n"
                    + forward_block("outlook_desktop", m1, t1, m1.to)
                )
                client, fn, fa = "outlook_desktop", "Communication", f"communication@{base}"
                top = f"Bonjour,\n\nNous vous transmettons ci-dessous la signature de {display(p, 'cased')}.\n\nLe service communication"
                subj = "TR: " + m2.subject
                last, last_text = m2, t2
            m = self.new("fwd_of_fwd", client, fn, fa, subj)
            m.text = top + "\n\n" + forward_block(client, last, last_text, last.to)
            self.sign(m, "fwd_of_fwd", p)

    # ---------------------------------------------------------------- non-signing messages
    def sigblock(self, p: P, rng) -> str:
        d = parts(p, rng)
        return f"{display(p, rng.choice(['std', 'cased']))}\n{cap1(self.role_de(p, d))}"

    def confirmation(self, p: P, rng) -> str:
        return (
            f"Bonjour,\n\nVotre signature est bien enregistrée :\n{display(p, 'std')}, {mandate(p, rng)}\n\n"
            f"Elle sera vérifiée puis publiée le 1er décembre. Merci !\n\n{org_sig(0)}"
        )

    def question(self):
        rng = self.rng
        qs = [
            "Bonjour,\n\nUn conseiller municipal délégué peut-il signer, ou seulement le maire et les adjoints ? Je préfère attendre votre réponse.",
            "Bonjour,\n\nLe point 2 ne risque-t-il pas de fragiliser les officines existantes ? J'aimerais en discuter avant de m'engager.",
            "Bonjour,\n\nNotre conseil se réunit le 9 novembre : je vous redirai après.",
            "Bonjou,\n\nEst-ce que le point 3 concerne aussi les communes de l'intérieur de la Guyane, sans route ?",
            "Bonjour,\n\nQui finance votre collectif ? Je ne signe rien sans le savoir.",
            "Bonjour,\n\nPouvez-vous m'envoyer le texte en PDF ? Je voudrais le présenter en bureau municipal.",
            "Bonghjornu,\n\nL'appel sera-t-il traduit en corse ? Je pose la question pour notre assemblée.",
            "Bonjour,\n\nMon maire, qui est en congé, souhaite savoir jusqu'à quand on peut signer.",
            "Bonjour,\n\nPeut-on signer au nom de la commune, après une délibération, plutôt qu'à titre personnel ?",
            "Bonjour,\n\nJ'ai déjà signé l'appel de l'association des maires ruraux sur le même sujet : est-ce compatible ?",
            "",
            "Bonzour,\n\nL'appel vise-t-il aussi les pharmacies mutualistes ? Chez nous c'est la seule officine des Hauts.",
        ]
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "gmail",
            "thunderbird",
            "laposte",
            "iphone",
            "outlook_desktop",
            "apple",
            "orange",
            "zimbra",
            "samsung",
        ]
        for k in range(12):
            if k == 10:  # the secretary asks for the mayor, named, who has not signed
                p = self.official(("mai",), lambda p: p.dep in DEPTS and not p.dep.startswith("97"))
                st = self.staff[2]
                m = self.new(
                    "question",
                    clients[k],
                    f"Secrétariat Mairie {de_place(p.commune, p.tl)}",
                    "secretariat@" + town_dom(p),
                    "Question de M. le Maire" if not p.f else "Question de Mme la Maire",
                )
                self.body(
                    m,
                    f"Bonjour,\n\n{e(p, 'Notre maire', 'Notre maire')}, {display(p, 'cased')}, souhaiterait savoir si la liste des signataires sera transmise à l'ARS avant de se décider.\n\n"
                    f"Cordialement,\n{st[0]} {nom_case(st[1])}\n{self.sf(st, 'Secrétaire', 'Secrétaire')} de mairie\n{self.mairie_block(p)}",
                )
                self.label(m, "question", "question", "nonsigning")
                continue
            if k == 11:
                p = self.official(("cm",), lambda p: p.dep == "974")
            elif k == 3:
                p = self.official(("ma",), lambda p: p.coll == "973")
            elif k == 6:
                p = self.official(("ma",), lambda p: p.coll == "94")
            else:
                p = self.official(("mai", "cm", "cd", "cr"))
            block = self.long_block(p, sep=False) if k % 2 == 0 else self.sigblock(p, rng)
            m = self.new(
                "question",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Question",
                    "Point 2",
                    "Conseil du 9 novembre",
                    "Gardes en Guyane",
                    "Financement",
                    "Texte en PDF ?",
                    "Traduction",
                    "Date limite",
                    "Délibération",
                    "Deux appels",
                    "",
                    "Pharmacies mutualistes",
                ][k],
            )
            self.body(m, f"{qs[k]}\n\n{self.closing()}\n{block}")
            self.label(m, "question", "question", "nonsigning")

    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor
            and per[s[0].file] == 1
            and s[0].client not in ("plain", "organisers")
            and "thread" not in s[0].file
            and "fwd_of_fwd" not in s[0].file
            and "sig_other" not in s[0].file
        ]

    def org_confirm(self, p: P, rng, hours: float) -> Mail:
        return Mail(
            "",
            "organisers",
            f"{ORGANISERS[0][0]} – {ORG_NAME}",
            ORG_ADDR,
            "Votre signature est enregistrée",
            aware(self.clock.t - dt.timedelta(hours=hours)),
            "<" + hx(rng, 32) + f"@{ORG_DOMAIN}>",
        )

    def thanks(self):
        rng = self.rng
        one = self.one_signer_msgs()
        for k in range(10):
            if k == 8:  # a former mayor (2022 file), no longer in office: cannot sign
                x = self.impostor("former_2022")
                m = self.new(
                    "thanks", "orange", display(x, "cased"), addr_of(x, rng), "Re: " + CALL_SUBJECT
                )
                self.body(
                    m,
                    f"Bonjour,\n\nMerci pour votre message, mais je ne suis plus {e(x, 'maire', 'maire')} {de_place(x.commune, x.tl)} depuis mars 2026 : je ne peux donc pas signer en tant qu'{e(x, 'élu', 'élue')}. "
                    f"Je transmets à la nouvelle équipe.\n\n{display(x, 'cased')}\n{e(x, 'Ancien maire', 'Ancienne maire')} {de_place(x.commune, x.tl)}",
                    self.call,
                    CALL,
                )
                self.label(m, "thanks", "other", "nonsigning")
                continue
            if (
                k == 9
            ):  # thanks for the confirmation of a colleague's signature, naming that colleague
                src, p, addr = one[(11 * 3) % len(one)]
                q = (
                    self.official(("cm",), lambda x, c=p.commune_code: x.commune_code == c)
                    if p.commune_code
                    and any(self.ok(x) for x in self.reg.by_commune.get(p.commune_code, []))
                    else self.official(("cm",))
                )
                m = self.new(
                    "thanks",
                    "thunderbird",
                    display(q, "cased"),
                    addr_of(q, rng),
                    "Merci pour la liste",
                )
                self.body(
                    m,
                    f"Bonjour,\n\nMerci pour le point d'étape. Je vois que {display(p, 'cased')} a signé : je ne signerai pas, mais bravo pour la mobilisation.\n\n{self.sigblock(q, rng)}",
                )
                self.label(m, "thanks", "other", "nonsigning")
                continue
            if k == 0:  # a refusal with a long block
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
                    f"Bonjour,\n\nMerci pour votre envoi. Je ne signerai pas : le point 2 met en danger la pharmacie de notre bourg.\n\nCordialement,\n\n{self.long_block(p, sep=False)}",
                    self.call,
                    CALL,
                )
                self.label(m, "thanks", "other", "nonsigning")
                continue
            if k in (1, 2):
                src, p, addr = one[(7 + 19 * k) % len(one)]
                prev = self.org_confirm(p, rng, 20)
                m = self.new(
                    "thanks",
                    "gmail" if k == 1 else "iphone",
                    src.from_name,
                    addr,
                    "Re: Votre signature est enregistrée",
                )
                self.body(
                    m,
                    "Merci à vous, et bon courage !"
                    if k == 1
                    else "Parfait, merci. Je fais suivre au conseil.",
                    prev,
                    self.confirmation(p, rng),
                )
                self.label(m, "thanks", "thanks", "nonsigning", refers_to=src.file)
                continue
            if k == 3:  # a secretary: the mayor (named) will not sign
                p = self.official(("mai",))
                st = self.staff[1]
                m = self.new(
                    "thanks",
                    "zimbra",
                    f"Mairie {de_place(p.commune, p.tl)}",
                    "mairie@" + town_dom(p),
                    "Re: " + CALL_SUBJECT,
                )
                self.body(
                    m,
                    f"Bonjour,\n\n{e(p, 'Monsieur le Maire', 'Madame la Maire')}, {display(p, 'cased')}, me charge de vous remercier. {e(p, 'Il', 'Elle')} ne signe aucun appel national par principe.\n\n"
                    f"Cordialement,\n{st[0]} {nom_case(st[1])}\nSecrétaire de mairie\n{self.mairie_block(p)}",
                    self.call,
                    CALL,
                )
                self.label(m, "thanks", "other", "nonsigning")
                continue
            if k == 4:  # passes the call to the mayor (named), who will answer himself
                p = self.official(
                    ("cm",),
                    lambda p: "adjoint" in p.fonction and p.commune_code in self.reg.mayor_of,
                )
                mayor = self.use(self.reg.mayor_of[p.commune_code])
                m = self.new(
                    "thanks", "gmail", display(p, "cased"), addr_of(p, rng), "Re: " + CALL_SUBJECT
                )
                self.body(
                    m,
                    f"Merci, je transmets à notre maire, {display(mayor, 'cased')}, qui vous répondra directement.\n\n{self.sigblock(p, rng)}",
                    self.call,
                    CALL,
                )
                self.label(m, "thanks", "thanks", "nonsigning")
                continue
            p = self.official(("cm", "cd", "mai", "cr"))
            text = [
                "",
                "",
                "",
                "",
                "",
                f"Bonjour,\n\nMerci pour l'invitation au webinaire du 5 novembre, je m'inscris.\n\n{self.long_block(p, sep=False)}",
                f"Bonjour,\n\nMerci, j'ai fait suivre l'appel à mes collègues du conseil.\n\n{self.sigblock(p, rng)}",
                f"Merci pour le point d'étape, belle mobilisation !\n\n{self.sigblock(p, rng)}",
            ][k]
            m = self.new(
                "thanks",
                ["", "", "", "", "", "roundcube", "yahoo", "apple"][k],
                display(p, "cased"),
                addr_of(p, rng),
                ["", "", "", "", "", "Webinaire", "Merci", "Re: Point d'étape"][k],
            )
            self.body(m, text)
            self.label(m, "thanks", "thanks", "nonsigning")

    def autoreply(self):
        rng = self.rng
        one = self.one_signer_msgs()
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        for k in range(8):
            if k == 7:  # a trip with a long block
                p = self.official(("cd",), lambda p: p.dep in ("971", "974", "976"))
                m = self.new(
                    "autoreply",
                    "outlook_desktop",
                    display(p, "cased"),
                    official_addr(p, rng),
                    "Réponse automatique : " + CALL_SUBJECT,
                    extra=auto,
                )
                self.body(
                    m,
                    f"Bonjour,\n\nEn déplacement dans l'Hexagone jusqu'au 6 novembre, je prendrai connaissance de votre message à mon retour.\n\n{self.long_block(p, sep=False)}",
                    html=False,
                )
                self.label(m, "autoreply", "autoreply", "nonsigning")
                continue
            if k == 6:
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
                    "be delivered to one or more recipients.\n\n<accueil@mairie-fermee.example>: host not found\n\n"
                    f"--- original message headers ---\nSubject: [Relance] {CALL_SUBJECT}\n"
                )
                self.label(m, "autoreply", "autoreply", "nonsigning")
                continue
            if k == 5:
                src, p, addr = one[(41) % len(one)]
                m = self.new(
                    "autoreply",
                    "outlook_desktop",
                    src.from_name,
                    addr,
                    "Réponse automatique : Votre signature est enregistrée",
                    extra=auto,
                )
                prev = self.org_confirm(p, rng, 0.05)
                self.body(
                    m,
                    f"Je suis absent{e(p, '', 'e')} jusqu'au 2 novembre (vacances de la Toussaint). Pour toute urgence, contactez la mairie.",
                    prev,
                    self.confirmation(p, rng),
                    html=False,
                )
                self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
                continue
            p = self.official(("mai", "cd", "cm", "cr", "mai")[k : k + 1])
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nJe suis en congé du 26 octobre au 4 novembre inclus. Votre message sera traité à mon retour.\n\n{self.long_block(p, sep=False)}",
                f"I am out of the office until 2 November. / Je suis absent{e(p, '', 'e')} jusqu'au 2 novembre.\n\n{self.sigblock(p, rng)}",
                f"Accusé de réception\n\nVotre courriel a bien été reçu par les services de la mairie {d['de']}. Il sera transmis à {display(p, 'std')}, {d['role']}.\n\nLa mairie sera fermée le mercredi 11 novembre.\n\nCeci est un message automatique, merci de ne pas y répondre.",
                f"Message automatique : {display(p, 'cased')} est en session plénière jusqu'au 6 novembre et ne consulte pas sa messagerie.",
                f"Bonjour,\n\nMerci pour votre message. La mairie est fermée jusqu'au lundi 2 novembre (pont de la Toussaint). {e(p, 'Monsieur le Maire', 'Madame la Maire')} vous répondra à son retour.\n\n{self.mairie_block(p)}",
            ][k]
            m = self.new(
                "autoreply",
                ["outlook_desktop", "outlook_en", "zimbra", "gmail", "laposte"][k],
                display(p, "cased") if k not in (2, 4) else f"Mairie {d['de']}",
                addr_of(p, rng) if k not in (2, 4) else "mairie@" + town_dom(p),
                [
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Automatic reply: " + CALL_SUBJECT,
                    "Accusé de réception de votre courriel",
                    "Absence",
                    "Fermeture de la mairie",
                ][k],
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self):
        rng = self.rng
        bulk = "Precedence: bulk\nList-Unsubscribe: <mailto:leave-{L}@{D}>"
        for k in range(6):
            ps = [self.official(("mai", "cm", "cd")) for _ in range(3)]
            if k == 5:  # a département's e-letter with the president's word
                p = self.official(
                    ("cd",), lambda p: p.fonction.startswith("Président") and p.dep in DEPTS
                )
                dom = dept_dom(p.dep)
                m = self.new(
                    "newsletter",
                    "plain",
                    f"Le Département {de_dept(p.dep)}",
                    f"infolettre@{dom}",
                    "L'infolettre du Département – novembre 2026",
                    extra=bulk.replace("{L}", "infolettre").replace("{D}", dom),
                )
                m.text = (
                    f"L'INFOLETTRE DU DÉPARTEMENT – NOVEMBRE 2026\n\nLE MOT {e(p, 'DU PRÉSIDENT', 'DE LA PRÉSIDENTE')}\n\nL'accès aux soins reste notre priorité : "
                    f"bus santé, aides à l'installation, soutien aux officines rurales.\n\n{display(p, 'cased')}\n{cap1(mandate(p, rng))}\n\n"
                    "À LA UNE\n- Collèges : le plan de rénovation\n- Routes : chantiers d'hiver\n\nSe désinscrire : https://infolettre.example/stop"
                )
                self.label(m, "newsletter", "newsletter", "nonsigning")
                continue
            if k == 0:  # a town's newsletter with the mayor's editorial
                p = self.official(("mai",))
                m = self.new(
                    "newsletter",
                    "plain",
                    f"Ville {de_place(p.commune, p.tl)}",
                    f"newsletter@{town_dom(p)}",
                    f"La lettre {de_place(p.commune, p.tl)} – novembre 2026",
                    extra=bulk.replace("{L}", "lettre").replace("{D}", town_dom(p)),
                )
                m.text = (
                    f"LA LETTRE {noacc(de_place(p.commune, p.tl)).upper()} – NOVEMBRE 2026\n\nÉDITO\n\nChères habitantes, chers habitants,\n\n"
                    "La fermeture de notre pharmacie nous a tous touchés. J'ai rencontré l'Agence régionale de santé et j'ai signé l'appel "
                    "national des élu·es pour que plus aucune commune ne reste sans officine.\n\n"
                    f"{e(p, 'Votre maire', 'Votre maire')},\n{display(p, 'cased')}\n\nAGENDA\n- Marché de Noël le 5 décembre\n- Cérémonie du 11 Novembre à 11h\n\n"
                    f"{self.mairie_block(p)}\n\nVous recevez cette lettre car vous êtes inscrit·e sur {town_dom(p)}. Se désinscrire : répondre STOP."
                )
            elif k in (1, 2):
                lst = "\n".join(f"• {display(x, 'std')}, {mandate(x, rng)}" for x in ps)
                dom = "elus-ruraux.example" if k == 1 else "sante-territoires.example"
                m = self.new(
                    "newsletter",
                    "plain",
                    ["Les élus ruraux – la lettre", "Santé & Territoires"][k - 1],
                    f"lettre@{dom}",
                    ["La lettre des élus ruraux – novembre 2026", "Santé & Territoires n° 48"][
                        k - 1
                    ],
                    extra=bulk.replace("{L}", "lettre").replace("{D}", dom),
                )
                m.text = f"{m.subject.upper()}\n\nIls et elles ont pris position sur l'accès aux soins :\n{lst}\n\nAdhérez pour 20 € par an.\n"
            elif k == 3:
                lst = "; ".join(f"{display(x, 'cased')} ({mandate(x, rng)})" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Revue de presse Santé",
                    "revue@presse-sante.example",
                    "Revue de presse du 30 octobre",
                    extra=bulk.replace("{L}", "revue").replace("{D}", "presse-sante.example"),
                )
                m.text = f"REVUE DE PRESSE – SANTÉ\n\nDans la presse régionale cette semaine, des élu·es s'expriment sur les déserts pharmaceutiques : {lst}.\n\nSe désinscrire : répondre STOP"
            else:
                posts = "\n".join(
                    f"------------------------------\n\nMessage: {i + 2}\nDate: {fr_long(self.clock.t)}\nFrom: {display(x, 'cased')} <{addr_of(x, rng)}>\n"
                    f"Subject: Re: appel pharmacies\n\nJ'ai signé l'appel ce matin.\n{display(x, 'std')}\n{cap1(self.role_de(x, parts(x, rng)))}\n"
                    for i, x in enumerate(ps)
                )
                m = self.new(
                    "newsletter",
                    "plain",
                    "",
                    "maires-ruraux-request@listes.elus-ruraux.example",
                    f"Digest maires-ruraux, Vol 12, Parution {rng.randint(10, 40)}",
                    extra=bulk.replace("{L}", "maires-ruraux").replace(
                        "{D}", "listes.elus-ruraux.example"
                    ),
                )
                m.text = f"Envoyez vos messages pour la liste maires-ruraux à\n\tmaires-ruraux@listes.elus-ruraux.example\n\nThèmes du jour :\n\n   1. Re: appel pharmacies (3 messages)\n\n{posts}\n------------------------------\n\nFin de Digest maires-ruraux\n"
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self):
        rng = self.rng
        one = self.one_signer_msgs()
        picks = [one[i % len(one)] for i in (4, 17, 29, 38, 52, 14)]
        for k, (src, p, addr) in enumerate(picks):
            client = ["iphone", src.client, "outlook_desktop", "gmail", "thunderbird", "zimbra"][k]
            text = [
                "Retirez ma signature s'il vous plaît.",
                f"Bonjour,\n\nAprès discussion avec notre pharmacien, je préfère retirer ma signature : le point 2 l'inquiète beaucoup.\n\n{display(p, 'cased')}",
                "Bonjour,\n\nMerci de supprimer mon nom de la liste des signataires.\n\nCordialement",
                "Finalement je retire ma signature, désolé·e.",
                f"Bonjour,\n\nJe retire mon soutien à l'appel.\n\n{self.long_block(p, sep=False)}",
                f"Bonjour,\n\nSuite au conseil municipal d'hier soir, je vous demande de retirer ma signature.\n\n{self.sigblock(p, rng)}",
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
                    "Re: Votre signature est enregistrée",
                    "Retrait de signature",
                    "Retrait",
                ][k],
            )
            if k == 3:
                self.body(m, text, self.org_confirm(p, rng, 30), self.confirmation(p, rng))
            else:
                self.body(m, text)
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [
            (
                "Support Messagerie Mairie",
                "noreply@maj-boite-mairie.example",
                "Dernier avis : votre boîte sera suspendue",
                "Bonjour,\n\nVotre boîte sera désactivée ce soir. Confirmez votre mot de passe : http://maj-boite-mairie.example/login\n",
            ),
            (
                "Élections 2028",
                "offre@campagne-facile.example",
                "Préparez dès maintenant votre prochaine campagne",
                "Madame, Monsieur l'élu·e,\n\nTracts, site et réseaux sociaux : pack complet à 990 € HT. Répondez OUI.\n",
            ),
            (
                "Service Amendes",
                "avis@amendes-paiement.example",
                "Avis de contravention n° 8812-2026",
                "Bonjour,\n\nUne contravention est en attente de paiement. Réglez 35 € sous 72 h pour éviter la majoration.\n",
            ),
            (
                "Distributeurs Santé Pro",
                "commercial@distributeur-medicaments.example",
                "Distributeur automatique de médicaments pour votre commune",
                "Bonjour,\n\nPlus de pharmacie ? Installez notre borne connectée ! Devis gratuit sous 48 h.\n",
            ),
            (
                "Colis en attente",
                "suivi@livraison-colis.example",
                "Votre colis n'a pas pu être livré",
                "Bonjour,\n\nVotre colis est en attente. Réglez 1,99 € de frais de douane ici : http://livraison-colis.example/pay\n",
            ),
            (
                "Registrar Services",
                "renew@domaines-expiration.example",
                "Votre nom de domaine expire dans 3 jours",
                "Bonjour,\n\nLe nom de domaine de votre mairie expire. Renouvelez-le ici pour 89 € : http://domaines-expiration.example\n",
            ),
            (
                "Formation des élus",
                "info@formation-elus-dif.example",
                "DIF élus : vos droits expirent le 31 décembre",
                "Madame, Monsieur,\n\nUtilisez vos heures de DIF élu avant qu'elles ne soient perdues : catalogue 2026 en ligne.\n",
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
        if part == 2:  # the reminder, a week before the deadline
            m = self.new(
                "org_call",
                "organisers",
                ORG_NAME,
                ORG_LIST,
                "[Relance] " + CALL_SUBJECT,
                enc=("utf-8", "quoted-printable"),
                extra=LIST_HEADERS,
            )
            m.to = "undisclosed-recipients:;"
            self.body(
                m,
                f"Bonjour,\n\nIl reste quelques jours pour signer. Si ce n'est pas encore fait, répondez à ce message avec vos nom, prénom et mandat.\n\n{org_sig(1)}\n\n---\n\n{CALL}",
                html=False,
            )
            self.label(m, "org_call", "other", "nonsigning")
            return
        ok = [s for s in self.signed if not s[1].impostor]
        sample = ok[2::11][:5]
        rows = "\n".join(f"- {display(p, 'std')} ({mandate(p, rng)})" for _, p, _ in sample)
        text = (
            f"Bonjour à toutes et à tous,\n\nPremier point d'étape : l'appel a déjà reçu plus de 200 signatures, dont :\n\n{rows}\n\n"
            f"Il reste jusqu'au 13 novembre pour signer : répondez à ce message avec vos nom, prénom et mandat.\n\n{org_sig(0)}"
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
            f"{ORGANISERS[1][0]},\n\nJ'ai relancé les fils où il manquait le mandat ; attention aux corrections de nom arrivées après nos confirmations, "
            f"c'est toujours le dernier message qui fait foi. On en parle demain 9h ?\n\n{ORGANISERS[0][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[0], ORG_ADDR, "Pointage des signatures")
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")
        st = self.staff[0]
        text = (
            f"Bonjour,\n\nEn tant que {self.sf(st, 'modérateur', 'modératrice')} de la liste elus-solidaires, je vous signale que plusieurs réponses sont arrivées sur la liste "
            f"au lieu de votre adresse. Je les ai renvoyées à leurs auteurs.\n\n{st[0]} {nom_case(st[1])}\nModération des listes"
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
        self.sig_long_block()
        self.outremer()
        self.thread_spread()
        self.sig_only_block()
        self.corse_lyon_plm()
        self.thread_interleaved()
        self.sig_mairie_block()
        self.org_call(1)
        self.fwd_of_fwd()
        self.sig_other_block()
        self.thread_toppost_nested()
        self.html_sig_table()
        self.question()
        self.thanks()
        self.autoreply()
        self.newsletter()
        self.org_call(2)
        self.withdraw()
        self.spam()
        self.mails.sort(key=lambda m: m.file)
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
            for r in sorted(self.labels, key=lambda r: r["message_file"]):
                r["encoding"] = r["_mail"].encoding
                w.writerow([r[c] for c in LABEL_COLS])
        sig = [r for r in self.labels if r["expected"] != "no_signer"]
        print(
            f"{len(self.mails)} messages, {len(sig)} signers ({sum(r['expected'] == 'verified' for r in sig)} officials, "
            f"{sum(r['expected'] == 'not_verified' for r in sig)} impostors)"
        )


DISCLAIMERS = [
    "Ce message et ses pièces jointes sont confidentiels et établis à l'attention exclusive de leurs destinataires. Si vous avez reçu ce message "
    "par erreur, merci d'en avertir immédiatement l'expéditeur et de le détruire. Toute utilisation ou diffusion non autorisée est interdite.",
    "AVERTISSEMENT : les courriels adressés à la collectivité et leurs réponses sont susceptibles d'être communiqués à toute personne qui en fait "
    "la demande, dans les conditions prévues par le code des relations entre le public et l'administration.",
    "Conformément au RGPD, vous disposez d'un droit d'accès, de rectification et d'effacement de vos données en écrivant à dpo@{DOM}.",
    "🌱 Pensez à l'environnement : n'imprimez ce courriel que si nécessaire.",
    "Ce courriel et ses pièces jointes ont été analysés par notre solution antivirus. La collectivité décline toute responsabilité en cas "
    "d'altération du message. Ce message et ses pièces jointes sont confidentiels…",
]


def forward_block(client: str, prev: Mail, prev_text: str, to: str) -> str:
    """The forwarded message as each client writes it under the forwarder's text."""
    t, w = prev.date, who(prev)
    if client in ("gmail", "android_gmail"):
        return (
            f"---------- Forwarded message ---------\nDe : {prev.from_name} <{prev.from_addr}>\n"
            f"Date: {FR_DAY_ABBR[t.weekday()]} {t.day} {FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}\n"
            f"Subject: {prev.subject}\nTo: {to}\n\n\n{prev_text}"
        )
    if client in ("thunderbird", "roundcube", "organisers"):
        return (
            f"-------- Message transféré --------\nSujet : \t{prev.subject}\nDate : \t{rfc_date(t)}\n"
            f"De : \t{w}\nPour : \t{to}\n\n\n\n{prev_text}"
        )
    if client in ("apple", "iphone", "ipad"):
        return (
            f"Début du message réexpédié :\n\nDe: {w}\nObjet: {prev.subject}\nDate: {t.day} {FR_MONTHS[t.month - 1]} {t.year} à "
            f"{t:%H:%M:%S} UTC+{int(offset(t)[1:3])}\nÀ: {to}\n\n{prev_text}"
        )
    if client in ("zimbra", "laposte"):
        fn = f'"{prev.from_name}" <{prev.from_addr}>' if prev.from_name else prev.from_addr
        return f"----- Mail transféré -----\nDe: {fn}\nÀ: {to}\nEnvoyé: {fr_long(t, cap=True, secs=True)}\nObjet: {prev.subject}\n\n{prev_text}"
    return f"________________________________\nDe : {w}\nEnvoyé : {fr_long(t)}\nÀ : {to}\nObjet : {prev.subject}\n\n{prev_text}"


if __name__ == "__main__":
    Builder().build()
