"""Loading is atomic and complete: every line is loaded or rejected, and failures keep the old base."""

from __future__ import annotations

import duckdb
import pytest

from rne_match.devtools.sample import write_sample_release
from rne_match.registry.formats import FormatError
from rne_match.registry.load import load_folder

from .conftest import write


def test_sample_release_loads_all_kinds_with_persons_and_releases(tmp_path):
    folder = write_sample_release(tmp_path / "raw")
    result = load_folder(folder, tmp_path / "rne.duckdb")
    assert set(result.rows_by_kind()) == {"cm", "mai", "cd", "cr", "sen"} and result.rejected == 0
    con = duckdb.connect(str(tmp_path / "rne.duckdb"), read_only=True)
    n_files = con.execute("SELECT count(*) FROM releases").fetchone()[0]
    # A mayor is in both the cm and mai files: one person, two mandates.
    two = con.execute("SELECT count(*) FROM persons WHERE list_contains(kinds, 'mai') AND n_mandats >= 2").fetchone()[0]
    con.close()
    assert n_files == 5 and two >= 25


def test_failed_load_leaves_previous_database_untouched(tmp_path):
    db = tmp_path / "rne.duckdb"
    load_folder(write_sample_release(tmp_path / "good"), db)
    before = db.read_bytes()
    write(tmp_path / "bad" / "x.csv", "pas;un;fichier\n1;2;3\n")
    with pytest.raises(FormatError):
        load_folder(tmp_path / "bad", db)
    assert db.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_empty_folder_is_an_error(tmp_path):
    (tmp_path / "vide").mkdir()
    with pytest.raises(FormatError, match="aucun fichier"):
        load_folder(tmp_path / "vide", tmp_path / "rne.duckdb")
