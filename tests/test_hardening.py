"""Hardening (issue 13): opaque person ids, a `sql` command that cannot touch the machine, CSV
outputs that cannot run formulas, and outputs that never overwrite the input or guess a format."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

import duckdb
import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner

from rne_match import api
from rne_match.cli import main
from rne_match.devtools.sample import write_sample_release
from rne_match.errors import OutputError, RneMatchError, SqlRefused
from rne_match.registry import schema
from rne_match.registry.load import load_folder
from rne_match.reports.outputs import write_table

from .test_verify import run_verify, unique_official

# ------------------------------------------------------------------ opaque person ids


def _verified_row(tmp_path, sample_db):
    nom, prenom, _sexe, commune, dep, pid = unique_official(sample_db)
    out, _ = run_verify(tmp_path, sample_db, f"nom;prénom;mandat\n{nom};{prenom};maire de {commune} ({dep})\n")
    row = out.row(0, named=True)
    assert row["status"] == "verified" and row["rne_person_id"] == pid
    return row


def test_person_id_does_not_give_back_the_birth_date(tmp_path, sample_db):
    row = _verified_row(tmp_path, sample_db)
    con = duckdb.connect(str(sample_db), read_only=True)
    sexe, born = con.execute("SELECT sexe, date_naissance FROM persons WHERE person_id = ?",
                             [row["rne_person_id"]]).fetchall()[0]
    days = [dt.date(1920, 1, 1) + dt.timedelta(days=i) for i in range((dt.date(2007, 12, 31) - dt.date(1920, 1, 1)).days + 1)]
    tried = pl.DataFrame({"nom": [row["rne_nom"]] * len(days), "prenom": [row["rne_prenom"]] * len(days),
                          "sexe": [sexe] * len(days), "date_naissance": days})
    con.register("tried", tried)
    key = schema.PERSON_KEY_SQL
    guesses = con.sql(f"""SELECT date_naissance, {key} AS k, substr(md5({key}), 1, 16) AS md5_id,
                                     substr(sha256({key}), 1, 16) AS sha_id FROM tried""").pl()
    con.close()
    # The attack works on the right key: the true birth date is among the guesses.
    assert born in guesses["date_naissance"].to_list()
    assert row["rne_person_id"] not in guesses["md5_id"].to_list()
    assert row["rne_person_id"] not in guesses["sha_id"].to_list()
    # and the id is HMAC-SHA256 of that key with the base's secret (the test base's fixed one).
    k = guesses.filter(pl.col("date_naissance") == born)["k"].item()
    assert row["rne_person_id"] == hmac.new(bytes.fromhex("5e" * 32), k.encode(), hashlib.sha256).hexdigest()[:16]


def _ids(db):
    con = duckdb.connect(str(db), read_only=True)
    ids = con.execute("SELECT nom, prenom, date_naissance, person_id FROM persons ORDER BY ALL").fetchall()
    con.close()
    return ids


def test_person_ids_are_stable_across_loads_and_differ_between_bases(tmp_path):
    folder = write_sample_release(tmp_path / "raw")
    db, other = tmp_path / "rne.duckdb", tmp_path / "autre.duckdb"
    load_folder(folder, db)
    first = _ids(db)
    load_folder(folder, db)  # rebuilds the base: the secret is carried over
    assert _ids(db) == first
    load_folder(folder, other)  # a new base draws its own secret
    assert {r[3] for r in _ids(other)}.isdisjoint({r[3] for r in first})


def test_the_secret_is_not_in_the_catalogue_nor_readable_through_sql(sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    secret = schema.read_secret(con)
    catalogue = con.execute("SELECT string_agg(coalesce(macro_definition, ''), ' ') FROM duckdb_functions()").fetchall()[0][0]
    con.close()
    assert secret == "5e" * 32 and "5e5e" not in catalogue and "rne_person_id" not in catalogue
    for sql in ["SELECT * FROM secrets", "SUMMARIZE main.secrets", 'FROM "SECRETS"',
                "SELECT * FROM query_table('sec' || 'rets')", "SELECT * FROM query('FROM secrets')"]:
        with pytest.raises(SqlRefused):
            api.query(sql, sample_db)


# ------------------------------------------------------------------ sql is read-only for real

ATTEMPTS = {
    "copy": "COPY (SELECT 1) TO '{tmp}/x.csv'",
    "export": "EXPORT DATABASE '{tmp}/d'",
    "set": "SET temp_directory='{tmp}'",
    "read_csv": "SELECT * FROM read_csv('/etc/passwd')",
    "read_text": "SELECT * FROM read_text('/etc/hostname')",
    "glob": "SELECT * FROM glob('/root/*')",
    "install": "INSTALL httpfs",
    "load": "LOAD httpfs",
    "attach": "ATTACH '{tmp}/autre.duckdb'",
    "file_as_table": "SELECT * FROM '{tmp}/x.csv'",
    "pragma": "PRAGMA version",
    "unlock": "SELECT 1; SET lock_configuration = false",
}


@pytest.mark.parametrize("name", list(ATTEMPTS))
def test_sql_refuses_writes_files_network_and_extensions(tmp_path, sample_db, name):
    sql = ATTEMPTS[name].format(tmp=tmp_path)
    (tmp_path / "x.csv").write_text("a\n1\n") if name == "file_as_table" else None
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(SqlRefused) as err:
        api.query(sql, sample_db)
    assert isinstance(err.value, RneMatchError) and "\n" not in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_sql_cli_refusal_is_one_french_line(tmp_path, sample_db):
    res = CliRunner().invoke(main, ["sql", f"COPY (SELECT * FROM persons) TO '{tmp_path}/p.parquet'", "--db", str(sample_db)])
    assert res.exit_code == 1 and res.output.startswith("Erreur : ") and res.output.count("\n") == 1
    assert not (tmp_path / "p.parquet").exists()


def test_sql_still_answers_reading_queries(sample_db):
    assert api.query("SELECT count(*) AS n FROM persons", sample_db)["n"][0] > 0
    for sql in ["SHOW TABLES", "DESCRIBE mandates", "SUMMARIZE persons", "EXPLAIN SELECT 1",
                "WITH a AS (SELECT 1 AS x) SELECT * FROM a"]:
        assert api.query(sql, sample_db).height > 0


# ------------------------------------------------------------------ CSV formula injection

HOSTILE = ["=HYPERLINK(\"http://x\";\"clic\")", "+1+1", "@SUM(1)", "-2+3", "=cmd|' /C calc'!A0", "\tx", "\rx"]


def test_csv_outputs_neutralise_formulas_and_drop_nul(tmp_path):
    frame = pl.DataFrame({"texte": [*HOSTILE, "Dupont", "a=b", "ok\x00nul"], "n": list(range(-5, 5))})
    path = write_table(frame.rename({"texte": "=titre"}), tmp_path / "out.csv")
    back = pl.read_csv(path, separator=";", infer_schema=False)
    assert back.columns == ["'=titre", "n"]
    assert back["'=titre"].to_list() == ["'" + v for v in HOSTILE] + ["Dupont", "a=b", "oknul"]
    assert back["n"].to_list() == [str(i) for i in range(-5, 5)]  # numbers stay numbers
    assert b"\x00" not in path.read_bytes()


def test_verify_extract_and_coverage_csvs_carry_no_formula(tmp_path, sample_db):
    nom, prenom, _s, commune, dep, _pid = unique_official(sample_db)
    text = (f"nom;prénom;mandat;note;parti\n{nom};{prenom};maire de {commune} ({dep});=HYPERLINK(\"x\");@SUM(1)\n"
            "=1+1;+33;-maire;\t;-2+3\n")
    out, _ = run_verify(tmp_path, sample_db, text)
    assert out["note"].to_list() == ["'=HYPERLINK(\"x\")", "'\t"] and out["nom"][1] == "'=1+1"
    cov = tmp_path / "cov.csv"
    res = CliRunner().invoke(main, ["coverage", str(tmp_path / "out.csv"), "--by", "parti", "--db", str(sample_db), "-o", str(cov)])
    assert res.exit_code == 0, res.output
    cells = pl.read_csv(cov, separator=";", infer_schema=False).select(pl.all().cast(pl.String)).unpivot()["value"]
    assert not cells.drop_nulls().str.contains(r"^[=+\-@\t\r]").any()
    mbox = tmp_path / "boite.mbox"
    mbox.write_bytes(b"From x@y Mon Jan  1 00:00:00 2024\nFrom: =cmd <a@b.fr>\nSubject: =HYPERLINK(\"x\")\n\n"
                     b"Je soutiens.\nJean Dupont, maire de Brest\n\n")
    sig = tmp_path / "sig.csv"
    res = CliRunner().invoke(main, ["extract", str(mbox), "-o", str(sig)])
    assert res.exit_code == 0, res.output
    cells = pl.read_csv(sig, separator=";", infer_schema=False).unpivot()["value"].drop_nulls()
    assert cells.str.contains("HYPERLINK").any() and not cells.str.contains(r"^[=+\-@\t\r]").any()


def test_xlsx_keeps_formulas_as_text(tmp_path):
    path = write_table(pl.DataFrame({"a": ["=1+1", "+1", "ok\x00"]}), tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(path).active
    cells = [ws.cell(row=r, column=1) for r in (2, 3, 4)]
    assert [c.value for c in cells] == ["=1+1", "+1", "ok"] and all(c.data_type == "s" for c in cells)


# ------------------------------------------------------------------ outputs: never the input, never a guessed format


def test_output_equal_to_input_is_refused_and_input_untouched(tmp_path, sample_db):
    nom, prenom, *_ = unique_official(sample_db)
    sig = tmp_path / "sigs.csv"
    sig.write_text(f"nom;prénom\n{nom};{prenom}\n", "utf-8")
    before = sig.read_bytes()
    for out in (sig, tmp_path / "." / "sigs.csv"):
        res = CliRunner().invoke(main, ["verify", str(sig), "--db", str(sample_db), "-o", str(out)])
        assert res.exit_code == 1 and res.output.startswith("Erreur : ") and res.output.count("\n") == 1, res.output
        assert sig.read_bytes() == before
    with pytest.raises(OutputError):
        api.extract_mailbox(sig, sig)
    assert sig.read_bytes() == before


@pytest.mark.parametrize("suffix", [".txt", ".tsv", ".xls", ""])
def test_unknown_output_suffix_is_refused(tmp_path, sample_db, suffix):
    sig = tmp_path / "sigs.csv"
    sig.write_text("nom;prénom\nDupont;Jean\n", "utf-8")
    res = CliRunner().invoke(main, ["verify", str(sig), "--db", str(sample_db), "-o", str(tmp_path / f"out{suffix}")])
    assert res.exit_code == 1 and "format de sortie inconnu" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sigs.csv"]


def test_parquet_output_is_parquet(tmp_path, sample_db):
    nom, prenom, *_ = unique_official(sample_db)
    sig = tmp_path / "sigs.csv"
    sig.write_text(f"nom;prénom\n{nom};{prenom}\n", "utf-8")
    res = CliRunner().invoke(main, ["verify", str(sig), "--db", str(sample_db), "-o", str(tmp_path / "out.parquet")])
    assert res.exit_code == 0, res.output
    assert pl.read_parquet(tmp_path / "out.parquet")["nom"].to_list() == [nom]
