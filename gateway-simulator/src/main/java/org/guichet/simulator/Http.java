package org.guichet.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Small helpers for the simulated gateways' HTTP faces. */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1 as gateways call webhooks (the JDK's default h2c upgrade would put every webhook on one connection). */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    public static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body, StandardCharsets.UTF_8);
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body, Charset charset)
            throws IOException {
        byte[] bytes = body.getBytes(charset);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    public static void json(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, "application/hal+json", JSON.writeValueAsString(value));
    }

    public static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    /** The charset a form body was sent in (its Content-Type's charset), UTF-8 when none is named. */
    public static Charset charsetOf(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
            for (String part : type.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(java.util.Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", ""));
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Decodes {@code a=1&b=2} (UTF-8, or the charset given). */
    public static Map<String, String> form(String body, Charset charset) {
        Map<String, String> values = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return values;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset));
        }
        return values;
    }

    /** A server-to-server call the way gateways make it: fire, and do not care much about the answer. */
    public static CompletableFuture<Integer> post(String url, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)
                .exceptionally(e -> -1);
    }

    /** Holds an answer back (the slow-gateway trap). */
    public static void pause(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static String html(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
