/* Staff console: the signed-in session. The bearer token lives in sessionStorage until its
 * JWT expiry; the header shows who is signed in; when the session ends, the sign-in form
 * comes back. Other modules hear of every change through onSession(). */

import { $, setError, show } from "./dom.js";
import { LANGUAGE } from "./format.js";
import { state } from "./state.js";
import { showView } from "./views.js";

const AUTH_KEY = "haneul.staff.auth";
export const STAFF_ROLES = new Set(["staff", "admin"]);
const sessionListeners = [];
let expiryTimer = 0;

function jwtClaims(token) {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const padded = part + "=".repeat((4 - (part.length % 4)) % 4);
    return JSON.parse(atob(padded));
  } catch (_) {
    return {};
  }
}

export function sessionIsLive() {
  return Boolean(state.auth && state.auth.exp * 1000 > Date.now());
}

export function storeAuth() {
  try {
    if (state.auth) sessionStorage.setItem(AUTH_KEY, JSON.stringify(state.auth));
    else sessionStorage.removeItem(AUTH_KEY);
  } catch (_) { /* storage disabled: the session lasts as long as the page */ }
}

export function loadAuth() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(AUTH_KEY) || "null");
    if (saved && typeof saved.token === "string" && typeof saved.exp === "number") return saved;
  } catch (_) { /* ignore */ }
  return null;
}

export function scheduleExpiry() {
  clearTimeout(expiryTimer);
  if (!state.auth) return;
  const left = state.auth.exp * 1000 - Date.now();
  expiryTimer = setTimeout(() => {
    if (sessionIsLive()) scheduleExpiry(); // timers cap at ~24 days
    else expireSession("Your session expired. Please sign in again.");
  }, Math.max(0, Math.min(left, 2147483647)));
}

export function startSession(token, expiresIn, me) {
  const exp = jwtClaims(token).exp || Math.floor(Date.now() / 1000) + (expiresIn || 0);
  state.auth = { token, exp, username: me.username, fullName: me.full_name, role: me.role,
    hrStaff: Boolean(me.hr_staff) };
  storeAuth();
  scheduleExpiry();
  renderAccount();
}

export function endSession() {
  clearTimeout(expiryTimer);
  state.auth = null;
  state.editing = false;
  state.doc = null;
  storeAuth();
  renderAccount();
}

export function expireSession(message) {
  if (!state.auth) return;
  state.returnTo = location.hash;
  endSession();
  showSignIn(message);
}

export function renderAccount() {
  const signedIn = Boolean(state.auth);
  show($("nav"), signedIn);
  show($("account"), signedIn);
  for (const listener of sessionListeners) listener(account());
  if (!signedIn) return;
  $("account-name").textContent = state.auth.fullName || state.auth.username;
  $("account-role").textContent = state.auth.role;
  const ends = new Date(state.auth.exp * 1000);
  $("session-ends").textContent = `Session ends ${ends.toLocaleTimeString(LANGUAGE,
    { hour: "2-digit", minute: "2-digit" })}`;
}

/** Who is signed in, as the onSession() listeners get it (no token: they call api()). */
function account() {
  if (!state.auth) return null;
  const { username, fullName, role, hrStaff } = state.auth;
  return { username, fullName, role, hrStaff: Boolean(hrStaff) };
}

export function showSignIn(info) {
  showView("signin");
  setError($("signin-error"), "");
  $("signin-info").textContent = info || "";
  show($("signin-info"), Boolean(info));
  $("signin-password").value = "";
  $("signin-username").focus();
}

/** Call ``listener`` with account() (null when signed out) whenever the session changes. */
export function onSession(listener) {
  sessionListeners.push(listener);
}
