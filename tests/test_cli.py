"""The command line: options, one-line errors and what it prints. The behaviour itself is tested
through the library (test_verify, test_match…); here only the shell around it."""

from __future__ import annotations

import polars as pl
import pytest
from click.testing import CliRunner

from rne_match.cli import main

from .conftest import unique_official, write


def run_verify(tmp_path, sample_db, text, *args, name="sigs.csv"):
    path = write(tmp_path / name, text)
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["verify", str(path), "--db", str(sample_db), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return pl.read_csv(out, separator=";", infer_schema=False), result


def test_a_mayor_written_as_people_write_is_verified(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    text = f"Nom complet;Mandat;Parti\n{prenom} {nom.title()};maire de {commune} ({dep});EELV\n"
    out, res = run_verify(tmp_path, sample_db, text)
    row = out.row(0, named=True)
    assert row["status"] == "verified" and row["rne_person_id"] == pid
    assert row["Parti"] == "EELV" and "Identifié" in row["reason"]
    assert "vérifiées" in res.output


def test_missing_name_column_is_a_clear_error(tmp_path, sample_db):
    path = write(tmp_path / "s.csv", "ville;parti\nLyon;PS\n")
    res = CliRunner().invoke(main, ["verify", str(path), "--db", str(sample_db)])
    assert res.exit_code != 0 and "aucune colonne de nom" in res.output and "s.csv" in res.output


def test_ragged_csv_error_names_file_line_and_column(tmp_path, sample_db):
    path = write(tmp_path / "s.csv", "nom;prenom\nA;B\nC;D;E;F\n")
    res = CliRunner().invoke(main, ["verify", str(path), "--db", str(sample_db)])
    assert res.exit_code != 0 and "ligne 3" in res.output and "colonne 3" in res.output


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_sql_is_read_only(sample_db, fmt):
    runner = CliRunner()
    ok = runner.invoke(main, ["sql", "SELECT kind, count(*) AS n FROM mandates GROUP BY kind", "--db", str(sample_db), "--format", fmt])
    assert ok.exit_code == 0 and "mai" in ok.output
    bad = runner.invoke(main, ["sql", "DELETE FROM mandates", "--db", str(sample_db)])
    assert bad.exit_code != 0 and "lecture seule" in bad.output


def test_sql_csv_flattens_list_columns(sample_db):
    res = CliRunner().invoke(main, ["sql", "SELECT [1, 2] AS l, 'x' AS s", "--db", str(sample_db), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == ["l,s", "1 | 2,x"]


def test_title_rows_above_the_header_are_skipped_and_said(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    text = f"Tribune VSA – signataires au 3 avril;;\n;;\nNom;Prénom;Mandat\n{nom};{prenom};maire de {commune}\n"
    out, res = run_verify(tmp_path, sample_db, text)
    assert out.height == 1 and out["status"][0] == "verified"
    assert "Lignes 1–2" in res.output


def test_split_writes_the_list_to_publish_and_the_review_queue(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    text = f"nom;prenom;mandat\nZZZYX;Qwerty;maire de Nulle-Part\n{nom};{prenom};maire de {commune}\n;;\n"
    out, res = run_verify(tmp_path, sample_db, text, "--split")
    verified = pl.read_csv(tmp_path / "out.verifies.csv", separator=";", infer_schema=False)
    review = pl.read_csv(tmp_path / "out.a-relire.csv", separator=";", infer_schema=False)
    assert verified["nom"].to_list() == [nom]
    assert review["status"].to_list() == ["not_found", "invalid"]  # easiest to settle first
    assert verified.height + review.height == out.height
    assert "File de relecture" in res.output


def test_version_names_the_territorial_reference():
    res = CliRunner().invoke(main, ["--version"])
    assert res.exit_code == 0 and "COG 2026 (@etalab/decoupage-administratif 6.0.0)" in res.output
