package de.allmende.support;

/** Minimal HTML text escaping for the few strings built outside templates (profile summaries in JSON). */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Plain text → paragraphs: blank lines separate paragraphs, single newlines become line breaks. */
    public static String paragraphs(String text) {
        if (text == null || text.isBlank()) return "";
        StringBuilder sb = new StringBuilder();
        for (String para : text.strip().split("\\R\\s*\\R")) {
            sb.append("<p>").append(escape(para.strip()).replaceAll("\\R", "<br>")).append("</p>");
        }
        return sb.toString();
    }
}
