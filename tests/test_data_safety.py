"""Hardening (issue 13), the users' work and the base: runs and decisions survive `load`, several
`verify` share one base, an interrupted load leaves nothing behind and never the last good base
damaged, the base is found from any folder, long steps show progress. Real DuckDB files and real
processes throughout."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from rne_match import api, paths
from rne_match.cli import main
from rne_match.errors import RegistryError
from rne_match.review.store import find_target, record_decision

from .conftest import unique_official
from .review_helpers import copy_db

RNE_MATCH = str(Path(sys.executable).with_name("rne-match"))


def _cli(*args: str, env: dict | None = None, **popen) -> subprocess.Popen:
    """`rne-match ARGS` in a process of its own."""
    return subprocess.Popen([RNE_MATCH, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})}, **popen)


def _holder(db: Path, read_only: bool) -> subprocess.Popen:
    """Another process holding the base (read-only: readers may share it, writers wait) until its
    stdin closes; returns once it holds it."""
    code = ("import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); "
            "print('ok', flush=True); sys.stdin.read(); c.close()")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), "ro" if read_only else "rw"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ok"
    return proc


def _runs(db: Path) -> list[tuple]:
    """(run_id, source) of the runs recorded in the base; none when it has no `runs` table."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'runs'").fetchone()[0]:
            return []
        return con.execute("SELECT run_id, source FROM runs ORDER BY source").fetchall()
    finally:
        con.close()


# ------------------------------------------------------------------ concurrent verify


def test_concurrent_verifies_wait_for_the_base_and_all_record_their_run(tmp_path, sample_db):
    db = copy_db(sample_db, tmp_path / "base")
    nom, prenom, *_ = unique_official(sample_db)
    inputs = []
    for i in range(6):
        path = tmp_path / f"sigs{i}.csv"
        path.write_text(f"nom;prénom;note\n{nom};{prenom};{i}\n", "utf-8")
        inputs.append(path)
    # Another process writes to the base while the six start: reading the registry and saving
    # the run must both wait for it (it used to crash, or print « non enregistrée » and exit 0).
    holder = _holder(db, read_only=False)
    procs = [_cli("verify", str(p), "--db", str(db)) for p in inputs]
    time.sleep(1.0)  # let them meet the lock; not an assertion on time
    holder.communicate("")
    outcomes = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    for code, out, err in outcomes:
        assert code == 0, err
        assert "Vérification enregistrée" in out and "Traceback" not in err
    assert {str(p) for p in inputs} <= {src for _, src in _runs(db)}


def test_verify_whose_run_cannot_be_saved_exits_non_zero_with_one_french_line(tmp_path, sample_db):
    db = copy_db(sample_db, tmp_path / "base")
    nom, prenom, *_ = unique_official(sample_db)
    sigs = tmp_path / "sigs.csv"
    sigs.write_text(f"nom;prénom\n{nom};{prenom}\n", "utf-8")
    holder = _holder(db, read_only=True)  # the registry can be read, the run cannot be written
    try:
        proc = _cli("verify", str(sigs), "--db", str(db), "-o", str(tmp_path / "out.csv"),
                    env={"RNE_MATCH_LOCK_TIMEOUT": "1"})
        out, err = proc.communicate(timeout=120)
    finally:
        holder.communicate("")
    assert proc.returncode == 1, (out, err)
    assert err.startswith("Erreur : vérification non enregistrée") and err.count("\n") == 1, err
    assert "base occupée" in err and str(tmp_path / "out.csv") in err
    assert (tmp_path / "out.csv").exists()  # the results are not lost
    assert str(sigs) not in [src for _, src in _runs(db)]


# ------------------------------------------------------------------ the users' work survives load


def _table(db: Path, name: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()
    finally:
        con.close()


def test_runs_signatures_and_decisions_survive_a_reload(tmp_path):
    folder = api.sample_release(tmp_path / "raw")
    db = tmp_path / "rne.duckdb"
    api.load(folder, db, prepare_keys=False)
    sigs = tmp_path / "sigs.csv"
    nom, prenom, *_ = unique_official(db)
    sigs.write_text(f"nom;prénom\n{nom};{prenom}\nZZYX;Qwerty\n", "utf-8")
    done = api.verify_file(sigs, db)
    record_decision(db, find_target(db), 2, "cle-ligne-2", "reject", reviewer="Camille")
    before = {t: _table(db, t) for t in ("runs", "signatures", "decisions")}

    reloaded = api.load(folder, db, prepare_keys=False)

    assert {t: _table(db, t) for t in before} == before
    assert reloaded.kept == {"decisions": 1, "runs": 1, "signatures": 2}
    assert api.coverage(db)["signatures"].sum() >= 1  # « aucune vérification enregistrée » before
    assert find_target(db).run_id == done.run_id
    with pytest.raises(duckdb.ConstraintException):  # the definitions came too, keys included
        duckdb.connect(str(db)).execute("INSERT INTO runs (run_id) VALUES (?)", [done.run_id])


def test_a_run_left_in_the_wal_by_a_crashed_writer_survives_the_load(tmp_path):
    folder = api.sample_release(tmp_path / "raw")
    db = tmp_path / "rne.duckdb"
    api.load(folder, db, prepare_keys=False)
    crash = ("import duckdb, os, sys; c = duckdb.connect(sys.argv[1]); "
             "c.execute('PRAGMA disable_checkpoint_on_shutdown'); "
             "c.execute('CREATE TABLE runs (run_id VARCHAR PRIMARY KEY, source VARCHAR)'); "
             "c.execute(\"INSERT INTO runs VALUES ('r1', 'avant-le-plantage.csv')\"); os._exit(9)")
    subprocess.run([sys.executable, "-c", crash, str(db)], check=False)
    assert Path(f"{db}.wal").exists()

    api.load(folder, db, prepare_keys=False)

    assert _table(db, "runs") == [("r1", "avant-le-plantage.csv")]  # the new base opens, with the run


# ------------------------------------------------------------------ interrupted loads


def _leftovers(db: Path) -> list[str]:
    """Build files beside the base: `.rne.duckdb.<pid>.building`, its `.wal`, `.parts/`."""
    return sorted(p.name for p in db.parent.glob(f".{db.name}.*") if ".registry-" not in p.name)


def _base_with_a_run(tmp_path: Path) -> tuple[Path, Path, list[tuple]]:
    folder = api.sample_release(tmp_path / "raw")
    db = tmp_path / "rne.duckdb"
    api.load(folder, db, prepare_keys=False)
    nom, prenom, *_ = unique_official(db)
    (tmp_path / "sigs.csv").write_text(f"nom;prénom\n{nom};{prenom}\n", "utf-8")
    api.verify_file(tmp_path / "sigs.csv", db)
    return folder, db, _table(db, "runs")


def _load_until_building(folder: Path, db: Path) -> subprocess.Popen:
    """`rne-match load` in its own process, returned once its new base is being built."""
    proc = _cli("load", "--from", str(folder), "--db", str(db))
    deadline = time.monotonic() + 60
    while not list(db.parent.glob(f".{db.name}.*.building")):
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.005)
    return proc


def test_load_killed_mid_build_keeps_the_last_good_base_and_the_next_load_cleans_up(tmp_path):
    folder, db, runs = _base_with_a_run(tmp_path)
    proc = _load_until_building(folder, db)
    proc.kill()
    proc.communicate()
    assert proc.returncode == -9
    assert any(n.endswith(".building") for n in _leftovers(db))  # killed mid-build indeed
    assert _table(db, "runs") == runs  # the last good base is untouched

    api.load(folder, db, prepare_keys=False)

    assert _leftovers(db) == []
    assert _table(db, "runs") == runs


def test_ctrl_c_during_load_is_one_french_line_exit_130_and_leaves_nothing(tmp_path):
    folder, db, runs = _base_with_a_run(tmp_path)
    proc = _load_until_building(folder, db)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err == "Erreur : chargement interrompu (Ctrl-C) : la base précédente reste intacte\n"
    assert _leftovers(db) == [] and _table(db, "runs") == runs


def test_stale_build_files_of_dead_processes_are_removed_never_a_live_ones(tmp_path):
    folder = api.sample_release(tmp_path / "raw")
    db = tmp_path / "rne.duckdb"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    live = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        for pid in (dead.pid, live.pid):
            (tmp_path / f".rne.duckdb.{pid}.building").write_bytes(b"x")
            (tmp_path / f".rne.duckdb.{pid}.building.wal").write_bytes(b"x")
            (tmp_path / f".rne.duckdb.{pid}.parts").mkdir()
            (tmp_path / f".rne.duckdb.{pid}.parts" / "raw0.csv").write_text("x")

        api.load(folder, db, prepare_keys=False)

        assert _leftovers(db) == [f".rne.duckdb.{live.pid}.building", f".rne.duckdb.{live.pid}.building.wal",
                                  f".rne.duckdb.{live.pid}.parts"]
    finally:
        live.communicate(b"")


# ------------------------------------------------------------------ the base, from any folder


def test_commands_without_db_use_the_last_base_loaded_from_any_folder(tmp_path, monkeypatch):
    folder = api.sample_release(tmp_path / "raw")
    elsewhere = tmp_path / "bases" / "rne.duckdb"
    api.load(folder, elsewhere, prepare_keys=False, remember=True)  # as `rne-match load --db` does
    nom, prenom, *_ = unique_official(elsewhere)
    work = tmp_path / "petition"
    work.mkdir()
    (work / "sigs.csv").write_text(f"nom;prénom\n{nom};{prenom}\n", "utf-8")
    monkeypatch.chdir(work)  # not where the data folder is

    verify = CliRunner().invoke(main, ["verify", "sigs.csv"])
    coverage = CliRunner().invoke(main, ["coverage"])
    sql = CliRunner().invoke(main, ["sql", "SELECT count(*) AS n FROM runs", "--format", "csv"])

    assert verify.exit_code == 0, verify.output
    assert f"Base du RNE : {elsewhere}" in verify.output and "Vérification enregistrée" in verify.output
    assert coverage.exit_code == 0 and f"Base du RNE : {elsewhere}" in coverage.output, coverage.output
    assert sql.exit_code == 0 and sql.output == "n\n1\n", sql.output


def test_a_missing_base_is_named_in_the_error(tmp_path, private_data_dir):
    for args in (["sql", "SELECT 1"], ["coverage"], ["verify", str(tmp_path / "sigs.csv")]):
        (tmp_path / "sigs.csv").write_text("nom;prénom\nDupont;Jean\n", "utf-8")
        res = CliRunner().invoke(main, args)
        assert res.exit_code == 1 and res.output.startswith("Erreur : "), res.output
        assert str(private_data_dir / "processed" / "rne.duckdb") in res.output


def test_the_data_folder_does_not_depend_on_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("RNE_MATCH_DATA")
    seen = set()
    for here in (tmp_path, Path("/")):
        monkeypatch.chdir(here)
        seen.add(paths.data_dir())
    assert len(seen) == 1 and next(iter(seen)).is_absolute()
    monkeypatch.setenv("RNE_MATCH_DATA", "relatif")  # a relative value is where it was given
    assert paths.data_dir() == Path("/relatif")


# ------------------------------------------------------------------ progress on the long steps


def _stderr_of(args: list[str], terminal: bool) -> str:
    """What `rne-match ARGS` writes on stderr, stderr being a terminal (a pseudo-terminal) or a pipe."""
    if not terminal:
        proc = _cli(*args)
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        return err
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a new pty is 0 columns wide
    proc = subprocess.Popen([RNE_MATCH, *args], stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the process ended and closed its side
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_load_shows_progress_of_files_and_match_keys_on_a_terminal(tmp_path):
    folder = api.sample_release(tmp_path / "raw")
    shown = _stderr_of(["load", "--from", str(folder), "--db", str(tmp_path / "rne.duckdb")], terminal=True)
    assert "Chargement du RNE" in shown and "Clés d'appariement" in shown


def test_verify_of_a_mailbox_shows_extraction_and_verification_progress_on_a_terminal_only(tmp_path, sample_db):
    db = copy_db(sample_db, tmp_path / "base")
    mbox = tmp_path / "boite.mbox"
    mbox.write_bytes(b"From x@y Mon Jan  1 00:00:00 2024\nFrom: Jean <a@b.fr>\nSubject: tribune\n\n"
                     b"Je soutiens.\nJean Dupont, maire de Brest\n\n")
    args = ["verify", str(mbox), "--db", str(db), "-o", str(tmp_path / "out.csv")]
    shown = _stderr_of(args, terminal=True)
    assert "Extraction" in shown and "Vérification" in shown
    assert _stderr_of(args, terminal=False) == ""


def test_a_base_that_cannot_be_opened_is_not_replaced_by_load(tmp_path):
    folder = api.sample_release(tmp_path / "raw")
    db = tmp_path / "rne.duckdb"
    api.load(folder, db, prepare_keys=False)
    damaged = bytearray(db.read_bytes())
    damaged[:16] = b"\0" * 16  # the header gone: DuckDB cannot attach it, its runs may still be recoverable
    db.write_bytes(bytes(damaged))
    with pytest.raises(RegistryError, match="ne s'ouvre pas"):
        api.load(folder, db, prepare_keys=False)
    assert db.read_bytes() == bytes(damaged)


def test_the_demo_sample_base_is_never_used_by_default_but_named_when_the_base_is_missing(private_data_dir):
    api.load(api.sample_release(private_data_dir / "raw" / "echantillon"), paths.sample_db(), prepare_keys=False)
    res = CliRunner().invoke(main, ["coverage"])
    assert res.exit_code == 1 and "base absente" in res.output and str(paths.sample_db()) in res.output, res.output
