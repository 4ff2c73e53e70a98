package org.guichet.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Text read from a JSON body may not hold the NUL character: PostgreSQL cannot store it in text, so
 * it would fail deep inside a transaction. Refused where it is read, a 400 naming the field.
 */
@Singleton
public class TextWithoutNul implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("guichet-text").addDeserializer(String.class, new Deserializer()));
    }

    static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            if (text != null && text.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(p, "text may not contain the NUL character", text, String.class);
            }
            return text;
        }
    }
}
