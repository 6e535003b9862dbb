#!/usr/bin/env python3
"""Twelfth held-out petition mailbox (tests/mail_holdout12): builder.

    python tests/mail_holdout12/build.py           # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts on Monday 6 September
2027 and only moves forward (Paris summer time, then winter time after 31 October 2027), Message-IDs
and MIME boundaries drawn from the generator in each client's own shape. Reads the real 2026 RNE
release (../shared/rne/release-2026, every file), the 2022 mayors file of ../shared/rne/history
(former mayors) and the COG (../shared/cog) at build time; nothing of ../shared is copied into the
repository except, in the messages, the drawn people's name, sex, mandate and place. Birth dates are
read only to tell homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages, labels or builders of the
earlier held-out corpora (only the READMEs of mail_holdout5 and mail_holdout6, mail_holdout5/build.py
whose registry reading, client quoting and encoding machinery are copied here, and the scorer).
Campaign: « Appel des élu·es pour les commerces de nos bourgs » (invented).
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

SEED = 2027_0906
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "coeur-de-bourg.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"appel-commerces@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Cœur de bourg"
ORGANISERS = [
    ("Aurore", "QUILLEVÉRÉ-DESBORDES"),
    ("Timothée", "BRANCHEREAU-LAFITAU"),
]  # invented; checked absent
# secretaries, assistants, list moderators: invented, checked absent from every 2026 file
STAFF = [
    ("Sandrine", "CHASTAGNOL-BRIFFAUT"),
    ("Murielle", "PENNANÉACH-VIGOUROUX"),
    ("Corinne", "LEBOUCHER-ARRAMENDY"),
    ("Pascale", "HUCHEDÉ-MONTAGNAC"),
    ("Nadège", "ESTRABAUT-QUÉRÉ"),
    ("Valérie", "TISSERONT-LABADIE"),
    ("Karine", "DOUCHIN-FERRANDON"),
    ("Élodie", "MARCAILLOU-GRISEL"),
    ("Thierry", "BOURGNEUF-CASTAGNET"),
    ("Gilles", "PRUNELIER-HASPARREN"),
    ("Josiane", "VERGNOLLE-KERBIRIOU"),
    ("Hervé", "MONTCHANIN-LEBLOND"),
]
CALL_TITLE = "Appel des élu·es pour les commerces de nos bourgs"
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

# a real campaign: many municipal councillors and adjoint·es, mayors, some departmental and regional
KINDS = ("cm",) * 11 + ("mai",) * 5 + ("cd", "cr", "mdel")


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


_EPCI_OF = {c["code"]: ep for ep in EPCIS for c in ep["membres"]}


def epci_name(code: str) -> str:
    ep = _EPCI_OF.get(code)
    return ep["nom"] if ep else ""


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
            kind = path.name.removesuffix(".sample.csv").removesuffix(".csv").rsplit("-", 1)[-1]
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
        if kind in ("dep", "sen"):
            return P(kind, **base, dep=g("Code du département") or "")
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
                coll=g("Libellé de l'EPCI") or "",
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
    if p.kind == "epci":
        ep = epci_name(p.commune_code) or pretty(p.coll)
        if f.startswith("Président"):
            return f"{e(p, 'président', 'présidente')} de la {epci_label(ep)}"
        if "Vice" in f:
            return f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} de la {epci_label(ep)}"
        return f"{e(p, 'conseiller communautaire', 'conseillère communautaire')} ({epci_label(ep)})"
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
        self.t = dt.datetime(2027, 9, 6, 8, 40)
        self.rng = rng

    def jump(self, t: dt.datetime) -> None:
        """Move to t if t is later (the clock never goes back)."""
        self.t = max(self.t, t)

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
FORM = "NOM :\nPrénom :\nMandat :\nCommune / collectivité :"
CALL = f"""{CALL_TITLE}

Madame, Monsieur,

Dans nos bourgs, la dernière épicerie ferme, le café ne trouve pas de repreneur, la boulangerie
n'ouvre plus que trois jours sur sept et le distributeur de billets a disparu. Nous, élu·es de
communes, d'intercommunalités, de départements et de régions, quelle que soit notre sensibilité,
demandons :

1) un fonds national pour la reprise des derniers commerces de centre-bourg ;
2) une exonération de cotisation foncière pour tout commerce unique dans sa commune ;
3) le droit pour les communes de préempter les murs commerciaux vides depuis plus d'un an ;
4) le maintien d'un distributeur de billets dans chaque bourg-centre.

Pour signer, répondez à ce message en complétant les lignes ci-dessous :

{FORM}

Chaque signature est vérifiée dans le Répertoire national des élus avant publication, le
2 novembre 2027. Date limite : 15 octobre 2027.

Merci de faire suivre l'appel aux élu·es de votre entourage.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} – signez avant le 15 octobre"
CALL_DATE = aware(dt.datetime(2027, 9, 6, 8, 5, 41))
REMINDER_DATE = aware(dt.datetime(2027, 9, 27, 8, 32, 7))
REMINDER_SUBJECT = f"[Rappel] {CALL_SUBJECT}"
LIST_HEADERS = (
    f"Reply-To: {ORG_ADDR}\nList-Id: <appel-commerces.listes.{ORG_DOMAIN}>\n"
    f"List-Unsubscribe: <mailto:appel-commerces-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: appel-commerces@listes." + ORG_DOMAIN
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
        self.gap = (20, 280)
        self.call: Mail | None = None
        self.reminder: Mail | None = None

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
        kinds = kinds or KINDS
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
        lo=None,
        hi=None,
        **kw,
    ) -> Mail:
        self.n += 1
        cs, cte = kw.pop("enc", None) or self.rng.choice(CLIENT_ENC.get(client, ENCODINGS))
        if cte == "7bit-qp":
            cte = "quoted-printable"
        dom = from_addr.split("@")[-1]
        t = self.clock.tick(lo or self.gap[0], hi or self.gap[1])
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
    def fname(self, p: P, k: int) -> str:
        """How a mail client shows the sender: set up once by the person, in many ways."""
        return [
            display(p, "cased"),
            display(p, "std"),
            display(p, "cased_inv"),
            noacc(display(p, "cased")).lower() if k % 7 == 3 else display(p, "cased"),
            display(p, "inv"),
            "",
        ][k % 6]

    def reply_call(
        self,
        shape: str,
        client: str,
        name: str,
        addr: str,
        top: str,
        html: bool | None = None,
        prev: Mail | None = None,
        prev_text: str | None = None,
        subject: str | None = None,
        **kw,
    ) -> Mail:
        prev = prev or self.call
        prev_text = CALL if prev_text is None else prev_text
        m = self.new(
            shape,
            client,
            name,
            addr,
            subject or self.reply_subject(client, prev.subject),
            in_reply_to=prev.mid,
            references=(prev.references + " " + prev.mid).strip(),
            **kw,
        )
        self.body(m, top, prev, prev_text, html=html)
        return m

    def fresh(
        self,
        shape: str,
        client: str,
        name: str,
        addr: str,
        subject: str,
        top: str,
        html: bool | None = None,
        **kw,
    ) -> Mail:
        m = self.new(shape, client, name, addr, subject, **kw)
        self.body(m, top, html=html)
        return m

    def role_de_p(self, p: P) -> str:
        if p.kind == "epci":
            return mandate(p, self.rng)
        return self.role_de(p, parts(p, self.rng))

    def coll_of(self, p: P) -> str:
        if p.kind == "epci":
            return epci_label(epci_name(p.commune_code) or pretty(p.coll))
        return self.coll(p, parts(p, self.rng))

    def mairie(self, p: P) -> str:
        if p.commune_code == "75056":
            return "Mairie de Paris"
        return "Mairie " + de_place(p.commune, p.tl)

    def past(self, days: int, hour: int = 20, minute: int = 30) -> dt.datetime:
        t = self.clock.t - dt.timedelta(days=days)
        return t.replace(hour=hour, minute=minute)

    def fr_date(self, t: dt.datetime) -> str:
        return f"{FR_DAYS[t.weekday()]} {t.day}{'er' if t.day == 1 else ''} {FR_MONTHS[t.month - 1]} {t.year}"

    def filled_form(self, p: P, style: int = 0) -> str:
        d = parts(p, self.rng)
        coll = d["bare_d"] if p.impostor or p.kind in ("mai", "cm", "mdel") else self.coll(p, d)
        if p.commune_code == "75056":
            coll = "Paris"
        role = d["role"]
        vals = [p.nom, p.prenom, role, coll]
        labels = ["NOM :", "Prénom :", "Mandat :", "Commune / collectivité :"]
        if style == 1:  # tabs, as a webmail pastes them
            return "\n".join(f"{lab}\t\t{v}" for lab, v in zip(labels, vals, strict=True))
        if style == 2:  # all on one line
            return "  ".join(f"{lab} {v}" for lab, v in zip(labels, vals, strict=True))
        if style == 3:  # lowercase values
            return "\n".join(
                f"{lab} {noacc(v).lower() if i > 1 else v}"
                for i, (lab, v) in enumerate(zip(labels, vals, strict=True))
            )
        if style == 4:  # first name first
            return f"Prénom : {p.prenom}\nNOM : {p.nom}\nMandat : {cap1(role)}\nCommune / collectivité : {coll}"
        return "\n".join(f"{lab} {v}" for lab, v in zip(labels, vals, strict=True))

    @staticmethod
    def staff_f(st: tuple[str, str]) -> bool:
        return st[0] not in ("Thierry", "Gilles", "Hervé")

    # ---------------------------------------------------------------- signing shapes
    def form_filled(self, k: int):
        """The call's four-line form filled in: copied on top, below the quote, or inside the quote."""
        rng = self.rng
        shape = "form_filled"
        client = [
            "thunderbird",
            "outlook_desktop",
            "gmail",
            "apple",
            "zimbra",
            "laposte",
            "yahoo",
            "orange",
            "iphone",
            "outlook_mac",
        ][k]
        if k == 4:
            cm = self.official(("cm",), lambda x: " " not in x.nom)
            p = self.impostor("other_first", surname_commune=cm.commune_code)
        elif k == 8:
            p = self.impostor("former_2022")
        else:
            p = self.official(None if k != 6 else ("cd", "cr"))
        name, addr = self.fname(p, k), addr_of(p, rng) if k % 3 else official_addr(p, rng)
        subj = self.reply_subject(client, self.call.subject)
        if k == 0:  # bottom-posting below the whole quote
            m = self.new(shape, client, name, addr, subj, in_reply_to=self.call.mid)
            quote = quote_text(client, self.call, CALL, self.call.to).lstrip("\n")
            m.text = f"{quote}\n{self.filled_form(p)}\n\nBon courage pour la suite,\n-- \n{display(p, 'cased')}\n"
        elif k == 1:  # Outlook: typed into the (unprefixed) quoted call
            filled = CALL.replace(FORM, self.filled_form(p))
            m = self.new(shape, client, name, addr, subj, in_reply_to=self.call.mid)
            self.body(
                m,
                f"Bonjour,\n\nVoir ci-dessous, complété.\n\nCordialement,\n{display(p, 'cased')}",
                self.call,
                filled,
            )
        elif k in (3, 8):  # typed inside the blockquote
            before, after = CALL.split(FORM)
            m = self.new(shape, client, name, addr, subj, in_reply_to=self.call.mid)
            t = self.call.date
            intro = f"Le {t.day} {FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}, {who(self.call)} a écrit :"
            form = self.filled_form(p)
            top = "Bonjour, réponses dans le texte." if k == 3 else "Je signe, voir plus bas"
            inside = q(form) if k == 8 else form
            m.text = (
                f"{top}\n\n> {intro}\n> \n{q(before.rstrip())}\n{inside}\n{q(after.lstrip())}\n"
            )
            if k == 8:
                m.text = m.text.replace(f"{top}\n", f"{top}\n\nEnvoyé de mon iPhone\n", 1)
        else:
            style = {2: 0, 4: 1, 5: 2, 6: 3, 7: 4, 9: 0}[k]
            extra = ""
            if k == 9:
                extra = f"\nTéléphone : {self.phone(True)}\nCourriel : {addr}"
            top = rng.choice(["Bonjour,", "Bonjour à vous,", "Bonsoir,", "Madame, Monsieur,"])
            top += f"\n\n{self.filled_form(p, style)}{extra}\n\n{self.closing()}"
            m = self.reply_call(shape, client, name, addr, top)
        self.sign(m, shape, p)

    def secretary_relay(self, k: int):
        """The town hall's secretary (or cabinet) writes for the mayor or an adjoint·e."""
        rng = self.rng
        shape = "secretary_relay"
        adj = lambda x: "adjoint" in x.fonction  # noqa: E731
        big = lambda x: COMMUNES[x.commune_code].get("population", 0) > 15000  # noqa: E731
        if k == 5:
            p = self.impostor("mayor_elsewhere")
        elif k in (2, 7):
            p = self.official(("cm",), adj)
        elif k == 4:
            p = self.official(("mai",), big)
        elif k == 6:
            p = self.official(("mdel",))
        else:
            p = self.official(
                ("mai",), lambda x: COMMUNES[x.commune_code].get("population", 0) < 3000
            )
        sec = self.staff[k]
        sname = f"{sec[0]} {sec[1]}"
        scased = f"{sec[0]} {nom_case(sec[1])}"
        d = parts(p, rng)
        dom = town_dom(p)
        cp = postcode(p.commune_code)
        M = e(p, "Monsieur", "Madame")
        il = e(p, "il", "elle")
        client = [
            "zimbra",
            "outlook_desktop",
            "laposte",
            "orange",
            "outlook_desktop",
            "gmail",
            "thunderbird",
            "zimbra",
        ][k]
        if k == 0:
            top = (
                f"Bonjour,\n\n{M} le Maire, {display(p, 'std')}, souhaite signer l'appel des élu·es pour les commerces de nos "
                f"bourgs. {cap1(il)} m'a demandé de vous transmettre sa signature :\n\n{p.nom} {p.prenom} – Maire {de_place(p.commune, p.tl)}\n\n"
                f"Bien cordialement,\n\n{scased}\nSecrétaire de mairie\n{self.mairie(p)}\n{self.street()}\n{cp} {p.commune.upper()}\n"
                f"Tél. {self.phone()}\nOuverture au public : lundi, mardi et jeudi de 9h à 12h"
            )
            m = self.reply_call(shape, client, self.mairie(p), f"secretariat@{dom}", top)
        elif k == 1:
            top = (
                f"Madame, Monsieur,\n\nPour faire suite à votre courriel du 6 septembre, {M} le Maire vous informe qu'{il} s'associe "
                f"à votre appel.\n\n{e(p, 'M.', 'Mme')} {display(p, 'cased')}\nMaire {de_place(p.commune, p.tl)}\n\n"
                f"P/O le Maire,\n{scased}\nAgent d'accueil – {self.mairie(p)}"
            )
            m = self.reply_call(shape, client, scased, f"accueil@{dom}", top)
        elif k == 2:
            top = (
                f"Bonjour,\n\nJe vous transmets la signature de {e(p, 'M.', 'Mme')} {nom_case(p.nom)} {p.prenom}, "
                f"{d['role']} chargé{e(p, '', 'e')} du commerce et de l'artisanat, qui n'a pas d'adresse électronique.\n\n"
                f"Cordialement,\n{sname}\nSecrétariat de la mairie {de_place(p.commune, p.tl)} ({d['dep']})"
            )
            m = self.fresh(
                shape,
                client,
                scased,
                f"mairie.{slug(p.commune)}@laposte.net",
                "Signature appel commerces",
                top,
            )
        elif k == 3:
            top = (
                f"bonjour\nle maire {noacc(display(p, 'cased')).lower()} signe votre appel pour les commerces\n"
                f"cordialement\nsecretariat mairie {p.commune}"
            )
            m = self.reply_call(
                shape,
                client,
                f"mairie {p.commune}",
                f"mairie.{slug(p.commune).replace('-', '')}@wanadoo.fr",
                top,
            )
        elif k == 4:
            top = (
                f"Madame, Monsieur,\n\nJ'ai l'honneur de vous faire savoir que {e(p, 'Monsieur', 'Madame')} {display(p, 'cased')}, "
                f"Maire {de_place(p.commune, p.tl)}, apporte son soutien et sa signature à l'{CALL_TITLE}.\n\n"
                f"Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n{scased}\n"
                f"{'Cheffe' if self.staff_f(sec) else 'Chef'} de cabinet du Maire\nVille {de_place(p.commune, p.tl)} – Hôtel de Ville\n{cp} {p.commune}"
            )
            m = self.reply_call(
                shape, client, f"Cabinet du Maire – {p.commune}", f"cabinet@{dom}", top, html=True
            )
        elif k == 5:
            top = (
                f"Bonjour, de la part de M. le maire : {display(p, 'std')}, maire {where_commune(p, rng, True)}, "
                f"signe l'appel.\n\nCordialement,\n{scased} (secrétaire de mairie)"
            )
            m = self.reply_call(
                shape,
                client,
                f"Mairie {de_place(p.commune, p.tl)}",
                f"mairie.{slug(p.commune)}@gmail.com",
                top,
            )
        elif k == 6:
            top = (
                f"Bonjour,\n\n{e(p, 'Monsieur', 'Madame')} {display(p, 'std')}, maire délégué{e(p, '', 'e')} au sein de la commune "
                f"nouvelle {de_place(p.commune, p.tl)}, m'a chargé{'e' if self.staff_f(sec) else ''} de vous transmettre sa "
                f"signature de l'appel.\n\nBien à vous,\n{scased}\nSecrétariat de la mairie annexe"
            )
            m = self.reply_call(shape, client, scased, f"mairie-annexe@{dom}", top)
        else:
            top = (
                f"Bonjour,\n\nNotre {d['role'].replace(' au maire', '')}, {display(p, 'cased')}, m'a chargé{'e' if self.staff_f(sec) else ''} de vous transmettre son "
                f"accord pour signer l'appel. {cap1(e(p, 'il', 'elle'))} suit aussi le dossier de la supérette communale.\n\n"
                f"Cordialement,\n{scased}\nAccueil – {self.mairie(p)}"
            )
            m = self.reply_call(shape, client, "Accueil Mairie", f"accueil@{dom}", top)
        self.sign(m, shape, p)

    def fake_pdf(self) -> bytes:
        return (
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + bytes(self.rng.randrange(256) for _ in range(300))
            + b"\n%%EOF\n"
        )

    def deliberation(self, k: int):
        """The mayor signs for the council after a deliberation; the register extract names those present."""
        rng = self.rng
        shape = "deliberation"
        if k == 3:
            p = self.impostor("former_2022")
        else:
            p = self.official(
                ("mai",),
                lambda x: 5 <= len(self.reg.by_commune.get(x.commune_code, [])) <= 29,
            )
        council = [x for x in self.reg.by_commune.get(p.commune_code, []) if x.kind == "cm"]
        council = rng.sample(council, min(len(council), rng.randint(7, 12)))
        pres_f = [x.nom for x in council[1:] if x.sexe == "F"]
        pres_m = [x.nom for x in council[1:] if x.sexe != "F"]
        absent = council[0]
        secr = council[1]
        t = self.past(rng.randint(1, 4), 20, rng.choice([0, 30]))
        num = f"{t.year}-{rng.randint(30, 70):03d}"
        vote = len(council) - 1
        ab = rng.choice([0, 0, 1])
        m_e = e(p, "M.", "Mme")
        extract = (
            f"EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nCommune {de_place(p.commune, p.tl)}"
            f"{' (' + p.dep + ')' if p.dep else ''}\n\nSéance du {t.day} {FR_MONTHS[t.month - 1]} {t.year}\n\n"
            f"L'an deux mille vingt-sept, le {t.day} {FR_MONTHS[t.month - 1]} à {'vingt heures' if t.minute == 0 else 'vingt heures trente'}, "
            f"le Conseil Municipal, légalement convoqué, s'est réuni à la mairie, sous la présidence de {m_e} {display(p, 'std')}, Maire.\n\n"
            f"Présents : {'Mmes ' + ', '.join(pres_f) if pres_f else ''}{' ; ' if pres_f and pres_m else ''}"
            f"{'MM. ' + ', '.join(pres_m) if pres_m else ''}.\n"
            f"Absent{e(absent, '', 'e')} excusé{e(absent, '', 'e')} : {e(absent, 'M.', 'Mme')} {absent.nom} (pouvoir à {e(p, 'M.', 'Mme')} le Maire).\n"
            f"Secrétaire de séance : {e(secr, 'M.', 'Mme')} {secr.nom}.\n\n"
            f"Délibération n° {num} – Soutien à l'{CALL_TITLE}\n\n"
            f"Le Maire présente l'appel lancé par le {ORG_NAME}. Considérant la fermeture de l'épicerie en 2025 et la "
            f"situation fragile du dernier café de la commune, le Conseil Municipal, après en avoir délibéré,\n"
            f"- APPORTE son soutien à l'appel ;\n- AUTORISE le Maire à le signer au nom de la commune.\n\n"
            f"Votants : {vote} – Pour : {vote - ab} – Contre : 0 – Abstention : {ab}\n\n"
            f"Pour extrait certifié conforme,\nLe Maire,\n{display(p, 'cased')}"
        )
        client = [
            "outlook_desktop",
            "zimbra",
            "laposte",
            "gmail",
            "thunderbird",
            "orange",
            "apple",
            "outlook_mac",
        ][k]
        name = self.mairie(p) if k in (1, 2, 5) else display(p, "cased")
        addr = f"mairie@{town_dom(p)}" if k in (1, 2, 5) else official_addr(p, rng)
        tops = [
            f"Bonjour,\n\nLe conseil municipal a délibéré sur votre appel lors de sa dernière séance. Je le signe donc au nom "
            f"du conseil. Vous trouverez ci-dessous l'extrait de la délibération.\n\nBien cordialement,\n{display(p, 'cased')}\n"
            f"Maire {de_place(p.commune, p.tl)}\n\n{extract}",
            f"Bonjour,\n\nVeuillez trouver ci-joint la délibération n° {num} du conseil municipal. Le maire, "
            f"{display(p, 'std')}, signe l'appel au nom de la commune.\n\nCordialement,\nLe secrétariat",
            f"Ci-dessous notre délibération. Je signe au nom du conseil.\n\n{extract}",
            f"Bonjour,\n\nSuite au vote de notre conseil ({vote - ab} voix pour), je signe l'appel pour la commune.\n\n"
            f"{display(p, 'cased')}, maire {where_commune(p, rng, True)}",
            f"Bonjour,\n\nSuite à la séance du conseil municipal de {'jeudi' if t.weekday() == 3 else 'la semaine dernière'}, je vous "
            f"confirme que le conseil soutient l'appel à l'unanimité moins {ab} abstention{'s' if ab > 1 else ''} ; je signe en son nom.\n\n"
            f"{display(p, 'cased')}, maire.",
            f"Le conseil municipal {de_place(p.commune, p.tl)} a adopté le {t.day} {FR_MONTHS[t.month - 1]} une motion de soutien "
            f"({vote - ab} voix pour, {ab} abstention). Signataire : le maire, {display(p, 'inv')}.\n\nMairie {de_place(p.commune, p.tl)}",
            f"Bonsoir,\n\nNous avons voté ce soir en conseil : soutien unanime à votre appel. Je signe au nom de toute l'équipe municipale.\n\n"
            f"{display(p, 'cased')}\nMaire {de_place(p.commune, p.tl)} ({p.dep})",
            f"Bonjour,\n\nLe conseil municipal s'est prononcé favorablement (délibération jointe). En tant que maire, je signe "
            f"l'appel au nom de la commune.\n\n{display(p, 'cased')}\nMaire {de_place(p.commune, p.tl)}",
        ][k]
        attach = None
        if k in (1, 7):
            attach = [(f"DCM_{num.replace('-', '_')}.pdf", "application/pdf", self.fake_pdf())]
        m = self.reply_call(shape, client, name, addr, tops, attach=attach)
        self.sign(m, shape, p)

    def council_group(self, n: int, pred=lambda c: True) -> list[P]:
        """The mayor and n councillors (adjoint·es first) of one commune."""
        for _ in range(20000):
            p = self.reg.pool["mai"][self.rng.randrange(len(self.reg.pool["mai"]))]
            code = p.commune_code
            if code == "75056" or not self.ok(p) or not pred(COMMUNES[code]):
                continue
            cms = [x for x in self.reg.by_commune[code] if x.kind == "cm" and self.ok(x)]
            if len(cms) >= n + 2:
                pick = [p] + sorted(self.rng.sample(cms, n), key=lambda x: rank(x.fonction) or 99)
                for x in pick:
                    self.use(x)
                return pick
        raise RuntimeError("council group")

    def council_list(self, k: int):
        """Several officials of one council in one message: the list after a council meeting."""
        rng = self.rng
        shape = "council_list"
        size = [4, 5, 4, 3, 4, 5][k]
        grp = self.council_group(
            size - 1, (lambda c: c.get("population", 0) > 8000) if k == 3 else (lambda c: True)
        )
        if k in (1, 4):
            grp[-1] = self.impostor("other_first", surname_commune=grp[0].commune_code)
        mayor = grp[0]
        place = de_place(mayor.commune, mayor.tl)

        def fn(x: P) -> str:
            if x.impostor:
                return e(x, "conseiller municipal", "conseillère municipale")
            return parts(x, rng)["role"]

        client = [
            "outlook_desktop",
            "zimbra",
            "gmail",
            "outlook_desktop",
            "laposte",
            "thunderbird",
        ][k]
        sec = self.staff[8 + k % 4]
        if k == 0:
            lst = "\n".join(f"- {display(x, 'std')}, {fn(x)}" for x in grp)
            top = (
                f"Bonjour,\n\nLors du conseil municipal d'hier soir, nous avons présenté votre appel. Les élus suivants souhaitent le signer :\n\n"
                f"{lst}\n\nBien cordialement,\n{display(mayor, 'cased')}\nMaire {place}"
            )
            m = self.reply_call(
                shape, client, display(mayor, "cased"), official_addr(mayor, rng), top
            )
        elif k == 1:
            bits = [f"{e(x, 'M.', 'Mme')} {display(x, 'cased')} ({fn(x)})" for x in grp]
            top = (
                f"Madame, Monsieur,\n\nPour la commune {place} ({mayor.dep}), signent l'appel : {', '.join(bits[:-1])} et {bits[-1]}.\n\n"
                f"Pour le Maire,\n{sec[0]} {nom_case(sec[1])}\nSecrétaire général{'e' if self.staff_f(sec) else ''}"
            )
            m = self.reply_call(shape, client, self.mairie(mayor), f"mairie@{town_dom(mayor)}", top)
        elif k == 2:
            rows = "\n".join(f"{x.nom}\t{x.prenom}\t{cap1(fn(x))}" for x in grp)
            top = (
                f"Bonjour,\n\nVoici les signataires de notre équipe ({mayor.commune}, {dept_name(mayor.dep)}) :\n\nNOM\tPrénom\tFonction\n{rows}\n\n"
                f"Merci pour cette initiative !\n{mayor.prenom}"
            )
            m = self.reply_call(
                shape, client, display(mayor, "cased"), addr_of(mayor, rng, "gmail.com"), top
            )
        elif k == 3:
            rows = "\n".join(f"{display(x, 'inv')}\t{cap1(fn(x))}" for x in grp)
            top = (
                f"Bonjour,\n\nÀ la suite de la commission commerce et artisanat, les élu·es de la majorité municipale {place} signent l'appel :\n\n"
                f"{rows}\n\nCordialement,\n{display(grp[1], 'cased')}\n{cap1(fn(grp[1]))}"
            )
            m = self.reply_call(
                shape, client, display(grp[1], "cased"), official_addr(grp[1], rng), top, html=True
            )
            cells = "".join(
                f"<tr><td style='border:solid windowtext 1.0pt;padding:0 5.4pt'>{esc(display(x, 'inv'))}</td>"
                f"<td style='border:solid windowtext 1.0pt;padding:0 5.4pt'>{esc(cap1(fn(x)))}</td></tr>"
                for x in grp
            )
            m.html = m.html.replace(
                esc(rows.split("\n")[0]),
                f"</p><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>{cells}</table><p class=MsoNormal>",
                1,
            )
            for x in grp[1:]:
                m.html = m.html.replace(
                    f'<p class="MsoNormal">{esc(display(x, "inv"))}\t{esc(cap1(fn(x)))}<o:p></o:p></p>\n',
                    "",
                    1,
                )
        elif k == 4:
            rows = "\n".join(
                f"{i + 1}. {display(x, 'caps_inv')} – {fn(x)}" for i, x in enumerate(grp)
            )
            top = (
                f"Bonjour,\n\nLes élus de {mayor.commune.upper()} qui signent :\n\n{rows}\n\nSalutations,\n{sec[0]} {nom_case(sec[1])}\n"
                f"Mairie {place}"
            )
            m = self.fresh(
                shape,
                client,
                f"Mairie {place}",
                f"mairie.{slug(mayor.commune)}@laposte.net",
                "Signatures de la commune",
                top,
            )
        else:
            named = [f"{display(x, 'cased')}" for x in grp[1:]]
            top = (
                f"Bonjour,\n\nJe signe l'appel, ainsi que mes adjoint·es et conseiller·es présent·es à la réunion de "
                f"municipalité de lundi : {', '.join(named[:-1])} et {named[-1]}.\n\nAmitiés,\n-- \n{display(mayor, 'cased')}\n"
                f"Maire {place}\n{postcode(mayor.commune_code)} {mayor.commune}"
            )
            m = self.reply_call(
                shape, client, display(mayor, "cased"), official_addr(mayor, rng), top
            )
        for x in grp:
            self.sign(m, shape, x)

    def cc_colleague(self, k: int):
        """A signs with a colleague in copy; the colleague answers to all."""
        rng = self.rng
        shape = "cc_colleague"
        th = f"{self.n + 1:03d}-{shape}"
        if k == 1:
            a = self.official(("cd",))
            b = self.take("cd", lambda x: x.dep == a.dep)
        elif k == 4:
            b = self.official(("cm",), lambda x: "adjoint" in x.fonction)
            a = self.impostor("invented", commune_code=b.commune_code)
            a.fonction = ""
        else:
            grp = self.council_group(1)
            if k == 2:
                a = grp[0]
                b = self.impostor("other_first", surname_commune=a.commune_code)
            elif k == 3:
                a, b = grp[1], grp[0]
            else:
                a, b = grp[1], self.colleague(grp[0].commune_code, lambda x: x.fonction == "")
        da, db = parts(a, rng), parts(b, rng)
        ca, cb = (
            ["gmail", "outlook_desktop", "thunderbird", "apple", "yahoo"][k],
            [
                "iphone",
                "outlook_desktop",
                "zimbra",
                "gmail",
                "android_gmail",
            ][k],
        )
        aa, ab = addr_of(a, rng), addr_of(b, rng)
        bdesc = {
            0: f"{display(b, 'std')}, conseillère municipale"
            if b.f
            else f"{display(b, 'std')}, conseiller municipal",
            1: f"{e(b, 'mon collègue', 'ma collègue')} du Département, {display(b, 'std')}",
            2: f"mon premier adjoint, {display(b, 'std')}",
            3: f"{e(b, 'Monsieur', 'Madame')} le Maire",
            4: f"{display(b, 'std')}, {db['role']}",
        }[k]
        top_a = (
            f"Bonjour,\n\nJe signe l'appel : {display(a, 'std')}, {self.role_de(a, da) if not a.impostor else mandate(a, rng)}.\n\n"
            f"Je mets en copie {bdesc}, qui voudra sûrement le signer aussi.\n\n{self.closing()}\n{a.prenom}"
        )
        m1 = self.reply_call(
            shape, ca, display(a, "cased"), aa, top_a, cc=f"{display(b, 'cased')} <{ab}>"
        )
        self.sign(m1, shape, a, thread=th)
        top_b = [
            f"Bonjour,\n\nJe signe également.\n{display(b, 'cased')}",
            f"Merci {a.prenom}.\n\nIdem pour moi : {display(b, 'std')}, {self.role_de(b, db)}.\n\nCordialement",
            f"Je signe aussi !\n{display(b, 'std')}",
            f"Moi aussi, bien sûr. {display(b, 'cased')}, maire.",
            f"Bonjour à tous,\n\nJe m'associe : {display(b, 'inv')}, {db['role']} {db['de']}.",
        ][k]
        m2 = self.new(
            shape,
            cb,
            display(b, "cased"),
            ab,
            self.reply_subject(cb, m1.subject),
            lo=30,
            hi=300,
            in_reply_to=m1.mid,
            references=(m1.references + " " + m1.mid).strip(),
            cc=f"{display(a, 'cased')} <{aa}>",
        )
        self.body(m2, top_b, m1, m1.text)
        self.sign(m2, shape, b, thread=th)

    REGIONAL = [
        # (language, predicate on the commune, greeting and text, closing, role words m/f per function)
        "breton",
        "occitan",
        "basque",
        "corse",
        "alsacien",
        "reunion",
        "guadeloupe",
        "catalan",
        "picard",
        "provencal",
    ]

    def regional_lang(self, k: int):
        """Officials writing in their regional language, the mandate in it (and sometimes in French)."""
        rng = self.rng
        shape = "regional_lang"
        lang = self.REGIONAL[k]
        deps = {
            "breton": ("29", "22", "56"),
            "occitan": ("31", "09", "12", "81", "32", "65"),
            "basque": ("64",),
            "corse": ("2A", "2B"),
            "alsacien": ("67", "68"),
            "reunion": ("974",),
            "guadeloupe": ("971",),
            "catalan": ("66",),
            "picard": ("80", "62"),
            "provencal": ("13", "83", "84"),
        }[lang]

        def where(x: P) -> bool:
            c = COMMUNES.get(x.commune_code, {})
            if lang == "basque":
                return c.get("arrondissement") == "642"
            if lang == "breton":
                return x.dep == "29" or (c.get("arrondissement") in ("222", "224", "561", "563"))
            return x.dep in deps

        if lang == "basque":
            p = self.impostor("invented", commune_code=self.take("mai", where).commune_code)
        elif lang == "corse":
            p = self.official(("ma",), lambda x: x.coll == "94")
        else:
            p = self.official(("cm", "cm", "mai"), where)
        d = parts(p, rng)
        f, mayor = p.f, (p.fonction == "Maire" or p.kind == "mai")
        adj = "adjoint" in p.fonction
        c = p.commune
        fr = f"({d['role']} {d['de']})"
        name = display(p, rng.choice(["std", "cased"]))
        if lang == "breton":
            role = (
                "maerez"
                if mayor and f
                else "maer"
                if mayor
                else ("eilmaerez" if f else "eilmaer")
                if adj
                else ("kuzulierez-kêr" if f else "kuzulier-kêr")
            )
            text = (
                f"Demat deoc'h,\n\nSinañ a ran ar galv evit stalioù hor bourc'hioù. Ret eo difenn ar stalioù bihan !\n\n"
                f"{name}\n{cap1(role)} {c}\n{fr}\n\nA-galon,"
            )
        elif lang == "occitan":
            role = (
                "cònsol"
                if mayor
                else ("adjunta" if f else "adjunt")
                if adj
                else ("conselhièra municipala" if f else "conselhièr municipal")
            )
            text = (
                f"Adiu a totes,\n\nSigni l'apèl per las botigas de nòstres borgs. Sens botigas, i a pas pus de vida al vilatge.\n\n"
                f"{name}, {role} de {c} {fr}\n\nA lèu,"
            )
        elif lang == "basque":
            role = "auzapeza" if mayor else "auzapez-ordea" if adj else "zinegotzia"
            text = f"Kaixo,\n\nDeialdia sinatzen dut. Gure herrietako dendak zaindu behar ditugu.\n\n{name}\n{c}ko {role}\n{fr}\n\nOndo izan,"
        elif lang == "corse":
            role = (
                "cunsigliera à l'Assemblea di Corsica"
                if f
                else "cunsiglieru à l'Assemblea di Corsica"
            )
            text = f"Bonghjornu à tutti,\n\nFirmu l'appellu per i cummerci di i nostri paesi.\n\n{name}\n{cap1(role)}\n\nA ringraziavvi,"
        elif lang == "alsacien":
            role = (
                "Bürgermeischter"
                if mayor
                else "Adjoint"
                if adj
                else ("Gemeinderätin" if f else "Gemeinderot")
            )
            text = (
                f"Salü mitnander,\n\nIch unterschriib eiere Appel fer d'Lädele in unsere Derfer. Ohne Beck un Metzger isch's Dorf "
                f"nimm lebandi.\n\n{name}\n{role} vun {c} – {d['role']} {d['de']}\n\nMit beschte Griess,"
            )
        elif lang == "reunion":
            role = (
                "mèr"
                if mayor
                else ("adjointe" if f else "adjoint")
                if adj
                else ("konséyèz minisipal" if f else "konséyé minisipal")
            )
            text = (
                f"Bonzour zot tout,\n\nMoin lé dakor èk zot lapèl, mi sign ! Nout ti boutik, nout ti kabaré, i fo gard azot.\n\n"
                f"{name}\n{cap1(role)} {c} {fr}\n\nMersi,"
            )
        elif lang == "guadeloupe":
            text = (
                f"Bonjou tout moun,\n\nAn ka siyé lapèl-la. Sé ti boutik a bouk-la ki ka fè lavi an komin-la.\n\n"
                f"{name}, {d['role']} {d['de']}\n\nMèsi onpil,"
            )
        elif lang == "catalan":
            role = (
                ("batllessa" if f else "batlle")
                if mayor
                else ("tinenta de batlle" if f else "tinent de batlle")
                if adj
                else ("regidora" if f else "regidor")
            )
            text = f"Bon dia,\n\nSigno la crida per als comerços dels nostres pobles.\n\n{name}\n{cap1(role)} de {c} {fr}\n\nSalutacions,"
        elif lang == "picard":
            text = (
                f"Bojour,\n\nJ'signe vo n'appel, ch'est pour nos p'tits comerces, hein. Sans boulinjer ni épiceux, ch'vilache i mourt.\n\n"
                f"{name}\n{cap1(d['role'])} {d['de']}\n\nA l'arvoïure,"
            )
        else:
            role = (
                "conse"
                if mayor
                else ("adjuncha" if f else "adjunch")
                if adj
                else ("conseiera municipala" if f else "conseier municipau")
            )
            text = f"Bònjorn,\n\nSigne la crida per lei botigas de nòstrei vilatges.\n\n{name}\n{cap1(role)} de {c} {fr}\n\nAmistats,"
        client = [
            "gmail",
            "thunderbird",
            "orange",
            "gmail",
            "outlook_desktop",
            "samsung",
            "iphone",
            "yahoo",
            "free",
            "apple",
        ][k]
        if client == "free":
            client = "zimbra"
        m = self.reply_call(shape, client, self.fname(p, k), addr_of(p, rng), text)
        self.sign(m, shape, p)

    def noaccent(self, k: int):
        """A keyboard without accents (abroad, QWERTY, habit): names and places without them."""
        rng = self.rng
        shape = "noaccent"
        acc = lambda x: noacc(x.prenom + x.nom + x.commune) != x.prenom + x.nom + x.commune  # noqa: E731
        p = (
            self.impostor("mayor_elsewhere")
            if k == 4
            else self.official(("cm", "cm", "mai", "cd"), acc)
        )
        d = parts(p, rng)
        role_de = noacc(self.role_de(p, d) if not p.impostor else mandate(p, rng))
        nm = noacc(display(p, "cased"))
        client = [
            "gmail",
            "yahoo",
            "android_gmail",
            "outlook_desktop",
            "gmail",
            "samsung",
            "orange",
            "thunderbird",
        ][k]
        text = [
            f"Bonjour,\n\nJe signe l'appel.\n{nm}, {role_de}\n\nCordialement",
            f"Bonjour,\n\nDesole pour l'absence d'accents, je suis au Quebec pour le jumelage et je n'ai qu'un clavier qwerty.\n"
            f"Je signe bien volontiers : {noacc(display(p, 'std'))}, {role_de}.\n\nBien a vous",
            f"bonjour je signe. {noacc(display(p, 'cased')).lower()} {noacc(role_de).lower()}",
            f"Bonjour,\n\nJe m'associe a votre appel, les commerces de nos bourgs en ont bien besoin.\n\n{nm}\n{cap1(role_de)}",
            f"Bonjour,\n\nJe signe : {noacc(display(p, 'std'))}, {role_de}\n\nBonne journee",
            f"Signe ! {nm} {role_de.replace('-', ' ').replace('Saint ', 'St ')}",
            f"BONJOUR\n\n{noacc(display(p, 'std')).upper()} - {noacc(d['role']).upper()} {noacc(d['de']).upper()}\nJE SIGNE",
            f'Bonjour,\n\nVoici ma signature pour l\'appel (le "coeur de bourg", on y tient !) :\n{nm}\n{cap1(role_de)}\n\n-- \n{nm}',
        ][k]
        m = self.reply_call(shape, client, noacc(self.fname(p, k)), addr_of(p, rng), text)
        self.sign(m, shape, p)

    PARTICLES = (
        "DE ",
        "DU ",
        "DES ",
        "D'",
        "LE ",
        "LA ",
        "DE LA ",
        "VAN ",
        "N'",
        "M'",
        "DA ",
        "DOS ",
    )

    def particle_names(self, k: int):
        """Surnames with a particle, an apostrophe or two words, written as their bearers do."""
        rng = self.rng
        shape = "particle_names"
        preds = [
            lambda x: x.nom.startswith(("DE ", "DU ")) and not x.nom.startswith("DE LA "),
            lambda x: x.nom.startswith("DE LA ") or x.nom.startswith("DES "),
            lambda x: x.nom.startswith("LE ") and len(x.nom.split()) == 2,
            lambda x: x.nom.startswith(("D'", "N'", "M'")),
            lambda x: (
                " " in x.nom and not x.nom.startswith(self.PARTICLES) and x.nom.count(" ") == 1
            ),
            None,
            lambda x: x.nom.startswith(("VAN ", "DA ", "DOS ", "LA ")),
            lambda x: "-" in x.nom and len(x.nom) > 14,
        ]
        if k == 5:
            p = self.impostor("invented")
            p.nom = "DE " + p.nom if not p.nom.startswith("DE ") else p.nom
        else:
            p = self.official(("cm", "cm", "mai", "cd", "cr"), preds[k])
        d = parts(p, rng)
        rd = self.role_de(p, d) if not p.impostor else mandate(p, rng)
        cased = display(p, "cased")
        sig = [
            f"{cased}\n{cap1(rd)}",
            f"{p.prenom[0]}. {nom_case(p.nom)}\n{cap1(rd)}",
            f"{p.nom} {p.prenom}\n{cap1(rd)}",
            f"{p.prenom} {p.nom}, {rd}",
            f"{nom_case(p.nom)} {p.prenom} – {rd}",
            f"{p.prenom} {nom_case(p.nom)}\n{cap1(rd)}",
            f"{cased} ({rd})",
            f"{p.prenom} {p.nom}\n{cap1(d['role'])}\n{self.coll(p, d)}",
        ][k]
        top = rng.choice(
            [
                "Bonjour,\n\nJe signe l'appel.",
                "Madame, Monsieur,\n\nJe vous confirme ma signature.",
                "Bonjour,\n\nBien volontiers, je signe.",
                "Chers amis,\n\nJe m'associe à cet appel.",
            ]
        )
        client = [
            "outlook_desktop",
            "apple",
            "gmail",
            "zimbra",
            "thunderbird",
            "outlook_mac",
            "laposte",
            "iphone",
        ][k]
        m = self.reply_call(
            shape, client, self.fname(p, k), addr_of(p, rng), f"{top}\n\n{self.closing()}\n{sig}"
        )
        self.sign(m, shape, p)

    def html_signature(self, k: int):
        """A short « je signe » above an HTML signature: a table with a logo, name, title, address."""
        rng = self.rng
        shape = "html_signature"
        big = lambda x: COMMUNES.get(x.commune_code, {}).get("population", 0) > 5000  # noqa: E731
        if k == 6:
            p = self.impostor("mayor_elsewhere")
        else:
            p = self.official(
                (("cm",) * 3 + ("mai", "cd", "cr"))[k % 6 : k % 6 + 1],
                big if k % 6 < 4 else (lambda x: True),
            )
        d = parts(p, rng)
        coll = self.coll(p, d) if not p.impostor else f"Commune {de_place(p.commune, p.tl)}"
        coll = coll.replace("Commune de ", "Ville de ") if big(p) else coll
        deleg = rng.choice(
            DELEGATIONS + ["au commerce et à l'artisanat", "au développement économique"]
        )
        title = cap1(d["role"]) + (
            f" déléguée {deleg}"
            if p.f and "adjoint" in p.fonction
            else f" délégué {deleg}"
            if "adjoint" in p.fonction
            else ""
        )
        if p.kind == "cd":
            title = cap1(d["role"]) + f" {d['de']}\nCanton {de_name(p.canton)}"
        if p.kind == "cr":
            title = cap1(d["role"]) + f" {d['de']}\nCommission Économie de proximité"
        client = [
            "outlook_desktop",
            "gmail",
            "outlook_desktop",
            "apple",
            "thunderbird",
            "orange",
            "outlook_desktop",
            "gmail",
        ][k]
        img = f"image00{rng.randint(1, 3)}.png@01DC{hx(rng, 4, HEXU)}.{hx(rng, 8, HEXU)}"
        if p.commune_code:
            addr_l = f"{self.street()} – {postcode(p.commune_code)} {p.commune}"
        elif p.kind == "cd":
            addr_l = f"Hôtel du Département – {dept_name(p.dep)}"
        else:
            addr_l = f"Hôtel de Région – {p.region}"
        phone = self.phone()
        nm = display(p, rng.choice(["std", "cased"]))
        top = rng.choice(
            [
                "Bonjour,\n\nJe signe l'appel avec plaisir.\n\nBien cordialement,",
                "Bonjour,\n\nJe soutiens et je signe.\n\nCordialement,",
                "Madame, Monsieur,\n\nVous pouvez ajouter mon nom aux signataires.\n\nBien à vous,",
            ]
        )
        tl = title.replace("\n", "<br>")
        if client == "outlook_desktop":
            sig_t = f"[cid:{img}]\t{nm}\n{title}\n{coll}\n{addr_l}\nTél. {phone}\n"
            sig_h = (
                f"<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0><tr><td width=90 style='padding:0cm 7.5pt 0cm 0cm'>"
                f'<p class=MsoNormal><img width=80 height=80 src="cid:{img}" alt="Logo {esc(coll)}"></p></td>'
                f"<td style='border:none;border-left:solid #C00000 1.5pt;padding:0cm 0cm 0cm 7.5pt'><p class=MsoNormal><b>"
                f"<span style='color:#C00000'>{esc(nm)}</span></b><br><i>{esc(tl).replace('&lt;br&gt;', '<br>')}</i><br>{esc(coll)}<br>"
                f"{esc(addr_l)}<br>Tél. {phone}<o:p></o:p></p></td></tr></table>\n"
            )
        elif client == "gmail":
            sig_t = f"-- \n{nm}\n{title}\n{coll}\n{phone}\n"
            sig_h = (
                f'<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature" '
                f'data-smartmail="gmail_signature"><div dir="ltr"><b>{esc(nm)}</b><div><font color="#888888">{esc(tl).replace("&lt;br&gt;", "<br>")}</font></div>'
                f"<div>{esc(coll)}</div><div>{phone}</div></div></div>\n"
            )
        else:
            sig_t = f"{nm}\n{title}\n{coll}\n{addr_l}\n"
            sig_h = (
                f"<div><br></div><div style='font-family:Georgia;font-size:12px'><b>{esc(nm)}</b><br>{esc(tl).replace('&lt;br&gt;', '<br>')}"
                f"<br>{esc(coll)}<br>{esc(addr_l)}</div>\n"
            )
        m = self.new(
            shape,
            client,
            self.fname(p, k),
            official_addr(p, rng) if p.kind in ("mai", "cm") else addr_of(p, rng),
            self.reply_subject(client, self.call.subject),
            in_reply_to=self.call.mid,
        )
        quoted_t = quote_text(client, self.call, CALL, self.call.to)
        quoted_h = quote_html(client, self.call, CALL, self.call.to)
        m.text = None if client == "orange" else f"{top}\n\n{sig_t}{quoted_t}"
        m.html = html_doc(client, top, sig_h + quoted_h)
        self.sign(m, shape, p)

    def reminder_text(self) -> str:
        return (
            f"Bonjour à toutes et à tous,\n\nVous avez été plus de 400 élu·es à signer l'{CALL_TITLE} en trois semaines : merci !\n\n"
            f"Il reste jusqu'au 15 octobre pour nous rejoindre. Si vous n'avez pas encore signé, répondez simplement à ce "
            f"message avec vos nom, prénom, mandat et commune ou collectivité.\n\nLe texte de l'appel est rappelé ci-dessous.\n\n"
            f"{org_sig(1)}\n\n-------- Message d'origine --------\nSujet : {CALL_SUBJECT}\nDate : {self.fr_date(CALL_DATE)}\n\n{CALL}"
        )

    def late_reminder(self, k: int):
        """Answers to the reminder, days or weeks later, some after the deadline."""
        rng = self.rng
        shape = "late_reminder"
        if k == 3:
            p = self.impostor("former_2022")
        elif k == 7:
            cm = self.official(("cm",), lambda x: " " not in x.nom)
            p = self.impostor("other_first", surname_commune=cm.commune_code)
        else:
            p = self.official()
        d = parts(p, rng)
        rd = self.role_de(p, d) if not p.impostor else mandate(p, rng)
        client = [
            "outlook_desktop",
            "gmail",
            "iphone",
            "zimbra",
            "laposte",
            "thunderbird",
            "apple",
            "gmail",
            "orange",
            "outlook_ios",
        ][k]
        late = self.clock.t > dt.datetime(2027, 10, 15, 23, 0)
        text = [
            f"Bonjour,\n\nAvec un peu de retard (rentrée chargée !), je signe l'appel.\n\n{display(p, 'cased')}\n{cap1(rd)}",
            f"Bonjour,\n\nJe n'avais pas vu votre premier message, il était parti dans les indésirables. Je signe : {display(p, 'std')}, {rd}.\n\nCordialement",
            f"Est-il encore temps ? Si oui, je signe : {display(p, 'std')}, {rd}",
            f"Bonjour,\n\n{'Je sais que la date est passée, mais ' if late else ''}je souhaite signer l'appel.\n\n{display(p, 'inv')}\n{cap1(rd)}",
            f"Bonjour,\n\nMieux vaut tard que jamais : je signe.\n{display(p, 'cased')}, {rd}",
            f"Bonjour,\n\nDésolé{e(p, '', 'e')} pour le délai, je rentre de congés. Je signe bien volontiers.\n\n-- \n{display(p, 'cased')}\n{cap1(rd)}",
            f"Bonjour,\n\nSuite à votre relance, je vous confirme ma signature.\n\n{display(p, 'std')}\n{cap1(rd)}",
            f"Je signe (enfin !). {display(p, 'cased')}, {rd}.",
            f"Bonjour\n\nOui je signe\n{display(p, 'std')} {rd}\n\nCordialement",
            f"Bonjour,\n\nJe signe l'appel, pardon pour le retard.\n{display(p, 'cased')} – {rd}",
        ][k]
        m = self.reply_call(
            shape,
            client,
            self.fname(p, k),
            addr_of(p, rng),
            text,
            prev=self.reminder,
            prev_text=self.reminder_text(),
        )
        self.sign(m, shape, p)

    def mobile_terse(self, k: int):
        """Two lines from a phone: short forms, initials, shortened first names, emoji, no capitals."""
        rng = self.rng
        shape = "mobile_terse"
        if k == 2:
            p = self.impostor("invented")
        elif k == 8:
            p = self.impostor("mayor_elsewhere")
        else:
            p = self.official(("cm", "cm", "cm", "mai"))
        d = parts(p, rng)
        short_first = {
            "Nicolas": "Nico",
            "Caroline": "Caro",
            "Christophe": "Chris",
            "Stéphanie": "Steph",
            "Alexandre": "Alex",
            "Véronique": "Véro",
            "Frédérique": "Fred",
            "Sébastien": "Seb",
            "Isabelle": "Isa",
            "Nathalie": "Nath",
            "Dominique": "Domi",
            "Maximilien": "Max",
        }.get(p.prenom)
        first = short_first or p.prenom
        if "-" in p.prenom and k % 2 == 0:
            first = initials(p.prenom, "nodot")
        bare = d["bare_d"] or d["bare"]
        short = d["short"] or d["role"]
        text = [
            f"Je signe ! {first} {nom_case(p.nom)}, {short} {bare}",
            f"Ok pour moi. {first} {p.nom} {short} {bare}",
            f"Signé 👍 {first} {nom_case(p.nom)} ({d['role']} {d['de']})",
            f"je signe {noacc(first).lower()} {noacc(p.nom).lower()} {noacc(d['role']).lower()} {noacc(bare).lower()}",
            f"✅ {first} {p.nom} – {short} – {bare}",
            f"Ok signé. {p.nom} {first}, {d['role']} à {bare}",
            f"Oui !! {first} {nom_case(p.nom)} {short} {bare} 💪",
            f"Je signe. {first} {nom_case(p.nom)}\n{cap1(d['role'])} {d['de']}",
            f"Signé. {first} {p.nom}, maire {d['de']} ({d['dep']})",
            f"Avec plaisir. {first} {nom_case(p.nom)} {short} {bare}",
        ][k]
        client = [
            "iphone",
            "samsung",
            "iphone",
            "android_gmail",
            "orange_app",
            "outlook_ios",
            "iphone",
            "samsung",
            "android_gmail",
            "iphone",
        ][k]
        m = self.reply_call(shape, client, self.fname(p, k + 1), addr_of(p, rng), text, html=False)
        self.sign(m, shape, p)

    def fwd_chain(self, k: int):
        """Forwards: a colleague's signature passed on, an intercommunal president's forward, a shopkeeper's request."""
        rng = self.rng
        shape = "fwd_chain"
        if k == 0:
            grp = self.council_group(1)
            mayor, adj = grp[0], grp[1]
            inner = f"Bonjour {mayor.prenom},\n\nPeux-tu transmettre ma signature pour l'appel des commerces ? Je n'ai pas leur adresse.\n\n{display(adj, 'cased')}\n{cap1(parts(adj, rng)['role'])}"
            t = self.past(1, 18, 12)
            fwd = (
                f"-----Message d'origine-----\nDe : {display(adj, 'cased')} <{addr_of(adj, rng)}>\nEnvoyé : {fr_long(t)}\n"
                f"À : {display(mayor, 'cased')} <{official_addr(mayor, rng)}>\nObjet : appel commerces\n\n{inner}"
            )
            top = (
                f"Bonjour,\n\nJe vous transmets la signature de {e(adj, 'mon collègue', 'ma collègue')} {parts(adj, rng)['role']}, ci-dessous. Et je signe également : "
                f"{display(mayor, 'std')}, maire {where_commune(mayor, rng)}.\n\nCordialement\n\n{fwd}"
            )
            m = self.fresh(
                shape,
                "outlook_desktop",
                display(mayor, "cased"),
                official_addr(mayor, rng),
                "TR: appel commerces",
                top,
            )
            self.sign(m, shape, adj)
            self.sign(m, shape, mayor)
            return
        if k == 1:
            pres = self.official(
                ("mai",), lambda x: len(_EPCI_OF.get(x.commune_code, {}).get("membres", [])) > 8
            )
            members = [c["code"] for c in _EPCI_OF[pres.commune_code]["membres"]]
            cands = [
                self.reg.mayor_of[c]
                for c in members
                if c in self.reg.mayor_of and self.ok(self.reg.mayor_of[c])
            ]
            p = self.use(cands[rng.randrange(len(cands))])
            ep = epci_label(epci_name(pres.commune_code))
            epdom = (
                "cc-"
                + slug(re.sub(r"^(CC|CA|CU) ", "", epci_name(pres.commune_code)))[:22].strip("-")
                + ".fr"
            )
            t = self.past(2, 9, 41)
            fwd = (
                f"---------- Forwarded message ---------\nDe : {display(pres, 'cased')} <president@{epdom}>\n"
                f"Date: {FR_DAY_ABBR[t.weekday()]} {t.day} {FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}\n"
                f"Subject: TR: {CALL_SUBJECT}\nTo: <maires@{epdom}>\n\n\nChers collègues maires de la {ep},\n\nJe vous transmets cet "
                f"appel que j'ai signé pour ma part. Libre à chacun de le faire.\n\n{display(pres, 'cased')}\nPrésident{e(pres, '', 'e')} de la {ep}\n"
                f"Maire {de_place(pres.commune, pres.tl)}\n\n{CALL}"
            )
            top = f"Je signe aussi.\n{display(p, 'cased')}\nMaire {de_place(p.commune, p.tl)}\n\n{fwd}"
            m = self.fresh(
                shape,
                "gmail",
                display(p, "cased"),
                addr_of(p, rng),
                f"Fwd: TR: {CALL_SUBJECT}",
                top,
            )
            self.sign(m, shape, p)
            return
        if k == 2:
            p = self.official(("mai",), lambda x: x.dep in DEPTS and not x.dep.startswith("97"))
            st = self.staff[(k + 3) % len(self.staff)]
            asso = f"Association des maires {de_dept(p.dep)}"
            top = (
                f"Bonjour,\n\nNotre adhérent{e(p, '', 'e')}, {e(p, 'M.', 'Mme')} {display(p, 'std')}, maire {where_commune(p, rng, True)}, "
                f"nous a demandé de vous transmettre sa signature de l'appel, n'ayant pas pu le faire depuis la mairie (panne de messagerie).\n\n"
                f"Bien cordialement,\n{st[0]} {nom_case(st[1])}\nChargé{'e' if self.staff_f(st) else ''} de mission\n{asso}"
            )
            m = self.fresh(
                shape,
                "outlook_desktop",
                f"{asso}",
                f"contact@maires{p.dep.lower()}.example",
                "Signature transmise – appel commerces",
                top,
            )
            self.sign(m, shape, p)
            return
        if k == 3:
            p = self.impostor("invented")
            t = self.past(0, 7, 58)
            inner_addr = addr_of(p, rng)
            top = (
                f"Je vous renvoie mon message, parti sur la liste au lieu de votre adresse.\n\n"
                f"-------- Message transféré --------\nSujet : \tRe: {CALL_SUBJECT}\nDate : \t{t:%a, %d %b %Y %H:%M:%S} +0200\n"
                f"De : \t{display(p, 'cased')} <{inner_addr}>\nPour : \t{ORG_LIST}\n\n\nJe signe. {display(p, 'std')}, {mandate(p, rng)}\n"
            )
            m = self.fresh(
                shape,
                "thunderbird",
                display(p, "cased"),
                inner_addr,
                f"Fwd: Re: {CALL_SUBJECT}",
                top,
            )
            self.sign(m, shape, p)
            return
        if k == 4:
            p = self.official(
                ("mai",), lambda x: COMMUNES[x.commune_code].get("population", 0) < 2000
            )
            shop = rng.choice(["Boulangerie", "Épicerie", "Café-tabac", "Bar-restaurant"])
            owner = self.staff[(k + 5) % len(self.staff)]
            t = self.past(1, 16, 5)
            fwd = (
                f"---------- Forwarded message ---------\nDe : {owner[0]} {nom_case(owner[1])} <{slug(shop)}.{slug(p.commune)[:12]}@orange.fr>\n"
                f"Date: {FR_DAY_ABBR[t.weekday()]} {t.day} {FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}\nSubject: L'appel pour les commerces\n"
                f"To: {official_addr(p, rng)}\n\n\nBonjour {e(p, 'Monsieur', 'Madame')} le Maire,\n\nJ'ai vu passer cet appel, vous pourriez le signer pour la commune ? "
                f"Ça nous aiderait.\n\n{owner[0]}\n{shop} du bourg"
            )
            top = f"Bonjour,\n\nSur proposition de notre {shop.lower()}, je signe avec plaisir.\n\n{display(p, 'cased')}, maire {de_place(p.commune, p.tl)}\n\n{fwd}"
            m = self.fresh(
                shape,
                "gmail",
                display(p, "cased"),
                official_addr(p, rng),
                "Fwd: L'appel pour les commerces",
                top,
            )
            self.sign(m, shape, p)
            return
        p = self.official(("cr",))
        d = parts(p, rng)
        fede = rng.choice(
            ["Fédération départementale", "Groupe des élu·es", "Réseau des élu·es ruraux"]
        )
        top = (
            f"Bonjour,\n\nReçu de notre {fede.lower()} : je signe.\n\n{display(p, 'std')}\n{cap1(d['role'])} {d['de']}\n\n"
            f"De : {fede} <contact@reseau-elus.example>\nEnvoyé : {fr_long(self.past(3, 11, 2))}\nÀ : {display(p, 'std')}\n"
            f"Objet : TR: {CALL_SUBJECT}\n\nPour information, l'appel ci-dessous circule. À chacun de voir.\n\n{CALL}"
        )
        m = self.fresh(
            shape,
            "outlook_desktop",
            display(p, "cased"),
            addr_of(p, rng),
            f"TR: TR: {CALL_SUBJECT}",
            top,
        )
        self.sign(m, shape, p)

    def org_reply(self, prev: Mail, text: str, shape: str, thread: str) -> Mail:
        i = self.n % 2
        m = self.new(
            shape,
            "organisers",
            f"{ORGANISERS[i][0]} – {ORG_NAME}",
            ORG_ADDR,
            self.reply_subject("organisers", prev.subject),
            lo=40,
            hi=400,
            in_reply_to=prev.mid,
            references=(prev.references + " " + prev.mid).strip(),
        )
        m.to = f"{prev.from_name} <{prev.from_addr}>" if prev.from_name else prev.from_addr
        self.body(m, f"{text}\n\n{org_sig(i)}", prev, prev.text or "", html=False)
        self.label(m, shape, "other", "nonsigning", None, thread)
        return m

    def ask_then_sign(self, k: int):
        """A question with name and mandate, the organisers' answer, then « je signe » (often no name)."""
        rng = self.rng
        shape = "ask_then_sign"
        th = f"{self.n + 1:03d}-{shape}"
        p = self.impostor("former_2022") if k == 4 else self.official()
        d = parts(p, rng)
        rd = self.role_de(p, d) if not p.impostor else mandate(p, rng)
        qa = [
            (
                "Les commerces ambulants (tournée du boulanger, camion-épicerie) sont-ils concernés par le point 1 ? Chez nous c'est tout ce qui reste.",
                "Oui : le fonds viserait toute activité commerciale de proximité, y compris ambulante.",
                "Très bien, dans ce cas je signe.",
            ),
            (
                "Faut-il une délibération du conseil pour que je signe en tant qu'élue ?",
                "Non, la signature est personnelle : votre nom et votre mandat suffisent.",
                f"Parfait, merci. Je signe donc à titre personnel.\n{p.prenom}",
            ),
            (
                "La pharmacie est-elle un « commerce » au sens de l'appel ? C'est le dernier commerce de notre bourg.",
                "L'appel parle des derniers commerces au sens large : une pharmacie en fait partie.",
                "Merci pour la réponse. Je signe !",
            ),
            (
                "Je suis aussi conseiller communautaire : quel mandat dois-je indiquer ?",
                "Le mandat municipal suffit, nous le vérifions dans le Répertoire national des élus.",
                f"OK. Je signe avec mon mandat municipal.\n\n{display(p, 'cased')}",
            ),
            (
                "La liste des signataires sera-t-elle transmise à la préfecture ?",
                "Non, elle sera publiée sur notre site le 2 novembre puis remise aux ministères concernés.",
                "D'accord, je signe.",
            ),
            (
                "Le point 3 (préemption des murs) ne risque-t-il pas de coûter cher aux petites communes ?",
                "C'est un droit, pas une obligation : chaque commune reste libre de l'exercer.",
                f"Vu comme ça, je signe. {p.prenom} {nom_case(p.nom)}",
            ),
        ][k]
        client = ["gmail", "outlook_desktop", "laposte", "thunderbird", "yahoo", "apple"][k]
        name, addr = self.fname(p, k), addr_of(p, rng)
        top1 = f"Bonjour,\n\n{qa[0]}\n\n{self.closing()}\n{display(p, rng.choice(['std', 'cased']))}\n{cap1(rd)}"
        m1 = self.reply_call(shape, client, name, addr, top1)
        self.label(m1, shape, "question", self.case(p), None, th)
        m2 = self.org_reply(m1, f"Bonjour,\n\n{qa[1]}\n\nBien à vous,", shape, th)
        m3 = self.new(
            shape,
            client,
            name,
            addr,
            self.reply_subject(client, m2.subject),
            lo=30,
            hi=600,
            in_reply_to=m2.mid,
            references=(m2.references + " " + m2.mid).strip(),
        )
        self.body(m3, qa[2], m2, m2.text)
        self.sign(m3, shape, p, thread=th)

    def missing_info(self, k: int):
        """« Je signe » with a name only; the organisers ask for the mandate; the mandate comes in the answer."""
        rng = self.rng
        shape = "missing_info"
        th = f"{self.n + 1:03d}-{shape}"
        if k == 2:
            cm = self.official(("cm",), lambda x: " " not in x.nom)
            p = self.impostor("other_first", surname_commune=cm.commune_code)
        else:
            p = self.official(("cm", "cm", "mai", "cd"))
        d = parts(p, rng)
        rd = self.role_de(p, d) if not p.impostor else mandate(p, rng)
        first = [
            f"Je signe !\n{p.prenom}",
            f"Bonjour,\n\nJe signe l'appel.\n\n{display(p, 'cased')}",
            "Je signe, bravo pour l'initiative.",
            f"Signature : {display(p, 'std')}",
            f"Bonjour, je m'associe à votre appel. Cordialement, {display(p, 'inv')}",
            f"Je signe des deux mains.\n-- \n{p.prenom} {nom_case(p.nom)}",
        ][k]
        answer = [
            f"Oui pardon : {rd}. {display(p, 'std')}.",
            f"Bonjour, je suis {rd}.",
            f"Bonjour,\nJe suis {rd}. Mon nom : {display(p, 'std')}.",
            f"{cap1(rd)}.",
            f"Pardon ! {cap1(rd)}.\n{p.prenom}",
            f"Bonjour,\n\n{cap1(d['role'])}, commune {d['de']} ({d['dep']})."
            if d["dep"] and p.kind in ("cm", "mai")
            else f"Bonjour,\n\n{cap1(rd)}.",
        ][k]
        client = ["iphone", "gmail", "orange", "zimbra", "outlook_desktop", "thunderbird"][k]
        name, addr = display(p, "cased") if k != 0 else display(p, "std"), addr_of(p, rng)
        m1 = self.reply_call(shape, client, name, addr, first)
        self.label(m1, shape, "signs", self.case(p), None, th)
        m2 = self.org_reply(
            m1,
            "Bonjour,\n\nMerci pour votre signature ! Pouvez-vous nous préciser votre mandat et votre commune (ou collectivité) ? "
            "Sans cela nous ne pouvons pas la vérifier.\n\nBien à vous,",
            shape,
            th,
        )
        m3 = self.new(
            shape,
            client,
            name,
            addr,
            self.reply_subject(client, m2.subject),
            lo=30,
            hi=700,
            in_reply_to=m2.mid,
            references=(m2.references + " " + m2.mid).strip(),
        )
        self.body(m3, answer, m2, m2.text)
        self.sign(m3, shape, p, thread=th)

    def usage_name(self, k: int):
        """Married and birth names: the RNE holds « X ÉPOUSE Y »; people write one, the other or both."""
        rng = self.rng
        shape = "usage_name"
        if k == 3:
            cm = self.official(("cm",), lambda x: " " not in x.nom)
            p = self.impostor("other_first", surname_commune=cm.commune_code)
            if p.sexe != "F":
                p.sexe, p.prenom = "F", self.first_for(p.nom, "F")
        else:
            p = self.take(
                "cm",
                lambda x: re.search(r" [ÉE]POUSE ", x.nom) is not None and x.nom.count(" ") == 2,
                extra_ok=lambda x: (
                    bool(x.prenom)
                    and " " not in x.prenom
                    and ident(x.nom, x.prenom) not in self.used
                    and self.reg.unique(x)
                ),
            )
        d = parts(p, rng)
        rd = self.role_de(p, d) if not p.impostor else mandate(p, rng)
        if p.impostor:
            birth = usage = p.nom
            written = f"{p.prenom} {nom_case(birth)}"
        else:
            birth, _, usage = p.nom.split(" ")
            written = [
                f"{p.prenom} {usage}",
                f"{p.prenom} {nom_case(usage)} née {nom_case(birth)}",
                f"{usage} {p.prenom} (née {birth})",
                "",
                f"{p.prenom} {birth} ép. {usage}",
                f"{p.prenom} {nom_case(usage)}-{nom_case(birth)}",
            ][k]
        text = [
            f"Bonjour,\n\nJe signe l'appel.\n\n{written}\n{cap1(rd)}",
            f"Madame, Monsieur,\n\nJe m'associe à votre démarche.\n\n{written}, {rd}",
            f"Bonjour,\n\nSignature : {written}, {rd}.\n\nCordialement",
            f"Bonjour,\n\nJe signe : {written}, {rd}.",
            f"Bonjour,\n\nVoici ma signature :\n{written}\n{cap1(rd)}\n\nBonne journée",
            f"Je signe : {written}, {rd}.",
        ][k]
        client = ["gmail", "outlook_desktop", "laposte", "orange", "apple", "yahoo"][k]
        name = f"{p.prenom} {nom_case(usage)}"
        addr = f"{slug(p.prenom).replace('-', '')}.{slug(usage).replace('-', '')}@{rng.choice(MAILBOXES)}"
        m = self.reply_call(shape, client, name, addr, text)
        self.sign(m, shape, p)

    def dept_region(self, k: int):
        """Departmental, regional, metropolitan, arrondissement and intercommunal officials, in their words."""
        rng = self.rng
        shape = "dept_region"
        if k == 9:
            p = self.impostor("mayor_elsewhere")
        elif k == 5:
            p = self.impostor("invented")
        elif k in (0, 1, 2):
            p = self.official(("cd",), lambda x: x.dep != "6AE")
        elif k in (3, 4):
            p = self.official(("cr",))
        elif k == 6:
            p = self.official(("ma",), lambda x: x.coll == "69M")
        elif k == 7:
            p = self.official(("ca",), lambda x: x.secteur.startswith("Paris"))
        else:
            p = self.take(
                "epci",
                lambda x: True,
                extra_ok=lambda x: ident(x.nom, x.prenom) not in self.used and self.reg.unique(x),
            )
        d = parts(p, rng) if p.kind != "epci" else {}
        client = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "outlook_mac",
            "apple",
            "thunderbird",
            "outlook_desktop",
            "iphone",
            "gmail",
            "laposte",
        ][k]
        if k == 0:
            text = f"Bonjour,\n\nJe signe l'appel.\n\n{display(p, 'cased')}\n{cap1(d['role'])} {d['de']}\nCanton {de_name(p.canton)}"
        elif k == 1:
            text = (
                f"Bonjour,\n\nÉlu{e(p, '', 'e')} au conseil départemental {d['de']}, je signe volontiers : {display(p, 'std')}, "
                f"canton {de_name(p.canton)}."
            )
        elif k == 2:
            text = f"Madame, Monsieur,\n\nJe vous confirme ma signature.\n\n{display(p, 'inv')}\n{cap1(d['role'])}\nDépartement {d['de']}"
        elif k == 3:
            text = f"Bonjour,\n\nJe signe en tant qu'élu{e(p, '', 'e')} régional{e(p, '', 'e')} ({p.region}, section {dept_name(p.dep) if p.dep in DEPTS else p.dep}).\n\n{display(p, 'cased')}"
        elif k == 4:
            text = f"Bonjour,\n\nJe signe. {display(p, 'cased')}, {d['role']} {d['de']}.\n\nCordialement"
        elif k in (5, 9):
            text = f"Bonjour,\n\nJe signe l'appel : {display(p, 'std')}, {mandate(p, rng)}.\n\nCordialement"
        elif k == 6:
            text = f"Bonjour,\n\nJe signe volontiers : {display(p, 'std')}, {d['role']} {d['de']}.\n\nBien à vous"
        elif k == 7:
            text = f"Je signe l'appel.\n{display(p, 'cased')}\n{cap1(d['role'])} {d['de']}"
        else:
            text = f"Bonjour,\n\nJe signe l'appel.\n\n{display(p, 'cased')}\n{cap1(mandate(p, rng))}\n{'Maire ' + de_place(p.commune, p.tl) if p.fonction.startswith('Président') else ''}".rstrip()
        m = self.reply_call(shape, client, self.fname(p, k), addr_of(p, rng), text)
        self.sign(m, shape, p)

    def caps_elder(self, k: int):
        """The whole message in capitals, formal, from a small commune's mayor or councillor."""
        rng = self.rng
        shape = "caps_elder"
        small = lambda x: COMMUNES.get(x.commune_code, {}).get("population", 99999) < 600  # noqa: E731
        p = self.impostor("former_2022") if k == 2 else self.official(("mai", "mai", "cm"), small)
        d = parts(p, rng)
        rd = self.role_de(p, d) if not p.impostor else mandate(p, rng)
        acc = k % 2 == 0
        up = (lambda s: s.upper()) if acc else (lambda s: noacc(s).upper())
        text = [
            f"MADAME, MONSIEUR,\n\nJE SOUSSIGNE{'E' if p.f else ''} {up(display(p, 'std'))}, {up(rd)}, SIGNE VOTRE APPEL.\n\nSALUTATIONS DISTINGUEES.",
            f"BONJOUR\n\nJE SIGNE L'APPEL POUR NOS COMMERCES. CHEZ NOUS IL N'Y A PLUS RIEN DEPUIS LE DEPART DE LA BOULANGERE.\n\n{up(display(p, 'inv'))}\n{up(rd)}",
            f"BONJOUR,\nJE SIGNE.\n{up(display(p, 'std'))}\n{up(rd)}\nCORDIALEMENT",
            f"MESSIEURS,\n\nVEUILLEZ AJOUTER MON NOM : {up(display(p, 'std'))} {up(rd)}.\n\nRESPECTUEUSEMENT",
            f"BONJOUR A VOUS\n\nOUI POUR L'APPEL\n{up(p.nom)} {up(p.prenom)} {up(d['role'])} {up(d['de'])}",
            f"MADAME MONSIEUR\n\nJE M'ASSOCIE A VOTRE APPEL\n\n{up(display(p, 'std'))}\n{up(rd)}\n\nSALUTATIONS",
        ][k]
        client = ["orange", "yahoo", "laposte", "orange", "zimbra", "outlook_desktop"][k]
        m = self.reply_call(
            shape,
            client,
            up(display(p, "std")),
            addr_of(p, rng, rng.choice(["orange.fr", "wanadoo.fr", "free.fr"])),
            text,
            html=False,
        )
        self.sign(m, shape, p)

    # ---------------------------------------------------------------- non-signing messages
    def sigblock(self, p: P) -> str:
        return f"{display(p, self.rng.choice(['std', 'cased']))}\n{cap1(self.role_de_p(p))}"

    def confirmation(self, p: P) -> str:
        return (
            f"Bonjour,\n\nVotre signature est bien enregistrée :\n{display(p, 'std')}, {mandate(p, self.rng)}\n\n"
            f"Elle sera vérifiée puis publiée le 2 novembre. Merci !\n\n{org_sig(0)}"
        )

    def one_signer_msgs(self) -> list[tuple[Mail, P, str]]:
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor
            and per[s[0].file] == 1
            and s[1].kind in ("mai", "cm", "mdel", "cd", "cr")
            and s[0].client not in ("organisers", "plain")
            and "secretary" not in s[0].file
            and "fwd_chain" not in s[0].file
        ]

    def question(self, k: int):
        rng = self.rng
        qs = [
            "Bonjour,\n\nPeut-on signer au nom d'un syndicat intercommunal ? Je préside celui de la zone artisanale.",
            "Bonjour,\n\nAvez-vous un modèle de délibération pour que le conseil municipal puisse soutenir l'appel ?",
            "Bonjour,\n\nJe ne suis pas élue, mais je tiens l'épicerie de mon village : puis-je signer ?",
            "Bonjour,\n\nJe prépare un article pour l'hebdomadaire local : combien d'élu·es du département ont signé ? "
            "Pouvez-vous me citer quelques noms ?",
            "Bonjour,\n\nLe point 4 vise-t-il aussi les points de retrait en bureau de tabac ?",
            "Bonjour,\n\nNotre commune n'a plus aucun commerce depuis 2019 : l'appel nous concerne-t-il quand même ? "
            "Je voudrais en parler au conseil avant de signer.",
            "Bonjour,\n\nLe texte de l'appel existe-t-il en PDF, pour l'afficher en mairie ?",
            "Bonjour,\n\nQui est derrière le collectif ? Je ne signe jamais sans le savoir.",
            "Bonjour,\n\nMon adjointe a-t-elle bien signé ? Elle pense avoir envoyé sa réponse à la liste.",
            "Bonjour,\n\nPourquoi 15 octobre ? Notre conseil ne se réunit que le 21.",
        ]
        client = [
            "gmail",
            "outlook_desktop",
            "orange",
            "thunderbird",
            "zimbra",
            "laposte",
            "iphone",
            "yahoo",
            "apple",
            "outlook_mac",
        ][k]
        if k == 2:
            st = self.staff[6]
            m = self.reply_call(
                "question",
                client,
                f"{st[0]} {nom_case(st[1])}",
                f"epicerie.{slug(st[1])[:10]}@orange.fr",
                f"{qs[k]}\n\n{st[0]}",
            )
        elif k == 3:
            st = self.staff[7]
            m = self.fresh(
                "question",
                client,
                f"{st[0]} {nom_case(st[1])}",
                f"redaction@hebdo-{rng.choice(['du-bocage', 'des-vallees', 'du-pays'])}.example",
                "Demande presse – appel des élu·es",
                f"{qs[k]}\n\nMerci,\n{st[0]} {nom_case(st[1])}, journaliste",
            )
        else:
            p = self.official(("mai", "cm", "cd", "cr", "cm"))
            extra = ""
            if k == 8:
                adj = (
                    self.colleague(p.commune_code, lambda x: "adjoint" in x.fonction)
                    if p.kind in ("mai", "cm")
                    and any(
                        "adjoint" in x.fonction and self.ok(x)
                        for x in self.reg.by_commune.get(p.commune_code, [])
                    )
                    else None
                )
                if adj is not None:
                    extra = f"\n\n(Il s'agit de {display(adj, 'std')}, {parts(adj, rng)['role']}.)"
            m = self.reply_call(
                "question",
                client,
                display(p, "cased"),
                addr_of(p, rng),
                f"{qs[k]}{extra}\n\n{self.closing()}\n{self.sigblock(p)}",
            )
        self.label(m, "question", "question", "nonsigning")

    def thanks(self, k: int):
        rng = self.rng
        if k in (0, 1):  # refusals
            p = self.official(("mai",) if k == 0 else ("cd",))
            text = [
                "Bonjour,\n\nMerci pour votre envoi. Je ne signerai pas : je ne signe aucun appel collectif pendant l'année qui précède "
                "les sénatoriales.\n\nCordialement,",
                "Bonjour,\n\nJe partage le constat mais pas la mesure 2, qui pèse sur les finances communales. Je ne signe donc pas.\n\n"
                "Bien à vous,",
            ][k]
            m = self.reply_call(
                "thanks",
                ["outlook_desktop", "zimbra"][k],
                display(p, "cased"),
                addr_of(p, rng),
                f"{text}\n{self.sigblock(p)}",
            )
            self.label(m, "thanks", "other", "nonsigning")
            return
        if k == 2:  # a deputy who will not sign, but supports
            p = (
                self.take(
                    "dep",
                    lambda x: True,
                    extra_ok=lambda x: (
                        self.reg.unique(x) and ident(x.nom, x.prenom) not in self.used
                    ),
                )
                if self.reg.pool.get("dep")
                else self.official(("cr",))
            )
            m = self.reply_call(
                "thanks",
                "outlook_desktop",
                display(p, "cased"),
                f"{slug(p.prenom)}.{slug(p.nom)}@assemblee-nationale.example",
                f"Madame, Monsieur,\n\nMerci pour cette initiative, que je relaierai. En tant que parlementaire, je ne signe pas les "
                f"appels d'élu·es locaux.\n\n{display(p, 'cased')}\n{e(p, 'Député', 'Députée')}",
            )
            self.label(m, "thanks", "other", "nonsigning")
            return
        one = self.one_signer_msgs()
        if k in (3, 4):
            src, p, addr = one[7 + 11 * k]
            prev = Mail(
                "",
                "organisers",
                f"{ORGANISERS[0][0]} – {ORG_NAME}",
                ORG_ADDR,
                "Votre signature est enregistrée",
                aware(self.clock.t - dt.timedelta(hours=19)),
                "<" + hx(rng, 32) + f"@{ORG_DOMAIN}>",
            )
            m = self.new(
                "thanks",
                "gmail" if k == 3 else "iphone",
                src.from_name,
                addr,
                "Re: Votre signature est enregistrée",
                in_reply_to=prev.mid,
            )
            self.body(
                m,
                "Merci à vous, et bon courage !"
                if k == 3
                else "Parfait merci. Je fais suivre à mes collègues du canton.",
                prev,
                self.confirmation(p),
            )
            self.label(m, "thanks", "thanks", "nonsigning", refers_to=src.file)
            return
        if k == 5:
            st = self.staff[9]
            m = self.fresh(
                "thanks",
                "outlook_desktop",
                f"{st[0]} {nom_case(st[1])}",
                "president@commercants-du-bourg.example",
                "Merci pour l'appel",
                f"Bonjour,\n\nAu nom de l'union des commerçants et artisans, merci pour cet appel. Nous le relayons auprès de nos "
                f"adhérents.\n\n{st[0]} {nom_case(st[1])}\nPrésident de l'UCA",
            )
            self.label(m, "thanks", "thanks", "nonsigning")
            return
        p = self.official(("cm", "mai"))
        m = self.fresh(
            "thanks",
            "roundcube",
            display(p, "cased"),
            addr_of(p, rng),
            "Merci",
            f"Bonjour,\n\nMerci pour l'invitation à la conférence de presse du 2 novembre. Je ne pourrai pas venir, mais je "
            f"transmets à l'équipe.\n\n{self.sigblock(p)}",
        )
        self.label(m, "thanks", "thanks", "nonsigning")

    def autoreply(self, k: int):
        rng = self.rng
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        if k == 6:
            m = self.new(
                "autoreply",
                "plain",
                "Mail Delivery System",
                f"MAILER-DAEMON@mx.listes.{ORG_DOMAIN}",
                "Undelivered Mail Returned to Sender",
                extra="Auto-Submitted: auto-replied",
            )
            m.text = (
                f"This is the mail system at host mx.listes.{ORG_DOMAIN}.\n\nI'm sorry to have to inform you that your message could not\n"
                "be delivered to one or more recipients.\n\n<secretariat@mairie-fermee.example>: host not found\n\n"
                f"--- original message headers ---\nSubject: {REMINDER_SUBJECT}\n"
            )
            self.label(m, "autoreply", "autoreply", "nonsigning")
            return
        if k == 5:
            one = self.one_signer_msgs()
            src, p, addr = one[29]
            prev = Mail(
                "",
                "organisers",
                f"{ORGANISERS[1][0]} – {ORG_NAME}",
                ORG_ADDR,
                "Votre signature est enregistrée",
                aware(self.clock.t - dt.timedelta(minutes=4)),
                "<" + hx(rng, 32) + f"@{ORG_DOMAIN}>",
            )
            m = self.new(
                "autoreply",
                "outlook_desktop",
                src.from_name,
                addr,
                "Réponse automatique : Votre signature est enregistrée",
                extra=auto,
                in_reply_to=prev.mid,
            )
            self.body(
                m,
                f"Je suis absent{e(p, '', 'e')} jusqu'au 18 octobre. En cas d'urgence, contactez la mairie.",
                prev,
                self.confirmation(p),
                html=False,
            )
            self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
            return
        p = self.official(("mai", "cm", "cd", "cm", "cr")[k : k + 1])
        d = parts(p, rng)
        text = [
            f"Bonjour,\n\nJe suis en congés jusqu'au 20 septembre inclus. Votre message sera traité à mon retour.\n\n{self.sigblock(p)}",
            f"Bonjour,\n\nVotre courriel a bien été reçu par les services de la mairie {d['de']}. Il sera transmis à {display(p, 'std')}, "
            f"{d['role']}.\n\nCeci est un message automatique, merci de ne pas y répondre.",
            f"I am out of the office until 4 October. / Je suis absent{e(p, '', 'e')} jusqu'au 4 octobre.\n\n{self.sigblock(p)}",
            f"Attention : cette adresse ne sera plus consultée après le 30 septembre. Merci d'écrire désormais à "
            f"{slug(p.prenom)}.{slug(p.nom)}@{town_dom(p)}.\n\n{display(p, 'cased')}",
            f"Message automatique : {display(p, 'cased')} est en session plénière jusqu'au vendredi et ne consulte pas sa messagerie.",
        ][k]
        subj = [
            "Réponse automatique : " + CALL_SUBJECT,
            "Accusé de réception de votre courriel",
            "Automatic reply: " + REMINDER_SUBJECT,
            "Changement d'adresse",
            "Absence : " + REMINDER_SUBJECT,
        ][k]
        m = self.new(
            "autoreply",
            ["outlook_desktop", "zimbra", "outlook_en", "orange", "gmail"][k],
            display(p, "cased") if k != 1 else self.mairie(p),
            addr_of(p, rng) if k != 1 else f"mairie@{town_dom(p)}",
            subj,
            extra=auto,
        )
        self.body(m, text, html=False)
        self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self, k: int):
        rng = self.rng
        bulk = "Precedence: bulk\nList-Unsubscribe: <mailto:{L}-unsubscribe@{D}>"
        ps = [self.official(("mai", "cm", "cd")) for _ in range(3)]
        if k == 0:
            lst = "\n".join(f"  • {display(x, 'std')}, {mandate(x, rng)}" for x in ps)
            text = (
                f"LA LETTRE DES ÉLUS RURAUX – n° {rng.randint(80, 140)}\n\nACTUALITÉ\nL'appel « pour les commerces de nos bourgs » "
                f"a été signé par plusieurs de nos adhérents, parmi lesquels :\n{lst}\n\nÀ LIRE AUSSI\n- Dotations 2028 : ce qui change\n"
                "- Eau potable : les nouvelles normes\n\nVous recevez cette lettre en tant qu'adhérent. Se désabonner : répondre STOP."
            )
            m = self.new(
                "newsletter",
                "plain",
                "La Lettre des élus ruraux",
                "lettre@elus-ruraux.example",
                "La Lettre des élus ruraux – octobre 2027",
                extra=bulk.replace("{L}", "lettre").replace("{D}", "elus-ruraux.example"),
            )
        elif k == 1:
            lst = "; ".join(f"{display(x, 'cased')} ({mandate(x, rng)})" for x in ps)
            text = (
                f"REVUE DE PRESSE – COMMERCE ET TERRITOIRES\n\nCette semaine dans la presse régionale, des élu·es réagissent à la fermeture "
                f"des distributeurs de billets : {lst}.\n\nSe désinscrire : répondre STOP"
            )
            m = self.new(
                "newsletter",
                "plain",
                "Revue de presse Territoires",
                "revue@territoires-presse.example",
                "Revue de presse du 11 octobre",
                extra=bulk.replace("{L}", "revue").replace("{D}", "territoires-presse.example"),
            )
        elif k == 2:
            posts = "\n".join(
                f"------------------------------\n\nMessage: {i + 2}\nDate: {fr_long(self.clock.t)}\nFrom: {display(x, 'cased')} <{addr_of(x, rng)}>\n"
                f"Subject: Re: appel commerces des bourgs\n\nJe l'ai signé hier. {display(x, 'std')}, {self.role_de_p(x)}\n"
                for i, x in enumerate(ps)
            )
            text = (
                "Envoyez vos messages pour la liste maires-ruraux à\n\tmaires-ruraux@listes.reseau-ruralite.example\n\n"
                f"Thèmes du jour :\n\n   1. Cantine et circuits courts (Rédaction)\n   2. Re: appel commerces des bourgs ({len(ps)} messages)\n\n"
                f"{posts}\n------------------------------\n\nFin de Digest maires-ruraux, Vol 9, Parution {rng.randint(10, 40)}\n"
            )
            m = self.new(
                "newsletter",
                "plain",
                "",
                "maires-ruraux-request@listes.reseau-ruralite.example",
                f"Digest maires-ruraux, Vol 9, Parution {rng.randint(10, 40)}",
                extra=bulk.replace("{L}", "maires-ruraux").replace(
                    "{D}", "listes.reseau-ruralite.example"
                ),
            )
        else:
            p = ps[0]
            text = (
                f"CCI – Lettre du commerce de proximité\n\nÉDITO\nLe commerce de centre-bourg reste fragile. Nous avons rencontré "
                f"{display(p, 'std')}, {mandate(p, rng)}, qui défend la reprise de la dernière supérette de sa commune.\n\n"
                f"AGENDA\n- 14 octobre : atelier « Reprendre un commerce » ({display(ps[1], 'std')}, {mandate(ps[1], rng)}, interviendra)\n\n"
                "Pour ne plus recevoir cette lettre, cliquez ici."
            )
            m = self.new(
                "newsletter",
                "plain",
                "CCI – Commerce de proximité",
                "newsletter@cci-proximite.example",
                "La lettre du commerce de proximité",
                extra=bulk.replace("{L}", "newsletter").replace("{D}", "cci-proximite.example"),
            )
        m.text = text
        self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self, k: int):
        one = self.one_signer_msgs()
        src, p, addr = one[[3, 21, 40, 12, 33][k]]
        src_label = next(
            r for r in self.labels if r["_mail"] is src and r["expected"] != "no_signer"
        )
        if k in (
            0,
            1,
        ):  # in the same thread: the organisers' confirmation, then « je retire ma signature »
            th = src_label["thread"]
            conf = self.new(
                src_label["shape"],
                "organisers",
                f"{ORGANISERS[0][0]} – {ORG_NAME}",
                ORG_ADDR,
                self.reply_subject("organisers", src.subject),
                in_reply_to=src.mid,
                references=(src.references + " " + src.mid).strip(),
            )
            conf.to = f"{src.from_name} <{addr}>" if src.from_name else addr
            self.body(conf, self.confirmation(p), src, src.text or "", html=False)
            self.label(conf, src_label["shape"], "other", "nonsigning", None, th)
            text = [
                f"Bonjour,\n\nFinalement je retire ma signature : notre intercommunalité prépare son propre appel et je ne veux pas "
                f"signer deux textes.\n\n{display(p, 'cased')}",
                "Je retire ma signature, désolé. Le point 3 pose problème à mon équipe.",
            ][k]
            m = self.new(
                "withdraw",
                src.client if src.client not in ("organisers", "plain") else "gmail",
                src.from_name,
                addr,
                self.reply_subject(src.client, conf.subject),
                in_reply_to=conf.mid,
                references=(conf.references + " " + conf.mid).strip(),
            )
            self.body(m, text, conf, conf.text)
            self.label(m, "withdraw", "withdraws", "nonsigning", thread=th, refers_to=src.file)
            return
        text = [
            "",
            "",
            f"Bonjour,\n\nMerci de retirer mon nom de la liste des signataires, je préfère m'abstenir.\n\n{display(p, 'std')}",
            "Retirez ma signature svp. Merci",
            f"Bonjour,\n\nJe retire ma signature de l'appel (désaccord sur le point 2).\n\n{self.closing()}\n{display(p, 'cased')}",
        ][k]
        subj = ["", "", "Retrait de ma signature", "retrait", "Appel – retrait de signature"][k]
        client = ["", "", "outlook_desktop", "iphone", "thunderbird"][k]
        m = self.fresh("withdraw", client, src.from_name, addr, subj, text)
        self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self, k: int):
        name, addr, subj, text = [
            (
                "Support Messagerie",
                "noreply@verif-boite-elus.example",
                "Action requise : votre boîte sera suspendue",
                "Bonjour,\n\nVotre boîte de messagerie dépasse son quota. Validez votre compte ici : http://verif-boite-elus.example/login\n",
            ),
            (
                "Éclairage Public Pro",
                "contact@led-communes.example",
                "Éclairage LED : -40 % pour les communes",
                "Madame, Monsieur le Maire,\n\nRemplacez votre éclairage public et économisez jusqu'à 70 % sur votre facture. Devis gratuit.\n",
            ),
            (
                "Trésor Public",
                "remboursement@impots-avis.example",
                "Remboursement en attente",
                "Bonjour,\n\nVous avez droit à un remboursement de 248,90 €. Confirmez vos coordonnées bancaires sous 48 h.\n",
            ),
            (
                "Formation Élus",
                "inscriptions@formation-elus-express.example",
                "Dernières places : prise de parole en conseil",
                "Bonjour,\n\nFormation en ligne éligible au DIF élus : « Convaincre en conseil municipal ». Inscription en un clic.\n",
            ),
        ][k]
        m = self.new("spam", "plain", name, addr, subj)
        m.text = text
        self.label(m, "spam", "other", "nonsigning")

    # ---------------------------------------------------------------- the organisers' own messages
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
            self.clock.jump(REMINDER_DATE.replace(tzinfo=None) - dt.timedelta(minutes=1))
            m = self.new(
                "org_call",
                "organisers",
                ORG_NAME,
                ORG_LIST,
                REMINDER_SUBJECT,
                lo=1,
                hi=1,
                enc=("utf-8", "quoted-printable"),
                extra=LIST_HEADERS,
            )
            m.to = "undisclosed-recipients:;"
            self.body(m, self.reminder_text(), html=False)
            self.reminder = m
            self.label(m, "org_call", "other", "nonsigning")
            return
        if part == 2:
            ok = [s for s in self.signed if not s[1].impostor and s[1].kind != "epci"]
            sample = ok[5::17][:5]
            rows = "\n".join(f"- {display(p, 'std')} ({mandate(p, rng)})" for _, p, _ in sample)
            text = (
                f"Bonjour à toutes et à tous,\n\nPoint d'étape : l'{CALL_TITLE} a reçu plus de 600 signatures, dont celles de :\n\n{rows}\n\n"
                f"Il reste quelques jours pour signer (jusqu'au 15 octobre) : répondez à ce message avec vos nom, prénom et mandat.\n\n{org_sig(0)}"
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
        text = (
            f"{ORGANISERS[1][0]},\n\nJ'ai classé les délibérations reçues dans le dossier partagé. Attention aux listes envoyées par les "
            f"mairies : une signature par élu·e, pas une par commune. Et plusieurs collègues ont répondu à la liste au lieu de notre adresse.\n\n"
            f"On fait le point jeudi ?\n\n{ORGANISERS[0][0]}"
        )
        m = self.new(
            "org_call",
            "organisers",
            ORG_FULL[0],
            f"{slug(ORGANISERS[0][0])}@{ORG_DOMAIN}",
            "Pointage",
        )
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    PLAN = [
        # (method, number of items, items sent after the reminder)
        ("form_filled", 10, 0),
        ("secretary_relay", 8, 2),
        ("deliberation", 8, 3),
        ("council_list", 6, 2),
        ("cc_colleague", 5, 1),
        ("regional_lang", 10, 3),
        ("noaccent", 8, 2),
        ("particle_names", 8, 2),
        ("html_signature", 8, 2),
        ("mobile_terse", 10, 3),
        ("fwd_chain", 6, 1),
        ("ask_then_sign", 6, 2),
        ("missing_info", 6, 2),
        ("usage_name", 6, 2),
        ("dept_region", 10, 3),
        ("caps_elder", 6, 2),
        ("question", 10, 3),
        ("thanks", 7, 5),
        ("autoreply", 7, 3),
        ("newsletter", 4, 3),
        ("spam", 4, 2),
    ]
    LATE = [("late_reminder", 10), ("withdraw", 5)]

    def build(self):
        rng = self.rng
        self.org_call(0)
        first, second = [], []
        for meth, n, late in self.PLAN:
            for k in range(n):
                (second if k >= n - late else first).append((meth, k))
        # thanks and autoreplies that refer to a confirmation need signatures first: they go after the reminder
        rng.shuffle(first)
        for meth, k in first:
            getattr(self, meth)(k)
        self.org_call(3)
        self.org_call(1)
        self.gap = (90, 1000)
        second += [(m, k) for m, n in self.LATE for k in range(n)]
        rng.shuffle(second)
        for i, (meth, k) in enumerate(second):
            if i == len(second) // 3:
                self.org_call(2)
            getattr(self, meth)(k)
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
            f"{sum(r['expected'] == 'not_verified' for r in sig)} impostors), last message {self.mails[-1].date:%Y-%m-%d %H:%M}"
        )


if __name__ == "__main__":
    Builder().build()
