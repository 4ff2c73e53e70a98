package org.guichet.reporting.transaction;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole search read as one query through a database cursor (the reactive client's row stream, in a
 * read-only transaction) and handed on in chunks: memory stays flat, and the database does what its
 * COPY would, once.
 */
@ApplicationScoped
public class TransactionExport {
    static final int FETCH = 2000;
    static final int CHUNK = 1000;

    @Inject
    Pool pool;

    public Multi<List<ExportRow>> chunks(TransactionQuery query) {
        List<Object> params = new ArrayList<>();
        String sql = "select " + ExportRow.COLUMNS + " from transaction_record " + query.sql(params);
        return pool.getConnection().onItem().transformToMulti(conn -> rows(conn, sql, Tuple.from(params))
                        .onTermination().call(conn::close))
                .map(ExportRow::of)
                .group().intoLists().of(CHUNK);
    }

    private static Multi<Row> rows(SqlConnection conn, String sql, Tuple params) {
        return conn.begin().onItem().transformToMulti(tx -> conn.prepare(sql)
                .onItem().transformToMulti(statement -> statement.createStream(FETCH, params).toMulti())
                .onTermination().call(() -> tx.rollback().onFailure().recoverWithNull()));
    }
}
