"""Coverage counts against figures computed by hand on a registry small enough to count."""

from __future__ import annotations

import polars as pl
import pytest
from click.testing import CliRunner

from rne_match.cli import main
from rne_match.devtools.sample import HEADERS
from rne_match.registry.load import load_folder

from .conftest import write

CM, CD, SEN = (";".join(HEADERS[kind]) + "\n" for kind in ("cm", "cd", "sen"))


def cm(dep, dep_name, code, commune, nom, prenom, sexe, born, fonction=""):
    return f"{dep};{dep_name};;;{code};{commune};{nom};{prenom};{sexe};{born};74;Ancien cadre;15/03/2026;{fonction};;FR\n"


@pytest.fixture(scope="module")
def tiny_db(tmp_path_factory):
    """Ain: 3 municipal councillors in Ambérieu (one is mayor). Hérault: 2 in Montpellier and
    2 departmental councillors. One senator (outside the default policy)."""
    root = tmp_path_factory.mktemp("tiny")
    write(root / "raw" / "elus-conseillers-municipaux-cm.csv", CM
          + cm("01", "Ain", "01004", "Ambérieu-en-Bugey", "ABADIE", "Anselme", "M", "01/02/1960", "Maire")
          + cm("01", "Ain", "01004", "Ambérieu-en-Bugey", "BERTHELOT", "Blandine", "F", "02/03/1970")
          + cm("01", "Ain", "01004", "Ambérieu-en-Bugey", "CAZENAVE", "Corentin", "M", "03/04/1980")
          + cm("34", "Hérault", "34172", "Montpellier", "DELAUNAY", "Danièle", "F", "04/05/1965")
          + cm("34", "Hérault", "34172", "Montpellier", "ESCOFFIER", "Edmond", "M", "05/06/1975"))
    write(root / "raw" / "elus-conseillers-departementaux-cd.csv", CD
          + "34;Hérault;3401;Canton A;FOURNIER-VALLAT;Fanny;F;06/07/1966;74;Ancien cadre;01/07/2021;;\n"
          + "34;Hérault;3402;Canton B;GUILLOUX;Gaston;M;07/08/1977;74;Ancien cadre;01/07/2021;;\n")
    write(root / "raw" / "elus-senateurs-sen.csv", SEN
          + "34;Hérault;;;HAUTECOEUR;Hortense;F;08/09/1958;74;Ancien cadre;01/10/2023\n")
    db = root / "rne.duckdb"
    load_folder(root / "raw", db)
    sigs = write(root / "sigs.csv", "Nom;Prénom;Mandat;Parti\n"
                 "ABADIE;Anselme;maire d'Ambérieu-en-Bugey;EELV\n"
                 "Delaunay;Danièle;conseillère municipale de Montpellier;Les Écologistes\n"
                 "HAUTECOEUR;Hortense;sénatrice de l'Hérault;PS\n"
                 "INCONNU;Igor;maire de Nulle-Part;sans étiquette\n")
    out = root / "out.csv"
    res = CliRunner().invoke(main, ["verify", str(sigs), "--db", str(db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return db, out


def coverage(tiny_db, tmp_path, *args):
    db, _ = tiny_db
    out = tmp_path / "cov.csv"
    res = CliRunner().invoke(main, ["coverage", "--db", str(db), "-o", str(out), *args])
    assert res.exit_code == 0, res.output
    return pl.read_csv(out, separator=";", schema_overrides={"code": pl.String})


def test_by_departement_counts_match_hand_counts(tiny_db, tmp_path):
    table = coverage(tiny_db, tmp_path, "--by", "departement")
    ain = table.filter(pl.col("code") == "01").row(0, named=True)
    herault = table.filter(pl.col("code") == "34").row(0, named=True)
    # Ain: 3 eligible persons (the mayor counted once), 1 signer verified.
    assert (ain["signatures"], ain["verifiees"], ain["elus_eligibles"]) == (1, 1, 3)
    assert ain["verifiees_pour_1000_elus"] == pytest.approx(333.33)
    # Hérault: 4 eligible (the senator is not), 2 identified signers of whom 1 verified.
    assert (herault["signatures"], herault["verifiees"], herault["elus_eligibles"]) == (2, 1, 4)
    assert herault["part_verifiees"] == pytest.approx(0.5)
    assert herault["verifiees_pour_1000_elus"] == pytest.approx(250.0)


def test_units_without_signers_are_listed_with_zero(tiny_db, tmp_path):
    table = coverage(tiny_db, tmp_path, "--by", "departement")
    assert table.height == 108  # 101 départements + 7 collectivités d'outre-mer
    assert {"2A", "2B", "971", "976", "988"} <= set(table["code"])
    paris = table.filter(pl.col("code") == "75").row(0, named=True)
    assert (paris["signatures"], paris["verifiees"], paris["elus_eligibles"]) == (0, 0, 0)


def test_by_region_sums_the_departements_of_each_region(tiny_db, tmp_path):
    table = coverage(tiny_db, tmp_path, "--by", "region")
    rows = {r["code"]: r for r in table.iter_rows(named=True)}
    assert (rows["84"]["verifiees"], rows["84"]["elus_eligibles"]) == (1, 3)  # Auvergne-Rhône-Alpes
    assert (rows["76"]["signatures"], rows["76"]["elus_eligibles"]) == (2, 4)  # Occitanie
    assert rows["11"]["signatures"] == 0


def test_by_commune_counts_councillors_of_the_commune(tiny_db, tmp_path):
    table = coverage(tiny_db, tmp_path, "--by", "commune")
    rows = {r["code"]: r for r in table.iter_rows(named=True)}
    assert (rows["01004"]["verifiees"], rows["01004"]["elus_eligibles"]) == (1, 3)
    assert (rows["34172"]["verifiees"], rows["34172"]["elus_eligibles"]) == (1, 2)
    assert rows["01004"]["libelle"] == "Ambérieu-en-Bugey (01)"


def test_by_parti_merges_spellings_and_keeps_every_row(tiny_db, tmp_path):
    table = coverage(tiny_db, tmp_path, "--by", "parti")
    rows = {r["code"]: r for r in table.iter_rows(named=True)}
    assert (rows["Les Écologistes (EELV)"]["signatures"], rows["Les Écologistes (EELV)"]["verifiees"]) == (2, 2)
    assert rows["Parti socialiste (PS)"]["signatures"] == 1
    assert rows["Sans étiquette"]["signatures"] == 1
    assert table["signatures"].sum() == 4
    assert rows["Reconquête"]["signatures"] == 0


def test_verify_output_keeps_raw_party_and_adds_normalised(tiny_db):
    _, out = tiny_db
    frame = pl.read_csv(out, separator=";", infer_schema=False)
    assert frame["Parti"].to_list() == ["EELV", "Les Écologistes", "PS", "sans étiquette"]
    assert frame["parti_normalise"].to_list() == ["Les Écologistes (EELV)", "Les Écologistes (EELV)",
                                                  "Parti socialiste (PS)", "Sans étiquette"]


def test_coverage_from_a_results_file_equals_coverage_from_the_run(tiny_db, tmp_path):
    _, out = tiny_db
    from_run = coverage(tiny_db, tmp_path, "--by", "departement")
    from_file = coverage(tiny_db, tmp_path, str(out), "--by", "departement")
    assert from_file.equals(from_run)


def test_rerunning_verify_replaces_the_run_instead_of_duplicating(tiny_db, tmp_path):
    import duckdb

    db, out = tiny_db
    sigs = out.with_name("sigs.csv")
    res = CliRunner().invoke(main, ["verify", str(sigs), "--db", str(db), "-o", str(tmp_path / "again.csv")])
    assert res.exit_code == 0, res.output
    con = duckdb.connect(str(db), read_only=True)
    n = con.execute("SELECT count(*) FROM signatures s JOIN runs r USING (run_id) "
                    "WHERE r.source = ?", [str(sigs)]).fetchall()[0][0]
    con.close()
    assert n == 4


def test_unknown_run_is_a_clear_error(tiny_db):
    db, _ = tiny_db
    res = CliRunner().invoke(main, ["coverage", "--db", str(db), "--run", "inexistant"])
    assert res.exit_code == 1 and "inexistant" in res.output


def test_map_needs_a_territorial_level(tiny_db, tmp_path):
    db, _ = tiny_db
    res = CliRunner().invoke(main, ["coverage", "--db", str(db), "--by", "kind", "--map", str(tmp_path / "m.png")])
    assert res.exit_code == 1 and "--by departement" in res.output


def test_coverage_from_an_xlsx_results_file(tiny_db, tmp_path):
    db, out = tiny_db
    xlsx = tmp_path / "res.xlsx"
    pl.read_csv(out, separator=";", infer_schema=False).write_excel(xlsx)
    table = coverage(tiny_db, tmp_path, str(xlsx), "--by", "departement")
    assert table.filter(pl.col("code") == "34")["signatures"][0] == 2


def test_a_signer_not_found_counts_where_they_said_they_sign(tmp_path):
    from rne_match.reports.coverage import coverage_table

    db = tmp_path / "rne.duckdb"
    load_folder(write(tmp_path / "raw" / "elus-conseillers-municipaux-cm.csv", CM + cm(
        "34", "Hérault", "34172", "Montpellier", "DELAUNAY", "Danièle", "F", "04/05/1965")).parent, db)
    results = pl.DataFrame({"status": ["not_found", "verified"], "rne_code_departement": [None, "34"],
                            "rne_code_commune": [None, "34172"], "lieu_type": ["commune", "commune"],
                            "lieu_code": ["01004", "34172"], "lieu_departement": ["01", "34"]})
    by_dep = {r["code"]: r for r in coverage_table(results, db, "departement").iter_rows(named=True)}
    assert (by_dep["01"]["signatures"], by_dep["01"]["verifiees"]) == (1, 0)
    assert (by_dep["34"]["signatures"], by_dep["34"]["verifiees"]) == (1, 1)
