/* Haneul Pharmacy consumer chat: plain JS modules, no framework, no build step.
 *
 * Talks to the gateway on the same origin: POST /v1/chat, POST /v1/feedback and
 * GET /v1/search (to fill the source cards), and GET /v1/chat/<session>/messages while a
 * pharmacist is awaited or answering (pharmacist.js). Server text is only ever put into the
 * page with textContent / text nodes, never parsed as HTML.
 *
 * This module is the only one the page loads: it finds the page's elements, restores the
 * session and wires the composer and the language buttons.
 */

import { addError } from "./conversation.js";
import { $ } from "./dom.js";
import { initialLanguage, LANG_KEY } from "./i18n.js";
import { applyLanguage } from "./language.js";
import { OPEN_STATUSES, schedulePoll } from "./pharmacist.js";
import { send } from "./send.js";
import { CONSULTATION_KEY, loadForSession, loadSessionId, TOKEN_KEY } from "./session.js";
import { els, state } from "./state.js";

const MAX_MESSAGE_CHARS = 4000;

function autoGrow() {
  const input = els.input;
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
}

function init() {
  Object.assign(els, {
    form: $("composer"), input: $("chat-input"), send: $("send-button"),
    messages: $("messages"), suggestions: $("suggestions"), intro: $("intro"),
  });
  state.sessionId = loadSessionId();
  const token = loadForSession(TOKEN_KEY);
  state.sessionToken = token && typeof token.token === "string" ? token.token : null;
  const consultation = loadForSession(CONSULTATION_KEY);
  if (consultation && consultation.id) {
    state.consultation = { id: consultation.id, status: consultation.status,
      pharmacist: consultation.pharmacist || null, after: Number(consultation.after) || 0 };
    // a reload while a pharmacist is awaited or answering: carry on where the page was
    if (OPEN_STATUSES.has(consultation.status) && state.sessionToken) {
      state.watching = true;
      schedulePoll(0);
    }
  }
  els.input.maxLength = MAX_MESSAGE_CHARS;
  applyLanguage(initialLanguage());

  for (const button of document.querySelectorAll(".lang-toggle button")) {
    button.addEventListener("click", () => {
      applyLanguage(button.dataset.lang);
      try {
        window.localStorage.setItem(LANG_KEY, state.lang);
      } catch (_) { /* ignore */ }
    });
  }

  els.form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (state.busy) return;
    const text = els.input.value;
    if (!text.trim()) {
      addError("errEmpty", null, null);
      els.input.focus();
      return;
    }
    els.input.value = "";
    autoGrow();
    send(text, text.trim());
  });

  els.input.addEventListener("keydown", (event) => {
    // Enter sends, Shift+Enter adds a line; never while an IME (Korean) is composing.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      els.form.requestSubmit();
    }
  });
  els.input.addEventListener("input", autoGrow);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
