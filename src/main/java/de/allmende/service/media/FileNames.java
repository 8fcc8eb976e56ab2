package de.allmende.service.media;

import java.text.Normalizer;

/** Turns a client's file name into harmless display text. It is never used as a path. */
public final class FileNames {
    static final int MAX_LENGTH = 255;
    private static final String FALLBACK = "file";

    private FileNames() {}

    /**
     * The last path segment, NFC-normalised, without control and formatting characters (bidi
     * overrides could show "exe.png" as "gnp.exe"), whitespace collapsed, at most 255 characters.
     */
    public static String displayName(String clientName) {
        if (clientName == null) return FALLBACK;
        String name = clientName.substring(Math.max(clientName.lastIndexOf('/'), clientName.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\t\\n\\r\\f\\x0B]", " ");
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().filter(FileNames::isShown).forEach(out::appendCodePoint);
        String clean = out.toString().replaceAll("\\s+", " ").strip();
        if (clean.codePointCount(0, clean.length()) > MAX_LENGTH) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? FALLBACK : clean;
    }

    private static boolean isShown(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE;
    }
}
