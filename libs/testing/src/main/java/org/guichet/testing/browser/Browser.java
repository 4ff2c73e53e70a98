package org.guichet.testing.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.guichet.testing.infra.InfraPaths;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven through its ChromeDriver over the W3C
 * WebDriver protocol: open a page, find by CSS selector, type, click, read text, and download files
 * into a directory of the test's own. {@code ./guichet test} installs both packages.
 */
public final class Browser implements AutoCloseable {
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Process driver;
    private final String base;
    private final Path downloads;

    private Browser(Process driver, String base, Path downloads) {
        this.driver = driver;
        this.base = base;
        this.downloads = downloads;
    }

    /** Starts ChromeDriver on a free port of 127.0.0.1 and a headless Chromium with a fresh profile. */
    public static Browser start(Path workDir) {
        try {
            Path dir = workDir.toAbsolutePath();
            Path downloads = Files.createDirectories(dir.resolve("downloads"));
            Path profile = Files.createDirectories(dir.resolve("profile"));
            int port = InfraPaths.freePort();
            Process driver = new ProcessBuilder(List.of(binary("chromedriver"), "--port=" + port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("chromedriver.log").toFile())).start();
            Browser browser = new Browser(driver, "http://127.0.0.1:" + port, downloads);
            InfraPaths.awaitHttpOk(URI.create(browser.base + "/status"), Duration.ofSeconds(30), driver, "ChromeDriver");
            ObjectNode options = JSON.createObjectNode();
            options.put("binary", binary("chromium"));
            // as root, in a closed network: no sandbox, nothing fetched in the background
            options.putPOJO("args", List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900"));
            options.putPOJO("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ObjectNode caps = JSON.createObjectNode();
            caps.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                    .set("goog:chromeOptions", options);
            browser.session = browser.call("POST", "/session", caps).path("sessionId").asText();
            return browser;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start ChromeDriver (is Debian's chromium-driver installed?)", e);
        }
    }

    private String session;

    public Path downloads() {
        return downloads;
    }

    public void open(String url) {
        call("POST", path("/url"), JSON.createObjectNode().put("url", url));
    }

    public String url() {
        return call("GET", path("/url"), null).asText();
    }

    public String source() {
        return call("GET", path("/source"), null).asText();
    }

    /** The first element matching {@code css}, waiting for it up to ten seconds. */
    public String find(String css) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            JsonNode found = call("POST", path("/elements"),
                    JSON.createObjectNode().put("using", "css selector").put("value", css));
            if (found.size() > 0) {
                return found.get(0).path(ELEMENT).asText();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no element " + css + " on " + url() + ":\n" + source());
            }
            InfraPaths.sleep(100);
        }
    }

    public String text(String css) {
        return onElement(css, element -> call("GET", path("/element/" + element + "/text"), null).asText());
    }

    public void type(String css, String text) {
        onElement(css, element -> {
            call("POST", path("/element/" + element + "/clear"), JSON.createObjectNode());
            return call("POST", path("/element/" + element + "/value"), JSON.createObjectNode().put("text", text));
        });
    }

    /** Chooses a file in a file input. */
    public void attach(String css, Path file) {
        onElement(css, element -> call("POST", path("/element/" + element + "/value"),
                JSON.createObjectNode().put("text", file.toAbsolutePath().toString())));
    }

    public void click(String css) {
        onElement(css, element -> call("POST", path("/element/" + element + "/click"), JSON.createObjectNode()));
    }

    /**
     * Does {@code action} on the element {@code css} names, finding it again when the page changed in
     * between (WebDriver's "stale element reference": a navigation replaced it).
     */
    private <T> T onElement(String css, java.util.function.Function<String, T> action) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try {
                return action.apply(find(css));
            } catch (IllegalStateException e) {
                if (!String.valueOf(e.getMessage()).contains("stale element reference")
                        || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                InfraPaths.sleep(100);
            }
        }
    }

    /** Runs {@code script} in the page (its {@code arguments} are {@code args}) and gives back what it returns. */
    public JsonNode execute(String script, Object... args) {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putPOJO("args", List.of(args));
        return call("POST", path("/execute/sync"), body);
    }

    /** Runs {@code script} asynchronously: it calls {@code arguments[arguments.length - 1]} with its answer. */
    public JsonNode executeAsync(String script, Object... args) {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putPOJO("args", List.of(args));
        return call("POST", path("/execute/async"), body);
    }

    /** The current site's cookies as a {@code Cookie} request header ({@code name=value; ...}). */
    public String cookieHeader() {
        StringBuilder header = new StringBuilder();
        call("GET", path("/cookie"), null).forEach(c -> header.append(header.length() == 0 ? "" : "; ")
                .append(c.path("name").asText()).append('=').append(c.path("value").asText()));
        return header.toString();
    }

    /** Forgets every cookie of the current site (the next page signs in again). */
    public void forgetCookies() {
        call("DELETE", path("/cookie"), null);
    }

    /** Waits up to {@code timeout} for a finished download whose name ends with {@code suffix}. */
    public Path awaitDownload(String suffix, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (var files = Files.list(downloads)) {
                var done = files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            InfraPaths.sleep(200);
        }
        throw new AssertionError("no *" + suffix + " downloaded into " + downloads + " after " + timeout);
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", path(""), null);
            }
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String path(String rest) {
        return "/session/" + session + rest;
    }

    private JsonNode call(String method, String path, JsonNode body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json; charset=utf-8");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("WebDriver " + method + " " + path + ": " + answer.path("value"));
            }
            return answer.path("value");
        } catch (IOException e) {
            throw new IllegalStateException("WebDriver " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String binary(String name) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/lib/chromium")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed: ./guichet test installs Debian's chromium and "
                + "chromium-driver");
    }
}
