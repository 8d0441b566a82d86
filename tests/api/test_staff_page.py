"""The staff console page: served with a strict CSP, only its own assets, same-origin calls."""

from __future__ import annotations

import re

import pytest

from api.routes.staff import STAFF
from tests.static_modules import reached_modules


@pytest.fixture
def client(read_only_client):
    """Every test here only reads: one app serves the module."""
    return read_only_client


KINDS = {".js": "text/javascript", ".css": "text/css"}
ASSETS = sorted(STAFF.assets)


def test_the_page_is_served_with_a_strict_content_security_policy(client):
    page = client.get("/staff")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    for rule in ("default-src 'self'", "script-src 'self'", "connect-src 'self'",
                 "frame-ancestors 'none'"):
        assert rule in policy
    assert "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    html = page.text
    assert re.findall(r"<script\b[^>]*>", html) == [
        '<script type="module" src="/static/staff/js/main.js">'], "one entry module, nothing else"
    assert '<link rel="stylesheet" href="/static/staff/staff.css">' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script would break the CSP"
    assert not re.search(r"\son[a-z]+=", html), "inline event handlers would break the CSP"
    assert not re.search(r"https?://", html), "the page must not load external resources"


@pytest.mark.parametrize("name", ASSETS)
def test_its_assets_are_served(client, name):
    asset = client.get(f"/static/staff/{name}")
    assert asset.status_code == 200
    assert asset.headers["content-type"].startswith(KINDS[name[name.rindex("."):]])
    assert asset.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r"https?://", asset.text), "no external resources"


def test_every_module_the_page_imports_is_served(client):
    """Modules import each other by relative URL: each one must be on the allow-list, and every
    module in the folder must be reached from the page's entry module."""
    reached = reached_modules(client.get, "/static/staff")
    on_disk = {f"js/{path.name}" for path in (STAFF.directory / "js").glob("*.js")}
    assert reached == on_disk == {name for name in STAFF.assets if name.endswith(".js")}


@pytest.mark.parametrize("path", ["/static/staff/missing.js", "/static/staff/index.html",
                                  "/static/staff/..%2F..%2Fmain.py", "/static/staff/staff.py",
                                  "/static/staff/js/missing.js", "/static/staff/js/staff.css",
                                  "/static/staff/js%2F..%2F..%2F..%2Fmain.py",
                                  "/static/staff/js/..%2Fjs%2Fmain.js", "/staff/js/main.js"])
def test_anything_else_is_not_found(client, path):
    response = client.get(path, headers={"Accept-Language": "en"})
    assert response.status_code == 404, path
    assert response.json()["message"]


def test_every_api_path_the_script_calls_exists(client):
    """The page is not built, so a renamed route would only fail in the browser: check here."""
    script = "\n".join(path.read_text(encoding="utf-8")
                       for path in sorted((STAFF.directory / "js").glob("*.js")))
    called = set(re.findall(r"[\"`](/v1/[a-z/_-]*)", script))
    assert {"/v1/auth/token", "/v1/auth/me", "/v1/kb/documents", "/v1/kb/gaps",
            "/v1/search"} <= called
    served = list(client.get("/openapi.json").json()["paths"])
    for path in called:
        assert any(route == path.rstrip("/") or route.startswith(path) for route in served), path


def test_the_page_needs_no_token_but_its_data_does(client):
    assert client.get("/staff").status_code == 200
    assert client.get("/v1/kb/documents").status_code == 401
