package org.guichet.billing.credit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One movement of credit: DEPOSIT and OVERPAYMENT put money on it, USE takes it off to pay bills,
 * REFUNDED takes an overpayment off because the payment that made it was given back (a bill paid twice).
 */
@Entity
@Table(name = "credit_movement")
public class CreditMovement extends PanacheEntityBase {
    public static final String USE = "USE";
    public static final String REFUNDED = "REFUNDED";

    @Id
    public UUID id;
    public String tenant;
    public String accountId;
    public String kind;
    public long amount;
    public String reference;
    public String operator;
    /** Whose money it is, when not the operator's (a counter payment: the agent is the operator, R8). */
    public String payer;
    public Instant occurredAt;
}
