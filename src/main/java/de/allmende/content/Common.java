package de.allmende.content;

import de.allmende.content.vocab.Handlungsfeld;

import java.util.List;

/**
 * What every kind of content has. Texts are Markdown as authored (on the wire they travel as HTML
 * plus the Markdown {@code source}). The first field of action is the primary one.
 */
public record Common(Localized title, Localized summary, Localized body, List<Handlungsfeld> fieldsOfAction,
                     List<String> tags, List<Attachment> images) {
    public Common {
        fieldsOfAction = List.copyOf(fieldsOfAction);
        tags = List.copyOf(tags);
        images = List.copyOf(images);
    }

    public java.util.Optional<Handlungsfeld> primaryField() {
        return fieldsOfAction.stream().findFirst();
    }
}
