package de.allmende.federation.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Lesson;
import de.allmende.content.Localized;
import de.allmende.content.Markdown;
import de.allmende.support.Html;

import java.util.function.Function;

/**
 * The lesson terms of an Article. The HTML content puts the sections under headings; the Markdown
 * sections travel as a JSON literal so a receiving node gets the structure back.
 */
final class LessonAs {
    private LessonAs() {}

    static String write(ObjectNode o, Lesson l) {
        o.put("lessonType", l.lessonType().code());
        Lesson.Sections s = l.sections();
        ObjectNode sections = o.putObject("lessonSections");
        section(sections, "context", s.context());
        section(sections, "approach", s.approach());
        section(sections, "whatWorked", s.whatWorked());
        section(sections, "obstacles", s.obstacles());
        section(sections, "recommendation", s.recommendation());
        ObjectNode t = o.putObject("transferability").put("level", l.transferability().level().code());
        ContentToAs.vocab(t, "sizeClasses", l.transferability().sizeClasses());
        if (l.transferability().conditions() != null) {
            ContentToAs.localizedMap(t, "conditions", l.transferability().conditions(), Function.identity());
        }
        if (l.effort() != null) {
            ObjectNode e = o.putObject("effort");
            if (l.effort().personDays() != null) e.put("personDays", l.effort().personDays());
            if (l.effort().costEuro() != null) e.put("costEuro", l.effort().costEuro());
            if (l.effort().note() != null) e.put("note", l.effort().note());
        }
        ContentToAs.uris(o, "evidence", l.evidence());
        if (l.project() != null) o.put("project", l.project().toString());
        ContentToAs.vocab(o, "openness", l.openness());
        String de = html(l, true);
        ObjectNode map = o.putObject("contentMap").put("de", de);
        if (s.context().en() != null) map.put("en", html(l, false));
        return de;
    }

    private static void section(ObjectNode sections, String name, Localized text) {
        if (text != null) ContentToAs.localizedMap(sections, name, text, Function.identity());
    }

    private static String html(Lesson l, boolean german) {
        Lesson.Sections s = l.sections();
        StringBuilder sb = new StringBuilder();
        if (l.common().body() != null) sb.append(Markdown.toHtml(pick(l.common().body(), german)));
        append(sb, german ? "Ausgangslage" : "Context", s.context(), german);
        append(sb, german ? "Vorgehen" : "Approach", s.approach(), german);
        append(sb, german ? "Was funktioniert hat" : "What worked", s.whatWorked(), german);
        append(sb, german ? "Hindernisse" : "Obstacles", s.obstacles(), german);
        append(sb, german ? "Empfehlung" : "Recommendation", s.recommendation(), german);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String heading, Localized text, boolean german) {
        if (text == null) return;
        sb.append("<h2>").append(Html.escape(heading)).append("</h2>").append(Markdown.toHtml(pick(text, german)));
    }

    private static String pick(Localized l, boolean german) {
        return german || l.en() == null ? l.de() : l.en();
    }
}
