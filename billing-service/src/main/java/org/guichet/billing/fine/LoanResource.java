package org.guichet.billing.fine;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.billing.institution.BusinessDates;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.net.URI;
import java.util.List;

/** Loans reported by the library system, and the accrual of their late fees. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loans and late fees")
public class LoanResource {
    @Inject
    LoanService loans;
    @Inject
    AccrualService accrual;
    @Inject
    Caller caller;
    @Inject
    BusinessDates businessDates;

    @POST
    @Path("loans")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The library system reports a checkout (with due date and replacement cost)")
    public Uni<Response> checkout(@NotNull @Valid LoanRequest request) {
        return loans.checkout(caller.tenant(), request)
                .map(l -> Response.created(URI.create("/loans/" + l.externalId)).entity(LoanView.of(l)).build());
    }

    @POST
    @Path("loans/{loanId}/return")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The item came back: the running fee is settled into a bill and accrual stops; a lost item "
            + "found clears its replacement cost (R7)")
    public Uni<LoanView> returned(@PathParam("loanId") String loanId, @NotNull @Valid ReturnRequest request) {
        return loans.returned(caller.tenant(), loanId, request).map(LoanView::of);
    }

    public record RenewalRequest(@NotNull java.time.LocalDate dueDate) {
    }

    public record LostRequest(@NotNull java.time.LocalDate on) {
    }

    @POST
    @Path("loans/{loanId}/renewal")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The loan was renewed: a new due date (the first one is kept)")
    public Uni<LoanView> renewed(@PathParam("loanId") String loanId, @NotNull @Valid RenewalRequest request) {
        return loans.renewed(caller.tenant(), loanId, request.dueDate()).map(LoanView::of);
    }

    @POST
    @Path("loans/{loanId}/lost")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The item was declared lost: late fee to that day, replacement cost and processing fee billed")
    public Uni<LoanView> lost(@PathParam("loanId") String loanId, @NotNull @Valid LostRequest request) {
        return loans.lost(caller.tenant(), loanId, request.on()).map(LoanView::of);
    }

    @POST
    @Path("loans/{loanId}/found")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A lost item was found and returned: its replacement cost is cleared, late fees charged "
            + "from the first due date (R7)")
    public Uni<LoanView> found(@PathParam("loanId") String loanId, @NotNull @Valid ReturnRequest request) {
        return loans.found(caller.tenant(), loanId, request).map(LoanView::of);
    }

    @GET
    @Path("loans")
    @RolesAllowed({Roles.CITIZEN, Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Loans of an account with their running fees; a citizen always gets their own")
    public Uni<List<LoanView>> list(@QueryParam("accountId") String accountId) {
        String account = caller.isStaff() ? accountId : caller.subject();
        if (account == null || account.isBlank()) {
            throw Problems.invalid("accountId is required", new FieldError("accountId", "required"));
        }
        return loans.ofAccount(caller.tenant(), account).map(l -> l.stream().map(LoanView::of).toList());
    }

    @POST
    @Path("accruals")
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Run the late-fee accrual for a business date up to the institution's today (catch up a "
            + "missed night); safe to re-run")
    public AccrualService.Result accrue(@NotNull @Valid AccrualRequest request) {
        return accrual.run(caller.tenant(), businessDates.notAfterToday(caller.tenant(), request.businessDate(),
                "late-fee accrual", caller.subject()));
    }

    public record AccrualRequest(@NotNull java.time.LocalDate businessDate) {
    }
}
