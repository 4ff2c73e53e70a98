package org.guichet.payment.sandbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.payment.gateway.SandboxGatewayAdapter;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.error.Problems;
import org.guichet.platform.signature.WebhookSignature;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;

/**
 * The sandbox gateway itself: keeps its payments, takes the payer's decision on its hosted page,
 * then notifies the merchant server-to-server with a signed callback, as a real gateway does.
 */
@ApplicationScoped
public class SandboxGateway {
    private static final Logger LOG = Logger.getLogger(SandboxGateway.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Set<String> DECISIONS = Set.of("pay", "refuse", "cancel");

    @Inject
    PaymentConfig config;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;

    private WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx);
    }

    void checkApiKey(String key) {
        // constant time: the comparison must not tell how much of a guessed key was right (L6)
        if (key == null || !java.security.MessageDigest.isEqual(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                config.sandbox().requireApiKey().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw Problems.unauthorized("Unknown sandbox API key");
        }
    }

    /** Creating twice with the same merchant reference returns the first payment (no double charge). */
    Uni<SandboxPayment> create(JsonObject request) {
        String reference = request.getString("merchantReference");
        return Panache.withTransaction(() -> SandboxPayment.<SandboxPayment>find("merchantReference", reference)
                .firstResult().flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(existing);
                    }
                    SandboxPayment p = new SandboxPayment();
                    p.id = "sbx_" + HexFormat.of().formatHex(randomBytes());
                    p.merchantReference = reference;
                    p.amount = request.getLong("amount");
                    p.currency = request.getString("currency");
                    p.description = request.getString("description");
                    p.returnUrl = request.getString("returnUrl");
                    p.notifyUrl = request.getString("notifyUrl");
                    p.status = "open";
                    p.createdAt = clock.instant();
                    p.updatedAt = p.createdAt;
                    return p.persist();
                }));
    }

    Uni<SandboxPayment> find(String id) {
        return Panache.withSession(() -> SandboxPayment.<SandboxPayment>findById(id)).map(p -> {
            if (p == null) {
                throw Problems.notFound("Sandbox payment " + id);
            }
            return p;
        });
    }

    /** Refunds part of a paid payment, once per merchant reference; never more than was paid. */
    Uni<SandboxRefund> refund(String paymentId, long amount, String reference) {
        return Panache.withTransaction(() -> SandboxRefund.<SandboxRefund>find("reference", reference).firstResult()
                .flatMap(existing -> existing != null ? Uni.createFrom().item(existing)
                        : SandboxPayment.<SandboxPayment>findById(paymentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(p -> {
                            if (p == null) {
                                throw Problems.notFound("Sandbox payment " + paymentId);
                            }
                            if (!p.status.equals("paid")) {
                                throw Problems.unprocessable("not-paid", "Only a paid payment can be refunded");
                            }
                            if (amount > p.amount - p.refunded) {
                                throw Problems.unprocessable("refund-too-large", "At most " + (p.amount - p.refunded)
                                        + " can still be refunded");
                            }
                            p.refunded += amount;
                            SandboxRefund r = new SandboxRefund();
                            r.id = "sbr_" + HexFormat.of().formatHex(randomBytes());
                            r.paymentId = paymentId;
                            r.reference = reference;
                            r.amount = amount;
                            r.createdAt = clock.instant();
                            return r.persist();
                        })));
    }

    /** The payer's decision on the hosted page; once decided, a payment stays decided. */
    Uni<SandboxPayment> decide(String id, String decision) {
        if (!DECISIONS.contains(decision)) {
            throw Problems.invalid("decision must be pay, refuse or cancel");
        }
        return Panache.withTransaction(() -> SandboxPayment.<SandboxPayment>findById(id).map(p -> {
            if (p == null) {
                throw Problems.notFound("Sandbox payment " + id);
            }
            if (p.status.equals("open")) {
                p.status = switch (decision) {
                    case "pay" -> "paid";
                    case "refuse" -> "refused";
                    default -> "cancelled";
                };
                p.updatedAt = clock.instant();
            }
            return p;
        }));
    }

    /** Sends the signed server-to-server notification; a failure is logged (the merchant can look the status up). */
    Uni<Void> notifyMerchant(SandboxPayment p) {
        String body = new JsonObject().put("id", p.id).put("merchantReference", p.merchantReference)
                .put("status", p.status).put("amount", p.amount).put("currency", p.currency).encode();
        String signature = WebhookSignature.header(config.sandbox().requireWebhookSecrets().get(0), clock.instant(), body);
        return client.postAbs(p.notifyUrl).putHeader("Content-Type", "application/json")
                .putHeader(SandboxGatewayAdapter.SIGNATURE_HEADER, signature)
                .timeout(15_000).sendBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(body))
                .invoke(r -> {
                    if (r.statusCode() != 200) {
                        LOG.warnf("sandbox: merchant answered %d to the callback of %s", r.statusCode(), p.id);
                    }
                })
                .onFailure().invoke(t -> LOG.warnf("sandbox: callback of %s failed: %s", p.id, t.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
