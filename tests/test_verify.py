"""`verify` end to end through the library (`api.verify_file`), on a real DuckDB registry built
from the sample release: every row out once, statuses, reasons, duplicates, inputs of every shape."""

from __future__ import annotations

import duckdb
import polars as pl

from rne_match import api

from .conftest import unique_official, write


def run_verify(tmp_path, sample_db, text, *, name="sigs.csv", **options):
    """Verify a file written from `text`; the results as written (CSV read back) and the outcome."""
    path = write(tmp_path / name, text)
    out = tmp_path / "out.csv"
    done = api.verify_file(path, sample_db, output=out, **options)
    return pl.read_csv(out, separator=";", infer_schema=False), done


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
    out, _ = run_verify(tmp_path, sample_db, text, eligible="parlementaire")
    assert out["status"][0] == "verified"


def test_json_and_xlsx_inputs_are_read(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    import json
    out, _ = run_verify(tmp_path, sample_db, json.dumps([{"name": f"{nom} {prenom}", "fonction": f"maire de {commune}"}]),
                        name="s.json")
    assert out["status"][0] == "verified"
    pl.DataFrame({"Nom": [nom], "Prénom": [prenom], "Qualité": [f"maire de {commune}"]}).write_excel(tmp_path / "s.xlsx")
    api.verify_file(tmp_path / "s.xlsx", sample_db, output=tmp_path / "o.json")
    assert pl.read_json(tmp_path / "o.json")["status"][0] == "verified"


def test_columns_option_names_roles(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    out, _ = run_verify(tmp_path, sample_db, f"A;B;C\n{nom};{prenom};maire de {commune}\n",
                        columns="nom=A,prenom=B,mandat=C")
    assert out["status"][0] == "verified"


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
    api.verify_file(path, db, output=out)
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


def test_title_row_in_a_workbook_is_skipped(tmp_path, sample_db):
    import openpyxl

    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Signatures reçues"])
    ws.append(["Nom", "Prénom", "Fonction"])
    ws.append([nom, prenom, f"maire de {commune}"])
    wb.save(tmp_path / "s.xlsx")
    api.verify_file(tmp_path / "s.xlsx", sample_db, output=tmp_path / "o.csv")
    assert pl.read_csv(tmp_path / "o.csv", separator=";", infer_schema=False)["status"].to_list() == ["verified"]


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


def test_explain_adds_a_column_saying_how_each_row_was_weighed(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    out, _ = run_verify(tmp_path, sample_db, f"nom;prenom;mandat\n{nom};{prenom};maire de {commune}\nZZZYX;Qwerty;maire\n",
                        explain=True)
    assert out["explication"][0].startswith("règle ") and "total " in out["explication"][0]
    assert out["explication"][1] == "aucun candidat proposé par les règles de blocage"


def _address_only_mail(local: str, commune: str, dep: str) -> str:
    return (f"From: <{local}@free.fr>\nTo: tribune@collectif.example\nSubject: Tribune\n"
            "Message-ID: <m1@test>\nDate: Mon, 4 May 2026 10:00:00 +0200\n"
            "Content-Type: text/plain; charset=utf-8\n\n"
            f"Bonjour, je signe la tribune.\nMaire de {commune} ({dep})\n")


def test_a_surname_alone_read_off_the_address_is_only_proposed(tmp_path, sample_db):
    from rne_match.domain.text import fold

    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    local = fold(nom).replace(" ", "")
    out, _ = run_verify(tmp_path, sample_db, _address_only_mail(local, commune, dep), name="message.eml")
    row = out.row(0, named=True)
    assert row["status"] == "ambiguous" and row["rne_person_id"] is None
    assert row["reason"].startswith("Nom déduit de l'adresse") and nom in row["reason"]


def test_a_whole_first_name_and_surname_in_the_address_count_as_written(tmp_path, sample_db):
    from rne_match.domain.text import fold

    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    local = f"{fold(prenom).replace(' ', '')}.{fold(nom).replace(' ', '')}"
    out, _ = run_verify(tmp_path, sample_db, _address_only_mail(local, commune, dep), name="message.eml")
    row = out.row(0, named=True)
    assert (row["status"], row["rne_person_id"]) == ("verified", pid)
    assert "adresse_complete=" in row["extraction_regles"]


def test_initials_and_surname_in_the_address_are_read_as_written_initials(tmp_path, sample_db):
    from rne_match.domain.text import fold

    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    local = f"{fold(prenom)[0]}.{fold(nom).replace(' ', '')}"
    out, _ = run_verify(tmp_path, sample_db, _address_only_mail(local, commune, dep), name="message.eml")
    row = out.row(0, named=True)
    assert row["nom_complet"] == f"{prenom[0].upper()}. {nom}" and "adresse_initiales=" in row["extraction_regles"]
    assert row["nom_deduit"] in ("", None) and row["rne_person_id"] == pid


def test_a_mail_signer_whose_mandate_could_not_be_read_is_never_verified_on_the_name_alone(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    eml = (f"From: {prenom} {nom} <x@free.fr>\nTo: tribune@collectif.example\nSubject: Tribune\n"
           "Message-ID: <m1@test>\nDate: Mon, 4 May 2026 10:00:00 +0200\n"
           "Content-Type: text/plain; charset=utf-8\n\nBonjour, je signe la tribune.\n")
    out, _ = run_verify(tmp_path, sample_db, eml, name="message.eml")
    row = out.row(0, named=True)
    assert (row["status"], row["rne_person_id"]) == ("verified_other_mandate", pid)
    assert "aucun mandat n'a pu être lu" in row["reason"]


def test_a_table_without_a_mandate_column_is_still_verified_on_the_name(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    out, _ = run_verify(tmp_path, sample_db, f"nom;prenom\n{nom};{prenom}\n")
    assert out["status"].to_list() == ["verified"]
