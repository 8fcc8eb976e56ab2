// An admin edits the municipality's profile as Elk and Phanpy do, through masto.js with a person's token: PATCH
// update_credentials (masto.js sends multipart/form-data, nested fields as fields_attributes[0][name]) with a new
// avatar, then reads verify_credentials back. Prints one JSON line.
//   node profile.mjs http://127.0.0.1:<port> <access token> <image file>
import { readFile } from "node:fs/promises";
import { createRestAPIClient } from "masto";

const [url, accessToken, file] = process.argv.slice(2);
const rest = createRestAPIClient({ url, accessToken });
const bytes = await readFile(file);
const updated = await rest.v1.accounts.updateCredentials({
  displayName: "Stadt Musterstadt (Rathaus)",
  note: "Neuigkeiten aus dem Rathaus.",
  avatar: new Blob([bytes], { type: "image/png" }),
  locked: true,
  fieldsAttributes: [{ name: "Rathaus", value: "https://www.musterstadt.example/rathaus" }, { name: "Telefon", value: "0911 1234-0" }],
  source: { privacy: "unlisted", language: "en" },
});
const me = await rest.v1.accounts.verifyCredentials();
const pick = (a) => ({
  displayName: a.displayName, note: a.note, avatar: a.avatar, locked: a.locked,
  fields: a.fields.map((f) => f.name), privacy: a.source?.privacy, language: a.source?.language,
});
console.log(JSON.stringify({ updated: pick(updated), me: pick(me) }));
