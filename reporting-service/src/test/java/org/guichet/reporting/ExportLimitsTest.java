package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.guichet.reporting.transaction.ExportSlots;
import org.guichet.testing.DevTokens;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * L9: a CSV export holds a JDBC connection while its reader reads. Exports left unread are limited per
 * user (429, Retry-After) without blocking another user's export or the pages, and a reader that stops
 * reading is cut off (guichet.exports.write-timeout), which frees its slot and its connection.
 */
@QuarkusTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ExportLimitsTest extends ReportingTestResource {
    /** An institution of its own: its many rows change no other test's counts. */
    static final String TENANT = "l9-exports";
    /** About 28 MB of CSV: far more than the socket buffers and the response buffers hold. */
    static final int ROWS = 40_000;

    @Inject
    ExportSlots slots;

    static RequestSpecification finance(String who) {
        return Callers.as("finance", who, TENANT);
    }

    @BeforeEach
    void seed() {
        TestRows db = TestRows.of("reporting");
        if (db.scalar("select count(*) from transaction_record where tenant = ?", TENANT) < ROWS) {
            db.execute("insert into transaction_record (payment_id, tenant, reference, regie, citizen_subject, "
                    + "citizen_name, total, currency, status, gateway, mode, lines, lines_summary, search_text, "
                    + "created_at, settled_at, updated_at) select gen_random_uuid(), ?, 'L9-' || n, 'l9-regie', "
                    + "'citizen-' || n, 'Citizen ' || n, 1000 + n, 'EUR', 'SETTLED', 'counter', 'CASH', '[]', "
                    + "repeat('a line of the export ', 30), 'l9', now(), now(), now() from generate_series(1, ?) n",
                    TENANT, ROWS);
        }
    }

    /** The lines of a whole export, counted as they come (a 28 MB body is not held in memory). */
    static long lines(String who) throws IOException {
        return lines(who, "");
    }

    static long lines(String who, String query) throws IOException {
        java.net.HttpURLConnection http = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:"
                + RestAssured.port + "/transactions/export.csv" + query).openConnection();
        http.setRequestProperty("Authorization", "Bearer " + DevTokens.mint(who, TENANT, "finance"));
        assertEquals(200, http.getResponseCode());
        long lines = 0;
        try (InputStream in = http.getInputStream()) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    /** An export whose status line was read, then nothing more: it keeps its slot until it is cut off. */
    static Socket unread(String who) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 10_000);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("GET /transactions/export.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + DevTokens.mint(who, TENANT, "finance") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        assertEquals("HTTP/1.1 200", new String(in.readNBytes(12), StandardCharsets.US_ASCII));
        return socket;
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void L9_exports_left_unread_are_limited_per_user_while_another_users_export_and_the_pages_still_work() throws Exception {
        try (Socket first = unread("finance-slow"); Socket second = unread("finance-slow")) {
            finance("finance-slow").get("/transactions/export.csv").then().statusCode(429)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("type", containsString("too-many-exports"));
            finance("finance-slow").accept("text/csv").queryParam("limit", 5).get("/transactions").then()
                    .statusCode(429);

            // another agent of the same institution exports everything meanwhile
            assertEquals(ROWS + 1, lines("finance-other"));
            // and the pages answer, as JSON to the slow reader, as CSV (a stream of its own) to the other
            finance("finance-slow").queryParam("limit", 5).get("/transactions").then().statusCode(200)
                    .body("$", hasSize(5));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> finance("finance-other").accept("text/csv")
                    .queryParam("limit", 5).get("/transactions").then().statusCode(200)
                    .header("Next-Cursor", notNullValue()));
        }
        // the reader went away: its slots are free again
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance("finance-slow").queryParam("regie", "none")
                .get("/transactions/export.csv").then().statusCode(200));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void L9_a_reader_that_stops_reading_is_cut_off_and_its_slot_and_connection_freed() throws Exception {
        try (Socket first = unread("finance-stalled"); Socket second = unread("finance-stalled")) {
            finance("finance-stalled").queryParam("regie", "none").get("/transactions/export.csv").then()
                    .statusCode(429);
            // nothing is read, the sockets stay open: the write timeout alone ends the two streams
            await().atMost(Duration.ofSeconds(60)).until(() -> slots.running() == 0);
            finance("finance-stalled").queryParam("regie", "none").get("/transactions/export.csv").then()
                    .statusCode(200);
            assertTrue(cutOff(first), "the server ended the stalled export before its end");
        }
        // the connections of the cut-off COPYs serve no one again: every export after them is whole
        for (int i = 0; i < 6; i++) {
            assertEquals(101, lines("finance-other", "?maxAmount=1100"), "export " + i + " is whole");
        }
        // the two COPYs were cancelled: none is left running
        await().atMost(Duration.ofSeconds(10)).until(() -> TestRows.of("reporting").scalar("select count(*) from "
                + "pg_stat_activity where datname = current_database() and query like 'copy (select%' "
                + "and state = 'active'") == 0);
    }

    /** Reads what the server had sent before it cut the stream off: not the whole export. */
    private static boolean cutOff(Socket socket) {
        long lines = 0;
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (IOException e) {
            return true; // connection reset
        }
        return lines < ROWS;
    }
}
