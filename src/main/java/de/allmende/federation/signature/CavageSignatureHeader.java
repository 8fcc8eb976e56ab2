package de.allmende.federation.signature;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a draft-cavage-http-signatures-12 {@code Signature} header (or of an
 * {@code Authorization: Signature ...} header, which carries the same list).
 *
 * @param keyId the signer's key id
 * @param algorithm the declared algorithm; absent means {@code hs2019}
 * @param headers the covered header list exactly as declared (lowercased); absent means the
 *     algorithm's default, see {@link #coveredHeaders()}
 * @param signature the raw signature bytes
 * @param created the {@code created} parameter in Unix seconds
 * @param expires the {@code expires} parameter in Unix seconds
 */
public record CavageSignatureHeader(
        String keyId,
        Optional<String> algorithm,
        Optional<List<String>> headers,
        byte[] signature,
        Optional<Long> created,
        Optional<Long> expires) {

    /** Algorithm assumed when the header names none (draft 12, section 2.1.3). */
    public static final String DEFAULT_ALGORITHM = "hs2019";

    /** Compiled once: String.split compiles its pattern on every call, once per inbox request. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern UNIX_TIME = Pattern.compile("(\\d{1,15})(?:\\.\\d{0,9})?");

    public CavageSignatureHeader {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        headers = headers.map(List::copyOf);
        signature = signature.clone();
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The declared algorithm or {@value #DEFAULT_ALGORITHM}. */
    public String effectiveAlgorithm() {
        return algorithm.orElse(DEFAULT_ALGORITHM);
    }

    /**
     * Covered headers. Without a list, hs2019 covers {@code (created)} (draft 12) and older
     * algorithms cover {@code date} (earlier drafts); Mastodon applies the same defaults.
     */
    public List<String> coveredHeaders() {
        return headers.orElseGet(() -> List.of(effectiveAlgorithm().equals(DEFAULT_ALGORITHM) ? "(created)" : "date"));
    }

    /** Serializes in the order Mastodon and most peers emit. */
    public String toHeaderValue() {
        StringBuilder out = new StringBuilder();
        out.append("keyId=\"").append(keyId).append('"');
        algorithm.ifPresent(a -> out.append(",algorithm=\"").append(a).append('"'));
        created.ifPresent(c -> out.append(",created=").append(c));
        expires.ifPresent(e -> out.append(",expires=").append(e));
        headers.ifPresent(h -> out.append(",headers=\"").append(String.join(" ", h)).append('"'));
        out.append(",signature=\"").append(Base64.getEncoder().encodeToString(signature)).append('"');
        return out.toString();
    }

    /**
     * Parses the value of a {@code Signature} header or, with its scheme prefix, of an
     * {@code Authorization} header.
     *
     * @throws SignatureException MALFORMED for anything unparseable or incomplete
     */
    public static CavageSignatureHeader parse(String value) throws SignatureException {
        Objects.requireNonNull(value, "value");
        Map<String, String> params = parseParameters(stripScheme(value.strip()));
        String keyId = params.get("keyid");
        String signature = params.get("signature");
        if (keyId == null || keyId.isBlank() || signature == null || signature.isBlank()) {
            throw SignatureException.malformed("keyId and signature are required");
        }
        byte[] signatureBytes;
        try {
            boolean spaced = signature.chars().anyMatch(Character::isWhitespace); // a superset of the regex's \s: the regex runs only when needed
            signatureBytes = Base64.getDecoder().decode(spaced ? signature.replaceAll("\\s", "") : signature);
        } catch (IllegalArgumentException e) {
            throw SignatureException.malformed("signature is not base64");
        }
        Optional<List<String>> headers = Optional.ofNullable(params.get("headers"))
                .map(h -> List.of(WHITESPACE.split(h.strip().toLowerCase(Locale.ROOT))))
                .map(list -> list.size() == 1 && list.getFirst().isEmpty() ? List.<String>of() : list);
        return new CavageSignatureHeader(
                keyId,
                Optional.ofNullable(params.get("algorithm")).map(a -> a.strip().toLowerCase(Locale.ROOT)),
                headers,
                signatureBytes,
                unixSeconds(params.get("created")),
                unixSeconds(params.get("expires")));
    }

    private static String stripScheme(String value) {
        // "Authorization: Signature keyId=..." - the scheme token is case-insensitive.
        if (value.regionMatches(true, 0, "Signature ", 0, 10)) {
            return value.substring(10).strip();
        }
        return value;
    }

    private static Optional<Long> unixSeconds(String raw) throws SignatureException {
        if (raw == null) {
            return Optional.empty();
        }
        // Draft 12 allows a fractional part; sub-second precision is irrelevant here. The
        // strict pattern also keeps exponent forms like 1e999999999 from reaching a parser.
        Matcher m = UNIX_TIME.matcher(raw.strip());
        if (!m.matches()) {
            throw SignatureException.malformed("created/expires is not a number");
        }
        return Optional.of(Long.parseLong(m.group(1)));
    }

    /** Splits {@code name="value",name=value} pairs; quoted values may contain commas. */
    private static Map<String, String> parseParameters(String input) throws SignatureException {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = input.length();
        while (i < n) {
            while (i < n && (input.charAt(i) == ' ' || input.charAt(i) == '\t' || input.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = input.indexOf('=', i);
            if (eq < 0) {
                throw SignatureException.malformed("parameter without value");
            }
            String name = input.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                throw SignatureException.malformed("bad parameter name");
            }
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && input.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = input.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(input.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw SignatureException.malformed("unterminated quoted value");
                }
                while (i < n && (input.charAt(i) == ' ' || input.charAt(i) == '\t')) {
                    i++;
                }
                if (i < n && input.charAt(i) != ',') {
                    throw SignatureException.malformed("garbage after quoted value");
                }
            } else {
                int comma = input.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                value.append(input, i, end);
                i = end;
                if (value.toString().strip().isEmpty()) {
                    throw SignatureException.malformed("empty parameter value");
                }
            }
            if (params.put(name, value.toString()) != null) {
                throw SignatureException.malformed("duplicate parameter");
            }
        }
        if (params.isEmpty()) {
            throw SignatureException.malformed("empty signature header");
        }
        return params;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CavageSignatureHeader that
                && keyId.equals(that.keyId)
                && algorithm.equals(that.algorithm)
                && headers.equals(that.headers)
                && Arrays.equals(signature, that.signature)
                && created.equals(that.created)
                && expires.equals(that.expires);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm, headers, Arrays.hashCode(signature), created, expires);
    }

    @Override
    public String toString() {
        return "CavageSignatureHeader[keyId=" + keyId + ", algorithm=" + effectiveAlgorithm()
                + ", headers=" + coveredHeaders() + "]";
    }
}
