/* Web chat: the state the chat modules share, and the page's fixed elements. */

export const state = {
  lang: "en",
  busy: false,
  sessionId: "",
  sessionToken: null, // proves this page owns the session: needed to read its messages
  // the session's consultation with a pharmacist: {id, status, pharmacist, after}, where
  // after is the highest message id seen (only newer messages are fetched)
  consultation: null,
  watching: false, // polling until the server says the consultation is closed
  pollTimer: 0,
  pollInFlight: false,
  shownMessages: new Set(), // pharmacist/system message ids already on the page
};

// the page's fixed elements (form, input, send, messages, suggestions, intro): set by init()
export const els = {};
