package de.allmende.api.staff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.Responses;
import de.allmende.domain.Media;

/** The staff API's representation of an uploaded file (schema {@code Media} in the OpenAPI document). */
final class MediaJson {
    private MediaJson() {}

    static ObjectNode toJson(Media m) {
        ObjectNode o = Responses.JSON.createObjectNode()
                .put("id", m.id().toString())
                .put("type", m.isImage() ? "image" : "document")
                .put("mediaType", m.mediaType())
                .put("url", m.url().toString())
                .put("fileName", m.fileName())
                .put("size", m.size())
                .put("sha256", m.sha256());
        o.put("description", m.description().orElse(null));
        o.put("created", m.created().toString());
        return o;
    }
}
