package de.allmende.federation.inbox;

import java.util.List;
import java.util.function.Supplier;

/**
 * One generated request and what its answer must be. Every answer must be below 500 and arrive within
 * a second; {@link Expect} says which statuses are right besides.
 *
 * @param mayClose the node may close the connection without an answer (broken framing, an oversized body)
 */
record Probe(String label, Expect expect, Wire.Request request, boolean mayClose) {

    enum Expect {
        /** A legitimate activity, correctly signed: 202. */
        ACCEPT,
        /** Correctly signed by its own actor and within the origin rules, only unusual: a 2xx or a 4xx. */
        EITHER,
        /** Not provably by its actor (signature, key, time window) or against the origin rules: a 2xx is a forgery. */
        FORGERY,
        /** Malformed (not strict JSON, wrong media type, no such inbox, bad Host or framing): a 2xx is lenience. */
        MALFORMED
    }

    /** A probe whose request is built (signed) later: all of a class at once, in parallel, just before it is sent. */
    record Draft(String label, Expect expect, Supplier<Wire.Request> request, boolean mayClose) {
        static Draft of(String label, Expect expect, Supplier<Wire.Request> request) {
            return new Draft(label, expect, request, false);
        }

        Draft closingAllowed() {
            return new Draft(label, expect, request, true);
        }

        Probe build() {
            return new Probe(label, expect, request.get(), mayClose);
        }
    }

    /**
     * A class of probes, reported on its own.
     *
     * @param finding what it covers: an issue 8 finding or a part of the "Done when" list
     */
    record Kind(String name, String finding, Supplier<List<Draft>> drafts) {}
}
