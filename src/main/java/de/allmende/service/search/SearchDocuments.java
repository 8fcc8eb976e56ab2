package de.allmende.service.search;

import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.LessonType;
import de.allmende.content.vocab.Offenheit;
import de.allmende.content.vocab.ProjectStatus;
import de.allmende.content.vocab.SizeClass;
import de.allmende.content.vocab.Vocabulary;
import de.allmende.domain.Land;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.Post;
import de.allmende.domain.search.SearchDocument;
import de.allmende.domain.search.SearchDocument.Texts;
import de.allmende.domain.search.SearchKind;
import de.allmende.store.PostStore.StoredPost;
import de.allmende.store.SearchIndexStore.Facts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post and its facts → its search document. Only codes of the node's vocabularies become facets: what another node
 * sends under {@code fieldOfAction} and the like is checked, never trusted. Notes count under a field of action by
 * its hashtag too (#OpenData), as municipalities tag them in Mastodon.
 */
final class SearchDocuments {
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");
    private static final Pattern BLOCK = Pattern.compile("(?i)<(br|/p|/h[1-6]|/li|/div|/blockquote|/tr)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private SearchDocuments() {}

    static SearchDocument of(StoredPost stored, SearchKind kind, Facts facts) {
        Post p = stored.post();
        Words title = new Words(), summary = new Words(), body = new Words();
        p.name().texts().forEach((lang, text) -> title.add(lang, text));
        p.summary().texts().forEach((lang, html) -> summary.add(lang, plain(html)));
        (facts.content().isEmpty() ? p.content().texts() : facts.content()).forEach((lang, html) -> body.add(lang, plain(html)));
        String language = first(p.content()).or(() -> first(p.name())).orElse(LanguageMap.UNDETERMINED);
        List<String> extras = new ArrayList<>(p.hashtags());
        p.event().ifPresent(e -> {
            e.placeName().ifPresent(extras::add);
            e.locality().ifPresent(extras::add);
        });
        body.indexOnly(language, String.join(" ", extras));

        Set<String> fields = new LinkedHashSet<>(known(facts.fields(), Handlungsfeld.values()));
        p.hashtags().forEach(tag -> Handlungsfeld.byHashtag(tag).ifPresent(h -> fields.add(h.code())));
        String text = String.join("\n", nonBlank(summary.plain, body.plain));
        int year = p.event().map(e -> e.start()).orElse(p.published()).atZone(GERMANY).getYear();
        return new SearchDocument(stored.id(), kind, language, String.join(" / ", title.plain), text,
                new SearchDocument.Terms(title.texts(), summary.texts(), body.texts()), List.copyOf(fields),
                known(facts.openness(), Offenheit.values()), facts.land().flatMap(Land::parse).map(Land::iso),
                SizeClass.of(facts.municipalityType(), facts.population()).map(SizeClass::code), facts.projectStatus().filter(s -> isKnown(s, ProjectStatus.values())),
                facts.lessonType().filter(s -> isKnown(s, LessonType.values())), year, stored.authorId(), facts.municipality(),
                facts.municipalityName(), p.url().orElse(p.iri()), p.published());
    }

    /** The words of one field (title, summary, body) per configuration, and as plain text for people. */
    private static final class Words {
        final List<String> plain = new ArrayList<>();
        final StringBuilder german = new StringBuilder(), english = new StringBuilder(), simple = new StringBuilder();

        void add(String lang, String text) {
            if (text == null || text.isBlank()) return;
            plain.add(text.strip());
            indexOnly(lang, text);
        }

        /** Words found but not shown (tags, place). */
        void indexOnly(String lang, String text) {
            if (text == null || text.isBlank()) return;
            String l = lang.toLowerCase(Locale.ROOT);
            if (l.startsWith("en")) english.append(SearchText.indexed(text, false)).append('\n');
            else if (l.startsWith("de") || l.equals(LanguageMap.UNDETERMINED)) german.append(SearchText.indexed(text, true)).append('\n');
            else simple.append(SearchText.indexed(text, false)).append('\n');
        }

        Texts texts() {
            return new Texts(german.toString(), english.toString(), simple.toString());
        }
    }

    /** HTML → text: tags out, line breaks where blocks end, entities decoded, the highlight marks never kept. */
    static String plain(String html) {
        String text = TAG.matcher(BLOCK.matcher(html).replaceAll("\n")).replaceAll("");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1))));
        m.appendTail(out);
        return out.toString().replace('\uE000', ' ').replace('\uE001', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" ?\\n[\\n ]*", "\n").strip();
    }

    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                int cp = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                yield Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : " ";
            }
        };
    }

    private static List<String> known(List<String> codes, Vocabulary[] vocabulary) {
        return codes.stream().filter(c -> isKnown(c, vocabulary)).distinct().toList();
    }

    private static boolean isKnown(String code, Vocabulary[] vocabulary) {
        return Arrays.stream(vocabulary).anyMatch(v -> v.code().equals(code));
    }

    private static Optional<String> first(LanguageMap m) {
        return m.texts().keySet().stream().findFirst();
    }

    @SafeVarargs
    private static List<String> nonBlank(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).filter(s -> !s.isBlank()).toList();
    }
}
