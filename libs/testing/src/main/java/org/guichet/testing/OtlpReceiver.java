package org.guichet.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OTLP/HTTP endpoint on 127.0.0.1 for tests: a service's exporter posts its spans here
 * ({@code POST /v1/traces}, protobuf) exactly as to a collector. The bodies are kept as they came;
 * a test asks whether a trace id (16 bytes in the protobuf) is among them.
 */
public final class OtlpReceiver {
    private static OtlpReceiver shared;

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    private OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            exports.add(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** One receiver per test JVM, started on first use. */
    public static synchronized OtlpReceiver shared() {
        if (shared == null) {
            shared = new OtlpReceiver();
        }
        return shared;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether any exported span belongs to the trace {@code traceIdHex} (32 hex digits). */
    public boolean received(String traceIdHex) {
        byte[] id = HexFormat.of().parseHex(traceIdHex);
        return exports.stream().anyMatch(body -> contains(body, id));
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
