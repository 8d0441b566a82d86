"""When pharmacists answer chat consultations: pure functions of a clock and the settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.settings import ConsultationSettings


@dataclass(frozen=True)
class DutyHours:
    start: time
    end: time | None  # None: until midnight ("24:00")

    @classmethod
    def parse(cls, text: str) -> DutyHours:
        first, last = text.split("-")
        return cls(time.fromisoformat(first), None if last == "24:00" else time.fromisoformat(last))

    @property
    def always(self) -> bool:
        return self.start == time(0) and self.end is None

    def label(self) -> str:
        return f"{self.start:%H:%M}–{'24:00' if self.end is None else f'{self.end:%H:%M}'}"


def duty_hours(settings: ConsultationSettings, branch: str | None = None) -> DutyHours:
    return DutyHours.parse(settings.branch_hours.get(branch or "", settings.hours))


def _local(now: datetime, settings: ConsultationSettings) -> datetime:
    return now.astimezone(ZoneInfo(settings.timezone))


def on_duty(now: datetime, settings: ConsultationSettings, branch: str | None = None) -> bool:
    """Whether a pharmacist answers chat at ``now`` (an aware datetime)."""
    hours = duty_hours(settings, branch)
    local = _local(now, settings).time()
    return local >= hours.start and (hours.end is None or local < hours.end)


def next_duty_start(now: datetime, settings: ConsultationSettings,
                    branch: str | None = None) -> datetime:
    """The next time (local, aware) pharmacists start answering, after ``now``."""
    hours = duty_hours(settings, branch)
    local = _local(now, settings)
    start = local.replace(hour=hours.start.hour, minute=hours.start.minute, second=0,
                          microsecond=0)
    return start if start > local else start + timedelta(days=1)
