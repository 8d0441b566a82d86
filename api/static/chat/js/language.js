/* Web chat: switching the page between English and Korean, and the example questions. */

import { el } from "./dom.js";
import { callLabel, humanizeSection, t } from "./i18n.js";
import { pharmacistLabel, renderConsultationStatus } from "./pharmacist.js";
import { send } from "./send.js";
import { els, state } from "./state.js";
import { STRINGS } from "./strings.js";

export function applyLanguage(lang) {
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
