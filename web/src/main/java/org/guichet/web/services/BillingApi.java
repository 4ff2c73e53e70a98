package org.guichet.web.services;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** billing-service as the desk uses it: accounts, their bills and history, waivers, cancellations, overrides. */
@RegisterRestClient(configKey = "billing")
@RegisterProvider(ServiceProblem.Mapper.class)
@AccessToken
public interface BillingApi {
    String OVERRIDE = "Guichet-Override";

    /** A counter payment mode and what it needs: CASH (tendered), CHEQUE (number, bank), REFERENCE (a reference). */
    record Mode(String code, String kind, String label, boolean referenceRequired) {
    }

    record Institution(String code, String name, String currency, String timeZone, String locale, int paymentTermDays,
                       List<String> paymentModes, List<Mode> modes, List<String> billingReasons,
                       List<String> acceptsPaymentsFrom) {
        /** The mode {@code code} configured, else null. */
        public Mode mode(String code) {
            return modes == null ? null : modes.stream().filter(m -> m.code().equals(code)).findFirst().orElse(null);
        }
    }

    record Account(String accountId, String name, String city, String postalCode, String phone, String email,
                   String language, String patronType, LocalDate registrationValidUntil, String principalAccountId,
                   Instant collectionsSince, Instant closedAt) {
    }

    record Summary(String accountId, String currency, long currentCharges, long accruedNotPayable, long total,
                   long credit, List<String> blocks, boolean inCollections, Long overdue) {
    }

    record Block(String reason, String detail, Instant since) {
    }

    record Bill(String id, String number, String accountId, String regie, String reason, String description,
                String itemBarcode, String itemTitle, String callNumber, String itemBranch, long amount, long paid,
                long waived, long outstanding, long refunded, String currency, String state, LocalDate issuedOn,
                LocalDate dueDate, boolean paymentPending) {
        public boolean open() {
            return outstanding > 0 && !"CANCELLED".equals(state);
        }

        /** What a refund can still give back: what the bill received, less what was refunded. */
        public long refundable() {
            return Math.max(0, paid - refunded);
        }
    }

    record HistoryLine(Instant occurredAt, String action, String invoiceNumber, Long amount, String paymentMode,
                       String reference, String operator, String grantedBy, String notes, String payer) {
    }

    record Loan(String loanId, String itemBarcode, String title, String callNumber, String branch, LocalDate dueDate,
                int renewals, String status, int overdueDays, long runningFee, String currency, LocalDate lostOn) {
    }

    record WaiveMany(List<String> invoiceIds, Long amount, String notes) {
    }

    record Cancel(String notes, Boolean acknowledgeMissingNote) {
    }

    record Grant(String agent, String action, String accountId, String invoiceId, Long maxAmount, String notes) {
    }

    record GrantView(String id, String expiresAt) {
    }

    record FromCredit(List<String> invoiceIds, Long amount) {
    }

    record CreditOutcome(long paid, long creditLeft, List<String> invoicesPaid) {
    }

    record Note(String text) {
    }

    /** R7: ORIGINAL (back to the payment's card, account or gateway) or CREDIT (the account's prepaid credit). */
    record Refund(Long amount, String destination, String reason) {
    }

    record RefundDone(String id, String state, long amount, String destination) {
    }

    @GET
    @Path("/institution")
    Institution institution();

    @GET
    @Path("/accounts")
    List<Account> find(@QueryParam("number") String number, @QueryParam("name") String name,
                       @QueryParam("city") String city, @QueryParam("postalCode") String postalCode,
                       @QueryParam("phone") String phone);

    @GET
    @Path("/accounts/{id}/summary")
    Summary summary(@PathParam("id") String accountId);

    @GET
    @Path("/accounts/{id}/blocks")
    List<Block> blocks(@PathParam("id") String accountId);

    @GET
    @Path("/accounts/{id}/history")
    List<HistoryLine> history(@PathParam("id") String accountId);

    @GET
    @Path("/accounts/{id}/loans")
    List<Loan> loans(@PathParam("id") String accountId);

    @GET
    @Path("/invoices")
    List<Bill> bills(@QueryParam("accountId") String accountId);

    @POST
    @Path("/accounts/{id}/waive")
    List<Bill> waive(@PathParam("id") String accountId, WaiveMany request, @HeaderParam(OVERRIDE) String overrideId);

    @POST
    @Path("/accounts/{id}/pay-from-credit")
    CreditOutcome payFromCredit(@PathParam("id") String accountId, FromCredit request);

    @POST
    @Path("/invoices/{id}/refunds")
    RefundDone refund(@PathParam("id") String invoiceId, @HeaderParam("Idempotency-Key") String key, Refund request,
                      @HeaderParam(OVERRIDE) String overrideId);

    @POST
    @Path("/invoices/{id}/notes")
    void note(@PathParam("id") String invoiceId, Note note);

    @POST
    @Path("/invoices/{id}/cancel")
    Bill cancel(@PathParam("id") String invoiceId, Cancel request, @HeaderParam(OVERRIDE) String overrideId);
}
