"""What the consumer chat remembers between turns for the medication checks.

Each message is read for the person ("I'm pregnant", "my 4 year old", "저는 80세예요") and
for medicines they say they take ("저는 셀레길린을 먹어요"); both are kept per session in the
database (so any gateway replica sees them) and handed to the dialogue as metadata with the
medicines this message names. "forget my medicines" clears them.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from api.models import SessionContext
from core.database import run_transaction
from medication_checks import RuleSet
from medication_checks.mentions import find_medicines, parse_person, says_forget, says_taking

MAX_TAKING = 10


def medication_context(sessions: sessionmaker[Session], rules: RuleSet, session_id: str,
                       message: str) -> dict:
    """``{"medicines", "taking", "person"}`` for this turn, after remembering what it says."""
    named = find_medicines(rules, message) if not rules.empty else []
    mention = parse_person(message)
    forget = says_forget(message)
    taking_now = named if says_taking(message) else []

    def work(session: Session) -> dict:
        row = session.get(SessionContext, session_id)
        if row is None:
            row = SessionContext(session_id=session_id, person={}, taking=[])
            session.add(row)
        person, taking = ({}, []) if forget else (dict(row.person), list(row.taking))
        person = mention.merged_into(person)
        taking = list(dict.fromkeys([*taking, *taking_now]))[-MAX_TAKING:]
        if (person, taking) != (row.person, row.taking):
            row.person, row.taking = person, taking
        return {"medicines": named, "taking": taking, "person": person}

    if not (named or forget or not mention.empty):
        with sessions() as session:  # nothing new: read only
            row = session.get(SessionContext, session_id)
            return {"medicines": [], "taking": list(row.taking) if row else [],
                    "person": dict(row.person) if row else {}}
    return run_transaction(sessions, work)
