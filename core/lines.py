"""Split text into lines the way files and Markdown define them.

`str.splitlines()` also breaks at U+0085, U+2028, U+2029, \\v, \\f and \\x1c-\\x1e. Those
characters are legal inside JSON strings (we write JSONL with `ensure_ascii=False`) and
inside document text, so splitting on them corrupts a JSONL record or rewrites a section.
"""

import re
from collections.abc import Iterator

_LINE_END = re.compile(r"\r\n|\r|\n")


def physical_lines(text: str) -> list[str]:
    """Lines separated by \\n, \\r\\n or \\r only; a trailing line end adds no empty line."""
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) for every physical line."""
    return enumerate(physical_lines(text), start=1)
