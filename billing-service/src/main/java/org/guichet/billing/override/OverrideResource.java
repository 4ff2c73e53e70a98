package org.guichet.billing.override;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.time.Instant;

@Path("/overrides")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Overrides")
public class OverrideResource {
    @Inject
    Overrides overrides;
    @Inject
    Caller caller;

    public record GrantRequest(@NotBlank @Size(max = 200) String agent, @NotNull GuardedAction action,
                               @Size(max = 1000) String notes) {
    }

    public record GrantView(String id, String agent, GuardedAction action, String grantedBy, Instant expiresAt) {
    }

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Let a restricted agent create, cancel, pay, waive or refund once (R11); send the id "
            + "back in the Guichet-Override header")
    public Uni<GrantView> grant(@NotNull @Valid GrantRequest request) {
        return overrides.grant(caller.tenant(), caller.subject(), request.agent(), request.action(), request.notes())
                .map(g -> new GrantView(g.id.toString(), g.agent, request.action(), g.grantedBy, g.expiresAt));
    }
}
