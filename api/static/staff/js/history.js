/* Staff console: a document's version history, and rolling back to an earlier version. */

import { api } from "./api.js";
import { button, el, enc } from "./dom.js";
import { formatTime } from "./format.js";
import { confirmAction, flash } from "./notice.js";
import { navigate, route } from "./router.js";
import { state } from "./state.js";

export function latestVersion(versions) {
  return versions.reduce((max, v) => Math.max(max, v.version), 0);
}

export function buildHistory(doc, versions) {
  const current = latestVersion(versions);
  const rows = [...versions].reverse().map((v) => el("tr", {
    "data-testid": "version-row", "data-version": v.version,
    className: v.version === doc.version ? "shown" : null,
  },
  el("td", { className: "num" }, v.version),
  el("td", {},
    el("div", { className: "change", "data-testid": "version-note" },
      v.note || (v.deleted ? "deleted" : "saved")),
    el("div", { className: "hint", "data-testid": "version-by" },
      `${v.author} · ${formatTime(v.created_at)}`),
    el("div", { className: "row-actions" },
      v.version === current ? el("span", { className: "badge ok" }, "current") : null,
      v.deleted ? el("span", { className: "badge danger" }, "deleted") : null,
      v.version === doc.version ? el("span", { className: "badge" }, "shown above")
        : el("a", { href: `#/documents/${enc(doc.doc_id)}?version=${v.version}`,
          "data-testid": "view-version", "aria-label": `View version ${v.version}` }, "View"),
      v.version === current ? null
        : button("Roll back to this", { className: "button secondary small",
          "data-testid": "rollback", "data-idle": "",
          "aria-label": `Roll back to version ${v.version}` },
        () => rollback(doc, v.version))))));
  return el("section", { className: "card history", "aria-labelledby": "history-title" },
    el("h2", { id: "history-title" }, "Version history"),
    el("p", { className: "hint" }, "Every save, rollback and delete is a version; rolling " +
      "back saves an old version's content as a new one."),
    el("table", { className: "table compact" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Version"),
        el("th", { scope: "col" }, "What changed, who, when"))),
      el("tbody", {}, rows)));
}

export async function rollback(doc, version) {
  if (state.editing) return;
  const target = state.versions.find((v) => v.version === version);
  const when = target ? ` (saved by ${target.author}, ${formatTime(target.created_at)})` : "";
  const ok = await confirmAction(`Roll back to version ${version}?`,
    `“${doc.title}” gets the content of version ${version}${when} as a new version. Search ` +
    "and the assistant use it at once; the history keeps every version.", "Roll back");
  if (!ok) return;
  try {
    const change = await api(`/v1/kb/documents/${enc(doc.doc_id)}/rollback`,
      { method: "POST", json: { version } });
    flash(`Rolled back: version ${change.version} has the content of version ${version}.`);
    navigate(`#/documents/${enc(doc.doc_id)}`);
  } catch (err) {
    flash(`The rollback failed: ${err.message}`, "error");
    route();
  }
}
