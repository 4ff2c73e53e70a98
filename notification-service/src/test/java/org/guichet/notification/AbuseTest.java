package org.guichet.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.testing.AuthorizationMatrix;
import org.guichet.testing.HostileInput;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Every operation of notification-service's OpenAPI, for nobody and each role, and fed hostile bodies (libs/testing). */
@QuarkusTest
class AbuseTest extends NotificationTestResource {
    @Test
    void every_operation_answers_each_caller_as_its_roles_say() {
        AuthorizationMatrix.check("notification-service", "lib-kladno", List.of());
    }

    @Test
    void hostile_bodies_get_a_clean_4xx_and_never_a_server_error() {
        HostileInput.check("notification-service", "lib-kladno");
    }
}
