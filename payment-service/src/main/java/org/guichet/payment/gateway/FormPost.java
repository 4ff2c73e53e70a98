package org.guichet.payment.gateway;

import java.util.Map;

/** A browser form-POST to a gateway's payment page: where, and the (signed) fields. */
public record FormPost(String action, Map<String, String> fields) {
}
