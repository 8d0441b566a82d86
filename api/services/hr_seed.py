"""A fictional roster for the embedded default: ~220 employees, generated deterministically.

``generate_roster()`` always returns the same people (``random.Random(ROSTER_SEED)``, hire
dates fixed in the past), so demo accounts, tests and screenshots agree. ``seed_hr`` inserts
it when the roster table is empty, then adds this year's entitlements and a few example
requests placed relative to ``today``. Running it again changes nothing.

The demo accounts map to: E0001 Kang Min-ho (store manager, Gangnam; manages the Gangnam
team including E0002), E0002 Yoon Seo-ah (pharmacy technician, Gangnam) and E0003 Jang
Ha-jun (pharmacist, Jongno); the HR account to E0011 Choi Yu-na (benefits specialist). HR
people match the handbook's "Who to contact in HR".
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.models.hr import Employee, LeaveEntitlement, LeaveRequest, LeaveStatus, LeaveType
from api.services.leave_rules import entitled_days
from api.services.work_calendar import is_working_day, working_days
from knowledge_base.tables import utcnow

ROSTER_SEED = 20260901
ROSTER_AS_OF = date(2026, 8, 31)  # nobody in the generated roster was hired after this
EMAIL_DOMAIN = "haneul-pharmacy.example"
HEAD_OFFICE = "Head Office"


@dataclass(frozen=True)
class Branch:
    name: str
    name_ko: str
    phone_prefix: str  # staff lines are prefix + 01..99; prefix + 00 is the main number
    open_24h: bool = False
    area: str = "seoul"


BRANCHES = (
    Branch("Gangnam", "강남점", "02-3452-11", open_24h=True),
    Branch("Jongno", "종로점", "02-2267-12"),
    Branch("Hongdae", "홍대점", "02-3142-13", open_24h=True),
    Branch("Jamsil", "잠실점", "02-2143-14"),
    Branch("Yeouido", "여의도점", "02-783-15"),
    Branch("Busan Seomyeon", "부산 서면점", "051-806-16", open_24h=True, area="south"),
    Branch("Busan Haeundae", "부산 해운대점", "051-742-17", area="south"),
    Branch("Daegu Dongseongro", "대구 동성로점", "053-252-18", area="south"),
    Branch("Incheon Songdo", "인천 송도점", "032-858-19"),
)
BRANCH_NAMES_KO = {b.name: b.name_ko for b in BRANCHES} | {HEAD_OFFICE: "본사"}

DEPARTMENTS = ("pharmacy", "hr", "finance", "it", "logistics", "marketing",
               "customer service", "management")

# (Hangul, romanisation, relative frequency)
SURNAMES = (
    ("김", "Kim", 21), ("이", "Lee", 15), ("박", "Park", 8), ("최", "Choi", 5),
    ("정", "Jung", 5), ("강", "Kang", 2), ("조", "Cho", 2), ("윤", "Yoon", 2), ("장", "Jang", 2),
    ("임", "Lim", 2), ("한", "Han", 1), ("오", "Oh", 1), ("서", "Seo", 1), ("신", "Shin", 1),
    ("권", "Kwon", 1), ("황", "Hwang", 1), ("안", "Ahn", 1), ("송", "Song", 1), ("전", "Jeon", 1),
    ("홍", "Hong", 1), ("유", "Yoo", 1), ("고", "Ko", 1), ("문", "Moon", 1), ("양", "Yang", 1),
    ("손", "Son", 1), ("배", "Bae", 1), ("백", "Baek", 1), ("허", "Heo", 1), ("남", "Nam", 1),
    ("노", "Noh", 1),
)
GIVEN_NAMES = (
    ("민준", "Min-jun"), ("서준", "Seo-jun"), ("도윤", "Do-yun"), ("예준", "Ye-jun"),
    ("시우", "Si-woo"), ("하준", "Ha-jun"), ("지호", "Ji-ho"), ("주원", "Ju-won"),
    ("지후", "Ji-hoo"), ("준우", "Jun-woo"), ("준서", "Jun-seo"), ("건우", "Geon-woo"),
    ("현우", "Hyun-woo"), ("우진", "Woo-jin"), ("선우", "Sun-woo"), ("민재", "Min-jae"),
    ("현준", "Hyun-jun"), ("동현", "Dong-hyun"), ("재현", "Jae-hyun"), ("성민", "Sung-min"),
    ("정훈", "Jung-hoon"), ("상우", "Sang-woo"), ("영호", "Young-ho"), ("태현", "Tae-hyun"),
    ("승민", "Seung-min"), ("민호", "Min-ho"), ("진우", "Jin-woo"), ("재원", "Jae-won"),
    ("서연", "Seo-yeon"), ("서윤", "Seo-yoon"), ("지우", "Ji-woo"), ("서현", "Seo-hyun"),
    ("민서", "Min-seo"), ("하은", "Ha-eun"), ("하윤", "Ha-yoon"), ("윤서", "Yoon-seo"),
    ("지민", "Ji-min"), ("채원", "Chae-won"), ("수빈", "Su-bin"), ("지원", "Ji-won"),
    ("유나", "Yu-na"), ("수민", "Soo-min"), ("예진", "Ye-jin"), ("은지", "Eun-ji"),
    ("혜진", "Hye-jin"), ("미영", "Mi-young"), ("지혜", "Ji-hye"), ("소영", "So-young"),
    ("수아", "Su-ah"), ("다은", "Da-eun"), ("예린", "Ye-rin"), ("나연", "Na-yeon"),
    ("서아", "Seo-ah"), ("가은", "Ga-eun"), ("보람", "Bo-ram"), ("혜원", "Hye-won"),
)


@dataclass
class Person:
    employee_id: str
    name_en: str
    name_ko: str
    branch: str
    department: str
    job_role: str
    work_phone: str
    work_email: str
    manager_id: str | None
    hire_date: date


class _Roster:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.people: list[Person] = []
        self.used_names: set[str] = set()
        self.used_emails: set[str] = set()
        self.used_phones: set[str] = set()
        self.next_number = 4  # E0001-E0003 belong to the demo accounts
        self.phone_counters: dict[str, int] = {}
        self.head_office_phone = 7600

    def _name(self) -> tuple[str, str, str, str]:
        surnames = list(SURNAMES)
        weights = [s[2] for s in SURNAMES]
        while True:
            sur_ko, sur_en, _ = self.rng.choices(surnames, weights)[0]
            given_ko, given_en = self.rng.choice(GIVEN_NAMES)
            if sur_ko + given_ko not in self.used_names:
                return sur_ko, sur_en, given_ko, given_en

    def _email(self, surname_en: str, given_en: str) -> str:
        local = f"{given_en.replace('-', '').lower()}.{surname_en.lower()}"
        candidate, n = local, 1
        while f"{candidate}@{EMAIL_DOMAIN}" in self.used_emails:
            n += 1
            candidate = f"{local}{n}"
        return f"{candidate}@{EMAIL_DOMAIN}"

    def _phone(self, branch: str) -> str:
        if branch == HEAD_OFFICE:
            while f"02-6200-{self.head_office_phone}" in self.used_phones:
                self.head_office_phone += 1
            return f"02-6200-{self.head_office_phone}"
        prefix = next(b.phone_prefix for b in BRANCHES if b.name == branch)
        while True:
            self.phone_counters[branch] = self.phone_counters.get(branch, 0) + 1
            phone = f"{prefix}{self.phone_counters[branch]:02d}"
            if phone not in self.used_phones:
                return phone

    def _hire_date(self, earliest: int, latest: date = ROSTER_AS_OF) -> date:
        start = date(earliest, 1, 1)
        day = start + timedelta(days=self.rng.randrange((latest - start).days))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return min(day, latest)

    def add(self, *, branch: str, department: str, job_role: str, manager_id: str | None,
            hired_from: int = 2012, name: tuple[str, str, str, str] | None = None,
            employee_id: str | None = None, phone: str | None = None,
            email: str | None = None, hire_date: date | None = None) -> Person:
        sur_ko, sur_en, given_ko, given_en = name or self._name()
        if employee_id is None:
            employee_id = f"E{self.next_number:04d}"
            self.next_number += 1
        person = Person(
            employee_id=employee_id, name_en=f"{sur_en} {given_en}",
            name_ko=sur_ko + given_ko, branch=branch, department=department,
            job_role=job_role, work_phone=phone or self._phone(branch),
            work_email=email or self._email(sur_en, given_en), manager_id=manager_id,
            hire_date=hire_date or self._hire_date(hired_from),
        )
        self.used_names.add(person.name_ko)
        self.used_emails.add(person.work_email)
        self.used_phones.add(person.work_phone)
        self.people.append(person)
        return person


# Head-office HR people as named in the handbook's "Who to contact in HR".
HANDBOOK_HR = (
    (("박", "Park", "지원", "Ji-won"), "hr manager", "02-6200-7571"),
    (("김", "Kim", "서연", "Seo-yeon"), "leave and attendance specialist", "02-6200-7572"),
    (("이", "Lee", "민준", "Min-jun"), "payroll specialist", "02-6200-7573"),
    (("최", "Choi", "유나", "Yu-na"), "benefits specialist", "02-6200-7574"),
    (("한", "Han", "동현", "Dong-hyun"), "education specialist", "02-6200-7575"),
    (("오", "Oh", "하은", "Ha-eun"), "recruiter", "02-6200-7576"),
    (("정", "Jung", "수민", "Soo-min"), "employee relations specialist", "02-6200-7580"),
)

# department -> (manager role, [(staff role, count)])
HEAD_OFFICE_TEAMS = {
    "finance": ("finance manager", [("accountant", 7), ("financial analyst", 4)]),
    "it": ("it manager", [("software engineer", 6), ("it support specialist", 5),
                          ("data analyst", 2)]),
    "logistics": ("logistics manager", [("warehouse associate", 12),
                                        ("delivery coordinator", 5), ("buyer", 3)]),
    "marketing": ("marketing manager", [("marketing specialist", 6), ("designer", 3)]),
    "customer service": ("customer service manager", [("customer service agent", 14),
                                                      ("team lead", 2)]),
}


def generate_roster(seed: int = ROSTER_SEED) -> list[Person]:
    """The same ~220 people every time: branches, head office, reporting lines."""
    r = _Roster(seed)
    ceo = r.add(branch=HEAD_OFFICE, department="management", job_role="chief executive officer",
                manager_id=None, name=("백", "Baek", "승환", "Seung-hwan"),
                hire_date=date(2006, 3, 2))
    ops = r.add(branch=HEAD_OFFICE, department="pharmacy", job_role="head of pharmacy operations",
                manager_id=ceo.employee_id, hired_from=2007)
    areas = {
        "seoul": r.add(branch=HEAD_OFFICE, department="pharmacy", job_role="area manager",
                       manager_id=ops.employee_id, hired_from=2009),
        "south": r.add(branch=HEAD_OFFICE, department="pharmacy", job_role="area manager",
                       manager_id=ops.employee_id, hired_from=2009),
    }
    hr_head = None
    for name, role, phone in HANDBOOK_HR:
        person = r.add(branch=HEAD_OFFICE, department="hr", job_role=role,
                       manager_id=hr_head.employee_id if hr_head else ceo.employee_id,
                       name=name, phone=phone, hired_from=2010 if hr_head is None else 2014)
        hr_head = hr_head or person
    assert hr_head is not None
    for _ in range(4):
        r.add(branch=HEAD_OFFICE, department="hr", job_role="hr specialist",
              manager_id=hr_head.employee_id, hired_from=2016)
    r.add(branch=HEAD_OFFICE, department="it", job_role="privacy officer",
          manager_id=ceo.employee_id, name=("서", "Seo", "재현", "Jae-hyun"),
          phone="02-6200-7590", hired_from=2013)
    for department, (manager_role, staff) in HEAD_OFFICE_TEAMS.items():
        manager = r.add(branch=HEAD_OFFICE, department=department, job_role=manager_role,
                        manager_id=ceo.employee_id, hired_from=2009)
        for role, count in staff:
            for _ in range(count):
                r.add(branch=HEAD_OFFICE, department=department, job_role=role,
                      manager_id=manager.employee_id, hired_from=2013)

    for branch in BRANCHES:
        area = areas[branch.area]
        if branch.name == "Gangnam":
            manager = r.add(branch=branch.name, department="pharmacy", job_role="store manager",
                            manager_id=area.employee_id, employee_id="E0001",
                            name=("강", "Kang", "민호", "Min-ho"), hire_date=date(2014, 3, 3))
        else:
            manager = r.add(branch=branch.name, department="pharmacy", job_role="store manager",
                            manager_id=area.employee_id, hired_from=2010)
        staff = ([("pharmacist in charge", 1), ("pharmacist", 6), ("pharmacy technician", 5),
                  ("cashier", 6)] if branch.open_24h else
                 [("pharmacist in charge", 1), ("pharmacist", 3), ("pharmacy technician", 3),
                  ("cashier", 4)])
        for role, count in staff:
            for i in range(count):
                fixed: dict = {}
                if branch.name == "Gangnam" and role == "pharmacy technician" and i == 0:
                    fixed = {"employee_id": "E0002", "name": ("윤", "Yoon", "서아", "Seo-ah"),
                             "hire_date": date(2021, 3, 2)}
                if branch.name == "Jongno" and role == "pharmacist" and i == 0:
                    fixed = {"employee_id": "E0003", "name": ("장", "Jang", "하준", "Ha-jun"),
                             "hire_date": date(2023, 7, 3)}
                r.add(branch=branch.name, department="pharmacy", job_role=role,
                      manager_id=manager.employee_id,
                      hired_from=2011 if role == "pharmacist in charge" else 2015, **fixed)
    return _topological(r.people)  # managers before their reports


def _topological(people: list[Person]) -> list[Person]:
    placed: set[str | None] = {None}
    result: list[Person] = []
    remaining = list(people)
    while remaining:
        ready = [p for p in remaining if p.manager_id in placed]
        assert ready, "the reporting lines have a cycle"
        for person in ready:
            placed.add(person.employee_id)
            result.append(person)
        remaining = [p for p in remaining if p.employee_id not in placed]
    return result


# --- seeding -----------------------------------------------------------------------------------


def _next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def _previous_working_day(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def _span(start: date, days: int) -> tuple[date, date]:
    """``days`` working days from the first working day on or after ``start``."""
    first = _next_working_day(start)
    end, counted = first, 1
    while counted < days:
        end = _next_working_day(end + timedelta(days=1))
        counted += 1
    return first, end


def _example_requests(people: list[Person], today: date) -> list[LeaveRequest]:
    """A few requests around ``today``: history for E0002, pending ones for E0001 to decide."""
    rng = random.Random(ROSTER_SEED + today.toordinal())
    gangnam = [p for p in people if p.manager_id == "E0001" and p.employee_id != "E0002"]
    requests: list[LeaveRequest] = []
    taken: dict[str, list[tuple[date, date]]] = {}

    hired = {p.employee_id: p.hire_date for p in people}
    now = utcnow()
    booked: dict[tuple[str, LeaveType, int], int] = {}

    def add(person_id: str, leave_type: LeaveType, start: date, end: date,
            status: LeaveStatus, decided_by: str | None, reason: str | None = None) -> None:
        days = working_days(start, end)
        if days == 0 or start < hired[person_id] or start.year != end.year or any(
            s <= end and start <= e for s, e in taken.get(person_id, [])
        ):
            return
        key = (person_id, leave_type, start.year)
        counts = status in (LeaveStatus.pending, LeaveStatus.approved)
        allowed = entitled_days(hired[person_id], start.year, today)[leave_type]
        if counts and booked.get(key, 0) + days > allowed:
            return
        booked[key] = booked.get(key, 0) + (days if counts else 0)
        decided = status in (LeaveStatus.approved, LeaveStatus.declined)
        taken.setdefault(person_id, []).append((start, end))
        requests.append(LeaveRequest(
            employee_id=person_id, leave_type=leave_type, start_date=start, end_date=end,
            days=days, status=status, reason=reason,
            decided_by=decided_by if decided else None,
            decided_at=now if decided else None,
        ))

    # E0002: two approved past days this year (when the year has begun long enough)
    past = _previous_working_day(today - timedelta(days=40))
    if past.year == today.year:
        start, end = _span(past, 2)
        if end < today:
            add("E0002", LeaveType.annual, start, end, LeaveStatus.approved, "E0001",
                "family trip")
    sick = _previous_working_day(today - timedelta(days=15))
    if sick.year == today.year:
        add("E0002", LeaveType.sick, sick, sick, LeaveStatus.approved, "E0001")
    # E0001's team: pending requests waiting for the manager, and one approved
    for offset, days, leave_type, person in zip(
        (16, 23, 30, 9), (3, 1, 2, 1),
        (LeaveType.annual, LeaveType.family, LeaveType.annual, LeaveType.annual),
        gangnam[:4], strict=False,
    ):
        start, end = _span(today + timedelta(days=offset), days)
        status = LeaveStatus.approved if offset == 9 else LeaveStatus.pending
        add(person.employee_id, leave_type, start, end, status, "E0001")
    # elsewhere in the chain
    others = [p for p in people if p.manager_id and p.employee_id not in ("E0001", "E0002",
                                                                          "E0003")]
    for person in rng.sample(others, 24):
        kind = rng.choice([LeaveType.annual] * 4 + [LeaveType.sick, LeaveType.family])
        if rng.random() < 0.5:
            start, end = _span(today + timedelta(days=rng.randint(5, 60)), rng.randint(1, 3))
            status = rng.choice([LeaveStatus.pending] * 3 + [LeaveStatus.approved])
        else:
            start, end = _span(today - timedelta(days=rng.randint(20, 200)), rng.randint(1, 3))
            if end >= today or start.year != today.year:
                continue
            status = rng.choice([LeaveStatus.approved] * 4 + [LeaveStatus.cancelled,
                                                              LeaveStatus.declined])
        add(person.employee_id, kind, start, end, status, person.manager_id)
    return requests


def seed_hr(session: Session, today: date) -> int:
    """Insert the roster if the table is empty; returns the number of employees added."""
    if session.scalar(select(func.count()).select_from(Employee)):
        return 0
    people = generate_roster()  # managers before their reports: the foreign key holds
    session.add_all(Employee(
        employee_id=person.employee_id, name_en=person.name_en, name_ko=person.name_ko,
        branch=person.branch, department=person.department, job_role=person.job_role,
        work_phone=person.work_phone, work_email=person.work_email,
        manager_id=person.manager_id, hire_date=person.hire_date,
    ) for person in people)
    session.flush()
    # the table is empty, so the year's entitlements are new rows (one flush, not 219)
    session.add_all(
        LeaveEntitlement(employee_id=person.employee_id, year=today.year, leave_type=kind,
                         days=days)
        for person in people
        for kind, days in entitled_days(person.hire_date, today.year, today).items())
    for request in _example_requests(people, today):
        session.add(request)
    session.flush()
    return len(people)
