// FEP-8b32 proof checks of inbound documents with Fedify's own verifiers, so the Java tests can
// see what an independent implementation makes of Allmende's proofs (GET /_control/proofs).
import { Activity, detachSignature, Object as ASObject, verifyObject, verifyProof } from "@fedify/fedify";

/**
 * Checks the proof of an inbound activity and, if the activity embeds an object, the object's own
 * proof. An embedded object without its own `@context` is read in the activity's context.
 *
 * @returns one report per document: `{path: "activity"|"object", id, type, hasProof,
 *   verificationMethod, keyId, proofValid, verified, error}`. `proofValid` is `verifyProof`
 *   (signature and key); `verified` is `verifyObject`, which also requires the key's controller to
 *   be the activity's actor or the object's `attributedTo`. Both are null without a proof.
 */
export async function checkProofs(json, options) {
  if (json == null || typeof json !== "object" || Array.isArray(json)) return [];
  const reports = [await check("activity", Activity, detachSignature(json), options)];
  const object = json.object;
  if (object != null && typeof object === "object" && !Array.isArray(object)) {
    const withContext = object["@context"] == null ? { "@context": json["@context"], ...object } : object;
    reports.push(await check("object", ASObject, detachSignature(withContext), options));
  }
  return reports;
}

async function check(path, cls, doc, options) {
  const report = {
    path,
    id: typeof doc.id === "string" ? doc.id : null,
    type: doc.type ?? null,
    hasProof: doc.proof != null,
    verificationMethod: verificationMethodOf(doc.proof),
    keyId: null,
    proofValid: null,
    verified: null,
    error: null,
  };
  if (!report.hasProof) return report;
  try {
    const parsed = await cls.fromJsonLd(doc, options);
    report.proofValid = false;
    for await (const proof of parsed.getProofs(options)) {
      const key = await verifyProof(doc, proof, options);
      report.keyId = key?.id?.href ?? null;
      report.proofValid = key != null;
      if (key == null) break;
    }
    report.verified = (await verifyObject(cls, doc, options)) != null;
  } catch (e) {
    report.error = String(e?.message ?? e);
    report.proofValid ??= false;
    report.verified = false;
  }
  return report;
}

function verificationMethodOf(proof) {
  const single = Array.isArray(proof) ? proof[0] : proof;
  const vm = single?.verificationMethod;
  return typeof vm === "string" ? vm : typeof vm?.id === "string" ? vm.id : null;
}
