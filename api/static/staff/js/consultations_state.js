/* Staff console, consultations: the state the consultation modules share, and which
 * consultations this account claimed (remembered in sessionStorage for this tab). */

const CLAIMED_KEY = "haneul.staff.claimed";

export const state = {
  account: null, // who is signed in (session.js account()), null when signed out
  allowed: null, // may this account see consultations? null until the API has said
  showing: false, // the view is on screen: poll the list and the open consultation
  tab: "open", // "open" (waiting and active) or "closed"
  openId: undefined, // the id (a string) in the detail pane; null: none; undefined: not built
  generation: 0, // bumped when what is shown changes: answers for the old one are dropped
  stamp: 0, // bumped by every claim/reply/close: polls started before it are stale
  inFlight: false,
  pollTimer: 0,
  badgeTimer: 0,
  listKey: "",
  headKey: "",
  actionsKey: "",
  shown: new Set(), // ids of the transcript messages on screen
  busy: false,
  claimed: new Set(), // consultations this account claimed in this browser tab
};

/** claimed_by_username says who holds it; claimed_by is their display name (their HR name,
 * in the customer's language). Claims made in this tab are remembered too (sessionStorage). */
export function isMine(consultation) {
  const me = state.account;
  const holder = consultation.claimed_by;
  if (!me || !holder || consultation.status !== "active") return false;
  if (consultation.claimed_by_username) return consultation.claimed_by_username === me.username;
  return state.claimed.has(String(consultation.id)) || holder === me.username ||
    holder === me.fullName;
}

export function loadClaimed() {
  state.claimed = new Set();
  try {
    const saved = JSON.parse(sessionStorage.getItem(CLAIMED_KEY) || "null");
    if (saved && state.account && saved.username === state.account.username &&
        Array.isArray(saved.ids)) state.claimed = new Set(saved.ids.map(String));
  } catch (_) { /* storage disabled or garbled: nothing remembered */ }
}

export function rememberClaim(id) {
  state.claimed.add(id);
  try {
    sessionStorage.setItem(CLAIMED_KEY, JSON.stringify({ username: state.account.username,
      ids: [...state.claimed].slice(-200) }));
  } catch (_) { /* storage disabled: remembered while the page lives */ }
}
