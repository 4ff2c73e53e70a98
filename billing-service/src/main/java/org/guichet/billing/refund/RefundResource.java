package org.guichet.billing.refund;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.billing.override.Actor;
import org.guichet.platform.idempotency.IdempotentRequests;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

@Path("/invoices/{id}/refunds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Refunds")
public class RefundResource {
    @Inject
    IdempotentRequests idempotency;
    @Inject
    RefundService refunds;
    @Inject
    Caller caller;

    public record RefundView(String id, String invoiceId, long amount, String currency, String destination,
                             String state, String paymentId, String reason, String operator, String grantedBy,
                             Instant requestedAt) {
        static RefundView of(Refund r) {
            return new RefundView(r.id.toString(), r.invoiceId.toString(), r.amount, r.currency, r.destination, r.state.name(),
                    r.paymentId, r.reason, r.operator, r.grantedBy, r.requestedAt);
        }
    }

    @POST
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Refund part or all of a paid bill, to the original payment or as credit (R7); with an "
            + "Idempotency-Key, the same refund sent again is answered once more, not made twice")
    public Uni<Response> refund(@PathParam("id") UUID id, @NotNull @Valid RefundRequest request,
                                @HeaderParam(Actor.OVERRIDE_HEADER) String overrideId,
                                @HeaderParam(IdempotentRequests.HEADER) String key) {
        Actor actor = Actor.of(caller, overrideId);
        Supplier<Uni<IdempotentRequests.Outcome>> refund = () -> refunds.refund(id, actor, request)
                .map(r -> new IdempotentRequests.Outcome(r.state == RefundState.ISSUED ? 201 : 202, RefundView.of(r)));
        if (key == null) {
            return refund.get().map(o -> Response.status(o.status()).entity(o.body()).build());
        }
        return idempotency.execute("refund:" + caller.tenant() + ":" + caller.subject() + ":" + id, key, request, refund);
    }
}
