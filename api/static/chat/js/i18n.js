/* Web chat: UI strings in the chosen language (English or Korean). */

import { el } from "./dom.js";
import { state } from "./state.js";
import { SECTION_NAMES_KO, STRINGS } from "./strings.js";

export const LANG_KEY = "haneul.chat.lang";

export function t(key) {
  const table = STRINGS[state.lang] || STRINGS.en;
  return key in table ? table[key] : STRINGS.en[key];
}

/** An element whose text is a UI string (re-translated when the language changes). */
export function uiText(tag, key, attrs) {
  const node = el(tag, { ...(attrs || {}), "data-i18n": key });
  node.textContent = t(key);
  return node;
}

export function srOnly(key) {
  return uiText("span", key, { className: "visually-hidden" });
}

export function callLabel(number) {
  return t("call").replace("{number}", number);
}

export function humanizeSection(section) {
  if (state.lang === "ko" && SECTION_NAMES_KO[section]) return SECTION_NAMES_KO[section];
  const words = String(section || "").replace(/_/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "";
}

export function initialLanguage() {
  try {
    const saved = window.localStorage.getItem(LANG_KEY);
    if (saved && saved in STRINGS) return saved;
  } catch (_) { /* ignore */ }
  const preferred = navigator.language || (navigator.languages || [])[0] || "en";
  return /^ko\b/i.test(preferred) ? "ko" : "en";
}
