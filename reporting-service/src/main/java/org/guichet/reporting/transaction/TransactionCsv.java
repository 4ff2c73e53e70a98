package org.guichet.reporting.transaction;

import io.agroal.api.AgroalDataSource;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.guichet.platform.security.Caller;
import org.postgresql.PGConnection;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * CSV as a Belgian or Czech spreadsheet opens it — UTF-8 with a byte-order mark, semicolon separator,
 * decimal comma, quoted where needed, formulas neutralised — written by PostgreSQL itself: the search
 * runs as {@code COPY (select …) TO STDOUT}, streamed straight to the client, so an export of a million
 * transactions costs about what the database's own COPY costs, in constant memory. The cells' format is
 * the SQL functions {@code csv_amount} and {@code csv_text} (migration V6), in this one place.
 */
@ApplicationScoped
public class TransactionCsv {
    static final String HEADER = "reference;date;citizen;total;currency;regie;status;gateway;gateway_reference;lines;"
            + "accounting_code;refunded";
    // régie, status, gateway and currency are codes of our own (never empty, never a formula): as they are
    private static final String CELLS = "csv_text(reference), "
            + "left(cast(coalesce(settled_at, created_at) at time zone 'UTC' as text), 19), "
            + "csv_text(coalesce(citizen_name, citizen_subject)), csv_amount(total, currency), currency, regie, "
            + "status, gateway, csv_text(gateway_ref), csv_text(lines_summary), csv_text(accounting_code), "
            + "csv_amount(refunded, currency)";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ExportSlots slots;
    @Inject
    Caller caller;
    @Inject
    CurrentVertxRequest request;

    /**
     * The answer that streams the search (at most {@code limit} rows; null: all) as a CSV attachment, in
     * one of the caller's export slots (L9: 429 or 503 with Retry-After when none is free).
     */
    public Response.ResponseBuilder attachment(TransactionQuery query, Integer limit) {
        ExportSlots.Slot slot = slots.take(caller.tenant() + "|" + caller.subject(), request.getCurrent());
        return Response.ok((StreamingOutput) out -> {
                    try {
                        write(query, limit, slot.watch(out));
                    } finally {
                        slot.release();
                    }
                }).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"transactions.csv\"");
    }

    /** Writes the byte-order mark, the header and the search's rows (at most {@code limit}; null: all). */
    public void write(TransactionQuery query, Integer limit, OutputStream out) {
        List<Object> params = new ArrayList<>();
        String where = query.sql(params, n -> setting(n, params.get(n - 1)));
        String copy = "copy (select " + CELLS + " from transaction_record " + where
                + (limit != null ? " limit " + limit : "") + ") to stdout with (format csv, delimiter ';')";
        // COPY hands over one row at a time: gather them into large writes to the response
        try (OutputStream buffered = new BufferedOutputStream(out, 1 << 20)) {
            buffered.write(("\uFEFF" + HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            inTransaction(params, c -> {
                // a one-off scan: compiling its expressions (JIT) costs more than it saves, and parallel
                // workers would take the cores this service needs to pass the rows on (measured on 2 cores)
                try (PreparedStatement plain = c.prepareStatement("select set_config('jit', 'off', true), "
                        + "set_config('max_parallel_workers_per_gather', '0', true)")) {
                    plain.executeQuery().close();
                }
                // a reader gone mid-way (or cut off) must not break the COPY off: pgjdbc's cancel leaves the
                // connection unusable and lost to the pool, so the rest is read and dropped, then it fails
                Discarding sink = new Discarding(buffered);
                c.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, sink);
                if (sink.failure != null) {
                    throw sink.failure;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the page of {@code limit} rows ends, when it is full: the cursor of the next page (else null). */
    public String nextCursor(TransactionQuery query, int limit) {
        List<Object> params = new ArrayList<>();
        String where = query.sql(params, n -> setting(n, params.get(n - 1)));
        String key = query.sort() == TransactionQuery.Sort.AMOUNT ? "total" : "created_at";
        String[] cursor = new String[1];
        inTransaction(params, c -> {
            try (PreparedStatement last = c.prepareStatement("select " + key + ", payment_id from transaction_record "
                    + where + " offset " + (limit - 1) + " limit 1"); ResultSet rs = last.executeQuery()) {
                if (rs.next()) {
                    long value = query.sort() == TransactionQuery.Sort.AMOUNT ? rs.getLong(1)
                            : micros(rs.getObject(1, OffsetDateTime.class));
                    cursor[0] = new TransactionQuery.Cursor(value, rs.getObject(2, UUID.class)).encode();
                }
            }
        });
        return cursor[0];
    }

    /** Passes bytes on until a write fails, then drops them, keeping the failure. */
    private static final class Discarding extends java.io.FilterOutputStream {
        IOException failure;

        Discarding(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failure == null) {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    failure = e;
                }
            }
        }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }
    }

    private interface Work {
        void run(Connection c) throws SQLException, IOException;
    }

    /**
     * A read-only transaction whose settings {@code guichet.p1…} hold the search's parameters: COPY takes
     * no bind parameters, and values never become SQL text.
     */
    private void inTransaction(List<Object> params, Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement set = c.prepareStatement("select set_config(?, ?, true)")) {
                for (int i = 0; i < params.size(); i++) {
                    set.setString(1, "guichet.p" + (i + 1));
                    set.setString(2, params.get(i).toString());
                    set.executeQuery().close();
                }
                work.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String setting(int n, Object value) {
        String read = "current_setting('guichet.p" + n + "')";
        if (value instanceof Long) {
            return "cast(" + read + " as bigint)";
        }
        if (value instanceof OffsetDateTime) {
            return "cast(" + read + " as timestamptz)";
        }
        if (value instanceof UUID) {
            return "cast(" + read + " as uuid)";
        }
        return read;
    }

    private static long micros(OffsetDateTime t) {
        return t.toEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }
}
