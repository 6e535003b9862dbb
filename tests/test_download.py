"""`download` against a real HTTP server on 127.0.0.1 serving an API document shaped like data.gouv.fr's."""

from __future__ import annotations

import hashlib
import json
import socket

import pytest
from click.testing import CliRunner
from werkzeug import Response

from rne_match.cli import main
from rne_match.registry.download import DownloadError, download_release, parse_resources

from .conftest import SHARED

MAIRES = "Nom de l'élu;Prénom de l'élu\nDUPONT;Marie\n".encode()
SEN = "Nom de l'élu;Prénom de l'élu\nMARTIN;Paul\n".encode()
PATH = "/api/1/datasets/repertoire-national-des-elus-1/"


def resource(server, rid, title, body, sha1=None, stale_checksum=False):
    digest = sha1 or hashlib.sha1(body).hexdigest()
    return {
        "id": rid, "title": title, "type": "main", "url": server.url_for(f"/files/{rid}"),
        "checksum": {"type": "sha1", "value": "0" * 40 if stale_checksum else digest},
        "extras": {"analysis:checksum": digest, "analysis:content-length": len(body)},
        "filesize": len(body), "last_modified": "2026-04-24T10:00:00+00:00",
    }


def serve(server, resources, bodies):
    server.expect_request(PATH).respond_with_json({"resources": resources})
    for rid, body in bodies.items():
        server.expect_request(f"/files/{rid}").respond_with_data(body, content_type="text/csv")


def run(server, tmp_path, **kw):
    return download_release(tmp_path / "raw", api_root=server.url_for("/api/1"), backoff=0, **kw)


def test_happy_path_writes_files_and_manifest(httpserver, tmp_path):
    res = [resource(httpserver, "a1", "elus-maires-mai.csv", MAIRES, stale_checksum=True),
           resource(httpserver, "b2", "elus-senateurs-sen.csv", SEN)]
    serve(httpserver, res, {"a1": MAIRES, "b2": SEN})
    folder, outcomes = run(httpserver, tmp_path)
    assert folder.name == "2026-04-24"
    assert {o.status for o in outcomes} == {"téléchargé"}
    assert (folder / "elus-maires-mai.csv").read_bytes() == MAIRES
    manifest = json.loads((folder / "manifest.json").read_text())["files"]
    assert {e["kind"] for e in manifest} == {"mai", "sen"}
    assert {"url", "resource_id", "sha1", "size", "last_modified"} <= set(manifest[0])


def test_unchanged_file_is_not_downloaded_again(httpserver, tmp_path):
    res = [resource(httpserver, "a1", "elus-maires-mai.csv", MAIRES)]
    serve(httpserver, res, {"a1": MAIRES})
    run(httpserver, tmp_path)
    _, outcomes = run(httpserver, tmp_path)
    assert outcomes[0].status == "inchangé"
    file_requests = [r for r, _ in httpserver.log if r.path.startswith("/files/")]
    assert len(file_requests) == 1


def test_checksum_mismatch_is_rejected_and_previous_copy_kept(httpserver, tmp_path):
    res = [resource(httpserver, "a1", "elus-maires-mai.csv", MAIRES)]
    serve(httpserver, res, {"a1": MAIRES})
    folder, _ = run(httpserver, tmp_path)
    httpserver.clear()
    bad = resource(httpserver, "a1", "elus-maires-mai.csv", MAIRES, sha1="f" * 40)
    serve(httpserver, [bad], {"a1": b"corrupted"})
    _, outcomes = run(httpserver, tmp_path)
    assert outcomes[0].status == "rejeté" and "SHA-1" in outcomes[0].message
    assert (folder / "elus-maires-mai.csv").read_bytes() == MAIRES
    assert not list(folder.glob(".*.part"))


def test_truncated_body_is_retried_then_reported(httpserver, tmp_path):
    res = [resource(httpserver, "a1", "elus-maires-mai.csv", MAIRES)]
    httpserver.expect_request(PATH).respond_with_json({"resources": res})
    short = Response(MAIRES[:10], headers={"Content-Length": str(len(MAIRES))})
    httpserver.expect_request("/files/a1").respond_with_response(short)
    folder, outcomes = run(httpserver, tmp_path, attempts=2)
    assert outcomes[0].status in ("échec", "rejeté")
    assert not (folder / "elus-maires-mai.csv").exists()


def test_server_error_then_success(httpserver, tmp_path):
    res = [resource(httpserver, "a1", "elus-maires-mai.csv", MAIRES)]
    httpserver.expect_request(PATH).respond_with_json({"resources": res})
    httpserver.expect_oneshot_request("/files/a1").respond_with_data("boom", status=500)
    httpserver.expect_request("/files/a1").respond_with_data(MAIRES)
    folder, outcomes = run(httpserver, tmp_path)
    assert outcomes[0].status == "téléchargé"
    assert (folder / "elus-maires-mai.csv").read_bytes() == MAIRES
    assert [r.path for r, resp in httpserver.log if resp.status_code == 500] == ["/files/a1"]


def test_hostile_title_cannot_escape_destination(httpserver, tmp_path):
    res = [resource(httpserver, "a1", "../../x-mai.csv", MAIRES)]
    serve(httpserver, res, {"a1": MAIRES})
    folder, outcomes = run(httpserver, tmp_path)
    assert outcomes[0].path.parent == folder.resolve()
    assert not (tmp_path / "x-mai.csv").exists() and not (tmp_path.parent / "x-mai.csv").exists()


def test_no_server_gives_one_line_error_and_exit_code(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = CliRunner().invoke(main, ["download", "--dest", str(tmp_path / "raw"), "--api-url",
                                       f"http://127.0.0.1:{port}/api/1", "--retries", "1", "--backoff", "0"])
    assert result.exit_code != 0
    assert "injoignable" in result.output and len(result.output.strip().splitlines()) == 1
    with pytest.raises(DownloadError):
        download_release(tmp_path / "raw", api_root=f"http://127.0.0.1:{port}/api/1", attempts=1, backoff=0)


def test_only_restricts_kinds(httpserver, tmp_path):
    res = [resource(httpserver, "a1", "elus-maires-mai.csv", MAIRES),
           resource(httpserver, "b2", "elus-senateurs-sen.csv", SEN)]
    serve(httpserver, res, {"a1": MAIRES, "b2": SEN})
    _, outcomes = run(httpserver, tmp_path, only=["sen"])
    assert [o.resource.kind for o in outcomes] == ["sen"]


@pytest.mark.real_data
def test_real_api_resource_objects_are_all_recognised():
    docs = [json.loads(p.read_text()) for p in (SHARED / "rne" / "datagouv-api").glob("*_desc.json")]
    kinds = {r.kind for r in parse_resources({"resources": docs})}
    assert kinds >= {"mai", "cm", "epci", "cd", "cr", "ma", "dep", "sen", "rpe"}
    for d in docs:
        assert parse_resources({"resources": [d]}), d["title"]
