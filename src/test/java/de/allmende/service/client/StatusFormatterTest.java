package de.allmende.service.client;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain text from an app becomes the HTML Mastodon makes of it (TextFormatter), and counts as Mastodon counts it. */
@DisplayName("Status text: paragraphs, links, mentions, hashtags, length")
class StatusFormatterTest {
    private static final URI ANNA = URI.create("https://anna.example/users/anna");
    private static final StatusFormatter.Mentions KNOWN = (user, host) -> user.equals("anna") && host.equals(Optional.of("anna.example"))
            ? Optional.of(new StatusFormatter.Mention(ANNA, URI.create("https://anna.example/@anna"), "anna")) : Optional.empty();

    private static StatusFormatter.Formatted format(String text) {
        return StatusFormatter.format(text, KNOWN, tag -> URI.create("https://node.example/tags/" + tag.toLowerCase()));
    }

    @Test
    @DisplayName("blank lines make paragraphs, single newlines line breaks, and markup is escaped")
    void paragraphs() {
        assertEquals("<p>Erste Zeile<br />zweite &lt;b&gt;Zeile&lt;/b&gt; &amp; mehr</p><p>Neuer Absatz</p>",
                format("Erste Zeile\nzweite <b>Zeile</b> & mehr\n\n\nNeuer Absatz\n").html());
    }

    @Test
    @DisplayName("a known account's mention links its profile with Mastodon's classes; an unknown one stays text")
    void mentions() {
        StatusFormatter.Formatted f = format("Hallo @anna@anna.example und @bernd@nowhere.example!");
        assertEquals("<p>Hallo <span class=\"h-card\" translate=\"no\"><a href=\"https://anna.example/@anna\" class=\"u-url mention\">"
                + "@<span>anna</span></a></span> und @bernd@nowhere.example!</p>", f.html());
        assertEquals(List.of(ANNA), f.mentions().stream().map(StatusFormatter.Mention::actor).toList());
        assertTrue(format("mail@anna.example").mentions().isEmpty(), "an e-mail address is no mention");
    }

    @Test
    @DisplayName("hashtags link to /tags, once each whatever their case; numbers and anchors in links are no hashtags")
    void hashtags() {
        StatusFormatter.Formatted f = format("#Bürgerhaushalt und #bürgerhaushalt, #2027 https://example.org/page#anker");
        assertEquals(List.of("Bürgerhaushalt"), f.hashtags());
        assertTrue(f.html().startsWith("<p><a href=\"https://node.example/tags/bürgerhaushalt\" class=\"mention hashtag\" rel=\"tag\">#<span>Bürgerhaushalt</span></a>"),
                f.html());
        assertTrue(f.html().contains(" #2027 "), f.html());
    }

    @Test
    @DisplayName("links: scheme hidden, long ones cut with an ellipsis, trailing punctuation left outside")
    void links() {
        String html = format("Siehe https://www.musterstadt.de/buergerhaushalt/2027/vorschlaege.html.").html();
        assertEquals("<p>Siehe <a href=\"https://www.musterstadt.de/buergerhaushalt/2027/vorschlaege.html\" target=\"_blank\" "
                + "rel=\"nofollow noopener noreferrer\" translate=\"no\"><span class=\"invisible\">https://</span>"
                + "<span class=\"ellipsis\">www.musterstadt.de/buergerhaus</span><span class=\"invisible\">halt/2027/vorschlaege.html</span></a>.</p>",
                html);
        assertFalse(format("(https://example.org/a)").html().contains("a)\""), "a closing parenthesis it did not open stays outside");
    }

    @Test
    @DisplayName("length: a link counts 23, a mention without its host")
    void length() {
        assertEquals(23, StatusFormatter.length("https://www.musterstadt.de/buergerhaushalt/2027/vorschlaege.html"));
        assertEquals("@anna hi".length(), StatusFormatter.length("@anna@anna.example hi"));
    }
}
