package org.guichet.testing.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Where the broker and SMTP jars are (copied to target/infra by libs/infra-dist), and small network helpers. */
public final class InfraPaths {
    private InfraPaths() {
    }

    /** The checkout root: system property {@code guichet.root}, else walk up to the parent pom. */
    public static Path root() {
        String configured = System.getProperty("guichet.root", System.getenv("GUICHET_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("guichet")) && Files.exists(dir.resolve("libs/testing"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the Guichet checkout; set -Dguichet.root");
    }

    public static Path infraDir() {
        Path dir = root().resolve("libs/infra-dist/target/infra");
        if (!Files.isDirectory(dir.resolve("kafka"))) {
            throw new IllegalStateException(dir + " is missing: build libs/infra-dist first (mvn -pl libs/infra-dist package)");
        }
        return dir;
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitListening(int port, Duration timeout, Process process, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("process exited with " + process.exitValue() + "; see " + log);
            }
            if (listening(port)) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("nothing listens on 127.0.0.1:" + port + " after " + timeout + "; see " + log);
    }

    /** Waits until {@code url} answers 200 (the server is up and serving), failing if the process dies. */
    public static void awaitHttpOk(URI url, Duration timeout, Process process, String what) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(what + " does not answer " + url + " after " + timeout);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
