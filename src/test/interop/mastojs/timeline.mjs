// What an app reads right after login, through masto.js with a person's token: its own account, the home
// timeline page by page (masto.js follows the Link headers), a status's thread, an account by acct and the
// relationships with it. Prints one JSON line.
//   node timeline.mjs http://127.0.0.1:<port> <access token> <acct to look up>
import { createRestAPIClient } from "masto";

const [url, accessToken, acct] = process.argv.slice(2);
const rest = createRestAPIClient({ url, accessToken });
const me = await rest.v1.accounts.verifyCredentials();
const pages = [];
for await (const page of rest.v1.timelines.home.list({ limit: 2 })) {
  pages.push(page.map((s) => s.id));
  if (pages.length === 10) break;
}
const newest = await rest.v1.timelines.home.list({ limit: 1 });
const context = await rest.v1.statuses.$select(newest[0].id).context.fetch();
const other = await rest.v1.accounts.lookup({ acct });
const relationships = await rest.v1.accounts.relationships.fetch({ id: [other.id] });
console.log(JSON.stringify({
  me: { id: me.id, acct: me.acct, avatar: me.avatar, privacy: me.source.privacy },
  pages,
  newest: { id: newest[0].id, content: newest[0].content, acct: newest[0].account.acct },
  context: { ancestors: context.ancestors.length, descendants: context.descendants.length },
  other: { id: other.id, acct: other.acct },
  following: relationships[0].following,
}));
