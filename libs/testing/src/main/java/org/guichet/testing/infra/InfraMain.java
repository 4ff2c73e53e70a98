package org.guichet.testing.infra;

import java.nio.file.Path;

/**
 * Used by the {@code guichet} launcher: starts a broker or SMTP server in the background and
 * returns once it listens, leaving the server running (its pid file is in its directory).
 * <pre>
 *   kafka PORT CONTROLLER_PORT DIR
 *   smtp  SMTP_PORT API_PORT DIR
 *   keycloak PORT DATABASE DIR
 * </pre>
 */
public final class InfraMain {
    private InfraMain() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: kafka PORT CONTROLLER_PORT DIR | smtp SMTP_PORT API_PORT DIR | keycloak PORT DATABASE DIR");
            System.exit(2);
        }
        if (args[0].equals("keycloak")) {
            new KeycloakServer(Integer.parseInt(args[1]), args[2], Path.of(args[3])).start();
            System.exit(0);
        }
        int a = Integer.parseInt(args[1]);
        int b = Integer.parseInt(args[2]);
        Path dir = Path.of(args[3]);
        switch (args[0]) {
            case "kafka" -> new KafkaBroker(a, b, dir, "512m").start();
            case "smtp" -> new SmtpServer(a, b, dir).start();
            default -> {
                System.err.println("unknown server " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
