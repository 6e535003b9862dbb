"""A signer written as one line of free text: « Marie Dupont, conseillère municipale de Paris (75), EELV ».

Signature lists arrive as e-mails, as published tribunes (one signer per line) and as spreadsheets
whose single column holds everything. The same few rules read all of them: where the mandate
starts, whether what precedes it looks like a person's name, and which party is named.
"""

from __future__ import annotations

import functools
import re

from ..domain.mandates import parse_mandate
from ..domain.parties import find_party
from ..domain.territories import DEP_BY_NAME
from ..domain.text import fold

# Abbreviations as people type them: « CM Cluny », « cons. mun. », « cons. dép. », « adj. », « CD 974 ».
MANDATE_WORD = (r"(?:(?-i:C[MDRA])(?=\s+(?-i:[0-9A-ZÀ-Þ]))|s[ée]n\.(?=\s*(?-i:[0-9A-ZÀ-Þ]))|d[ée]p\.(?=\s*(?:\d{2,3}|2[AB])(?:\s*-\s*\d{1,2}\b|[^.\n]{0,8}\bcirc))|(?-i:VP)(?=\s+C[DR]\s?\d)|(?-i:C[DR])(?=(?:\d{2,3}|2[AB])\b)|adjte?s?(?=\s)|cons\.?\s*(?:mun|municipa\w*|d[ée]p|r[ée]g)|conseill\.\s*(?:mun|d[ée]p|r[ée]g)|adj(?=\.)|adj(?=\s+(?:\d|de\s|du\s|d['’]|à\s|au\s|aux\s))|"
                r"(?<!\d)(?<!\d\s)CM(?=\s+(?:de|du|d['’]|à)\b)|"
                # typed on a phone: « jsuis cm a Jû-Belloc », « cm Cordemais », « 2e adj Saint-Germier » (not « 12 cm de »)
                r"(?<!\d)(?<!\d\s)(?-i:cm)(?=\s+(?:(?:a|à|de|du|d['’])\s*)?[\wÀ-ÿ])|adj(?=\s+(?-i:[A-ZÀ-Þ])[\w'’-]{2})|"
                # « C.M. Saint-Agnan », « CM délégué au commerce », « membre du conseil municipal de X », « opposition
                # municipale, Telgruc », « dans l'opposition au conseil municipal de X », « Conseil municipal d'Arnay »
                # under a name, « Élu pour la première fois en mars au conseil municipal de X »
                r"(?-i:C\.M\.)|(?-i:CM)(?=\s+d[ée]l[ée]gu)|membre\s+du\s+conseil\s+municipal|(?:opposition|minorit[ée])\s+municipale|"
                r"opposition\s+au\s+conseil\s+municipal|^conseil\s+municipal(?=\s+(?:de|d['’]|du)\b)|"
                r"[ée]lue?s?(?=\s+(?:minoritaires?|majoritaires?)\b|[^.;\n]{0,50}\bau\s+conseil\s+municipal\b)|cons\.?\s*d['’]\s*arr|conseill[eè]re?s?|maires?|adjointe?s?|vice[- ]?pr[ée]sidente?|pr[ée]sidente?(?!\s+(?:de\s+l['’]\s*|d['’]\s*|du\s+|de\s+la\s+)?(?:association|amicale|club|comit[ée]|f[ée]d[ée]ration|parents))|"
                 r"d[ée]put[ée]e?|s[ée]nat(?:eur|rice)|[ée]lue?s?(?= (?:municipa|d[ée]partementa|r[ée]giona|[àa] |de |du |des |au |d['’]opposition|(?-i:CT[MG])\b)|\s?d['’](?-i:[A-ZÀ-Þ])|\s[–—-]\s)|"
                 r"premi(?:er|[eè]re) magistrate?|[ée]diles?(?= (?:de|du|d['’]))|"
                 r"si[èe]ge\w* (?:au|à la|à l['’]|dans le|au sein de la) (?:conseil|collectivit[ée]|m[ée]tropole)|si[èe]ge\w* dans (?:l['’]opposition|la majorit[ée]) municipale|repr[ée]sente le canton|repr[ée]sente(?=[^.;]{1,60}\bau conseil r[ée]gional)|bin[ôo]me(?= du canton [^,.;:]{1,60} (?:au|du) conseil d[ée]partemental| d[ée]partemental)|repr[ée]sentante?(?= (?:[àa]|de) l['’]assembl[ée]e))")
# (« je siège maintenant comme conseiller municipal » is read from its title word)
# (« CD71 »: the number glued to the initials)
MANDATE_RE = re.compile(rf"\b{MANDATE_WORD}(?:\b|(?<=[DR])(?=\d)|(?<=\.))", re.I)
CIVILITY = re.compile(r"^\s*(?:Madame|Monsieur|Mmes|MM\.?|Mme|Mlle|M\.|Mr\.?|Dr\.?|Docteur(?:e)?|Pr\.?|Professeur(?:e)?|Me|Ma[îi]tre)\s+"
                      r"(?=\S)", re.I)
SALUTATION = re.compile(
    r"^(?:bien |tr[eè]s |tres )?(?:cordialement|amicalement|salutations|sinc[eè]rement|bien [àa] (?:vous|toi|vous tous)|"
    r"bonne (?:journ[ée]e|soir[ée]e|continuation)|merci|[àa] bient[ôo]t|respectueusement|fraternellement|"
    r"solidairement|bises|bien [àa] vous|avec mes (?:meilleures|salutations)|belle journ[ée]e|"
    r"veuillez agr[ée]er|je vous prie|en vous remerciant)\b", re.I)
UPPER = "A-ZÀ-ÖØ-ÞŒŠŽŸ"
# « Marie DURAND épouse MARTIN », « Dolly Gossard ép. Henriette », « SERET née ROUSSEL »: a married
# name is one name; the matcher reads both surnames, so the connector stays in it.
MARRIAGE = r"(?:[ée]pouse|[ée]p\.|n[ée]e|veuve|vve)"
_NAME_WORD = rf"(?:[{UPPER}][\w'’.-]*|d['’][{UPPER}][\w'’.-]*|(?:de|du|des|d['’]|la|le|van|von|der|di|da|ben|el|{MARRIAGE})(?=\s))"
_NAME = re.compile(rf"^(?:{_NAME_WORD}[\s]+){{1,4}}{_NAME_WORD}$")
_NOT_NAME = re.compile(r"(?<![\w-])(?:mairie|ville|conseil|commune|groupe|liste|parti|t[ée]l|tel|mob|portable|avenue|"
                       r"boulevard|cedex|bonjour|madame|monsieur|mesdames|messieurs|objet|"
                       r"pr[ée]sident|collectif|association|hôtel|hotel|(?<!marie )(?<!anne )france(?!-)(?!\s+(?-i:[A-ZÀ-Þ]{2,})\b)|r[ée]publique|cabinet|service|"
                       r"direction|secr[ée]tariat|www|http|signature|tribune|p[ée]tition|accueil|r[ée]gion|"
                       r"d[ée]partement|f[ée]d[ée]ration|assistante?|[ée]quipe|communaut[ée]|canton|d[ée]l[ée]gu[ée]e?s?|"
                       r"charg[ée]e?s?)\b", re.I)
# Chemin, Place, Route, Rue are surnames too; as street words they lead a street's name.
_STREET = re.compile(r"\b(?:rue|place|chemin|route)\s+(?:de|du|des|d['’]|la|le|les|l['’])", re.I)
BULLET = re.compile(r"^\s*(?:[-*•·–—>|]+|\d{1,3}[.)°-])\s*")
# Words that make a short line a sentence, not a name (« je signe », « Oui merci »).
_COMMON_WORDS = frozenset(re.split(r"\s+", """je j tu il elle nous vous ils elles on signe singe jsigne signons signez suis est
sommes oui non merci bonjour bonsoir salut cordialement et ou mais donc avec pour sur dans par tres bien tous toutes
ici voici voila mon ma mes notre nos votre vos ce cette ces qui que quoi""".strip()))


# Words of a lowercase phrase that is not a name (« en tant que », « chers amis »).
_NOT_LOWER_NAME = frozenset(re.split(r"\s+", """en tant qualite de du des la le les au aux a cher chere chers cheres
ami amie amis amies collegue collegues bien sur ok dsl sorry please thanks hello hi"""))


# « Vincent MAIRE », « MAIRE Anaïs », « Julien LE MAIRE », « Delphine GUILLEMINOT-MAIRE »: the surname
_FIRST = r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?"
_MAIRE_IN_NAME = re.compile(rf"{_FIRST}\s+(?:LE\s+)?(?:[A-ZÀ-Þ]+-)?MAIRE(?:-[A-ZÀ-Þ]+)?|(?:LE\s+)?(?:[A-ZÀ-Þ]+-)?MAIRE(?:-[A-ZÀ-Þ]+)?\s+{_FIRST}")


def looks_like_name(text: str) -> bool:
    text = split_civility(clean(text))[1]
    if not text or len(text) > 60 or re.search(r"\d|@|/|\?|!", text):
        return False
    if (_NOT_NAME.search(text) or _STREET.search(text) or SALUTATION.match(text)
            or (MANDATE_RE.search(text) and not _MAIRE_IN_NAME.fullmatch(text))):
        return False
    if re.match(rf"{MARRIAGE}\s", text, re.I):  # « née Roche » is the end of a name, not one
        return False
    # « À Longperrier », « CC des Portes du Luxembourg »: a place or an intercommunality, not a person
    if re.match(r"(?:(?i:à|au|aux|en|dans|chez)\s|(?:CC|CA|CU|CAF|EPT)\s)", text):
        return False
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    # « J. DURAND »: an initial with its dot is a first name, not the word « j' ».
    if {fold(w) for w in words if not re.fullmatch(r"\w\.", w)} & _COMMON_WORDS:
        return False
    if is_party(text):  # « Europe Écologie », « Les Républicains » under a name are not names
        return False
    return bool(_NAME.match(text)) or (text.isupper() and len(words) <= 4) or (
        text.islower() and len(words) <= 3 and all(w.isalpha() or "-" in w for w in words))


def is_party(text: str) -> bool:
    """The whole text is a party's name (not a person's name that contains one)."""
    party = find_party(text)
    return party is not None and len(fold(party)) >= 0.8 * len(fold(text))


_TITLE_WORD = re.compile(r"(?i)dr\.?|docteure?|pr\.?|professeure?|me|ma[îi]tre")


def split_civility(text: str) -> tuple[str, str]:
    m = CIVILITY.match(text)
    if not m:
        return "", text
    word, rest = m.group(0).strip(), text[m.end():]
    # « MAITRE André », « Maître Dupont »: a title leaving one word, or written in capitals, is the surname
    if _TITLE_WORD.fullmatch(word) and (len(rest.split()) < 2 or (word.isupper() and len(word) > 2)):
        return "", text
    return word, rest


def clean(value: str) -> str:
    return " ".join(value.split()).strip(" \t,;:.-–—*\"«»|")


# ---------------------------------------------------------------- body cleaning

# « 1ère adjointe », « première adjointe »: the ordinal belongs to the mandate
_ORDINAL = re.compile(r"(?:\b\d+\s*(?:e|è|ère|ere|er|re|ème|eme)|premi[eè]re?|deuxi[eè]me|troisi[eè]me|"
                      r"quatri[eè]me|cinqui[eè]me|sixi[eè]me|septi[eè]me|huiti[eè]me)\s*$", re.I)


# MAIRE is a surname too (133 officials in 2026, and LE MAIRE, X-MAIRE): in capitals, joined to a
# first name and followed by the real title (« Vincent MAIRE, conseiller municipal de X », « MAIRE Anaïs –
# conseillère municipale »), or closing a compound surname (« GUILLEMINOT-MAIRE »)
_TITLE_NEXT = r"\s*[,–—-]\s*(?i:conseill|adjoint|maire|vice|pr[ée]sident|d[ée]put|s[ée]nat|[ée]lu)"
_SURNAME_MAIRE = re.compile(rf"(?:(?<=[A-ZÀ-Þ]-)|(?:(?<=[a-zà-ÿ]\s)|(?<=[a-zà-ÿ]\sLE\s))(?=MAIRE{_TITLE_NEXT})|"
                            rf"(?:^|(?<=[:,]\s)|(?<=^LE\s)|(?<=[:,]\sLE\s))(?=MAIRE\s+[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?{_TITLE_NEXT}))"
                            r"MAIRE\b")


@functools.lru_cache(maxsize=1 << 14)
def mandate_span(text: str) -> tuple[int, str] | None:
    """Where the mandate starts in a text, and the mandate phrase up to the next clause (cached:
    every rule asks it of the same lines)."""
    m = MANDATE_RE.search(text)
    if m and "MAIRE" in text:  # « Vincent MAIRE, conseiller municipal »: a surname, not the title
        surnames = [x.span() for x in _SURNAME_MAIRE.finditer(text)]
        while m and any(a <= m.start() < b for a, b in surnames):
            m = MANDATE_RE.search(text, m.end())
    if not m:
        return None
    start = m.start()
    ordinal = _ORDINAL.search(text[:start])
    if ordinal:
        start = ordinal.start()
    rest = text[start:]
    stop = _MANDATE_END.search(rest)
    # « maire-adjoint (scolaire, cantine, transports) de Saint-Vigor »: no clause ends inside a bracket
    while stop and rest.count("(", 0, stop.start()) > rest.count(")", 0, stop.start()) and (
            close := rest.find(")", stop.start())) > 0:
        stop = _MANDATE_END.search(rest, close + 1)
    return _span_from(text, start, rest, stop)


# A dot ends the phrase unless it ends an abbreviation (« cons. mun. », « adj. », « dép. 54 »). (A match
# starts where a run of spaces starts: a line of thousands of spaces is read in linear time.)
_MANDATE_END = re.compile(r"(?<!\s)\s*(?:[,;!]\s|(?i:(?<!\bcons)(?<!\bconseill)(?<!\bmun)(?<!\badj)(?<!\barr)(?<!\bd[ée]p)(?<!\bd[ée]pt)(?<!\bs[ée]n)(?<!\bdpt)(?<!\br[ée]g)(?<!\bmunic)(?<!\bc\.m))\.\s|[,;.!]$|\s+et je\b|\s+je\b|\s+et\s+(?:il|elle|ils|elles|nous|on|lui|moi)\b|\s+(?:il|elle|ils|elles)\s|\s+(?:est|sont|[ée]tait|sera)\s|\s+(?:a|ont)\s+(?:bien\s+|d[ée]j[àa]\s+)?(?:lu|vu|re[çc]u|pris|fait|sign[ée]|d[ée]cid[ée]|souhait[ée]|demand[ée]|transmis|valid[ée]|accept[ée]|approuv[ée]|charg[ée]|eu|pu|dit)\b|\s+depuis\b|\s+qui\s|\s+pr[ée]sente?s?\b|\s*:\s+(?=[A-ZÀ-ÖØ-Þ][\w'’-]+\s+[A-ZÀ-ÖØ-Þ])|\s+and\s+(?:[iI]|[wW]e)\b|\s+(?:asked|has|have|is|was|would|will|who|wants?)\b|\s+j['’]|\s+m['’](?:a|ont)\s|\s+vous\s|\s+s['’]appelle\b|\s+qu['’]il|\s+qu['’]elle|\s+d[ée]clare|\s+signe|\s+soutien|"
                     r"\s+souhaite|\s+apporte|\s+m['’]associe|\s+tiens|\s+rejoin|\s+adh[eè]re|\s+approuve|"
                     r"\s+appelle|\s+demande|\s+–\s|\s+—\s|\s+-\s+(?=[A-Z]{2,}\b)|\s+membre\b|\s+pour le\b|\s+\|"
                     # a chat line goes on after the mandate: « … 77 bonne soirée 🌙 »
                     # (in capitals too: « … CONDOM MERCI A VOUS »; « a+ » typed on a phone)
                     r"|\s+(?i:bonne\s+(?:soir[ée]e|journ[ée]e|continuation|fin de)|merci\b|cordialement|amiti[ée]s|bises|"
                     r"bien [àa] vous|[àa] bient[ôo]t|a\+(?!\S))|\s*[\U0001F300-\U0001FAFF\u2600-\u27BF])")


def _span_from(text: str, start: int, rest: str, stop: re.Match | None) -> tuple[int, str]:
    phrase = rest[: stop.start()] if stop else rest
    # « maire de Plouha, dpt 22 », « …, département du Finistère »: a département set apart after the
    # comma still belongs to the mandate.
    if stop:
        dep = _DEP_AFTER.match(rest[stop.start():]) or (
            # « 2e adjointe, Redortiers (04) »: a title without a place, then a commune and its number
            None if _HAS_PLACE.search(phrase) else _PLACE_AFTER.match(rest[stop.start():])
            or _POSTCODE_AFTER.match(rest[stop.start():]))
        if dep is None and _HAS_PLACE.search(phrase) and not parse_mandate(phrase).code_departement:
            said = _DEP_SAID_AFTER.match(rest[stop.start():])
            dep = said if said and (said.group("code") or fold(said.group("name")) in DEP_BY_NAME) else None
        if dep:
            phrase = rest[: stop.start() + dep.end()]
            phrase = re.sub(rf"(,\s*[{UPPER}][^,()]*?)\s+(\d{{2}}|2[AB]|97\d)$", r"\1 (\2)", phrase)  # « Bretx 31 »
    # A trailing bracket that is not a département (« (EELV) ») belongs to the party, not the mandate;
    # a bracket naming no party after a mandate without a place is its commune (« conseiller
    # municipal délégué aux sports (vaux-sur-vienne) », as smartphones write it).
    bracket = _TRAILING_BRACKET.search(phrase)
    if bracket:
        kept = phrase[: bracket.start()]
        if not _bracket_is_place(kept, bracket.group(1)):
            phrase = kept
    while phrase.endswith(")") and phrase.count(")") > phrase.count("("):  # the end of an enclosing bracket
        phrase = phrase[:-1].rstrip()
    # « conseiller communautaire, conseiller municipal de Killem »: a title without place, then another with
    # one — the one the registry can check
    first = parse_mandate(phrase)
    if stop and (comma := re.match(r"\s*,\s*", rest[stop.start():])) and not first.place and first.kind in (None, "epci"):
        after = rest[stop.start() + comma.end():]
        second = mandate_span(after) if MANDATE_RE.match(after) else None
        if second and second[0] == 0 and parse_mandate(second[1]).place:
            phrase = second[1]
    return start, clean(phrase)


_DEP_MARK = r"(?:d[ée]pt?\b\.?|dpt\b\.?|d[ée]partement\b)"
_NOT_DEP_MARK = rf"(?!\s*{_DEP_MARK})"
_TRAILING_BRACKET = re.compile(rf"\s*\((?!\s*(?:\d{{2,3}}|2[AB])\b){_NOT_DEP_MARK}([^)]*)\)\s*$")
# (words without hyphens inside, joined by a space or a hyphen: one way to read a run, no backtracking)
# (« Conseillère municipale, Bretx 31 »: the number without brackets, ending the line)
_PLACE_AFTER = re.compile(rf"\s*,\s*[{UPPER}][\w'’]*(?:[ -][\w'’]+){{0,6}}\s*(?:\((?:\d{{2,3}}|2[AB])\)|(?:\d{{2}}|2[AB]|97\d)(?=\s*(?:[,;.!]|$)))")
# « Maire, 35220 CHÂTEAUBOURG »: a title, then the postal code and town of its commune
_POSTCODE_AFTER = re.compile(rf"\s*,\s*(?:\d{{5}}|\d{{2}}\s\d{{3}})\s+[{UPPER}][\w'’]*(?:[ -][\w'’]+){{0,6}}(?=\s*(?:[,;.!)]|$))")
_HAS_PLACE = re.compile(rf"\s(?:de|du|des|d['’]|à|a|au|aux)\s*[{UPPER}]")
# « maire de Cours, 79 », « maire de Cours, Deux-Sèvres »: a commune's département after the comma
_DEP_SAID_AFTER = re.compile(rf"\s*,\s*(?:\(?(?P<code>\d{{2,3}}|2[AB])\)?|(?P<name>[{UPPER}][\w'’ -]{{2,30}}?))(?=\s*(?:[,;.!]|$))")
_DEP_AFTER = re.compile(rf"\s*[,;]\s*{_DEP_MARK}\s*(?:\d{{2,3}}\b|2[AB]\b|(?:(?:de la|de l['’]|du|des|de|d['’])\s*)?"
                        rf"[{UPPER}][\w'’-]*(?:[ -][\w'’-]+){{0,3}}?(?=\s*(?:[,;.!)]|$)))", re.I)


def _bracket_is_place(mandate: str, inner: str) -> bool:
    inner = inner.strip()
    return bool(inner) and not parse_mandate(mandate).place and find_party(inner) is None and \
        not MANDATE_RE.search(inner) and not re.search(r"\d|@|/", inner) and len(inner.split()) <= 5 and \
        not re.search(r"\b(?:sans|[ée]tiquette|opposition|majorit[ée]|groupe|liste|divers|canton|ex|ancien)", inner, re.I)


def party_in(text: str) -> str | None:
    bracket = re.findall(r"\(([^)]{2,40})\)", text)
    for inner in bracket:
        if not re.fullmatch(r"\s*(?:\d{2,3}|2[AB])\s*", inner):
            found = find_party(inner)
            if found:
                return found
    return find_party(text)


HONORIFIC = re.compile(r"^\s*(?:(?:madame|monsieur|mme|m\.)\s+)?(?:(?:le|la|l['’])\s*)?$", re.I)




# a signing word, then « : » or « par » and the signer (not « que lui a transmis son collègue : X »)
_LEAD_TO_SIGNER = re.compile(rf"\b(?:sign\w*|soutien\w*)\b[^:.;!?,]{{0,30}}?(?::\s+|\bpar\s+(?=[{UPPER}]))", re.I)


_OPENING_LABEL = re.compile(r"^[^:]{0,40}:\s+")


# « SIMONET Valérie, canton d'Auzances (Présidente du conseil départemental) »: the seat's place between
# the name and the title
_NAME_THEN_SEAT_PLACE = re.compile(r"^(?P<name>.+?),\s*(?P<place>(?:canton|commune)\s+(?:de\s+|d['’]\s*|du\s+|des\s+)[^,()]+?)"
                                   r"\s*[(,–—-]?\s*$", re.I)


def _name_then_mandate_once(text: str) -> dict[str, str] | None:
    """The name right before the first mandate of `text`, with that mandate (and its place said after)."""
    span = mandate_span(text)
    found = name_before(text[:span[0]]) if span else None
    mandate = _with_place(span[1], text[span[0] + len(span[1]):]) if span else ""
    if found is None and span and (seat := _NAME_THEN_SEAT_PLACE.match(text[:span[0]])):
        found = name_before(seat.group("name"))
        mandate = f"{mandate}, {seat.group('place')}" if found and not parse_mandate(mandate).place else mandate
    if found is None:
        return None
    civ, name = found
    return _fields(name, civ, mandate, text)


def name_then_mandate(text: str) -> dict[str, str] | None:
    """« Marie Dupont, conseillère municipale de X (34), EELV »: a name, then a mandate."""
    found = _name_then_mandate_once(text)
    span = mandate_span(text) if found is None else None
    if span is None:
        return found
    # « Le maire a lu votre texte, il le signe : Paul ROUX, maire de Sury », « Sur instruction de M. le
    # Maire, je confirme la signature de l'appel par Paul Roux, maire de Sury »: a title said first
    # names nobody; the signer's line may follow a colon or « par »
    # (or after a short label that opens the line: « Élu du 10 : Arnaud Rennesson, conseiller municipal »)
    lead = _LEAD_TO_SIGNER.search(text, span[0]) or (_OPENING_LABEL.match(text) if span[0] <= 3 else None)
    return _name_then_mandate_once(text[lead.end():]) if lead else None


_TRAILING_TITLE = re.compile(r"(?:\s*[,–—-])?\s*(?:(?<![\w'’-])(?:madame|monsieur|mme|m\.)\s+)?(?:(?:^|(?<=\s))(?:le|la|l['’]))?\s*$", re.I)
# A dot ends a clause, except the dot of an initial (« Signature : D. VAN DAMME »).
_CLAUSE = re.compile(rf"(?:[:;!]|(?<!\b[{UPPER}])\.|,|\s[-–—]|^)\s+")
_NAME_TOKEN = re.compile(rf"^(?:[{UPPER}][\w'’.-]*|d['’][{UPPER}][\w'’.-]*|de|du|des|la|le|van|von|der|di|da|ben|el|{MARRIAGE})$")
_CONNECTOR = re.compile(rf"de|du|des|la|le|van|von|der|di|da|ben|el|{MARRIAGE}", re.I)
# « DURAND (née MARTIN) », « Fatma Acur, née Etcheverry », « Dupont ép. Martin »: the maiden or
# married name set apart by brackets or a comma, or abbreviated, written the one way the matcher reads.
_MARRIAGE_APART = re.compile(rf"(?<!\s)\s*(?:,\s*|\(\s*)({MARRIAGE})\s+([^(),;]+?)\s*\)?(?=\s*(?:[,;(–—-]|$))", re.I)


def inline_marriage(text: str) -> str:
    """« Delphine GREMY (née LEFEBVRE) » -> « Delphine GREMY née LEFEBVRE », « Gossard ép. Henriette »
    -> « Gossard épouse Henriette »: one spelling of a married name, kept whole in the name."""
    text = _MARRIAGE_APART.sub(lambda m: f" {m.group(1)} {m.group(2)}", text)
    return re.sub(r"\b[ée]p\.(?=\s)", "épouse", text, flags=re.I)


_SLASHED_NAME = re.compile(rf"(?<![\w/])[{UPPER}][\w'’-]+(?:\s*/\s*[{UPPER}][\w'’-]+)+(?=\s*/?\s*$)")
_SURNAME_COMMA_FIRST = re.compile(rf"(?:^|(?<=:\s))(?!(?:Madame|Monsieur|Bonjour|Bonsoir|Cher|Chère)\b)([{UPPER}][a-zà-ÿ'’-]+),\s+"
                                  rf"([{UPPER}][a-zà-ÿ'’-]+(?:-[{UPPER}][a-zà-ÿ'’-]+)?)\s*[,–—-]*\s*$")


def name_before(head: str) -> tuple[str, str] | None:
    """(civility, name) ending just before a mandate, after any lead-in: « Je signe : DURAND Hélène »,
    « Bonjour, Jean-Luc MARTIN (sans étiquette) », « Place Publique – BAQUER Céline », « vous pouvez
    ajouter Dominique ANDRIEU-BONNET », « Yves Lieppe - M. le ». People put the name right before
    the title; what comes before the name is a clause (a greeting, « je signe : », a party)."""
    head = re.sub(r"\b(?:et|,)\s*$", "", inline_marriage(head))
    head = re.sub(r"\s*[(/]\s*$", "", head)  # « Signature Marie DUPONT (adjointe au maire de X) », « PONS Henri / maire »
    # « Youri / HURIAUX / 3e adjoint … »: first name and surname in the fields the call asked for
    head = _SLASHED_NAME.sub(lambda m: " ".join(w.strip() for w in m.group(0).split("/")), head) if "/" in head else head
    # « EELV - LUC FIGUREAU - CONSEILLER … »: a party set first with a dash
    lead = re.match(r"^\s*([^-–—]{2,25}?)\s+[-–—]\s+", head)
    if lead and is_party(lead.group(1)):
        head = head[lead.end():]
    head = re.sub(rf"(?<=[{UPPER}]{{2}}) - (?=[{UPPER}]{{2}})", "-", head)  # « MAGIERA - HANNEQUIN »
    head = re.sub(r"\s*\([^)]*\)\s*[,–—-]?\s*$", "", head)  # « Marie Dupont (EELV), conseillère »
    # « ALIBERT, Rolande -- maire de … », « DURAND, Hélène, maire de … »: surname, comma, first name
    head = re.sub(rf"(?:^|(?<=\s))([{UPPER}][{UPPER}'’ -]+[{UPPER}]),\s+([{UPPER}][a-zà-ÿ'’-]+(?:-[{UPPER}][a-zà-ÿ'’-]+)?)\s*[,–—-]*\s*$",
                  r"\1 \2", head)
    # « Signature : Lucas, Marie-Paule, 2e adjointe »: the same, the surname capitalised, alone or after a colon
    head = _SURNAME_COMMA_FIRST.sub(r"\1 \2", head)
    head = clean(_TRAILING_TITLE.sub("", head) or head)
    head = re.sub(r"^(?:c['’]est|ici|moi,?)\s+(?=[A-ZÀ-Ý])", "", head, flags=re.I)  # « C'est Alexandre Huber conseiller… »
    # « jsigne marc genoud maire … », « JE SINGE MAXIME … », typed on a phone
    head = re.sub(r"^(?:j['’ ]?(?:signe|singe)|je\s+singe)\s+", "", head, flags=re.I)
    # « OK. WALTER Hervé, maire … », « D'accord. Jean-Léon X, maire … »: the assent before the name
    head = re.sub(r"^\W*(?:ok|okay|oui|d['’]accord|parfait|entendu|avec plaisir|volontiers)\s*[.!,:]+\s*(?=(?-i:[A-ZÀ-Ý]))", "", head, flags=re.I)
    # « CC des Portes du Luxembourg — PRÉSIDENT », « CA du Caudrésis — Alban Caffiaux, … »: the
    # intercommunality set before a dash is no person
    head = re.sub(r"^\s*(?:CC|CA|CU|CAF|EPT)\s[^—–]*(?:[—–]|\s-\s)\s*", "", head)
    if not head.strip() or re.match(r"\s*(?:CC|CA|CU|CAF|EPT)\s", head):
        return None
    civ, name = split_civility(head)
    if looks_like_name(clean(name)):
        return civ, clean(name)
    if civ and _SURNAME_ALONE.fullmatch(clean(name)) and fold(name) not in _COMMON_WORDS and not MANDATE_RE.search(name):
        return civ, clean(name)  # « M. LÉTONDAL, conseiller municipal… »: a civility and a surname
    # The last clause, then the longest run of name-like words that ends the head.
    last = clean(_CLAUSE.split(head)[-1]) if _CLAUSE.search(head) else head
    # « je signe : sara wormser (élue… ) », « je signe bien sur ! paul roux - conseiller… »: a name all in
    # lowercase, alone after a colon or the end of a sentence.
    # (not « Je signe : Paul Roux, médecin généraliste »: a lowercase apposition after a capitalised name)
    after = re.search(r"[:!.?]\s*([^:!.?]+)$", head)
    if after and after.group(1).islower() and last.islower() and looks_like_name(last) and \
            not {fold(w) for w in last.split()} & _NOT_LOWER_NAME:
        return "", last
    if last.islower() and len(last.split()) > 1 and (cut := head.rfind(last)) > 0:
        # « Je signe : Paul Roux, médecin généraliste, conseiller… »: the name is the clause before the apposition
        before = re.split(r"[:!.?;]\s*", head[:cut].rstrip(" ,"))[-1].strip()
        civ, name = split_civility(before)
        if head[:cut].rstrip().endswith(",") and looks_like_name(name) and not name.islower():
            return civ, clean(name)
    for candidate in (last, head):
        civ, rest = split_civility(candidate)
        words = rest.split()
        k = len(words)
        while k > 0 and _NAME_TOKEN.match(words[k - 1]):
            k -= 1
        for i in range(k, len(words) - 1):
            name = " ".join(words[i:])
            if looks_like_name(name) and (i == 0 or not _CONNECTOR.fullmatch(words[i])):
                before = " ".join(words[:i])
                m = re.search(r"(?:^|\s)(Madame|Monsieur|Mme|M\.)$", before)
                inner, name = split_civility(name)  # « Pour M. Georges Botella, conseiller… »
                return (m.group(1) if m else inner or civ), clean(name)
    return None


def mandate_with_place(text: str) -> str:
    """The mandate of a line with the place written after its comma (« adjointe aux solidarités,
    Meschers-sur-Gironde »), "" when the line holds none."""
    span = mandate_span(text)
    return _with_place(span[1], text[span[0] + len(span[1]):]) if span else ""


_SURNAME_ALONE = re.compile(rf"[{UPPER}][\w'’-]+")


_PRONOUN = re.compile(r"\b(?:me|te|se|mon|ma|mes|son|sa|ses|leur|nous|vous|il|elle)\b")  # a clause, not a place


def _with_place(mandate: str, rest: str) -> str:
    """« adjoint au maire, Lyon » / « conseillère municipale - Lodève (34) »: a place given after
    the comma belongs to the mandate when the mandate names none (and it is not a party)."""
    if parse_mandate(mandate).place:
        return mandate
    # All lowercase (a smartphone's « adjoint au maire, marseille secteur 6 »): a lowercase place too.
    initial = UPPER + "a-zà-ÿ" if mandate.islower() else UPPER
    # (« je signe (maire, Mours-Saint-Eusèbe) »: the bracket that holds title and place closes after the place)
    m = re.match(rf"\s*(?:,|\s[-–—])\s*([{initial}][^,;()]*?(?:\s*\((?:\d{{2,3}}|2[AB])\))?)\s*(?:[,;.)]|\s\(|$)", rest)
    if not m or find_party(m.group(1)) or MANDATE_RE.search(m.group(1)):
        return mandate
    if m.group(1)[0].islower() and ({fold(w) for w in re.split(r"[\s'’-]+", m.group(1))} & (_COMMON_WORDS - {"sur", "et"}) or re.match(r"(?:d[ée]l[ée]gu|charg|en |[àa] |aux? |membre|groupe|opposition|majorit|"
                                             r"sans |divers|ex\b|ancien)", m.group(1), re.I) or re.search(r"\d{3}|@", m.group(1))
                                     or _PRONOUN.search(m.group(1))):
        return mandate
    return f"{mandate}, {m.group(1).strip()}"


_COLON_NAME = re.compile(r"\s*:\s*([^,;:()]{3,60}?)\s*[.!]?\s*$")
# « Ma femme aussi, elle est … : NAME »: a spouse or a colleague who signs too (not « ma voisine »)
_IS_TITLE = re.compile(r"\b(?:mari|femme|[ée]pouse|[ée]poux|conjointe?|compagnon|compagne|coll[èe]gue|adjointe?)\b"
                       r"[^.!?]{0,40}\b(?:aussi|[ée]galement)\b[^.!?]{0,10}\b(?:il|elle|qui)\s+est\s*$", re.I)


def mandate_then_name(text: str) -> dict[str, str] | None:
    """« Madame la Maire de Poitiers, Léonore Moncond'huy, signe… »: the title first; « Ma femme aussi,
    elle est conseillère municipale de Boën : Hélène DURAND. »: the title, then the name after a colon."""
    span = mandate_span(text)
    if span is None:
        return None
    if not HONORIFIC.match(text[: span[0]]):
        named = _COLON_NAME.match(text[span[0] + len(span[1]):])
        if named and _IS_TITLE.search(text[: span[0]]) and looks_like_name(named.group(1)):
            return _fields(named.group(1), "", span[1], text)
        return None
    # « cons. dép. 53 (canton de Laval-1) - Nadège DAVOUST. Je signe. »: the name after a dash.
    tail = re.match(r"^(.*?\S)\s+[-–—]\s+([^-–—,;()]{3,60})$", span[1])
    if tail and looks_like_name(tail.group(2)) and MANDATE_RE.search(tail.group(1)):
        return _fields(tail.group(2), "", tail.group(1), text)
    after = text[span[0] + len(span[1]):]
    # (the name then the end of the line or a signing verb: not « Monsieur le Maire, Paul Roux, m'a transmis… »)
    m = re.match(r"\s*,\s*([^,;]{3,60}?)\s*(?:[;.]?\s*$|,?\s*(?:signe|soutien|d[ée]clare|apporte|s['’]associe|souhaite|tient|veut)\b"
                 r"|,\s*(?=\S)(?![a-zà-ÿ])|,\s*m['’]a\s+(?:charg[ée]e?|demand[ée])\s+de\s+vous\s+(?:transmettre|faire parvenir|envoyer)\s+sa\s+signature)",
                 after)
    if not m or not looks_like_name(m.group(1)):
        return None
    return _fields(m.group(1), "", span[1], text)


def read_line(text: str) -> dict[str, str] | None:
    """Name, civility, mandate and party of a one-line signer, or None if it is not one."""
    text = BULLET.sub("", text or "").strip()
    return name_then_mandate(text) or mandate_then_name(text)


def _fields(name: str, civ: str, mandate: str, text: str) -> dict[str, str]:
    out = {"nom_complet": clean(name), "mandat": mandate}
    if civ:
        out["civilite"] = civ
    party = party_in(text)
    if party:
        out["parti"] = party
    return out


_NAME_PLACE = re.compile(r"\s*([^,;()]+?)\s*\(([^)]+)\)\s*(?:[,;]|$)")


def read_list(lines: list[tuple[int, str]]) -> list[dict[str, str]]:
    """Rows of a published list of signers, as tribunes print them:

        Maires :
        - Marie Dupont (Laval), Jean Martin (Grenoble, EELV)
        Conseillères et conseillers municipaux :
        Paul Roux, conseiller municipal de Sète (PS)

    A heading sets the mandate of the names under it; « Nom (Lieu) » gives the place (or the
    party, when the brackets name one); a line naming several signers gives one row each, all
    with that line's number. Headings come out as rows too, marked, so that no line is lost."""
    rows: list[dict[str, str]] = []
    heading_mandate = ""
    for number, raw in lines:
        line = BULLET.sub("", raw).strip()
        base = {"ligne": str(number), "signataire": line, "nom_complet": "", "mandat": "", "commune": "",
                "parti": "", "motif": ""}
        own = read_line(line)
        if own is None and (line.endswith(":") or (MANDATE_RE.search(line) and "(" not in line and "," not in line)):
            heading = clean(line.rstrip(":"))
            heading_mandate = heading if MANDATE_RE.search(heading) else ""
            rows.append(base | {"motif": "intitulé de section, pas un nom"})
            continue
        if own is not None:
            rows.append(base | own)
            continue
        if "(" not in line and (_NOT_NAME.search(line) or re.search(r"\bsignataires?\b", line, re.I)):
            rows.append(base | {"motif": "intitulé ou texte, pas un nom"})
            continue
        pieces = _NAME_PLACE.findall(line)
        if pieces and sum(len(m.group(0)) for m in _NAME_PLACE.finditer(line)) >= 0.9 * len(line):
            for name, inside in pieces:
                parts = [p.strip() for p in re.split(r"[,;/]", inside) if p.strip()]
                party = next((p for p in parts if find_party(p)), "")
                place = next((p for p in parts if p != party), "")
                rows.append(base | {"signataire": f"{name} ({inside})", "nom_complet": clean(name),
                                    "mandat": heading_mandate, "commune": place, "parti": party})
            continue
        names = [clean(n) for n in re.split(r"\s*[;,]\s*", line) if clean(n)]
        if len(names) > 1 and all(looks_like_name(n) for n in names):
            for name in names:
                rows.append(base | {"signataire": name, "nom_complet": name, "mandat": heading_mandate})
            continue
        rows.append(base | {"nom_complet": line, "mandat": heading_mandate})
    return rows
