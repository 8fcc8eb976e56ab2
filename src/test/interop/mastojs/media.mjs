// What an app does before posting a picture, through masto.js with a person's token: uploads it (v2, multipart,
// with alt text and focus; masto.js polls GET /api/v1/media/:id while url is null), changes its alt text (PUT, JSON)
// and reads it back. Prints one JSON line.
//   node media.mjs http://127.0.0.1:<port> <access token> <image file>
import { readFile } from "node:fs/promises";
import { createRestAPIClient } from "masto";

const [url, accessToken, file] = process.argv.slice(2);
const rest = createRestAPIClient({ url, accessToken });
const bytes = await readFile(file);
const created = await rest.v2.media.create({
  file: new Blob([bytes], { type: "image/jpeg" }),
  description: "Rathaus im Winter",
  focus: "0.25,-0.5",
});
const updated = await rest.v1.media.$select(created.id).update({ description: "Rathaus im Schnee" });
const fetched = await rest.v1.media.$select(created.id).fetch();
const pick = (m) => ({
  id: m.id, type: m.type, url: m.url, previewUrl: m.previewUrl, blurhash: m.blurhash, description: m.description,
  focus: m.meta?.focus, original: m.meta?.original, small: m.meta?.small,
});
console.log(JSON.stringify({ created: pick(created), updated: pick(updated), fetched: pick(fetched) }));
