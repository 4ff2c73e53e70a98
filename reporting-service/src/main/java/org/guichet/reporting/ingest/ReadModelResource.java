package org.guichet.reporting.ingest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.security.Roles;

/**
 * Operations on the read model itself. It holds every institution's transactions, so only the installation's
 * operator may wipe it, never one institution's admin (M5).
 */
@Path("/admin/read-model")
@Tag(name = "Read model")
@RolesAllowed(Roles.OPERATOR)
public class ReadModelResource {
    @Inject
    ReadModelRebuild rebuild;

    @POST
    @Path("/rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Wipe the read model and rebuild it by replaying every topic from the start (202: under way; "
            + "409 while another replica holds some of the partitions)")
    public Uni<Response> rebuild() {
        return rebuild.rebuild().map(started -> Response.accepted(started).build());
    }
}
