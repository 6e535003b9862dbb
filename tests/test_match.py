"""The matcher's parts: readings, blocking rules, comparison levels, the decision, and the
pipeline's guarantees (chunking, precision on a generated set). Tiny frames where a rule is
tested alone; the sample registry where the whole pipeline is."""

from __future__ import annotations

import polars as pl

from rne_match.devtools.generate import generate, verify_labelled
from rne_match.inputs import SignatureTable, detect_roles
from rne_match.matching import pipeline
from rne_match.matching.blocking import RULES, candidate_pairs
from rne_match.matching.compare import holder_counts, score_mandates, score_names
from rne_match.matching.decide import Status
from rne_match.matching.explain import explanation, reasons
from rne_match.matching.pipeline import match_signatures, verify_table
from rne_match.matching.readings import prepare
from rne_match.matching.weights import MatchOptions, Weights
from rne_match.registry.view import Registry

from .conftest import registry_of


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


def test_each_pair_records_the_first_rule_that_proposed_it():
    sigs, reads = _prepared(nom=["Dupont", "Dxpxnt"], prenom=["Marie", "Marie"],
                            mandat=["", "maire de Montpellier"])
    pairs = candidate_pairs(reads, tiny_registry(), sigs).filter(pl.col("reading") == 0)
    rules = {(r, p): rule for r, p, rule in pairs.select("row", "person_id", "rule").iter_rows()}
    assert rules[(0, "p1")] == "mot_du_nom"  # also found by the skeleton rule, which comes later
    assert rules[(1, "p1")] == "conseil_de_la_commune"


def test_every_blocking_rule_has_a_unique_name():
    assert len({rule.name for rule in RULES}) == len(RULES)


def test_a_name_inside_a_compound_one_weighs_as_the_commoner_name():
    # « Martin » written for « GONI SAN MARTIN » (one of them) is no rarer evidence than
    # « Martin » for one of the MARTINs: the inclusion level uses the commoner frequency.
    reg = tiny_registry()
    persons = reg.persons.with_columns(
        pl.Series("nom_f", ["goni san martin", "martin", "martin"]),
        pl.Series("nom_np", ["goni san martin", "martin", "martin"]),
        pl.Series("nom_freq", [1, 2, 2]))
    reg = Registry(persons, reg.mandates, 3, ["2026"])
    sigs, reads = _prepared(nom=["Martin"], prenom=["Marie"], mandat=[""])
    pairs = pl.DataFrame({"row": [0, 0], "reading": [0, 0], "person_id": ["p1", "p3"], "rule": ["mot_du_nom"] * 2})
    w_nom = dict(score_names(pairs, reads, sigs, reg, Weights()).select("person_id", "w_nom").iter_rows())
    assert w_nom["p1"] < w_nom["p3"]


def test_claim_rarity_counts_every_seat_that_fulfils_it_and_only_mayors_for_maire():
    reg = tiny_registry()
    holders = dict(holder_counts(reg).iter_rows())
    assert holders["cm|t|Montpellier34"] == 2  # the mayor and the councillor of Montpellier
    assert holders["mai|t|Montpellier34"] == 1  # « maire de Montpellier » is one person


def test_explanation_gives_rule_levels_weights_and_threshold():
    w = Weights()
    out = _decided_with_reasons(w, nom=["Durand"], prenom=["Jean"], mandat=["conseiller municipal de Montpellier"])
    text = out.with_columns(explanation(w.identify, w.margin).alias("x"))["x"][0]
    assert text.startswith("règle mot_du_nom ; nom exact +")
    assert "prénom exact +" in text and "lieu meme_commune +6.0" in text and "(seuil 17, marge 5)" in text


def test_name_levels_exact_beats_typo_beats_an_unrelated_surname():
    reg = tiny_registry()
    sigs, reads = _prepared(nom=["Dupont", "Dupond", "Martin"], prenom=["Marie", "Marie", "Marie"],
                            mandat=["", "", ""])
    pairs = pl.DataFrame({"row": [0, 1, 2], "reading": [0, 0, 0], "person_id": ["p1", "p1", "p1"],
                          "rule": ["mot_du_nom"] * 3})
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


COMMON_NAMES = Weights(nom_u_floor=0.5, prenom_u_floor=0.5)


def _decided_with_reasons(w: Weights, **columns) -> pl.DataFrame:
    sigs, reads = _prepared(**columns)
    out = match_signatures(sigs, reads, tiny_registry(), MatchOptions(weights=w)).sort("row")
    return out.with_columns(reasons(w).alias("reason"))


def test_namesake_below_the_bar_in_the_stated_departement_is_ambiguous_not_nobody():
    # Names as common as can be (every name worth one bit): Jean DURAND (34) is still someone of
    # that exact name holding the stated mandate there: not « nobody », a case for the reviewer.
    w = COMMON_NAMES
    out = _decided_with_reasons(w, nom=["Durand"], prenom=["Jean"], mandat=["conseiller municipal (34)"])
    assert out["status"][0] == Status.AMBIGUOUS
    assert "DURAND Jean, conseiller·e municipal·e — Montpellier (34)" in out["reason"][0]
    assert out["rne_person_id"][0] is None  # not identified: nothing published about him


def test_namesake_in_another_departement_stays_not_found_and_the_reason_names_him():
    w = COMMON_NAMES
    out = _decided_with_reasons(w, nom=["Durand"], prenom=["Jean"], mandat=["conseiller municipal (29)"])
    assert out["status"][0] == Status.NOT_FOUND
    assert "meilleur candidat : DURAND Jean, conseiller·e municipal·e — Montpellier (34)" in out["reason"][0]


def test_ambiguous_reason_names_each_homonym_with_mandate_and_place():
    out = _decided_with_reasons(Weights(), nom=["Dupont"], prenom=["Marie"], mandat=["conseillère municipale"])
    assert out["status"][0] == Status.AMBIGUOUS
    assert "DUPONT Marie, maire — Montpellier (34)" in out["reason"][0]
    assert "DUPONT Marie, conseiller·e municipal·e — Nîmes (30)" in out["reason"][0]


def test_verified_without_a_stated_mandate_does_not_claim_the_mandate_agrees():
    out = _decided_with_reasons(Weights(), nom=["Durand"], prenom=["Jean"], mandat=[""])
    assert out["status"][0] == Status.VERIFIED
    assert "aucun mandat déclaré" in out["reason"][0] and "mandat concordent" not in out["reason"][0]


def test_identical_rows_get_identical_decisions_and_reasons(sample_registry):
    # Homonyms tied on weight and persons holding two mandates that fit equally: every copy of a
    # row must name the same people in the same order and report the same mandate.
    p = sample_registry.persons
    tied = p.group_by("nom", "prenom").len().filter(pl.col("len") > 2).sort("nom", "prenom").head(3)
    multi = sample_registry.mandates.filter(pl.col("kind").is_in(["mai", "cm", "epci"])).group_by("person_id").agg(
        pl.col("kind").n_unique().alias("kinds"), pl.col("libelle_commune").drop_nulls().first()).filter(
        pl.col("kinds") > 1).sort("person_id").head(3).join(p, on="person_id")
    rows = [f"{n} {f}" for n, f in tied.select("nom", "prenom").iter_rows()] * 30
    rows += [f"{n} {f}, élu de {c}" for n, f, c in multi.select("nom", "prenom", "libelle_commune").iter_rows()] * 30
    frame = pl.DataFrame({"signataire": rows})
    out = verify_table(SignatureTable(None, frame, detect_roles(frame.columns)), sample_registry).frame
    per_text = out.with_columns(pl.col("reason").str.replace(r" Doublon de la ligne \d+\.$", "")).group_by(
        "signataire").agg(pl.col("reason").n_unique(), pl.col("rne_kind").n_unique(), pl.col("rne_fonction").n_unique())
    assert per_text.height == 6
    assert per_text.select(pl.all().exclude("signataire").max()).row(0) == (1, 1, 1)


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


def test_a_place_in_brackets_after_the_name_is_the_stated_place_not_part_of_the_name():
    sigs, reads = _prepared(nom_complet=["Jean DURAND (Montpellier)", "Jean DURAND (EELV)"],
                            mandat=["conseiller municipal", "conseiller municipal"])
    assert sigs["place_f"].to_list()[0] == "montpellier"
    assert sigs["place_f"].to_list()[1] in ("", None)  # a party in brackets is not a place
    assert set(reads.filter(pl.col("row") == 0)["nom_f"]) <= {"durand", "jean"}


# Place levels on codes through the COG hierarchy (score_mandates on hand-made registries): the
# stated place and the mandate name the same commune only by code, never by text alone.

def _place_level(reg, mandat: str, departement: str = "") -> str:
    sigs, _ = _prepared(nom=["Nom"], prenom=["Claude"], mandat=[mandat], departement=[departement])
    named = pl.DataFrame({"row": [0], "person_id": ["p1"]})
    return score_mandates(named, sigs, reg, MatchOptions()).row(0, named=True)["l_place"]


def test_a_commune_deleguee_agrees_with_a_mandate_of_its_commune_nouvelle():
    reg = registry_of({"kind": "mai", "code_commune": "69114", "libelle_commune": "Porte des Pierres Dorées",
                       "code_departement": "69"})
    assert _place_level(reg, "maire de Jarnioux", "Rhône") == "meme_commune"


def test_a_mandate_under_an_old_code_agrees_with_the_commune_it_became():
    reg = registry_of({"kind": "mai", "code_commune": "01341", "libelle_commune": "Saint-Champ", "code_departement": "01"})
    assert _place_level(reg, "maire de Magnieu") == "meme_commune"


def test_the_current_name_agrees_with_the_older_name_of_the_release():
    reg = registry_of({"kind": "mai", "code_commune": "55119", "libelle_commune": "Cléry-Petit", "code_departement": "55"})
    assert _place_level(reg, "maire de Cléry-le-Petit") == "meme_commune"


def test_a_homonym_in_another_departement_contradicts_despite_the_same_name():
    # « Le François » (972) and « François » (79) fold to the same key; the stated département
    # says which one the signer means, and the other one's mayor does not hold that mandate.
    reg = registry_of({"kind": "mai", "code_commune": "79128", "libelle_commune": "François", "code_departement": "79"})
    assert _place_level(reg, "maire du François", "972") == "autre_commune"
    assert _place_level(reg, "maire du François", "79") == "meme_commune"


def test_a_homonym_wins_only_in_the_stated_departement():
    reg = registry_of({"kind": "mai", "code_commune": "63236", "libelle_commune": "Mont-Dore", "code_departement": "63",
                       "nom": "DUPONT"},
                      {"kind": "mai", "code_commune": "98817", "libelle_commune": "Le Mont-Dore", "code_departement": "988",
                       "nom": "DUPONT"})
    sigs, reads = _prepared(nom=["Dupont"], prenom=["Claude"], mandat=["maire du Mont-Dore (988)"])
    out = match_signatures(sigs, reads, reg, MatchOptions()).row(0, named=True)
    assert (out["status"], out["rne_person_id"]) == (Status.VERIFIED, "p2")


def test_an_arrondissement_municipal_is_part_of_its_city():
    reg = registry_of({"kind": "ca", "code_commune": "13201", "libelle_commune": "Marseille 1er Arrondissement",
                       "code_departement": "13"})
    assert _place_level(reg, "conseillère d'arrondissement de Marseille") == "meme_commune"


def test_a_commune_agrees_with_the_stated_epci_it_belongs_to():
    # Marignier is a member of the CC Faucigny-Glières; Bonneville is another of its members.
    reg = registry_of({"kind": "epci", "code_commune": "74164", "libelle_commune": "Marignier",
                       "code_departement": "74", "libelle_epci": "CC Faucigny - Glières"})
    assert _place_level(reg, "conseiller communautaire, CC Faucigny-Glières") == "dans_epci"
    assert _place_level(reg, "conseiller communautaire de Bonneville") == "dans_epci"


def test_another_commune_of_the_same_epci_does_not_make_a_mayor():
    reg = registry_of({"kind": "mai", "code_commune": "74164", "libelle_commune": "Marignier", "code_departement": "74"})
    assert _place_level(reg, "maire de Bonneville") == "autre_commune"


def test_a_typo_in_the_commune_still_agrees_by_text():
    reg = registry_of({"kind": "mai", "code_commune": "34172", "libelle_commune": "Montpellier", "code_departement": "34"})
    assert _place_level(reg, "maire de Montpelier") == "nom"


def test_a_councillor_saying_maire_weighs_as_a_councillor_not_as_the_mayor():
    # The claim's rarity is that of what the candidate holds there: « maire de Montpellier » said
    # by a plain councillor of Montpellier is worth the council's count, not the one mayor's.
    reg = tiny_registry()
    sigs, _ = _prepared(nom=["Durand"], prenom=["Jean"], mandat=["maire de Montpellier"])
    named = pl.DataFrame({"row": [0], "person_id": ["p2"]})
    out = score_mandates(named, sigs, reg, MatchOptions()).row(0, named=True)
    assert out["holders"] == 2 and not out["consistent"]


def test_part_of_a_compound_surname_with_a_mandate_that_says_nothing_is_not_verified():
    others = [{"kind": "cm", "code_commune": f"29{i:03d}", "libelle_commune": f"Commune {i}", "code_departement": "29",
               "nom": f"NOM{i}", "prenom": "Claude"} for i in range(40)]  # forty councillors elsewhere
    reg = registry_of({"kind": "cm", "code_commune": "37178", "libelle_commune": "Pernay", "code_departement": "37",
                       "nom": "LOPES BRULE", "prenom": "Laetitia"}, *others)
    sigs, reads = _prepared(nom_complet=["Laetitia Lopes", "Laetitia Lopes"],
                            mandat=["conseillère municipale", "conseillère municipale de Pernay"])
    out = match_signatures(sigs, reads, reg, MatchOptions()).sort("row").with_columns(reasons(Weights()).alias("reason"))
    assert out["status"].to_list() == [Status.VERIFIED_OTHER_MANDATE, Status.VERIFIED]
    assert "rien de déclaré" in out["reason"][0] and "ne le confirme" in out["reason"][0]


def test_a_first_name_borne_only_by_men_in_the_registry_is_not_verified_as_a_woman():
    others = [{"kind": "cm", "code_commune": f"29{i:03d}", "libelle_commune": f"Commune {i}", "code_departement": "29",
               "nom": f"NOM{i}", "prenom": "Patrick"} for i in range(25)]
    reg = registry_of({"kind": "mai", "code_commune": "42304", "libelle_commune": "Sury-le-Comtal",
                       "code_departement": "42", "nom": "GRANET", "prenom": "Patricia", "fonction": "Maire"}, *others)
    sexes = ["F"] + ["M"] * 25
    reg = Registry(reg.persons.with_columns(pl.Series("sexe", sexes)), reg.mandates, reg.n_persons, reg.releases)
    sigs, reads = _prepared(nom=["Granet", "Granet"], prenom=["Patrick", "Patricia"],
                            mandat=["maire de Sury-le-Comtal", "maire de Sury-le-Comtal"])
    out = match_signatures(sigs, reads, reg, MatchOptions()).sort("row")
    assert out["status"][0] != Status.VERIFIED and out["status"][1] == Status.VERIFIED


def test_brackets_about_the_person_stay_in_the_name_and_give_no_place():
    sigs, reads = _prepared(nom_complet=["Marie DUPONT (née MARTIN)"], mandat=["maire"])
    assert sigs["place_f"].to_list()[0] in ("", None)
    assert "dupont" in set(reads["nom_f"])


def test_an_unrelated_official_far_below_the_bar_is_not_named_in_a_not_found_reason():
    out = _decided_with_reasons(Weights(), nom=["Dupuis"], prenom=["Jean"], mandat=["conseiller municipal"])
    assert out["status"][0] == Status.NOT_FOUND
    assert "DURAND" not in out["reason"][0] and "aucun candidat plausible" in out["reason"][0]


def test_a_seed_draws_the_same_signatures_from_two_bases_of_the_same_files(tmp_path):
    # Person ids are keyed by a secret drawn per base: the bench must not depend on them.
    from rne_match.devtools.sample import write_sample_release
    from rne_match.registry.load import load_folder
    from rne_match.registry.view import load_registry

    folder = write_sample_release(tmp_path / "raw")
    drawn = []
    for name in ("a.duckdb", "b.duckdb"):
        load_folder(folder, tmp_path / name)
        drawn.append(list(generate(load_registry(tmp_path / name), 200, seed=7).drop("attendu_person_id").iter_rows()))
    assert drawn[0] == drawn[1]


def _with_others(person: dict):
    """`person` among other mayors and councillors, so that a mayor's seat in a commune says something."""
    others = [{"kind": k, "code_commune": c, "libelle_commune": n, "code_departement": c[:2]}
              for k, c, n in [("mai", "34172", "Montpellier"), ("cm", "34172", "Montpellier"), ("mai", "30189", "Nîmes"),
                              ("cm", "30189", "Nîmes"), ("cm", "32013", "Auch"), ("mai", "32013", "Auch")]]
    return registry_of(person, *others)


def _statuses(reg, prenoms, mandat):
    frame = pl.DataFrame({"nom": ["MIROUZE"] * len(prenoms), "prenom": prenoms, "mandat": [mandat] * len(prenoms)})
    out = verify_table(SignatureTable(None, frame, detect_roles(frame.columns)), reg).frame
    return dict(zip(prenoms, out["status"], strict=True))


def test_a_shortened_or_half_initialled_first_name_verifies_when_surname_and_mandate_agree():
    reg = _with_others({"kind": "mai", "fonction": "Maire", "code_commune": "32433", "libelle_commune": "Simorre",
                        "code_departement": "32", "nom": "MIROUZE", "prenom": "Pierre Yves"})
    assert _statuses(reg, ["P-Yves", "Pierre-Y"], "maire de Simorre (32)") == {
        "P-Yves": Status.VERIFIED, "Pierre-Y": Status.VERIFIED}
    reg = _with_others({"kind": "mai", "fonction": "Maire", "code_commune": "32433", "libelle_commune": "Simorre",
                        "code_departement": "32", "nom": "MIROUZE", "prenom": "Frederic"})
    assert _statuses(reg, ["Fred"], "maire de Simorre (32)") == {"Fred": Status.VERIFIED}


def test_the_start_of_a_name_that_is_a_first_name_of_its_own_is_no_diminutive():
    lucs = [{"kind": "cm", "code_commune": "34172", "libelle_commune": "Montpellier", "code_departement": "34",
             "nom": f"AUTRE{k}", "prenom": "Luc"} for k in "ABCDEF"]
    reg = registry_of({"kind": "mai", "fonction": "Maire", "code_commune": "32433", "libelle_commune": "Simorre",
                       "code_departement": "32", "nom": "MIROUZE", "prenom": "Lucien"}, *lucs,
                      {"kind": "mai", "code_commune": "30189", "libelle_commune": "Nîmes", "code_departement": "30"})
    assert _statuses(reg, ["Luc"], "maire de Simorre (32)")["Luc"] != Status.VERIFIED
