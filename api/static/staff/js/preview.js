/* Staff console: "Preview an answer" next to a document: a question to the live search. */

import { api } from "./api.js";
import { el, enc } from "./dom.js";

const MAX_PREVIEW_CHARS = 700; // what the assistant quotes of one passage

export function buildPreview(doc) {
  const question = el("input", { id: "preview-question", type: "search", autocomplete: "off",
    maxlength: 500, "data-testid": "preview-question",
    placeholder: doc.kind === "leaflet" ? "e.g. how much can I take?" : "e.g. where can I park?" });
  const medicine = el("input", { id: "preview-medicine", autocomplete: "off", maxlength: 100,
    "data-testid": "preview-medicine" });
  medicine.value = doc.kind === "leaflet" ? (doc.brand_names[0] || doc.generic_names[0] || "") : "";
  const result = el("div", { className: "preview-result", "aria-live": "polite",
    "data-testid": "preview-result" });
  const ask = el("button", { type: "submit", className: "button secondary",
    "data-testid": "preview-button" }, "Preview answer");
  const form = el("form", { className: "card preview", novalidate: true },
    el("h2", {}, "Preview an answer"),
    el("p", { className: "hint" }, "Ask the live search a question. It answers from what is " +
      "saved now, so save first, then preview."),
    el("div", { className: "field" }, el("label", { for: "preview-question" }, "Question"), question),
    el("div", { className: "field" },
      el("label", { for: "preview-medicine" }, "Medicine filter (optional)"), medicine),
    el("div", { className: "actions" }, ask), result);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = question.value.trim();
    if (!q) {
      result.replaceChildren(el("p", { className: "field-error" }, "Type a question first."));
      question.focus();
      return;
    }
    const params = new URLSearchParams({ q, k: "3", audience: doc.audience });
    if (medicine.value.trim()) params.set("medicine", medicine.value.trim());
    ask.disabled = true;
    result.replaceChildren(el("p", { className: "muted" }, "Searching…"));
    try {
      result.replaceChildren(previewResult(doc, await api(`/v1/search?${params}`)));
    } catch (err) {
      result.replaceChildren(el("p", { className: "error", role: "alert" },
        `The preview failed: ${err.message}`));
    } finally {
      ask.disabled = false;
    }
  });
  return form;
}

function previewResult(doc, found) {
  const hit = found.hits[0];
  if (!hit) {
    return el("p", { className: "muted", "data-testid": "preview-empty" },
      found.medicine_not_covered ? "That medicine is not in the knowledge base."
        : "Nothing was found: the assistant would hand this question to a pharmacist.");
  }
  const text = hit.text.length > MAX_PREVIEW_CHARS
    ? `${hit.text.slice(0, MAX_PREVIEW_CHARS)} …` : hit.text;
  const own = hit.doc_id === doc.doc_id;
  return el("div", { className: "passage", "data-testid": "preview-passage",
    "data-doc-id": hit.doc_id, "data-section": hit.section },
  el("p", { className: own ? "badge ok" : "badge" },
    own ? "From this document" : "From another document"),
  el("p", { className: "passage-title" },
    own ? hit.title : el("a", { href: `#/documents/${enc(hit.doc_id)}` }, hit.title),
    " — ", hit.section_title),
  el("blockquote", { "data-testid": "preview-text" }, text),
  el("p", { className: "hint" }, `Search confidence ${Math.round(found.confidence * 100)}%`));
}
