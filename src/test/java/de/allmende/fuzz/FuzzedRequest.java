package de.allmende.fuzz;

import de.allmende.federation.signature.SignedRequestParts;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads fuzz input written like the HTTP/1.1 requests in the specs ("POST /foo HTTP/1.1", header lines,
 * a blank line, the body) into the request view the verifiers see. Lenient on purpose: every input
 * becomes some request, so the fuzzer spends its time in the verifiers, not in this reader.
 */
final class FuzzedRequest {
    private static final URI FALLBACK = URI.create("https://example.com/");

    private FuzzedRequest() {}

    static SignedRequestParts read(byte[] input) {
        int split = indexOf(input, new byte[]{'\n', '\n'});
        // Header bytes map one to one onto chars, as an HTTP server decodes them.
        String head = new String(input, 0, split < 0 ? input.length : split, StandardCharsets.ISO_8859_1);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(input, split + 2, input.length);
        String[] lines = head.split("\r?\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String last = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (last != null && (line.startsWith(" ") || line.startsWith("\t"))) {
                List<String> values = headers.get(last); // obsolete line folding, kept for combinedHeader to undo
                values.set(values.size() - 1, values.getLast() + "\n" + line);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            last = line.substring(0, colon);
            headers.computeIfAbsent(last, name -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        String method = requestLine[0].isEmpty() ? "POST" : requestLine[0];
        String host = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("host"))
                .map(e -> e.getValue().getFirst()).findFirst().orElse("example.com");
        return new SignedRequestParts(method, target(host, requestLine.length > 1 ? requestLine[1] : "/"), headers, body);
    }

    private static URI target(String host, String path) {
        try {
            URI uri = new URI("https://" + host + path);
            return uri.isAbsolute() && uri.getRawAuthority() != null ? uri : FALLBACK;
        } catch (URISyntaxException e) {
            return FALLBACK;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
