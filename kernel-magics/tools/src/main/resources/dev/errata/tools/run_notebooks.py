"""Execute notebooks headless through a Jupyter kernel and write executed .ipynb and HTML.

Usage: run_notebooks.py --kernel NAME --out DIR NOTEBOOK...

Each notebook runs in its own folder (so relative data paths work). A cell that raises, or that
writes to stderr, is a failure: the report names the notebook, the cell and the text. A cell tagged
"raises-exception" (nbclient's tag for a cell meant to show an error) must raise, and its error is
not a failure. Exit code 0 only when every notebook ran clean.

For each notebook that ran clean it also writes OUT/committed/NAME.ipynb: the source notebook as it
is (metadata, cell ids, sources) with the run's outputs, in the form committed to notebooks/, which
is the same on every run (see committed()).
"""
import argparse
import os
import re
import shutil
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


# What changes from run to run in an output, and what stands for it in the committed form: the
# folder the notebooks ran in (absolute paths, e.g. the patch `%runs --restore` names) and values
# of the experiment log's own fields (when a run started, how long it took, its peak heap, the
# machine). Everything else an output shows is a function of the notebook and its data (runs of a
# fresh copy record no commit of the checkout around it: NotebookRunner.outsideRepositoriesAbove).
# Images inside HTML (data URIs) are left as they are.
FOLDER = "\u2039folder\u203a"
# Errata's HTML puts a <wbr> after every 30 characters of a word (Html.escapeBreakable).
BREAK_EVERY = 30
TIME = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?")
# 0.4 s, 42 s, 3 min 05 s, 2 h 07 min (CompactRuns.duration), with the spaces that pad its column.
DURATION = re.compile(
    r"\b\d+(?:\.\d+)?(?: |&nbsp;|\u00a0)(?:ms|s|min|h)(?:(?: |&nbsp;|\u00a0)\d+(?: |&nbsp;|\u00a0)(?:s|min))?\b( *)")
CARD_TEXT = re.compile(r"^(seconds|peak heap MB|environment)( +)\S.*$", re.M)
CARD_HTML = re.compile(
    r"(<td[^>]*>(?:seconds|peak heap MB|environment)</td><td[^>]*>)(?:[^<]|<wbr>)*(</td>)")
DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]*")


def padded(mark, original):
    """Returns mark padded with spaces to original's length (or followed by one space where the
    original ended in spaces), so the columns of a text table stay aligned."""
    if len(mark) < len(original):
        return mark.ljust(len(original))
    return mark + (" " if original.endswith(" ") else "")


def rebroken(word):
    """Returns word with its <wbr> placed again every BREAK_EVERY characters, as Errata places them
    (an entity is one character), since the folder's mark is shorter than the folder."""
    units = re.findall(r"&[#\w]+;|.", word.replace("<wbr>", ""), re.S)
    out, run = [], 0
    for u in units:
        run += 1
        if run > BREAK_EVERY:
            out.append("<wbr>")
            run = 1
        out.append(u)
    return "".join(out)


def folder_rules(folder):
    """Returns (html, text) patterns for the folder the notebooks ran in: anywhere in HTML, where a
    <wbr> may sit between any two characters; in text, whole, or cut short with an ellipsis."""
    folder = os.path.abspath(folder)
    html = "(?:<wbr>)?".join(re.escape(c) for c in folder) + r"((?:[^\s<&\"']|&[#\w]+;|<wbr>)*)"
    text = r"(?<![\w/])(/[^\s\u2026]*)\u2026|" + re.escape(folder) + r"(?![\w.-])"
    return re.compile(html), re.compile(text), folder


def marked(m, mark, html):
    """Returns the mark for match m: padded as its text was (in a text table, not at a line's end)."""
    if html or m.string[m.end():m.end() + 1] in ("", "\n"):
        return mark
    return padded(mark, m.group(0))


def steady(text, folder, html):
    """Returns text with the values that differ from run to run replaced by a mark; data URIs
    (images) are kept as they are."""
    parts = DATA_URI.split(text)
    uris = DATA_URI.findall(text)
    out = [steady_part(parts[0], folder, html)]
    for uri, part in zip(uris, parts[1:]):
        out.append(uri)
        out.append(steady_part(part, folder, html))
    return "".join(out)


def steady_part(text, folder, html):
    html_rule, text_rule, path = folder
    if html:
        text = html_rule.sub(lambda m: rebroken(FOLDER + m.group(1)), text)
    else:
        def cut(m):
            if m.group(1) is None:
                return FOLDER
            shown = m.group(1)
            # A path cut short: the folder's mark if it starts in the folder, else as it was.
            return FOLDER + "\u2026" if (path + "/").startswith(shown) or shown.startswith(
                path + "/") else m.group(0)
        text = text_rule.sub(cut, text)
    text = TIME.sub(lambda m: marked(m, "\u2039time\u203a", html), text)
    text = DURATION.sub(lambda m: marked(m, "\u2039elapsed\u203a", html), text)
    text = CARD_TEXT.sub(lambda m: m.group(1) + m.group(2) + "\u2039varies\u203a", text)
    text = CARD_HTML.sub(lambda m: m.group(1) + "\u2039varies\u203a" + m.group(2), text)
    return text


def coalesced(outputs):
    """Returns outputs with consecutive stream outputs of one stream merged, as Jupyter shows them."""
    out = []
    for o in outputs:
        if (o.get("output_type") == "stream" and out and out[-1].get("output_type") == "stream"
                and out[-1].get("name") == o.get("name")):
            out[-1]["text"] = out[-1]["text"] + o["text"]
        else:
            out.append(o)
    return out


def steady_output(o, folder):
    """Returns one output with steady() applied to every text it carries (images are left alone)."""
    o = nbformat.from_dict(o)
    if "text" in o:
        o["text"] = steady(o["text"], folder, False)
    for mime, value in o.get("data", {}).items():
        if isinstance(value, str) and mime.startswith("text/"):
            o["data"][mime] = steady(value, folder, mime == "text/html")
    if o.get("output_type") == "error":
        o["evalue"] = steady(o["evalue"], folder, False)
        o["traceback"] = [steady(line, folder, False) for line in o["traceback"]]
    return o


def committed(source_path, executed):
    """Returns the notebook at source_path with executed's outputs and execution counts.

    Everything but outputs and counts stays as the source has it (cell ids, metadata, sources), so
    running never churns them; outputs are coalesced and made steady; kernel-specific notebook
    metadata (language_info.version) is left out.
    """
    nb = nbformat.read(source_path, as_version=4)
    folder = folder_rules(os.path.dirname(os.path.abspath(source_path)))
    if len(nb.cells) != len(executed.cells):
        raise ValueError("%s: %d cells, but the run has %d" % (source_path, len(nb.cells),
                                                              len(executed.cells)))
    for cell, ran in zip(nb.cells, executed.cells):
        if cell.cell_type != "code":
            continue
        cell.execution_count = ran.get("execution_count")
        cell.outputs = [steady_output(o, folder) for o in coalesced([dict(o) for o in ran.outputs])]
        cell.metadata.pop("execution", None)
    nb.metadata.get("language_info", {}).pop("version", None)
    return nb


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=int, default=600)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    committed_dir = os.path.join(args.out, "committed")
    shutil.rmtree(committed_dir, ignore_errors=True)
    os.makedirs(committed_dir)
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
            record_timing=False,
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
            nbformat.write(committed(path, nb),
                           os.path.join(committed_dir, name + ".ipynb"))
            print("ok   %s (%.1f s)" % (path, seconds), flush=True)
    print("notebooks: %d ran clean, %d failed" % (len(args.notebooks) - failed, failed), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
