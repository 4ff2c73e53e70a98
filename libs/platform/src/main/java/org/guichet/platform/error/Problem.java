package org.guichet.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The RFC 9457 problem document every error answer carries. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://guichet.org/problems/";
}
