package de.allmende.federation.inbox;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One generated request and what its answer must be. Every answer must be below 500 and arrive within
 * a second; {@link Expect} says which statuses are right besides.
 *
 * @param leeway what else the answer may be, for requests HTTP itself has a rule for
 */
record Probe(String label, Expect expect, Wire.Request request, Set<Leeway> leeway) {

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

    enum Leeway {
        /** Closing without an answer: framing the HTTP decoder gives up on, a body cut off after a 413. */
        CLOSE,
        /**
         * 501 to a request line whose version is neither HTTP/1.0 nor 1.1: Vert.x answers so before any
         * handler of ours runs (Http1ServerRequestHandler); RFC 9110 has a 5xx (505) for it too.
         */
        UNSUPPORTED_VERSION
    }

    /** A probe whose request is built (signed) later: all of a class at once, in parallel, just before it is sent. */
    record Draft(String label, Expect expect, Supplier<Wire.Request> request, Set<Leeway> leeway) {
        static Draft of(String label, Expect expect, Supplier<Wire.Request> request) {
            return new Draft(label, expect, request, Set.of());
        }

        Draft allowing(Leeway l) {
            Set<Leeway> more = leeway.isEmpty() ? EnumSet.noneOf(Leeway.class) : EnumSet.copyOf(leeway);
            more.add(l);
            return new Draft(label, expect, request, more);
        }

        Draft closingAllowed() {
            return allowing(Leeway.CLOSE);
        }

        Probe build() {
            return new Probe(label, expect, request.get(), leeway);
        }
    }

    /**
     * A class of probes, reported on its own.
     *
     * @param finding     what it covers: an issue 8 finding or a part of the "Done when" list
     * @param connections requests in flight at once; 0: the suite's default
     */
    record Kind(String name, String finding, Supplier<List<Draft>> drafts, int connections) {
        Kind(String name, String finding, Supplier<List<Draft>> drafts) {
            this(name, finding, drafts, 0);
        }
    }
}
