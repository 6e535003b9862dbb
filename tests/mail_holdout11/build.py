#!/usr/bin/env python3
"""Eleventh held-out petition mailbox (tests/mail_holdout11): builder.

    python tests/mail_holdout11/build.py            # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris summer time, September-October 2027), Message-IDs and MIME boundaries
drawn from the generator in each client's own shape. Reads the real 2026 RNE release
(../shared/rne/release-2026, every file), the 2022 mayors file of ../shared/rne/history (former
mayors) and the COG (../shared/cog) at build time; nothing of ../shared is copied into the
repository except, in the messages, the drawn people's name, sex, mandate and place. Birth dates
are read only to tell homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages, labels or builders of
the earlier held-out corpora (only the READMEs of mail_holdout5 and mail_holdout6,
tests/mail_holdout5/build.py whose reading helpers, client quoting and encoding machinery are
reused, and the scorer). Campaign: « Appel des élu·es pour les piscines publiques » (invented).
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

SEED = 2027_0914
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "piscines-publiques.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"elus-piscines@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Piscines publiques"
ORGANISERS = [
    ("Clotilde", "MARVÉJOULS-TISSERANDOT"),
    ("Évariste", "BRAQUEMOND-LAHOUSSE"),
]  # invented; checked absent
# secretaries, assistants, list moderators: invented, checked absent from every 2026 file
STAFF = [
    ("Gaëlle", "KERVARREC-POUJADAS"),
    ("Thibaut", "MONTAGNAC-VERHAEGHE"),
    ("Armelle", "LASCOMBES-DUCHEMINOT"),
    ("Ronan", "FAUCHEUX-AMBLARD"),
    ("Mélisande", "BOISRAMÉ-LACHAUX"),
    ("Yanis", "TRÉMOULET-GASPARINI"),
    ("Odile", "CHAMBRELENT-VIGUIÉ"),
    ("Quentin", "ROUMAGNAC-DELPLANQUE"),
    ("Sidonie", "LAVERGNAT-QUÉMÉNEUR"),
    ("Hervé", "BOUSQUAREL-DESFOSSÉS"),
]
CALL_TITLE = "Appel des élu·es pour les piscines publiques"
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
    "CHAMPARNAUD-VILLEBOIS",
    "LESCARRET-MONTAGUT",
    "KERDONCUFF-ABGRALL",
    "SANTUCCI-MORAZZANI",
    "BRUCKNER-SCHMITTLÉ",
    "HOARAU-VELLAYOUDOM",
    "GOURGUECHON-TRAMIER",
    "PELLEGRUE-SAINTOURENS",
    "DUFRAISSEIX-LABORIE",
    "MAZOYER-CHANTEGRIL",
    "ESCUDIÉ-BRASSAC",
    "VANHECKE-DESRUMAUX",
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
WINTER = dt.datetime(2027, 10, 31, 3, 0)  # last Sunday of October 2027: CEST -> CET


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=1 if t >= WINTER else 2)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2027, 9, 14, 8, 25)
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
    if client == "sfr":
        return f"\n\n> Le {t:%d/%m/%Y} {hm}, {w} a écrit :\n{q(prev_text)}\n"
    if client == "samsung":
        return (
            f"\n\n\n-------- Message d'origine --------\nDe : {w}\nDate : {t:%d/%m/%Y %H:%M} (GMT{offset(t)[:3]}:00)\n"
            f"À : {me}\nObjet : {prev.subject}\n\n{prev_text}\n"
        )
    return f"\n\n{w} a écrit :\n{q(prev_text)}\n"


def fwd_text(client: str, prev: Mail, prev_text: str, me: str) -> str:
    """A forwarded message as each client writes it (headers block, no quote marks)."""
    t, w = prev.date, who(prev)
    d, mon, y, hm = t.day, FR_MON_ABBR[t.month - 1], t.year, f"{t:%H:%M}"
    if client in ("gmail", "android_gmail"):
        return (
            f"\n\n---------- Forwarded message ---------\nDe : {w}\nDate: {FR_DAY_ABBR[t.weekday()]} {d} {mon} {y} à {hm}\n"
            f"Subject: {prev.subject}\nTo: <{me}>\n\n\n{prev_text}\n"
        )
    if client in ("outlook_desktop", "outlook_mac"):
        return f"\n\n-----Message d'origine-----\nDe : {w}\nEnvoyé : {fr_long(t)}\nÀ : {me}\nObjet : {prev.subject}\n\n{prev_text}\n"
    if client == "thunderbird":
        return (
            f"\n\n\n-------- Message transféré --------\nSujet : \t{prev.subject}\nDate : \t{t:%a, %d %b %Y %H:%M:%S} {offset(t)}\n"
            f"De : \t{w}\nPour : \t{me}\n\n\n\n{prev_text}\n"
        )
    if client in ("apple", "iphone"):
        return (
            f"\n\nDébut du message réexpédié :\n\nDe: {w}\nObjet: {prev.subject}\nDate: {d} {FR_MONTHS[t.month - 1]} {y} à {t:%H:%M:%S} "
            f"UTC+{int(offset(t)[1:3])}\nÀ: {me}\n\n{prev_text}\n"
        )
    if client in ("zimbra", "laposte"):
        return (
            f"\n\n----- Mail transféré -----\nDe: {w}\nÀ: {me}\nEnvoyé: {fr_long(t, cap=True, secs=True)}\n"
            f"Objet: {prev.subject}\n\n{prev_text}\n"
        )
    if client in ("orange", "orange_app"):
        return (
            f"\n\n---------- Message transféré ----------\nDe : {w}\nA : {me}\nDate : {t:%d/%m/%Y %H:%M}\n"
            f"Objet : {prev.subject}\n\n{prev_text}\n"
        )
    return f"\n\n-------- Original Message --------\nFrom: {w}\nDate: {rfc_date(t)}\nSubject: {prev.subject}\n\n{prev_text}\n"


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

Depuis 2022, plus d'une piscine publique sur dix a fermé ses bassins, « provisoirement » ou pour
de bon : factures d'énergie, bassins des années 1970 à rénover, maîtres-nageurs introuvables. Un
enfant sur deux entre en sixième sans savoir nager. Nous, élu·es de communes, d'intercommunalités,
de départements, de régions et de collectivités, quelle que soit notre sensibilité, demandons :

1) un fonds national de rénovation énergétique des piscines publiques, ouvert aux petites communes ;
2) la prise en charge par l'État du transport des écoliers vers les bassins ;
3) un plan de formation de 5 000 maîtres-nageurs sauveteurs d'ici 2030 ;
4) qu'aucune piscine ne ferme sans solution pour les scolaires du bassin de vie.

Pour signer, répondez simplement à ce message en indiquant vos nom, prénom et mandat (commune,
département, région ou collectivité), ou utilisez le formulaire du site. Chaque signature est
vérifiée dans le Répertoire national des élus avant publication, le 22 octobre 2027. Date limite :
15 octobre 2027.

Merci de faire suivre l'appel à vos collègues élu·es.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} : signez avant le 15 octobre"
CALL_DATE = aware(dt.datetime(2027, 9, 14, 7, 50, 41))
LIST_HEADERS = (
    f"List-Id: <elus-piscines.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:elus-piscines-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: elus-piscines@listes." + ORG_DOMAIN
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
        """Every 5th one-signer slot is an impostor (the next one when this slot cannot be)."""
        self.slot += 1
        if self.slot % 5 == 0:
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
    DOMS = {
        "orange": ["orange.fr", "wanadoo.fr"],
        "orange_app": ["orange.fr"],
        "sfr": ["sfr.fr", "neuf.fr"],
        "laposte": ["laposte.net"],
        "yahoo": ["yahoo.fr", "yahoo.com"],
        "gmail": ["gmail.com"],
        "android_gmail": ["gmail.com"],
        "samsung": ["gmail.com", "orange.fr", "sfr.fr"],
        "zimbra": ["free.fr", ""],
        "apple": ["icloud.com", "me.com", ""],
        "iphone": ["icloud.com", "orange.fr", "gmail.com", ""],
        "outlook_desktop": ["", "", "hotmail.fr", "outlook.fr"],
        "outlook_mac": ["", "icloud.com"],
        "outlook_ios": ["outlook.fr", "hotmail.com", ""],
        "thunderbird": ["", "free.fr", "laposte.net"],
        "roundcube": ["", "", "bbox.fr"],
    }

    def addr_for(self, p: P, client: str) -> str:
        dom = self.rng.choice(self.DOMS.get(client, [""]))
        return addr_of(p, self.rng, dom) if dom else official_addr(p, self.rng)

    def reply_call(
        self, shape: str, client: str, p: P, top: str, name_style: str = "std", **kw
    ) -> Mail:
        m = self.new(
            shape,
            client,
            display(p, name_style),
            kw.pop("addr", None) or self.addr_for(p, client),
            self.reply_subject(client, CALL_SUBJECT),
            in_reply_to=self.call.mid,
            references=self.call.mid,
        )
        self.from_call(m, top, html=kw.pop("html", None))
        return m

    def fresh(
        self, shape: str, client: str, p: P, subject: str, top: str, name_style: str = "std", **kw
    ) -> Mail:
        m = self.new(
            shape,
            client,
            display(p, name_style),
            kw.pop("addr", None) or self.addr_for(p, client),
            subject,
        )
        self.body(m, top, html=kw.pop("html", None))
        return m

    def big(self, p: P) -> bool:
        c = COMMUNES.get(p.commune_code) or {}
        return c.get("population", 0) >= 20000

    def small(self, p: P) -> bool:
        c = COMMUNES.get(p.commune_code) or {}
        return 0 < c.get("population", 0) < 2000

    def epci_people(self) -> list[P]:
        out = []
        for r in read_rows(RELEASE / "elus-conseiller-communautaire-epci.sample.csv"):
            cc = r["Code de la commune de rattachement"]
            x = P(
                "epci",
                r["Nom de l'élu"],
                r["Prénom de l'élu"],
                r["Code sexe"],
                dep=r["Code du département"],
                commune_code=cc,
                commune=COMMUNES[cc]["nom"]
                if cc in COMMUNES
                else r["Libellé de la commune de rattachement"],
                tl=(COMMUNES.get(cc) or {}).get("typeLiaison") or 0,
                fonction=r["Libellé de la fonction"],
                coll=r["Libellé de l'EPCI"],
                truth_commune=cc,
                truth_dep=r["Code du département"],
            )
            if self.ok(x) and (self.epci_of(cc) or {}).get("nom"):
                out.append(x)
        return out

    def gen_role(self, p: P) -> str:
        """What a stranger would call the person (« conseillère municipale »), no place."""
        d = parts(p, self.rng)
        return d["role"]


def saint(name: str) -> str:
    return re.sub(r"\bSainte-", "Ste-", re.sub(r"\bSaint-", "St-", name))


def lower_place(name: str) -> str:
    return noacc(name).lower().replace("-", " ").replace("'", " ")


FACILITIES = [
    "la piscine Alfred-Nakache",
    "le centre aquatique Jean-Taris",
    "la piscine Léo-Lagrange",
    "le stade nautique Yves-du-Manoir",
    "la piscine Christine-Caron",
    "la piscine Jean-Boiteux",
    "le bassin Marie-Marvingt",
    "la piscine Pierre-de-Coubertin",
    "la piscine Georges-Hermant",
    "l'espace aquatique Camille-Muffat",
]


class H11(Builder):
    # ---------------------------------------------------------------- formal letters pasted from Word
    def letterhead(self):
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "outlook_desktop",
            "laposte",
            "thunderbird",
            "outlook_desktop",
            "zimbra",
            "outlook_mac",
            "outlook_desktop",
            "roundcube",
        ]
        kinds = [
            ("mai",),
            ("mai",),
            ("cm",),
            ("cd",),
            ("mai",),
            ("cm",),
            ("mai",),
            ("cr",),
            ("mdel",),
            ("mai",),
        ]
        for k in range(10):
            p = self.signer(
                kinds[k],
                (lambda x: "adjoint" in x.fonction) if kinds[k] == ("cm",) else (lambda x: True),
            )
            d = parts(p, rng)
            client = clients[k]
            st = self.staff[k % len(self.staff)]
            suivi = f"Affaire suivie par : {e(p, 'M.', 'Mme') if k % 2 else 'Mme'} {st[0]} {st[1]}"
            if p.kind in ("mai", "cm", "mdel") or p.impostor:
                dep = d["dep"]
                top = f"RÉPUBLIQUE FRANÇAISE\nDépartement {de_dept(dep) if dep else ''}\n{'MAIRIE ' + de_place(p.commune, p.tl).upper()}"
                if p.kind == "mdel":
                    top = f"RÉPUBLIQUE FRANÇAISE\nCOMMUNE NOUVELLE {p.commune.upper()}\nMairie déléguée"
                lieu = p.commune
                if p.impostor or p.kind == "mai":
                    sig = f"{e(p, 'Le Maire', 'La Maire')},\n\n\n{display(p, rng.choice(['std', 'cased']))}"
                    dom = town_dom(p)
                    from_name, from_addr = (
                        (f"Mairie {de_place(p.commune, p.tl)}", f"mairie@{dom}")
                        if k % 3 == 0
                        else (display(p, "cased"), f"maire@{dom}")
                    )
                elif p.kind == "mdel":
                    sig = f"{e(p, 'Le Maire délégué', 'La Maire déléguée')},\n\n{display(p, 'std')}"
                    from_name, from_addr = display(p, "cased"), official_addr(p, rng)
                else:
                    sig = f"{cap1(d['role'])}\n{e(p, 'délégué', 'déléguée')} {rng.choice(DELEGATIONS)},\n\n{display(p, 'std')}"
                    from_name, from_addr = display(p, "cased"), official_addr(p, rng)
            elif p.kind == "cd":
                top = f"{dept_name(p.dep).upper()}\nLE DÉPARTEMENT\nHôtel du Département"
                lieu = rng.choice(["Hôtel du Département", dept_name(p.dep)])
                sig = f"{cap1(d['role'])} {d['de']}\n{'Canton ' + de_name(p.canton)},\n\n{display(p, 'std')}"
                from_name, from_addr = display(p, "cased"), official_addr(p, rng)
            else:
                top = f"RÉGION {p.region.upper()}\nConseil régional"
                lieu = "Hôtel de Région"
                sig = f"{cap1(d['role'])} {d['de']},\n\n{display(p, 'std')}"
                from_name, from_addr = display(p, "cased"), official_addr(p, rng)
            intro = rng.choice(
                [
                    "J'ai l'honneur de vous faire connaître que je m'associe pleinement à l'appel que vous avez lancé en faveur des piscines publiques, et vous autorise à faire figurer mon nom parmi ses signataires.",
                    "Par la présente, je vous confirme ma signature de l'appel des élu·es pour les piscines publiques. Notre territoire a perdu deux bassins en cinq ans et nos écoles doivent faire plus d'une heure de car pour assurer le savoir-nager.",
                    "Faisant suite à votre courriel du 14 septembre, je vous informe de mon souhait de signer l'appel. Vous trouverez ci-dessous les éléments nécessaires.",
                ]
            )
            formule = rng.choice(
                [
                    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
                    "Veuillez agréer, Madame, Monsieur, l'assurance de ma considération distinguée.",
                    "Je vous prie de croire, Madame, Monsieur, en l'expression de mes sentiments les meilleurs.",
                ]
            )
            m = self.new("letterhead", client, from_name, from_addr, "")
            t = m.date
            date_fr = f"{t.day} {FR_MONTHS[t.month - 1]} {t.year}"
            ini = "".join(w[0] for w in re.split(r"[- ]", p.prenom) if w) + p.nom[:1]
            ref = f"N/Réf. : {t.year}-{rng.randint(100, 999)}/{ini}/{rng.choice(['ab', 'cl', 'mg', 'sd'])}"
            text = (
                f"{top}\n\n{' ' * 40}{saint(lieu) if k == 4 else lieu}, le {date_fr}\n\n{ref}\n{suivi}\n\n"
                f"{ORG_NAME}\nÀ l'attention de {ORG_FULL[0]}\n\nObjet : {CALL_TITLE}\n\nMadame, Monsieur,\n\n{intro}\n\n{formule}\n\n{sig}"
            )
            if k in (2, 7):
                text = (
                    "Bonjour,\n\nVeuillez trouver ci-dessous le courrier de signature.\n\n" + text
                )
            m.subject = rng.choice(
                [
                    "Courrier – appel piscines publiques",
                    f"Objet : {CALL_TITLE}",
                    "Signature de l'appel",
                    "Appel piscines",
                ]
            )
            self.body(m, text, html=client in ("outlook_desktop", "zimbra"))
            self.sign(m, "letterhead", p)

    # ---------------------------------------------------------------- the mandate in the writer's own words
    def own_words(self):
        rng = self.rng
        clients = [
            "gmail",
            "orange",
            "thunderbird",
            "apple",
            "outlook_desktop",
            "laposte",
            "yahoo",
            "sfr",
            "zimbra",
            "gmail",
            "iphone",
            "roundcube",
        ]
        kinds = [
            ("mai",),
            ("cm",),
            ("cm",),
            ("mai",),
            ("cd",),
            ("cm",),
            ("cr",),
            ("cm",),
            ("epci",),
            ("cm",),
            ("mai",),
            ("epci",),
        ]
        epcis = self.epci_people()
        for k in range(12):
            if kinds[k] == ("epci",) and epcis:
                p = self.use(epcis.pop(0))
            elif kinds[k] == ("epci",):
                p = self.signer(("cm",))
            else:
                p = self.signer(
                    kinds[k],
                    (lambda x: "adjoint" in x.fonction) if k in (2, 9) else (lambda x: True),
                )
            nm = display(p, rng.choice(["std", "cased", "cased"]))
            pl = de_place(p.commune, p.tl) if p.commune else ""
            x = e(p, "", "e")
            if p.kind == "epci":
                ep = self.epci_of(p.commune_code)["nom"]
                vp = re.match(r"(\d+)", p.fonction or "")
                role = (
                    f"{vp[1]}e {e(p, 'vice-président', 'vice-présidente')} de la {epci_label(ep)}"
                    if vp
                    else f"{e(p, 'conseiller communautaire', 'conseillère communautaire')} à la {epci_label(ep)}"
                )
                phr = rng.choice(
                    [
                        f"Je siège à l'intercommunalité ({role}), élu{x} de la commune {pl}, et je signe l'appel.",
                        f"En tant que {role} — commune {pl} — je m'associe à votre appel.",
                    ]
                )
            elif p.impostor:
                phr = rng.choice(
                    [
                        f"Élu{x} au conseil municipal {pl} depuis 2020, je signe volontiers.",
                        f"Je fais partie de l'équipe municipale {pl} et je soutiens votre appel.",
                        f"Premier magistrat {pl}, je vous apporte mon soutien."
                        if p.fonction == "Maire"
                        else f"Je siège au conseil municipal {pl} (minorité) : je signe.",
                    ]
                )
            elif p.kind == "mai":
                phr = rng.choice(
                    [
                        f"Premi{e(p, 'er', 'ère')} magistrat{x} de la commune {pl}, je signe votre appel sans hésiter.",
                        f"Réélu{x} à la tête de la commune {pl} en mars 2026, je vous confirme mon soutien.",
                        f"Je préside le conseil municipal {pl} ; notre bassin d'été n'a pas ouvert cette année. Je signe.",
                        f"Édile {pl} depuis 2014, je signe l'appel.",
                    ]
                )
            elif p.kind == "cm" and "adjoint" in p.fonction:
                n = rank(p.fonction)
                phr = rng.choice(
                    [
                        f"Je fais partie de la municipalité {pl} en tant que {ordinal(n, p, 'word')} {e(p, 'adjoint', 'adjointe')}, {e(p, 'chargé', 'chargée')} {rng.choice(['des sports', 'de la jeunesse et des sports', 'de la vie associative et sportive'])}. Je signe.",
                        f"{e(p, 'Adjoint', 'Adjointe')} ({rng.choice(['sports', 'éducation', 'finances'])}) – rang {n} – commune {pl} : je signe l'appel.",
                        f"Je suis {e(p, 'l’un', 'l’une')} des adjoints au maire {pl} ({ordinal(n, p, 'eme')}), et je signe.",
                    ]
                )
            elif p.kind == "cm":
                phr = rng.choice(
                    [
                        f"Élu{x} au conseil municipal {pl}, je souhaite m'associer à votre appel.",
                        f"Je siège dans l'opposition au conseil municipal {pl}. Sur ce sujet, pas de clivage : je signe.",
                        f"Simple {e(p, 'conseiller', 'conseillère')} municipal{'e' if p.f else ''} {pl}, mais {e(p, 'maître-nageur', 'maître-nageuse')} de métier : je signe des deux mains.",
                        f"Membre du conseil municipal {pl} (liste « {p.commune} {rng.choice(['Ensemble', 'Demain', 'Avenir', 'Autrement'])} »), je signe.",
                        f"{e(p, 'Conseiller', 'Conseillère')} municipal{'e' if p.f else ''} {e(p, 'délégué', 'déléguée')} aux équipements sportifs {pl}, je signe l'appel.",
                    ]
                )
            elif p.kind == "cd":
                phr = rng.choice(
                    [
                        f"Je siège au conseil départemental {de_dept(p.dep)} pour le canton {de_name(p.canton)}. Je signe.",
                        f"Élu{x} départemental{'e' if p.f else ''} (canton {de_name(p.canton)}, {dept_name(p.dep)}), je m'associe à l'appel.",
                    ]
                )
            else:
                sec = dept_name(p.dep) if p.dep in DEPTS else ""
                phr = rng.choice(
                    [
                        f"Je représente {sec or 'mon département'} au conseil régional {de_place(p.region, p.region_tl)} et je signe l'appel.",
                        f"Élu{x} {'régional' if not p.f else 'régionale'} ({p.region}{', ' + sec if sec else ''}), je signe.",
                    ]
                )
            if k % 3 == 0:
                top = f"Bonjour,\n\nJe soussigné{x} {nm}. {phr}\n\n{self.closing()}"
            else:
                top = f"Bonjour,\n\n{phr}\n\n{self.closing()}\n{nm}"
            m = self.reply_call(
                "own_words", clients[k], p, top, name_style=rng.choice(["std", "cased", "inv"])
            )
            self.sign(m, "own_words", p)

    # ---------------------------------------------------------------- places by postcode, département number, postal block
    def place_codes(self):
        rng = self.rng
        clients = [
            "orange",
            "laposte",
            "gmail",
            "free_zimbra",
            "outlook_desktop",
            "sfr",
            "yahoo",
            "thunderbird",
            "apple",
            "orange",
            "samsung",
            "gmail",
        ]
        for k in range(12):
            p = self.signer(
                ("cm", "cm", "mai", "cm"),
                lambda x: (
                    not x.dep.startswith("97")
                    and x.commune_code != "75056"
                    and bool(postcode(x.commune_code))
                ),
            )
            d = parts(p, rng)
            cp = postcode(p.commune_code)
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            com = saint(p.commune) if "Saint" in p.commune and k % 2 else p.commune
            dep = d["dep"]
            forms = [
                f"{nm}\n{cap1(d['role'])} – {com} ({cp})",
                f"{nm}, {d['role']} à {com}, {cp}",
                f"Je signe : {nm}, {d['short']} {com} dans le {dep}",
                f"{nm}\n{cap1(d['role'])}\nMairie\n{self.street()}\n{cp} {com.upper()}",
                f"{nm}\n{cap1(d['role'])}\n{self.street()}\n{cp} {noacc(com).upper()} CEDEX\nTél. {self.phone()}",
                f"{nm} – {d['role']} – {com} ({dep}) – CP {cp}",
                f"Élu{e(p, '', 'e')} du {dep} : {nm}, {d['role']} ({com})",
                f"{nm}\n{cp} - {com}\n{cap1(d['role'])}",
                f"{nm} / {d['role']} / {cp} {com}",
                f"{nm}\n{d['short']} {com} ({dep} – {dept_name(dep)})",
                f"{nm}, {d['role']}, {dep}{cp[2:]} {lower_place(com)}",
                f"Le {dep} signe ! {nm}, {d['role']} à {com}.",
            ]
            top = (
                rng.choice(
                    [
                        "Bonjour,\n\nJe signe l'appel.\n\n",
                        "Bonjour,\nJe m'associe à l'appel :\n",
                        "Signature :\n\n",
                        "Bonjour, je signe.\n\n",
                    ]
                )
                + forms[k]
            )
            client = clients[k]
            addr = None
            if client == "free_zimbra":
                client, addr = "zimbra", addr_of(p, rng, "free.fr")
            m = self.reply_call("place_codes", client, p, top, addr=addr)
            self.sign(m, "place_codes", p)

    # ---------------------------------------------------------------- long stories, the signature buried
    def narrative(self):
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "apple",
            "orange",
            "laposte",
            "zimbra",
            "yahoo",
            "gmail",
            "outlook_mac",
        ]
        facs = list(FACILITIES)
        rng.shuffle(facs)
        for k in range(10):
            p = self.signer(
                ("cm", "mai", "cm", "cd"),
                lambda x: x.kind != "cm" or "adjoint" in x.fonction or rng.random() < 0.5,
            )
            d = parts(p, rng)
            fac = facs[k]
            pl = de_place(p.commune, p.tl) if p.commune else d["de"]
            x = e(p, "", "e")
            if p.kind == "cd":
                role_sentence = f"Depuis que je siège au conseil départemental {de_dept(p.dep)}, je vois les collèges de mon canton ({p.canton}) renoncer au cycle natation faute de créneaux."
            elif p.kind == "mai" or p.fonction == "Maire":
                role_sentence = f"Maire {pl}, j'ai dû annoncer moi-même aux familles que {fac} ne rouvrirait pas en septembre."
            elif "adjoint" in p.fonction:
                role_sentence = f"{e(p, 'Adjoint', 'Adjointe')} aux sports {pl} depuis 2020, j'ai vu la facture de gaz de {fac} passer de 90 000 à 260 000 euros en deux hivers."
            else:
                role_sentence = f"Je suis {e(p, 'conseiller municipal', 'conseillère municipale')} {pl}, et avant cela {e(p, 'parent', 'maman')} d'élève : j'ai accompagné des classes à {fac} pendant dix ans."
            paras = [
                "Bonjour,",
                f"Votre appel m'a touché{x}, et je voudrais vous dire pourquoi. {role_sentence}",
                rng.choice(
                    [
                        f"Le bassin a été construit en 1972 dans le cadre de l'opération « 1 000 piscines ». Il porte le nom d'un champion que plus aucun enfant ne connaît, mais tout le monde ici y a appris à nager, moi compris{'e' if p.f else ''}.",
                        "Notre maître-nageur, Didier, part à la retraite l'an prochain et nous n'avons reçu aucune candidature en deux ans. Le club de natation a perdu la moitié de ses licenciés.",
                        "La piscine la plus proche est désormais à 38 kilomètres. Les écoles y vont trois fois par an au lieu de dix séances. Cet été, deux adolescents se sont mis en difficulté dans la rivière.",
                    ]
                ),
                rng.choice(
                    [
                        "C'est pour tout cela que je signe votre appel, et que je le ferai circuler autour de moi.",
                        "Alors oui, je signe, sans hésiter.",
                        "Vous pouvez compter ma signature. Je peux aussi témoigner si vous organisez une conférence de presse.",
                    ]
                ),
                rng.choice(
                    [
                        "Le point 2 (transport des scolaires) est pour nous le plus urgent.",
                        "Sur le point 3, je crois qu'il faudrait aussi parler des BNSSA saisonniers.",
                        "Bon courage pour la suite, et merci de porter ce sujet.",
                    ]
                ),
            ]
            sign = rng.choice(
                [
                    display(p, "std"),
                    display(p, "cased"),
                    f"{p.prenom}\n({display(p, 'std')})",
                    display(p, "std") + f"\n{self.phone(True)}",
                ]
            )
            top = "\n\n".join(paras) + f"\n\n{self.closing()}\n\n{sign}"
            m = self.reply_call("narrative", clients[k], p, top, name_style="cased")
            self.sign(m, "narrative", p)

    # ---------------------------------------------------------------- the campaign web form's notifications
    def form_notification(self):
        rng = self.rng
        for k in range(10):
            p = self.signer(("cm", "cm", "mai", "cd", "cr", "ma", "ca"))
            d = parts(p, rng)
            addr = addr_of(p, rng)
            col = self.coll(p, d)
            cp = postcode(p.commune_code) if p.commune_code else ""
            com = p.commune if p.commune else d["bare"]
            wp = k % 3 != 2
            if k == 0:
                fields = f"Nom : {p.nom}\nPrénom : {p.prenom}\nMandat : {cap1(d['role'])}\nCommune / collectivité : {col}\nCode postal : {cp}\nMessage : Bravo pour l'initiative !"
            elif k == 1:  # both names in one field, the first name field empty
                fields = f"Nom : {display(p, 'inv')}\nPrénom : \nMandat : {d['role']}\nCommune / collectivité : {com}\nCode postal : {cp}\nMessage : "
            elif k == 2:
                fields = f"Votre nom : {noacc(p.nom).upper()}\nVotre prénom : {noacc(p.prenom).upper()}\nVotre mandat : {noacc(d['role']).upper()}\nVotre collectivité : {noacc(com).upper()}\nVotre e-mail : {addr}"
            elif k == 3:  # first name typed in the surname field and vice versa
                fields = f"Nom : {p.prenom}\nPrénom : {nom_case(p.nom)}\nMandat : {d['role']}\nCommune / collectivité : {col}\nCode postal : {cp}\nMessage : je crois que j'ai inversé nom et prénom, désolé{e(p, '', 'e')}"
            elif k == 4:
                fields = f"Nom : {nom_case(p.nom)}\nPrénom : {p.prenom}\nQualité : {e(p, 'Élu municipal', 'Élue municipale') if p.kind in ('cm', 'mai', '') else 'Autre'}\nPrécisez : {d['role']} {d['de']}\nCode postal : {cp}\n☑ J'accepte que mon nom soit publié"
            elif k == 5:  # mandate only in the free message
                fields = f"Nom : {p.nom}\nPrénom : {p.prenom}\nE-mail : {addr}\nMessage : {cap1(join(d['role'], d['de']))}. Je signe !"
            elif k == 6:
                fields = f"Civilité : {e(p, 'Monsieur', 'Madame')}\nNom : {p.nom}\nPrénom : {p.prenom}\nMandat : {d['short']}\nCollectivité : {saint(com)}\nDépartement : {d['dep'] or '—'}"
            elif k == 7:
                fields = f"Nom et prénom : {display(p, 'cased')}\nMandat(s) : {d['role']} {d['de']} ; {rng.choice(['président du club de plongée', 'vice-présidente du CCAS', 'délégué au syndicat des eaux'])}\nMessage : Merci"
            elif k == 8:
                fields = f"Nom : {p.nom}\nPrénom : {p.prenom}\nMandat : {d['role']}\nCommune / collectivité : {com}\nCode postal : \nMessage : Mon collègue {rng.choice(FIRST_M)} signera aussi demain"
            else:
                fields = f"Nom : {display(p, 'lower_inv')}\nPrénom : \nMandat : {noacc(d['role']).lower()} {noacc(d['de']).lower()}\nMessage :"
            if wp:
                subj = f"[{ORG_NAME}] Nouvelle signature de l'appel"
                text = (
                    f"De : {display(p, 'std')} <{addr}>\nObjet : Signature de l'appel\n\nCorps du message :\n{fields}\n\n-- \n"
                    f"Cet e-mail a été envoyé via le formulaire de contact de {ORG_NAME} (https://{ORG_DOMAIN})"
                )
                m = self.new(
                    "form_notification",
                    "webform",
                    ORG_NAME,
                    f"wordpress@{ORG_DOMAIN}",
                    subj,
                    enc=("utf-8", "8bit"),
                    extra=f"Reply-To: {addr}",
                )
                m.text = text
            else:
                subj = f"Nouvelle réponse au formulaire « Signer l'appel » (n° {rng.randint(300, 900)})"
                rows = "".join(
                    f'<tr><td style="padding:6px;background:#f3f3f3"><b>{esc(a.strip())}</b></td><td style="padding:6px">{esc(b.strip())}</td></tr>\n'
                    for a, b in (line.split(":", 1) for line in fields.split("\n") if ":" in line)
                )
                m = self.new(
                    "form_notification",
                    "webform",
                    "Formulaires",
                    f"no-reply@formulaires.{ORG_DOMAIN}",
                    subj,
                    enc=("utf-8", "quoted-printable"),
                )
                m.text = f"Une nouvelle réponse a été enregistrée.\n\n{fields}\n\nVoir toutes les réponses : https://formulaires.{ORG_DOMAIN}/signer/resultats"
                m.html = f'<html><body><p>Une nouvelle réponse a été enregistrée.</p>\n<table style="border-collapse:collapse">\n{rows}</table>\n<p><a href="https://formulaires.{ORG_DOMAIN}/signer/resultats">Voir toutes les réponses</a></p></body></html>\n'
            self.sign(m, "form_notification", p, addr=addr)

    # ---------------------------------------------------------------- surnames that are first names, no capitals to tell
    def name_order(self):
        rng = self.rng
        firsts = Counter(fold(x.prenom) for x in self.reg.pool["cm"])
        common = {f for f, _ in firsts.most_common(400)}
        clients = [
            "gmail",
            "outlook_desktop",
            "iphone",
            "laposte",
            "thunderbird",
            "orange",
            "yahoo",
            "zimbra",
            "apple",
            "sfr",
        ]
        for k in range(10):
            p = self.signer(
                ("cm", "cm", "mai", "cm", "cd"),
                lambda x: (
                    fold(x.nom) in common
                    and " " not in x.nom
                    and "-" not in x.nom
                    and fold(x.nom) != fold(x.prenom)
                ),
            )
            d = parts(p, rng)
            nom_t = nom_case(p.nom)
            order = k % 3
            name = {0: f"{p.prenom} {nom_t}", 1: f"{nom_t} {p.prenom}", 2: f"{nom_t}, {p.prenom}"}[
                order
            ]
            if k == 9:
                name = f"{noacc(p.prenom).lower()} {noacc(p.nom).lower()}"
            tpl = rng.choice(
                [
                    "Bonjour,\n\nJe signe l'appel.\n\n{name}\n{role}",
                    "Bonjour,\n\n{name}, {role}, signe l'appel.\n\n{close}",
                    "Je m'associe à votre appel.\n{close}\n{name} – {role}",
                    "Signature : {name} ({role})",
                ]
            )
            top = tpl.format(name=name, role=self.role_de(p, d), close=self.closing())
            from_style = "std" if order == 1 else "inv"
            m = self.reply_call(
                "name_order", clients[k], p, top, name_style=from_style if k % 2 else "cased_inv"
            )
            self.sign(m, "name_order", p)

    # ---------------------------------------------------------------- particles, apostrophes, several words
    def particles(self):
        rng = self.rng
        pat = re.compile(r"^(DE |DU |DES |LE |LA |D'|D’|N'|N’|DA |DI |DOS |VAN |MAC |MC )|[ '’]")

        def good(x: P) -> bool:
            return (
                bool(pat.search(x.nom))
                and "POUSE" not in x.nom
                and " DIT " not in x.nom
                and " " not in x.prenom
                and len(x.prenom) > 2
                and len(x.nom) <= 26
                and ident(x.nom, x.prenom) not in self.used
                and self.reg.unique(x)
            )

        clients = [
            "outlook_desktop",
            "gmail",
            "apple",
            "orange",
            "thunderbird",
            "zimbra",
            "laposte",
            "iphone",
        ]
        for k in range(8):
            kind = ["cm", "mai", "cm", "cm", "cd", "cm", "mai", "cm"][k]
            p = self.take(kind, extra_ok=good)
            d = parts(p, rng)
            nm = p.nom
            forms = [
                f"{p.prenom} {nom_case(nm)}",
                f"{nm} {p.prenom}",
                f"{p.prenom} {nm.lower()}",
                f"{nom_case(nm).upper()}, {p.prenom}",
                f"{p.prenom} {nom_case(nm)}",
                f"{initials(p.prenom)} {nom_case(nm)}",
                f"{p.prenom.upper()} {nm}",
                f"{nom_case(nm)} {p.prenom}",
            ]
            top = f"Bonjour,\n\n{rng.choice(['Je signe.', 'Je signe volontiers cet appel.', 'Comptez-moi parmi les signataires.'])}\n\n{forms[k]}\n{cap1(self.role_de(p, d))}"
            m = self.reply_call("particles", clients[k], p, top, name_style="cased")
            self.sign(m, "particles", p)

    # ---------------------------------------------------------------- two signers in one message
    def binome(self):
        rng = self.rng
        cantons: dict[tuple, list[P]] = defaultdict(list)
        for x in self.reg.pool["cd"]:
            cantons[(x.dep, x.canton)].append(x)
        keys = [
            key
            for key, v in cantons.items()
            if len(v) == 2 and all(self.ok(y) for y in v) and key[0] in DEPTS and key[0] != "6AE"
        ]
        clients = ["outlook_desktop", "gmail", "zimbra", "thunderbird", "apple", "orange"]
        for k in range(6):
            if k < 3:
                a, b = cantons[keys[rng.randrange(len(keys))]]
                while not (self.ok(a) and self.ok(b)):
                    a, b = cantons[keys[rng.randrange(len(keys))]]
                self.use(a)
                self.use(b)
                text = [
                    f"Bonjour,\n\nLe binôme du canton {de_name(a.canton)} signe l'appel :\n{display(a, 'std')} et {display(b, 'std')}, conseillers départementaux {de_dept(a.dep)}.\n\n{self.closing()}",
                    f"Madame, Monsieur,\n\nÉlus ensemble sur le canton {de_name(a.canton)} ({dept_name(a.dep)}), nous signons tous les deux votre appel.\n\n{display(a, 'cased')}\n{display(b, 'cased')}\nConseillers départementaux",
                    f"Bonjour,\n\nNous signons : {display(b, 'inv')} et {display(a, 'inv')}, binôme départemental du canton {de_name(a.canton)} – {a.dep}.",
                ][k]
                pair = [a, b] if k != 2 else [b, a]
            else:
                for _ in range(5000):
                    mayor = self.reg.pool["mai"][rng.randrange(len(self.reg.pool["mai"]))]
                    if (
                        not self.ok(mayor)
                        or mayor.dep.startswith("97")
                        or mayor.commune_code == "75056"
                    ):
                        continue
                    adj = [
                        o
                        for o in self.reg.by_commune[mayor.commune_code]
                        if "adjoint" in o.fonction and self.ok(o)
                    ]
                    if adj:
                        break
                a, b = self.use(mayor), self.use(adj[rng.randrange(len(adj))])
                db = parts(b, rng)
                pl = de_place(a.commune, a.tl)
                text = [
                    f"Bonjour,\n\nNous signons tous les deux : moi, {display(a, 'std')}, maire {pl}, et {e(b, 'mon', 'ma')} {db['role'].replace(' au maire', '')}, {display(b, 'std')}.\n\nBien cordialement",
                    f"Bonjour,\n\n{display(a, 'cased')} ({e(a, 'maire', 'maire')}) et {display(b, 'cased')} ({db['short']}) — commune {pl} — signent l'appel.",
                    f"Bonjour,\n\nJe signe l'appel et {display(b, 'std')}, {db['role']}, me demande d'ajouter son nom : elle est à côté de moi mais n'a pas son ordinateur."
                    if b.f
                    else f"Bonjour,\n\nJe signe l'appel et {display(b, 'std')}, {db['role']}, me demande d'ajouter son nom : il est à côté de moi mais n'a pas son ordinateur.",
                ][k - 3] + ("" if k != 5 else f"\n\n{display(a, 'std')}\nMaire {pl}")
                pair = [a, b]
            a = pair[0]
            m = self.reply_call("binome", clients[k], a, text, name_style="cased")
            for x in pair:
                self.label(m, "binome", "signs", "", x)
            self.signed.append((m, a, m.from_addr))

    # ---------------------------------------------------------------- groups written as prose
    def group_prose(self):
        rng = self.rng
        clients = ["gmail", "outlook_desktop", "thunderbird", "zimbra", "laposte"]
        for k in range(5):
            if k == 3:  # a regional group
                for _ in range(1000):
                    r = self.reg.pool["cr"][rng.randrange(len(self.reg.pool["cr"]))]
                    mates = [
                        x
                        for x in self.reg.pool["cr"]
                        if x.region_code == r.region_code and self.ok(x) and x.dep in DEPTS
                    ]
                    if len(mates) >= 6:
                        break
                grp = [self.use(x) for x in rng.sample(mates, 3)]
                names = "\n".join(f"- {display(x, 'std')} ({dept_name(x.dep)})" for x in grp)
                text = f"Bonjour,\n\nPour le groupe « {rng.choice(['Écologistes et solidaires', 'Territoires en commun', 'Union des territoires'])} » au conseil régional {de_place(grp[0].region, grp[0].region_tl)}, trois d'entre nous signent l'appel :\n{names}\n\nLes autres membres du groupe vous répondront directement."
                sender = grp[0]
            else:
                n = [4, 3, 5, 0, 3][k]
                grp = self.commune_group(n)
                c0 = grp[0]
                if k in (0, 2, 4):  # one of them is not on that council under this first name
                    grp[{0: 2, 2: 3, 4: 2}[k]] = self.impostor(
                        "other_first", surname_commune=c0.commune_code
                    )
                pl = de_place(c0.commune, c0.tl)
                gname = (
                    rng.choice(["Vivre", "Agir pour", "Ensemble pour", "Réussir"])
                    + " "
                    + c0.commune
                )
                if k == 0:
                    names = (
                        ", ".join(display(x, "std") for x in grp[:-1])
                        + f" et {display(grp[-1], 'std')}"
                    )
                    text = f"Bonjour,\n\nLes élu·es du groupe d'opposition « {gname} » signent l'appel : {names}, {'conseillers municipaux' if any(not x.f for x in grp) else 'conseillères municipales'} {pl}.\n\nPour le groupe,\n{display(grp[0], 'cased')}"
                elif k == 1:
                    x0, x1, x2 = grp
                    text = (
                        f"Bonjour,\n\nAu conseil municipal {pl}, nous sommes trois à vouloir signer : moi-même ({display(x0, 'cased')}, {self.gen_role(x0)}), "
                        f"{display(x1, 'cased')} ({self.gen_role(x1)}) et {display(x2, 'cased')} ({self.gen_role(x2)}).\n\nMerci de nous compter tous les trois."
                    )
                elif k == 2:
                    names = " / ".join(display(x, "inv") for x in grp)
                    text = f"Bonjour,\n\nSignatures : {names} — tous élus au conseil municipal {pl} ({c0.dep}).\n\nBien à vous"
                else:
                    text = (
                        f"Bonjour,\n\nSuite à notre réunion de majorité d'hier soir, {display(grp[1], 'std')} et {display(grp[2], 'std')} "
                        f"se joignent à moi pour signer l'appel. Nous sommes tous les trois élus {pl}.\n\n{display(grp[0], 'std')}\n{cap1(self.gen_role(grp[0]))} {pl}"
                    )
                sender = grp[0]
            m = self.reply_call("group_prose", clients[k], sender, text, name_style="cased")
            for x in grp:
                self.label(m, "group_prose", "signs", "", x)

    # ---------------------------------------------------------------- someone else writes for the official
    def proxy_sign(self):
        rng = self.rng
        spouses_f = ["Marie-Christine", "Josiane", "Brigitte", "Annick"]
        spouses_m = ["Gérard", "Patrick", "Alain", "Bruno"]
        for k in range(8):
            p = self.signer(
                [("mai",), ("cd",), ("cm",), ("cm",), ("mai",), ("cr",), ("mai",), ("cm",)][k],
                lambda x: (
                    x.kind != "cd"
                    or "Vice" in x.fonction
                    or x.fonction.startswith("Président")
                    or rng.random() < 0.3
                ),
            )
            d = parts(p, rng)
            st = self.staff[(k + 3) % len(self.staff)]
            staff_name = f"{st[0]} {nom_case(st[1])}"
            pl = de_place(p.commune, p.tl) if p.commune else ""
            extra = None
            if k == 0:
                client, fname, faddr = (
                    "outlook_desktop",
                    f"Secrétariat Mairie {pl}".replace("Mairie de ", "Mairie de "),
                    f"secretariat@{town_dom(p)}",
                )
                text = f"Bonjour,\n\n{e(p, 'Monsieur le Maire', 'Madame la Maire')}, {display(p, 'std')}, m'a {e(p, 'chargé', 'chargée')} de vous transmettre sa signature de l'appel.\n\nCordialement,\n\n{staff_name}\nSecrétaire de mairie\nMairie {pl}\n{self.phone()}"
            elif k == 1:
                client, fname, faddr = (
                    "outlook_desktop",
                    f"Cabinet – {staff_name}",
                    f"cabinet@{dept_dom(p.dep)}",
                )
                text = (
                    f"Madame, Monsieur,\n\nLe cabinet de {e(p, 'M.', 'Mme')} {display(p, 'std')}, {d['role']} {d['de']}, vous confirme son soutien "
                    f"et sa signature de l'appel des élu·es pour les piscines publiques.\n\nBien cordialement,\n\n{staff_name}\nCabinet des élus\nHôtel du Département – {dept_name(p.dep)}"
                )
            elif k == 2:
                sp = rng.choice(spouses_f if not p.f else spouses_m)
                client, fname, faddr = (
                    "orange",
                    sp,
                    f"{slug(sp).replace('-', '')}.{slug(p.nom).replace('-', '')}@orange.fr",
                )
                text = f"Bonjour\n\nJe vous écris pour {e(p, 'mon mari', 'ma femme')} {display(p, 'cased')} qui est {d['role']} {d['de']}, {e(p, 'il', 'elle')} n'a pas d'adresse mail. {e(p, 'Il', 'Elle')} signe l'appel.\n\n{sp}"
            elif k == 3:
                other = self.signer(("cm",), lambda x, p=p: x.commune_code != p.commune_code)
                do = parts(other, rng)
                client, fname, faddr = (
                    "gmail",
                    display(other, "cased"),
                    addr_of(other, rng, "gmail.com"),
                )
                text = (
                    f"Bonjour,\n\nJe signe l'appel : {display(other, 'std')}, {self.role_de(other, do)}.\n\n"
                    f"Et je vous transmets la signature de {display(p, 'std')}, {self.role_de(p, d)}, qui n'est pas à l'aise avec internet et m'a demandé de le faire pour {e(p, 'lui', 'elle')}."
                )
                extra = other
            elif k == 4:
                client, fname, faddr = (
                    "zimbra",
                    f"DGS {pl}".replace("DGS de ", "DGS – "),
                    f"dgs@{town_dom(p)}",
                )
                text = f"Bonjour,\n\nPour le Maire et par délégation :\n{e(p, 'M. le Maire', 'Mme la Maire')} ({display(p, 'cased')}) signe l'appel au nom de la commune.\n\n{staff_name}\nDirecteur général des services\nVille {pl}"
            elif k == 5:
                client, fname, faddr = (
                    "outlook_desktop",
                    f"{staff_name} (Assistante groupe)",
                    f"{slug(st[0])}.{slug(st[1]).replace('-', '')}@{region_dom(p.region)}",
                )
                text = f"Bonjour,\n\nDe la part de {display(p, 'std')}, {d['role']} {d['de']} : {e(p, 'il', 'elle')} souhaite signer l'appel.\nMessage dicté par téléphone ce matin.\n\n{staff_name}\nAssistante du groupe"
            elif k == 6:
                client, fname, faddr = (
                    "laposte",
                    f"Mairie {pl}",
                    f"mairie.{slug(p.commune).replace('-', '')}@laposte.net",
                )
                text = f"Bonjour,\n\nM{e(p, '.', 'me')} {p.nom} ({p.prenom}), maire, signe l'appel.\nLa secrétaire.\n\nMairie {pl}\n{postcode(p.commune_code)} {p.commune.upper()}\nOuverture : lundi et jeudi 14h-18h"
            else:
                client, fname, faddr = (
                    "iphone",
                    f"{rng.choice(spouses_f)} {nom_case(p.nom)}"
                    if not p.f
                    else f"{rng.choice(spouses_m)} {nom_case(p.nom)}",
                    f"{slug(p.nom).replace('-', '')}.famille@icloud.com",
                )
                text = f"Bonjour, je signe pour {e(p, 'mon père', 'ma mère')} {p.prenom} {p.nom}, {d['role']} {d['de']}, à sa demande (il n'a pas d'ordinateur)".replace(
                    "(il n'a", f"({e(p, 'il', 'elle')} n'a"
                )
            m = self.new(
                "proxy_sign",
                client,
                fname,
                faddr,
                self.reply_subject(client, CALL_SUBJECT),
                in_reply_to=self.call.mid,
                references=self.call.mid,
            )
            self.from_call(m, text)
            if extra is not None:
                self.label(m, "proxy_sign", "signs", "", extra)
            self.label(m, "proxy_sign", "signs", "", p)
            self.signed.append((m, p, faddr))

    # ---------------------------------------------------------------- a mayor forwards the call to the council, reply-all
    def fwd_chain(self):
        rng = self.rng
        plans = [
            ("outlook_desktop", ["outlook_desktop", "gmail", "iphone"]),
            ("gmail", ["gmail", "orange", "thunderbird"]),
            ("thunderbird", ["zimbra", "apple", "laposte"]),
        ]
        for k, (mc, rcs) in enumerate(plans):
            grp = self.commune_group(len(rcs), with_mayor=True)
            mayor = grp[0]
            if k == 1:
                grp[1] = self.impostor("other_first", surname_commune=mayor.commune_code)
            pl = de_place(mayor.commune, mayor.tl)
            dom = town_dom(mayor)
            conseil = f"Conseil municipal <conseil-municipal@{dom}>"
            maddr = f"maire@{dom}" if k != 1 else addr_of(mayor, rng, "gmail.com")
            subj = ("TR: " if mc.startswith("outlook") else "Fwd: ") + CALL_SUBJECT
            m0 = self.new("fwd_chain", mc, display(mayor, "cased"), maddr, subj, cc=ORG_ADDR)
            m0.to = conseil
            intro = [
                f"Chers collègues,\n\nJe signe l'appel ci-dessous (je mets les organisateurs en copie) et vous propose de le signer aussi en répondant à tous.\n\n{display(mayor, 'std')}\nMaire {pl}",
                f"Bonsoir à tous,\n\nPour info, appel reçu ce matin. Pour ma part je le signe : {display(mayor, 'std')}, maire {pl}. Ceux qui le souhaitent peuvent répondre à tous, les organisateurs sont en copie.\n\nBonne soirée",
                f"Bonjour à toutes et à tous,\n\nJ'ai signé cet appel en tant que maire. Libre à chacun de le signer aussi : il suffit de répondre à tous avec nom et mandat.\n\n{display(mayor, 'cased')}",
            ][k]
            m0.text = intro + fwd_text(mc, self.call, CALL, m0.from_addr)
            if mc in SMART_QUOTES:
                m0.text = m0.text.replace("'", "’")
            thread = m0.file[:-4]
            self.sign(m0, "fwd_chain", mayor, thread=thread)
            prev = m0
            for j, (x, rc) in enumerate(zip(grp[1:], rcs, strict=True)):
                dx = parts(x, rng)
                top = [
                    f"Je signe aussi.\n\n{display(x, 'std')}\n{cap1(dx['role'])}",
                    f"Idem pour moi. {display(x, 'cased')}, {dx['short']}",
                    f"Bonjour à tous,\nJe m'associe : {display(x, 'std')}, {e(x, 'conseiller', 'conseillère')}.\nBonne journée",
                    f"Signé ! {display(x, 'inv')}",
                ][(j + k) % 4]
                m = self.new(
                    "fwd_chain",
                    rc,
                    display(x, "cased"),
                    self.addr_for(x, rc),
                    self.reply_subject(rc, subj),
                    in_reply_to=prev.mid,
                    references=(prev.references + " " + prev.mid).strip(),
                )
                m.to = f"{display(mayor, 'cased')} <{maddr}>"
                m.cc = f"{conseil}, {ORG_ADDR}"
                self.body(m, top, prev, prev.text)
                self.sign(m, "fwd_chain", x, thread=thread)
                prev = m if j == 0 else prev

    # ---------------------------------------------------------------- a colleague in copy who then answers
    def cc_nudge(self):
        rng = self.rng
        plans = [
            ("gmail", "iphone"),
            ("outlook_desktop", "outlook_desktop"),
            ("orange", "gmail"),
            ("thunderbird", "samsung"),
        ]
        for k, (ca, cb) in enumerate(plans):
            a = self.signer(
                ("mai", "cm"),
                lambda x: x.commune_code != "75056" and not x.dep.startswith("97"),
                allow_imp=False,
            )
            da = parts(a, rng)
            b = (
                self.colleague(a.commune_code, lambda o, a=a: o.kind == "cm" and o is not a)
                if k != 3
                else self.signer(("cm",), lambda x, a=a: x.dep == a.dep)
            )
            db = parts(b, rng)
            baddr = self.addr_for(b, cb)
            bdesc = f"{db['role']}" + ("" if k != 3 else f" {db['de']}")
            top_a = [
                f"Bonjour,\n\nJe signe l'appel. Je mets en copie {display(b, 'std')}, {bdesc}, qui devrait signer aussi.\n\n{display(a, 'std')}\n{cap1(self.role_de(a, da))}",
                f"Bonjour,\n\nJe vous confirme ma signature : {display(a, 'cased')}, {self.role_de(a, da)}.\nEn copie, {e(b, 'mon collègue', 'ma collègue')} {display(b, 'cased')} ({bdesc}), très {e(b, 'investi', 'investie')} sur la piscine.",
                f"Bonjour\nSignature de {display(a, 'std')} {self.role_de(a, da)}\n{cap1(e(b, 'mon adjoint', 'mon adjointe') if 'adjoint' in b.fonction else e(b, 'mon collègue', 'ma collègue'))} {b.prenom} {b.nom} en copie va vous répondre",
                f"Bonjour,\n\nJe signe ({display(a, 'std')}, {self.role_de(a, da)}) et je mets en copie {display(b, 'std')}, {bdesc}, avec qui j'en ai parlé samedi.",
            ][k]
            ma = self.reply_call("cc_nudge", ca, a, top_a, name_style="cased")
            ma.cc = f"{display(b, 'cased')} <{baddr}>"
            thread = ma.file[:-4]
            self.sign(ma, "cc_nudge", a, thread=thread)
            top_b = [
                f"Je confirme, je signe aussi !\n\n{display(b, 'std')}",
                f"Bonjour,\n\nMerci {a.prenom}. Oui, je signe également.\n\n{display(b, 'cased')}",
                "Bonjour, je signe aussi. " + display(b, "inv"),
                f"Bonjour,\nBien sûr, je signe.\n{b.prenom} {nom_case(b.nom)}",
            ][k]
            mb = self.new(
                "cc_nudge",
                cb,
                display(b, "cased"),
                baddr,
                self.reply_subject(cb, ma.subject),
                in_reply_to=ma.mid,
                references=(ma.references + " " + ma.mid).strip(),
            )
            mb.to = f"{display(a, 'cased')} <{ma.from_addr}>"
            mb.cc = ORG_ADDR
            self.body(mb, top_b, ma, ma.text)
            self.sign(mb, "cc_nudge", b, thread=thread)
            if k == 1:
                self.org_mail(
                    mb,
                    mb.text,
                    f"Bonjour {a.prenom}, bonjour {b.prenom},\n\nMerci à vous deux, c'est noté !",
                    "cc_nudge",
                    thread,
                )

    # ---------------------------------------------------------------- a signature sent elsewhere, forwarded to the organisers
    def misdirected(self):
        rng = self.rng
        for k in range(5):
            p = self.signer(("cm", "mai", "cm", "cm", "mai"), lambda x: not x.dep.startswith("97"))
            d = parts(p, rng)
            oc = ["gmail", "orange", "iphone", "outlook_desktop", "laposte"][k]
            paddr = self.addr_for(p, oc)
            st = self.staff[(k + 6) % len(self.staff)]
            staff_name = f"{st[0]} {nom_case(st[1])}"
            sig_p = f"{display(p, 'std')}\n{cap1(self.role_de(p, d))}"
            if k == 0:
                wrong, fc, fname, faddr = (
                    f"contact@amf{p.dep.lower()}.example",
                    "outlook_desktop",
                    f"Association des maires {de_dept(p.dep)}",
                    f"contact@amf{p.dep.lower()}.example",
                )
                note = f"Bonjour,\n\nNous avons reçu ce message qui vous est sans doute destiné.\n\nCordialement,\n{staff_name}\nAssociation des maires {de_dept(p.dep)}"
            elif k == 1:
                fwd = self.official(
                    ("cm", "mai"),
                    lambda x, p=p: x.dep == p.dep and x.commune_code != p.commune_code,
                )
                dfw = parts(fwd, rng)
                wrong, fc, fname, faddr = (
                    official_addr(fwd, rng),
                    "thunderbird",
                    display(fwd, "cased"),
                    official_addr(fwd, rng),
                )
                note = f"Bonjour,\n\n{p.prenom} m'a répondu à moi au lieu de vous répondre, je vous transfère sa signature. (Pour ma part j'attends l'avis de mon conseil.)\n\n{display(fwd, 'std')}\n{cap1(self.role_de(fwd, dfw))}"
            elif k == 2:
                wrong, fc, fname, faddr = (
                    f"evariste.braquemond@{rng.choice(['free.fr', 'gmail.com'])}",
                    "roundcube",
                    ORG_FULL[1],
                    f"{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}",
                )
                note = "Reçu sur mon adresse perso, à enregistrer dans le tableau."
            elif k == 3:
                wrong, fc, fname, faddr = (
                    f"club.natation.{slug(p.commune).replace('-', '')}@gmail.com",
                    "gmail",
                    f"Club de natation {p.commune}",
                    f"club.natation.{slug(p.commune).replace('-', '')}@gmail.com",
                )
                note = f"Bonjour,\n\nJ'avais fait suivre votre appel aux élus de notre commune ; {e(p, 'l’élu', 'l’élue')} m'a répondu à moi. Je vous transmets.\n\nSportivement,\n{st[0]} {nom_case(st[1])}, pour le bureau du club"
            else:
                wrong, fc, fname, faddr = (
                    f"webmaster@{ORG_DOMAIN}",
                    "organisers",
                    "Webmaster",
                    f"webmaster@{ORG_DOMAIN}",
                )
                note = "Message arrivé sur l'adresse du webmaster, je fais suivre."
            orig = Mail(
                "",
                oc,
                display(p, "cased"),
                paddr,
                rng.choice(["Signature appel piscines", "Re: " + CALL_SUBJECT, "appel"]),
                aware(self.clock.t - dt.timedelta(hours=rng.randint(3, 30))),
                "",
            )
            orig_text = rng.choice(
                [
                    f"Bonjour,\n\nJe signe l'appel pour les piscines.\n\n{sig_p}",
                    f"Bonjour, je signe !\n{sig_p}",
                    f"Je signe l'appel.\n{display(p, 'inv')}, {d['short']} {d['bare']}",
                ]
            )
            orig.to = wrong
            m = self.new(
                "misdirected",
                fc,
                fname,
                faddr,
                ("TR: " if fc.startswith("outlook") else "Fwd: ") + orig.subject,
            )
            m.text = note + fwd_text(fc, orig, orig_text, wrong)
            self.sign(m, "misdirected", p, addr=paddr)

    # ---------------------------------------------------------------- replies to the reminder that lists earlier signers
    def reminder_reply(self):
        rng = self.rng
        rem = self.reminder
        clients = [
            "gmail",
            "outlook_desktop",
            "iphone",
            "zimbra",
            "orange",
            "thunderbird",
            "apple",
            "sfr",
            "android_gmail",
            "yahoo",
        ]
        for k in range(10):
            p = self.signer(None)
            d = parts(p, rng)
            nb = self.reminder_listed[k % len(self.reminder_listed)]
            top = [
                f"Bonjour,\n\nJe signe à mon tour.\n\n{display(p, 'std')}\n{cap1(self.role_de(p, d))}",
                f"Bonjour,\n\nJe n'avais pas vu votre premier message. Je signe : {display(p, 'cased')}, {self.role_de(p, d)}.",
                f"Comme {display(nb, 'std')}, je signe ! {display(p, 'std')}, {d['short']} {d['bare']}",
                f"Bonjour,\n\nOui, ajoutez-moi. {display(p, 'inv')} – {self.role_de(p, d)}",
                f"bonjour je signe aussi\n{display(p, 'std')} {self.role_de(p, d)}",
                f"Bonjour,\n\nJ'ai vu que {display(nb, 'cased')} avait signé, j'en parlerai à nos collègues du secteur. Pour ma part je signe aussi :\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"Bonjour,\nVoici ma signature : {display(p, 'std')}, {self.role_de(p, d)}.\nBonne continuation",
                f"Signature : {display(p, 'caps_inv')} – {self.role_de(p, d)}",
                f"Je signe. {display(p, 'std')}",
                f"Bonjour,\n\nMieux vaut tard que jamais : je signe.\n{self.closing()}\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
            ][k]
            c = clients[k]
            m = self.new(
                "reminder_reply",
                c,
                display(p, "cased"),
                self.addr_for(p, c),
                self.reply_subject(c, rem.subject),
                in_reply_to=rem.mid,
                references=rem.mid,
            )
            self.body(m, top, rem, rem.text)
            self.sign(m, "reminder_reply", p)

    # ---------------------------------------------------------------- regional and foreign languages
    def langues(self):
        rng = self.rng
        plans = [
            ("br", ("29", "22", "56"), "gmail"),
            ("eu", ("64",), "orange"),
            ("oc", ("31", "32", "12", "81", "09", "65", "46"), "thunderbird"),
            ("co", ("2A", "2B"), "iphone"),
            ("als", ("67", "68"), "outlook_desktop"),
            ("ca", ("66",), "gmail"),
            ("en", ("24", "46", "47", "16", "82"), "outlook_mac"),
            ("pt", ("77", "91", "95", "69", "33", "25"), "samsung"),
            ("gcf", ("971", "972"), "android_gmail"),
            ("rcf", ("974",), "orange_app"),
        ]
        for lang, deps, client in plans:
            kind = rng.choice(["cm", "cm", "mai"]) if lang not in ("en", "pt") else "cm"
            if lang == "co":  # an invented surname claiming a Corsican town hall
                host = self.take("mai", lambda x, deps=deps: x.dep in deps)
                self.used.discard(ident(host.nom, host.prenom))
                p = self.impostor("invented", commune_code=host.commune_code)
            else:
                p = self.take(kind, lambda x, deps=deps: x.dep in deps)
            d = parts(p, rng)
            nm = display(p, rng.choice(["std", "cased"]))
            com = p.commune
            mai = p.kind == "mai" or p.fonction == "Maire"
            adj = "adjoint" in p.fonction
            top = {
                "br": f"Demat deoc'h,\n\nSinañ a ran ar galv. / Je signe l'appel.\n\n{nm}\n{'Maer' if mai else 'Kuzulier-kêr'} {com} ({d['role']} {d['de']})\n\nA-galon,",
                "eu": f"Kaixo,\n\nSinatzen dut. Je signe.\n\n{nm}\n{com}ko {'auzapeza' if mai else 'zinegotzia'} – {d['role']} {d['de']}\n\nOngi izan",
                "oc": f"Adishatz,\n\nQue signi l'apèl tà las piscinas publicas.\n\n{nm}, {'cònsol' if mai else 'conselhèr' if not p.f else 'conselhèra'} de {com} ({d['role']})\n\nAmistats",
                "co": f"Bonghjornu,\n\nFirmu l'appellu. Je signe.\n\n{nm}\n{'Merre' if mai else 'Cunsigliere municipale'} di {com} – {d['role']}\n\nA ringraziavvi",
                "als": f"Grüess Gott,\n\nIch unterschriib dr Appell – je signe.\n\n{nm}\n{cap1(d['role'])} {d['de']} ({'Bürgermeister' if mai else 'Gemeinderat' if not p.f else 'Gemeinderätin'} in {com})\n\nMit freundliche Griess",
                "ca": f"Bon dia,\n\nSigno la crida. Je signe l'appel.\n\n{nm}\n{'Alcalde' if mai else 'Regidor' if not p.f else 'Regidora'} de {com} ({d['role']})\n\nSalutacions",
                "en": f"Hello,\n\nI am a {'deputy mayor' if adj else 'municipal councillor'} in {com} ({dept_name(p.dep)}) — {d['role']} — and I am happy to sign the call. Our children have to travel 40 minutes to the nearest pool.\n\nKind regards,\n{nm}",
                "pt": f"Bom dia,\n\nSou {'vereadora' if p.f else 'vereador'} em {com}. Assino o apelo, é muito importante para as crianças. Je signe l'appel.\n\n{nm}\n{cap1(d['role'])} {d['de']}\n\nObrigad{e(p, 'o', 'a')}",
                "gcf": f"Bonjou,\n\nMwen ka siyé. Je signe l'appel, la piscine de la commune est fermée depuis 2023.\n\n{nm}\n{cap1(d['role'])} {d['de']}",
                "rcf": f"Bonjour,\n\nMoin la signe ! Je signe l'appel.\n\n{nm}, {d['role']} {d['de']}\n\nMersi zot",
            }[lang]
            m = self.reply_call("langues", client, p, top, name_style="cased")
            self.sign(m, "langues", p)

    # ---------------------------------------------------------------- phones: lowercase, no accents, autocorrect
    def mobile_terse(self):
        rng = self.rng
        clients = [
            "iphone",
            "samsung",
            "android_gmail",
            "orange_app",
            "iphone",
            "outlook_ios",
            "samsung",
            "iphone",
            "android_gmail",
            "iphone",
        ]
        autocorrect = [
            ("municipale", "municipal"),
            ("adjointe", "adjoint"),
            ("conseiller", "concilier"),
            ("conseillère", "conseillere"),
            ("maire", "marie"),
        ]
        for k in range(10):
            p = self.signer(
                ("cm", "cm", "mai", "cm"),
                lambda x: not x.dep.startswith("97") and x.commune_code != "75056",
            )
            d = parts(p, rng)
            com = p.commune
            role = d["role"]
            if k in (1, 6):
                a, b = autocorrect[k % len(autocorrect)]
                role = role.replace(a, b, 1)
            lp = lower_place(com)
            forms = [
                f"ok je signe\n{noacc(p.prenom).lower()} {noacc(p.nom).lower()} {noacc(role).lower()} {lp}",
                f"Je signe. {p.prenom} {nom_case(p.nom)} {role} {saint(com)}",
                f"Signé ! {display(p, 'std')}, {d['short']} {com}",
                f"je signe {initials(p.prenom, 'hy')} {nom_case(p.nom)} ({d['short']} {lp})",
                f"Oui pour moi 👍\n{display(p, 'cased')} {role} a {noacc(com)}",
                f"Je signe\n{p.nom} {p.prenom}\n{d['short']} {d['bare']}",
                f"Je signe des 2 mains !! {p.prenom} {nom_case(p.nom)}, {role} de {com}",
                f"{display(p, 'std')} - {d['short']} - {com} : je signe",
                f"jsigne {noacc(p.prenom).lower()} {noacc(p.nom).lower()} {noacc(d['short']).lower()} {lp} ({d['dep']})",
                f"Bonjour je signe l appel {p.prenom} {nom_case(p.nom)} {role} {d['de']}",
            ]
            top = forms[k]
            m = self.reply_call(
                "mobile_terse",
                clients[k],
                p,
                top,
                name_style=rng.choice(["std", "cased", "lower"]),
                html=False,
            )
            self.sign(m, "mobile_terse", p)

    # ---------------------------------------------------------------- non-signing messages
    def block(self, p: P) -> str:
        d = parts(p, self.rng)
        return f"{display(p, self.rng.choice(['std', 'cased']))}\n{cap1(self.role_de(p, d))}"

    def confirm_text(self, p: P) -> str:
        return (
            f"Bonjour,\n\nMerci ! Votre signature est bien enregistrée :\n{display(p, 'std')}, {mandate(p, self.rng)}\n\n"
            "Elle sera vérifiée dans le Répertoire national des élus puis publiée le 22 octobre."
        )

    def question(self):
        rng = self.rng
        for k in range(10):
            st = self.staff[(k + 1) % len(self.staff)]
            if k in (1, 2, 5, 6):
                subj = [
                    "Demande de presse",
                    "Notre maire a-t-il signé ?",
                    "Club de natation",
                    "Suppléante",
                ][[1, 2, 5, 6].index(k)]
                if k == 1:
                    x = self.official(("mai",))
                    text = f"Bonjour,\n\nJe prépare un article sur les piscines du département pour {rng.choice(['La Voix du Centre', 'L’Écho du Sud-Ouest'])} (titre fictif). Pouvez-vous me dire si {display(x, 'cased')}, {mandate(x, rng)}, fait partie des signataires ? Et combien de maires {de_dept(x.dep)} ont signé ?\n\n{st[0]} {nom_case(st[1])}\nJournaliste\n{self.phone(True)}"
                    m = self.new(
                        "question",
                        "gmail",
                        f"{st[0]} {nom_case(st[1])}",
                        f"{slug(st[0])}.{slug(st[1]).replace('-', '')}@gmail.com",
                        subj,
                    )
                elif k == 2:
                    x = self.official(("mai",))
                    text = f"Bonjour,\n\nLe maire de notre commune, {display(x, 'std')} ({x.commune}), m'a dit qu'il avait signé votre appel. Pouvez-vous me le confirmer ? Nous sommes plusieurs parents à vouloir le remercier.\n\nCordialement,\nSandrine"
                    m = self.new(
                        "question",
                        "orange",
                        "Sandrine",
                        f"sandrine.{rng.randint(10, 99)}@orange.fr",
                        subj,
                    )
                elif k == 5:
                    text = f"Bonjour,\n\nJe suis président d'un club de natation mais je ne suis pas élu. Puis-je signer quand même, ou faire signer le club ?\n\n{st[0]} {nom_case(st[1])}"
                    m = self.new(
                        "question",
                        "yahoo",
                        f"{st[0]} {nom_case(st[1])}",
                        f"{slug(st[0])}{rng.randint(60, 99)}@yahoo.fr",
                        subj,
                    )
                else:
                    text = f"Bonjour,\n\nJe suis conseillère départementale suppléante (canton voisin du mien, je ne siège pas). Ma signature est-elle recevable ?\n\n{st[0]} {nom_case(st[1])}"
                    m = self.new(
                        "question",
                        "laposte",
                        f"{st[0]} {nom_case(st[1])}",
                        f"{slug(st[0])}.{slug(st[1]).replace('-', '')}@laposte.net",
                        subj,
                    )
                self.body(m, text)
                self.label(m, "question", "question", "nonsigning")
                continue
            kinds = {0: ("cm",), 3: ("mai",), 4: ("cm",), 7: ("cm",), 8: ("cd",), 9: ("cr",)}[k]
            p = self.official(
                kinds, (lambda x: "adjoint" in x.fonction) if k == 4 else (lambda x: True)
            )
            q = {
                0: "Bonjour,\n\nJe suis aussi conseiller communautaire : puis-je signer à ce titre plutôt qu'en tant que conseiller municipal ? Je signerai selon votre réponse.",
                3: "Bonjour,\n\nFaut-il une délibération du conseil municipal pour que je signe en tant que maire ? Je ne voudrais pas engager la commune sans vote.",
                4: "Bonjour,\n\nPourriez-vous m'envoyer l'appel en PDF ? Je voudrais le présenter en commission des sports le 28 avant de signer.",
                7: "Hello,\n\nCould our twin town in Bavaria sign the call too? Their pool is closing as well. Thanks!",
                8: "Bonjour,\n\nLe point 2 (transport des écoliers) concerne-t-il aussi les collégiens ? C'est la compétence du département, d'où ma question avant de signer.",
                9: "Bonjour,\n\nQui finance votre collectif ? Avant toute signature, j'aimerais connaître vos soutiens.",
            }[k]
            client = {
                0: "thunderbird",
                3: "outlook_desktop",
                4: "zimbra",
                7: "outlook_en",
                8: "gmail",
                9: "apple",
            }[k]
            m = self.new(
                "question",
                client,
                display(p, "cased"),
                self.addr_for(p, client) if client in self.DOMS else official_addr(p, rng),
                self.reply_subject(client, CALL_SUBJECT)
                if k in (3, 8)
                else [
                    "Question",
                    "",
                    "",
                    "",
                    "Appel en PDF ?",
                    "",
                    "",
                    "Twin town",
                    "",
                    "Financement",
                ][k],
            )
            if k in (3, 8):
                m.in_reply_to = m.references = self.call.mid
                self.body(m, f"{q}\n\n{self.closing()}\n{self.block(p)}", self.call, CALL)
            else:
                self.body(m, f"{q}\n\n{self.closing()}\n{self.block(p)}")
            self.label(m, "question", "question", "nonsigning")

    def asked_first(self):
        """A question with a signature block, the organisers' answer, then « je signe » in the same thread."""
        rng = self.rng
        plans = [("thunderbird", ("cm",)), ("outlook_desktop", ("mai",))]
        for k, (client, kinds) in enumerate(plans):
            p = self.official(
                kinds, lambda x: not x.dep.startswith("97") and "adjoint" not in x.fonction
            )
            d = parts(p, rng)
            q = [
                f"Bonjour,\n\nJe suis aussi {e(p, 'conseiller communautaire', 'conseillère communautaire')} : dois-je signer à ce titre ou comme {d['role']} ?\n\n{self.block(p)}",
                f"Bonjour,\n\nAvant de signer : la liste des signataires sera-t-elle publiée avec le nom de la commune ? Notre conseil est partagé sur la piscine intercommunale.\n\n{self.closing()}\n{self.block(p)}",
            ][k]
            m1 = self.reply_call("asked_first", client, p, q, name_style="cased")
            thread = m1.file[:-4]
            self.label(m1, "asked_first", "question", self.case(p), None, thread)
            ans = [
                "Bonjour,\n\nSignez avec le mandat qui figure au Répertoire national des élus : le mandat municipal, donc. L'intercommunalité peut être mentionnée en plus.",
                "Bonjour,\n\nOui : nom, prénom, mandat et collectivité seront publiés le 22 octobre. Aucune coordonnée ne le sera.",
            ][k]
            conf, conf_text = self.org_mail(m1, m1.text, ans, "asked_first", thread)
            top = [
                f"Merci. Alors je signe comme {d['role']}.\n\n{p.prenom}",
                "Très bien, je signe donc.\nCordialement",
            ][k]
            m3, _ = self.user_reply(
                conf, conf_text, m1.from_name, m1.from_addr, client, top, "asked_first"
            )
            self.sign(m3, "asked_first", p, thread=thread)

    def one_signers(self) -> list[tuple[Mail, P, str]]:
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        shapes = (
            "own_words",
            "place_codes",
            "narrative",
            "name_order",
            "particles",
            "letterhead",
            "mobile_terse",
            "reminder_reply",
            "langues",
        )
        return [
            s
            for s in self.signed
            if not s[1].impostor
            and per[s[0].file] == 1
            and s[0].file[4:-4] in shapes
            and s[1].kind != "epci"
        ]

    _ones: list | None = None

    def pick_one(self) -> tuple[Mail, P, str]:
        """A one-signer message (official), each handed out once: for thanks, auto-replies, withdrawals."""
        if self._ones is None:
            self._ones = self.one_signers()
            self.rng.shuffle(self._ones)
        return self._ones.pop(0)

    def thread_of(self, m: Mail) -> str:
        return next(r["thread"] for r in self.labels if r["message_file"] == m.file)

    def thanks(self):
        rng = self.rng
        for k in range(8):
            if k in (0, 1):  # refusals
                p = self.official(("mai",) if k == 0 else ("cr",))
                text = [
                    "Bonjour,\n\nJe ne signerai pas cet appel : notre intercommunalité a fait le choix, douloureux mais assumé, de fermer le bassin d'été pour financer le centre aquatique. Signer serait incohérent.",
                    "Bonjour,\n\nJe partage largement le constat, mais par principe je ne signe pas d'appels collectifs. Je porterai le sujet en commission.",
                ][k]
                client = ["outlook_desktop", "thunderbird"][k]
                m = self.reply_call(
                    "thanks",
                    client,
                    p,
                    f"{text}\n\n{self.closing()}\n{self.block(p)}",
                    name_style="cased",
                )
                self.label(m, "thanks", "other", "nonsigning")
                continue
            if k in (2, 3):
                src, p, addr = self.pick_one()
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[1][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(hours=rng.randint(5, 30))),
                    "<" + hx(rng, 32) + f"@{ORG_DOMAIN}>",
                )
                client = ["gmail", "iphone"][k - 2]
                m = self.new(
                    "thanks",
                    client,
                    src.from_name,
                    addr,
                    "Re: Votre signature est enregistrée",
                    in_reply_to=prev.mid,
                    references=prev.mid,
                )
                self.body(
                    m,
                    [
                        "Merci à vous, et bravo pour l'organisation !",
                        "Parfait merci. Je relance les collègues du secteur.",
                    ][k - 2],
                    prev,
                    self.confirm_text(p) + f"\n\n{org_sig(1)}",
                )
                self.label(m, "thanks", "thanks", "nonsigning", refers_to=src.file)
                continue
            if k == 4:
                p = self.official(("cm",))
                m = self.fresh(
                    "thanks",
                    "zimbra",
                    p,
                    "Re: Webinaire du 30 septembre",
                    f"Bonjour,\n\nMerci pour l'invitation au webinaire, je m'inscris.\n\n{self.block(p)}",
                )
            elif k == 5:
                x = self.official(("mai",), lambda y: not y.dep.startswith("97"))
                pl = de_place(x.commune, x.tl)
                m = self.new(
                    "thanks",
                    "laposte",
                    f"Accueil Mairie {pl}".replace("Mairie de ", "Mairie de "),
                    f"accueil@{town_dom(x)}",
                    "Re: " + CALL_SUBJECT,
                    in_reply_to=self.call.mid,
                    references=self.call.mid,
                )
                self.body(
                    m,
                    f"Bonjour,\n\nMerci pour votre message, je le transmets à {e(x, 'M. le Maire', 'Mme la Maire')}, {display(x, 'cased')}, qui vous répondra directement s'{e(x, 'il', 'elle')} le souhaite.\n\nL'accueil de la mairie {pl}",
                    self.call,
                    CALL,
                )
            elif k == 6:
                f = self.impostor("former_2022")
                self.n_imp -= 1  # not a signer: keep the impostor cycle of the signing shapes
                m = self.new(
                    "thanks",
                    "orange",
                    display(f, "cased"),
                    addr_of(f, rng, "orange.fr"),
                    "Re: " + CALL_SUBJECT,
                    in_reply_to=self.call.mid,
                    references=self.call.mid,
                )
                self.body(
                    m,
                    f"Bonjour,\n\nBravo pour l'initiative. J'ai été maire {de_place(f.commune, f.tl)} jusqu'en 2026 mais je ne suis plus élu{e(f, '', 'e')} : je ne peux donc pas signer, mais je fais suivre à mon successeur.\n\n{display(f, 'std')}",
                    self.call,
                    CALL,
                )
            else:
                p = self.official(("cd",))
                m = self.fresh(
                    "thanks",
                    "outlook_desktop",
                    p,
                    "Merci pour la liste",
                    f"Bonjour,\n\nMerci pour la liste des signataires de mon département, c'est très utile pour la session de vendredi.\n\nBien à vous,\n{self.block(p)}",
                )
            self.label(m, "thanks", "thanks", "nonsigning")

    def autoreply(self):
        rng = self.rng
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        for k in range(9):
            if k == 0:
                p = self.official(("cm",), lambda x: "adjoint" in x.fonction)
                m = self.new(
                    "autoreply",
                    "zimbra",
                    display(p, "cased"),
                    self.addr_for(p, "zimbra"),
                    "Absence : " + CALL_SUBJECT,
                    extra=auto,
                )
                self.body(
                    m,
                    f"Bonjour,\n\nJe suis absent{e(p, '', 'e')} du 20 au 27 septembre inclus. Pour toute urgence, merci de contacter l'accueil de la mairie.\n\n{self.block(p)}",
                    html=False,
                )
            elif k == 1:
                x = self.official(("mai",), lambda y: not y.dep.startswith("97"))
                pl = de_place(x.commune, x.tl)
                m = self.new(
                    "autoreply",
                    "plain",
                    f"Mairie {pl}",
                    f"ne-pas-repondre@{town_dom(x)}",
                    "Accusé de réception – Mairie " + pl,
                    extra=auto,
                )
                m.text = f"Bonjour,\n\nVotre message a bien été reçu par les services de la mairie {pl}. Il sera transmis à {e(x, 'Monsieur le Maire', 'Madame la Maire')}, {display(x, 'std')}, ou au service compétent.\n\nCeci est un message automatique, merci de ne pas y répondre.\n"
            elif k == 2:
                p = self.official(("cr",))
                m = self.new(
                    "autoreply",
                    "outlook_en",
                    display(p, "cased"),
                    official_addr(p, rng),
                    "Automatic reply: " + CALL_SUBJECT,
                    extra=auto,
                )
                self.body(
                    m,
                    f"Je suis en déplacement jusqu'au 1er octobre, avec un accès limité à ma messagerie.\nI am travelling until 1 October with limited access to e-mail.\n\n{self.block(p)}",
                    html=False,
                )
            elif k in (3, 4):
                src, p, addr = self.pick_one()
                conf = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[0][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(hours=rng.randint(2, 20))),
                    "<" + hx(rng, 32) + f"@{ORG_DOMAIN}>",
                )
                if k == 3:  # an Outlook read receipt
                    m = self.new(
                        "autoreply",
                        "outlook_desktop",
                        src.from_name,
                        addr,
                        "Lu : Votre signature est enregistrée",
                        extra="Auto-Submitted: auto-replied",
                        in_reply_to=conf.mid,
                        references=conf.mid,
                    )
                    t = conf.date
                    m.text = (
                        f"Votre message\n\n  À : {src.from_name or addr}\n  Objet : Votre signature est enregistrée\n  Envoyé : {fr_long(t)}\n\n"
                        f"a été lu le {fr_long(aware(self.clock.t))}.\n"
                    )
                else:
                    m = self.new(
                        "autoreply",
                        "outlook_desktop",
                        src.from_name,
                        addr,
                        "Réponse automatique : Votre signature est enregistrée",
                        extra=auto,
                        in_reply_to=conf.mid,
                        references=conf.mid,
                    )
                    self.body(
                        m,
                        f"Bonjour,\n\nJe suis absent{e(p, '', 'e')} jusqu'au lundi 4 octobre. Votre message sera traité à mon retour.\n\n{display(p, 'std')}",
                        conf,
                        self.confirm_text(p) + f"\n\n{org_sig(0)}",
                        html=False,
                    )
                self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
                continue
            elif k == 5:
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
                    "be delivered to one or more recipients. It's attached below.\n\n<secretariat@mairie-fermee.example>: host mairie-fermee.example[192.0.2.44] said: 550 5.1.1\n"
                    f"    User unknown (in reply to RCPT TO command)\n\n--- original message headers ---\nSubject: [Rappel] {CALL_SUBJECT}\n"
                )
            elif k == 6:
                m = self.new(
                    "autoreply",
                    "orange",
                    "",
                    f"f.{rng.randint(100, 999)}@orange.fr",
                    "Message d'absence",
                    extra=auto,
                )
                self.body(
                    m,
                    "Bonjour,\nJe suis en congé et ne consulte pas mes messages. Je vous répondrai à mon retour.\nCordialement",
                )
            elif k == 7:
                p = self.official(("cd",), lambda x: "Vice" in x.fonction or rng.random() < 0.5)
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
                    f"Bonjour,\n\nJe siège en session plénière du conseil départemental les 27 et 28 septembre. Je prendrai connaissance de votre message ensuite.\n\n{self.block(p)}",
                    html=False,
                )
            else:
                p = self.official(("mai",))
                m = self.new(
                    "autoreply",
                    "gmail",
                    display(p, "cased"),
                    addr_of(p, rng, "gmail.com"),
                    "Re: " + CALL_SUBJECT,
                    extra=auto,
                )
                self.body(
                    m,
                    f"Bonjour,\nJe suis en déplacement jusqu'au 4 octobre. En cas d'urgence, contactez le secrétariat de mairie au {self.phone()}.\n{display(p, 'std')}, maire",
                    html=False,
                )
            self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self):
        rng = self.rng
        bulk = "Precedence: bulk\nList-Unsubscribe: <mailto:desinscription@{dom}>"
        for k in range(6):
            if k == 0:
                dep = rng.choice(["15", "23", "48", "19", "43"])
                xs = [self.official(("mai",), lambda y, dep=dep: y.dep == dep) for _ in range(3)]
                dom = f"maires-ruraux-{dep}.example"
                items = "\n\n".join(
                    [
                        f"• Piscine intercommunale : {display(xs[0], 'cased')}, maire {de_place(xs[0].commune, xs[0].tl)}, rappelle que le bassin restera fermé tout l'hiver.",
                        f"• Assemblée générale le 16 octobre à {xs[1].commune} ; accueil par {display(xs[1], 'std')}, maire.",
                        f"• {display(xs[2], 'cased')} ({xs[2].commune}) rejoint le bureau de l'association.",
                    ]
                )
                m = self.new(
                    "newsletter",
                    "plain",
                    f"Maires ruraux {de_dept(dep)}",
                    f"lettre@{dom}",
                    f"La lettre des maires ruraux {de_dept(dep)} – septembre 2027",
                    extra=bulk.format(dom=dom),
                )
                m.text = f"LA LETTRE DES MAIRES RURAUX {de_dept(dep).upper()}\nSeptembre 2027\n\n{items}\n\nPour vous désinscrire, répondez STOP.\n"
            elif k == 1:
                xs = [self.official(("mai", "cm", "cd")) for _ in range(3)]
                dom = "revue-presse-territoires.example"
                items = "\n\n".join(
                    f"« Nous n'avons plus les moyens de chauffer le bassin », explique {display(x, 'cased')}, {mandate(x, rng)}."
                    if i == 0
                    else f"Pour {display(x, 'std')}, {mandate(x, rng)}, « la fermeture n'est pas une fatalité »."
                    if i == 1
                    else f"{display(x, 'cased')} ({mandate(x, rng)}) annonce une étude de rénovation."
                    for i, x in enumerate(xs)
                )
                m = self.new(
                    "newsletter",
                    "plain",
                    "Revue de presse Territoires",
                    f"revue@{dom}",
                    "Revue de presse : piscines publiques, la rentrée de tous les dangers",
                    extra=bulk.format(dom=dom),
                )
                m.text = f"REVUE DE PRESSE – {aware(self.clock.t):%d/%m/%Y}\n\n{items}\n\nLire les articles sur notre site.\n"
                m.html = (
                    "<html><body>"
                    + "".join(f"<p>{esc(x)}</p>\n" for x in m.text.split("\n\n"))
                    + "</body></html>\n"
                )
            elif k == 2:
                xs = [self.official(("mai", "cm")) for _ in range(2)]
                snippet = "\n\n".join(
                    f"{x.commune} : la piscine fermée jusqu'à nouvel ordre\nLe Courrier du Territoire (titre fictif)\n... {display(x, 'std')}, {mandate(x, rng)}, a confirmé mardi soir en conseil ..."
                    for x in xs
                )
                m = self.new(
                    "newsletter",
                    "plain",
                    "Alertes",
                    "alertes-noreply@veille.example",
                    "Alerte – « fermeture piscine »",
                    extra=bulk.format(dom="veille.example"),
                )
                m.text = f"Alerte – « fermeture piscine »\nQuotidien ⋅ {aware(self.clock.t):%d/%m/%Y}\n\nACTUALITÉS\n\n{snippet}\n\nSe désabonner de cette alerte\n"
            elif k == 3:
                x = self.official(("mai",), lambda y: self.big(y) and y.commune_code != "75056")
                y = self.colleague(x.commune_code, lambda o: "adjoint" in o.fonction)
                dom = town_dom(x)
                m = self.new(
                    "newsletter",
                    "plain",
                    f"Ville {de_place(x.commune, x.tl)}",
                    f"newsletter@{dom}",
                    f"{x.commune} Infos n° {rng.randint(40, 160)} – la rentrée",
                    extra=bulk.format(dom=dom),
                )
                m.text = (
                    f"{x.commune.upper()} INFOS\n\nLe mot du maire\n« Chères habitantes, chers habitants… » — {display(x, 'std')}, {e(x, 'votre maire', 'votre maire')}\n\n"
                    f"Sport : {display(y, 'cased')}, {parts(y, rng)['role']}, présente le nouveau planning des créneaux scolaires à la piscine.\n\nAgenda : forum des associations samedi 2 octobre.\n"
                )
            elif k == 4:
                x = self.official(("cd",))
                dom = f"natation{x.dep.lower()}.example"
                m = self.new(
                    "newsletter",
                    "plain",
                    f"Comité départemental de natation {de_dept(x.dep)}".replace("de de", "de"),
                    f"info@{dom}",
                    "Infos comité – rentrée 2027",
                    extra=bulk.format(dom=dom),
                )
                m.text = f"INFOS COMITÉ\n\nRencontre avec {display(x, 'std')}, {mandate(x, rng)} : le département maintient son aide au transport des scolaires cette année.\n\nProchaine réunion des clubs : 9 octobre.\n"
            else:
                x = self.official(("cm",), lambda y: "adjoint" in y.fonction)
                dom = "reseau-pro.example"
                m = self.new(
                    "newsletter",
                    "plain",
                    "Réseau Pro",
                    f"notifications@{dom}",
                    f"{display(x, 'cased')} a partagé une publication",
                    extra=bulk.format(dom=dom),
                )
                m.text = (
                    f"{display(x, 'cased')}\n{cap1(mandate(x, rng))}\n\n« J'ai signé l'appel des élu·es pour les piscines publiques, signez-le vous aussi ! »\n\n"
                    "12 réactions · 3 commentaires\n\nVoir la publication\n\nVous recevez cet e-mail parce que vous suivez cette personne.\n"
                )
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self):
        rng = self.rng
        picks = [self.pick_one() for _ in range(6)]
        texts = [
            "Bonjour,\n\nJe retire ma signature. Après discussion en bureau municipal, nous préférons attendre la position de l'intercommunalité.",
            "Je retire ma signature s'il vous plaît, je ne savais pas que la liste serait publiée dans la presse.",
            "Bonjour,\n\nFinalement, merci de ne pas publier mon nom. Je retire ma signature.\n\nCordialement",
            "Bonjour,\n\nSuite au vote de notre conseil hier soir, je vous demande de retirer ma signature de l'appel.",
            "Merci de supprimer ma signature, je me suis engagé·e dans une autre démarche avec l'association des maires.",
            "Bonjour,\nJe retire ma signature (désaccord sur le point 4).",
        ]
        for k, (src, p, addr) in enumerate(picks):
            client = (
                src.client
                if src.client in self.DOMS or src.client in ("outlook_en", "outlook_ios")
                else "gmail"
            )
            if k < 3:  # in the thread: signature -> organisers' confirmation -> withdrawal
                thread = self.thread_of(src)
                shape = src.file[4:-4]
                conf, conf_text = self.org_mail(src, src.text, self.confirm_text(p), shape, thread)
                m, _ = self.user_reply(
                    conf,
                    conf_text,
                    src.from_name,
                    addr,
                    client,
                    texts[k] + (f"\n\n{display(p, 'std')}" if k != 1 else ""),
                    "withdraw",
                )
                self.label(
                    m, "withdraw", "withdraws", "nonsigning", thread=thread, refers_to=src.file
                )
            else:
                m = self.new(
                    "withdraw",
                    client,
                    src.from_name,
                    addr,
                    ["Retrait de signature", "Retrait", "Appel piscines – retrait"][k - 3],
                )
                self.body(m, texts[k] + f"\n\n{display(p, 'cased')}\n{cap1(parts(p, rng)['role'])}")
                self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [
            (
                "Support Messagerie",
                "noreply@verification-boite.example",
                "Votre boîte de réception est pleine",
                "Bonjour,\n\nVotre quota est dépassé : 49 messages sont en attente. Validez votre compte : http://verification-boite.example/valider\n",
            ),
            (
                "Énergie Collectivités",
                "offres@courtier-energie.example",
                "Piscines : -40 % sur votre facture de gaz",
                "Madame, Monsieur l'élu·e,\n\nVotre piscine vous coûte trop cher ? Notre courtage réduit votre facture de 40 %. Rendez-vous gratuit.\n",
            ),
            (
                "Comptabilité",
                "factures@relance-paiement.example",
                "Facture impayée n° FA-2027-0912",
                "Bonjour,\n\nVeuillez trouver le lien vers la facture impayée : http://relance-paiement.example/fa0912\n",
            ),
            (
                "AquaRobot Pro",
                "contact@robots-bassin.example",
                "Robot nettoyeur de bassin – offre collectivités",
                "Bonjour,\n\nNos robots nettoient un bassin de 25 m en 2 h. Démonstration gratuite dans votre commune.\n",
            ),
            (
                "Formations Élus",
                "inscriptions@formation-elus-express.example",
                "DIF élus : dernières places",
                "Bonjour,\n\nUtilisez vos droits DIF élus avant le 31/12 : formation « Prise de parole » à distance, 2 jours.\n",
            ),
        ]
        for name, addr, subj, text in texts:
            m = self.new("spam", "plain", name, addr, subj)
            m.text = text
            self.label(m, "spam", "other", "nonsigning")

    # ---------------------------------------------------------------- the organisers
    call: Mail | None = None
    reminder: Mail | None = None
    reminder_listed: list[P] = []

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
        if part == 1:  # the reminder, listing signers so far
            ok = [s for s in self.one_signers() if s[1].kind in ("mai", "cm", "cd", "cr")]
            self.reminder_listed = [p for _, p, _ in ok[1::7][:8]]
            rows = "\n".join(
                f"- {display(p, 'cased')}, {mandate(p, rng)}" for p in self.reminder_listed
            )
            text = (
                f"Bonjour à toutes et à tous,\n\nPlus que trois semaines pour signer l'{CALL_TITLE} ! Parmi les premiers signataires :\n\n{rows}\n\n"
                f"… et plus de 300 autres élu·es. Pour signer, répondez à ce message avec vos nom, prénom et mandat.\n\n"
                f"Rappel de l'appel : https://{ORG_DOMAIN}/appel\n\n{org_sig(1)}"
            )
            m = self.new(
                "org_call",
                "organisers",
                ORG_NAME,
                ORG_LIST,
                f"[Rappel] {CALL_SUBJECT}",
                extra=LIST_HEADERS,
                lo=600,
                hi=900,
            )
            m.to = "undisclosed-recipients:;"
            self.body(m, text, html=False)
            self.reminder = m
            self.label(m, "org_call", "other", "nonsigning")
            return
        if part == 2:
            ok = [s for s in self.signed if not s[1].impostor and s[1].kind != "epci"]
            sample = ok[5::17][:5]
            rows = "\n".join(f"- {display(p, 'std')} ({mandate(p, rng)})" for _, p, _ in sample)
            text = (
                f"Bonjour,\n\nPoint d'étape : 412 signatures vérifiées à ce jour, dans 78 départements. Derniers signataires :\n\n{rows}\n\n"
                f"Merci à toutes et à tous. Publication le 22 octobre.\n\n{org_sig(0)}"
            )
            m = self.new(
                "org_call",
                "organisers",
                ORG_NAME,
                ORG_LIST,
                f"[Point d'étape] {CALL_TITLE}",
                extra=LIST_HEADERS,
            )
            m.to = "undisclosed-recipients:;"
            self.body(m, text, html=False)
            self.label(m, "org_call", "other", "nonsigning")
            return
        if part == 3:
            text = (
                f"{ORGANISERS[1][0]},\n\nAttention aux signatures « pour » quelqu'un (secrétaires, cabinets, conjoints) : on compte la personne élue, pas l'expéditeur. "
                f"Et les binômes départementaux = deux signatures. Je mets à jour le tableau ce soir.\n\n{ORGANISERS[0][0]}"
            )
            m = self.new(
                "org_call",
                "organisers",
                ORG_FULL[0],
                ORG_ADDR,
                "Pointage – signatures par procuration",
            )
            m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
            self.body(m, text, html=False)
            self.label(m, "org_call", "other", "nonsigning")
            return
        st = self.staff[-1]
        text = (
            f"Bonjour,\n\nModération de la liste elus-piscines : une dizaine de réponses au rappel sont parties vers la liste au lieu de votre adresse. "
            f"Je les ai bloquées et renvoyées à leurs auteurs.\n\n{st[0]} {nom_case(st[1])}\nModération des listes"
        )
        m = self.new(
            "org_call",
            "roundcube",
            f"{st[0]} {nom_case(st[1])}",
            f"moderation@listes.{ORG_DOMAIN}",
            "Réponses au rappel arrivées sur la liste",
        )
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        for fn, nm in [*ORGANISERS, *STAFF]:
            assert fold(nm) not in self.reg.surnames and self.reg.absent(nm, fn), nm
        for nm in INVENTED_NOMS:
            assert fold(nm) not in self.reg.surnames, nm
        self.org_call(0)
        self.own_words()
        self.mobile_terse()
        self.letterhead()
        self.form_notification()
        self.place_codes()
        self.fwd_chain()
        self.narrative()
        self.name_order()
        self.question()
        self.asked_first()
        self.binome()
        self.particles()
        self.proxy_sign()
        self.org_call(3)
        self.cc_nudge()
        self.langues()
        self.group_prose()
        self.misdirected()
        self.org_call(1)
        self.reminder_reply()
        self.org_call(4)
        self.thanks()
        self.autoreply()
        self.newsletter()
        self.withdraw()
        self.spam()
        self.org_call(2)
        if OUT.exists():
            shutil.rmtree(OUT)
        OUT.mkdir(parents=True)
        kept = 0
        for (
            m
        ) in self.mails:  # Outlook declaring iso-8859-1 while writing windows-1252 bytes (’ = 0x92)
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
    H11().build()
