package de.allmende.federation.post;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.post.Post;
import de.allmende.federation.iri.Iris;
import de.allmende.federation.json.ActivityJson;
import de.allmende.store.RemoteActorStore;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A local note (a typed {@link Post}) as the ActivityStreams {@code Note} Mastodon reads: its HTML per language
 * ({@code content} + {@code contentMap}), the content warning as {@code summary}, {@code sensitive}, what it answers,
 * its addressing exactly as the post's audience says, and {@code tag}s for the people it mentions and its hashtags
 * (a mention notifies only with both the tag and the address: interop.md §1.6).
 */
public final class PostToNote {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final Iris iris;
    private final RemoteActorStore remoteActors = new RemoteActorStore();

    public PostToNote(Iris iris) {
        this.iris = iris;
    }

    /** The Note; {@code tx} finds the names of the remote people it mentions. */
    public ObjectNode convert(DSLContext tx, Post p) {
        ObjectNode n = F.objectNode();
        n.set("@context", ActivityJson.context());
        n.put("id", p.iri().toString());
        n.put("type", "Note");
        n.put("attributedTo", p.author().toString());
        // A status showing only files has no text (Mastodon sends an empty content then).
        Map.Entry<String, String> first = p.content().texts().entrySet().stream().findFirst().orElse(Map.entry("", ""));
        n.put("content", first.getValue());
        if (!p.content().isEmpty()) {
            ObjectNode contentMap = n.putObject("contentMap");
            p.content().texts().forEach(contentMap::put);
        }
        if (!p.summary().isEmpty()) {
            n.put("summary", p.summary().preferred(first.getKey()).or(() -> p.summary().texts().values().stream().findFirst()).orElseThrow());
            ObjectNode summaryMap = n.putObject("summaryMap");
            p.summary().texts().forEach(summaryMap::put);
        }
        p.inReplyTo().ifPresent(r -> n.put("inReplyTo", r.toString()));
        n.put("published", seconds(p.published()));
        p.updated().ifPresent(u -> n.put("updated", seconds(u)));
        n.put("url", p.url().orElse(p.iri()).toString());
        ArrayNode to = n.putArray("to");
        p.audience().to().forEach(a -> to.add(a.toString()));
        ArrayNode cc = n.putArray("cc");
        p.audience().cc().forEach(a -> cc.add(a.toString()));
        if (p.sensitive()) n.put("sensitive", true);
        AttachmentsToAs.write(n, p.attachments());
        if (!p.mentions().isEmpty() || !p.hashtags().isEmpty()) {
            ArrayNode tag = n.putArray("tag");
            for (URI m : p.mentions()) tag.addObject().put("type", "Mention").put("href", m.toString()).put("name", mentionName(tx, m));
            for (String h : p.hashtags()) {
                tag.addObject().put("type", "Hashtag").put("href", iris.tag(h).toString()).put("name", "#" + h.toLowerCase());
            }
        }
        return n;
    }

    /** {@code @user@host}, as Mastodon names a mention; the IRI itself if the actor is not known here. */
    private String mentionName(DSLContext tx, URI actor) {
        var local = iris.parseActor(actor);
        if (local.isPresent()) return "@" + local.get() + "@" + iris.base().getRawAuthority();
        return remoteActors.find(tx, actor).flatMap(c -> c.actor().preferredUsername())
                .map(u -> "@" + u + "@" + actor.getRawAuthority()).orElse(actor.toString());
    }

    private static String seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
