"""What a benefit request must say, per kind (api.services.benefit_rules): pure, no app."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from api.models.benefits import BenefitKind, CertificateLanguage, DependentRelation
from api.services.benefit_rules import (
    INCOME_RECEIPT_READY,
    BenefitError,
    RequestDetails,
    check_details,
    same_request,
    settled_tax_year,
)

TODAY = date(2026, 11, 23)
HIRED = date(2021, 3, 2)
PAYROLL = (Path(__file__).resolve().parents[3] / "knowledge_base" / "chain" / "hr_handbook"
           / "payroll.md")
CHILD = RequestDetails(relation=DependentRelation.child, name="  Yoon   Ha-rin ",
                       birth_date=date(2026, 11, 16))


def refused(kind: BenefitKind, given: RequestDetails, today: date = TODAY,
            hired: date = HIRED) -> BenefitError:
    with pytest.raises(BenefitError) as caught:
        check_details(kind, given, today, hired)
    return caught.value


def test_a_dependent_needs_relation_name_and_a_birth_date_that_has_happened():
    stored = check_details(BenefitKind.add_dependent, CHILD, TODAY, HIRED)
    assert stored == RequestDetails(relation=DependentRelation.child, name="Yoon Ha-rin",
                                    birth_date=date(2026, 11, 16))
    today_born = RequestDetails(relation=DependentRelation.child, name="A",
                                birth_date=TODAY)  # a newborn, registered the same day
    assert check_details(BenefitKind.add_dependent, today_born, TODAY, HIRED).name == "A"
    for missing, field in (({"relation": None}, "relation"), ({"name": "   "}, "name"),
                           ({"birth_date": None}, "birth_date")):
        error = refused(BenefitKind.add_dependent,
                        RequestDetails(**{**CHILD.__dict__, **missing}))
        assert (error.status, error.field, error.code) == (422, field, f"{field}_required")
    future = refused(BenefitKind.add_dependent,
                     RequestDetails(**{**CHILD.__dict__, "birth_date": date(2026, 11, 24)}))
    assert (future.status, future.code) == (422, "future_birth_date")
    ancient = refused(BenefitKind.add_dependent,
                      RequestDetails(**{**CHILD.__dict__, "birth_date": date(1899, 1, 1)}))
    assert ancient.code == "implausible_birth_date"


def test_each_kind_refuses_the_details_of_another():
    for kind, extra in ((BenefitKind.add_dependent, {"copies": 2}),
                        (BenefitKind.add_dependent, {"purpose": "loan"}),
                        (BenefitKind.employment_certificate, {"year": 2025}),
                        (BenefitKind.employment_certificate,
                         {"relation": DependentRelation.spouse}),
                        (BenefitKind.income_certificate, {"name": "Kim"})):
        base = CHILD.__dict__ if kind == BenefitKind.add_dependent else {
            "purpose": "loan", "year": 2025 if kind == BenefitKind.income_certificate else None}
        error = refused(kind, RequestDetails(**{**base, **extra}))
        assert (error.status, error.code, error.field) == (422, "field_not_allowed",
                                                           next(iter(extra))), (kind, extra)
        assert error.detail() == [{"loc": ["body", error.field], "msg": error.message,
                                   "type": "field_not_allowed"}]


def test_an_employment_certificate_needs_a_purpose_and_defaults_to_one_korean_copy():
    stored = check_details(BenefitKind.employment_certificate,
                           RequestDetails(purpose=" bank  loan "), TODAY, HIRED)
    assert stored == RequestDetails(purpose="bank loan", language=CertificateLanguage.ko,
                                    copies=1)
    english = check_details(BenefitKind.employment_certificate, RequestDetails(
        purpose="visa", language=CertificateLanguage.en, copies=3), TODAY, HIRED)
    assert (english.language, english.copies) == (CertificateLanguage.en, 3)
    assert refused(BenefitKind.employment_certificate,
                   RequestDetails(purpose=" ")).code == "purpose_required"
    assert refused(BenefitKind.employment_certificate,
                   RequestDetails(purpose="x", copies=6)).code == "invalid_copies"


def test_the_handbook_says_when_the_withholding_receipt_is_available():
    month, day = INCOME_RECEIPT_READY
    text = PAYROLL.read_text(encoding="utf-8")
    assert "withholding receipt" in text and "**10 March**" in text
    assert date(2026, month, day) == date(2026, 3, 10)


@pytest.mark.parametrize(("today", "settled"), [
    (date(2026, 11, 23), 2025), (date(2026, 3, 10), 2025), (date(2026, 3, 9), 2024),
    (date(2026, 1, 2), 2024)])
def test_the_settled_tax_year_follows_the_year_end_settlement(today, settled):
    assert settled_tax_year(today) == settled


def test_an_income_certificate_is_for_a_settled_year_since_joining():
    stored = check_details(BenefitKind.income_certificate, RequestDetails(year=2025),
                           TODAY, HIRED)
    assert (stored.year, stored.purpose, stored.copies) == (2025, None, 1)
    assert check_details(BenefitKind.income_certificate, RequestDetails(year=2021),
                         TODAY, HIRED).year == 2021  # the year of hiring counts
    assert check_details(BenefitKind.income_certificate, RequestDetails(), TODAY,
                         HIRED).year == settled_tax_year(TODAY)  # no year: the latest one
    for year, code in ((2026, "tax_year_not_over"),
                       (2027, "tax_year_not_over"), (2020, "before_hire")):
        error = refused(BenefitKind.income_certificate, RequestDetails(year=year))
        assert (error.status, error.field, error.code) == (422, "year", code), year
    early = refused(BenefitKind.income_certificate, RequestDetails(year=2025),
                    today=date(2026, 2, 1))
    assert early.code == "not_settled_yet" and "10 March 2026" in early.message


def test_the_same_request_ignores_case_and_spaces_but_not_details():
    stored = check_details(BenefitKind.add_dependent, CHILD, TODAY, HIRED)
    again = check_details(BenefitKind.add_dependent, RequestDetails(
        relation=DependentRelation.child, name="yoon ha-RIN", birth_date=date(2026, 11, 16)),
        TODAY, HIRED)
    twin = RequestDetails(**{**stored.__dict__, "name": "Yoon Ha-eun"})
    assert same_request(stored, again) and not same_request(stored, twin)
    korean = RequestDetails(purpose="loan", language=CertificateLanguage.ko, copies=1)
    english = RequestDetails(purpose="loan", language=CertificateLanguage.en, copies=1)
    more = RequestDetails(purpose="LOAN", language=CertificateLanguage.ko, copies=3)
    assert not same_request(korean, english) and same_request(korean, more)
