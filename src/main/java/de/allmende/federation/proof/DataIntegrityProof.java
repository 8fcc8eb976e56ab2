package de.allmende.federation.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import de.allmende.crypto.Base58btc;
import de.allmende.crypto.Ed25519Keys;
import de.allmende.crypto.KeyFormatException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Object integrity proofs (FEP-8b32) with the W3C {@code eddsa-jcs-2022} cryptosuite.
 *
 * <p>hashData = SHA-256(JCS(proof config)) ‖ SHA-256(JCS(document without proof)), signed with
 * Ed25519; proofValue = "z" + base58btc(signature). The proof config is the proof without
 * {@code proofValue} and carries the document's {@code @context}, as the cryptosuite requires.
 *
 * <p>Stateless and thread-safe: all methods are static and nothing static is mutable.
 */
public final class DataIntegrityProof {

    public static final String TYPE = "DataIntegrityProof";
    public static final String CRYPTOSUITE = "eddsa-jcs-2022";
    public static final String PROOF_PURPOSE = "assertionMethod";

    private static final String CONTEXT = "@context";
    private static final String PROOF = "proof";
    private static final String PROOF_VALUE = "proofValue";
    /** A Linked Data Signature (Mastodon's legacy scheme); FEP-8b32 says to drop it first. */
    private static final String LD_SIGNATURE = "signature";
    /** "z" + base58 of 64 bytes is at most 89 characters; refuse to decode anything longer. */
    private static final int MAX_PROOF_VALUE_LENGTH = 90;

    private DataIntegrityProof() {}

    /** Signs with the primary key of a raw-output Ed25519 Tink keyset (see {@link Ed25519Keys}). */
    public static ObjectNode sign(ObjectNode document, String verificationMethod, KeysetHandle keyset, Instant created) {
        return sign(document, verificationMethod, Ed25519Keys.signer(keyset), created);
    }

    /**
     * Returns a copy of {@code document} with a {@code proof}; the input is not modified.
     *
     * @param signer must produce raw 64-byte Ed25519 signatures (Tink {@code
     *     ED25519WithRawOutput}); a Tink-prefixed signer is refused
     * @param created written with whole-second precision, the form other implementations expect
     * @throws ProofException if the document already has a proof or LD signature, cannot be
     *     canonicalized, or signing fails
     */
    public static ObjectNode sign(ObjectNode document, String verificationMethod, PublicKeySign signer, Instant created) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(created, "created");
        if (verificationMethod == null || verificationMethod.isBlank()) {
            throw new ProofException("verificationMethod is required");
        }
        if (document.has(PROOF)) {
            throw new ProofException("document already has a proof");
        }
        if (document.has(LD_SIGNATURE)) {
            // FEP-8b32: the integrity proof must be added before any LD signature.
            throw new ProofException("document already has an LD signature");
        }

        ObjectNode proof = JsonNodeFactory.instance.objectNode();
        if (document.has(CONTEXT)) {
            // Step 2 of "Create Proof (eddsa-jcs-2022)": binds the signature to the context.
            proof.set(CONTEXT, document.get(CONTEXT).deepCopy());
        }
        proof.put("type", TYPE);
        proof.put("cryptosuite", CRYPTOSUITE);
        proof.put("verificationMethod", verificationMethod);
        proof.put("proofPurpose", PROOF_PURPOSE);
        proof.put("created", DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS)));

        byte[] signature;
        try {
            signature = signer.sign(hashData(proof, document));
        } catch (IOException e) {
            throw new ProofException("document cannot be canonicalized", e);
        } catch (GeneralSecurityException e) {
            throw new ProofException("signing failed", e);
        }
        if (signature.length != Ed25519Keys.SIGNATURE_LENGTH) {
            throw new ProofException("signer must produce raw 64-byte Ed25519 signatures");
        }
        proof.put(PROOF_VALUE, "z" + Base58btc.encode(signature));

        ObjectNode secured = document.deepCopy();
        secured.set(PROOF, proof);
        return secured;
    }

    /** {@link #verify(ObjectNode, Function, Instant)} at the current time. */
    public static VerificationResult verify(
            ObjectNode securedDocument, Function<String, Optional<byte[]>> keyResolver) {
        return verify(securedDocument, keyResolver, Instant.now());
    }

    /**
     * Checks the single {@code eddsa-jcs-2022} proof of {@code securedDocument}.
     *
     * @param keyResolver maps the proof's verificationMethod to a raw 32-byte Ed25519 public key
     *     (e.g. from the actor's {@code assertionMethod} Multikey); called only after all cheap
     *     checks passed, so a malformed proof never triggers a key fetch. Its exceptions propagate.
     * @param now the time an {@code expires} value is compared with
     */
    public static VerificationResult verify(
            ObjectNode securedDocument, Function<String, Optional<byte[]>> keyResolver, Instant now) {
        Objects.requireNonNull(securedDocument, "securedDocument");
        Objects.requireNonNull(keyResolver, "keyResolver");
        JsonNode proofNode = securedDocument.get(PROOF);
        if (proofNode == null || proofNode.isNull()) {
            return VerificationResult.failure("missing proof");
        }
        if (proofNode.isArray()) {
            // A one-element proof set is the same proof; real sets/chains are not supported.
            if (proofNode.size() != 1) {
                return VerificationResult.failure("expected exactly one proof");
            }
            proofNode = proofNode.get(0);
        }
        if (!(proofNode instanceof ObjectNode proof)) {
            return VerificationResult.failure("malformed proof");
        }
        if (!TYPE.equals(text(proof, "type"))) {
            return VerificationResult.failure("unsupported proof type");
        }
        if (!CRYPTOSUITE.equals(text(proof, "cryptosuite"))) {
            return VerificationResult.failure("unsupported cryptosuite");
        }
        if (!PROOF_PURPOSE.equals(text(proof, "proofPurpose"))) {
            return VerificationResult.failure("unsupported proofPurpose");
        }
        String verificationMethod = text(proof, "verificationMethod");
        if (verificationMethod == null || verificationMethod.isBlank()) {
            return VerificationResult.failure("missing verificationMethod");
        }

        Instant created = null;
        if (proof.has("created")) {
            created = dateTime(proof.get("created"));
            if (created == null) {
                return VerificationResult.failure("malformed created", verificationMethod, null);
            }
        }
        if (proof.has("expires")) {
            Instant expires = dateTime(proof.get("expires"));
            if (expires == null) {
                return VerificationResult.failure("malformed expires", verificationMethod, created);
            }
            if (!now.isBefore(expires)) {
                return VerificationResult.failure("proof expired", verificationMethod, created);
            }
        }

        byte[] signature = proofBytes(proof.get(PROOF_VALUE));
        if (signature == null) {
            return VerificationResult.failure("malformed proofValue", verificationMethod, created);
        }

        // Shallow copies suffice: nested nodes are only read, never changed.
        ObjectNode proofConfig = JsonNodeFactory.instance.objectNode();
        proofConfig.setAll(proof);
        proofConfig.remove(PROOF_VALUE);
        ObjectNode unsecured = JsonNodeFactory.instance.objectNode();
        unsecured.setAll(securedDocument);
        unsecured.remove(PROOF);
        unsecured.remove(LD_SIGNATURE);
        JsonNode proofContext = proof.get(CONTEXT);
        if (proofContext != null) {
            // Verify Proof (eddsa-jcs-2022) step 4; Mastodon applies the same rule.
            if (!startsWith(securedDocument.get(CONTEXT), proofContext)) {
                return VerificationResult.failure(
                        "document @context does not start with proof @context", verificationMethod, created);
            }
            unsecured.set(CONTEXT, proofContext);
        }

        byte[] hashData;
        try {
            hashData = hashData(proofConfig, unsecured);
        } catch (IOException e) {
            return VerificationResult.failure("document cannot be canonicalized", verificationMethod, created);
        }

        Optional<byte[]> publicKey = keyResolver.apply(verificationMethod);
        if (publicKey == null || publicKey.isEmpty()) {
            return VerificationResult.failure("unknown verificationMethod", verificationMethod, created);
        }
        try {
            Ed25519Keys.verifier(publicKey.get()).verify(signature, hashData);
        } catch (KeyFormatException e) {
            return VerificationResult.failure("unusable verificationMethod key", verificationMethod, created);
        } catch (GeneralSecurityException e) {
            return VerificationResult.failure("signature mismatch", verificationMethod, created);
        }
        return VerificationResult.success(verificationMethod, created);
    }

    /** SHA-256(JCS(proofConfig)) ‖ SHA-256(JCS(unsecuredDocument)), per "Hashing (eddsa-jcs-2022)". */
    static byte[] hashData(ObjectNode proofConfig, ObjectNode unsecuredDocument) throws IOException {
        byte[] proofHash = sha256(Jcs.canonicalize(proofConfig));
        byte[] documentHash = sha256(Jcs.canonicalize(unsecuredDocument));
        byte[] out = new byte[proofHash.length + documentHash.length];
        System.arraycopy(proofHash, 0, out, 0, proofHash.length);
        System.arraycopy(documentHash, 0, out, proofHash.length, documentHash.length);
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The 64 signature bytes of a proofValue, or {@code null} if it is not exactly that. */
    private static byte[] proofBytes(JsonNode proofValue) {
        if (proofValue == null || !proofValue.isTextual()) {
            return null;
        }
        String value = proofValue.textValue();
        if (value.length() < 2 || value.length() > MAX_PROOF_VALUE_LENGTH || value.charAt(0) != 'z') {
            return null;
        }
        try {
            byte[] bytes = Base58btc.decode(value.substring(1));
            return bytes.length == Ed25519Keys.SIGNATURE_LENGTH ? bytes : null;
        } catch (KeyFormatException e) {
            return null;
        }
    }

    /** Whether the document context lists every proof context entry first, in the same order. */
    private static boolean startsWith(JsonNode documentContext, JsonNode proofContext) {
        List<JsonNode> document = contextEntries(documentContext);
        List<JsonNode> proof = contextEntries(proofContext);
        return proof.size() <= document.size() && document.subList(0, proof.size()).equals(proof);
    }

    /** A context may be a single value or an array of values; treat both as a list. */
    private static List<JsonNode> contextEntries(JsonNode context) {
        List<JsonNode> entries = new ArrayList<>();
        if (context instanceof ArrayNode array) {
            array.forEach(entries::add);
        } else if (context != null) {
            entries.add(context);
        }
        return entries;
    }

    /** An XML Schema dateTime with time zone (as the Data Integrity spec requires), or null. */
    private static Instant dateTime(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
