package de.allmende.api.feed;

import java.nio.charset.StandardCharsets;

/**
 * RFC 5545 line folding (3.1): lines longer than 75 octets are split, each continuation starting
 * with a space. biweekly folds at 75 characters, which is too long for lines with umlauts, so it
 * writes unfolded and this folds by octets, never inside a UTF-8 sequence.
 */
final class ContentLines {
    static final int MAX_OCTETS = 75;

    private ContentLines() {}

    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 50);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) continue;
            foldLine(line, out);
            out.append("\r\n");
        }
        return out.toString();
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
    }
}
