"""The registry's match keys are cached next to the base and rebuilt when the base changes."""

from __future__ import annotations

from rne_match.devtools.sample import write_sample_release
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
