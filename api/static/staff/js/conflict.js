/* Staff console: a whole-document save conflict, shown in the leaflet and entry forms. */

import { el } from "./dom.js";
import { formatTime } from "./format.js";

/** A whole-document conflict (leaflet or entry): theirs shown, ours kept in the form. */
export function documentConflict(current, theirs) {
  return el("div", { className: "conflict", role: "alert", "data-testid": "conflict" },
    el("h4", {}, "Someone else saved this document while you were editing"),
    el("p", {}, `${current.author} saved version ${current.version} at ` +
      `${formatTime(current.saved_at)}. Your text was not saved and is still in the form — ` +
      "nothing is lost. Their version is below; press save again to replace it with yours."),
    el("pre", { className: "theirs", "data-testid": "conflict-theirs" }, theirs));
}
