import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop HTTP load generator for the benchmarks: C clients, each sending its next request as
 * soon as the previous answered, over kept-alive connections (a curl process per request would
 * measure process start-up, not the service). One request per line of the ids file; "{}" in the URL
 * and in the body is replaced by the id. Prints: ok/total, wall ms, rate, p50 and p99 latency.
 *
 * Usage: java bench/LoadClient.java <ids-file> <concurrency> <POST|GET> <url-with-{}> [body] [header: value]...
 */
public class LoadClient {
    public static void main(String[] args) throws Exception {
        List<String> ids = Files.readAllLines(Path.of(args[0])).stream().filter(s -> !s.isBlank()).toList();
        int clients = Integer.parseInt(args[1]);
        String method = args[2];
        String url = args[3];
        String body = args.length > 4 ? args[4] : "";
        // HTTP/1.1, one kept-alive connection per client, as browsers behind an ingress arrive: the JDK's
        // default (h2c) would multiplex every client onto one connection, hence one server event loop
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long[] latencies = new long[ids.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.replace("{}", ids.get(i))))
                            .timeout(Duration.ofSeconds(30))
                            .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body.replace("{}", ids.get(i))));
                    for (int h = 5; h < args.length; h++) {
                        int colon = args[h].indexOf(':');
                        b.header(args[h].substring(0, colon).trim(), args[h].substring(colon + 1).trim());
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() < 400) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as not ok
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        Arrays.sort(latencies);
        System.out.printf("%d %d %d %d %.1f %.1f%n", ok.get(), ids.size(), wallMs, ok.get() * 1000L / Math.max(1, wallMs),
                latencies[Math.max(0, (int) (latencies.length * 0.50) - 1)] / 1e6,
                latencies[Math.max(0, (int) (latencies.length * 0.99) - 1)] / 1e6);
    }
}
