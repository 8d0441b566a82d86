/* Staff console: the sign-in form and the sign-out button. */

import { api } from "./api.js";
import { $, setError, show } from "./dom.js";
import { clearNotice } from "./notice.js";
import { navigate } from "./router.js";
import { endSession, showSignIn, STAFF_ROLES, startSession } from "./session.js";
import { state } from "./state.js";

export async function signIn(event) {
  event.preventDefault();
  const username = $("signin-username").value.trim();
  const password = $("signin-password").value;
  const error = $("signin-error");
  show($("signin-info"), false);
  if (!username || !password) {
    setError(error, "Enter your username and password.");
    (username ? $("signin-password") : $("signin-username")).focus();
    return;
  }
  const submit = $("signin-submit");
  submit.disabled = true;
  submit.textContent = "Signing in…";
  setError(error, "");
  try {
    const issued = await api("/v1/auth/token", { method: "POST", auth: false,
      form: { username, password } });
    const me = await api("/v1/auth/me", { token: issued.access_token });
    if (!STAFF_ROLES.has(me.role)) {
      error.dataset.reason = "refused";
      setError(error, `The staff console is only for pharmacy staff. “${me.username}” is a ` +
        `${me.role} account, which may not change the knowledge base. Sign in with a ` +
        "staff account, or ask an administrator for access.");
      $("signin-password").value = "";
      return;
    }
    startSession(issued.access_token, issued.expires_in, me);
    $("signin-password").value = "";
    const target = state.returnTo && state.returnTo !== "#/signin" ? state.returnTo : "#/documents";
    state.returnTo = "";
    navigate(target);
  } catch (err) {
    error.dataset.reason = err.status === 401 ? "credentials" : "error";
    setError(error, err.message);
  } finally {
    submit.disabled = false;
    submit.textContent = "Sign in";
  }
}

export function signOut() {
  endSession();
  state.returnTo = "";
  history.replaceState(null, "", "#/documents");
  clearNotice();
  showSignIn("You have signed out.");
}
