// An independent Mastodon client (masto.js) against an Allmende node: registers an app, gets an app token
// (client_credentials), verifies it, revokes it and checks that it is refused. Prints one JSON line.
//   node apps.mjs http://127.0.0.1:<port>
import { createRestAPIClient, createOAuthAPIClient } from "masto";

const url = process.argv[2];
const result = {};
const rest = createRestAPIClient({ url });
const app = await rest.v1.apps.create({
  clientName: "masto.js interop",
  redirectUris: "urn:ietf:wg:oauth:2.0:oob",
  scopes: "read write",
  website: "https://github.com/neet/masto.js",
});
result.app = { id: app.id, name: app.name, scopes: app.scopes, redirectUris: app.redirectUris, hasSecret: !!app.clientSecret };

const oauth = createOAuthAPIClient({ url });
const token = await oauth.token.create({
  grantType: "client_credentials",
  clientId: app.clientId,
  clientSecret: app.clientSecret,
  redirectUri: "urn:ietf:wg:oauth:2.0:oob",
  scope: "read",
});
result.token = { tokenType: token.tokenType, scope: token.scope, createdAt: token.createdAt };

const authed = createRestAPIClient({ url, accessToken: token.accessToken });
const verified = await authed.v1.apps.verifyCredentials();
result.verified = { name: verified.name, scopes: verified.scopes };

await oauth.revoke({ clientId: app.clientId, clientSecret: app.clientSecret, token: token.accessToken });
try {
  await authed.v1.apps.verifyCredentials();
  result.afterRevoke = "accepted";
} catch (e) {
  result.afterRevoke = e.statusCode ?? String(e);
}
console.log(JSON.stringify(result));
