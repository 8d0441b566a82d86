/* Haneul Pharmacy consumer chat: plain JS, no framework, no build step.
 *
 * Talks to the gateway on the same origin: POST /v1/chat, POST /v1/feedback and
 * GET /v1/search (to fill the source cards). Server text is only ever put into the page
 * with textContent / text nodes, never parsed as HTML.
 *
 * Live pharmacist: the first chat response gives a session_token, kept in sessionStorage
 * with the session id and sent with every later message. While the session's consultation
 * is waiting or active, GET /v1/chat/<session>/messages?after=<last id> is polled every
 * 1.5 s for what the pharmacist writes (and the system line when the assistant is back);
 * a message the pharmacist holds is answered "pharmacist_pending", with no bot reply.
 */
(() => {
  "use strict";

  const SESSION_KEY = "haneul.chat.session";
  const TOKEN_KEY = "haneul.chat.token";
  const CONSULTATION_KEY = "haneul.chat.consultation";
  const LANG_KEY = "haneul.chat.lang";
  const SESSION_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
  const MAX_MESSAGE_CHARS = 4000;
  const CHAT_TIMEOUT_MS = 45000;
  const SEARCH_TIMEOUT_MS = 15000;
  const POLL_MS = 1500;
  const POLL_RETRY_MS = 5000; // after a failed poll
  const POLL_TIMEOUT_MS = 10000;
  const OPEN_STATUSES = new Set(["waiting", "active"]);

  const STRINGS = {
    en: {
      pageTitle: "Haneul Pharmacy assistant",
      skip: "Skip to the question box",
      title: "Haneul Pharmacy",
      subtitle: "Medicine questions, answered from product leaflets",
      language: "Language",
      introTitle: "Hi! Ask me about an over-the-counter medicine.",
      introText: "I quote the product leaflet and show where the answer comes from. " +
        "I can't give personal medical advice — for that, please talk to a pharmacist.",
      examples: "Example questions",
      suggestions: ["How often can I take Advil?", "Can I take Tylenol with alcohol?"],
      conversation: "Conversation",
      inputLabel: "Your question",
      placeholder: "Ask about a medicine…",
      send: "Send",
      disclaimer: "Information from product leaflets, not personal medical advice.",
      you: "You:",
      assistant: "Assistant:",
      typing: "The assistant is typing…",
      sources: "Sources",
      safetyCheck: "Medication safety check (Korea's MFDS DUR rules)",
      sourceLoading: "Loading the leaflet passage…",
      sourceMissing: "The passage could not be loaded right now; the answer above quotes it.",
      labelDate: "Label dated",
      leafletOnly: "Answered from leaflets only",
      handoff: "A pharmacist has been asked to help",
      emergencyTitle: "Emergency — get help now",
      call: "Call {number}",
      rateLabel: "Was this answer helpful?",
      helpful: "Helpful",
      notHelpful: "Not helpful",
      feedbackDone: "Thanks — your feedback was recorded.",
      feedbackFailed: "Your feedback could not be recorded.",
      errInvalid: "Your message could not be sent:",
      errUnavailable: "The assistant is unavailable right now:",
      errTooLarge: "Your message is too long:",
      errServer: "Something went wrong on our side:",
      errNetwork: "Could not reach the assistant. Check your connection and try again.",
      errTimeout: "The assistant took too long to answer. Please try again.",
      errEmpty: "Please type a question first.",
      retry: "Try again",
      pharmacist: "Pharmacist",
      pharmacistPending: "Sent to the pharmacist",
      consultationWaiting: "Waiting for a pharmacist to join this chat…",
      consultationActive: "You are chatting with pharmacist {name}",
      consultationActiveNoName: "You are chatting with a pharmacist",
    },
    ko: {
      pageTitle: "하늘약국 상담 도우미",
      skip: "질문 입력란으로 건너뛰기",
      title: "하늘약국",
      subtitle: "제품 설명서를 바탕으로 답해 드리는 의약품 상담",
      language: "언어",
      introTitle: "안녕하세요! 일반의약품에 대해 물어보세요.",
      introText: "제품 설명서 문구를 그대로 인용하고 출처를 보여 드립니다. " +
        "개인 맞춤 의료 상담은 할 수 없으니 약사와 상담해 주세요.",
      examples: "질문 예시",
      suggestions: ["타이레놀 몇 시간마다 먹어요?", "애드빌 부작용이 뭐예요?"],
      conversation: "대화",
      inputLabel: "질문",
      placeholder: "약에 대해 물어보세요…",
      send: "보내기",
      disclaimer: "제품 설명서 정보이며 개인 맞춤 의료 상담이 아닙니다.",
      you: "나:",
      assistant: "상담 도우미:",
      typing: "답변을 작성하고 있어요…",
      sources: "출처",
      safetyCheck: "복약 안전 확인 (식약처 DUR 기준)",
      sourceLoading: "설명서 내용을 불러오는 중…",
      sourceMissing: "지금은 설명서 내용을 불러올 수 없습니다. 위 답변에 인용된 부분을 참고하세요.",
      labelDate: "설명서 날짜",
      leafletOnly: "설명서 내용만으로 답변함",
      handoff: "약사에게 상담을 요청했습니다",
      emergencyTitle: "응급 상황 — 지금 도움을 요청하세요",
      call: "{number}에 전화하기",
      rateLabel: "답변이 도움이 되었나요?",
      helpful: "도움이 됐어요",
      notHelpful: "도움이 안 됐어요",
      feedbackDone: "감사합니다. 의견이 기록되었습니다.",
      feedbackFailed: "의견을 기록하지 못했습니다.",
      errInvalid: "메시지를 보낼 수 없습니다:",
      errUnavailable: "지금은 상담 도우미를 이용할 수 없습니다:",
      errTooLarge: "메시지가 너무 깁니다:",
      errServer: "서버에 문제가 발생했습니다:",
      errNetwork: "상담 도우미에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도해 주세요.",
      errTimeout: "답변이 너무 오래 걸립니다. 다시 시도해 주세요.",
      errEmpty: "먼저 질문을 입력해 주세요.",
      retry: "다시 시도",
      pharmacist: "약사",
      pharmacistPending: "약사에게 전달했습니다",
      consultationWaiting: "약사가 이 대화에 참여하기를 기다리고 있습니다…",
      consultationActive: "{name} 약사와 대화 중입니다",
      consultationActiveNoName: "약사와 대화 중입니다",
    },
  };

  // Korean names for the leaflet sections the assistant cites most (English otherwise).
  const SECTION_NAMES_KO = {
    dosage_and_administration: "용법·용량",
    dosage_forms_and_strengths: "제형 및 함량",
    warnings: "경고",
    do_not_use: "사용하지 말 것",
    ask_doctor: "의사와 상담할 것",
    ask_doctor_or_pharmacist: "의사 또는 약사와 상담할 것",
    when_using: "사용 시 주의",
    stop_use: "사용을 중단할 때",
    pregnancy_or_breast_feeding: "임신·수유",
    keep_out_of_reach_of_children: "어린이 손에 닿지 않게",
    indications_and_usage: "효능·효과",
    purpose: "용도",
    active_ingredient: "유효 성분",
    inactive_ingredient: "첨가제",
    storage_and_handling: "보관 방법",
    overdosage: "과량 투여",
    adverse_reactions: "이상 반응",
  };

  const state = {
    lang: "en",
    busy: false,
    sessionId: "",
    sessionToken: null, // proves this page owns the session: needed to read its messages
    // the session's consultation with a pharmacist: {id, status, pharmacist, after}, where
    // after is the highest message id seen (only newer messages are fetched)
    consultation: null,
    watching: false, // polling until the server says the consultation is closed
    pollTimer: 0,
    pollInFlight: false,
    shownMessages: new Set(), // pharmacist/system message ids already on the page
  };

  const $ = (id) => document.getElementById(id);
  let els = {};

  /* ---------- small helpers ---------------------------------------------------------- */

  function t(key) {
    const table = STRINGS[state.lang] || STRINGS.en;
    return key in table ? table[key] : STRINGS.en[key];
  }

  /** Create an element; attrs are set as attributes, text via textContent only. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "className") node.className = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** An element whose text is a UI string (re-translated when the language changes). */
  function uiText(tag, key, attrs) {
    const node = el(tag, { ...(attrs || {}), "data-i18n": key });
    node.textContent = t(key);
    return node;
  }

  function srOnly(key) {
    return uiText("span", key, { className: "visually-hidden" });
  }

  function callLabel(number) {
    return t("call").replace("{number}", number);
  }

  function humanizeSection(section) {
    if (state.lang === "ko" && SECTION_NAMES_KO[section]) return SECTION_NAMES_KO[section];
    const words = String(section || "").replace(/_/g, " ").trim();
    return words ? words.charAt(0).toUpperCase() + words.slice(1) : "";
  }

  function randomId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function loadSessionId() {
    let id = null;
    try {
      id = window.sessionStorage.getItem(SESSION_KEY);
    } catch (_) { /* storage disabled: keep the id in memory */ }
    if (!id || !SESSION_ID_PATTERN.test(id)) {
      id = randomId();
      try {
        window.sessionStorage.setItem(SESSION_KEY, id);
      } catch (_) { /* ignore */ }
    }
    return id;
  }

  /** A value kept in sessionStorage for this session id only (null if none or another's). */
  function loadForSession(key) {
    try {
      const saved = JSON.parse(window.sessionStorage.getItem(key) || "null");
      if (saved && saved.session === state.sessionId) return saved;
    } catch (_) { /* storage disabled or garbled: nothing saved */ }
    return null;
  }

  function saveForSession(key, value) {
    try {
      if (value) window.sessionStorage.setItem(key, JSON.stringify({ ...value, session: state.sessionId }));
      else window.sessionStorage.removeItem(key);
    } catch (_) { /* storage disabled: keep it in memory */ }
  }

  function initialLanguage() {
    try {
      const saved = window.localStorage.getItem(LANG_KEY);
      if (saved && saved in STRINGS) return saved;
    } catch (_) { /* ignore */ }
    const preferred = navigator.language || (navigator.languages || [])[0] || "en";
    return /^ko\b/i.test(preferred) ? "ko" : "en";
  }

  async function fetchWithTimeout(url, options, timeoutMs) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await fetch(url, { ...options, signal: controller.signal, credentials: "same-origin" });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The server's explanation: its human "message" (in the user's language) when it gives
   * one, else FastAPI's {"detail": "..."} or [{"loc", "msg"}]. */
  async function errorDetail(response) {
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      return response.statusText || `HTTP ${response.status}`;
    }
    if (body && typeof body.message === "string" && body.message.trim()) return body.message;
    const detail = body && body.detail;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) {
      return detail.map((item) => {
        const loc = (item.loc || []).filter((part) => part !== "body").join(".");
        return loc ? `${loc}: ${item.msg}` : String(item.msg);
      }).join("; ");
    }
    return response.statusText || `HTTP ${response.status}`;
  }

  /* ---------- language ---------------------------------------------------------------- */

  function applyLanguage(lang) {
    state.lang = lang in STRINGS ? lang : "en";
    document.documentElement.lang = state.lang;
    document.title = t("pageTitle");
    for (const node of document.querySelectorAll("[data-i18n]")) {
      node.textContent = t(node.getAttribute("data-i18n"));
    }
    for (const attr of ["placeholder", "aria-label", "title"]) {
      for (const node of document.querySelectorAll(`[data-i18n-${attr}]`)) {
        node.setAttribute(attr, t(node.getAttribute(`data-i18n-${attr}`)));
      }
    }
    for (const node of document.querySelectorAll("[data-section]")) {
      node.textContent = humanizeSection(node.getAttribute("data-section"));
    }
    for (const node of document.querySelectorAll("[data-call-number]")) {
      node.textContent = callLabel(node.getAttribute("data-call-number"));
    }
    for (const button of document.querySelectorAll(".lang-toggle button")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
    }
    for (const node of document.querySelectorAll("[data-pharmacist-name]")) {
      node.textContent = pharmacistLabel(node.getAttribute("data-pharmacist-name"));
    }
    renderSuggestions();
    renderConsultationStatus();
  }

  function renderSuggestions() {
    const box = els.suggestions;
    box.replaceChildren();
    for (const question of t("suggestions")) {
      const button = el("button", { type: "button", className: "chip", "data-testid": "suggestion" },
        question);
      button.addEventListener("click", () => send(question, question));
      box.append(button);
    }
  }

  /* ---------- rendering ---------------------------------------------------------------- */

  function scrollToBottom() {
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "auto" });
  }

  /** Show a new assistant turn: its start if it is taller than the screen, else the end. */
  function reveal(turn) {
    const header = document.querySelector(".topbar");
    const footer = document.querySelector(".composer-area");
    const visible = window.innerHeight - (header ? header.offsetHeight : 0) -
      (footer ? footer.offsetHeight : 0);
    if (turn.offsetHeight > visible) turn.scrollIntoView({ block: "start" });
    else scrollToBottom();
  }

  function addUserMessage(text) {
    const bubble = el("div", {
      className: "message user", "data-testid": "message", "data-role": "user",
    }, srOnly("you"), el("span", { className: "text" }, text));
    els.messages.append(el("div", { className: "turn user-turn" }, bubble));
    scrollToBottom();
  }

  function showTyping() {
    hideTyping();
    const indicator = el("div", {
      className: "message assistant typing", id: "typing", "data-testid": "typing-indicator",
    }, el("span", { className: "dot", "aria-hidden": "true" }),
    el("span", { className: "dot", "aria-hidden": "true" }),
    el("span", { className: "dot", "aria-hidden": "true" }), srOnly("typing"));
    els.messages.append(indicator);
    scrollToBottom();
  }

  function hideTyping() {
    const indicator = $("typing");
    if (indicator) indicator.remove();
  }

  /** Phone numbers in text (119, 1-800-222-1222): [{index, text, digits}]. */
  function phoneNumbers(text) {
    const found = [];
    for (const match of text.matchAll(/(?<![\w-])\d[\d-]{1,13}\d(?![\w-])/g)) {
      const digits = match[0].replace(/-/g, "");
      if (digits.length < 3 || /^(19|20)\d\d$/.test(match[0])) continue;
      found.push({ index: match.index, text: match[0], digits });
    }
    return found;
  }

  /** Text with its phone numbers turned into tel: links, built as DOM nodes. */
  function withPhoneLinks(text) {
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const phone of phoneNumbers(text)) {
      fragment.append(document.createTextNode(text.slice(last, phone.index)));
      fragment.append(el("a", { href: `tel:${phone.digits}`, className: "phone" }, phone.text));
      last = phone.index + phone.text.length;
    }
    fragment.append(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function quickReplies(buttons) {
    const group = el("div", { className: "quick-replies", role: "group" });
    for (const button of buttons) {
      if (!button || typeof button.title !== "string" || typeof button.payload !== "string") {
        continue;
      }
      const node = el("button", {
        type: "button", className: "quick-reply", "data-testid": "quick-reply",
        "data-payload": button.payload,
      }, button.title);
      node.addEventListener("click", () => {
        if (state.busy) return;
        for (const other of group.querySelectorAll("button")) other.disabled = true;
        node.classList.add("chosen");
        send(button.payload, button.title);
      });
      group.append(node);
    }
    return group.childElementCount ? group : null;
  }

  function sourceCards(sources, question) {
    const seen = new Set();
    const unique = sources.filter((s) => {
      const key = `${s.doc_id}\u0000${s.section}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (!unique.length) return null;
    const box = el("div", { className: "sources" }, uiText("p", "sources", { className: "sources-title" }));
    for (const source of unique) {
      if (source.section === "pill_identification") {  // a candidate pill: a static card
        box.append(el("div", { className: "source-card pill-card", "data-testid": "pill-card",
          "data-doc-id": source.doc_id },
        el("span", { className: "source-title", "data-testid": "source-title" }, source.title),
        source.note ? el("span", { className: "pill-note" }, source.note) : null,
        el("span", { className: "source-drug" }, source.source || "")));
        continue;
      }
      const body = el("div", { className: "source-body" });
      const card = el("details", { className: "source-card", "data-testid": "source-card",
        "data-doc-id": source.doc_id, "data-section-id": source.section },
      el("summary", {},
        el("span", { className: "source-title", "data-testid": "source-title" },
          source.title || source.doc_id),
        el("span", { className: "source-meta" },
          el("span", { className: "source-section", "data-testid": "source-section",
            "data-section": source.section }, humanizeSection(source.section)),
          source.drug ? el("span", { className: "source-drug", "data-testid": "source-drug" },
            source.drug) : null)),
      body);
      let loading = false;
      let loaded = false;
      card.addEventListener("toggle", async () => {
        if (!card.open || loading || loaded) return;
        loading = true;
        body.replaceChildren(uiText("p", "sourceLoading", { className: "muted" }));
        const hit = await findPassage(source, question);
        loading = false;
        if (hit) {
          loaded = true;
          body.replaceChildren(...passage(hit));
        } else {
          body.replaceChildren(uiText("p", "sourceMissing", { className: "muted" }));
        }
      });
      box.append(card);
    }
    return box;
  }

  function passage(hit) {
    const nodes = [];
    if (hit.section_title) nodes.push(el("p", { className: "passage-heading" }, hit.section_title));
    nodes.push(el("blockquote", { className: "passage", "data-testid": "source-text" }, hit.text));
    if (hit.label_date) {
      nodes.push(el("p", { className: "passage-meta" }, uiText("span", "labelDate"), " ",
        el("time", { datetime: hit.label_date }, hit.label_date)));
    }
    return nodes;
  }

  /** The cited passage (doc_id + section) from /v1/search, or null. */
  async function findPassage(source, question) {
    const attempts = [];
    if (question && !question.startsWith("/")) attempts.push({ q: question, k: 10 });
    attempts.push({ q: `${source.title} ${humanizeSection(source.section)}`, k: 30 });
    for (const attempt of attempts) {
      const params = new URLSearchParams({ q: attempt.q.slice(0, 500), k: String(attempt.k) });
      if (source.drug) params.set("medicine", String(source.drug).slice(0, 100));
      try {
        const response = await fetchWithTimeout(`/v1/search?${params}`,
          { headers: { Accept: "application/json" } }, SEARCH_TIMEOUT_MS);
        if (!response.ok) continue;
        const data = await response.json();
        const hit = (data.hits || []).find(
          (h) => h.doc_id === source.doc_id && h.section === source.section);
        if (hit) return hit;
      } catch (_) { /* try the next query */ }
    }
    return null;
  }

  // Material Design icons (Apache 2.0): drawn as SVG so no emoji font is needed.
  const ICONS = {
    thumbUp: "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44" +
      "-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84" +
      "-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z",
    thumbDown: "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2" +
      " 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5" +
      "c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z",
  };

  function icon(pathData) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", pathData);
    path.setAttribute("fill", "currentColor");
    svg.append(path);
    return svg;
  }

  function feedbackControls(messageId) {
    const box = el("div", { className: "feedback", role: "group", "aria-label": t("rateLabel"),
      "data-i18n-aria-label": "rateLabel" });
    const make = (rating, key, testid, glyph) => el("button", {
      type: "button", className: `thumb thumb-${rating}`, "data-testid": testid,
      "aria-label": t(key), "data-i18n-aria-label": key, title: t(key), "data-i18n-title": key,
      "aria-pressed": "false",
    }, icon(glyph));
    const up = make("up", "helpful", "thumb-up", ICONS.thumbUp);
    const down = make("down", "notHelpful", "thumb-down", ICONS.thumbDown);
    const status = el("span", { className: "feedback-status" });
    const rate = async (rating, chosen, other) => {
      if (chosen.getAttribute("aria-disabled") === "true" || chosen.disabled) return;
      up.disabled = true;
      down.disabled = true;
      status.replaceChildren();
      let failure = null;
      try {
        const response = await fetchWithTimeout("/v1/feedback", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ message_id: messageId, rating }),
        }, SEARCH_TIMEOUT_MS);
        if (!response.ok) failure = await errorDetail(response);
      } catch (_) {
        failure = t("errNetwork");
      }
      if (failure === null) {
        // keep the chosen thumb focusable (and visibly pressed); the other one is off
        chosen.disabled = false;
        chosen.setAttribute("aria-disabled", "true");
        chosen.setAttribute("aria-pressed", "true");
        chosen.classList.add("chosen");
        other.disabled = true;
        status.replaceChildren(uiText("span", "feedbackDone",
          { className: "feedback-done", "data-testid": "feedback-done", role: "status" }));
      } else {
        up.disabled = false;
        down.disabled = false;
        status.replaceChildren(el("span", { className: "feedback-error", role: "alert",
          "data-testid": "feedback-error" }, uiText("span", "feedbackFailed"), " ", failure));
      }
    };
    up.addEventListener("click", () => rate("up", up, down));
    down.addEventListener("click", () => rate("down", down, up));
    box.append(up, down, status);
    return box;
  }

  function addAssistantTurn(data, question) {
    const turn = el("div", { className: "turn assistant-turn", "data-message-id": data.message_id,
      "data-answered-by": data.answered_by, lang: data.language === "ko" ? "ko" : "en" });
    const replies = (Array.isArray(data.replies) ? data.replies : [])
      .filter((r) => r && typeof r.text === "string");

    const notes = el("div", { className: "notes" });
    if (data.answered_by === "retrieval_only") {
      notes.append(uiText("p", "leafletOnly", { className: "note", "data-testid": "retrieval-note" }));
    }
    if (data.handoff) {
      notes.append(uiText("p", "handoff", { className: "note note-handoff", "data-testid": "handoff-note" }));
    }
    if (notes.childElementCount) turn.append(notes);

    if (data.emergency) {
      const banner = el("div", { className: "emergency-banner", role: "alert",
        "data-testid": "emergency-banner" },
      el("p", { className: "emergency-title" },
        el("span", { className: "emergency-icon", "aria-hidden": "true" }, "!"),
        uiText("span", "emergencyTitle")));
      for (const reply of replies) {
        banner.append(el("p", { className: "emergency-text" }, withPhoneLinks(reply.text)));
      }
      // the first number the message gives (the emergency number) as a big call button
      const first = replies.map((r) => phoneNumbers(r.text)[0]).find(Boolean);
      if (first) {
        banner.append(el("a", { className: "call-button", href: `tel:${first.digits}`,
          "data-testid": "call-button", "data-call-number": first.text },
        callLabel(first.text)));
      }
      turn.append(el("div", { className: "message assistant emergency", "data-testid": "message",
        "data-role": "assistant" }, srOnly("assistant"), banner));
      for (const reply of replies) {
        const group = reply.buttons ? quickReplies(reply.buttons) : null;
        if (group) turn.append(group);
      }
    } else {
      // a medication check that found something leads with a warning card
      const checked = (Array.isArray(data.sources) ? data.sources : [])
        .some((s) => s.source === "MFDS DUR");
      for (const [i, reply] of replies.entries()) {
        const text = el("span", { className: "text" }, reply.text);
        const body = checked && i === 0
          ? el("div", { className: "warning-card", role: "note", "data-testid": "safety-check-card" },
            uiText("p", "safetyCheck", { className: "warning-title" }), text)
          : text;
        turn.append(el("div", { className: "message assistant", "data-testid": "message",
          "data-role": "assistant" }, srOnly("assistant"), body));
        const group = Array.isArray(reply.buttons) ? quickReplies(reply.buttons) : null;
        if (group) turn.append(group);
      }
    }

    const cards = sourceCards(Array.isArray(data.sources) ? data.sources : [], question);
    if (cards) turn.append(cards);
    if (data.message_id) turn.append(feedbackControls(data.message_id));
    els.messages.append(turn);
    reveal(turn);
  }

  /* ---------- the pharmacist ----------------------------------------------------------- */

  function pharmacistLabel(name) {
    return name ? `${t("pharmacist")} ${name}` : t("pharmacist");
  }

  /** A message the pharmacist holds: no bot reply, a small "sent" note under the user's. */
  function markSentToPharmacist() {
    const turns = els.messages.querySelectorAll(".user-turn");
    const turn = turns[turns.length - 1];
    if (!turn) return;
    turn.append(uiText("p", "pharmacistPending", { className: "delivery-note",
      "data-testid": "pharmacist-pending-note" }));
    scrollToBottom();
  }

  function addPharmacistMessage(message) {
    const name = typeof message.author === "string" ? message.author : "";
    const bubble = el("div", { className: "message pharmacist", "data-testid": "pharmacist-message",
      "data-role": "pharmacist", "data-message-id": message.id },
    el("span", { className: "pharmacist-label", "data-pharmacist-name": name }, pharmacistLabel(name)),
    el("span", { className: "text" }, message.text));
    els.messages.append(el("div", { className: "turn pharmacist-turn" }, bubble));
    scrollToBottom();
  }

  function addSystemMessage(message) {
    els.messages.append(el("p", { className: "system-message", "data-testid": "system-message",
      "data-message-id": message.id }, message.text));
    scrollToBottom();
  }

  /** The line above the composer while a pharmacist is awaited or holds the chat. */
  function renderConsultationStatus() {
    const line = $("consultation-status");
    if (!line) return;
    const consultation = state.watching ? state.consultation : null;
    const status = consultation && consultation.status;
    let text = "";
    if (status === "waiting") text = t("consultationWaiting");
    else if (status === "active" && consultation.pharmacist) {
      text = t("consultationActive").replace("{name}", consultation.pharmacist);
    } else if (status === "active") text = t("consultationActiveNoName");
    line.textContent = text;
    line.dataset.status = status || "";
    line.hidden = !text;
  }

  function saveConsultation() {
    saveForSession(CONSULTATION_KEY, state.consultation);
  }

  /** What a chat response says about the session's consultation (if it has one). */
  function followConsultation(data) {
    if (typeof data.session_token === "string" && data.session_token) {
      state.sessionToken = data.session_token;
      saveForSession(TOKEN_KEY, { token: data.session_token });
    }
    if (!data.consultation_id) return;
    const previous = state.consultation;
    const same = previous && previous.id === data.consultation_id;
    state.consultation = { id: data.consultation_id,
      status: data.consultation_status || (same ? previous.status : "waiting"),
      pharmacist: same ? previous.pharmacist : null, after: previous ? previous.after : 0 };
    saveConsultation();
    if (OPEN_STATUSES.has(state.consultation.status)) {
      if (!state.watching) {
        state.watching = true;
        schedulePoll(0);
      }
    } else if (state.watching) {
      schedulePoll(0); // closed: one more poll fetches the "assistant is back" line
    }
    renderConsultationStatus();
  }

  function stopWatching() {
    state.watching = false;
    clearTimeout(state.pollTimer);
    renderConsultationStatus();
  }

  function schedulePoll(delay) {
    clearTimeout(state.pollTimer);
    state.pollTimer = setTimeout(pollMessages, delay);
  }

  /** Fetch what is new in the session; show the pharmacist's and system messages once. */
  async function pollMessages() {
    if (!state.watching || state.pollInFlight) return;
    if (!state.sessionToken || !state.consultation) {
      stopWatching();
      return;
    }
    state.pollInFlight = true;
    const started = Date.now();
    let next = POLL_MS;
    try {
      const after = Number(state.consultation.after) || 0;
      const response = await fetchWithTimeout(
        `/v1/chat/${encodeURIComponent(state.sessionId)}/messages?after=${after}`,
        { headers: { Accept: "application/json", "X-Session-Token": state.sessionToken },
          cache: "no-store" }, POLL_TIMEOUT_MS);
      if (response.status === 401 || response.status === 404) {
        // not (or no longer) this page's session: nothing to read
        next = null;
      } else if (response.ok) {
        const data = await response.json();
        showNewMessages(Array.isArray(data.messages) ? data.messages : []);
        const consultation = data.consultation;
        if (!consultation) {
          next = null;
        } else {
          state.consultation = { ...state.consultation, id: consultation.id,
            status: consultation.status, pharmacist: consultation.pharmacist || null };
          if (!OPEN_STATUSES.has(consultation.status)) next = null;
        }
        saveConsultation();
      } else {
        next = POLL_RETRY_MS;
      }
    } catch (_) {
      next = POLL_RETRY_MS; // offline or slow: try again a little later
    } finally {
      state.pollInFlight = false;
    }
    if (next === null) stopWatching();
    else if (state.watching) schedulePoll(Math.max(0, started + next - Date.now())); // start to start
    renderConsultationStatus();
  }

  function showNewMessages(messages) {
    const sorted = messages.filter((m) => m && Number.isInteger(m.id)).sort((a, b) => a.id - b.id);
    for (const message of sorted) {
      if (message.id > (state.consultation.after || 0)) state.consultation.after = message.id;
      if (state.shownMessages.has(message.id) || typeof message.text !== "string") continue;
      if (message.sender === "pharmacist") addPharmacistMessage(message);
      else if (message.sender === "system") addSystemMessage(message);
      else continue; // the user's and the assistant's turns are on the page already
      state.shownMessages.add(message.id);
    }
  }

  function addError(prefixKey, detail, retry) {
    for (const old of els.messages.querySelectorAll('[data-error-key="errEmpty"]')) old.remove();
    const box = el("div", { className: "error", role: "alert", "data-testid": "error-message",
      "data-error-key": prefixKey },
      el("p", {}, uiText("strong", prefixKey), detail ? " " : null,
        detail ? el("span", { className: "error-detail" }, detail) : null));
    if (retry) {
      const button = uiText("button", "retry", { type: "button", className: "retry",
        "data-testid": "retry-button" });
      button.addEventListener("click", () => {
        if (state.busy) return;
        box.remove();
        retry();
      });
      box.append(button);
    }
    els.messages.append(box);
    scrollToBottom();
    return box;
  }

  function setBusy(busy) {
    state.busy = busy;
    els.send.disabled = busy;
    els.form.setAttribute("aria-busy", String(busy));
    for (const node of els.messages.querySelectorAll(".quick-reply:not(.chosen)")) {
      if (!node.closest(".quick-replies").querySelector(".chosen")) node.disabled = busy;
    }
  }

  /* ---------- sending ------------------------------------------------------------------ */

  /** Send ``message`` to the assistant, showing ``shown`` as the user's bubble. */
  async function send(message, shown, { echo = true } = {}) {
    if (state.busy) return;
    const text = String(message || "").trim();
    if (!text) {
      addError("errEmpty", null, null);
      return;
    }
    if (els.intro) els.suggestions.hidden = true;
    if (echo) addUserMessage(shown || text);
    setBusy(true);
    showTyping();
    const retry = () => send(message, shown, { echo: false });
    const body = { session_id: state.sessionId, message: text };
    if (state.sessionToken) body.session_token = state.sessionToken;
    try {
      const response = await fetchWithTimeout("/v1/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      }, CHAT_TIMEOUT_MS);
      hideTyping();
      if (response.ok) {
        const data = await response.json();
        if (data.answered_by === "pharmacist_pending") markSentToPharmacist();
        else addAssistantTurn(data, text);
        followConsultation(data);
      } else {
        const detail = await errorDetail(response);
        const key = response.status === 422 ? "errInvalid"
          : response.status === 503 ? "errUnavailable"
            : response.status === 413 ? "errTooLarge" : "errServer";
        addError(key, detail, response.status === 422 || response.status === 413 ? null : retry);
      }
    } catch (error) {
      hideTyping();
      addError(error && error.name === "AbortError" ? "errTimeout" : "errNetwork", null, retry);
    } finally {
      setBusy(false);
    }
  }

  function autoGrow() {
    const input = els.input;
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  }

  function init() {
    els = {
      form: $("composer"), input: $("chat-input"), send: $("send-button"),
      messages: $("messages"), suggestions: $("suggestions"), intro: $("intro"),
    };
    state.sessionId = loadSessionId();
    const token = loadForSession(TOKEN_KEY);
    state.sessionToken = token && typeof token.token === "string" ? token.token : null;
    const consultation = loadForSession(CONSULTATION_KEY);
    if (consultation && consultation.id) {
      state.consultation = { id: consultation.id, status: consultation.status,
        pharmacist: consultation.pharmacist || null, after: Number(consultation.after) || 0 };
      // a reload while a pharmacist is awaited or answering: carry on where the page was
      if (OPEN_STATUSES.has(consultation.status) && state.sessionToken) {
        state.watching = true;
        schedulePoll(0);
      }
    }
    els.input.maxLength = MAX_MESSAGE_CHARS;
    applyLanguage(initialLanguage());

    for (const button of document.querySelectorAll(".lang-toggle button")) {
      button.addEventListener("click", () => {
        applyLanguage(button.dataset.lang);
        try {
          window.localStorage.setItem(LANG_KEY, state.lang);
        } catch (_) { /* ignore */ }
      });
    }

    els.form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (state.busy) return;
      const text = els.input.value;
      if (!text.trim()) {
        addError("errEmpty", null, null);
        els.input.focus();
        return;
      }
      els.input.value = "";
      autoGrow();
      send(text, text.trim());
    });

    els.input.addEventListener("keydown", (event) => {
      // Enter sends, Shift+Enter adds a line; never while an IME (Korean) is composing.
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        els.form.requestSubmit();
      }
    });
    els.input.addEventListener("input", autoGrow);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
