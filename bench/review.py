"""Review page speed: a synthetic 100,000-signature results file with 8,000 rows to review.

Measures (median of 20) the server time of a queue page (100 rows, with and without filters),
of a row page with its candidates, and the round trip of a decision (POST → 303 → next row)
through the real HTTP server, against a baseline measured in the same run: reading the results
file with polars. Runnable alone (`python bench/review.py`); uses the real 2026 release from
../shared when present (`--sample` forces the embedded sample), prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import polars as pl

from rne_match import api
from rne_match.review.app import ReviewApp, ReviewServer, serve_in_thread
from rne_match.review.store import Filters, ReviewSession, Target, read_results

ROOT = Path(__file__).resolve().parents[1]
RELEASE = ROOT.parent / "shared" / "rne" / "release-2026"
ROWS, TO_REVIEW, REPEAT = 100_000, 8_000, 20
REVIEW_STATUSES = ["verified_other_mandate", "ambiguous", "not_eligible", "not_found", "invalid"]


def median_ms(fn, n: int = REPEAT) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def synthetic_results(db: Path, path: Path) -> Path:
    rng = random.Random(7)
    persons = api.query("SELECT person_id, nom, prenom, sexe FROM persons ORDER BY person_id", db)
    mandates = api.query("""SELECT person_id, any_value(kind) AS kind, any_value(code_departement) AS dep,
                                   any_value(libelle_commune) AS commune FROM mandates GROUP BY ALL""", db)
    people = persons.join(mandates, on="person_id").rows(named=True)
    review_rows = set(rng.sample(range(ROWS), TO_REVIEW))
    parties = ["EELV", "PS", "LFI", "PCF", "sans étiquette", "Place publique", ""]
    rows = []
    for i in range(ROWS):
        p = people[rng.randrange(len(people))]
        status = rng.choice(REVIEW_STATUSES) if i in review_rows else "verified"
        identified = status in ("verified", "verified_other_mandate", "not_eligible")
        rows.append({
            "nom": p["nom"], "prenom": p["prenom"], "mandat": f"conseiller municipal de {p['commune'] or 'Paris'}",
            "parti": rng.choice(parties), "courriel": f"signataire{i}@example.org",
            "status": status, "confidence": str(round(rng.uniform(0.5, 1.0), 3)), "reason": "synthétique",
            "n_candidates": str(rng.randint(0, 4)), "duplicate_of": None,
            "rne_person_id": p["person_id"] if identified else None, "rne_nom": p["nom"] if identified else None,
            "rne_prenom": p["prenom"] if identified else None, "rne_sexe": p["sexe"] if identified else None,
            "rne_kind": p["kind"] if identified else None, "rne_fonction": None,
            "rne_code_departement": p["dep"] if identified else None, "rne_departement": None,
            "rne_code_commune": None, "rne_commune": p["commune"] if identified else None, "rne_territoire": None,
            "parti_normalise": "Non renseigné", "lieu_type": None, "lieu_code": None, "lieu": None,
            "lieu_departement": p["dep"], "lieu_note": None,
        })
    return api.write_table(pl.DataFrame(rows, infer_schema_length=None), path)


class Client:
    def __init__(self, server: ReviewServer):
        u = urlsplit(server.url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port)
        self.cookie = f"{server.cookie_name}={server.app.token}"
        self.csrf = server.app.csrf

    def request(self, method: str, path: str, body: dict | None = None) -> http.client.HTTPResponse:
        headers = {"Cookie": self.cookie}
        data = None
        if body is not None:
            data = urlencode({**body, "csrf": self.csrf})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, data, headers)
        resp = self.conn.getresponse()
        resp.read()
        return resp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", action="store_true", help="embedded sample even when ../shared exists")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = RELEASE if RELEASE.exists() and not args.sample else api.sample_release(tmp / "raw")
        print(f"Registre : {'publication 2026 réelle' if source == RELEASE else 'échantillon embarqué'}")
        db = tmp / "rne.duckdb"
        api.load(source, db, prepare_keys=False)
        results = synthetic_results(db, tmp / "resultats.csv")
        print(f"Résultats synthétiques : {ROWS} lignes, {TO_REVIEW} à relire ({results.stat().st_size / 1e6:.1f} Mo)")

        baseline = median_ms(lambda: pl.read_csv(results, separator=";", infer_schema=False), 5)
        start = time.perf_counter()
        session = ReviewSession.open(db, Target(results, "bench", str(results)))
        opened = time.perf_counter() - start
        app = ReviewApp(session, reviewer="bench")
        assert read_results(results).height == ROWS

        queue = median_ms(lambda: app.handle("GET", "/", {}, {}))
        filtered = median_ms(lambda: app.handle("GET", "/", {"statut": "not_found", "decide": "non", "q": "mar"}, {}))
        last_page = median_ms(lambda: app.handle("GET", "/", {"page": str(TO_REVIEW // 100)}, {}))
        doubtful = median_ms(lambda: app.handle("GET", "/", {"vue": "douteuses"}, {}))
        first_rows = [r["input_row"] for r in session.queue(Filters())["lignes"]]
        row_page = median_ms(lambda: app.handle("GET", f"/ligne/{first_rows[0]}", {}, {}))

        server = ReviewServer(app)
        serve_in_thread(server)
        client = Client(server)
        posts, trips = [], []
        for i in range(REPEAT):
            row = first_rows[i]
            start = time.perf_counter()
            resp = client.request("POST", f"/ligne/{row}/decision", {"action": "reject"})
            posts.append((time.perf_counter() - start) * 1000)
            assert resp.status == 303, resp.status
            client.request("GET", resp.getheader("Location"))
            trips.append((time.perf_counter() - start) * 1000)
        server.shutdown()
        post, trip = statistics.median(posts), statistics.median(trips)

        print(f"Lecture du fichier par polars (référence) : {baseline:.0f} ms")
        print(f"Ouverture de la relecture (une fois)       : {opened:.1f} s")
        for label, ms in (("page de la file (100 lignes)", queue), ("file filtrée (statut, décision, nom)", filtered),
                          ("dernière page de la file", last_page), ("vérifiées douteuses", doubtful),
                          ("page d'une ligne (candidat·es)", row_page), ("décision : POST → 303", post),
                          ("décision + ligne suivante", trip)):
            print(f"  {label:<38} {ms:7.1f} ms  ({ms / baseline:.2f} × la lecture polars)")
        ok = queue < 300 and trip < 100
        print(f"Objectifs (file < 300 ms, décision < 100 ms) : {'tenus' if ok else 'NON tenus'}")


if __name__ == "__main__":
    sys.exit(main())
