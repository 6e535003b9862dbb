"""`verify` end to end through the CLI, on a real DuckDB registry built from the sample release."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest
from click.testing import CliRunner

from rne_match.cli import main
from rne_match.devtools.generate import generate, verify_labelled
from rne_match.inputs import SignatureTable, detect_roles
from rne_match.matching.pipeline import verify_table

from .conftest import write


def unique_official(db, kind="mai"):
    """A person whose name no one else in the sample bears, with one mandate of `kind`."""
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute(f"""
        SELECT m.nom, m.prenom, m.sexe, coalesce(m.libelle_commune, m.libelle_departement),
               m.code_departement, m.person_id
        FROM mandates m JOIN (SELECT nom, prenom FROM persons GROUP BY ALL HAVING count(*) = 1) u
          USING (nom, prenom)
        WHERE m.kind = '{kind}' ORDER BY m.person_id LIMIT 1""").fetchone()
    con.close()
    return row


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


def test_every_input_row_comes_out_once_in_order(tmp_path, sample_db):
    nom, prenom, *_ = unique_official(sample_db)
    text = "nom;prénom;mandat\n" + f"{nom};{prenom};maire\n" + ";;\n" + "ZZZYX;Qwerty;maire de Nulle-Part\n"
    out, _ = run_verify(tmp_path, sample_db, text)
    assert out.height == 3
    assert out["status"].to_list()[1:] == ["invalid", "not_found"]
    assert out["reason"].null_count() == 0


def test_stated_place_that_differs_is_verified_other_mandate(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    other = "Strasbourg" if commune != "Strasbourg" else "Brest"
    out, _ = run_verify(tmp_path, sample_db, f"nom;prenom;mandat\n{nom};{prenom};conseiller municipal de {other}\n")
    assert out["status"][0] in ("verified_other_mandate", "not_found")
    assert out["status"][0] != "verified"


def test_second_signature_of_same_person_is_flagged_duplicate(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    line = f"{nom};{prenom};maire de {commune}\n"
    out, _ = run_verify(tmp_path, sample_db, "nom;prenom;mandat\n" + line + line)
    assert out["duplicate_of"].to_list() == [None, "1"]


def test_senator_only_is_not_eligible_by_default_but_eligible_on_request(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db, "sen")
    text = f"nom;prenom;mandat\n{nom};{prenom};sénateur de {commune} ({dep})\n"
    out, _ = run_verify(tmp_path, sample_db, text)
    assert out["status"][0] == "not_eligible"
    out, _ = run_verify(tmp_path, sample_db, text, "--eligible", "parlementaire")
    assert out["status"][0] == "verified"


def test_json_and_xlsx_inputs_are_read(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    import json
    out, _ = run_verify(tmp_path, sample_db, json.dumps([{"name": f"{nom} {prenom}", "fonction": f"maire de {commune}"}]),
                        name="s.json")
    assert out["status"][0] == "verified"
    pl.DataFrame({"Nom": [nom], "Prénom": [prenom], "Qualité": [f"maire de {commune}"]}).write_excel(tmp_path / "s.xlsx")
    res = CliRunner().invoke(main, ["verify", str(tmp_path / "s.xlsx"), "--db", str(sample_db), "-o", str(tmp_path / "o.json")])
    assert res.exit_code == 0, res.output
    assert pl.read_json(tmp_path / "o.json")["status"][0] == "verified"


def test_missing_name_column_is_a_clear_error(tmp_path, sample_db):
    path = write(tmp_path / "s.csv", "ville;parti\nLyon;PS\n")
    res = CliRunner().invoke(main, ["verify", str(path), "--db", str(sample_db)])
    assert res.exit_code != 0 and "aucune colonne de nom" in res.output and "s.csv" in res.output


def test_ragged_csv_error_names_file_line_and_column(tmp_path, sample_db):
    path = write(tmp_path / "s.csv", "nom;prenom\nA;B\nC;D;E;F\n")
    res = CliRunner().invoke(main, ["verify", str(path), "--db", str(sample_db)])
    assert res.exit_code != 0 and "ligne 3" in res.output and "colonne 3" in res.output


def test_columns_option_names_roles(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    out, _ = run_verify(tmp_path, sample_db, f"A;B;C\n{nom};{prenom};maire de {commune}\n",
                        "--columns", "nom=A,prenom=B,mandat=C")
    assert out["status"][0] == "verified"


def test_generated_set_precision_on_sample(sample_registry):
    both, _ = verify_labelled(sample_registry, generate(sample_registry, 300, seed=7))
    verified = both.filter(pl.col("status") == "verified")
    wrong = verified.filter(pl.col("rne_person_id") != pl.col("attendu_person_id"))
    assert verified.height > 100
    assert wrong.height == 0, wrong


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


def _typo(nom: str) -> str:
    """One substituted letter in the middle of the surname."""
    i = len(nom) // 2
    return nom[:i] + ("X" if nom[i] != "X" else "Y") + nom[i + 1:]


def test_surname_typo_is_verified_when_the_commune_confirms_it(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    out, _ = run_verify(tmp_path, sample_db, f"nom;prenom;mandat\n{_typo(nom)};{prenom};maire de {commune} ({dep})\n")
    assert out["status"][0] == "verified" and out["rne_person_id"][0] == pid


def test_surname_typo_without_any_place_is_not_verified(tmp_path, sample_db):
    nom, prenom, *_ = unique_official(sample_db)
    out, _ = run_verify(tmp_path, sample_db, f"nom;prenom;mandat\n{_typo(nom)};{prenom};élu\n")
    assert out["status"][0] != "verified"


def test_initial_before_surname_in_a_full_name_is_read_as_an_initial(tmp_path, sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    nom, prenom, commune, dep, pid = con.execute("""
        SELECT m.nom, m.prenom, m.libelle_commune, m.code_departement, m.person_id FROM mandates m
        JOIN (SELECT nom, left(prenom, 1) AS i FROM persons GROUP BY ALL HAVING count(*) = 1) u
          ON u.nom = m.nom AND u.i = left(m.prenom, 1)
        WHERE m.kind = 'mai' ORDER BY m.person_id LIMIT 1""").fetchone()
    con.close()
    out, _ = run_verify(tmp_path, sample_db, f"signataire;mandat\n{prenom[0]}. {nom};maire de {commune} ({dep})\n")
    assert out["status"][0] == "verified" and out["rne_person_id"][0] == pid


def test_decisions_do_not_depend_on_the_chunk_size(sample_registry, monkeypatch):
    import rne_match.matching.pipeline as verify_module

    labelled = generate(sample_registry, 200, seed=3)
    inp = labelled.select("civilite", "nom", "prenom", "nom_complet", "mandat")
    table = SignatureTable(None, inp, detect_roles(inp.columns))
    whole = verify_table(table, sample_registry).frame
    monkeypatch.setattr(verify_module, "CHUNK", 7)
    chunked = verify_table(table, sample_registry).frame
    assert chunked.select("status", "rne_person_id", "duplicate_of").equals(
        whole.select("status", "rne_person_id", "duplicate_of"))


def test_someone_only_in_an_older_release_is_not_found_and_called_former(tmp_path):
    from rne_match.devtools.sample import write_sample_release
    from rne_match.registry.load import load_folder
    from rne_match.registry.view import load_registry

    write_sample_release(tmp_path / "raw" / "2025-10-01", seed=1)
    write_sample_release(tmp_path / "raw" / "2026-04-24", seed=2)
    db = tmp_path / "rne.duckdb"
    load_folder(tmp_path / "raw", db)
    reg = load_registry(db)
    assert reg.former is not None
    gone = reg.former.mandates.filter(pl.col("kind") == "mai").join(
        reg.former.persons, on="person_id").join(
        reg.persons.select("nom_f", "prenom_f"), on=["nom_f", "prenom_f"], how="anti").sort("person_id").row(0, named=True)
    path = write(tmp_path / "s.csv", f"nom;prenom;mandat\n{gone['nom']};{gone['prenom']};maire de {gone['libelle_commune']}\n")
    out = tmp_path / "o.csv"
    res = CliRunner().invoke(main, ["verify", str(path), "--db", str(db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    row = pl.read_csv(out, separator=";", infer_schema=False).row(0, named=True)
    assert row["status"] == "not_found"
    assert row["reason"].startswith("Ancien·ne élu·e") and "2025-10-01" in row["reason"]


def test_one_cell_signer_line_is_split_into_name_mandate_and_party(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    out, _ = run_verify(tmp_path, sample_db, f"Signataire\n\"{prenom} {nom}, maire de {commune} ({dep}), EELV\"\n")
    row = out.row(0, named=True)
    assert row["status"] == "verified" and row["rne_person_id"] == pid
    assert row["parti_normalise"] == "Les Écologistes (EELV)"


def test_plain_text_list_gives_one_row_per_non_blank_line(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    text = f"Premiers signataires :\n\n- {prenom} {nom} – maire de {commune} ({dep}) (PS)\n"
    out, _ = run_verify(tmp_path, sample_db, text, name="liste.txt")
    assert out["ligne"].to_list() == ["1", "3"]
    assert out["status"].to_list() == ["invalid", "verified"]
    assert "intitulé" in out["reason"][0]


def test_headerless_csv_of_signer_lines_is_read_as_a_list(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    out, _ = run_verify(tmp_path, sample_db, f"{prenom} {nom}, maire de {commune} ({dep}), PCF\nZZZYX Qwerty, maire de Nulle\n")
    assert out.height == 2 and out["status"].to_list() == ["verified", "not_found"]


def test_commune_named_inside_a_longer_mandate_counts_as_the_place(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db, "cm")
    noun = "Conseillère municipale" if sexe == "F" else "Conseiller municipal"
    out, _ = run_verify(tmp_path, sample_db,
                        f"nom;prenom;mandat\n{nom};{prenom};{noun} et communautaire, délégué·e à la culture de {commune}\n")
    assert out["status"][0] == "verified" and out["rne_person_id"][0] == pid


def test_title_rows_above_the_header_are_skipped_and_said(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    text = f"Tribune VSA – signataires au 3 avril;;\n;;\nNom;Prénom;Mandat\n{nom};{prenom};maire de {commune}\n"
    out, res = run_verify(tmp_path, sample_db, text)
    assert out.height == 1 and out["status"][0] == "verified"
    assert "Lignes 1–2" in res.output


def test_title_row_in_a_workbook_is_skipped(tmp_path, sample_db):
    import openpyxl

    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Signatures reçues"])
    ws.append(["Nom", "Prénom", "Fonction"])
    ws.append([nom, prenom, f"maire de {commune}"])
    wb.save(tmp_path / "s.xlsx")
    res = CliRunner().invoke(main, ["verify", str(tmp_path / "s.xlsx"), "--db", str(sample_db), "-o", str(tmp_path / "o.csv")])
    assert res.exit_code == 0, res.output
    assert pl.read_csv(tmp_path / "o.csv", separator=";", infer_schema=False)["status"].to_list() == ["verified"]


def test_only_a_feminine_mandate_noun_tells_the_signers_sex():
    from rne_match.matching.readings import prepare

    frame = pl.DataFrame({"nom": ["A", "B", "C"], "prenom": ["X", "Y", "Z"], "civilite": ["", "", "M."],
                          "mandat": ["conseiller municipal", "conseillère municipale", "conseillère municipale"]})
    sigs, _ = prepare(frame, detect_roles(frame.columns))
    # the generic masculine says nothing; the feminine says F; a civility wins over the noun
    assert sigs["sexe"].to_list() == [None, "F", "M"]


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


def test_departement_column_as_a_spreadsheet_number_is_understood():
    from rne_match.matching.readings import prepare

    frame = pl.DataFrame({"nom": ["A", "B"], "prenom": ["X", "Y"], "mandat": ["maire", "maire"],
                          "département": ["1", "Hérault"]})
    sigs, _ = prepare(frame, detect_roles(frame.columns))
    assert sigs["dep"].to_list() == ["01", "34"]


def test_councillor_who_says_mayor_goes_to_review_not_to_the_list(tmp_path, sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    nom, prenom, commune, pid = con.execute("""
        SELECT m.nom, m.prenom, m.libelle_commune, m.person_id FROM mandates m
        JOIN (SELECT nom, prenom FROM persons GROUP BY ALL HAVING count(*) = 1) u USING (nom, prenom)
        WHERE m.kind = 'cm' AND m.fonction IS NULL ORDER BY m.person_id LIMIT 1""").fetchone()
    con.close()
    text = f"nom;prenom;mandat\n{nom};{prenom};maire de {commune}\n{nom};{prenom};adjoint au maire de {commune}\n" \
           f"{nom};{prenom};conseiller municipal de {commune}\n"
    out, _ = run_verify(tmp_path, sample_db, text)
    assert out["status"].to_list() == ["verified_other_mandate", "verified_other_mandate", "verified"]
    assert set(out["rne_person_id"].to_list()) == {pid}


def test_tribune_list_under_a_mandate_heading_is_verified(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    text = f"Liste des signataires\n\nMaires :\n- {prenom} {nom} ({commune}), Zzyx Qwerty (Nulle-Part)\n"
    out, _ = run_verify(tmp_path, sample_db, text, name="tribune.txt")
    assert out["ligne"].to_list() == ["1", "3", "4", "4"]
    assert out["status"].to_list() == ["invalid", "invalid", "verified", "not_found"]
    assert out["rne_person_id"][2] == pid
