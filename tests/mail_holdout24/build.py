#!/usr/bin/env python3
"""Held-out petition mailbox 24 (tests/mail_holdout24): signatures relayed in batches. Builder.

    python tests/mail_holdout24/build.py            # rewrites messages/ and labels.csv

Byte-identical on every run: one seeded generator (SEED), a clock that starts on Monday 5 October
2026 and only moves forward (Paris time, CEST then CET after 25 October 2026), Message-IDs and MIME
boundaries drawn from the generator in each client's own shape. Reads the real 2026 RNE release
(../shared/rne/release-2026, every file, or RNE_SHARED=…), one 2022 mayors file of
../shared/rne/history (former mayors) and the COG (../shared/cog) at build time; nothing of ../shared
is copied into the repository except, in the messages, the drawn people's name, sex, mandate and
place. Birth dates are read only to tell homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor any other held-out corpus than
tests/mail_holdout5 (README and builder, whose reading helpers, client quoting and encoding machinery
are reused). Campaign (invented): « Appel des élu·es pour des cantines en circuit court ».
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
HISTORY_MAIRES = SHARED / "rne" / "history" / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "cantines-circuit-court.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"appel@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Cantines en circuit court"
CALL_TITLE = "Appel des élu·es pour des cantines en circuit court"
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
# invented, checked absent from every 2026 file at build time
ORGANISERS = [("Clarisse", "MONTBRISON-LAFAURIE"), ("Gauthier", "PELLEGRUE-ARNAVON")]
STAFF = [
    ("Armelle", "CHANTEGRELET-MOUSSY"),
    ("Quentin", "BRAQUEMOND-TISSERAUD"),
    ("Lorène", "VILLEMAGNE-DUCASTAING"),
    ("Hervé", "GALLIFFET-ROCHEBRUNE"),
    ("Perrine", "SAINTONGE-MALAVIAL"),
    ("Timothée", "LAPALUD-ESCOFFIER"),
    ("Yolande", "MARSAGUET-BONNEFILLE"),
    ("Basile", "FONTCOUVERTE-RAMADIER"),
    ("Ségolène", "ROQUEVAIRE-TOUSSAINTE"),
    ("Marius", "CAZENEUVE-BRIGNOLLES"),
    ("Agathe", "PEYRELEVADE-COSTIL"),
    ("Jordan", "VILLARDEBELLE-HUMBLOT"),
]
INVENTED_NOMS = [
    "TRÉMOULINAS-BESSAC",
    "KERVADEC-LOUBIGNAC",
    "MASSOUBRE-VIGUERIE",
    "BOURDIEUX-CALMETTES",
    "PUYMOREL-SANSAC",
    "GRANDMOUGIN-SALLESSE",
    "VAISSADE-COUDERTIN",
    "MONTELLIER-GASQUET",
    "LESPINASSOU-DORIAC",
    "TARRAGNAT-BOYRIE",
    "CHAMPEAUX-VIRIOTTE",
    "ROCHEPEYRE-ANDRIEUX",
    "FAUCHEROLLE-MASSIP",
    "BRIVADOUX-LEGENDRE",
]
# people without a mandate listed with officials: invented too
NOMANDATE_NOMS = [
    "DESCHAMPAUX-RIGALDIE",
    "HUCHARDIÈRE-BLANQUET",
    "LAVERGNOLLE-TESSIER",
    "MARTINVAST-OUDOTTE",
    "SOUBRAQUET-LAMBIN",
    "QUERCIZE-FONTANILLE",
    "ESPALIOUX-GRANIER",
    "BELLOCQ-VERMANDOIS",
    "COURTIALLE-MARGERIDE",
    "TOURNEMIRE-ARBOGAST",
]
FIRST_F = ["Maëlle", "Solange", "Bérangère", "Gwenaëlle", "Ludmila", "Apolline", "Roselyne", "Capucine", "Edwige"]
FIRST_M = ["Aurélien", "Gaëtan", "Ambroise", "Tanguy", "Anatole", "Séverin", "Landry", "Barnabé", "Enguerrand"]


# --------------------------------------------------------------------------- text helpers

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

# --------------------------------------------------------------------------- clock and dates
WINTER = dt.datetime(2026, 10, 25, 3, 0)  # last Sunday of October 2026: CEST -> CET


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=1 if t >= WINTER else 2)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2026, 10, 5, 8, 40)
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



# --------------------------------------------------------------------------- campaign
CLIENT_ENC = {
    "gmail": [("utf-8", "quoted-printable"), ("utf-8", "base64"), ("utf-8", "8bit")],
    "apple": [("utf-8", "quoted-printable"), ("utf-8", "8bit")],
    "iphone": [("utf-8", "quoted-printable"), ("utf-8", "8bit")],
    "outlook_desktop": [("iso-8859-1", "quoted-printable"), ("windows-1252", "quoted-printable"), ("utf-8", "base64")],
    "outlook_mac": [("utf-8", "base64"), ("iso-8859-1", "quoted-printable")],
    "thunderbird": [("utf-8", "8bit"), ("utf-8", "quoted-printable")],
    "roundcube": [("utf-8", "quoted-printable"), ("utf-8", "8bit"), ("iso-8859-1", "8bit")],
    "organisers": [("utf-8", "quoted-printable")],
    "zimbra": [("utf-8", "quoted-printable"), ("iso-8859-1", "8bit")],
    "laposte": [("utf-8", "quoted-printable"), ("windows-1252", "8bit")],
    "yahoo": [("utf-8", "quoted-printable"), ("utf-8", "base64")],
    "orange": [("iso-8859-1", "8bit"), ("iso-8859-1", "quoted-printable"), ("utf-8", "8bit")],
    "plain": [("utf-8", "8bit")],
}
CLIENT_BOX = {"gmail": "gmail.com", "yahoo": "yahoo.fr", "orange": "orange.fr", "laposte": "laposte.net"}
ORG_FULL = [f"{fn} {nm}" for fn, nm in ORGANISERS]
CALL = f"""{CALL_TITLE}

Madame la Maire, Monsieur le Maire, Mesdames et Messieurs les élu·es,

D'ici 2030, nous demandons que les cantines scolaires, les EHPAD et les restaurants
administratifs servent au moins 60 % de produits achetés à moins de 150 km, avec une aide de
l'État aux communes rurales pour les équipements de cuisine sur place.

Pour signer, répondez à ce message en indiquant vos nom, prénom, mandat et collectivité.
Les groupes d'élu·es, les associations départementales de maires et les mairies peuvent nous
transmettre des listes de signataires (une ligne par personne, avec le mandat de chacun·e).

Signatures jusqu'au 20 novembre 2026.

{ORG_FULL[0]} et {ORG_FULL[1]}, pour le {ORG_NAME}
https://{ORG_DOMAIN}/appel
"""
CALL_SUBJECT = f"{CALL_TITLE} — signez avant le 20 novembre"
LIST_HEADERS = (
    f"List-Id: Appel cantines <appel.listes.{ORG_DOMAIN}>\n"
    f"List-Unsubscribe: <mailto:appel-unsubscribe@listes.{ORG_DOMAIN}>\nPrecedence: bulk"
)


def e(p: P, m: str, f: str) -> str:
    return f if p.f else m


def rank(fonction: str) -> int:
    m = re.match(r"(\d+)", fonction)
    return int(m[1]) if m else 0


def role(p: P, rng: random.Random, form: str = "long") -> str:
    """The mandate of a drawn person, without the place."""
    if p.kind == "mai":
        return rng.choice(["maire", "Maire"]) if form != "short" else "maire"
    if p.kind == "cd":
        return e(p, "conseiller départemental", "conseillère départementale")
    n = rank(p.fonction)
    if n:
        if form == "short":
            return e(p, "adjoint", "adjointe")
        th = (e(p, "1er", "1re") if n == 1 else f"{n}e") if rng.random() < 0.6 else (
            e(p, "premier", "première") if n == 1 else f"{n}ème"
        )
        return f"{th} {e(p, 'adjoint', 'adjointe')}" + rng.choice(["", " au maire", " au Maire"])
    if form == "short":
        return rng.choice([e(p, "conseiller", "conseillère"), e(p, "conseiller municipal", "conseillère municipale")])
    return rng.choice(
        [e(p, "conseiller municipal", "conseillère municipale"), e(p, "Conseiller municipal", "Conseillère municipale")]
    )


def place(p: P, with_dep: bool | None = None) -> str:
    name = pretty(p.commune)
    dup = NAME_COUNT[fold(p.commune)] > 1
    return name + (f" ({p.dep})" if (dup if with_dep is None else with_dep) else "")


def de_commune(p: P) -> str:
    s = de_place(pretty(p.commune), p.tl)
    return s + (f" ({p.dep})" if NAME_COUNT[fold(p.commune)] > 1 else "")


def civ(p: P) -> str:
    return "Mme" if p.f else "M."


def name(p: P, style: str) -> str:
    return {
        "NP": f"{p.nom} {p.prenom}",
        "PN": f"{p.prenom} {p.nom}",
        "Pn": f"{p.prenom} {nom_case(p.nom)}",
        "civNP": f"{civ(p)} {p.nom} {p.prenom}",
        "civPN": f"{civ(p)} {p.prenom} {p.nom}",
    }[style]


class Build:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.reg = Registry()
        for _fn, nm in ORGANISERS + STAFF:
            assert fold(nm) not in self.reg.surnames, nm
        for nm in INVENTED_NOMS + NOMANDATE_NOMS:
            assert fold(nm) not in self.reg.surnames, nm
        # the invented domains name no commune
        for dom in (ORG_DOMAIN, "webmail-verif.example", "promo-collectivites.example", "lettres.example"):
            assert dom.split(".")[0] not in {slug(c["nom"]) for c in COMMUNES.values()}, dom
        self.clock = Clock(self.rng)
        self.used: set[str] = set()
        self.mails: list[Mail] = []
        self.bodies: dict[str, str] = {}
        self.labels: list[dict] = []
        self.n = 0
        self.inv = list(INVENTED_NOMS)
        self.nomand = list(NOMANDATE_NOMS)
        self.staff = list(STAFF)
        self.rng.shuffle(self.inv)
        self.rng.shuffle(self.nomand)
        self.rng.shuffle(self.staff)
        self.mayors_by_dep: dict[str, list[P]] = defaultdict(list)
        for p in self.reg.pool["mai"]:
            self.mayors_by_dep[p.dep].append(p)
        self.former: dict[str, list[P]] = defaultdict(list)
        for r in read_rows(HISTORY_MAIRES, "cp1252"):
            nom, fn, cc = r["Nom de l'élu"], r["Prénom de l'élu"], r["Code de la commune"]
            if (
                cc in COMMUNES
                and self.reg.absent(nom, fn)
                and fold(nom) not in self.reg.surnames
                and " " not in fn
                and len(fn) > 2
                and not (set(fold(nom).split()) & self.reg.words_at.get((cc, fold(fn)), set()))
            ):
                c = COMMUNES[cc]
                self.former[c["departement"]].append(
                    P("", nom, fn, r["Code sexe"], dep=c["departement"], commune_code=cc, commune=c["nom"],
                      tl=c.get("typeLiaison") or 0, fonction="Maire", impostor="former_2022")
                )
        metro = [d for d in sorted(DEPTS) if not d.startswith("97")]
        self.big = sorted(
            cc for cc, ps in self.reg.by_commune.items()
            if len(ps) >= 22 and cc in self.reg.mayor_of and not cc.startswith("97")
            and self.reg.unique(self.reg.mayor_of[cc]) and cc[:2] not in ("75", "13", "69")
        )
        self.asso_deps = [d for d in metro if len(self.mayors_by_dep[d]) > 150 and len(self.former[d]) > 3]

    # ----------------------------------------------------------------- people
    def ok(self, p: P) -> bool:
        return ident(p.nom, p.prenom) not in self.used and self.reg.unique(p) and len(p.prenom) > 1

    def take(self, p: P) -> P:
        self.used.add(ident(p.nom, p.prenom))
        return p

    def council(self, cc: str, n: int, adjoints: int | None = None) -> list[P]:
        ps = [p for p in self.reg.by_commune[cc] if p.kind == "cm" and self.ok(p)]
        adj = sorted((p for p in ps if rank(p.fonction)), key=lambda p: rank(p.fonction))
        plain = [p for p in ps if not rank(p.fonction)]
        k = min(len(adj), adjoints if adjoints is not None else self.rng.randint(0, 3))
        out = adj[:k] + self.rng.sample(plain, min(len(plain), n - k))
        return [self.take(p) for p in out]

    def invented(self, dep: str = "") -> P:
        nom = self.inv.pop() if self.inv else f"{self.rng.choice(INVENTED_NOMS)}-{self.rng.choice(['VIDAL', 'ROUX'])}"
        f = self.rng.random() < 0.5
        fn = self.rng.choice(FIRST_F if f else FIRST_M)
        return P("", nom, fn, "F" if f else "M", dep=dep, impostor="invented")

    def no_mandate(self) -> P:
        nom = self.nomand.pop()
        f = self.rng.random() < 0.5
        fn = self.rng.choice(FIRST_F if f else FIRST_M)
        return P("", nom, fn, "F" if f else "M", impostor="no_mandate")

    def namesake(self, dep: str, kind: str = "cm") -> P:
        """A real person (one in the release) of another département, written as holding a seat here."""
        pool = self.reg.pool[kind]
        while True:
            p = pool[self.rng.randrange(len(pool))]
            k = ident(p.nom, p.prenom)
            if self.ok(p) and dep not in self.reg.depts_of[k] and not rank(p.fonction) and p.kind == kind:
                self.take(p)
                return P("", p.nom, p.prenom, p.sexe, impostor="namesake_elsewhere")

    def former_mayor(self, dep: str) -> P:
        while True:
            p = self.rng.choice(self.former[dep])
            if ident(p.nom, p.prenom) not in self.used:
                return self.take(p)

    def mayors(self, dep: str, n: int) -> list[P]:
        ps = [p for p in self.mayors_by_dep[dep] if self.ok(p)]
        return [self.take(p) for p in self.rng.sample(ps, n)]

    def commune(self) -> str:
        while True:
            cc = self.rng.choice(self.big)
            if cc not in getattr(self, "_done", set()):
                self._done = getattr(self, "_done", set()) | {cc}
                return cc

    # ----------------------------------------------------------------- mail
    def mail(self, shape: str, client: str, from_name: str, from_addr: str, subject: str, text: str,
             reply: Mail | None = None, quote: bool = False, attach=None, to: str = "", extra: str = "",
             lo: int = 25, hi: int = 260, thread: str | None = None) -> Mail:
        self.n += 1
        t = self.clock.tick(lo, hi)
        dom = from_addr.split("@")[1]
        cs, cte = self.rng.choice(CLIENT_ENC[client])
        body = text
        if quote and reply is not None:
            body = text.rstrip("\n") + "\n" + quote_text(client, reply, self.bodies[reply.file], ORG_ADDR)
        m = Mail(f"{self.n:03d}-{shape}.eml", client, from_name, from_addr, subject, t, msgid(client, dom, self.rng, t),
                 to=to, text=body, cs=cs, cte=cte, extra=extra, attach=attach)
        if reply is not None:
            m.in_reply_to = reply.mid
            m.references = (reply.references + " " if reply.references else "") + reply.mid
        self.bodies[m.file] = text
        m.thread = thread or m.file[:-4]
        self.mails.append(m)
        return m

    def label(self, m: Mail, shape: str, intent: str, p: P | None = None, refers_to: str = "") -> None:
        row = dict.fromkeys(LABEL_COLS, "")
        row.update(message_file=m.file, thread=m.thread, intent=intent, shape=shape, refers_to=refers_to,
                   client=m.client)
        if p is None:
            row.update(case="nonsigning", expected="no_signer")
        elif p.impostor:
            row.update(case="impostor", nom=p.nom, prenom=p.prenom, expected="not_verified",
                       impostor_type=p.impostor)
        else:
            row.update(case="official", nom=p.nom, prenom=p.prenom, truth_kind="cm" if p.kind == "mdel" else p.kind,
                       truth_code_commune=p.truth_commune, truth_code_departement=p.truth_dep, expected="verified")
        row["_m"] = m
        self.labels.append(row)

    def sender(self, p: P | None = None, client: str | None = None) -> tuple[str, str, str]:
        """(client, display name, address) for a drawn person, or for an invented staff member."""
        rng = self.rng
        client = client or rng.choice(list(CLIENT_ENC)[:-2] + ["gmail", "orange", "outlook_desktop"])
        if client == "organisers":
            client = "roundcube"
        if p is None:
            fn, nm = self.staff.pop(0)
            self.staff.append((fn, nm))
            p = P("", nm, fn, "")
        box = CLIENT_BOX.get(client)
        if box:
            addr = addr_of(p, rng, box)
        elif p.commune:
            addr = official_addr(p, rng)
        else:
            addr = addr_of(p, rng, rng.choice(["free.fr", "wanadoo.fr", "sfr.fr", "outlook.fr"]))
        disp = rng.choice([f"{p.prenom} {p.nom}", f"{p.prenom} {nom_case(p.nom)}", f"{nom_case(p.nom)} {p.prenom}"])
        return client, disp, addr

    # ----------------------------------------------------------------- list lines
    def claim(self, imp: P, at: P, mayor: bool = False) -> P:
        imp.commune, imp.commune_code, imp.tl, imp.dep = at.commune, at.commune_code, at.tl, at.dep
        imp.fonction = "Maire" if mayor else ""
        return imp

    def rl(self, p: P, form: str = "long") -> str:
        rng = self.rng
        if p.impostor == "no_mandate":
            return rng.choice([
                e(p, "collaborateur du groupe, non élu", "collaboratrice du groupe, non élue"),
                e(p, "habitant, non élu", "habitante, non élue"),
                e(p, "directeur de l'école, à titre personnel", "directrice de l'école, à titre personnel"),
                e(p, "président de l'association des parents d'élèves", "présidente de l'association des parents d'élèves"),
                e(p, "chef de cuisine de la cantine", "cheffe de cuisine de la cantine"),
                e(p, "candidat non élu en mars", "candidate non élue en mars"),
            ])
        if p.impostor:
            return "maire" if p.fonction == "Maire" else role(P("cm", "", "", p.sexe), rng, form)
        return role(p, rng, form)

    def item(self, p: P, style: str, where: bool) -> str:
        """One person of a list; where: the commune is written on the line."""
        r = self.rl(p, "short" if style == "short" else "long")
        nomand = p.impostor == "no_mandate"
        at = "" if (not where or nomand) else " " + de_commune(p)
        if style == "maire_paren" and r.lower() != "maire":
            style = "civ"
        if style == "NP":
            return f"{p.nom} {p.prenom}, {r}{at}"
        if style == "PN":
            return f"{p.prenom} {p.nom} ({r}{at})"
        if style == "Pn":
            return f"{p.prenom} {nom_case(p.nom)}, {r}{at}"
        if style == "civ":
            return f"{civ(p)} {p.prenom} {p.nom} ({r}{at})"
        if style == "civNP":
            return f"{civ(p)} {p.nom} {p.prenom} – {r}{at}"
        if style == "short":
            return f"{p.prenom} {nom_case(p.nom)}, {r}{at}"
        if style == "maire_paren":
            return f"{civ(p)} {p.prenom} {p.nom} (maire {de_commune(p)})" if not nomand else f"{civ(p)} {p.prenom} {p.nom} ({r})"
        if style == "place_first":
            return f"{place(p)} : {p.prenom} {p.nom}" if not nomand else f"{p.prenom} {p.nom} ({r})"
        return f"{p.nom} {p.prenom} – {r}{at}"

    def bullets(self, lines: list[str], kind: str) -> str:
        out = []
        for i, x in enumerate(lines, 1):
            if kind == "num":
                out.append(f"{i}. {x}")
            elif kind == "numparen":
                out.append(f"{i}) {x}")
            elif kind == "dash":
                out.append(f"- {x}")
            elif kind == "bullet":
                out.append(f"• {x}")
            elif kind == "mixed":
                out.append(self.rng.choice([f"{i}. {x}", f"{i} - {x}", f"- {x}", f"{i}) {x}", x]))
            else:
                out.append(x)
        return "\n".join(out)

    def table(self, ps: list[P], sep: str, where: bool) -> str:
        head = ["NOM", "Prénom", "Mandat"] + (["Commune"] if where else [])
        rows = []
        for p in ps:
            r = self.rl(p, "long")
            rows.append([p.nom, p.prenom, r] + ([place(p) if p.impostor != "no_mandate" else ""] if where else []))
        if sep == "aligned":
            w = [max(len(x[i]) for x in [head] + rows) for i in range(len(head))]
            return "\n".join("  ".join(c.ljust(w[i]) for i, c in enumerate(x)).rstrip() for x in [head] + rows)
        if sep == "md":
            w = [max(len(x[i]) for x in [head] + rows) for i in range(len(head))]
            lines = ["| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(x)) + " |" for x in [head] + rows]
            lines.insert(1, "|" + "|".join("-" * (n + 2) for n in w) + "|")
            return "\n".join(lines)
        return "\n".join(sep.join(x) for x in [head] + rows)

    def mix_in(self, ps: list[P], imps: list[P]) -> list[P]:
        out = list(ps)
        for imp in imps:
            out.insert(self.rng.randint(1, len(out)), imp)
        return out

    def label_all(self, m: Mail, shape: str, ps: list[P]) -> None:
        for p in ps:
            self.label(m, shape, "signs", p)

    # ----------------------------------------------------------------- shapes
    def call(self) -> Mail:
        m = self.mail("org_call", "organisers", ORG_NAME, ORG_LIST.replace("appel@", "appel-owner@"), CALL_SUBJECT,
                      CALL, to=f"Élu·es (liste appel) <{ORG_LIST}>", extra=LIST_HEADERS, lo=0, hi=1)
        self.label(m, "org_call", "other")
        self.call_mail = m
        return m

    def group_secretary(self, i: int) -> Mail:
        rng = self.rng
        cc = self.commune()
        C = self.reg.mayor_of[cc]
        ps = self.council(cc, rng.randint(5, 14), adjoints=rng.choice([0, 0, 1, 2]))
        imps = []
        if i % 2 == 0:
            imps.append(self.claim(self.namesake(C.dep), C) if i % 4 == 0 else self.claim(self.invented(C.dep), C))
        if i % 3 == 1:
            imps.append(self.no_mandate())
        signer = ps[0] if i % 3 == 0 else None
        listed = self.mix_in(ps[1:] if signer else ps, imps)
        group = rng.choice([f"{pretty(C.commune)} en commun", f"Ensemble pour {pretty(C.commune)}",
                            f"Agir pour {pretty(C.commune)}", f"{pretty(C.commune)} solidaire et écologique",
                            f"Un nouveau souffle pour {pretty(C.commune)}", "Citoyens et engagés"])
        styles = [["NP"], ["PN", "civ", "Pn", "NP"], ["civNP"], ["Pn", "PN"]][i % 4]
        lines = [self.item(p, rng.choice(styles), False) for p in listed]
        bl = self.bullets(lines, ["dash", "mixed", "num", "plain", "bullet", "numparen"][i % 6])
        client, disp, addr = self.sender(signer, rng.choice(["gmail", "orange", "thunderbird", "laposte", "outlook_desktop"]))
        if signer:
            head = rng.choice([
                f"Bonjour,\n\nJe signe l'appel, ainsi que les élu·es de notre groupe « {group} » au conseil municipal {de_commune(C)} :\n\n",
                f"Madame, Monsieur,\n\nLe groupe « {group} » {de_commune(C)} soutient votre appel. Signent avec moi :\n\n",
            ])
            tail = f"\n\nBien cordialement,\n\n{signer.prenom} {signer.nom}\n{self.rl(signer)} {de_commune(C)}\nPrésident{'e' if signer.f else ''} du groupe « {group} »\n"
        else:
            head = rng.choice([
                f"Bonjour,\n\nJe suis {'secrétaire' if i % 2 else 'assistante'} du groupe « {group} » au conseil municipal {de_commune(C)}. Voici les élu·es du groupe qui signent votre appel :\n\n",
                f"Bonjour,\n\nSuite à notre réunion de groupe d'hier soir, je vous transmets la liste des conseillers municipaux {de_commune(C)} (groupe « {group} ») qui signent l'appel :\n\n",
                f"Madame, Monsieur,\n\nPour le groupe « {group} » ({place(C, True)}), merci d'enregistrer les signatures suivantes :\n\n",
            ])
            tail = f"\n\nCordialement,\n{disp.split(' ')[0] if rng.random() < 0.4 else disp}\nSecrétariat du groupe « {group} »\n"
        subj = rng.choice([f"Signatures du groupe {group}", "Appel cantines - signatures groupe", f"Re: {CALL_SUBJECT}",
                           f"Liste des signataires – {pretty(C.commune)}"])
        m = self.mail("group_secretary", client, disp, addr, subj, head + bl + tail, reply=self.call_mail,
                      quote=subj.startswith("Re:"))
        self.label_all(m, "group_secretary", ([signer] if signer else []) + listed)
        return m

    def asso_maires(self, i: int) -> Mail:
        rng = self.rng
        dep = self.asso_deps[rng.randrange(len(self.asso_deps))]
        self.asso_deps.remove(dep)
        ps = self.mayors(dep, rng.randint(10, 19))
        imps = [self.former_mayor(dep)]
        if i % 2:
            other = self.namesake(dep, "mai")
            imps.append(self.claim(other, rng.choice(self.mayors_by_dep[dep]), mayor=True))
        listed = self.mix_in(ps, imps)
        dn = dept_name(dep)
        asso = f"Association des maires {de_dept(dep)}"
        style = ["maire_paren", "place_first", "NP", "mixed"][i % 4]
        if style == "mixed":
            lines = [self.item(p, rng.choice(["maire_paren", "NP", "PN", "civNP"]), True) for p in listed]
        else:
            lines = [self.item(p, style, True) for p in listed]
        bl = self.bullets(lines, ["dash", "plain", "num", "mixed"][i % 4])
        sfn, snm = self.staff[0]
        text = (
            f"Madame, Monsieur,\n\nLors de notre {rng.choice(['dernière assemblée générale', 'réunion de bureau de la semaine dernière', 'assemblée générale de samedi'])}, plusieurs maires "
            f"{de_dept(dep)} ont souhaité s'associer à votre appel. Vous trouverez ci-dessous la liste des {len(listed)} "
            f"maires signataires{' (par ordre alphabétique des communes)' if style == 'place_first' else ''} :\n\n{bl}\n\n"
            f"Nous restons à votre disposition.\n\n{sfn} {snm}\nChargé{'e' if sfn in ('Armelle', 'Lorène', 'Perrine', 'Yolande', 'Ségolène', 'Agathe') else ''} de mission\n"
            f"{asso}\nMaison des communes – {dn}\n"
        )
        client = ["outlook_desktop", "zimbra", "outlook_mac", "thunderbird"][i % 4]
        m = self.mail("asso_maires", client, asso if i % 2 else f"{sfn} {snm}", f"contact@maires-{slug(dn)}.example",
                      rng.choice([f"Signatures des maires {de_dept(dep)}", f"{asso} : signataires de l'appel",
                                  "Appel cantines en circuit court - liste AG"]), text)
        self.label_all(m, "asso_maires", listed)
        return m

    def town_hall(self, i: int) -> Mail:
        rng = self.rng
        cc = self.commune()
        C = self.take(self.reg.mayor_of[cc])
        ps = [p for p in self.reg.by_commune[cc] if p.kind == "cm" and self.ok(p)]
        adj = sorted((p for p in ps if rank(p.fonction)), key=lambda p: rank(p.fonction))[: rng.randint(3, 6)]
        plain = rng.sample([p for p in ps if not rank(p.fonction)], rng.randint(3, 7))
        for p in adj + plain:
            self.take(p)
        extra = [self.no_mandate()] if i % 2 == 0 else []
        if i == 1:
            extra.append(self.claim(self.invented(C.dep), C))
        if i % 2:
            txt = (f"Maire : {C.prenom} {C.nom}\n"
                   + "Adjoint·es : " + ", ".join(f"{p.prenom} {p.nom} ({rank(p.fonction)}{'er' if rank(p.fonction) == 1 and not p.f else 're' if rank(p.fonction) == 1 else 'e'})" for p in adj)
                   + "\nConseillers municipaux : " + ", ".join(f"{p.prenom} {nom_case(p.nom)}" for p in plain + extra)
                   + "\n")
            listed = [C] + adj + plain + extra
        else:
            ordered = [C] + adj + plain
            lines = [f"{p.nom} {p.prenom} — {self.rl(p)}" for p in ordered]
            for x in extra:
                lines.append(f"{x.nom} {x.prenom} — {self.rl(x)}")
            txt = self.bullets(lines, "dash") + "\n"
            listed = ordered + extra
        text = (
            f"Bonjour,\n\nLe maire {de_commune(C)} et l'ensemble de la majorité municipale signent votre appel pour des "
            f"cantines en circuit court. Notre cuisine centrale sert déjà 40 % de produits locaux.\n\n{txt}\n"
            f"Pour le maire,\nLe cabinet\n\nMairie {de_commune(C)}\n{postcode(cc)} {pretty(C.commune).upper()}\n"
        )
        client = ["outlook_desktop", "laposte", "zimbra", "orange"][i % 4]
        m = self.mail("town_hall", client, f"Mairie {de_commune(C)}".replace("Mairie de ", "Mairie de "),
                      f"{rng.choice(['cabinet', 'accueil', 'secretariat'])}@{town_dom(C)}",
                      rng.choice(["Signature de la majorité municipale", f"Appel cantines — {pretty(C.commune)}"]), text)
        self.label_all(m, "town_hall", listed)
        return m

    def table_paste(self, i: int) -> Mail:
        rng = self.rng
        sep = ["\t", " ; ", " | ", "aligned", ";", "md"][i % 6]
        if i % 2 == 0:
            cc = self.commune()
            C = self.reg.mayor_of[cc]
            ps = ([self.take(C)] if self.ok(C) else []) + self.council(cc, rng.randint(5, 10))
            where = i % 4 == 0
            intro = f"des élu·es {de_commune(C)} signataires"
        else:
            dep = self.asso_deps[rng.randrange(len(self.asso_deps))]
            ps = []
            for cc in rng.sample(sorted(c for c in self.big if self.reg.mayor_of[c].dep == dep) or self.big, 1):
                ps += self.council(cc, rng.randint(2, 4))
            ps += self.mayors(dep, rng.randint(3, 6))
            rng.shuffle(ps)
            where = True
            C = ps[0]
            intro = f"des élu·es {de_dept(C.dep)} (réseau « Manger local {de_dept(C.dep)} »)"
        imps = []
        if i % 3 != 2:
            imps.append(self.claim(self.invented(C.dep) if i % 2 else self.namesake(C.dep), C))
        if i == 3:
            imps.append(self.no_mandate())
        listed = self.mix_in(ps, imps)
        tab = self.table(listed, sep, where)
        head = rng.choice([
            f"Bonjour,\n\nJe vous colle ci-dessous le tableau {intro} (copié depuis notre tableur) :\n\n",
            f"Bonjour,\n\nVoici la liste {intro} :\n\n",
        ])
        client, disp, addr = self.sender(None, ["outlook_desktop", "gmail", "thunderbird", "apple", "laposte", "yahoo"][i % 6])
        text = head + tab + f"\n\nMerci de confirmer la bonne réception.\n{disp}\n"
        m = self.mail("table_paste", client, disp, addr, rng.choice(["Tableau des signataires", "liste signatures",
                      "Signatures appel (tableau)"]), text)
        self.label_all(m, "table_paste", listed)
        return m

    def mixed_list(self, i: int) -> Mail:
        rng = self.rng
        cc = self.commune()
        C = self.reg.mayor_of[cc]
        dep = C.dep
        ps = self.council(cc, rng.randint(2, 5), adjoints=1)
        ps += self.mayors(dep, rng.randint(2, 4))
        rng.shuffle(ps)
        imps = [self.claim(self.invented(dep), C) if i % 2 else self.former_mayor(dep)] if dep in self.former and self.former[dep] else []
        if i % 2 == 0:
            imps.append(self.no_mandate())
        lead = self.take(C) if self.ok(C) else ps.pop(0)
        listed = self.mix_in(ps, imps)
        lines = [self.item(p, st, True) for p, st in zip(listed, [rng.choice(["NP", "PN", "civ", "Pn", "civNP", "maire_paren", "x"]) for _ in listed], strict=True)]
        bl = self.bullets(lines, ["mixed", "num", "bullet", "numparen", "dash"][i % 5])
        client, disp, addr = self.sender(lead, ["gmail", "orange", "thunderbird", "iphone", "outlook_mac"][i % 5])
        text = (
            f"Bonjour,\n\nJe signe et je vous transmets aussi les noms des collègues du secteur qui m'ont demandé de le faire "
            f"pour eux :\n\n{bl}\n\n{lead.prenom} {lead.nom}\n{self.rl(lead)} {de_commune(lead)}\n"
        )
        m = self.mail("mixed_list", client, disp, addr, rng.choice(["Signatures", "Re: " + CALL_SUBJECT, "appel + collègues"]),
                      text, reply=self.call_mail, quote=i % 2 == 1)
        self.label_all(m, "mixed_list", [lead] + listed)
        return m

    def attached(self, i: int) -> Mail:
        rng = self.rng
        cc = self.commune()
        C = self.reg.mayor_of[cc]
        ps = ([self.take(C)] if self.ok(C) and i % 2 else []) + self.council(cc, rng.randint(6, 12))
        imps = [self.claim(self.namesake(C.dep) if i % 2 else self.invented(C.dep), C)] if i != 2 else []
        if i == 4:
            imps.append(self.no_mandate())
        listed = self.mix_in(ps, imps)
        kind = ["csv", "txt", "csv", "txt", "csv"][i % 5]
        if kind == "csv":
            sepc = ";" if i % 2 == 0 else ","
            buf = [sepc.join(["Nom", "Prénom", "Fonction", "Commune"])]
            for p in listed:
                r = self.rl(p)
                buf.append(sepc.join([p.nom, p.prenom, r if sepc == ";" or "," not in r else f'"{r}"', pretty(C.commune)]))
            data = "\r\n".join(buf) + "\r\n"
            cs = "windows-1252" if i % 4 == 0 else "utf-8"
            blob = ("\ufeff" + data).encode("utf-8") if cs == "utf-8" else data.encode(cs)
            att = (rng.choice(["signataires.csv", "liste_elus_appel.csv", "Signatures cantines.csv"]), f"text/csv; charset={cs}", blob)
        else:
            data = f"Signataires – conseil municipal {de_commune(C)}\n\n" + "\n".join(
                f"{n}. {self.item(p, rng.choice(['NP', 'PN', 'civ']), False)}" for n, p in enumerate(listed, 1)) + "\n"
            att = (rng.choice(["liste.txt", "signataires_appel.txt"]), "text/plain; charset=utf-8", data.encode("utf-8"))
        client, disp, addr = self.sender(None, ["outlook_desktop", "gmail", "zimbra", "thunderbird", "laposte"][i % 5])
        text = rng.choice([
            f"Bonjour,\n\nVoir pièce jointe : la liste des élu·es {de_commune(C)} qui signent l'appel.\n\nCordialement,\n{disp}\n",
            f"Bonjour,\n\nVeuillez trouver ci-joint la liste des signataires du conseil municipal {de_commune(C)}.\n\nBien à vous,\n{disp}\nAssistante du maire\n",
            "voir pièce jointe\n\n" + disp + "\n",
        ])
        m = self.mail("attached_list", client, disp, addr, rng.choice(["Liste signataires (PJ)", "signatures - voir PJ",
                      f"Appel cantines – {pretty(C.commune)}"]), text, attach=[att])
        self.label_all(m, "attached_list", listed)
        return m

    def one_person(self, kind: str) -> P:
        pool = self.reg.pool[kind]
        while True:
            p = pool[self.rng.randrange(len(pool))]
            if self.ok(p) and not p.dep.startswith("97") and p.dep not in ("ZZ", ""):
                return self.take(p)

    def single(self, i: int) -> Mail:
        rng = self.rng
        kind = ["cm", "mai", "cm", "mai", "cd", "cm"][i % 6]
        p = self.one_person(kind)
        if i % 6 == 5:  # an impostor writing alone
            t = ["invented", "former_2022", "namesake_elsewhere"][(i // 6) % 3]
            if t == "former_2022":
                p = self.former_mayor(rng.choice(self.asso_deps))
            elif t == "invented":
                p = self.claim(self.invented(p.dep), p)
            else:
                q = self.namesake(p.dep)
                p = self.claim(q, p)
        if p.kind == "cd":
            sig = f"{p.prenom} {p.nom}\n{self.rl(p)} du canton de {p.canton} ({dept_name(p.dep)})"
        else:
            sig = f"{p.prenom} {p.nom}\n{cap1(self.rl(p))} {de_commune(p)}"
        text = rng.choice([
            f"Bonjour,\n\nJe signe l'appel.\n\n{sig}\n",
            f"Je signe bien volontiers, c'est exactement ce que nous essayons de faire pour notre cantine.\n\n{sig}\n",
            f"Bonjour,\nMerci pour cette initiative. Vous pouvez ajouter mon nom :\n{sig.replace(chr(10), ', ')}\nBonne journée\n",
            f"Madame, Monsieur,\n\nJe soutiens votre démarche et signe l'appel.\n\nBien cordialement,\n\n{sig}\n",
        ])
        client, disp, addr = self.sender(p if not p.impostor or p.commune else None)
        m = self.mail("single", client, disp, addr, rng.choice(["Re: " + CALL_SUBJECT, "Signature", "signature appel",
                      "Je signe"]), text, reply=self.call_mail, quote=rng.random() < 0.5)
        self.label(m, "single", "signs", p)
        return m

    def followup_base(self, i: int) -> tuple[Mail, P, list[P]]:
        """A list (group of one commune) whose sender writes again a week later."""
        rng = self.rng
        cc = self.commune()
        C = self.reg.mayor_of[cc]
        ps = self.council(cc, rng.randint(5, 9), adjoints=rng.randint(0, 2))
        imps = [self.claim(self.invented(C.dep), C)] if i == 1 else []
        listed = self.mix_in(ps, imps)
        lines = [self.item(p, rng.choice(["NP", "PN", "Pn", "civ"]), False) for p in listed]
        client, disp, addr = self.sender(None, ["gmail", "outlook_desktop", "orange", "thunderbird", "laposte"][i % 5])
        text = (f"Bonjour,\n\nVoici les premières signatures des conseillers municipaux {de_commune(C)} :\n\n"
                f"{self.bullets(lines, ['num', 'dash', 'plain', 'bullet', 'mixed'][i % 5])}\n\n"
                f"D'autres suivront sans doute.\n{disp}\n")
        m = self.mail("followup_list", client, disp, addr, f"Signatures {pretty(C.commune)}", text)
        self.label_all(m, "followup_list", listed)
        m.meta = (client, disp, addr, C, listed)
        return m, C, listed

    def followup_add(self, base: Mail, i: int) -> Mail:
        rng = self.rng
        client, disp, addr, C, listed = base.meta
        ps = self.council(C.commune_code, 1 if i % 2 else 2, adjoints=0)
        lines = [self.item(p, rng.choice(["PN", "NP", "Pn"]), False) for p in ps]
        text = rng.choice([
            f"Bonjour,\n\nEt une de plus : {lines[0]}." + (f"\nEt aussi : {lines[1]}." if len(lines) > 1 else "") + f"\n\n{disp}\n",
            "Bonjour,\n\nÀ ajouter à notre liste de la semaine dernière :\n" + "\n".join(f"- {x}" for x in lines) + f"\n\nMerci,\n{disp}\n",
        ])
        m = self.mail("followup_add", client, disp, addr, f"Re: {base.subject}", text, reply=base, quote=True,
                      thread=base.thread, lo=200, hi=400)
        self.label_all(m, "followup_add", ps)
        return m

    def followup_remove(self, base: Mail, i: int) -> Mail:
        rng = self.rng
        client, disp, addr, C, listed = base.meta
        x = next(p for p in listed if not p.impostor)
        text = rng.choice([
            f"Bonjour,\n\nPouvez-vous retirer {x.prenom} {x.nom} de la liste envoyée la semaine dernière ? "
            f"{e(x, 'Il', 'Elle')} préfère finalement ne pas signer.\n\nMerci et désolé,\n{disp}\n",
            f"Bonjour,\nretirez {x.nom} {x.prenom} de la liste svp, erreur de ma part.\nLes autres signatures sont maintenues.\n{disp}\n",
        ])
        m = self.mail("list_withdraw", client, disp, addr, f"Re: {base.subject}", text, reply=base, quote=True,
                      thread=base.thread, lo=200, hi=400)
        # the scorer withdraws the first signer labelled on the referred message: put the withdrawn person first
        rows = [r for r in self.labels if r["message_file"] == base.file]
        row = next(r for r in rows if r["nom"] == x.nom and r["prenom"] == x.prenom)
        k = self.labels.index(rows[0])
        self.labels.remove(row)
        self.labels.insert(k, row)
        self.label(m, "list_withdraw", "withdraws", None, refers_to=base.file)
        return m

    # ----------------------------------------------------------------- non-signing
    def ack(self, base: Mail) -> Mail:
        n = sum(1 for r in self.labels if r["message_file"] == base.file)
        fn, nm = ORGANISERS[self.rng.randrange(2)]
        text = (f"Bonjour,\n\nBien reçu, merci ! Nous avons enregistré les {n} noms de votre liste ; les signatures "
                f"apparaîtront sur le site après vérification.\n\n{fn} {nm}\n{ORG_NAME}\n")
        m = self.mail("org_call", "organisers", f"{fn} {nm}", ORG_ADDR, "Re: " + base.subject.removeprefix("Re: "), text, reply=base,
                      quote=True, to=f"{base.from_name} <{base.from_addr}>", thread=base.thread, lo=30, hi=200)
        self.label(m, "org_call", "other")
        m.base = base
        return m

    def thanks(self, ack: Mail, i: int) -> Mail:
        base = ack.base
        text = ["Merci à vous, et bon courage pour la suite !\n", "Parfait, merci pour la confirmation.\nBonne soirée\n",
                "Merci ! Nous ferons suivre l'appel aux communes voisines.\n", "Top, merci.\n"][i % 4]
        client = base.client if base.client in CLIENT_ENC else "gmail"
        m = self.mail("thanks", client, base.from_name, base.from_addr, ack.subject, text,
                      reply=ack, quote=True, thread=base.thread, lo=20, hi=300)
        self.label(m, "thanks", "thanks", None, refers_to=base.file)
        return m

    def question(self, i: int) -> Mail:
        rng = self.rng
        p = self.one_person(["cm", "mai", "mai", "cm", "cd", "mai"][i % 6])
        where = (f"{self.rl(p)} du canton de {p.canton}" if p.kind == "cd" else f"{cap1(self.rl(p))} {de_commune(p)}")
        qs = [
            "Faut-il que chaque élu·e vous écrive individuellement, ou une liste envoyée par le secrétariat de notre groupe suffit-elle ?",
            "Peut-on vous envoyer la liste de nos conseillers sous forme de tableau Excel ? Quelles colonnes souhaitez-vous ?",
            "La liste des signataires sera-t-elle publiée avec les noms des communes ? Certains collègues hésitent.",
            "Notre association départementale peut-elle signer en tant que telle, sans lister les maires un par un ?",
            "Le seuil de 60 % comprend-il les produits bio venant de plus de 150 km ? Je signerai selon votre réponse.",
            "Avez-vous bien reçu la liste envoyée par notre mairie la semaine dernière ? Nous n'avons pas eu de confirmation.",
        ]
        text = f"Bonjour,\n\n{qs[i % 6]}\n\nCordialement,\n{p.prenom} {p.nom}\n{where}\n"
        client, disp, addr = self.sender(p)
        m = self.mail("question", client, disp, addr, rng.choice(["Question", "Question sur l'appel", "Re: " + CALL_SUBJECT]),
                      text, reply=self.call_mail, quote=i % 2 == 0)
        self.label(m, "question", "question")
        return m

    def autoreply(self, i: int) -> Mail:
        p = self.one_person(["mai", "cm", "mai", "cd"][i % 4])
        where = f"{self.rl(p)} {de_commune(p)}" if p.commune else f"{self.rl(p)} {de_dept(p.dep)}"
        text = [
            f"Bonjour,\n\nJe suis absent{'e' if p.f else ''} jusqu'au {self.rng.randint(12, 30)} octobre inclus. Pour toute "
            f"urgence, merci de contacter le secrétariat de mairie.\n\n{p.prenom} {p.nom}\n{where}\n",
            f"Message automatique : votre courriel a bien été reçu par la mairie {de_commune(p) if p.commune else ''} et sera "
            "traité dans les meilleurs délais.\n\nAccueil de la mairie\n",
            f"Réponse automatique\n\n{p.prenom} {p.nom} est en congés. Votre message ne sera pas transféré.\n",
        ][i % 3]
        client, disp, addr = self.sender(p, ["outlook_desktop", "zimbra", "orange", "outlook_mac"][i % 4])
        m = self.mail("autoreply", client, disp, addr, f"Réponse automatique : {CALL_SUBJECT}", text, reply=self.call_mail,
                      extra="Auto-Submitted: auto-replied", lo=1, hi=40)
        self.label(m, "autoreply", "autoreply")
        return m

    def newsletter(self, i: int) -> Mail:
        dep = self.rng.choice(self.asso_deps)
        ps = self.mayors(dep, 3)
        names = ", ".join(f"{p.prenom} {p.nom} (maire {de_commune(p)})" for p in ps)
        text = [
            f"LA LETTRE DES ÉLUS RURAUX {de_dept(dep).upper()} — n° {40 + i}\n\n1. Cantines : un appel national circule\n"
            f"Plusieurs maires du département ont signé l'appel pour des cantines en circuit court, dont {names}. "
            f"Pour signer, écrivez directement aux organisateurs.\n\n2. Voirie : le point sur les aides\n...\n\n"
            "Pour vous désinscrire, répondez STOP.\n",
            f"Revue de presse du {self.rng.randint(10, 30)} octobre\n\n« Cantines : les élus se mobilisent » — "
            f"La Gazette locale cite {names}, signataires de l'appel.\n\n« Circuits courts : le débat s'ouvre » — ...\n",
            f"Bulletin de l'Observatoire de la restauration collective\n\nÀ la une : l'appel des élu·es pour des cantines "
            f"en circuit court, signé notamment par {names}.\n\nAgenda : salon de la restauration scolaire, 18 novembre.\n",
        ][i % 3]
        m = self.mail("newsletter", "plain", ["Élus ruraux", "Revue de presse", "Observatoire"][i % 3],
                      f"lettre@{['elus-ruraux', 'revue-presse', 'observatoire-cantines'][i % 3]}.example",
                      ["La lettre des élus ruraux", "Revue de presse", "Bulletin n° 12"][i % 3], text,
                      extra="Precedence: bulk\nList-Unsubscribe: <mailto:stop@lettres.example>")
        self.label(m, "newsletter", "newsletter")
        return m

    def spam(self, i: int) -> Mail:
        text = [
            "Cher utilisateur,\n\nVotre boîte aux lettres a atteint sa limite de stockage. Cliquez ici pour la valider : "
            "http://webmail-verif.example/login\n\nService informatique\n",
            "Bonjour,\n\nÉquipez votre cantine avec nos fours mixtes à -40 % ! Offre réservée aux collectivités.\n\n"
            "Le service commercial\n",
        ][i % 2]
        m = self.mail("spam", "plain", ["Support Webmail", "Promo Collectivités"][i % 2],
                      ["no-reply@webmail-verif.example", "offres@promo-collectivites.example"][i % 2],
                      ["Action requise : votre boîte est pleine", "Fours mixtes -40 % pour vos cantines"][i % 2], text)
        self.label(m, "spam", "other")
        return m

    def progress(self) -> Mail:
        fn, nm = ORGANISERS[0]
        n = sum(1 for r in self.labels if r["expected"] != "no_signer")
        text = (f"Chères et chers élu·es,\n\nL'appel a déjà recueilli plus de {n - n % 50} signatures, dont de nombreuses "
                "listes transmises par des groupes municipaux et des associations de maires. Merci !\n\n"
                f"Il reste trois semaines pour signer.\n\n{fn} {nm}\n")
        m = self.mail("org_call", "organisers", ORG_NAME, ORG_LIST.replace("appel@", "appel-owner@"),
                      f"{CALL_TITLE} : point d'étape", text, to=f"Élu·es (liste appel) <{ORG_LIST}>", extra=LIST_HEADERS)
        self.label(m, "org_call", "other")
        return m

    # ----------------------------------------------------------------- run
    def run(self) -> None:
        rng = self.rng
        self.call()
        plan = ([("group_secretary", i) for i in range(6)] + [("asso_maires", i) for i in range(4)]
                + [("town_hall", i) for i in range(4)] + [("table_paste", i) for i in range(6)]
                + [("mixed_list", i) for i in range(5)] + [("attached", i) for i in range(5)]
                + [("single", i) for i in range(34)] + [("question", i) for i in range(6)]
                + [("newsletter", i) for i in range(3)] + [("spam", i) for i in range(2)])
        rng.shuffle(plan)
        for i in range(5):
            plan.insert(rng.randint(0, 35), ("followup_base", i))
        for i in range(4):
            plan.insert(rng.randint(0, 8), ("autoreply", i))
        plan.insert(len(plan) // 2, ("progress", 0))
        deferred: list[tuple[int, str, object, int]] = []
        acked = 0
        pos = 0
        for kind, i in plan:
            for d in sorted(x for x in deferred if x[0] <= pos):
                deferred.remove(d)
                self.run_deferred(d, deferred, pos)
                pos += 1
            m = getattr(self, kind)(i) if kind not in ("progress",) else self.progress()
            pos += 1
            if kind == "followup_base":
                m = m[0]
                deferred.append((pos + 28 + i, "followup_add" if i < 3 else "followup_remove", m, i))
            if kind in ("group_secretary", "asso_maires", "table_paste") and i == 1 and acked < 3:
                acked += 1
                deferred.append((pos + 1, "ack", m, acked))
        for d in sorted(deferred):
            deferred.remove(d)
            self.run_deferred(d, deferred, pos)
        while deferred:
            d = min(deferred)
            deferred.remove(d)
            self.run_deferred(d, deferred, pos)

    def run_deferred(self, d, deferred, pos) -> None:
        _, kind, base, i = d
        if kind == "ack":
            a = self.ack(base)
            deferred.append((pos + 2, "thanks", a, i))
        elif kind == "thanks":
            self.thanks(base, i)
        else:
            getattr(self, kind)(base, i)

    def write(self) -> None:
        if OUT.exists():
            shutil.rmtree(OUT)
        OUT.mkdir(parents=True)
        for m in self.mails:
            (OUT / m.file).write_bytes(render(m, self.rng))
        with open(HERE / "labels.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter=";", lineterminator="\n")
            w.writerow(LABEL_COLS)
            for r in sorted(self.labels, key=lambda r: r["message_file"]):
                r["encoding"] = r["_m"].encoding
                w.writerow([r[c] for c in LABEL_COLS])


if __name__ == "__main__":
    b = Build()
    b.run()
    b.write()
    signers = [r for r in b.labels if r["expected"] != "no_signer"]
    print(f"{len(b.mails)} messages, {len(signers)} signers, "
          f"{sum(r['case'] == 'impostor' for r in signers)} not verifiable ({Counter(r['impostor_type'] for r in signers if r['impostor_type'])})")
