package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Markdown;
import de.allmende.domain.client.AccountFacts;
import de.allmende.federation.iri.Iris;
import de.allmende.service.client.AccountReads;
import de.allmende.support.Html;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Mastodon's Account and CredentialAccount entities (docs.joinmastodon.org/entities/Account). A municipality's
 * avatar is the node's icon of it (its header too, until municipalities upload one); a remote actor's is its
 * icon, else Mastodon's "missing" picture on its own server. Remote profile text is sanitised here.
 */
final class AccountJson {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Iris iris;

    AccountJson(Iris iris) {
        this.iris = iris;
    }

    ObjectNode account(AccountFacts a) {
        ObjectNode o = F.objectNode();
        o.put("id", Long.toString(a.id()));
        o.put("username", a.username());
        o.put("acct", a.acct());
        o.put("display_name", a.displayName());
        o.put("locked", a.locked());
        o.put("bot", a.bot());
        o.put("discoverable", a.discoverable());
        o.put("indexable", a.isLocal() && a.discoverable());
        o.put("group", a.group());
        o.put("created_at", TIME.format(a.createdAt()));
        o.put("note", a.isLocal() ? a.noteHtml() : Markdown.sanitize(a.noteHtml()));
        o.put("url", url(a));
        o.put("uri", (a.isLocal() ? iris.actor(a.username()) : a.uri().orElseThrow()).toString());
        String avatar = avatar(a).toString();
        String header = header(a).toString();
        o.put("avatar", avatar).put("avatar_static", avatar).put("header", header).put("header_static", header);
        o.put("followers_count", a.followers());
        o.put("following_count", a.following());
        o.put("statuses_count", a.statuses());
        if (a.lastStatusAt().isPresent()) o.put("last_status_at", DATE.format(a.lastStatusAt().get()));
        else o.putNull("last_status_at");
        o.set("emojis", F.arrayNode());
        var fields = o.putArray("fields");
        a.fields().forEach(f -> fields.addObject().put("name", f.name()).put("value", Html.fieldValue(f.value())).putNull("verified_at"));
        return o;
    }

    /** verify_credentials: the account with what its owner edits ({@code source}) and the person's role. */
    ObjectNode credential(AccountReads.Credentials c) {
        AccountFacts a = c.account();
        ObjectNode o = account(a);
        ObjectNode source = o.putObject("source");
        source.put("note", StatusJson.plain(a.noteHtml().replace("<br>", "\n").replace("</p><p>", "\n\n")));
        var fields = source.putArray("fields");
        a.fields().forEach(f -> fields.addObject().put("name", f.name()).put("value", f.value()).putNull("verified_at"));
        source.put("privacy", c.defaults().privacy());
        source.put("sensitive", c.defaults().sensitive());
        // German unless staff chose another: the municipalities post in German first.
        source.put("language", c.defaults().language().orElse("de"));
        source.put("follow_requests_count", c.followRequests());
        source.put("indexable", a.discoverable());
        source.put("discoverable", a.discoverable());
        source.put("hide_collections", false);
        ObjectNode role = o.putObject("role");
        role.put("id", "-99").put("name", "").put("permissions", "0").put("color", "").put("highlighted", false);
        return o;
    }

    /** A Status's mention of an account. */
    ObjectNode mention(AccountFacts a) {
        ObjectNode o = F.objectNode();
        o.put("id", Long.toString(a.id()));
        o.put("username", a.username());
        o.put("acct", a.acct());
        o.put("url", url(a));
        return o;
    }

    /** The account's profile page: this node's for a municipality, the remote server's otherwise. */
    String url(AccountFacts a) {
        return (a.isLocal() ? iris.profilePage(a.username()) : a.url().orElseThrow()).toString();
    }

    /** The avatar apps show (and push messages carry as their icon). */
    URI avatar(AccountFacts a) {
        if (a.isLocal()) return a.uploads().avatar().map(iris::media).orElseGet(() -> iris.icon(a.username()));
        URI uri = a.uri().orElseThrow();
        return a.avatar().orElse(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/avatars/original/missing.png"));
    }

    /** A municipality's icon until it uploads a header; Mastodon's "missing" header for a remote actor without one. */
    private URI header(AccountFacts a) {
        if (a.isLocal()) return a.uploads().header().map(iris::media).orElseGet(() -> iris.icon(a.username()));
        URI uri = a.uri().orElseThrow();
        return a.header().orElse(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/headers/original/missing.png"));
    }

    static String time(Instant t) {
        return TIME.format(t);
    }
}
