package org.guichet.billing.override;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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

    /** The action on one account, optionally one of its bills, for at most {@code maxAmount} (minor units) if given. */
    public record GrantRequest(@NotBlank @Size(max = 200) String agent, @NotNull GuardedAction action,
                               @NotBlank @Size(max = 100) String accountId, @Size(max = 100) String invoiceId,
                               @Positive Long maxAmount, @Size(max = 1000) String notes) {
    }

    public record GrantView(String id, String agent, GuardedAction action, String accountId, String invoiceId,
                            Long maxAmount, String grantedBy, Instant expiresAt) {
    }

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Let a restricted agent create, cancel, pay, waive or refund once (R11), on one account "
            + "(and bill), up to an amount (M1); send the id back in the Guichet-Override header")
    public Uni<GrantView> grant(@NotNull @Valid GrantRequest request) {
        return overrides.grant(caller.tenant(), caller.subject(), request)
                .map(g -> new GrantView(g.id.toString(), g.agent, request.action(), g.accountId,
                        g.invoiceId == null ? null : g.invoiceId.toString(), g.maxAmount, g.grantedBy, g.expiresAt));
    }
}
