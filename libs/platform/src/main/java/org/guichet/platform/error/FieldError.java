package org.guichet.platform.error;

/** One invalid input field, named as the client sent it. */
public record FieldError(String field, String message) {
}
