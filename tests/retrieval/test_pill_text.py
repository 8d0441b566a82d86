"""Reading a pill's description out of a chat message."""

import pytest

from retrieval.pill_text import describe


@pytest.mark.parametrize(("text", "imprint", "colors", "shape"), [
    ("I found a white round pill with TYLENOL 500 printed on it, what is it?", "TYLENOL 500",
     ("하양",), "원형"),
    ("흰색 원형 알약에 IDG라고 써 있어요", "IDG", ("하양",), "원형"),
    ("small yellow oval pill with 'M 20' on it", "M 20", ("노랑",), "타원형"),
    ("I have an unlabelled pill, brown, oval, imprint B 10", "B 10", ("갈색",), "타원형"),
    ("what is a green round tablet", "", ("초록",), "원형"),
    ("pill marked idg", "idg", (), None),
])
def test_imprint_colour_and_shape_are_read(text, imprint, colors, shape):
    described = describe(text)
    assert (described.imprint, described.colors, described.shape) == (imprint, colors, shape)
