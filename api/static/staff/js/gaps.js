/* Staff console: the questions the assistant could not answer (#/gaps). */

import { api } from "./api.js";
import { $, el, enc, setError, show } from "./dom.js";
import { formatTime, humanize } from "./format.js";
import { state } from "./state.js";
import { showView } from "./views.js";

const GAP_REASONS = {
  low_confidence: "Low confidence", not_covered: "Medicine not covered",
  no_medicine: "No medicine named", thumbs_down: "Thumbs down",
  unavailable: "Library unreachable", fallback: "Not understood",
};

export async function renderGaps() {
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
