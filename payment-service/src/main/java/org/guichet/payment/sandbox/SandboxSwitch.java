package org.guichet.payment.sandbox;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.error.Problems;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** The sandbox's API and hosted page are a 404 unless the sandbox is enabled (the demo, the tests; never prod). */
public class SandboxSwitch {
    private final PaymentConfig config;

    SandboxSwitch(PaymentConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public void onlyWhenEnabled(ContainerRequestContext request) {
        if (!config.sandbox().enabled() && request.getUriInfo().getPath().startsWith("/sandbox")) {
            throw Problems.notFound("The sandbox gateway");
        }
    }
}
