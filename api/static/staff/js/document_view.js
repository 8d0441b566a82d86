/* Staff console: one document (#/documents/<id>[?version=N]): its details, sections, the
 * answer preview and the version history; editing a section, deleting the document. */

import { api } from "./api.js";
import { $, button, el, enc } from "./dom.js";
import { AUDIENCES, formatTime, KINDS, LANGUAGES } from "./format.js";
import { buildHistory, latestVersion, rollback } from "./history.js";
import { confirmAction, flash } from "./notice.js";
import { buildPreview } from "./preview.js";
import { navigate } from "./router.js";
import { openSectionEditor } from "./section_editor.js";
import { state } from "./state.js";
import { showView } from "./views.js";

export async function renderDocument(docId, versionParam) {
  showView("doc", "documents");
  const seq = ++state.seq;
  const root = $("doc-root");
  root.replaceChildren(el("p", { className: "muted" }, "Loading the document…"));
  try {
    const suffix = versionParam ? `?version=${enc(versionParam)}` : "";
    const [doc, versions] = await Promise.all([
      api(`/v1/kb/documents/${enc(docId)}${suffix}`),
      api(`/v1/kb/documents/${enc(docId)}/versions`),
    ]);
    if (seq !== state.seq) return;
    state.doc = doc;
    state.versions = versions;
    root.replaceChildren(buildDocument(doc, versions));
  } catch (err) {
    if (seq !== state.seq) return;
    root.replaceChildren(
      el("p", { className: "error", role: "alert", "data-testid": "doc-error" },
        `This document could not be opened: ${err.message}`),
      el("a", { href: "#/documents" }, "Back to the documents"));
  }
}

function buildDocument(doc, versions) {
  const current = latestVersion(versions);
  const isCurrent = doc.version === current;
  const editable = isCurrent && !doc.deleted;
  const medicines = doc.generic_names.join(", ");
  const wrapper = el("article", { className: "document", "data-testid": "document",
    "data-doc-id": doc.doc_id, "data-version": doc.version });
  wrapper.append(
    el("p", { className: "crumbs" }, el("a", { href: "#/documents" }, "Documents"), " / ",
      doc.doc_id),
    el("div", { className: "view-head" },
      el("h1", { "data-testid": "doc-title" }, doc.title),
      el("p", { className: "badges" },
        el("span", { className: "badge" }, KINDS[doc.kind] || doc.kind),
        el("span", { className: "badge" }, `For ${(AUDIENCES[doc.audience] || doc.audience).toLowerCase()}`),
        el("span", { className: "badge" }, `Version ${doc.version}`),
        doc.language ? el("span", { className: "badge", "data-testid": "doc-language" },
          LANGUAGES[doc.language] || doc.language) : null,
        doc.stale_translation ? el("span", { className: "badge danger",
          "data-testid": "stale-translation" }, "Older than its translation") : null,
        doc.deleted ? el("span", { className: "badge danger" }, "Deleted") : null)),
    el("dl", { className: "meta" },
      metaRow("Document id", doc.doc_id),
      translationRow(doc),
      medicines ? metaRow("Medicines", medicines) : null,
      doc.brand_names.length ? metaRow("Brands", doc.brand_names.join(", ")) : null,
      metaRow("Source", doc.source),
      doc.effective_date ? metaRow("Effective date", doc.effective_date) : null,
      metaRow("This version", `saved by ${doc.author}, ${formatTime(doc.saved_at)}`)));
  if (doc.deleted) {
    wrapper.append(el("p", { className: "banner danger", "data-testid": "deleted-banner" },
      "This document is deleted: search and the assistant no longer use it. Roll back to an " +
      "earlier version in the history to restore it."));
  }
  if (doc.stale_translation && !doc.deleted) {
    wrapper.append(el("p", { className: "banner", "data-testid": "stale-translation-banner" },
      "Older than its translation: ", pairLinks(doc),
      " changed after this document did. Check whether this one needs the same change."));
  }
  if (!isCurrent) {
    wrapper.append(el("div", { className: "banner", "data-testid": "old-version-banner" },
      `You are looking at version ${doc.version}; the current version is ${current}. `,
      el("a", { href: `#/documents/${enc(doc.doc_id)}` }, "Show the current version"), " ",
      button(`Roll back to version ${doc.version}`, { className: "button secondary small",
        "data-idle": "" }, () => rollback(doc, doc.version))));
  }
  if (editable) {
    const kindPath = doc.kind === "leaflet" ? "leaflet" : "entry";
    wrapper.append(el("div", { className: "actions doc-actions" },
      el("a", { href: `#/edit/${kindPath}/${enc(doc.doc_id)}`, className: "button secondary",
        "data-testid": "edit-document" },
      doc.kind === "leaflet" ? "Replace the whole leaflet (JSON)" : "Edit the whole entry (Markdown)"),
      button("Delete document…", { className: "button danger", "data-testid": "delete-document",
        "data-idle": "" }, () => deleteDocument(doc))));
  }
  const sections = el("section", { className: "sections", "aria-label": "Sections" },
    el("h2", {}, "Sections"),
    doc.sections.map((section) => buildSection(doc, section, editable)));
  const side = el("aside", { className: "side" }, buildPreview(doc), buildHistory(doc, versions));
  wrapper.append(el("div", { className: "doc-layout" }, sections, side));
  return wrapper;
}

function metaRow(term, value) {
  return el("div", {}, el("dt", {}, term), el("dd", {}, value));
}

/** Links to a chain document's pair in the other language ("X" / "X-ko"). */
function pairLinks(doc) {
  return (doc.translations || []).flatMap((pairId, n) => [n ? ", " : "",
    el("a", { href: `#/documents/${enc(pairId)}`, "data-testid": "translation-link" }, pairId)]);
}

/** "Korean translation: X-ko" on an original, "Translation of: X" on a translation. */
function translationRow(doc) {
  if (doc.translation_of) {
    return metaRow("Translation of", doc.translations && doc.translations.length
      ? pairLinks(doc) : `${doc.translation_of} (not there: deleted or not yet added)`);
  }
  if (doc.kind === "leaflet") return null;
  return metaRow("Korean translation", doc.translations && doc.translations.length
    ? pairLinks(doc) : "none yet");
}

function buildSection(doc, section, editable) {
  const article = el("article", { className: "section card", "data-testid": "section",
    "data-key": section.key, id: `section-${section.key}` });
  const head = el("div", { className: "section-head" },
    el("h3", {}, section.title), el("code", { className: "key" }, section.key));
  const text = el("div", { className: "section-text", "data-testid": "section-text" },
    section.text);
  article.append(head, text);
  if (editable) {
    head.append(button("Edit", { className: "button secondary small",
      "data-testid": "edit-section", "data-idle": "",
      "aria-label": `Edit ${section.title}` },
    () => openSectionEditor(article, doc, section, renderDocument)));
  }
  return article;
}

async function deleteDocument(doc) {
  if (state.editing) return;
  const ok = await confirmAction(`Delete “${doc.title}”?`,
    "Search and the assistant stop using it at once. The history is kept: you can restore it " +
    "by rolling back to an earlier version.", "Delete");
  if (!ok) return;
  try {
    await api(`/v1/kb/documents/${enc(doc.doc_id)}?expected_version=${doc.version}`,
      { method: "DELETE" });
    flash(`Deleted “${doc.title}” (${doc.doc_id}).`);
    navigate("#/documents");
  } catch (err) {
    const current = err.body && err.body.current;
    flash(current ? `Not deleted: ${current.author} saved version ${current.version} ` +
      "meanwhile. Check their change first." : `Not deleted: ${err.message}`, "error");
    renderDocument(doc.doc_id, null);
  }
}
