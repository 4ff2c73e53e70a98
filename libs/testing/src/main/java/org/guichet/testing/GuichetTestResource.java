package org.guichet.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.guichet.testing.infra.TestDatabases;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at real servers: a fresh PostgreSQL database of its own, the JVM's
 * Kafka broker, with {@code smtp=true} a GreenMail server, with {@code keycloak=true} a Keycloak (the back
 * office's login). Use with
 * {@code @QuarkusTestResource(value = GuichetTestResource.class, initArgs = @ResourceArg(name = "service", value = "billing"))}.
 */
public class GuichetTestResource implements QuarkusTestResourceLifecycleManager {
    private String service;
    private boolean smtp;
    private boolean keycloak;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", "app");
        smtp = Boolean.parseBoolean(initArgs.getOrDefault("smtp", "false"));
        keycloak = Boolean.parseBoolean(initArgs.getOrDefault("keycloak", "false"));
    }

    @Override
    public Map<String, String> start() {
        String db = TestDatabases.recreate(TestDatabases.of(service));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", TestDatabases.reactiveUrl(db));
        config.put("quarkus.datasource.jdbc.url", TestDatabases.jdbcUrl(db));
        config.put("quarkus.datasource.username", TestDatabases.USER);
        config.put("quarkus.datasource.password", TestDatabases.PASSWORD);
        config.put("kafka.bootstrap.servers", TestInfra.kafka().bootstrapServers());
        // a fixed free port (not 0): services such as payment-service give their own URL to gateways
        config.put("quarkus.http.test-port", Integer.toString(org.guichet.testing.infra.InfraPaths.freePort()));
        if (smtp) {
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", Integer.toString(TestInfra.smtp().smtpPort()));
            config.put("quarkus.mailer.mock", "false");
        }
        if (keycloak) {
            // the back office's login (an OIDC web-app tenant) against a real Keycloak
            config.put("guichet.test.keycloak.url", TestInfra.keycloak().realmUrl());
            config.put("quarkus.oidc.backoffice.auth-server-url", TestInfra.keycloak().realmUrl());
            config.put("quarkus.oidc.backoffice.tenant-enabled", "true");
        }
        return config;
    }

    @Override
    public void stop() {
        // the broker and SMTP server live for the whole JVM (shutdown hook): other test classes reuse them
    }
}
