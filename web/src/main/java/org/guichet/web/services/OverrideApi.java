package org.guichet.web.services;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * billing-service's overrides, called with the supervisor's own token (not the signed-in agent's): the one call
 * of the desk that does not propagate the session's token.
 */
@RegisterRestClient(configKey = "billing")
@RegisterProvider(ServiceProblem.Mapper.class)
public interface OverrideApi {
    @POST
    @Path("/overrides")
    BillingApi.GrantView grant(@HeaderParam("Authorization") String supervisorBearer, BillingApi.Grant grant);
}
