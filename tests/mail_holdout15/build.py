#!/usr/bin/env python3
"""Fifteenth held-out petition mailbox (tests/mail_holdout15): builder.

    python tests/mail_holdout15/build.py            # rewrites messages/, labels.csv and registry.txt

A spring-2022 campaign checked against the 2022 registry (the six files listed in registry.txt:
mayors of 2022-03-09, departmental and regional councillors, special-status assemblies, senators
and deputies of 2022-03-27). Byte-identical on every run: one seeded generator (SEED), a clock that
starts on Tuesday 26 April 2022 and only moves forward (Paris summer time), Message-IDs and MIME
boundaries drawn from the generator in each client's own shape. Reads those six files, the 2019-10-03
mayors file (former mayors) and the COG (../shared/cog) at build time; nothing of ../shared is copied
into the repository except, in the messages, the drawn people's name, sex, mandate and territory.
Birth dates are read only to tell homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor the messages of the earlier held-out
corpora (only the READMEs of mail_holdout5 and mail_holdout6, tests/mail_holdout5/build.py whose
reading helpers, client quoting and encoding machinery are reused, and the scorer). Campaign:
« Appel des élu·es pour l'école au village » (invented).
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

SEED = 2022_0426
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
HISTORY = SHARED / "rne" / "history"
REGISTRY_FILES = [
    "2022-03-09_rne-maires-cp1252.csv",
    "2022-03-27_3-rne-cd.csv",
    "2022-03-27_4-rne-cr.csv",
    "2022-03-27_5-rne-ma.csv",
    "2022-03-27_7-rne-sen.csv",
    "2022-03-27_8-rne-dep.csv",
]
FORMER_FILE = HISTORY / "2019-10-03_9-rne-maires.txt"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "ecole-au-village.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"appel-elus@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif L'École au village"
ORGANISERS = [
    ("Gwenaëlle", "TRÉBOUTTE-MAZEYRAT"),
    ("Hippolyte", "DARNAUDGUILHEM-PRATVIEL"),
]  # invented; checked absent
# assistants, secretaries, cabinet staff, list moderator: invented, checked absent from every 2022 file
STAFF = [
    ("Maëlle", "KERVRANNEC-LABOURDILLE"),
    ("Quentin", "AUBERTOUX-MÉNESPLIER"),
    ("Inès", "BOUCHEPORN-TALAYRACH"),
    ("Thibaut", "LAVERGNAT-CHOUFFOT"),
    ("Salomé", "GUÉRANDEL-PUYSSÉGUR"),
    ("Adrien", "MOUCHONNAT-ESCARAVAGE"),
    ("Clarisse", "VIGNERAIS-OUDOTTE"),
    ("Romain", "PECHBERTY-LANGOUVRE"),
    ("Jade", "CASTELBOU-DIEUDEGARD"),
    ("Loïc", "FRÉMINVILLE-SARRAMOUNE"),
    ("Mathilde", "ROUSTAGNOL-KERDUAL"),
    ("Yanis", "BARRANQUET-HOUDELOT"),
]
CALL_TITLE = "Appel des élu·es pour l'école au village"
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


# --------------------------------------------------------------------------- mandates
# --------------------------------------------------------------------------- clock and dates
SUMMER = dt.datetime(2022, 3, 27, 2, 0)  # last Sunday of March 2022: CET -> CEST (always passed)


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=2 if t >= SUMMER else 1)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2022, 4, 26, 8, 5)
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
    "outlook_android",
    "outlook_en",
    "outlook_android_en",
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
    if client in ("outlook_ios", "outlook_android", "outlook_en", "outlook_android_en"):
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
    if client in ("orange", "orange_app", "sfr"):
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
        "outlook_android",
        "outlook_en",
        "outlook_android_en",
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
    "outlook_android": "X-MS-Has-Attach: \nX-MS-TNEF-Correlator: \nContent-Language: fr-FR",
    "sfr": "X-Mailer: SFR Mail\nX-Originating-IP: [{IP}]",
    "winmail": "X-Mailer: Microsoft Windows Mail 16.0.15128",
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
CRLF_CLIENTS = {
    "outlook_desktop",
    "zimbra",
    "outlook_ios",
    "outlook_android",
    "outlook_en",
    "outlook_android_en",
    "winmail",
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
    if client in ("outlook_ios", "outlook_android"):
        ampm = f"{t.hour % 12 or 12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"
        return (
            f"\n\n{FOOTERS[client]}\n________________________________\nDe : {w}\n"
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


FOOTERS = {
    "iphone": "Envoyé de mon iPhone",
    "ipad": "Envoyé de mon iPad",
    "outlook_ios": "Obtenir Outlook pour iOS<https://aka.ms/o0ukef>",
    "outlook_android": "Télécharger Outlook pour Android<https://aka.ms/ghei36>",
    "winmail": "Envoyé à partir de Courrier pour Windows",
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
    "outlook_android": [("utf-8", "base64")],
    "sfr": [("iso-8859-1", "quoted-printable"), ("utf-8", "8bit")],
    "winmail": [("utf-8", "quoted-printable")],
    "plain": [("utf-8", "8bit"), ("iso-8859-1", "8bit")],
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


def join(*xs: str) -> str:
    return re.sub(r"\s{2,}", " ", " ".join(x for x in xs if x)).replace(" ,", ",").strip()


# --------------------------------------------------------------------------- the 2022 registry
@dataclass(slots=True)
class P:
    kind: str  # mai cd cr ma sen dep (the claimed kind for impostors)
    nom: str
    prenom: str
    sexe: str
    dep: str = ""  # département shown in messages
    commune_code: str = ""
    commune: str = ""
    tl: int = 0
    pop: int = 0
    fonction: str = ""
    canton: str = ""
    region: str = ""
    region_code: str = ""
    region_tl: int = 0
    coll: str = ""
    circo: int = 0
    metro_circ: str = ""
    impostor: str = ""
    truth_commune: str = ""
    truth_dep: str = ""

    @property
    def f(self) -> bool:
        return self.sexe == "F"


def read_table(path: Path):
    """The 2022 files: the mayors file in cp1252 with `;`, the others UTF-8 with tabs."""
    if "cp1252" in path.name:
        enc, delim = "cp1252", ";"
    else:
        enc, delim = "utf-8", "\t"
    with open(path, encoding=enc, newline="") as fh:
        yield from csv.DictReader(fh, delimiter=delim)


def kind_of(name: str) -> str:
    for k, key in (("mai", "maires"), ("cd", "-cd"), ("cr", "-cr"), ("ma", "-ma"), ("sen", "-sen")):
        if key in name:
            return k
    return "dep"


def circo_number(label: str) -> int:
    m = re.match(r"(\d+)", label or "")
    return int(m[1]) if m else 0


class Registry:
    def __init__(self):
        self.births: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.depts_of: dict[str, set[str]] = defaultdict(set)
        self.pool: dict[str, list[P]] = defaultdict(list)
        self.mayor_of: dict[str, P] = {}
        # (commune code, folded first name) -> words of the surnames carried there (former_2019 check)
        self.words_at: dict[tuple[str, str], set[str]] = defaultdict(set)
        for name in REGISTRY_FILES:
            kind = kind_of(name)
            for r in read_table(HISTORY / name):
                nom, prenom = (
                    (r.get("Nom de l'élu") or "").strip(),
                    (r.get("Prénom de l'élu") or "").strip(),
                )
                k = ident(nom, prenom)
                self.births[k].add(birth_key(r.get("Date de naissance", "")))
                self.surnames[fold(nom)].add(fold(prenom))
                dep = (
                    r.get("Code du département") or r.get("Code de la section départementale") or ""
                ).strip()
                if dep:
                    self.depts_of[k].add(dep)
                cc = r.get("Code de la commune") or ""
                if cc:
                    self.words_at[(cc, fold(prenom))].update(fold(nom).split())
                p = self.person(kind, r, nom, prenom)
                if p is None:
                    continue
                self.pool[p.kind].append(p)
                if p.kind == "mai":
                    self.mayor_of[p.commune_code] = p

    @staticmethod
    def person(kind: str, r: dict, nom: str, prenom: str) -> P | None:
        g = r.get
        base = dict(
            nom=nom,
            prenom=prenom,
            sexe=g("Code sexe") or "",
            fonction=(g("Libellé de la fonction") or "").strip(),
        )
        dep = (g("Code du département") or "").strip()
        if kind == "mai":
            cc = g("Code de la commune")
            c = COMMUNES.get(cc)
            if not c:
                return None
            return P(
                "mai",
                **base,
                dep=dep if dep in DEPTS else c.get("departement", ""),
                commune_code=cc,
                commune=c["nom"],
                tl=c.get("typeLiaison") or 0,
                pop=c.get("population") or 0,
                region_code=c.get("region", ""),
                truth_commune=cc,
                truth_dep=dep,
            )
        if kind == "cd":
            if dep not in DEPTS and dep != "6AE":
                return None
            return P("cd", **base, dep=dep, canton=g("Libellé du canton") or "", truth_dep=dep)
        if kind == "cr":
            reg = REGIONS.get(g("Code de la région"), {})
            sec = (g("Code de la section départementale") or "").strip()
            return P(
                "cr",
                **base,
                region=reg.get("nom", g("Libellé de la région")),
                region_code=g("Code de la région"),
                region_tl=reg.get("typeLiaison") or 0,
                dep=sec if sec in DEPTS else "",
                truth_dep="",  # a regional mandate has no département: the scorer checks the name only
            )
        if kind == "ma":
            coll = g("Code de la collectivité à statut particulier")
            if coll not in ("69M", "94", "972", "973"):
                return None
            return P(
                "ma",
                **base,
                coll=coll,
                dep=dep,
                metro_circ=g("Libellé de la circonscription métropolitaine") or "",
                truth_dep=dep,
            )
        if kind in ("sen", "dep"):
            if dep not in DEPTS:
                return None
            return P(
                kind,
                **base,
                dep=dep,
                circo=circo_number(g("Libellé de la circonscription législative") or ""),
                truth_dep=dep,
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
    "Honoré",
    "Ambroise",
    "Corentin",
    "Séverin",
    "Landry",
    "Armel",
    "Enguerrand",
    "Barnabé",
    "Valentin",
    "Hilaire",
]
INVENTED_NOMS = [
    "ESCOUBAYROLLE-MAZARGUES",
    "VILLEDIEUX-KERANFLEC'H",
    "SABATHIÉ-DROUILHET",
    "LAMPRÉCHT-OBERHAUSER",
    "CARBONNIÈRE-PALASSOU",
    "TOURNEMOLLE-BAUCHERY",
    "MARVEJOLLET-ARCHAMBAUDIÈRE",
    "BELLOCQ-DARRIGRAND",
    "HUCHELOUP-VERNIZY",
    "COUSTALAT-MONTÉLIMAR",
]
DELEGATIONS_CD = [
    ("aux routes", "aux routes et aux mobilités"),
    ("à l'éducation", "à l'éducation et aux collèges"),
    ("à la ruralité", "à la ruralité et à l'aménagement du territoire"),
    ("aux solidarités", "aux solidarités territoriales"),
    ("aux transports scolaires", "aux transports scolaires"),
    ("au numérique", "au numérique et aux usages"),
]
DELEGATIONS_CR = [
    "aux lycées",
    "à la ruralité",
    "aux mobilités",
    "à la jeunesse",
    "à l'aménagement du territoire",
]
GROUPS = [
    "Union pour {d}",
    "{D} Ensemble",
    "Agir pour {d}",
    "Gauche sociale et écologiste",
    "Majorité départementale",
]


# --------------------------------------------------------------------------- mandates
def e(p: P, m: str, f: str) -> str:
    return f if p.f else m


def rank(fonction: str) -> int:
    m = re.match(r"(\d+)", fonction)
    return int(m[1]) if m else 0


def ordinal(n: int, p: P | None = None, style: str = "e", fem: bool | None = None) -> str:
    fem = p.f if fem is None and p is not None else bool(fem)
    if n == 1:
        return {
            "e": "1re" if fem else "1er",
            "eme": "1ère" if fem else "1er",
            "word": "première" if fem else "premier",
            "ere": "1ère",
        }[style]
    words = ["", "", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième"]
    if style == "word" and n < len(words):
        return words[n]
    return f"{n}ème" if style in ("eme", "ere") else f"{n}e"


def circ(p: P, style: str = "e") -> str:
    """« 3e circonscription », « 1ère circonscription », « 3e circo »."""
    o = ordinal(p.circo, None, "ere" if style == "eme" else "e", fem=True)
    return {
        "e": f"{o} circonscription",
        "eme": f"{o} circonscription",
        "short": f"{o} circo",
        "word": f"{ordinal(p.circo, None, 'word', fem=True)} circonscription",
    }[style]


def coll_place(coll: str) -> str:
    return {"69M": "Métropole de Lyon", "94": "Corse", "972": "Martinique", "973": "Guyane"}[coll]


def homonym(p: P) -> bool:
    return bool(p.commune) and NAME_COUNT[fold(p.commune)] > 1


def dd(p: P) -> str:
    return p.dep if p.dep in DEPTS else ""


def region_de(p: P) -> str:
    return de_place(p.region, p.region_tl)


def cd_de(p: P) -> str:
    return "de la Collectivité européenne d'Alsace" if p.dep == "6AE" else de_dept(p.dep)


def dept_house(p: P) -> str:
    """« Département du Cantal », « Collectivité européenne d'Alsace »."""
    return "Collectivité européenne d'Alsace" if p.dep == "6AE" else f"Département {de_dept(p.dep)}"


def title(p: P, rng: random.Random, place: bool = True, cap: bool = True) -> str:
    """The usual full title of a mandate: « Sénatrice de la Haute-Loire », « Député de la 3e
    circonscription du Finistère », « 2e Vice-président du Conseil départemental du Cantal »…"""
    f = p.fonction
    k = p.kind
    if k == "mai":
        s = e(p, "maire", "maire") + (" " + de_place(p.commune, p.tl) if place else "")
        if place and (homonym(p) or rng.random() < 0.25) and dd(p):
            s += f" ({dd(p)})"
    elif k == "cd":
        if p.dep == "6AE":
            s = e(p, "conseiller d'Alsace", "conseillère d'Alsace")
            if place:
                s += f" (canton {de_name(p.canton)})"
        elif f.startswith("Président"):
            s = e(p, "président du conseil départemental", "présidente du conseil départemental")
            s += " " + cd_de(p) if place else ""
        elif "Vice" in f:
            s = f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} du conseil départemental"
            s += " " + cd_de(p) if place else ""
        else:
            s = e(p, "conseiller départemental", "conseillère départementale")
            s += " " + cd_de(p) if place else ""
    elif k == "cr":
        if f.startswith("Président"):
            s = e(p, "président du conseil régional", "présidente du conseil régional")
        elif "Vice" in f:
            s = f"{ordinal(rank(f), p)} {e(p, 'vice-président', 'vice-présidente')} du conseil régional"
        else:
            s = e(p, "conseiller régional", "conseillère régionale")
        s += " " + region_de(p) if place else ""
    elif k == "ma":
        s = ma_title(p)
    elif k == "sen":
        s = e(p, "sénateur", "sénatrice") + (" " + de_dept(p.dep) if place else "")
    else:
        s = e(p, "député", "députée") + (f" de la {circ(p)} {de_dept(p.dep)}" if place else "")
    return cap1(s) if cap else s


def ma_title(p: P) -> str:
    f = p.fonction
    c = p.coll
    if c == "94":
        if f == "Président de l'assemblée":
            return e(p, "Président de l'Assemblée de Corse", "Présidente de l'Assemblée de Corse")
        if f == "Président de l'organe exécutif":
            return e(
                p,
                "Président du Conseil exécutif de Corse",
                "Présidente du Conseil exécutif de Corse",
            )
        if "exécutif" in f or "éxécutif" in f:
            return e(p, "Conseiller exécutif de Corse", "Conseillère exécutive de Corse")
        if f.startswith("Vice"):
            return e(
                p,
                "Vice-président de l'Assemblée de Corse",
                "Vice-présidente de l'Assemblée de Corse",
            )
        return e(p, "Conseiller à l'Assemblée de Corse", "Conseillère à l'Assemblée de Corse")
    if c == "69M":
        if "organe exécutif" in f and f.startswith("Président"):
            return e(p, "Président de la Métropole de Lyon", "Présidente de la Métropole de Lyon")
        if f.startswith("Vice"):
            return e(
                p,
                "Vice-président de la Métropole de Lyon",
                "Vice-présidente de la Métropole de Lyon",
            )
        return (
            e(p, "Conseiller métropolitain", "Conseillère métropolitaine") + " (Métropole de Lyon)"
        )
    nm = coll_place(c)
    if f.startswith("Président") and "exécutif" in f:
        return e(
            p, f"Président du Conseil exécutif de {nm}", f"Présidente du Conseil exécutif de {nm}"
        )
    if f == "Président de l'assemblée":
        return e(p, f"Président de l'Assemblée de {nm}", f"Présidente de l'Assemblée de {nm}")
    if f.startswith("Vice"):
        return e(
            p, f"Vice-président de l'Assemblée de {nm}", f"Vice-présidente de l'Assemblée de {nm}"
        )
    return e(p, f"Conseiller à l'Assemblée de {nm}", f"Conseillère à l'Assemblée de {nm}")


def short_title(p: P, rng: random.Random) -> str:
    """What people type on a phone: « CD43 », « VP CD 15 », « PdT CD », « CR Occitanie », « sén. Lozère »."""
    f = p.fonction
    if p.kind == "mai":
        return (
            rng.choice(["maire", "Maire", "mr le maire" if not p.f else "mme la maire"])
            + " "
            + p.commune
        )
    if p.kind == "cd":
        if f.startswith("Président"):
            return rng.choice(
                [f"PdT CD{p.dep}", f"Pdt du CD {p.dep}", f"PdT du Département ({p.dep})"]
            )
        if "Vice" in f:
            return rng.choice([f"VP CD{p.dep}", f"VP du CD {p.dep}", f"{rank(f)}e VP CD {p.dep}"])
        return rng.choice(
            [
                f"CD {p.dep}",
                f"CD{p.dep}",
                f"cons. dép. {p.dep}",
                f"conseill. dép. {dept_name(p.dep)}",
            ]
        )
    if p.kind == "cr":
        r = REGION_SHORT.get(p.region_code, p.region)
        if f.startswith("Président"):
            return f"PdT CR {r}"
        if "Vice" in f:
            return rng.choice([f"VP CR {r}", f"VP Région {r}"])
        return rng.choice([f"CR {r}", f"cons. rég. {r}", f"conseill. rég. {r}"])
    if p.kind == "sen":
        return rng.choice(
            [f"sén. {dept_name(p.dep)}", f"Sén. {p.dep}", f"sénat. {dept_name(p.dep)}"]
        )
    if p.kind == "dep":
        return rng.choice(
            [
                f"dép. {p.dep}-{p.circo}",
                f"dép. {dept_name(p.dep)} ({circ(p, 'short')})",
                f"Dép. {p.dep} {circ(p, 'short')}",
            ]
        )
    return ma_title(p)


def display(p: P, style: str) -> str:
    pn, nm = p.prenom, p.nom
    return {
        "std": f"{pn} {nm}",
        "inv": f"{nm} {pn}",
        "cased": f"{pn} {nom_case(nm)}",
        "cased_inv": f"{nom_case(nm)} {pn}",
        "caps_noacc": noacc(f"{pn} {nm}").upper(),
        "caps_inv": noacc(f"{nm} {pn}").upper(),
        "lower": noacc(f"{pn} {nm}").lower(),
        "init": f"{initials(pn)} {nm}",
        "civ": f"{e(p, 'M.', 'Mme')} {pn} {nm}",
    }[style]


ISP = [
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "laposte.net",
    "gmail.com",
    "sfr.fr",
    "neuf.fr",
    "hotmail.fr",
]


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", noacc(s).lower()).strip("-")


def addr_of(p: P, rng: random.Random, dom: str | None = None) -> str:
    fn, nm = slug(p.prenom).replace("-", ""), slug(p.nom).replace("-", "")
    dom = dom or rng.choice(ISP)
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


def mairie_addr(p: P, rng: random.Random) -> str:
    """The small town hall's box at an ISP (« mairie.X@wanadoo.fr ») or its own domain."""
    s = slug(p.commune).replace("-", "")
    return rng.choice(
        [
            f"mairie.{s}@wanadoo.fr",
            f"mairie-{slug(p.commune)}@orange.fr",
            f"commune.{s}@laposte.net",
            f"mairie{s}@free.fr",
            f"secretariat@mairie-{slug(p.commune)}.fr",
        ]
    )


def parl_addr(p: P) -> str:
    fn, nm = slug(p.prenom).replace("-", ""), slug(p.nom)
    if p.kind == "sen":
        return f"{fn[0]}.{nm}@senat.fr"
    return f"{fn}.{nm}@assemblee-nationale.fr"


def inst_addr(p: P, rng: random.Random) -> str:
    fn, nm = slug(p.prenom).replace("-", ""), slug(p.nom).replace("-", "")
    if p.kind == "cd":
        dom = (
            "alsace.eu"
            if p.dep == "6AE"
            else rng.choice([f"{slug(dept_name(p.dep))}.fr", f"cd{p.dep.lower()}.fr"])
        )
        return f"{fn}.{nm}@{dom}"
    if p.kind == "cr":
        return f"{fn}.{nm}@{slug(p.region)}.fr"
    if p.kind == "ma":
        return (
            f"{fn}.{nm}@"
            + {
                "69M": "grandlyon.com",
                "94": "isula.corsica",
                "972": "collectivitedemartinique.mq",
                "973": "ctguyane.fr",
            }[p.coll]
        )
    if p.kind in ("sen", "dep"):
        return parl_addr(p)
    return mairie_addr(p, rng)


# --------------------------------------------------------------------------- the call and organisers' texts
ORG_FULL = [f"{fn} {nm}" for fn, nm in ORGANISERS]
CALL = f"""{CALL_TITLE}

Madame, Monsieur,

À chaque carte scolaire, des classes ferment dans nos villages. Des regroupements sont imposés
sans concertation, des enfants de trois ans passent quarante minutes dans le car, et l'école,
souvent le dernier service public de la commune, s'en va avec eux. Nous, élu·es de communes, de
départements, de régions, de collectivités et parlementaires, quelle que soit notre sensibilité,
demandons :

1) qu'aucune classe ne ferme dans une commune de moins de 2 000 habitants sans l'avis conforme
   du conseil municipal ;
2) un plafond de 15 élèves dans les écoles à classe unique et les classes à trois niveaux ;
3) la prise en charge par l'État du transport des élèves de maternelle regroupés ;
4) une carte scolaire pluriannuelle, discutée avec les maires, au lieu des annonces de février.

Pour signer, répondez simplement à ce message en indiquant vos prénom, nom et mandat (commune,
département, région, collectivité ou circonscription). Chaque signature est vérifiée dans le
Répertoire national des élus avant publication. Date limite : 10 juin 2022 ; la liste sera
remise au ou à la prochain·e ministre de l'Éducation nationale.

Merci de faire suivre l'appel à vos collègues élu·es.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} — signez avant le 10 juin"
CALL_DATE = aware(dt.datetime(2022, 4, 26, 7, 42, 18))
LIST_HEADERS = (
    f"List-Id: Appel des elus <appel-elus.listes.{ORG_DOMAIN}>\n"
    f"List-Unsubscribe: <mailto:appel-elus-unsubscribe@listes.{ORG_DOMAIN}>\n"
    f"List-Post: NO\nPrecedence: list\nX-Loop: {ORG_LIST}"
)
ASK = (
    "Bonjour,\n\nMerci beaucoup pour votre soutien ! Pour que votre signature puisse être vérifiée dans le "
    "Répertoire national des élus, pouvez-vous préciser votre mandat (et la commune, le département, la "
    "région ou la circonscription) ?\n\nBien à vous,"
)


def org_sig(i: int) -> str:
    fn, nm = ORGANISERS[i]
    return f"-- \n{fn} {nom_case(nm)}\n{ORG_NAME}\n{ORG_ADDR}"


STREETS = [
    "1 place de la Mairie",
    "2 rue de l'Église",
    "Le Bourg",
    "4 Grande Rue",
    "1 place de la République",
    "3 place du Monument",
    "12 route de l'École",
]


# --------------------------------------------------------------------------- the builder
class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.reg = Registry()
        # organisers, staff and invented impostors: no word of the surname is a 2022 surname
        for nm in [n for _f, n in ORGANISERS + STAFF] + INVENTED_NOMS:
            assert not any(w in self.reg.surnames for w in [fold(nm), *fold(nm).split()]), nm
        self.clock = Clock(self.rng)
        self.n = 0
        self.mails: list[Mail] = []
        self.labels: list[dict] = []
        self.used: set[str] = set()
        self.slot = 0
        self.imp_queue = ["other_first", "mayor_elsewhere", "invented", "former_2019"]
        self.imp_count: Counter = Counter()
        self.owed = 0
        self.n_imp = 0
        self._former: list[P] | None = None
        self.signed: list[tuple[Mail, P, str]] = []  # (mail, signer, address) for withdrawals
        self.staff = list(STAFF)
        self.rng.shuffle(self.staff)
        self.n_staff = 0
        self.call: Mail | None = None

    # ---------------------------------------------------------------- drawing
    def ok(self, p: P) -> bool:
        return (
            bool(p.nom)
            and bool(p.prenom)
            and "," not in p.prenom
            and " " not in p.prenom
            and "POUSE" not in p.nom
            and "(" not in p.nom
            and len(p.nom) <= 26
            and len(p.prenom) > 2
            and ident(p.nom, p.prenom) not in self.used
            and self.reg.unique(p)
        )

    def take(self, kind: str, pred=lambda p: True) -> P:
        pool = self.reg.pool[kind]
        for _ in range(200000):
            p = pool[self.rng.randrange(len(pool))]
            if not self.ok(p) or not pred(p):
                continue
            self.used.add(ident(p.nom, p.prenom))
            return p
        raise RuntimeError(f"no {kind}")

    def use(self, p: P) -> P:
        self.used.add(ident(p.nom, p.prenom))
        return p

    def official(self, kinds, pred=lambda p: True) -> P:
        return self.take(self.rng.choice(kinds), pred)

    def signer(self, kinds, pred=lambda p: True, allow_imp: bool = True) -> P:
        """Every 6th one-signer slot is an impostor claiming a mandate of the shape's kinds."""
        self.slot += 1
        if allow_imp and "mai" in kinds and self.owed:
            self.owed -= 1
            return self.impostor(kinds=kinds)
        if self.slot % 6 == 0 and allow_imp:
            lag = min(self.imp_count[x] for x in ("mayor_elsewhere", "former_2019"))
            if "mai" not in kinds and lag < min(
                self.imp_count[x] for x in ("other_first", "invented")
            ):
                self.owed += 1  # a mayoral impostor is due: the next slot holding mayors takes it
                return self.official(kinds, pred)
            return self.impostor(kinds=kinds)
        return self.official(kinds, pred)

    def staffer(self) -> tuple[str, str]:
        s = self.staff[self.n_staff % len(self.staff)]
        self.n_staff += 1
        return s

    def first_for(self, nom: str, sexe: str) -> str:
        carried = self.reg.surnames[fold(nom)]
        firsts = FIRST_F if sexe == "F" else FIRST_M
        for fn in self.rng.sample(firsts, len(firsts)):
            if fold(fn) not in carried and not any(c[:3] == fold(fn)[:3] for c in sorted(carried)):
                return fn
        raise RuntimeError(nom)

    def at(self, code: str) -> dict:
        c = COMMUNES[code]
        return dict(
            dep=c["departement"],
            commune_code=code,
            commune=c["nom"],
            tl=c.get("typeLiaison") or 0,
            pop=c.get("population") or 0,
        )

    def impostor(self, t: str | None = None, kinds=("mai",), commune_code: str | None = None) -> P:
        """A claim the 2022 registry cannot confirm. Types needing a mayoral claim are skipped in
        shapes that hold no mayor (the next compatible type of the cycle is taken)."""
        rng, reg = self.rng, self.reg
        if t is None:  # the least used type this shape can hold, in cycle order
            ok = [x for x in self.imp_queue if "mai" in kinds or x in ("other_first", "invented")]
            t = min(ok, key=lambda x: (self.imp_count[x], self.imp_queue.index(x)))
        self.imp_count[t] += 1
        self.n_imp += 1
        if t == "other_first":
            kind = rng.choice(kinds)
            real = self.take(kind, lambda p: " " not in p.nom and "-" not in p.nom)
            fn = self.first_for(real.nom, real.sexe)
            self.used.add(ident(real.nom, fn))
            q = P(**{s: getattr(real, s) for s in P.__slots__})
            q.prenom, q.impostor = fn, t
            q.truth_commune = q.truth_dep = ""
            if q.kind in ("cd", "cr", "ma"):
                q.fonction = ""
            return q
        if t == "mayor_elsewhere":
            for _ in range(5000):
                real = self.take("mai", lambda p: not p.dep.startswith("97"))
                mine = reg.depts_of[ident(real.nom, real.prenom)]
                for _ in range(500):
                    o = reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))]
                    code = commune_code or o.commune_code
                    c = COMMUNES[code]
                    if c["departement"] not in mine and not c["departement"].startswith("97"):
                        return P(
                            "mai",
                            real.nom,
                            real.prenom,
                            real.sexe,
                            **self.at(code),
                            fonction="Maire",
                            impostor=t,
                        )
        if t == "invented":
            kind = rng.choice(kinds)
            for _ in range(300):
                nom = rng.choice(INVENTED_NOMS)
                sexe = rng.choice("FM")
                fn = rng.choice(FIRST_F if sexe == "F" else FIRST_M)
                if fold(nom) in reg.surnames or ident(nom, fn) in self.used:
                    continue
                self.used.add(ident(nom, fn))
                if kind == "mai":
                    code = (
                        commune_code
                        or reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))].commune_code
                    )
                    return P("mai", nom, fn, sexe, **self.at(code), fonction="Maire", impostor=t)
                model = reg.pool[kind][rng.randrange(len(reg.pool[kind]))]
                q = P(**{s: getattr(model, s) for s in P.__slots__})
                q.nom, q.prenom, q.sexe, q.impostor = nom, fn, sexe, t
                q.fonction = "" if kind in ("cd", "cr", "ma") else q.fonction
                q.truth_commune = q.truth_dep = ""
                return q
        if t == "former_2019":
            if self._former is None:
                self._former = []
                with open(FORMER_FILE, encoding="cp1252", newline="") as fh:
                    fh.readline()  # « Titre du rapport »
                    for r in csv.DictReader(fh, delimiter="\t"):
                        dep = r["Code du département (Maire)"]
                        if not (dep.isdigit() or dep in ("2A", "2B")):
                            continue
                        nom, fn = r["Nom de l'élu"].strip(), r["Prénom de l'élu"].strip()
                        cc = dep + r["Code Insee de la commune"].zfill(3)[-3:]
                        if (
                            reg.absent(nom, fn)
                            and fold(nom) not in reg.surnames
                            and len(nom) < 22
                            and " " not in fn
                            and len(fn) > 2
                            and cc in COMMUNES
                            and COMMUNES[cc]["departement"] == dep
                            # the RNE may shorten a compound surname: nobody of 2022 with this first name
                            # and one of the words of the surname in the same commune
                            and not (
                                set(fold(nom).split()) & reg.words_at.get((cc, fold(fn)), set())
                            )
                        ):
                            self._former.append(
                                P(
                                    "mai",
                                    nom,
                                    fn,
                                    r["Code sexe"],
                                    **self.at(cc),
                                    fonction="Maire",
                                    impostor=t,
                                )
                            )
            for _ in range(5000):
                p = self._former[rng.randrange(len(self._former))]
                if ident(p.nom, p.prenom) in self.used:
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
        lo=25,
        hi=300,
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

    def sign(self, m: Mail, shape: str, p: P, addr: str | None = None, thread: str | None = None):
        self.label(m, shape, "signs", "", p, thread)
        self.signed.append((m, p, addr or m.from_addr))

    def case(self, p: P) -> str:
        return "impostor" if p.impostor else "official"

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
            and (client not in ("outlook_ios", "outlook_android") or prev is None)
        ):
            top = f"{top.rstrip()}\n\n{foot}"
        me = (prev.to or m.from_addr) if prev is not None else m.from_addr
        if prev is not None and me == "undisclosed-recipients:;":
            me = ORG_LIST
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
        return ("RE: " if client.startswith("outlook") or client == "winmail" else "Re: ") + base

    def from_call(self, m: Mail, top: str, html: bool | None = None) -> str:
        return self.body(m, top, self.call, CALL, html=html)

    def reply_call(self, shape: str, client: str, name: str, addr: str, **kw) -> Mail:
        return self.new(
            shape,
            client,
            name,
            addr,
            self.reply_subject(client, CALL_SUBJECT),
            in_reply_to=self.call.mid,
            references=self.call.mid,
            **kw,
        )

    def org_mail(
        self, prev: Mail, prev_text: str, text: str, shape: str, thread: str
    ) -> tuple[Mail, str]:
        i = self.n % 2
        body = text + f"\n{ORGANISERS[i][0]}\n\n{org_sig(i)}"
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
        html: bool | None = None,
    ) -> tuple[Mail, str]:
        m = self.new(
            shape,
            client,
            name,
            addr,
            self.reply_subject(client, prev.subject),
            lo=30,
            hi=600,
            in_reply_to=prev.mid,
            references=(prev.references + " " + prev.mid).strip(),
        )
        full = self.body(m, text, prev, prev_text, html=html)
        return m, full

    def phone(self, mobile: bool = False) -> str:
        """Numbers from the ranges ARCEP reserves for fiction (01 99 00, 03 53 01, 06 39 98…)."""
        pre = (
            "06 39 98"
            if mobile
            else self.rng.choice(["01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49"])
        )
        return f"{pre} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)}"

    def closing(self) -> str:
        return self.rng.choice(
            [
                "Cordialement,",
                "Bien cordialement,",
                "Bien à vous,",
                "Salutations républicaines,",
                "Amitiés,",
                "Bonne journée,",
                "Très cordialement",
                "Cdlt",
                "Respectueusement,",
            ]
        )

    def sigblock(self, p: P) -> str:
        return f"{display(p, self.rng.choice(['std', 'cased']))}\n{title(p, self.rng)}"

    def confirmation(self, p: P) -> str:
        return (
            f"Bonjour,\n\nVotre signature est bien enregistrée :\n{display(p, 'std')}, {title(p, self.rng, cap=False)}\n\n"
            f"Elle sera vérifiée puis publiée avec la liste le 20 juin. Merci !\n\n{org_sig(0)}"
        )

    # ---------------------------------------------------------------- shapes: one signer per message
    def petit_maire(self):
        """Mayors of very small communes, from their own ISP box or the town hall's, as they type."""
        rng = self.rng
        clients = [
            "orange",
            "gmail",
            "laposte",
            "orange",
            "android_gmail",
            "sfr",
            "yahoo",
            "orange_app",
            "thunderbird",
            "gmail",
            "laposte",
            "orange",
            "samsung",
            "winmail",
            "orange",
            "gmail",
            "sfr",
            "laposte",
            "iphone",
            "orange",
        ]
        for k in range(20):
            p = self.signer(("mai",), lambda x: 0 < x.pop < 700 and not x.dep.startswith("97"))
            c = p.commune
            de = de_place(c, p.tl)
            pop = p.pop or rng.randint(80, 600)
            cl = clients[k]
            nm, pn = p.nom, p.prenom
            texts = [
                f"Bonjour\nje signe pour l'ecole de notre village, on a perdu une classe en 2019 et on a peur pour la rentree\n{pn} {nm} maire {noacc(de)}",
                f"Madame, Monsieur,\n\nMaire d'une commune de {pop} habitants, je ne peux que soutenir votre appel. Notre école à classe unique "
                f"accueille {rng.randint(9, 17)} élèves, et chaque mois de février on tremble.\n\nVeuillez ajouter mon nom : {nm} {pn}, maire {de} "
                f"({dd(p)}).\n\nRespectueusement",
                f"BONJOUR, JE SIGNE L'APPEL.\n{noacc(pn).upper()} {noacc(nm).upper()} MAIRE DE {noacc(c).upper().replace('-', ' ')}",
                f"bjr, ok pour signer. {pn} {nm}, maire {de} ({pop} hab.)",
                f"Je signe cette apel sans hesiter. Notre RPI a deja perdu 2 classes en 4 ans.\n\n{pn} {nm}\nMaire {de}",
                f"Bonjour,\n\nJe transmets pour M{'me' if p.f else '.'} le Maire qui n'a pas internet chez {e(p, 'lui', 'elle')} : "
                f"{e(p, 'M.', 'Mme')} {nm} {pn}, maire {de}, signe l'appel et vous remercie.\n\nLa secrétaire de mairie\n"
                f"Mairie {de}\n{rng.choice(STREETS)}\n{postcode(p.commune_code)} {c.upper()}\nOuvert le mardi et le vendredi de 14h à 17h",
                f"Mr le maire {de} signe l'appel.\n{display(p, 'inv')}",
                f"Bonsoir,\nUn village sans école est un village qui meurt. J'ajoute mon nom avec plaisir.\n{pn} {nom_case(nm)}\n"
                f"Maire {de} ({dept_name(p.dep)})",
                f"Bonjour,\n\nOui, je signe. Nous sommes {pop} habitants et l'école c'est le coeur du village. "
                f"La cantine est tenue par des bénévoles depuis 2020 !\n\n{pn} {nm}, maire",
                f"Bonjour à vous,\n\nComptez-moi parmi les signataires.\n\nLe Maire,\n{pn} {nm}\nCommune {de} – {postcode(p.commune_code)}",
                f"je signe\n{pn.lower()} {nm.lower()} maire {noacc(de).lower()} {dd(p)}",
                f"Madame, Monsieur,\nje vous confirme ma signature de l'appel des élus pour l'école au village.\nVeuillez agréer mes salutations.\n"
                f"{nm} {pn}\nmaire {de}\ntél. mairie {self.phone()}",
                f"Bonjour, d'accord avec tout sauf peut-être le point 3 (chez nous c'est la com com qui paye le car). Je signe quand même.\n"
                f"{pn} {nm}\nmaire {de}\n\nEnvoyé depuis mon appareil Galaxy",
                f"Bonjour,\r\nJe suis {e(p, 'le', 'la')} maire {de} ({dd(p)}), {pop} habitants, et je signe l'appel.\r\n{pn} {nm}",
                f"Bonjour,\n\nSignature : {pn} {nm.upper()} – Maire {de} ({dept_name(p.dep)}).\nL'école de {c} a 130 ans cette année, "
                f"on compte bien fêter les 150 !\n\nBien à vous",
                f"Ok !!! {pn} {nm} maire {de} 👍",
                f"Bonjour,\nJ'ai bien reçu votre appel, je le signe : {e(p, 'M.', 'Mme')} {nm} {pn}, maire {de}.\nLes enfants de la "
                f"commune font 22 km matin et soir pour la maternelle depuis la fermeture.\nCordialement.",
                f"Bonjour,\n\nMaire {de}, je signe.\n\n{pn} {nm}",
                f"Bonjour\n\nJe signe l'appel. {pn} {nm}, maire {de} ({dd(p)})",
                f"Bonjour,\n\nAu nom de mes {pop} administrés, j'ajoute ma signature : {pn} {nm}, maire {de}.\n\nMerci pour votre combat !",
            ]
            text = texts[k]
            addr = mairie_addr(p, rng) if k in (5, 9, 11) else addr_of(p, rng, rng.choice(ISP[:6]))
            fname = [
                display(p, "cased"),
                "",
                display(p, "caps_inv"),
                f"{pn} {nom_case(nm)}",
                display(p, "cased"),
                f"Mairie {de}",
                "",
                display(p, "cased"),
                display(p, "cased"),
                f"MAIRIE {noacc(de).upper()}",
                display(p, "lower"),
                f"Mairie {de}",
                display(p, "cased"),
                display(p, "cased"),
                display(p, "cased_inv"),
                pn,
                display(p, "cased"),
                display(p, "std"),
                display(p, "cased"),
                display(p, "cased"),
            ][k]
            if cl == "samsung":
                text = text.replace("\n\nEnvoyé depuis mon appareil Galaxy", "")
            subj = [
                "signature",
                "Re: " + CALL_SUBJECT,
                "APPEL ECOLE",
                "Re: Appel des élu·es pour l'école au village",
                "appel école",
                "Signature de M. le Maire" if not p.f else "Signature de Mme la Maire",
                "",
                "école au village",
                "Re: " + CALL_SUBJECT,
                "Appel",
                "je signe",
                "signature appel",
                "Re: appel",
                "Signature",
                "Ecole au village",
                "Re: " + CALL_SUBJECT,
                "Signature pétition école",
                "Appel élus",
                "Re: " + CALL_SUBJECT,
                "Re: Appel des élu·es pour l'école au village",
            ][k]
            m = self.new("petit_maire", cl, fname, addr, subj)
            if subj.startswith("Re: ") and k in (1, 8, 15):
                m.in_reply_to = m.references = self.call.mid
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "petit_maire", p)

    def collab_parl(self):
        """Parliamentary assistants writing for their deputy or senator (the assistant is not a signer)."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "outlook_desktop",
            "gmail",
            "thunderbird",
            "outlook_mac",
            "outlook_desktop",
            "iphone",
            "gmail",
            "outlook_desktop",
            "zimbra",
            "outlook_desktop",
            "apple",
            "outlook_android",
        ]
        for k in range(13):
            kinds = ("dep",) if k % 5 in (0, 2, 3) else ("sen",)
            p = self.signer(kinds)
            afn, anm = self.staffer()
            afem = afn in ("Maëlle", "Inès", "Salomé", "Clarisse", "Jade", "Mathilde")
            a_title = (
                ("Attachée" if afem else "Attaché") + " parlementaire"
                if k % 2
                else ("Collaboratrice" if afem else "Collaborateur") + " parlementaire"
            )
            who_d = (
                e(p, "Le député", "La députée")
                if p.kind == "dep"
                else e(p, "Le sénateur", "La sénatrice")
            )
            ttl = title(p, rng)
            full = display(p, "std")
            chg = "chargée" if afem else "chargé"
            texts = [
                f"Madame, Monsieur,\n\n{who_d} {full} soutient l'appel et m'a {chg} de vous le faire savoir. Vous pouvez l'inscrire "
                f"parmi les signataires :\n\n{full}, {ttl}\n\nBien cordialement,",
                f"Bonjour,\n\nJe vous écris de la part de {e(p, 'M.', 'Mme')} {nom_case(p.nom)}, qui souhaite s'associer à votre appel. "
                f"Merci de l'ajouter à la liste : {display(p, 'cased')}, {title(p, rng, cap=False)}.\n\nBonne journée,",
                f"Bonjour,\n\n{who_d} {p.nom} ({short_title(p, rng)}) signe l'appel pour l'école au village. Son prénom : {p.prenom}.\n\n"
                f"Cdlt,",
                f"Bonjour,\n\n{e(p, 'M.', 'Mme')} {p.prenom} {p.nom} m'a {chg} de vous transmettre son soutien : {e(p, 'il', 'elle')} signe "
                f"l'appel en tant que {title(p, rng, cap=False)}. N'hésitez pas à nous tenir informés des suites.\n\n"
                f"Bien à vous,",
                f"Bonjour,\n\nEn pleine campagne, {who_d.lower()} n'a pas pu vous répondre {e(p, 'lui', 'elle')}-même, mais {e(p, 'il', 'elle')} "
                f"tient à signer l'appel.\nSignataire : {display(p, 'inv')}\nMandat : {ttl}\n\nCordialement,",
                f"Madame, Monsieur,\n\nPour faire suite à votre courriel du 26 avril, je vous confirme que {who_d.lower()} "
                f"{display(p, 'cased')} apporte son soutien à l'appel des élu·es pour l'école au village.\n\n"
                f"Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
                f"Bonjour, {who_d.lower()} {p.nom} signe ! ({p.prenom} {p.nom}, {title(p, rng, cap=False)})",
                f"Bonjour,\n\nJe vous transmets ci-dessous la réponse de {e(p, 'mon député', 'ma députée') if p.kind == 'dep' else e(p, 'mon sénateur', 'ma sénatrice')}.\n\n"
                f"---------- Forwarded message ---------\nDe : {full} <{parl_addr(p)}>\nDate: {fr_long(self.clock.t)}\n"
                f"Subject: Re: {CALL_SUBJECT}\n\nOk pour signer, tu peux leur répondre.\n{p.prenom}\n\n",
                f"Bonjour,\n\n{who_d} {full} ({ttl}) soutient votre démarche et signe l'appel.\n\nBien cordialement,",
                f"Bonjour,\n\nSuite à votre appel, {who_d.lower()} m'a demandé de vous indiquer qu'{e(p, 'il', 'elle')} le signe volontiers.\n"
                f"{full}\n{ttl}\n\nCordialement,",
                f"Madame, Monsieur,\n\n{who_d} {display(p, 'cased')} m'a {chg} de vous faire part de son soutien. Vous pouvez "
                f"ajouter son nom à la liste des signataires.\n\nRespectueusement,",
                f"Bonjour,\n{who_d} {p.prenom} {p.nom} soutient l'appel et le signe.\n\nBien à vous,",
                f"Bonjour\nPour la liste : {display(p, 'std')} – {ttl}. Signé !\nMerci",
            ]
            assist = f"{afn} {nom_case(anm)}"
            place = (
                f"Permanence parlementaire\n{rng.choice(STREETS[:2] + STREETS[3:5])}"
                if rng.random() < 0.5
                else ""
            )
            if p.kind == "sen":
                sig = f"{assist}\n{a_title} de {display(p, 'cased')}\n{ttl}\nSénat – 15 rue de Vaugirard – 75291 Paris Cedex 06"
            else:
                sig = f"{assist}\n{a_title}\n{e(p, 'Cabinet du député', 'Cabinet de la députée')} {display(p, 'cased')}\n{ttl}\nAssemblée nationale – 126 rue de l'Université – 75355 Paris 07 SP"
            if place:
                sig += f"\n{place}"
            sig += f"\nTél. {self.phone()}"
            dom = "clb.senat.fr" if p.kind == "sen" else "clb-an.fr"
            addr = (
                f"{slug(afn)[0]}.{slug(anm).split('-')[0]}@{dom}"
                if k not in (2, 6)
                else f"{slug(afn)}.{slug(anm).split('-')[0]}@gmail.com"
            )
            m = self.new(
                "collab_parl",
                clients[k],
                assist,
                addr,
                [
                    "Signature de l'appel",
                    f"Soutien de {e(p, 'M.', 'Mme')} {nom_case(p.nom)}",
                    "RE: " + CALL_SUBJECT,
                    "Appel école au village",
                    "Signature",
                    f"Appel des élu·es – {who_d} {nom_case(p.nom)}",
                    "Signature",
                    "Fwd: " + CALL_SUBJECT,
                    "Soutien",
                    "Votre appel",
                    "Appel des élus pour l'école au village – soutien",
                    "Signature",
                    "RE: " + CALL_SUBJECT,
                ][k],
                cc=f"{display(p, 'std')} <{parl_addr(p)}>" if k in (0, 5, 10) else "",
            )
            text = f"{texts[k]}\n\n{sig}" if k not in (6, 12) else texts[k] + f"\n{assist}"
            if k in (2, 12):
                m.in_reply_to = m.references = self.call.mid
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "collab_parl", p)

    def parl_self(self):
        """Deputies and senators signing themselves, under their long official signature."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "apple",
            "ipad",
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "outlook_mac",
            "iphone",
            "outlook_desktop",
            "roundcube",
        ]
        for k in range(10):
            p = self.signer(("dep", "sen") if k % 2 else ("sen", "dep"))
            ttl = title(p, rng)
            nm = display(p, rng.choice(["std", "cased"]))
            if p.kind == "sen":
                inst = "Palais du Luxembourg\n15, rue de Vaugirard – 75291 Paris Cedex 06"
            else:
                inst = "Assemblée nationale\n126, rue de l'Université – 75355 Paris 07 SP"
            perm = f"Permanence : {rng.choice(STREETS)} – {self.phone()}"
            sigs = [
                f"{nm}\n{ttl}\n{inst}\n{perm}",
                f"{nm.upper()}\n{ttl.upper()}",
                f"{nm}\n{ttl}",
                f"--\n{nm}\n{ttl}\n{inst.replace(chr(10), ' – ')}\nwww.{slug(p.prenom + ' ' + p.nom)}.fr",
                f"{nm}\n{e(p, 'Député', 'Députée') if p.kind == 'dep' else e(p, 'Sénateur', 'Sénatrice')} "
                + (
                    f"{de_dept(p.dep)} ({circ(p, 'short')})"
                    if p.kind == "dep"
                    else f"{de_dept(p.dep)}"
                )
                + f"\n{perm}",
                f"{nm}\n{ttl}\n{inst}",
                f"{nm}\n{ttl}\n{inst}\nSuivez-moi sur Twitter et Facebook",
                f"{p.prenom}\n\n{nm}\n{ttl}",
                f"{nm}\n{ttl}\n\nCe message et ses pièces jointes sont confidentiels et destinés exclusivement à leurs destinataires.",
                f"{nm} – {ttl}",
            ]
            tops = [
                "Madame, Monsieur,\n\nJe m'associe bien volontiers à votre appel. Les fermetures de classes en milieu rural ont été "
                "au cœur de mes échanges avec les maires tout au long de ce mandat.\n\nBien cordialement,",
                "Bonjour,\n\nJe signe.\n\nBien à vous",
                "Chers amis,\n\nJe signe votre appel avec conviction.\n\nAmitiés",
                "Bonjour,\n\nVous pouvez compter sur ma signature. J'ai moi-même interpellé le ministre à ce sujet cet hiver.\n\nCordialement,",
                "Madame, Monsieur,\n\nJe soutiens pleinement cet appel et vous autorise à faire figurer mon nom parmi les signataires.\n\n"
                "Je vous prie de croire, Madame, Monsieur, à l'assurance de mes sentiments les meilleurs.",
                "Bonjour,\n\nJe signe l'appel des élu·es pour l'école au village.\n\nRépublicainement,",
                "Bonjour,\n\nEntièrement d'accord avec les quatre points. Je signe.\n\nBien à vous,",
                "Je signe, bien sûr. Bravo pour l'initiative.",
                "Madame, Monsieur,\n\nJe vous confirme mon soutien à l'appel.\n\nBien cordialement,",
                "Bonjour,\n\nMerci pour cet appel, que je signe.\n\nCordialement,",
            ]
            addr = parl_addr(p) if k not in (3, 7) else addr_of(p, rng, "gmail.com")
            m = self.reply_call("parl_self", clients[k], display(p, "cased"), addr)
            if k in (2, 5, 9):
                m.in_reply_to = m.references = ""
                m.subject = [
                    "Appel école au village",
                    "Signature de l'appel",
                    "Soutien à votre appel",
                ][(k - 2) // 3]
                self.body(m, f"{tops[k]}\n\n{sigs[k]}")
            else:
                self.from_call(m, f"{tops[k]}\n\n{sigs[k]}")
            self.sign(m, "parl_self", p)

    def exec_delegue(self):
        """Departmental and regional executives and special-status assemblies, with their delegations."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "outlook_desktop",
            "gmail",
            "outlook_mac",
            "outlook_desktop",
            "zimbra",
            "apple",
            "outlook_desktop",
            "thunderbird",
            "iphone",
            "outlook_desktop",
            "gmail",
        ]
        plan = [
            ("cd", lambda x: "Vice" in x.fonction),
            ("cd", lambda x: "Vice" in x.fonction),
            ("cr", lambda x: not x.fonction),
            ("ma", lambda x: x.coll == "94" and x.fonction == "Président de l'assemblée"),
            ("cd", lambda x: x.fonction.startswith("Président")),
            ("cr", lambda x: "Vice" in x.fonction),
            ("cd", lambda x: "Vice" in x.fonction),
            ("ma", lambda x: x.coll == "69M" and x.fonction.startswith("Vice")),
            ("cd", lambda x: not x.fonction),
            ("cr", lambda x: not x.fonction),
            ("ma", lambda x: x.coll in ("972", "973")),
            ("cd", lambda x: "Vice" in x.fonction),
            ("cr", lambda x: not x.fonction and x.region_code == "76"),
        ]
        for k, (kind, pred) in enumerate(plan):
            p = self.signer((kind,), pred)
            f = p.fonction
            nm = display(p, rng.choice(["std", "cased", "std"]))
            if p.kind == "cd" and "Vice" in f and not p.impostor:
                short, long = DELEGATIONS_CD[k % len(DELEGATIONS_CD)]
                vp = e(p, "Vice-président", "Vice-présidente")
                dl = e(p, "délégué", "déléguée")
                role = rng.choice(
                    [
                        f"{vp} du Conseil départemental {dl} {short}",
                        f"{vp} {dl} {long}\n{dept_house(p)}",
                        f"{ordinal(rank(f), p)} {vp} – {dept_house(p)}, {dl} {long}",
                    ]
                )
                role += f"\n{e(p, 'Conseiller départemental', 'Conseillère départementale')} du canton {de_name(p.canton)}"
            elif p.kind == "cd" and f.startswith("Président"):
                role = f"{title(p, rng)}\n{e(p, 'Conseiller départemental', 'Conseillère départementale')} du canton {de_name(p.canton)}"
            elif p.kind == "cd":
                role = rng.choice(
                    [
                        f"{e(p, 'Conseiller départemental', 'Conseillère départementale')} du canton {de_name(p.canton)} ({dept_name(p.dep)})",
                        f"{title(p, rng)}\nCanton {de_name(p.canton)}",
                    ]
                )
            elif p.kind == "cr" and "Vice" in f:
                role = f"{e(p, 'Vice-président', 'Vice-présidente')} de la Région {p.region} {e(p, 'délégué', 'déléguée')} {DELEGATIONS_CR[k % 5]}"
            elif p.kind == "cr":
                role = rng.choice(
                    [
                        f"{e(p, 'conseiller régional', 'conseillère régionale')} {region_de(p)}",
                        f"{e(p, 'Conseiller régional', 'Conseillère régionale')} {region_de(p)}"
                        + (f"\nÉlu{e(p, '', 'e')} {de_dept(p.dep)}" if p.dep else ""),
                    ]
                )
            else:
                role = ma_title(p)
                if p.coll == "69M" and p.metro_circ:
                    role += f"\nCirconscription {pretty(p.metro_circ)}"
            if p.kind == "cd":
                house = (
                    "Hôtel du Département" if p.dep != "6AE" else "Collectivité européenne d'Alsace"
                )
            elif p.kind == "cr":
                house = f"Hôtel de Région – Région {p.region}"
            else:
                house = {
                    "94": "Collectivité de Corse – 22, cours Grandval – 20187 Ajaccio Cedex 1",
                    "69M": "Métropole de Lyon – 20, rue du Lac – 69003 Lyon",
                    "972": "Collectivité Territoriale de Martinique",
                    "973": "Collectivité Territoriale de Guyane",
                }.get(p.coll, "")
            sig = f"{nm}\n{role}\n{house}\nTél. : {self.phone()} – Port. : {self.phone(True)}"
            if k % 3 == 0:
                sig = f"{nm.upper()}\n{role}\n{house}\n\n[cid:image001.png@01D8{hx(rng, 4, HEXU)}.{hx(rng, 8, HEXU)}]"
            top = [
                "Madame, Monsieur,\n\nJe soutiens votre appel et vous prie d'ajouter mon nom à la liste des signataires.\n\nBien cordialement,",
                "Bonjour,\n\nJe signe l'appel. Le Département finance déjà une partie des transports scolaires, le point 3 est essentiel.\n\nCordialement,",
                "Bonjour,\n\nJe m'associe à votre appel.\n\nBien à vous,",
                "Bonghjornu,\n\nJe signe volontiers cet appel : la question des écoles de l'intérieur nous concerne directement.\n\nA ringraziavvi,",
                "Madame, Monsieur,\n\nL'école rurale est une priorité de notre collectivité. J'apporte mon soutien à votre appel.\n\n"
                "Je vous prie d'agréer l'expression de mes salutations distinguées.",
                "Bonjour,\n\nVous pouvez m'ajouter à la liste des signataires.\n\nBien cordialement,",
                "Bonjour,\n\nSignature de l'appel ci-dessous.\n\nCdt,",
                "Bonjour,\n\nJe signe l'appel, en solidarité avec les communes rurales de la région.\n\nBien à vous,",
                "Bonjour,\n\nJe signe l'appel.\n\nCordialement,",
                "Bonjour,\n\nJe vous confirme ma signature.\n\nBien à vous,",
                "Bonjour,\n\nJe signe.\n\nBien cordialement,",
                "Madame, Monsieur,\n\nVeuillez trouver ci-dessous ma signature pour l'appel.\n\nCordialement,",
                "Bonjour,\n\nD'accord avec l'appel, je le signe.\n\nCordialement,",
            ][k]
            m = self.reply_call("exec_delegue", clients[k], display(p, "cased"), inst_addr(p, rng))
            if k in (2, 6, 9, 12):
                m.in_reply_to = m.references = ""
                m.subject = [
                    "Signature appel école",
                    "Appel des élu·es – signature",
                    "signature",
                    "Appel école au village",
                ][(2, 6, 9, 12).index(k)]
                self.body(m, f"{top}\n\n{sig}")
            else:
                self.from_call(m, f"{top}\n\n{sig}")
            self.sign(m, "exec_delegue", p)

    def ask_mandate(self):
        """A signature without a (complete) mandate; the organisers ask « pouvez-vous préciser votre
        mandat ? »; the answer comes in a reply (sometimes typed inside the quoted question)."""
        rng = self.rng
        plan = [
            ("mai", "gmail", "orange"),
            ("cd", "outlook_desktop", "outlook_desktop"),
            ("sen", "iphone", "iphone"),
            ("mai", "orange", "orange"),
            ("cr", "thunderbird", "thunderbird"),
            ("mai", "yahoo", "yahoo"),
            ("dep", "gmail", "gmail"),
            ("mai", "laposte", "laposte"),
        ]
        for k, (kind, c1, c2) in enumerate(plan):
            p = self.signer((kind,))
            th = f"ask{k}"
            nm = display(p, rng.choice(["std", "cased"]))
            first = [
                f"Bonjour,\n\nJe signe !\n\n{nm}",
                f"Bonjour,\n\nJe soutiens l'appel.\n\n{nm}\n{e(p, 'Conseiller départemental', 'Conseillère départementale')}",
                f"Je signe. {nm}",
                f"bonjour je signe l'appel {display(p, 'lower')}",
                f"Bonjour,\n\nVous pouvez ajouter mon nom : {nm}, élu{e(p, '', 'e')} régional{e(p, '', 'e')}.\n\nBien à vous",
                f"Je signe.\n{nm}\nMaire",
                f"Bonjour, {nm} signe l'appel.",
                f"Bonjour,\nje m'associe à l'appel. {nm}, maire\nBonne journée",
            ][k]
            m1 = self.reply_call("ask_mandate", c1, display(p, "cased"), addr_of(p, rng), hi=400)
            addr = m1.from_addr
            t1 = self.from_call(m1, first)
            self.label(m1, "ask_mandate", "signs", self.case(p), None, th)
            m2, t2 = self.org_mail(m1, t1, ASK, "ask_mandate", th)
            if p.kind == "mai":
                ans = [
                    f"Bonjour, maire {de_place(p.commune, p.tl)} ({dd(p)}). Cordialement",
                    "",
                    "",
                    f"maire {de_place(p.commune, p.tl)}",
                    "",
                    f"Oups ! Maire {de_place(p.commune, p.tl)}, {dept_name(p.dep)}.",
                    "",
                    f"Bonjour,\nJe suis {e(p, 'maire', 'maire')} {de_place(p.commune, p.tl)} ({postcode(p.commune_code)}).\nBien à vous",
                ][k]
            else:
                ans = {
                    "cd": f"Pardon : conseill{e(p, 'er', 'ère')} départemental{e(p, '', 'e')} {cd_de(p)}"
                    + (f", canton {de_name(p.canton)}." if p.canton else "."),
                    "sen": f"{title(p, rng)}.\n\nEnvoyé de mon iPhone",
                    "cr": f"Bonjour,\n\nConseill{e(p, 'er', 'ère')} régional{e(p, '', 'e')} {region_de(p)}"
                    + (
                        f" (section {de_dept(p.dep)[len('de ') :] if de_dept(p.dep).startswith('de ') else dept_name(p.dep)})"
                        if p.dep
                        else ""
                    )
                    + ".\n\nBien à vous",
                    "dep": f"{title(p, rng)}",
                }[p.kind]
            if k in (3, 6):  # typed inside the quoted question
                m3 = self.new(
                    "ask_mandate",
                    c2,
                    display(p, "cased"),
                    addr,
                    self.reply_subject(c2, m2.subject),
                    lo=30,
                    hi=600,
                    in_reply_to=m2.mid,
                    references=(m2.references + " " + m2.mid).strip(),
                )
                quoted = quote_text(c2, m2, t2, m2.to)
                quoted = quoted.replace(
                    "circonscription) ?\n", f"circonscription) ?\n\n{ans}\n\n", 1
                )
                intro = "voir ci-dessous" if k == 3 else "Réponse dans le texte :"
                m3.text = intro + quoted
            else:
                m3, _ = self.user_reply(m2, t2, display(p, "cased"), addr, c2, ans, "ask_mandate")
            self.sign(m3, "ask_mandate", p, addr, th)
            if k == 4:  # a last thank-you from the organisers closes the thread
                self.org_mail(
                    m3,
                    m3.text or "",
                    "Parfait, merci ! Votre signature est enregistrée.\n",
                    "ask_mandate",
                    th,
                )

    def interleaved(self):
        """Answers typed between the paragraphs of the quoted call (comments on each point), the name
        under the « Pour signer » paragraph or at the very end."""
        rng = self.rng
        clients = [
            "thunderbird",
            "roundcube",
            "apple",
            "plain",
            "thunderbird",
            "outlook_desktop",
            "roundcube",
            "gmail",
            "orange",
        ]
        paras = CALL.split("\n\n")
        for k in range(9):
            p = self.signer(("mai", "mai", "cd", "cr", "sen", "dep"))
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            ttl = title(p, rng)
            inits = "".join(w[0] for w in re.split(r"[- ]", p.prenom) if w) + p.nom[0]
            comments = {
                1: rng.choice(
                    [
                        "Oui !! Chez nous c'est la troisième fermeture en six ans.",
                        "Indispensable.",
                        "D'accord.",
                        "100 % d'accord",
                    ]
                ),
                2: rng.choice(
                    ["Un peu juste, mais d'accord.", "Ok.", "Il faudrait aussi parler des ATSEM."]
                ),
                3: rng.choice(
                    [
                        "Le car part à 7h05 chez nous…",
                        "Oui, c'est la commune qui paie aujourd'hui.",
                        "OK",
                    ]
                ),
                4: rng.choice(["Enfin !", "Surtout ça.", "Oui, et avec les parents."]),
            }
            outlook = clients[k] == "outlook_desktop"
            pre = "" if outlook else "> "
            out = []
            placed = False
            for para in paras:
                if para.startswith("1) "):
                    # the four points are one paragraph: a comment after each point
                    for ch in re.split(r"\n(?=\d\) )", para):
                        c = comments[int(ch[0])]
                        if outlook:
                            c = f"[{inits}] {c.upper()}"
                        out.append(q(ch, pre) + f"\n\n{c}\n")
                    continue
                out.append(q(para, pre))
                if para.startswith("Pour signer") and k % 2 == 0:
                    out.append(f"{nm}, {ttl}" if k != 4 else f"Signé : {nm}\n{ttl}")
                    placed = True
            body = "\n\n".join(out)
            top = "Bonjour,\n\nMes réponses dans le texte." if k in (1, 3, 7) else "Bonjour,"
            if outlook:
                top = f"Bonjour,\n\nMes commentaires ci-dessous en majuscules [{inits}]."
            end = "" if placed else f"\n\nJe signe donc.\n{nm}\n{ttl}"
            addr = addr_of(p, rng) if p.kind == "mai" else inst_addr(p, rng)
            m = self.reply_call("interleaved", clients[k], display(p, "cased"), addr)
            hdr = quote_text(clients[k], self.call, "\x00", ORG_LIST).split("\x00")[0]
            hdr = hdr.rstrip("> \n") if not outlook else hdr.rstrip("\n")
            m.text = f"{top}{hdr}\n{body}{end}\n"
            if clients[k] in SMART_QUOTES:
                m.text = m.text.replace("'", "’")
            self.sign(m, "interleaved", p)

    def group_multi(self):
        """Several signers in one message: a département's majority group, a mayor and his wife
        (conseillère départementale), the parliamentarians of a département, the mayors of a
        regroupement pédagogique, regional councillors, a mayor adding the neighbouring mayors."""
        rng, reg = self.rng, self.reg
        shape = "group_multi"
        # 1. majority group of a departmental council
        deps = sorted(
            {p.dep for p in reg.pool["cd"] if p.dep in DEPTS and not p.dep.startswith("97")}
        )
        for _ in range(1000):
            dep = rng.choice(deps)
            cds = [p for p in reg.pool["cd"] if p.dep == dep and self.ok(p)]
            pres = [p for p in cds if p.fonction.startswith("Président")]
            if (
                pres
                and len(cds) >= 10
                and DEPTS[dep]["code"] not in ("75", "92", "93", "94", "13", "59", "69")
            ):
                break
        vps = [p for p in cds if "Vice" in p.fonction]
        group = [pres[0]] + rng.sample(
            vps if len(vps) >= 5 else [p for p in cds if p is not pres[0]], 5
        )
        for p in group:
            self.use(p)
        lead = group[1]
        lines = "\n".join(
            f"- {display(p, 'inv')}, canton {de_name(p.canton)}"
            + (f" ({title(p, rng, place=False)})" if p.fonction else "")
            for p in group
        )
        text = (
            f"Madame, Monsieur,\n\nLe président et les vice-présidents de la majorité départementale {de_dept(dep)} signent ensemble l'appel "
            f"des élu·es pour l'école au village :\n\n{lines}\n\nPour la majorité départementale,\n{display(lead, 'cased')}\n{title(lead, rng)}"
        )
        m = self.new(
            shape,
            "outlook_desktop",
            f"Cabinet – {dept_house(lead)}",
            f"cabinet.president@{slug(dept_name(dep))}.fr",
            "Signature de la majorité départementale",
        )
        self.body(m, text)
        for p in group:
            self.sign(m, shape, p)
        # 2. a mayor and his wife, conseillère départementale of the same département
        cd_by = defaultdict(list)
        for p in reg.pool["cd"]:
            if p.f and self.ok(p):
                cd_by[(fold(p.nom), p.dep)].append(p)
        pairs = [
            (mm, cd_by[(fold(mm.nom), mm.dep)][0])
            for mm in reg.pool["mai"]
            if not mm.f
            and self.ok(mm)
            and len(cd_by.get((fold(mm.nom), mm.dep), [])) == 1
            and mm.pop < 5000
        ]
        mai, wife = pairs[rng.randrange(len(pairs))]
        self.use(mai)
        self.use(wife)
        text = (
            f"Bonjour,\n\nMon épouse et moi signons l'appel :\n{mai.prenom} {mai.nom}, maire {de_place(mai.commune, mai.tl)}\n"
            f"{wife.prenom} {wife.nom}, conseillère départementale {cd_de(wife)} (canton {de_name(wife.canton)})\n\n"
            f"Nous avons scolarisé nos trois enfants à l'école du village, qui a perdu une classe l'an dernier.\n\nBien à vous,\n{mai.prenom}"
        )
        m = self.new(
            shape,
            "orange",
            f"{mai.prenom} et {wife.prenom} {nom_case(mai.nom)}",
            addr_of(mai, rng, "orange.fr"),
            "Nos deux signatures",
        )
        self.body(m, text)
        self.sign(m, shape, mai)
        self.sign(m, shape, wife)
        # 3. the parliamentarians of one département
        for _ in range(1000):
            dep = rng.choice(deps)
            sens = [p for p in reg.pool["sen"] if p.dep == dep and self.ok(p)]
            deps_ = [p for p in reg.pool["dep"] if p.dep == dep and self.ok(p)]
            if len(sens) >= 2 and deps_:
                break
        parl = [deps_[0], sens[0], sens[1]]
        for p in parl:
            self.use(p)
        lines = "\n".join(f"{display(p, 'std')}, {title(p, rng, cap=False)}" for p in parl)
        afn, anm = self.staffer()
        text = (
            f"Bonjour,\n\nLes parlementaires {de_dept(dep)} ci-dessous signent ensemble l'appel pour l'école au village :\n\n{lines}\n\n"
            f"Merci de les ajouter à la liste.\n\n{afn} {nom_case(anm)}\nPour les parlementaires {de_dept(dep)}"
        )
        m = self.new(
            shape,
            "gmail",
            f"{afn} {nom_case(anm)}",
            f"{slug(afn)}.{slug(anm).split('-')[0]}@gmail.com",
            f"Signature des parlementaires {de_dept(dep)}",
        )
        self.body(m, text)
        for p in parl:
            self.sign(m, shape, p)
        # 4. the mayors of a regroupement pédagogique (same EPCI), one of them an impostor
        epci_of = {}
        for ep in EPCIS:
            for c in ep["membres"]:
                epci_of[c["code"]] = ep
        for _ in range(5000):
            a = reg.pool["mai"][rng.randrange(len(reg.pool["mai"]))]
            ep = epci_of.get(a.commune_code)
            if not ep or a.dep.startswith("97") or a.pop > 800:
                continue
            mates = [reg.mayor_of.get(c["code"]) for c in ep["membres"]]
            mates = [x for x in mates if x and self.ok(x) and x.pop < 800 and x.dep == a.dep]
            if len(mates) >= 3 and self.ok(a) and a in mates:
                break
        rpi = rng.sample(mates, 3)
        for p in rpi:
            self.use(p)
        free = [
            c["code"]
            for c in ep["membres"]
            if c["code"] in COMMUNES and c["code"] not in {x.commune_code for x in rpi}
        ]
        imp = self.impostor("former_2019", commune_code=rng.choice(free))
        rpi_all = rpi[:2] + [imp] + rpi[2:]
        name_rpi = "RPI " + "-".join(p.commune for p in rpi_all[:3])
        lines = "\n".join(
            f"{p.prenom} {p.nom.upper()}\tmaire {de_place(p.commune, p.tl)}" for p in rpi_all
        )
        text = (
            f"Bonjour,\n\nLes maires du {name_rpi} signent l'appel :\n\n{lines}\n\nNos écoles ont déjà fusionné une fois, nous ne voulons pas "
            f"d'une deuxième fusion.\n\n{rpi[0].prenom} {rpi[0].nom}\npour les maires du regroupement"
        )
        m = self.new(
            shape,
            "laposte",
            f"Mairie {de_place(rpi[0].commune, rpi[0].tl)}",
            mairie_addr(rpi[0], rng),
            f"Signature des maires du {name_rpi}",
        )
        self.body(m, text)
        for p in rpi_all:
            self.sign(m, shape, p)
        # 5. regional councillors of one region, an Outlook table; one other_first
        regs = sorted(
            {
                p.region_code
                for p in reg.pool["cr"]
                if p.region_code in REGIONS and p.region_code > "10"
            }
        )
        rc = rng.choice(regs)
        crs = [p for p in reg.pool["cr"] if p.region_code == rc and self.ok(p) and p.dep]
        picks = rng.sample(crs, 3)
        for p in picks:
            self.use(p)
        for _ in range(200):
            real = rng.choice(
                [
                    p
                    for p in reg.pool["cr"]
                    if p.region_code == rc and " " not in p.nom and "-" not in p.nom
                ]
            )
            try:
                fn = self.first_for(real.nom, real.sexe)
                break
            except RuntimeError:
                continue
        imp = P(**{s: getattr(real, s) for s in P.__slots__})
        imp.prenom, imp.impostor, imp.fonction, imp.truth_dep = fn, "other_first", "", ""
        self.used.add(ident(imp.nom, imp.prenom))
        self.n_imp += 1
        self.imp_count["other_first"] += 1
        rows = picks[:2] + [imp] + picks[2:]
        tbl = "\n".join(
            f"{p.nom}\t{p.prenom}\t{e(p, 'Conseiller régional', 'Conseillère régionale')}\t{dept_name(p.dep)}"
            for p in rows
        )
        text = (
            f"Bonjour,\n\nVoici les signatures d'élu·es du groupe {rng.choice(['écologiste', 'socialiste et apparentés', 'des indépendants', 'Union des territoires'])} "
            f"au conseil régional {region_de(picks[0])} :\n\nNom\tPrénom\tMandat\tDépartement\n{tbl}\n\nCordialement,\n{display(picks[0], 'cased')}"
        )
        m = self.new(
            shape,
            "outlook_desktop",
            display(picks[0], "cased"),
            inst_addr(picks[0], rng),
            "Signatures groupe régional",
        )
        self.body(m, text, html=False)
        html_rows = "".join(
            f"<tr><td>{esc(p.nom)}</td><td>{esc(p.prenom)}</td><td>{esc(e(p, 'Conseiller régional', 'Conseillère régionale'))}</td>"
            f"<td>{esc(dept_name(p.dep))}</td></tr>"
            for p in rows
        )
        intro = text.split("\n\nNom\t")[0]
        m.html = html_doc("outlook_desktop", intro, "").replace(
            "</div></body>",
            f"<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0><tr><td><b>Nom</b></td><td><b>Prénom</b></td><td><b>Mandat</b></td>"
            f"<td><b>Département</b></td></tr>{html_rows}</table>\n"
            + html_lines(f"\nCordialement,\n{display(picks[0], 'cased')}", "p.Mso")
            + "</div></body>",
        )
        for p in rows:
            self.sign(m, shape, p)
        # 6. a mayor adding two neighbouring mayors who asked him to
        a = self.take("mai", lambda x: 0 < x.pop < 1500 and not x.dep.startswith("97"))
        nb = [x for x in reg.pool["mai"] if x.dep == a.dep and self.ok(x) and x is not a]
        two = rng.sample(nb, 2)
        for p in two:
            self.use(p)
        text = (
            f"Bonjour,\n\nJe signe l'appel : {a.prenom} {a.nom}, maire {de_place(a.commune, a.tl)}.\n\nMes collègues {two[0].prenom} {two[0].nom} "
            f"(maire {de_place(two[0].commune, two[0].tl)}) et {two[1].prenom} {two[1].nom} (maire {de_place(two[1].commune, two[1].tl)}), "
            f"qui n'ont pas reçu votre message, m'ont demandé de les ajouter aussi.\n\nCordialement"
        )
        m = self.reply_call(shape, "thunderbird", display(a, "cased"), addr_of(a, rng))
        self.from_call(m, text)
        for p in [a, *two]:
            self.sign(m, shape, p)

    def terse_mobile(self):
        """Short replies from an iPad, an Android phone or Outlook mobile, with the abbreviations people
        type (« CD43 », « VP CD », « PdT », « CR Occitanie », « sén. », « dép. »)."""
        rng = self.rng
        clients = [
            "ipad",
            "android_gmail",
            "outlook_android",
            "iphone",
            "samsung",
            "outlook_ios",
            "ipad",
            "orange_app",
            "iphone",
            "android_gmail",
            "outlook_android",
            "samsung",
            "ipad",
            "iphone",
            "outlook_ios",
            "android_gmail",
        ]
        kinds = [
            ("cd",),
            ("cd",),
            ("cr",),
            ("sen",),
            ("mai",),
            ("dep",),
            ("cd",),
            ("mai",),
            ("cr",),
            ("cd",),
            ("sen",),
            ("mai",),
            ("dep",),
            ("cd",),
            ("cr",),
            ("mai",),
        ]
        for k in range(16):
            pred = (lambda x: x.fonction.startswith("Président")) if k == 6 else (lambda x: True)
            if k in (1, 13):
                pred = lambda x: "Vice" in x.fonction  # noqa: E731
            p = self.signer(kinds[k], pred)
            st = short_title(p, rng)
            nm = display(p, rng.choice(["std", "cased", "std", "inv"]))
            if k in (2, 9):
                nm = display(p, "init")
            text = [
                f"Je signe. {nm}, {st}",
                f"Ok pr moi. {nm} {st}",
                f"Signé\n{nm}\n{st}",
                f"Je m'associe. {nm}, {st}",
                f"ok pour moi — {display(p, 'lower')}, {st.lower()} ({dd(p)})",
                f"Oui je signe. {nm} ({st})",
                f"+1 ! {nm} {st}",
                f"je signe bien sur\n{nm}\n{st}",
                f"{nm} – {st} – je signe",
                f"Signé. {nm} {st}",
                f"Je signe l'appel\n{nm}\n{st}",
                f"OK. {nm} {st}",
                f"J'en suis. {nm}, {st}",
                f"Je signe ! {nm}, {st} (canton {de_name(p.canton)})"
                if p.kind == "cd" and p.canton
                else f"Je signe ! {nm}, {st}",
                f"Avec plaisir. {nm} {st}",
                f"D'accord. {nm}, {st}",
            ][k]
            addr = (
                inst_addr(p, rng)
                if p.kind in ("cd", "cr", "sen", "dep") and k % 3
                else addr_of(
                    p, rng, rng.choice(["gmail.com", "orange.fr", "icloud.com", "free.fr"])
                )
            )
            m = self.reply_call(
                "terse_mobile", clients[k], display(p, "cased") if k % 4 else "", addr
            )
            if k in (4, 11):
                m.in_reply_to = m.references = ""
                m.subject = "appel"
                self.body(m, text)
            else:
                self.from_call(m, text, html=False)
            self.sign(m, "terse_mobile", p)

    def cc_colleagues(self):
        """An official forwards the call to colleagues (organisers in copy) and signs in passing."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "zimbra",
            "orange",
            "apple",
            "outlook_desktop",
            "laposte",
            "gmail",
        ]
        for k in range(9):
            p = self.signer(("mai", "mai", "cd", "sen", "cr"))
            nm = display(p, rng.choice(["std", "cased"]))
            ttl = title(p, rng, cap=False)
            if p.kind == "mai":
                colleagues = f"maires du canton <maires-canton-{slug(p.commune)}@{rng.choice(['googlegroups.com', 'framalistes.org'])}>"
                dear = rng.choice(
                    ["Chers collègues maires,", "Chères et chers collègues,", "Bonjour à tous,"]
                )
            elif p.kind == "cd":
                colleagues = f"elus.groupe@{slug(dept_name(p.dep))}.fr"
                dear = "Chers collègues,"
            elif p.kind == "sen":
                colleagues = (
                    f"maires-{p.dep.lower()}@{rng.choice(['googlegroups.com', 'framalistes.org'])}"
                )
                dear = f"Mesdames et Messieurs les maires {de_dept(p.dep)},"
            else:
                colleagues = f"elus-ruraux-{slug(p.region)}@framalistes.org"
                dear = "Chers amis,"
            body = [
                f"{dear}\n\nJe viens de signer l'appel ci-dessous et je vous invite à en faire autant, l'école rurale est l'affaire de tous.\n\n{nm}\n{cap1(ttl)}",
                f"{dear}\n\nJe relaie cet appel, que j'ai signé ce matin (les organisateurs sont en copie, qu'ils me comptent parmi les signataires !).\n\n"
                f"Bien amicalement,\n{nm}, {ttl}",
                f"{dear}\n\nPour info, je signe (organisateurs en copie). Faites-le aussi si vous êtes d'accord.\n\n{nm}\n{cap1(ttl)}",
                f"{dear}\n\nJe vous transfère l'appel pour l'école au village. Je le signe — en copie aux organisateurs — et j'espère que nous serons "
                f"nombreux.\n\nCordialement,\n{nm}\n{cap1(ttl)}",
                f"{dear}\n\nÀ faire tourner ! Je signe, bien sûr.\n{nm} ({ttl})",
                f"{dear}\n\nJe signe cet appel et je vous le fais suivre.\n\n{nm}\n{cap1(ttl)}",
                f"{dear}\n\nVous trouverez ci-dessous un appel que je signe (copie aux organisateurs pour valoir signature).\n\n{nm}\n{cap1(ttl)}",
                f"{dear}\n\nJe signe et je vous transmets. Répondez directement aux organisateurs.\n\n{nm}\n{cap1(ttl)}",
                f"{dear}\n\nJ'ai signé cet appel : signature de {nm}, {ttl}. Je vous encourage à faire de même avant le 10 juin.\n\nAmitiés",
            ][k]
            addr = addr_of(p, rng) if p.kind == "mai" else inst_addr(p, rng)
            fwd = (
                "TR: "
                if clients[k].startswith("outlook") or clients[k] in ("zimbra", "laposte", "orange")
                else "Fwd: "
            )
            m = self.new("cc_colleagues", clients[k], display(p, "cased"), addr, fwd + CALL_SUBJECT)
            m.to = colleagues
            m.cc = f"{ORG_NAME} <{ORG_ADDR}>"
            c = clients[k]
            t = self.call.date
            if c in ("gmail",):
                fw = (
                    f"\n\n---------- Forwarded message ---------\nDe : {ORG_NAME} <{ORG_LIST}>\nDate: {FR_DAY_ABBR[t.weekday()]} "
                    f"{t.day} {FR_MON_ABBR[t.month - 1]} {t.year} à {t:%H:%M}\nSubject: {CALL_SUBJECT}\nTo: <{ORG_LIST}>\n\n\n{CALL}\n"
                )
            elif c == "outlook_desktop":
                fw = f"\n\nDe : {ORG_NAME} <{ORG_LIST}>\nEnvoyé : {fr_long(t)}\nÀ : {ORG_LIST}\nObjet : {CALL_SUBJECT}\n\n{CALL}\n"
            elif c == "thunderbird":
                fw = (
                    f"\n\n-------- Message transféré --------\nSujet : \t{CALL_SUBJECT}\nDate : \t{t:%a, %d %b %Y %H:%M:%S} +0200\n"
                    f"De : \t{ORG_NAME} <{ORG_LIST}>\nPour : \t{ORG_LIST}\n\n\n\n{CALL}\n"
                )
            elif c == "apple":
                fw = f"\n\n> Début du message réexpédié :\n> \n> De: {ORG_NAME} <{ORG_LIST}>\n> Objet: {CALL_SUBJECT}\n> Date: {t.day} {FR_MONTHS[t.month - 1]} {t.year} à {t:%H:%M:%S} UTC+2\n> À: {ORG_LIST}\n> \n{q(CALL)}\n"
            else:
                fw = quote_text(c, self.call, CALL, ORG_LIST)
                fw = fw.replace("----- Mail original -----", "----- Mail transféré -----").replace(
                    "----- Mail d'origine -----", "----- Mail transféré -----"
                )
            self.body(m, body, html=False)
            m.text = (m.text or "") + fw
            self.sign(m, "cc_colleagues", p)

    def legislatives(self):
        """Signatures written in the spring-2022 campaign: « député sortant », candidates who sign with
        their current mandate, « à titre personnel en raison de la période électorale », banners."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "apple",
            "iphone",
            "zimbra",
            "roundcube",
            "gmail",
            "outlook_mac",
            "thunderbird",
            "samsung",
        ]
        kinds = [
            ("dep",),
            ("mai",),
            ("cd",),
            ("dep",),
            ("mai",),
            ("cr",),
            ("dep",),
            ("cd",),
            ("mai",),
            ("sen",),
        ]
        for k in range(10):
            p = self.signer(kinds[k])
            nm = display(p, rng.choice(["std", "cased"]))
            ttl = title(p, rng, cap=False)
            n = rng.randint(1, 5)
            banner = rng.choice(
                [
                    "Législatives des 12 et 19 juin 2022 – Ensemble, pour nos territoires",
                    "📢 Élections législatives 12 & 19 juin : votez et faites voter !",
                    "Législatives 2022 – Le 12 juin, je compte sur vous",
                ]
            )
            sortant = ttl
            if p.kind == "dep":
                sortant = (
                    f"{e(p, 'député sortant', 'députée sortante')} de la {circ(p)} {de_dept(p.dep)}"
                )
            text = [
                f"Bonjour,\n\nEn pleine campagne pour ma réélection, je prends le temps de signer votre appel.\n\n{nm}\n{cap1(sortant) if p.kind == 'dep' else ttl}\n\n{banner}",
                f"Bonjour,\n\nCandidat{e(p, '', 'e')} aux élections législatives dans la {ordinal(n, None, 'e', fem=True)} circonscription {de_dept(p.dep)}, "
                f"je signe cet appel en tant que {ttl}.\n\n{nm}",
                f"Madame, Monsieur,\n\nEn raison de la période électorale, je signe à titre personnel et non au nom de la collectivité : "
                f"{nm}, {ttl}.\n\nCordialement",
                f"Je signe. {nm}, {sortant if p.kind == 'dep' else ttl} (et candidat{e(p, '', 'e')} à ma succession 😉)",
                f"Bonjour,\n\nEntre deux réunions publiques, je signe : {nm}, {ttl}.\n\nBonne campagne à ceux qui en font une !",
                f"Bonjour,\n\nSuppléant{e(p, '', 'e')} aux législatives dans la {ordinal(n, None, 'e', fem=True)} circonscription "
                f"{de_dept(p.dep) if p.dep else ''}, je signe comme {ttl}.\n\n{nm}",
                f"Bonjour,\n\nJe ne me représente pas en juin, mais je signe avec conviction cet appel, qui sera utile à {e(p, 'mon successeur', 'mon ou ma successeur·e')}.\n\n"
                f"{nm}\n{cap1(ttl)}",
                f"Bonjour,\n\nJe signe l'appel. J'espère que la ou le prochain ministre le lira !\n\n{nm}\n{cap1(ttl)}\n\n{banner}",
                f"Bonjour,\n\nAprès le second tour de la présidentielle, il est temps de parler des vrais sujets. Je signe.\n\n{nm}\n{cap1(ttl)}",
                f"Je signe l'appel. Nous en reparlerons après les législatives.\n{nm}\n{cap1(ttl)}",
            ][k]
            addr = inst_addr(p, rng) if p.kind != "mai" and k % 2 == 0 else addr_of(p, rng)
            m = self.reply_call(
                "legislatives", clients[k], display(p, "cased"), addr, lo=60, hi=420
            )
            if k in (1, 4, 8):
                m.in_reply_to = m.references = ""
                m.subject = ["Signature appel", "appel école", "Soutien appel école au village"][
                    (1, 4, 8).index(k)
                ]
                self.body(m, text)
            else:
                self.from_call(m, text)
            self.sign(m, "legislatives", p)

    def fake_pdf(self) -> bytes:
        r = self.rng
        return (
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
            b"endobj\ntrailer\n<< /Root 1 0 R /ID [<" + hx(r, 32).encode() + b">] >>\n%%EOF\n"
        )

    def formal_letter(self):
        """A formal letter pasted in the body (letterhead, Objet, Réf., formule, « Le Maire, »), sometimes
        with the signed PDF attached, sometimes sent by the secretariat."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "zimbra",
            "laposte",
            "outlook_desktop",
            "thunderbird",
            "outlook_desktop",
            "orange",
            "zimbra",
        ]
        kinds = [("mai",), ("mai",), ("cd",), ("sen",), ("mai",), ("cd",), ("mai",), ("ma",)]
        for k in range(8):
            pred = (lambda x: x.fonction.startswith("Président")) if k == 5 else (lambda x: True)
            if k == 7:
                pred = lambda x: x.coll in ("94", "972", "973")  # noqa: E731
            p = self.signer(kinds[k], pred)
            ref = f"{''.join(w[0] for w in p.prenom.split('-'))}{p.nom[:2]}/{rng.choice(['SG', 'CAB', 'DGS'])}/2022-{rng.randint(40, 180):03d}"
            if p.kind == "mai":
                head = f"RÉPUBLIQUE FRANÇAISE\n{dept_name(p.dep).upper()}\nCOMMUNE {de_place(p.commune, p.tl).upper()}\n\n"
                signoff = f"{e(p, 'Le Maire', 'La Maire')},\n\n{p.prenom} {p.nom}"
                place = p.commune
            elif p.kind == "cd":
                head = f"{dept_house(p).upper()}\n{'Cabinet du Président' if p.fonction.startswith('Président') else 'Conseil départemental'}\n\n"
                signoff = (
                    f"{e(p, 'Le Président du Conseil départemental', 'La Présidente du Conseil départemental')},\n\n{p.prenom} {p.nom}"
                    if p.fonction.startswith("Président")
                    else f"{p.prenom} {p.nom}\n{title(p, rng)}"
                )
                chef = DEPTS.get(p.dep, {}).get("chefLieu", "")
                place = COMMUNES[chef]["nom"] if chef in COMMUNES else "Strasbourg"
            elif p.kind == "sen":
                head = f"SÉNAT\n{title(p, rng).upper()}\n\n"
                signoff = f"{p.prenom} {p.nom}\n{title(p, rng)}"
                place = "Paris"
            else:
                head = f"{ {'94': 'COLLECTIVITÉ DE CORSE', '972': 'COLLECTIVITÉ TERRITORIALE DE MARTINIQUE', '973': 'COLLECTIVITÉ TERRITORIALE DE GUYANE'}.get(p.coll, '') }\n\n"
                signoff = f"{p.prenom} {p.nom}\n{ma_title(p)}"
                place = {"94": "Ajaccio", "972": "Fort-de-France", "973": "Cayenne"}.get(p.coll, "")
            t = self.clock.t
            letter = (
                f"{head}{place}, le {t.day} {FR_MONTHS[t.month - 1]} {t.year}\n\nRéf. : {ref}\n\n"
                f"{ORG_NAME}\n{ORG_ADDR}\n\nObjet : {CALL_TITLE}\n\nMadame, Monsieur,\n\n"
                f"Par courriel du 26 avril dernier, vous avez bien voulu me faire parvenir l'{CALL_TITLE[0].lower()}{CALL_TITLE[1:]}. "
                f"J'ai l'honneur de vous faire connaître que j'y apporte mon plein soutien et que vous pouvez faire figurer mon nom "
                f"parmi les signataires.\n\nJe vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n"
                f"{signoff}"
            )
            sec = k in (1, 4, 6)
            if sec:
                sfn, snm = self.staffer()
                top = (
                    f"Bonjour,\n\nVeuillez trouver ci-dessous et en pièce jointe le courrier de {e(p, 'M. le Maire', 'Mme la Maire')} "
                    f"relatif à votre appel.\n\nCordialement,\n{sfn} {nom_case(snm)}\nSecrétariat de mairie\n\n"
                    + "_" * 32
                    + "\n\n"
                )
                name, addr = f"Mairie {de_place(p.commune, p.tl)}", mairie_addr(p, rng)
            else:
                top = ""
                name, addr = (
                    display(p, "cased"),
                    inst_addr(p, rng) if p.kind != "mai" else addr_of(p, rng),
                )
            subj = rng.choice(
                [
                    "Courrier – " + CALL_TITLE,
                    f"Réf. {ref} – Appel école au village",
                    "Votre appel du 26 avril 2022",
                    "Courrier",
                ]
            )
            m = self.new("formal_letter", clients[k], name, addr, subj)
            self.body(m, top + letter)
            if k in (0, 1, 4, 7):
                m.attach = [
                    (
                        rng.choice(
                            [
                                "Courrier appel ecole.pdf",
                                f"{ref.replace('/', '_')}.pdf",
                                "scan0001.pdf",
                            ]
                        ),
                        "application/pdf",
                        self.fake_pdf(),
                    )
                ]
            self.sign(m, "formal_letter", p)

    def reply_all_quote(self):
        """Officials' own thread (organisers in copy): a colleague hesitates (quoted with name and mandate),
        the writer signs; the quoted colleague is not a signer."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "thunderbird",
            "apple",
            "zimbra",
            "gmail",
            "roundcube",
            "iphone",
            "outlook_mac",
        ]
        hes = [
            "Chers collègues,\n\nAvez-vous vu cet appel ? Je ne sais pas si je vais signer, le point 2 me semble irréaliste.",
            "Bonjour à tous,\n\nJe ne signerai pas : je préfère que l'association départementale porte la position.",
            "Salut à tous,\n\nQuelqu'un sait qui est derrière ce collectif ? Avant de signer j'aimerais en savoir plus.",
            "Bonsoir,\n\nJe transmets pour info, je n'ai pas encore d'avis.",
        ]
        for k in range(9):
            p = self.signer(("mai", "cd", "mai", "cr", "dep"))
            col = self.official(("mai", "cd"))
            cnm = display(col, "cased")
            cq = f"{hes[k % 4]}\n\n{cnm}\n{title(col, rng)}"
            prev = Mail(
                "",
                "gmail",
                cnm,
                addr_of(col, rng),
                "Appel école au village – on signe ?",
                aware(self.clock.t - dt.timedelta(hours=rng.randint(2, 30))),
                msgid("gmail", "gmail.com", rng, self.clock.tick(1, 2)),
            )
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            top = [
                f"Moi je signe. {nm}, {title(p, rng, cap=False)}",
                f"Bonjour,\n\nPour ma part je signe (organisateurs en copie).\n\n{nm}\n{title(p, rng)}",
                f"Je comprends tes réserves mais je signe quand même : {nm}, {title(p, rng, cap=False)}.",
                f"Je signe, et je mets les organisateurs en copie.\n{nm}\n{title(p, rng)}",
                f"Bonjour,\n\nC'est un collectif sérieux, j'ai vérifié. Je signe : {nm}, {title(p, rng, cap=False)}.\n\nCordialement",
                f"Je signe ! {nm} – {title(p, rng, cap=False)}",
                f"Bonsoir,\nje signe l'appel (copie aux organisateurs).\n{nm}, {title(p, rng, cap=False)}",
                f"Signé de mon côté. {nm}, {title(p, rng, cap=False)}",
                f"Bonjour,\n\nJe signe pour ma part.\n\n{nm}\n{title(p, rng)}",
            ][k]
            addr = addr_of(p, rng) if p.kind == "mai" else inst_addr(p, rng)
            m = self.new(
                "reply_all_quote",
                clients[k],
                display(p, "cased"),
                addr,
                self.reply_subject(clients[k], prev.subject),
                in_reply_to=prev.mid,
                references=prev.mid,
            )
            m.to = f"{cnm} <{prev.from_addr}>"
            m.cc = f"{ORG_NAME} <{ORG_ADDR}>"
            self.body(m, top, prev, cq)
            self.sign(m, "reply_all_quote", p)

    # ---------------------------------------------------------------- non-signing messages
    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor
            and per[s[0].file] == 1
            and s[0].client not in ("plain", "organisers")
            and "ask_mandate" not in s[0].file
        ]

    def question(self):
        rng = self.rng
        qs = [
            (
                "mai",
                "gmail",
                "Question",
                "Bonjour,\n\nJe suis aussi président du SIVOS : puis-je signer au nom du syndicat plutôt qu'en mon nom ? J'attends votre réponse avant de signer.",
            ),
            (
                "sen",
                "outlook_desktop",
                "Publication de la liste",
                "Bonjour,\n\nLa liste sera-t-elle publiée avant le second tour des législatives ? Si oui, je préfère attendre.",
            ),
            (
                "cd",
                "zimbra",
                "Appel – question",
                "Bonjour,\n\nLe point 3 chiffre-t-il le coût du transport des maternelles ? Nos services me posent la question avant que je signe.",
            ),
            (
                "mai",
                "orange",
                "question",
                "bonjour, une commune nouvelle de 2 400 habitants avec des écoles dans chaque commune déléguée, on est concernés par le point 1 ?",
            ),
            (
                "dep",
                "outlook_desktop",
                "Appel école – ministre",
                "Bonjour,\n\nÀ qui l'appel sera-t-il remis si le gouvernement change en mai ? Merci de me tenir au courant.",
            ),
            (
                "cr",
                "thunderbird",
                "Lycées ?",
                "Bonjour,\n\nL'appel parle des écoles ; la Région n'a pas la compétence. Est-ce que la signature d'élu·es régionaux a un sens ?",
            ),
            (
                "mai",
                "laposte",
                "date limite",
                "Bonjour\nQuelle est la date limite ? Je n'ai plus le premier message.\nMerci",
            ),
        ]
        for kind, client, subj, text in qs:
            p = self.official((kind,))
            addr = inst_addr(p, rng) if kind != "mai" else addr_of(p, rng)
            m = self.new("question", client, display(p, "cased"), addr, subj)
            self.body(m, f"{text}\n\n{self.closing()}\n{self.sigblock(p)}")
            self.label(m, "question", "question", "nonsigning")

    def thanks(self):
        rng = self.rng
        one = self.one_signer_msgs()
        # a refusal
        p = self.official(("mai",))
        m = self.reply_call("thanks", "outlook_desktop", display(p, "cased"), addr_of(p, rng))
        self.from_call(
            m,
            "Bonjour,\n\nMerci pour votre envoi. Je ne signerai pas cet appel : notre commune a choisi le regroupement "
            f"et ne le regrette pas.\n\nCordialement,\n{self.sigblock(p)}",
        )
        self.label(m, "thanks", "other", "nonsigning")
        for k, idx in ((1, 9), (2, 37)):
            src, p, addr = one[idx]
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
                "Merci à vous, et bon courage pour la suite !"
                if k == 1
                else "Parfait, merci. Je fais suivre à mes collègues du canton.",
                prev,
                self.confirmation(p),
            )
            self.label(m, "thanks", "thanks", "nonsigning", refers_to=src.file)
        for k in range(2):
            p = self.official(("cd", "mai", "sen"))
            m = self.new(
                "thanks",
                ["roundcube", "yahoo"][k],
                display(p, "cased"),
                addr_of(p, rng),
                ["Merci", "Webinaire du 19 mai"][k],
            )
            self.body(
                m,
                [
                    "Bonjour,\n\nMerci pour le kit de communication, je le transmets à nos écoles.",
                    "Bonjour,\n\nMerci pour l'invitation au webinaire du 19 mai, je m'inscris.",
                ][k]
                + f"\n\n{self.sigblock(p)}",
            )
            self.label(m, "thanks", "thanks", "nonsigning")

    def autoreply(self):
        rng = self.rng
        one = self.one_signer_msgs()
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        plan = [
            ("dep", "outlook_desktop", "Réponse automatique : " + CALL_SUBJECT),
            ("dep", "gmail", "Permanence fermée"),
            ("cd", "zimbra", "Absence du 26 au 29 mai"),
            ("mai", "orange", "Accusé de réception"),
            ("sen", "outlook_desktop", "Réponse automatique : " + CALL_SUBJECT),
            ("cr", "outlook_en", "Automatic reply: " + CALL_SUBJECT),
            ("mai", "laposte", "Mairie fermée"),
        ]
        for k, (kind, client, subj) in enumerate(plan):
            p = self.official((kind,))
            ttl = title(p, rng)
            text = [
                f"Bonjour,\n\nJe suis en campagne pour les élections législatives et ne consulte mes courriels qu'irrégulièrement jusqu'au 19 juin. "
                f"Pour toute urgence, contactez ma permanence au {self.phone()}.\n\n{display(p, 'std')}\n{ttl}",
                f"Message automatique\n\nLa permanence parlementaire de {display(p, 'cased')}, {ttl}, est fermée pendant la période électorale "
                f"(du 16 mai au 19 juin 2022). Votre message sera traité à la réouverture.",
                f"Je suis absent{e(p, '', 'e')} pour le pont de l'Ascension, du 26 au 29 mai inclus.\n\n{display(p, 'std')}\n{ttl}",
                f"Votre courriel a bien été reçu par la mairie {de_place(p.commune, p.tl) if p.commune else ''}. Il sera transmis à "
                f"{e(p, 'M. le Maire', 'Mme la Maire')}, {display(p, 'std')}.\nLe secrétariat est ouvert le lundi et le jeudi de 9h à 12h.",
                f"Je suis actuellement en déplacement avec la délégation du Sénat et ne pourrai pas vous répondre avant le 6 juin.\n\n{display(p, 'std')}\n{ttl}",
                f"I am out of the office until 30 May. / Je suis absent{e(p, '', 'e')} jusqu'au 30 mai.\n\n{display(p, 'std')}\n{ttl}",
                f"La mairie {de_place(p.commune, p.tl) if p.commune else ''} sera fermée du 30 mai au 3 juin. En cas d'urgence, "
                f"contactez {e(p, 'M. le Maire', 'Mme la Maire')} ({display(p, 'std')}) au {self.phone(True)}.",
            ][k]
            addr = (
                addr_of(p, rng)
                if kind == "mai" and k != 3
                else (mairie_addr(p, rng) if kind == "mai" else inst_addr(p, rng))
            )
            m = self.new(
                "autoreply",
                client,
                display(p, "cased") if kind != "mai" else f"Mairie {de_place(p.commune, p.tl)}",
                addr,
                subj,
                extra=auto,
            )
            self.body(m, text, html=False)
            self.label(m, "autoreply", "autoreply", "nonsigning")
        # an out-of-office of a collaborateur quoting the organisers' confirmation of a signature
        src, p, addr = one[21]
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
            aware(self.clock.t - dt.timedelta(minutes=4)),
            "",
        )
        self.body(
            m,
            "Je suis en congé jusqu'au 7 juin. Pour toute demande urgente, merci de contacter la permanence.",
            prev,
            self.confirmation(p),
            html=False,
        )
        self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)
        # a bounce
        m = self.new(
            "autoreply",
            "plain",
            "Mail Delivery Subsystem",
            "mailer-daemon@googlemail.com",
            "Delivery Status Notification (Failure)",
            extra="Auto-Submitted: auto-replied",
        )
        m.text = (
            "** Adresse introuvable **\n\nVotre message n'a pas pu être distribué à mairie.sainte-colombe-ancienne@wanadoo.example, car l'adresse est "
            f"introuvable ou ne peut pas recevoir de courrier.\n\n----- Original message -----\nSubject: [Relance] {CALL_SUBJECT}\n"
        )
        self.label(m, "autoreply", "autoreply", "nonsigning")

    def newsletter(self):
        """Bulk letters naming officials (not signatures sent to the organisers)."""
        rng = self.rng
        for k in range(4):
            ps = [self.official(("mai", "cd", "sen", "dep")) for _ in range(3)]
            if k == 0:
                dep = ps[0].dep
                lst = "\n".join(f"• {display(x, 'std')}, {title(x, rng, cap=False)}" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "La Lettre des maires ruraux",
                    "lettre@maires-ruraux-infos.example",
                    f"La Lettre – mai 2022 (n° {rng.randint(80, 140)})",
                    extra="Precedence: bulk\nList-Unsubscribe: <mailto:stop@maires-ruraux-infos.example>",
                )
                m.text = f"LA LETTRE DES MAIRES RURAUX – MAI 2022\n\nÉcole : plusieurs élu·es ont pris position ce mois-ci, dont\n{lst}\n\nÀ lire aussi : la carte scolaire {de_dept(dep)}.\n\nSe désabonner : répondre STOP"
            elif k == 1:
                lst = "; ".join(f"{display(x, 'cased')} ({title(x, rng, cap=False)})" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Revue de presse Éducation",
                    "revue@presse-education.example",
                    "Revue de presse du 12 mai 2022",
                    extra="Precedence: bulk\nList-Unsubscribe: <mailto:revue-off@presse-education.example>",
                )
                m.text = f"REVUE DE PRESSE – ÉDUCATION\n\nCarte scolaire : la presse régionale donne la parole à {lst}.\n\nBonne lecture."
            elif k == 2:
                posts = "\n".join(
                    f"------------------------------\n\nMessage: {i + 1}\nFrom: {display(x, 'cased')} <{addr_of(x, rng)}>\nSubject: Re: appel école au village\n\n"
                    f"J'ai signé l'appel hier. {display(x, 'std')}, {title(x, rng, cap=False)}\n"
                    for i, x in enumerate(ps)
                )
                m = self.new(
                    "newsletter",
                    "plain",
                    "",
                    "parents-rpi-request@listes.parents-ecole.example",
                    f"Digest parents-rpi, Vol 12, Parution {rng.randint(3, 30)}",
                    extra="Precedence: bulk\nList-Unsubscribe: <mailto:parents-rpi-leave@listes.parents-ecole.example>",
                )
                m.text = f"Envoyez vos messages pour la liste parents-rpi à\n\tparents-rpi@listes.parents-ecole.example\n\nThèmes du jour :\n\n   1. Re: appel école au village ({len(ps)} messages)\n\n{posts}\n------------------------------\n\nFin de Digest parents-rpi\n"
            else:
                lst = "\n".join(f"- {display(x, 'std')} — {title(x, rng)}" for x in ps)
                m = self.new(
                    "newsletter",
                    "plain",
                    "Territoires & Éducation",
                    "newsletter@territoires-education.example",
                    "Notre sélection de la semaine",
                    extra="Precedence: bulk\nList-Unsubscribe: <https://territoires-education.example/desabonnement>",
                )
                m.text = f"TERRITOIRES & ÉDUCATION — la newsletter\n\nIls ont témoigné dans notre dossier « École et ruralité » :\n{lst}\n\nVous recevez ce message car vous êtes abonné·e."
            self.label(m, "newsletter", "newsletter", "nonsigning")

    def withdraw(self):
        one = self.one_signer_msgs()
        picks = [one[4], one[19], one[33], one[48], one[62]]
        for k, (src, p, addr) in enumerate(picks):
            client = ["iphone", "gmail", "outlook_desktop", "gmail", "thunderbird"][k]
            text = [
                "Retirez ma signature s'il vous plaît.",
                f"Bonjour,\n\nCompte tenu de la période électorale, je préfère finalement retirer ma signature.\n\n{display(p, 'std')}",
                "Bonjour,\n\nLe conseil municipal n'étant pas unanime, je vous demande de retirer mon nom de la liste des signataires.\n\nCordialement",
                "Finalement je retire ma signature, désolé·e.",
                f"Bonjour,\n\nJe retire mon soutien à l'appel (désaccord sur le point 2).\n\n{self.closing()}\n{display(p, 'cased')}",
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
                self.body(m, text, prev, self.confirmation(p))
            else:
                self.body(m, text)
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def spam(self):
        texts = [
            (
                "Messagerie Orange",
                "securite@orange-verification.example",
                "Votre boîte de réception est pleine",
                "Bonjour,\n\nVotre boîte a atteint 99 % de sa capacité. Cliquez ici pour augmenter votre espace gratuitement : http://orange-verification.example/\n",
            ),
            (
                "Kit Campagne 2022",
                "contact@kit-legislatives.example",
                "Législatives : votre kit de campagne livré en 48h",
                "Madame, Monsieur,\n\nAffiches, tracts, professions de foi : commandez avant le 20 mai. Répondez OUI pour recevoir le devis.\n",
            ),
            (
                "Mobilier Scolaire Direct",
                "ventes@mobilier-ecole.example",
                "Tables et chaises : -25 % avant la rentrée",
                "Bonjour,\n\nÉquipez vos classes pour septembre. Catalogue 2022 en pièce jointe sur simple demande.\n",
            ),
            (
                "Service des impôts",
                "noreply@dgfip-remboursement.example",
                "Remboursement en attente",
                "Bonjour,\n\nVous êtes éligible à un remboursement de 312,40 €. Confirmez vos coordonnées bancaires sous 48 h.\n",
            ),
            (
                "Procuration en ligne",
                "info@procuration-facile.example",
                "Votez par procuration en 2 clics",
                "Bonjour,\n\nService privé : nous établissons vos procurations pour le 12 juin. 9,90 € seulement.\n",
            ),
        ]
        for name, addr, subj, text in texts:
            m = self.new("spam", "plain", name, addr, subj)
            m.text = text
            self.label(m, "spam", "other", "nonsigning")

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
            text = (
                f"Bonjour à toutes et à tous,\n\nPlus que quelques semaines pour signer l'{CALL_TITLE[0].lower()}{CALL_TITLE[1:]} ! Si ce n'est pas déjà "
                f"fait, répondez à ce message avec vos prénom, nom et mandat.\n\nPour le collectif,\n{ORG_FULL[0]}\n\n{org_sig(0)}"
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
            self.label(m, "org_call", "other", "nonsigning")
            return
        ok = [s for s in self.signed if not s[1].impostor]
        sample = ok[5::17][:5]
        rows = "\n".join(
            f"- {display(p, 'std')} ({title(p, rng, cap=False)})" for _, p, _ in sample
        )
        text = (
            f"Bonjour à toutes et à tous,\n\nPoint d'étape : l'appel a déjà reçu plus de 140 signatures d'élu·es, dont :\n\n{rows}\n\n"
            f"Il reste jusqu'au 10 juin pour signer.\n\n{org_sig(1)}"
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
            f"{ORGANISERS[1][0]},\n\nJ'ai classé les réponses des collaborateurs parlementaires à part : on compte le ou la parlementaire, "
            f"pas l'assistant·e. Et les groupes (RPI, département) une signature par élu·e. On fait le point jeudi ?\n\n{ORGANISERS[0][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[0], ORG_ADDR, "Pointage des signatures")
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")

    # ---------------------------------------------------------------- all
    def build(self):
        self.org_call(0)
        self.petit_maire()
        self.collab_parl()
        self.ask_mandate()
        self.parl_self()
        self.exec_delegue()
        self.terse_mobile()
        self.interleaved()
        self.org_call(1)
        self.group_multi()
        self.cc_colleagues()
        self.legislatives()
        self.formal_letter()
        self.reply_all_quote()
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
        (HERE / "registry.txt").write_text(
            "".join(f"{n}\n" for n in REGISTRY_FILES), encoding="utf-8"
        )
        sig = [r for r in self.labels if r["expected"] != "no_signer"]
        print(
            f"{len(self.mails)} messages, {len(sig)} signers ({sum(r['expected'] == 'verified' for r in sig)} officials, "
            f"{sum(r['expected'] == 'not_verified' for r in sig)} impostors)"
        )


if __name__ == "__main__":
    Builder().build()
