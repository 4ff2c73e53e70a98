package org.guichet.web.counter;

import jakarta.ws.rs.FormParam;

import java.util.List;

/** The counter's pay form as the agent filled it in, carried unchanged from the form to the review and back. */
public class PayForm {
    /** The bills ticked on the account page. */
    @FormParam("bill")
    public List<String> bills = List.of();
    /** bills (the ticked ones), overdue, total (all that is due), other (an amount typed), deposit (to credit). */
    @FormParam("what")
    public String what;
    @FormParam("other")
    public String other;
    /** A payment mode of the institution (CASH, CHEQUE, CARD_TERMINAL, ...). */
    @FormParam("mode")
    public String mode;
    @FormParam("tendered")
    public String tendered;
    @FormParam("chequeNumber")
    public String chequeNumber;
    @FormParam("chequeBank")
    public String chequeBank;
    /** A card terminal's ticket number, a transfer's reference. */
    @FormParam("reference")
    public String reference;
}
