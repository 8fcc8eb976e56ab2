package de.allmende.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;
import de.allmende.support.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;

/**
 * Renders every failure as {@code {"error": "..."}} with the right status. Only safe messages reach
 * the client; unexpected exceptions are logged and become a bare 500 without details.
 */
public final class FailureHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().ended()) return;
        Throwable failure = ctx.failure();
        if (ctx.response().closed()) {
            // The client went away, or the connection was failed for framing the decoder gave up on: no one
            // to answer, and nothing of ours that failed.
            LOG.debug("{} {}: connection closed before an answer ({})", ctx.request().method(), ctx.request().path(), String.valueOf(failure));
            return;
        }
        int status;
        String message;
        ObjectNode body = Responses.JSON.createObjectNode().put("error", "");
        if (failure instanceof ApiException e) {
            status = e.status();
            message = e.getMessage();
            if (!e.details().isEmpty()) putDetails(body, e.details());
            e.retryAfter().ifPresent(d -> ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, d.toSeconds()))));
            if (status >= 500) LOG.warn("{} {} → {}: {}", ctx.request().method(), ctx.request().path(), status, message, e.getCause());
        } else if (failure instanceof ValidationException e) {
            status = 422;
            message = "validation failed";
            putDetails(body, e.errors());
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            // Vert.x rejects some requests itself with fail(4xx, exception), e.g. an invalid Host header.
            status = ctx.statusCode();
            message = genericMessage(status);
            LOG.debug("{} {} → {}", ctx.request().method(), ctx.request().path(), status, failure);
        } else if (isUnstorableText(failure)) {
            // Only a client's text can carry a NUL or bytes PostgreSQL cannot encode. A validation should
            // have caught it earlier: worth a warning, not an error with a stack trace.
            status = 400;
            message = "request contains characters that cannot be stored";
            LOG.warn("{} {} → 400: unstorable text reached the database ({})", ctx.request().method(), ctx.request().path(), failure.getClass().getName());
        } else if (failure != null && !ctx.request().isEnded()) {
            // The request could not be read to its end: framing the HTTP decoder gave up on (a chunk size
            // "zz"), or a client that went away. The client's doing; Vert.x closes the connection after.
            status = 400;
            message = "request could not be read";
            LOG.debug("{} {} → 400: request not read to its end ({})", ctx.request().method(), ctx.request().path(), String.valueOf(failure));
        } else if (failure != null) {
            status = 500;
            message = "internal error";
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
        } else {
            status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            message = genericMessage(status);
        }
        body.put("error", message);
        // A handler may have refused before reading the body (StaffAuth, a BodyHandler refusing by
        // Content-Length): answer and close rather than read the rest (see UnreadBody).
        ctx.response().setStatusCode(status).putHeader("Content-Type", MediaTypes.JSON);
        java.time.Duration held = de.allmende.api.server.RefusalPenalty.delayFor(ctx, status);
        if (held.isZero()) {
            de.allmende.api.server.UnreadBody.endClosing(ctx, body.toString());
        } else {
            String answer = body.toString();
            ctx.vertx().setTimer(held.toMillis(), id -> {
                if (!ctx.response().ended() && !ctx.response().closed()) de.allmende.api.server.UnreadBody.endClosing(ctx, answer);
            });
        }
    }

    /** PostgreSQL's character_not_in_repertoire (22021, e.g. U+0000) or untranslatable_character (22P05), however wrapped. */
    static boolean isUnstorableText(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) return true;
        }
        return false;
    }

    private static void putDetails(ObjectNode body, List<FieldError> errors) {
        ObjectNode details = body.putObject("details");
        for (FieldError fe : errors) {
            ArrayNode messages = details.has(fe.field()) ? (ArrayNode) details.get(fe.field()) : details.putArray(fe.field());
            messages.add(fe.message());
        }
    }

    private static String genericMessage(int status) {
        return switch (status) {
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 413 -> "request body too large";
            case 415 -> "unsupported media type";
            case 400 -> "bad request";
            default -> "request failed";
        };
    }
}
