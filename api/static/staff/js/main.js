/* Haneul Pharmacy staff console: plain JS modules, no framework, no build step.
 *
 * One page with hash routes (#/documents, #/documents/<id>, #/new/leaflet, #/new/entry,
 * #/edit/leaflet/<id>, #/edit/entry/<id>, #/gaps, #/consultations[/<id>], #/hr-requests) over
 * the staff API on the same origin (/v1/auth/*, /v1/kb/*, /v1/search, /v1/staff/*,
 * /v1/hr/benefits/queue). The bearer token lives
 * in sessionStorage until its JWT expiry. Server text only ever reaches the page through
 * textContent, never as HTML.
 *
 * This module is the only one the page loads: it adds the routes, wires the page's controls
 * and restores a saved session.
 */

import { api, ApiError } from "./api.js";
import { initConsultations, renderConsultations } from "./consultations.js";
import { renderDocument } from "./document_view.js";
import { renderList, wireFilters } from "./documents.js";
import { $ } from "./dom.js";
import { openEntryForm, wireEntryForm } from "./entry_form.js";
import { renderGaps } from "./gaps.js";
import { initHrRequests, renderHrRequests } from "./hr_requests.js";
import { openLeafletForm, wireLeafletForm } from "./leaflet_form.js";
import { clearNotice } from "./notice.js";
import { addRoute, route } from "./router.js";
import {
  endSession, expireSession, loadAuth, renderAccount, scheduleExpiry, sessionIsLive, showSignIn,
  STAFF_ROLES, storeAuth,
} from "./session.js";
import { signIn, signOut } from "./signin.js";
import { state } from "./state.js";

addRoute("documents", ([docId], params) => (docId
  ? renderDocument(docId, params.get("version")) : renderList()));
addRoute("new", ([what], params) => {
  if (what === "leaflet") return openLeafletForm(null);
  if (what === "entry") return openEntryForm(null, params.get("question"));
  return false;
});
addRoute("edit", ([what, docId]) => {
  if (what === "leaflet" && docId) return openLeafletForm(docId);
  if (what === "entry" && docId) return openEntryForm(docId, null);
  return false;
});
addRoute("gaps", () => renderGaps());
addRoute("consultations", (parts) => renderConsultations(parts));
initConsultations();
addRoute("hr-requests", (_, params) => renderHrRequests(params));
initHrRequests();

async function start() {
  $("signin-form").addEventListener("submit", signIn);
  $("sign-out").addEventListener("click", signOut);
  $("notice-close").addEventListener("click", clearNotice);
  wireFilters();
  wireLeafletForm();
  wireEntryForm();
  window.addEventListener("hashchange", route);
  window.addEventListener("beforeunload", (event) => {
    if (state.editing && state.unsaved && state.unsaved()) event.preventDefault();
  });
  // A tab coming back from sleep may have missed its expiry timer.
  document.addEventListener("visibilitychange", () => {
    if (state.auth && !sessionIsLive()) expireSession("Your session expired. Please sign in again.");
  });

  const saved = loadAuth();
  if (saved && saved.exp * 1000 > Date.now()) {
    state.auth = saved;
    try {
      const me = await api("/v1/auth/me");
      if (!STAFF_ROLES.has(me.role)) throw new ApiError(403, "not staff");
      state.auth.hrStaff = Boolean(me.hr_staff);
      scheduleExpiry();
      renderAccount();
    } catch (err) {
      state.returnTo = location.hash;
      endSession();
      showSignIn(err.status === 401 ? "Your session has ended. Please sign in again." : "");
      return;
    }
  } else if (saved) {
    storeAuth();
    showSignIn("Your session expired. Please sign in again.");
    state.returnTo = location.hash;
    return;
  }
  route();
}

document.addEventListener("DOMContentLoaded", start);
