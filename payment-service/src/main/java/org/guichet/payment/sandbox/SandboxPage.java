package org.guichet.payment.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.platform.text.Html;

/** The hosted payment page of the sandbox gateway. */
@ApplicationScoped
public class SandboxPage {

    String render(SandboxPayment p) {
        String amount = org.guichet.platform.money.Money.of(p.amount, p.currency).toString();
        String buttons = p.status.equals("open")
                ? "<form method=\"post\"><button name=\"decision\" value=\"pay\" id=\"pay\">Pay " + amount + "</button> "
                + "<button name=\"decision\" value=\"refuse\" id=\"refuse\">Refuse</button> "
                + "<button name=\"decision\" value=\"cancel\" id=\"cancel\">Cancel</button></form>"
                : "<p>This payment is <strong>" + p.status + "</strong>.</p>";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sandbox gateway</title></head>"
                + "<body><main data-status=\"" + p.status + "\"><h1>Guichet sandbox gateway</h1>"
                + "<p>Test payment of <strong>" + amount + "</strong> — " + Html.escape(p.description) + "</p>"
                + "<p>No card is needed: choose what the bank would answer.</p>" + buttons + "</main></body></html>";
    }

}
