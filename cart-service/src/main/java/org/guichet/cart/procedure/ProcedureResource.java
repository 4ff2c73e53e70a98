package org.guichet.cart.procedure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.cart.regie.Regie;
import org.guichet.platform.Ids;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The institution's catalogue of procedures and their prices (R19). */
@Path("/procedures")
@Tag(name = "Régies and procedures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProcedureResource {
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "The procedures that can be requested today")
    public Uni<List<ProcedureView>> catalogue() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return Panache.withSession(() -> Procedure.<Procedure>list("tenant = ?1 order by code", caller.tenant()))
                .map(all -> all.stream().filter(p -> p.openOn(today)).map(ProcedureView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.CITIZEN, Roles.AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    public Uni<ProcedureView> get(@PathParam("code") String code) {
        return Panache.withSession(() -> Procedure.byCode(caller.tenant(), code)).map(ProcedureView::of);
    }

    @POST
    @Path("/{code}/quote")
    @RolesAllowed({Roles.CITIZEN, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The price of a procedure for the chosen criteria, before the citizen submits (R19)")
    public Uni<Quote> quote(@PathParam("code") String code, QuoteRequest request) {
        return Panache.withSession(() -> Procedure.byCode(caller.tenant(), code))
                .map(p -> p.price(request == null ? Map.of() : request.criteria()));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or change a procedure: régie, title, base price, criteria with their options' prices")
    public Uni<ProcedureView> put(@PathParam("code") String code, @NotNull @Valid ProcedureRequest request) {
        org.guichet.cart.CatalogueCode.check(code, "procedure");
        if (request.validUntil() != null && request.validUntil().isBefore(request.validFrom())) {
            throw Problems.invalid("The procedure ends before it starts", new FieldError("validUntil",
                    "must not be before validFrom"));
        }
        String tenant = caller.tenant();
        return Panache.withTransaction(() -> Regie.of(tenant, request.regie()).flatMap(regie -> {
            if (regie == null) {
                throw Problems.invalid("Unknown régie " + request.regie(), new FieldError("regie", "not a régie of "
                        + tenant));
            }
            return Procedure.<Procedure>find("tenant = ?1 and code = ?2", tenant, code).<Procedure>firstResult();
        }).flatMap(found -> {
            Procedure p = found != null ? found : new Procedure();
            if (found == null) {
                p.id = Ids.newId();
                p.tenant = tenant;
                p.code = code;
            }
            p.regie = request.regie();
            p.title = request.title();
            p.currency = request.currency();
            p.basePrice = request.basePrice();
            p.setCriteria(request.criteria());
            p.validFrom = request.validFrom();
            p.validUntil = request.validUntil();
            p.updatedAt = clock.instant();
            return p.<Procedure>persist();
        })).map(ProcedureView::of);
    }

    public record QuoteRequest(Map<String, String> criteria) {
    }
}
