#!/usr/bin/env python3
"""Second held-out petition mailbox (tests/mail_holdout2): builder.

    python tests/mail_holdout2/build.py            # rewrites messages/ and labels.csv

Reproducible to the byte: one seeded random generator (SEED), a fixed clock that only moves forward,
Message-IDs and MIME boundaries drawn from that generator. Reads the real 2026 RNE release in
../shared/rne/release-2026 (and one 2022 mayors file of ../shared/rne/history for former mayors) at
build time; nothing of ../shared is copied into the repository except, in the drawn messages, the
name, sex, mandate and place of the drawn people. Birth dates are read only to tell two homonyms
apart and are written nowhere.

Written without reading the extraction rules (src/rne_match/inputs/…) nor the first held-out corpus'
messages. Campaign: « Appel des élu·es pour les petites lignes ferroviaires ».
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import email.utils
import json
import os
import quopri
import random
import re
import shutil
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from email.header import Header
from pathlib import Path

SEED = 71_0526
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
RELEASE = SHARED / "rne" / "release-2026"
OUT = HERE / "messages"
ORG_ADDR = "appel-petites-lignes@rail-en-commun.example"
ORG_NAME = "Appel Petites Lignes"
ORGANISERS = [("Maëlys", "KERGUELEN-ROZO"), ("Baptiste", "VANDERHOOGT")]  # invented, checked absent
CALL = "l'Appel des élu·es pour les petites lignes ferroviaires"


# --------------------------------------------------------------------------- folding, places
def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.split(r"[^a-z0-9]+", s)).strip()


def ident(nom: str, prenom: str) -> str:
    return fold(nom) + "|" + fold(prenom)


def noacc(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def short_date(s: str) -> str:
    """Birth date reduced to dd/mm/yy whatever the file's format (only for telling homonyms apart)."""
    s = (s or "").strip()[:10]
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", s)
    if m:
        return f"{m[3]}/{m[2]}/{m[1][2:]}"
    m = re.match(r"(\d\d)/(\d\d)/(\d{2,4})", s)
    return f"{m[1]}/{m[2]}/{m[3][-2:]}" if m else s


COG = SHARED / "cog"
COMMUNES = {c["code"]: c for c in json.loads((COG / "communes.json").read_text("utf-8")) if c.get("type") == "commune-actuelle"}
DEPTS = {d["code"]: d["nom"] for d in json.loads((COG / "departements.json").read_text("utf-8"))}
REGIONS = {r["code"]: r["nom"] for r in json.loads((COG / "regions.json").read_text("utf-8"))}


def commune_name(code: str, fallback: str) -> str:
    return COMMUNES[code]["nom"] if code in COMMUNES else fallback


def postcode(code: str) -> str:
    c = COMMUNES.get(code)
    return c["codesPostaux"][0] if c and c.get("codesPostaux") else ""


# --------------------------------------------------------------------------- registry
@dataclass
class P:
    kind: str  # mai cm cd cr ma ca, or "" for impostors
    nom: str
    prenom: str
    sexe: str
    dep: str = ""
    commune_code: str = ""
    commune: str = ""
    fonction: str = ""
    canton: str = ""
    region: str = ""
    section: str = ""
    coll: str = ""
    secteur: str = ""
    impostor: str = ""
    truth_commune: str = ""
    truth_dep: str = ""

    @property
    def f(self) -> bool:
        return self.sexe == "F"


def rows(name: str):
    with open(RELEASE / name, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter=";")


class Registry:
    def __init__(self):
        self.births: dict[str, set[str]] = defaultdict(set)
        self.depts_of: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)  # folded surname -> folded first names
        self.pool: dict[str, list[P]] = defaultdict(list)
        self.by_commune: dict[str, list[P]] = defaultdict(list)
        for f in sorted(RELEASE.glob("*.csv")):
            for r in rows(f.name):
                nom, prenom = r.get("Nom de l'élu", ""), r.get("Prénom de l'élu", "")
                k = ident(nom, prenom)
                self.births[k].add(short_date(r.get("Date de naissance", "")))
                self.surnames[fold(nom)].add(fold(prenom))
                for c in ("Code du département", "Code de la section départementale"):
                    if r.get(c):
                        self.depts_of[k].add(r[c].zfill(2) if r[c].isdigit() else r[c])
                kind = f.name.rsplit("-", 1)[-1].split(".")[0]
                p = self.person(kind, r)
                if p:
                    self.pool[kind].append(p)
                    if p.commune_code and kind in ("cm", "mai"):
                        self.by_commune[p.commune_code].append(p)

    def person(self, kind: str, r: dict) -> P | None:
        g = r.get
        base = dict(nom=g("Nom de l'élu"), prenom=g("Prénom de l'élu"), sexe=g("Code sexe"), fonction=g("Libellé de la fonction") or "")
        if kind == "mai":
            cc = g("Code de la commune")
            return P("mai", **base, dep=g("Code du département"), commune_code=cc,
                     commune=commune_name(cc, g("Libellé de la commune")), truth_commune=cc, truth_dep=g("Code du département"))
        if kind == "cm":
            if base["fonction"].startswith("Maire"):
                return None
            cc = g("Code de la commune")
            return P("cm", **base, dep=g("Code du département"), commune_code=cc,
                     commune=commune_name(cc, g("Libellé de la commune")), truth_commune=cc, truth_dep=g("Code du département"))
        if kind == "cd":
            return P("cd", **base, dep=g("Code du département"), canton=g("Libellé du canton"), truth_dep=g("Code du département"))
        if kind == "cr":
            return P("cr", **base, region=REGIONS.get(g("Code de la région"), g("Libellé de la région")),
                     section=g("Libellé de la section départementale"), dep=g("Code de la section départementale"),
                     truth_dep=g("Code de la section départementale"))
        if kind == "ma":
            if g("Code de la collectivité à statut particulier") not in ("94", "972", "973", "69M"):
                return None
            return P("ma", **base, coll=g("Libellé de la collectivité à statut particulier"), dep=g("Code du département"),
                     truth_dep=g("Code du département"))
        if kind == "ca":
            cc = g("Code de la commune")
            return P("ca", **base, dep=g("Code du département"), commune_code=cc, commune=g("Libellé de la commune"),
                     secteur=g("Libellé du secteur"), truth_commune=cc, truth_dep=g("Code du département"))
        return None

    def unique(self, p: P) -> bool:
        return len(self.births.get(ident(p.nom, p.prenom), ())) == 1

    def absent(self, nom: str, prenom: str) -> bool:
        return ident(nom, prenom) not in self.births


# --------------------------------------------------------------------------- drawing people
FIRST_F = ["Sandrine", "Nathalie", "Isabelle", "Sophie", "Valérie", "Christine", "Aurélie", "Céline", "Martine", "Sylvie",
           "Hélène", "Claire", "Émilie", "Laurence", "Agnès", "Brigitte", "Delphine", "Karine", "Muriel", "Odile"]
FIRST_M = ["Philippe", "Thierry", "Pascal", "Olivier", "Frédéric", "Laurent", "Stéphane", "Didier", "Bruno", "Patrick",
           "Jérôme", "Hervé", "Gilles", "Yannick", "Régis", "Cédric", "Dominique", "Lionel", "Arnaud", "Serge"]
INVENTED_NOMS = ["TRÉGOUËT-MALVAUX", "POUILLARDEC", "VARENNE-DUCLOS", "BOISSELIÈRE", "QUINCAMPOIX", "LAFFERRIÈRE-NOZ",
                 "MARCHANDELLE", "ESCOUBAYROU", "GRANDPIERRE-VIAL", "DUHAMELIN"]


class Drawer:
    def __init__(self, reg: Registry, rng: random.Random):
        self.reg, self.rng = reg, rng
        self.used: set[str] = set()
        self.imp_cycle = ["other_first", "mayor_elsewhere", "invented", "former_2022"]
        self.n_imp = 0
        self._former = None

    def take(self, kind: str, pred=lambda p: True) -> P:
        pool = self.reg.pool[kind]
        for _ in range(20000):
            p = pool[self.rng.randrange(len(pool))]
            k = ident(p.nom, p.prenom)
            if k in self.used or not self.reg.unique(p) or not pred(p):
                continue
            if not (p.prenom and p.nom) or len(p.nom) > 24:
                continue
            self.used.add(k)
            return p
        raise RuntimeError(f"no {kind}")

    def official(self, kinds=("cm", "cm", "cm", "mai", "mai", "cd", "cr", "ma", "ca", "cm"), pred=lambda p: True) -> P:
        return self.take(self.rng.choice(kinds), pred)

    def impostor(self, t: str | None = None) -> P:
        t = t or self.imp_cycle[self.n_imp % 4]
        self.n_imp += 1
        rng, reg = self.rng, self.reg
        if t == "other_first":
            real = self.take("cm")
            firsts = FIRST_F if real.f else FIRST_M
            for fn in rng.sample(firsts, len(firsts)):
                if fold(fn) not in reg.surnames[fold(real.nom)]:
                    return P("", real.nom, fn, real.sexe, dep=real.dep, commune_code=real.commune_code, commune=real.commune,
                             impostor=t)
        if t == "mayor_elsewhere":
            real = self.take("mai", lambda p: not p.dep.startswith("97"))
            mine = reg.depts_of[ident(real.nom, real.prenom)]
            for _ in range(500):
                other = reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))]
                if other.dep not in mine and not other.dep.startswith("97"):
                    return P("", real.nom, real.prenom, real.sexe, dep=other.dep, commune_code=other.commune_code,
                             commune=other.commune, fonction="", impostor=t)
        if t == "invented":
            for _ in range(200):
                nom = rng.choice(INVENTED_NOMS)
                sexe = rng.choice("FM")
                fn = rng.choice(FIRST_F if sexe == "F" else FIRST_M)
                if reg.absent(nom, fn) and fold(nom) not in reg.surnames:
                    place = reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))]
                    return P("", nom, fn, sexe, dep=place.dep, commune_code=place.commune_code, commune=place.commune, impostor=t)
        if t == "former_2022":
            if self._former is None:
                self._former = []
                path = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
                with open(path, encoding="cp1252", newline="") as fh:
                    for r in csv.DictReader(fh, delimiter=";"):
                        nom, fn = r["Nom de l'élu"], r["Prénom de l'élu"]
                        if reg.absent(nom, fn) and len(nom) < 20:
                            cc = r["Code de la commune"]
                            self._former.append(P("", nom, fn, r["Code sexe"], dep=r["Code du département"], commune_code=cc,
                                                  commune=commune_name(cc, r["Libellé de la commune"]), fonction="Maire",
                                                  impostor=t))
            for _ in range(200):
                p = self._former[rng.randrange(len(self._former))]
                if ident(p.nom, p.prenom) not in self.used and not p.dep.startswith("97"):
                    self.used.add(ident(p.nom, p.prenom))
                    return p
        raise RuntimeError(t)


# --------------------------------------------------------------------------- how people write their mandate
def e(p: P, m: str, f: str) -> str:
    return f if p.f else m


def de(place: str) -> str:
    if re.match(r"(?i)le ", place):
        return "du " + place[3:]
    if re.match(r"(?i)les ", place):
        return "des " + place[4:]
    if re.match(r"(?i)(la |l')", place) or re.match(r"[AEIOUYÉÈÎ]", place):
        return ("d'" + place) if re.match(r"[AEIOUYÉÈÎ]", place) else "de " + place
    return "de " + place


def at(place: str) -> str:
    if re.match(r"(?i)le ", place):
        return "au " + place[3:]
    if re.match(r"(?i)les ", place):
        return "aux " + place[4:]
    return "à " + place


def rank(fonction: str) -> int:
    m = re.match(r"(\d+)", fonction)
    return int(m[1]) if m else 0


def ordinal(n: int, f: bool, style: str) -> str:
    if style == "word" and n <= 3:
        return ["", "première" if f else "premier", "deuxième", "troisième"][n]
    if n == 1:
        return "1re" if f and style != "sloppy" else ("1ère" if f else "1er")
    return f"{n}e" if style != "sloppy" else f"{n}ème"


def dept_label(p: P) -> str:
    return DEPTS.get(p.dep, p.dep)


def mandate(p: P, style: str = "full") -> str:
    """The mandate as a signer writes it. style: full, short (abbreviated), place_dep (with (dd))."""
    k, fn, f = p.kind, p.fonction, p.f
    dd = f" ({p.dep})" if p.dep and style != "short" else ""
    if k == "mai" or (not k and p.fonction == "Maire") or (not k and p.impostor == "mayor_elsewhere"):
        if style == "short":
            return f"maire {de(p.commune)} ({p.dep})"
        return f"maire {de(p.commune)}{dd}"
    if k == "cm" or not k:
        n = rank(fn)
        if "adjoint" in fn.lower():
            if style == "short":
                return f"{ordinal(n, f, 'sloppy')} {e(p, 'adjt', 'adjte')} {p.commune} ({p.dep})"
            return f"{ordinal(n, f, 'word')} {e(p, 'adjoint', 'adjointe')} au maire {de(p.commune)}{dd}"
        if "délégué" in fn.lower():
            if style == "short":
                return f"cons. mun. {e(p, 'délégué', 'déléguée')} {p.commune} ({p.dep})"
            return f"{e(p, 'conseiller municipal délégué', 'conseillère municipale déléguée')} {at(p.commune)}{dd}"
        if style == "short":
            return f"{e(p, 'cons.', 'cons.')} mun. {p.commune} ({p.dep})"
        return f"{e(p, 'conseiller municipal', 'conseillère municipale')} {de(p.commune)}{dd}"
    if k == "cd":
        n = rank(fn)
        dep = dept_label(p)
        if fn.startswith("Président du"):
            return ("Pdt CD " if style == "short" else e(p, "président du conseil départemental ", "présidente du conseil départemental ")) + (p.dep if style == "short" else de(dep))
        if "Vice" in fn:
            if style == "short":
                return f"VP CD{p.dep}"
            return f"{ordinal(n, f, 'plain')} {e(p, 'vice-président', 'vice-présidente')} du conseil départemental {de(dep)}"
        if style == "short":
            return f"cons. dép. {p.dep} (canton {de(p.canton)})"
        return f"{e(p, 'conseiller départemental', 'conseillère départementale')} {de(dep)}, canton {de(p.canton)}"
    if k == "cr":
        reg = p.region
        if "Vice" in fn:
            return f"{e(p, 'vice-président', 'vice-présidente')} de la Région {reg}" if style != "short" else f"VP région {reg}"
        if style == "short":
            return f"cons. rég. {reg} ({p.section})"
        return f"{e(p, 'conseiller régional', 'conseillère régionale')} {de(reg)} ({p.section})"
    if k == "ma":
        c = p.coll
        if c.startswith("Métropole"):
            return e(p, "conseiller métropolitain", "conseillère métropolitaine") + " de la Métropole de Lyon"
        if c == "Corse":
            return e(p, "conseiller", "conseillère") + " à l'Assemblée de Corse"
        if c == "Martinique":
            return e(p, "conseiller", "conseillère") + " à l'Assemblée de Martinique"
        return e(p, "conseiller territorial", "conseillère territoriale") + " de Guyane"
    if k == "ca":
        sect = re.sub(r"(?i)(\d+)eme", r"\1e", p.secteur.replace(" Secteur", " secteur"))
        n = rank(fn)
        if "Maire d" in fn:
            return f"{e(p, 'maire', 'maire')} d'arrondissement ({sect})"
        if "adjoint" in fn.lower():
            return f"{ordinal(n, f, 'plain')} {e(p, 'adjoint', 'adjointe')} au maire d'arrondissement, {sect}"
        return f"{e(p, 'conseiller', 'conseillère')} d'arrondissement ({sect})"
    raise ValueError(k)


def title_line(p: P) -> str:
    """« Le Maire, » / « La Conseillère départementale, » — the title above a name in a signature block."""
    m = mandate(p)
    m = re.sub(r"^(\d+\w*|premi\w+|deuxi\w+|troisi\w+) ", "", m)
    head = m.split(" de ")[0].split(" d'")[0].split(" à ")[0].split(" au ")[0].split(",")[0]
    art = "La" if p.f else "Le"
    return f"{art} {head[0].upper()}{head[1:]},"


def nice_name(p: P, style: str) -> str:
    pr, nom = p.prenom, p.nom
    if style == "caps":
        return f"{nom} {pr}"
    if style == "CAPS":
        return f"{pr.upper()} {nom}"
    if style == "title":
        return f"{pr} {' '.join(w.capitalize() for w in re.split(r'( |-)', nom.lower()) if w)}".replace(" - ", "-")
    if style == "initial":
        ini = "-".join(x[0] + "." for x in pr.split("-"))
        return f"{ini} {nom}"
    if style == "lower":
        return noacc(f"{pr} {nom}").lower()
    return f"{pr} {nom}"


def local_part(p: P) -> str:
    return re.sub(r"[^a-z0-9]+", "", noacc(p.prenom).lower()) + "." + re.sub(r"[^a-z0-9]+", "", noacc(p.nom).lower())


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", noacc(s).lower()).strip("-")


def personal_addr(p: P, rng) -> str:
    dom = rng.choice(["orange.fr", "gmail.com", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "yahoo.fr", "outlook.fr"])
    lp = local_part(p)
    return rng.choice([lp, lp.replace(".", ""), lp.split(".")[0][0] + lp.split(".")[1], lp + str(rng.randint(10, 79))]) + "@" + dom


def mairie_addr(p: P, rng) -> str:
    s = slug(p.commune)
    return rng.choice([f"mairie.{s}@wanadoo.fr", f"mairie@{s}.fr", f"accueil@mairie-{s}.fr", f"secretariat.mairie{s.replace('-', '')}@orange.fr"])


# --------------------------------------------------------------------------- clock and ids
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
TZ = dt.timezone(dt.timedelta(hours=2))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2026, 5, 18, 8, 12, 0, tzinfo=TZ)
        self.rng = rng

    def tick(self) -> dt.datetime:
        self.t += dt.timedelta(minutes=self.rng.randint(7, 95), seconds=self.rng.randint(0, 59))
        if self.t.hour >= 23:
            self.t = self.t.replace(hour=7) + dt.timedelta(days=1)
        return self.t


def hx(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def HX(rng, n):
    return "".join(rng.choice("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))


def msgid(client: str, dom: str, rng) -> str:
    if client == "gmail":
        return f"<CA{HX(rng, 10)}{hx(rng, 20)}+{HX(rng, 6)}@mail.gmail.com>"
    if client in ("apple", "iphone"):
        return f"<{HX(rng, 8)}-{HX(rng, 4)}-{HX(rng, 4)}-{HX(rng, 4)}-{HX(rng, 12)}@{dom}>"
    if client in ("outlook", "outlook_mobile"):
        x = HX(rng, 4)
        return f"<PR3P{x}MB{rng.randint(1000, 9999)}{HX(rng, 20)}@PR3P{x}MB{rng.randint(1000, 9999)}.FRAP264.PROD.OUTLOOK.COM>"
    if client == "thunderbird":
        return f"<{hx(rng, 8)}-{hx(rng, 4)}-{hx(rng, 4)}-{hx(rng, 4)}-{hx(rng, 12)}@{dom}>"
    if client == "zimbra":
        return f"<{rng.randint(100000000, 999999999)}.{rng.randint(1000000, 9999999)}.{rng.randint(10**12, 10**13 - 1)}.JavaMail.zimbra@{dom}>"
    return f"<{rng.randint(10**9, 10**10)}.{hx(rng, 12)}@{dom}>"


def boundary(client: str, rng) -> str:
    if client == "gmail":
        return "0000000000" + hx(rng, 16)
    if client in ("apple", "iphone"):
        return f"Apple-Mail={HX(rng, 8)}-{HX(rng, 4)}-{HX(rng, 4)}-{HX(rng, 4)}-{HX(rng, 12)}"
    if client in ("outlook", "outlook_mobile"):
        return f"_000_PR3P{HX(rng, 28)}PR3P_"
    if client == "thunderbird":
        return "------------" + "".join(rng.choice("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(24))
    return f"=_{hx(rng, 32)}"


MAILERS = {
    "gmail": None,
    "apple": "X-Mailer: Apple Mail (2.3774.500.171.1.1)",
    "iphone": "X-Mailer: iPhone Mail (21E236)",
    "outlook": "X-Mailer: Microsoft Outlook 16.0",
    "outlook_mobile": None,
    "thunderbird": "User-Agent: Mozilla Thunderbird",
    "zimbra": "X-Mailer: Zimbra 9.0.0_GA_4583 (ZimbraWebClient - FF125 (Win)/9.0.0_GA_4583)",
    "orange": "X-Mailer: Orange Mail",
    "roundcube": "User-Agent: Roundcube Webmail/1.6.6",
    "plain": None,
}


def gmail_date(t):
    return f"{FR_DAYS[t.weekday()][:3]}. {t.day} {FR_MONTHS[t.month - 1]} {t.year} à {t:%H:%M}"


def long_date(t):
    return f"{FR_DAYS[t.weekday()]} {t.day} {FR_MONTHS[t.month - 1]} {t.year} {t:%H:%M}"


# --------------------------------------------------------------------------- messages and rendering
@dataclass
class Mail:
    file: str
    client: str
    from_name: str
    from_addr: str
    subject: str
    date: dt.datetime
    text: str | None = None
    html: str | None = None
    attachments: list = field(default_factory=list)  # (filename, mimetype, charset, text)
    charset: str = "utf-8"
    cte: str = "8bit"
    to: str = f"{ORG_NAME} <{ORG_ADDR}>"
    msgid: str = ""
    in_reply_to: str = ""
    references: str = ""
    extra_headers: list = field(default_factory=list)
    used_2047: bool = False


def fits(s: str, cs: str) -> bool:
    try:
        s.encode(cs)
        return True
    except UnicodeEncodeError:
        return False


def enc_header(s: str, cs: str, m: Mail) -> str:
    if all(ord(c) < 128 for c in s):
        return s
    m.used_2047 = True
    return Header(s, cs if fits(s, cs) else "utf-8").encode()


def enc_addr(name: str, addr: str, cs: str, m: Mail) -> str:
    if not name:
        return addr
    if all(ord(c) < 128 for c in name):
        q = f'"{name}"' if re.search(r"[(),.:;@\[\]]", name) else name
        return f"{q} <{addr}>"
    m.used_2047 = True
    return f"{Header(name, cs if fits(name, cs) else 'utf-8').encode()} <{addr}>"


def enc_to(to: str, cs: str, m: Mail) -> str:
    name, addr = email.utils.parseaddr(to)
    return enc_addr(name, addr, cs, m) if addr and "@" in addr else to


def payload(text: str, cs: str, cte: str) -> bytes:
    raw = text.encode(cs)
    if cte == "quoted-printable":
        return quopri.encodestring(raw)
    if cte == "base64":
        return base64.encodebytes(raw)
    return raw


def part(ctype: str, text: str, cs: str, cte: str) -> bytes:
    head = f"Content-Type: {ctype}; charset=\"{cs}\"\nContent-Transfer-Encoding: {cte}\n\n"
    body = payload(text, cs, cte)
    return head.encode() + body + (b"" if body.endswith(b"\n") else b"\n")


def render(m: Mail, rng) -> bytes:
    cs = m.charset
    if not all(fits(x, cs) for x in (m.text or "", m.html or "")):
        cs = m.charset = "utf-8"
    cte = m.cte
    h = [
        f"Return-Path: <{m.from_addr}>",
        f"From: {enc_addr(m.from_name, m.from_addr, cs, m)}",
        f"To: {enc_to(m.to, cs, m)}",
        f"Subject: {enc_header(m.subject, cs, m)}",
        f"Date: {email.utils.format_datetime(m.date)}",
        f"Message-ID: {m.msgid}",
    ]
    if m.in_reply_to:
        h.append(f"In-Reply-To: {m.in_reply_to}")
        h.append(f"References: {m.references}")
    if MAILERS.get(m.client):
        h.append(MAILERS[m.client])
    h += m.extra_headers
    h.append("MIME-Version: 1.0")
    bodies = []
    if m.text is not None:
        bodies.append(("text/plain", m.text))
    if m.html is not None:
        bodies.append(("text/html", m.html))
    if len(bodies) == 2:
        b = boundary(m.client, rng)
        alt = (f"Content-Type: multipart/alternative; boundary=\"{b}\"\n\n").encode()
        for ct, t in bodies:
            alt += f"--{b}\n".encode() + part(ct, t, cs, cte) + b"\n"
        alt += f"--{b}--\n".encode()
        main = alt
    else:
        main = part(bodies[0][0], bodies[0][1], cs, cte)
    if m.attachments:
        b = boundary(m.client, rng)
        out = f"Content-Type: multipart/mixed; boundary=\"{b}\"\n\n".encode() + f"--{b}\n".encode() + main + b"\n"
        for fname, mt, acs, atext in m.attachments:
            out += (f"--{b}\nContent-Type: {mt}; charset=\"{acs}\"; name=\"{fname}\"\n"
                    f"Content-Disposition: attachment; filename=\"{fname}\"\nContent-Transfer-Encoding: base64\n\n").encode()
            out += base64.encodebytes(atext.encode(acs)) + b"\n"
        out += f"--{b}--\n".encode()
        main = out
    return ("\n".join(h) + "\n").encode() + main


# --------------------------------------------------------------------------- quoting, as each client does it
def q_lines(text: str, prefix="> ") -> str:
    return "\n".join((prefix + line).rstrip() if line else prefix.rstrip() for line in text.rstrip("\n").split("\n"))


def quote_block(prev: Mail, prev_text: str, client: str) -> str:
    """What sits under a reply in the given client (plain text)."""
    t, who = prev.date, prev.from_name or prev.from_addr
    if client == "gmail":
        return f"Le {gmail_date(t)}, {who} <{prev.from_addr}> a écrit :\n\n{q_lines(prev_text)}\n"
    if client == "iphone":
        return q_lines(f"Le {t.day} {FR_MONTHS[t.month - 1]} {t.year} à {t:%H:%M}, {who} <{prev.from_addr}> a écrit :\n\n{prev_text}") + "\n"
    if client == "apple":
        return f"> Le {t.day} {FR_MONTHS[t.month - 1]} {t.year} à {t:%H:%M}, {who} <{prev.from_addr}> a écrit :\n> \n{q_lines(prev_text)}\n"
    if client == "thunderbird":
        return f"Le {t:%d/%m/%Y} à {t:%H:%M}, {who} a écrit :\n{q_lines(prev_text)}\n"
    if client in ("outlook", "outlook_mobile"):
        return (f"________________________________\nDe : {who} <{prev.from_addr}>\nEnvoyé : {long_date(t)}\n"
                f"À : {prev.to}\nObjet : {prev.subject}\n\n{prev_text.rstrip()}\n")
    if client == "zimbra":
        return (f"----- Mail original -----\nDe: \"{who}\" <{prev.from_addr}>\nÀ: \"{prev.to}\"\n"
                f"Envoyé: {FR_DAYS[t.weekday()].capitalize()} {t.day} {FR_MONTHS[t.month - 1].capitalize()} {t.year} {t:%H:%M:%S}\n"
                f"Objet: {prev.subject}\n\n{prev_text.rstrip()}\n")
    if client == "orange":
        return q_lines(f"Message du {t:%d/%m/%y %H:%M}\nDe : \"{who}\" <{prev.from_addr}>\nA : {prev.to}\nCopie à : \n"
                       f"Objet : {prev.subject}\n\n{prev_text}") + "\n"
    if client == "roundcube":
        return f"Le {t:%Y-%m-%d %H:%M}, {who} a écrit :\n{q_lines(prev_text)}\n"
    return f"{who} a écrit :\n{q_lines(prev_text)}\n"


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_of(text: str, client: str, quoted_html: str = "") -> str:
    lines = text.rstrip("\n").split("\n")
    if client == "outlook":
        body = "".join(f"<p class=\"MsoNormal\">{esc(line) if line else '<o:p>&nbsp;</o:p>'}</p>\n" for line in lines)
        return ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta http-equiv=\"Content-Type\" content=\"text/html\">"
                "<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:\"Calibri\",sans-serif;} --></style></head>\n"
                f"<body lang=\"FR\" link=\"#0563C1\"><div class=\"WordSection1\">\n{body}{quoted_html}</div></body></html>\n")
    if client == "gmail":
        inner = "".join(f"<div>{esc(line) if line else '<br>'}</div>" for line in lines)
        return f"<div dir=\"ltr\">{inner}</div>{quoted_html}\n"
    if client in ("apple", "iphone"):
        inner = "".join(f"<div>{esc(line) if line else '<br>'}</div>" for line in lines)
        return f"<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head><body dir=\"auto\">{inner}{quoted_html}</body></html>\n"
    inner = "<br>\n".join(esc(line) for line in lines)
    return f"<html><head></head><body><p>{inner}</p>{quoted_html}</body></html>\n"


def quote_html(prev: Mail, prev_text: str, client: str) -> str:
    t, who = prev.date, prev.from_name or prev.from_addr
    inner = "<br>\n".join(esc(x) for x in prev_text.rstrip().split("\n"))
    if client == "gmail":
        return (f"<br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">Le {gmail_date(t)}, {esc(who)} &lt;"
                f"<a href=\"mailto:{prev.from_addr}\">{prev.from_addr}</a>&gt; a écrit&nbsp;:<br></div>"
                f"<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">"
                f"{inner}</blockquote></div>")
    if client in ("apple", "iphone"):
        return (f"<div dir=\"ltr\"><br><blockquote type=\"cite\">Le {t.day} {FR_MONTHS[t.month - 1]} {t.year} à {t:%H:%M}, "
                f"{esc(who)} &lt;{prev.from_addr}&gt; a écrit&nbsp;:<br><br></blockquote></div><blockquote type=\"cite\"><div dir=\"ltr\">{inner}</div></blockquote>")
    if client == "outlook":
        return (f"<div id=\"divRplyFwdMsg\" dir=\"ltr\"><hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">"
                f"<font face=\"Calibri, sans-serif\" style=\"font-size:11pt\" color=\"#000000\"><b>De :</b> {esc(who)} &lt;{prev.from_addr}&gt;<br>"
                f"<b>Envoyé :</b> {long_date(t)}<br><b>À :</b> {esc(prev.to)}<br><b>Objet :</b> {esc(prev.subject)}</font>"
                f"<div>&nbsp;</div></div><div>{inner}</div>")
    return (f"<div class=\"moz-cite-prefix\">Le {t:%d/%m/%Y} à {t:%H:%M}, {esc(who)} a écrit&nbsp;:<br></div>"
            f"<blockquote type=\"cite\" cite=\"mid:{prev.msgid.strip('<>')}\">{inner}</blockquote>")


SMART_FOOT = ["Envoyé de mon iPhone", "Envoyé de mon iPad", "Envoyé depuis mon smartphone Samsung Galaxy.",
              "Obtenir Outlook pour Android", "Envoyé depuis mon mobile Orange", "Sent from my iPhone", "--\nEnvoyé de mon appareil Android avec Gmail"]
PARTIES = ["(EELV)", "— Les Écologistes", "(PCF)", "groupe Gauche citoyenne et écologiste", "Parti socialiste", "LFI-NFP",
           "élue Génération·s", "sans étiquette", "(DVG)", "Place publique", "membre du PRG", "(Régions et Peuples Solidaires)"]
ENCODINGS = [("utf-8", "8bit"), ("iso-8859-1", "quoted-printable"), ("windows-1252", "8bit"), ("utf-8", "quoted-printable"),
             ("utf-8", "base64"), ("windows-1252", "quoted-printable"), ("iso-8859-1", "8bit")]


# --------------------------------------------------------------------------- the corpus
class Book:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.reg = Registry()
        self.d = Drawer(self.reg, self.rng)
        self.clock = Clock(self.rng)
        self.mails: list[Mail] = []
        self.labels: list[dict] = []
        self.n = 0
        self.slot = 0
        self.enc_i = 0
        self.signed_by: dict[str, tuple[Mail, P]] = {}

    # -- plumbing
    def new(self, shape: str, client: str, from_name: str, from_addr: str, subject: str, **kw) -> Mail:
        self.n += 1
        cs, cte = ENCODINGS[self.enc_i % len(ENCODINGS)]
        self.enc_i += 1
        dom = from_addr.split("@")[1]
        m = Mail(f"{self.n:03d}-{shape}.eml", client, from_name, from_addr, subject, kw.pop("date", None) or self.clock.tick(),
                 charset=cs, cte=cte, msgid=msgid(client, dom, self.rng), **kw)
        self.mails.append(m)
        return m

    def label(self, m: Mail, shape: str, intent: str, case: str, p: P | None = None, thread: str | None = None,
              expected: str | None = None, refers_to: str = ""):
        self.labels.append(dict(
            message_file=m.file, thread=thread or m.file[:-4], intent=intent, case=case, shape=shape,
            nom=p.nom if p and expected != "no_signer" else "", prenom=p.prenom if p and expected != "no_signer" else "",
            truth_kind=p.kind if p and case == "official" and expected != "no_signer" else "",
            truth_code_commune=p.truth_commune if p and case == "official" and expected != "no_signer" else "",
            truth_code_departement=p.truth_dep if p and case == "official" and expected != "no_signer" else "",
            expected=expected or ("verified" if case == "official" else "not_verified" if case == "impostor" else "no_signer"),
            impostor_type=p.impostor if p and case == "impostor" and expected != "no_signer" else "",
            refers_to=refers_to, client=m.client, encoding="", _mail=m))

    def signer(self, kinds=None, impostor_ok=True, pred=lambda p: True) -> P:
        self.slot += 1
        if impostor_ok and self.slot % 5 == 0:
            return self.d.impostor()
        return self.d.official(kinds, pred) if kinds else self.d.official(pred=pred)

    def case(self, p: P) -> str:
        return "impostor" if p.impostor else "official"

    def sign(self, m, shape, p, thread=None, intent="signs"):
        self.label(m, shape, intent, self.case(p), p, thread)
        self.signed_by.setdefault(m.from_addr, (m, p))

    # -- shapes
    def smartphone(self, k):
        r = self.rng
        p = self.signer()
        nm = nice_name(p, "lower")
        md = noacc(mandate(p)).lower()
        body = r.choice([
            f"bonjour\nje signe\n{nm}\n{md}\n",
            f"ok pour moi, vous pouvez mettre mon nom : {nm}, {md}\nbonne journee",
            f"Je signe bien sur ! {nm} - {md}",
            f"bjr, signature : {nm} {md}. merci pour ce que vous faites",
            f"bonsoir je m associe a l appel\n{nm}\n{md}\n",
        ])
        foot = SMART_FOOT[k % len(SMART_FOOT)]
        client = {0: "iphone", 1: "iphone", 3: "outlook_mobile", 5: "iphone"}.get(k % len(SMART_FOOT), "gmail")
        fromn = r.choice([p.prenom, "", nice_name(p, "plain"), f"{p.prenom[0]}. {p.nom.title()}"])
        m = self.new("smartphone", client, fromn, personal_addr(p, r), r.choice(["Re: appel petites lignes", "signature", "Appel", "je signe", ""]) or "(sans objet)",
                     text=f"{body.rstrip()}\n\n{foot}\n")
        self.sign(m, "smartphone", p)

    def formal(self, k):
        r = self.rng
        p = self.signer()
        t = self.clock.t
        ns = nice_name(p, r.choice(["plain", "CAPS"]))
        soussigne = e(p, "Je soussigné", "Je soussignée") if k % 3 else "Je soussigné(e)"
        lieu = p.commune or p.canton or p.region or p.coll or "Paris"
        text = (f"Madame, Monsieur,\n\n{soussigne} {ns}, {mandate(p)}, déclare apporter mon soutien à {CALL} "
                f"et vous autorise à faire figurer mon nom et ma qualité parmi les signataires.\n\n"
                f"Les fermetures successives de guichets et la réduction des dessertes pénalisent durement nos territoires.\n\n"
                f"Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n"
                f"Fait à {lieu}, le {t.day} {FR_MONTHS[t.month - 1]} {t.year}\n\n{nice_name(p, 'plain')}\n")
        if k % 4 == 1:
            text = text.replace("Madame, Monsieur,", "Mesdames, Messieurs,").replace("Je vous prie d'agréer, Madame, Monsieur,", "Veuillez agréer, Mesdames, Messieurs,")
        client = ["outlook", "thunderbird", "plain", "zimbra"][k % 4]
        m = self.new("formal", client, nice_name(p, "plain"), personal_addr(p, r), r.choice(["Soutien à l'appel", "Signature de l'appel des élu·es", "Lettre de soutien"]),
                     text=text)
        if client == "outlook" and k % 2 == 0:
            m.html = html_of(text, "outlook")
        self.sign(m, "formal", p)

    def secretary(self, k):
        r = self.rng
        p = self.signer(kinds=("mai",) if k % 4 else ("cd",), impostor_ok=True)
        if p.impostor and p.impostor in ("other_first", "invented"):
            p.fonction = "Maire"
        sec_f = r.choice(["Nadine", "Corinne", "Fabienne", "Laetitia", "Pascale"])
        title = e(p, "M. le Maire", "Mme la Maire")
        if p.kind == "cd":
            title = e(p, "M. le Conseiller départemental", "Mme la Conseillère départementale")
        texts = [
            f"Bonjour,\n\nPour {title}, {nice_name(p, 'CAPS')}, je vous confirme qu'{e(p, 'il', 'elle')} souhaite signer {CALL} en qualité de {mandate(p)}.\n\nCordialement,\n\n{sec_f}\n{'Cabinet du Département' if p.kind == 'cd' else 'Secrétariat de mairie'}\n",
            f"Madame, Monsieur,\n\nÀ la demande de {title} ({nice_name(p, 'caps')}), je vous informe qu'{e(p, 'il', 'elle')} signe votre appel.\n{mandate(p)[0].upper() + mandate(p)[1:]}.\n\nBien à vous,\n{sec_f} — accueil / secrétariat\n",
            f"Bonjour,\nVeuillez ajouter la signature de {nice_name(p, 'plain')}, {mandate(p)}.\nP/O {sec_f}, secrétaire {'du cabinet' if p.kind == 'cd' else 'de mairie'}\n",
        ]
        addr = mairie_addr(p, r) if p.commune else f"cabinet.{slug(p.canton)}@departement{p.dep}.fr"
        fromn = f"Mairie {de(p.commune)}".replace("Mairie de ", "Mairie de ") if p.commune else "Secrétariat élus"
        m = self.new("secretary", ["zimbra", "outlook", "orange", "plain"][k % 4], fromn, addr,
                     r.choice(["Signature de M. le Maire", "Appel petites lignes - signature", "Tr : votre appel", "Demande de signature"]),
                     text=texts[k % 3])
        self.sign(m, "secretary", p)

    def title_block(self, k):
        r = self.rng
        p = self.signer()
        head = title_line(p)
        place = mandate(p)
        addr_lines = ""
        if p.commune_code:
            addr_lines = f"Hôtel de Ville\n{r.randint(1, 30)} place de la Mairie\n{postcode(p.commune_code)} {p.commune.upper()}\nTél. 0{r.randint(1, 5)} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}\n"
        nm = nice_name(p, r.choice(["plain", "CAPS", "plain"]))
        intro = r.choice(["Bonjour,\n\nJe m'associe bien volontiers à votre appel.", "Bonjour,\n\nVous pouvez compter sur ma signature.",
                          "Chers amis,\n\nJe signe l'appel, c'est une évidence pour notre territoire."])
        if k % 3 == 0:
            block = f"{head}\n{nm}\n\n{place}\n{addr_lines}"
        elif k % 3 == 1:
            block = f"{nm}\n{place[0].upper() + place[1:]}\n{addr_lines}"
        else:
            block = f"{head}\n\n\n{nm}\n{addr_lines}({place})\n"
        text = f"{intro}\n\nBien cordialement,\n\n{block}"
        client = ["thunderbird", "apple", "outlook", "plain", "roundcube"][k % 5]
        m = self.new("title_block", client, "" if k % 2 else nice_name(p, "plain"), personal_addr(p, r) if k % 3 else (mairie_addr(p, r) if p.commune else personal_addr(p, r)),
                     "Appel pour les petites lignes", text=text)
        if client == "apple":
            m.html = html_of(text, "apple")
        self.sign(m, "title_block", p)

    def caps_initials(self, k):
        r = self.rng
        if k % 2 == 0:
            # initials: make sure no one else in the same commune shares surname and initial
            def pred(p):
                if not p.commune_code:
                    return False
                same = [q for q in self.reg.by_commune[p.commune_code] if fold(q.nom) == fold(p.nom) and fold(q.prenom)[:1] == fold(p.prenom)[:1]]
                return len({ident(q.nom, q.prenom) for q in same}) == 1
            p = self.signer(kinds=("cm", "mai"), pred=pred)
            nm = nice_name(p, "initial")
        else:
            p = self.signer()
            nm = r.choice([f"{p.nom.upper()} {p.prenom.upper()}", f"{p.prenom.upper()} {p.nom.upper()}", noacc(f"{p.nom} {p.prenom}").upper()])
        md = mandate(p)
        text = r.choice([f"Bonjour,\n\nJE SIGNE.\n{nm}\n{md.upper()}\n", f"Signature : {nm}, {md}.\n\nCordialement\n",
                         f"Bonjour,\n{nm} ({md}) soutient l'appel.\n"])
        m = self.new("caps_initials", ["plain", "gmail", "orange", "roundcube"][k % 4], "", personal_addr(p, r), "SIGNATURE APPEL", text=text)
        self.sign(m, "caps_initials", p)

    def abbrev(self, k):
        r = self.rng
        p = self.signer()
        nm = nice_name(p, r.choice(["plain", "caps"]))
        md = mandate(p, "short")
        extra = ["", " — élue d'opposition" if p.f else " — élu d'opposition", " et conseill" + e(p, "er", "ère") + " communautaire", " (maj. munic.)"][k % 4]
        if p.kind not in ("cm", "") or "adjt" in md:
            extra = ""
        if k % 5 == 2 and p.kind in ("cm", ""):
            md = e(p, "conseiller communautaire et municipal", "conseillère communautaire et municipale") + f" {de(p.commune)} ({p.dep})"
        text = r.choice([f"Bonjour,\nje signe : {nm}, {md}{extra}\nCdlt\n", f"{nm}\n{md}{extra}\n\nBien à vous", f"Bjr,\n{md}{extra} - {nm}. Je signe.\n"])
        m = self.new("abbrev", ["plain", "gmail", "thunderbird", "zimbra"][k % 4], nice_name(p, "plain") if k % 2 else "", personal_addr(p, r), r.choice(["sign.", "Appel", "Re: Appel des élu·es"]), text=text)
        self.sign(m, "abbrev", p)

    def party(self, k):
        r = self.rng
        p = self.signer()
        pa = PARTIES[k % len(PARTIES)]
        nm = nice_name(p, "plain")
        forms = [f"Bonjour,\n\n{nm} {pa}\n{mandate(p)}\n\nJe signe l'appel.\n",
                 f"Je soutiens l'appel.\n\n{nm}\n{mandate(p)[0].upper() + mandate(p)[1:]}\n{pa.strip('()— ')}\n",
                 f"Bonjour, signature de {nm}, {mandate(p)}, {pa.strip('()— ')}.\nSolidairement,\n{p.prenom}\n"]
        subj = r.choice([f"Signature {pa.strip('()— ')}", "Appel petites lignes", "signature"])
        m = self.new("party", ["gmail", "thunderbird", "plain", "apple"][k % 4], "", personal_addr(p, r), subj, text=forms[k % 3])
        self.sign(m, "party", p)

    def multi(self, k):
        r = self.rng
        # councillors of one commune (sometimes a couple sharing a surname)
        for _ in range(5000):
            cc = r.choice(list(self.reg.by_commune))
            people = [q for q in self.reg.by_commune[cc] if self.reg.unique(q) and ident(q.nom, q.prenom) not in self.d.used and q.kind == "cm" and not q.dep.startswith("97")]
            if k % 3 == 0:
                by = defaultdict(list)
                for q in people:
                    by[fold(q.nom)].append(q)
                pairs = [v for v in by.values() if len(v) >= 2 and len({ident(x.nom, x.prenom) for x in v}) >= 2]
                if pairs:
                    group = pairs[0][:2]
                    break
            elif len(people) >= 3:
                group = r.sample(people, 2 + k % 2)
                break
        for q in group:
            self.d.used.add(ident(q.nom, q.prenom))
        if k in (1, 4):
            imp = self.d.impostor("other_first" if k == 1 else "invented")
            imp.commune, imp.commune_code, imp.dep = group[0].commune, group[0].commune_code, group[0].dep
            group = group + [imp]
        c = group[0].commune
        if k % 3 == 0:
            a, b = group
            text = (f"Bonjour,\n\nNous signons tous les deux : {a.prenom} et {b.prenom} {a.nom}, {e(a, 'conseiller', 'conseillère')} et {e(b, 'conseiller', 'conseillère')} municipaux de {c} ({a.dep}).\n\n"
                    f"Amitiés\n{a.prenom} & {b.prenom}\n")
        else:
            lines = "\n".join(f"- {nice_name(q, r.choice(['plain', 'caps']))}, {mandate(q).split(' de ' + c)[0].split(' d' + chr(39) + c)[0].split(' à ' + c)[0]}" for q in group)
            text = (f"Bonjour,\n\nLes élu·es du groupe « {r.choice(['Agir ensemble pour', 'Vivre mieux à', 'Un nouveau souffle pour'])} {c} » signent l'appel :\n{lines}\n\n"
                    f"Conseil municipal {de(c)} ({group[0].dep}).\n\nPour le groupe,\n{nice_name(group[0], 'plain')}\n")
        m = self.new("multi", ["gmail", "plain", "thunderbird"][k % 3], nice_name(group[0], "plain"), personal_addr(group[0], r), "Signatures du groupe" if k % 3 else "On signe !", text=text)
        for q in group:
            self.sign(m, "multi", q)

    def forwarded(self, k):
        r = self.rng
        p = self.signer()
        inner_addr = personal_addr(p, r)
        t0 = self.clock.tick()
        inner = f"Bonjour {r.choice(['Claire', 'Marc', 'Julien'])},\n\nTu peux transmettre : je signe l'appel.\n{nice_name(p, 'plain')}\n{mandate(p)}\n"
        who = nice_name(p, "plain")
        fwd_client = ["gmail", "apple", "thunderbird", "outlook", "zimbra", "yahoo", "gmail"][k % 7]
        if fwd_client == "gmail":
            hdr = f"---------- Forwarded message ---------\nDe : {who} <{inner_addr}>\nDate: {gmail_date(t0)}\nSubject: Appel petites lignes\nTo: <collab@example.org>\n\n"
            body = f"Bonjour,\n\nJe vous fais suivre la signature de ma collègue.\n\n{hdr}{inner}"
        elif fwd_client == "apple":
            hdr = f"Début du message réexpédié :\n\nDe: {who} <{inner_addr}>\nObjet: Appel petites lignes\nDate: {t0.day} {FR_MONTHS[t0.month - 1]} {t0.year} à {t0:%H:%M:%S} UTC+2\nÀ: collab@example.org\n\n"
            body = f"Pour info, ci-dessous.\n\n{q_lines(hdr + inner)}\n"
        elif fwd_client == "thunderbird":
            hdr = f"-------- Message transféré --------\nSujet : \tAppel petites lignes\nDate : \t{email.utils.format_datetime(t0)}\nDe : \t{who} <{inner_addr}>\nPour : \tcollab@example.org\n\n\n\n"
            body = f"Signature reçue ce matin, je vous la transmets.\n\n{hdr}{inner}"
        elif fwd_client == "outlook":
            hdr = f"De : {who} <{inner_addr}>\nEnvoyé : {long_date(t0)}\nÀ : collab@example.org\nObjet : Appel petites lignes\n\n"
            body = f"Bonjour,\n\nTransmis pour la tribune.\n\nBien cordialement,\nJ. Roussel, collaborateur\n\n{hdr}{inner}"
        elif fwd_client == "zimbra":
            hdr = f"----- Mail transféré -----\nDe: \"{who}\" <{inner_addr}>\nÀ: \"collab\" <collab@example.org>\nEnvoyé: {FR_DAYS[t0.weekday()].capitalize()} {t0.day} {FR_MONTHS[t0.month - 1].capitalize()} {t0.year} {t0:%H:%M:%S}\nObjet: Appel petites lignes\n\n"
            body = f"Bonjour, voir ci-dessous.\n\n{hdr}{inner}"
        else:
            hdr = f"   ----- Message transmis ----- De : {who} <{inner_addr}>À : \"collab@example.org\" <collab@example.org>Envoyé : {long_date(t0)} UTC+2Objet : Appel petites lignes\n "
            body = f"Bonjour, je transfère.\n\n{hdr}{inner}"
        fwd_from = r.choice(["Julie Roussel-Ammar", "Kevin Tessandier", "Service communication"])
        subj = {"outlook": "TR: Appel petites lignes", "thunderbird": "Fwd: Appel petites lignes", "zimbra": "Fwd: Appel petites lignes"}.get(fwd_client, "Fwd: Appel petites lignes")
        m = self.new("forwarded", fwd_client if fwd_client != "yahoo" else "plain", fwd_from, "collab@example.org" if k % 2 else "communication@asso-territoires.example", subj, text=body)
        if k == 3:  # the forwarder is an official too and adds their own signature
            q = self.d.official(("cm",))
            m.from_name, m.from_addr = nice_name(q, "plain"), personal_addr(q, r)
            m.text = m.text.replace("J. Roussel, collaborateur", f"{nice_name(q, 'plain')}\n{mandate(q)} — je signe également")
            self.sign(m, "forwarded", q)
        self.sign(m, "forwarded", p)

    def html_only(self, k):
        r = self.rng
        p = self.signer()
        nm = nice_name(p, "plain")
        text = f"Bonjour,\n\nJe signe l'appel pour les petites lignes.\n\n{nm}\n{mandate(p)}\n"
        client = ["outlook", "gmail", "apple", "roundcube"][k % 4]
        html = html_of(text, client)
        if k % 3 == 0:  # names with HTML entities, as some webmails write them
            html = html.replace("é", "&eacute;").replace("è", "&egrave;").replace("ç", "&ccedil;").replace("ô", "&ocirc;")
        if k % 4 == 1:
            html = html.replace(esc(nm), f"<b>{esc(nm)}</b>")
        m = self.new("html_only", client, nm if k % 2 else "", personal_addr(p, r), "Appel petites lignes", html=html)
        self.sign(m, "html_only", p)

    def attachment(self, k):
        r = self.rng
        p = self.signer()
        if k % 3 == 0:
            att = ("signature.txt", "text/plain", "windows-1252", f"Nom : {p.nom}\r\nPrénom : {p.prenom}\r\nMandat : {mandate(p)}\r\n")
            body = "Bonjour,\n\nVeuillez trouver ci-joint ma signature.\n\nCordialement\n"
        elif k % 3 == 1:
            fn = f"{slug(p.nom)}.vcf"
            att = (fn, "text/vcard", "utf-8", f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{p.nom};{p.prenom};;;\r\nFN:{p.prenom} {p.nom}\r\nTITLE:{mandate(p)}\r\nEND:VCARD\r\n")
            body = "Je signe. Mes coordonnées en pièce jointe.\n"
        else:
            att = ("Formulaire_signature.txt", "text/plain", "utf-8", f"APPEL DES ÉLU·ES — FORMULAIRE\n\nJe soussigné(e) : {nice_name(p, 'CAPS')}\nQualité : {mandate(p)}\nSignature : {p.prenom[0]}. {p.nom}\n")
            body = "Bonjour, ci-joint le formulaire rempli.\n"
        m = self.new("attachment", ["outlook", "thunderbird", "gmail"][k % 3], "", personal_addr(p, r), "Formulaire de signature", text=body, attachments=[att])
        self.sign(m, "attachment", p)

    def subject_only(self, k):
        r = self.rng
        p = self.signer()
        subj = [f"Je signe : {nice_name(p, 'plain')}, {mandate(p)}", f"{nice_name(p, 'caps')} - {mandate(p, 'short')} - signature",
                f"Signature {nice_name(p, 'plain')} ({mandate(p)})"][k % 3]
        body = ["", "Envoyé de mon iPhone\n", "\n", "--\nEnvoyé depuis mon mobile Orange\n", ""][k % 5]
        m = self.new("subject_only", "iphone" if k % 2 else "gmail", "", personal_addr(p, r), subj, text=body or "\n")
        self.sign(m, "subject_only", p)

    # -- threads
    def org_reply(self, prev: Mail, prev_text: str, text: str, shape: str, thread: str) -> Mail:
        on = f"{ORGANISERS[0][0]} pour l'équipe de l'Appel"
        m = self.new(shape, "thunderbird", ORG_NAME, ORG_ADDR, "Re: " + re.sub(r"^(Re|RE|TR|Fwd) ?: ", "", prev.subject),
                     text=f"{text}\n\n{on}\n\n{quote_block(prev, prev_text, 'thunderbird')}", in_reply_to=prev.msgid,
                     references=(prev.references + " " + prev.msgid).strip())
        m.to = f"{prev.from_name} <{prev.from_addr}>" if prev.from_name else prev.from_addr
        self.label(m, shape, "other", "nonsigning", thread=thread, expected="no_signer")
        return m

    def reply(self, prev: Mail, prev_text: str, p: P, addr: str, text: str, client: str, shape: str) -> tuple[Mail, str]:
        subj = ("RE: " if client.startswith("outlook") else "Re: ") + re.sub(r"^(Re|RE) ?: ", "", prev.subject)
        if client in ("thunderbird", "roundcube") and self.rng.random() < 0.5:
            full = f"{quote_block(prev, prev_text, client)}\n{text}\n"  # bottom-posting, as some Thunderbird users do
        else:
            full = f"{text}\n\n{quote_block(prev, prev_text, client)}"
        m = self.new(shape, client, nice_name(p, "plain") if self.rng.random() < 0.6 else "", addr, subj, text=full,
                     in_reply_to=prev.msgid, references=(prev.references + " " + prev.msgid).strip())
        if client in ("gmail", "outlook", "apple") and self.rng.random() < 0.5:
            m.html = html_of(text, client, quote_html(prev, prev_text, client))
        return m, full

    def thread(self, kind: str, k: int):
        r = self.rng
        shape = {"confirm": "thread_confirm", "mandate": "thread_mandate", "3step": "thread_3step"}[kind]
        th = f"T{k + 1:02d}-{kind}"
        p = self.signer()
        addr = personal_addr(p, r)
        client = ["gmail", "iphone", "outlook", "thunderbird", "zimbra", "orange", "roundcube"][(k + len(kind)) % 7]
        first_client = "plain" if client in ("outlook", "zimbra", "orange") else client
        if kind == "confirm":
            t1 = f"Bonjour,\nJe signe l'appel.\n{nice_name(p, 'plain')}, {mandate(p)}\n"
        else:
            t1 = f"Bonjour,\nje souhaite signer votre appel.\n{nice_name(p, r.choice(['plain', 'CAPS']))}\n"
        m1 = Mail("", first_client, nice_name(p, "plain") if k % 2 else "", addr, "Appel petites lignes", self.clock.tick(), text=t1,
                  msgid=msgid(first_client, addr.split("@")[1], r))
        hidden = kind == "confirm" and k % 3 == 1  # the first message never reached this mailbox
        if not hidden:
            self.n += 1
            m1.file = f"{self.n:03d}-{shape}.eml"
            cs, cte = ENCODINGS[self.enc_i % len(ENCODINGS)]
            self.enc_i += 1
            m1.charset, m1.cte = cs, cte
            self.mails.append(m1)
            self.label(m1, shape, "signs", self.case(p), p, thread=th, expected="no_signer")
        if kind == "confirm":
            o = self.org_reply(m1, t1, "Merci ! Pouvez-vous nous confirmer votre signature en répondant à ce message ?", shape, th)
            last, _ = self.reply(o, o.text, p, addr, r.choice(["Oui, je confirme ma signature.", "Je confirme.", "oui confirmé\nbien à vous"]), client, shape)
            self.sign(last, shape, p, thread=th, intent="confirms")
            return
        o = self.org_reply(m1, t1, "Merci beaucoup. Pouvez-vous préciser votre mandat (et la commune) ?", shape, th)
        m3, t3 = self.reply(o, o.text, p, addr, r.choice([f"{mandate(p)[0].upper() + mandate(p)[1:]}.", f"Oui bien sûr : {mandate(p)}", f"je suis {mandate(p)}"]), client, shape)
        if kind == "mandate":
            self.sign(m3, shape, p, thread=th)
            return
        self.label(m3, shape, "signs", self.case(p), p, thread=th, expected="no_signer")
        o2 = self.org_reply(m3, t3, "Parfait, merci. Confirmez-vous que nous pouvons publier votre nom et votre mandat ?", shape, th)
        last, _ = self.reply(o2, o2.text, p, addr, r.choice(["Oui je confirme.", "C'est bon pour moi, je confirme.", "Confirmé !"]), client, shape)
        self.sign(last, shape, p, thread=th, intent="confirms")

    # -- non-signing
    def question(self, k):
        r = self.rng
        p = self.d.official()
        q = ["Avant de signer, pouvez-vous me dire qui porte cet appel et s'il sera remis au ministre ?",
             "Est-ce que la signature engage ma collectivité ou seulement moi à titre personnel ?",
             "Quelle est la date limite pour signer ? Je dois en parler en conseil.",
             "Pouvez-vous m'envoyer le texte complet en PDF ? Je ne suis pas encore décidé·e.",
             "Les élus d'opposition peuvent-ils signer ?",
             "Y aura-t-il une réunion publique dans notre département ?"][k % 6]
        text = f"Bonjour,\n\n{q}\n\nCordialement,\n\n{nice_name(p, 'plain')}\n{mandate(p)}\n"
        m = self.new("question", ["gmail", "outlook", "thunderbird"][k % 3], nice_name(p, "plain"), personal_addr(p, r), "Question sur l'appel", text=text)
        self.label(m, "question", "question", "nonsigning")

    def thanks(self, k):
        r = self.rng
        p = self.d.official()
        text = r.choice([f"Merci pour votre message et bravo pour la mobilisation !\n\n{title_line(p)}\n{nice_name(p, 'plain')}\n",
                         f"Bien reçu, merci. Je transmets à mes collègues.\n{nice_name(p, 'plain')} - {mandate(p)}\n",
                         f"merci a vous\n{noacc(nice_name(p, 'lower'))}\n\nEnvoyé de mon iPhone\n"])
        m = self.new("thanks", ["apple", "plain", "iphone"][k % 3], nice_name(p, "plain"), personal_addr(p, r), "Re: Merci pour votre signature", text=text)
        self.label(m, "thanks", "thanks", "nonsigning")

    def autoreply(self, k):
        r = self.rng
        p = self.d.official(("mai", "cd", "cm"))
        texts = [f"Bonjour,\n\nJe suis absent{e(p, '', 'e')} du 18 au 29 mai inclus. Pour toute urgence, merci de contacter le secrétariat de mairie.\n\n{title_line(p)}\n{nice_name(p, 'plain')}\n",
                 f"Réponse automatique : votre message a bien été reçu par les services. Il sera traité dans les meilleurs délais.\n\n{nice_name(p, 'CAPS')}\n{mandate(p)}\n",
                 f"Je suis en congés. Retour le 2 juin.\n{nice_name(p, 'plain')}\n",
                 "This is the mail system at host mx.example.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<contact@mairie-inconnue.fr>: host not found\n",
                 f"Message automatique\n\nLa boîte de {nice_name(p, 'plain')} n'est plus consultée. Merci d'écrire à accueil@mairie.example.\n",
                 f"Absent{e(p, '', 'e')} jusqu'au 25/05. {nice_name(p, 'plain')}, {mandate(p)}.\n"]
        subj = ["Réponse automatique : Appel des élu·es pour les petites lignes", "Accusé de réception", "Absence du bureau",
                "Undelivered Mail Returned to Sender", "Message automatique", "Automatic reply: Appel"][k % 6]
        fr = ("MAILER-DAEMON@mx.example", "Mail Delivery System") if k % 6 == 3 else (personal_addr(p, r), nice_name(p, "plain"))
        m = self.new("autoreply", "plain", fr[1], fr[0], subj, text=texts[k % 6],
                     extra_headers=["Auto-Submitted: auto-replied"] + (["X-Autoreply: yes"] if k % 2 else []))
        self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self, k):
        p, q = self.d.official(("mai",)), self.d.official(("cd",))
        text = [f"LA LETTRE DU RAIL — mai 2026\n\nÀ la une : {nice_name(p, 'plain')}, {mandate(p)}, a inauguré la halte ferroviaire rénovée.\n"
                f"Agenda : {nice_name(q, 'plain')}, {mandate(q)}, présentera le schéma régional des mobilités.\n\nSe désabonner : https://lettre.example/unsub\n",
                "Association des usagers du TER — Bulletin n°42\n\nLes horaires d'été sont en ligne. Pétition en ligne, réunion publique le 3 juin.\n\nPour vous désinscrire, cliquez ici.\n",
                f"Newsletter Territoires & Mobilités\n\nPortrait : {nice_name(q, 'CAPS')} ({mandate(q)}) revient sur dix ans de combat pour la ligne.\n\nDésinscription en un clic.\n"][k % 3]
        m = self.new("newsletter", "plain", ["La Lettre du Rail", "Usagers TER", "Territoires & Mobilités"][k % 3], f"news@lettre{k}.example", ["La Lettre du Rail - mai 2026", "Bulletin n°42", "Newsletter de mai"][k % 3],
                     text=text, extra_headers=["List-Unsubscribe: <https://lettre.example/unsub>", "Precedence: bulk"])
        self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self, k):
        cands = [(a, mp) for a, mp in self.signed_by.items() if not mp[1].impostor and mp[0].file.split("-", 1)[1] in ("smartphone.eml", "formal.eml", "abbrev.eml", "party.eml", "caps_initials.eml")]
        addr, (prev, p) = cands[(k * 7) % len(cands)]
        text = [f"Bonjour,\n\nAprès réflexion, je retire ma signature de l'appel.\n\n{nice_name(p, 'plain')}\n",
                "Merci de retirer mon nom de la liste des signataires, je ne souhaite plus y figurer.\n",
                f"je retire ma signature svp\n{noacc(p.prenom).lower()}\n\nEnvoyé de mon iPhone\n",
                f"Madame, Monsieur,\nJe vous prie de bien vouloir retirer ma signature, apposée par erreur.\n{nice_name(p, 'CAPS')}, {mandate(p)}\n",
                "Bonjour, suite à la délibération de notre conseil je retire ma signature. Cordialement.\n"][k % 5]
        m = self.new("withdraw", "plain", prev.from_name, addr, "Retrait de ma signature", text=text)
        self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=prev.file)

    def spam(self, k):
        text = ["Votre colis est en attente. Réglez 1,99 € de frais de port : https://colis-suivi.example\n",
                "Madame la Maire, Monsieur le Maire, équipez votre commune de bornes connectées à -40 % ! Devis gratuit.\n",
                "Félicitations, vous avez gagné un iPhone 16. Cliquez pour réclamer votre lot.\n"][k % 3]
        m = self.new("spam", "plain", ["La Poste", "Collectivités Équipement", "Service client"][k % 3], f"no-reply@promo{k}.example", ["Votre colis", "Offre spéciale mairies", "Gagnant !"][k % 3], text=text)
        self.label(m, "spam", "other", "nonsigning")

    def org_call(self, k):
        (f1, n1), (f2, n2) = ORGANISERS
        text = (f"Madame, Monsieur, chers collègues élu·es,\n\nNous lançons {CALL}. Pour signer, répondez simplement à ce message "
                f"en indiquant votre nom, votre prénom et votre mandat.\n\nPour le collectif,\n{f1} {n1} et {f2} {n2}\n")
        m = self.new("org_call", "thunderbird", ORG_NAME, ORG_ADDR, "Appel des élu·es pour les petites lignes ferroviaires", text=text)
        m.to = "undisclosed-recipients:;"
        self.label(m, "org_call", "other", "nonsigning")

    # -- assembly
    def build(self):
        plan = ([("org_call", 1)] + [("smartphone", 10), ("formal", 8), ("secretary", 7), ("title_block", 8), ("caps_initials", 8),
                ("abbrev", 10), ("party", 7), ("multi", 7), ("forwarded", 7), ("html_only", 7), ("attachment", 6), ("subject_only", 5)])
        for shape, n in plan:
            for k in range(n):
                getattr(self, shape)(k)
        for kind, n in (("confirm", 5), ("mandate", 5), ("3step", 4)):
            for k in range(n):
                self.thread(kind, k)
        for shape, n in (("question", 6), ("thanks", 5), ("autoreply", 6), ("newsletter", 3), ("withdraw", 5), ("spam", 3), ("org_call", 1)):
            for k in range(n):
                getattr(self, shape)(k)

    def write(self):
        for (f1, n1) in ORGANISERS:
            assert self.reg.absent(n1, f1), (n1, f1)
        if OUT.exists():
            shutil.rmtree(OUT)
        OUT.mkdir(parents=True)
        rng = random.Random(SEED + 1)
        for m in self.mails:
            (OUT / m.file).write_bytes(render(m, rng))
        cols = ["message_file", "thread", "intent", "case", "shape", "nom", "prenom", "truth_kind", "truth_code_commune",
                "truth_code_departement", "expected", "impostor_type", "refers_to", "client", "encoding"]
        with open(HERE / "labels.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter=";", lineterminator="\n")
            w.writerow(cols)
            for lab in self.labels:
                m = lab.pop("_mail")
                lab["encoding"] = f"{m.charset}/{m.cte}" + ("/2047" if m.used_2047 else "")
                w.writerow([lab[c] for c in cols])


if __name__ == "__main__":
    b = Book()
    b.build()
    b.write()
    sig = [x for x in b.labels if x["expected"] != "no_signer"]
    print(f"{len(b.mails)} messages, {len(sig)} signers "
          f"({sum(x['case'] == 'official' for x in sig)} officials, {sum(x['case'] == 'impostor' for x in sig)} impostors)")
