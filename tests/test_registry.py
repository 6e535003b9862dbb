"""The registry's match keys and the matcher's indexes are cached next to the base and rebuilt when
the base changes."""

from __future__ import annotations

import polars as pl

from rne_match.devtools.sample import write_sample_release
from rne_match.matching.pipeline import prepare_registry
from rne_match.registry.load import load_folder
from rne_match.registry.view import load_registry


def caches(db):
    return sorted(p for p in db.parent.glob(f".{db.name}.registry-*") if not p.name.endswith(".part"))


def test_second_load_reads_the_cache_and_gives_the_same_registry(tmp_path):
    db = tmp_path / "rne.duckdb"
    load_folder(write_sample_release(tmp_path / "raw"), db)
    first = load_registry(db)
    assert len(caches(db)) == 1
    second = load_registry(db)
    assert second.persons.equals(first.persons) and second.mandates.equals(first.mandates)


def test_a_new_load_makes_a_new_cache_and_drops_the_old(tmp_path):
    db = tmp_path / "rne.duckdb"
    load_folder(write_sample_release(tmp_path / "raw"), db)
    load_registry(db)
    old = caches(db)
    folder = write_sample_release(tmp_path / "raw2", seed=99)
    load_folder(folder, db)
    reg = load_registry(db)
    assert caches(db) != old and len(caches(db)) == 1
    assert reg.n_persons > 0


def test_damaged_cache_is_rebuilt(tmp_path):
    db = tmp_path / "rne.duckdb"
    load_folder(write_sample_release(tmp_path / "raw"), db)
    good = load_registry(db)
    (cache,) = caches(db)
    (cache / "persons.parquet").write_bytes(b"not parquet")
    again = load_registry(db)
    assert again.persons.equals(good.persons)


def test_matcher_indexes_built_at_load_are_read_back_by_the_next_process(tmp_path):
    db = tmp_path / "rne.duckdb"
    load_folder(write_sample_release(tmp_path / "raw"), db)
    built = load_registry(db)
    prepare_registry(built)
    names = sorted(p.stem for p in caches(db)[0].glob("*.parquet"))
    assert {"blocking_tok", "holders", "places"} <= set(names)

    def must_not_build(_reg):
        raise AssertionError("rebuilt although the cache holds it")

    reread = load_registry(db)
    assert reread.derived("holders", must_not_build).equals(built.derived("holders", must_not_build))


def test_a_damaged_index_is_rebuilt(tmp_path):
    db = tmp_path / "rne.duckdb"
    load_folder(write_sample_release(tmp_path / "raw"), db)
    prepare_registry(load_registry(db))
    (caches(db)[0] / "holders.parquet").write_bytes(b"not parquet")
    reread = load_registry(db)
    assert reread.derived("holders", lambda _reg: pl.DataFrame({"rebuilt": [1]})).columns == ["rebuilt"]


def test_a_change_to_the_code_that_derives_the_tables_makes_a_new_cache(tmp_path, monkeypatch):
    from rne_match.registry import view

    db = tmp_path / "rne.duckdb"
    load_folder(write_sample_release(tmp_path / "raw"), db)
    load_registry(db)
    before = caches(db)
    monkeypatch.setattr(view, "_code_fingerprint", lambda: "another version of the matcher")
    load_registry(db)
    assert caches(db) != before and len(caches(db)) == 1
