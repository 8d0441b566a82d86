"""Dates in request bodies: an ISO string as JSON gives it, never a number converted.

Pydantic's lax mode turns ``0`` into ``false``, ``"3"`` into ``3`` and ``0`` into
1970-01-01. A request body that breaks the published schema must get a 422 instead
(Schemathesis' negative-data check holds the gateway to that), so request models use
pydantic's ``StrictBool`` / ``StrictInt`` for booleans and integers, and ``JsonDate`` for dates.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator


def _iso_date_string(value: Any) -> Any:
    if not isinstance(value, date | str):
        raise ValueError("must be a date written as a string, YYYY-MM-DD")
    return value


JsonDate = Annotated[date, BeforeValidator(_iso_date_string)]
