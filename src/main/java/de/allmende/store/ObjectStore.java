package de.allmende.store;

import de.allmende.db.Changes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.db.Jdbc;
import de.allmende.domain.ObjectProof;
import de.allmende.domain.RawJson;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static de.allmende.db.Tables.AP_OBJECT;

/** Objects (local and remote) with their raw ActivityStreams documents. */
public final class ObjectStore {

    /**
     * @param proof what checking the object's own FEP-8b32 proof found when it was stored or last
     *     updated; empty for our own objects (we signed them) and for rows from before the check
     */
    public record StoredObject(long id, String iri, String type, String attributedTo, Optional<Long> localActorId,
                               ObjectNode raw, Instant published, Optional<Instant> deleted, Optional<ObjectProof> proof) {}

    private static final String INSERT = """
            INSERT INTO ap_object (iri, type, attributed_to, local_actor_id, in_reply_to, raw, proof_status, proof_key)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (iri) DO NOTHING RETURNING id""";

    /**
     * Inserts a local object if new; returns false when an object with this IRI already exists (dedupe).
     * @param inReplyTo the IRI it replies to, or null; the store keeps documents without reading them
     */
    public boolean insert(DSLContext tx, String iri, String type, String attributedTo, String inReplyTo, Long localActorId, JsonNode raw) {
        return insert(tx, iri, type, attributedTo, inReplyTo, localActorId, raw.toString(), null).isPresent();
    }

    /** Inserts a remote object with the result of its proof check, if new (false: already stored). */
    public boolean insertRemote(DSLContext tx, String iri, String type, String attributedTo, String inReplyTo, JsonNode raw,
                                ObjectProof proof) {
        return insertRemote(tx, iri, type, attributedTo, inReplyTo, new RawJson(raw.toString()), proof);
    }

    /** Inserts a remote object kept as it came, with the result of its proof check, if new (false: already stored). */
    public boolean insertRemote(DSLContext tx, String iri, String type, String attributedTo, String inReplyTo, RawJson raw,
                                ObjectProof proof) {
        return insertNewRemote(tx, iri, type, attributedTo, inReplyTo, raw, proof).isPresent();
    }

    /** {@link #insertRemote(DSLContext, String, String, String, String, RawJson, ObjectProof)}, returning the new row's id (empty: already stored). */
    public Optional<Long> insertNewRemote(DSLContext tx, String iri, String type, String attributedTo, String inReplyTo, RawJson raw,
                                          ObjectProof proof) {
        return insert(tx, iri, type, attributedTo, inReplyTo, null, raw.text(), Objects.requireNonNull(proof, "proof"));
    }

    /** A remote object to keep as it came, with the result of its proof check. */
    public record Remote(String iri, String type, String attributedTo, String inReplyTo, RawJson raw, ObjectProof proof) {}

    /**
     * Inserts remote objects in one statement, in the order given (of two with one IRI, the first is kept); returns the
     * ids of those that were new, by IRI.
     */
    public Map<String, Long> insertNewRemotes(DSLContext tx, List<Remote> rows) {
        Map<String, Long> fresh = new HashMap<>();
        if (rows.isEmpty()) return fresh;
        tx.fetch("""
                INSERT INTO ap_object (iri, type, attributed_to, in_reply_to, raw, proof_status, proof_key)
                SELECT o.iri, o.type, o.attributed_to, o.in_reply_to, o.raw::jsonb, o.proof_status, o.proof_key
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                     AS o(iri, type, attributed_to, in_reply_to, raw, proof_status, proof_key, n)
                ORDER BY o.n
                ON CONFLICT (iri) DO NOTHING RETURNING iri, id""", rows.stream().map(Remote::iri).toArray(String[]::new),
                rows.stream().map(Remote::type).toArray(String[]::new), rows.stream().map(Remote::attributedTo).toArray(String[]::new),
                rows.stream().map(Remote::inReplyTo).toArray(String[]::new), rows.stream().map(r -> r.raw().text()).toArray(String[]::new),
                rows.stream().map(r -> r.proof().status().dbValue()).toArray(String[]::new),
                rows.stream().map(r -> r.proof().key().orElse(null)).toArray(String[]::new))
                .forEach(r -> fresh.put(r.get(0, String.class), r.get(1, Long.class)));
        return fresh;
    }

    /** Plain JDBC on the transaction's connection: it runs once for every inbound Create. */
    private Optional<Long> insert(DSLContext tx, String iri, String type, String attributedTo, String inReplyTo, Long localActorId,
                                  String raw, ObjectProof proof) {
        if (localActorId != null) Changes.announce(tx, iri);
        String proofStatus = proof == null ? null : proof.status().dbValue();
        String proofKey = proof == null ? null : proof.key().orElse(null);
        return tx.connectionResult(c -> {
            try (PreparedStatement st = Jdbc.bind(c.prepareStatement(INSERT), iri, type, attributedTo, localActorId, inReplyTo,
                    raw, proofStatus, proofKey); java.sql.ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    /** Replaces a local object's document (we sign our own objects; no proof status is kept for them). */
    public boolean update(DSLContext tx, String iri, JsonNode raw) {
        Changes.announce(tx, iri);
        return tx.update(AP_OBJECT).set(AP_OBJECT.RAW, JSONB.valueOf(raw.toString())).set(AP_OBJECT.UPDATED, DSL.currentOffsetDateTime())
                .where(AP_OBJECT.IRI.eq(iri), AP_OBJECT.DELETED.isNull()).execute() == 1;
    }

    /** Replaces a remote object's document and its proof status: the new version is checked on its own. */
    public boolean updateRemote(DSLContext tx, String iri, RawJson raw, ObjectProof proof) {
        return tx.update(AP_OBJECT).set(AP_OBJECT.RAW, JSONB.valueOf(raw.text())).set(AP_OBJECT.UPDATED, DSL.currentOffsetDateTime())
                .set(AP_OBJECT.PROOF_STATUS, proof.status().dbValue()).set(AP_OBJECT.PROOF_KEY, proof.key().orElse(null))
                .where(AP_OBJECT.IRI.eq(iri), AP_OBJECT.DELETED.isNull()).execute() == 1;
    }

    /** Replaces the object by a Tombstone; the row stays so its URL can answer 410 Gone. */
    public boolean markDeleted(DSLContext tx, String iri, JsonNode tombstone) {
        return markDeleted(tx, iri, new RawJson(tombstone.toString()));
    }

    /** {@link #markDeleted(DSLContext, String, JsonNode)} with a Tombstone the caller was handed as a document. */
    public boolean markDeleted(DSLContext tx, String iri, RawJson tombstone) {
        Changes.announce(tx, iri); // only local IRIs go out
        return tx.update(AP_OBJECT).set(AP_OBJECT.DELETED, DSL.currentOffsetDateTime()).set(AP_OBJECT.RAW, JSONB.valueOf(tombstone.text()))
                .where(AP_OBJECT.IRI.eq(iri), AP_OBJECT.DELETED.isNull()).execute() == 1;
    }

    public Optional<StoredObject> find(DSLContext tx, String iri) {
        return tx.selectFrom(AP_OBJECT).where(AP_OBJECT.IRI.eq(iri)).fetchOptional(r -> new StoredObject(r.getId(), r.getIri(), r.getType(),
                r.getAttributedTo(), Optional.ofNullable(r.getLocalActorId()), (ObjectNode) read(r.getRaw()),
                r.getPublished().toInstant(), Optional.ofNullable(r.getDeleted()).map(java.time.OffsetDateTime::toInstant),
                proof(r.getProofStatus(), r.getProofKey())));
    }

    public int countLocal(DSLContext tx) {
        return tx.fetchCount(AP_OBJECT, AP_OBJECT.LOCAL_ACTOR_ID.isNotNull().and(AP_OBJECT.DELETED.isNull()));
    }

    private static Optional<ObjectProof> proof(String status, String key) {
        return Optional.ofNullable(status).map(st -> new ObjectProof(ObjectProof.Status.ofDbValue(st), Optional.ofNullable(key)));
    }

    static JsonNode read(JSONB jsonb) {
        return read(jsonb.data());
    }

    /** Documents we wrote ourselves: checked for depth and duplicates when they came in, read back as they are. */
    private static final com.fasterxml.jackson.databind.ObjectMapper STORED = new com.fasterxml.jackson.databind.ObjectMapper();

    static JsonNode read(String json) {
        try {
            return STORED.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
