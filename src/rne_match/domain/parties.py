"""Party labels as signers write them, mapped to one label per party; the raw text is kept.

Signers write « EELV », « Europe Écologie - Les Verts », « les écologistes », « membre de LFI »,
« PS / Place publique », « SE »… A coverage table by party is only useful once these collapse to
one label each. Unknown texts are kept as written (trimmed), never guessed into a party.
"""

from __future__ import annotations

import re

import polars as pl

from .text import fold

# label -> aliases, written as people write them (folded before use).
PARTIES: dict[str, tuple[str, ...]] = {
    "Les Écologistes (EELV)": ("EELV", "EE-LV", "EELV-Les Verts", "Europe Écologie Les Verts", "Europe Écologie",
                               "Les Écologistes", "Écologistes", "Les Verts", "Verts", "écologiste", "écolo",
                               "Parti écologiste", "Les Écologistes - EELV", "LE"),
    "La France insoumise (LFI)": ("LFI", "FI", "France insoumise", "La France insoumise", "insoumis", "insoumise"),
    "Parti socialiste (PS)": ("PS", "Parti socialiste", "socialiste"),
    "Parti communiste français (PCF)": ("PCF", "Parti communiste", "Parti communiste français", "communiste"),
    "Génération·s": ("Génération.s", "Générations", "Génération s", "G.s", "G s"),
    "Place publique": ("Place publique", "PP"),
    "L'Après": ("L'Après", "Après"),
    "Gauche républicaine et socialiste (GRS)": ("GRS", "Gauche républicaine et socialiste"),
    "Parti radical de gauche (PRG)": ("PRG", "Parti radical de gauche", "Radicaux de gauche", "Les Radicaux de gauche"),
    "Nouveau Parti anticapitaliste (NPA)": ("NPA", "Nouveau parti anticapitaliste"),
    "Lutte ouvrière (LO)": ("LO", "Lutte ouvrière"),
    "Génération écologie (GE)": ("GE", "Génération écologie"),
    "Nouveau Front populaire (NFP)": ("NFP", "Nouveau Front populaire", "Front populaire"),
    "NUPES": ("NUPES", "Nouvelle union populaire écologique et sociale"),
    "Parti pirate": ("Parti pirate", "Pirates", "Mouvement pirate"),
    "Nouvelle Donne": ("Nouvelle Donne", "ND"),
    "Ensemble !": ("Ensemble!", "Ensemble ! (mouvement)"),
    "Parti animaliste": ("Parti animaliste", "PA"),
    "Régionalistes (R&PS)": ("R&PS", "RPS", "Régions et peuples solidaires", "Femu a Corsica", "Unser Land",
                             "Union démocratique bretonne", "UDB", "Parti occitan", "Euskal Herria Bai", "EH Bai"),
    "Renaissance": ("Renaissance", "LREM", "REM", "La République en marche", "En marche", "EM",
                    "Ensemble pour la République", "EPR", "majorité présidentielle"),
    "MoDem": ("MoDem", "Mouvement démocrate", "Les Démocrates"),
    "Horizons": ("Horizons",),
    "UDI": ("UDI", "Union des démocrates et indépendants"),
    "Les Républicains (LR)": ("LR", "Les Républicains", "Républicains", "UMP"),
    "Rassemblement national (RN)": ("RN", "Rassemblement national", "FN", "Front national"),
    "Reconquête": ("Reconquête", "Reconquete!", "REC"),
    "Debout la France (DLF)": ("DLF", "Debout la France"),
    "Divers gauche (DVG)": ("DVG", "Divers gauche", "gauche", "sans étiquette gauche", "SE gauche"),
    "Divers écologiste (DVE)": ("DVE", "Divers écologiste", "divers écolo"),
    "Divers centre (DVC)": ("DVC", "Divers centre", "centre"),
    "Divers droite (DVD)": ("DVD", "Divers droite", "droite"),
    "Sans étiquette": ("SE", "Sans étiquette", "Sans", "Aucun", "Aucune", "Sans parti", "Non encarté",
                       "Non encartée", "Non-inscrit", "Non inscrit", "NI", "Indépendant", "Indépendante",
                       "Apolitique", "Sans appartenance", "Sans appartenance politique", "Divers", "Néant",
                       "Liste citoyenne", "Citoyen", "Citoyenne", "Aucune étiquette"),
}
NOT_GIVEN = "Non renseigné"

_ALIASES: dict[str, str] = {fold(a): label for label, aliases in PARTIES.items() for a in (label, *aliases)}
# Words that may surround a party name without changing it (« membre d'EELV », « groupe PS »).
_FILLER = re.compile(r"\b(membre|membres|adherent|adherente|militant|militante|du|de|des|d|la|le|les|l|"
                     r"au|aux|groupe|parti|encarte|encartee|soutien|soutenu|soutenue|par|liste)\b")
# Short acronyms that are also ordinary words: only trusted when they are the whole text or in brackets.
_WEAK = frozenset({"le", "pp", "pa", "em", "ni", "ge", "nd", "lo", "fi", "sans", "aucun", "aucune", "centre",
                   "droite", "gauche", "divers", "citoyen", "citoyenne", "rec", "apres"})
_SPLIT = re.compile(r"\s*(?:/|\+|,|;|&(?!PS)| et | - |–|—|\|)\s*")
# Aliases that may be found inside a longer text, longest first so « parti socialiste » wins over « ps ».
_INSIDE = sorted((a for a in _ALIASES if a not in _WEAK and len(a) >= 2), key=len, reverse=True)


def _one(part: str) -> str | None:
    key = fold(part)
    if not key:
        return None
    if key in _ALIASES:
        return _ALIASES[key]
    bracket = re.findall(r"[(\[]([^)\]]+)[)\]]", part)
    for inner in bracket:
        if fold(inner) in _ALIASES:
            return _ALIASES[fold(inner)]
    stripped = re.sub(r"\s+", " ", _FILLER.sub(" ", key)).strip()
    if stripped in _ALIASES and stripped not in _WEAK:
        return _ALIASES[stripped]
    # A known multi-word name or a strong acronym inside a longer text.
    words = f" {key} "
    return next((_ALIASES[alias] for alias in _INSIDE if f" {alias} " in words), None)


def normalize_party(text: str | None) -> str:
    """One label for a party text: known parties by name, acronym or bracketed acronym; several
    parties joined with « / »; unknown text kept as written; empty as « Non renseigné »."""
    if text is None or not str(text).strip():
        return NOT_GIVEN
    raw = re.sub(r"\s+", " ", str(text)).strip()
    exact = _ALIASES.get(fold(raw))
    if exact is not None:
        return exact
    labels: list[str] = []
    for part in _SPLIT.split(raw):
        label = _one(part)
        if label and label not in labels:
            labels.append(label)
    return " / ".join(labels) if labels else raw


def party_expr(frame: pl.DataFrame, column: str) -> pl.Expr:
    """Normalised labels for a column: parties repeat, so each distinct text is read once."""
    mapping = {v: normalize_party(v) for v in frame[column].unique().to_list() if v is not None}
    return pl.col(column).replace_strict(mapping, default=NOT_GIVEN, return_dtype=pl.String)


# Acronyms are only trusted in capitals in running text (« PS », not « ps » in « ps : »).
_ACRONYM_ALIASES = sorted({a for aliases in PARTIES.values() for a in aliases
                           if re.fullmatch(r"[A-Z][A-Z&\-.!]{1,6}", a) and fold(a) not in _WEAK}, key=len, reverse=True)
_NAME_ALIASES = sorted({fold(a) for label, aliases in PARTIES.items() for a in (label, *aliases)
                        if len(fold(a).split()) >= 2 or len(fold(a)) >= 8} - _WEAK - {"sans etiquette gauche"},
                       key=len, reverse=True)
# One pass over the text for each list: the leftmost hit, and at one position the longest alias
# (alternatives are tried in order), which is what a search per alias then a minimum gave.
# « PS : merci de… » is a postscript, not the Parti socialiste.
_ACRONYM_RE = re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, _ACRONYM_ALIASES)) + r")(?![\w&])(?!\s*:)")
_NAME_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, _NAME_ALIASES)) + r")\b")


def find_party(text: str) -> str | None:
    """The first party named in free text, as written there (the raw spelling is what the
    organiser keeps; `normalize_party` maps it later). Acronyms count in capitals only."""
    hits: list[tuple[int, str]] = []
    m = _ACRONYM_RE.search(text)
    if m:
        hits.append((m.start(), m.group(0)))
    # Positions in the folded text approximate those in the raw text closely enough to order hits.
    m = _NAME_RE.search(fold(text))
    if m:
        hits.append((m.start(), _raw_span(text, m.group(0)) or m.group(0)))
    if not hits:
        return None
    return min(hits, key=lambda h: (h[0], -len(h[1])))[1]


def _raw_span(text: str, folded_name: str) -> str | None:
    """The raw words of `text` whose fold is `folded_name`."""
    words = re.findall(r"[\w'’.&-]+", text)
    n = len(folded_name.split())
    head = folded_name.split()[0]
    for i in range(len(words)):
        if fold(words[i]).split()[:1] != [head]:  # start on the name's first word, not on « 34) »
            continue
        for j in range(i + 1, min(len(words), i + n + 3) + 1):
            chunk = " ".join(words[i:j])
            if fold(chunk) == folded_name:
                start = text.find(words[i])
                end = text.find(words[j - 1], start) + len(words[j - 1])
                return text[start:end] if start >= 0 and end > start else chunk
    return None
