package de.allmende.content;

import de.allmende.content.InputReader.Need;
import de.allmende.content.vocab.LessonType;
import de.allmende.content.vocab.SizeClass;
import de.allmende.content.vocab.TransferLevel;

import java.util.Set;

/** Reads and checks the lesson-specific fields. */
final class LessonInput {
    private LessonInput() {}

    static Lesson read(InputReader r, Common common) {
        r.onlyKnown(ContentInput.known(Set.of("sections", "lessonType", "transferability", "effort", "evidence", "project", "openness")));
        Lesson.Sections sections = sections(r);
        LessonType type = r.vocab("lessonType", LessonType.class, Need.REQUIRED);
        Lesson.Transferability transfer = null;
        InputReader t = r.object("transferability", Need.REQUIRED);
        if (t != null) {
            t.onlyKnown(Set.of("level", "sizeClasses", "conditions"));
            TransferLevel level = t.vocab("level", TransferLevel.class, Need.REQUIRED);
            var sizes = t.vocabList("sizeClasses", SizeClass.class, Need.OPTIONAL);
            Localized conditions = t.localized("conditions", Need.OPTIONAL, ContentInput.SUMMARY * 4);
            if (level != null) transfer = new Lesson.Transferability(level, sizes, conditions);
        }
        Lesson.Effort effort = null;
        InputReader e = r.object("effort", Need.OPTIONAL);
        if (e != null) {
            e.onlyKnown(Set.of("personDays", "costEuro", "note"));
            effort = new Lesson.Effort(e.number("personDays", 0, 100_000), e.number("costEuro", 0, 1e10),
                    e.text("note", Need.OPTIONAL, ContentInput.SUMMARY));
        }
        var evidence = r.urls("evidence", 50);
        var project = r.url("project", Need.OPTIONAL);
        return new Lesson(common, sections, type, transfer, effort, evidence, project, ContentInput.openness(r));
    }

    private static Lesson.Sections sections(InputReader r) {
        InputReader s = r.object("sections", Need.REQUIRED);
        if (s == null) return null;
        s.onlyKnown(Set.of("context", "approach", "whatWorked", "obstacles", "recommendation"));
        int max = ContentInput.BODY / 5;
        return new Lesson.Sections(s.localized("context", Need.REQUIRED, max), s.localized("approach", Need.OPTIONAL, max),
                s.localized("whatWorked", Need.OPTIONAL, max), s.localized("obstacles", Need.OPTIONAL, max),
                s.localized("recommendation", Need.REQUIRED, max));
    }
}
