"""Fetch the current RNE files from data.gouv.fr, verified, without ever damaging a good copy.

Each file is streamed to a temporary name, checked against the size and SHA-1 the API announces,
and only then renamed into place. Titles come from the network, so they never choose a path.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..domain.kinds import DATASET_SLUG, kind_of_resource
from ..errors import DownloadError
from ..files import atomic_write

API_ROOT = os.environ.get("RNE_MATCH_API", "https://www.data.gouv.fr/api/1")
MANIFEST = "manifest.json"
CHUNK = 1 << 16


@dataclass
class Resource:
    id: str
    title: str
    url: str
    kind: str
    sha1: str | None
    size: int | None
    last_modified: str | None

    @property
    def filename(self) -> str:
        return safe_filename(self.title, self.kind, self.id)


class DownloadStatus(StrEnum):
    """What happened to one file; the value is the word the CLI prints."""

    DOWNLOADED = "téléchargé"
    UNCHANGED = "inchangé"  # same SHA-1 as the copy on disk: not fetched again
    REJECTED = "rejeté"  # content or name refused; the previous copy is kept
    FAILED = "échec"  # every attempt failed; the previous copy is kept

    @property
    def failed(self) -> bool:
        """Not on disk as announced (rejected or failed)."""
        return self in (DownloadStatus.REJECTED, DownloadStatus.FAILED)


@dataclass
class FileOutcome:
    resource: Resource
    path: Path
    status: DownloadStatus
    message: str = ""


def safe_filename(title: str, kind: str, resource_id: str) -> str:
    """A file name that cannot leave the destination folder, whatever the title says."""
    base = title.replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".")
    if not base or base in {".", ".."} or not re.search(r"[A-Za-z0-9]", base):
        base = f"{kind}-{resource_id[:8]}.csv"
    return base[:120]


def parse_resources(document: dict, only: Iterable[str] | None = None) -> list[Resource]:
    """Keep the `main` resources whose kind we can tell, newest per kind."""
    wanted = set(only or [])
    found: dict[str, Resource] = {}
    for r in document.get("resources", []):
        if r.get("type", "main") != "main":
            continue
        kind = kind_of_resource(r.get("title") or "", r.get("id"))
        if not kind or (wanted and kind not in wanted):
            continue
        extras = r.get("extras") or {}
        if extras.get("analysis:checksum"):
            sha1, size = extras["analysis:checksum"], extras.get("analysis:content-length")
        else:
            sha1 = (r.get("checksum") or {}).get("value")
            size = r.get("filesize")
        res = Resource(
            id=r["id"], title=r.get("title") or r["id"], url=r.get("url") or r.get("latest"),
            kind=kind, sha1=sha1, size=int(size) if size else None,
            last_modified=r.get("last_modified"),
        )
        prev = found.get(kind)
        if prev is None or (res.last_modified or "") > (prev.last_modified or ""):
            found[kind] = res
    return sorted(found.values(), key=lambda r: r.kind)


def make_session(retries: int = 3, backoff: float = 0.5) -> requests.Session:
    session = requests.Session()
    retry = Retry(
        total=retries, connect=retries, read=retries, status=retries,
        backoff_factor=backoff, status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=("GET",), raise_on_status=False,
    )
    session.mount("http://", HTTPAdapter(max_retries=retry))
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.headers["User-Agent"] = "rne-match (+https://pypi.org/project/rne-match)"
    return session


def fetch_listing(session: requests.Session, api_root: str = API_ROOT, timeout: float = 30) -> dict:
    url = f"{api_root.rstrip('/')}/datasets/{DATASET_SLUG}/"
    try:
        resp = session.get(url, timeout=timeout)
    except requests.RequestException as exc:
        raise DownloadError(
            f"data.gouv.fr injoignable ({url}) : {type(exc).__name__}. "
            "Vérifiez la connexion ; les données déjà téléchargées sont intactes."
        ) from exc
    if resp.status_code != 200:
        raise DownloadError(
            f"l'API de data.gouv.fr a répondu {resp.status_code} pour {url} ; "
            "les données déjà téléchargées sont intactes."
        )
    try:
        return resp.json()
    except ValueError as exc:
        raise DownloadError(f"réponse illisible de l'API de data.gouv.fr ({url})") from exc


def release_name(resources: list[Resource]) -> str:
    """A release is named after the newest file it contains (YYYY-MM-DD)."""
    dates = [r.last_modified[:10] for r in resources if r.last_modified]
    return max(dates) if dates else time.strftime("%Y-%m-%d")


def sha1_of(path: Path) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _stream(
    session: requests.Session, res: Resource, tmp: Path, timeout: float,
    progress: Callable[[Resource, int | None], Callable[[int], None]] | None,
) -> tuple[str, int]:
    h = hashlib.sha1()
    n = 0
    with session.get(res.url, stream=True, timeout=timeout) as resp:
        if resp.status_code != 200:
            raise DownloadError(f"HTTP {resp.status_code}")
        total = int(resp.headers.get("Content-Length") or 0) or res.size
        advance = progress(res, total) if progress else None
        with open(tmp, "wb") as fh:
            for chunk in resp.iter_content(CHUNK):
                fh.write(chunk)
                h.update(chunk)
                n += len(chunk)
                if advance:
                    advance(len(chunk))
        if resp.headers.get("Content-Length") and n != int(resp.headers["Content-Length"]):
            raise DownloadError(f"transfert interrompu ({n} octets sur {resp.headers['Content-Length']})")
    return h.hexdigest(), n


class _Rejected(Exception):
    """A complete transfer whose content does not match what the API announced."""


def download_resource(
    session: requests.Session, res: Resource, dest_dir: Path, *, timeout: float = 60,
    attempts: int = 3, backoff: float = 1.0,
    progress: Callable[[Resource, int | None], Callable[[int], None]] | None = None,
) -> FileOutcome:
    dest = (dest_dir / res.filename).resolve()
    if dest.parent != dest_dir.resolve():
        return FileOutcome(res, dest, DownloadStatus.REJECTED, "nom de fichier hors du dossier de destination")
    if dest.exists() and res.sha1 and sha1_of(dest) == res.sha1:
        return FileOutcome(res, dest, DownloadStatus.UNCHANGED, "somme SHA-1 identique, non retéléchargé")
    last_error = ""
    for attempt in range(attempts):
        try:
            with atomic_write(dest) as tmp:
                digest, size = _stream(session, res, tmp, timeout, progress)
                if res.sha1 and digest != res.sha1:
                    raise _Rejected(
                        f"SHA-1 {digest[:12]}… ≠ {res.sha1[:12]}… annoncé par l'API ; copie précédente conservée")
                if res.size and size != res.size and not res.sha1:
                    raise _Rejected(f"taille {size} ≠ {res.size} annoncée")
        except _Rejected as exc:
            return FileOutcome(res, dest, DownloadStatus.REJECTED, str(exc))
        except (requests.RequestException, DownloadError, OSError) as exc:
            last_error = str(exc) if isinstance(exc, DownloadError) else type(exc).__name__
            if attempt + 1 < attempts:
                time.sleep(backoff * (2**attempt))
            continue
        return FileOutcome(res, dest, DownloadStatus.DOWNLOADED, f"{size} octets")
    return FileOutcome(res, dest, DownloadStatus.FAILED, f"après {attempts} essais : {last_error}")


def write_manifest(dest_dir: Path, outcomes: list[FileOutcome]) -> Path:
    """Merge into any existing manifest so a partial run keeps what earlier runs recorded."""
    path = dest_dir / MANIFEST
    entries: dict[str, dict] = {}
    if path.exists():
        try:
            entries = {e["file"]: e for e in json.loads(path.read_text("utf-8"))["files"]}
        except (ValueError, KeyError):
            entries = {}
    for o in outcomes:
        if o.status.failed:
            continue
        r = asdict(o.resource)
        entries[o.path.name] = {
            "file": o.path.name, "kind": r["kind"], "url": r["url"], "resource_id": r["id"],
            "title": r["title"], "sha1": r["sha1"] or sha1_of(o.path),
            "size": o.path.stat().st_size, "last_modified": r["last_modified"],
        }
    with atomic_write(path) as tmp:
        tmp.write_text(
            json.dumps({"files": sorted(entries.values(), key=lambda e: e["kind"])}, indent=2,
                       ensure_ascii=False),
            "utf-8",
        )
    return path


def download_release(
    raw_dir: Path, *, only: Iterable[str] | None = None, api_root: str = API_ROOT,
    timeout: float = 60, attempts: int = 3, backoff: float = 1.0,
    progress: Callable[[Resource, int | None], Callable[[int], None]] | None = None,
) -> tuple[Path, list[FileOutcome]]:
    session = make_session(retries=attempts, backoff=backoff * 0.5)
    listing = fetch_listing(session, api_root, timeout)
    resources = parse_resources(listing, only)
    if not resources:
        raise DownloadError("l'API ne liste aucun fichier du RNE reconnaissable")
    dest_dir = raw_dir / release_name(resources)
    dest_dir.mkdir(parents=True, exist_ok=True)
    outcomes = [
        download_resource(session, r, dest_dir, timeout=timeout, attempts=attempts,
                          backoff=backoff, progress=progress)
        for r in resources
    ]
    write_manifest(dest_dir, outcomes)
    return dest_dir, outcomes


def latest_release(raw_dir: Path) -> Path | None:
    """The newest downloaded release folder that holds a manifest."""
    releases = sorted(p for p in raw_dir.glob("*") if p.is_dir() and (p / MANIFEST).exists())
    return releases[-1] if releases else None
