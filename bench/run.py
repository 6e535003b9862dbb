"""One-command benchmark (`make bench`): loading and matching, against baselines run alongside.

Each phase runs in its own process so that its peak memory (ru_maxrss) is its own.
Needs ../shared (the real 2026 release); prints figures and ratios, asserts nothing.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RELEASE = SHARED / "rne" / "release-2026"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_bare_read(db: str) -> dict:
    import duckdb

    con = duckdb.connect(db)
    start = time.perf_counter()
    for i, f in enumerate(sorted(RELEASE.glob("*.csv"))):
        con.execute(f"CREATE TABLE t{i} AS SELECT * FROM read_csv('{f}', all_varchar=true)")
    con.execute("CHECKPOINT")
    con.close()
    return {"seconds": time.perf_counter() - start, "peak_mb": peak_mb()}


def phase_load(db: str) -> dict:
    from rne_match.registry.load import load_folder

    start = time.perf_counter()
    result = load_folder(RELEASE, Path(db))
    return {"seconds": time.perf_counter() - start, "peak_mb": peak_mb(), "rows": sum(result.rows_by_kind().values()),
            "rejects": result.rejected}


def phase_verify(db: str, n: int) -> dict:
    import polars as pl

    from rne_match.devtools.generate import generate, verify_labelled
    from rne_match.registry.view import load_registry

    t0 = time.perf_counter()
    reg = load_registry(Path(db))
    t_reg = time.perf_counter() - t0
    both, seconds = verify_labelled(reg, generate(reg, n, seed=2026))
    ok = pl.col("rne_person_id") == pl.col("attendu_person_id")
    verified = both.filter(pl.col("status") == "verified")
    officials = both.filter(pl.col("attendu") == "verified")
    impostors = both.filter(pl.col("groupe") == "imposteur")
    per_noise = (officials.group_by("bruit").agg(
        pl.len().alias("n"), ((pl.col("status") == "verified") & ok).mean().round(4).alias("rappel"))
        .sort("bruit").to_dicts())
    per_group = both.group_by("bruit", "status").len().sort("bruit", "status").to_dicts()
    return {
        "n": both.height, "registry_seconds": t_reg, "verify_seconds": seconds, "peak_mb": peak_mb(),
        "precision": verified.filter(ok).height / max(verified.height, 1),
        "recall": officials.filter((pl.col("status") == "verified") & ok).height / max(officials.height, 1),
        "false_verified_on_impostors": impostors.filter(pl.col("status") == "verified").height / max(impostors.height, 1),
        "ambiguous_rate": both.filter(pl.col("status") == "ambiguous").height / both.height,
        "per_noise_recall": per_noise, "status_by_kind": per_group,
    }


def phase_former(folder: str, n: int) -> dict:
    """Mayors of 2022 and 2026 in one base: how former mayors signing as mayors come out."""
    import polars as pl

    from rne_match.devtools.generate import generate, verify_labelled
    from rne_match.registry.load import load_folder
    from rne_match.registry.view import load_registry

    raw = Path(folder) / "raw"
    raw.mkdir()
    for name in ("2022-03-09_rne-maires-cp1252.csv", "2026-04-24_elus-maires-mai.csv"):
        (raw / name).symlink_to(SHARED / "rne" / "history" / name)
    load_folder(raw, Path(folder) / "rne.duckdb")
    reg = load_registry(Path(folder) / "rne.duckdb")
    both, seconds = verify_labelled(reg, generate(reg, n, seed=2026))
    gone = both.filter(pl.col("bruit") == "a_quitte_son_mandat")
    return {"former_persons": reg.former.persons.height, "n": gone.height,
            "verified": gone.filter(pl.col("status") == "verified").height,
            "explained": gone.filter(pl.col("reason").str.starts_with("Ancien")).height,
            "seconds": seconds, "signatures": both.height}


def phase_registry(db: str) -> dict:
    """First registry load after `load` (as `api.load` does it): computes the match keys and the
    matcher's indexes and writes them to the Parquet cache."""
    from rne_match.matching.pipeline import prepare_registry
    from rne_match.registry.view import load_registry

    start = time.perf_counter()
    reg = load_registry(Path(db))
    keys = time.perf_counter() - start
    prepare_registry(reg)
    return {"seconds": time.perf_counter() - start, "keys_seconds": keys, "persons": reg.n_persons,
            "peak_mb": peak_mb()}


def phase_naive(db: str, n: int) -> dict:
    """Baseline: rapidfuzz extractOne of each full name over every registry name."""
    from rapidfuzz import fuzz, process

    from rne_match.devtools.generate import generate
    from rne_match.registry.view import load_registry

    reg = load_registry(Path(db))
    labelled = generate(reg, n, seed=2026)
    choices = (reg.persons["nom_f"] + " " + reg.persons["prenom_f"]).to_list()
    queries = [f"{a} {b} {c}".strip().lower() for a, b, c in labelled.select("nom", "prenom", "nom_complet").iter_rows()]
    start = time.perf_counter()
    for q in queries:
        process.extractOne(q, choices, scorer=fuzz.token_sort_ratio)
    return {"n": n, "seconds": time.perf_counter() - start}


def run_phase(name: str, *args) -> dict:
    out = subprocess.run([sys.executable, __file__, name, *map(str, args)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def phase_mail(folder: str, copies: int) -> dict:
    """Extraction accuracy on the test corpus and its held-out part, and throughput on an mbox of
    the corpus repeated, against the bare cost of parsing the same mbox with the stdlib."""
    import email
    import mailbox

    sys.path.insert(0, str(ROOT))
    from tests.mail_corpus import CASES, HELDOUT, HELDOUT_2, render, score, write_mbox

    from rne_match.inputs.mail.extract import extract_mailbox, extract_message
    from rne_match.inputs.mail.mailbox import _from_bytes

    def figures(cases):
        got = {c["id"]: extract_message(_from_bytes(render(c, i), c["id"])) for i, c in enumerate(cases)}
        return score(got, cases)

    big = [c for c in CASES if c["id"] != "46-tres-gros-message"] * copies
    path = Path(folder) / "big.mbox"
    write_mbox(path, big)
    start = time.perf_counter()
    n_bare = sum(1 for m in mailbox.mbox(path, factory=lambda f: email.message_from_binary_file(f)))
    bare = time.perf_counter() - start
    start = time.perf_counter()
    frame = extract_mailbox(path)
    ours = time.perf_counter() - start
    return {"corpus": figures(CASES), "heldout": figures(HELDOUT), "heldout_2": figures(HELDOUT_2),
            "messages": len(big), "bare_messages": n_bare,
            "bare_seconds": bare, "seconds": ours, "rows": frame.height, "peak_mb": peak_mb()}


def print_mail(m: dict) -> None:
    print(f"\n== Extraction des courriels ({m['messages']} messages, corpus de test répété)")
    print(f"  lecture seule (mailbox stdlib) : {m['bare_seconds']:.2f} s ; rne-match extract : {m['seconds']:.2f} s "
          f"({m['messages'] / m['seconds']:.0f} messages/s, ratio {m['seconds'] / m['bare_seconds']:.1f}×, "
          f"pic {m['peak_mb']:.0f} Mo)")
    labels = {"corpus": "corpus (48 messages)", "heldout": "messages réservés n° 1 (15)",
              "heldout_2": "messages réservés n° 2 (12)"}
    for name, label in labels.items():
        print(f"  {label} : " + " ; ".join(
            f"{f} P {v['precision']:.2f} R {v['recall']:.2f}" for f, v in m[name].items()))


def main() -> None:
    if len(sys.argv) == 1 and not RELEASE.exists():
        with tempfile.TemporaryDirectory() as tmp:
            f = run_phase("former", tmp, 4000)
        print(f"\n== Élu·es parti·es : maires 2022 + 2026 dans une base ({f['former_persons']} ancien·nes maires)")
        print(f"  {f['n']} signatures d'ancien·nes maires : {f['verified']} verified, {f['explained']} expliquées "
              f"« Ancien·ne élu·e » ; {f['signatures']} signatures vérifiées en {f['seconds']:.2f} s")
        print_mail(run_phase("mail", tmp, 40))
        sys.exit("bench : ../shared/rne/release-2026 introuvable (seule l'extraction des courriels a été mesurée)")
    if not RELEASE.exists():
        sys.exit("bench : ../shared/rne/release-2026 introuvable")
    with tempfile.TemporaryDirectory() as tmp:
        bare = run_phase("bare", f"{tmp}/bare.duckdb")
        load = run_phase("load", f"{tmp}/rne.duckdb")
        print("== Chargement de la publication 2026 (12 fichiers, 550 204 lignes)")
        print(f"  read_csv nu (DuckDB, tables VARCHAR) : {bare['seconds']:.2f} s, pic {bare['peak_mb']:.0f} Mo")
        print(f"  rne-match load                      : {load['seconds']:.2f} s, pic {load['peak_mb']:.0f} Mo, "
              f"{load['rows']} lignes, {load['rejects']} rejets")
        print(f"  ratio load / read_csv nu            : {load['seconds'] / bare['seconds']:.2f}×")
        db = f"{tmp}/rne.duckdb"
        cold = run_phase("registry", db)
        print(f"\n== Registre (clés d'appariement) : premier chargement après load {cold['seconds']:.2f} s "
              f"({cold['persons']} personnes, cache Parquet écrit) ; les suivants lisent le cache")
        for n in (10_000, 100_000):
            v = run_phase("verify", db, n)
            print(f"\n== verify, {v['n']} signatures générées (graine 2026)")
            print(f"  registre (cache) : {v['registry_seconds']:.2f} s ; vérification : {v['verify_seconds']:.2f} s ; "
                  f"total {v['registry_seconds'] + v['verify_seconds']:.2f} s ; "
                  f"débit {v['n'] / v['verify_seconds']:.0f} sign./s ; pic {v['peak_mb']:.0f} Mo")
            print(f"  précision verified {v['precision']:.4f} ; rappel {v['recall']:.4f} ; "
                  f"faux verified sur imposteurs {v['false_verified_on_impostors']:.4f} ; ambigus {v['ambiguous_rate']:.4f}")
            if n == 10_000:
                print("  rappel par bruit : " + ", ".join(f"{d['bruit']} {d['rappel']:.3f}" for d in v["per_noise_recall"]))
                traps = {}
                for d in v["status_by_kind"]:
                    if d["bruit"] in ("inventé", "mauvais_mandat", "hors_politique", "se_dit_maire", "homonyme",
                                      "homonyme_sans_lieu", "a_quitte_son_mandat", "chimere_autre_sexe"):
                        traps.setdefault(d["bruit"], []).append(f"{d['status']} {d['len']}")
                for bruit, parts in traps.items():
                    print(f"  {bruit} : " + ", ".join(parts))
                ten_k = v
        naive = run_phase("naive", db, 200)
        per_sig_naive = naive["seconds"] / naive["n"]
        per_sig_ours = ten_k["verify_seconds"] / ten_k["n"]
        print(f"\n== Référence naïve : extractOne sur {naive['n']} signatures : {naive['seconds']:.2f} s "
              f"({per_sig_naive * 1000:.1f} ms/sign.)")
        print(f"  rne-match : {per_sig_ours * 1000:.3f} ms/sign. → {per_sig_naive / per_sig_ours:.0f}× plus rapide")
        f = run_phase("former", tmp, 4000)
        print(f"\n== Élu·es parti·es : maires 2022 + 2026 dans une base ({f['former_persons']} ancien·nes maires)")
        print(f"  {f['n']} signatures d'ancien·nes maires : {f['verified']} verified, {f['explained']} expliquées "
              f"« Ancien·ne élu·e » ; {f['signatures']} signatures vérifiées en {f['seconds']:.2f} s")
        print_mail(run_phase("mail", tmp, 40))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        phase = {"bare": phase_bare_read, "load": phase_load, "verify": phase_verify, "naive": phase_naive, "registry": phase_registry,
                 "former": phase_former,
                 "mail": phase_mail}[sys.argv[1]]
        args = [int(a) if a.isdigit() else a for a in sys.argv[2:]]
        print(json.dumps(phase(*args)))
    else:
        main()
