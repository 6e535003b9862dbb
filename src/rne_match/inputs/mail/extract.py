"""Find the signers in petition e-mails: name, mandate, party, commune, département.

People write « Je soussignée Marie Dupont, conseillère municipale de Montpellier (34), EELV »,
fill a « Nom : / Prénom : / Mandat : » template, sign with a block under « Cordialement »,
reply above the campaign's call (whose own « Je soussigné(e) » template must not be read as a
signature), forward a colleague's message, or list a whole group. The line readings (`rules`) are
tried on the writer's own words, then on what the message quotes, forwards or attaches, its subject,
its sender; each field says which rule found it, so a reviewer can judge it.

Every message gives at least one row: one per signer found, or one saying why none was.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import islice
from pathlib import Path

import polars as pl

from ...domain.kinds import KINDS
from ...domain.mandates import fix_mandate_typos, parse_mandate, translate_regional_titles
from ...domain.territories import departement_of_postcode
from ...domain.text import fold
from ...progress import Steps, silent
from ...workers import Helper, helper_for, shared
from ..freetext import (
    BULLET,
    MANDATE_RE,
    SALUTATION,
    UPPER,
    clean,
    inline_marriage,
    is_party,
    looks_like_name,
    mandate_span,
    mandate_with_place,
    party_in,
    read_line,
    split_civility,
)
from .body import Parts, split_body
from .conversations import assemble, name_correction
from .intent import (
    REASONS,
    Intent,
    classify,
    is_automatic,
    is_form_notification,
    refusal,
    says_it_signs,
)
from .mailbox import MailMessage, decode, raw_messages
from .model import CAPITALISED_WORD, ExtractStatus, Reading, Signer, place_fields
from .rules import (
    KIN,
    LABEL_LINE,
    MUNICIPAL_GROUP,
    PLACE_LINE,
    PLURAL_TITLE,
    ROSTER_SIGNS,
    RULE_CONFIDENCE,
    forget_readings,
    label_role,
    last_name_line,
    rule_fields,
    rule_signature_block,
    same_person,
    sentence_mandate,
    signer_of,
    signers_in,
)
from .threads import Quote, attribution, is_organiser, organisers, quotes, quotes_by, thread_of

# A second process starts in ~0.6 s and reads ~900 messages a second: below this many messages it does
# not pay for itself (bench/mail.py). Raw bytes are held this many messages at a time.
PARALLEL_FROM = 600
_WINDOW = 5000

COLUMNS = ["message_id", "message_date", "expediteur", "expediteur_nom", "objet", "source", "signataire_no",
           "intention", "civilite", "nom_complet", "nom", "prenom", "mandat", "parti", "commune", "departement",
           "extraction_confidence", "extraction_regles", "extraction_indices", "extraction_statut",
           "extraction_raison", "retrait", "nom_deduit", "a_confirmer", "pieces_jointes"]
# Private to `verify`: the words of a signing message without a signer's name, for the registry to
# find one (`matching.guided`); never written out.
WORDS = "_texte"

# ---------------------------------------------------------------- messages

def _no_signer_reason(msg: MailMessage, text: str) -> str:
    if msg.problem:
        return msg.problem
    if not text.strip():
        return "message vide" + (f" (pièces jointes : {', '.join(msg.attachments)})" if msg.attachments else "")
    if refused := refusal(text):
        return f"refus de signer (« {refused} »)"
    if not MANDATE_RE.search(text):
        return "aucun mandat ni formule de signature reconnus"
    return "un mandat est cité mais aucun nom de signataire n'a été trouvé"


def _confidence(s: Signer) -> float:
    base = RULE_CONFIDENCE.get(s.name_rule.split("+")[0], 0.5)
    if "+" in s.name_rule:  # found in a quoted earlier message or merged from a conversation
        base *= 0.95
    if not s.fields.get("mandat"):
        base *= 0.6
    elif parse_mandate(s.fields["mandat"]).kind is None:
        base *= 0.85
    name = s.fields.get("nom_complet") or f"{s.fields.get('prenom', '')} {s.fields.get('nom', '')}"
    if len(name.split()) < 2:
        base *= 0.7
    return round(base, 2)


def _colon_name(text: str) -> str:
    """« Je voudrais ajouter mon nom à la tribune : Hervé MARCHOUILLE. »: a name alone after a colon."""
    for m in re.finditer(r":[ \t]*([^:\n]{3,60}?)[ \t]*[.!]?[ \t]*$", text, re.M):
        civ, name = split_civility(clean(m.group(1)))
        if looks_like_name(name):
            return m.group(1)
    return ""


def _display_name(display: str) -> str:
    """The From display name when it is a person's (« chantre christophe »), not an institution."""
    display = inline_marriage(re.sub(r"<[^>]*>|\[mailto:[^\]]*\]", "", display).strip().strip('"'))
    # Outlook's « Redo, Aline »: surname, comma, first name; « Vincent FAGUET | Senozan »: the name part
    display = re.sub(r"^([^,]{2,40}),\s*([^,]{2,30})$", r"\1 \2", display).split(" | ")[0].strip()
    if looks_like_name(display):
        return display
    words = display.split()
    if 2 <= len(words) <= 4 and "@" not in display and not re.search(r"\d", display) and looks_like_name(display.title()):
        return display
    return ""


def _rules_for(msg: MailMessage, parts: Parts, organisers: frozenset[str] = frozenset()) -> tuple[list[Signer], str, str]:
    """The explicit signers of a message's own words, else of the message it forwards, else of its
    small text attachments (a filled form, a vCard), else of its subject; with the text read and
    where the signers were found (`corps`, `transfert`, `piece_jointe`, `objet`)."""
    answered = rule_inline_answers(msg.body)
    if answered:
        return answered, "\n".join(parts.own), "reponses"
    relayed = rule_relayed_replies(msg.body.replace("\r", "").split("\n"))
    if relayed:
        return relayed, "\n".join(parts.own), "reponses"
    signers = signers_in(parts.own)
    text = "\n".join(parts.own)
    # « je vous transfère sa signature (pour ma part j'attends l'avis de mon conseil) » over the
    # forwarder's usual block: only the forwarded authors sign
    block_only = bool(signers) and all(s.name_rule == "bloc_signature" for s in signers) and not says_it_signs(text)
    if parts.forwards:  # several forwarded signatures: each message read as its author's
        # (not a colleague's note to the forwarder, « Tu as vu passer ça ? Je l'ai signé. »: signed elsewhere)
        passed_on = [s for sender, lines, to in parts.forwards
                     if not _private_note(msg, to, lines, "\n".join(parts.own)) for s in _forwarded_signers(sender, lines)]
        if passed_on:
            own = [] if block_only else signers
            return own + passed_on, "\n".join(parts.own + parts.forwarded), "corps" if own else "transferts"
    if signers:
        # « je signe également » above a forwarded signature: the forwarder and the author both sign; not
        # above a colleague's note to the forwarder (« Tu as vu passer ça ? Je l'ai signé. »): signed elsewhere
        private = _private_note(msg, parts.forwarded_to, parts.forwarded, text)
        passed_on = (signers_in(parts.forwarded) if parts.forwarded and says_it_signs("\n".join(parts.forwarded))
                     and not private else [])
        for s in passed_on:
            s.rules = {k: f"{v}+transfert" for k, v in s.rules.items()}
        passed_on = [s for s in passed_on if s.has_name]
        if passed_on and block_only:
            return passed_on, "\n".join(parts.forwarded), "transfert"
        return signers + passed_on, text, "corps"
    for origin, lines in (("transfert", parts.forwarded), ("piece_jointe", _attached_lines(msg))):
        signers = signers_in(lines) if lines else []
        if signers:
            for s in signers:
                s.rules = {k: f"{v}+{origin}" for k, v in s.rules.items()}
            return signers, "\n".join(lines), origin
    filled = _filled_form(msg.body, organisers)
    if filled:
        return filled, text, "formulaire"
    if not msg.problem:
        subject = subject_text(msg.subject)
        # « Je soutiens l'appel … (Léontine DUCROS, conseillère municipale de Civaux (Vienne)) »
        bracketed = [m.group(1) for m in re.finditer(r"\(((?:[^()]|\([^()]*\))+)\)\s*$", subject)]
        for candidate in (subject, *bracketed):
            found = signer_of(read_line(candidate), "objet")
            if found is not None:
                return [found], text, "objet"
    return [], text, "corps"


_QUOTE_MARKS = re.compile(r"^\s*(?:>\s?)+")


def _filled_form(body: str, organisers: frozenset[str]) -> list[Signer]:
    """The organisers' form answered inside their own call, quoted below the reply (« Voir
    ci-dessous », « > Nom : DUPONT »): organisers never fill their own form, so its filled fields are
    the signer's words, while the rest of the quoted call is not. Only in a quote attributed to the
    organisers (or to nobody's address): a colleague's filled form quoted under « finalement je ne
    signe pas » is the colleague's, not the writer's. A surname and a first name or a mandate,
    under the form's own labels."""
    lines, theirs = [], True
    for raw in body.replace("\r", "").split("\n"):
        line = _QUOTE_MARKS.sub("", raw)
        attributed = attribution(line.strip())
        if attributed is not None:
            theirs = not attributed[0] or is_organiser(attributed[0], organisers)
        elif theirs:
            lines.append(line)
    found = rule_fields(lines)
    for s in found:
        s.rules = {k: f"{v}+formulaire" for k, v in s.rules.items()}
    return [s for s in found if s.fields.get("nom") and (s.fields.get("prenom") or s.fields.get("mandat"))]


# The organisers' questions a signer answers between the quoted lines, by what each asks for.
_ASKS = (("mandat", re.compile(r"\b(?:mandat|fonction|qualit[ée])", re.I)),
         ("commune", re.compile(r"\b(?:commune|d[ée]partement|r[ée]gion|collectivit[ée]|ville)", re.I)),
         # (« Votre nom ? » then « Votre prénom ? » asked apart: two answers, one name)
         ("prenom", re.compile(r"^\W*(?:votre\s+|vos\s+|ton\s+)?pr[ée]nom\s*[?:]?\s*$", re.I)),
         ("nom_complet", re.compile(r"\b(?:nom|pr[ée]nom|identit[ée])", re.I)))


_ANSWER_MARK = re.compile(r"^\s*(?:-+>|=>|→|R\s*:|r[ée]ponse\s*:)\s*", re.I)
_RELAYED = re.compile(r"^\W*(?:r[ée]ponse|message|courriel|mail)\s+(?:de|d['’])\s*(?P<who>.+?)(?:,?\s+(?:le|du)\s+\d.*?)?\s*:?\s*$", re.I)
_DECLINES = re.compile(r"\bne\s+(?:signe|souhaite|peux|pourrai|vais)\b|\bpas\s+(?:signer|pour l['’]instant)|\bje d[ée]cline", re.I)


def rule_relayed_replies(lines: list[str]) -> list[Signer]:
    """A federation or a group relaying its members' answers: « — Réponse de Abdel SADI, maire de
    Bobigny (93), le 8 avril : » over the member's quoted words. Each who says they sign (and does
    not decline) is a signer, named and titled by the relayer's line."""
    out = []
    heading = ""  # « voici les réponses de celles et ceux qui souhaitent co-signer »: each answer signs unless it declines
    for i, line in enumerate(lines):
        m = _RELAYED.match(line)
        if not m:
            if not out and not line.lstrip().startswith(">"):
                heading += f"\n{line}"
            continue
        quoted = []
        for x in lines[i + 1:]:
            if x.lstrip().startswith(">"):
                quoted.append(re.sub(r"^\s*>+\s?", "", x))
            elif x.strip():
                break  # the member's words end at the relayer's next line
        said = "\n".join(quoted)
        found = read_line(m.group("who"))
        if not found or not (says_it_signs(said) or ROSTER_SIGNS.search(heading)) or _DECLINES.search(said):
            continue
        s = Signer(name_rule="ligne")
        s.set("nom_complet", found["nom_complet"], "relais")
        s.set("mandat", found["mandat"], "relais")
        out.append(s)
    return out


def rule_inline_answers(body: str) -> list[Signer]:
    """« > 1. vos nom et prénom ; » then « MATRAY Jean-Luc » (or « --> Alain Lajugie »), « > 2. votre
    mandat ; » then « maire »…: answers written under each quoted question, read by what it asks."""
    lines = body.replace("\r", "").split("\n")
    # (in an unmarked quote — Outlook's « De : … Objet : » block — the answers carry a mark: « => Marsollet »)
    marked = body.count("\n>") < 2 and sum(bool(_ANSWER_MARK.match(x)) for x in lines) >= 2
    if body.count("\n>") < 2 and not marked:
        return []
    fields: dict[str, str] = {}
    question = ""
    for raw in lines:
        if raw.lstrip().startswith(">") or (marked and raw.rstrip().endswith("?") and not _ANSWER_MARK.match(raw)):
            question = re.sub(r"^(?:\s*>)+", "", raw).strip() or question
            continue
        if marked and not _ANSWER_MARK.match(raw):
            continue
        answer = _ANSWER_MARK.sub("", raw).strip()
        if not answer or not question:
            continue
        role = next((r for r, asks in _ASKS if asks.search(question) and r not in fields), None)
        if role and len(answer) <= 80:
            fields[role] = answer
        question = ""
    if fields.get("prenom") and fields.get("nom_complet") and len(fields["nom_complet"].split()) == 1:
        fields["nom_complet"] = f"{fields['prenom']} {fields['nom_complet']}"
    if not fields.get("nom_complet") or not (fields.get("mandat") or fields.get("commune")):
        return []
    # answers to the organisers checking a signature, not a friend's questions; and not a refusal
    quoted = body if marked else "\n".join(x for x in lines if x.lstrip().startswith(">"))
    answers = "\n".join(_ANSWER_MARK.sub("", x) for x in lines if _ANSWER_MARK.match(x)) if marked else \
        "\n".join(x for x in lines if x.strip() and not x.lstrip().startswith(">"))
    if not re.search(r"\bsign", quoted, re.I) or _DECLINES.search(answers) or re.search(r"^\W*non\b", answers, re.I | re.M):
        return []
    s = Signer(name_rule="reponses")
    civ, name = split_civility(clean(fields["nom_complet"]))
    s.set("nom_complet", name, "reponses")
    s.set("civilite", civ, "reponses")
    mandate = fields.get("mandat", "")
    place = fields.get("commune", "")
    s.set("mandat", f"{mandate}, {place}" if mandate and place else mandate or place, "reponses")
    return [s]


def _answers_questions(body: str) -> bool:
    """Lines written under quoted questions (« > Tu connais le nom du maire ? » / « FAGUET Vincent »):
    answers, which sign only when `rule_inline_answers` found the organisers asking about a signature."""
    last_quoted = ""
    for line in body.replace("\r", "").split("\n"):
        if line.lstrip().startswith(">"):
            last_quoted = line
        elif line.strip() and last_quoted.rstrip().endswith("?"):
            return True
    return False


# « tu peux faire suivre », « tu peux transmettre »; « je vous fais suivre la signature de mon adjointe »
_PASS_IT_ON = re.compile(r"\b(?:tu peux|vous pouvez|merci de|peux-tu|pourrais-tu|pouvez-vous)\s+(?:la\s+|le\s+|l['’]|leur\s+)?"
                         r"(?:transmettre|faire suivre|envoyer|relayer|transf[ée]rer)|\b(?:sa|leur)\s+signature\b|"
                         r"\bla signature (?:d['’]|de )|\bci-dessous la signature", re.I)


_SIGNED_ELSEWHERE = re.compile(r"\bje l['’]ai sign[ée]|\bj['’]ai sign[ée]", re.I)
_SIGNS_NOW = re.compile(r"\bje\s+(?:le\s+|la\s+)?signe\b", re.I)


def _private_note(msg: MailMessage, to: str, forwarded: list[str], own: str) -> bool:
    """A forwarded message written to the forwarder that says its author has signed (« Tu as vu passer ça ?
    Je l'ai signé. »): signed elsewhere, unless they ask for it to be passed on or the forwarder says it is
    their signature."""
    said = "\n".join(forwarded)
    return (bool(msg.sender) and msg.sender.lower() in to.lower() and bool(_SIGNED_ELSEWHERE.search(said))
            and not _SIGNS_NOW.search(said)
            and not _PASS_IT_ON.search(said) and not _PASS_IT_ON.search(own))


def _forwarded_signers(sender: str, lines: list[str]) -> list[Signer]:
    """The signers of one forwarded message that signs: its signer lines, else its mandate with the
    name of its closing lines or of its « De : »."""
    text = "\n".join(lines)
    if not says_it_signs(text):
        return []
    found = [s for s in signers_in(lines) if s.has_name]
    if not found:
        mandate = sentence_mandate(text) or next((m for line in lines if (m := mandate_with_place(line))), "")
        name = last_name_line(lines) or _display_name(re.sub(r"<[^>]*>", "", sender))
        if mandate and name:
            s = Signer(name_rule="bloc_signature")
            civ, name = split_civility(clean(name))
            s.set("nom_complet", name, "bloc_signature")
            s.set("civilite", civ, "bloc_signature")
            s.set("mandat", mandate, "phrase")
            found = [s]
    for s in found:
        s.rules = {k: f"{v}+transfert" for k, v in s.rules.items()}
    return found


def subject_text(subject: str) -> str:
    """The subject without what surrounds a signer written there: reply and forward prefixes,
    « Signature de », « Je signe : », a trailing « - signature »."""
    subject = re.sub(r"^\s*(?:(?:re|tr|fwd?|fw)\s*:\s*)*(?:je signe|signature|tribune|p[ée]tition|appel)?\s*"
                     r"(?:de|d['’]|:|-|–)?\s*", "", subject, flags=re.I)
    return re.sub(r"\s*[-–—:|]\s*(?:signature|je signe|sign[ée]e?)\s*$", "", subject, flags=re.I)


def _attached_lines(msg: MailMessage) -> list[str]:
    return msg.attached_text.split("\n") if msg.attached_text.strip() else []


def _display_signer(display: str) -> Signer | None:
    """A From display name that holds a name and a mandate (« MUSIALOWSKA-MATON Véronique (Conseillère
    municipale de Larcat) », « Maire Ansost - Bernard Roussin »)."""
    display = re.sub(r"<[^>]*>", "", display).strip(" '\"")
    if not display or not MANDATE_RE.search(display):
        return None
    found = signers_in([display])
    if len(found) != 1 or not found[0].has_name or not found[0].fields.get("mandat"):
        return None
    found[0].name_rule = "expediteur"
    found[0].rules = {k: "expediteur" for k in found[0].rules}
    return found[0]


def _fallback_signer(msg: MailMessage, parts: Parts, text: str, quoted: list[Quote]) -> Signer | None:
    """A signing message without an explicit signer line: the mandate said in a sentence or on a
    line of its own, and the name from (in this order) a colon, the closing formula, the signer's
    own quoted earlier message, or the From display name. Without a name, a partial signer that
    holds the mandate, to be completed from the conversation or the registry."""
    for q in quoted:
        found = signers_in(q.lines)
        if found and found[0].has_name:
            s = found[0]
            s.name_rule = f"{s.name_rule}+citation"
            s.rules = {k: f"{v}+citation" for k, v in s.rules.items()}
            mandate = sentence_mandate(text)
            if mandate and not s.fields.get("mandat"):
                s.set("mandat", mandate, "phrase")
            return s
    s = Signer()
    mandate = (sentence_mandate(text) or next((mandate_with_place(line) for line in parts.own
                                                if (span := mandate_span(line)) and span[0] <= 40), "")
               or mandate_with_place(subject_text(msg.subject)))  # « Je signe / 6e vice-présidente du … »
    if mandate:
        s.set("mandat", mandate, "phrase")
    shown = _display_signer(parts.forwarded_from or msg.sender_name)
    if shown is not None and not mandate and not _THIRD_PERSON_SIGNS.search(text):
        return shown  # « Je signe. » from « Sébastien DENAJA - Conseiller régional d'Occitanie »
    lines = parts.forwarded if parts.forwarded else parts.own
    if _THIRD_PERSON_SIGNS.search(text):
        # « Notre première adjointe souhaite signer. Pour le maire et par délégation, NOM, secrétaire
        # générale »: the names under the message are the staff's; the signer is named later, or by the
        # registry, never as the person who typed the message.
        return s if s.fields else None
    for name, rule in ((_colon_name(text), "deux_points"), (last_name_line(lines), "bloc_signature"),
                       *((q_name, "citation") for q in quoted for q_name in [_colon_name("\n".join(q.lines))
                                                                              or last_name_line(q.lines)]),
                       (_display_name(parts.forwarded_from or msg.sender_name), "expediteur"),
                       (_greeting_name(lines), "salutation"),
                       (_first_name_and_address(lines, msg.sender), "prenom+adresse"),
                       (_subject_name(msg.subject), "objet")):
        if name:
            civ, name = split_civility(clean(name))
            s.name_rule = rule
            s.set("nom_complet", name, rule)
            s.set("civilite", civ, rule)
            break
    return s if s.fields else None


_NAMED_AS = re.compile(rf"\b(?:s['’]appelle|il s['’]agit de|elle s['’]agit de|son nom est|se nomme)\s+((?:{CAPITALISED_WORD}\s+){{1,3}}{CAPITALISED_WORD})")
# An official written about in the third person (« Monsieur le Maire souhaite signer »): whoever typed
# the message is staff, never the signer
_THIRD_PERSON_SIGNS = re.compile(r"\b(?:l[ae]|notre|son|sa|m\.|mme|monsieur|madame)\s+(?:le\s+|la\s+)?(?:premi[eè]re?\s+|\d+e\s+)?"
                                 r"(?:maire|adjointe?|conseill[eè]re?|pr[ée]sidente?|vice-pr[ée]sidente?|[ée]lue?|d[ée]put[ée]e?|s[ée]nat(?:eur|rice))\b[^.\n]{0,80}?"
                                 r"\b(?:souhaite|signe|veut|voudrait|tient|demande|s['’]associe)", re.I)


def _greeting_name(lines: list[str]) -> str:
    """« ALLIX Denis, bonjour. » as the first line: the writer's name before the greeting."""
    first = next((x.strip() for x in lines if x.strip()), "")
    m = re.match(r"^(.{4,60}?)(?:\s+ici)?,?\s+(?:bonjour|bonsoir|salut|hello)\b", first, re.I)
    return m.group(1) if m and looks_like_name(m.group(1)) else ""


def _subject_name(subject: str) -> str:
    """« Jean-Pierre Leone signe », « Signature de Jean-Pierre Leone »: a name alone in the subject."""
    name = re.sub(r"\s+(?:signe|soutient|s['’]associe)(?:\s+l['’]appel|\s+la \w+)?\s*[.!]*$", "", subject_text(subject), flags=re.I)
    # capitalised words only: a subject's lowercase words (« petites lignes ») are its topic
    capitalised = all(w[:1].isupper() or w.lower() in ("de", "du", "des", "la", "le") for w in name.split())
    return name if capitalised and looks_like_name(name) else ""


_LONE_FIRST_NAME = re.compile(rf"^\s*({CAPITALISED_WORD}(?:-{CAPITALISED_WORD})?)\s*(?:,|\(|$)")


def _first_name_and_address(lines: list[str], sender: str) -> str:
    """« Valentin, conseiller municipal de Lacropte » or « Aymar » under the closing, sent from
    `ortoli-matteacci.valentin@…`: a first name written alone that the address's local part holds,
    the rest of the local part being the surname (« Valentin ORTOLI-MATTEACCI »)."""
    local = sender.partition("@")[0]
    parts = [p for p in re.split(r"[._]", local) if p]
    if len(parts) < 2:
        return ""
    for line in reversed([x for x in lines if x.strip()][-6:]):
        m = _LONE_FIRST_NAME.match(line)
        if m and not SALUTATION.match(line) and not _GREETING.match(line):
            first = fold(m.group(1)).replace(" ", "-")
            rest = [p for p in parts if fold(p).replace(" ", "-") != first]
            if len(rest) == len(parts) - 1 and not re.search(r"\d", "".join(rest)):
                return f"{m.group(1)} {' '.join(rest).upper()}"
    return ""


_EXPLICIT = ("champ", "tableau", "soussigne", "ligne", "liste", "couple", "je_suis", "pour_le_compte", "collegue")
_GREETING = re.compile(r"^(?:bonjour|bonsoir|bjr|salut|madame|monsieur|mesdames|messieurs|chers?|ch[èe]res?|"
                       r"hello|coucou)\b[^.!?]{0,40}$", re.I)


_BLOCK_EXTRA = re.compile(r"^(?:--+|__+|(?:t[ée]l|tel|mob|port|fax)\b.*|(?:\+33|0)\s?\d(?:[\s.]?\d{2}){4}|"
                          r"(?:mairie|h[ôo]tel de ville|d[ée]partement|r[ée]gion)\b.{0,60}|\d{1,4}\s*(?:bis|ter)?,?\s+(?:rue|place|avenue|"
                          r"chemin|route|bd|boulevard|grande rue|impasse|all[ée]e)\b.*|(?:F-)?\d{5}\s+\S.*)$", re.I)


_SENTENCE_WORDS = re.compile(r"\b(?:je|j['’]|nous|vous|il|elle|est|sont|suis|sommes)\b", re.I)


def _only_a_signature(body: list[str], signers: list[Signer]) -> bool:
    """The writer's words are a signature block alone: past a greeting, every line is the signer's
    name, mandate or party (« Marie DUPONT / cons. mun. Sury (42) »), no sentence around it."""
    # a postal address, a phone, a delimiter under the block are part of it (« Mairie – 4 Grande Rue », « 13840 ROGNES »)
    lines = [x.strip() for x in body if x.strip() and not _GREETING.match(x.strip()) and not _BLOCK_EXTRA.match(x.strip())]
    if not lines or len(lines) > 4:
        return False
    said = [fold(v) for s in signers for k, v in s.fields.items() if k in ("nom_complet", "nom", "prenom", "mandat")]
    if not said:
        return False
    # (a second title, or the place on its own line: « Vice-présidente de la Métropole / 3e adjointe au maire de X »,
    # « Conseiller municipal / Flèche (La) - 72 »)
    return all(any(v and v in fold(clean(BULLET.sub("", line))) or fold(clean(line)) in v for v in said) or is_party(line)
               or (MANDATE_RE.search(line) and not _SENTENCE_WORDS.search(line)) or PLACE_LINE.match(line)
               for line in lines)


def _above_closing(lines: list[str]) -> list[str]:
    """The body above its closing formula (« Cordialement ») or signature delimiter (« -- »)."""
    out = []
    for line in lines:
        if SALUTATION.match(line.strip()) or re.match(r"^\s*(?:--|__+)\s*$", line):
            break
        out.append(line)
    return out


_ME_TOO = re.compile(r"(?:\bet|\bainsi que|\bplus|\by compris)\s+moi(?:[- ]m[êe]me)?\b|\bla mienne\b|"
                     r"\bje (?:signe|me joins)(?:\s+(?:bien s[ûu]r|[ée]videmment|naturellement))?\s+"
                     r"(?:moi[- ]m[êe]me|moi aussi|moi [ée]galement|aussi|[ée]galement)\b|"
                     r"(?:^|[.!]\s|\n)je signe (?:l['’]\w+|la \w+|cet(?:te)? \w+)?\s*(?:[.!]|,?\s*(?:et|ainsi que)\b)|"
                     r"\bmoi[- ]m[êe]me\s+(?:compris|inclus|[ée]galement|aussi)\b", re.I)


_FORMER_MANDATE = re.compile(r"(?:\b(?:ancien(?:ne)?s?\s+(?:premi\w+\s+)?|apr[èe]s\s+[\w ]{1,20}?\s+comme\s+)|\bex[- ])"
                             r"(?:maire|adjointe?|conseill\w+(?:\s+municipa\w+)?)"
                             # (« Ancien adjoint au logement, aujourd'hui… »: a delegation)
                             r"(?:\s+(?:au|aux|[àa]\s+la|[àa]\s+l['’]|charg[ée]e?\s+d\S*|d[ée]l[ée]gu[ée]e?\s+\S+)\s*[^,;.()]{1,40}?)?"
                             r"(?P<place>\s+(?:de|d['’]|du)\s*[^\s,;.()](?:[^,;.()]*?[^\s,;.()])?(?:\s*\((?:\d{2,3}|2[AB])\))?)?(?:\s*\(\d{4}\s*[-–]\s*\d{4}\))?\s*[,;]\s*(?:et\s+)?"
                             r"(?:(?:aujourd['’]hui|d[ée]sormais|maintenant|actuellement|depuis\s+\d{4})\s*,?\s*)?", re.I)
def _without_former_mandate(line: str) -> str:
    """« Ex-maire de Sury (42), conseillère municipale depuis 2020 »: the mandate held today, in the
    place of the former one when it names none."""
    former = _FORMER_MANDATE.search(line)
    if not former:
        return line
    line = line[:former.start()] + line[former.end():]
    span = mandate_span(line)
    today = parse_mandate(span[1]) if span else None
    if (former.group("place") and span and span[0] >= former.start() and not today.place and today.kind
            and KINDS[today.kind].commune_level):
        end = span[0] + len(span[1])
        line = f"{line[:end]}{former.group('place')}{line[end:]}"
    return line


_PLACE_FIRST = re.compile(r"^(?P<lead>.*?)(?:\b[àÀ]|\b[Aa]|\b[Dd]ans (?:ma|notre) commune\s*,|\b[Dd]ans la commune de|"
                          r"\b[Pp]our la commune de)\s+(?P<place>[A-ZÀ-Ý][\w'’ -]+?)\s*(?P<dep>\((?:\d{2,3}|2[AB])\))?\s*,?\s*"
                          r"(?P<je>je suis|j['’]ai été élue? comme?|je siège comme|[—–])\s+(?P<title>(?:la |le |l['’])?[^,.;]+)")


_DICTATED = re.compile(r"\b(?:virgule|tiret|entre parenth[èe]ses|ouvr(?:ir|ez) la parenth[èe]se|ferm(?:er|ez) la parenth[èe]se|"
                       r"point d['’]exclamation|deux points|à la ligne|nouveau paragraphe|point final)\b", re.I)
# (the closing formula dictated on the same line starts the signature block: « … point cordialement fabien lamoureux »)
_DICTATION = ((r"\s*\bvirgule\b", ","), (r"\s+\btiret\b\s*", " - "), (r"\s*\bdeux points\b", " :"),
              (r"\s*\bpoint d['’]exclamation\b", " !"), (r"\s*\bentre parenth[èe]ses\s+(.+?)\s+ferm(?:er|ez) la parenth[èe]se\b",
                                                           r" (\1)"), (r"\s*\b(?:point )?à la ligne\b", "."),
              (r"\s*\b(?:point final|nouveau paragraphe)\b", "."), (r"\s+point\b(?=\s|$)", "."),
              (r"(?<=[.,!])\s*\b(cordialement|bien [àa] vous|salutations|amiti[ée]s|bonne journ[ée]e)\b\s*", r"\n\1\n"))
_THERE = re.compile(r"\b[àa]\s+(?P<place>[A-ZÀ-Ý][\w'’ -]+?)\s*(?P<dep>\((?:\d{2,3}|2[AB])\))?\s*[,.].*?\bj['’]y suis\s+", re.I)


def _translated(line: str) -> tuple[str, str]:
    """(text, bracket) of « Kuzulier-kêr Kemper (conseiller municipal de Quimper) »; ("", "") without one."""
    end = line.rstrip()
    if not end.endswith(")") or (start := end.rfind("(")) < 1:
        return "", ""
    inside = end[start + 1:-1]
    return (end[:start].strip(), inside) if 6 <= len(inside) <= 120 and "(" not in inside else ("", "")


_MYSELF_BRACKET = re.compile(r"\bmoi[- ]m[êe]me\s*\(\s*([^(),]{3,60}?)\s*,\s*([^()]{3,80}?)\s*\)", re.I)
_NAME_THEN_BRACKET = re.compile(r"^\s*((?:[^():]{1,30}:\s*)?[^(),:]{2,40}?(?:,\s*[^(),:]{2,30}?)?)\s*\(([^()]{4,100})\)(.*)$")


# Inclusive spellings (« conseiller·ère municipal·e », « conseiller·ères municipaux·ales », « élu·e·s »): read
# as the plain masculine, singular or plural as written.
_INCLUSIVE = re.compile(r"\b(\w+?)[·∙•]\s?(?:e|è|ère|ere|ale|le|euse|rice|trice|fe|ne|te)(s?)\b(?:[·∙•]s\b)?")


def _plain(m: re.Match) -> str:
    word, plural = m.group(1), m.group(2) or m.group(0).endswith("s")
    return word + "s" if plural and not word.endswith(("s", "x")) else word


_PS_LEAD = re.compile(rf"^\s*(?:P\.\s?S\.?\s*[:\-–—]?\s*|PS\s*:\s*|PS\s+(?=[{UPPER}][a-zà-ÿ])|N\.?\s?B\.?\s*:\s*)")


_LONG_BLANK = re.compile(r"[^\S\n]{4,}")


_FORM_SENDER = re.compile(r"^\s*(?:de|from|exp[ée]diteur)\s*:\s*(?P<name>[^<>@:]{3,60}?)\s*<[^<>@\s]+@[^<>\s]+>\s*$", re.I)


_FORM_QUESTION = re.compile(r"^\d{1,2}[.)]\s*(?:quel(?:le)?s?\s+(?:est|sont)\s+|dans\s+quel(?:le)?\s+|votre\s+|vos\s+)*"
                            r"(nom|pr[ée]nom|mandat|commune|d[ée]partement)\b[^?]{0,30}\?$", re.I)


def _form_fields(lines: list[str]) -> list[str]:
    """A form notification's fields as « Label : value » lines: the submitter named in its « De : Name <address> »
    line when no field names them (the form mailer is the organisers' own, its From names nobody), and a label alone on its line with
    its value on the next (« Votre nom / HERTGEN », as Drupal and other form services send them)."""
    # (an HTML table rendered as text: « | Nom », a blank line, « | | RONDEAU »)
    # (a question form: « 3. Dans quelle commune ? » over « Gambsheim »)
    cells = [_FORM_QUESTION.sub(r"\1", re.sub(r"^[\s|]+", "", x).strip()) for x in lines]
    out: list[str] = []
    used: set[int] = set()
    named = any((m := LABEL_LINE.match(x)) and label_role(m.group(1)) in ("nom", "nom_complet", "prenom") for x in cells)
    for i, cell in enumerate(cells):
        if i in used:
            continue
        sender = None if named else _FORM_SENDER.match(lines[i])  # (the form's own name fields come first)
        if sender:
            out.append(f"Nom et prénom : {sender.group('name').strip()}")
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(cells))) if cells[k]), None)
        if (cell and ":" not in cell and j is not None and ":" not in cells[j] and label_role(cell)
                and not label_role(cells[j])):
            out.append(f"{cell} : {cells[j]}")
            used.add(j)
            continue
        out.append(lines[i])
    return out


def _normalised(lines: list[str]) -> list[str]:
    """Each line normalised; a dictated line may become several (its closing formula starts a block)."""
    return [piece for line in lines for piece in _normalise_line(line).split("\n")]


def _normalise_line(line: str) -> str:
    # runs of blanks kept to three (still a table's column gap): no reading is quadratic on a line of spaces
    line = _LONG_BLANK.sub("   ", line)
    # « PS Pierrick O'MURPHY, 4e adjoint … », « P.S. : … »: a postscript's words, not a party
    line = _PS_LEAD.sub("", line)
    if "·" in line or "∙" in line or "•" in line:
        line = _INCLUSIVE.sub(_plain, line)
    # a dictated message (« alain eudeline tiret maire de boussac entre parenthèses 12 fermer la
    # parenthèse ») is read with the punctuation it dictates
    if _DICTATED.search(line):
        for pattern, repl in _DICTATION:
            line = re.sub(pattern, repl, line, flags=re.I)
        line = re.sub(r"^\s*(signature|je signe)\s+(?=[a-zà-ÿ])", r"\1 : ", line, flags=re.I)
    # « Ici, à Beuzeville (27), la source a tari. J'y suis conseiller municipal. »: « y » is that place
    there = _THERE.search(line) if "y suis" in line else None
    if there:
        rest = line[there.end():]
        span = mandate_span(rest)
        if span and span[0] == 0 and not parse_mandate(span[1]).place:
            dep = f" {there.group('dep')}" if there.group("dep") else ""
            line = f"{line[:there.end()]}{span[1]} de {there.group('place').strip()}{dep}{rest[len(span[1]):]}"
            line = re.sub(r"\bj['’]y suis\s+", "je suis ", line, flags=re.I)
    # « Kuzulier-kêr Kemper (conseiller municipal de Quimper) »: a title followed by its French
    # translation is read in French; a title in a regional language alone is translated
    before, inside = _translated(line)
    if inside and (span := mandate_span(inside)) and span[0] == 0 and translate_regional_titles(before) != before:
        line = inside
    line = fix_mandate_typos(translate_regional_titles(line))
    # « moi-même (Mickaël Breheret, conseiller municipal) » in a list: the writer named like the others
    line = _MYSELF_BRACKET.sub(r"\1 (\2)", line) if "moi" in line else line
    # « Jacques Boutet (conseill. mun. Vallans) »: a mandate in brackets after the name, read as after a comma
    named = _NAME_THEN_BRACKET.match(line)
    if (named and "(" not in named.group(3) and (span := mandate_span(named.group(2))) and span[0] == 0
            and looks_like_name(named.group(1).rsplit(":", 1)[-1].replace(",", " "))):
        line = f"{named.group(1)}, {named.group(2)}{named.group(3)}"
    lowered = line.lower()
    if "ancien" in lowered or "comme" in lowered or "ex-" in lowered or "ex " in lowered:
        line = _without_former_mandate(line)
    m = _PLACE_FIRST.match(line) if ("je s" in lowered or "j'ai" in lowered or "j’ai" in lowered or "—" in line
                                     or "–" in line) else None
    span = mandate_span(m.group("title")) if m else None
    if span and span[0] <= 4 and not parse_mandate(span[1]).place:
        dep = f" {m.group('dep')}" if m.group("dep") else ""
        title_end = m.start("title") + span[0] + len(span[1])
        line = f"{m.group('lead')}{m.group('je')} {span[1]} de {m.group('place').strip()}{dep}{line[title_end:]}"
    return line


# « Je signe pour mon père, Frédéric X, maire de Y », « ma femme, Hélène X, est conseillère municipale »:
# the official named after a relative of the writer
_RELATIVE_BEFORE = re.compile(rf"\b(?:mon|ma|notre)\s+(?:{KIN})\b[^.!?\n]{{0,20}}$", re.I)


def _mark_surname_only(s: Signer) -> None:
    """« À la demande de Monsieur Wallart, maire de Féchain »: a surname without any first name may be the
    official's or a relative's; the list would print a first name nobody wrote. Shown, to be confirmed."""
    name = split_civility(s.fields.get("nom_complet") or s.fields.get("nom", ""))[1]
    if name and len(name.replace(".", " ").split()) == 1 and not s.fields.get("prenom") and "a_confirmer" not in s.fields:
        s.fields["a_confirmer"] = "prénom absent du message : à faire confirmer par l'élu·e"
        s.rules["a_confirmer"] = "nom_seul"


def _mark_relatives(s: Signer, text: str) -> None:
    """A signature a relative passes on (the official did not write): shown, to be confirmed with the
    official before publication — a son signing for his father is the costly mistake if the father never agreed."""
    name = s.fields.get("nom_complet", "")
    at = text.find(name) if name else -1
    found = _RELATIVE_BEFORE.search(text[max(0, at - 60):at]) if at > 0 else None
    if found:
        s.fields["a_confirmer"] = f"signature transmise par un proche (« {' '.join(found.group(0).split()[:2])} »)"
        s.rules["a_confirmer"] = "proche"


def common_lines(messages: Sequence[MailMessage], least: int = 3) -> frozenset[str]:
    """Long lines that several messages of the mailbox hold word for word: the call everyone quotes
    (and the organisers' other circulars), whoever's words they are not."""
    counts = Counter(key for m in messages for key in {_line_key(x) for x in m.body.split("\n")} if len(key) >= 25)
    return frozenset(key for key, n in counts.items() if n >= least)


def _line_key(line: str) -> str:
    return " ".join(re.sub(r"^(?:\s*>)+", "", line).split())


def _under_common_text(body: str, common: frozenset[str]) -> list[str]:
    """The lines written under an unmarked copy of the common text (« -------- Message d'origine -------- »,
    the call pasted without « > », and the answer at the bottom): the writer's own words."""
    lines = body.replace("\r", "").split("\n")
    last = max((i for i, x in enumerate(lines) if _line_key(x) in common), default=-1)
    if last < 0:
        return []
    tail = lines[last + 1:]
    if any(x.lstrip().startswith(">") for x in tail):
        return []
    return split_body("\n".join(tail)).own


def read_message(msg: MailMessage, organisers: frozenset[str] = frozenset(),
                 common: frozenset[str] = frozenset(), senders: frozenset[str] = frozenset()) -> Reading:
    """Intent and signers of one message, before conversations are put together. `common`: the
    lines the mailbox's messages share (`common_lines`), to find an answer written under an unmarked
    quote; `senders`: the mailbox's sender addresses, to know a forwarded message it already holds."""
    forget_readings()  # lines are read again within a message, never across (a copy is read afresh)
    # a web form's notification is the signer's filled fields, read whole (« De : X / Objet : … » atop its
    # text is the form's, not a quoted message)
    notification = bool(msg.sender) and is_organiser(msg.sender, organisers) and is_form_notification(msg)
    parts = Parts(_form_fields(msg.body.replace("\r", "").split("\n")), []) if notification else split_body(msg.body, msg.subject)
    if not parts.own and not parts.forwarded and common and not is_organiser(msg.sender, organisers):
        parts = Parts(_under_common_text(msg.body, common), [])
    # « conseilere municiaple »: mandate words one slip away are read as meant; « ancienne maire,
    # aujourd'hui conseillère municipale de X »: only the mandate held today; « À Brest (29), je suis
    # adjointe au maire »: the place said first
    parts = Parts(_normalised(parts.own), _normalised(parts.forwarded),
                  parts.forwarded_from, [(who, _normalised(lines), to) for who, lines, to in parts.forwards
                                         if not is_organiser(_address(who), organisers)], parts.forwarded_to)
    if parts.forwarded and is_organiser(_address(parts.forwarded_from), organisers):
        parts = Parts(parts.own, [])  # the organisers' own message, forwarded back: never a signature
    if (parts.forwarded and msg.sender and is_organiser(msg.sender, organisers)
            and _address(parts.forwarded_from) in senders and is_organiser(_address(parts.forwarded_to), organisers)):
        # the organisers passing among themselves a message the mailbox already holds: a copy, not a signature
        return Reading(msg, Intent.ORGANISERS, [], f"{REASONS[Intent.ORGANISERS]} : copie d'un message déjà reçu "
                                                   f"de {_address(parts.forwarded_from)}")
    text = "\n".join(parts.own)
    automatic = is_automatic(msg)
    signers, text, origin = _rules_for(msg, parts, organisers) if automatic is None else ([], text, "corps")
    # A forward is read as its writer's message (the organisers pass on a signature sent elsewhere).
    words = parts.own + parts.forwarded
    body = _above_closing(words)
    # a postscript under the closing that signs (« P.S. : Je signe évidemment : X – maire de Y ») is as explicit
    after = words[len(body):]
    signing_after = [x for x in after if says_it_signs(x)] if after and says_it_signs("\n".join(after)) else []
    explicit = any(s.has_name and s.fields.get("mandat") for s in signers_in(body + signing_after)
                   if s.name_rule in _EXPLICIT)
    # A message that holds nothing but a signer (a name and a mandate on their own, in the body, an
    # attached form or the subject) can only mean to sign: sent to a petition, that is its content.
    explicit = explicit or (any(s.has_name and s.fields.get("mandat") for s in signers)
                            and (origin in ("piece_jointe", "objet", "reponses", "formulaire")
                                 or (_only_a_signature(body or words, signers) and not _answers_questions(msg.body))))
    # a table of signers pasted in the body (« Nom;Prénom;Commune »): signs, mandates or not (verify then
    # sends the rows without a mandate to review)
    explicit = explicit or sum(s.name_rule == "tableau" for s in signers) > 1
    intent = classify(msg, "\n".join(words), organisers, explicit, forwarded=bool(parts.forwarded) or notification)
    if intent == Intent.THANKS and name_correction(text):
        intent = Intent.OTHER  # « Petite correction : mon nom s'écrit ZAÏTER, pas Zaïer. Merci ! »: completes the signature
    if not intent.yields_signers and intent != Intent.OTHER:
        return Reading(msg, intent, [], REASONS[intent])
    if intent == Intent.OTHER:
        # Neither signing nor anything else: it may still complete a signature of its conversation
        # (the mandate given in answer to the organisers' question).
        mandate = sentence_mandate(text) or next((m for line in parts.own if (m := mandate_with_place(line))), "")
        partial = Signer()
        partial.set("mandat", mandate, "phrase")
        if not mandate and (place := _place_answer(parts.own)):
            # « Saint-Germain-Laval, Loire (42). »: where, in answer to the organisers' question
            partial.set("commune", place[0], "reponse_lieu")
            partial.set("departement", place[1], "reponse_lieu")
        fix = name_correction(text)
        if fix:
            partial.fields["correction_nom"], partial.rules["correction_nom"] = fix, "correction"
        named = _NAMED_AS.search(text)  # « Mme la Maire s'appelle Anne-Laure Sorin », « Il s'agit de … »
        if named and looks_like_name(named.group(1)):
            partial.set("nom_complet", named.group(1), "nomme")
        return Reading(msg, intent, [partial] if partial.fields else [], _no_signer_reason(msg, text))
    if not any(s.has_name for s in signers):
        quoted = quotes_by(msg, quotes(msg.body))
        fallback = _fallback_signer(msg, parts, text, quoted)
        signers = [fallback] if fallback else []
    if intent == Intent.CONFIRMS and len(signers) <= 1 and (fix := name_correction(text)):
        # « Oui, mon nom complet est DUTARET-BORDAGARAY »: confirms, and corrects the name first written
        signers = signers or [Signer()]
        signers[0].fields["correction_nom"], signers[0].rules["correction_nom"] = fix, "correction"
    # « - Jean Roux, 1er adjoint … et moi-même. »: under a list of colleagues the writer signs too,
    # with the name and title of the signature block.
    if any(s.name_rule in ("liste", "ligne") for s in signers) and _ME_TOO.search("\n".join(parts.own)):
        block = rule_signature_block(parts.own)
        if block and block.has_name and not any(same_person(s, block.fields["nom_complet"]) for s in signers):
            # « 2e adjoint au maire » next to the mayor of Sury: a title without place sits in the writer's commune
            place_fields(block, "mandat")
            for s in signers:
                title = parse_mandate(s.fields.get("mandat", ""))
                if block.fields.get("commune") and not title.place and title.kind and KINDS[title.kind].commune_level:
                    s.set("commune", block.fields["commune"], "commune_du_signataire")
            signers.append(block)
    for s in signers:
        _mark_relatives(s, text)
    # A party said once for the whole message (« Parti : EELV », « … EELV … ») applies to every
    # signer who did not give one.
    party = (_labelled(parts.own + parts.forwarded, "parti") or party_in(text)) if signers else None
    for s in signers:
        if party and not s.fields.get("parti"):
            s.set("parti", party, "texte")
        if not s.fields.get("mandat") and len(signers) == 1:
            mandate = sentence_mandate(text)
            if mandate:
                s.set("mandat", mandate, "phrase")
    if len(signers) > 1:
        _place_of_list(signers, f"{text}\n{msg.subject}")
        for s in signers:  # a council's list sent by its town hall (« Mairie de Marthemont »): that commune
            _place_from_town_hall_sender(s, msg)
    elif signers:
        _fuller_mandate_attached(signers[0], msg)
        _first_name_from_sender(signers[0], msg)
        if not signers[0].fields.get("mandat") and (shown := _display_signer(msg.sender_name)) is not None \
                and same_person(signers[0], shown.fields["nom_complet"]):
            signers[0].set("mandat", shown.fields["mandat"], "expediteur")  # the title in the From display name
        _place_from_town_hall_sender(signers[0], msg)
        _place_from_postal_address(signers[0], parts.own)
    reason = "" if any(s.has_name for s in signers) else _no_signer_reason(msg, text)
    # A forwarded signature is its author's words, not the forwarder's: a campaign assistant who
    # forwards several colleagues' signatures from one address must not become one signer.
    speaker = _address(parts.forwarded_from) if origin == "transfert" else ""
    return Reading(msg, intent, signers, reason, speaker=speaker,
                   words=[*words, *_attached_lines(msg), subject_text(msg.subject)])


_PLACE_NAME = rf"(?:(?:la|le|les)\s+|l['’])?[{UPPER}][\w'’-]*(?:\s+(?:sur|sous|en|l[èe][sz])\s+[{UPPER}][\w'’-]*)?"
# « les élu·es de la majorité municipale de X », « notre groupe au conseil municipal de X (38) »,
# « l'équipe municipale de X », « majorité d'X »: the commune a list of colleagues belongs to.
_LIST_PLACE = re.compile(rf"\b(?i:majorit[ée]|[ée]quipe|conseil|groupe|liste|opposition|pour la commune|pour la ville)"
                         rf"(?:\s+(?i:municipale?|majoritaire))?"
                         rf"\s+(?:de\s+|d['’]\s*|du\s+|à\s+)(?!la majorit)({_PLACE_NAME})(?:\s*\(([^()]{{2,30}})\))?")


# « Pour le groupe « Citoyens et engagés » (Quint-Fonsegrives (31)) »: the commune in brackets after the group's name
_GROUP_NAME_PLACE = re.compile(rf"\b(?i:groupe|liste)\s+[«\"“][^»\"”]{{1,60}}[»\"”]\s*\(\s*({_PLACE_NAME})\s*(?:\(([^()]{{2,30}})\))?\s*\)")


def list_place(text: str) -> tuple[str, str]:
    """(commune, département as written) of a list of municipal colleagues, from its heading or the
    subject; ("", "") when the message names no council."""
    m = _LIST_PLACE.search(text) or _GROUP_NAME_PLACE.search(text)
    return (m.group(1), m.group(2) or "") if m else ("", "")


def _place_of_list(signers: list[Signer], text: str) -> None:
    """Every name of a municipal list signs for the list's commune: a name listed with a bare title
    (« Laure Coppa, conseillère municipale ») gets the commune of the heading, else a namesake
    elsewhere could be verified in their place. Names listed without any title share the plural title
    the message states (« ma femme et moi sommes conseillers municipaux de Sury, on signe »)."""
    shared = sentence_mandate(text) if not any(s.fields.get("mandat") for s in signers) else ""
    if PLURAL_TITLE.search(shared):
        for s in signers:
            s.set("mandat", shared, "liste_commune")
    commune, dep = list_place(text)
    if not commune:
        return
    municipal = bool(MUNICIPAL_GROUP.search(text))
    for s in signers:
        if municipal and not s.fields.get("mandat"):  # a group of the municipal council: its members sit on it
            s.set("mandat", "conseiller municipal", "liste_commune")
        parsed = parse_mandate(s.fields.get("mandat", ""))
        if (parsed.kind is None or KINDS[parsed.kind].commune_level) and not parsed.place and not s.fields.get("commune"):
            s.set("commune", commune, "liste_commune")
            if dep and not s.fields.get("departement"):
                s.set("departement", dep, "liste_commune")


def _address(header: str) -> str:
    found = re.findall(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", header)
    return found[0].lower() if found else header.strip().lower()


_TOWN_HALL_SENDER = re.compile(r"^\s*(?:mairie|ville|commune|secr[ée]tariat(?:\s+(?:de\s+(?:la\s+)?)?mairie)?|cabinet du maire)"
                               r"(?:\s+de\s+(?:la\s+|l['’])?|\s+d['’]\s*|\s+du\s+|\s+(?-i:(?=[A-ZÀ-Þ])))(.+?)\s*$", re.I)


_NO_TOWN = frozenset({"mairie", "la mairie", "commune", "ville", "secretariat", "accueil", "cabinet", "services"})


def _place_from_town_hall_sender(signer: Signer, msg: MailMessage) -> None:
    """« Monsieur le Maire, Jean DUPONT, signe » from « Mairie de Sury <mairie@sury.fr> »: a municipal
    title without a place sits in the commune of the town hall that sends it."""
    # « Vincent FAGUET | Senozan »: a display name that adds the commune after a bar
    m = _TOWN_HALL_SENDER.match(msg.sender_name or "") or re.match(r"^[^|]+\|\s*()([^|]{2,60})$", msg.sender_name or "")
    place = m.group(m.lastindex) if m else ""
    if fold(place) in _NO_TOWN:  # « Secrétariat Mairie », « Accueil Mairie »: names no commune
        place = ""
    mandate = parse_mandate(signer.fields.get("mandat", ""))
    if (place and signer.fields.get("mandat") and not mandate.place and not signer.fields.get("commune")
            and (mandate.kind is None or KINDS[mandate.kind].commune_level)):
        signer.set("commune", place.strip(), "expediteur_mairie")


_POSTAL_LINE = re.compile(rf"^\s*(?:F-)?(?P<code>\d{{5}})\s+(?P<town>[{UPPER}][\w'’ -]*?)(?:\s+cedex\b.*)?\s*$", re.I)


# A line that only says where: « Saint-Germain-Laval, Loire (42). », « Pardon : Souligné-Flacé (72). »,
# « C'est Cours, dans les Deux-Sèvres (79) », « 42260 Saint-Germain-Laval »
_TOWN = r"[A-ZÀ-Þ][\w'’-]*(?:\s+(?:(?:de|du|des|la|le|les|sur|sous|en|lès|les|et|aux?|d['’]|l['’])\s*)?[A-ZÀ-Þ][\w'’-]*){0,4}"
_PLACE_ONLY = re.compile(rf"^\W*(?i:(?:pardon|d[ée]sol[ée]e?|oups|oui|erratum|pr[ée]cision)\W+)?(?i:c['’]est\s+|il s['’]agit de\s+|"
                         rf"(?:la\s+)?commune\s+(?:de\s+|d['’])|[àa]\s+)?(?P<town>{_TOWN})\s*(?:,|\s[-–—])?\s*"
                         rf"(?:(?i:dans\s+)?(?i:le|la|les|l['’])?\s*{_TOWN}\s*)?\(\s*(?P<dep>\d{{2,3}}|2[AB]|\d{{5}})\s*\)\s*[.!]?\s*$|"
                         rf"^\W*(?P<code>\d{{5}})\s+(?P<town2>{_TOWN})\s*[.!]?\s*$")


def _place_answer(lines: list[str]) -> tuple[str, str] | None:
    """A short reply that only says where the signer sits (commune and département), as people answer
    « dans quel département se trouve la vôtre ? »: (commune, département code)."""
    said = [x.strip() for x in lines if x.strip()]
    found = [m for x in said[:3] if (m := _PLACE_ONLY.match(x))]
    if len(said) > 4 or len(found) != 1:
        return None
    m = found[0]
    code = m.group("dep") or m.group("code")
    town = clean(m.group("town") or m.group("town2"))
    if MANDATE_RE.search(town) or not town:
        return None
    return town, code if len(code) <= 3 else departement_of_postcode(code)


def _place_from_postal_address(signer: Signer, lines: list[str]) -> None:
    """« Marie-Camille Dugas, maire » over « 76460 Saint-Valery-en-Caux »: a municipal title without a
    place sits in the town of the postal address of the signature block (its département from the
    postcode), so that a namesake elsewhere is not taken for the signer."""
    mandate = parse_mandate(signer.fields.get("mandat", ""))
    if (not signer.fields.get("mandat") or mandate.place or signer.fields.get("commune")
            or (mandate.kind is not None and not KINDS[mandate.kind].commune_level)):
        return
    found = [m for line in lines if (m := _POSTAL_LINE.match(line))]
    if len(found) != 1:
        # a letter's heading or block names the commune once (« COMMUNE DE SÉRIGNAC-SUR-GARONNE » over « Le Maire »)
        named = {clean(m.group(1)) for line in lines if (m := PLACE_LINE.match(line.strip()))}
        if len(named) == 1:
            signer.set("commune", named.pop(), "entete")
        return
    code, town = found[0].group("code"), found[0].group("town").strip()
    dep = departement_of_postcode(code)
    signer.set("commune", town, "adresse_postale")
    signer.set("departement", dep, "adresse_postale")


def _fuller_mandate_attached(signer: Signer, msg: MailMessage) -> None:
    """« François Arsac / Maire » over a business card (vCard, `signature.txt`) that says « Mandat : Maire,
    la Palud-sur-Verdon (04) » for the same person: the card's mandate, which names the place."""
    mandate = parse_mandate(signer.fields.get("mandat", ""))
    if not signer.has_name or mandate.place or signer.fields.get("commune") or not msg.attached_text.strip():
        return
    for card in signers_in(_attached_lines(msg)):
        fuller = parse_mandate(card.fields.get("mandat", ""))
        if (card.has_name and same_person(card, signer.fields["nom_complet"]) and fuller.place
                and mandate.kind in (None, fuller.kind)):
            signer.fields.pop("mandat", None)
            for role in ("mandat", "commune", "departement"):
                signer.set(role, card.fields.get(role, ""), "piece_jointe")
            return


def _first_name_from_sender(signer: Signer, msg: MailMessage) -> None:
    """« M. LÉTONDAL, conseiller municipal… » from « Mathieu Létondal <…> »: a surname written alone
    takes the first name of the sender's own display name when that display name holds the surname."""
    name = signer.fields.get("nom_complet", "")
    if not name or len(name.split()) != 1:
        return
    display = _display_name(msg.sender_name)
    words = fold(display).split()
    if display and fold(name) in words and len(words) > 1:
        given = [w for w in display.split() if fold(w) != fold(name)]
        signer.fields["nom_complet"] = " ".join([*given, name])
        signer.rules["nom_complet"] = "ligne+prenom_expediteur"


def _labelled(lines: list[str], role: str) -> str | None:
    """The first « Role : value » line of the message for that role."""
    for line in lines:
        m = LABEL_LINE.match(line)
        if m and label_role(m.group(1)) == role and clean(m.group(2)):
            return clean(m.group(2))
    return None


def _hints(msg: MailMessage) -> str:
    """What else may name the signer, for the registry to try: the From display name and the
    address's local part (« jp.roux », « hdurand »); a generic box (« mairie@ », « contact@ »)
    names a place, not a person."""
    local, _, domain = msg.sender.partition("@")
    out = []
    if msg.sender_name:
        out.append(f"expediteur={msg.sender_name}")
    if local:
        out.append(f"adresse={local}")
    if domain:
        out.append(f"domaine={domain}")
    return "; ".join(out)


def _rows(r: Reading) -> list[dict]:
    msg = r.msg
    source = " ; ".join(r.sources) if r.sources else msg.source
    withdrawn = r.withdrawn_by
    if not r.signers or not any(s.has_name for s in r.signers) and not r.intent.yields_signers:
        row = _row(msg, source, 0, Signer(), ExtractStatus.NO_SIGNER, r.intent, r.reason)
        row[WORDS] = "\n".join(r.words) if r.intent.yields_signers else ""
        return [row]
    rows = []
    for k, s in enumerate(r.signers, 1):
        place_fields(s, "mandat")
        _mark_surname_only(s)  # once the name is complete (a first name may come from the sender)
        if withdrawn and (r.withdrawn_only is None or k - 1 in r.withdrawn_only):
            status, reason = ExtractStatus.WITHDRAWN, f"signature retirée par le message {withdrawn}"
        elif s.has_name:
            status, reason = ExtractStatus.SIGNER, ""
        else:
            status, reason = ExtractStatus.NAMELESS, r.reason or "aucun nom de signataire trouvé"
        rows.append(_row(msg, source, k, s, status, r.intent, reason))
        # the words are kept for the registry when the name or, for a lone signer, the mandate is missing
        lacking = status == ExtractStatus.NAMELESS or (status == ExtractStatus.SIGNER and len(r.signers) == 1
                                                        and not s.fields.get("mandat"))
        rows[-1][WORDS] = "\n".join(r.words) if lacking else ""
    return rows


def _row(msg: MailMessage, source: str, k: int, s: Signer, status: ExtractStatus, intent: Intent, reason: str) -> dict:
    f = s.fields
    return {
        "message_id": msg.message_id, "message_date": msg.date, "expediteur": msg.sender,
        "expediteur_nom": msg.sender_name, "objet": msg.subject, "source": source, "signataire_no": k,
        "intention": intent.value,
        "civilite": f.get("civilite", ""), "nom_complet": f.get("nom_complet", ""), "nom": f.get("nom", ""),
        "prenom": f.get("prenom", ""), "mandat": f.get("mandat", ""), "parti": f.get("parti", ""),
        "commune": f.get("commune", ""), "departement": f.get("departement", ""),
        "extraction_confidence": _confidence(s) if status == ExtractStatus.SIGNER else 0.0,
        "extraction_regles": "; ".join(f"{role}={rule}" for role, rule in s.rules.items()),
        "extraction_indices": _hints(msg) if status in (ExtractStatus.SIGNER, ExtractStatus.NAMELESS) else "",
        "extraction_statut": status.value, "extraction_raison": reason,
        "retrait": reason if status == ExtractStatus.WITHDRAWN else "",
        "nom_deduit": "",  # filled by verify when only the registry could name the signer (guided)
        "a_confirmer": f.get("a_confirmer", "") if status == ExtractStatus.SIGNER else "",
        "pieces_jointes": ", ".join(msg.attachments),
    }


def extract_message(msg: MailMessage) -> list[dict]:
    """Rows for one message read alone: its signers, or one row saying what it is and why none."""
    return [row for r in assemble([read_message(msg, organisers([msg]))]) for row in _rows(r)]


def extract_messages(messages: Iterable[MailMessage], progress: Steps = silent, helper: Helper | None = None) -> pl.DataFrame:
    """Rows for a mailbox: one per signature (a conversation's messages merged, `source` listing
    them), one per message that does not sign, saying what it is. `progress` counts messages read;
    `helper`, a second process that reads half of them (`workers`)."""
    messages = list(messages)
    org = organisers(messages)
    threads = thread_of(messages, org)
    context = (org, common_lines(messages), frozenset(m.sender.lower() for m in messages if m.sender))
    with progress("Extraction", len(messages), "message") as advance:
        readings = shared(_read_part, messages, context, helper=helper, done=advance)
    for r, msg, t in zip(readings, messages, threads, strict=True):
        r.msg, r.thread = msg, t  # a worker's reading holds a copy of the message: the one read here is kept
    rows = [row for r in assemble(readings) for row in _rows(r)]
    schema = {c: pl.String for c in [*COLUMNS, WORDS]} | {"signataire_no": pl.Int64, "extraction_confidence": pl.Float64}
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


def _read_part(part: Sequence[MailMessage], context: tuple[frozenset[str], frozenset[str], frozenset[str]]) -> list[Reading]:
    org, common, senders = context
    return [read_message(m, org, common, senders) for m in part]


def set_words_apart(frame: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    """The rows to write out, and each row's message words (kept apart: `verify` reads them, no file holds them)."""
    return frame.drop(WORDS), frame[WORDS].fill_null("").to_list()


def extract_mailbox(path: Path, progress: Steps = silent) -> pl.DataFrame:
    """One row per signature found, one row per message that does not sign, in mailbox order. A long
    mailbox is decoded and read on two cores (`workers`), its bytes held a window at a time."""
    raws = raw_messages(path)
    window = list(islice(raws, _WINDOW))
    with helper_for(len(window), PARALLEL_FROM, __name__) as helper:
        messages: list[MailMessage] = []
        with progress("Lecture", len(window) if len(window) < _WINDOW else None, "message") as advance:
            while window:
                messages += shared(decode, window, helper=helper, done=advance)
                window = list(islice(raws, _WINDOW))
        return extract_messages(messages, progress, helper)
