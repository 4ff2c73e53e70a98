package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.EventTap;
import org.guichet.testing.OtlpReceiver;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.guichet.billing.Fixtures.invoice;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Traces across services, with tracing switched on by configuration as an operator does it: the
 * caller's trace reaches the event on Kafka (outbox -> relay -> traceparent header), a consumer
 * continues the trace of the record it applies, and the spans reach an OTLP endpoint.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
class TracingTest extends BillingTestResource {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.exporter.otlp.traces.endpoint", OtlpReceiver.shared().endpoint(),
                    "quarkus.otel.bsp.schedule.delay", "200ms");
        }
    }

    static String newTraceId() {
        return HexFormat.of().formatHex(UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void the_callers_trace_travels_with_the_event_and_the_spans_are_exported() {
        String traceId = newTraceId();
        String parent = "00-" + traceId + "-00f067aa0ba902b7-01";
        try (EventTap tap = new EventTap(Topics.INVOICES)) {
            String id = as("agent", "agent-7").header("traceparent", parent).body(invoice("patron-tr", 700))
                    .post("/invoices").then().statusCode(201).extract().path("id");
            ConsumerRecord<String, String> created = tap.await(r -> r.value().contains(id), Duration.ofSeconds(30));
            assertNotNull(created.headers().lastHeader("traceparent"), "the record carries the trace");
            String sent = new String(created.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            assertEquals(traceId, sent.split("-")[1], "same trace as the request");
            assertNotEquals("00f067aa0ba902b7", sent.split("-")[2], "a span of billing's own, child of the caller's");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> OtlpReceiver.shared().received(traceId));
    }

    @Test
    void a_consumer_continues_the_trace_of_the_record_it_applies() {
        String traceId = newTraceId();
        String bill = createInvoice("patron-tc", 900);
        String paymentId = UUID.randomUUID().toString();
        PaymentLine line = new PaymentLine(PaymentLine.INVOICE, bill, "lib-kladno", "fee", 900);
        String json = TestEvents.json(EventType.CART_CHECKED_OUT, "lib-kladno", "co-tr", new CartCheckedOut("co-tr",
                new Payer("patron-tc", "Jan Novák", "jan@example.cz", "cs"), "http://127.0.0.1/return",
                List.of(new CartCheckedOut.PaymentRequest(paymentId, "kladno-library", 900, "CZK", List.of(line)))));
        EventTap.send(Topics.CHECKOUTS, "co-tr", json, Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("agent", "a").get("/invoices/" + bill)
                .then().body("paymentPending", equalTo(true)));
        await().atMost(Duration.ofSeconds(20)).until(() -> OtlpReceiver.shared().received(traceId));
    }
}
