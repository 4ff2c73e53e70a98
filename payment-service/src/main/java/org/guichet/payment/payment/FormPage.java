package org.guichet.payment.payment;

import org.guichet.payment.gateway.FormPost;
import org.guichet.platform.text.Html;

/** The page that sends the citizen's browser to a form-POST gateway: posts itself, or on a click. */
final class FormPage {
    private FormPage() {
    }

    static String render(FormPost form) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>To the payment page</title></head><body onload=\"document.forms[0].submit()\">"
                + "<form method=\"post\" action=\"" + Html.escape(form.action()) + "\" accept-charset=\"UTF-8\">");
        form.fields().forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(Html.escape(name))
                .append("\" value=\"").append(Html.escape(value)).append("\">"));
        return html.append("<noscript><p>Your browser does not post this page by itself:</p></noscript>"
                + "<button type=\"submit\" id=\"go\">Continue to the payment page</button></form></body></html>").toString();
    }
}
