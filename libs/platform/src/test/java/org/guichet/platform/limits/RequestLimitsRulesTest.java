package org.guichet.platform.limits;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLimitsRulesTest {
    static RequestLimitsConfig.Rule rule(List<String> paths, List<String> methods) {
        return new RequestLimitsConfig.Rule() {
            public List<String> paths() { return paths; }
            public Optional<List<String>> methods() { return Optional.ofNullable(methods); }
            public double perSecond() { return 1; }
            public int burst() { return 1; }
        };
    }

    @Test
    void a_rule_covers_its_paths_and_methods_only() {
        RequestLimitsConfig.Rule money = rule(List.of("/payments", "/deposits"), List.of("POST"));
        assertTrue(RateLimits.covers(money, "POST", "/payments/42/start"));
        assertTrue(RateLimits.covers(money, "post", "/deposits"));
        assertFalse(RateLimits.covers(money, "GET", "/payments/42"));
        assertFalse(RateLimits.covers(money, "POST", "/callbacks/mollie"));
        assertTrue(RateLimits.covers(rule(List.of("/callbacks/"), null), "GET", "/callbacks/gopay"));
    }

    @Test
    void a_nul_in_the_address_is_seen_however_it_is_written() {
        assertTrue(RequestLimits.holdsNul("/transactions?q=a%00b"));
        assertTrue(RequestLimits.holdsNul("/transactions?q=a%00"));
        assertTrue(RequestLimits.holdsNul("/x/%00"));
        assertFalse(RequestLimits.holdsNul("/transactions?q=a%2500b"));
        assertFalse(RequestLimits.holdsNul("/transactions?amountMin=100"));
    }

    @Test
    void a_body_limit_prefix_may_stand_for_any_one_segment() {
        assertTrue(RequestLimits.covers("/callbacks/", "/callbacks/ogone"));
        assertTrue(RequestLimits.covers("/payments/*/return", "/payments/8a6c/return"));
        assertFalse(RequestLimits.covers("/payments/*/return", "/payments/8a6c/start"));
        assertFalse(RequestLimits.covers("/payments/*/return", "/payments/8a6c"));
        assertFalse(RequestLimits.covers("/payments/*/return", "/deposits/8a6c/return"));
    }
}
