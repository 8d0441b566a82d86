"""Red-flag detector: recall on emergencies, false escalations on ordinary questions, wording."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safety import RedFlag, detect_red_flag, emergency_message, language_of
from safety.red_flags import CATEGORIES, _detect

DATA = Path(__file__).resolve().parents[1] / "data" / "safety"
LANGUAGES = ("en", "ko")
MAX_FALSE_ESCALATION = 0.01


def read_lines(name: str) -> list[str]:
    """One phrasing per line; blank lines and lines starting with '#' are skipped."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


# --------------------------------------------------------------------------- the lists

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_red_flag_line_escalates(lang):
    lines = read_lines(f"red_flags_{lang}.txt")
    assert len(lines) >= 90
    misses = [line for line in lines if detect_red_flag(line) is None]
    assert not misses, f"{len(misses)}/{len(lines)} {lang} red flags missed:\n" + "\n".join(misses)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ordinary_lines_rarely_escalate(lang):
    lines = read_lines(f"ordinary_{lang}.txt")
    assert len(lines) >= 190
    offenders = [(line, flag) for line in lines if (flag := detect_red_flag(line)) is not None]
    rate = len(offenders) / len(lines)
    report = "\n".join(f"{line!r} -> {flag.category} ({flag.matched!r})"
                       for line, flag in offenders)
    assert rate <= MAX_FALSE_ESCALATION, (
        f"{lang}: {len(offenders)}/{len(lines)} ordinary lines escalated ({rate:.1%}):\n{report}"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_flags_carry_the_message_language(lang):
    for line in read_lines(f"red_flags_{lang}.txt"):
        flag = detect_red_flag(line)
        assert flag is not None and flag.language == language_of(line), line
        assert flag.category in CATEGORIES, (line, flag)
        assert flag.matched, (line, flag)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_category_coverage(lang):
    """Each category has at least one list line that is detected with that category."""
    detected = {flag.category for line in read_lines(f"red_flags_{lang}.txt")
                if (flag := detect_red_flag(line)) is not None}
    missing = [c for c in CATEGORIES if c not in detected]
    assert not missing, f"{lang}: no list line detected as {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyword_gates_never_change_a_result(lang):
    """The fast keyword gates are an optimisation only: same answer with and without them."""
    lines = read_lines(f"red_flags_{lang}.txt") + read_lines(f"ordinary_{lang}.txt")
    lines += [a + " " + b for a, b in zip(lines, reversed(lines), strict=True)]
    differing = [line for line in lines
                 if _detect(line, gated=True) != _detect(line, gated=False)]
    assert not differing, "gates changed the result for:\n" + "\n".join(differing)


# --------------------------------------------------------------------------- policy examples

@pytest.mark.parametrize(("text", "category"), [
    ("I took 20 Tylenol", "overdose"),
    ("my son swallowed a bottle of Advil", "child_ingestion"),
    ("I think I overdosed", "overdose"),
    ("can't breathe after taking amoxicillin", "breathing"),
    ("what happens now, I took 15 pills", "overdose"),
    ("I want to die", "suicidal"),
    ("i just want to end it all", "suicidal"),
    ("im going to kill myself", "suicidal"),
    ("죽고 싶어요", "suicidal"),
    ("살기 싫어", "suicidal"),
    ("아이가 약을 삼켰어요", "child_ingestion"),
    ("애가 약을 먹었어요", "child_ingestion"),
    ("숨을 못 쉬겠어요", "breathing"),
    ("가슴이 아파요", "chest_pain"),
    ("I overdosed on tylenol", "overdose"),
    ("i think i od'd", "overdose"),
    ("I think I o.d.'d on my meds", "overdose"),
    ("he is unconcious", "unconscious"),
    ("she is having a siezure", "seizure"),
    ("my throat is swolen after the pill", "anaphylaxis"),
    ("i cant breath", "breathing"),
    ("I CAN’T BREATHE", "breathing"),
])
def test_events_escalate(text, category):
    flag = detect_red_flag(text)
    assert flag is not None, text
    assert flag.category == category, (text, flag)


@pytest.mark.parametrize("text", [
    "what happens if I take too much acetaminophen",
    "what is the maximum dose of ibuprofen",
    "how many Tylenol can I take in a day",
    "is it safe to take two Advil",
    "what should I do in case of overdose?",
    "does Benadryl cause chest pain as a side effect?",
    "best thing for chest congestion",
    "Keep out of reach of children",
    "this cough is killing me",
    "타이레놀 몇 알까지 먹어도 돼요?",
    "과다복용하면 어떻게 되나요?",
    "가슴 통증 부작용 있나요?",
])
def test_informational_questions_do_not_escalate(text):
    assert detect_red_flag(text) is None, (text, detect_red_flag(text))


# --------------------------------------------------------------------------- language

@pytest.mark.parametrize(("text", "lang"), [
    ("타이레놀 몇 알까지 먹어도 돼요?", "ko"),
    ("", "en"),
    ("   ", "en"),
    ("12345 !!!", "en"),
    ("how many advil can i take", "en"),
    ("Tylenol 20개 먹었어요", "ko"),
    ("advil 너무 많이 먹었어요", "ko"),
    ("I took Tylenol, 괜찮아요", "en"),
])
def test_language_of(text, lang):
    assert language_of(text) == lang


# --------------------------------------------------------------------------- messages

NUMBERS = {"emergency_number": "911-TEST", "poison_control": "0-PC-0000", "crisis_line": "988-X"}
HANGUL = re.compile(r"[가-힣]")
DOSE = re.compile(r"\d+\s*(?:mg|mcg|ml|g\b|tablets?|pills?|caplets?|알|정|mL)", re.IGNORECASE)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("category", CATEGORIES)
def test_emergency_message(category, lang):
    flag = RedFlag(category=category, language=lang, matched="x")
    text = emergency_message(flag, **NUMBERS)
    assert 0 < len(text) < 600
    assert not DOSE.search(text), text
    if category == "suicidal":
        assert NUMBERS["crisis_line"] in text
        assert ("혼자가 아니" in text) if lang == "ko" else ("not alone" in text)
    else:
        assert NUMBERS["emergency_number"] in text
        assert ("응급실" in text) if lang == "ko" else ("emergency room" in text)
    if category in {"overdose", "child_ingestion", "poisoning"}:
        assert NUMBERS["poison_control"] in text
        assert ("포장" in text) if lang == "ko" else ("package" in text)
    if lang == "ko":
        assert language_of(text) == "ko", text
    else:
        assert not HANGUL.search(text), text


def test_emergency_message_defaults():
    en = emergency_message(RedFlag("overdose", "en", "took 30"))
    assert "119" in en and "1-800-222-1222" in en
    ko = emergency_message(detect_red_flag("죽고 싶어요"))
    assert "109" in ko and language_of(ko) == "ko"
    flag = detect_red_flag("Tylenol 20개 먹었어요")
    assert flag is not None and flag.language == "ko"
    assert language_of(emergency_message(flag)) == "ko"


# --------------------------------------------------------------------------- robustness

@pytest.mark.parametrize("text", [
    "", " ", "\n\t", "\x00\xff" * 5000, "a" * 10_000, "가" * 10_000, "😀" * 5_000,
    "\ud800\udfff broken surrogates", "5 " * 5_000, "took " * 2_000, ". , ? !" * 2_000,
    "my son ate " * 1_000, "아이가 약을 " * 1_500, "\u200b\u202e\ufeff", "o.d." * 100,
])
def test_edge_inputs_do_not_raise(text):
    result = detect_red_flag(text)
    assert result is None or (result.category in CATEGORIES and result.matched)
    assert language_of(text) in LANGUAGES


def test_red_flag_found_at_the_end_of_a_long_message():
    text = ("Thanks for the help with my prescription refill earlier today. " * 200)[:9_980]
    flag = detect_red_flag(text + " i took 30 pills")
    assert flag is not None and flag.category == "overdose"


@pytest.mark.parametrize("text", [
    ("what is the maximum dose of ibuprofen for my son, can he take it with food " * 140)[:10_000],
    ("타이레놀은 식후에 먹어도 되나요? 아이가 먹어도 되는 양은요? " * 300)[:10_000],
    "\x00\xff" * 5_000,
])
def test_ten_thousand_ordinary_characters_do_not_escalate(text):
    """Long input (the gateway's limit is 2,000 characters) is scanned whole without escalating."""
    assert len(text) >= 9_990
    assert detect_red_flag(text) is None
