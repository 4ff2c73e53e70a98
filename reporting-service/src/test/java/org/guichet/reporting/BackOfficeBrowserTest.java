package org.guichet.reporting;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.Events;
import org.guichet.testing.browser.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.reporting.Callers.finance;
import static org.guichet.reporting.TransactionReadModelTest.TENANT;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The back office in a real browser (Debian's headless Chromium) against a real Keycloak: a finance
 * officer of Namur logs in through the OIDC login page, searches a citizen without accents, opens the
 * transaction (its timeline), downloads the search as CSV, imports a bank statement that matches it, and a
 * gateway's settlement report that matches another payment.
 */
@QuarkusTest
class BackOfficeBrowserTest extends ReportingTestResource {
    @TestHTTPResource("/backoffice")
    URL backoffice;

    @Test
    void finance_logs_in_searches_opens_a_transaction_downloads_the_csv_and_reconciles() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String surname = "Šťastný" + tag;
        String paymentId = UUID.randomUUID().toString();
        String reference = "NAMUR-BO-" + tag.toUpperCase();
        List<PaymentLine> lines = List.of(new PaymentLine("PROCEDURE", UUID.randomUUID().toString(), TENANT,
                "Copie d'acte de naissance", 1200));
        var payer = new org.guichet.events.payload.Payer("citizen-bo", "Zdeněk " + surname, "z@example.cz", "cs");
        Events.aPaymentSettled().id(paymentId).reference(reference).regie("namur-etat-civil").of(1200, "EUR")
                .through("mollie", "tr_" + tag).by(payer).lines(lines).publish(TENANT);
        Events.aRefundIssued().ofPayment(paymentId, reference).regie("namur-etat-civil").of(200, "EUR")
                .through("mollie", "GATEWAY").because("postal fee not due").lines(lines).publish(TENANT);
        Events.aPaymentSettled().reference("NAMUR-BO-OTHER-" + tag).regie("namur-etat-civil").of(500, "EUR")
                .through("mollie", "tr_o" + tag).by(new org.guichet.events.payload.Payer("citizen-x", "Jan Janssens", null, "nl"))
                .lines(lines).publish(TENANT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("q", tag).get("/transactions")
                .then().body("$", hasSize(2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().get("/transactions/" + paymentId).then()
                .body("refunds", hasSize(1)));

        try (Browser browser = Browser.start(Path.of("target", "browser-" + tag))) {
            // not logged in: the back office sends the browser to Keycloak's login page
            browser.open(backoffice.toString());
            browser.find("#kc-login");
            assertTrue(browser.url().contains("/realms/guichet/"), browser.url());
            browser.type("#username", "namur-finance");
            browser.type("#password", "guichet");
            browser.click("#kc-login");

            browser.find("#search");
            assertTrue(browser.text("header").contains("ville-namur"), browser.text("header"));
            browser.type("#q", "stastny" + tag);
            browser.click("#go");
            browser.find("tr.transaction");
            String results = browser.text("#results");
            assertTrue(results.contains(reference) && results.contains("12,00 EUR") && results.contains("2,00 EUR"),
                    results);
            assertFalse(results.contains("NAMUR-BO-OTHER"), results);

            browser.click("a.open");
            browser.find("#timeline");
            assertEquals(reference, browser.text("#reference"));
            String timeline = browser.text("#timeline");
            assertTrue(timeline.contains("PaymentSettled") && timeline.contains("RefundIssued"), timeline);
            assertTrue(browser.text("#refunds").contains("postal fee not due"), browser.text("#refunds"));

            browser.click("#back");
            browser.type("#q", "stastny" + tag);
            browser.click("#go");
            browser.find("tr.transaction");
            browser.click("#export");
            Path csv = browser.awaitDownload(".csv", Duration.ofSeconds(30));
            List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertEquals(2, rows.size(), rows.toString());
            assertTrue(rows.get(0).startsWith("\uFEFFreference;date;citizen;total"), rows.get(0));
            assertTrue(rows.get(1).startsWith(reference + ";") && rows.get(1).contains(";12,00;EUR;namur-etat-civil;")
                    && rows.get(1).endsWith(";2,00"), rows.get(1));

            // the bank credits the payment: finance imports the statement from the reconciliation page
            Path statement = browser.downloads().getParent().resolve("statement.xml");
            Files.writeString(statement, BankReconciliationTest.statement("BO-" + tag,
                    BankReconciliationTest.entry("12.00", "CRDT", "<Ustrd>Paiement " + reference + "</Ustrd>", null)));
            browser.click("#nav-reconciliation");
            browser.find("#import");
            browser.attach("#statement", statement);
            browser.click("#upload");
            assertTrue(browser.text("#notice").contains("1 line(s) matched"), browser.text("#notice"));

            // a Mollie payout of the other payment, then its settlement report from the same page
            Path report = browser.downloads().getParent().resolve("settlement.json");
            Files.writeString(report, SettlementReportTest.report("stl_bo" + tag, "1182161.BO" + tag + ".01", "4.71",
                    "tr_o" + tag, "5.00"));
            browser.attach("#report", report);
            browser.click("#upload-settlement");
            assertTrue(browser.text("#notice").contains("1 of 1 payment(s) matched"), browser.text("#notice"));
            assertTrue(browser.text("#payouts").contains("stl_bo" + tag), browser.text("#payouts"));

            // L16: a notice is shown once, from this site's own cookie; text in the address is never shown
            String page = browser.url().replaceAll("\\?.*$", "");
            browser.open(page + "?notice=Call+0800+123+456+to+confirm+your+account");
            browser.find("#import");
            assertFalse(browser.source().contains("0800 123 456"), "a notice from the address is not shown");
            assertFalse(browser.source().contains("1 of 1 payment(s) matched"), "the notice was shown once");
        }
    }
}
