/* Staff console, consultations: the poll timer. While the view is on screen, the queue and
 * the open consultation are read again every 1.5 s; a claim, reply or close asks for the next
 * poll at once. What a poll does is set by consultations.js. */

import { state } from "./consultations_state.js";

let poll = () => {};

export function setPoll(work) {
  poll = work;
}

export function schedulePoll(delay) {
  clearTimeout(state.pollTimer);
  state.pollTimer = setTimeout(poll, delay);
}
