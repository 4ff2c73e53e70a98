package org.guichet.testing.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), run in
 * its own JVM from the Kafka jars, bound to 127.0.0.1. Its data directory survives
 * {@link #stop()}, so {@link #start()} after a stop is a broker restart, not a new cluster.
 */
public final class KafkaBroker {
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final String heap;
    private Process process;

    public KafkaBroker(int port, int controllerPort, Path dataDir, String heap) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir.toAbsolutePath();
        this.heap = heap;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public int port() {
        return port;
    }

    public synchronized KafkaBroker start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                format(config);
            }
            Path log = dataDir.resolve("broker.log");
            List<String> cmd = java("kafka.Kafka", config.toString());
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Files.writeString(dataDir.resolve("broker.pid"), Long.toString(process.pid()));
            InfraPaths.awaitListening(port, Duration.ofSeconds(60), process, log);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Kafka", e);
        }
    }

    /** Stops the broker (SIGTERM, then SIGKILL); its data stays for a restart. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    private void format(Path config) throws IOException {
        List<String> cmd = java("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString()
                .replace("-", "").substring(0, 22), "-c", config.toString());
        Path log = dataDir.resolve("format.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kafka storage format failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> java(String mainClass, String... args) {
        Path jars = InfraPaths.infraDir().resolve("kafka");
        List<String> cmd = new ArrayList<>(List.of(InfraPaths.javaBinary(), "-Xms64m", "-Xmx" + heap,
                "-XX:+UseG1GC", "-Djava.awt.headless=true", "-Dkafka.logs.dir=" + dataDir.resolve("app-logs"),
                "-cp", jars + "/*", mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Path writeConfig() throws IOException {
        String props = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("logs"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "") ;
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, props);
        return config;
    }
}
