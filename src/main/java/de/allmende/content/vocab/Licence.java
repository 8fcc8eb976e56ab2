package de.allmende.content.vocab;

import java.net.URI;

/** Licences for working aids: the German open-data licences and Creative Commons. */
public enum Licence implements Vocabulary {
    DL_DE_BY_2_0("DL-DE-BY-2.0", "Datenlizenz Deutschland – Namensnennung – Version 2.0", "https://www.govdata.de/dl-de/by-2-0"),
    DL_DE_ZERO_2_0("DL-DE-ZERO-2.0", "Datenlizenz Deutschland – Zero – Version 2.0", "https://www.govdata.de/dl-de/zero-2-0"),
    CC_BY_4_0("CC-BY-4.0", "Creative Commons Namensnennung 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    CC_BY_SA_4_0("CC-BY-SA-4.0", "Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/"),
    CC0_1_0("CC0-1.0", "Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/");

    private final String code;
    private final String label;
    private final URI uri;

    Licence(String code, String label, String uri) {
        this.code = code;
        this.label = label;
        this.uri = URI.create(uri);
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
    public URI uri() { return uri; }

    public static java.util.Optional<Licence> byUri(String uri) {
        for (Licence l : values()) if (l.uri.toString().equals(uri)) return java.util.Optional.of(l);
        return java.util.Optional.empty();
    }
}
