package de.allmende.route;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A path (and query) parsed by a route: its parameter values, raw as they stood in the IRI. */
public record RouteMatch(Route route, List<String> values, Map<Param, String> query) {
    public RouteMatch {
        values = List.copyOf(values);
        query = Map.copyOf(query);
    }

    /** The value of a path parameter of the route. */
    public String value(Param param) {
        int index = route.template().params().indexOf(param);
        if (index < 0) throw new IllegalArgumentException(route + " has no parameter " + param);
        return values.get(index);
    }

    public Optional<String> queryValue(Param param) {
        return Optional.ofNullable(query.get(param));
    }
}
