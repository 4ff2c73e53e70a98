package org.guichet.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.guichet.events.payload.InvoiceCreated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventContractTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_example_is_valid_against_its_schema(EventType type) throws IOException {
        String example = resource(type.exampleResource());
        assertEquals(java.util.List.of(), EventContract.violations(example), type.exampleResource());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_example_reads_into_its_payload_class(EventType type) throws IOException {
        EventEnvelope envelope = EventJson.read(resource(type.exampleResource()));
        assertEquals(type.typeName(), envelope.type());
        assertNotNull(envelope.payloadAs(type.payloadClass()));
    }

    @Test
    void a_negative_amount_breaks_the_contract() throws IOException {
        ObjectNode node = (ObjectNode) EventJson.MAPPER.readTree(resource(EventType.INVOICE_CREATED.exampleResource()));
        ((ObjectNode) node.get("payload")).put("amount", -1);
        assertFalse(EventContract.violations(node.toString()).isEmpty());
    }

    @Test
    void a_decimal_amount_breaks_the_contract() throws IOException {
        ObjectNode node = (ObjectNode) EventJson.MAPPER.readTree(resource(EventType.PAYMENT_SETTLED.exampleResource()));
        ((ObjectNode) node.get("payload")).put("amount", 50.5);
        assertFalse(EventContract.violations(node.toString()).isEmpty());
    }

    @Test
    void R4_a_mode_is_an_institutions_code_any_configured_one_but_no_free_text() throws IOException {
        for (EventType type : new EventType[] {EventType.PAYMENT_SETTLED, EventType.REFUND_ISSUED}) {
            ObjectNode node = (ObjectNode) EventJson.MAPPER.readTree(resource(type.exampleResource()));
            ((ObjectNode) node.get("payload")).put("mode", "BANK_TRANSFER");
            assertEquals(java.util.List.of(), EventContract.violations(node.toString()), type.typeName());
            ((ObjectNode) node.get("payload")).put("mode", "VOUCHER_2");
            assertEquals(java.util.List.of(), EventContract.violations(node.toString()), type.typeName());
            ((ObjectNode) node.get("payload")).put("mode", "bank transfer");
            assertFalse(EventContract.violations(node.toString()).isEmpty(), type.typeName());
        }
    }

    @Test
    void M2_a_full_iban_in_refund_bank_details_given_breaks_the_contract() throws IOException {
        ObjectNode node = (ObjectNode) EventJson.MAPPER.readTree(resource(EventType.REFUND_BANK_DETAILS_GIVEN.exampleResource()));
        ((ObjectNode) node.get("payload")).put("maskedIban", "BE71096123456769");
        assertTrue(EventContract.violations(node.toString()).stream().anyMatch(m -> m.contains("maskedIban")),
                EventContract.violations(node.toString()).toString());
    }

    @Test
    void an_envelope_without_tenant_breaks_the_contract() throws IOException {
        ObjectNode node = (ObjectNode) EventJson.MAPPER.readTree(resource(EventType.PAYMENT_SETTLED.exampleResource()));
        node.remove("tenant");
        assertTrue(EventContract.violations(node.toString()).stream().anyMatch(m -> m.contains("tenant")));
    }

    @Test
    void an_unknown_type_is_reported() throws IOException {
        ObjectNode node = (ObjectNode) EventJson.MAPPER.readTree(resource(EventType.PAYMENT_SETTLED.exampleResource()));
        node.put("type", "PaymentTeleported");
        assertEquals(java.util.List.of("no schema for PaymentTeleported v1"), EventContract.violations(node.toString()));
    }

    @Test
    void envelope_round_trips_through_json_with_key_and_correlation() {
        InvoiceCreated payload = new InvoiceCreated("6f1c2a9e-3b7d-4c1e-9a55-0d2f4b8e7a10", "N-1", "patron-1", "lib",
                5000, "CZK", "LATE_FEE", "late", LocalDate.of(2026, 11, 21), "agent");
        EventEnvelope out = EventEnvelope.of(EventType.INVOICE_CREATED, Instant.parse("2026-11-21T10:00:00Z"),
                "billing-service", "lib-kladno", payload.invoiceId(), null, payload);
        String json = EventJson.write(out);
        assertEquals(java.util.List.of(), EventContract.violations(json));
        EventEnvelope in = EventJson.read(json);
        assertEquals(json, EventJson.write(in));
        assertEquals(out.eventId().toString(), in.correlationId(), "correlation defaults to the event id");
        assertEquals(payload, in.payloadAs(InvoiceCreated.class));
    }

    @Test
    void R8_a_counter_settlement_names_its_operator_and_payer_and_one_without_them_is_still_valid() throws IOException {
        org.guichet.events.payload.PaymentSettled payload = new org.guichet.events.payload.PaymentSettled(
                "a3e1c0de-5b6f-4e2a-9c8d-7b6a5f4e3d21", "KLADNO-LIBRARY-000018", null, "kladno-library", 1000, "CZK",
                "counter", null, "CASH", new org.guichet.events.payload.Payer("patron-0042", null, null, null),
                java.util.List.of(new org.guichet.events.payload.PaymentLine("ACCOUNT", "patron-0042", "lib-kladno",
                        "Counter payment", 1000)), Instant.parse("2026-11-21T10:15:29Z"), "RC-LIB-KLADNO-2026-000043",
                null, "agent-0007", "Eva Agentová");
        String json = EventJson.write(EventEnvelope.of(EventType.PAYMENT_SETTLED, Instant.parse("2026-11-21T10:15:30Z"),
                "payment-service", "lib-kladno", payload.paymentId(), null, payload));
        assertEquals(java.util.List.of(), EventContract.violations(json));
        assertEquals(payload, EventJson.read(json).payloadAs(org.guichet.events.payload.PaymentSettled.class));

        String example = resource("events/examples/PaymentSettled.counter.v1.json");
        assertEquals(java.util.List.of(), EventContract.violations(example));
        org.guichet.events.payload.PaymentSettled counter = EventJson.read(example)
                .payloadAs(org.guichet.events.payload.PaymentSettled.class);
        assertEquals("agent-0007", counter.operator());
        assertEquals("Eva Agentová", counter.operatorName());
        assertEquals("patron-0042", counter.payer().subject());

        ObjectNode blank = (ObjectNode) EventJson.MAPPER.readTree(json);
        ((ObjectNode) blank.get("payload")).put("operator", "");
        assertFalse(EventContract.violations(blank.toString()).isEmpty(), "an operator is someone");

        // the online example, from producers before the operator existed, names none and stays valid
        org.guichet.events.payload.PaymentSettled online = EventJson.read(resource(EventType.PAYMENT_SETTLED
                .exampleResource())).payloadAs(org.guichet.events.payload.PaymentSettled.class);
        assertEquals(null, online.operator());
        assertEquals(null, online.operatorName());
    }

    @Test
    void a_checkout_carries_the_payments_applied_to_its_bills_and_one_from_before_them_is_still_valid() throws IOException {
        org.guichet.events.payload.CartCheckedOut.PaymentRequest request = EventJson.read(resource(
                        EventType.CART_CHECKED_OUT.exampleResource()))
                .payloadAs(org.guichet.events.payload.CartCheckedOut.class).payments().get(0);
        assertEquals(java.util.Map.of("6f1c2a9e-3b7d-4c1e-9a55-0d2f4b8e7a10",
                java.util.List.of("c0a80f12-4d3e-4b6a-9f1e-2d3c4b5a6f70")), request.appliedPayments());

        ObjectNode node = (ObjectNode) EventJson.MAPPER.readTree(resource(EventType.CART_CHECKED_OUT.exampleResource()));
        ObjectNode payment = (ObjectNode) node.get("payload").get("payments").get(0);
        payment.remove("appliedPayments");
        assertEquals(java.util.List.of(), EventContract.violations(node.toString()));
        assertEquals(null, EventJson.read(node.toString()).payloadAs(org.guichet.events.payload.CartCheckedOut.class)
                .payments().get(0).appliedPayments(), "not known");

        payment.putObject("appliedPayments").putArray("R-1").add("c0a80f12-4d3e-4b6a-9f1e-2d3c4b5a6f70");
        assertFalse(EventContract.violations(node.toString()).isEmpty(), "keyed by invoice id");
    }

    @Test
    void garbage_is_a_malformed_event() {
        org.junit.jupiter.api.Assertions.assertThrows(MalformedEventException.class, () -> EventJson.read("{nope"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
