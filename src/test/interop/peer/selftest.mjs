#!/usr/bin/env node
// Self-test of the interop peer: two peers on loopback federate with each other.
//   node selftest.mjs
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

async function startPeer(name) {
  const started = performance.now();
  const child = spawn(process.execPath, [join(here, "peer.mjs"), "--port", "0", "--watch-stdin"], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const stderr = [];
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (d) => {
    stderr.push(d);
    if (process.env.PEER_SELFTEST_VERBOSE) process.stderr.write(`[${name}] ${d}`);
  });
  const lines = createInterface({ input: child.stdout });
  const extra = [];
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: no READY line within 30 s\n${stderr.join("")}`)), 30_000);
    child.once("exit", (code) => reject(new Error(`${name} exited (${code}) before READY\n${stderr.join("")}`)));
    lines.once("line", (line) => {
      clearTimeout(timer);
      resolve(line);
    });
  });
  lines.on("line", (l) => extra.push(l));
  const m = /^READY (\{.*\})$/.exec(ready);
  assert.ok(m, `${name}: unexpected first stdout line ${JSON.stringify(ready)}`);
  const info = JSON.parse(m[1]);
  const ms = Math.round(performance.now() - started);
  process.stderr.write(`# ${name}: READY after ${ms} ms at ${info.actor}\n`);
  const base = `http://127.0.0.1:${info.port}`;
  const call = async (method, path, body) => {
    const r = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${name} ${method} ${path} -> ${r.status}: ${text}`);
    return JSON.parse(text);
  };
  return { name, child, info, base, call, extraStdout: extra, stderr, startupMs: ms };
}

async function eventually(what, fn, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let a;
let b;
before(async () => {
  [a, b] = await Promise.all([startPeer("A"), startPeer("B")]);
});
after(async () => {
  for (const p of [a, b]) {
    if (p == null || p.child.exitCode != null) continue;
    p.child.kill("SIGTERM");
    await once(p.child, "exit");
  }
});

test("startup prints one READY line and is fast", () => {
  for (const p of [a, b]) {
    assert.equal(p.info.actor, `http://127.0.0.1:${p.info.port}/users/peer`);
    assert.ok(p.startupMs < 5000, `${p.name} took ${p.startupMs} ms`);
  }
});

test("actor document and WebFinger", async () => {
  const r = await fetch(b.info.actor, { headers: { Accept: "application/activity+json" } });
  assert.equal(r.status, 200);
  assert.match(r.headers.get("content-type"), /^application\/activity\+json/);
  const actor = await r.json();
  assert.equal(actor.type, "Person");
  assert.equal(actor.preferredUsername, "peer");
  assert.equal(actor.inbox, `${b.base}/users/peer/inbox`);
  assert.equal(actor.endpoints.sharedInbox, `${b.base}/inbox`);
  assert.match(actor.publicKey.publicKeyPem, /BEGIN PUBLIC KEY/);
  assert.ok(actor.assertionMethod.some((k) => k.type === "Multikey" && k.publicKeyMultibase.startsWith("z6Mk")), "Ed25519 Multikey");
  const wf = await fetch(`${b.base}/.well-known/webfinger?resource=acct:peer@127.0.0.1:${b.info.port}`);
  assert.equal(wf.status, 200);
  const jrd = await wf.json();
  assert.ok(jrd.links.some((l) => l.rel === "self" && l.href === b.info.actor));
});

test("A follows B (by acct handle), B auto-accepts", async () => {
  const { followId } = await a.call("POST", "/_control/follow", { target: `acct:peer@127.0.0.1:${b.info.port}` });
  assert.ok(followId.startsWith(a.base));
  await eventually("A's follow accepted", async () => (await a.call("GET", "/_control/following")).includes(b.info.actor));
  assert.deepEqual(await b.call("GET", "/_control/followers"), [a.info.actor]);
  const follow = (await b.call("GET", "/_control/inbox")).find((e) => e.type === "Follow");
  assert.equal(follow.id, followId);
  assert.equal(follow.signatureVerified, true);
  assert.equal(follow.proofVerified, true);
  const accept = (await a.call("GET", "/_control/inbox")).find((e) => e.type === "Accept");
  assert.equal(accept.actor, b.info.actor);
  assert.equal(accept.signatureVerified, true);
  const embedded = accept.activity.object;
  assert.equal(typeof embedded === "object" ? embedded.id : embedded, followId);
});

test("B posts, A receives Create(Note) with verified HTTP signature and proof", async () => {
  const { id, activityId } = await b.call("POST", "/_control/post", { content: "<p>hi</p>" });
  const create = await eventually("Create at A", async () =>
    (await a.call("GET", "/_control/inbox")).find((e) => e.type === "Create" && e.id === activityId),
  );
  assert.equal(create.actor, b.info.actor);
  assert.equal(create.signatureVerified, true);
  assert.equal(create.proofVerified, true);
  const proof = (await a.call("GET", "/_control/proofs")).find((p) => p.activityId === activityId && p.path === "activity");
  assert.deepEqual([proof.hasProof, proof.proofValid, proof.verified, proof.status], [true, true, true, 202]);
  assert.equal(proof.keyId, `${b.info.actor}#key-2`);
  assert.equal(create.activity.object.id, id);
  assert.equal(create.activity.object.content, "<p>hi</p>");
  assert.ok([create.activity.to].flat().includes("as:Public") || [create.activity.to].flat().includes("https://www.w3.org/ns/activitystreams#Public"));
  // the note is dereferenceable
  const note = await fetch(id, { headers: { Accept: "application/activity+json" } });
  assert.equal(note.status, 200);
  assert.equal((await note.json()).type, "Note");
});

test("A likes and announces B's note; B records them", async () => {
  const { id: noteId } = await b.call("POST", "/_control/post", { content: "<p>like me</p>" });
  const like = await a.call("POST", "/_control/like", { object: noteId });
  const announce = await a.call("POST", "/_control/announce", { object: noteId });
  const inboxB = await eventually("Like+Announce at B", async () => {
    const list = await b.call("GET", "/_control/inbox");
    return list.some((e) => e.id === like.id) && list.some((e) => e.id === announce.id) ? list : null;
  });
  for (const e of inboxB.filter((x) => x.type === "Like" || x.type === "Announce")) assert.equal(e.signatureVerified, true);
});

test("raw send: signed is accepted, unsigned and forged are rejected", async () => {
  const mk = () => ({
    "@context": "https://www.w3.org/ns/activitystreams",
    id: `${a.base}/activities/raw-${Math.random().toString(36).slice(2)}`,
    type: "Like",
    actor: a.info.actor,
    object: `${b.base}/users/peer/notes/whatever`,
  });
  const ok = await a.call("POST", "/_control/send", { inbox: `${b.base}/inbox`, activity: mk() });
  assert.equal(ok.status, 202);
  const unsigned = await a.call("POST", "/_control/send", { inbox: `${b.base}/inbox`, activity: mk(), sign: false });
  assert.equal(unsigned.status, 401);
  const forged = mk();
  forged.actor = b.info.actor; // signed by A's key, claims to be B
  const bad = await a.call("POST", "/_control/send", { inbox: `${b.base}/inbox`, activity: forged });
  assert.equal(bad.status, 401);
  const rejected = await b.call("GET", "/_control/rejected");
  assert.ok(rejected.length >= 2);
});

test("reset clears the recorded inbox; unfollow removes the follower", async () => {
  await b.call("POST", "/_control/reset");
  assert.deepEqual(await b.call("GET", "/_control/inbox"), []);
  await a.call("POST", "/_control/unfollow", { target: b.info.actor });
  await eventually("follower removed at B", async () => (await b.call("GET", "/_control/followers")).length === 0);
  const undo = (await b.call("GET", "/_control/inbox")).find((e) => e.type === "Undo");
  assert.equal(undo.signatureVerified, true);
  assert.deepEqual(await a.call("GET", "/_control/following"), []);
});

test("nothing but READY on stdout; SIGTERM exits cleanly", async () => {
  assert.deepEqual(a.extraStdout, []);
  assert.deepEqual(b.extraStdout, []);
  b.child.kill("SIGTERM");
  const [code] = await once(b.child, "exit");
  assert.equal(code, 0);
});
