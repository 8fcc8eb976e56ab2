package de.allmende.content;

import de.allmende.content.vocab.LessonType;
import de.allmende.content.vocab.Offenheit;
import de.allmende.content.vocab.SizeClass;
import de.allmende.content.vocab.TransferLevel;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/**
 * A lesson learned, published as an Article whose summary is the key takeaway. The sections follow
 * the pilot's reports: context, approach, what worked, obstacles, recommendation.
 */
public record Lesson(Common common, Sections sections, LessonType lessonType, Transferability transferability,
                     Effort effort, List<URI> evidence, URI project, List<Offenheit> openness) implements ContentDetails {
    public Lesson {
        evidence = List.copyOf(evidence);
        openness = List.copyOf(openness);
    }

    @Override public ContentKind kind() { return ContentKind.LESSON; }

    /** Markdown sections; {@code context} and {@code recommendation} are required. */
    public record Sections(Localized context, Localized approach, Localized whatWorked, Localized obstacles,
                           Localized recommendation) {}

    /** How well the lesson transfers, to which size classes, under which conditions. */
    public record Transferability(TransferLevel level, List<SizeClass> sizeClasses, Localized conditions) {
        public Transferability {
            sizeClasses = List.copyOf(sizeClasses);
        }
    }

    /** What it took: person-days, cost in euros, and a free note. Any part may be unknown (null). */
    public record Effort(BigDecimal personDays, BigDecimal costEuro, String note) {}
}
