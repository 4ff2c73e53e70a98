package org.guichet.payment.refund;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.payment.transfer.TransferBatch;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Finance's side of refunds by transfer: what waits, the SEPA file, and marking it executed. */
@Path("/manual-refunds")
@Tag(name = "Refunds by transfer")
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
public class ManualRefundResource {
    static final String PAIN_001 = "application/xml";

    @Inject
    ManualRefunds manualRefunds;
    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The institution's refunds by transfer, optionally in one state")
    public Uni<List<ManualRefundView>> list(@QueryParam("state") String state) {
        return manualRefunds.list(caller.tenant(), state(state))
                .map(all -> all.stream().map(ManualRefundView::of).toList());
    }

    @GET
    @Path("/open")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refunds by transfer not yet executed nor cancelled: count, amount and oldest per state and currency")
    public Uni<List<ManualRefunds.Open>> open() {
        return manualRefunds.open(caller.tenant());
    }

    @POST
    @Path("/transfers")
    @Produces(PAIN_001)
    @Operation(summary = "Export every refund with bank details as one SEPA credit-transfer file (pain.001.001.03)")
    public Uni<Response> export(@QueryParam("currency") String currency) {
        return manualRefunds.export(caller.tenant(), currency, caller.subject()).map(b -> Response.created(
                URI.create("/manual-refunds/transfers/" + b.id)).header("Guichet-Transfer-Message-Id", b.messageId)
                .entity(b.document).type(PAIN_001).build());
    }

    @GET
    @Path("/transfers/{id}")
    @Produces(PAIN_001)
    @Operation(summary = "A transfer file again, as exported")
    public Uni<String> file(@PathParam("id") String id) {
        return manualRefunds.batch(caller.tenant(), id).map(b -> b.document);
    }

    @POST
    @Path("/transfers/{id}/executed")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The bank executed the file: its refunds are issued (once)")
    public Uni<BatchView> executed(@PathParam("id") String id) {
        return manualRefunds.executed(caller.tenant(), id, caller.subject()).map(BatchView::of);
    }

    @POST
    @Path("/{id}/returned")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The bank sent this transfer back: the payer is asked for an account again")
    public Uni<ManualRefundView> returned(@PathParam("id") String id) {
        return manualRefunds.returned(caller.tenant(), id).map(ManualRefundView::of);
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a refund not yet in a transfer file (paid out another way): billing is told")
    public Uni<ManualRefundView> cancel(@PathParam("id") String id, @jakarta.validation.constraints.NotNull
                                        @jakarta.validation.Valid Cancellation cancellation) {
        return manualRefunds.cancel(caller.tenant(), id, cancellation.reason()).map(ManualRefundView::of);
    }

    public record Cancellation(@jakarta.validation.constraints.NotBlank
                               @jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    private static ManualRefundState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ManualRefundState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("Unknown state " + state, new FieldError("state",
                    "one of " + Arrays.toString(ManualRefundState.values())));
        }
    }

    public record BatchView(String id, String messageId, int transfers, Instant createdAt, String createdBy,
                            Instant executedAt, String executedBy) {
        static BatchView of(TransferBatch b) {
            return new BatchView(b.id.toString(), b.messageId, b.transfers, b.createdAt, b.createdBy, b.executedAt,
                    b.executedBy);
        }
    }
}
