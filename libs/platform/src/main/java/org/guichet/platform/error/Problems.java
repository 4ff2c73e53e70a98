package org.guichet.platform.error;

import java.util.List;

/**
 * The kinds of problem Guichet answers with; one factory so titles and types stay consistent.
 * <p>Every slug in use, its status and meaning: docs/problems.md (update it with a new slug).
 */
public final class Problems {
    private Problems() {
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found", null);
    }

    public static ProblemException invalid(String detail, FieldError... errors) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail, List.of(errors));
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail, errors);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail, null);
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(422, slug, "Request cannot be processed", detail, null);
    }

    /** What was there is there no more, for good (a used or expired link). */
    public static ProblemException gone(String slug, String detail) {
        return new ProblemException(410, slug, "Gone", detail, null);
    }

    /** The client has too much going on at once; it may retry after {@code retryAfterSeconds}. */
    public static ProblemException tooMany(String slug, String detail, long retryAfterSeconds) {
        return new ProblemException(429, slug, "Too many requests", detail, null).retryAfter(retryAfterSeconds);
    }

    /** The service is full for now (not the client's doing); it may retry after {@code retryAfterSeconds}. */
    public static ProblemException unavailable(String slug, String detail, long retryAfterSeconds) {
        return new ProblemException(503, slug, "Service unavailable", detail, null).retryAfter(retryAfterSeconds);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail, null);
    }
}
