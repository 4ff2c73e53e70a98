package org.guichet.notification.delivery;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.util.List;

/** The delivery log: every email of the caller's institution, searchable by recipient and status. */
@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
@Tag(name = "Email deliveries")
public class DeliveryResource {
    @Inject
    Caller caller;

    @GET
    @WithSession
    @Operation(summary = "Emails sent or queued, newest first")
    public Uni<List<DeliveryView>> search(@QueryParam("recipient") String recipient,
                                          @QueryParam("status") String status,
                                          @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw Problems.invalid("limit must be between 1 and 500", new FieldError("limit", "1 to 500"));
        }
        StringBuilder query = new StringBuilder("tenant = :tenant");
        Parameters params = Parameters.with("tenant", caller.tenant());
        if (recipient != null && !recipient.isBlank()) {
            query.append(" and lower(recipient) = :recipient");
            params.and("recipient", recipient.toLowerCase(java.util.Locale.ROOT));
        }
        if (status != null && !status.isBlank()) {
            try {
                params.and("status", DeliveryStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("unknown status", new FieldError("status", "PENDING, SENT or FAILED"));
            }
            query.append(" and status = :status");
        }
        return EmailDelivery.<EmailDelivery>find(query + " order by createdAt desc", params)
                .page(Page.ofSize(limit)).list()
                .map(list -> list.stream().map(DeliveryView::of).toList());
    }
}
