package de.allmende.domain.client;

import de.allmende.domain.FieldError;
import de.allmende.domain.MediaUpload;
import de.allmende.domain.ProfileField;
import de.allmende.domain.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an app changes of the municipality's profile ({@code PATCH /api/v1/accounts/update_credentials}); an empty
 * part stays as it is. {@code note} is plain text, as apps send it; {@code fields} replace all fields (Mastodon's
 * {@code fields_attributes}); {@code language} blank clears the preset language.
 */
public record ProfileChange(Optional<String> displayName, Optional<String> note, Optional<MediaUpload> avatar,
                            Optional<MediaUpload> header, Optional<Boolean> locked, Optional<Boolean> bot,
                            Optional<Boolean> discoverable, Optional<List<ProfileField>> fields, Optional<String> privacy,
                            Optional<Boolean> sensitive, Optional<String> language) {
    /** Mastodon's limits for fields; names and bios as long as a municipality's may be when it is created. */
    public static final int MAX_FIELDS = 4;
    static final int MAX_FIELD_TEXT = 255;
    static final int MAX_NAME = 100;
    static final int MAX_NOTE = 2000;
    private static final Set<String> PRIVACY = Set.of("public", "unlisted", "private", "direct");

    /** 422 with every field that is wrong. */
    public void validate() {
        List<FieldError> errors = new ArrayList<>();
        displayName.map(String::strip).ifPresent(n -> {
            if (n.isEmpty() || length(n) > MAX_NAME) errors.add(new FieldError("display_name", "required, at most " + MAX_NAME + " characters"));
        });
        note.filter(n -> length(n) > MAX_NOTE).ifPresent(n -> errors.add(new FieldError("note", "at most " + MAX_NOTE + " characters")));
        fields.ifPresent(list -> {
            if (list.size() > MAX_FIELDS) errors.add(new FieldError("fields_attributes", "at most " + MAX_FIELDS + " fields"));
            if (list.stream().anyMatch(f -> length(f.name()) > MAX_FIELD_TEXT || length(f.value()) > MAX_FIELD_TEXT)) {
                errors.add(new FieldError("fields_attributes", "names and values of at most " + MAX_FIELD_TEXT + " characters"));
            }
        });
        privacy.filter(p -> !PRIVACY.contains(p)).ifPresent(p ->
                errors.add(new FieldError("source[privacy]", "one of public, unlisted, private, direct")));
        language.map(String::strip).filter(l -> !l.isEmpty() && !l.matches("[a-z]{2}")).ifPresent(l ->
                errors.add(new FieldError("source[language]", "a two-letter ISO 639-1 code, such as de or en")));
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
