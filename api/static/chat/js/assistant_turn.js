/* Web chat: one answer of the assistant: its messages (an emergency as a banner with a call
 * button, a medication-check finding as a warning card), quick-reply buttons, "more" for a
 * shortened quote, source cards and feedback. */

import { el, reveal } from "./dom.js";
import { feedbackControls } from "./feedback.js";
import { callLabel, srOnly, uiText } from "./i18n.js";
import { moreButtons } from "./more.js";
import { sourceCards } from "./sources.js";
import { els, state } from "./state.js";

/** Phone numbers in text (119, 1-800-222-1222): [{index, text, digits}]. */
function phoneNumbers(text) {
  const found = [];
  for (const match of text.matchAll(/(?<![\w-])\d[\d-]{1,13}\d(?![\w-])/g)) {
    const digits = match[0].replace(/-/g, "");
    if (digits.length < 3 || /^(19|20)\d\d$/.test(match[0])) continue;
    found.push({ index: match.index, text: match[0], digits });
  }
  return found;
}

/** Text with its phone numbers turned into tel: links, built as DOM nodes. */
function withPhoneLinks(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const phone of phoneNumbers(text)) {
    fragment.append(document.createTextNode(text.slice(last, phone.index)));
    fragment.append(el("a", { href: `tel:${phone.digits}`, className: "phone" }, phone.text));
    last = phone.index + phone.text.length;
  }
  fragment.append(document.createTextNode(text.slice(last)));
  return fragment;
}

/** ``choose(payload, title)`` sends the chosen reply (send.js send). */
function quickReplies(buttons, choose) {
  const group = el("div", { className: "quick-replies", role: "group" });
  for (const button of buttons) {
    if (!button || typeof button.title !== "string" || typeof button.payload !== "string") {
      continue;
    }
    const node = el("button", {
      type: "button", className: "quick-reply", "data-testid": "quick-reply",
      "data-payload": button.payload,
    }, button.title);
    node.addEventListener("click", () => {
      if (state.busy) return;
      for (const other of group.querySelectorAll("button")) other.disabled = true;
      node.classList.add("chosen");
      choose(button.payload, button.title);
    });
    group.append(node);
  }
  return group.childElementCount ? group : null;
}

export function addAssistantTurn(data, question, choose) {
  const turn = el("div", { className: "turn assistant-turn", "data-message-id": data.message_id,
    "data-answered-by": data.answered_by, lang: data.language === "ko" ? "ko" : "en" });
  const replies = (Array.isArray(data.replies) ? data.replies : [])
    .filter((r) => r && typeof r.text === "string");

  const notes = el("div", { className: "notes" });
  if (data.answered_by === "retrieval_only") {
    notes.append(uiText("p", "leafletOnly", { className: "note", "data-testid": "retrieval-note" }));
  }
  if (data.handoff) {
    notes.append(uiText("p", "handoff", { className: "note note-handoff", "data-testid": "handoff-note" }));
  }
  if (notes.childElementCount) turn.append(notes);

  if (data.emergency) {
    const banner = el("div", { className: "emergency-banner", role: "alert",
      "data-testid": "emergency-banner" },
    el("p", { className: "emergency-title" },
      el("span", { className: "emergency-icon", "aria-hidden": "true" }, "!"),
      uiText("span", "emergencyTitle")));
    for (const reply of replies) {
      banner.append(el("p", { className: "emergency-text" }, withPhoneLinks(reply.text)));
    }
    // the first number the message gives (the emergency number) as a big call button
    const first = replies.map((r) => phoneNumbers(r.text)[0]).find(Boolean);
    if (first) {
      banner.append(el("a", { className: "call-button", href: `tel:${first.digits}`,
        "data-testid": "call-button", "data-call-number": first.text },
      callLabel(first.text)));
    }
    turn.append(el("div", { className: "message assistant emergency", "data-testid": "message",
      "data-role": "assistant" }, srOnly("assistant"), banner));
    for (const reply of replies) {
      const group = reply.buttons ? quickReplies(reply.buttons, choose) : null;
      if (group) turn.append(group);
    }
  } else {
    // a medication check that found something leads with a warning card
    const checked = (Array.isArray(data.sources) ? data.sources : [])
      .some((s) => s.source === "MFDS DUR");
    for (const [i, reply] of replies.entries()) {
      const text = el("span", { className: "text" }, reply.text);
      const body = checked && i === 0
        ? el("div", { className: "warning-card", role: "note", "data-testid": "safety-check-card" },
          uiText("p", "safetyCheck", { className: "warning-title" }), text)
        : text;
      turn.append(el("div", { className: "message assistant", "data-testid": "message",
        "data-role": "assistant" }, srOnly("assistant"), body));
      const group = Array.isArray(reply.buttons) ? quickReplies(reply.buttons, choose) : null;
      if (group) turn.append(group);
    }
    const more = moreButtons(Array.isArray(data.sources) ? data.sources : []);
    if (more) turn.append(more);
  }

  const cards = sourceCards(Array.isArray(data.sources) ? data.sources : [], question);
  if (cards) turn.append(cards);
  if (data.message_id) turn.append(feedbackControls(data.message_id));
  els.messages.append(turn);
  reveal(turn);
}
