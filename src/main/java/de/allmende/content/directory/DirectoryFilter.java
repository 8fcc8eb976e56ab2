package de.allmende.content.directory;

import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.SizeClass;
import de.allmende.domain.Land;
import de.allmende.domain.MunicipalityType;

import java.util.Optional;

/**
 * Which municipalities the directory lists: each criterion given narrows the list; none given lists all. A field of
 * action lists those with at least one public post in it.
 */
public record DirectoryFilter(Optional<Land> land, Optional<MunicipalityType> type, Optional<SizeClass> sizeClass,
                              Optional<Handlungsfeld> field) {
    public static final DirectoryFilter ANY = new DirectoryFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public boolean admits(DirectoryEntry e) {
        return matches(land, e.land()) && matches(type, e.type()) && matches(sizeClass, e.sizeClass())
                && field.map(f -> e.fields().getOrDefault(f, 0L) > 0).orElse(true);
    }

    private static <T> boolean matches(Optional<T> wanted, Optional<T> actual) {
        return wanted.isEmpty() || wanted.equals(actual);
    }
}
