/* Staff console: a new store-FAQ or HR-handbook entry in Markdown (#/new/entry, also from an
 * unanswered question: ?question=…) or an edited one (#/edit/entry/<id>). */

import { api } from "./api.js";
import { documentConflict } from "./conflict.js";
import { $, el, enc, setError, show, watchTouched } from "./dom.js";
import { slug } from "./format.js";
import { flash } from "./notice.js";
import { navigate } from "./router.js";
import { state } from "./state.js";
import { showView } from "./views.js";

const DOC_ID = /^[a-z0-9][a-z0-9._-]{1,127}$/;
const MAX_MARKDOWN_CHARS = 100000;
let entry = { docId: null, baseVersion: null }; // docId: the entry being edited
const touched = new Set(); // fields the user has typed in: their errors show as they type

/** Mirror of the server's split: "## " starts a section, text before it is "Overview". */
function markdownSections(markdown) {
  const sections = [];
  let title = "Overview";
  let lines = [];
  const flush = () => {
    if (lines.join("\n").trim()) sections.push(title);
  };
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith("## ")) {
      flush();
      title = line.slice(3).trim();
      lines = [];
    } else if (!line.startsWith("# ")) {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

function validateEntry() {
  const editing = Boolean(entry.docId);
  const id = $("entry-id").value.trim();
  const title = $("entry-title-input").value.trim();
  const markdown = $("entry-markdown").value;
  const sections = markdownSections(markdown);
  const errors = {
    "entry-id": !id ? "The document id is required."
      : !DOC_ID.test(id) ? "Use 2–128 lower-case letters, digits, dot, dash or underscore, " +
        "starting with a letter or digit." : "",
    "entry-title-input": title ? "" : "The title is required.",
    "entry-markdown": !markdown.trim() ? "The text is required."
      : markdown.length > MAX_MARKDOWN_CHARS ? "The text is too long (at most 100,000 characters)."
        : !sections.length ? "Write the answer under the heading: a section needs text." : "",
  };
  for (const [field, message] of Object.entries(errors)) {
    const shown = touched.has(field) || $(field).value.trim() ? message : "";
    $(`${field}-error`).textContent = shown;
    $(field).setAttribute("aria-invalid", String(Boolean(shown)));
  }
  $("entry-markdown-hint").textContent = sections.length
    ? `Sections: ${sections.join(" · ")}`
    : "No section has text yet. A section starts with a line like " +
      "“## Parking at the Gangnam branch” followed by its text.";
  const ok = !Object.values(errors).some(Boolean);
  $("entry-submit").disabled = !ok;
  if (!ok) return null;
  const body = { doc_id: id, title, kind: $("entry-kind").value,
    audience: $("entry-audience").value, markdown };
  if ($("entry-date").value) body.effective_date = $("entry-date").value;
  if (editing) body.doc_id = entry.docId;
  return body;
}

function entryMarkdown(doc) {
  return doc.sections.map((s) => `## ${s.title}\n${s.text}`).join("\n\n");
}

export async function openEntryForm(docId, question) {
  showView("entry", docId ? "documents" : "entry");
  const seq = ++state.seq;
  entry = { docId, baseVersion: null };
  touched.clear();
  setError($("entry-error"), "");
  $("entry-conflict").replaceChildren();
  $("entry-title").textContent = docId ? `Edit the entry ${docId}` : "New FAQ or handbook entry";
  $("entry-submit").textContent = docId ? "Save new version" : "Create entry";
  $("entry-cancel").setAttribute("href", docId ? `#/documents/${enc(docId)}` : "#/documents");
  $("entry-id").readOnly = Boolean(docId);
  const asked = (question || "").trim().slice(0, 300);
  $("entry-from-gap").textContent = asked
    ? `Customers asked: “${asked}”. Write the answer below; the title and first heading ` +
      "start from their question." : "";
  show($("entry-from-gap"), Boolean(asked));
  $("entry-id").value = asked ? `faq-${slug(asked, 60)}` : "";
  $("entry-title-input").value = asked;
  $("entry-kind").value = "store_faq";
  $("entry-audience").value = "consumer";
  $("entry-date").value = "";
  $("entry-markdown").value = asked ? `## ${asked}\n` : "";
  if (docId) {
    $("entry-submit").disabled = true;
    try {
      const doc = await api(`/v1/kb/documents/${enc(docId)}`);
      if (seq !== state.seq) return;
      entry.baseVersion = doc.version;
      $("entry-id").value = doc.doc_id;
      $("entry-title-input").value = doc.title;
      $("entry-kind").value = doc.kind;
      $("entry-audience").value = doc.audience;
      $("entry-date").value = doc.effective_date || "";
      $("entry-markdown").value = entryMarkdown(doc);
    } catch (err) {
      setError($("entry-error"), `The entry could not be loaded: ${err.message}`);
    }
  }
  validateEntry();
  (asked ? $("entry-markdown") : $("entry-id")).focus();
}

async function submitEntry(event) {
  event.preventDefault();
  const body = validateEntry();
  if (!body) return;
  const { docId, baseVersion } = entry;
  const submit = $("entry-submit");
  const label = submit.textContent;
  submit.disabled = true;
  submit.textContent = "Saving…";
  setError($("entry-error"), "");
  try {
    const change = docId
      ? await api(`/v1/kb/entries/${enc(docId)}?expected_version=${baseVersion}`,
        { method: "PUT", json: body })
      : await api("/v1/kb/entries", { method: "POST", json: body });
    flash(`${docId ? "Saved" : "Created"} ${change.doc_id} (version ${change.version}). ` +
      "It is searchable now.");
    navigate(`#/documents/${enc(change.doc_id)}`);
  } catch (err) {
    const current = err.body && err.body.current;
    if (err.status === 409 && docId && current) {
      entry.baseVersion = current.version;
      $("entry-conflict").replaceChildren(documentConflict(current, entryMarkdown(current)));
    } else if (err.status === 409) {
      $("entry-error").replaceChildren(`A document ${body.doc_id} already exists. `,
        el("a", { href: `#/documents/${enc(body.doc_id)}` }, "Open it"),
        " to edit it, or choose another id.");
      show($("entry-error"), true);
    } else {
      setError($("entry-error"), `Not saved: ${err.message}`);
    }
  } finally {
    submit.textContent = label;
    submit.disabled = false;
  }
}

export function wireEntryForm() {
  const form = $("entry-form");
  watchTouched(form, touched, validateEntry);
  form.addEventListener("input", validateEntry);
  form.addEventListener("submit", submitEntry);
  $("entry-kind").addEventListener("change", () => {
    if (!entry.docId) {
      $("entry-audience").value = $("entry-kind").value === "hr_handbook" ? "employee" : "consumer";
    }
  });
}
