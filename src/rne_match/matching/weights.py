"""Every number a decision depends on (in bits), and the options of one matching run.

Modelled on Splink: each compared field contributes log2 of how much more likely its agreement is
for a true match than for a random pair; the thresholds below turn the sum into a decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.mandates import ELIGIBLE_DEFAULT


@dataclass(frozen=True)
class Weights:
    """Every number the decision depends on, in one place, in bits."""

    m: float = 0.95
    nom_u_floor: float = 1e-4  # a surname seen once among 500k élus may still be common
    prenom_u_floor: float = 5e-4
    nom_subset: float = -3.0  # relative to exact: « BLATRIX » for « BLATRIX CONTAT »
    nom_typo: float = 5.0
    nom_typo_jw: float = 0.94  # Jaro-Winkler from which a surname is a typo of the other
    nom_close: float = 1.5
    nom_close_jw: float = 0.88
    nom_other: float = -12.0
    prenom_first_token: float = 5.0
    prenom_initials: float = 2.5
    prenom_short: float = 3.0  # « Fred » for Frédéric, « P-Yves » for Pierre-Yves (the sex must not disagree)
    prenom_typo: float = 4.0
    prenom_typo_jw: float = 0.92
    prenom_close: float = 0.5
    prenom_close_jw: float = 0.85
    prenom_other: float = -8.0
    sexe_agree: float = 0.5
    sexe_disagree: float = -5.0
    place_code: float = 6.0  # the same commune by code, through the COG hierarchy
    place_epci: float = 3.0  # the mandate's commune lies in the stated EPCI
    place_strong: float = 6.0  # the same name (fuzzy text: typos, cantons, sections)
    place_weak: float = 3.0
    place_other: float = -4.0
    dep_agree: float = 2.0
    dep_disagree: float = -3.0
    region_agree: float = 4.0
    kind_agree: float = 1.0
    kind_other: float = -1.0
    corroboration: float = 3.0  # what the stated mandate must add when the surname is not written exactly
    claim_max: float = 16.0  # a claim held by one person in the registry (maire de X)
    identify: float = 17.0  # total weight needed to name a person
    margin: float = 5.0  # over the runner-up, else ambiguous
    nobody: float = 13.0  # the weight of "none of them" in the confidence softmax
    plausible: float = 8.0  # candidates counted in n_candidates


REFERENCE_PERSONS = 200_000  # persons in a national registry (the 2026 RNE has ~520,000)


@dataclass
class MatchOptions:
    eligible: frozenset[str] = ELIGIBLE_DEFAULT
    weights: Weights = field(default_factory=Weights)
