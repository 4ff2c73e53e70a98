package org.guichet.testing.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tests' own databases on the machine's PostgreSQL (127.0.0.1:5432), named
 * {@code guichet_test_<service>} so they never touch what {@code ./guichet up} runs on. Each test
 * JVM starts from an empty database. {@code GUICHET_TEST_DB_PREFIX} changes the prefix, so two
 * working copies can run the same service's tests at once. The {@code guichet} role (CREATEDB) is made by
 * {@code ./guichet test} before Maven runs.
 */
public final class TestDatabases {
    public static final String HOST = System.getProperty("guichet.pg.host", "127.0.0.1");
    public static final int PORT = Integer.getInteger("guichet.pg.port", 5432);
    public static final String USER = System.getProperty("guichet.pg.user", "guichet");
    public static final String PASSWORD = System.getProperty("guichet.pg.password", "guichet");

    public static final String PREFIX = prefix();

    private TestDatabases() {
    }

    /** The test database of a service ({@code billing} → {@code guichet_test_billing}). */
    public static String of(String service) {
        return PREFIX + service;
    }

    private static String prefix() {
        String p = System.getenv("GUICHET_TEST_DB_PREFIX");
        return p == null || p.isBlank() ? "guichet_test_" : p;
    }

    public static String recreate(String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name
                    + " (is PostgreSQL running, and the guichet role there? ./guichet test sets both up)", e);
        }
        return name;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    public static String reactiveUrl(String database) {
        return "postgresql://" + HOST + ":" + PORT + "/" + database;
    }
}
