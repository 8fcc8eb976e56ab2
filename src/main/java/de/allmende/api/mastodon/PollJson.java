package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.post.PollFacts;
import de.allmende.service.client.PollService.PollView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Mastodon's Poll entity (docs.joinmastodon.org/entities/Poll); its id is its post's. */
final class PollJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PollJson() {}

    static ObjectNode poll(PollView v) {
        ObjectNode o = poll(v.id(), v.facts(), v.expired());
        o.put("voted", !v.ownChoices().isEmpty());
        ArrayNode own = o.putArray("own_votes");
        v.ownChoices().forEach(own::add);
        return o;
    }

    /** Without a viewer's votes, as a status embeds it. */
    static ObjectNode poll(long id, PollFacts p, boolean expired) {
        ObjectNode o = F.objectNode();
        o.put("id", Long.toString(id));
        Optional<Instant> ends = p.closed().filter(c -> !c.equals(Instant.EPOCH)).or(p::endTime);
        if (ends.isPresent()) o.put("expires_at", AccountJson.time(ends.get()));
        else o.putNull("expires_at");
        o.put("expired", expired);
        o.put("multiple", p.multiple());
        List<PollFacts.Option> options = p.options();
        o.put("votes_count", options.stream().mapToInt(PollFacts.Option::votes).sum());
        // Mastodon counts voters for multiple-choice polls only; for one choice, votes are voters.
        if (p.multiple() && p.votersCount().isPresent()) o.put("voters_count", p.votersCount().get());
        else if (!p.multiple()) o.put("voters_count", options.stream().mapToInt(PollFacts.Option::votes).sum());
        else o.putNull("voters_count");
        ArrayNode list = o.putArray("options");
        options.forEach(opt -> list.addObject().put("title", opt.title()).put("votes_count", opt.votes()));
        o.set("emojis", F.arrayNode());
        return o;
    }
}
