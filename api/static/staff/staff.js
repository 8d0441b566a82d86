/* Haneul Pharmacy staff console: plain JS, no framework, no build step.
 *
 * One page with hash routes (#/documents, #/documents/<id>, #/new/leaflet, #/new/entry,
 * #/edit/leaflet/<id>, #/edit/entry/<id>, #/gaps) over the staff API on the same origin
 * (/v1/auth/*, /v1/kb/*, /v1/search). The bearer token lives in sessionStorage until its
 * JWT expiry. Server text only ever reaches the page through textContent, never as HTML.
 *
 * Other scripts of the console (consultations.js) add their own views through the small
 * window.HaneulStaff object defined at the end: the same api() helper, element builder and
 * router, and a callback when someone signs in or out.
 */
(() => {
  "use strict";

  const AUTH_KEY = "haneul.staff.auth";
  const STAFF_ROLES = new Set(["staff", "admin"]);
  const LANGUAGE = document.documentElement.lang || "en";
  const REQUEST_TIMEOUT_MS = 120000; // a save re-indexes before it answers
  const DOC_ID = /^[a-z0-9][a-z0-9._-]{1,127}$/;
  const SET_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;
  const MAX_SECTION_CHARS = 50000;
  const MAX_MARKDOWN_CHARS = 100000;
  const MAX_PREVIEW_CHARS = 700; // what the assistant quotes of one passage
  const LEAFLET_META_FIELDS = new Set(["id", "set_id", "version", "effective_time", "openfda",
    "source_label", "spl_product_data_elements", "package_label_principal_display_panel",
    "references", "spl_unclassified_section", "recent_major_changes"]);
  const KINDS = { leaflet: "Leaflet", store_faq: "Store FAQ", hr_handbook: "HR handbook" };
  const AUDIENCES = { consumer: "Customers", employee: "Employees" };
  const GAP_REASONS = {
    low_confidence: "Low confidence", not_covered: "Medicine not covered",
    no_medicine: "No medicine named", thumbs_down: "Thumbs down",
    unavailable: "Library unreachable", fallback: "Not understood",
  };

  const state = {
    auth: null, expiryTimer: 0, returnTo: "", seq: 0, keepNotice: false,
    documents: [], shownFilter: "", doc: null, versions: [], editing: false,
    leaflet: { docId: null, baseVersion: null }, entry: { docId: null, baseVersion: null },
    touched: new Set(), // form fields the user has typed in: their errors show as they type
    unsaved: null, // () => true while the open section editor holds unsaved text
  };
  const extraViews = new Map(); // route name -> { render(parts, params), leave() }
  const sessionListeners = [];
  const $ = (id) => document.getElementById(id);

  /* ---------- small helpers ---------------------------------------------------------- */

  /** Create an element; attrs become attributes, children text nodes (never HTML). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "className") node.className = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function button(label, attrs, onClick) {
    const node = el("button", { type: "button", className: "button", ...attrs }, label);
    if (onClick) node.addEventListener("click", onClick);
    return node;
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  function setError(node, message) {
    node.textContent = message || "";
    node.hidden = !message;
  }

  const enc = encodeURIComponent;

  /** Server times are UTC; older rows may lack the zone designator. */
  function parseTime(value) {
    if (!value) return null;
    const text = String(value);
    return new Date(/([zZ]|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
  }

  function formatTime(value) {
    const date = parseTime(value);
    if (!date || Number.isNaN(date.getTime())) return "";
    return date.toLocaleString(LANGUAGE, { dateStyle: "medium", timeStyle: "short" });
  }

  function splitList(text) {
    return String(text || "").split(",").map((part) => part.trim()).filter(Boolean);
  }

  function slug(text, max) {
    return String(text || "").toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "").slice(0, max).replace(/-+$/, "");
  }

  function humanize(key) {
    const words = String(key || "").replace(/_/g, " ").trim();
    return words ? words.charAt(0).toUpperCase() + words.slice(1) : "";
  }

  function navigate(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  /* ---------- notices and confirmation ------------------------------------------------ */

  /** A message that survives the next route change (e.g. "Deleted …" shown on the list). */
  function flash(message, kind) {
    $("notice-text").textContent = message;
    $("notice").dataset.kind = kind || "success";
    show($("notice"), true);
    state.keepNotice = true;
  }

  function clearNotice() {
    show($("notice"), false);
    $("notice-text").textContent = "";
  }

  /** A modal yes/no question; resolves true only when the user confirms. */
  function confirmAction(title, text, okLabel) {
    const dialog = $("confirm-dialog");
    $("confirm-title").textContent = title;
    $("confirm-text").textContent = text;
    $("confirm-ok").textContent = okLabel;
    return new Promise((resolve) => {
      const finish = (answer) => {
        $("confirm-ok").removeEventListener("click", ok);
        $("confirm-cancel").removeEventListener("click", cancel);
        dialog.removeEventListener("cancel", cancel);
        if (dialog.open) dialog.close();
        resolve(answer);
      };
      const ok = () => finish(true);
      const cancel = (event) => {
        if (event) event.preventDefault();
        finish(false);
      };
      $("confirm-ok").addEventListener("click", ok);
      $("confirm-cancel").addEventListener("click", cancel);
      dialog.addEventListener("cancel", cancel);
      dialog.showModal();
      $("confirm-cancel").focus();
    });
  }

  /* ---------- talking to the gateway -------------------------------------------------- */

  class ApiError extends Error {
    constructor(status, message, body) {
      super(message);
      this.status = status;
      this.body = body;
    }
  }

  /** The server's human sentence ({"message"}), else its {"detail"} however shaped. */
  function errorMessage(status, body) {
    if (body && typeof body.message === "string" && body.message) return body.message;
    const detail = body && body.detail;
    if (typeof detail === "string" && detail) return detail;
    if (Array.isArray(detail) && detail.length) {
      return detail.map((item) => {
        const loc = (item.loc || []).filter((part) => part !== "body").join(".");
        return loc ? `${loc}: ${item.msg}` : String(item.msg);
      }).join("; ");
    }
    return `The server answered with an error (HTTP ${status}).`;
  }

  async function api(path, options) {
    const { method = "GET", json, form, token, auth = true } = options || {};
    const headers = { Accept: "application/json", "Accept-Language": LANGUAGE };
    let body;
    if (json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(json);
    } else if (form) {
      body = new URLSearchParams(form);
    }
    const bearer = token || (auth && state.auth ? state.auth.token : null);
    if (auth && !token) {
      if (!sessionIsLive()) {
        expireSession("Your session has ended. Please sign in again.");
        throw new ApiError(401, "Your session has ended. Please sign in again.");
      }
    }
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    let response;
    try {
      response = await fetch(path, { method, headers, body, signal: controller.signal,
        credentials: "same-origin", cache: "no-store" });
    } catch (err) {
      throw new ApiError(0, err && err.name === "AbortError"
        ? "The server took too long to answer. Please try again."
        : "Could not reach the server. Check the connection and try again.");
    } finally {
      clearTimeout(timer);
    }
    let data = null;
    const text = await response.text();
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (_) { /* not JSON: keep null */ }
    }
    if (response.status === 401 && auth && !token) {
      expireSession("Your session has ended. Please sign in again.");
    }
    if (!response.ok) throw new ApiError(response.status, errorMessage(response.status, data), data);
    return data;
  }

  /* ---------- session ------------------------------------------------------------------ */

  function jwtClaims(token) {
    try {
      const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      const padded = part + "=".repeat((4 - (part.length % 4)) % 4);
      return JSON.parse(atob(padded));
    } catch (_) {
      return {};
    }
  }

  function sessionIsLive() {
    return Boolean(state.auth && state.auth.exp * 1000 > Date.now());
  }

  function storeAuth() {
    try {
      if (state.auth) sessionStorage.setItem(AUTH_KEY, JSON.stringify(state.auth));
      else sessionStorage.removeItem(AUTH_KEY);
    } catch (_) { /* storage disabled: the session lasts as long as the page */ }
  }

  function loadAuth() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(AUTH_KEY) || "null");
      if (saved && typeof saved.token === "string" && typeof saved.exp === "number") return saved;
    } catch (_) { /* ignore */ }
    return null;
  }

  function scheduleExpiry() {
    clearTimeout(state.expiryTimer);
    if (!state.auth) return;
    const left = state.auth.exp * 1000 - Date.now();
    state.expiryTimer = setTimeout(() => {
      if (sessionIsLive()) scheduleExpiry(); // timers cap at ~24 days
      else expireSession("Your session expired. Please sign in again.");
    }, Math.max(0, Math.min(left, 2147483647)));
  }

  function startSession(token, expiresIn, me) {
    const exp = jwtClaims(token).exp || Math.floor(Date.now() / 1000) + (expiresIn || 0);
    state.auth = { token, exp, username: me.username, fullName: me.full_name, role: me.role };
    storeAuth();
    scheduleExpiry();
    renderAccount();
  }

  function endSession() {
    clearTimeout(state.expiryTimer);
    state.auth = null;
    state.editing = false;
    state.doc = null;
    storeAuth();
    renderAccount();
  }

  function expireSession(message) {
    if (!state.auth) return;
    state.returnTo = location.hash;
    endSession();
    showSignIn(message);
  }

  function renderAccount() {
    const signedIn = Boolean(state.auth);
    show($("nav"), signedIn);
    show($("account"), signedIn);
    for (const listener of sessionListeners) listener(account());
    if (!signedIn) return;
    $("account-name").textContent = state.auth.fullName || state.auth.username;
    $("account-role").textContent = state.auth.role;
    const ends = new Date(state.auth.exp * 1000);
    $("session-ends").textContent = `Session ends ${ends.toLocaleTimeString(LANGUAGE,
      { hour: "2-digit", minute: "2-digit" })}`;
  }

  /** Who is signed in, for the other console scripts (no token: they call api()). */
  function account() {
    if (!state.auth) return null;
    const { username, fullName, role } = state.auth;
    return { username, fullName, role };
  }

  function showSignIn(info) {
    showView("signin");
    setError($("signin-error"), "");
    $("signin-info").textContent = info || "";
    show($("signin-info"), Boolean(info));
    $("signin-password").value = "";
    $("signin-username").focus();
  }

  async function signIn(event) {
    event.preventDefault();
    const username = $("signin-username").value.trim();
    const password = $("signin-password").value;
    const error = $("signin-error");
    show($("signin-info"), false);
    if (!username || !password) {
      setError(error, "Enter your username and password.");
      (username ? $("signin-password") : $("signin-username")).focus();
      return;
    }
    const submit = $("signin-submit");
    submit.disabled = true;
    submit.textContent = "Signing in…";
    setError(error, "");
    try {
      const issued = await api("/v1/auth/token", { method: "POST", auth: false,
        form: { username, password } });
      const me = await api("/v1/auth/me", { token: issued.access_token });
      if (!STAFF_ROLES.has(me.role)) {
        error.dataset.reason = "refused";
        setError(error, `The staff console is only for pharmacy staff. “${me.username}” is a ` +
          `${me.role} account, which may not change the knowledge base. Sign in with a ` +
          "staff account, or ask an administrator for access.");
        $("signin-password").value = "";
        return;
      }
      startSession(issued.access_token, issued.expires_in, me);
      $("signin-password").value = "";
      const target = state.returnTo && state.returnTo !== "#/signin" ? state.returnTo : "#/documents";
      state.returnTo = "";
      navigate(target);
    } catch (err) {
      error.dataset.reason = err.status === 401 ? "credentials" : "error";
      setError(error, err.message);
    } finally {
      submit.disabled = false;
      submit.textContent = "Sign in";
    }
  }

  function signOut() {
    endSession();
    state.returnTo = "";
    history.replaceState(null, "", "#/documents");
    clearNotice();
    showSignIn("You have signed out.");
  }

  /* ---------- routing ------------------------------------------------------------------ */

  const VIEWS = ["signin", "list", "doc", "leaflet", "entry", "gaps"];

  function showView(name, nav) {
    for (const view of VIEWS) show($(`view-${view}`), view === name);
    for (const link of document.querySelectorAll("[data-nav]")) {
      if (link.dataset.nav === nav) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    for (const [view, handlers] of extraViews) if (view !== name && handlers.leave) handlers.leave();
  }

  /** A view from another script: <section id="view-NAME"> shown for #/NAME[/...]. */
  function registerView(name, handlers) {
    VIEWS.push(name);
    extraViews.set(name, handlers);
  }

  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, "");
    const [path, query] = raw.split("?");
    const parts = path.split("/").filter(Boolean).map((part) => {
      try {
        return decodeURIComponent(part);
      } catch (_) {
        return part;
      }
    });
    return { parts, params: new URLSearchParams(query || "") };
  }

  function route() {
    if (!state.keepNotice) clearNotice();
    state.keepNotice = false;
    state.editing = false;
    if (!state.auth) {
      state.returnTo = location.hash;
      showSignIn("");
      return;
    }
    const { parts, params } = parseHash();
    const [first, second, third] = parts;
    if (first === "documents" && second) renderDocument(second, params.get("version"));
    else if (first === "documents") renderList();
    else if (first === "new" && second === "leaflet") openLeafletForm(null);
    else if (first === "new" && second === "entry") openEntryForm(null, params.get("question"));
    else if (first === "edit" && second === "leaflet" && third) openLeafletForm(third);
    else if (first === "edit" && second === "entry" && third) openEntryForm(third, null);
    else if (first === "gaps") renderGaps();
    else if (extraViews.has(first)) extraViews.get(first).render(parts.slice(1), params);
    else {
      history.replaceState(null, "", "#/documents");
      renderList();
    }
  }

  /* ---------- document list ------------------------------------------------------------ */

  async function renderList() {
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
      state.documents = rows;
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
    return state.documents.filter((row) => {
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
    if (filterKey() !== state.shownFilter) renderRows();
  }

  function renderRows() {
    state.shownFilter = filterKey();
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
      row.deleted ? el("span", { className: "badge danger" }, "deleted") : null),
    el("td", {}, KINDS[row.kind] || row.kind),
    el("td", {}, AUDIENCES[row.audience] || row.audience),
    el("td", {}, row.generic_names.join(", ")),
    el("td", { className: "num" }, row.version),
    el("td", {}, formatTime(row.updated_at)))));
  }

  /* ---------- one document ------------------------------------------------------------- */

  async function renderDocument(docId, versionParam) {
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

  function latestVersion(versions) {
    return versions.reduce((max, v) => Math.max(max, v.version), 0);
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
          doc.deleted ? el("span", { className: "badge danger" }, "Deleted") : null)),
      el("dl", { className: "meta" },
        metaRow("Document id", doc.doc_id),
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
        "aria-label": `Edit ${section.title}` }, () => openSectionEditor(article, doc, section)));
    }
    return article;
  }

  /** Only one editor at a time, and nothing that re-renders the page while it is open. */
  function setEditing(editing) {
    state.editing = editing;
    if (!editing) state.unsaved = null;
    for (const node of document.querySelectorAll("#doc-root [data-idle]")) node.disabled = editing;
  }

  function openSectionEditor(article, doc, section) {
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
          showSectionConflict(conflict, err.body.current, section, editor, textarea, submit, close);
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
  function showSectionConflict(box, current, section, editor, textarea, resave, close) {
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

  /* ---------- preview answer ----------------------------------------------------------- */

  function buildPreview(doc) {
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

  /* ---------- history, rollback, delete ------------------------------------------------ */

  function buildHistory(doc, versions) {
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

  async function rollback(doc, version) {
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

  /* ---------- leaflet form ------------------------------------------------------------- */

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
    const replacing = Boolean(state.leaflet.docId);
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
      const message = mode === "form" && state.touched.has(id) ? fieldErrors[field] : "";
      $(`${id}-error`).textContent = message;
      $(id).setAttribute("aria-invalid", String(Boolean(message)));
    }
    const shownJson = mode === "json" && (state.touched.has("leaflet-json") ||
      Boolean($("leaflet-json").value.trim())) ? jsonProblem : "";
    $("leaflet-json-error").textContent = shownJson;
    $("leaflet-json").setAttribute("aria-invalid", String(Boolean(shownJson)));
    const ok = record && !problems.length && !jsonProblem;
    if (ok) {
      const id = replacing ? state.leaflet.docId : `cat-${String(record.set_id || record.id).trim().toLowerCase()}`;
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

  async function openLeafletForm(docId) {
    showView("leaflet", docId ? "documents" : "leaflet");
    const seq = ++state.seq;
    state.leaflet = { docId, baseVersion: null };
    state.touched.clear();
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
      state.leaflet.baseVersion = doc.version;
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
    const { docId, baseVersion } = state.leaflet;
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
        state.leaflet.baseVersion = current.version;
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

  /** A whole-document conflict (leaflet or entry): theirs shown, ours kept in the form. */
  function documentConflict(current, theirs) {
    return el("div", { className: "conflict", role: "alert", "data-testid": "conflict" },
      el("h4", {}, "Someone else saved this document while you were editing"),
      el("p", {}, `${current.author} saved version ${current.version} at ` +
        `${formatTime(current.saved_at)}. Your text was not saved and is still in the form — ` +
        "nothing is lost. Their version is below; press save again to replace it with yours."),
      el("pre", { className: "theirs", "data-testid": "conflict-theirs" }, theirs));
  }

  /* ---------- Markdown entry form ------------------------------------------------------ */

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
    const editing = Boolean(state.entry.docId);
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
      const shown = state.touched.has(field) || $(field).value.trim() ? message : "";
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
    if (editing) body.doc_id = state.entry.docId;
    return body;
  }

  function entryMarkdown(doc) {
    return doc.sections.map((s) => `## ${s.title}\n${s.text}`).join("\n\n");
  }

  async function openEntryForm(docId, question) {
    showView("entry", docId ? "documents" : "entry");
    const seq = ++state.seq;
    state.entry = { docId, baseVersion: null };
    state.touched.clear();
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
        state.entry.baseVersion = doc.version;
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
    const { docId, baseVersion } = state.entry;
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
        state.entry.baseVersion = current.version;
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

  /* ---------- gaps --------------------------------------------------------------------- */

  async function renderGaps() {
    showView("gaps", "gaps");
    const seq = ++state.seq;
    setError($("gaps-error"), "");
    show($("gaps-empty"), false);
    $("gap-rows").replaceChildren();
    try {
      const gaps = await api("/v1/kb/gaps?limit=50");
      if (seq !== state.seq) return;
      show($("gaps-empty"), !gaps.length);
      show($("gaps-table"), gaps.length > 0);
      $("gap-rows").replaceChildren(...gaps.map((gap) => el("tr", { "data-testid": "gap-row" },
        el("td", { className: "question", "data-testid": "gap-question" }, gap.question),
        el("td", { className: "num" }, gap.count),
        el("td", {}, gap.reasons.map((reason) => el("span", { className: "badge" },
          GAP_REASONS[reason] || humanize(reason)))),
        el("td", {}, formatTime(gap.last_asked)),
        el("td", {}, el("a", { href: `#/new/entry?question=${enc(gap.question)}`,
          className: "button secondary small", "data-testid": "gap-create-entry" },
        "Create entry")))));
    } catch (err) {
      if (seq !== state.seq) return;
      setError($("gaps-error"), `The questions could not be loaded: ${err.message}`);
    }
  }

  /* ---------- start -------------------------------------------------------------------- */

  async function start() {
    $("signin-form").addEventListener("submit", signIn);
    $("sign-out").addEventListener("click", signOut);
    $("notice-close").addEventListener("click", clearNotice);
    for (const id of ["filter-text", "filter-medicine", "filter-kind", "filter-audience",
      "filter-deleted"]) {
      $(id).addEventListener("input", filtersChanged);
      $(id).addEventListener("change", filtersChanged);
    }
    $("filters").addEventListener("submit", (event) => event.preventDefault());
    const touch = (event) => {
      if (event.target && event.target.id) state.touched.add(event.target.id);
    };
    for (const form of ["leaflet-form", "entry-form"]) {
      $(form).addEventListener("input", touch, true);
      $(form).addEventListener("focusout", (event) => {
        touch(event);
        (form === "entry-form" ? validateEntry : validateLeaflet)();
      });
    }
    $("leaflet-form").addEventListener("input", validateLeaflet);
    $("leaflet-form").addEventListener("change", validateLeaflet);
    $("leaflet-form").addEventListener("submit", submitLeaflet);
    $("leaflet-file").addEventListener("change", readLeafletFile);
    $("entry-form").addEventListener("input", validateEntry);
    $("entry-form").addEventListener("submit", submitEntry);
    $("entry-kind").addEventListener("change", () => {
      if (!state.entry.docId) {
        $("entry-audience").value = $("entry-kind").value === "hr_handbook" ? "employee" : "consumer";
      }
    });
    window.addEventListener("hashchange", route);
    window.addEventListener("beforeunload", (event) => {
      if (state.editing && state.unsaved && state.unsaved()) event.preventDefault();
    });
    // A tab coming back from sleep may have missed its expiry timer.
    document.addEventListener("visibilitychange", () => {
      if (state.auth && !sessionIsLive()) expireSession("Your session expired. Please sign in again.");
    });

    const saved = loadAuth();
    if (saved && saved.exp * 1000 > Date.now()) {
      state.auth = saved;
      try {
        const me = await api("/v1/auth/me");
        if (!STAFF_ROLES.has(me.role)) throw new ApiError(403, "not staff");
        scheduleExpiry();
        renderAccount();
      } catch (err) {
        state.returnTo = location.hash;
        endSession();
        showSignIn(err.status === 401 ? "Your session has ended. Please sign in again." : "");
        return;
      }
    } else if (saved) {
      storeAuth();
      showSignIn("Your session expired. Please sign in again.");
      state.returnTo = location.hash;
      return;
    }
    route();
  }

  window.HaneulStaff = Object.freeze({
    api, el, button, show, setError, parseTime, formatTime, enc, showView, registerView,
    /** Called with account() (null when signed out) whenever the session changes. */
    onSession: (listener) => sessionListeners.push(listener),
  });

  document.addEventListener("DOMContentLoaded", start);
})();
