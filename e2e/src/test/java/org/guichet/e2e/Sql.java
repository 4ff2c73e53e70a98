package org.guichet.e2e;

import org.guichet.testing.infra.TestDatabases;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a service's database of a launcher suite ({@code <prefix><service>}) with plain JDBC. A
 * {@link Collection} parameter is passed as a {@code text[]} (use {@code = any(?)}).
 */
final class Sql {
    private final String database;

    private Sql(String database) {
        this.database = database;
    }

    /** The database of {@code service} (billing, cart, payment, notification, reporting) under {@code prefix}. */
    static Sql of(String prefix, String service) {
        return new Sql(prefix + service);
    }

    List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), TestDatabases.USER,
                TestDatabases.PASSWORD); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Collection<?> values) {
                    Array array = c.createArrayOf("text", values.stream().map(String::valueOf).toArray());
                    st.setArray(i + 1, array);
                } else {
                    st.setObject(i + 1, params[i]);
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        row.put(meta.getColumnLabel(col), rs.getObject(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql, e);
        }
    }

    /** The first column of the first row, as a long (0 when null). */
    long scalar(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        if (rows.isEmpty()) {
            return 0;
        }
        Object v = rows.get(0).values().iterator().next();
        return v == null ? 0 : ((Number) v).longValue();
    }

    static long num(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static String str(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }
}
