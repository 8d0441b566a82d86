/* Staff console: hash routes (#/documents, #/documents/<id>, #/new/leaflet, #/new/entry,
 * #/edit/leaflet/<id>, #/edit/entry/<id>, #/gaps, #/consultations[/<id>]).
 *
 * main.js adds the routes: the first part of the hash picks one, which gets the other parts
 * and the query; it returns false when there is no such page, and the list is shown instead.
 */

import { clearNotice } from "./notice.js";
import { showSignIn } from "./session.js";
import { state } from "./state.js";

const HOME = "#/documents";
const routes = new Map(); // first part of the hash -> render(otherParts, params)

export function addRoute(first, render) {
  routes.set(first, render);
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?");
  const parts = path.split("/").filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch (_) {
      return part;
    }
  });
  return { parts, params: new URLSearchParams(query || "") };
}

/** Show the page the hash names; false if there is none. */
function dispatch() {
  const { parts, params } = parseHash();
  const render = routes.get(parts[0]);
  return Boolean(render) && render(parts.slice(1), params) !== false;
}

export function route() {
  if (!state.keepNotice) clearNotice();
  state.keepNotice = false;
  state.editing = false;
  if (!state.auth) {
    state.returnTo = location.hash;
    showSignIn("");
    return;
  }
  if (dispatch()) return;
  history.replaceState(null, "", HOME);
  dispatch();
}
