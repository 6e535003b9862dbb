"""The matcher's parts: readings, blocking rules, comparison levels, the decision, and the
pipeline's guarantees (chunking, precision on a generated set). Tiny frames where a rule is
tested alone; the sample registry where the whole pipeline is."""

from __future__ import annotations

import polars as pl

from rne_match.devtools.generate import generate, verify_labelled
from rne_match.inputs import SignatureTable, detect_roles
from rne_match.matching import pipeline
from rne_match.matching.blocking import candidate_pairs
from rne_match.matching.compare import score_names
from rne_match.matching.decide import Status
from rne_match.matching.pipeline import match_signatures, verify_table
from rne_match.matching.readings import prepare
from rne_match.matching.weights import MatchOptions, Weights
from rne_match.registry.view import Registry


def tiny_registry() -> Registry:
    """Three persons with their match keys, as `registry.view` computes them."""
    persons = pl.DataFrame({
        "person_id": ["p1", "p2", "p3"], "nom": ["DUPONT", "DURAND", "DUPONT"],
        "prenom": ["Marie", "Jean", "Marie"], "sexe": ["F", "M", "F"],
        "nom_f": ["dupont", "durand", "dupont"], "prenom_f": ["marie", "jean", "marie"],
        "nom_np": ["dupont", "durand", "dupont"], "nom_skel": ["dpnt", "drnd", "dpnt"],
        "prenom_first": ["marie", "jean", "marie"], "prenom_initial": ["m", "j", "m"],
        "nom_freq": [2, 1, 2], "prenom_freq": [2, 1, 2],
    })
    mandates = pl.DataFrame({
        "person_id": ["p1", "p2", "p3"], "kind": ["mai", "cm", "cm"], "fonction": ["Maire", None, None],
        "code_departement": ["34", "34", "30"], "libelle_departement": ["Hérault", "Hérault", "Gard"],
        "code_commune": ["34172", "34172", "30189"], "libelle_commune": ["Montpellier", "Montpellier", "Nîmes"],
        "code_region": ["76", "76", "76"], "territoire": ["Montpellier", "Montpellier", "Nîmes"],
        "place_f": ["montpellier herault", "montpellier herault", "nimes gard"],
        "commune_f": ["montpellier", "montpellier", "nimes"], "territoire_f": ["montpellier", "montpellier", "nimes"],
        "fonction_f": ["maire", None, None], "release": ["2026", "2026", "2026"],
    })
    return Registry(persons, mandates, 3, ["2026"])


def _prepared(**columns):
    frame = pl.DataFrame(columns)
    return prepare(frame, detect_roles(frame.columns))


def test_blocking_keeps_surname_word_and_initial_pairs_only():
    sigs, reads = _prepared(nom=["Dupont"], prenom=["Marie"], mandat=["maire"])
    pairs = candidate_pairs(reads, tiny_registry(), sigs)
    assert set(pairs.filter(pl.col("reading") == 0)["person_id"]) == {"p1", "p3"}  # never DURAND


def test_blocking_by_commune_catches_a_mangled_short_surname():
    # « Dxpxnt » shares no word nor skeleton with DUPONT; the commune rule (same initial, same
    # commune) still proposes the Montpellier Marie, and only her.
    sigs, reads = _prepared(nom=["Dxpxnt"], prenom=["Marie"], mandat=["maire de Montpellier"])
    pairs = candidate_pairs(reads, tiny_registry(), sigs)
    assert set(pairs["person_id"]) == {"p1"}


def test_name_levels_exact_beats_typo_beats_an_unrelated_surname():
    reg = tiny_registry()
    sigs, reads = _prepared(nom=["Dupont", "Dupond", "Martin"], prenom=["Marie", "Marie", "Marie"],
                            mandat=["", "", ""])
    pairs = pl.DataFrame({"row": [0, 1, 2], "reading": [0, 0, 0], "person_id": ["p1", "p1", "p1"]})
    w = Weights()
    w_nom = dict(score_names(pairs, reads, sigs, reg, w).select("row", "w_nom").iter_rows())
    assert w_nom[0] > w_nom[1] == w.nom_typo  # exact is worth more than one typo
    # MARTIN for DUPONT: the « other » level, or dropped before any first-name work when even the
    # best mandate could not save it.
    assert w_nom.get(2, w.nom_other) == w.nom_other


def test_decision_needs_a_margin_over_a_homonym():
    reg = tiny_registry()
    sigs, reads = _prepared(nom=["Dupont", "Dupont"], prenom=["Marie", "Marie"],
                            mandat=["conseillère municipale", "maire de Montpellier (34)"])
    out = match_signatures(sigs, reads, reg, MatchOptions()).sort("row")
    # Two Marie DUPONT and no place: ambiguous; the place and mandate settle it.
    assert out["status"].to_list() == [Status.AMBIGUOUS, Status.VERIFIED]
    assert out["rne_person_id"][1] == "p1"


def test_generated_set_precision_on_sample(sample_registry):
    both, _ = verify_labelled(sample_registry, generate(sample_registry, 300, seed=7))
    verified = both.filter(pl.col("status") == "verified")
    wrong = verified.filter(pl.col("rne_person_id") != pl.col("attendu_person_id"))
    assert verified.height > 100
    assert wrong.height == 0, wrong


def test_decisions_do_not_depend_on_the_chunk_size(sample_registry, monkeypatch):
    labelled = generate(sample_registry, 200, seed=3)
    inp = labelled.select("civilite", "nom", "prenom", "nom_complet", "mandat")
    table = SignatureTable(None, inp, detect_roles(inp.columns))
    whole = verify_table(table, sample_registry).frame
    monkeypatch.setattr(pipeline, "CHUNK", 7)
    chunked = verify_table(table, sample_registry).frame
    assert chunked.select("status", "rne_person_id", "duplicate_of").equals(
        whole.select("status", "rne_person_id", "duplicate_of"))


def test_only_a_feminine_mandate_noun_tells_the_signers_sex():
    frame = pl.DataFrame({"nom": ["A", "B", "C"], "prenom": ["X", "Y", "Z"], "civilite": ["", "", "M."],
                          "mandat": ["conseiller municipal", "conseillère municipale", "conseillère municipale"]})
    sigs, _ = prepare(frame, detect_roles(frame.columns))
    # the generic masculine says nothing; the feminine says F; a civility wins over the noun
    assert sigs["sexe"].to_list() == [None, "F", "M"]


def test_departement_column_as_a_spreadsheet_number_is_understood():
    frame = pl.DataFrame({"nom": ["A", "B"], "prenom": ["X", "Y"], "mandat": ["maire", "maire"],
                          "département": ["1", "Hérault"]})
    sigs, _ = prepare(frame, detect_roles(frame.columns))
    assert sigs["dep"].to_list() == ["01", "34"]
