"""Read a mandate as people write it: « adjointe au maire de St-Jean-de-Védas (34) ».

The parser returns the RNE kind, a normalised function, the sex the noun implies (conseillère,
adjointe…), the place as written and a département code when one is given. It never guesses the
place from the registry: that is the matcher's job, which can compare the place with every mandate
of every candidate.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from ..errors import PolicyError
from .kinds import KINDS
from .territories import (
    DEP_BY_NAME,
    DEPARTEMENTS,
    OLD_REGIONS,
    REGIONS,
    commune_names,
    departement_of_postcode,
)
from .text import fold


@dataclass(frozen=True)
class Mandate:
    kind: str | None  # RNE kind code: cm, mai, cd, cr, ca, ma, epci, dep, sen, rpe, cons, afe
    fonction: str | None  # maire, adjoint, conseiller, president, vice-president, maire delegue
    sexe: str | None
    place: str  # folded place text, "" when none
    code_departement: str | None
    code_region: str | None
    text: str

    @property
    def label(self) -> str:
        return " ".join(x for x in (self.fonction, self.kind, self.place) if x)


_REG_BY_NAME = {fold(name): code for code, name in REGIONS.items()}
_REG_BY_NAME.update({fold(name): code for name, code in OLD_REGIONS.items()})

# (pattern on folded text, kind, fonction); first match wins, so specific before generic.
_RULES: list[tuple[str, str | None, str | None]] = [
    (r"\b(depute|deputee)s? (au |du )?parlement europeen|\bdeputee? europeen(ne)?\b|\beurodeputee?\b", "rpe", "depute europeen"),
    (r"\bsenat(eur|rice)\b", "sen", "senateur"),
    (r"\bdeputee?\b", "dep", "depute"),
    (r"\bconseill(er|ere)s? (a l )?assemblee des francais de l etranger\b", "afe", "conseiller"),
    (r"\bconseill(er|ere)s? (des francais de l etranger|consulaire)s?\b", "cons", "conseiller"),
    # the adjoint·e before the mayor: « 11e adjoint au maire d'arrondissement » holds both words
    (r"\badjointe? (au |a la )?maire (du |d )?(\w+ )?arrondissement\b", "ca", "adjoint"),
    (r"\bmaire (d )?arrondissement\b", "ca", "maire"),
    # « maire des 13e et 14e arrondissements de Marseille », « maire du 7e secteur », « maire de secteur »
    # (folding drops the numbers: « des e et e arrondissements »)
    (r"\bmaire (?:de |des |du )(?:(?:e|er|eme|premier) (?:et )?)*(?:arrondissements?|secteur)\b(?! (?:sur|sous|les|en)\b)", "ca", "maire"),
    (r"\bconseill(er|ere)s? (d )?arrondissement\b", "ca", "conseiller"),
    (r"\bconseill(er|ere)s? de secteur\b", "ca", "conseiller"),
    (r"\bconseill(er|ere)s? (?=de paris\b)", "cm", "conseiller"),
    (r"\bmaire deleguee?\b", "cm", "maire delegue"),
    (r"\b(premiere?|1e?re?|1er|\d+ ?(e|eme|er|ere)|\w+ieme)? ?adjointe?s? (au |a la |du )?maire\b", "cm", "adjoint"),
    (r"\badjointe?s?\b", "cm", "adjoint"),
    (r"\bmaire\b", "mai", "maire"),
    (r"^cm\b|\bcm (?=de |du |d |a )", "cm", "conseiller"),
    (r"\bconseill(er|ere)s? (municipa(l|le|ux|les)|communa(l|le|ux))\b", "cm", "conseiller"),
    (r"\bconseill(er|ere)s? (departementa(l|le|ux)|genera(l|le|ux))\b", "cd", "conseiller"),
    (r"\bvice ?presidente? du (conseil )?departement(al)?\b", "cd", "vice-president"),
    (r"\bpresidente? du (conseil )?departement(al)?\b|\bpresidente? du conseil general\b", "cd", "president"),
    (r"\bconseill(er|ere)s? regiona(l|le|ux)\b", "cr", "conseiller"),
    (r"\bvice ?presidente? (du conseil regional|de (la )?region)\b", "cr", "vice-president"),
    (r"\bpresidente? (du conseil regional|de (la )?region)\b", "cr", "president"),
    # the territory stays for the place: « … de Guyane » is one of three assemblies
    (r"\bconseill(er|ere)s? (a l |de l )?assemblee de (?=(corse|guyane|martinique)\b)|\bconseill(er|ere)s? territoria(l|le|ux)\b|\bconseill(er|ere)s? executi(f|ve)\b", "ma", "conseiller"),
    (r"\bconseill(er|ere)s? metropolitaine? de lyon\b|\bconseill(er|ere)s? de la metropole de lyon\b", "ma", "conseiller"),
    (r"\bconseill(er|ere)s? (communautaire|metropolitain|metropolitaine|d agglomeration)s?\b", "epci", "conseiller"),
    (r"\bvice ?presidente?\b", None, "vice-president"),
    (r"\bpresidente?\b", None, "president"),
    (r"\bconseill(er|ere)s?\b", None, "conseiller"),
    (r"\belue?s? municipa(l|le|ux|les)\b", "cm", "conseiller"),
    (r"\belue?s? departementa(l|le|ux|les)\b", "cd", "conseiller"),
    (r"\belue?s? regiona(l|le|ux|les)\b", "cr", "conseiller"),
    (r"\belue?s?\b", None, None),
]
_COMPILED = [(re.compile(p), k, f) for p, k, f in _RULES]

# Abbreviations and other names of mandates, rewritten (on folded text) into the words the rules
# read. Folding drops dots, so « dép. » is the word « dep » next to « conseiller ».
_SYNONYMS: list[tuple[str, str]] = [
    (r"\bmairesse\b", "maire"),
    # « élue d'opposition à Thionville », « élu de la majorité municipale de Sury »: a municipal seat
    # (not a seat at the département, the region, a metropolis or an assembly: « élu d'opposition à la Région »)
    (r"\belue?s? (?:d opposition|de l opposition|de la (?:majorite|minorite)|minoritaires?|majoritaires?)(?: municipale)?\b"
     r"(?! (?:au |du |a la |a l |de la |de l |a )?(?:conseil (?:departemental|regional|communautaire|general|de)|assemblee|region|"
     r"departement|metropole|communaute|agglomeration|collectivite|departementale|regionale|metropolitaine))"
     r"(?: (?:au|du) conseil municipal\b)?", "conseiller municipal"),
    # regions by their usual initials (« cons. rég. IDF »)
    (r"\bidf\b", "ile de france"), (r"\bcvl\b", "centre val de loire"), (r"\bpaca\b", "provence alpes cote d azur"),
    (r"\baura\b", "auvergne rhone alpes"), (r"\bbfc\b", "bourgogne franche comte"), (r"\bhdf\b", "hauts de france"),
    (r"\bpdl\b", "pays de la loire"), (r"\bnaq\b", "nouvelle aquitaine"),
    (r"\bpremi(?:er|ere) magistrate?\b|\bediles?\b", "maire"),
    (r"\bgrand lyon\b", "metropole de lyon"),
    # « Députée sortante », « maire en exercice »: the seat is held until the election
    (r"\b(deputee?|senat(?:eur|rice)|maire|conseill(?:er|ere)s?(?: \w+)?) (?:sortante?s?|en exercice|actuel(?:le)?)\b", r"\1"),  # the Métropole de Lyon's name before 2015, still in use
    # « je siège au conseil municipal de X », « je représente le canton de X au conseil départemental »
    (r"\bsieg\w* (?:au|a la|a l|dans le) (?:conseil de (?:la )?)?metropole de lyon\b", "conseiller de la metropole de lyon"),
    (r"\bsieg\w* (?:au|a la|a l|dans le) conseil (municipal|departemental|regional|communautaire)\b", r"conseiller \1"),
    (r"\bsieg\w* dans (?:l opposition|la majorite) municipale\b", "conseiller municipal"),
    # « membre du conseil municipal de X », « opposition municipale, X », « dans l'opposition au conseil municipal de X »,
    # « Élu pour la première fois en mars au conseil municipal de X », « Conseil municipal de X » under a name, « C.M. X »
    (r"\bmembre du conseil municipal\b|\b(?:dans l )?(?:opposition|minorite) (?:municipale|au conseil municipal)\b|"
     r"\belue?s?\b(?: [a-z]+){0,8}? au conseil municipal\b|^conseil municipal\b|^c m\b", "conseiller municipal"),
    # the Collectivité européenne d'Alsace: its councillors are « conseillers d'Alsace », its initials CeA
    (r"\b(?:sieg\w* (?:a la|au sein de la) |conseill(?:er|ere)s? (?:departementa\w* )?(?:a la |de la )?)?"
     r"(?:collectivite europeenne d alsace|cea)\b", "conseiller departemental alsace"),
    (r"\bconseill(?:er|ere)s? d alsace\b", "conseiller departemental alsace"),
    # « je représente le canton de Lavaur Cocagne au conseil départemental du Tarn »: the council names the département
    (r"\b(?:represente le|binome du) canton (?:de |d |du |des )?(.+?) (?:au|du) conseil departemental (?:de la |de l |du |des |de |d )?(.+)$",
     r"conseiller departemental canton \1 departement \2"),
    (r"\brepresente le canton\b", "conseiller departemental canton"),
    # « je représente la Gironde au conseil régional de la Nouvelle-Aquitaine »: a regional councillor of its section
    (r"\brepresente (?:la |le |l |les )?(.+?) au conseil regional (?:de la |de l |du |des |de |d )?(.+)$",
     r"conseiller regional \2"),
    (r"\bsiege\w* (?:maintenant |desormais |aujourd hui )?comme\b", ""),  # « je siège maintenant comme conseiller… »
    # Paris, Lyon, Marseille: « maire du 5e », « maire de la mairie du 5e », « adjoint au maire du 7e secteur »,
    # « conseillère du 3e arrondissement » (folding drops the number: « du e »)
    (r"\bmaire (?:de la mairie )?(?:du|des) (?:e|er|eme)(?: et (?:e|er|eme))?(?: (?:arrondissements?|secteurs?))?\b",
     "maire d arrondissement"),
    (r"\b(conseill(?:er|ere)s?|elue?s?) (?:du|des) (?:e|er|eme)(?: et (?:e|er|eme))? (?:arrondissements?|secteurs?)\b",
     "conseiller d arrondissement"),
    # « maire de la commune déléguée d'Échemiré »: a maire délégué
    (r"\bmaire de la commune deleguee\b", "maire delegue"),
    (r"\bsection (?:du |de la |de l |des |de )?", ""),  # « conseillère régionale (section du Pas-de-Calais) »
    # « Élu CTM – Collectivité Territoriale de Martinique », « élue à la CTG »: a member of its assembly
    (r"\b(?:elue?s?|conseill(?:er|ere)s?|membre) (?:a la |de la )?(?:(?:ctm|ctg)(?: collectivite territoriale)?|collectivite territoriale)"
     r" (?:de )?(martinique|guyane)\b", r"conseiller a l assemblee de \1"),
    (r"\belue?s? (?:a la |de la )?ctm\b", "conseiller a l assemblee de martinique"),
    (r"\belue?s? (?:a la |de la )?ctg\b", "conseiller a l assemblee de guyane"),
    (r"\b(?:ctg|ctm)\b", " "),  # collectivité territoriale de Guyane / de Martinique
    (r"\b(?:cons|cllr|conseil) (mun|municipa\w*)\b", "conseiller municipal"),
    (r"\b(?:cons|cllr) (?:dep|dept|depart\w*)\b", "conseiller departemental"),
    (r"\b(?:cons|cllr) (?:reg|region\w*)\b", "conseiller regional"),
    (r"^ca\b(?= \w)(?! (?:du|de|des|d)\b)", "conseiller d arrondissement"),  # not « CA du Caudrésis »
    (r"\b(?:cons|cllr|conseill(?:er|ere)s?) d arr(?:dt|ondt)?\b", "conseiller d arrondissement"),
    (r"\b(conseill(?:er|ere)s?) (?:mun|munic)\b", r"\1 municipal"), (r"\bconseill (?:mun|munic|municipal\w*)\b", "conseiller municipal"),
    (r"\b(conseill(?:er|ere)s?) (?:dep|dept|depart|departem)\b", r"\1 departemental"),
    (r"\b(conseill(?:er|ere)s?) (?:reg|region)\b(?! (?:de |d |du )?(?:l )?arrondissement)", r"\1 regional"),
    # « VP CD33 », « président CD 974 »: a function of the departmental (regional) council
    # (folding drops digits: « CD33 » is « cd », its number read from the raw text)
    (r"\b(vp|vice presidente?|presidente?) (?:du )?cd\b", r"\1 du conseil departemental"),
    (r"\b(vp|vice presidente?|presidente?) (?:du )?cr\b", r"\1 du conseil regional"),
    (r"^cm\b|\bcm\b(?! \d)", "conseiller municipal"),
    (r"^cd\b|\bcd\b", "conseiller departemental"),
    (r"^cr\b|\bcr\b", "conseiller regional"),
    (r"\badj\b", "adjoint"),
    (r"^sen\b(?= [a-z0-9])", "senateur"),  # « sén. Haute-Loire »
    (r"\b(adjointe?s?) (?:au|a la) (?:mere|mer)\b", r"\1 au maire"),  # dictated: « deuxième adjoint au mère de … »
    (r"\badjte(s?)\b", r"adjointe\1"),
    (r"\badjt(s?)\b", r"adjoint\1"),
    (r"\bvp\b", "vice president"),
    # « conseillère communautaire et municipale »: the municipal seat is the one the RNE lists
    (r"\b(conseill(?:er|ere)s?) (?:communautaires?|metropolitaine?s?) et (municipa\w*)\b", r"\1 \2"),
    (r"\bcons\b(?= (?:departemental|regional|municipal|communautaire|territorial))", "conseiller"),
    (r"\b(?:membre|elue?s?|representante?s?) (?:de l |a l )?assemblee (?:territoriale )?de (corse|guyane|martinique)\b",
     r"conseiller a l assemblee de \1"),
    # « représentant à l'assemblée de la Polynésie française », « membre du congrès de la Nouvelle-Calédonie »
    (r"\b(?:membre|elue?s?|representante?s?|conseill(?:er|ere)s?) (?:de l |a l |du |au )?(?:assemblee|congres) "
     r"(?:territoriale )?(?:de la |de |des |du )?(polynesie francaise|nouvelle caledonie|wallis et futuna)\b",
     r"conseiller territorial \1"),
    # « binôme du canton de Cergy-1 »: the pair elected in each canton
    (r"\bbinome departemental\b", "conseiller departemental"),
    (r"\bbinome\b(?= (?:du |de |d )?canton| (?:au |du )?conseil departemental)", "conseiller departemental"),
    (r"\bconseill(?:er|ere)s? metropolitaine?s?\b(?=.*\blyon\b)", "conseiller de la metropole de lyon"),
]
_SYNONYMS_COMPILED = [(re.compile(p), r) for p, r in _SYNONYMS]


# The words of a mandate as they should be spelt, and nearby real words that are not typos of them.
_MANDATE_VOCAB = {"conseiller": "conseiller", "conseillere": "conseillère", "conseillers": "conseillers",
                  "conseilleres": "conseillères", "municipal": "municipal", "municipale": "municipale",
                  "municipaux": "municipaux", "departemental": "départemental", "departementale": "départementale",
                  "regional": "régional", "regionale": "régionale", "adjoint": "adjoint", "adjointe": "adjointe"}
_NOT_TYPOS = frozenset({"conseil", "conseils", "conseille", "consensus", "municipalite", "municipalites", "departement",
                        "departements", "region", "regions", "regionaux", "departementaux", "adjoints", "adjointes",
                        "conserver", "considere", "consideree", "regionales", "departementales", "municipales"})
_TYPO_WORD = re.compile(r"\b(?:cons|cosn|muni|depa|dépa|regi|régi|adjo)[a-zà-ÿ]{3,}\b", re.I)


def fix_mandate_typos(text: str) -> str:
    """« conseilere municiaple » → « conseillère municipale »: a mandate word one slip away (two for
    long words), so that a hurried signer's mandate is read; real words nearby are kept."""
    def fix(m: re.Match) -> str:
        word = m.group(0)
        folded = fold(word)
        if folded in _MANDATE_VOCAB or folded in _NOT_TYPOS:
            return word
        limit = 2 if len(folded) >= 9 else 1
        distance, best = min((OSA.distance(folded, v), v) for v in _MANDATE_VOCAB)
        if folded[:3] == best[:3] and distance <= limit:
            return _MANDATE_VOCAB[best].upper() if word.isupper() else _MANDATE_VOCAB[best]
        return word

    return _TYPO_WORD.sub(fix, text)


_ENGLISH_TITLES = [
    (r"deputy mayor", "adjoint au maire"), (r"mayor", "maire"),
    (r"(?:municipal|town|city|local|parish) council(?:l)?or", "conseiller municipal"),
    (r"(?:departmental|county) council(?:l)?or", "conseiller départemental"),
    (r"regional council(?:l)?or", "conseiller régional"), (r"council(?:l)?or", "conseiller municipal"),
]
# Titles in the regional languages of France, as officials sign in them (Breton, Basque, Catalan,
# Corsican, Occitan, Alsatian), and in English (`_ENGLISH_TITLES`, a signer's own title, not « the
# mayor of … » someone else is): the French title they stand for. Feminine forms first.
REGIONAL_TITLES: list[tuple[str, str]] = [
    (r"kuzulierez[- ]k[êe]r", "conseillère municipale"), (r"kuzulier[- ]k[êe]r", "conseiller municipal"),
    (r"kuzulierez[- ]departamant", "conseillère départementale"), (r"kuzulier[- ]departamant", "conseiller départemental"),
    (r"kuzulierez[- ]rannvro", "conseillère régionale"), (r"kuzulier[- ]rannvro", "conseiller régional"),
    (r"eil[- ]?vaerez|eil[- ]?maerez", "adjointe au maire"), (r"eil[- ]?vaer|eil[- ]?maer", "adjoint au maire"),
    (r"maerez|maer", "maire"), (r"auzapeza|auzapez", "maire"), (r"batllessa", "maire"), (r"batlle", "maire"),
    (r"m[èé]r", "maire"),  # Réunion and Antilles creoles
    (r"cunsiglier[ae] [àa] l['’]assemblea di corsica", "conseillère à l'assemblée de Corse"),
    (r"cunsiglieru [àa] l['’]assemblea di corsica", "conseiller à l'assemblée de Corse"),
    (r"zinegotzi(?:a)?", "conseiller municipal"), (r"alkateorde(?:a)?", "adjoint au maire"), (r"alkate(?:a)?", "maire"),
    (r"regidora", "conseillère municipale"), (r"regidor", "conseiller municipal"),
    (r"tinenta? d['’]alcalde", "adjoint au maire"), (r"alcaldessa|alcalde", "maire"),
    (r"cunsigliera municipale", "conseillère municipale"), (r"cunsiglieru municipale", "conseiller municipal"),
    (r"conselhi[èe]ra municipala", "conseillère municipale"), (r"conselhi[èe]r municipal", "conseiller municipal"),
    (r"conselhi[èe]ra departamentala", "conseillère départementale"),
    (r"conselhi[èe]r departamental", "conseiller départemental"),
    (r"conselhi[èe]ra regionala", "conseillère régionale"), (r"conselhi[èe]r regional", "conseiller régional"),
    # (Alsatian « vun », « vu »: « de » before the commune)
    (r"(?:gemeinder[äa]tin|gemeinderat) vun?", "conseiller municipal de"),
    (r"c[òo]nsol", "maire"), (r"gemeinder[äa]tin|gemeinderat", "conseiller municipal"),
    (r"(?:b[üu]rgermeisterin|b[üu]rgermeister) vun?", "maire de"), (r"b[üu]rgermeisterin|b[üu]rgermeister", "maire"),
    # English, as officials with English-speaking correspondents or roots write it (« municipal councillor,
    # Saint-Martin-Lalande (11) », « mayor of Sury »): « of » and « in » before the place read « de »
    *((rf"(?<!\bthe ){english}(?: of| in)", f"{french} de") for english, french in _ENGLISH_TITLES),
    *((rf"(?<!\bthe ){english}", french) for english, french in _ENGLISH_TITLES),
]
_REGIONAL = re.compile("|".join(rf"\b(?:{p})\b" for p, _ in REGIONAL_TITLES), re.I)
_REGIONAL_EACH = [(re.compile(rf"\b(?:{p})\b", re.I), fr) for p, fr in REGIONAL_TITLES]


_BASQUE_TOWN_HALL = re.compile(r"\b(\w+?)k?o\s+udala\b", re.I)  # « Baionako Udala »: the town hall of Baiona
_CATALAN_TOWN_HALL = re.compile(r"\bl['’]ajuntament\s+(?:de\s+|d['’])", re.I)  # « de l'Ajuntament de Perpinyà »


def translate_regional_titles(text: str) -> str:
    """« Kuzulier-kêr Kemper », « Zinegotzia, Baionako Udala », « Cunsigliera municipale di Bastìa »:
    the title read in French (the place keeps its own name)."""
    if not _REGIONAL.search(text):
        return text
    for pattern, french in _REGIONAL_EACH:
        text = pattern.sub(french, text)
    return _CATALAN_TOWN_HALL.sub("", _BASQUE_TOWN_HALL.sub(r"mairie de \1", text))


def _canonical(folded: str) -> str:
    folded = fold(fix_mandate_typos(folded)) if _TYPO_WORD.search(folded) else folded
    for pattern, repl in _SYNONYMS_COMPILED:
        folded = pattern.sub(repl, folded)
    return folded

_FEMININE = re.compile(r"\b(conseillere|adjointe|deputee|senatrice|presidente|vice ?presidente|(?<!commune )deleguee|elue|"
                       r"conseilleres|adjointes)\b")
_MASCULINE = re.compile(r"\b(conseiller|adjoint|depute|senateur|president|vice ?president|delegue|elu)\b")

_BOTH_SEXES = re.compile(r"\b(conseill|adjoint|delegu|elu|depute|president)(?:er|ere|e)?s? et \1")

# Words between the function and the place, removed to leave the place alone.
# « Ville », « commune », « mairie » only before « de »: « Ville de Dunkerque » is Dunkerque, while
# Ville-sur-Lumes and Ville-Savoye are communes.
_FILLER = re.compile(
    r"^(?:(?:de|du|des|d|a|au|aux|la|le|les|l|en|pour|sur|"
    r"conseil|municipal|municipale|departement|departemental|departementale|region|regional|"
    r"regionale|canton|collectivite|territoriale|assemblee|metropole|communaute|"
    r"charge|chargee|delegation|delegue|deleguee|opposition|majorite|groupe|minorite)\s+"
    r"|(?:ville|commune|communes|mairie)\s+(?=(?:de|du|des|d)\s))+"
)
_SAINT = re.compile(r"\b(st|ste)\b")


def _saints(folded: str) -> str:
    """« st », « ste » written out, as commune names have them."""
    return _SAINT.sub(lambda x: "saint" if x.group(1) == "st" else "sainte", folded)


_DEP_CODE = re.compile(
    r"[(\[]\s*(\d{2,3}|2[abAB])\s*[)\]]|\b(\d{5})\b|(?:^|[-,\s])\s*(\d{2,3}|2[abAB])\s*$|(?i:\b(?:cd|d[ée]p|d[ée]pt|dpt|d[ée]partement)\.?\s?(\d{2,3}|2[ab])\b)")
# « (Sorbiers, Hautes-Alpes) », « Maire - Brest », « [55] »: what punctuation sets apart.
_SEGMENTS = re.compile(r"[()\[\],;/]|\s[-–—]\s")
# « déléguée à la culture », « chargé des sports »: a delegation, not a place (up to a bracket,
# comma or dash). « maire délégué de X » is a function and stays. An adjoint·e's delegation written
# right after the title (« 2e adjointe aux affaires scolaires ») is one too: a lowercase word after
# « à / au / aux » is a field of action, never a commune (« adjoint à Brest » keeps its capital).
_DELEGATION_START = (r"(?i)(?:\b(?:d[ée]l[ée]gu[ée]e?s?\s+(?:à|a|au|aux)|charg[ée]e?s?\s+(?:de|du|des|d['’])|en\s+charge\s*(?:(?:de|du|des)\s|d['’]|:))|"
                     r"(?:(?<=\badjoint\s)|(?<=\badjointe\s))(?:à|a|au|aux)\s+(?!(?:la\s+|le\s+)?maire\b)(?=(?-i:[a-zà-ÿ])))"
                     r"[^()\[\],;–—]*?(?=$|[()\[\],;–—]|\s-\s|")
_DELEGATION = re.compile(_DELEGATION_START + r"\s(?:de|du)\s+(?!(?:la|le|les)\s|l['’])[A-ZÀ-Ý]|\sd['’][A-ZÀ-Ý])")
_DELEGATION_CASED = re.compile(_DELEGATION_START + r"\s(?:de|du)\s+(?-i:[A-ZÀ-Ý])|\sd['’](?-i:[A-ZÀ-Ý]))")
# A lowercase segment after a dash or in brackets that names no commune is a field of action (« 5e adjointe
# – transition écologique », « 1er adjoint (éducation) »); « conseiller municipal (vaux-sur-vienne) », typed on a
# phone, names one and stays.
_LOWER_SEGMENT = re.compile(r"\s[–—-]\s(?-i:[a-zà-ÿ])[^,;()\[\]–—\d]*?(?=$|[,;()\[\]–—])|\s*\((?-i:[a-zà-ÿ])[^()\d]*\)")


_ARTICLE_AFTER = re.compile(r"\b([A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ýa-zà-ÿ][\w'’-]*){0,4})\s*\((La|Le|Les|L['’])\)", re.I)


def _no_commune(m: re.Match) -> str:
    """The segment, unless none of its parts names a commune or a département (« (cuverville, calvados) »,
    « - st-marcel-sur-aude » stay) or it holds a capitalised word (« (section du Pas-de-Calais) »)."""
    if any(c.isupper() for c in m.group(0)):
        return m.group(0)
    for part in re.split(r"[,/]", m.group(0).strip(" ()–—-")):
        folded = _saints(fold(part))
        if folded in commune_names() or folded in DEP_BY_NAME:
            return m.group(0)
    return " "


def _dep_of(raw: str) -> str | None:
    m = _DEP_CODE.search(raw)
    if not m:
        return None
    if m.group(3) and _CITY_WITH_ARRONDISSEMENTS.search(raw[: m.start(3)]):
        return None  # « Paris 16 », « Lyon 3 »: an arrondissement, not a département
    code = (m.group(1) or m.group(3) or m.group(4) or departement_of_postcode(m.group(2) or "")).upper()
    return code if code in DEPARTEMENTS else (code.zfill(2) if code.zfill(2) in DEPARTEMENTS else None)


_CITY_WITH_ARRONDISSEMENTS = re.compile(r"(?i)\b(?:paris|lyon|marseille)\s*$")
_NUMBER = re.compile(r"\b\d+\b")
_TRAILING_LETTERS = re.compile(r"(\s+[a-z])+$")
_SPACES = re.compile(r"\s+")


# « dpt 29 », « dép. 29 »: the abbreviation of « département » is never part of a place.
_DEP_WORD = re.compile(r"\b(?:dpt|dept|dep)\b")
# « maire de Plouha dans les Côtes-d'Armor », « … en Sarthe », « … département du Finistère »: a
# département named after the commune, with a word set apart by spaces (commune names use hyphens).
_DEP_TRAILER = re.compile(r"^(.*?)\s*\b(?:dans|en|departement|dpt|dept|dep)(?:\s+(?:de|du|des|d))?(?:\s+(?:la|le|les|l))?\s+(\S.*)$")
_SPACED_LEAD = re.compile(r"(?i)\s(?:dans|en|d[ée]partement|dpt|d[ée]pt|d[ée]p)\.?\s")


# « maire de la commune », « … de ma commune »: a place that names none
_NO_PLACE = re.compile(r"^(?:(?:la|ma|notre|cette|sa) )?(?:commune|ville|collectivite|municipalite|village)"
                       r"(?: (?:deleguee|nouvelle|associee))?$")


def _clean_place(folded: str) -> str:
    place = _clean_place_words(folded)
    # « maire de la commune, Senozan »: the commune is what follows
    return "" if _NO_PLACE.match(place) else re.sub(r"^(?:(?:la|ma|notre|cette|sa) )?commune (?=\S)", "", place)


def _clean_place_words(folded: str) -> str:
    place = _NUMBER.sub(" ", folded)
    place = _DEP_WORD.sub(" ", place)
    place = _saints(place)
    place = _FILLER.sub("", place.strip() + " ").strip()
    place = _TRAILING_LETTERS.sub("", " " + place).strip()
    return _SPACES.sub(" ", place).strip()


def _place_and_dep(folded_rest: str, raw: str, kind: str | None) -> tuple[str, str | None]:
    """The stated place and département. Segments set apart by brackets, commas or dashes that
    name a département (« (Sorbiers, Hautes-Alpes) », « - Meuse ») give the département, unless
    nothing else would be left for a commune's name (« Maire de Paris »)."""
    dep = _dep_of(raw)
    place = _clean_place(folded_rest)
    # Without brackets, commas or dashes nothing is set apart (and cleaning the whole text again
    # would be wasted: with its function words it never reads as a département alone).
    segments = [_clean_place(fold(seg)) for seg in _SEGMENTS.split(raw)] if _SEGMENTS.search(raw) else []
    dep_named = [seg for seg in segments if seg in DEP_BY_NAME]
    trailer = _DEP_TRAILER.match(place) if _SPACED_LEAD.search(raw) or " departement " in folded_rest else None
    if trailer and trailer.group(2) in DEP_BY_NAME and (trailer.group(1) or kind in ("cd", "cr")):
        dep = dep or DEP_BY_NAME[trailer.group(2)]
        place = trailer.group(1).strip()
    for seg in dep_named:
        # Once, at an end first: « Mont Lozère et Goulet, Lozère » keeps the commune's own word.
        stripped = re.sub(r"(^| )" + re.escape(seg) + r"$", " ", place).strip()
        if stripped == place:
            stripped = re.sub(r"(^| )" + re.escape(seg) + r"( |$)", " ", place, count=1).strip()
        if stripped or kind in ("cd", "cr"):
            dep = dep or DEP_BY_NAME[seg]
            place = re.sub(r"\s+", " ", stripped)
    if kind == "cd":  # « …, Département du Cher – canton de Saint-Martin-d'Auxigny »: the canton's name
        place = re.sub(r"^canton (?:de |du |des |d )?(?=\S)", "", place)
    return place, dep


_DEP_THEN_CANTON = re.compile(r"^(?P<title>.*?\bd[ée]partementa\w*)\s+(?:du|de la|de l['’]|des|de|d['’])\s*(?P<dep>(?!canton\b)[^\s(),–—][^(),–—]*?)"
                              r"\s*(?:\(\s*canton\s+(?:de\s+|d['’]\s*|du\s+)?(?P<canton>[^)]+)\)|"
                              # (or without brackets: « … DE L'OISE CANTON CLERMONT », « … de l'Oise, canton de Clermont »)
                              r"[,–—-]?\s*canton\s+(?:de\s+|d['’]\s*|du\s+)?(?P<bare>[^(),]+?))(?P<code>\s*\((?:\d{2,3}|2[AB])\))?\s*$",
                              re.I)


def _canton_first(m: re.Match) -> str:
    return f"{m['title']} du canton de {m['canton'] or m['bare']} ({m['dep']}){m['code'] or ''}"
# « Député de la 7e circonscription du Var », « députée de la Somme (1re circ.) »: a deputy's seat is a
# numbered constituency of a département, and the département is the place said.
_ONLY_SECTOR = re.compile(r"(?:(?:e|eme|er|ere|premier|secteurs?|arrondissements?|arr|et)\s*)+")
_NUMBERED_SEAT = r"\d{1,2}\s*(?:e|er|re|ère|ere|ème|eme|è|°|ᵉ)?\s*circ(?:onscription|o\b|\.)?"
_SEAT_THEN_DEP = re.compile(rf"\b(?:de\s+la\s+)?{_NUMBERED_SEAT}\s*(?=(?:de|du|des|d['’])(?:\s|(?<=['’])))", re.I)
_DEPUTY_SEAT = re.compile(r"^\s*d[ée]p\.?\s*(\d{2,3}|2[AB])\s*-\s*\d{1,2}\b", re.I)
_SEAT_AFTER = re.compile(rf"\s*(?:[,–—-]\s*|\(\s*)?{_NUMBERED_SEAT}\s*\)?", re.I)


_INNER_BRACKET = re.compile(r"\s*\((?!\s*(?:\d{2,3}|2[AB])\s*\))[^()]*\)(?=\s*(?:de|du|des|d['’]|à|au|aux)\s)", re.I)
_SUR = re.compile(r"(?<=[\s-])s/[\s-]*", re.I)


@functools.lru_cache(maxsize=1 << 15)
def parse_mandate(text: str | None) -> Mandate:
    # « Vesaignes s/ Marne »: « s/ » is « sur » (and no separator that would set « Marne » apart as a département)
    # « maire-adjoint (scolaire, cantine) de Sury »: a bracket between the title and its place is a delegation
    # (in a text with capitals, only a capitalised word after « de » ends a delegation: « chargée du commerce et
    # de l'artisanat » is all delegation; typed in lowercase, « adjoint aux sports de sury » keeps its place)
    delegation = _DELEGATION_CASED if text and not text.islower() else _DELEGATION
    raw = _SUR.sub("sur ", _INNER_BRACKET.sub(" ", delegation.sub(" ", text or "")))
    raw = _LOWER_SEGMENT.sub(_no_commune, raw)
    raw = _ARTICLE_AFTER.sub(r"\2 \1", raw)  # « Flèche (La) », as official lists sort communes: « La Flèche »
    # « conseillère départementale des Pyrénées-Atlantiques (canton de Bayonne-2) »: the canton is the place
    raw = _DEP_THEN_CANTON.sub(_canton_first, raw)
    if "circ" in raw.lower():  # « Député de la 7e circonscription du Var »: the département is the place
        raw = _SEAT_AFTER.sub(" ", _SEAT_THEN_DEP.sub("", re.sub(r"^\s*d[ée]p\.", "député", raw, flags=re.I))).strip()
    # « dép. 60-2 »: a deputy of the Oise's 2nd constituency
    raw = _DEPUTY_SEAT.sub(r"député \1", raw)
    plain = fold(raw)
    folded = _canonical(plain)
    kind = fonction = None
    rest = folded
    for pattern, k, f in _COMPILED:
        m = pattern.search(folded)
        if m:
            kind, fonction = k, f
            rest = folded[m.end():]
            break
    # « conseillère et conseiller municipaux de X » is a couple's line: it tells no one's sex.
    both = _BOTH_SEXES.search(folded)
    # Read before the rewriting too: « élue de l'Assemblée de Corse » becomes a « conseiller ».
    feminine = _FEMININE.search(plain) or _FEMININE.search(folded)
    sexe = None if both else "F" if feminine else ("M" if _MASCULINE.search(folded) else None)
    place, dep = _place_and_dep(rest, raw, kind)
    if place and _ONLY_SECTOR.fullmatch(place):
        place = ""  # « conseillère d'arrondissement du 15e arrondissement »: the number is lost in folding, no city said
    region = None
    place_key = place
    if place_key in _REG_BY_NAME and kind in (None, "cr"):
        region = _REG_BY_NAME[place_key]
        if kind is None and fonction:
            kind = "cr"
    elif kind in ("cd", "cr") and place_key in DEP_BY_NAME and dep is None:  # a regional councillor's section
        dep = DEP_BY_NAME[place_key]
    elif kind == "cr":
        for name, code in _REG_BY_NAME.items():
            if place_key and (place_key.startswith(name) or name.startswith(place_key)):
                region = code
                break
    if kind == "cr" and region is None and dep in DEPARTEMENTS:  # « conseiller régional - 68 »
        region = DEPARTEMENTS[dep][1]
    if kind is None and fonction in ("conseiller", "president", "vice-president") and place == "paris":
        kind = "cm"
    return Mandate(kind, fonction, sexe, place, dep, region, text or "")


# Derived from the KindSpec table: the default policy (municipal, departmental, regional), the
# `--eligible` levels, and which registry kinds satisfy each stated kind (a mayor is also a
# municipal councillor, and a « conseiller municipal » who is now adjoint is still what he said).
ELIGIBLE_DEFAULT = frozenset(code for code, spec in KINDS.items() if spec.eligible_default)
POLICY_GROUPS: dict[str, frozenset[str]] = {
    group: frozenset(code for code, spec in KINDS.items() if group in spec.groups)
    for group in dict.fromkeys(g for spec in KINDS.values() for g in spec.groups)
}
COMPATIBLE: dict[str, frozenset[str]] = {code: spec.compatible for code, spec in KINDS.items()}


def parse_policy(spec: str | None) -> frozenset[str]:
    """`--eligible municipal,departemental` or kind codes `cm,mai`; default: the three levels."""
    if not spec:
        return ELIGIBLE_DEFAULT
    kinds: set[str] = set()
    for part in (p.strip().lower() for p in spec.split(",")):
        part = fold(part).replace(" ", "")
        if part in POLICY_GROUPS:
            kinds |= POLICY_GROUPS[part]
        elif part in KINDS:
            kinds.add(part)
        elif part:
            raise PolicyError(f"niveau d'éligibilité inconnu : {part!r}")
    return frozenset(kinds)

