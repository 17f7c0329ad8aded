"""Takes the README's screenshots of rendered notebooks: a few cells of each executed notebook,
exported to HTML with nbconvert's lab template and photographed by headless Chromium, offline, at
1,000 px wide (as NotebooksIT checks them).

Usage: python3 .build/screenshots.py EXECUTED_DIR OUT_DIR   (EXECUTED_DIR: target/notebooks-refresh)
"""
import os
import subprocess
import sys

import nbformat
from nbconvert import HTMLExporter

# name, notebook, first cell, last cell (inclusive), height in pixels
SHOTS = [
    ("quickstart", "00-quickstart", 3, 6, 860),
    ("prioritizing", "03-prioritizing", 3, 4, 600),
    ("runs", "07-experiment-tracking", 9, 12, 870),
]


def main():
    executed, out = sys.argv[1], sys.argv[2]
    work = os.path.join("target", "screenshots")
    os.makedirs(work, exist_ok=True)
    os.makedirs(out, exist_ok=True)
    chromium = os.environ.get("ERRATA_CHROMIUM", "/usr/bin/chromium")
    for name, notebook, first, last, height in SHOTS:
        nb = nbformat.read(os.path.join(executed, notebook + ".ipynb"), as_version=4)
        nb.cells = nb.cells[first:last + 1]
        html, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
        page = os.path.abspath(os.path.join(work, name + ".html"))
        with open(page, "w", encoding="utf-8") as f:
            f.write(html)
        png = os.path.abspath(os.path.join(out, name + ".png"))
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--hide-scrollbars",
                        "--user-data-dir=" + os.path.abspath(os.path.join(work, "profile")),
                        "--virtual-time-budget=5000", "--window-size=1000,%d" % height,
                        "--screenshot=" + png, "file://" + page],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print("%s: %d bytes" % (png, os.path.getsize(png)))


if __name__ == "__main__":
    main()
