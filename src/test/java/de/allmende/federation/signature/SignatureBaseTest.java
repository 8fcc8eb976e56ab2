package de.allmende.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Component values from the examples in RFC 9421 sections 2.1 and 2.2. */
@DisplayName("RFC 9421 component values")
class SignatureBaseTest {

    private static SignedRequestParts request(String method, String uri, Map<String, List<String>> headers) {
        return SignedRequestParts.withoutBody(method, URI.create(uri), headers);
    }

    @ParameterizedTest(name = "{1} of {0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "https://www.example.com/path?param=value | @target-uri     | https://www.example.com/path?param=value",
        "https://www.example.com/path?param=value | @authority      | www.example.com",
        "https://WWW.Example.com:443/path          | @authority      | www.example.com",
        "http://www.example.com:8080/path          | @authority      | www.example.com:8080",
        "http://www.example.com/path?param=value  | @scheme         | http",
        "https://www.example.com/path?param=value | @request-target | /path?param=value",
        "https://www.example.com/path?param=value | @path           | /path",
        "https://www.example.com                   | @path           | /",
        "https://www.example.com/path?param=value&foo=bar&baz=bat%2Dman | @query | ?param=value&foo=bar&baz=bat%2Dman",
        "https://www.example.com/path?queryString | @query          | ?queryString",
        "https://www.example.com/path              | @query          | ?",
        "https://www.example.com/a%20b/c?x=%2F     | @target-uri     | https://www.example.com/a%20b/c?x=%2F",
    })
    void derived(String uri, String component, String expected) throws Exception {
        assertEquals(expected, SignatureBase.componentValue(request("POST", uri, Map.of()), component));
    }

    @Test
    @DisplayName("@method keeps the method's case")
    void methodCase() throws Exception {
        assertEquals("post", SignatureBase.componentValue(request("post", "https://a.example/", Map.of()), "@method"));
    }

    @Test
    @DisplayName("fields are trimmed, obs-folds collapsed and repeated lines joined with \", \"")
    void fieldCanonicalization() throws Exception {
        SignedRequestParts request = request("GET", "https://www.example.com/", Map.of(
                "X-OWS-Header", List.of("   Leading and trailing whitespace.   "),
                "X-Obs-Fold-Header", List.of("Obsolete\n    line folding."),
                "Cache-Control", List.of("max-age=60", "   must-revalidate"),
                "Example-Dict", List.of(" a=1,    b=2;x=1;y=2,   c=(a   b   c)"),
                "X-Empty-Header", List.of("")));
        assertEquals("Leading and trailing whitespace.", SignatureBase.componentValue(request, "x-ows-header"));
        assertEquals("Obsolete line folding.", SignatureBase.componentValue(request, "x-obs-fold-header"));
        assertEquals("max-age=60, must-revalidate", SignatureBase.componentValue(request, "cache-control"));
        assertEquals("a=1,    b=2;x=1;y=2,   c=(a   b   c)", SignatureBase.componentValue(request, "example-dict"));
        assertEquals("", SignatureBase.componentValue(request, "x-empty-header"));
    }

    @Test
    @DisplayName("missing fields, upper-case names, duplicates and non-ASCII values cannot form a base")
    void errors() {
        SignedRequestParts request = request("GET", "https://www.example.com/", Map.of(
                "X-Name", List.of(new String("Zoë".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))));
        assertThrows(SignatureException.class, () -> SignatureBase.componentValue(request, "date"));
        assertThrows(SignatureException.class, () -> SignatureBase.componentValue(request, "X-Name"));
        assertThrows(SignatureException.class, () -> SignatureBase.build(request,
                new SignatureParams(List.of("@method", "@method"), Map.of())));
        assertThrows(SignatureException.class, () -> SignatureBase.build(request,
                new SignatureParams(List.of("x-name"), Map.of())));
    }

    @Test
    @DisplayName("an empty component list still yields the @signature-params line")
    void emptyComponents() throws Exception {
        assertEquals("\"@signature-params\": ();created=1618884473",
                SignatureBase.build(request("GET", "https://a.example/", Map.of()),
                        new SignatureParams(List.of(), Map.of("created", 1618884473L))));
    }
}
