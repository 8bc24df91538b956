"""Exchange export speed and memory: SPSS (.sav) and REFI-QDA (.qdpx) beside the Excel
workbook. Run by hand (takes minutes):

    python bench/bench_exchange.py                # 250,000 annotations
    python bench/bench_exchange.py --n 100000

Builds the project of bench/bench_export.py (documents of ~4,000 characters, 100
annotations each, links), then, each step in its own process so its peak memory
(ru_maxrss) is its own:

1. xlsx: `export_xlsx` (all sheets), the reference;
2. sav: `export_sav` (the Annotations table); raw: pyreadstat writing the very same frame
   (pickled by a step that is not timed), so sav / raw is what streaming the rows from the
   project and typing them costs over the library's own writing;
3. qdpx: `export_qdpx`; raw: lxml parsing and re-serialising the project.qde it wrote and
   zipping it with the same texts (the XML and zip libraries doing the same writing).

Prints time, ratio to the raw library and peak memory (MB) of each.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn) -> dict:
    t = time.perf_counter()
    extra = fn() or {}
    return {"seconds": time.perf_counter() - t, "maxrss_mb": maxrss_mb(), **extra}


def step_build(project: Path, n: str) -> dict:
    from bench_export import build

    build(project, int(str(n)))
    return {}


def step_xlsx(project: Path, out: Path) -> dict:
    from annotator.core.exporters import export_xlsx

    return timed(lambda: {"rows": export_xlsx(project, out)["annotations"]})


def step_sav(project: Path, out: Path) -> dict:
    from annotator.core.exchange.spss import export_sav

    return timed(lambda: {"rows": export_sav(project, out)["rows"]})


def step_frame(project: Path, dump: Path) -> dict:
    """Not timed: the exact frame and labels export_sav hands pyreadstat, pickled."""
    from annotator.core.exchange import spss
    from annotator.core.exchange.labels import table_labels
    from annotator.core.exporters.files import opened
    from annotator.core.exporters.plan import make_plan

    with opened(project) as p:
        plan = make_plan(p)
        t = spss.TABLES["annotations"](plan)
        labels = table_labels(plan, t)
        frame, _ = spss.build_frame(t, labels)
    captured = {}

    def capture(frame, path, **kw):
        captured.update(frame=frame, kw=kw)
        Path(path).write_bytes(b"")

    import pyreadstat

    real, pyreadstat.write_sav = pyreadstat.write_sav, capture
    try:
        spss._write(dump.with_suffix(".sav"), frame, t, labels, 0, "bench", plan.coder_names)
    finally:
        pyreadstat.write_sav = real
    with open(dump, "wb") as fh:
        pickle.dump(captured, fh, protocol=5)
    return {}


def step_sav_raw(dump: Path, out: Path) -> dict:
    import pyreadstat

    with open(dump, "rb") as fh:
        captured = pickle.load(fh)
    return timed(lambda: pyreadstat.write_sav(captured["frame"], str(out), **captured["kw"]))


def step_qdpx(project: Path, out: Path) -> dict:
    from annotator.core.exchange.refi_write import export_qdpx

    return timed(lambda: {"rows": export_qdpx(project, out)["annotations"]})


def step_qdpx_raw(written: Path, out: Path) -> dict:
    from lxml import etree

    def work():
        with zipfile.ZipFile(written) as src, \
                zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == "project.qde":
                    data = etree.tostring(etree.fromstring(data, etree.XMLParser(
                        huge_tree=True)), xml_declaration=True, encoding="utf-8")
                dst.writestr(info.filename, data)

    return timed(work)


STEPS = {"build": step_build, "xlsx": step_xlsx, "sav": step_sav, "frame": step_frame,
         "sav_raw": step_sav_raw, "qdpx": step_qdpx, "qdpx_raw": step_qdpx_raw}


def run(step: str, a, b) -> dict:
    res = subprocess.run([sys.executable, __file__, "--_step", step, str(a), str(b)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"step {step} failed:\n{res.stderr}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--_step":
        print(json.dumps(STEPS[sys.argv[2]](Path(sys.argv[3]), Path(sys.argv[4]))))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=250_000, help="annotations (default 250000)")
    ap.add_argument("--tmp", type=Path, help="working folder (default: a temporary one)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.tmp) as d:
        d = Path(d)
        proj = d / "p.annot"
        run("build", proj, args.n)
        xlsx = run("xlsx", proj, d / "e.xlsx")
        sav = run("sav", proj, d / "e.sav")
        run("frame", proj, d / "frame.pickle")
        sav_raw = run("sav_raw", d / "frame.pickle", d / "r.sav")
        qdpx = run("qdpx", proj, d / "e.qdpx")
        qdpx_raw = run("qdpx_raw", d / "e.qdpx", d / "r.qdpx")
        sizes = {k: (d / f"e.{k}").stat().st_size / 2**20 for k in ("xlsx", "sav", "qdpx")}
    print(f"{args.n:,} annotations ({xlsx['rows']:,} exported)")
    print(f"{'format':<6} {'time':>8} {'raw lib':>8} {'ratio':>6} {'peak MB':>8} "
          f"{'raw MB':>7} {'file MB':>8} {'vs xlsx':>8}")
    print(f"{'xlsx':<6} {xlsx['seconds']:>7.1f}s {'':>8} {'':>6} {xlsx['maxrss_mb']:>8.0f} "
          f"{'':>7} {sizes['xlsx']:>8.1f} {1:>8.2f}")
    for name, e, r in (("sav", sav, sav_raw), ("qdpx", qdpx, qdpx_raw)):
        print(f"{name:<6} {e['seconds']:>7.1f}s {r['seconds']:>7.1f}s "
              f"{e['seconds'] / r['seconds']:>6.2f} {e['maxrss_mb']:>8.0f} "
              f"{r['maxrss_mb']:>7.0f} {sizes[name]:>8.1f} "
              f"{e['seconds'] / xlsx['seconds']:>8.2f}")
    print("time: the export in its own process; raw lib: pyreadstat writing the same frame "
          "(sav), lxml re-serialising the same project.qde and zipping it (qdpx); ratio = "
          "export / raw; vs xlsx = export time / xlsx export time; MB = peak RSS.")


if __name__ == "__main__":
    main()
