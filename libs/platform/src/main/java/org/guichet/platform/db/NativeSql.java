package org.guichet.platform.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Native SQL in the current reactive session (and its transaction), parameters ?1, ?2, ... */
public final class NativeSql {
    private NativeSql() {
    }

    /** Rows changed. */
    public static Uni<Integer> execute(String sql, Object... params) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        });
    }

    /** The single column of each row. */
    public static <T> Uni<List<T>> column(String sql, Class<T> type, Object... params) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql, type);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList();
        });
    }

    /** Each row as its columns. */
    public static Uni<List<Object[]>> rows(String sql, Object... params) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList();
        });
    }
}
