// What apps call to organise reading, through masto.js with a person's token: the home marker saved and read
// back, a list made, a followed account added, the list timeline, the account removed again (a DELETE with a JSON
// body), the list deleted; a v2 filter with a keyword. Prints one JSON line.
//   node organise.mjs http://127.0.0.1:<port> <access token> <account id to list> <status id to mark read>
import { createRestAPIClient } from "masto";

const [url, accessToken, accountId, statusId] = process.argv.slice(2);
const rest = createRestAPIClient({ url, accessToken });
const saved = await rest.v1.markers.create({ home: { lastReadId: statusId } });
const markers = await rest.v1.markers.fetch({ timeline: ["home", "notifications"] });
const list = await rest.v1.lists.create({ title: "Partnerstädte", exclusive: false });
await rest.v1.lists.$select(list.id).accounts.create({ accountIds: [accountId] });
const members = await rest.v1.lists.$select(list.id).accounts.list();
const timeline = await rest.v1.timelines.list.$select(list.id).list({ limit: 5 });
await rest.v1.lists.$select(list.id).accounts.remove({ accountIds: [accountId] });
const after = await rest.v1.lists.$select(list.id).accounts.list();
await rest.v1.lists.$select(list.id).remove();
const lists = await rest.v1.lists.list();
const filter = await rest.v2.filters.create({ title: "Baustellen", context: ["home"], filterAction: "warn",
  keywordsAttributes: [{ keyword: "Baustelle", wholeWord: true }] });
console.log(JSON.stringify({
  saved: saved.home.lastReadId,
  marker: { lastReadId: markers.home.lastReadId, version: markers.home.version, notifications: markers.notifications ?? null },
  list: { title: list.title, repliesPolicy: list.repliesPolicy },
  members: members.map((a) => a.id),
  timeline: timeline.map((s) => s.id),
  after: after.map((a) => a.id),
  lists: lists.length,
  filter: { title: filter.title, keywords: filter.keywords.map((k) => k.keyword) },
}));
