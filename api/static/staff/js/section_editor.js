/* Staff console: editing one section of a document in place, and what happens when someone
 * else saved the document meanwhile (their text shown next to ours, nothing lost). */

import { api } from "./api.js";
import { button, el, enc, setError } from "./dom.js";
import { formatTime } from "./format.js";
import { flash } from "./notice.js";
import { state } from "./state.js";

const MAX_SECTION_CHARS = 50000;

/** Only one editor at a time, and nothing that re-renders the page while it is open. */
function setEditing(editing) {
  state.editing = editing;
  if (!editing) state.unsaved = null;
  for (const node of document.querySelectorAll("#doc-root [data-idle]")) node.disabled = editing;
}

/** renderDocument(docId, version) draws the document again (document_view.js). */
export function openSectionEditor(article, doc, section, renderDocument) {
  if (state.editing) return;
  setEditing(true);
  const id = `edit-${section.key}`;
  const editor = { baseVersion: doc.version, busy: false };
  const textarea = el("textarea", { id, className: "editor", "data-testid": "section-editor",
    rows: Math.min(22, Math.max(6, section.text.split("\n").length + 3)),
    "aria-describedby": `${id}-error ${id}-count` });
  textarea.value = section.text;
  const problem = el("p", { id: `${id}-error`, className: "field-error", "aria-live": "polite",
    "data-testid": "section-error" });
  const counter = el("p", { id: `${id}-count`, className: "hint" });
  const status = el("p", { className: "error", role: "alert", "data-testid": "save-error",
    hidden: true });
  const conflict = el("div", { "data-testid": "conflict-box" });
  const save = button("Save section", { className: "button primary", "data-testid": "save-section" });
  const cancel = button("Cancel", { className: "button ghost", "data-testid": "cancel-edit" });
  const form = el("div", { className: "section-editor" },
    el("label", { for: id }, `New text of “${section.title}”`), textarea, problem, counter,
    conflict, status, el("div", { className: "actions" }, save, cancel));
  const shown = article.querySelector(".section-text");
  shown.hidden = true;
  article.append(form);
  article.classList.add("editing");

  function validate() {
    const value = textarea.value;
    let message = "";
    if (!value.trim()) message = "The section text cannot be empty.";
    else if (value.length > MAX_SECTION_CHARS) {
      message = `The section is too long (${value.length.toLocaleString()} characters; ` +
        `at most ${MAX_SECTION_CHARS.toLocaleString()}).`;
    }
    problem.textContent = message;
    textarea.setAttribute("aria-invalid", String(Boolean(message)));
    counter.textContent = `${value.length.toLocaleString()} characters`;
    save.disabled = Boolean(message) || editor.busy;
    return !message;
  }

  function close() {
    form.remove();
    shown.hidden = false;
    article.classList.remove("editing");
    setEditing(false);
  }

  async function submit() {
    if (editor.busy) return;
    if (!validate()) {
      textarea.focus();
      return;
    }
    editor.busy = true;
    save.textContent = "Saving…";
    validate();
    setError(status, "");
    try {
      const change = await api(
        `/v1/kb/documents/${enc(doc.doc_id)}/sections/${enc(section.key)}`,
        { method: "PUT", json: { text: textarea.value, expected_version: editor.baseVersion } });
      setEditing(false);
      flash(`Saved “${section.title}” as version ${change.version}. Search and the assistant ` +
        "use the new text now.");
      renderDocument(doc.doc_id, null);
    } catch (err) {
      if (err.status === 409 && err.body && err.body.current) {
        save.hidden = true; // the choices are in the conflict box now
        showSectionConflict(conflict, err.body.current, section, editor, textarea, submit, close,
            renderDocument);
      } else {
        setError(status, `Not saved: ${err.message}`);
      }
    } finally {
      editor.busy = false;
      save.textContent = "Save section";
      validate();
    }
  }

  state.unsaved = () => textarea.value !== section.text;
  textarea.addEventListener("input", validate);
  save.addEventListener("click", submit);
  cancel.addEventListener("click", close);
  validate();
  textarea.focus();
}

/** Someone saved in between: show their text next to ours; ours stays in the box. */
function showSectionConflict(box, current, section, editor, textarea, resave, close,
  renderDocument) {
  const theirs = (current.sections || []).find((s) => s.key === section.key);
  editor.baseVersion = current.version; // saving now means "I have seen theirs"
  box.replaceChildren(el("div", { className: "conflict", role: "alert", "data-testid": "conflict" },
    el("h4", {}, "Someone else saved this document while you were editing"),
    el("p", {}, `${current.author} saved version ${current.version} at ` +
      `${formatTime(current.saved_at)}. Your text was not saved, and it is still in the box ` +
      "above — nothing is lost. Compare it with theirs, then save yours or keep theirs."),
    current.deleted ? el("p", {}, "They deleted the document.") : null,
    el("p", { className: "conflict-label" }, `Their text of “${section.title}”:`),
    el("blockquote", { className: "theirs", "data-testid": "conflict-theirs" },
      theirs ? theirs.text : "(their version no longer has this section)"),
    el("div", { className: "actions" },
      button("Save my text anyway", { className: "button primary",
        "data-testid": "conflict-save-mine" }, resave),
      button("Keep theirs (discard mine)", { className: "button ghost",
        "data-testid": "conflict-keep-theirs" }, () => {
        close();
        renderDocument(current.doc_id, null);
      }))));
  textarea.focus();
}
