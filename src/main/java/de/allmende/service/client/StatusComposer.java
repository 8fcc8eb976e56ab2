package de.allmende.service.client;

import de.allmende.domain.client.StatusText;
import de.allmende.domain.post.LanguageMap;
import de.allmende.service.InstanceFacts;
import de.allmende.service.NoteService;
import de.allmende.service.port.LocalIris;
import de.allmende.store.AccountFactsStore;
import de.allmende.support.ApiException;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words of a status as an app sends them → what a note carries, with Mastodon's rules: the text may not be blank
 * and, with its content warning, must keep the node's character limit (links count 23, mentions without their host);
 * a content warning makes a status sensitive; the language is an ISO 639 code, else the municipality's German.
 */
final class StatusComposer {
    private static final int MAX_CHARACTERS = InstanceFacts.nodeLimits().maxCharacters();
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final LocalIris iris;
    /** This node's host as an {@code @user@host} mention names it: such a mention is of a local account. */
    private final String localHost;
    private final AccountFactsStore accounts = new AccountFactsStore();

    StatusComposer(LocalIris iris, String localHost) {
        this.iris = iris;
        this.localHost = localHost;
    }

    /** A status's words, formatted, with the actor IRIs of the accounts it mentions. */
    record Composed(StatusFormatter.Formatted formatted, List<URI> mentioned, LanguageMap content, LanguageMap summary, boolean sensitive) {}

    Composed compose(DSLContext tx, StatusText words) {
        return compose(tx, words, false);
    }

    /** {@code withFiles}: the status shows uploads, so its text may be empty (as on Mastodon). */
    Composed compose(DSLContext tx, StatusText words, boolean withFiles) {
        if (!withFiles && (words.text() == null || words.text().isBlank())) throw ApiException.unprocessable("Validation failed: Text can't be blank");
        String spoiler = words.spoilerText().strip();
        StatusFormatter.Formatted f = StatusFormatter.format(words.text(), (user, host) -> mention(tx, user, host), iris::tag);
        if (f.length() + spoiler.codePointCount(0, spoiler.length()) > MAX_CHARACTERS) {
            throw ApiException.unprocessable("Validation failed: Text character limit of " + MAX_CHARACTERS + " exceeded");
        }
        String language = words.language().map(String::strip).map(l -> l.toLowerCase(java.util.Locale.ROOT))
                .filter(l -> LANGUAGE.matcher(l).matches()).orElse(NoteService.GERMAN);
        List<URI> mentioned = f.mentions().stream().map(StatusFormatter.Mention::actor).distinct().toList();
        return new Composed(f, mentioned, LanguageMap.of(language, f.html()),
                spoiler.isEmpty() ? LanguageMap.EMPTY : LanguageMap.of(language, spoiler), words.sensitive() || !spoiler.isEmpty());
    }

    /** The account {@code @user} or {@code @user@host} names, among the accounts this node knows. */
    private Optional<StatusFormatter.Mention> mention(DSLContext tx, String user, Optional<String> host) {
        Optional<String> remote = host.filter(h -> !h.equalsIgnoreCase(localHost));
        return accounts.byAcct(tx, user, remote).map(a -> {
            URI actor = a.uri().orElseGet(() -> iris.actor(a.username()));
            return new StatusFormatter.Mention(actor, a.url().orElse(actor), a.username());
        });
    }

    /** Text without its tags and entities: the typed text of a status written elsewhere, or a stored content warning. */
    static String plain(String html) {
        return html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>\\s*<p>", "\n\n").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").strip();
    }
}
