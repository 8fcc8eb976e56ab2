package de.allmende.route;

import de.allmende.content.ContentKind;
import de.allmende.domain.MunicipalityInput;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A typed parameter of a route: in the path ({@code /actors/{handle}}) or in the query
 * ({@code ?max_id=…}). Its syntax decides what a parse accepts, so a value that could name nothing of
 * ours is no match at all. The syntax of a path parameter admits only RFC 3986 unreserved characters:
 * its value stands in an IRI as it is, and parsing never needs to decode it. Query values are
 * percent-encoded in links and decoded when parsed.
 *
 * @param values the closed set of values, or empty when any value of the syntax may occur; a path
 *               parameter with a closed set is routed as one literal path per value
 */
public record Param(String name, Predicate<String> syntax, List<String> values) {
    /** Ids this node mints (UUIDs) and any other id made of unreserved characters. */
    private static final Pattern LOCAL_ID_SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    /** A municipality's handle, well-formed as {@link MunicipalityInput} requires. */
    public static final Param HANDLE = open("handle", MunicipalityInput::isWellFormedHandle);
    /** The id of a local object or activity. */
    public static final Param LOCAL_ID = open("id", LOCAL_ID_SHAPE.asMatchPredicate());
    /** The id of an uploaded file or a content item: a UUID. */
    public static final Param UUID_ID = open("id", UUID_SHAPE.asMatchPredicate());
    /** A client API id (an account's or a status's snowflake id): digits only, so any other value is a 404. */
    public static final Param CLIENT_ID = open("id", DIGITS.asMatchPredicate());
    /**
     * A hashtag's name in a client API path ({@code /tags/{name}}): letters, digits, marks and underscores, as
     * Mastodon's hashtags are. The router hands it over decoded; built into a path, it is percent-encoded. Unlike the
     * other path parameters it admits more than unreserved characters, so a name with umlauts names a route for the
     * router but is not parsed back out of an IRI (nothing needs that: tag paths are no ActivityPub ids).
     */
    public static final Param TAG_NAME = open("name", Pattern.compile("[\\p{L}\\p{M}\\p{N}_\\u00B7\\u200C]{1,100}").asMatchPredicate());
    /** A content kind by its plural, e.g. {@code events}. */
    public static final Param KIND = closed("kind", Arrays.stream(ContentKind.values()).map(ContentKind::plural).toList());
    public static final Param NODEINFO_VERSION = closed("version", List.of("2.0", "2.1"));

    /** Collection paging, Mastodon's way: {@code ?page=true} for the first page, then {@code ?max_id=N}. */
    public static final Param PAGE = closed("page", List.of("true"));
    public static final Param MAX_ID = open("max_id", DIGITS.asMatchPredicate());
    /** The visible "JSON-LD" link of an object page: its document despite the browser's Accept header. */
    public static final Param FORMAT = closed("format", List.of("json"));
    /** WebFinger's query (RFC 7033); what a resource may be is the handler's to judge. */
    public static final Param RESOURCE = open("resource", s -> !s.isEmpty());
    public static final Param REL = open("rel", s -> !s.isEmpty());

    /**
     * The merged calendar's filter ({@code /calendar?land=BY&field=partizipation…}): Land, field of action, online or on
     * site, first and last day, municipality, and the page's language. Values are judged by the calendar's handler, which
     * answers 400 with what it expected; several values of one parameter widen the filter.
     */
    public static final Param LAND = open("land", s -> !s.isEmpty());
    public static final Param FIELD = open("field", s -> !s.isEmpty());
    public static final Param ATTENDANCE = closed("attendance", List.of("any", "online", "onsite"));
    public static final Param FROM = open("from", s -> !s.isEmpty());
    public static final Param TO = open("to", s -> !s.isEmpty());
    public static final Param MUNICIPALITY = open("municipality", s -> !s.isEmpty());
    public static final Param LANG = closed("lang", List.of("de", "en"));
    /** The calendar's parameters in the order links write them. */
    public static final List<Param> CALENDAR_FILTER = List.of(LAND, FIELD, ATTENDANCE, FROM, TO, MUNICIPALITY, LANG);

    /**
     * The directory's filter ({@code /directory?land=BY&type=stadt&size=kleinstadt&field=open-data}): each at most once,
     * judged by the directory's handler, which answers 400 with what it expected.
     */
    public static final Param TYPE = open("type", s -> !s.isEmpty());
    public static final Param SIZE = open("size", s -> !s.isEmpty());
    public static final List<Param> DIRECTORY_FILTER = List.of(LAND, TYPE, SIZE, FIELD, LANG);
    /** The statistics dashboard's chart ({@code /statistics.csv?chart=months}); judged by its handler (400 if unknown). */
    public static final Param CHART = open("chart", s -> !s.isEmpty());

    public Param {
        values = List.copyOf(values);
    }

    static Param open(String name, Predicate<String> syntax) {
        return new Param(name, syntax, List.of());
    }

    static Param closed(String name, List<String> values) {
        return new Param(name, values::contains, values);
    }

    /** True if the value is one this parameter can take (as it stands in a path; decoded, in a query). */
    public boolean accepts(String value) {
        return value != null && syntax.test(value);
    }

    public boolean isClosed() {
        return !values.isEmpty();
    }

    @Override
    public String toString() {
        return name;
    }
}
