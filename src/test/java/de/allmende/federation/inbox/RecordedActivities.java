package de.allmende.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.testkit.FakeRemote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recorded real-world activities ({@code src/test/resources/realworld}, provenance in SOURCES.md),
 * moved onto fake remotes: each recorded actor becomes an actor of {@code home} (its IRI replaced
 * everywhere), other IRIs of the actor's server move to {@code home}'s host, IRIs of any other server to
 * {@code elsewhere}'s; vocabulary hosts (w3.org, schema.org, …) stay. The bodies keep their real shapes,
 * and the node never reaches out to the internet for them.
 */
final class RecordedActivities {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ORIGIN = Pattern.compile("https?://([^/\"#?\\s\\\\]+)");
    private static final Set<String> VOCABULARY = Set.of("www.w3.org", "w3id.org", "joinmastodon.org", "schema.org", "ostatus.org",
            "joinmobilizon.org", "joinpeertube.org", "gotosocial.org", "misskey-hub.net", "litepub.social", "purl.org");

    /** A recorded activity as its (fake) actor would send it now. */
    record Recorded(String file, ObjectNode doc, FakeRemote.Actor actor) {
        /** A copy whose id and embedded object's id end in {@code tag}, so the node does not take it for a redelivery. */
        ObjectNode fresh(String tag) {
            ObjectNode copy = doc.deepCopy();
            if (copy.path("id").isTextual()) copy.put("id", copy.get("id").asText() + "-" + tag);
            if (copy.get("object") instanceof ObjectNode object && object.path("id").isTextual()) {
                object.put("id", object.get("id").asText() + "-" + tag);
            }
            return copy;
        }
    }

    private RecordedActivities() {}

    static List<Recorded> load(FakeRemote home, FakeRemote elsewhere) {
        List<Recorded> out = new ArrayList<>();
        for (JsonNode entry : read("index.json")) {
            if (!entry.path("kind").asText().equals("activity")) continue;
            String file = entry.path("file").asText();
            String recordedActor = entry.path("actor").asText();
            FakeRemote.Actor actor = home.actor(actorName(entry.path("software").asText(), recordedActor));
            String actorHost = URI.create(recordedActor).getRawAuthority();
            String text = new String(bytes(file), StandardCharsets.UTF_8).replace(recordedActor, actor.id().toString());
            Matcher m = ORIGIN.matcher(text);
            StringBuilder moved = new StringBuilder();
            while (m.find()) {
                String host = m.group(1);
                boolean keep = VOCABULARY.contains(host) || host.equals(home.base().getRawAuthority()); // the actor's new IRI
                String replacement = keep ? m.group()
                        : (host.equals(actorHost) ? home.base() : elsewhere.base()).toString();
                m.appendReplacement(moved, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(moved);
            try {
                out.add(new Recorded(file, (ObjectNode) JSON.readTree(moved.toString()), actor));
            } catch (IOException e) {
                throw new UncheckedIOException(file, e);
            }
        }
        return out;
    }

    /** e.g. {@code mastodon-felix} for https://mastodon.madrid/users/felix. */
    private static String actorName(String software, String actorIri) {
        String path = URI.create(actorIri).getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return software + "-" + last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static JsonNode read(String name) {
        try {
            return JSON.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String name) {
        try (InputStream in = RecordedActivities.class.getResourceAsStream("/realworld/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource realworld/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
