package de.allmende.federation.vocab;

import de.allmende.federation.json.Contexts;

import java.util.List;
import java.util.stream.Stream;

/** Who an activity or object is addressed to: the IRIs of its {@code to}, {@code cc} and {@code audience}. */
public record Audience(List<String> to, List<String> cc, List<String> audience) {
    public static final Audience NONE = new Audience(List.of(), List.of(), List.of());

    public Audience {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        audience = List.copyOf(audience);
    }

    /** True if addressed to the public collection, in any of the spellings peers use. */
    public boolean isPublic() {
        return Stream.of(to, cc, audience).flatMap(List::stream)
                .anyMatch(a -> a.equals(Contexts.PUBLIC) || a.equals("as:Public") || a.equals("Public"));
    }
}
