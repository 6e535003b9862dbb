"""Command line: a thin shell over the Python API, in French for the people who use it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import paths
from .domain.kinds import KINDS
from .reports.coverage import MEASURES


def _fail(message: str) -> None:
    click.echo(f"Erreur : {message}", err=True)
    sys.exit(1)


HELP = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=HELP)
@click.version_option(package_name="rne-match", help="Afficher la version et quitter.")
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
def main() -> None:
    """Vérifier des signatures d'élu·es contre le Répertoire national des élus (RNE)."""


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
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
    from .progress import download_bar
    from .registry.download import API_ROOT, DownloadError, download_release

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
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.option("--from", "source", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Dossier des fichiers du RNE (défaut : dernière publication téléchargée).")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Base DuckDB à produire (défaut : data/processed/rne.duckdb).")
def load(source: Path | None, db: Path | None) -> None:
    """Charger les fichiers du RNE dans une base DuckDB (remplacée d'un bloc)."""
    from .registry.download import latest_release
    from .registry.formats import FormatError
    from .registry.load import load_folder

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
    # Match keys are derived once here rather than on the first `verify`.
    import time

    from .registry.view import load_registry

    start = time.perf_counter()
    load_registry(result.db_path)
    click.echo(f"Clés d'appariement préparées (cache à côté de la base) : {time.perf_counter() - start:.1f} s")


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.argument("signatures", type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Base DuckDB du RNE (défaut : data/processed/rne.duckdb).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Fichier de résultats (.csv, .xlsx, .json, .jsonl). Défaut : <entrée>.verifie.csv")
@click.option("--columns", default=None,
              help="Rôles des colonnes, ex. « nom=Nom de famille,prenom=Prénom,mandat=Qualité ».")
@click.option("--eligible", default=None,
              help="Mandats retenus : municipal,departemental,regional (défaut) ou codes cm,mai,…")
@click.option("--split", is_flag=True,
              help="Écrire aussi <sortie>.verifies et <sortie>.a-relire (liste à publier, file de relecture).")
def verify(signatures: Path, db: Path | None, output: Path | None, columns: str | None,
           eligible: str | None, split: bool) -> None:
    """Vérifier une liste de signatures (CSV, XLSX, JSON, liste en texte) ou une boîte de messages
    contre le RNE."""
    from .domain.mandates import parse_policy
    from .inputs import InputError, parse_columns_option, read_signatures
    from .matching.pipeline import verify_table
    from .matching.weights import MatchOptions
    from .registry.view import load_registry
    from .reports.coverage import record_run
    from .reports.outputs import write_table

    try:
        policy = parse_policy(eligible)
        table = read_signatures(signatures, parse_columns_option(columns))
    except (InputError, ValueError) as exc:
        _fail(str(exc))
        return
    if table.title_lines:
        first, last = table.title_lines[0], table.title_lines[-1]
        click.echo(f"Ligne{'s' if last > first else ''} {first}{f'–{last}' if last > first else ''} "
                   "au-dessus de l'en-tête : titre, pas des signatures (ignorée·s).")
    try:
        registry = load_registry(db or paths.default_db())
    except FileNotFoundError as exc:
        _fail(str(exc))
        return
    result = verify_table(table, registry, MatchOptions(eligible=policy))
    try:
        run_id = record_run(db or paths.default_db(), signatures, result.frame, policy,
                            table.roles.get("parti"))
        click.echo(f"Vérification enregistrée dans la base (run {run_id}).")
    except Exception as exc:  # a locked or read-only base must not lose the results
        click.echo(f"Attention : vérification non enregistrée dans la base ({exc}).", err=True)
    output = output or signatures.with_name(
        (signatures.name if signatures.is_dir() else signatures.stem) + ".verifie.csv")
    write_table(result.frame, output)
    counts = result.counts()
    click.echo(f"{table.frame.height} signatures vérifiées en {result.seconds:.1f} s")
    for status, label in STATUS_LABELS.items():
        click.echo(f"  {label:<38} {counts[status]:>6}")
    click.echo(f"Résultats : {output}")
    if split:
        from .matching.pipeline import split_results

        verified, review = split_results(result.frame)
        click.echo(f"Liste vérifiée : {write_table(verified, output.with_name(output.stem + '.verifies' + output.suffix))}")
        click.echo(f"File de relecture : {write_table(review, output.with_name(output.stem + '.a-relire' + output.suffix))}")


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.argument("inbox", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Fichier des signatures (.csv, .xlsx, .json, .jsonl). Défaut : <boîte>.signatures.csv")
def extract(inbox: Path, output: Path | None) -> None:
    """Lire une boîte de messages (mbox, Maildir, dossier de .eml, un .eml) et en tirer les signataires."""
    from .inputs.mail.extract import extract_mailbox
    from .reports.outputs import write_table

    frame = extract_mailbox(inbox)
    if frame.is_empty():
        _fail(f"{inbox} : aucun message trouvé")
        return
    output = output or inbox.with_name(inbox.name.rstrip("/") + ".signatures.csv")
    write_table(frame, output)
    found = frame.filter(frame["extraction_statut"] == "signataire")
    n_messages = frame["source"].n_unique()
    click.echo(f"{n_messages} messages lus : {found.height} signataire(s) trouvé·es, "
               f"{frame.height - found.height} message(s) sans signataire (raison dans « extraction_raison »).")
    low = found.filter(found["extraction_confidence"] < 0.7).height
    if low:
        click.echo(f"{low} signataire(s) à relire (confiance d'extraction < 0,7).")
    click.echo(f"Signatures : {output}")


STATUS_LABELS = {
    "verified": "vérifié·es (verified)",
    "verified_other_mandate": "autre mandat (verified_other_mandate)",
    "not_eligible": "hors périmètre (not_eligible)",
    "ambiguous": "homonymes (ambiguous)",
    "not_found": "introuvables (not_found)",
    "invalid": "invérifiables (invalid)",
}


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.option("--run", "run_id", default=None, help="Identifiant d'une vérification enregistrée.")
@click.argument("results", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--by", "level", type=click.Choice(["departement", "region", "commune", "kind", "parti"]),
              default="departement", show_default=True, help="Unité de regroupement.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Écrire le tableau (.csv, .json, .md, .xlsx).")
@click.option("--map", "map_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Carte par département (.png, .svg, .html) ; avec --by departement ou region.")
@click.option("--mesure", "measure", type=click.Choice(list(MEASURES)), default="verifiees_pour_1000_elus",
              show_default=True, help="Valeur représentée sur la carte.")
@click.option("--geometry", default=None,
              help="Contours GeoJSON des départements, ou « auto » pour les télécharger une fois "
                   "(data/raw/geo). Sans contours : carte en tuiles.")
def coverage(run_id: str | None, results: Path | None, level: str, db: Path | None, output: Path | None,
             map_path: Path | None, measure: str, geometry: str | None) -> None:
    """Couverture : signatures et vérifiées par unité, rapportées aux élu·es éligibles."""
    import polars as pl

    from .registry.download import DownloadError
    from .reports.coverage import CoverageError, coverage_table, load_results
    from .reports.maps import MapError, coverage_map, outlines_for
    from .reports.outputs import write_table

    db = db or paths.default_db()
    if map_path is not None and level not in ("departement", "region"):
        _fail("--map demande --by departement ou --by region")
        return
    try:
        frame = load_results(db, results, run_id)
        table = coverage_table(frame, db, level)
    except CoverageError as exc:
        _fail(str(exc))
        return
    shown = table.filter(pl.col("signatures") > 0) if output or level == "commune" else table
    if level == "parti":  # code and label are the same text
        shown = shown.drop("code")
    with pl.Config(tbl_rows=200, tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True,
                   tbl_width_chars=160, fmt_str_lengths=50):
        click.echo(shown)
    if output:
        write_table(table, output)
        click.echo(f"Tableau complet : {output}")
    if map_path is not None:
        try:
            written = coverage_map(table, level, map_path, measure, outlines_for(geometry, paths.raw_dir() / "geo"))
        except (MapError, DownloadError) as exc:
            _fail(str(exc))
            return
        click.echo(f"Carte : {written}")


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.argument("query")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def sql(query: str, db: Path | None, fmt: str) -> None:
    """Exécuter une requête SQL en lecture seule sur la base."""
    import duckdb
    import polars as pl

    db = db or paths.default_db()
    if not db.exists():
        _fail(f"{db} : base absente ; lancez « rne-match load »")
        return
    con = duckdb.connect(str(db), read_only=True)
    try:
        frame = con.sql(query).pl()
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        if "read-only" in msg:
            msg = "la commande sql est en lecture seule (SELECT, WITH, DESCRIBE…)"
        _fail(msg)
        return
    finally:
        con.close()
    if fmt == "csv":  # CSV has no lists: « a | b », structures as JSON
        flat = [pl.col(c).list.eval(pl.element().cast(pl.String)).list.join(" | ") if isinstance(t, pl.List)
                else pl.col(c).struct.json_encode() if isinstance(t, pl.Struct) else pl.col(c)
                for c, t in frame.schema.items()]
        click.echo(frame.select(flat).write_csv(), nl=False)
    elif fmt == "json":
        click.echo(frame.write_json())
    else:
        with pl.Config(tbl_rows=100, tbl_cols=30, fmt_str_lengths=60):
            click.echo(frame)


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.option("--offline", is_flag=True, help="Ne pas tenter data.gouv.fr : échantillon embarqué.")
@click.option("--size", default=500, show_default=True, help="Nombre de signatures de démonstration.")
def demo(offline: bool, size: int) -> None:
    """Démonstration complète : RNE (réel ou échantillon), signatures, vérification, couverture."""
    from .devtools.demo import run_demo

    run_demo(offline=offline, size=size, echo=click.echo)
