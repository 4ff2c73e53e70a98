package org.guichet.platform.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Native SQL in the current reactive session (and its transaction), parameters ?1, ?2, ... A parameter
 * the statement does not name is left out, so variants of one statement can share their parameters.
 */
public final class NativeSql {
    private NativeSql() {
    }

    private static void bind(String sql, java.util.function.BiConsumer<Integer, Object> setter, Object... params) {
        for (int i = 0; i < params.length; i++) {
            if (java.util.regex.Pattern.compile("\\?" + (i + 1) + "(?![0-9])").matcher(sql).find()) {
                setter.accept(i + 1, params[i]);
            }
        }
    }

    /** Rows changed. */
    public static Uni<Integer> execute(String sql, Object... params) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql);
            bind(sql, query::setParameter, params);
            return query.executeUpdate();
        });
    }

    /** The single column of each row. */
    public static <T> Uni<List<T>> column(String sql, Class<T> type, Object... params) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql, type);
            bind(sql, query::setParameter, params);
            return query.getResultList();
        });
    }

    /** Each row as its columns. */
    public static Uni<List<Object[]>> rows(String sql, Object... params) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql, Object[].class);
            bind(sql, query::setParameter, params);
            return query.getResultList();
        });
    }
}
