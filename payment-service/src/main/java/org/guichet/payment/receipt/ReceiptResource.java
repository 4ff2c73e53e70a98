package org.guichet.payment.receipt;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.events.EventType;
import org.guichet.events.payload.ReceiptRequested;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.payment.PaymentEvents;
import org.guichet.payment.payment.PaymentService;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.outbox.Outbox;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.util.UUID;
import java.util.regex.Pattern;

/** A settled payment's receipt (R12): the printable PDF, and sending it by email to any address. */
@Path("/payments/{id}/receipt")
@Tag(name = "Receipts")
@RolesAllowed({Roles.CITIZEN, Roles.AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
public class ReceiptResource {
    static final int SENDS_PER_DAY = 5;
    /** A citizen's receipt emails a day, all their payments together (L10); staff at the desk are not counted. */
    static final int SENDS_PER_CITIZEN_PER_DAY = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    @Inject
    PaymentService payments;
    @Inject
    PaymentEvents events;
    @Inject
    Receipts receipts;
    @Inject
    Outbox outbox;
    @Inject
    Caller caller;

    @GET
    @Produces("application/pdf")
    @Operation(summary = "The receipt as a PDF; the payer sees only their own")
    public Uni<Response> pdf(@PathParam("id") UUID id) {
        return settled(id).map(p -> Response.ok(receipts.pdf(events.settledEvent(p)), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + p.receiptNumber + ".pdf\"").build());
    }

    @POST
    @Path("/emails")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Email the receipt, to the payer's address or to another given for this receipt only")
    public Uni<Response> email(@PathParam("id") UUID id, EmailRequest request) {
        String email = request == null || request.email() == null ? null : request.email().strip();
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw Problems.invalid("An email address is required", new FieldError("email", "must be an email address"));
        }
        return settled(id).flatMap(p -> Panache.withTransaction(() -> capped(p).call(this::cappedPerCitizen)
                .call(() -> Panache.getSession().flatMap(s -> s.createNativeQuery("insert into receipt_email "
                                + "(payment_id, email, requested_by, requested_at) values (?1, ?2, ?3, now())")
                        .setParameter(1, p.id).setParameter(2, email).setParameter(3, caller.subject()).executeUpdate()))
                .call(() -> outbox.publish(EventType.RECEIPT_REQUESTED,
                        p.tenant, p.id.toString(), p.checkoutId, new ReceiptRequested(p.id.toString(), p.receiptNumber,
                                email, request.language() != null ? request.language() : p.payerLanguage,
                                caller.subject(), events.settledEvent(p)))))
                .map(e -> Response.accepted(new EmailRequested(p.receiptNumber, email)).build()));
    }

    /** The institution's name must not become a way to mail anyone at will: a few sends per receipt a day. */
    private static Uni<Void> capped(Payment p) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select count(*) from receipt_email where payment_id = ?1 "
                        + "and requested_at > now() - interval '1 day'", Long.class).setParameter(1, p.id).getSingleResult())
                .invoke(sent -> {
                    if (sent >= SENDS_PER_DAY) {
                        throw new org.guichet.platform.error.ProblemException(429, "too-many-receipt-emails",
                                "Too many receipt emails", "Receipt " + p.receiptNumber + " was already sent " + sent
                                + " times today", null);
                    }
                }).replaceWithVoid();
    }

    /** Nor by sending a few per receipt across many receipts: a citizen's sends a day are counted too. */
    private Uni<Void> cappedPerCitizen() {
        if (caller.isStaff()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select count(*) from receipt_email where requested_by = ?1 "
                        + "and requested_at > now() - interval '1 day'", Long.class).setParameter(1, caller.subject()).getSingleResult())
                .invoke(sent -> {
                    if (sent >= SENDS_PER_CITIZEN_PER_DAY) {
                        throw new org.guichet.platform.error.ProblemException(429, "too-many-receipt-emails",
                                "Too many receipt emails", "You have had " + sent + " receipts emailed today", null);
                    }
                }).replaceWithVoid();
    }

    private Uni<Payment> settled(UUID paymentId) {
        return payments.visibleTo(paymentId, caller.tenant(), caller.subject(), caller.isStaff()).map(p -> {
            if (p.receiptNumber == null) {
                throw Problems.conflict("no-receipt", "Payment " + p.reference + " is " + p.state
                        + ": a receipt exists once it is paid");
            }
            return p;
        });
    }

    public record EmailRequest(String email, String language) {
    }

    public record EmailRequested(String receiptNumber, String email) {
    }
}
