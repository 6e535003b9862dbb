"""Each RNE format generation, as a small file of our own, loads into the one schema."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from rne_match.registry.formats import FormatError, canonical_column, sniff
from rne_match.registry.load import load_folder

from .conftest import write

D = dt.date


def load_one(tmp_path, name, text, encoding="utf-8", newline="\n"):
    folder = tmp_path / "src"
    write(folder / name, text, encoding, newline)
    db = tmp_path / "rne.duckdb"
    result = load_folder(folder, db)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.sql("SELECT * FROM mandates ORDER BY source_line").pl().to_dicts()
    rejects = con.sql("SELECT * FROM rejects ORDER BY source_line").pl().to_dicts()
    con.close()
    return result, rows, rejects


def test_2019_tab_cp1252_with_report_title_and_unpadded_dates(tmp_path):
    text = ("Titre du rapport\n"
            "Code du département (Maire)\tLibellé de département (Maires)\tCode Insee de la commune\t"
            "Libellé de la commune\tNom de l'élu\tPrénom de l'élu\tCode sexe\tDate de naissance\t"
            "Code profession\tLibellé de la profession\tDate de début du mandat\tDate de début de la fonction\n"
            "01\tAIN\t001\tL'Abergement-Clémenciat\tBOULON\tDaniel\tM\t4/3/1951\t61\tRetraités\t23/3/2014\t23/3/2014\n"
            "ZA\tGUADELOUPE\t101\tLes Abymes\tŒUVRARD\tÉric\tM\t10/12/1960\t61\tRetraités\t23/3/2014\t23/3/2014\n")
    result, rows, rejects = load_one(tmp_path, "9-rne-maires.txt", text, "cp1252", "\r\n")
    assert result.files[0].kind == "mai" and "cp1252" in result.files[0].format
    assert rows[0]["date_naissance"] == D(1951, 3, 4)
    assert rows[0]["code_commune"] == "01001" and rows[0]["fonction"] == "Maire"
    assert rows[1]["code_departement"] == "971" and rows[1]["code_commune"] == "97101"
    assert rows[1]["nom"] == "ŒUVRARD"
    assert [r["source_line"] for r in rows] == [3, 4] and rejects == []


def test_2019_corsica_assembly_file_without_place_sits_in_corsica(tmp_path):
    text = ("Titre du rapport\n"
            "Nom de l'élu\tPrénom de l'élu\tCode sexe\tDate de naissance\tCode profession\t"
            "Libellé de la profession\tDate de début du mandat\tLibellé de fonction\tDate de début de la fonction\n"
            "SANTONI\tPaula\tF\t4/3/1971\t22\tCommerçants\t1/1/2018\tConseiller exécutif de Corse\t2/1/2018\n")
    result, rows, _ = load_one(tmp_path, "5-rne-cac.txt", text, "cp1252", "\r\n")
    assert result.files[0].kind == "ma"
    assert (rows[0]["code_collectivite"], rows[0]["libelle_collectivite"]) == ("94", "Corse")


def test_2023_snake_case_headers_iso_timestamps_and_nuance(tmp_path):
    text = ("code_departement\tlibelle_departement\tcode_canton\tlibelle_canton\tnom_elu\tprenom_elu\t"
            "sexe_elu\tdate_naissance_elu\tcode_categorie_socio_professionnelle\t"
            "libelle_categorie_socio_professionnelle\tdate_debut_mandat\tlibelle_fonction\t"
            "date_debut_fonction\tlieu_naissance_elu\tcode_nuance_mandat\tlibelle_nuance_mandat\n"
            "01\tAin\t0101\tAmbérieu-En-Bugey\tBRUNET\tJoël\tM\t1955-05-02 00:00:00+00\t23\tChef\t"
            "2021-07-01 00:00:00+00\t\t\tBOURG EN BRESSE\tDVD\tDivers droite\n")
    result, rows, _ = load_one(tmp_path, "4-elus-conseiller-departemental.csv", text)
    assert result.files[0].kind == "cd"
    assert rows[0]["date_naissance"] == D(1955, 5, 2) and rows[0]["date_debut_mandat"] == D(2021, 7, 1)
    assert rows[0]["nuance"] == "Divers droite" and rows[0]["code_canton"] == "0101"


def test_2024_header_typos_and_typographic_apostrophe(tmp_path):
    text = ("Code de la circonscription AFE;Libellé de la circonscription AFE;Nom de l’élu;Prénom de l’élu;"
            "Code sexe ;Date de naissancee;Code de la catégorie socio-professionnelle;"
            "Libellé de la catégorie socio-professionnelle;Date de début du mandat\n"
            "1;Canada;DELLAPINA;Olivier;M;17/09/1975;54;Employé;06/12/2021\n")
    result, rows, _ = load_one(tmp_path, "12-elus-afe.csv", text, newline="\r\n")
    assert result.files[0].kind == "afe"
    assert rows[0]["sexe"] == "M" and rows[0]["date_naissance"] == D(1975, 9, 17)


def test_2026_quoted_two_digit_years_pivot_for_birth_dates(tmp_path):
    text = ('"Code du département";"Libellé du département";"Code de la collectivité à statut particulier";'
            '"Libellé de la collectivité à statut particulier";"Code de la circonscription législative";'
            '"Libellé de la circonscription législative";"Nom de l\'élu";"Prénom de l\'élu";"Code sexe";'
            '"Date de naissance";"Code de la catégorie socio-professionnelle";'
            '"Libellé de la catégorie socio-professionnelle";"Date de début du mandat"\n'
            '1;"Ain";;;101;"1Ère Circonscription";"BRETON";"Xavier";"M";25/11/62;33;"Cadre; public";08/07/24\n'
            '1;"Ain";;;102;"2Ème Circonscription";"JEUNE";"Léa";"F";18/04/00;33;"Cadre";08/07/24\n')
    result, rows, _ = load_one(tmp_path, "elus-deputes-dep.csv", text, newline="\r\n")
    assert result.files[0].kind == "dep"
    assert rows[0]["date_naissance"] == D(1962, 11, 25) and rows[0]["date_debut_mandat"] == D(2024, 7, 8)
    assert rows[1]["date_naissance"] == D(2000, 4, 18)
    assert rows[0]["code_departement"] == "01"


def test_2026_05_lost_leading_zeros_are_repadded(tmp_path):
    text = ('"Code du département";"Libellé du département";"Code du canton";"Libellé du canton";'
            '"Nom de l\'élu";"Prénom de l\'élu";"Code sexe";"Date de naissance";'
            '"Code de la catégorie socio-professionnelle";"Libellé de la catégorie socio-professionnelle";'
            '"Date de début du mandat";"Libellé de la fonction";"Date de début de la fonction"\n'
            '1;"Ain";101;"Ambérieu-En-Bugey";"BRUNET";"Joël";"M";1955-05-02;74;"Ancien cadre";2021-07-01;;\n'
            '2A;"Corse-du-Sud";2A01;"Ajaccio-1";"CASANOVA";"Marie";"F";1970-01-01;74;"Ancien";2021-07-01;;\n')
    _, rows, _ = load_one(tmp_path, "elus-conseillers-departementaux-cd.csv", text, newline="\r\n")
    assert rows[0]["code_departement"] == "01" and rows[0]["code_canton"] == "0101"
    assert rows[1]["code_departement"] == "2A" and rows[1]["code_canton"] == "2A01"


def test_kind_comes_from_header_not_file_name(tmp_path):
    text = ("Code de la région;Libellé de la région;Code de la section départementale;"
            "Libellé de la section départementale;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;"
            "Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;"
            "Date de début du mandat;Libellé de la fonction;Date de début de la fonction\n"
            "1;Guadeloupe;971;Guadeloupe;ARMOUGOM;Betty;F;09/07/1965;23;Chef;02/07/2021;;\n")
    result, rows, _ = load_one(tmp_path, "3-elus-epci.csv", text)
    assert result.files[0].kind == "cr" and "epci" in result.files[0].notes[0]
    assert rows[0]["code_region"] == "01" and rows[0]["code_departement"] == "971"


def test_comma_separated_with_quoted_commas(tmp_path):
    text = ("Code du département,Libellé du département,Code de la collectivité à statut particulier,"
            "Libellé de la collectivité à statut particulier,Nom de l'élu,Prénom de l'élu,Code sexe,"
            "Date de naissance,Code de la catégorie socio-professionnelle,"
            "Libellé de la catégorie socio-professionnelle,Date de début du mandat\n"
            '01,Ain,,,BLATRIX CONTAT,Florence,F,30/03/1966,34,"Professeur, profession scientifique",01/10/2020\n')
    result, rows, _ = load_one(tmp_path, "elus-senateurs-sen.csv", text)
    assert result.files[0].kind == "sen" and rows[0]["nom"] == "BLATRIX CONTAT"


def test_ragged_and_blank_lines_are_rejected_with_their_line_number(tmp_path):
    text = ("Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;"
            "Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;"
            "Date de début du mandat\n"
            "ALLIONE;Grégory;M;25/07/1971;53;Policier;16/07/2024\n"
            "\n"
            "TROP;De;M;25/07/1971;53;Policier;16/07/2024;en trop\n"
            ";;M;25/07/1971;53;Policier;16/07/2024\n"
            "ANDROUËT;Mathilde;F;03/07/1984;33;Cadre;16/07/2024\n")
    result, rows, rejects = load_one(tmp_path, "elus-rpe.csv", text)
    assert [r["source_line"] for r in rows] == [2, 6]
    assert [r["source_line"] for r in rejects] == [3, 4, 5]
    assert "trop" in rejects[1]["reason"] and rejects[2]["reason"] == "nom et prénom vides"
    assert result.files[0].rows_rejected == 3


def test_impossible_birth_dates_are_kept_and_flagged(tmp_path):
    text = ("Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;"
            "Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;"
            "Date de début du mandat\nVIEUX;Jean;M;05/03/1072;53;X;16/07/2024\nFLOU;Ana;F;32/13/1980;53;X;16/07/2024\n")
    _, rows, _ = load_one(tmp_path, "elus-rpe.csv", text)
    assert rows[0]["date_naissance"] == D(1072, 3, 5) and "improbable" in rows[0]["anomalies"]
    assert rows[1]["date_naissance"] is None and "illisible" in rows[1]["anomalies"]


def test_a_file_without_name_columns_is_refused_naming_file_and_line(tmp_path):
    path = write(tmp_path / "x.csv", "a;b;c\n1;2;3\n")
    with pytest.raises(FormatError, match=r"x\.csv: ligne 1"):
        sniff(path)


@pytest.mark.parametrize("header,expected", [
    ("Code du département (Maire)", "code_departement"),
    ("Libellé du  département", "libelle_departement"),
    ("'Nom de l''élu'", "nom"),
    ("Code de la cir.législative", "code_circ_leg"),
    ("Code la circonscription AFE", "code_circ_afe"),
    ("N° SIREN", "siren_epci"),
])
def test_header_dialects_map_to_canonical_columns(header, expected):
    assert canonical_column(header) == expected
