package de.allmende.domain.notification;

import java.util.Optional;
import java.util.Set;

/**
 * Which notifications a list or count keeps, from the client API's parameters: only these types ({@code types[]};
 * empty: all), not these ({@code exclude_types[]}), only from this account ({@code account_id}). Types are wire names
 * as apps send them, so a type this node never writes simply matches nothing.
 */
public record NotificationFilter(Set<String> types, Set<String> excludeTypes, Optional<Long> fromAccount) {
    public static final NotificationFilter ALL = new NotificationFilter(Set.of(), Set.of(), Optional.empty());

    public NotificationFilter {
        types = Set.copyOf(types);
        excludeTypes = Set.copyOf(excludeTypes);
    }
}
