package org.guichet.billing.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.billing.institution.BusinessDates;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.time.LocalDate;

/** The retention policy on demand, like POST /accruals: for the caller's institution and a business date. */
@Path("/admin/retention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
public class RetentionResource {
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    @Inject
    Retention retention;
    @Inject
    Caller caller;
    @Inject
    BusinessDates businessDates;

    /** Without a business date: the institution's today (by the service's clock); never after it. */
    public record RetentionRequest(LocalDate businessDate) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Apply the institution's retention policy now, for a business date (a missed night) or today; safe to re-run")
    public Uni<Retention.Result> run(@NotNull @Valid RetentionRequest request) {
        if (request.businessDate() == null) {
            return retention.runToday(caller.tenant());
        }
        if (request.businessDate().isBefore(EARLIEST) || request.businessDate().isAfter(LATEST)) {
            throw Problems.invalid("The business date is out of range",
                    new FieldError("businessDate", "between " + EARLIEST + " and " + LATEST));
        }
        return retention.run(caller.tenant(), businessDates.notAfterToday(caller.tenant(), request.businessDate(),
                "retention", caller.subject()));
    }
}
