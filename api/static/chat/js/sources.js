/* Web chat: the source cards under an answer; opening one loads the cited leaflet passage
 * from /v1/search. */

import { el } from "./dom.js";
import { fetchWithTimeout, SEARCH_TIMEOUT_MS } from "./http.js";
import { humanizeSection, uiText } from "./i18n.js";

/** Each cited (leaflet, section) once, in the order cited. */
export function uniqueSources(sources) {
  const seen = new Set();
  return sources.filter((s) => {
    const key = `${s.doc_id}\u0000${s.section}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sourceCards(sources, question) {
  const unique = uniqueSources(sources);
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
