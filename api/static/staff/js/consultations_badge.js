/* Staff console, consultations: the nav link and its badge (how many customers wait), polled
 * every 5 s while anyone is signed in. The API answers 403 to staff who are not pharmacists:
 * for them the nav link stays hidden. */

import { api } from "./api.js";
import { loadClaimed, state } from "./consultations_state.js";
import { plural } from "./consultations_text.js";
import { $, show } from "./dom.js";

export const BADGE_MS = 5000;

export function setAllowed(allowed) {
  state.allowed = allowed;
  show($("nav").querySelector("[data-nav=consultations]"), allowed);
  if (!allowed) clearTimeout(state.badgeTimer);
}

export function applyCounts(counts) {
  const waiting = Number(counts && counts.waiting) || 0;
  const active = Number(counts && counts.active) || 0;
  const badge = document.querySelector("[data-testid=consultations-badge]");
  badge.textContent = String(waiting);
  badge.setAttribute("aria-label", `${plural(waiting, "customer", "customers")} waiting`);
  show(badge, waiting > 0);
  $("consult-open-count").textContent = `(${waiting + active})`;
  if (counts && typeof counts.closed === "number") {
    $("consult-closed-count").textContent = `(${counts.closed})`;
  }
}

export function scheduleBadge(delay) {
  clearTimeout(state.badgeTimer);
  state.badgeTimer = setTimeout(badgeTick, delay);
}

async function badgeTick() {
  if (!state.account) return;
  if (!state.showing) { // on the consultations view the list poll keeps the badge current
    try {
      const data = await api("/v1/staff/consultations");
      if (!state.account) return;
      setAllowed(true);
      applyCounts(data.counts);
    } catch (err) {
      if (err.status === 403) setAllowed(false);
    }
  }
  if (state.account && state.allowed !== false) scheduleBadge(BADGE_MS);
}

export function sessionChanged(account) {
  const someoneElse = !account || !state.account || account.username !== state.account.username;
  state.account = account;
  if (!someoneElse) return;
  loadClaimed();
  setAllowed(false);
  state.allowed = null;
  if (account) scheduleBadge(0);
}
