package org.guichet.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.guichet.testing.GuichetTestResource;

/** Real database, real broker, real SMTP server (GreenMail) read back through its API. */
@QuarkusTestResource(value = GuichetTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "notification"), @ResourceArg(name = "smtp", value = "true")})
public class NotificationTestResource {
}
