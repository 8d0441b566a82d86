"""Emergency replies give the region's numbers, and never another region's."""

from __future__ import annotations

import pytest

from safety import CATEGORIES, Branch, RedFlag, emergency_message
from safety.messages import REGIONS, caution_message, crisis_numbers, region_numbers

LANGUAGES = ("en", "ko")


def other_numbers(region: str) -> list[str]:
    return [n for r in REGIONS if r != region for n in region_numbers(r)]


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("category", CATEGORIES)
def test_every_reply_has_its_regions_numbers_and_no_other(region, lang, category):
    for branch in (None, Branch("Jamsil", "02-2143-1400")):
        text = emergency_message(RedFlag(category, lang, "x"), region, branch)
        leaked = [n for n in other_numbers(region) if n in text]
        assert not leaked, (region, lang, category, leaked, text)
        if category in ("suicidal", "self_harm"):
            assert all(n in text for n in crisis_numbers(region)), text
        else:
            assert region_numbers(region)[0] in text, text
        if lang == "ko":
            assert any("\uac00" <= ch <= "\ud7a3" for ch in text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_korea_gives_119_first_and_109_and_1577_0199_for_suicidal_thoughts(lang):
    medical = emergency_message(RedFlag("child_ingestion", lang, "x"), "KR")
    assert medical.split(".")[0].count("119") == 1  # the first sentence says what to do now
    crisis = emergency_message(RedFlag("suicidal", lang, "x"), "KR")
    assert "109" in crisis and "1577-0199" in crisis and "119" in crisis


def test_a_named_branch_adds_its_phone_to_medical_replies_only():
    branch = Branch("Jamsil", "02-2143-1400")
    assert "02-2143-1400" in emergency_message(RedFlag("seizure", "en", "x"), "KR", branch)
    assert "02-2143-1400" not in emergency_message(RedFlag("suicidal", "en", "x"), "KR", branch)


def test_an_unknown_region_is_refused():
    with pytest.raises(ValueError, match="unknown region"):
        emergency_message(RedFlag("seizure", "en", "x"), "XX")


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("category", CATEGORIES)
def test_every_caution_note_has_its_regions_numbers_and_no_other(region, lang, category):
    text = caution_message(RedFlag(category, lang, "x"), region)
    assert not [n for n in other_numbers(region) if n in text], text
    wanted = crisis_numbers(region) if category in ("suicidal", "self_harm") \
        else [region_numbers(region)[0]]
    assert all(n in text for n in wanted), text
    assert (lang == "ko") == any("\uac00" <= ch <= "\ud7a3" for ch in text)
