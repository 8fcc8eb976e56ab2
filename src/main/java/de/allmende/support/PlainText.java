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
}
