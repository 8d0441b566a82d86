"""Request field types that take JSON values as they are, never converted.

Pydantic's lax mode turns ``0`` into ``false``, ``"3"`` into ``3`` and ``0`` into
1970-01-01. A request body that breaks the published schema must get a 422 instead
(Schemathesis' negative-data check holds the gateway to that), so request models use
these for booleans, integers and dates.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, StrictBool, StrictInt


def _iso_date_string(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError("must be a date written as a string, YYYY-MM-DD")
    return value


JsonBool = StrictBool
JsonInt = StrictInt
JsonDate = Annotated[date, BeforeValidator(_iso_date_string)]
