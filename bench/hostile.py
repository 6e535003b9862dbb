"""Hostile XLSX files: peak memory and time of reading them, before (openpyxl) and now (scan +
calamine). `make bench-hostile`.

Each reading runs in a child process capped at CAP_GB of address space and TIMEOUT seconds, so
that the « before » reader cannot take the machine down: it is reported as « > cap » then.
Files are built on the fly in a temporary folder (`devtools.hostile`).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

CAP_GB = 4
TIMEOUT = 120

BEFORE = """
import openpyxl
wb = openpyxl.load_workbook(PATH, read_only=True, data_only=True)
rows = [["" if v is None else str(v) for v in row] for row in wb.worksheets[0].iter_rows(values_only=True)]
import polars as pl
width = max(len(r) for r in rows)
frame = pl.DataFrame({f"c{i}": [r[i] if i < len(r) else "" for r in rows] for i in range(width)})
note = f"{frame.height} lignes × {frame.width} colonnes"
"""
NOW = """
from pathlib import Path
from rne_match.inputs import read_signatures
from rne_match.errors import RneMatchError
try:
    t = read_signatures(Path(PATH))
    note = f"{t.frame.height} lignes × {t.frame.width} colonnes"
except RneMatchError as exc:
    note = "refusé : " + str(exc).split(" : ", 1)[1][:90]
"""
MEASURE = """
import resource, time
import openpyxl, polars, rne_match.inputs  # imported before the clock starts
PATH = {path!r}
start = time.perf_counter()
{code}
print(f"{{time.perf_counter() - start:.1f}}\\t{{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}}\\t{{note}}")
"""


def run(code: str, path: Path) -> str:
    script = MEASURE.format(path=str(path), code=textwrap.dedent(code))
    limit = f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({CAP_GB << 30}, {CAP_GB << 30}))\n"
    try:
        done = subprocess.run([sys.executable, "-c", limit + script], capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"> {TIMEOUT} s\t?\tinterrompu"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1][:80]
        return f"?\t> {CAP_GB} Go\tarrêté : {last}"
    seconds, megabytes, note = done.stdout.strip().split("\t")
    return f"{seconds} s\t{megabytes} Mo\t{note}"


def main() -> None:
    from rne_match.devtools.hostile import (
        dimension_bomb,
        far_cell_bomb,
        table_rows,
        write_xlsx,
        xml_bomb,
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {
            "dimension A1:XFD1048576 (1,7 Ko)": dimension_bomb(folder / "dim.xlsx"),
            "une cellule en XFD1048576 (1,7 Ko)": far_cell_bomb(folder / "far.xlsx"),
            "285 Mo de XML (0,97 Mo)": xml_bomb(folder / "xml.xlsx"),
            "100 000 signatures × 6 colonnes": write_xlsx(folder / "legit.xlsx", {"Signatures": table_rows(
                [["nom", "prénom", "mandat", "commune", "parti", "courriel"]]
                + [[f"Nom{i}", "Marie", "conseillère municipale", "Laval", "EELV", f"m{i}@ex.fr"]
                   for i in range(100_000)])}),
        }
        print("fichier\tlecteur\ttemps\tmémoire max\trésultat")
        for label, path in files.items():
            for reader, code in (("avant (openpyxl)", BEFORE), ("après (scan + calamine)", NOW)):
                print(f"{label}\t{reader}\t{run(code, path)}", flush=True)


if __name__ == "__main__":
    main()
