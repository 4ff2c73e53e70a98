package org.guichet.testing;

import org.guichet.testing.infra.InfraPaths;
import org.guichet.testing.infra.KafkaBroker;
import org.guichet.testing.infra.SmtpServer;

import java.nio.file.Path;

/**
 * The real servers of one test JVM: a Kafka broker and (when asked) an SMTP server, on free
 * ports with data under the module's {@code target/}, started once and stopped at JVM exit.
 */
public final class TestInfra {
    private static KafkaBroker kafka;
    private static SmtpServer smtp;

    private TestInfra() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            Path dir = Path.of("target", "test-kafka-" + ProcessHandle.current().pid());
            kafka = new KafkaBroker(InfraPaths.freePort(), InfraPaths.freePort(), dir, "384m").start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
        }
        return kafka;
    }

    public static synchronized SmtpServer smtp() {
        if (smtp == null) {
            Path dir = Path.of("target", "test-smtp-" + ProcessHandle.current().pid());
            smtp = new SmtpServer(InfraPaths.freePort(), InfraPaths.freePort(), dir).start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        }
        return smtp;
    }
}
