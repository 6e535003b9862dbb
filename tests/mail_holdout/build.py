"""Build the held-out petition mailbox (tests/mail_holdout/messages/*.eml + labels.csv).

Deterministic: the same ../shared gives byte-identical output on every run (fixed seed, fixed dates,
fixed Message-IDs and MIME boundaries). Reads the real 2026 RNE release in ../shared/rne/release-2026
and one 2022 mayors file of ../shared/rne/history (former officials). Only the drawn people's name,
sex, mandate and commune/département go into the messages; birth dates are read only to tell
homonyms apart and are never written.

Written by someone who has NOT read the extraction rules (src/rne_match/extract.py, mail.py, …):
the shapes come from issue 11 and from how people and mail clients actually write.

    python tests/mail_holdout/build.py            # rewrites messages/ and labels.csv
"""

from __future__ import annotations

import base64
import csv
import quopri
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field, replace
from email.header import Header
from email.utils import formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
RELEASE = SHARED / "rne" / "release-2026"
HISTORY = SHARED / "rne" / "history"
OUT = HERE / "messages"
LABELS = HERE / "labels.csv"
SEED = 20260511

ORG_ADDR = "tribune-vsa@collectif.example"
ORG_NAME = "Tribune VSA"
ORG_PEOPLE = ["Maëlle Quintard-Ribot", "Anselme Vauquelin-Daher"]  # invented organisers (checked absent from RNE)
CALL_TITLE = "Tribune des élu·es contre la vidéosurveillance algorithmique"

# ---------------------------------------------------------------------------------------------
# registry


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^A-Z0-9]+", " ", s.upper()).strip()


def key(nom: str, prenom: str) -> str:
    return fold(nom) + "|" + fold(prenom)


@dataclass
class P:
    kind: str  # mai, cm, cd, cr, ma, ca
    nom: str
    prenom: str
    sexe: str
    dept: str = ""
    dept_label: str = ""
    commune_code: str = ""
    commune: str = ""
    fonction: str = ""
    canton: str = ""
    region: str = ""
    section: str = ""
    coll: str = ""
    coll_label: str = ""
    secteur: str = ""
    case: str = "official"
    impostor_type: str = ""
    opposition: bool = False
    delegation: str = ""
    truth: tuple = ()  # (kind, code_commune, code_departement) for officials

    @property
    def f(self) -> bool:
        return self.sexe == "F"


def read_csv(path: Path, encoding="utf-8"):
    """Rows of a `;` file as small views that resolve column names once per file."""
    with open(path, encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        header = [h.strip() for h in next(reader)]
        cache: dict = {}
        for values in reader:
            yield Row(header, cache, values)


class Row:
    __slots__ = ("header", "cache", "values")

    def __init__(self, header, cache, values):
        self.header, self.cache, self.values = header, cache, values


def col(row: Row, *starts: str) -> str:
    """Value of the first column whose name starts with one of `starts`."""
    i = row.cache.get(starts, -2)
    if i == -2:
        i = row.cache[starts] = next((j for j, c in enumerate(row.header) if any(c.startswith(s) for s in starts)), -1)
    return row.values[i].strip() if 0 <= i < len(row.values) else ""


def iso(date: str) -> str:
    """dd/mm/yyyy (or already ISO) -> yyyy-mm-dd, so that one person's rows in two files agree."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", date)
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else date[:10]


def load_registry():
    births: dict[str, set] = {}
    depts: dict[str, set] = {}
    pools: dict[str, list[P]] = {}
    for f in sorted(RELEASE.glob("elus-*.csv")):
        kind = f.stem.rsplit("-", 1)[-1].split(".")[0]
        for row in read_csv(f):
            nom, prenom = col(row, "Nom de l"), col(row, "Prénom de l")
            births.setdefault(key(nom, prenom), set()).add(iso(col(row, "Date de naissance")))
            depts.setdefault(key(nom, prenom), set()).add(col(row, "Code du département", "Code de la section"))
            if kind not in ("mai", "cm", "cd", "cr", "ma", "ca"):
                continue
            p = P(kind=kind, nom=nom, prenom=prenom, sexe=col(row, "Code sexe"))
            if kind in ("mai", "cm"):
                p.dept, p.dept_label = col(row, "Code du département"), col(row, "Libellé du département")
                p.commune_code, p.commune = col(row, "Code de la commune"), col(row, "Libellé de la commune")
                p.fonction = col(row, "Libellé de la fonction")
                p.truth = (kind, p.commune_code, p.dept)
            elif kind == "cd":
                p.dept, p.dept_label = col(row, "Code du département"), col(row, "Libellé du département")
                p.canton, p.fonction = col(row, "Libellé du canton"), col(row, "Libellé de la fonction")
                p.truth = (kind, "", p.dept)
            elif kind == "cr":
                p.region, p.section = col(row, "Libellé de la région"), col(row, "Libellé de la section")
                p.dept = col(row, "Code de la section")
                p.fonction = col(row, "Libellé de la fonction")
                p.truth = (kind, "", p.dept)
            elif kind == "ma":
                p.dept = col(row, "Code du département")
                p.coll, p.coll_label = col(row, "Code de la collectivité"), col(row, "Libellé de la collectivité")
                p.fonction = col(row, "Libellé de la fonction")
                p.truth = (kind, "", p.dept)
            elif kind == "ca":
                p.dept, p.commune_code = col(row, "Code du département"), col(row, "Code de la commune")
                p.commune, p.secteur = col(row, "Libellé de la commune"), col(row, "Libellé du secteur")
                p.fonction = col(row, "Libellé de la fonction")
                p.truth = (kind, p.commune_code, p.dept)
            pools.setdefault(kind, []).append(p)
    return births, depts, pools


def usable(p: P, births) -> bool:
    """One person behind the name in the whole 2026 release, a one-word (or hyphenated) first name."""
    return (len(births.get(key(p.nom, p.prenom), ())) == 1 and " " not in p.prenom and p.prenom
            and re.fullmatch(r"[A-Za-zÀ-ÿ' -]+", p.nom) is not None and len(p.nom) <= 22)


# ---------------------------------------------------------------------------------------------
# drawing people

FIRST_F = ["Hélène", "Nathalie", "Sylvie", "Isabelle", "Camille", "Sophie", "Anne", "Martine", "Élodie", "Véronique",
           "Claire", "Céline", "Laurence", "Maryse", "Agnès", "Solène", "Josiane", "Bérénice", "Gwenaëlle", "Inès"]
FIRST_M = ["Jean-Luc", "Christophe", "Philippe", "Olivier", "Thierry", "Pascal", "Hervé", "Gilles", "Loïc", "Benoît",
           "Yannick", "Jérôme", "Didier", "Régis", "Stéphane", "Mathieu", "Gaëtan", "Rémi", "Alain", "Bruno"]
INVENTED_NOMS = ["VAUDRELLE", "CASTAGNOLET", "PERRICHONNAZ", "LAMBERDIÈRE", "QUERVELIN", "BROSMANET", "FALGUIÈRE-DORAT",
                 "TISSERANDOT", "MARCHOUILLE", "ESCOUBLANC", "RIVOLLAZ-TESSE", "GRANDPIERRE-OLMI"]


class Drawer:
    def __init__(self, rng: random.Random, births, depts, pools):
        self.rng, self.births, self.used, self.depts = rng, births, set(), depts
        self._by_commune = None
        self.births = births
        b = pools
        ok = lambda p: usable(p, births)  # noqa: E731
        metro = lambda p: not p.dept.startswith("97")  # noqa: E731
        self.pools = {
            "mai": [p for p in b["mai"] if ok(p) and metro(p)],
            "mai_om": [p for p in b["mai"] if ok(p) and p.dept.startswith("97")],
            "cm_adj": [p for p in b["cm"] if ok(p) and "adjoint" in p.fonction and metro(p)],
            "cm": [p for p in b["cm"] if ok(p) and not p.fonction and metro(p)],
            "cm_om": [p for p in b["cm"] if ok(p) and not p.fonction and p.dept.startswith("97")],
            "cd": [p for p in b["cd"] if ok(p)],
            "cd_vp": [p for p in b["cd"] if ok(p) and "Vice-président" in p.fonction],
            "cr": [p for p in b["cr"] if ok(p)],
            "ma_corse": [p for p in b["ma"] if ok(p) and p.coll == "94"],
            "ma_guyane": [p for p in b["ma"] if ok(p) and p.coll == "973"],
            "ma_martinique": [p for p in b["ma"] if ok(p) and p.coll == "972"],
            "ma_lyon": [p for p in b["ma"] if ok(p) and p.coll == "69M"],
            "ca_paris": [p for p in b["ca"] if ok(p) and p.commune_code == "75056"],
            "ca_lyon": [p for p in b["ca"] if ok(p) and p.commune_code == "69123"],
            "ca_marseille": [p for p in b["ca"] if ok(p) and p.commune_code == "13055"],
        }
        self.cm_all = b["cm"]
        self.mayors = self.pools["mai"]
        self.cycle = ["mai", "cm_adj", "cm", "cm_opp", "cm_del", "cd", "cr", "mai", "cm", "ma_corse", "cm_adj",
                      "ma_guyane", "ca_paris", "mai_om", "cd", "ma_martinique", "cm", "ma_lyon", "ca_marseille",
                      "cm_om", "cr", "ca_lyon", "mai", "cd_vp", "cm_adj"]
        self.i = 0
        self.slot = 0
        self.former = None

    def person(self, spec: str) -> P:
        base = {"cm_opp": "cm", "cm_del": "cm"}.get(spec, spec)
        pool = self.pools[base]
        while True:
            p = self.rng.choice(pool)
            if key(p.nom, p.prenom) not in self.used:
                break
        self.used.add(key(p.nom, p.prenom))
        p = replace(p)
        if spec == "cm_opp":
            p.opposition = True
        if spec == "cm_del":
            p.delegation = self.rng.choice(["à la culture", "aux mobilités douces", "à la jeunesse", "au numérique",
                                            "à la vie associative", "à la transition écologique"])
        return p

    def next_spec(self) -> str:
        s = self.cycle[self.i % len(self.cycle)]
        self.i += 1
        return s

    def signer(self, spec: str | None = None, allow_impostor=True) -> P:
        """Next signer: every 5th slot (offset 3) is an impostor, the four kinds in turn."""
        self.slot += 1
        spec = spec or self.next_spec()
        if allow_impostor and self.slot % 5 == 3:
            return self.impostor(["other_first", "mayor_elsewhere", "invented", "former_2022"][(self.slot // 5) % 4],
                                 spec)
        return self.person(spec)

    def absent(self, nom, prenom) -> bool:
        return key(nom, prenom) not in self.births

    def impostor(self, t: str, spec: str) -> P:
        rng = self.rng
        if t == "other_first":
            p = self.person(spec if spec in ("mai", "cm", "cm_adj", "cd", "cr") else "cm")
            while True:
                first = rng.choice(FIRST_F if p.f else FIRST_M)
                if self.absent(p.nom, first):
                    break
            p.prenom = first
        elif t == "mayor_elsewhere":
            p = self.person("mai")
            while True:
                other = rng.choice(self.mayors)
                if other.dept not in self.depts.get(key(p.nom, p.prenom), ()):  # holds nothing in that département
                    break
            p.commune, p.commune_code, p.dept, p.dept_label = other.commune, other.commune_code, other.dept, other.dept_label
        elif t == "invented":
            place = rng.choice(self.pools["cm"])
            while True:
                nom = rng.choice(INVENTED_NOMS)
                sexe = rng.choice("FM")
                prenom = rng.choice(FIRST_F if sexe == "F" else FIRST_M)
                if self.absent(nom, prenom) and key(nom, prenom) not in self.used:
                    break
            self.used.add(key(nom, prenom))
            p = replace(place, nom=nom, prenom=prenom, sexe=sexe, fonction="")
        else:
            if self.former is None:
                self.former = []
                for row in read_csv(HISTORY / "2022-03-09_rne-maires-cp1252.csv", encoding="cp1252"):
                    nom, prenom = col(row, "Nom de l"), col(row, "Prénom de l")
                    if self.absent(nom, prenom) and " " not in prenom and re.fullmatch(r"[A-Za-zÀ-ÿ' -]+", nom):
                        self.former.append(P(kind="mai", nom=nom, prenom=prenom, sexe=col(row, "Code sexe"),
                                             dept=col(row, "Code du département"),
                                             dept_label=col(row, "Libellé du département"),
                                             commune_code=col(row, "Code de la commune"),
                                             commune=col(row, "Libellé de la commune")))
            while True:
                p = replace(rng.choice(self.former))
                if key(p.nom, p.prenom) not in self.used and not p.dept.startswith("97"):
                    break
            self.used.add(key(p.nom, p.prenom))
        p.case, p.impostor_type, p.truth = "impostor", t, ()
        return p

    def same_commune(self, n: int) -> list[P]:
        """n usable councillors of one commune (mayor, adjoints, members), for group messages."""
        if self._by_commune is None:
            self._by_commune = {}
            for p in self.cm_all:
                if usable(p, self.births) and not p.dept.startswith("97"):
                    self._by_commune.setdefault(p.commune_code, []).append(p)
        by = self._by_commune
        codes = sorted(c for c, v in by.items() if len(v) >= n + 2)
        while True:
            code = self.rng.choice(codes)
            people = [p for p in by[code] if key(p.nom, p.prenom) not in self.used]
            if len(people) >= n:
                break
        chosen = self.rng.sample(people, n)
        out = []
        for p in chosen:
            self.used.add(key(p.nom, p.prenom))
            p = replace(p)
            if p.fonction == "Maire":
                p.kind, p.truth = "mai", ("mai", p.commune_code, p.dept)
            out.append(p)
        return out


# ---------------------------------------------------------------------------------------------
# how people write names and mandates

def cap(s: str) -> str:
    return "-".join(w[:1].upper() + w[1:].lower() for w in s.split("-")) if s.isupper() else s


def title_nom(nom: str) -> str:
    return " ".join("-".join(x[:1].upper() + x[1:].lower() for x in w.split("-")) for w in nom.split(" "))


def initials(prenom: str) -> str:
    return "-".join(x[0].upper() + "." for x in prenom.split("-"))


def name(p: P, style: str) -> str:
    return {
        "Prénom NOM": f"{p.prenom} {p.nom.upper()}",
        "NOM Prénom": f"{p.nom.upper()} {p.prenom}",
        "Prénom Nom": f"{p.prenom} {title_nom(p.nom)}",
        "Nom Prénom": f"{title_nom(p.nom)} {p.prenom}",
        "P. NOM": f"{initials(p.prenom)} {p.nom.upper()}",
        "prénom nom": f"{p.prenom.lower()} {p.nom.lower()}",
        "nom prénom": f"{p.nom.lower()} {p.prenom.lower()}",
    }[style]


def rank(fonction: str) -> int:
    m = re.match(r"(\d+)", fonction or "")
    return int(m.group(1)) if m else 1


def ordinal(n: int, f: bool, short=False) -> str:
    if n == 1:
        return ("1ère" if f else "1er") if not short else ("1re" if f else "1er")
    return f"{n}e" if short else f"{n}ème"


def de(place: str) -> str:
    if place[:1] in "AEIOUYÉÈÂÎaeiouyéèâ" or place[:1] == "H" and place[:2] in ("Hé", "Ho"):
        return "d'" + place
    if place.startswith("Le "):
        return "du " + place[3:]
    if place.startswith("Les "):
        return "des " + place[4:]
    return "de " + place


def dept_num(p: P) -> str:
    return p.dept


def secteur_txt(p: P) -> str:
    m = re.match(r"(\w+) (\d+)(?:Er|Eme)? Secteur|(\w+) Secteur (\d+)", p.secteur)
    if not m:
        return p.secteur
    if m.group(1):
        n = int(m.group(2))
        return f"{m.group(1)} {n}{'er' if n == 1 else 'e'}"
    return f"{m.group(3)}, secteur {m.group(4)}"


def mandate(p: P, style: str, rng: random.Random) -> str:
    """A mandate as people write it. style: full | short | abbrev | caps."""
    f = p.f
    k = p.kind
    if k == "mai" or (k == "cm" and p.fonction == "Maire"):
        opts = {"full": [f"maire {de(p.commune)} ({p.dept})", f"maire {de(p.commune)}",
                         f"{'Madame la' if f else 'Monsieur le'} Maire {de(p.commune)}"],
                "short": [f"Maire - {p.commune}", f"maire, {p.commune} ({p.dept})"],
                "abbrev": [f"{'Mairesse' if f else 'Maire'} {de(p.commune)}",
                           f"{'Madame le Maire' if f else 'M. le Maire'} {de(p.commune)}", f"maire {p.commune} {p.dept}"],
                "caps": [f"MAIRE - {p.commune.upper()} ({p.dept})"]}
    elif k == "cm" and "adjoint" in p.fonction:
        n = rank(p.fonction)
        a = "adjointe" if f else "adjoint"
        opts = {"full": [f"{ordinal(n, f)} {a} au maire {de(p.commune)} ({p.dept})", f"{a} au maire {de(p.commune)}"],
                "short": [f"{a} - {p.commune}", f"{ordinal(n, f, True)} {a}, {p.commune} ({p.dept})"],
                "abbrev": [f"{ordinal(n, f, True)} adj. - {p.commune}", f"adj. au maire, {p.commune} ({p.dept})",
                           f"{n}e adj. {p.commune}"],
                "caps": [f"{a.upper()} AU MAIRE - {p.commune.upper()}"]}
    elif k == "cm":
        c = "conseillère municipale" if f else "conseiller municipal"
        extra = ""
        if p.opposition:
            extra = rng.choice([" d'opposition", " (groupe d'opposition)", " de la minorité"])
        if p.delegation:
            extra = f" {'déléguée' if f else 'délégué'} {p.delegation}"
        opts = {"full": [f"{c}{extra} {de(p.commune)} ({p.dept})", f"{c}{extra} à {p.commune}"],
                "short": [f"{c}{extra}, {p.commune}", f"{c.split()[0]}{extra} - {p.commune} ({p.dept})"],
                "abbrev": [f"cons. mun.{extra} {p.commune}", f"CM {p.commune} ({p.dept})", f"cons. municipal{'e' if f else ''} {p.commune}"],
                "caps": [f"{c.upper()} - {p.commune.upper()} ({p.dept})"]}
    elif k == "cd":
        c = "conseillère départementale" if f else "conseiller départemental"
        vp = "Vice-président" in p.fonction
        head = ("vice-présidente" if f else "vice-président") + " du conseil départemental" if vp else c
        opts = {"full": [f"{head} {de(p.dept_label)}", f"{c} du canton {de(p.canton)} ({p.dept_label})"],
                "short": [f"{c} - {p.dept_label}", f"{c}, canton {de(p.canton)}"],
                "abbrev": [f"cons. dép. {p.dept}", f"CD {p.dept}", f"conseill{'ère' if f else 'er'} dép. {p.dept}"]
                + ([f"VP CD {p.dept}"] if vp else []),
                "caps": [f"{c.upper()} - {p.dept_label.upper()}"]}
    elif k == "cr":
        c = "conseillère régionale" if f else "conseiller régional"
        opts = {"full": [f"{c} {de(p.region)}", f"{c} {de(p.region)} ({p.section})"],
                "short": [f"{c}, {p.region}", f"{c} - {p.section}"],
                "abbrev": [f"cons. rég. {p.region}", f"CR {p.region} ({p.dept})"],
                "caps": [f"{c.upper()} {p.region.upper()}"]}
    elif k == "ma":
        if p.coll == "94":
            t = [f"conseill{'ère' if f else 'er'} à l'Assemblée de Corse", "élue de l'Assemblée de Corse" if f else "élu de l'Assemblée de Corse"]
        elif p.coll == "972":
            t = [f"conseill{'ère' if f else 'er'} à l'Assemblée de Martinique", f"conseill{'ère' if f else 'er'} territorial{'e' if f else ''} de Martinique (CTM)"]
        elif p.coll == "973":
            t = [f"conseill{'ère' if f else 'er'} territorial{'e' if f else ''} de Guyane", f"élu{'e' if f else ''} à l'Assemblée de Guyane (CTG)"]
        else:
            t = [f"conseill{'ère' if f else 'er'} métropolitain{'e' if f else ''} de Lyon", f"élu{'e' if f else ''} à la Métropole de Lyon"]
        opts = {"full": t, "short": t, "abbrev": t, "caps": [x.upper() for x in t]}
    else:  # ca
        c = "conseillère d'arrondissement" if f else "conseiller d'arrondissement"
        s = secteur_txt(p)
        opts = {"full": [f"{c}, {s}", f"{c} ({s})"], "short": [f"{c} {s}"],
                "abbrev": [f"cons. d'arr. {s}", f"CA {s}"], "caps": [f"{c.upper()} - {s.upper()}"]}
    return rng.choice(opts[style])


PARTIES = ["Les Républicains", "Europe Écologie", "Parti socialiste", "EELV", "La France insoumise", "PCF",
           "sans étiquette", "Génération.s", "Place publique", "NUPES", "Horizons", "divers gauche", "Renaissance",
           "Les Écologistes", "Debout la France", "Union des démocrates et indépendants", "Nouvelle Donne", "PRG"]


def ascii_local(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z0-9]+", "", "".join(c for c in s if not unicodedata.combining(c)).lower())


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z0-9]+", "-", "".join(c for c in s if not unicodedata.combining(c)).lower()).strip("-")


DOMAINS = ["orange.fr", "gmail.com", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "yahoo.fr", "hotmail.fr",
           "outlook.fr", "protonmail.com"]


def address(p: P, rng, style=None) -> str:
    style = style or rng.choice(["p.nom", "prenom.nom", "pnom", "nom.prenom", "prenomnom"])
    pr, no = ascii_local(p.prenom), ascii_local(p.nom.split()[0] if len(p.nom) > 14 else p.nom)
    local = {"p.nom": f"{pr[0]}.{no}", "prenom.nom": f"{pr}.{no}", "pnom": f"{pr[0]}{no}", "nom.prenom": f"{no}.{pr}",
             "prenomnom": f"{pr}{no}"}[style]
    return f"{local}@{rng.choice(DOMAINS)}"


# ---------------------------------------------------------------------------------------------
# messages


DAYS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
DAYS_LONG = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
MONTHS_LONG = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
               "novembre", "décembre"]
EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass
class When:
    day: int  # day of May 2026 (1..31) or June (32..)
    hh: int
    mm: int

    def _dmy(self):
        import datetime
        d = datetime.date(2026, 5, 1) + datetime.timedelta(days=self.day - 1)
        return d

    def rfc(self) -> str:
        d = self._dmy()
        return f"{EN_DAYS[d.weekday()]}, {d.day} {EN_MONTHS[d.month - 1]} {d.year} {self.hh:02d}:{self.mm:02d}:00 +0200"

    def gmail(self) -> str:
        d = self._dmy()
        return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year} à {self.hh:02d}:{self.mm:02d}"

    def apple(self) -> str:
        d = self._dmy()
        return f"{d.day} {MONTHS[d.month - 1]} {d.year} à {self.hh:02d}:{self.mm:02d}"

    def tb(self) -> str:
        d = self._dmy()
        return f"{d.day:02d}/{d.month:02d}/{d.year} à {self.hh:02d}:{self.mm:02d}"

    def outlook(self) -> str:
        d = self._dmy()
        return f"{DAYS_LONG[d.weekday()]} {d.day} {MONTHS_LONG[d.month - 1]} {d.year} {self.hh:02d}:{self.mm:02d}"

    def later(self, minutes: int) -> When:
        t = self.hh * 60 + self.mm + minutes
        return When(self.day + t // (24 * 60), (t // 60) % 24, t % 60)


@dataclass
class Msg:
    file: str
    from_name: str
    from_addr: str
    subject: str
    when: When
    text: str | None = None
    html: str | None = None
    charset: str = "utf-8"
    cte: str = "8bit"
    enc_headers: bool = False
    to: str = ORG_ADDR
    msgid: str = ""
    in_reply_to: str = ""
    references: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    client: str = "plain"


def hdr(s: str, charset: str, force: bool) -> str:
    if not force and s.isascii():
        return s
    cs = "utf-8" if charset == "utf-8" else "iso-8859-1" if _fits(s, "iso-8859-1") else "utf-8"
    return Header(s, cs).encode(maxlinelen=998)


def _fits(s: str, cs: str) -> bool:
    try:
        s.encode(cs)
        return True
    except UnicodeEncodeError:
        return False


def addr_hdr(name_: str, addr: str, charset: str, force: bool) -> str:
    if not name_:
        return addr
    if not force and name_.isascii():
        return formataddr((name_, addr))
    return f"{hdr(name_, charset, True)} <{addr}>"


def body_part(text: str, subtype: str, charset: str, cte: str) -> tuple[bytes, bytes]:
    """Headers and payload of one text part; a text the charset cannot hold falls back to cp1252, then UTF-8."""
    if not _fits(text, charset):
        charset = "windows-1252" if _fits(text, "windows-1252") else "utf-8"
    raw = text.encode(charset)
    if cte == "8bit" and raw.isascii():
        cte = "7bit"
    if cte == "quoted-printable":
        payload = quopri.encodestring(raw)
    elif cte == "base64":
        payload = base64.encodebytes(raw)
    else:
        payload = raw
    if not payload.endswith(b"\n"):
        payload += b"\n"
    head = f'Content-Type: text/{subtype}; charset="{charset}"\nContent-Transfer-Encoding: {cte}\n'.encode("ascii")
    return head, payload


def render(m: Msg) -> bytes:
    lines = [
        f"Return-Path: <{m.from_addr}>",
        f"From: {addr_hdr(m.from_name, m.from_addr, m.charset, m.enc_headers)}",
        f"To: {m.to}",
        f"Subject: {hdr(m.subject, m.charset, m.enc_headers)}",
        f"Date: {m.when.rfc()}",
        f"Message-ID: <{m.msgid}>",
    ]
    if m.in_reply_to:
        lines.append(f"In-Reply-To: <{m.in_reply_to}>")
    if m.references:
        lines.append("References: " + "\n ".join(f"<{r}>" for r in m.references))
    lines += m.extra
    lines.append("MIME-Version: 1.0")
    out = ("\n".join(lines) + "\n").encode("ascii")
    parts = [(s, c) for s, c in (("plain", m.text), ("html", m.html)) if c is not None]
    if len(parts) == 1:
        head, payload = body_part(parts[0][1], parts[0][0], m.charset, m.cte)
        return out + head + b"\n" + payload
    boundary = "=_alt_" + re.sub(r"[^A-Za-z0-9]", "", m.msgid)[:24]
    out += f'Content-Type: multipart/alternative; boundary="{boundary}"\n\nThis is a multi-part message in MIME format.\n'.encode()
    for sub, content in parts:
        head, payload = body_part(content, sub, m.charset, m.cte)
        out += f"\n--{boundary}\n".encode() + head + b"\n" + payload
    return out + f"\n--{boundary}--\n".encode()


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_lines(text: str, client: str) -> str:
    ls = text.split("\n")
    if client == "outlook":
        return "\n".join(f'<p class="MsoNormal">{esc(x) if x else "&nbsp;"}<o:p></o:p></p>' for x in ls)
    if client == "thunderbird":
        return "<p>" + "<br>\n".join(esc(x) for x in ls) + "<br>\n</p>"
    return "\n".join(f"<div>{esc(x) if x else '<br>'}</div>" for x in ls)


def html_doc(inner: str, client: str) -> str:
    if client == "outlook":
        return ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
                '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
                '<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;} --></style>'
                f'</head><body lang="FR" link="#0563C1"><div class="WordSection1">\n{inner}\n</div></body></html>\n')
    if client == "apple":
        return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
                '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
                f"\n{inner}\n</body></html>\n")
    if client == "thunderbird":
        return ('<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
                f'</head><body>\n{inner}\n</body></html>\n')
    return f'<div dir="ltr">\n{inner}\n</div>\n'


def quote_plain(prev: Msg, prev_text: str, client: str) -> str:
    """The earlier message as the client quotes it under a reply (plain text part)."""
    who = prev.from_name or prev.from_addr
    if client == "gmail":
        att = f"Le {prev.when.gmail()}, {prev.from_name + ' ' if prev.from_name else ''}<{prev.from_addr}> a écrit :"
        return att + "\n\n" + "\n".join(("> " + x) if x else ">" for x in prev_text.split("\n"))
    if client == "apple":
        att = f"> Le {prev.when.apple()}, {who} <{prev.from_addr}> a écrit :\n> \n"
        return att + "\n".join(("> " + x) if x else ">" for x in prev_text.split("\n"))
    if client == "thunderbird":
        att = f"Le {prev.when.tb()}, {who} a écrit :"
        return att + "\n" + "\n".join(("> " + x) if x else ">" for x in prev_text.split("\n"))
    if client == "outlook_old":
        return ("-----Message d'origine-----\n" f"De : {who} [mailto:{prev.from_addr}]\n"
                f"Envoyé : {prev.when.outlook()}\nÀ : {prev.to}\nObjet : {prev.subject}\n\n" + prev_text)
    # outlook (new)
    return ("________________________________\n" f"De : {who} <{prev.from_addr}>\n"
            f"Envoyé : {prev.when.outlook()}\nÀ : {prev.to}\nObjet : {prev.subject}\n\n" + prev_text)


def quote_html(prev: Msg, prev_html_inner: str, client: str) -> str:
    who = esc(prev.from_name or prev.from_addr)
    if client == "gmail":
        return ('<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
                f'Le {prev.when.gmail()}, {who} &lt;<a href="mailto:{prev.from_addr}">{prev.from_addr}</a>&gt; a écrit&nbsp;:<br></div>'
                '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
                f"{prev_html_inner}</blockquote></div>")
    if client == "apple":
        return (f'<div><br><blockquote type="cite"><div>Le {prev.when.apple()}, {who} &lt;{prev.from_addr}&gt; a écrit :</div>'
                f"<br><div>{prev_html_inner}</div></blockquote></div>")
    if client == "thunderbird":
        return (f'<div class="moz-cite-prefix">Le {prev.when.tb()}, {who} a écrit&nbsp;:<br></div>'
                f'<blockquote type="cite" cite="mid:{prev.msgid}">{prev_html_inner}</blockquote>')
    return ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
            f'<p class="MsoNormal"><b>De&nbsp;:</b> {who} &lt;{prev.from_addr}&gt;<br><b>Envoyé&nbsp;:</b> {prev.when.outlook()}<br>'
            f'<b>À&nbsp;:</b> {esc(prev.to)}<br><b>Objet&nbsp;:</b> {esc(prev.subject)}</p></div>\n{prev_html_inner}')


CALL = (f"Madame, Monsieur,\n\nNous vous invitons à signer la « {CALL_TITLE} ».\n"
        "Les algorithmes qui analysent les images de nos rues ne doivent pas devenir la norme.\n"
        "Pour signer, répondez simplement à ce message en indiquant vos nom, prénom, mandat et commune.\n\n"
        "Premières signataires : les élu·es du collectif.\n\n"
        f"Pour le collectif,\n{ORG_PEOPLE[0]} et {ORG_PEOPLE[1]}\nCoordination de la tribune\n{ORG_ADDR}")


# ---------------------------------------------------------------------------------------------
# the corpus


class Corpus:
    def __init__(self, rng, drawer):
        self.rng, self.d = rng, drawer
        self.msgs: list[Msg] = []
        self.labels: list[dict] = []
        self.n = 0
        self.day = 4
        self.enc_cycle = [("utf-8", "8bit", False), ("utf-8", "quoted-printable", True), ("iso-8859-1", "quoted-printable", False),
                          ("utf-8", "base64", True), ("windows-1252", "8bit", False), ("iso-8859-1", "8bit", True),
                          ("utf-8", "quoted-printable", False), ("windows-1252", "quoted-printable", True)]
        self.e = 0

    def when(self) -> When:
        self.n += 1
        return When(4 + (self.n * 7) % 40, 7 + (self.n * 5) % 14, (self.n * 17) % 60)

    def encoding(self):
        self.e += 1
        return self.enc_cycle[self.e % len(self.enc_cycle)]

    def new(self, shape: str, from_name: str, from_addr: str, subject: str, text=None, html=None, when=None,
            client="plain", enc=None, **kw) -> Msg:
        idx = len(self.msgs) + 1
        cs, cte, eh = enc or self.encoding()
        m = Msg(file=f"{idx:03d}-{shape}.eml", from_name=from_name, from_addr=from_addr, subject=subject,
                when=when or self.when(), text=text, html=html, charset=cs, cte=cte, enc_headers=eh,
                msgid=f"{idx:03d}.{ascii_local(from_addr.split('@')[0])[:10]}@{from_addr.split('@')[1]}",
                client=client, **kw)
        self.msgs.append(m)
        return m

    def label(self, m: Msg, thread: str, intent: str, case: str, shape: str, p: P | None, expected: str,
              refers_to: str = ""):
        t = p.truth if p and p.case == "official" else ("", "", "")
        self.labels.append({
            "message_file": m.file, "thread": thread, "intent": intent, "case": case, "shape": shape,
            "nom": p.nom if p else "", "prenom": p.prenom if p else "", "truth_kind": t[0] if t else "",
            "truth_code_commune": t[1] if t else "", "truth_code_departement": t[2] if t else "",
            "expected": expected, "impostor_type": p.impostor_type if p else "", "refers_to": refers_to,
            "client": m.client, "encoding": f"{m.charset}/{m.cte}" + ("/2047" if m.enc_headers else "")})

    def sign_label(self, m: Msg, shape: str, p: P, thread=None, intent="signs"):
        self.label(m, thread or m.file.removesuffix(".eml"), intent, p.case, shape, p,
                   "verified" if p.case == "official" else "not_verified")


GREET = ["Bonjour,", "Bonjour,", "Madame, Monsieur,", "Bonsoir,", "Bonjour à vous,", "Chers amis,", ""]
CLOSE = ["Cordialement", "Bien cordialement,", "Bien à vous,", "Salutations républicaines,", "Belle journée,",
         "Amitiés,", "Bien à vous", "Avec mes salutations distinguées,"]
SUBJ = ["Signature tribune VSA", "Re: Tribune des élu·es contre la VSA", "signature", "Tribune vidéosurveillance algorithmique",
        "Je signe", "Pétition VSA", "Tribune VSA - signature", "soutien tribune", "RE: Appel à signatures",
        "Tribune contre la vidéosurveillance algorithmique"]
MOBILE = ["", "", "", "\n\nEnvoyé de mon iPhone", "\n\nEnvoyé depuis mon smartphone Samsung Galaxy.",
          "\n\nObtenir Outlook pour Android"]


def fake_phone(rng) -> str:
    return f"0{rng.choice('12345')} 99 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"


def sigblock(p: P, rng, variant: int) -> str:
    nm = name(p, ["Prénom NOM", "Prénom Nom", "NOM Prénom"][variant % 3])
    m1 = mandate(p, "full", rng)
    place = p.commune or p.dept_label or p.region or p.coll_label
    phone = fake_phone(rng)
    v = variant % 5
    if v == 0:
        return f"-- \n{nm}\n{m1[0].upper() + m1[1:]}\nTél. : {phone}"
    if v == 1:
        return (f"{nm}\n{m1[0].upper() + m1[1:]}\n{'Hôtel de Ville' if p.commune else 'Hôtel du Département'} – 1 place de la République\n"
                f"{place}\n☎ {phone}\n[Logo {place}]")
    if v == 2:
        return f"_____\n\n{nm.upper()}\n{m1}\n{rng.choice(PARTIES)}\nPort. {phone}\nSuivez-nous sur Facebook !"
    if v == 3:
        return f"{nm}\n{m1}\n\nCe message et ses pièces jointes sont confidentiels et destinés exclusivement à leur destinataire."
    return f"--\n{nm} | {m1} | {phone}"


def build(rng: random.Random, d: Drawer) -> Corpus:
    c = Corpus(rng, d)
    pick = rng.choice

    # --- plain one-liners --------------------------------------------------------------------
    for i in range(14):
        p = d.signer()
        nm = name(p, ["NOM Prénom", "Prénom NOM", "P. NOM", "Prénom Nom", "NOM Prénom", "Prénom NOM", "Nom Prénom"][i % 7])
        party = pick(PARTIES)
        line = [
            f"Je signe : {nm}, {mandate(p, 'full', rng)}.",
            f"{pick(GREET[:3])} {nm} ({party}), {mandate(p, 'short', rng)}, signe la pétition.",
            f"{nm}, {mandate(p, 'caps', rng)}, {party.upper()}",
            f"Je m'associe à la tribune. {nm}, {mandate(p, 'full', rng)}",
            f"Signé : {nm} – {mandate(p, 'short', rng)}",
            f"ok pour moi, vous pouvez ajouter {nm} {mandate(p, 'full', rng)}",
            f"{nm} {mandate(p, 'full', rng)} soutient la tribune !",
            f"J'ajoute mon nom : {nm}, {mandate(p, 'short', rng)} ({party})."][i % 8]
        text = line + pick(MOBILE) + "\n"
        m = c.new("oneliner", name(p, "Prénom Nom") if i % 3 else "", address(p, rng), pick(SUBJ), text=text)
        c.sign_label(m, "oneliner", p)
    # --- name only in the From display name -----------------------------------------------------
    for i in range(9):
        p = d.signer()
        disp = name(p, ["nom prénom", "Prénom Nom", "NOM Prénom", "prénom nom"][i % 4])
        body = [f"{pick(GREET)}\nJe signe la tribune.\n{mandate(p, 'full', rng)[0].upper()}{mandate(p, 'full', rng)[1:]}\n{pick(CLOSE)}",
                f"Bonjour, je soutiens et je signe en tant que {mandate(p, 'full', rng)}.",
                f"Je signe.\nMandat : {mandate(p, 'short', rng)}\nParti : {pick(PARTIES)}",
                f"{pick(GREET)}\nVous pouvez compter sur ma signature ({mandate(p, 'full', rng)}).\n{pick(CLOSE)}"][i % 4]
        m = c.new("from_name", disp, address(p, rng), pick(SUBJ), text=body + pick(MOBILE) + "\n")
        c.sign_label(m, "from_name", p)
    # --- name only in the address ----------------------------------------------------------------
    for i in range(9):
        if i in (4, 8):
            p = d.signer("mai", allow_impostor=False)
            addr = f"maire@{pick(['ville-', 'mairie-', ''])}{slug(p.commune)}.fr"
            body = [f"Bonjour,\nLe maire de {p.commune} ({p.dept}) signe la tribune.\nPour le maire, le secrétariat",
                    f"{'Madame la Maire' if p.f else 'Monsieur le Maire'} vous informe qu'{'elle' if p.f else 'il'} signe la tribune.\nMairie de {p.commune}"][i // 8]
            disp = ""
        else:
            p = d.signer()
            addr = address(p, rng, ["p.nom", "pnom", "prenom.nom", "nom.prenom"][i % 4])
            disp = ""
            body = [f"Bonjour,\nje signe.\nMon mandat : {mandate(p, 'abbrev', rng)}\n{pick(CLOSE)}",
                    f"Signature pour la tribune VSA - {mandate(p, 'short', rng)}",
                    f"{pick(GREET)}\nJe soutiens votre démarche et signe la tribune en tant que {mandate(p, 'full', rng)}.",
                    f"OK pour signer. {mandate(p, 'abbrev', rng)}. {pick(PARTIES)}"][i % 4]
        m = c.new("addr_local", disp, addr, pick(SUBJ), text=body + "\n")
        c.sign_label(m, "addr_local", p)
    # --- institution as the sender -----------------------------------------------------------------
    for i in range(9):
        p = d.signer(["mai", "cm_adj", "mai", "cd", "mai", "cm_adj", "mai", "cr", "mai"][i])
        place = p.commune or p.dept_label or p.region
        if p.kind == "cd":
            disp, addr = f"Conseil départemental {de(p.dept_label)} - Cabinet", f"cabinet@{slug(p.dept_label)}.fr"
        elif p.kind == "cr":
            disp, addr = f"Région {p.region} - Groupe des élus", f"groupe.elus@{slug(p.region)}.fr"
        else:
            disp = pick([f"Mairie de {place}", f"Secrétariat mairie de {place}", f"Commune de {place}", "Accueil Mairie"])
            addr = f"{pick(['mairie', 'accueil', 'secretariat', 'contact'])}@{slug(place)}.fr"
        sec = pick(["Nathalie, secrétaire de mairie", "Le secrétariat", "L'accueil de la mairie"] if p.kind in ("mai", "cm")
                   else ["Sandrine, assistante du cabinet", "Le secrétariat du groupe"])
        nm = name(p, ["Prénom NOM", "NOM Prénom", "Prénom Nom"][i % 3])
        body = [f"Bonjour,\n\n{'Madame' if p.f else 'Monsieur'} {nm}, {mandate(p, 'full', rng)}, souhaite signer la tribune.\n\nBien cordialement,\n{sec}",
                f"Bonjour,\nVeuillez trouver ci-dessous la signature de {'Mme' if p.f else 'M.'} {nm} :\n{nm} - {mandate(p, 'short', rng)}\n\n{sec}",
                f"Madame, Monsieur,\n\n{'Mme' if p.f else 'M.'} {p.nom.upper()} {p.prenom}, {mandate(p, 'full', rng)}, s'associe à votre tribune.\n\nPour {'la' if p.f else 'le'} {'maire' if p.kind in ('mai', 'cm') else 'élu' + ('e' if p.f else '')},\n{sec}"][i % 3]
        m = c.new("institution_from", disp, addr, pick(SUBJ), text=body + "\n")
        c.sign_label(m, "institution_from", p)
    # --- party names that look like names --------------------------------------------------------
    for i in range(9):
        p = d.signer()
        party = ["Les Républicains", "Europe Écologie", "Place Publique", "Les Écologistes", "Debout la France",
                 "Génération Écologie", "La France insoumise", "Nouvelle Donne", "Les Républicains"][i]
        nm = name(p, ["Prénom NOM", "Prénom Nom", "NOM Prénom"][i % 3])
        if i % 3 == 0:
            disp, addr = f"{party} {p.dept or ''}".strip(), f"contact@{slug(party)}-{p.dept.lower() or 'fede'}.example"
            body = f"{pick(GREET)}\n\nNotre élu{'e' if p.f else ''} {nm}, {mandate(p, 'full', rng)}, signe la tribune.\n\n{party}\nFédération {p.dept_label or p.region or p.coll_label}"
        elif i % 3 == 1:
            disp, addr = name(p, "Prénom Nom"), address(p, rng)
            body = f"Je signe la tribune.\n\n{nm}\n{party}\n{mandate(p, 'full', rng)}"
        else:
            disp, addr = "", address(p, rng)
            body = f"{party} – {nm}, {mandate(p, 'short', rng)}\nSignature pour la tribune, merci."
        m = c.new("party_name", disp, addr, pick(SUBJ), text=body + "\n")
        c.sign_label(m, "party_name", p)
    # --- abbreviations ---------------------------------------------------------------------------------
    for i in range(10):
        p = d.signer(["cm", "cd", "cm_adj", "mai", "cr", "cm_del", "cd_vp", "mai", "ca_paris", "cm_adj"][i])
        nm = name(p, ["Prénom NOM", "NOM Prénom", "P. NOM", "Prénom Nom", "NOM Prénom"][i % 5])
        body = pick([f"{nm}, {mandate(p, 'abbrev', rng)}. Je signe.", f"Je signe. {nm} - {mandate(p, 'abbrev', rng)}",
                     f"Bjr, {nm} {mandate(p, 'abbrev', rng)} signe. Bon courage", f"+1 : {nm}, {mandate(p, 'abbrev', rng)} ({pick(PARTIES)})"])
        m = c.new("abbrev", name(p, "Prénom Nom") if i % 2 else "", address(p, rng), pick(SUBJ), text=body + pick(MOBILE) + "\n")
        c.sign_label(m, "abbrev", p)
    # --- signature blocks ----------------------------------------------------------------------------
    for i in range(10):
        p = d.signer()
        intro = pick([f"{pick(GREET)}\n\nJe vous confirme mon soutien et je signe la tribune contre la VSA.\n\n{pick(CLOSE)}",
                      f"{pick(GREET)}\n\nC'est avec conviction que je m'associe à cette tribune.\n\n{pick(CLOSE)}",
                      "Bonjour,\nJe signe bien volontiers.\n"])
        text = intro + "\n\n" + sigblock(p, rng, i) + "\n"
        m = c.new("sigblock", pick(["", name(p, "Prénom Nom"), f"{name(p, 'Prénom Nom')} - {p.commune or p.dept_label or 'Élue'}"]),
                  address(p, rng), pick(SUBJ), text=text)
        c.sign_label(m, "sigblock", p)
    # --- HTML only and multipart/alternative ---------------------------------------------------------
    for shape in ("html_only", "multipart"):
        for i in range(9):
            p = d.signer()
            client = ["gmail", "outlook", "apple", "thunderbird"][i % 4]
            nm = name(p, ["Prénom NOM", "Prénom Nom", "NOM Prénom"][i % 3])
            if i % 2:
                text = f"{pick(GREET)}\n\nJe signe la tribune.\n\n{pick(CLOSE)}\n\n{sigblock(p, rng, i)}"
            else:
                text = f"{pick(GREET)}\nJe signe : {nm}, {mandate(p, 'full', rng)} ({pick(PARTIES)}).\n{pick(CLOSE)}"
            inner = html_lines(text, client)
            if i % 3 == 0:
                place = p.commune or p.dept_label or p.region
                inner += f'\n<div><img src="cid:logo{i}@mairie" alt="Logo {esc(place)}" width="120"></div>'
            html = html_doc(inner, client)
            m = c.new(shape, name(p, "Prénom Nom") if i % 4 else "", address(p, rng), pick(SUBJ),
                      text=text + "\n" if shape == "multipart" else None, html=html, client=client)
            c.sign_label(m, shape, p)
    # --- several signers in one message ------------------------------------------------------------
    for i in range(8):
        n = [3, 2, 4, 3, 2, 3, 2, 3][i]
        people = d.same_commune(n)
        if i in (2, 6):  # an impostor slipped in the group
            fake = d.impostor("other_first" if i == 2 else "invented", "cm")
            fake.commune, fake.commune_code, fake.dept = people[0].commune, people[0].commune_code, people[0].dept
            people[-1] = fake
        com = people[0].commune
        names_ = [name(q, ["Prénom NOM", "Prénom Nom", "NOM Prénom"][i % 3]) for q in people]
        if i % 4 == 0:
            body = f"{pick(GREET)}\nNous, élu·es de {com}, signons : {', '.join(names_[:-1])} et {names_[-1]}.\n{pick(CLOSE)}"
        elif i % 4 == 1:
            body = f"{pick(GREET)}\nLes élu·es suivant·es de {com} ({people[0].dept}) signent la tribune :\n" + "\n".join(
                f"- {nm_}, {mandate(q, 'short', rng)}" for nm_, q in zip(names_, people, strict=False)) + f"\n\n{pick(CLOSE)}"
        elif i % 4 == 2:
            body = (f"Bonjour,\nLe groupe « {com} Autrement » signe la tribune : " + ", ".join(names_)
                    + f", conseillers municipaux {de(com)}.\nPour le groupe, {names_[0]}")
        else:
            body = f"Conseillers municipaux de {com} : " + " ; ".join(names_) + ".\nNous signons tous la tribune."
        m = c.new("multi", name(people[0], "Prénom Nom"), address(people[0], rng), pick(SUBJ), text=body + "\n")
        for q in people:
            c.sign_label(m, "multi", q)
    # --- forwarded --------------------------------------------------------------------------------------
    for i in range(8):
        p = d.signer()
        nm = name(p, ["Prénom NOM", "Prénom Nom"][i % 2])
        inner_addr = address(p, rng)
        inner_when = c.when()
        inner = f"{pick(GREET)}\nJe souhaite signer la tribune : {nm}, {mandate(p, 'full', rng)}.\n{pick(CLOSE)}\n{nm}"
        fw_name = pick(["Collectif Quartiers Libres", "Julie (bénévole)", "Antenne locale LDH", "Association Technopolice 38"])
        fw_addr = f"{slug(fw_name)[:12]}@asso.example"
        style = i % 4
        if style == 0:
            text = (f"Je vous transfère la signature reçue à notre adresse.\n\n---------- Forwarded message ---------\n"
                    f"De : {nm} <{inner_addr}>\nDate: {inner_when.gmail()}\nSubject: tribune\nTo: <{fw_addr}>\n\n\n{inner}")
            subj, client = "Fwd: tribune", "gmail"
        elif style == 1:
            text = (f"Pour info, ci-dessous.\n\nDébut du message réexpédié :\n\nDe: {nm} <{inner_addr}>\nObjet: tribune VSA\n"
                    f"Date: {inner_when.apple()} UTC+2\nÀ: {fw_addr}\n\n{inner}")
            subj, client = "Tr: tribune VSA", "apple"
        elif style == 2:
            text = (f"Bonjour,\nsignature transmise ci-dessous.\n{fw_name}\n\n" f"De : {nm} <{inner_addr}>\nEnvoyé : {inner_when.outlook()}\n"
                    f"À : {fw_name} <{fw_addr}>\nObjet : Signature tribune\n\n{inner}")
            subj, client = "TR: Signature tribune", "outlook"
        else:
            text = (f"\n\n-------- Message transféré --------\nSujet : \tsignature\nDate : \t{inner_when.rfc()}\n"
                    f"De : \t{nm} <{inner_addr}>\nPour : \t{fw_addr}\n\n{inner}")
            subj, client = "Fwd: signature", "thunderbird"
        m = c.new("forwarded", fw_name, fw_addr, subj, text=text + "\n", client=client)
        c.sign_label(m, "forwarded", p)

    # --- threads ---------------------------------------------------------------------------------------------
    clients = ["gmail", "outlook", "apple", "thunderbird", "outlook_old", "gmail", "apple", "thunderbird"]

    def reply(shape, prev: Msg, prev_text: str, prev_html: str | None, sender: tuple, text: str, client: str,
              html_mode: bool, subject=None) -> tuple[Msg, str, str]:
        qcl = "outlook" if client == "outlook_old" else client
        full_text = text + "\n\n" + quote_plain(prev, prev_text, client)
        html = None
        inner = html_lines(text, qcl)
        if html_mode:
            html = html_doc(inner + quote_html(prev, prev_html or html_lines(prev_text, qcl), qcl), qcl)
        subj = subject or ("RE: " if "outlook" in client else "Re: ") + re.sub(r"^(Re|RE|TR|Fwd): ", "", prev.subject)
        refs = prev.references + [prev.msgid]
        m = c.new(shape, sender[0], sender[1], subj, text=full_text + "\n" if (not html_mode or client != "apple") else None,
                  html=html, when=prev.when.later(rng.randint(20, 900)), client=client,
                  in_reply_to=prev.msgid, references=refs, to=prev.from_addr)
        return m, full_text, inner + (quote_html(prev, prev_html or html_lines(prev_text, qcl), qcl) if html_mode else "")

    org = (ORG_NAME, ORG_ADDR)

    # thread_confirm: signer -> organiser asks confirmation -> "Oui, je confirme" (sometimes the first message is absent)
    for i in range(8):
        p = d.signer()
        client, html_mode = clients[i], i % 2 == 1
        me = (name(p, "Prénom Nom") if i % 3 else "", address(p, rng))
        t1 = f"{pick(GREET)}\nJe signe la tribune.\n{name(p, 'Prénom NOM')}\n{mandate(p, 'full', rng)}\n{pick(CLOSE)}"
        tid = f"T{i + 1:02d}-confirm"
        m1 = Msg(file="", from_name=me[0], from_addr=me[1], subject="Signature tribune", when=c.when(), text=t1,
                 msgid=f"t{i}c1.{ascii_local(me[1].split('@')[0])[:8]}@{me[1].split('@')[1]}", to=ORG_ADDR)
        if i % 2 == 0:  # first message is in the mailbox
            m1 = c.new("thread_confirm", me[0], me[1], "Signature tribune", text=t1 + "\n", client="plain", when=m1.when)
            c.label(m1, tid, "signs", p.case, "thread_confirm", None, "no_signer")
        t2 = ("Bonjour,\nMerci pour votre message ! Pouvez-vous nous confirmer que vous signez la tribune "
              "à titre d'élu·e et que nous pouvons publier votre nom ?\nBien à vous,\n" + ORG_PEOPLE[i % 2] + " pour le collectif")
        m2, full2, html2 = reply("thread_confirm", m1, t1, None, org, t2, client, html_mode)
        c.label(m2, tid, "other", "nonsigning", "thread_confirm", None, "no_signer")
        t3 = pick(["Oui, je confirme ma signature.", "Oui je confirme !", "Je confirme, bien cordialement.",
                   "Oui, c'est confirmé, vous pouvez publier."])
        m3, _, _ = reply("thread_confirm", m2, full2, html2, me, t3 + pick(MOBILE), client, html_mode)
        c.sign_label(m3, "thread_confirm", p, tid, "confirms")

    # thread_mandate: signer gives name only -> organiser asks mandate -> signer gives mandate only
    for i in range(8):
        p = d.signer()
        client, html_mode = clients[(i + 2) % 8], i % 2 == 0
        me = (pick(["", name(p, "Prénom Nom")]) if i % 2 else "", address(p, rng))
        t1 = f"{pick(GREET)}\nJe souhaite signer la tribune.\n{pick(CLOSE)}\n{name(p, ['Prénom Nom', 'Prénom NOM', 'NOM Prénom'][i % 3])}"
        tid = f"T{i + 1:02d}-mandate"
        m1 = c.new("thread_mandate", me[0], me[1], pick(["Tribune", "signature", "Je signe"]), text=t1 + "\n")
        c.label(m1, tid, "signs", p.case, "thread_mandate", None, "no_signer")
        t2 = f"Bonjour,\nMerci beaucoup. Pouvez-vous préciser votre mandat et votre commune ?\nCordialement,\n{ORG_PEOPLE[i % 2]}"
        m2, full2, html2 = reply("thread_mandate", m1, t1, None, org, t2, client, html_mode)
        c.label(m2, tid, "other", "nonsigning", "thread_mandate", None, "no_signer")
        t3 = pick([f"{mandate(p, 'full', rng)[0].upper()}{mandate(p, 'full', rng)[1:]}.", f"Je suis {mandate(p, 'full', rng)}.",
                   f"{mandate(p, 'abbrev', rng)}", f"Bien sûr : {mandate(p, 'short', rng)}."])
        m3, _, _ = reply("thread_mandate", m2, full2, html2, me, t3, client, html_mode)
        c.sign_label(m3, "thread_mandate", p, tid, "signs")

    # thread_3step: name (1), mandate (2), "je confirme" (3), organiser messages between
    for i in range(6):
        p = d.signer()
        client, html_mode = clients[(i + 4) % 8], i % 3 == 2
        me = ("" if i % 2 else name(p, "Prénom Nom"), address(p, rng))
        tid = f"T{i + 1:02d}-3step"
        t1 = f"{pick(GREET)}\nJe voudrais ajouter mon nom à la tribune : {name(p, ['Prénom NOM', 'NOM Prénom'][i % 2])}.\n{pick(CLOSE)}"
        m1 = c.new("thread_3step", me[0], me[1], "Tribune VSA", text=t1 + "\n")
        c.label(m1, tid, "signs", p.case, "thread_3step", None, "no_signer")
        t2 = f"Bonjour,\nMerci ! Quel est votre mandat ?\n{ORG_PEOPLE[i % 2]}"
        m2, full2, html2 = reply("thread_3step", m1, t1, None, org, t2, client, html_mode)
        c.label(m2, tid, "other", "nonsigning", "thread_3step", None, "no_signer")
        t3 = f"{mandate(p, 'full', rng)}"
        m3, full3, html3 = reply("thread_3step", m2, full2, html2, me, t3, client, html_mode)
        c.label(m3, tid, "signs", p.case, "thread_3step", None, "no_signer")
        t4 = "Parfait. Dernière étape : confirmez-vous que nous pouvons publier votre nom parmi les signataires ?"
        m4, full4, html4 = reply("thread_3step", m3, full3, html3, org, t4, client, html_mode)
        c.label(m4, tid, "other", "nonsigning", "thread_3step", None, "no_signer")
        t5 = pick(["Je confirme.", "Oui je confirme ma signature", "Confirmé, merci à vous."])
        m5, _, _ = reply("thread_3step", m4, full4, html4, me, t5, client, html_mode)
        c.sign_label(m5, "thread_3step", p, tid, "confirms")

    # --- non-signing messages -------------------------------------------------------------------------------
    # questions before signing (real officials, with their mandate)
    for _i in range(8):
        p = d.person(d.next_spec())
        q = pick(["Avant de signer, je voudrais savoir qui porte cette tribune et où elle sera publiée ?",
                  "Est-il possible de signer à titre personnel et non au nom de la commune ?",
                  "Je suis intéressé·e mais j'aimerais lire le texte complet avant de signer. Pouvez-vous me l'envoyer ?",
                  "Quelle est la date limite pour signer ? Je dois en parler à mon conseil."])
        text = f"{pick(GREET)}\n{q}\n\n{pick(CLOSE)}\n{name(p, 'Prénom NOM')}\n{mandate(p, 'full', rng)}\n"
        m = c.new("question", name(p, "Prénom Nom"), address(p, rng), pick(["Question sur la tribune", "Tribune ?", "Re: Appel à signatures"]), text=text)
        c.label(m, m.file[:-4], "question", "nonsigning", "question", None, "no_signer")
    # thank-you replies with a signature block
    for i in range(8):
        p = d.person(d.next_spec())
        t = pick(["Merci pour votre message et bravo pour cette initiative.",
                  "Merci pour l'envoi du texte, je transmets à mes collègues.",
                  "Bien reçu, merci.", "Merci beaucoup pour la publication, beau travail collectif !"])
        text = f"{pick(GREET)}\n{t}\n\n{pick(CLOSE)}\n\n{sigblock(p, rng, i)}\n"
        m = c.new("thanks", name(p, "Prénom Nom"), address(p, rng), "Re: " + CALL_TITLE, text=text,
                  in_reply_to=f"appel-{i}@collectif.example", references=[f"appel-{i}@collectif.example"])
        c.label(m, m.file[:-4], "thanks", "nonsigning", "thanks", None, "no_signer")
    # auto-replies
    for i in range(8):
        p = d.person(d.next_spec())
        back = pick(["18 mai", "25 mai inclus", "1er juin", "lundi 8 juin"])
        text = pick([f"Je suis absente jusqu'au {back}. Pour toute urgence, contactez le secrétariat de mairie au {fake_phone(rng)}.\n\n{name(p, 'Prénom NOM')}\n{mandate(p, 'full', rng)}",
                     f"Bonjour,\nJe suis absent du bureau jusqu'au {back} avec un accès limité à mes courriels.\nCordialement,\n{name(p, 'Prénom Nom')}, {mandate(p, 'short', rng)}",
                     f"Message automatique : votre courriel a bien été reçu par le cabinet {'de la maire' if p.f else 'du maire'}. Il sera traité dans les meilleurs délais.\n{mandate(p, 'full', rng)}"])
        if not p.f:
            text = text.replace("absente", "absent")
        extra = ["Auto-Submitted: auto-replied", "X-Autoreply: yes"] if i % 2 == 0 else ["Precedence: auto_reply"] if i % 3 else []
        m = c.new("autoreply", name(p, "Prénom Nom"), address(p, rng),
                  pick(["Réponse automatique : Tribune VSA", "Absence du bureau", "Automatic reply: Appel à signatures", "Absente", "[Absence] Re: tribune"]),
                  text=text + "\n", extra=extra)
        c.label(m, m.file[:-4], "autoreply", "nonsigning", "autoreply", None, "no_signer")
    # newsletters
    for _i in range(5):
        p = d.person("mai")
        text = (f"LETTRE D'INFORMATION – {p.commune.upper()} – MAI 2026\n\nLe mot {'de la maire' if p.f else 'du maire'}\n"
                f"Chères habitantes, chers habitants, les travaux de la place reprennent lundi.\n\n"
                f"{name(p, 'Prénom NOM')}, {mandate(p, 'full', rng)}\n\nAgenda : conseil municipal le 28 mai à 19 h.\n\n"
                f"Pour vous désinscrire, cliquez ici : https://{slug(p.commune)}.example/desinscription\n")
        m = c.new("newsletter", f"Mairie de {p.commune}", f"newsletter@{slug(p.commune)}.fr", f"La lettre de {p.commune} – mai 2026",
                  text=text, extra=[f"List-Unsubscribe: <https://{slug(p.commune)}.example/desinscription>", "Precedence: bulk"])
        c.label(m, m.file[:-4], "newsletter", "nonsigning", "newsletter", None, "no_signer")
    # withdrawals, referring to earlier signatures of the corpus (officials of single-message shapes)
    earlier = [r for r in c.labels if r["case"] == "official" and r["shape"] in ("oneliner", "sigblock", "abbrev")]
    for _i, r in enumerate(earlier[:5]):
        src = next(x for x in c.msgs if x.file == r["message_file"])
        who = f"{r['prenom']} {r['nom'].upper()}"
        text = pick([f"Bonjour,\nAprès réflexion, je retire ma signature de la tribune. Merci de ne pas publier mon nom.\n{who}",
                     f"Bonjour,\nje souhaite retirer ma signature, mon conseil n'a pas souhaité s'associer.\nCordialement\n{who}",
                     f"Merci de retirer mon nom ({who}) de la liste des signataires.",
                     f"Je retire ma signature. {who}"])
        m = c.new("withdraw", src.from_name, src.from_addr, "Retrait de signature", text=text + "\n")
        c.label(m, m.file[:-4], "withdraws", "nonsigning", "withdraw", None, "no_signer", refers_to=src.file)
    # spam
    spams = [("Service Colis", "noreply@colis-suivi.example", "Votre colis est en attente",
              "Bonjour,\nVotre colis n'a pas pu être livré. Réglez 1,99 € de frais : http://colis-suivi.example/pay\n"),
             ("Marc Dupuis - Référencement", "marc@seo-boost.example", "Votre site web",
              "Bonjour,\nJ'ai remarqué que votre site n'apparaît pas en première page de Google. Je vous propose un audit gratuit.\nMarc Dupuis\nConsultant SEO\n"),
             ("Maire de Paris", "maire.paris@secure-mail.example", "URGENT : signature demandée",
              "Madame, Monsieur,\nVeuillez ouvrir le document joint pour signer la tribune.\nLe Maire\n"),
             ("Caisse d'Allocations", "caf@remboursement.example", "Remboursement en attente",
              "Vous avez droit à un remboursement de 312,40 €. Connectez-vous pour le recevoir.\n"),
             ("Formation Élus 2026", "contact@formation-elus.example", "Formation : réussir son mandat",
              "Madame la Maire, Monsieur le Maire,\nNos formations DIF élus commencent en juin. Inscrivez-vous !\nL'équipe Formation Élus\n")]
    for disp, addr, subj, text in spams:
        m = c.new("spam", disp, addr, subj, text=text)
        c.label(m, m.file[:-4], "other", "nonsigning", "spam", None, "no_signer")
    # the organisers' own call, as sent (the Sent copy lands in the shared mailbox)
    for _i in range(2):
        m = c.new("org_call", ORG_NAME, ORG_ADDR, f"Appel à signatures : {CALL_TITLE}", text=CALL + "\n",
                  to="undisclosed-recipients:;")
        c.label(m, m.file[:-4], "other", "nonsigning", "org_call", None, "no_signer")
    return c


def main() -> int:
    if not RELEASE.is_dir():
        print(f"needs {RELEASE}", file=sys.stderr)
        return 1
    rng = random.Random(SEED)
    births, depts, pools = load_registry()
    for o in ORG_PEOPLE:
        first, last = o.split(" ", 1)
        assert key(last, first) not in births, o
    d = Drawer(rng, births, depts, pools)
    c = build(rng, d)
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    for m in c.msgs:
        (OUT / m.file).write_bytes(render(m))
    cols = ["message_file", "thread", "intent", "case", "shape", "nom", "prenom", "truth_kind", "truth_code_commune",
            "truth_code_departement", "expected", "impostor_type", "refers_to", "client", "encoding"]
    with open(LABELS, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, delimiter=";", lineterminator="\n")
        w.writeheader()
        w.writerows(c.labels)
    print(f"{len(c.msgs)} messages, {len(c.labels)} label rows -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
