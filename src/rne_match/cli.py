"""Command line: a thin shell over `api`, in French for the people who use it.

Each command parses its options, calls one use case of `api` and prints the outcome. A
`RneMatchError` becomes « Erreur : … » on one line and exit code 1; Ctrl-C one line and exit code
130 (what was being written is removed, nothing is half replaced); any other exception is a bug
and keeps its traceback. The library is imported inside the commands so that `--help` is quick.
"""

from __future__ import annotations

import functools
import signal
import sys
import threading
from pathlib import Path

import click

from . import api
from .api import KIND_CODES, LEVELS, MEASURES, RneMatchError, Status


def _fail(message: str) -> None:
    click.echo(f"Erreur : {message}", err=True)
    sys.exit(1)


# What Ctrl-C stopped, per command (default: INTERRUPTED[None]).
INTERRUPTED = {
    None: "interrompu (Ctrl-C)",
    "load": "chargement interrompu (Ctrl-C) : la base précédente reste intacte",
}


def _user_errors(command):
    """Errors the user can act on end the command with one line; so does Ctrl-C (exit code 130);
    everything else propagates.

    Ctrl-C is recognised by a flag our SIGINT handler sets, not by the exception that reaches us:
    DuckDB turns the KeyboardInterrupt raised inside a query into « RuntimeError: Query
    interrupted »."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        pressed = threading.Event()

        def on_sigint(signum, frame):
            pressed.set()
            raise KeyboardInterrupt

        main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, on_sigint) if main_thread else None
        try:
            return command(*args, **kwargs)
        except RneMatchError as exc:
            if not pressed.is_set():
                _fail(str(exc))
            _interrupted(command.__name__)
        except BaseException:
            if not pressed.is_set():
                raise
            _interrupted(command.__name__)
        finally:
            if main_thread:  # a caller's own handler (pytest's, a notebook's) comes back
                signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
    return run


def _interrupted(name: str) -> None:
    click.echo(f"Erreur : {INTERRUPTED.get(name, INTERRUPTED[None])}", err=True)
    sys.exit(130)


HELP = {"help_option_names": ["-h", "--help"]}
DB_HELP = "Base DuckDB du RNE (défaut : la dernière chargée par « rne-match load »)."
STATUS_LABELS = {
    Status.VERIFIED: "vérifié·es (verified)",
    Status.VERIFIED_OTHER_MANDATE: "autre mandat (verified_other_mandate)",
    Status.NOT_ELIGIBLE: "hors périmètre (not_eligible)",
    Status.AMBIGUOUS: "homonymes (ambiguous)",
    Status.NOT_FOUND: "introuvables (not_found)",
    Status.INVALID: "invérifiables (invalid)",
}


@click.group(context_settings=HELP)
@click.version_option(package_name="rne-match", help="Afficher la version et quitter.",
                      message=f"%(prog)s %(version)s ; référentiel territorial : {api.territorial_reference()}")
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
def main() -> None:
    """Vérifier des signatures d'élu·es contre le Répertoire national des élus (RNE)."""


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.option("--only", "only", multiple=True, type=click.Choice(sorted(KIND_CODES)),
              help="Ne télécharger que ces fichiers (répétable : --only mai --only cm).")
@click.option("--dest", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Dossier des téléchargements (défaut : raw/ du dossier de données).")
@click.option("--api-url", default=None, help="Racine de l'API data.gouv.fr (tests, miroirs).")
@click.option("--timeout", default=60.0, show_default=True, help="Délai réseau en secondes.")
@click.option("--retries", default=3, show_default=True, help="Essais par fichier.")
@click.option("--backoff", default=1.0, show_default=True, help="Attente initiale entre essais (s).")
@_user_errors
def download(only: tuple[str, ...], dest: Path | None, api_url: str | None, timeout: float,
             retries: int, backoff: float) -> None:
    """Télécharger la dernière publication du RNE depuis data.gouv.fr."""
    result = api.download(dest, only=only, api_url=api_url, timeout=timeout, retries=retries,
                          backoff=backoff, progress=True)
    for o in result.outcomes:
        click.echo(f"{o.resource.kind:5} {o.status:11} {o.path.name}  {o.message}")
    click.echo(f"Publication : {result.folder}")
    if result.failed:
        _fail(f"{len(result.failed)} fichier(s) non téléchargé(s) ; les copies précédentes sont conservées")


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.option("--from", "source", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Dossier des fichiers du RNE (défaut : dernière publication téléchargée).")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Base DuckDB à produire (défaut : processed/rne.duckdb du dossier de données).")
@_user_errors
def load(source: Path | None, db: Path | None) -> None:
    """Charger les fichiers du RNE dans une base DuckDB (remplacée d'un bloc)."""
    try:
        from .progress import write

        result = api.load(source, db, progress=True, remember=True, on_file=lambda f: write(
            f"  {f.kind:5} {f.rows_loaded:>8} lignes  {f.rows_rejected:>4} rejets  "
            f"{f.path.name}  [{f.format}]" + (f"  ({'; '.join(f.notes)})" if f.notes else "")
        ))
    except api.FormatError as exc:
        _fail(f"{exc} (la base précédente reste inchangée)")
        return
    click.echo("Lignes par type : " + ", ".join(
        f"{k} {v:,}".replace(",", " ") for k, v in sorted(result.rows_by_kind().items())))
    if result.kept:
        click.echo("Conservé de la base précédente (lignes) : "
                   + ", ".join(f"{t} {n:,}".replace(",", " ") for t, n in result.kept.items()))
    click.echo(f"Rejets : {result.rejected} (table « rejects »)  —  "
               f"{result.seconds:.1f} s  —  base : {result.db_path}")
    click.echo(f"Clés d'appariement préparées (cache à côté de la base) : {result.keys_seconds:.1f} s")


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.argument("signatures", type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=DB_HELP)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Fichier de résultats (.csv, .xlsx, .parquet, .json, .jsonl). Défaut : <entrée>.verifie.csv")
@click.option("--columns", default=None,
              help="Rôles des colonnes, ex. « nom=Nom de famille,prenom=Prénom,mandat=Qualité ».")
@click.option("--eligible", default=None,
              help="Mandats retenus : municipal,departemental,regional (défaut) ou codes cm,mai,…")
@click.option("--split", is_flag=True,
              help="Écrire aussi <sortie>.verifies et <sortie>.a-relire (liste à publier, file de relecture).")
@click.option("--explain", is_flag=True,
              help="Ajouter une colonne « explication » : règle qui a trouvé la personne, poids de chaque champ.")
@click.option("--sheet", default=None,
              help="Feuille du classeur à lire (nom ou numéro). Défaut : les feuilles dont l'en-tête a une colonne de nom.")
@click.option("--limit", "limits", multiple=True, metavar="NOM=N",
              help="Relever une limite de lecture (répétable) : taille (octets décompressés), lignes, "
                   "colonnes, cellules (lignes × colonnes d'une feuille), cellule (caractères).")
@_user_errors
def verify(signatures: Path, db: Path | None, output: Path | None, columns: str | None,
           eligible: str | None, split: bool, explain: bool, sheet: str | None, limits: tuple[str, ...]) -> None:
    """Vérifier une liste de signatures (CSV, XLSX, JSON, liste en texte) ou une boîte de messages
    contre le RNE."""
    done = api.verify_file(signatures, db, output=output, columns=columns, eligible=eligible, split=split,
                           explain=explain, sheet=sheet, limits=limits, progress=True)
    click.echo(f"Base du RNE : {done.db}")
    for warning in done.table.warnings:
        click.echo(f"Attention : {warning}", err=True)
    if done.table.title_lines:
        first, last = done.table.title_lines[0], done.table.title_lines[-1]
        click.echo(f"Ligne{'s' if last > first else ''} {first}{f'–{last}' if last > first else ''} "
                   "au-dessus de l'en-tête : titre, pas des signatures (ignorée·s).")
    if done.run_id is not None:
        click.echo(f"Vérification enregistrée dans la base (run {done.run_id}).")
    counts = done.counts()
    click.echo(f"{done.table.frame.height} signatures vérifiées en {done.result.seconds:.1f} s")
    for status, label in STATUS_LABELS.items():
        click.echo(f"  {label:<38} {counts[status]:>6}")
    click.echo(f"Résultats : {done.output}")
    if split:
        click.echo(f"Liste vérifiée : {done.verified_path}")
        click.echo(f"File de relecture : {done.review_path}")
    if done.run_id is None:  # results written, but coverage and review would not see this run
        _fail(f"vérification non enregistrée dans la base ({done.record_error}) ; "
              f"résultats écrits dans {done.output} ; relancez pour l'enregistrer")


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.argument("inbox", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Fichier des signatures (.csv, .xlsx, .parquet, .json, .jsonl). Défaut : <boîte>.signatures.csv")
@_user_errors
def extract(inbox: Path, output: Path | None) -> None:
    """Lire une boîte de messages (mbox, Maildir, dossier de .eml, un .eml) et en tirer les signataires."""
    output = output or inbox.with_name(inbox.name.rstrip("/") + ".signatures.csv")
    done = api.extract_mailbox(inbox, output, progress=True)
    found = done.signers
    click.echo(f"{done.n_messages} messages lus : {found.height} signataire(s) trouvé·es, "
               f"{done.frame.height - found.height} message(s) sans signataire (raison dans « extraction_raison »).")
    low = found.filter(found["extraction_confidence"] < 0.7).height
    if low:
        click.echo(f"{low} signataire(s) à relire (confiance d'extraction < 0,7).")
    click.echo(f"Signatures : {done.output}")


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.option("--run", "run_id", default=None, help="Identifiant d'une vérification enregistrée.")
@click.argument("results", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--by", "level", type=click.Choice(list(LEVELS)),
              default="departement", show_default=True, help="Unité de regroupement.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None, help=DB_HELP)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Écrire le tableau (.csv, .xlsx, .parquet, .json, .md).")
@click.option("--map", "map_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Carte par département (.png, .svg, .html) ; avec --by departement ou region.")
@click.option("--mesure", "measure", type=click.Choice(list(MEASURES)), default="verifiees_pour_1000_elus",
              show_default=True, help="Valeur représentée sur la carte.")
@click.option("--geometry", default=None,
              help="Contours GeoJSON des départements, ou « auto » pour les télécharger une fois "
                   "(data/raw/geo). Sans contours : carte en tuiles.")
@click.option("--decisions", is_flag=True,
              help="Tenir compte de la relecture (review) : acceptées comptées vérifiées, rejetées et doublons non.")
@_user_errors
def coverage(run_id: str | None, results: Path | None, level: str, db: Path | None, output: Path | None,
             map_path: Path | None, measure: str, geometry: str | None, decisions: bool) -> None:
    """Couverture : signatures et vérifiées par unité, rapportées aux élu·es éligibles."""
    import polars as pl

    if map_path is not None and level not in ("departement", "region"):
        _fail("--map demande --by departement ou --by region")
        return
    if output:
        api.check_output(output, *([results] if results else []))
    db = db or api.current_db()
    frame = None
    if decisions:
        from .review.cli import reviewed_frame

        frame = reviewed_frame(db, results, run_id)
    table = api.coverage(db, level=level, results=results, run_id=run_id, frame=frame)
    click.echo(f"Base du RNE : {db}")
    shown = table.filter(pl.col("signatures") > 0) if output or level == "commune" else table
    if level == "parti":  # code and label are the same text
        shown = shown.drop("code")
    with pl.Config(tbl_rows=200, tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True,
                   tbl_width_chars=160, fmt_str_lengths=50):
        click.echo(shown)
    if output:
        api.write_table(table, output)
        click.echo(f"Tableau complet : {output}")
    if map_path is not None:
        click.echo(f"Carte : {api.coverage_map(table, level, map_path, measure, geometry)}")


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.argument("query")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@_user_errors
def sql(query: str, db: Path | None, fmt: str) -> None:
    """Exécuter une requête SQL en lecture seule sur la base."""
    import polars as pl

    frame = api.query(query, db)
    if fmt == "csv":  # lists as « a | b », structures as JSON, formulas neutralised, as in CSV files
        click.echo(api.csv_text(frame), nl=False)
    elif fmt == "json":
        click.echo(frame.write_json())
    else:
        with pl.Config(tbl_rows=100, tbl_cols=30, fmt_str_lengths=60):
            click.echo(frame)


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.option("--offline", is_flag=True, help="Ne pas tenter data.gouv.fr : échantillon embarqué.")
@click.option("--size", default=500, show_default=True, help="Nombre de signatures de démonstration.")
@_user_errors
def demo(offline: bool, size: int) -> None:
    """Démonstration complète : RNE (réel ou échantillon), signatures, vérification, couverture."""
    # The demo is a development tool written over `api` like this shell; it is not part of api.
    from .devtools.demo import run_demo

    run_demo(offline=offline, size=size, echo=click.echo)


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.argument("results", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--run", "run_id", default=None, help="Identifiant d'une vérification enregistrée (défaut : la dernière).")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=DB_HELP + " Les décisions y sont gardées.")
@click.option("--port", default=0, show_default="un port libre", help="Port d'écoute.")
@click.option("--host", default=None, help="Adresse d'écoute (défaut : 127.0.0.1 ; autre chose expose la page au réseau).")
@click.option("--reviewer", default=None, help="Votre nom, enregistré avec chaque décision.")
@_user_errors
def review(results: Path | None, run_id: str | None, db: Path | None, port: int, host: str | None,
           reviewer: str | None) -> None:
    """Relire la file de relecture dans une page web locale ; décisions gardées dans la base."""
    from .review.cli import run_review

    run_review(db or api.current_db(), results, run_id, port, host, reviewer, echo=click.echo)


@main.command()
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
@click.argument("results", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--run", "run_id", default=None, help="Identifiant d'une vérification enregistrée (défaut : la dernière).")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None, help=DB_HELP)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Liste finale (.xlsx ou .csv).")
@_user_errors
def export(results: Path | None, run_id: str | None, db: Path | None, output: Path) -> None:
    """Liste finale : vérifiées automatiquement + acceptées en relecture, sans rejets ni doublons."""
    from .review.cli import run_export

    run_export(db or api.current_db(), results, run_id, output, echo=click.echo)
