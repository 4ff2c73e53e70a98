package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.testing.EventTap;
import org.guichet.testing.TestInfra;
import org.guichet.testing.infra.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The broker goes away: the committed invoice's event waits in the outbox and is delivered, once, when it returns. */
@QuarkusTest
class OutboxOutageTest extends BillingTestResource {

    @Test
    void an_event_committed_while_kafka_is_down_is_delivered_once_when_it_comes_back() throws Exception {
        TestInfra.kafka().stop();
        String invoiceId;
        try {
            invoiceId = createInvoice("patron-900", 4200);
            // while the relay tries and fails, the row stays
            await("the event is kept in the outbox while the broker is down").during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10)).until(() -> unsent(invoiceId) >= 1);
        } finally {
            TestInfra.kafka().start();
        }
        try (EventTap tap = new EventTap(Topics.INVOICES)) {
            tap.await(r -> r.key().equals(invoiceId), Duration.ofSeconds(60));
            var created = tap.collect(r -> r.key().equals(invoiceId)
                    && EventJson.read(r.value()).is(EventType.INVOICE_CREATED), Duration.ofSeconds(3));
            assertEquals(1, created.size(), "delivered exactly once");
        }
        assertEquals(0, unsent(invoiceId), "the outbox row is marked sent");
    }

    private static int unsent(String subjectId) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(TestDatabases.of("billing")),
                TestDatabases.USER, TestDatabases.PASSWORD);
             var st = c.prepareStatement("select count(*) from outbox_event where message_key = ? and sent_at is null")) {
            st.setString(1, subjectId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
