"""HR handbook passages: the best one for a message, quoted and cited, or nothing."""

from __future__ import annotations

from bot.actions.hr.context import HR_HANDBOOK, Hr


def handbook_answer(hr: Hr, message: str) -> str | None:
    """The handbook's best passage for ``message``, quoted and cited (and recorded as the
    turn's source), or None when no passage is confident enough."""
    result = hr.client.search(message, k=3, audience="employee", kinds=HR_HANDBOOK)
    hits = [h for h in result.hits if h.get("kind", "hr_handbook") == "hr_handbook"]
    if not hits or not result.answerable:
        return None
    best = hits[0]
    # the chain's Korean pages are the English ones' translations, with ids ending "-ko"
    english_page = not str(best.get("doc_id", "")).endswith("-ko")
    intro = hr.say("hr_policy_intro_english" if english_page else "hr_policy_intro",
                   title=best["title"], section=best["section_title"])
    source = hr.say("source", title=best["title"], section=best["section_title"])
    hr.sources = [best]
    return f"{intro}\n“{best['quote']}”\n{source}"
