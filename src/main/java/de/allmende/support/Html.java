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

    /**
     * A profile field's value as profiles show it: a web address becomes a link ({@code rel="me"}, so a page linking
     * back verifies it), shown without scheme and "www."; anything else is text.
     */
    public static String fieldValue(String value) {
        java.util.Optional<java.net.URI> url = webAddress(value.strip());
        if (url.isEmpty()) return escape(value);
        java.net.URI u = url.get();
        String host = u.getHost().startsWith("www.") ? u.getHost().substring(4) : u.getHost();
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
        return "<a href=\"" + escape(u.toString()) + "\" rel=\"me nofollow noopener noreferrer\" target=\"_blank\">"
                + escape(host + path) + "</a>";
    }

    private static java.util.Optional<java.net.URI> webAddress(String s) {
        if (!s.startsWith("https://") && !s.startsWith("http://") || s.chars().anyMatch(Character::isWhitespace)) return java.util.Optional.empty();
        try {
            java.net.URI u = new java.net.URI(s);
            return u.getHost() == null ? java.util.Optional.empty() : java.util.Optional.of(u);
        } catch (java.net.URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }
}
