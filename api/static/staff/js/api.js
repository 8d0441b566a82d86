/* Staff console: talking to the gateway on the same origin (/v1/auth/*, /v1/kb/*,
 * /v1/search, /v1/staff/*) with the session's bearer token. */

import { LANGUAGE } from "./format.js";
import { expireSession, sessionIsLive } from "./session.js";
import { state } from "./state.js";

const REQUEST_TIMEOUT_MS = 120000; // a save re-indexes before it answers

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** The server's human sentence ({"message"}), else its {"detail"} however shaped. */
function errorMessage(status, body) {
  if (body && typeof body.message === "string" && body.message) return body.message;
  const detail = body && body.detail;
  if (typeof detail === "string" && detail) return detail;
  if (Array.isArray(detail) && detail.length) {
    return detail.map((item) => {
      const loc = (item.loc || []).filter((part) => part !== "body").join(".");
      return loc ? `${loc}: ${item.msg}` : String(item.msg);
    }).join("; ");
  }
  return `The server answered with an error (HTTP ${status}).`;
}

export async function api(path, options) {
  const { method = "GET", json, form, token, auth = true } = options || {};
  const headers = { Accept: "application/json", "Accept-Language": LANGUAGE };
  let body;
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  } else if (form) {
    body = new URLSearchParams(form);
  }
  const bearer = token || (auth && state.auth ? state.auth.token : null);
  if (auth && !token) {
    if (!sessionIsLive()) {
      expireSession("Your session has ended. Please sign in again.");
      throw new ApiError(401, "Your session has ended. Please sign in again.");
    }
  }
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(path, { method, headers, body, signal: controller.signal,
      credentials: "same-origin", cache: "no-store" });
  } catch (err) {
    throw new ApiError(0, err && err.name === "AbortError"
      ? "The server took too long to answer. Please try again."
      : "Could not reach the server. Check the connection and try again.");
  } finally {
    clearTimeout(timer);
  }
  let data = null;
  const text = await response.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (_) { /* not JSON: keep null */ }
  }
  if (response.status === 401 && auth && !token) {
    expireSession("Your session has ended. Please sign in again.");
  }
  if (!response.ok) throw new ApiError(response.status, errorMessage(response.status, data), data);
  return data;
}
