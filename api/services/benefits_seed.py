"""Demo welfare points and benefit requests for the embedded default. ALL OF IT IS DEMO DATA.

The HR handbook states no welfare point (복지포인트) amount, so nothing here is policy:
every employee gets :data:`DEMO_GRANT` points on 1 January of the current year (their hire
date if later) and up to four uses of their own, drawn from :data:`DEMO_USES` with
``random.Random(BENEFITS_SEED + year)`` (the same for every run); the demo employee E0002
always has the same three. The example requests — a newborn and a spouse to add to the
health cover, employment and income certificates — are placed relative to ``today``: five
pending, one in progress, one rejected, and one completed for E0002.

``seed_benefits`` adds the year's points when the year has none, and the requests when there
are none; running it again changes nothing. The demo HR account (``hr``) is E0011 Choi
Yu-na, the handbook's benefits specialist, who handled the seeded ones.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.models.benefits import (
    BenefitKind,
    BenefitRequest,
    BenefitStatus,
    CertificateLanguage,
    DependentRelation,
    PointKind,
    WelfarePointAccount,
    WelfarePointTransaction,
)
from api.models.hr import Employee
from api.services.benefit_rules import settled_tax_year
from api.services.benefits import HR_DEPARTMENT
from knowledge_base.tables import utcnow

BENEFITS_SEED = 20261212
DEMO_GRANT = 1_000_000  # demo figure: the handbook gives no welfare point amount
BENEFITS_HANDLER = "E0011"  # Choi Yu-na, benefits specialist (the demo `hr` account)
DEMO_EMPLOYEES = ("E0001", "E0002", "E0003", BENEFITS_HANDLER)
# (description, smallest, largest) in points; amounts are whole thousands
DEMO_USES = (
    ("Fitness centre membership (헬스장 이용권)", 60_000, 240_000),
    ("Books (도서 구입)", 15_000, 80_000),
    ("Family trip: hotel (가족여행 숙박)", 120_000, 400_000),
    ("Glasses (안경 구입)", 80_000, 250_000),
    ("Online course (온라인 강의)", 50_000, 200_000),
    ("Concert and film tickets (공연·영화 관람)", 20_000, 120_000),
    ("Health supplements (건강기능식품)", 30_000, 150_000),
    ("Children's academy fees (자녀 학원비)", 100_000, 350_000),
)
E0002_USES = (((2, 10), 180_000, 0), ((4, 22), 42_000, 1), ((8, 5), 320_000, 2))
CHILD_NAMES = ("Seo-yun", "Do-yun", "Ha-rin", "Ji-an")
SPOUSE_NAMES = ("Lee Su-jin", "Park Jun-ho", "Choi Eun-bi", "Jung Tae-yang")


def _first_day(employee: Employee, year: int) -> date:
    return max(date(year, 1, 1), employee.hire_date)


def _uses(rng: random.Random, employee: Employee, today: date) -> list[tuple[date, int, str]]:
    year, start = today.year, _first_day(employee, today.year)
    if employee.employee_id == "E0002":
        return [(date(year, month, day), amount, DEMO_USES[which][0])
                for (month, day), amount, which in E0002_USES
                if start <= date(year, month, day) < today]
    days = (today - start).days
    uses, left = [], DEMO_GRANT
    for _ in range(rng.randint(0, 4) if days > 0 else 0):
        description, low, high = rng.choice(DEMO_USES)
        amount = rng.randrange(low, high + 1, 1_000)
        if amount <= left:
            left -= amount
            uses.append((start + timedelta(days=rng.randrange(days)), amount, description))
    return sorted(uses)


def _seed_points(session: Session, employees: list[Employee], today: date) -> None:
    rng = random.Random(BENEFITS_SEED + today.year)
    accounts = {e.employee_id: WelfarePointAccount(employee_id=e.employee_id, year=today.year)
                for e in employees if e.hire_date <= today}
    session.add_all(accounts.values())
    session.flush()
    rows = []
    for employee in employees:
        account = accounts.get(employee.employee_id)
        if account is None:
            continue
        rows.append(WelfarePointTransaction(
            account_id=account.id, kind=PointKind.grant, amount=DEMO_GRANT,
            description=f"{today.year} welfare points (복지포인트)",
            occurred_on=_first_day(employee, today.year)))
        rows += [WelfarePointTransaction(account_id=account.id, kind=PointKind.use,
                                         amount=amount, description=description,
                                         occurred_on=on)
                 for on, amount, description in _uses(rng, employee, today)]
    session.add_all(rows)


def _example_requests(employees: list[Employee], today: date,
                      now: datetime) -> list[BenefitRequest]:
    rng = random.Random(BENEFITS_SEED + today.toordinal())
    tax_year = settled_tax_year(today)
    others = [e for e in employees if e.employee_id not in DEMO_EMPLOYEES
              and e.department != HR_DEPARTMENT and e.hire_date.year <= tax_year]
    people = rng.sample(others, 7)

    def ago(days: int, hours: int = 0) -> datetime:
        return now - timedelta(days=days, hours=hours)

    def child(person: Employee, born_days_ago: int) -> dict:
        surname = person.name_en.split()[0]
        return {"kind": BenefitKind.add_dependent, "dependent_relation": DependentRelation.child,
                "dependent_name": f"{surname} {rng.choice(CHILD_NAMES)}",
                "dependent_birth_date": today - timedelta(days=born_days_ago)}

    def spouse(birth: date) -> dict:
        return {"kind": BenefitKind.add_dependent, "dependent_name": rng.choice(SPOUSE_NAMES),
                "dependent_relation": DependentRelation.spouse, "dependent_birth_date": birth}

    def certificate(kind: BenefitKind, purpose: str, language: CertificateLanguage,
                    copies: int = 1) -> dict:
        return {"kind": kind, "purpose": purpose, "language": language, "copies": copies,
                "tax_year": tax_year if kind == BenefitKind.income_certificate else None}

    employment, income = BenefitKind.employment_certificate, BenefitKind.income_certificate
    ko, en = CertificateLanguage.ko, CertificateLanguage.en
    handled = {"handled_by": BENEFITS_HANDLER}
    specs: list[tuple[str, dict]] = [
        (people[0].employee_id, {**child(people[0], 12), "created_at": ago(10)}),
        (people[1].employee_id, {**spouse(date(1991, 5, 14)), "created_at": ago(6)}),
        (people[2].employee_id, {**certificate(employment, "Jeonse loan (전세자금대출)", ko, 2),
                                 "created_at": ago(3)}),
        (people[3].employee_id, {**certificate(income, "Housing loan (주택담보대출)", ko),
                                 "created_at": ago(1)}),
        (people[4].employee_id, {**certificate(employment, "Visa application", en),
                                 "created_at": ago(0, 2)}),
        (people[5].employee_id, {**child(people[5], 20), "created_at": ago(8), **handled,
                                 "status": BenefitStatus.in_progress, "handled_at": ago(7)}),
        (people[6].employee_id, {
            **spouse(date(1988, 9, 2)), "created_at": ago(20), **handled,
            "status": BenefitStatus.rejected, "handled_at": ago(19),
            "note": "Your spouse is already registered as your dependant; nothing to change."}),
        ("E0002", {**certificate(employment, "Opening a bank account", ko), "created_at": ago(30),
                   **handled, "status": BenefitStatus.completed, "handled_at": ago(29),
                   "note": "Issued: download it from Pay > Certificates in the Haneul Staff app."}),
    ]
    return [BenefitRequest(employee_id=who, **{"status": BenefitStatus.pending, **fields})
            for who, fields in specs]


def seed_benefits(session: Session, today: date) -> int:
    """Add the demo points for ``today``'s year and the example requests where there are
    none yet; returns how many accounts were added."""
    employees = list(session.scalars(select(Employee).order_by(Employee.employee_id)))
    if not employees:
        return 0
    added = 0
    if not session.scalar(select(func.count()).select_from(WelfarePointAccount)
                          .where(WelfarePointAccount.year == today.year)):
        _seed_points(session, employees, today)
        added = sum(1 for e in employees if e.hire_date <= today)
    if not session.scalar(select(func.count()).select_from(BenefitRequest)):
        session.add_all(_example_requests(employees, today, utcnow()))
    session.flush()
    return added
