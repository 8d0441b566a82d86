"""The gateway's own tables (the knowledge base's live in knowledge_base.tables)."""

from api.models.accounts import Role, User
from api.models.conversations import ChatTurn, Feedback, SessionContext
from api.models.hr import Employee, LeaveEntitlement, LeaveRequest, LeaveStatus, LeaveType

__all__ = ["ChatTurn", "Employee", "Feedback", "LeaveEntitlement", "LeaveRequest",
           "LeaveStatus", "LeaveType", "Role", "SessionContext", "User"]
