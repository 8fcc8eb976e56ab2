package de.allmende.domain.coordinator;

import de.allmende.domain.LocalActor;

/**
 * A coordinator's topic group (issue 11, FEP-1b12): the Group actor that stands for one field of action.
 *
 * @param field the field of action's code (a {@code Handlungsfeld} code such as {@code partizipation})
 */
public record TopicGroup(LocalActor actor, long coordinatorId, String field) {}
