"""Maps of France by département, coloured by a coverage measure, drawn offline.

Without outlines the map is a tile-grid cartogram: one square per département, placed by an
assignment of département centroids to grid cells (computed once from the official outlines and
written below), so it needs nothing but matplotlib. With a GeoJSON of département outlines the true
shapes are drawn. Overseas départements and collectivités always sit in boxes on the left, since
at true scale and position they would be invisible or off the page.

SVG and HTML maps carry one group per département (`id="dep-75"`) with a tooltip naming it and
its value, so a reader can hover and a test can check that every unit is there.
"""

from __future__ import annotations

import html
import io
import json
import math
import re
from collections.abc import Iterable
from pathlib import Path

from ..domain.territories import DEPARTEMENTS
from ..errors import DownloadError, MapError
from ..files import atomic_write
from ..registry.download import DownloadStatus, Resource, download_resource, make_session
from .coverage import MEASURES

# Metropolitan tiles: code -> (column, row), row 0 at the top.
TILES: dict[str, tuple[int, int]] = {
    "76": (3, 0), "80": (4, 0), "62": (5, 0), "59": (6, 0), "08": (7, 0),
    "50": (1, 1), "14": (2, 1), "27": (3, 1), "95": (4, 1), "60": (5, 1), "93": (6, 1), "02": (7, 1),
    "55": (8, 1), "57": (9, 1),
    "22": (1, 2), "61": (2, 2), "78": (3, 2), "92": (4, 2), "75": (5, 2), "94": (6, 2), "51": (7, 2),
    "54": (8, 2), "67": (9, 2),
    "29": (0, 3), "35": (1, 3), "53": (2, 3), "72": (3, 3), "28": (4, 3), "91": (5, 3), "77": (6, 3),
    "10": (7, 3), "52": (8, 3), "88": (9, 3), "68": (10, 3),
    "56": (0, 4), "44": (1, 4), "49": (2, 4), "37": (3, 4), "41": (4, 4), "45": (5, 4), "89": (6, 4),
    "21": (7, 4), "70": (8, 4), "90": (9, 4),
    "85": (1, 5), "79": (2, 5), "86": (3, 5), "36": (4, 5), "18": (5, 5), "58": (6, 5), "71": (7, 5),
    "39": (8, 5), "25": (9, 5),
    "17": (1, 6), "16": (2, 6), "87": (3, 6), "23": (4, 6), "63": (5, 6), "03": (6, 6), "69": (7, 6),
    "01": (8, 6), "74": (9, 6),
    "33": (2, 7), "24": (3, 7), "19": (4, 7), "15": (5, 7), "43": (6, 7), "42": (7, 7), "38": (8, 7),
    "73": (9, 7),
    "40": (2, 8), "47": (3, 8), "46": (4, 8), "12": (5, 8), "48": (6, 8), "07": (7, 8), "26": (8, 8),
    "05": (9, 8),
    "64": (2, 9), "32": (3, 9), "82": (4, 9), "81": (5, 9), "30": (6, 9), "84": (7, 9), "04": (8, 9),
    "06": (9, 9),
    "65": (3, 10), "31": (4, 10), "11": (5, 10), "34": (6, 10), "13": (7, 10), "83": (8, 10), "2B": (10, 10),
    "09": (4, 11), "66": (5, 11), "2A": (10, 11),
}
OVERSEAS = [code for code in DEPARTEMENTS if code not in TILES]
NO_DATA = "#d9d9d9"
CMAP = "YlGnBu"
GEO_URL = ("https://raw.githubusercontent.com/gregoiredavid/france-geojson/master/"
           "departements-avec-outre-mer.geojson")
_COS = math.cos(math.radians(46.5))


def read_outlines(path: Path) -> dict[str, list[list[tuple[float, float]]]]:
    """Outer rings per département code from a GeoJSON FeatureCollection."""
    try:
        doc = json.loads(Path(path).read_text("utf-8"))
        features = doc["features"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise MapError(f"{path} : contours illisibles (GeoJSON attendu : {type(exc).__name__})") from exc
    out: dict[str, list[list[tuple[float, float]]]] = {}
    for feature in features:
        props = feature.get("properties") or {}
        code = next((str(props[k]) for k in ("code", "code_insee", "INSEE_DEP", "code_departement", "dep")
                     if props.get(k) is not None), None)
        geom = feature.get("geometry") or {}
        if code is None or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        out.setdefault(code.upper().zfill(2), []).extend(
            _thin([(x * _COS, y) for x, y, *_ in poly[0]]) for poly in polygons)
    if not out:
        raise MapError(f"{path} : aucun département trouvé (propriété « code » attendue)")
    return out


def _thin(ring: list[tuple[float, float]], step: float = 0.01) -> list[tuple[float, float]]:
    """Drop points closer than ~1 km to the last kept one: full-resolution outlines weigh
    megabytes and take seconds to draw, for no visible difference at map scale."""
    kept = [ring[0]]
    for x, y in ring[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= step:
            kept.append((x, y))
    return kept if len(kept) >= 3 else ring


TILE = 0.94  # side of a tile; the gap to the next one shows the grid
# Where the overseas boxes start and their size: tile units, or projected degrees with outlines.
_BOXES = {True: ((-3.4, -0.06), TILE), False: ((-7.3, 49.6), 1.1)}


def _overseas_box(i: int, tiles: bool) -> tuple[float, float]:
    """Lower-left corner of the i-th overseas box: two columns down the left side."""
    (x, y), size = _BOXES[tiles]
    col, row = i % 2, i // 2
    return x + col * size * 1.15, y - row * size * 1.15


def _square(x: float, y: float, size: float) -> list[list[tuple[float, float]]]:
    return [[(x, y), (x + size, y), (x + size, y + size), (x, y + size)]]


def _fit(rings: list[list[tuple[float, float]]], x0: float, y0: float, size: float) -> list[list[tuple[float, float]]]:
    xs = [x for r in rings for x, _ in r]
    ys = [y for r in rings for _, y in r]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    k = size * 0.85 / span
    dx = x0 + (size - (max(xs) - min(xs)) * k) / 2 - min(xs) * k
    dy = y0 + (size - (max(ys) - min(ys)) * k) / 2 - min(ys) * k
    return [[(x * k + dx, y * k + dy) for x, y in r] for r in rings]


def _shapes(outlines: dict | None) -> dict[str, tuple[list[list[tuple[float, float]]], tuple[float, float]]]:
    """Drawing rings and label position per code, in one coordinate space (y up)."""
    shapes = {}
    tiles = outlines is None
    size = _BOXES[tiles][1]
    if tiles:
        for code, (c, r) in TILES.items():
            shapes[code] = (_square(c, -r, TILE), (c + TILE / 2, -r + TILE / 2))
    else:
        for code in TILES:
            rings = outlines.get(code)
            if rings:
                big = max(rings, key=len)
                shapes[code] = (rings, (sum(x for x, _ in big) / len(big), sum(y for _, y in big) / len(big)))
    boxed = OVERSEAS + [code for code in TILES if code not in shapes]  # no outline: a box, never a gap
    for i, code in enumerate(boxed):
        x0, y0 = _overseas_box(i, tiles)
        rings = (outlines or {}).get(code)
        if rings:  # label under the drawn island, where it hides nothing
            shapes[code] = (_fit(rings, x0, y0, size), (x0 + size / 2, y0 - 0.05))
        else:
            shapes[code] = (_square(x0, y0, size), (x0 + size / 2, y0 + size / 2))
    return shapes


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}".replace(",", " ") if float(value).is_integer() else f"{value:.2f}".replace(".", ",")


def draw_map(values: dict[str, float | None], path: Path, title: str, measure: str,
             outlines: dict | None = None, note: str = "") -> Path:
    """Write a PNG, SVG or HTML map; the format follows the extension. Units without a value
    are grey and named in the legend, so a gap is never mistaken for a low value."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg", ".html", ".htm"):
        raise MapError(f"{path} : format de carte inconnu (.png, .svg ou .html)")
    # matplotlib takes a second to import: only when a map is drawn, not with every command.
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import Normalize
    from matplotlib.patches import Patch, Polygon

    shapes = _shapes(outlines)
    present = [v for v in values.values() if v is not None]
    norm = Normalize(vmin=0, vmax=max(present) if present and max(present) > 0 else 1)
    cmap = plt.get_cmap(CMAP)
    fig, ax = plt.subplots(figsize=(9, 8.5))
    tiles = outlines is None
    for code, (rings, (lx, ly)) in shapes.items():
        value = values.get(code)
        colour = NO_DATA if value is None else cmap(norm(value))
        for k, ring in enumerate(rings):
            patch = Polygon(ring, closed=True, facecolor=colour, edgecolor="white" if tiles else "#555555",
                            linewidth=0.8 if tiles else 0.3)
            patch.set_gid(f"dep-{code}" if k == 0 else f"dep-{code}-{k}")
            ax.add_patch(patch)
        if tiles or code in OVERSEAS or code not in (outlines or {}):
            dark = value is not None and norm(value) > 0.6
            ax.text(lx, ly, code, ha="center", va="center", fontsize=7 if tiles else 6,
                    color="white" if dark else "#222222")
    ax.autoscale_view()
    ax.set_aspect("equal")
    ax.axis("off")
    x0, y0 = _overseas_box(0, tiles)
    ax.text(x0, y0 + (1.25 if tiles else 1.4), "Outre-mer", fontsize=8, style="italic")
    ax.set_title(title, fontsize=13)
    mappable = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
    bar = fig.colorbar(mappable, ax=ax, shrink=0.55, pad=0.02)
    bar.set_label(measure)
    ax.legend(handles=[Patch(facecolor=NO_DATA, label="sans donnée")], loc="lower right", frameon=False,
              fontsize=8)
    if note:
        fig.text(0.01, 0.01, note, fontsize=7, color="#555555")
    try:
        with atomic_write(path) as tmp:
            if suffix == ".png":
                fig.savefig(tmp, format="png", dpi=150, bbox_inches="tight", metadata={"Title": title})
            else:
                buf = io.StringIO()
                fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Title": title})
                svg = _with_tooltips(buf.getvalue(), values, measure)
                tmp.write_text(svg if suffix == ".svg" else _html_page(svg, values, title, measure, note), "utf-8")
    finally:
        plt.close(fig)
    return path


def _label(code: str) -> str:
    return f"{DEPARTEMENTS[code][0]} ({code})" if code in DEPARTEMENTS else code


def _with_tooltips(svg: str, values: dict[str, float | None], measure: str) -> str:
    def add(match: re.Match) -> str:
        code = match.group(1)
        tip = html.escape(f"{_label(code)} — {measure} : {_fmt(values.get(code))}")
        return f"{match.group(0)}\n   <title>{tip}</title>"
    return re.sub(r'<g id="dep-(\w+)">', add, svg)


def _html_page(svg: str, values: dict[str, float | None], title: str, measure: str, note: str) -> str:
    svg = svg[svg.index("<svg"):]
    rows = "\n".join(f"<tr><td>{html.escape(_label(c))}</td><td>{_fmt(values.get(c))}</td></tr>"
                     for c in DEPARTEMENTS)
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;max-width:1000px;margin:1em auto}} svg{{max-width:100%;height:auto}}
table{{border-collapse:collapse}} td{{border-bottom:1px solid #ddd;padding:2px 8px}}</style></head>
<body><h1>{html.escape(title)}</h1>
<p>{html.escape(measure)} par département. Survolez un département pour lire sa valeur.
{html.escape(note)}</p>
{svg}
<table><tr><th>Département</th><th>{html.escape(measure)}</th></tr>
{rows}
</table></body></html>
"""


def values_by_departement(rows: Iterable[tuple[str, float | None]], level: str) -> dict[str, float | None]:
    """A région's value is painted on each of its départements."""
    rows = dict(rows)
    if level == "departement":
        return rows
    return {code: rows.get(region) for code, (_, region) in DEPARTEMENTS.items()}


def outlines_for(geometry: str | None, cache_dir: Path) -> Path | None:
    """The outlines to draw with: a given file, « auto » (cached, downloaded once), or whatever
    an earlier « auto » left in the cache; None means tiles."""
    if geometry and geometry != "auto":
        return Path(geometry)
    return cached_outlines(cache_dir, fetch=geometry == "auto")


def cached_outlines(cache_dir: Path, fetch: bool = False, url: str = GEO_URL,
                    timeout: float = 30) -> Path | None:
    """The outlines file kept under data/raw/geo, downloaded once when asked; None when absent
    and not fetched. A failed or unusable download leaves no file behind."""

    dest = cache_dir / "departements.geojson"
    if dest.exists() or not fetch:
        return dest if dest.exists() else None
    cache_dir.mkdir(parents=True, exist_ok=True)
    res = Resource(id="geo", title=dest.name, url=url, kind="geo", sha1=None, size=None, last_modified=None)
    outcome = download_resource(make_session(retries=1), res, cache_dir, timeout=timeout, attempts=2,
                                backoff=0.5)
    if outcome.status != DownloadStatus.DOWNLOADED:
        raise DownloadError(f"contours des départements non téléchargés ({url}) : {outcome.message}")
    try:
        read_outlines(dest)
    except MapError:
        dest.unlink(missing_ok=True)
        raise
    return dest


def coverage_map(table, level: str, path: Path, measure: str, outlines: Path | None = None) -> Path:
    """Map a coverage table (by département or région) on one of its measures."""
    values = values_by_departement(table.select("code", measure).iter_rows(), level)
    unit = "département" if level == "departement" else "région"
    return draw_map(values, path, f"Couverture de la pétition par {unit}", MEASURES[measure],
                    read_outlines(outlines) if outlines else None,
                    note="Source : RNE (ministère de l'Intérieur), vérification rne-match.")
