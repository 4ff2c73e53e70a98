package org.guichet.billing.account;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.billing.credit.CreditLedger;
import org.guichet.billing.credit.CreditPayments;
import org.guichet.billing.credit.PayFromCreditRequest;
import org.guichet.billing.fine.AccountLoanView;
import org.guichet.billing.fine.AccountLoans;
import org.guichet.billing.institution.BusinessDates;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.override.Actor;
import org.guichet.events.payload.AccountSentToCollections;
import org.guichet.platform.billing.Payability;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.time.LocalDate;
import java.util.List;

@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountResource {
    private static final String ACCRUING = "select coalesce(sum(accrued - fixed), 0)::bigint from loan "
            + "where tenant = $1 and account_id = $2 and returned_on is null and lost_on is null";
    /** What is left of the account's open bills whose due date ($3: issued before it) has passed. */
    private static final String OVERDUE = "select coalesce(sum(amount - paid - waived), 0)::bigint from invoice "
            + "where tenant = $1 and account_id = $2 and state in ('OPEN', 'PARTIALLY_PAID') and issued_on < $3";

    @Inject
    Caller caller;
    @Inject
    InstitutionsConfig institutions;
    @Inject
    CreditLedger ledger;
    @Inject
    CreditPayments creditPayments;
    @Inject
    AccountSearch search;
    @Inject
    DebtCollection collections;
    @Inject
    org.guichet.billing.invoice.InvoiceService invoices;
    @Inject
    AccountStanding standing;
    @Inject
    PayabilityCheck payability;
    @Inject
    AccountHistory history;
    @Inject
    AccountClosure closure;
    @Inject
    AccountLoans loans;
    @Inject
    BusinessDates businessDates;

    @POST
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Register or update an account (the library system's or an agent's data)")
    public Uni<AccountView> register(@NotNull @Valid AccountRequest request) {
        return search.register(caller.tenant(), request).map(AccountView::of);
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Find accounts (R24): number, name with * wildcards, city, postal code with *, phone")
    public Uni<List<AccountView>> find(@QueryParam("number") String number, @QueryParam("name") String name,
                                       @QueryParam("city") String city, @QueryParam("postalCode") String postalCode,
                                       @QueryParam("phone") String phone) {
        return search.find(caller.tenant(), new AccountSearch.Criteria(number, name, city, postalCode, phone))
                .map(list -> list.stream().map(AccountView::of).toList());
    }

    @GET
    @Path("/me/summary")
    @WithSession
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "The caller's own account: current charges, accruing fees and their sum (R2)")
    public Uni<AccountSummary> mine() {
        return summary(caller.tenant(), caller.subject());
    }

    @GET
    @Path("/{accountId}/summary")
    @WithSession
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "An account of the caller's institution: current charges, accruing fees and their sum (R2)")
    public Uni<AccountSummary> of(@PathParam("accountId") String accountId) {
        return summary(caller.tenant(), accountId);
    }

    @POST
    @Path("/me/pay-from-credit")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Pay own bills from prepaid credit: selected ones or oldest first (R14, R3)")
    public Uni<CreditPayments.Outcome> payMine(@Valid PayFromCreditRequest request) {
        return creditPayments.pay(Actor.of(caller, null), caller.subject(), request);
    }

    @POST
    @Path("/{accountId}/pay-from-credit")
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Pay an account's bills from its prepaid credit: selected ones or oldest first (R14, R3)")
    public Uni<CreditPayments.Outcome> pay(@PathParam("accountId") String accountId, @Valid PayFromCreditRequest request,
                                           @HeaderParam(Actor.OVERRIDE_HEADER) String overrideId) {
        return creditPayments.pay(Actor.of(caller, overrideId), accountId, request);
    }

    public record WaiveManyRequest(@Size(max = 500) List<String> invoiceIds, @jakarta.validation.constraints.Positive Long amount,
                                   @Size(max = 2000) String notes) {
    }

    @POST
    @Path("/{accountId}/waive")
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Waive all or the selected bills of an account, fully or part (oldest first) (R3)")
    public Uni<List<org.guichet.billing.invoice.InvoiceView>> waive(@PathParam("accountId") String accountId,
                                                                    @Valid WaiveManyRequest request,
                                                                    @HeaderParam(Actor.OVERRIDE_HEADER) String overrideId) {
        List<java.util.UUID> selected = request == null || request.invoiceIds() == null ? List.of()
                : request.invoiceIds().stream().map(id -> org.guichet.platform.Ids.parseOrNotFound(id, "Invoice " + id)).toList();
        return invoices.waiveMany(Actor.of(caller, overrideId), accountId, selected,
                        request == null ? null : request.amount(), request == null ? null : request.notes())
                .map(l -> l.stream().map(i -> org.guichet.billing.invoice.InvoiceView.of(i, institutions)).toList());
    }

    public record CollectionsRequest(@Size(max = 2000) String notes) {
    }

    @POST
    @Path("/{accountId}/collections")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Send the account to the collection agency (R16): only its full balance can be paid from then on")
    public Uni<AccountSentToCollections> collections(@PathParam("accountId") String accountId,
                                                     @Valid CollectionsRequest request) {
        return collections.send(caller.tenant(), accountId, caller.subject(), request == null ? null : request.notes());
    }

    public record ClosureRequest(@Size(max = 2000) String notes) {
    }

    @POST
    @Path("/{accountId}/closure")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Close the account: refused (409) while a bill, loan, refund, credit or proxy is "
            + "left; its holder's personal data is pseudonymised once the institution's retention period has passed")
    public Uni<AccountView> close(@PathParam("accountId") String accountId, @Valid ClosureRequest request) {
        return closure.close(caller.tenant(), accountId, caller.subject(), request == null ? null : request.notes())
                .map(AccountView::of);
    }

    @GET
    @Path("/{accountId}/blocks")
    @WithSession
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Blocks from borrowing and holds in force on the account (R6); empty when it may borrow")
    public Uni<List<AccountStanding.Block>> blocks(@PathParam("accountId") String accountId) {
        return standing.blocks(caller.tenant(), accountId);
    }

    @GET
    @Path("/me/payability")
    @WithSession
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "What the caller may pay and how (R9, R15, R16)")
    public Uni<Payability> myPayability() {
        return payability.of(caller.tenant(), caller.tenant(), caller.subject());
    }

    @GET
    @Path("/{accountId}/payability")
    @WithSession
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "What may be paid on an account, also of another institution that accepts this one's "
            + "payments (R10)")
    public Uni<Payability> payability(@PathParam("accountId") String accountId,
                                      @QueryParam("institution") String institution) {
        return payability.of(caller.tenant(), institution == null || institution.isBlank() ? caller.tenant() : institution,
                accountId);
    }

    @GET
    @Path("/me/loans")
    @WithSession
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "The caller's loans not yet returned: item, due date, overdue days, running fee not yet payable")
    public Uni<List<AccountLoanView>> myLoans() {
        return loans.notReturned(caller.tenant(), caller.subject());
    }

    @GET
    @Path("/{accountId}/loans")
    @WithSession
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "An account's loans not yet returned: item, due date, overdue days, running fee not yet payable")
    public Uni<List<AccountLoanView>> loans(@PathParam("accountId") String accountId) {
        return loans.notReturned(caller.tenant(), accountId);
    }

    @GET
    @Path("/me/history")
    @WithSession
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Everything that happened to the caller's account and its bills (R8)")
    public Uni<List<AccountHistory.Line>> myHistory() {
        return history.of(caller.tenant(), caller.subject());
    }

    @GET
    @Path("/{accountId}/history")
    @WithSession
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Everything that happened to an account and its bills (R8)")
    public Uni<List<AccountHistory.Line>> history(@PathParam("accountId") String accountId) {
        return history.of(caller.tenant(), accountId);
    }

    private Uni<AccountSummary> summary(String tenant, String accountId) {
        InstitutionsConfig.Institution institution = institutions.of(tenant);
        String currency = institution.currency();
        // a bill is overdue once its due date (issued on + payment term) is before today: issued before this
        LocalDate issuedBefore = businessDates.today(tenant).minusDays(institution.paymentTermDays());
        return AccountStanding.scalar(AccountStanding.DEBT, tenant, accountId)
                .flatMap(charges -> AccountStanding.scalar(OVERDUE, tenant, accountId, issuedBefore)
                .flatMap(overdue -> AccountStanding.scalar(ACCRUING, tenant, accountId)
                .flatMap(accruing -> ledger.balance(tenant, accountId)
                        .flatMap(credit -> standing.blocks(tenant, accountId).flatMap(blocks -> Family.of(tenant, accountId)
                                .map(family -> new AccountSummary(accountId, currency, charges, overdue, accruing,
                                        Math.addExact(charges, accruing), credit,
                                        blocks.stream().map(AccountStanding.Block::reason).toList(),
                                        family.collections(), family.isProxy() ? family.principal() : null)))))));
    }
}
