package org.guichet.payment.callback;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.TreeMap;

/** Server-to-server notifications from gateways: authenticated by signature, not by token. */
@Path("/callbacks")
@PermitAll
@Tag(name = "Gateway callbacks")
public class CallbackResource {
    @Inject
    CallbackProcessor processor;

    /** GoPay notifies with a GET of {@code ?id=…}: the query string is the callback's body. */
    @jakarta.ws.rs.GET
    @Path("/{gateway}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A gateway's callback sent as a GET (GoPay); never trusted, the status is fetched back")
    public Uni<String> receiveGet(@PathParam("gateway") String gateway, @Context HttpHeaders httpHeaders,
                                  @Context jakarta.ws.rs.core.UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return receive(gateway, httpHeaders, query == null ? "" : query);
    }

    @POST
    @Path("/{gateway}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A gateway's callback; verified on its raw body, recorded, then applied")
    public Uni<String> receive(@PathParam("gateway") String gateway, @Context HttpHeaders httpHeaders, String body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        httpHeaders.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("authorization") && !name.equalsIgnoreCase("cookie")) {
                headers.put(name, String.join(",", values));
            }
        });
        return processor.receive(gateway, headers, body == null ? "" : body);
    }
}
