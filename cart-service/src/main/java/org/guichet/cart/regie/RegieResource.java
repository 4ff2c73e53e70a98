package org.guichet.cart.regie;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.time.Clock;
import java.util.List;

/** The institution's régies, managed by its admin (R18, R20). */
@Path("/regies")
@Tag(name = "Régies and procedures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegieResource {
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE})
    @Operation(summary = "The institution's régies")
    public Uni<List<RegieView>> list() {
        return Panache.withSession(() -> Regie.<Regie>list("tenant = ?1 order by code", caller.tenant()))
                .map(all -> all.stream().map(RegieView::of).toList());
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or change a régie: name, accounting code, cart mode, agents' addresses")
    public Uni<RegieView> put(@PathParam("code") String code, @NotNull @Valid RegieRequest request) {
        org.guichet.cart.CatalogueCode.check(code, "régie");
        return Panache.withTransaction(() -> Regie.of(caller.tenant(), code).flatMap(found -> {
            Regie r = found != null ? found : new Regie();
            r.code = code;
            r.tenant = caller.tenant();
            r.name = request.name();
            r.accountingCode = request.accountingCode();
            r.cartMode = request.cartMode();
            r.agents = String.join(",", request.agents());
            r.updatedAt = clock.instant();
            return r.<Regie>persist();
        })).map(RegieView::of);
    }
}
