// Decrypts one Web Push message body (RFC 8291, aes128gcm) as a user agent would, with http_ece, the reference
// implementation of RFC 8188 that the web-push libraries build on: nothing of the node's own code is used.
// Arguments (base64url): the body, the receiver's P-256 private key (32 bytes), its auth secret (16 bytes).
// Prints one JSON line: {"plaintext": "...", "senderKey": "<the as_public key from the header>"} or {"error": "..."}.
import ece from 'http_ece';
import crypto from 'node:crypto';

const [body, privateKey, authSecret] = process.argv.slice(2).map(s => Buffer.from(s, 'base64url'));
try {
  const receiver = crypto.createECDH('prime256v1');
  receiver.setPrivateKey(privateKey);
  const plaintext = ece.decrypt(body, { version: 'aes128gcm', privateKey: receiver, authSecret });
  const idLength = body.readUInt8(20);
  console.log(JSON.stringify({
    plaintext: plaintext.toString('utf8'),
    recordSize: body.readUInt32BE(16),
    senderKey: body.subarray(21, 21 + idLength).toString('base64url'),
  }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e && e.message || e) }));
}
