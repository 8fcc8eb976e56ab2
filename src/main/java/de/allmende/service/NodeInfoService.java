package de.allmende.service;

import de.allmende.domain.LocalActor;

import java.util.List;

/** Facts about the node for NodeInfo: usage counts and the municipalities it hosts. */
public final class NodeInfoService {
    public static final String SOFTWARE_NAME = "allmende";
    public static final String SOFTWARE_VERSION = softwareVersion();

    private final ActorService actors;

    public NodeInfoService(ActorService actors) {
        this.actors = actors;
    }

    /** Current counts; posts are counted once content exists (0 until then). */
    public Usage usage() {
        int users = actors.countMunicipalities();
        return new Usage(users, users, users, 0);
    }

    public List<LocalActor> municipalities() {
        return actors.listMunicipalities();
    }

    public record Usage(int total, int activeHalfyear, int activeMonth, long localPosts) {}

    private static String softwareVersion() {
        String v = NodeInfoService.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v.replace("-SNAPSHOT", "");
    }
}
