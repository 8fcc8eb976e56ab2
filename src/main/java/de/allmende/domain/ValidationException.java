package de.allmende.domain;

import java.util.List;
import java.util.stream.Collectors;

/** Input rejected field by field; HTTP maps it to 422, the CLI prints one line per field. */
public final class ValidationException extends RuntimeException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
