package org.guichet.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.guichet.testing.GuichetTestResource;

/** Every reporting test: its own database, the JVM's broker, and a Keycloak for the back office's login. */
@QuarkusTestResource(value = GuichetTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "reporting"), @ResourceArg(name = "keycloak", value = "true")})
public class ReportingTestResource {
}
