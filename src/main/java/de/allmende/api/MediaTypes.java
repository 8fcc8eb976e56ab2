package de.allmende.api;

import de.allmende.route.MediaType;

import java.util.Locale;

/** Content types (the route table's, with their parameters) and Accept-header negotiation between ActivityStreams JSON and HTML. */
public final class MediaTypes {
    private static final String UTF_8 = "; charset=utf-8";
    public static final String ACTIVITY_JSON = MediaType.ACTIVITY_JSON;
    public static final String LD_JSON_AS = MediaType.LD_JSON + "; profile=\"https://www.w3.org/ns/activitystreams\"";
    public static final String JRD_JSON = MediaType.JRD + UTF_8;
    public static final String JSON = MediaType.JSON + UTF_8;
    public static final String HTML = MediaType.HTML + UTF_8;
    public static final String XRD_XML = MediaType.XRD + UTF_8;

    private MediaTypes() {}

    /** What the client asked for, by the Accept header. */
    public enum Representation { ACTIVITY_JSON, LD_JSON, HTML }

    /**
     * ActivityStreams JSON when the client names an ActivityStreams type (or plain JSON) at least as
     * strongly as HTML; HTML otherwise — browsers send text/html first. Replies with ld+json exactly
     * when only ld+json was asked for, so strict clients get back the type they requested.
     */
    public static Representation negotiate(String accept) {
        if (accept == null || accept.isBlank()) return Representation.HTML;
        double activity = 0, ld = 0, json = 0, html = 0;
        for (String part : accept.toLowerCase(Locale.ROOT).split(",")) {
            String[] params = part.trim().split(";");
            String type = params[0].trim();
            double q = quality(params);
            switch (type) {
                case "application/activity+json" -> activity = Math.max(activity, q);
                case "application/ld+json" -> ld = Math.max(ld, q);
                case "application/json" -> json = Math.max(json, q);
                case "text/html", "application/xhtml+xml" -> html = Math.max(html, q);
                default -> { }
            }
        }
        double as = Math.max(activity, Math.max(ld, json));
        if (as == 0 || html > as) return Representation.HTML;
        return ld > 0 && activity == 0 ? Representation.LD_JSON : Representation.ACTIVITY_JSON;
    }

    public static String contentType(Representation r) {
        return switch (r) {
            case LD_JSON -> LD_JSON_AS;
            case ACTIVITY_JSON -> ACTIVITY_JSON;
            case HTML -> HTML;
        };
    }

    private static double quality(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String p = params[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
