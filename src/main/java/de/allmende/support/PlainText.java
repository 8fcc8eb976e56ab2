package de.allmende.support;

/** Text cleaning for formats that forbid some characters (XML 1.0, iCalendar). */
public final class PlainText {
    private PlainText() {}

    /**
     * Drops characters XML 1.0 does not allow (C0 controls except tab, newline and carriage return,
     * lone surrogates, U+FFFE/U+FFFF). Staff input may contain them; Atom and iCalendar readers reject them.
     */
    public static String xmlSafe(String s) {
        if (s == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE)
                    || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (ok) {
                if (sb != null) sb.append(c);
            } else if (sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * The text of an HTML fragment as a reader sees it: paragraphs and line breaks as newlines, tags dropped, the
     * entities HTML escapes (and numeric ones) turned back into characters. For plain-text renderings (iCalendar,
     * feeds' summaries, pages that show a teaser as text).
     */
    public static String fromHtml(String html) {
        if (html == null) return null;
        String text = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>\\s*<p[^>]*>", "\n\n").replaceAll("<[^>]*>", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|quot|apos|nbsp|amp);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(entity(m.group(1))));
        m.appendTail(out);
        return xmlSafe(out.toString()).strip();
    }

    private static String entity(String name) {
        return switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00A0";
            case "amp" -> "&";
            default -> {
                int cp = name.startsWith("#x") || name.startsWith("#X") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "\uFFFD";
            }
        };
    }
}
