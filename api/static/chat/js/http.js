/* Web chat: requests to the gateway on the same origin, and its error explanations. */

export const SEARCH_TIMEOUT_MS = 15000;

export async function fetchWithTimeout(url, options, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(url, { ...options, signal: controller.signal, credentials: "same-origin" });
  } finally {
    clearTimeout(timer);
  }
}

/** The server's explanation: its human "message" (in the user's language) when it gives
 * one, else FastAPI's {"detail": "..."} or [{"loc", "msg"}]. */
export async function errorDetail(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    return response.statusText || `HTTP ${response.status}`;
  }
  if (body && typeof body.message === "string" && body.message.trim()) return body.message;
  const detail = body && body.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail.map((item) => {
      const loc = (item.loc || []).filter((part) => part !== "body").join(".");
      return loc ? `${loc}: ${item.msg}` : String(item.msg);
    }).join("; ");
  }
  return response.statusText || `HTTP ${response.status}`;
}
