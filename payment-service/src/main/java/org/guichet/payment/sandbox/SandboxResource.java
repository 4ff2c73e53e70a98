package org.guichet.payment.sandbox;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.payment.gateway.SandboxGatewayAdapter;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.error.Problems;

import java.net.URI;

/**
 * The sandbox gateway's HTTP face: its merchant API (API key) and its hosted payment page (public,
 * reached by the browser's redirect). No card data: the page only offers pay, refuse and cancel.
 */
@Path("/sandbox")
@PermitAll
@Tag(name = "Sandbox gateway")
public class SandboxResource {
    @Inject
    SandboxGateway gateway;
    @Inject
    SandboxPage page;
    @Inject
    PaymentConfig config;

    @POST
    @Path("/api/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@HeaderParam(SandboxGatewayAdapter.API_KEY_HEADER) String key, String body) {
        gateway.checkApiKey(key);
        JsonObject request;
        try {
            request = new JsonObject(body);
        } catch (RuntimeException e) {
            throw Problems.invalid("The body is not well-formed JSON");
        }
        if (request.getString("merchantReference") == null || request.getLong("amount", 0L) <= 0
                || request.getString("currency") == null || request.getString("returnUrl") == null
                || request.getString("notifyUrl") == null) {
            throw Problems.invalid("merchantReference, amount > 0, currency, returnUrl and notifyUrl are required");
        }
        return gateway.create(request).map(p -> Response.status(201).entity(json(p)).build());
    }

    @POST
    @Path("/api/payments/{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> refund(@HeaderParam(SandboxGatewayAdapter.API_KEY_HEADER) String key, @PathParam("id") String id,
                                String body) {
        gateway.checkApiKey(key);
        JsonObject request;
        try {
            request = new JsonObject(body);
        } catch (RuntimeException e) {
            throw Problems.invalid("The body is not well-formed JSON");
        }
        if (request.getLong("amount", 0L) <= 0 || request.getString("reference") == null) {
            throw Problems.invalid("amount > 0 and reference are required");
        }
        return gateway.refund(id, request.getLong("amount"), request.getString("reference"))
                .map(r -> Response.status(201).entity(new JsonObject().put("id", r.id).put("paymentId", id)
                        .put("amount", r.amount).put("status", "refunded").encode()).build());
    }

    @GET
    @Path("/api/payments/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> status(@HeaderParam(SandboxGatewayAdapter.API_KEY_HEADER) String key, @PathParam("id") String id) {
        gateway.checkApiKey(key);
        return gateway.find(id).map(this::json);
    }

    @GET
    @Path("/checkout/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> hostedPage(@PathParam("id") String id) {
        return gateway.find(id).map(page::render);
    }

    /** The payer clicked: record the decision, notify the merchant, then send the browser back. */
    @POST
    @Path("/checkout/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@PathParam("id") String id, @FormParam("decision") String decision) {
        return gateway.decide(id, decision)
                .call(gateway::notifyMerchant)
                .map(p -> Response.seeOther(URI.create(p.returnUrl)).build());
    }

    private String json(SandboxPayment p) {
        return new JsonObject().put("id", p.id).put("merchantReference", p.merchantReference)
                .put("status", p.status).put("amount", p.amount).put("refunded", p.refunded).put("currency", p.currency)
                .put("checkoutUrl", config.sandbox().baseUrl() + "/checkout/" + p.id).encode();
    }
}
