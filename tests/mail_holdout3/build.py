#!/usr/bin/env python3
"""Third held-out petition mailbox (tests/mail_holdout3): builder.

    python tests/mail_holdout3/build.py            # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts at a fixed date and
only moves forward, Message-IDs and MIME boundaries drawn from the generator. Reads the real 2026
RNE release (../shared/rne/release-2026), one 2022 mayors file of ../shared/rne/history (former
mayors) and the COG (../shared/cog) at build time; nothing of ../shared is copied into the
repository except, in the messages, the drawn people's name, sex, mandate and place. Birth dates
are read only to tell homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages of the two earlier
held-out corpora. Campaign: « Appel des élu·es pour une eau publique » (invented).
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
from collections import defaultdict
from dataclasses import dataclass
from email.header import Header
from pathlib import Path

SEED = 2026_0602
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_ADDR = "signatures@eau-publique-appel.example"
ORG_LIST = "appel-eau-publique@listes.eau-publique-appel.example"
ORG_NAME = "Appel pour une eau publique"
ORGANISERS = [("Gwenola", "TRÉBAOL-AMZALLAG"), ("Iñaki", "BERROGAIN-SCHLAEFLI")]  # invented; checked absent
CALL_TITLE = "Appel des élu·es pour une eau publique"
LABEL_COLS = ["message_file", "thread", "intent", "case", "shape", "nom", "prenom", "truth_kind", "truth_code_commune",
              "truth_code_departement", "expected", "impostor_type", "refers_to", "client", "encoding"]


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


PARTICLES = {"DE", "DU", "DES", "D'", "D’"}


def nom_case(nom: str) -> str:
    """« DE LA RONCIÈRE » -> « de La Roncière », « LE GOFF-KERBRAT » -> « Le Goff-Kerbrat », « LOZAC'H » -> « Lozac'h »."""
    out = []
    words = nom.split(" ")
    for i, w in enumerate(words):
        if w.upper() in ("DE", "DU", "DES") and i < len(words) - 1:
            out.append(w.lower())
            continue
        if w.upper() in ("ÉPOUSE", "EPOUSE"):
            out.append("épouse")
            continue
        parts = re.split(r"([-'’])", w)
        res = []
        for j, pt in enumerate(parts):
            if pt in ("-", "'", "’"):
                res.append(pt)
            elif j + 1 < len(parts) and parts[j + 1] in ("'", "’") and pt.upper() in ("D", "L") and i + j > 0 and pt.upper() == "D":
                res.append(pt.lower())
            elif j > 0 and parts[j - 1] in ("'", "’") and len(res) >= 2 and res[-2].upper() not in ("D", "L"):
                res.append(pt.lower())  # Lozac'h, Prod'homme
            else:
                res.append(pt[:1].upper() + pt[1:].lower())
        out.append("".join(res))
    return " ".join(out)


def initials(prenom: str) -> str:
    """« Jean-Pierre » -> « J.-P. », « Marie Claire » -> « M. C. »."""
    out = []
    for w in re.split(r"( |-)", prenom):
        if w in (" ", "-"):
            out.append(w)
        elif w:
            out.append(w[0].upper() + ".")
    return "".join(out).replace(" ", " ")


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ORD_EN = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


# --------------------------------------------------------------------------- places (COG)
COMMUNES = {c["code"]: c for c in json.loads((COG / "communes.json").read_text("utf-8")) if c.get("type") == "commune-actuelle"}
DEPTS = {d["code"]: d for d in json.loads((COG / "departements.json").read_text("utf-8"))}
REGIONS = {r["code"]: r for r in json.loads((COG / "regions.json").read_text("utf-8"))}
ARTICLE = {0: ("", "de "), 1: ("", "d'"), 2: ("Le ", "du "), 3: ("La ", "de la "), 4: ("Les ", "des "), 5: ("L'", "de l'")}


def de_place(name: str, tl) -> str:
    """« de Brest », « du Mans », « de la Manche », « d'Ercé »; name as the COG writes it (with its article)."""
    tl = tl or 0
    art, de = ARTICLE.get(tl, ("", "de "))
    if art and name.startswith(art):
        name = name[len(art):]
    return de + name


def a_place(name: str, tl) -> str:
    """« à Brest », « au Mans »."""
    tl = tl or 0
    if tl == 2 and name.startswith("Le "):
        return "au " + name[3:]
    if tl == 4 and name.startswith("Les "):
        return "aux " + name[4:]
    return "à " + name


def dept_name(code: str) -> str:
    return DEPTS[code]["nom"] if code in DEPTS else code


def de_dept(code: str) -> str:
    d = DEPTS.get(code)
    return de_place(d["nom"], d.get("typeLiaison")) if d else f"du {code}"


def postcode(code: str) -> str:
    c = COMMUNES.get(code)
    return c["codesPostaux"][0] if c and c.get("codesPostaux") else ""


# --------------------------------------------------------------------------- the registry
@dataclass(slots=True)
class P:
    kind: str  # mai cm cd cr ma ca; "" for impostors
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
    region_tl: int = 0
    section: str = ""
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
        for path in sorted(RELEASE.glob("*.csv")):
            kind = path.name.rsplit("-", 1)[-1].split(".")[0]
            for r in read_rows(path):
                nom, prenom = r.get("Nom de l'élu") or "", r.get("Prénom de l'élu") or ""
                k = ident(nom, prenom)
                self.births[k].add(birth_key(r.get("Date de naissance", "")))
                self.surnames[fold(nom)].add(fold(prenom))
                dep = r.get("Code du département") or r.get("Code de la section départementale") or ""
                dep = dep.zfill(2) if dep.isdigit() else dep
                if dep:
                    self.depts_of[k].add(dep)
                self.init_dep[(fold(nom), fold(initials(prenom)), dep)] += 1
                p = self.person(kind, r)
                if p and p.kind == "cm" and p.fonction.startswith("Maire délégué"):
                    p.kind = "mdel"
                if p:
                    self.pool[p.kind if p.kind != "cm" or not p.fonction.startswith("Maire délégué") else "mdel"].append(p)
                    if kind == "cm" and p.commune_code and p.kind == "cm":
                        self.by_commune[p.commune_code].append(p)

    @staticmethod
    def person(kind: str, r: dict) -> P | None:
        g = r.get
        base = dict(nom=g("Nom de l'élu"), prenom=g("Prénom de l'élu"), sexe=g("Code sexe"), fonction=g("Libellé de la fonction") or "")
        if kind in ("mai", "cm"):
            if kind == "cm" and base["fonction"] == "Maire":
                return None
            cc, dep = g("Code de la commune"), g("Code du département")
            c = COMMUNES.get(cc)
            if not c:
                return None
            return P(kind, **base, dep=dep, commune_code=cc, commune=c["nom"], tl=c.get("typeLiaison") or 0,
                     truth_commune=cc, truth_dep=dep)
        if kind == "cd":
            return P("cd", **base, dep=g("Code du département"), canton=g("Libellé du canton"), truth_dep=g("Code du département"))
        if kind == "cr":
            reg = REGIONS.get(g("Code de la région"), {})
            return P("cr", **base, region=reg.get("nom", g("Libellé de la région")), region_tl=reg.get("typeLiaison") or 0,
                     section=g("Libellé de la section départementale"), dep=g("Code de la section départementale"),
                     truth_dep=g("Code de la section départementale"))
        if kind == "ma":
            coll = g("Code de la collectivité à statut particulier")
            if coll not in ("69M", "94", "972", "973"):
                return None
            return P("ma", **base, coll=coll, dep=g("Code du département") or "", truth_dep=g("Code du département") or "")
        if kind == "ca":
            cc = g("Code de la commune")
            return P("ca", **base, dep=g("Code du département"), commune_code=cc, commune=g("Libellé de la commune"),
                     secteur=g("Libellé du secteur"), truth_commune=cc, truth_dep=g("Code du département"))
        return None

    def unique(self, p: P) -> bool:
        return len(self.births.get(ident(p.nom, p.prenom), ())) == 1

    def absent(self, nom: str, prenom: str) -> bool:
        return ident(nom, prenom) not in self.births


FIRST_F = ["Maïwenn", "Gaëlle", "Nolwenn", "Maite", "Ainhoa", "Laetitia", "Paola", "Odile", "Anne-Sophie", "Frédérique",
           "Rozenn", "Mathilde", "Josiane", "Chantal", "Armelle", "Ghislaine", "Marie-Laure", "Solange", "Pascale", "Régine"]
FIRST_M = ["Erwan", "Gwénaël", "Peio", "Xabier", "Jean-Baptiste", "Ange-Marie", "Tanguy", "Loïc", "Fabrice", "Gérard",
           "Jean-Yves", "Yvon", "Eric", "Bernard", "Michel", "Alain", "Christophe", "Hubert", "Joël", "Marc"]
INVENTED_NOMS = ["KERVADEC-LOZAHIC", "ETCHEBERRITOA", "ZIMMERLIN-WACKERMANN", "SANTUCCI-ORSONELLI", "LATCHOUMIAPIN",
                 "de MONTBRISAC", "LE QUÉMENEUR-DANIOU", "OYHENART-MIQUELTZ", "BRÉHONNEC", "DELASSUS-VERNHET",
                 "MOULLEC-TANGUERAY", "HOARAU-PAYETTINE"]
MAIDEN = ["MOREL", "LE GALL", "FONTAINE", "GIRAUD", "LEFEBVRE", "BRETON", "CHEVALIER", "ROUSSEL", "GUÉGUEN", "ETCHEVERRY"]


# --------------------------------------------------------------------------- mandates
def e(p: P, m: str, f: str) -> str:
    return f if p.f else m


def ordinal(n: int, p: P) -> str:
    if n == 1:
        return e(p, "1er", "1re")
    return f"{n}e"


def rank(fonction: str) -> int:
    m = re.match(r"(\d+)", fonction)
    return int(m[1]) if m else 0


DELEGATIONS = ["aux finances", "à l'eau et à l'assainissement", "à la transition écologique", "aux affaires scolaires",
               "à l'urbanisme", "à la vie associative", "aux travaux", "aux solidarités", "à la culture"]


def sector(p: P) -> tuple[str, int]:
    m = re.match(r"(Paris|Lyon|Marseille)\s+(?:Secteur\s+)?(\d+)", p.secteur)
    return (m[1], int(m[2])) if m else (p.commune, 0)


def coll_name(p: P) -> str:
    return {"69M": "Métropole de Lyon", "94": "Collectivité de Corse", "972": "Collectivité territoriale de Martinique",
            "973": "Collectivité territoriale de Guyane"}[p.coll]


def mandate(p: P, rng: random.Random, style: str = "std", with_place: bool = True) -> str:
    """How a signer writes their mandate. style: std (« conseillère municipale de X »), sentence (« je suis … »),
    title (no place: « Adjointe au maire »)."""
    place = de_place(p.commune, p.tl) if p.commune else ""
    f = p.fonction
    if p.kind == "mai":
        if style == "sentence":
            return rng.choice([f"je suis {e(p, 'maire', 'maire')} {place}", f"je suis {e(p, 'le maire', 'la maire')} {place}",
                               f"j'ai été {e(p, 'élu', 'élue')} {e(p, 'maire', 'maire')} {place} en mars dernier"])
        return "Maire" if style == "title" else rng.choice([f"maire {place}", f"{e(p, 'Maire', 'Maire')} {place}"])
    if p.kind == "mdel":
        if style == "sentence":
            return f"je suis {e(p, 'maire délégué', 'maire déléguée')} dans la commune nouvelle {place}"
        return e(p, "Maire délégué", "Maire déléguée") if style == "title" else f"{e(p, 'maire délégué', 'maire déléguée')} (commune nouvelle {place})"
    if p.kind == "cm":
        if "adjoint" in f:
            n = rank(f)
            deleg = rng.choice(DELEGATIONS)
            if style == "sentence":
                return rng.choice([f"je suis {e(p, 'adjoint', 'adjointe')} {deleg} dans la commune {place}",
                                   f"je suis {ordinal(n, p)} {e(p, 'adjoint', 'adjointe')} au maire {place}, {e(p, 'chargé', 'chargée')} des questions d'eau"])
            if style == "title":
                return f"{ordinal(n, p)} {e(p, 'adjoint', 'adjointe')} au maire"
            return rng.choice([f"{ordinal(n, p)} {e(p, 'adjoint', 'adjointe')} au maire {place}",
                               f"{e(p, 'adjoint', 'adjointe')} {deleg}, {p.commune}"])
        if p.commune_code == "75056":
            return ("je siège au Conseil de Paris" if style == "sentence"
                    else e(p, "conseiller de Paris", "conseillère de Paris"))
        v = rng.randrange(4)
        if style == "sentence":
            return [f"je suis {e(p, 'conseiller municipal', 'conseillère municipale')} {place}",
                    f"je siège au conseil municipal {place} depuis mars 2026",
                    f"je suis {e(p, 'élu', 'élue')} d'opposition au conseil municipal {place}",
                    f"je suis {e(p, 'conseiller municipal délégué', 'conseillère municipale déléguée')} {rng.choice(DELEGATIONS)} {a_place(p.commune, p.tl)}"][v]
        if style == "title":
            return [e(p, "Conseiller municipal", "Conseillère municipale"), e(p, "Conseiller municipal d'opposition", "Conseillère municipale d'opposition"),
                    e(p, "Conseiller municipal délégué", "Conseillère municipale déléguée"), e(p, "Conseiller municipal", "Conseillère municipale")][v]
        return [f"{e(p, 'conseiller municipal', 'conseillère municipale')} {place}",
                f"{e(p, 'conseiller municipal', 'conseillère municipale')} d'opposition {a_place(p.commune, p.tl)}",
                f"{e(p, 'conseiller municipal délégué', 'conseillère municipale déléguée')} {rng.choice(DELEGATIONS)} ({p.commune})",
                f"{e(p, 'élu', 'élue')} au conseil municipal {place}"][v]
    if p.kind == "cd":
        dd = de_dept(p.dep)
        if f.startswith("Président"):
            core = f"{e(p, 'président', 'présidente')} du conseil départemental {dd}"
        elif "Vice" in f:
            core = f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} du conseil départemental {dd}"
        else:
            core = f"{e(p, 'conseiller départemental', 'conseillère départementale')} {dd}"
        if style == "sentence":
            return rng.choice([f"je suis {core}", f"je suis {e(p, 'élu', 'élue')} du canton de {p.canton} au conseil départemental {dd}"])
        if style == "title":
            return core[0].upper() + core[1:]
        return core + rng.choice(["", f" (canton de {p.canton})"])
    if p.kind == "cr":
        rr = de_place(p.region, p.region_tl)
        if f.startswith("Président"):
            core = f"{e(p, 'président', 'présidente')} du conseil régional {rr}"
        elif "Vice" in f:
            core = f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} de la région {p.region}"
        else:
            core = f"{e(p, 'conseiller régional', 'conseillère régionale')} {rr}"
        if style == "sentence":
            return f"je suis {core}, {e(p, 'élu', 'élue')} sur la liste {de_dept(p.dep)}" if rng.random() < 0.5 else f"je siège au conseil régional {rr}"
        if style == "title":
            return core[0].upper() + core[1:]
        return core + rng.choice(["", f" ({dept_name(p.dep)})", f", section {de_dept(p.dep)}"])
    if p.kind == "ma":
        if p.coll == "69M":
            core = rng.choice([f"{e(p, 'conseiller métropolitain', 'conseillère métropolitaine')} de la Métropole de Lyon",
                               f"{e(p, 'élu', 'élue')} au conseil de la Métropole de Lyon"])
        elif p.coll == "94":
            core = rng.choice([f"{e(p, 'conseiller', 'conseillère')} à l'Assemblée de Corse", f"{e(p, 'membre', 'membre')} de l'Assemblée de Corse"])
        elif p.coll == "972":
            core = f"{e(p, 'conseiller', 'conseillère')} à l'Assemblée de Martinique"
        else:
            core = f"{e(p, 'conseiller', 'conseillère')} à l'Assemblée de Guyane"
        if style == "sentence":
            return f"je suis {core}"
        return core[0].upper() + core[1:] if style == "title" else core
    if p.kind == "ca":
        city, n = sector(p)
        if city == "Paris":
            where = "de Paris Centre" if n == 1 else f"du {n}e arrondissement de Paris"
        elif city == "Lyon":
            where = f"du {n}{'er' if n == 1 else 'e'} arrondissement de Lyon"
        else:
            where = f"du {n}e secteur de Marseille"
        core = f"{e(p, 'conseiller', 'conseillère')} d'arrondissement {where}" if city != "Marseille" else f"{e(p, 'conseiller', 'conseillère')} {where}"
        if style == "sentence":
            return f"je suis {e(p, 'élu', 'élue')} au conseil {where.replace('du ', 'du ', 1)}"
        return core[0].upper() + core[1:] if style == "title" else core
    # impostors: claims built from their fields
    if p.fonction == "Maire":
        return f"maire {place}" if style != "sentence" else f"je suis maire {place}"
    if style == "sentence":
        return f"je suis {e(p, 'conseiller municipal', 'conseillère municipale')} {place}"
    return f"{e(p, 'conseiller municipal', 'conseillère municipale')} {place}"


def dep_tag(code: str, form: str) -> str:
    if not code:
        return ""
    nm = dept_name(code)
    return {"paren": f"({code})", "bare": code, "dpt": f"dpt {code}", "dept": f"dépt. {code}", "name": nm,
            "paren_name": f"({nm})", "both": f"{code} - {nm}", "departement": f"département {de_dept(code)}"}[form]


def display(p: P, style: str) -> str:
    """Prénom NOM (std), NOM Prénom (inv), Prénom Nom (cased), initials (J.-P. NOM), lower (no accents)."""
    if style == "std":
        return f"{p.prenom} {p.nom}"
    if style == "inv":
        return f"{p.nom} {p.prenom}"
    if style == "cased":
        return f"{p.prenom} {nom_case(p.nom)}"
    if style == "initials":
        return f"{initials(p.prenom)} {p.nom}"
    if style == "initials_cased":
        return f"{initials(p.prenom)} {nom_case(p.nom)}"
    if style == "lower":
        return noacc(f"{p.prenom} {nom_case(p.nom)}").lower()
    raise ValueError(style)


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", noacc(s).lower()).strip("-")


def addr_of(p: P, rng: random.Random) -> str:
    fn, nm = slug(p.prenom).replace("-", ""), slug(p.nom.split(" ÉPOUSE")[0].split(" EPOUSE")[0]).replace("-", "")
    dom = rng.choice(["orange.fr", "laposte.net", "free.fr", "sfr.fr", "gmail.com", "proton.me", "hotmail.fr", "yahoo.fr", "wanadoo.fr"])
    local = rng.choice([f"{fn}.{nm}", f"{fn[0]}{nm}", f"{nm}.{fn}", f"{fn}{nm[:4]}{rng.randrange(10, 99)}"])
    return f"{local}@{dom}"


def official_addr(p: P, rng: random.Random) -> str:
    fn, nm = slug(p.prenom).replace("-", ""), slug(p.nom).replace("-", "")
    if p.commune and p.kind in ("mai", "cm", "mdel"):
        return f"{fn[0]}.{nm}@{'ville' if rng.random() < 0.5 else 'mairie'}-{slug(p.commune)}.fr"
    if p.kind == "cd":
        return f"{fn}.{nm}@cd{p.dep.lower()}.fr"
    if p.kind == "cr":
        return f"{fn}.{nm}@region-{slug(p.region)[:14]}.fr"
    return addr_of(p, rng)


# --------------------------------------------------------------------------- mail rendering
class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2026, 6, 2, 8, 47, tzinfo=dt.timezone(dt.timedelta(hours=2)))
        self.rng = rng

    def tick(self, lo=4, hi=95) -> dt.datetime:
        self.t += dt.timedelta(minutes=self.rng.randint(lo, hi), seconds=self.rng.randint(0, 59))
        if self.t.hour >= 23 or self.t.hour < 7:  # people and organisers sleep
            nxt = self.t if self.t.hour < 7 else self.t + dt.timedelta(days=1)
            self.t = nxt.replace(hour=7, minute=self.rng.randint(0, 59))
        return self.t


def rfc_date(t: dt.datetime) -> str:
    return f"{EN_DAYS[t.weekday()]}, {t.day:02d} {EN_MONTHS[t.month - 1]} {t.year} {t:%H:%M:%S} +0200"


def fr_date(t: dt.datetime) -> str:
    return f"{DAYS[t.weekday()]} {t.day} {MONTHS[t.month - 1]} {t.year} {t:%H:%M}"


def hx(rng, n, alphabet="0123456789abcdef"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def msgid(client: str, dom: str, rng) -> str:
    al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    if client in ("gmail", "gmail_en"):
        return f"<CAK{hx(rng, 8, al)}+{hx(rng, 24, al)}=={hx(rng, 6, al)}@mail.gmail.com>"
    if client == "proton":
        return f"<{hx(rng, 40, al)}=@proton.me>"
    if client == "samsung":
        return f"<{hx(rng, 12, '0123456789')}.{hx(rng, 8)}@email.android.com>"
    if client == "lotus":
        return f"<OF{hx(rng, 8, '0123456789ABCDEF')}.{hx(rng, 8, '0123456789ABCDEF')}-ON{hx(rng, 8, '0123456789ABCDEF')}@{dom}>"
    if client == "outlook_web":
        return f"<AM{hx(rng, 1, '0123456789')}P{hx(rng, 3, '0123456789')}MB{hx(rng, 4, '0123456789')}{hx(rng, 20, '0123456789ABCDEF')}@AM{hx(rng, 4, '0123456789')}.eurprd0{rng.randint(1, 9)}.prod.outlook.com>"
    if client == "laposte":
        return f"<{hx(rng, 6, '0123456789')}.{hx(rng, 10, '0123456789')}.JavaMail.root@wwinf{rng.randint(1000, 9999)}>"
    return f"<{hx(rng, 16)}.{hx(rng, 8)}@{dom}>"


def boundary(client: str, rng) -> str:
    if client in ("gmail", "gmail_en"):
        return f"000000000000{hx(rng, 16)}"
    if client == "proton":
        return f"b1_{hx(rng, 40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}"
    if client == "lotus":
        return f"=_alternative 00{hx(rng, 6, '0123456789ABCDEF')}C1258{hx(rng, 3, '0123456789ABCDEF')}_="
    if client == "outlook_web":
        return f"_000_AM{hx(rng, 30, '0123456789ABCDEF')}prod_"
    return f"----=_Part_{rng.randint(10000, 99999)}_{rng.randint(100000000, 999999999)}.{rng.randint(10**12, 10**13 - 1)}"


AGENTS = {"gmail": None, "gmail_en": None, "proton": None, "samsung": "X-Mailer: Samsung Mail",
          "lotus": "X-Mailer: IBM Notes Release 9.0.1FP10 SHF383 August 2019",
          "evolution": "User-Agent: Evolution 3.46.4-2", "outlook_web": "X-MS-Has-Attach: \nX-MS-TNEF-Correlator: ",
          "laposte": "X-Mailer: Webmail La Poste", "plain": None, "mutt": "User-Agent: NeoMutt/20220429",
          "infomaniak": "X-Mailer: Infomaniak Workspace (mail)"}


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
    text: str | None = None
    html: str | None = None
    cs: str = "utf-8"
    cte: str = "8bit"
    in_reply_to: str = ""
    references: str = ""
    extra: str = ""
    raw_body: bytes | None = None  # pre-built multipart body (bounce)
    raw_ctype: str = ""
    used_2047: bool = False

    @property
    def encoding(self) -> str:
        return f"{self.cs}/{self.cte}" + ("/2047" if self.used_2047 else "")


def enc_header(m: Mail, s: str) -> str:
    if all(ord(c) < 128 for c in s):
        return s
    m.used_2047 = True
    cs = m.cs if fits(s, m.cs) else "utf-8"
    return Header(s, cs, maxlinelen=76).encode()


def enc_addr(m: Mail, name: str, addr: str) -> str:
    if not name:
        return addr
    if all(ord(c) < 128 for c in name):
        return f'"{name}" <{addr}>' if re.search(r"[,.;:()]", name) else f"{name} <{addr}>"
    return f"{enc_header(m, name)} <{addr}>"


def body_bytes(text: str, cs: str, cte: str) -> bytes:
    if cte == "quoted-printable":
        return qp_encode(text, cs).encode("ascii") + b"\n"
    if cte == "base64":
        return base64.encodebytes(text.encode(cs))
    return text.encode(cs) + (b"" if text.endswith("\n") else b"\n")


def part_bytes(ctype: str, text: str, cs: str, cte: str) -> bytes:
    return (f"Content-Type: {ctype}; charset=\"{cs}\"\nContent-Transfer-Encoding: {cte}\n\n").encode() + body_bytes(text, cs, cte)


def render(m: Mail, rng) -> bytes:
    texts = [t for t in (m.text, m.html) if t is not None]
    if m.cs != "utf-8" and not all(fits(t, m.cs) for t in texts):
        m.cs = "utf-8"
    to = m.to or ORG_ADDR
    tm = re.match(r"(.+?) <(.+)>$", to)
    if tm:
        to = enc_addr(m, tm[1], tm[2])
    h = [f"From: {enc_addr(m, m.from_name, m.from_addr)}", f"To: {to}",
         f"Subject: {enc_header(m, m.subject)}", f"Date: {rfc_date(m.date)}", f"Message-ID: {m.mid}"]
    if m.in_reply_to:
        h += [f"In-Reply-To: {m.in_reply_to}", f"References: {m.references or m.in_reply_to}"]
    agent = AGENTS.get(m.client)
    if agent:
        h.append(agent)
    if m.extra:
        h.append(m.extra)
    h.append("MIME-Version: 1.0")
    if m.raw_body is not None:
        h.append(f"Content-Type: {m.raw_ctype}")
        body = m.raw_body
    elif m.text is not None and m.html is not None:
        b = boundary(m.client, rng)
        h.append(f'Content-Type: multipart/alternative; boundary="{b}"')
        body = (f"--{b}\n".encode() + part_bytes("text/plain", m.text, m.cs, m.cte) + f"\n--{b}\n".encode()
                + part_bytes("text/html", m.html, m.cs, m.cte) + f"\n--{b}--\n".encode())
    else:
        ctype = "text/plain" if m.text is not None else "text/html"
        h += [f'Content-Type: {ctype}; charset="{m.cs}"' + ("; format=flowed" if m.client == "proton" and ctype == "text/plain" else ""),
              f"Content-Transfer-Encoding: {m.cte}"]
        body = body_bytes(texts[0], m.cs, m.cte)
    head = "\n".join(h) + "\n\n"
    data = head.encode("ascii") + body
    if m.client == "lotus":
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return data


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_paras(text: str) -> str:
    return "".join(f"<div>{esc(line) if line else '<br>'}</div>\n" for line in text.split("\n"))


# --------------------------------------------------------------------------- quoting as each client does
def q(text: str, prefix: str = "> ") -> str:
    return "\n".join((prefix + line) if line else prefix.rstrip() for line in text.split("\n"))


def quote_block(prev: Mail, prev_text: str, client: str, me: str) -> str:
    t = prev.date
    who = f"{prev.from_name} <{prev.from_addr}>"
    if client == "gmail":
        return f"\n\nLe {DAYS[t.weekday()][:3]}. {t.day} {MONTHS[t.month - 1]} {t.year} à {t:%H:%M}, {who} a écrit :\n\n{q(prev_text)}\n"
    if client == "gmail_en":
        return f"\n\nOn {EN_DAYS[t.weekday()]}, {EN_MONTHS[t.month - 1]} {t.day}, {t.year} at {t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'} {who} wrote:\n\n{q(prev_text)}\n"
    if client == "proton":
        return (f"\n\n------- Original Message -------\nOn {EN_DAYS[t.weekday()]}day, {EN_MONTHS[t.month - 1]} {t.day}{ORD_EN.get(t.day, 'th')}, "
                f"{t.year} at {t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}, {who} wrote:\n\n{q(prev_text)}\n").replace("Tueday", "Tuesday").replace("Wedday", "Wednesday").replace("Thuday", "Thursday").replace("Satday", "Saturday")
    if client == "samsung":
        return (f"\n\n\n-------- Message d'origine --------\nDe : {who}\nDate : {t:%d/%m/%Y %H:%M} (GMT+01:00)\n"
                f"À : {me}\nObjet : {prev.subject}\n\n{prev_text}\n")
    if client == "lotus":
        return (f"\n\n\n\nDe :\t\"{prev.from_name}\" <{prev.from_addr}>\nA :\t{me}\nDate :\t{t:%d/%m/%Y %H:%M}\n"
                f"Objet :\t{prev.subject}\n\n\n\n{prev_text}\n")
    if client == "evolution":
        return f"\n\nLe {DAYS[t.weekday()]} {t.day:02d} {MONTHS[t.month - 1]} {t.year} à {t:%H:%M} +0200, {prev.from_name} a écrit :\n{q(prev_text)}\n"
    if client == "outlook_web":
        return (f"\n\n________________________________\nDe : {who}\nEnvoyé : {fr_date(t)}\nÀ : {me}\n"
                f"Objet : {prev.subject}\n\n{prev_text}\n")
    if client == "laposte":
        return (f"\n\n----- Mail d'origine -----\nDe: {who}\nÀ: {me}\nEnvoyé: {fr_date(t).capitalize()}:00\n"
                f"Objet: {prev.subject}\n\n{q(prev_text)}\n")
    if client == "infomaniak":
        return f"\n\n-------- Message initial --------\nDe : {who}\nDate : {t:%d/%m/%Y à %H:%M}\nObjet : {prev.subject}\n\n{q(prev_text)}\n"
    # plain, mutt
    return f"\n\n* {prev.from_name} <{prev.from_addr}> [{t:%Y-%m-%d %H:%M}]:\n{q(prev_text)}\n"


# --------------------------------------------------------------------------- the call and organisers' texts
CALL = f"""{CALL_TITLE}

Madame, Monsieur,

L'eau n'est pas une marchandise. Dans de nombreuses collectivités, les contrats de délégation du
service public de l'eau et de l'assainissement arrivent à échéance d'ici 2030. Nous, élu·es locaux
de toutes sensibilités, appelons à :

1. faire de la gestion publique (régie, SPL, syndicat) la règle pour les nouveaux contrats ;
2. garantir une tarification sociale et progressive, avec les premiers mètres cubes gratuits ;
3. protéger les captages et les zones humides, et associer les usagers aux décisions ;
4. donner aux petites communes les moyens techniques de reprendre leur service en main.

Pour signer, répondez simplement à ce message en indiquant vos nom, prénom et mandat
(commune, département, région ou collectivité). Les signatures sont vérifiées une à une
dans le Répertoire national des élus avant publication, le 30 juin 2026.

Merci de relayer cet appel auprès de vos collègues.

Pour le collectif,
{ORGANISERS[0][0]} {ORGANISERS[0][1]} et {ORGANISERS[1][0]} {ORGANISERS[1][1]}
Appel pour une eau publique — {ORG_ADDR}"""

CALL_SUBJECT = f"{CALL_TITLE} — signez avant le 30 juin"


def org_sig(i: int) -> str:
    fn, nm = ORGANISERS[i]
    return f"--\n{fn} {nm.title() if i else nm}\npour l'{CALL_TITLE}\n{ORG_ADDR}"


# --------------------------------------------------------------------------- the builder
ENCODINGS = [("utf-8", "8bit"), ("utf-8", "quoted-printable"), ("utf-8", "base64"), ("iso-8859-1", "8bit"),
             ("iso-8859-1", "quoted-printable"), ("windows-1252", "8bit"), ("windows-1252", "quoted-printable"), ("iso-8859-15", "8bit")]
CLIENTS = ["gmail", "gmail", "proton", "samsung", "lotus", "evolution", "outlook_web", "laposte", "infomaniak", "mutt"]
CLOSINGS = ["Cordialement,", "Bien cordialement,", "Bien à vous,", "Salutations républicaines,", "Amitiés,", "Bonne journée,", "Belle journée à vous,"]


class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.reg = Registry()
        for _fn, nm in ORGANISERS:
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
        self.first_signers: list[P] = []

    # ---------------------------------------------------------------- drawing
    def take(self, kind: str, pred=lambda p: True) -> P:
        pool = self.reg.pool[kind]
        for _ in range(60000):
            p = pool[self.rng.randrange(len(pool))]
            k = ident(p.nom, p.prenom)
            if k in self.used or not p.nom or not p.prenom or len(p.nom) > 30 or not self.reg.unique(p) or not pred(p):
                continue
            self.used.add(k)
            return p
        raise RuntimeError(f"no {kind}")

    def official(self, kinds=None, pred=lambda p: True) -> P:
        kinds = kinds or ("cm", "cm", "cm", "cm", "mai", "mai", "cd", "cr", "ma", "ca", "cm", "mdel")
        return self.take(self.rng.choice(kinds), pred)

    def signer(self, kinds=None, pred=lambda p: True, surname_pred=None) -> P:
        self.slot += 1
        if self.slot % 5 == 0:
            return self.impostor(surname_pred=surname_pred)
        return self.official(kinds, pred)

    def impostor(self, t: str | None = None, surname_pred=None, commune_code: str | None = None) -> P:
        t = t or self.imp_cycle[self.n_imp % 4]
        self.n_imp += 1
        rng, reg = self.rng, self.reg
        if t == "other_first":
            if commune_code:
                cands = [p for p in reg.by_commune[commune_code] if "adjoint" not in p.fonction] or reg.by_commune[commune_code]
                real = cands[rng.randrange(len(cands))]
            else:
                real = self.take("cm", (lambda p: surname_pred(p.nom)) if surname_pred else (lambda p: True))
            firsts = FIRST_F if real.f else FIRST_M
            for fn in rng.sample(firsts, len(firsts)):
                if fold(fn) not in reg.surnames[fold(real.nom)]:
                    return P("", real.nom, fn, real.sexe, dep=real.dep, commune_code=real.commune_code, commune=real.commune,
                             tl=real.tl, impostor=t)
        if t == "mayor_elsewhere":
            real = self.take("mai", lambda p: not p.dep.startswith("97") and (surname_pred is None or surname_pred(p.nom)))
            mine = reg.depts_of[ident(real.nom, real.prenom)]
            for _ in range(500):
                o = reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))]
                if o.dep not in mine and not o.dep.startswith("97"):
                    return P("", real.nom, real.prenom, real.sexe, dep=o.dep, commune_code=o.commune_code, commune=o.commune,
                             tl=o.tl, fonction="Maire", impostor=t)
        if t == "invented":
            for _ in range(300):
                nom = rng.choice(INVENTED_NOMS)
                sexe = rng.choice("FM")
                fn = rng.choice(FIRST_F if sexe == "F" else FIRST_M)
                if fold(nom) not in reg.surnames and ident(nom, fn) not in self.used:
                    self.used.add(ident(nom, fn))
                    o = reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))]
                    return P("", nom, fn, sexe, dep=o.dep, commune_code=o.commune_code, commune=o.commune, tl=o.tl, impostor=t)
        if t == "former_2022":
            if self._former is None:
                self._former = []
                for r in read_rows(HISTORY_MAIRES, "cp1252"):
                    nom, fn = r["Nom de l'élu"], r["Prénom de l'élu"]
                    cc = r["Code de la commune"]
                    if reg.absent(nom, fn) and len(nom) < 22 and cc in COMMUNES and fold(nom) not in reg.surnames:
                        c = COMMUNES[cc]
                        self._former.append(P("", nom, fn, r["Code sexe"], dep=r["Code du département"], commune_code=cc,
                                              commune=c["nom"], tl=c.get("typeLiaison") or 0, fonction="Maire", impostor=t))
            for _ in range(500):
                p = self._former[rng.randrange(len(self._former))]
                if ident(p.nom, p.prenom) not in self.used and not p.dep.startswith("97"):
                    self.used.add(ident(p.nom, p.prenom))
                    return p
        raise RuntimeError(t)

    # ---------------------------------------------------------------- messages and labels
    def new(self, shape: str, client: str, from_name: str, from_addr: str, subject: str, **kw) -> Mail:
        self.n += 1
        cs, cte = kw.pop("enc", None) or self.rng.choice(ENCODINGS)
        dom = from_addr.split("@")[-1]
        m = Mail(file=f"{self.n:03d}-{shape}.eml", client=client, from_name=from_name, from_addr=from_addr, subject=subject,
                 date=self.clock.tick(), mid=msgid(client, dom, self.rng), cs=cs, cte=cte, **kw)
        self.mails.append(m)
        return m

    def label(self, m: Mail, shape: str, intent: str, case: str, p: P | None = None, thread: str | None = None, refers_to: str = ""):
        row = dict.fromkeys(LABEL_COLS, "")
        row.update(message_file=m.file, thread=thread or m.file[:-4], intent=intent, case=case, shape=shape, client=m.client,
                   refers_to=refers_to, expected="no_signer")
        if p is not None:
            row.update(nom=p.nom, prenom=p.prenom, case="impostor" if p.impostor else "official",
                       expected="not_verified" if p.impostor else "verified", impostor_type=p.impostor)
            if not p.impostor:
                row.update(truth_kind="cm" if p.kind == "mdel" else p.kind, truth_code_commune=p.truth_commune, truth_code_departement=p.truth_dep)
        row["_mail"] = m
        self.labels.append(row)

    def sign(self, m: Mail, shape: str, p: P, addr: str | None = None, thread: str | None = None, intent: str = "signs"):
        self.label(m, shape, intent, "", p, thread)
        self.signed.append((m, p, addr or m.from_addr))

    def case(self, p: P) -> str:
        return "impostor" if p.impostor else "official"

    def closing(self) -> str:
        return self.rng.choice(CLOSINGS)

    def reply_subject(self, client: str, subj: str) -> str:
        return ("RE: " if client in ("outlook_web", "lotus") else "Re: ") + subj

    # ---------------------------------------------------------------- shapes
    def quoted_call(self):
        """Replies to the mass mailing, the whole call quoted below (plain or HTML)."""
        rng = self.rng
        call_mail = Mail("", "evolution", ORG_NAME, ORG_LIST, CALL_SUBJECT, dt.datetime(2026, 6, 1, 18, 30, tzinfo=self.clock.t.tzinfo), "")
        for k in range(10):
            p = self.signer()
            client = ["gmail", "outlook_web", "samsung", "lotus", "laposte", "proton", "gmail", "evolution", "infomaniak", "gmail_en"][k]
            addr = official_addr(p, rng) if k % 3 == 0 else addr_of(p, rng)
            name = display(p, rng.choice(["std", "cased", "inv"]))
            mand = mandate(p, rng)
            if p.kind in ("mai", "cm", "mdel", "") and rng.random() < 0.5:
                mand += f" {dep_tag(p.dep, rng.choice(['paren', 'paren_name']))}"
            top = [
                f"Je signe.\n\n{name}\n{mand[0].upper() + mand[1:]}",
                f"Bonjour,\n\nVous pouvez ajouter mon nom : {name}, {mand}.\n\n{self.closing()}",
                f"Signé !\n{name} — {mand}",
                f"Bonsoir,\nBien volontiers. {name}, {mand}.\nBon courage pour la suite.",
                f"OK pour moi.\n\n--\n{name}\n{mand[0].upper() + mand[1:]}",
                f"Bonjour,\n\nJe m'associe à cet appel.\n\n{name}\n{mand}\n\nSent with Proton Mail secure email.",
                f"Avec plaisir, je signe l'appel en tant que {mand}.\n{name}",
                f"Bonjour,\nJe soutiens cet appel et je le signe.\n{name}, {mand}\n{self.closing()}",
                f"Bonjour à vous deux,\nje signe : {name} ({mand})",
                f"Count me in — je signe.\n{name}\n{mand}",
            ][k]
            quoted = quote_block(call_mail, CALL, client, addr)
            m = self.new("quoted_call", client, name if k % 2 else noacc(name) if k == 4 else name, addr,
                         self.reply_subject(client, CALL_SUBJECT), text=top + quoted)
            if client in ("gmail", "outlook_web", "proton") and k % 2 == 0:
                qh = esc(CALL).replace("\n", "<br>\n")
                m.html = (f"<div dir=\"ltr\">{html_paras(top)}</div><br><div class=\"gmail_quote\"><blockquote class=\"gmail_quote\" "
                          f"style=\"margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex\">{qh}</blockquote></div>\n")
            m.to = ORG_LIST
            self.sign(m, "quoted_call", p, addr)

    def html_table(self):
        rng = self.rng
        for k in range(8):
            p = self.signer()
            client = ["gmail", "outlook_web", "infomaniak", "proton", "gmail", "laposte", "outlook_web", "evolution"][k]
            addr = addr_of(p, rng)
            place = p.commune or (coll_name(p) if p.kind == "ma" else p.region if p.kind == "cr" else dept_name(p.dep))
            title = mandate(p, rng, "title")
            cells = [("Nom", p.nom), ("Prénom", p.prenom), ("Mandat", title), ("Collectivité", place), ("Département", dep_tag(p.dep, "both") if p.dep else "")]
            if k % 2 == 0:
                html_t = ("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">\n<tr>"
                          + "".join(f"<th>{esc(a)}</th>" for a, _ in cells) + "</tr>\n<tr>"
                          + "".join(f"<td>{esc(b)}</td>" for _, b in cells) + "</tr>\n</table>")
                flat = "\t".join(a for a, _ in cells) + "\n" + "\t".join(b for _, b in cells)
            else:
                html_t = ("<table style=\"font-family:Calibri\">\n"
                          + "".join(f"<tr><td style=\"width:120px\"><b>{esc(a)}</b></td><td>{esc(b)}</td></tr>\n" for a, b in cells) + "</table>")
                flat = "\n".join(f"{a}\n{b}" for a, b in cells)
            intro = ["Bonjour,", "Madame, Monsieur,", "Bonjour,", "Hello,", "Bonjour,", "Bonjour,", "Bonjour à l'équipe,", "Bonjour,"][k]
            lead = rng.choice(["Je souhaite signer l'appel, voici mes coordonnées :", "Ci-dessous ma signature pour l'appel :",
                               "Comme demandé, mes informations :", "Je signe, voici le tableau rempli :"])
            html = (f"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>\n"
                    f"<p>{esc(intro)}</p>\n<p>{esc(lead)}</p>\n{html_t}\n<p>{esc(self.closing())}</p>\n</body></html>\n")
            text = f"{intro}\n\n{lead}\n\n{flat}\n\n{self.closing()}\n" if k in (0, 2, 4, 6) else None
            m = self.new("html_table", client, display(p, "std") if k % 2 else "", addr, rng.choice([CALL_TITLE, "Signature appel eau", "signature"]),
                         text=text, html=html)
            self.sign(m, "html_table", p, addr)

    def majority_list(self):
        rng = self.rng
        for k in range(6):
            def good(mayor: P, k=k) -> bool:
                others = [o for o in self.reg.by_commune[mayor.commune_code]
                          if self.reg.unique(o) and ident(o.nom, o.prenom) not in self.used and o.kind == "cm" and not o.fonction.startswith("Maire")]
                return len(others) >= 6 and not mayor.dep.startswith("97") or (k == 5 and mayor.dep.startswith("97") and len(others) >= 6)
            self.slot += 1
            mayor = self.take("mai", good)
            others = [o for o in self.reg.by_commune[mayor.commune_code]
                      if self.reg.unique(o) and ident(o.nom, o.prenom) not in self.used and not o.fonction.startswith("Maire")]
            adj = [o for o in others if "adjoint" in o.fonction]
            plain = [o for o in others if not o.fonction]
            group = sorted(rng.sample(adj, min(len(adj), rng.randint(1, 3))), key=lambda o: rank(o.fonction)) + rng.sample(plain, min(len(plain), rng.randint(1, 2)))
            for o in group:
                self.used.add(ident(o.nom, o.prenom))
            members = list(group)
            if k in (1, 4):
                imp = self.impostor("other_first", commune_code=mayor.commune_code)
                members.insert(rng.randrange(1, len(members) + 1), imp)
            place = de_place(mayor.commune, mayor.tl)
            lines = []
            for o in members:
                nm = display(o, "std" if k % 2 == 0 else "cased")
                if o.impostor:
                    role = e(o, "conseiller municipal", "conseillère municipale")
                elif "adjoint" in o.fonction:
                    role = f"{ordinal(rank(o.fonction), o)} {e(o, 'adjoint', 'adjointe')}" + rng.choice(["", f" {rng.choice(DELEGATIONS)}"])
                else:
                    role = rng.choice([e(o, "conseiller municipal", "conseillère municipale"), e(o, "conseiller municipal délégué", "conseillère municipale déléguée")])
                lines.append((nm, role))
            head = [f"Les élu·es de la majorité municipale {place} signent l'appel :",
                    f"Bonjour,\n\nNotre groupe majoritaire au conseil municipal {place} ({dep_tag(mayor.dep, 'bare')}) souhaite signer collectivement. Voici la liste :",
                    f"Chers amis,\n\nÀ l'issue de notre réunion de majorité d'hier soir, les élus suivants {place} m'ont demandé de vous transmettre leur signature :",
                    f"Bonjour,\nsignatures pour la commune {place} :",
                    f"Madame, Monsieur,\n\nL'équipe municipale {place} ({dept_name(mayor.dep)}) s'associe à l'appel. Signataires :",
                    f"Bonjour,\n\nLes élus de la majorité {place} signent l'appel pour une eau publique :"][k]
            if k % 3 == 0:
                body = "\n".join(f"- {nm}, {role}" for nm, role in lines)
            elif k % 3 == 1:
                body = "\n".join(f"  * {nm} ({role})" for nm, role in lines)
            else:
                body = "\n".join(f"{nm} – {role}" for nm, role in lines)
            me = display(mayor, "std")
            sig = rng.choice([f"{me}\n{e(mayor, 'Maire', 'Maire')} {place}",
                              f"Pour la majorité municipale,\n{e(mayor, 'Le Maire', 'La Maire')},\n{me}"])
            if k % 2 == 0:
                text = f"{head}\n\n- {me}, {e(mayor, 'maire', 'maire')}\n{body}\n\n{self.closing()}\n\n{sig}"
            else:
                text = f"{head}\n\n{body}\n\net moi-même.\n\n{self.closing()}\n{sig}"
            client = rng.choice(["outlook_web", "lotus", "gmail", "laposte"])
            addr = official_addr(mayor, rng)
            m = self.new("majority_list", client, f"{e(mayor, 'M.', 'Mme')} {display(mayor, 'cased')}" if k % 2 else display(mayor, "std"), addr,
                         rng.choice([f"Signatures - majorité municipale {place}", f"Appel eau publique : élus {place}"]), text=text)
            self.sign(m, "majority_list", mayor, addr)
            for o in members:
                self.label(m, "majority_list", "signs", "", o)

    def particles(self):
        rng = self.rng
        pat = re.compile(r"^(DE |DE LA |DU |DES |LE |LA |D'|L')|-| (DE|DU|LE|LA) ")
        for k in range(8):
            p = self.signer(("cm", "cm", "mai", "cd", "cr", "ca"), lambda p: bool(pat.search(p.nom)) and "POUSE" not in p.nom,
                            surname_pred=lambda n: bool(pat.search(n)) and "POUSE" not in n)
            addr = addr_of(p, rng)
            nm = display(p, ["cased", "cased", "std", "cased", "inv", "cased", "cased", "std"][k])
            mand = mandate(p, rng)
            text = [f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{mand}",
                    f"Madame, Monsieur,\n\nJe vous prie d'enregistrer ma signature : {nm}, {mand}.\n\n{self.closing()}\n{nm}",
                    f"Bonjour, je signe. {nm} - {mand}",
                    f"Bonjour,\n\nAu nom de mes convictions, je signe cet appel.\n\n{self.closing()}\n\n{nm}\n{mand[0].upper() + mand[1:]}",
                    f"Signature : {nm}\nMandat : {mand}",
                    f"Bonjour,\nJe signe l'appel pour l'eau publique.\n{nm}, {mand}",
                    f"Bien volontiers.\n\n{nm}\n({mand})",
                    f"Bonjour,\n\nMerci pour cette initiative, je signe : {nm}, {mand}.\n\n{self.closing()}"][k]
            client = CLIENTS[k % len(CLIENTS)]
            m = self.new("particles", client, display(p, "cased"), addr, rng.choice([CALL_TITLE, "Je signe", "Signature de l'appel"]), text=text)
            self.sign(m, "particles", p, addr)

    def initials_shape(self):
        rng = self.rng

        def pred(p: P) -> bool:
            return self.reg.init_dep[(fold(p.nom), fold(initials(p.prenom)), p.dep)] == 1 and len(p.prenom) > 2

        for k in range(6):
            hy = k < 4
            p = self.signer(("cm", "mai", "cd", "cm"), lambda p, hy=hy: pred(p) and (("-" in p.prenom) == hy))
            addr = addr_of(p, rng)
            nm = display(p, "initials" if k % 2 == 0 else "initials_cased")
            mand = mandate(p, rng)
            text = [f"Bonjour,\n\nJe signe : {nm}, {mand}.\n\nCdlt",
                    f"Je m'associe à l'appel.\n\n{nm}\n{mand}",
                    f"Bonjour,\n\nSignature pour l'appel :\n{nm} ({mand})\n\n{self.closing()}",
                    f"{nm}, {mand}, signe l'appel pour une eau publique.",
                    f"Bonjour,\nje signe l'appel.\n{self.closing()}\n{nm}\n{mand}",
                    f"Pour l'appel : {nm} — {mand}."][k]
            client = ["lotus", "outlook_web", "laposte", "mutt", "samsung", "gmail"][k]
            m = self.new("initials", client, nm if k % 2 else "", addr, rng.choice(["Appel eau", "Signature", CALL_TITLE]), text=text)
            self.sign(m, "initials", p, addr)

    def married(self):
        rng = self.rng
        for k in range(6):
            if k < 3:
                self.slot += 1
                p = self.official(("cm", "cm", "mai"), lambda p: "POUSE" in p.nom and p.f and " " not in p.nom.split("POUSE")[1].strip())
                a, b = re.split(r"\s+[ÉE]POUSE\s+", p.nom)
                nm = [f"{p.prenom} {a} épouse {b}", f"{p.prenom} {nom_case(a)} ép. {nom_case(b)}", f"Mme {a} ÉPOUSE {b} {p.prenom}"][k]
                addr = addr_of(P("", b, p.prenom, "F"), rng)
            else:
                p = self.signer(("cm", "cm", "mai", "cd"), lambda p: p.f and " " not in p.nom and "-" not in p.nom)
                maiden = rng.choice([x for x in MAIDEN if fold(x) != fold(p.nom)])
                nm = [f"{p.prenom} {p.nom} (née {maiden})", f"{p.prenom} {nom_case(p.nom)}, née {nom_case(maiden)}",
                      f"{p.prenom} {maiden} épouse {p.nom}" if p.impostor else f"{p.prenom} {p.nom} née {maiden}"][k - 3]
                if not p.f:
                    nm = display(p, "std")
                addr = addr_of(p, rng)
            mand = mandate(p, rng)
            text = [f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{mand}\n",
                    f"Bonjour,\n\nVeuillez noter ma signature : {nm}, {mand}.\n\n{self.closing()}",
                    f"Madame, Monsieur,\n\nJe soussignée {nm}, {mand}, déclare signer l'{CALL_TITLE}.\n\n{self.closing()}",
                    f"Bonjour,\nje signe.\n{nm}\n{mand}",
                    f"Je signe l'appel : {nm}, {mand}.",
                    f"Bonjour,\n\nsignature : {nm} — {mand}\n\n{self.closing()}"][k]
            m = self.new("married", CLIENTS[(k * 3) % len(CLIENTS)], nm.replace("Mme ", ""), addr, rng.choice(["Signature appel", CALL_TITLE]), text=text)
            self.sign(m, "married", p, addr)

    def regional(self):
        rng = self.rng
        areas = [("29", "22", "56", "35"), ("64",), ("2A", "2B"), ("67", "68"), ("971", "972", "973", "974", "976"),
                 ("29", "56"), ("64",), ("2A", "2B"), ("67", "68"), ("974", "971")]
        greet = {"29": ("Demat,", "Trugarez"), "22": ("Demat,", "Trugarez"), "56": ("Demat,", "Trugarez bras"), "35": ("Bonjour,", "Trugarez"),
                 "64": ("Kaixo,", "Milesker"), "2A": ("Bonghjornu,", "À ringrazià vi"), "2B": ("Bonghjornu,", "Grazie"),
                 "67": ("Bonjour,", "Merci vielmols"), "68": ("Salü,", "Merci vielmols"), "971": ("Bonjou,", "Mèsi"),
                 "972": ("Bonjou,", "Mèsi anpil"), "973": ("Bonjour,", "Mèsi"), "974": ("Bonjour,", "Mersi"), "976": ("Bonjour,", "Marahaba")}
        for k in range(10):
            deps = areas[k]
            kinds = ("cm", "mai", "cm", "cd") if k not in (2, 4) else ("cm", "mai", "ma")

            def pred(p, deps=deps):
                if p.kind == "ma":
                    return (p.coll == "94" and deps[0] == "2A") or (p.coll in ("972", "973") and deps[0] == "971")
                return p.dep in deps
            p = self.signer(kinds, pred)
            g = greet.get(p.dep if p.dep in greet else deps[0], ("Bonjour,", "Merci"))
            if p.kind == "ma" and p.coll == "94":
                g = greet["2A"]
            addr = addr_of(p, rng)
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            mand = mandate(p, rng)
            if p.kind in ("cm", "mai", "mdel", "") and k % 2:
                mand += f" ({dep_tag(p.dep, 'bare')})"
            text = [f"{g[0]}\n\nJe signe l'appel pour l'eau publique.\n\n{nm}\n{mand}\n\n{g[1]} !",
                    f"{g[0]}\n\nVous pouvez compter sur ma signature : {nm}, {mand}.\n\n{g[1]},\n{nm.split(' ')[0]}",
                    f"{g[0]} je signe. {nm}, {mand}. {g[1]}",
                    f"{g[0]}\n\n{g[1]} pour cet appel. Je le signe :\n{nm}\n{mand[0].upper() + mand[1:]}"][k % 4]
            m = self.new("regional", CLIENTS[(k * 7) % len(CLIENTS)], display(p, "cased"), addr, rng.choice(["Appel eau publique", "signature", CALL_TITLE]), text=text)
            self.sign(m, "regional", p, addr)

    def sentence(self):
        rng = self.rng
        for k in range(10):
            p = self.signer(("mdel",) if k in (1, 6) else None)
            addr = addr_of(p, rng)
            nm = display(p, rng.choice(["std", "cased"]))
            s = mandate(p, rng, "sentence")
            if p.kind in ("mai", "cm", "mdel", "") and k % 3 == 0 and p.commune_code != "75056":
                dd = de_dept(p.dep)
                s += ", " + (dd.replace("de la ", "dans la ", 1).replace("de l'", "dans l'", 1).replace("du ", "dans le ", 1)
                             .replace("des ", "dans les ", 1) if not dd.startswith("de ") else "à " + dd[3:])
            text = [f"Bonjour,\n\nJe m'appelle {nm} et {s}. Je souhaite signer votre appel.\n\n{self.closing()}",
                    f"Bonjour,\n\n{s[0].upper() + s[1:]} et je signe volontiers l'appel.\n\n{nm}",
                    f"Madame, Monsieur,\n\nÉlue locale, {s}. Je partage entièrement vos constats sur la gestion de l'eau et je vous demande d'ajouter mon nom, {nm}, à la liste des signataires.\n\n{self.closing()}",
                    f"Bonjour,\nMoi c'est {nm}, {s} depuis peu. Je signe !\nBonne continuation",
                    f"Bonsoir,\n\n{s[0].upper() + s[1:]}. À ce titre je signe l'appel.\n\n{self.closing()}\n{nm}",
                    f"Bonjour,\n\nJe signe l'appel. Pour information, {s}.\n\n{nm}",
                    f"Bonjour à vous,\n\nJ'ai reçu votre appel par une collègue. {s[0].upper() + s[1:]} et je signe.\n\n{nm}",
                    f"Bonjour,\n\n{nm}. {s[0].upper() + s[1:]}. Je signe l'appel pour une eau publique.",
                    f"Bonjour,\n\nJe tiens à signer cet appel : {s}, et la question de la régie est au cœur de notre mandat.\n\n{self.closing()}\n\n{nm}",
                    f"Bonjour,\nje vous confirme que je signe, {s}.\n{nm}"][k]
            if k == 2 and not p.f:
                text = text.replace("Élue locale", "Élu local")
            m = self.new("sentence", CLIENTS[(k * 3 + 1) % len(CLIENTS)], display(p, "std") if k % 2 else display(p, "cased"), addr,
                         rng.choice(["Je signe l'appel", "Signature", "appel eau publique", CALL_TITLE]), text=text)
            self.sign(m, "sentence", p, addr)

    def address_block(self):
        rng = self.rng
        streets = ["1 place de la République", "2 place de la Mairie", "12 rue de l'Église", "Place du Général de Gaulle",
                   "3 rue de la Mairie", "Place de l'Hôtel de Ville", "10 Grand'Rue", "5 place Charles de Gaulle"]
        for k in range(8):
            cd = k in (3, 7)
            p = self.signer(("cd",) if cd else ("cm", "cm", "mai", "mdel"),
                            (lambda p: p.dep in DEPTS) if cd else (lambda p: bool(postcode(p.commune_code))))
            addr = official_addr(p, rng) if not p.impostor else addr_of(p, rng)
            nm = display(p, rng.choice(["std", "cased"]))
            title = mandate(p, rng, "title")
            if p.kind == "cd":
                d = DEPTS[p.dep]
                cl = COMMUNES.get(d["chefLieu"], {})
                block = f"Hôtel du Département — {rng.choice(['32 boulevard Dupleix', '1 rue de la Préfecture', '2 place Saint-Étienne'])} — {postcode(d['chefLieu'])} {cl.get('nom', '')} Cedex"
            else:
                pc = postcode(p.commune_code)
                sep = rng.choice([" — ", " - ", "\n", " · "])
                block = f"Mairie {de_place(p.commune, p.tl)}{sep}{rng.choice(streets)}{sep}{pc} {p.commune.upper() if k % 2 else p.commune}"
                if p.kind == "mai" and rng.random() < 0.5:
                    title = e(p, "Le Maire", "La Maire")
            tel = f"Tél. 0{rng.randint(1, 5)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
            body = rng.choice(["Bonjour,\n\nJe signe l'appel.", "Bonjour,\n\nMerci pour l'envoi. Je m'associe à l'appel et le signe.",
                               "Madame, Monsieur,\n\nJe vous confirme ma signature de l'appel pour une eau publique.",
                               "Bonjour,\nBien reçu, je signe."])
            text = f"{body}\n\n{self.closing()}\n\n{nm}\n{title}\n\n{block}\n{tel}"
            m = self.new("address_block", ["outlook_web", "lotus", "laposte", "infomaniak"][k % 4], nm, addr,
                         rng.choice(["Appel pour une eau publique", "Signature", "TR: appel"]), text=text)
            if k % 4 == 1:
                m.html = (f"<html><body><p>{esc(body).replace(chr(10), '<br>')}</p><p>{esc(self.closing())}</p>"
                          f"<p><b>{esc(nm)}</b><br>{esc(title)}</p><p style=\"color:#1F497D;font-size:9pt\">{esc(block).replace(chr(10), '<br>')}<br>{esc(tel)}</p></body></html>\n")
            self.sign(m, "address_block", p, addr)

    def dept_forms(self):
        rng = self.rng
        forms = ["paren", "bare", "dpt", "dept", "name", "paren_name", "both", "departement"]
        for k in range(8):
            p = self.signer(("mdel",) if k == 2 else ("cm", "mai", "cm", "cd"))
            addr = addr_of(p, rng)
            nm = display(p, rng.choice(["std", "inv", "cased"]))
            tag = dep_tag(p.dep, forms[k])
            if p.kind == "cd":
                mand = f"{e(p, 'conseiller départemental', 'conseillère départementale')} {tag}" if forms[k] in ("bare", "dpt", "dept", "paren", "both") else mandate(p, rng)
            elif p.kind == "mai" or p.fonction == "Maire":
                mand = f"maire {de_place(p.commune, p.tl)} {tag}"
            elif p.kind == "mdel":
                mand = f"{mandate(p, rng)} {tag}"
            else:
                mand = f"{e(p, 'conseiller municipal', 'conseillère municipale')} {a_place(p.commune, p.tl) if k % 2 else '- ' + p.commune} {tag}"
            text = rng.choice([f"Je signe : {nm}, {mand}.", f"Bonjour,\n\n{nm}\n{mand}\n\nsigne l'appel.",
                               f"Bonjour, merci d'ajouter : {nm} / {mand}", f"Signature : {nm}, {mand}\n\n{self.closing()}"])
            m = self.new("dept_forms", CLIENTS[(k * 5 + 2) % len(CLIENTS)], display(p, "std"), addr, rng.choice(["signature", "Appel", "Je signe"]), text=text)
            self.sign(m, "dept_forms", p, addr)

    def franglais(self):
        rng = self.rng
        for k in range(8):
            p = self.signer()
            addr = addr_of(p, rng)
            nm = display(p, "lower" if k % 2 else "std")
            mand = noacc(mandate(p, rng)).lower() if k % 2 else mandate(p, rng)
            if k % 4 == 1:
                mand = mand.replace("conseiller", "conseiler").replace("municipal", "municiapl").replace("adjoint", "adjiont")
            text = [f"Hi,\n\nI support the call, je signe bien sur.\n\n{nm}\n{mand}\n\nBest regards",
                    f"bonjour\nje signe l appel\n{nm} {mand}\nmerci",
                    f"Hello team,\n\nPlease add my name — {nm}, {mand}. Great initiative, keep going!\n\nCheers,\n{nm.split(' ')[0]}",
                    f"Bonjour, j'ai bien recu votre mail, je signe : {nm} ({mand}). Sorry for the late answer, j'etais en deplacement.",
                    f"Dear all,\n\nJe signe the petition for public water. {nm}, {mand}.\n\nKind regards",
                    f"bjr je signe {nm} {mand} cdt",
                    f"Hello,\nsigning here: {nm}\nmandate: {mand}\nThanks!",
                    f"Bonjour,\n\nje signe l'appel (sorry, clavier qwerty, pas d'accents).\n\n{noacc(nm)}\n{noacc(mand)}"][k]
            client = ["gmail_en", "samsung", "gmail_en", "gmail", "proton", "samsung", "gmail_en", "mutt"][k]
            m = self.new("franglais", client, noacc(display(p, "std")) if k % 3 else "", addr,
                         ["Public water call", "signature", "Re: appel eau", "je signe", "Petition", "appel", "signing", "appel eau publique"][k], text=text)
            self.sign(m, "franglais", p, addr)

    def qp_softbreak(self):
        """Quoted-printable with long lines: the soft line break falls inside the signer's name."""
        rng = self.rng
        fillers = ["vraiment", "pleinement", "sans réserve", "avec conviction", "sans hésiter", "entièrement", "très", "bien"]
        for k in range(6):
            p = self.signer()
            addr = addr_of(p, rng)
            nm = display(p, "std" if k % 2 else "cased")
            mand = mandate(p, rng)
            cs = ["utf-8", "iso-8859-1", "windows-1252", "utf-8", "iso-8859-15", "utf-8"][k]
            if not fits(nm + mand, cs):
                cs = "utf-8"
            heads = ["Bonjour, je soutiens l'appel pour une eau publique et, après en avoir discuté avec mes collègues, je le signe",
                     "Bonjour, après lecture attentive du texte et discussion en réunion de groupe, je signe",
                     "Bonjour, je partage vos constats sur la gestion de l'eau dans nos territoires et je signe",
                     "Bonjour, comme convenu au téléphone avec votre collègue la semaine dernière, je signe"]
            greets = ["Bonjour,", "Bonsoir,", "Madame, Monsieur,", "Chers organisateurs,", "Bonjour à l'équipe,", "Bonjour à vous,"]
            combos = [f"{g}{h[8:]} {f}".rstrip() for g in greets for h in heads for f in [*fillers, ""]]
            rng.shuffle(combos)
            for lead in combos:
                para = f"{lead} : {nm}, {mand}."
                enc = qp_encode(para, cs).split("\n")
                start = len(qp_encode(f"{lead} :", cs).replace("=\n", "")) + 1
                flat = "".join(line[:-1] if line.endswith("=") else line for line in enc)
                # where does the first soft break after the name's start fall?
                cut = 0
                for line in enc:
                    cut += len(line) - 1
                    if cut > start:
                        break
                name_enc = len(qp_encode(nm, cs))
                if start + 2 < cut < start + name_enc - 2 and " " not in flat[cut - 1:cut + 1]:
                    break
            text = f"{para}\n\n{self.closing()}"
            m = self.new("qp_softbreak", ["outlook_web", "lotus", "laposte", "evolution", "infomaniak", "gmail"][k], display(p, "std"), addr,
                         rng.choice(["Appel eau publique", "Signature", CALL_TITLE]), text=text, enc=(cs, "quoted-printable"))
            self.sign(m, "qp_softbreak", p, addr)

    def long_message(self):
        rng = self.rng
        paras = [
            "Je vous écris un peu longuement, pardonnez-moi, mais le sujet me tient à cœur depuis des années.",
            "Notre service de l'eau a été délégué à une grande entreprise en 1997, pour trente ans. Au fil des avenants, le prix du mètre cube a presque doublé, sans que le rendement du réseau ne s'améliore : nous perdons encore près d'un litre sur quatre dans les canalisations.",
            "Lors du dernier mandat, nous avons commandé une étude comparative. Elle montrait qu'une régie, même modeste, permettrait de baisser la facture d'environ 12 % tout en finançant un vrai programme de renouvellement des conduites. Mais les communes voisines hésitaient, faute d'ingénierie.",
            "C'est exactement ce que votre appel pointe dans son quatrième point : sans appui technique, les petites communes restent captives. Le département pourrait jouer un rôle, l'agence de l'eau aussi, mais il faut une volonté politique claire.",
            "Je voudrais aussi insister sur la tarification sociale. Dans notre commune, près d'un foyer sur cinq a déjà eu des difficultés à payer sa facture. Les premiers mètres cubes gratuits, ce n'est pas un gadget : c'est la reconnaissance d'un droit.",
            "Sur la protection des captages, nous avons eu deux épisodes de pollution aux nitrates l'été dernier. Les agriculteurs du bassin sont prêts à discuter si on leur propose des contreparties sérieuses. La régie permettrait de contractualiser directement avec eux.",
            "Enfin, la question des usagers : nous avons créé un comité consultatif l'an dernier, ouvert à tous. Les débats sont parfois vifs, mais les décisions sont mieux comprises. Je recommande vivement cette pratique aux collègues qui signeront.",
            "Je ne suis pas naïf : le passage en régie demande du temps, des compétences, et il y a des risques. Mais je suis convaincu que c'est la bonne direction, et qu'un appel national peut aider les élus locaux à franchir le pas.",
            "Je reste à votre disposition si vous souhaitez des éléments chiffrés sur notre expérience, ou un témoignage pour la conférence de presse du 30 juin.",
        ]
        for k in range(5):
            p = self.signer(("cm", "mai", "mai", "cd", "cm"))
            addr = addr_of(p, rng)
            nm = display(p, "std")
            mand = mandate(p, rng)
            body = list(paras)
            rng.shuffle(body)
            body = body[: rng.randint(6, 9)]
            pos = rng.choice(["start", "end", "middle"])
            if pos == "start":
                body.insert(0, f"{e(p, 'Élu', 'Élue')} depuis plusieurs mandats, et aujourd'hui {mand}, je signe votre appel.")
            elif pos == "middle":
                body.insert(3, f"En tant que {mand}, je signe bien entendu l'appel.")
            else:
                body.append("Je signe donc l'appel, avec enthousiasme.")
            text = "Madame, Monsieur,\n\n" + "\n\n".join(body * (2 if k == 4 else 1)) + f"\n\n{self.closing()}\n\n{nm}\n{mand[0].upper() + mand[1:]}"
            if not p.f:
                text = text.replace("je suis convaincu", "je suis convaincu")
            else:
                text = text.replace("Je ne suis pas naïf", "Je ne suis pas naïve").replace("je suis convaincu", "je suis convaincue")
            m = self.new("long_message", ["outlook_web", "gmail", "lotus", "laposte", "evolution"][k], nm, addr,
                         rng.choice(["Appel eau publique - mon témoignage et ma signature", "Quelques réflexions (et ma signature)", CALL_TITLE]), text=text)
            self.sign(m, "long_message", p, addr)

    def couple(self):
        rng = self.rng
        for k in range(5):
            def ok(p: P) -> bool:
                return any(o is not p and fold(o.nom) == fold(p.nom) and o.sexe != p.sexe and self.reg.unique(o)
                           and ident(o.nom, o.prenom) not in self.used and not o.fonction.startswith("Maire")
                           for o in self.reg.by_commune[p.commune_code]) and " " not in p.nom
            self.slot += 1
            a = self.take("cm" if k != 2 else "mai", ok)
            b = next(o for o in self.reg.by_commune[a.commune_code] if o is not a and fold(o.nom) == fold(a.nom) and o.sexe != a.sexe
                     and self.reg.unique(o) and ident(o.nom, o.prenom) not in self.used and not o.fonction.startswith("Maire"))
            self.used.add(ident(b.nom, b.prenom))
            self.slot += 1
            h, f = (a, b) if not a.f else (b, a)
            first, second = (h, f) if k % 2 else (f, h)
            place = de_place(a.commune, a.tl)
            if a.kind == "mai" or b.kind == "mai":
                mm = a if a.kind == "mai" else b
                oo = b if mm is a else a
                line = f"{first.prenom} et {second.prenom} {nom_case(a.nom)}\n{mm.prenom} : {e(mm, 'maire', 'maire')} {place} ; {oo.prenom} : {e(oo, 'conseiller municipal', 'conseillère municipale')}"
            else:
                both = "conseillers municipaux" if any(not x.fonction for x in (a, b)) else "adjoints au maire"
                line = [f"{first.prenom} et {second.prenom} {a.nom}, {both} {place}",
                        f"{first.prenom} et {second.prenom} {nom_case(a.nom)}, tous deux {both} {place} ({dep_tag(a.dep, 'bare')})",
                        "", f"M. et Mme {a.nom} ({h.prenom} et {f.prenom}), {both} {place}",
                        f"{first.prenom} {nom_case(a.nom)} et {second.prenom} {nom_case(a.nom)}, {both} {a_place(a.commune, a.tl)}"][k]
            text = [f"Bonjour,\n\nNous signons tous les deux l'appel.\n\n{line}",
                    f"Bonjour,\n\nMerci pour cet appel, que nous signons :\n{line}\n\n{self.closing()}",
                    f"Bonjour,\n\nNous signons l'appel, tous les deux élus dans notre commune :\n\n{line}\n\n{self.closing()}",
                    f"Madame, Monsieur,\n\nVeuillez enregistrer nos deux signatures : {line}.\n\n{self.closing()}",
                    f"Bonjour,\nnous signons : {line}.\nBien à vous"][k]
            addr = f"{slug(h.prenom)[0]}{slug(f.prenom)[0]}.{slug(a.nom).replace('-', '')}@{rng.choice(['orange.fr', 'free.fr', 'laposte.net'])}"
            m = self.new("couple", CLIENTS[(k * 3 + 2) % len(CLIENTS)], f"{first.prenom} et {second.prenom} {nom_case(a.nom)}", addr,
                         rng.choice(["Nos signatures", "Appel eau publique", "Signatures (x2)"]), text=text)
            self.sign(m, "couple", a, addr)
            self.label(m, "couple", "signs", "", b)

    # ---------------------------------------------------------------- threads
    def org_mail(self, prev: Mail, prev_text: str, text: str, shape: str, thread: str, me: str) -> tuple[Mail, str]:
        i = self.n % 2
        body = text + f"\n\n{org_sig(i)}"
        full = body + quote_block(prev, prev_text, "evolution", ORG_ADDR)
        m = self.new(shape, "evolution", f"{ORGANISERS[i][0]} ({ORG_NAME})", ORG_ADDR, self.reply_subject("evolution", prev.subject.removeprefix("Re: ").removeprefix("RE: ")),
                     text=full, in_reply_to=prev.mid, references=(prev.references + " " + prev.mid).strip())
        m.to = f"{prev.from_name} <{prev.from_addr}>" if prev.from_name else prev.from_addr
        self.label(m, shape, "other", "nonsigning", None, thread)
        return m, full

    def user_reply(self, prev: Mail, prev_text: str, name: str, addr: str, client: str, text: str, shape: str) -> tuple[Mail, str]:
        full = text + quote_block(prev, prev_text, client, addr)
        m = self.new(shape, client, name, addr, self.reply_subject(client, prev.subject.removeprefix("Re: ").removeprefix("RE: ")),
                     text=full, in_reply_to=prev.mid, references=(prev.references + " " + prev.mid).strip())
        return m, full

    def threads(self):
        rng = self.rng
        for t in range(5):
            # thread_fullname: initials only -> « votre prénom complet ? » -> first name
            th = f"T{t + 1:02d}-fullname"
            p = self.signer(("cm", "mai", "cd", "cm"))
            addr, client = addr_of(p, rng), ["gmail", "samsung", "outlook_web", "laposte", "proton"][t]
            short = f"{p.prenom[0]}. {p.nom}" if t % 2 == 0 else f"{nom_case(p.nom).upper()}"
            mand = mandate(p, rng)
            text = [f"Bonjour, je signe. {short}, {mand}.", f"Je signe l'appel.\n{short}\n{mand}",
                    f"Bonjour,\n\nVous pouvez compter sur moi.\n\n{short}\n{mand[0].upper() + mand[1:]}",
                    f"Bonjour, signature : {short} ({mand})", f"Je signe !\n\n{short} — {mand}"][t]
            m1 = self.new("thread_fullname", client, short if t % 2 == 0 else "", addr, rng.choice(["Appel eau", "Signature", "je signe"]), text=text)
            self.label(m1, "thread_fullname", "signs", self.case(p), None, th)
            m2, t2 = self.org_mail(m1, text, rng.choice([
                "Bonjour,\n\nMerci pour votre signature ! Pour la vérifier dans le Répertoire national des élus, pourriez-vous nous indiquer votre prénom complet ?",
                "Bonjour,\n\nMerci beaucoup. Il nous manque votre prénom en entier (nous vérifions chaque signature au RNE). Pouvez-vous nous le donner ?"]),
                "thread_fullname", th, addr)
            ans = [f"{p.prenom}", f"Bonjour, c'est {p.prenom}. {self.closing()}", f"Mon prénom : {p.prenom}\n\n{p.prenom} {p.nom}",
                   f"{p.prenom} {p.nom}, {mand}", f"Oui bien sûr : {p.prenom}."][t]
            m3, _ = self.user_reply(m2, t2, short if t % 2 == 0 else "", addr, client, ans, "thread_fullname")
            self.sign(m3, "thread_fullname", p, addr, th)
        for t in range(5):
            # thread_correction: wrong place first, the organisers do not find it, the signer corrects
            th = f"T{t + 6:02d}-correction"
            p = self.signer(("cm", "cm", "mai", "cm", "cm"), lambda p: p.kind != "cd")
            addr, client = addr_of(p, rng), ["lotus", "gmail", "infomaniak", "evolution", "outlook_web"][t]
            if p.kind in ("cm", "mai", "mdel") or p.impostor:
                same = [c for c in COMMUNES.values() if c.get("departement") == p.dep and c["code"] != p.commune_code]
                wrong = same[rng.randrange(len(same))] if same else COMMUNES["29019"]
                wrong_txt = mandate(P(p.kind, p.nom, p.prenom, p.sexe, dep=p.dep, commune=wrong["nom"], tl=wrong.get("typeLiaison") or 0,
                                      fonction=p.fonction), rng)
                right = mandate(p, rng)
                fix = [f"Toutes mes excuses, je me suis trompé{'e' if p.f else ''} : je suis {right}, pas {wrong['nom']} (c'est la commune où je travaille).",
                       f"Oups, erreur de ma part. C'est {p.commune}, pas {wrong['nom']}. Donc : {display(p, 'std')}, {right}.",
                       f"Pardon ! Il fallait lire {right}.", f"Rectificatif : {right}.\n{display(p, 'std')}",
                       f"Erratum : {p.commune} et non {wrong['nom']}. Je suis bien {right}."][t]
            else:
                wrong_txt = mandate(p, rng).replace("conseiller", "adjoint").replace("conseillère", "adjointe")
                fix = f"Pardon, je me suis mal exprimé{'e' if p.f else ''} : {mandate(p, rng)}."
            nm = display(p, "std")
            text = f"Bonjour,\n\nJe signe l'appel : {nm}, {wrong_txt}.\n\n{self.closing()}"
            m1 = self.new("thread_correction", client, nm, addr, rng.choice(["Signature", CALL_TITLE, "Appel eau"]), text=text)
            self.label(m1, "thread_correction", "signs", self.case(p), None, th)
            m2, t2 = self.org_mail(m1, text, "Bonjour,\n\nMerci pour votre soutien. Nous ne vous trouvons pas dans le Répertoire national des élus avec ce mandat : pouvez-vous vérifier la commune ou le mandat indiqué ?",
                                   "thread_correction", th, addr)
            m3, _ = self.user_reply(m2, t2, nm, addr, client, fix, "thread_correction")
            self.sign(m3, "thread_correction", p, addr, th)
        for t in range(5):
            # thread_addname: a mayor signs, the organisers thank, the mayor adds a colleague of the same commune
            th = f"T{t + 11:02d}-addname"
            self.slot += 1

            def has_colleague(mm: P) -> bool:
                return any(self.reg.unique(o) and ident(o.nom, o.prenom) not in self.used and "adjoint" in o.fonction
                           for o in self.reg.by_commune[mm.commune_code])
            mayor = self.take("mai", has_colleague)
            col = next(o for o in self.reg.by_commune[mayor.commune_code] if self.reg.unique(o) and ident(o.nom, o.prenom) not in self.used
                       and "adjoint" in o.fonction)
            self.used.add(ident(col.nom, col.prenom))
            self.slot += 1
            if t == 3:
                col = self.impostor("other_first", commune_code=mayor.commune_code)
            addr, client = official_addr(mayor, rng), ["outlook_web", "lotus", "gmail", "laposte", "evolution"][t]
            nm = display(mayor, "std")
            text = f"Bonjour,\n\nJe signe l'appel.\n\n{nm}\n{e(mayor, 'Maire', 'Maire')} {de_place(mayor.commune, mayor.tl)}"
            m1 = self.new("thread_addname", client, nm, addr, rng.choice(["Signature du maire", "Appel eau publique"]), text=text)
            self.sign(m1, "thread_addname", mayor, addr, th)
            m2, t2 = self.org_mail(m1, text, "Bonjour,\n\nMerci beaucoup pour votre signature, elle est bien enregistrée. N'hésitez pas à faire circuler l'appel auprès de votre conseil municipal !",
                                   "thread_addname", th, addr)
            cn = display(col, "std")
            crole = (f"{ordinal(rank(col.fonction), col)} {e(col, 'adjoint', 'adjointe')}" if col.fonction else e(col, "conseiller municipal", "conseillère municipale"))
            ans = [f"C'est fait : {e(col, 'mon adjoint', 'mon adjointe')} {cn} ({crole}) souhaite aussi signer.",
                   f"Bonjour,\n\n{cn}, {crole}, signe également.\n\n{nm}",
                   f"Merci ! {e(col, 'Mon', 'Ma')} {crole}, {cn}, me demande d'ajouter son nom.",
                   f"Bonjour, {cn} ({crole} {de_place(mayor.commune, mayor.tl)}) signe aussi. Bien à vous",
                   f"Parfait. Ajoutez aussi {cn}, {crole}, s'il vous plaît."][t]
            m3, _ = self.user_reply(m2, t2, nm, addr, client, ans, "thread_addname")
            self.label(m3, "thread_addname", "signs", "", col, th)

    # ---------------------------------------------------------------- non-signing
    def question(self):
        rng = self.rng
        qs = ["Les conseillers municipaux délégués peuvent-ils signer, ou seulement les adjoints ?",
              "Le texte sera-t-il publié avec les noms des signataires ? Je dois en parler à mon groupe avant de signer.",
              "Est-ce que l'appel vise aussi les syndicats intercommunaux ? Nous sommes en SPL, pas en régie.",
              "Can you send me the text in English? A twinned town would like to read it before I sign.",
              "Je ne suis pas certaine de pouvoir signer au nom de la commune : faut-il une délibération ?",
              "Avez-vous prévu un modèle de motion à faire voter en conseil ?"]
        for k in range(6):
            p = self.official()
            addr = addr_of(p, rng)
            nm = display(p, rng.choice(["std", "cased"]))
            text = f"Bonjour,\n\n{qs[k]}\n\n{self.closing()}\n\n{nm}\n{mandate(p, rng)}"
            m = self.new("question", CLIENTS[(k * 7 + 3) % len(CLIENTS)], nm, addr, rng.choice(["Question sur l'appel", "Une question", "Re: " + CALL_SUBJECT]), text=text)
            self.label(m, "question", "question", "nonsigning")

    def thanks(self):
        rng = self.rng
        for k in range(6):
            p = self.official()
            addr = addr_of(p, rng)
            nm = display(p, "std")
            mand = mandate(p, rng)
            text = [f"Merci pour l'envoi, je transmets à mes collègues.\n\n{nm}\n{mand}",
                    f"Bonjour,\n\nBien reçu, merci. Je regarde cela avec attention.\n\n{nm}, {mand}",
                    f"Thanks for sharing! Je fais suivre.\n{nm}",
                    f"Merci à vous pour ce travail.\n\n{self.closing()}\n{nm}\n{mand[0].upper() + mand[1:]}",
                    f"Merci de m'avoir tenu{'e' if p.f else ''} informé{'e' if p.f else ''}.\n{nm} - {mand}",
                    f"Bonjour,\nMerci pour la newsletter et bravo pour la mobilisation.\n{nm}"][k]
            m = self.new("thanks", CLIENTS[(k * 3) % len(CLIENTS)], nm, addr, self.reply_subject("gmail", CALL_SUBJECT), text=text)
            self.label(m, "thanks", "thanks", "nonsigning")

    def autoreply(self):
        rng = self.rng
        for k in range(6):
            if k == 4:
                # bounce of the organisers' thank-you, which quotes a signature of the corpus
                src, sp, saddr = self.signed[7]
                dead = "ancienne." + saddr
                orig = (f"From: {ORG_NAME} <{ORG_ADDR}>\nTo: {dead}\nSubject: Merci pour votre signature\n"
                        f"Date: {rfc_date(self.clock.t)}\nMessage-ID: <{hx(rng, 16)}@eau-publique-appel.example>\n"
                        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                        f"Bonjour,\n\nNous avons bien enregistré votre signature :\n  {sp.prenom} {sp.nom}, {mandate(sp, rng)}\n\nMerci !\n{org_sig(0)}\n")
                b = f"----=_bounce_{hx(rng, 12)}"
                raw = (f"This is a MIME-encapsulated message.\n\n--{b}\nContent-Type: text/plain; charset=us-ascii\n\n"
                       f"This is the mail system at host mx.eau-publique-appel.example.\n\nI'm sorry to have to inform you that your message could not\n"
                       f"be delivered to one or more recipients.\n\n<{dead}>: host smtp-in.orange.fr[193.252.22.65] said: 550 5.1.1\n    Adresse d au moins un destinataire invalide.\n\n"
                       f"--{b}\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.eau-publique-appel.example\n\n"
                       f"Final-Recipient: rfc822; {dead}\nAction: failed\nStatus: 5.1.1\n\n--{b}\nContent-Type: message/rfc822\n\n{orig}\n--{b}--\n")
                m = self.new("autoreply", "plain", "Mail Delivery System", "MAILER-DAEMON@mx.eau-publique-appel.example", "Undelivered Mail Returned to Sender",
                             enc=("utf-8", "8bit"), raw_body=raw.encode("utf-8"), raw_ctype=f'multipart/report; report-type=delivery-status; boundary="{b}"',
                             extra="Auto-Submitted: auto-replied")
                self.label(m, "autoreply", "autoreply", "nonsigning")
                continue
            if k == 2:
                # out-of-office that quotes the organisers' confirmation, which quotes the signature
                src, sp, saddr = self.signed[12]
                conf = f"Bonjour,\n\nNous avons bien enregistré votre signature :\n{display(sp, 'std')}, {mandate(sp, rng)}\n\nMerci !\n{org_sig(1)}"
                prev = Mail("", "evolution", ORG_NAME, ORG_ADDR, "Votre signature est enregistrée", self.clock.t, "")
                text = (f"Je suis absent{'e' if sp.f else ''} jusqu'au 15 juin. Votre message sera traité à mon retour.\n"
                        + quote_block(prev, conf, "outlook_web", saddr))
                m = self.new("autoreply", "outlook_web", display(sp, "std"), saddr, "Réponse automatique : Votre signature est enregistrée", text=text,
                             extra="Auto-Submitted: auto-replied\nX-Auto-Response-Suppress: All")
                self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
                continue
            p = self.official(("mai", "cd", "cm"))
            nm = display(p, "std")
            addr = official_addr(p, rng)
            if k == 0:
                text = (f"Bonjour,\n\nJe suis absent{'e' if p.f else ''} du bureau jusqu'au lundi 8 juin inclus. En cas d'urgence, merci de contacter le secrétariat.\n\n"
                        f"{nm}\n{mandate(p, rng)}")
                subj = f"Absence : {CALL_SUBJECT}"
            elif k == 1:
                text = (f"I am out of the office until June 10 with limited access to email.\nJe suis en congés jusqu'au 10 juin.\n\n{nm}\n{mandate(p, rng, 'title')}")
                subj = f"Automatic reply: {CALL_SUBJECT}"
            elif k == 3:
                text = (f"Votre message a bien été reçu par le secrétariat {'de la mairie' if p.kind in ('mai', 'cm') else 'du cabinet'}. "
                        f"Il sera transmis à {e(p, 'M.', 'Mme')} {display(p, 'std')}, {mandate(p, rng)}.\n\nCeci est une réponse automatique, merci de ne pas y répondre.")
                subj = "Accusé de réception"
            else:
                col = self.official(("cm",), lambda o: "adjoint" in o.fonction)
                text = (f"Bonjour,\n\nJe suis en congés jusqu'au 22 juin. Pour toute urgence, vous pouvez joindre {display(col, 'std')}, "
                        f"{mandate(col, rng)}.\n\nCordialement,\n{nm}")
                subj = "Réponse automatique"
            m = self.new("autoreply", ["outlook_web", "lotus", "plain", "infomaniak", "", "laposte"][k] or "plain", nm, addr, subj, text=text,
                         extra="Auto-Submitted: auto-replied")
            self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self):
        rng = self.rng
        for k in range(4):
            people = [self.official(("mai", "cd", "cm", "cr")) for _ in range(3)]
            items = "\n\n".join(f"* {display(p, 'std')}, {mandate(p, rng)}, " + rng.choice(
                ["a inauguré la nouvelle station de traitement.", "revient sur le bilan de la régie après cinq ans.",
                 "présidera le prochain comité de bassin.", "signe une tribune sur la sécheresse."]) for p in people)
            name, addr, title = [("Eau & Territoires", "lettre@eau-territoires.example", "La lettre d'Eau & Territoires n° 58"),
                                 ("Réseau Régies", "newsletter@reseau-regies.example", "Réseau Régies — l'actualité de juin"),
                                 ("Les Échos des communes", "infos@echos-communes.example", "Les Échos des communes - semaine 23"),
                                 ("Collectif Rivières Vivantes", "bulletin@rivieres-vivantes.example", "Bulletin : sécheresse, captages et régies")][k]
            text = f"{title}\n{'=' * len(title)}\n\nDans ce numéro :\n\n{items}\n\n---\nVous recevez cette lettre car vous êtes inscrit·e à notre liste.\nSe désinscrire : https://{addr.split('@')[1]}/desinscription"
            m = self.new("newsletter", "plain", name, addr, title, text=text,
                         extra=f"List-Unsubscribe: <https://{addr.split('@')[1]}/desinscription>\nPrecedence: bulk")
            if k % 2:
                m.html = "<html><body>" + html_paras(text) + "</body></html>\n"
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self):
        rng = self.rng
        picks = [i for i in (1, 9, 20, 33, 47) if not self.signed[i][1].impostor][:5]
        i = 50
        while len(picks) < 5:
            if not self.signed[i][1].impostor and i not in picks:
                picks.append(i)
            i += 1
        for k, i in enumerate(picks):
            src, p, addr = self.signed[i]
            text = ["Bonjour,\n\nAprès discussion avec mon groupe, je préfère retirer ma signature de l'appel. Merci de ne pas publier mon nom.\n\nCordialement",
                    f"Bonjour, merci de retirer mon nom de la liste des signataires. {display(p, 'std')}",
                    "Hello, please remove my signature — je retire ma signature, désolé·e.",
                    "Madame, Monsieur,\n\nJe vous informe que je retire ma signature. Ma commune a engagé une renégociation de contrat et je dois rester neutre.\n\nBien à vous",
                    "Bonjour,\nfinalement je ne signe pas, pouvez-vous enlever mon nom svp ?\nMerci"][k]
            m = self.new("withdraw", CLIENTS[k * 2 % len(CLIENTS)], src.from_name, addr, rng.choice(["Retrait de ma signature", "Re: Signature", "retrait"]), text=text)
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [("Service Colis", "noreply@colis-suivi-fr.example", "Votre colis est en attente de livraison",
                  "Bonjour,\n\nVotre colis n'a pas pu être livré. Réglez les frais de 1,99 EUR sur notre site pour reprogrammer la livraison.\n"),
                 ("AquaPro Solutions", "contact@aquapro-solutions.example", "Élus : réduisez vos coûts de réseau de 30 %",
                  "Madame le Maire, Monsieur le Maire,\n\nNos compteurs connectés ont déjà séduit plus de 400 communes. Demandez votre audit gratuit !\n"),
                 ("Loterie Européenne", "winner@lotto-euro.example", "Congratulations! You have won",
                  "Dear winner,\n\nYour e-mail was selected in our draw. Send your bank details to claim 850,000 EUR.\n"),
                 ("Formation Élus Express", "info@formation-elus.example", "Dernières places : gestion de crise pour les maires",
                  "Bonjour,\n\nIl reste 3 places pour notre session du 18 juin. Éligible au DIF élus.\n\nSe désinscrire : répondre STOP\n")]
        for name, addr, subj, text in texts:
            m = self.new("spam", "plain", name, addr, subj, text=text)
            self.label(m, "spam", "other", "nonsigning")

    def org_call(self):
        rng = self.rng
        m = self.new("org_call", "evolution", ORG_NAME, ORG_LIST, CALL_SUBJECT, text=CALL, enc=("utf-8", "quoted-printable"))
        m.to = "undisclosed-recipients:;"
        self.label(m, "org_call", "other", "nonsigning")
        # reminder listing some signatures already received (real names: the organisers' message, not a signature)
        names = [s for s in self.signed[:40] if not s[1].impostor][::8][:4]
        lst = "\n".join(f"- {display(p, 'std')}, {mandate(p, rng)}" for _, p, _ in names)
        text = (f"Bonjour à toutes et à tous,\n\nDéjà plus de 150 élu·es ont signé l'{CALL_TITLE}, parmi lesquel·les :\n\n{lst}\n\n"
                f"Il reste dix jours pour signer : répondez à ce message avec vos nom, prénom et mandat.\n\n{org_sig(0)}")
        m = self.new("org_call", "evolution", ORG_NAME, ORG_LIST, f"[Relance] {CALL_SUBJECT}", text=text)
        m.to = "undisclosed-recipients:;"
        self.label(m, "org_call", "other", "nonsigning")
        # internal message between the organisers
        text = (f"Salut {ORGANISERS[1][0]},\n\nJ'ai fini de pointer les réponses de la semaine. Il en reste une dizaine à vérifier au RNE, "
                f"je te les mets dans le tableur partagé. On se cale un point jeudi ?\n\n{ORGANISERS[0][0]}")
        m = self.new("org_call", "evolution", f"{ORGANISERS[0][0]} {ORGANISERS[0][1]}", ORG_ADDR, "Point signatures", text=text)
        m.to = f"{ORGANISERS[1][0]} <{ORGANISERS[1][0].lower().replace('ñ', 'n')}@eau-publique-appel.example>"
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        self.quoted_call()
        self.html_table()
        self.majority_list()
        self.particles()
        self.initials_shape()
        self.married()
        self.regional()
        self.sentence()
        self.address_block()
        self.dept_forms()
        self.franglais()
        self.qp_softbreak()
        self.long_message()
        self.couple()
        self.threads()
        self.question()
        self.thanks()
        self.autoreply()
        self.newsletter()
        self.withdraw()
        self.spam()
        self.org_call()
        if OUT.exists():
            shutil.rmtree(OUT)
        OUT.mkdir(parents=True)
        for m in self.mails:
            (OUT / m.file).write_bytes(render(m, self.rng))
        with open(HERE / "labels.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter=";", lineterminator="\n")
            w.writerow(LABEL_COLS)
            for r in self.labels:
                r["encoding"] = r["_mail"].encoding
                r.update(LABEL_CORRECTIONS.get((r["message_file"], r["nom"], r["prenom"]), {}))
                w.writerow([r[c] for c in LABEL_COLS])
        sig = [r for r in self.labels if r["expected"] != "no_signer"]
        print(f"{len(self.mails)} messages, {len(sig)} signers ({sum(r['expected'] == 'verified' for r in sig)} officials, "
              f"{sum(r['expected'] == 'not_verified' for r in sig)} impostors)")


# Labels found wrong after the corpus was written, corrected here so that the messages stay
# byte-identical. The `former_2022` draw tested only the 2022 surname: « MORTELETTE VAHE Nadine »,
# mayor of Anhiers in 2022, is « MORTELETTE Nadine », mayor of Anhiers (59007) in the 2026 release
# (the RNE shortened her surname): a real official, not an impostor. `nom` stays as written; the
# scorer accepts an RNE surname that is part of the labelled compound one.
LABEL_CORRECTIONS = {
    ("080-dept_forms.eml", "MORTELETTE VAHE", "Nadine"): {
        "case": "official", "truth_kind": "mai", "truth_code_commune": "59007",
        "truth_code_departement": "59", "expected": "verified", "impostor_type": ""},
}


if __name__ == "__main__":
    Builder().build()
