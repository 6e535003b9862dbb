#!/usr/bin/env python3
"""Seventh held-out petition mailbox (tests/mail_holdout7): builder.

    python tests/mail_holdout7/build.py            # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris summer time, September 2027), Message-IDs and MIME boundaries drawn from the
generator in each client's own shape. Reads the real 2026 RNE release (../shared/rne/release-2026,
every file), one 2022 mayors file of ../shared/rne/history (former mayors) and the COG
(../shared/cog) at build time; nothing of ../shared is copied into the repository except, in the
messages, the drawn people's name, sex, mandate and place. Birth dates are read only to tell
homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages of the six earlier
held-out corpora (only their READMEs, tests/mail_holdout6/build.py whose reading helpers, client
quoting and encoding machinery are copied here, and the scorer). Campaign: « Appel des élu·es pour
des gares vivantes » (invented).
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
ORG_DOMAIN = "gares-vivantes.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"elus@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Gares vivantes"
ORGANISERS = [
    ("Ysaline", "QUÉMENEUR-BASTIDOU"),
    ("Évrard", "SAINTONGEAIS-LOHÉAC"),
]  # invented; checked absent
# secretaries, assistants, list moderators: invented, checked absent from every 2026 file
STAFF = [
    ("Héloïse", "VAUCHERETTE-DAMBRUN"),
    ("Tancrède", "MOUFFLARD-ESCOUBEYROU"),
    ("Roseline", "KERGUELEN-PRADAYROL"),
    ("Aristide", "BOUSQUETTIER-HAUWELLE"),
    ("Eulalie", "FRESNEAUX-LABARTHÈTE"),
    ("Wilfried", "ORSONNEAU-CASTELBAJAC"),
]
CALL_TITLE = "Appel des élu·es pour des gares vivantes"
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
    "Mahaut",
    "Clothilde",
    "Ysoline",
    "Perrine",
    "Solenne",
    "Albane",
    "Garance",
    "Philippine",
    "Isaure",
    "Eléonore",
    "Adélaïde",
    "Marie-Ange",
    "Berthille",
    "Jehanne",
    "Héloïse",
    "Enora",
    "Flavie",
]
FIRST_M = [
    "Gauthier",
    "Thibaud",
    "Arnaud-Marie",
    "Eudes",
    "Hippolyte",
    "Lancelot",
    "Tristan",
    "Clovis",
    "Gildas",
    "Erwan",
    "Achille",
    "Ferdinand",
    "Octave",
    "Marius",
    "Hugo",
    "Jean-Eudes",
    "Bertrand",
    "Sixte",
]
INVENTED_NOMS = [
    "PLANCHENAULT-VIDALIN",
    "KERVADEC-LOUARN",
    "MARTEGOUTTE-SALIES",
    "BRIZARD-COUSTILLAS",
    "ETCHEGORRY-HALZUET",
    "FONTAROSSA-PAOLI",
    "WEISSLINGER-ROHMER",
    "LAUVERGNAT-TESSIER",
    "MOUROUVIN-CAZENAVE",
    "DESCAMPIAUX-LEBLOND",
    "CHATEIGNAUD-BESSAC",
    "GRANDPIERRE-VALLOIS",
    "RAKOTOMALALA-HOARAU",
    "VILLEFRANQUE-ARBUS",
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
SUMMER = dt.datetime(2027, 3, 28, 2, 0)  # last Sunday of March 2027: CET -> CEST
WINTER = dt.datetime(2027, 10, 31, 3, 0)  # last Sunday of October 2027: CEST -> CET (never reached)


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=2 if SUMMER <= t < WINTER else 1)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2027, 9, 14, 8, 40)
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
CALL_FORM = """Nom :
Prénom :
Mandat :
Commune :
Département :"""
CALL = f"""{CALL_TITLE}

Madame, Monsieur,

Guichets fermés, trains supprimés à la dernière minute, petites lignes menacées, cars de
substitution qui ne tiennent pas l'horaire : la gare est souvent le dernier service public de
nos bourgs et de nos quartiers. Nous, élu·es de communes, de départements, de régions et de
collectivités, quelle que soit notre sensibilité, demandons :

1) le maintien d'un guichet humain dans toute gare de plus de 200 voyageurs par jour ;
2) un plan de régénération des lignes de desserte fine du territoire d'ici 2032 ;
3) la possibilité pour les communes de reprendre le bâtiment voyageurs sans frais ;
4) des correspondances garanties entre trains, cars et transport à la demande.

Pour signer, répondez simplement à ce message en complétant le formulaire ci-dessous.
Chaque signature est vérifiée dans le Répertoire national des élus avant publication,
le 29 octobre 2027. Date limite : 15 octobre 2027.

{CALL_FORM}

Merci de faire suivre l'appel à vos collègues élu·es.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} : signez avant le 15 octobre"
CALL_DATE = aware(dt.datetime(2027, 9, 14, 8, 5, 41))
LIST_HEADERS = (
    f"List-Id: <elus.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:elus-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: elus@listes." + ORG_DOMAIN
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

    def pick(self, kind: str, extra_ok) -> P:
        """For rare shapes of a name: filter the whole pool, then draw."""
        cands = [p for p in self.reg.pool[kind] if extra_ok(p)]
        p = cands[self.rng.randrange(len(cands))]
        self.used.add(ident(p.nom, p.prenom))
        return p

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
                fresh = [
                    x
                    for x in INVENTED_NOMS
                    if all(fold(x) != fold(u.split("|")[0]) for u in self.used)
                ]
                nom = rng.choice(fresh or INVENTED_NOMS)
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
    def rd(self, p: P) -> str:
        """« conseillère municipale de Brest (29) »: role and place, département always for communes."""
        return mandate(p, self.rng, force_dep=True)

    def send(self, shape: str, client: str, p: P, subject: str, top: str, **kw) -> Mail:
        name = kw.pop("from_name", display(p, self.rng.choice(["std", "cased", "cased"])))
        addr = kw.pop("addr", None) or addr_of(p, self.rng)
        quote = kw.pop("quote", False)
        html = kw.pop("html", None)
        m = self.new(shape, client, name, addr, subject, **kw)
        if quote:
            self.from_call(m, top, html=html)
        else:
            self.body(m, top, html=html)
        return m

    def re_call(self, client: str) -> str:
        return self.reply_subject(client, CALL_SUBJECT)

    def same_surname(self, p: P) -> int:
        """How many people of the commune (council and mayor) carry this surname."""
        n = sum(fold(o.nom) == fold(p.nom) for o in self.reg.by_commune[p.commune_code])
        mayor = self.reg.mayor_of.get(p.commune_code)
        return n + (mayor is not None and fold(mayor.nom) == fold(p.nom))

    # ---------------------------------------------------------------- helpers of this corpus
    def adjoint_of(self, p: P) -> int:
        """The rank an adjoint carries; an impostor claims one."""
        return rank(p.fonction) or (2 + self.n % 5)

    @staticmethod
    def civ(p: P, short: bool = True) -> str:
        return (e(p, "M.", "Mme") if short else e(p, "Monsieur", "Madame")) if p.sexe else "M."

    def big_date(self, days: int = 0) -> str:
        t = self.clock.t + dt.timedelta(days=days)
        return f"{t.day}{'er' if t.day == 1 else ''} {FR_MONTHS[t.month - 1]} {t.year}"

    # ---------------------------------------------------------------- shapes
    def letterhead(self):
        """An administrative letter pasted as text; the name only under « Le Maire, » at the end."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "laposte",
            "thunderbird",
            "gmail",
            "outlook_desktop",
            "roundcube",
            "apple",
            "orange",
            "outlook_mac",
            "zimbra",
            "laposte",
        ]
        plan = ["mai", "mai", "adj", "mai", "cd", "mai", "mai", "adj", "mai", "cd", "mai", "mai"]
        for k in range(12):
            what = plan[k]
            if what == "adj":
                p = self.signer(
                    ("cm",),
                    lambda x: "adjoint" in x.fonction and rank(x.fonction) in (1, 2, 3),
                    allow_imp=False,
                )
            else:
                p = self.signer((what,))
            if k == 8:  # a 2022 mayor writes as if still in office
                p = self.impostor("former_2022")
            pad = " " * rng.choice([40, 48, 56, 0])
            ref = f"Réf. : {hx(rng, 2, 'ABCDEFGHJKLMNPRSTV')}/{hx(rng, 2, 'ABCDEFGHJKLMNPRSTV')}/2027-{rng.randint(100, 999)}"
            st = self.staff[k % len(self.staff)]
            suivi = (
                f"Affaire suivie par : {st[0]} {nom_case(st[1])}, secrétariat général"
                if k % 4 == 1
                else ""
            )
            polite = rng.choice(
                [
                    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
                    "Veuillez agréer, Madame, Monsieur, l'assurance de ma considération distinguée.",
                    "Je vous prie de croire, Madame, Monsieur, à l'assurance de mes sentiments les meilleurs.",
                ]
            )
            sign_line = rng.choice(["", "[signature]", "(signé)", "[cachet de la mairie]"])
            name = rng.choice([display(p, "std"), display(p, "caps"), display(p, "cased")])
            if p.kind == "cd":
                f = p.fonction
                title = (
                    e(p, "Le Vice-Président,", "La Vice-Présidente,")
                    if "Vice" in f
                    else e(p, "Le Conseiller départemental,", "La Conseillère départementale,")
                )
                head = [
                    "RÉPUBLIQUE FRANÇAISE",
                    f"DÉPARTEMENT {noacc(de_dept(p.dep)).upper()}",
                    "Conseil départemental",
                    f"Canton {de_name(p.canton)}",
                ]
                place = ""
                role = (
                    f"{e(p, 'vice-président', 'vice-présidente')} du conseil départemental {de_dept(p.dep)}"
                    if "Vice" in f
                    else f"{e(p, 'conseiller départemental', 'conseillère départementale')} {de_dept(p.dep)}, élu{e(p, '', 'e')} du canton {de_name(p.canton)}"
                )
                tail = f"{pad}{title}\n"
            else:
                up = p.commune.upper() if k % 2 else noacc(p.commune).upper()
                head = [
                    "RÉPUBLIQUE FRANÇAISE",
                    rng.choice(
                        ["Liberté – Égalité – Fraternité", "Liberté Égalité Fraternité", ""]
                    ),
                    f"Département {de_dept(p.dep)}" if p.dep in DEPTS else "",
                    rng.choice(
                        [
                            f"COMMUNE {de_place(up, p.tl).upper()}",
                            f"MAIRIE {de_place(up, p.tl).upper()}",
                        ]
                    ),
                    self.street(),
                    f"{postcode(p.commune_code)} {up}",
                    f"Tél. {self.phone()}",
                ]
                place = p.commune
                if what == "adj" and not p.impostor:
                    n = rank(p.fonction)
                    role = f"{ordinal(n, p)} {e(p, 'adjoint', 'adjointe')} au maire de la commune {de_place(p.commune, p.tl)}, agissant par délégation"
                    ttl = (
                        e(p, "Le Premier Adjoint,", "La Première Adjointe,")
                        if n == 1
                        else (
                            f"{e(p, 'Le', 'La')} {ordinal(n, p, 'word').capitalize()} {e(p, 'Adjoint', 'Adjointe')},"
                        )
                    )
                    tail = f"{pad}Pour le Maire empêché,\n{pad}{ttl}\n"
                elif p.fonction == "Maire" or p.kind == "mai":
                    role = f"Maire de la commune {de_place(p.commune, p.tl)}"
                    tail = f"{pad}{rng.choice(['Le Maire,', e(p, 'Le Maire,', 'La Maire,'), e(p, 'Le Maire,', 'Madame le Maire,')])}\n"
                else:
                    role = f"{e(p, 'conseiller municipal', 'conseillère municipale')} de la commune {de_place(p.commune, p.tl)}"
                    tail = (
                        f"{pad}{e(p, 'Le Conseiller municipal,', 'La Conseillère municipale,')}\n"
                    )
            verb = rng.choice(
                [
                    f"déclare apporter mon soutien à l'{CALL_TITLE} et en signer le texte",
                    f"certifie m'associer à l'{CALL_TITLE} et demande que ma signature y soit portée",
                    f"atteste signer l'{CALL_TITLE} en ma qualité d'élu{e(p, '', 'e')}",
                ]
            )
            letter = "\n".join(x for x in head if x)
            letter += (
                f"\n\n{pad}{place}, le {self.big_date()}\n\n"
                if place
                else f"\n\n{pad}Le {self.big_date()}\n\n"
            )
            letter += f"{ref}\n" + (f"{suivi}\n" if suivi else "")
            letter += f"Objet : {rng.choice([CALL_TITLE, 'signature de l’appel « Gares vivantes »', 'Appel pour des gares vivantes – soutien'])}\n\n"
            letter += "Madame, Monsieur,\n\n"
            letter += f"Je soussigné{e(p, '', 'e')}, {role}, {verb}.\n\n"
            letter += rng.choice(
                [
                    "La fermeture du guichet de notre gare, l'an dernier, a privé de nombreux habitants de tout conseil pour leurs déplacements.\n\n",
                    "Notre territoire dépend de la ligne pour l'accès au lycée et à l'hôpital.\n\n",
                    "",
                ]
            )
            letter += f"{polite}\n\n{tail}"
            letter += (f"{pad}{sign_line}\n" if sign_line else "") + f"{pad}{name}\n"
            intro = rng.choice(
                [
                    "",
                    "Bonjour,\n\nVeuillez trouver ci-dessous le courrier de soutien.\n\n",
                    "Bonjour,\n\nCourrier ci-dessous (l'original suit par voie postale).\n\nLe secrétariat\n\n",
                    "Madame, Monsieur,\n\nPour suite à donner.\n\n",
                ]
            )
            if p.kind == "cd":
                from_name, addr = (
                    e(
                        p,
                        "Cabinet du conseiller départemental",
                        "Cabinet de la conseillère départementale",
                    ),
                    f"cabinet.canton{rng.randint(1, 30)}@{dept_dom(p.dep)}",
                )
            else:
                from_name = rng.choice(
                    [
                        f"Mairie {de_place(p.commune, p.tl)}",
                        f"Secrétariat mairie {p.commune}",
                        "Mairie",
                    ]
                )
                addr = (
                    f"{rng.choice(['mairie', 'secretariat', 'accueil', 'contact'])}@{town_dom(p)}"
                )
            m = self.new(
                "letterhead",
                clients[k],
                from_name,
                addr,
                rng.choice(
                    [
                        "Courrier de soutien",
                        "Appel gares vivantes",
                        "Signature – courrier",
                        self.re_call(clients[k]),
                    ]
                ),
            )
            self.body(m, intro + letter, html=k % 3 == 0)
            self.sign(m, "letterhead", p)

    def form_vals(self, p: P) -> dict:
        d = parts(p, self.rng)
        vals = {"Nom": p.nom, "Prénom": p.prenom, "Mandat": "", "Commune": "", "Département": ""}
        if p.kind == "cd":
            vals["Mandat"] = cap1(d["role"])
            vals["Commune"] = self.rng.choice(["", "—", f"canton {de_name(p.canton)}"])
            vals["Département"] = f"{dept_name(p.dep)} ({p.dep})"
        elif p.kind == "cr":
            vals["Mandat"] = cap1(d["role"]) + " " + de_place(p.region, p.region_tl)
            vals["Commune"] = self.rng.choice(["", "/", "néant"])
            vals["Département"] = (
                self.rng.choice([dept_name(p.dep), p.dep, ""]) if p.dep in DEPTS else ""
            )
        else:
            role = d["role"]
            if not p.impostor and "adjoint" in p.fonction:
                role = role.replace(" au maire", "")
            vals["Mandat"] = cap1(role)
            vals["Commune"] = p.commune
            vals["Département"] = self.rng.choice(
                [p.dep, dept_name(p.dep), f"{dept_name(p.dep)} ({p.dep})"]
            )
        return vals

    def filled_form(self):
        """The call's form (Nom / Prénom / Mandat / Commune / Département) filled in, in many ways."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "thunderbird",
            "laposte",
            "zimbra",
            "apple",
            "roundcube",
            "iphone",
            "yahoo",
            "outlook_desktop",
            "gmail",
            "orange",
            "samsung",
            "thunderbird",
        ]
        head, tail = CALL.split(CALL_FORM)
        for k in range(14):
            p = self.signer(("cm", "cm", "mai", "cd", "cm", "cr", "mai"))
            v = self.form_vals(p)
            if k in (4, 11):
                v["Département"] = ""  # left blank
            order = ["Nom", "Prénom", "Mandat", "Commune", "Département"]
            if k in (3, 8):
                order = ["Prénom", "Nom", "Mandat", "Commune", "Département"]
            if k == 12:
                order = ["Mandat", "Commune", "Département", "Nom", "Prénom"]
            nom = v["Nom"] if k % 3 else nom_case(v["Nom"])
            v["Nom"] = nom
            if k == 9:  # the whole name in the first field, first name left blank
                v["Nom"], v["Prénom"] = f"{v['Prénom']} {v['Nom']}", ""
            filled = "\n".join(f"{f} : {v[f]}".rstrip() for f in order)
            m = self.new(
                "filled_form",
                clients[k],
                display(p, rng.choice(["std", "cased"])) if k % 4 else "",
                addr_of(p, rng),
                self.re_call(clients[k]),
                in_reply_to=self.call.mid,
            )
            if k in (
                0,
                5,
                10,
            ):  # filled inside the quoted call (Outlook: unprefixed; Gmail/Apple: « > Nom : X »)
                top = rng.choice(
                    [
                        "Formulaire complété ci-dessous.",
                        "Voir ci-dessous, bien cordialement.",
                        "Rempli ! Bonne continuation",
                    ]
                )
                self.body(m, top, self.call, head + filled + tail, html=False)
            elif k == 13:  # answers typed between the quoted lines
                t = self.call.date
                cite = f"Le {t:%d/%m/%Y} à {t:%H:%M}, {self.call.from_name} a écrit :\n"
                inter = "\n".join(
                    f"> {f} :\n{v[f]}\n"
                    for f in ["Nom", "Prénom", "Mandat", "Commune", "Département"]
                )
                m.text = f"Bonjour,\n\n{cite}{q(head.rstrip())}\n>\n{inter}\n{q(tail.strip())}\n"
            elif k == 6:  # values on the next line
                top = (
                    "Bonjour,\n\n"
                    + "\n".join(f"{f} :\n{v[f]}" for f in order)
                    + f"\n\n{self.closing()}"
                )
                self.body(m, top, self.call, CALL)
            elif k == 7:  # one line, slashes (phone)
                top = " / ".join(f"{f} : {v[f]}" for f in order if v[f])
                self.body(m, top, self.call, CALL)
            elif k == 2:  # tab-aligned
                top = (
                    "Bonjour,\n\nJe signe :\n\n"
                    + "\n".join(f"{f}\t: {v[f]}" for f in order)
                    + f"\n\n{self.closing()}"
                )
                self.body(m, top, self.call, CALL)
            elif k == 11:  # upper-case labels, dashes
                top = (
                    "Bonjour\n\n"
                    + "\n".join(f"{noacc(f).upper()} - {v[f]}".rstrip(" -") for f in order)
                    + "\n\nMerci"
                )
                self.body(m, top, self.call, CALL)
            else:
                top = f"Bonjour,\n\n{filled}\n\n{self.closing()}"
                self.body(m, top, self.call, CALL, html=k == 1)
            self.sign(m, "filled_form", p)

    GROUPS = [
        "{c} Avenir",
        "Agir pour {c}",
        "{c} en commun",
        "Un nouveau souffle pour {c}",
        "{c} citoyenne et solidaire",
        "Rassemblés pour {c}",
        "Vivre {c} autrement",
    ]

    def plain_group(self, n: int) -> list[P]:
        """n councillors without a function (no adjoint) of one commune."""
        for _ in range(20000):
            p = self.reg.pool["cm"][self.rng.randrange(len(self.reg.pool["cm"]))]
            code = p.commune_code
            if code in ("75056", "13055", "69123") or p.dep.startswith("97") or p.dep not in DEPTS:
                continue
            cms = [
                x
                for x in self.reg.by_commune[code]
                if x.kind == "cm" and not x.fonction and self.ok(x)
            ]
            if len(cms) >= n + 3:
                pick = self.rng.sample(cms, n)
                for x in pick:
                    self.use(x)
                return pick
        raise RuntimeError("group")

    def opposition_group(self):
        """A municipal group signs: « Pour le groupe "X Avenir", les élu·es A, B et C, conseillers municipaux de Y »."""
        rng = self.rng
        specs = [
            (3, ""),
            (2, "invented"),
            (3, ""),
            (3, "other_first"),
            (2, ""),
            (2, "invented"),
            (3, "skip"),
        ]
        clients = ["gmail", "outlook_desktop", "thunderbird", "laposte", "apple", "gmail", "zimbra"]
        for k, (n, extra) in enumerate(specs):
            group = self.plain_group(n + (1 if extra == "skip" else 0))
            code = group[0].commune_code
            c0 = group[0]
            absent = None
            if extra == "skip":
                absent = group.pop()
            elif extra:
                imp = self.impostor(
                    extra,
                    commune_code=code if extra == "invented" else None,
                    surname_commune=code if extra == "other_first" else None,
                )
                imp.fonction = ""
                group.insert(1 if k % 2 else len(group), imp)
            gname = self.GROUPS[k].format(c=pretty(c0.commune))
            dep = f" ({c0.dep})" if homonym(c0) or k % 2 else ""
            names = [display(x, rng.choice(["std", "cased"])) for x in group]
            lst = ", ".join(names[:-1]) + " et " + names[-1]
            lead = group[0]
            if k == 0:
                text = (
                    f"Bonjour,\n\nPour le groupe « {gname} », les élu·es {lst}, conseillers municipaux "
                    f"{de_place(c0.commune, c0.tl)}{dep}, signent l'{CALL_TITLE}.\n\n{self.closing()}\n{names[0]}"
                )
            elif k == 1:
                rows = "\n".join(
                    f"— {display(x, 'std')}"
                    + (e(x, ", président du groupe", ", présidente du groupe") if j == 0 else "")
                    for j, x in enumerate(group)
                )
                text = (
                    f"Madame, Monsieur,\n\nLe groupe d'opposition « {gname} » (conseil municipal {de_place(c0.commune, c0.tl)}{dep}) "
                    f"s'associe à votre appel. Signataires :\n{rows}\n\nRespectueusement,\nLe groupe « {gname} »"
                )
            elif k == 2:
                text = (
                    f"Bonjour,\n\nNous signons l'appel.\n\nLes élu·es du groupe minoritaire « {gname} »\n"
                    + " · ".join(display(x, "cased") for x in group)
                    + f"\nConseil municipal {de_place(c0.commune, c0.tl)}{dep}"
                )
            elif k == 3:
                civs = [f"{self.civ(x)} {x.nom} {x.prenom}" for x in group]
                text = (
                    f"Bonjour,\n\n{', '.join(civs[:-1])} et {civs[-1]}, élus de la liste « {gname} » au conseil municipal "
                    f"{de_place(c0.commune, c0.tl)}{dep}, signent l'appel pour des gares vivantes.\n\nPour le groupe,\n{civs[0]}"
                )
            elif k == 4:
                text = (
                    f"Bonjour,\n\nNous sommes deux élu·es d'opposition {a_place(c0.commune, c0.tl)}{dep} : {names[1]} et moi-même, "
                    f"{names[0]}. Nous signons tous les deux, au nom de notre groupe « {gname} ».\n\n{self.closing()}"
                )
            elif k == 5:
                text = (
                    f"Bonjour,\n\nGroupe « {gname} » – conseil municipal {de_place(c0.commune, c0.tl)}{dep}\n\n"
                    f"Signent l'appel :\n"
                    + "\n".join(f"  * {nm}, conseiller·ère municipal·e" for nm in names)
                    + "\n\nBonne journée"
                )
            else:
                text = (
                    f"Bonjour,\n\nPour le groupe « {gname} », signent : {lst}, conseiller·ères municipaux·ales "
                    f"{de_place(c0.commune, c0.tl)}{dep}. Notre collègue {display(absent, 'std')}, également membre du "
                    f"groupe, n'a pas souhaité s'associer à cette démarche.\n\nCordialement,\n{names[0]}"
                )
            m = self.send(
                "opposition_group",
                clients[k],
                lead,
                rng.choice(
                    [
                        "Signature du groupe",
                        f"Groupe {gname}",
                        self.re_call(clients[k]),
                        "Appel – signatures",
                    ]
                ),
                text,
                quote=k % 2 == 0,
                html=k == 5,
            )
            if k == 5 and m.html is not None:
                items = "".join(f"<li>{esc(nm)}, conseiller·ère municipal·e</li>" for nm in names)
                m.html = re.sub(r"(<div>  \* .*?</div>\n)+", f"<ul>{items}</ul>\n", m.html)
            for x in group:
                self.label(m, "opposition_group", "signs", "", x)
            self.signed.append((m, lead, m.from_addr))

    DELEG: dict[str, list[str]] = {}

    def delegs(self, code: str) -> list[str]:
        """Names of the communes déléguées of a commune nouvelle (COG), other than its own name."""
        if not self.DELEG:
            for c in _ALL:
                if c.get("type") == "commune-deleguee" and c.get("chefLieu") in COMMUNES:
                    chef = COMMUNES[c["chefLieu"]]
                    if fold(c["nom"]) != fold(chef["nom"]) and fold(chef["nom"]) not in fold(
                        c["nom"]
                    ):
                        self.DELEG.setdefault(c["chefLieu"], []).append(c["nom"])
        return self.DELEG.get(code, [])

    def commune_deleguee(self):
        """Mayors délégués and councillors naming their commune déléguée (former commune), not always the new one."""
        rng = self.rng
        clients = [
            "laposte",
            "gmail",
            "outlook_desktop",
            "orange",
            "thunderbird",
            "zimbra",
            "iphone",
            "gmail",
            "roundcube",
            "outlook_desktop",
        ]
        for k in range(10):
            kind = "mdel" if k in (0, 1, 4, 7, 9) else "cm"
            p = self.take(
                kind, lambda x: bool(self.delegs(x.commune_code)) and "adjoint" not in x.fonction
            )
            if k == 5:  # a mayor of another département claims a seat there
                p = self.impostor("mayor_elsewhere", commune_code=p.commune_code)
                p.fonction = ""
            a = rng.choice(sorted(self.delegs(p.commune_code)))
            ca = c_a = a
            dep = f" ({p.dep})"
            b = p.commune
            md = e(p, "maire délégué", "maire déléguée")
            cm = e(p, "conseiller municipal", "conseillère municipale")
            line = [
                f"{cap1(md)} {de_name(c_a)} (commune nouvelle {de_place(b, p.tl)}{dep})",
                f"{cap1(md)} {de_name(c_a)}{dep}",
                f"{cap1(cm)} {de_place(b, p.tl)}, commune déléguée {de_name(ca)}",
                f"{cap1(cm)} de la commune nouvelle {de_place(b, p.tl)}, élu{e(p, '', 'e')} {de_name(ca)}",
                f"Maire de la commune déléguée {de_name(c_a)}{dep}",
                f"{cap1(cm)} {a_place(pretty(ca), 0)} ({b}, {p.dep})",
                f"Élu{e(p, '', 'e')} {de_name(ca)}, aujourd'hui commune déléguée {de_place(b, p.tl)} depuis la fusion",
                f"{noacc(md).upper()} – {noacc(pretty(c_a)).upper()} – {noacc(b).upper()}",
                f"{cap1(cm)} {de_name(ca)}{dep}",
                f"{cap1(md)} {de_name(c_a)} et {cm} {de_place(b, p.tl)}",
            ][k]
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{display(p, 'std')}\n{line}",
                f"Bonjour,\n\nOui à des gares vivantes ! Notre halte n'a plus aucun arrêt le week-end.\n\n{self.closing()}\n{display(p, 'cased')}\n{line}",
                f"Madame, Monsieur,\n\nJe souhaite signer l'appel : {display(p, 'std')}, {line[0].lower() + line[1:]}.\n\n{self.closing()}",
                f"Bonjour,\n\n{display(p, 'cased')}, {line[0].lower() + line[1:]}. Je signe.",
                f"Bonjour,\n\nMerci de m'inscrire parmi les signataires.\n\n{display(p, 'std')}\n{line}",
                f"Je signe : {display(p, 'std')}, {line[0].lower() + line[1:]}",
                f"Bonjour,\n\nJe m'associe à votre appel.\n\n{display(p, 'cased')}\n{line}",
                f"BONJOUR, JE SIGNE.\n\n{display(p, 'caps_noacc')}\n{line}",
                f"Bonjour,\n\nJe signe l'appel pour des gares vivantes.\n\n{display(p, 'std')}, {line[0].lower() + line[1:]}\n\n{self.closing()}",
                f"Bonjour,\n\nSignature : {display(p, 'cased')}\n{line}\n\nBien cordialement",
            ][k]
            m = self.send(
                "commune_deleguee",
                clients[k],
                p,
                rng.choice(["Signature", "Appel gares", self.re_call(clients[k])]),
                text,
                quote=k % 3 == 0,
            )
            self.sign(m, "commune_deleguee", p)

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
    ROMAN = [
        "",
        "Ier",
        "IIe",
        "IIIe",
        "IVe",
        "Ve",
        "VIe",
        "VIIe",
        "VIIIe",
        "IXe",
        "Xe",
        "XIe",
        "XIIe",
        "XIIIe",
        "XIVe",
        "XVe",
        "XVIe",
        "XVIIe",
        "XVIIIe",
        "XIXe",
        "XXe",
    ]

    def plm_where(self, p: P, form: int) -> str:
        city, n = sector(p)
        o = lambda x: f"{x}{'er' if x == 1 else 'e'}"  # noqa: E731
        if city == "Marseille":
            a, b = self.MARSEILLE[n]
            return [
                f"du {o(n)} secteur de Marseille",
                f"des {o(a)} et {o(b)} arrondissements de Marseille",
                f"de la mairie des {a}/{b} (Marseille)",
                f"Marseille {a}/{b}",
                f"du {n}e secteur ({o(a)}-{o(b)}), Marseille",
            ][form % 5]
        if city == "Lyon":
            return [
                f"Lyon {n}",
                f"de la mairie du {o(n)} (Lyon)",
                f"Lyon {o(n)} arr.",
                f"du {n}ème arrondissement de Lyon",
                f"690{n:02d} Lyon",
            ][form % 5]
        if n == 1:
            return [
                "de Paris Centre",
                "de la mairie de Paris Centre",
                "Paris Centre (1er-4e)",
                "du secteur Paris Centre",
                "Paris Centre",
            ][form % 5]
        return [
            f"de la mairie du {n}e",
            f"Paris {n}",
            f"750{n:02d}",
            f"du {self.ROMAN[n]} arrondissement",
            f"du {n}e arrondissement de Paris",
        ][form % 5]

    def sector_plm(self):
        """Paris/Lyon/Marseille arrondissement councillors, the sector written every way."""
        rng = self.rng
        cities = [
            "Marseille",
            "Lyon",
            "Paris",
            "Marseille",
            "Paris",
            "Lyon",
            "Marseille",
            "Paris",
            "Lyon",
            "Marseille",
        ]
        clients = [
            "gmail",
            "outlook_desktop",
            "iphone",
            "apple",
            "thunderbird",
            "zimbra",
            "samsung",
            "gmail",
            "orange",
            "outlook_mac",
        ]
        for k in range(10):
            city = cities[k]
            if k == 6:  # a real sector surname with another first name
                real = self.take(
                    "ca",
                    lambda x: x.secteur.startswith("Marseille"),
                    extra_ok=lambda x: " " not in x.nom and bool(x.prenom),
                )
                p = P(
                    "",
                    real.nom,
                    self.first_for(real.nom, real.sexe),
                    real.sexe,
                    dep="13",
                    commune_code="13055",
                    commune="Marseille",
                    secteur=real.secteur,
                    impostor="other_first",
                )
            else:
                p = self.take("ca", lambda x, c=city: x.secteur.startswith(c))
            where = self.plm_where(p, k)
            f = p.fonction
            if f.startswith("Maire"):
                role = e(p, "maire d'arrondissement", "maire d'arrondissement")
                if where.startswith(("de la mairie", "du ", "des ")):
                    role = "maire"
            elif "adjoint" in f:
                role = f"{ordinal(rank(f), p)} {e(p, 'adjoint', 'adjointe')} au maire"
            else:
                role = rng.choice(
                    [
                        e(p, "conseiller d'arrondissement", "conseillère d'arrondissement"),
                        e(p, "élu", "élue"),
                        e(p, "conseiller", "conseillère"),
                    ]
                )
            glue = (
                " " if where.startswith(("de ", "du ", "des ")) else rng.choice([" – ", ", ", " "])
            )
            mand = f"{role}{glue}{where}"
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n{display(p, 'std')}, {mand}",
                f"Bonjour,\n\n{display(p, 'cased')}\n{cap1(mand)}\n\nJe signe, et je relaie auprès des collègues du secteur.",
                f"Je signe ! {display(p, 'std')} ({mand})",
                f"Bonjour,\n\nSignature : {display(p, 'cased')}, {mand}.\n\n{self.closing()}",
                f"Bonjour,\n\nLa gare de quartier est aussi notre affaire : je signe.\n\n{display(p, 'std')}\n{cap1(mand)}",
                f"Bonjour,\n\n{cap1(mand)}, je m'associe à l'appel.\n\n{display(p, 'cased')}",
                f"Je signe\n{display(p, 'std')}\n{cap1(mand)}",
                f"Bonjour,\n\nMerci pour l'initiative. {display(p, 'cased')}, {mand}.",
                f"Bonjour,\n\nJe signe en tant que {mand}.\n\n{display(p, 'std')}",
                f"Madame, Monsieur,\n\nJe vous confirme ma signature.\n\n{display(p, 'std')}\n{cap1(mand)}\n\n{self.closing()}",
            ][k]
            m = self.send(
                "sector_plm",
                clients[k],
                p,
                rng.choice(["Signature", "Appel gares vivantes", self.re_call(clients[k])]),
                text,
                quote=k % 4 == 1,
            )
            self.sign(m, "sector_plm", p)

    def maiden_names(self):
        """« née », « épouse », « veuve », double surnames either way, lowercase particles, first names without hyphen."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "laposte",
            "orange",
            "thunderbird",
            "zimbra",
            "apple",
            "yahoo",
            "gmail",
            "roundcube",
            "iphone",
            "outlook_desktop",
        ]

        def good(x: P, extra) -> bool:
            return (
                bool(x.nom)
                and bool(x.prenom)
                and ident(x.nom, x.prenom) not in self.used
                and self.reg.unique(x)
                and len(x.nom) <= 40
                and extra(x)
            )

        kinds = ("cm", "cm", "mai")
        for k in range(12):
            kind = rng.choice(kinds)
            if k < 3:  # RNE « X ÉPOUSE Y »
                p = self.pick(
                    "cm",
                    lambda x: good(
                        x, lambda y: y.nom.count(" ÉPOUSE ") == 1 and " " not in y.prenom
                    ),
                )
                birth, used = [w.strip() for w in p.nom.split(" ÉPOUSE ")]
                name = [
                    f"{p.prenom} {used} née {birth}",
                    f"{p.prenom} {nom_case(birth)} épouse {nom_case(used)}",
                    f"{self.civ(p)} {nom_case(used)}-{nom_case(birth)} {p.prenom}",
                ][k]
            elif k == 3:  # RNE « X VEUVE Y »
                p = self.pick(
                    "cm", lambda x: good(x, lambda y: " VEUVE " in y.nom and " " not in y.prenom)
                )
                birth, used = [w.strip() for w in p.nom.split(" VEUVE ")]
                name = f"{self.civ(p)} veuve {nom_case(used)} {p.prenom}, née {nom_case(birth)}"
            elif k < 6:  # RNE « Y NÉE X »
                p = self.pick(
                    "cm",
                    lambda x: good(x, lambda y: y.nom.count(" NÉE ") == 1 and " " not in y.prenom),
                )
                used, birth = [w.strip() for w in p.nom.split(" NÉE ")]
                name = [
                    f"{p.prenom} {nom_case(used)} (née {nom_case(birth)})",
                    f"{p.prenom} {birth} ép. {used}",
                ][k - 4]
            elif k < 8:  # particles written lowercase
                p = self.pick(
                    kind,
                    lambda x: good(
                        x,
                        lambda y: (
                            re.match(r"(DE LA|DE|DU|D'|DES) [A-Z]", y.nom) is not None
                            and " " not in y.prenom
                            and y.nom.count(" ") <= 2
                        ),
                    ),
                )
                parts_ = p.nom.split(" ")
                particle = " ".join(w.lower() for w in parts_[:-1])
                name = [
                    f"{p.prenom} {particle} {nom_case(parts_[-1])}",
                    f"{particle} {parts_[-1]} {p.prenom}",
                ][k - 6]
            elif k < 10:  # a double surname with a space, in the other order or hyphenated
                p = self.pick(
                    kind,
                    lambda x: good(
                        x,
                        lambda y: (
                            re.fullmatch(r"[A-ZÉÈ]{3,} [A-ZÉÈ]{3,}", y.nom) is not None
                            and not set(y.nom.split(" "))
                            & {
                                "DE",
                                "DU",
                                "LE",
                                "LA",
                                "DES",
                                "DEL",
                                "DI",
                                "DA",
                                "VAN",
                                "VON",
                                "DOS",
                                "DAS",
                                "MAC",
                                "SAN",
                                "SANTA",
                                "BEN",
                                "EL",
                                "AL",
                                "DELLA",
                                "DALLA",
                                "TER",
                                "TEN",
                                "SAINT",
                                "SAINTE",
                            }
                            and " " not in y.prenom
                        ),
                    ),
                )
                a, b = p.nom.split(" ")
                name = [f"{p.prenom} {nom_case(b)}-{nom_case(a)}", f"{p.prenom} {a}-{b}"][k - 8]
            elif k == 10:  # a hyphenated first name written without hyphen
                p = self.pick(
                    kind, lambda x: good(x, lambda y: y.prenom.count("-") == 1 and " " not in y.nom)
                )
                name = f"{p.prenom.replace('-', ' ')} {p.nom}"
            else:  # a spaced first name written with a hyphen
                p = self.pick(
                    "cm",
                    lambda x: good(
                        x,
                        lambda y: (
                            y.prenom.count(" ") == 1 and " " not in y.nom and len(y.prenom) < 20
                        ),
                    ),
                )
                name = f"{p.prenom.replace(' ', '-')} {nom_case(p.nom)}"
            if k == 1:  # invented, both surnames absent from the release
                p = self.impostor("invented")
                p.fonction = ""
                wed = INVENTED_NOMS[(INVENTED_NOMS.index(p.nom) + 3) % len(INVENTED_NOMS)]
                assert fold(wed) not in self.reg.surnames, wed
                p.nom = f"{p.nom} ÉPOUSE {wed}"
                name = f"{p.prenom} {nom_case(p.nom.split(' ÉPOUSE ')[0])} épouse {nom_case(wed)}"
            mand = self.rd(p)
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{name}\n{cap1(mand)}",
                f"Bonjour,\n\n{name}, {mand}, signe l'appel pour des gares vivantes.",
                f"Madame, Monsieur,\n\nJe m'associe à votre appel.\n\n{self.closing()}\n\n{name}\n{cap1(mand)}",
                f"Bonjour,\n\nJe souhaite signer : {name}, {mand}.\n\nBonne journée",
            ][k % 4]
            from_name = name if k % 3 == 0 else display(p, "std") if k % 3 == 1 else ""
            m = self.send(
                "maiden_names",
                clients[k],
                p,
                rng.choice(["Signature", "Appel gares", self.re_call(clients[k]), "je signe"]),
                text,
                from_name=from_name,
                quote=k % 4 == 2,
            )
            self.sign(m, "maiden_names", p)

    def chat_mandate(self, p: P, low: bool) -> str:
        """« cm à saint-x 72 », « maire de x », « conseillère départementale 72 »: no punctuation."""
        d = parts(p, self.rng)
        role = d["role"]
        if p.kind == "cd":
            s = f"{role} {p.dep}" if self.rng.random() < 0.5 else f"{role} {d['de']}"
        elif p.kind == "cr" or p.kind == "ca":
            s = f"{role} {d['de']}"
        else:
            s = f"{self.rng.choice([role, d['short']])} {self.rng.choice([d['de'], a_place(p.commune, p.tl)])} {p.dep}"
        s = re.sub(r"[().,]", "", s)
        return s.lower() if low else s

    def emoji_chat(self):
        """Short phone replies with emoji and no punctuation, written like a chat."""
        rng = self.rng
        clients = [
            "iphone",
            "samsung",
            "android_gmail",
            "orange_app",
            "outlook_ios",
            "iphone",
            "samsung",
            "iphone",
            "android_gmail",
            "iphone",
            "orange_app",
            "samsung",
            "iphone",
        ]
        for k in range(13):
            p = self.signer(("cm", "cm", "mai", "cm", "cd", "mai", "cr"))
            low = k % 2 == 0
            nm = display(p, "lower") if low else display(p, rng.choice(["std", "cased"]))
            md = self.chat_mandate(p, low)
            text = [
                f"ok je signe 👍 {nm} {md}",
                f"Signé ✅✅\n{nm}\n{md}",
                f"👋 c moi {nm} {md} je signe 💪🚆",
                f"go 🚂🚂 je signe\n{nm}\n{md}",
                f"top 👏👏 vous pouvez mettre mon nom {nm} {md}",
                f"🙋 {nm}\n{md}\nje signe bien sur 🙂",
                f"Je signe 🚉❤️ {nm} {md}",
                f"oui oui oui 😀 {nm} {md} 👍",
                f"c fait 👍 {nm} {md}",
                f"🚆🚆🚆\n\nmoi aussi je signe\n{nm} {md}",
                f"d'accord 👌 {nm} {md} bonne soirée 🌙",
                f"✍️ {nm} {md}",
                f"👍\n{nm}\n{md}\n🙏 merci pour l'appel",
            ][k]
            subj = [
                "🚆",
                "Re: appel",
                "signé ✅",
                "",
                "Re: gares",
                "👍",
                "Gares vivantes 🚉",
                "re",
                "Re: " + CALL_SUBJECT,
                "🚂",
                "ok",
                "signature ✍️",
                "Re:",
            ][k]
            m = self.send(
                "emoji_chat",
                clients[k],
                p,
                subj,
                text,
                from_name=display(p, "std") if k % 3 else "",
                quote=k % 3 == 2,
                html=False if k % 2 else None,
            )
            self.sign(m, "emoji_chat", p)

    def all_caps(self):
        """A whole message in capitals without accents."""
        rng = self.rng
        clients = [
            "orange",
            "laposte",
            "outlook_desktop",
            "yahoo",
            "samsung",
            "gmail",
            "orange",
            "zimbra",
            "laposte",
            "outlook_desktop",
            "orange",
        ]
        for k in range(11):
            p = self.signer(("mai", "cm", "mai", "cm", "cd", "cr"))
            nm = [
                display(p, "std"),
                display(p, "inv"),
                f"{self.civ(p, False)} {p.nom} {p.prenom}",
                display(p, "std"),
            ][k % 4]
            md = self.rd(p)
            text = [
                f"BONJOUR\n\nJE SIGNE L'APPEL\n\n{nm}\n{md}\n\nCORDIALEMENT",
                f"BONJOUR,\nJE SOUHAITE SIGNER VOTRE APPEL POUR LES GARES.\n{nm}, {md}.\nMERCI",
                f"MADAME, MONSIEUR,\n\nVEUILLEZ AJOUTER MA SIGNATURE : {nm}, {md}.\n\nSALUTATIONS",
                f"JE SIGNE.\n{nm} - {md}",
                f"BONJOUR A TOUS\n\nNOTRE GARE A PERDU SON GUICHET EN 2025, ALORS OUI JE SIGNE !!\n\n{nm}\n{md}",
                f"SIGNATURE POUR L'APPEL :\n\nNOM PRENOM : {nm}\nMANDAT : {md}\n\nBONNE JOURNEE",
            ][k % 6]
            text = noacc(text).upper()
            m = self.send(
                "all_caps",
                clients[k],
                p,
                noacc(
                    rng.choice(
                        ["SIGNATURE", "APPEL GARES VIVANTES", "JE SIGNE", "RE: " + CALL_SUBJECT]
                    )
                ).upper(),
                text,
                from_name=noacc(display(p, rng.choice(["std", "inv"]))).upper() if k % 3 else "",
                quote=k % 4 == 3,
                html=False,
            )
            self.sign(m, "all_caps", p)

    def ps_name(self):
        """The name or the mandate only in a P.S. or after the closing."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "laposte",
            "apple",
            "zimbra",
            "roundcube",
            "iphone",
            "yahoo",
            "gmail",
            "orange",
        ]
        disclaimer = (
            "Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leurs destinataires. "
            "Si vous l'avez reçu par erreur, merci de le détruire et d'en avertir l'expéditeur."
        )
        for k in range(11):
            p = self.signer(("cm", "mai", "cm", "cd", "cm", "cr"))
            d = parts(p, rng)
            nm, md = display(p, rng.choice(["std", "cased"])), self.rd(p)
            text = [
                f"Bonjour,\n\nBravo pour l'initiative, je signe volontiers.\n\nBien à vous\n\nP.S. : pour la liste, {nm}, {md}.",
                f"Je signe !\n\nCordialement,\n{p.prenom}\n\nPS : j'oubliais l'essentiel – {nm}, {md}",
                f"Bonjour,\n\nComptez sur moi.\n\nAmitiés\n\n-- \n{disclaimer}\n\nPS {nm} {md}",
                f"Bonjour,\n\nJe m'associe à l'appel.\n\nBonne journée,\n{nm}\n\nP.-S. Je signe en tant que {self.role_de(p, d)} {d['paren']}.",
                f"Bonjour,\n\nTout à fait d'accord avec les quatre points.\n\nBien cordialement\n\nNB : signature de {nm} ({md})",
                f"Salutations,\n\n{nm}\n\n(je précise : {md})",
                f"Bonjour,\n\nJe signe.\n\nCordialement\n\nP.S. 1 : notre gare a perdu son guichet en 2024.\nP.S. 2 : {nm}, {md}.",
                f"ok pour signer\n\nps: {md}",
                f"Bonjour,\n\nJe signe l'appel, merci.\n\nBien à vous\n\nPost-scriptum : {nm}, {md}. Je transmets aussi à mon conseil.",
                f"Bonjour,\n\nOui, ajoutez-moi.\n\nCdlt\n\nPs. {md}",
                f"Bonjour,\nbien reçu l'appel, je signe sans hésiter.\nSalutations républicaines.\n\nP.S. : {nm} – {md}",
            ][k]
            from_name = display(p, rng.choice(["std", "cased"])) if k in (7, 9) or k % 2 else ""
            m = self.send(
                "ps_name",
                clients[k],
                p,
                rng.choice(["Appel", "Signature", self.re_call(clients[k]), "Gares vivantes"]),
                text,
                from_name=from_name,
                quote=k % 3 == 0,
            )
            self.sign(m, "ps_name", p)

    def ordinal_adjoints(self):
        """« 2ème adjoint », « 1ère adjointe déléguée aux finances », « adjoint n°3 », « 2°adjoint »…"""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "laposte",
            "thunderbird",
            "zimbra",
            "orange",
            "apple",
            "gmail",
            "roundcube",
            "iphone",
            "outlook_desktop",
            "yahoo",
        ]
        for k in range(12):
            p = self.signer(
                ("cm",), lambda x: "adjoint" in x.fonction and 1 <= rank(x.fonction) <= 9
            )
            n = self.adjoint_of(p)
            a = e(p, "adjoint", "adjointe")
            deleg = rng.choice(DELEGATIONS + ["aux finances", "aux mobilités", "aux transports"])
            r = [
                f"{n}ème {a}" if n > 1 else f"{e(p, '1er', '1ère')} {a}",
                f"{ordinal(n, p, 'eme')} {a} {e(p, 'délégué', 'déléguée')} {deleg}",
                f"{a} n°{n}",
                f"{n}e adj. au maire",
                f"{ordinal(n, p, 'word')} {a} au maire",
                f"{cap1(a)} au maire ({n}e)",
                (e(p, "2nd", "2nde") if n == 2 else ordinal(n, p)) + f" {a}",
                f"{ordinal(n, p)} maire-{a}",
                f"maire {a}, {n}e rang",
                f"{n}°{a}",
                f"{a} au maire n° {n} {e(p, 'chargé', 'chargée')} {deleg.replace('à la ', 'de la ').replace('aux ', 'des ').replace('au ', 'du ').replace('à l', 'de l')}",
                f"{n}ème adj.",
            ][k]
            where = where_commune(p, rng, force_dep=k % 2 == 0)
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{cap1(r)} {where}",
                f"Bonjour,\n\n{nm}, {r} {where}, signe l'appel.\n\n{self.closing()}",
                f"Bonjour,\n\nMerci de m'ajouter : {nm} – {r} – {p.commune} ({p.dep})",
                f"Je signe.\n{nm}\n{cap1(r)} {where}",
            ][k % 4]
            m = self.send(
                "ordinal_adjoints",
                clients[k],
                p,
                rng.choice(["Signature", "Appel gares vivantes", self.re_call(clients[k])]),
                text,
                quote=k % 3 == 1,
            )
            self.sign(m, "ordinal_adjoints", p)

    def epci_ordinal(self):
        """Intercommunal councillors of the release's EPCI sample: « 5ème VP de la CC X », their function with an ordinal."""
        rng = self.rng
        cands = []
        for r in read_rows(RELEASE / "elus-conseiller-communautaire-epci.sample.csv"):
            cc, f = r["Code de la commune de rattachement"], r["Libellé de la fonction"] or ""
            if not f or cc not in COMMUNES:
                continue
            c = COMMUNES[cc]
            x = P(
                "epci",
                r["Nom de l'élu"],
                r["Prénom de l'élu"],
                r["Code sexe"],
                dep=r["Code du département"],
                commune_code=cc,
                commune=c["nom"],
                tl=c.get("typeLiaison") or 0,
                fonction=f,
                coll=pretty(r["Libellé de l'EPCI"]).replace("Cc ", "CC ", 1),
                truth_commune=cc,
                truth_dep=r["Code du département"],
            )
            if self.ok(x):
                cands.append(x)
        clients = ["outlook_desktop", "gmail", "laposte"]
        for k, p in enumerate(cands[:3]):
            self.use(p)
            n = rank(p.fonction)
            vp = e(p, "vice-président", "vice-présidente")
            role = (
                [
                    f"{n}ème {vp} de la {p.coll}",
                    f"{n}e VP {p.coll}",
                    f"{vp} ({n}e) de la {epci_label(p.coll)}",
                ][k]
                if n
                else f"{e(p, 'président', 'présidente')} de la {epci_label(p.coll)}"
            )
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{display(p, 'std')}\n{cap1(role)} ({dept_name(p.dep)})\nÉlu{e(p, '', 'e')} {de_place(p.commune, p.tl)}",
                f"Bonjour,\n\n{display(p, 'cased')}, {role}, {e(p, 'conseiller communautaire', 'conseillère communautaire')} {de_place(p.commune, p.tl)} ({p.dep}), signe l'appel.",
                f"Bonjour,\n\nLes transports sont notre compétence : je signe.\n\n{self.closing()}\n{display(p, 'std')}\n{cap1(role)}",
            ][k]
            m = self.send(
                "epci_ordinal",
                clients[k],
                p,
                rng.choice(["Signature", self.re_call(clients[k])]),
                text,
                quote=k == 1,
            )
            self.sign(m, "epci_ordinal", p)

    def deliberation(self):
        """A town hall sends an extract of the council's deliberation; only the mayor signs."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "laposte",
            "zimbra",
            "orange",
            "thunderbird",
            "outlook_desktop",
        ]
        for k in range(6):
            p = self.take(
                "mai",
                lambda x: (
                    len([o for o in self.reg.by_commune[x.commune_code] if o.kind == "cm"]) >= 8
                    and x.dep in DEPTS
                ),
            )
            others = [o for o in self.reg.by_commune[p.commune_code] if o.kind == "cm"]
            pres = rng.sample(others, 4)
            for o in pres:
                self.used.add(ident(o.nom, o.prenom))
            title = e(p, "Monsieur", "Madame")
            up = noacc(p.commune).upper() if k % 2 else p.commune.upper()
            t = self.clock.t - dt.timedelta(days=rng.randint(1, 4))
            n_ex = len(others) + 1
            text = (
                f"EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nDU CONSEIL MUNICIPAL {de_place(up, p.tl).upper()}\n"
                f"Séance du {t.day} {FR_MONTHS[t.month - 1]} {t.year}\n\n"
                f"Nombre de conseillers : en exercice {n_ex} – présents {n_ex - 2} – votants {n_ex - 1}\n\n"
                f"L'an deux mille vingt-sept, le {t.day} {FR_MONTHS[t.month - 1]}, à vingt heures, le conseil municipal, légalement "
                f"convoqué, s'est réuni en séance publique sous la présidence de {title} {display(p, 'std')}, Maire.\n\n"
                f"Présents : {', '.join(display(o, 'std') for o in pres[:3])}…\n"
                f"Absent excusé : {display(pres[3], 'std')} (pouvoir à {display(pres[0], 'std')})\n"
                f"Secrétaire de séance : {display(pres[1], 'std')}\n\n"
                f"Délibération n° 2027-{rng.randint(30, 90):03d} – Soutien à l'{CALL_TITLE}\n\n"
                f"{title} le Maire présente l'appel. Après en avoir délibéré, le conseil municipal, à l'unanimité :\n"
                f"- APPROUVE les termes de l'appel ;\n- AUTORISE le Maire à le signer au nom de la commune.\n\n"
                f"Pour extrait certifié conforme,\nLe Maire,\n{display(p, rng.choice(['std', 'caps']))}"
            )
            intro = rng.choice(
                [
                    "Madame, Monsieur,\n\nVeuillez trouver ci-dessous l'extrait de la délibération adoptée lors du dernier conseil.\n\nLe secrétariat de mairie\n\n",
                    "Bonjour,\n\nPour votre information et pour la signature de M. ou Mme le Maire :\n\n",
                    "Bonjour,\n\nCi-dessous l'extrait de délibération.\n\nCordialement,\nL'accueil de la mairie\n\n",
                ]
            )
            m = self.new(
                "deliberation",
                clients[k],
                f"Mairie {de_place(p.commune, p.tl)}",
                f"{rng.choice(['mairie', 'secretariat', 'dgs', 'accueil'])}@{town_dom(p)}",
                rng.choice(
                    [
                        "Extrait de délibération – appel gares vivantes",
                        "Délibération soutien appel",
                        "Délibération n° 2027 – gares",
                    ]
                ),
            )
            self.body(m, intro + text, html=k % 2 == 0)
            self.sign(m, "deliberation", p)

    LOCAL = [
        ("29232", "Kemper", "br"),
        ("56121", "An Oriant", "br"),
        ("35238", "Roazhon", "br"),
        ("44109", "Naoned", "br"),
        ("64102", "Baiona", "eu"),
        ("64260", "Hendaia", "eu"),
        ("66136", "Perpinyà", "ca"),
        ("2A004", "Aiacciu", "co"),
        ("2B033", "Bastìa", "co"),
        ("31555", "Tolosa", "oc"),
        ("34172", "Montpelhièr", "oc"),
    ]

    def regional_lang(self):
        """Greetings, mandate and commune in Breton, Basque, Catalan, Corsican or Occitan; French sometimes in brackets."""
        rng = self.rng
        clients = [
            "gmail",
            "thunderbird",
            "apple",
            "laposte",
            "gmail",
            "iphone",
            "outlook_desktop",
            "orange",
            "zimbra",
            "roundcube",
            "samsung",
        ]
        for k, (code, loc, lang) in enumerate(self.LOCAL):
            cands = [
                x
                for x in self.reg.by_commune[code]
                if x.kind == "cm" and not x.fonction and self.ok(x)
            ]
            p = self.use(cands[rng.randrange(len(cands))])
            if k == 3:
                p = self.impostor("other_first", surname_commune=code)
            fr = (
                f" ({e(p, 'conseiller municipal', 'conseillère municipale')} {de_place(p.commune, p.tl)})"
                if k % 3 == 0
                else ""
            )
            nm = display(p, rng.choice(["std", "cased"]))
            if lang == "br":
                text = f"Demat deoc'h,\n\nSinañ a ran ar galv. Je signe l'appel.\n\nA galon,\n{nm}\n{e(p, 'Kuzulier-kêr', 'Kuzulierez-kêr')} {loc}{fr}"
            elif lang == "eu":
                text = f"Kaixo,\n\nDeialdia sinatzen dut / je signe l'appel.\n\nEskerrik asko, agur\n{nm}\nZinegotzia, {loc}ko Udala{fr}"
            elif lang == "ca":
                text = f"Bon dia,\n\nSigno la crida per unes estacions vives. Je signe.\n\nSalutacions cordials,\n{nm}\n{e(p, 'Regidor', 'Regidora')} de l'Ajuntament de {loc}{fr}"
            elif lang == "co":
                text = f"Bonghjornu,\n\nFirmu l'appellu. Je signe.\n\nÀ ringraziavvi,\n{nm}\n{e(p, 'Cunsiglieru municipale', 'Cunsigliera municipale')} {'d' + chr(39) if loc[0] in 'AEIOU' else 'di '}{loc}{fr}"
            else:
                text = f"Bonjorn,\n\nSigni l'apèl. Je signe l'appel.\n\nMercés, coralament,\n{nm}\n{e(p, 'Conselhièr municipal', 'Conselhièra municipala')} de {loc}{fr}"
            m = self.send(
                "regional_lang",
                clients[k],
                p,
                rng.choice(
                    ["Galv / Appel", "Signature", self.re_call(clients[k]), "Gares vivantes"]
                ),
                text,
                quote=k % 3 == 1,
            )
            self.sign(m, "regional_lang", p)

    def sigblock(self, p: P, rng) -> str:
        return f"{display(p, rng.choice(['std', 'cased']))}\n{cap1(self.rd(p))}"

    def confirmation(self, p: P, rng) -> str:
        return (
            f"Bonjour,\n\nVotre signature est bien enregistrée :\n{display(p, 'std')}, {self.rd(p)}\n\n"
            f"Elle sera vérifiée puis publiée le 29 octobre. Merci !\n\n{org_sig(0)}"
        )

    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        bad = ("opposition_group", "deliberation", "letterhead")
        return [
            s
            for s in self.signed
            if not s[1].impostor and per[s[0].file] == 1 and not s[0].file[:-4].endswith(bad)
        ]

    def org_prev(self, subject: str, hours: float) -> Mail:
        return Mail(
            "",
            "organisers",
            f"{ORGANISERS[0][0]} – {ORG_NAME}",
            ORG_ADDR,
            subject,
            aware(self.clock.t - dt.timedelta(hours=hours)),
            "<" + hx(self.rng, 32) + f"@{ORG_DOMAIN}>",
        )

    def question(self):
        rng = self.rng
        qs = [
            "Bonjour,\n\nNotre gare n'est qu'une halte sans bâtiment : le point 3 nous concerne-t-il quand même ? Je signerai selon votre réponse.",
            "Bonjour,\n\nLes signatures seront-elles publiées avec le nom de la commune ? Je dois en parler à mon conseil avant.",
            "Bonjour,\n\nPuis-je signer au nom du syndicat mixte de transport que je préside, ou seulement en mon nom ?",
            "Bonjour,\n\nAvez-vous une version imprimable de l'appel pour la prochaine séance du conseil ?",
            "Bonjour,\n\nQuelle est la date limite ? Le message d'origine s'est perdu.",
            "Bonjour,\n\nLe seuil de 200 voyageurs par jour, c'est en montées seules ou montées et descentes ? Avant de signer je préfère comprendre.",
        ]
        clients = ["outlook_desktop", "gmail", "zimbra", "laposte", "iphone", "thunderbird"]
        for k in range(6):
            p = self.official(("mai", "cm", "cd", "cr"))
            m = self.new(
                "question",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Halte et point 3",
                    "Publication",
                    "Syndicat de transport",
                    "Version imprimable",
                    "date limite ?",
                    "Question sur le point 1",
                ][k],
            )
            self.body(
                m,
                f"{qs[k]}\n\n{self.closing()}\n{self.sigblock(p, rng)}",
                self.call if k == 4 else None,
                CALL if k == 4 else "",
            )
            self.label(m, "question", "question", "nonsigning")

    def thanks(self):
        rng = self.rng
        one = self.one_signer_msgs()
        for k in range(5):
            if k == 0:  # a refusal
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
                    "Bonjour,\n\nJe ne signerai pas : notre commune a fait un autre choix de gestion et je ne souhaite pas "
                    f"m'engager sur le point 3, qui relève de la Région.\n\nCordialement,\n{self.sigblock(p, rng)}",
                    self.call,
                    CALL,
                )
                self.label(m, "thanks", "other", "nonsigning")
                continue
            if k in (1, 2):
                src, p, addr = one[7 + 19 * k]
                prev = self.org_prev("Votre signature est enregistrée", 20)
                m = self.new(
                    "thanks",
                    "gmail" if k == 1 else "apple",
                    src.from_name,
                    addr,
                    "Re: Votre signature est enregistrée",
                )
                self.body(
                    m,
                    "Merci à vous, et bon courage pour la publication !"
                    if k == 1
                    else "Parfait, merci. Je fais suivre à mes collègues.",
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
                "Merci pour la carte des gares",
            )
            self.body(
                m,
                f"Bonjour,\n\nMerci pour la carte des guichets fermés, très utile pour notre commission transports.\n\n{self.sigblock(p, rng)}",
            )
            self.label(m, "thanks", "thanks", "nonsigning")

    def autoreply(self):
        rng = self.rng
        one = self.one_signer_msgs()
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        for k in range(6):
            if k == 5:
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
                    "be delivered to one or more recipients.\n\n<elus@mairie-disparue.example>: host not found\n\n"
                    f"--- original message headers ---\nSubject: [Relance] {CALL_SUBJECT}\n"
                )
                self.label(m, "autoreply", "autoreply", "nonsigning")
                continue
            if k == 4:
                src, p, addr = one[40]
                m = self.new(
                    "autoreply",
                    "outlook_desktop",
                    src.from_name,
                    addr,
                    "Réponse automatique : Votre signature est enregistrée",
                    extra=auto,
                )
                self.body(
                    m,
                    f"Je suis absent{e(p, '', 'e')} jusqu'au 4 octobre. Pour toute urgence, contactez la mairie.",
                    self.org_prev("Votre signature est enregistrée", 0.05),
                    self.confirmation(p, rng),
                    html=False,
                )
                self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
                continue
            p = self.official(("mai", "cd", "cm", "cr")[k : k + 1])
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nJe suis en congé du 20 septembre au 1er octobre 2027 inclus. Votre message sera traité à mon retour.\n\n{self.sigblock(p, rng)}",
                f"Je suis en déplacement jusqu'au 27 septembre, avec un accès limité à ma messagerie.\n\n{self.sigblock(p, rng)}",
                f"Accusé de réception\n\nVotre courriel a bien été reçu par la mairie {d['de']}. Il sera transmis à {display(p, 'std')}, {d['role']}.\n\nCeci est un message automatique.",
                f"Message automatique : {display(p, 'cased')} est en séance plénière. Réponse après le 24/09.",
            ][k]
            m = self.new(
                "autoreply",
                ["outlook_desktop", "zimbra", "laposte", "gmail"][k],
                display(p, "cased") if k != 2 else f"Mairie {d['de']}",
                addr_of(p, rng),
                [
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Absence",
                    "Accusé de réception de votre courriel",
                    "Absent(e)",
                ][k],
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self):
        bulk = "Precedence: bulk\nList-Unsubscribe: <mailto:desinscription@{L}.example>"
        for k in range(3):
            ps = [self.official(("mai", "cm", "cd")) for _ in range(3)]
            lst = "\n".join(f"  * {display(x, 'std')}, {self.rd(x)}" for x in ps)
            name, addr, subj, dom = [
                (
                    "La Lettre du rail local",
                    "lettre@rail-local.example",
                    "La Lettre du rail local – septembre 2027",
                    "rail-local",
                ),
                (
                    "Observatoire des petites lignes",
                    "info@petites-lignes.example",
                    "Bulletin des petites lignes n° 22",
                    "petites-lignes",
                ),
                (
                    "Revue de presse Mobilités & Territoires",
                    "revue@mobilites-territoires.example",
                    "Revue de presse du 22 septembre",
                    "mobilites-territoires",
                ),
            ][k]
            m = self.new("newsletter", "plain", name, addr, subj, extra=bulk.replace("{L}", dom))
            m.text = f"{subj.upper()}\n\nIls et elles ont pris la parole ce mois-ci :\n{lst}\n\nSe désinscrire : répondre STOP"
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self):
        rng = self.rng
        one = self.one_signer_msgs()
        picks = [one[3], one[22], one[37], one[51], one[66]]
        for k, (src, p, addr) in enumerate(picks):
            client = ["iphone", src.client, "outlook_desktop", "gmail", "thunderbird"][k]
            if client in ("organisers", "plain"):
                client = "gmail"
            text = [
                "Merci de retirer ma signature.",
                f"Bonjour,\n\nAprès le conseil municipal d'hier soir, je préfère retirer ma signature.\n\n{display(p, 'std')}",
                "Bonjour,\n\nJe retire mon nom : notre intercommunalité prépare sa propre motion.\n\nCordialement",
                "Finalement je retire ma signature, désolé·e.",
                f"Bonjour,\n\nJe retire mon soutien (désaccord sur le point 3).\n\n{self.closing()}\n{display(p, 'cased')}",
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
                    "Retrait",
                ][k],
            )
            if k == 3:
                self.body(
                    m,
                    text,
                    self.org_prev("Votre signature est enregistrée", 26),
                    self.confirmation(p, rng),
                )
            else:
                self.body(m, text)
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [
            (
                "Support Messagerie",
                "noreply@quota-messagerie.example",
                "Votre boîte est pleine",
                "Bonjour,\n\nVotre quota est atteint. Validez votre compte : http://quota-messagerie.example/\n",
            ),
            (
                "Abris Voyageurs Pro",
                "contact@abris-voyageurs.example",
                "Abris de quai : -30 % jusqu'au 30 septembre",
                "Madame, Monsieur le Maire,\n\nNos abris voyageurs connectés équipent déjà 400 haltes. Devis gratuit.\n",
            ),
            (
                "Trésor Public",
                "remboursement@impots-avis.example",
                "Remboursement en attente",
                "Bonjour,\n\nUn remboursement de 248,30 € vous attend. Cliquez pour le recevoir.\n",
            ),
            (
                "Formation Élus Express",
                "inscription@formation-elus.example",
                "DIF élus : dernières places",
                "Bonjour,\n\nUtilisez votre DIF avant le 31 octobre : formations prise de parole, budget, réseaux sociaux.\n",
            ),
        ]
        for name, addr, subj, text in texts:
            m = self.new("spam", "plain", name, addr, subj)
            m.text = text
            self.label(m, "spam", "other", "nonsigning")

    call: Mail | None = None
    relance: Mail | None = None
    relance_text = ""

    def org_call(self, part: int):
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
                f"Bonjour à toutes et à tous,\n\nPetite relance : l'{CALL_TITLE} est ouvert aux signatures jusqu'au 15 octobre. "
                "Si vous avez déjà signé, merci, inutile de recommencer ! Sinon, répondez à ce message en complétant le formulaire (nom, prénom, mandat, commune, département).\n\n"
                f"{org_sig(1)}"
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
            self.relance, self.relance_text = m, text
            self.label(m, "org_call", "other", "nonsigning")
            return
        ok = [s for s in self.signed if not s[1].impostor]
        sample = ok[5::17][:5]
        rows = "\n".join(f"- {display(p, 'std')} ({self.rd(p)})" for _, p, _ in sample)
        text = f"Bonjour,\n\nPoint d'étape : plus de 300 signatures, dont :\n\n{rows}\n\nMerci de continuer à faire circuler l'appel.\n\n{org_sig(0)}"
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
            f"{ORGANISERS[1][0]},\n\nAttention : les signatures de groupes municipaux sont à compter nom par nom, et les délibérations "
            f"de conseil ne valent que pour le ou la maire.\n\n{ORGANISERS[0][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[0], ORG_ADDR, "Doublons")
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        self.org_call(0)
        self.filled_form()
        self.letterhead()
        self.emoji_chat()
        self.opposition_group()
        self.ordinal_adjoints()
        self.epci_ordinal()
        self.commune_deleguee()
        self.org_call(1)
        self.sector_plm()
        self.maiden_names()
        self.all_caps()
        self.deliberation()
        self.ps_name()
        self.regional_lang()
        self.org_call(2)
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
