"""HTTP client for the gateway (search, lexicon, HR), with retries on connect errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from bot.actions.config import get_config


class GatewayError(RuntimeError):
    """The gateway could not be reached or refused the request."""


class GatewayRefused(GatewayError):
    """The gateway answered with an error status (4xx/5xx); ``detail`` is its explanation."""

    def __init__(self, status_code: int, path: str, body: object) -> None:
        super().__init__(f"gateway answered {status_code} for {path}")
        self.status_code = status_code
        self.body = body

    @property
    def detail(self) -> list[dict]:
        """FastAPI's ``detail`` as a list of {"loc", "msg", "type"} (a string becomes msg)."""
        detail = self.body.get("detail") if isinstance(self.body, dict) else None
        if isinstance(detail, list):
            return [d for d in detail if isinstance(d, dict)]
        return [{"msg": str(detail)}] if detail else []

    @property
    def code(self) -> str | None:
        return next((d.get("type") for d in self.detail if d.get("type")), None)


@dataclass
class SearchAnswer:
    hits: list[dict]
    confidence: float
    answerable: bool = False  # the gateway's one threshold: confident enough to answer
    medicines: list[dict] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    medicine_not_covered: bool = False


@cache
def _session() -> requests.Session:
    session = requests.Session()
    retry = Retry(total=2, connect=2, read=0, backoff_factor=0.1,
                  allowed_methods=frozenset({"GET"}))
    session.mount("http://", HTTPAdapter(max_retries=retry, pool_maxsize=16))
    return session


class GatewayClient:
    def __init__(self, base_url: str | None = None, token: str | None = None) -> None:
        config = get_config()
        self._base = (base_url or config.gateway_url).rstrip("/")
        self._timeout = config.timeout_seconds
        self._headers = {"Authorization": f"Bearer {token}"} if token else {}

    def _request(self, method: str, path: str, *, params: dict | None = None,
                 json: dict | None = None) -> dict | list:
        try:
            response = _session().request(method, f"{self._base}{path}", params=params,
                                          json=json, headers=self._headers,
                                          timeout=self._timeout)
        except requests.RequestException as exc:
            raise GatewayError(f"gateway unreachable: {exc.__class__.__name__}") from exc
        if response.status_code >= 400:
            try:
                body = response.json()
            except ValueError:
                body = None
            raise GatewayRefused(response.status_code, path, body)
        return response.json()

    def _get(self, path: str, params: dict) -> dict:
        return self._request("GET", path, params=params)  # type: ignore[return-value]

    def get(self, path: str, params: dict | None = None) -> dict | list:
        return self._request("GET", path, params=params)

    def post(self, path: str, json: dict | None = None) -> dict | list:
        """POST (never retried once sent: a leave request must not be made twice)."""
        return self._request("POST", path, json=json or {})

    def delete(self, path: str) -> dict | list:
        return self._request("DELETE", path)

    def search(
        self, query: str, *, medicine: str | None = None, topic: str | None = None,
        k: int = 5, audience: str = "consumer", kinds: tuple[str, ...] = (),
    ) -> SearchAnswer:
        params: dict = {"q": query[:500], "k": k, "audience": audience}
        if medicine:
            params["medicine"] = medicine[:100]
        if topic:
            params["topic"] = topic
        if kinds:
            params["kind"] = list(kinds)
        body = self._get("/v1/search", params)
        return SearchAnswer(hits=body["hits"], confidence=body["confidence"],
                            answerable=bool(body.get("answerable")),
                            medicines=body.get("medicines", []), topics=body.get("topics", []),
                            medicine_not_covered=body.get("medicine_not_covered", False))

    def resolve_medicine(self, name: str) -> dict:
        """{"known": bool, "generics": [...], "matched": str|None} for a typed name."""
        return self._get("/v1/medicines/resolve", {"name": name[:100]})
