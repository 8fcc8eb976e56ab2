package de.allmende.domain.people;

import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A new person as the CLI (later the staff web UI) gives it: checked here, so every entry point has the same rules. */
public record PersonInput(String username, String email, String municipalityHandle, Role role) {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public PersonInput {
        username = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        email = email == null ? "" : email.strip();
        List<FieldError> errors = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "1-63 characters: a-z, 0-9, '_', '.', '-', starting with a letter or digit"));
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) errors.add(new FieldError("email", "an e-mail address"));
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }
}
