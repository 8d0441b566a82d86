"""The staff console page: served with a strict CSP, only its own two assets, same-origin calls."""

from __future__ import annotations

import re

import pytest

from api.routes.staff import STAFF

ASSETS = [("staff.js", "text/javascript"), ("staff.css", "text/css"),
          ("consultations.js", "text/javascript")]


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
    assert '<script src="/static/staff/staff.js" defer></script>' in html
    assert '<link rel="stylesheet" href="/static/staff/staff.css">' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script would break the CSP"
    assert not re.search(r"\son[a-z]+=", html), "inline event handlers would break the CSP"
    assert not re.search(r"https?://", html), "the page must not load external resources"


@pytest.mark.parametrize(("name", "kind"), ASSETS)
def test_its_assets_are_served(client, name, kind):
    asset = client.get(f"/static/staff/{name}")
    assert asset.status_code == 200
    assert asset.headers["content-type"].startswith(kind)
    assert asset.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r"https?://", asset.text), "no external resources"


@pytest.mark.parametrize("path", ["/static/staff/missing.js", "/static/staff/index.html",
                                  "/static/staff/..%2F..%2Fmain.py", "/static/staff/staff.py",
                                  "/staff/staff.js"])
def test_anything_else_is_not_found(client, path):
    response = client.get(path, headers={"Accept-Language": "en"})
    assert response.status_code == 404, path
    assert response.json()["message"]


def test_every_api_path_the_script_calls_exists(client):
    """The page is not built, so a renamed route would only fail in the browser: check here."""
    script = (STAFF.directory / "staff.js").read_text(encoding="utf-8")
    called = set(re.findall(r"[\"`](/v1/[a-z/_-]*)", script))
    assert {"/v1/auth/token", "/v1/auth/me", "/v1/kb/documents", "/v1/kb/gaps",
            "/v1/search"} <= called
    served = list(client.get("/openapi.json").json()["paths"])
    for path in called:
        assert any(route == path.rstrip("/") or route.startswith(path) for route in served), path


def test_the_page_needs_no_token_but_its_data_does(client):
    assert client.get("/staff").status_code == 200
    assert client.get("/v1/kb/documents").status_code == 401
