/* Staff console, consultations: the queue (waiting oldest first with the waiting time, and
 * active), or the closed ones. */

import { api } from "./api.js";
import { applyCounts, setAllowed } from "./consultations_badge.js";
import { schedulePoll } from "./consultations_poll.js";
import { state } from "./consultations_state.js";
import { duration, LANGUAGES, plural, reasonText } from "./consultations_text.js";
import { $, el, enc, setError } from "./dom.js";
import { formatTime } from "./format.js";

export async function refreshList(generation) {
  try {
    const query = state.tab === "closed" ? "?status=closed" : "";
    const data = await api(`/v1/staff/consultations${query}`);
    if (generation !== state.generation) return;
    setAllowed(true);
    setError($("consult-error"), "");
    applyCounts(data.counts);
    renderLists(data.consultations || []);
  } catch (err) {
    if (generation !== state.generation) return;
    if (err.status === 403) {
      setAllowed(false);
      setError($("consult-error"), "Consultations are answered by pharmacists: this account " +
        "cannot see them. Sign in with a pharmacist's account.");
      $("consult-lists").replaceChildren();
    } else {
      setError($("consult-error"), `The consultations could not be loaded: ${err.message}`);
    }
  }
}

function rowMeta(consultation) {
  const parts = [];
  if (consultation.status === "waiting") parts.push(`Waiting ${duration(consultation.waiting_seconds)}`);
  else if (consultation.status === "active") parts.push(`With ${consultation.claimed_by || "a pharmacist"}`);
  else parts.push(`Closed ${formatTime(consultation.closed_at)}`);
  if (consultation.branch) parts.push(consultation.branch);
  parts.push(plural(consultation.message_count, "message", "messages"));
  return parts.join(" · ");
}

function row(consultation) {
  return el("a", {
    href: `#/consultations/${enc(consultation.id)}`, className: "consult-row",
    "data-testid": "consultation-row", "data-consultation-id": consultation.id,
    "data-status": consultation.status,
    "aria-current": String(consultation.id) === state.openId ? "true" : null,
  },
  el("span", { className: "consult-row-head" },
    el("span", { className: "consult-reason" }, reasonText(consultation.reason)),
    el("span", { className: "badge" }, LANGUAGES[consultation.language] || consultation.language)),
  el("span", { className: "consult-row-meta muted", "data-row-meta": "" }, rowMeta(consultation)));
}

function group(title, rows, empty, testid) {
  return el("section", { className: "consult-group", "data-testid": testid },
    el("h2", {}, `${title} (${rows.length})`),
    rows.length ? el("div", { className: "consult-rows" }, rows.map(row))
      : el("p", { className: "muted" }, empty));
}

/** Rebuild the rows only when the queue changed, so a click never lands on a replaced row;
 * otherwise just refresh the waiting times. */
function renderLists(consultations) {
  const key = JSON.stringify([state.tab, state.openId, consultations.map((c) =>
    [c.id, c.status, c.claimed_by, c.message_count, c.branch, c.reason])]);
  const box = $("consult-lists");
  if (key === state.listKey) {
    for (const consultation of consultations) {
      const shown = box.querySelector(
        `[data-consultation-id="${CSS.escape(String(consultation.id))}"] [data-row-meta]`);
      if (shown) shown.textContent = rowMeta(consultation);
    }
    return;
  }
  state.listKey = key;
  if (state.tab === "closed") {
    const closed = consultations.filter((c) => c.status === "closed").reverse(); // newest first
    box.replaceChildren(group("Closed", closed, "No closed consultations yet.", "consultations-closed-list"));
    return;
  }
  box.replaceChildren(
    group("Waiting", consultations.filter((c) => c.status === "waiting"), "Nobody is waiting.",
      "consultations-waiting"),
    group("Active", consultations.filter((c) => c.status === "active"),
      "No consultation is in progress.", "consultations-active"));
}

export function chooseTab(tab) {
  if (tab === state.tab) return;
  state.tab = tab;
  state.listKey = "";
  state.generation += 1;
  for (const node of document.querySelectorAll("#view-consultations .tab")) {
    node.setAttribute("aria-pressed", String(node.dataset.status === tab));
  }
  $("consult-lists").replaceChildren(el("p", { className: "muted" }, "Loading…"));
  schedulePoll(0);
}
