"""The petition mailboxes written after the rules (tests/mail_holdout…mail_holdout24, 4,469 messages built
from the real 2026 RNE, one from the 2022 files, one from the 2020 files and one from the 2025 files), extracted and verified end to end and scored by their own scorer
(bench/mail_eval.py). Each floor is a little under the level reached at the end of the last round
of work on issue 11, so that a regression on any of them fails; the issue's goals are ≥ 97 % of
signers found, ≥ 99 % exact names, no impostor nor non-signing message verified."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from rne_match import api

from .conftest import SHARED

pytestmark = pytest.mark.real_data
ROOT = Path(__file__).resolve().parents[1]
# corpus → (signers found without the registry, officials verified as the right person, exact names,
# signers found with the registry); each was measured once before any rule drawn from it (first runs of
# mail_holdout10 to 18: 93.7 %, 77.4 %, 87.2 %, 82.0 %, 86.3 %, 82.3 %, 82.6 %, 82.4 %, 80.0 % found), then worked on like the others
FLOORS = {"mail_holdout": (0.92, 0.97, 0.99, 0.97), "mail_holdout2": (0.96, 0.98, 0.99, 0.97),
          "mail_holdout3": (0.97, 0.97, 0.99, 0.97), "mail_holdout4": (0.97, 0.97, 0.99, 0.97),
          "mail_holdout5": (0.98, 0.97, 0.99, 0.97), "mail_holdout6": (0.96, 0.91, 0.99, 0.97),
          "mail_holdout7": (0.94, 0.96, 0.99, 0.96), "mail_holdout8": (0.94, 0.92, 0.99, 0.96),
          "mail_holdout9": (0.98, 0.97, 0.99, 0.98), "mail_holdout10": (0.98, 0.95, 0.99, 0.98),
          "mail_holdout11": (0.96, 0.93, 0.98, 0.97), "mail_holdout12": (0.95, 0.89, 0.99, 0.95),
          "mail_holdout13": (0.95, 0.90, 0.97, 0.95), "mail_holdout14": (0.95, 0.89, 0.98, 0.95),
          "mail_holdout15": (0.95, 0.96, 0.99, 0.97),
          # labelled with the RNE's names, not the written ones (« Jean » for Jean Paul): exact names held down
          "mail_holdout16": (0.84, 0.97, 0.87, 0.97), "mail_holdout17": (0.84, 0.97, 0.96, 0.94),
          "mail_holdout18": (0.86, 0.96, 0.92, 0.87),
          # measured once at the end of a session (2021 campaign, 2020 registry: first run 81.5 % found, 75.7 % right
          # person), worked on the next
          "mail_holdout19": (0.92, 0.94, 0.93, 0.94),
          # municipal councillors of 2026 (first run 89.9 % found, 80.7 % right person, precision 97.0 %, 2 impostors
          # and 1 question verified); labelled with the RNE's names
          "mail_holdout20": (0.97, 0.98, 0.98, 0.97),
          # a late-2025 campaign checked against the November 2025 files, other writing styles (first run 86.6 %
          # found, 83.2 % right person, precision 100 %)
          "mail_holdout21": (0.95, 0.96, 0.96, 0.97),
          # a six-week campaign mailbox in arrival order (first run 91.8 % found, 89.4 % right person, precision 100 %)
          "mail_holdout22": (0.97, 0.97, 0.99, 0.98),
          # signature blocks, overseas, long threads (first run 89.5 % found, 90.2 % right person, precision 100 %,
          # but 4 of 225 messages missing from the output: a thank-you after a merged signature)
          "mail_holdout23": (0.93, 0.94, 0.98, 0.95),
          # signatures relayed in batches (first run 76.9 % found, 76.2 % right person, precision 99.6 %, 1 impostor and
          # 2 withdrawn list members verified); only its verified errors were worked on: found is still its first run
          "mail_holdout24": (0.75, 0.75, 0.98, 0.75)}


def _scorer():
    spec = importlib.util.spec_from_file_location("mail_eval", ROOT / "bench" / "mail_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def registry_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("holdout") / "rne-2026.duckdb"
    api.load(SHARED / "rne" / "release-2026", db)
    return db


def _corpus_registry(corpus_dir: Path, tmp: Path, default: Path) -> Path:
    """The release a mailbox is checked against: the 2026 one, or the files its `registry.txt` lists
    (mail_holdout15: a 2022 campaign checked against the 2022 files of ../shared/rne/history)."""
    listed = corpus_dir / "registry.txt"
    if not listed.exists():
        return default
    release = tmp / "release"
    release.mkdir()
    for name in listed.read_text().split():
        (release / name).symlink_to(SHARED / "rne" / "history" / name)
    api.load(release, tmp / "registry.duckdb")
    return tmp / "registry.duckdb"


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request, registry_db, tmp_path_factory):
    corpus_dir = ROOT / "tests" / request.param
    tmp = tmp_path_factory.mktemp(request.param)
    extracted = api.extract_mailbox(corpus_dir / "messages", tmp / "extract.csv").output
    # a campaign open to other mandates than the default three levels says so (`eligible.txt`)
    eligible = (corpus_dir / "eligible.txt").read_text().strip() if (corpus_dir / "eligible.txt").exists() else None
    verified = api.verify_file(corpus_dir / "messages", _corpus_registry(corpus_dir, tmp, registry_db),
                               output=tmp / "verify.csv", eligible=eligible).output
    ev = _scorer()
    corpus = ev.Corpus(corpus_dir)
    extract, _ = ev.score(corpus, ev.read(extracted), False)
    verify, extra = ev.score(corpus, ev.read(verified), True)
    return FLOORS[request.param], extract["TOTAL"], verify["TOTAL"], extra


def test_every_message_comes_out_at_least_once(scored):
    _, extract, verify, _ = scored
    assert extract["covered"] == extract["messages"] and verify["covered"] == verify["messages"]


def test_extraction_without_registry_finds_signers_with_exact_names(scored):
    (found, _, names, _), extract, _, _ = scored
    assert extract["signers_found"] / extract["signers"] >= found
    assert extract["named_correct"] / extract["named_rows"] >= names


def test_verify_finds_signers_and_verifies_the_right_people(scored):
    (_, right, names, found), _, verify, _ = scored
    assert verify["signers_found"] / verify["signers"] >= found
    assert verify["named_correct"] / verify["named_rows"] >= names
    # withdrawn signatures are not counted; a name only an address gives (surname alone, a town
    # hall's generic address) is proposed for review, never verified
    assert verify["officials_right"] / verify["officials"] >= right
    assert verify["verified_right"] / verify["verified_rows"] >= 0.99


def test_no_impostor_no_non_signing_message_and_no_withdrawn_signature_is_verified(scored):
    _, _, verify, extra = scored
    assert verify["impostors_verified"] == 0
    assert verify["nonsigning_verified"] == 0
    assert not any(still for _, _, still in extra["withdrawals"])
