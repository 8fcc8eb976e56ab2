package de.allmende.content.calendar;

import de.allmende.content.vocab.EventStatus;
import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.domain.post.EventFacts;
import de.allmende.domain.post.LanguageMap;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One event in the merged calendar: what a reader of any of its renderings (page, iCalendar, Atom) needs, read from
 * the typed post (local or received) and its organiser.
 *
 * @param iri     the event's ActivityPub id (the UID of its VEVENT, the id of its Atom entry)
 * @param url     the page for people, if not the IRI
 * @param summary plain text or HTML as the sender wrote it
 * @param content HTML as the sender wrote it (not yet sanitised)
 * @param fields  the fields of action its hashtags name, in their order
 * @param status  scheduled, cancelled …, where the event says so
 */
public record CalendarEntry(URI iri, Optional<URI> url, LanguageMap name, LanguageMap summary, LanguageMap content,
                            EventFacts when, List<Handlungsfeld> fields, Optional<EventStatus> status, Organiser organiser,
                            Instant published, Optional<Instant> updated) {
    public CalendarEntry {
        fields = List.copyOf(fields);
    }

    /** The fields of action among hashtags (Allmende sends one per field; other servers' matching tags count too). */
    public static List<Handlungsfeld> fieldsOf(List<String> hashtags) {
        List<Handlungsfeld> out = new ArrayList<>();
        for (String tag : hashtags) Handlungsfeld.byHashtag(tag).filter(h -> !out.contains(h)).ifPresent(out::add);
        return out;
    }

    /** Where people read about it: its page if it names one, else its IRI. */
    public URI page() {
        return url.orElse(iri);
    }

    /** Its name in {@code lang} if it has one, else in its first language; its page's address if it has no name. */
    public String title(String lang) {
        return name.preferred(lang).orElse(page().toString());
    }

    /** When it last changed: for DTSTAMP, LAST-MODIFIED and Atom's updated. */
    public Instant revised() {
        return updated.filter(u -> u.isAfter(published)).orElse(published);
    }

    public boolean online() {
        return when.onlineUrl().isPresent();
    }

    public boolean onSite() {
        return when.placeName().isPresent() || when.locality().isPresent();
    }
}
