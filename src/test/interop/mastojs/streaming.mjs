// A streaming client as apps built on masto.js open it: the WebSocket at /api/v1/streaming with the token as its
// subprotocol, subscribed to the user stream; waits for the first update and prints one JSON line.
//   node streaming.mjs http://127.0.0.1:<port> <access token>
import { createStreamingAPIClient } from "masto";

const [url, accessToken] = process.argv.slice(2);
const streaming = createStreamingAPIClient({ streamingApiUrl: url.replace(/^http/, "ws"), accessToken, retry: false });
const timer = setTimeout(() => {
  console.log(JSON.stringify({ error: "no update within 20 s" }));
  process.exit(2);
}, 20000);
const subscription = streaming.user.subscribe();
console.error("subscribed");
for await (const event of subscription) {
  if (event.event !== "update") continue;
  console.log(JSON.stringify({ event: event.event, stream: event.stream, uri: event.payload.uri, acct: event.payload.account.acct }));
  break;
}
clearTimeout(timer);
subscription.unsubscribe();
streaming.close();
process.exit(0);
