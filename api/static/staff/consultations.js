/* Haneul Pharmacy staff console: live consultations, the pharmacist's side of the chat handoff.
 *
 * #/consultations shows the waiting queue (oldest first, with the waiting time) and the
 * active consultations; #/consultations/<id> also opens one: its transcript, Claim, a reply
 * box once claimed, and Close with a short outcome (the chat goes back to the assistant).
 * While the view is on screen the list and the open transcript are polled every 1.5 s; the
 * nav badge (how many are waiting) every 5 s while anyone is signed in. The API answers 403
 * to staff who are not pharmacists: for them the nav link stays hidden.
 *
 * Built on window.HaneulStaff from staff.js (its api() helper, element builder and router).
 * Server text only ever reaches the page through text nodes, never as HTML.
 */
(() => {
  "use strict";

  const staff = window.HaneulStaff;
  const { api, el, button, show, setError, parseTime, formatTime, enc } = staff;
  const $ = (id) => document.getElementById(id);

  const CLAIMED_KEY = "haneul.staff.claimed";
  const POLL_MS = 1500;
  const BADGE_MS = 5000;
  const MAX_REPLY_CHARS = 2000;
  const MAX_OUTCOME_CHARS = 500;
  const LANGUAGE = document.documentElement.lang || "en";
  const LANGUAGES = { en: "English", ko: "Korean" };
  const STATUSES = { waiting: "Waiting", active: "Active", closed: "Closed" };
  const SENDERS = { user: "Customer", assistant: "Assistant", system: "System" };
  const REASONS = { requested: "Asked for a pharmacist",
    accepted_offer: "Accepted the assistant's offer of a pharmacist" };

  const state = {
    account: null, // who is signed in (staff.js account()), null when signed out
    allowed: null, // may this account see consultations? null until the API has said
    showing: false, // the view is on screen: poll the list and the open consultation
    tab: "open", // "open" (waiting and active) or "closed"
    openId: undefined, // the id (a string) in the detail pane; null: none; undefined: not built
    generation: 0, // bumped when what is shown changes: answers for the old one are dropped
    stamp: 0, // bumped by every claim/reply/close: polls started before it are stale
    inFlight: false,
    pollTimer: 0,
    badgeTimer: 0,
    listKey: "",
    headKey: "",
    actionsKey: "",
    shown: new Set(), // ids of the transcript messages on screen
    busy: false,
    claimed: new Set(), // consultations this account claimed in this browser tab
  };

  /* ---------- small helpers ---------------------------------------------------------- */

  function duration(seconds) {
    const total = Math.max(0, Math.round(Number(seconds) || 0));
    if (total < 60) return `${total} s`;
    const minutes = Math.floor(total / 60);
    if (minutes < 60) return `${minutes} min`;
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  }

  function clock(value) {
    const date = parseTime(value);
    if (!date || Number.isNaN(date.getTime())) return "";
    return date.toLocaleTimeString(LANGUAGE, { hour: "2-digit", minute: "2-digit" });
  }

  /** claimed_by_username says who holds it; claimed_by is their display name (their HR name,
   * in the customer's language). Claims made in this tab are remembered too (sessionStorage). */
  function isMine(consultation) {
    const me = state.account;
    const holder = consultation.claimed_by;
    if (!me || !holder || consultation.status !== "active") return false;
    if (consultation.claimed_by_username) return consultation.claimed_by_username === me.username;
    return state.claimed.has(String(consultation.id)) || holder === me.username ||
      holder === me.fullName;
  }

  function loadClaimed() {
    state.claimed = new Set();
    try {
      const saved = JSON.parse(sessionStorage.getItem(CLAIMED_KEY) || "null");
      if (saved && state.account && saved.username === state.account.username &&
          Array.isArray(saved.ids)) state.claimed = new Set(saved.ids.map(String));
    } catch (_) { /* storage disabled or garbled: nothing remembered */ }
  }

  function rememberClaim(id) {
    state.claimed.add(id);
    try {
      sessionStorage.setItem(CLAIMED_KEY, JSON.stringify({ username: state.account.username,
        ids: [...state.claimed].slice(-200) }));
    } catch (_) { /* storage disabled: remembered while the page lives */ }
  }

  function senderLabel(message) {
    if (message.sender === "pharmacist") {
      return message.author ? `Pharmacist ${message.author}` : "Pharmacist";
    }
    return SENDERS[message.sender] || message.sender;
  }

  function reasonText(reason) {
    if (REASONS[reason]) return REASONS[reason];
    const words = String(reason || "").replace(/_/g, " ").trim();
    return words ? words.charAt(0).toUpperCase() + words.slice(1) : REASONS.requested;
  }

  function plural(count, one, many) {
    return `${count} ${count === 1 ? one : many}`;
  }

  /* ---------- the nav badge and who may see the page ------------------------------------ */

  function setAllowed(allowed) {
    state.allowed = allowed;
    show($("nav").querySelector("[data-nav=consultations]"), allowed);
    if (!allowed) clearTimeout(state.badgeTimer);
  }

  function applyCounts(counts) {
    const waiting = Number(counts && counts.waiting) || 0;
    const active = Number(counts && counts.active) || 0;
    const badge = document.querySelector("[data-testid=consultations-badge]");
    badge.textContent = String(waiting);
    badge.setAttribute("aria-label", `${plural(waiting, "customer", "customers")} waiting`);
    show(badge, waiting > 0);
    $("consult-open-count").textContent = `(${waiting + active})`;
    if (counts && typeof counts.closed === "number") {
      $("consult-closed-count").textContent = `(${counts.closed})`;
    }
  }

  function scheduleBadge(delay) {
    clearTimeout(state.badgeTimer);
    state.badgeTimer = setTimeout(badgeTick, delay);
  }

  async function badgeTick() {
    if (!state.account) return;
    if (!state.showing) { // on the consultations view the list poll keeps the badge current
      try {
        const data = await api("/v1/staff/consultations");
        if (!state.account) return;
        setAllowed(true);
        applyCounts(data.counts);
      } catch (err) {
        if (err.status === 403) setAllowed(false);
      }
    }
    if (state.account && state.allowed !== false) scheduleBadge(BADGE_MS);
  }

  function sessionChanged(account) {
    const someoneElse = !account || !state.account || account.username !== state.account.username;
    state.account = account;
    if (!someoneElse) return;
    loadClaimed();
    setAllowed(false);
    state.allowed = null;
    if (account) scheduleBadge(0);
  }

  /* ---------- polling -------------------------------------------------------------------- */

  function schedulePoll(delay) {
    clearTimeout(state.pollTimer);
    state.pollTimer = setTimeout(poll, delay);
  }

  async function poll() {
    if (!state.showing || state.inFlight) return;
    state.inFlight = true;
    const generation = state.generation;
    const started = Date.now();
    try {
      await Promise.all([refreshList(generation), state.openId ? refreshDetail(generation) : null]);
    } finally {
      state.inFlight = false;
    }
    if (state.showing && state.allowed !== false) { // every 1.5 s from start to start
      schedulePoll(generation === state.generation ? Math.max(0, started + POLL_MS - Date.now()) : 0);
    }
  }

  /* ---------- the queue ------------------------------------------------------------------ */

  async function refreshList(generation) {
    try {
      const query = state.tab === "closed" ? "?status=closed" : "";
      const data = await api(`/v1/staff/consultations${query}`);
      if (generation !== state.generation) return;
      setAllowed(true);
      setError($("consult-error"), "");
      applyCounts(data.counts);
      renderLists(data.consultations || []);
    } catch (err) {
      if (generation !== state.generation) return;
      if (err.status === 403) {
        setAllowed(false);
        setError($("consult-error"), "Consultations are answered by pharmacists: this account " +
          "cannot see them. Sign in with a pharmacist's account.");
        $("consult-lists").replaceChildren();
      } else {
        setError($("consult-error"), `The consultations could not be loaded: ${err.message}`);
      }
    }
  }

  function rowMeta(consultation) {
    const parts = [];
    if (consultation.status === "waiting") parts.push(`Waiting ${duration(consultation.waiting_seconds)}`);
    else if (consultation.status === "active") parts.push(`With ${consultation.claimed_by || "a pharmacist"}`);
    else parts.push(`Closed ${formatTime(consultation.closed_at)}`);
    if (consultation.branch) parts.push(consultation.branch);
    parts.push(plural(consultation.message_count, "message", "messages"));
    return parts.join(" · ");
  }

  function row(consultation) {
    return el("a", {
      href: `#/consultations/${enc(consultation.id)}`, className: "consult-row",
      "data-testid": "consultation-row", "data-consultation-id": consultation.id,
      "data-status": consultation.status,
      "aria-current": String(consultation.id) === state.openId ? "true" : null,
    },
    el("span", { className: "consult-row-head" },
      el("span", { className: "consult-reason" }, reasonText(consultation.reason)),
      el("span", { className: "badge" }, LANGUAGES[consultation.language] || consultation.language)),
    el("span", { className: "consult-row-meta muted", "data-row-meta": "" }, rowMeta(consultation)));
  }

  function group(title, rows, empty, testid) {
    return el("section", { className: "consult-group", "data-testid": testid },
      el("h2", {}, `${title} (${rows.length})`),
      rows.length ? el("div", { className: "consult-rows" }, rows.map(row))
        : el("p", { className: "muted" }, empty));
  }

  /** Rebuild the rows only when the queue changed, so a click never lands on a replaced row;
   * otherwise just refresh the waiting times. */
  function renderLists(consultations) {
    const key = JSON.stringify([state.tab, state.openId, consultations.map((c) =>
      [c.id, c.status, c.claimed_by, c.message_count, c.branch, c.reason])]);
    const box = $("consult-lists");
    if (key === state.listKey) {
      for (const consultation of consultations) {
        const shown = box.querySelector(
          `[data-consultation-id="${CSS.escape(String(consultation.id))}"] [data-row-meta]`);
        if (shown) shown.textContent = rowMeta(consultation);
      }
      return;
    }
    state.listKey = key;
    if (state.tab === "closed") {
      const closed = consultations.filter((c) => c.status === "closed").reverse(); // newest first
      box.replaceChildren(group("Closed", closed, "No closed consultations yet.", "consultations-closed-list"));
      return;
    }
    box.replaceChildren(
      group("Waiting", consultations.filter((c) => c.status === "waiting"), "Nobody is waiting.",
        "consultations-waiting"),
      group("Active", consultations.filter((c) => c.status === "active"),
        "No consultation is in progress.", "consultations-active"));
  }

  function chooseTab(tab) {
    if (tab === state.tab) return;
    state.tab = tab;
    state.listKey = "";
    state.generation += 1;
    for (const node of document.querySelectorAll("#view-consultations .tab")) {
      node.setAttribute("aria-pressed", String(node.dataset.status === tab));
    }
    $("consult-lists").replaceChildren(el("p", { className: "muted" }, "Loading…"));
    schedulePoll(0);
  }

  /* ---------- one consultation ----------------------------------------------------------- */

  function openDetail(id) {
    state.openId = id;
    state.headKey = "";
    state.actionsKey = "";
    state.listKey = "";
    state.shown = new Set();
    const pane = $("consult-detail");
    if (!id) {
      pane.replaceChildren(el("p", { className: "card muted" }, "Choose a consultation from the list."));
      return;
    }
    pane.replaceChildren(el("article", { className: "card consult-card", "data-testid": "consultation",
      "data-consultation-id": id },
    el("div", { className: "consult-head", id: "consult-head" },
      el("p", { className: "muted" }, "Loading the consultation…")),
    el("ol", { className: "transcript", id: "consult-transcript", "aria-label": "Transcript",
      "data-testid": "consultation-transcript", "aria-live": "polite" }),
    el("p", { className: "error", id: "consult-detail-error", role: "alert",
      "data-testid": "consultation-error", hidden: true }),
    el("div", { className: "consult-actions", id: "consult-actions" })));
  }

  async function refreshDetail(generation) {
    const id = state.openId;
    const stamp = state.stamp;
    try {
      const consultation = await api(`/v1/staff/consultations/${enc(id)}`);
      if (generation !== state.generation || id !== state.openId || stamp !== state.stamp) return;
      applyDetail(consultation);
    } catch (err) {
      if (generation !== state.generation || id !== state.openId) return;
      if (err.status === 404) {
        $("consult-detail").replaceChildren(el("p", { className: "error", role: "alert",
          "data-testid": "consultation-error" }, `There is no consultation ${id}.`),
        el("a", { href: "#/consultations" }, "Back to the queue"));
        state.openId = undefined;
      } else if ($("consult-detail-error")) {
        setError($("consult-detail-error"), `Could not refresh: ${err.message}`);
      }
    }
  }

  function applyDetail(consultation) {
    if (!$("consult-head")) return;
    setError($("consult-detail-error"), "");
    renderHead(consultation);
    addMessages(consultation.messages || []);
    renderActions(consultation);
  }

  function metaRow(term, value) {
    return value ? el("div", {}, el("dt", {}, term), el("dd", {}, value)) : null;
  }

  function renderHead(consultation) {
    const key = JSON.stringify([consultation.status, consultation.claimed_by, consultation.outcome,
      consultation.branch, consultation.reason]);
    const since = consultation.status === "waiting"
      ? `Waiting ${duration(consultation.waiting_seconds)}` : "";
    if (key === state.headKey) {
      const waited = $("consult-head").querySelector("[data-waiting]");
      if (waited) waited.textContent = since;
      return;
    }
    state.headKey = key;
    const status = consultation.status;
    $("consult-head").replaceChildren(
      el("h2", {}, reasonText(consultation.reason)),
      el("p", { className: "badges" },
        el("span", { className: `badge status-${status}`, "data-testid": "consultation-status" },
          STATUSES[status] || status),
        el("span", { className: "badge" }, LANGUAGES[consultation.language] || consultation.language),
        el("span", { className: "muted", "data-waiting": "" }, since)),
      el("dl", { className: "meta" },
        metaRow("Asked", formatTime(consultation.created_at)),
        metaRow("Branch", consultation.branch),
        metaRow("Claimed by", consultation.claimed_by &&
          `${consultation.claimed_by}, ${formatTime(consultation.claimed_at)}`),
        metaRow("Closed", formatTime(consultation.closed_at)),
        metaRow("Outcome", consultation.outcome),
        metaRow("Chat session", consultation.session_id)));
  }

  function messageItem(message) {
    return el("li", { className: `msg msg-${message.sender}`, "data-testid": "consultation-message",
      "data-sender": message.sender, "data-message-id": message.id },
    el("p", { className: "msg-meta" },
      el("span", { className: "msg-sender" }, senderLabel(message)), " ",
      el("time", { datetime: message.created_at }, clock(message.created_at))),
    el("p", { className: "msg-text" }, message.text));
  }

  /** Append the messages not shown yet, in id order, keeping the view at the bottom if the
   * reader was there. */
  function addMessages(messages) {
    const list = $("consult-transcript");
    const fresh = messages.filter((m) => !state.shown.has(m.id));
    if (!fresh.length) return;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    for (const message of fresh.sort((a, b) => a.id - b.id)) {
      state.shown.add(message.id);
      const later = [...list.children].find((li) => Number(li.dataset.messageId) > message.id);
      list.insertBefore(messageItem(message), later || null);
    }
    if (atBottom || fresh.some((m) => m.sender === "user")) list.scrollTop = list.scrollHeight;
  }

  function renderActions(consultation) {
    const mine = isMine(consultation);
    const id = String(consultation.id);
    const key = JSON.stringify([consultation.id, consultation.status, consultation.claimed_by, mine]);
    if (key === state.actionsKey) return;
    state.actionsKey = key;
    const box = $("consult-actions");
    if (consultation.status === "waiting") {
      box.replaceChildren(el("p", { className: "hint" }, "Claim it to answer: the customer's " +
        "messages come to you and the assistant stays silent in this chat until you close it."),
      el("div", { className: "actions" }, button("Claim", { className: "button primary",
        "data-testid": "consultation-claim" }, () => claim(id))));
    } else if (consultation.status === "active" && mine) {
      box.replaceChildren(replyForm(id), closeForm(id));
      $("consult-reply").focus();
    } else if (consultation.status === "active") {
      // Claiming one's own consultation again is harmless; anyone else's answers 409.
      box.replaceChildren(el("p", { className: "info" },
        `${consultation.claimed_by || "Another pharmacist"} is answering this customer. If ` +
        "that is you (claimed in another tab or before signing in again), continue here."),
      el("div", { className: "actions" }, button("Continue here", { className: "button secondary",
        "data-testid": "consultation-resume" }, () => claim(id))));
    } else {
      box.replaceChildren(el("p", { className: "muted", "data-testid": "consultation-closed" },
        "This consultation is closed; the assistant answers this customer again."));
    }
  }

  function replyForm(id) {
    const textarea = el("textarea", { id: "consult-reply", rows: 3, maxlength: MAX_REPLY_CHARS,
      "data-testid": "consultation-reply", "aria-describedby": "consult-reply-hint" });
    const send = button("Send", { className: "button primary", "data-testid": "consultation-send" },
      () => sendReply(id, textarea, send));
    textarea.addEventListener("keydown", (event) => {
      // Enter sends, Shift+Enter adds a line; never while an IME (Korean) is composing.
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        sendReply(id, textarea, send);
      }
    });
    return el("div", { className: "reply-box" },
      el("label", { for: "consult-reply" }, "Reply to the customer"),
      textarea,
      el("p", { id: "consult-reply-hint", className: "hint" },
        "It appears in the customer's chat, marked as from a pharmacist. Enter sends; " +
        "Shift+Enter starts a new line."),
      el("div", { className: "actions" }, send));
  }

  function closeForm(id) {
    const outcome = el("input", { id: "consult-outcome", maxlength: MAX_OUTCOME_CHARS,
      autocomplete: "off", "data-testid": "consultation-outcome",
      placeholder: "e.g. advised to take it with food",
      "aria-describedby": "consult-outcome-error" });
    const error = el("p", { id: "consult-outcome-error", className: "field-error",
      "aria-live": "polite" });
    const close = button("Close consultation", { className: "button secondary",
      "data-testid": "consultation-close" }, () => closeConsultation(id, outcome, error, close));
    outcome.addEventListener("input", () => {
      error.textContent = "";
      outcome.removeAttribute("aria-invalid");
    });
    return el("div", { className: "close-box" },
      el("label", { for: "consult-outcome" }, "Outcome (for the record)"),
      el("div", { className: "close-row" }, outcome, close),
      error,
      el("p", { className: "hint" }, "Closing hands the chat back to the assistant and tells " +
        "the customer so."));
  }

  async function act(work) {
    if (state.busy) return;
    state.busy = true;
    state.stamp += 1; // a poll already under way would show the state from before this
    setError($("consult-detail-error"), "");
    try {
      await work();
    } catch (err) {
      if ($("consult-detail-error")) setError($("consult-detail-error"), err.message);
      // 409: someone else claimed or closed it: redraw the actions for what is true now
      if (err.status === 409) state.actionsKey = "";
    } finally {
      state.busy = false;
      state.stamp += 1;
      schedulePoll(0);
    }
  }

  function claim(id) {
    return act(async () => {
      const consultation = await api(`/v1/staff/consultations/${enc(id)}/claim`, { method: "POST" });
      rememberClaim(id);
      if (id === state.openId) applyDetail(consultation);
    });
  }

  function sendReply(id, textarea, send) {
    const text = textarea.value.trim();
    if (!text || text.length > MAX_REPLY_CHARS || state.busy) {
      textarea.focus();
      return undefined;
    }
    send.disabled = true;
    return act(async () => {
      try {
        const message = await api(`/v1/staff/consultations/${enc(id)}/messages`,
          { method: "POST", json: { text } });
        if (id !== state.openId) return;
        addMessages([message]);
        textarea.value = "";
        $("consult-transcript").scrollTop = $("consult-transcript").scrollHeight;
      } finally {
        send.disabled = false;
        if (textarea.isConnected) textarea.focus();
      }
    });
  }

  function closeConsultation(id, outcome, error, close) {
    const text = outcome.value.trim();
    if (!text) {
      error.textContent = "Write a short outcome first: what you advised or why it ended.";
      outcome.setAttribute("aria-invalid", "true");
      outcome.focus();
      return undefined;
    }
    close.disabled = true;
    return act(async () => {
      try {
        const consultation = await api(`/v1/staff/consultations/${enc(id)}/close`,
          { method: "POST", json: { outcome: text.slice(0, MAX_OUTCOME_CHARS) } });
        if (id === state.openId) applyDetail(consultation);
      } finally {
        close.disabled = false;
      }
    });
  }

  /* ---------- the view ------------------------------------------------------------------- */

  function render(parts) {
    staff.showView("consultations", "consultations");
    state.showing = true;
    state.generation += 1;
    const id = parts[0] || null;
    if (id !== state.openId) openDetail(id);
    state.listKey = ""; // redraw the rows: the highlighted one may have changed
    schedulePoll(0);
  }

  function leave() {
    if (!state.showing) return;
    state.showing = false;
    state.generation += 1;
    state.openId = undefined; // coming back builds the pane afresh
    clearTimeout(state.pollTimer);
    if (state.account && state.allowed !== false) scheduleBadge(BADGE_MS);
  }

  staff.registerView("consultations", { render, leave });
  staff.onSession(sessionChanged);
  for (const node of document.querySelectorAll("#view-consultations .tab")) {
    node.addEventListener("click", () => chooseTab(node.dataset.status));
  }
})();
