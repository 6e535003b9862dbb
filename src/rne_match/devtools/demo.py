"""The README's main command: the whole job on an embedded default, end to end.

The real RNE is used when data.gouv.fr answers; otherwise a fictitious sample in the official
format. Either way the demo signatures are generated from that registry (with impostors and
homonyms), verified, and summarised, and every file written is listed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl

from .. import paths
from ..domain.mandates import ELIGIBLE_DEFAULT
from ..inputs import read_signatures
from ..matching.pipeline import split_results, verify_table
from ..registry.download import DownloadError, download_release
from ..registry.load import load_folder
from ..registry.view import load_registry
from ..reports.coverage import coverage_table, record_run
from ..reports.maps import coverage_map, outlines_for
from ..reports.outputs import write_table
from .generate import generate
from .sample import write_sample_release


def run_demo(offline: bool = False, size: int = 500, echo: Callable[[str], None] = print) -> dict[str, Path]:
    out_dir = paths.data_dir() / "processed" / "demo"
    out_dir.mkdir(parents=True, exist_ok=True)
    source = None
    if not offline:
        try:
            source, outcomes = download_release(paths.raw_dir(), timeout=15, attempts=2, backoff=0.5)
            if any(o.status in ("rejeté", "échec") for o in outcomes):
                echo("Certains fichiers du RNE n'ont pas pu être téléchargés : ils sont ignorés.")
            echo(f"RNE réel téléchargé depuis data.gouv.fr : {source}")
            db = paths.default_db()
        except DownloadError as exc:
            echo(str(exc))
    if source is None:
        source = write_sample_release(paths.raw_dir() / "echantillon")
        db = paths.data_dir() / "processed" / "rne-echantillon.duckdb"
        echo("→ Démonstration sur l'ÉCHANTILLON EMBARQUÉ (élu·es fictif·ves, format officiel 2026).")
    loaded = load_folder(source, db)
    echo(f"RNE chargé : {sum(loaded.rows_by_kind().values())} mandats, {loaded.rejected} rejet(s), "
         f"{loaded.seconds:.1f} s → {db}")
    registry = load_registry(db)
    labelled = generate(registry, size, seed=2023)
    sig_path = out_dir / "signatures-demo.csv"
    write_table(labelled.select("civilite", "nom", "prenom", "nom_complet", "mandat", "parti"), sig_path)
    table = read_signatures(sig_path)
    result = verify_table(table, registry)
    record_run(db, sig_path, result.frame, ELIGIBLE_DEFAULT, table.roles.get("parti"))
    verified, review = split_results(result.frame)
    files = {
        "signatures (entrée)": sig_path,
        "liste vérifiée": write_table(verified, out_dir / "verifies.csv"),
        "file de relecture": write_table(review, out_dir / "a-relire.csv"),
        "résultats complets": write_table(result.frame, out_dir / "resultats.xlsx"),
    }
    cov = coverage_table(result.frame, db, "departement")
    files["couverture par département"] = write_table(cov, out_dir / "couverture-departements.csv")
    by_party = coverage_table(result.frame, db, "parti")
    files["couverture par parti"] = write_table(by_party, out_dir / "couverture-partis.csv")
    outlines = outlines_for(None, paths.raw_dir() / "geo")
    files["carte"] = coverage_map(cov, "departement", out_dir / "carte-departements.png",
                                  "verifiees_pour_1000_elus", outlines)
    counts = result.counts()
    echo(f"\n{table.frame.height} signatures vérifiées en {result.seconds:.1f} s :")
    for status, n in counts.items():
        echo(f"  {status:<24} {n:>6}")
    signed = cov.filter(pl.col("signatures") > 0)
    echo(f"\nCouverture : {signed.height} départements sur {cov.height} ont au moins une signature "
         f"(rattachée par le RNE ou par le lieu déclaré) ; les 10 premiers :")
    top = signed.sort("verifiees", descending=True).head(10).select(
        pl.col("code"), pl.col("libelle").alias("département"), "signatures", "verifiees",
        pl.col("verifiees_pour_1000_elus").alias("pour 1000 élu·es"))
    parties = by_party.filter(pl.col("signatures") > 0).sort("signatures", descending=True).head(8).select(
        pl.col("libelle").alias("parti (normalisé)"), "signatures", "verifiees")
    with pl.Config(tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True, tbl_rows=20,
                   fmt_str_lengths=40, tbl_width_chars=100):
        echo(str(top))
        echo("\nPar parti :")
        echo(str(parties))
    echo("\nFichiers écrits :")
    for label, path in files.items():
        echo(f"  {label:<28} {path}")
    if outlines is None:
        echo("(carte en tuiles ; « rne-match coverage --map carte.png --geometry auto » dessine les "
             "vrais contours une fois téléchargés)")
    return files
