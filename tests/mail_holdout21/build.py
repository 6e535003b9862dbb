#!/usr/bin/env python3
"""Twenty-first held-out petition mailbox (tests/mail_holdout21): builder.

    python tests/mail_holdout21/build.py            # rewrites messages/ and labels.csv

Standard library only. Byte-identical on every run: one seeded generator (SEED), a clock that starts
at a fixed date and only moves forward (Paris winter time, November-December 2025), Message-IDs and
MIME boundaries drawn from the generator in each client's own shape. Reads, at build time, the seven
files of ../shared/rne/history named in registry.txt (the registry this corpus is checked against),
the 2022 mayors file of the same folder (former mayors) and the COG (../shared/cog); nothing of
../shared is copied into the repository except, in the messages, the drawn people's name, sex,
mandate and place. Birth dates are read only to tell homonyms apart and are written nowhere.

Written without reading the extraction code, its tests, nor any held-out corpus other than
tests/mail_holdout5 (README and build.py: client quoting, MIME and encoding machinery copied from
it) and tests/mail_holdout19 (README). Campaign: « Pas une nuit sans urgences » (invented).
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

SEED = 2025_1117
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("RNE_SHARED", HERE.parents[2] / "shared"))
HISTORY = SHARED / "rne" / "history"
REGISTRY_FILES = (HERE / "registry.txt").read_text("utf-8").split()
CM_FILE = "2025_cm-sample-gers-loire-atlantique.csv"
HISTORY_MAIRES = HISTORY / "2022-03-09_rne-maires-cp1252.csv"
COG = SHARED / "cog"
OUT = HERE / "messages"
ORG_DOMAIN = "urgences-proximite.example"
ORG_ADDR = f"signatures@{ORG_DOMAIN}"
ORG_LIST = f"elus@listes.{ORG_DOMAIN}"
ORG_NAME = "Collectif Urgences de proximité"
ORGANISERS = [
    ("Bérangère", "QUESNOVAL-DORTHAIS"),
    ("Tugdual", "KERIGONAN-VASTRÈDE"),
]  # invented; checked absent
# secretaries, assistants, relatives' married names, list moderators: invented, checked absent
STAFF = [
    ("Sandrine", "POUDENXIAC"),
    ("Karine", "LABADIOLLE"),
    ("Nadège", "CASTÉRAGNE"),
    ("Maryse", "BOUZINAC-TRÉHOUET"),
    ("Gwenaëlle", "KERDRAOUEN"),
    ("Audrey", "MOULIÉRAC"),
    ("Élodie", "PENVERNIC"),
    ("Stéphane", "TRIBOULAC"),
]
ALT_SURNAMES = ["DARRIGOUSSE", "KERMABONNEC", "LAFFARGUILLE", "PEYROUTASSE", "GOURVÉNAN"]
CALL_TITLE = "Pas une nuit sans urgences"
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


SUMMER = dt.datetime(2026, 3, 29, 2, 0)  # last Sunday of March 2026: CET -> CEST (never reached)


def aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone(dt.timedelta(hours=2 if t >= SUMMER else 1)))


class Clock:
    def __init__(self, rng):
        self.t = dt.datetime(2025, 11, 17, 8, 41)
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
    day = (
        f"{t.day}"
        if client in ("gmail", "android_gmail", "gmail_en", "gmail_engb")
        else f"{t.day:02d}"
    )
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
    if client in ("gmail", "android_gmail", "gmail_en", "gmail_engb"):
        return f"<CA{hx(rng, 1, 'BDFJKLNOP')}{hx(rng, 10, AL)}{hx(rng, 8, AL)}_{hx(rng, 20, AL)}@mail.gmail.com>"
    if client in ("apple", "iphone", "ipad", "outlook_mac", "iphone_en", "apple_engb"):
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
    if client in ("gmail", "android_gmail", "gmail_en", "gmail_engb"):
        return f"000000000000{hx(rng, 16)}"
    if client in ("apple", "iphone", "ipad", "iphone_en", "apple_engb"):
        return f"Apple-Mail={'_' if client in ('apple', 'apple_engb') else '-'}{uuid(rng)}"
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
    "apple_engb": "X-Mailer: Apple Mail (2.3826.700.81)",
    "outlook_en": "Thread-Topic: {TT}\nThread-Index: {TI}\nAccept-Language: en-GB, fr-FR\nContent-Language: en-GB\nX-MS-Has-Attach: ",
    "outlook_android_en": "X-MS-Has-Attach: \nContent-Language: en-US",
}
SMART_QUOTES = {"outlook_desktop", "iphone", "ipad", "apple", "iphone_en", "apple_engb"}
CP1252_ONLY = set("’‘“”–—…œŒ€•")
CRLF_CLIENTS = {"outlook_desktop", "zimbra", "outlook_ios", "outlook_en", "outlook_android_en"}
Q_CLIENTS = {
    "apple",
    "apple_engb",
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
        "gmail_engb",
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
        "gmail_engb",
        "outlook_ios",
        "outlook_mac",
        "thunderbird",
    ):
        return cs.upper() if cs == "utf-8" else cs
    return cs


def part_bytes(client: str, ctype: str, text: str, cs: str, cte: str, declared: str) -> bytes:
    lab = cs_label(client, declared)
    if client in ("apple", "iphone", "ipad", "apple_engb"):
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
        + (
            " (Mac OS X Mail 16.0 \\(3826.200.121\\))"
            if m.client in ("apple", "apple_engb")
            else ""
        )
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
    if client == "gmail_engb":
        return f"\n\nOn {EN_DAYS[t.weekday()]}, {d} {EN_MONTHS[t.month - 1]} {y} at {hm}, {w} wrote:\n\n{q(prev_text)}\n"
    if client == "apple_engb":
        return (
            f"\n\n> On {d} {EN_MONTHS[t.month - 1]} {y}, at {hm}, {w} wrote:\n> \n{q(prev_text)}\n"
        )
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
    if client == "gmail_engb":
        return (
            f'<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On {EN_DAYS[t.weekday()]}, '
            f'{t.day} {EN_MONTHS[t.month - 1]} {t.year} at {t:%H:%M}, {w} wrote:<br></div><blockquote class="gmail_quote" '
            f'style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">{inner}</blockquote></div>\n'
        )
    if client == "apple_engb":
        return (
            f'<div><br><blockquote type="cite"><div>On {t.day} {EN_MONTHS[t.month - 1]} {t.year}, at {t:%H:%M}, {w} wrote:</div>'
            f'<br class="Apple-interchange-newline"><div>{inner}</div></blockquote></div>\n'
        )
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
    if client in ("gmail", "android_gmail", "gmail_en", "gmail_engb"):
        return f'<div dir="ltr">{html_lines(top)}</div>{quoted}'
    if client in ("apple", "iphone", "ipad", "apple_engb"):
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
    "gmail_engb",
    "apple_engb",
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
    "gmail_engb": [("utf-8", "quoted-printable"), ("utf-8", "base64")],
    "apple_engb": [("utf-8", "quoted-printable"), ("windows-1252", "quoted-printable")],
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


# --------------------------------------------------------------------------- the registry (registry.txt)
@dataclass(slots=True)
class P:
    kind: str  # mai adj cm mdel (2025 cm sample), cd, cr, dep, sen; the claimed kind for impostors
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
    circo: int = 0
    impostor: str = ""

    @property
    def f(self) -> bool:
        return self.sexe == "F"

    @property
    def municipal(self) -> bool:
        return self.kind in ("mai", "adj", "cm", "mdel")


def read_rows(path: Path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as fh:
        yield from csv.DictReader(fh, delimiter=";")


def file_kind(name: str) -> str:
    if name == CM_FILE:
        return "cm"
    return name.rsplit("-", 1)[-1].split(".")[0]


REGION_NAMES = {
    "11": ("Île-de-France", 1),
    "24": ("Centre-Val de Loire", 2),
    "27": ("Bourgogne-Franche-Comté", 0),
    "28": ("Normandie", 0),
    "32": ("Hauts-de-France", 4),
    "44": ("Grand Est", 2),
    "52": ("Pays de la Loire", 4),
    "53": ("Bretagne", 0),
    "75": ("Nouvelle-Aquitaine", 0),
    "76": ("Occitanie", 1),
    "84": ("Auvergne-Rhône-Alpes", 1),
    "93": ("Provence-Alpes-Côte d'Azur", 0),
}


class Registry:
    def __init__(self):
        self.births: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(
            set
        )  # folded surname -> folded first names
        self.words: set[str] = set()  # every word of every surname (registry and 2022 mayors)
        self.communes_of: dict[str, set[str]] = defaultdict(set)
        self.pool: dict[str, list[P]] = defaultdict(list)
        self.by_commune: dict[str, list[P]] = defaultdict(list)
        self.mayor_of: dict[str, P] = {}
        self.raw = ""
        self.cm_codes: set[str] = set()  # every commune code of the 2025 municipal sample
        for name in REGISTRY_FILES:
            path = HISTORY / name
            kind = file_kind(name)
            self.raw += path.read_text("utf-8").lower()
            for r in read_rows(path):
                nom, prenom = r.get("Nom de l'élu") or "", r.get("Prénom de l'élu") or ""
                k = ident(nom, prenom)
                self.births[k].add(birth_key(r.get("Date de naissance", "")))
                self.surnames[fold(nom)].add(fold(prenom))
                self.words.update(fold(nom).split())
                cc = r.get("Code de la commune") or ""
                if cc:
                    self.communes_of[k].add(cc)
                    if kind == "cm":
                        self.cm_codes.add(cc)
                p = self.person(kind, r)
                if p is None:
                    continue
                self.pool[p.kind].append(p)
                if p.municipal:
                    self.by_commune[p.commune_code].append(p)
                if p.kind == "mai":
                    self.mayor_of[p.commune_code] = p
        self.former_rows = list(read_rows(HISTORY_MAIRES, "cp1252"))
        for r in self.former_rows:
            self.words.update(fold(r["Nom de l'élu"]).split())

    @staticmethod
    def person(kind: str, r: dict) -> P | None:
        g = r.get
        base = dict(
            nom=g("Nom de l'élu") or "",
            prenom=g("Prénom de l'élu") or "",
            sexe=g("Code sexe") or "",
            fonction=g("Libellé de la fonction") or "",
        )
        if kind == "cm":
            cc, dep = g("Code de la commune"), g("Code du département")
            c = COMMUNES.get(cc)
            if dep not in ("32", "44") or not c:
                return None
            f = base["fonction"]
            k = (
                "mai"
                if f == "Maire"
                else "mdel"
                if f.startswith("Maire délégué")
                else "adj"
                if "adjoint" in f
                else "cm"
            )
            return P(
                k, **base, dep=dep, commune_code=cc, commune=c["nom"], tl=c.get("typeLiaison") or 0
            )
        if kind == "cd":
            dep = g("Code du département")
            if dep not in DEPTS:
                return None
            return P("cd", **base, dep=dep, canton=pretty(g("Libellé du canton") or ""))
        if kind == "cr":
            rc = g("Code de la région")
            if rc not in REGION_NAMES:
                return None
            nm, tl = REGION_NAMES[rc]
            sec = g("Code de la section départementale") or ""
            return P(
                "cr",
                **base,
                region=nm,
                region_code=rc,
                region_tl=tl,
                dep=sec if sec in DEPTS else "",
            )
        if kind == "dep":
            dep = g("Code du département")
            if dep not in DEPTS:
                return None
            code = g("Code de la circonscription législative") or ""
            return P("dep", **base, dep=dep, circo=int(code[-2:]) if code[-2:].isdigit() else 0)
        if kind == "sen":
            dep = g("Code du département")
            if dep not in DEPTS:
                return None
            return P("sen", **base, dep=dep)
        return None

    def unique(self, p: P) -> bool:
        return len(self.births.get(ident(p.nom, p.prenom), ())) == 1

    def absent_word(self, nom: str) -> bool:
        return not (set(fold(nom).split()) & self.words)


FIRST_F = [
    "Maëlys",
    "Ophélie",
    "Bérénice",
    "Soizic",
    "Ludivine",
    "Apolline",
    "Gwendoline",
    "Rosine",
    "Edwige",
    "Servane",
    "Blandine",
    "Capucine",
    "Ombeline",
    "Léontine",
    "Mélisande",
    "Philippine",
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
    "Enguerrand",
    "Barnabé",
    "Aymeric",
    "Gonzague",
    "Évariste",
]
INVENTED_NOMS = [
    "CASTAGNÈDE-SOUBIRAC",
    "KERGUÉLAN-MORVÉZEN",
    "PUJOLLE-DARRIBATS",
    "LESCUDÉ-BARRAQUÉ",
    "TRÉMORVAN",
    "LAFFOURCADE-NAUDÉ",
    "GUILLORMEAU",
    "BÉDOURAT",
    "KERVÉLÉGAN-PRIOUL",
    "SARRAGOUSSE",
    "MOUNICADE",
    "PLOUHINEC-DERVAL",
    "LAGRAVETTE-ESCOUBÈS",
    "KERNÉVEZ-GOASDOUÉ",
]
# Gascon / Breton names of a few communes (traditional forms, as people write them)
LOCAL_NAMES = {
    "Auch": "Aush",
    "Condom": "Condòm",
    "Lectoure": "Lectora",
    "Mirande": "Miranda",
    "Fleurance": "Florença",
    "Eauze": "Eusa",
    "Nogaro": "Nogaròu",
    "Vic-Fezensac": "Vic de Fedensac",
    "Marciac": "Marciac",
    "L'Isle-Jourdain": "L'Isla de Baish",
    "Nantes": "Naoned",
    "Saint-Nazaire": "Sant-Nazer",
    "Guérande": "Gwenrann",
    "Le Croisic": "Ar Groazig",
    "Clisson": "Klison",
    "Châteaubriant": "Kastell-Briant",
    "Pornic": "Pornizh",
    "La Baule-Escoublac": "Ar Baol-Skoubleg",
    "Blain": "Blaen",
    "Savenay": "Savenneg",
    "Herbignac": "Erbigneg",
    "Piriac-sur-Mer": "Penc'hêr",
    "Batz-sur-Mer": "Bourc'h-Baz",
}
DELEG_ALL: dict[
    str, list[tuple[str, str]]
] = {}  # commune nouvelle -> (code, name) of its other communes déléguées
for _c in _ALL:
    if _c.get("type") == "commune-deleguee" and _c.get("chefLieu") and _c["code"] != _c["chefLieu"]:
        DELEG_ALL.setdefault(_c["chefLieu"], []).append((_c["code"], _c["nom"]))
ARRONDISSEMENTS = {
    a["code"]: a for a in json.loads((COG / "arrondissements.json").read_text("utf-8"))
}


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
    ]
    if style == "word" and n < len(words):
        return words[n]
    return f"{n}ème" if style == "eme" else f"{n}e"


def role(p: P, style: str = "e") -> str:
    """The office without its place: « maire », « 2e adjointe au maire », « conseiller départemental »…"""
    f, k = p.fonction, p.kind
    if k == "mai":
        return "maire"
    if k == "mdel":
        return e(p, "maire délégué", "maire déléguée")
    if k == "adj":
        return f"{ordinal(rank(f), p, style)} {e(p, 'adjoint', 'adjointe')} au maire"
    if k == "cm":
        return e(p, "conseiller municipal", "conseillère municipale")
    if k == "cd":
        if f.startswith("Président"):
            return e(p, "président du conseil départemental", "présidente du conseil départemental")
        if "Vice" in f:
            return f"{ordinal(rank(f), p, style)} {e(p, 'vice-président', 'vice-présidente')} du conseil départemental"
        return e(p, "conseiller départemental", "conseillère départementale")
    if k == "cr":
        if f.startswith("Président"):
            return e(p, "président du conseil régional", "présidente du conseil régional")
        if "Vice" in f:
            return f"{ordinal(rank(f), p, style)} {e(p, 'vice-président', 'vice-présidente')} du conseil régional"
        return e(p, "conseiller régional", "conseillère régionale")
    if k == "dep":
        return e(p, "député", "députée")
    if k == "sen":
        return e(p, "sénateur", "sénatrice")
    raise ValueError(k)


def place(p: P) -> str:
    """« de Mirande », « du Gers », « d'Occitanie »… (with its article as the COG writes it)."""
    if p.municipal:
        if p.kind == "mdel":
            return "(commune nouvelle " + de_place(p.commune, p.tl) + ")"
        return de_place(p.commune, p.tl)
    if p.kind in ("cd", "sen"):
        return de_dept(p.dep)
    if p.kind == "cr":
        return de_place(p.region, p.region_tl)
    if p.kind == "dep":
        return f"de la {p.circo}{'re' if p.circo == 1 else 'e'} circonscription {de_dept(p.dep)}"
    raise ValueError(p.kind)


def mandate(p: P, extra: bool = False) -> str:
    s = f"{role(p)} {place(p)}"
    if extra and p.kind == "cd" and p.canton:
        s += f" (canton {de_name(p.canton)})"
    return s


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
        "lower_inv": noacc(f"{nm} {pn}").lower(),
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


def mairie_box(p: P, rng: random.Random) -> str:
    """The shared town-hall address small communes have at their ISP: « mairie.x@orange.fr »."""
    s = slug(p.commune)
    return rng.choice(
        [
            f"mairie.{s}@orange.fr",
            f"mairie-{s}@wanadoo.fr",
            f"mairie.{s.replace('-', '')}@orange.fr",
            f"secretariat.mairie-{s}@orange.fr",
        ]
    )


def town_dom(p: P) -> str:
    return (
        ["mairie-", "ville-", ""][sum(map(ord, p.commune_code or p.commune)) % 3]
        + slug(p.commune)
        + ".fr"
    )


def official_addr(p: P, rng: random.Random) -> str:
    fn, nm = slug(p.prenom).replace("-", ""), slug(p.nom).replace("-", "")
    if p.kind == "cd":
        return f"{fn}.{nm}@cd{p.dep.lower()}.fr"
    if p.kind == "cr":
        return f"{fn}.{nm}@region-{slug(p.region)}.fr"
    if p.kind == "dep":
        return f"{fn}.{nm}@assemblee-nationale.fr"
    if p.kind == "sen":
        return f"{fn[0]}.{nm}@senat.fr"
    if p.municipal and rng.random() < 0.5:
        return f"{rng.choice([fn + '.' + nm, fn[0] + nm])}@{town_dom(p)}"
    return addr_of(p, rng)


def abbrev_commune(name: str, style: str) -> str:
    """« Saint-Clar » -> « St-Clar » / « St Clar »; « Montestruc-sur-Gers » -> « Montestruc s/ Gers »."""
    s = name
    if style in ("st", "st_space", "all"):
        s = re.sub(r"\bSainte-", "Ste-", s)
        s = re.sub(r"\bSaint-", "St-", s)
        if style == "st_space":
            s = s.replace("-", " ")
    if style in ("sur", "all"):
        s = re.sub(r"-sur-", " s/ ", s)
        s = re.sub(r"-(lès|les|lez)-", " / ", s) if style == "all" else s
    return s


def no_article(name: str) -> str:
    for art in ("La ", "Le ", "Les ", "L'"):
        if name.startswith(art):
            return name[len(art) :]
    return name


# --------------------------------------------------------------------------- the call and organisers' texts
ORG_FULL = [f"{fn} {nm}" for fn, nm in ORGANISERS]
CALL = f"""{CALL_TITLE} — appel des élu·es locaux pour les urgences de proximité

Madame la Maire, Monsieur le Maire, Mesdames et Messieurs les élu·es,

Depuis l'été, les services d'urgences de plusieurs hôpitaux de proximité ferment la nuit ou ne reçoivent
plus que les patients « régulés » par le 15. Dans nos communes rurales, cela veut dire parfois une heure
de route, de nuit, pour un enfant qui fait une crise d'asthme ou un agriculteur blessé. Nous, élu·es de
communes, de départements et de régions, quelle que soit notre sensibilité, demandons :

1) qu'aucun service d'urgences ne ferme la nuit sans solution à moins de trente minutes ;
2) des moyens pour les SMUR et les médecins correspondants du SAMU dans les zones blanches ;
3) que les maires soient consultés avant toute fermeture, même « temporaire ».

Pour signer, répondez simplement à ce message en indiquant vos nom, prénom et mandat (commune,
département ou région). Chaque signature est vérifiée dans le Répertoire national des élus avant
publication, le 19 décembre 2025. Date limite : 12 décembre 2025.

Faites suivre à vos collègues : conseils municipaux, adjoint·es, conseillers départementaux et régionaux.

Pour le collectif,
{ORG_FULL[0]} et {ORG_FULL[1]}
{ORG_NAME} — {ORG_ADDR}"""
CALL_SUBJECT = f"{CALL_TITLE} : l'appel des élu·es locaux (signatures avant le 12 décembre)"
CALL_DATE = aware(dt.datetime(2025, 11, 17, 8, 5, 41))
LIST_HEADERS = (
    f"List-Id: <elus.listes.{ORG_DOMAIN}>\nList-Unsubscribe: <mailto:elus-unsubscribe@listes.{ORG_DOMAIN}>\n"
    "Precedence: list\nX-Loop: elus@listes." + ORG_DOMAIN
)


def org_sig(i: int) -> str:
    fn, nm = ORGANISERS[i]
    return f"-- \n{fn} {nom_case(nm)}\n{ORG_NAME}\n{ORG_ADDR}"


# typos older officials make when typing in capitals (applied word by word, some of the time)
TYPOS = {
    "SIGNE": "SINGE",
    "APPEL": "APEL",
    "CORDIALEMENT": "CORDIALMENT",
    "URGENCES": "URGENSES",
    "HOPITAL": "HOPITTAL",
    "BONJOUR": "BONJOURS",
    "MUNICIPAL": "MUNICPAL",
    "SALUTATIONS": "SALUTATION",
    "SOUTIENS": "SOUTIEN",
    "VOTRE": "VOTE",
    "DEPUIS": "DEPUI",
    "MINUTES": "MINUTE",
    "MEDECIN": "MEDCIN",
    "PROCHE": "PROCHES",
}


def caps_typo(text: str, rng: random.Random, keep: tuple[str, ...] = ()) -> str:
    """Capitals without accents, a few typos and less punctuation; the words of `keep` are left as they are."""
    keep_up = {noacc(k).upper() for k in keep}
    out = []
    for line in noacc(text).upper().split("\n"):
        words = []
        for w in line.split(" "):
            core = w.strip(".,;:!")
            if (
                core in TYPOS
                and core not in keep_up
                and rng.random() < (0.15 if core == "SIGNE" else 0.35)
            ):
                w = w.replace(core, TYPOS[core])
            if w.endswith(",") and rng.random() < 0.6:
                w = w[:-1]
            words.append(w)
        out.append(" ".join(words))
    return "\n".join(out)


# --------------------------------------------------------------------------- the builder
class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.reg = Registry()
        for _fn, nm in ORGANISERS + STAFF:
            assert self.reg.absent_word(nm), nm
        for nm in ALT_SURNAMES:
            assert self.reg.absent_word(nm), nm
        for dom in (ORG_DOMAIN, "urgences-proximite", "urgences de proximit"):
            assert dom not in self.reg.raw, dom
        self.invented = [n for n in INVENTED_NOMS if self.reg.absent_word(n)]
        assert len(self.invented) >= 8, self.invented
        self.clock = Clock(self.rng)
        self.n = 0
        self.mails: list[Mail] = []
        self.labels: list[dict] = []
        self.used: set[str] = set()
        self.slot = 0
        self.imp_cycle = ["invented", "other_commune", "relative", "former_2022"]
        self.n_imp = 0
        self._former: list[P] | None = None
        self.signed: list[tuple[Mail, P, str]] = []
        self.staff = list(STAFF)
        self.rng.shuffle(self.staff)
        self.alt = list(ALT_SURNAMES)
        # old names of merged communes, only those that no longer had a council of their own in 2025
        self.deleg = {
            k: [nm for code, nm in v if code not in self.reg.cm_codes]
            for k, v in DELEG_ALL.items()
            if k in self.reg.cm_codes and any(code not in self.reg.cm_codes for code, _ in v)
        }
        self.call: Mail | None = None

    # ---------------------------------------------------------------- drawing
    def ok(self, p: P, space: bool = False) -> bool:
        return (
            bool(p.nom)
            and bool(p.prenom)
            and (space or " " not in p.prenom)
            and "POUSE" not in p.nom
            and "(" not in p.nom
            and len(p.nom) <= 26
            and len(p.prenom) > 2
            and ident(p.nom, p.prenom) not in self.used
            and self.reg.unique(p)
        )

    def take(self, kind: str, pred=lambda p: True, space: bool = False) -> P:
        pool = self.reg.pool[kind]
        for _ in range(200000):
            p = pool[self.rng.randrange(len(pool))]
            if self.ok(p, space) and pred(p):
                self.used.add(ident(p.nom, p.prenom))
                return p
        raise RuntimeError(f"no {kind}")

    def use(self, p: P) -> P:
        self.used.add(ident(p.nom, p.prenom))
        return p

    MUNI = ("cm", "cm", "cm", "adj", "adj", "mai", "mai", "mai")

    def official(self, kinds=None, pred=lambda p: True) -> P:
        return self.take(self.rng.choice(kinds or self.MUNI), pred)

    def signer(
        self, kinds=None, pred=lambda p: True, allow_imp: bool = True, claim: str | None = None
    ) -> P:
        """Two one-signer slots in nine are impostors (the next one when this slot cannot be)."""
        self.slot += 1
        if self.slot % 9 in (0, 5):
            if allow_imp:
                kinds_m = [k for k in (kinds or self.MUNI) if k in ("mai", "adj", "cm")]
                return self.impostor(
                    claim=claim or (self.rng.choice(kinds_m) if kinds_m else "mai")
                )
            self.slot -= 1
        return self.official(kinds, pred)

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
            dep=c["departement"], commune_code=code, commune=c["nom"], tl=c.get("typeLiaison") or 0
        )

    def communes(self, dep: str | None = None) -> list[str]:
        return sorted(
            c for c in self.reg.by_commune if dep is None or COMMUNES[c]["departement"] == dep
        )

    def claim_fonction(self, claim: str) -> str:
        if claim == "mai":
            return "Maire"
        if claim == "adj":
            return f"{self.rng.randint(1, 4)}ème adjoint au Maire"
        return ""

    def impostor(self, t: str | None = None, claim: str = "mai", code: str | None = None) -> P:
        t = t or self.imp_cycle[self.n_imp % 4]
        self.n_imp += 1
        rng, reg = self.rng, self.reg
        if t == "invented":
            for _ in range(500):
                nom = rng.choice(self.invented)
                sexe = rng.choice("FM")
                fn = rng.choice(FIRST_F if sexe == "F" else FIRST_M)
                if ident(nom, fn) in self.used:
                    continue
                self.used.add(ident(nom, fn))
                cc = code or rng.choice(self.communes())
                return P(
                    claim,
                    nom,
                    fn,
                    sexe,
                    **self.at(cc),
                    fonction=self.claim_fonction(claim),
                    impostor=t,
                )
        if t == "other_commune":
            for _ in range(5000):
                real = self.take(rng.choice(("cm", "adj", "mai")))
                mine = reg.communes_of[ident(real.nom, real.prenom)]
                cands = [c for c in self.communes(real.dep) if c not in mine and c != code]
                if code and code not in mine and COMMUNES[code]["departement"] == real.dep:
                    cands = [code]
                cc = cands[rng.randrange(len(cands))]
                return P(
                    claim,
                    real.nom,
                    real.prenom,
                    real.sexe,
                    **self.at(cc),
                    fonction=self.claim_fonction(claim),
                    impostor=t,
                )
        if t == "relative":
            for _ in range(5000):
                cc = code or rng.choice(self.communes())
                members = [
                    x
                    for x in reg.by_commune[cc]
                    if " " not in x.nom
                    and "POUSE" not in x.nom
                    and (claim != "mai" or x.kind == "mai")
                ]
                if not members:
                    continue
                real = members[rng.randrange(len(members))]
                sexe = rng.choice("FM")
                fn = self.first_for(real.nom, sexe)
                if ident(real.nom, fn) in self.used:
                    continue
                self.used.add(ident(real.nom, fn))
                cl = "mai" if claim == "mai" else rng.choice(("cm", "adj"))
                return P(
                    cl,
                    real.nom,
                    fn,
                    sexe,
                    **self.at(cc),
                    fonction=self.claim_fonction(cl),
                    impostor=t,
                )
        if t == "former_2022":
            if self._former is None:
                self._former = []
                for r in reg.former_rows:
                    nom, fn, cc = r["Nom de l'élu"], r["Prénom de l'élu"], r["Code de la commune"]
                    if (
                        r["Code du département"] in ("32", "44")
                        and ident(nom, fn) not in reg.births
                        and cc in reg.by_commune
                        and " " not in fn
                        and len(fn) > 2
                        and len(nom) < 22
                        # nobody of the commune's council carries a word of that surname (a relative, or a shortened name)
                        and not any(
                            set(fold(nom).split()) & set(fold(x.nom).split())
                            for x in reg.by_commune[cc]
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
                assert len(self._former) >= 6, len(self._former)
            for _ in range(5000):
                p = self._former[rng.randrange(len(self._former))]
                if ident(p.nom, p.prenom) in self.used or (code and p.commune_code != code):
                    continue
                self.used.add(ident(p.nom, p.prenom))
                return p
        raise RuntimeError(t)

    def commune_group(self, n: int, dep: str | None = None) -> list[P]:
        """The mayor of a commune and n other members of its council (adjoint·es first)."""
        for _ in range(20000):
            cc = self.rng.choice(self.communes(dep))
            mayor = self.reg.mayor_of.get(cc)
            if mayor is None or not self.ok(mayor):
                continue
            others = [x for x in self.reg.by_commune[cc] if x.kind in ("adj", "cm") and self.ok(x)]
            others = [x for x in others if ident(x.nom, x.prenom) != ident(mayor.nom, mayor.prenom)]
            if len(others) >= n + 2:
                pick = self.rng.sample(others, n)
                pick.sort(key=lambda x: (x.kind != "adj", rank(x.fonction), x.nom))
                for x in [mayor, *pick]:
                    self.use(x)
                return [mayor, *pick]
        raise RuntimeError("commune group")

    # ---------------------------------------------------------------- messages and labels
    def new(
        self,
        shape: str,
        client: str,
        from_name: str,
        from_addr: str,
        subject: str,
        lo=8,
        hi=150,
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
        thread=None,
        refers_to="",
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
            row.update(nom=p.nom, prenom=p.prenom, impostor_type=p.impostor)
            if p.impostor:
                row.update(case="impostor", expected="not_verified")
            elif p.kind in ("dep", "sen"):
                row.update(
                    case="not_eligible",
                    expected="not_verified",
                    truth_kind=p.kind,
                    truth_code_departement=p.dep,
                )
            else:
                row.update(case="official", expected="verified")
                if p.municipal:
                    row.update(
                        truth_kind="cm",
                        truth_code_commune=p.commune_code,
                        truth_code_departement=p.dep,
                    )
                elif p.kind == "cd":
                    row.update(truth_kind="cd", truth_code_departement=p.dep)
                else:
                    row.update(truth_kind=p.kind)
        row["_mail"] = m
        self.labels.append(row)

    def sign(self, m: Mail, shape: str, p: P, thread=None, intent="signs"):
        self.label(m, shape, intent, "", p, thread)
        self.signed.append((m, p, m.from_addr))

    def case(self, p: P) -> str:
        if p.impostor:
            return "impostor"
        return "not_eligible" if p.kind in ("dep", "sen") else "official"

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
            top = f"{top.rstrip()}\n\n{foot}" if client != "outlook_ios" or prev is None else top
        me = (prev.to or m.from_addr) if prev is not None else m.from_addr
        quoted = quote_text(client, prev, prev_text, me) if prev is not None else ""
        m.text = top + quoted
        if html is None:
            html = client in HTML_CLIENTS and self.rng.random() < 0.4
        if html and client in HTML_CLIENTS:
            qh = quote_html(client, prev, prev_text, me) if prev is not None else ""
            m.html = html_doc(client, top, qh)
        return m.text

    def html_only(self, m: Mail, top_html: str) -> None:
        m.text = None
        m.html = top_html

    def reply_subject(self, client: str, subj: str) -> str:
        base = re.sub(r"^((re|RE|Re|TR|Fwd|AW)\s?:\s*)+", "", subj)
        return ("RE: " if client.startswith("outlook") else "Re: ") + base

    def from_call(self, m: Mail, top: str, html: bool | None = None) -> str:
        m.in_reply_to = m.references = self.call.mid
        return self.body(m, top, self.call, CALL, html=html)

    def org_mail(
        self, prev: Mail, prev_text: str, text: str, shape: str, thread: str
    ) -> tuple[Mail, str]:
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
        full = self.body(m, text + f"\n\n{org_sig(i)}", prev, prev_text, html=False)
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
        html=None,
    ):
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
        return m, self.body(m, text, prev, prev_text, html=html)

    def phone(self, mobile: bool = False) -> str:
        pre = (
            "06 39 98"
            if mobile
            else self.rng.choice(["05 36 49", "02 61 91", "05 36 49", "02 61 91"])
        )
        return f"{pre} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)}"

    def confirmation(self, p: P) -> str:
        return (
            f"Bonjour,\n\nVotre signature est bien enregistrée :\n{display(p, 'std')}, {mandate(p)}\n\n"
            f"Elle sera vérifiée puis publiée le 19 décembre. Merci !\n\n{org_sig(0)}"
        )

    # ---------------------------------------------------------------- shapes: one signer per message
    def caps_rural(self):
        """Older rural officials: all capitals, no accents, typos, little punctuation."""
        rng = self.rng
        clients = [
            "orange",
            "laposte",
            "outlook_desktop",
            "yahoo",
            "orange",
            "samsung",
            "zimbra",
            "orange_app",
            "gmail",
            "laposte",
        ]
        for k in range(10):
            kinds = ("cd",) if k == 5 else ("mai", "mai", "cm", "adj")
            p = self.signer(
                kinds, pred=lambda p: p.kind == "cd" or p.dep == "32" or rng.random() < 0.3
            )
            nm = display(p, "caps_noacc" if k % 3 else "caps_inv")
            com = noacc(p.commune).upper().replace("-", " ") if p.commune else ""
            if k == 3 and len(com) > 8:  # a letter dropped in the commune
                i = len(com) // 2 + (1 if com[len(com) // 2] == " " else 0)
                com = com[:i] + com[i + 1 :]
            rl = noacc(role(p, "eme")).upper()
            text = [
                f"Bonjour\nJe signe votre appel pour les urgences. chez nous il faut 50 minutes la nuit pour aller aux urgences c est pas normal\n{nm} {rl} DE {com}\nCordialement",
                f"MADAME MONSIEUR\n\nJE SOUTIENS VOTRE APPEL ET JE LE SIGNE\n\n{nm}\n{rl} {noacc(place(p)).upper()}\n\nSALUTATIONS",
                f"bonjour je signe {nm} {rl} {com} merci a vous",
                f"BONJOUR\n\nJE SIGNE\n\n{nm}\n{rl} DE {com}",
                f"OUI JE SIGNE\n{nm} {rl} {com} ({p.dep})",
                f"{rl} {noacc(place(p)).upper()} CANTON {noacc(p.canton).upper()}\nJE SIGNE L APPEL\n{nm}",
                f"BONJOUR\nSUITE A VOTRE MAIL JE VOUS DONNE MON ACCORD POUR LA SIGNATURE\n{nm} {rl} {com}\nA VOTRE DISPOSITION",
                f"BONJOUR MADAME\nJE SIGNE BIEN SUR. LE MEDECIN EST PARTI A LA RETRAITE EN JUIN ET PERSONNE POUR LE REMPLACER ALORS SI EN PLUS LES URGENCES FERMENT LA NUIT\n{rl} DE {com}\n{nm}",
                f"BONJOUR\nJE SIGNE POUR MA COMMUNE {com} ET POUR LES GENS DU CANTON\n{nm}\n{rl}\nCORDIALEMENT",
                f"BONSOIR\nMOI AUSSI JE SIGNE VOTRE PETITION IL Y A PLUS DE MEDECIN PROCHE\nMERCI\n{nm} {rl} A {com}",
            ][k]
            text = caps_typo(text, rng, keep=tuple(nm.split()) + tuple(com.split()))
            subj = [
                "SIGNATURE",
                "APPEL",
                "urgences",
                "RE: " + CALL_SUBJECT,
                "JE SIGNE",
                "",
                "PETITION",
                "Re: " + CALL_SUBJECT,
                "signature",
                "URGENCES",
            ][k]
            addr = mairie_box(p, rng) if p.municipal and k in (0, 6, 9) else addr_of(p, rng)
            fn = (
                ""
                if k in (2, 4)
                else (
                    "MAIRIE " + noacc(p.commune).upper()
                    if "mairie" in addr
                    else display(p, "caps_noacc")
                )
            )
            m = self.new("caps_rural", clients[k], fn, addr, subj)
            if k in (3, 7):
                self.from_call(m, text, html=False)
            else:
                self.body(m, text, html=False)
            self.sign(m, "caps_rural", p)

    def sms_style(self):
        """Phone shorthand: « jsigne », « ok pr moi », « cdlt », « bjr »."""
        rng = self.rng
        clients = [
            "iphone",
            "samsung",
            "android_gmail",
            "orange_app",
            "iphone",
            "outlook_ios",
            "samsung",
            "iphone",
            "android_gmail",
            "gmail",
        ]
        for k in range(10):
            p = self.signer(("cr",) if k == 6 else None)
            com = p.commune
            rl = role(p)
            short = {
                "mai": "maire",
                "adj": f"{rank(p.fonction)}{'ere' if rank(p.fonction) == 1 and p.f else 'er' if rank(p.fonction) == 1 else 'e'} adj",
                "cm": "cm",
                "mdel": "maire délégué",
            }.get(p.kind, rl)
            text = [
                f"jsigne. {display(p, 'std')} {short} {com}",
                f"ok pr moi. {display(p, 'cased')} {rl} de {com}. cdlt",
                f"Bjr jsuis {short} a {com} ({p.dep}) jsigne evidemment. {display(p, 'cased')}. Bne journée",
                f"+1 ! {display(p, 'inv')}, {short.upper() if short == 'cm' else short} {com}",
                f"Signé 👍 {display(p, 'std')} - {short} {com}",
                f"oui jsigne pr l'hopital !! {p.prenom} {nom_case(p.nom)}, {short} de {com}",
                f"jsigne aussi. {display(p, 'cased')} {e(p, 'cons.', 'cons.')} rég. {p.region} slt",
                f"dac pr moi, stp ajoutez moi. {initials(p.prenom, 'nodot')}. {p.nom} {short} {com} cdlt",
                f"slt jsigne, c important pr nous. {display(p, 'lower')} {short} {noacc(com).lower()} a+",
                f"ok\n\n--\n{display(p, 'std')}\n{cap1(rl)} {place(p)}",
            ][k]
            if k == 6:
                text = f"jsigne aussi. {display(p, 'cased')} {e(p, 'cons.', 'cons.')} rég. {REGION_SHORT.get(p.region_code, p.region)} slt"
            fn = display(p, "cased") if k not in (0, 8) else ""
            m = self.new(
                "sms_style",
                clients[k],
                fn,
                addr_of(p, rng),
                [
                    "",
                    "Re: " + CALL_SUBJECT,
                    "Signature",
                    "Re: " + CALL_SUBJECT,
                    "👍",
                    "",
                    "Re: " + CALL_SUBJECT,
                    "",
                    "jsigne",
                    "Re: " + CALL_SUBJECT,
                ][k],
                lo=5,
                hi=90,
            )
            if k in (1, 3, 6, 9):
                self.from_call(m, text, html=False)
            else:
                self.body(m, text, html=False)
            self.sign(m, "sms_style", p)

    def secretariat(self):
        """A secretary types from the shared town-hall address for the mayor (once for the mayor and an adjoint)."""
        rng = self.rng
        clients = [
            "orange",
            "outlook_desktop",
            "orange",
            "thunderbird",
            "laposte",
            "orange",
            "zimbra",
            "outlook_desktop",
            "orange",
            "yahoo",
        ]
        for k in range(10):
            if k == 6:
                grp = self.commune_group(1)
                p, adj = grp[0], grp[1]
            else:
                p, adj = self.signer(("mai",), claim="mai"), None
            st = self.staff[k % len(self.staff)]
            sec = f"{st[0]} {nom_case(st[1])}" if k % 2 else st[0]
            box = mairie_box(p, rng)
            fn = rng.choice(
                [
                    f"Mairie {de_place(p.commune, p.tl)}",
                    f"MAIRIE DE {noacc(p.commune).upper()}",
                    "Secrétariat de mairie",
                    "",
                ]
            )
            mme = e(p, "Monsieur le Maire", "Madame la Maire")
            hours = rng.choice(
                [
                    "Ouvert au public lundi, mardi, jeudi 9h-12h",
                    "Permanences : mardi et vendredi 14h-18h",
                    "Secrétariat ouvert le lundi et le jeudi matin",
                ]
            )
            foot = f"Mairie {de_place(p.commune, p.tl)}\n{rng.choice(['1 place de la Mairie', 'Le Bourg', '2 rue de l’Église'.replace('’', chr(39))])}\n{postcode(p.commune_code)} {noacc(p.commune).upper()}\nTél. {self.phone()}\n{hours}"
            text = [
                f"Bonjour,\n\n{mme}, {display(p, 'std')}, souhaite signer votre appel.\n\nCordialement,\n{sec}\nSecrétariat de mairie\n\n{foot}",
                f"Bonjour,\n\nJe vous transmets la signature de {e(p, 'M. le Maire', 'Mme le Maire')} : {display(p, 'cased')}, maire {de_place(p.commune, p.tl)}.\n\nBien cordialement,\n\n{sec}\nSecrétaire de mairie",
                f"Bonjour\n{mme} étant absent{e(p, '', 'e')} cette semaine, {e(p, 'il', 'elle')} m'a demandé par téléphone de vous répondre qu'{e(p, 'il', 'elle')} signe l'appel.\n{display(p, 'cased_inv')}, maire\n\n{sec}, pour la mairie",
                f"Bonjour,\n\nÀ la demande de {e(p, 'Monsieur', 'Madame')} {nom_case(p.nom)}, maire, je vous confirme {e(p, 'son', 'son')} soutien à l'appel « {CALL_TITLE} ». Son prénom : {p.prenom}.\n\nCordialement,\n{sec}\n\n{foot}",
                f"Bonjour,\nLe maire signe : {display(p, 'inv')}.\n{sec} (secrétariat)",
                f"Bonjour,\n\nPour {e(p, 'Monsieur le Maire', 'Madame la Maire')} ({display(p, 'std')}) : c'est oui, {e(p, 'il', 'elle')} signe. {e(p, 'Il', 'Elle')} vous remercie de l'initiative, l'hôpital le plus proche ne reçoit plus la nuit depuis juillet.\n\nLa secrétaire,\n{sec}",
                "",
                f"Bonjour,\n\nSuite à votre courriel, {e(p, 'M.', 'Mme')} le Maire de {p.commune}, {display(p, 'cased')}, signe votre appel.\nJe reste à votre disposition.\n\n{sec}\nAgent administratif\n{foot}",
                f"Bonjour,\nle maire me charge de vous dire qu'{e(p, 'il', 'elle')} signe\n{display(p, 'std')}, {p.commune}\nbonne journée\n{sec}",
                f"Madame, Monsieur,\n\nVeuillez trouver ci-dessous la signature de notre maire, {display(p, 'cased')}.\nCommune {de_place(p.commune, p.tl)} ({p.dep})\n\nCordialement,\n{sec}, secrétaire de mairie",
            ][k]
            if k == 6:
                d_adj = role(adj)
                text = (
                    f"Bonjour,\n\nDeux signatures pour la commune {de_place(p.commune, p.tl)} :\n- {e(p, 'M.', 'Mme')} le Maire, {display(p, 'cased')}\n"
                    f"- {display(adj, 'cased')}, {d_adj}\n\nLes deux m'ont demandé de vous les transmettre.\n\n{sec}\nSecrétariat\n\n{foot}"
                )
            subj = [
                "Appel urgences",
                "Signature de M. le Maire" if not p.f else "Signature de Mme la Maire",
                "Re: " + CALL_SUBJECT,
                "Votre appel",
                "signature",
                "Re: " + CALL_SUBJECT,
                "Signatures commune",
                "Appel - signature",
                "Re: " + CALL_SUBJECT,
                "Signature",
            ][k]
            m = self.new("secretariat", clients[k], fn, box, subj)
            if k in (2, 5, 8):
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "secretariat", p)
            if adj is not None:
                self.sign(m, "secretariat", adj)

    def dictated(self):
        """Dictated or voice-typed text: no punctuation, « virgule », « point à la ligne », recognition errors."""
        rng = self.rng
        clients = [
            "iphone",
            "android_gmail",
            "iphone",
            "samsung",
            "gmail",
            "iphone",
            "android_gmail",
            "apple",
        ]
        for k in range(8):
            p = self.signer(("cd",) if k == 4 else None)
            nm = display(p, "lower")
            com = noacc(p.commune).lower().replace("-", " ") if p.commune else ""
            rl = role(p, "word")
            if k == 4:
                rl, com = f"{rl} {de_dept(p.dep).lower()}", ""
            spelled = " ".join(noacc(p.nom).lower().replace(" ", "").replace("-", ""))
            text = [
                f"bonjour virgule je signe l'appel point je suis {rl} {noacc(de_place(p.commune, p.tl)).lower()} point cordialement {nm}",
                f"Bonjour point à la ligne je vous confirme que je signe votre appel pour les urgences point à la ligne {nm} {rl} à {com}",
                f"bonjour je signe {e(p, 'je suis', 'je suis')} {rl.replace('maire', 'mère')} de {com} {nm}\n\nMessage dicté avec Siri désolé pour les fautes",
                f"Oui je signe {nm} {rl} {noacc(de_place(p.commune, p.tl)).lower().replace('-', ' ')} nouveau paragraphe bonne journée",
                f"bonjour je suis {nm} {rl} je signe votre appel parce que chez nous les urgences de nuit c'est fini depuis l'été point merci",
                f"Bonjour je m'appelle {nm} {spelled} je suis {rl} de {com} et je signe l'appel voilà",
                f"ok je signe virgule {nm} virgule {rl} {com} point",
                f"Bonjour, je signe. {cap1(nm)}, {rl} de {com}. Dicté depuis la voiture, pas relu.",
            ][k]
            subj = [
                "",
                "Re: " + CALL_SUBJECT,
                "Signature",
                "",
                "Re: " + CALL_SUBJECT,
                "Signature appel",
                "",
                "Appel",
            ][k]
            m = self.new(
                "dictated",
                clients[k],
                display(p, "cased") if k % 2 else "",
                addr_of(p, rng),
                subj,
                lo=5,
                hi=100,
            )
            if k in (1, 4):
                self.from_call(m, text, html=False)
            else:
                self.body(m, text, html=False)
            self.sign(m, "dictated", p)

    def gascon_breton(self):
        """Gascon / Occitan greetings in the Gers, Breton ones in Loire-Atlantique; a few commune names in the local language."""
        rng = self.rng
        clients = [
            "gmail",
            "orange",
            "thunderbird",
            "laposte",
            "apple",
            "gmail",
            "zimbra",
            "iphone",
            "outlook_desktop",
            "roundcube",
        ]
        local_codes = {c for c in self.communes() if COMMUNES[c]["nom"] in LOCAL_NAMES}
        for k in range(10):
            dep = "32" if k < 5 else "44"
            want_local = k in (1, 6, 8)
            p = self.signer(
                None,
                pred=lambda p, dep=dep, wl=want_local: (
                    p.dep == dep and (not wl or p.commune_code in local_codes)
                ),
                allow_imp=not want_local,
            )
            if p.impostor and p.dep != dep:
                p = self.official(None, pred=lambda p, dep=dep: p.dep == dep)
            com = p.commune
            loc = LOCAL_NAMES.get(com, "")
            rd = mandate(p)
            nm = display(p, rng.choice(["std", "cased"]))
            text = [
                f"Adishatz,\n\nQue signi l'aperèth, plan segur. Je signe !\n\n{nm}\n{cap1(rd)}\n\nAmistats",
                f"Adiu a totas e a totes,\n\nJe signe votre appel.\n{nm}, {role(p)} de {com} ({loc})\n\nA bèth lèu",
                f"Bonjour,\n\nJe signe, et tant pis pour le patois : que cau defénder l'espitau !\n\n{nm}, {rd}\n\nMercés plan",
                f"Adishatz\nsignature : {display(p, 'inv')}, {rd}\nPlan de bon",
                f"Hèsta ! Enfin un appel qui parle de nous.\n\nJe signe : {nm}, {rd}.\n\nAdiu-siatz",
                f"Demat,\n\nSinañ a ran / je signe.\n\n{nm}\n{cap1(rd)}\n\nKenavo",
                f"Demat deoc'h,\n\n{nm}, {role(p)} e {loc} ({com}), a sin ar galv. Je signe l'appel.\n\nTrugarez vras",
                f"Demat,\nje signe a-greiz kalon (de tout cœur). {nm}, {rd}.\nKenavo ar wech all",
                f"Demat d'an holl,\n\nJe signe pour {loc} / {com}.\n{nm}\n{cap1(role(p))}\n\nNedeleg laouen a-raok an amzer !",
                f"Bonjour,\n\nJe signe. {nm}, {rd}.\n\nTrugarez deoc'h, ha kenavo.",
            ][k]
            subj = [
                "Aperèth",
                "Signatura",
                "Re: " + CALL_SUBJECT,
                "signature",
                "Appel",
                "Sinadur / signature",
                "Galv / appel",
                "Re: " + CALL_SUBJECT,
                "Sinadur",
                "Appel urgences",
            ][k]
            m = self.new(
                "gascon_breton",
                clients[k],
                display(p, "cased"),
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                subj,
            )
            if k in (2, 7):
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "gascon_breton", p)

    def english_client(self):
        """A French answer above the call quoted by an English-configured client (en-GB and en-US)."""
        rng = self.rng
        clients = [
            "gmail_engb",
            "iphone_en",
            "outlook_en",
            "gmail_en",
            "apple_engb",
            "outlook_android_en",
            "gmail_engb",
            "iphone_en",
            "outlook_en",
            "apple_engb",
        ]
        for k in range(10):
            p = self.signer(("cd",) if k == 2 else ("cr",) if k == 7 else None)
            rd = mandate(p, extra=True)
            nm = display(p, rng.choice(["std", "cased", "inv"]))
            text = [
                f"Bonjour,\n\nJe signe.\n\n{nm}\n{cap1(rd)}",
                f"Je signe ! {nm}, {rd}",
                f"Bonjour,\n\nJe soutiens l'appel et le signe.\n\nBien cordialement,\n\n{nm}\n{cap1(rd)}\n\nThis e-mail and any attachments are confidential and intended solely for the addressee.",
                f"Bonjour, j'habite à Londres une partie de l'année, d'où le client en anglais. Je signe bien sûr : {nm}, {rd}.",
                f"Bonjour,\n\nSignature : {nm}, {rd}.\n\nCordialement",
                f"Ok pour moi, je signe. {nm} – {rd}",
                f"Bonjour,\n\nMa fille m'a configuré la messagerie en anglais, désolé. Je signe votre appel.\n\n{nm}\n{cap1(rd)}",
                f"Je signe.\n{nm}\n{cap1(rd)}",
                f"Bonjour,\n\nJe vous confirme ma signature.\n\n{nm} | {cap1(rd)}",
                f"Bonjour,\n\nJe signe avec plaisir.\n\nKind regards / Bien à vous,\n{nm}\n{cap1(rd)}",
            ][k]
            m = self.new(
                "english_client",
                clients[k],
                display(p, "cased"),
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                "",
            )
            m.subject = self.reply_subject(clients[k], CALL_SUBJECT)
            self.from_call(m, text)
            self.sign(m, "english_client", p)

    def long_letter(self):
        """Long rambling letters; the signature sits inside a paragraph in the middle."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "thunderbird",
            "gmail",
            "laposte",
            "apple",
            "zimbra",
            "outlook_mac",
            "yahoo",
        ]
        for k in range(8):
            p = self.signer(("cd",) if k == 3 else ("cr",) if k == 6 else None)
            nm = display(p, rng.choice(["std", "cased"]))
            rd = mandate(p, extra=True)
            since = rng.choice(["2008", "2014", "2001", "2020", "1995"])
            local = {"32": "l'hôpital d'Auch", "44": "l'hôpital de Châteaubriant"}.get(
                p.dep, "l'hôpital du chef-lieu"
            )
            hosp = rng.choice(
                [
                    local,
                    "l'hôpital de secteur",
                    "notre petit hôpital",
                    "le service d'urgences de la sous-préfecture",
                ]
            )
            intro = rng.choice(
                [
                    "Madame, Monsieur,\n\nJ'ai bien reçu votre appel, que m'a aussi transmis une collègue, et je voulais prendre le temps de vous répondre correctement plutôt qu'en deux lignes, parce que le sujet me tient à cœur depuis longtemps.",
                    "Bonjour,\n\nPardon d'avance pour la longueur de ce message, mais il y a des choses qu'il faut dire.",
                    "Chers organisateurs,\n\nVotre courriel est arrivé au moment où nous sortions d'une réunion publique sur la désertification médicale, et je vous avoue qu'il tombe à pic.",
                ]
            )
            story = rng.choice(
                [
                    f"L'été dernier, une voisine de quatre-vingt-sept ans a fait un malaise un dimanche soir ; les pompiers sont arrivés en vingt-cinq minutes, ce qui est déjà bien, mais {hosp} ne recevait plus la nuit et il a fallu aller beaucoup plus loin. Elle s'en est sortie, heureusement, mais la famille ne l'a pas oublié, et moi non plus.",
                    f"Nous avons perdu notre médecin en 2023, le cabinet est resté vide malgré la maison de santé que la commune a financée, et voilà qu'on nous annonce que {hosp} fermera ses urgences la nuit « à titre temporaire », ce qui chez nous veut dire pour toujours.",
                    f"Je me souviens du temps où {hosp} avait une maternité, puis une chirurgie, puis des urgences ouvertes jour et nuit ; on nous a tout retiré par petits bouts, chaque fois en nous disant que c'était pour notre sécurité.",
                ]
            )
            sig = [
                f"C'est pourquoi moi, {nm}, {rd} depuis {since}, je signe votre appel sans la moindre hésitation, et j'ajoute que je suis prêt{e(p, '', 'e')} à venir le dire à Paris s'il le faut, car les habitants ne comprennent plus rien à ces décisions prises loin d'eux.",
                f"Alors oui, je signe — {nm}, {rd} — et je le fais en pensant à tous ceux qui n'ont pas de voiture ou plus l'âge de conduire de nuit, qui sont nombreux chez nous.",
                f"Vous pouvez donc compter sur ma signature ({nm}, {rd}), même si je doute un peu qu'une pétition de plus fasse bouger l'agence régionale de santé.",
                f"Je signe donc, en tant que {rd} ({nm}), et je ferai suivre votre appel à mes collègues du canton qui ne l'auraient pas reçu.",
            ][k % 4]
            after = rng.choice(
                [
                    "J'en profite pour vous dire que la question des SMUR me paraît encore plus urgente que celle des services eux-mêmes : un SMUR à quarante minutes, c'est une éternité pour un infarctus. Il faudrait aussi parler des médecins correspondants du SAMU, que l'on forme trop peu.",
                    "Je vous signale aussi que la réunion des maires de l'intercommunalité a voté une motion dans le même sens le mois dernier ; je pourrai vous la faire parvenir si cela vous est utile pour la conférence de presse.",
                    "Enfin, un petit regret : votre texte ne parle pas des pharmacies de garde, qui sont le dernier recours la nuit et ferment elles aussi. Mais ce sera pour une autre fois.",
                ]
            )
            end = rng.choice(
                [
                    "Bien à vous,",
                    "Avec mes salutations les plus cordiales,",
                    "Amicalement,",
                    "Bon courage à vous, et merci encore,",
                ]
            )
            tail = rng.choice(["", initials(p.prenom) + " " + p.nom[:1] + ".", p.prenom])
            text = f"{intro}\n\n{story}\n\n{sig} {after}\n\nJe sais que les municipales de mars occupent déjà tous les esprits, mais la santé ne devrait pas attendre les élections.\n\n{end}\n{tail}".rstrip()
            m = self.new(
                "long_letter",
                clients[k],
                display(p, "cased"),
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                rng.choice(
                    [
                        "Votre appel",
                        "Urgences de nuit",
                        "Re: " + CALL_SUBJECT,
                        "Soutien (un peu long, pardon)",
                    ]
                ),
            )
            self.body(m, text)
            self.sign(m, "long_letter", p)

    def name_forms(self):
        """Names written otherwise than the RNE row: NOM Prénom, lowercase, initials, part of a compound first name,
        married / maiden name, a usual short form, the surname alone."""
        rng = self.rng
        clients = [
            "outlook_desktop",
            "gmail",
            "laposte",
            "thunderbird",
            "orange",
            "apple",
            "gmail",
            "zimbra",
            "yahoo",
            "iphone",
            "outlook_desktop",
            "roundcube",
        ]
        SHORT = {
            "Catherine": "Cathy",
            "Emmanuel": "Manu",
            "Sandrine": "Sandy",
            "Patricia": "Patou",
            "Jacques": "Jacky",
            "Élisabeth": "Babeth",
            "Elisabeth": "Babeth",
        }
        for k in range(12):
            kinds = None
            pred = lambda p: True  # noqa: E731
            space = False
            if k == 2:  # compound first name with a hyphen, written as initials
                pred = lambda p: "-" in p.prenom and len(p.prenom.split("-")) == 2  # noqa: E731
            elif k in (
                3,
                4,
                5,
            ):  # RNE first names with spaces (two of them where they get hyphenated)
                space = True
                pred = (
                    (lambda p: len(p.prenom.split(" ")) == 2)
                    if k == 3
                    else (lambda p: " " in p.prenom)
                )  # noqa: E731
            elif k == 8:
                pred = lambda p: p.prenom in SHORT  # noqa: E731
            elif k in (6, 7):
                pred = lambda p: p.f  # noqa: E731
            elif k == 9:
                kinds = ("mai",)
            elif k == 1:
                kinds = ("cd",)
            if k in (2, 3, 4, 5, 6, 7, 8, 9):
                p = (
                    self.take(rng.choice(kinds or self.MUNI), pred, space)
                    if k != 9
                    else self.take("mai")
                )
            else:
                p = self.signer(kinds, pred)
            rd = mandate(p)
            pn = p.prenom
            alt = self.alt.pop(0) if k in (6, 7) else ""
            written = [
                f"{noacc(p.nom).upper()} {pn}",  # NOM Prénom
                f"{p.nom} {pn}",
                f"{initials(pn, 'nodot' if k % 2 else 'hy')} {p.nom}",
                pn.replace(" ", "-") + " " + p.nom,  # « Jean Louis » -> « Jean-Louis »
                pn.split(" ")[0] + " " + nom_case(p.nom),  # first of the first names only
                noacc(pn).lower() + " " + noacc(p.nom).lower(),  # lowercase, both names
                f"{pn} {nom_case(p.nom)} née {nom_case(alt)}",  # usual name = RNE name, maiden name added
                f"{pn} {p.nom} épouse {alt}",  # RNE = birth name, married name added
                f"{SHORT.get(pn, pn)} {nom_case(p.nom)}",
                f"{e(p, 'M.', 'Mme')} {nom_case(p.nom)}",  # surname alone
                f"{noacc(p.nom).lower()} {noacc(pn).lower()}",  # nom prénom lowercase
                f"{initials(pn)} {p.nom}",
            ][k]
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n\n{written}\n{cap1(rd)}",
                f"Madame, Monsieur,\n\nVeuillez ajouter ma signature : {written}, {mandate(p, extra=True)}.\n\nCordialement",
                f"Bonjour,\nje signe.\n{written}, {rd}",
                f"Bonjour,\n\nJe m'associe à l'appel.\n\n{written}\n{cap1(rd)}\n\n{self.closing()}",
                f"Je signe : {written}, {rd}.",
                f"{written}, {rd}, signe l'appel",
                f"Bonjour,\n\nJe signe votre appel.\n\n{written}\n{cap1(rd)}",
                f"Bonjour,\n\nMerci pour cette initiative, je signe.\n\n{written}\n{cap1(rd)}",
                f"Coucou l'équipe, je signe bien sûr ! {written}, {rd}",
                f"Bonjour,\n\nLe maire {de_place(p.commune, p.tl)} signe l'appel.\n\n{written}, maire {de_place(p.commune, p.tl)} ({p.dep})",
                f"bonjour\nje signe\n{written}\n{rd}",
                f"Bonjour, je signe. {written}, {rd}.",
            ][k]
            from_name = (
                ""
                if k in (5, 9, 10)
                else (written if k not in (6, 7) else f"{pn} {nom_case(alt if k == 7 else p.nom)}")
            )
            m = self.new(
                "name_forms",
                clients[k],
                from_name,
                addr_of(p, rng),
                rng.choice(["Signature", "Appel urgences", "Re: " + CALL_SUBJECT, "Je signe"]),
            )
            self.body(m, text)
            self.sign(m, "name_forms", p)

    def commune_variants(self):
        """The commune written otherwise: « St », « Ste », « s/ », no article, the old name of a merged commune,
        the postcode, the canton, the arrondissement, capitals without hyphens."""
        rng = self.rng
        clients = [
            "gmail",
            "orange",
            "outlook_desktop",
            "laposte",
            "thunderbird",
            "iphone",
            "zimbra",
            "apple",
            "yahoo",
            "gmail",
            "samsung",
            "roundcube",
        ]
        canton_names = {
            fold(re.sub(r"-\d+$", "", x.canton)) for x in self.reg.pool["cd"] if x.dep == "44"
        }
        preds = [
            lambda p: p.commune.startswith("Saint-"),
            lambda p: p.commune.startswith("Sainte-") or p.commune.startswith("Saint-"),
            lambda p: "-sur-" in p.commune,
            lambda p: "-sur-" in p.commune or "-sous-" in p.commune,
            lambda p: p.tl in (2, 3, 4, 5) and p.commune[:2] in ("La", "Le", "L'"),
            lambda p: p.commune_code in self.deleg,
            lambda p: p.commune_code in self.deleg,
            lambda p: True,
            lambda p: True,
            lambda p: p.dep == "44" and fold(p.commune) in canton_names,
            lambda p: p.dep == "32",
            lambda p: len(p.commune.split("-")) >= 3,
        ]
        for k in range(12):
            p = self.signer(None, preds[k], allow_imp=k not in (5, 6))
            com = p.commune
            written = [
                abbrev_commune(com, "st"),
                abbrev_commune(com, "st_space"),
                abbrev_commune(com, "sur"),
                abbrev_commune(com, "all").replace("-", " "),
                no_article(com),
                rng.choice(self.deleg.get(p.commune_code, [com])),
                f"{rng.choice(self.deleg.get(p.commune_code, [com]))} ({com})",
                f"{postcode(p.commune_code)} {com}",
                f"{postcode(p.commune_code)} {noacc(com).upper()}",
                f"{com} (canton {de_name(com)})",
                f"{com}, arrondissement {de_name(ARRONDISSEMENTS[COMMUNES[p.commune_code]['arrondissement']]['nom'])}",
                noacc(com).upper().replace("-", " "),
            ][k]
            rl = role(p)
            text = [
                f"Bonjour,\n\nJe signe l'appel.\n{display(p, 'std')}, {rl} de {written}",
                f"Bjr,\njsigne\n{display(p, 'cased')} {rl} {written}",
                f"Bonjour,\n\nJe signe : {display(p, 'inv')}, {rl} de {written} ({p.dep}).\n\nCordialement",
                f"Bonjour,\nsignature de {display(p, 'cased')}\n{cap1(rl)} - {written}",
                f"Bonjour,\n\nJe soutiens et signe l'appel.\n\n{display(p, 'cased')}\n{cap1(rl)} de {written}",
                f"Bonjour,\n\nJe signe. {display(p, 'std')}, {rl} de {written}.\n\n(Oui, je sais, c'est une commune déléguée depuis la fusion, mais chez nous on dit toujours comme ça.)",
                f"Bonjour,\n\nJe signe votre appel.\n\n{display(p, 'cased')}\n{cap1(rl)}\n{written}",
                f"Je signe.\n\n{display(p, 'cased')}\n{cap1(rl)}\n{written}",
                f"BONJOUR, JE SIGNE.\n{display(p, 'caps_noacc')}\n{noacc(rl).upper()}\n{written}",
                f"Bonjour,\n\nJe signe l'appel. {display(p, 'std')}, {rl}, {written}.",
                f"Bonjour,\n\nSignature : {display(p, 'cased')}, {rl} de {written} (Gers).",
                f"BONJOUR\nJE SIGNE\n{display(p, 'caps_inv')} {noacc(rl).upper()} {written}",
            ][k]
            m = self.new(
                "commune_variants",
                clients[k],
                display(p, "cased") if k % 3 else "",
                addr_of(p, rng),
                rng.choice(["Signature", "Appel", "Re: " + CALL_SUBJECT, "Je signe", "urgences"]),
            )
            if k in (1, 8):
                self.from_call(m, text)
            else:
                self.body(m, text)
            self.sign(m, "commune_variants", p)

    def elections_2026(self):
        """The coming March 2026 municipal elections: not standing again, candidate, head of list — still in office."""
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "laposte",
            "apple",
            "thunderbird",
            "orange",
            "zimbra",
            "iphone",
        ]
        for k in range(8):
            kinds = (
                ("mai",)
                if k in (0, 1, 3, 7)
                else ("cr",)
                if k == 5
                else ("cm",)
                if k in (2, 4)
                else ("adj",)
            )
            p = self.signer(kinds, claim="mai" if k in (0, 1, 3, 7) else "cm")
            nm = display(p, rng.choice(["std", "cased"]))
            rd = mandate(p)
            near = (
                [c for c in self.communes(p.dep) if c != p.commune_code]
                if p.dep in ("32", "44")
                else []
            )
            near = near or sorted(
                c for c, x in COMMUNES.items() if x.get("departement") == (p.dep or "44")
            )
            oc = COMMUNES[rng.choice(near)]["nom"]
            text = [
                f"Bonjour,\n\nJe signe. Je ne me représente pas en mars, après trois mandats, mais jusqu'au dernier jour je défendrai l'accès aux urgences.\n\n{nm}, {rd}",
                f"Bonjour,\n\nCandidat{e(p, '', 'e')} à ma propre succession en mars, je signe sans hésiter — et je le redirai pendant la campagne.\n\n{nm}\n{cap1(rd)}",
                f"Bonjour,\n\n{cap1(role(p))} d'opposition {de_place(p.commune, p.tl)}, tête de liste en mars 2026, je signe votre appel.\n\n{nm}",
                f"Je passe la main en mars : c'est sans doute ma dernière signature de maire ! Signé : {nm}, {rd}.",
                f"Bonjour,\n\nJe serai candidat{e(p, '', 'e')} en mars à {oc}, où j'ai déménagé, mais je suis toujours {role(p)} {de_place(p.commune, p.tl)} jusque-là : je signe à ce titre.\n\n{nm}",
                f"Bonjour,\n\n{cap1(rd)}, et candidat{e(p, '', 'e')} aux municipales de mars à {oc}, je signe l'appel.\n\n{nm}",
                f"Bonjour,\n\nRéserve électorale oblige, je signe à titre personnel, sans logo ni papier à en-tête : {nm}, {rd}.\n\nCordialement",
                f"Mon mandat se termine en mars et je ne serai pas sur la liste ; d'ici là je suis toujours maire {de_place(p.commune, p.tl)}, et je signe.\n{nm}",
            ][k]
            m = self.new(
                "elections_2026",
                clients[k],
                display(p, "cased"),
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                rng.choice(["Appel", "Signature", "Re: " + CALL_SUBJECT, "Je signe (avant mars)"]),
            )
            self.body(m, text)
            self.sign(m, "elections_2026", p)

    # ---------------------------------------------------------------- shapes: several signers, threads
    def conseil_unanime(self):
        """« Le conseil municipal unanime »: only the people named are signers."""
        rng = self.rng
        clients = ["outlook_desktop", "orange", "thunderbird", "laposte", "zimbra", "gmail"]
        for k in range(6):
            n_other = [2, 0, 3, 0, 1, 2][k]
            grp = self.commune_group(3)
            if k == 2:  # a relative slips into the list: a first name the surname never carries
                grp[3] = self.impostor("relative", claim="cm", code=grp[0].commune_code)
            mayor = grp[0]
            com = de_place(mayor.commune, mayor.tl)
            signers = grp[: n_other + 1]
            lines_a = "\n".join(f"{display(x, 'cased')}, {role(x)}" for x in signers[1:])
            date = rng.choice(["lundi 24 novembre", "jeudi 27 novembre", "mardi 2 décembre"])
            text = [
                f"Bonjour,\n\nLe conseil municipal {com}, réuni {date}, a décidé à l'unanimité de soutenir votre appel.\n\n"
                f"Signent : {display(mayor, 'std')}, maire, ainsi que {display(grp[1], 'std')} ({role(grp[1])}) et {display(grp[2], 'std')} ({role(grp[2])}).\n\nCordialement,\nLa mairie",
                f"Bonjour,\n\nAu nom du conseil municipal unanime, je signe l'appel.\n\n{display(mayor, 'cased')}\nMaire {com}",
                f"Madame, Monsieur,\n\nPour le conseil municipal {com} (délibération du {date.split(' ', 1)[1]}, unanimité des présents) :\n\n"
                f"- {display(mayor, 'inv')}, maire\n"
                + "\n".join(f"- {display(x, 'inv')}, {role(x)}" for x in signers[1:])
                + "\n\nLes autres conseillers signeront individuellement s'ils le souhaitent.",
                f"Bonjour,\n\nLe conseil municipal unanime (11 voix pour) s'associe à l'appel. Extrait du registre des délibérations sur demande.\n\nLe Maire,\n{display(mayor, 'cased')}",
                f"Bonjour,\n\nDélibération n° 2025-{rng.randint(30, 60)} du conseil municipal {com} : motion de soutien adoptée à l'unanimité.\nOnt signé l'appel : {display(mayor, 'cased')}, maire ; {display(grp[1], 'cased')}, {role(grp[1])}.\n\nPour la mairie,\n{self.staff[k][0]}",
                f"Bonjour !\n\nToute l'équipe municipale {com} signe, le conseil a été unanime hier soir. Nommément :\n{display(mayor, 'std')} (maire)\n{lines_a}\net tous les autres, qui vous écriront s'ils trouvent le temps !\n\nBien à vous",
            ][k]
            fn = f"Mairie {com}" if k in (0, 4) else display(mayor, "cased")
            addr = mairie_box(mayor, rng) if k in (0, 4) else official_addr(mayor, rng)
            m = self.new(
                "conseil_unanime",
                clients[k],
                fn,
                addr,
                rng.choice(
                    [
                        "Motion du conseil municipal",
                        "Soutien du conseil municipal",
                        "Appel - conseil municipal",
                        "Re: " + CALL_SUBJECT,
                    ]
                ),
            )
            self.body(m, text)
            for x in signers:
                self.sign(m, "conseil_unanime", x)

    def html_only_shape(self):
        """HTML-only messages (no text part): a short sentence and a signature table or styled block."""
        rng = self.rng
        clients = ["outlook_desktop", "gmail", "apple", "zimbra", "outlook_desktop", "gmail"]
        for k in range(6):
            p = self.signer(("cd",) if k == 1 else ("cr",) if k == 4 else None)
            nm = display(p, rng.choice(["std", "cased"]))
            rl, pl = cap1(role(p)), place(p)
            sigs = [
                f'<table cellpadding="0" cellspacing="0" style="font-family:Arial"><tr><td style="padding-right:12px"><img src="cid:logo{k}@mairie" width="64" alt="logo"></td>'
                f'<td><b style="color:#1F3864">{esc(nm)}</b><br><i>{esc(rl)} {esc(pl)}</i><br>{self.phone()}</td></tr></table>',
                f'<div dir="ltr"><span style="font-size:small"><b>{esc(nm)}</b></span><div><span style="color:#666">{esc(rl)} {esc(pl)}</span></div></div>',
                f'<div style="font-family:Helvetica"><font color="#0b5394"><b>{esc(nm.upper())}</b></font><br>{esc(rl)}<br>{esc(pl[0].upper() + pl[1:])}</div>',
                f'<p><span style="font-size:10pt">--&nbsp;<br><strong>{esc(nm)}</strong><br>{esc(rl)} {esc(pl)}</span></p>',
                f'<p class="MsoNormal"><b><span style="font-size:10.0pt;color:#C00000">{esc(nm)}</span></b><o:p></o:p></p><p class="MsoNormal"><span style="font-size:9.0pt">{esc(rl)} {esc(pl)}</span><o:p></o:p></p>',
                f"<div><b>{esc(nm)}</b> · {esc(rl)} {esc(pl)}</div>",
            ][k]
            lead = [
                "Bonjour,<br><br>Je signe l'appel.<br><br>Cordialement,",
                "Bonjour,<br>je soutiens et signe votre appel.",
                "Je signe !",
                "Bonjour,<br><br>Ma signature pour l'appel «&nbsp;Pas une nuit sans urgences&nbsp;»&nbsp;:",
                "Bonjour,<br><br>Je vous confirme ma signature.",
                "Signature de l'appel&nbsp;:",
            ][k]
            html = (
                '<html><head><meta http-equiv="Content-Type" content="text/html; charset={CHARSET}"></head><body>'
                f'<div style="font-family:Calibri,sans-serif;font-size:11pt">{lead}</div><br>{sigs}</body></html>\n'
            )
            m = self.new(
                "html_only",
                clients[k],
                display(p, "cased"),
                official_addr(p, rng) if not p.impostor else addr_of(p, rng),
                rng.choice(["Signature", "Appel", "Je signe"]),
            )
            self.html_only(m, html)
            self.sign(m, "html_only", p)

    def parlementaire(self):
        """Deputies and senators sign: outside the eligible mandates (municipal, départemental, régional)."""
        rng = self.rng
        clients = ["outlook_desktop", "gmail", "outlook_mac", "iphone", "thunderbird"]
        kinds = ["dep", "dep", "sen", "dep", "sen"]
        for k in range(5):
            p = self.take(kinds[k], lambda p: p.dep in ("32", "44") or rng.random() < 0.05)
            nm = display(p, rng.choice(["std", "cased"]))
            rd = mandate(p)
            st = self.staff[(k + 3) % len(self.staff)]
            text = [
                f"Bonjour,\n\nEn tant que {rd}, je signe votre appel et le relaierai dans l'hémicycle.\n\n{nm}",
                f"Madame, Monsieur,\n\n{e(p, 'Le député', 'La députée')} {nm} m'a demandé de vous transmettre sa signature.\n{cap1(rd)}\n\n{st[0]} {nom_case(st[1])}\nCollaboration parlementaire",
                f"Bonjour,\n\nJe signe : {nm}, {rd}. Je déposerai une question écrite à la ministre sur le même sujet.\n\nBien à vous",
                f"Je signe. {nm}, {rd}",
                f"Bonjour,\n\nSignature : {nm}\n{cap1(rd)}\n\nCordialement",
            ][k]
            addr = (
                official_addr(p, rng)
                if k != 1
                else f"{slug(st[0])}.{slug(st[1]).replace('-', '')}@clb-an.fr"
            )
            m = self.new(
                "parlementaire",
                clients[k],
                display(p, "cased") if k != 1 else f"{st[0]} {nom_case(st[1])}",
                addr,
                rng.choice(["Appel urgences", "Signature", "Re: " + CALL_SUBJECT]),
            )
            self.body(m, text)
            self.sign(m, "parlementaire", p)

    def ask_mandate(self):
        """A signature without mandate; the organisers ask for it; the answer completes the signature."""
        rng = self.rng
        clients = [
            "gmail",
            "orange",
            "iphone",
            "outlook_desktop",
            "laposte",
            "apple",
            "samsung",
            "thunderbird",
            "gmail_engb",
            "yahoo",
        ]
        for k in range(10):
            p = self.signer(("cd",) if k == 5 else None)
            client = clients[k]
            addr = addr_of(p, rng)
            fn = display(p, rng.choice(["std", "cased"]))
            th = f"{self.n + 1:03d}-ask_mandate"
            t1 = [
                f"Je signe !\n{fn}",
                "ok je signe",
                f"Bonjour, je signe votre appel. {p.prenom}",
                f"Bonjour,\n\nJe signe.\n\n{fn}",
                f"Bonjour\nJe suis tout à fait d'accord, je signe.\nBien cordialement\n{fn}",
                f"Signé. {initials(p.prenom)} {nom_case(p.nom)}",
                f"Jsigne {p.prenom}",
                f"Bonjour,\n\nJe m'associe à l'appel.\n\n{fn}",
                f"Count me in — je signe. {fn}",
                f"Bonjour, j'ajoute mon nom. {fn}",
            ][k]
            m1 = self.new(
                "ask_mandate",
                client,
                fn if k != 1 else "",
                addr,
                self.reply_subject(client, CALL_SUBJECT),
            )
            full1 = self.from_call(m1, t1) if k in (1, 4, 8) else self.body(m1, t1)
            self.label(m1, "ask_mandate", "signs", self.case(p), None, th)
            t2 = rng.choice(
                [
                    "Bonjour,\n\nMerci pour votre signature ! Pour que nous puissions la vérifier dans le Répertoire national des élus, pourriez-vous nous indiquer votre mandat et votre commune (ou département, région) ?",
                    "Bonjour,\n\nMerci beaucoup. Il nous manque votre mandat : à quel titre signez-vous (maire, adjoint·e, conseiller·e municipal·e, départemental·e… et de quelle collectivité) ?",
                    "Merci ! Pouvez-vous nous préciser votre nom complet et votre mandat ? Sans cela nous ne pouvons pas publier la signature.",
                ]
            )
            m2, full2 = self.org_mail(m1, full1, t2, "ask_mandate", th)
            rd = mandate(p, extra=True)
            t3 = [
                f"{cap1(rd)}",
                f"dsl ! {display(p, 'std')} {rd}",
                f"Oui pardon : {role(p)} à {p.commune or dept_name(p.dep)} ({p.dep}). {display(p, 'cased')}",
                f"Bonjour,\n\n{cap1(role(p))} {place(p)}.\n\nCordialement,\n{fn}",
                f"Bonjour\nje suis {rd}\n{fn}",
                f"{cap1(rd)}. Nom complet : {display(p, 'std')}.",
                f"{role(p)} {p.commune} ;)",
                f"Bonjour,\n\nBien sûr : {display(p, 'inv')}, {rd}.",
                f"Sorry! {cap1(rd)}.\n\n{fn}",
                f"Bonjour, {rd}. Bonne fin de journée. {p.prenom}",
            ][k]
            if k == 6 and not p.commune:
                t3 = f"{role(p)} {place(p)} ;)"
            m3, _ = self.user_reply(
                m2, full2, fn if k != 1 else "", addr, client, t3, "ask_mandate"
            )
            self.sign(m3, "ask_mandate", p, thread=th)

    # ---------------------------------------------------------------- non-signing messages
    def sigblock(self, p: P) -> str:
        return f"{display(p, 'cased')}\n{cap1(mandate(p))}"

    def one_signer_msgs(self):
        per = Counter(r["message_file"] for r in self.labels if r["expected"] != "no_signer")
        return [
            s
            for s in self.signed
            if not s[1].impostor
            and s[1].kind not in ("dep", "sen")
            and per[s[0].file] == 1
            and "secretariat" not in s[0].file
        ]

    def question(self):
        rng = self.rng
        clients = [
            "gmail",
            "outlook_desktop",
            "zimbra",
            "samsung",
            "orange",
            "thunderbird",
            "outlook_en",
            "laposte",
        ]
        for k in range(8):
            p = self.official(
                ("mai", "cm", "adj", "cd") if k not in (3, 4) else ("cm",) if k == 3 else ("mai",),
                (lambda p: p.dep == "32") if k == 4 else (lambda p: True),
            )
            other = None
            if k == 5 and p.municipal:
                others = [
                    x for x in self.reg.by_commune[p.commune_code] if x.kind == "adj" and self.ok(x)
                ]
                other = self.use(others[0]) if others else None
            text = [
                f"Bonjour,\n\nJe ne me représente pas en mars : ma signature a-t-elle encore un sens si la publication a lieu en décembre ? Je préfère vous poser la question avant de signer.\n\n{self.sigblock(p)}",
                f"Bonjour,\n\nLes conseillers communautaires peuvent-ils signer en tant que tels ? Plusieurs collègues me posent la question.\n\nCordialement,\n{self.sigblock(p)}",
                f"Bonjour,\n\nLa secrétaire de mairie peut-elle envoyer les signatures des élus qui n'ont pas d'adresse électronique ?\n\n{self.sigblock(p)}",
                f"c koi la date limite ? jsuis cm a {p.commune}, jvoudrais en parler au prochain conseil avant. {p.prenom}",
                f"Adishatz,\n\nL'appel est-il aussi envoyé aux élus des Hautes-Pyrénées et des Landes ? Les urgences de notre secteur dépendent de Tarbes et de Mont-de-Marsan.\n\n{self.sigblock(p)}",
                f"Bonjour,\n\nMon adjoint{'' if other is None else ', ' + display(other, 'cased') + ','} a-t-il déjà signé ? Je ne voudrais pas faire doublon en vous envoyant la liste du conseil.\n\n{self.sigblock(p)}",
                f"Hello,\n\nCan the councillors of our twinned town in Wales sign the appeal too, or is it reserved to French elected officials?\n\nBest regards,\n{display(p, 'cased')}\n{cap1(mandate(p))}",
                f"Bonjour,\n\nNous sommes en période préélectorale : signer un appel public est-il compatible avec les règles de communication des collectivités ? J'attends votre réponse avant de signer.\n\n{self.sigblock(p)}",
            ][k]
            m = self.new(
                "question",
                clients[k],
                display(p, "cased"),
                addr_of(p, rng),
                [
                    "Question avant de signer",
                    "Conseillers communautaires ?",
                    "Élus sans e-mail",
                    "date limite ?",
                    "Question",
                    "Doublon ?",
                    "Question about the appeal",
                    "Période préélectorale",
                ][k],
            )
            self.body(m, text)
            self.label(m, "question", "question", "nonsigning")

    def thanks(self):
        rng = self.rng
        one = self.one_signer_msgs()
        for k in range(6):
            if k == 0:
                p = self.official(("cm",))
                mayor = self.reg.mayor_of.get(p.commune_code)
                text = f"Bonjour,\n\nMerci pour l'information, je transmets à notre maire, {display(mayor, 'cased')}, qui vous répondra lui-même s'il le souhaite.\n\n{display(p, 'cased')}\n{cap1(mandate(p))}"
                m = self.new(
                    "thanks", "gmail", display(p, "cased"), addr_of(p, rng), "Re: " + CALL_SUBJECT
                )
                self.from_call(m, text)
                self.label(m, "thanks", "thanks", "nonsigning")
            elif k == 1:
                p = self.official(("mai",))
                text = f"Bonjour,\n\nJe ne signerai pas : je ne souhaite pas m'engager publiquement à quatre mois des municipales, même pour une bonne cause.\n\nCordialement,\n{self.sigblock(p)}"
                m = self.new(
                    "thanks",
                    "outlook_desktop",
                    display(p, "cased"),
                    official_addr(p, rng),
                    "RE: " + CALL_SUBJECT,
                )
                self.from_call(m, text)
                self.label(m, "thanks", "other", "nonsigning")
            elif k in (2, 4, 5):
                src, p, addr = one[{2: 7, 4: 33, 5: 61}[k]]
                client = {2: "iphone", 4: "gmail_engb", 5: "thunderbird"}[k]
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[0][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(hours=20)),
                    "",
                )
                text = {
                    2: "Merci à vous pour ce travail !",
                    4: f"Merci, bon courage pour la suite.\n{p.prenom}",
                    5: f"Merci, mais je crois que c'était déjà fait la semaine dernière depuis une autre adresse. Ne me comptez pas deux fois !\n\n{display(p, 'cased')}",
                }[k]
                m = self.new(
                    "thanks",
                    client,
                    src.from_name or display(p, "cased"),
                    addr,
                    "Re: Votre signature est enregistrée",
                )
                self.body(m, text, prev, self.confirmation(p))
                self.label(m, "thanks", "thanks", "nonsigning", refers_to=src.file)
            else:
                text = "Bonjour,\n\nJe ne suis pas élue, juste infirmière de nuit à la retraite : bravo pour cet appel, j'espère que les maires signeront nombreux.\n\nUne habitante"
                m = self.new("thanks", "yahoo", "", "mamie.ginette32@yahoo.fr", "bravo")
                self.body(m, text)
                self.label(m, "thanks", "thanks", "nonsigning")

    def autoreply(self):
        rng = self.rng
        one = self.one_signer_msgs()
        auto = "Auto-Submitted: auto-replied\nX-Autoreply: yes"
        p = self.official(("mai", "cd"))
        m = self.new(
            "autoreply",
            "outlook_desktop",
            display(p, "cased"),
            official_addr(p, rng),
            "Réponse automatique : " + CALL_SUBJECT,
            extra=auto,
        )
        self.body(
            m,
            f"Bonjour,\n\nJe suis absent{e(p, '', 'e')} jusqu'au 1er décembre inclus. Je prendrai connaissance de votre message à mon retour.\n\n{self.sigblock(p)}",
            html=False,
        )
        self.label(m, "autoreply", "autoreply", "nonsigning")
        p = self.official(("mai",))
        m = self.new(
            "autoreply",
            "orange",
            f"Mairie {de_place(p.commune, p.tl)}",
            mairie_box(p, rng),
            "Absence : " + CALL_SUBJECT,
            extra=auto,
        )
        self.body(
            m,
            f"La mairie est fermée du 24 au 28 novembre. En cas d'urgence, contactez {e(p, 'M. le Maire', 'Mme la Maire')}, {display(p, 'std')}, au {self.phone(True)}.\n\nLe secrétariat",
        )
        self.label(m, "autoreply", "autoreply", "nonsigning")
        p = self.official(("cr",))
        m = self.new(
            "autoreply",
            "outlook_en",
            display(p, "cased"),
            official_addr(p, rng),
            "Automatic reply: " + CALL_SUBJECT,
            extra=auto,
        )
        self.body(
            m,
            f"I am out of the office until 8 December with limited access to e-mail.\nJe suis absent{e(p, '', 'e')} jusqu'au 8 décembre.\n\n{self.sigblock(p)}",
        )
        self.label(m, "autoreply", "autoreply", "nonsigning")
        m = self.new(
            "autoreply",
            "plain",
            "Mail Delivery System",
            "MAILER-DAEMON@listes." + ORG_DOMAIN,
            "Undelivered Mail Returned to Sender",
        )
        m.to = ORG_LIST
        m.text = (
            "This is the mail system at host listes.urgences-proximite.example.\n\nI'm sorry to have to inform you that your message could not\n"
            "be delivered to one or more recipients.\n\n<mairie.ancienne-adresse@wanadoo.fr>: host smtp-in.orange.fr said: 550 5.1.1\n    mailbox unavailable\n"
        )
        self.label(m, "autoreply", "autoreply", "nonsigning")
        d = self.take("dep")
        m = self.new(
            "autoreply",
            "outlook_desktop",
            f"Permanence parlementaire {display(d, 'cased')}",
            f"permanence.{slug(d.nom)}@example-permanence.fr",
            "Accusé de réception",
            extra=auto,
        )
        self.body(
            m,
            f"Madame, Monsieur,\n\nVotre message a bien été reçu par la permanence de {display(d, 'std')}, {mandate(d)}. Il sera traité dans les meilleurs délais.\n\nL'équipe de la permanence",
            html=False,
        )
        self.label(m, "autoreply", "autoreply", "nonsigning")
        src, p, addr = one[45]
        prev = Mail(
            "",
            "organisers",
            f"{ORGANISERS[1][0]} – {ORG_NAME}",
            ORG_ADDR,
            "Votre signature est enregistrée",
            aware(self.clock.t - dt.timedelta(hours=3)),
            "",
        )
        m = self.new(
            "autoreply",
            "zimbra",
            src.from_name or display(p, "cased"),
            addr,
            "Re: Votre signature est enregistrée",
            extra=auto,
        )
        self.body(m, "Je suis en congés, retour le 15 décembre.", prev, self.confirmation(p))
        self.label(m, "autoreply", "autoreply", "nonsigning", refers_to=src.file)

    def withdraw(self):
        one = self.one_signer_msgs()
        for k, idx in enumerate((12, 38, 57, 81)):
            src, p, addr = one[idx]
            client = ["iphone", "outlook_desktop", "orange", "gmail"][k]
            text = [
                "Retirez ma signature svp, mon conseil n'est pas d'accord avec le point 3.",
                f"Bonjour,\n\nAprès réflexion, et à l'approche des municipales, je préfère retirer ma signature.\n\n{display(p, 'std')}",
                "BONJOUR MERCI DE RETIRER MA SIGNATURE JE ME SUIS TROMPE D APPEL\nCORDIALEMENT",
                "Finalement non, retirez-moi de la liste, désolé·e.",
            ][k]
            m = self.new(
                "withdraw",
                client,
                src.from_name,
                addr,
                [
                    "Retrait",
                    "Retrait de ma signature",
                    "RETRAIT",
                    "Re: Votre signature est enregistrée",
                ][k],
            )
            if k == 3:
                prev = Mail(
                    "",
                    "organisers",
                    f"{ORGANISERS[0][0]} – {ORG_NAME}",
                    ORG_ADDR,
                    "Votre signature est enregistrée",
                    aware(self.clock.t - dt.timedelta(hours=30)),
                    "",
                )
                self.body(m, text, prev, self.confirmation(p))
            else:
                self.body(m, text)
            self.label(m, "withdraw", "withdraws", "nonsigning", refers_to=src.file)

    def newsletter(self):
        rng = self.rng
        bulk = "Precedence: bulk\nList-Unsubscribe: <mailto:desinscription@{D}>"
        # 1. an association of mayors' letter naming mayors who spoke at its congress
        ps = [self.official(("mai",), lambda p: p.dep == "32") for _ in range(3)]
        text = (
            "La lettre des maires ruraux — n° 147 — novembre 2025\n\nCongrès départemental : ils ont pris la parole\n\n"
            + "\n".join(
                f"• {display(p, 'cased')}, {mandate(p)}, sur {t}"
                for p, t in zip(ps, ["l'eau potable", "les écoles", "la fibre"], strict=True)
            )
            + "\n\nAgenda : réunion d'information sur les élections municipales de mars 2026, le 4 décembre à Auch.\n"
        )
        m = self.new(
            "newsletter",
            "plain",
            "Maires ruraux du Gers (lettre)",
            "lettre@maires-ruraux-32.example",
            "La lettre des maires ruraux n° 147",
            extra=bulk.replace("{D}", "maires-ruraux-32.example"),
        )
        m.to = "undisclosed-recipients:;"
        m.text = text
        self.label(m, "newsletter", "newsletter", "nonsigning")
        # 2. a press review naming officials who signed another petition
        ps = [self.official(None, lambda p: p.dep == "44") for _ in range(3)]
        text = (
            "Revue de presse santé — semaine 48\n\n"
            + "\n".join(
                f"- « {display(p, 'std')}, {mandate(p)}, a signé la pétition pour le maintien de la maternité » (Ouest-Loire, {d} novembre)"
                for p, d in zip(ps, (24, 26, 27), strict=True)
            )
            + "\n\nCette revue de presse vous est adressée car vous êtes abonné·e à la lettre santé.\n"
        )
        m = self.new(
            "newsletter",
            "plain",
            "Veille santé territoires",
            "veille@sante-territoires.example",
            "Revue de presse santé — semaine 48",
            extra=bulk.replace("{D}", "sante-territoires.example"),
        )
        m.to = "undisclosed-recipients:;"
        m.text = text
        self.label(m, "newsletter", "newsletter", "nonsigning")
        # 3. a hospital federation letter, HTML, no names
        m = self.new(
            "newsletter",
            "plain",
            "Fédération des hôpitaux de proximité",
            "infolettre@hopitaux-proximite.example",
            "Infolettre décembre 2025",
            extra=bulk.replace("{D}", "hopitaux-proximite.example"),
        )
        m.to = "undisclosed-recipients:;"
        m.text = None
        m.html = "<html><body><h1>Infolettre</h1><p>Urgences de nuit : le point sur les fermetures de l'hiver.</p><p>Webinaire le 9 décembre.</p></body></html>\n"
        self.label(m, "newsletter", "newsletter", "nonsigning")
        # 4. a local paper's alert quoting officials who signed this appeal (not a signature sent to the organisers)
        ok = [s for s in self.signed if not s[1].impostor and s[1].municipal]
        picks = [ok[5][1], ok[29][1]]
        text = (
            "L'ÉCHO DES COMMUNES — alerte info\n\nUrgences de nuit : des élus locaux lancent un appel\n\n"
            + "".join(
                f"« On ne peut plus attendre », explique {display(p, 'cased')}, {mandate(p)}, qui a signé l'appel dès la première semaine.\n"
                for p in picks
            )
            + "\nLire la suite sur notre site.\n"
        )
        m = self.new(
            "newsletter",
            "plain",
            "L'Écho des communes",
            "alerte@echo-des-communes.example",
            "Alerte info : urgences de nuit, les élus s'engagent",
            extra=bulk.replace("{D}", "echo-des-communes.example"),
        )
        m.to = "undisclosed-recipients:;"
        m.text = text
        self.label(m, "newsletter", "newsletter", "nonsigning")
        rng.random()

    def spam(self):
        texts = [
            (
                "Support Messagerie",
                "noreply@maj-messagerie-mairie.example",
                "Votre boîte aux lettres est pleine",
                "Bonjour,\n\nVotre quota est atteint. Validez votre compte sous 24 h : http://maj-messagerie-mairie.example/valider\n",
            ),
            (
                "Kit Municipales 2026",
                "contact@kit-campagne.example",
                "Municipales 2026 : votre kit de campagne clé en main",
                "Madame, Monsieur le Maire,\n\nProgramme, tracts, affiches, site internet : tout pour mars 2026 à partir de 1 490 € HT. Répondez OUI pour recevoir le devis.\n",
            ),
            (
                "ANTAI Paiement",
                "avis@amendes-reglement.example",
                "Avis de contravention en attente",
                "Bonjour,\n\nUne contravention de 35 € est en attente. Réglez sous 72 h pour éviter la majoration.\n",
            ),
            (
                "Défibrillateurs Pro",
                "commercial@defib-communes.example",
                "Défibrillateurs : obligation 2026, -25 % pour les communes",
                "Bonjour,\n\nÉquipez vos bâtiments recevant du public avant l'échéance : DAE, armoire et maintenance à prix communes.\n",
            ),
            (
                "Calendriers des Pompiers Solidaires",
                "dons@calendriers-solidaires.example",
                "Commandez vos calendriers 2026",
                "Bonjour,\n\nCalendriers personnalisés au nom de votre commune : 2,90 € pièce par 100. Offre valable jusqu'au 15 décembre.\n",
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
                f"Bonjour à toutes et à tous,\n\nRappel : l'appel « {CALL_TITLE} » est ouvert jusqu'au 12 décembre. Merci à celles et ceux qui ont déjà signé ; "
                f"pour les autres, il suffit de répondre avec vos nom, prénom et mandat.\n\nNous publierons la liste le 19 décembre.\n\n{org_sig(1)}"
            )
            m = self.new(
                "org_call",
                "organisers",
                ORG_NAME,
                ORG_LIST,
                f"[Rappel] {CALL_SUBJECT}",
                extra=LIST_HEADERS,
            )
            m.to = "undisclosed-recipients:;"
            self.body(m, text, html=False)
            self.label(m, "org_call", "other", "nonsigning")
            return
        ok = [s for s in self.signed if not s[1].impostor and s[1].kind not in ("dep", "sen")]
        sample = ok[4::17][:5]
        rows = "\n".join(f"- {display(p, 'std')} ({mandate(p)})" for _, p, _ in sample)
        text = (
            f"Bonjour à toutes et à tous,\n\nPoint d'étape : l'appel a reçu plus de 300 signatures, dont celles de :\n\n{rows}\n\n"
            f"Il reste jusqu'au 12 décembre pour signer.\n\n{org_sig(0)}"
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
            f"{ORGANISERS[1][0]},\n\nLes conseils municipaux « unanimes » : on ne compte que les élus nommés, d'accord ? Et les parlementaires, on les met à part "
            f"(hors périmètre de l'appel). On en parle demain 9h.\n\n{ORGANISERS[0][0]}"
        )
        m = self.new("org_call", "organisers", ORG_FULL[0], ORG_ADDR, "Pointage des signatures")
        m.to = f"{ORG_FULL[1]} <{slug(ORGANISERS[1][0])}@{ORG_DOMAIN}>"
        self.body(m, text, html=False)
        self.label(m, "org_call", "other", "nonsigning")
        st = self.staff[-1]
        text = (
            f"Bonjour,\n\nPlusieurs réponses à l'appel sont arrivées sur la liste elus@ au lieu de votre adresse ; je les ai fait suivre.\n\n"
            f"{st[0]} {nom_case(st[1])}\nModération des listes"
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
        rng.random()

    # ---------------------------------------------------------------- all
    def build(self):
        self.org_call(0)
        self.caps_rural()
        self.sms_style()
        self.secretariat()
        self.ask_mandate()
        self.dictated()
        self.gascon_breton()
        self.english_client()
        self.long_letter()
        self.question()
        self.name_forms()
        self.commune_variants()
        self.org_call(1)
        self.elections_2026()
        self.conseil_unanime()
        self.html_only_shape()
        self.parlementaire()
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
            f"{len(self.mails)} messages, {len(sig)} signers ({sum(r['case'] == 'official' for r in sig)} officials, "
            f"{sum(r['case'] == 'impostor' for r in sig)} impostors, {sum(r['case'] == 'not_eligible' for r in sig)} not eligible)"
        )


if __name__ == "__main__":
    Builder().build()
