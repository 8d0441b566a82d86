"""Medication safety checks as a Korean pharmacy counter does them (MFDS DUR).

Use: ``rules = load_rule_set(sessions)`` once, then ``check_medicines(rules, names, person)``
for each request; :mod:`medication_checks.checker` is pure (no database, web or Rasa).
"""

from medication_checks.checker import CheckResult, Finding, Person, check_medicines
from medication_checks.ruleset import Resolution, RuleSet

__all__ = ["CheckResult", "Finding", "Person", "Resolution", "RuleSet", "check_medicines"]
