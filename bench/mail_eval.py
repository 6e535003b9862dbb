"""Score `rne-match extract` / `rne-match verify` on a held-out petition mailbox (tests/mail_holdout, or --corpus).

    .venv/bin/rne-match extract tests/mail_holdout/messages -o /tmp/mh.extract.csv
    .venv/bin/rne-match verify tests/mail_holdout/messages --db /tmp/mail-2026.duckdb -o /tmp/mh.verify.csv
    .venv/bin/python bench/mail_eval.py --extract /tmp/mh.extract.csv --verify /tmp/mh.verify.csv

Standard library only. Signers are compared per thread (labels.csv `thread`): an output row counts for
every thread of the messages listed in its `source`, so a signature merged across a thread is found
whichever message carries it. Names are compared folded (accents, case, hyphens, apostrophes and word
order ignored); a first name written as initials (« J.-P. ») or shortened (« Véro », « Anne-So ») matches the first
name it abbreviates.
Prints one markdown table per output, per shape and overall; asserts nothing (exit code 0).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "mail_holdout"
EML = re.compile(r"[\w.-]+\.eml")
MARRIAGE = {"nee", "epouse", "ep", "veuve", "vve"}
# départements that hold others, as the RNE codes them (the scorer stays standard-library only)
CONTAINS = {"69": ("69M", "69D"), "20": ("2A", "2B"), "67": ("6AE",), "68": ("6AE",)}
# usual short forms of first names that are no prefix of them (the scorer stays standard-library only)
SHORT_FORMS = {"cathy": ("catherine",), "kathy": ("catherine",), "babeth": ("elisabeth",), "zabeth": ("elisabeth",),
               "sandy": ("sandrine",), "patou": ("patricia",), "gigi": ("ghislaine",), "fanfan": ("francoise",),
               "titi": ("thierry",), "bebert": ("albert",), "jacky": ("jacques", "jacqueline"), "mimi": ("michele", "michelle"),
               "manu": ("emmanuel", "emmanuelle"), "jeff": ("jean",)}
STANDALONE_NONSIGNING = {"question", "thanks", "autoreply", "newsletter", "withdraw", "spam", "org_call"}


def fold_tokens(s: str) -> list[str]:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return [t for t in re.split(r"[^a-z0-9]+", s) if t]


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def row_tokens(r: dict) -> list[str]:
    if (r.get("nom_complet") or "").strip():
        return fold_tokens(r["nom_complet"])
    return fold_tokens(f"{r.get('prenom') or ''} {r.get('nom') or ''}")


def name_matches(tokens: list[str], nom: str, prenom: str) -> bool:
    """All surname words present, and the other words are the first name (whole words or initials).
    An RNE surname that holds a marriage (« BOURGANEL ÉPOUSE RUSSIAS ») is written by its bearer
    with either name or both, in any order (« Catherine RUSSIAS née BOURGANEL »); so is one holding a
    name in brackets (« DUFAYE (VELLA) »)."""
    bracket = re.fullmatch(r"\s*([^()]+?)\s*\(([^()]+)\)\s*", nom)
    if bracket:
        nom = f"{bracket.group(1)} épouse {bracket.group(2)}"
    nom_tokens = fold_tokens(nom)
    cut = next((i for i, t in enumerate(nom_tokens) if t in MARRIAGE), None)
    if cut is not None:
        birth, usage = nom_tokens[:cut], nom_tokens[cut + 1:]
        rest = [t for t in tokens if t not in MARRIAGE]
        for part, other in ((birth, usage), (usage, birth)):
            if part and all(t in rest for t in part):
                left = [t for t in rest if t not in part and t not in other]
                if name_matches(left + part, " ".join(part), prenom):
                    return True
        return False
    rest = list(tokens)
    # « Delphine GREMY née LEFEBVRE » names GREMY Delphine: a maiden/married name the RNE row does not
    # carry is what the matcher reads as an alternative surname, not a wrong name.
    marriage = next((i for i, t in enumerate(rest) if t in MARRIAGE and t not in fold_tokens(nom)), None)
    if marriage is not None:
        rest = rest[:marriage]
    for t in fold_tokens(nom):
        if t not in rest:
            return False
        rest.remove(t)
    first = fold_tokens(prenom)
    if not rest or len(rest) > len(first):
        return False
    if rest == first:
        return True
    # an initial, or a shortened first name people write (« Véro », « Anne-So », « Marie-Jo »): a prefix of each part;
    # or a usual short form that is no prefix (« Cathy » for Catherine)
    return (len(rest) == len(first) and all(a == b or b.startswith(a) for a, b in zip(rest, first, strict=True))) or (
        first[0] in SHORT_FORMS.get(" ".join(rest), ()))


def same(a: str, b: str) -> bool:
    return fold_tokens(a) == fold_tokens(b)


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f} % ({n}/{d})" if d else "–"


class Corpus:
    def __init__(self, folder: Path):
        self.labels = read(folder / "labels.csv")
        self.files = sorted(p.name for p in (folder / "messages").glob("*.eml"))
        self.thread_of = {r["message_file"]: r["thread"] for r in self.labels}
        self.shape_of_msg = {r["message_file"]: r["shape"] for r in self.labels}
        self.signers = [r for r in self.labels if r["expected"] in ("verified", "not_verified")]
        self.by_thread: dict[str, list[dict]] = defaultdict(list)
        for r in self.signers:
            self.by_thread[r["thread"]].append(r)
        self.thread_shape = {}
        for r in self.labels:
            self.thread_shape.setdefault(r["thread"], r["shape"])
        missing = [f for f in self.files if f not in self.thread_of]
        if missing:
            sys.exit(f"messages without a label: {missing[:5]}")

    def threads(self, row: dict) -> set[str]:
        return {self.thread_of[f] for f in EML.findall(row.get("source") or "") if f in self.thread_of}

    def sources(self, row: dict) -> list[str]:
        return [f for f in EML.findall(row.get("source") or "") if f in self.thread_of]

    def match(self, row: dict) -> dict | None:
        """The expected signer (of one of the row's threads) this output row names, if any; else the
        official it was verified as (« Jean Dubos » written, « DUBOS Jean Paul » in the RNE and the labels:
        the written name is not the label's, the person is)."""
        toks = row_tokens(row)
        if not toks:
            return None
        for t in sorted(self.threads(row)):
            for s in self.by_thread.get(t, []):
                if name_matches(toks, s["nom"], s["prenom"]):
                    return s
        rne_nom = set(fold_tokens(row.get("rne_nom", "")))
        for t in sorted(self.threads(row)):
            for s in self.by_thread.get(t, []):
                if (s["case"] == "official" and rne_nom and rne_nom <= set(fold_tokens(s["nom"]))
                        and same(row.get("rne_prenom", ""), s["prenom"])):
                    return s
        return None


def withdrawn_signers(c: Corpus) -> set[int]:
    """Signers (ids) a later message withdraws: the signer of the message it refers to; of a message
    listing several, the first labelled, its sender (« merci de retirer mon nom »: the labels give no
    name on a withdrawal)."""
    out = set()
    for w in (r for r in c.labels if r["intent"] == "withdraws" and r["refers_to"]):
        earlier = [s for s in c.signers if s["message_file"] == w["refers_to"]]
        if earlier:
            out.add(id(earlier[0]))
    return out


def right_person(row: dict, s: dict) -> bool:
    if row.get("status") != "verified" or s["case"] != "official":
        return False
    # the RNE may carry only part of a compound surname (« MORTELETTE » for « MORTELETTE VAHE »)
    rne_nom = fold_tokens(row.get("rne_nom", ""))
    if not (rne_nom and set(rne_nom) <= set(fold_tokens(s["nom"])) and same(row.get("rne_prenom", ""), s["prenom"])):
        return False
    if s["truth_code_commune"]:
        return row.get("rne_code_commune", "") == s["truth_code_commune"]
    if s["truth_code_departement"]:
        # the RNE codes the Métropole de Lyon 69M and the rest of the Rhône 69D, Corsica 2A/2B, Alsace 6AE
        return row.get("rne_code_departement", "") in {s["truth_code_departement"],
                                                       *CONTAINS.get(s["truth_code_departement"], ())}
    return True


def score(c: Corpus, rows: list[dict], with_verify: bool) -> tuple[dict, dict]:
    """Per shape (and 'TOTAL') counters."""
    k = defaultdict(lambda: defaultdict(int))

    def add(shape, key, n=1):
        k[shape][key] += n
        k["TOTAL"][key] += n

    covered = set()
    for r in rows:
        covered.update(c.sources(r))
    for f in c.files:
        add(c.shape_of_msg[f], "messages")
        add(c.shape_of_msg[f], "covered", f in covered)
    named = [r for r in rows if row_tokens(r)]
    found: dict[int, list[dict]] = defaultdict(list)
    for r in named:
        s = c.match(r)
        shape = c.thread_shape[sorted(c.threads(r))[0]] if c.threads(r) else "?"
        add(shape, "named_rows")
        if s is not None:
            add(shape, "named_correct")
            found[id(s)].append(r)
    for s in c.signers:
        add(s["shape"], "signers")
        add(s["shape"], "signers_found", id(s) in found)
        add(s["shape"], "dup_rows", max(0, len(found.get(id(s), [])) - 1))
    extra = {}
    if with_verify:
        # A signature its signer later withdrew must not be verified: it is scored on the
        # « withdrawals » line, not counted as an official the run missed.
        withdrawn = withdrawn_signers(c)
        for s in c.signers:
            if s["case"] == "official" and id(s) in withdrawn:
                continue
            if s["case"] == "official":
                add(s["shape"], "officials")
                add(s["shape"], "officials_right", any(right_person(r, s) for r in found.get(id(s), [])))
            else:
                add(s["shape"], "impostors")
                add(s["shape"], "impostors_verified", any(r.get("status") == "verified" for r in found.get(id(s), [])))
        nonsign_msgs = [f for f in c.files if c.shape_of_msg[f] in STANDALONE_NONSIGNING]
        verified_nonsign = set()
        for r in rows:
            if r.get("status") != "verified":
                continue
            threads = c.threads(r)
            shape = c.thread_shape[sorted(threads)[0]] if threads else "?"
            add(shape, "verified_rows")
            s = c.match(r)
            if s is not None and right_person(r, s):
                add(shape, "verified_right")
            for f in c.sources(r):
                if c.shape_of_msg[f] in STANDALONE_NONSIGNING:
                    verified_nonsign.add(f)
        for f in nonsign_msgs:
            add(c.shape_of_msg[f], "nonsigning_msgs")
            add(c.shape_of_msg[f], "nonsigning_verified", f in verified_nonsign)
        # withdrawals: is the withdrawn signature still verified, is the withdrawal message flagged?
        still = []
        for w in (r for r in c.labels if r["intent"] == "withdraws" and r["refers_to"]):
            earlier = [s for s in c.signers if s["message_file"] == w["refers_to"] and id(s) in withdrawn]
            ver = any(r.get("status") == "verified" for s in earlier for r in found.get(id(s), []))
            still.append((w["message_file"], w["refers_to"], ver))
        extra["withdrawals"] = still
    return k, extra


ORDER = ["oneliner", "from_name", "addr_local", "institution_from", "party_name", "abbrev", "sigblock", "html_only",
         "multipart", "multi", "forwarded",
         # tests/mail_holdout2
         "smartphone", "formal", "secretary", "title_block", "caps_initials", "party", "attachment", "subject_only",
         "thread_confirm", "thread_mandate", "thread_3step", "question", "thanks",
         "autoreply", "newsletter", "withdraw", "spam", "org_call"]


def table(k: dict, with_verify: bool) -> str:
    head = ["shape", "messages covered", "signers extracted", "precision of names", "duplicate rows"]
    if with_verify:
        head += ["officials verified, right person (withdrawn excluded)", "precision of verified", "impostors verified",
                 "non-signing msgs verified"]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    shapes = [s for s in ORDER if s in k] + sorted(s for s in k if s not in ORDER and s != "TOTAL") + ["TOTAL"]
    for s in shapes:
        v = k[s]
        cells = [f"**{s}**" if s == "TOTAL" else s, pct(v["covered"], v["messages"]), pct(v["signers_found"], v["signers"]),
                 pct(v["named_correct"], v["named_rows"]), str(v["dup_rows"]) if v["signers"] else "–"]
        if with_verify:
            cells += [pct(v["officials_right"], v["officials"]), pct(v["verified_right"], v["verified_rows"]),
                      pct(v["impostors_verified"], v["impostors"]), pct(v["nonsigning_verified"], v["nonsigning_msgs"])]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder holding messages/ and labels.csv")
    ap.add_argument("--extract", type=Path, help="CSV written by `rne-match extract … -o X.csv`")
    ap.add_argument("--verify", type=Path, help="CSV written by `rne-match verify … -o Y.csv`")
    ap.add_argument("--misses", action="store_true",
                    help="list every official not verified as the right person and every impostor not extracted or "
                         "verified, with what verify said (development sets only)")
    a = ap.parse_args(argv)
    if not a.extract and not a.verify:
        ap.error("give --extract and/or --verify")
    c = Corpus(a.corpus)
    print(f"corpus: {len(c.files)} messages, {len(c.signers)} expected signers "
          f"({sum(s['case'] == 'official' for s in c.signers)} officials, {sum(s['case'] == 'impostor' for s in c.signers)} impostors)\n")
    if a.extract:
        k, _ = score(c, read(a.extract), False)
        print(f"## extract ({a.extract})\n\n{table(k, False)}\n")
    if a.verify:
        rows = read(a.verify)
        k, extra = score(c, rows, True)
        statuses = defaultdict(int)
        for r in rows:
            statuses[r.get("status", "")] += 1
        print(f"## verify ({a.verify})\n\n{table(k, True)}\n")
        print("statuses: " + ", ".join(f"{s or '(none)'} {n}" for s, n in sorted(statuses.items())))
        w = extra["withdrawals"]
        print(f"withdrawals: {sum(v for _, _, v in w)} of {len(w)} withdrawn signatures still `verified` "
              + "(" + ", ".join(f"{f}→{e}{' still verified' if v else ''}" for f, e, v in w) + ")")
        if a.misses:
            print("\n" + misses(c, rows))
    return 0


def misses(c: Corpus, rows: list[dict]) -> str:
    """One block per official the run did not verify as the right person: expected vs each row naming them."""
    found: dict[int, list[dict]] = defaultdict(list)
    for r in rows:
        s = c.match(r)
        if s is not None:
            found[id(s)].append(r)
    out = ["## misses"]
    withdrawn = withdrawn_signers(c)
    for s in c.signers:
        if id(s) in withdrawn or any(right_person(r, s) for r in found.get(id(s), [])):
            continue
        if s["case"] != "official" and (found.get(id(s)) or [{}])[0].get("status") != "verified" and found.get(id(s)):
            continue  # an impostor named and not verified: as it should be
        out.append(f"- [{s['shape']}] {s['message_file']}: {s['case']} {s['nom']} {s['prenom']} {s['truth_kind']} "
                   f"{s['truth_code_commune'] or s['truth_code_departement']}")
        for r in found.get(id(s), []) or [{"status": "(no row names them)"}]:
            out.append(f"    {r.get('status')}: {r.get('nom_complet') or ''} | {r.get('mandat') or ''} | "
                       f"{r.get('commune') or ''} | {r.get('departement') or ''} → {r.get('rne_nom') or ''} "
                       f"{r.get('rne_prenom') or ''} {r.get('rne_kind') or ''} {r.get('rne_code_commune') or ''} "
                       f"| {r.get('reason') or ''}")
    return "\n".join(out)


if __name__ == "__main__":
    raise SystemExit(main())
