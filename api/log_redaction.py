"""Gateway logging: one stderr handler whose records pass through the PII redaction first.

Every record — ours, uvicorn's, SQLAlchemy's, tracebacks included — is formatted and then
redacted (phone numbers, e-mail addresses, Korean resident registration numbers), so a user's
message that ends up in an error never reaches the log in clear.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from api.services.redaction import redact

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(level: int = logging.INFO, stream: TextIO | None = None) -> logging.Handler:
    """Route the root logger and uvicorn's loggers through one redacting handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter(FORMAT))
    handler.set_name("pharmacy-redacting")
    root = logging.getLogger()
    for existing in [h for h in root.handlers if h.get_name() == "pharmacy-redacting"]:
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        for existing in list(logger.handlers):
            existing.setFormatter(RedactingFormatter(FORMAT))
    return handler
