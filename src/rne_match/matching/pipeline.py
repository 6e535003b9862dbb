"""Match signatures to registry persons: blocking rules, comparison levels, decision.

Modelled on Splink: candidate pairs come from the union of a few blocking rules; each pair gets
per-field weights (in bits, log2 of how much more likely the agreement is for a true match than
for a random pair), summed into a match weight; person-level aggregation keeps each person's
best-fitting mandate; the decision needs both a high weight and a margin over the runner-up.
A false `verified` is the costly error, so every threshold errs towards review.

`verify_table` is the whole verification of a signature table: prepare readings, match in
chunks, explain, flag duplicates, resolve stated places. Every input row comes out exactly once,
in input order, with all its columns, followed by the decision columns.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import polars as pl

from ..domain.parties import party_expr
from ..errors import InvariantError
from ..inputs import SignatureTable
from ..progress import Steps, silent
from ..registry.view import Registry
from .blocking import blocking_tables, candidate_pairs
from .compare import (
    first_name_counts,
    first_name_sexes,
    holder_counts,
    prune,
    score_mandates,
    score_names,
    surname_frequencies,
)
from .decide import Status, decide
from .explain import explanation, former_reason, reasons
from .places import referential, resolve_places
from .readings import prepare
from .weights import MatchOptions

RESULT_COLUMNS = [
    "status", "confidence", "reason", "n_candidates", "duplicate_of", "rne_person_id", "rne_nom",
    "rne_prenom", "rne_sexe", "rne_kind", "rne_fonction", "rne_code_departement",
    "rne_departement", "rne_code_commune", "rne_commune", "rne_territoire",
]
CHUNK = 10_000  # signatures matched at once
STATUSES = list(Status)  # in the order summaries show them


@dataclass
class VerifyResult:
    frame: pl.DataFrame  # input columns + RESULT_COLUMNS
    seconds: float

    def counts(self) -> dict[Status, int]:
        c = dict(self.frame["status"].value_counts().iter_rows())
        return {s: c.get(s, 0) for s in STATUSES}


# The review queue puts first what a person can settle fastest.
REVIEW_ORDER = [Status.VERIFIED_OTHER_MANDATE, Status.AMBIGUOUS, Status.NOT_ELIGIBLE, Status.NOT_FOUND,
                Status.INVALID]


def split_results(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The list to publish (`verified`) and the review queue (everything else, the easiest to
    settle first, input order within a status)."""
    verified = frame.filter(pl.col("status") == Status.VERIFIED)
    review = frame.with_row_index("_i").filter(pl.col("status") != Status.VERIFIED).sort(
        pl.col("status").replace_strict({s: i for i, s in enumerate(REVIEW_ORDER)}, default=len(REVIEW_ORDER)),
        "_i").drop("_i")
    return verified, review


def prepare_registry(registry: Registry, progress: Steps = silent) -> None:
    """Build every table the matcher derives from the registry (blocking indexes, holder counts,
    places) and persist them beside the base: `load` pays for them once, not each `verify`."""
    regs = [reg for reg in (registry, registry.former) if reg is not None]
    builders = (blocking_tables, holder_counts, surname_frequencies, first_name_sexes, first_name_counts,
                referential)
    with progress("Index de l'apparieur", len(builders) * len(regs), "étape") as advance:
        for reg in regs:
            for build in builders:
                build(reg)
                advance(1)


def match_signatures(sigs: pl.DataFrame, reads: pl.DataFrame, reg: Registry, opts: MatchOptions) -> pl.DataFrame:
    """The whole pipeline for a batch of signatures: blocking, name scores, prune, mandates, decision."""
    pairs = candidate_pairs(reads, reg, sigs)
    named = prune(score_names(pairs, reads, sigs, reg, opts.weights), opts.weights)
    return decide(sigs, named, score_mandates(named, sigs, reg, opts), reg, opts)


def _explain_former(decided: pl.DataFrame, sigs: pl.DataFrame, reads: pl.DataFrame, registry: Registry,
                    opts: MatchOptions) -> pl.DataFrame:
    """A signer nobody current matches may be someone who left office: when an older release is
    loaded in the base, say so in the reason (the status stays `not_found`: no current mandate)."""
    former = registry.former
    if former is None:
        return decided
    rows = decided.filter(pl.col("status") == Status.NOT_FOUND).select("row")
    if rows.is_empty():
        return decided
    f_sigs, f_reads = sigs.join(rows, on="row"), reads.join(rows, on="row")
    every_kind = MatchOptions(eligible=frozenset(former.mandates["kind"].unique().to_list()), weights=opts.weights)
    found = match_signatures(f_sigs, f_reads, former, every_kind).filter(pl.col("status").is_in([Status.VERIFIED, Status.VERIFIED_OTHER_MANDATE]))
    if found.is_empty():
        return decided
    last = former.mandates.group_by("person_id").agg(pl.col("release").max())
    found = found.join(last, left_on="rne_person_id", right_on="person_id", how="left").select(
        "row", former_reason().alias("former_reason"))
    return decided.join(found, on="row", how="left").with_columns(
        pl.coalesce("former_reason", "reason").alias("reason")).drop("former_reason")


def verify_table(table: SignatureTable, registry: Registry, options: MatchOptions | None = None,
                 explain: bool = False, progress: Steps = silent) -> VerifyResult:
    """With `explain`, an `explication` column gives the blocking rule, each comparison level and
    its weight for the best candidate (what Splink calls the waterfall). `progress` is advanced
    chunk by chunk."""
    start = time.perf_counter()
    opts = options or MatchOptions()
    sigs, reads = prepare(table.frame, table.roles)
    # Signatures go through matching in chunks: each signature's candidates stay within its chunk,
    # so decisions are the same, while the pair tables (≈65 pairs per signature) stay small enough
    # for memory and CPU caches whatever the size of the list.
    chunks = []
    with progress("Vérification", sigs.height, "signature") as advance:
        for lo in range(0, max(sigs.height, 1), CHUNK):
            in_chunk = pl.col("row").is_between(lo, lo + CHUNK - 1)
            chunks.append(match_signatures(sigs.filter(in_chunk), reads.filter(in_chunk), registry, opts))
            advance(min(CHUNK, sigs.height - lo))
    decided = pl.concat(chunks, how="vertical_relaxed")
    decided = decided.with_columns(reasons(opts.weights).alias("reason"))
    if explain:
        decided = decided.with_columns(explanation(opts.weights.identify, opts.weights.margin).alias("explication"))
    decided = _explain_former(decided, sigs, reads, registry, opts)
    # The same person signing twice: later rows point at the first (1-based data row numbers).
    first_row = decided.filter(pl.col("rne_person_id").is_not_null()).group_by("rne_person_id").agg(
        pl.col("row").min().alias("first_row"))
    decided = decided.join(first_row, on="rne_person_id", how="left").with_columns(
        pl.when(pl.col("first_row").is_not_null() & (pl.col("first_row") != pl.col("row")))
        .then(pl.col("first_row") + 1).otherwise(None).cast(pl.Int64).alias("duplicate_of")
    ).with_columns(
        pl.when(pl.col("duplicate_of").is_not_null())
        .then(pl.col("reason") + pl.lit(" Doublon de la ligne ") + pl.col("duplicate_of").cast(pl.String) + pl.lit("."))
        .otherwise(pl.col("reason")).alias("reason")
    ).sort("row")
    result = decided.select(RESULT_COLUMNS + (["explication"] if explain else []))
    if result.height != table.frame.height:
        raise InvariantError(f"verify: {table.frame.height} rows in, {result.height} out (a row was lost or duplicated)")
    parti = sigs.sort("row").select(party_expr(sigs, "parti").alias("parti_normalise"))
    places = resolve_places(sigs, registry).drop("row")
    added = [result, parti, places]
    input_cols = rename_clashes(table.frame, [c for f in added for c in f.columns])
    frame = pl.concat([input_cols, *added], how="horizontal")
    return VerifyResult(frame, time.perf_counter() - start)


def rename_clashes(frame: pl.DataFrame, added: list[str]) -> pl.DataFrame:
    """Input columns named like a column verify adds (re-verifying a results file brings back
    `status`, `lieu`, `parti_normalise`…) become `<name>_entree` (`_entree_2`… if taken), so
    that both are kept. `added` is read off the frames verify adds, never typed twice."""
    taken = set(frame.columns) | set(added)
    renames: dict[str, str] = {}
    for c in frame.columns:
        if c in added:
            new, n = f"{c}_entree", 1
            while new in taken:
                n += 1
                new = f"{c}_entree_{n}"
            taken.add(new)
            renames[c] = new
    return frame.rename(renames)

