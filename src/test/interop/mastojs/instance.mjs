// What an app reads before anyone logs in, through masto.js: the instance (v2 and v1), custom emojis and
// trending tags. Prints one JSON line.
//   node instance.mjs http://127.0.0.1:<port>
import { createRestAPIClient } from "masto";

const rest = createRestAPIClient({ url: process.argv[2] });
const v2 = await rest.v2.instance.fetch();
const v1 = await rest.v1.instance.fetch();
const emojis = await rest.v1.customEmojis.list();
const tags = await rest.v1.trends.tags.list();
console.log(JSON.stringify({
  v2: { domain: v2.domain, title: v2.title, version: v2.version, maxCharacters: v2.configuration.statuses.maxCharacters,
        streaming: v2.configuration.urls.streaming, registrations: v2.registrations.enabled },
  v1: { uri: v1.uri, version: v1.version, streamingApi: v1.urls.streamingApi },
  emojis: emojis.length,
  tags: tags.length,
}));
