package de.allmende.federation.signature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.allmende.federation.signature.StructuredFields.InnerList;
import de.allmende.federation.signature.StructuredFields.Item;
import de.allmende.federation.signature.StructuredFields.Member;

/**
 * The package's internal parsers, opened for the fuzz targets in {@code de.allmende.fuzz} (test code
 * only): they should reach each parser directly, not only through a verifier that stops early.
 */
public final class SignatureParsing {
    private SignatureParsing() {}

    /**
     * A structured-field Dictionary parsed and written back in RFC 8941's strict serialization,
     * members joined by {@code ", "}; parsing that again must give the same text.
     */
    public static String canonicalDictionary(String value) throws SignatureException {
        List<String> members = new ArrayList<>();
        for (Map.Entry<String, Member> entry : StructuredFieldParser.parseDictionary(value).entrySet()) {
            members.add(entry.getKey() + "=" + serialize(entry.getValue()));
        }
        return String.join(", ", members);
    }

    /** A structured-field Item parsed and written back in strict serialization. */
    public static String canonicalItem(String value) throws SignatureException {
        return StructuredFields.serialize(StructuredFieldParser.parseItem(value));
    }

    /** Every inner list of a Signature-Input value read as signature parameters. */
    public static List<SignatureParams> signatureInput(String value) throws SignatureException {
        List<SignatureParams> params = new ArrayList<>();
        for (Member member : StructuredFieldParser.parseDictionary(value).values()) {
            if (member instanceof InnerList list) params.add(SignatureParams.fromInnerList(list));
        }
        return params;
    }

    /** An HTTP Date header value as the draft-cavage verifier reads it. */
    public static Instant httpDate(String value) throws SignatureException {
        return HttpDates.parse(value);
    }

    private static String serialize(Member member) {
        return switch (member) {
            case Item item -> StructuredFields.serialize(item);
            case InnerList list -> StructuredFields.serialize(list);
        };
    }
}
