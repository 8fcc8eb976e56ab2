package de.allmende.domain.client;

import java.util.Optional;

/**
 * An edit of a status as an app sends it (PUT /api/v1/statuses/:id): what it names changes, the rest stays as it was
 * (the text and content warning as typed, sensitivity, language).
 */
public record StatusChange(Optional<String> text, Optional<String> spoilerText, Optional<Boolean> sensitive, Optional<String> language,
                           Optional<java.util.List<String>> mediaIds) {
    public StatusChange(Optional<String> text, Optional<String> spoilerText, Optional<Boolean> sensitive, Optional<String> language) {
        this(text, spoilerText, sensitive, language, Optional.empty());
    }
}
