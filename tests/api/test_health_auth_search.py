from tests.api.conftest import token


def test_health_and_readiness_follow_rasa(client, rasa):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"] == {"index": True, "rasa": True}
    rasa.available = False
    not_ready = client.get("/readyz")
    assert not_ready.status_code == 503 and not_ready.json()["checks"]["rasa"] is False


def test_metrics_and_openapi_are_served(client):
    client.get("/healthz")
    assert "http_requests_total" in client.get("/metrics").text
    assert "/v1/chat" in client.get("/openapi.json").json()["paths"]


def test_password_flow_issues_a_token_for_the_right_role(client):
    headers = token(client, "pharmacist")
    me = client.get("/v1/auth/me", headers=headers).json()
    assert me["role"] == "staff" and me["username"] == "pharmacist"
    assert me["hr_staff"] is False  # a pharmacist: the console never asks for the HR queue
    hr = client.get("/v1/auth/me", headers=token(client, "hr")).json()
    assert hr["role"] == "staff" and hr["hr_staff"] is True
    wrong = client.post("/v1/auth/token", data={"username": "pharmacist", "password": "nope"})
    assert wrong.status_code == 401 and wrong.json()["detail"] == "wrong username or password"
    forged = client.get("/v1/auth/me", headers={"Authorization": "Bearer not.a.token"})
    assert forged.status_code == 401


def test_search_returns_cited_passages(client):
    body = client.get("/v1/search", params={"q": "how often can I take advil", "k": 3}).json()
    hit = body["hits"][0]
    assert (hit["doc_id"], hit["section"], hit["drug"]) == (
        "cat-advil-tablets", "dosage_and_administration", "ibuprofen")
    assert hit["label_date"] and hit["section_title"] == "Directions"
    assert body["medicines"][0]["generics"] == ["ibuprofen"] and body["confidence"] > 0.4


def test_employee_documents_need_an_employee(client):
    params = {"q": "dental plan", "audience": "employee"}
    assert client.get("/v1/search", params=params).status_code == 403
    consumer = token(client, "customer")
    assert client.get("/v1/search", params=params, headers=consumer).status_code == 403
    ok = client.get("/v1/search", params=params, headers=token(client, "employee"))
    assert ok.status_code == 200 and ok.json()["hits"][0]["kind"] == "hr_handbook"


def test_search_rejects_bad_parameters(client):
    assert client.get("/v1/search", params={"q": ""}).status_code == 422
    response = client.get("/v1/search", params={"q": "advil", "k": 500})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["query", "k"]


def test_medicine_names_resolve(client):
    assert client.get("/v1/medicines/resolve", params={"name": "ibuprofin"}).json()[
        "generics"] == ["ibuprofen"]
    assert client.get("/v1/medicines/resolve", params={"name": "xanax"}).json()["known"] is False


def test_errors_carry_a_message_in_the_users_language(client):
    english = client.get("/v1/auth/me")
    korean = client.get("/v1/auth/me", headers={"Accept-Language": "ko-KR,ko;q=0.9,en;q=0.5"})
    assert english.status_code == korean.status_code == 401
    assert english.json()["detail"] == korean.json()["detail"] == "sign in required"
    assert english.json()["message"] == "Sign in required."
    assert korean.json()["message"] == "로그인이 필요합니다."


def test_validation_errors_name_the_field_in_both_languages(client):
    body = {"session_id": "s1", "message": ""}
    english = client.post("/v1/chat", json=body)
    korean = client.post("/v1/chat", json=body, headers={"Accept-Language": "ko"})
    assert english.status_code == korean.status_code == 422
    assert english.json()["detail"][0]["loc"] == ["body", "message"]
    assert english.json()["message"].startswith("message:")
    assert "(message)" in korean.json()["message"] and "올바르지" in korean.json()["message"]


def test_unknown_route_is_a_json_404(client):
    response = client.get("/v1/nothing-here", headers={"Accept-Language": "ko"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found", "message": "찾을 수 없습니다."}
