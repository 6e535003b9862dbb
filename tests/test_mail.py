"""Reading mailboxes: every container, every encoding, and broken input that never crashes."""

from __future__ import annotations

import mailbox

import pytest

from rne_match.inputs.mail.mailbox import MAX_MESSAGE_BYTES, html_to_text, is_mailbox, read_mailbox

from .mail_corpus import CASES, render, write_mbox

BY_ID = {c["id"]: (i, c) for i, c in enumerate(CASES)}


def one(tmp_path, case_id):
    i, case = BY_ID[case_id]
    path = tmp_path / f"{case_id}.eml"
    path.write_bytes(render(case, i))
    (msg,) = list(read_mailbox(path))
    return msg


def test_mbox_gives_every_message_once_in_order(tmp_path):
    write_mbox(tmp_path / "boite.mbox")
    ids = [m.message_id for m in read_mailbox(tmp_path / "boite.mbox")]
    assert ids == [f"{c['id']}@corpus.rne-match" if "raw" not in c else "casse-26@free.fr" for c in CASES]


def test_maildir_and_eml_folder_give_the_same_messages(tmp_path):
    box = mailbox.Maildir(tmp_path / "Maildir", create=True)
    folder = tmp_path / "eml"
    folder.mkdir()
    for i, case in enumerate(CASES[:10]):
        box.add(render(case, i))
        (folder / f"{i:02d}.eml").write_bytes(render(case, i))
    from_maildir = sorted(m.message_id for m in read_mailbox(tmp_path / "Maildir"))
    from_folder = [m.message_id for m in read_mailbox(folder)]
    assert from_maildir == sorted(from_folder) and len(from_folder) == 10


def test_headers_are_decoded_from_rfc2047(tmp_path):
    msg = one(tmp_path, "18-entetes-rfc2047")
    assert msg.sender_name == "Éloïse Châtelain" and msg.sender == "eloise.chatelain@gmail.com"
    assert msg.subject == "Signature de la pétition"
    assert msg.date.startswith("2023-04-")


@pytest.mark.parametrize(("case_id", "needle"), [
    ("14-quoted-printable-utf8", "Gaëlle Le Bihan"),
    ("15-base64-utf8", "Noémie Chauvière"),
    ("16-iso-8859-1", "René Barthélémy, maire de Gréoux-les-Bains"),
    ("17-windows-1252", "Œlsa Ménard, conseillère municipale d’Angoulême"),
    ("19-charset-inconnu", "Pézenas"),
])
def test_bodies_are_decoded_whatever_the_transfer_encoding_and_charset(tmp_path, case_id, needle):
    assert needle in one(tmp_path, case_id).body


def test_html_only_body_becomes_text_without_scripts_styles_or_remote_content(tmp_path):
    body = one(tmp_path, "05-html-seul").body
    assert "Je soussignée Sandrine Morel, conseillère départementale de l'Isère" in body
    assert "alert" not in body and "color:red" not in body and "tracker" not in body


def test_plain_part_is_preferred_over_html(tmp_path):
    body = one(tmp_path, "38-alternative-texte-et-html").body
    assert "<b>" not in body and body.count("Cécile Arnoux") == 1


def test_html_blockquote_is_marked_as_quote():
    assert html_to_text("<p>Oui</p><blockquote>Je soussigné(e) [Nom]</blockquote>").splitlines()[-1].startswith(">")


def test_attachments_are_listed_not_read(tmp_path):
    msg = one(tmp_path, "24-piece-jointe-seule")
    assert msg.attachments == ["formulaire-signe.pdf"] and "PDF" not in msg.body


def test_broken_mime_keeps_the_readable_part(tmp_path):
    msg = one(tmp_path, "26-mime-casse")
    assert "Alain Costes" in msg.body


def test_huge_message_is_not_read_and_says_why(tmp_path):
    msg = one(tmp_path, "46-tres-gros-message")
    assert msg.body == "" and "volumineux" in msg.problem and str(MAX_MESSAGE_BYTES // 1024) in msg.problem


def test_garbage_file_still_gives_one_message(tmp_path):
    path = tmp_path / "bruit.eml"
    path.write_bytes(b"\x00\xff\xfe garbage \x81\x82\n\n\x00")
    msgs = list(read_mailbox(path))
    assert len(msgs) == 1


def test_tables_are_not_taken_for_mailboxes(tmp_path):
    csv = tmp_path / "s.csv"
    csv.write_text("From: x;Nom\n", "utf-8")
    eml = tmp_path / "m.txt"
    eml.write_text("From: a@b.fr\nSubject: x\n\nbody\n", "utf-8")
    assert not is_mailbox(csv) and is_mailbox(eml) and is_mailbox(tmp_path)
