package org.guichet.payment.payment;

import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.platform.http.ReturnUrls;
import org.guichet.platform.text.Html;

/** The small page a citizen lands on after the gateway. */
@ApplicationScoped
public class ReturnPage {
    private final ReturnUrls returnUrls;

    ReturnPage(ReturnUrls returnUrls) {
        this.returnUrls = returnUrls;
    }

    public String render(Payment p) {
        String message = switch (p.state) {
            case SETTLED, PARTIALLY_REFUNDED, REFUNDED -> "Payment received. A receipt is on its way by email.";
            case PENDING, CREATED -> "Your payment is being confirmed by the bank. This page will show the result.";
            default -> "The payment did not go through. Nothing was charged.";
        };
        // checked again when shown: an address stored before the allow-list existed is not a link (M3)
        String next = p.returnUrl == null || !returnUrls.allowed(p.tenant, p.returnUrl) ? ""
                : "<p><a id=\"continue\" rel=\"noreferrer\" href=\"" + Html.escape(p.returnUrl) + "\">Continue</a></p>";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Payment " + Html.escape(p.reference)
                + "</title></head><body><main id=\"payment\" data-state=\"" + p.state + "\">"
                + "<h1>Payment " + Html.escape(p.reference) + "</h1><p>" + message + "</p>"
                + "<p>State: <strong id=\"state\">" + p.state + "</strong></p>" + next + "</main></body></html>";
    }

}
