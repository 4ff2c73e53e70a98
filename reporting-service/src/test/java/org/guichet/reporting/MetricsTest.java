package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/metrics in Prometheus' format: the HTTP requests served, the consumer's lag, the outbox's backlog, the pools. */
@QuarkusTest
class MetricsTest extends ReportingTestResource {
    private static final Pattern UNAUTHORIZED_SEARCHES = Pattern.compile(
            "http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*uri=\"/transactions\"[^}]*} ([0-9.]+)");

    static double unauthorizedSearches() {
        Matcher m = UNAUTHORIZED_SEARCHES.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void requests_consumer_lag_and_outbox_backlog_are_exposed() {
        double before = unauthorizedSearches();
        given().get("/transactions").then().statusCode(401);
        given().get("/transactions").then().statusCode(401);
        assertEquals(before + 2, unauthorizedSearches());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("guichet_outbox_backlog "), "outbox backlog gauge");
            assertTrue(metrics.contains("guichet_outbox_oldest_age_seconds "), "outbox age gauge");
            assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag");
            assertTrue(metrics.contains("postgresql_queue_size"), "the reactive pool's waiting requests");
            assertTrue(metrics.contains("postgresql_current"), "the reactive pool's connections in use");
            assertTrue(metrics.contains("agroal_active_count"), "the JDBC pool (exports, migrations)");
        });
    }
}
