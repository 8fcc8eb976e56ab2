package de.allmende.support;

import de.allmende.domain.FieldError;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An error that knows its HTTP meaning. {@link #getMessage()} is safe to show to clients;
 * the cause (if any) is for logs only and never rendered.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final List<FieldError> details;
    private final Optional<Duration> retryAfter;

    public ApiException(int status, String safeMessage, Throwable cause) {
        this(status, safeMessage, cause, List.of(), Optional.empty());
    }

    private ApiException(int status, String safeMessage, Throwable cause, List<FieldError> details, Optional<Duration> retryAfter) {
        super(safeMessage, cause, false, false);
        this.status = status;
        this.details = List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public ApiException(int status, String safeMessage) {
        this(status, safeMessage, null);
    }

    public int status() { return status; }

    /** Safe per-field explanations, rendered like validation errors (e.g. why an upload was refused). */
    public List<FieldError> details() { return details; }

    /** When the client may try again (sent as Retry-After), for refusals that are about timing, not the request. */
    public Optional<Duration> retryAfter() { return retryAfter; }

    /** A failure that concerns one input field, e.g. 413 or 415 for an uploaded file. */
    public static ApiException ofField(int status, String safeMessage, String field, String fieldMessage) {
        return new ApiException(status, safeMessage, null, List.of(new FieldError(field, fieldMessage)), Optional.empty());
    }

    public static ApiException badRequest(String msg) { return new ApiException(400, msg); }
    public static ApiException unauthorized(String msg) { return new ApiException(401, msg); }
    public static ApiException forbidden(String msg) { return new ApiException(403, msg); }
    public static ApiException notFound(String msg) { return new ApiException(404, msg); }
    public static ApiException gone(String msg) { return new ApiException(410, msg); }
    public static ApiException unprocessable(String msg) { return new ApiException(422, msg); }
    public static ApiException unavailable(String msg, Throwable cause) { return new ApiException(503, msg, cause); }

    /** 503 with Retry-After: we are behind (not down); the same request should be sent again after {@code retryAfter}. */
    public static ApiException behind(String msg, Duration retryAfter) {
        return new ApiException(503, msg, null, List.of(), Optional.of(retryAfter));
    }

    /** 429: one of our rate limits refused; the same request may succeed after {@code retryAfter}. */
    public static ApiException tooManyRequests(String msg, Duration retryAfter) {
        return new ApiException(429, msg, null, List.of(), Optional.of(retryAfter));
    }
}
