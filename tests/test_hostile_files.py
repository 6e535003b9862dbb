"""Hostile or odd signature files (issue 13): bombs are refused with the limit named, every sheet
holding signatures is read, mixed or UTF-16 text is decoded, input columns never clash with the
columns verify adds, NUL bytes and long cells have a clear outcome. Every hostile file is built
here, small, on the fly (`devtools.hostile`)."""

from __future__ import annotations

import polars as pl
import pytest
from click.testing import CliRunner

from rne_match import api
from rne_match.cli import main
from rne_match.devtools.hostile import (
    dimension_bomb,
    far_cell_bomb,
    row_xml,
    table_rows,
    write_xlsx,
    xml_bomb,
)
from rne_match.errors import InputError
from rne_match.inputs import Limits, parse_limits, read_signatures
from rne_match.inputs.workbook import scan
from rne_match.reports.outputs import read_table

from .conftest import unique_official, write

# ------------------------------------------------------------------ XLSX bombs


def test_a_declared_dimension_is_not_expanded(tmp_path):
    table = read_signatures(dimension_bomb(tmp_path / "dim.xlsx"))
    assert table.frame.shape == (2, 3)


def test_a_far_cell_is_refused_before_the_reader_allocates_the_rectangle(tmp_path):
    with pytest.raises(InputError, match="1 048 576 lignes.*--limit lignes=N"):
        read_signatures(far_cell_bomb(tmp_path / "far.xlsx"))


def test_far_columns_are_refused_with_the_column_limit(tmp_path):
    path = write_xlsx(tmp_path / "wide.xlsx", {"Feuil1": [*table_rows([["nom"], ["Dupont"]]), row_xml(3, [(16_384, "x")])]})
    with pytest.raises(InputError, match="16 384 colonnes.*--limit colonnes=N"):
        read_signatures(path)


def test_the_rectangle_of_a_sheet_is_bounded(tmp_path):
    path = write_xlsx(tmp_path / "big.xlsx", {"Feuil1": [*table_rows([["nom"], ["Dupont"]]), row_xml(400, [(400, "x")])]})
    with pytest.raises(InputError, match="160 000 cellules.*--limit cellules=N"):
        read_signatures(path, limits=Limits(cellules=100_000))
    assert read_signatures(path, limits=Limits(cellules=200_000)).frame.height == 399


def test_decompressed_size_is_bounded_by_what_is_really_inflated(tmp_path):
    path = xml_bomb(tmp_path / "xml.xlsx", megabytes=3)
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError, match="décompressé.*--limit taille=N"):
        read_signatures(path, limits=Limits(taille=2_000_000))


def test_rows_are_bounded_even_without_row_numbers(tmp_path):
    # The bomb's rows carry no `r` attribute: each counts after the previous one.
    path = xml_bomb(tmp_path / "xml.xlsx", megabytes=3)
    assert max(e.rows for e in scan(path, Limits()).values()) > 25_000
    with pytest.raises(InputError, match="lignes.*--limit lignes=N"):
        read_signatures(path, limits=Limits(lignes=10_000))


def test_a_limit_is_raised_from_the_command_line(tmp_path, sample_db):
    path = write_xlsx(tmp_path / "s.xlsx", {"Feuil1": table_rows([["nom", "prénom"], *[["Dupont", "Marie"]] * 5])})
    refused = CliRunner().invoke(main, ["verify", str(path), "--db", str(sample_db), "--limit", "lignes=3"])
    assert refused.exit_code == 1 and refused.output.count("\n") == 1 and "--limit lignes=N" in refused.output
    ok = CliRunner().invoke(main, ["verify", str(path), "--db", str(sample_db), "--limit", "lignes=10",
                                   "-o", str(tmp_path / "o.csv")])
    assert ok.exit_code == 0, ok.output


def test_a_bad_limit_is_a_clear_error():
    with pytest.raises(InputError, match="limite inconnue"):
        parse_limits(["rangées=3"])
    with pytest.raises(InputError, match="nombre"):
        parse_limits(["lignes=beaucoup"])
    assert parse_limits(["lignes=2_000_000"]).lignes == 2_000_000


def test_a_corrupt_workbook_is_an_input_error(tmp_path):
    path = dimension_bomb(tmp_path / "s.xlsx")
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(InputError, match="illisible"):
        read_signatures(path)


def test_numbers_and_dates_read_as_people_see_them(tmp_path):
    import datetime as dt

    pl.DataFrame({"nom": ["Dupont"], "departement": [75], "date": [dt.date(2024, 3, 1)], "taux": [0.5]}).write_excel(
        tmp_path / "s.xlsx")
    row = read_signatures(tmp_path / "s.xlsx").frame.row(0, named=True)
    assert row == {"nom": "Dupont", "departement": "75", "date": "2024-03-01", "taux": "0.5"}


# ------------------------------------------------------------------ several sheets

LISEZ_MOI = [["Lisez-moi"], ["Merci de remplir la feuille Signatures."]]


def test_the_sheet_holding_signatures_is_read_not_the_first(tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", {"Lisez-moi": table_rows(LISEZ_MOI),
                                            "Signatures": table_rows([["nom", "prénom"], ["Dupont", "Marie"],
                                                                      ["Martin", "Jean"], ["Petit", "Anne"]])})
    table = read_signatures(path)
    assert table.frame["nom"].to_list() == ["Dupont", "Martin", "Petit"]
    assert any("« Lisez-moi » ignorée" in w for w in table.warnings)


def test_several_signature_sheets_are_all_read_with_their_name(tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", {"Lisez-moi": table_rows(LISEZ_MOI),
                                            "Maires": table_rows([["nom", "mandat"], ["Dupont", "maire"]]),
                                            "Conseil": table_rows([["nom", "prénom"], ["Martin", "Jean"], ["Petit", "Anne"]])})
    table = read_signatures(path)
    assert table.frame.columns == ["feuille", "nom", "mandat", "prénom"]
    assert table.frame.rows() == [("Maires", "Dupont", "maire", ""), ("Conseil", "Martin", "", "Jean"),
                                  ("Conseil", "Petit", "", "Anne")]
    assert any("2 feuilles de signatures" in w for w in table.warnings)


def test_sheet_option_chooses_by_name_or_number(tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", {"A": table_rows([["nom"], ["Dupont"]]), "B": table_rows([["nom"], ["Martin"]])})
    assert read_signatures(path, sheet="b").frame["nom"].to_list() == ["Martin"]
    assert read_signatures(path, sheet="1").frame["nom"].to_list() == ["Dupont"]
    with pytest.raises(InputError, match="« A », « B »"):
        read_signatures(path, sheet="Signatures")


def test_verify_says_which_sheets_it_read(tmp_path, sample_db):
    nom, prenom, *_ = unique_official(sample_db)
    path = write_xlsx(tmp_path / "s.xlsx", {"Lisez-moi": table_rows(LISEZ_MOI),
                                            "Signatures": table_rows([["nom", "prénom"], [nom, prenom]])})
    res = CliRunner().invoke(main, ["verify", str(path), "--db", str(sample_db), "-o", str(tmp_path / "o.csv")])
    assert res.exit_code == 0, res.output
    assert "Attention" in res.stderr and "Lisez-moi" in res.stderr
    assert read_table(tmp_path / "o.csv")["status"].to_list() == ["verified"]


# ------------------------------------------------------------------ encodings


def test_a_file_mixing_utf8_and_cp1252_lines_is_decoded_line_by_line(tmp_path):
    data = "nom;prénom\n".encode() + "Héron;Zoé\n".encode() + "Léger;Hélène\n".encode("cp1252")
    (tmp_path / "s.csv").write_bytes(data)
    table = read_signatures(tmp_path / "s.csv")
    assert table.frame["nom"].to_list() == ["Héron", "Léger"]
    assert any("encodage mixte" in w and "ligne(s) 3 " in w for w in table.warnings)


def test_a_cp1252_file_is_not_reported_as_mixed(tmp_path):
    write(tmp_path / "s.csv", "nom;prénom\nHéron;Zoé\n", encoding="cp1252")
    table = read_signatures(tmp_path / "s.csv")
    assert table.frame["nom"].to_list() == ["Héron"] and table.warnings == []


def test_a_line_neither_utf8_nor_cp1252_is_named(tmp_path):
    (tmp_path / "s.csv").write_bytes(b"nom;prenom\nDupont;Marie\nH\x81ron;Zo\xe9\n")
    with pytest.raises(InputError, match=r"s\.csv, ligne 3, colonne 2"):
        read_signatures(tmp_path / "s.csv")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_are_decoded(tmp_path, encoding):
    write(tmp_path / "s.csv", "nom\tprénom\nHéron\tZoé\n", encoding=encoding)
    table = read_signatures(tmp_path / "s.csv")
    assert table.frame.columns == ["nom", "prénom"] and table.frame["nom"].to_list() == ["Héron"]


def test_nul_bytes_are_dropped_and_reported(tmp_path, sample_db):
    (tmp_path / "s.csv").write_bytes(b"nom;pr\x00enom;note\nDup\x00ont;Marie;a\x00b\n")
    table = read_signatures(tmp_path / "s.csv")
    assert table.frame.rows() == [("Dupont", "Marie", "ab")] and table.frame.columns == ["nom", "prenom", "note"]
    assert any("NUL" in w and "ligne(s) 1, 2" in w for w in table.warnings)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json", ".jsonl", ".md", ".parquet"])
def test_no_output_carries_a_nul_byte(tmp_path, sample_db, suffix):
    (tmp_path / "s.json").write_text('[{"nom": "Dup\\u0000ont", "note\\u0000": "x\\u0000"}]', "utf-8")
    out = tmp_path / f"o{suffix}"
    api.verify_file(tmp_path / "s.json", sample_db, output=out)
    if suffix in (".xlsx", ".parquet"):  # binary: every cell and header read back
        back = read_table(out)
        assert not any("\x00" in c for c in back.columns)
        assert not back.select(pl.col(pl.String).str.contains("\x00").any()).row(0).count(True)
    else:
        assert b"\x00" not in out.read_bytes() and b"\\u0000" not in out.read_bytes()


# ------------------------------------------------------------------ long cells


def test_a_one_megabyte_cell_is_cut_with_a_warning_and_the_row_kept(tmp_path, sample_db):
    nom, prenom, *_ = unique_official(sample_db)
    write(tmp_path / "s.csv", f"nom;prénom;note\n{nom};{prenom};{'x' * 1_000_000}\n")
    out, done = _verify(tmp_path, sample_db, "s.csv")
    assert out["status"].to_list() == ["verified"] and len(out["note"][0]) == Limits().cellule
    assert any("ligne 2, colonne(s) note" in w and "--limit cellule=N" in w for w in done.table.warnings)


def test_a_long_cell_is_kept_whole_when_the_limit_is_raised(tmp_path):
    write(tmp_path / "s.csv", f"nom;note\nDupont;{'x' * 200_000}\n")
    assert len(read_signatures(tmp_path / "s.csv", limits=Limits(cellule=300_000)).frame["note"][0]) == 200_000


def test_a_long_line_of_a_text_list_is_cut_before_it_is_parsed(tmp_path):
    write(tmp_path / "s.txt", "Marie Dupont, maire de Laval\n" + "Jean " * 100_000 + "\n")
    table = read_signatures(tmp_path / "s.txt", limits=Limits(cellule=1000))
    assert table.frame.height == 2 and len(table.frame["signataire"][1]) <= 1000
    assert any("ligne(s) 2 " in w for w in table.warnings)


def test_a_text_file_beyond_the_size_limit_is_refused(tmp_path):
    write(tmp_path / "s.csv", "nom\n" + "Dupont\n" * 1000)
    with pytest.raises(InputError, match="7 004 octets.*--limit taille=N"):
        read_signatures(tmp_path / "s.csv", limits=Limits(taille=5000))


def test_deeply_nested_json_is_an_input_error(tmp_path):
    (tmp_path / "s.json").write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    with pytest.raises(InputError, match="imbrication"):
        read_signatures(tmp_path / "s.json")


def test_a_json_number_python_cannot_convert_is_an_input_error(tmp_path):
    (tmp_path / "s.json").write_text('[{"nom": ' + "9" * 5000 + "}]", "utf-8")
    with pytest.raises(InputError, match="JSON illisible"):
        read_signatures(tmp_path / "s.json")


# ------------------------------------------------------------------ column clashes


def _verify(tmp_path, sample_db, name):
    done = api.verify_file(tmp_path / name, sample_db, output=tmp_path / "out.csv")
    return read_table(tmp_path / "out.csv"), done


@pytest.mark.parametrize("column", ["lieu", "lieu_type", "lieu_note", "parti_normalise", "status", "rne_nom"])
def test_an_input_column_named_like_an_added_one_is_kept_renamed(tmp_path, sample_db, column):
    nom, prenom, *_ = unique_official(sample_db)
    write(tmp_path / "s.csv", f"nom;prénom;{column}\n{nom};{prenom};valeur d'origine\n")
    out, _ = _verify(tmp_path, sample_db, "s.csv")
    assert out[f"{column}_entree"].to_list() == ["valeur d'origine"] and column in out.columns
    assert out.height == 1 and out["status"][0].startswith("verified")


def test_a_results_file_can_be_verified_again(tmp_path, sample_db):
    nom, prenom, _s, commune, dep, _pid = unique_official(sample_db)
    write(tmp_path / "s.csv", f"nom;prénom;mandat\n{nom};{prenom};maire de {commune} ({dep})\n")
    api.verify_file(tmp_path / "s.csv", sample_db, output=tmp_path / "r1.csv")
    api.verify_file(tmp_path / "r1.csv", sample_db, output=tmp_path / "r2.csv")
    api.verify_file(tmp_path / "r2.csv", sample_db, output=tmp_path / "r3.csv")
    again = read_table(tmp_path / "r3.csv")
    assert again["status"].to_list() == ["verified"]
    assert {"status_entree", "status_entree_2", "lieu_entree", "lieu_entree_2"} <= set(again.columns)


# ------------------------------------------------------------------ sql --format csv


def test_sql_csv_neutralises_formulas_and_drops_nul(sample_db):
    res = CliRunner().invoke(main, ["sql", "SELECT '=1+1' AS f, '-2' AS g, 'a' || chr(0) || 'b' AS n, 3 AS x",
                                    "--db", str(sample_db), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == ["f,g,n,x", "'=1+1,'-2,ab,3"]
