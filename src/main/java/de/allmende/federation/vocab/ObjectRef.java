package de.allmende.federation.vocab;

import java.net.URI;
import java.util.Optional;

/**
 * What an activity's {@code object} (or an object's) names: an IRI to dereference, a document embedded in
 * place, or nothing readable as one object (absent, a number, several objects).
 */
public sealed interface ObjectRef {
    ObjectRef NONE = new None();

    /** The IRI of what is named: the link itself or the embedded document's id. */
    Optional<URI> iri();

    /** The embedded document, if the object was given in place. */
    default Optional<AsObject> embedded() {
        return Optional.empty();
    }

    /** The embedded document's type, or "" for a link or nothing (a link says nothing about its type). */
    default String type() {
        return embedded().flatMap(AsObject::type).orElse("");
    }

    /** Named by IRI (a string, or a one-element array holding one). */
    record Link(URI target) implements ObjectRef {
        @Override
        public Optional<URI> iri() {
            return Optional.of(target);
        }
    }

    /** Given in place. */
    record Embedded(AsObject object) implements ObjectRef {
        @Override
        public Optional<URI> iri() {
            return object.id();
        }

        @Override
        public Optional<AsObject> embedded() {
            return Optional.of(object);
        }
    }

    record None() implements ObjectRef {
        @Override
        public Optional<URI> iri() {
            return Optional.empty();
        }
    }
}
