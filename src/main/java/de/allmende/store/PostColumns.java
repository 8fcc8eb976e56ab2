package de.allmende.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.allmende.domain.post.Audience;
import de.allmende.domain.post.EventFacts;
import de.allmende.domain.post.LanguageMap;
import de.allmende.domain.post.MediaAttachment;
import de.allmende.domain.post.Origin;
import de.allmende.domain.post.Post;
import org.jooq.Field;
import org.jooq.JSONB;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static de.allmende.db.Tables.POST;

/**
 * A {@link Post}'s values as columns of {@code post} and back. The JSON columns hold this table's own records
 * (bound, not read as trees): language maps, addressing, attachments, event facts. No ActivityStreams here.
 */
final class PostColumns {
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<LinkedHashMap<String, String>> TEXTS = new TypeReference<>() {};

    record AudienceColumn(List<String> to, List<String> cc) {}

    /** The later fields are null where unknown (and in rows written before they existed). */
    record AttachmentColumn(String url, String mediaType, String description, String mediaId, Integer width, Integer height,
                            String blurhash, double[] focus, String previewUrl, Integer previewWidth, Integer previewHeight) {
        static AttachmentColumn of(MediaAttachment a) {
            MediaAttachment.Visual v = a.visual();
            return new AttachmentColumn(a.url().toString(), a.mediaType(), a.description().orElse(null), a.mediaId().orElse(null),
                    positive(v.width()), positive(v.height()), v.blurhash().orElse(null),
                    v.focus().map(f -> new double[] {f.x(), f.y()}).orElse(null), v.previewUrl().map(URI::toString).orElse(null),
                    positive(v.previewWidth()), positive(v.previewHeight()));
        }

        MediaAttachment attachment() {
            MediaAttachment.Visual v = new MediaAttachment.Visual(orZero(width), orZero(height), Optional.ofNullable(blurhash),
                    Optional.ofNullable(focus).filter(f -> f.length == 2).map(f -> new de.allmende.domain.Focus(f[0], f[1])),
                    Optional.ofNullable(previewUrl).map(URI::create), orZero(previewWidth), orZero(previewHeight));
            return new MediaAttachment(URI.create(url), mediaType, Optional.ofNullable(description), Optional.ofNullable(mediaId), v);
        }

        private static Integer positive(int n) {
            return n > 0 ? n : null;
        }

        private static int orZero(Integer n) {
            return n == null ? 0 : n;
        }
    }

    record EventColumn(String start, String end, String timeZone, String placeName, String locality, String onlineUrl) {}

    private final Map<Field<?>, Object> values;

    private PostColumns(Map<Field<?>, Object> values) {
        this.values = values;
    }

    /** The columns an insert and an edit both set. */
    Map<Field<?>, Object> values() {
        return values;
    }

    static PostColumns of(Post p) {
        Map<Field<?>, Object> v = new HashMap<>();
        v.put(POST.KIND, p.kind().name().toLowerCase());
        v.put(POST.VISIBILITY, p.visibility().name().toLowerCase());
        v.put(POST.AUDIENCE, jsonb(new AudienceColumn(strings(p.audience().to()), strings(p.audience().cc()))));
        v.put(POST.IN_REPLY_TO, p.inReplyTo().map(URI::toString).orElse(null));
        v.put(POST.CONVERSATION, p.conversation().map(URI::toString).orElse(null));
        v.put(POST.NAME, jsonb(p.name().texts()));
        v.put(POST.SUMMARY, jsonb(p.summary().texts()));
        v.put(POST.CONTENT, jsonb(p.content().texts()));
        v.put(POST.SENSITIVE, p.sensitive());
        v.put(POST.HASHTAGS, p.hashtags().toArray(String[]::new));
        v.put(POST.MENTIONS, p.mentions().stream().map(URI::toString).toArray(String[]::new));
        v.put(POST.ATTACHMENTS, jsonb(p.attachments().stream().map(AttachmentColumn::of).toList()));
        v.put(POST.EVENT, p.event().map(e -> jsonb(new EventColumn(e.start().toString(), text(e.end()), e.timeZone().map(ZoneId::getId).orElse(null),
                e.placeName().orElse(null), e.locality().orElse(null), text(e.onlineUrl())))).orElse(null));
        v.put(POST.URL, p.url().map(URI::toString).orElse(null));
        v.put(POST.ORIGIN_HOST, p.origin() instanceof Origin.Remote r ? r.host() : null);
        v.put(POST.PROOF_VERIFIED, p.origin() instanceof Origin.Remote r && r.proofVerified());
        v.put(POST.UPDATED, p.updated().map(PostStore::at).orElse(null));
        return new PostColumns(v);
    }

    static LanguageMap languageMap(JSONB column) {
        return new LanguageMap(read(column, TEXTS));
    }

    static Audience audience(JSONB column) {
        AudienceColumn a = read(column, new TypeReference<>() {});
        return new Audience(uris(a.to()), uris(a.cc()));
    }

    static List<MediaAttachment> attachments(JSONB column) {
        List<AttachmentColumn> list = read(column, new TypeReference<>() {});
        return list.stream().map(AttachmentColumn::attachment).toList();
    }

    static Optional<EventFacts> event(JSONB column) {
        if (column == null) return Optional.empty();
        EventColumn e = read(column, new TypeReference<>() {});
        return Optional.of(new EventFacts(Instant.parse(e.start()), Optional.ofNullable(e.end()).map(Instant::parse),
                Optional.ofNullable(e.timeZone()).map(ZoneId::of), Optional.ofNullable(e.placeName()), Optional.ofNullable(e.locality()),
                Optional.ofNullable(e.onlineUrl()).map(URI::create)));
    }

    private static List<String> strings(java.util.Collection<URI> uris) {
        return uris.stream().map(URI::toString).toList();
    }

    private static LinkedHashSet<URI> uris(List<String> list) {
        LinkedHashSet<URI> out = new LinkedHashSet<>();
        if (list != null) list.forEach(s -> out.add(URI.create(s)));
        return out;
    }

    private static String text(Optional<?> value) {
        return value.map(Object::toString).orElse(null);
    }

    private static JSONB jsonb(Object value) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("post column not writable", e);
        }
    }

    private static <T> T read(JSONB column, TypeReference<T> type) {
        try {
            return JSON.readValue(column.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("post column is not what this table writes", e);
        }
    }
}
