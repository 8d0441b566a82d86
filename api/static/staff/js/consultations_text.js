/* Staff console, consultations: values as the consultation views show them. */

import { LANGUAGE, parseTime } from "./format.js";

export const LANGUAGES = { en: "English", ko: "Korean" };
export const STATUSES = { waiting: "Waiting", active: "Active", closed: "Closed" };
const SENDERS = { user: "Customer", assistant: "Assistant", system: "System" };
const REASONS = { requested: "Asked for a pharmacist",
  accepted_offer: "Accepted the assistant's offer of a pharmacist" };

export function duration(seconds) {
  const total = Math.max(0, Math.round(Number(seconds) || 0));
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function clock(value) {
  const date = parseTime(value);
  if (!date || Number.isNaN(date.getTime())) return "";
  return date.toLocaleTimeString(LANGUAGE, { hour: "2-digit", minute: "2-digit" });
}

export function senderLabel(message) {
  if (message.sender === "pharmacist") {
    return message.author ? `Pharmacist ${message.author}` : "Pharmacist";
  }
  return SENDERS[message.sender] || message.sender;
}

export function reasonText(reason) {
  if (REASONS[reason]) return REASONS[reason];
  const words = String(reason || "").replace(/_/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : REASONS.requested;
}

export function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}
