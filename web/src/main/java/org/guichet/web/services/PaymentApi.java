package org.guichet.web.services;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;

/** payment-service as the desk uses it: money taken at the counter, payments and their receipts. */
@RegisterRestClient(configKey = "payment")
@RegisterProvider(ServiceProblem.Mapper.class)
@AccessToken
public interface PaymentApi {

    record Cheque(String number, String bank) {
    }

    record CounterPayment(String accountId, String institution, List<String> invoiceIds, long amount, String mode,
                          Long tendered, Cheque cheque, String reference, Boolean deposit, String notes) {
    }

    record Line(String type, String id, String institution, String label, long amount) {
    }

    record Receipt(String paymentId, String receiptNumber, String paymentReference, long amount, String currency,
                   String mode, Long tendered, Long change, List<Line> lines) {
    }

    record Payment(String id, String reference, String regie, long amount, String currency, String state,
                   List<Line> lines, Instant createdAt, String receiptNumber, Instant settledAt, String mode,
                   Long tendered, Long change, String operatorName) {
    }

    record Email(String email) {
    }

    /** Refunds by bank transfer not yet done, per state and currency. */
    record OpenRefunds(String state, String currency, long count, long amount, Instant oldest) {
    }

    @GET
    @Path("/manual-refunds/open")
    List<OpenRefunds> openManualRefunds();

    @POST
    @Path("/counter-payments")
    Receipt pay(@HeaderParam("Idempotency-Key") String key, CounterPayment request);

    @GET
    @Path("/payments/{id}")
    Payment payment(@PathParam("id") String id);

    @GET
    @Path("/payments/{id}/receipt")
    @Produces("application/pdf")
    byte[] receiptPdf(@PathParam("id") String id);

    @POST
    @Path("/payments/{id}/receipt/emails")
    void emailReceipt(@PathParam("id") String id, Email email);
}
