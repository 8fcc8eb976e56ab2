package de.allmende.federation.signature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import de.allmende.federation.signature.StructuredFields.InnerList;
import de.allmende.federation.signature.StructuredFields.Item;

/**
 * RFC 9421 signature parameters: the ordered covered components plus metadata such as
 * {@code created} and {@code keyid}. This is the value of one Signature-Input member and the
 * last line of the signature base.
 *
 * <p>Parameters keep their order because the signature base serializes them as received;
 * reordering would break verification.
 *
 * @param components covered component names, e.g. {@code @method} or {@code content-digest}
 * @param parameters metadata in wire order; values are Long, String, Boolean (or other bare
 *     items kept from a received header)
 */
public record SignatureParams(List<String> components, Map<String, Object> parameters) {

    public SignatureParams {
        components = List.copyOf(components);
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            StructuredFields.checkKey(name);
            StructuredFields.checkBareItem(value);
            copy.put(name, value);
        });
        requireType(copy, "created", Long.class);
        requireType(copy, "expires", Long.class);
        for (String name : List.of("keyid", "alg", "nonce", "tag")) {
            requireType(copy, name, String.class);
        }
        parameters = Collections.unmodifiableMap(copy);
    }

    /**
     * Parameters for a signature made now: {@code created}, {@code keyid}, {@code alg}, in the
     * order most implementations emit them.
     */
    public static SignatureParams of(List<String> components, Instant created, String keyId, SignatureAlgorithm alg) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", created.getEpochSecond());
        params.put("keyid", Objects.requireNonNull(keyId, "keyId"));
        params.put("alg", alg.httpName());
        return new SignatureParams(components, params);
    }

    /** A copy with one more parameter appended (or replaced in place), e.g. nonce or tag. */
    public SignatureParams with(String name, Object value) {
        Map<String, Object> params = new LinkedHashMap<>(parameters);
        params.put(name, value instanceof Integer i ? Long.valueOf(i) : value);
        return new SignatureParams(components, params);
    }

    public Optional<Instant> created() {
        return Optional.ofNullable((Long) parameters.get("created")).map(Instant::ofEpochSecond);
    }

    public Optional<Instant> expires() {
        return Optional.ofNullable((Long) parameters.get("expires")).map(Instant::ofEpochSecond);
    }

    public Optional<String> keyId() {
        return Optional.ofNullable((String) parameters.get("keyid"));
    }

    public Optional<String> alg() {
        return Optional.ofNullable((String) parameters.get("alg"));
    }

    public Optional<String> nonce() {
        return Optional.ofNullable((String) parameters.get("nonce"));
    }

    public Optional<String> tag() {
        return Optional.ofNullable((String) parameters.get("tag"));
    }

    /** The strict inner-list serialization used in Signature-Input and the signature base. */
    public String serialize() {
        return StructuredFields.serialize(toInnerList());
    }

    InnerList toInnerList() {
        List<Item> items = new ArrayList<>(components.size());
        for (String component : components) {
            items.add(new Item(component, Map.of()));
        }
        return new InnerList(items, parameters);
    }

    /**
     * Reads a received Signature-Input member. Component identifiers with parameters (such as
     * {@code ;sf} or {@code ;req}) are outside what we support and are rejected as INVALID.
     */
    static SignatureParams fromInnerList(InnerList list) throws SignatureException {
        List<String> components = new ArrayList<>(list.items().size());
        for (Item item : list.items()) {
            if (!(item.value() instanceof String name)) {
                throw SignatureException.malformed("component identifier is not a string");
            }
            if (!item.params().isEmpty()) {
                throw SignatureException.invalid("component parameters not supported");
            }
            components.add(name);
        }
        try {
            return new SignatureParams(components, list.params());
        } catch (IllegalArgumentException e) {
            throw SignatureException.malformed("signature parameter has wrong type");
        }
    }

    private static void requireType(Map<String, Object> params, String name, Class<?> type) {
        Object value = params.get(name);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("signature parameter " + name + " must be a " + type.getSimpleName());
        }
    }
}
