"""A refused HR operation, in the shape every HR route answers with.

Leave (``api.services.leave_rules.LeaveError``) and benefits
(``api.services.benefit_rules.BenefitError``) refuse the same way: an HTTP status, the field
concerned, a code and a reason, turned into FastAPI's validation shape
``{"detail": [{"loc": [...], "msg": reason, "type": code}]}``.
"""

from __future__ import annotations


class Refusal(Exception):
    def __init__(self, status: int, field: str, code: str, message: str,
                 location: str = "body") -> None:
        super().__init__(message)
        self.status, self.field, self.code, self.message = status, field, code, message
        self.location = location

    def detail(self) -> list[dict]:
        return [{"loc": [self.location, self.field], "msg": self.message, "type": self.code}]
