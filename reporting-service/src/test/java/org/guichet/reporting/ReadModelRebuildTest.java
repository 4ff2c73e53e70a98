package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.EventType;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.Events;
import org.guichet.testing.TestEvents;
import org.guichet.testing.infra.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.reporting.Callers.finance;
import static org.guichet.reporting.TransactionReadModelTest.TENANT;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

/**
 * The read model is rebuilt from the events alone: a damaged line (wrong total, a refund lost) is
 * whole again after a replay of the topics, with each event applied once.
 */
@QuarkusTest
class ReadModelRebuildTest extends ReportingTestResource {

    @Test
    void M5_only_the_operator_rebuilds_and_a_replay_of_the_topics_rebuilds_a_damaged_read_model_with_each_event_once() throws Exception {
        String paymentId = UUID.randomUUID().toString();
        String reference = "REBUILD-" + paymentId.substring(0, 8);
        List<PaymentLine> lines = List.of(new PaymentLine("INVOICE", UUID.randomUUID().toString(), TENANT, "Taxe", 4000));
        TestEvents.publish(EventType.PAYMENT_SETTLED, TENANT, paymentId,
                TransactionDetailTest.settlement(paymentId, reference, "namur-population", lines));
        Events.aRefundIssued().ofPayment(paymentId, reference).regie("namur-population").of(300, "EUR")
                .through("mollie", "GATEWAY").because("overpaid").lines(lines).publish(TENANT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().get("/transactions/" + paymentId).then()
                .statusCode(200).body("transaction.refunded", equalTo(300)));

        try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(TestDatabases.of("reporting")),
                TestDatabases.USER, TestDatabases.PASSWORD); Statement s = c.createStatement()) {
            s.executeUpdate("update transaction_record set total = 1, refunded = 0 where payment_id = '" + paymentId + "'");
            s.executeUpdate("delete from transaction_refund where payment_id = '" + paymentId + "'");
        }
        finance().get("/transactions/" + paymentId).then().body("transaction.total", equalTo(1));

        finance().post("/admin/read-model/rebuild").then().statusCode(403);
        // M5: the read model holds every institution's transactions: one institution's admin may not wipe it
        Callers.as("admin", "admin-1", TENANT).post("/admin/read-model/rebuild").then()
                .statusCode(403);
        finance().get("/transactions/" + paymentId).then().body("transaction.total", equalTo(1));
        Callers.as("operator", "operator-1", TENANT).post("/admin/read-model/rebuild").then()
                .statusCode(202).body("partitions", greaterThan(0));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> finance().get("/transactions/" + paymentId).then()
                .statusCode(200).body("transaction.total", equalTo(4000)).body("transaction.refunded", equalTo(300))
                .body("refunds", hasSize(1)).body("timeline", hasSize(2)));
        finance().queryParam("q", reference).get("/transactions").then().body("$", hasSize(1));
    }
}
