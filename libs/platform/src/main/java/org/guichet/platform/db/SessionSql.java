package org.guichet.platform.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A native statement on the current reactive session's own connection, in its transaction, past Hibernate's
 * native-query machinery — for selects that run on every request or event, and the statements of a
 * repository that keeps all its SQL in one placeholder style.
 * <p>
 * Why: Hibernate Reactive 3.2 wraps every native query's result mapping in a class without {@code equals},
 * so a native select is planned anew on each execution and each plan is added to the query-plan cache under
 * the same hash (its SQL's). A hot native select soon fills the cache, and every look-up of that SQL then
 * compares it with up to the cache's size of keys: a third of cart-service's CPU in bench/payments.sh
 * (Flight Recorder: {@code SelectInterpretationsKey.equals}). Updates are not affected (their cache key is
 * the SQL alone).
 * <p>
 * Like a Hibernate native query, the session is flushed first within a transaction, so the select sees what
 * the session changed.
 * Parameters are PostgreSQL's {@code $1, $2…} (all of them used); an {@link Instant} is bound as a UTC
 * timestamp, an enum as its name. Values come back as the PostgreSQL client decodes them (uuid as UUID,
 * bigint as Long, timestamptz as OffsetDateTime).
 * <p>Decision: docs/adr/0004-session-sql.md.
 */
public final class SessionSql {
    private SessionSql() {
    }

    /** Each row as its columns. */
    public static Uni<List<Object[]>> rows(String sql, Object... params) {
        return Panache.getSession().flatMap(session -> flushInTransaction(session).chain(() -> Uni.createFrom()
                .completionStage(() -> connection(session).select(sql, bind(params)))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                })));
    }

    /** An insert, update or delete; answers the rows it changed. */
    public static Uni<Integer> execute(String sql, Object... params) {
        return Panache.getSession().flatMap(session -> flushInTransaction(session).chain(() -> Uni.createFrom()
                .completionStage(() -> connection(session).update(sql, bind(params)))));
    }

    /** The first column of each row. */
    public static <T> Uni<List<T>> column(String sql, Class<T> type, Object... params) {
        return rows(sql, params).map(rows -> rows.stream().map(row -> as(type, row[0])).toList());
    }

    /** The first column of the first row; null when there is no row. */
    public static <T> Uni<T> value(String sql, Class<T> type, Object... params) {
        return rows(sql, params).map(rows -> rows.isEmpty() ? null : as(type, rows.get(0)[0]));
    }

    /** As Hibernate does before a native query: changes are flushed only within a transaction. */
    private static Uni<Void> flushInTransaction(Mutiny.Session session) {
        return session.currentTransaction() == null || session.getFlushMode() == org.hibernate.FlushMode.MANUAL
                ? Uni.createFrom().voidItem() : session.flush();
    }

    private static ReactiveConnection connection(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl impl) {
            return impl.getReactiveConnection();
        }
        throw new IllegalStateException("Not a Hibernate Reactive session: " + session.getClass().getName());
    }

    private static Object[] bind(Object... params) {
        Object[] bound = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            bound[i] = p instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                    : p instanceof Enum<?> e ? e.name() : p;
        }
        return bound;
    }

    private static <T> T as(Class<T> type, Object value) {
        if (value instanceof Number n && !type.isInstance(value)) {
            if (type == Long.class) {
                return type.cast(n.longValue());
            }
            if (type == Integer.class) {
                return type.cast(n.intValue());
            }
        }
        if (value instanceof OffsetDateTime o && type == Instant.class) {
            return type.cast(o.toInstant());
        }
        return type.cast(value);
    }
}
