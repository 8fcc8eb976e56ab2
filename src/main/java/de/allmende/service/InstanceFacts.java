package de.allmende.service;

import de.allmende.config.NodeConfig;
import de.allmende.domain.FileType;

import java.net.URI;
import java.util.List;

/**
 * What a node tells apps about itself (Mastodon's instance entity): who runs it, what it runs, how many
 * take part, and the limits a post and its files must keep.
 *
 * @param compatibleVersion the Mastodon version apps should assume (see {@link #COMPATIBLE_WITH})
 */
public record InstanceFacts(String domain, URI publicUrl, String title, String description, String compatibleVersion,
                            NodeInfoService.Usage usage, List<String> languages, Limits limits) {

    /**
     * The Mastodon version reported to apps. Apps derive features from it (Ice Cubes: edits from 3.5; apps
     * switch to grouped notifications, {@code /api/v2/notifications}, from 4.3). 4.2 promises what this node
     * has or will have first, and nothing of 4.3's grouped notifications; apps find 4.3's OAuth additions
     * (PKCE, server metadata) by asking for them, not by version.
     */
    public static final String COMPATIBLE_WITH = "4.2.0";

    /** What a post and its attachments may be. */
    public record Limits(int maxCharacters, int maxMediaAttachments, int charactersReservedPerUrl,
                         List<String> mediaTypes, long imageSizeLimit, long documentSizeLimit, int descriptionLimit,
                         int maxPollOptions, int maxPollOptionCharacters, int minPollSeconds, int maxPollSeconds) {}

    /** The limits this node applies. */
    public static Limits nodeLimits() {
        return new Limits(5000, 4, 23,
                java.util.Arrays.stream(FileType.values()).map(FileType::mediaType).toList(),
                FileType.Category.IMAGE.maxBytes(), FileType.Category.DOCUMENT.maxBytes(), 1500,
                4, 50, 300, 2_629_746);
    }

    public static InstanceFacts of(NodeConfig config, NodeInfoService nodeInfo) {
        String version = COMPATIBLE_WITH + " (compatible; Allmende " + NodeInfoService.SOFTWARE_VERSION + ")";
        return new InstanceFacts(config.domain(), config.publicUrl(), config.nodeName(),
                "Ein Allmende-Knoten: Kommunen teilen Projekte, Termine, Erfahrungen und Arbeitshilfen zu Open Government.",
                version, nodeInfo.usage(), List.of("de", "en"), nodeLimits());
    }
}
