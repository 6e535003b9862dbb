"""The held-out petition mailbox (tests/mail_holdout, 219 messages built from the real 2026 RNE),
extracted and verified end to end and scored by its own scorer (bench/mail_eval.py). The
thresholds are the levels reached when issue 11 was worked on (the issue's goals where reached)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from rne_match import api

from .conftest import SHARED

pytestmark = pytest.mark.real_data
ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT / "tests" / "mail_holdout"


def _scorer():
    spec = importlib.util.spec_from_file_location("mail_eval", ROOT / "bench" / "mail_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("holdout")
    db = tmp / "rne-2026.duckdb"
    api.load(SHARED / "rne" / "release-2026", db)
    extracted = api.extract_mailbox(HOLDOUT / "messages", tmp / "extract.csv").output
    verified = api.verify_file(HOLDOUT / "messages", db, output=tmp / "verify.csv").output
    ev = _scorer()
    corpus = ev.Corpus(HOLDOUT)
    extract, _ = ev.score(corpus, ev.read(extracted), False)
    verify, extra = ev.score(corpus, ev.read(verified), True)
    return extract["TOTAL"], verify["TOTAL"], extra


def test_every_message_comes_out_at_least_once(scored):
    extract, verify, _ = scored
    assert extract["covered"] == extract["messages"] and verify["covered"] == verify["messages"]


def test_extraction_without_registry_finds_signers_with_exact_names(scored):
    extract, _, _ = scored
    assert extract["signers_found"] / extract["signers"] >= 0.89
    assert extract["named_correct"] / extract["named_rows"] >= 0.99


def test_verify_finds_signers_and_verifies_the_right_people(scored):
    _, verify, _ = scored
    assert verify["signers_found"] / verify["signers"] >= 0.95
    assert verify["named_correct"] / verify["named_rows"] >= 0.99
    # 5 of 115 were withdrawn by their signer; the 9 whose name only their address gives are
    # proposed for review, never verified (a name nobody wrote must be confirmed).
    assert verify["officials_right"] / verify["officials"] >= 0.85
    assert verify["verified_right"] / verify["verified_rows"] >= 0.99


def test_no_impostor_no_non_signing_message_and_no_withdrawn_signature_is_verified(scored):
    _, verify, extra = scored
    assert verify["impostors_verified"] == 0
    assert verify["nonsigning_verified"] == 0
    assert not any(still for _, _, still in extra["withdrawals"])
