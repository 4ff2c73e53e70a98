package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.testing.AuthorizationMatrix;
import org.guichet.testing.HostileInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation of payment-service's OpenAPI, for nobody and each role, and fed hostile bodies (libs/testing). */
@QuarkusTest
class AbuseTest extends PaymentTestResource {
    @Test
    void every_operation_answers_each_caller_as_its_roles_say() {
        AuthorizationMatrix.Result result = AuthorizationMatrix.run("lib-kladno", List.of("/callbacks/",
                "/sandbox/", "/payments/{id}/pay", "/payments/{id}/return", "/refund-forms/"));
        System.out.printf("authorization matrix of payment-service: %d operations, %d secured, %d cells, %d violations%n",
                result.operations(), result.secured(), result.cells(), result.violations().size());
        result.violations().forEach(v -> System.out.println("  " + v));
        assertTrue(result.secured() > 0, "the OpenAPI document names the roles of its operations");
        assertTrue(result.violations().isEmpty(), "violations: " + result.violations());
    }

    @Test
    void hostile_bodies_get_a_clean_4xx_and_never_a_server_error() {
        HostileInput.Result result = HostileInput.run("lib-kladno");
        System.out.printf("hostile input to payment-service: %d operations reading JSON, %d requests, %d findings%n",
                result.operations(), result.requests(), result.findings().size());
        result.findings().forEach(f -> System.out.println("  " + f));
        assertTrue(result.findings().isEmpty(), "findings: " + result.findings());
    }
}
