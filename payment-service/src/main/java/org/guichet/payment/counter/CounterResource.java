package org.guichet.payment.counter;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.idempotency.IdempotentRequests;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

@Path("/counter-payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Counter payments")
public class CounterResource {
    @Inject
    CounterPayments counter;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Take cash (tendered, change), a cheque or a card-terminal payment at the counter (R4, R24); "
            + "requires an Idempotency-Key")
    public Uni<Response> pay(@HeaderParam(IdempotentRequests.HEADER) String key,
                             @HeaderParam("Authorization") String bearer,
                             @NotNull @Valid CounterPaymentRequest request) {
        String tenant = caller.tenant();
        String agent = caller.subject();
        String agentName = caller.name();
        return idempotency.execute("counter:" + tenant + ":" + agent, key, request,
                () -> counter.pay(tenant, agent, agentName, bearer, request).map(r -> new IdempotentRequests.Outcome(201, r)));
    }
}
