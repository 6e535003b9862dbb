"""Mail intake benchmark: extraction throughput and verify time of a 2,000-message mailbox.

    .venv/bin/python bench/mail.py [--db BASE.duckdb] [--messages 2000]

The mailbox is the held-out corpus (tests/mail_holdout) copied until it holds `--messages`
messages, each copy with its own Message-IDs (so conversations stay within their copy). In the
same run, the baseline is reading and decoding the same mailbox without extracting anything
(`read_mailbox`): the ratio says what extraction costs on top of mail parsing on this machine,
whatever its load. Verify is timed end to end (extraction, registry completion, matching,
writing) once the registry is loaded; without --db the real 2026 release of ../shared is loaded
into a temporary base first. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "mail_holdout" / "messages"
RELEASE = ROOT.parent / "shared" / "rne" / "release-2026"


def build_mailbox(folder: Path, n: int) -> int:
    """`n` .eml files: copies of the corpus, Message-IDs made unique per copy."""
    sources = sorted(CORPUS.glob("*.eml"))
    written = 0
    copy = 0
    while written < n:
        for src in sources:
            if written >= n:
                break
            raw = src.read_bytes()
            raw = re.sub(rb"<([^<>@\s]+@[^<>\s]+)>", lambda m, c=copy: b"<c%d." % c + m.group(1) + b">", raw)
            (folder / f"c{copy:02d}-{src.name}").write_bytes(raw)
            written += 1
        copy += 1
    return written


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> int:
    from rne_match import api
    from rne_match.inputs.mail.extract import extract_mailbox, extract_messages
    from rne_match.inputs.mail.mailbox import read_mailbox

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="a base where release 2026 is loaded (else loaded now)")
    ap.add_argument("--messages", type=int, default=2000)
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        box = Path(tmp) / "mailbox"
        box.mkdir()
        n = build_mailbox(box, a.messages)
        messages = list(read_mailbox(box))
        parse = best_of(lambda: list(read_mailbox(box)))
        extract_only = best_of(lambda: extract_messages(messages))
        whole = best_of(lambda: extract_messages(read_mailbox(box)))
        both = best_of(lambda: extract_mailbox(box))
        print(f"mailbox: {n} messages ({sum(p.stat().st_size for p in box.iterdir()) // 1024} Ko)")
        print(f"baseline, reading and decoding: {parse:.2f} s = {n / parse:,.0f} messages/s")
        print(f"extraction of decoded messages: {extract_only:.2f} s = {n / extract_only:,.0f} messages/s")
        print(f"read + extract on one core: {whole:.2f} s = {n / whole:,.0f} messages/s (×{whole / parse:.2f} the baseline)")
        print(f"read + extract as the extract command does (two cores, the second process started here): "
              f"{both:.2f} s = {n / both:,.0f} messages/s (×{whole / both:.2f} faster than one core)")
        db = a.db
        if db is None:
            if not RELEASE.exists():
                print("verify: skipped (no --db and no ../shared)")
                return 0
            db = Path(tmp) / "rne-2026.duckdb"
            start = time.perf_counter()
            api.load(RELEASE, db)
            print(f"load of release 2026 (not timed in verify): {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        registry = api.open_registry(db)
        print(f"registry opened: {time.perf_counter() - start:.1f} s")
        out = Path(tmp) / "out.csv"
        start = time.perf_counter()
        outcome = api.verify_file(box, db, output=out, registry=registry)
        seconds = time.perf_counter() - start
        counts = {str(k): v for k, v in outcome.counts().items() if v}
        print(f"verify of {n} messages, registry loaded: {seconds:.2f} s ({outcome.frame.height} rows: {counts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
