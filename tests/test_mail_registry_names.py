"""Registry-guided names: the words of a signing message are offered as spans, the registry says
which span is an official's full name (invented lines; the registry is the fictitious sample)."""

from __future__ import annotations

import polars as pl

from rne_match import api
from rne_match.inputs import read_signatures
from rne_match.inputs.mail.spans import Span, name_spans, outermost, signer_at

from .conftest import unique_official

ORG = "appel@collectif.example"


def _keys(line: str) -> set[str]:
    return {s.key for s in name_spans([line])}


def test_every_run_of_words_holding_a_capital_is_a_candidate_name():
    keys = _keys("Je signe : DURAND Hélène, maire de Sury (42).")
    assert {"durand helene", "helene maire de sury", "je signe"} <= keys and "signe durand" not in keys


def test_a_surname_comma_first_name_is_one_span_but_a_full_stop_ends_it():
    assert "durand helene" in _keys("DURAND, Hélène")
    assert "durand helene" not in _keys("Merci DURAND. Hélène viendra")


def test_a_line_without_capitals_offers_its_lowercase_words():
    assert "pierre vericel" in _keys("je signe bien à vous pierre vericel maire de chazelles")
    assert "pierre vericel" not in _keys("Je signe pour pierre vericel Maire de Chazelles")


def test_of_overlapping_names_the_longest_is_kept():
    spans = [Span(0, 0, 9, "jean paul"), Span(0, 5, 16, "paul martin"), Span(0, 0, 16, "jean paul martin"),
             Span(1, 0, 5, "x y")]
    assert [s.key for s in outermost(spans)] == ["jean paul martin", "x y"]


def test_the_mandate_is_read_on_the_line_of_the_name_else_on_the_title_line_under_it():
    lines = ["Bonjour, je signe.", "Valérie Peysselon", "Maire de Vérin", "06 12 34 56 78"]
    s = signer_at(lines, Span(1, 0, 17, "valerie peysselon"))
    assert s.fields["nom_complet"] == "Valérie Peysselon" and s.fields["mandat"] == "Maire de Vérin"
    line = "Ici Mme Sylvie Genebrier, maire de Chalain-d'Uzore (42)"
    s = signer_at([line], Span(0, 8, 24, "sylvie genebrier"))
    assert s.fields["mandat"] == "maire de Chalain-d'Uzore (42)" and s.fields["civilite"] == "Mme"


def _box(tmp_path, *bodies: str):
    box = tmp_path / "box"
    box.mkdir()
    for n, body in enumerate(bodies, 1):
        (box / f"{n:03d}.eml").write_bytes(
            (f"From: Compte {n} <c{n}@webmail.example>\nTo: {ORG}\nSubject: Appel\nMessage-ID: <m{n}@t>\n"
             f"Date: Mon, {3 + n} May 2026 10:00:00 +0200\nContent-Type: text/plain; charset=utf-8\n\n{body}").encode())
    return box


def test_an_official_named_in_a_sentence_the_rules_do_not_read_is_found_by_the_registry(tmp_path, sample_db):
    nom, prenom, _, commune, _, _ = unique_official(sample_db)
    box = _box(tmp_path, f"Ici {prenom} {nom} : je signe pour {commune} où je suis maire.")
    assert api.extract_mailbox(box).frame["nom_complet"].to_list() == [""]  # the rules alone find no name
    row = api.verify_file(box, sample_db, output=tmp_path / "out.csv").frame.row(0, named=True)
    assert row["status"] == "verified" and row["nom_complet"] == f"{prenom} {nom}"
    assert row["extraction_regles"].startswith("nom_complet=registre")


def test_a_name_the_registry_does_not_hold_stays_without_a_signer(tmp_path, sample_db):
    box = _box(tmp_path, "Ici Zéphyrin Quatrebarbes : je signe pour Bourg où je suis maire.")
    frame = api.verify_file(box, sample_db, output=tmp_path / "out.csv").frame
    assert frame["nom_complet"].to_list() == [""] and "verified" not in frame["status"].to_list()


def test_a_question_naming_an_official_gives_no_signer(tmp_path, sample_db):
    nom, prenom, _, commune, _, _ = unique_official(sample_db)
    box = _box(tmp_path, f"Ici {prenom} {nom}, maire de {commune} : qui finance cet appel ?")
    frame = api.verify_file(box, sample_db, output=tmp_path / "out.csv").frame
    assert frame["nom_complet"].to_list() == [""] and frame["status"].to_list() != ["verified"]


def test_the_words_read_for_the_registry_are_never_written_out(tmp_path, sample_db):
    nom, prenom, _, commune, _, _ = unique_official(sample_db)
    box = _box(tmp_path, f"Ici {prenom} {nom} : je signe pour {commune} où je suis maire.")
    assert "_texte" not in api.extract_mailbox(box, tmp_path / "x.csv").frame.columns
    assert "_texte" not in read_signatures(box).frame.columns  # public too: the words stay apart
    api.verify_file(box, sample_db, output=tmp_path / "out.csv")
    assert "_texte" not in pl.read_csv(tmp_path / "out.csv", separator=";", infer_schema_length=0).columns


def test_a_signer_named_by_the_sender_takes_the_mandate_written_next_to_their_own_name(tmp_path, sample_db):
    nom, prenom, _, commune, _, _ = unique_official(sample_db)
    box = tmp_path / "box"
    box.mkdir()
    (box / "001.eml").write_bytes(
        (f"From: {prenom} {nom} <c1@webmail.example>\nTo: {ORG}\nSubject: ok\nMessage-ID: <m1@t>\n"
         "Date: Mon, 4 May 2026 10:00:00 +0200\nContent-Type: text/plain; charset=utf-8\n\n"
         f"top vous pouvez mettre mon nom {prenom.lower()} {nom.lower()} maire de {commune.lower()}\n").encode())
    assert api.extract_mailbox(box).frame["mandat"].to_list() == [""]  # the rules alone read no mandate
    row = api.verify_file(box, sample_db, output=tmp_path / "out.csv").frame.row(0, named=True)
    assert row["status"] == "verified" and row["mandat"].lower() == f"maire de {commune.lower()}"


def test_an_official_mentioned_inside_a_sentence_is_not_taken_for_the_signer(tmp_path, sample_db):
    nom, prenom, _, commune, _, _ = unique_official(sample_db)
    box = _box(tmp_path, f"Je signe en tant que conseillère municipale de {commune}, c'est ma collègue {prenom} {nom} "
                         "qui m'a parlé de l'appel.",
               f"Je signe.\nCordialement\nP.S. {prenom} {nom}, maire de {commune}, ne signera pas.",
               f"Je signe pour {commune} où je suis maire. C'est {prenom} {nom} qui m'a transmis l'appel.")
    frame = api.verify_file(box, sample_db, output=tmp_path / "out.csv").frame
    assert nom not in " ".join(frame["nom_complet"].to_list()) and "verified" not in frame["status"].to_list()
