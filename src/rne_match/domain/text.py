"""French name normalisation, as plain functions (one string) and polars expressions (columns).

Both produce the same "folded" form: lowercase ASCII letters separated by single spaces, so
`Hélène-Œuvrard d’Estaing`, `HELENE OEUVRARD D'ESTAING` and `helene oeuvrard d estaing` are
equal. Matching only ever compares folded forms.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import polars as pl

PARTICLES = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "van", "von", "der", "den", "di", "da", "del", "ben", "el", "al", "dos", "do", "y"})
CIVILITIES_F = frozenset({"mme", "madame", "mlle", "mademoiselle", "mmes", "mesdames"})
CIVILITIES_M = frozenset({"m", "mr", "monsieur", "messieurs", "mm"})
TITLES = frozenset({"dr", "docteur", "pr", "professeur", "me", "maitre"})
MARRIAGE_WORDS = ("epouse", "ep", "nee", "ne", "veuve", "vve", "dite", "dit")

# Letters NFKD does not decompose; shared by the Python and polars folds so both stay equal.
LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d"}
_LIGATURES = str.maketrans(LIGATURES)
_NON_LETTER = re.compile(r"[^a-z]+")


# Combining marks deleted by one C-level `translate` instead of a Python loop per character.
_NO_MARKS = dict.fromkeys(c for c in range(0x300, 0x10000) if unicodedata.combining(chr(c)))


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str | None) -> str:
    """Lowercase ASCII words: accents, ligatures, apostrophes, hyphens and dots removed.
    Cached: signature lists repeat communes, mandates and first names."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", str(text).translate(_LIGATURES)).translate(_NO_MARKS).lower()
    return _NON_LETTER.sub(" ", text).strip()


def fold_expr(expr: pl.Expr) -> pl.Expr:
    """The polars twin of :func:`fold`, for whole columns at once."""
    e = expr.fill_null("")
    for src, dst in LIGATURES.items():
        e = e.str.replace_all(src, dst, literal=True)
    return (
        e.str.normalize("NFKD")
        .str.replace_all(r"\p{M}", "")
        .str.to_lowercase()
        .str.replace_all(r"[^a-z]+", " ")
        .str.strip_chars()
    )


def map_unique(df: pl.DataFrame, src: str, dst: str, fn=None) -> pl.DataFrame:
    """Apply a column expression (default: fold) to the distinct values only, then join back:
    registry names repeat a lot, so this divides the string work several times."""
    fn = fn or fold_expr
    uniq = df.select(pl.col(src).unique()).with_columns(fn(pl.col(src)).alias(dst))
    return df.join(uniq, on=src, how="left", nulls_equal=True)




def strip_particles_expr(expr: pl.Expr) -> pl.Expr:
    pattern = r"\b(" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")\b"
    stripped = expr.str.replace_all(pattern, " ").str.replace_all(r"\s+", " ").str.strip_chars()
    return pl.when(stripped == "").then(expr).otherwise(stripped)


def civility_sex(text: str) -> str | None:
    """`Mme`, `Madame` -> F; `M.`, `Monsieur` -> M."""
    words = fold(text).split()
    if not words:
        return None
    if words[0] == "m" and len(words) > 1 and len(words[1]) == 1:  # « M.-L. Fauchille »: initials
        return None
    if words[0] in CIVILITIES_F:
        return "F"
    if words[0] in CIVILITIES_M:
        return "M"
    return None


def remove_civility(folded: str) -> str:
    """Leading civilities and titles. A lone « m » before another initial is an initial
    (« M.-F. Régis » is Marie-France), and a title that would leave a single word is the
    surname (« MAITRE André », « Maître » alone)."""
    words = folded.split()
    while words:
        head = words[0]
        if head == "m" and len(words) > 1 and len(words[1]) == 1:
            break
        if head in CIVILITIES_F or head in CIVILITIES_M or head in TITLES and len(words) > 2:
            words = words[1:]
        else:
            break
    return " ".join(words)


def split_marriage(folded: str) -> tuple[str, list[str]]:
    """`dupont epouse martin` -> ("dupont", ["martin"]); `martin nee dupont` likewise."""
    pattern = r"\b(" + "|".join(MARRIAGE_WORDS) + r")\b"
    parts = [p.strip() for p in re.split(pattern, folded)]
    main = parts[0]
    others = [p for i, p in enumerate(parts[1:], 1) if i % 2 == 0 and p]
    return main, others



def is_initials(raw: str) -> bool:
    """`J.-P.`, `J. P.`, `JP` (at most 3 capitals) are initials, not a first name."""
    raw = raw.strip()
    if re.fullmatch(r"(?:[A-Za-zÀ-ÿ]\.\s*-?\s*){1,3}", raw):
        return True
    return bool(re.fullmatch(r"[A-Z]{1,2}", raw))


def skeleton(folded: str) -> str:
    """A coarse phonetic key (first letter + consonants, no doubles): blocks on surname typos."""
    if not folded:
        return ""
    word = folded.replace(" ", "")
    head, tail = word[0], re.sub(r"[aeiouyh]", "", word[1:])
    tail = re.sub(r"(.)\1+", r"\1", tail)
    return (head + tail)[:5]


def skeleton_expr(expr: pl.Expr) -> pl.Expr:
    word = expr.str.replace_all(" ", "", literal=True)
    tail = word.str.slice(1).str.replace_all(r"[aeiouyh]", "")
    # Collapse doubled consonants the way `skeleton` does (the regex engine has no back-references).
    for c in "bcdfgjklmnpqrstvwxz":
        tail = tail.str.replace_all(c + "+", c)
    return (word.str.slice(0, 1) + tail).str.slice(0, 5)
