/* Staff console: live consultations, the pharmacist's side of the chat handoff.
 *
 * #/consultations shows the waiting queue (oldest first, with the waiting time) and the
 * active consultations; #/consultations/<id> also opens one: its transcript, Claim, a reply
 * box once claimed, and Close with a short outcome (the chat goes back to the assistant).
 * While the view is on screen the list and the open transcript are polled every 1.5 s; the
 * nav badge (how many are waiting) every 5 s while anyone is signed in. The API answers 403
 * to staff who are not pharmacists: for them the nav link stays hidden.
 */

import { BADGE_MS, scheduleBadge, sessionChanged } from "./consultations_badge.js";
import { chooseTab, refreshList } from "./consultations_list.js";
import { schedulePoll, setPoll } from "./consultations_poll.js";
import { state } from "./consultations_state.js";
import { openDetail, refreshDetail } from "./consultation_view.js";
import { onSession } from "./session.js";
import { registerView, showView } from "./views.js";

const POLL_MS = 1500;

async function poll() {
  if (!state.showing || state.inFlight) return;
  state.inFlight = true;
  const generation = state.generation;
  const started = Date.now();
  try {
    await Promise.all([refreshList(generation), state.openId ? refreshDetail(generation) : null]);
  } finally {
    state.inFlight = false;
  }
  if (state.showing && state.allowed !== false) { // every 1.5 s from start to start
    schedulePoll(generation === state.generation ? Math.max(0, started + POLL_MS - Date.now()) : 0);
  }
}

export function renderConsultations(parts) {
  showView("consultations", "consultations");
  state.showing = true;
  state.generation += 1;
  const id = parts[0] || null;
  if (id !== state.openId) openDetail(id);
  state.listKey = ""; // redraw the rows: the highlighted one may have changed
  schedulePoll(0);
}

function leave() {
  if (!state.showing) return;
  state.showing = false;
  state.generation += 1;
  state.openId = undefined; // coming back builds the pane afresh
  clearTimeout(state.pollTimer);
  if (state.account && state.allowed !== false) scheduleBadge(BADGE_MS);
}

export function initConsultations() {
  setPoll(poll);
  registerView("consultations", { leave });
  onSession(sessionChanged);
  for (const node of document.querySelectorAll("#view-consultations .tab")) {
    node.addEventListener("click", () => chooseTab(node.dataset.status));
  }
}
