package org.guichet.web.services;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.io.InputStream;
import java.time.Instant;

/** reporting-service as finance uses it: the transaction search, a transaction, the CSV export, the dashboard. */
@RegisterRestClient(configKey = "reporting")
@RegisterProvider(ServiceProblem.Mapper.class)
@AccessToken
public interface ReportingApi {

    record Transaction(String paymentId, String reference, Instant date, String citizenName, long total, String currency,
                       String regie, String status, String gateway, String mode, long refunded) {
    }

    record Refund(long amount, String currency, String mode, String reason, Instant refundedAt) {
    }

    record Step(Instant at, String event, String by, String about) {
    }

    record Detail(Transaction transaction, java.util.List<Refund> refunds, java.util.List<Step> timeline) {
    }

    record Day(java.time.LocalDate day, long count, long amount) {
    }

    record RegieDays(String regie, String currency, long count, long amount, java.util.List<Day> days) {
    }

    record Sum(String outcome, String currency, long count, long amount, String oldest) {
    }

    record Reconciliation(java.util.List<Sum> matched, java.util.List<Sum> notOnBank, java.util.List<Sum> unclaimedCredits) {
    }

    /** The dashboard's numbers over the last {@code days} days, days in the institution's zone. */
    record Dashboard(int days, java.time.LocalDate from, java.time.LocalDate to, String timeZone, java.util.List<RegieDays> settledPerDay,
                     java.util.List<Sum> outcomes, java.util.List<Sum> refunds, Reconciliation reconciliation) {
    }

    record BankLine(String id, String bookedOn, long amount, String currency, String remittance, String bankReference) {
    }

    record Unseen(String paymentId, String reference, long total, String currency, String settledAt) {
    }

    record Payout(String settlementId, String gateway, String reference, long amount, String currency, long payments,
                  long matchedPayments, boolean onBank) {
    }

    record Reconciled(long matched, java.util.List<BankLine> unmatchedCredits, java.util.List<Unseen> unseenPayments,
                      java.util.List<Payout> payouts) {
    }

    record StatementImported(String id, String statementId, String accountIban, int lines, int matched) {
    }

    record ReportImported(String id, String settlementId, String reference, int payments, int matchedPayments) {
    }

    @GET
    @Path("/reconciliation")
    @Produces(MediaType.APPLICATION_JSON)
    Reconciled reconciliation(@QueryParam("days") int days);

    @jakarta.ws.rs.POST
    @Path("/bank-statements")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_XML)
    @Produces(MediaType.APPLICATION_JSON)
    StatementImported importStatement(String camt053);

    @jakarta.ws.rs.POST
    @Path("/settlement-reports/mollie")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ReportImported importMollieReport(String report);

    /** A page of the search; its {@code Next-Cursor} header names the next page when there is one. */
    @GET
    @Path("/transactions")
    @Produces(MediaType.APPLICATION_JSON)
    Response search(@QueryParam("q") String q, @QueryParam("regie") String regie, @QueryParam("status") String status,
                    @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("after") String after,
                    @QueryParam("limit") int limit);

    @GET
    @Path("/transactions/export.csv")
    @Produces("text/csv")
    InputStream exportCsv(@QueryParam("q") String q, @QueryParam("regie") String regie,
                          @QueryParam("status") String status, @QueryParam("from") String from,
                          @QueryParam("to") String to);

    @GET
    @Path("/transactions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Detail transaction(@PathParam("id") String paymentId);

    @GET
    @Path("/dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    Dashboard dashboard(@QueryParam("days") int days);
}
