/* Web chat: the thumbs up / down under an answer (POST /v1/feedback). */

import { el } from "./dom.js";
import { errorDetail, fetchWithTimeout, SEARCH_TIMEOUT_MS } from "./http.js";
import { t, uiText } from "./i18n.js";

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

export function feedbackControls(messageId) {
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
