package org.guichet.platform.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.guichet.platform.error.Problems;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * Ids in addresses are UUIDs: a resource takes {@code @PathParam("id") UUID id}, and anything that is not one is
 * simply not found (404 problem+json, the text not echoed beyond a few characters), as an unknown id would be.
 */
@Provider
public class UuidParamConverter implements ParamConverterProvider {
    private static final int SHOWN = 40;
    private static final ParamConverter<UUID> CONVERTER = new ParamConverter<>() {
        @Override
        public UUID fromString(String value) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException | NullPointerException e) {
                String shown = value == null ? "" : value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
                throw Problems.notFound("The id " + shown); // "The id … was not found"
            }
        }

        @Override
        public String toString(UUID value) {
            return value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == UUID.class ? (ParamConverter<T>) CONVERTER : null;
    }
}
