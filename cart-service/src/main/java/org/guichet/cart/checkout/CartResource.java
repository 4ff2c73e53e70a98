package org.guichet.cart.checkout;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.cart.payable.PayableItem;
import org.guichet.cart.payable.PayableStatus;
import org.guichet.cart.payable.PayableView;
import org.guichet.events.payload.Payer;
import org.guichet.platform.Ids;
import org.guichet.platform.http.ReturnUrls;
import org.guichet.platform.idempotency.IdempotentRequests;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.util.List;
import java.util.UUID;

/** The citizen's e-counter: what they owe, their cart, checkout. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CITIZEN)
@Tag(name = "Cart")
public class CartResource {
    @Inject
    CartService cart;
    @Inject
    CheckoutService checkouts;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;
    @Inject
    ReturnUrls returnUrls;

    @GET
    @Path("payables")
    @WithSession
    @Operation(summary = "What the caller can pay now")
    public Uni<List<PayableView>> payables() {
        return PayableItem.ownedBy(caller.tenant(), caller.subject(), PayableStatus.AVAILABLE)
                .map(l -> l.stream().map(PayableView::of).toList());
    }

    @GET
    @Path("cart")
    @Operation(summary = "The cart, with totals per régie")
    public Uni<CartView> get() {
        return cart.get(caller.tenant(), caller.subject());
    }

    @POST
    @Path("cart/items")
    @Operation(summary = "Put a payable item in the cart")
    public Uni<CartView> add(@NotNull @Valid AddItemRequest request) {
        return cart.add(caller.tenant(), caller.subject(), Ids.parseOrNotFound(request.payableId(), "Payable item"));
    }

    @DELETE
    @Path("cart/items/{payableId}")
    @Operation(summary = "Take an item out of the cart")
    public Uni<CartView> remove(@PathParam("payableId") UUID payableId) {
        return cart.remove(caller.tenant(), caller.subject(), payableId);
    }

    @POST
    @Path("cart/checkout")
    @Operation(summary = "Check out: one payment per régie; requires an Idempotency-Key")
    public Uni<Response> checkout(@HeaderParam(IdempotentRequests.HEADER) String key,
                                  @HeaderParam("Authorization") String bearer, @Valid CheckoutRequest request) {
        String tenant = caller.tenant();
        Payer payer = new Payer(caller.subject(), caller.name(), caller.email(), caller.language());
        CheckoutRequest body = request == null ? new CheckoutRequest(null) : request;
        returnUrls.check(tenant, "returnUrl", body.returnUrl());
        // scoped by tenant too (L8): two providers may give two institutions' users the same subject
        return idempotency.execute("checkout:" + tenant + ":" + payer.subject(), key, body,
                () -> checkouts.checkout(tenant, payer, bearer, body).map(v -> new IdempotentRequests.Outcome(201, v)));
    }

    @GET
    @Path("checkouts/{id}")
    @Operation(summary = "A checkout and the state of each of its payments")
    public Uni<CheckoutView> checkout(@PathParam("id") UUID id) {
        return checkouts.get(id, caller.tenant(), caller.subject());
    }
}
