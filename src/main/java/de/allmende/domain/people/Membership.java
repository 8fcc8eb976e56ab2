package de.allmende.domain.people;

import de.allmende.domain.LocalActor;

/** A person's role for one municipality: in the apps, the person acts as that municipality's account. */
public record Membership(LocalActor municipality, Role role) {}
