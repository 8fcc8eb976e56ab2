package de.allmende.federation.inbox;

import de.allmende.federation.inbox.Probe.Draft;
import de.allmende.federation.inbox.Probe.Expect;
import de.allmende.federation.inbox.Probe.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static de.allmende.federation.inbox.Probe.Expect.EITHER;
import static de.allmende.federation.inbox.Probe.Expect.MALFORMED;

/**
 * Every GET route of the node, each path parameter replaced by what an attacker would try — NUL,
 * stray percent signs, broken UTF-8, great length — and each fixed route with such a query (finding
 * 6). A replaced parameter names nothing that exists, so it must not be answered 2xx.
 */
final class GetRoutes {
    private static final List<String> ROUTES = List.of("/actors/{h}", "/@{h}", "/actors/{h}/icon.png", "/actors/{h}/outbox",
            "/actors/{h}/followers", "/actors/{h}/following", "/actors/{h}/featured", "/actors/{h}/liked", "/actors/{h}/moderators", "/actors/{h}/feed.atom",
            "/actors/{h}/{kind}/feed.atom", "/actors/{h}/events.ics", "/objects/{id}", "/activities/{id}", "/media/{id}",
            "/.well-known/webfinger?resource=acct:{h}@{host}");
    private static final List<String> FIXED = List.of("/.well-known/host-meta", "/.well-known/host-meta.json", "/.well-known/nodeinfo",
            "/nodeinfo/2.0", "/nodeinfo/2.1", "/actor", "/actor/outbox", "/health/live", "/health/ready", "/", "/metrics");
    private static final List<String> HOSTILE = List.of("%00", "x%00", "musterstadt%00", "%00musterstadt", "%25", "%", "%zz", "%2", "a%20b",
            "{}", "%7B%7D", "%2e%2e", "%2F", "a%2Fb", "%5C", "%C3%A4", "%F0%9F%98%80", "%FF", "%C0%AF", "%ED%A0%80", "%EF%BB%BF", "%0A",
            "%0D%0A", "%09", "%7F", "'", "%22", "%3Cscript%3E", "x".repeat(300), "ä", "-1", "99999999999999999999999",
            "00000000-0000-0000-0000-00000000000g", "%00".repeat(100), "musterstadt%20", "musterstadt.json");
    private static final List<String> ACCEPTS = List.of("application/activity+json", "text/html", "*/*");

    private final String nodeHost;
    private final Random random;

    GetRoutes(String nodeHost, Random random) {
        this.nodeHost = nodeHost;
        this.random = random;
    }

    List<Kind> kinds() {
        return List.of(new Kind("get/paths", "finding 6 (and 11 on HTML answers): hostile path segments and queries on GET routes",
                () -> RecordedProbes.sample(drafts(), 1000, random)));
    }

    private List<Draft> drafts() {
        List<Draft> out = new ArrayList<>();
        for (String route : ROUTES) {
            for (String accept : ACCEPTS) out.add(get(fill(route, "musterstadt", "events", "1"), accept, EITHER));
            for (String bad : HOSTILE) {
                String accept = ACCEPTS.get(random.nextInt(ACCEPTS.size()));
                if (route.contains("{h}")) out.add(get(fill(route, bad, "events", "1"), accept, MALFORMED));
                if (route.contains("{kind}")) out.add(get(fill(route, "musterstadt", bad, "1"), accept, MALFORMED));
                if (route.contains("{id}")) out.add(get(fill(route, "musterstadt", "events", bad), accept, MALFORMED));
                out.add(get(fill(route, "musterstadt", "events", "1") + (route.contains("?") ? "&" : "?") + "max_id=" + bad, accept, EITHER));
            }
        }
        for (String fixed : FIXED) {
            for (String accept : ACCEPTS) out.add(get(fixed, accept, EITHER));
            for (String bad : HOSTILE) out.add(get(fixed + "?page=" + bad, ACCEPTS.get(random.nextInt(ACCEPTS.size())), EITHER));
            out.add(get(fixed + "%00", "*/*", MALFORMED));
        }
        for (String odd : new String[]{"/actors/musterstadt/../musterstadt", "/actors/MUSTERSTADT", "//actors//musterstadt"}) {
            out.add(get(odd, "application/activity+json", EITHER));
        }
        return out;
    }

    private String fill(String route, String handle, String kind, String id) {
        return route.replace("{h}", handle).replace("{kind}", kind).replace("{id}", id).replace("{host}", nodeHost);
    }

    private Draft get(String target, String accept, Expect expect) {
        return Draft.of("GET " + TransportMutations.shorten(target) + " (" + accept + ")", expect,
                () -> Wire.request("GET", target).header("Host", nodeHost).header("Accept", accept).build());
    }
}
