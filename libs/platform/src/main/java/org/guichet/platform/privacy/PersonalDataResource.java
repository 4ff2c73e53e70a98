package org.guichet.platform.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.time.Clock;

/**
 * Every service's part of a personal-data export (README, "Personal data"), the same in each: what it holds about one
 * person of the caller's institution (an admin asks; reporting-service gathers the parts into one
 * document) or about the calling citizen. The tenant always comes from the token.
 */
@Path("/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
public class PersonalDataResource {
    /** Account ids and token subjects are short; anything longer is nobody. */
    static final int MAX_SUBJECT = 200;

    @Inject
    Caller caller;
    @Inject
    Instance<PersonalData> personalData;
    @Inject
    Clock clock;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @GET
    @Path("/subjects/{subject}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything this service holds about one person of the caller's institution (account id)")
    public Uni<PersonalDataPart> subject(@PathParam("subject") String subject) {
        return part(caller.tenant(), subject);
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Everything this service holds about the calling citizen")
    public Uni<PersonalDataPart> mine() {
        return part(caller.tenant(), caller.subject());
    }

    private Uni<PersonalDataPart> part(String tenant, String subject) {
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT || !personalData.isResolvable()) {
            throw Problems.notFound("Person " + (subject == null ? "" : subject.substring(0, Math.min(subject.length(), 40))));
        }
        return personalData.get().export(tenant, subject)
                .map(records -> new PersonalDataPart(service, tenant, subject, clock.instant(), records));
    }
}
