from core.lines import numbered_lines, physical_lines


def test_physical_lines_split_only_at_newline_characters():
    assert physical_lines("a\u2028b\x85c\r\nd\re\nf\n") == ["a\u2028b\x85c", "d", "e", "f"]
    assert physical_lines("") == [] and physical_lines("\n") == [""]
    assert list(numbered_lines("x\n\ny")) == [(1, "x"), (2, ""), (3, "y")]
