package org.guichet.reporting.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.error.Problems;
import org.guichet.platform.privacy.PersonalDataExport;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

/**
 * Personal data: the export of everything held about one person, on request, as one JSON file — every
 * service's part ({@code GET /privacy/subjects/{id}} there) gathered by {@link PersonalDataExports}.
 */
@Path("/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
public class PersonalDataExportResource {
    @Inject
    Caller caller;
    @Inject
    PersonalDataExports exports;

    @GET
    @Path("/subjects/{subject}/export")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything every service holds about one person of the caller's institution (account id), "
            + "as one JSON file (the data-protection officer's export)")
    public Uni<Response> export(@PathParam("subject") String subject,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer) {
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw Problems.notFound("Person");
        }
        return exports.of(caller.tenant(), subject, bearer).map(PersonalDataExportResource::attachment);
    }

    @GET
    @Path("/me/export")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Everything every service holds about the calling citizen, as one JSON file")
    public Uni<Response> mine(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer) {
        return exports.mine(caller.tenant(), caller.subject(), bearer).map(PersonalDataExportResource::attachment);
    }

    private static Response attachment(PersonalDataExport export) {
        String name = ("personal-data-" + export.tenant() + "-" + export.subject()).replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(export).header("Content-Disposition", "attachment; filename=\"" + name + ".json\"").build();
    }
}
