package org.guichet.billing.institution;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.billing.Payability;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.util.List;

/** The caller's institution as the staff desk shows it: its name, how it writes amounts and dates, how it takes money. */
@Path("/institution")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institution")
public class InstitutionResource {
    @Inject
    InstitutionsConfig institutions;
    @Inject
    Caller caller;

    public record InstitutionView(String code, String name, String currency, String timeZone, String locale,
                                  int paymentTermDays, List<String> paymentModes, List<Payability.PaymentMode> modes,
                                  List<String> billingReasons,
                                  List<String> acceptsPaymentsFrom) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "The caller's institution: name, currency, time zone, locale, counter payment modes, billing reasons")
    public InstitutionView mine() {
        String tenant = caller.tenant();
        InstitutionsConfig.Institution i = institutions.of(tenant);
        return new InstitutionView(tenant, i.name().or(i::statementDescriptor).orElse(tenant), i.currency(),
                i.timeZone().getId(), i.locale(), i.paymentTermDays(), i.paymentModes(), i.counterModes(), i.billingReasons(),
                i.acceptsPaymentsFrom().orElse(List.of()));
    }
}
