package de.allmende.content;

/** The kind-specific part of a piece of content. */
public sealed interface ContentDetails permits Project, ProjectUpdate, Event, Lesson, WorkingAid {
    Common common();

    ContentKind kind();
}
