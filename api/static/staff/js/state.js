/* Staff console: the state several modules share (each view keeps its own besides). */

export const state = {
  auth: null, // {token, exp, username, fullName, role} while signed in (session.js)
  returnTo: "", // the hash to open once signed in
  seq: 0, // bumped by every view that loads data: answers for an older one are dropped
  keepNotice: false, // the next route change keeps the notice (notice.js flash())
  doc: null, versions: [], // the document on screen and its versions (document_view.js)
  editing: false, // a section editor is open: nothing may re-render the document
  unsaved: null, // () => true while the open section editor holds unsaved text
};
