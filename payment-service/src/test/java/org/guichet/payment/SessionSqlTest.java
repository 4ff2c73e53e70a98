package org.guichet.payment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import org.guichet.payment.callback.CallbackInboxEntry;
import org.guichet.platform.Ids;
import org.guichet.platform.db.SessionSql;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * libs/platform's SessionSql on payment-service's database: selects on the session's own connection, in its
 * transaction, that see what the session changed and come back typed. (Why it exists — Hibernate Reactive 3.2
 * adds a query plan per execution of a native select — is measured by bench/payments.sh, not asserted here.)
 */
@QuarkusTest
class SessionSqlTest extends PaymentTestResource {
    @Test
    void a_select_runs_in_the_session_transaction_and_sees_its_unflushed_changes() throws Throwable {
        UUID id = Ids.newId();
        Object[] seen = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            CallbackInboxEntry entry = new CallbackInboxEntry();
            entry.id = id;
            entry.gateway = "sandbox";
            entry.receivedAt = Instant.parse("2026-12-06T10:15:30Z");
            entry.headers = "{}";
            entry.body = "session-sql";
            entry.verdictStatus = "UNKNOWN";
            return entry.persist()
                    .chain(() -> SessionSql.rows("select id, body, received_at from callback_inbox where id = $1 "
                            + "and received_at = $2", id, entry.receivedAt))
                    .map(rows -> rows.get(0))
                    .call(() -> Panache.currentTransaction().invoke(Mutiny.Transaction::markForRollback));
        }));
        assertEquals(id, seen[0]);
        assertEquals("session-sql", seen[1]);
        assertEquals(Instant.parse("2026-12-06T10:15:30Z"),
                ((java.time.OffsetDateTime) seen[2]).toInstant(), "timestamptz comes back as OffsetDateTime");
        assertEquals(0L, VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                SessionSql.value("select count(*) from callback_inbox where id = $1", Long.class, id))),
                "rolled back with the session's transaction");
    }

    @Test
    void values_and_columns_are_typed_and_an_empty_result_is_null() throws Throwable {
        List<Long> numbers = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                SessionSql.column("select nextval('receipt_number_seq') from generate_series(1, 3)", Long.class)));
        assertEquals(3, numbers.size());
        assertTrue(numbers.get(0) < numbers.get(1) && numbers.get(1) < numbers.get(2), numbers.toString());
        assertEquals(null, VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                SessionSql.value("select 1 where false", Integer.class))));
    }
}
