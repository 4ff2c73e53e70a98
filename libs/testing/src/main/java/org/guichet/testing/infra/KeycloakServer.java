package org.guichet.testing.infra;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} archive from Maven Central, unpacked by
 * libs/infra-dist) in development mode on 127.0.0.1, keeping its data in a PostgreSQL database of its
 * own and importing the {@code guichet} realm of {@code deploy/keycloak/guichet-realm.json} (roles,
 * tenant claim, clients, demo users) when that database is new.
 */
public final class KeycloakServer {
    public static final String REALM = "guichet";
    private final int port;
    private final String database;
    private final Path dir;
    private Process process;

    public KeycloakServer(int port, String database, Path dir) {
        this.port = port;
        this.database = database;
        this.dir = dir.toAbsolutePath();
    }

    public int port() {
        return port;
    }

    /** The realm's issuer, which is also what {@code quarkus.oidc.auth-server-url} wants. */
    public String realmUrl() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    public synchronized KeycloakServer start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Path home = home();
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(InfraPaths.root().resolve("deploy/keycloak/guichet-realm.json"),
                    imports.resolve("guichet-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(dir);
            Path log = dir.resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", home.resolve("bin/kc.sh").toString(),
                    "start-dev", "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm",
                    "--db=postgres", "--db-url=" + TestDatabases.jdbcUrl(database),
                    "--db-username=" + TestDatabases.USER, "--db-password=" + TestDatabases.PASSWORD,
                    "--cache=local", "--log-level=WARN,org.keycloak.services:INFO"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            process = builder.start();
            Files.writeString(dir.resolve("keycloak.pid"), Long.toString(process.pid()));
            InfraPaths.awaitHttpOk(URI.create(realmUrl() + "/.well-known/openid-configuration"), Duration.ofSeconds(180),
                    process, "Keycloak (see " + log + ")");
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak", e);
        }
    }

    private static Path home() throws IOException {
        Path unpacked = InfraPaths.infraDir().resolve("keycloak");
        try (Stream<Path> dirs = Files.list(unpacked)) {
            return dirs.filter(p -> Files.exists(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Keycloak under " + unpacked));
        }
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }
}
