package org.guichet.testing;

import org.guichet.testing.infra.InfraPaths;
import org.guichet.testing.infra.KafkaBroker;
import org.guichet.testing.infra.KeycloakServer;
import org.guichet.testing.infra.SmtpServer;
import org.guichet.testing.infra.TestDatabases;

import java.nio.file.Path;

/**
 * The real servers of one test JVM: a Kafka broker and (when asked) an SMTP server, on free
 * ports with data under the module's {@code target/}, started once and stopped at JVM exit.
 */
public final class TestInfra {
    /*
     * A test profile restarts Quarkus in a new class loader, where these statics start empty: the
     * ports of the servers this JVM already runs are kept in system properties (one per JVM), so a
     * new class loader finds them instead of starting a second broker on the same data directory.
     */
    static final String KAFKA_PORTS = "guichet.test.kafka.ports";
    static final String SMTP_PORTS = "guichet.test.smtp.ports";
    private static KafkaBroker kafka;
    private static SmtpServer smtp;
    static final String KEYCLOAK_PORT = "guichet.test.keycloak.port";
    private static KeycloakServer keycloak;

    private TestInfra() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            Path dir = Path.of("target", "test-kafka-" + ProcessHandle.current().pid());
            String running = System.getProperty(KAFKA_PORTS);
            if (running != null) {
                String[] ports = running.split(",");
                kafka = new KafkaBroker(Integer.parseInt(ports[0]), Integer.parseInt(ports[1]), dir, "384m");
            } else {
                kafka = new KafkaBroker(InfraPaths.freePort(), InfraPaths.freePort(), dir, "384m").start();
                KafkaBroker started = kafka;
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
                System.setProperty(KAFKA_PORTS, started.port() + "," + started.controllerPort());
            }
        }
        return kafka;
    }

    public static synchronized SmtpServer smtp() {
        if (smtp == null) {
            Path dir = Path.of("target", "test-smtp-" + ProcessHandle.current().pid());
            String running = System.getProperty(SMTP_PORTS);
            if (running != null) {
                String[] ports = running.split(",");
                smtp = new SmtpServer(Integer.parseInt(ports[0]), Integer.parseInt(ports[1]), dir);
            } else {
                smtp = new SmtpServer(InfraPaths.freePort(), InfraPaths.freePort(), dir).start();
                SmtpServer started = smtp;
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
                System.setProperty(SMTP_PORTS, started.smtpPort() + "," + started.apiPort());
            }
        }
        return smtp;
    }

    /** A Keycloak with the guichet realm, on a database of its own made afresh for this JVM. */
    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            Path dir = Path.of("target", "test-keycloak-" + ProcessHandle.current().pid());
            String running = System.getProperty(KEYCLOAK_PORT);
            String database = TestDatabases.of("keycloak");
            if (running != null) {
                keycloak = new KeycloakServer(Integer.parseInt(running), database, dir);
            } else {
                TestDatabases.recreate(database);
                keycloak = new KeycloakServer(InfraPaths.freePort(), database, dir).start();
                KeycloakServer started = keycloak;
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
                System.setProperty(KEYCLOAK_PORT, Integer.toString(started.port()));
            }
        }
        return keycloak;
    }
}
