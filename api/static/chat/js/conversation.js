/* Web chat: the user's bubbles, the typing indicator, error boxes with "Try again", and the
 * busy state while a message is on its way. */

import { $, el, scrollToBottom } from "./dom.js";
import { srOnly, uiText } from "./i18n.js";
import { els, state } from "./state.js";

export function addUserMessage(text) {
  const bubble = el("div", {
    className: "message user", "data-testid": "message", "data-role": "user",
  }, srOnly("you"), el("span", { className: "text" }, text));
  els.messages.append(el("div", { className: "turn user-turn" }, bubble));
  scrollToBottom();
}

export function showTyping() {
  hideTyping();
  const indicator = el("div", {
    className: "message assistant typing", id: "typing", "data-testid": "typing-indicator",
  }, el("span", { className: "dot", "aria-hidden": "true" }),
  el("span", { className: "dot", "aria-hidden": "true" }),
  el("span", { className: "dot", "aria-hidden": "true" }), srOnly("typing"));
  els.messages.append(indicator);
  scrollToBottom();
}

export function hideTyping() {
  const indicator = $("typing");
  if (indicator) indicator.remove();
}

export function addError(prefixKey, detail, retry) {
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

export function setBusy(busy) {
  state.busy = busy;
  els.send.disabled = busy;
  els.form.setAttribute("aria-busy", String(busy));
  for (const node of els.messages.querySelectorAll(".quick-reply:not(.chosen)")) {
    if (!node.closest(".quick-replies").querySelector(".chosen")) node.disabled = busy;
  }
}
