package org.guichet.cart.procedure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.guichet.cart.checkout.CartService;
import org.guichet.cart.payable.PayableItem;
import org.guichet.cart.payable.PayableStatus;
import org.guichet.cart.regie.Regie;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.RequestReady;
import org.guichet.events.payload.RequestRefused;
import org.guichet.platform.Ids;
import org.guichet.platform.db.SessionSql;
import org.guichet.platform.error.Problems;
import org.guichet.platform.outbox.Outbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Citizens' procedure requests (R19–R22). A priced request becomes a payable item in the citizen's
 * cart and waits for its payment; a free one goes straight to the agents. Once paid it is ready:
 * RequestReady names the régie's agents, who are emailed (R21). An agent may refuse a ready request
 * with a reason: RequestRefused tells the citizen and makes payment-service refund what was paid (R22).
 */
@ApplicationScoped
public class ProcedureRequests {
    public static final String KIND = "PROCEDURE";

    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    CartService cart;

    public Uni<RequestView> submit(String tenant, Payer payer, SubmitRequest submitted) {
        return Panache.withTransaction(() -> Procedure.byCode(tenant, submitted.procedure()).flatMap(procedure -> {
            if (!procedure.openOn(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
                throw Problems.unprocessable("procedure-closed", "Procedure " + procedure.code
                        + " cannot be requested today");
            }
            Quote quote = procedure.price(submitted.criteria());
            if (quote.amount() != submitted.quotedAmount()) {
                throw Problems.conflict("price-changed", "The price of " + procedure.code + " is now "
                        + quote.amount() + " " + quote.currency() + ", not " + submitted.quotedAmount()
                        + ": ask for a new quote");
            }
            CitizenRequest r = new CitizenRequest();
            r.id = Ids.newId();
            r.tenant = tenant;
            r.owner = payer.subject();
            r.payerName = payer.name();
            r.payerEmail = payer.email();
            r.payerLanguage = payer.language();
            r.procedureId = procedure.id;
            r.regie = procedure.regie;
            r.criteria = EventJson.MAPPER.valueToTree(submitted.criteria()).toString();
            r.amount = quote.amount();
            r.currency = quote.currency();
            r.state = quote.amount() == 0 ? RequestState.TO_PROCESS : RequestState.AWAITING_PAYMENT;
            r.createdAt = clock.instant();
            if (r.state == RequestState.TO_PROCESS) {
                r.readyAt = r.createdAt;
                return r.persist().call(() -> ready(r, procedure)).map(x -> RequestView.of(r, procedure, null));
            }
            PayableItem item = new PayableItem();
            item.id = Ids.newId();
            item.tenant = tenant;
            item.owner = payer.subject();
            item.kind = KIND;
            item.refId = r.id.toString();
            item.regie = procedure.regie;
            item.description = procedure.title;
            item.amount = r.amount;
            item.currency = r.currency;
            item.status = PayableStatus.AVAILABLE;
            item.createdAt = r.createdAt;
            return r.persist().call(item::persist).call(Panache::flush)
                    .call(() -> cart.add(tenant, payer.subject(), item.id))
                    .map(x -> RequestView.of(r, procedure, item.id.toString()));
        }));
    }

    public Uni<List<RequestView>> mine(String tenant, String owner) {
        return Panache.withSession(() -> CitizenRequest.<CitizenRequest>list(
                "tenant = ?1 and owner = ?2 order by createdAt desc", tenant, owner).flatMap(this::views));
    }

    /** What the agents of the institution may process: never a request still waiting for its money. */
    public Uni<List<RequestView>> forAgents(String tenant, String regie, RequestState state) {
        if (state != null && !state.visibleToAgents()) {
            return Uni.createFrom().item(List.of());
        }
        List<RequestState> states = state != null ? List.of(state)
                : java.util.Arrays.stream(RequestState.values()).filter(RequestState::visibleToAgents).toList();
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("tenant", tenant)
                .and("states", states);
        String query = "tenant = :tenant and state in :states";
        if (regie != null && !regie.isBlank()) {
            query += " and regie = :regie";
            params = params.and("regie", regie);
        }
        String q = query + " order by readyAt";
        io.quarkus.panache.common.Parameters p = params;
        return Panache.withSession(() -> CitizenRequest.<CitizenRequest>list(q, p).flatMap(this::views));
    }

    public Uni<RequestView> refuse(String tenant, String agent, UUID id, Refusal refusal) {
        return Panache.withTransaction(() -> CitizenRequest.<CitizenRequest>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(r -> {
                    if (r == null || !r.tenant.equals(tenant) || !r.state.visibleToAgents()) {
                        throw Problems.notFound("Request " + id);
                    }
                    r.moveTo(RequestState.REFUSED);
                    r.refusalReason = refusal.reason().strip();
                    r.refusedBy = agent;
                    r.refusedAt = clock.instant();
                    return Procedure.<Procedure>findById(r.procedureId).call(p -> outbox.publish(
                                    EventType.REQUEST_REFUSED, tenant, r.id.toString(), null, new RequestRefused(
                                            r.id.toString(), p.code, p.title, r.regie, r.amount, r.currency,
                                            r.paymentId == null ? null : r.paymentId.toString(), r.refusalReason, agent,
                                            r.payer())))
                            .map(p -> RequestView.of(r, p, null));
                }));
    }

    /** In the payment consumer's transaction: the requests a settled payment paid are ready for the agents. */
    public Uni<Void> paid(UUID paymentId) {
        return SessionSql.column("select cast(ref_id as uuid) from payable_item where kind = $1 and id in "
                        + "(select payable_id from checkout_payment_item where payment_id = $2)", UUID.class, KIND, paymentId)
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> CitizenRequest.<CitizenRequest>findById(id,
                                LockModeType.PESSIMISTIC_WRITE).flatMap(r -> {
                            if (r == null || r.state != RequestState.AWAITING_PAYMENT) {
                                return Uni.createFrom().voidItem();
                            }
                            r.moveTo(RequestState.TO_PROCESS);
                            r.paymentId = paymentId;
                            r.readyAt = clock.instant();
                            return Procedure.<Procedure>findById(r.procedureId).flatMap(p -> ready(r, p));
                        }))
                        .collect().asList())
                .replaceWithVoid();
    }

    private Uni<Void> ready(CitizenRequest r, Procedure p) {
        return Regie.of(r.tenant, r.regie).flatMap(regie -> outbox.publish(EventType.REQUEST_READY, r.tenant,
                r.id.toString(), null, new RequestReady(r.id.toString(), p.code, p.title, r.regie, r.amount, r.currency,
                        r.paymentId == null ? null : r.paymentId.toString(), r.criteriaMap(), r.payer(),
                        regie == null ? List.of() : regie.agentList()))).replaceWithVoid();
    }

    private Uni<List<RequestView>> views(List<CitizenRequest> requests) {
        return Multi.createFrom().iterable(requests)
                .onItem().transformToUniAndConcatenate(r -> Procedure.<Procedure>findById(r.procedureId)
                        .map(p -> RequestView.of(r, p, null)))
                .collect().asList();
    }
}
