/* Staff console: which view (<section id="view-NAME">) is on screen, and the nav link
 * marked as the current page. */

import { $, show } from "./dom.js";

const VIEWS = ["signin", "list", "doc", "leaflet", "entry", "gaps"];
const extraViews = new Map(); // view name -> { leave() }

export function showView(name, nav) {
  for (const view of VIEWS) show($(`view-${view}`), view === name);
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === nav) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  for (const [view, handlers] of extraViews) if (view !== name && handlers.leave) handlers.leave();
}

/** A view from another module: <section id="view-NAME">; its leave() runs when another
 * view is shown. (Its route is added with router.js addRoute().) */
export function registerView(name, handlers) {
  VIEWS.push(name);
  extraViews.set(name, handlers);
}
