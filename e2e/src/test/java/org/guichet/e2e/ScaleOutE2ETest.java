package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.testing.infra.InfraPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of every service on the same databases and broker (GUICHET_ENV=scale GUICHET_INSTANCES=2,
 * as replicas run), driven through a few hundred paid bills with requests spread over both; halfway the
 * second instances are taken out of rotation and stopped with SIGTERM (their work drains or moves to the
 * first). Then, across the services' data and the topics: every event once, every bill paid once, one
 * settlement per payment, one receipt email per citizen, one fine per overdue loan although both billing
 * instances ran the accrual at the same moment, one expiry per payment abandoned at the gateway although
 * both instances' reconcilers raced for it.
 */
@Order(1)
class ScaleOutE2ETest {
    static final int OFFSET = 12000;
    static final int JOURNEYS = Integer.getInteger("guichet.scale.journeys", 150);
    static final int CLIENTS = 8;
    static final int LOANS = 20;
    /** Payments started at the gateway and abandoned: both instances' reconcilers race to expire them. */
    static final int ABANDONED = 20;
    /** The reconciler looks fast here: every second, after 3 s; an open payment expires after 15 s. */
    static final String RECONCILER = "-Dguichet.payment.reconcile-every=1s -Dguichet.payment.reconcile-after=PT3S "
            + "-Dguichet.payment.expire-after=PT15S";
    static final String TENANT = "lib-kladno";
    static final String[] SERVICES = {"billing", "cart", "payment", "notification", "reporting"};
    static final Path STATE = InfraPaths.root().resolve(".guichet/scale");
    static final SuiteData DATA = new SuiteData("guichet_scale_", 5432, 9092 + OFFSET);

    /** While true, requests go to either instance; after, only to the first (the second is being stopped). */
    static final AtomicBoolean BOTH = new AtomicBoolean(true);
    static final AtomicInteger ROUND_ROBIN = new AtomicInteger();

    @BeforeAll
    static void startSuite() throws Exception {
        assertEquals(0, launcher("up"), "./guichet up (scale, two instances) failed; see .guichet/scale/logs");
    }

    @AfterAll
    static void stopSuite() throws Exception {
        launcher("down");
    }

    /** The base URL of one instance of {@code service}, spreading requests like a Service would. */
    static String url(String service) {
        int base = switch (service) {
            case "billing" -> 8081;
            case "cart" -> 8082;
            case "payment" -> 8083;
            case "notification" -> 8084;
            default -> 8085;
        } + OFFSET;
        boolean second = BOTH.get() && (ROUND_ROBIN.incrementAndGet() & 1) == 1;
        return "http://127.0.0.1:" + (second ? base + 100 : base);
    }

    record Paid(String patron, String token, String email, String invoiceId, String paymentId, String hostedPage) {
    }

    @Test
    void two_instances_of_each_service_do_each_thing_once() throws Exception {
        Identities ids = new DevIdentities();
        String agent = ids.login("agent-7", TENANT, "agent").token();
        String admin = ids.login("admin-1", TENANT, "admin").token();
        String run = UUID.randomUUID().toString().substring(0, 6);

        // overdue loans for the accrual, which both billing instances will run at the same moment
        List<String> loanAccounts = new ArrayList<>();
        for (int i = 0; i < LOANS; i++) {
            String account = "scale-" + run + "-reader-" + i;
            loanAccounts.add(account);
            Journey.expect(Http.postJson(url("billing") + "/accounts", agent, Map.of("accountId", account,
                    "name", "Reader " + i), Map.of()), 200, "account");
            Journey.expect(Http.postJson(url("billing") + "/loans", agent, Map.of("loanId", "SCALE-" + run + "-" + i,
                    "accountId", account, "itemBarcode", "BC-" + run + "-" + i, "dueDate", "2026-10-01"), Map.of()),
                    201, "loan");
        }

        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Paid>> abandoned = new ArrayList<>();
        for (int i = 0; i < ABANDONED; i++) {
            int n = i;
            abandoned.add(clients.submit(() -> checkOut(ids, agent, run, "abandon-" + n, 700 + n)));
        }
        List<Future<Paid>> journeys = new ArrayList<>();
        for (int i = 0; i < JOURNEYS; i++) {
            int n = i;
            journeys.add(clients.submit(() -> payOneBill(ids, agent, run, n)));
        }
        // both billing instances accrue the same business date at once, while the journeys run
        List<Future<Http.Reply>> accruals = new ArrayList<>();
        ExecutorService accrual = Executors.newFixedThreadPool(2);
        for (int port : new int[]{8081 + OFFSET, 8181 + OFFSET}) {
            accruals.add(accrual.submit(() -> Http.postJson("http://127.0.0.1:" + port + "/accruals", admin,
                    Map.of("businessDate", "2026-10-20"), Map.of())));
        }
        for (Future<Http.Reply> a : accruals) {
            assertEquals(200, a.get(5, TimeUnit.MINUTES).status(), "accrual");
        }
        accrual.shutdown();

        // halfway, the second instances leave: out of rotation first (the clients stop choosing them, as a
        // Service does once a pod's readiness fails), then SIGTERM; their consumers' partitions move over
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> journeys.stream().filter(Future::isDone).count() >= JOURNEYS / 2);
        BOTH.set(false);
        // on purpose: the requests already sent to the second instances get a second to finish before SIGTERM
        Thread.sleep(1000);
        List<Long> stopped = new ArrayList<>();
        for (String s : SERVICES) {
            long pid = Long.parseLong(Files.readString(STATE.resolve(s + "-2.pid")).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            stopped.add(pid);
        }

        List<Paid> paid = new ArrayList<>();
        for (Future<Paid> j : journeys) {
            paid.add(j.get(10, TimeUnit.MINUTES));
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("scale-out: %d bills paid end to end in %.1f s (%.1f/s), %d clients, two instances then one%n",
                JOURNEYS, seconds, JOURNEYS / seconds, CLIENTS);

        for (long pid : stopped) {
            await("instance " + pid + " stopped on SIGTERM").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        }
        for (String s : SERVICES) {
            String log = Files.readString(STATE.resolve("logs/" + s + "-2.log"), StandardCharsets.UTF_8);
            // Quarkus' shutdown ran to its end (not killed); the data checks below show nothing it held was lost
            assertTrue(log.contains("stopped in"), s + "-2 went through its shutdown (Quarkus' 'stopped in')");
        }

        // abandoned payments: expired by the reconcilers of both instances, once
        List<Paid> open = new ArrayList<>();
        for (Future<Paid> a : abandoned) {
            open.add(a.get(5, TimeUnit.MINUTES));
        }
        for (Paid a : open) {
            Journey.await("the reconciler expires " + a.paymentId(), () -> Journey.expect(Http.get(url("payment")
                    + "/payments/" + a.paymentId(), a.token()), 200, "payment").json().path("state").asText()
                    .equals("EXPIRED") ? 1 : null);
        }

        // emails: one receipt per citizen (the sender of either instance, never both)
        for (Paid p : paid) {
            Journey.await("the receipt email of " + p.email(), () -> receipts(p.email()) >= 1 ? 1 : null);
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (Paid p : paid) {
                        assertEquals(1, receipts(p.email()), "one receipt for " + p.email());
                    }
                });

        // the read model has every payment once
        Journey.await("reporting has every payment", () ->
                count("reporting", "select count(*) from transaction_record where reference like 'KLADNO-LIBRARY-%' "
                        + "and payment_id::text = any(?)", ids(paid, Paid::paymentId)) == JOURNEYS ? 1 : null);

        // money: one settled payment and one PAYMENT line per bill
        assertEquals(JOURNEYS, count("payment", "select count(*) from payment where state = 'SETTLED' and id::text = any(?)",
                ids(paid, Paid::paymentId)), "one settled payment per bill");
        assertEquals(JOURNEYS, count("billing", "select count(*) from invoice_history where action = 'PAYMENT' "
                + "and invoice_id::text = any(?)", ids(paid, Paid::invoiceId)), "each bill paid once");
        assertEquals(JOURNEYS, count("billing", "select count(*) from invoice where state = 'PAID' and id::text = any(?)",
                ids(paid, Paid::invoiceId)), "every bill PAID");

        // fines: both instances accrued 2026-10-20 at once; each loan has its one fine, fixed once
        assertEquals(LOANS, count("billing", "select count(*) from invoice where account_id = any(?)",
                loanAccounts.toArray(new String[0])), "one fine bill per overdue loan");
        assertEquals(1, count("billing", "select count(distinct fixed) from loan where account_id = any(?)",
                loanAccounts.toArray(new String[0])), "every loan fixed at the same amount");
        assertEquals(LOANS, count("billing", "select count(*) from loan where fixed = 5000 and account_id = any(?)",
                loanAccounts.toArray(new String[0])), "fixed once at day 10: 10 x 5.00 CZK, not twice");

        // the topics: no event twice, one PaymentSettled per payment, one InvoiceCreated per bill
        Map<String, Integer> perEvent = new HashMap<>();
        Map<String, Integer> perType = new HashMap<>();
        Set<String> settledPayments = new HashSet<>();
        int settledRecords = 0;
        Set<String> ours = new HashSet<>(List.of(ids(paid, Paid::paymentId)));
        Set<String> abandonedIds = new HashSet<>(List.of(ids(open, Paid::paymentId)));
        Set<String> expiredPayments = new HashSet<>();
        int expiredRecords = 0;
        for (SuiteData.Event r : DATA.readAll()) {
            String eventId = r.eventId();
            String type = r.type();
            perEvent.merge(eventId, 1, Integer::sum);
            perType.merge(type, 1, Integer::sum);
            if ("PaymentExpired".equals(type)) {
                String id = Http.JSON.readTree(r.value()).path("payload").path("paymentId").asText();
                if (abandonedIds.contains(id)) {
                    expiredRecords++;
                    expiredPayments.add(id);
                }
            }
            if ("PaymentSettled".equals(type)) {
                JsonNode payload = Http.JSON.readTree(r.value()).path("payload");
                if (ours.contains(payload.path("paymentId").asText())) {
                    settledRecords++;
                    settledPayments.add(payload.path("paymentId").asText());
                }
            }
        }
        long duplicated = perEvent.values().stream().filter(c -> c > 1).count();
        System.out.printf("scale-out: %d events on the topics, %d sent twice; by type %s%n", perEvent.size(), duplicated,
                perType);
        assertEquals(0, duplicated, "no event relayed twice");
        assertEquals(JOURNEYS, settledRecords, "one PaymentSettled per payment");
        assertEquals(JOURNEYS, settledPayments.size());
        assertEquals(ABANDONED, expiredRecords, "one PaymentExpired per abandoned payment, whichever reconciler");
        assertEquals(ABANDONED, expiredPayments.size());
        assertEquals(0, count("payment", "select count(*) from payment where state <> 'EXPIRED' and id::text = any(?)",
                ids(open, Paid::paymentId)), "the abandoned payments are expired, none settled");

        // production logs: the second instances wrote JSON lines with the ids as fields
        assertTrue(jsonLineWith("payment-2", "paymentId") || jsonLineWith("billing-2", "invoiceId"),
                "a JSON log line of a second instance carries a payment or invoice id");
    }

    /** One citizen's bill, billed by an agent, put in the cart, checked out and paid on the sandbox page. */
    static Paid payOneBill(Identities ids, String agent, String run, int n) {
        Paid bill = checkOut(ids, agent, run, String.valueOf(n), 1000 + n);
        Http.Reply decided = Http.postForm(bill.hostedPage(), "decision=pay");
        if (decided.status() != 303) {
            throw new JourneyFailure("the hosted page answered " + decided.status());
        }
        Journey.await("billing marks the bill PAID", () -> Journey.expect(Http.get(url("billing") + "/invoices/"
                + bill.invoiceId(), bill.token()), 200, "invoice").json().path("state").asText().equals("PAID") ? 1 : null);
        return bill;
    }

    /** A citizen's bill, billed, put in the cart, checked out and started at the sandbox gateway (not paid). */
    static Paid checkOut(Identities ids, String agent, String run, String n, long amount) {
        String username = "scale-" + run + "-" + n;
        String email = username + "@example.cz";
        Identities.Identity citizen = ids.login(username, TENANT, "citizen", "Scale", "Citizen " + n, email, "en");
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("accountId", citizen.subject());
        bill.put("amount", amount);
        bill.put("currency", "CZK");
        bill.put("reason", "LATE_FEE");
        bill.put("description", "Scale-out bill " + n);
        String invoiceId = Journey.expect(Http.postJson(url("billing") + "/invoices", agent, bill, Map.of()), 201,
                "invoice").json().path("id").asText();
        JsonNode payable = Journey.await("the bill is payable in the cart", () -> {
            for (JsonNode p : Journey.expect(Http.get(url("cart") + "/payables", citizen.token()), 200, "payables").json()) {
                if (p.path("refId").asText().equals(invoiceId)) {
                    return p;
                }
            }
            return null;
        });
        Journey.expect(Http.postJson(url("cart") + "/cart/items", citizen.token(),
                Map.of("payableId", payable.path("id").asText()), Map.of()), 200, "add to cart");
        JsonNode checkout = Journey.expect(Http.postJson(url("cart") + "/cart/checkout", citizen.token(), Map.of(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201, "checkout").json();
        String paymentId = checkout.path("payments").path(0).path("paymentId").asText();
        Journey.await("payment-service has the payment", () ->
                Http.get(url("payment") + "/payments/" + paymentId, citizen.token()).status() == 200 ? 1 : null);
        String hostedPage = Journey.expect(Http.postJson(url("payment") + "/payments/" + paymentId + "/start",
                citizen.token(), "", Map.of()), 200, "start").json().path("checkoutUrl").asText();
        return new Paid(citizen.subject(), citizen.token(), email, invoiceId, paymentId, hostedPage);
    }

    static int receipts(String email) {
        Http.Reply r = Http.get("http://127.0.0.1:" + (8025 + OFFSET) + "/api/user/"
                + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX", null);
        if (r.status() != 200) {
            return 0;
        }
        int n = 0;
        for (JsonNode m : r.json()) {
            n += m.path("subject").asText().contains("KLADNO-LIBRARY-") ? 1 : 0;
        }
        return n;
    }

    static String[] ids(List<Paid> paid, java.util.function.Function<Paid, String> id) {
        return paid.stream().map(id).toArray(String[]::new);
    }

    static long count(String service, String sql, String[] param) {
        return DATA.count(service, sql, List.of(param));
    }

    static boolean jsonLineWith(String instance, String field) throws IOException {
        for (String line : Files.readAllLines(STATE.resolve("logs/" + instance + ".log"), StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                JsonNode json = Http.JSON.readTree(line);
                if (json.path("mdc").hasNonNull(field)) {
                    return true;
                }
            }
        }
        return false;
    }

    static int launcher(String command) throws IOException, InterruptedException {
        return Launcher.run(Map.of("GUICHET_ENV", "scale", "GUICHET_INSTANCES", "2", "GUICHET_EXTRA_PROPS", RECONCILER),
                command);
    }
}
