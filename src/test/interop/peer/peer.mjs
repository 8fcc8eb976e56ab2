#!/usr/bin/env node
// Allmende interop peer: an independent ActivityPub server built on Fedify,
// used by the Java test suite to prove interoperability on loopback.
//
//   node peer.mjs --port <P> [--watch-stdin]
//
// stdout carries exactly one line, `READY {"port":…,"actor":…}`; all logs go
// to stderr. See README.md in this folder for the control API.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import http from "node:http";
import process from "node:process";
import { parseArgs } from "node:util";

import { Temporal } from "@js-temporal/polyfill";
import { configure, getLogger } from "@logtape/logtape";
import {
  Accept,
  Activity,
  Announce,
  Create,
  createFederation,
  Delete,
  Endpoints,
  Follow,
  Like,
  MemoryKvStore,
  Mention,
  Note,
  Person,
  PUBLIC_COLLECTION,
  Reject,
  signObject,
  signRequest,
  Tombstone,
  Undo,
  Update,
  verifyRequest,
} from "@fedify/fedify";

import { checkProofs } from "./proofs.mjs";

const t0 = performance.now();
const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    "watch-stdin": { type: "boolean", default: false },
    "log-level": { type: "string", default: process.env.PEER_LOG_LEVEL ?? "warning" },
  },
  strict: true,
});

// ---------------------------------------------------------------- logging ---
// LogTape's console sink writes info/debug to stdout; stdout is reserved for
// the READY line, so every record goes to stderr.
const levels = ["debug", "info", "warning", "error", "fatal"];
const lowestLevel = levels.includes(args["log-level"]) ? args["log-level"] : "warning";
function stderrSink(record) {
  const msg = record.message.map((p, i) => (i % 2 === 0 ? p : typeof p === "string" ? p : safeJson(p))).join("");
  process.stderr.write(`${new Date(record.timestamp).toISOString()} ${record.level.toUpperCase()} ${record.category.join(".")}: ${msg}\n`);
}
function safeJson(v) {
  if (v instanceof Error) return v.stack ?? String(v);
  if (v instanceof URL) return v.href;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
await configure({
  contextLocalStorage: new AsyncLocalStorage(),
  sinks: { stderr: stderrSink },
  loggers: [
    { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["stderr"] },
    { category: "fedify", lowestLevel, sinks: ["stderr"] },
    { category: "peer", lowestLevel: lowestLevel === "debug" ? "debug" : "info", sinks: ["stderr"] },
  ],
});
const log = getLogger(["peer"]);

// ------------------------------------------------------------------- state ---
const IDENTIFIER = "peer";
/** Activities the library accepted (listener ran), newest last. */
const inbox = [];
/** Inbox POSTs the library refused (non-2xx), newest last. */
const rejected = [];
/** Fedify's proof checks of every inbox POST (accepted or not), one entry per activity/embedded object. */
const proofs = [];
/** Activities this peer sent: {id, type, activity, recipients, deliveries:[{inbox?,ok,error?}]} */
const sent = [];
/** JSON-LD of this peer's own activities by IRI, served on GET. */
const ownActivities = new Map();
/** Notes by local id. */
const notes = new Map();
/** Followers: actor IRI -> {id, inboxId, sharedInbox, followId} */
const followers = new Map();
/** Outbound follows: followId -> {followId, target, state: pending|accepted|rejected|undone} */
const follows = new Map();

/** Per inbound request: raw JSON + independent verification results. */
const requestScope = new AsyncLocalStorage();

// ------------------------------------------------------------------- keys ----
// RSA-2048 (Fedify's own generator makes 4096-bit keys, which costs ~1 s of startup).
const [rsaPair, ed25519Pair] = await Promise.all([
  crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  ),
  crypto.subtle.generateKey("Ed25519", true, ["sign", "verify"]),
]);

// ----------------------------------------------------------------- server ----
let origin; // set once listening
let federation;

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    log.error("Unhandled error for {method} {url}: {err}", { method: req.method, url: req.url, err });
    if (!res.headersSent) sendJson(res, 500, { error: String(err?.message ?? err) });
    else res.end();
  });
});
server.keepAliveTimeout = 5000;

await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(Number(args.port), args.host, resolve);
});
const port = server.address().port;
const hostForUrl = args.host.includes(":") ? `[${args.host}]` : args.host;
origin = `http://${hostForUrl}:${port}`;
federation = buildFederation(origin);
const actorIri = new URL(`/users/${IDENTIFIER}`, origin).href;

process.stdout.write(`READY ${JSON.stringify({ port, actor: actorIri })}\n`);
log.info("Peer ready at {actor} in {ms} ms", { actor: actorIri, ms: Math.round(performance.now() - t0) });

// ------------------------------------------------------------- federation ----
function buildFederation(origin) {
  const fed = createFederation({
    kv: new MemoryKvStore(),
    origin,
    allowPrivateAddress: true, // everything runs on 127.0.0.1 over plain http
    signatureTimeWindow: { minutes: 5 },
    userAgent: { software: "allmende-interop-peer/0.1" },
  });

  fed
    .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
      if (identifier !== IDENTIFIER) return null;
      const keys = await ctx.getActorKeyPairs(identifier);
      return new Person({
        id: ctx.getActorUri(identifier),
        preferredUsername: identifier,
        name: "Interop Peer",
        summary: "Independent ActivityPub test peer (Fedify) for Allmende",
        url: ctx.getActorUri(identifier),
        inbox: ctx.getInboxUri(identifier),
        outbox: ctx.getOutboxUri(identifier),
        followers: ctx.getFollowersUri(identifier),
        following: ctx.getFollowingUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        manuallyApprovesFollowers: false,
        discoverable: true,
        publicKey: keys[0].cryptographicKey,
        assertionMethods: keys.map((k) => k.multikey),
      });
    })
    .mapHandle((_ctx, username) => (username === IDENTIFIER ? IDENTIFIER : null))
    .setKeyPairsDispatcher((_ctx, identifier) => (identifier === IDENTIFIER ? [rsaPair, ed25519Pair] : []));

  fed
    .setFollowersDispatcher("/users/{identifier}/followers", (_ctx, identifier) => {
      if (identifier !== IDENTIFIER) return null;
      return {
        items: [...followers.values()].map((f) => ({
          id: new URL(f.id),
          inboxId: f.inboxId ? new URL(f.inboxId) : null,
          endpoints: { sharedInbox: f.sharedInbox ? new URL(f.sharedInbox) : null },
        })),
      };
    })
    .setCounter((_ctx, identifier) => (identifier === IDENTIFIER ? followers.size : null));

  fed
    .setFollowingDispatcher("/users/{identifier}/following", (_ctx, identifier) => {
      if (identifier !== IDENTIFIER) return null;
      return { items: acceptedFollowTargets().map((t) => new URL(t)) };
    })
    .setCounter((_ctx, identifier) => (identifier === IDENTIFIER ? acceptedFollowTargets().length : null));

  fed
    .setOutboxDispatcher("/users/{identifier}/outbox", (_ctx, identifier) => {
      if (identifier !== IDENTIFIER) return null;
      return { items: sent.filter((s) => s.object instanceof Create).map((s) => s.object).reverse() };
    })
    .setCounter((_ctx, identifier) => (identifier === IDENTIFIER ? sent.filter((s) => s.object instanceof Create).length : null));

  fed.setObjectDispatcher(Note, "/users/{identifier}/notes/{id}", (_ctx, { identifier, id }) => {
    if (identifier !== IDENTIFIER) return null;
    return notes.get(id) ?? null;
  });

  fed
    .setInboxListeners("/users/{identifier}/inbox", "/inbox")
    .on(Follow, async (ctx, follow) => {
      record(ctx, follow);
      if (follow.objectId?.href !== ctx.getActorUri(IDENTIFIER).href || follow.actorId == null) return;
      const follower = await follow.getActor({ documentLoader: await peerLoader(ctx), contextLoader: ctx.contextLoader });
      if (follower == null || follower.id == null) throw new Error(`cannot resolve follower ${follow.actorId?.href}`);
      followers.set(follower.id.href, {
        id: follower.id.href,
        inboxId: follower.inboxId?.href ?? null,
        sharedInbox: follower.endpoints?.sharedInbox?.href ?? null,
        followId: follow.id?.href ?? null,
      });
      const accept = new Accept({
        id: newActivityIri(ctx),
        actor: ctx.getActorUri(IDENTIFIER),
        // Embed a minimal Follow (id, actor, object) rather than the hydrated
        // one, which would carry the follower's whole actor document and the
        // Follow's original (now non-matching) proof.
        object: new Follow({ id: follow.id, actor: follow.actorId, object: follow.objectId }),
        to: follower.id,
      });
      // Like a real server, answer after the Follow's POST has been acknowledged.
      afterResponse(() => deliver(ctx, [follower], accept));
    })
    .on(Accept, async (ctx, accept) => {
      record(ctx, accept);
      const f = await matchOwnFollow(ctx, accept);
      if (f != null) f.state = "accepted";
    })
    .on(Reject, async (ctx, reject) => {
      record(ctx, reject);
      const f = await matchOwnFollow(ctx, reject);
      if (f != null) f.state = "rejected";
    })
    .on(Undo, async (ctx, undo) => {
      record(ctx, undo);
      const actor = undo.actorId?.href;
      const follower = actor == null ? null : followers.get(actor);
      if (follower == null) return;
      const raw = currentScope()?.json?.object;
      const rawType = typeof raw === "object" && raw != null ? raw.type : null;
      const objectId = undo.objectId?.href;
      if (rawType === "Follow" || (objectId != null && objectId === follower.followId)) followers.delete(actor);
    })
    .on(Create, async (ctx, a) => record(ctx, a))
    .on(Update, async (ctx, a) => record(ctx, a))
    .on(Delete, async (ctx, a) => {
      record(ctx, a);
      // A deleted actor is no longer a follower.
      if (a.objectId != null && a.objectId.href === a.actorId?.href) followers.delete(a.actorId.href);
    })
    .on(Announce, async (ctx, a) => record(ctx, a))
    .on(Like, async (ctx, a) => record(ctx, a))
    .on(Activity, async (ctx, a) => record(ctx, a)) // every other activity type
    .onError((_ctx, error) => log.error("Inbox listener failed: {error}", { error }));

  return fed;
}

function acceptedFollowTargets() {
  return [...new Set([...follows.values()].filter((f) => f.state === "accepted").map((f) => f.target))];
}

async function matchOwnFollow(ctx, response) {
  const me = ctx.getActorUri(IDENTIFIER).href;
  const objectId = response.objectId?.href;
  if (objectId != null && follows.has(objectId)) return follows.get(objectId);
  // Object may be an embedded Follow without a known id, or an id we cannot map: match by target.
  const raw = currentScope()?.json?.object;
  const embeddedActor = typeof raw === "object" && raw != null ? (typeof raw.actor === "string" ? raw.actor : raw.actor?.id) : me;
  if (embeddedActor !== me) return null;
  const from = response.actorId?.href;
  const candidates = [...follows.values()].filter((f) => f.target === from && f.state === "pending");
  return candidates.at(-1) ?? null;
}

function currentScope() {
  return requestScope.getStore();
}

function record(ctx, activity) {
  const scope = currentScope();
  const json = scope?.json ?? null;
  const actor = json == null ? activity.actorId?.href ?? null : typeof json.actor === "string" ? json.actor : json.actor?.id ?? null;
  inbox.push({
    type: json?.type ?? activity.constructor.name,
    id: json?.id ?? activity.id?.href ?? null,
    actor,
    activity: json,
    signatureVerified: scope?.signatureVerified ?? false,
    signatureKeyId: scope?.signatureKeyId ?? null,
    proofVerified: scope?.proofVerified ?? null,
    objectProofVerified: scope?.objectProofVerified ?? null,
    inbox: scope?.inboxPath ?? null,
    receivedAt: new Date().toISOString(),
  });
  log.info("Inbox: {type} {id} from {actor}", { type: json?.type, id: json?.id, actor });
}

function afterResponse(fn) {
  const scope = currentScope();
  if (scope != null) scope.after.push(fn);
  else setImmediate(fn);
}

function newActivityIri(ctx) {
  return new URL(`/activities/${randomUUID()}`, ctx.origin);
}

async function peerLoader(ctx) {
  return await ctx.getDocumentLoader({ identifier: IDENTIFIER });
}

/** Sends through Fedify's sendActivity (HTTP signature + LD signature + FEP-8b32 proof). */
async function deliver(ctx, recipients, activity, options = {}) {
  const json = await activity.toJsonLd({ format: "compact", contextLoader: ctx.contextLoader });
  if (activity.id != null) ownActivities.set(activity.id.href, json);
  const entry = {
    id: activity.id?.href ?? null,
    type: json.type,
    activity: json,
    object: activity,
    recipients: recipients === "followers" ? "followers" : recipients.map((r) => r.id?.href ?? null),
    ok: null,
    error: null,
    sentAt: new Date().toISOString(),
  };
  sent.push(entry);
  try {
    // As a server with a delivery queue does: a 429 (the node still fetching our key) is retried shortly.
    for (let attempt = 1; ; attempt++) {
      try {
        await ctx.sendActivity({ identifier: IDENTIFIER }, recipients, activity, options);
        break;
      } catch (e) {
        if (attempt >= 20 || !String(e?.message ?? e).includes("429")) throw e;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    entry.ok = true;
  } catch (e) {
    entry.ok = false;
    entry.error = String(e?.message ?? e);
    log.warn("Delivery of {id} failed: {error}", { id: entry.id, error: entry.error });
    throw e;
  }
}

// ------------------------------------------------------------- HTTP glue -----
async function handle(req, res) {
  const url = new URL(req.url, origin);
  if (url.pathname.startsWith("/_control/")) return await control(req, res, url);

  const body = req.method === "GET" || req.method === "HEAD" ? null : await readBody(req);

  // Own activities (Follow, Accept, Like, …) are dereferenceable.
  if ((req.method === "GET" || req.method === "HEAD") && url.pathname.startsWith("/activities/")) {
    const json = ownActivities.get(new URL(url.pathname, origin).href);
    if (json == null) return sendJson(res, 404, { error: "not found" });
    res.writeHead(200, { "Content-Type": "application/activity+json", Vary: "Accept" });
    return res.end(req.method === "HEAD" ? undefined : JSON.stringify(json));
  }

  const request = new Request(url, {
    method: req.method,
    headers: toHeaders(req.headers),
    body: body == null ? undefined : body,
  });

  const isInboxPost = req.method === "POST" && (url.pathname === "/inbox" || url.pathname === `/users/${IDENTIFIER}/inbox`);
  const scope = { json: null, signatureVerified: false, signatureKeyId: null, proofVerified: null, objectProofVerified: null, proofs: [], inboxPath: url.pathname, after: [] };
  if (isInboxPost) await preVerify(request, body, scope);

  const response = await requestScope.run(scope, () =>
    federation.fetch(request, {
      contextData: undefined,
      onNotFound: () => new Response(JSON.stringify({ error: "not found" }), { status: 404, headers: { "Content-Type": "application/json" } }),
      onNotAcceptable: () => new Response("Not acceptable", { status: 406, headers: { "Content-Type": "text/plain", Vary: "Accept" } }),
    }),
  );

  const payload = Buffer.from(await response.arrayBuffer());
  if (isInboxPost) {
    const receivedAt = new Date().toISOString();
    for (const p of scope.proofs) proofs.push({ activityId: scope.json?.id ?? null, status: response.status, ...p, receivedAt });
  }
  if (isInboxPost && !response.ok) {
    rejected.push({
      status: response.status,
      reason: payload.toString("utf8"),
      activity: scope.json,
      signatureVerified: scope.signatureVerified,
      proofVerified: scope.proofVerified,
      inbox: url.pathname,
      receivedAt: new Date().toISOString(),
    });
    log.info("Inbox rejected ({status}): {reason}", { status: response.status, reason: payload.toString("utf8") });
  }
  const headers = {};
  response.headers.forEach((v, k) => {
    headers[k] = v;
  });
  res.writeHead(response.status, headers);
  res.end(req.method === "HEAD" ? undefined : payload);
  for (const fn of scope.after) {
    setImmediate(() => Promise.resolve().then(fn).catch((e) => log.warn("Deferred task failed: {e}", { e })));
  }
}

/**
 * Fedify skips the HTTP signature check when an LD signature or an FEP-8b32
 * proof already authenticates the activity, so the peer checks both
 * independently (with Fedify's own verifiers) to report them separately.
 */
async function preVerify(request, body, scope) {
  try {
    scope.json = JSON.parse(body.toString("utf8"));
  } catch {
    return;
  }
  const ctx = federation.createContext(new URL(origin), undefined);
  const opts = { documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader };
  try {
    const key = await verifyRequest(request, { ...opts, timeWindow: { minutes: 5 } });
    scope.signatureVerified = key != null;
    scope.signatureKeyId = key?.id?.href ?? null;
  } catch (e) {
    log.info("HTTP signature check threw: {e}", { e });
  }
  scope.proofs = await checkProofs(scope.json, opts);
  scope.proofVerified = scope.proofs.find((p) => p.path === "activity")?.verified ?? null;
  scope.objectProofVerified = scope.proofs.find((p) => p.path === "object")?.verified ?? null;
}

function toHeaders(nodeHeaders) {
  const h = new Headers();
  for (const [k, v] of Object.entries(nodeHeaders)) {
    if (v == null) continue;
    if (Array.isArray(v)) for (const x of v) h.append(k, x);
    else h.set(k, v);
  }
  return h;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function sendJson(res, status, obj) {
  const data = JSON.stringify(obj);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(data) });
  res.end(data);
}

class HttpError extends Error {
  constructor(status, message, extra = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
  }
}

// ------------------------------------------------------------ control API ----
async function control(req, res, url) {
  const route = `${req.method} ${url.pathname.replace(/\/+$/, "")}`;
  let input = {};
  if (req.method === "POST") {
    const raw = (await readBody(req)).toString("utf8");
    if (raw.trim() !== "") {
      try {
        input = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, { error: "body is not JSON" });
      }
    }
  }
  const ctx = federation.createContext(new URL(origin), undefined);
  try {
    switch (route) {
      case "GET /_control/health":
        return sendJson(res, 200, { ok: true, actor: actorIri, port });
      case "GET /_control/inbox":
        return sendJson(res, 200, inbox);
      case "GET /_control/inbox/count": // for pollers (benchmarks): the whole inbox as JSON gets large
        return sendJson(res, 200, { count: inbox.length });
      case "GET /_control/rejected":
        return sendJson(res, 200, rejected);
      case "GET /_control/proofs":
        return sendJson(res, 200, proofs);
      case "GET /_control/sent":
        return sendJson(res, 200, sent.map(({ object: _o, ...rest }) => rest));
      case "GET /_control/followers":
        return sendJson(res, 200, [...followers.keys()]);
      case "GET /_control/following":
        return sendJson(res, 200, acceptedFollowTargets());
      case "GET /_control/follows":
        return sendJson(res, 200, [...follows.values()]);
      case "POST /_control/reset":
        inbox.length = 0;
        rejected.length = 0;
        proofs.length = 0;
        return sendJson(res, 200, { ok: true });
      case "POST /_control/follow":
        return sendJson(res, 200, await doFollow(ctx, requireString(input, "target")));
      case "POST /_control/unfollow":
        return sendJson(res, 200, await doUnfollow(ctx, requireString(input, "target")));
      case "POST /_control/post":
        return sendJson(res, 200, await doPost(ctx, input));
      case "POST /_control/update":
        return sendJson(res, 200, await doUpdate(ctx, input));
      case "POST /_control/delete":
        return sendJson(res, 200, await doDelete(ctx, input));
      case "POST /_control/like":
        return sendJson(res, 200, await doReact(ctx, Like, requireString(input, "object")));
      case "POST /_control/announce":
        return sendJson(res, 200, await doReact(ctx, Announce, requireString(input, "object")));
      case "POST /_control/undo":
        return sendJson(res, 200, await doUndo(ctx, requireString(input, "id")));
      case "POST /_control/send":
        return sendJson(res, 200, await doSend(ctx, input));
      default:
        return sendJson(res, 404, { error: `unknown control route ${route}` });
    }
  } catch (e) {
    const status = e instanceof HttpError ? e.status : 500;
    log.warn("Control {route} failed: {e}", { route, e });
    return sendJson(res, status, { error: String(e?.message ?? e), ...(e?.extra ?? {}) });
  }
}

function requireString(input, name) {
  const v = input?.[name];
  if (typeof v !== "string" || v === "") throw new HttpError(400, `missing string field "${name}"`);
  return v;
}

/** Resolves an actor IRI or acct:user@host (WebFinger over http for loopback hosts). */
async function resolveActor(ctx, target) {
  const loader = await peerLoader(ctx);
  let iri = target;
  const handle = target.replace(/^acct:/, "").replace(/^@/, "");
  if (!/^https?:\/\//.test(target) && handle.includes("@")) {
    const host = handle.slice(handle.lastIndexOf("@") + 1);
    iri = null;
    for (const scheme of ["http", "https"]) {
      try {
        const wf = new URL(`${scheme}://${host}/.well-known/webfinger`);
        wf.searchParams.set("resource", `acct:${handle}`);
        const r = await fetch(wf, { headers: { Accept: "application/jrd+json, application/json" } });
        if (!r.ok) continue;
        const jrd = await r.json();
        const self = (jrd.links ?? []).find(
          (l) => l.rel === "self" && /application\/(activity\+json|ld\+json)/.test(l.type ?? "") && l.href,
        );
        if (self != null) {
          iri = self.href;
          break;
        }
      } catch (e) {
        log.debug("WebFinger via {scheme} failed: {e}", { scheme, e });
      }
    }
    if (iri == null) throw new HttpError(404, `WebFinger lookup failed for acct:${handle}`);
  }
  const actor = await ctx.lookupObject(iri, { documentLoader: loader });
  if (actor == null || actor.id == null || actor.inboxId == null) throw new HttpError(404, `cannot resolve actor ${iri}`);
  return actor;
}

async function deliverOrFail(ctx, recipients, activity, result, options) {
  try {
    await deliver(ctx, recipients, activity, options);
  } catch (e) {
    throw new HttpError(502, `delivery failed: ${e?.message ?? e}`, result);
  }
  return result;
}

async function doFollow(ctx, target) {
  const actor = await resolveActor(ctx, target);
  const follow = new Follow({ id: newActivityIri(ctx), actor: ctx.getActorUri(IDENTIFIER), object: actor.id, to: actor.id });
  const entry = { followId: follow.id.href, target: actor.id.href, state: "pending" };
  follows.set(entry.followId, entry);
  return await deliverOrFail(ctx, [actor], follow, { followId: entry.followId, target: entry.target });
}

async function doUnfollow(ctx, target) {
  const actor = await resolveActor(ctx, target);
  const mine = [...follows.values()].filter((f) => f.target === actor.id.href && f.state !== "undone");
  if (mine.length === 0) throw new HttpError(404, `not following ${actor.id.href}`);
  const last = mine.at(-1);
  const follow = new Follow({ id: new URL(last.followId), actor: ctx.getActorUri(IDENTIFIER), object: actor.id });
  const undo = new Undo({ id: newActivityIri(ctx), actor: ctx.getActorUri(IDENTIFIER), object: follow, to: actor.id });
  for (const f of mine) f.state = "undone";
  return await deliverOrFail(ctx, [actor], undo, { undoId: undo.id.href, followId: last.followId });
}

async function extraRecipients(ctx, iris) {
  if (iris == null) return [];
  if (!Array.isArray(iris)) throw new HttpError(400, '"to" must be an array of actor IRIs');
  return await Promise.all(iris.map((t) => resolveActor(ctx, t)));
}

async function doPost(ctx, input) {
  const content = requireString(input, "content");
  const addressed = await extraRecipients(ctx, input.to);
  // Mentioned actors are addressed too and tagged as Mastodon does, so their servers notify them.
  const mentioned = await extraRecipients(ctx, input.mention);
  const extra = [...addressed, ...mentioned];
  const localId = randomUUID();
  const noteId = ctx.getObjectUri(Note, { identifier: IDENTIFIER, id: localId });
  const published = Temporal.Now.instant();
  const note = new Note({
    id: noteId,
    attribution: ctx.getActorUri(IDENTIFIER),
    content,
    mediaType: "text/html",
    published,
    url: noteId,
    to: PUBLIC_COLLECTION,
    ccs: [ctx.getFollowersUri(IDENTIFIER), ...extra.map((a) => a.id)],
    replyTarget: typeof input.inReplyTo === "string" ? new URL(input.inReplyTo) : null,
    tags: mentioned.map((a) => new Mention({ href: a.id, name: `@${a.preferredUsername}@${a.id.host}` })),
  });
  notes.set(localId, note);
  const create = new Create({
    id: new URL(`${noteId.href}/activity`),
    actor: ctx.getActorUri(IDENTIFIER),
    object: note,
    to: PUBLIC_COLLECTION,
    ccs: note.ccIds,
    published,
  });
  return await deliverToAudience(ctx, create, extra, { id: noteId.href, activityId: create.id.href });
}

async function deliverToAudience(ctx, activity, extra, result) {
  // Followers (shared inboxes preferred) plus any explicitly addressed actors.
  const recipients = [...followerRecipients(), ...extra.filter((a) => !followers.has(a.id.href))];
  if (recipients.length === 0) {
    const json = await activity.toJsonLd({ format: "compact", contextLoader: ctx.contextLoader });
    ownActivities.set(activity.id.href, json);
    sent.push({ id: activity.id.href, type: json.type, activity: json, object: activity, recipients: [], ok: true, error: null, sentAt: new Date().toISOString() });
    return { ...result, recipients: 0 };
  }
  await deliverOrFail(ctx, recipients, activity, result, { preferSharedInbox: true });
  return { ...result, recipients: recipients.length };
}

function followerRecipients() {
  return [...followers.values()].map((f) => ({
    id: new URL(f.id),
    inboxId: f.inboxId ? new URL(f.inboxId) : null,
    endpoints: { sharedInbox: f.sharedInbox ? new URL(f.sharedInbox) : null },
  }));
}

function findNote(ctx, id) {
  const parsed = ctx.parseUri(new URL(id));
  const localId = parsed?.type === "object" ? parsed.values.id : null;
  const note = localId == null ? null : notes.get(localId);
  if (note == null) throw new HttpError(404, `no such note ${id}`);
  return { localId, note };
}

async function doUpdate(ctx, input) {
  const { localId, note } = findNote(ctx, requireString(input, "id"));
  const updated = note.clone({ content: requireString(input, "content"), updated: Temporal.Now.instant() });
  notes.set(localId, updated);
  const update = new Update({ id: newActivityIri(ctx), actor: ctx.getActorUri(IDENTIFIER), object: updated, to: PUBLIC_COLLECTION, ccs: updated.ccIds });
  return await deliverToAudience(ctx, update, [], { id: updated.id.href, activityId: update.id.href });
}

async function doDelete(ctx, input) {
  const { localId, note } = findNote(ctx, requireString(input, "id"));
  notes.delete(localId);
  const del = new Delete({
    id: newActivityIri(ctx),
    actor: ctx.getActorUri(IDENTIFIER),
    object: new Tombstone({ id: note.id, deleted: Temporal.Now.instant() }),
    to: PUBLIC_COLLECTION,
    ccs: note.ccIds,
  });
  return await deliverToAudience(ctx, del, [], { id: note.id.href, activityId: del.id.href });
}

async function doReact(ctx, cls, objectIri) {
  const loader = await peerLoader(ctx);
  const object = await ctx.lookupObject(objectIri, { documentLoader: loader });
  if (object == null) throw new HttpError(404, `cannot fetch object ${objectIri}`);
  const authorId = object.attributionId ?? (object instanceof Activity ? object.actorId : null);
  if (authorId == null) throw new HttpError(422, `object ${objectIri} has no attributedTo`);
  const author = await resolveActor(ctx, authorId.href);
  const me = ctx.getActorUri(IDENTIFIER);
  const activity =
    cls === Like
      ? new Like({ id: newActivityIri(ctx), actor: me, object: new URL(objectIri), to: author.id })
      : new Announce({
          id: newActivityIri(ctx),
          actor: me,
          object: new URL(objectIri),
          to: PUBLIC_COLLECTION,
          ccs: [author.id, ctx.getFollowersUri(IDENTIFIER)],
          published: Temporal.Now.instant(),
        });
  return await deliverOrFail(ctx, [author], activity, { id: activity.id.href, activityId: activity.id.href, author: author.id.href });
}

async function doUndo(ctx, id) {
  const entry = [...sent].reverse().find((s) => s.id === id);
  if (entry == null) throw new HttpError(404, `no activity ${id} was sent by this peer`);
  const recipients =
    entry.recipients === "followers"
      ? followerRecipients()
      : await Promise.all(entry.recipients.filter((r) => r != null).map((r) => resolveActor(ctx, r)));
  const undo = new Undo({ id: newActivityIri(ctx), actor: ctx.getActorUri(IDENTIFIER), object: entry.object, tos: entry.object.toIds, ccs: entry.object.ccIds });
  if (entry.object instanceof Follow) for (const f of follows.values()) if (f.followId === id) f.state = "undone";
  return await deliverOrFail(ctx, recipients, undo, { id: undo.id.href, activityId: undo.id.href });
}

/**
 * POSTs an arbitrary activity JSON to an inbox. By default it is signed with
 * the peer's RSA key (draft-cavage HTTP signature via Fedify's signRequest).
 * Options: "sign": false sends it unsigned; "proof": true first attaches an
 * FEP-8b32 eddsa-jcs-2022 proof (the JSON is then re-serialised by Fedify);
 * "keyId" overrides the keyId in the Signature header.
 */
async function doSend(ctx, input) {
  const inboxUrl = new URL(requireString(input, "inbox"));
  let activity = input.activity;
  if (activity == null || typeof activity !== "object") throw new HttpError(400, 'missing object field "activity"');
  const keys = await ctx.getActorKeyPairs(IDENTIFIER);
  const rsa = keys.find((k) => k.privateKey.algorithm.name === "RSASSA-PKCS1-v1_5");
  const ed = keys.find((k) => k.privateKey.algorithm.name === "Ed25519");
  if (input.proof === true) {
    const parsed = await Activity.fromJsonLd(activity, { documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader });
    const signed = await signObject(parsed, ed.privateKey, ed.keyId, { contextLoader: ctx.contextLoader, documentLoader: ctx.documentLoader });
    activity = await signed.toJsonLd({ format: "compact", contextLoader: ctx.contextLoader });
  }
  let request = new Request(inboxUrl, {
    method: "POST",
    headers: { "Content-Type": "application/activity+json", Accept: "application/activity+json, application/ld+json" },
    body: JSON.stringify(activity),
  });
  if (input.sign !== false) {
    const keyId = typeof input.keyId === "string" ? new URL(input.keyId) : rsa.keyId;
    request = await signRequest(request, rsa.privateKey, keyId);
  }
  const response = await fetch(request);
  const text = await response.text();
  sent.push({ id: activity.id ?? null, type: activity.type ?? null, activity, object: null, recipients: [inboxUrl.href], ok: response.ok, error: response.ok ? null : `${response.status} ${text}`, sentAt: new Date().toISOString() });
  return { status: response.status, body: text, activity };
}

// --------------------------------------------------------------- shutdown ----
let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log.info("Stopping on {signal}", { signal });
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
if (args["watch-stdin"]) {
  // The Java launcher keeps stdin open; EOF means the parent is gone.
  process.stdin.on("end", () => shutdown("stdin closed"));
  process.stdin.on("error", () => shutdown("stdin error"));
  process.stdin.resume();
}
