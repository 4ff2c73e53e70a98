package org.guichet.platform.state;

import org.guichet.events.EventType;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.error.Problems;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A lifecycle as one table: for each state the states it may become, the event an edge emits (if it
 * names one), and what an illegal move means. A {@link Policy#REJECT REJECT}ing table answers it with
 * a 409 problem (the caller asked for something the state forbids); an {@link Policy#IGNORE IGNORE}ing
 * one drops it, for lifecycles driven by news that may come twice or late (gateway callbacks, events).
 * Built once per enum, e.g.
 * <pre>{@code
 * Transitions.of(PaymentState.class).startingAt(CREATED)
 *         .from(CREATED).to(PENDING)
 *         .from(CREATED, PENDING).to(SETTLED).emitting(EventType.PAYMENT_SETTLED)
 *         .ignoringIllegal();
 * }</pre>
 */
public final class Transitions<S extends Enum<S>> {
    /** What {@link #check} does with a move the table does not allow. */
    public enum Policy { REJECT, IGNORE }

    /** The problem a REJECTing table throws; {@code subject} names the thing that was to move ("Invoice F-12"). */
    @FunctionalInterface
    public interface Refusal<S> {
        ProblemException of(String subject, S from, S to);

        /**
         * {@code 409 <prefix><from-state>} ("request-to-process"): "This <noun> is A: it cannot become B",
         * for lifecycles whose clients tell the refusals apart by the state they met.
         */
        static <S extends Enum<S>> Refusal<S> byState(String slugPrefix, String noun) {
            return (subject, from, to) -> Problems.conflict(
                    slugPrefix + from.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "This " + noun + " is " + from + ": it cannot become " + to);
        }
    }

    private final Class<S> type;
    private final Map<S, Map<S, Optional<EventType>>> edges;
    private final Set<S> initial;
    private final Policy policy;
    private final Refusal<S> refusal;

    private Transitions(Builder<S> b, Policy policy, Refusal<S> refusal) {
        this.type = b.type;
        this.edges = new EnumMap<>(type);
        for (S s : type.getEnumConstants()) {
            edges.put(s, Collections.unmodifiableMap(new EnumMap<>(b.edges.get(s))));
        }
        this.initial = Collections.unmodifiableSet(b.initial);
        this.policy = policy;
        this.refusal = refusal;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    public boolean allows(S from, S to) {
        return edges.get(from).containsKey(to);
    }

    /**
     * True when {@code from → to} is allowed; otherwise the table's policy: REJECT throws its 409
     * problem about {@code subject}, IGNORE returns false (the caller changes nothing).
     */
    public boolean check(S from, S to, String subject) {
        if (allows(from, to)) {
            return true;
        }
        if (policy == Policy.REJECT) {
            throw refusal.of(subject, from, to);
        }
        return false;
    }

    /** {@link #check(Enum, Enum, String)} naming the subject by the enum's type. */
    public boolean check(S from, S to) {
        return check(from, to, type.getSimpleName());
    }

    public Set<S> targets(S from) {
        Set<S> targets = EnumSet.noneOf(type);
        targets.addAll(edges.get(from).keySet());
        return targets;
    }

    /** The states that may become {@code to}, e.g. for the where-clause of a statement that moves rows. */
    public Set<S> sources(S to) {
        Set<S> sources = EnumSet.noneOf(type);
        edges.forEach((from, targets) -> {
            if (targets.containsKey(to)) {
                sources.add(from);
            }
        });
        return sources;
    }

    /** A state nothing leaves. */
    public boolean isFinal(S state) {
        return edges.get(state).isEmpty();
    }

    /** The event {@code from → to} emits; empty when it names none or is not an edge. */
    public Optional<EventType> eventOf(S from, S to) {
        return edges.get(from).getOrDefault(to, Optional.empty());
    }

    public Policy policy() {
        return policy;
    }

    public Class<S> type() {
        return type;
    }

    /**
     * The table as a Mermaid {@code stateDiagram-v2}, edges labelled with their event's type name, titled
     * with the enum and its policy.
     */
    public String mermaid() {
        String onIllegal = policy == Policy.REJECT ? "refused with 409" : "ignored";
        StringBuilder out = new StringBuilder("---\ntitle: ").append(type.getSimpleName())
                .append(" (an illegal move is ").append(onIllegal).append(")\n---\nstateDiagram-v2\n");
        for (S s : initial) {
            out.append("    [*] --> ").append(s.name()).append('\n');
        }
        for (S from : type.getEnumConstants()) {
            edges.get(from).forEach((to, event) -> {
                out.append("    ").append(from.name()).append(" --> ").append(to.name());
                event.ifPresent(e -> out.append(" : ").append(e.typeName()));
                out.append('\n');
            });
        }
        for (S s : type.getEnumConstants()) {
            if (isFinal(s)) {
                out.append("    ").append(s.name()).append(" --> [*]\n");
            }
        }
        return out.toString();
    }

    /** Collects edges; ends with the policy for illegal moves, which every table must declare. */
    public static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final Map<S, Map<S, Optional<EventType>>> edges;
        private final Set<S> initial = new LinkedHashSet<>();
        private List<S> sources = List.of();
        private List<S> lastTargets = List.of();

        private Builder(Class<S> type) {
            this.type = type;
            this.edges = new EnumMap<>(type);
            for (S s : type.getEnumConstants()) {
                edges.put(s, new EnumMap<>(type));
            }
        }

        /** The states a new one may start in (drawn as {@code [*] --> s}). */
        @SafeVarargs
        public final Builder<S> startingAt(S... states) {
            initial.addAll(List.of(states));
            return this;
        }

        @SafeVarargs
        public final Builder<S> from(S... states) {
            sources = List.of(states);
            lastTargets = List.of();
            return this;
        }

        /** Adds an edge from each state of the last {@link #from} to each of {@code targets}. */
        @SafeVarargs
        public final Builder<S> to(S... targets) {
            if (sources.isEmpty()) {
                throw new IllegalStateException("to() before from()");
            }
            for (S from : sources) {
                for (S to : targets) {
                    if (edges.get(from).put(to, Optional.empty()) != null) {
                        throw new IllegalStateException(from + " -> " + to + " declared twice");
                    }
                }
            }
            lastTargets = List.of(targets);
            return this;
        }

        /** The event the edges of the last {@link #to} emit. */
        public Builder<S> emitting(EventType event) {
            Objects.requireNonNull(event);
            if (lastTargets.isEmpty()) {
                throw new IllegalStateException("emitting() before to()");
            }
            for (S from : sources) {
                for (S to : lastTargets) {
                    edges.get(from).put(to, Optional.of(event));
                }
            }
            return this;
        }

        /** An illegal move throws {@code 409 illegal-transition}: "<subject> cannot go from A to B". */
        public Transitions<S> rejectingIllegal() {
            return rejectingIllegal((subject, from, to) -> Problems.conflict("illegal-transition",
                    subject + " cannot go from " + from + " to " + to));
        }

        /** An illegal move throws the problem {@code refusal} makes (a 409 of the caller's own wording). */
        public Transitions<S> rejectingIllegal(Refusal<S> refusal) {
            return new Transitions<>(this, Policy.REJECT, Objects.requireNonNull(refusal));
        }

        /** An illegal move is dropped: {@link #check} returns false (a duplicate or late piece of news). */
        public Transitions<S> ignoringIllegal() {
            return new Transitions<>(this, Policy.IGNORE, null);
        }
    }
}
