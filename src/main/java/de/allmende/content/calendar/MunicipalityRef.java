package de.allmende.content.calendar;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A municipality named in a calendar filter, as people write it: a handle on this node ({@code musterstadt}),
 * an account elsewhere ({@code kulturamt@events.example}), or its actor IRI.
 */
public sealed interface MunicipalityRef {
    Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
    Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

    record LocalHandle(String handle) implements MunicipalityRef {
        @Override public String text() { return handle; }
    }

    record RemoteAccount(String user, String host) implements MunicipalityRef {
        @Override public String text() { return user + "@" + host; }
    }

    record ActorIri(URI iri) implements MunicipalityRef {
        @Override public String text() { return iri.toString(); }
    }

    /** How it is written in a query: the form it was parsed from. */
    String text();

    /** Parses one of the three forms; empty if the text is none of them. */
    static Optional<MunicipalityRef> parse(String text) {
        String t = text.strip().replaceFirst("^@", "");
        if (t.startsWith("https://") || t.startsWith("http://")) {
            try {
                URI iri = new URI(t);
                return iri.getHost() == null ? Optional.empty() : Optional.of(new ActorIri(iri));
            } catch (java.net.URISyntaxException e) {
                return Optional.empty();
            }
        }
        int at = t.indexOf('@');
        if (at < 0) return USER.matcher(t).matches() ? Optional.of(new LocalHandle(t)) : Optional.empty();
        String user = t.substring(0, at);
        String host = t.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
        return USER.matcher(user).matches() && HOST.matcher(host).matches() ? Optional.of(new RemoteAccount(user, host)) : Optional.empty();
    }
}
