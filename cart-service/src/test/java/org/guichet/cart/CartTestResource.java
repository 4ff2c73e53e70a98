package org.guichet.cart;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.guichet.testing.BillingStandIn;
import org.guichet.testing.GuichetTestResource;

@QuarkusTestResource(value = GuichetTestResource.class, initArgs = @ResourceArg(name = "service", value = "cart"))
@QuarkusTestResource(BillingStandIn.class)
public class CartTestResource {
}
