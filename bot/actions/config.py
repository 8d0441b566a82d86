"""Action-server settings, from the environment (this venv has pydantic 1, so plain env)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class ActionConfig:
    gateway_url: str
    timeout_seconds: float
    min_confidence: float
    emergency_number: str
    poison_control: str
    crisis_line: str


@cache
def get_config() -> ActionConfig:
    env = os.environ.get
    return ActionConfig(
        gateway_url=env("ACTIONS_GATEWAY_URL", "http://127.0.0.1:8000").rstrip("/"),
        timeout_seconds=float(env("ACTIONS_GATEWAY_TIMEOUT", "2.0")),
        min_confidence=float(env("ACTIONS_MIN_CONFIDENCE", "0.35")),
        emergency_number=env("PHARMA_SAFETY__EMERGENCY_NUMBER", "119"),
        poison_control=env("PHARMA_SAFETY__POISON_CONTROL", "1-800-222-1222"),
        crisis_line=env("PHARMA_SAFETY__CRISIS_LINE", "109"),
    )
