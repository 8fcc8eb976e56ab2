package de.allmende.support;

/**
 * An error that knows its HTTP meaning. {@link #getMessage()} is safe to show to clients;
 * the cause (if any) is for logs only and never rendered.
 */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String safeMessage, Throwable cause) {
        super(safeMessage, cause, false, false);
        this.status = status;
    }

    public ApiException(int status, String safeMessage) {
        this(status, safeMessage, null);
    }

    public int status() { return status; }

    public static ApiException badRequest(String msg) { return new ApiException(400, msg); }
    public static ApiException unauthorized(String msg) { return new ApiException(401, msg); }
    public static ApiException forbidden(String msg) { return new ApiException(403, msg); }
    public static ApiException notFound(String msg) { return new ApiException(404, msg); }
    public static ApiException gone(String msg) { return new ApiException(410, msg); }
    public static ApiException unprocessable(String msg) { return new ApiException(422, msg); }
    public static ApiException unavailable(String msg, Throwable cause) { return new ApiException(503, msg, cause); }
}
