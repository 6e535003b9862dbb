#!/usr/bin/env python3
"""Fifth held-out petition mailbox (tests/mail_holdout5): builder.

    python tests/mail_holdout5/build.py            # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris winter time, January 2027), Message-IDs and MIME boundaries drawn from the
generator in each client's own shape. Reads the real 2026 RNE release (../shared/rne/release-2026,
every file), one 2022 mayors file of ../shared/rne/history (former mayors) and the COG
(../shared/cog) at build time; nothing of ../shared is copied into the repository except, in the
messages, the drawn people's name, sex, mandate and place. Birth dates are read only to tell
homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages of the four earlier
held-out corpora (only their READMEs, tests/mail_holdout4/build.py whose reading helpers, client
quoting and encoding machinery are reused, and the scorer). Campaign: « Appel des élu·es pour le
train du quotidien » (invented).
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

SEED = 2027_0111
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "train-du-quotidien.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"petites-lignes@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Train du quotidien"
ORGANISERS = [
    ("Héloïse", "VANDAMME-CROZATIER"),
    ("Octave", "LAPEYRONNIE-SAUBUSSE"),
]  # invented; checked absent
# secretaries, assistants, list moderators: invented, checked absent from every 2026 file
STAFF = [
    ("Maud", "TRÉGUIER-BOISSONNADE"),
    ("Fabien", "CASSAGNAU-DROUILLARD"),
    ("Noémie", "VERDALLE-KERMORVAN"),
    ("Régis", "POUYADOU-MARCELLESI"),
    ("Solène", "HAUTECLOCQUE-BRIANÇON"),
    ("Damien", "ESPINASSOU-LAGRAULET"),
]
CALL_TITLE = "Appel des élu·es pour le train du quotidien"
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
SUMMER = dt.datetime(2027, 3, 28, 2, 0)  # last Sunday of March 2027: CET -> CEST (never reached)


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=2 if t >= SUMMER else 1)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2027, 1, 11, 8, 20)
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

Madame, Monsieur,

Lignes fermées « provisoirement » depuis dix ans, guichets supprimés, correspondances impossibles,
TER remplacés par des cars le dimanche : le train du quotidien disparaît de nos territoires. Nous,
élu·es de communes, de départements, de régions et de collectivités, quelle que soit notre sensibilité,
demandons :

1) un moratoire sur toute fermeture de ligne de desserte fine du territoire ;
2) une loi de programmation qui finance la rénovation des petites lignes d'ici 2035 ;
3) le maintien d'un guichet ou d'une présence humaine dans chaque gare de plus de 50 voyageurs par jour ;
4) la consultation des communes traversées avant toute modification de desserte.

Pour signer, répondez simplement à ce message en indiquant vos nom, prénom et mandat (commune,
département, région ou collectivité). Chaque signature est vérifiée dans le Répertoire national des
élus avant publication, le 15 février 2027. Date limite : 5 février 2027.

Merci de faire suivre l'appel à vos collègues élu·es.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} : signez avant le 5 février"
CALL_DATE = aware(dt.datetime(2027, 1, 11, 7, 30, 12))
LIST_HEADERS = (
    f"List-Id: <petites-lignes.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:petites-lignes-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: petites-lignes@listes." + ORG_DOMAIN
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

    # ---------------------------------------------------------------- shapes: one signer per message
    def vcard_labels(self):
        """A card of labelled fields in the body, with labels nobody uses the same way."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "thunderbird",
            "zimbra",
            "apple",
            "roundcube",
            "laposte",
            "yahoo",
        ]
        for k in range(8):
            p = self.signer(None if k not in (1, 5) else ("cd", "cr"))
            d = parts(p, rng)
            col = self.coll(p, d)
            civ = e(p, "M.", "Mme")
            block = [
                f"Nom : {p.nom}\nPrénom : {p.prenom}\nQualité : {cap1(d['role'])}\nCollectivité : {col}",
                f"Identité : {display(p, 'std')}\nFonction élective : {cap1(d['role'])}\nTerritoire : {d['bare_d'] or col}",
                f"NOM D'USAGE ......... {p.nom}\nPRÉNOM(S) ........... {p.prenom}\nMANDAT .............. {d['role']}\n"
                f"COLLECTIVITÉ ........ {col}",
                f"▸ Signataire : {display(p, 'cased')}\n▸ Qualité : {d['role']}\n▸ Collectivité : {col}",
                f"[signataire]\nnom = {p.nom}\nprenom = {p.prenom}\nmandat = {d['role']}\ncollectivite = {col}",
                f"Élu{e(p, '', 'e')} : {display(p, 'cased')} — Mandat : {d['role']} — Lieu d'exercice : {col}",
                f"Civilité : {civ}\nNom de naissance / d'usage : – / {p.nom}\nPrénom : {p.prenom}\nQualité : {cap1(d['role'])}\n"
                f"Collectivité de rattachement : {col}",
                f"N. : {p.nom} / P. : {p.prenom} / Q. : {d['role']} / C. : {col}",
            ][k]
            intro = rng.choice(
                [
                    "Bonjour,\n\nJe soutiens l'appel. Mes coordonnées pour la liste des signataires :",
                    "Bonjour,\n\nCi-dessous les informations demandées pour ma signature :",
                    "Madame, Monsieur,\n\nJe m'associe à votre appel.",
                    "Bonjour,\n\nSignature de l'appel :",
                ]
            )
            client = clients[k]
            subj = [
                "Signature appel",
                "Fiche signataire",
                CALL_TITLE,
                "Re: " + CALL_SUBJECT,
                "signature",
                "Appel – soutien",
                "Formulaire",
                "ok",
            ][k]
            m = self.new(
                "vcard_labels", client, display(p, "cased") if k % 3 else "", addr_of(p, rng), subj
            )
            self.body(m, f"{intro}\n\n{block}\n\n{self.closing()}")
            self.sign(m, "vcard_labels", p)

    def caps_title_first(self):
        """The mandate first, on its own line(s) in capitals, then the name."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "orange",
            "zimbra",
            "gmail",
            "laposte",
            "outlook_mac",
            "roundcube",
            "samsung",
        ]
        for k in range(8):
            p = self.signer(("cd",) if k == 3 else ("mai", "cm", "mai", "cm", "cr"))
            d = parts(p, rng)
            rd = self.role_de(p, d)
            title = [
                rd.upper(),
                f"{'LE' if not p.f else 'LA'} {d['role'].upper()}\n{('COMMUNE ' + d['de']).upper() if d['bare'] else ''}".rstrip(),
                f"{d['role'].upper()} — {d['bare_d'].upper()}",
                rd.upper(),
                noacc(rd).upper(),
                f"{d['role'].upper()}\n{self.coll(p, d).upper()}",
                f"*** {rd.upper()} ***",
                rd.upper(),
            ][k]
            name = [
                display(p, "std"),
                display(p, "cased"),
                display(p, "inv"),
                display(p, "cased"),
                display(p, "std"),
                display(p, "cased_inv"),
                display(p, "std"),
                display(p, "cased"),
            ][k]
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{title}\n{name}",
                f"{title}\n\n{name}\n\nSigne l'appel pour le train du quotidien.",
                f"Madame, Monsieur,\n\nVeuillez enregistrer ma signature.\n\n{title}\n\n{name}",
                f"{title}\n{name}\n\nJe soutiens votre démarche et signe l'appel.\n\n{self.closing()}",
                f"bonjour\n\n{title}\n{name.upper()}\n\nje signe",
                f"Bonjour,\n\nSignature :\n\n{title}\n{name}\n\n{self.closing()}",
                f"{title}\n{name}\n— signe l'appel —",
                f"Je signe !\n\n{title}\n{name}",
            ][k]
            m = self.new(
                "caps_title_first",
                clients[k],
                "" if k in (1, 4) else display(p, "cased"),
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                [
                    "SIGNATURE",
                    "Appel",
                    "Signature de l'appel",
                    "Re: " + CALL_SUBJECT,
                    "signature",
                    "Appel train",
                    "soutien",
                    "Je signe",
                ][k],
            )
            self.body(m, text)
            self.sign(m, "caps_title_first", p)

    def nous_self(self):
        """The signer writes « nous » for themselves only (one name)."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "apple",
            "thunderbird",
            "yahoo",
            "zimbra",
            "orange",
            "iphone",
        ]
        for k in range(8):
            p = self.signer(("mai",) if k in (0, 2, 5) else None)
            d = parts(p, rng)
            rd = self.role_de(p, d)
            text = [
                f"Madame, Monsieur,\n\nNous, {display(p, 'std')}, {rd}, signons l'appel des élu·es pour le train du quotidien.\n\n{self.closing()}\n\n{display(p, 'std')}",
                f"Bonjour,\n\nNous vous confirmons notre signature de l'appel.\n\nBien à vous,\n{display(p, 'cased')}\n{cap1(rd)}",
                f"Bonjour,\n\nC'est avec conviction que nous joignons notre nom à cet appel : la ligne qui traverse notre commune attend depuis trop longtemps.\n\n{display(p, 'cased')}, {rd}",
                f"Nous {e(p, 'soussigné', 'soussignée')} {display(p, 'inv')}, {rd}, apportons notre soutien à l'appel.",
                f"Bonjour,\n\nNous signons, évidemment.\n\n{display(p, 'std')}\n{cap1(rd)}",
                f"Madame, Monsieur,\n\nNous avons pris connaissance de votre appel et nous y souscrivons pleinement. Nous vous prions de bien vouloir nous compter parmi les signataires.\n\n{cap1(d['role'])} {d['de']},\n{display(p, 'cased')}",
                f"Bjr, nous signons. {display(p, 'cased')} ({rd})",
                f"Nous en sommes ! {display(p, 'std')}, {rd}",
            ][k]
            m = self.new(
                "nous_self",
                clients[k],
                display(p, "cased") if k != 6 else "",
                addr_of(p, rng),
                [
                    "Appel",
                    "Re: " + CALL_SUBJECT,
                    "Notre soutien",
                    "Soutien à l'appel",
                    "signature",
                    "Appel des élu·es",
                    "appel",
                    "Train du quotidien",
                ][k],
            )
            if k in (1, 7):
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "nous_self", p)

    def epci_seat(self):
        """A municipal mandate plus the intercommunality the commune belongs to."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "zimbra",
            "apple",
            "laposte",
            "thunderbird",
            "roundcube",
            "android_gmail",
        ]
        for k in range(8):
            p = self.signer(
                ("mai",) if k % 2 == 0 else ("cm", "mai"),
                lambda p: (
                    p.commune_code != "75056"
                    and self.epci_of(p.commune_code) is not None
                    and not p.dep.startswith("97")
                ),
            )
            if p.impostor and self.epci_of(p.commune_code) is None:
                p = self.impostor("invented", commune_code="01004")
            d = parts(p, rng)
            ep = self.epci_of(p.commune_code)
            epn = ep["nom"] if ep else ""
            epl = epci_label(epn)
            rd = self.role_de(p, d)
            mayor = d["role"] == "maire"
            cc = e(p, "conseiller communautaire", "conseillère communautaire")
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{display(p, 'std')}\n{cap1(rd)}"
                + (f" et {cc} de la {epl}" if mayor else f" ({epn})"),
                f"Bonjour,\n\nMerci pour cette initiative. Vous pouvez ajouter ma signature.\n\n{display(p, 'cased')}\n{cap1(rd)}\n{epn}",
                f"{epn} — {display(p, 'cased')}, {rd}. Je signe.",
                f"Bonjour,\n\n{display(p, 'std')}, {rd}"
                + (
                    f", membre du bureau communautaire de la {epl}"
                    if False
                    else f", commune membre de la {epl}"
                )
                + ", signe l'appel.",
                f"Bonjour,\n\nsignature : {display(p, 'inv')}, {d['role']} {d['de']} ({epn})\n\n{self.closing()}",
                f"Pour la {epl} et pour ma commune : je signe.\n\n{display(p, 'cased')}\n{cap1(rd)}"
                + (f"\n{cap1(cc)}" if mayor else ""),
                f"Bonjour,\n\nJe signe volontiers.\n\n{display(p, 'std')}\n{cap1(d['role'])} {d['de']}\n(Intercommunalité : {epn})",
                f"Signé : {display(p, 'cased')}, {rd}"
                + (f" et {cc} ({epn})" if mayor else f", {epn}"),
            ][k]
            m = self.new(
                "epci_seat",
                clients[k],
                display(p, "cased"),
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                [
                    "Appel train du quotidien",
                    "Signature",
                    "Appel",
                    "Re: " + CALL_SUBJECT,
                    "je signe",
                    "Signature commune + interco",
                    "Appel petites lignes",
                    "Signature",
                ][k],
            )
            self.body(m, text)
            self.sign(m, "epci_seat", p)

    def amend_then_sign(self):
        """A discussion of the text (amendments suggested), then « je signe quand même »."""
        rng = self.rng
        remarks = [
            "le point 3 me gêne : dans ma commune la gare fait 30 voyageurs par jour et ne serait donc pas concernée. Je proposerais « chaque gare ou halte desservie » plutôt que le seuil de 50",
            "je regrette que l'appel ne dise rien du fret ferroviaire. Pourriez-vous ajouter un cinquième point sur les lignes capillaires fret ?",
            "« provisoirement » entre guillemets me semble polémique vis-à-vis de la Région, avec qui nous négocions. Serait-il possible de l'enlever ?",
            "2035 est bien trop tard. Je proposerais 2030, quitte à être ambitieux",
            "il faudrait citer les cars de substitution, qui sont parfois une bonne solution transitoire. Le texte les présente comme un recul",
            "le point 4 devrait parler des intercommunalités, pas seulement des communes traversées",
            "l'appel ne mentionne pas les usagers en situation de handicap, pour qui les guichets comptent double",
        ]
        clients = ["thunderbird", "outlook_desktop", "gmail", "apple", "zimbra", "yahoo", "laposte"]
        for k in range(7):
            p = self.signer(("mai", "cm", "cd", "cr"))
            d = parts(p, rng)
            rd = self.role_de(p, d)
            client = clients[k]
            addr = addr_of(p, rng)
            name = display(p, rng.choice(["std", "cased"]))
            if k >= 4:  # one message: remarks, then « je signe quand même »
                text = (
                    f"Bonjour,\n\nJ'ai lu l'appel avec attention. Sur le fond, je suis d'accord, mais {remarks[k]}.\n\n"
                    f"Je sais que le texte est sans doute déjà figé : je signe quand même, en vous laissant mes remarques pour la suite.\n\n"
                    f"{self.closing()}\n{name}\n{cap1(rd)}"
                )
                m = self.new(
                    "amend_then_sign", client, name, addr, "Remarques sur le texte + signature"
                )
                self.body(m, text)
                self.sign(m, "amend_then_sign", p)
                continue
            th = f"{self.n + 1:03d}-amend_then_sign"
            t1 = (
                f"Bonjour,\n\nAvant de signer, une remarque sur le texte : {remarks[k]}. Est-ce encore possible de modifier ?\n\n"
                f"{self.closing()}\n\n{name}\n{cap1(rd)}"
            )
            m1 = self.new(
                "amend_then_sign", client, name, addr, "Proposition d'amendement à l'appel"
            )
            full1 = self.body(m1, t1)
            self.label(m1, "amend_then_sign", "question", self.case(p), None, th)
            t2 = (
                "Bonjour,\n\nMerci pour votre lecture attentive. Le texte ne peut plus bouger : plusieurs centaines d'élu·es l'ont déjà signé "
                "tel quel. Nous gardons votre proposition pour la conférence de presse et le courrier aux ministres."
            )
            m2, full2 = self.org_mail(m1, full1, t2, "amend_then_sign", th)
            t3 = [
                "Je comprends. Je signe quand même.",
                f"Dommage, mais l'essentiel y est : je signe quand même.\n\n{p.prenom}",
                f"Bon, d'accord, je signe quand même ! Merci de votre réponse.\n\n{display(p, 'cased')}",
                "Entendu. Je maintiens ma remarque mais je signe quand même.",
            ][k]
            m3, _ = self.user_reply(m2, full2, name, addr, client, t3, "amend_then_sign")
            self.sign(m3, "amend_then_sign", p, thread=th)

    def shared_mailbox(self):
        """One town-hall mailbox: several officials of the commune sign one after another in the same thread."""
        rng = self.rng
        sizes = [3, 3, 2, 2]
        clients = ["outlook_desktop", "zimbra", "laposte", "orange"]
        for k in range(4):
            grp = self.commune_group(sizes[k] - 1, with_mayor=True)
            if k == 1:  # an impostor slips in: a first name the commune's surname never carries
                grp[2] = self.impostor("other_first", surname_commune=grp[0].commune_code)
            mayor = grp[0]
            dom = town_dom(mayor)
            box = rng.choice(["mairie", "accueil", "secretariat", "contact"]) + "@" + dom
            fname = rng.choice(
                [
                    f"Mairie {de_place(mayor.commune, mayor.tl)}",
                    f"MAIRIE DE {noacc(mayor.commune).upper()}",
                    "Accueil Mairie",
                ]
            )
            client = clients[k]
            th = f"{self.n + 1:03d}-shared_mailbox"
            prev, prev_text = None, ""
            for j, p in enumerate(grp):
                d = parts(p, rng)
                if j == 0:
                    text = (
                        f"Bonjour,\n\nLe maire signe l'appel :\n{display(p, 'std')}, {self.role_de(p, d)}.\n\n"
                        f"D'autres élus de la commune vont sans doute compléter en répondant à ce message.\n\nCordialement,\nLa mairie"
                        if k % 2 == 0
                        else f"Bonjour,\n\nJe signe l'appel.\n\n{display(p, 'cased')}\n{cap1(d['role'])} {de_place(p.commune, p.tl)}"
                    )
                    m = self.new(
                        "shared_mailbox",
                        client,
                        fname,
                        box,
                        "Appel des élu·es – signatures de la commune",
                    )
                    prev_text = self.body(m, text)
                else:
                    role = d["role"] if not d["role"].startswith("maire") else d["role"]
                    text = [
                        f"Je signe également.\n{display(p, 'cased')}, {role}",
                        f"Bonjour, je m'associe à la signature ci-dessous.\n{display(p, 'inv')}\n{cap1(role)}",
                        f"Moi aussi : {display(p, 'std')} ({role}).",
                    ][(j + k) % 3]
                    m, prev_text = self.user_reply(
                        prev, prev_text, fname, box, client, text, "shared_mailbox"
                    )
                self.sign(m, "shared_mailbox", p, thread=th)
                prev = m

    def typo_noise(self):
        """Typography: non-breaking spaces, em dashes, curly quotes, capitals, emoji, double spaces, phone/address footers."""
        rng = self.rng
        clients = [
            "apple",
            "iphone",
            "gmail",
            "outlook_desktop",
            "android_gmail",
            "thunderbird",
            "orange_app",
            "yahoo",
            "outlook_mac",
            "zimbra",
            "samsung",
            "roundcube",
        ]
        nb, nn = "\u00a0", "\u202f"
        for k in range(12):
            p = self.signer()
            d = parts(p, rng)
            rd = self.role_de(p, d)
            text = [
                f"Je signe{nn}!\n\n{p.prenom}{nb}{p.nom}{nb}— {rd}",
                f"BONJOUR, JE SIGNE L’APPEL. {display(p, 'std').upper()}, {rd.upper()}. MERCI.",
                f"🚆 Je signe ! 🚆\n{display(p, 'cased')}, {rd} ✊",
                f"Bonjour,\n\nPour  l’appel  :  {display(p, 'std')} ,  {rd.replace(' ', '  ')}\n\nCordialement",
                f"« Oui » pour l’appel — signé : “{display(p, 'cased')}”, {rd}.",
                f"Bonjour,\n\nJe signe.\n\n{display(p, 'cased')}\n{cap1(d['role'])}\n"
                + (
                    f"Mairie — {self.street()} — {postcode(p.commune_code)} {p.commune.upper()}\n"
                    if p.commune_code and p.kind != "ca"
                    else ""
                )
                + f"Tél.{nb}: {self.phone()} — Port.{nb}: {self.phone(True)}",
                f"{display(p, 'std')}… {rd}… je signe… 👍👍",
                f"Bonjour\u00a0!\n\nSignature\u00a0: {display(p, 'inv')}\u00a0/ {rd}\n\n–\n{display(p, 'cased')}\n☎ {self.phone(True)}",
                f"Bonjour,\n\nNom\u00a0:\t{p.nom}\tPrénom\u00a0:\t{p.prenom}\nMandat\u00a0:\t{rd}\n\nBàv",
                f"Je signe\u2009!!!  {display(p, 'cased')}  ——  {rd}  ——  {'❤️' if k % 2 else '🙂'}\n\n{display(p, 'cased')}\n{self.street()}\n{postcode(p.commune_code) if p.commune_code else ''} {p.commune if p.commune_code else ''}".rstrip(),
                "Je signe. "
                + display(p, "std").replace("-", "\u2011")
                + " \u2013 "
                + rd.replace("-", "\u2011"),
                f"Signature :\t\n\n   {display(p, 'cased')}   \n   {rd}   \n\n________________________________\n{self.phone()} · {self.street()}",
            ][k]
            m = self.new(
                "typo_noise",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Appel 🚆",
                    "JE SIGNE",
                    "Signature ✍️",
                    "Appel – signature",
                    "« Oui »",
                    "Signature",
                    "appel",
                    "Signature – appel",
                    "Appel",
                    "Re: " + CALL_SUBJECT,
                    "Appel",
                    "Signature",
                ][k],
            )
            self.body(m, text)
            self.sign(m, "typo_noise", p)

    def english_client(self):
        """A French reply above the call quoted by an English-language client (« On … wrote: », « From: / Sent: »)."""
        rng = self.rng
        clients = [
            "gmail_en",
            "iphone_en",
            "outlook_en",
            "outlook_android_en",
            "gmail_en",
            "outlook_en",
            "iphone_en",
            "outlook_android_en",
        ]
        for k in range(8):
            p = self.signer()
            d = parts(p, rng)
            rd = self.role_de(p, d)
            text = [
                f"Bonjour,\n\nJe signe.\n\n{display(p, 'std')}\n{cap1(rd)}",
                f"Je signe l'appel. {display(p, 'cased')}, {rd}",
                f"Bonjour,\n\nMerci de m'ajouter aux signataires.\n\nCordialement,\n\n{display(p, 'cased')}\n{cap1(d['role'])}\n{self.coll(p, d)}",
                f"Ok pour moi : {display(p, 'inv')}, {rd}",
                f"Bonjour,\nbien sûr je signe.\n{display(p, 'std')} – {rd}\n\n--\n{display(p, 'std')}",
                f"Bonjour,\n\nVous pouvez compter sur ma signature.\n\n{display(p, 'cased')}\n{cap1(rd)}\n\n"
                "This e-mail and any attachments are confidential. If you are not the intended recipient, please delete it.",
                f"Signé ! {display(p, 'cased')} ({rd})",
                f"Je signe, {display(p, 'std')}, {rd}.",
            ][k]
            m = self.new(
                "english_client",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                "RE: " + CALL_SUBJECT if "outlook" in clients[k] else "Re: " + CALL_SUBJECT,
            )
            self.from_call(m, text)
            self.sign(m, "english_client", p)

    def be_ch_style(self):
        """Belgian and Swiss ways of greeting and closing (border départements), « conseiller communal »."""
        rng = self.rng
        deps = {"74", "01", "25", "39", "90", "68", "59", "08", "55", "54", "57", "02"}
        clients = [
            "outlook_desktop",
            "gmail",
            "apple",
            "roundcube",
            "zimbra",
            "thunderbird",
            "yahoo",
            "laposte",
        ]
        for k in range(8):
            p = self.signer(("mai", "cm"), lambda p: p.dep in deps and p.commune_code != "75056")
            d = parts(p, rng)
            rd = self.role_de(p, d)
            if k in (3, 6) and not p.impostor and d["role"].startswith("conseill"):
                rd = f"{e(p, 'conseiller communal', 'conseillère communale')} {d['de']}"
            text = [
                f"Bonjour à vous,\n\nJe signe bien volontiers votre appel.\n\nAvec mes meilleures salutations,\n\n{display(p, 'std')}\n{cap1(rd)}",
                f"Madame, Monsieur,\n\nPar la présente, je vous fais part de mon soutien à l'appel et vous prie de m'inscrire parmi les signataires.\n\n"
                f"Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n{display(p, 'cased')}, {rd}",
                f"Bonjour,\n\nSeptante ans que la ligne passe chez nous, ce serait dommage qu'elle s'arrête. Je signe.\n\nMeilleures salutations\n{display(p, 'cased')}\n{cap1(rd)}",
                f"Bonjour Madame, bonjour Monsieur,\n\nJe vous remercie pour votre courriel et vous confirme ma signature.\n\nSalutations cordiales\n\n{display(p, 'inv')}\n{cap1(rd)}",
                f"Bonjour,\n\nS'il vous plaît, ajoutez mon nom : {display(p, 'std')}, {rd}.\n\nBien à vous et à bientôt",
                f"Chère Madame, cher Monsieur,\n\nC'est avec plaisir que je soutiens l'appel.\n\nAvec nos cordiales salutations,\n{display(p, 'cased')}\n{cap1(rd)}",
                f"Bonjour,\n\nJe signe : {display(p, 'cased')}, {rd}.\n\nDans l'attente de vous lire, je vous adresse mes salutations les meilleures.",
                f"Hello,\n\nVolontiers, je signe.\n\nBelle journée à vous,\n{display(p, 'std')}\n{cap1(rd)}",
            ][k]
            m = self.new(
                "be_ch_style",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Appel",
                    "Soutien à votre appel",
                    "Ligne",
                    "Votre courriel",
                    "Signature",
                    "Appel",
                    "Signature appel",
                    "Appel train",
                ][k],
            )
            self.body(m, text)
            self.sign(m, "be_ch_style", p)

    def au_nom_conseil(self):
        """« Au nom du conseil municipal / de l'équipe / du groupe »: the signer only, not the council."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "gmail",
            "laposte",
            "thunderbird",
            "apple",
            "orange",
            "roundcube",
        ]
        for k in range(8):
            p = self.signer(
                ("mai",) if k < 4 else ("cm", "cd", "mai"), lambda p: p.commune_code != "75056"
            )
            d = parts(p, rng)
            rd = self.role_de(p, d)
            body_ = d["de"] if d["bare"] else ""
            grp = "conseil départemental" if p.kind == "cd" else "conseil municipal"
            text = [
                f"Madame, Monsieur,\n\nAu nom du conseil municipal, je signe l'appel.\n\n{display(p, 'std')}\n{cap1(rd)}",
                f"Bonjour,\n\nLe conseil municipal {body_}, réuni hier soir, soutient unanimement l'appel. Je le signe en son nom.\n\n{display(p, 'cased')}, {d['role']}",
                f"Bonjour,\n\nAu nom de toute l'équipe municipale : nous soutenons l'appel !\n\n{display(p, 'cased')}\n{cap1(rd)}",
                f"Bonjour,\n\nAu nom des habitants {body_} qui prennent le train chaque jour, je signe.\n\n{cap1(d['role'])}, {display(p, 'std')}",
                f"Bonjour,\n\nAu nom de notre groupe au {grp}, je signe l'appel : {display(p, 'cased')}, {rd}.",
                f"Bonjour,\n\nJe signe, au nom du {grp} que je représente ici.\n\n{display(p, 'inv')}\n{cap1(rd)}",
                f"Bonjour,\nPour le {grp} {body_ if p.kind != 'cd' else ''} : {display(p, 'std')}, {d['role']}, signe l'appel.".replace(
                    "  ", " "
                ),
                f"Bonjour,\n\nAu nom des élus de la majorité, qui m'ont chargé{e(p, '', 'e')} de vous répondre : je signe.\n\n{display(p, 'cased')}\n{cap1(rd)}",
            ][k]
            m = self.new(
                "au_nom_conseil",
                clients[k],
                display(p, "cased")
                if k % 2
                else f"Mairie {de_place(p.commune, p.tl)}"
                if p.commune
                else display(p, "cased"),
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                [
                    "Appel – délibération",
                    "Soutien du conseil municipal",
                    "Appel",
                    "Signature",
                    "Appel des élu·es",
                    "Signature",
                    "appel",
                    "Réponse à votre appel",
                ][k],
            )
            self.body(m, text)
            self.sign(m, "au_nom_conseil", p)

    def overseas_corse(self):
        """Officials of overseas communes (971–976) and of the Assemblée de Corse."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "iphone",
            "yahoo",
            "orange",
            "thunderbird",
            "android_gmail",
            "apple",
        ]
        greet = [
            "Bonjou",
            "Bonjour depuis la Guadeloupe",
            "Bonjour",
            "Salam, bonjour",
            "Bonghjornu",
            "Bonjour",
            "Bonjour",
            "Kalou, bonjour",
        ]
        for k in range(8):
            if k in (4, 6):
                p = self.official(("ma",), lambda p: p.coll == "94")
            elif k == 7:
                code = self.rng.choice([c for c in COMMUNES if c.startswith("974")])
                p = self.impostor("invented", commune_code=code)
            else:
                deps = [
                    ("971", "972"),
                    ("971",),
                    ("974",),
                    ("976",),
                    None,
                    ("973", "972"),
                    None,
                    None,
                ][k]
                p = self.official(("mai", "cm"), lambda p, deps=deps: p.dep in deps)
            d = parts(p, rng)
            rd = self.role_de(p, d)
            if p.kind == "ma" and p.coll == "94":
                rd = e(p, "conseiller à l'Assemblée de Corse", "conseillère à l'Assemblée de Corse")
            where = "" if p.kind == "ma" else f" ({d['dep_name'] or d['dep']})"
            text = (
                f"{greet[k]},\n\nMême loin des petites lignes de l'Hexagone, je soutiens l'appel"
                + (
                    " : nos territoires savent ce que veut dire l'absence de transport public."
                    if k % 2
                    else "."
                )
                + f"\n\n{display(p, rng.choice(['std', 'cased']))}\n{cap1(rd)}{where}\n\n{self.closing()}"
            )
            m = self.new(
                "overseas_corse",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Appel",
                    "Signature depuis la Guadeloupe",
                    "Je signe",
                    "Appel",
                    "Appellu",
                    "Signature",
                    "Corsica – appel",
                    "Appel",
                ][k],
            )
            self.body(m, text)
            self.sign(m, "overseas_corse", p)

    def dated_subject(self):
        """Dates, times and numbers in the subject and around the name."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "thunderbird",
            "laposte",
            "apple",
            "roundcube",
            "outlook_mac",
        ]
        for k in range(8):
            p = self.signer()
            d = parts(p, rng)
            rd = self.role_de(p, d)
            t = self.clock.t
            subj = [
                f"Signature appel – {t:%d/%m/%Y} {t:%Hh%M}",
                f"[{t:%Y-%m-%d %H:%M}] Réponse appel petites lignes",
                f"RE: Conseil municipal du {t.day - 1} janvier 2027 – 20h30",
                f"Appel train {t.day}/1 — signature",
                f"Signature de {t:%Hh%M}",
                f"{t:%d.%m.%y} appel",
                f"Appel {t.year} – 2e envoi",
                f"Réunion du {t.day + 3}/01 à 18h + signature appel",
            ][k]
            text = [
                f"Bonjour,\n\nSuite au conseil du {t.day - 1:02d}/01/2027 (délibération n° 2027-0{k + 3}), je signe : {display(p, 'std')}, {rd}.",
                f"Bonjour,\n\n{display(p, 'cased')}, {rd}, signe l'appel ce {t.day} janvier à {t:%Hh%M}.",
                f"Bonjour,\n\nComme évoqué lors de la séance du {t.day - 1} janvier (20h30), je signe l'appel.\n\n{display(p, 'cased')}\n{cap1(rd)}",
                f"Bonjour,\n\nLigne 4 (TER 17 h 42 supprimé depuis le 1er janvier) : c'est pour ça que je signe.\n\n{display(p, 'inv')} – {rd}",
                f"{display(p, 'std')}, {rd}. Permanence le mardi {t.day + 1} janvier de 14h à 17h.",
                f"Bonjour,\n\nSignature n° 2 de notre commune (la 1re suivra) :\n{display(p, 'cased')}, {rd}\n\nRDV le {t.day + 2}/01 à 9h30",
                f"Bonjour,\n\nJe renvoie ma signature, le 1er envoi du {t.day - 1}/01 ne semble pas être parti.\n\n{display(p, 'cased')}\n{cap1(rd)}",
                f"Bonjour,\n\n1) je signe : {display(p, 'std')}, {rd} ;\n2) je serai à la réunion du {t.day + 3}/01 à 18h.\n\n{self.closing()}",
            ][k]
            m = self.new("dated_subject", clients[k], display(p, "cased"), addr_of(p, rng), subj)
            self.body(m, text)
            self.sign(m, "dated_subject", p)

    def fake_pdf(self) -> bytes:
        ident_ = hx(self.rng, 32).upper()
        return (
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\n"
            b"endobj\n3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>\nendobj\ntrailer\n<</Root 1 0 R/ID[<"
            + ident_.encode()
            + b">]>>\n%%EOF\n"
        )

    def pj_only(self):
        """An attachment (signature.pdf, a scan, a photo) and a body saying « voir PJ » above a signature block."""
        rng = self.rng
        files = [
            ("signature.pdf", "application/pdf"),
            ("Signature appel.pdf", "application/pdf"),
            (f"scan_{self.clock.t:%Y%m%d}_0930.pdf", "application/pdf"),
            ("IMG_4512.JPG", "image/jpeg"),
            ("appel_signe.pdf", "application/pdf"),
            ("signature.pdf", "application/pdf"),
            ("Doc1.pdf", "application/pdf"),
        ]
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "iphone",
            "laposte",
            "thunderbird",
            "outlook_mac",
        ]
        for k in range(7):
            p = self.signer()
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nVoir PJ.\n\nCordialement,\n\n{display(p, 'std')}\n{cap1(self.role_de(p, d))}",
                f"voir PJ\n\n--\n{display(p, 'cased')}\n{cap1(d['role'])}\n{self.coll(p, d)}",
                f"Bonjour,\n\nVeuillez trouver ci-joint l'appel signé.\n\n{cap1(d['role'])} {d['de']},\n{display(p, 'cased')}".rstrip(),
                f"Voir pièce jointe\n\n{display(p, 'cased')}, {self.role_de(p, d)}",
                f"Bonjour,\ncf. PJ\nBien cordialement\n{display(p, 'inv')}\n{cap1(self.role_de(p, d))}",
                f"Bonjour,\n\nMa signature en pièce jointe.\n\n{display(p, 'std')}\n{cap1(self.role_de(p, d))}",
                f"PJ : appel signé.\n\n{display(p, 'cased')}\n{cap1(self.role_de(p, d))}",
            ][k]
            m = self.new(
                "pj_only",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Appel signé",
                    "PJ",
                    "Appel signé (PDF)",
                    "Signature",
                    "appel",
                    "Signature en PJ",
                    "TR: appel",
                ][k],
            )
            self.body(m, text, html=False)
            name, ctype = files[k]
            blob = (
                self.fake_pdf()
                if ctype == "application/pdf"
                else b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
                + bytes(self.rng.randrange(256) for _ in range(48))
                + b"\xff\xd9"
            )
            m.attach = [(name, ctype, blob)]
            self.sign(m, "pj_only", p)

    def bottom_post(self):
        """The answer below the quoted call (bottom posting), or right under the quoted request line."""
        rng = self.rng
        clients = [
            "thunderbird",
            "roundcube",
            "thunderbird",
            "plain",
            "roundcube",
            "gmail",
            "thunderbird",
            "plain",
        ]
        for k in range(8):
            p = self.signer()
            d = parts(p, rng)
            rd = self.role_de(p, d)
            c = self.call
            if k in (2, 6):
                head, tail = CALL.split("Merci de faire suivre", 1)
                quoted = (
                    f"Le {c.date:%d/%m/%Y} à {c.date:%H:%M}, {ORG_NAME} a écrit :\n{q(head.rstrip())}\n\n"
                    f"{display(p, 'inv')}, {rd}\n\n{q('Merci de faire suivre' + tail)}\n"
                )
                text = quoted
            else:
                lead = (
                    f"Le {c.date:%d/%m/%Y} à {c.date:%H:%M}, {ORG_NAME} a écrit :"
                    if clients[k] != "plain"
                    else f"{ORG_NAME} <{ORG_LIST}> writes:"
                )
                sig = [
                    f"Je signe.\n\n-- \n{display(p, 'std')}\n{cap1(rd)}",
                    f"Signé.\n\n{display(p, 'cased')} -- {rd}",
                    "",
                    f"ok, je signe\n\n-- \n{display(p, 'lower')}\n{rd}",
                    f"Bonjour,\n\nje signe l'appel.\n\n{display(p, 'cased')}\n{cap1(rd)}",
                    f"+1, je signe : {display(p, 'cased')}, {rd}",
                    "",
                    f"Signature : {display(p, 'std')}, {rd}\n\n-- \n{display(p, 'std')}",
                ][k]
                text = f"{lead}\n{q(CALL)}\n\n{sig}\n"
            m = self.new(
                "bottom_post",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                "Re: " + CALL_SUBJECT,
                enc=("utf-8", "8bit") if clients[k] == "plain" else None,
            )
            m.text = text
            m.in_reply_to = c.mid
            self.sign(m, "bottom_post", p)

    # ---------------------------------------------------------------- non-signing messages
    def sigblock(self, p: P, rng) -> str:
        d = parts(p, rng)
        return f"{display(p, rng.choice(['std', 'cased']))}\n{cap1(self.role_de(p, d))}"

    def confirmation(self, p: P, rng) -> str:
        return (
            f"Bonjour,\n\nVotre signature est bien enregistrée :\n{display(p, 'std')}, {mandate(p, rng)}\n\n"
            f"Elle sera vérifiée puis publiée le 15 février. Merci !\n\n{org_sig(0)}"
        )

    def question(self):
        rng = self.rng
        qs = [
            "Bonjour,\n\nPeut-on signer en tant que conseiller·e communautaire ? Je préfère attendre votre réponse avant de signer.",
            "Bonjour,\n\nLa liste des signataires sera-t-elle publique, avec les mandats ? J'ai besoin de le savoir avant de m'engager.",
            "Bonjour,\n\nNotre conseil vote une motion sur la ligne le 25 janvier ; je reviendrai vers vous après.",
            "Hello,\n\nIs there an English version of the call? Some of our twinning partners would like to read it.",
            "Bonjour,\n\nLa ligne qui dessert notre commune est fermée depuis 2019 : est-elle concernée par le point 1 ?",
            "Bonjour,\n\nUne commune peut-elle signer en tant que telle (délibération) plutôt que ses élus un par un ?",
            "Bonjour,\n\nQuelle est la date limite exacte ? Je n'ai pas le message d'origine.",
        ]
        clients = [
            "gmail",
            "outlook_desktop",
            "zimbra",
            "outlook_en",
            "thunderbird",
            "laposte",
            "iphone",
        ]
        for k in range(7):
            p = self.official(("mai", "cm", "cd", "cr"))
            m = self.new(
                "question",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Question",
                    "Publicité des signatures",
                    "Motion",
                    "English version?",
                    "Ligne fermée",
                    "Signature de la commune",
                    "date limite ?",
                ][k],
            )
            self.body(m, f"{qs[k]}\n\n{self.closing()}\n{self.sigblock(p, rng)}")
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
                    f"Bonjour,\n\nMerci pour votre envoi. Je ne signerai pas cet appel : la commune est engagée dans un autre projet de mobilité avec la Région.\n\nCordialement,\n{self.sigblock(p, rng)}",
                    self.call,
                    CALL,
                )
                self.label(m, "thanks", "other", "nonsigning")
                continue
            if k in (1, 2):
                src, p, addr = one[10 + 17 * k]
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[0][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(hours=20)),
                    "<" + hx(rng, 32) + f"@{ORG_DOMAIN}>",
                )
                m = self.new(
                    "thanks",
                    "gmail" if k == 1 else "apple",
                    src.from_name,
                    addr,
                    "Re: Votre signature est enregistrée",
                )
                self.body(
                    m,
                    "Merci à vous ! Et bon courage pour la suite."
                    if k == 1
                    else "Parfait, merci. Déjà signé donc, je fais suivre à mes collègues.",
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
                "Merci",
            )
            self.body(
                m,
                f"Bonjour,\n\nMerci pour l'invitation à la réunion publique, je transmets à mon équipe.\n\n{self.sigblock(p, rng)}",
            )
            self.label(m, "thanks", "thanks", "nonsigning")

    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor
            and per[s[0].file] == 1
            and s[0].client != "plain"
            and not s[0].file.endswith("shared_mailbox.eml")
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
                    "This is the mail system at host mx.train-du-quotidien.example.\n\nI'm sorry to have to inform you that your message could not\n"
                    "be delivered to one or more recipients.\n\n<contact@mairie-inexistante.example>: host not found\n\n"
                    f"--- original message headers ---\nSubject: [Relance] {CALL_SUBJECT}\n"
                )
                self.label(m, "autoreply", "autoreply", "nonsigning")
                continue
            if k == 4:
                src, p, addr = one[33]
                m = self.new(
                    "autoreply",
                    "outlook_desktop",
                    src.from_name,
                    addr,
                    "Réponse automatique : Votre signature est enregistrée",
                    extra=auto,
                )
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[1][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(minutes=3)),
                    "",
                )
                self.body(
                    m,
                    f"Je suis absent{e(p, '', 'e')} jusqu'au 25 janvier. Pour toute urgence, contactez la mairie.",
                    prev,
                    self.confirmation(p, rng),
                    html=False,
                )
                self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
                continue
            p = self.official(("mai", "cd", "cm", "cr")[k : k + 1])
            d = parts(p, rng)
            text = [
                f"Bonjour,\n\nJe suis en congé du 11 au 22 janvier 2027 inclus. Votre message sera traité à mon retour.\n\n{self.sigblock(p, rng)}",
                f"I am out of the office until 20 January. / Je suis absent{e(p, '', 'e')} jusqu'au 20 janvier.\n\n{self.sigblock(p, rng)}",
                f"Accusé de réception\n\nVotre courriel a bien été reçu par les services de la mairie {d['de']}. Il sera transmis à {display(p, 'std')}, {d['role']}.\n\nCeci est un message automatique.",
                f"Message automatique : {display(p, 'cased')} ne consulte pas sa messagerie pendant la session plénière. Réponse après le 18/01.",
            ][k]
            m = self.new(
                "autoreply",
                ["outlook_desktop", "outlook_en", "zimbra", "gmail"][k],
                display(p, "cased") if k != 2 else f"Mairie {d['de']}",
                addr_of(p, rng),
                [
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Automatic reply: " + CALL_SUBJECT,
                    "Accusé de réception de votre courriel",
                    "Absence",
                ][k],
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self):
        """List digests quoting several « j'ai signé » posts, and two other bulk mailings: not signatures."""
        rng = self.rng
        bulk = "Precedence: bulk\nList-Unsubscribe: <mailto:leave-{L}@listes.elus-ruraux.example>"
        for k in range(5):
            ps = [self.official(("mai", "cm", "cd")) for _ in range(3)]
            if k < 3:
                posts = "\n".join(
                    f"------------------------------\n\nMessage: {i + 2}\nDate: {fr_long(self.clock.t)}\nFrom: {display(x, 'cased')} <{addr_of(x, rng)}>\n"
                    f"Subject: Re: appel train du quotidien\n\nJ'ai signé l'appel ce matin. {display(x, 'std')}, {self.role_de(x, parts(x, rng))}\n"
                    for i, x in enumerate(ps)
                )
                text = (
                    f"Envoyez vos messages pour la liste elus-ruraux à\n\telus-ruraux@listes.elus-ruraux.example\n\n"
                    f"Thèmes du jour :\n\n   1. Déneigement (Rédaction)\n   2. Re: appel train du quotidien ({len(ps)} messages)\n\n"
                    f"{posts}\n------------------------------\n\nFin de Digest elus-ruraux, Vol {k + 4}, Parution {rng.randint(10, 40)}\n"
                )
                m = self.new(
                    "newsletter",
                    "plain",
                    "",
                    "elus-ruraux-request@listes.elus-ruraux.example",
                    f"Digest elus-ruraux, Vol {k + 4}, Parution {rng.randint(10, 40)}",
                    extra=bulk.replace("{L}", "elus-ruraux"),
                )
                m.text = text
            elif k == 3:
                lst = "\n".join(f"• {display(x, 'std')}, {mandate(x, rng)}" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Usagers du rail – La Lettre",
                    "lettre@usagers-rail.example",
                    "La Lettre des usagers – janvier 2027",
                    extra=bulk.replace("{L}", "lettre"),
                )
                m.text = f"LA LETTRE DES USAGERS DU RAIL – janvier 2027\n\nIls et elles ont pris position pour nos lignes :\n{lst}\n\nAdhérez pour 10 € par an."
            else:
                lst = "; ".join(f"{display(x, 'cased')} ({mandate(x, rng)})" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Revue de presse Mobilités",
                    "revue@mobilites-presse.example",
                    "Revue de presse du 18 janvier",
                    extra=bulk.replace("{L}", "revue"),
                )
                m.text = f"REVUE DE PRESSE – MOBILITÉS\n\nDans la presse régionale cette semaine, des élu·es s'expriment sur les petites lignes : {lst}.\n\nSe désinscrire : répondre STOP"
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self):
        rng = self.rng
        one = self.one_signer_msgs()
        picks = [one[5], one[24], one[41], one[58], one[77]]
        for k, (src, p, addr) in enumerate(picks):
            client = ["iphone", src.client, "outlook_desktop", "gmail", "thunderbird"][k]
            if client in ("organisers", "plain"):
                client = "gmail"
            text = [
                "Retirez ma signature s'il vous plaît.",
                f"Bonjour,\n\nAprès discussion avec mon équipe, je préfère retirer ma signature de l'appel.\n\n{display(p, 'std')}",
                "Bonjour,\n\nMerci de supprimer mon nom de la liste des signataires : je signerai la version de l'association des maires.\n\nCordialement",
                "Finalement je retire ma signature, désolé·e.",
                f"Bonjour,\n\nJe retire mon soutien à l'appel (désaccord sur le point 3).\n\n{self.closing()}\n{display(p, 'cased')}",
            ][k]
            subj = [
                "Retrait",
                "Retrait de ma signature",
                "Suppression de mon nom",
                "Re: Votre signature est enregistrée",
                "Retrait de signature",
            ][k]
            m = self.new("withdraw", client, src.from_name, addr, subj)
            if k == 3:
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[0][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(hours=26)),
                    "",
                )
                self.body(m, text, prev, self.confirmation(p, rng))
            else:
                self.body(m, text)
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [
            (
                "Support Messagerie Mairie",
                "noreply@maj-boite-mairie.example",
                "Dernier avis : mise à jour de votre boîte",
                "Bonjour,\n\nVotre boîte sera désactivée ce soir. Confirmez votre mot de passe : http://maj-boite-mairie.example/login\n",
            ),
            (
                "Élections 2028 Conseil",
                "offre@campagne-facile.example",
                "Préparez dès maintenant votre réélection",
                "Madame, Monsieur l'élu·e,\n\nTracts, site et réseaux sociaux : pack complet à 990 € HT. Répondez OUI.\n",
            ),
            (
                "Service Amendes",
                "avis@antai-paiement.example",
                "Avis de contravention n° 4471-2027",
                "Bonjour,\n\nUne contravention est en attente de paiement. Réglez 35 € sous 72 h pour éviter la majoration.\n",
            ),
            (
                "Mobilier Urbain Pro",
                "commercial@abris-voyageurs.example",
                "Abris voyageurs : -30 % en janvier",
                "Bonjour,\n\nAbribus, bancs, panneaux d'information : profitez de nos prix d'hiver. Catalogue sur demande.\n",
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
        ok = [s for s in self.signed if not s[1].impostor]
        sample = ok[3::13][:5]
        rows = "\n".join(f"- {display(p, 'std')} ({mandate(p, rng)})" for _, p, _ in sample)
        text = (
            f"Bonjour à toutes et à tous,\n\nPremier point d'étape : l'{CALL_TITLE} a déjà reçu plus de 150 signatures, dont :\n\n{rows}\n\n"
            f"Il reste jusqu'au 5 février pour signer : répondez à ce message avec vos nom, prénom et mandat.\n\n{org_sig(0)}"
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
            f"{ORGANISERS[1][0]},\n\nJ'ai mis les pièces jointes (PDF) dans le dossier partagé ; il y a aussi les signatures « au nom du conseil » "
            f"à compter une par une, pas par conseil. On en parle demain 9h ?\n\n{ORGANISERS[0][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[0], ORG_ADDR, "Pointage des signatures")
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")
        st = self.staff[0]
        text = (
            f"Bonjour,\n\nEn tant que modératrice de la liste petites-lignes, je vous signale que plusieurs réponses sont arrivées sur la liste "
            f"au lieu de votre adresse. Je les ai fait suivre.\n\n{st[0]} {nom_case(st[1])}\nModération des listes"
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
        self.vcard_labels()
        self.caps_title_first()
        self.nous_self()
        self.epci_seat()
        self.amend_then_sign()
        self.shared_mailbox()
        self.typo_noise()
        self.english_client()
        self.be_ch_style()
        self.au_nom_conseil()
        self.overseas_corse()
        self.dated_subject()
        self.pj_only()
        self.bottom_post()
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
