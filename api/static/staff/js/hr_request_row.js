/* Staff console, HR requests: one row of the benefits queue and its actions.
 *
 * A pending request can be started or rejected; one in progress completed (with an optional
 * note for the employee) or rejected (a note saying why is required). HR staff never handle
 * their own requests: those rows say so and offer nothing. Text goes in as text nodes only.
 */

import { el } from "./dom.js";
import { formatTime, LANGUAGE } from "./format.js";

export const STATUSES = { pending: "Pending", in_progress: "In progress",
  completed: "Completed", rejected: "Rejected", cancelled: "Cancelled" };
const KINDS = { add_dependent: "Add a dependent to the health cover",
  employment_certificate: "Employment certificate (재직증명서)",
  income_certificate: "Income certificate (원천징수영수증)" };
const RELATIONS = { spouse: "Spouse", child: "Child" };
const LANGUAGES = { ko: "Korean", en: "English" };
const STATUS_BADGES = { pending: "", in_progress: "ok", completed: "ok", rejected: "danger",
  cancelled: "" };

/** "2026-11-16" as the reader's calendar date (not shifted by the time zone). */
function calendarDate(iso) {
  const [year, month, day] = String(iso || "").split("-").map(Number);
  if (!year || !month || !day) return String(iso || "");
  return new Date(year, month - 1, day).toLocaleDateString(LANGUAGE, { dateStyle: "medium" });
}

function details(request) {
  if (request.dependent) {
    const d = request.dependent;
    return `${RELATIONS[d.relation] || d.relation}: ${d.name}, born ${calendarDate(d.birth_date)}`;
  }
  const c = request.certificate || {};
  const parts = [];
  if (c.year) parts.push(`Tax year ${c.year}`);
  if (c.purpose) parts.push(`for ${c.purpose}`);
  parts.push(LANGUAGES[c.language] || c.language);
  parts.push(`${c.copies} ${c.copies === 1 ? "copy" : "copies"}`);
  return parts.join(" · ");
}

function statusCell(request) {
  const badge = el("span", { className: `badge ${STATUS_BADGES[request.status] || ""}`.trim(),
    "data-testid": "hr-request-status" }, STATUSES[request.status] || request.status);
  const who = request.handled_by;
  const handler = who
    ? el("div", { className: "muted" }, `${who.name_en} · ${formatTime(request.handled_at)}`)
    : null;
  return el("td", {}, badge, handler);
}

/** The note box and the buttons the request's status allows; ``act(verb, note, parts)`` runs
 * one (parts: its note box, error line and buttons; the caller refreshes the list). */
function actionCell(request, ownId, act) {
  const cell = el("td", { className: "hr-actions" });
  if (request.note) {
    cell.append(el("p", { className: "hr-note", "data-testid": "hr-request-saved-note" },
      request.note));
  }
  const open = request.status === "pending" || request.status === "in_progress";
  if (!open) return cell;
  if (request.employee_id === ownId) {
    cell.append(el("p", { className: "muted" },
      "Your own request: another member of HR handles it."));
    return cell;
  }
  const noteId = `hr-note-${request.id}`;
  const note = el("textarea", { id: noteId, rows: 2, maxlength: 500,
    "data-testid": "hr-request-note",
    placeholder: request.status === "pending" ? "Why it is rejected (only to reject)"
      : "A note for the employee (required to reject)" });
  const error = el("p", { className: "field-error", "aria-live": "polite",
    "data-testid": "hr-request-error" });
  const buttons = el("div", { className: "row-actions" });
  const run = (verb) => act(verb, note.value.trim(), { note, error, buttons });
  if (request.status === "pending") {
    buttons.append(el("button", { type: "button", className: "button primary small",
      "data-testid": "hr-request-start" }, "Start"));
  } else {
    buttons.append(el("button", { type: "button", className: "button primary small",
      "data-testid": "hr-request-complete" }, "Complete"));
  }
  buttons.append(el("button", { type: "button", className: "button danger small",
    "data-testid": "hr-request-reject" }, "Reject"));
  for (const button of buttons.querySelectorAll("button")) {
    const verb = button.dataset.testid.replace("hr-request-", "");
    button.addEventListener("click", () => run(verb));
  }
  cell.append(el("label", { for: noteId, className: "visually-hidden" },
    `Note for request ${request.id}`), note, error, buttons);
  return cell;
}

export function requestRow(request, ownId, act) {
  const employee = request.employee || {};
  return el("tr", { "data-testid": "hr-request-row", "data-request-id": request.id,
    "data-status": request.status },
  el("td", {}, el("div", {}, formatTime(request.created_at)),
    el("div", { className: "doc-id" }, `#${request.id}`)),
  el("td", { "data-testid": "hr-request-employee" },
    el("div", {}, `${employee.name_en} · ${employee.name_ko}`),
    el("div", { className: "muted" }, `${employee.branch} · ${employee.department}`)),
  el("td", {},
    el("div", { className: "change", "data-testid": "hr-request-kind" },
      KINDS[request.kind] || request.kind),
    el("div", { className: "muted", "data-testid": "hr-request-details" }, details(request))),
  statusCell(request),
  actionCell(request, ownId, act));
}
