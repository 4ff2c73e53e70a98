package org.guichet.billing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.guichet.testing.GuichetTestResource;

/** Every billing test runs against its own real database and the JVM's real Kafka broker. */
@QuarkusTestResource(value = GuichetTestResource.class, initArgs = @ResourceArg(name = "service", value = "billing"))
public class BillingTestResource {
}
