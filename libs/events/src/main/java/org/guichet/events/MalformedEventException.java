package org.guichet.events;

/** A record on a Guichet topic that is not a valid envelope: consumers log it and move on. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
