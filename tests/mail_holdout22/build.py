#!/usr/bin/env python3
"""Held-out petition mailbox 22 (tests/mail_holdout22): builder.

    python tests/mail_holdout22/build.py            # rewrites messages/ and labels.csv

A whole mailbox of six weeks, in arrival order: the call of an invented campaign against algorithmic
video surveillance (« Appel des élu·es locaux : pas d'algorithmes derrière nos caméras »), the
signatures of every kind of local official, people without a mandate who sign anyway, impostors,
and the non-signing traffic an organiser really gets (questions, press, thanks, auto-replies,
bounces, withdrawals, unsubscribe requests, spam, the organisers' own replies and reminders, reply-all
debates). Conversations of 2 to 6 messages are interleaved with everything else.

Byte-identical on every run: one seeded generator (SEED); each conversation gets a start time drawn
from the generator, its later messages move forward from it (people sleep at night), and the files
are numbered in arrival order once everything is written. Paris time: CEST, then CET after Sunday
25 October 2026. Reads the real 2026 RNE release (../shared/rne/release-2026, every file, or
RNE_SHARED=…), one 2022 mayors file of ../shared/rne/history (former mayors) and the COG
(../shared/cog). Nothing of ../shared is copied into the repository except, in the messages, the
drawn people's name, sex, mandate and place. Birth dates are read only to tell homonyms apart and
are written nowhere.

Written without reading the extraction code, its tests, nor the messages of earlier held-out
corpora. Client quoting, MIME and encoding machinery, registry reading and mandate wording are copied
from tests/mail_holdout5/build.py (with four more clients: Outlook on the web, Outlook for Android in
French, Free and SFR webmails); campaign, schedule and shapes are new.
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

SEED = 2026_0915
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "rues-sans-algorithmes.example"
ORG_ADDR = f"appel@{ORG_DOMAIN}"
ORG_LIST = f"elus@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Rues sans algorithmes"
ORGANISERS = [
    ("Maëlle", "TROVADEC-VERSCHALDE"),
    ("Timothée", "AUBRÉNAC-QUILLEVRAN"),
]  # invented; checked at build time to share no word with any 2026 surname
# staff, collaborators, journalists, activists, citizens: invented, same check
STAFF = [
    ("Nadège", "PLOUZENNIC-ABBARDIE"),
    ("Cyprien", "VALLADOUX-KOWALCZAN"),
    ("Albane", "TISSERONDE-GUYOMARÈS"),
    ("Ruben", "MAZZOLENTI-DARRICOUX"),
    ("Ysaline", "BOURNAZAC-KERFRIDOU"),
    ("Gautier", "CHAMPOISEAU-LÉVÊCHAUD"),
    ("Inès", "HADJADINE-TRÉMOULAC"),
    ("Loïc", "PENNANVEC-SALVIGNAC"),
]
CALL_TITLE = "Appel des élu·es locaux : pas d'algorithmes derrière nos caméras"
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
START = dt.datetime(2026, 9, 15, 8, 45, 17)  # the call (Tuesday)
END = dt.datetime(2026, 10, 27, 19, 0)  # six weeks later


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=1 if t >= WINTER else 2)))


def wake(t: dt.datetime, rng: random.Random) -> dt.datetime:
    """People and organisers sleep from 23:00 to 7:00."""
    if t.hour >= 23 or t.hour < 7:
        nxt = t if t.hour < 7 else t + dt.timedelta(days=1)
        t = nxt.replace(hour=7, minute=rng.randint(0, 59))
    return t


def offset(t: dt.datetime) -> str:
    h = int(t.utcoffset().total_seconds() // 3600)
    return f"+0{h}00"


UTC_CLIENTS = {
    "outlook_desktop",
    "outlook_mac",
    "outlook_ios",
    "outlook_en",
    "outlook_web",
    "outlook_android",
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
    if client in ("outlook_ios", "outlook_en", "outlook_web", "outlook_android"):
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
    if client in ("orange", "orange_app"):
        return f"<{rng.randint(10**8, 10**9 - 1)}.{rng.randint(10**4, 10**5 - 1)}.{ms}.JavaMail.www@wwinf{rng.randint(1000, 9999)}>"
    if client == "sfr":
        return f"<{hx(rng, 24)}.{ms}@webmail.sfr.fr>"
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
    if client in ("outlook_mac", "outlook_ios", "outlook_en", "outlook_web", "outlook_android"):
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
    "outlook_web": "Thread-Topic: {TT}\nThread-Index: {TI}\nAccept-Language: fr-FR, en-US\nContent-Language: fr-FR\n"
    "X-MS-Has-Attach: \nX-MS-TNEF-Correlator: ",
    "outlook_android": "X-MS-Has-Attach: \nContent-Language: fr-FR",
    "free": "X-Mailer: Zimbra 9.0.0_GA_4583 (zclient/9.0.0_GA_4583)\nX-Originating-IP: [{IP}]",
    "sfr": "X-Mailer: SFR Mail\nX-SFR-UUID: {TI}",
}
SMART_QUOTES = {"outlook_desktop", "iphone", "ipad", "apple", "iphone_en"}
CP1252_ONLY = set("’‘“”–—…œŒ€•")
CRLF_CLIENTS = {
    "outlook_desktop",
    "zimbra",
    "outlook_ios",
    "outlook_en",
    "outlook_web",
    "outlook_android",
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
    "free",
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
        "outlook_web",
        "outlook_android",
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
    if client in ("outlook_web", "outlook_android"):
        head = (
            "Obtenir Outlook pour Android<https://aka.ms/AAb9ysg>\n"
            if client == "outlook_android"
            else ""
        )
        return (
            f"\n\n{head}________________________________\nDe : {w}\nEnvoyé : {fr_long(t)}\nÀ : {me}\n"
            f"Objet : {prev.subject}\n\n{prev_text}\n"
        )
    if client == "free":
        fn = f'"{prev.from_name}" <{prev.from_addr}>' if prev.from_name else prev.from_addr
        return (
            f"\n\n----- Mail original -----\nDe: {fn}\nÀ: {me}\nEnvoyé: {fr_long(t, cap=True, secs=True)}\n"
            f"Objet: {prev.subject}\n\n{q(prev_text)}\n"
        )
    if client == "sfr":
        return (
            f"\n\n> Message du {t:%d/%m/%y %H:%M}\n> De : {w}\n> A : {me}\n> Objet : {prev.subject}\n>\n"
            f"{q(prev_text)}\n"
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
    if client == "outlook_web":
        return (
            f'<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" '
            f'dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>De :</b> {w}<br><b>Envoyé :</b> '
            f"{fr_long(t)}<br><b>À :</b> {esc(me)}<br><b>Objet :</b> {esc(prev.subject)}</font><div>&nbsp;</div></div>"
            f"<div>{inner}</div>\n"
        )
    if client == "outlook_desktop":
        return (
            f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>De&nbsp;:</b> {w}'
            f"<br><b>Envoyé&nbsp;:</b> {fr_long(t)}<br><b>À&nbsp;:</b> {esc(me)}<br><b>Objet&nbsp;:</b> {esc(prev.subject)}<o:p></o:p></p></div>\n"
            f'<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n{html_lines(prev_text, "p.Mso")}'
        )
    if client in ("zimbra", "free"):
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
    if client == "outlook_web":
        return (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset={CHARSET}"><style type="text/css" '
            'style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr"><div class="elementToProof" '
            f'style="font-family: Aptos, Aptos_EmbeddedFont, Calibri, Helvetica, sans-serif; font-size: 12pt;">{html_lines(top)}'
            f"</div>{quoted}</body></html>\n"
        )
    if client in ("zimbra", "free"):
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
    "outlook_web",
    "free",
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

La loi a prolongé jusqu'en 2027 l'« expérimentation » de la vidéosurveillance algorithmique (VSA)
lancée pour les Jeux olympiques, et plusieurs ministres proposent déjà de la rendre permanente.
Des logiciels analysent en continu les images de nos rues pour repérer des « comportements
anormaux » : une personne assise trop longtemps, un attroupement, un objet posé au sol.

Nous, élu·es de communes, de départements, de régions et de collectivités, de toutes sensibilités,
refusons que nos espaces publics deviennent des lieux de surveillance automatisée. Nous nous
engageons à :

1) ne pas déployer de dispositif d'analyse algorithmique des images dans nos collectivités ;
2) demander au Parlement de ne pas pérenniser l'expérimentation au-delà de 2027 ;
3) exiger une interdiction explicite de la reconnaissance faciale dans l'espace public ;
4) soumettre tout nouveau projet de caméras à un débat public et à une délibération.

Pour signer, répondez simplement à ce message en indiquant vos nom, prénom, mandat et collectivité
(commune, département, région). Chaque signature est vérifiée dans le Répertoire national des élus
avant publication. Date limite : vendredi 23 octobre 2026 ; la liste sera rendue publique le
4 novembre lors d'une conférence de presse.

Faites suivre à vos collègues élu·es !

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = (
    "Appel des élu·es : pas d'algorithmes derrière nos caméras – signez avant le 23 octobre"
)
LIST_HEADERS = (
    f"List-Id: Elus - appel <elus.listes.{ORG_DOMAIN}>\n"
    f"List-Unsubscribe: <mailto:elus-unsubscribe@listes.{ORG_DOMAIN}>\n"
    f"List-Post: NO\nPrecedence: list\nX-Loop: {ORG_LIST}"
)


def org_sig(i: int) -> str:
    fn, nm = ORGANISERS[i]
    return f"-- \n{fn} {nom_case(nm)}\n{ORG_NAME}\n{ORG_ADDR} – 01 99 00 41 {27 + i * 11}"


FOOTERS = {
    "iphone": "Envoyé de mon iPhone",
    "ipad": "Envoyé de mon iPad",
    "outlook_ios": "Obtenir Outlook pour iOS<https://aka.ms/o0ukef>",
    "outlook_android": "Obtenir Outlook pour Android<https://aka.ms/AAb9ysg>",
    "samsung": "Envoyé depuis mon appareil Galaxy",
    "orange_app": "Envoyé depuis l'application Mail Orange",
    "iphone_en": "Sent from my iPhone",
    "sfr": "Envoyé depuis SFR Mail",
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
    "outlook_web": [("utf-8", "base64"), ("iso-8859-1", "quoted-printable")],
    "outlook_android": [("utf-8", "base64")],
    "outlook_mac": [("utf-8", "base64"), ("iso-8859-1", "quoted-printable")],
    "outlook_ios": [("utf-8", "base64")],
    "thunderbird": [("utf-8", "8bit"), ("utf-8", "quoted-printable"), ("windows-1252", "8bit")],
    "roundcube": [("utf-8", "quoted-printable"), ("utf-8", "8bit"), ("iso-8859-1", "8bit")],
    "organisers": [("utf-8", "quoted-printable")],
    "zimbra": [("utf-8", "quoted-printable"), ("utf-8", "7bit-qp"), ("iso-8859-1", "8bit")],
    "laposte": [("utf-8", "quoted-printable"), ("windows-1252", "8bit")],
    "free": [("utf-8", "quoted-printable"), ("iso-8859-1", "quoted-printable")],
    "sfr": [("iso-8859-1", "quoted-printable"), ("utf-8", "quoted-printable")],
    "yahoo": [("utf-8", "quoted-printable"), ("utf-8", "base64")],
    "orange": [("iso-8859-1", "8bit"), ("iso-8859-1", "quoted-printable"), ("utf-8", "8bit")],
    "orange_app": [("utf-8", "8bit"), ("utf-8", "base64")],
    "samsung": [("utf-8", "base64"), ("utf-8", "8bit")],
    "gmail_en": [("utf-8", "quoted-printable"), ("utf-8", "base64")],
    "iphone_en": [("utf-8", "quoted-printable"), ("utf-8", "8bit")],
    "outlook_en": [("utf-8", "base64"), ("windows-1252", "quoted-printable")],
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
    "Bien à vous, et merci pour cette initiative.",
    "Solidairement,",
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


# --------------------------------------------------------------------------- people of this corpus
# invented surnames for citizens, activists, collaborators and journalists (checked absent from 2026)
PLAIN_NOMS = [
    "KERDUDAL-FONTENIAUX",
    "ABOULKÉRIS",
    "JALMERAND",
    "VIGUERAUD",
    "TRANCHECOUSSE",
    "LOSTANVEC-MARCHESSAC",
    "BRUGEROLLAT",
    "HAQUETIN",
    "RIBEYRAC",
    "DESCHAMPIAUX",
    "MONTGAILLON",
    "VILLEBRAND",
    "ESCUDIAC",
    "LAMBERDOUX",
    "QUINTRIVEC",
    "SIMONNAUD",
]
GROUPS = [
    "groupe Écologiste et solidaire",
    "groupe Socialiste, écologiste et républicain",
    "groupe communiste et citoyen",
    "groupe « Ensemble pour nos quartiers »",
    "groupe des élu·es insoumis·es",
    "groupe Union de la gauche",
    "groupe centriste et indépendant",
    "groupe d'opposition « Agir ensemble »",
]
LOCAL = [
    "Nous avons refusé l'an dernier le logiciel d'analyse d'images que la préfecture nous proposait « gratuitement ».",
    "Notre commune a huit caméras, et c'est déjà beaucoup de débats au conseil.",
    "Dans ma ville, le marché de la vidéoprotection a été attribué sans aucun débat : je sais de quoi on parle.",
    "Il est temps que les élus locaux reprennent la main sur ces choix.",
    "Je partage totalement l'inquiétude sur la reconnaissance faciale.",
    "Les Jeux sont finis, l'expérimentation aussi devrait l'être.",
    "Notre conseil a voté une motion dans le même sens en juin.",
    "",
    "",
    "",
]


class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.reg = Registry()
        words = {w for k in self.reg.surnames for w in k.split()}
        for _fn, nm in ORGANISERS + STAFF:
            assert not set(fold(nm).split()) & words, nm
        self.plain_noms = [n for n in PLAIN_NOMS if not set(fold(n).split()) & words]
        assert self.plain_noms == PLAIN_NOMS, self.plain_noms
        self.n_plain = 0
        self.mails: list[Mail] = []
        self.labels: list[dict] = []
        self.used: set[str] = set()
        self.slot = 0
        self.imp_cycle = ["former_2022", "namesake_elsewhere", "relative", "invented"]
        self.n_imp = 0
        self._former: list[P] | None = None
        self.signed: list[tuple[Mail, P]] = []
        self.mailings: list[tuple[Mail, str]] = []  # the call and the reminders, with their text
        self.staff = list(STAFF)
        self.rng.shuffle(self.staff)
        self.n_staff = 0

    # ---------------------------------------------------------------- drawing (as in mail_holdout5)
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
        for _ in range(300000):
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
            "cm",
            "mdel",
            "ca",
        )
        return self.take(self.rng.choice(kinds), pred)

    def signer(self, kinds=None, pred=lambda p: True, allow_imp: bool = True) -> P:
        """Every 4th slot of the shapes that allow it is an impostor."""
        if allow_imp:
            self.slot += 1
            if self.slot % 10 in (0, 3, 7):
                return self.impostor()
        return self.official(kinds, pred)

    def first_for(self, nom: str, sexe: str) -> str:
        carried = self.reg.surnames[fold(nom)]
        firsts = FIRST_F if sexe == "F" else FIRST_M
        for fn in self.rng.sample(firsts, len(firsts)):
            if fold(fn) not in carried and not any(c[:3] == fold(fn)[:3] for c in sorted(carried)):
                return fn
        raise RuntimeError(nom)

    def formers(self) -> list[P]:
        """2022 mayors whose surname is absent from every 2026 file (and no 2026 person of their
        commune has their first name and a word of their surname: the RNE shortens compound names)."""
        if self._former is None:
            reg = self.reg
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
                    and not (set(fold(nom).split()) & reg.words_at.get((cc, fold(fn)), set()))
                    and len(fn) > 2
                    and not cc.startswith("97")
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
                        )
                    )
        return self._former

    def former(self) -> P:
        pool = self.formers()
        for _ in range(5000):
            p = pool[self.rng.randrange(len(pool))]
            if ident(p.nom, p.prenom) not in self.used:
                self.used.add(ident(p.nom, p.prenom))
                return P(**{f: getattr(p, f) for f in P.__slots__})
        raise RuntimeError("former")

    def at(self, code: str) -> dict:
        c = COMMUNES[code]
        return dict(
            dep=c["departement"], commune_code=code, commune=c["nom"], tl=c.get("typeLiaison") or 0
        )

    def impostor(self, t: str | None = None) -> P:
        t = t or self.imp_cycle[self.n_imp % 4]
        self.n_imp += 1
        rng, reg = self.rng, self.reg
        if t == "former_2022":  # still writes « maire de X »
            p = self.former()
            p.impostor = t
            return p
        if t == "relative":  # a seat-holder's surname, a first name that surname never carries
            real = self.take(
                rng.choice(["mai", "cm"]),
                extra_ok=lambda p: (
                    " " not in p.nom
                    and "POUSE" not in p.nom
                    and bool(p.prenom)
                    and not p.dep.startswith("97")
                ),
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
                fonction=rng.choice(["", "Maire"]) if real.kind == "mai" else "",
                impostor=t,
            )
        if (
            t == "namesake_elsewhere"
        ):  # a real official's name, a commune of a département where they hold nothing
            real = self.take(rng.choice(["mai", "cm"]), lambda p: not p.dep.startswith("97"))
            mine = reg.depts_of[ident(real.nom, real.prenom)]
            for _ in range(500):
                o = reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))]
                if o.dep not in mine and not o.dep.startswith("97") and o.commune_code in COMMUNES:
                    return P(
                        "",
                        real.nom,
                        real.prenom,
                        real.sexe,
                        **self.at(o.commune_code),
                        fonction=rng.choice(["Maire", ""]),
                        impostor=t,
                    )
        if t == "invented":
            for _ in range(300):
                nom = rng.choice(INVENTED_NOMS)
                sexe = rng.choice("FM")
                fn = rng.choice(FIRST_F if sexe == "F" else FIRST_M)
                if fold(nom) not in reg.surnames and ident(nom, fn) not in self.used:
                    self.used.add(ident(nom, fn))
                    o = reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))]
                    return P(
                        "",
                        nom,
                        fn,
                        sexe,
                        **self.at(o.commune_code),
                        fonction=rng.choice(["", "Maire"]),
                        impostor=t,
                    )
        raise RuntimeError(t)

    def plain_person(self, kind: str) -> P:
        """Someone without a mandate: citizen, activist, collaborator, journalist (invented surname)."""
        nom = self.plain_noms[self.n_plain % len(self.plain_noms)]
        self.n_plain += 1
        sexe = self.rng.choice("FM")
        fn = self.rng.choice(FIRST_F if sexe == "F" else FIRST_M)
        o = self.reg.pool["mai"][self.rng.randrange(len(self.reg.pool["mai"]))]
        return P("", nom, fn, sexe, **self.at(o.commune_code), impostor=kind)

    def next_staff(self) -> tuple[str, str]:
        st = self.staff[self.n_staff % len(self.staff)]
        self.n_staff += 1
        return st

    def village(self, p: P) -> bool:
        return COMMUNES.get(p.commune_code, {}).get("population", 0) < 1500

    def is_big(self, p: P) -> bool:
        return COMMUNES.get(p.commune_code, {}).get("population", 0) > 60000

    # ---------------------------------------------------------------- time
    def day_weights(self) -> list[float]:
        out = []
        for d in range(43):
            w = 2.0 + 30.0 * 0.62**d
            for r in (13, 27, 35):  # the reminders
                if d in (r, r + 1, r + 2):
                    w += (9, 5, 2)[d - r]
            day = (START + dt.timedelta(days=d)).weekday()
            if day >= 5:
                w *= 0.45
            if d > 38:  # after the deadline
                w *= 0.35
            out.append(w)
        return out

    def start(self, lo: int = 0, hi: int = 42) -> dt.datetime:
        w = self.day_weights()
        d = self.rng.choices(range(lo, hi + 1), weights=w[lo : hi + 1])[0]
        hour = self.rng.choices(
            range(7, 23), weights=[3, 6, 7, 6, 5, 4, 5, 4, 4, 4, 5, 5, 6, 6, 5, 3]
        )[0]
        day = (START + dt.timedelta(days=d)).date()
        t = dt.datetime.combine(
            day, dt.time(hour, self.rng.randint(0, 59), self.rng.randint(0, 59))
        )
        if t <= START + dt.timedelta(minutes=9):
            t = START + dt.timedelta(
                minutes=self.rng.randint(9, 300), seconds=self.rng.randint(0, 59)
            )
        return wake(t, self.rng)

    def after(self, t: dt.datetime, lo: int = 20, hi: int = 600) -> dt.datetime:
        t = t + dt.timedelta(minutes=self.rng.randint(lo, hi), seconds=self.rng.randint(0, 59))
        return wake(t, self.rng)

    # ---------------------------------------------------------------- messages and labels
    def new(
        self,
        shape: str,
        client: str,
        from_name: str,
        from_addr: str,
        subject: str,
        t: dt.datetime,
        **kw,
    ) -> Mail:
        cs, cte = kw.pop("enc", None) or self.rng.choice(CLIENT_ENC.get(client, ENCODINGS))
        if cte == "7bit-qp":
            cte = "quoted-printable"
        dom = from_addr.split("@")[-1]
        at = aware(t)
        m = Mail(
            file=shape,
            client=client,
            from_name=from_name,
            from_addr=from_addr,
            subject=subject,
            date=at,
            mid=msgid(client, dom, self.rng, at),
            cs=cs,
            cte=cte,
            **kw,
        )
        m.shape = shape
        m.mislabel = client == "outlook_desktop" and cte == "8bit" and cs != "utf-8"
        self.mails.append(m)
        return m

    def label(
        self,
        m: Mail,
        intent: str,
        case: str,
        p: P | None = None,
        root: Mail | None = None,
        refers: Mail | None = None,
    ):
        row = dict.fromkeys(LABEL_COLS, "")
        row.update(intent=intent, case=case, shape=m.shape, client=m.client, expected="no_signer")
        if p is not None:
            if p.impostor in ("citizen", "activist", "collaborator", "former_honest"):
                row.update(case="no_mandate", expected="not_verified")
            else:
                row.update(case="impostor" if p.impostor else "official")
                row.update(expected="not_verified" if p.impostor else "verified")
            row.update(nom=p.nom, prenom=p.prenom, impostor_type=p.impostor)
            if not p.impostor:
                row.update(
                    truth_kind="cm" if p.kind == "mdel" else p.kind,
                    truth_code_commune=p.truth_commune,
                    truth_code_departement=p.truth_dep,
                )
        row["_mail"], row["_root"], row["_refers"] = m, root or m, refers
        self.labels.append(row)

    def sign(self, m: Mail, p: P, root: Mail | None = None):
        self.label(m, "signs", "", p, root)
        self.signed.append((m, p))

    def case(self, p: P) -> str:
        if p.impostor in ("citizen", "activist", "collaborator", "former_honest"):
            return "no_mandate"
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
        if (
            foot
            and foot not in top
            and not (prev is not None and client in ("outlook_ios", "outlook_android"))
        ):
            top = (
                f"{top.rstrip()}\n\n{foot}"  # Outlook mobile puts its line above the quoted header
            )
        me = (prev.to or ORG_ADDR) if prev is not None else m.from_addr
        quoted = quote_text(client, prev, prev_text, me) if prev is not None else ""
        m.text = top + quoted
        if html is None:
            html = client in HTML_CLIENTS and self.rng.random() < 0.45
        if html and client in HTML_CLIENTS:
            qh = quote_html(client, prev, prev_text, me) if prev is not None else ""
            m.html = html_doc(client, top, qh)
        return m.text

    def reply_subject(self, client: str, subj: str) -> str:
        base = re.sub(r"^((re|RE|Re|TR|Tr|Fwd|AW|RE ?)\s?:\s*)+", "", subj)
        return ("RE: " if client.startswith("outlook") else "Re: ") + base

    def reply(
        self,
        prev: Mail,
        prev_text: str,
        name: str,
        addr: str,
        client: str,
        text: str,
        shape: str,
        t,
        cc: str = "",
        html=None,
        subject=None,
    ):
        m = self.new(
            shape,
            client,
            name,
            addr,
            subject or self.reply_subject(client, prev.subject),
            t,
            in_reply_to=prev.mid,
            references=(prev.references + " " + prev.mid).strip(),
        )
        if cc:
            m.cc = cc
        full = self.body(m, text, prev, prev_text, html=html)
        return m, full

    def org_reply(
        self,
        prev: Mail,
        prev_text: str,
        text: str,
        t,
        root: Mail,
        i: int | None = None,
        cc: str = "",
    ):
        i = self.rng.randrange(2) if i is None else i
        m, full = self.reply(
            prev,
            prev_text,
            f"{ORGANISERS[i][0]} – {ORG_NAME}",
            ORG_ADDR,
            "organisers",
            f"{text}\n\n{org_sig(i)}",
            "org_reply",
            t,
            cc=cc,
            html=False,
        )
        m.to = f"{prev.from_name} <{prev.from_addr}>" if prev.from_name else prev.from_addr
        self.label(m, "other", "nonsigning", None, root)
        return m, full

    def mailing_before(self, t: dt.datetime) -> tuple[Mail, str]:
        """What a signer replies to: mostly the call, sometimes the latest reminder."""
        before = [x for x in self.mailings if x[0].date < aware(t)]
        if len(before) > 1 and self.rng.random() < 0.55:
            return before[-1]
        return before[0]

    # ---------------------------------------------------------------- writing a signer
    def sigblock(self, p: P, style: int | None = None) -> str:
        rng = self.rng
        d = parts(p, rng)
        style = rng.randrange(6) if style is None else style
        name = display(p, rng.choice(["std", "cased", "inv", "std"]))
        if style == 0:
            return f"{name}\n{cap1(self.role_de(p, d))}"
        if style == 1:
            return f"{name}, {self.role_de(p, d)}"
        if style == 2:
            return f"{name}\n{cap1(d['role'])}\n{self.coll(p, d)}"
        if style == 3:
            return f"{display(p, 'cased')}\n{cap1(d['role'])} {d['de']}".rstrip() + (
                f" ({d['dep']})" if d["paren"] else ""
            )
        if style == 4:
            return f"{display(p, 'caps_inv')}\n{cap1(self.role_de(p, d))}\n{self.street()}\n{postcode(p.commune_code)} {noacc(p.commune).upper()}".rstrip()
        return f"{name} – {self.role_de(p, d)}"

    def sign_text(self, p: P, k: int | None = None) -> str:
        rng = self.rng
        d = parts(p, rng)
        rd = self.role_de(p, d)
        k = rng.randrange(12) if k is None else k
        loc = rng.choice(LOCAL)
        loc = f"{loc}\n\n" if loc else ""
        greet = rng.choice(
            [
                "Bonjour,",
                "Bonjour,",
                "Bonjour à vous,",
                "Madame, Monsieur,",
                "Bonsoir,",
                "Chère Maëlle, cher Timothée,",
            ]
        )
        if k == 0:
            return f"{greet}\n\nJe signe l'appel.\n\n{loc}{self.closing()}\n\n{self.sigblock(p)}"
        if k == 1:
            return f"Je soutiens et signe cet appel.\n{display(p, 'std')}, {rd}"
        if k == 2:
            return f"{greet}\n\nMerci pour cette initiative, je m'y associe bien volontiers.\n{loc}\n{self.closing()}\n{self.sigblock(p, 2)}"
        if k == 3:
            return f"Signature : {display(p, 'inv')} – {d['role']} – {self.coll(p, d)}"
        if k == 4:
            return f"{greet}\n\nVous pouvez ajouter mon nom à la liste : {display(p, 'cased')}, {rd}.\n\n{self.closing()}"
        if k == 5:
            return f"{greet}\n\n{loc}Je signe.\n\nNom : {p.nom}\nPrénom : {p.prenom}\nMandat : {cap1(d['role'])}\nCollectivité : {self.coll(p, d)}"
        if k == 6:
            return f"Bonsoir, ok pour moi ! {display(p, 'std')} ({rd})"
        if k == 7:
            return f"{greet}\n\nEn tant que {rd}, je signe cet appel. {loc.strip()}\n\n{self.closing()}\n{display(p, rng.choice(['std', 'cased']))}"
        if k == 8:
            return f"{greet}\n\nJe m'associe à l'appel contre la vidéosurveillance algorithmique.\n\n{self.sigblock(p, 4)}\nTél. {self.phone()}"
        if k == 9:
            return f"{greet}\n\n{loc}Je vous confirme mon soutien et ma signature.\n\n{self.sigblock(p, 3)}"
        if k == 10:
            return f"{greet}\n\nJe souhaite signer l'appel « pas d'algorithmes derrière nos caméras ».\n{display(p, 'cased_inv')}\n{cap1(rd)}\n\n{self.closing()}"
        return (
            f"{greet}\n\nSignataire : {display(p, 'std')}\nQualité : {rd}\n\n{loc}{self.closing()}"
        )

    def coll(self, p: P, d: dict) -> str:
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
                "Hôtel de ville",
            ]
        )

    def addr(self, p: P, official_box: float = 0.35) -> str:
        if not p.impostor and self.rng.random() < official_box:
            return official_addr(p, self.rng)
        return addr_of(p, self.rng)

    def confirmation(self, p: P) -> str:
        return (
            f"Bonjour,\n\nMerci, votre signature est bien enregistrée :\n{display(p, 'std')}, {mandate(p, self.rng)}\n\n"
            f"Elle sera vérifiée puis publiée le 4 novembre."
        )

    # ---------------------------------------------------------------- clients
    CLIENTS = {
        "gmail": 14,
        "outlook_desktop": 12,
        "iphone": 8,
        "apple": 5,
        "thunderbird": 6,
        "zimbra": 6,
        "laposte": 6,
        "orange": 6,
        "free": 5,
        "sfr": 4,
        "outlook_web": 6,
        "outlook_android": 3,
        "outlook_ios": 3,
        "roundcube": 4,
        "yahoo": 3,
        "android_gmail": 4,
        "samsung": 3,
        "gmail_en": 2,
        "iphone_en": 1,
        "outlook_en": 1,
        "outlook_mac": 2,
        "orange_app": 2,
        "ipad": 1,
    }
    PHONES = [
        "iphone",
        "samsung",
        "outlook_ios",
        "outlook_android",
        "orange_app",
        "android_gmail",
        "sfr",
        "iphone_en",
        "iphone",
    ]

    def client(self, among=None) -> str:
        c = among or list(self.CLIENTS)
        return self.rng.choices(c, weights=[self.CLIENTS.get(x, 3) for x in c])[0]

    def from_name(self, p: P) -> str:
        return self.rng.choice(
            [
                display(p, "cased"),
                display(p, "cased"),
                display(p, "std"),
                display(p, "cased_inv"),
                "",
            ]
        )

    # ---------------------------------------------------------------- single signatures
    def reply_call(self, n: int = 32):
        """A reply above the quoted call (or the latest reminder), with name and mandate."""
        for _ in range(n):
            p = self.signer()
            t = self.start()
            prev, ptxt = self.mailing_before(t)
            m, _ = self.reply(
                prev,
                ptxt,
                self.from_name(p),
                self.addr(p),
                self.client(),
                self.sign_text(p),
                "reply_call",
                t,
            )
            self.sign(m, p)

    def phone_short(self, n: int = 16):
        """One or two lines from a phone, above the quoted call; the name sometimes only in From."""
        rng = self.rng
        for k in range(n):
            p = self.signer()
            d = parts(p, rng)
            rd = self.role_de(p, d)
            text = [
                f"Je signe. {display(p, 'inv')}, {d['short']} {d['bare_d']}",
                f"ok je signe\n{display(p, 'cased')}\n{rd}",
                f"Signé ! {display(p, 'std')} ({rd})",
                f"je signe aussi. {display(p, 'lower')} {d['short'].lower()} {noacc(d['bare_d']).lower()}",
                f"Bjr, je signe cet appel. {display(p, 'cased')} {d['short']} {d['bare_d']}",
                f"Je signe.\n{cap1(rd)}",
                f"👍 je signe ! {display(p, 'std')}, {rd}",
                f"Pour moi c'est oui. {display(p, 'cased')}, {rd}",
            ][k % 8]
            client = self.PHONES[k % len(self.PHONES)]
            t = self.start()
            prev, ptxt = self.mailing_before(t)
            name = display(p, "cased") if k % 8 == 5 else self.from_name(p)
            m, _ = self.reply(
                prev, ptxt, name, addr_of(p, rng), client, text, "phone_short", t, html=False
            )
            self.sign(m, p)

    def forward_block(self, client: str, fwd: P, fwd_addr: str, when: dt.datetime) -> str:
        """The call as a colleague forwarded it (Gmail / Outlook / Thunderbird shape)."""
        t = aware(START)
        if client in ("gmail", "android_gmail"):
            return (
                f"---------- Forwarded message ---------\nDe : {display(fwd, 'cased')} <{fwd_addr}>\n"
                f"Date: {FR_DAY_ABBR[when.weekday()]} {when.day} {FR_MON_ABBR[when.month - 1]} {when.year} à {when:%H:%M}\n"
                f"Subject: Tr: {CALL_SUBJECT}\nTo: <conseil@liste.example>\n\n\n"
                f"---------- Forwarded message ---------\nDe : {ORG_NAME} <{ORG_LIST}>\n"
                f"Date: {FR_DAY_ABBR[t.weekday()]} {t.day} {FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}\nSubject: {CALL_SUBJECT}\n\n{CALL}\n"
            )
        return (
            f"-------- Message transféré --------\nSujet : \tTR: {CALL_SUBJECT}\nDate : \t{when:%d/%m/%Y %H:%M}\n"
            f"De : \t{display(fwd, 'cased')} <{fwd_addr}>\n\n\n{display(fwd, 'cased')}\n{cap1(self.role_de(fwd, parts(fwd, self.rng)))}\n\n"
            f"-----Message d'origine-----\nDe : {ORG_NAME} <{ORG_LIST}>\nEnvoyé : {fr_long(t)}\nObjet : {CALL_SUBJECT}\n\n{CALL}\n"
        )

    def new_message(self, n: int = 14):
        """A new message, not a reply; four of them below the call a colleague forwarded (that colleague is no signer)."""
        rng = self.rng
        subjects = [
            "Signature",
            "Appel VSA",
            "signature appel caméras",
            "Je signe",
            "Soutien à l'appel",
            "",
            "Appel des élu·es",
            "Signature de l'appel",
            "VSA",
        ]
        for k in range(n):
            p = self.signer()
            t = self.start()
            client = (
                self.client(
                    [
                        "gmail",
                        "android_gmail",
                        "thunderbird",
                        "outlook_desktop",
                        "laposte",
                        "free",
                        "zimbra",
                        "yahoo",
                    ]
                )
                if k < 4
                else self.client()
            )
            if k < 4:
                fwd = self.official(("mai", "cm", "cd"))
                fwhen = self.after(START, 60, 4000)
                t = max(t, self.after(fwhen, 30, 2000))
                top = self.sign_text(p, rng.choice([0, 1, 4, 9]))
                subj = (
                    f"TR: TR: {CALL_SUBJECT}" if client != "gmail" else f"Fwd: Tr: {CALL_SUBJECT}"
                )
                m = self.new("new_message", client, self.from_name(p), self.addr(p), subj, t)
                self.body(
                    m,
                    top + "\n\n" + self.forward_block(client, fwd, addr_of(fwd, rng), fwhen),
                    html=False,
                )
            else:
                m = self.new(
                    "new_message",
                    client,
                    self.from_name(p),
                    self.addr(p),
                    subjects[k % len(subjects)],
                    t,
                )
                self.body(m, self.sign_text(p))
            self.sign(m, p)

    def mairie_box(self, n: int = 10):
        """Sent from the town hall's mailbox or by its staff on behalf of the mayor (or an adjoint)."""
        rng = self.rng
        clients = ["outlook_desktop", "zimbra", "laposte", "orange", "outlook_web"]
        for k in range(n):
            p = self.official(
                ("mai", "mai", "cm"), lambda p: p.kind == "mai" or "adjoint" in p.fonction
            )
            d = parts(p, rng)
            box = (
                rng.choice(["mairie", "accueil", "secretariat", "contact", "secretariat.mairie"])
                + "@"
                + town_dom(p)
            )
            fname = rng.choice(
                [
                    f"Mairie {de_place(p.commune, p.tl)}",
                    f"MAIRIE DE {noacc(p.commune).upper()}",
                    "Accueil Mairie",
                    "Secrétariat Mairie",
                ]
            )
            st = self.next_staff()
            stn = f"{st[0]} {nom_case(st[1])}"
            mme = e(p, "Monsieur le Maire", "Madame la Maire")
            t = self.start()
            two = None
            if k == 3:
                two = self.colleague(p.commune_code, lambda o: "adjoint" in o.fonction)
            if p.kind == "mai":
                text = [
                    f"Bonjour,\n\n{mme}, {display(p, 'std')}, souhaite signer l'appel.\n\nCordialement,\n\n{stn}\nSecrétariat de mairie\nMairie {de_place(p.commune, p.tl)}\n{self.street()}\n{postcode(p.commune_code)} {p.commune}",
                    f"Bonjour,\n\n{e(p, 'Le maire', 'La maire')} signe l'appel : {display(p, 'std')}, maire {where_commune(p, rng)}.\n\nBien cordialement,\nL'accueil de la mairie",
                    f"Bonjour,\n\nPour le compte de {display(p, 'cased')}, {self.role_de(p, d)} : signature de l'appel.\n\n{stn}\n{rng.choice(['DGS', 'Secrétaire générale', 'Assistante du maire', 'Chargé de mission'])}",
                    f"Bonjour,\n\n{mme} {display(p, 'cased')} et sa {e(two, 'premier adjoint', 'première adjointe') if two and rank(two.fonction) == 1 else 'collègue'} "
                    f"{display(two, 'cased') if two else ''}, {parts(two, rng)['role'] if two else ''}, signent l'appel.\n\nCordialement\nMairie {de_place(p.commune, p.tl)}",
                    f"Je signe.\n\n{display(p, 'std')}\nMaire",
                ][k % 5]
            else:
                text = f"Bonjour,\n\n{e(p, 'M.', 'Mme')} {display(p, 'cased')}, {d['role']}, me demande de vous transmettre sa signature de l'appel.\n\nCordialement,\n{stn}\nMairie {de_place(p.commune, p.tl)}"
            m = self.new(
                "mairie_box",
                clients[k % 5],
                fname if k % 5 != 2 else stn,
                box,
                rng.choice(
                    [
                        "Signature appel",
                        "Appel des élus – signature",
                        CALL_TITLE,
                        "TR: " + CALL_SUBJECT,
                    ]
                ),
                t,
            )
            self.body(m, text)
            self.sign(m, p)
            if two:
                self.sign(m, two)

    def colleague(self, code: str, pred) -> P:
        cands = [o for o in self.reg.by_commune[code] if o.kind == "cm" and self.ok(o) and pred(o)]
        if not cands:
            cands = [o for o in self.reg.by_commune[code] if o.kind == "cm" and self.ok(o)]
        return self.use(cands[self.rng.randrange(len(cands))])

    def big_city(self, n: int = 12):
        """Conseil de Paris, Paris/Lyon/Marseille arrondissements, the Métropole de Lyon, big cities' groups."""
        rng = self.rng
        for k in range(n):
            j = k % 4
            if j == 0:
                p = self.official(("ca",))
            elif j == 1:
                p = (
                    self.official(("cm",), lambda p: p.commune_code == "75056")
                    if k < 4
                    else self.official(("ma",), lambda p: p.coll == "69M")
                )
            else:
                p = self.official(("cm",), self.is_big)
            d = parts(p, rng)
            grp = rng.choice(GROUPS)
            rd = self.role_de(p, d)
            text = [
                f"Bonjour,\n\nJe signe l'appel, au nom de mes convictions et de notre {grp}.\n\n{display(p, 'cased')}\n{cap1(rd)}\n{cap1(grp)}",
                f"Bonjour,\n\n{rng.choice(LOCAL) or 'Je signe.'} Je signe.\n\n{display(p, 'std')}\n{cap1(rd)}",
                f"Chers amis,\n\nAvec tout le {grp}, nous soutenons votre démarche ; je signe à titre personnel.\n\n{display(p, 'cased')}, {rd}\n{self.closing()}",
            ][k % 3]
            t = self.start()
            prev, ptxt = self.mailing_before(t)
            m, _ = self.reply(
                prev, ptxt, self.from_name(p), self.addr(p), self.client(), text, "big_city", t
            )
            self.sign(m, p)

    def dept_region(self, n: int = 14):
        """Departmental and regional councillors (canton, section, vice-presidency, group)."""
        rng = self.rng
        for k in range(n):
            p = self.official(("cd", "cr"))
            d = parts(p, rng)
            rd = self.role_de(p, d)
            extra = ""
            if p.kind == "cd" and p.canton and p.dep != "6AE":
                extra = rng.choice(
                    [f"Canton {de_name(p.canton)}", f"(canton {de_name(p.canton)})", ""]
                )
            elif p.kind == "cr" and p.dep in DEPTS:
                extra = rng.choice(
                    [f"Élu{e(p, '', 'e')} {de_dept(p.dep)}", f"section {dept_name(p.dep)}", ""]
                )
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{display(p, 'cased')}\n{cap1(rd)}\n{extra}".rstrip(),
                f"{rng.choice(['Bonjour,', 'Madame, Monsieur,'])}\n\nJe m'associe pleinement à cet appel, {rng.choice(LOCAL).lower() or 'sans réserve.'}\n\n{self.closing()}\n{display(p, 'std')}\n{cap1(d['role'])} {d['de']}\n{cap1(rng.choice(GROUPS))}",
                f"Bonjour, vous pouvez compter sur ma signature : {display(p, 'cased')}, {rd} {extra}".rstrip(),
            ][k % 3]
            t = self.start()
            prev, ptxt = self.mailing_before(t)
            client = self.client(
                [
                    "outlook_desktop",
                    "outlook_web",
                    "gmail",
                    "iphone",
                    "apple",
                    "zimbra",
                    "thunderbird",
                ]
            )
            m, _ = self.reply(
                prev, ptxt, self.from_name(p), self.addr(p, 0.6), client, text, "dept_region", t
            )
            self.sign(m, p)

    def corse_outremer(self, n: int = 8):
        rng = self.rng
        greet = [
            "Bonghjornu,",
            "Bonjour,",
            "Bonjou,",
            "Bonjour depuis Cayenne,",
            "Bonghjornu à tutti,",
            "Bonjour,",
            "Kwé, bonjour,",
            "Bonjour,",
        ]
        for k in range(n):
            if k in (0, 4, 5):
                p = self.official(("ma",), lambda p: p.coll == "94")
            elif k == 1:
                p = self.official(("ma",), lambda p: p.coll == "972")
            elif k == 3:
                p = self.official(("ma",), lambda p: p.coll == "973")
            else:
                deps = {2: ("971",), 6: ("974",), 7: ("976", "974")}[k]
                p = self.official(("mai", "cm"), lambda p, deps=deps: p.dep in deps)
            d = parts(p, rng)
            rd = self.role_de(p, d)
            if p.kind == "ma" and p.coll == "94":
                rd = e(p, "conseiller à l'Assemblée de Corse", "conseillère à l'Assemblée de Corse")
            where = f" ({d['dep_name'] or d['dep']})" if p.kind != "ma" else ""
            text = f"{greet[k]}\n\nIci aussi les caméras se multiplient sans débat. Je signe l'appel.\n\n{display(p, rng.choice(['std', 'cased']))}\n{cap1(rd)}{where}\n\n{self.closing()}"
            t = self.start()
            prev, ptxt = self.mailing_before(t)
            m, _ = self.reply(
                prev,
                ptxt,
                self.from_name(p),
                addr_of(p, rng),
                self.client(),
                text,
                "corse_outremer",
                t,
            )
            self.sign(m, p)

    def html_only(self, n: int = 8):
        """HTML-only messages (no text part): a sentence, then a signature table."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "apple",
            "outlook_web",
            "thunderbird",
            "zimbra",
            "yahoo",
            "free",
        ]
        for k in range(n):
            p = self.signer()
            d = parts(p, rng)
            client = clients[k % len(clients)]
            t = self.start()
            prev, ptxt = self.mailing_before(t)
            m = self.new(
                "html_only",
                client,
                self.from_name(p),
                self.addr(p),
                self.reply_subject(client, prev.subject),
                t,
                in_reply_to=prev.mid,
                references=prev.mid,
            )
            top = rng.choice(
                [
                    "Bonjour,\n\nJe signe l'appel, bravo pour l'initiative.\n",
                    "Bonjour,\nje signe.\n",
                    "Je soutiens l'appel et le signe.\n\nBien à vous\n",
                ]
            )
            table = (
                '<table cellpadding="0" cellspacing="0" style="font-family:Arial;font-size:10pt"><tr><td style="padding-right:12px">'
                f'<img src="cid:logo{k}@{town_dom(p) if p.commune else "collectivite.fr"}" width="80" alt="logo"></td><td>'
                f"<b>{esc(display(p, rng.choice(['cased', 'std'])))}</b><br><i>{esc(cap1(d['role']))}</i><br>{esc(self.coll(p, d))}<br>"
                f'<span style="color:#888">{self.phone()}</span></td></tr></table>\n'
            )
            me = prev.to or m.from_addr
            m.html = html_doc(client, top, table + quote_html(client, prev, ptxt, me))
            m.text = None
            self.sign(m, p)

    def fake_pdf(self) -> bytes:
        ident_ = hx(self.rng, 32).upper()
        return (
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\n"
            b"endobj\n3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>\nendobj\ntrailer\n<</Root 1 0 R/ID[<"
            + ident_.encode()
            + b">]>>\n%%EOF\n"
        )

    def attachment(self, n: int = 5):
        rng = self.rng
        files = ["appel_signe.pdf", "Signature VSA.pdf", "scan0001.pdf", "IMG_2087.JPG", "Doc1.pdf"]
        for k in range(n):
            p = self.signer()
            t = self.start()
            client = ["outlook_desktop", "gmail", "laposte", "iphone", "zimbra"][k]
            m = self.new(
                "attachment",
                client,
                self.from_name(p),
                self.addr(p),
                rng.choice(["Appel signé", "signature", "PJ : appel signé", "Appel VSA"]),
                t,
            )
            self.body(
                m,
                f"{rng.choice(['Bonjour,', 'Bonjour'])}\n\n{rng.choice(['Veuillez trouver ci-joint l’appel signé.', 'Voir PJ.', 'Ci-joint ma signature.'])}\n\n{self.closing()}\n{self.sigblock(p)}",
                html=False,
            )
            ctype = "image/jpeg" if files[k].endswith("JPG") else "application/pdf"
            blob = (
                self.fake_pdf()
                if ctype == "application/pdf"
                else b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
                + bytes(rng.randrange(256) for _ in range(64))
                + b"\xff\xd9"
            )
            m.attach = [(files[k], ctype, blob)]
            self.sign(m, p)

    def formal_letter(self, n: int = 6):
        """A letter in the body: letterhead, « Objet : », formal closing, the title then the name."""
        rng = self.rng
        for k in range(n):
            p = self.signer(("mai", "mai", "cd", "mai"))
            _d = parts(p, rng)  # keeps the draws of the generator
            if p.kind == "cd":
                head = f"DÉPARTEMENT {de_dept(p.dep).upper()}\nHôtel du Département\n{e(p, 'Le Conseiller départemental', 'La Conseillère départementale')} du canton {de_name(p.canton)}"
                title = e(p, "Le Conseiller départemental,", "La Conseillère départementale,")
            else:
                head = f"RÉPUBLIQUE FRANÇAISE\nMAIRIE {de_place(p.commune, p.tl).upper()}\n{self.street()}\n{postcode(p.commune_code)} {noacc(p.commune).upper()}"
                title = e(p, "Le Maire,", "La Maire,")
            text = (
                f"{head}\n\n{rng.choice(['N/Réf. : ', 'Réf. : '])}{rng.choice(['CAB', 'SG', 'DG'])}/{rng.randint(100, 999)}/2026\n\n"
                f"Objet : signature de l'appel « pas d'algorithmes derrière nos caméras »\n\nMadame, Monsieur,\n\n"
                f"J'ai l'honneur de vous faire savoir que je souhaite m'associer à votre appel. {rng.choice(LOCAL)}\n\n"
                f"Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n{title}\n\n{display(p, rng.choice(['std', 'cased', 'caps_noacc']))}"
            )
            t = self.start()
            client = [
                "outlook_desktop",
                "zimbra",
                "laposte",
                "outlook_web",
                "orange",
                "thunderbird",
            ][k]
            m = self.new(
                "formal_letter",
                client,
                self.from_name(p),
                self.addr(p, 0.7),
                rng.choice(["Appel des élus", "Courrier – appel VSA", "Signature de l'appel"]),
                t,
            )
            self.body(m, text)
            self.sign(m, p)

    def sans_mandat(self):
        """People without a mandate who sign anyway: citizens, activists, collaborators, former officials."""
        rng = self.rng
        kinds = ["citizen", "activist", "collaborator", "former_honest"] * 3
        for k, kind in enumerate(kinds):
            if kind == "former_honest":
                p = self.former()
                p.impostor = kind
                text = [
                    f"Bonjour,\n\nJe ne suis plus élu{e(p, '', 'e')} depuis mars (je ne me suis pas représenté{e(p, '', 'e')}), mais j'ai été maire {de_place(p.commune, p.tl)} de 2014 à 2026 : je signe à titre personnel, si c'est possible.\n\n{display(p, 'std')}\n{e(p, 'Ancien maire', 'Ancienne maire')} {de_place(p.commune, p.tl)}",
                    f"Bonjour, {e(p, 'ancien maire', 'ancienne maire')} {de_place(p.commune, p.tl)} (jusqu'en 2026), je soutiens l'appel. {display(p, 'cased')}",
                    f"Je signe, en {e(p, 'ancien', 'ancienne')} élu{e(p, '', 'e')} : {display(p, 'std')}, maire honoraire {de_place(p.commune, p.tl)}.",
                ][k // 4]
            else:
                p = self.plain_person(kind)
                city = p.commune
                text = {
                    "citizen": [
                        f"Bonjour,\n\nJe ne suis pas élu{e(p, '', 'e')}, simple habitant{e(p, '', 'e')} {de_place(city, p.tl)}, mais je tiens à signer !\n\n{display(p, 'std')}",
                        f"Bonjour, citoyen{e(p, '', 'ne')} engagé{e(p, '', 'e')}, je signe moi aussi. {display(p, 'cased')}, {city}",
                        f"je signe !! {display(p, 'lower')} ({city})",
                    ],
                    "activist": [
                        f"Bonjour,\n\nAu nom de la section locale de notre association de défense des libertés, je signe l'appel.\n\n{display(p, 'cased')}\nPrésident{e(p, '', 'e')} de la section {de_place(city, p.tl)}",
                        f"Bonjour,\nmilitant{e(p, '', 'e')} contre la Technopolice depuis 2019, je signe évidemment.\n{display(p, 'std')}",
                        f"Signature de soutien : {display(p, 'inv')}, collectif « Caméras, non merci » {de_place(city, p.tl)}.",
                    ],
                    "collaborator": [
                        f"Bonjour,\n\n{e(p, 'Collaborateur', 'Collaboratrice')} du groupe écologiste au conseil régional, je signe à titre personnel.\n\n{display(p, 'cased')}\n{e(p, 'Collaborateur', 'Collaboratrice')} de groupe",
                        f"Bonjour,\n\nJe suis assistant{e(p, '', 'e')} parlementaire, pas élu{e(p, '', 'e')}, mais je signe volontiers.\n\n{display(p, 'std')}",
                        f"Bonjour, directeur{e(p, '', 'trice')} de cabinet à la mairie {de_place(city, p.tl)}, je signe à titre personnel. {display(p, 'cased')}",
                    ],
                }[kind][k // 4]
            t = self.start()
            client = self.client()
            if rng.random() < 0.6:
                prev, ptxt = self.mailing_before(t)
                m, _ = self.reply(
                    prev, ptxt, display(p, "cased"), addr_of(p, rng), client, text, "sans_mandat", t
                )
            else:
                m = self.new(
                    "sans_mandat",
                    client,
                    display(p, "cased"),
                    addr_of(p, rng),
                    rng.choice(["Signature", "Je signe", "Appel"]),
                    t,
                )
                self.body(m, text)
            self.sign(m, p)

    # ---------------------------------------------------------------- conversations
    def correction(self, n: int = 6):
        """A signature, then a correction of the name or the commune (the signer is labelled on the correction)."""
        rng = self.rng
        for k in range(n):
            p = self.signer(("cm", "mai", "cm"), allow_imp=(k == 5))
            d = parts(p, rng)
            client = self.client()
            addr = self.addr(p)
            t = self.start(0, 34)
            prev, ptxt = self.mailing_before(t)
            j = k % 3
            if j == 0:  # a typo in the first name
                wrong = p.prenom[:-1] if len(p.prenom) > 4 else p.prenom + "e"
                first = f"Je signe.\n{wrong} {p.nom}, {self.role_de(p, d)}"
                fix = f"Pardon, coquille dans mon prénom : {p.prenom} et non {wrong}.\n{display(p, 'std')}"
            elif j == 1:  # the commune of residence instead of the commune of the mandate
                near = [
                    o
                    for o in self.reg.pool["mai"]
                    if o.dep == p.dep and o.commune_code != p.commune_code
                ]
                other = near[rng.randrange(len(near))]
                first = f"Bonjour,\n\nJe signe l'appel.\n{display(p, 'cased')}\n{cap1(d['role'])} {de_place(other.commune, other.tl)}"
                fix = (
                    f"Bonjour,\n\nJe me suis trompé{e(p, '', 'e')} dans mon message précédent : {other.commune} est ma commune de résidence, "
                    f"je suis élu{e(p, '', 'e')} à {p.commune}. Donc : {display(p, 'cased')}, {self.role_de(p, d)}.\n\nMerci et désolé{e(p, '', 'e')} !"
                )
            else:  # a surname cut or misspelt, corrected
                wrong = nom_case(p.nom)[:-2] + ("s" if not p.nom.endswith("S") else "")
                first = f"Bonjour, je signe : {p.prenom} {wrong}, {self.role_de(p, d)}"
                fix = f"Le correcteur orthographique a modifié mon nom : c'est {p.nom}.\n\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}"
            m1, full1 = self.reply(
                prev, ptxt, self.from_name(p), addr, client, first, "correction", t
            )
            self.label(m1, "signs", self.case(p), None, m1)
            t2 = self.after(t, 3, 300)
            if k >= 4:  # the organisers answered before the correction
                mo, fullo = self.org_reply(
                    m1,
                    full1,
                    "Bonjour,\n\nMerci pour votre signature, elle est enregistrée.",
                    t2,
                    m1,
                )
                t2 = self.after(t2, 30, 900)
                m2, _ = self.reply(
                    mo, fullo, self.from_name(p), addr, client, fix, "correction", t2
                )
            else:
                m2, _ = self.reply(
                    m1, full1, self.from_name(p), addr, client, fix, "correction", t2
                )
            self.sign(m2, p, m1)

    def mandate_asked(self, n: int = 6):
        """A signature without a mandate, the organisers ask, the answer gives it (often without the name)."""
        rng = self.rng
        for k in range(n):
            p = self.signer(("cm", "mai", "cd", "cm"), allow_imp=(k == 2))
            d = parts(p, rng)
            client = self.client()
            addr = addr_of(p, rng)
            name = display(p, rng.choice(["std", "cased"]))
            t = self.start(0, 34)
            prev, ptxt = self.mailing_before(t)
            first = rng.choice(
                [
                    f"Je signe.\n{name}",
                    f"Bonjour, je signe l'appel ! {name}",
                    f"Bonjour,\n\nBravo et merci. Je signe.\n\n{name}",
                ]
            )
            m1, full1 = self.reply(
                prev, ptxt, display(p, "cased"), addr, client, first, "mandate_asked", t
            )
            self.label(m1, "signs", self.case(p), None, m1)
            t2 = self.after(t, 60, 1500)
            mo, fullo = self.org_reply(
                m1,
                full1,
                "Bonjour,\n\nMerci ! Pour que nous puissions vérifier votre signature, pourriez-vous nous préciser votre mandat et votre collectivité ?",
                t2,
                m1,
            )
            t3 = self.after(t2, 30, 2500)
            ans = [
                f"{cap1(self.role_de(p, d))}.",
                f"Bonjour,\nBien sûr : {self.role_de(p, d)}.\n{p.prenom}",
                f"Oui pardon ! {cap1(d['role'])}, {d['bare_d']}.\n\n{name}",
            ][k % 3]
            m3, _ = self.reply(
                mo, fullo, display(p, "cased"), addr, client, ans, "mandate_asked", t3
            )
            self.sign(m3, p, m1)

    def confirm(self, n: int = 4):
        """A colleague (or a staff member) passes on a signature; the organisers ask the official; « je confirme »."""
        rng = self.rng
        for k in range(n):
            x = self.official(("cm", "mai", "cd"))
            dx = parts(x, rng)
            t = self.start(0, 33)
            prev, ptxt = self.mailing_before(t)
            xaddr = self.addr(x)
            client = self.client()
            if k % 2 == 0:  # an official signs and passes on a colleague's signature
                c = self.official(("cm", "mai"))
                dc = parts(c, rng)
                text = (
                    f"Bonjour,\n\nJe signe l'appel : {display(c, 'std')}, {self.role_de(c, dc)}.\n\n"
                    f"{e(x, 'Mon', 'Ma')} collègue {display(x, 'cased')} ({self.role_de(x, dx)}) m'a dit qu'{e(x, 'il', 'elle')} signait aussi ; je vous mets en copie son adresse."
                )
                m1, full1 = self.reply(
                    prev,
                    ptxt,
                    display(c, "cased"),
                    self.addr(c),
                    client,
                    text,
                    "confirm",
                    t,
                    cc=f"{display(x, 'cased')} <{xaddr}>",
                )
                self.sign(m1, c, m1)
            else:
                st = self.next_staff()
                text = (
                    f"Bonjour,\n\nJe travaille auprès de {display(x, 'cased')}, {self.role_de(x, dx)}, qui souhaite signer l'appel. "
                    f"Je vous mets en copie.\n\n{st[0]} {nom_case(st[1])}\nCollaborat{'rice' if st[0] in ('Nadège', 'Albane', 'Ysaline', 'Inès') else 'eur'} d'élu"
                )
                m1, full1 = self.reply(
                    prev,
                    ptxt,
                    f"{st[0]} {nom_case(st[1])}",
                    f"{slug(st[0])}.{slug(st[1])}@gmail.com",
                    client,
                    text,
                    "confirm",
                    t,
                    cc=f"{display(x, 'cased')} <{xaddr}>",
                )
                self.label(m1, "signs", "official", None, m1)
            t2 = self.after(t, 60, 1400)
            mo, fullo = self.org_reply(
                m1,
                full1,
                f"Bonjour,\n\nMerci. {e(x, 'Monsieur', 'Madame')} {nom_case(x.nom)}, pourriez-vous nous confirmer directement votre signature, par simple retour ?",
                t2,
                m1,
                cc=f"{display(x, 'cased')} <{xaddr}>",
            )
            t3 = self.after(t2, 20, 2000)
            ans = rng.choice(
                [
                    "Je confirme.",
                    f"Je confirme ma signature.\n\n{display(x, 'cased')}",
                    f"Oui, je confirme. {display(x, 'std')}",
                    "Confirmé, merci !",
                ]
            )
            m3, _ = self.reply(
                mo, fullo, display(x, "cased"), xaddr, self.client(), ans, "confirm", t3
            )
            self.sign(m3, x, m1)

    def twice(self, n: int = 4):
        """The same official signs twice: from the town hall's address, then from a personal one (two threads)."""
        rng = self.rng
        for _ in range(n):
            p = self.official(("mai", "cm"))
            t = self.start(0, 33)
            prev, ptxt = self.mailing_before(t)
            m1, _ = self.reply(
                prev,
                ptxt,
                self.from_name(p),
                official_addr(p, rng),
                self.client(["outlook_desktop", "zimbra", "outlook_web", "laposte"]),
                self.sign_text(p),
                "twice",
                t,
            )
            self.sign(m1, p)
            t2 = self.after(t, 600, 4000)
            text = rng.choice(
                [
                    f"Bonjour,\n\nJe ne suis pas sûr{e(p, '', 'e')} que mon message envoyé depuis la mairie soit arrivé ; au cas où, je signe l'appel.\n\n{self.sigblock(p)}",
                    f"Re-bonjour, je renvoie depuis ma boîte perso : {display(p, 'std')}, {mandate(p, rng)}. Je signe.",
                ]
            )
            m2 = self.new(
                "twice",
                self.client(["gmail", "orange", "free", "sfr", "iphone", "yahoo"]),
                display(p, "cased"),
                addr_of(p, rng),
                rng.choice(["Signature (2e envoi)", "Appel", "signature"]),
                t2,
            )
            self.body(m2, text)
            self.sign(m2, p)

    def group_list(self):
        """A group leader sends the names of several colleagues, then adds one more a week later."""
        rng = self.rng
        for k in range(3):
            if k == 0:  # a municipal opposition group
                grp = []
                while len(grp) < 5:
                    lead = self.official(
                        ("cm",),
                        lambda p: (
                            COMMUNES.get(p.commune_code, {}).get("population", 0) > 8000
                            and p.commune_code != "75056"
                        ),
                    )
                    cands = [
                        o
                        for o in self.reg.by_commune[lead.commune_code]
                        if o.kind == "cm" and self.ok(o) and "adjoint" not in o.fonction
                    ]
                    if len(cands) >= 4:
                        grp = [lead] + [self.use(o) for o in rng.sample(cands, 4)]
                head = f"Bonjour,\n\nLes élu·es de notre groupe au conseil municipal {de_place(lead.commune, lead.tl)} signent l'appel :\n\n"
                lines = [
                    f"- {display(o, 'inv')}, {e(o, 'conseiller municipal', 'conseillère municipale')}"
                    for o in grp[1:4]
                ]
                later = grp[4]
                later_line = f"{display(later, 'cased')}, {e(later, 'conseiller municipal', 'conseillère municipale')} {de_place(later.commune, later.tl)}"
            elif k == 1:  # departmental councillors of one département
                lead = self.official(("cd",), lambda p: p.dep != "6AE")
                cands = [o for o in self.reg.pool["cd"] if o.dep == lead.dep and self.ok(o)]
                grp = [lead] + [self.use(o) for o in rng.sample(cands, 4)]
                head = f"Bonjour,\n\nAu nom du groupe de gauche et écologiste du conseil départemental {de_dept(lead.dep)}, voici nos signatures :\n\n"
                lines = [f"• {display(o, 'std')} (canton {de_name(o.canton)})" for o in grp[1:4]]
                later = grp[4]
                later_line = f"{display(later, 'std')}, {e(later, 'conseiller départemental', 'conseillère départementale')} (canton {de_name(later.canton)})"
            else:  # regional councillors
                lead = self.official(("cr",), lambda p: p.dep in DEPTS)
                cands = [
                    o
                    for o in self.reg.pool["cr"]
                    if o.region_code == lead.region_code and self.ok(o)
                ]
                grp = [lead] + [self.use(o) for o in rng.sample(cands, 3)]
                head = f"Bonjour,\n\nPlusieurs élu·es de notre groupe au conseil régional {de_place(lead.region, lead.region_tl)} souhaitent signer :\n\n"
                lines = [f"{i + 1}. {display(o, 'cased')}" for i, o in enumerate(grp[1:3])]
                later = grp[3]
                later_line = f"{display(later, 'cased')}, {e(later, 'conseiller régional', 'conseillère régionale')}"
            text = (
                head
                + "\n".join(lines)
                + f"\n\nEt moi-même, bien sûr.\n\n{self.closing()}\n{self.sigblock(lead, 0)}"
            )
            t = self.start(0, 25)
            prev, ptxt = self.mailing_before(t)
            client = self.client(
                ["outlook_desktop", "gmail", "thunderbird", "outlook_web", "apple"]
            )
            addr = self.addr(lead, 0.5)
            m1, full1 = self.reply(
                prev, ptxt, display(lead, "cased"), addr, client, text, "group_list", t
            )
            for o in grp[1 : 1 + len(lines)]:
                self.sign(m1, o, m1)
            self.sign(m1, lead, m1)
            t2 = self.after(t, 120, 1500)
            mo, fullo = self.org_reply(
                m1,
                full1,
                f"Bonjour,\n\nMerci beaucoup : les {len(lines) + 1} signatures sont enregistrées.",
                t2,
                m1,
            )
            t3 = self.after(t2 + dt.timedelta(days=6), 0, 1800)
            add = rng.choice(
                [
                    f"Bonjour,\n\nUne signature de plus pour notre groupe : {later_line}.\n\n{lead.prenom}",
                    f"Bonjour, j'ajoute {later_line}, qui vient de me le confirmer. Merci !",
                ]
            )
            m3, _ = self.reply(
                mo, fullo, display(lead, "cased"), addr, client, add, "group_list", t3
            )
            self.sign(m3, later, m1)

    def question_then_sign(self, n: int = 4):
        rng = self.rng
        qs = [
            (
                "Notre commune a des caméras « classiques » : l'appel nous engage-t-il à les retirer ?",
                "Non : l'appel vise l'analyse algorithmique des images, pas les caméras elles-mêmes.",
            ),
            (
                "Puis-je signer alors que mon maire est favorable à la VSA ?",
                "Bien sûr : chaque élu·e signe en son nom propre.",
            ),
            (
                "Les conseillers municipaux d'opposition peuvent-ils signer ?",
                "Oui, tous les élu·es, de la majorité comme de l'opposition.",
            ),
            (
                "La liste des signataires sera-t-elle publiée avec les mandats ?",
                "Oui, avec le nom, le mandat et la collectivité, à partir du 4 novembre.",
            ),
        ]
        for k in range(n):
            p = self.signer(("cm", "mai", "cm", "cr"), allow_imp=(k == 3))
            d = parts(p, rng)
            client = self.client()
            addr = self.addr(p)
            t = self.start(0, 33)
            prev, ptxt = self.mailing_before(t)
            m1, full1 = self.reply(
                prev,
                ptxt,
                self.from_name(p),
                addr,
                client,
                f"Bonjour,\n\n{qs[k][0]}\n\n{self.closing()}\n{self.sigblock(p)}",
                "question_then_sign",
                t,
            )
            self.label(m1, "question", self.case(p), None, m1)
            t2 = self.after(t, 60, 1500)
            mo, fullo = self.org_reply(m1, full1, f"Bonjour,\n\n{qs[k][1]}", t2, m1)
            t3 = self.after(t2, 30, 3000)
            ans = rng.choice(
                [
                    "Merci. Dans ce cas je signe !",
                    f"Parfait, je signe donc.\n\n{display(p, 'cased')}",
                    f"Très bien, alors je signe : {display(p, 'std')}, {self.role_de(p, d)}.",
                ]
            )
            m3, _ = self.reply(
                mo, fullo, self.from_name(p), addr, client, ans, "question_then_sign", t3
            )
            self.sign(m3, p, m1)

    def debate(self):
        """A colleague forwards the call to a group with the organisers in copy; reply-all debate."""
        rng = self.rng
        for k in range(2):
            a = self.official(("mai",), lambda p: not p.dep.startswith("97") and p.dep in DEPTS)
            dep = a.dep
            others = [
                self.official(("mai", "cm"), lambda p, dep=dep: p.dep == dep) for _ in range(4)
            ]
            named = self.official(("mai",), lambda p, dep=dep: p.dep == dep)
            people = [a] + others
            addrs = {id(p): addr_of(p, rng) for p in people}
            to = ", ".join(f"{display(p, 'cased')} <{addrs[id(p)]}>" for p in people[1:])
            cc = f"{ORG_NAME} <{ORG_ADDR}>"
            t = self.start(1, 30)
            subj = f"Appel VSA – on en parle ? (élus {dept_name(dep)})"
            root = self.new("debate", "outlook_desktop", display(a, "cased"), addrs[id(a)], subj, t)
            root.to, root.cc = to, cc
            da = parts(a, rng)
            txt = self.body(
                root,
                f"Chers collègues,\n\nJe vous transfère l'appel reçu ce matin (organisateurs en copie). Avant de signer ou non, j'aimerais avoir vos avis : "
                f"nous avons tous voté des caméras ces dernières années.\n\n{self.closing()}\n{display(a, 'cased')}\n{cap1(self.role_de(a, da))}\n\n"
                f"-----Message d'origine-----\nDe : {ORG_NAME} <{ORG_LIST}>\nObjet : {CALL_SUBJECT}\n\n{CALL}",
                html=False,
            )
            self.label(root, "other", "nonsigning", None, root)
            dn = parts(named, rng)
            says = [
                f"Je ne signerai pas. La vidéoprotection a fait baisser les cambriolages chez nous de 30 %, et comme l'a rappelé {display(named, 'cased')}, {self.role_de(named, dn)}, au dernier congrès départemental, "
                "on ne peut pas refuser un outil par principe.",
                "Ce n'est pas la même chose ! Les caméras, d'accord ; un logiciel qui décide qui a un « comportement anormal », non. Relisez le point 3 : on parle de reconnaissance faciale.",
                "Restons calmes, chers collègues. Ce débat mériterait une réunion plutôt que des courriels en « répondre à tous » (les organisateurs sont en copie…).",
                "Je partage l'avis de notre collègue sur le fond, mais je ne signe jamais d'appels nationaux : c'est une règle que je me suis fixée depuis mon élection.",
            ]
            prev, prev_text = root, txt
            for j, o in enumerate(others):
                do = parts(o, rng)
                tj = self.after(prev.date.replace(tzinfo=None), 25, 700)
                last = k == 0 and j == 3
                text = (
                    f"Après vous avoir lus, pour ma part je signe l'appel.\n\n{display(o, 'cased')}\n{cap1(self.role_de(o, do))}"
                    if last
                    else f"{says[j]}\n\n{display(o, rng.choice(['cased', 'std']))}\n{cap1(do['role'])} {do['de']}"
                )
                m, prev_text = self.reply(
                    prev,
                    prev_text,
                    display(o, "cased"),
                    addrs[id(o)],
                    self.client(["outlook_desktop", "gmail", "zimbra", "iphone", "laposte"]),
                    text,
                    "debate",
                    tj,
                    cc=cc,
                )
                m.to = f"{display(a, 'cased')} <{addrs[id(a)]}>, " + ", ".join(
                    f"{display(x, 'cased')} <{addrs[id(x)]}>" for x in others if x is not o
                )
                if last:
                    self.sign(m, o, root)
                else:
                    self.label(m, "other", "nonsigning", None, root)
                prev = m

    # ---------------------------------------------------------------- follow-ups of earlier signatures
    def followups(self):
        """Organisers' confirmations answered by withdrawals, thanks and an out-of-office (refers_to the signature)."""
        rng = self.rng
        per = Counter(id(m) for m, _ in self.signed)
        one = [
            (m, p)
            for m, p in self.signed
            if per[id(m)] == 1
            and not p.impostor
            and m.shape in ("reply_call", "new_message", "phone_short", "dept_region", "big_city")
            and m.date.replace(tzinfo=None) < START + dt.timedelta(days=30)
        ]
        picks = rng.sample(one, 7)
        for k, (src, p) in enumerate(picks):
            t = self.after(src.date.replace(tzinfo=None), 60, 1300)
            conf, cfull = self.org_reply(src, src.text or "", self.confirmation(p), t, src)
            t2 = self.after(t, 300, 9000)
            client = src.client if src.client not in ("organisers", "plain") else "gmail"
            if k < 4:
                text = [
                    "Retirez ma signature s'il vous plaît.",
                    f"Bonjour,\n\nAprès discussion avec mon équipe municipale, je préfère retirer ma signature : nous venons de signer une convention avec la préfecture.\n\n{display(p, 'std')}",
                    "Bonjour,\n\nMerci de supprimer mon nom de la liste des signataires, je signerai plutôt la tribune de mon parti.\n\nCordialement",
                    f"Finalement je retire ma signature, désolé{e(p, '', 'e')}. Le point 1 engage trop ma collectivité.\n{p.prenom}",
                ][k]
                m, _ = self.reply(
                    conf,
                    cfull,
                    src.from_name,
                    src.from_addr,
                    client,
                    text,
                    "withdraw",
                    t2,
                    subject=rng.choice(["Retrait de ma signature", None]),
                )
                self.label(m, "withdraws", "nonsigning", None, src, refers=src)
            elif k < 6:
                text = [
                    "Merci à vous et bon courage pour la suite !",
                    "Parfait, merci. Je fais suivre à mes collègues du conseil.",
                ][k - 4]
                m, _ = self.reply(
                    conf, cfull, src.from_name, src.from_addr, client, text, "thanks", t2
                )
                self.label(m, "thanks", "nonsigning", None, src, refers=src)
            else:
                m, _ = self.reply(
                    conf,
                    cfull,
                    src.from_name,
                    src.from_addr,
                    "outlook_desktop",
                    f"Bonjour,\n\nJe suis absent{e(p, '', 'e')} jusqu'au lundi {rng.randint(12, 19)} octobre. En cas d'urgence, contactez le secrétariat.",
                    "autoreply",
                    t2,
                    subject="Réponse automatique : " + conf.subject,
                    html=False,
                )
                m.extra = "Auto-Submitted: auto-replied\nX-Auto-Response-Suppress: All"
                self.label(m, "autoreply", "nonsigning", None, src, refers=src)

    # ---------------------------------------------------------------- non-signing messages
    def question(self):
        rng = self.rng
        qs = [
            "Bonjour,\n\nLes adjoints peuvent-ils signer, ou seulement les maires ? Je préfère attendre votre réponse.",
            "Bonjour,\n\nQui finance votre collectif ? Avant de m'engager, j'aimerais le savoir.",
            "Bonjour,\n\nEst-il possible de signer au nom du conseil municipal, après une délibération ? Notre prochain conseil a lieu le 8 octobre.",
            "Bonjour,\n\nPourriez-vous m'envoyer le texte de l'appel en PDF ? Je souhaite le présenter en bureau municipal avant de décider.",
            "Bonjour,\n\nJe suis seulement conseiller communautaire (je ne siège plus au conseil municipal) : puis-je signer ?",
            "Bonjour,\n\nLe point 1 interdit-il aussi les lecteurs de plaques d'immatriculation ? Si oui je ne pourrai pas signer.",
        ]
        for k, qt in enumerate(qs):
            p = self.official(("mai", "cm", "cd", "cm", "cm", "mai"))
            t = self.start(0, 38)
            m = self.new(
                "question",
                self.client(),
                display(p, "cased"),
                self.addr(p),
                [
                    "Question",
                    "Financement ?",
                    "Délibération",
                    "Texte en PDF",
                    "Conseiller communautaire",
                    "Point 1",
                ][k],
                t,
            )
            self.body(m, f"{qt}\n\n{self.closing()}\n{self.sigblock(p, rng.choice([0, 2]))}")
            self.label(m, "question", "nonsigning")
        press = [
            (
                "Le Courrier du Littoral",
                "redaction@courrier-littoral.example",
                "Demande d'interview – appel VSA",
                "Bonjour,\n\nJournaliste au Courrier du Littoral, je prépare un article sur votre appel. Combien d'élu·es ont signé à ce jour, et pourrais-je joindre l'un des organisateurs demain ?",
            ),
            (
                "Radio Vallée FM",
                "info@radiovallee.example",
                "Invitation matinale",
                "Bonjour,\n\nNous aimerions recevoir un·e élu·e signataire de votre région dans notre matinale du 9 octobre. Auriez-vous un contact ?",
            ),
            (
                "Dernières Nouvelles du Numérique",
                "desk@ddn-numerique.example",
                "Press – liste des signataires",
                "Bonjour,\n\nLa liste des signataires sera-t-elle communiquée à la presse avant le 4 novembre, sous embargo ?",
            ),
        ]
        for k, (org, addr, subj, text) in enumerate(press):
            st = self.next_staff()
            t = self.start(2, 40)
            m = self.new(
                "question",
                self.client(["gmail", "outlook_web", "thunderbird"]),
                f"{st[0]} {nom_case(st[1])}",
                addr.replace("@", f".{slug(st[1])[:8]}@") if k == 0 else addr,
                subj,
                t,
            )
            self.body(
                m, f"{text}\n\nBien à vous,\n{st[0]} {nom_case(st[1])}\n{org}\n{self.phone(True)}"
            )
            self.label(m, "question", "nonsigning")
        t = self.start(3, 30)
        m = self.new(
            "question",
            "outlook_en",
            "Katrin Vollmerstein",
            "k.vollmer@stadtrat-freiburg.example",
            "Can foreign councillors sign?",
            t,
        )
        self.body(
            m,
            "Hello,\n\nI am a city councillor in Germany (Freiburg). Can European local councillors sign the call, or is it for French officials only?\n\nBest regards,\nKatrin Vollmerstein\nStadträtin",
        )
        self.label(m, "question", "nonsigning")

    def thanks(self):
        rng = self.rng
        p = self.official(("mai",))
        t = self.start(1, 30)
        prev, ptxt = self.mailing_before(t)
        m, _ = self.reply(
            prev,
            ptxt,
            display(p, "cased"),
            official_addr(p, rng),
            "outlook_desktop",
            f"Bonjour,\n\nMerci pour votre envoi. Je ne signerai pas cet appel : notre commune participe à l'expérimentation et j'en assume le bilan.\n\nCordialement,\n{self.sigblock(p, 0)}",
            "thanks",
            t,
        )
        self.label(m, "other", "nonsigning")
        for k in range(3):
            p = self.official(("cm", "cd", "mai"))
            t = self.start(0, 40)
            text = [
                f"Bonjour,\n\nMerci pour l'invitation à la conférence de presse du 4 novembre ; je ne pourrai malheureusement pas être à Paris.\n\n{self.sigblock(p, 1)}",
                f"Bravo pour cette belle mobilisation, et merci pour le point d'étape.\n\n{display(p, 'cased')}",
                "Merci pour votre message, bien reçu.",
            ][k]
            m = self.new(
                "thanks",
                self.client(),
                display(p, "cased"),
                self.addr(p),
                ["Conférence de presse", "Merci", "Re: Appel"][k],
                t,
            )
            self.body(m, text)
            self.label(m, "thanks", "nonsigning")

    def autoreply(self):
        rng = self.rng
        auto = "Auto-Submitted: auto-replied\nX-Auto-Response-Suppress: All"
        for k in range(5):
            p = self.official(("mai", "cd", "cm", "cr", "mai")[k : k + 1])
            d = parts(p, rng)
            t = (
                wake(
                    aware(START).replace(tzinfo=None) + dt.timedelta(minutes=rng.randint(1, 50)),
                    rng,
                )
                if k < 3
                else self.start(13, 28)
            )
            text = [
                f"Bonjour,\n\nJe suis en congé jusqu'au 21 septembre inclus. Votre message sera traité à mon retour.\n\n{self.sigblock(p, 0)}",
                f"Je suis absent{e(p, '', 'e')} du bureau. Pour toute urgence : cabinet {de_dept(p.dep) if p.dep in DEPTS else ''}, {self.phone()}.\n\n{display(p, 'cased')}",
                f"Accusé de réception\n\nVotre courriel a bien été reçu par les services de la mairie {d['de']}. Il sera transmis à {display(p, 'std')}, {d['role']}.\n\nCeci est un message automatique, merci de ne pas y répondre.",
                f"I am out of the office until 2 October. / Je suis absent{e(p, '', 'e')} jusqu'au 2 octobre.\n\n{self.sigblock(p, 1)}",
                f"Message automatique : {display(p, 'cased')} est en déplacement et ne consulte pas sa messagerie. Réponse après le {rng.randint(10, 20)} octobre.",
            ][k]
            client = ["outlook_desktop", "outlook_web", "zimbra", "outlook_en", "gmail"][k]
            m = self.new(
                "autoreply",
                client,
                display(p, "cased") if k != 2 else f"Mairie {d['de']}",
                self.addr(p) if k != 2 else f"mairie@{town_dom(p)}",
                [
                    "Réponse automatique : ",
                    "Absent(e) : ",
                    "Accusé de réception : ",
                    "Automatic reply: ",
                    "Absence : ",
                ][k]
                + CALL_SUBJECT,
                t,
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "nonsigning")
        for k in range(2):  # bounces of the call
            t = wake(
                START + dt.timedelta(minutes=rng.randint(1, 6), seconds=rng.randint(0, 59)), rng
            )
            bad = rng.choice(
                ["mairie.ancienne@", "contact@", "elu.2020@", "secretariat@"]
            ) + rng.choice(
                [
                    "commune-de-plouzevet.example",
                    "villedebelmont.example",
                    "mairie-sauvagnac.example",
                ]
            )
            if k == 0:
                m = self.new(
                    "autoreply",
                    "plain",
                    "Mail Delivery System",
                    f"MAILER-DAEMON@mx1.listes.{ORG_DOMAIN}",
                    "Undelivered Mail Returned to Sender",
                    t,
                    extra="Auto-Submitted: auto-replied",
                )
                m.text = (
                    f"This is the mail system at host mx1.listes.{ORG_DOMAIN}.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
                    f"<{bad}>: host mx.{bad.split('@')[1]}[192.0.2.{rng.randint(2, 250)}] said: 550 5.1.1 <{bad}>:\n    Recipient address rejected: User unknown in virtual mailbox table\n\n"
                    f"--- Original message headers ---\nFrom: {ORG_NAME} <{ORG_LIST}>\nSubject: {noacc(CALL_SUBJECT)}\n"
                )
            else:
                m = self.new(
                    "autoreply",
                    "plain",
                    "Mail Delivery Subsystem",
                    "mailer-daemon@googlemail.com",
                    "Delivery Status Notification (Failure)",
                    t,
                    extra="Auto-Submitted: auto-replied",
                )
                m.text = f"** Message non remis **\n\nVotre message n'a pas pu être remis à {bad}, car l'adresse est introuvable ou ne peut pas recevoir de messages.\n\nLa réponse du serveur distant était :\n550 5.1.1 The email account that you tried to reach does not exist.\n"
            m.to = ORG_LIST
            self.label(m, "autoreply", "nonsigning")

    def newsletter(self):
        rng = self.rng
        for k in range(4):
            ps = [self.official(("mai", "cm", "cd")) for _ in range(3)]
            t = self.start(3, 40)
            if k == 0:
                lst = "; ".join(f"{display(x, 'cased')} ({mandate(x, rng)})" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Revue de presse Libertés numériques",
                    "revue@libertes-presse.example",
                    "Revue de presse de la semaine",
                    t,
                    extra="Precedence: bulk\nList-Unsubscribe: <mailto:stop@libertes-presse.example>",
                )
                m.text = f"REVUE DE PRESSE – LIBERTÉS NUMÉRIQUES\n\nDans la presse régionale cette semaine, des élu·es défendent la vidéoprotection de leur commune : {lst}.\n\nSe désinscrire : répondre STOP\n"
            elif k == 1:
                lst = "\n".join(f"• {display(x, 'std')}, {mandate(x, rng)}" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Association Villes et Sécurité",
                    "lettre@villes-securite.example",
                    "La Lettre – octobre 2026",
                    t,
                    extra="Precedence: bulk\nList-Unsubscribe: <mailto:lettre-leave@villes-securite.example>",
                )
                m.text = f"LA LETTRE DE L'ASSOCIATION VILLES ET SÉCURITÉ\n\nNos adhérents témoignent de l'apport des nouvelles technologies :\n{lst}\n\nColloque annuel le 12 novembre.\n"
            else:
                posts = "\n".join(
                    f"------------------------------\n\nMessage: {i + 2}\nFrom: {display(x, 'cased')} <{addr_of(x, rng)}>\nSubject: Re: appel VSA\n\n"
                    f"J'ai signé l'appel hier. {display(x, 'std')}, {self.role_de(x, parts(x, rng))}\n"
                    for i, x in enumerate(ps)
                )
                m = self.new(
                    "newsletter",
                    "plain",
                    "",
                    "elus-numerique-request@listes.elus-numerique.example",
                    f"Digest elus-numerique, Vol 9, Parution {rng.randint(10, 40)}",
                    t,
                    extra="Precedence: bulk\nList-Id: <elus-numerique.listes.elus-numerique.example>",
                )
                m.text = f"Envoyez vos messages pour la liste elus-numerique à\n\telus-numerique@listes.elus-numerique.example\n\nThèmes du jour :\n\n   1. Re: appel VSA ({len(ps)} messages)\n\n{posts}\n------------------------------\n\nFin de Digest elus-numerique\n"
            self.label(m, "newsletter", "nonsigning")

    def unsubscribe(self):
        rng = self.rng
        for k in range(3):
            p = self.official(("mai", "cm", "mai"))
            t = self.start(13, 40)
            prev, ptxt = self.mailing_before(t)
            text = [
                f"Merci de me retirer de votre liste de diffusion.\n\n{self.sigblock(p, 1)}",
                "STOP",
                f"Bonjour,\n\nJe reçois vos relances toutes les deux semaines : désinscrivez-moi s'il vous plaît, je ne souhaite pas signer.\n\n{display(p, 'cased')}, {mandate(p, rng)}",
            ][k]
            m, _ = self.reply(
                prev,
                ptxt,
                display(p, "cased"),
                self.addr(p),
                self.client(),
                text,
                "withdraw",
                t,
                subject=["Désinscription", None, "désabonnement"][k],
            )
            self.label(m, "other", "nonsigning")

    def spam(self):
        texts = [
            (
                "Support Messagerie",
                "noreply@maj-webmail-mairie.example",
                "Dernier avis : votre boîte est pleine",
                "Bonjour,\n\nVotre boîte sera désactivée ce soir. Confirmez votre mot de passe : http://maj-webmail-mairie.example/login\n",
            ),
            (
                "VisionSûre Solutions",
                "commercial@visionsure.example",
                "Caméras intelligentes : démonstration gratuite",
                "Madame, Monsieur l'élu·e,\n\nNotre solution d'analyse vidéo détecte automatiquement les dépôts sauvages et les rodéos. Démonstration gratuite dans votre commune !\n",
            ),
            (
                "Service Amendes",
                "avis@paiement-amende.example",
                "Avis de contravention n° 8812-2026",
                "Bonjour,\n\nUne contravention est en attente de paiement. Réglez 35 € sous 72 h.\n",
            ),
            (
                "Élections 2028",
                "offre@campagne-facile.example",
                "Préparez les sénatoriales",
                "Pack complet tracts + site : 990 € HT. Répondez OUI.\n",
            ),
            (
                "Colis Suivi",
                "suivi@livraison-colis.example",
                "Votre colis est en attente",
                "Votre colis n'a pas pu être livré. Frais de réexpédition : 1,99 €.\n",
            ),
            (
                "Mobilier Urbain Pro",
                "ventes@mobilier-urbain.example",
                "Bancs et abribus : -30 % en octobre",
                "Bonjour,\n\nProfitez de nos prix d'automne. Catalogue sur demande.\n",
            ),
        ]
        for name, addr, subj, text in texts:
            m = self.new("spam", "plain", name, addr, subj, self.start(1, 42))
            m.text = text
            self.label(m, "other", "nonsigning")

    # ---------------------------------------------------------------- the organisers' mailings
    def mailings_out(self):
        """The call and three reminders to the list (what signers reply to)."""
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_LIST,
            CALL_SUBJECT,
            START,
            enc=("utf-8", "quoted-printable"),
            extra=LIST_HEADERS,
        )
        m.to = "undisclosed-recipients:;"
        self.body(m, CALL, html=False)
        self.label(m, "other", "nonsigning")
        self.mailings.append((m, CALL))
        for day, hm, subj, intro in (
            (
                13,
                (9, 12),
                f"Rappel – {CALL_SUBJECT}",
                "Bonjour,\n\nPlus de 250 élu·es ont déjà signé notre appel. Si ce n'est pas encore fait, il suffit de répondre à ce message avec vos nom, prénom, mandat et collectivité.",
            ),
            (
                27,
                (8, 51),
                "[Rappel] Pas d'algorithmes derrière nos caméras : plus que 11 jours",
                "Bonjour,\n\nLe projet de loi de pérennisation sera examiné en commission le mois prochain. Chaque signature compte : répondez avec vos nom, prénom et mandat.",
            ),
            (
                35,
                (9, 4),
                "Dernière ligne droite : signez l'appel avant vendredi",
                "Bonjour,\n\nDernière ligne droite : l'appel se clôt ce vendredi 23 octobre à minuit.",
            ),
        ):
            t = dt.datetime.combine(
                (START + dt.timedelta(days=day)).date(), dt.time(*hm, self.rng.randint(0, 59))
            )
            text = f"{intro}\n\nMerci de faire suivre !\n\n{org_sig(day % 2)}\n\n---------- Rappel du texte ----------\n\n{CALL}"
            m = self.new(
                "org_call",
                "organisers",
                ORG_NAME,
                ORG_LIST,
                subj,
                t,
                enc=("utf-8", "quoted-printable"),
                extra=LIST_HEADERS,
            )
            m.to = "undisclosed-recipients:;"
            self.body(m, text, html=False)
            self.label(m, "other", "nonsigning")
            self.mailings.append((m, text))

    def org_other(self):
        rng = self.rng
        rep = dt.datetime.combine((START + dt.timedelta(days=21)).date(), dt.time(9, 40, 12))
        ok = [(m, p) for m, p in self.signed if not p.impostor and m.date < aware(rep)]
        rows = "\n".join(f"- {display(p, 'std')} ({mandate(p, rng)})" for _, p in ok[2::11][:5])
        text = f"Bonjour à toutes et à tous,\n\nPoint d'étape : l'appel a dépassé les 400 signatures. Parmi les signataires :\n\n{rows}\n\nIl reste jusqu'au 23 octobre pour signer.\n\n{org_sig(0)}"
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_LIST,
            f"[Point d'étape] {CALL_TITLE}",
            rep,
            extra=LIST_HEADERS,
        )
        m.to = "undisclosed-recipients:;"
        self.body(m, text, html=False)
        self.label(m, "other", "nonsigning")
        t = dt.datetime.combine((START + dt.timedelta(days=41)).date(), dt.time(10, 2, 40))
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_LIST,
            "Merci ! L'appel est clos",
            t,
            extra=LIST_HEADERS,
        )
        m.to = "undisclosed-recipients:;"
        self.body(
            m,
            f"Bonjour,\n\nL'appel est clos : 612 signatures, dont les vôtres. Les signatures arrivées après le 23 octobre seront ajoutées si elles sont vérifiées.\n\nÀ bientôt,\n\n{org_sig(1)}",
            html=False,
        )
        self.label(m, "other", "nonsigning")
        for k in range(2):
            t = self.start(2, 30)
            i = k
            text = [
                f"{ORGANISERS[1][0]},\n\nJ'ai commencé le pointage dans le tableur : attention aux doublons (certain·es signent depuis la mairie puis depuis leur adresse perso) "
                "et aux signatures transmises par des collaborateurs, à faire confirmer. On se cale un point jeudi ?\n\n"
                + ORGANISERS[0][0],
                f"{ORGANISERS[0][0]},\n\nLe retrait de signature de ce matin est noté. Il faudra aussi répondre à la journaliste du Courrier du Littoral.\n\n{ORGANISERS[1][0]}",
            ][k]
            m = self.new(
                "org_call",
                "organisers",
                ORG_FULL[i],
                f"{slug(ORGANISERS[i][0])}@{ORG_DOMAIN}",
                ["Pointage", "Re: Pointage"][k],
                t,
            )
            m.to = f"{ORG_FULL[1 - i]} <{slug(ORGANISERS[1 - i][0])}@{ORG_DOMAIN}>"
            self.body(m, text, html=False)
            self.label(m, "other", "nonsigning")
        for _k in range(
            2
        ):  # an official forwards the call to colleagues, the organisers in « To » by mistake
            p = self.official(("mai", "cm", "cd"))
            d = parts(p, rng)
            t = self.start(1, 30)
            prev, ptxt = self.mailing_before(t)
            client = self.client(["outlook_desktop", "gmail", "zimbra", "laposte"])
            m = self.new(
                "org_call",
                client,
                display(p, "cased"),
                self.addr(p),
                ("TR: " if client != "gmail" else "Fwd: ") + prev.subject,
                t,
            )
            m.to = f"{ORG_ADDR}, conseil-municipal@{town_dom(p) if p.commune else 'liste-elus.example'}"
            self.body(
                m,
                f"Chers collègues,\n\nJe vous fais suivre cet appel reçu ce matin. Libre à chacun·e de signer ou non ; pour ma part je n'ai pas encore décidé.\n\n"
                f"{display(p, 'cased')}\n{cap1(self.role_de(p, d))}\n\n-------- Message transféré --------\n\n{ptxt}",
                html=False,
            )
            self.label(m, "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        self.mailings_out()
        self.reply_call()
        self.phone_short()
        self.new_message()
        self.mairie_box()
        self.big_city()
        self.dept_region()
        self.corse_outremer()
        self.html_only()
        self.attachment()
        self.formal_letter()
        self.sans_mandat()
        self.correction()
        self.mandate_asked()
        self.confirm()
        self.twice()
        self.group_list()
        self.question_then_sign()
        self.debate()
        self.followups()
        self.question()
        self.thanks()
        self.autoreply()
        self.newsletter()
        self.unsubscribe()
        self.spam()
        self.org_other()
        # arrival order: files numbered by date (creation order breaks ties)
        order = sorted(range(len(self.mails)), key=lambda i: (self.mails[i].date, i))
        for n, i in enumerate(order, 1):
            m = self.mails[i]
            m.file = f"{n:03d}-{m.shape}.eml"
        self.mails = [self.mails[i] for i in order]
        self.labels.sort(key=lambda r: r["_mail"].file)  # stable: creation order within a message
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
                r["message_file"] = r["_mail"].file
                r["thread"] = r["_root"].file[:-4]
                r["refers_to"] = r["_refers"].file if r["_refers"] is not None else ""
                r["encoding"] = r["_mail"].encoding
                w.writerow([r[c] for c in LABEL_COLS])
        sig = [r for r in self.labels if r["expected"] != "no_signer"]
        print(
            f"{len(self.mails)} messages, {len(sig)} signers ({sum(r['case'] == 'official' for r in sig)} officials, "
            f"{sum(r['case'] == 'impostor' for r in sig)} impostors, {sum(r['case'] == 'no_mandate' for r in sig)} without a mandate)"
        )


if __name__ == "__main__":
    Builder().build()
