/* Web chat: the chat session id and what is kept for it in sessionStorage (its token, its
 * consultation with a pharmacist). */

import { state } from "./state.js";

const SESSION_KEY = "haneul.chat.session";
export const TOKEN_KEY = "haneul.chat.token";
export const CONSULTATION_KEY = "haneul.chat.consultation";
const SESSION_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

function randomId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function loadSessionId() {
  let id = null;
  try {
    id = window.sessionStorage.getItem(SESSION_KEY);
  } catch (_) { /* storage disabled: keep the id in memory */ }
  if (!id || !SESSION_ID_PATTERN.test(id)) {
    id = randomId();
    try {
      window.sessionStorage.setItem(SESSION_KEY, id);
    } catch (_) { /* ignore */ }
  }
  return id;
}

/** A value kept in sessionStorage for this session id only (null if none or another's). */
export function loadForSession(key) {
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(key) || "null");
    if (saved && saved.session === state.sessionId) return saved;
  } catch (_) { /* storage disabled or garbled: nothing saved */ }
  return null;
}

export function saveForSession(key, value) {
  try {
    if (value) window.sessionStorage.setItem(key, JSON.stringify({ ...value, session: state.sessionId }));
    else window.sessionStorage.removeItem(key);
  } catch (_) { /* storage disabled: keep it in memory */ }
}
