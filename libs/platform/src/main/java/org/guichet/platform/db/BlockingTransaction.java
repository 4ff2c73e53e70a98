package org.guichet.platform.db;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

import java.util.function.Function;

/**
 * One transaction on a plain SQL connection, for background jobs that run on a worker thread
 * (the outbox relay, the email sender): commit when the work returns, roll back when it throws.
 */
public final class BlockingTransaction {
    private BlockingTransaction() {
    }

    public static <T> T run(Pool pool, Function<SqlConnection, T> work) {
        SqlConnection conn = pool.getConnectionAndAwait();
        try {
            Transaction tx = conn.beginAndAwait();
            try {
                T result = work.apply(conn);
                tx.commitAndAwait();
                return result;
            } catch (RuntimeException e) {
                tx.rollbackAndAwait();
                throw e;
            }
        } finally {
            conn.closeAndAwait();
        }
    }
}
