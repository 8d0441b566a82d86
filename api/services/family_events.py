"""Family event leave (경조휴가): the events and their paid days, in ONE place.

The HR handbook (``knowledge_base/chain/hr_handbook/family-parental-leave.md``, section
"Family event leave (경조휴가)") gives paid days per row of a table; a row may name several
relations ("Death of your spouse, parent or child, or your spouse's parent"). An employee
requests leave for ONE event, so each relation is its own event here, and ``row`` is the
handbook row's text, word for word: ``tests/api/hr/test_family_events.py`` reads the
handbook's table and fails if a row's days, or the rows themselves, drift from this table.

The leave is separate from annual leave and counts against no entitlement; one request may
not exceed the event's paid days (counted in working days, as all leave is). The handbook
asks for it within 30 days of the event (1 year for one's own wedding): ``within_days``
publishes that, but the gateway does not record the event's date, so it cannot check it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class FamilyEvent(enum.StrEnum):
    own_wedding = "own_wedding"
    child_wedding = "child_wedding"
    bereavement_spouse = "bereavement_spouse"
    bereavement_parent = "bereavement_parent"
    bereavement_child = "bereavement_child"
    bereavement_spouse_parent = "bereavement_spouse_parent"
    bereavement_grandparent = "bereavement_grandparent"
    bereavement_sibling = "bereavement_sibling"
    bereavement_spouse_grandparent = "bereavement_spouse_grandparent"
    bereavement_spouse_sibling = "bereavement_spouse_sibling"


@dataclass(frozen=True)
class FamilyEventRule:
    event: FamilyEvent
    days: int  # paid working days for one occurrence of the event
    within_days: int  # to be taken within this many days of the event
    label_en: str
    label_ko: str
    row: str  # the handbook table's "Event" cell this event comes from


_OWN_WEDDING = "Your own wedding"
_CHILD_WEDDING = "Wedding of your child"
_CLOSE_DEATH = "Death of your spouse, parent or child, or your spouse's parent"
_WIDER_DEATH = "Death of your grandparent, sibling, or spouse's grandparent"
_SPOUSE_SIBLING_DEATH = "Death of your spouse's sibling"

FAMILY_EVENTS: dict[FamilyEvent, FamilyEventRule] = {rule.event: rule for rule in (
    FamilyEventRule(FamilyEvent.own_wedding, 5, 365, "your own wedding", "본인 결혼",
                    _OWN_WEDDING),
    FamilyEventRule(FamilyEvent.child_wedding, 1, 30, "your child's wedding", "자녀 결혼",
                    _CHILD_WEDDING),
    FamilyEventRule(FamilyEvent.bereavement_spouse, 5, 30, "death of your spouse",
                    "배우자 사망", _CLOSE_DEATH),
    FamilyEventRule(FamilyEvent.bereavement_parent, 5, 30, "death of your parent",
                    "부모 사망", _CLOSE_DEATH),
    FamilyEventRule(FamilyEvent.bereavement_child, 5, 30, "death of your child", "자녀 사망",
                    _CLOSE_DEATH),
    FamilyEventRule(FamilyEvent.bereavement_spouse_parent, 5, 30,
                    "death of your spouse's parent", "배우자의 부모 사망", _CLOSE_DEATH),
    FamilyEventRule(FamilyEvent.bereavement_grandparent, 3, 30, "death of your grandparent",
                    "조부모 사망", _WIDER_DEATH),
    FamilyEventRule(FamilyEvent.bereavement_sibling, 3, 30, "death of your sibling",
                    "형제자매 사망", _WIDER_DEATH),
    FamilyEventRule(FamilyEvent.bereavement_spouse_grandparent, 3, 30,
                    "death of your spouse's grandparent", "배우자의 조부모 사망", _WIDER_DEATH),
    FamilyEventRule(FamilyEvent.bereavement_spouse_sibling, 1, 30,
                    "death of your spouse's sibling", "배우자의 형제자매 사망",
                    _SPOUSE_SIBLING_DEATH),
)}


def paid_days(event: FamilyEvent) -> int:
    return FAMILY_EVENTS[event].days
