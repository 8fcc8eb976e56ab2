package de.allmende.route;

/** Media types (without parameters) the routes answer with. */
public final class MediaType {
    public static final String ACTIVITY_JSON = "application/activity+json";
    /** With the ActivityStreams profile. */
    public static final String LD_JSON = "application/ld+json";
    public static final String HTML = "text/html";
    public static final String JSON = "application/json";
    public static final String JRD = "application/jrd+json";
    public static final String XRD = "application/xrd+xml";
    public static final String ATOM = "application/atom+xml";
    public static final String CALENDAR = "text/calendar";
    /** RFC 4180, with a header row (the directory, the search export). */
    public static final String CSV = "text/csv";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    public static final String PROMETHEUS = "text/plain";
    public static final String PLAIN = "text/plain";
    public static final String TURTLE = "text/turtle";
    /** Server-sent events (streaming). */
    public static final String EVENT_STREAM = "text/event-stream";
    /** Uploaded files answer with their own type, one of {@link de.allmende.domain.FileType}'s. */
    public static final String UPLOADED = "*/*";

    private MediaType() {}
}
