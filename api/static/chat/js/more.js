/* Web chat: "more" under an answer that quoted part of a leaflet section (a source marked
 * more by the gateway): the button loads the whole section from
 * /v1/leaflets/<doc>/sections/<section> and shows it in place, cited. */

import { el } from "./dom.js";
import { fetchWithTimeout, SEARCH_TIMEOUT_MS } from "./http.js";
import { humanizeSection, t, uiText } from "./i18n.js";
import { uniqueSources } from "./sources.js";
import { state } from "./state.js";

/** One "more" button per source the answer shortened, or null when it quoted them whole. */
export function moreButtons(sources) {
  const shortened = uniqueSources(sources).filter((s) => s.more);
  if (!shortened.length) return null;
  const box = el("div", { className: "more-box" });
  for (const source of shortened) box.append(moreButton(source));
  return box;
}

function moreButton(source) {
  const label = t("more").replace("{title}", source.title || source.doc_id)
    .replace("{section}", humanizeSection(source.section));
  const button = el("button", { type: "button", className: "more-button",
    "data-testid": "more-button", "data-doc-id": source.doc_id,
    "data-section-id": source.section }, label);
  button.addEventListener("click", async () => {
    button.disabled = true;
    const section = await loadSection(source);
    if (section) {
      button.replaceWith(wholeSection(section));
    } else {
      button.disabled = false;
      button.after(uiText("p", "moreFailed", { className: "muted" }));
    }
  });
  return button;
}

function wholeSection(section) {
  return el("div", { className: "more-text", "data-testid": "more-text",
    "data-doc-id": section.doc_id, "data-section-id": section.section },
  el("p", { className: "passage-heading" }, `${section.title} — ${section.section_title}`),
  el("blockquote", { className: "passage", lang: section.language }, section.text),
  el("p", { className: "passage-meta" }, section.citation));
}

async function loadSection(source) {
  const url = `/v1/leaflets/${encodeURIComponent(source.doc_id)}/sections/` +
    `${encodeURIComponent(source.section)}?lang=${state.lang === "ko" ? "ko" : "en"}`;
  try {
    const response = await fetchWithTimeout(url, { headers: { Accept: "application/json" } },
      SEARCH_TIMEOUT_MS);
    return response.ok ? await response.json() : null;
  } catch (_) {
    return null;
  }
}
