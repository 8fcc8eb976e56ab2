package de.allmende.domain;

/** What a local actor stands for. */
public enum ActorKind {
    /** A municipality (Kommune): published as an ActivityPub Organization. */
    MUNICIPALITY("municipality"),
    /** The node itself (FEP-2677/FEP-d556): an Application that signs server-to-server fetches. */
    INSTANCE("instance"),
    /**
     * A coordinator (network office of a Land or the Bund, issue 11): published as an Organization marked
     * {@code coordinator}; it follows municipalities and aggregates what they publish.
     */
    COORDINATOR("coordinator"),
    /** The node's relay (FEP-ae0c), when it runs one: an Application that forwards its subscribers' public activities. */
    RELAY("relay"),
    /**
     * A topic group of a coordinator (issue 11, FEP-1b12): published as a Group for one field of action; it boosts the
     * network's public items of that field and what municipalities address to it.
     */
    GROUP("group");

    private final String dbName;

    ActorKind(String dbName) { this.dbName = dbName; }

    public String dbName() { return dbName; }

    public static ActorKind fromDb(String s) {
        for (ActorKind k : values()) if (k.dbName.equals(s)) return k;
        throw new IllegalArgumentException(s);
    }
}
