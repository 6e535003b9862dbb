#!/usr/bin/env python3
"""Fourteenth held-out petition mailbox (tests/mail_holdout14): builder.

    python tests/mail_holdout14/build.py            # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris summer time, May 2027), Message-IDs and MIME boundaries drawn from the
generator in each client's own shape. Reads the real 2026 RNE release (../shared/rne/release-2026,
every file), one 2022 mayors file of ../shared/rne/history (former mayors) and the COG
(../shared/cog) at build time; nothing of ../shared is copied into the repository except, in the
messages, the drawn people's name, sex, mandate and place. Birth dates are read only to tell
homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages, labels or builders of the
earlier held-out corpora (only the READMEs of mail_holdout5 and mail_holdout6, mail_holdout5/build.py
whose registry reading, client quoting and encoding machinery are reused, and the scorer). Campaign:
« Appel des élu·es pour la forêt communale » (invented).
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

SEED = 2027_0503
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "foret-communale.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"sous-bois@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Forêt communale"
ORGANISERS = [
    ("Ysaline", "KERDRAON-MONTAUBRIC"),
    ("Évariste", "FONTCUBERTA-LABRUGUIÈRE"),
]  # invented; checked absent
# secretaries, assistants, list moderators: invented, checked absent from every 2026 file
STAFF = [
    ("Armelle", "QUÉRÉNEC-BASTIDOU"),
    ("Loïc", "VAISSADE-OURLIAC"),
    ("Perrine", "CHANTEGRELET-MOUZAC"),
    ("Thibaut", "ESCANDELL-FOURNIOUX"),
    ("Laurène", "BRUNEHAUT-SALVETAT"),
    ("Gildas", "MOREVILLE-PLANTADIS"),
    ("Clotilde", "ARRIBEYRE-VASSIVIÈRE"),
    ("Yannick", "LOUPIAC-DESFORGES"),
]
CALL_TITLE = "Appel des élu·es pour la forêt communale"
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
    "Aurore",
    "Mélisande",
    "Roxane",
    "Perrine",
    "Guenièvre",
    "Albane",
    "Philippine",
    "Iseult",
    "Anaïs",
    "Séverine",
    "Domitille",
    "Eulalie",
    "Bertille",
    "Marie-Liesse",
    "Violaine",
    "Aliénor",
]
FIRST_M = [
    "Gatien",
    "Théophane",
    "Aymeric",
    "Évrard",
    "Paulin",
    "Hippolyte",
    "Gonzague",
    "Lubin",
    "Eudes",
    "Jean-Eudes",
    "Quentin",
    "Rodolphe",
    "Gauvain",
    "Amaury",
    "Sixte",
    "Bastien",
]
INVENTED_NOMS = [
    "FERRANDOU-LACOSTIER",
    "KERMABON-TRÉVIDIC",
    "SALVAGNAC-BOURRIQUET",
    "ROUMÉGOUX-PELLISSARD",
    "HAUTEVILLARD-DUCRAY",
    "VIGOUROUX-MALLERET",
    "TOURNEBIZE-CASTAGNOL",
    "BERTHOUMIEUX-LANDREAU",
    "CHABANNEIX-ROUVRAIS",
    "GRIMALDOU-SERRADELL",
    "LAMOTHE-PRADELIEUX",
    "OUDINOT-KERFRIDEN",
]
# writers who are not officials (assistants, secretaries, spouses): invented, checked absent from every 2026 file
ASSISTANTS = [
    ("Maryvonne", "LE BOURHIS-CAZALIS", "F"),
    ("Cédric", "VALLADIER-GOURMELON", "M"),
    ("Sandrine", "PUJOLAS-DELMOTTE", "F"),
    ("Ludovic", "ARNAUDIÈS-KERLOC'H", "M"),
    ("Nadège", "FOURMESTRAUX-BALAGUÉ", "F"),
    ("Hervé", "TRÉMOUILLAC-GASNIER", "M"),
    ("Karine", "MONTAGNAC-LEBRETONNIÈRE", "F"),
    ("Stéphane", "BOUSQUETTE-RIVALLAIN", "M"),
    ("Agnès", "CLAVEYROLLES-PIERSON", "F"),
    ("Jean-Marc", "DESTRUHAUT-AUBERTIN", "M"),
    ("Céline", "MALAVIALLE-KERGOAT", "F"),
    ("Patrick", "ROQUEBRUNETTE-HAMELIN", "M"),
    ("Isabelle", "VERNIOLLE-CADILHAC", "F"),
    ("Gaëlle", "PONTCHARRAUD-LISSAC", "F"),
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
SUMMER = dt.datetime(2027, 3, 28, 2, 0)  # last Sunday of March 2027: CET -> CEST (passed: +0200)


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=2 if t >= SUMMER else 1)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2027, 5, 3, 9, 5)
        self.rng = rng

    def tick(self, lo=30, hi=330) -> dt.datetime:
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
# --------------------------------------------------------------------------- the call and organisers' texts
ORG_FULL = [f"{fn} {nm}" for fn, nm in ORGANISERS]
CALL = f"""{CALL_TITLE}

Madame, Monsieur,

Un quart de la forêt française appartient aux communes. Sécheresses à répétition, scolytes, incendies,
postes de forestiers supprimés, frais de garderie en hausse : nos forêts communales, et les emplois
qui en vivent, sont en danger. Nous, élu·es de communes, de départements, de régions et de
collectivités, quelle que soit notre sensibilité, demandons :

1) un agent forestier de terrain pour 1 500 hectares de forêt publique au plus ;
2) un fonds national de reconstitution des forêts sinistrées, géré avec les communes forestières ;
3) la priorité au bois local dans la commande publique ;
4) l'association des conseils municipaux à chaque plan d'aménagement forestier.

Pour signer, répondez simplement à ce message en indiquant vos nom, prénom et mandat (commune,
département, région ou collectivité). Chaque signature est vérifiée dans le Répertoire national des
élus avant publication, le 10 juin 2027. Date limite : 31 mai 2027.

Merci de faire suivre l'appel à vos collègues élu·es.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} : signez avant le 31 mai"
CALL_DATE = aware(dt.datetime(2027, 5, 3, 7, 40, 5))
LIST_HEADERS = (
    f"List-Id: <sous-bois.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:sous-bois-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: sous-bois@listes." + ORG_DOMAIN
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
        lo=40,
        hi=330,
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
            lo=60,
            hi=900,
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
    def web(self, p: P) -> str:
        if p.kind in ("cd",) and p.dep in DEPTS:
            return f"www.{dept_dom(p.dep)}"
        if p.kind == "cr":
            return f"www.{region_dom(p.region)}"
        if p.commune:
            return f"www.{town_dom(p)}"
        return ""

    def house(self, p: P) -> str:
        """The postal line of the official's house: town hall, Hôtel du Département, Hôtel de Région."""
        if p.kind == "cd" and p.dep in DEPTS:
            return f"Hôtel du Département – {dept_name(p.dep)}"
        if p.kind == "cr":
            return f"Hôtel de Région – {p.region}"
        if p.kind == "ma":
            return coll_name(p.coll)
        if p.kind == "ca":
            return f"Mairie {ca_where(p)}"
        cp = postcode(p.commune_code)
        return f"Mairie – {self.street()} – {cp} {pretty(p.commune).upper() if False else p.commune.upper()}"

    def fwd_header(
        self, client: str, name: str, addr: str, t: dt.datetime, subj: str, to: str
    ) -> str:
        """The header block a client puts above a forwarded message."""
        w = f"{name} <{addr}>" if name else addr
        if client in ("gmail", "android_gmail"):
            return (
                f"---------- Forwarded message ---------\nDe : {w}\nDate: {FR_DAY_ABBR[t.weekday()]} {t.day} "
                f"{FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}\nSubject: {subj}\nTo: {to}\n"
            )
        if client == "thunderbird":
            return (
                f"-------- Message transféré --------\nSujet : \t{subj}\nDate : \t{fr_long(t).split(' ', 1)[1]}\n"
                f"De : \t{w}\nPour : \t{to}\n"
            )
        if client in ("apple", "iphone"):
            return f"Début du message réexpédié :\n\nDe: {w}\nObjet: {subj}\nDate: {t.day} {FR_MONTHS[t.month - 1]} {t.year} à {t:%H:%M:%S} UTC+2\nÀ: {to}\n"
        if client in ("zimbra", "laposte"):
            return f"----- Mail transféré -----\nDe: {w}\nÀ: {to}\nEnvoyé: {fr_long(t, cap=True, secs=True)}\nObjet: {subj}\n"
        if client in ("orange", "orange_app"):
            return f"> Message du {t:%d/%m/%y %H:%M}\n> De : {w}\n> A : {to}\n> Objet : {subj}\n"
        return f"________________________________\nDe : {w}\nEnvoyé : {fr_long(t)}\nÀ : {to}\nObjet : {subj}\n"

    def asst(self) -> tuple[str, str, str]:
        a = self.assistants.pop()
        return a[0], nom_case(a[1]), a[2]

    # ---------------------------------------------------------------- shapes: signers
    def corporate_footer(self):
        """« Je signe. » and the name and mandate only in a long institutional signature with a legal footer."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "outlook_desktop",
            "zimbra",
            "laposte",
            "thunderbird",
            "gmail",
            "outlook_mac",
            "outlook_desktop",
            "zimbra",
            "apple",
            "roundcube",
            "outlook_desktop",
        ]
        disclaimers = [
            "AVERTISSEMENT : ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses "
            "destinataires. Toute utilisation non conforme à sa destination est interdite. Si vous recevez ce message par erreur, "
            "merci de le détruire et d'en avertir immédiatement l'expéditeur.",
            "Conformément au Règlement général sur la protection des données (RGPD), vous disposez d'un droit d'accès, de "
            "rectification et d'effacement de vos données : dpo@{DOM}.",
            "🌳 Avant d'imprimer ce courriel, pensez à l'environnement… et à nos forêts !",
            "Ce courriel n'engage que son auteur. La collectivité décline toute responsabilité quant à son contenu.",
        ]
        for k in range(12):
            p = self.signer(("mai", "mai", "cm", "cm", "cd", "cr", "cm", "mdel") if k % 4 else None)
            d = parts(p, rng)
            client = clients[k]
            dom = (
                town_dom(p)
                if p.commune and p.kind != "ca"
                else (dept_dom(p.dep) if p.kind == "cd" else "laposte.net")
            )
            name = [
                display(p, "cased"),
                f"{p.prenom} {p.nom}",
                f"{p.nom} {p.prenom}",
                f"{p.prenom.upper()} {p.nom}",
            ][k % 4]
            role = cap1(d["role"]) + ("" if k % 3 == 0 else (" " + d["de"] if d["de"] else ""))
            lines = [name, role]
            if k % 3 == 0 and d["de"]:
                lines.append(cap1(self.coll(p, d)))
            if rng.random() < 0.4 and p.kind in ("mai", "cm", "") and not p.dep.startswith("97"):
                lines.append(
                    f"{e(p, 'Vice-président', 'Vice-présidente')} de la commission Forêt et Bois"
                )
            lines.append(self.house(p))
            lines.append(f"Tél. : {self.phone()} | Port. : {self.phone(True)}")
            if self.web(p):
                lines.append(self.web(p))
            if k % 2:
                lines.append("Suivez-nous sur Facebook | Instagram | LinkedIn")
            block = "\n".join(lines)
            if k % 4 == 1:
                block = f"{name} | {role}\n" + "\n".join(lines[2:])
            disc = "\n\n".join(rng.sample(disclaimers, 2)).replace("{DOM}", dom)
            top = rng.choice(
                [
                    "Bonjour,\n\nJe signe l'appel.\n\nBien cordialement,",
                    "Bonjour,\n\nVous pouvez ajouter ma signature.\n\nCordialement,",
                    "Madame, Monsieur,\n\nJe m'associe bien volontiers à cet appel.\n\nRespectueusement,",
                    "Je signe.\n\nBàv",
                    "Bonjour,\n\nAvec plaisir, je signe.\n\nSalutations distinguées,",
                ]
            )
            sep = "\n\n" if k % 3 else "\n\n-- \n"
            text = f"{top}{sep}{block}\n\n{disc}"
            m = self.new(
                "corporate_footer",
                client,
                name if k % 5 != 4 else "",
                f"{slug(p.prenom)}.{slug(p.nom)}@{dom}".replace("--", "-"),
                self.reply_subject(client, CALL_SUBJECT),
                in_reply_to=self.call.mid,
                references=self.call.mid,
            )
            self.from_call(m, text)
            self.sign(m, "corporate_footer", p)

    def on_behalf(self):
        """An assistant, a cabinet, a secretary or a spouse writes that the official signs."""
        rng = self.rng
        kinds = [
            ("mai",),
            ("cd",),
            ("mai",),
            ("cr",),
            ("cm",),
            ("mai",),
            ("cd",),
            ("mai",),
            ("cm",),
            ("mai",),
        ]
        clients = [
            "outlook_desktop",
            "outlook_desktop",
            "zimbra",
            "outlook_mac",
            "gmail",
            "laposte",
            "outlook_desktop",
            "orange",
            "yahoo",
            "thunderbird",
        ]
        for k in range(10):
            p = self.signer(kinds[k])
            d = parts(p, rng)
            afn, anm, asx = self.asst()
            civ = e(p, "Monsieur", "Madame")
            lemaire = e(p, "M. le Maire", "Mme la Maire")
            ilelle = e(p, "il", "elle")
            client = clients[k]
            if k in (0, 2, 5, 7, 9):  # town hall staff
                post = rng.choice(
                    [
                        "Secrétaire de mairie",
                        "Assistante de direction" if asx == "F" else "Assistant de direction",
                        "Directrice générale des services"
                        if asx == "F"
                        else "Directeur général des services",
                        "Accueil – secrétariat",
                    ]
                )
                text = [
                    f"Bonjour,\n\n{civ} le Maire, {display(p, 'std')}, m'a demandé de vous transmettre sa signature pour l'appel "
                    f"« forêt communale ».\n\nBien cordialement,\n\n{afn} {anm}\n{post}\nMairie {d['de']}",
                    f"Bonjour,\n\nPour {lemaire} : {ilelle} signe l'appel.\n{display(p, 'cased')}, maire {d['de']}.\n\n"
                    f"Pour {lemaire} et par délégation,\n{afn} {anm}",
                    f"Madame, Monsieur,\n\nJe vous informe que {civ} {p.nom}, maire de notre commune, souhaite que son nom figure parmi "
                    f"les signataires (prénom : {p.prenom}).\n\nCordialement,\n{afn} {anm[0]}.\nSecrétariat – Mairie {d['de']}",
                    f"Bonjour\n\nde la part de {civ} {display(p, 'cased')} (maire {d['de']}) : OK pour signer.\n\n{afn}\nsecrétariat de mairie",
                    f"Bonjour,\n\nSuite à votre courriel, {lemaire} ({display(p, 'std')}) donne son accord pour signer l'appel.\n\n"
                    f"{afn} {anm}\n{post}\n{self.house(p)}",
                ][[0, 2, 5, 7, 9].index(k)]
                from_name, addr = (
                    f"{afn} {anm}",
                    f"{rng.choice(['secretariat', 'mairie', 'accueil', 'dgs'])}@{town_dom(p)}",
                )
                if k == 5:
                    from_name = f"Mairie {d['de']}"
            elif k in (1, 6):  # departmental cabinet
                text = (
                    f"Madame, Monsieur,\n\nJe vous confirme, au nom de {civ} {display(p, 'std')}, {self.role_de(p, d)}, "
                    f"{'son' if True else ''} souhait de signer l'appel des élu·es pour la forêt communale.\n\n"
                    f"Je reste à votre disposition.\n\n{afn} {anm}\n{e(p, 'Collaborateur', 'Collaboratrice') if False else 'Chargé' + ('e' if asx == 'F' else '')} de mission auprès des élu·es\n{self.house(p)}"
                )
                from_name, addr = (
                    f"{afn} {anm}",
                    f"{slug(afn)}.{slug(anm)}@{dept_dom(p.dep) if p.dep in DEPTS else 'cabinet.example'}",
                )
            elif k == 3:  # regional cabinet
                text = (
                    f"Bonjour,\n\n{civ} {display(p, 'cased')}, {self.role_de(p, d)}, soutient votre appel et vous autorise à faire "
                    f"figurer son nom parmi les signataires.\n\nBien cordialement,\n\n{afn} {anm}\nCabinet du Président – groupe des élu·es\n{self.house(p)}"
                )
                from_name, addr = (
                    f"{afn} {anm}",
                    f"{slug(afn)}.{slug(anm)}@{region_dom(p.region) if p.region else 'region.example'}",
                )
            elif k == 4:  # a spouse
                text = (
                    f"Bonjour,\n\n{'Mon mari' if not p.f else 'Ma femme'}, {display(p, 'std')}, est {d['role']} {d['de']}. "
                    f"{ilelle.capitalize()} n'a pas d'adresse mail perso et me demande de vous dire qu'{ilelle} signe votre appel.\n\n"
                    f"Merci, bonne soirée\n{afn}"
                )
                from_name, addr = (
                    afn,
                    f"{slug(afn).replace('-', '')}.{slug(anm).replace('-', '')}@{rng.choice(MAILBOXES)}",
                )
            else:  # k == 8: a daughter/son who manages the mailbox
                text = (
                    f"Bonjour, je réponds pour ma mère / mon père ? non : pour {e(p, 'mon père', 'ma mère')}, {display(p, 'cased')}, "
                    f"{d['role']} {d['de']}, qui ne se sert pas d'internet. {ilelle.capitalize()} signe ! Merci.\n{afn} {anm[0]}."
                ).replace("pour ma mère / mon père ? non : ", "")
                from_name, addr = (
                    f"{afn} {anm}",
                    f"{slug(afn).replace('-', '')}{rng.randint(60, 99)}@yahoo.fr",
                )
            m = self.new(
                "on_behalf", client, from_name, addr, self.reply_subject(client, CALL_SUBJECT)
            )
            self.from_call(m, text)
            self.sign(m, "on_behalf", p)

    def initial_firstname(self):
        """Terse mobile replies where the first name is an initial: « A. Nom », « J.-P. NOM »."""
        rng = self.rng
        clients = [
            "samsung",
            "android_gmail",
            "iphone",
            "orange_app",
            "iphone",
            "samsung",
            "android_gmail",
            "outlook_ios",
            "iphone",
            "gmail",
        ]
        for k in range(10):
            p = self.signer(("cm", "cm", "mai", "cd", "mai", "cm"))
            d = parts(p, rng)
            ini = initials(p.prenom, rng.choice(["std", "nodot", "dots", "hy"]))
            nm = [p.nom, nom_case(p.nom), p.nom.upper()][k % 3]
            short = d["short"] or d["role"]
            text = [
                f"Ok je signe. {ini} {nm}, {short} {d['bare']}",
                f"Je signe\n{ini} {nm}\n{cap1(d['role'])} {d['de']}",
                f"Signé. {nm} {ini} ({short}, {d['bare_d'] or d['bare']})",
                f"Bonjour, oui pour moi. {ini} {nm} – {d['role']} {d['de']}",
                f"👍 je signe\n{ini}{nm}"
                if False
                else f"👍 je signe\n{ini} {nm}\n{short} {d['bare']}",
                f"D'accord pour signer\n\n{ini} {nm}\n{d['role']} {d['de']}",
                f"Vous pouvez mettre mon nom : {ini} {nm}, {d['role']} {d['de']}. Bonne journée",
                f"Je signe l'appel.\n{ini} {nm}\n{cap1(short)} – {d['bare']}",
                f"ok pour moi\n{ini} {nm} {d['bare']}\n({d['role']})",
                f"Bonjour,\nJe m'associe à l'appel.\n{ini} {nm}, {d['role']} {d['de']}",
            ][k]
            client = clients[k]
            fname = rng.choice([f"{ini} {nom_case(p.nom)}", "", nom_case(p.nom)])
            m = self.new(
                "initial_firstname",
                client,
                fname,
                addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
            )
            self.from_call(m, text, html=False if k % 2 else None)
            self.sign(m, "initial_firstname", p)

    def double_forward(self):
        """The call forwarded by an association of elected people, then forwarded on to the organisers with « je signe »."""
        rng = self.rng
        clients = [
            "gmail",
            "thunderbird",
            "outlook_desktop",
            "apple",
            "zimbra",
            "orange",
            "outlook_desktop",
            "gmail",
        ]
        for k in range(8):
            p = self.signer(("mai", "cm", "mai", "cm", "cd"))
            d = parts(p, rng)
            dep = p.dep if p.dep in DEPTS else "39"
            pres = self.official(("mai",), lambda o, dep=dep: o.dep == dep) if k % 2 == 0 else None
            assoc = f"Association des communes forestières {de_dept(dep)}"
            assoc_addr = f"contact@cofor{dep.lower()}.example"
            t0 = self.clock.t - dt.timedelta(hours=rng.randint(3, 30))
            t0 = aware(t0 if 8 <= t0.hour < 22 else t0.replace(hour=rng.randint(8, 11)))
            inner_client = rng.choice(["gmail", "thunderbird", "outlook_desktop", "zimbra"])
            asso_text = (
                "Chers collègues,\n\nJe vous transmets l'appel ci-dessous, que notre bureau a décidé de relayer. Chacun·e est libre de "
                "signer à titre personnel en répondant aux organisateurs.\n\n"
                + (
                    f"Bien amicalement,\n{display(pres, 'cased')}\nPrésident{e(pres, '', 'e')} de l'association, maire {de_place(pres.commune, pres.tl)}"
                    if pres
                    else "Le secrétariat de l'association"
                )
                + "\n\n"
                + self.fwd_header(
                    inner_client,
                    ORG_NAME,
                    ORG_LIST,
                    CALL_DATE,
                    CALL_SUBJECT,
                    "undisclosed-recipients:;",
                )
                + "\n"
                + CALL
            )
            top = [
                f"Bonjour,\n\nReçu via l'association départementale. Je signe : {display(p, 'std')}, {self.role_de(p, d)}.",
                f"Je signe cet appel.\n\n{display(p, 'cased')}\n{cap1(d['role'])} {d['de']}",
                f"Bonjour,\n\nmerci de m'ajouter à la liste des signataires.\n{display(p, 'inv')} – {d['role']} {d['de']}\n\nCordialement",
                f"Signature ci-dessous 👇\n{display(p, 'std')}\n{cap1(d['role'])} {d['de']}",
                f"Bonjour,\nje transfère car je n'ai pas reçu l'appel directement. Je signe.\n{display(p, 'cased')}, {d['role']} {d['de']}",
                f"Bonjour. Pour signer : {display(p, 'caps_inv')}, {d['role']} {d['de']}.",
                f"Bonjour,\n\nJe souhaite signer l'appel transmis par notre association.\n\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"+1, je signe !\n\n{display(p, 'std')}\n{d['role']} {d['de']}",
            ][k]
            client = clients[k]
            pre = (
                "TR: "
                if client.startswith("outlook") or client in ("zimbra", "laposte", "orange")
                else "Fwd: "
            )
            subj = pre + "TR: " + CALL_SUBJECT
            m = self.new("double_forward", client, display(p, "cased"), addr_of(p, rng), subj)
            fwd = self.fwd_header(
                client,
                assoc,
                assoc_addr,
                t0,
                "TR: " + CALL_SUBJECT,
                display(p, "std") + f" <{m.from_addr}>",
            )
            if client in ("orange",):
                body = f"{top}\n\n{fwd}>\n{q(asso_text)}\n"
            else:
                body = f"{top}\n\n{fwd}\n{asso_text}\n"
            m.text = body
            if client in HTML_CLIENTS and k % 3 == 0:
                m.html = html_doc(client, body)
            self.sign(m, "double_forward", p)

    def two_in_one(self):
        """Two officials in one message: a cantonal pair, a mayor and adjoint, a couple from one home address."""
        rng = self.rng
        bycanton = defaultdict(list)
        for o in self.reg.pool["cd"]:
            if self.ok(o) and o.dep in DEPTS:
                bycanton[(o.dep, o.canton)].append(o)
        pairs = sorted(k for k, v in bycanton.items() if len(v) == 2)
        clients = ["outlook_desktop", "gmail", "laposte", "apple", "zimbra", "thunderbird"]
        for k in range(6):
            client = clients[k]
            if k in (0, 3):
                key = pairs[rng.randrange(len(pairs))]
                a, b = (self.use(x) for x in bycanton[key])
                canton = de_name(a.canton)
                text = [
                    f"Madame, Monsieur,\n\nLes conseillers départementaux du canton {canton}, {display(a, 'std')} et {display(b, 'std')}, "
                    f"signent l'appel des élu·es pour la forêt communale.\n\nBien cordialement,\n{display(a, 'cased')} et {display(b, 'cased')}\n"
                    f"Conseil départemental {de_dept(a.dep)}",
                    f"Bonjour,\n\nNous signons tous les deux, en binôme :\n- {display(a, 'cased')}, {e(a, 'conseiller départemental', 'conseillère départementale')}\n"
                    f"- {display(b, 'cased')}, {e(b, 'conseiller départemental', 'conseillère départementale')}\n(canton {canton}, {dept_name(a.dep)})\n\nAmitiés",
                ][k // 3]
                addr = f"canton.{slug(a.canton)}@{dept_dom(a.dep)}"
                fname = f"Binôme canton {canton}"
            elif k in (1, 4):
                grp = self.commune_group(1, with_mayor=True)
                a, b = grp
                if k == 4:
                    b = self.impostor("other_first", surname_commune=a.commune_code)
                da, db = parts(a, rng), parts(b, rng)
                text = [
                    f"Bonjour,\n\nLe maire et {e(b, 'son adjoint', 'son adjointe') if 'adjoint' in b.fonction else e(b, 'un conseiller', 'une conseillère')} signent :\n"
                    f"{display(a, 'std')}, maire {da['de']}\n{display(b, 'std')}, {db['role']}\n\nCordialement",
                    f"Bonjour\nnous signons : {display(a, 'cased')} (maire) et {display(b, 'cased')} ({db['role']}), commune {da['de']}.\nmerci",
                ][k // 3]
                addr = f"mairie@{town_dom(a)}"
                fname = f"Mairie {da['de']}"
            else:
                a = self.signer(("mai", "cm"))
                b = self.signer(("cm", "cd"), lambda o, a=a: o.dep == a.dep and o.sexe != a.sexe)
                da, db = parts(a, rng), parts(b, rng)
                text = [
                    f"Bonsoir,\n\nÀ la maison nous sommes deux élus, et nous signons tous les deux :\n{display(a, 'std')}, {self.role_de(a, da)}\n"
                    f"{display(b, 'std')}, {self.role_de(b, db)}\n\nBonne soirée à vous",
                    f"Bonjour,\n\nDeux signatures pour le prix d'une 😉\n\n1. {display(a, 'inv')} — {da['role']} {da['de']}\n2. {display(b, 'inv')} — {db['role']} {db['de']}\n",
                ][k // 3 - 1 if k == 5 else 0]
                addr = f"{slug(a.nom).replace('-', '')}.famille@{rng.choice(MAILBOXES)}"
                fname = (
                    f"{nom_case(a.nom)} {a.prenom} et {b.prenom}"
                    if a.nom != b.nom
                    else f"Famille {nom_case(a.nom)}"
                )
                fname = f"Famille {nom_case(a.nom)}" if k == 2 else fname
            m = self.new(
                "two_in_one", client, fname, addr, self.reply_subject(client, CALL_SUBJECT)
            )
            self.from_call(m, text)
            self.sign(m, "two_in_one", a)
            self.sign(m, "two_in_one", b)

    def council_list(self):
        """A secretary sends the list of councillors who decided to sign during a council meeting."""
        rng = self.rng
        clients = ["outlook_desktop", "zimbra", "laposte", "orange"]
        for k in range(4):
            grp = self.commune_group(3 if k != 2 else 4, with_mayor=k != 2)
            if k == 1:
                grp[2] = self.impostor("other_first", surname_commune=grp[0].commune_code)
            c0 = grp[0]
            de = de_place(c0.commune, c0.tl)
            afn, anm, asx = self.asst()
            jour = self.clock.t - dt.timedelta(days=rng.randint(1, 3))
            seance = f"{FR_DAYS[jour.weekday()]} {jour.day} {FR_MONTHS[jour.month - 1]}"

            def civ(x):
                return e(x, "M.", "Mme")

            def role(x):
                if x.kind == "mai":
                    return "maire"
                return parts(x, rng)["role"]

            if k == 0:
                rows = "\n".join(f"- {civ(x)} {display(x, 'std')}, {role(x)}" for x in grp)
                text = f"Bonjour,\n\nLors de la séance du conseil municipal du {seance}, les élus suivants ont souhaité signer l'appel :\n\n{rows}\n\nCordialement,\n{afn} {anm}\nSecrétaire de mairie\nMairie {de}"
            elif k == 1:
                rows = "\n".join(
                    f"{i + 1}) {nom_case(x.nom).upper()} {x.prenom} – {role(x)}"
                    for i, x in enumerate(grp)
                )
                text = f"Madame, Monsieur,\n\nVeuillez trouver ci-dessous la liste des élus de la commune {de} signataires de l'appel (conseil du {seance}) :\n\n{rows}\n\nBien cordialement,\n\n{afn} {anm}\nDirect{'rice' if asx == 'F' else 'eur'} général{'e' if asx == 'F' else ''} des services"
            elif k == 2:
                fs = [x for x in grp if x.f]
                ms = [x for x in grp if not x.f]
                bits = []
                if fs:
                    bits.append(
                        ("Mmes " if len(fs) > 1 else "Mme ")
                        + " et ".join(display(x, "std") for x in fs)
                    )
                if ms:
                    bits.append(
                        ("MM. " if len(ms) > 1 else "M. ")
                        + " et ".join(display(x, "std") for x in ms)
                    )
                text = (
                    f"Bonjour,\n\nRéuni{'s' if True else ''} en commission forêt le {seance}, {', '.join(bits)}, "
                    f"élus au conseil municipal {de}, ont décidé de signer votre appel à titre personnel.\n\n"
                    f"Pour eux,\n{afn} {anm}\nMairie {de} – service bois et forêts"
                )
            else:
                rows = "\n".join(f"  {x.nom:<24}{x.prenom:<16}{role(x)}" for x in grp)
                text = f"Bonjour\n\nSignataires de la commune {de} :\n\n  {'NOM':<24}{'PRÉNOM':<16}FONCTION\n{rows}\n\nSalutations\n{afn} {anm[0]}.\nAccueil mairie"
            m = self.new(
                "council_list",
                clients[k],
                f"{afn} {anm}" if k != 3 else f"Mairie {de}",
                f"{rng.choice(['secretariat', 'dgs', 'mairie'])}@{town_dom(c0)}",
                rng.choice(
                    [
                        f"Signatures des élus {de}",
                        "Appel forêt communale – signatures du conseil",
                        f"TR: {CALL_SUBJECT}",
                    ]
                ),
            )
            self.body(m, text)
            for x in grp:
                self.sign(m, "council_list", x)

    def civility_formal(self):
        """A formal declaration: « Je soussigné·e, Monsieur Prénom NOM, agissant en qualité de… Fait à…, le… »."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "laposte",
            "zimbra",
            "orange",
            "outlook_desktop",
            "thunderbird",
            "yahoo",
            "gmail",
        ]
        for k in range(8):
            p = self.signer(("mai", "cm", "cm", "cr", "cd", "ma", "ca", "cm"))
            d = parts(p, rng)
            civ = e(p, "Monsieur", "Madame")
            soussigne = e(p, "soussigné", "soussignée")
            where = d["bare"] if p.commune else (dept_name(p.dep) if p.dep in DEPTS else "Paris")
            t = self.clock.t
            fait = f"Fait à {where}, le {t.day} {FR_MONTHS[t.month - 1]} {t.year}"
            qual = self.role_de(p, d)
            text = [
                f"Je {soussigne}, {civ} {display(p, 'std')}, agissant en qualité de {qual}, déclare apporter ma signature à "
                f"l'« {CALL_TITLE} ».\n\n{fait}\n\n{display(p, 'cased')}",
                f"DÉCLARATION DE SOUTIEN\n\n{civ} {p.nom} {p.prenom}\nQualité : {qual}\n\nDéclare soutenir l'appel et accepte que mon nom "
                f"soit publié.\n\nLu et approuvé, bon pour signature.\n{fait}",
                f"Madame, Monsieur,\n\nPar la présente, je vous fais part de ma décision de signer votre appel.\n\nJe vous prie "
                f"d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n{civ} {nom_case(p.nom)} ({p.prenom})\n{cap1(qual)}",
                f"Objet : signature de l'appel\n\nJe, {soussigne} {display(p, 'inv')}, {qual}, m'associe à l'appel des élu·es pour la "
                f"forêt communale.\n\n{fait}.\n(signature)",
                f"Madame, Monsieur,\n\nEn ma qualité de {qual}, j'ai l'honneur de vous faire connaître que je signe l'appel.\n\n"
                f"Veuillez agréer l'assurance de ma considération distinguée.\n\n{display(p, 'cased')}",
                f"Je {soussigne} :\nNom : {p.nom}\nPrénom : {p.prenom}\nMandat : {qual}\natteste soutenir l'appel.\n{fait}",
                f"{civ} le {'Maire' if p.kind == 'mai' else 'Conseiller' if not p.f else 'Conseillère'},\n\n(nous répondons à votre appel)\n\n"
                f"{civ} {display(p, 'std')}, {qual}, signe l'appel.\n\n{fait}",
                f"À l'attention du {ORG_NAME}\n\nJe {soussigne} {display(p, 'caps_noacc')}, {qual}, certifie vouloir signer l'appel.\n\n"
                f"Pour servir et valoir ce que de droit.\n{fait}",
            ][k]
            if k == 6:
                text = (
                    f"Madame, Monsieur,\n\n{civ} {display(p, 'std')}, {qual}, signe l'appel des élu·es pour la forêt communale.\n\n"
                    f"{fait}\n\n{display(p, 'cased')}"
                )
            client = clients[k]
            m = self.new(
                "civility_formal",
                client,
                display(p, "cased"),
                addr_of(p, rng) if k % 2 else official_addr(p, rng),
                [
                    "Signature",
                    "Déclaration de soutien",
                    CALL_TITLE,
                    "Objet : appel forêt",
                    "Appel",
                    "Attestation",
                    "Signature appel",
                    "Soutien",
                ][k],
            )
            self.body(m, text)
            self.sign(m, "civility_formal", p)

    def html_table_sig(self):
        """HTML-only messages whose signature is a table: name in bold, mandate in italics, place in another cell."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "apple",
            "yahoo",
            "thunderbird",
            "outlook_desktop",
            "gmail",
            "roundcube",
        ]
        for k in range(8):
            p = self.signer(("mai", "cm", "cr", "cd", "ma", "cm", "cr"))
            d = parts(p, rng)
            client = clients[k]
            top = rng.choice(
                [
                    "Bonjour,\n\nJe signe l'appel.\n\nCordialement,",
                    "Bonjour,\nje soutiens votre appel et le signe.",
                    "Madame, Monsieur,\n\nJe signe.\n",
                ]
            )
            place = self.coll(p, d)
            if k % 2:
                table = (
                    '<table cellpadding="0" cellspacing="0" border="0" style="font-family:Arial,sans-serif;font-size:12px"><tbody><tr>'
                    f'<td style="padding-right:12px;border-right:2px solid #2e7d32"><img src="cid:logo{k}@{ORG_DOMAIN.split(".")[0]}" alt="" width="64"></td>'
                    f'<td style="padding-left:12px"><b style="color:#2e7d32;font-size:14px">{esc(display(p, "cased"))}</b><br>'
                    f"<i>{esc(cap1(d['role']))}</i><br>{esc(place)}<br>"
                    f'<span style="color:#777">{esc(self.phone())}</span></td></tr></tbody></table>'
                )
            else:
                table = (
                    '<table style="border-collapse:collapse"><tr>'
                    f'<td style="font-weight:bold;text-transform:uppercase">{esc(p.prenom)}&nbsp;{esc(p.nom)}</td></tr>'
                    f"<tr><td>{esc(cap1(d['role']))}</td></tr><tr><td>{esc(place)}</td></tr>"
                    f'<tr><td><a href="https://{self.web(p) or "example.org"}">{esc(self.web(p) or "")}</a></td></tr></table>'
                )
            m = self.new(
                "html_table_sig",
                client,
                display(p, "cased"),
                official_addr(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
                in_reply_to=self.call.mid,
                references=self.call.mid,
            )
            me = m.from_addr
            qh = quote_html(client, self.call, CALL, me) if k % 3 else ""
            html = html_doc(client, top, table + "<br>" + qh)
            m.html = html
            m.text = None
            self.sign(m, "html_table_sig", p)

    def ps_sign(self):
        """A message about something else; the signature of the call in a post-scriptum."""
        rng = self.rng
        clients = [
            "gmail",
            "thunderbird",
            "outlook_desktop",
            "apple",
            "laposte",
            "zimbra",
            "yahoo",
            "orange",
        ]
        topics = [
            "Bonjour,\n\nNous organisons le 22 mai une journée « forêt ouverte » avec l'ONF dans notre commune. Seriez-vous disponibles pour venir présenter l'appel ?",
            "Bonjour,\n\nAuriez-vous un visuel de l'appel (format carré) pour notre bulletin municipal de juin ?",
            "Bonjour,\n\nJe vous signale que le lien vers le texte complet, dans votre message, ne fonctionne pas chez moi.",
            "Bonjour,\n\nNotre commune vient de perdre 40 hectares d'épicéas (scolytes). Pourriez-vous nous mettre en relation avec d'autres communes dans le même cas ?",
            "Bonjour,\n\nPouvez-vous m'envoyer le dossier de presse ? Le correspondant local souhaite en parler.",
            "Bonjour,\n\nJe transmets votre appel au syndicat intercommunal de gestion forestière dont je suis membre.",
            "Bonjour,\n\nUne réunion publique sur l'affouage aura lieu chez nous le 27 mai ; je peux y faire signer d'autres élus ?",
            "Bonjour,\n\nLes chiffres du point 1 (1 500 ha) viennent-ils du rapport de la Cour des comptes ?",
        ]
        ps = [
            "PS : j'allais oublier, je signe évidemment l'appel !",
            "P.S. : et bien sûr vous pouvez ajouter mon nom aux signataires.",
            "P.-S. – Je signe, naturellement.",
            "PS: je signe",
            "NB : ce message vaut signature de l'appel.",
            "PPS : je signe aussi, à titre personnel.",
            "Ps. Je signe l'appel bien entendu",
            "P.S. Comptez-moi parmi les signataires.",
        ]
        for k in range(8):
            p = self.signer()
            d = parts(p, rng)
            blk = f"{display(p, rng.choice(['std', 'cased']))}\n{cap1(self.role_de(p, d))}"
            text = (
                f"{topics[k]}\n\n{self.closing()}\n{blk}\n\n{ps[k]}"
                if k % 2 == 0
                else f"{topics[k]}\n\n{ps[k]}\n\n{self.closing()}\n{blk}"
            )
            client = clients[k]
            m = self.new(
                "ps_sign",
                client,
                display(p, "cased"),
                addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
            )
            self.from_call(m, text)
            self.sign(m, "ps_sign", p)

    def delegation_role(self):
        """Adjoint·es and councillors giving their delegation between the mandate and the place."""
        rng = self.rng
        dels = [
            "chargée de l'environnement, de la forêt et des chemins ruraux",
            "en charge des bois et forêts",
            "déléguée à la forêt et à l'affouage",
            "chargée des travaux et de la forêt communale",
            "déléguée au patrimoine naturel",
            "référente forêt",
            "chargée de la transition écologique",
            "en charge de l'agriculture et de la forêt",
        ]
        clients = [
            "gmail",
            "outlook_desktop",
            "zimbra",
            "thunderbird",
            "iphone",
            "laposte",
            "apple",
            "orange",
            "samsung",
            "gmail",
        ]
        for k in range(10):
            p = self.signer(("cm",), lambda o, k=k: "adjoint" in o.fonction or k % 3 == 0)
            d = parts(p, rng)
            dl = rng.choice(dels)
            dl = dl if p.f else dl.replace("chargée", "chargé").replace("déléguée", "délégué")
            if "adjoint" in p.fonction or p.impostor:
                role = (
                    d["role"] + " " + dl
                    if "adjoint" in d["role"]
                    else f"{d['role']} {dl.replace('chargé', 'délégué').replace('chargée', 'déléguée') if 'délégu' not in dl else dl}"
                )
            else:
                role = f"{d['role']} {dl if 'délégu' in dl else e(p, 'délégué', 'déléguée') + ' à la forêt'}"
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{display(p, 'std')}\n{cap1(role)}\n{cap1(d['de'].replace('de ', 'Commune de ', 1)) if d['de'].startswith('de ') else 'Commune ' + d['de']}",
                f"Bonjour,\n\nJe signe : {display(p, 'cased')}, {role}, {d['bare']}.",
                f"Signature : {display(p, 'inv')}\n{cap1(role)} ({d['bare']})",
                f"Bonjour, en tant que {role} à {d['bare']}, je signe bien volontiers.\n{display(p, 'cased')}",
                f"Je signe.\n{display(p, 'std')} – {role} – {d['bare']}",
            ][k % 5]
            client = clients[k]
            m = self.new(
                "delegation_role",
                client,
                display(p, "cased"),
                addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
            )
            self.from_call(m, text)
            self.sign(m, "delegation_role", p)

    def from_header_name(self):
        """The name only in the From display name; the body gives the mandate and the place."""
        rng = self.rng
        clients = [
            "gmail",
            "orange",
            "outlook_desktop",
            "iphone",
            "yahoo",
            "zimbra",
            "thunderbird",
            "laposte",
        ]
        for k in range(8):
            p = self.signer(("mai", "cm", "cm", "mai"))
            d = parts(p, rng)
            text = [
                f"Je signe. {cap1(d['role'])} {d['de']}.",
                f"Bonjour\nsigné !\n{d['role']} {d['bare_d'] or d['bare']}",
                f"Bonjour,\n\nJe signe l'appel en tant que {d['role']} {d['de']}.\n\nCordialement",
                f"Oui, je signe ({d['role']}, {d['bare']})",
                f"Bonjour, je signe cet appel. {cap1(d['role'])} {d['de']}. Bonne journée",
                f"OK pour moi.\n--\n{cap1(d['role'])}\n{self.coll(p, d)}",
                f"Je signe, comme {d['role']} {d['de']}.",
                f"Bonjour,\nJe m'associe à l'appel.\n{cap1(d['role'])}, {d['bare']}",
            ][k]
            fname = [
                display(p, "inv"),
                display(p, "cased"),
                display(p, "std"),
                display(p, "cased_inv"),
                display(p, "cased"),
                display(p, "inv"),
                display(p, "std"),
                display(p, "comma"),
            ][k]
            client = clients[k]
            m = self.new(
                "from_header_name",
                client,
                fname,
                addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
            )
            self.from_call(m, text)
            self.sign(m, "from_header_name", p)

    MAIDEN = [
        "MARTIN",
        "BERNARD",
        "PETIT",
        "ROUX",
        "FAURE",
        "GIRAUD",
        "MOREL",
        "BLANC",
        "GUERIN",
        "CHEVALIER",
        "ROBIN",
        "GAUTHIER",
    ]

    def nee_usage(self):
        """Women giving their birth name: « Prénom NOM née AUTRE », « NOM Prénom (née AUTRE) »."""
        rng = self.rng
        clients = ["gmail", "laposte", "outlook_desktop", "apple", "orange", "zimbra", "yahoo"]
        for k in range(7):
            p = self.signer(
                ("cm", "mai", "cm", "cd"), lambda o: o.f and "POUSE" not in o.nom, allow_imp=k != 0
            )
            if not p.f:
                p.sexe = "F"
            d = parts(p, rng)
            mdn = rng.choice([x for x in self.MAIDEN if fold(x) != fold(p.nom)])
            mdn_w = [mdn, nom_case(mdn), mdn][k % 3]
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n{display(p, 'std')} née {mdn_w}\n{cap1(self.role_de(p, d))}",
                f"Bonjour,\nSignature : {p.nom} {p.prenom} (née {mdn_w}), {d['role']} {d['de']}",
                f"Je signe.\n\n{display(p, 'cased')}, née {mdn_w}\n{cap1(d['role'])} {d['de']}",
                f"Bonjour,\n\nmerci d'ajouter : {display(p, 'std')} (nom de naissance : {mdn_w}), {d['role']} {d['de']}.",
                f"Je m'associe à l'appel.\n{p.prenom} {p.nom} née {mdn_w} – {d['role']} {d['de']}",
                f"Bonjour,\n\nJe signe bien volontiers.\n\n{display(p, 'cased')}\n(née {mdn_w})\n{cap1(d['role'])} {d['de']}",
                f"Signé : {display(p, 'std')}, née {mdn_w}, {d['role']} {d['de']}",
            ][k]
            client = clients[k]
            m = self.new(
                "nee_usage",
                client,
                display(p, "cased"),
                addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
            )
            self.from_call(m, text)
            self.sign(m, "nee_usage", p)

    def question_then_sign(self):
        """A question with name and mandate, the organisers' answer, then « dans ce cas je signe » without a name."""
        rng = self.rng
        qs = [
            (
                "Le point 3 (bois local) est-il compatible avec le code de la commande publique ?",
                "Oui : il s'agit de critères environnementaux et de circuits courts, que le code permet.",
                "Merci pour la réponse, dans ce cas je signe.",
            ),
            (
                "Notre forêt est sectionale, pas communale : l'appel nous concerne-t-il ?",
                "Oui, les forêts sectionales relèvent du régime forestier comme les forêts communales.",
                "Parfait. Je signe donc.\n\n{fn}",
            ),
            (
                "Faut-il une délibération du conseil pour signer ?",
                "Non : chaque élu·e signe à titre personnel, avec son mandat.",
                "Très bien, alors je signe à titre personnel.",
            ),
            (
                "Est-ce que l'appel demande la fin du versement des frais de garderie ?",
                "Non, il demande que ces frais n'augmentent pas sans agents de terrain en plus.",
                "OK, ça me va. Je signe !\n{fn}",
            ),
        ]
        clients = ["gmail", "thunderbird", "outlook_desktop", "apple"]
        for k in range(4):
            p = self.signer(("mai", "cm", "cd"))
            d = parts(p, rng)
            client = clients[k]
            th = f"{self.n + 1:03d}-question_then_sign"
            addr = addr_of(p, rng)
            qtext = f"Bonjour,\n\n{qs[k][0]}\n\n{self.closing()}\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}"
            m = self.new(
                "question_then_sign",
                client,
                display(p, "cased"),
                addr,
                "Question sur l'appel forêt communale",
            )
            t1 = self.body(m, qtext)
            self.label(m, "question_then_sign", "question", self.case(p), None, th)
            m2, t2 = self.org_mail(
                m, t1, f"Bonjour,\n\n{qs[k][1]}\n\nBien à vous,", "question_then_sign", th
            )
            m3, _ = self.user_reply(
                m2,
                t2,
                display(p, "cased"),
                addr,
                client,
                qs[k][2].replace("{fn}", p.prenom),
                "question_then_sign",
            )
            self.sign(m3, "question_then_sign", p, thread=th)

    def retract_thread(self):
        """A signature, then days later in the same thread: « finalement je retire ma signature »."""
        rng = self.rng
        clients = ["zimbra", "gmail", "outlook_desktop"]
        later = [
            "Bonjour,\n\nAprès réflexion, et vu la position de notre intercommunalité, je retire ma signature. Désolé{E}.",
            "Finalement je préfère ne pas signer : merci de retirer mon nom.",
            "Bonjour,\n\nJe dois vous demander de retirer ma signature (point 1 : désaccord de mon conseil).\n\nCordialement",
        ]
        for k in range(3):
            p = self.official(("mai", "cm"))
            d = parts(p, rng)
            client = clients[k]
            addr = addr_of(p, rng)
            th = f"{self.n + 1:03d}-retract_thread"
            m = self.new(
                "retract_thread",
                client,
                display(p, "cased"),
                addr,
                self.reply_subject(client, CALL_SUBJECT),
            )
            t1 = self.from_call(
                m,
                f"Bonjour,\n\nJe signe : {display(p, 'std')}, {self.role_de(p, d)}.\n\n{self.closing()}",
            )
            self.sign(m, "retract_thread", p, thread=th)
            m2, _ = self.user_reply(
                m,
                t1,
                display(p, "cased"),
                addr,
                client,
                later[k].replace("{E}", e(p, "", "e")),
                "retract_thread",
            )
            m2.to = ORG_ADDR
            self.label(m2, "retract_thread", "withdraws", "nonsigning", None, th, refers_to=m.file)

    # ---------------------------------------------------------------- non-signing messages
    def sigblock(self, p: P, rng) -> str:
        d = parts(p, rng)
        return f"{display(p, rng.choice(['std', 'cased']))}\n{cap1(self.role_de(p, d))}"

    def confirmation(self, p: P, rng) -> str:
        return (
            f"Bonjour,\n\nNous avons bien reçu votre signature :\n{display(p, 'std')}, {mandate(p, rng)}\n\n"
            f"Elle sera vérifiée dans le RNE puis publiée le 10 juin. Merci !\n\n{org_sig(1)}"
        )

    def question(self):
        rng = self.rng
        qs = [
            "Bonjour,\n\nJe suis aussi président d'un syndicat mixte de gestion forestière : puis-je signer à ce titre plutôt que comme élu municipal ? J'attends votre réponse avant de signer.",
            "Bonjour,\n\nQui finance votre collectif ? Je ne signe jamais sans le savoir.",
            "Bonjour,\n\nLe texte sera-t-il envoyé au ministre de l'Agriculture ou à celui de la Transition écologique ?",
            "Bonjour,\n\nMa commune n'a pas de forêt mais un bois privé de 300 ha : la signature d'un élu comme moi a-t-elle un sens ?",
            "Bonjour,\n\nEst-il prévu une version en breton / en basque ? Plusieurs collègues me le demandent.",
            "Bonjour,\n\nJe vois que l'appel parle de l'ONF sans le nommer : est-ce voulu ? Je réserve ma réponse.",
            "Bonjour,\n\nPouvez-vous me redonner la date limite ? Le message d'origine a été supprimé par notre filtre.",
            "Bonjour,\n\nNotre conseil municipal se réunit le 27 mai ; je vous dirai ensuite si je signe.",
        ]
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "laposte",
            "thunderbird",
            "apple",
            "orange",
            "outlook_mac",
        ]
        for k in range(8):
            p = self.official(("mai", "cm", "cd", "cr", "mai", "cm", "cm", "mai")[k : k + 1])
            m = self.new(
                "question",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Syndicat forestier",
                    "Financement ?",
                    "Destinataires de l'appel",
                    "Question",
                    "Traduction",
                    "ONF",
                    "Date limite",
                    "Conseil du 27 mai",
                ][k],
            )
            self.body(m, f"{qs[k]}\n\n{self.closing()}\n{self.sigblock(p, rng)}")
            self.label(m, "question", "question", "nonsigning")

    def thanks(self):
        rng = self.rng
        one = self.one_signer_msgs()
        for k in range(5):
            if k == 0:  # a refusal quoting the call
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
                    f"Bonjour,\n\nJe ne signerai pas cet appel : le point 1 ne tient pas compte des communes qui ont choisi une gestion "
                    f"par un expert privé, comme la nôtre.\n\nCordialement,\n{self.sigblock(p, rng)}",
                    self.call,
                    CALL,
                )
                self.label(m, "thanks", "other", "nonsigning")
                continue
            if k in (1, 2):
                src, p, addr = one[7 + 21 * k]
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[1][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Signature bien reçue",
                    aware(self.clock.t - dt.timedelta(hours=18)),
                    "<" + hx(rng, 32) + f"@{ORG_DOMAIN}>",
                )
                m = self.new(
                    "thanks",
                    ["iphone", "thunderbird"][k - 1],
                    src.from_name,
                    addr,
                    "Re: Signature bien reçue",
                )
                self.body(
                    m,
                    "Merci ! Je fais tourner auprès des collègues du canton."
                    if k == 1
                    else "Merci de la confirmation. Bonne continuation.",
                    prev,
                    self.confirmation(p, rng),
                )
                self.label(m, "thanks", "thanks", "nonsigning", refers_to=src.file)
                continue
            p = self.official(("cm", "cd", "mai"))
            m = self.new(
                "thanks",
                ["", "", "", "roundcube", "yahoo"][k],
                display(p, "cased"),
                addr_of(p, rng),
                "Merci pour la documentation",
            )
            self.body(
                m,
                f"Bonjour,\n\nMerci pour la note sur les frais de garderie, très claire. Je la transmets à notre commission.\n\n{self.sigblock(p, rng)}",
            )
            self.label(m, "thanks", "thanks", "nonsigning")

    SKIP = (
        "two_in_one.eml",
        "council_list.eml",
        "on_behalf.eml",
        "retract_thread.eml",
        "question_then_sign.eml",
    )

    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor
            and per[s[0].file] == 1
            and s[0].client != "plain"
            and not s[0].file.endswith(self.SKIP)
        ]

    def autoreply(self):
        rng = self.rng
        one = self.one_signer_msgs()
        for k in range(6):
            auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
            if k == 5:  # a bounce
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
                    "be delivered to one or more recipients.\n\n<secretariat@mairie-fermee.example>: mailbox full\n\n"
                    f"--- original message headers ---\nSubject: [Rappel] {CALL_SUBJECT}\n"
                )
                self.label(m, "autoreply", "autoreply", "nonsigning")
                continue
            if k == 4:
                src, p, addr = one[31]
                m = self.new(
                    "autoreply",
                    "zimbra",
                    src.from_name,
                    addr,
                    "Absent : Re: Signature bien reçue",
                    extra=auto,
                )
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[1][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Signature bien reçue",
                    aware(self.clock.t - dt.timedelta(minutes=2)),
                    "",
                )
                self.body(
                    m,
                    f"Je suis en déplacement jusqu'au 24 mai, avec un accès limité à ma messagerie.\n\n{display(p, 'cased')}",
                    prev,
                    self.confirmation(p, rng),
                    html=False,
                )
                self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
                continue
            p = self.official(("mai", "cr", "cm", "cd")[k : k + 1])
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nLa mairie est fermée pour le pont de l'Ascension du 6 au 9 mai 2027. Votre message sera traité à la réouverture.\n\n"
                f"Pour toute urgence, contactez {display(p, 'std')}, maire, au {self.phone(True)}.",
                f"Je suis en session plénière au conseil régional les 19 et 20 mai. Je vous répondrai ensuite.\n\n{self.sigblock(p, rng)}",
                f"Merci pour votre message. Je suis en congé jusqu'au 17 mai.\nThank you for your email, I am on leave until 17 May.\n\n{self.sigblock(p, rng)}",
                f"Message automatique\n\nLe courriel de {display(p, 'cased')}, {d['role']} {d['de']}, a changé. Merci d'écrire désormais au secrétariat des élus.",
            ][k]
            m = self.new(
                "autoreply",
                ["laposte", "outlook_desktop", "outlook_en", "zimbra"][k],
                f"Mairie {d['de']}" if k == 0 else display(p, "cased"),
                f"mairie@{town_dom(p)}" if k == 0 else addr_of(p, rng),
                [
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Absence : " + CALL_SUBJECT,
                    "Automatic reply: " + CALL_SUBJECT,
                    "Changement d'adresse",
                ][k],
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self):
        """Bulk mailings naming officials with their mandates: not signatures."""
        rng = self.rng
        for k in range(4):
            ps = [self.official(("mai", "cm", "cd", "cr")) for _ in range(3)]
            lst = "\n".join(f"• {display(x, 'std')}, {mandate(x, rng)}" for x in ps)
            if k == 0:
                m = self.new(
                    "newsletter",
                    "plain",
                    "La Gazette des forestiers",
                    "gazette@bois-et-territoires.example",
                    "La Gazette – mai 2027",
                    extra="Precedence: bulk\nList-Unsubscribe: <mailto:stop@bois-et-territoires.example>",
                )
                m.text = f"LA GAZETTE DES FORESTIERS – mai 2027\n\nIls ont planté cette saison dans leurs forêts communales :\n{lst}\n\nAbonnement : 25 € par an."
            elif k == 1:
                m = self.new(
                    "newsletter",
                    "plain",
                    "Revue de presse Territoires",
                    "revue@presse-territoires.example",
                    "Revue de presse du 14 mai",
                    extra="Precedence: bulk",
                )
                m.text = f"REVUE DE PRESSE\n\nCette semaine, sur les incendies de l'été dernier, la presse régionale cite :\n{lst}\n\nSe désabonner : répondre STOP"
            elif k == 2:
                m = self.new(
                    "newsletter",
                    "plain",
                    "Fédération des chasseurs – infos",
                    "infos@chasse-info.example",
                    "Bilan des battues 2026-2027",
                    extra="Precedence: bulk\nList-Unsubscribe: <https://chasse-info.example/stop>",
                )
                m.text = f"Bilan de la saison\n\nMerci aux élus présents à notre assemblée générale :\n{lst}\n\nÀ l'an prochain !"
            else:
                posts = "\n".join(
                    f"------------------------------\n\nMessage: {i + 1}\nFrom: {display(x, 'cased')} <{addr_of(x, rng)}>\nSubject: Re: appel forêt\n\n"
                    f"J'ai signé l'appel hier, il faut y aller ! {display(x, 'std')}, {mandate(x, rng)}\n"
                    for i, x in enumerate(ps)
                )
                m = self.new(
                    "newsletter",
                    "plain",
                    "",
                    "bois-elus-request@listes.bois-elus.example",
                    f"Digest bois-elus, Vol 7, Parution {rng.randint(10, 40)}",
                    extra="Precedence: bulk\nList-Id: <bois-elus.listes.bois-elus.example>",
                )
                m.text = f"Envoyez vos messages pour la liste bois-elus à\n\tbois-elus@listes.bois-elus.example\n\nThèmes du jour :\n   1. Re: appel forêt (3 messages)\n\n{posts}\n------------------------------\nFin de Digest bois-elus\n"
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self):
        rng = self.rng
        one = self.one_signer_msgs()
        picks = [one[4], one[19], one[38], one[52], one[66]]
        for k, (src, p, addr) in enumerate(picks):
            client = ["android_gmail", src.client, "outlook_desktop", "apple", "laposte"][k]
            if client in ("organisers", "plain"):
                client = "gmail"
            text = [
                "Merci d'enlever mon nom svp.",
                f"Bonjour,\n\nMon groupe a décidé de ne pas soutenir l'appel : je retire donc ma signature.\n\n{display(p, 'std')}",
                "Bonjour,\n\nJe vous prie de retirer ma signature ; je vous expliquerai de vive voix.\n\nCordialement",
                "Je retire ma signature, désolé·e pour le dérangement.",
                f"Bonjour,\n\nRetrait de ma signature (désaccord sur le point 3).\n\n{self.closing()}\n{display(p, 'cased')}",
            ][k]
            subj = [
                "retrait",
                "Retrait de signature",
                "Ma signature",
                "Re: Signature bien reçue",
                "Retrait",
            ][k]
            m = self.new("withdraw", client, src.from_name, addr, subj)
            if k == 3:
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[1][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Signature bien reçue",
                    aware(self.clock.t - dt.timedelta(hours=30)),
                    "",
                )
                self.body(m, text, prev, self.confirmation(p, rng))
            else:
                self.body(m, text)
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [
            (
                "Webmail Administrateur",
                "admin@webmail-securite.example",
                "Votre quota est dépassé",
                "Bonjour,\n\nVotre boîte a atteint 99 % de son quota. Cliquez ici pour l'augmenter : http://webmail-securite.example/quota\n",
            ),
            (
                "Bois Énergie Direct",
                "ventes@granules-promo.example",
                "Granulés : -25 % pour les collectivités",
                "Madame, Monsieur,\n\nÉquipez vos bâtiments communaux : granulés livrés, tarifs collectivités. Devis gratuit.\n",
            ),
            (
                "Trésor Public",
                "remboursement@impots-avis.example",
                "Remboursement en attente",
                "Bonjour,\n\nVous êtes éligible à un remboursement de 238,50 €. Remplissez le formulaire sous 48 h.\n",
            ),
            (
                "Formations Élus Express",
                "contact@formelus.example",
                "DIF élus : formation « tronçonneuse et sécurité »",
                "Bonjour,\n\nUtilisez vos droits DIF : stage de deux jours, hébergement compris. Places limitées.\n",
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
                f"[Rappel] {CALL_SUBJECT}",
                extra=LIST_HEADERS,
            )
            m.to = "undisclosed-recipients:;"
            self.body(
                m,
                f"Bonjour,\n\nIl reste deux semaines pour signer l'appel. Répondez à ce message avec vos nom, prénom et mandat.\n\n{org_sig(0)}",
                self.call,
                CALL,
                html=False,
            )
            self.label(m, "org_call", "other", "nonsigning")
            return
        ok = [s for s in self.signed if not s[1].impostor]
        sample = ok[2::17][:5]
        rows = "\n".join(f"- {display(p, 'std')}, {mandate(p, rng)}" for _, p, _ in sample)
        text = (
            f"Bonjour à toutes et à tous,\n\nL'{CALL_TITLE} a dépassé les 400 signatures, parmi lesquelles :\n\n{rows}\n\n"
            f"Dernière ligne droite : la liste est close le 31 mai.\n\n{org_sig(0)}"
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
        st = self.staff[0]
        text = (
            f"{ORGANISERS[1][0]},\n\nJe compte les listes envoyées par les secrétariats de mairie nom par nom, et les binômes "
            f"départementaux comme deux signatures. {st[0]} {nom_case(st[1])} vérifie les impostures dans le RNE demain.\n\n{ORGANISERS[0][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[0], ORG_ADDR, "Comptage")
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        for fn, nm, _sx in ASSISTANTS:
            assert fold(nm) not in self.reg.surnames, nm
            assert self.reg.absent(nm, fn), nm
        for nm in INVENTED_NOMS:
            assert fold(nm) not in self.reg.surnames, nm
        self.assistants = list(ASSISTANTS)
        self.rng.shuffle(self.assistants)
        self.org_call(0)
        self.corporate_footer()
        self.initial_firstname()
        self.on_behalf()
        self.question()
        self.from_header_name()
        self.two_in_one()
        self.civility_formal()
        self.double_forward()
        self.retract_thread()
        self.html_table_sig()
        self.delegation_role()
        self.spam()
        self.org_call(1)
        self.council_list()
        self.ps_sign()
        self.nee_usage()
        self.question_then_sign()
        self.thanks()
        self.autoreply()
        self.newsletter()
        self.withdraw()
        self.org_call(2)
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
