#!/usr/bin/env python3
"""Eighteenth held-out petition mailbox (tests/mail_holdout18): builder.

    python tests/mail_holdout18/build.py           # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris summer time, September-October 2027), Message-IDs and MIME boundaries drawn
from the generator in each client's own shape. Reads the real 2026 RNE release
(../shared/rne/release-2026, every file), the 2022 mayors file and the 2025 municipal sample of
../shared/rne/history (former mayors, former adjoint·es, mayors of communes merged since) and the COG
(../shared/cog) at build time; nothing of ../shared is copied into the repository except, in the
messages, the drawn people's name, sex, mandate and place. Birth dates are read only to tell homonyms
apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages of any earlier held-out
corpus (only the READMEs of mail_holdout5 and mail_holdout6, mail_holdout5/build.py whose reading
helpers, client quoting and encoding machinery are reused, and the scorer). Campaign: « Appel des
élu·es pour l'accès aux soins de proximité » (invented). A mailbox that tries to get the wrong people
verified: impostors of nine kinds and many messages that name officials without being signatures.
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
HISTORY_CM25 = SHARED / "rne" / "history" / "2025_cm-sample-gers-loire-atlantique.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "soins-proximite.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"elus-sante@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Soins de proximité"
ORGANISERS = [
    ("Guénolée", "MARCHEGAY-TOURNADRE"),
    ("Aristide", "BELLOCQ-VAUDRÉMONT"),
]  # invented; checked absent
# secretaries, assistants, list moderators: invented, checked absent from every 2026 file
STAFF = [
    ("Ysaline", "PERDRIGEAT-LOUBATIÈRES"),
    ("Cyprien", "MAZELLIER-QUINSAC"),
    ("Honorine", "DUCLAUX-PENVERN"),
    ("Anselme", "TRIBOUILLARD-ESQUIROL"),
]
CALL_TITLE = "Appel des élu·es pour l'accès aux soins de proximité"
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
        self.noms_at: dict[str, set[str]] = defaultdict(set)
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
                    self.noms_at[cc].add(fold(nom))
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
    "CHAMPOISEAU-LEBRETHON",
    "VILLEDIEU-SARRAZAC",
    "KERNÉVEZ-HAMONIOU",
    "FOURCASSIÉ-DELBREILH",
    "TISSERANDOT-GUYMARCH",
    "ABADIE-LASCOURRÉGUY",
    "MONTAGUDET-RIBEYROLLE",
    "PLANCHENAULT-VIDALOT",
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


PROVIDER = {
    "gmail": ["gmail.com"],
    "android_gmail": ["gmail.com"],
    "orange": ["orange.fr", "wanadoo.fr"],
    "orange_app": ["orange.fr"],
    "sfr": ["sfr.fr", "neuf.fr"],
    "laposte": ["laposte.net"],
    "yahoo": ["yahoo.fr"],
    "outlook_ios": ["outlook.fr", "hotmail.fr"],
}


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
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=2 if t < WINTER else 1)))


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
    if client == "sfr":
        return (
            f"<{rng.randint(10**8, 10**9 - 1)}.{rng.randint(10**5, 10**6 - 1)}.{ms}@webmail.sfr.fr>"
        )
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
    "sfr": "X-Mailer: Open-Xchange Mailer v7.10.6-Rev62\nX-Originating-Client: open-xchange-appsuite",
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
    "sfr",
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
        return f"\n\n> Le {t:%d/%m/%Y %H:%M} {'CEST' if offset(t) == '+0200' else 'CET'}, {w} a écrit :\n>\n>\n{q(prev_text)}\n"
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

Cabinets médicaux qui ferment sans successeur, urgences fermées la nuit, huit mois d'attente pour
un rendez-vous chez l'ophtalmologiste, pharmacies qui disparaissent des bourgs : dans nos communes,
l'accès aux soins recule chaque année. Nous, élu·es de communes, de départements, de régions et de
collectivités, quelle que soit notre sensibilité, demandons :

1) qu'aucun habitant ne vive à plus de 30 minutes d'un service d'urgences ouvert jour et nuit ;
2) une régulation de l'installation des médecins dans les zones déjà bien dotées ;
3) un financement pérenne des centres et maisons de santé portés par les communes et les
   intercommunalités ;
4) le maintien d'une pharmacie dans chaque bourg-centre.

Pour signer, répondez à ce message en indiquant vos nom, prénom et mandat (commune, département,
région ou collectivité). Chaque signature est vérifiée dans le Répertoire national des élus avant
publication, le 2 novembre 2027. Date limite : 15 octobre 2027.

Faites suivre l'appel à vos collègues élu·es !

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} – signez avant le 15 octobre"
CALL_DATE = aware(dt.datetime(2027, 9, 14, 7, 40, 6))
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
    "orange": [("iso-8859-1", "8bit"), ("iso-8859-1", "quoted-printable"), ("utf-8", "8bit")],
    "orange_app": [("utf-8", "8bit"), ("utf-8", "base64")],
    "samsung": [("utf-8", "base64"), ("utf-8", "8bit")],
    "sfr": [("utf-8", "quoted-printable"), ("utf-8", "base64")],
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
                "maire"
                if f == "Maire"
                else f"{ordinal(rank(f), p)} {e(p, 'adjoint', 'adjointe')} au maire"
                if "adjoint" in f
                else e(p, "conseiller municipal", "conseillère municipale")
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
        self.imp_cycle = ["other_first", "mayor_elsewhere", "invented", "former_2022"]
        self.n_imp = 0
        self._former: list[P] | None = None
        self._adjoints: list[P] | None = None
        self._merged: list[P] | None = None
        self.referred: set[str] = set()
        self.to_withdraw: list = []
        self.relance: Mail | None = None
        self.relance_text = ""
        self._consult: list = []
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

    def signer(self, kinds=None, imp: str | None = None, pred=lambda p: True) -> P:
        """An official of one of `kinds`, or an impostor of type `imp` (each shape places its own)."""
        if imp:
            return self.impostor(imp)
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
        if t == "wrong_commune":
            # a real official of commune A claims the same kind of seat in commune B, same département
            # (B a neighbour of the same intercommunality where possible), where the surname sits nowhere
            for _ in range(5000):
                real = self.take(
                    rng.choice(["cm", "mai", "cm"]),
                    lambda p: not p.dep.startswith("97") and p.commune_code != "75056",
                )
                ep = self.epci_of(real.commune_code)
                cands = [c["code"] for c in ep["membres"]] if ep else []
                cands = [
                    c
                    for c in cands
                    if c in COMMUNES
                    and c != real.commune_code
                    and fold(real.nom) not in reg.noms_at.get(c, set())
                ]
                if not cands:
                    continue
                code = cands[rng.randrange(len(cands))]
                fonction = "Maire" if real.kind == "mai" else real.fonction
                return P(
                    "", real.nom, real.prenom, real.sexe, **at(code), fonction=fonction, impostor=t
                )
        if t == "namesake_elsewhere":
            # a real municipal councillor's exact name, claiming a council seat in another département
            for _ in range(5000):
                real = self.take(
                    "cm",
                    lambda p: (
                        not p.dep.startswith("97") and not p.fonction and p.commune_code != "75056"
                    ),
                )
                mine = reg.depts_of[ident(real.nom, real.prenom)]
                for _ in range(200):
                    o = reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))]
                    if (
                        o.dep not in mine
                        and not o.dep.startswith("97")
                        and o.commune_code in COMMUNES
                        and fold(real.nom) not in reg.noms_at.get(o.commune_code, set())
                    ):
                        return P(
                            "", real.nom, real.prenom, real.sexe, **at(o.commune_code), impostor=t
                        )
        if t == "former_adjoint":
            # an adjoint·e of the 2025 councils (Gers, Loire-Atlantique sample) not re-elected in 2026
            if self._adjoints is None:
                self._adjoints = []
                for r in read_rows(HISTORY_CM25):
                    nom, fn, cc = r["Nom de l'élu"], r["Prénom de l'élu"], r["Code de la commune"]
                    f = r["Libellé de la fonction"] or ""
                    if (
                        "adjoint" in f
                        and reg.absent(nom, fn)
                        and cc in COMMUNES
                        and " " not in fn
                        and len(fn) > 2
                        and len(nom) < 22
                        and not (set(fold(nom).split()) & reg.words_at.get((cc, fold(fn)), set()))
                    ):
                        self._adjoints.append(
                            P("", nom, fn, r["Code sexe"], **at(cc), fonction=f, impostor=t)
                        )
            for _ in range(5000):
                p = self._adjoints[rng.randrange(len(self._adjoints))]
                if ident(p.nom, p.prenom) not in self.used:
                    self.used.add(ident(p.nom, p.prenom))
                    return p
        if t == "merged_commune":
            # a 2022 mayor of a commune merged since into a commune nouvelle, holding nothing in 2026
            if self._merged is None:
                self._merged = []
                deleg = {}
                for c in _ALL:
                    if c.get("type") in ("commune-deleguee", "commune-associee"):
                        deleg[c["code"]] = c
                for r in read_rows(HISTORY_MAIRES, "cp1252"):
                    nom, fn, cc = r["Nom de l'élu"], r["Prénom de l'élu"], r["Code de la commune"]
                    c = deleg.get(cc)
                    if c is None or fold(c["nom"]) != fold(r["Libellé de la commune"]):
                        continue
                    now = COMMUNES.get(cc)
                    if now is not None and fold(now["nom"]) == fold(c["nom"]):
                        continue
                    chef = c.get("chefLieu") or cc
                    if (
                        reg.absent(nom, fn)
                        and " " not in fn
                        and len(fn) > 2
                        and not c["departement"].startswith("97")
                        and not (set(fold(nom).split()) & reg.words_at.get((chef, fold(fn)), set()))
                        and not (set(fold(nom).split()) & reg.words_at.get((cc, fold(fn)), set()))
                    ):
                        self._merged.append(
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
                                secteur=chef,
                            )
                        )
            for _ in range(5000):
                p = self._merged[rng.randrange(len(self._merged))]
                if ident(p.nom, p.prenom) not in self.used:
                    self.used.add(ident(p.nom, p.prenom))
                    return p
        raise RuntimeError(t)

    def relative(self, parent: P, sexe: str) -> P:
        """A spouse or child of a real official: same surname, a first name that surname never carries."""
        fn = self.first_for(parent.nom, sexe)
        assert self.reg.absent(parent.nom, fn)
        self.used.add(ident(parent.nom, fn))
        return P(
            "",
            parent.nom,
            fn,
            sexe,
            dep=parent.dep,
            commune_code=parent.commune_code,
            commune=parent.commune,
            tl=parent.tl,
            impostor="relative",
        )

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
        if client in ("orange", "orange_app", "sfr", "laposte", "yahoo") and from_addr.rpartition(
            "@"
        )[2] not in MAILBOXES + ["laposte.net"]:
            client = (
                "zimbra" if sum(map(ord, from_addr)) % 2 else "roundcube"
            )  # a town hall's own webmail
        cs, cte = kw.pop("enc", None) or self.rng.choice(CLIENT_ENC.get(client, ENCODINGS))
        if cte == "7bit-qp":
            cte = "quoted-printable"
        local, _, dom = from_addr.rpartition("@")
        # webmail clients send from their own provider's addresses (chosen by the local part: stable per person)
        if client in PROVIDER and (
            client not in ("gmail", "android_gmail", "outlook_ios") or dom in MAILBOXES
        ):
            doms = PROVIDER[client]
            if dom not in doms:
                dom = doms[sum(map(ord, local)) % len(doms)]
                from_addr = f"{local}@{dom}"
        t = self.clock.tick(lo, hi)
        m = Mail(
            file=f"msg-{self.n:03d}.eml",
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
        me = m.from_addr
        if prev is not None:
            me = prev.to or (ORG_ADDR if prev.from_addr == m.from_addr else m.from_addr)
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

    # ---------------------------------------------------------------- blocks and small helpers of this corpus
    def inst_lines(self, p: P, d: dict) -> list[str]:
        """The institution and its postal address, as a signature block writes them."""
        rng = self.rng
        if p.impostor or p.kind in ("mai", "cm", "mdel"):
            if p.commune_code == "75056":
                return ["Hôtel de Ville", "75004 Paris"]
            pc = postcode(p.commune_code) or postcode(p.secteur)
            town = noacc(p.commune).upper() if rng.random() < 0.5 else p.commune
            return [
                f"Mairie {d['de'].removeprefix('de la commune nouvelle ')}",
                self.street(),
                f"{pc} {town}".strip(),
            ]
        if p.kind == "cd":
            if p.dep == "6AE":
                return [
                    "Collectivité européenne d'Alsace",
                    "Place du Quartier Blanc",
                    "67964 Strasbourg Cedex 9",
                ]
            return [f"Conseil départemental {de_dept(p.dep)}", "Hôtel du Département"]
        if p.kind == "cr":
            return [f"Région {p.region}", "Hôtel de Région"]
        if p.kind == "ma":
            return [coll_name(p.coll)]
        return [f"Mairie {ca_where(p)}"]

    def block(self, p: P, style: int | None = None, name_style: str | None = None) -> str:
        """A signature block: name, mandate with its place, institution, address, phone, sometimes a footer."""
        rng = self.rng
        d = parts(p, rng)
        style = rng.randrange(7) if style is None else style
        name = display(p, name_style or rng.choice(["std", "cased", "cased", "std", "caps"]))
        role = cap1(self.role_de(p, d))
        inst = self.inst_lines(p, d)
        tel = self.phone()
        if style == 0:
            return f"{name}\n{role}"
        if style == 1:
            return f"-- \n{name}\n{role}\n" + "\n".join(inst) + f"\nTél. : {tel}"
        if style == 2:
            return f"{name} | {role} | {tel}"
        if style == 3:
            return (
                f"{name}\n{cap1(d['role'])}\n" + "\n".join(inst) + f"\n{tel} – {self.phone(True)}"
            )
        if style == 4:
            img = f"[cid:image00{rng.randint(1, 3)}.png@01DC{hx(rng, 4, HEXU)}.{hx(rng, 8, HEXU)}]"
            return f"{img}\n\n{name}\n{role}\n" + " – ".join(inst)
        if style == 5:
            return (
                f"{name}\n{role}\n"
                + "\n".join(inst)
                + "\n\nCe message et ses pièces jointes sont confidentiels et destinés exclusivement à leurs "
                "destinataires. Si vous l'avez reçu par erreur, merci de le détruire et d'en avertir l'expéditeur."
            )
        return (
            f"{name}\n{role}\n"
            + "\n".join(inst)
            + "\nSuivez notre actualité sur Facebook et sur PanneauPocket"
        )

    def addr(self, p: P) -> str:
        """A town hall or council address for some officials, a personal mailbox otherwise."""
        if not p.impostor and self.rng.random() < 0.5:
            return official_addr(p, self.rng)
        return addr_of(p, self.rng)

    def lowplace(self, s: str) -> str:
        return (
            noacc(s).lower().replace("-", " ").replace("saint ", "st ").replace("sainte ", "ste ")
        )

    def fwd(
        self, client: str, name: str, addr: str, t: dt.datetime, subj: str, to: str, body: str
    ) -> str:
        """A forwarded message as each client lays it out."""
        w = f"{name} <{addr}>" if name else addr
        d, mon, y, hm = t.day, FR_MON_ABBR[t.month - 1], t.year, f"{t:%H:%M}"
        if client in ("gmail", "android_gmail"):
            return (
                f"---------- Forwarded message ---------\nDe : {w}\nDate: {FR_DAY_ABBR[t.weekday()]} {d} {mon} {y} à {hm}\n"
                f"Subject: {subj}\nTo: {to}\n\n\n{body}"
            )
        if client in ("outlook_desktop", "outlook_mac"):
            return f"De : {w}\nEnvoyé : {fr_long(t)}\nÀ : {to}\nObjet : {subj}\n\n{body}"
        if client == "thunderbird":
            return (
                f"-------- Message transféré --------\nSujet : \t{subj}\nDate : \t{rfc_date(t)}\nDe : \t{w}\n"
                f"Pour : \t{to}\n\n\n\n{body}"
            )
        if client in ("apple", "iphone"):
            return (
                f"Début du message réexpédié :\n\nDe: {w}\nObjet: {subj}\nDate: {d} {FR_MONTHS[t.month - 1]} {y} à {hm}:{t:%S} "
                f"UTC+{int(offset(t)[1:3])}\nÀ: {to}\n\n{body}"
            )
        if client in ("zimbra", "laposte"):
            return (
                f'----- Mail transféré -----\nDe: "{name}" <{addr}>\nÀ: {to}\nEnvoyé: {fr_long(t, cap=True, secs=True)}\n'
                f"Objet: {subj}\n\n{body}"
            )
        if client in ("orange", "orange_app"):
            return f"> Message du {t:%d/%m/%y %H:%M}\n> De : {w}\n> A : {to}\n> Copie à : \n> Objet : {subj}\n>\n{q(body)}"
        if client == "sfr":
            return (
                f"---------- Message d'origine ----------\nDe : {w}\nÀ : {to}\nDate : {d} {FR_MONTHS[t.month - 1]} {y} à {hm}\n"
                f"Objet : {subj}\n\n{body}"
            )
        return (
            f"----- Message transféré -----\nDe : {w}\nÀ : {to}\nEnvoyé : {fr_long(t)}:{t:%S} UTC+{int(offset(t)[1:3])}\n"
            f"Objet : {subj}\n\n{body}"
        )

    def org_prev(self, i: int, subject: str, hours: float) -> Mail:
        """A message of the organisers that is not in this mailbox (quoted by a reply), sent in office hours."""
        t = self.clock.t - dt.timedelta(hours=hours)
        if t.hour < 8 or t.hour >= 21:
            t = (t if t.hour >= 21 else t - dt.timedelta(days=1)).replace(hour=20, minute=t.minute)
        return Mail(
            "",
            "organisers",
            f"{ORGANISERS[i][0]} – {ORG_NAME}",
            ORG_ADDR,
            subject,
            aware(t),
            "<" + hx(self.rng, 32) + f"@{ORG_DOMAIN}>",
        )

    def confirmation(self, p: P) -> str:
        return (
            f"Bonjour,\n\nNous avons bien reçu votre signature :\n{display(p, 'std')}, {mandate(p, self.rng)}\n\n"
            f"Elle sera vérifiée dans le Répertoire national des élus puis publiée le 2 novembre. Merci !\n\n{org_sig(0)}"
        )

    def mention(self, kinds=("mai", "cm", "cd", "cr")) -> P:
        """A real official named in a message without signing."""
        return self.official(kinds)

    def thread_first(self, th: str) -> Mail:
        return next(r["_mail"] for r in self.labels if r["thread"] == th)

    def thread_of(self, m: Mail) -> str:
        return next(r["thread"] for r in self.labels if r["_mail"] is m)

    def signer_mail(
        self,
        m: Mail,
        shape: str,
        p: P,
        text: str,
        prev: Mail | None = None,
        prev_text: str = "",
        html=None,
        thread=None,
    ):
        self.body(m, text, prev, prev_text, html=html)
        self.sign(m, shape, p, thread=thread)
        return m

    # ---------------------------------------------------------------- signing shapes
    def everyday_block(self):
        """The ordinary answer: a line or two, then the signature block (town hall, council, footer)."""
        imps = {
            2: "wrong_commune",
            6: "former_adjoint",
            10: "namesake_elsewhere",
            14: "other_first",
            18: "mayor_elsewhere",
        }
        clients = [
            "outlook_desktop",
            "gmail",
            "orange",
            "thunderbird",
            "zimbra",
            "apple",
            "laposte",
            "sfr",
            "roundcube",
            "outlook_desktop",
            "gmail",
            "yahoo",
            "iphone",
            "orange",
            "outlook_mac",
            "gmail",
            "zimbra",
            "thunderbird",
            "sfr",
            "outlook_desktop",
            "android_gmail",
        ]
        tops = [
            "Bonjour,\n\nJe signe l'appel.\n\nCordialement,",
            "Bonjour,\n\nJe soutiens pleinement cette démarche et vous confirme ma signature.\n\nBien cordialement,",
            "Bonjour,\n\nVous pouvez ajouter mon nom à la liste des signataires. Chez nous le dernier généraliste part à la retraite en décembre et personne ne reprend le cabinet.\n\nBien à vous,",
            "Madame, Monsieur,\n\nJe m'associe à votre appel.\n\nSalutations distinguées,",
            "Bonjour à vous deux,\n\nSignature de l'appel : oui, avec plaisir.\n\nBonne journée,",
            "Bonjour,\n\nJe signe. Notre maison de santé a ouvert en 2024 et ne tient que parce que la commune paie le loyer : le point 3 est essentiel.\n\nCordialement",
            "Bonjour,\n\nmerci pour cette initiative, je signe.\n\nBien cordialement",
            "Bonsoir,\n\nJe signe sans hésiter. Les urgences de notre hôpital de secteur ferment désormais la nuit trois semaines par mois.\n\nAmitiés,",
            "Bonjour,\n\nJ'ai lu l'appel et je le signe.\n\nCdlt",
            "Bonjour,\n\nJe vous confirme mon soutien et ma signature.\n\nRespectueusement,",
            "Bonjour,\n\nBien reçu, je signe l'appel des élu·es.\n\nBien à vous",
            "Bonjour,\n\nJe signe volontiers cet appel. La pharmacie du bourg a fermé en juin, la plus proche est à 18 km.\n\nSalutations",
            "Bonjour\n\nJe signe !\n\nCordialement",
            "Bonjour,\n\nC'est un combat que nous menons depuis des années dans notre bassin de vie : je signe.\n\nBien cordialement,",
            "Bonjour,\n\nJe souhaite signer l'appel.\n\nCordialement,",
            "Bonjour,\n\nSignature pour l'appel, avec mes encouragements.\n\nBonne continuation,",
            "Madame, Monsieur,\n\nJe vous prie de bien vouloir enregistrer ma signature.\n\nCordialement.",
            "Bonjour,\n\nJe signe l'appel et le ferai connaître au prochain conseil.\n\nBien à vous,",
            "Bonjour,\n\nAjoutez ma signature svp.\n\nMerci,",
            "Bonjour,\n\nTout à fait d'accord avec les quatre points. Je signe.\n\nBien cordialement,",
            "Bonjour,\n\nJe signe cet appel.\n\nSalutations républicaines,",
        ]
        subjects = [
            "Signature",
            "RE: " + CALL_SUBJECT,
            "Appel accès aux soins",
            "Signature de l'appel",
            "Re: " + CALL_SUBJECT,
            "Soutien",
            "appel",
            "Re: " + CALL_SUBJECT,
            "Signature appel santé",
            "Appel des élu·es",
            "Re: Appel",
            "Soutien à l'appel",
            "Signature",
            "Appel",
            "Je signe",
            "Re: " + CALL_SUBJECT,
            "Signature appel",
            "Appel soins de proximité",
            "Re: " + CALL_SUBJECT,
            "RE: Appel des élu·es",
            "signature",
        ]
        for k in range(21):
            p = self.signer(
                ("cm", "cm", "mai", "mai", "cd", "cr", "cm", "mdel", "ca", "ma"), imps.get(k)
            )
            client = clients[k]
            name = display(p, "cased") if k % 4 else ""
            m = self.new("everyday_block", client, name, self.addr(p), subjects[k])
            text = f"{tops[k]}\n\n{self.block(p, k % 7)}"
            if subjects[k].lower().startswith("re"):
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "everyday_block", p)

    def thumb_typed(self):
        """Typed on a phone: lowercase, abbreviations, no accents, one-line signatures, the phone's footer."""
        rng = self.rng
        imps = {3: "wrong_commune", 8: "invented"}
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
            "samsung",
        ]
        for k in range(11):
            kinds = [
                ("cm",),
                ("cm", "mai"),
                ("mai", "cm"),
                ("mai", "cm"),
                ("cm",),
                ("mai",),
                ("cd",),
                ("mai", "cm"),
                ("cm",),
                ("cm", "mai"),
                ("cm",),
            ][k]
            p = self.signer(kinds, imps.get(k))
            d = parts(p, rng)
            low = self.lowplace(d["bare"])
            lo = display(p, "lower")
            text = [
                f"je signe\n{lo} cm {low}",
                f"Ok pour moi, je signe. {display(p, 'std')} {d['short']} {d['bare']}",
                f"Bjr, signé ! {display(p, 'cased')}, {d['short']} {low} ({d['dep'] or d['bare']})",
                f"Oui je signe bien sur\n{display(p, 'std')}\n{cap1(d['role'])} {d['de']}",
                f"Je signe 👍 {display(p, 'cased')} {d['short']} {d['bare']} {d['paren']}".rstrip(),
                f"Signé. {display(p, 'cased')} ({d['role']} {d['de']}) - dsl pour le retard",
                f"je signe l appel, {lo}, {d['role']} {noacc(d['de'])}",
                f"Bonjour je signe cet appel {display(p, 'cased')} {d['role']} de {low}",
                f"ok signé\n{display(p, 'inv')}\n{d['short']} {d['bare']}",
                f"Tout a fait d'accord je signe. Bonne soirée. {p.prenom} {p.nom} {d['short']} de {d['bare']}",
                f"jsigne !! {lo} – {d['short']} {low}",
            ][k]
            m = self.new(
                "thumb_typed",
                clients[k],
                display(p, rng.choice(["cased", "std"])) if k % 3 else p.prenom,
                addr_of(p, rng),
                "Re: " + CALL_SUBJECT if k % 4 else "appel",
            )
            if k % 4:
                self.from_call(m, text, html=False)
            else:
                self.body(m, text, html=False)
            self.sign(m, "thumb_typed", p)

    def from_title(self):
        """The mandate only in the sender's display name; the body is a line and a first name or initials."""
        rng = self.rng
        imps = {2: "merged_commune", 5: "former_adjoint"}
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "outlook_desktop",
            "thunderbird",
            "laposte",
            "apple",
        ]
        for k in range(7):
            p = self.signer(("mai", "cm", "mai", "cd", "cm", "cm", "cr"), imps.get(k))
            d = parts(p, rng)
            rd = self.role_de(p, d)
            fname = [
                f"{display(p, 'std')} - {cap1(rd)}",
                f"{display(p, 'inv')} ({cap1(rd)})",
                f"{cap1(rd)} – {display(p, 'cased')}",
                f"{cap1(d['role'])} {d['bare']} – {display(p, 'cased')}",
                f"{display(p, 'std')} | {d['short']} {d['bare']}",
                f"{display(p, 'cased')} - {cap1(d['role'])} Mairie {d['de']}",
                f"{cap1(d['role'])} {d['bare']} - {p.prenom} {nom_case(p.nom)}",
            ][k]
            text = [
                f"Je signe.\n\n{display(p, 'std')}",
                "Bonjour,\nOui, je signe l'appel.\nCordialement",
                f"Signature : oui.\n{initials(p.prenom)} {nom_case(p.nom)}",
                f"Bonjour, je signe l'appel. Bien à vous, {display(p, 'cased')}",
                "+1, je signe",
                "Je signe, bon courage pour la suite !",
                f"Je signe.\n{p.prenom}",
            ][k]
            m = self.new(
                "from_title",
                clients[k],
                fname,
                self.addr(p),
                [
                    "Signature",
                    "RE: " + CALL_SUBJECT,
                    "Appel",
                    "signature",
                    "Re: " + CALL_SUBJECT,
                    "Appel",
                    "Je signe",
                ][k],
            )
            if k in (1, 4):
                self.from_call(m, text, html=False)
            else:
                self.body(m, text)
            self.sign(m, "from_title", p)

    def consult_then_sign(self, part: int):
        """« Je dois consulter mon groupe » / « je signerai peut-être », then, days later, « c'est bon, je signe »."""
        rng = self.rng
        if part == 0:
            imps = {3: "namesake_elsewhere"}
            clients = ["thunderbird", "gmail", "outlook_desktop", "orange", "zimbra"]
            firsts = [
                "Bonjour,\n\nL'appel m'intéresse, mais je dois consulter mon groupe avant de signer : nous siégeons dans l'opposition et nous décidons ensemble de ce genre d'engagement. Je reviens vers vous d'ici la fin du mois.",
                "Bonjour,\n\nJe signerai peut-être. J'attends le bureau municipal de lundi pour en parler avec les adjoints, je ne veux pas engager la commune seul.",
                "Bonjour,\n\nLe texte me convient sur le fond, mais je préfère en parler d'abord à mon conseil (séance du 28 septembre). Je vous redis après.",
                "Bonjour,\n\nJe dois d'abord consulter mon groupe au conseil municipal. À bientôt.",
                "Madame, Monsieur,\n\nAvant de m'engager, je souhaite en discuter avec les élus de notre intercommunalité, qui porte la maison de santé. Je ne manquerai pas de vous tenir informés.",
            ]
            self._consult = []
            for k in range(5):
                p = self.signer(("cd", "mai", "mai", "cm", "mai")[k : k + 1], imps.get(k))
                client = clients[k]
                name = display(p, rng.choice(["std", "cased"]))
                addr = self.addr(p)
                th = f"msg-{self.n + 1:03d}"
                m1 = self.new(
                    "consult_then_sign",
                    client,
                    name,
                    addr,
                    "Re: " + CALL_SUBJECT if k % 2 else "Appel : je reviens vers vous",
                )
                text = f"{firsts[k]}\n\n{self.closing()}\n{self.block(p, rng.choice([0, 1, 3, 6]))}"
                full1 = self.from_call(m1, text) if k % 2 else self.body(m1, text)
                self.label(m1, "consult_then_sign", "other", self.case(p), None, th)
                prev, prev_text = m1, full1
                if k in (1, 3):
                    t2 = "Bonjour,\n\nBien sûr, prenez le temps qu'il faut : les signatures sont ouvertes jusqu'au 15 octobre."
                    prev, prev_text = self.org_mail(m1, full1, t2, "consult_then_sign", th)
                self._consult.append((prev, prev_text, p, name, addr, client, th))
            return
        seconds = [
            "Bonjour,\n\nLe groupe est d'accord : je signe l'appel.\n\n{name}",
            "Le bureau a donné son feu vert, je signe.\n\n{first}",
            "Conseil favorable à l'unanimité hier soir. Je signe donc, comme promis.",
            "C'est bon pour moi, je signe.\n{name}",
            "Bonjour,\n\nSuite à mon message du {date}, je vous confirme ma signature.\n\n{name}\n{role}",
        ]
        for k, (prev, prev_text, p, name, addr, client, th) in enumerate(self._consult):
            d = parts(p, rng)
            t0 = self.thread_first(th).date
            text = seconds[k].format(
                name=name,
                first=p.prenom,
                role=cap1(self.role_de(p, d)),
                date=f"{t0.day} {FR_MONTHS[t0.month - 1]}",
            )
            self.clock.tick(600, 1400)
            m, _ = self.user_reply(prev, prev_text, name, addr, client, text, "consult_then_sign")
            self.sign(m, "consult_then_sign", p, thread=th)

    def family_mailbox(self):
        """A family mailbox or a relative: couples signing together, « pour mon père, maire de X », officials
        writing from the home address. Spouses and children are not elected (impostors `relative`)."""
        rng = self.rng
        # 0: a mayor and spouse sign together
        p = self.official(("mai",), lambda o: not o.dep.startswith("97"))
        sp = self.relative(p, "F" if not p.f else "M")
        d = parts(p, rng)
        m = self.new(
            "family_mailbox",
            "orange",
            f"Famille {nom_case(p.nom)}",
            f"famille.{slug(p.nom).replace('-', '')}@orange.fr",
            "Appel soins de proximité",
        )
        self.body(
            m,
            f"Bonjour,\n\nNous signons tous les deux : {display(p, 'std')}, maire {where_commune(p, rng)}, "
            f"et {e(sp, 'son mari', 'son épouse')} {display(sp, 'std')}.\n\nBonne continuation à vous !",
        )
        self.sign(m, "family_mailbox", p)
        self.sign(m, "family_mailbox", sp)
        # 1: a councillor signs, his wife (a nurse, not elected) too
        p = self.official(
            ("cm",), lambda o: not o.f and not o.dep.startswith("97") and o.commune_code != "75056"
        )
        sp = self.relative(p, "F")
        d = parts(p, rng)
        m = self.new(
            "family_mailbox",
            "gmail",
            f"{p.prenom} et {sp.prenom} {nom_case(p.nom)}",
            f"{slug(p.prenom)}.{slug(sp.prenom)}.{slug(p.nom)}@gmail.com".replace("-", ""),
            "Re: " + CALL_SUBJECT,
        )
        self.from_call(
            m,
            f"Bonjour,\n\nJe signe l'appel : {display(p, 'cased')}, {self.role_de(p, d)}.\n"
            f"Ma femme {sp.prenom} signe aussi, elle est infirmière à domicile depuis vingt ans et voit tous les jours "
            f"ce que vous décrivez.\n\n{p.prenom} et {sp.prenom} {nom_case(p.nom)}",
        )
        self.sign(m, "family_mailbox", p)
        self.sign(m, "family_mailbox", sp)
        # 2: a son signs « pour mon père, maire de X »
        par = self.official(("mai",), lambda o: not o.f and not o.dep.startswith("97"))
        ch = self.relative(par, "M")
        m = self.new(
            "family_mailbox",
            "gmail",
            display(ch, "cased"),
            addr_of(ch, rng),
            "Signature pour mon père",
        )
        self.body(
            m,
            f"Bonjour,\n\nJe signe pour mon père, {display(par, 'std')}, maire {where_commune(par, rng)}, qui n'a pas "
            f"d'adresse mail et qui soutient totalement votre appel.\n\nCordialement,\n{display(ch, 'cased')}",
        )
        self.sign(m, "family_mailbox", ch)
        # 3: a daughter « au nom de ma mère »
        par = self.official(
            ("mai", "cm"),
            lambda o: o.f and not o.dep.startswith("97") and o.commune_code != "75056",
        )
        ch = self.relative(par, "F")
        dp = parts(par, rng)
        m = self.new("family_mailbox", "iphone", display(ch, "std"), addr_of(ch, rng), "Appel")
        self.body(
            m,
            f"Bonjour,\nJe signe au nom de ma mère, {display(par, 'cased')}, {self.role_de(par, dp)}. Elle est d'accord "
            f"avec tout mais n'a pas d'ordinateur 😊\n{ch.prenom} {nom_case(ch.nom)}",
        )
        self.sign(m, "family_mailbox", ch)
        # 4: a spouse, not elected
        par = self.official(
            ("cm",), lambda o: "adjoint" in o.fonction and not o.f and not o.dep.startswith("97")
        )
        sp = self.relative(par, "F")
        dp = parts(par, rng)
        m = self.new(
            "family_mailbox",
            "laposte",
            display(sp, "cased"),
            addr_of(sp, rng, "laposte.net"),
            "signature",
        )
        self.body(
            m,
            f"Bonjour,\n\nJe suis l'épouse {de_person(display(par, 'std'))}, {self.role_de(par, dp)}. Je signe votre appel, "
            f"c'est important pour nous tous.\n\n{display(sp, 'std')}",
        )
        self.sign(m, "family_mailbox", sp)
        # 5-7: officials writing from the home address
        for k in range(3):
            p = self.official(
                ("cm", "mai", "cm")[k : k + 1],
                lambda o: not o.dep.startswith("97") and o.commune_code != "75056",
            )
            d = parts(p, rng)
            box = [
                f"les{slug(p.nom)}@wanadoo.fr".replace("-", ""),
                f"famille.{slug(p.nom)}@free.fr".replace("-", ""),
                f"{slug(p.nom)}.maison@sfr.fr".replace("-", ""),
            ][k]
            fname = [
                f"Les {nom_case(p.nom)}",
                f"Famille {nom_case(p.nom)}",
                f"{nom_case(p.nom)} {p.prenom} et {self.first_for(p.nom, 'F' if not p.f else 'M')}",
            ][k]
            text = [
                f"Bonjour,\n\nJe signe : {display(p, 'std')}, {self.role_de(p, d)}. (J'écris depuis l'adresse familiale.)\n\nBien à vous",
                f"Bonjour,\n\nC'est bien moi, {display(p, 'cased')}, maire {where_commune(p, rng)}, qui écris depuis la boîte de la maison. "
                f"Je signe l'appel.\n\n{e(p, 'Mon épouse', 'Mon mari')} se joint à moi par la pensée, mais n'est pas {e(p, 'élue', 'élu')} !",
                f"Je signe : {display(p, 'cased')}, {self.role_de(p, d)}.\nMon {e(p, 'épouse', 'mari')} n'est pas {e(p, 'élue', 'élu')}, "
                f"{e(p, 'elle', 'il')} ne signe donc pas, mais {e(p, 'elle', 'il')} vous soutient.",
            ][k]
            m = self.new(
                "family_mailbox",
                ["orange", "zimbra", "sfr"][k],
                fname,
                box,
                ["Signature", "Re: " + CALL_SUBJECT, "appel"][k],
            )
            if k == 1:
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "family_mailbox", p)

    def colleague_named(self):
        """The writer signs and names colleagues, with their mandates, who did not write (not signers)."""
        rng = self.rng
        imps = {1: "mayor_elsewhere", 6: "wrong_commune"}
        clients = [
            "outlook_desktop",
            "gmail",
            "thunderbird",
            "apple",
            "zimbra",
            "orange",
            "laposte",
            "roundcube",
            "outlook_desktop",
        ]
        for k in range(9):
            kinds = ("mai",) if k in (0, 3, 4, 7) else ("cm", "mai")
            p = self.signer(
                kinds,
                imps.get(k),
                lambda o: (
                    o.commune_code != "75056"
                    and not o.dep.startswith("97")
                    and len([x for x in self.reg.by_commune[o.commune_code] if x.kind == "cm"]) > 8
                ),
            )
            d = parts(p, rng)
            rd = self.role_de(p, d)
            code = p.commune_code
            try:
                c = self.colleague(
                    code, lambda o, p=p: ident(o.nom, o.prenom) != ident(p.nom, p.prenom)
                )
            except ValueError:
                c = self.mention(("mai",))
            dc = parts(c, rng)
            blk = self.block(p, rng.choice([0, 1, 3, 4, 6]))
            if k == 0:
                c = (
                    self.colleague(code, lambda o: "adjoint" in o.fonction)
                    if any(
                        "adjoint" in x.fonction and self.ok(x) for x in self.reg.by_commune[code]
                    )
                    else c
                )
                dc = parts(c, rng)
                text = (
                    f"Bonjour,\n\nJe signe l'appel. {e(c, 'Mon adjoint', 'Mon adjointe')} {display(c, 'std')} ({dc['role']}) "
                    f"le signera aussi de son côté, {e(c, 'il', 'elle')} vous écrira.\n\n{blk}"
                )
            elif k == 1:
                o = self.mention(("mai",))
                text = (
                    f"Je signe, et je transfère à {display(o, 'std')}, maire {where_commune(o, rng)}, qui sera sûrement "
                    f"{e(o, 'partant', 'partante')} : {e(o, 'il', 'elle')} a créé un centre de santé municipal l'an dernier.\n\n{blk}"
                )
            elif k == 2:
                text = (
                    f"Bonjour,\n\nJe signe. Nous en avons parlé hier en commission avec {display(c, 'cased')}, {dc['role']}, "
                    f"qui partage entièrement votre constat ; je {e(c, 'le', 'la')} laisse vous répondre {e(c, 'lui', 'elle')}-même.\n\n{blk}"
                )
            elif k == 3:
                o = self.mention(("mai",))
                text = (
                    f"Bonjour, oui je signe ! Pensez aussi à contacter {display(o, 'cased')}, maire {where_commune(o, rng, True)}, "
                    f"qui se bat depuis des années pour garder sa pharmacie.\n\n{blk}"
                )
            elif k == 4:
                text = (
                    f"Je signe l'appel.\n\nPour info, {display(c, 'std')}, {dc['role']} {dc['de']}, m'a dit qu'{e(c, 'il', 'elle')} "
                    f"signerait, mais {e(c, 'il', 'elle')} est en déplacement toute la semaine.\n\n{blk}"
                )
            elif k == 5:
                c2 = self.colleague(
                    code, lambda o, c=c: ident(o.nom, o.prenom) != ident(c.nom, c.prenom)
                )
                text = (
                    f"Bonjour,\n\nVoici ma signature : {display(p, 'std')}, {rd}.\nJ'ai fait suivre l'appel à tout le conseil "
                    f"municipal ; {display(c, 'cased')} ({dc['role']}) et {display(c2, 'cased')} ({parts(c2, rng)['role']}) "
                    f"devraient suivre.\n\n{self.closing()}"
                )
            elif k == 6:
                text = f"Bonjour, je signe. {display(c, 'std')} ({dc['role']}) aussi je pense, je lui en reparle au conseil de jeudi.\n\n{blk}"
            elif k == 7:
                cd_deps = {x.dep for x in self.reg.pool["cd"]}
                o = self.official(
                    ("cd",),
                    (lambda x, p=p: x.dep == p.dep) if p.dep in cd_deps else (lambda x: True),
                )
                text = (
                    f"Je signe. Notre {e(o, 'conseiller départemental', 'conseillère départementale')}, {display(o, 'cased')}, "
                    f"que j'ai {e(o, 'eu', 'eue')} au téléphone, est {e(o, 'favorable', 'favorable')} {e(o, 'lui', 'elle')} aussi — "
                    f"à {e(o, 'lui', 'elle')} de vous le dire !\n\n{blk}"
                )
            else:
                text = (
                    f"Bonjour,\n\nSignature : {display(p, 'cased')}, {rd}.\nJe mets en copie {display(c, 'std')}, {dc['role']} {dc['de']}, "
                    f"qui voudra peut-être signer {e(c, 'lui', 'elle')} aussi.\n\nCordialement"
                )
            m = self.new(
                "colleague_named",
                clients[k],
                display(p, "cased"),
                self.addr(p),
                [
                    "Signature",
                    "Re: " + CALL_SUBJECT,
                    "Appel",
                    "Signature + collègues",
                    "RE: appel",
                    "Appel santé",
                    "Je signe",
                    "Appel",
                    "Signature de l'appel",
                ][k],
            )
            if k == 8:
                m.cc = f"{display(c, 'cased')} <{addr_of(c, rng)}>"
            if m.subject.lower().startswith("re"):
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "colleague_named", p)

    def forwarded_chain(self):
        """The call forwarded by a colleague (« je l'ai signé, fais-en autant ») and forwarded again to the
        organisers with « je signe aussi »: the colleague, named with a mandate, did not write here."""
        rng = self.rng
        imps = {2: "former_2022", 6: "other_first"}
        clients = [
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "apple",
            "zimbra",
            "orange",
            "sfr",
            "yahoo",
        ]
        col_texts = [
            "Bonjour à tous,\n\nJe vous transfère cet appel, que j'ai signé ce matin. Il me semble important que les maires du canton se mobilisent.\n\n{blk}",
            "Salut,\n\nTu as vu passer ça ? Je l'ai signé. Si tu peux faire pareil...\n\nAmitiés,\n{blk}",
            "Chers collègues,\n\nPour information, l'appel ci-dessous circule. Je ne sais pas encore si je le signe (le point 2 me gêne), qu'en pensez-vous ?\n\n{blk}",
            "Bonsoir,\n\nÀ faire circuler au maximum ! J'ai signé.\n\n{blk}",
            "Bonjour,\n\nJe vous transmets l'appel reçu hier, pour ceux qui voudraient signer à titre personnel.\n\nBien à vous,\n{blk}",
            "Coucou, je te fais suivre. J'ai signé, évidemment !\n{blk}",
            "Bonjour à toutes et à tous,\n\nComme évoqué en réunion de bureau, voici l'appel. Chacun est libre de signer ou non.\n\n{blk}",
            "Je transfère. Signé pour ma part.\n{blk}",
        ]
        tops = [
            "Bonjour,\n\nJe signe aussi !\n\n{blk}",
            "Bonjour,\n\nTransmis par un collègue : je m'associe à l'appel et le signe.\n\n{blk}",
            "Bonjour,\n\nMoi je signe, sans réserve.\n\n{blk}",
            "Je signe à mon tour.\n{blk}",
            "Bonjour,\n\nJe souhaite signer l'appel ci-dessous.\n\n{blk}",
            "Bonjour, je signe moi aussi. {one}",
            "Bonjour,\n\nSuite au transfert ci-dessous, je vous confirme ma signature.\n\n{blk}",
            "Je signe.\n\n{blk}",
        ]
        for k in range(8):
            p = self.signer(
                ("mai", "cm", "cm", "mai", "cd", "cm", "mai", "cm")[k : k + 1], imps.get(k)
            )
            d = parts(p, rng)
            o = self.mention(("mai", "cd", "mai", "cm", "cd", "mai", "mai", "cr")[k : k + 1])
            client = clients[k]
            addr = self.addr(p)
            t_col = aware(self.clock.t - dt.timedelta(hours=rng.randint(3, 30)))
            t_call = CALL_DATE
            o_addr = self.addr(o)
            call_fwd = self.fwd(
                "gmail", ORG_NAME, ORG_LIST, t_call, CALL_SUBJECT, "undisclosed-recipients:;", CALL
            )
            col_body = (
                col_texts[k].format(blk=self.block(o, rng.choice([0, 1, 3, 6]))) + "\n\n" + call_fwd
            )
            chain = self.fwd(
                client,
                display(o, "cased"),
                o_addr,
                t_col,
                "TR: " + CALL_SUBJECT,
                display(p, "cased") + f" <{addr}>",
                col_body,
            )
            top = tops[k].format(
                blk=self.block(p, rng.choice([0, 1, 2, 3])),
                one=f"{display(p, 'std')}, {self.role_de(p, d)}",
            )
            m = self.new(
                "forwarded_chain",
                client,
                display(p, "cased"),
                addr,
                ("TR: " if client.startswith("outlook") else "Fwd: ") + "TR: " + CALL_SUBJECT,
            )
            if client in SMART_QUOTES:
                top = top.replace("'", "’")
            sep = (
                "\n\n"
                if client not in ("outlook_desktop", "outlook_mac")
                else "\n\n________________________________\n"
            )
            foot = FOOTERS.get(client)
            m.text = top + (f"\n\n{foot}" if foot else "") + sep + chain + "\n"
            self.sign(m, "forwarded_chain", p)

    def relance_reply(self):
        """Replies to the organisers' reminder, which lists the first signers: only the writer signs."""
        rng = self.rng
        imps = {3: "merged_commune", 6: "namesake_elsewhere"}
        clients = [
            "outlook_desktop",
            "gmail",
            "laposte",
            "apple",
            "thunderbird",
            "zimbra",
            "orange",
        ]
        for k in range(7):
            p = self.signer(("cm", "mai", "cm", "mai", "cd", "cm", "cr")[k : k + 1], imps.get(k))
            d = parts(p, rng)
            blk = self.block(p, rng.choice([0, 1, 3, 5]))
            text = [
                f"Je signe.\n\n{blk}",
                f"Bonjour,\n\nDésolée pour le retard, je signe bien volontiers.\n\n{blk}"
                if p.f
                else f"Bonjour,\n\nDésolé pour le retard, je signe bien volontiers.\n\n{blk}",
                f"Ajoutez-moi à la liste : {display(p, 'std')}, {self.role_de(p, d)}.",
                f"Bonjour,\n\nJe n'avais pas vu passer le premier message. Je signe.\n\n{blk}",
                f"Oui !\n\n{blk}",
                f"Bonjour, je vois que des collègues ont déjà signé, je les rejoins : {display(p, 'cased')}, {self.role_de(p, d)}.\nCordialement",
                f"Signature : {display(p, 'inv')}, {self.role_de(p, d)}\nMerci pour la relance.",
            ][k]
            m, _ = self.user_reply(
                self.relance,
                self.relance_text,
                display(p, "cased"),
                self.addr(p),
                clients[k],
                text,
                "relance_reply",
            )
            m.to = ORG_ADDR
            self.sign(m, "relance_reply", p)

    def html_sig_table(self):
        """A signature laid out in an HTML table (logo, name, mandate, address); the text part as the client flattens it."""
        rng = self.rng
        imps = {1: "other_first", 4: "mayor_elsewhere"}
        clients = [
            "outlook_desktop",
            "gmail",
            "apple",
            "thunderbird",
            "zimbra",
            "outlook_desktop",
            "gmail",
        ]
        tops = [
            "Bonjour,\n\nJe signe l'appel pour l'accès aux soins de proximité.\n\nBien cordialement,",
            "Bonjour,\n\nJe signe.\n\nCordialement,",
            "Madame, Monsieur,\n\nJe vous confirme ma signature.\n\nBien à vous,",
            "Bonjour,\n\nMa signature pour l'appel ci-dessous.",
            "Bonjour,\n\nJe m'associe à l'appel et vous autorise à publier mon nom.\n\nCordialement,",
            "Bonjour,\n\nJe signe cet appel avec conviction.\n\nBien cordialement,",
            "Bonjour, je signe !",
        ]
        colours = ["#1f6f8b", "#8b1f3a", "#2e7d32", "#003366", "#6a1b9a", "#c75b12", "#37474f"]
        for k in range(7):
            p = self.signer(("mai", "cm", "cd", "cm", "cm", "cr", "mai")[k : k + 1], imps.get(k))
            d = parts(p, rng)
            inst = self.inst_lines(p, d)
            name = f"{p.prenom} {p.nom}" if k % 2 == 0 else f"{p.prenom} {nom_case(p.nom)}"
            role = cap1(d["role"])
            tel = self.phone()
            cid = f"image00{k + 1}.png@01DC{hx(rng, 4, HEXU)}.{hx(rng, 8, HEXU)}"
            logo = esc(f"Logo {inst[0]}")
            col = colours[k]
            cells = "<br>\n".join(esc(x) for x in inst[1:])
            table = (
                f'<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:10pt">'
                f'<tr><td style="padding-right:12px;border-right:2px solid {col};vertical-align:top"><img src="cid:{cid}" alt="{logo}" width="84" height="84"></td>'
                f'<td style="padding-left:12px;vertical-align:top"><span style="font-size:12pt;color:{col}"><b>{esc(name)}</b></span><br>\n'
                f'<span style="color:#555555">{esc(role)}</span><br>\n<span style="color:#555555">{esc(inst[0])}</span><br>\n'
                f"{cells}{'<br>' if cells else ''}\n<span>Tél. {tel}</span></td></tr></table>\n"
            )
            client = clients[k]
            top = tops[k].replace("'", "’") if client in SMART_QUOTES else tops[k]
            m = self.new(
                "html_sig_table",
                client,
                display(p, "cased"),
                self.addr(p),
                [
                    "Signature",
                    "Re: " + CALL_SUBJECT,
                    "Appel",
                    "Signature",
                    "Appel des élu·es",
                    "Signature appel",
                    "Re: Appel",
                ][k],
            )
            if client == "outlook_desktop":
                flat = (
                    f"[cid:{cid}]\n\n{name}\n\n{role}\n\n" + "\n\n".join(inst) + f"\n\nTél. {tel}"
                )
                html_table = table.replace("<td", '<td class="MsoNormal"')
            elif client in ("gmail", "thunderbird"):
                flat = (
                    "-- \n"
                    + f"[image: {html_unescape(logo)}]\n{name}\n{role}\n"
                    + "\n".join(inst)
                    + f"\nTél. {tel}"
                    if client == "gmail"
                    else (f"-- \n{name}\n{role}\n" + "\n".join(inst) + f"\nTél. {tel}")
                )
                html_table = table
            else:
                flat = (
                    f"{html_unescape(logo)}\t{name}\n\t{role}\n\t"
                    + "\n\t".join(inst)
                    + f"\n\tTél. {tel}"
                )
                html_table = table
            footer = FOOTERS.get(client)
            m.text = f"{top}\n\n{flat}\n" + (f"\n{footer}\n" if footer else "")
            m.html = html_doc(client, top, html_table)
            self.sign(m, "html_sig_table", p)

    def formal_letter(self):
        """A letter: « Objet : », the body, « Fait à X, le … », then the title and the name."""
        rng = self.rng
        imps = {1: "merged_commune", 5: "former_2022"}
        clients = [
            "outlook_desktop",
            "laposte",
            "zimbra",
            "thunderbird",
            "outlook_desktop",
            "orange",
            "roundcube",
        ]
        paras = [
            "Notre commune voit partir ses médecins sans qu'aucun ne les remplace ; la maison de santé que nous avons construite reste à moitié vide.",
            "Les habitants de notre territoire doivent parcourir plus de quarante minutes pour rejoindre un service d'urgences ouvert la nuit.",
            "La fermeture de notre pharmacie, l'an dernier, a laissé sans solution de nombreuses personnes âgées.",
            "Le département finance déjà des centres de santé ; il est temps que l'État prenne sa part de façon pérenne.",
            "Les délais d'attente pour un rendez-vous de spécialiste atteignent plusieurs mois dans notre bassin de vie.",
            "La Région accompagne les maisons de santé, mais aucune collectivité ne peut seule remplacer une politique nationale.",
            "Les professionnels de santé de notre secteur nous alertent depuis des années.",
        ]
        for k in range(7):
            p = self.signer(("mai", "mai", "cm", "cd", "mai", "mai", "cr")[k : k + 1], imps.get(k))
            d = parts(p, rng)
            rd = self.role_de(p, d)
            t = self.clock.t
            if p.impostor or p.kind in ("mai", "cm", "mdel"):
                where = p.commune
            elif p.kind == "cd":
                where = "l'Hôtel du Département"
            else:
                where = "l'Hôtel de Région"
            fait = f"Fait à {where}, le {t.day} {FR_MONTHS[t.month - 1]} {t.year}"
            title = {
                "maire": e(p, "Le Maire", "La Maire"),
            }.get(d["role"], cap1(d["role"]))
            title_de = f"{title} {d['de']}," if k % 2 else f"{title},"
            sign_name = [
                display(p, "std"),
                display(p, "inv"),
                display(p, "cased"),
                display(p, "std"),
                display(p, "caps"),
                display(p, "cased"),
                display(p, "std"),
            ][k]
            body = (
                f"Objet : {CALL_TITLE}\n{'Réf. : votre courriel du 14 septembre 2027' if k % 3 == 0 else ''}\n\n"
                f"Madame, Monsieur,\n\nPar la présente, je vous fais part de mon soutien à l'{CALL_TITLE[0].lower()}{CALL_TITLE[1:]}, "
                f"que je signe en qualité de {rd}.\n\n{paras[k]}\n\nJe vous prie d'agréer, Madame, Monsieur, l'expression de "
                f"{rng.choice(['mes salutations distinguées', 'ma considération distinguée', 'mes sentiments les meilleurs'])}.\n\n"
                f"{fait}\n\n{title_de}\n\n{sign_name}"
            ).replace("\n\n\n", "\n\n")
            if k == 2:
                body = body.replace("que je signe en qualité de " + rd, "que je signe")
            m = self.new(
                "formal_letter",
                clients[k],
                display(p, "cased"),
                self.addr(p),
                [
                    f"Objet : {CALL_TITLE}",
                    "Courrier de soutien",
                    "Appel - courrier",
                    "Soutien à l'appel",
                    "Lettre de soutien",
                    "appel",
                    "Courrier",
                ][k],
            )
            self.body(m, body)
            self.sign(m, "formal_letter", p)

    def meeting_recap(self):
        """« Suite à la réunion où X, mandat, a présenté l'appel, je signe »: only the writer signs."""
        rng = self.rng
        imps = {2: "former_adjoint"}
        clients = ["gmail", "outlook_desktop", "apple", "zimbra", "thunderbird", "laposte"]
        for k in range(6):
            p = self.signer(
                ("mai", "cm", "mai", "cm", "mai", "cd")[k : k + 1],
                imps.get(k),
                lambda o: not o.dep.startswith("97") and o.commune_code != "75056",
            )
            d = parts(p, rng)
            cd_deps = {x.dep for x in self.reg.pool["cd"]}
            o = self.official(
                ("cd",), (lambda x, p=p: x.dep == p.dep) if p.dep in cd_deps else (lambda x: True)
            )
            do = parts(o, rng)
            o2 = self.mention(("mai",))
            blk = self.block(p, rng.choice([0, 1, 3, 6]))
            dn = dept_name(p.dep) if p.dep in DEPTS else "département"
            text = [
                f"Bonjour,\n\nComme annoncé samedi à l'assemblée générale des maires {de_dept(p.dep) if p.dep in DEPTS else ''}, où "
                f"{display(o, 'std')}, {do['role']} {do['de']}, a présenté votre appel, je le signe.\n\n{blk}",
                f"Bonjour,\n\nSuite à notre échange au salon des maires et des collectivités, je vous confirme ma signature.\n"
                f"J'y ai croisé {display(o2, 'cased')}, maire {where_commune(o2, rng, True)}, qui m'a dit y réfléchir.\n\n{blk}",
                f"Bonjour Madame {nom_case(ORGANISERS[0][1])},\n\nMerci pour votre intervention au conseil communautaire jeudi. "
                f"Comme promis, je signe : {display(p, 'std')}, {self.role_de(p, d)}.\n\nBien à vous",
                f"Bonjour,\n\nSuite à la réunion publique de mardi à la salle des fêtes, en présence {de_person(display(o, 'cased'))} "
                f"({do['role']} {do['de']}) et d'une quarantaine d'habitants, je confirme ma signature.\n\n{blk}",
                f"Bonjour,\n\nLors de la visioconférence de l'ARS sur le zonage médical ({dn}), {display(o2, 'std')}, maire "
                f"{where_commune(o2, rng)}, nous a parlé de votre appel. Je le signe.\n\n{blk}",
                f"Bonjour,\n\nSuite à la session de lundi et aux échanges avec {display(o, 'cased')}, {do['role']}, je vous confirme "
                f"que je signe l'appel à titre personnel.\n\n{blk}",
            ][k]
            m = self.new(
                "meeting_recap",
                clients[k],
                display(p, "cased"),
                self.addr(p),
                [
                    "Suite AG des maires",
                    "Salon des maires – signature",
                    "Suite conseil communautaire",
                    "Réunion publique de mardi",
                    "Suite visio ARS",
                    "Appel",
                ][k],
            )
            self.body(m, text)
            self.sign(m, "meeting_recap", p)

    def bare_block(self):
        """A reply to the call holding only a signature block, no word of its own."""
        rng = self.rng
        imps = {4: "wrong_commune"}
        clients = [
            "outlook_desktop",
            "thunderbird",
            "gmail",
            "iphone",
            "zimbra",
            "roundcube",
            "sfr",
        ]
        for k in range(7):
            p = self.signer(("mai", "cm", "cm", "mai", "cm", "cd", "cm")[k : k + 1], imps.get(k))
            d = parts(p, rng)
            text = [
                self.block(p, 0, "std"),
                f"-- \n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
                f"{display(p, 'inv')}\n{cap1(d['role'])}\n" + "\n".join(self.inst_lines(p, d)),
                f"{display(p, 'std')}, {self.role_de(p, d)}",
                f"{display(p, 'cased')}\n{cap1(d['role'])}\n{d['bare_d']}",
                self.block(p, 3, "cased"),
                f"{display(p, 'caps')}\n{cap1(self.role_de(p, d))}\n{self.phone(True)}",
            ][k]
            m = self.new(
                "bare_block",
                clients[k],
                display(p, "cased") if k != 3 else "",
                self.addr(p),
                self.reply_subject(clients[k], CALL_SUBJECT),
            )
            self.from_call(m, text)
            self.sign(m, "bare_block", p)

    def postscript(self):
        """A message about something else; the signature comes in a P.S."""
        rng = self.rng
        imps = {2: "invented"}
        clients = ["gmail", "outlook_desktop", "apple", "orange", "thunderbird"]
        for k in range(5):
            p = self.signer(("mai", "cm", "cm", "cd", "mai")[k : k + 1], imps.get(k))
            d = parts(p, rng)
            blk = self.block(p, rng.choice([0, 1, 3]))
            text = [
                f"Bonjour,\n\nPourriez-vous m'envoyer les visuels de l'appel ? Nous voudrions le relayer dans le bulletin municipal d'octobre.\n\n"
                f"Merci,\n{blk}\n\nP.S. : et bien sûr, je signe !",
                f"Bonjour,\n\nLa réunion publique du 9 octobre aura-t-elle lieu en salle ou en visio ? Plusieurs élus de notre secteur "
                f"voudraient y assister.\n\n{blk}\n\nP.-S. J'en profite : je signe l'appel.",
                f"Bonjour,\n\nUne question pratique : la liste des signataires sera-t-elle classée par département ?\n\n"
                f"PS : je signe, {display(p, 'std')}, {self.role_de(p, d)}",
                f"Bonjour,\n\nJe vous signale une coquille dans le point 3 (« pérenne » est écrit deux fois dans la version PDF).\n\n{blk}\n\n"
                f"PS j'oubliais : je signe.",
                f"Bonjour,\n\nAvez-vous prévu un modèle de motion pour les conseils municipaux ? Je la proposerais au prochain conseil.\n\n"
                f"{blk}\n\nNB : vous pouvez compter ma signature.",
            ][k]
            m = self.new(
                "postscript",
                clients[k],
                display(p, "cased"),
                self.addr(p),
                [
                    "Visuels de l'appel ?",
                    "Réunion du 9 octobre",
                    "Question liste",
                    "Coquille point 3",
                    "Modèle de motion ?",
                ][k],
            )
            self.body(m, text)
            self.sign(m, "postscript", p)

    # ---------------------------------------------------------------- non-signing messages
    def question(self, part: int):
        """Questions, hesitations and conditional support, each with a signature block naming a real official."""
        rng = self.rng
        items = [
            (
                "question",
                "Centres de santé départementaux",
                "Bonjour,\n\nL'appel vise-t-il aussi les centres de santé départementaux ? Nous en avons ouvert six et je voudrais savoir si le point 3 les couvre avant de m'engager.",
                ("cd",),
            ),
            (
                "question",
                "Signature en tant que conseiller communautaire ?",
                "Bonjour,\n\nPuis-je signer en tant que vice-président de la communauté de communes chargé de la santé, plutôt que comme maire ? Je ne sais pas ce que vous vérifiez.",
                ("mai",),
            ),
            (
                "question",
                "Publication",
                "Bonjour,\n\nLa liste des signataires sera-t-elle publiée avec la commune et le mandat ? J'ai besoin de le savoir avant de signer.",
                ("cm",),
            ),
            (
                "other",
                "Point 2",
                "Bonjour,\n\nJe signerai peut-être, mais je dois consulter mon groupe : la régulation de l'installation ne fait pas l'unanimité chez nous. Je vous redis.",
                ("cr",),
            ),
            (
                "question",
                "Modèle de délibération ?",
                "Bonjour,\n\nAvez-vous un modèle de délibération ? Le conseil municipal préférerait voter une motion plutôt que de laisser chaque élu signer.",
                ("mai",),
            ),
            (
                "other",
                "Appel – conditions",
                "Bonjour,\n\nJe signerais volontiers si le point 2 était retiré : la coercition à l'installation fera fuir les jeunes médecins. En l'état, je ne peux pas.",
                ("mai",),
            ),
            (
                "question",
                "Qui porte l'appel ?",
                "Bonjour,\n\nQui est derrière le « Collectif Soins de proximité » ? Êtes-vous liés à un parti ou à un syndicat de médecins ?",
                ("cm",),
            ),
            (
                "question",
                "date limite ?",
                "Bonjour, quelle est la date limite ? Je n'ai plus le message d'origine.",
                ("cm",),
            ),
            (
                "other",
                "Re: " + CALL_SUBJECT,
                "Bonjour,\n\nJe dois en parler au bureau municipal mardi prochain. Je reviendrai peut-être vers vous ensuite, rien n'est sûr.",
                ("mai",),
            ),
            (
                "question",
                "Pharmacies",
                "Bonjour,\n\nLe point 4 parle de « bourg-centre » : une commune de 900 habitants sans pharmacie depuis 2019 est-elle concernée ?",
                ("mai",),
            ),
            (
                "other",
                "Réserve",
                "Bonjour,\n\nD'accord sur tout sauf le 1) : trente minutes, c'est irréaliste en montagne, personne ne pourra le tenir. Si vous écrivez « un délai raisonnable », je signe.",
                ("mai",),
            ),
            (
                "question",
                "Signature collective du CCAS",
                "Bonjour,\n\nLe CCAS peut-il signer en tant que tel ? Ou faut-il que chaque administrateur élu signe séparément ?",
                ("cm",),
            ),
            (
                "other",
                "Appel : pas tout de suite",
                "Bonjour,\n\nJe ne suis pas sûre de signer maintenant : je préfère attendre l'avis de l'association des maires ruraux, qui se réunit le 8 octobre.",
                ("cm",),
            ),
            (
                "other",
                "Re: appel",
                "Bonjour,\n\nJe signerai si l'association des maires du département s'y associe officiellement. Tenez-moi au courant.",
                ("mai",),
            ),
        ]
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "thunderbird",
            "laposte",
            "orange",
            "apple",
            "iphone",
            "outlook_desktop",
            "sfr",
            "gmail",
            "roundcube",
            "yahoo",
            "zimbra",
        ]
        rng_k = range(0, 7) if part == 0 else range(7, 14)
        for k in rng_k:
            intent, subj, txt, kinds = items[k]
            p = self.mention(kinds)
            if k == 12 and not p.f:
                txt = txt.replace("sûre", "sûr")
            if k == 1 and p.f:
                txt = txt.replace("vice-président", "vice-présidente")
            m = self.new("question", clients[k], display(p, "cased"), self.addr(p), subj)
            text = f"{txt}\n\n{self.closing()}\n{self.block(p, rng.choice([0, 1, 3, 4, 5]))}"
            full = self.from_call(m, text) if subj.startswith("Re:") else self.body(m, text)
            self.label(m, "question", intent, "nonsigning")
            if k in (2, 9):  # the organisers answer, quoting the question
                ans = [
                    "Bonjour,\n\nOui : nom, prénom, mandat et collectivité seront publiés, rien d'autre (ni adresse ni courriel).",
                    "Bonjour,\n\nOui, bien sûr : toutes les communes sans pharmacie sont concernées par le point 4, quelle que soit leur taille.",
                ][0 if k == 2 else 1]
                m2, _ = self.org_mail(m, full, ans, "org_call", m.file[:-4])

    def thanks(self):
        rng = self.rng
        one = self.pick_one()
        # 0-3: thanks for the organisers' confirmation (refers_to)
        for k in range(4):
            src, p, addr = one.pop()
            prev = self.org_prev(k % 2, "Votre signature est enregistrée", rng.randint(5, 40))
            client = src.client if src.client not in ("organisers", "plain") else "gmail"
            m = self.new(
                "thanks",
                client,
                src.from_name or display(p, "cased"),
                addr,
                self.reply_subject(client, prev.subject),
            )
            text = [
                "Merci à vous, et bon courage pour la suite !",
                "Parfait, merci. Je fais suivre à mes collègues du canton.",
                f"Merci pour la confirmation.\n\n{display(p, 'cased')}",
                "Bien reçu, merci. Tenez-nous informés de la publication.",
            ][k]
            self.body(m, text, prev, self.confirmation(p), html=False)
            self.label(m, "thanks", "thanks", "nonsigning", refers_to=src.file)
        # 4-5: thanks for an invitation / the press kit
        for k in range(2):
            p = self.mention(("cm", "mai", "cd"))
            m = self.new(
                "thanks",
                ["roundcube", "yahoo"][k],
                display(p, "cased"),
                self.addr(p),
                ["Merci pour l'invitation", "Dossier de presse"][k],
            )
            self.body(
                m,
                [
                    "Bonjour,\n\nMerci pour l'invitation à la réunion publique du 9 octobre, je transmets à l'équipe municipale.",
                    "Bonjour,\n\nMerci pour le dossier de presse, très utile pour notre bulletin.",
                ][k]
                + f"\n\n{self.block(p, 0)}",
            )
            self.label(m, "thanks", "thanks", "nonsigning")
        # 6-9: polite refusals
        refus = [
            "Bonjour,\n\nMerci pour votre envoi. Par principe, je ne signe pas de pétitions en tant que maire : je représente tous les habitants, quelles que soient leurs opinions.",
            "Bonjour,\n\nJe partage le constat, mais notre conseil municipal a déjà délibéré en faveur d'une autre démarche, portée par le Département. Je ne signerai donc pas.",
            "Bonjour,\n\nÉtant moi-même médecin généraliste, je ne me sens pas libre de signer un texte qui demande la régulation de l'installation. Merci de votre compréhension.",
            "Bonjour,\n\nJe ne signerai pas cet appel, mais je vous souhaite bonne chance. Cordialement",
        ]
        for k in range(4):
            p = self.mention(("mai", "mai", "cm", "cr")[k : k + 1])
            client = ["outlook_desktop", "gmail", "apple", "zimbra"][k]
            m = self.new(
                "thanks",
                client,
                display(p, "cased"),
                self.addr(p),
                self.reply_subject(client, CALL_SUBJECT),
            )
            self.from_call(m, f"{refus[k]}\n\n{self.block(p, rng.choice([0, 1, 3]))}")
            self.label(m, "thanks", "other", "nonsigning")
        # 10-11: a mayor recommending a colleague
        for k in range(2):
            p = self.mention(("mai",))
            o = self.mention(("mai", "cd")[k : k + 1])
            do = parts(o, rng)
            text = [
                f"Bonjour,\n\nJe ne suis plus en charge de la santé au sein de notre intercommunalité. Je vous suggère de contacter "
                f"{display(o, 'std')}, {do['role']} {do['de']}, qui suit ces questions de près et sera sûrement {e(o, 'intéressé', 'intéressée')}.",
                f"Bonjour,\n\nVous devriez écrire à {display(o, 'cased')}, {do['role']} {do['de']}, qui préside la commission santé : "
                f"{e(o, 'il', 'elle')} pourra relayer l'appel bien mieux que moi.",
            ][k]
            m = self.new(
                "thanks",
                ["laposte", "thunderbird"][k],
                display(p, "cased"),
                self.addr(p),
                ["Contact santé", "Suggestion"][k],
            )
            self.body(m, f"{text}\n\n{self.closing()}\n{self.block(p, 0)}")
            self.label(m, "thanks", "other", "nonsigning")
        # 12-13: an official says a colleague signs; the colleague did not write
        for k in range(2):
            p = self.mention(("mai", "cm")[k : k + 1])
            o = self.mention(("mai", "cr")[k : k + 1])
            do = parts(o, rng)
            sil = e(o, "s'il", "si elle")
            text = [
                f"Bonjour,\n\nPour info, mon collègue {display(o, 'std')}, {do['role']} {do['de']}, m'a dit qu'il signait ; je vous le dis au "
                f"cas où il oublierait de vous écrire. Moi, je réfléchis encore.",
                f"Bonjour,\n\n{display(o, 'cased')}, {do['role']} {do['de']}, soutient votre appel : {e(o, 'il', 'elle')} me l'a dit au "
                f"téléphone ce matin. Je ne sais pas {sil} vous a écrit.",
            ][k]
            if o.f:
                text = (
                    text.replace("mon collègue", "ma collègue")
                    .replace("qu'il signait", "qu'elle signait")
                    .replace("où il", "où elle")
                )
            m = self.new(
                "thanks",
                ["orange", "gmail"][k],
                display(p, "cased"),
                self.addr(p),
                ["Info", "Soutien d'une collègue"][k],
            )
            self.body(m, f"{text}\n\n{self.block(p, 0)}")
            self.label(m, "thanks", "other", "nonsigning")

    def pick_one(self) -> list:
        """One-signer messages of officials not yet referred to, in a fixed shuffled order."""
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        out = [
            s
            for s in self.signed
            if not s[1].impostor
            and per[s[0].file] == 1
            and s[0].file not in self.referred
            and s[0].client not in ("plain", "organisers")
        ]
        self.rng.shuffle(out)
        picks = out[:6]
        self.referred.update(s[0].file for s in picks)
        return picks

    def autoreply(self, part: int):
        rng = self.rng
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        if part == 1:
            self.autoreply_confirmation(auto)
            return
        relance = f"[Relance] {CALL_SUBJECT}"
        # 0-3: out of office with full blocks
        for k in range(4):
            p = self.mention(("mai", "cm", "cr", "cd")[k : k + 1])
            text = [
                f"Bonjour,\n\nJe suis absent{e(p, '', 'e')} du 20 septembre au 1er octobre inclus. Votre message sera traité à mon retour.\n\n{self.block(p, 1)}",
                "",
                f"Message automatique : {display(p, 'cased')} ne consulte pas sa messagerie pendant la session plénière. Réponse à partir du 4 octobre.\n\n{self.block(p, 5)}",
                f"Bonjour,\n\nEn formation jusqu'au 29 septembre, je lirai vos messages à mon retour.\n\n{self.block(p, 3)}",
            ][k]
            if k == 1:
                c = (
                    self.colleague(p.commune_code, lambda o: "adjoint" in o.fonction)
                    if any(
                        "adjoint" in x.fonction and self.ok(x)
                        for x in self.reg.by_commune[p.commune_code]
                    )
                    else self.mention(("cm",))
                )
                dc = parts(c, rng)
                text = (
                    f"Bonjour,\n\nJe suis en congé jusqu'au 15 octobre. Pour toute question urgente, merci de contacter "
                    f"{display(c, 'std')}, {dc['role']} {dc['de']}.\n\n{self.block(p, 6)}"
                )
            client = ["outlook_desktop", "gmail", "zimbra", "laposte"][k]
            m = self.new(
                "autoreply",
                client,
                display(p, "cased"),
                self.addr(p),
                [
                    "Réponse automatique : " + relance,
                    "Absence",
                    "Absent(e) : " + relance,
                    "Re: " + relance,
                ][k],
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning")
        # 4: bilingual
        p = self.mention(("cr", "cd"))
        m = self.new(
            "autoreply",
            "outlook_en",
            display(p, "cased"),
            self.addr(p),
            "Automatic reply: " + relance,
            extra=auto,
        )
        self.body(
            m,
            f"I am out of the office until 27 September. / Je suis absent{e(p, '', 'e')} jusqu'au 27 septembre.\n\n{self.block(p, 0)}",
            html=False,
        )
        self.label(m, "autoreply", "autoreply", "nonsigning")
        # 5: a town hall's acknowledgement naming the mayor
        p = self.mention(("mai",))
        d = parts(p, rng)
        m = self.new(
            "autoreply",
            "laposte",
            f"Mairie {d['de']}",
            f"mairie@{town_dom(p)}",
            "Accusé de réception de votre message",
            extra=auto,
        )
        self.body(
            m,
            f"Bonjour,\n\nVotre courriel a bien été reçu par les services de la mairie {d['de']}. Il sera transmis à "
            f"{display(p, 'std')}, maire.\n\nCeci est un message automatique, merci de ne pas y répondre.",
            html=False,
        )
        self.label(m, "autoreply", "autoreply", "nonsigning")
        # 6: a read receipt naming the official
        p = self.mention(("mai", "cm"))
        d = parts(p, rng)
        t = self.clock.t
        m = self.new(
            "autoreply",
            "outlook_desktop",
            f"{display(p, 'cased')} - {cap1(self.role_de(p, d))}",
            self.addr(p),
            "Lu : " + CALL_SUBJECT,
            extra="Auto-Submitted: auto-replied",
        )
        self.body(
            m,
            f"Votre message\n\n  À : {display(p, 'cased')} - {cap1(self.role_de(p, d))}\n  Objet : {CALL_SUBJECT}\n"
            f"  Envoyé : {fr_long(CALL_DATE)}\n\na été lu le {fr_long(aware(t))}.",
            html=False,
        )
        self.label(m, "autoreply", "autoreply", "nonsigning")
        # 7: a bounce
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
            "be delivered to one or more recipients.\n\n<secretariat@mairie-fermee.example>: host not found\n\n"
            f"--- original message headers ---\nSubject: [Relance] {CALL_SUBJECT}\n"
        )
        self.label(m, "autoreply", "autoreply", "nonsigning")

    def autoreply_confirmation(self, auto: str):
        """An out-of-office reply quoting the organisers' confirmation of a signature."""
        src, p, addr = self.pick_one()[0]
        prev = self.org_prev(1, "Votre signature est enregistrée", 0.1)
        m = self.new(
            "autoreply",
            "outlook_desktop",
            src.from_name or display(p, "cased"),
            addr,
            "Réponse automatique : Votre signature est enregistrée",
            extra=auto,
        )
        self.body(
            m,
            f"Je suis absent{e(p, '', 'e')} jusqu'au 4 octobre. En cas d'urgence, contactez le secrétariat.",
            prev,
            self.confirmation(p),
            html=False,
        )
        self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)

    def newsletter(self):
        """Bulk letters, press reviews and digests naming officials (some of them signers of this mailbox), and
        bare forwards of someone else's message."""
        rng = self.rng
        bulk = "Precedence: bulk\nList-Unsubscribe: <mailto:desinscription@{L}>"
        ok = [s for s in self.signed if not s[1].impostor]
        # 0: a press review naming officials of the region
        ps = [self.mention(("mai", "cd", "mai")[i : i + 1]) for i in range(3)]
        lst = "\n".join(
            f"– {display(x, 'cased')}, {mandate(x, rng)}, dans la presse locale : « Nous ne pouvons plus attendre. »"
            for x in ps
        )
        m = self.new(
            "newsletter",
            "plain",
            "Revue de presse Santé & Territoires",
            "revue@sante-territoires.example",
            "Revue de presse – semaine 39",
            extra=bulk.replace("{L}", "sante-territoires.example"),
        )
        m.text = f"REVUE DE PRESSE – SANTÉ & TERRITOIRES\nSemaine 39\n\nDéserts médicaux : les élus montent au créneau.\n\n{lst}\n\nSe désinscrire : répondre STOP"
        self.label(m, "newsletter", "newsletter", "nonsigning")
        # 1: a press review naming three signers of this mailbox
        xs = [ok[i][1] for i in (4, 19, 33)]
        lst = "; ".join(f"{display(x, 'std')} ({mandate(x, rng)})" for x in xs)
        m = self.new(
            "newsletter",
            "plain",
            "Revue de presse Mobilisations locales",
            "revue@presse-locale.example",
            "Revue de presse du 27 septembre",
            extra=bulk.replace("{L}", "presse-locale.example"),
        )
        m.text = (
            f"REVUE DE PRESSE – 27 SEPTEMBRE 2027\n\nAccès aux soins : l'appel des élu·es recueille ses premières signatures. "
            f"Parmi les signataires cités par la presse régionale : {lst}.\n\nRetrouvez tous les articles sur notre site."
        )
        self.label(m, "newsletter", "newsletter", "nonsigning")
        # 2: a press review naming a signer who withdraws later, and two others
        xs = [self.to_withdraw[0][1], self.mention(("mai",)), self.mention(("cr",))]
        lst = "\n".join(f"* {display(x, 'cased')}, {mandate(x, rng)}" for x in xs)
        m = self.new(
            "newsletter",
            "plain",
            "L'Écho des mairies",
            "newsletter@echo-des-mairies.example",
            "L'Écho des mairies n° 212 – ils se mobilisent pour la santé",
            extra=bulk.replace("{L}", "echo-des-mairies.example"),
        )
        m.text = (
            f"L'ÉCHO DES MAIRIES – n° 212\n\nILS SE MOBILISENT\nTrois élus nous expliquent pourquoi ils soutiennent l'appel pour "
            f"l'accès aux soins :\n{lst}\n\nÀ lire en page 4.\n"
        )
        self.label(m, "newsletter", "newsletter", "nonsigning")
        # 3-4: a mayors' association letter
        for k in range(2):
            cd_deps = {x.dep for x in self.reg.pool["cd"]}
            pres = self.official(
                ("mai",), lambda x, cd_deps=cd_deps: x.dep in cd_deps and x.dep in DEPTS
            )
            o = self.official(("cd",), lambda x, pres=pres: x.dep == pres.dep)
            dep = pres.dep if pres.dep in DEPTS else "01"
            text = (
                f"LA LETTRE DES MAIRES RURAUX {de_dept(dep).upper()}\n{['Septembre', 'Octobre'][k]} 2027\n\n"
                f"Le mot du président\nChers collègues, la rentrée est marquée par la question de la santé. L'association "
                f"n'a pas pris position sur l'appel des élu·es pour l'accès aux soins : chacun est libre.\n"
                f"{display(pres, 'std')}, maire {where_commune(pres, rng)}, président de l'association\n\n"
                f"Agenda\n– 8 octobre : conseil d'administration\n– 15 octobre : rencontre avec {display(o, 'cased')}, "
                f"{parts(o, rng)['role']} {parts(o, rng)['de']}, sur le schéma départemental de santé\n"
            )
            m = self.new(
                "newsletter",
                "plain",
                "Maires ruraux – La Lettre",
                f"lettre@maires-ruraux-{dep.lower()}.example",
                f"La Lettre des maires ruraux – {['septembre', 'octobre'][k]} 2027",
                extra=bulk.replace("{L}", f"maires-ruraux-{dep.lower()}.example"),
            )
            m.text = text
            self.label(m, "newsletter", "newsletter", "nonsigning")
        # 5-6: digests of another list, members saying they signed there
        for k in range(2):
            xs = [self.mention(("mai", "cm")) for _ in range(3)]
            posts = "\n".join(
                f"----------------------------------------------------------------------\n\nMessage : {i + 1}\n"
                f"Date : {fr_long(aware(self.clock.t - dt.timedelta(hours=10 - i)))}\nDe : {display(x, 'cased')} <{addr_of(x, rng)}>\n"
                f"Objet : Re: appel accès aux soins\n\n"
                + [
                    f"J'ai signé hier soir. {display(x, 'std')}, {self.role_de(x, parts(x, rng))}",
                    f"Je signerai après notre conseil. {display(x, 'cased')}, {self.role_de(x, parts(x, rng))}",
                    f"Moi aussi, signé ! {x.prenom} ({self.role_de(x, parts(x, rng))})",
                ][i]
                + "\n"
                for i, x in enumerate(xs)
            )
            m = self.new(
                "newsletter",
                "plain",
                "",
                "reseau-sante-territoires-request@listes.reseau-rural.example",
                f"Digest reseau-sante-territoires, Vol 6, n° {118 + k}",
                extra=bulk.replace("{L}", "listes.reseau-rural.example"),
            )
            m.text = (
                f"Envoyez vos messages pour la liste reseau-sante-territoires à\n\treseau-sante-territoires@listes.reseau-rural.example\n\n"
                f"Thèmes du jour :\n\n   1. Re: appel accès aux soins (3 messages)\n\n{posts}\n"
                f"----------------------------------------------------------------------\n\nFin du digest reseau-sante-territoires, Vol 6, n° {118 + k}\n"
            )
            self.label(m, "newsletter", "newsletter", "nonsigning")
        # 7: a group's letter at a regional council
        x0 = self.official(
            ("cr",), lambda x: x.region_code not in ("01", "02", "03", "04", "06", "94")
        )
        xs = [x0] + [
            self.official(("cr",), lambda x: x.region_code == x0.region_code) for _ in range(2)
        ]
        reg = de_place(x0.region, x0.region_tl)
        lst = "\n".join(
            f"  {display(x, 'cased')} – {parts(x, rng)['role']}, {dept_name(x.dep) if x.dep in DEPTS else ''}"
            for x in xs
        )
        m = self.new(
            "newsletter",
            "plain",
            "Groupe Territoires solidaires",
            "groupe@territoires-solidaires.example",
            "La lettre du groupe – session d'octobre",
            extra=bulk.replace("{L}", "territoires-solidaires.example"),
        )
        m.text = (
            f"LA LETTRE DU GROUPE TERRITOIRES SOLIDAIRES\n\nSession d'octobre : nos élu·es défendront un amendement sur les "
            f"maisons de santé.\n\nVos élu·es :\n{lst}\n(groupe Territoires solidaires au conseil régional {reg})\n"
        )
        self.label(m, "newsletter", "newsletter", "nonsigning")
        # 8-11: bare forwards of someone else's message, without a word of one's own
        for k in range(4):
            sender = self.mention(("cm", "mai"))
            o = self.mention(("mai", "cd", "cm", "cd")[k : k + 1])
            do = parts(o, rng)
            client = ["gmail", "outlook_desktop", "thunderbird", "apple"][k]
            ot = aware(self.clock.t - dt.timedelta(hours=rng.randint(2, 48)))
            inner = [
                (
                    f"Bonjour,\n\nJe ne signerai pas cet appel : le point 2 est inacceptable pour nous.\n\n{display(o, 'cased')}\n{cap1(do['role'])} {do['de']}",
                    "Re: appel santé",
                ),
                (
                    f"Article paru ce matin :\n\n« Déserts médicaux : {display(o, 'std')}, {do['role']} {do['de']}, réclame un plan d'urgence. "
                    f"Elle veut réunir les maires du territoire avant la fin de l'année. »"
                    if o.f
                    else f"Article paru ce matin :\n\n« Déserts médicaux : {display(o, 'std')}, {do['role']} {do['de']}, réclame un plan d'urgence. "
                    f"Il veut réunir les maires du territoire avant la fin de l'année. »",
                    "Article presse locale",
                ),
                (
                    f"Salut,\n\nTu sais si on peut signer l'appel sur la santé en tant que conseiller municipal d'opposition ?\n\n"
                    f"{display(o, 'std')}\n{cap1(do['role'])} {do['de']}",
                    "question appel",
                ),
                (
                    f"Madame, Monsieur les maires,\n\nJe vous invite à une réunion sur l'accès aux soins le 12 octobre à 18 h.\n\n"
                    f"{display(o, 'cased')}\n{cap1(do['role'])} {do['de']}",
                    "Invitation réunion santé 12/10",
                ),
            ][k]
            m = self.new(
                "newsletter",
                client,
                display(sender, "cased"),
                self.addr(sender),
                ("TR: " if client.startswith("outlook") else "Fwd: ") + inner[1],
            )
            m.text = (
                (
                    "\n\n"
                    if client != "outlook_desktop"
                    else "\n\n________________________________\n"
                )
                + self.fwd(
                    client,
                    display(o, "cased"),
                    self.addr(o),
                    ot,
                    inner[1],
                    f"{display(sender, 'cased')} <{m.from_addr}>",
                    inner[0],
                )
                + "\n"
            )
            self.label(m, "newsletter", "other", "nonsigning")

    def choose_withdrawals(self):
        self.to_withdraw = self.pick_one() + self.pick_one()
        self.to_withdraw = self.to_withdraw[:12]

    def withdraw(self):
        """Withdrawals: another thread, another address, « finalement non » in the thread, above the confirmation."""
        rng = self.rng
        for k, (src, p, addr) in enumerate(self.to_withdraw):
            d = parts(p, rng)
            client = src.client if src.client not in ("organisers", "plain") else "gmail"
            if k < 4:  # another thread, same address
                text = [
                    "Bonjour,\n\nRetirez ma signature s'il vous plaît.",
                    f"Bonjour,\n\nAprès discussion avec mon équipe, je préfère retirer ma signature de l'appel.\n\n{display(p, 'std')}",
                    "Bonjour,\n\nMerci de supprimer mon nom de la liste des signataires : je signerai plutôt le texte de l'association des maires.\n\nCordialement",
                    f"Bonjour,\n\nJe retire mon soutien à l'appel (désaccord sur le point 2).\n\n{self.closing()}\n{display(p, 'cased')}",
                ][k]
                m = self.new(
                    "withdraw",
                    client,
                    src.from_name,
                    addr,
                    ["Retrait", "Retrait de ma signature", "Suppression de mon nom", "Retrait"][k],
                )
                self.body(m, text)
                self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)
            elif k < 7:  # another address of the same person
                other = (
                    official_addr(p, rng)
                    if "@" in addr and p.kind in ("mai", "cm", "cd", "cr")
                    else addr_of(p, rng)
                )
                if other == addr:
                    other = addr_of(p, rng, "gmail.com" if "gmail" not in addr else "orange.fr")
                text = [
                    f"Bonjour,\n\nJ'ai signé l'appel la semaine dernière depuis mon adresse personnelle. Je vous demande de retirer ma signature : "
                    f"le conseil municipal ne souhaite pas que ses élus s'engagent individuellement.\n\n{self.block(p, 0)}",
                    f"Bonjour, c'est {display(p, 'std')} ({self.role_de(p, d)}), j'écris depuis mon autre adresse : merci d'enlever mon nom de l'appel.",
                    f"Madame, Monsieur,\n\nJe souhaite que mon nom soit retiré de la liste des signataires.\n\n{self.block(p, 1)}",
                ][k - 4]
                cl = "outlook_desktop" if k != 5 else "iphone"
                m = self.new(
                    "withdraw",
                    cl,
                    display(p, "cased"),
                    other,
                    ["Retrait de signature", "Retrait", "Appel – retrait"][k - 4],
                )
                self.body(m, text)
                self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)
            elif k < 10:  # « finalement non », in the thread of the signature
                text = [
                    "Finalement non, après réflexion je ne signe pas. Désolé·e pour le changement d'avis.",
                    "Bonjour,\n\nJe reviens sur mon message ci-dessous : finalement, je ne signe pas. Merci de ne pas publier mon nom.",
                    f"Oubliez ce message, je retire. {p.prenom}",
                ][k - 7]
                m, _ = self.user_reply(
                    src, src.text or "", src.from_name, addr, client, text, "withdraw"
                )
                self.label(
                    m,
                    "withdraw",
                    "withdraws",
                    "nonsigning",
                    thread=self.thread_of(src),
                    refers_to=src.file,
                )
            else:  # above the organisers' confirmation
                prev = self.org_prev(0, "Votre signature est enregistrée", rng.randint(20, 50))
                text = [
                    "Merci, mais je vous demande finalement de retirer ma signature.",
                    f"Bonjour,\n\nJe préfère me retirer de l'appel, la commune a choisi une autre démarche.\n\n{display(p, 'cased')}",
                ][k - 10]
                m = self.new(
                    "withdraw",
                    client,
                    src.from_name,
                    addr,
                    self.reply_subject(client, prev.subject),
                )
                self.body(m, text, prev, self.confirmation(p))
                self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [
            (
                "Service Messagerie",
                "noreply@securite-messagerie-mairie.example",
                "Votre quota de messagerie est atteint",
                "Bonjour,\n\nVotre boîte a atteint 99 % de son quota. Validez votre compte sous 24 h : http://securite-messagerie-mairie.example/valider\n",
            ),
            (
                "Télémédecine Express",
                "contact@cabine-sante.example",
                "Une cabine de téléconsultation pour votre commune",
                "Madame, Monsieur le Maire,\n\nDéserts médicaux ? Installez une cabine de téléconsultation dès 390 € HT par mois. Démonstration gratuite.\n",
            ),
            (
                "Remboursement Impôts",
                "remboursement@dgfip-avis.example",
                "Avis de remboursement",
                "Bonjour,\n\nVous avez droit à un remboursement de 184,20 €. Remplissez le formulaire pour le recevoir.\n",
            ),
            (
                "Formations Élus",
                "info@formation-elus-express.example",
                "Formation : la santé, compétence communale ?",
                "Bonjour,\n\nSession en ligne le 19 octobre, finançable par le DIF élus. Places limitées.\n",
            ),
        ]
        for name, addr, subj, text in texts:
            m = self.new("spam", "plain", name, addr, subj)
            m.text = text
            self.label(m, "spam", "other", "nonsigning")

    call: Mail | None = None

    def org_call(self, part: int):
        rng = self.rng
        if part == 0:  # the call
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
        if part == 1:  # the reminder, listing first signers (quoted by relance_reply)
            rows = "\n".join(
                f"- {display(p, 'std')}, {mandate(p, rng)}" for _, p, _ in ok[1:30:5][:6]
            )
            text = (
                f"Bonjour à toutes et à tous,\n\nL'{CALL_TITLE[0].lower()}{CALL_TITLE[1:]} a déjà reçu plus de 300 signatures. "
                f"Parmi les premiers signataires :\n\n{rows}\n\nVous n'avez pas encore signé ? Répondez simplement à ce message avec vos nom, "
                f"prénom et mandat, avant le 15 octobre.\n\n{org_sig(1)}"
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
            self.relance_text = self.body(m, text, html=False)
            self.relance = m
            self.label(m, "org_call", "other", "nonsigning")
            return
        # part 2: reports, internal messages, press, corrections
        wd = self.to_withdraw
        rows = "\n".join(
            f"- {display(p, 'std')} ({mandate(p, rng)})"
            for p in [ok[40][1], wd[1][1], ok[52][1], ok[60][1], wd[5][1], ok[71][1]]
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
        self.body(
            m,
            f"Bonjour à toutes et à tous,\n\nPoint d'étape : 512 signatures. Merci en particulier à :\n\n{rows}\n\n"
            f"Il reste jusqu'au 15 octobre pour signer.\n\n{org_sig(0)}",
            html=False,
        )
        self.label(m, "org_call", "other", "nonsigning")
        # internal: two signatures to check (impostors as they wrote)
        imps = [s for s in self.signed if s[1].impostor and s[1].impostor != "relative"]
        for k in range(2):
            _, p, _ = imps[3 + 7 * k]
            d = parts(p, rng)
            text = [
                f"{ORGANISERS[1][0]},\n\nJe ne trouve pas {display(p, 'std')} dans le RNE, {e(p, 'il', 'elle')} dit être {self.role_de(p, d)}. "
                f"On met en attente ?\n\n{ORGANISERS[0][0]}",
                f"{ORGANISERS[0][0]},\n\nÀ vérifier avant publication : {display(p, 'cased')}, qui signe comme {self.role_de(p, d)}. "
                f"Quelque chose ne colle pas.\n\n{ORGANISERS[1][0]}",
            ][k]
            m = self.new(
                "org_call",
                "organisers",
                ORG_FULL[k],
                f"{slug(ORGANISERS[k][0])}@{ORG_DOMAIN}",
                ["Signature à vérifier", "À vérifier"][k],
            )
            m.to = f"{ORG_FULL[1 - k]} <{slug(ORGANISERS[1 - k][0])}@{ORG_DOMAIN}>"
            self.body(m, text, html=False)
            self.label(m, "org_call", "other", "nonsigning")
        # internal: a signer's message forwarded to the co-organiser without a word
        for k in range(2):
            src, p, _ = ok[[23, 47][k]]
            m = self.new(
                "org_call",
                "organisers",
                ORG_FULL[k],
                f"{slug(ORGANISERS[k][0])}@{ORG_DOMAIN}",
                "Fwd: " + src.subject,
            )
            m.to = f"{ORG_FULL[1 - k]} <{slug(ORGANISERS[1 - k][0])}@{ORG_DOMAIN}>"
            m.text = (
                "\n\n-------- Message original --------\n"
                f"Sujet: {src.subject}\nDate: {src.date:%Y-%m-%d %H:%M}\nDe: {who(src)}\nÀ: {ORG_ADDR}\n\n{src.text or ''}\n"
            )
            self.label(m, "org_call", "other", "nonsigning")
        # the organisers acknowledge a withdrawal, quoting it
        w = next(r["_mail"] for r in self.labels if r["intent"] == "withdraws")
        self.org_mail(
            w,
            w.text or "",
            "Bonjour,\n\nC'est fait : votre nom est retiré de la liste des signataires.",
            "org_call",
            self.thread_of(w),
        )
        # the list moderator
        st = self.staff[0]
        m = self.new(
            "org_call",
            "roundcube",
            f"{st[0]} {nom_case(st[1])}",
            f"moderation@listes.{ORG_DOMAIN}",
            "Réponses arrivées sur la liste",
        )
        self.body(
            m,
            f"Bonjour,\n\nPlusieurs réponses à la relance sont arrivées sur la liste au lieu de l'adresse des signatures. Je les ai fait suivre.\n\n"
            f"{st[0]} {nom_case(st[1])}\nModération des listes",
            html=False,
        )
        self.label(m, "org_call", "other", "nonsigning")
        # press release listing first signers
        rows = "\n".join(
            f"• {display(p, 'cased')}, {mandate(p, rng)}" for _, p, _ in ok[2:80:11][:7]
        )
        m = self.new(
            "org_call",
            "organisers",
            ORG_FULL[0],
            ORG_ADDR,
            "Communiqué – Appel des élu·es pour l'accès aux soins",
        )
        m.to = "redaction@journal-regional.example"
        self.body(
            m,
            f"Madame, Monsieur,\n\nVeuillez trouver ci-dessous notre communiqué.\n\nCOMMUNIQUÉ DE PRESSE\nPlus de 600 élu·es "
            f"ont signé l'appel pour l'accès aux soins de proximité, dont :\n{rows}\n\nContact presse : {ORG_ADDR}\n\n{org_sig(0)}",
            html=False,
        )
        self.label(m, "org_call", "other", "nonsigning")
        # a correction to the list: an official named by mistake
        o = self.mention(("mai",))
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_LIST,
            f"[Rectificatif] {CALL_SUBJECT}",
            extra=LIST_HEADERS,
        )
        m.to = "undisclosed-recipients:;"
        self.body(
            m,
            f"Bonjour,\n\nDans notre dernier message, nous avons cité par erreur {display(o, 'std')}, {mandate(o, rng)}, qui n'a pas "
            f"signé l'appel. Toutes nos excuses.\n\n{org_sig(1)}",
            html=False,
        )
        self.label(m, "org_call", "other", "nonsigning")
        # a count between the organisers naming two signers
        a, b = ok[12][1], ok[66][1]
        m = self.new(
            "org_call",
            "organisers",
            ORG_FULL[1],
            f"{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}",
            "Pointage",
        )
        m.to = f"{ORG_FULL[0]} <{slug(ORGANISERS[0][0])}@{ORG_DOMAIN}>"
        self.body(
            m,
            f"{ORGANISERS[0][0]},\n\nOn en est à 640. {display(a, 'std')} ({mandate(a, rng)}) et {display(b, 'std')} "
            f"({mandate(b, rng)}) ont écrit deux fois, je n'ai compté qu'une signature chacun.\n\n{ORGANISERS[1][0]}",
            html=False,
        )
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        self.org_call(0)
        self.question(0)
        self.consult_then_sign(0)
        self.everyday_block()
        self.thumb_typed()
        self.from_title()
        self.family_mailbox()
        self.colleague_named()
        self.forwarded_chain()
        self.org_call(1)
        self.autoreply(0)
        self.relance_reply()
        self.html_sig_table()
        self.formal_letter()
        self.question(1)
        self.consult_then_sign(1)
        self.meeting_recap()
        self.bare_block()
        self.postscript()
        self.choose_withdrawals()
        self.thanks()
        self.autoreply(1)
        self.newsletter()
        self.withdraw()
        self.org_call(2)
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


def de_person(name: str) -> str:
    """« de Paul Martin », « d'André Martin »."""
    return ("d'" if noacc(name[:1]).upper() in "AEIOUY" else "de ") + name


def html_unescape(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


if __name__ == "__main__":
    Builder().build()
