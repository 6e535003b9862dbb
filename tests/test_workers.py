"""Long mail work is shared with a second process (rne_match.workers): same rows as on one core,
whatever the worker does — slow to start, dead, or failing on a part."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pytest

from rne_match.inputs.mail import extract as ex
from rne_match.workers import ENV, Helper, helper_for, shared

CORPUS = Path(__file__).parent / "mail_holdout" / "messages"


def _in_worker() -> bool:
    return sys.argv[0].endswith("workers.py")


def tag_with_process(part, context):
    time.sleep(0.005)  # a part takes time, as reading mail does: the worker gets its share
    return [(item, context, "worker" if _in_worker() else "parent") for item in part]


def die_in_worker(part, context):
    if _in_worker():
        os._exit(3)
    return [item * 2 for item in part]


def sleep_in_worker(part, context):
    if _in_worker():
        time.sleep(30)
    return list(part)


def fail_on_seven(part, context):
    if 7 in part:
        raise ValueError("seven")
    return list(part)


def _ready_helper() -> Helper:
    helper = Helper(__name__)
    helper.ready.result(timeout=30)
    return helper


def test_results_come_back_in_item_order_from_both_processes():
    helper = _ready_helper()
    try:
        out = shared(tag_with_process, list(range(1000)), "ctx", helper=helper, chunk=10)
    finally:
        helper.close()
    assert [item for item, _, _ in out] == list(range(1000))
    assert {ctx for _, ctx, _ in out} == {"ctx"}
    assert {who for _, _, who in out} == {"parent", "worker"}


def test_without_a_helper_everything_is_done_here():
    out = shared(tag_with_process, list(range(50)), None, helper=None, chunk=7)
    assert out == [(i, None, "parent") for i in range(50)]


def test_a_worker_that_dies_costs_only_time():
    helper = _ready_helper()
    try:
        out = shared(die_in_worker, list(range(500)), helper=helper, chunk=10)
    finally:
        helper.close()
    assert out == [i * 2 for i in range(500)]


def test_a_worker_slower_than_this_process_is_never_waited_for():
    helper = _ready_helper()
    try:
        start = time.perf_counter()
        out = shared(sleep_in_worker, list(range(40)), helper=helper, chunk=10)
        elapsed = time.perf_counter() - start
    finally:
        helper.close()
    assert out == list(range(40)) and elapsed < 5


def test_an_error_of_the_work_itself_is_raised_here_with_its_type():
    helper = _ready_helper()
    try:
        with pytest.raises(ValueError, match="seven"):
            shared(fail_on_seven, list(range(500))[::-1], helper=helper, chunk=10)
    finally:
        helper.close()


def test_short_work_and_the_environment_switch_start_no_process(monkeypatch):
    with helper_for(10, 600) as helper:
        assert helper is None
    monkeypatch.setenv(ENV, "1")
    with helper_for(10_000, 600) as helper:
        assert helper is None


def test_a_long_mailbox_read_on_two_cores_gives_the_rows_of_one(tmp_path, monkeypatch):
    sources = sorted(CORPUS.glob("*.eml"))
    for copy in range(5):  # each copy its own Message-IDs, so that conversations stay within it
        for src in sources:
            raw = re.sub(rb"<([^<>@\s]+@[^<>\s]+)>", lambda m, c=copy: b"<c%d." % c + m.group(1) + b">", src.read_bytes())
            (tmp_path / f"c{copy}-{src.name}").write_bytes(raw)
    monkeypatch.setattr(ex, "PARALLEL_FROM", 1)
    two = ex.extract_mailbox(tmp_path)
    monkeypatch.setenv(ENV, "1")
    one = ex.extract_mailbox(tmp_path)
    assert two.height > 800
    assert two.equals(one)
