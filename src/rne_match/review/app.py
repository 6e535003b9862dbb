"""The local review web app: the standard library's threaded HTTP server, Jinja2 templates.

Signer text comes from strangers, so: every template is autoescaped; no inline script or style, and
a Content-Security-Policy that forbids them and anything not served here; every request needs the
access token printed at start (kept in a same-site cookie after the first request); every POST
carries a CSRF token; the server listens on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import hmac
import secrets
import tempfile
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import jinja2

from .store import ACTIONS, PAGE_SIZE, STATUS_LABELS, Filters, ReviewError, ReviewSession

HERE = Path(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
ACTION_LABELS = {"accept": "acceptée", "reject": "rejetée", "duplicate": "doublon", "contact": "à recontacter",
                 "undo": "annulation"}
KIND_SHORT = {"cm": "conseil municipal", "mai": "maire", "ca": "conseil d'arrondissement",
              "cd": "conseil départemental", "cr": "conseil régional", "ma": "assemblée territoriale",
              "epci": "intercommunalité", "dep": "député·e", "sen": "sénateur·rice", "rpe": "député·e européen·ne",
              "cons": "conseil consulaire", "afe": "AFE"}
MAX_BODY = 64 * 1024


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["date"] = lambda d: d.strftime("%d/%m/%Y") if d else ""
    env.filters["datetime"] = lambda d: d.strftime("%d/%m/%Y %H:%M") if d else ""
    env.filters["pct"] = lambda x: "" if x is None else f"{x:.2f}".replace(".", ",")
    env.globals.update(STATUS_LABELS=STATUS_LABELS, ACTION_LABELS=ACTION_LABELS, KIND_SHORT=KIND_SHORT)
    return env


class ReviewApp:
    """Routes and pages; the HTTP layer (`Handler`) only parses and answers."""

    def __init__(self, session: ReviewSession, reviewer: str | None = None, token: str | None = None):
        self.session = session
        self.reviewer = reviewer
        self.token = token or secrets.token_urlsafe(24)
        self.csrf = secrets.token_urlsafe(24)
        self.env = _environment()
        self.static = {p.name: p for p in (HERE / "static").iterdir() if p.is_file()}
        self.export_lock = threading.Lock()

    # Every page handler returns (status, headers, body).
    def render(self, name: str, **ctx) -> tuple[int, dict, bytes]:
        body = self.env.get_template(name).render(csrf=self.csrf, reviewer=self.reviewer,
                                                  target=self.session.target, **ctx)
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode("utf-8")

    def queue_page(self, query: dict[str, str]) -> tuple[int, dict, bytes]:
        f = Filters.from_query(query)
        q = self.session.queue(f)
        f.page = q["page"]
        return self.render("queue.html", f=f, q=q, page_size=PAGE_SIZE, deps=self.session.deps,
                           parties=self.session.parties, link=lambda **kw: "?" + urlencode(f.params(**kw)),
                           row_link=lambda n: f"/ligne/{n}" + _qs(f.params()))

    def row_page(self, n: int, query: dict[str, str], error: str | None = None) -> tuple[int, dict, bytes]:
        f = Filters.from_query(query)
        data = self.session.row(n)
        prev, nxt, pos = self.session.neighbours(n, f)
        hist = self.session.history(data["rec"]["row_key"])
        keep = f.params()
        return self.render("row.html", f=f, n=n, data=data, prev=prev, next=nxt, pos=pos, history=hist,
                           keep=keep, qs=_qs(keep), error=error, total_rows=self.session.frame.height)

    def decide(self, n: int, form: dict[str, str]) -> tuple[int, dict, bytes]:
        action = form.get("action", "")
        if action not in ACTIONS:
            return _text(400, "Action inconnue.")
        keep = {k: form[k] for k in ("vue", "statut", "dep", "parti", "decide", "q", "page") if form.get(k)}
        f = Filters.from_query(keep)
        _, nxt, _ = self.session.neighbours(n, f, next_only=True)  # before deciding: the row may leave the filtered queue
        dup = form.get("duplicate_of", "").strip()
        try:
            self.session.decide(
                n, action, person_id=form.get("person_id") or None,
                duplicate_of=int(dup) if dup.isdigit() else (None if not dup else -1),
                note=form.get("note"), reviewer=self.reviewer)
        except ReviewError as exc:
            return self.row_page(n, keep, error=str(exc))
        target = n if action == "undo" or nxt is None else nxt
        return 303, {"Location": f"/ligne/{target}" + _qs(keep)}, b""

    def export(self, fmt: str) -> tuple[int, dict, bytes]:
        from .export import export_list

        suffix = ".xlsx" if fmt == "xlsx" else ".csv"
        with self.export_lock, tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"liste{suffix}"
            export_list(self.session, path)
            body = path.read_bytes()
        ctype = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if suffix == ".xlsx"
                 else "text/csv; charset=utf-8")
        return 200, {"Content-Type": ctype,
                     "Content-Disposition": f'attachment; filename="liste-finale{suffix}"'}, body

    def handle(self, method: str, path: str, query: dict[str, str], form: dict[str, str]) -> tuple[int, dict, bytes]:
        if method == "GET":
            if path == "/":
                return self.queue_page(query)
            if path.startswith("/ligne/") and path[7:].isdigit():
                return self.row_page(int(path[7:]), query)
            if path.startswith("/static/") and path[8:] in self.static:
                return self._static(path[8:])
            if path in ("/export.csv", "/export.xlsx"):
                return self.export(path.rsplit(".", 1)[1])
            return _text(404, "Page introuvable.")
        if method == "POST":
            if not hmac.compare_digest(form.get("csrf", ""), self.csrf):
                return _text(403, "Jeton de formulaire (CSRF) absent ou invalide : rechargez la page.")
            parts = path.strip("/").split("/")
            if len(parts) == 3 and parts[0] == "ligne" and parts[1].isdigit() and parts[2] == "decision":
                return self.decide(int(parts[1]), form)
            return _text(404, "Page introuvable.")
        return _text(405, "Méthode non permise.")

    def _static(self, name: str) -> tuple[int, dict, bytes]:
        types = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".png": "image/png", ".svg": "image/svg+xml"}
        path = self.static[name]
        return 200, {"Content-Type": types.get(path.suffix, "application/octet-stream"),
                     "Cache-Control": "private, max-age=3600"}, path.read_bytes()


def _qs(params: dict[str, str]) -> str:
    return ("?" + urlencode(params)) if params else ""


def _text(status: int, message: str) -> tuple[int, dict, bytes]:
    body = (f"<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>{status}</title>"
            f"<p>{message}</p></html>")
    return status, {"Content-Type": "text/html; charset=utf-8"}, body.encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "rne-match-review"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once: no 40 ms delayed-ACK stall

    def log_message(self, format, *args):  # noqa: A002 - quiet: the terminal shows the URL only
        pass

    def _send(self, status: int, headers: dict, body: bytes, cookie: str | None = None) -> None:
        self.send_response(status)
        base = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY",
                "Cross-Origin-Opener-Policy": "same-origin", "Cache-Control": "no-store",
                "Content-Length": str(len(body))}
        for k, v in {**base, **headers}.items():
            self.send_header(k, v)
        if cookie:
            self.send_header("Set-Cookie", cookie)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _authorised(self, query: dict[str, str]) -> tuple[bool, bool]:
        """(allowed, token given in the URL)."""
        app = self.server.app
        if "token" in query and hmac.compare_digest(query["token"], app.token):
            return True, True
        for part in (self.headers.get("Cookie") or "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == self.server.cookie_name and hmac.compare_digest(value, app.token):
                return True, False
        return False, False

    def _dispatch(self, method: str) -> None:
        started = time.perf_counter()
        url = urlsplit(self.path)
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]")
        if self.server.local_only and host not in LOCAL_HOSTS:
            self._send(*_text(403, "Hôte refusé."))
            return
        allowed, in_url = self._authorised(query)
        if not allowed:
            self._send(*_text(403, "Accès refusé : ouvrez l'adresse complète affichée par « rne-match review » "
                                   "(avec ?token=…)."))
            return
        cookie = (f"{self.server.cookie_name}={self.server.app.token}; HttpOnly; SameSite=Strict; Path=/"
                  if in_url else None)
        if in_url and method == "GET":  # keep the token out of the address bar and history
            rest = {k: v for k, v in query.items() if k != "token"}
            self._send(303, {"Location": url.path + _qs(rest)}, b"", cookie)
            return
        form: dict[str, str] = {}
        if method == "POST":
            origin = self.headers.get("Origin")
            if origin and urlsplit(origin).netloc != self.headers.get("Host"):
                self._send(*_text(403, "Origine refusée."))
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._send(*_text(413, "Formulaire trop volumineux."))
                return
            form = dict(parse_qsl(self.rfile.read(length).decode("utf-8", "replace"), keep_blank_values=True))
        try:
            status, headers, body = self.server.app.handle(method, url.path, query, form)
        except ReviewError as exc:
            status, headers, body = _text(404 if "inexistante" in str(exc) else 409, str(exc))
        except Exception:  # a bug must answer 500, not drop the connection
            traceback.print_exc()
            status, headers, body = _text(500, "Erreur interne : voir le terminal de « rne-match review ».")
        headers = {**headers, "Server-Timing": f"app;dur={(time.perf_counter() - started) * 1000:.1f}"}
        self._send(status, headers, body, cookie)

    def do_GET(self):  # noqa: N802
        self._dispatch("GET")

    def do_HEAD(self):  # noqa: N802
        self._dispatch("GET")

    def do_POST(self):  # noqa: N802
        self._dispatch("POST")


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, app: ReviewApp, host: str = "127.0.0.1", port: int = 0):
        self.app = app
        self.local_only = host in LOCAL_HOSTS
        super().__init__((host, port), Handler)
        self.cookie_name = f"rne_review_{self.server_address[1]}"

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else (f"[{host}]" if ":" in host else host)
        return f"http://{shown}:{port}/?token={self.app.token}"


def serve_in_thread(server: ReviewServer) -> threading.Thread:
    """For tests and the bench: serve in the background; `server.shutdown()` stops it."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
