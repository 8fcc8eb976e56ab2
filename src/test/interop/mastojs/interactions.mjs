// What an app does to a status and an account through masto.js with a person's token: favourite, boost and
// bookmark (and their undos) with the lists that come of them; follow with options, note, mute and unmute; a
// domain block made, listed and lifted (masto.js sends DELETE parameters as a JSON body). Prints one JSON line.
//   node interactions.mjs http://127.0.0.1:<port> <access token> <status id> <account id> <domain>
import { createRestAPIClient } from "masto";

const [url, accessToken, statusId, accountId, domain] = process.argv.slice(2);
const rest = createRestAPIClient({ url, accessToken });
const status = rest.v1.statuses.$select(statusId);
const favourited = await status.favourite();
const favouritedBy = await status.favouritedBy.list();
const favourites = await rest.v1.favourites.list();
const unfavourited = await status.unfavourite();
const boost = await status.reblog();
const rebloggedBy = await status.rebloggedBy.list();
const unboosted = await status.unreblog();
const bookmarked = await status.bookmark();
const bookmarks = await rest.v1.bookmarks.list();
const unbookmarked = await status.unbookmark();

const account = rest.v1.accounts.$select(accountId);
const followed = await account.follow({ reblogs: false, notify: true });
const noted = await account.note({ comment: "Ansprechpartnerin Kultur" });
const muted = await account.mute({ notifications: false });
const mutes = await rest.v1.mutes.list();
const unmuted = await account.unmute();
const requests = await rest.v1.followRequests.list();
const blocks = await rest.v1.blocks.list();

await rest.v1.domainBlocks.create({ domain });
const domains = await rest.v1.domainBlocks.list();
await rest.v1.domainBlocks.remove({ domain });
const domainsAfter = await rest.v1.domainBlocks.list();

console.log(JSON.stringify({
  favourited: favourited.favourited, favouritedBy: favouritedBy.map((a) => a.acct), favourites: favourites.map((s) => s.id),
  unfavourited: unfavourited.favourited,
  boost: { id: boost.id, of: boost.reblog?.id, reblogged: boost.reblogged }, rebloggedBy: rebloggedBy.map((a) => a.acct),
  unboosted: unboosted.reblogged,
  bookmarked: bookmarked.bookmarked, bookmarks: bookmarks.map((s) => s.id), unbookmarked: unbookmarked.bookmarked,
  followed: { following: followed.following, requested: followed.requested, showingReblogs: followed.showingReblogs, notifying: followed.notifying },
  note: noted.note, muted: muted.muting, mutes: mutes.map((a) => a.id), unmuted: unmuted.muting,
  requests: requests.length, blocks: blocks.length, domains, domainsAfter,
}));
