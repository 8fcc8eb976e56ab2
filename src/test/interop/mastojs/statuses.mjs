// What an app writes, through masto.js with a person's token: a status with a content warning (twice with the same
// Idempotency-Key, as an app retries), its edit, the edit form's source and the history, and delete and redraft.
// Prints one JSON line.
//   node statuses.mjs http://127.0.0.1:<port> <access token>
import { createRestAPIClient } from "masto";

const [url, accessToken] = process.argv.slice(2);
const rest = createRestAPIClient({ url, accessToken });
const once = { requestInit: { headers: { "Idempotency-Key": "masto-js-" + Date.now() } } };
const created = await rest.v1.statuses.create({ status: "Aus masto.js #Test", spoilerText: "Hinweis", visibility: "unlisted", language: "de" }, once);
const retried = await rest.v1.statuses.create({ status: "Aus masto.js #Test", spoilerText: "Hinweis", visibility: "unlisted", language: "de" }, once);
const edited = await rest.v1.statuses.$select(created.id).update({ status: "Aus masto.js, bearbeitet" });
const source = await rest.v1.statuses.$select(created.id).source.fetch();
const history = await rest.v1.statuses.$select(created.id).history.list();
const removed = await rest.v1.statuses.$select(created.id).remove();
let afterwards = 0;
try {
  await rest.v1.statuses.$select(created.id).fetch();
  afterwards = 200;
} catch (e) {
  afterwards = e.statusCode ?? -1;
}
console.log(JSON.stringify({
  created: { id: created.id, visibility: created.visibility, spoilerText: created.spoilerText, sensitive: created.sensitive,
             tags: created.tags.map((t) => t.name) },
  retried: retried.id,
  edited: { content: edited.content, editedAt: edited.editedAt },
  source: { text: source.text, spoilerText: source.spoilerText },
  history: history.map((h) => h.content),
  removed: { text: removed.text },
  afterwards,
}));
