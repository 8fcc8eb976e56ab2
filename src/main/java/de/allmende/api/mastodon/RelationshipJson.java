package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.service.client.Relationship;

import java.util.List;

/** Mastodon's Relationship entity (docs.joinmastodon.org/entities/Relationship). */
final class RelationshipJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RelationshipJson() {}

    static ArrayNode relationships(List<Relationship> list) {
        ArrayNode out = F.arrayNode();
        list.forEach(r -> out.add(relationship(r)));
        return out;
    }

    static ObjectNode relationship(Relationship r) {
        Relationship.Following f = r.following();
        ObjectNode o = F.objectNode();
        o.put("id", Long.toString(r.accountId()));
        o.put("following", f.following());
        o.put("showing_reblogs", f.showingReblogs());
        o.put("notifying", f.notifying());
        if (f.languages().isPresent()) {
            ArrayNode langs = o.putArray("languages");
            f.languages().get().forEach(langs::add);
        } else {
            o.putNull("languages");
        }
        o.put("followed_by", r.followedBy());
        o.put("blocking", r.blocking());
        o.put("blocked_by", r.blockedBy());
        o.put("muting", r.muting().muting());
        o.put("muting_notifications", r.muting().notifications());
        o.put("requested", f.requested());
        o.put("requested_by", r.requestedBy());
        o.put("domain_blocking", r.domainBlocking());
        o.put("endorsed", false);
        o.put("note", r.note());
        return o;
    }
}
