package org.guichet.payment.deposit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.payment.payment.PaymentView;
import org.guichet.platform.idempotency.IdempotentRequests;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

@Path("/deposits")
@Tag(name = "Payments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DepositResource {
    @Inject
    Deposits deposits;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Put money on one's prepaid credit online (R14): answers a payment to start like any other; "
            + "requires an Idempotency-Key")
    public Uni<Response> deposit(@HeaderParam(IdempotentRequests.HEADER) String key,
                                 @HeaderParam("Authorization") String bearer, @NotNull @Valid DepositRequest request) {
        return idempotency.execute("deposit:" + caller.tenant() + ":" + caller.subject(), key, request,
                () -> deposits.open(caller, bearer, request).map(p -> new IdempotentRequests.Outcome(201, PaymentView.of(p))));
    }
}
