package org.guichet.billing.override;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.platform.Ids;
import org.guichet.platform.error.Problems;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * R11: a supervisor grants a restricted agent one action; the agent's request names the grant, which
 * is used up in the same transaction as the action, so a failed action leaves it unused.
 */
@ApplicationScoped
public class Overrides {
    @Inject
    Clock clock;
    @ConfigProperty(name = "guichet.override.validity", defaultValue = "PT15M")
    Duration validity;

    @WithTransaction
    public Uni<OverrideGrant> grant(String tenant, String supervisor, String agent, GuardedAction action, String notes) {
        OverrideGrant g = new OverrideGrant();
        g.id = Ids.newId();
        g.tenant = tenant;
        g.agent = agent;
        g.action = action.name();
        g.grantedBy = supervisor;
        g.notes = notes;
        g.grantedAt = clock.instant();
        g.expiresAt = g.grantedAt.plus(validity);
        return g.persist();
    }

    /**
     * In the caller's transaction: null when the actor needs no override, else who granted it.
     * A restricted agent without a valid, unused grant for this action gets 403.
     */
    public Uni<String> authorize(Actor actor, GuardedAction action, String target) {
        if (!actor.restricted()) {
            return Uni.createFrom().nullItem();
        }
        if (actor.overrideId() == null || actor.overrideId().isBlank()) {
            throw Problems.forbidden("A restricted agent needs a supervisor's override to " + action.name().toLowerCase()
                    + " (header " + Actor.OVERRIDE_HEADER + ")");
        }
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
            g.usedAt = clock.instant();
            g.usedOn = target;
            return g.grantedBy;
        });
    }
}
