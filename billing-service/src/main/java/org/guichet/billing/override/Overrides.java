package org.guichet.billing.override;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.billing.invoice.Invoice;
import org.guichet.platform.Ids;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * R11: a supervisor grants a restricted agent one action on one account (and bill), up to an amount (M1);
 * the agent's request names the grant, which is used up in the same transaction as the action, so a
 * failed or refused action leaves it unused.
 */
@ApplicationScoped
public class Overrides {
    @Inject
    Clock clock;
    @ConfigProperty(name = "guichet.override.validity", defaultValue = "PT15M")
    Duration validity;

    /** The bill a grant names must be one of the account's, in the supervisor's institution; a new bill has no id yet. */
    @WithTransaction
    public Uni<OverrideGrant> grant(String tenant, String supervisor, OverrideResource.GrantRequest request) {
        OverrideGrant g = new OverrideGrant();
        g.id = Ids.newId();
        g.tenant = tenant;
        g.agent = request.agent();
        g.action = request.action().name();
        g.accountId = request.accountId();
        g.maxAmount = request.maxAmount();
        g.grantedBy = supervisor;
        g.notes = request.notes();
        g.grantedAt = clock.instant();
        g.expiresAt = g.grantedAt.plus(validity);
        if (request.invoiceId() == null || request.invoiceId().isBlank()) {
            return g.persist();
        }
        if (request.action() == GuardedAction.CREATE) {
            throw Problems.invalid("A bill to create has no id yet", new FieldError("invoiceId", "must be empty to create"));
        }
        g.invoiceId = Ids.parseOrNotFound(request.invoiceId(), "Invoice " + request.invoiceId());
        return Invoice.<Invoice>findById(g.invoiceId).flatMap(invoice -> {
            if (invoice == null || !invoice.tenant.equals(tenant) || !invoice.accountId.equals(g.accountId)) {
                throw Problems.notFound("Invoice " + request.invoiceId() + " of account " + g.accountId);
            }
            return g.persist();
        });
    }

    /** A restricted agent who names no override at all is refused before anything else is looked at. */
    public void requireOverride(Actor actor, GuardedAction action) {
        if (actor.restricted() && (actor.overrideId() == null || actor.overrideId().isBlank())) {
            throw Problems.forbidden("A restricted agent needs a supervisor's override to " + action.name().toLowerCase()
                    + " (header " + Actor.OVERRIDE_HEADER + ")");
        }
    }

    /**
     * In the caller's transaction: null when the actor needs no override, else who granted it.
     * A restricted agent without a valid, unused grant for this action on this target (account, bill,
     * amount, M1) gets 403, and the grant stays unused.
     */
    public Uni<String> authorize(Actor actor, GuardedAction action, OverrideTarget target) {
        if (!actor.restricted()) {
            return Uni.createFrom().nullItem();
        }
        requireOverride(actor, action);
        UUID id;
        try {
            id = UUID.fromString(actor.overrideId().trim());
        } catch (IllegalArgumentException e) {
            throw Problems.forbidden("Unknown override " + actor.overrideId());
        }
        return OverrideGrant.<OverrideGrant>findById(id, LockModeType.PESSIMISTIC_WRITE).map(g -> {
            if (g == null || !g.tenant.equals(actor.tenant()) || !g.agent.equals(actor.subject())
                    || !g.action.equals(action.name())) {
                throw Problems.forbidden("Override " + id + " does not allow this agent to " + action.name().toLowerCase());
            }
            if (g.usedAt != null) {
                throw Problems.forbidden("Override " + id + " was already used");
            }
            if (!clock.instant().isBefore(g.expiresAt)) {
                throw Problems.forbidden("Override " + id + " has expired");
            }
            checkTarget(g, target);
            g.usedAt = clock.instant();
            g.usedOn = target.describe();
            return g.grantedBy;
        });
    }

    /** M1: the grant's account, its bill where it names one, its maximum where it has one. */
    static void checkTarget(OverrideGrant g, OverrideTarget target) {
        if (g.accountId == null || !g.accountId.equals(target.accountId())) {
            throw Problems.forbidden("Override " + g.id + " is for " + (g.accountId == null ? "no account"
                    : "account " + g.accountId) + ", not account " + target.accountId());
        }
        if (g.invoiceId != null && !target.invoiceIds().equals(java.util.List.of(g.invoiceId.toString()))) {
            throw Problems.forbidden("Override " + g.id + " is for bill " + g.invoiceId + " alone");
        }
        if (g.maxAmount != null && target.amount() > g.maxAmount) {
            throw Problems.forbidden("Override " + g.id + " allows at most " + g.maxAmount + ", not " + target.amount());
        }
    }
}
