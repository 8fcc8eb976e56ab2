package de.allmende.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.allmende.domain.ProfileField;
import org.jooq.JSONB;

import java.util.List;

/** The {@code profile_fields} column (V21): a JSON array of {@code {"name": …, "value": …}}, in the order shown. */
final class ProfileFieldsColumn {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ProfileField>> FIELDS = new TypeReference<>() {};

    private ProfileFieldsColumn() {}

    static JSONB write(List<ProfileField> fields) {
        try {
            return JSONB.jsonb(JSON.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ProfileField> read(JSONB column) {
        try {
            return JSON.readValue(column.data(), FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable profile fields", e);
        }
    }
}
