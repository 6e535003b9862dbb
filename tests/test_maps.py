"""Maps: every département drawn and named, a legend and a title, offline or with outlines."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from rne_match.cli import main
from rne_match.domain.territories import DEPARTEMENTS
from rne_match.reports.maps import MapError, cached_outlines, draw_map, read_outlines

from .conftest import SHARED, write

VALUES = {code: (i % 7) * 1.5 if i % 5 else None for i, code in enumerate(DEPARTEMENTS)}


def square(code: str, x: float, y: float) -> dict:
    ring = [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]
    return {"type": "Feature", "properties": {"code": code, "nom": code},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


def geojson(tmp_path, features) -> str:
    path = tmp_path / "deps.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path


def test_tile_map_svg_has_every_departement_with_its_value(tmp_path):
    svg = draw_map(VALUES, tmp_path / "c.svg", "Couverture test", "vérifié·es pour 1 000").read_text("utf-8")
    ids = set(re.findall(r'<g id="dep-(\w+)">', svg))
    assert ids == set(DEPARTEMENTS)
    assert "Paris (75) — vérifié·es pour 1 000 : " in svg
    assert "Mayotte (976)" in svg and "Corse-du-Sud (2A)" in svg


def test_map_has_title_legend_and_no_data_key(tmp_path):
    svg = draw_map(VALUES, tmp_path / "c.svg", "Couverture test", "vérifié·es pour 1 000").read_text("utf-8")
    assert "Couverture test" in svg
    assert "vérifié·es pour 1 000" in svg  # the colour bar label
    assert "sans donnée" in svg


def test_png_map_is_a_real_image(tmp_path):
    data = draw_map(VALUES, tmp_path / "c.png", "t", "m").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_html_map_is_self_contained_with_a_table_of_every_unit(tmp_path):
    page = draw_map(VALUES, tmp_path / "c.html", "Couverture test", "mesure").read_text("utf-8")
    assert "<svg" in page and "<script" not in page and "http" not in page.split("<svg", 1)[0]
    assert page.count("<tr><td>") == len(DEPARTEMENTS)


def test_unknown_map_format_is_refused(tmp_path):
    with pytest.raises(MapError, match="format"):
        draw_map(VALUES, tmp_path / "c.gif", "t", "m")


def test_outlines_are_drawn_and_missing_ones_still_appear(tmp_path):
    outlines = read_outlines(geojson(tmp_path, [square("01", 5, 46), square("34", 3, 43)]))
    svg = draw_map(VALUES, tmp_path / "c.svg", "t", "m", outlines).read_text("utf-8")
    assert set(re.findall(r'<g id="dep-(\w+)">', svg)) == set(DEPARTEMENTS)


def test_unreadable_outlines_name_the_file(tmp_path):
    bad = write(tmp_path / "bad.geojson", "{pas du json")
    with pytest.raises(MapError, match="bad.geojson"):
        read_outlines(bad)


@pytest.mark.real_data
def test_real_outlines_cover_all_101_departements():
    outlines = read_outlines(SHARED / "geo" / "departements-avec-outre-mer.geojson")
    assert {c for c in DEPARTEMENTS if len(c) == 2 or c in ("971", "972", "973", "974", "976")} <= set(outlines)


def test_outlines_are_downloaded_once_then_cached(tmp_path, httpserver):
    body = json.dumps({"type": "FeatureCollection", "features": [square("75", 2, 48)]})
    httpserver.expect_oneshot_request("/deps.geojson").respond_with_data(body, content_type="application/geo+json")
    path = cached_outlines(tmp_path / "geo", fetch=True, url=httpserver.url_for("/deps.geojson"))
    assert path is not None and "75" in read_outlines(path)
    again = cached_outlines(tmp_path / "geo", fetch=True, url=httpserver.url_for("/deps.geojson"))
    assert again == path  # the one-shot handler would have failed a second request
    assert len(httpserver.log) == 1


def test_a_downloaded_file_that_is_not_geojson_is_not_kept(tmp_path, httpserver):
    httpserver.expect_request("/deps.geojson").respond_with_data("<html>erreur</html>")
    with pytest.raises(MapError):
        cached_outlines(tmp_path / "geo", fetch=True, url=httpserver.url_for("/deps.geojson"))
    assert not (tmp_path / "geo" / "departements.geojson").exists()


def test_cli_writes_a_map_from_the_latest_run(tmp_path, sample_db):
    sigs = write(tmp_path / "s.csv", "nom;prénom;mandat\nDUPONT;Marie;maire\n")
    assert CliRunner().invoke(main, ["verify", str(sigs), "--db", str(sample_db), "-o",
                                     str(tmp_path / "o.csv")]).exit_code == 0
    out = tmp_path / "carte.svg"
    res = CliRunner().invoke(main, ["coverage", "--db", str(sample_db), "--map", str(out), "--mesure", "signatures"])
    assert res.exit_code == 0, res.output
    assert "Carte" in res.output and len(re.findall(r'<g id="dep-', out.read_text("utf-8"))) == len(DEPARTEMENTS)
