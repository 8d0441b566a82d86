/* Staff console: a new leaflet (#/new/leaflet: a form, or openFDA JSON uploaded or pasted)
 * or a replaced one (#/edit/leaflet/<id>: its openFDA JSON). */

import { api } from "./api.js";
import { documentConflict } from "./conflict.js";
import { $, el, enc, setError, show, watchTouched } from "./dom.js";
import { splitList } from "./format.js";
import { flash } from "./notice.js";
import { navigate } from "./router.js";
import { state } from "./state.js";
import { showView } from "./views.js";

const SET_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const LEAFLET_META_FIELDS = new Set(["id", "set_id", "version", "effective_time", "openfda",
  "source_label", "spl_product_data_elements", "package_label_principal_display_panel",
  "references", "spl_unclassified_section", "recent_major_changes"]);
let leaflet = { docId: null, baseVersion: null }; // docId: the leaflet being replaced
const touched = new Set(); // fields the user has typed in: their errors show as they type

function leafletMode() {
  return document.querySelector("input[name=leaflet-mode]:checked").value;
}

function leafletFromFields() {
  const record = {
    set_id: $("lf-set-id").value.trim().toLowerCase(),
    openfda: { generic_name: splitList($("lf-generic").value).map((n) => n.toUpperCase()),
      brand_name: splitList($("lf-brand").value) },
  };
  const date = $("lf-date").value;
  if (date) record.effective_time = date.replace(/-/g, "");
  const source = $("lf-source").value.trim();
  if (source) record.source_label = source;
  for (const area of document.querySelectorAll("#leaflet-fields [data-section]")) {
    if (area.value.trim()) record[area.dataset.section] = [area.value.trim()];
  }
  return record;
}

/** Parse the pasted JSON: one label, or an openFDA API answer holding exactly one. */
function leafletFromJson() {
  const text = $("leaflet-json").value.trim();
  if (!text) return { problem: "Paste a label record or choose a file." };
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: `This is not valid JSON: ${err.message}` };
  }
  if (value && Array.isArray(value.results)) {
    if (value.results.length !== 1) {
      return { problem: `The file holds ${value.results.length} labels; add one at a time ` +
        "(paste just one record)." };
    }
    value = value.results[0];
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { problem: "The JSON must be one label object ({ … })." };
  }
  return { record: value };
}

/** The server's rules, checked as the user types: [field, message] pairs. */
function leafletProblems(record, replacing) {
  const problems = [];
  const id = String(record.set_id || record.id || "").trim().toLowerCase();
  if (!replacing && !id) problems.push(["set_id", "The label needs an id (set_id)."]);
  else if (!replacing && !SET_ID.test(id)) {
    problems.push(["set_id", "The id may only hold lower-case letters, digits, dot, dash " +
      "and underscore (at most 100)."]);
  }
  const openfda = record.openfda;
  const generic = openfda && Array.isArray(openfda.generic_name)
    ? openfda.generic_name.filter((n) => typeof n === "string" && n.trim()) : [];
  if (!generic.length) problems.push(["generic", "Name at least one generic name (openfda.generic_name)."]);
  const dosage = record.dosage_and_administration;
  if (!Array.isArray(dosage) || !dosage.some((p) => typeof p === "string" && p.trim())) {
    problems.push(["dosage_and_administration",
      "The directions (dosage_and_administration) are required and cannot be empty."]);
  }
  if (record.effective_time !== undefined && !/^\d{8}$/.test(String(record.effective_time))) {
    problems.push(["date", "effective_time must be a date written YYYYMMDD."]);
  }
  for (const [key, value] of Object.entries(record)) {
    if (LEAFLET_META_FIELDS.has(key) || key === "dosage_and_administration") continue;
    const parts = Array.isArray(value) ? value : [value];
    if (!parts.every((p) => typeof p === "string")) {
      problems.push([key, `${key}: a label section must be text or a list of texts.`]);
    }
  }
  return problems;
}

function leafletSections(record) {
  return Object.keys(record).filter((key) => !LEAFLET_META_FIELDS.has(key) &&
    !key.endsWith("_table") && [].concat(record[key]).some((p) => String(p).trim()));
}

function validateLeaflet() {
  const replacing = Boolean(leaflet.docId);
  const mode = replacing ? "json" : leafletMode();
  show($("leaflet-fields"), mode === "form");
  show($("leaflet-json-box"), mode === "json");
  const fieldErrors = { set_id: "", generic: "", dosage_and_administration: "" };
  let jsonProblem = "";
  let record = null;
  let problems = [];
  if (mode === "form") {
    record = leafletFromFields();
    problems = leafletProblems(record, replacing);
  } else {
    const parsed = leafletFromJson();
    jsonProblem = parsed.problem || "";
    record = parsed.record || null;
    problems = record ? leafletProblems(record, replacing) : [];
    if (!jsonProblem && problems.length) jsonProblem = problems.map((p) => p[1]).join(" ");
  }
  for (const [field, message] of problems) if (field in fieldErrors) fieldErrors[field] ||= message;
  const fields = { set_id: "lf-set-id", generic: "lf-generic",
    dosage_and_administration: "lf-dosage" };
  for (const [field, id] of Object.entries(fields)) {
    const message = mode === "form" && touched.has(id) ? fieldErrors[field] : "";
    $(`${id}-error`).textContent = message;
    $(id).setAttribute("aria-invalid", String(Boolean(message)));
  }
  const shownJson = mode === "json" && (touched.has("leaflet-json") ||
    Boolean($("leaflet-json").value.trim())) ? jsonProblem : "";
  $("leaflet-json-error").textContent = shownJson;
  $("leaflet-json").setAttribute("aria-invalid", String(Boolean(shownJson)));
  const ok = record && !problems.length && !jsonProblem;
  if (ok) {
    const id = replacing ? leaflet.docId : `cat-${String(record.set_id || record.id).trim().toLowerCase()}`;
    const names = record.openfda.generic_name.join(", ").toLowerCase();
    const brand = (record.openfda.brand_name || [])[0];
    $("leaflet-summary").textContent = `Ready: ${replacing ? "replace" : "create"} ${id} — ` +
      `${brand ? `${brand} (${names})` : names}, ${leafletSections(record).length} sections.`;
  } else {
    $("leaflet-summary").textContent = "";
  }
  $("leaflet-submit").disabled = !ok;
  return ok ? record : null;
}

/** Turn a stored leaflet back into the openFDA shape the API takes. */
function leafletRecord(doc) {
  const record = { set_id: doc.doc_id,
    openfda: { generic_name: doc.generic_names.map((n) => n.toUpperCase()),
      brand_name: doc.brand_names } };
  if (doc.effective_date) record.effective_time = doc.effective_date.replace(/-/g, "");
  const label = doc.source.replace(/; staff edit$/, "");
  if (label) record.source_label = label;
  for (const section of doc.sections) record[section.key] = [section.text];
  return record;
}

export async function openLeafletForm(docId) {
  showView("leaflet", docId ? "documents" : "leaflet");
  const seq = ++state.seq;
  leaflet = { docId, baseVersion: null };
  touched.clear();
  setError($("leaflet-error"), "");
  $("leaflet-conflict").replaceChildren();
  show($("leaflet-mode"), !docId);
  $("leaflet-title").textContent = docId ? `Replace the leaflet ${docId}` : "New leaflet";
  $("leaflet-intro").textContent = docId
    ? "Edit the label as openFDA JSON. Saving makes a new version; the old one stays in the history."
    : "Fill in the form, or upload or paste a label in the openFDA drug-label JSON format. " +
      "The leaflet is searchable as soon as it is saved.";
  $("leaflet-submit").textContent = docId ? "Save new version" : "Create leaflet";
  $("leaflet-cancel").setAttribute("href", docId ? `#/documents/${enc(docId)}` : "#/documents");
  if (!docId) {
    validateLeaflet();
    return;
  }
  $("leaflet-json").value = "";
  $("leaflet-submit").disabled = true;
  try {
    const doc = await api(`/v1/kb/documents/${enc(docId)}`);
    if (seq !== state.seq) return;
    leaflet.baseVersion = doc.version;
    $("leaflet-json").value = JSON.stringify(leafletRecord(doc), null, 2);
  } catch (err) {
    setError($("leaflet-error"), `The leaflet could not be loaded: ${err.message}`);
  }
  validateLeaflet();
}

async function submitLeaflet(event) {
  event.preventDefault();
  const record = validateLeaflet();
  if (!record) return;
  const { docId, baseVersion } = leaflet;
  // the API needs some id in the record; a replacement keeps the document's own id anyway
  if (docId && !record.set_id && !record.id) record.set_id = docId;
  const submit = $("leaflet-submit");
  const label = submit.textContent;
  submit.disabled = true;
  submit.textContent = "Saving…";
  setError($("leaflet-error"), "");
  try {
    const change = docId
      ? await api(`/v1/kb/leaflets/${enc(docId)}?expected_version=${baseVersion}`,
        { method: "PUT", json: record })
      : await api("/v1/kb/leaflets", { method: "POST", json: record });
    flash(`${docId ? "Saved" : "Created"} ${change.doc_id} (version ${change.version}). ` +
      "It is searchable now.");
    navigate(`#/documents/${enc(change.doc_id)}`);
  } catch (err) {
    submit.textContent = label;
    submit.disabled = false;
    const current = err.body && err.body.current;
    if (err.status === 409 && docId && current) {
      leaflet.baseVersion = current.version;
      $("leaflet-conflict").replaceChildren(documentConflict(current,
        JSON.stringify(leafletRecord(current), null, 2)));
    } else if (err.status === 409) {
      const id = `cat-${String(record.set_id || record.id).trim().toLowerCase()}`;
      $("leaflet-error").replaceChildren(`A document ${id} already exists. `,
        el("a", { href: `#/documents/${enc(id)}` }, "Open it"),
        " to edit it, or give this label another id.");
      show($("leaflet-error"), true);
    } else {
      setError($("leaflet-error"), `Not saved: ${err.message}`);
    }
  } finally {
    if (submit.textContent === "Saving…") submit.textContent = label;
  }
}

function readLeafletFile() {
  const file = $("leaflet-file").files[0];
  if (!file) return;
  if (file.size > 2 * 1024 * 1024) {
    $("leaflet-json-error").textContent = "That file is larger than 2 MB; add one label at a time.";
    return;
  }
  const reader = new FileReader();
  reader.addEventListener("load", () => {
    $("leaflet-json").value = String(reader.result || "");
    validateLeaflet();
  });
  reader.addEventListener("error", () => {
    $("leaflet-json-error").textContent = "The file could not be read.";
  });
  reader.readAsText(file);
}

export function wireLeafletForm() {
  const form = $("leaflet-form");
  watchTouched(form, touched, validateLeaflet);
  form.addEventListener("input", validateLeaflet);
  form.addEventListener("change", validateLeaflet);
  form.addEventListener("submit", submitLeaflet);
  $("leaflet-file").addEventListener("change", readLeafletFile);
}
