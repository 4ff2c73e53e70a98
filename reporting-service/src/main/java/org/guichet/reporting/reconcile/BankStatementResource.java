package org.guichet.reporting.reconcile;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

/**
 * Reconciliation with the bank (R23): CAMT.053 statements and the gateways' settlement reports in, what
 * matched and what did not out.
 */
@Path("/")
@Tag(name = "Reconciliation")
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
public class BankStatementResource {
    static final int MAX_STATEMENT_CHARS = 20_000_000;

    @Inject
    BankStatements statements;
    @Inject
    SettlementReports settlements;
    @Inject
    Caller caller;

    @POST
    @Path("bank-statements")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a camt.053 bank statement and match its credits to payments; twice is a 409")
    public Uni<Response> importStatement(String xml) {
        if (xml == null || xml.isBlank() || xml.length() > MAX_STATEMENT_CHARS) {
            throw Problems.invalid("A camt.053 statement is required (at most 20 MB)",
                    new FieldError("body", "a camt.053 XML document"));
        }
        return statements.importStatement(caller.tenant(), caller.subject(), xml)
                .map(imported -> Response.status(201).entity(imported).build());
    }

    @POST
    @Path("settlement-reports/mollie")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a Mollie settlement ({\"settlement\": GET /v2/settlements/{id}, \"payments\": "
            + "GET /v2/settlements/{id}/payments}); match its payments and its payout; twice is a 409")
    public Uni<Response> importMollieSettlement(String json) {
        if (json == null || json.isBlank() || json.length() > MAX_STATEMENT_CHARS) {
            throw Problems.invalid("A Mollie settlement report is required (at most 20 MB)",
                    new FieldError("body", "a JSON settlement report"));
        }
        return settlements.importMollie(caller.tenant(), caller.subject(), json)
                .map(imported -> Response.status(201).entity(imported).build());
    }

    @GET
    @Path("reconciliation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Matched lines, credits matching no payment, and settled payments not on the bank after N days")
    public Uni<BankStatements.Reconciliation> reconciliation(@QueryParam("days") @DefaultValue("3") int days) {
        return statements.reconciliation(caller.tenant(), days);
    }
}
