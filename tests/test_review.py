"""Review decisions and the final list, at the library level, plus the two commands."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
import polars as pl
import pytest
from click.testing import CliRunner

from rne_match.cli import main
from rne_match.review.export import final_list
from rne_match.review.store import (
    PAGE_SIZE,
    Filters,
    ReviewError,
    ReviewSession,
    _checks,
    find_target,
    read_results,
    with_row_keys,
)

from .review_helpers import XSS_NAME, copy_db, demo_run, signatures, verify


@pytest.fixture()
def run(sample_db, sample_registry, tmp_path):
    db, results = demo_run(sample_db, sample_registry, tmp_path)
    return db, results


@pytest.fixture()
def session(run):
    db, _ = run
    return ReviewSession.open(db, find_target(db))


def queue_rows(s: ReviewSession, **filters) -> list[dict]:
    out, page = [], 1
    while True:
        q = s.queue(Filters(page=page, **filters))
        out += q["lignes"]
        if page >= q["pages"]:
            return out
        page += 1


def test_row_keys_are_content_hashes_that_tell_identical_rows_apart():
    frame = pl.DataFrame({"nom": ["A", "B", "A", "A"], "prenom": ["x", "y", "x", "z"], "status": ["v"] * 4})
    keys = with_row_keys(frame, ["nom", "prenom"])["row_key"].to_list()
    assert len(set(keys)) == 4
    assert keys[0].split(":")[0] == keys[2].split(":")[0] and keys[0] != keys[2]
    moved = with_row_keys(frame[[1, 0, 3, 2]], ["nom", "prenom"])["row_key"].to_list()
    assert sorted(moved) == sorted(keys)  # same content, another order: same keys
    assert with_row_keys(frame, ["nom", "prenom"])["input_row"].to_list() == [1, 2, 3, 4]


def test_target_from_latest_run_run_id_or_results_file(run):
    db, results = run
    latest = find_target(db)
    assert latest.results == results.resolve() and latest.source.endswith("signatures.csv")
    assert find_target(db, run_id=latest.run_id) == latest
    by_file = find_target(db, results=results)
    assert (by_file.run_id, by_file.source) == (latest.run_id, latest.source)
    with pytest.raises(ReviewError, match="inconnue"):
        find_target(db, run_id="nope")


def test_old_base_without_output_column_asks_for_the_results_file(run):
    db, results = run
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE runs DROP COLUMN output")
    con.close()
    with pytest.raises(ReviewError, match="RESULTATS"):
        find_target(db)
    assert find_target(db, results=results).results == results  # still fine with the file


def test_queue_lists_rows_to_review_easiest_first_with_counts(session):
    frame = read_results(session.target.results)
    to_review = frame.filter(pl.col("status") != "verified").height
    rows = queue_rows(session)
    assert len(rows) == to_review and to_review > 0
    order = ["verified_other_mandate", "ambiguous", "not_eligible", "not_found", "invalid"]
    ranks = [(order.index(r["status"]), r["input_row"]) for r in rows]
    assert ranks == sorted(ranks)
    q = session.queue(Filters())
    assert (q["decided"], q["to_review"]) == (0, to_review)
    assert len(q["lignes"]) == min(PAGE_SIZE, to_review)
    nf = queue_rows(session, statut="not_found")
    assert nf and {r["status"] for r in nf} == {"not_found"}
    assert [r["signataire"] for r in queue_rows(session, q="script")] == [f"Mallory {XSS_NAME}"]


def test_doubtful_view_lists_verified_rows_lowest_confidence_first(session):
    rows = queue_rows(session, vue="douteuses")
    assert rows and {r["status"] for r in rows} == {"verified"}
    conf = [r["confidence"] for r in rows]
    assert conf == sorted(conf)


def test_decisions_latest_wins_undo_steps_back_and_survive_a_new_session(session, run):
    db, _ = run
    first, second = (r["input_row"] for r in queue_rows(session)[:2])
    cands = session.row(first)["candidates"]
    assert cands
    session.decide(first, "reject", reviewer="Alice")
    session.decide(first, "accept", person_id=cands[0]["person_id"], reviewer="Bob")
    assert session.row(first)["decision"]["action"] == "accept"
    session.decide(first, "undo", reviewer="Bob")
    assert session.row(first)["decision"]["action"] == "reject"  # back to the one before
    session.decide(first, "undo")
    assert session.row(first)["decision"] is None
    assert session.decide(first, "undo") is None  # nothing left to undo
    session.decide(second, "contact", note="  demander la commune  ", reviewer="Alice")
    again = ReviewSession.open(db, find_target(db))
    d = again.row(second)["decision"]
    assert (d["action"], d["note"], d["reviewer"]) == ("contact", "demander la commune", "Alice")
    assert again.queue(Filters())["decided"] == 1
    assert [r["input_row"] for r in queue_rows(again, decide="oui")] == [second]
    assert second not in [r["input_row"] for r in queue_rows(again, decide="non")]
    con = duckdb.connect(str(db), read_only=True)
    actions = [r[0] for r in con.execute("SELECT action FROM decisions ORDER BY decision_id").fetchall()]
    con.close()
    assert actions == ["reject", "accept", "undo", "undo", "contact"]  # append-only


def test_invalid_decisions_are_refused(session):
    row = queue_rows(session)[0]["input_row"]
    with pytest.raises(ReviewError, match="doublon"):
        session.decide(row, "duplicate", duplicate_of=row)
    with pytest.raises(ReviewError, match="doublon"):
        session.decide(row, "duplicate", duplicate_of=10**6)
    with pytest.raises(ReviewError, match="inexistante"):
        session.decide(10**6, "reject")
    with pytest.raises(ReviewError):
        session.decide(row, "accept")  # which candidate?


def test_candidates_show_mandates_agreement_and_never_a_birth_date(session):
    rows = queue_rows(session, statut="verified_other_mandate")
    assert rows
    data = session.row(rows[0]["input_row"])
    first = data["candidates"][0]
    assert first["retenu"] and first["person_id"] == data["rec"]["rne_person_id"]
    assert first["mandates"] and all("date_naissance" not in m for m in first["mandates"])
    assert any(m["checks"] for m in first["mandates"])  # compared with what the signer stated
    # A councillor of Montpellier who signed « maire de Montpellier »: the place agrees, the
    # mandate contradicts; someone from elsewhere contradicts on the place too.
    claim = {"kind": "mai", "fonction": "maire", "lieu_type": "commune", "lieu_code": "34172",
             "lieu_departement": "34"}
    councillor = {"kind": "cm", "fonction": None, "code_commune": "34172", "code_departement": "34"}
    assert _checks(councillor, claim) == [("mandat", False), ("commune", True), ("département", True)]
    mayor_elsewhere = {"kind": "mai", "fonction": "Maire", "code_commune": "30189", "code_departement": "30"}
    assert _checks(mayor_elsewhere, claim) == [("mandat", True), ("commune", False), ("département", False)]
    assert "date_naissance" not in session.mem.sql("SELECT * FROM persons LIMIT 0").columns


def test_candidates_by_name_for_a_signer_nobody_matched(session, sample_registry):
    person = sample_registry.persons.row(0, named=True)
    rec = {"rne_person_id": None, "nom": person["nom"][:-1] + "X", "prenom": person["prenom"]}
    session.roles.update(nom="nom", prenom="prenom")
    ids = [p for p, _ in session.candidate_ids(rec)]
    assert person["person_id"] in ids and len(ids) <= 9
    listed = {**rec, "rne_candidats": "a b a"}  # given by verify: used as is
    assert [p for p, _ in session.candidate_ids(listed)] == ["a", "b"]


def test_export_is_verified_plus_accepted_minus_rejected_and_duplicates(session, tmp_path):
    frame = read_results(session.target.results).with_row_index("n", offset=1)
    verified = frame.filter((pl.col("status") == "verified") & pl.col("duplicate_of").is_null())
    rows = queue_rows(session)
    accepted_row, contact_row, dup_row = rows[0]["input_row"], rows[1]["input_row"], rows[2]["input_row"]
    cand = session.row(accepted_row)["candidates"][-1]
    rejected_verified = verified["n"][0]
    session.decide(accepted_row, "accept", person_id=cand["person_id"], reviewer="Alice")
    session.decide(contact_row, "contact", note="appeler")
    session.decide(dup_row, "duplicate", duplicate_of=1)
    session.decide(rejected_verified, "reject", reviewer="Alice")
    summary = final_list(session)
    out = summary.frame
    expected = set(verified["n"].to_list()) - {rejected_verified} | {accepted_row}
    # one line per person, their first row: an accepted person already verified elsewhere goes once
    elsewhere = verified.filter((pl.col("n") != rejected_verified) & (pl.col("rne_person_id") == cand["person_id"]))
    if elsewhere.height:
        expected -= {max(accepted_row, elsewhere["n"].min())}
    assert set(out["n_ligne"].to_list()) == expected
    assert "date_naissance" not in " ".join(out.columns) and "confidence" not in out.columns
    assert {"nom", "prenom", "mandat", "rne_nom", "rne_commune", "decision"} <= set(out.columns)
    if accepted_row in expected:
        acc = out.filter(pl.col("n_ligne") == accepted_row).row(0, named=True)
        assert acc["decision"].startswith("acceptée par Alice le ")
        assert (acc["rne_person_id"], acc["rne_nom"]) == (cand["person_id"], cand["nom"])
    assert set(out.filter(pl.col("n_ligne") != accepted_row)["decision"].to_list()) == {"automatique"}
    assert summary.left_out["rejetées"] == 1 and summary.left_out["à recontacter"] == 1


def test_a_new_run_of_the_same_input_keeps_decisions_on_unchanged_rows(run, sample_registry):
    db, results = run
    s = ReviewSession.open(db, find_target(db))
    rows = queue_rows(s)
    kept, changed = rows[0]["input_row"], rows[1]["input_row"]
    s.decide(kept, "reject", reviewer="Alice")
    s.decide(changed, "reject", reviewer="Alice")
    # The organiser fixes a typo in one row and a signer is added at the top: the same file
    # (same source), new content, new run.
    sigs = signatures(sample_registry)
    sigs = sigs.with_columns(pl.when(pl.int_range(pl.len()) == changed - 1).then(pl.lit("Autre texte"))
                             .otherwise(pl.col("mandat")).alias("mandat"))
    sigs = pl.concat([sigs.head(1).with_columns(pl.lit("NOUVEAU").alias("nom")), sigs])
    verify(sigs, db, results.parent)
    target = find_target(db)
    s2 = ReviewSession.open(db, target)
    assert s2.target.run_id != s.target.run_id and s2.target.source == s.target.source
    assert s2.row(kept + 1)["decision"]["action"] == "reject"  # shifted by one, same content
    assert s2.row(changed + 1)["decision"] is None


def test_decisions_from_another_viewer_are_seen_and_a_busy_base_is_waited_for(run):
    db, _ = run
    a = ReviewSession.open(db, find_target(db))
    b = ReviewSession.open(db, find_target(db))
    rows = [r["input_row"] for r in queue_rows(a)[:4]]
    threads = [threading.Thread(target=s.decide, args=(r, "reject")) for s, r in zip([a, b, a, b], rows, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(0.01)
    assert a.queue(Filters())["decided"] == 4 and b.queue(Filters())["decided"] == 4
    # Another process holds the base for a moment (as verify does): the decision waits for it.
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); time.sleep(0.6); c.close()"),
        str(db)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ok"
    start = time.perf_counter()
    a.decide(rows[0], "undo")
    holder.wait()
    assert time.perf_counter() - start > 0.2
    assert b.queue(Filters())["decided"] == 3


def test_export_command_writes_the_list(run, tmp_path):
    db, results = run
    out = tmp_path / "liste.xlsx"
    res = CliRunner().invoke(main, ["export", "--db", str(db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "vérifié·es automatiquement" in res.output and out.exists()
    frame = read_results(results)
    from rne_match.review._deps import read_workbook

    listed = read_workbook(out)
    assert listed.height == frame.filter((pl.col("status") == "verified") & pl.col("duplicate_of").is_null()).height
    res = CliRunner().invoke(main, ["export", "--db", str(db), "-o", str(tmp_path / "liste.json")])
    assert res.exit_code == 1 and "Erreur : " in res.output and ".csv ou .xlsx" in res.output


def test_review_command_serves_with_a_token_and_stops_cleanly_on_ctrl_c(run, sample_db, tmp_path):
    db, results = run
    old = copy_db(sample_db, tmp_path / "old")  # no recorded run at all (other tests record some)
    con = duckdb.connect(str(old))
    con.execute("DROP TABLE IF EXISTS runs")
    con.close()
    res = CliRunner().invoke(main, ["review", "--db", str(old)])
    assert res.exit_code == 1 and "Erreur : aucune vérification" in res.output
    proc = subprocess.Popen([str(Path(sys.executable).with_name("rne-match")), "review", str(results), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(x) for x in iter(proc.stdout.readline, "")], daemon=True).start()
        url, seen = "", []
        deadline = time.monotonic() + 60
        while "token=" not in url and time.monotonic() < deadline:
            try:
                url = lines.get(timeout=1).strip()
                seen.append(url)
            except queue.Empty:
                if proc.poll() is not None:
                    break
        assert url.startswith("http://127.0.0.1:") and "?token=" in url, (url, proc.poll())
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url.split("?")[0], timeout=20)
        assert refused.value.code == 403
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())  # keeps the cookie
        with browser.open(url, timeout=20) as ok:
            assert ok.status == 200 and "décidées" in ok.read().decode()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    err = proc.stderr.read()
    time.sleep(0.2)  # the reader thread drains the last lines
    rest = []
    while not lines.empty():
        rest.append(lines.get().strip())
    assert proc.returncode == 0, err
    assert "Traceback" not in err and rest == ["Relecture arrêtée ; les décisions sont dans la base."], (rest, err)


def test_coverage_counts_decisions_when_asked(run, tmp_path):
    db, _ = run

    def verified_total(*extra) -> int:
        out = tmp_path / "cov.csv"
        res = CliRunner().invoke(main, ["coverage", "--db", str(db), "-o", str(out), *extra])
        assert res.exit_code == 0, res.output
        return int(pl.read_csv(out, separator=";")["verifiees"].sum())

    s = ReviewSession.open(db, find_target(db))
    listed = final_list(s).frame
    before = verified_total("--decisions")
    assert before == listed.filter(pl.col("rne_code_departement").is_not_null()).height
    plain = verified_total()
    frame = read_results(s.target.results).with_row_index("n", offset=1)
    target = frame.filter((pl.col("status") == "verified") & pl.col("duplicate_of").is_null()
                          & pl.col("rne_code_departement").is_not_null())["n"][0]
    s.decide(target, "reject")
    assert verified_total("--decisions") == before - 1
    assert verified_total() == plain  # without the flag, verify's own figures
