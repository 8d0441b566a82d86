/* Staff console: building page elements and showing or hiding them.
 *
 * Server text only ever reaches the page through text nodes (textContent), never as HTML.
 */

export const $ = (id) => document.getElementById(id);

/** Create an element; attrs become attributes, children text nodes (never HTML). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function button(label, attrs, onClick) {
  const node = el("button", { type: "button", className: "button", ...attrs }, label);
  if (onClick) node.addEventListener("click", onClick);
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}

export function setError(node, message) {
  node.textContent = message || "";
  node.hidden = !message;
}

export const enc = encodeURIComponent;

/** Remember which fields of ``form`` the user has typed in or left (their errors show from
 * then on), and run ``validate`` whenever focus leaves one of them. */
export function watchTouched(form, touched, validate) {
  const touch = (event) => {
    if (event.target && event.target.id) touched.add(event.target.id);
  };
  form.addEventListener("input", touch, true);
  form.addEventListener("focusout", (event) => {
    touch(event);
    validate();
  });
}
