/* Web chat: building elements (text only ever through text nodes, never parsed as HTML),
 * and keeping the newest part of the conversation in view. */

export const $ = (id) => document.getElementById(id);

/** Create an element; attrs are set as attributes, text via textContent only. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function scrollToBottom() {
  window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "auto" });
}

/** Show a new assistant turn: its start if it is taller than the screen, else the end. */
export function reveal(turn) {
  const header = document.querySelector(".topbar");
  const footer = document.querySelector(".composer-area");
  const visible = window.innerHeight - (header ? header.offsetHeight : 0) -
    (footer ? footer.offsetHeight : 0);
  if (turn.offsetHeight > visible) turn.scrollIntoView({ block: "start" });
  else scrollToBottom();
}
