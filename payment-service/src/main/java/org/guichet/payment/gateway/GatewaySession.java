package org.guichet.payment.gateway;

/** A payment created at the gateway: its id there and the hosted page the citizen is sent to. */
public record GatewaySession(String gatewayRef, String checkoutUrl) {
}
