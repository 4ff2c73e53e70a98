package org.guichet.cart.procedure;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.events.payload.Payer;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Procedure requests: citizens submit theirs; agents process the paid ones and may refuse them (R19–R22). */
@Path("/requests")
@Tag(name = "Régies and procedures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {
    @Inject
    ProcedureRequests requests;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Submit a procedure with its criteria and the quoted price; a priced one lands in the cart")
    public Uni<Response> submit(@NotNull @Valid SubmitRequest request) {
        return requests.submit(caller.tenant(), new Payer(caller.subject(), caller.name(), caller.email(),
                caller.language()), request).map(v -> Response.status(201).entity(v).build());
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "The citizen's own requests and where they stand")
    public Uni<List<RequestView>> mine() {
        return requests.mine(caller.tenant(), caller.subject());
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Requests to process: only paid (or free) ones, never one waiting for its payment (R21)")
    public Uni<List<RequestView>> forAgents(@QueryParam("regie") String regie, @QueryParam("state") String state) {
        return requests.forAgents(caller.tenant(), regie, state(state));
    }

    @POST
    @Path("/{id}/refusal")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Refuse a request with a reason: the citizen is told and refunded what they paid (R22)")
    public Uni<RequestView> refuse(@PathParam("id") UUID id, @NotNull @Valid Refusal refusal) {
        return requests.refuse(caller.tenant(), caller.subject(), id, refusal);
    }

    private static RequestState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return RequestState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("Unknown state " + state, new FieldError("state",
                    "one of " + Arrays.toString(RequestState.values())));
        }
    }
}
