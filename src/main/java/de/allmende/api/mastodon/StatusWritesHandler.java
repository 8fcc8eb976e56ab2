package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.client.NewPoll;
import de.allmende.domain.client.NewStatus;
import de.allmende.domain.PostingDefaults;
import de.allmende.domain.client.Poster;
import de.allmende.domain.client.StatusChange;
import de.allmende.domain.client.StatusRevision;
import de.allmende.domain.client.StatusSource;
import de.allmende.domain.client.StatusText;
import de.allmende.domain.oauth.ClientGrant;
import de.allmende.domain.post.Visibility;
import de.allmende.service.client.AccountReads;
import de.allmende.service.client.StatusWrites;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Statuses an app writes (docs.joinmastodon.org/methods/statuses): post, edit, delete (answering with the typed text
 * for delete and redraft), and the edit history and source an app's edit form reads. Parameters come as a form or as
 * JSON, as {@link ClientParams} reads them; a poll as {@link PollParams} reads it.
 */
public final class StatusWritesHandler {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Rails' true values, as Mastodon reads a boolean parameter. */
    private static final Set<String> TRUE = Set.of("true", "1", "t", "on", "yes");
    private static final int MAX_IDEMPOTENCY_KEY = 256;

    private final AccountReads accounts;
    private final StatusWrites writes;
    private final StatusJson json;
    private final AccountJson accountJson;

    StatusWritesHandler(AccountReads accounts, StatusWrites writes, StatusJson json, AccountJson accountJson) {
        this.accounts = accounts;
        this.writes = writes;
        this.json = json;
        this.accountJson = accountJson;
    }

    public void create(RoutingContext ctx) {
        ClientParams p = ClientParams.of(ctx);
        if (p.get("scheduled_at") != null) throw ApiException.unprocessable("Scheduled statuses are not supported by this server");
        Poster who = poster(ctx);
        // What the app leaves out, the municipality's presets decide (update_credentials' source[...]), as on Mastodon.
        PostingDefaults presets = who.municipality().postingDefaults();
        StatusText words = new StatusText(Optional.ofNullable(p.get("status")).orElse(""),
                Optional.ofNullable(p.get("spoiler_text")).orElse(""), bool(p.get("sensitive")).orElse(presets.sensitive()),
                Optional.ofNullable(p.get("language")).filter(l -> !l.isBlank()).or(presets::language));
        Optional<Long> inReplyTo = Optional.ofNullable(p.get("in_reply_to_id")).filter(s -> !s.isBlank()).map(StatusWritesHandler::statusId);
        Optional<NewPoll> poll = PollParams.read(p);
        if (poll.isPresent() && !p.list("media_ids").isEmpty()) throw ApiException.unprocessable("Validation failed: Cannot attach files to a status with a poll");
        String visibility = Optional.ofNullable(p.get("visibility")).filter(v -> !v.isBlank()).orElse(presets.privacy());
        NewStatus status = new NewStatus(words, visibility(visibility), inReplyTo, p.list("media_ids"), poll);
        Responses.json(ctx, 200, MediaTypes.JSON, json.status(writes.create(who, status, idempotencyKey(ctx))));
    }

    public void edit(RoutingContext ctx) {
        ClientParams p = ClientParams.of(ctx);
        if (PollParams.present(p)) throw ApiException.unprocessable("Changing a status's poll in an edit is not supported by this server yet");
        List<String> media = p.list("media_ids");
        StatusChange change = new StatusChange(Optional.ofNullable(p.get("status")), Optional.ofNullable(p.get("spoiler_text")),
                bool(p.get("sensitive")), Optional.ofNullable(p.get("language")).filter(l -> !l.isBlank()),
                media.isEmpty() ? Optional.empty() : Optional.of(media));
        Responses.json(ctx, 200, MediaTypes.JSON, json.status(writes.edit(poster(ctx), AccountsHandler.id(ctx), change)));
    }

    /** The deleted status with its typed text and content warning, so an app can put them back in its composer. */
    public void delete(RoutingContext ctx) {
        StatusWrites.Deleted d = writes.delete(poster(ctx), AccountsHandler.id(ctx));
        ObjectNode o = json.status(d.status());
        o.put("text", d.source().text());
        o.put("spoiler_text", d.source().spoilerText());
        Responses.json(ctx, 200, MediaTypes.JSON, o);
    }

    public void source(RoutingContext ctx) {
        StatusSource s = writes.source(poster(ctx), AccountsHandler.id(ctx));
        ObjectNode o = F.objectNode().put("id", Long.toString(s.id())).put("text", s.text()).put("spoiler_text", s.spoilerText());
        Responses.json(ctx, 200, MediaTypes.JSON, o);
    }

    /** Mastodon's StatusEdit list, oldest first. */
    public void history(RoutingContext ctx) {
        StatusWrites.History h = writes.history(poster(ctx), AccountsHandler.id(ctx));
        ObjectNode account = accountJson.account(h.account());
        ArrayNode list = F.arrayNode();
        for (StatusRevision r : h.revisions()) {
            ObjectNode o = list.addObject();
            o.put("content", r.html());
            o.put("spoiler_text", r.spoilerText());
            o.put("sensitive", r.sensitive());
            o.put("created_at", AccountJson.time(r.at()));
            o.set("account", account);
            o.putNull("poll");
            o.set("media_attachments", F.arrayNode());
            o.set("emojis", F.arrayNode());
        }
        Responses.json(ctx, 200, MediaTypes.JSON, list);
    }

    private Poster poster(RoutingContext ctx) {
        return poster(ctx, accounts);
    }

    /** The person writing with the request's token, as the municipality it acts as. */
    static Poster poster(RoutingContext ctx, AccountReads accounts) {
        ClientGrant grant = ClientAuth.grant(ctx);
        ClientGrant.User user = grant.user().orElseThrow();
        return new Poster(user.municipality(), accounts.viewer(user.municipality()), user.personId(), grant.tokenId());
    }

    /** Mastodon's four visibilities by their API names. */
    private static Visibility visibility(String name) {
        return Arrays.stream(Visibility.values()).filter(v -> v.mastodonName().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.unprocessable("Validation failed: Visibility is not included in the list"));
    }

    static Optional<Boolean> bool(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(v -> TRUE.contains(v.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /** A status id in a parameter: anything else names no status. */
    private static long statusId(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Record not found");
        }
    }

    private static Optional<String> idempotencyKey(RoutingContext ctx) {
        Optional<String> key = Optional.ofNullable(ctx.request().getHeader("Idempotency-Key")).map(String::strip).filter(k -> !k.isEmpty());
        if (key.filter(k -> k.length() > MAX_IDEMPOTENCY_KEY).isPresent()) {
            throw ApiException.unprocessable("Idempotency-Key is longer than " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        return key;
    }
}
