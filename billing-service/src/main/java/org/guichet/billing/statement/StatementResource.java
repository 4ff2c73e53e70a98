package org.guichet.billing.statement;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

@Path("/accounts")
@Tag(name = "Statements")
public class StatementResource {
    static final String PDF = "application/pdf";

    @Inject
    StatementService statements;
    @Inject
    StatementPdf pdf;
    @Inject
    InstitutionsConfig institutions;
    @Inject
    Caller caller;

    @GET
    @Path("/me/statement")
    @Produces(PDF)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "The caller's statement (PDF) of bills, payments and history for a period")
    public Uni<Response> mine(@QueryParam("from") String from, @QueryParam("to") String to) {
        return render(caller.subject(), from, to);
    }

    @GET
    @Path("/{accountId}/statement")
    @Produces(PDF)
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "An account's statement (PDF) for the counter: bills, payments and history for a period")
    public Uni<Response> of(@PathParam("accountId") String accountId, @QueryParam("from") String from,
                            @QueryParam("to") String to) {
        return render(accountId, from, to);
    }

    private Uni<Response> render(String accountId, String from, String to) {
        String tenant = caller.tenant();
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        return statements.of(tenant, accountId, start, end)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(s -> Response.ok(pdf.render(s, institutions.of(tenant).timeZone()), PDF)
                        .header("Content-Disposition", "inline; filename=\"statement-" + accountId.replaceAll("[^A-Za-z0-9_-]", "_")
                                + "-" + start + "-" + end + ".pdf\"").build());
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw Problems.invalid("Query parameter " + name + " must be a date (YYYY-MM-DD)",
                    new FieldError(name, "must be a date (YYYY-MM-DD)"));
        }
    }
}
