package org.guichet.web.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * A service answered with an error (its application/problem+json): the desk shows the detail to the agent in the
 * page they were on rather than an error page, and a missing service becomes a 503 page of its own.
 */
public class ServiceProblem extends RuntimeException {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int status;
    private final String type;
    private final List<String> fieldErrors;

    public ServiceProblem(int status, String type, String detail, List<String> fieldErrors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    /** The problem type's last segment, e.g. {@code note-expected}; empty when the answer was not problem+json. */
    public String kind() {
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }

    public String detail() {
        return getMessage();
    }

    /** "field: message" for each invalid field the service named. */
    public List<String> fieldErrors() {
        return fieldErrors;
    }

    /** Turns every error answer of the services' REST clients into a ServiceProblem. */
    public static class Mapper implements ResponseExceptionMapper<ServiceProblem> {
        @Override
        public ServiceProblem toThrowable(Response response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            try {
                JsonNode problem = JSON.readTree(body);
                List<String> fields = new ArrayList<>();
                problem.path("errors").forEach(e -> fields.add(e.path("field").asText() + ": " + e.path("message").asText()));
                String detail = problem.path("detail").asText(problem.path("title").asText("HTTP " + response.getStatus()));
                return new ServiceProblem(response.getStatus(), problem.path("type").asText(null), detail, fields);
            } catch (Exception notJson) {
                return new ServiceProblem(response.getStatus(), null, "HTTP " + response.getStatus(), List.of());
            }
        }

        @Override
        public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
            return status >= 400;
        }
    }
}
