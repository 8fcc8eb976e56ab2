// Notifications and search as an app does them through masto.js with a person's token: the mentions page by page
// (masto.js follows the Link headers and sends types[] as Mastodon's apps do), one by id, the unread count before and
// after dismissing it, then search v2 resolving a remote account by handle and reading it by the id it got.
// Prints one JSON line.
//   node notifications.mjs http://127.0.0.1:<port> <access token> <@user@host to resolve>
import { createRestAPIClient } from "masto";

const [url, accessToken, handle] = process.argv.slice(2);
const rest = createRestAPIClient({ url, accessToken });
const pages = [];
for await (const page of rest.v1.notifications.list({ limit: 1, types: ["mention"] })) {
  pages.push(page.map((n) => ({ id: n.id, type: n.type, acct: n.account.acct, status: n.status ? n.status.id : null })));
  if (pages.length === 10) break;
}
const first = pages[0][0];
const one = await rest.v1.notifications.$select(first.id).fetch();
const before = await rest.v1.notifications.unreadCount.fetch();
await rest.v1.notifications.$select(first.id).dismiss();
const after = await rest.v1.notifications.unreadCount.fetch();
const found = await rest.v2.search.list({ q: handle, resolve: true, type: "accounts" });
const account = await rest.v1.accounts.$select(found.accounts[0].id).fetch();
console.log(JSON.stringify({
  pages,
  one: { id: one.id, type: one.type, groupKey: one.groupKey, createdAt: one.createdAt },
  unread: { before: before.count, after: after.count },
  resolved: { id: found.accounts[0].id, acct: found.accounts[0].acct, statuses: found.statuses.length, hashtags: found.hashtags.length },
  account: { id: account.id, acct: account.acct, url: account.url },
}));
