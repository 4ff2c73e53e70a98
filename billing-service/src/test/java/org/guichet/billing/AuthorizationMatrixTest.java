package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.testing.AuthorizationMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation of billing-service's OpenAPI, for nobody and each role (libs/testing: AuthorizationMatrix). */
@QuarkusTest
class AuthorizationMatrixTest extends BillingTestResource {
    @Test
    void every_operation_answers_each_caller_as_its_roles_say() {
        AuthorizationMatrix.Result result = AuthorizationMatrix.run("lib-kladno");
        System.out.printf("authorization matrix of billing-service: %d operations, %d secured, %d cells, %d violations%n",
                result.operations(), result.secured(), result.cells(), result.violations().size());
        result.violations().forEach(v -> System.out.println("  " + v));
        assertTrue(result.secured() > 0, "the OpenAPI document names the roles of its operations");
        assertTrue(result.violations().isEmpty(), "violations: " + result.violations());
    }
}
