package de.allmende.content.calendar;

import de.allmende.domain.Land;

import java.net.URI;
import java.util.Optional;

/**
 * Who publishes an event in the calendar: a municipality here or an actor elsewhere, with its Land where its profile
 * names one (Allmende profiles do, by Land or AGS; Mobilizon groups do not).
 *
 * @param acct how a filter names it: the handle here, {@code user@host} elsewhere
 */
public record Organiser(URI iri, String name, String acct, Optional<Land> land) {}
