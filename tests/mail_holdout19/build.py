#!/usr/bin/env python3
"""Nineteenth held-out petition mailbox (tests/mail_holdout19): builder.

    python tests/mail_holdout19/build.py            # rewrites messages/ and labels.csv

A spring-2021 campaign, « Pas de commune sans guichet » (invented: post offices, trésoreries and
public-service counters), checked against the December-2020 registry (registry.txt). Byte-identical on
every run: one seeded generator (SEED), a clock that starts on Tuesday 16 March 2021 and only moves
forward (Paris time, CET then CEST from 28 March 2021), Message-IDs and MIME boundaries drawn from the
generator in each client's own shape. Reads four 2020-12-03 files and one 2019-10-03 mayors file of
../shared/rne/history (or RNE_SHARED=…) and the COG (../shared/cog); nothing of ../shared is copied into
the repository except, in the messages, the drawn people's name, sex, mandate and place. Birth dates are
read only to tell homonyms apart and are written nowhere.

Client quoting, encodings and label writing are those of tests/mail_holdout5/build.py (copied here so
that this folder is self-contained); the campaign, the registry reading and the message shapes are new.
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
from dataclasses import dataclass, field
from email.charset import BASE64, QP, Charset
from email.header import Header
from pathlib import Path

SEED = 2021_0316
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
HISTORY = SHARED / "rne" / "history"
REGISTRY_FILES = [
    "2020-12-03_3-rne-cd.txt",
    "2020-12-03_4-rne-cr.txt",
    "2020-12-03_5-rne-cac.txt",
    "2020-12-03_9-rne-maires.txt",
]
FORMER_FILE = "2019-10-03_9-rne-maires.txt"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "guichets-ouverts.example"
ORG_ADDR = f"appel@{ORG_DOMAIN}"
ORG_LIST = f"elus-info@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Pas de commune sans guichet"
ORGANISERS = [
    ("Clémentine", "ROUSSERIE-VAUQUELAIN"),
    ("Anselme", "KERMARZIN-OUDINOT"),
]  # invented; checked absent
# secretaries, cabinet staff, association staff: invented, checked absent from the registry files
STAFF = [
    ("Laëtitia", "KERVELLA-RASPAUD"),
    ("Mathis", "OUDINOT-LASSERADE"),
    ("Gwenola", "PENHOAT-VIGUERIE"),
    ("Yannick", "FOURCASSIÉ-MARTINACHE"),
    ("Sandrine", "SOUBIRAN-CAZASSUS"),
    ("Cédric", "VIGUERIE-BOUSQUIÉ"),
    ("Anaïs", "LASSERADE-PENHOAT"),
    ("Rémi", "CAZASSUS-ROUSSERIE"),
    ("Élodie", "MARTINACHE-FOURCASSIÉ"),
    ("Florian", "RASPAUD-KERMARZIN"),
]
INVENTED_NOMS = [
    "VAUCHERESSE",
    "PLANTEVIRGNE",
    "MOUSTIÉRAC",
    "DERVILLOUX",
    "CASTELBRUNE",
    "LOUBATIÈRES",
    "ROCHEFLAVE",
    "SAULNIERAS",
]
CALL_TITLE = "Pas de commune sans guichet"
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


SUMMER = dt.datetime(2021, 3, 28, 2, 0)  # last Sunday of March 2021: CET -> CEST


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=2 if t >= SUMMER else 1)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2021, 3, 16, 9, 5)
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


# --------------------------------------------------------------------------- the December-2020 registry
def read_txt(name: str):
    """The 2019-2020 text format: cp1252, TAB, CRLF, a first line « Titre du rapport »."""
    lines = (HISTORY / name).read_bytes().decode("cp1252", errors="replace").splitlines()
    assert lines[0].startswith("Titre du rapport"), name
    head = lines[1].split("\t")
    for ln in lines[2:]:
        if ln.strip():
            yield dict(zip(head, ln.split("\t"), strict=False))


@dataclass
class P:
    kind: str  # mai cd cr ma (claimed kind for impostors)
    nom: str
    prenom: str
    sexe: str
    dep: str = ""
    commune_code: str = ""
    commune: str = ""
    region: str = ""
    canton: str = ""
    fonction: str = ""
    impostor: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def truth_commune(self) -> str:
        return self.commune_code if self.kind == "mai" else ""

    @property
    def truth_dep(self) -> str:
        return self.dep if self.kind in ("mai", "cd") else ""


def commune_code(dep: str, code3: str) -> str:
    return dep + code3.zfill(3)


class Registry:
    def __init__(self):
        self.births: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.words: set[str] = set()
        self.depts_of: dict[str, set[str]] = defaultdict(set)
        self.pool: dict[str, list[P]] = defaultdict(list)
        self.mayor_at: dict[str, P] = {}
        self.text = ""

        def note(nom, prenom, birth):
            self.births[ident(nom, prenom)].add(birth)
            self.surnames[fold(nom)].add(fold(prenom))
            self.words.update(fold(nom).split())

        for r in read_txt(REGISTRY_FILES[0]):
            nom, pre = r["Nom de l'élu"], r["Prénom de l'élu"]
            note(nom, pre, r["Date de naissance"])
            fonction = "" if r.get("Date de fin de la fonction") else r["Libellé de fonction"]
            p = P(
                "cd",
                nom,
                pre,
                r["Code sexe"],
                dep=r["Code du département"],
                canton=r["Libellé du canton"],
            )
            p.fonction = fonction
            self.depts_of[ident(nom, pre)].add(p.dep)
            self.pool["cd"].append(p)
        for r in read_txt(REGISTRY_FILES[1]):
            nom, pre = r["Nom de l'élu"], r["Prénom de l'élu"]
            note(nom, pre, r["Date de naissance"])
            p = P(
                "cr",
                nom,
                pre,
                r["Code sexe"],
                region=r["Code région"],
                fonction=r["Libellé de fonction"],
            )
            p.extra["section"] = r["Code du département"]
            self.pool["cr"].append(p)
        for r in read_txt(REGISTRY_FILES[2]):
            nom, pre = r["Nom de l'élu"], r["Prénom de l'élu"]
            note(nom, pre, r["Date de naissance"])
            self.pool["ma"].append(
                P("ma", nom, pre, r["Code sexe"], fonction=r["Libellé de fonction"])
            )
        for r in read_txt(REGISTRY_FILES[3]):
            nom, pre = r["Nom de l'élu"], r["Prénom de l'élu"]
            note(nom, pre, r["Date de naissance"])
            dep = r["Code du département (Maire)"]
            cc = commune_code(dep, r["Code Insee de la commune"])
            p = P(
                "mai",
                nom,
                pre,
                r["Code sexe"],
                dep=dep,
                commune_code=cc,
                commune=r["Libellé de la commune"],
            )
            self.depts_of[ident(nom, pre)].add(dep)
            self.pool["mai"].append(p)
            self.mayor_at[cc] = p
        self.former: list[P] = []
        for r in read_txt(FORMER_FILE):
            nom, pre = r["Nom de l'élu"], r["Prénom de l'élu"]
            dep = r["Code du département (Maire)"]
            if fold(nom) in self.surnames or dep.startswith("Z") or " " in pre or len(pre) < 3:
                continue
            cc = commune_code(dep, r["Code Insee de la commune"])
            self.former.append(
                P(
                    "mai",
                    nom,
                    pre,
                    r["Code sexe"],
                    dep=dep,
                    commune_code=cc,
                    commune=r["Libellé de la commune"],
                )
            )

    def unique(self, p: P) -> bool:
        return len(self.births[ident(p.nom, p.prenom)]) == 1

    def absent(self, nom: str) -> bool:
        return fold(nom) not in self.surnames and not any(
            w in self.words for w in fold(nom).split()
        )


FIRST_F = [
    "Sylvie",
    "Nathalie",
    "Christine",
    "Isabelle",
    "Martine",
    "Véronique",
    "Sophie",
    "Brigitte",
    "Valérie",
    "Catherine",
    "Florence",
    "Patricia",
    "Agnès",
    "Chantal",
    "Monique",
    "Corinne",
]
FIRST_M = [
    "Philippe",
    "Thierry",
    "Pascal",
    "Didier",
    "Gérard",
    "Bernard",
    "Christophe",
    "Laurent",
    "Olivier",
    "Patrick",
    "Dominique",
    "Jean-Luc",
    "Michel",
    "Éric",
    "Hervé",
    "Frédéric",
]


# --------------------------------------------------------------------------- how people write a mandate
def e(p: P, m: str, f: str) -> str:
    return f if p.sexe == "F" else m


def commune_label(p: P) -> str:
    return pretty(p.commune)


def homonym(p: P) -> bool:
    return NAME_COUNT[fold(p.commune)] > 1


def dep_label(code: str) -> str:
    return DEPTS[code]["nom"] if code in DEPTS else code


def region_label(code: str) -> str:
    return REGIONS[code]["nom"] if code in REGIONS else code


def de_region(code: str) -> str:
    r = REGIONS.get(code)
    return de_place(r["nom"], r.get("typeLiaison")) if r else f"de la région {code}"


ORD = {
    "Premier": "1er",
    "Second": "2e",
    "Deuxième": "2e",
    "Troisième": "3e",
    "Quatrième": "4e",
    "Cinquième": "5e",
    "Sixième": "6e",
    "Septième": "7e",
    "Huitième": "8e",
    "Neuvième": "9e",
    "Dixième": "10e",
}


def cd_function(p: P) -> str:
    """« 3e vice-présidente », « Président », or ""."""
    f = p.fonction or ""
    m = re.match(r"(\w+) vice-président", f)
    if m and m[1] in ORD:
        o = ORD[m[1]]
        if p.sexe == "F" and o == "1er":
            o = "1re"
        return f"{o} {e(p, 'vice-président', 'vice-présidente')}"
    if f.startswith("Président"):
        return e(p, "Président", "Présidente")
    return ""


def mandate(p: P, rng: random.Random, short: bool = False) -> str:
    """The mandate as the signer writes it after their name."""
    if p.kind == "mai":
        c = commune_label(p)
        tag = ""
        if homonym(p) or rng.random() < 0.3:
            tag = rng.choice([f" ({p.dep})", f" ({dep_label(p.dep)})", f", {dep_label(p.dep)}"])
        if short:
            return rng.choice(["maire " + de_name(c), "Maire " + de_name(c)]) + tag
        return (
            rng.choice(
                [
                    "maire " + de_name(c),
                    "Maire " + de_name(c),
                    "maire de la commune " + de_name(c),
                    e(p, "Maire", "Maire") + " de " + c,
                ]
            )
            + tag
        )
    if p.kind == "cd":
        fn = cd_function(p)
        if fn and not short and rng.random() < 0.6:
            return f"{fn} du Conseil départemental {de_dept(p.dep)}"
        base = e(p, "conseiller départemental", "conseillère départementale")
        if rng.random() < 0.5:
            base = cap1(base)
        canton = pretty(p.canton)
        return rng.choice(
            [
                f"{base} du canton {de_name(canton)} ({dep_label(p.dep)})",
                f"{base} {de_dept(p.dep)}",
                f"{base} {de_dept(p.dep)}, canton {de_name(canton)}",
            ]
        )
    if p.kind == "cr":
        base = e(p, "conseiller régional", "conseillère régionale")
        if rng.random() < 0.5:
            base = cap1(base)
        return rng.choice([f"{base} {de_region(p.region)}", f"{base} ({region_label(p.region)})"])
    if p.kind == "ma":
        return rng.choice(
            [
                e(p, "conseiller à l'Assemblée de Corse", "conseillère à l'Assemblée de Corse"),
                e(p, "Conseiller territorial de Corse", "Conseillère territoriale de Corse"),
                "membre de l'Assemblée de Corse",
            ]
        )
    raise ValueError(p.kind)


def name_as(p: P, style: str) -> str:
    nm = p.nom
    if style == "pn":
        return f"{p.prenom} {nm}"
    if style == "pc":
        return f"{p.prenom} {nom_case(nm)}"
    if style == "np":
        return f"{nm} {p.prenom}"
    if style == "lc":
        return f"{p.prenom} {nom_case(nm)}".lower()
    if style == "up":
        return f"{p.prenom} {nm}".upper()
    raise ValueError(style)


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", noacc(s).lower()).strip("-")


WEBMAILS = [
    "orange.fr",
    "wanadoo.fr",
    "gmail.com",
    "laposte.net",
    "free.fr",
    "sfr.fr",
    "yahoo.fr",
    "hotmail.fr",
]
CLIENT_DOM = {
    "gmail": "gmail.com",
    "android_gmail": "gmail.com",
    "yahoo": "yahoo.fr",
    "laposte": "laposte.net",
    "orange": "orange.fr",
    "orange_app": "orange.fr",
}


def person_addr(p: P, rng: random.Random, client: str) -> str:
    fn, nm = slug(p.prenom), slug(p.nom)
    dom = CLIENT_DOM.get(client) or rng.choice(WEBMAILS)
    local = rng.choice(
        [f"{fn}.{nm}", f"{fn[0]}{nm}", f"{nm}.{fn}", f"{fn}{nm}{rng.randint(1, 99)}"]
    )
    return f"{local.replace('-', '')}@{dom}"


def inst_dom(p: P) -> str:
    if p.kind == "mai":
        return f"mairie-{slug(p.commune)}.fr"
    if p.kind == "cd":
        return f"{slug(dep_label(p.dep))}.fr"
    if p.kind == "cr":
        return f"region-{slug(region_label(p.region))}.fr"
    return "isula.corsica"


def inst_addr(p: P, rng: random.Random) -> str:
    if p.kind == "mai":
        return (
            rng.choice(["mairie", "contact", "accueil", "secretariat", "maire"]) + "@" + inst_dom(p)
        )
    return f"{slug(p.prenom)}.{slug(p.nom)}@{inst_dom(p)}".replace("-", "", 0)


# --------------------------------------------------------------------------- the call
ORG_FULL = [f"{fn} {nm}" for fn, nm in ORGANISERS]
CALL = f"""APPEL DES ÉLU·ES — « {CALL_TITLE} »

Madame la Maire, Monsieur le Maire,
Mesdames et Messieurs les élu·es,

En 2021, quatre cents trésoreries ferment leurs portes, des bureaux de poste ne sont plus ouverts que
deux matinées par semaine, et la crise sanitaire a fait de l'accueil physique une exception. Pour des
millions d'habitants, faire une procuration, retirer une lettre recommandée ou payer une facture de
cantine est devenu un parcours d'obstacles. Nous, élu·es locaux de toutes sensibilités, demandons :

1. un moratoire sur toute fermeture ou réduction d'horaires d'un guichet public en 2021 et 2022 ;
2. un guichet de plein exercice (poste, finances publiques, CAF) à moins de vingt minutes de chaque
   habitant ;
3. que les maisons France services ne servent pas de prétexte à la fermeture des autres guichets ;
4. l'avis conforme du conseil municipal avant toute réduction d'ouverture dans la commune.

Pour signer : répondez à ce message en indiquant vos nom, prénom, mandat et collectivité.
Chaque signature est contrôlée dans le Répertoire national des élus. Remise de l'appel
au Gouvernement le 20 mai 2021 ; les signatures reçues avant le 14 mai seront publiées.

Faites circuler auprès de vos collègues !

{ORG_FULL[0]} et {ORG_FULL[1]}
pour le {ORG_NAME}
{ORG_ADDR}"""
CALL_SUBJECT = f"[Appel] {CALL_TITLE} — signez avant le 14 mai"
CALL_DATE = aware(dt.datetime(2021, 3, 16, 8, 14, 37))
LIST_HEADERS = (
    f"Reply-To: {ORG_ADDR}\nList-Id: Elus - information <elus-info.listes.{ORG_DOMAIN}>\n"
    f"List-Unsubscribe: <mailto:elus-info-leave@listes.{ORG_DOMAIN}>\n"
    f"List-Post: NO\nPrecedence: bulk\nX-Mailing-List: elus-info@listes.{ORG_DOMAIN}"
)
FOOTERS = {
    "iphone": "Envoyé de mon iPhone",
    "ipad": "Envoyé de mon iPad",
    "outlook_ios": "Obtenir Outlook pour iOS<https://aka.ms/o0ukef>",
    "samsung": "Envoyé depuis mon smartphone Samsung Galaxy.",
    "orange_app": "Envoyé depuis l'application Mail Orange",
}
ENCODINGS = [
    ("utf-8", "8bit"),
    ("utf-8", "quoted-printable"),
    ("iso-8859-1", "quoted-printable"),
    ("windows-1252", "8bit"),
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
    "thunderbird": [("utf-8", "8bit"), ("utf-8", "quoted-printable"), ("windows-1252", "8bit")],
    "roundcube": [("utf-8", "quoted-printable"), ("utf-8", "8bit")],
    "organisers": [("utf-8", "quoted-printable")],
    "zimbra": [("utf-8", "quoted-printable"), ("iso-8859-1", "8bit")],
    "laposte": [("utf-8", "quoted-printable"), ("windows-1252", "8bit")],
    "yahoo": [("utf-8", "quoted-printable"), ("utf-8", "base64")],
    "orange": [("iso-8859-1", "8bit"), ("iso-8859-1", "quoted-printable"), ("utf-8", "8bit")],
    "orange_app": [("utf-8", "8bit"), ("utf-8", "base64")],
    "samsung": [("utf-8", "base64"), ("utf-8", "8bit")],
}
CLOSINGS = [
    "Cordialement,",
    "Bien cordialement",
    "Bien à vous,",
    "Salutations républicaines.",
    "Amitiés",
    "Bonne journée",
    "Cdt",
    "Avec mes salutations distinguées,",
    "Bien cordialement à vous,",
]
GREETINGS = [
    "Bonjour,",
    "Bonjour",
    "Madame, Monsieur,",
    "Bonjour à vous,",
    "Bonsoir,",
    "Chers collègues,",
    "",
]
COVID = [
    "Entre deux réunions sur le centre de vaccination,",
    "Avec le couvre-feu à 18 h, les conseils se font en visio, mais",
    "Même confinés pour la troisième fois,",
    "Notre bureau de poste n'ouvre plus que le mardi et le jeudi matin depuis le premier confinement :",
    "Notre trésorerie a fermé le 1er janvier, les habitants font 40 km pour un paiement en espèces :",
    "La Poste vient de nous annoncer une « adaptation des horaires » de l'agence, c'est-à-dire trois demi-journées :",
    "Je sors d'une réunion avec La Poste qui veut transformer notre bureau en agence postale communale.",
]


# --------------------------------------------------------------------------- builder
class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.reg = Registry()
        for _fn, nm in ORGANISERS + STAFF:
            assert self.reg.absent(nm), nm
        for nm in INVENTED_NOMS:
            assert self.reg.absent(nm), nm
        for word in ("guichets", "ouverts", "rousserie", "vauquelain"):
            assert word not in self.reg.words, word
        self.clock = Clock(self.rng)
        self.n = 0
        self.mails: list[Mail] = []
        self.labels: list[dict] = []
        self.used: set[str] = set()
        self.used_communes: set[str] = set()
        self.slot = 0
        self.imp_cycle = ["other_first", "mayor_elsewhere", "invented", "former_2019"]
        self.n_imp = 0
        self.signed: list[tuple[Mail, P, str, str]] = []  # (mail, signer, address, text)
        self.staff = list(STAFF)
        self.rng.shuffle(self.staff)
        self.invented = list(INVENTED_NOMS)
        self.call: Mail | None = None

    # ---------------------------------------------------------------- drawing
    def ok(self, p: P) -> bool:
        return (
            bool(p.nom)
            and len(p.prenom) > 2
            and " " not in p.prenom
            and len(p.nom.split()) <= 2
            and "EPOUSE" not in noacc(p.nom).upper()
            and "(" not in p.nom
            and ident(p.nom, p.prenom) not in self.used
            and not p.dep.startswith("Z")
            and (p.kind != "cd" or p.dep in DEPTS)
            and (p.kind != "cr" or (p.region in REGIONS and p.region >= "11"))
            and (p.kind != "mai" or p.commune_code not in self.used_communes)
            and self.reg.unique(p)
        )

    def take(self, kind: str, pred=lambda p: True) -> P:
        pool = self.reg.pool[kind]
        for _ in range(200000):
            p = pool[self.rng.randrange(len(pool))]
            if not self.ok(p) or not pred(p):
                continue
            return self.use(p)
        raise RuntimeError(f"no {kind}")

    def use(self, p: P) -> P:
        self.used.add(ident(p.nom, p.prenom))
        if p.commune_code:
            self.used_communes.add(p.commune_code)
        return p

    def signer(
        self, kinds=("mai", "mai", "mai", "mai", "cd", "cr", "mai", "ma"), pred=lambda p: True
    ) -> P:
        """Two slots in thirteen are impostors."""
        self.slot += 1
        if self.slot % 13 in (4, 10):
            return self.impostor(dep=None)
        return self.take(self.rng.choice(kinds), pred)

    def first_for(self, nom: str, sexe: str) -> str:
        carried = self.reg.surnames[fold(nom)]
        firsts = FIRST_F if sexe == "F" else FIRST_M
        for fn in self.rng.sample(firsts, len(firsts)):
            if not any(c[:3] == fold(fn)[:3] for c in sorted(carried)):
                return fn
        raise RuntimeError(nom)

    def impostor(self, t: str | None = None, dep: str | None = None) -> P:
        """An impostor claiming a mayoralty (dep: of a commune of that département)."""
        t = t or self.imp_cycle[self.n_imp % 4]
        self.n_imp += 1
        rng, reg = self.rng, self.reg
        in_dep = (lambda p: p.dep == dep) if dep else (lambda p: True)
        if t == "other_first":
            real = self.take("mai", lambda p: in_dep(p) and " " not in p.nom and "-" not in p.nom)
            fn = self.first_for(real.nom, real.sexe)
            return P(
                "mai",
                real.nom,
                fn,
                real.sexe,
                dep=real.dep,
                commune_code=real.commune_code,
                commune=real.commune,
                impostor=t,
            )
        if t == "mayor_elsewhere":
            for _ in range(5000):
                real = self.take("mai")
                mine = reg.depts_of[ident(real.nom, real.prenom)]
                place = self.take("mai", lambda p, mine=mine: p.dep not in mine and in_dep(p))
                self.used.discard(ident(place.nom, place.prenom))
                return P(
                    "mai",
                    real.nom,
                    real.prenom,
                    real.sexe,
                    dep=place.dep,
                    commune_code=place.commune_code,
                    commune=place.commune,
                    impostor=t,
                )
        if t == "invented":
            nom = self.invented.pop(0)
            place = self.take("mai", in_dep)
            self.used.discard(ident(place.nom, place.prenom))
            sexe = rng.choice("MF")
            fn = rng.choice(FIRST_F if sexe == "F" else FIRST_M)
            return P(
                "mai",
                nom,
                fn,
                sexe,
                dep=place.dep,
                commune_code=place.commune_code,
                commune=place.commune,
                impostor=t,
            )
        if t == "former_2019":
            for _ in range(50000):
                p = reg.former[rng.randrange(len(reg.former))]
                if ident(p.nom, p.prenom) in self.used or (dep and p.dep != dep):
                    continue
                if p.commune_code in self.used_communes or len(p.nom.split()) > 1:
                    continue
                self.use(p)
                return P(
                    "mai",
                    p.nom,
                    p.prenom,
                    p.sexe,
                    dep=p.dep,
                    commune_code=p.commune_code,
                    commune=p.commune,
                    impostor=t,
                )
        raise RuntimeError(t)

    # ---------------------------------------------------------------- messages and labels
    def new(
        self,
        shape: str,
        client: str,
        from_name: str,
        from_addr: str,
        subject: str,
        lo=60,
        hi=820,
        **kw,
    ) -> Mail:
        self.n += 1
        cs, cte = kw.pop("enc", None) or self.rng.choice(CLIENT_ENC.get(client, ENCODINGS))
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

    def sign(self, m: Mail, shape: str, p: P, text: str = ""):
        self.label(m, shape, "signs", "", p)
        self.signed.append((m, p, m.from_addr, text))

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
        client = m.client
        if client in SMART_QUOTES:
            top = top.replace("'", "’")
        foot = FOOTERS.get(client)
        if foot and foot not in top:
            top = f"{top.rstrip()}\n\n{foot}"
        me = (
            ORG_LIST
            if prev is self.call
            else (prev.to or m.from_addr)
            if prev is not None
            else m.from_addr
        )
        quoted = quote_text(client, prev, prev_text, me) if prev is not None else ""
        m.text = top + quoted
        if html is None:
            html = client in HTML_CLIENTS and self.rng.random() < 0.4
        if html and client in HTML_CLIENTS:
            qh = quote_html(client, prev, prev_text, me) if prev is not None else ""
            m.html = html_doc(client, top, qh)
        return m.text

    def reply_subject(self, client: str, subj: str) -> str:
        base = re.sub(r"^((re|RE|Re|TR|Fwd|Réf)\s?:\s*)+", "", subj)
        return ("RE: " if client.startswith("outlook") else "Re: ") + base

    def reply_call(
        self, shape: str, client: str, name: str, addr: str, top: str, quote: bool = True, **kw
    ) -> Mail:
        new_subject = kw.pop("subject", None)
        subj = self.reply_subject(client, CALL_SUBJECT) if quote or not new_subject else new_subject
        m = self.new(
            shape, client, name, addr, subj, in_reply_to=self.call.mid if quote else "", **kw
        )
        self.body(m, top, self.call if quote else None, self.call.text if quote else "")
        return m

    # ---------------------------------------------------------------- the organisers
    def org_call(self):
        fn, nm = ORGANISERS[0]
        self.n += 1
        m = Mail(
            file=f"{self.n:03d}-org_call.eml",
            client="organisers",
            from_name=ORG_NAME,
            from_addr=ORG_ADDR,
            subject=CALL_SUBJECT,
            date=CALL_DATE,
            mid=msgid("organisers", ORG_DOMAIN, self.rng, CALL_DATE),
            to=f"Elus - information <{ORG_LIST}>",
            cs="utf-8",
            cte="quoted-printable",
            extra=LIST_HEADERS,
        )
        self.mails.append(m)
        self.body(m, CALL, html=False)
        self.call = m
        self.label(m, "org_call", "other", "nonsigning")

    def org_relance(self, names: list[P]):
        lines = "\n".join(
            f"- {p.prenom} {p.nom}, {mandate(p, self.rng, short=True)}" for p in names
        )
        text = (
            "Chères et chers élu·es,\n\n"
            "Trois semaines après son lancement, l'appel « Pas de commune sans guichet » a déjà reçu plusieurs\n"
            "centaines de signatures. Parmi les premières :\n\n"
            f"{lines}\n\n"
            "Si vous n'avez pas encore signé, il suffit de répondre à ce message avec vos nom, prénom et mandat.\n"
            "Nous savons que beaucoup d'entre vous sont pris par la campagne de juin : une ligne suffit !\n\n"
            f"{ORG_FULL[1]}\n{ORG_NAME}"
        )
        m = self.new(
            "org_call",
            "organisers",
            ORG_NAME,
            ORG_ADDR,
            f"[Appel] {CALL_TITLE} : où en est-on ?",
            to=f"Elus - information <{ORG_LIST}>",
            enc=("utf-8", "quoted-printable"),
            extra=LIST_HEADERS,
        )
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    def org_internal(self):
        a, b = ORGANISERS
        text = (
            f"Salut {b[0]},\n\nJ'ai fait le point sur le tableur : il reste une vingtaine de signatures à contrôler\n"
            "dans le RNE (surtout des adjoints, qu'on ne trouvera pas dans le fichier des maires).\n"
            "On se cale une visio jeudi 18 h ? Couvre-feu oblige, ce sera de chez moi.\n\n"
            f"{a[0]}"
        )
        m = self.new(
            "org_call",
            "organisers",
            f"{a[0]} {nom_case(a[1])}",
            f"{slug(a[0])}@{ORG_DOMAIN}",
            "point signatures",
            to=f"{b[0]} {nom_case(b[1])} <{slug(b[0])}@{ORG_DOMAIN}>",
        )
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    def confirmation(self, signed: tuple) -> tuple[str, str, str]:
        """The organisers' confirmation of an earlier signature: (subject, text, date line) for quoting."""
        m0, p, _addr, text0 = signed
        fn, nm = ORGANISERS[self.rng.randrange(2)]
        txt = (
            f"Bonjour,\n\nMerci pour votre signature, elle est bien enregistrée et sera publiée après\n"
            f"vérification.\n\nBien cordialement,\n{fn} {nom_case(nm)}\n{ORG_NAME}\n\n"
            + quote_text("organisers", m0, text0, ORG_ADDR).lstrip("\n")
        )
        return txt, fn, nm

    # ---------------------------------------------------------------- shapes
    def sig_block(self, p: P, style: str | None = None) -> str:
        style = style or self.rng.choice(["pn", "pc", "pc", "np"])
        return f"{name_as(p, style)}\n{cap1(mandate(p, self.rng))}"

    def smartphone_terse(self, n: int):
        rng = self.rng
        clients = [
            "iphone",
            "samsung",
            "android_gmail",
            "orange_app",
            "outlook_ios",
            "iphone",
            "android_gmail",
            "samsung",
            "iphone",
            "orange_app",
            "ipad",
            "android_gmail",
        ]
        for i in range(n):
            p = self.signer()
            client = clients[i % len(clients)]
            mnd = mandate(p, rng, short=True)
            forms = [
                f"Je signe.\n{name_as(p, 'np')}\n{cap1(mnd)}",
                f"ok pour moi, vous pouvez mettre mon nom\n{name_as(p, 'pc')} {mnd}",
                f"Signé ! {name_as(p, 'pc')} ({mnd})",
                f"D'accord pour signer. {name_as(p, 'np')} {mnd}",
                f"Oui je signe\n\n{p.prenom} {nom_case(p.nom)}\n{mnd}",
                f"Bonjour, je m'associe à l'appel.\n{name_as(p, 'pn')}, {mnd}",
                f"je signe bien sur\n{name_as(p, 'lc')}\n{mnd.lower()}",
                f"Bjr. Signature : {name_as(p, 'pn')} – {mnd}. Bon courage",
            ]
            top = forms[i % len(forms)]
            addr = person_addr(p, rng, client)
            m = self.reply_call(
                "smartphone_terse",
                client,
                name_as(p, rng.choice(["pc", "pn"])),
                addr,
                top,
                lo=5,
                hi=300,
            )
            self.sign(m, "smartphone_terse", p, m.text)

    def postal_address(self, p: P) -> str:
        rng = self.rng
        street = rng.choice(
            [
                "1 place de la Mairie",
                "2 rue de l'Église",
                "Place du Général de Gaulle",
                "12 Grande Rue",
                "3 place de la République",
                "Le Bourg",
                "1 rue des Écoles",
            ]
        )
        cp = postcode(p.commune_code) or (p.commune_code[:2] + "000")
        return f"{street}\n{cp} {noacc(commune_label(p)).upper()}"

    def courrier_formel(self, n: int):
        rng = self.rng
        clients = [
            "outlook_desktop",
            "outlook_desktop",
            "zimbra",
            "thunderbird",
            "laposte",
            "outlook_mac",
            "outlook_desktop",
            "zimbra",
            "roundcube",
            "thunderbird",
        ]
        for i in range(n):
            p = self.signer(kinds=("mai", "mai", "mai", "cd", "cr"))
            client = clients[i % len(clients)]
            if p.kind == "mai":
                head = f"MAIRIE {de_name(commune_label(p)).upper()}\n{self.postal_address(p)}\nTél. 0{rng.choice('2345')} 99 00 {rng.randint(10, 99)} {rng.randint(10, 99)}"
                title = rng.choice(
                    ["Le Maire,", e(p, "Le Maire,", "La Maire,"), "Le Maire de la commune,"]
                )
                sig = f"{title}\n\n{name_as(p, rng.choice(['pn', 'pc']))}"
                if homonym(p):
                    sig += f"\n({dep_label(p.dep)})"
            elif p.kind == "cd":
                head = f"DÉPARTEMENT {de_dept(p.dep).upper()}\nHôtel du Département"
                fn = cd_function(p)
                role = (
                    (fn + " du Conseil départemental")
                    if fn
                    else e(p, "Conseiller départemental", "Conseillère départementale")
                )
                sig = f"{name_as(p, 'pn')}\n{role}\nCanton {de_name(pretty(p.canton))}"
            else:
                head = f"RÉGION {region_label(p.region).upper()}\nGroupe d'élus"
                sig = f"{name_as(p, 'pn')}\n{e(p, 'Conseiller régional', 'Conseillère régionale')}"
            ref = (
                f"N/Réf. : {rng.choice(['CAB', 'DG', 'SG', 'MR'])}/{rng.randint(2021001, 2021250)}"
            )
            text = (
                f"{head}\n\n{ref}\nObjet : Appel « {CALL_TITLE} »\n\n"
                f"{rng.choice(['Madame, Monsieur,', 'Mesdames, Messieurs,', 'Madame, Monsieur les organisateurs,'])}\n\n"
                + rng.choice(
                    [
                        "Par la présente, je vous informe que j'apporte mon soutien plein et entier à l'appel\n"
                        "« Pas de commune sans guichet » et vous autorise à faire figurer mon nom parmi les signataires.",
                        "J'ai l'honneur de vous faire part de ma signature de l'appel que vous m'avez adressé.\n"
                        "La fermeture programmée de notre trésorerie en septembre rend votre démarche indispensable.",
                        "Suite à votre courriel du 16 mars, je vous confirme mon adhésion à l'appel des élu·es.\n"
                        "Le conseil en a débattu lors de sa dernière séance, tenue à huis clos en raison du couvre-feu.",
                    ]
                )
                + "\n\n"
                + rng.choice(
                    [
                        "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
                        "Veuillez agréer, Mesdames, Messieurs, l'expression de ma considération distinguée.",
                        "Je vous prie de croire, Madame, Monsieur, en l'assurance de mes sentiments les meilleurs.",
                    ]
                )
                + f"\n\n{sig}"
            )
            name = (
                rng.choice([f"Mairie {de_name(commune_label(p))}", name_as(p, "pc"), ""])
                if p.kind == "mai"
                else name_as(p, "pc")
            )
            addr = inst_addr(p, rng)
            quote = rng.random() < 0.5
            m = self.reply_call(
                "courrier_formel",
                client,
                name,
                addr,
                text,
                quote=quote,
                subject=f"Appel {CALL_TITLE} - signature",
            )
            self.sign(m, "courrier_formel", p, m.text)

    def collaborateur(self, n: int):
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "laposte",
            "outlook_desktop",
            "thunderbird",
            "gmail",
            "zimbra",
            "outlook_mac",
            "roundcube",
        ]
        for i in range(n):
            p = self.signer(kinds=("mai", "mai", "cd", "cr", "ma"))
            sfn, snm = self.staff[i % len(self.staff)]
            client = clients[i % len(clients)]
            title = {
                "mai": rng.choice(
                    [
                        "Secrétaire de mairie",
                        "Directrice générale des services",
                        "Assistante du maire",
                        "Secrétariat de la mairie",
                    ]
                ),
                "cd": "Collaborateur·rice d'élu·e — Cabinet de la Présidence",
                "cr": "Assistant du groupe au Conseil régional",
                "ma": "Cullaburatore — Assemblée de Corse",
            }[p.kind]
            civ = e(p, "Monsieur", "Madame")
            if p.kind == "mai":
                who_text = rng.choice(
                    [
                        f"{civ} le Maire, {p.prenom} {nom_case(p.nom)}, m'a chargée de vous transmettre sa signature de l'appel.",
                        f"À la demande de {civ} {nom_case(p.nom)}, {mandate(p, rng)}, je vous confirme qu'{e(p, 'il', 'elle')} signe l'appel.",
                        f"Pour le compte de {p.prenom} {p.nom} ({mandate(p, rng)}) : {e(p, 'il', 'elle')} souhaite signer l'appel.",
                    ]
                )
                place = f"\nMairie {de_name(commune_label(p))}" + (
                    f" ({p.dep})" if homonym(p) else ""
                )
            else:
                who_text = (
                    f"{civ} {p.prenom} {nom_case(p.nom)}, {mandate(p, rng)}, absent{e(p, '', 'e')} cette semaine "
                    f"(séances budgétaires), m'a demandé de vous faire savoir qu'{e(p, 'il', 'elle')} signe l'appel."
                )
                place = ""
            text = (
                f"{rng.choice(['Bonjour,', 'Madame, Monsieur,', 'Bonjour Madame, Monsieur,'])}\n\n{who_text}\n"
                f"{rng.choice(['Merci de bien vouloir en prendre note.', 'Je reste à votre disposition.', ''])}\n\n"
                f"{self.closing()}\n\n{sfn} {nom_case(snm)}\n{title}{place}"
            )
            dom = inst_dom(p)
            addr = f"{slug(sfn).replace('-', '')}.{slug(snm).split('-')[0]}@{dom}"
            m = self.reply_call(
                "collaborateur",
                client,
                f"{sfn} {nom_case(snm)}",
                addr,
                text,
                quote=rng.random() < 0.6,
            )
            if rng.random() < 0.4:
                m.cc = f"{name_as(p, 'pc')} <{inst_addr(p, rng)}>"
            self.sign(m, "collaborateur", p, m.text)

    def soussigne_inline(self, n: int):
        rng = self.rng
        clients = [
            "gmail",
            "orange",
            "yahoo",
            "laposte",
            "apple",
            "thunderbird",
            "gmail",
            "orange",
            "roundcube",
            "outlook_desktop",
            "zimbra",
        ]
        for i in range(n):
            p = self.signer()
            client = clients[i % len(clients)]
            ctx = COVID[i % len(COVID)]
            nm = name_as(p, rng.choice(["pc", "pn"]))
            mnd = mandate(p, rng)
            forms = [
                f"{ctx} je vous confirme que moi, {nm}, {mnd}, je signe votre appel.",
                f"Je {e(p, 'soussigné', 'soussignée')} {nm}, {mnd}, déclare soutenir l'appel « {CALL_TITLE} ». {ctx.rstrip(',:')}.",
                f"{ctx} Bref, vous pouvez compter sur ma signature : {nm}, {mnd}.",
                f"C'est avec conviction que {nm}, {mnd}, s'associe à votre appel. {ctx.rstrip(',:')}, alors il faut agir.",
            ]
            top = f"{rng.choice(GREETINGS)}\n\n{forms[i % len(forms)]}\n\n{self.closing()}"
            if rng.random() < 0.5:
                top += f"\n{p.prenom[0]}. {nom_case(p.nom)}"
            addr = person_addr(p, rng, client) if rng.random() < 0.6 else inst_addr(p, rng)
            m = self.reply_call("soussigne_inline", client, name_as(p, "pc"), addr, top)
            self.sign(m, "soussigne_inline", p, m.text)

    def transfert_asso(self, n: int):
        """The call reached the signer forwarded by a départemental association; the signer answers the forward."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "thunderbird",
            "zimbra",
            "apple",
            "laposte",
            "outlook_desktop",
            "gmail",
            "orange",
        ]
        for i in range(n):
            p = self.signer(kinds=("mai",))
            client = clients[i % len(clients)]
            sfn, snm = self.staff[(i + 3) % len(self.staff)]
            asso = f"Association des maires ruraux {de_dept(p.dep)}"
            fwd_text = (
                f"Chers collègues,\n\nJe vous transfère l'appel ci-dessous, que le bureau de l'association soutient.\n"
                f"Chacun est libre de signer à titre personnel en répondant directement aux organisateurs.\n\n"
                f"{sfn} {nom_case(snm)}\nChargée de mission — {asso}\n\n"
                f"-------- Message transféré --------\nSujet : \t{CALL_SUBJECT}\n"
                f"Date : \t{CALL_DATE:%a, %d %b %Y %H:%M:%S} +0100\nDe : \t{ORG_NAME} <{ORG_ADDR}>\n"
                f"Pour : \t{ORG_LIST}\n\n\n{CALL}"
            )
            fwd_addr = f"contact@amr{slug(p.dep)}.example"
            fwd = Mail(
                file="",
                client="thunderbird",
                from_name=asso,
                from_addr=fwd_addr,
                subject=f"Fwd: {CALL_SUBJECT}",
                date=aware(dt.datetime(2021, 3, 17, 10, 12 + i)),
                mid="",
                to=f"Maires {de_dept(p.dep)} <maires{slug(p.dep)}@amr{slug(p.dep)}.example>",
            )
            mnd = mandate(p, rng)
            top = rng.choice(
                [
                    f"Bonjour,\n\nTransmis par l'association, je signe volontiers.\n\n{self.sig_block(p)}",
                    f"Bonjour,\nJe signe l'appel.\n{name_as(p, 'pc')}, {mnd}\n{self.closing()}",
                    f"Madame, Monsieur,\nVotre appel m'est parvenu par l'AMR. Vous pouvez ajouter ma signature :\n"
                    f"{name_as(p, 'np')} – {mnd}.",
                ]
            )
            subj = ("TR: " if client.startswith("outlook") else "Re: Fwd: ") + CALL_SUBJECT
            addr = inst_addr(p, rng) if rng.random() < 0.6 else person_addr(p, rng, client)
            name = rng.choice([name_as(p, "pc"), f"Mairie {de_name(commune_label(p))}"])
            m = self.new("transfert_asso", client, name, addr, subj, cc=f"{asso} <{fwd_addr}>")
            self.body(m, top, fwd, fwd_text)
            self.sign(m, "transfert_asso", p, m.text)

    def liste_champs(self, n: int):
        """nom ; prénom ; mandat ; collectivité, as the call listed them."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "laposte",
            "zimbra",
            "thunderbird",
            "yahoo",
            "orange",
            "roundcube",
            "outlook_desktop",
        ]
        for i in range(n):
            p = self.signer()
            client = clients[i % len(clients)]
            if p.kind == "mai":
                mand, coll = (
                    e(p, "Maire", "Maire"),
                    f"Commune {de_name(commune_label(p))} ({p.dep})",
                )
            elif p.kind == "cd":
                mand = e(p, "Conseiller départemental", "Conseillère départementale")
                coll = f"Département {de_dept(p.dep)} – canton {de_name(pretty(p.canton))}"
            elif p.kind == "cr":
                mand, coll = (
                    e(p, "Conseiller régional", "Conseillère régionale"),
                    f"Région {region_label(p.region)}",
                )
            else:
                mand, coll = (
                    e(p, "Conseiller", "Conseillère") + " à l'Assemblée de Corse",
                    "Collectivité de Corse",
                )
            form = i % 5
            if form == 0:
                block = f"{p.nom} ; {p.prenom} ; {mand} ; {coll}"
            elif form == 1:
                block = (
                    f"Nom : {p.nom}\nPrénom : {p.prenom}\nMandat : {mand}\nCollectivité : {coll}"
                )
            elif form == 2:
                block = f"Nom\tPrénom\tMandat\tCollectivité\n{p.nom}\t{p.prenom}\t{mand}\t{coll}"
            elif form == 3:
                block = f"{nom_case(p.nom)} / {p.prenom} / {mand.lower()} / {coll}"
            else:
                block = f"- nom, prénom : {p.nom}, {p.prenom}\n- mandat et collectivité : {mand.lower()}, {coll}"
            top = f"{rng.choice(['Bonjour,', 'Bonjour', 'Voici ma signature :', ''])}\n\n{block}\n\n{self.closing()}"
            addr = person_addr(p, rng, client) if rng.random() < 0.5 else inst_addr(p, rng)
            m = self.reply_call(
                "liste_champs", client, rng.choice([name_as(p, "pc"), ""]), addr, top
            )
            self.sign(m, "liste_champs", p, m.text)

    def candidat_juin(self, n: int):
        rng = self.rng
        clients = [
            "gmail",
            "iphone",
            "outlook_desktop",
            "apple",
            "thunderbird",
            "samsung",
            "gmail",
            "yahoo",
            "outlook_mac",
            "android_gmail",
            "zimbra",
        ]
        kinds = ["cd", "cr", "cd", "ma", "cd", "cr", "mai", "cd", "cr", "ma", "cd"]
        for i in range(n):
            k = kinds[i % len(kinds)]
            p = self.signer(kinds=(k,))
            client = clients[i % len(clients)]
            nm = name_as(p, rng.choice(["pn", "pc"]))
            other = rng.choice(FIRST_M if p.sexe == "F" else FIRST_F)
            if p.kind == "cd":
                canton = de_name(pretty(p.canton))
                top = rng.choice(
                    [
                        f"Bonjour,\n\n{e(p, 'Conseiller départemental sortant', 'Conseillère départementale sortante')} du canton {canton}, "
                        f"je suis de nouveau {e(p, 'candidat', 'candidate')} les 20 et 27 juin avec {other}, mon binôme.\n"
                        f"La fermeture des guichets est LE sujet qui revient sur les marchés. Je signe, bien sûr.\n\n{nm}\n"
                        f"{dep_label(p.dep)}",
                        f"Je signe l'appel.\n\n{nm}\n{cap1(mandate(p, rng))}\n{e(p, 'Candidat', 'Candidate')} aux élections départementales de juin 2021",
                    ]
                )
            elif p.kind == "cr":
                top = rng.choice(
                    [
                        f"Bonjour,\nEn pleine préparation des régionales (si elles ont bien lieu en juin !), je prends le temps de signer.\n"
                        f"{nm}, {mandate(p, rng)}",
                        f"Cher·es organisateurs,\n\nJe ne me représente pas en juin, mais jusqu'au bout de mon mandat je soutiendrai ce combat.\n"
                        f"Je signe : {nm}, {mandate(p, rng)}.\n\n{self.closing()}",
                    ]
                )
            elif p.kind == "ma":
                top = (
                    f"Bonghjornu,\n\n{e(p, 'Candidat', 'Candidate')} aux territoriales de juin, je signe l'appel : en Corse aussi, "
                    f"les villages perdent leurs bureaux de poste.\n\n{nm}\n{cap1(mandate(p, rng))}"
                )
            else:
                top = (
                    f"Bonjour,\nJe signe. Je suis aussi {e(p, 'candidat', 'candidate')} aux départementales, mais c'est en tant que "
                    f"{mandate(p, rng)} que je signe.\n{nm}"
                )
            addr = person_addr(p, rng, client) if rng.random() < 0.5 else inst_addr(p, rng)
            m = self.reply_call("candidat_juin", client, name_as(p, "pc"), addr, top)
            self.sign(m, "candidat_juin", p, m.text)

    def html_sign(self, n: int):
        """HTML-only messages, the signature in a table as mail clients' signature editors make them."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "apple",
            "outlook_desktop",
            "zimbra",
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "yahoo",
        ]
        for i in range(n):
            p = self.signer()
            client = clients[i % len(clients)]
            nm = name_as(p, rng.choice(["pn", "pc"]))
            mnd = cap1(mandate(p, rng))
            tel = f"0{rng.choice('2345')} 99 00 {rng.randint(10, 99)} {rng.randint(10, 99)}"
            intro = rng.choice(
                [
                    "Bonjour,<br><br>Je m'associe pleinement à votre appel.<br><br>Bien cordialement,",
                    "<p>Bonjour,</p><p>Vous pouvez ajouter ma signature.</p><p>Cordialement</p>",
                    "<div>Madame, Monsieur,</div><div><br></div><div>Je signe l&#39;appel &laquo;&nbsp;Pas de commune sans guichet&nbsp;&raquo;.</div><div><br></div>",
                ]
            )
            sig = (
                '<table cellpadding="0" cellspacing="0" style="font-family:Arial,sans-serif;font-size:9pt;color:#333333">'
                '<tr><td style="padding-right:12px;border-right:2px solid #1f5fa8">'
                f'<img src="cid:logo{rng.randint(100, 999)}@signature" alt="Logo" width="80" height="80"></td>'
                f'<td style="padding-left:12px"><span style="font-size:11pt;color:#1f5fa8"><b>{esc(nm)}</b></span><br>'
                f"<i>{esc(mnd)}</i><br>T&eacute;l. {tel}<br>"
                f'<a href="https://www.{inst_dom(p)}">www.{inst_dom(p)}</a></td></tr></table>'
            )
            html = (
                '<html><head><meta http-equiv="Content-Type" content="text/html; charset={CHARSET}"></head>'
                f'<body><div style="font-family:Calibri,sans-serif;font-size:11pt">{intro}</div><br>{sig}</body></html>\n'
            )
            subj = self.reply_subject(client, CALL_SUBJECT)
            m = self.new(
                "html_sign",
                client,
                name_as(p, "pc"),
                inst_addr(p, rng),
                subj,
                in_reply_to=self.call.mid,
            )
            m.html = html
            m.text = None
            self.sign(m, "html_sign", p, "")

    def plusieurs(self, n: int):
        """One mayor sends the signatures of several mayors of their département."""
        rng = self.rng
        clients = ["outlook_desktop", "gmail", "zimbra", "thunderbird"]
        for i in range(n):
            lead = self.take("mai")
            dep = lead.dep
            client = clients[i % len(clients)]
            others = []
            for _j in range(2):
                self.slot += 1
                if self.slot % 13 in (4, 10):
                    others.append(self.impostor(dep=dep))
                else:
                    others.append(self.take("mai", lambda p, dep=dep: p.dep == dep))
            lines = "\n".join(
                rng.choice(["- ", "• ", "* "])
                + f"{name_as(o, rng.choice(['pn', 'np']))}, {mandate(o, rng, short=True)}"
                for o in others
            )
            intro = rng.choice(
                [
                    "Suite à notre conférence des maires d'hier soir (en visio, couvre-feu oblige), les collègues suivants\nm'ont demandé de transmettre leur signature :",
                    "Lors de la réunion du bureau de la communauté de communes, plusieurs maires ont souhaité signer.\nVoici leurs noms :",
                ]
            )
            top = (
                f"Bonjour,\n\n{intro}\n\n{lines}\n\nEt bien entendu je signe moi aussi.\n\n{self.closing()}\n\n"
                f"{name_as(lead, 'pc')}\n{cap1(mandate(lead, rng))}"
            )
            m = self.reply_call(
                "plusieurs_signataires", client, name_as(lead, "pc"), inst_addr(lead, rng), top
            )
            self.sign(m, "plusieurs_signataires", lead, m.text)
            for o in others:
                self.label(m, "plusieurs_signataires", "signs", "", o)

    # ---------------------------------------------------------------- non-signing
    def nonsign(
        self,
        shape,
        intent,
        client,
        name,
        addr,
        subject,
        top,
        prev=None,
        prev_text="",
        refers_to="",
        **kw,
    ):
        m = self.new(shape, client, name, addr, subject, **kw)
        if prev is not None:
            m.in_reply_to = prev.mid
        self.body(m, top, prev, prev_text)
        self.label(m, shape, intent, "nonsigning", refers_to=refers_to)
        return m

    def question(self):
        rng = self.rng
        qs = [
            (
                "gmail",
                "Bonjour,\nMa première adjointe voudrait signer aussi. Les adjoints peuvent-ils signer, ou seulement les maires ?\n",
            ),
            (
                "outlook_desktop",
                "Bonjour,\nNous sommes en période de réserve électorale. La liste des signataires sera-t-elle publiée avant\nou après le 27 juin ? Je ne voudrais pas que ma signature soit lue comme un acte de campagne.\n",
            ),
            (
                "zimbra",
                "Madame, Monsieur,\nPuis-je signer au nom de la commune, après délibération du conseil municipal ? Si oui, sous\nquelle forme dois-je vous transmettre la délibération ?\n",
            ),
            (
                "thunderbird",
                "Bonjour,\nQui est derrière ce collectif ? Je ne signe jamais sans savoir qui porte un texte.\n",
            ),
            (
                "laposte",
                "Bonjour,\nest-il encore possible de signer après le 14 mai ? notre conseil ne se réunit que le 18.\n",
            ),
            (
                "apple",
                "Bonjour,\nAvez-vous un modèle de motion que les conseils municipaux pourraient adopter ?\n",
            ),
            (
                "orange",
                "Bonjour\nL'appel vise-t-il aussi les agences postales communales ? chez nous c'est la commune qui paie l'agent.\n",
            ),
        ]
        for client, text in qs:
            p = self.take(rng.choice(["mai", "mai", "cd"]))
            top = f"{text}\n{self.closing()}\n\n{self.sig_block(p)}"
            self.nonsign(
                "question",
                "question",
                client,
                name_as(p, "pc"),
                inst_addr(p, rng),
                self.reply_subject(client, CALL_SUBJECT),
                top,
                self.call,
                self.call.text,
            )

    def thanks(self):
        rng = self.rng
        # replies to the organisers' confirmation of an earlier signature
        for k, idx in enumerate((3, 17)):
            s = self.signed[idx]
            m0, p, addr, _ = s
            conf, fn, _nm = self.confirmation(s)
            conf_mail = Mail(
                file="",
                client="organisers",
                from_name=f"{fn} {nom_case(_nm)}",
                from_addr=ORG_ADDR,
                subject=self.reply_subject("organisers", m0.subject),
                date=m0.date + dt.timedelta(hours=2),
                mid=msgid("organisers", ORG_DOMAIN, rng, m0.date),
                to=addr,
            )
            client = (
                m0.client
                if m0.client in ("gmail", "thunderbird", "outlook_desktop", "zimbra")
                else "gmail"
            )
            top = [
                "Merci à vous, et bon courage pour la suite !",
                f"Merci pour ce retour rapide.\nBien à vous,\n{p.prenom}",
            ][k]
            self.nonsign(
                "thanks",
                "thanks",
                client,
                m0.from_name,
                addr,
                self.reply_subject(client, conf_mail.subject),
                top,
                conf_mail,
                conf,
                refers_to=m0.file,
            )
        # a refusal
        p = self.take("mai")
        top = (
            "Bonjour,\n\nJe partage le constat, mais je ne signerai pas : le point 4 donnerait au conseil municipal\n"
            "un droit de veto que je ne souhaite pas exercer. Je préfère le dialogue avec La Poste.\n\n"
            f"{self.closing()}\n\n{self.sig_block(p)}"
        )
        self.nonsign(
            "thanks",
            "other",
            "outlook_desktop",
            name_as(p, "pc"),
            inst_addr(p, rng),
            self.reply_subject("outlook_desktop", CALL_SUBJECT),
            top,
            self.call,
            self.call.text,
        )
        # thanks for the invitation to the remise
        p = self.take("cd")
        top = (
            "Bonjour,\nMerci pour l'invitation à la remise de l'appel le 20 mai. Je ne pourrai pas être à Paris\n"
            f"(session du Conseil départemental). Bonne continuation.\n\n{name_as(p, 'pc')}\n{cap1(mandate(p, rng))}"
        )
        self.nonsign(
            "thanks",
            "thanks",
            "gmail",
            name_as(p, "pc"),
            person_addr(p, rng, "gmail"),
            "Re: Invitation – remise de l'appel le 20 mai",
            top,
        )

    def autoreply(self):
        rng = self.rng
        p = self.take("mai")
        self.nonsign(
            "autoreply",
            "autoreply",
            "outlook_desktop",
            name_as(p, "pc"),
            inst_addr(p, rng),
            f"Réponse automatique : {CALL_SUBJECT}",
            f"Bonjour,\n\nJe suis absent{e(p, '', 'e')} jusqu'au 6 avril inclus. Pour toute urgence, merci de contacter le\n"
            f"secrétariat de mairie au 0{rng.choice('2345')} 99 00 {rng.randint(10, 99)} {rng.randint(10, 99)}.\n\n{self.sig_block(p, 'pn')}",
            extra="Auto-Submitted: auto-replied\nX-Auto-Response-Suppress: All",
        )
        p = self.take("cd")
        self.nonsign(
            "autoreply",
            "autoreply",
            "zimbra",
            name_as(p, "pc"),
            inst_addr(p, rng),
            f"Absence : {CALL_SUBJECT}",
            f"En raison de la campagne électorale, je consulte cette messagerie de façon irrégulière\n"
            f"jusqu'au 28 juin. Votre message sera traité à mon retour.\n\n{name_as(p, 'pn')}\n{cap1(mandate(p, rng))}",
            extra="Auto-Submitted: auto-replied",
        )
        p = self.take("mai")
        self.nonsign(
            "autoreply",
            "autoreply",
            "plain",
            f"Mairie {de_name(commune_label(p))}",
            inst_addr(p, rng),
            f"Accusé de réception - {CALL_SUBJECT}",
            f"Votre message a bien été reçu par les services de la mairie {de_name(commune_label(p))}.\n"
            f"Il sera transmis à {e(p, 'Monsieur le Maire', 'Madame le Maire')}, {p.prenom} {p.nom}.\n"
            "En raison de la situation sanitaire, l'accueil du public se fait uniquement sur rendez-vous.\n\n"
            "Ceci est un message automatique, merci de ne pas y répondre.",
            extra="Auto-Submitted: auto-generated\nPrecedence: auto_reply",
        )
        s = self.signed[30]
        conf, fn, nm = self.confirmation(s)
        conf_mail = Mail(
            file="",
            client="organisers",
            from_name=f"{fn} {nom_case(nm)}",
            from_addr=ORG_ADDR,
            subject=self.reply_subject("organisers", s[0].subject),
            date=s[0].date + dt.timedelta(hours=3),
            mid=msgid("organisers", ORG_DOMAIN, rng, s[0].date),
            to=s[2],
        )
        self.nonsign(
            "autoreply",
            "autoreply",
            "outlook_desktop",
            s[0].from_name,
            s[2],
            f"Réponse automatique : {conf_mail.subject}",
            "Bonjour,\nJe suis en congés jusqu'au lundi 19 avril. Je prendrai connaissance de votre message à mon retour.\n",
            conf_mail,
            conf,
            refers_to=s[0].file,
            extra="Auto-Submitted: auto-replied",
        )
        bounce = (
            "This is the mail system at host mx2.guichets-ouverts.example.\n\n"
            "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
            "                   The mail system\n\n"
            "<mairie@mairie-saint-sauveur-du-bois.example>: host mx.mairie-saint-sauveur-du-bois.example said:\n"
            "    550 5.1.1 <mairie@mairie-saint-sauveur-du-bois.example>: Recipient address rejected:\n"
            "    User unknown in virtual mailbox table (in reply to RCPT TO command)\n"
        )
        self.nonsign(
            "autoreply",
            "autoreply",
            "plain",
            "Mail Delivery System",
            "MAILER-DAEMON@mx2.guichets-ouverts.example",
            "Undelivered Mail Returned to Sender",
            bounce,
            extra="Auto-Submitted: auto-replied",
        )

    def withdraw(self):
        texts = [
            "Bonjour,\n\nAprès réflexion, et compte tenu de la période électorale, je vous demande de retirer ma signature.\n\n{c}\n{s}",
            "Bonjour,\nMerci de retirer mon nom de la liste : notre intercommunalité porte un autre texte sur le même sujet.\n{c}",
            "Retirez ma signature svp, le conseil municipal n'a pas suivi.\n{s}",
            "Madame, Monsieur,\nJe retire ma signature de l'appel. Je ne partage pas le point 4.\n\n{c}\n{s}",
        ]
        picks = [8, 25, 44, 61]
        for t, idx in zip(texts, picks, strict=True):
            m0, p, addr, text0 = self.signed[idx]
            if p.impostor:
                m0, p, addr, text0 = self.signed[idx + 1]
            client = m0.client
            s = f"{p.prenom} {nom_case(p.nom)}"
            top = t.format(c=self.closing(), s=s)
            self.nonsign(
                "withdraw",
                "withdraws",
                client,
                m0.from_name,
                addr,
                self.reply_subject(client, m0.subject),
                top,
                m0,
                text0 or "(message HTML)",
                refers_to=m0.file,
            )

    def newsletter(self):
        rng = self.rng
        ps = [self.take("mai"), self.take("cd"), self.take("mai")]
        text = (
            f"LA LETTRE DES VILLAGES VIVANTS — n° 47 — avril 2021\n{'=' * 50}\n\n"
            "À LA UNE\nGuichets publics : les élus se mobilisent\n"
            f"{ps[0].prenom} {ps[0].nom}, {mandate(ps[0], rng)}, a obtenu le maintien de l'ouverture du bureau de poste\n"
            f"le samedi matin. « Sans guichet, pas de village », résume {e(ps[0], 'l’élu', 'l’élue')}.\n\n"
            "AGENDA\n- 22 avril : webinaire « Maisons France services, mode d'emploi »\n"
            f"- 6 mai : assemblée générale (visio), avec {ps[1].prenom} {ps[1].nom}, {mandate(ps[1], rng)}\n\n"
            f"TÉMOIGNAGE\n{ps[2].prenom} {nom_case(ps[2].nom)}, {mandate(ps[2], rng)} : « notre agence postale tient grâce aux bénévoles ».\n\n"
            "Pour vous désabonner : https://villages-vivants.example/desabonnement\n"
        )
        self.nonsign(
            "newsletter",
            "newsletter",
            "plain",
            "Villages vivants",
            "lettre@villages-vivants.example",
            "La lettre des Villages vivants n°47",
            text,
            extra="Precedence: bulk\nList-Unsubscribe: <https://villages-vivants.example/desabonnement>",
        )
        p = self.take("cr")
        text = (
            "REVUE DE PRESSE — Services publics de proximité — semaine 15\n\n"
            "* La Dépêche locale : « Trésorerie : la fermeture confirmée au 1er septembre »\n"
            f"* Le Courrier du Centre : {p.prenom} {p.nom}, {mandate(p, rng)}, dénonce « un désert administratif »\n"
            "* Ouest Matin : « La Poste expérimente le facteur-guichetier »\n\n"
            "Vous recevez cette revue car vous êtes abonné·e à la liste presse@observatoire-proximite.example\n"
        )
        self.nonsign(
            "newsletter",
            "newsletter",
            "plain",
            "Observatoire de la proximité",
            "presse@observatoire-proximite.example",
            "Revue de presse S15 - services publics de proximité",
            text,
            extra="Precedence: bulk",
        )
        text = (
            "Bonjour,\n\nNouveautés du mois sur le portail des collectivités : dotation de soutien à l'investissement local\n"
            "(DSIL) 2021 « relance », calendrier des élections départementales et régionales des 20 et 27 juin,\n"
            "protocole sanitaire des bureaux de vote.\n\nL'équipe du portail\n"
        )
        self.nonsign(
            "newsletter",
            "newsletter",
            "plain",
            "Portail des collectivités",
            "info@portail-collectivites.example",
            "Votre lettre mensuelle - avril 2021",
            text,
            extra="Precedence: bulk",
        )

    def spam(self):
        items = [
            (
                "Service Messagerie",
                "support@webmail-securite.example",
                "Votre boîte aux lettres est pleine (98 %)",
                "Cher utilisateur,\nVotre quota de messagerie est dépassé. Cliquez ici pour valider votre compte sous 24 h :\n"
                "http://webmail-securite.example/valider\nL'équipe technique",
            ),
            (
                "Elections 2021 Pack",
                "offre@campagne-facile.example",
                "Départementales 2021 : votre kit de campagne à -30 %",
                "Madame, Monsieur le candidat,\nAffiches, professions de foi, tracts : commandez avant le 15 mai et profitez\n"
                "de -30 % sur votre kit de campagne. Livraison en 72 h.\nhttps://campagne-facile.example",
            ),
            (
                "Mobilier Urbain Pro",
                "contact@mobilier-urbain-pro.example",
                "Bancs et abris : catalogue printemps 2021",
                "Bonjour Monsieur le Maire,\nDécouvrez notre nouveau catalogue de mobilier urbain et de distributeurs de gel\n"
                "hydroalcoolique sans contact pour vos bâtiments communaux.\nCordialement, le service commercial",
            ),
        ]
        for name, addr, subj, text in items:
            self.nonsign("spam", "other", "plain", name, addr, subj, text)

    # ---------------------------------------------------------------- all
    def build(self):
        self.org_call()
        self.smartphone_terse(12)
        self.courrier_formel(10)
        self.liste_champs(9)
        self.soussigne_inline(11)
        self.question()
        self.transfert_asso(9)
        self.candidat_juin(11)
        self.org_internal()
        self.plusieurs(4)
        self.html_sign(9)
        self.collaborateur(9)
        self.thanks()
        self.autoreply()
        self.withdraw()
        self.newsletter()
        self.spam()
        firsts = [s[1] for s in self.signed if not s[1].impostor][:5]
        self.org_relance(firsts)
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
                w.writerow([r[c] for c in LABEL_COLS])
        (HERE / "registry.txt").write_text("\n".join(REGISTRY_FILES) + "\n", "utf-8")
        (HERE / "eligible.txt").write_text("municipal,departemental,regional\n", "utf-8")
        sig = [r for r in self.labels if r["expected"] != "no_signer"]
        print(
            f"{len(self.mails)} messages, {len(sig)} signers ({sum(r['expected'] == 'verified' for r in sig)} officials, "
            f"{sum(r['expected'] == 'not_verified' for r in sig)} impostors)"
        )


if __name__ == "__main__":
    Builder().build()
