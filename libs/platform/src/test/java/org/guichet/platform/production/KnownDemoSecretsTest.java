package org.guichet.platform.production;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every secret the demo publishes (config/demo) is one a production service refuses. */
class KnownDemoSecretsTest {
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|secret|secrets|secret-key|api-key|sha-in|sha-out|public-key|private-key|client-secret)$");
    private static final Pattern WITH_DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:(.*)}");
    private static final List<String> SERVICES = List.of("billing-service", "cart-service", "payment-service",
            "notification-service", "reporting-service");

    @Test
    void everySecretOfTheDemoIsKnown() throws IOException {
        Path demo = Path.of(System.getProperty("guichet.root", "../.."), "config", "demo");
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(demo)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
                for (String name : properties.stringPropertyNames()) {
                    if (!SECRET.matcher(name).matches()) {
                        continue;
                    }
                    String value = properties.getProperty(name);
                    Matcher withDefault = WITH_DEFAULT.matcher(value);
                    if (withDefault.matches()) {
                        value = withDefault.group(1);
                    }
                    for (String service : SERVICES) {
                        for (String part : value.replace("${quarkus.application.name}", service).split(",")) {
                            assertTrue(KnownDemoSecrets.isKnown(part), file.getFileName() + ": " + name + " is not in KnownDemoSecrets");
                            checked.add(name);
                        }
                    }
                }
            }
        }
        assertTrue(checked.size() >= 10, "the demo's secrets were found: " + checked);
    }

    @Test
    void anOperatorsOwnSecretIsNotKnown() {
        assertFalse(KnownDemoSecrets.isKnown("k3y-from-the-operators-vault"));
        assertFalse(KnownDemoSecrets.isKnown(""));
        assertTrue(KnownDemoSecrets.isKnown("  guichet  "), "surrounding blanks do not hide a demo value");
        assertEquals(64, KnownDemoSecrets.sha256("x").length());
    }
}
