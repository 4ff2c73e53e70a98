package org.guichet.e2e;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.guichet.testing.DevTokens;
import org.guichet.testing.infra.InfraPaths;
import org.guichet.testing.infra.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jars are production's: started as an operator would (java -jar, the prod profile), they refuse
 * the repository's defaults and the demo's settings, each refusal naming the setting, and start with a complete
 * production configuration of generated keys and secrets — where a token signed with the development key is a 401.
 */
class ProductionConfigurationTest {
    private static final Path ROOT = InfraPaths.root();
    private static final String ROLE = "guichet_prodcheck";
    private static final List<String> SERVICES = List.of("billing", "payment");
    private static final String PASSWORD = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

    @BeforeAll
    static void database() throws SQLException {
        dropDatabases(true);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        dropDatabases(false);
    }

    /** The services' databases, owned by a role with a generated password (the repository's is refused). */
    private static void dropDatabases(boolean andCreate) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl("postgres"), TestDatabases.USER, TestDatabases.PASSWORD);
             Statement s = c.createStatement()) {
            for (String service : SERVICES) {
                s.execute("drop database if exists " + db(service) + " with (force)");
            }
            s.execute("drop role if exists " + ROLE);
            if (andCreate) {
                s.execute("create role " + ROLE + " login password '" + PASSWORD + "'");
                s.execute("grant " + ROLE + " to current_user"); // to make it a database's owner
                for (String service : SERVICES) {
                    s.execute("create database " + db(service) + " owner " + ROLE);
                }
            }
        }
    }

    private static String db(String service) {
        return "guichet_e2e_prodcheck_" + service;
    }

    @Test
    void theRepositorysDefaultsAreRefused() throws Exception {
        // as packaged: no OpenID provider named
        Run bare = run("billing", Map.of(), List.of());
        assertNotEquals(0, bare.exit, bare.log);
        assertTrue(bare.log.contains("quarkus.oidc.keycloak.auth-server-url"), bare.log);

        // a provider named, nothing else: no institution
        Run noInstitution = run("billing", Map.of("GUICHET_OIDC_URL", "https://idp.example/realms/guichet"), List.of());
        assertNotEquals(0, noInstitution.exit, noInstitution.log);
        assertTrue(noInstitution.log.contains("refusing to start in the prod profile: guichet.billing.institutions"), noInstitution.log);
    }

    @Test
    void H1_H2_C1_theDemoWorldIsRefusedInTheProdProfile() throws Exception {
        Run demo = run("payment", Map.of(), List.of(demoLocations("payment")));
        assertNotEquals(0, demo.exit, demo.log);
        for (String setting : List.of("quarkus.oidc.tenant-enabled", "guichet.payment.sandbox.enabled",
                "guichet.services.credentials.client-secret", "guichet.payment.regies.namur-population-ogone.sha-out",
                "guichet.payment.regies.namur-repas-scolaires.secret-key", "guichet.payment.regies.namur-etat-civil.api-key",
                "guichet.events.sealing.secret-key")) {
            assertTrue(demo.log.contains("refusing to start in the prod profile: " + setting), setting + " is named:\n" + demo.log);
        }
        assertTrue(demo.log.contains("development setting(s) in the prod profile"), demo.log);
    }

    /** H2: the development key's tokens are refused by a production installation, its own provider's accepted. */
    @Test
    void H2_aCompleteProductionConfigurationStartsAndRefusesTheDevelopmentKey() throws Exception {
        List<String> props = new ArrayList<>(provider());
        props.add("-Dguichet.billing.institutions.ville-test.currency=EUR");
        props.add("-Dguichet.billing.institutions.ville-test.regie=ville-test-population");
        int port = InfraPaths.freePort();
        try (Service billing = start("billing", port, secrets(), props)) {
            HttpClient http = HttpClient.newHttpClient();
            String url = "http://127.0.0.1:" + port + "/accounts?name=x*";
            String dev = DevTokens.mint("agent-1", "ville-test", "agent");
            String own = DevTokens.mintWith(KEYS.getPrivate(), ISSUER, "guichet-billing-service", "agent-1", "ville-test", "agent");
            assertEquals(401, get(http, url, dev), "a token signed with the development key\n" + billing.log());
            assertEquals(200, get(http, url, own), "a token of the installation's own provider\n" + billing.log());
        }
    }

    /** C1: no sandbox in production: refused when enabled (above), and absent (a 404) where it is not. */
    @Test
    void C1_theSandboxGatewayIsAbsentFromAProductionInstallation() throws Exception {
        List<String> props = new ArrayList<>(provider());
        props.addAll(List.of("-Dguichet.payment.public-url=https://pay.ville-test.example",
                "-Dguichet.payment.regies.ville-test-population.gateway=mollie",
                "-Dguichet.payment.regies.ville-test-population.institutions=ville-test",
                "-Dguichet.payment.regies.ville-test-population.currency=EUR",
                "-Dguichet.payment.regies.ville-test-population.api-key=live_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(15))));
        int port = InfraPaths.freePort();
        try (Service payment = start("payment", port, secrets(), props)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/sandbox/checkout/sbx_1")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, page.statusCode(), page.body());
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/api/payments"))
                    .header("X-Sandbox-Key", "sbx_local_api_key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, api.statusCode(), api.body());
            assertEquals(401, get(http, "http://127.0.0.1:" + port + "/payments/" + java.util.UUID.randomUUID(),
                    DevTokens.mint("citizen-1", "ville-test", "citizen")), payment.log());
        }
    }

    private static final KeyPair KEYS = keys();
    private static final String ISSUER = "https://idp.test/realms/guichet";

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The installation's own token provider: a key generated here (the provider's URL would do the same). */
    private static List<String> provider() {
        return List.of("-Dquarkus.oidc.keycloak.public-key=" + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
                "-Dquarkus.oidc.keycloak.token.issuer=" + ISSUER,
                "-Dguichet.services.credentials.token-url=" + ISSUER + "/protocol/openid-connect/token");
    }

    private static Map<String, String> secrets() {
        return Map.of("GUICHET_SERVICE_CLIENT_SECRET", HexFormat.of().formatHex(new SecureRandom().generateSeed(16)),
                "GUICHET_EVENT_SEALING_KEY", HexFormat.of().formatHex(new SecureRandom().generateSeed(24)));
    }

    private static int get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String demoLocations(String service) {
        return "-Dquarkus.config.locations=" + ROOT.resolve("config/demo/common.properties") + ","
                + ROOT.resolve("config/demo/" + service + "-service.properties");
    }

    private record Run(int exit, String log) {
    }

    /** Runs a service's jar until it exits by itself (a refusal); 60 s at most. */
    private static Run run(String service, Map<String, String> env, List<String> props) throws Exception {
        try (Service s = start(service, InfraPaths.freePort(), env, props)) {
            boolean exited = s.process.waitFor(60, TimeUnit.SECONDS);
            assertTrue(exited, service + " did not exit by itself:\n" + s.log());
            return new Run(s.process.exitValue(), s.log());
        }
    }

    private static Service start(String service, int port, Map<String, String> env, List<String> props) throws IOException {
        Path log = Files.createTempFile("prodcheck-" + service, ".log");
        List<String> line = new ArrayList<>(List.of("java", "-Xmx192m", "-XX:TieredStopAtLevel=1"));
        line.addAll(props);
        line.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.reactive.url=" + TestDatabases.reactiveUrl(db(service)),
                "-Dquarkus.datasource.jdbc.url=" + TestDatabases.jdbcUrl(db(service)),
                "-Dquarkus.datasource.username=" + ROLE,
                // a port nobody listens on: the service starts without Kafka (its consumers retry)
                "-Dkafka.bootstrap.servers=127.0.0.1:" + InfraPaths.freePort(),
                "-jar", ROOT.resolve(service + "-service/target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = new TreeMap<>(env);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", PASSWORD);
        pb.environment().keySet().removeIf(k -> k.startsWith("GUICHET_") || k.startsWith("QUARKUS_"));
        pb.environment().putAll(environment);
        Process process = pb.start();
        Service s = new Service(process, log);
        if (props.stream().anyMatch(p -> p.startsWith("-Dquarkus.oidc.keycloak.public-key"))) {
            s.awaitReady(port);
        }
        return s;
    }

    private record Service(Process process, Path logFile) implements AutoCloseable {
        String log() {
            try {
                return Files.readString(logFile);
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        void awaitReady(int port) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            try {
                // answering at all is enough: it listens; refused connections are retried until it does or exits
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptionsInstanceOf(IOException.class).failFast(() -> !process.isAlive())
                        .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/q/health/live")).build(), HttpResponse.BodyHandlers.discarding()) != null);
            } catch (ConditionTimeoutException | TerminalFailureException e) {
                throw new AssertionError("the service did not start:\n" + log(), e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
