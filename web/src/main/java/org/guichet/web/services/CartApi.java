package org.guichet.web.services;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** cart-service: the institution's régies, so pages name them rather than show their codes. */
@RegisterRestClient(configKey = "cart")
@RegisterProvider(ServiceProblem.Mapper.class)
@AccessToken
public interface CartApi {
    record Regie(String code, String name) {
    }

    @GET
    @Path("/regies")
    List<Regie> regies();
}
