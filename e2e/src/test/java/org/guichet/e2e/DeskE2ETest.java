package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.testing.DevTokens;
import org.guichet.testing.browser.Axe;
import org.guichet.testing.browser.Browser;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff desk (web/) in a real headless Chromium against the whole e2e suite and its Keycloak: a counter agent
 * signs in, finds a customer by {@code *name*}, pays two bills in cash with the change shown before confirming,
 * opens the printable receipt (sending the confirmation twice takes the money once), waives with a note and
 * cancels without one (R5's warning); a restricted agent is stopped and a supervisor's override lets the waiver go
 * through once (R11). Every page is checked with axe-core (WCAG 2.1 AA) and shown in two languages.
 */
@ExtendWith(E2eSuite.class)
@Order(4)
class DeskE2ETest {
    static final String DESK = "http://127.0.0.1:" + (8086 + E2eSuite.OFFSET);
    static final String TENANT = "ville-namur";
    static final String STAFF = DevTokens.mint("desk-setup", TENANT, "agent");
    static final String KLADNO_STAFF = DevTokens.mint("desk-setup", "lib-kladno", "agent");

    @Test
    void an_agent_pays_waives_and_cancels_at_the_counter_and_a_supervisor_grants_an_override() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String accountId = "DESK-" + tag;
        register(accountId, "Deskowicz" + tag + ", Marie");
        String first = bill(accountId, 750, "LATE_FEE", "Le Petit Prince");
        String second = bill(accountId, 500, "DAMAGE", "Tintin au Tibet");
        String toWaive = bill(accountId, 300, "PROCESSING_FEE", null);
        String toCancel = bill(accountId, 200, "OTHER", null);
        String overridden = bill(accountId, 400, "LATE_FEE", "Astérix");

        try (Browser browser = Browser.start(Path.of("target", "desk-" + tag))) {
            signIn(browser, "namur-agent");
            // the agent's locale claim (fr) chooses the language
            browser.find("form.search");
            assertEquals("Rechercher un usager", browser.text("h1"));
            Axe.check(browser);
            browser.type("#name", "*deskowicz" + tag + "*");
            browser.click("form.search button");
            browser.click("table.results a");

            browser.find("table.bills");
            assertTrue(browser.text("h1").contains("Deskowicz" + tag), browser.text("h1"));
            assertTrue(browser.text("table.bills").contains("Le Petit Prince"), "the item's title: " + browser.text("table.bills"));
            Axe.check(browser);
            browser.click("input[value='" + first + "']");
            browser.click("input[value='" + second + "']");
            browser.click("button[value=pay]");

            browser.find("form.pay");
            Axe.check(browser);
            browser.type("#tendered", "20,00");
            browser.click("form.pay button[type=submit]");

            browser.find("form.review");
            assertEquals("12,50 €", plain(browser.text("#amount")));
            assertEquals("7,50 €", plain(browser.text("#change")), "the change is shown before the money is taken");
            Axe.check(browser);
            browser.click("form.review button[type=submit]");

            browser.find("article.receipt");
            assertEquals("12,50 €", plain(browser.text("#receipt-total")));
            assertEquals("7,50 €", plain(browser.text("#receipt-change")));
            Axe.check(browser);
            String receiptUrl = browser.url();
            String reference = browser.text("#receipt-reference");
            // the confirmation sent a second time (back, confirm again) carries the same key: the money is taken once
            browser.execute("history.back(); return true;");
            browser.find("form.review");
            browser.execute("document.querySelector('form.review').submit(); return true;");
            browser.find("article.receipt");
            assertEquals(receiptUrl.replaceAll("\\?.*", ""), browser.url().replaceAll("\\?.*", ""),
                    "the same payment's receipt");
            // billing applies the counter's payment when PaymentSettled reaches it
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertEquals(0, outstanding(first));
                assertEquals(0, outstanding(second));
            });
            assertEquals(1, historyCount(accountId, "PAYMENT", first), "one payment for the first bill, not two");

            // the same receipt in English
            browser.click("a[lang=en]");
            browser.find("article.receipt");
            assertTrue(browser.text("h1").startsWith("Receipt"), browser.text("h1"));
            assertEquals("12,50 €", plain(browser.text("#receipt-total")), "amounts stay in the institution's format");
            Axe.check(browser);

            // refund part of a paid bill to the account's credit; the form sent twice refunds once
            browser.open(DESK + "/counter/accounts/" + accountId + "?all=true");
            browser.click("input[value='" + first + "']");
            browser.click("button[value=refund]");
            browser.find("#notes");
            Axe.check(browser);
            browser.type("#amount", "2,50");
            browser.type("#notes", "Charged a day too many " + tag);
            browser.click("main form button[type=submit]");
            assertTrue(browser.text(".notice").length() > 0, "a notice after the refund");
            browser.execute("history.back(); return true;");
            browser.find("#notes");
            browser.execute("document.querySelector('main form').submit(); return true;");
            browser.find("main");
            assertEquals(250, invoice(first).path("refunded").asLong(), "refunded once, not twice");

            // another site's form, posted with the agent's own session cookies, changes nothing
            assertEquals(403, crossSitePost(browser, "/counter/accounts/" + accountId + "/waive", "bill=" + toWaive));
            assertEquals("OPEN", state(toWaive), "a cross-site request waived nothing");

            // waive with a note
            browser.open(DESK + "/counter/accounts/" + accountId);
            browser.click("input[value='" + toWaive + "']");
            browser.click("button[value=waive]");
            browser.find("#notes");
            Axe.check(browser);
            browser.type("#notes", "Goodwill: first late return " + tag);
            browser.click("main form button[type=submit]");
            assertTrue(browser.text(".notice").contains("waived"), browser.text(".notice"));
            await().atMost(Duration.ofSeconds(10)).until(() -> "WAIVED".equals(state(toWaive)));

            // cancel without a note: R5's warning, then cancelled once the agent confirms
            browser.click("input[value='" + toCancel + "']");
            browser.click("button[value=cancel]");
            browser.find("#notes");
            browser.click("main form button[type=submit]");
            browser.find("#note-warning");
            Axe.check(browser);
            assertEquals("OPEN", state(toCancel), "nothing is cancelled before the agent confirms");
            browser.click("button[name=acknowledge]");
            assertTrue(browser.text(".notice").contains("cancelled"), browser.text(".notice"));
            assertEquals("CANCELLED", state(toCancel));

            // a restricted agent may not waive alone; a supervisor signs in on the same screen and grants it once
            signOut(browser);
            signIn(browser, "namur-restricted");
            browser.open(DESK + "/counter/accounts/" + accountId);
            browser.click("input[value='" + overridden + "']");
            browser.click("button[value=waive]");
            browser.type("#notes", "Hospital stay " + tag);
            browser.click("main form button[type=submit]");
            browser.find("#supervisor");
            assertEquals("OPEN", state(overridden));
            Axe.check(browser);
            browser.type("#supervisor", "namur-supervisor");
            browser.type("#password", "wrong");
            browser.click("main form button[type=submit]");
            browser.find("#errors");
            assertEquals("OPEN", state(overridden), "wrong credentials grant nothing");
            browser.type("#supervisor", "namur-supervisor");
            browser.type("#password", "guichet");
            browser.click("main form button[type=submit]");
            browser.find(".notice");
            assertEquals("WAIVED", state(overridden));
            assertEquals(1, historyCount(accountId, "WAIVE", overridden), "the override let the waiver through once");

            // finance: the dashboard (in Dutch too), the search, the CSV
            signOut(browser);
            signIn(browser, "namur-finance");
            browser.find("svg.chart");
            assertTrue(browser.text("ul.legend").contains(regieName("namur-etat-civil")), "régies by their names: "
                    + browser.text("ul.legend"));
            Axe.check(browser);
            browser.click("a[lang=nl]");
            browser.find("svg.chart");
            assertEquals("Dashboard", browser.text("h1"));
            Axe.check(browser);
            browser.click("a[href='/finance/transactions']");
            browser.type("#q", reference);
            browser.click("#go");
            browser.find("tr.transaction");
            assertTrue(plain(browser.text("#results")).contains("12,50 €"), browser.text("#results"));
            Axe.check(browser);
            browser.click("#export");
            Path csv = browser.awaitDownload(".csv", Duration.ofSeconds(30));
            String rows = java.nio.file.Files.readString(csv);
            assertTrue(rows.contains(reference), rows);
            // the reconciliation page: a file that is not a statement is refused with the service's reason, nothing imported
            browser.click("#nav-reconciliation");
            browser.find("#upload");
            Axe.check(browser);
            Path notAStatement = browser.downloads().getParent().resolve("not-a-statement.xml");
            java.nio.file.Files.writeString(notAStatement, "<Document>nothing here</Document>");
            browser.attach("#statement", notAStatement);
            browser.click("#upload");
            browser.find("#errors");

            // Kladno's counter in Czech: an account number goes straight to the account; amounts as Kladno writes them
            signOut(browser);
            String kladno = "DESK-CZ-" + tag;
            register(kladno, "Nováková" + tag + ", Jana", KLADNO_STAFF);
            bill(kladno, 5000, "LATE_FEE", "Babička", "CZK", KLADNO_STAFF);
            signIn(browser, "kladno-agent");
            browser.find("form.search");
            browser.type("#number", kladno);
            browser.click("form.search button");
            browser.find("table.bills");
            // the language chosen in this browser (Dutch, above) stays until another is chosen
            assertTrue(browser.text("h1").startsWith("Account van"), browser.text("h1"));
            browser.click("a[lang=cs]");
            browser.find("table.bills");
            assertTrue(browser.text("h1").startsWith("Konto"), browser.text("h1"));
            assertTrue(plain(browser.text("table.bills")).contains("50,00 Kč"), browser.text("table.bills"));
            Axe.check(browser);
            // agents have no finance pages, citizens no desk at all
            browser.open(DESK + "/finance");
            browser.find(".problem");
            assertTrue(!browser.source().contains("svg"), "no dashboard for an agent");
            signOut(browser);
            signIn(browser, "citizen-marie");
            browser.find("main h1");
            assertTrue(!browser.source().contains("/counter"), "no counter for a citizen");
            Axe.check(browser);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void signIn(Browser browser, String user) {
        browser.open(DESK + "/");
        browser.find("#kc-login");
        browser.type("#username", user);
        browser.type("#password", "guichet");
        browser.click("#kc-login");
        browser.find("main");
    }

    /** A form posted to the desk from another site, with the signed-in browser's cookies: the status it gets. */
    private static int crossSitePost(Browser browser, String path, String form) {
        try {
            java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(java.net.URI.create(DESK + path))
                    .header("Cookie", browser.cookieHeader()).header("Origin", "https://elsewhere.example")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build();
            return java.net.http.HttpClient.newHttpClient().send(post, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs out at the desk and at Keycloak (its single sign-on session too), as the header's button does. */
    private static void signOut(Browser browser) {
        browser.click("form[action='/logout'] button");
        // the page signed out from may have a link to / as well: wait for the signed-out page itself
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().contains("/signed-out"));
        browser.find("a[href='/']");
        Axe.check(browser);
    }

    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }

    private static void register(String accountId, String name) {
        register(accountId, name, STAFF);
    }

    private static void register(String accountId, String name, String staff) {
        Map<String, Object> account = Map.of("accountId", accountId, "name", name, "city", "Namur",
                "postalCode", "5000", "phone", "081 24 60 00", "email", accountId.toLowerCase() + "@example.be");
        Http.Reply r = Http.postJson(E2eSuite.URLS.billing() + "/accounts", staff, account, Map.of());
        assertEquals(200, r.status(), r.body());
    }

    private static String bill(String accountId, long amount, String reason, String title) {
        return bill(accountId, amount, reason, title, "EUR", STAFF);
    }

    private static String bill(String accountId, long amount, String reason, String title, String currency, String staff) {
        Map<String, Object> bill = new HashMap<>(Map.of("accountId", accountId, "amount", amount, "currency", currency,
                "reason", reason, "description", "Desk test " + reason));
        if (title != null) {
            bill.put("item", Map.of("barcode", "3" + Math.abs(title.hashCode()), "title", title));
        }
        Http.Reply r = Http.postJson(E2eSuite.URLS.billing() + "/invoices", staff, bill,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertTrue(r.status() == 200 || r.status() == 201, r.status() + " " + r.body());
        return r.json().path("id").asText();
    }

    /** The régie's name as cart-service knows it (the journey names it), else its code. */
    private static String regieName(String code) {
        for (JsonNode r : Http.get(E2eSuite.URLS.cart() + "/regies", STAFF).json()) {
            if (code.equals(r.path("code").asText()) && !r.path("name").asText().isBlank()) {
                return r.path("name").asText();
            }
        }
        return code;
    }

    private static JsonNode invoice(String id) {
        return Http.get(E2eSuite.URLS.billing() + "/invoices/" + id, STAFF).json();
    }

    private static long outstanding(String id) {
        return invoice(id).path("outstanding").asLong();
    }

    private static String state(String id) {
        return invoice(id).path("state").asText();
    }

    private static long historyCount(String accountId, String action, String invoiceId) {
        String number = invoice(invoiceId).path("number").asText();
        List<JsonNode> lines = new java.util.ArrayList<>();
        Http.get(E2eSuite.URLS.billing() + "/accounts/" + accountId + "/history", STAFF).json().forEach(lines::add);
        return lines.stream().filter(l -> action.equals(l.path("action").asText())
                && number.equals(l.path("invoiceNumber").asText())).count();
    }
}
