package org.guichet.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks an envelope and its payload against the published JSON Schemas. Producers' and
 * consumers' tests call {@link #violations(String)} on what really went over Kafka.
 */
public final class EventContract {
    private static final String BASE = "https://guichet.org/events/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, "classpath:events/schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /** Every way the JSON text breaks the contract; empty when it is a valid event of a known type. */
    public static List<String> violations(String envelopeJson) {
        JsonNode node;
        try {
            node = EventJson.MAPPER.readTree(envelopeJson);
        } catch (Exception e) {
            return List.of("not JSON: " + e.getMessage());
        }
        List<String> problems = messages(schema("Envelope.v1.json").validate(node));
        if (!problems.isEmpty()) {
            return problems;
        }
        String type = node.get("type").asText();
        int version = node.get("version").asInt();
        String file = type + ".v" + version + ".json";
        if (EventContract.class.getClassLoader().getResource("events/schemas/" + file) == null) {
            return List.of("no schema for " + type + " v" + version);
        }
        return messages(schema(file).validate(node.get("payload")));
    }

    private static JsonSchema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, f -> FACTORY.getSchema(SchemaLocation.of(BASE + f), CONFIG));
    }

    private static List<String> messages(Set<ValidationMessage> set) {
        return set.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }
}
