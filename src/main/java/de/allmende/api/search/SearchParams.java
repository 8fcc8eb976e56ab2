package de.allmende.api.search;

import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.LessonType;
import de.allmende.content.vocab.Offenheit;
import de.allmende.content.vocab.ProjectStatus;
import de.allmende.content.vocab.SizeClass;
import de.allmende.content.vocab.Vocabulary;
import de.allmende.domain.Land;
import de.allmende.domain.search.SearchKind;
import de.allmende.domain.search.SearchQuery;
import de.allmende.domain.search.SearchQuery.Filters;
import de.allmende.domain.search.SearchQuery.Order;
import de.allmende.domain.search.SearchResults;
import de.allmende.support.ApiException;
import io.vertx.core.MultiMap;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parameters of the search API and page: {@code q}, the facet filters ({@code kind}, {@code field}, {@code openness},
 * {@code land}, {@code size}, {@code status}, {@code lesson}, {@code year}, {@code municipality}, {@code empfohlen=true}), {@code order}
 * ({@code relevance} or {@code date}), {@code limit} and {@code offset}. A value that names nothing is a 400 that says
 * which values there are; an empty value means "any", as an HTML form sends it.
 */
public final class SearchParams {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    /** At most this many rows in one export. */
    public static final int MAX_EXPORT = 10_000;
    private static final int MAX_OFFSET = 10_000;
    private static final int MAX_QUERY = 500;
    private static final Pattern ACCT = Pattern.compile("[A-Za-z0-9_.-]{1,64}(@[A-Za-z0-9.:\\[\\]-]{1,253})?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    /** Parameters with a meaning; others (say a page's {@code lang}) are left to whoever reads them. */
    static final List<String> NAMES = List.of("q", "kind", "field", "openness", "land", "size", "status", "lesson", "year",
            "municipality", "empfohlen", "order", "limit", "offset");

    private SearchParams() {}

    public static SearchQuery parse(MultiMap p) {
        return parse(p, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /**
     * The same parameters for an export: without {@code limit}, all hits up to {@link #MAX_EXPORT} (an export is one
     * download, not a page; past the cap it pages on with {@code offset}).
     */
    public static SearchQuery parseExport(MultiMap p) {
        return parse(p, MAX_EXPORT, MAX_EXPORT);
    }

    private static SearchQuery parse(MultiMap p, int defaultLimit, int maxLimit) {
        String q = one(p, "q").orElse("").strip();
        if (q.length() > MAX_QUERY) throw ApiException.badRequest("q is longer than " + MAX_QUERY + " characters");
        if (q.chars().anyMatch(c -> c == 0 || c == SearchResults.MARK_START || c == SearchResults.MARK_END)) {
            throw ApiException.badRequest("q contains characters that cannot be searched");
        }
        Filters filters = new Filters(one(p, "kind").map(v -> SearchKind.byCode(v).orElseThrow(() -> invalid("kind",
                        Arrays.stream(SearchKind.values()).map(SearchKind::code).toList()))),
                vocab(p, "field", Handlungsfeld.values()), vocab(p, "openness", Offenheit.values()),
                one(p, "land").map(v -> Land.parse(v).map(Land::iso).orElseThrow(() -> invalid("land",
                        Arrays.stream(Land.values()).map(Land::iso).toList()))),
                vocab(p, "size", SizeClass.values()), vocab(p, "status", ProjectStatus.values()), vocab(p, "lesson", LessonType.values()),
                one(p, "year").map(SearchParams::year), one(p, "municipality").map(SearchParams::acct), recommendedOnly(p));
        Order order = one(p, "order").map(v -> switch (v) {
            case "relevance" -> Order.RELEVANCE;
            case "date" -> Order.DATE;
            default -> throw ApiException.badRequest("order must be relevance or date");
        }).orElse(q.isEmpty() ? Order.DATE : Order.RELEVANCE);
        return new SearchQuery(q, filters, order, number(p, "limit", defaultLimit, 1, maxLimit), number(p, "offset", 0, 0, MAX_OFFSET));
    }

    /** The parameter's one value; empty if absent or empty. Twice is a 400: which one was meant? */
    private static Optional<String> one(MultiMap p, String name) {
        List<String> all = p.getAll(name);
        if (all.size() > 1) throw ApiException.badRequest(name + " is given more than once");
        return all.stream().findFirst().map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<String> vocab(MultiMap p, String name, Vocabulary[] values) {
        Set<String> codes = Arrays.stream(values).map(Vocabulary::code).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return one(p, name).map(v -> {
            if (!codes.contains(v)) throw invalid(name, List.copyOf(codes));
            return v;
        });
    }

    /** {@code empfohlen=true}: only what a coordinator of this node features (the facet's one value). */
    private static boolean recommendedOnly(MultiMap p) {
        return one(p, "empfohlen").map(v -> {
            if (!v.equals("true")) throw ApiException.badRequest("empfohlen must be true (or left out)");
            return true;
        }).orElse(false);
    }

    private static int year(String v) {
        if (!DIGITS.matcher(v).matches() || Integer.parseInt(v) < 1900 || Integer.parseInt(v) > 2200) {
            throw ApiException.badRequest("year must be a year such as 2026");
        }
        return Integer.parseInt(v);
    }

    private static String acct(String v) {
        String a = v.startsWith("@") ? v.substring(1) : v;
        if (!ACCT.matcher(a).matches()) throw ApiException.badRequest("municipality must be a handle such as musterstadt or stadt@example.org");
        return a;
    }

    private static int number(MultiMap p, String name, int otherwise, int min, int max) {
        Optional<String> v = one(p, name);
        if (v.isEmpty()) return otherwise;
        if (!DIGITS.matcher(v.get()).matches() || Integer.parseInt(v.get()) < min || Integer.parseInt(v.get()) > max) {
            throw ApiException.badRequest(name + " must be a number from " + min + " to " + max);
        }
        return Integer.parseInt(v.get());
    }

    private static ApiException invalid(String name, List<String> values) {
        return ApiException.badRequest(name + " must be one of " + String.join(", ", values));
    }
}
