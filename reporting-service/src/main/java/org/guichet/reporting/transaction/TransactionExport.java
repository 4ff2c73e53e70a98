package org.guichet.reporting.transaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.EventJson;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole search read as one query through a database cursor (the reactive client's row stream, in a
 * read-only transaction) and handed on in chunks: memory stays flat, and the database does what its
 * COPY would, once.
 */
@ApplicationScoped
public class TransactionExport {
    static final int FETCH = 1000;
    static final int CHUNK = 500;
    private static final String SELECT = "select payment_id, reference, created_at, settled_at, citizen_name, "
            + "citizen_subject, total, currency, regie, status, gateway, gateway_ref, mode, lines, accounting_code "
            + "from transaction_record ";

    @Inject
    Pool pool;

    public Multi<List<TransactionView>> chunks(TransactionQuery query) {
        List<Object> params = new ArrayList<>();
        String sql = SELECT + query.sql(params);
        return pool.getConnection().onItem().transformToMulti(conn -> rows(conn, sql, Tuple.from(params))
                        .onTermination().call(conn::close))
                .group().intoLists().of(CHUNK)
                .map(rows -> rows.stream().map(TransactionExport::view).toList());
    }

    private static Multi<Row> rows(SqlConnection conn, String sql, Tuple params) {
        return conn.begin().onItem().transformToMulti(tx -> conn.prepare(sql)
                .onItem().transformToMulti(statement -> statement.createStream(FETCH, params).toMulti())
                .onTermination().call(() -> tx.rollback().onFailure().recoverWithNull()));
    }

    private static TransactionView view(Row r) {
        OffsetDateTime settled = r.getOffsetDateTime("settled_at");
        OffsetDateTime created = r.getOffsetDateTime("created_at");
        try {
            return new TransactionView(r.getUUID("payment_id").toString(), r.getString("reference"),
                    (settled != null ? settled : created).toInstant(), r.getString("citizen_name"),
                    r.getString("citizen_subject"), r.getLong("total"), r.getString("currency"), r.getString("regie"),
                    r.getString("status"), r.getString("gateway"), r.getString("gateway_ref"), r.getString("mode"),
                    EventJson.MAPPER.readTree(r.getString("lines")), r.getString("accounting_code"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable lines of " + r.getUUID("payment_id"), e);
        }
    }
}
