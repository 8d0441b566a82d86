/* Web chat: the live pharmacist. The first chat response gives a session_token, kept in
 * sessionStorage with the session id and sent with every later message. While the session's
 * consultation is waiting or active, GET /v1/chat/<session>/messages?after=<last id> is polled
 * every 1.5 s for what the pharmacist writes (and the system line when the assistant is back);
 * a message the pharmacist holds is answered "pharmacist_pending", with no bot reply. */

import { $, el, scrollToBottom } from "./dom.js";
import { fetchWithTimeout } from "./http.js";
import { t, uiText } from "./i18n.js";
import { CONSULTATION_KEY, saveForSession, TOKEN_KEY } from "./session.js";
import { els, state } from "./state.js";

const POLL_MS = 1500;
const POLL_RETRY_MS = 5000; // after a failed poll
const POLL_TIMEOUT_MS = 10000;
export const OPEN_STATUSES = new Set(["waiting", "active"]);

export function pharmacistLabel(name) {
  return name ? `${t("pharmacist")} ${name}` : t("pharmacist");
}

/** A message the pharmacist holds: no bot reply, a small "sent" note under the user's. */
export function markSentToPharmacist() {
  const turns = els.messages.querySelectorAll(".user-turn");
  const turn = turns[turns.length - 1];
  if (!turn) return;
  turn.append(uiText("p", "pharmacistPending", { className: "delivery-note",
    "data-testid": "pharmacist-pending-note" }));
  scrollToBottom();
}

function addPharmacistMessage(message) {
  const name = typeof message.author === "string" ? message.author : "";
  const bubble = el("div", { className: "message pharmacist", "data-testid": "pharmacist-message",
    "data-role": "pharmacist", "data-message-id": message.id },
  el("span", { className: "pharmacist-label", "data-pharmacist-name": name }, pharmacistLabel(name)),
  el("span", { className: "text" }, message.text));
  els.messages.append(el("div", { className: "turn pharmacist-turn" }, bubble));
  scrollToBottom();
}

function addSystemMessage(message) {
  els.messages.append(el("p", { className: "system-message", "data-testid": "system-message",
    "data-message-id": message.id }, message.text));
  scrollToBottom();
}

/** The line above the composer while a pharmacist is awaited or holds the chat. */
export function renderConsultationStatus() {
  const line = $("consultation-status");
  if (!line) return;
  const consultation = state.watching ? state.consultation : null;
  const status = consultation && consultation.status;
  let text = "";
  if (status === "waiting") text = t("consultationWaiting");
  else if (status === "active" && consultation.pharmacist) {
    text = t("consultationActive").replace("{name}", consultation.pharmacist);
  } else if (status === "active") text = t("consultationActiveNoName");
  line.textContent = text;
  line.dataset.status = status || "";
  line.hidden = !text;
}

function saveConsultation() {
  saveForSession(CONSULTATION_KEY, state.consultation);
}

/** What a chat response says about the session's consultation (if it has one). */
export function followConsultation(data) {
  if (typeof data.session_token === "string" && data.session_token) {
    state.sessionToken = data.session_token;
    saveForSession(TOKEN_KEY, { token: data.session_token });
  }
  if (!data.consultation_id) return;
  const previous = state.consultation;
  const same = previous && previous.id === data.consultation_id;
  state.consultation = { id: data.consultation_id,
    status: data.consultation_status || (same ? previous.status : "waiting"),
    pharmacist: same ? previous.pharmacist : null, after: previous ? previous.after : 0 };
  saveConsultation();
  if (OPEN_STATUSES.has(state.consultation.status)) {
    if (!state.watching) {
      state.watching = true;
      schedulePoll(0);
    }
  } else if (state.watching) {
    schedulePoll(0); // closed: one more poll fetches the "assistant is back" line
  }
  renderConsultationStatus();
}

function stopWatching() {
  state.watching = false;
  clearTimeout(state.pollTimer);
  renderConsultationStatus();
}

export function schedulePoll(delay) {
  clearTimeout(state.pollTimer);
  state.pollTimer = setTimeout(pollMessages, delay);
}

/** Fetch what is new in the session; show the pharmacist's and system messages once. */
async function pollMessages() {
  if (!state.watching || state.pollInFlight) return;
  if (!state.sessionToken || !state.consultation) {
    stopWatching();
    return;
  }
  state.pollInFlight = true;
  const started = Date.now();
  let next = POLL_MS;
  try {
    const after = Number(state.consultation.after) || 0;
    const response = await fetchWithTimeout(
      `/v1/chat/${encodeURIComponent(state.sessionId)}/messages?after=${after}`,
      { headers: { Accept: "application/json", "X-Session-Token": state.sessionToken },
        cache: "no-store" }, POLL_TIMEOUT_MS);
    if (response.status === 401 || response.status === 404) {
      // not (or no longer) this page's session: nothing to read
      next = null;
    } else if (response.ok) {
      const data = await response.json();
      showNewMessages(Array.isArray(data.messages) ? data.messages : []);
      const consultation = data.consultation;
      if (!consultation) {
        next = null;
      } else {
        state.consultation = { ...state.consultation, id: consultation.id,
          status: consultation.status, pharmacist: consultation.pharmacist || null };
        if (!OPEN_STATUSES.has(consultation.status)) next = null;
      }
      saveConsultation();
    } else {
      next = POLL_RETRY_MS;
    }
  } catch (_) {
    next = POLL_RETRY_MS; // offline or slow: try again a little later
  } finally {
    state.pollInFlight = false;
  }
  if (next === null) stopWatching();
  else if (state.watching) schedulePoll(Math.max(0, started + next - Date.now())); // start to start
  renderConsultationStatus();
}

function showNewMessages(messages) {
  const sorted = messages.filter((m) => m && Number.isInteger(m.id)).sort((a, b) => a.id - b.id);
  for (const message of sorted) {
    if (message.id > (state.consultation.after || 0)) state.consultation.after = message.id;
    if (state.shownMessages.has(message.id) || typeof message.text !== "string") continue;
    if (message.sender === "pharmacist") addPharmacistMessage(message);
    else if (message.sender === "system") addSystemMessage(message);
    else continue; // the user's and the assistant's turns are on the page already
    state.shownMessages.add(message.id);
  }
}
