package de.allmende.domain;

/** One invalid input field and what is wrong with it, in words a user can act on. */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
