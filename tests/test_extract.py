"""Finding signers in e-mails: the corpus as a specification, field-level figures, end to end."""

from __future__ import annotations

import polars as pl
import pytest
from click.testing import CliRunner

from rne_match.cli import main
from rne_match.inputs.mail.body import split_body
from rne_match.inputs.mail.extract import extract_message
from rne_match.inputs.mail.mailbox import _from_bytes

from .conftest import unique_official
from .mail_corpus import CASES, FIELDS, HELDOUT, HELDOUT_2, render, score, write_mbox


def extracted(cases):
    return {c["id"]: extract_message(_from_bytes(render(c, i), c["id"])) for i, c in enumerate(cases)}


@pytest.fixture(scope="module")
def corpus_rows():
    return extracted(CASES)


def test_corpus_has_at_least_forty_messages_of_every_kind():
    assert len(CASES) >= 40
    assert sum(1 for c in CASES if not c["expected"]) >= 6  # messages without a signer
    assert sum(1 for c in CASES if len(c["expected"]) > 1) >= 3  # group signatures
    assert any("html" in c and "body" not in c for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_message_gives_its_signers_or_one_row_saying_why(corpus_rows, case):
    rows = corpus_rows[case["id"]]
    signers = [r for r in rows if r["extraction_statut"] == "signataire"]
    assert len(signers) == len(case["expected"])
    if not case["expected"]:
        assert len(rows) == 1 and case["reason"] in rows[0]["extraction_raison"]
    for got, want in zip(signers, case["expected"], strict=True):
        name = " ".join(got[k] for k in ("prenom", "nom", "nom_complet") if got[k])
        assert set(name.split()) == set(" ".join(want.get(k, "") for k in ("prenom", "nom", "nom_complet")).split())
        assert got["extraction_regles"] and 0 < got["extraction_confidence"] <= 1
    for key, value in case.get("check", {}).items():
        assert rows[0][key] == value


def test_every_row_keeps_message_id_date_and_sender(corpus_rows):
    for rows in corpus_rows.values():
        for r in rows:
            assert r["message_id"] and r["message_date"] and r["expediteur"]


@pytest.mark.parametrize("field", FIELDS)
def test_field_precision_and_recall_on_the_corpus(corpus_rows, field):
    figures = score(corpus_rows)[field]
    assert figures["precision"] >= 0.95 and figures["recall"] >= 0.9, figures


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("batch", [HELDOUT, HELDOUT_2], ids=["heldout-1", "heldout-2"])
def test_field_precision_on_held_out_messages(field, batch):
    figures = score(extracted(batch), batch)[field]
    assert figures["precision"] >= 0.9 and figures["recall"] >= 0.8, figures


@pytest.mark.parametrize("case", [c for c in HELDOUT + HELDOUT_2 if not c["expected"]], ids=lambda c: c["id"])
def test_held_out_messages_without_signer_say_why(case):
    (row,) = extract_message(_from_bytes(render(case), case["id"]))
    assert row["extraction_statut"] == "aucun_signataire" and case["reason"] in row["extraction_raison"]


def test_campaign_template_quoted_below_a_reply_is_not_a_signer():
    parts = split_body("Je signe.\nPaul\n\nLe lun. 3 avr. 2023, X <x@y.fr> a écrit :\n> Je soussigné(e) [Nom]\n")
    assert parts.own == ["Je signe.", "Paul"]


def test_forwarded_message_body_and_sender_are_found():
    parts = split_body("Voici.\n\n---------- Forwarded message ---------\nDe : Ana Lopes <a@l.fr>\n"
                       "Date: 1 avr. 2023\nSubject: s\n\nJe soussignée Ana Lopes, maire de Laval.\n", "Fwd: s")
    assert parts.forwarded_from.startswith("Ana Lopes") and parts.forwarded[0].startswith("Je soussignée")


def test_extract_cli_writes_one_row_per_signer_or_message(tmp_path):
    write_mbox(tmp_path / "boite.mbox")
    out = tmp_path / "signatures.csv"
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "boite.mbox"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    frame = pl.read_csv(out, separator=";", infer_schema=False)
    n_signers = sum(len(c["expected"]) for c in CASES)
    n_empty = sum(1 for c in CASES if not c["expected"])
    assert frame.height == n_signers + n_empty
    assert frame["source"].n_unique() == len(CASES)  # every message is there
    assert f"{len(CASES)} messages lus" in res.output


def test_mbox_to_verified_list_end_to_end(tmp_path, sample_db):
    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    mandate = ("conseillère" if sexe == "F" else "conseiller") + f" municipal{'e' if sexe == 'F' else ''} de {commune} ({dep})"
    cases = [
        {"id": "e2e-1", "from": f"{prenom} {nom.title()} <elu@example.fr>", "subject": "Tribune",
         "body": f"Bonjour,\nJe soussigné·e {prenom} {nom.title()}, {mandate}, EELV, signe la tribune.\n",
         "expected": []},
        {"id": "e2e-2", "from": "absent@example.fr", "subject": "Réponse automatique : Tribune",
         "headers": {"Auto-Submitted": "auto-replied"}, "body": "Absent jusqu'au 20.\n", "expected": []},
    ]
    write_mbox(tmp_path / "boite.mbox", cases)
    out = tmp_path / "verifie.csv"
    res = CliRunner().invoke(main, ["verify", str(tmp_path / "boite.mbox"), "--db", str(sample_db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    frame = pl.read_csv(out, separator=";", infer_schema=False)
    assert frame["status"].to_list() == ["verified", "invalid"]
    assert frame["rne_person_id"][0] == pid and frame["parti_normalise"][0] == "Les Écologistes (EELV)"
    assert frame["message_id"][0] == "e2e-1@corpus.rne-match"
    assert "réponse automatique" in frame["reason"][1]


def test_verify_accepts_a_maildir_and_names_the_output_after_it(tmp_path, sample_db):
    import mailbox

    nom, prenom, sexe, commune, dep, pid = unique_official(sample_db)
    box = mailbox.Maildir(tmp_path / "Boite", create=True)
    box.add(render({"id": "md-1", "from": f"{prenom} {nom} <x@y.fr>", "subject": "Tribune",
                    "body": f"Je soussigné·e {prenom} {nom}, maire de {commune} ({dep}), signe.\n", "expected": []}))
    res = CliRunner().invoke(main, ["verify", str(tmp_path / "Boite"), "--db", str(sample_db)])
    assert res.exit_code == 0, res.output
    out = pl.read_csv(tmp_path / "Boite.verifie.csv", separator=";", infer_schema=False)
    assert out["status"].to_list() == ["verified"] and out["rne_person_id"][0] == pid
