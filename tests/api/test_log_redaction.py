"""Personal data never reaches the gateway's log in clear."""

from __future__ import annotations

import io
import logging

from api.log_redaction import configure_logging


def test_log_records_and_tracebacks_are_redacted():
    stream = io.StringIO()
    handler = configure_logging(stream=stream)
    try:
        log = logging.getLogger("api.test")
        log.warning("user wrote %s", "call me on 010-1234-5678 or mail kim@example.com")
        try:
            raise ValueError("bad input: 900101-1234567")
        except ValueError:
            log.exception("could not handle a message")
    finally:
        logging.getLogger().removeHandler(handler)
    written = stream.getvalue()
    assert "010-1234-5678" not in written and "kim@example.com" not in written
    assert "900101-1234567" not in written
    assert "[PHONE]" in written and "[EMAIL]" in written and "[RRN]" in written
    assert "ValueError" in written  # the traceback itself is kept


def test_configuring_twice_keeps_one_handler():
    first = configure_logging(stream=io.StringIO())
    second = configure_logging(stream=io.StringIO())
    try:
        ours = [h for h in logging.getLogger().handlers if h.get_name() == "pharmacy-redacting"]
        assert ours == [second] and first not in ours
    finally:
        logging.getLogger().removeHandler(second)
