package org.guichet.payment.payment;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class PaymentResource {
    @Inject
    PaymentService payments;
    @Inject
    Caller caller;
    @Inject
    ReturnPage returnPage;
    @Inject
    org.guichet.payment.callback.CallbackProcessor callbacks;

    @GET
    @Path("/flagged")
    @RolesAllowed({Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "The institution's payments that need a person, newest first: a bill paid twice "
            + "(DOUBLE_PAYMENT), a gateway's signed result for another amount or currency (CALLBACK_MISMATCH)")
    public Uni<List<PaymentView>> flagged() {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> Payment.<Payment>find(
                        "tenant = ?1 and flag is not null order by updatedAt desc", caller.tenant()).page(0, FLAGGED_PAGE).list())
                .map(list -> list.stream().map(PaymentView::of).toList());
    }

    static final int FLAGGED_PAGE = 200;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "A payment; the payer sees only their own")
    public Uni<PaymentView> get(@PathParam("id") UUID id) {
        return payments.visibleTo(id, caller.tenant(), caller.subject(),
                caller.isStaff()).map(PaymentView::of);
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Create the payment at its gateway; answers with the hosted page to redirect to")
    public Uni<PaymentView> start(@PathParam("id") UUID id) {
        return payments.start(id, caller.tenant(), caller.subject())
                .map(PaymentView::of);
    }

    @GET
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.CITIZEN, Roles.AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Every state change of a payment, with its cause")
    public Uni<List<PaymentTransition>> transitions(@PathParam("id") UUID id) {
        return payments.visibleTo(id, caller.tenant(), caller.subject(),
                        caller.isStaff())
                .flatMap(p -> io.quarkus.hibernate.reactive.panache.Panache.withSession(
                        () -> PaymentTransition.ofPayment(p.id)));
    }

    @GET
    @Path("/{id}/pay")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "For form-POST gateways (Ogone, Sips): the page that posts the signed order to the gateway")
    public Uni<String> pay(@PathParam("id") UUID id) {
        return payments.formPost(id).map(FormPage::render);
    }

    @POST
    @Path("/{id}/return")
    @PermitAll
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The browser's return with the gateway's signed result (Sips' manual response): "
            + "recorded like a callback, then the payment's real state is shown")
    public Uni<String> returnedWithResult(@PathParam("id") UUID id, String body) {
        return payments.gatewayOf(id)
                .flatMap(gateway -> callbacks.receiveAndProcess(gateway, java.util.Map.of("Content-Type",
                        MediaType.APPLICATION_FORM_URLENCODED, "X-Guichet-Source", "browser-return"), body == null ? "" : body))
                .onFailure().recoverWithItem("not applied")
                .flatMap(ignored -> payments.refresh(id)).map(returnPage::render);
    }

    /**
     * Where the gateway sends the browser back. It carries no token, so it shows only the state
     * and reference of an unguessable payment id, after asking the gateway if no callback came yet.
     */
    @GET
    @Path("/{id}/return")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The browser's return from the gateway: shows the payment's real state")
    public Uni<String> returned(@PathParam("id") UUID id) {
        return payments.refresh(id).map(returnPage::render);
    }
}
