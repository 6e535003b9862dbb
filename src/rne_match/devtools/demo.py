"""The README's main command: the whole job on an embedded default, end to end.

The real RNE is used when data.gouv.fr answers; otherwise a fictitious sample in the official
format. Either way the demo signatures are generated from that registry (with impostors and
homonyms), verified, and summarised, and every file written is listed. Written over `api` only,
as an organiser's script would be.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl

from .. import api, paths


def run_demo(offline: bool = False, size: int = 500, echo: Callable[[str], None] = print) -> dict[str, Path]:
    out_dir = paths.data_dir() / "processed" / "demo"
    out_dir.mkdir(parents=True, exist_ok=True)
    source = None
    if not offline:
        try:
            downloaded = api.download(timeout=15, retries=2, backoff=0.5)
            source = downloaded.folder
            if downloaded.failed:
                echo("Certains fichiers du RNE n'ont pas pu être téléchargés : ils sont ignorés.")
            echo(f"RNE réel téléchargé depuis data.gouv.fr : {source}")
            db = paths.default_db()
        except api.DownloadError as exc:
            echo(str(exc))
    if source is None:
        source = api.sample_release(paths.raw_dir() / "echantillon")
        db = paths.sample_db()
        echo("→ Démonstration sur l'ÉCHANTILLON EMBARQUÉ (élu·es fictif·ves, format officiel 2026).")
    # The real RNE becomes the base later commands use; the fictitious sample never does.
    loaded = api.load(source, db, prepare_keys=False, progress=True, remember=db != paths.sample_db())
    echo(f"RNE chargé : {sum(loaded.rows_by_kind().values())} mandats, {loaded.rejected} rejet(s), "
         f"{loaded.seconds:.1f} s → {db}")
    registry = api.open_registry(db, progress=True)
    sig_path = api.write_table(api.demo_signatures(registry, size, seed=2023), out_dir / "signatures-demo.csv")
    done = api.verify_file(sig_path, db, output=out_dir / "resultats.xlsx", registry=registry)
    verified, review = api.split_results(done.frame)
    files = {
        "signatures (entrée)": sig_path,
        "liste vérifiée": api.write_table(verified, out_dir / "verifies.csv"),
        "file de relecture": api.write_table(review, out_dir / "a-relire.csv"),
        "résultats complets": done.output,
    }
    cov = api.coverage(db, level="departement", frame=done.frame)
    files["couverture par département"] = api.write_table(cov, out_dir / "couverture-departements.csv")
    by_party = api.coverage(db, level="parti", frame=done.frame)
    files["couverture par parti"] = api.write_table(by_party, out_dir / "couverture-partis.csv")
    files["carte"] = api.coverage_map(cov, "departement", out_dir / "carte-departements.png")
    counts = done.counts()
    echo(f"\n{done.table.frame.height} signatures vérifiées en {done.result.seconds:.1f} s :")
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
    if not api.has_outlines():
        echo("(carte en tuiles ; « rne-match coverage --map carte.png --geometry auto » dessine les "
             "vrais contours une fois téléchargés)")
    return files
