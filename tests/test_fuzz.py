"""Property-based tests (Hypothesis) over the readers and the free-text parsers (issue 13).

Whatever a stranger sends: no exception but the project's own `RneMatchError`, every input row
out exactly once and in order, no output cell a spreadsheet would run as a formula.

`make test` runs this tier bounded, seeded and derandomised (profile « ci », the same cases every
run, well under a minute); `make fuzz` runs it long and random (profile « long »,
HYPOTHESIS_PROFILE=long). Each test counts its cases in FUZZ_CASES, printed at the end of the run.
"""

from __future__ import annotations

import csv
import io
import json
import os

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rne_match.devtools.hostile import table_rows, write_xlsx
from rne_match.domain.mandates import parse_mandate
from rne_match.domain.text import (
    civility_sex,
    fold,
    is_initials,
    remove_civility,
    skeleton,
    split_marriage,
)
from rne_match.errors import RneMatchError
from rne_match.inputs import Limits, read_signatures
from rne_match.inputs.freetext import looks_like_name, read_line, read_list
from rne_match.inputs.mail.extract import extract_message
from rne_match.inputs.mail.mailbox import _from_bytes
from rne_match.matching.pipeline import verify_table
from rne_match.reports.outputs import FORMULA_START, write_table

from .conftest import FUZZ_CASES

pytestmark = pytest.mark.fuzz

_COMMON = {"deadline": None, "suppress_health_check": list(HealthCheck), "database": None}
settings.register_profile("ci", max_examples=40, derandomize=True, **_COMMON)
settings.register_profile("long", max_examples=2000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
SMALL = settings(max_examples=settings().max_examples // 4 or 1)  # end-to-end cases cost a verify each


# Text as signature files hold it: accents, quotes, separators, formula starts, control characters.
ALPHABET = st.sampled_from(list("aeiouéèàçÉÀŒœ’'\" ;,\t|=+-@()[]:./0123456789MmDdLl\r\n\x00\x0b\u2028\x85«»–"))
CELL = st.text(ALPHABET, max_size=20) | st.sampled_from(
    ["", "=HYPERLINK(\"x\")", "+1+1", "@SUM(1)", "-2+3", "\tx", "maire de Laval (53)", "Dupont", "Marie",
     "conseillère municipale", "EELV", "nom", "prénom", "status", "lieu", "feuille", "M.", "Mme"])
HEADERS = st.lists(st.sampled_from(["nom", "prénom", "mandat", "commune", "parti", "note", "status", "lieu",
                                    "lieu_type", "parti_normalise", "feuille", "id", "=x"]),
                   min_size=0, max_size=4, unique=True)


@st.composite
def tables(draw):
    """A header with `id` and a name column, and rows whose `id` cell is unique."""
    headers = ["id", "nom", *[h for h in draw(HEADERS) if h not in ("id", "nom")]]
    n = draw(st.integers(1, 8))
    rows = [[f"r{i}", *draw(st.lists(CELL, min_size=len(headers) - 1, max_size=len(headers) - 1))]
            for i in range(n)]
    return headers, rows


def _cells_of(frame: pl.DataFrame) -> list[str]:
    text = frame.select(pl.col(pl.String)).unpivot()["value"].drop_nulls().to_list()
    return [*text, *frame.columns]


def _clean(cell: str) -> str:
    return cell.replace("\x00", "")


# ------------------------------------------------------------------ readers: only our errors


@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".tsv", ".txt", ".md", ".json", ".jsonl",
                                                              ".xlsx", ".mbox", ".eml", ".dat"]))
def test_any_bytes_give_a_table_or_our_error(tmp_path_factory, data, suffix):
    FUZZ_CASES["octets quelconques"] += 1
    path = tmp_path_factory.mktemp("b") / f"s{suffix}"
    path.write_bytes(data)
    try:
        table = read_signatures(path, limits=Limits(lignes=50, colonnes=50, cellule=200))
    except RneMatchError as exc:
        assert "\n" not in str(exc)
        return
    assert set(table.roles.values()) <= set(table.frame.columns)


@given(text=st.text(ALPHABET, max_size=300), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
       suffix=st.sampled_from([".csv", ".txt", ".json", ".jsonl"]))
def test_any_text_in_any_encoding_gives_a_table_or_our_error(tmp_path_factory, text, encoding, suffix):
    FUZZ_CASES["texte quelconque"] += 1
    path = tmp_path_factory.mktemp("t") / f"s{suffix}"
    path.write_bytes(text.encode(encoding, errors="replace"))
    try:
        read_signatures(path)
    except RneMatchError as exc:
        assert "\n" not in str(exc)


@given(table=tables(), delimiter=st.sampled_from([";", ",", "\t"]),
       quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]), encoding=st.sampled_from(["utf-8-sig", "utf-16"]))
def test_csv_rows_come_back_once_each(tmp_path_factory, table, delimiter, quoting, encoding):
    FUZZ_CASES["CSV aller-retour"] += 1
    headers, rows = table
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n").writerows([headers, *rows])
    path = tmp_path_factory.mktemp("c") / "s.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    try:
        frame = read_signatures(path).frame
    except RneMatchError:
        return  # e.g. a header the reader takes for a title: refused with a message, never wrong rows
    if "id" in frame.columns:
        assert frame["id"].to_list() == [r[0] for r in rows]


@given(table=tables())
def test_json_records_come_back_once_each(tmp_path_factory, table):
    FUZZ_CASES["JSON aller-retour"] += 1
    headers, rows = table
    path = tmp_path_factory.mktemp("j") / "s.json"
    path.write_text(json.dumps([dict(zip(headers, r, strict=True)) for r in rows]), "utf-8")
    frame = read_signatures(path).frame
    assert frame["id"].to_list() == [r[0] for r in rows]
    assert frame["nom"].to_list() == [_clean(r[1]) for r in rows]


_XML_SAFE = st.characters(blacklist_categories=("Cs", "Cc"))


@given(sheets=st.lists(st.tuples(st.text(_XML_SAFE, min_size=1, max_size=12), tables()), min_size=1, max_size=3,
                       unique_by=lambda s: s[0].lower()))
def test_xlsx_rows_of_every_signature_sheet_come_back_once_each(tmp_path_factory, sheets):
    FUZZ_CASES["XLSX aller-retour"] += 1
    path = tmp_path_factory.mktemp("x") / "s.xlsx"
    clean = {name: [[c.replace("\r", "").translate({i: None for i in range(32) if i not in (9, 10)}) for c in row]
                    for row in [headers, *rows]] for name, (headers, rows) in sheets}
    write_xlsx(path, {name: table_rows(rows) for name, rows in clean.items()})
    try:
        frame = read_signatures(path).frame
    except RneMatchError as exc:
        assert "\n" not in str(exc)
        return
    ids = [r[0] for rows in clean.values() for r in rows[1:]]
    assert frame["id"].to_list() == ids


@given(body=st.text(ALPHABET, max_size=300), subject=st.text(ALPHABET, max_size=40),
       sender=st.text(ALPHABET, max_size=30))
def test_a_message_gives_rows_or_a_reason_never_an_exception(body, subject, sender):
    FUZZ_CASES["courriels"] += 1
    raw = (f"From: {sender} <a@b.fr>\nSubject: {subject}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
           ).encode("utf-8", errors="replace")
    rows = extract_message(_from_bytes(raw, "x.eml"))
    assert len(rows) >= 1


# ------------------------------------------------------------------ parsers: no exception at all


@given(text=st.text(max_size=120) | st.text(ALPHABET, max_size=120))
def test_mandate_and_name_parsers_never_raise(text):
    FUZZ_CASES["analyseurs"] += 1
    parse_mandate(text)
    folded = fold(text)
    skeleton(folded), civility_sex(text), remove_civility(folded), split_marriage(folded), is_initials(text)
    looks_like_name(text)
    read_line(text)


@given(lines=st.lists(st.text(ALPHABET, min_size=1, max_size=80), max_size=12))
def test_a_published_list_gives_a_row_for_every_line(lines):
    FUZZ_CASES["listes publiées"] += 1
    numbered = [(i, line.strip()) for i, line in enumerate(lines, 1) if line.strip()]
    rows = read_list(numbered)
    assert {int(r["ligne"]) for r in rows} == {i for i, _ in numbered}


# ------------------------------------------------------------------ end to end: rows once, no formula


@SMALL
@given(table=tables(), suffix=st.sampled_from([".csv", ".json", ".xlsx"]))
def test_verify_gives_every_row_once_and_no_formula(tmp_path_factory, sample_registry, table, suffix):
    FUZZ_CASES["verify de bout en bout"] += 1
    headers, rows = table
    folder = tmp_path_factory.mktemp("v")
    path = folder / f"s{suffix}"
    if suffix == ".csv":
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";").writerows([headers, *rows])
        path.write_text(buffer.getvalue(), "utf-8")
    elif suffix == ".json":
        path.write_text(json.dumps([dict(zip(headers, r, strict=True)) for r in rows]), "utf-8")
    else:
        safe = [[c.translate({i: None for i in range(32) if i not in (9, 10)}) for c in r] for r in [headers, *rows]]
        write_xlsx(path, {"Feuil1": table_rows(safe)})
    try:
        sig = read_signatures(path)
    except RneMatchError:
        return
    result = verify_table(sig, sample_registry).frame
    assert result.height == sig.frame.height and result["status"].null_count() == 0
    assert result["reason"].null_count() == 0
    if "id" in sig.frame.columns:
        assert result["id"].to_list() == sig.frame["id"].to_list()
    out = write_table(result, folder / "out.csv")
    back = pl.read_csv(out, separator=";", infer_schema=False)
    assert back.height == result.height
    cells = _cells_of(back)
    assert not [c for c in cells if pl.Series([c]).str.contains(FORMULA_START)[0]]
