package org.guichet.reporting.transaction;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.events.EventJson;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;
import org.jboss.resteasy.reactive.RestMulti;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The back office's transactions (R23): search with filters and keyset pages (JSON, or CSV for a
 * spreadsheet), the whole of a search streamed as CSV or JSON in constant memory, totals, and the
 * counter cash-up per agent and day.
 */
@Path("/transactions")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
@Tag(name = "Transactions")
public class TransactionResource {
    public static final String CSV = "text/csv";
    public static final String NEXT_CURSOR = "Next-Cursor";

    @Inject
    Caller caller;
    @Inject
    Reports reports;
    @Inject
    TransactionExport export;
    @Inject
    TransactionDetails details;
    @Inject
    TransactionCsv csv;

    /** A page of the search, newest (or largest) first; when it is full, {@code Next-Cursor} gives the next one. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Transactions of the caller's institution, newest (or largest) first, filtered; keyset pages")
    public Uni<Response> search(@BeanParam SearchFilter filter, @QueryParam("after") String after,
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        TransactionQuery query = filter.query(caller.tenant(), after, "after", "limit");
        checkLimit(limit);
        return TransactionRecord.page(query, limit).map(rows -> {
            Response.ResponseBuilder answer = Response.ok(rows.stream().map(r -> ExportRow.of(r).view()).toList())
                    .type(MediaType.APPLICATION_JSON);
            if (rows.size() == limit) {
                answer.header(NEXT_CURSOR, query.cursorOf(rows.get(rows.size() - 1)).encode());
            }
            return answer.build();
        });
    }

    /** The same page as CSV, for a client that asks for {@code text/csv} (JSON stays the default). */
    @GET
    @Produces(CSV + ";qs=0.5")
    @Blocking
    @Operation(summary = "The same page as CSV (Belgian/Czech spreadsheet: UTF-8 BOM, ';', decimal comma)")
    public Response searchCsv(@BeanParam SearchFilter filter, @QueryParam("after") String after,
                              @QueryParam("limit") @DefaultValue("100") int limit) {
        TransactionQuery query = filter.query(caller.tenant(), after, "after", "limit");
        checkLimit(limit);
        Response.ResponseBuilder answer = csv.attachment(query, limit);
        String next = csv.nextCursor(query, limit);
        if (next != null) {
            answer.header(NEXT_CURSOR, next);
        }
        return answer.build();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw Problems.invalid("limit must be between 1 and 10000", new FieldError("limit", "1 to 10000"));
        }
    }

    @GET
    @Path("/{paymentId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One transaction: its line, its refunds and the timeline of its events")
    public Uni<TransactionDetails.Detail> detail(@PathParam("paymentId") String paymentId) {
        return details.of(caller.tenant(), paymentId);
    }

    /** Every transaction of a search as CSV, written by the database as it reads them: memory stays flat. */
    @GET
    @Path("/export.csv")
    @Produces(CSV)
    @Blocking
    @Operation(summary = "The whole search streamed as CSV (Belgian/Czech spreadsheet: UTF-8 BOM, ';', decimal comma)")
    public Response exportCsv(@BeanParam SearchFilter filter) {
        TransactionQuery query = filter.query(caller.tenant(), null);
        return csv.attachment(query, null).build();
    }

    /** The same as a JSON array, streamed. */
    @GET
    @Path("/export.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The whole search streamed as one JSON array")
    public RestMulti<byte[]> exportJson(@BeanParam SearchFilter filter) {
        TransactionQuery query = filter.query(caller.tenant(), null);
        AtomicReference<Boolean> first = new AtomicReference<>(true);
        Multi<String> rows = export.chunks(query).map(views -> {
            StringBuilder json = new StringBuilder();
            for (ExportRow row : views) {
                com.fasterxml.jackson.databind.JsonNode node = EventJson.MAPPER.valueToTree(row.view());
                json.append(first.get() ? "" : ",").append(node.toString());
                first.set(false);
            }
            return json.toString();
        });
        Multi<String> body = Multi.createBy().concatenating().streams(Multi.createFrom().item("["), rows,
                Multi.createFrom().item("]"));
        return RestMulti.fromMultiData(bytes(body)).encodeAsJsonArray(false).build();
    }

    /** The chunks as written (each followed by the stream writer's "\n"). */
    private static Multi<byte[]> bytes(Multi<String> chunks) {
        return chunks.map(c -> c.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GET
    @Path("/totals")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Settled totals per régie, day, reason (line items) or payment mode, within the same filters")
    public Uni<List<Reports.Total>> totals(@QueryParam("by") @DefaultValue("regie") String by,
                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("regie") String regie,
                                           @QueryParam("institution") String institution) {
        TransactionQuery query = TransactionQuery.parse(caller.tenant(), null, regie, institution, null, null, from, to,
                null, null, null, null);
        return reports.totals(query, Reports.GroupBy.parse(by));
    }

    @GET
    @Path("/cash-up")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The counter cash-up of a day: per agent, cash, cheques and card terminal, refunds paid out")
    public Uni<List<Reports.CashUp>> cashUp(@QueryParam("day") String day) {
        TransactionQuery query = TransactionQuery.parse(caller.tenant(), null, null, null, null, null, day, day, null,
                null, null, null);
        if (query.from() == null) {
            throw Problems.invalid("day is required", new FieldError("day", "a day as YYYY-MM-DD"));
        }
        return reports.cashUp(caller.tenant(), query.from());
    }
}
