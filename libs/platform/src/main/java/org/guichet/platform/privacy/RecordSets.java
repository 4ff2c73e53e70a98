package org.guichet.platform.privacy;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A personal-data export made of named queries: each query's rows come back as they are in the database,
 * column by column (dates as ISO 8601 text, binary content in Base64). The queries take $1 = tenant and
 * $2 = subject; a kind with no rows is there, empty (the export shows what was looked at).
 */
public final class RecordSets {
    private final Map<String, String> queries = new LinkedHashMap<>();

    private RecordSets() {
    }

    public static RecordSets of() {
        return new RecordSets();
    }

    /** Adds a kind of record and the query ($1 tenant, $2 subject) that finds the person's. */
    public RecordSets kind(String name, String sql) {
        queries.put(name, sql);
        return this;
    }

    /** Runs the queries one after the other on {@code pool}. */
    public Uni<Map<String, List<Map<String, Object>>>> read(Pool pool, String tenant, String subject) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        return Multi.createFrom().iterable(queries.entrySet())
                .onItem().transformToUniAndConcatenate(q -> pool.preparedQuery(q.getValue())
                        .execute(Tuple.of(tenant, subject))
                        .invoke(rows -> {
                            List<Map<String, Object>> list = new ArrayList<>();
                            rows.forEach(r -> list.add(row(r)));
                            out.put(q.getKey(), list);
                        }))
                .collect().last().map(ignored -> out);
    }

    static Map<String, Object> row(Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            out.put(row.getColumnName(i), value(row.getValue(i)));
        }
        return out;
    }

    static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer
                || v instanceof Short) {
            return v;
        }
        if (v instanceof Numeric n) {
            return n.bigDecimalValue();
        }
        if (v instanceof Temporal || v instanceof java.util.UUID) {
            return v.toString();
        }
        if (v instanceof Buffer b) {
            return Base64.getEncoder().encodeToString(b.getBytes());
        }
        if (v instanceof io.vertx.core.buffer.Buffer b) {
            return Base64.getEncoder().encodeToString(b.getBytes());
        }
        if (v instanceof JsonObject o) {
            return o.getMap();
        }
        if (v instanceof JsonArray a) {
            return a.getList();
        }
        if (v instanceof Object[] array) {
            return Arrays.stream(array).map(RecordSets::value).toList();
        }
        return v.toString();
    }
}
