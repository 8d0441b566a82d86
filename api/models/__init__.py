"""The gateway's own tables (the knowledge base's live in knowledge_base.tables)."""

from api.models.accounts import Role, User
from api.models.benefits import (
    BenefitKind,
    BenefitRequest,
    BenefitStatus,
    WelfarePointAccount,
    WelfarePointTransaction,
)
from api.models.consultations import (
    ChatSession,
    Consultation,
    ConsultationAudit,
    ConsultationMessage,
    ConsultationStatus,
    PharmacistPresence,
    Sender,
)
from api.models.conversations import ChatTurn, Feedback, SessionContext
from api.models.hr import Employee, LeaveEntitlement, LeaveRequest, LeaveStatus, LeaveType

__all__ = ["BenefitKind", "BenefitRequest", "BenefitStatus", "ChatSession", "ChatTurn",
           "Consultation", "ConsultationAudit", "ConsultationMessage", "ConsultationStatus",
           "Employee", "Feedback", "LeaveEntitlement", "LeaveRequest", "LeaveStatus",
           "LeaveType", "PharmacistPresence", "Role", "Sender", "SessionContext", "User",
           "WelfarePointAccount", "WelfarePointTransaction"]
