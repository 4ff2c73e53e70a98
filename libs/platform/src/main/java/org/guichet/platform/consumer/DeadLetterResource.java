package org.guichet.platform.consumer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Every service's dead letters (H3), for the caller's institution: list them, and once the cause is
 * fixed, replay one. Blocking: each call reads the service's dead-letter topic.
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters")
public class DeadLetterResource {
    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);

    private final DeadLetters deadLetters;
    private final Caller caller;

    @Inject
    public DeadLetterResource(DeadLetters deadLetters, Caller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Events of the caller's institution this service set aside and has not replayed")
    public List<DeadLetter> list() {
        return deadLetters.list(caller.tenant());
    }

    @POST
    @Path("/{eventId}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Sends a dead-lettered event back to its topic, to be applied again (202)")
    public Response replay(@PathParam("eventId") String eventId) {
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("Dead letter");
        }
        String tenant = caller.tenant();
        DeadLetter replayed = deadLetters.replay(tenant, id).orElseThrow(() -> Problems.notFound("Dead letter " + id));
        LOG.infof("%s of %s replayed dead letter %s (%s, %s)", caller.subject(), tenant, id, replayed.type(),
                replayed.consumer());
        return Response.accepted(replayed).build();
    }
}
