"""What the `review` and `export` commands do, kept here so that cli.py only declares them.
Errors the user can act on are `ReviewError`s (an `RneMatchError`: one line, exit code 1)."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from pathlib import Path

from .store import Filters, ReviewError, ReviewSession, find_target


def _session(db: Path, results: Path | None, run_id: str | None, load_registry: bool) -> ReviewSession:
    if results is not None and run_id is not None:
        raise ReviewError("indiquez soit un fichier de résultats, soit --run, pas les deux")
    return ReviewSession.open(db, find_target(db, results, run_id), load_registry=load_registry)


def run_review(db: Path, results: Path | None, run_id: str | None, port: int, host: str | None,
               reviewer: str | None, echo: Callable[..., None]) -> None:
    from .app import LOCAL_HOSTS, ReviewApp, ReviewServer

    bind = host or "127.0.0.1"
    if host is not None and host not in LOCAL_HOSTS:
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            echo(f"Attention : --host {host} rend la page de relecture (noms, décisions) accessible depuis "
                 "le réseau ; seule l'adresse avec le jeton y donne accès.", err=True)
    session = _session(db, results, run_id, load_registry=True)
    try:
        server = ReviewServer(ReviewApp(session, reviewer=reviewer), bind, port)
    except OSError as exc:
        raise ReviewError(f"impossible d'écouter sur {bind}:{port} ({exc.strerror or exc})") from exc
    q = session.queue(Filters())
    echo(f"Relecture de {session.target.results} (vérification {session.target.run_id}) : "
         f"{q['decided']} / {q['to_review']} décidées.")
    echo("Ouvrez cette adresse dans votre navigateur (Ctrl-C pour arrêter) :")
    echo(f"    {server.url}")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    echo("Relecture arrêtée ; les décisions sont dans la base.")


def run_export(db: Path, results: Path | None, run_id: str | None, output: Path,
               echo: Callable[..., None]) -> None:
    from .export import export_list

    summary = export_list(_session(db, results, run_id, load_registry=False), output)
    out = summary.left_out
    echo(f"{summary.frame.height} signataires dans la liste : {summary.automatic} vérifié·es automatiquement, "
         f"{summary.accepted} accepté·es en relecture.")
    echo("Écartées : " + ", ".join(f"{k} {v}" for k, v in out.items() if v) if any(out.values())
         else "Aucune ligne écartée.")
    echo(f"Liste finale : {output}")


def reviewed_frame(db: Path, results: Path | None, run_id: str | None):
    """The results of a run with its review applied (see export.reviewed_results)."""
    from .export import reviewed_results

    return reviewed_results(_session(db, results, run_id, load_registry=False))
