"""Render the README's figure tables from bench/results/ (``make bench-report``).

Each figure table of the README's "Measured figures" sits between two markers::

    <!-- bench:NAME source=bench/results/FILE.json -->
    | … the table … |
    <!-- /bench:NAME -->

and ``bench/report_tables.py`` holds the renderer of every NAME. This script replaces what is
between the markers with what the results file renders; nothing outside them is touched.

    python bench/report.py            rewrite README.md's tables from bench/results/
    python bench/report.py --check    exit 1 and print a unified diff when they disagree

A figure in the README's prose is marked the same way, inline::

    p50 <!-- fig:bench/results/FILE.json#key.key.0.key*0.001:.1f -->1.6<!-- /fig --> s

the value at that path of the results file (keys, which may hold spaces, or list positions;
dots separate them), optionally scaled
(``*0.001``: ms to s) and formatted (``:.1f``; default: as JSON writes it, integers with
thousands separators).

tests/test_bench_report.py runs the check, so a figure edited by hand (or a results file
rewritten by a benchmark without ``make bench-report``) fails the tests.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report_tables import REPO_ROOT, TABLES

README = REPO_ROOT / "README.md"
BLOCK = re.compile(
    r"^<!-- bench:(?P<name>[\w-]+) source=(?P<source>\S+) -->\n"
    r"(?P<body>.*?)"
    r"^<!-- /bench:(?P=name) -->$",
    re.MULTILINE | re.DOTALL,
)
OPENING = re.compile(r"^<!-- bench:", re.MULTILINE)
FIGURE = re.compile(
    r"<!-- fig:(?P<source>[^#\s]+)#(?P<path>[^*:<>]+?)"
    r"(?:\*(?P<scale>[0-9.]+))?(?::(?P<spec>[^ ]+))? -->(?P<value>[^<\n]*)<!-- /fig -->")


class ReportError(Exception):
    """The README's markers or the results files are not what the renderers expect."""


def load_results(source: str, root: Path = REPO_ROOT) -> dict[str, Any]:
    path = root / source
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ReportError(f"{source}: no such results file (run its make bench-… target)") \
            from error
    if not isinstance(data, dict):
        raise ReportError(f"{source}: expected a JSON object")
    return data


def render_table(name: str, data: dict[str, Any]) -> str:
    """The table NAME renders from ``data``, one line per row, ending in a newline."""
    return "\n".join(TABLES[name].render(data)) + "\n"


def render_figure(data: dict[str, Any], path: str, scale: str | None = None,
                  spec: str | None = None) -> str:
    """The value at ``path`` ("a.b.0.c") of ``data``, scaled and formatted."""
    node: Any = data
    for key in path.split("."):
        try:
            node = node[int(key)] if isinstance(node, list) else node[key]
        except (KeyError, IndexError, ValueError, TypeError) as error:
            raise ReportError(f"no figure at {path!r} (missing {key!r})") from error
    if scale is not None:
        node = node * float(scale)
    if spec:
        return format(node, spec)
    return f"{node:,}" if isinstance(node, int) and not isinstance(node, bool) else str(node)


def render_figures(text: str, root: Path = REPO_ROOT) -> str:
    """``text`` with every inline figure marker's value rendered from its results file."""
    cache: dict[str, dict[str, Any]] = {}

    def replace(marker: re.Match[str]) -> str:
        source = marker["source"]
        data = cache.setdefault(source, load_results(source, root))
        value = render_figure(data, marker["path"], marker["scale"], marker["spec"])
        head = marker.group(0)[: marker.start("value") - marker.start()]
        return f"{head}{value}<!-- /fig -->"

    return FIGURE.sub(replace, text)


def render_readme(text: str, root: Path = REPO_ROOT) -> str:
    """``text`` with every marked table and inline figure rendered from its results file."""
    text = render_figures(text, root)
    blocks = list(BLOCK.finditer(text))
    if len(blocks) != len(OPENING.findall(text)):
        raise ReportError("a <!-- bench:NAME … --> marker has no matching <!-- /bench:NAME -->")
    names = [block["name"] for block in blocks]
    for name in names:
        if name not in TABLES:
            raise ReportError(f"README marker bench:{name}: no renderer in bench/report_tables.py")
        if names.count(name) > 1:
            raise ReportError(f"README marker bench:{name} appears more than once")
    missing = sorted(set(TABLES) - set(names))
    if missing:
        raise ReportError(f"README has no marker for: {', '.join(missing)}")

    def replace(block: re.Match[str]) -> str:
        name, source = block["name"], block["source"]
        if source != TABLES[name].source:
            raise ReportError(f"README marker bench:{name} names {source}, "
                              f"its renderer reads {TABLES[name].source}")
        body = render_table(name, load_results(source, root))
        return f"<!-- bench:{name} source={source} -->\n{body}<!-- /bench:{name} -->"

    return BLOCK.sub(replace, text)


def diff(current: str, rendered: str, path: str = "README.md") -> str:
    """Unified diff from the README as it is to the README as the results render it."""
    return "".join(difflib.unified_diff(
        current.splitlines(keepends=True), rendered.splitlines(keepends=True),
        fromfile=f"{path} (as written)", tofile=f"{path} (rendered from bench/results/)"))


def check(readme: Path = README, root: Path = REPO_ROOT) -> str:
    """The diff between ``readme`` and what the results render; empty when they agree."""
    current = readme.read_text(encoding="utf-8")
    return diff(current, render_readme(current, root), readme.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 and print a diff when the README differs")
    parser.add_argument("--readme", type=Path, default=README, help="default: %(default)s")
    args = parser.parse_args(argv)
    readme: Path = args.readme
    try:
        current = readme.read_text(encoding="utf-8")
        rendered = render_readme(current)
    except ReportError as error:
        print(f"bench/report.py: {error}", file=sys.stderr)
        return 2
    changes = diff(current, rendered, readme.name)
    if args.check:
        if changes:
            print(changes, end="")
            print(f"\n{readme.name} disagrees with bench/results/: run `make bench-report`",
                  file=sys.stderr)
            return 1
        figures = len(FIGURE.findall(current))
        print(f"{readme.name}: {len(TABLES)} tables and {figures} inline figures agree with "
              "bench/results/")
        return 0
    if changes:
        readme.write_text(rendered, encoding="utf-8")
        print(f"{readme.name}: tables rewritten from bench/results/")
    else:
        print(f"{readme.name}: already agrees with bench/results/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
