/* Staff console, consultations: one consultation (#/consultations/<id>): its transcript,
 * Claim, a reply box once claimed, and Close with a short outcome (the chat goes back to the
 * assistant). Server text only ever reaches the page through text nodes, never as HTML. */

import { api } from "./api.js";
import { schedulePoll } from "./consultations_poll.js";
import { isMine, rememberClaim, state } from "./consultations_state.js";
import {
  clock, duration, LANGUAGES, reasonText, senderLabel, STATUSES,
} from "./consultations_text.js";
import { $, button, el, enc, setError } from "./dom.js";
import { formatTime } from "./format.js";

const MAX_REPLY_CHARS = 2000;
const MAX_OUTCOME_CHARS = 500;

export function openDetail(id) {
  state.openId = id;
  state.headKey = "";
  state.actionsKey = "";
  state.listKey = "";
  state.shown = new Set();
  const pane = $("consult-detail");
  if (!id) {
    pane.replaceChildren(el("p", { className: "card muted" }, "Choose a consultation from the list."));
    return;
  }
  pane.replaceChildren(el("article", { className: "card consult-card", "data-testid": "consultation",
    "data-consultation-id": id },
  el("div", { className: "consult-head", id: "consult-head" },
    el("p", { className: "muted" }, "Loading the consultation…")),
  el("ol", { className: "transcript", id: "consult-transcript", "aria-label": "Transcript",
    "data-testid": "consultation-transcript", "aria-live": "polite" }),
  el("p", { className: "error", id: "consult-detail-error", role: "alert",
    "data-testid": "consultation-error", hidden: true }),
  el("div", { className: "consult-actions", id: "consult-actions" })));
}

export async function refreshDetail(generation) {
  const id = state.openId;
  const stamp = state.stamp;
  try {
    const consultation = await api(`/v1/staff/consultations/${enc(id)}`);
    if (generation !== state.generation || id !== state.openId || stamp !== state.stamp) return;
    applyDetail(consultation);
  } catch (err) {
    if (generation !== state.generation || id !== state.openId) return;
    if (err.status === 404) {
      $("consult-detail").replaceChildren(el("p", { className: "error", role: "alert",
        "data-testid": "consultation-error" }, `There is no consultation ${id}.`),
      el("a", { href: "#/consultations" }, "Back to the queue"));
      state.openId = undefined;
    } else if ($("consult-detail-error")) {
      setError($("consult-detail-error"), `Could not refresh: ${err.message}`);
    }
  }
}

function applyDetail(consultation) {
  if (!$("consult-head")) return;
  setError($("consult-detail-error"), "");
  renderHead(consultation);
  addMessages(consultation.messages || []);
  renderActions(consultation);
}

function metaRow(term, value) {
  return value ? el("div", {}, el("dt", {}, term), el("dd", {}, value)) : null;
}

function renderHead(consultation) {
  const key = JSON.stringify([consultation.status, consultation.claimed_by, consultation.outcome,
    consultation.branch, consultation.reason]);
  const since = consultation.status === "waiting"
    ? `Waiting ${duration(consultation.waiting_seconds)}` : "";
  if (key === state.headKey) {
    const waited = $("consult-head").querySelector("[data-waiting]");
    if (waited) waited.textContent = since;
    return;
  }
  state.headKey = key;
  const status = consultation.status;
  $("consult-head").replaceChildren(
    el("h2", {}, reasonText(consultation.reason)),
    el("p", { className: "badges" },
      el("span", { className: `badge status-${status}`, "data-testid": "consultation-status" },
        STATUSES[status] || status),
      el("span", { className: "badge" }, LANGUAGES[consultation.language] || consultation.language),
      el("span", { className: "muted", "data-waiting": "" }, since)),
    el("dl", { className: "meta" },
      metaRow("Asked", formatTime(consultation.created_at)),
      metaRow("Branch", consultation.branch),
      metaRow("Claimed by", consultation.claimed_by &&
        `${consultation.claimed_by}, ${formatTime(consultation.claimed_at)}`),
      metaRow("Closed", formatTime(consultation.closed_at)),
      metaRow("Outcome", consultation.outcome),
      metaRow("Chat session", consultation.session_id)));
}

function messageItem(message) {
  return el("li", { className: `msg msg-${message.sender}`, "data-testid": "consultation-message",
    "data-sender": message.sender, "data-message-id": message.id },
  el("p", { className: "msg-meta" },
    el("span", { className: "msg-sender" }, senderLabel(message)), " ",
    el("time", { datetime: message.created_at }, clock(message.created_at))),
  el("p", { className: "msg-text" }, message.text));
}

/** Append the messages not shown yet, in id order, keeping the view at the bottom if the
 * reader was there. */
function addMessages(messages) {
  const list = $("consult-transcript");
  const fresh = messages.filter((m) => !state.shown.has(m.id));
  if (!fresh.length) return;
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  for (const message of fresh.sort((a, b) => a.id - b.id)) {
    state.shown.add(message.id);
    const later = [...list.children].find((li) => Number(li.dataset.messageId) > message.id);
    list.insertBefore(messageItem(message), later || null);
  }
  if (atBottom || fresh.some((m) => m.sender === "user")) list.scrollTop = list.scrollHeight;
}

function renderActions(consultation) {
  const mine = isMine(consultation);
  const id = String(consultation.id);
  const key = JSON.stringify([consultation.id, consultation.status, consultation.claimed_by, mine]);
  if (key === state.actionsKey) return;
  state.actionsKey = key;
  const box = $("consult-actions");
  if (consultation.status === "waiting") {
    box.replaceChildren(el("p", { className: "hint" }, "Claim it to answer: the customer's " +
      "messages come to you and the assistant stays silent in this chat until you close it."),
    el("div", { className: "actions" }, button("Claim", { className: "button primary",
      "data-testid": "consultation-claim" }, () => claim(id))));
  } else if (consultation.status === "active" && mine) {
    box.replaceChildren(replyForm(id), closeForm(id));
    $("consult-reply").focus();
  } else if (consultation.status === "active") {
    // Claiming one's own consultation again is harmless; anyone else's answers 409.
    box.replaceChildren(el("p", { className: "info" },
      `${consultation.claimed_by || "Another pharmacist"} is answering this customer. If ` +
      "that is you (claimed in another tab or before signing in again), continue here."),
    el("div", { className: "actions" }, button("Continue here", { className: "button secondary",
      "data-testid": "consultation-resume" }, () => claim(id))));
  } else {
    box.replaceChildren(el("p", { className: "muted", "data-testid": "consultation-closed" },
      "This consultation is closed; the assistant answers this customer again."));
  }
}

function replyForm(id) {
  const textarea = el("textarea", { id: "consult-reply", rows: 3, maxlength: MAX_REPLY_CHARS,
    "data-testid": "consultation-reply", "aria-describedby": "consult-reply-hint" });
  const send = button("Send", { className: "button primary", "data-testid": "consultation-send" },
    () => sendReply(id, textarea, send));
  textarea.addEventListener("keydown", (event) => {
    // Enter sends, Shift+Enter adds a line; never while an IME (Korean) is composing.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      sendReply(id, textarea, send);
    }
  });
  return el("div", { className: "reply-box" },
    el("label", { for: "consult-reply" }, "Reply to the customer"),
    textarea,
    el("p", { id: "consult-reply-hint", className: "hint" },
      "It appears in the customer's chat, marked as from a pharmacist. Enter sends; " +
      "Shift+Enter starts a new line."),
    el("div", { className: "actions" }, send));
}

function closeForm(id) {
  const outcome = el("input", { id: "consult-outcome", maxlength: MAX_OUTCOME_CHARS,
    autocomplete: "off", "data-testid": "consultation-outcome",
    placeholder: "e.g. advised to take it with food",
    "aria-describedby": "consult-outcome-error" });
  const error = el("p", { id: "consult-outcome-error", className: "field-error",
    "aria-live": "polite" });
  const close = button("Close consultation", { className: "button secondary",
    "data-testid": "consultation-close" }, () => closeConsultation(id, outcome, error, close));
  outcome.addEventListener("input", () => {
    error.textContent = "";
    outcome.removeAttribute("aria-invalid");
  });
  return el("div", { className: "close-box" },
    el("label", { for: "consult-outcome" }, "Outcome (for the record)"),
    el("div", { className: "close-row" }, outcome, close),
    error,
    el("p", { className: "hint" }, "Closing hands the chat back to the assistant and tells " +
      "the customer so."));
}

async function act(work) {
  if (state.busy) return;
  state.busy = true;
  state.stamp += 1; // a poll already under way would show the state from before this
  setError($("consult-detail-error"), "");
  try {
    await work();
  } catch (err) {
    if ($("consult-detail-error")) setError($("consult-detail-error"), err.message);
    // 409: someone else claimed or closed it: redraw the actions for what is true now
    if (err.status === 409) state.actionsKey = "";
  } finally {
    state.busy = false;
    state.stamp += 1;
    schedulePoll(0);
  }
}

function claim(id) {
  return act(async () => {
    const consultation = await api(`/v1/staff/consultations/${enc(id)}/claim`, { method: "POST" });
    rememberClaim(id);
    if (id === state.openId) applyDetail(consultation);
  });
}

function sendReply(id, textarea, send) {
  const text = textarea.value.trim();
  if (!text || text.length > MAX_REPLY_CHARS || state.busy) {
    textarea.focus();
    return undefined;
  }
  send.disabled = true;
  return act(async () => {
    try {
      const message = await api(`/v1/staff/consultations/${enc(id)}/messages`,
        { method: "POST", json: { text } });
      if (id !== state.openId) return;
      addMessages([message]);
      textarea.value = "";
      $("consult-transcript").scrollTop = $("consult-transcript").scrollHeight;
    } finally {
      send.disabled = false;
      if (textarea.isConnected) textarea.focus();
    }
  });
}

function closeConsultation(id, outcome, error, close) {
  const text = outcome.value.trim();
  if (!text) {
    error.textContent = "Write a short outcome first: what you advised or why it ended.";
    outcome.setAttribute("aria-invalid", "true");
    outcome.focus();
    return undefined;
  }
  close.disabled = true;
  return act(async () => {
    try {
      const consultation = await api(`/v1/staff/consultations/${enc(id)}/close`,
        { method: "POST", json: { outcome: text.slice(0, MAX_OUTCOME_CHARS) } });
      if (id === state.openId) applyDetail(consultation);
    } finally {
      close.disabled = false;
    }
  });
}
