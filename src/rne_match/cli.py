"""Command line: a thin shell over the Python API, in French for the people who use it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import paths
from .kinds import KINDS


def _fail(message: str) -> None:
    click.echo(f"Erreur : {message}", err=True)
    sys.exit(1)


@click.group()
@click.version_option(package_name="rne-match")
def main() -> None:
    """Vérifier des signatures d'élu·es contre le Répertoire national des élus (RNE)."""


@main.command()
@click.option("--only", "only", multiple=True, type=click.Choice(sorted(KINDS)),
              help="Ne télécharger que ces fichiers (répétable : --only mai --only cm).")
@click.option("--dest", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Dossier des téléchargements (défaut : data/raw).")
@click.option("--api-url", default=None, help="Racine de l'API data.gouv.fr (tests, miroirs).")
@click.option("--timeout", default=60.0, show_default=True, help="Délai réseau en secondes.")
@click.option("--retries", default=3, show_default=True, help="Essais par fichier.")
@click.option("--backoff", default=1.0, show_default=True, help="Attente initiale entre essais (s).")
def download(only: tuple[str, ...], dest: Path | None, api_url: str | None, timeout: float,
             retries: int, backoff: float) -> None:
    """Télécharger la dernière publication du RNE depuis data.gouv.fr."""
    from .download import API_ROOT, DownloadError, download_release
    from .progress import download_bar

    try:
        folder, outcomes = download_release(
            dest or paths.raw_dir(), only=only or None, api_root=api_url or API_ROOT,
            timeout=timeout, attempts=retries, backoff=backoff, progress=download_bar,
        )
    except DownloadError as exc:
        _fail(str(exc))
        return
    for o in outcomes:
        click.echo(f"{o.resource.kind:5} {o.status:11} {o.path.name}  {o.message}")
    bad = [o for o in outcomes if o.status in ("rejeté", "échec")]
    click.echo(f"Publication : {folder}")
    if bad:
        _fail(f"{len(bad)} fichier(s) non téléchargé(s) ; les copies précédentes sont conservées")


@main.command()
@click.option("--from", "source", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Dossier des fichiers du RNE (défaut : dernière publication téléchargée).")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Base DuckDB à produire (défaut : data/processed/rne.duckdb).")
def load(source: Path | None, db: Path | None) -> None:
    """Charger les fichiers du RNE dans une base DuckDB (remplacée d'un bloc)."""
    from .download import latest_release
    from .formats import FormatError
    from .load import load_folder

    if source is None:
        source = latest_release(paths.raw_dir())
        if source is None:
            _fail("aucune publication téléchargée : lancez d'abord « rne-match download » "
                  "ou indiquez --from DOSSIER")
            return
    db = db or paths.default_db()
    try:
        result = load_folder(
            source, db,
            on_file=lambda f: click.echo(
                f"  {f.kind:5} {f.rows_loaded:>8} lignes  {f.rows_rejected:>4} rejets  "
                f"{f.path.name}  [{f.format}]" + (f"  ({'; '.join(f.notes)})" if f.notes else "")
            ),
        )
    except FormatError as exc:
        _fail(f"{exc} (la base précédente reste inchangée)")
        return
    click.echo("Lignes par type : " + ", ".join(
        f"{k} {v:,}".replace(",", " ") for k, v in sorted(result.rows_by_kind().items())))
    click.echo(f"Rejets : {result.rejected} (table « rejects »)  —  "
               f"{result.seconds:.1f} s  —  base : {result.db_path}")
