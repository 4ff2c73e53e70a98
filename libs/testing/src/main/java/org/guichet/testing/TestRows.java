package org.guichet.testing;

import org.guichet.testing.infra.TestDatabases;

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
 * What a service stored, read from its database with plain JDBC: for tests that check a row field by field
 * (what an API answer does not show, such as the tenant or who created it), and for the end-to-end checks
 * across a launcher suite's databases; and rows a test needs that no API makes (what another system left
 * behind). A {@link Collection} parameter is passed as a {@code text[]} ({@code = any(?)}).
 */
public final class TestRows {
    private final String database;
    private final String url;

    private TestRows(String database, String url) {
        this.database = database;
        this.url = url;
    }

    /** The test database of {@code service} (billing, cart, payment, notification, reporting). */
    public static TestRows of(String service) {
        return database(TestDatabases.of(service));
    }

    /** Any database on the test server, such as a launcher suite's ({@code guichet_e2e_billing}). */
    public static TestRows database(String name) {
        return new TestRows(name, TestDatabases.jdbcUrl(name));
    }

    /** A database on another PostgreSQL of this machine (the fault suite's own cluster). */
    public static TestRows database(String name, int port) {
        return new TestRows(name, "jdbc:postgresql://" + TestDatabases.HOST + ":" + port + "/" + name);
    }

    /** Runs an insert, update or delete; answers how many rows it touched. */
    public int execute(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url, TestDatabases.USER, TestDatabases.PASSWORD); PreparedStatement st = c.prepareStatement(sql)) {
            bind(c, st, params);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    public List<Map<String, Object>> all(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url, TestDatabases.USER, TestDatabases.PASSWORD); PreparedStatement st = c.prepareStatement(sql)) {
            bind(c, st, params);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        Object value = rs.getObject(col);
                        row.put(meta.getColumnLabel(col), value instanceof String s ? s.strip() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row, as a long (0 when there is none or it is null). */
    public long scalar(String sql, Object... params) {
        List<Map<String, Object>> rows = all(sql, params);
        Object v = rows.isEmpty() ? null : rows.get(0).values().iterator().next();
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** The one row {@code sql} selects; fails when there is none or more than one. */
    public Map<String, Object> one(String sql, Object... params) {
        List<Map<String, Object>> rows = all(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError(rows.size() + " rows for " + sql + " " + List.of(params));
        }
        return rows.get(0);
    }

    private static void bind(Connection c, PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Collection<?> values) {
                st.setArray(i + 1, c.createArrayOf("text", values.stream().map(String::valueOf).toArray()));
            } else {
                st.setObject(i + 1, params[i]);
            }
        }
    }
}
