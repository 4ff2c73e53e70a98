package org.guichet.reporting.transaction;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;
import org.guichet.platform.text.SearchText;

import java.util.List;

/** The back office's transaction list (R23): search, filter by régie and status, JSON or CSV. */
@Path("/transactions")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
@Tag(name = "Transactions")
public class TransactionResource {
    public static final String CSV = "text/csv";

    @Inject
    Caller caller;

    /**
     * JSON by default; CSV when the client asks for {@code text/csv} (a spreadsheet download).
     * One method, so a request without an Accept header always gets JSON.
     */
    @GET
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Transactions of the caller's institution, newest first; Accept: text/csv exports them "
            + "(semicolons, decimal comma, UTF-8)")
    public Uni<Response> search(@QueryParam("q") String q, @QueryParam("regie") String regie,
                                @QueryParam("status") String status,
                                @QueryParam("limit") @DefaultValue("100") int limit,
                                @Context HttpHeaders headers) {
        boolean csv = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(m -> m.isCompatible(MediaType.valueOf(CSV)) && !m.isWildcardType()).orElse(false);
        return find(q, regie, status, limit).map(rows -> csv
                ? Response.ok(TransactionCsv.write(rows)).type(CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"transactions.csv\"").build()
                : Response.ok(rows).type(MediaType.APPLICATION_JSON).build());
    }

    /** Runs inside the endpoint's session. */
    private Uni<List<TransactionView>> find(String q, String regie, String status, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw Problems.invalid("limit must be between 1 and 10000", new FieldError("limit", "1 to 10000"));
        }
        StringBuilder query = new StringBuilder("tenant = :tenant");
        Parameters params = Parameters.with("tenant", caller.tenant());
        if (q != null && !q.isBlank()) {
            query.append(" and searchText like :q escape '\\'");
            params.and("q", "%" + SearchText.likeLiteral(SearchText.fold(q)) + "%");
        }
        if (regie != null && !regie.isBlank()) {
            query.append(" and regie = :regie");
            params.and("regie", regie);
        }
        if (status != null && !status.isBlank()) {
            try {
                params.and("status", TransactionStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("unknown status", new FieldError("status", "PENDING, FAILED or SETTLED"));
            }
            query.append(" and status = :status");
        }
        return TransactionRecord.<TransactionRecord>find(query + " order by createdAt desc, paymentId", params)
                .page(Page.ofSize(limit)).list()
                .map(list -> list.stream().map(TransactionView::of).toList());
    }
}
