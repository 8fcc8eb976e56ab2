package de.allmende.content;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static de.allmende.content.ContentJson.localized;
import static de.allmende.content.ContentJson.text;
import static de.allmende.content.ContentJson.uri;
import static de.allmende.content.ContentJson.uris;
import static de.allmende.content.ContentJson.vocab;

/** The lesson-specific fields of the API representation. */
final class LessonJson {
    private LessonJson() {}

    static void write(ObjectNode o, Lesson l) {
        ObjectNode s = o.putObject("sections");
        localized(s, "context", l.sections().context());
        localized(s, "approach", l.sections().approach());
        localized(s, "whatWorked", l.sections().whatWorked());
        localized(s, "obstacles", l.sections().obstacles());
        localized(s, "recommendation", l.sections().recommendation());
        o.put("lessonType", l.lessonType().code());
        ObjectNode t = o.putObject("transferability").put("level", l.transferability().level().code());
        vocab(t, "sizeClasses", l.transferability().sizeClasses());
        localized(t, "conditions", l.transferability().conditions());
        if (l.effort() != null) {
            ObjectNode e = o.putObject("effort");
            if (l.effort().personDays() != null) e.put("personDays", l.effort().personDays());
            if (l.effort().costEuro() != null) e.put("costEuro", l.effort().costEuro());
            text(e, "note", l.effort().note());
        }
        uris(o, "evidence", l.evidence());
        uri(o, "project", l.project());
        vocab(o, "openness", l.openness());
    }
}
