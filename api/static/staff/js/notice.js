/* Staff console: the notice line under the header, and the yes/no confirmation dialog. */

import { $, show } from "./dom.js";
import { state } from "./state.js";

/** A message that survives the next route change (e.g. "Deleted …" shown on the list). */
export function flash(message, kind) {
  $("notice-text").textContent = message;
  $("notice").dataset.kind = kind || "success";
  show($("notice"), true);
  state.keepNotice = true;
}

export function clearNotice() {
  show($("notice"), false);
  $("notice-text").textContent = "";
}

/** A modal yes/no question; resolves true only when the user confirms. */
export function confirmAction(title, text, okLabel) {
  const dialog = $("confirm-dialog");
  $("confirm-title").textContent = title;
  $("confirm-text").textContent = text;
  $("confirm-ok").textContent = okLabel;
  return new Promise((resolve) => {
    const finish = (answer) => {
      $("confirm-ok").removeEventListener("click", ok);
      $("confirm-cancel").removeEventListener("click", cancel);
      dialog.removeEventListener("cancel", cancel);
      if (dialog.open) dialog.close();
      resolve(answer);
    };
    const ok = () => finish(true);
    const cancel = (event) => {
      if (event) event.preventDefault();
      finish(false);
    };
    $("confirm-ok").addEventListener("click", ok);
    $("confirm-cancel").addEventListener("click", cancel);
    dialog.addEventListener("cancel", cancel);
    dialog.showModal();
    $("confirm-cancel").focus();
  });
}
