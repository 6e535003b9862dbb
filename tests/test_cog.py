"""The territorial reference shipped in the package: what devtools/cog.py derives from the COG."""

from __future__ import annotations

import hashlib

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from rne_match.devtools import cog as cog_tool
from rne_match.domain.territories import DEPARTEMENTS, REGIONS, cog, cog_source, commune_of

from .conftest import SHARED

SOURCE = SHARED / "cog"


@pytest.mark.real_data
def test_the_shipped_table_is_what_the_source_gives():
    assert_frame_equal(cog(), cog_tool.build(SOURCE))


@pytest.mark.real_data
def test_the_recorded_provenance_is_the_source_read():
    meta = cog_source()
    assert (meta["package"], meta["version"], meta["cog"]) == ("@etalab/decoupage-administratif", "6.0.0", 2026)
    for name, digest in meta["sha256"].items():
        assert hashlib.sha256((SOURCE / name).read_bytes()).hexdigest() == digest


def test_every_commune_code_leads_to_one_current_commune():
    up = commune_of()
    current = set(cog().filter(pl.col("type") == "commune")["code"])
    assert up["code"].is_unique().all() and set(up["commune"]) <= current


def test_departements_and_regions_come_from_the_table():
    assert DEPARTEMENTS["972"] == ("Martinique", "02") and DEPARTEMENTS["2A"] == ("Corse-du-Sud", "94")
    assert len(DEPARTEMENTS) == 108 and "989" not in DEPARTEMENTS and REGIONS["84"] == "Auvergne-Rhône-Alpes"
