"""Family event leave's paid days (api.services.family_events) against the HR handbook's table,
so the two cannot drift apart."""

from __future__ import annotations

import re
from pathlib import Path

from api.services.family_events import FAMILY_EVENTS, FamilyEvent

HANDBOOK = (Path(__file__).resolve().parents[3] / "knowledge_base" / "chain" / "hr_handbook"
            / "family-parental-leave.md")
SECTION = "## Family event leave (경조휴가)"


def handbook_table() -> dict[str, int]:
    """The section's table: event cell -> paid days."""
    text = HANDBOOK.read_text(encoding="utf-8")
    assert SECTION in text, f"the handbook has no section {SECTION!r}"
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in section.splitlines() if line.strip().startswith("|")]
    header, rule, *body = rows
    assert header == ["Event", "Paid days"] and set("".join(rule)) <= {"-", ":"}
    table = {}
    for event, days in body:
        assert re.fullmatch(r"\d+", days), (event, days)
        table[event] = int(days)
    return table


def test_every_handbook_row_is_covered_and_nothing_else():
    assert {rule.row for rule in FAMILY_EVENTS.values()} == set(handbook_table())


def test_each_event_has_its_rows_paid_days():
    table = handbook_table()
    for event, rule in FAMILY_EVENTS.items():
        assert rule.event == event
        assert rule.days == table[rule.row], (event, rule.row)


def test_each_event_is_named_by_its_row():
    """bereavement_spouse_parent must come from a row that says "spouse's parent", etc."""
    for event, rule in FAMILY_EVENTS.items():
        kind, _, who = event.value.partition("_")
        row = rule.row.lower()
        if event.value.endswith("_wedding"):
            assert "wedding" in row and kind in row, event
        else:
            assert kind == "bereavement" and row.startswith("death of"), event
            assert who.replace("spouse_", "spouse's ") in row, event


def test_every_event_has_a_rule_and_labels_in_both_languages():
    assert set(FAMILY_EVENTS) == set(FamilyEvent)
    for rule in FAMILY_EVENTS.values():
        assert rule.label_en and rule.label_ko and rule.days > 0
        # within 30 days of the event, within 1 year for one's own wedding
        assert rule.within_days == (365 if rule.event == FamilyEvent.own_wedding else 30)
