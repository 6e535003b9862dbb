#!/usr/bin/env python3
"""Twentieth held-out petition mailbox (tests/mail_holdout20): builder.

    python tests/mail_holdout20/build.py            # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward (Paris time, October-November 2026, summer time until 25 October), Message-IDs
and MIME boundaries drawn from the generator in each client's own shape. Reads the real 2026 RNE
release (../shared/rne/release-2026, every file), the 2020-2026 municipal sample of
../shared/rne/history (councillors not re-elected) and the COG (../shared/cog) at build time;
nothing of ../shared is copied into the repository except, in the messages, the drawn people's
name, sex, mandate and place. Birth dates are read only to tell homonyms apart and are written
nowhere.

Written without reading the extraction code, its tests, nor any held-out corpus but
tests/mail_holdout5 (README and build.py: its reading helpers, client quoting and encoding
machinery are reused) and tests/mail_holdout19/README.md. Campaign (invented): « Appel des élu·es
municipaux : pas de vidéosurveillance algorithmique dans nos rues », for municipal councillors who
are not mayors.
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

SEED = 2026_1005
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_CM = SHARED / "rne" / "history" / "2025_cm-sample-gers-loire-atlantique.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "villes-sans-vsa.example"
ORG_ADDR = f"appel@{ORG_DOMAIN}"
ORG_LIST = f"elus-municipaux@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Nos rues sans algorithmes"
ORGANISERS = [
    ("Clarisse", "QUERVELLEC-MASSABUAU"),
    ("Timothée", "TRÉVIDIC-BRASSENAC"),
]  # invented; every word checked absent from the surnames of every 2026 file
# secretaries, group assistants, staff, moderators: invented, checked absent the same way
STAFF = [
    ("Maëlle", "VELLOUZIC"),
    ("Bastien", "TRÉBOUL-CASTELNERAC"),
    ("Laurine", "MOURGUIOL"),
    ("Quentin", "QUINTAVALLE-LAVERDIÈRE"),
    ("Inès", "TALABARDON"),
    ("Gauthier", "AUBERTEUIL-SOUBRANNE"),
    ("Elsa", "ORLIAGUET"),
    ("Romain", "ROCHEGUDE-FLAMARENS"),
    ("Hugo", "VAUCHELLIER-MONTAUZIER"),
    ("Justine", "LAGRAVELLE"),
    ("Mathis", "ESPELOUZE-BARRAULTIER"),
    ("Yanis", "BRESSOLLETTE"),
]
ASSO_STAFF = (
    "Coline",
    "CASTAGNOLIS",
)  # the association relaying the call (invented, checked absent)
RESIDENT = ("Agathe", "PLOUVENEZ")  # a resident writing in (invented, checked absent)
CALL_TITLE = "Appel des élu·es municipaux : pas de vidéosurveillance algorithmique dans nos rues"
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
    kind: str  # cm ca ma mai; "" for impostors
    nom: str
    prenom: str
    sexe: str
    dep: str = ""
    commune_code: str = ""
    commune: str = ""
    tl: int = 0
    fonction: str = ""
    coll: str = ""
    secteur: str = ""
    circ: str = ""
    impostor: str = ""
    truth_commune: str = ""
    truth_dep: str = ""

    @property
    def f(self) -> bool:
        return self.sexe == "F"


def read_rows(path: Path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as fh:
        yield from csv.DictReader(fh, delimiter=";")


def words(s: str) -> set[str]:
    return set(fold(s).split())


class Registry:
    """Every file of the 2026 release: who is unique, which surnames carry which first names, and
    the pools the messages draw from (councillors who are not mayors, arrondissement councillors,
    Métropole de Lyon councillors, mayors for namesakes)."""

    def __init__(self):
        self.births: dict[str, set[str]] = defaultdict(set)
        self.n_rows: Counter = Counter()
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.surname_words: set[str] = set()
        self.depts_of: dict[str, set[str]] = defaultdict(set)
        self.pool: dict[str, list[P]] = defaultdict(list)
        self.by_commune: dict[str, list[P]] = defaultdict(list)
        self.commune_births: set[tuple[str, str]] = set()
        # (commune code, folded first name) -> words of the surnames carried there
        self.words_at: dict[tuple[str, str], set[str]] = defaultdict(set)
        for path in sorted(RELEASE.glob("*.csv")):
            kind = path.name.rsplit("-", 1)[-1].split(".")[0]
            for r in read_rows(path):
                nom, prenom = r.get("Nom de l'élu") or "", r.get("Prénom de l'élu") or ""
                k = ident(nom, prenom)
                b = birth_key(r.get("Date de naissance", ""))
                self.births[k].add(b)
                self.n_rows[k] += 1
                self.surnames[fold(nom)].add(fold(prenom))
                self.surname_words |= words(nom)
                dep = (
                    r.get("Code du département") or r.get("Code de la section départementale") or ""
                )
                dep = dep.zfill(2) if dep.isdigit() else dep
                if dep:
                    self.depts_of[k].add(dep)
                cc = r.get("Code de la commune") or ""
                if cc and kind == "cm":
                    self.words_at[(cc, fold(prenom))] |= words(nom)
                    self.commune_births.add((cc, b))
                if kind == "mai":
                    MAYOR_SEX[cc] = r.get("Code sexe") or ""
                p = self.person(kind, r)
                if p is None:
                    continue
                self.pool[p.kind].append(p)
                if p.kind == "cm":
                    self.by_commune[p.commune_code].append(p)

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
            if kind == "cm" and base["fonction"].startswith("Maire"):
                return None  # mayors and maires délégués are not this campaign's public
            cc, dep = g("Code de la commune"), g("Code du département")
            c = COMMUNES.get(cc)
            if not c or dep.startswith("97"):
                return None
            return P(
                kind,
                **base,
                dep=dep,
                commune_code=cc,
                commune=c["nom"],
                tl=c.get("typeLiaison") or 0,
                truth_commune=cc,
                truth_dep=dep,
            )
        if kind == "ma":
            if g("Code de la collectivité à statut particulier") != "69M":
                return None
            return P(
                "ma",
                **base,
                coll="69M",
                circ=g("Libellé de la circonscription métropolitaine") or "",
                dep=g("Code du département") or "",
                truth_dep=g("Code du département") or "",
            )
        if kind == "ca":
            if base["fonction"].startswith("Maire"):
                return None
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
    "Rosine",
    "Edwige",
    "Servane",
    "Blandine",
    "Capucine",
    "Joëlle",
    "Ombeline",
    "Léontine",
    "Philippine",
    "Héloïse",
    "Jade",
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
    "Ambroise",
    "Corentin",
    "Séverin",
    "Landry",
    "Armel",
    "Enguerrand",
    "Barnabé",
    "Valentin",
    "Lubin",
    "Clovis",
]
# invented surnames for impostors: kept only if every word is absent from the 2026 surnames
INVENTED_NOMS = [
    "LESCOUARNEC",
    "BREZELLEC-DUVERNAYAZ",
    "FAUCHEUSE",
    "MORVANNOU-ESCARTEFIGUE",
    "PELLEGRUE-SAINTONGE",
    "KERVELLAZ",
    "DOUARINOU-BRASPARTS",
    "VIGNEROLLAT",
    "CAZABONNE-LABORDETTE",
    "TRINQUELLAZ",
    "ZUMSTEEGER",
    "OUDRIVAL",
]
DELEG_ADJ = [
    ("à la transition écologique", "transition écologique"),
    ("à la tranquillité publique", "tranquillité publique"),
    ("à l'éducation", "éducation"),
    ("aux finances", "finances"),
    ("au numérique", "numérique"),
    ("à la culture", "culture"),
    ("à la solidarité", "solidarités"),
    ("à l'urbanisme", "urbanisme"),
    ("à la jeunesse et à la vie associative", "jeunesse, vie associative"),
    ("aux mobilités", "mobilités"),
    ("à la démocratie participative", "démocratie participative"),
    ("à la sécurité et à la prévention", "sécurité, prévention"),
]
DELEG_CM = [
    "aux sports",
    "à la vie associative",
    "au numérique et aux libertés",
    "à la police municipale",
    "aux affaires scolaires",
    "à l'éclairage public",
    "au commerce de proximité",
    "aux aînés",
]
GROUPS = [
    "{C} Demain",
    "Vivre {a} {C}",
    "{C} en commun",
    "Agir pour {C}",
    "{C} citoyenne et solidaire",
    "Ensemble pour {C}",
    "Un nouveau souffle pour {C}",
    "{C} écologique et solidaire",
    "L'Avenir {DE}",
    "Osons {C}",
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


# --------------------------------------------------------------------------- places as people write them
ARTICLES = ("Le ", "La ", "Les ", "L'")


def article_of(name: str) -> str:
    return next((a for a in ARTICLES if name.startswith(a)), "")


def noart(name: str) -> str:
    a = article_of(name)
    return name[len(a) :] if a else name


def abbrev_st(name: str) -> str:
    """« Saint-Sébastien-sur-Loire » -> « St-Sébastien s/ Loire », « Sainte-Luce » -> « Ste-Luce »."""
    s = re.sub(r"\bSainte-", "Ste-", name)
    s = re.sub(r"\bSaint-", "St-", s)
    return s.replace("-sur-", " s/ ").replace("-sous-", " s/s ")


def place(p: P, style: str = "bare") -> str:
    name = p.commune
    if style == "bare":
        return name
    if style == "noart":
        return noart(name)
    if style == "inv":
        a = article_of(name)
        return f"{noart(name)} ({a.strip()})" if a else name
    if style == "st":
        return abbrev_st(name)
    if style == "st_space":
        return abbrev_st(name).replace("-", " ")
    if style == "nohyph":
        return name.replace("-", " ")
    if style == "caps":
        return noacc(name).upper()
    if style == "lower":
        return noacc(name).lower()
    raise ValueError(style)


def tag(p: P, form: str) -> str:
    """What people add after a commune: « (44) », « 44 », « (Loire-Atlantique) », « 44240 »."""
    if form == "none" or p.dep not in DEPTS:
        return ""
    return {
        "paren": f"({p.dep})",
        "bare": p.dep,
        "dash": f"- {p.dep}",
        "name": f"({dept_name(p.dep)})",
        "name_comma": f", {dept_name(p.dep)}",
        "cp": postcode(p.commune_code),
        "cp_paren": f"({postcode(p.commune_code)})",
    }[form]


def at_place(p: P, style: str = "bare", form: str = "none") -> str:
    """« de Rezé (44) », « du Pellerin », « de St-Herblain », « Chapelle-sur-Erdre (La) »."""
    if homonym(p) and form == "none":
        form = "paren"
    base = place(p, style)
    t = tag(p, form)
    if form == "cp":  # postcode first, as on an envelope
        return f"{t} {base}" if t else base
    return f"{base} {t}".replace(" ,", ",").strip() if t else base


def de_at(p: P, style: str = "bare", form: str = "none") -> str:
    """With its preposition when the name keeps its article: « de La Baule », else « de X »."""
    s = at_place(p, style, form)
    if style == "bare" and form != "cp":
        return de_place(s, p.tl) if article_of(p.commune) else de_name_raw(s)
    return de_name_raw(s)


def de_name_raw(s: str) -> str:
    return ("d'" if noacc(s[:1]).upper() in "AEIOUY" else "de ") + s


def a_at(p: P, style: str = "bare", form: str = "none") -> str:
    s = at_place(p, style, form)
    if style == "bare" and form != "cp":
        return a_place(s, p.tl)
    return "à " + s


# --------------------------------------------------------------------------- clock and dates
WINTER = dt.datetime(2026, 10, 25, 2, 0)  # last Sunday of October 2026: CEST -> CET


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=1 if t >= WINTER else 2)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2026, 10, 5, 8, 5)
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


UTC_CLIENTS = {
    "outlook_desktop",
    "outlook_mac",
    "outlook_ios",
    "outlook_en",
    "outlook_android_en",
    "outlook_web",
    "outlook_android",
}


def rfc_date(t: dt.datetime, client: str = "") -> str:
    if client in UTC_CLIENTS or client == "yahoo":
        u = t.astimezone(dt.UTC)
        tail = " (UTC)" if client == "yahoo" else ""
        return f"{EN_DAYS[u.weekday()]}, {u.day} {EN_MONTHS[u.month - 1]} {u.year} {u:%H:%M:%S} +0000{tail}"
    day = f"{t.day}" if client in ("gmail", "android_gmail", "gmail_en") else f"{t.day:02d}"
    zone = " (CET)" if offset(t) == "+0100" else " (CEST)"
    tail = zone if client in ("zimbra", "free") else ""
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
    if client in (
        "outlook_ios",
        "outlook_en",
        "outlook_android_en",
        "outlook_web",
        "outlook_android",
    ):
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
    if client == "sfr":
        return f"<{ms}.{rng.randint(10**4, 10**5 - 1)}.JavaMail.www@wsfrf{rng.randint(1000, 1999)}>"
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
    if client in (
        "outlook_mac",
        "outlook_ios",
        "outlook_en",
        "outlook_android_en",
        "outlook_web",
        "outlook_android",
    ):
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
    "outlook_web": "Thread-Topic: {TT}\nThread-Index: {TI}\nAccept-Language: fr-FR, en-US\nContent-Language: fr-FR\nX-MS-Has-Attach: \nmsip_labels: ",
    "outlook_android": "X-MS-Has-Attach: \nContent-Language: fr-FR",
    "sfr": "X-Mailer: SFR Mail\nX-Originating-IP: [{IP}]",
    "free": "X-Mailer: Zimbra 9.0.0_GA_4583 (zclient/9.0.0_GA_4583)",
    "webform": "X-Mailer: PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)",
    "samsung": None,
    "iphone_en": "X-Mailer: iPhone Mail (22D82)",
    "outlook_en": "Thread-Topic: {TT}\nThread-Index: {TI}\nAccept-Language: en-GB, fr-FR\nContent-Language: en-GB\nX-MS-Has-Attach: ",
    "outlook_android_en": "X-MS-Has-Attach: \nContent-Language: en-US",
}
SMART_QUOTES = {"outlook_desktop", "iphone", "ipad", "apple", "iphone_en"}
CP1252_ONLY = set("’‘“”–—…œŒ€•")
CRLF_CLIENTS = {
    "outlook_desktop",
    "zimbra",
    "outlook_ios",
    "outlook_en",
    "outlook_android_en",
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
    "free",
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
    if client == "outlook_web":
        return (
            f"\n\n________________________________\nDe : {w}\nEnvoyé : {fr_long(t)}\nÀ : {me}\n"
            f"Objet : {prev.subject}\n\n{prev_text}\n"
        )
    if client == "outlook_android":
        ampm = f"{t.hour % 12 or 12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"
        return (
            f"\n\nObtenir Outlook pour Android<https://aka.ms/AAb9ysg>\n________________________________\nDe : {w}\n"
            f"Envoyé : {EN_DAYS_LONG[t.weekday()]}, {EN_MONTHS_LONG[t.month - 1]} {d}, {y} {ampm}\nÀ : {me}\n"
            f"Objet : {prev.subject}\n\n{prev_text}\n"
        )
    if client in ("zimbra", "laposte", "free"):
        fn = f'"{prev.from_name}" <{prev.from_addr}>' if prev.from_name else prev.from_addr
        sep = (
            "----- Mail original -----"
            if client in ("zimbra", "free")
            else "----- Mail d'origine -----"
        )
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
    if client in ("orange", "orange_app", "sfr"):
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
    if client == "outlook_web":
        return (
            '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" '
            f'style="font-size:11pt" color="#000000"><b>De :</b> {w}<br><b>Envoyé :</b> {fr_long(t)}<br><b>À :</b> {esc(me)}<br>'
            f"<b>Objet :</b> {esc(prev.subject)}</font><div>&nbsp;</div></div><div>{inner}</div>\n"
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
    if client == "outlook_web":
        return (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset={CHARSET}"><style type="text/css" '
            'style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr"><div class="elementToProof" '
            f'style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">{html_lines(top)}</div>'
            f"{quoted}</body></html>\n"
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
    "outlook_web",
}


# --------------------------------------------------------------------------- the call and organisers' texts
ORG_FULL = [f"{fn} {nm}" for fn, nm in ORGANISERS]
CALL = f"""{CALL_TITLE}

Madame la conseillère municipale, Monsieur le conseiller municipal,

L'expérimentation de la vidéosurveillance algorithmique (VSA), ouverte pour les Jeux olympiques de
2024 et prolongée jusqu'en mars 2027, pourrait être pérennisée par la loi cet hiver. Des logiciels
analyseraient en continu les images des caméras de nos communes pour signaler des « comportements
anormaux » à nos polices municipales.

Nous, conseillères et conseillers municipaux, adjoint·es, conseiller·es d'arrondissement, de la
majorité comme de l'opposition, élu·es en mars 2026 ou avant, demandons :

1) qu'aucune commune ne soit incitée ni contrainte à équiper ses caméras d'une analyse algorithmique ;
2) un débat et un vote du conseil municipal avant tout achat d'un logiciel d'analyse d'images ;
3) la publication, commune par commune, des dispositifs existants et de leur coût ;
4) que les moyens aillent d'abord à la présence humaine : médiation, éclairage, police de proximité.

Pour signer, répondez à ce message en indiquant vos nom, prénom, mandat et commune. Chaque
signature est vérifiée dans le Répertoire national des élus avant publication, le 1er décembre 2026.
Date limite : 15 novembre 2026.

Les maires ont leur propre appel ; celui-ci est réservé aux membres des conseils municipaux et
d'arrondissement qui ne sont pas maires.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = "Appel des élu·es municipaux contre la VSA : signez avant le 15 novembre"
CALL_DATE = aware(dt.datetime(2026, 10, 5, 7, 45, 9))
LIST_HEADERS = (
    f"List-Id: <elus-municipaux.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:elus-municipaux-unsubscribe@listes.{ORG_DOMAIN}>\n"
    f"Precedence: list\nX-Loop: elus-municipaux@listes.{ORG_DOMAIN}"
)
MANDATE_Q = (
    "Merci pour votre message ! Pour que nous puissions vérifier votre signature dans le Répertoire "
    "national des élus, pourriez-vous nous préciser votre mandat et votre commune ?"
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
    "outlook_android": "Obtenir Outlook pour Android<https://aka.ms/AAb9ysg>",
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
    "outlook_web": [
        ("iso-8859-1", "quoted-printable"),
        ("utf-8", "base64"),
        ("windows-1252", "quoted-printable"),
    ],
    "outlook_android": [("utf-8", "base64")],
    "sfr": [
        ("utf-8", "quoted-printable"),
        ("iso-8859-1", "quoted-printable"),
        ("iso-8859-1", "8bit"),
    ],
    "free": [("utf-8", "quoted-printable"), ("iso-8859-1", "8bit"), ("utf-8", "8bit")],
    "webform": [("utf-8", "8bit"), ("utf-8", "quoted-printable"), ("utf-8", "base64")],
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


# --------------------------------------------------------------------------- the builder
IMP_CYCLE = ["former_2020", "other_commune", "invented", "relative", "mayor_namesake"]
PLM = {"75056": "Paris", "69123": "Lyon", "13055": "Marseille"}
FEM_STAFF = {"Maëlle", "Laurine", "Inès", "Elsa", "Justine", "Coline", "Agathe"}


def rng_dom(rng: random.Random) -> str:
    return rng.choice(MAILBOXES)


def sector(p: P) -> tuple[str, int]:
    m = re.match(r"(Paris|Lyon|Marseille)\s+(?:Secteur\s+)?(\d+)", p.secteur)
    return (m[1], int(m[2])) if m else (p.commune, 0)


def ca_where(p: P, form: str = "std") -> str:
    """The arrondissement(s) of a conseiller d'arrondissement, as people write them."""
    city, n = sector(p)
    if city == "Paris":
        if n == 1:
            return {"std": "de Paris Centre", "num": "Paris Centre", "short": "Paris Centre"}[form]
        return {
            "std": f"du {n}e arrondissement de Paris",
            "num": f"Paris {n}e",
            "short": f"du {n}e (Paris)",
        }[form]
    if city == "Lyon":
        suf = "er" if n == 1 else "e"
        return {
            "std": f"du {n}{suf} arrondissement de Lyon",
            "num": f"Lyon {n}{suf}",
            "short": f"du {n}{suf} arrdt de Lyon",
        }[form]
    a, b = 2 * n - 1, 2 * n
    return {
        "std": f"des {a}{'er' if a == 1 else 'e'} et {b}e arrondissements de Marseille",
        "num": f"Marseille {a}/{b}",
        "short": f"du {n}e secteur de Marseille ({a}e-{b}e)",
    }[form]


MAYOR_SEX: dict[str, str] = {}  # commune code -> sex of its mayor (filled from the mayors file)


def paris_mayor_to(cap: bool = False) -> str:
    """« à la maire de Paris » or « au maire de Paris », after the mayor elected in 2026."""
    m = "Maire" if cap else "maire"
    return f"à la {m} de Paris" if MAYOR_SEX.get("75056") == "F" else f"au {m} de Paris"


def role(p: P) -> str:
    """The function written in full, without its place."""
    f, n = p.fonction, rank(p.fonction)
    if p.kind == "ca":
        if "adjoint" in f:
            return f"{ordinal(n, p)} {e(p, 'adjoint', 'adjointe')} au maire d'arrondissement"
        return e(p, "conseiller d'arrondissement", "conseillère d'arrondissement")
    if p.kind == "ma":
        if f.startswith("Vice"):
            return e(p, "vice-président", "vice-présidente") + " de la Métropole de Lyon"
        return e(p, "conseiller métropolitain", "conseillère métropolitaine")
    if p.commune_code == "75056":
        if "adjoint" in f:
            return e(p, "adjoint", "adjointe") + " " + paris_mayor_to()
        return e(p, "conseiller de Paris", "conseillère de Paris")
    if "adjoint" in f:
        return (
            f"{ordinal(n, p)} {e(p, 'adjoint', 'adjointe')} au maire"
            if n
            else e(p, "adjoint au maire", "adjointe au maire")
        )
    return e(p, "conseiller municipal", "conseillère municipale")


def ca_full(p: P, form: str = "std") -> str:
    """« 3e adjointe au maire du 18e arrondissement de Paris », « conseiller d'arrondissement (Lyon 7e) »."""
    if "adjoint" in p.fonction:
        return f"{ordinal(rank(p.fonction), p)} {e(p, 'adjoint', 'adjointe')} au maire {ca_where(p, form)}"
    if form == "num":
        return f"{e(p, 'conseiller', 'conseillère')} d'arrondissement ({ca_where(p, 'num')})"
    return f"{e(p, 'conseiller', 'conseillère')} {ca_where(p, form)}"


def mandate(p: P) -> str:
    """The plain full way of writing a mandate, with its place (organisers, newsletters)."""
    if p.kind == "ca":
        return ca_full(p)
    if p.kind == "ma":
        return f"{role(p)} (Métropole de Lyon)"
    if p.commune_code == "75056":
        return role(p)
    return f"{role(p)} {de_at(p)}"


class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.reg = Registry()
        for _fn, nm in [*ORGANISERS, *STAFF, ASSO_STAFF, RESIDENT]:
            assert not (words(nm) & self.reg.surname_words), nm
        self.invented = [n for n in INVENTED_NOMS if not (words(n) & self.reg.surname_words)]
        assert len(self.invented) >= 8, self.invented
        self.invented_used: set[str] = set()
        self.clock = Clock(self.rng)
        self.n = 0
        self.mails: list[Mail] = []
        self.labels: list[dict] = []
        self.used: set[str] = set()
        self.slot = 0
        self.n_imp = 0
        self._former: list[P] | None = None
        self.signed: list[tuple[Mail, P, str]] = []  # (mail, signer, address) for withdrawals
        self.staff = list(STAFF)
        self.rng.shuffle(self.staff)
        self.staff_i = 0
        self.epci = {}
        for ep in EPCIS:
            for c in ep["membres"]:
                self.epci.setdefault(c["code"], ep)
        self.deleguees: dict[str, list[str]] = defaultdict(list)
        for c in _ALL:
            chef = c.get("chefLieu")
            if (
                c.get("type") == "commune-deleguee"
                and chef in COMMUNES
                and fold(c["nom"]) != fold(COMMUNES[chef]["nom"])
            ):
                self.deleguees[chef].append(c["nom"])
        self.sample = list(read_rows(HISTORY_CM))
        self.sample_communes = {r["Code de la commune"] for r in self.sample}
        self.sample_idents = {
            (r["Code de la commune"], ident(r["Nom de l'élu"], r["Prénom de l'élu"]))
            for r in self.sample
        }
        self.call: Mail | None = None

    # ---------------------------------------------------------------- drawing
    def ok(self, p: P) -> bool:
        k = ident(p.nom, p.prenom)
        return (
            bool(p.nom)
            and bool(p.prenom)
            and " " not in p.prenom
            and "POUSE" not in p.nom
            and "(" not in p.nom
            and len(p.nom) <= 26
            and len(p.prenom) > 2
            and k not in self.used
            and self.reg.unique(p)
            and self.reg.n_rows[k] == 1
        )

    def take(self, kind: str, pred=lambda p: True, extra_ok=None) -> P:
        pool = self.reg.pool[kind]
        for _ in range(400000):
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

    def signer(self, kinds=("cm",), pred=lambda p: True, allow_imp: bool = True) -> P:
        """Every 5th one-signer slot is an impostor (the next one when this slot cannot be)."""
        self.slot += 1
        if self.slot % 5 == 0:
            if allow_imp:
                return self.impostor()
            self.slot -= 1
        return self.take(self.rng.choice(kinds), pred)

    def first_for(self, nom: str, sexe: str) -> str:
        carried = sorted(self.reg.surnames[fold(nom)])
        firsts = FIRST_F if sexe == "F" else FIRST_M
        for fn in self.rng.sample(firsts, len(firsts)):
            if fold(fn) not in carried and not any(c[:3] == fold(fn)[:3] for c in carried):
                return fn
        raise RuntimeError(nom)

    @staticmethod
    def at(code: str) -> dict:
        c = COMMUNES[code]
        return dict(
            dep=c["departement"], commune_code=code, commune=c["nom"], tl=c.get("typeLiaison") or 0
        )

    def formers(self) -> list[P]:
        """2020-2026 councillors of the Gers / Loire-Atlantique sample who are nowhere in 2026."""
        if self._former is None:
            reg = self.reg
            self._former = []
            for r in self.sample:
                nom, fn, cc = r["Nom de l'élu"], r["Prénom de l'élu"], r["Code de la commune"]
                if (
                    r["Code du département"] in ("32", "44")
                    and not r["Libellé de la fonction"].startswith("Maire")
                    and cc in COMMUNES
                    and reg.absent(nom, fn)
                    and " " not in fn
                    and len(fn) > 2
                    and "POUSE" not in nom
                    and len(nom) < 22
                    # the RNE may shorten a compound surname or change it at marriage: nobody of
                    # 2026 in the same commune with this first name and a word of the surname,
                    # nor born the same day
                    and not (words(nom) & reg.words_at.get((cc, fold(fn)), set()))
                    and (cc, birth_key(r["Date de naissance"])) not in reg.commune_births
                ):
                    self._former.append(
                        P(
                            "",
                            nom,
                            fn,
                            r["Code sexe"],
                            **self.at(cc),
                            fonction=r["Libellé de la fonction"],
                            impostor="former_2020",
                        )
                    )
        return self._former

    def impostor(self, t: str | None = None, commune_code: str | None = None) -> P:
        t = t or IMP_CYCLE[self.n_imp % len(IMP_CYCLE)]
        self.n_imp += 1
        rng, reg = self.rng, self.reg
        if t == "former_2020":
            pool = self.formers()
            for _ in range(20000):
                p = pool[rng.randrange(len(pool))]
                if ident(p.nom, p.prenom) in self.used:
                    continue
                if commune_code and p.commune_code != commune_code:
                    continue
                return self.use(p)
        if t in ("other_commune", "mayor_namesake"):
            for _ in range(5000):
                if t == "other_commune":
                    real = self.take("cm", lambda p: not homonym(p))
                else:
                    real = self.take("mai", extra_ok=lambda p: self.ok_namesake(p))
                mine = reg.depts_of[ident(real.nom, real.prenom)]
                code = commune_code
                if code is None:
                    for _ in range(500):
                        o = reg.pool["cm"][rng.randrange(len(reg.pool["cm"]))]
                        if o.dep not in mine and o.commune_code not in PLM and not homonym(o):
                            code = o.commune_code
                            break
                if code and COMMUNES[code]["departement"] not in mine:
                    return P("", real.nom, real.prenom, real.sexe, **self.at(code), impostor=t)
        if t == "invented":
            for _ in range(300):
                fresh = [n for n in self.invented if n not in self.invented_used]
                nom = rng.choice(fresh or self.invented)
                self.invented_used.add(nom)
                sexe = rng.choice("FM")
                fn = rng.choice(FIRST_F if sexe == "F" else FIRST_M)
                if ident(nom, fn) in self.used:
                    continue
                self.used.add(ident(nom, fn))
                code = commune_code
                while code is None:
                    o = reg.pool["cm"][rng.randrange(len(reg.pool["cm"]))]
                    code = o.commune_code if o.commune_code not in PLM and not homonym(o) else None
                fonction = rng.choice(["", "", "", "2ème adjoint au Maire"])
                return P("", nom, fn, sexe, **self.at(code), fonction=fonction, impostor=t)
        if t == "relative":
            for _ in range(5000):
                if commune_code:
                    cands = [
                        p
                        for p in reg.by_commune[commune_code]
                        if " " not in p.nom and "POUSE" not in p.nom and "(" not in p.nom
                    ]
                    real = cands[rng.randrange(len(cands))]
                else:
                    real = self.take(
                        "cm",
                        lambda p: p.commune_code not in PLM and not homonym(p),
                        extra_ok=lambda p: (
                            " " not in p.nom and "POUSE" not in p.nom and bool(p.prenom)
                        ),
                    )
                sexe = rng.choice("FM")
                fn = self.first_for(real.nom, sexe)
                if ident(real.nom, fn) in self.used:
                    continue
                self.used.add(ident(real.nom, fn))
                return P("", real.nom, fn, sexe, **self.at(real.commune_code), impostor=t)
        raise RuntimeError(t)

    def ok_namesake(self, p: P) -> bool:
        k = ident(p.nom, p.prenom)
        return (
            " " not in p.prenom
            and "POUSE" not in p.nom
            and len(p.prenom) > 2
            and k not in self.used
            and self.reg.unique(p)
        )

    # ---------------------------------------------------------------- messages and labels
    def new(
        self,
        shape: str,
        client: str,
        from_name: str,
        from_addr: str,
        subject: str,
        lo=15,
        hi=190,
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
                    truth_kind=p.kind,
                    truth_code_commune=p.truth_commune,
                    truth_code_departement=p.truth_dep,
                )
        row["_mail"] = m
        self.labels.append(row)

    def sign(self, m: Mail, shape: str, p: P, thread: str | None = None, addr: str = ""):
        self.label(m, shape, "signs", "", p, thread)
        self.signed.append((m, p, addr or m.from_addr))

    @staticmethod
    def case(p: P) -> str:
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
        if foot and foot not in top and not (client in ("outlook_ios", "outlook_android") and prev):
            top = f"{top.rstrip()}\n\n{foot}"
        me = (prev.to or m.from_addr) if prev is not None else m.from_addr
        quoted = quote_text(client, prev, prev_text, me) if prev is not None else ""
        m.text = top + quoted
        if html is None:
            html = client in HTML_CLIENTS and self.rng.random() < 0.4
        if html and client in HTML_CLIENTS:
            qh = quote_html(client, prev, prev_text, me) if prev is not None else ""
            m.html = html_doc(client, top, qh)
        return m.text

    def from_call(self, m: Mail, top: str, html: bool | None = None) -> str:
        m.in_reply_to = self.call.mid
        return self.body(m, top, self.call, CALL, html=html)

    @staticmethod
    def reply_subject(client: str, subj: str) -> str:
        base = re.sub(r"^((re|RE|Re|TR|Fwd|RE ?)\s?:\s*)+", "", subj)
        return ("RE: " if client.startswith("outlook") else "Re: ") + base

    def org_mail(self, prev: Mail, prev_text: str, text: str, shape: str, thread: str):
        i = self.n % 2
        m = self.new(
            shape,
            "organisers",
            f"{ORGANISERS[i][0]} – {ORG_NAME}",
            ORG_ADDR,
            self.reply_subject("organisers", prev.subject),
            lo=20,
            hi=240,
            in_reply_to=prev.mid,
            references=(prev.references + " " + prev.mid).strip(),
        )
        m.to = f"{prev.from_name} <{prev.from_addr}>" if prev.from_name else prev.from_addr
        full = self.body(m, f"{text}\n\n{org_sig(i)}", prev, prev_text, html=False)
        self.label(m, shape, "other", "nonsigning", None, thread)
        return m, full

    def reply(
        self,
        prev: Mail,
        prev_text: str,
        name: str,
        addr: str,
        client: str,
        text: str,
        shape: str,
        html: bool | None = None,
    ) -> tuple[Mail, str]:
        m = self.new(
            shape,
            client,
            name,
            addr,
            self.reply_subject(client, prev.subject),
            lo=10,
            hi=300,
            in_reply_to=prev.mid,
            references=(prev.references + " " + prev.mid).strip(),
        )
        full = self.body(m, text, prev, prev_text, html=html)
        return m, full

    def staffer(self) -> tuple[str, str]:
        s = self.staff[self.staff_i]  # one role per invented person
        self.staff_i += 1
        return s

    def sigblock(self, p: P) -> str:
        return f"{display(p, self.rng.choice(['std', 'cased']))}\n{cap1(mandate(p))}"

    def confirmation(self, p: P) -> str:
        return (
            f"Bonjour,\n\nVotre signature est bien enregistrée :\n{display(p, 'std')}, {mandate(p)}\n\n"
            f"Elle sera vérifiée puis publiée le 1er décembre. Merci !\n\n{org_sig(0)}"
        )

    def phone(self, mobile: bool = False) -> str:
        """Numbers from the ranges ARCEP reserves for fiction (01 99 00, 03 53 01, 06 39 98…)."""
        pre = (
            "06 39 98"
            if mobile
            else self.rng.choice(["01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49"])
        )
        return f"{pre} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)}"

    def addr(self, p: P, town: bool | None = None) -> str:
        """A personal mailbox, or one at the town hall's domain."""
        if town is None:
            town = self.rng.random() < 0.45
        if p.impostor:  # no town-hall mailbox for someone who holds no seat
            town = False
        if town and p.commune and p.kind in ("cm", "") and p.commune_code not in PLM:
            fn, nm = slug(p.prenom).replace("-", ""), slug(p.nom).replace("-", "")
            return f"{self.rng.choice([fn + '.' + nm, fn[0] + '.' + nm, nm])}@{town_dom(p)}"
        if town and p.commune_code in PLM:
            fn, nm = slug(p.prenom).replace("-", ""), slug(p.nom).replace("-", "")
            dom = {"75056": "paris.fr", "69123": "mairie-lyon.fr", "13055": "marseille.fr"}[
                p.commune_code
            ]
            return f"{fn}.{nm}@{dom}"
        return addr_of(p, self.rng)

    def group_name(self, p: P) -> str:
        g = self.rng.choice(GROUPS)
        c = noart(p.commune)
        return g.replace("{DE}", de_name_raw(c)).replace("{C}", c).replace("{a}", "à")

    # ---------------------------------------------------------------- small renderers
    def E(self, p: P, m: str, f: str) -> str:  # noqa: N802 - reads like e() in templates
        return f if p.f else m

    def cm_short(self, p: P) -> str:
        """« CM », « cons. mun. », « conseillère muni », « adj. au maire », « 3e adj. »."""
        n = rank(p.fonction)
        if n:
            return self.rng.choice(
                [f"{n}e adj.", "adj. au maire", f"{ordinal(n, p)} {e(p, 'adjoint', 'adjointe')}"]
            )
        return self.rng.choice(
            ["CM", "cons. mun.", e(p, "conseiller muni", "conseillère muni"), "conseill. mun."]
        )

    def done(self, m: Mail, shape: str, p: P, top: str, reply: bool = False, html=None):
        if reply:
            self.from_call(m, top, html=html)
        else:
            self.body(m, top, html=html)
        self.sign(m, shape, p)

    # ---------------------------------------------------------------- signing shapes
    def abbrev_mandate(self):
        """The ways councillors shorten their mandate: CM, cons. mun., conseillère muni, élu à X…"""
        sh = "abbrev_mandate"
        clients = [
            "gmail",
            "outlook_desktop",
            "iphone",
            "laposte",
            "zimbra",
            "orange",
            "thunderbird",
            "samsung",
            "android_gmail",
            "yahoo",
            "outlook_web",
            "sfr",
            "free",
            "apple",
        ]
        for k in range(14):
            adj = k in (4, 5)
            p = self.signer(
                ("cm",),
                lambda p, adj=adj: p.commune_code not in PLM and (("adjoint" in p.fonction) == adj),
            )
            n = rank(p.fonction)
            ds, dc, di = display(p, "std"), display(p, "cased"), display(p, "inv")
            el = e(p, "élu", "élue")
            adjw = (
                f"{ordinal(n, p)} {e(p, 'adjoint', 'adjointe')}"
                if n
                else e(p, "adjoint", "adjointe")
            )
            text = [
                f"Je signe.\n{ds}, CM {de_at(p)}",
                f"Bonjour,\n\nSignature : {di} – cons. mun. {at_place(p, 'bare', 'paren')}\n\n{self.closing()}",
                f"Ok pour moi !\n\n{dc}\n{e(p, 'conseiller muni', 'conseillère muni')} {a_at(p)}",
                f"{ds}, {el} {a_at(p, 'bare', 'name')}, signe l'appel.",
                f"Bonjour,\n\nJe m'associe à votre appel.\n\n{dc}\nadj. au maire – {at_place(p, 'bare', 'bare')}",
                f"{ds}, {adjw}, {at_place(p, 'bare', 'paren')}. Je signe.",
                f"Madame, Monsieur,\n\nJe {e(p, 'soussigné', 'soussignée')} {ds}, membre du conseil municipal "
                f"{de_at(p, 'bare', 'paren')}, déclare signer l'appel des élu·es municipaux contre la VSA.\n\n{self.closing()}",
                f"Signé : {display(p, 'caps')} (CM {at_place(p, 'bare', 'bare')})",
                f"je signe\n{display(p, 'lower')} cm {at_place(p, 'lower', 'none')}",
                f"Bjr, je m'associe à l'appel. {dc}, conseill. mun. {de_at(p)}",
                f"{di}\nConseil municipal {de_at(p)}\nSignataire de l'appel",
                f"Bonjour, je signe l'appel.\n{ds}, {el} au conseil municipal, {at_place(p, 'bare', 'cp')}",
                f"{dc} — C.M. {at_place(p, 'bare', 'dash')}",
                f"Je signe volontiers !\n\n{ds}\n{e(p, 'Conseiller', 'Conseillère')} mun. – {at_place(p, 'caps', 'none')}",
            ][k]
            subj = [
                "Re: " + CALL_SUBJECT,
                "Signature",
                "Re: " + CALL_SUBJECT,
                "Appel VSA",
                "signature appel",
                "Re: " + CALL_SUBJECT,
                "Appel des élu·es municipaux",
                "Signature appel VSA",
                "Re: " + CALL_SUBJECT,
                "je signe",
                "Appel",
                "Re: " + CALL_SUBJECT,
                "VSA",
                "Signature",
            ][k]
            m = self.new(sh, clients[k], "" if k == 8 else dc, self.addr(p), subj)
            self.done(m, sh, p, text, reply=subj.startswith("Re: "))

    @staticmethod
    def charge_de(deleg: str) -> str:
        for a, b in (("à la ", "de la "), ("à l'", "de l'"), ("aux ", "des "), ("au ", "du ")):
            if deleg.startswith(a):
                return b + deleg[len(a) :]
        return deleg

    def delegation_adjoint(self):
        """Adjoint·es with their delegation: « adjointe à la transition écologique »…"""
        rng, sh = self.rng, "delegation_adjoint"
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "apple",
            "laposte",
            "thunderbird",
            "outlook_web",
            "roundcube",
            "orange",
            "outlook_mac",
        ]
        for k in range(10):
            paris = k == 9
            p = self.signer(
                ("cm",),
                lambda p, paris=paris: (
                    "adjoint" in p.fonction and ((p.commune_code == "75056") == paris)
                ),
                allow_imp=not paris,
            )
            n = rank(p.fonction)
            dl, noun = DELEG_ADJ[rng.randrange(len(DELEG_ADJ))]
            ds, dc, di = display(p, "std"), display(p, "cased"), display(p, "inv")
            a = e(p, "adjoint", "adjointe")
            A = e(p, "Adjoint", "Adjointe")
            rk = f"{ordinal(n, p)} {a}" if n else a
            text = [
                f"{ds}\n{cap1(rk)} {dl} – {at_place(p, 'bare', 'paren')}",
                f"Bonjour,\n\nEn tant qu'{a} au maire {de_at(p)} {e(p, 'chargé', 'chargée')} de la tranquillité publique, je signe "
                f"l'appel : la sécurité ne se délègue pas à un logiciel.\n\n{self.closing()}\n{dc}",
                f"Je signe. {ds}, {a} {dl}, ville {de_at(p, 'bare', 'paren')}",
                f"{dc}\n{e(p, 'Maire-adjoint', 'Maire-adjointe')} {e(p, 'délégué', 'déléguée')} {dl}\nVille {de_at(p)}",
                f"Bonjour,\n\nVoici ma signature :\n{di}, {ordinal(n, p) + ' ' if n else ''}{a} ({noun}), {at_place(p, 'bare', 'name')}",
                f"{A} {dl}, je soutiens pleinement l'appel.\n{ds}\n{at_place(p, 'bare', 'paren')}",
                f"{ds} – {a} au maire en charge : {noun} – {place(p)}",
                f"Signature de {dc}, {rk} au maire {de_at(p)}, {e(p, 'délégué', 'déléguée')} {dl}.",
                f"Bonjour,\n\n{A} à la sécurité et à la prévention {de_at(p)}, je signe l'appel. Nos policiers municipaux n'ont "
                f"pas besoin d'algorithmes mais de collègues.\n\n{ds}",
                f"Bonjour,\n\nJe signe l'appel.\n\n{ds}\n{A} {paris_mayor_to(cap=True)} {e(p, 'chargé', 'chargée')} {self.charge_de(dl)}",
            ][k]
            subj = [
                "Signature – appel VSA",
                "Re: " + CALL_SUBJECT,
                "Appel VSA",
                "Signature",
                "Re: " + CALL_SUBJECT,
                "Soutien",
                "Appel",
                "Re: " + CALL_SUBJECT,
                "Signature de l'appel",
                "Appel des élu·es municipaux",
            ][k]
            m = self.new(sh, clients[k], dc, self.addr(p, town=k % 2 == 0), subj)
            self.done(m, sh, p, text, reply=subj.startswith("Re: "))

    def conseiller_delegue(self):
        """Conseiller·es municipaux délégués (the RNE knows no delegation: an empty function)."""
        sh = "conseiller_delegue"
        clients = ["gmail", "outlook_desktop", "iphone", "zimbra", "free", "thunderbird"]
        for k in range(6):
            p = self.signer(("cm",), lambda p: p.fonction == "" and p.commune_code not in PLM)
            dl = DELEG_CM[(k * 3) % len(DELEG_CM)] if k != 1 else "à la police municipale"
            ds, dc, di = display(p, "std"), display(p, "cased"), display(p, "inv")
            dg = e(p, "délégué", "déléguée")
            C = e(p, "Conseiller", "Conseillère")
            text = [
                f"{ds}, {e(p, 'conseiller municipal délégué', 'conseillère municipale déléguée')} {dl} {de_at(p)}",
                f"Bonjour,\n\n{C} {dg} {dl} {de_at(p, 'bare', 'paren')}, je signe cet appel sans hésiter.\n\n{dc}",
                f"Je signe !\n{dc}\nCM {dg} {dl}\n{place(p)}",
                f"{di}\n{C} {dg} {dl}\nMairie {de_at(p)}\nTél. {self.phone()}",
                f"Bonjour, merci de m'ajouter : {ds}, cons. mun. {dg} {dl} ({place(p)}, {dept_name(p.dep)}).",
                f"Madame, Monsieur,\n\n{C} municipal{e(p, '', 'e')} {dg} {dl} {de_at(p)}, je m'associe à votre appel.\n\n"
                f"{self.closing()}\n\n{dc}",
            ][k]
            subj = [
                "Signature",
                "Re: " + CALL_SUBJECT,
                "Re: " + CALL_SUBJECT,
                "Appel VSA – signature",
                "signature",
                "Appel des élu·es municipaux",
            ][k]
            m = self.new(sh, clients[k], dc, self.addr(p), subj)
            self.done(m, sh, p, text, reply=subj.startswith("Re: "))

    def opposition(self):
        """Opposition councillors: « élue d'opposition », group and list names; only the writer signs."""
        sh = "opposition"
        clients = [
            "gmail",
            "laposte",
            "orange",
            "outlook_desktop",
            "yahoo",
            "thunderbird",
            "sfr",
            "apple",
            "android_gmail",
            "zimbra",
        ]
        for k in range(10):
            p = self.signer(("cm",), lambda p: p.fonction == "" and p.commune_code not in PLM)
            G = self.group_name(p)
            ds, dc, di = display(p, "std"), display(p, "cased"), display(p, "inv")
            el, El = e(p, "élu", "élue"), e(p, "Élu", "Élue")
            mun = f"municipal{e(p, '', 'e')}"
            CM = e(p, "Conseiller municipal", "Conseillère municipale")
            text = [
                f"Bonjour,\n\n{El} d'opposition {a_at(p)}, je signe l'appel.\n\n{ds}",
                f"{dc}\n{CM} d'opposition – groupe « {G} »\n{at_place(p, 'bare', 'paren')}",
                f"Je signe, au nom de mes convictions et pas seulement de mon groupe.\n{ds}, {e(p, 'conseiller', 'conseillère')} "
                f"{mun} (minorité) {de_at(p)}",
                f"Bonjour,\n\nPour la liste « {G} », dans l'opposition au conseil municipal {de_at(p)}, je signe à titre "
                f"personnel. Mes colistiers vous écriront s'ils le souhaitent.\n\n{dc}",
                f"{ds} ({G}), {el} {e(p, 'minoritaire', 'minoritaire')} {a_at(p, 'bare', 'paren')}. Signature.",
                f"Madame, Monsieur,\n\n{e(p, 'Conseiller', 'Conseillère')} {mun} du groupe d'opposition {G} {a_at(p)}, je vous "
                f"confirme ma signature.\n\n{self.closing()}\n{dc}",
                f"Je signe. {di}, opposition municipale, {at_place(p, 'nohyph', 'name_comma')}",
                f"{ds}\n{CM} {de_at(p)}\n{e(p, 'Président', 'Présidente')} du groupe « {G} » (opposition)",
                f"Bjr, {el} de l'opposition {a_at(p, 'st')}, je signe. {dc}",
                f"Groupe « {G} »\n{ds}, {e(p, 'conseiller', 'conseillère')} {mun} de la minorité {de_at(p)}\n\nJe signe l'appel.",
            ][k]
            subj = [
                "Re: " + CALL_SUBJECT,
                "Signature",
                "appel",
                "Re: " + CALL_SUBJECT,
                "Signature appel",
                "Appel des élu·es municipaux",
                "Re: " + CALL_SUBJECT,
                "Signature – groupe d'opposition",
                "Re: " + CALL_SUBJECT,
                "Appel VSA",
            ][k]
            m = self.new(sh, clients[k], dc if k != 4 else "", self.addr(p, town=False), subj)
            self.done(m, sh, p, text, reply=subj.startswith("Re: "))

    def nouvel_elu(self):
        """New councillors of March 2026 (Gers, Loire-Atlantique: absent from the 2020 council sample)."""
        sh = "nouvel_elu"
        clients = [
            "gmail",
            "iphone",
            "outlook_desktop",
            "orange",
            "thunderbird",
            "outlook_web",
            "laposte",
            "samsung",
        ]

        def new_one(p: P) -> bool:
            return (
                p.dep in ("32", "44")
                and p.commune_code in self.sample_communes
                and (p.commune_code, ident(p.nom, p.prenom)) not in self.sample_idents
            )

        for k in range(8):
            p = self.signer(("cm",), new_one)
            G = self.group_name(p)
            ds, dc, di = display(p, "std"), display(p, "cased"), display(p, "inv")
            r = role(p)
            mun = f"municipal{e(p, '', 'e')}"
            text = [
                f"Bonjour,\n\n{e(p, 'Élu', 'Élue')} pour la première fois en mars dernier au conseil municipal {de_at(p)}, je signe "
                f"l'appel.\n\n{ds}",
                f"Tout{e(p, ' nouveau conseiller municipal', 'e nouvelle conseillère municipale')} {de_at(p, 'bare', 'paren')} "
                f"({e(p, 'élu', 'élue')} en mars 2026), je signe ! {dc}",
                f"{ds}\n{e(p, 'Conseiller', 'Conseillère')} {mun} depuis mars 2026 – {place(p)}\n\nPremier mandat, première "
                "pétition : je signe.",
                f"Bonjour,\n\nJe suis {e(p, 'nouvel élu', 'nouvelle élue')} {a_at(p, 'bare', 'paren')} et je découvre le dossier de la "
                f"vidéoprotection en commission. Je signe l'appel.\n\n{dc}\n{cap1(r)}",
                f"Je signe.\n{di}, {r} {de_at(p)} – {e(p, 'benjamin', 'benjamine')} du conseil",
                f"{dc}, {e(p, 'élu', 'élue')} en mars 2026 sur la liste « {G} », {r} {de_at(p)}. Je signe.",
                f"Bonjour,\n\nNouvelle équipe, nouveaux engagements : je signe.\n\n{ds}\n{cap1(r)} {de_at(p, 'bare', 'name')}",
                f"{ds} - {e(p, 'nouvel élu', 'nouvelle élue')} - {place(p)} ({dept_name(p.dep)}) - je signe l'appel",
            ][k]
            subj = [
                "Re: " + CALL_SUBJECT,
                "Re: " + CALL_SUBJECT,
                "Signature d'une nouvelle élue" if p.f else "Signature d'un nouvel élu",
                "Appel VSA",
                "Re: " + CALL_SUBJECT,
                "Signature",
                "Appel des élu·es municipaux",
                "Re: " + CALL_SUBJECT,
            ][k]
            m = self.new(sh, clients[k], dc, self.addr(p), subj)
            self.done(m, sh, p, text, reply=subj.startswith("Re: "))

    def plm(self):
        """Conseiller·es de Paris and conseiller·es d'arrondissement of Paris, Lyon and Marseille."""
        rng, sh = self.rng, "plm_arrondissement"
        clients = [
            "gmail",
            "outlook_web",
            "apple",
            "thunderbird",
            "iphone",
            "gmail",
            "outlook_desktop",
            "free",
            "laposte",
            "orange",
            "android_gmail",
            "zimbra",
        ]
        city = ["75056"] * 3 + ["75056"] * 3 + ["69123"] * 3 + ["13055"] * 2 + ["13055"]
        for k in range(12):
            cc = city[k]
            if k == 4:  # an invented name claiming a seat on the council of the 15th
                nom = next(n for n in reversed(self.invented) if n not in self.invented_used)
                self.invented_used.add(nom)
                p = P(
                    "",
                    nom,
                    "Héloïse",
                    "F",
                    dep="75",
                    commune_code="75056",
                    commune="Paris",
                    secteur="Paris 15Eme Secteur",
                    impostor="invented",
                )
                self.use(p)
            elif k < 3 or k == 11:
                p = self.take("cm", lambda p, cc=cc: p.commune_code == cc and p.fonction == "")
            else:
                p = self.take("ca", lambda p, cc=cc: p.commune_code == cc and sector(p)[1] != 1)
            ds, dc, di = display(p, "std"), display(p, "cased"), display(p, "inv")
            C, c = e(p, "Conseiller", "Conseillère"), e(p, "conseiller", "conseillère")
            r = role(p) if p.kind else "conseillère d'arrondissement"
            text = [
                f"{ds}\n{C} de Paris",
                f"Bonjour,\n\n{C} de Paris, je signe l'appel.\n\n{dc}",
                f"Je signe — {ds}, {e(p, 'élu', 'élue')} au Conseil de Paris",
                f"{dc}\n{C} {ca_where(p)}",
                f"Je signe. {ds}, {c} d'arrondissement {ca_where(p, 'num')}",
                f"Bonjour,\n\n{e(p, 'Élu', 'Élue')} {ca_where(p, 'short')}, je m'associe à votre appel.\n\n{ds}\n{cap1(r)}",
                f"{ds}, {ca_full(p)}",
                f"{dc}\n{C} d'arrondissement – {ca_where(p, 'num')}",
                f"Je signe l'appel. {di}, {r} {ca_where(p, 'short')}",
                f"{ds}\n{cap1(ca_full(p))}",
                f"Bonjour,\n\n{e(p, 'Élu', 'Élue')} {ca_where(p, 'short')}, je signe.\n\n{dc}",
                f"{ds}, {c} municipal{e(p, '', 'e')} de Marseille (13) – je signe",
            ][k]
            subj = [
                "Signature",
                "Re: " + CALL_SUBJECT,
                "Appel VSA",
                "Signature appel",
                "Re: " + CALL_SUBJECT,
                "Appel des élu·es municipaux",
                "Re: " + CALL_SUBJECT,
                "signature",
                "Appel VSA – Lyon",
                "Signature – Marseille",
                "Re: " + CALL_SUBJECT,
                "Appel",
            ][k]
            m = self.new(
                sh, clients[k], dc, self.addr(p, town=rng.random() < 0.5 and bool(p.kind)), subj
            )
            self.done(m, sh, p, text, reply=subj.startswith("Re: "))

    @staticmethod
    def epci_de(nom: str) -> str:
        if nom.startswith("Métropole") or nom.startswith("Eurométropole"):
            return ("de l'" if nom.startswith("E") else "de la ") + nom
        if nom[:3] in ("CC ", "CA ", "CU "):
            return "de la " + epci_label(nom)
        return "de " + nom

    def intercommunal(self):
        """Councillors who give their intercommunal seat as their title (and two Métropole de Lyon members)."""
        reg, sh = self.reg, "intercommunal_title"
        clients = [
            "outlook_desktop",
            "gmail",
            "zimbra",
            "outlook_web",
            "laposte",
            "thunderbird",
            "apple",
            "gmail",
            "outlook_mac",
            "iphone",
        ]
        vp_real = []
        with open(
            RELEASE / "elus-conseiller-communautaire-epci.sample.csv", encoding="utf-8", newline=""
        ) as fh:
            for r in csv.DictReader(fh, delimiter=";"):
                if "Vice" in (r["Libellé de la fonction"] or ""):
                    vp_real.append(r)
        for k in range(10):
            extra = ""
            if k == 7:
                p = None
                for r in vp_real:
                    k_id = ident(r["Nom de l'élu"], r["Prénom de l'élu"])
                    cands = [
                        x
                        for x in reg.by_commune.get(r["Code de la commune de rattachement"], [])
                        # unique, and held by no one else; the second row is the EPCI sample's
                        if ident(x.nom, x.prenom) == k_id
                        and self.reg.unique(x)
                        and k_id not in self.used
                        and x.fonction == ""
                    ]
                    if cands:
                        p = self.use(cands[0])
                        extra = f"{rank(r['Libellé de la fonction'])}e " + e(
                            p, "vice-président", "vice-présidente"
                        )
                        break
                if p is None:
                    p = self.take(
                        "cm", lambda p: p.commune_code in self.epci and p.commune_code not in PLM
                    )
            elif k in (8, 9):
                vp = k == 8
                p = self.take("ma", lambda p, vp=vp: p.fonction.startswith("Vice") == vp)
            else:
                metro = k in (2, 6)
                p = self.signer(
                    ("cm",),
                    lambda p, metro=metro: (
                        p.commune_code in self.epci
                        and p.commune_code not in PLM
                        and (self.epci[p.commune_code]["type"] == "METRO") == metro
                        and self.epci[p.commune_code]["nom"] != "Métropole du Grand Paris"
                        and (not metro or COMMUNES[p.commune_code].get("population", 0) < 20000)
                    ),
                )
                if p.impostor and p.commune_code not in self.epci:
                    p = self.impostor(
                        "relative",
                        commune_code=self.take(
                            "cm", lambda x: x.commune_code in self.epci
                        ).commune_code,
                    )
            ds, dc, di = display(p, "std"), display(p, "cased"), display(p, "inv")
            ep = self.epci.get(p.commune_code, {"nom": "", "type": ""})
            en = ep["nom"]
            C, c = e(p, "Conseiller", "Conseillère"), e(p, "conseiller", "conseillère")
            r = role(p)
            text = [
                f"{ds}\n{C} communautaire – {epci_label(en)}\n{cap1(r)} {de_at(p)}",
                f"Bonjour,\n\nJe signe en tant que {c} communautaire {self.epci_de(en)} et {r} {de_at(p)}.\n\n{dc}",
                f"{ds}\n{e(p, 'Vice-président', 'Vice-présidente')} {self.epci_de(en)}\n{cap1(r)} {de_at(p)}",
                f"{dc}, {e(p, 'délégué', 'déléguée')} communautaire ({en}), {e(p, 'élu', 'élue')} {a_at(p)}. Je signe.",
                f"{en}\n{ds} – {c} communautaire, {r} {de_at(p)}",
                f"Je signe. {di}, {r} {de_at(p, 'bare', 'paren')} et {c} communautaire",
                f"Bonjour,\n\n{e(p, 'Vice-président', 'Vice-présidente')} {self.epci_de(en)} {e(p, 'chargé', 'chargée')} de la "
                f"prévention, et {r} {de_at(p)}, je signe l'appel.\n\n{dc}",
                f"{ds}\n{cap1(extra or c + ' communautaire')} {self.epci_de(en)}\n{cap1(r)} {de_at(p)}",
                f"Bonjour,\n\nJe signe l'appel.\n\n{ds}\n{cap1(r)}",
                f"Je signe. {dc}, {c} {e(p, 'métropolitain', 'métropolitaine')} de Lyon (circonscription {pretty(p.circ)})",
            ][k]
            subj = [
                "Signature",
                "Re: " + CALL_SUBJECT,
                "Appel VSA",
                "Signature de l'appel",
                "Re: " + CALL_SUBJECT,
                "Appel des élu·es municipaux",
                "Re: " + CALL_SUBJECT,
                "Signature",
                "Appel VSA – Métropole de Lyon",
                "Re: " + CALL_SUBJECT,
            ][k]
            m = self.new(sh, clients[k], dc, self.addr(p), subj)
            self.done(m, sh, p, text, reply=subj.startswith("Re: "))

    def place_variants(self):
        """The commune written as people write it: St/Ste, s/, (La), no article, postcode, département…"""
        sh = "place_variants"
        clients = [
            "gmail",
            "outlook_desktop",
            "laposte",
            "zimbra",
            "orange",
            "thunderbird",
            "yahoo",
            "free",
            "apple",
            "outlook_web",
            "sfr",
            "android_gmail",
            "roundcube",
            "iphone",
        ]
        preds = [
            lambda p: p.commune.startswith("Saint-") and not homonym(p),
            lambda p: p.commune.startswith("Sainte-") and not homonym(p),
            lambda p: "-sur-" in p.commune and not homonym(p),
            lambda p: article_of(p.commune) in ("La ", "Le ", "Les ") and not homonym(p),
            lambda p: article_of(p.commune) != "" and not homonym(p),
            lambda p: not homonym(p),
            lambda p: not homonym(p),
            lambda p: not homonym(p),
            lambda p: not homonym(p) and len(p.commune) > 4,
            lambda p: homonym(p),
            lambda p: not homonym(p) and "-" not in p.commune,
            lambda p: p.commune.startswith("Saint-") and "-" in p.commune[6:] and not homonym(p),
            lambda p: not homonym(p),
            lambda p: "-sur-" in p.commune and p.commune.startswith("Saint") and not homonym(p),
        ]
        for k in range(14):
            p = self.signer(("cm",), lambda p, k=k: p.commune_code not in PLM and preds[k](p))
            ds, dc, di = display(p, "std"), display(p, "cased"), display(p, "inv")
            r = role(p)
            mun = f"municipal{e(p, '', 'e')}"
            cp = postcode(p.commune_code)
            text = [
                f"{ds}, CM {at_place(p, 'st', 'paren')}",
                f"Je signe !\n{dc}\n{cap1(r)} – {at_place(p, 'st', 'none')}",
                f"Bonjour,\n\nJe signe.\n\n{ds}\n{cap1(r)}, {at_place(p, 'st', 'bare')}",
                f"{di}\n{cap1(r)}\n{at_place(p, 'inv', 'dash')}",
                f"Bonjour, je signe. {ds}, {r} {de_name_raw(noart(p.commune))}",
                f"{dc}\n{cap1(r)}\nMairie\n{cp} {noacc(p.commune).upper()}",
                f"{ds}, {r} {de_at(p, 'bare', 'name')}",
                f"{ds} – {self.cm_short(p)} {place(p)} {p.dep}",
                f"Je signe. {ds}, {r} {de_at(p)}",
                f"{dc}\n{cap1(r)} {de_at(p, 'bare', 'cp_paren')}",
                f"{display(p, 'caps_noacc')}\n{noacc(r).upper()} {noacc(de_at(p)).upper()}",
                f"{ds}, {e(p, 'conseiller', 'conseillère')} {mun} {a_at(p, 'st_space')}",
                f"{display(p, 'lower')}, {noacc(r).lower()} {at_place(p, 'lower', 'paren')}",
                f"{ds}\n{cap1(r)}\n{at_place(p, 'st', 'name')}",
            ][k]
            subj = [
                "Re: " + CALL_SUBJECT,
                "Signature",
                "Appel VSA",
                "Re: " + CALL_SUBJECT,
                "signature",
                "Appel des élu·es municipaux",
                "Re: " + CALL_SUBJECT,
                "Appel",
                "Signature appel VSA",
                "Re: " + CALL_SUBJECT,
                "SIGNATURE",
                "Re: " + CALL_SUBJECT,
                "appel vsa",
                "Signature",
            ][k]
            m = self.new(sh, clients[k], dc if k % 4 else "", self.addr(p), subj)
            self.done(m, sh, p, text, reply=subj.startswith("Re: "))

    def commune_deleguee(self):
        """Councillors of a commune nouvelle naming their commune déléguée (or only it)."""
        rng, sh = self.rng, "commune_deleguee"
        clients = ["gmail", "laposte", "outlook_desktop", "orange", "thunderbird", "zimbra"]
        for k in range(6):
            p = self.signer(
                ("cm",),
                lambda p: (
                    p.commune_code in self.deleguees
                    and not homonym(p)
                    and any(NAME_COUNT[fold(d)] == 0 for d in self.deleguees[p.commune_code])
                ),
                allow_imp=False,
            )
            cands = [d for d in self.deleguees[p.commune_code] if NAME_COUNT[fold(d)] == 0]
            dn = cands[rng.randrange(len(cands))]
            ds, dc, di = display(p, "std"), display(p, "cased"), display(p, "inv")
            r = role(p)
            text = [
                f"{ds}\n{cap1(r)} {de_at(p)}, commune déléguée {de_name_raw(dn)}",
                f"Je signe. {dc}, {e(p, 'élu', 'élue')} à {dn} ({place(p)})",
                f"{ds}, {r} {de_at(p)} (ex-{dn})",
                f"Bonjour,\n\n{e(p, 'Conseiller', 'Conseillère')} municipal{e(p, '', 'e')} {de_at(p)} pour la commune déléguée "
                f"{de_name_raw(dn)}, je signe l'appel.\n\n{dc}",
                f"{ds}\n{cap1(r)} {de_name_raw(dn)} ({p.dep})",
                f"{di} – CM {place(p)} / {dn} – je signe",
            ][k]
            subj = [
                "Signature",
                "Re: " + CALL_SUBJECT,
                "Appel VSA",
                "Re: " + CALL_SUBJECT,
                "Signature appel",
                "Re: " + CALL_SUBJECT,
            ][k]
            m = self.new(sh, clients[k], dc, self.addr(p), subj)
            self.done(m, sh, p, text, reply=subj.startswith("Re: "))

    def reply_mandate(self):
        """Signing without a mandate; the organisers ask « quel est votre mandat ? »; the answer quotes it."""
        sh = "reply_mandate"
        plan = [
            ("gmail", "gmail"),
            ("iphone", "iphone"),
            ("outlook_desktop", "outlook_desktop"),
            ("thunderbird", "thunderbird"),
            ("orange", "orange"),
            ("yahoo", "outlook_android"),
        ]
        asks = [
            MANDATE_Q,
            "Merci ! Quel est votre mandat ? (commune, et fonction le cas échéant)",
            MANDATE_Q + " Nous ne publions que les signatures vérifiées.",
            "Bonjour et merci. Quel est votre mandat ?",
            MANDATE_Q,
            "Merci beaucoup ! Pour la vérification : quel est votre mandat, et dans quelle commune ?",
        ]
        for t, (c1, c2) in enumerate(plan):
            p = self.signer(("cm",), lambda p: p.commune_code not in PLM and not homonym(p))
            ds, dc, di = display(p, "std"), display(p, "cased"), display(p, "inv")
            addr = self.addr(p, town=False)
            first = [
                f"Je signe ! {ds}",
                "Bonjour,\n\nAjoutez mon nom à l'appel, je vous prie.\n\nBien à vous,\n" + p.prenom,
                f"Signature : {di}",
                f"Bravo et merci, je signe.\n{dc}",
                f"Oui !\n\n{ds}",
                f"Je m'associe à cet appel. {dc}",
            ][t]
            m1 = self.new(sh, c1, dc, addr, "Re: " + CALL_SUBJECT if t != 2 else "Signature")
            if t == 2:
                t1 = self.body(m1, first)
            else:
                m1.in_reply_to = self.call.mid
                t1 = self.body(m1, first, self.call, CALL)
            th = m1.file[:-4]
            self.label(m1, sh, "signs", self.case(p), None, th)
            m2, t2 = self.org_mail(m1, t1, f"Bonjour,\n\n{asks[t]}", sh, th)
            r = role(p)
            answer = [
                f"{cap1(r)} {de_at(p, 'bare', 'paren')}.",
                f"Pardon ! {ds}, {r} {de_at(p)}",
                f"CM {at_place(p, 'bare', 'name')}",
                f"{cap1(r)} {de_at(p)} ({dept_name(p.dep)})",
                f"Bonjour,\nJe suis {r} {de_at(p)}, {e(p, 'élu', 'élue')} depuis mars.\nCordialement\n{dc}",
                f"{e(p, 'Conseiller', 'Conseillère')} municipal{e(p, '', 'e')} d'opposition, {place(p)} ({dept_name(p.dep)})",
            ][t]
            if t == 3:  # Thunderbird user answering below the quote
                m3 = self.new(
                    sh,
                    c2,
                    dc,
                    addr,
                    self.reply_subject(c2, m2.subject),
                    lo=30,
                    hi=400,
                    in_reply_to=m2.mid,
                    references=f"{m1.mid} {m2.mid}",
                )
                m3.text = (
                    quote_text(c2, m2, t2, ORG_ADDR).lstrip("\n") + f"\n{answer}\n\n-- \n{dc}\n"
                )
            else:
                m3, _ = self.reply(m2, t2, dc, addr, c2, answer, sh)
            self.sign(m3, sh, p, th)

    def commune_group(self, n: int, pred) -> list[P]:
        """n councillors of one commune (non-PLM) satisfying pred."""
        for _ in range(50000):
            p = self.reg.pool["cm"][self.rng.randrange(len(self.reg.pool["cm"]))]
            code = p.commune_code
            if code in PLM or homonym(p):
                continue
            cms = [x for x in self.reg.by_commune[code] if self.ok(x) and pred(x)]
            if len(cms) >= n + 2:
                pick = self.rng.sample(cms, n)
                for x in pick:
                    self.use(x)
                return pick
        raise RuntimeError("commune group")

    def group_list(self):
        """A group secretary or president sends the list of the group's members who sign."""
        rng, sh = self.rng, "group_list"
        # 0: assistant, 4 opposition members
        ps = self.commune_group(4, lambda x: x.fonction == "")
        G = self.group_name(ps[0])
        st = self.staffer()
        lines = "\n".join(f"- {display(x, rng.choice(['std', 'inv']))}" for x in ps)
        text = (
            f"Bonjour,\n\nLes élu·es du groupe « {G} » au conseil municipal {de_at(ps[0])} signent l'appel :\n\n{lines}\n\n"
            f"Pour le groupe,\n{st[0]} {nom_case(st[1])}\n{'Collaboratrice' if st[0] in FEM_STAFF else 'Collaborateur'} "
            f"du groupe « {G} »"
        )
        m = self.new(
            sh,
            "outlook_desktop",
            f"{st[0]} {nom_case(st[1])}",
            f"groupe.{slug(G)[:20]}@{town_dom(ps[0])}",
            f"Signatures du groupe {G}",
        )
        self.body(m, text)
        for x in ps:
            self.sign(m, sh, x)
        # 1: a group president signs with two colleagues
        ps = self.commune_group(3, lambda x: x.fonction == "")
        G = self.group_name(ps[0])
        lead = ps[0]
        lines = "\n".join(f"- {display(x, 'inv')}, {role(x)}" for x in ps[1:])
        text = (
            f"Bonjour,\n\nJe signe l'appel, ainsi que mes collègues du groupe « {G} » :\n{lines}\n\n{self.closing()}\n\n"
            f"{display(lead, 'cased')}\n{cap1(role(lead))} {de_at(lead)}\n{e(lead, 'Président', 'Présidente')} du groupe « {G} »"
        )
        m = self.new(
            sh, "gmail", display(lead, "cased"), self.addr(lead, town=False), "Re: " + CALL_SUBJECT
        )
        self.from_call(m, text)
        for x in ps:
            self.sign(m, sh, x)
        # 2: majority adjoint·es, a table sent by the cabinet
        ps = self.commune_group(4, lambda x: "adjoint" in x.fonction)
        st = self.staffer()
        rows = "\n".join(
            f"{x.nom:<22} | {x.prenom:<14} | {ordinal(rank(x.fonction), x)} {e(x, 'adjoint', 'adjointe')} – {DELEG_ADJ[i * 2][1]}"
            for i, x in enumerate(ps)
        )
        text = (
            f"Madame, Monsieur,\n\nLes adjoint·es de la majorité municipale {de_at(ps[0], 'bare', 'paren')} signent l'appel :\n\n"
            f"{'NOM':<22} | {'Prénom':<14} | Fonction\n{rows}\n\nBien cordialement,\n\n{st[0]} {nom_case(st[1])}\nCabinet du maire – Ville {de_at(ps[0])}"
        )
        m = self.new(
            sh,
            "zimbra",
            f"{st[0]} {nom_case(st[1])}",
            f"cabinet@{town_dom(ps[0])}",
            "Signatures des adjoint·es",
        )
        self.body(m, text, html=False)
        for x in ps:
            self.sign(m, sh, x)
        # 3: a list holding an invented name
        ps = self.commune_group(3, lambda x: x.fonction == "")
        G = self.group_name(ps[0])
        fake = self.impostor("invented", commune_code=ps[0].commune_code)
        fake.fonction = ""
        members = [ps[0], ps[1], fake, ps[2]]
        st = self.staffer()
        lines = "\n".join(f"• {display(x, 'cased')}, {role(x)}" for x in members)
        text = (
            f"Bonjour,\n\nVoici les signataires de notre groupe « {G} » ({place(ps[0])}, {dept_name(ps[0].dep)}) :\n\n{lines}\n\n"
            f"Merci de nous tenir informés de la publication.\n\n{st[0]} {nom_case(st[1])}\nSecrétariat du groupe"
        )
        m = self.new(
            sh,
            "laposte",
            f"Groupe {G}",
            f"groupe.{slug(G)[:18]}@laposte.net",
            "Appel VSA – signataires du groupe",
        )
        self.body(m, text)
        for x in members:
            self.sign(m, sh, x)
        # 4: HTML-only list from a councillor
        ps = self.commune_group(3, lambda x: x.fonction == "")
        lead = ps[0]
        G = self.group_name(lead)
        items = "".join(f"<li><b>{esc(display(x, 'std'))}</b>, {esc(role(x))}</li>" for x in ps[1:])
        html = (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset={CHARSET}"></head><body>'
            f"<p>Bonjour,</p><p>Je signe l'appel avec deux collègues de la liste « {esc(G)} » {esc(de_at(lead))} :</p>"
            f"<ul>{items}</ul><p>Bien à vous,</p><p><b>{esc(display(lead, 'cased'))}</b><br>"
            f"<i>{esc(cap1(role(lead)))} {esc(de_at(lead))}</i></p></body></html>\n"
        )
        m = self.new(sh, "apple", display(lead, "cased"), self.addr(lead), "Signatures")
        m.html = html
        for x in ps:
            self.sign(m, sh, x)

    def web_form(self):
        """« Nouveau message depuis le formulaire du site »: fields relayed by the site's mailer."""
        rng, sh = self.rng, "web_form"
        for k in range(8):
            p = self.signer(("cm",), lambda p: p.commune_code not in PLM)
            mail = self.addr(p, town=False)
            r = role(p)
            when = self.clock.tick()  # the form is submitted; the site mails it seconds later
            ds = display(p, "std")
            cp = postcode(p.commune_code)
            fct = "Adjoint·e au maire" if "adjoint" in p.fonction else "Conseiller·e municipal·e"
            msg = [
                "Je signe l'appel.",
                "Bravo pour cette initiative, je signe.",
                "",
                "Signature.",
                "Merci de m'ajouter à la liste.",
                "Je signe au nom de mes convictions.",
                "",
                "Je soutiens.",
            ][k]
            subj = "Nouveau message depuis le formulaire du site"
            html = None
            if k == 0:
                subj = "[Villes sans VSA] Nouveau message depuis le formulaire du site"
                text = (
                    f"De : {ds} <{mail}>\nObjet : Signature de l'appel\n\nCorps du message :\n{msg}\n\nMandat : {r}\n"
                    f"Commune : {at_place(p, 'bare', 'paren')}\n\n-- \nCet e-mail a été envoyé via le formulaire de contact de "
                    "Villes sans VSA (https://villes-sans-vsa.example)"
                )
            elif k in (1, 6):
                text = (
                    f"Nouveau message depuis le formulaire du site\n\nNom : {p.nom}\nPrénom : {p.prenom}\nCourriel : {mail}\n"
                    f"Mandat : {fct}\nFonction : {r if 'adjoint' in p.fonction else '–'}\nCommune : {place(p)}\n"
                    f"Code postal : {cp}\nMessage : {msg or '(vide)'}\n\n---\nEnvoyé le {when.day} {FR_MONTHS[when.month - 1]} "
                    f"{when.year} à {when:%H:%M} depuis https://villes-sans-vsa.example/signer"
                )
            elif k == 2:
                subj = "Formulaire « Signer l'appel » : nouvelle soumission"
                text = (
                    f"Soumis le {FR_DAYS[when.weekday()]} {when.day} {FR_MONTHS[when.month - 1]} {when.year} - {when:%H:%M}\n"
                    f"Soumis par : Anonyme\nValeurs soumises :\n\nVotre nom\n{p.nom}\n\nVotre prénom\n{p.prenom}\n\n"
                    f"Votre mandat\n{cap1(r)}\n\nVotre commune\n{at_place(p, 'bare', 'paren')}\n\nVotre courriel\n{mail}\n\n"
                    f"Le résultat peut être consulté sur https://villes-sans-vsa.example/node/12/submission/{rng.randint(100, 999)}"
                )
            elif k == 3:
                subj = "Nouvelle entrée : Signer l'appel"
                rows = [
                    ("Nom", p.nom),
                    ("Prénom", p.prenom),
                    ("Adresse e-mail", mail),
                    ("Mandat", cap1(r)),
                    ("Commune", place(p)),
                    ("Département", f"{p.dep} – {dept_name(p.dep)}"),
                    ("Message", msg),
                ]
                cells = "".join(
                    f'<tr bgcolor="#EAF2FA"><td colspan="2"><strong>{esc(a)}</strong></td></tr>'
                    f'<tr bgcolor="#FFFFFF"><td width="20">&nbsp;</td><td>{esc(b)}</td></tr>'
                    for a, b in rows
                )
                html = (
                    '<html><head><meta http-equiv="Content-Type" content="text/html; charset={CHARSET}"></head><body>'
                    f'<table width="99%" border="0" cellpadding="1" cellspacing="0" bgcolor="#EAEAEA"><tr><td>'
                    f'<table width="100%" border="0" cellpadding="5" cellspacing="0" bgcolor="#FFFFFF">{cells}</table>'
                    "</td></tr></table></body></html>\n"
                )
                text = None
            elif k == 4:
                subj = "Nouvelle réponse à « Signer l'appel »"
                text = (
                    f"Nouvelle réponse à « Signer l'appel »\n\n1. Quel est votre nom ?\n{display(p, 'cased')}\n\n"
                    f"2. Quel est votre mandat ?\n{cap1(r)}\n\n3. Dans quelle commune ?\n{place(p)}\n\n"
                    f"4. Votre adresse e-mail\n{mail}\n\n5. Un mot pour les organisateurs ?\n{msg}\n\nVoir toutes les réponses : "
                    "https://forms.villes-sans-vsa.example/r/appel"
                )
            elif k == 5:
                subj = "[Contact] Signature"
                text = (
                    f"Civilité : {e(p, 'M.', 'Mme')}\nNom : {p.nom}\nPrénom : {p.prenom}\nMandat (liste) : {fct}\n"
                    f"Rang : {rank(p.fonction) or '—'}\nCommune (code postal) : {place(p)} ({cp})\nE-mail : {mail}\n"
                    f"J'accepte que mon nom soit publié : Oui\n\nMessage :\n{msg}"
                )
            else:
                subj = "Message du site villes-sans-vsa.example"
                text = (
                    f"Vous avez reçu un nouveau message via le formulaire de contact.\n\nNom et prénom : {display(p, 'inv')}\n"
                    f"Qualité : {cap1(r)} {de_at(p)}\nE-mail : {mail}\nTéléphone : {self.phone(True)}\n\n{msg}"
                )
            m = self.new(
                sh, "webform", "Villes sans VSA", f"noreply@{ORG_DOMAIN}", subj, lo=0, hi=0
            )
            m.extra = "Reply-To: " + enc_addr(m, ds, mail)
            m.text = text
            if html is not None:
                m.html = html
            self.sign(m, sh, p, addr=mail)

    def collaborateur(self):
        """A group assistant, a cabinet or a secretary writes for the councillor (labelled: the councillor)."""
        sh = "collaborateur"
        clients = ["outlook_desktop", "zimbra", "gmail", "outlook_web", "laposte", "thunderbird"]
        for k in range(6):
            p = self.signer(("cm",), lambda p: p.commune_code not in PLM and not homonym(p))
            st = self.staffer()
            sn = f"{st[0]} {nom_case(st[1])}"
            fem = st[0] in FEM_STAFF
            ds, dc, di = display(p, "std"), display(p, "cased"), display(p, "inv")
            civ = e(p, "M.", "Mme")
            r = role(p)
            G = self.group_name(p)
            text = [
                f"Bonjour,\n\nJe vous écris de la part de {civ} {ds}, {r} {de_at(p)}, qui souhaite signer l'appel.\n\n"
                f"Bien cordialement,\n{sn}\n{'Assistante' if fem else 'Assistant'} du groupe « {G} »",
                f"Pour le compte de {dc} ({r} {de_at(p)}) : signature de l'appel.\n\n{sn}\nSecrétariat des élus – Mairie {de_at(p)}",
                f"Madame, Monsieur,\n\n{civ} {nom_case(p.nom)} m'a {'chargée' if fem else 'chargé'} de vous transmettre sa signature : "
                f"{ds}, {r} {de_at(p)}.\n\n{self.closing()}\n{sn}\n{'Collaboratrice' if fem else 'Collaborateur'} d'élus",
                f"Bonjour,\n\n{p.prenom} {nom_case(p.nom)} signe l'appel ({e(p, 'il', 'elle')} est en déplacement cette semaine). "
                f"Pour mémoire : {r} {de_at(p, 'bare', 'paren')}.\n\n{sn}",
                f"Signature transmise pour {di} — {self.cm_short(p)} {place(p)}.\n\n{sn}, secrétariat du groupe « {G} »",
                f"Bonjour,\n\nSuite à votre appel, {civ} {ds} ({r} {de_at(p)}) me demande de vous confirmer sa signature.\n\n"
                f"{sn}\n{'Chargée' if fem else 'Chargé'} de mission auprès des élu·es",
            ][k]
            dom = town_dom(p) if k in (1, 3) else rng_dom(self.rng)
            m = self.new(
                sh,
                clients[k],
                sn,
                f"{slug(st[0])}.{slug(st[1]).replace('-', '')[:12]}@{dom}",
                [
                    "Signature de l'appel",
                    "Appel VSA – signature",
                    "Transmission d'une signature",
                    "Re: " + CALL_SUBJECT,
                    "Signature",
                    "Appel des élu·es municipaux",
                ][k],
            )
            if k in (2, 5):
                m.cc = f"{dc} <{self.addr(p, town=False)}>"
            self.done(m, sh, p, text, reply=k == 3)

    def html_only(self):
        """HTML-only messages (no text part) with a signature table."""
        sh = "html_only"
        clients = ["outlook_desktop", "gmail", "apple", "zimbra", "outlook_web", "yahoo"]
        for k in range(6):
            p = self.signer(("cm",), lambda p: p.commune_code not in PLM)
            r = role(p)
            top = [
                "Bonjour,\n\nJe signe l'appel.\n\nBien à vous",
                "Je signe !",
                "Bonjour,\n\nVous pouvez ajouter ma signature.\n\nCordialement",
                "Signature de l'appel ci-dessous.",
                "Bonjour,\n\nJe m'associe à l'appel.",
                "Je signe, merci à vous.",
            ][k]
            cid = f"image001.png@01DB{self.rng.randint(1000, 9999)}.{hx(self.rng, 8, HEXU)}"
            sig = (
                '<table cellpadding="0" cellspacing="0" style="font-family:Arial,sans-serif;font-size:10pt"><tr>'
                f'<td style="padding-right:12px"><img src="cid:{cid}" width="64" alt="Ville {esc(de_at(p))}"></td>'
                f'<td style="border-left:2px solid #2b6cb0;padding-left:12px"><b>{esc(display(p, "cased" if k % 2 else "std"))}</b><br>'
                f"<i>{esc(cap1(r))}</i><br>Ville {esc(de_at(p))}<br>Tél. {self.phone()}</td></tr></table>\n"
            )
            m = self.new(
                sh,
                clients[k],
                display(p, "cased"),
                self.addr(p, town=True),
                [
                    "Signature",
                    "Appel VSA",
                    "Re: " + CALL_SUBJECT,
                    "Signature de l'appel",
                    "Appel",
                    "Signature",
                ][k],
            )
            self.body(m, top, html=True)
            m.html = html_doc(m.client, top, sig)
            m.text = None
            self.sign(m, sh, p)

    def forward_note(self):
        """The call forwarded by an association; the councillor forwards it on with « je signe »."""
        sh = "forward_note"
        clients = ["gmail", "outlook_desktop", "thunderbird", "apple", "zimbra", "outlook_web"]
        asso = "Observatoire des libertés locales"
        for k in range(6):
            p = self.signer(("cm",), lambda p: p.commune_code not in PLM)
            st = ASSO_STAFF
            sn = f"{st[0]} {nom_case(st[1])}"
            sa = f"{slug(st[0])}@libertes-locales.example"
            own = self.addr(p, town=False)
            t0 = aware(dt.datetime(2026, 10, 5 + k, 18, 2 + 7 * k))
            inner = (
                f"Chères et chers élu·es,\n\nNous relayons l'appel ci-dessous, lancé par le {ORG_NAME}. Pour signer, "
                f"écrivez à {ORG_ADDR}.\n\n{sn}\n{asso}\n\n{CALL}"
            )
            r = role(p)
            ds, dc = display(p, "std"), display(p, "cased")
            note = [
                f"Bonjour,\n\nJe signe aussi !\n\n{ds}\n{cap1(r)} {de_at(p)}",
                f"Reçu de l'Observatoire, je signe. {dc}, {r} {de_at(p, 'bare', 'paren')}",
                f"Je vous transfère l'appel reçu pour vous dire que je le signe.\n\n{dc}\n{cap1(r)}, {place(p)}",
                f"Signature : {ds}, {self.cm_short(p)} {place(p)} ({p.dep})",
                f"Bonjour,\n\nJe signe l'appel transmis par l'Observatoire.\n\n{display(p, 'inv')}\n{cap1(r)} {de_at(p)}",
                f"Je signe. {ds} – {r} {de_at(p)}",
            ][k]
            c = clients[k]
            fsub = "TR: " if c.startswith("outlook") or c == "zimbra" else "Fwd: "
            if c == "gmail":
                block = (
                    f"---------- Forwarded message ---------\nDe : {sn} <{sa}>\nDate: {FR_DAY_ABBR[t0.weekday()]} {t0.day} "
                    f"{FR_MON_ABBR[t0.month - 1]} {t0.year} à {t0:%H:%M}\nSubject: {CALL_SUBJECT}\nTo: <{own}>\n\n"
                )
            elif c == "thunderbird":
                block = (
                    f"-------- Message transféré --------\nSujet : \t{CALL_SUBJECT}\nDate : \t{t0:%a, %d %b %Y %H:%M:%S} +0200\n"
                    f"De : \t{sn} <{sa}>\nPour : \télu·es <elus@libertes-locales.example>\n\n"
                )
            elif c == "apple":
                block = (
                    f"Début du message réexpédié :\n\n> De: {sn} <{sa}>\n> Objet: {CALL_SUBJECT}\n> Date: {t0.day} "
                    f"{FR_MONTHS[t0.month - 1]} {t0.year} à {t0:%H:%M:%S} UTC+2\n> À: elus@libertes-locales.example\n> \n"
                )
                inner = q(inner)
            elif c == "zimbra":
                block = (
                    f'----- Mail transféré -----\nDe: "{sn}" <{sa}>\nÀ: elus@libertes-locales.example\nEnvoyé: '
                    f"{fr_long(t0, cap=True, secs=True)}\nObjet: {CALL_SUBJECT}\n\n"
                )
            else:
                block = (
                    f"________________________________\nDe : {sn} <{sa}>\nEnvoyé : {fr_long(t0)}\nÀ : elus@libertes-locales.example\n"
                    f"Objet : {CALL_SUBJECT}\n\n"
                )
            m = self.new(sh, c, dc, own, fsub + CALL_SUBJECT)
            self.body(m, f"{note}\n\n\n{block}{inner}", html=False)
            self.sign(m, sh, p)

    def mobile_terse(self):
        """One or two lines from a phone above the quoted call."""
        sh = "mobile_terse"
        clients = [
            "iphone",
            "samsung",
            "outlook_ios",
            "android_gmail",
            "orange_app",
            "iphone",
            "outlook_android",
            "ipad",
        ]
        for k in range(8):
            p = self.signer(("cm",), lambda p: p.commune_code not in PLM)
            r = role(p)
            ds, dc = display(p, "std"), display(p, "cased")
            text = [
                f"Je signe. {ds} CM {place(p)}",
                f"Ok pour signer. {dc}, {self.cm_short(p)} {place(p)}",
                f"Signé. {display(p, 'inv')} {r} {de_at(p)}",
                f"je signe\n{display(p, 'lower')}\n{noacc(r).lower()} {at_place(p, 'lower')}",
                f"Avec plaisir. {ds} ({self.cm_short(p)} {at_place(p, 'bare', 'paren')})",
                f"Je signe. {ds}, {e(p, 'concillier', 'concillère')} municipal {a_at(p)}",
                f"👍 je signe ! {dc} – {r} {de_at(p)}",
                f"Je signe cet appel\n{ds}\n{cap1(r)} {de_at(p, 'bare', 'paren')}",
            ][k]
            m = self.new(
                sh,
                clients[k],
                dc if k != 3 else "",
                self.addr(p, town=False),
                "Re: " + CALL_SUBJECT,
            )
            self.done(m, sh, p, text, reply=True, html=False)

    # ---------------------------------------------------------------- non-signing messages
    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [s for s in self.signed if not s[1].impostor and per[s[0].file] == 1]

    def question(self):
        sh = "question"
        qs = [
            "Bonjour,\n\nJe suis {r} : puis-je signer, ou l'appel est-il réservé aux conseils municipaux ?",
            "Bonjour,\n\nNotre commune n'a ni police municipale ni caméras. Ma signature a-t-elle un sens ? Je reviendrai vers vous.",
            "Bonjour,\n\nLa liste des signataires sera-t-elle publiée avec les mandats et les communes ? J'ai besoin de le savoir "
            "avant de signer.",
            "Bonjour,\n\nAvez-vous un modèle de vœu à présenter au conseil municipal ? Notre groupe voudrait le déposer en décembre.",
            "Bonjour,\n\nL'appel vise-t-il aussi la vidéoverbalisation ? Nous venons de l'installer ; si oui, je ne pourrai pas signer.",
            "Bonjour,\n\nQui finance votre collectif ? Je me déciderai après avoir lu vos statuts.",
            "Bonjour,\n\nPeut-on signer après le 15 novembre ? Notre conseil ne se réunit que le 20.",
        ]
        clients = [
            "gmail",
            "outlook_desktop",
            "zimbra",
            "thunderbird",
            "laposte",
            "outlook_web",
            "iphone",
        ]
        for k in range(7):
            p = self.take("ca") if k == 0 else self.take("cm", lambda p: p.commune_code not in PLM)
            text = qs[k].replace("{r}", ca_full(p) if p.kind == "ca" else f"{role(p)} {de_at(p)}")
            m = self.new(
                sh,
                clients[k],
                display(p, "cased"),
                self.addr(p),
                [
                    "Question",
                    "Re: " + CALL_SUBJECT,
                    "Publication des signatures",
                    "Modèle de vœu ?",
                    "Vidéoverbalisation",
                    "Votre collectif",
                    "Délai",
                ][k],
            )
            top = f"{text}\n\n{self.closing()}\n{self.sigblock(p) if k != 0 else display(p, 'std') + chr(10) + cap1(mandate(p))}"
            if k == 1:
                self.from_call(m, top)
            else:
                self.body(m, top)
            self.label(m, sh, "question", "nonsigning")
        # a question through the web form
        p = self.take("cm", lambda p: p.commune_code not in PLM)
        m = self.new(
            sh,
            "webform",
            "Villes sans VSA",
            f"noreply@{ORG_DOMAIN}",
            "Nouveau message depuis le formulaire du site",
        )
        mail = self.addr(p, town=False)
        m.extra = "Reply-To: " + enc_addr(m, display(p, "std"), mail)
        m.text = (
            f"Nouveau message depuis le formulaire du site\n\nNom : {p.nom}\nPrénom : {p.prenom}\nCourriel : {mail}\n"
            f"Mandat : Conseiller·e municipal·e\nCommune : {place(p)}\nCode postal : {postcode(p.commune_code)}\n"
            "Message : Avant de signer, je voudrais savoir si l'appel sera remis au ministère de l'Intérieur.\n"
        )
        self.label(m, sh, "question", "nonsigning")
        # a resident naming two councillors who will not sign
        st = RESIDENT
        a, b = self.commune_group(2, lambda x: x.fonction == "")
        m = self.new(
            sh,
            "orange",
            f"{st[0]} {nom_case(st[1])}",
            f"{slug(st[0])}.{slug(st[1])[:10]}@orange.fr",
            "Et les habitants ?",
        )
        self.body(
            m,
            f"Bonjour,\n\nJe suis {'habitante' if st[0] in FEM_STAFF else 'habitant'} {de_at(a)}. Nos conseillers municipaux "
            f"{display(a, 'std')} et {display(b, 'std')} ont voté en septembre l'achat de caméras « intelligentes » : ils ne "
            "signeront sûrement pas. Pourquoi votre appel ne s'adresse-t-il qu'aux élu·es ?\n\nCordialement",
        )
        self.label(m, sh, "other", "nonsigning")

    def thanks(self):
        rng, sh = self.rng, "thanks"
        one = self.one_signer_msgs()
        for k, (src, p, addr) in enumerate([one[7], one[40]]):
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
                sh,
                ["gmail", "apple"][k],
                display(p, "cased"),
                addr,
                "Re: Votre signature est enregistrée",
            )
            self.body(
                m,
                [
                    "Merci à vous ! Je fais suivre à mes collègues du conseil.",
                    "Parfait, merci. Bon courage pour la suite.",
                ][k],
                prev,
                self.confirmation(p),
            )
            self.label(m, sh, "thanks", "nonsigning", refers_to=src.file)
        p = self.take("cm", lambda p: "adjoint" in p.fonction and p.commune_code not in PLM)
        m = self.new(
            sh,
            "outlook_desktop",
            display(p, "cased"),
            self.addr(p, town=True),
            "RE: " + CALL_SUBJECT,
        )
        self.from_call(
            m,
            "Bonjour,\n\nJe ne signerai pas cet appel : notre commune participe à l'expérimentation et j'en défends le principe "
            f"devant le conseil.\n\nCordialement,\n{self.sigblock(p)}",
        )
        self.label(m, sh, "other", "nonsigning")
        p = self.take("cm", lambda p: p.commune_code not in PLM)
        m = self.new(sh, "roundcube", display(p, "cased"), self.addr(p), "Merci pour l'invitation")
        self.body(
            m,
            f"Bonjour,\n\nMerci pour l'invitation au webinaire du 4 novembre, j'y serai.\n\n{self.sigblock(p)}",
        )
        self.label(m, sh, "thanks", "nonsigning")
        a, b = self.commune_group(2, lambda x: True)
        m = self.new(sh, "free", display(a, "cased"), self.addr(a), "Re: Votre réponse")
        self.body(
            m,
            f"Merci pour votre réponse détaillée. Je transmets à {e(b, 'mon collègue', 'ma collègue')} {display(b, 'std')} "
            f"({role(b)}), qui décidera {e(b, 'lui-même', 'elle-même')}.\n\n{self.sigblock(a)}",
        )
        self.label(m, sh, "thanks", "nonsigning")

    def autoreply(self):
        sh = "autoreply"
        one = self.one_signer_msgs()
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        for k in range(6):
            if k == 5:
                m = self.new(
                    sh,
                    "plain",
                    "Mail Delivery System",
                    f"MAILER-DAEMON@mx.{ORG_DOMAIN}",
                    "Undelivered Mail Returned to Sender",
                    extra="Auto-Submitted: auto-replied",
                )
                m.text = (
                    f"This is the mail system at host mx.{ORG_DOMAIN}.\n\nI'm sorry to have to inform you that your message could not\n"
                    "be delivered to one or more recipients.\n\n<elus@mairie-fermee.example>: host not found\n\n"
                    f"--- original message headers ---\nSubject: [Relance] {CALL_SUBJECT}\n"
                )
                self.label(m, sh, "autoreply", "nonsigning")
                continue
            if k == 4:
                src, p, addr = one[30]
                m = self.new(
                    sh,
                    "outlook_desktop",
                    display(p, "cased"),
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
                    f"Je suis absent{e(p, '', 'e')} jusqu'au 2 novembre. Pour toute urgence, contactez la mairie.",
                    prev,
                    self.confirmation(p),
                    html=False,
                )
                self.label(m, sh, "autoreply", "nonsigning", refers_to=src.file)
                continue
            p = self.take("cm", lambda p: p.commune_code not in PLM)
            text = [
                f"Bonjour,\n\nJe suis en congé jusqu'au 26 octobre inclus. Votre message sera traité à mon retour.\n\n{self.sigblock(p)}",
                f"I am out of the office until 30 October. / Je suis absent{e(p, '', 'e')} jusqu'au 30 octobre.\n\n{self.sigblock(p)}",
                f"Accusé de réception\n\nVotre courriel a bien été reçu par le service des assemblées de la mairie {de_at(p)}. Il sera "
                f"transmis à {display(p, 'std')}, {role(p)}.\n\nCeci est un message automatique.",
                f"Message automatique : {display(p, 'cased')} est en congé maternité"
                if p.f
                else f"Message automatique : {display(p, 'cased')} ne consulte pas sa messagerie pendant la session du conseil",
            ][k]
            m = self.new(
                sh,
                ["outlook_desktop", "outlook_web", "zimbra", "gmail"][k],
                display(p, "cased") if k != 2 else f"Mairie {de_at(p)}",
                self.addr(p) if k != 2 else f"assemblees@{town_dom(p)}",
                [
                    "Réponse automatique : " + CALL_SUBJECT,
                    "Automatic reply: " + CALL_SUBJECT,
                    "Accusé de réception de votre courriel",
                    "Absence",
                ][k],
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, sh, "autoreply", "nonsigning")

    def newsletter(self):
        rng, sh = self.rng, "newsletter"
        bulk = "Precedence: bulk\nList-Unsubscribe: <mailto:leave-{L}@listes.{D}>"
        for k in range(5):
            ps = [self.take("cm", lambda p: p.commune_code not in PLM) for _ in range(3)]
            if k == 0:
                posts = "\n".join(
                    f"------------------------------\n\nMessage: {i + 2}\nDate: {fr_long(self.clock.t)}\nFrom: {display(x, 'cased')} "
                    f"<{addr_of(x, rng)}>\nSubject: Re: appel VSA\n\nJ'ai signé l'appel ce matin. {display(x, 'std')}, {mandate(x)}\n"
                    for i, x in enumerate(ps)
                )
                m = self.new(
                    sh,
                    "plain",
                    "",
                    "elus-libertes-request@listes.elus-libertes.example",
                    f"Digest elus-libertes, Vol 3, Parution {rng.randint(10, 40)}",
                    extra=bulk.replace("{L}", "elus-libertes").replace(
                        "{D}", "elus-libertes.example"
                    ),
                )
                m.text = (
                    "Envoyez vos messages pour la liste elus-libertes à\n\telus-libertes@listes.elus-libertes.example\n\n"
                    f"Thèmes du jour :\n\n   1. Budget 2027 (Rédaction)\n   2. Re: appel VSA (3 messages)\n\n{posts}\n"
                    "------------------------------\n\nFin de Digest elus-libertes, Vol 3\n"
                )
            elif k == 1:
                lst = "\n".join(f"• {display(x, 'std')}, {mandate(x)}" for x in ps)
                m = self.new(
                    sh,
                    "plain",
                    "La Lettre des libertés locales",
                    "lettre@libertes-locales.example",
                    "La Lettre des libertés locales – octobre 2026",
                    extra=bulk.replace("{L}", "lettre").replace("{D}", "libertes-locales.example"),
                )
                m.text = (
                    "LA LETTRE DES LIBERTÉS LOCALES – octobre 2026\n\nIls et elles ont pris la parole contre la VSA dans leur "
                    f"conseil municipal :\n{lst}\n\nAdhérez pour 15 € par an."
                )
            elif k == 2:
                lst = "; ".join(f"{display(x, 'cased')} ({mandate(x)})" for x in ps)
                m = self.new(
                    sh,
                    "plain",
                    "Revue de presse Sécurité & Libertés",
                    "revue@presse-libertes.example",
                    "Revue de presse du 19 octobre",
                    extra=bulk.replace("{L}", "revue").replace("{D}", "presse-libertes.example"),
                )
                m.text = (
                    "REVUE DE PRESSE – SÉCURITÉ & LIBERTÉS\n\nDans la presse régionale cette semaine, des conseillers municipaux "
                    f"s'expriment sur les caméras : {lst}.\n\nSe désinscrire : répondre STOP"
                )
            elif k == 3:
                g = self.commune_group(3, lambda x: x.fonction == "")
                G = self.group_name(g[0])
                lst = ", ".join(display(x, "std") for x in g)
                m = self.new(
                    sh,
                    "plain",
                    f"Groupe {G}",
                    f"lettre@{slug(G)[:24]}.example",
                    f"La lettre du groupe « {G} » – n° 4",
                    extra=bulk.replace("{L}", "lettre").replace("{D}", f"{slug(G)[:24]}.example"),
                )
                m.text = (
                    f"LA LETTRE DU GROUPE « {G.upper()} » – n° 4\n\nAu conseil municipal {de_at(g[0])} du 12 octobre, vos élu·es "
                    f"{lst} ont défendu le budget de la médiation.\n\nPour ne plus recevoir cette lettre : désinscription en ligne."
                )
            else:
                a = self.take("cm", lambda p: "adjoint" in p.fonction and p.commune_code not in PLM)
                m = self.new(
                    sh,
                    "plain",
                    f"Ville {de_at(a)}",
                    f"infolettre@{town_dom(a)}",
                    f"L'infolettre {de_at(a)} – octobre",
                    extra=bulk.replace("{L}", "infolettre").replace("{D}", town_dom(a)),
                )
                m.text = (
                    f"L'INFOLETTRE {noacc(de_at(a)).upper()}\n\nInauguration de la maison des associations le 24 octobre, en présence "
                    f"de {display(a, 'std')}, {role(a)}.\n\nMarché de Noël : inscriptions ouvertes."
                )
            self.label(m, sh, "newsletter", "nonsigning")

    def withdraw(self):
        sh = "withdraw"
        one = self.one_signer_msgs()
        picks = [one[3], one[21], one[44], one[63], one[85]]
        for k, (src, p, addr) in enumerate(picks):
            client = ["iphone", "gmail", "outlook_desktop", "thunderbird", "laposte"][k]
            text = [
                "Retirez mon nom s'il vous plaît.",
                f"Bonjour,\n\nAprès discussion avec mon groupe, je préfère retirer ma signature de l'appel.\n\n{display(p, 'std')}",
                "Bonjour,\n\nMerci de supprimer mon nom de la liste des signataires : je signerai le texte de notre association "
                "départementale.\n\nCordialement",
                "Finalement je retire ma signature, désolé·e.",
                f"Bonjour,\n\nJe retire ma signature (désaccord sur le point 1).\n\n{self.closing()}\n{display(p, 'cased')}",
            ][k]
            subj = [
                "Retrait",
                "Retrait de ma signature",
                "Suppression de mon nom",
                "Re: Votre signature est enregistrée",
                "Retrait de signature",
            ][k]
            m = self.new(sh, client, display(p, "cased"), addr, subj)
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
                self.body(m, text, prev, self.confirmation(p))
            else:
                self.body(m, text)
            self.label(m, sh, "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [
            (
                "Support Messagerie Mairie",
                "noreply@maj-boite-mairie.example",
                "Dernier avis : mise à jour de votre boîte",
                "Bonjour,\n\nVotre boîte sera désactivée ce soir. Confirmez votre mot de passe : http://maj-boite-mairie.example/login\n",
            ),
            (
                "VisioSûre Solutions",
                "contact@visiosure.example",
                "Caméras intelligentes : -20 % pour les communes",
                "Madame, Monsieur le conseiller municipal,\n\nDétection automatique des dépôts sauvages et des attroupements : "
                "demandez votre démonstration gratuite.\n",
            ),
            (
                "Service Amendes",
                "avis@antai-paiement.example",
                "Avis de contravention n° 7712-2026",
                "Bonjour,\n\nUne contravention est en attente de paiement. Réglez 35 € sous 72 h pour éviter la majoration.\n",
            ),
            (
                "Formation Élus Express",
                "info@formation-elus.example",
                "Votre DIF élu expire bientôt !",
                "Bonjour,\n\nUtilisez vos droits à formation avant le 31 décembre : 12 modules en ligne.\n",
            ),
            (
                "Mobilier Urbain Pro",
                "commercial@abris-voyageurs.example",
                "Abris et bancs : prix d'automne",
                "Bonjour,\n\nAbribus, bancs, panneaux d'information : profitez de nos prix d'automne. Catalogue sur demande.\n",
            ),
        ]
        for name, addr, subj, text in texts:
            m = self.new("spam", "plain", name, addr, subj)
            m.text = text
            self.label(m, "spam", "other", "nonsigning")

    def org_call(self, part: int):
        sh = "org_call"
        if part == 0:
            m = self.new(
                sh,
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
            self.label(m, sh, "other", "nonsigning")
            return
        if part == 1:
            ok = [s for s in self.signed if not s[1].impostor]
            sample = ok[4::11][:5]
            rows = "\n".join(f"- {display(p, 'std')} ({mandate(p)})" for _, p, _ in sample)
            text = (
                f"Bonjour à toutes et à tous,\n\nPoint d'étape : l'appel a déjà reçu plus de 120 signatures, dont :\n\n{rows}\n\n"
                f"Il reste jusqu'au 15 novembre pour signer : répondez à ce message avec vos nom, prénom, mandat et commune.\n\n{org_sig(0)}"
            )
            m = self.new(
                sh,
                "organisers",
                ORG_NAME,
                ORG_LIST,
                f"[Point d'étape] {CALL_SUBJECT}",
                extra=LIST_HEADERS,
            )
            m.to = "undisclosed-recipients:;"
            self.body(m, text, html=False)
            self.label(m, sh, "other", "nonsigning")
            text = (
                f"{ORGANISERS[1][0]},\n\nJ'ai relancé les six personnes qui n'avaient pas donné leur mandat. Les listes de groupes "
                f"sont à compter une signature par nom. On fait le point jeudi ?\n\n{ORGANISERS[0][0]}"
            )
            m = self.new(sh, "organisers", ORG_FULL[0], ORG_ADDR, "Pointage des signatures")
            m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
            self.body(m, text, html=False)
            self.label(m, sh, "other", "nonsigning")
            return
        st = self.staffer()
        text = (
            f"Bonjour,\n\nEn tant que {'modératrice' if st[0] in FEM_STAFF else 'modérateur'} de la liste elus-municipaux, je vous "
            f"signale que plusieurs réponses sont arrivées sur la liste au lieu de votre adresse. Je les ai fait suivre.\n\n"
            f"{st[0]} {nom_case(st[1])}\nModération des listes"
        )
        m = self.new(
            sh,
            "roundcube",
            f"{st[0]} {nom_case(st[1])}",
            f"moderation@listes.{ORG_DOMAIN}",
            "Réponses arrivées sur la liste",
        )
        self.body(m, text, html=False)
        self.label(m, sh, "other", "nonsigning")
        text = (
            f"Bonjour,\n\nIl reste trois semaines pour signer l'{CALL_TITLE[0].lower()}{CALL_TITLE[1:]} : la liste sera close "
            f"le 15 novembre à minuit. Si vous avez déjà signé, merci, et pardon pour ce rappel.\n\n{org_sig(1)}"
        )
        m = self.new(
            sh, "organisers", ORG_NAME, ORG_LIST, f"[Relance] {CALL_SUBJECT}", extra=LIST_HEADERS
        )
        m.to = "undisclosed-recipients:;"
        self.body(m, text, html=False)
        self.label(m, sh, "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        self.org_call(0)
        self.abbrev_mandate()
        self.delegation_adjoint()
        self.mobile_terse()
        self.opposition()
        self.reply_mandate()
        self.nouvel_elu()
        self.plm()
        self.web_form()
        self.conseiller_delegue()
        self.question()
        self.intercommunal()
        self.group_list()
        self.place_variants()
        self.org_call(1)
        self.collaborateur()
        self.commune_deleguee()
        self.html_only()
        self.forward_note()
        self.org_call(2)
        self.thanks()
        self.autoreply()
        self.newsletter()
        self.withdraw()
        self.spam()
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
    Builder().build()
