"""Leave dates: our parser (``api.services.hr_dates``) against dateparser alone.

Issue 16 asked whether a maintained library could replace the hand-written grammar. This
plays the date phrases of ``tests/api/test_hr_dates.py`` (English and Korean, read on
Wednesday 2026-11-25) through both: ``parse_leave_dates`` (our grammar, with dateparser as
its fallback for what the grammar does not know), and dateparser alone — ``search_dates``
over the whole phrase, the first date found as the start and the last as the end, with the
same settings the fallback uses (future dates preferred, a day required).

    PYTHONPATH=. .venv/bin/python bench/hr_dates_eval.py   (or: make bench-hr-dates)
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from dateparser.search import search_dates
from tabulate import tabulate

from api.services.hr_dates import DateParseError, parse_leave_dates
from core.settings import REPO_ROOT
from tests.api.test_hr_dates import RANGES, SINGLE_DAYS, WEDNESDAY, WEEKS_AND_DURATIONS

RESULTS = REPO_ROOT / "bench" / "results" / "hr_dates.json"
Span = tuple[date, date] | None


def ours(text: str, today: date) -> Span:
    try:
        found = parse_leave_dates(text, today)
    except DateParseError:
        return None
    return found.start, found.end


def dateparser_alone(text: str, today: date) -> Span:
    found = search_dates(text, languages=["en", "ko"], settings={
        "RELATIVE_BASE": datetime(today.year, today.month, today.day),
        "PREFER_DATES_FROM": "future", "REQUIRE_PARTS": ["day"]})
    if not found:
        return None
    return found[0][1].date(), found[-1][1].date()


def cases() -> dict[str, list[tuple[str, date, date]]]:
    def d(iso: str) -> date:
        return date.fromisoformat(iso)

    return {
        "ranges": [(t, d(s), d(e)) for t, s, e in RANGES],
        "single days": [(t, d(x), d(x)) for t, x in SINGLE_DAYS],
        "weeks and durations": [(t, d(s), d(e)) for t, s, e in WEEKS_AND_DURATIONS],
    }


def main() -> None:
    results: dict[str, dict] = {}
    misses: dict[str, list[str]] = {"ours": [], "dateparser": []}
    for group, items in cases().items():
        row = {"n": len(items)}
        for name, parse in (("ours", ours), ("dateparser", dateparser_alone)):
            right = 0
            for text, start, end in items:
                if parse(text, WEDNESDAY) == (start, end):
                    right += 1
                else:
                    misses[name].append(text)
            row[name] = right
        results[group] = row
    total = sum(r["n"] for r in results.values())
    results["all"] = {"n": total, "ours": sum(r["ours"] for r in results.values()),
                      "dateparser": sum(r["dateparser"] for r in results.values())}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"), "today": "2026-11-25",
        "groups": results, "misses": misses}, ensure_ascii=False, indent=2) + "\n")
    print(tabulate([[g, r["n"], f"{r['ours']} ({r['ours'] / r['n']:.0%})",
                     f"{r['dateparser']} ({r['dateparser'] / r['n']:.0%})"]
                    for g, r in results.items()],
                   headers=["phrases", "n", "ours (grammar + dateparser)", "dateparser alone"]))
    print(f"written to {RESULTS.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
