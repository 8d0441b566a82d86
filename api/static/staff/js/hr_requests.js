/* Staff console: HR requests (#/hr-requests[?status=…]), the benefits queue for HR staff.
 *
 * Employees ask HR to add a dependent to the health cover or for an employment or income
 * certificate (/v1/hr/benefits/requests); HR staff see every employee's requests here —
 * pending first, oldest first — filter them by status, start one, then complete it with a
 * note or reject it with the reason. The API answers 403 to anyone who is not HR staff: for
 * them the nav link stays hidden. The badge counts the pending requests.
 */

import { api } from "./api.js";
import { $, el, enc, setError, show } from "./dom.js";
import { requestRow, STATUSES } from "./hr_request_row.js";
import { navigate } from "./router.js";
import { onSession } from "./session.js";
import { registerView, showView } from "./views.js";

const QUEUE = "/v1/hr/benefits/queue";
const FILTERS = ["open", "pending", "in_progress", "completed", "rejected", "cancelled", "all"];
const page = { account: null, ownId: null, filter: "open", seq: 0, busy: false };

function setAllowed(allowed) {
  show($("nav").querySelector("[data-nav=hr-requests]"), allowed);
}

function applyCounts(counts) {
  const pending = Number(counts && counts.pending) || 0;
  const badge = document.querySelector("[data-testid=hr-requests-badge]");
  badge.textContent = String(pending);
  badge.setAttribute("aria-label", `${pending} pending`);
  show(badge, pending > 0);
  const total = Object.values(counts || {}).reduce((sum, n) => sum + Number(n || 0), 0);
  $("hr-requests-summary").textContent = FILTERS.slice(1, 6)
    .map((status) => `${STATUSES[status]}: ${Number((counts || {})[status]) || 0}`)
    .join(" · ") + ` · All: ${total}`;
}

function announce(message) {
  $("notice-text").textContent = message;
  $("notice").dataset.kind = "success";
  show($("notice"), true);
}

async function act(id, verb, note, parts) {
  if (page.busy) return;
  if (verb === "reject" && !note) {
    parts.error.textContent = "Write a note telling the employee why it is rejected.";
    parts.note.setAttribute("aria-invalid", "true");
    parts.note.focus();
    return;
  }
  page.busy = true;
  for (const button of parts.buttons.querySelectorAll("button")) button.disabled = true;
  parts.error.textContent = "";
  try {
    const json = verb === "start" ? undefined : { note: note || null };
    const done = await api(`${QUEUE}/${enc(id)}/${verb}`, { method: "POST", json });
    announce(`Request #${done.id} is ${STATUSES[done.status].toLowerCase()}.`);
    await refresh();
  } catch (err) {
    if (err.status === 409 || err.status === 404) { // someone else moved it on: show the news
      await refresh();
      setError($("hr-requests-error"), err.message);
    } else {
      parts.error.textContent = err.message;
      for (const button of parts.buttons.querySelectorAll("button")) button.disabled = false;
    }
  } finally {
    page.busy = false;
  }
}

/** Load the queue for the current filter (and, once, who is signed in: their own requests
 * are for someone else in HR). */
async function refresh() {
  const seq = ++page.seq;
  setError($("hr-requests-error"), "");
  try {
    const data = await api(`${QUEUE}?status=${enc(page.filter)}`);
    if (!page.ownId) page.ownId = (await api("/v1/hr/me")).employee_id;
    if (seq !== page.seq) return;
    setAllowed(true);
    applyCounts(data.counts);
    const rows = (data.requests || []).map((request) =>
      requestRow(request, page.ownId, (verb, note, parts) => act(request.id, verb, note, parts)));
    $("hr-request-rows").replaceChildren(...rows);
    show($("hr-requests-empty"), rows.length === 0);
    show($("hr-requests-table"), rows.length > 0);
  } catch (err) {
    if (seq !== page.seq) return;
    if (err.status === 403) {
      setAllowed(false);
      $("hr-request-rows").replaceChildren();
      setError($("hr-requests-error"), "HR requests are handled by the HR team: this account " +
        "cannot see them. Sign in with an HR staff account.");
    } else {
      setError($("hr-requests-error"), `The requests could not be loaded: ${err.message}`);
    }
  }
}

export function renderHrRequests(params) {
  const wanted = params.get("status") || "open";
  page.filter = FILTERS.includes(wanted) ? wanted : "open";
  $("hr-requests-filter").value = page.filter;
  showView("hr-requests", "hr-requests");
  $("hr-request-rows").replaceChildren(
    el("tr", {}, el("td", { colspan: 5, className: "muted" }, "Loading…")));
  return refresh();
}

/** Whether this account is HR staff (the queue answers), and its own employee id. */
async function probe(account) {
  try {
    const data = await api(`${QUEUE}?status=pending&limit=1`);
    const me = await api("/v1/hr/me");
    if (!page.account || page.account.username !== account.username) return;
    page.ownId = me.employee_id;
    setAllowed(true);
    applyCounts(data.counts);
  } catch (_) {
    if (page.account && page.account.username === account.username) setAllowed(false);
  }
}

export function initHrRequests() {
  registerView("hr-requests", { leave: () => { page.seq += 1; } });
  $("hr-requests-filter").addEventListener("change", (event) => {
    navigate(`#/hr-requests?status=${enc(event.target.value)}`);
  });
  onSession((account) => {
    const changed = !account || !page.account || account.username !== page.account.username;
    page.account = account;
    if (!changed) return;
    page.ownId = null;
    setAllowed(false);
    if (account && account.hrStaff) probe(account);  // others never ask (no 403s)
  });
}
