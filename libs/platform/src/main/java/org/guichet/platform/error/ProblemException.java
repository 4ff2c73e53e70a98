package org.guichet.platform.error;

import java.util.List;

/**
 * A failure the client can act on. Thrown anywhere in a request; {@link ProblemMappers} turns it
 * into problem+json. Build them with {@link Problems}.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private long retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The answer also says when to try again (Retry-After, in seconds; at least 1). */
    public ProblemException retryAfter(long seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        return this;
    }

    /** Seconds for Retry-After, 0 when the answer has none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
