"""The staff directory and the seeded roster."""

from __future__ import annotations

import pytest

from tests.api.hr.support import (
    DIRECTORY_FIELDS,
)

# --- directory ------------------------------------------------------------------------------------


def search_directory(client, headers, **params) -> list[dict]:
    response = client.get("/v1/hr/directory", headers=headers, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["count"] == len(body["results"])
    return body["results"]


@pytest.mark.parametrize(("query", "expected"), [
    ("Kang Min-ho", "Kang Min-ho"),
    ("kang minho", "Kang Min-ho"),
    ("Min-ho Kang", "Kang Min-ho"),
    ("Kang Mino", "Kang Min-ho"),         # misspelt
    ("Kahng Min-ho", "Kang Min-ho"),
    ("강민호", "Kang Min-ho"),
    ("윤서아", "Yoon Seo-ah"),
    ("윤서야", "Yoon Seo-ah"),            # one wrong vowel
    ("Yun Seoa", "Yoon Seo-ah"),
    ("jang ha jun", "Jang Ha-jun"),
])
def test_directory_finds_names_in_any_spelling(client, auth, query, expected):
    results = search_directory(client, auth("employee"), q=query)
    assert results and results[0]["name_en"] == expected, [r["name_en"] for r in results]


def test_directory_filters_by_branch_department_and_role(client, auth):
    employee = auth("employee")
    seomyeon = search_directory(client, employee, branch="Busan Seomyeon", limit=100)
    assert seomyeon and {r["branch"] for r in seomyeon} == {"Busan Seomyeon"}
    for alias in ("부산 서면점", "seomyeon", "서면"):
        assert search_directory(client, employee, branch=alias, limit=100) == seomyeon, alias
    in_charge = search_directory(client, employee, branch="busan", role="pharmacist in charge")
    assert sorted(r["branch"] for r in in_charge) == ["Busan Haeundae", "Busan Seomyeon"]
    assert {r["job_role"] for r in in_charge} == {"pharmacist in charge"}
    jongno = search_directory(client, employee, branch="종로점", role="관리약사")
    assert len(jongno) == 1 and jongno[0]["branch"] == "Jongno"
    hr_team = search_directory(client, employee, department="인사팀", limit=100)
    assert len(hr_team) == 11 and {r["department"] for r in hr_team} == {"hr"}
    assert "Park Ji-won" in {r["name_en"] for r in hr_team}
    assert search_directory(client, employee, q="Zzyzx Qwerty") == []
    assert search_directory(client, employee, branch="Atlantis") == []


def test_directory_shows_work_contacts_only(client, auth):
    results = search_directory(client, auth("employee"), limit=100)
    assert len(results) == 100
    for person in results:
        assert set(person) == DIRECTORY_FIELDS
        assert person["work_email"].endswith("@haneul-pharmacy.example")
    everything = client.get("/v1/hr/directory", headers=auth("employee"),
                            params={"q": "Yoon Seo-ah"}).text
    assert "2021-03-02" not in everything and "E0002" not in everything
    assert "E0001" not in everything and "annual" not in everything
    too_many = client.get("/v1/hr/directory", headers=auth("employee"), params={"limit": 101})
    assert too_many.status_code == 422


# --- the seeded roster ---------------------------------------------------------------------------


def test_the_roster_is_realistic_and_the_same_every_time():
    from api.services.hr_seed import generate_roster

    people = generate_roster()
    assert people == generate_roster()
    assert len(people) >= 200
    assert len({p.employee_id for p in people}) == len(people)
    assert len({p.work_email for p in people}) == len(people)
    assert len({p.branch for p in people}) >= 8 and len({p.department for p in people}) >= 6
    by_id = {p.employee_id: p for p in people}
    assert all(p.manager_id is None or p.manager_id in by_id for p in people)
    assert sum(p.manager_id is None for p in people) == 1  # one chief executive
    assert (by_id["E0001"].name_en, by_id["E0001"].job_role) == ("Kang Min-ho", "store manager")
    assert by_id["E0002"].manager_id == "E0001"
    assert by_id["E0003"].branch == "Jongno" and by_id["E0003"].manager_id != "E0001"
    managers = {p.manager_id for p in people if p.manager_id}
    assert len(managers) >= 15


@pytest.mark.parametrize(("question", "filters"), [
    ("who is the pharmacist in charge at Jamsil?",
     {"branch": "Jamsil", "role": "pharmacist in charge"}),
    ("잠실점 약국장 연락처", {"branch": "Jamsil", "role": "pharmacist in charge"}),
    ("who is the manager of the Jamsil branch?", {"branch": "Jamsil", "role": "store manager"}),
    ("서면점 점장님 전화번호", {"branch": "Busan Seomyeon", "role": "store manager"}),
    ("cashiers in gangnam", {"branch": "Gangnam", "role": "cashier"}),
    ("인사팀 연락처 알려줘", {"department": "hr"}),
    ("can you find it for me?", {}),  # "it" alone is not the IT team
])
def test_directory_reads_branch_role_and_department_from_a_question(client, auth, question,
                                                                    filters):
    response = client.get("/v1/hr/directory", headers=auth("employee"),
                          params={"question": question, "limit": 100})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["filters"] == filters
    for person in body["results"] if filters else []:
        assert all(person[{"role": "job_role"}.get(k, k)] == v for k, v in filters.items())
    # a filter given outright wins over the question's
    explicit = client.get("/v1/hr/directory", headers=auth("employee"), params={
        "question": "잠실점 약국장", "branch": "Gangnam"}).json()
    assert explicit["filters"] == {"branch": "Gangnam", "role": "pharmacist in charge"}
