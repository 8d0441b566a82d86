"""Every number and dose in a reply appears in the passage it cites (issue 19, "Done when":
"Every reply stays within what its sources say").

Hundreds of answers, in English and Korean, are made the way the assistant makes them, from
real searches over the small index (Advil, Tylenol Extra Strength and PM, Claritin, Zyrtec,
Children's Motrin, and the chain's documents):

* leaflet answers (``replies.answers.compose_leaflet_answer``), once the way the dialogue asks
  (the medicine and topic of the question, k=5, the child's age → the children's product and
  the dose row for that age) and once the way the gateway's retrieval-only fallback asks
  (the bare question, k=3);
* "what can I take for …?" (``suggest_products`` with the KnowledgeBase of the test DB);
* branch hours (``POST /v1/stores/hours``);
* medication checks as answers (``POST /v1/medicines/answer``, Korea's real DUR rules).

Every number or dose of each reply ("2.5 mL", "12 years", "4 to 6 hours", "09:00–22:00",
"1/2", "3,000 mg", "two caplets") must appear in the text of the source that reply cites: the
hits its citation line names, the uses hit and the leaflet's caution sections of a suggestion,
the FAQ table row of the branch, the DUR rule of a finding (MFDS's wording, its detail and
grade) or the leaflet section quoted under it. Wording of the assistant's own (the pharmacist
line, headers, closings) must hold no number at all. The few numbers that are the assistant's
own fixed wording are listed in ``Audit.exclude`` calls below, each checked against where it
comes from and explained. Quotes are also checked to be verbatim (apart from "…" at a cut).

Deterministic: fixed question lists, a fixed clock for the hours, searches over a fixed
index. Numbers are compared normalised: case, spaces, dash kinds ("–", "~", "to" between two
numbers), thousands separators and unit spellings ("hours"/"hrs"/"시간", "세"/"years").
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.services.product_suggestions import CAUTION_SECTIONS, suggest_products
from knowledge_base.branches import branches_in
from knowledge_base.documents import Document
from knowledge_base.store import KnowledgeBase, open_knowledge_base
from knowledge_base.store_hours import notes_about
from replies.answers import compose_leaflet_answer
from retrieval.service import SearchService
from retrieval.topics import detect_topics
from tests.api.conftest import FakeRasa
from tests.api.grounding import (
    LABEL_DATE,
    QUOTE,
    Audit,
    audit_leaflet_answer,
    canon,
    citation_of,
    grounded,
    numbers_in,
)
from tests.api.grounding_questions import (
    HOURS_EN,
    HOURS_KO,
    MEDICATION_CHECKS,
    SYMPTOMS,
    leaflet_questions,
)
from tests.conftest import make_settings
from tests.medication_checks.dur_data import imported

SUNDAY_NOON = datetime(2026, 12, 6, 12, 0, tzinfo=ZoneInfo("Asia/Seoul"))
# as the dialogue (bot/actions/medicine.py): under 12, the children's product of the brand
CHILD_UNTIL_YEARS = 12

def test_the_normalisation_itself():
    assert numbers_in("take 2.5 mL every 4 to 6 hours; 3,000 mg") == ["2.5‹ml›", "4-6‹h›",
                                                                      "3000‹mg›"]
    assert numbers_in("평일(월~금) 09:00~22:00, 1/2 tablet, 24시간") == [
        "09:00-22:00", "1/2‹tablet›", "24‹h›"]
    assert numbers_in("take two caplets once daily") == ["two‹caplet›", "once"]
    source = canon("Adults: 1 tablet every 4–6 hrs; 2.5 mL; (6-8 years): 10 mL; 24 hours")
    for token in ("4-6‹h›", "6‹h›", "2.5‹ml›", "10‹ml›", "6-8‹y›", "24‹h›", "1", "8"):
        assert grounded(token, source), token
    for token in ("5‹ml›", "2.5‹mg›", "5", "4‹h›", "12", "1-2", "0.5"):
        assert not grounded(token, source), token


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def client(tmp_path_factory, small_index_settings, small_documents, embedder):
    """The real app on a copy of the small index and a test DB (Rasa faked), the clock at a
    Sunday noon in Seoul."""
    settings = make_settings(tmp_path_factory.mktemp("grounded"))
    shutil.copytree(small_index_settings.paths.index_dir, settings.paths.index_dir)
    open_knowledge_base(settings.db_url).import_documents(
        [("test", d) for d in small_documents], origins={"test"}, author="importer")
    app = create_app(settings, search_service=SearchService(settings, embedder, 1e9),
                     rasa_client=FakeRasa())
    with TestClient(app) as test_client:
        app.state.chat.clock = lambda: SUNDAY_NOON
        yield test_client


@pytest.fixture(scope="module")
def audit() -> Audit:
    return Audit()


def report(audit: Audit, family: str) -> str:
    return (f"{family}: {audit.answers[family]} answers, {audit.numbers[family]} numbers "
            f"checked, {audit.quotes[family]} quotes verbatim, "
            f"{audit.declined[family]} questions declined (no answer composed)")


def assert_clean(audit: Audit, family: str, capsys: pytest.CaptureFixture[str]) -> None:
    violations = [v for v in audit.violations if v.startswith(f"[{family}]")]
    with capsys.disabled():
        print(f"\n{report(audit, family)}; {len(violations)} violations")
    assert not violations, f"{len(violations)} violations:\n" + "\n".join(violations[:20])


# ---------------------------------------------------------------- leaflet answers


def childrens(search: SearchService, name: str) -> str:
    """As the dialogue's ``childrens_product``: "children's X" when we hold one."""
    if re.search(r"child|infant|kid|어린이|키즈", name, re.I):
        return name
    candidate = f"children's {name}"
    best = search.snapshot.lexicon.resolve(candidate)
    return candidate if best is not None and "child" in best.name.lower() else name


def test_leaflet_answers_quote_only_numbers_of_the_cited_passages(client, audit, capsys):
    search: SearchService = client.app.state.search
    settings = client.app.state.settings
    lexicon = search.snapshot.lexicon
    for question, language, age in leaflet_questions():
        # the dialogue: the medicine named, the question's topic, the age of the child
        named = lexicon.detect(question)
        medicine = named[0].surface if named else None
        if medicine and age is not None and age < CHILD_UNTIL_YEARS:
            medicine = childrens(search, medicine)
        topics = detect_topics(question)
        dialogue = search.search(question, k=5, medicine=medicine,
                                 topic=topics[0] if topics else None)
        # the gateway's retrieval-only fallback (api/services/chat.py): the bare question
        fallback = search.search(question, k=3)
        for family, result, ages in (("dialogue", dialogue, age), ("fallback", fallback, None)):
            if (result.medicine_not_covered or not result.hits or not result.medicines
                    or result.confidence < settings.retrieval.min_confidence):
                audit.declined[family] += 1  # "not sure" / "not covered": no number to check
                continue
            hits = [h.to_json() for h in result.hits]
            reply = compose_leaflet_answer(hits, language, age_years=ages)
            audit.answers[family] += 1
            audit_leaflet_answer(audit, family, question, reply, hits)
    assert audit.answers["dialogue"] >= 120 and audit.answers["fallback"] >= 100
    assert_clean(audit, "dialogue", capsys)
    assert_clean(audit, "fallback", capsys)


# ---------------------------------------------------------------- suggestions


_NUMBERED = re.compile(r"^(\d+)\. ", re.M)
_USES = re.compile(r"^\s*(?:Uses|효능·효과): “(?P<q>[^”]*)”\s*$", re.M)
_CAUTION = re.compile(r"^\s*(?:Caution|주의): “(?P<q>[^”]*)”\s*$", re.M)


def test_suggestions_quote_only_numbers_of_their_leaflets(client, audit, capsys):
    search: SearchService = client.app.state.search
    kb: KnowledgeBase = client.app.state.kb
    family = "suggestions"
    for question, language in SYMPTOMS:
        found = suggest_products(search, kb, question, language)
        if not found.text:
            audit.declined[family] += 1
            continue
        audit.answers[family] += 1
        reply = found.text
        titles = [s["title"] for s in found.sources]
        numbered = 0
        for block in reply.split("\n\n"):
            if not _NUMBERED.match(block):  # intro, sources line, closing: titles at most
                audit.check(family, question, reply, block, titles)
                continue
            numbered += 1
            # List numbering ("1.", "2.") is the reply's own layout: it must count 1, 2, 3.
            block = audit.exclude(family, question, reply, block, r"^\d+\. ", "list numbering",
                                  lambda m, n=numbered: m[0] == f"{n}. ")
            name_line = block.strip().splitlines()[0]
            hit = max((s for s in found.sources if name_line.startswith(s["title"])),
                      key=lambda s: len(s["title"]), default=None)
            if hit is None:
                audit.fail(family, question, reply, f"{name_line!r} names no cited source")
                continue
            document: Document = kb.get(hit["doc_id"]).document
            ingredients = document.section("active_ingredient")
            audit.check(family, question, reply, name_line,
                        [hit["title"], *document.generic_names,
                         ingredients.text if ingredients else None])
            cautions = [s.text for s in document.sections if s.key in CAUTION_SECTIONS]
            for pattern, texts in ((_USES, [hit["text"]]), (_CAUTION, cautions)):
                for match in pattern.finditer(block):
                    audit.check(family, question, reply, match[0], texts)
                    audit.verbatim(family, question, reply, match["q"], texts)
            rest = _CAUTION.sub("", _USES.sub("", block)).strip().splitlines()[1:]
            audit.no_numbers(family, question, reply, "\n".join(rest))
        if numbered != len(found.sources):
            audit.fail(family, question, reply, f"{numbered} products, "
                                                 f"{len(found.sources)} sources")
    assert audit.answers[family] >= 20
    assert_clean(audit, family, capsys)


# ---------------------------------------------------------------- branch hours


_PHONE = r"^(?:Phone|전화): ([\d-]+)$"
_ECHOED_TIME = r"so it is open at (\d\d:\d\d)\.|(\d\d:\d\d)에 열려 있습니다"


def _row(kb: KnowledgeBase, source: dict, branch: str) -> str | None:
    section = kb.get(source["doc_id"]).document.section(source["section"])
    if section is None:
        return None
    return next((line for line in section.text.splitlines()
                 if re.match(rf"\|\s*{re.escape(branch)}\s*\|", line)), None)


def test_hours_answers_give_only_the_times_of_the_branch_row(client, audit, capsys):
    kb: KnowledgeBase = client.app.state.kb
    branches = {b.name: b for b in branches_in(client.app.state.settings.paths.chain_docs_dir)}
    family = "hours"
    asked = [(q.format(b=name.split()[-1].lower()), "en", t) for name in branches
             for q, t in HOURS_EN]
    asked += [(q.format(b=b.name_ko), "ko", t) for b in branches.values() for q, t in HOURS_KO]
    for question, language, time_asked in asked:
        response = client.post("/v1/stores/hours", json={"text": question, "language": language})
        assert response.status_code == 200, response.text
        found = response.json()
        if not found["applies"]:
            audit.declined[family] += 1
            continue
        audit.answers[family] += 1
        reply, branch = found["text"], branches[found["branch"]]
        row = _row(kb, found["sources"][0], branch.name)
        if row is None:
            audit.fail(family, question, reply, f"no row for {branch.name} in the cited section")
            continue
        document = kb.get(found["sources"][0]["doc_id"]).document
        section_title = document.section(found["sources"][0]["section"]).title
        # The phone is the branch's, from the branch list (store_faq/branches.md), not from
        # the hours table the reply cites: it must be that branch's number.
        part = audit.exclude(family, question, reply, reply, _PHONE, "branch phone",
                             lambda m, b=branch: m[1] == b.phone)
        # "…, so it is open at 21:30": the time the user asked about, said back; it comes
        # from the question, not from the FAQ, and must be the time asked.
        part = audit.exclude(family, question, reply, part, _ECHOED_TIME, "time asked, echoed",
                             lambda m, t=time_asked: (m[1] or m[2]) == t)
        # A note about the branch quoted from the same FAQ (its summer hours) is a source too.
        notes = notes_about(document, branch.name)
        audit.check(family, question, reply, part, [row, document.title, section_title, *notes])
    assert audit.answers[family] >= 100
    assert_clean(audit, family, capsys)


# ---------------------------------------------------------------- medication checks


_DUR_CITATION = r"\((?:식품의약품안전처 DUR[^,)]*), (\d{4}-\d\d-\d\d)\)$"
# Fixed wording of a finding's kind (replies.medication_checks.TITLES and the sentences of
# medication_checks.checker), each allowed only in a finding of that kind:
# * MFDS's "노인주의" (older adults) list is by definition for people aged 65 or older: the
#   check reports it only then, and the reply says so in its title and sentence;
# * "Same ingredient twice" / "Same kind of medicine twice" name the kind of duplication
#   (성분 중복, 효능군 중복), not a dose;
# * MFDS's "용량주의" list gives a maximum per day (1일 최대 투여량): "1일 최대 용량" names
#   the kind of limit, the amount itself is MFDS's and is checked.
KIND_WORDING = {
    "dur_elderly": r"aged 65 or older|at 65 or older|65세 이상",
    "same_ingredient": r"^⚠️ Same ingredient twice:",
    "dur_duplicate_class": r"^⚠️ Same kind of medicine twice:",
    "dur_max_dose": r"1일 최대 용량",
}


def _finding_sources(finding: dict) -> list[str | None]:
    names = [n for i in finding["ingredients"] for n in (i["key"], i["name_en"], i["name_ko"])]
    return [finding["mfds_text"], finding.get("detail"), finding.get("grade"),
            finding.get("form"), *finding["medicines"], *names]


def test_medication_answers_give_only_numbers_of_the_dur_rules_and_leaflets(client, audit,
                                                                            capsys):
    rules = imported()[1]  # Korea's DUR rules, as tests/api/test_medication_answer.py loads them
    client.app.state.dur_rules = rules
    client.app.state.chat.medication_rules = rules
    kb: KnowledgeBase = client.app.state.kb
    family = "medication"
    for medicines, person in MEDICATION_CHECKS:
        for language in ("en", "ko"):
            question = f"{' + '.join(medicines)} {person} ({language})"
            response = client.post("/v1/medicines/answer", json={
                "medicines": list(medicines), "language": language, **person})
            assert response.status_code == 200, response.text
            found = response.json()
            if not found["applies"]:
                audit.declined[family] += 1
                continue
            audit.answers[family] += 1
            reply = found["text"]
            findings = iter(found["findings"])
            leaflets = [s for s in found["sources"] if s.get("source") != "MFDS DUR"]
            for block in reply.split("\n\n"):
                if block.startswith("⚠️"):
                    finding = next(findings, None)
                    if finding is None:
                        audit.fail(family, question, reply, "more findings written than found")
                        continue
                    # the notification date of the DUR rule: metadata of the cited rule
                    part = audit.exclude(family, question, reply, block, _DUR_CITATION,
                                         "notification date of a DUR rule",
                                         lambda m, f=finding: m[1] == f["notification_date"])
                    if finding["type"] in KIND_WORDING:
                        part = audit.exclude(family, question, reply, part,
                                             KIND_WORDING[finding["type"]],
                                             f"wording of a {finding['type']} finding",
                                             lambda m: True)
                    audit.check(family, question, reply, part, _finding_sources(finding))
                    for quoted in QUOTE.findall(block):
                        audit.verbatim(family, question, reply, quoted,
                                       [s for s in _finding_sources(finding) if s])
                    continue
                cited = citation_of(block)
                if cited is None:  # the header, "no rule applies", the pharmacist line
                    audit.no_numbers(family, question, reply, block)
                    continue
                sections = [(d, d.section(s["section"])) for s in leaflets
                            if (d := kb.get(s["doc_id"]).document).title == cited[0]]
                texts = [sec.text for _, sec in sections if sec and sec.title == cited[1]]
                if not texts:
                    audit.fail(family, question, reply, f"cites {cited}, not among its sources")
                    continue
                dates = {d.effective_date for d, _ in sections}
                part = audit.exclude(family, question, reply, block, LABEL_DATE,
                                     "label date of a citation", lambda m, d=dates: m[1] in d)
                audit.check(family, question, reply, part, [*texts, *cited])
                for quoted in QUOTE.findall(block):
                    audit.verbatim(family, question, reply, quoted, texts)
            if next(findings, None) is not None:
                audit.fail(family, question, reply, "a finding is missing from the reply")
    assert audit.answers[family] >= 30
    assert_clean(audit, family, capsys)


def test_at_least_200_answers_were_checked(audit, capsys):
    families = ("dialogue", "fallback", "suggestions", "hours", "medication")
    if not all(audit.answers[f] for f in families):
        pytest.skip("counts the answers of the tests above: run the whole module")
    total = sum(audit.answers[f] for f in families)
    with capsys.disabled():
        print(f"\nall: {total} answers, {sum(audit.numbers.values())} numbers checked, "
              f"{sum(audit.quotes.values())} quotes verbatim; excluded as fixed wording or "
              f"metadata: {dict(audit.excluded)}; {len(audit.violations)} violations")
    assert total >= 200
