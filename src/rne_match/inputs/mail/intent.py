"""What a petition message is for: signing, confirming, asking, thanking, withdrawing…

Officials sign every e-mail with their name and mandate, so a signature block says nothing about
whether the message signs: a question asked before signing, a thank-you after publication or an
out-of-office reply carry the same block. Only the writer's own words (quotes removed) decide,
and a message is a signature only when it says so (« je signe », « ajoutez mon nom », « signé : »…)
or, failing any other intent, when its body holds a signer line (a name with a mandate).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from .mailbox import MailMessage
from .threads import is_organiser


class Intent(StrEnum):
    """The intent of one message; the value is what the `intention` column holds."""

    SIGNS = "signe"
    CONFIRMS = "confirme"
    QUESTION = "question"
    THANKS = "remerciement"
    WITHDRAWS = "retrait"
    AUTOREPLY = "reponse_automatique"
    NEWSLETTER = "lettre_information"
    ORGANISERS = "organisateurs"
    OTHER = "autre"

    @property
    def yields_signers(self) -> bool:
        return self in (Intent.SIGNS, Intent.CONFIRMS)


# Why a message that does not sign gives no signer (French, for the review queue).
REASONS = {
    Intent.QUESTION: "question ou échange sans signature",
    Intent.THANKS: "remerciement ou accusé de lecture, sans signature",
    Intent.WITHDRAWS: "retrait de signature",
    Intent.AUTOREPLY: "réponse automatique (absence, accusé de réception…)",
    Intent.NEWSLETTER: "lettre d'information ou liste de diffusion",
    Intent.ORGANISERS: "message des organisateurs (leur appel ou leurs réponses ne sont pas des signatures)",
}

_AUTO_SUBJECT = re.compile(r"(r[ée]ponse automatique|\babsen(?:ce|te?)\b|out of office|automatic reply|autoreply|"
                           r"en cong[ée]s?|message automatique|accus[ée] de r[ée]ception|undeliverable|"
                           r"non remis|delivery status)", re.I)
_AUTO_BODY = re.compile(r"(?:^|\n)\s*(?:message automatique|r[ée]ponse automatique|(?:je suis |je serai )?"
                        r"(?:absente?|en cong[ée]s?)(?: du bureau)? jusqu|this is an automatic|i am out of the office|"
                        r"votre (?:message|courriel) a bien [ée]t[ée] re[çc]u)", re.I)
_NEWSLETTER = re.compile(r"lettre d['’]information|newsletter|pour vous d[ée]sinscrire|se d[ée]sinscrire|unsubscribe",
                         re.I)
# A withdrawal: « je retire ma signature », « merci de retirer mon nom », « ne plus figurer ».
_WITHDRAW_FORMS = re.compile(r"\b(?:retir|supprim|enlev|[ôo]t|annul)\w*\s+(?:(?:donc|alors|bien|aussi|[ée]galement|finalement)\s+)?"
                       r"(?:ma|mon|notre|nos|sa|son|leurs?)\s+(?:signature|nom|soutien)s?\b|^\W*retrait\s+de\s+(?:la\s+)?signature\b|"
                       r"\bje me retire\b|\bne (?:plus|pas) (?:figurer|appara[îi]tre)\b|\bretrait de (?:ma|notre) signature|"
                       # « que mon nom soit retiré de la liste », « je préfère me retirer de l'appel », « Oubliez ce
                       # message, je retire. », « Finalement non, je ne signe pas », « merci de ne pas publier mon nom »
                       r"\b(?:ma|mon|notre|nos)\s+(?:signature|nom)s?\s+(?:soit|soient|sera|doit [êe]tre)\s+(?:retir|supprim|enlev|[ôo]t)|"
                       r"\bme retirer\s+de\s+(?:l['’]appel|la liste des signataires|la tribune|la p[ée]tition|l['’]initiative)\b|\bje retire\s*[.!]|\bfinalement,?\s+(?:non\b|je\s+ne\s+(?:la\s+|le\s+)?signe\s+pas)|"
                       r"\b(?:ne|pas)\s+(?:pas\s+)?publier\s+(?:mon|notre)\s+nom|\bje reviens sur (?:ma|mon)\s+(?:signature|message|accord)|"
                       # someone the writer listed: « Pouvez-vous retirer Nathalie TRANIER de la liste envoyée… », « retirez
                       # EMERIC Sandrine de la liste svp »
                       r"\b(?:retir|supprim|enlev|[ôo]t|ray)\w*\s+(?:le nom de\s+)?(?:(?:m\.|mme|madame|monsieur)\s+)?"
                       r"(?-i:[A-ZÀ-Þ][\w'’-]+)(?:\s+(?-i:[A-ZÀ-Þ][\w'’-]+)){1,3}\s+(?:de|des)\s+(?:la|notre|cette|ma|nos)\s+(?:liste|signataires)\b",
                       re.I)
@dataclass(frozen=True)
class Gated:
    """A long alternation tried only when the text holds one of its words: most texts hold none, and
    Python's engine tries every alternative at every position of every text. `words` are lowercase,
    spaces normalised, a space before the text (« ôter » at a word's start: " ôt")."""

    words: tuple[str, ...]
    pattern: re.Pattern

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match]:
        low = gate_text(text) if low is None else low
        return self.pattern.finditer(text) if any(w in low for w in self.words) else iter(())

    def search(self, text: str, low: str | None = None) -> re.Match | None:
        return next(self.finditer(text, low), None)


def gate_text(text: str) -> str:
    """What `Gated` words are looked for in: the text in lowercase, spaces normalised, after a space."""
    return " " + " ".join(text.lower().split())


# Every withdrawal form holds one of these words.
_WITHDRAW = Gated(("retir", "supprim", "enlev", "annul", "retrait", "figur", "appara", "finalement", "publier", "reviens",
                   " ot", " ôt", "ray"), _WITHDRAW_FORMS)


def withdraws(text: str) -> bool:
    return _WITHDRAW.search(text) is not None


_CONFIRM = re.compile(r"\b(?:je|nous) (?:vous )?(?:le )?confirm\w*|\bconfirm[ée]e?s?\b|^\s*(?:oui|ok|d['’]accord|"
                      r"bien s[ûu]r|absolument|parfait)\b", re.I)
# « I sign » in the regional languages of France, as officials answer a call in them (Breton, Basque, Occitan,
# Catalan, Corsican, Alsatian, the creoles): « Sinañ a ran », « sinatzen dut », « Signi », « Signo », « Firmu »…
_SIGNS_REGIONAL = (r"\bsina[ñn] a ran\b|\bsinatzen (?:dut|dugu)\b|\bsigni\b|\bsignam\b|\bsigno\b|\bsignem\b|\bfirmu\b|"
                   r"\bfirmemu\b|\bunterschri+e?b\b|\bmi sign\b|\b(?:mwen|an|nou) (?:ka )?siyen\b")
# The verbs of passing a signature on (« merci de transmettre ma signature », « peux-tu ajouter mon nom ? »)
_PASS_ON = r"(?:transmettre|ajouter|envoyer|inscrire|rajouter|mettre|faire suivre|enregistrer)"
# Saying that one signs, in the present or the past: not « pour signer », « avant de signer ». One family
# per word that must be in the text for any of its forms to match (lowercase, no accent): a message is
# searched only by the families whose word it holds, as one alternation of every form cost a sixth of the
# extraction time.
_SIGNING_FORMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("sign",),
     r"(?<!\bsi )(?<!\bs['’])\bje\s+(?:la\s+|le\s+|l['’](?:ai\s+)?|vous\s+)?(?:co-?)?sign(?!er(?:ai|ais|ait|ions|iez|aient)?\b)\w*|"  # (not « puis-je signer ? »)
     r"\bsignons\b|\bsignent\b|\b(?:il|elle|qui)\s+(?:le\s+|la\s+)?signe(?:\s+(?:aussi|[ée]galement|(?:bien\s+)?volontiers|avec plaisir))?\s*(?:l['’]|votre\s|cet(?:te)?\s|la\s|[.!]|$)|"
     r"\bsigne\s+(?:la|cette|votre|le|les)\b|\bsigne\s+l['’]|"
     r"(?<!\bont )(?<!\bavez )(?<!\bavons )(?<!\bont d[ée]j[àa] )\bsign[ée]e?s?\s*:|^\s*sign[ée]e?\b|^\s*(?:ma\s+)?signature\s*:?\s*$|"
     r"\bsoussign|\bon\s+(?:la\s+|le\s+)?signe\b(?!\s+(?:rarement|jamais|pas|peu|rien|si|seulement)\b)|"
     r"\bsignature\s*:?\s*(?:ok|oui|valid[ée]e?)\b(?!\s+si\b)|\b(?:transmet\w*|envoie|adresse|fais suivre)\b[^.\n?]{0,60}\b(?:sa|leur)\s+signature\b|"
     r"\bsignature (?:pour|de|à)\b|^\s*signature\s*:\s*\S|"
     r"\b(?:compter|inscrire|ajouter|faire figurer)\b[^.?\n]{0,25}\b(?:parmi|sur la liste des|[àa] la liste des|aux)\s+(?:les\s+)?signataires|"
     r"\bma signature\b|\bvoici\s+(?:nos|leurs)\s+signatures\b|\bvaut\s+(?:ma\s+|notre\s+)?signature\b|\b(?:d[ée]cision|accord|volont[ée])\s+(?:de|pour)\s+signer\b|"
     r"\bsignature ci-dessous\b|\bje\s+(?:viens|prends le temps|tiens|m['’]empresse|suis (?:heureux|heureuse|fi[eè]re?|ravie?)|ai le plaisir)\s+"
     r"(?:de\s+|d['’]|[àa]\s+)(?:le\s+|la\s+)?signer\b|\bsouhaite(?:nt)? signer|\bsouhait\w*\s+de\s+signer|^\W*j['’ ]?signe\b|\bjsigne\b|"
     r"(?-i:[A-ZÀ-Þ][\w'’-]+)\s+signe\s*(?:[.!]|l['’]appel|votre appel|cet appel)|(?:^|[.!]\s+)\W*signataires?\s*:\s*\S|"
     r"\bi (?:hereby |also |fully |gladly )?(?:co-?)?sign\b|\bi(?:['’]m| am) (?:happy to |glad to |pleased to )?(?:co-?)?sign(?!ing off)"),
    (("signature", "nom"),
     r"\b(?:merci\s+de|veuillez|pourriez-vous|pouvez-vous|peux-tu|pourrais-tu)\s+(?:bien\s+)?" + _PASS_ON
     + r"\s+(?:ma|mon|notre|nos)\s+(?:signature|nom)s?\b|"
     r"(?<!\bpas )(?<!\bne )\b(?:mett|inscri|rajout)\w*\s+(?:mon|ma|notre|nos)\s+(?:nom|signature)s?\b|"
     r"\bajout\w*\s+(?:mon|ma|notre|nos|le|son)\s+(?:nom|signature)|\b(?:mon|son|notre|leur)\s+nom\s+(?:soit\s+publi|figure\b)"),
    (("associ",), r"\bm['’ ]?(?:y\s+)?associe|\bs['’](?:y\s+)?associe|\bnous (?:nous )?(?:y )?associons"),  # « je m'y associe »
    (("sout",), r"(?<!\bvos )(?<!\bnos )(?<!\bdes )(?<!\bles )(?<!\bmes )(?<!\bses )\bsoutiens\b|\bsoutient\b|\bsoutenons\b|"
                r"\b(?:mon|notre|tout mon|tout notre|plein) soutien\b|\bapport\w*\s+(?:mon|son|notre|leur)\s+(?:entier\s+|plein\s+)?soutien\b"),
    (("ajout",), r"\bvous pouvez (?:m['’]|nous )?ajouter|\bajoutez[- ]moi|\bm['’]ajouter\b"),
    (("compt",), r"\bme\s+compt\w*\s+parmi\s+les\s+signataires|\bcompter sur (?:ma|notre|son) (?:signature|soutien)|\bcomptez sur (?:moi|nous)\b|\bcompt\w*[- ](?:moi|nous)\s+parmi\b"),
    (("moi", "nous"), r"\b(?:mett|inscriv|rajout)\w*[- ](?:moi|nous)\s+(?:sur|dans|parmi)\b"),
    (("liste",), r"^\s*pour la liste\s*:"),
    (("signataire",), r"^\W*signataire\s+(?:de\s+l['’]appel|de\s+(?:la|cette)\s+(?:tribune|p[ée]tition)|de\s+cet\s+appel)\s*[.!]?\s*$"),
    (("oui",), r"(?<!\bsi )(?<!\bs['’])\bc['’ ]?est\s+(?:un\s+)?oui\b"),
    (("ok pour", "bon pour", "+"), r"\bok pour\b|^\s*\+\s?1\b|\bbon pour (?:signature|accord)\b"),
    (("fait",), r"^\W*c['’]?(?:est)?\s*fait\b"),
    (("pour signature",), r"^\W*pour signature\s*[.!]?\s*$"),  # a forward's one line over the writer's block
    (("singe",), r"\bje\s+singe\b"),  # the usual slip of « je signe »
    (("formulaire",), r"\bformulaire\s+(?:compl[ée]t[ée]|rempli)"),  # the call's form, filled in
    (("en suis",), r"^\W*j['’]en suis\b(?!\s+(?:pas|s[ûu]r|certain|[àa]|au|encore))"),
    (("oubli",), r"\bj['’](?:oubliais|ai oubli[ée])\s+(?:de (?:pr[ée]ciser|donner|vous donner) )?(?:le|mon)\s+mandat\b"),
    # « je vous confirme mon adhésion à l'appel », « j'adhère pleinement à cette tribune », « je souscris à votre appel »
    (("adh", "souscri"), r"\b(?:mon|notre)\s+(?:pleine\s+|enti[eè]re\s+)?adh[ée]sion\s+(?:pleine\s+et\s+enti[eè]re\s+)?(?:[àa]\s+|au\s+)"
                         r"(?:l['’]|la\s+|cet(?:te)?\s+|votre\s+|ce\s+)?(?:appel|tribune|p[ée]tition|texte|d[ée]marche|initiative|manifeste|motion)\b|"
                         r"\bj['’]adh[eè]re\s+(?:pleinement\s+|totalement\s+|sans\s+r[ée]serve\s+)?(?:[àa]|au)\b|\bnous\s+adh[ée]rons\s+(?:[àa]|au)\b|"
                         r"\bje\s+souscris\s+(?:pleinement\s+|totalement\s+|sans\s+r[ée]serve\s+)?(?:[àa]|au)\b|\bnous\s+souscrivons\s+(?:[àa]|au)\b"),
    (("rejoins", "engage", "appose"), r"\bje (?:la |les )?rejoins\b|\bje m['’]engage|\bj['’]appose"),
    (("clar",), r"\bd[ée]clar\w*\s+(?:soutenir|signer|apporter)\b"),
    (("sin", "sig", "firm", "unterschri", "siyen"), _SIGNS_REGIONAL),
    ((" to ", "add my name", "count me in", "support", "endorse"),
     r"\bi(?:['’]d| would)? (?:like|love|wish|want) to (?:sign|add my name|support)|\b(?:please |kindly )?add my name\b|"
     r"\bcount me in\b|\bi (?:fully |wholeheartedly )?(?:support|endorse)\b"),
)
_SIGNS = tuple(Gated(words, re.compile(pattern, re.I | re.M)) for words, pattern in _SIGNING_FORMS)


def _signing_words(text: str) -> Iterator[re.Match]:
    """Every signing form in the text, family by family."""
    low = gate_text(text)
    for family in _SIGNS:
        yield from family.finditer(text, low)
# Asking someone to pass on or add one's signature (« Peux-tu transmettre ma signature ? »): a
# question mark that signs.
_SIGN_REQUEST = re.compile(r"(?:^|(?<=[.!?\n]))[ \t]*(?:(?:bonjour|bonsoir|salut|slt|coucou|hello|merci|s['’]il (?:te|vous) pla[iî]t)\W{1,3})?"
                           r"(?:(?:peux|pouvez|pourrais|pourriez|voudriez|veux|voulez)[- ](?:tu|vous)|(?:tu|vous)\s+(?:peux|pouvez|pourrais|pourriez))\s+(?:bien\s+)?"
                           + _PASS_ON + r"\s+(?:(?:ma|mon|notre|nos)\s+(?:signature|nom)s?\b|(?-i:[A-ZÀ-Þ][\w'’-]+\s+[A-ZÀ-Þ][\w'’-]+))"
                           r"(?![^?\n]*\bsans\s+(?:mon|notre|leur)\s+(?:accord|autorisation))[^?\n]*\?", re.I)
# Not signing yet: names suggested to the organisers (« vous devriez contacter X, maire de Y »), or
# a decision put off (« je dois d'abord en parler à mon conseil, je reviens vers vous »).
_DEFERS = re.compile(r"\b(?:vous (?:devriez|pourriez|pouvez) (?:contacter|solliciter|[ée]crire [àa])|je vous sugg[èe]re de contacter|"
                     r"je reviens vers vous|je vous (?:dirai|r[ée]pondrai|confirmerai|tiendrai inform[ée]e?)\b|je dois d['’]abord|avant de (?:m['’]engager|signer)|je vous tiendrai au courant|"
                     r"je (?:vais|dois) (?:en parler|consulter|r[ée]fl[ée]chir)|\bj['’]en parle(?:rai)?\b)", re.I)
# « Jean-Pierre Leone signe »: capitalised words only (not « Pourquoi personne ne signe »)
_NAME_SIGNS_SUBJECT = re.compile(r"(?:^|:\s*)(?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}[A-ZÀ-Ý][\w'’-]+\s+signe\s*[.!]*$")
_SIGNED_ATTACHED = re.compile(r"\b(?:voir|cf\.?)\s*(?:la\s+|en\s+)?(?:pj|p\.j\.|pi[èe]ce jointe)|\bci-joint|\ben pi[èe]ce jointe|"
                              r"\b(?:appel|tribune|p[ée]tition|texte)\s+sign[ée]", re.I)
_THANKS = re.compile(r"\b(?:merci(?! de | d['’])|bravo|f[ée]licitations|bien re[çc]u|bonne r[ée]ception)\b", re.I)


# A reply whose first words thank (« Bien reçu, merci », « Merci à vous », « Bravo pour … »).
_THANKS_FIRST = re.compile(r"^\W*(?:(?:bonjour|bonsoir|madame|monsieur)\b[^\n]{0,30}\n\s*)?(?:bien re[çc]u|merci(?! de | d['’])|"
                           r"bravo|f[ée]licitations|parfait,? merci|super,? merci|top,? merci)", re.I)


# A refusal, whatever else the message says: no signing word may turn it into a signature.
_REFUSES = re.compile(
    # (the negation reaches the signing word only within its clause: not « je ne tarde pas : je signe »,
    # « je ne peux pas venir mais je signe »)
    r"\bne\s+(?:\w+\s+){0,3}?(?:pas|plus|jamais)\b(?:(?!\bmais\b|\bje\s+(?:la\s+|le\s+)?(?:co-?)?sign|\bje\s+m['’]associe|"
    r"\bj['’](?:ajoute|appose)|\bnous\s+sign)[^.!?\n:;]){0,40}?"
    r"\b(?:sign|mett|inscri|soutien|soutenir|associ|rejoin|ajout|figur)|"
    r"\bje\s+ne\s+(?:le\s+|la\s+)?sign|\bne\s+(?:le\s+|la\s+)?signerai\b|\bsans moi\b|\bje refuse\b|\bhors de question\b|"
    r"\bpas (?:mon|notre|tout mon) soutien\b|\bbien s[ûu]r que non\b|\bje m['’]abstiens\b|\bpr[ée]f[eè]re ne pas\b|"
    r"\bje d[ée]cline\b|"
    # disagreeing with the call, unless a « mais » follows (« pas d'accord sur tout, mais je signe »)
    r"\b(?:je\s+ne\s+suis|nous\s+ne\s+sommes)\s+pas\s+d['’]accord\b(?![^.!?\n]*\bmais\b)|"
    r"\b(?:je\s+n['’]adh[eè]re|nous\s+n['’]adh[ée]rons|je\s+ne\s+souscris|nous\s+ne\s+souscrivons)\s+pas\b(?![^.!?\n]*\bmais\b)|"
    r"\bje\s+ne\s+(?:partage|me\s+reconnais|m['’]y\s+reconnais)\s+pas\s+(?:dans\s+)?(?:votre|vos|cet|ce|cette|la|les|le)\s+"
    r"(?:appel|texte|tribune|p[ée]tition|position|analyse|d[ée]marche|point de vue|termes)\b(?![^.!?\n]*\bmais\b)|"
    # in English: « please do not add my name », « I support the idea but I won't sign », « but I cannot »
    r"\b(?:do not|don['’]t|won['’]t|will not|cannot|can['’]t|can not|would not|wouldn['’]t|not able to)\b[^.!?\n]{0,40}?"
    r"\b(?:sign|add|support|endorse|put)|\bbut\s+i\s+(?:cannot|can['’]t|won['’]t|will not|am not able)\b", re.I)


def refusal(text: str) -> str:
    """The words by which a message refuses to sign (« je ne signerai pas »), to say so in its reason; "" if none."""
    m = _REFUSES.search(text)
    if not m:
        return ""
    words = " ".join(re.split(r"[.!?\n]", text[m.start():], maxsplit=1)[0].split())
    return words if len(words) <= 60 else words[:60].rsplit(" ", 1)[0] + "…"


# The writers say they hold no seat (« Nous ne sommes pas élus, mais nous soutenons… »): support, no signature.
_NOT_OFFICIALS = re.compile(r"\b(?:je ne suis|nous ne sommes)\s+pas\s+(?:moi-m[êe]me\s+|nous-m[êe]mes\s+)?(?:un\s+|une\s+|des\s+)?"
                            r"[ée]lue?s?\b|\bnon[- ][ée]lue?s?\b", re.I)


_FOR_MY_PART = re.compile(r"\b(?:pour ma part|quant à moi|de mon côté|personnellement|moi[- ]même|moi,)", re.I)


# A message whose first word says yes to the call (« D'accord », « Partante ! », « Volontiers »).
_ASSENT = re.compile(r"^\W*(?:(?:bonjour|bonsoir|hello|salut)\b[^\n]{0,30}?[,!.\n]\s*)?(?:(?:oui|ok|okay|d['’]accord|"
                     r"partante?s?|volontiers|avec plaisir|bien s[ûu]r|banco|[çc]a marche|go)\b(?!\s*\?)"
                     # (not « D'accord sur tout sauf le 1) », « Oui, mais… », « OK si vous changez… »)
                     r"(?![^.!?\n]*\b(?:sauf|mais|except\w*|[àa] condition|si)\b)|(?:👍|✅|✔️?)\s*(?:pour moi)?)",
                     re.I)


def _is_reply(msg: MailMessage) -> bool:
    return bool(msg.in_reply_to or msg.references or re.match(r"^\s*re\s*:", msg.subject, re.I))


def is_automatic(msg: MailMessage) -> Intent | None:
    """An auto-reply or a mailing list, from the headers the machines set (and their subjects)."""
    # « auto-forwarded » (RFC 5436): a mailbox rule passing a person's message on, which is read as theirs
    if (msg.headers.get("Auto-Submitted", "no").lower() not in ("", "no", "auto-forwarded") or msg.headers.get("X-Autoreply")
            or msg.headers.get("X-Autorespond") or _AUTO_SUBJECT.search(msg.subject)):
        return Intent.AUTOREPLY
    if msg.headers.get("List-Unsubscribe") or msg.headers.get("List-Id") or \
            msg.headers.get("Precedence", "").lower() in ("bulk", "list", "junk") or \
            "undisclosed" in msg.headers.get("To", "").lower():  # sent to a hidden list: a mass mailing
        return Intent.NEWSLETTER
    return None


# A web form's notification (WordPress, a form service): sent by the organisers' own site, it carries
# a signer's filled fields, which are that signer's words.
_FORM_NOTIFICATION = re.compile(r"\bnouvelle\s+(?:signature|r[ée]ponse|soumission|inscription|entr[ée]e)\b|"
                                r"\bnew\s+(?:form\s+)?(?:submission|response|entry)\b|\br[ée]ponse\s+(?:au|du)\s+formulaire\b|"
                                r"\b(?:envoy[ée]|soumis|transmis)e?\s+(?:via|depuis|par)\s+(?:le\s+)?formulaire\b|"
                                r"\bnouveau\s+message\s+(?:depuis|via|du)\s+(?:le\s+)?formulaire\b|\bvaleurs\s+soumises\b|\bsoumis\s+par\s*:", re.I)


# (or its text is the form's fields: « Nom : FLABA / Prénom : Mathieu / Mandat (liste) : … » under « [Contact] Signature »)
# (filled in, and not quoted: the organisers' own template « Nom : / Prénom : / Mandat : » asking for them is no form)
_FORM_FIELDS = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?(?:votre\s+)?nom\b[^:\n>]{0,20}:[ \t]*[^\s.…_][^\n]*\n(?:[^\n]*\n){0,3}?"
                          r"[ \t]*(?:[-*•][ \t]*)?(?:votre\s+)?(?:pr[ée]nom|mandat)\b[^:\n>]{0,20}:[ \t]*[^\s.…_]", re.I | re.M)


def is_form_notification(msg: MailMessage) -> bool:
    """A notification of the organisers' web form: its subject or its text says so."""
    head = msg.body[:3000]
    return bool(_FORM_NOTIFICATION.search(msg.subject) or _FORM_NOTIFICATION.search(head) or _FORM_FIELDS.search(head))


def says_it_signs(text: str) -> bool:
    low = gate_text(text)
    return any(family.search(text, low) for family in _SIGNS)


# A sentence that asks or sets a condition does not sign (« Si je signe, mon nom sera-t-il publié ? »).
_ASKS_OR_IF = re.compile(r"\bs['’](?:il|ils)\b|\best-ce\b|\bfaut-il\b|\bpuis-je\b|\bdois-je\b|\bavant\b|\bd[èe]s que\b|"
                         r"\bune fois\b|\bbefore\b|\bonce\b|\bwhen\b", re.I)


# A condition on signing, or hearsay (« Si vous écrivez « un délai raisonnable », je signe », « je signe à condition
# que… »); not « même si », « si possible », « s'il vous plaît ».
_CONDITION = re.compile(r"(?<!\bm[êe]me )\bsi\b(?!\s+(?:possible|besoin|n[ée]cessaire|oui|c['’]est (?:encore )?possible|"
                        r"(?:ce n['’]est|il n['’]est) pas trop tard|(?:il est )?encore temps)\b)|\b[àa] condition\b|\bpourvu que\b|"
                        r"\bsous r[ée]serve\b|\bif\b|\bprovided\b|"
                        # or reports what someone else said (« X soutient votre appel : il me l'a dit »)
                        r"\bm['’](?:a|ont)\s+dit\b|\bme\s+l['’]a\s+dit\b", re.I)


def _sentence_of(text: str, m: re.Match) -> tuple[int, int]:
    """Where the sentence holding a match starts and ends."""
    start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, m.end()) for c in ".!?\n") if i >= 0]
    return start, min(ends, default=len(text))


def signs_unconditionally(text: str) -> bool:
    """Some signing form stands in a sentence that sets no condition."""
    return any(not _CONDITION.search(text[slice(*_sentence_of(text, m))]) for m in _signing_words(text))


def signs_outright(text: str) -> bool:
    """One sentence says it signs, as a statement: the message signs even when it also asks something
    (« Avez-vous un visuel ? P.S. : je signe, bien sûr. »), while a signing word inside the question
    (« Puis-je signer en tant que… ? ») leaves it a question."""
    for m in _signing_words(text):
        start, end = _sentence_of(text, m)
        if text[end:end + 1] != "?" and not _ASKS_OR_IF.search(text[start:end]) and not _CONDITION.search(text[start:end]):
            return True
    return False


def classify(msg: MailMessage, own: str, organisers: frozenset[str] = frozenset(),
             has_signer_line: bool = False, forwarded: bool = False) -> Intent:
    """The intent of a message from its headers and the writer's own text (quotes removed).

    `has_signer_line`: the body, above its closing formula, holds a name with a mandate (a filled
    form, « Marie Dupont, maire de X »): that signs, while the same under « Cordialement » is only
    the writer's usual signature block. `forwarded`: `own` is a message forwarded by the
    organisers (a signature sent to another address), read as its writer's."""
    automatic = is_automatic(msg)
    if automatic is not None:
        return automatic
    if msg.sender and is_organiser(msg.sender, organisers) and not forwarded:
        return Intent.ORGANISERS
    if _AUTO_BODY.search(own):
        return Intent.AUTOREPLY
    if _NEWSLETTER.search(own):
        return Intent.NEWSLETTER
    if withdraws(own) or withdraws(msg.subject):
        return Intent.WITHDRAWS
    if _NOT_OFFICIALS.search(own):
        return Intent.OTHER
    refusal = _REFUSES.search(own)
    # « Pour ma part, je ne signe pas » under the signatures the writer passes on: only the writer refuses
    if refusal and not _FOR_MY_PART.search(own[max(0, refusal.start() - 40):refusal.start() + 1]):
        return Intent.OTHER  # « Je préfère ne pas y mettre mon nom », « tout mon soutien, mais je ne signerai pas »
    signs = says_it_signs(own) and signs_unconditionally(own)
    if (not signs and _is_reply(msg) and _THANKS_FIRST.match(own)
            and not re.search(r"\b(?:je|nous) (?:vous )?(?:le )?confirm|\bconfirm[ée]", own, re.I)):
        return Intent.THANKS  # « Parfait, merci. Déjà signé donc… »: thanks, not a new confirmation
    if _CONFIRM.search(own) and _is_reply(msg):
        return Intent.CONFIRMS
    if "?" in _SIGN_REQUEST.sub("", own) and not (signs and (has_signer_line or signs_outright(own))):
        return Intent.QUESTION
    if _DEFERS.search(own) and not signs:
        return Intent.QUESTION
    if not signs and _is_reply(msg) and _THANKS_FIRST.match(own):
        return Intent.THANKS  # « Bien reçu, merci » above the usual block: answering a thank-you
    if _ASSENT.match(own):
        return Intent.SIGNS  # « D'accord 👌 Céline X, conseillère départementale 77 »: yes to the call
    if msg.attachments and _SIGNED_ATTACHED.search(own + "\n" + msg.subject):
        return Intent.SIGNS  # « Voir PJ », « ci-joint l'appel signé »: the signature is the attachment
    # a subject « Jean-Pierre Leone signe » says it for the body
    if (signs or has_signer_line or says_it_signs(msg.subject) or _NAME_SIGNS_SUBJECT.search(msg.subject)
            or _SIGN_REQUEST.search(own)):
        return Intent.SIGNS
    return Intent.THANKS if _THANKS.search(own) else Intent.OTHER
