"""Load the DUR tables from the database into an in-memory :class:`RuleSet`, once.

The app calls :func:`load_rule_set` at start-up (and the benchmark does the same); an empty
database (a test one, or ``make index`` not run yet) gives an empty rule set, with which
every name is unresolved and nothing is found, never an error.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from knowledge_base.dur_tables import (
    DurIngredientNameRow,
    DurIngredientRow,
    DurProductRow,
    DurRuleRow,
)
from knowledge_base.ingredients import IngredientDictionary, dosage_forms
from medication_checks.ruleset import Product, Rule, RuleSet

log = logging.getLogger(__name__)


def _rule(row: DurRuleRow, keys: dict[str, str]) -> Rule | None:
    key = keys.get(row.ingr_code)
    if key is None:
        return None
    return Rule(
        kind=row.kind, code=row.ingr_code, key=key,
        mix_keys=frozenset(keys[c] for c in row.mix_codes if c in keys),
        other_key=keys.get(row.other_code) if row.other_code else None,
        other_mix_keys=frozenset(keys[c] for c in row.other_mix_codes if c in keys),
        forms=tuple(dosage_forms(row.form_name)), form_name=row.form_name, grade=row.grade,
        age_base=row.age_base, max_qty=row.max_qty, max_term=row.max_term,
        series=row.series_name, effect=row.effect_code, date=row.notification_date,
        content=row.content,
    )


def rule_set_from_session(session: Session) -> RuleSet:
    ingredients = session.scalars(select(DurIngredientRow).order_by(DurIngredientRow.code)).all()
    keys = {i.code: i.key for i in ingredients}
    names: dict[str, tuple[str, str]] = {}
    codes: dict[str, list[str]] = {}
    for row in ingredients:  # the shortest spelling is the plain ingredient ("Ibuprofen")
        english = names.get(row.key, ("", ""))[0]
        if not english or (row.eng and len(row.eng) < len(english)):
            names[row.key] = (row.eng, row.kor)
        codes.setdefault(row.key, []).append(row.code)
    dictionary = IngredientDictionary.from_items(
        (n.name, n.key) for n in session.scalars(select(DurIngredientNameRow)))
    rules = [r for r in (_rule(row, keys) for row in session.scalars(
        select(DurRuleRow).order_by(DurRuleRow.id))) if r is not None]
    products = [Product(name=p.name, source=p.source, aliases=tuple(p.aliases),
                        ingredients=tuple(p.ingredients), form=p.form, otc=p.otc,
                        item_seq=p.item_seq)
                for p in session.scalars(select(DurProductRow).order_by(DurProductRow.id))]
    return RuleSet.build(dictionary, rules, names, {k: tuple(v) for k, v in codes.items()},
                         products)


def load_rule_set(sessions: sessionmaker[Session]) -> RuleSet:
    """The rule set in the database; empty (and logged) if the tables are empty or absent."""
    try:
        with sessions() as session:
            rule_set = rule_set_from_session(session)
    except SQLAlchemyError as exc:
        log.error("DUR rules could not be loaded (%s); medicine checks find nothing", exc)
        return RuleSet()
    if rule_set.empty:
        log.warning("no DUR rules in the database: run `make index`")
    return rule_set
