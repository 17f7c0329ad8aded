"""Execute notebooks headless through a Jupyter kernel and write executed .ipynb and HTML.

Usage: run_notebooks.py --kernel NAME --out DIR NOTEBOOK...

Each notebook runs in its own folder (so relative data paths work). A cell that raises, or that
writes to stderr, is a failure: the report names the notebook, the cell and the text. A cell tagged
"raises-exception" (nbclient's tag for a cell meant to show an error) must raise, and its error is
not a failure. Exit code 0 only when every notebook ran clean.
"""
import argparse
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter


def problems_in(nb):
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        expects_error = "raises-exception" in cell.get("metadata", {}).get("tags", [])
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if expects_error and not errors:
            found.append((index, "tagged raises-exception, but it did not raise"))
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and expects_error:
                continue
            if out.get("output_type") == "error":
                text = "\n".join(out.get("traceback", [])) or out.get("evalue", "")
                found.append((index, "error: %s: %s" % (out.get("ename"), text[:2000])))
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                found.append((index, "stderr: %s" % out.get("text", "")[:2000]))
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=int, default=600)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    failed = 0
    for path in args.notebooks:
        name = os.path.splitext(os.path.basename(path))[0]
        started = time.time()
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            kernel_name=args.kernel,
            timeout=args.timeout,
            allow_errors=True,
            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
        )
        try:
            client.execute()
        except CellExecutionError as e:  # only raised when allow_errors is False
            print("FAIL %s: %s" % (path, e), flush=True)
        except Exception as e:  # kernel died or timed out: report, keep going
            print("FAIL %s: kernel failed: %s: %s" % (path, type(e).__name__, e), flush=True)
            failed += 1
            continue
        nbformat.write(nb, os.path.join(args.out, name + ".ipynb"))
        html, _ = HTMLExporter().from_notebook_node(nb)
        with open(os.path.join(args.out, name + ".html"), "w", encoding="utf-8") as f:
            f.write(html)
        found = problems_in(nb)
        seconds = time.time() - started
        if found:
            failed += 1
            print("FAIL %s (%.1f s)" % (path, seconds), flush=True)
            for index, text in found:
                print("  cell %d %s" % (index, text), flush=True)
        else:
            print("ok   %s (%.1f s)" % (path, seconds), flush=True)
    print("notebooks: %d ran clean, %d failed" % (len(args.notebooks) - failed, failed), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
