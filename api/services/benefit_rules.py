"""What a benefit request must say, per kind, as pure functions (no database).

The facts behind them (HR handbook ``hr-benefits`` and ``hr-payroll``):

* ``add_dependent``: a spouse or child (a newborn included) registered as a dependant
  (피부양자) on the health cover; HR needs the relation, the name and the birth date, which
  cannot be in the future.
* ``employment_certificate`` (재직증명서): what it is for (``purpose``), in Korean or
  English, and how many copies.
* ``income_certificate`` (근로소득 원천징수영수증): one tax year that is over and settled —
  the year-end settlement makes the receipt available by 10 March of the next year — and
  not before the year the employee joined Haneul.

``copies`` is at most :data:`MAX_COPIES` (an input bound of ours, not a handbook rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from api.models.benefits import BenefitKind, CertificateLanguage, DependentRelation
from api.services.refusals import Refusal

MAX_COPIES = 5
INCOME_RECEIPT_READY = (3, 10)  # (month, day) the previous year's receipt is available
OLDEST_BIRTH_YEARS = 120  # a birth date further back than this is a typing mistake
DEPENDENT_FIELDS = ("relation", "name", "birth_date")
CERTIFICATE_FIELDS = ("purpose", "language", "copies")
FIELDS_OF = {
    BenefitKind.add_dependent: DEPENDENT_FIELDS,
    BenefitKind.employment_certificate: CERTIFICATE_FIELDS,
    BenefitKind.income_certificate: (*CERTIFICATE_FIELDS, "year"),
}
ALL_FIELDS = (*DEPENDENT_FIELDS, *CERTIFICATE_FIELDS, "year")


class BenefitError(Refusal):
    """A refused benefits operation: HTTP status, the field it concerns, a code, a reason.

    422: the request is invalid in itself (a detail missing, one its kind does not take, a
    future birth date, a tax year not settled yet). 409: it conflicts with what is stored
    (the same request is already open, a transition the request's status does not allow,
    HR staff acting on their own request). 404: no such request visible to the caller.
    """


@dataclass(frozen=True)
class RequestDetails:
    """The details of one request as given (None: not given)."""

    relation: DependentRelation | None = None
    name: str | None = None
    birth_date: date | None = None
    purpose: str | None = None
    language: CertificateLanguage | None = None
    copies: int | None = None
    year: int | None = None


def _required(field: str, kind: BenefitKind, what: str) -> BenefitError:
    return BenefitError(422, field, f"{field}_required",
                        f"a request of kind {kind.value} needs {what}")


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(text.split()) or None


def check_details(kind: BenefitKind, given: RequestDetails, today: date,
                  hired: date) -> RequestDetails:
    """The details to store for ``kind`` (defaults filled, text trimmed), or a 422."""
    for field in ALL_FIELDS:
        if getattr(given, field) is not None and field not in FIELDS_OF[kind]:
            raise BenefitError(422, field, "field_not_allowed",
                               f"{field} is not part of a request of kind {kind.value}")
    if kind == BenefitKind.add_dependent:
        return _dependent(given, today)
    purpose = _clean(given.purpose)
    if kind == BenefitKind.employment_certificate and purpose is None:
        raise _required("purpose", kind, "its purpose (for example \"bank loan\")")
    if given.copies is not None and not 1 <= given.copies <= MAX_COPIES:
        raise BenefitError(422, "copies", "invalid_copies",
                           f"copies must be from 1 to {MAX_COPIES}")
    details = RequestDetails(purpose=purpose,
                             language=given.language or CertificateLanguage.ko,
                             copies=given.copies or 1)
    if kind == BenefitKind.income_certificate:
        return RequestDetails(**{**details.__dict__, "year": _tax_year(given.year, today,
                                                                       hired)})
    return details


def _dependent(given: RequestDetails, today: date) -> RequestDetails:
    kind = BenefitKind.add_dependent
    if given.relation is None:
        raise _required("relation", kind, "the relation: spouse or child")
    name = _clean(given.name)
    if name is None:
        raise _required("name", kind, "the dependent's name")
    if given.birth_date is None:
        raise _required("birth_date", kind, "the dependent's birth date")
    if given.birth_date > today:
        raise BenefitError(422, "birth_date", "future_birth_date",
                           f"{given.birth_date.isoformat()} is in the future: a newborn can "
                           "be added from the day of birth")
    if given.birth_date.year < today.year - OLDEST_BIRTH_YEARS:
        raise BenefitError(422, "birth_date", "implausible_birth_date",
                           f"{given.birth_date.isoformat()} is more than "
                           f"{OLDEST_BIRTH_YEARS} years ago")
    return RequestDetails(relation=given.relation, name=name, birth_date=given.birth_date)


def settled_tax_year(today: date) -> int:
    """The latest tax year whose withholding receipt is available on ``today``."""
    month, day = INCOME_RECEIPT_READY
    return today.year - 1 if today >= date(today.year, month, day) else today.year - 2


def _tax_year(year: int | None, today: date, hired: date) -> int:
    if year is None:  # "my 원천징수영수증": the latest year there is one of
        year = settled_tax_year(today)
    if year >= today.year:
        raise BenefitError(422, "year", "tax_year_not_over",
                           f"tax year {year} is not over yet: its receipt follows the "
                           "year-end settlement in January")
    if year > settled_tax_year(today):
        raise BenefitError(422, "year", "not_settled_yet",
                           f"the receipt for {year} is available from 10 March {year + 1}, "
                           "after the year-end settlement")
    if year < hired.year:
        raise BenefitError(422, "year", "before_hire",
                           f"you joined Haneul in {hired.year}: there is no Haneul income "
                           f"for {year}")
    return year


def same_request(details: RequestDetails, other: RequestDetails) -> bool:
    """Whether two requests of one kind ask for the same thing (names and purposes compared
    without case or extra spaces)."""
    def key(d: RequestDetails) -> tuple:
        return (d.relation, (d.name or "").casefold(), d.birth_date,
                (d.purpose or "").casefold(), d.language, d.year)

    return key(details) == key(other)
