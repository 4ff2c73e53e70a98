package org.guichet.reporting.dashboard;

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

/** Finance's dashboard (issue 21), as JSON for the staff desk's charts. */
@Path("/dashboard")
@Tag(name = "Dashboard")
@RolesAllowed({Roles.FINANCE, Roles.SUPERVISOR, Roles.ADMIN})
public class DashboardResource {
    static final int MAX_DAYS = 92;

    @Inject
    Dashboard dashboard;
    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The institution's last N days (its time zone): settled per régie and day, outcomes, refunds, "
            + "reconciliation with the bank")
    public Uni<Dashboard.View> dashboard(@QueryParam("days") @DefaultValue("30") String days) {
        return dashboard.of(caller.tenant(), days(days));
    }

    private static int days(String text) {
        try {
            int days = Integer.parseInt(text.strip());
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalid("days must be a whole number from 1 to " + MAX_DAYS,
                new FieldError("days", "1 to " + MAX_DAYS));
    }
}
