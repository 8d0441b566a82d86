/* Staff console: values as the page shows them (times, lists, ids, kind and audience names). */

export const LANGUAGE = document.documentElement.lang || "en";
export const KINDS = { leaflet: "Leaflet", store_faq: "Store FAQ", hr_handbook: "HR handbook" };
export const AUDIENCES = { consumer: "Customers", employee: "Employees" };
/** A document's language (a chain document "X-ko" is the Korean translation of "X"). */
export const LANGUAGES = { en: "English", ko: "Korean · 한국어" };

/** Server times are UTC; older rows may lack the zone designator. */
export function parseTime(value) {
  if (!value) return null;
  const text = String(value);
  return new Date(/([zZ]|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
}

export function formatTime(value) {
  const date = parseTime(value);
  if (!date || Number.isNaN(date.getTime())) return "";
  return date.toLocaleString(LANGUAGE, { dateStyle: "medium", timeStyle: "short" });
}

export function splitList(text) {
  return String(text || "").split(",").map((part) => part.trim()).filter(Boolean);
}

export function slug(text, max) {
  return String(text || "").toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "").slice(0, max).replace(/-+$/, "");
}

export function humanize(key) {
  const words = String(key || "").replace(/_/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "";
}
