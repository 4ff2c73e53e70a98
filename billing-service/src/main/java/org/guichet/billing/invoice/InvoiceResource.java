package org.guichet.billing.invoice;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.override.Actor;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices")
public class InvoiceResource {
    @Inject
    InstitutionsConfig institutions;
    @Inject
    InvoiceService invoices;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Create a manual bill on an account (R1); a restricted agent needs an override (R11)")
    public Uni<Response> create(@NotNull @Valid CreateInvoiceRequest request,
                                @HeaderParam(Actor.OVERRIDE_HEADER) String overrideId) {
        return invoices.create(Actor.of(caller, overrideId), request)
                .map(i -> Response.created(URI.create("/invoices/" + i.id)).entity(InvoiceView.of(i, institutions)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "One invoice; a citizen sees only their own")
    public Uni<InvoiceView> get(@PathParam("id") UUID id) {
        return invoices.visibleTo(id, caller.tenant(), caller.subject(),
                caller.isStaff()).map(i -> InvoiceView.of(i, institutions));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Cancel a bill of which nothing was paid or waived (R5); a note is expected")
    public Uni<InvoiceView> cancel(@PathParam("id") UUID id, @Valid CancelRequest request,
                                   @HeaderParam(Actor.OVERRIDE_HEADER) String overrideId) {
        return invoices.cancel(id, Actor.of(caller, overrideId), request)
                .map(i -> InvoiceView.of(i, institutions));
    }

    @POST
    @Path("/{id}/waive")
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Waive all (no amount) or part of what a bill still owes (R3)")
    public Uni<InvoiceView> waive(@PathParam("id") UUID id, @Valid WaiveRequest request,
                                  @HeaderParam(Actor.OVERRIDE_HEADER) String overrideId) {
        return invoices.waive(id, Actor.of(caller, overrideId), request)
                .map(i -> InvoiceView.of(i, institutions));
    }

    public record NoteRequest(@NotBlank @Size(max = 2000) String text) {
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Add a note to a bill's history (R8)")
    public Uni<HistoryView> note(@PathParam("id") UUID id, @NotNull @Valid NoteRequest request) {
        return invoices.note(id, caller.tenant(), caller.subject(), request.text())
                .map(HistoryView::of);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.CITIZEN, Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Everything that happened to an invoice (R8)")
    public Uni<List<HistoryView>> history(@PathParam("id") UUID id) {
        return invoices.visibleTo(id, caller.tenant(), caller.subject(),
                        caller.isStaff())
                .flatMap(i -> invoices.history(i.id))
                .map(list -> list.stream().map(HistoryView::of).toList());
    }

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.AGENT, Roles.RESTRICTED_AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Invoices of an account; a citizen always gets their own")
    public Uni<List<InvoiceView>> list(@QueryParam("accountId") String accountId) {
        String account;
        if (caller.isStaff()) {
            if (accountId == null || accountId.isBlank()) {
                throw Problems.invalid("accountId is required", new FieldError("accountId", "required"));
            }
            account = accountId;
        } else {
            account = caller.subject();
        }
        return invoices.ofAccount(caller.tenant(), account).map(l -> l.stream().map(i -> InvoiceView.of(i, institutions)).toList());
    }
}
