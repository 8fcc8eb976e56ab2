package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.service.InstanceFacts;
import de.allmende.service.InstanceFacts.Limits;

/**
 * Mastodon's Instance (v2) and V1Instance entities, from what the node tells about itself. Registration is
 * closed: people get their login from the municipality's admin ({@code user create}), not by signing up.
 */
final class InstanceJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private InstanceJson() {}

    /** @param vapidKey the node's VAPID public key, for apps that subscribe to Web Push */
    static ObjectNode v2(InstanceFacts facts, String vapidKey) {
        ObjectNode o = F.objectNode();
        o.put("domain", facts.domain());
        o.put("title", facts.title());
        o.put("version", facts.compatibleVersion());
        o.put("source_url", facts.publicUrl().toString()); // the project has no public repository address yet
        o.put("description", facts.description());
        o.putObject("usage").putObject("users").put("active_month", facts.usage().activeMonth());
        o.putObject("thumbnail").put("url", facts.publicUrl().resolve("/favicon.ico").toString());
        o.putArray("icon");
        languages(o.putArray("languages"), facts);
        ObjectNode configuration = o.putObject("configuration");
        configuration.putObject("urls").put("streaming", streaming(facts));
        configuration.putObject("vapid").put("public_key", vapidKey);
        configuration.putObject("accounts").put("max_featured_tags", 0).put("max_pinned_statuses", 5);
        statuses(configuration.putObject("statuses"), facts.limits());
        media(configuration.putObject("media_attachments"), facts.limits());
        polls(configuration.putObject("polls"), facts.limits());
        configuration.putObject("translation").put("enabled", false);
        ObjectNode registrations = o.putObject("registrations");
        registrations.put("enabled", false).put("approval_required", true).putNull("message").putNull("url");
        ObjectNode contact = o.putObject("contact");
        contact.put("email", "");
        contact.putNull("account");
        o.putArray("rules");
        o.putObject("api_versions").put("mastodon", 1);
        return o;
    }

    static ObjectNode v1(InstanceFacts facts) {
        ObjectNode o = F.objectNode();
        o.put("uri", facts.domain());
        o.put("title", facts.title());
        o.put("short_description", facts.description());
        o.put("description", facts.description());
        o.put("email", "");
        o.put("version", facts.compatibleVersion());
        o.putObject("urls").put("streaming_api", streaming(facts));
        o.putObject("stats").put("user_count", facts.usage().total()).put("status_count", facts.usage().localPosts()).put("domain_count", 0);
        o.putNull("thumbnail");
        languages(o.putArray("languages"), facts);
        o.put("registrations", false);
        o.put("approval_required", true);
        o.put("invites_enabled", false);
        ObjectNode configuration = o.putObject("configuration");
        configuration.putObject("accounts").put("max_featured_tags", 0);
        statuses(configuration.putObject("statuses"), facts.limits());
        media(configuration.putObject("media_attachments"), facts.limits());
        polls(configuration.putObject("polls"), facts.limits());
        o.putNull("contact_account");
        o.putArray("rules");
        return o;
    }

    private static String streaming(InstanceFacts facts) {
        String url = facts.publicUrl().toString().replaceFirst("^http", "ws");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void languages(ArrayNode array, InstanceFacts facts) {
        facts.languages().forEach(array::add);
    }

    private static void statuses(ObjectNode o, Limits l) {
        o.put("max_characters", l.maxCharacters()).put("max_media_attachments", l.maxMediaAttachments())
                .put("characters_reserved_per_url", l.charactersReservedPerUrl());
    }

    private static void media(ObjectNode o, Limits l) {
        ArrayNode types = o.putArray("supported_mime_types");
        l.mediaTypes().forEach(types::add);
        o.put("image_size_limit", l.imageSizeLimit()).put("image_matrix_limit", de.allmende.domain.FileType.MAX_IMAGE_PIXELS)
                .put("video_size_limit", 0).put("video_frame_rate_limit", 0).put("video_matrix_limit", 0)
                .put("description_limit", l.descriptionLimit());
    }

    private static void polls(ObjectNode o, Limits l) {
        o.put("max_options", l.maxPollOptions()).put("max_characters_per_option", l.maxPollOptionCharacters())
                .put("min_expiration", l.minPollSeconds()).put("max_expiration", l.maxPollSeconds());
    }
}
