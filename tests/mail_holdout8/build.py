#!/usr/bin/env python3
"""Eighth held-out petition mailbox (tests/mail_holdout8): builder.

    python tests/mail_holdout8/build.py            # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), fixed dates (September–October 2027, Paris
summer time), Message-IDs and MIME boundaries drawn from the generator in each client's own shape.
Messages are written as scenes (a signer, a thread, a withdrawal…), each placed in the three weeks
after the call, then sorted by date and numbered, as a mailbox lists them. Reads the real 2026 RNE
release (../shared/rne/release-2026, every file), the 2022 mayors file of ../shared/rne/history
(former mayors) and the COG (../shared/cog) at build time; nothing of ../shared is copied into the
repository except, in the messages, the drawn people's name, sex, mandate and place. Birth dates are
read only to tell homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages of the earlier held-out
corpora (only their READMEs, tests/mail_holdout5/build.py whose reading helpers, client quoting and
encoding machinery are reused, and the scorer). Campaign: « Appel des élu·es pour l'école au
village » (invented).
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
ORG_DOMAIN = "ecole-au-village.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"elus-ecole@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif L'école au village"
ORGANISERS = [
    ("Clémentine", "AUBRESPY-GOURDELIER"),
    ("Anselme", "TIXERONT-MALIGORNE"),
]  # invented; checked absent
# people named in messages who are not officials (school heads, teachers, parents, secretaries,
# journalists, list moderator): invented, checked absent from every 2026 file
STAFF = [
    ("Maud", "FOURASTIÉ-LEBRUNEL"),
    ("Fabrice", "CAZENOVE-DRILLAUD"),
    ("Nadège", "VERMOREL-KERJEAN"),
    ("Thibault", "POUZARGUES-MANCEL"),
    ("Solange", "HAUTBOIS-BRIQUEMONT"),
    ("Damien", "ESCOUBEYROU-LAVIALE"),
    ("Armelle", "QUENTRIC-DOUSSINEAU"),
    ("Lucien", "BARTHOMEUF-ROCHAIX"),
    ("Gisèle", "MONTAGNAC-PRUNIÈRES"),
    ("Yannick", "LABROUSSAIE-TOURNEL"),
    ("Odile", "CHAMPENOIS-VIGUERIE"),
    ("Hervé", "ROUZAIROL-DÉCHELETTE"),
]
CALL_TITLE = "Appel des élu·es pour l'école au village"
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
                dep=g("Code du département"),
                commune_code=cc,
                commune=c["nom"],
                tl=c.get("typeLiaison") or 0,
                coll=g("Libellé de l'EPCI"),
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
    "Eulalie",
    "Prudence",
    "Roselyne",
    "Awena",
    "Gaëlle",
    "Philippine",
    "Mathurine",
    "Iseult",
    "Violaine",
    "Anne-Laure",
    "Clotilde",
    "Maylis",
    "Perrine",
    "Domitille",
    "Ysaline",
    "Bertille",
    "Quitterie",
    "Sixtine",
]
FIRST_M = [
    "Aymeric",
    "Eudes",
    "Gonzague",
    "Loïc",
    "Gatien",
    "Théophane",
    "Hippolyte",
    "Jean-Eudes",
    "Rodolphe",
    "Anatole",
    "Blaise",
    "Côme",
    "Evrard",
    "Isidore",
    "Hugues",
    "Melchior",
    "Zacharie",
    "Gautier",
]
INVENTED_NOMS = [
    "BRÉCHIGNAC-FAVEREAU",
    "LAMOTHE-CASTAYRAC",
    "KERGUIDUFF-NÉDÉLEC",
    "ORSATELLI-PAOLACCI",
    "SCHWEITZBERGER",
    "TÉCHOUEYRES-PUJOLLE",
    "VILLEMAGNE-ROUSSILHE",
    "GRANDPIERRE-VOUILLON",
    "MALAVIEILLE-CROS",
    "DELPÉRIÉ-SOUQUET",
    "ARCHAMBEAUD-LIRON",
    "PEYRUSSEAU-GIMBERT",
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
WINTER = dt.datetime(2027, 10, 31, 3, 0)  # CEST -> CET (never reached: the mailbox ends in October)


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=1 if t >= WINTER else 2)))


START = dt.datetime(2027, 9, 14, 7, 50)  # the call goes out (Tuesday)
DAYS = 22
# how busy each day is: the first days, the day after the reminder (day 8) and before the deadline
DAY_W = [14, 11, 8, 6, 5, 2, 1.5, 4, 7, 5, 3.5, 3, 1.5, 1, 2.5, 3, 2.5, 2, 1, 0.8, 1.5, 1.2]
HOUR_W = [
    0,
    0,
    0,
    0,
    0,
    0,
    0.2,
    1.5,
    3,
    4,
    3.5,
    3,
    2.5,
    2.5,
    3,
    3,
    2.5,
    2.5,
    3,
    3.5,
    3,
    2,
    1.2,
    0.4,
]


def weekend(t: dt.datetime) -> bool:
    return t.weekday() >= 5


class Clock:
    """Draws the moment a scene starts, and the delays of the answers in a thread."""

    def __init__(self, rng):
        self.rng = rng

    def start(self, lo_day: int = 0, hi_day: int = DAYS - 1) -> dt.datetime:
        rng = self.rng
        days = list(range(lo_day, hi_day + 1))
        d = rng.choices(days, [DAY_W[x] for x in days])[0]
        h = rng.choices(range(24), HOUR_W)[0]
        t = START.replace(hour=0, minute=0) + dt.timedelta(
            days=d, hours=h, minutes=rng.randint(0, 59), seconds=rng.randint(0, 59)
        )
        if t <= START:
            t = START + dt.timedelta(minutes=rng.randint(25, 90), seconds=rng.randint(0, 59))
        if weekend(t) and rng.random() < 0.5:  # fewer mails on weekends
            t += dt.timedelta(days=2 if t.weekday() == 5 else 1)
        return aware(t)

    def after(self, t: dt.datetime, lo: int = 15, hi: int = 600) -> dt.datetime:
        """lo..hi minutes later, people and organisers sleep between 23:00 and 7:00."""
        n = t.replace(tzinfo=None) + dt.timedelta(
            minutes=self.rng.randint(lo, hi), seconds=self.rng.randint(0, 59)
        )
        if n.hour >= 23 or n.hour < 7:
            nxt = n if n.hour < 7 else n + dt.timedelta(days=1)
            n = nxt.replace(hour=7, minute=self.rng.randint(5, 59))
        return aware(n)


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
FORM = """Nom : ....................
Prénom : ....................
Mandat : ....................
Commune / collectivité (et département) : ...................."""
CALL = f"""{CALL_TITLE}

Madame, Monsieur,

À chaque rentrée, des dizaines de villages perdent leur dernière classe. Une fermeture décidée en
février au vu d'une prévision d'effectifs, et c'est une école qui ne rouvrira jamais, des enfants de
quatre ans dans un car à 7 h 10, une mairie qui ne trouve plus de jeunes familles. Nous, élu·es
de communes, de départements, de régions et d'intercommunalités, de toutes sensibilités, demandons :

1. qu'aucune classe unique ni aucune dernière classe d'une commune ne ferme sans l'accord du conseil
   municipal ;
2. une carte scolaire établie sur trois ans, et non plus d'une année sur l'autre ;
3. un seuil d'ouverture abaissé à 15 élèves dans les regroupements pédagogiques (RPI) ruraux ;
4. un temps de transport scolaire limité à 30 minutes pour les élèves de maternelle.

Pour signer, répondez à ce message en recopiant et complétant :

{FORM}

Chaque signature est vérifiée dans le Répertoire national des élus avant publication, le 15 octobre
2027. Date limite : vendredi 8 octobre.

Faites circuler l'appel auprès de vos collègues élu·es !

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} – signez avant le 8 octobre"
CALL_DATE = aware(START.replace(second=31))
LIST_HEADERS = (
    f"List-Id: <elus-ecole.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:elus-ecole-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: elus-ecole@listes." + ORG_DOMAIN
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
        self.call: Mail | None = None
        self.reminder: Mail | None = None
        self.reminder_text = ""
        self.report: Mail | None = None
        self.report_text = ""

    def bystander(self) -> tuple[str, str]:
        """An invented non-official (school head, parent, secretary…), each used once in turn."""
        st = self.staff.pop(0)
        self.staff.append(st)
        return st

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

    MIX = ("cm",) * 12 + ("mai",) * 4 + ("cd", "cd", "cr")

    def official(self, kinds=None, pred=lambda p: True) -> P:
        return self.take(self.rng.choice(kinds or self.MIX), pred)

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
        t: dt.datetime | None = None,
        **kw,
    ) -> Mail:
        cs, cte = kw.pop("enc", None) or self.rng.choice(CLIENT_ENC.get(client, ENCODINGS))
        if cte == "7bit-qp":
            cte = "quoted-printable"
        dom = from_addr.split("@")[-1]
        t = t or self.clock.start()
        m = Mail(
            file=shape,  # renamed once the mailbox is sorted by date
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
        m.mislabel = client == "outlook_desktop" and cte == "8bit" and cs != "utf-8"
        self.mails.append(m)
        return m

    def label(
        self,
        m: Mail,
        shape: str,
        intent: str,
        case: str,
        p: P | None = None,
        thread: Mail | None = None,
        refers_to: Mail | None = None,
    ):
        row = dict.fromkeys(LABEL_COLS, "")
        row.update(
            intent=intent,
            case=case,
            shape=shape,
            client=m.client,
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
        row["_mail"], row["_thread"], row["_ref"] = m, thread or m, refers_to
        self.labels.append(row)

    def sign(self, m: Mail, shape: str, p: P, thread: Mail | None = None, addr: str = ""):
        self.label(m, shape, "signs", "", p, thread)
        self.signed.append((m, p, addr or m.from_addr))

    def none(self, m: Mail, shape: str, intent: str, thread: Mail | None = None, ref=None):
        self.label(m, shape, intent, "nonsigning", None, thread, ref)

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
        me = m.from_addr
        if prev is not None:
            me = prev.to or (ORG_ADDR if prev.from_addr == m.from_addr else m.from_addr)
        quoted = quote_text(client, prev, prev_text, me) if prev is not None else ""
        m.text = top + quoted
        if html is None:
            html = client in HTML_CLIENTS and self.rng.random() < 0.4
        if html and client in HTML_CLIENTS:
            qh = quote_html(client, prev, prev_text, me) if prev is not None else ""
            m.html = html_doc(client, top, qh)
        return m.text

    def reply_subject(self, client: str, subj: str) -> str:
        base = re.sub(r"^((re|RE|Re|TR|Fwd|RE ?)\s?:\s*)+", "", subj)
        return ("RE: " if client.startswith("outlook") else "Re: ") + base

    def org_mail(
        self, prev: Mail, prev_text: str, text: str, shape: str, thread: Mail, lo=20, hi=400
    ) -> tuple[Mail, str]:
        i = self.rng.randrange(2)
        body = text + f"\n\n{org_sig(i)}"
        m = self.new(
            shape,
            "organisers",
            f"{ORGANISERS[i][0]} – {ORG_NAME}",
            ORG_ADDR,
            self.reply_subject("organisers", prev.subject),
            t=self.clock.after(prev.date, lo, hi),
            in_reply_to=prev.mid,
            references=(prev.references + " " + prev.mid).strip(),
        )
        m.to = f"{prev.from_name} <{prev.from_addr}>" if prev.from_name else prev.from_addr
        full = self.body(m, body, prev, prev_text, html=False)
        self.none(m, shape, "other", thread)
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
        lo=10,
        hi=600,
        html: bool | None = None,
        t: dt.datetime | None = None,
    ) -> tuple[Mail, str]:
        m = self.new(
            shape,
            client,
            name,
            addr,
            self.reply_subject(client, prev.subject),
            t=t or self.clock.after(prev.date, lo, hi),
            in_reply_to=prev.mid,
            references=(prev.references + " " + prev.mid).strip(),
        )
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

    def reply_call(
        self, shape: str, client: str, name: str, addr: str, top: str, html=None, **kw
    ) -> Mail:
        """A reply to the mass mailing (or to the reminder, after it went out), the call quoted."""
        t = kw.pop("t", None) or self.clock.start()
        prev, prev_text = self.call, CALL
        if self.reminder is not None and t > self.reminder.date and self.rng.random() < 0.6:
            prev, prev_text = self.reminder, self.reminder_text
        m = self.new(
            shape,
            client,
            name,
            addr,
            self.reply_subject(client, prev.subject),
            t=t,
            in_reply_to=prev.mid,
            references=(prev.references + " " + prev.mid).strip(),
            **kw,
        )
        self.body(m, top, prev, prev_text, html=html)
        return m

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

    # ---------------------------------------------------------------- voices
    CLIENT_W = {
        "gmail": 18,
        "outlook_desktop": 16,
        "iphone": 10,
        "orange": 8,
        "thunderbird": 8,
        "zimbra": 8,
        "laposte": 7,
        "apple": 7,
        "roundcube": 5,
        "yahoo": 4,
        "samsung": 4,
        "android_gmail": 4,
        "outlook_mac": 3,
        "orange_app": 2,
        "outlook_ios": 2,
        "ipad": 1,
    }

    def client(self, mobile: bool | None = None) -> str:
        names = list(self.CLIENT_W)
        if mobile:
            names = ["iphone", "samsung", "android_gmail", "orange_app", "outlook_ios", "ipad"]
        elif mobile is False:
            names = [
                c
                for c in names
                if c
                not in ("iphone", "samsung", "android_gmail", "orange_app", "outlook_ios", "ipad")
            ]
        return self.rng.choices(names, [self.CLIENT_W[c] for c in names])[0]

    def sender(self, p: P, client: str | None = None) -> tuple[str, str, str]:
        """(client, display name, address) as people send: personal box or the town hall's."""
        rng = self.rng
        client = client or self.client()
        addr = official_addr(p, rng) if rng.random() < 0.45 and not p.impostor else addr_of(p, rng)
        style = rng.choice(
            ["std", "cased", "cased", "cased", "inv", "caps", "cased_inv", "none", "first"]
        )
        name = "" if style == "none" else p.prenom if style == "first" else display(p, style)
        if addr.startswith("maire@"):
            name = rng.choice([name, f"Mairie {de_place(p.commune, p.tl)}"])
        return client, name, addr

    def name_of(
        self, p: P, styles=("std", "cased", "cased", "inv", "caps_inv", "cased_inv")
    ) -> str:
        return display(p, self.rng.choice(styles))

    def mand(self, p: P, d: dict, style: str | None = None) -> str:
        rng = self.rng
        style = style or rng.choice(["full", "full", "dep", "short", "cap"])
        if style == "short" and d["short"]:
            return join(d["short"], d["bare_d"] if d["bare"] else "")
        if style == "dep":
            return mandate(p, rng, force_dep=True)
        if style == "cap":
            return cap1(mandate(p, rng))
        return mandate(p, rng)

    def sig(self, p: P, d: dict, rich: bool | None = None) -> str:
        """A signature block: name, title, collectivity, sometimes address and phone."""
        rng = self.rng
        rich = rng.random() < 0.4 if rich is None else rich
        nm = self.name_of(p)
        form = rng.randrange(4)
        if form == 0:
            lines = [nm, cap1(d["role"]), self.coll(p, d)]
        elif form == 1:
            lines = [nm, cap1(mandate(p, rng))]
        elif form == 2:
            lines = [
                nm,
                f"{cap1(d['role'])} {d['de']}".strip() + (f" ({d['dep']})" if d["paren"] else ""),
            ]
        else:
            lines = [f"{nm} – {mandate(p, rng)}"]
        if rich and p.commune and (p.impostor or p.kind in ("mai", "cm", "mdel")):
            lines += [
                f"Mairie – {self.street()}",
                f"{postcode(p.commune_code)} {p.commune.upper()}",
                f"Tél. {self.phone()}",
            ]
        elif rich:
            lines += [f"Tél. {self.phone(True)}"]
        return "\n".join(lines)

    GREET = [
        "Bonjour,",
        "Bonjour,",
        "Bonjour à vous,",
        "Madame, Monsieur,",
        "Bonsoir,",
        "Bonjour à toute l'équipe,",
        "Chère Madame, cher Monsieur,",
        "Hello,",
        "",
    ]
    WHY = [
        "Je signe l'appel avec conviction.",
        "Je m'associe bien volontiers à votre appel.",
        "Vous pouvez ajouter mon nom à la liste des signataires.",
        "Merci pour cette initiative : je signe.",
        "Je soutiens pleinement cette démarche et je signe l'appel.",
        "Signature bien volontiers.",
        "Merci de m'inscrire parmi les signataires.",
        "Je signe, évidemment !",
        "Comptez-moi parmi les signataires de l'appel.",
        "J'apporte mon soutien à l'appel pour l'école au village.",
    ]
    STORY = [
        "Notre classe unique a été sauvée de justesse l'an dernier, grâce à deux familles arrivées en août. On ne peut pas vivre chaque printemps dans cette angoisse.",
        "Nous avons perdu notre école en 2019. Depuis, plus aucune jeune famille ne s'est installée dans le bourg.",
        "Le point 4 me tient particulièrement à cœur : nos petits de maternelle passent 45 minutes dans le car, matin et soir.",
        "Dans notre RPI, trois communes se partagent quatre classes ; la fermeture d'une seule désorganiserait tout.",
        "La carte scolaire sur trois ans est une évidence : nous investissons dans des bâtiments pour vingt ans.",
        "Nous venons de refaire la cantine et la cour de l'école. Apprendre une fermeture en février serait un non-sens.",
        "Ici, l'école est le dernier service public ouvert tous les jours avec la mairie.",
        "Notre commune a accueilli onze enfants cette rentrée, et l'on nous parle encore de seuil.",
        "Je suis moi-même ancienne élève de l'école du village ; mes enfants y sont aujourd'hui.",
        "Le seuil de 15 élèves dans les RPI ruraux est le bon combat : nous sommes à 17 cette année, à 13 peut-être l'an prochain.",
    ]

    def greet(self) -> str:
        return self.rng.choice(self.GREET)

    def para(self, *xs: str) -> str:
        return "\n\n".join(x for x in xs if x)

    def send(
        self,
        shape: str,
        p: P,
        top: str,
        client=None,
        subject=None,
        html=None,
        t=None,
        reply=None,
        **kw,
    ) -> Mail:
        """One signer's own message: a reply to the call (quoted) or a new message."""
        rng = self.rng
        client, name, addr = self.sender(p, client)
        if kw.get("name") is not None:
            name = kw.pop("name")
        if kw.get("addr") is not None:
            addr = kw.pop("addr")
        reply = rng.random() < 0.5 if reply is None else reply
        if reply:
            m = self.reply_call(shape, client, name, addr, top, html=html, t=t)
        else:
            subject = subject or rng.choice(
                [
                    "Signature",
                    "Appel école",
                    "Signature de l'appel",
                    CALL_TITLE,
                    "Je signe",
                    "appel",
                    "Soutien à l'appel",
                    "Ecole au village",
                ]
            )
            m = self.new(shape, client, name, addr, subject, t=t)
            self.body(m, top, html=html)
        return m

    # ---------------------------------------------------------------- signing shapes
    def everyday_short(self, n: int):
        """Two to five lines, every order, with or without greeting."""
        rng = self.rng
        for k in range(n):
            kinds = ("ca", "ma", "mdel")[k // 9 : k // 9 + 1] if k % 9 == 4 else None
            p = self.signer(kinds)
            d = parts(p, rng)
            nm, md = self.name_of(p), self.mand(p, d)
            form = rng.randrange(8)
            if form == 0:
                top = f"{self.greet()}\n\n{rng.choice(self.WHY)}\n\n{nm}, {md}"
            elif form == 1:
                top = f"Je signe.\n{nm}\n{cap1(md)}"
            elif form == 2:
                top = f"{self.greet()}\n{rng.choice(self.WHY)}\n{nm} ({md})\n{self.closing()}"
            elif form == 3:
                top = f"{nm}, {md}, signe l'appel.\n\n{self.closing()}"
            elif form == 4:
                top = f"{self.greet()}\n\nOui pour moi : {nm}, {md}.\n\nMerci à vous"
            elif form == 5:
                top = f"{rng.choice(self.WHY)}\n\n{self.closing()}\n\n{nm}\n{cap1(md)}"
            elif form == 6:
                top = f"{self.greet()}\n\nÀ ajouter : {nm} – {md}\n\nBonne journée"
            else:
                top = f"ok je signe\n{nm} {md}"
            m = self.send("everyday_short", p, top, client=self.client(True) if form == 7 else None)
            self.sign(m, "everyday_short", p)

    def everyday_letter(self, n: int):
        """A few paragraphs about their school, a closing, a signature block."""
        rng = self.rng
        for _k in range(n):
            p = self.signer()
            d = parts(p, rng)
            story = rng.sample(self.STORY, rng.choice([1, 1, 2]))
            top = self.para(
                self.greet(),
                rng.choice(self.WHY) if rng.random() < 0.5 else "",
                *story,
                rng.choice(
                    [
                        "Je signe donc l'appel et le ferai circuler dans notre intercommunalité.",
                        "C'est pourquoi je signe sans hésiter.",
                        "Je signe, et je vous souhaite bon courage pour la suite.",
                        "Vous avez mon soutien plein et entier.",
                        "",
                    ]
                ),
                self.closing(),
                self.sig(p, d),
            )
            m = self.send("everyday_letter", p, top, client=self.client(False))
            self.sign(m, "everyday_letter", p)

    def sig_no_text(self, n: int):
        """Send pressed without a word: only the signature block (often an Outlook/Zimbra auto-signature) above the quoted call."""
        rng = self.rng
        for k in range(n):
            p = self.signer()
            d = parts(p, rng)
            block = self.sig(p, d, rich=k % 2 == 0)
            top = ["", "\n", "-- \n", "\n\n", "", "--\n"][k % 6] + block
            client = [
                "outlook_desktop",
                "zimbra",
                "thunderbird",
                "laposte",
                "gmail",
                "outlook_mac",
            ][k % 6]
            m = self.send("sig_no_text", p, top, client=client, reply=True)
            self.sign(m, "sig_no_text", p)

    def form_filled(self, n: int):
        """The call's form filled in: in the quote, copied, dots kept, half filled, one field per line or per sentence."""
        rng = self.rng
        for k in range(n):
            p = self.signer()
            d = parts(p, rng)
            place = d["bare_d"] if d["bare"] else self.coll(p, d)
            if d["dep"] and d["bare"] and rng.random() < 0.6 and "(" not in place:
                place += f" ({d['dep']})"
            role = rng.choice([d["role"], cap1(d["role"]), d["short"] or d["role"]])
            nom = rng.choice([p.nom, nom_case(p.nom)])
            form = k % 7
            if form == 0:  # dots kept, values typed after them
                filled = (
                    f"Nom : ....................{nom}\nPrénom : ....................{p.prenom}\n"
                    f"Mandat : ....................{role}\nCommune / collectivité (et département) : ....................{place}"
                )
            elif form == 1:  # dots replaced
                filled = f"Nom : {nom}\nPrénom : {p.prenom}\nMandat : {role}\nCommune / collectivité (et département) : {place}"
            elif form == 2:  # values on the next line
                filled = f"Nom :\n{nom}\nPrénom :\n{p.prenom}\nMandat :\n{role}\nCommune / collectivité (et département) :\n{place}"
            elif form == 3:  # half filled, the rest in the signature
                filled = (
                    f"Nom : {nom}\nPrénom : {p.prenom}\nMandat : voir ci-dessous\nCommune / collectivité (et département) : ....................\n\n"
                    f"{self.closing()}\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}"
                )
            elif form == 4:  # all on one line
                filled = f"Nom : {nom} Prénom : {p.prenom} Mandat : {role} Commune : {place}"
            elif form == 5:  # answers in capitals, no accents
                filled = (
                    f"NOM : {noacc(p.nom).upper()}\nPRENOM : {noacc(p.prenom).upper()}\nMANDAT : {noacc(role).upper()}\n"
                    f"COMMUNE / COLLECTIVITE : {noacc(place).upper()}"
                )
            else:  # prénom and nom swapped in the fields
                filled = f"Nom : {p.prenom} {nom}\nPrénom : idem\nMandat : {role}\nCommune / collectivité (et département) : {place}"
            client = [
                "outlook_desktop",
                "gmail",
                "thunderbird",
                "iphone",
                "zimbra",
                "orange",
                "apple",
            ][form]
            if k >= 7 and form in (
                0,
                1,
                2,
            ):  # filled inside the quoted call, the rest of the call below
                cl, name, addr = self.sender(p, rng.choice(["thunderbird", "roundcube", "orange"]))
                qcall = CALL.replace(FORM, "\n".join("@@" + x for x in filled.split("\n")))
                quoted = q(qcall).replace("> @@", "")
                t = self.clock.start()
                m = self.new(
                    "form_filled",
                    cl,
                    name,
                    addr,
                    self.reply_subject(cl, CALL_SUBJECT),
                    t=t,
                    in_reply_to=self.call.mid,
                    references=self.call.mid,
                )
                head = quote_text(cl, self.call, "", ORG_LIST).split("\n")
                head = "\n".join(x for x in head if x.strip() and x.strip() != ">")
                m.text = f"{self.greet()}\n\n{head}\n{quoted}\n"
            else:
                top = self.para(
                    self.greet() if form != 5 else "",
                    filled if form != 3 else filled,
                    self.closing() if form not in (3,) else "",
                )
                m = self.send("form_filled", p, top, client=client, reply=form in (1, 3, 6))
            self.sign(m, "form_filled", p)

    ABBR = [
        (r"\bSaint-", "St-"),
        (r"\bSainte-", "Ste-"),
        (r"-sur-", " s/ "),
        (r"-sous-", " ss "),
        (r"-lès-", "-les-"),
        (r"\bMont", "Mt"),
    ]

    def place_abbrev(self, n: int):
        """Commune names shortened as people type them: St-, Ste-, s/, ss, Mt, no accents, no hyphens."""
        rng = self.rng
        pat = re.compile(r"\bSainte?-|-sur-|-sous-|-lès-|\bMont[a-z]*-")
        for k in range(n):
            p = self.signer(("mai", "cm", "cm"), pred=lambda x: bool(pat.search(x.commune)))
            if not p.commune or not pat.search(p.commune):
                # an impostor drawn elsewhere: its commune stays as written
                short = p.commune
            else:
                short = p.commune
                for a, b in self.ABBR:
                    short = re.sub(a, b, short, count=1)
                if k % 3 == 1:
                    short = noacc(short)
                if k % 3 == 2:
                    short = short.replace("-", " ")
            d = parts(p, rng)
            dep = f" ({p.dep})" if homonym(p) or rng.random() < 0.5 else ""
            role = d["role"] or "maire"
            top = rng.choice(
                [
                    f"{self.greet()}\n\nJe signe : {display(p, 'cased')}, {role} à {short}{dep}.\n\n{self.closing()}",
                    f"{self.greet()}\n{rng.choice(self.WHY)}\n\n{display(p, 'std')}\n{cap1(role)} – {short}{dep}",
                    f"{display(p, 'inv')} {role} {short}{dep} signe l'appel",
                    f"{self.greet()}\n\n{cap1(role)} de {short}{dep}, je signe.\n{display(p, 'cased')}",
                ]
            )
            m = self.send("place_abbrev", p, top)
            self.sign(m, "place_abbrev", p)

    def postcode_place(self, n: int):
        """The place given by its postcode, La Poste style, instead of a département."""
        rng = self.rng
        for k in range(n):
            p = self.signer(("mai", "cm", "cm"))
            d = parts(p, rng)
            pc = postcode(p.commune_code)
            com = p.commune if k % 2 else p.commune.upper()
            role = d["role"] or "maire"
            top = [
                f"{self.greet()}\n\n{rng.choice(self.WHY)}\n\n{display(p, 'cased')}\n{cap1(role)}\n{pc} {com}",
                f"Je signe l'appel.\n{display(p, 'std')} – {role} – {pc} {com}",
                f"{self.greet()}\n\n{display(p, 'inv')}, {role}, commune de {com} ({pc}).",
                f"{self.greet()}\n\nSignature : {display(p, 'cased')}, {role}\nMairie\n{self.street()}\n{pc} {com}\n\n{self.closing()}",
                f"{display(p, 'cased')}\n{role} ({pc} {com})\nsigne l'appel. Merci !",
                f"{self.greet()}\n\nJe signe en tant que {role} de {com}, CP {pc}.\n\n{display(p, 'cased')}",
                f"{rng.choice(self.WHY)}\n\n{display(p, 'caps_inv')}\n{role.upper()}\n{pc} {p.commune.upper()}",
                f"{self.greet()}\n\n{display(p, 'cased')} / {role} / {pc} – {com}\n\n{self.closing()}",
            ][k % 8]
            m = self.send("postcode_place", p, top)
            self.sign(m, "postcode_place", p)

    def school_deleg(self, n: int):
        """Adjoint·es and councillors writing their delegation to schools instead of their rank."""
        rng = self.rng
        for k in range(n):
            p = self.signer(
                ("cm",), pred=lambda x: "adjoint" in x.fonction and x.commune_code != "75056"
            )
            w = where_commune(p, rng)
            adj = e(p, "adjoint", "adjointe")
            deleg = [
                f"{e(p, 'maire-adjoint', 'maire-adjointe')} {e(p, 'chargé', 'chargée')} des affaires scolaires {w}",
                f"{adj} à l'éducation et à la jeunesse {w}",
                f"{adj} aux écoles {w}",
                f"{adj} au maire, {e(p, 'délégué', 'déléguée')} à la vie scolaire et au périscolaire, {w}",
                f"élu{e(p, '', 'e')} {e(p, 'chargé', 'chargée')} de l'enfance et des écoles ({adj}) {w}",
                f"{e(p, 'maire-adjoint', 'maire-adjointe')} (scolaire, cantine, transports) {w}",
                f"{adj} enfance-jeunesse-écoles {w}",
                f"{adj} en charge du scolaire {w}",
            ][k % 8]
            if p.impostor:
                deleg = f"{e(p, 'conseiller municipal', 'conseillère municipale')} {e(p, 'délégué', 'déléguée')} aux écoles {w}"
            top = rng.choice(
                [
                    f"{self.greet()}\n\nEn charge des écoles dans ma commune, je signe des deux mains.\n\n{display(p, 'cased')}\n{cap1(deleg)}",
                    f"{self.greet()}\n\n{rng.choice(self.STORY)}\n\nJe signe : {display(p, 'std')}, {deleg}.",
                    f"{display(p, 'cased')}, {deleg}, signe l'appel.\n\n{self.closing()}",
                ]
            )
            m = self.send("school_deleg", p, top)
            self.sign(m, "school_deleg", p)

    GROUPS = [
        "{C} en commun",
        "Unis pour {C}",
        "{C} Demain",
        "Alternative citoyenne",
        "Agir pour {C}",
        "{C} écologiste et solidaire",
        "Ensemble pour {C}",
        "Le Printemps de {C}",
    ]

    def big_town(self, x: P) -> bool:
        c = COMMUNES.get(x.commune_code) or {}
        return c.get("population", 0) > 30000 and x.commune_code != "75056" and not x.fonction

    def opposition_big(self, n: int):
        """Opposition councillors of big towns: group names, « minorité », « opposition municipale »."""
        rng = self.rng
        for k in range(n):
            p = self.signer(("cm",), pred=self.big_town)
            city = p.commune
            grp = rng.choice(self.GROUPS).replace("{C}", city)
            cm = e(p, "conseiller municipal", "conseillère municipale")
            top = [
                f"{self.greet()}\n\nJe signe l'appel.\n\n{display(p, 'cased')}\n{cap1(cm)} d'opposition, {city}\nGroupe « {grp} »",
                f"{self.greet()}\n\nÉlu{e(p, '', 'e')} de la minorité au conseil municipal {de_place(city, p.tl)}, je m'associe à votre appel, même si nos écoles sont en ville : solidarité avec les villages !\n\n{display(p, 'std')}",
                f"Pour le groupe {grp} :\n{display(p, 'cased')}, {cm} {de_place(city, p.tl)} ({p.dep})",
                f"{self.greet()}\n\n{rng.choice(self.WHY)}\n\n{display(p, 'inv')}\n{cap1(cm)} – opposition municipale\n{city.upper()}",
                f"{self.greet()}\n\nNotre groupe d'opposition ({grp}) soutient l'appel. Je le signe à titre personnel : {display(p, 'cased')}, {cm} {de_place(city, p.tl)}.",
                f"{display(p, 'std')}\n{grp} – {cm} {de_place(city, p.tl)}\n\nJe signe.",
                f"{self.greet()}\n\nEn tant qu'{e(p, 'élu', 'élue')} d'opposition à {city}, je signe.\n{self.closing()}\n{display(p, 'cased')}\n{grp}",
                f"{self.greet()}\n\nJe signe volontiers. {display(p, 'cased')}, {cm} ({grp}), ville {de_place(city, p.tl)}.",
            ][k % 8]
            if p.impostor:
                top = f"{self.greet()}\n\nJe signe l'appel.\n\n{display(p, 'cased')}\n{cap1(mandate(p, rng))}"
            m = self.send("opposition_big", p, top)
            self.sign(m, "opposition_big", p)

    def honorific(self, n: int):
        """Titles and professions glued to the name: Dr, Docteur, Pr, Me, « docteur vétérinaire »."""
        rng = self.rng
        for k in range(n):
            p = self.signer()
            d = parts(p, rng)
            md = self.mand(p, d, "full")
            t = [
                f"Dr {display(p, 'cased')}",
                f"Docteur {display(p, 'std')}",
                f"Pr {display(p, 'cased')}",
                f"Me {display(p, 'cased')}",
                f"{display(p, 'cased')}, docteur{e(p, '', 'e')} vétérinaire",
                f"Maître {display(p, 'std')}, {e(p, 'avocat', 'avocate')} au barreau",
                f"{display(p, 'cased')}, {e(p, 'médecin généraliste', 'médecin généraliste')}",
            ][k % 7]
            top = rng.choice(
                [
                    f"{self.greet()}\n\n{rng.choice(self.WHY)}\n\n{t}\n{cap1(md)}",
                    f"{self.greet()}\n\nJe signe : {t}, {md}.",
                    f"{rng.choice(self.WHY)}\n{self.closing()}\n{t} – {md}",
                ]
            )
            m = self.send("honorific", p, top)
            self.sign(m, "honorific", p)

    SCHOOLS = [
        "l'école Jules-Ferry",
        "l'école Marie-Curie",
        "le groupe scolaire Jean-de-La-Fontaine",
        "l'école Jacques-Prévert",
        "l'école Louise-Michel",
        "l'école Paul-Bert",
        "l'école Simone-Veil",
    ]

    def tenure_bio(self, n: int):
        """A short biography around the mandate: years, terms, former job, the school named after someone."""
        rng = self.rng
        for k in range(n):
            p = self.signer(("mai", "cm", "mai", "cd"))
            d = parts(p, rng)
            md = self.mand(p, d, "full")
            school = rng.choice(self.SCHOOLS)
            bio = [
                f"{cap1(md)} depuis 2014 (troisième mandat), ancien{e(p, '', 'ne')} {e(p, 'instituteur', 'institutrice')}, je signe.",
                f"{e(p, 'Élu', 'Élue')} en 2020, {e(p, 'réélu', 'réélue')} en mars 2026 : {md}. Mes deux enfants sont à {school}. Je signe.",
                f"Trente ans d'enseignement à {school}, puis {md} depuis 2026 : je signe évidemment.",
                f"{cap1(md)} (mandat 2026-2032), {e(p, 'directeur', 'directrice')} d'école retraité{e(p, '', 'e')}.",
                f"Je suis {md} depuis 2008. J'ai vu fermer deux classes en quinze ans. Je signe.",
                f"Ancien{e(p, '', 'ne')} {e(p, 'parent', 'parent')} d'élèves à {school}, aujourd'hui {md} : je signe.",
                f"{cap1(md)} pour mon 2e mandat, {e(p, 'agriculteur', 'agricultrice')}, trois enfants scolarisés au RPI : je signe.",
            ][k % 7]
            if p.impostor:
                bio = f"{cap1(md)} depuis 2020, je signe."
            top = rng.choice(
                [
                    f"{self.greet()}\n\n{bio}\n\n{display(p, 'cased')}",
                    f"{self.greet()}\n\n{display(p, 'std')}. {bio}\n\n{self.closing()}",
                    f"{self.greet()}\n\n{bio}\n\n{self.closing()}\n{display(p, 'inv')}",
                ]
            )
            m = self.send("tenure_bio", p, top)
            self.sign(m, "tenure_bio", p)

    def named_bystanders(self, n: int):
        """Other people named in the message (school head, parents, inspector, a colleague who will write herself)."""
        rng = self.rng
        later = []
        for k in range(n):
            p = self.signer(("mai", "cm", "mai"), allow_imp=k % 4 != 1)
            d = parts(p, rng)
            a, b = self.bystander(), self.bystander()
            A = f"{a[0]} {a[1]}" if k % 2 else f"{a[0]} {nom_case(a[1])}"
            B = f"{b[0]} {nom_case(b[1])}"
            col = None
            if k % 4 == 1 and p.kind in ("mai", "cm") and not p.impostor:
                try:
                    col = self.colleague(p.commune_code, lambda o: True)
                except ValueError:
                    col = None
            txt = [
                f"Avec Mme {A}, directrice de notre école, et {B}, président de l'association des parents d'élèves, nous avons lu votre appel avec attention. Je le signe.",
                f"J'ai transmis votre appel à {A}, {e(p, 'notre', 'notre')} secrétaire de mairie, qui s'occupe du dossier de la carte scolaire avec l'inspectrice, Mme {B}.",
                f"Mme {A} (directrice du RPI) et M. {B} (DDEN) m'ont convaincu{e(p, '', 'e')} de signer. C'est fait !",
                f"Nous avons reçu hier l'inspecteur, M. {B}, pour la carte scolaire : aucune garantie. Je signe l'appel.",
            ][k % 4]
            if col is not None:
                txt += (
                    f"\n\nMa collègue {display(col, 'cased')}, {mandate(col, rng)}, vous écrira elle-même."
                    if col.f
                    else f"\n\nMon collègue {display(col, 'cased')}, {mandate(col, rng)}, vous écrira lui-même."
                )
                later.append(col)
            top = self.para(self.greet(), txt, self.closing(), self.sig(p, d, rich=False))
            m = self.send("named_bystanders", p, top)
            self.sign(m, "named_bystanders", p)
            if col is not None:
                dd = parts(col, rng)
                m2 = self.send(
                    "named_bystanders",
                    col,
                    f"{self.greet()}\n\nComme annoncé par {display(p, 'cased')}, je signe à mon tour.\n\n{display(col, 'cased')}\n{cap1(dd['role'])}",
                    t=self.clock.after(m.date, 120, 2000),
                    reply=False,
                    subject="Signature appel école",
                )
                self.sign(m2, "named_bystanders", col)

    def social_style(self, n: int):
        """Written like a post: hashtags, @handles glued from the name, emoji, « Signé ✍️ »."""
        rng = self.rng
        for k in range(n):
            p = self.signer()
            d = parts(p, rng)
            handle = (
                "@"
                + slug(p.prenom).replace("-", "").capitalize()
                + slug(p.nom).replace("-", "").capitalize()
            )
            place = d["bare"] or ""
            tag = "#" + re.sub(r"[^A-Za-z]", "", noacc(place.title())) if place else "#Territoires"
            top = [
                f"#PasUneClasseDeMoins ✊\nJe signe ! {display(p, 'cased')}, {d['role']} {d['de']} {d['paren']}".rstrip(),
                f"Signé ✍️\n{display(p, 'std')} — {mandate(p, rng)}\n{handle} sur les réseaux",
                f"👍 pour moi\n{display(p, 'cased')} ({d['short'] or d['role']} {place}) {tag} #ÉcoleAuVillage",
                f"Bonjour 🙂\n\nJe signe l'appel #ÉcoleRurale\n\n{display(p, 'cased')} | {cap1(d['role'])} | {place or self.coll(p, d)}\n{handle} · {tag}",
                f"Hello la team 👋 je signe évidemment 💪\n{display(p, 'inv')}, {mandate(p, rng)}",
                f"✅ Signé\n— {display(p, 'cased')}\n{cap1(mandate(p, rng))}\n🐦 {handle}",
            ][k % 6]
            m = self.send("social_style", p, top, client=self.client(True), reply=k % 2 == 0)
            self.sign(m, "social_style", p)

    def afterthought_ps(self, n: int):
        """Name or mandate only in a P.S. after the closing."""
        rng = self.rng
        for k in range(n):
            p = self.signer()
            d = parts(p, rng)
            ps = rng.choice(["P.S.", "PS :", "PS", "P.-S. :", "NB :", "P.S. :"])
            form = k % 4
            if form == 0:
                top = f"{self.greet()}\n\n{rng.choice(self.STORY)}\n\n{self.closing()}\n{display(p, 'cased')}\n\n{ps} j'oubliais le mandat : {mandate(p, rng)}."
            elif form == 1:
                top = f"{self.greet()}\n\nBravo pour l'appel, il était temps.\n\n{self.closing()}\n\n{ps} Et bien sûr je signe ! {display(p, 'std')}, {mandate(p, rng)}"
            elif form == 2:
                top = f"{self.greet()}\n\nJe signe. Tenez-nous au courant des suites.\n\n{self.closing()}\n{p.prenom}\n\n{ps} {p.prenom} {nom_case(p.nom)}, {mandate(p, rng)}, pour la liste."
            else:
                top = f"{self.greet()}\n\nQuestion de calendrier : la publication aura-t-elle lieu avant les conseils d'école ?\n\n{self.closing()}\n\n{ps} Je signe évidemment : {display(p, 'inv')} – {self.mand(p, d)}"
            m = self.send("afterthought_ps", p, top)
            self.sign(m, "afterthought_ps", p)

    # ---------------------------------------------------------------- several signers, threads
    def epci_mayors(self, n: int) -> tuple[dict, list[P]]:
        rng = self.rng
        for _ in range(5000):
            ep = EPCIS[rng.randrange(len(EPCIS))]
            ms = [self.reg.mayor_of.get(c["code"]) for c in ep["membres"]]
            ms = [x for x in ms if x is not None and self.ok(x) and not x.dep.startswith("97")]
            if len(ms) >= n + 1:
                pick = rng.sample(ms, n)
                for x in pick:
                    self.use(x)
                return ep, pick
        raise RuntimeError("epci mayors")

    def factored_mandate(self):
        """One mandate shared by several names: « A (X), B (Y) et C (Z), maires du RPI … »."""
        rng = self.rng
        # 1. mayors of an RPI, the commune after each name
        ep, ms = self.epci_mayors(3)
        names = [f"{display(x, 'cased')} ({x.commune})" for x in ms]
        top = f"{self.greet()}\n\nLes maires du RPI signent ensemble l'appel : {names[0]}, {names[1]} et {names[2]}, maires des communes du regroupement ({epci_label(ep['nom'])}).\n\n{self.closing()}\n{display(ms[0], 'cased')}"
        m = self.send("factored_mandate", ms[0], top, reply=True)
        for x in ms:
            self.sign(m, "factored_mandate", x)
        # 2. two mayors and an impostor claiming a third commune of the same EPCI
        ep, ms = self.epci_mayors(2)
        codes = [c["code"] for c in ep["membres"] if c["code"] not in {x.commune_code for x in ms}]
        imp = self.impostor("invented", commune_code=codes[0])
        people = [ms[0], imp, ms[1]]
        top = (
            f"Bonjour,\n\nNous, {display(people[0], 'std')}, {display(people[1], 'std')} et {display(people[2], 'std')}, maires respectivement "
            f"{de_place(people[0].commune, people[0].tl)}, {de_place(people[1].commune, people[1].tl)} et {de_place(people[2].commune, people[2].tl)} ({people[0].dep}), signons l'appel.\n\nBien à vous"
        )
        m = self.send(
            "factored_mandate", ms[0], top, reply=False, subject="Signature de trois maires"
        )
        for x in people:
            self.sign(m, "factored_mandate", x)
        # 3. adjoint·es of one commune: ranks factored
        for _ in range(5000):
            code = self.reg.pool["cm"][rng.randrange(len(self.reg.pool["cm"]))].commune_code
            adj = [o for o in self.reg.by_commune[code] if "adjoint" in o.fonction and self.ok(o)]
            if len(adj) >= 2 and code != "75056":
                adj = sorted(rng.sample(adj, 2), key=lambda o: rank(o.fonction))
                break
        for x in adj:
            self.use(x)
        fem = all(x.f for x in adj)
        w = where_commune(adj[0], rng, True)
        top = f"{self.greet()}\n\n{display(adj[0], 'cased')} et {display(adj[1], 'cased')}, {rank(adj[0].fonction)}{'re' if rank(adj[0].fonction) == 1 and adj[0].f else 'er' if rank(adj[0].fonction) == 1 else 'e'} et {rank(adj[1].fonction)}e {'adjointes' if fem else 'adjoints'} au maire {w}, signent l'appel.\n\n{self.closing()}"
        m = self.send("factored_mandate", adj[0], top, reply=True)
        for x in adj:
            self.sign(m, "factored_mandate", x)
        # 4. councillors of one commune, names after the mandate
        grp = self.commune_group(3)
        grp = [x for x in grp if not x.fonction][:3] or grp
        w = where_commune(grp[0], rng, True)
        lst = ", ".join(display(x, "cased") for x in grp[:-1]) + f" et {display(grp[-1], 'cased')}"
        top = f"{self.greet()}\n\nConseillers municipaux {w} : {lst}. Nous signons tous les {['deux', 'trois', 'quatre'][len(grp) - 2]}.\n\n{self.closing()}"
        m = self.send("factored_mandate", grp[0], top, reply=False)
        for x in grp:
            self.sign(m, "factored_mandate", x)
        # 5. two departmental councillors of one canton (a binôme)
        for _ in range(5000):
            a = self.reg.pool["cd"][rng.randrange(len(self.reg.pool["cd"]))]
            b = [
                o
                for o in self.reg.pool["cd"]
                if o.canton == a.canton and o.dep == a.dep and o is not a
            ]
            if b and self.ok(a) and self.ok(b[0]) and a.dep in DEPTS:
                b = b[0]
                break
        self.use(a)
        self.use(b)
        top = f"{self.greet()}\n\n{display(a, 'cased')} et {display(b, 'cased')}, binôme du canton {de_name(a.canton)}, conseillers départementaux {de_dept(a.dep)}, signons l'appel.\n\n{self.closing()}"
        m = self.send("factored_mandate", a, top, reply=True)
        for x in (a, b):
            self.sign(m, "factored_mandate", x)

    def cc_council(self, n: int):
        """A mayor writes to the council, the organisers in Cc; colleagues answer to all."""
        rng = self.rng
        for k in range(n):
            grp = self.commune_group(2, with_mayor=True)
            mayor = grp[0]
            d = parts(mayor, rng)
            dom = town_dom(mayor)
            client = ["outlook_desktop", "zimbra", "gmail", "thunderbird", "laposte"][k % 5]
            t = self.clock.start()
            m = self.new(
                "cc_council",
                client,
                display(mayor, "cased"),
                official_addr(mayor, rng),
                "TR: " + CALL_SUBJECT if client == "outlook_desktop" else "Tr : " + CALL_SUBJECT,
                t=t,
            )
            m.to = f"Conseil municipal <conseil@{dom}>"
            m.cc = ORG_ADDR
            top = (
                f"Chers collègues,\n\nJ'ai signé l'appel ci-dessous (les organisateurs sont en copie de ce message, qui vaut signature pour moi). "
                f"Chacun·e est libre de le signer en répondant à tous.\n\n{self.closing()}\n\n{display(mayor, rng.choice(['cased', 'std']))}\n"
                f"{e(mayor, 'Maire', 'Maire')} {d['de']}"
            )
            fwd = (
                f"\n\n-----Message d'origine-----\nDe : {ORG_NAME} <{ORG_LIST}>\nEnvoyé : {fr_long(self.call.date)}\n"
                f"Objet : {CALL_SUBJECT}\n\n{CALL}\n"
            )
            m.text = top + fwd
            self.sign(m, "cc_council", mayor)
            prev, prev_text = m, m.text
            for x in grp[1:][: 1 + (k % 2)]:
                if rng.random() < 0.3:
                    continue
                txt = rng.choice(
                    [
                        f"Je signe également.\n{display(x, 'cased')}",
                        f"Moi aussi !\n{x.prenom} {nom_case(x.nom)}, {parts(x, rng)['role']}",
                        f"Bonjour à tous,\nJe m'associe : {display(x, 'std')}.",
                    ]
                )
                cl, name, addr = self.sender(x)
                r, full = self.user_reply(
                    prev, prev_text, name, addr, cl, txt, "cc_council", lo=30, hi=900
                )
                r.to = f"{prev.from_name} <{prev.from_addr}>, Conseil municipal <conseil@{dom}>"
                r.cc = ORG_ADDR
                self.sign(r, "cc_council", x, thread=m)

    def self_followup(self, n: int):
        """Two messages a few minutes apart, unprompted: the second completes the first."""
        rng = self.rng
        for k in range(n):
            p = self.signer()
            d = parts(p, rng)
            client, name, addr = self.sender(p, self.client(True))
            form = k % 3
            first = [
                f"Je signe !\n{display(p, 'cased')}",
                "Je signe l'appel",
                f"Bonjour, je signe. {display(p, 'std')}, {d['role'] or 'maire'}",
            ][form]
            m1 = self.reply_call("self_followup", client, name if form != 1 else "", addr, first)
            second = [
                f"Oups, j'ai oublié mon mandat : {self.mand(p, d)}",
                f"Pardon, message parti trop vite !\n{display(p, 'cased')}\n{cap1(mandate(p, rng))}",
                f"… {d['de'] or ''} {('(' + d['dep'] + ')') if d['dep'] else ''}, pardon".replace(
                    "  ", " "
                ),
            ][form]
            t2 = self.clock.after(m1.date, 1, 25)
            if rng.random() < 0.5:
                m2 = self.new(
                    "self_followup",
                    client,
                    name,
                    addr,
                    m1.subject,
                    t=t2,
                    in_reply_to=m1.mid,
                    references=m1.references + " " + m1.mid,
                )
                self.body(m2, second, m1, first)
            else:
                m2 = self.new(
                    "self_followup",
                    client,
                    name,
                    addr,
                    rng.choice(["suite", "complément", "Signature (suite)"]),
                    t=t2,
                )
                self.body(m2, second)
            self.label(m1, "self_followup", "signs", self.case(p), None)
            self.labels[-1]["expected"] = "no_signer"
            self.sign(m2, "self_followup", p, thread=m1)

    def case(self, p: P) -> str:
        return "impostor" if p.impostor else "official"

    def reply_to_recap(self, n: int):
        """A signature sent as a reply to the organisers' progress report, which names other signers."""
        rng = self.rng
        for k in range(n):
            p = self.signer()
            d = parts(p, rng)
            client, name, addr = self.sender(p)
            top = [
                f"{self.greet()}\n\nJe ne vois pas mon nom dans la liste, je crois que je n'avais pas encore signé : c'est fait !\n\n{display(p, 'cased')}, {mandate(p, rng)}",
                f"Ajoutez-moi à la liste : {display(p, 'std')}, {self.mand(p, d)}",
                f"{self.greet()}\n\nBelle liste ! Je la rejoins.\n\n{self.closing()}\n{self.sig(p, d, rich=False)}",
                f"Je signe aussi. {display(p, 'inv')} – {mandate(p, rng)}",
            ][k % 4]
            m = self.new(
                "reply_to_recap",
                client,
                name,
                addr,
                self.reply_subject(client, self.report.subject),
                t=self.clock.start(self.report_day, DAYS - 1),
                in_reply_to=self.report.mid,
                references=self.report.mid,
            )
            if m.date <= self.report.date:
                m.date = self.clock.after(self.report.date, 20, 600)
            self.body(m, top, self.report, self.report_text)
            self.sign(m, "reply_to_recap", p)

    def confirmation(self, p: P, rng, wrong_role: str = "") -> str:
        return (
            f"Bonjour,\n\nNous avons bien enregistré votre signature :\n{display(p, 'std')} – {wrong_role or mandate(p, rng)}\n\n"
            "Merci de nous signaler toute erreur. La liste sera publiée le 15 octobre."
        )

    def recap_thread(self, n: int):
        """signature → the organisers' recap → « parfait » or a correction of the mandate (labelled on the first message)."""
        rng = self.rng
        for k in range(n):
            form = k % 4
            if form == 1:
                p = self.signer(("cm",), pred=lambda x: "adjoint" in x.fonction, allow_imp=False)
            else:
                p = self.signer(allow_imp=form != 1)
            d = parts(p, rng)
            cm = e(p, "conseiller municipal", "conseillère municipale")
            said = f"{cm} {where_commune(p, rng)}" if form == 1 else self.mand(p, d)
            top = f"{self.greet()}\n\nJe signe.\n{display(p, 'cased')}, {said}"
            m1 = self.send("recap_thread", p, top)
            self.sign(m1, "recap_thread", p)
            m2, t2 = self.org_mail(
                m1, m1.text, self.confirmation(p, rng, said), "recap_thread", m1, 60, 2500
            )
            ans = [
                "C'est parfait, merci !",
                f"Petite correction : je suis {d['role']}, pas {cm}. Merci !",
                "Tout est bon. Bon courage pour la suite.",
                f"Merci. Vous pouvez préciser « {d['dep'] or d['bare']} » après mon mandat si besoin.",
            ][form]
            m3, _ = self.user_reply(
                m2, t2, m1.from_name, m1.from_addr, m1.client, ans, "recap_thread", 30, 1500
            )
            self.none(m3, "recap_thread", "other" if form == 1 else "thanks", thread=m1)

    def interco_seat(self):
        """Intercommunal councillors of the release's EPCI rows, writing their intercommunal title."""
        rng = self.rng
        pool = [x for x in self.reg.pool["epci"] if self.ok(x)]
        for k, p in enumerate(pool[:4]):
            self.use(p)
            cc = epci_label(
                p.coll.replace("Cc ", "CC ")
                .replace(" De ", " de ")
                .replace(" Du ", " du ")
                .replace("L'", "l'")
            )
            f = p.fonction
            if f.startswith("Président"):
                title = f"{e(p, 'président', 'présidente')} de la {cc}"
            elif "Vice" in f:
                title = f"{rank(f)}e {e(p, 'vice-président', 'vice-présidente')} de la {cc}"
            else:
                title = (
                    f"{e(p, 'conseiller communautaire', 'conseillère communautaire')} de la {cc}"
                )
            top = [
                f"{self.greet()}\n\nJe signe l'appel au titre de l'intercommunalité, compétente pour le transport scolaire.\n\n{display(p, 'cased')}\n{cap1(title)}",
                f"{self.greet()}\n\n{display(p, 'std')}, {title} (délégué{e(p, '', 'e')} {de_place(p.commune, p.tl)}), signe l'appel.",
                f"{rng.choice(self.WHY)}\n\n{self.closing()}\n{display(p, 'cased')}\n{cap1(title)} – {p.commune} ({p.dep})",
                f"{self.greet()}\n\nSignature : {display(p, 'inv')}, {title}.",
            ][k % 4]
            m = self.send("interco_seat", p, top)
            self.sign(m, "interco_seat", p)

    # ---------------------------------------------------------------- non-signing traffic
    def one_signer_msgs(self):
        per = Counter(id(r["_mail"]) for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor
            and per[id(s[0])] == 1
            and s[0].client != "plain"
            and s[0].file not in ("cc_council", "self_followup", "recap_thread", "named_bystanders")
        ]

    def question(self):
        rng = self.rng
        qs = [
            "Notre commune n'a plus d'école depuis 2011 (nos enfants vont au RPI voisin) : ma signature a-t-elle un sens ?",
            "La liste des signataires sera-t-elle transmise au recteur ? Je préfère savoir avant de signer.",
            "Pouvez-vous m'envoyer l'appel en PDF ? Je voudrais le présenter au prochain conseil municipal avant de signer.",
            "Le point 3 vise-t-il aussi les écoles privées sous contrat ? Plusieurs collègues me posent la question.",
            "Un conseiller municipal suppléant au conseil communautaire peut-il signer au titre de l'intercommunalité ?",
            "Est-il possible de signer au nom de la commune, après une délibération ?",
            "Avez-vous prévu un rassemblement devant la DSDEN ? Nous pourrions venir à plusieurs.",
        ]
        clients = [
            "gmail",
            "outlook_desktop",
            "zimbra",
            "laposte",
            "thunderbird",
            "iphone",
            "apple",
        ]
        for k, qq in enumerate(qs):
            p = self.official(("mai", "cm", "cm", "cd", "cr"))
            d = parts(p, rng)
            m = self.send(
                "question",
                p,
                self.para(self.greet(), qq, self.closing(), self.sig(p, d)),
                client=clients[k],
                reply=k % 3 == 0,
                subject=[
                    "Question",
                    "Transmission au rectorat ?",
                    "Version PDF",
                    "Point 3",
                    "Suppléant",
                    "Délibération",
                    "Rassemblement ?",
                ][k],
            )
            self.none(m, "question", "question")
        # a journalist asks about signers (names two real signers of this mailbox)
        ok = [s for s in self.signed if not s[1].impostor]
        a, b = ok[7][1], ok[31][1]
        j = self.bystander()
        m = self.new(
            "question",
            "gmail",
            f"{j[0]} {nom_case(j[1])}",
            f"{slug(j[0])}.{slug(j[1])}@journal-du-centre.example",
            "Demande presse – appel école au village",
            t=self.clock.start(10, DAYS - 1),
        )
        self.body(
            m,
            f"Bonjour,\n\nJournaliste au Journal du Centre, je prépare un article sur votre appel. J'ai vu que {display(a, 'cased')} ({mandate(a, rng)}) "
            f"et {display(b, 'cased')} ({mandate(b, rng)}) l'ont signé : combien de signatures avez-vous à ce jour ?\n\n"
            f"Bien cordialement,\n{j[0]} {nom_case(j[1])}\nJournal du Centre – {self.phone(True)}",
        )
        self.none(m, "question", "question")

    def org_prev(self, p: P, when: dt.datetime) -> tuple[Mail, str]:
        prev = Mail(
            "",
            "organisers",
            f"{ORGANISERS[0][0]} – {ORG_NAME}",
            ORG_ADDR,
            "Votre signature est enregistrée",
            when,
            f"<{hx(self.rng, 32)}@{ORG_DOMAIN}>",
        )
        return prev, self.confirmation(p, self.rng) + f"\n\n{org_sig(0)}"

    def thanks(self):
        rng = self.rng
        one = self.one_signer_msgs()
        picks = [one[3], one[19], one[44]]
        for k, (src, p, addr) in enumerate(picks):
            prev, pt = self.org_prev(p, self.clock.after(src.date, 60, 1500))
            client = src.client if src.client != "plain" else "gmail"
            txt = [
                "Merci à vous !",
                "Bien reçu, merci et bravo pour l'initiative.",
                f"Merci !\n\n{display(p, 'cased')}",
            ][k]
            if k == 2:
                # an Outlook reaction notification
                m = self.new(
                    "thanks",
                    "outlook_desktop",
                    src.from_name or display(p, "cased"),
                    addr,
                    f"{src.from_name or display(p, 'cased')} a réagi à votre message : Votre signature est enregistrée",
                    t=self.clock.after(prev.date, 5, 300),
                    in_reply_to=prev.mid,
                    references=prev.mid,
                    extra="X-MS-Reactions: allow\nX-MS-Exchange-Organization-ReactionsNotification: true",
                )
                self.body(
                    m,
                    f"{src.from_name or display(p, 'cased')} a réagi avec 👍 à votre message.\n\n« Votre signature est enregistrée »",
                    html=False,
                )
            else:
                m = self.new(
                    "thanks",
                    client,
                    src.from_name,
                    addr,
                    self.reply_subject(client, prev.subject),
                    t=self.clock.after(prev.date, 5, 600),
                    in_reply_to=prev.mid,
                    references=prev.mid,
                )
                self.body(m, txt, prev, pt)
            self.none(m, "thanks", "thanks", ref=src)
        # a refusal, above the call
        p = self.official(("mai",))
        d = parts(p, rng)
        m = self.send(
            "thanks",
            p,
            self.para(
                "Bonjour,",
                "Merci pour votre envoi. Je partage le constat mais je ne signe pas de tribunes nationales : je défends nos écoles auprès de la DASEN directement.",
                "Bonne continuation,",
                self.sig(p, d, rich=False),
            ),
            reply=True,
            client="outlook_desktop",
        )
        self.none(m, "thanks", "other")
        # thanks for the template of deliberation, with a block
        for _ in range(2):
            p = self.official(("mai", "cm"))
            d = parts(p, rng)
            m = self.send(
                "thanks",
                p,
                self.para(
                    "Bonjour,",
                    rng.choice(
                        [
                            "Merci pour le modèle de motion envoyé à mon adjoint. Nous la passerons au conseil du 4 octobre.",
                            "Merci pour votre réponse rapide à ma question de la semaine dernière.",
                        ]
                    ),
                    self.closing(),
                    self.sig(p, d),
                ),
                reply=False,
                subject=rng.choice(["Merci", "Remerciements", "Re: votre réponse"]),
            )
            self.none(m, "thanks", "thanks")

    def autoreply(self):
        rng = self.rng
        one = self.one_signer_msgs()
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        for k in range(5):
            p = self.official(("mai", "cm", "cd", "mai", "cr")[k : k + 1])
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nJe suis absent{e(p, '', 'e')} jusqu'au 27 septembre. En cas d'urgence, merci de contacter le secrétariat de mairie.\n\n{self.sig(p, d, True)}",
                f"Merci pour votre message. Je suis en conseil d'école toute la journée et vous répondrai dès que possible.\n\n{self.sig(p, d, False)}",
                f"Je suis absent{e(p, '', 'e')} (session plénière). / I am out of the office.\n\n{self.sig(p, d, False)}",
                f"Accusé de réception\n\nVotre courriel a bien été reçu par les services de la mairie {d['de']}. Il sera transmis à {display(p, 'std')}, maire, qui vous répondra dans les meilleurs délais.\n\nCeci est un message automatique, merci de ne pas y répondre.",
                f"Bonjour,\n\nEn congé jusqu'au 4 octobre inclus.\n\n{self.sig(p, d, False)}",
            ][k]
            client = ["outlook_desktop", "zimbra", "outlook_desktop", "plain", "gmail"][k]
            m = self.new(
                "autoreply",
                client,
                display(p, "cased") if k != 3 else f"Mairie {d['de']}",
                addr_of(p, rng) if k != 3 else f"accueil@{town_dom(p)}",
                [
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Absence : " + CALL_SUBJECT,
                    "Réponse automatique : [Rappel] " + CALL_SUBJECT,
                    "Accusé de réception",
                    "Absent(e) du bureau",
                ][k],
                t=self.clock.start(0, 9),
                extra=auto,
            )
            self.body(m, text, html=False)
            self.none(m, "autoreply", "autoreply")
        # an out-of-office quoting the organisers' confirmation
        src, p, addr = one[27]
        prev, pt = self.org_prev(p, self.clock.after(src.date, 60, 900))
        m = self.new(
            "autoreply",
            "outlook_desktop",
            src.from_name,
            addr,
            "Réponse automatique : Votre signature est enregistrée",
            t=self.clock.after(prev.date, 1, 3),
            extra=auto,
        )
        self.body(
            m,
            "Je suis en déplacement jusqu'à lundi. Je lirai votre message à mon retour.",
            prev,
            pt,
            html=False,
        )
        self.none(m, "autoreply", "autoreply", ref=src)
        # a bounce
        m = self.new(
            "autoreply",
            "plain",
            "Mail Delivery System",
            f"MAILER-DAEMON@mx.{ORG_DOMAIN}",
            "Undelivered Mail Returned to Sender",
            t=self.clock.after(self.reminder.date, 1, 20),
            extra="Auto-Submitted: auto-replied",
        )
        m.text = (
            f"This is the mail system at host mx.{ORG_DOMAIN}.\n\nI'm sorry to have to inform you that your message could not\n"
            "be delivered to one or more recipients.\n\n<secretariat@mairie-fermee.example>: host not found\n\n"
            f"--- original message headers ---\nSubject: {self.reminder.subject}\n"
        )
        self.none(m, "autoreply", "autoreply")

    def newsletter(self):
        rng = self.rng
        bulk = "Precedence: bulk\nList-Unsubscribe: <mailto:desinscription@{D}>"
        items = [
            (
                "Association des maires ruraux du département",
                "lettre@maires-ruraux-dep.example",
                "La Lettre des maires ruraux – septembre 2027",
                "LA LETTRE DES MAIRES RURAUX\n\nCarte scolaire : ils et elles se mobilisent\n{L}\n\nAssemblée générale le 16 octobre.",
            ),
            (
                "FCPE – Comité départemental",
                "info@parents-comite.example",
                "Rentrée 2027 : nos actions",
                "Rentrée 2027\n\nDes élu·es nous ont rejoints contre les fermetures de classes :\n{L}\n\nPour adhérer, rendez-vous sur notre site.",
            ),
            (
                "Revue de presse Territoires",
                "revue@territoires-presse.example",
                "Revue de presse du 24 septembre",
                "REVUE DE PRESSE – ÉDUCATION ET TERRITOIRES\n\nCette semaine dans la presse régionale : {L}\n\nSe désinscrire : répondre STOP",
            ),
            (
                "Réseau des élu·es de la montagne",
                "contact@elus-montagne.example",
                "Infolettre n° 42",
                "INFOLETTRE N° 42\n\nÉcole : témoignages d'élu·es\n{L}\n\nÀ bientôt !",
            ),
        ]
        for k, (name, addr, subj, tpl) in enumerate(items):
            ps = [self.official(("mai", "cm", "cd")) for _ in range(3)]
            if k == 2:
                lst = "; ".join(
                    f"{display(x, 'cased')} ({mandate(x, rng)}) défend l'école de son territoire"
                    for x in ps
                )
            else:
                lst = "\n".join(f"• {display(x, 'std')}, {mandate(x, rng)}" for x in ps)
            m = self.new(
                "newsletter",
                "plain",
                name,
                addr,
                subj,
                t=self.clock.start(),
                extra=bulk.replace("{D}", addr.split("@")[1]),
            )
            m.text = tpl.replace("{L}", lst) + "\n"
            self.none(m, "newsletter", "newsletter")

    def withdraw(self):
        one = self.one_signer_msgs()
        picks = [one[9], one[26], one[40], one[55], one[70]]
        for k, (src, p, addr) in enumerate(picks):
            client = ["iphone", src.client, "outlook_desktop", "gmail", "thunderbird"][k]
            text = [
                "Merci de retirer ma signature, je me suis un peu précipité·e.",
                f"Bonjour,\n\nLe conseil municipal a préféré une motion propre à la commune : je retire donc ma signature de l'appel.\n\n{display(p, 'std')}",
                "Bonjour,\n\nPourriez-vous enlever mon nom de la liste ? Je signerai avec mon association départementale.\n\nCordialement",
                "Finalement je retire ma signature, désolé·e pour le dérangement.",
                f"Bonjour,\n\nAprès relecture, le point 1 pose problème à plusieurs collègues : je retire ma signature.\n\n{self.closing()}\n{display(p, 'cased')}",
            ][k]
            subj = [
                "Retrait",
                "Retrait de ma signature",
                "Enlever mon nom",
                "Re: Votre signature est enregistrée",
                "Retrait signature",
            ][k]
            t = self.clock.after(src.date, 1500, 9000)
            m = self.new("withdraw", client, src.from_name, addr, subj, t=t)
            if k == 3:
                prev, pt = self.org_prev(p, self.clock.after(src.date, 60, 600))
                m.in_reply_to = m.references = prev.mid
                self.body(m, text, prev, pt)
            else:
                self.body(m, text)
            self.none(m, "withdraw", "withdraws", ref=src)

    def spam(self):
        texts = [
            (
                "Service Messagerie",
                "noreply@verif-webmail-mairie.example",
                "Votre quota de messagerie est atteint",
                "Bonjour,\n\nVotre boîte est pleine à 98 %. Validez votre compte sous 24 h : http://verif-webmail-mairie.example/quota\n",
            ),
            (
                "Tableaux Numériques Pro",
                "ventes@ecran-classe.example",
                "Écrans interactifs pour vos écoles : -40 %",
                "Madame, Monsieur le Maire,\n\nÉquipez vos classes avant les vacances de la Toussaint. Devis gratuit.\n",
            ),
            (
                "Colis Express",
                "suivi@colis-attente.example",
                "Votre colis est en attente",
                "Bonjour,\n\nVotre colis n'a pas pu être livré. Réglez 1,99 € de frais : http://colis-attente.example/p\n",
            ),
            (
                "Formation Élus 2027",
                "inscriptions@formation-elus-dif.example",
                "DIF élus : dernières places",
                "Bonjour,\n\nUtilisez votre DIF avant le 31 décembre : prise de parole, budget, réseaux sociaux.\n",
            ),
            (
                "Cantine Bio Express",
                "contact@repas-cantine.example",
                "Repas scolaires livrés à 2,10 €",
                "Bonjour,\n\nRepas bio livrés en liaison froide, sans engagement. Essai gratuit d'une semaine.\n",
            ),
        ]
        for name, addr, subj, text in texts:
            m = self.new("spam", "plain", name, addr, subj)
            m.text = text
            self.none(m, "spam", "other")

    # ---------------------------------------------------------------- the organisers
    report_day = 12

    def org_call(self):
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_LIST,
            CALL_SUBJECT,
            t=CALL_DATE,
            enc=("utf-8", "quoted-printable"),
            extra=LIST_HEADERS,
        )
        m.to = "undisclosed-recipients:;"
        self.body(m, CALL, html=False)
        self.call = m
        self.none(m, "org_call", "other")
        t = aware(START.replace(hour=8, minute=2, second=14) + dt.timedelta(days=8))
        text = (
            f"Bonjour à toutes et à tous,\n\nL'{CALL_TITLE} a déjà recueilli de nombreuses signatures. Si vous ne l'avez pas encore fait, "
            f"il vous reste jusqu'au vendredi 8 octobre : répondez simplement à ce message.\n\nRappel du texte :\n\n{CALL}"
        )
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_LIST,
            "[Rappel] " + CALL_SUBJECT,
            t=t,
            enc=("utf-8", "quoted-printable"),
            extra=LIST_HEADERS,
        )
        m.to = "undisclosed-recipients:;"
        self.body(m, text, html=False)
        self.reminder, self.reminder_text = m, text
        self.none(m, "org_call", "other")

    def org_later(self):
        rng = self.rng
        ok = [
            s
            for s in self.signed
            if not s[1].impostor and s[0].date < aware(START + dt.timedelta(days=self.report_day))
        ]
        sample = ok[2::9][:5]
        rows = "\n".join(f"- {display(p, 'std')}, {mandate(p, rng)}" for _, p, _ in sample)
        text = (
            f"Bonjour à toutes et à tous,\n\nPoint d'étape : l'appel a déjà été signé par plus de 150 élu·es, parmi lesquels :\n\n{rows}\n\n"
            f"Merci à chacune et chacun ! Vous pouvez encore signer jusqu'au 8 octobre en répondant à ce message.\n\n{org_sig(1)}"
        )
        t = aware(START.replace(hour=18, minute=40, second=3) + dt.timedelta(days=self.report_day))
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_LIST,
            "[Point d'étape] " + CALL_TITLE,
            t=t,
            extra=LIST_HEADERS,
        )
        m.to = "undisclosed-recipients:;"
        self.body(m, text, html=False)
        self.report, self.report_text = m, text
        self.none(m, "org_call", "other")
        text = (
            f"{ORGANISERS[1][0]},\n\nJ'ai compté les signatures groupées (RPI, binômes, conseils) une par une. Les réponses sans mandat "
            f"sont dans l'onglet « à relancer ». On fait le point jeudi ?\n\n{ORGANISERS[0][0]}"
        )
        m = self.new(
            "org_call",
            "organisers",
            ORG_FULL[0],
            ORG_ADDR,
            "Tableau des signatures",
            t=self.clock.start(6, 9),
        )
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.none(m, "org_call", "other")

    # ---------------------------------------------------------------- all
    def build(self):
        self.org_call()
        self.everyday_short(30)
        self.everyday_letter(22)
        self.form_filled(10)
        self.opposition_big(10)
        self.place_abbrev(8)
        self.postcode_place(8)
        self.school_deleg(8)
        self.named_bystanders(8)
        self.honorific(7)
        self.tenure_bio(7)
        self.afterthought_ps(7)
        self.social_style(6)
        self.sig_no_text(6)
        self.factored_mandate()
        self.cc_council(5)
        self.self_followup(3)
        self.recap_thread(4)
        self.interco_seat()
        self.org_later()
        self.reply_to_recap(4)
        self.question()
        self.thanks()
        self.autoreply()
        self.newsletter()
        self.withdraw()
        self.spam()
        # the mailbox as listed: by date, numbered
        order = sorted(range(len(self.mails)), key=lambda i: (self.mails[i].date, i))
        self.mails = [self.mails[i] for i in order]
        for i, m in enumerate(self.mails, 1):
            m.file = f"{i:03d}-{m.file}.eml"
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
            m.mislabel = bool(m.mislabel and ok and kept < 3)
            kept += m.mislabel
        for m in self.mails:
            (OUT / m.file).write_bytes(render(m, self.rng))
        pos = {id(m): i for i, m in enumerate(self.mails)}
        rows = sorted(
            self.labels, key=lambda r: pos[id(r["_mail"])]
        )  # stable: a message's signers in order
        with open(HERE / "labels.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter=";", lineterminator="\n")
            w.writerow(LABEL_COLS)
            for r in rows:
                r["message_file"] = r["_mail"].file
                r["thread"] = r["_thread"].file[:-4]
                r["refers_to"] = r["_ref"].file if r["_ref"] is not None else ""
                r["encoding"] = r["_mail"].encoding
                w.writerow([r[c] for c in LABEL_COLS])
        sig = [r for r in rows if r["expected"] != "no_signer"]
        print(
            f"{len(self.mails)} messages, {len(sig)} signers ({sum(r['expected'] == 'verified' for r in sig)} officials, "
            f"{sum(r['expected'] == 'not_verified' for r in sig)} impostors)"
        )


if __name__ == "__main__":
    Builder().build()
