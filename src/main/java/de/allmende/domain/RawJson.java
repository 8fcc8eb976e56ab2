package de.allmende.domain;

/**
 * A JSON document kept as it came (an activity or object from a peer): stored whole, so fields this node does not
 * model are not lost. Outside the protocol adapter nobody reads it — the typed records say what it means.
 */
public record RawJson(String text) {
    @Override
    public String toString() {
        return text;
    }
}
