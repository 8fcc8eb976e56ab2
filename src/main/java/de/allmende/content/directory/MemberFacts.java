package de.allmende.content.directory;

import de.allmende.content.vocab.SizeClass;
import de.allmende.domain.Land;

import java.util.Optional;
import java.util.OptionalLong;

/** What the statistics count of a directory member: where it is, how large, how many follow it (as in the directory). */
public record MemberFacts(String acct, String name, Optional<Land> land, Optional<SizeClass> sizeClass, OptionalLong followers) {}
