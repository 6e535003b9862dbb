#!/usr/bin/env python3
"""Ninth held-out petition mailbox (tests/mail_holdout9): builder.

    python tests/mail_holdout9/build.py            # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris winter time, February-March 2027), Message-IDs and MIME boundaries drawn
from the generator in each client's own shape. Reads the real 2026 RNE release
(../shared/rne/release-2026, every file), the 2022 mayors file of ../shared/rne/history (former
mayors) and the COG (../shared/cog) at build time; nothing of ../shared is copied into the
repository except, in the messages, the drawn people's name, sex, mandate and place. Birth dates
are read only to tell homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor any message of the earlier held-out
corpora (only the READMEs of mail_holdout5/6, tests/mail_holdout5/build.py whose registry reading,
client quoting and encoding machinery is copied here, and the scorer). Campaign: « Appel des
élu·es pour l'école au village » (invented).
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

SEED = 2027_0202
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "ecole-au-village.example"
ORG_ADDR = f"appel@{ORG_DOMAIN}"
ORG_LIST = f"elus-ecole@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif L'école au village"
ORGANISERS = [
    ("Bertille", "QUÉNEHERVÉ-SALVETAT"),
    ("Anselme", "DOUARINOU-CAZENEUVE"),
]  # invented; checked absent
# secretaries, assistants, list moderators: invented, checked absent from every 2026 file
STAFF = [
    ("Nadège", "PLOUZENNEC-ARRIBAT"),
    ("Sandrine", "VAUTRIN-ESCOUBÈS"),
    ("Murielle", "COSTEROUSSE-LANDAIS"),
    ("Karine", "BOURGUIGNAT-OLHAGARAY"),
    ("Laetitia", "MARCHESSOU-DIEUZÈDE"),
    ("Josiane", "TRÉMOUILHAC-BERTRAND"),
    ("Pascal", "FONTARABIE-LEGUÉVEL"),
    ("Corinne", "LAVERGNAT-PÉCHOUX"),
    ("Gaëlle", "ROUQUAIROL-DESBANS"),
    ("Hélène", "CASTAGNOU-MERLEVÈDE"),
    ("Stéphanie", "BRIZARD-ETCHEBERRY"),
    ("Véronique", "GOURMELON-VERDIÈRE"),
    ("Chantal", "PEYRAMAURE-QUILLIEC"),
    ("Delphine", "AUBRESPIN-MOUTARDIER"),
    ("Marylène", "TOURNEBIZE-ARCANGELI"),
    ("Agnès", "VILLEBRUN-KERDRAON"),
    ("Élodie", "SALABERT-HINCELIN"),
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
    "CAZALIS-VERNHES",
    "LE BIHANNIC-MORVAN",
    "PEYRELONGUE-ARBUS",
    "SCHWEITZHOFFER",
    "DELAHOUSSAYE-BRUNEAU",
    "FERRANDINI-LUCIANI",
    "GRAVELOTTE-MUNIER",
    "AUDOUBERT-LAPLACE",
    "KERVAZO-TANGUY",
    "VIGNEROLLES-BASTIDE",
    "MONTAIGUT-SIRVENT",
    "HOARAU-GRONDIN-PAYET",
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
SUMMER = dt.datetime(2027, 3, 28, 2, 0)  # last Sunday of March 2027: CET -> CEST (never reached)


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=2 if t >= SUMMER else 1)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2027, 2, 2, 8, 5)
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

Madame, Monsieur, cher·es collègues,

Chaque mois de février, la carte scolaire tombe et, avec elle, des classes de nos villages. Une
fermeture de classe, c'est souvent la fin d'une école, puis d'une boulangerie, puis d'une commune
vivante. Nous, élu·es municipaux, départementaux, régionaux et intercommunaux, de toutes
sensibilités, demandons :

1. un moratoire de trois ans sur les fermetures de classes dans les communes de moins de 2 000 habitants ;
2. qu'aucune classe ne ferme sans l'avis du conseil municipal concerné ;
3. des effectifs plafonnés à 20 élèves dans les classes à plusieurs niveaux ;
4. le financement par l'État des transports scolaires des regroupements pédagogiques.

Pour signer, il suffit de répondre à ce message en indiquant votre nom, votre prénom et votre mandat
(commune, département, région ou intercommunalité). Chaque signature est vérifiée dans le Répertoire
national des élus avant d'être rendue publique le 15 mars 2027. Signatures jusqu'au 5 mars.

Faites circuler autour de vous !

{ORG_FULL[0]} et {ORG_FULL[1]}
pour le {ORG_NAME}
{ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} – signatures jusqu'au 5 mars"
CALL_DATE = aware(dt.datetime(2027, 2, 2, 7, 42, 37))
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
# about 60 % municipal councillors (adjoint·es, conseillers, maires délégués), 20 % mayors, the rest
DEFAULT_KINDS = ("cm",) * 11 + ("mdel",) + ("mai",) * 3 + ("cd", "cd", "cr", "cr", "ma")


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
            and "(" not in p.nom
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
        kinds = kinds or DEFAULT_KINDS
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
    def conf_text(self, p: P, i: int = 0) -> str:
        return (
            f"Bonjour,\n\nMerci ! Votre signature est bien enregistrée :\n{display(p, 'std')}, {mandate(p, self.rng)}\n\n"
            f"Elle sera vérifiée puis rendue publique le 15 mars.\n\n{org_sig(i)}"
        )

    def conf_mail(self, p: P, to_addr: str, hours: int = 20) -> Mail:
        """An organisers' confirmation that is not in the mailbox (only quoted by a later reply)."""
        return Mail(
            "",
            "organisers",
            f"{ORGANISERS[0][0]} – {ORG_NAME}",
            ORG_ADDR,
            "Votre signature – école au village",
            aware(self.clock.t - dt.timedelta(hours=hours, minutes=self.rng.randint(0, 50))),
            f"<{hx(self.rng, 32)}@{ORG_DOMAIN}>",
            to=to_addr,
        )

    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor and per[s[0].file] == 1 and s[0].client not in ("plain",)
        ]

    def staff_name(self) -> tuple[str, str]:
        st = self.staff.pop(0)
        return st[0], nom_case(st[1])

    def sigblock(self, p: P, d: dict, rich: bool = False) -> str:
        rng = self.rng
        name = display(p, rng.choice(["std", "cased", "cased"]))
        lines = [name, cap1(d["role"])]
        if p.impostor or p.kind in ("mai", "cm", "mdel"):
            lines.append(
                rng.choice([f"Mairie {d['de']}", f"Commune {d['de']}", p.commune])
                if d["de"] and p.commune_code != "75056"
                else "Ville de Paris"
            )
            if rich:
                lines += [
                    self.street(),
                    f"{postcode(p.commune_code)} {p.commune.upper()}".strip(),
                    f"Tél. {self.phone()}",
                ]
        elif p.kind == "cd":
            lines[-1] = cap1(self.role_de(p, d))
            if rich and p.canton:
                lines.append(f"Canton {de_name(p.canton)}")
        else:
            lines[-1] = cap1(self.role_de(p, d))
        if rich and rng.random() < 0.5:
            lines.append(f"Port. {self.phone(True)}")
        return "\n".join(lines)

    def dep_pred(self, deps):
        return lambda p: p.dep in deps

    # ---------------------------------------------------------------- signing shapes
    def quick_phone(self):
        """Short answers typed on a phone above the quoted call."""
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
            "iphone",
            "gmail",
            "samsung",
            "iphone",
            "orange_app",
        ]
        for k, client in enumerate(clients):
            p = self.signer()
            d = parts(p, rng)
            bare = d["bare_d"] or d["bare"]
            texts = [
                f"Je signe. {display(p, 'std')} {d['role']} {d['de']}",
                f"ok pour moi !! {display(p, 'lower')}, {d['short'] or d['role']} {bare} 👍",
                f"Signé. {display(p, 'cased_inv')} - {d['role']} {bare}",
                f"Bonjour, je m associe a cet appel, c est important pour nos ecoles.\n{display(p, 'cased')}\n{d['short'] or d['role']} {bare}",
                f"bjr, oui je signe evidement\n{display(p, 'lower')} ({d['role']} {d['de']})",
                f"Je signe des deux mains ✍️\n{display(p, 'std')}, {self.role_de(p, d)}",
                f"Partant{e(p, '', 'e')} ! {display(p, 'cased')} {d['role']} {d['de']}. Notre école a perdu une classe l an dernier...",
                f"Bonjour\nJe signe cet appel\n{display(p, 'caps_noacc')}\n{noacc(self.role_de(p, d)).upper()}",
                f"Signature : {display(p, 'cased')}, {d['short'] or d['role']} {bare}\nbon courage",
                f"OK je signe. {display(p, 'std')}.\n{cap1(self.role_de(p, d))}\n(désolé{e(p, '', 'e')} pour la réponse tardive, je vous écris du car)",
                f"Merci pour l'initiative. Je signe : {display(p, 'cased')}, {self.role_de(p, d)}.",
                f"je signe\n{display(p, 'lower_inv')}\n{d['role']} {bare}",
                f"Bonjour, vous pouvez ajouter mon nom : {display(p, 'cased')}, {d['role']} {d['de']}. Bonne journée",
                f"Oui 👍 {display(p, 'std')} ({d['short'] or d['role']}, {bare})",
            ]
            name = [
                display(p, "cased"),
                "",
                display(p, "std"),
                display(p, "cased"),
                "",
                display(p, "cased"),
                p.prenom,
                "",
                display(p, "cased"),
                display(p, "cased"),
                display(p, "cased"),
                "",
                display(p, "cased"),
                p.prenom,
            ][k]
            m = self.new(
                "quick_phone",
                client,
                name,
                addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
                in_reply_to=self.call.mid,
            )
            self.from_call(m, texts[k], html=False if client in ("samsung", "orange_app") else None)
            self.sign(m, "quick_phone", p)

    def formal_letter(self):
        """Letters in the administrative style, salutations and all."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "laposte",
            "outlook_desktop",
            "thunderbird",
            "orange",
            "outlook_mac",
            "zimbra",
            "outlook_desktop",
            "laposte",
            "yahoo",
            "outlook_desktop",
        ]
        for k, client in enumerate(clients):
            p = self.signer(("mai", "cm", "cd", "cm", "mdel", "cr", "cr", "cm") if k % 2 else None)
            d = parts(p, rng)
            civ = e(p, "Monsieur", "Madame")
            title_line = {
                "mai": e(p, "Le Maire,", "La Maire,"),
                "cd": e(p, "Le Conseiller départemental,", "La Conseillère départementale,"),
            }.get(p.kind, "")
            agree = rng.choice(
                [
                    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
                    "Veuillez agréer, Madame, Monsieur, l'assurance de ma considération distinguée.",
                    "Je vous prie de croire, Madame, Monsieur, à l'assurance de mes sentiments les meilleurs.",
                ]
            )
            texts = [
                f"Madame, Monsieur,\n\nPar la présente, je vous fais part de mon souhait de m'associer à l'{CALL_TITLE}.\n\n{agree}\n\n"
                f"{title_line}\n{display(p, 'cased')}".replace("\n\n\n", "\n\n"),
                f"Madame, Monsieur,\n\nJe soussigné{e(p, '', 'e')} {display(p, 'std')}, {self.role_de(p, d)}, déclare apporter mon soutien "
                f"à l'appel et vous autorise à faire figurer mon nom parmi les signataires.\n\nFait à {d['bare'] or p.canton or 'mon bureau'}, le {self.clock.t.day} {FR_MONTHS[self.clock.t.month - 1]} 2027.\n\n{display(p, 'cased')}",
                f"Mesdames, Messieurs,\n\nJ'ai pris connaissance de votre appel avec le plus grand intérêt. L'école est le cœur de nos communes rurales "
                f"et je partage pleinement les quatre demandes formulées.\n\nC'est donc bien volontiers que j'y apporte ma signature.\n\n{agree}\n\n{self.sigblock(p, d, rich=True)}",
                f"Madame, Monsieur,\n\nEn réponse à votre courriel du 2 février, je vous confirme ma signature de l'appel.\n\n{agree}\n\n"
                f"{civ} {display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"Bonjour,\n\nSuite à votre sollicitation, je vous informe que je signe l'appel pour l'école au village.\n\n"
                f"Vous trouverez ci-dessous mes coordonnées.\n\n{self.sigblock(p, d, rich=True)}",
                f"Madame, Monsieur,\n\nJe tiens à vous faire savoir que je soutiens votre démarche et que je signe l'appel.\n\n{agree}\n\n"
                f"{display(p, 'caps_noacc')}\n{noacc(cap1(self.role_de(p, d)))}",
                f"Madame, Monsieur,\n\nVeuillez enregistrer ma signature.\n\n{display(p, 'cased')}\n{cap1(d['role'])}\n{cap1(d['de']) if p.kind not in ('mai', 'cm', 'mdel') else 'Commune ' + d['de']}\n\n{agree}",
                f"Objet : soutien à l'{CALL_TITLE}\n\nMadame, Monsieur,\n\nJ'ai l'honneur de vous informer de mon soutien à votre appel, auquel je souhaite "
                f"joindre ma signature en qualité de {self.role_de(p, d)}.\n\n{agree}\n\n{display(p, 'cased')}",
                f"Madame, Monsieur,\n\nLa fermeture annoncée d'une classe dans notre secteur montre combien votre appel est nécessaire. "
                f"Je le signe.\n\n{agree}\n\n{self.sigblock(p, d, rich=True)}\n\n"
                "Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leurs destinataires.",
                f"Madame, Monsieur,\n\nJe vous prie de bien vouloir inscrire ma signature au bas de l'appel.\n\n"
                f"{title_line or cap1(d['role']) + ','}\n{display(p, 'cased')}",
                f"Madame, Monsieur,\n\nC'est avec conviction que je m'associe à votre appel.\n\nBien respectueusement,\n\n{display(p, 'std')}\n{cap1(self.role_de(p, d))}",
                f"Madame, Monsieur,\n\nJe signe l'appel des élu·es pour l'école au village.\n\n{agree}\n\n{self.sigblock(p, d, rich=True)}",
            ]
            subj = [
                "Soutien à l'appel",
                "Signature",
                "Appel école au village",
                "RE: " + CALL_SUBJECT,
                "Signature de l'appel",
                "appel",
                "Inscription signataire",
                "Soutien",
                "Appel des élus – signature",
                "Signature appel école",
                "Appel",
                "Signature",
            ][k]
            fn = (
                display(p, "cased")
                if k % 4
                else f"Mairie {d['de']}"
                if p.kind == "mai"
                else display(p, "std")
            )
            addr = official_addr(p, rng) if not p.impostor else addr_of(p, rng)
            m = self.new("formal_letter", client, fn, addr, subj)
            self.body(m, texts[k])
            self.sign(m, "formal_letter", p)

    def sig_block(self):
        """A short sentence; who signs is only in the signature block (often below a « -- »)."""
        rng = self.rng
        clients = [
            "thunderbird",
            "gmail",
            "outlook_desktop",
            "apple",
            "roundcube",
            "zimbra",
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "laposte",
            "apple",
            "gmail",
            "outlook_mac",
            "roundcube",
        ]
        for k, client in enumerate(clients):
            p = self.signer()
            d = parts(p, rng)
            lead = [
                "Bonjour,\n\nJe signe bien volontiers.",
                "Je signe l'appel.",
                "Bonjour,\nEvidemment que je signe !\nBien à vous",
                "Je signe, bien sûr. Bon courage pour la suite.",
                "Bonjour,\n\nPour moi c'est oui.\n\nCordialement,",
                "Bonjour,\nje signe.\nCdlt",
                "Je soutiens et je signe.",
                "Bonjour,\n\nJe m'associe à l'appel.\n\nBien cordialement,",
                "Signature OK.",
                "Bonjour,\nMerci de compter ma signature.\nCordialement",
                "Je signe, merci pour cette mobilisation.",
                "Bonjour, je signe l'appel. Bonne fin de journée",
                "Je signe.\n\nBien à vous,",
                "Avec plaisir : je signe.",
            ][k]
            sep = (
                "-- \n"
                if client in ("thunderbird", "roundcube") or k in (1, 6)
                else ("\n" if k % 3 else "___________________\n")
            )
            block = self.sigblock(p, d, rich=k % 2 == 0)
            if k == 4:
                block += "\n\nPensez à l'environnement avant d'imprimer ce message."
            if k == 9:
                block = f"{block}\n« Une commune, une école »"
            top = f"{lead}\n\n{sep}{block}"
            fn = [
                display(p, "cased"),
                display(p, "std"),
                display(p, "cased"),
                display(p, "cased"),
                "",
                display(p, "cased"),
                display(p, "inv"),
                display(p, "cased"),
                "",
                display(p, "cased_inv"),
                display(p, "cased"),
                "",
                display(p, "cased"),
                display(p, "std"),
            ][k]
            m = self.new(
                "sig_block",
                client,
                fn,
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                self.reply_subject(client, CALL_SUBJECT) if k % 3 else "Signature",
                in_reply_to=self.call.mid if k % 3 else "",
            )
            if k % 3:
                self.from_call(m, top)
            else:
                self.body(m, top)
            self.sign(m, "sig_block", p)

    def secretary(self):
        """A secretary or assistant writes for the elected person."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "laposte",
            "orange",
            "outlook_desktop",
            "zimbra",
            "gmail",
            "laposte",
            "outlook_desktop",
            "thunderbird",
        ]
        kinds = [
            ("cd",),
            ("mai",),
            ("cm",),
            ("mai",),
            ("cd",),
            ("mai",),
            ("cm",),
            ("mdel",),
            ("cr",),
            ("mai",),
        ]
        for k, client in enumerate(clients):
            p = self.signer(kinds[k])
            d = parts(p, rng)
            sfn, snm = self.staff_name()
            civ = e(p, "Monsieur", "Madame")
            mtitle = e(p, "Monsieur le Maire", "Madame la Maire")
            if p.kind == "mai" or (p.impostor and p.fonction == "Maire"):
                who = f"{mtitle}, {display(p, 'cased')},"
                role_sec = "Secrétaire de mairie"
            else:
                who = f"{civ} {display(p, 'cased')}, {self.role_de(p, d)},"
                role_sec = {
                    "cd": "Assistante de groupe – Conseil départemental",
                    "cr": "Collaboratrice d'élu·es",
                }.get(p.kind, "Secrétariat de mairie")
            texts = [
                f"Bonjour,\n\n{who} m'a demandé de vous faire savoir qu'{e(p, 'il', 'elle')} signe l'appel.\n\nCordialement,\n\n{sfn} {snm}\n{role_sec}\n{('Mairie ' + d['de']) if d['de'] and p.kind in ('mai', 'cm', 'mdel', '') else ''}".rstrip(),
                f"Bonjour,\n\nJe vous transmets, à la demande de {mtitle if p.kind == 'mai' else civ} {display(p, 'cased')}, sa signature pour l'appel. "
                f"{e(p, 'Il', 'Elle')} est {self.role_de(p, d)}.\n\nBien cordialement\n\n{sfn} {snm}\nAccueil – secrétariat",
                f"Bonjour,\n\nPour {display(p, 'cased')} ({d['role']} {d['de']}) : c'est oui, {e(p, 'il', 'elle')} signe.\n\n{sfn}\nsecrétariat",
                f"BONJOUR,\n\n{noacc(who).upper()} SIGNE L'APPEL.\n\nCDT\n{sfn.upper()} {snm.upper()}\nSECRETARIAT MAIRIE {noacc(d['bare']).upper()}",
                f"Madame, Monsieur,\n\nÀ la demande de {civ} {display(p, 'cased')}, {self.role_de(p, d)}, je vous informe qu'{e(p, 'il', 'elle')} "
                f"souhaite être signataire de l'appel.\n\nRespectueusement,\n\n{sfn} {snm}\n{role_sec}",
                f"Bonjour,\n\nLe maire a vu votre appel ce matin, {e(p, 'il', 'elle')} le signe : {display(p, 'std')}, maire {where_commune(p, rng, True)}.\n\n"
                f"{sfn} {snm}\nSecrétaire de mairie (lundi, mardi et jeudi)",
                f"Bonjour,\n\nJe réponds pour {display(p, 'cased')}, qui n'a pas d'adresse mail : {e(p, 'il', 'elle')} est {self.role_de(p, d)} "
                f"et {e(p, 'il', 'elle')} signe l'appel.\n\nMerci,\n{sfn} {snm}\nSecrétaire de mairie",
                f"Bonjour,\n\nSignature de {civ} {display(p, 'cased')}, {self.role_de(p, d)}.\n\nPour {e(p, 'lui', 'elle')},\n{sfn} {snm}",
                f"Bonjour,\n\n{civ} {display(p, 'cased')}, {self.role_de(p, d)}, m'a chargée de vous répondre : {e(p, 'il', 'elle')} "
                f"s'associe à l'appel.\n\nBien à vous,\n\n{sfn} {snm}\n{role_sec}",
                f"Bonjour,\n\nVoici la signature de notre maire pour votre appel :\n\n{display(p, 'caps')}\nMaire {de_place(p.commune, p.tl)}\n\n"
                f"Cordialement\n{sfn} {snm}",
            ]
            if p.kind in ("cd", "cr"):
                addr = f"{slug(sfn)}.{slug(snm).replace('-', '')}@{dept_dom(p.dep) if p.kind == 'cd' else region_dom(p.region)}"
                fn = f"{sfn} {snm}"
            else:
                dom = town_dom(p) if p.commune_code else rng.choice(MAILBOXES)
                addr = rng.choice(["secretariat", "mairie", "accueil", "contact"]) + "@" + dom
                fn = rng.choice(
                    [
                        f"Mairie {d['de']}",
                        f"{sfn} {snm}",
                        f"Secrétariat Mairie {d['bare']}",
                        f"MAIRIE {noacc(d['bare']).upper()}",
                    ]
                )
            subj = [
                "Appel école",
                "Signature de M. le Maire" if not p.f else "Signature de Mme la Maire",
                "RE: " + CALL_SUBJECT,
                "SIGNATURE APPEL",
                "Appel des élus – signature",
                "Appel",
                "Signature",
                "Votre appel",
                "Signature appel",
                "appel école",
            ][k]
            if p.kind not in ("mai",) and k in (1, 9):
                subj = "Signature"
            m = self.new("secretary", client, fn, addr, subj)
            self.body(m, texts[k])
            self.sign(m, "secretary", p)

    def duo(self):
        """Two colleagues sign in one message."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "apple",
            "zimbra",
            "thunderbird",
            "laposte",
            "iphone",
            "orange",
        ]
        for k, client in enumerate(clients):
            if k in (1, 5):
                a, b = self.commune_group(1, with_mayor=True)
            elif k == 6:
                while True:
                    a = self.official(("cd",))
                    mates = [
                        x
                        for x in self.reg.pool["cd"]
                        if x.dep == a.dep and x.canton == a.canton and x is not a and self.ok(x)
                    ]
                    if mates:
                        b = self.use(mates[0])
                        break
            elif k == 3:
                a = self.commune_group(1)[0]
                b = self.impostor("other_first", surname_commune=a.commune_code)
            else:
                a, b = self.commune_group(2)
            da, db = parts(a, rng), parts(b, rng)
            both_f = a.f and b.f
            nous = "toutes les deux" if both_f else "tous les deux"
            texts = [
                f"Bonjour,\n\nNous signons {nous} :\n{display(a, 'std')}, {da['role']}\n{display(b, 'std')}, {db['role']}\nCommune {da['de']}\n\nMerci",
                f"Bonjour,\n\nLe maire et {e(b, 'son adjoint', 'son adjointe') if 'adjoint' in b.fonction else 'un conseiller' if not b.f else 'une conseillère'} signent l'appel :\n\n"
                f"- {display(a, 'cased')}, maire {where_commune(a, rng, True)}\n- {display(b, 'cased')}, {db['role']}\n\nCordialement",
                f"Coucou,\n\nOn signe avec {b.prenom} ! {display(a, 'cased')} et {display(b, 'cased')}, {'conseillères' if both_f else 'conseillers'} {da['de']}.\n\nBises et bon courage",
                f"Bonjour,\n\nJe signe et {e(b, 'mon collègue', 'ma collègue')} aussi :\n{display(a, 'inv')} – {da['role']} {da['de']}\n{display(b, 'inv')} – {db['role']} {db['de']}",
                f"Bonjour,\n\n{display(a, 'cased')} ({da['role']}) et {display(b, 'cased')} ({db['role']}), de l'équipe municipale {da['de']}, "
                f"signent l'appel.\n\nBien cordialement,\n{a.prenom}",
                f"Madame, Monsieur,\n\nNous vous informons que nous signons l'appel :\n{display(a, 'caps')}, {e(a, 'Maire', 'Maire')}\n"
                f"{display(b, 'caps')}, {cap1(db['role'])}\nCommune {da['de']}\n\nSalutations distinguées",
                f"Bonjour,\n\nNous signons tous les deux, en binôme du canton {de_name(a.canton)} :\n{display(a, 'std')} et {display(b, 'std')}, "
                f"conseillers départementaux {de_dept(a.dep)}.\n\nBien à vous",
                f"bonjour\nmon mari et moi sommes tous les deux au conseil municipal {da['de']}, on signe\n{display(a, 'cased')} et {display(b, 'cased')}",
            ]
            if k == 7 and not a.f and b.f:
                texts[7] = texts[7].replace("mon mari et moi sommes", "ma femme et moi sommes")
            if k == 7 and not (a.f ^ b.f):
                texts[7] = (
                    f"bonjour\non est deux au conseil municipal {da['de']} à signer\n{display(a, 'cased')}\n{display(b, 'cased')}"
                )
            fn = [
                display(a, "cased"),
                f"Mairie {da['de']}",
                display(a, "cased"),
                display(a, "std"),
                display(a, "cased"),
                f"MAIRIE {noacc(da['bare']).upper()}",
                display(a, "cased"),
                f"{b.prenom} et {a.prenom}",
            ][k]
            addr = [
                addr_of(a, rng),
                "mairie@" + town_dom(a),
                addr_of(a, rng),
                official_addr(a, rng),
                addr_of(a, rng),
                "mairie@" + town_dom(a),
                official_addr(a, rng),
                addr_of(a, rng),
            ][k]
            m = self.new(
                "duo",
                client,
                fn,
                addr,
                [
                    "On signe",
                    "Signature du maire et de son adjoint",
                    "Re: appel",
                    "Signatures",
                    "Appel – deux signatures",
                    "SIGNATURES",
                    "Signature binôme",
                    "appel",
                ][k],
            )
            if k in (2, 6):
                self.from_call(m, texts[k])
            else:
                self.body(m, texts[k])
            self.sign(m, "duo", a)
            self.sign(m, "duo", b)

    def ask_then_sign(self):
        """A question (with or without who is asking), the organisers' answer, then « je signe »."""
        rng = self.rng
        plan = [
            ("gmail", "A"),
            ("outlook_desktop", "B"),
            ("zimbra", "C"),
            ("thunderbird", "D"),
            ("apple", "E"),
            ("laposte", "F"),
            ("yahoo", "G"),
            ("iphone", "H"),
        ]
        for client, key in plan:
            p = self.signer(("cm", "cm", "cd", "cr", "mdel", "cm"))
            d = parts(p, rng)
            q1 = {
                "A": f"Bonjour,\n\nJe suis {self.role_de(p, d)}. Est-ce que je peux signer à titre personnel alors que le conseil "
                f"n'a pas délibéré ?\n\n{display(p, 'cased')}",
                "B": f"Bonjour,\n\nLe point 3 (20 élèves par classe multiniveaux) me paraît difficile à tenir chez nous. Est-ce un plafond "
                f"ou un objectif ?\n\nCordialement,\n{self.sigblock(p, d)}",
                "C": f"Bonjour,\nla liste des signataires sera-t-elle publiée avec les mandats ? je préfère savoir avant.\n{display(p, 'std')}\n{d['role']} {d['de']}",
                "D": f"Bonjour,\n\nPetite question : l'appel vise-t-il aussi les écoles privées sous contrat ? Nous en avons une dans la commune.\n\n"
                f"-- \n{self.sigblock(p, d)}",
                "E": f"Bonjour, je suis {d['role']} {d['de']}, est-il possible de signer sans être maire ? Merci. {display(p, 'cased')}",
                "F": f"Bonjour,\n\nQui porte cet appel ? Une association d'élus, un parti ? Je ne signe jamais sans savoir.\n\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                "G": f"bonjour\nest ce que l'appel sera envoyé au ministre ou au recteur ? \n{display(p, 'lower')} {d['short'] or d['role']} {d['bare']}",
                "H": f"Bonjour, date limite ? Je dois voir avec mon équipe. {display(p, 'cased')}, {d['role']} {d['bare']}",
            }[key]
            ans = {
                "A": "Bonjour,\n\nOui, chaque élu·e signe en son nom propre ; aucune délibération n'est nécessaire.",
                "B": "Bonjour,\n\nC'est un plafond que nous demandons, pas une obligation immédiate : le texte ne sera pas modifié, mais votre remarque est notée.",
                "C": "Bonjour,\n\nOui : nom, prénom, mandat et collectivité, rien d'autre. Les adresses ne seront jamais publiées.",
                "D": "Bonjour,\n\nL'appel concerne l'école publique, mais rien n'empêche une commune qui a aussi une école privée de signer.",
                "E": "Bonjour,\n\nBien sûr, tous les élu·es peuvent signer, quel que soit leur mandat.",
                "F": f"Bonjour,\n\nLe {ORG_NAME} est un collectif d'élu·es et de parents, sans étiquette. Aucun parti ne porte l'appel.",
                "G": "Bonjour,\n\nOui, l'appel sera remis au ministère et aux rectorats le 16 mars.",
                "H": "Bonjour,\n\nLe 5 mars. Vous avez le temps !",
            }[key]
            fin = {
                "A": "Parfait, alors je signe. Merci pour la réponse rapide.",
                "B": f"Entendu. Je signe quand même, l'essentiel est ailleurs.\n\n{p.prenom}",
                "C": "ok alors je signe",
                "D": f"Merci pour la précision. Dans ce cas je signe.\n\n-- \n{self.sigblock(p, d)}",
                "E": "Super, je signe alors !",
                "F": f"Merci, c'est clair. Vous pouvez ajouter ma signature.\n\n{display(p, 'cased')}",
                "G": "tres bien je signe",
                "H": f"On en a parlé hier soir : je signe. {p.prenom}",
            }[key]
            addr = addr_of(p, rng)
            fn = display(p, "cased") if key not in ("G", "C") else ""
            thread = None
            m1 = self.new(
                "ask_then_sign",
                client,
                fn,
                addr,
                self.reply_subject(client, CALL_SUBJECT)
                if key in "ADG"
                else "Question sur l'appel",
                in_reply_to=self.call.mid if key in "ADG" else "",
            )
            if key in "ADG":
                t1 = self.from_call(m1, q1, html=False)
            else:
                t1 = self.body(m1, q1, html=False)
            thread = m1.file[:-4]
            self.label(m1, "ask_then_sign", "question", self.case(p), None, thread)
            m2, t2 = self.org_mail(m1, t1, ans, "ask_then_sign", thread)
            m3, _ = self.user_reply(m2, t2, fn, addr, client, fin, "ask_then_sign")
            self.sign(m3, "ask_then_sign", p, thread=thread)

    def self_followup(self):
        """First « je signe » with something missing, then the sender completes it unprompted."""
        rng = self.rng
        clients = [
            ("iphone", "gmail"),
            ("gmail", "gmail"),
            ("outlook_desktop", "outlook_desktop"),
            ("samsung", "orange"),
            ("apple", "apple"),
            ("zimbra", "zimbra"),
        ]
        for k, (c1, c2) in enumerate(clients):
            p = self.signer(("cm", "cm", "mai", "cm", "cr", "cm"))
            d = parts(p, rng)
            first = [
                f"Je signe ! {display(p, 'std')}",
                "Bonjour,\n\nJe signe l'appel.\n\nCordialement",
                f"Bonjour,\n\nJe soutiens votre appel.\n\n{display(p, 'cased')}\n{cap1(d['role'])}",
                f"je signe\n{p.prenom}",
                f"Bonjour,\nJe signe, bien sûr.\n{display(p, 'cased')}",
                f"Bonjour,\n\nSignature : {display(p, 'cased')}, {d['short'] or d['role']}.\n\nBonne journée",
            ][k]
            second = [
                f"J'ai oublié de préciser : je suis {self.role_de(p, d)}.",
                f"Oups, j'ai envoyé trop vite. {display(p, 'cased')}, {self.role_de(p, d)}.",
                f"Complément : il s'agit de la commune {d['de']}{' ' + d['paren'] if d['paren'] else ''}.",
                f"pardon j ai oublié mon nom\n{display(p, 'cased')} {d['role']} {d['de']}",
                f"J'ai oublié mon mandat : {self.role_de(p, d)}.",
                f"Je précise : {d['role']} {d['de']} ({d['dep_name'] or d['bare']}).",
            ][k]
            addr = official_addr(p, rng) if not p.impostor else addr_of(p, rng)
            fn = display(p, "cased") if k != 3 else ""
            m1 = self.new(
                "self_followup",
                c1,
                fn,
                addr,
                self.reply_subject(c1, CALL_SUBJECT),
                in_reply_to=self.call.mid,
            )
            t1 = self.from_call(m1, first, html=False)
            thread = m1.file[:-4]
            self.label(m1, "self_followup", "signs", self.case(p), None, thread)
            m2 = self.new(
                "self_followup",
                c2,
                fn,
                addr,
                self.reply_subject(c2, m1.subject),
                lo=2,
                hi=40,
                in_reply_to=m1.mid,
                references=f"{self.call.mid} {m1.mid}",
            )
            m2.to = ORG_ADDR
            if k in (0, 3):
                self.body(m2, second, html=False)
            else:
                self.body(m2, second, m1, t1, html=False)
            self.sign(m2, "self_followup", p, thread=thread)

    def fwd_colleague(self):
        """A message forwarded to the organisers: the colleague's words below, sometimes a second signature on top."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "thunderbird",
            "laposte",
            "apple",
            "gmail",
            "outlook_desktop",
        ]
        for k, client in enumerate(clients):
            inner_p = self.signer(("cm", "cm", "mdel"))
            di = parts(inner_p, rng)
            also = k % 2 == 1
            if (
                also
                and inner_p.commune_code
                and not inner_p.impostor
                and self.reg.mayor_of.get(inner_p.commune_code)
                and self.ok(self.reg.mayor_of[inner_p.commune_code])
            ):
                top_p = self.use(self.reg.mayor_of[inner_p.commune_code])
            elif also:
                top_p = self.official(("cd", "mai"))
            else:
                top_p = None
            inner_addr = addr_of(inner_p, rng)
            inner_text = [
                f"Bonjour,\n\nPeux-tu transmettre ma signature pour l'appel sur les écoles ? Je n'ai pas reçu le mail.\n\n{display(inner_p, 'cased')}\n{cap1(self.role_de(inner_p, di))}",
                f"Salut, tu peux faire suivre : je signe l'appel école. {display(inner_p, 'cased')}, {di['role']} {di['de']}",
                f"Bonjour,\nje souhaite signer l'appel pour l'école au village.\n{display(inner_p, 'std')}\n{di['role']} {di['de']}",
                f"Bonjour Madame la secrétaire,\n\nMerci de faire suivre aux organisateurs : je signe.\n\n{display(inner_p, 'cased')}, {self.role_de(inner_p, di)}",
            ][k % 4]
            inner_date = self.clock.t - dt.timedelta(hours=rng.randint(2, 30))
            inner = Mail(
                "",
                "plain",
                display(inner_p, "cased"),
                inner_addr,
                "appel école",
                aware(inner_date),
                "",
            )
            if top_p is not None:
                dt_ = parts(top_p, rng)
                top = [
                    f"Bonjour,\n\nJe vous fais suivre la signature d'un·e élu·e de notre conseil. Je signe moi aussi : {display(top_p, 'cased')}, "
                    f"{self.role_de(top_p, dt_)}.\n\nCordialement",
                    f"Transmis. Et je signe aussi !\n{display(top_p, 'std')}\n{cap1(self.role_de(top_p, dt_))}",
                    f"Bonjour, ci-dessous la signature de {e(inner_p, 'mon collègue', 'ma collègue')}.\nJ'ajoute la mienne : {display(top_p, 'cased')}, {dt_['role']} {dt_['de']}",
                    f"Bonjour,\n\nPour info, et je signe également.\n\n{self.sigblock(top_p, dt_)}",
                ][k // 2]
                fn, addr = display(top_p, "cased"), official_addr(top_p, rng)
            else:
                sfn, snm = self.staff_name()
                top = [
                    f"Bonjour,\n\nJe vous transfère le message ci-dessous reçu en mairie.\n\nCordialement,\n{sfn} {snm}\nSecrétariat de mairie",
                    "Bonjour, message reçu à la mairie, je transmets. Bonne journée",
                    f"Bonjour,\nPour suite à donner.\n{sfn} {snm}",
                    f"Bonjour,\n\nVoir ci-dessous.\n\n{sfn} {snm}\nAccueil",
                ][k // 2]
                dom = town_dom(inner_p) if inner_p.commune_code else rng.choice(MAILBOXES)
                fn, addr = f"Mairie {di['de']}" if di["de"] else f"{sfn} {snm}", f"accueil@{dom}"
            pre = "TR: " if client in ("outlook_desktop", "zimbra", "laposte") else "Fwd: "
            m = self.new("fwd_colleague", client, fn, addr, pre + inner.subject)
            me = addr
            fwd = self.forward_block(client, inner, inner_text, me)
            m.text = top + fwd
            if client in HTML_CLIENTS and rng.random() < 0.4:
                m.html = html_doc(client, top, f"<blockquote>{html_lines(fwd)}</blockquote>")
            self.sign(m, "fwd_colleague", inner_p, addr=inner_addr)
            if top_p is not None:
                self.sign(m, "fwd_colleague", top_p)

    def forward_block(self, client: str, prev: Mail, text: str, me: str) -> str:
        t = prev.date
        w = who(prev)
        if client in ("gmail", "android_gmail"):
            return (
                f"\n\n---------- Forwarded message ---------\nDe : {w}\nDate: {FR_DAY_ABBR[t.weekday()]} {t.day} "
                f"{FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}\nSubject: {prev.subject}\nTo: {me}\n\n\n{text}\n"
            )
        if client == "outlook_desktop":
            return (
                f"\n\nDe : {w}\nEnvoyé : {fr_long(t)}\nÀ : {me}\nObjet : {prev.subject}\n\n{text}\n"
            )
        if client in ("zimbra", "laposte"):
            return (
                f"\n\n----- Mail transféré -----\nDe: {w}\nÀ: {me}\nEnvoyé: {fr_long(t, cap=True, secs=True)}\n"
                f"Objet: {prev.subject}\n\n{text}\n"
            )
        if client == "thunderbird":
            return (
                f"\n\n\n-------- Message transféré --------\nSujet : \t{prev.subject}\nDate : \t{rfc_date(t)}\n"
                f"De : \t{w}\nPour : \t{me}\n\n\n{text}\n"
            )
        if client == "apple":
            return (
                f"\n\n> Début du message réexpédié :\n> \n> De: {w}\n> Objet: {prev.subject}\n> Date: {t.day} "
                f"{FR_MONTHS[t.month - 1]} {t.year} à {t:%H:%M:%S} UTC+1\n> À: {me}\n> \n{q(text)}\n"
            )
        return f"\n\n-------- Original Message --------\nFrom: {w}\n\n{text}\n"

    def html_only(self):
        """HTML-only messages: the name and mandate in a formatted signature (table, bold, image with alt)."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "apple",
            "yahoo",
            "outlook_desktop",
            "gmail",
            "zimbra",
            "roundcube",
        ]
        for k, client in enumerate(clients):
            p = self.signer()
            d = parts(p, rng)
            name = esc(display(p, rng.choice(["std", "cased"])))
            role = esc(cap1(d["role"]))
            place = esc(
                cap1(d["de"])
                if d["de"] and p.kind not in ("mai", "cm", "mdel", "")
                else (f"Mairie {d['de']}" if d["de"] else d["bare"])
            )
            lead = [
                "Bonjour,\n\nJe signe l'appel.\n\nBien cordialement,",
                "Je signe, merci !",
                "Bonjour,\nJe m'associe à cet appel.",
                "Je signe l'appel pour nos écoles.",
                "Bonjour,\n\nMa signature pour l'appel.\n\nCordialement,",
                "Bonjour, je signe. Bonne journée",
                "Bonjour,\n\nJe signe l'appel.\n\nCdt",
                "Je signe bien volontiers.",
            ][k]
            sig = [
                f'<table cellpadding="0" cellspacing="0" style="font-family:Arial;font-size:10pt"><tr><td style="border-right:2px solid #2b6cb0;padding-right:8px">'
                f'<img src="cid:image001.png@01DB{hx(rng, 4, HEXU)}.{hx(rng, 8, HEXU)}" alt="Logo" width="60"></td><td style="padding-left:8px">'
                f"<b>{name}</b><br><i>{role}</i><br>{place}<br>Tél. {self.phone()}</td></tr></table>",
                f'<div dir="ltr" class="gmail_signature"><div><b>{name}</b></div><div><span style="color:#666">{role} — {place}</span></div></div>',
                f'<div><br></div><div><font face="Helvetica" color="#1f3864"><b>{name}</b><br>{role}<br>{place}</font></div>',
                f'<div style="font-size:12px"><strong>{name.upper()}</strong><br>{role}<br>{place}</div>',
                f'<p class="MsoNormal"><b><span style="color:#1F3864">{name}<o:p></o:p></span></b></p><p class="MsoNormal"><span style="font-size:9.0pt">{role}<br>{place}'
                f"<o:p></o:p></span></p>",
                f'<div dir="ltr" class="gmail_signature"><img src="https://ci3.googleusercontent.com/mail-sig/AIorK4{hx(rng, 24, AL)}" alt="{name} – {role}" width="200"></div>',
                f'<div><span style="font-family:verdana"><b>{name}</b> | {role} | {place}</span></div>',
                f'<div class="pre" style="margin:0;padding:0;font-family:monospace">-- <br>{name}<br>{role}<br>{place}</div>',
            ][k]
            if k == 5:  # the image alone carries the mandate: say the place in text
                lead = f"Je signe, merci ! ({d['bare']})"
            doc = html_doc(client, lead)
            if "</div></body></html>" in doc:
                doc = doc.replace("</div></body></html>", sig + "</div></body></html>", 1)
            elif "</body>" in doc:
                doc = doc.replace("</body>", sig + "</body>", 1)
            else:
                doc += sig
            m = self.new(
                "html_only",
                client,
                display(p, "cased") if k % 3 else "",
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                [
                    "Signature",
                    "Appel école",
                    "Re: " + CALL_SUBJECT,
                    "appel",
                    "Signature de l'appel",
                    "Je signe",
                    "Appel",
                    "Signature appel",
                ][k],
            )
            m.html = doc
            m.text = None
            self.sign(m, "html_only", p)

    REGIONS_VOICE = [
        (("22", "29", "35", "56"), "Demat,", "Trugarez deoc'h ha kenavo,"),
        (("64",), "Kaixo,", "Milesker eta ondo izan,"),
        (("32", "40", "65", "31", "09", "47"), "Adishatz,", "Adiu e plan a vos,"),
        (("67", "68"), "Salü,", "Merci vielmols,"),
        (("59", "62"), "Bojour,", "Merci ben, à l'arvoir,"),
        (("13", "83", "84", "04"), "Bonjour à vous,", "Allez zou, bon courage,"),
        (("2A", "2B"), "Bonghjornu,", "À ringrazià vi, à prestu,"),
        (("73", "74"), "Bonjour à toute l'équipe,", "Adieu et bon courage,"),
        (("971", "972", "974"), "Bonjou tout moun,", "Mèsi anpil,"),
        (("12", "46", "48", "15"), "Bonjorn,", "Mercé plan, adiussiatz,"),
    ]

    def regional(self):
        """Regional greetings, farewells and habits."""
        rng = self.rng
        clients = [
            "thunderbird",
            "orange",
            "gmail",
            "laposte",
            "outlook_desktop",
            "iphone",
            "gmail",
            "zimbra",
            "samsung",
            "apple",
        ]
        kinds = [
            ("cm",),
            ("mai",),
            ("cm",),
            ("cm", "mai"),
            ("cd",),
            ("mai",),
            ("cm",),
            ("cr",),
            ("cm",),
            ("cd",),
        ]
        for k, (deps, hello, bye) in enumerate(self.REGIONS_VOICE):
            kk = kinds[k]
            p = (
                self.signer(kk, self.dep_pred(deps))
                if kk != ("cr",)
                else self.signer(kk, self.dep_pred(deps + ("73", "74", "01")))
            )
            d = parts(p, rng)
            body = [
                f"{hello}\n\nJe signe l'appel : {display(p, 'cased')}, {self.role_de(p, d)}.\nHa bevet ar skol !\n\n{bye}\n{p.prenom}",
                f"{hello}\n\nSinatzen dut / je signe.\n{display(p, 'std')}\n{cap1(self.role_de(p, d))}\n\n{bye}",
                f"{hello}\n\nQue signi l'apèl, plan segur. {display(p, 'cased')}, {d['role']} {d['de']}.\n\n{bye}",
                f"{hello}\n\nIch unterschreibe, je signe : {display(p, 'cased')}, {self.role_de(p, d)}.\n\n{bye}\n{p.prenom}",
                f"{hello}\n\nJ'signe ch't'appel, pour nos écoles : {display(p, 'std')}, {d['role']} {d['de']}.\n\n{bye}",
                f"{hello}\n\nTé, bien sûr que je signe ! {display(p, 'cased')}, {d['role']} {d['de']}.\n\n{bye}",
                f"{hello}\n\nFirmu l'appellu : {display(p, 'cased')}, {self.role_de(p, d)}.\n\n{bye}",
                f"{hello}\n\nJe signe l'appel.\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}\n\n{bye}",
                f"{hello}\n\nMwen ka siyen / je signe : {display(p, 'cased')}, {d['role']} {d['de']}.\n\n{bye}",
                f"{hello}\n\nSigni l'apèl per las escòlas dels vilatges : {display(p, 'cased')}, {self.role_de(p, d)}.\n\n{bye}",
            ][k]
            m = self.new(
                "regional",
                clients[k],
                display(p, "cased") if k % 2 else "",
                addr_of(p, rng),
                self.reply_subject(clients[k], CALL_SUBJECT),
                in_reply_to=self.call.mid,
            )
            if k % 3 == 0:
                self.from_call(m, body)
            else:
                self.body(m, body)
            self.sign(m, "regional", p)

    def big_town(self):
        """Officials of big towns, arrondissements and the Métropole de Lyon, with a delegation."""
        rng = self.rng

        def big(p: P) -> bool:
            return (
                p.commune_code in COMMUNES
                and (COMMUNES[p.commune_code].get("population") or 0) > 60000
            )

        plan = [
            ("cm", big, "outlook_desktop"),
            ("cm", big, "gmail"),
            ("ca", None, "apple"),
            ("cm", big, "outlook_mac"),
            ("ma", lambda p: p.coll == "69M", "gmail"),
            ("ca", None, "thunderbird"),
            ("cm", big, "iphone"),
            ("mai", big, "outlook_desktop"),
        ]
        for k, (kind, pred, client) in enumerate(plan):
            p = self.official((kind,), pred or (lambda p: True))
            d = parts(p, rng)
            deleg = rng.choice(
                [
                    "à l'éducation",
                    "aux écoles",
                    "à la réussite éducative",
                    "à la petite enfance et aux écoles",
                    "à la vie scolaire",
                    "aux quartiers",
                ]
            )
            role = d["role"]
            if "adjoint" in role:
                role = f"{role} {d['de']}, {e(p, 'délégué', 'déléguée')} {deleg}"
            else:
                role = self.role_de(p, d)
            texts = [
                f"Bonjour,\n\nLes villes aussi ont besoin que l'école rurale tienne : les familles qui partent arrivent chez nous dans des classes "
                f"déjà pleines. Je signe.\n\n{display(p, 'cased')}\n{cap1(role)}",
                f"Je signe l'appel, en soutien à nos collègues des petites communes.\n{display(p, 'std')}, {role}",
                f"Bonjour,\n\nJe signe : {display(p, 'cased')}, {role}.\n\nBien à vous",
                f"Bonjour,\n\nSignature : {display(p, 'cased')} – {role}.\n\nCordialement,\n{p.prenom}",
                f"Bonjour,\n\nEn tant que {role}, je m'associe à l'appel.\n\n{display(p, 'cased')}",
                f"Bonjour,\n\nMa signature : {display(p, 'inv')}, {role}.\n\n-- \n{display(p, 'cased')}\nÉlu{e(p, '', 'e')} d'arrondissement",
                f"Je signe ✊ {display(p, 'cased')}, {role}",
                f"Madame, Monsieur,\n\nJe signe l'appel.\n\nRespectueusement,\n\n{display(p, 'cased')}\n{cap1(role)}",
            ]
            if p.kind == "ca":
                texts[k] = texts[k].replace(f"Élu{e(p, '', 'e')} d'arrondissement", cap1(d["role"]))
            m = self.new(
                "big_town",
                client,
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Appel école au village",
                    "Signature",
                    "Appel",
                    "Signature appel",
                    "Soutien de la Métropole",
                    "Signature",
                    "Re: " + CALL_SUBJECT,
                    "Signature",
                ][k],
            )
            self.body(m, texts[k])
            self.sign(m, "big_town", p)

    def family_mailbox(self):
        """Written from somebody else's mailbox: a spouse, a child, a company, a club."""
        rng = self.rng
        clients = ["orange", "yahoo", "gmail", "outlook_desktop", "laposte", "orange"]
        for k, client in enumerate(clients):
            p = self.signer(("cm", "cm", "cm", "cm", "mai", "cm"))
            d = parts(p, rng)
            spouse = self.first_for(p.nom, "F" if not p.f else "M")
            child = self.first_for(p.nom, rng.choice("FM"))
            company = (
                f"{rng.choice(['SARL', 'EARL', 'GAEC', 'Garage', 'Boulangerie'])} {nom_case(p.nom)}"
            )
            texts = [
                f"Bonjour,\n\nJ'écris depuis la boîte de ma femme, je n'ai pas la mienne sous la main.\nJe signe l'appel : {display(p, 'std')}, {d['role']} {d['de']}."
                if not p.f
                else f"Bonjour,\n\nJ'écris depuis la boîte de mon mari, je n'ai pas la mienne sous la main.\nJe signe l'appel : {display(p, 'std')}, {d['role']} {d['de']}.",
                f"Bonjour c'est {p.prenom}, je signe l'appel ({d['role']} {d['de']}).\n{display(p, 'cased')}\n\n(adresse de mon fils)",
                f"Bonjour,\n\n{e(p, 'Mon père', 'Ma mère')} me demande de vous répondre : {display(p, 'cased')}, {self.role_de(p, d)}, signe l'appel.\n\n{child}",
                f"Bonjour,\n\nJe signe l'appel en tant qu'élu{e(p, '', 'e')} (et pas au nom de l'entreprise !) :\n{display(p, 'cased')}, {self.role_de(p, d)}\n\n"
                f"{company}\n{self.street()}\nTél. {self.phone()}",
                f"Bonjour,\n\nJe vous réponds de ma messagerie personnelle. {display(p, 'cased')}, {d['role']} {where_commune(p, rng, True)}, je signe.",
                f"bonjour c est {spouse} {nom_case(p.nom)}, {e(p, 'mon mari', 'ma femme')} {display(p, 'std')} est {d['role']} {d['de']} et il signe votre appel".replace(
                    "et il signe", "et il signe" if not p.f else "et elle signe"
                ),
            ]
            fn = [
                f"{spouse} {nom_case(p.nom)}",
                f"{child} {nom_case(p.nom)}",
                f"{child} {p.nom}",
                company,
                f"M. et Mme {nom_case(p.nom)}",
                f"{spouse.lower()} {p.nom.lower()}",
            ][k]
            addr = [
                addr_of(P("", p.nom, spouse, ""), rng),
                addr_of(P("", p.nom, child, ""), rng),
                addr_of(P("", p.nom, child, ""), rng),
                f"contact@{slug(company)}.fr",
                f"famille.{slug(p.nom).replace('-', '')}@{rng.choice(MAILBOXES)}",
                addr_of(P("", p.nom, spouse, ""), rng),
            ][k]
            m = self.new(
                "family_mailbox",
                client,
                fn,
                addr,
                [
                    "Appel école",
                    "signature",
                    e(p, "Signature pour mon père", "Signature pour ma mère"),
                    "Signature appel",
                    "appel des élus",
                    "Re: appel",
                ][k],
            )
            self.body(m, texts[k])
            self.sign(m, "family_mailbox", p)

    def wait_council(self):
        """« I must first talk to the council » — then days later the confirmation, in the same thread."""
        rng = self.rng
        clients = [
            ("outlook_desktop", "outlook_desktop"),
            ("gmail", "android_gmail"),
            ("zimbra", "zimbra"),
            ("thunderbird", "thunderbird"),
            ("laposte", "laposte"),
        ]
        for k, (c1, c2) in enumerate(clients):
            p = self.signer((("mai", "cm", "cm", "mai", "cd")[k],))
            d = parts(p, rng)
            first = [
                f"Bonjour,\n\nJe suis favorable à l'appel mais je souhaite en parler au conseil municipal du 18 février avant de signer. "
                f"Je reviens vers vous.\n\nCordialement,\n\n{self.sigblock(p, d)}",
                f"Bonjour, j'en parle à mon équipe jeudi et je vous redis. {display(p, 'cased')}",
                f"Bonjour,\n\nAvant de m'engager je voudrais avoir l'avis des parents d'élèves. Réponse d'ici quinze jours.\n\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"Bonjour,\n\nNous avons une réunion du RPI la semaine prochaine, je vous réponds ensuite.\n\n-- \n{self.sigblock(p, d)}",
                f"Bonjour,\n\nJe dois d'abord consulter mes collègues. Je reviens vers vous.\n\n{display(p, 'std')}",
            ][k]
            second = [
                "Bonjour,\n\nLe conseil a été unanime hier soir : je signe l'appel.\n\nCordialement,",
                f"C'est bon, l'équipe est d'accord, je signe ! {p.prenom}",
                "Bonjour,\n\nLes parents sont pour. Je confirme donc ma signature.\n\nBien à vous",
                "Bonjour,\n\nRéunion faite, les trois maires du RPI soutiennent l'appel. Pour ma part, je signe.\n\nCordialement",
                f"Bonjour,\n\nJe confirme : je signe. {display(p, 'cased')}, {d['role']} {d['de']}.",
            ][k]
            addr = official_addr(p, rng) if not p.impostor else addr_of(p, rng)
            fn = display(p, "cased")
            m1 = self.new(
                "wait_council",
                c1,
                fn,
                addr,
                self.reply_subject(c1, CALL_SUBJECT),
                in_reply_to=self.call.mid,
            )
            t1 = self.from_call(m1, first, html=False)
            thread = m1.file[:-4]
            self.label(m1, "wait_council", "other", self.case(p), None, thread)
            self.pending.append((m1, t1, p, addr, fn, c2, second, thread))

    def wait_council_answers(self):
        for m1, t1, p, addr, fn, c2, second, thread in self.pending:
            m, _ = self.user_reply(m1, t1, fn, addr, c2, second, "wait_council")
            m.to = ORG_ADDR
            self.sign(m, "wait_council", p, thread=thread)
        self.pending = []

    def group_list(self):
        """A group signs: a municipal minority, the mayors of a regroupement pédagogique (RPI)."""
        rng = self.rng
        # 1. the mayors of three communes of one intercommunality (an RPI)
        for k in range(2):
            for _ in range(5000):
                m0 = self.official(("mai",), lambda p: not p.dep.startswith("97"))
                ep = self.epci_of(m0.commune_code)
                if not ep:
                    continue
                others = [
                    self.reg.mayor_of.get(c["code"])
                    for c in ep["membres"]
                    if c["code"] != m0.commune_code
                ]
                others = [o for o in others if o is not None and self.ok(o)]
                if len(others) >= 2:
                    break
            a, b = rng.sample(others, 2)
            self.use(a)
            self.use(b)
            group = [m0, a, b]
            if k == 1:
                group[2] = self.impostor("mayor_elsewhere", commune_code=b.commune_code)
                self.used.discard(ident(b.nom, b.prenom))
            lines = "\n".join(
                f"- {display(x, 'cased')}, maire {de_place(x.commune, x.tl)}" for x in group
            )
            rpi = " – ".join(x.commune for x in group)
            text = [
                f"Bonjour,\n\nLes trois maires du RPI {rpi} signent l'appel :\n\n{lines}\n\nNotre RPI a perdu une classe en 2025, nous ne voulons pas revivre ça.\n\n"
                f"Pour les trois,\n{m0.prenom}",
                f"Madame, Monsieur,\n\nRéunis ce soir en comité du regroupement pédagogique, nous signons l'appel :\n\n{lines}\n\n"
                f"({epci_label(ep['nom'])}, {dept_name(m0.dep)})\n\nSalutations distinguées",
            ][k]
            d0 = parts(m0, rng)
            m = self.new(
                "group_list",
                ["outlook_desktop", "zimbra"][k],
                f"Mairie {d0['de']}",
                "mairie@" + town_dom(m0),
                ["Signature des maires du RPI", "RPI – signatures"][k],
            )
            self.body(m, text)
            for x in group:
                self.sign(m, "group_list", x)
        # 2. a municipal group (minority or majority) of one commune
        for k in range(2):
            ms = self.commune_group(4 if k == 0 else 3)
            d0 = parts(ms[0], rng)
            name = [
                "« Agir ensemble pour " + ms[0].commune + " »",
                "« " + ms[0].commune + " demain »",
            ][k]
            if k == 0:
                rows = "\n".join(f"{display(x, 'cased_inv')}, {parts(x, rng)['role']}" for x in ms)
                text = (
                    f"Bonjour,\n\nLes élu·es du groupe {name} au conseil municipal {d0['de']} signent l'appel :\n\n{rows}\n\n"
                    f"Pour le groupe,\n{display(ms[0], 'cased')}"
                )
            else:
                rows = (
                    ", ".join(display(x, "cased") for x in ms[:-1])
                    + " et "
                    + display(ms[-1], "cased")
                )
                text = (
                    f"Bonjour,\n\nNous, {rows}, élu·es de la liste {name} au conseil municipal {d0['de']}{' ' + d0['paren'] if d0['paren'] else ''}, "
                    f"signons l'appel.\n\nBien cordialement,\n{ms[1].prenom} {nom_case(ms[1].nom)}"
                )
            m = self.new(
                "group_list",
                ["gmail", "thunderbird"][k],
                display(ms[0] if k == 0 else ms[1], "cased"),
                addr_of(ms[0] if k == 0 else ms[1], rng),
                ["Signatures du groupe", "Appel – notre groupe signe"][k],
            )
            self.body(m, text)
            for x in ms:
                self.sign(m, "group_list", x)

    # ---------------------------------------------------------------- non-signing traffic
    def question(self):
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "thunderbird",
            "laposte",
            "apple",
            "orange",
            "outlook_mac",
        ]
        for k, client in enumerate(clients):
            p = self.official(("mai", "cm", "cd", "mai", "cm", "cr", "mai", "cm")[k : k + 1])
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nPouvez-vous m'envoyer l'appel en PDF ? Je voudrais le présenter au prochain conseil avant toute décision.\n\nCordialement,\n\n{self.sigblock(p, d, rich=True)}",
                f"Bonjour,\nQuelle est la position de l'association des maires de notre département sur ce texte ? Merci\n{display(p, 'cased')}, {d['role']} {d['de']}",
                f"Bonjour,\n\nLe conseil départemental finance déjà une partie des transports scolaires : le point 4 ne risque-t-il pas de nous retirer cette compétence ?\n\n"
                f"{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"Bonjour,\n\nUne commune peut-elle signer par délibération, plutôt que les élus un par un ?\n\n-- \n{self.sigblock(p, d)}",
                f"Bonjour,\n\nAvez-vous des chiffres sur les fermetures de classes par département ? Je prépare une intervention.\n\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"Bonjour,\n\nLa région est-elle concernée par le point 4 ? Les transports scolaires relèvent de nous depuis la loi NOTRe.\n\nBien à vous,\n{display(p, 'cased')}, {self.role_de(p, d)}",
                f"bonjour, est ce que vous organisez une reunion publique dans notre secteur ? {display(p, 'lower')} maire {d['de']}",
                f"Bonjour,\n\nPourriez-vous me dire qui a déjà signé dans le département ? Je ne voudrais pas être la seule.\n\n{display(p, 'cased')}\n{cap1(d['role'])} {d['de']}",
            ][k]
            if k == 7 and not p.f:
                text = text.replace("être la seule", "être le seul")
            m = self.new(
                "question",
                client,
                display(p, "cased"),
                official_addr(p, rng),
                [
                    "Demande de PDF",
                    "Question",
                    "Point 4 de l'appel",
                    "Signature par délibération ?",
                    "Chiffres ?",
                    "Transports scolaires",
                    "reunion ?",
                    "Signataires du département",
                ][k],
            )
            self.body(m, text)
            self.label(m, "question", "question", "nonsigning")

    def refusal(self):
        rng = self.rng
        for k, client in enumerate(["outlook_desktop", "gmail", "zimbra"]):
            p = self.official(("mai", "cm", "cd")[k : k + 1])
            d = parts(p, rng)
            text = [
                f"Madame, Monsieur,\n\nJe ne signerai pas cet appel : notre commune a fait le choix d'un regroupement scolaire qui fonctionne, "
                f"et un moratoire le remettrait en cause.\n\nCordialement,\n\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"Bonjour, je ne signe pas, désolé{e(p, '', 'e')}. Trop politique pour moi. {display(p, 'cased')}, {d['role']} {d['de']}",
                f"Bonjour,\n\nNon merci. Le département travaille déjà avec l'Éducation nationale sur ce dossier.\n\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
            ][k]
            m = self.new(
                "refusal",
                client,
                display(p, "cased"),
                official_addr(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
                in_reply_to=self.call.mid,
            )
            self.from_call(m, text, html=False)
            self.label(m, "refusal", "other", "nonsigning")

    def thanks(self):
        rng = self.rng
        one = self.one_signer_msgs()
        picks = [one[4], one[19], one[37]]
        for k, (src, p, addr) in enumerate(picks):
            client = ["gmail", "outlook_desktop", "iphone"][k]
            conf = self.conf_mail(p, addr)
            text = [
                "Merci à vous pour ce travail ! Tenez-nous au courant.",
                "Bonjour,\n\nMerci pour la confirmation. Bon courage pour la suite.\n\nCordialement",
                "Merci 🙏",
            ][k]
            m = self.new(
                "thanks",
                client,
                src.from_name,
                addr,
                self.reply_subject(client, conf.subject),
                in_reply_to=conf.mid,
            )
            self.body(m, text, conf, self.conf_text(p), html=False)
            self.label(m, "thanks", "thanks", "nonsigning", refers_to=src.file)
        for k, client in enumerate(["laposte", "thunderbird"]):
            p = self.official(("mai", "cm")[k : k + 1])
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nMerci pour l'envoi de l'appel, je l'ai transmis à l'ensemble du conseil municipal.\n\nCordialement,\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"Bonjour,\n\nMerci pour l'invitation à la soirée du 20 février, je ne pourrai malheureusement pas venir.\n\n-- \n{self.sigblock(p, d)}",
            ][k]
            m = self.new(
                "thanks",
                client,
                display(p, "cased"),
                official_addr(p, rng),
                ["Merci", "Re: Invitation 20 février"][k],
            )
            self.body(m, text)
            self.label(m, "thanks", "thanks", "nonsigning")

    def autoreply(self):
        rng = self.rng
        one = self.one_signer_msgs()
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        for k in range(7):
            if k == 6:
                m = self.new(
                    "autoreply",
                    "plain",
                    "Mail Delivery Subsystem",
                    f"MAILER-DAEMON@mx.{ORG_DOMAIN}",
                    "Delivery Status Notification (Failure)",
                    extra="Auto-Submitted: auto-replied",
                )
                m.text = (
                    f"This is the mail system at host mx.{ORG_DOMAIN}.\n\nI'm sorry to have to inform you that your message could not\n"
                    "be delivered to one or more recipients.\n\n<secretariat@mairie-fermee.example>: mailbox full\n\n"
                    f"--- original message headers ---\nSubject: [Relance] {CALL_SUBJECT}\n"
                )
                self.label(m, "autoreply", "autoreply", "nonsigning")
                continue
            if k == 5:
                src, p, addr = one[28]
                conf = self.conf_mail(p, addr, hours=0)
                m = self.new(
                    "autoreply",
                    "outlook_desktop",
                    src.from_name,
                    addr,
                    "Réponse automatique : " + conf.subject,
                    extra=auto,
                )
                self.body(
                    m,
                    f"Bonjour,\n\nJe suis absent{e(p, '', 'e')} jusqu'au 1er mars. En cas d'urgence, contactez le secrétariat.",
                    conf,
                    self.conf_text(p),
                    html=False,
                )
                self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
                continue
            p = self.official(("mai", "cd", "cm", "cr", "mai")[k : k + 1])
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nLa mairie est fermée pendant les vacances d'hiver, du 15 au 26 février. Votre message sera traité à la réouverture.\n\n"
                f"Mairie {d['de']}\n{display(p, 'std')}, maire",
                f"Je suis en déplacement jusqu'au 12 février avec un accès limité à ma messagerie.\n\n{self.sigblock(p, d)}",
                f"Absent{e(p, '', 'e')} jusqu'au lundi 15 février.\n{display(p, 'cased')}",
                f"Message automatique – session plénière du conseil régional : je vous répondrai dès que possible.\n\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"Accusé de réception\n\nVotre message a bien été reçu par le secrétariat de la mairie {d['de']} et sera transmis à {display(p, 'std')}.\n\nMessage automatique, merci de ne pas répondre.",
            ][k]
            client = ["zimbra", "outlook_desktop", "gmail", "outlook_desktop", "laposte"][k]
            m = self.new(
                "autoreply",
                client,
                display(p, "cased") if k not in (0, 4) else f"Mairie {d['de']}",
                official_addr(p, rng),
                [
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Absence",
                    "Réponse automatique",
                    "Accusé de réception",
                ][k],
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self):
        rng = self.rng
        bulk = "Precedence: bulk\nList-Unsubscribe: <https://lettre.{D}/unsubscribe?u={U}>"
        for k in range(4):
            ps = [self.official(("mai", "cm", "cd")[i : i + 1]) for i in range(3)]
            rows = "\n".join(f"  • {display(p, 'cased')}, {mandate(p, rng)}" for p in ps)
            dom, frm, subj, text = [
                (
                    "ruralite-infos.example",
                    "La lettre Ruralité Infos",
                    "Ruralité Infos n°118 – février 2027",
                    f"RURALITÉ INFOS – la lettre des territoires\n\nÀ LA UNE : carte scolaire 2027, la colère des villages\n\nIls ont pris la parole cette semaine :\n{rows}\n\n"
                    "Lire la suite sur notre site.\nVous recevez cette lettre car vous êtes abonné·e.",
                ),
                (
                    "parents-ecole-rurale.example",
                    "Parents pour l'école rurale",
                    "Notre lettre de février",
                    f"Chers parents, chers amis,\n\nLa mobilisation grandit ! Trois élu·es nous ont reçus ce mois-ci :\n{rows}\n\n"
                    "Prochaine assemblée générale le 6 mars.\n\nPour vous désabonner, cliquez ici.",
                ),
                (
                    "revue-de-presse-elus.example",
                    "Revue de presse des élus",
                    "Revue de presse – semaine 6",
                    f"REVUE DE PRESSE\n\nÉcole : « On ne lâchera rien » (presse régionale), avec les déclarations de :\n{rows}\n\n"
                    "Transports scolaires : le point sur les financements.\n\nSe désinscrire",
                ),
                (
                    "webinaires-collectivites.example",
                    "Webinaires Collectivités",
                    "Webinaire : l'école en milieu rural, quelles solutions ?",
                    f"Webinaire jeudi 25 février, 18h\n\nL'école en milieu rural : RPI, classes uniques, transports.\nIntervenant·es :\n{rows}\n\n"
                    "Inscription gratuite. Se désabonner.",
                ),
            ][k]
            m = self.new(
                "newsletter",
                "plain",
                frm,
                f"lettre@{dom}",
                subj,
                extra=bulk.replace("{D}", dom).replace("{U}", hx(rng, 16)),
            )
            m.to = ORG_ADDR
            m.text = text
            if k % 2 == 0:
                m.html = "<html><body>" + html_lines(text, "p") + "</body></html>\n"
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self):
        one = self.one_signer_msgs()
        picks = [one[2], one[15], one[31], one[46], one[60]]
        for k, (src, p, addr) in enumerate(picks):
            client = src.client if src.client not in ("plain", "organisers") else "gmail"
            text = [
                "Bonjour,\n\nMerci de retirer ma signature, le conseil municipal n'a finalement pas souhaité s'engager.\n\nCordialement",
                f"Je retire ma signature. {p.prenom}",
                f"Bonjour,\n\nAprès réflexion, je préfère ne pas apparaître parmi les signataires. Merci d'enlever mon nom.\n\n{display(p, 'cased')}",
                "Bonjour, pouvez-vous supprimer mon nom de la liste svp ? Merci",
                f"Madame, Monsieur,\n\nJe vous demande de bien vouloir retirer ma signature de l'appel : je suis en désaccord avec le point 3.\n\n{display(p, 'cased')}",
            ][k]
            m = self.new(
                "withdraw",
                client,
                src.from_name,
                addr,
                ["Retrait de signature", "retrait", "Signature – retrait", "Re: appel", "Retrait"][
                    k
                ],
            )
            if k == 3:
                conf = self.conf_mail(p, addr, hours=40)
                m.subject = self.reply_subject(client, conf.subject)
                self.body(m, text, conf, self.conf_text(p), html=False)
            else:
                self.body(m, text, html=False)
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        rng = self.rng
        items = [
            (
                "Service Messagerie",
                f"support@webmail-securite{rng.randint(10, 99)}.example",
                "Votre boîte aux lettres est presque pleine",
                "Cher utilisateur,\n\nVotre quota de messagerie a atteint 98 %. Cliquez ici pour valider votre compte sous 24 heures, faute de quoi "
                "vos messages seront supprimés.\n\nL'équipe technique",
            ),
            (
                "Mobilier Urbain Pro",
                "commercial@mobilier-urbain-pro.example",
                "Abribus et bancs : -30 % pour les communes",
                "Madame le Maire, Monsieur le Maire,\n\nProfitez de notre offre spéciale collectivités sur les abribus, bancs et corbeilles.\n\n"
                "Devis gratuit sous 48h.",
            ),
            (
                "ANTAI",
                "no-reply@antai-avis.example",
                "Avis de contravention en attente",
                "Vous avez une amende impayée de 35 €. Réglez-la avant majoration en suivant ce lien.",
            ),
            (
                "Formation Élus Express",
                "contact@formation-elus-express.example",
                "DIF élus : dernières places",
                "Bonjour,\n\nUtilisez votre DIF avant qu'il ne soit perdu : formations « prise de parole » et « réseaux sociaux » à distance.\n\n"
                "Pour ne plus recevoir nos offres, répondez STOP.",
            ),
            (
                "Colis Suivi",
                "info@colis-suivi-fr.example",
                "Votre colis n'a pas pu être livré",
                "Votre colis est en attente. Des frais de 1,99 € sont nécessaires pour reprogrammer la livraison.",
            ),
        ]
        for fn, addr, subj, text in items:
            m = self.new("spam", "plain", fn, addr, subj)
            m.text = text
            self.label(m, "spam", "other", "nonsigning")

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
            text = (
                f"Bonjour à toutes et à tous,\n\nPetit rappel : l'{CALL_TITLE} est ouvert aux signatures jusqu'au 5 mars. "
                "Si ce n'est pas déjà fait, répondez simplement à ce message avec vos nom, prénom et mandat.\n\n"
                f"Merci à celles et ceux qui ont déjà signé !\n\n{org_sig(1)}"
            )
            m = self.new(
                "org_call",
                "organisers",
                ORG_NAME,
                ORG_LIST,
                f"[Relance] {CALL_SUBJECT}",
                extra=LIST_HEADERS,
            )
            m.to = "undisclosed-recipients:;"
            self.body(m, text, html=False)
            self.label(m, "org_call", "other", "nonsigning")
            return
        ok = [s for s in self.signed if not s[1].impostor]
        sample = ok[5::17][:5]
        rows = "\n".join(f"- {display(p, 'std')}, {mandate(p, rng)}" for _, p, _ in sample)
        text = (
            f"Bonjour,\n\nPoint d'étape : plus de 140 élu·es ont déjà signé, parmi lesquel·les :\n\n{rows}\n\n"
            f"Merci de continuer à faire circuler l'appel.\n\n{org_sig(0)}"
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
        text = (
            f"{ORGANISERS[0][0]},\n\nAttention aux messages envoyés par les secrétariats et aux signatures en binôme : il faut compter chaque élu·e. "
            f"Je reprends le tableau ce soir.\n\n{ORGANISERS[1][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[1], ORG_ADDR, "Tableau des signatures")
        m.to = f"{ORG_FULL[0]} <{slug(ORGANISERS[0][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        self.pending = []
        self.org_call(0)
        self.quick_phone()
        self.formal_letter()
        self.wait_council()
        self.sig_block()
        self.secretary()
        self.duo()
        self.ask_then_sign()
        self.question()
        self.refusal()
        self.regional()
        self.self_followup()
        self.org_call(1)
        self.wait_council_answers()
        self.fwd_colleague()
        self.html_only()
        self.big_town()
        self.family_mailbox()
        self.group_list()
        self.thanks()
        self.autoreply()
        self.newsletter()
        self.withdraw()
        self.spam()
        self.org_call(2)
        self.write()

    def write(self):
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
