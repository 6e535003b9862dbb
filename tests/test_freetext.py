"""One-line signers as published lists and e-mails write them."""

from __future__ import annotations

import pytest

from rne_match.domain.territories import departement_code
from rne_match.inputs.freetext import looks_like_name, read_line


@pytest.mark.parametrize(("line", "expected"), [
    ("Marie Fabre, conseillère municipale de Montpellier (34), EELV",
     {"nom_complet": "Marie Fabre", "mandat": "conseillère municipale de Montpellier (34)", "parti": "EELV"}),
    ("- Jean DUPONT – maire de Laval (PS)", {"nom_complet": "Jean DUPONT", "mandat": "maire de Laval", "parti": "PS"}),
    ("DUPONT Jean, adjoint au maire, Lyon", {"nom_complet": "DUPONT Jean", "mandat": "adjoint au maire, Lyon"}),
    ("Mme Claire Roux, 1ère adjointe au maire de Sète",
     {"nom_complet": "Claire Roux", "civilite": "Mme", "mandat": "1ère adjointe au maire de Sète"}),
    ("Madame la Maire de Poitiers, Léonore Moncond'huy, signe",
     {"nom_complet": "Léonore Moncond'huy", "mandat": "Maire de Poitiers"}),
])
def test_signer_lines_are_read(line, expected):
    assert read_line(line) == expected


@pytest.mark.parametrize("line", ["Dupont, Marie", "Je signe, maire de rien", "Conseil municipal de Lyon, 12 rue X"])
def test_lines_without_a_name_and_a_mandate_are_not_signers(line):
    assert read_line(line) is None


@pytest.mark.parametrize(("text", "ok"), [("Jean-Baptiste de La Tour d'Auvergne", True), ("JULIEN BERTRAND", True),
                                          ("Œlsa Ménard", True), ("je signe", False), ("Mairie de Sète", False),
                                          ("06 12 34 56 78", False), ("Bien cordialement", False)])
def test_what_looks_like_a_name(text, ok):
    assert looks_like_name(text) is ok


@pytest.mark.parametrize(("text", "code"), [("34", "34"), ("Hérault", "34"), ("Hérault (34)", "34"), ("2a", "2A"),
                                            ("Corse-du-Sud", "2A"), ("971", "971"), ("Nulle part", None)])
def test_departement_codes_from_numbers_or_names(text, code):
    assert departement_code(text) == code


@pytest.mark.parametrize(("text", "code"), [("1", "01"), ("34.0", "34"), ("13 - Bouches-du-Rhône", "13")])
def test_departement_codes_as_spreadsheets_give_them(text, code):
    assert departement_code(text) == code


def test_a_published_list_with_headings_and_bracketed_places():
    from rne_match.inputs.freetext import read_list

    rows = read_list(list(enumerate([
        "Premiers signataires", "Maires :", "- Marie Dupont (Laval), Jean Martin (Grenoble, EELV)",
        "Paul Roux, conseiller municipal de Sète (PS)", "Luc Blanc ; Sophie Noir"], 1)))
    got = [(r["ligne"], r["nom_complet"], r["mandat"], r["commune"], r["parti"], bool(r["motif"])) for r in rows]
    assert got == [
        ("1", "", "", "", "", True),
        ("2", "", "", "", "", True),
        ("3", "Marie Dupont", "Maires", "Laval", "", False),
        ("3", "Jean Martin", "Maires", "Grenoble", "EELV", False),
        ("4", "Paul Roux", "conseiller municipal de Sète", "", "PS", False),
        ("5", "Luc Blanc", "Maires", "", "", False),
        ("5", "Sophie Noir", "Maires", "", "", False),
    ]
