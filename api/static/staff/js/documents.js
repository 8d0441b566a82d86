/* Staff console: the document list (#/documents) with its filters. */

import { api } from "./api.js";
import { $, el, enc, setError } from "./dom.js";
import { AUDIENCES, formatTime, KINDS, LANGUAGES } from "./format.js";
import { state } from "./state.js";
import { showView } from "./views.js";

const list = { documents: [], shownFilter: "" }; // what the server sent; the filters drawn

export async function renderList() {
  showView("list", "documents");
  const seq = ++state.seq;
  setError($("list-error"), "");
  $("doc-count").textContent = "Loading documents…";
  try {
    const [rows, status] = await Promise.all([
      api("/v1/kb/documents?include_deleted=true"),
      api("/v1/kb/status").catch(() => null),
    ]);
    if (seq !== state.seq) return;
    list.documents = rows;
    fillMedicineOptions(rows);
    if (status) {
      const dur = status.dur_rules;
      const rules = dur ? Object.values(dur.counts || {}).reduce((a, b) => a + b, 0) : 0;
      $("kb-status").textContent = `${status.documents} live documents · knowledge-base ` +
        `revision ${status.revision}` + (status.index ? ` · search index ${status.index}` : "") +
        (dur ? ` · DUR rules ${rules.toLocaleString()} (newest ${dur.newest_notification_date || "—"})` : "");
      $("kb-status").title = dur ? Object.entries(dur.counts || {})
        .map(([kind, n]) => `${kind}: ${n}`).join("\n") : "";
    }
    renderRows();
  } catch (err) {
    if (seq !== state.seq) return;
    $("doc-count").textContent = "";
    setError($("list-error"), `The documents could not be loaded: ${err.message}`);
  }
}

function fillMedicineOptions(rows) {
  const names = new Set();
  for (const row of rows) for (const name of row.generic_names) names.add(name);
  $("medicine-options").replaceChildren(...[...names].sort().map((name) =>
    el("option", { value: name })));
}

function filteredDocuments() {
  const text = $("filter-text").value.trim().toLowerCase();
  const medicine = $("filter-medicine").value.trim().toLowerCase();
  const kind = $("filter-kind").value;
  const audience = $("filter-audience").value;
  const deleted = $("filter-deleted").checked;
  return list.documents.filter((row) => {
    if (kind && row.kind !== kind) return false;
    if (audience && row.audience !== audience) return false;
    if (!deleted && row.deleted) return false;
    const names = [...row.generic_names, ...row.brand_names].join(" ").toLowerCase();
    if (medicine && !names.includes(medicine)) return false;
    const haystack = [row.doc_id, row.title, names].join(" ").toLowerCase();
    return !text || haystack.includes(text);
  });
}

function filterKey() {
  return ["filter-text", "filter-medicine", "filter-kind", "filter-audience"]
    .map((id) => $(id).value.trim().toLowerCase()).concat($("filter-deleted").checked).join("\u0000");
}

/** Re-draw the table only when a filter really changed: a blur-time "change" event must not
 * replace the row the user is clicking. */
function filtersChanged() {
  if (filterKey() !== list.shownFilter) renderRows();
}

function renderRows() {
  list.shownFilter = filterKey();
  const rows = filteredDocuments();
  const filtering = ["filter-text", "filter-medicine", "filter-kind", "filter-audience"]
    .some((id) => $(id).value.trim());
  $("doc-count").textContent = rows.length === 1 ? "1 document" : `${rows.length} documents` +
    (filtering ? " match" : "");
  $("doc-rows").replaceChildren(...rows.map((row) => el("tr", {
    "data-testid": "doc-row", "data-doc-id": row.doc_id, className: row.deleted ? "deleted" : null,
  },
  el("td", {},
    el("a", { href: `#/documents/${enc(row.doc_id)}`, "data-testid": "doc-link" }, row.title),
    el("div", { className: "doc-id" }, row.doc_id),
    row.deleted ? el("span", { className: "badge danger" }, "deleted") : null,
    translationBadges(row)),
  el("td", {}, KINDS[row.kind] || row.kind),
  el("td", {}, AUDIENCES[row.audience] || row.audience),
  el("td", {}, row.generic_names.join(", ")),
  el("td", { className: "num" }, row.version),
  el("td", {}, formatTime(row.updated_at)))));
}

/** A chain document's language, its pair (linked) and, when it is older than its pair, a
 * badge saying so; nothing for a leaflet (the list gives leaflets no language). */
function translationBadges(row) {
  if (!row.language) return null;
  return el("div", { className: "badges", "data-testid": "doc-translation" },
    el("span", { className: "badge", "data-testid": "doc-language" },
      LANGUAGES[row.language] || row.language),
    (row.translations || []).flatMap((pairId) => [" ",
      el("a", { href: `#/documents/${enc(pairId)}`, "data-testid": "translation-link",
        title: `The ${row.translation_of ? "English original" : "Korean translation"}` },
      row.translation_of ? "English original" : "Korean translation")]),
    row.stale_translation ? [" ", el("span", { className: "badge danger",
      "data-testid": "stale-translation",
      title: "Its pair changed after it: it may need the same change" },
    "Older than its translation")] : null);
}

export function wireFilters() {
  for (const id of ["filter-text", "filter-medicine", "filter-kind", "filter-audience",
    "filter-deleted"]) {
    $(id).addEventListener("input", filtersChanged);
    $(id).addEventListener("change", filtersChanged);
  }
  $("filters").addEventListener("submit", (event) => event.preventDefault());
}
