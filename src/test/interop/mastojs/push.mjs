// Web Push as an app built on masto.js manages it, with a person's token (scope push): subscribe with a push
// service's endpoint and keys, read the subscription back, change its alerts, unsubscribe. Prints one JSON line.
//   node push.mjs http://127.0.0.1:<port> <access token> <endpoint> <p256dh> <auth>
import { createRestAPIClient } from "masto";

const [url, accessToken, endpoint, p256dh, auth] = process.argv.slice(2);
const rest = createRestAPIClient({ url, accessToken });
const created = await rest.v1.push.subscription.create({
  subscription: { endpoint, keys: { p256dh, auth } },
  data: { alerts: { mention: true, followRequest: true } },
  policy: "follower",
});
const fetched = await rest.v1.push.subscription.fetch();
const updated = await rest.v1.push.subscription.update({ data: { alerts: { favourite: true } } });
await rest.v1.push.subscription.remove();
let afterRemove;
try {
  await rest.v1.push.subscription.fetch();
  afterRemove = "still there";
} catch (e) {
  afterRemove = e.statusCode ?? String(e);
}
const pick = (s) => ({ id: s.id, endpoint: s.endpoint, serverKey: s.serverKey, alerts: s.alerts, policy: s.policy ?? null });
console.log(JSON.stringify({ created: pick(created), fetched: pick(fetched), updated: pick(updated), afterRemove }));
