package de.allmende.domain;

import java.util.List;
import java.util.Locale;

/**
 * Where an image's subject is, for cropped previews: x from -1 (left) to 1 (right), y from -1 (bottom) to 1 (top),
 * the centre by default (Mastodon's focal points, docs.joinmastodon.org/api/guidelines/#focal-points).
 */
public record Focus(double x, double y) {
    public static final Focus CENTRE = new Focus(0, 0);

    public Focus {
        if (!(x >= -1 && x <= 1 && y >= -1 && y <= 1)) throw new IllegalArgumentException("focus outside -1..1");
    }

    /** Mastodon's form {@code "x,y"}, e.g. {@code "-0.5,0.25"}; 422 for anything else. */
    public static Focus parse(String text) {
        String[] parts = text.strip().split("\\s*,\\s*");
        try {
            if (parts.length == 2) return new Focus(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        } catch (IllegalArgumentException e) { // not numbers (NumberFormatException is one), or outside -1..1
        }
        throw new ValidationException(List.of(new FieldError("focus", "two numbers from -1.0 to 1.0 as \"x,y\", e.g. \"-0.5,0.25\"")));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s,%s", x, y);
    }
}
