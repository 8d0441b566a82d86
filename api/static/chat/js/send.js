/* Web chat: sending a message to the assistant (POST /v1/chat) and showing what comes back. */

import { addAssistantTurn } from "./assistant_turn.js";
import { addError, addUserMessage, hideTyping, setBusy, showTyping } from "./conversation.js";
import { errorDetail, fetchWithTimeout } from "./http.js";
import { followConsultation, markSentToPharmacist } from "./pharmacist.js";
import { els, state } from "./state.js";

const CHAT_TIMEOUT_MS = 45000;

/** Send ``message`` to the assistant, showing ``shown`` as the user's bubble. */
export async function send(message, shown, { echo = true } = {}) {
  if (state.busy) return;
  const text = String(message || "").trim();
  if (!text) {
    addError("errEmpty", null, null);
    return;
  }
  if (els.intro) els.suggestions.hidden = true;
  if (echo) addUserMessage(shown || text);
  setBusy(true);
  showTyping();
  const retry = () => send(message, shown, { echo: false });
  const body = { session_id: state.sessionId, message: text };
  if (state.sessionToken) body.session_token = state.sessionToken;
  try {
    const response = await fetchWithTimeout("/v1/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    }, CHAT_TIMEOUT_MS);
    hideTyping();
    if (response.ok) {
      const data = await response.json();
      if (data.answered_by === "pharmacist_pending") markSentToPharmacist();
      else addAssistantTurn(data, text, send);
      followConsultation(data);
    } else {
      const detail = await errorDetail(response);
      const key = response.status === 422 ? "errInvalid"
        : response.status === 503 ? "errUnavailable"
          : response.status === 413 ? "errTooLarge" : "errServer";
      addError(key, detail, response.status === 422 || response.status === 413 ? null : retry);
    }
  } catch (error) {
    hideTyping();
    addError(error && error.name === "AbortError" ? "errTimeout" : "errNetwork", null, retry);
  } finally {
    setBusy(false);
  }
}
