#!/usr/bin/env python3
"""PDF generality check: the seed's 76 indicator rows (10 goals, eight pages with merged cells cut
by page breaks) and the other fixture forms printed to PDF by Chromium, then drawn again by
cairo (pdftocairo), and imported back; counts rows recovered exactly with their 一级/二级 labels.
Needs chromium and pdftocairo, so CTest runs it only where they are installed.

usage: pdf_stress.py --ziping BUILD/ziping [--chromium /usr/bin/chromium] [--min 0.95]
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import forms  # noqa: E402
import make_fixtures as mf  # noqa: E402
import make_pdf_fixtures as mp  # noqa: E402
from recovery_rate import compare, load  # noqa: E402
from stress import normalise  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ziping", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--min", type=float, default=0.0)
    options = parser.parse_args()
    cases = [("seed", mf.load_example("tianjin-2022-dept.json"), mp.department_html),
             ("env", forms.ENV, mp.department_html),
             ("roads", mf.load_example("county-roads-2023-proj.json"), mp.project_html),
             ("med", forms.MED, mp.project_html), ("hb", forms.HB, mp.project_html)]
    total = labelled_total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, form, render in cases:
            html = Path(tmp) / f"{name}.html"
            html.write_text(render(form), encoding="utf-8")
            pdf = Path(tmp) / f"{name}.pdf"
            subprocess.run([options.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                            html.as_uri()], check=True, capture_output=True, timeout=120)
            cairo = Path(tmp) / f"{name}-cairo.pdf"
            subprocess.run(["pdftocairo", "-pdf", str(pdf), str(cairo)], check=True, timeout=120)
            for variant, path in (("chromium", pdf), ("cairo", cairo)):
                proc = subprocess.run([options.ziping, "import", str(path), "-o", "-"], capture_output=True, timeout=60)
                got = load(proc.stdout.decode()) if proc.returncode == 0 else {"goals": []}
                truth = normalise(form)
                rows, ok, labelled, _, _, _, _ = compare(truth, got)
                total += rows
                labelled_total += labelled
                print(f"{name + '-' + variant:16} {ok:3}/{rows:3} with labels {labelled:3}")
    print(f"pdf stress: {labelled_total}/{total} rows exact with their labels = {labelled_total / total:.1%}")
    return 0 if labelled_total / total >= options.min else 1


if __name__ == "__main__":
    sys.exit(main())
