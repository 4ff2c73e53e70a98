package org.guichet.payment.refund;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.money.Money;

import static org.guichet.platform.text.Html.escape;

/**
 * The form a payer reaches from the refund email: no login, the link's unguessable token is the
 * credential. The page posts back here; a JSON client may post the same fields as JSON.
 */
@Path(ManualRefunds.FORM_PATH + "{token}")
@Tag(name = "Refunds by transfer")
public class RefundFormResource {
    @Inject
    ManualRefunds manualRefunds;
    @Inject
    java.time.Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The bank-account form of a refund the gateway could not make (410 once the link expired)")
    public Uni<Response> form(@PathParam("token") String token) {
        return manualRefunds.byToken(token).map(m -> expired(m)
                ? Response.status(410).entity(page(m, null)).build() : Response.ok(page(m, null)).build());
    }

    /** The link waits for an account but its period is over (M2). */
    private boolean expired(ManualRefund m) {
        return m.state == ManualRefundState.AWAITING_BANK_DETAILS && !m.formOpen(clock.instant());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The payer's account, from the form page")
    public Uni<Response> fromPage(@PathParam("token") String token, @FormParam("holderName") String holderName,
                                  @FormParam("iban") String iban, @FormParam("bic") String bic) {
        return manualRefunds.giveBankDetails(token, new ManualRefunds.BankDetails(holderName, iban, bic))
                .map(m -> Response.ok(thanks(m)).build())
                .onFailure(t -> t instanceof ProblemException p && (p.status() == 400 || p.status() == 409 || p.status() == 410))
                .recoverWithUni(t -> manualRefunds.byToken(token).map(m -> {
                    ProblemException p = (ProblemException) t;
                    String why = p.errors().isEmpty() ? p.getMessage()
                            : p.errors().stream().map(e -> e.field() + " " + e.message()).toList().toString();
                    return Response.status(p.status()).entity(page(m, why)).build();
                }));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The payer's account, as JSON")
    public Uni<ManualRefundView> fromClient(@PathParam("token") String token, ManualRefunds.BankDetails details) {
        return manualRefunds.giveBankDetails(token, details == null ? new ManualRefunds.BankDetails(null, null, null)
                : details).map(ManualRefundView::of);
    }

    private String page(ManualRefund m, String error) {
        String amount = Money.of(m.amount, m.currency).toDecimalString() + " " + m.currency;
        if (expired(m)) {
            return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Refund</title></head><body>"
                    + "<h1>Refund " + escape(amount) + "</h1><p>This link has expired. Ask the institution for a new one."
                    + "</p></body></html>";
        }
        if (m.state != ManualRefundState.AWAITING_BANK_DETAILS) {
            return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Refund</title></head><body>"
                    + "<h1>Refund " + escape(amount) + "</h1><p>Your bank account was received: this refund is already "
                    + "on its way to your bank.</p>" + (error == null ? "" : "<p role=\"alert\" class=\"error\">"
                    + escape(error) + "</p>") + "</body></html>";
        }
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Refund</title></head><body>"
                + "<h1>Refund " + escape(amount) + " — " + escape(m.paymentReference) + "</h1>"
                + (m.reason == null ? "" : "<p>" + escape(m.reason) + "</p>")
                + "<p>Your card could not be refunded: give the bank account to transfer the money to.</p>"
                + (error == null ? "" : "<p role=\"alert\" class=\"error\">" + escape(error) + "</p>")
                + "<form method=\"post\">"
                + "<label>Account holder <input name=\"holderName\" required maxlength=\"70\"></label><br>"
                + "<label>IBAN <input name=\"iban\" required></label><br>"
                + "<label>BIC (optional) <input name=\"bic\"></label><br>"
                + "<button type=\"submit\">Send</button></form></body></html>";
    }

    private static String thanks(ManualRefund m) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Refund</title></head><body>"
                + "<h1>Thank you</h1><p>The refund will be transferred to " + escape(ManualRefundView.mask(m.iban))
                + ".</p></body></html>";
    }
}
