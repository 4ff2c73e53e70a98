package org.guichet.testing.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server (GreenMail standalone) in its own JVM on 127.0.0.1; every address gets a
 * mailbox, and its REST API reads the mail back: {@code GET /api/user/{email}/messages/INBOX}.
 */
public final class SmtpServer {
    private final int smtpPort;
    private final int apiPort;
    private final Path dir;
    private Process process;

    public SmtpServer(int smtpPort, int apiPort, Path dir) {
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        this.dir = dir.toAbsolutePath();
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int apiPort() {
        return apiPort;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    public synchronized SmtpServer start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dir);
            Path jar;
            try (var files = Files.list(InfraPaths.infraDir().resolve("greenmail"))) {
                jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("greenmail jar missing"));
            }
            Path log = dir.resolve("greenmail.log");
            process = new ProcessBuilder(List.of(InfraPaths.javaBinary(), "-Xmx128m",
                    "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                    "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                    "-Dgreenmail.auth.disabled", "-Dgreenmail.hostname=127.0.0.1",
                    "-jar", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Files.writeString(dir.resolve("greenmail.pid"), Long.toString(process.pid()));
            InfraPaths.awaitListening(smtpPort, Duration.ofSeconds(30), process, log);
            InfraPaths.awaitListening(apiPort, Duration.ofSeconds(30), process, log);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start GreenMail", e);
        }
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The raw JSON list of messages in the address's inbox. */
    public String inboxJson(String email) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(apiUrl() + "/api/user/" + email + "/messages/INBOX"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "[]";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
