package org.guichet.web.counter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.guichet.web.desk.Amounts;
import org.guichet.web.desk.DeskUser;
import org.guichet.web.desk.Page;
import org.guichet.web.desk.Pages;
import org.guichet.web.services.BillingApi;
import org.guichet.web.services.BillingApi.Account;
import org.guichet.web.services.BillingApi.Bill;
import org.guichet.web.services.OverrideApi;
import org.guichet.web.services.PaymentApi;
import org.guichet.web.services.ServiceProblem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The counter (PartnerNet's "Paiement de compte", WorldShare's Bills tab): find the customer, see their account,
 * take money for their bills, waive and cancel bills; a restricted agent's guarded action goes through a
 * supervisor's override on the spot (R11). Every action is the services' own; the desk only asks and shows.
 */
@Path("/counter")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DeskUser.AGENT, DeskUser.RESTRICTED_AGENT, DeskUser.SUPERVISOR, DeskUser.ADMIN})
public class CounterResource {
    @Inject
    @RestClient
    BillingApi billing;
    @Inject
    @RestClient
    PaymentApi payments;
    @Inject
    @RestClient
    OverrideApi overrides;
    @Inject
    Pages pages;
    @Inject
    DeskUser user;
    @Inject
    SupervisorSignIn supervisors;

    /** What an agent searches by (R24). */
    public record Criteria(@QueryParam("number") String number, @QueryParam("name") String name,
                           @QueryParam("city") String city, @QueryParam("postalCode") String postalCode,
                           @QueryParam("phone") String phone) {
        boolean given() {
            return !(blank(number) && blank(name) && blank(city) && blank(postalCode) && blank(phone));
        }
    }

    /** A guarded action waiting for a supervisor's override, carried through the override form. */
    public record Pending(String action, List<String> bills, String amount, String notes, boolean acknowledge,
                          String destination, String key) {
    }

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance search(Page page, Criteria criteria, List<Account> accounts, boolean searched);

        static native TemplateInstance account(Page page, Account account, BillingApi.Summary summary,
                                               List<BillingApi.Block> blocks, List<Bill> bills, List<String> columns,
                                               List<String> allColumns, List<BillingApi.HistoryLine> history,
                                               List<BillingApi.Loan> loans, boolean all);

        static native TemplateInstance pay(Page page, Account account, BillingApi.Summary summary, List<Bill> selected,
                                           long selectedTotal, List<BillingApi.Mode> modes, PayForm form,
                                           List<String> errors);

        static native TemplateInstance review(Page page, Account account, PayForm form, long amount, Long tendered,
                                              Long change, String currency, String key);

        static native TemplateInstance receipt(Page page, PaymentApi.Payment payment, String accountId, String email);

        static native TemplateInstance waive(Page page, Account account, List<Bill> selected, String amount,
                                             String notes, List<String> errors);

        static native TemplateInstance cancel(Page page, Account account, List<Bill> selected, String notes,
                                              boolean noteMissing, List<String> errors);

        static native TemplateInstance refund(Page page, Account account, List<Bill> selected, String amount,
                                              String destination, String notes, String key, List<String> errors);

        static native TemplateInstance note(Page page, Account account, List<Bill> selected, String notes,
                                            List<String> errors);

        static native TemplateInstance override(Page page, Account account, List<Bill> selected, Pending pending,
                                                String why, List<String> errors);
    }

    // ---- finding the customer ----

    @GET
    public Response search(@BeanParam Criteria criteria) {
        List<Account> found = criteria.given()
                ? billing.find(criteria.number(), criteria.name(), criteria.city(), criteria.postalCode(), digitsOf(criteria.phone()))
                : List.of();
        if (!blank(criteria.number()) && found.size() == 1) {
            // an account number goes straight to the account
            return Response.seeOther(accountUri(found.get(0).accountId(), null)).build();
        }
        return Response.ok(Templates.search(pages.page("search.title", null), criteria, found, criteria.given())).build();
    }

    // ---- the account ----

    @GET
    @Path("accounts/{id}")
    public Response account(@PathParam("id") String id, @QueryParam("all") boolean all,
                            @QueryParam("notice") String notice, @CookieParam(BillColumns.COOKIE) String columns) {
        Account account = accountOf(id);
        List<Bill> bills = billing.bills(id).stream().filter(b -> all || b.open())
                .sorted(Comparator.comparing(Bill::issuedOn, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<BillingApi.HistoryLine> history = billing.history(id).stream()
                .sorted(Comparator.comparing(BillingApi.HistoryLine::occurredAt).reversed()).toList();
        return Response.ok(Templates.account(pages.page("account.title", notice, account.name()), account,
                billing.summary(id), billing.blocks(id), bills, BillColumns.chosen(columns), BillColumns.ALL, history,
                billing.loans(id), all)).build();
    }

    /** The column chooser: remembers the columns ticked (a cookie of a year) and shows the account again. */
    @GET
    @Path("accounts/{id}/columns")
    public Response columns(@PathParam("id") String id, @QueryParam("column") List<String> columns) {
        String chosen = BillColumns.cookieValue(columns == null || columns.isEmpty() ? BillColumns.DEFAULT : columns);
        return Response.seeOther(accountUri(id, null))
                .cookie(new NewCookie.Builder(BillColumns.COOKIE).value(chosen).path("/counter").maxAge(365 * 24 * 3600)
                        .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build()).build();
    }

    /** The bill table's buttons: the bills ticked go to the action's form. */
    @GET
    @Path("accounts/{id}/act")
    public Response act(@PathParam("id") String id, @QueryParam("do") String action, @QueryParam("bill") List<String> bills) {
        String form = switch (action == null ? "" : action) {
            case "waive" -> "waive";
            case "cancel" -> "cancel";
            case "note" -> "note";
            case "refund" -> "refund";
            default -> "pay";
        };
        UriBuilder to = UriBuilder.fromPath("/counter/accounts/{id}/" + form);
        (bills == null ? List.<String>of() : bills).forEach(b -> to.queryParam("bill", b));
        return Response.seeOther(to.build(id)).build();
    }

    // ---- paying ----

    @GET
    @Path("accounts/{id}/pay")
    public TemplateInstance payForm(@PathParam("id") String id, @QueryParam("bill") List<String> bills) {
        PayForm form = new PayForm();
        form.bills = bills == null ? List.of() : bills;
        form.what = form.bills.isEmpty() ? "total" : "bills";
        form.mode = "CASH";
        return payPage(id, form, List.of());
    }

    /** Checks the form and shows what will happen — for cash, the change to give — before any money moves. */
    @POST
    @Path("accounts/{id}/pay/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance review(@PathParam("id") String id, @BeanParam PayForm form) {
        Account account = accountOf(id);
        BillingApi.Summary summary = billing.summary(id);
        List<Bill> selected = selected(id, form.bills);
        List<String> errors = new ArrayList<>();
        Long amount = amountToPay(form, summary, selected, errors);
        Long tendered = null;
        if ("credit".equals(form.what)) {
            if (amount != null && amount > summary.credit()) {
                errors.add(pages.words().get("pay.error.credit"));
            }
        } else {
            BillingApi.Mode mode = pages.known().institution().mode(form.mode);
            String kind = mode == null ? "" : mode.kind();
            if (mode == null) {
                errors.add(pages.words().get("pay.error.mode"));
            } else if ("CASH".equals(kind)) {
                tendered = parse(form.tendered, summary.currency(), "pay.error.tendered", errors);
                if (tendered != null && amount != null && tendered < amount) {
                    errors.add(pages.words().get("pay.error.tenderedTooLittle"));
                }
            } else if ("CHEQUE".equals(kind) && (blank(form.chequeNumber) || blank(form.chequeBank))) {
                errors.add(pages.words().get("pay.error.cheque"));
            } else if ("REFERENCE".equals(kind) && mode.referenceRequired() && blank(form.reference)) {
                errors.add(pages.words().get("pay.error.reference"));
            }
        }
        if (!errors.isEmpty()) {
            return payPage(id, form, errors);
        }
        Long change = tendered == null ? null : tendered - amount;
        // one key per reviewed payment: a double click on Confirm, or the page sent again, takes the money once
        return Templates.review(pages.page("review.title", null), account, form, amount, tendered, change,
                summary.currency(), UUID.randomUUID().toString());
    }

    @POST
    @Path("accounts/{id}/pay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pay(@PathParam("id") String id, @BeanParam PayForm form, @FormParam("amount") long amount,
                        @FormParam("tenderedMinor") Long tendered, @FormParam("key") String key) {
        List<String> invoiceIds = "bills".equals(form.what) || "other".equals(form.what) || "credit".equals(form.what)
                ? form.bills : List.of();
        if ("credit".equals(form.what)) {
            // R14: from the account's prepaid credit, only ever for the bills ticked, so a second sending pays nothing more
            try {
                billing.payFromCredit(id, new BillingApi.FromCredit(invoiceIds, amount));
                return Response.seeOther(accountUri(id, "paidFromCredit")).build();
            } catch (ServiceProblem refused) {
                return Response.status(refused.status()).entity(payPage(id, form, messages(refused))).build();
            }
        }
        BillingApi.Mode mode = pages.known().institution().mode(form.mode);
        String kind = mode == null ? "" : mode.kind();
        PaymentApi.Cheque cheque = "CHEQUE".equals(kind) ? new PaymentApi.Cheque(form.chequeNumber, form.chequeBank) : null;
        try {
            PaymentApi.Receipt receipt = payments.pay(key, new PaymentApi.CounterPayment(id, null,
                    invoiceIds.isEmpty() ? null : invoiceIds, amount, form.mode, "CASH".equals(kind) ? tendered : null,
                    cheque, "REFERENCE".equals(kind) && !blank(form.reference) ? form.reference.strip() : null,
                    "deposit".equals(form.what) ? Boolean.TRUE : null, null));
            return Response.seeOther(UriBuilder.fromPath("/counter/payments/{p}/receipt").queryParam("account", id)
                    .build(receipt.paymentId())).build();
        } catch (ServiceProblem refused) {
            return Response.status(refused.status()).entity(payPage(id, form, messages(refused))).build();
        }
    }

    @GET
    @Path("payments/{paymentId}/receipt")
    public TemplateInstance receipt(@PathParam("paymentId") String paymentId, @QueryParam("account") String accountId,
                                    @QueryParam("notice") String notice) {
        PaymentApi.Payment payment = payments.payment(paymentId);
        String email = accountId == null ? "" : accountOf(accountId).email();
        return Templates.receipt(pages.page("receipt.title", notice, payment.receiptNumber()), payment, accountId,
                email == null ? "" : email);
    }

    @GET
    @Path("payments/{paymentId}/receipt.pdf")
    @Produces("application/pdf")
    public Response receiptPdf(@PathParam("paymentId") String paymentId) {
        return Response.ok(payments.receiptPdf(paymentId), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"receipt-" + paymentId + ".pdf\"").build();
    }

    @POST
    @Path("payments/{paymentId}/receipt/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response emailReceipt(@PathParam("paymentId") String paymentId, @FormParam("account") String accountId,
                                 @FormParam("email") String email) {
        String notice;
        try {
            payments.emailReceipt(paymentId, new PaymentApi.Email(email));
            notice = "emailed";
        } catch (ServiceProblem refused) {
            notice = "notEmailed";
        }
        return Response.seeOther(UriBuilder.fromPath("/counter/payments/{p}/receipt").queryParam("account", accountId)
                .queryParam("notice", notice).build(paymentId)).build();
    }

    // ---- waiving and cancelling ----

    @GET
    @Path("accounts/{id}/waive")
    public TemplateInstance waiveForm(@PathParam("id") String id, @QueryParam("bill") List<String> bills) {
        return Templates.waive(pages.page("waive.title", null), accountOf(id), selected(id, bills), "", "", List.of());
    }

    @POST
    @Path("accounts/{id}/waive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response waive(@PathParam("id") String id, @FormParam("bill") List<String> bills,
                          @FormParam("amount") String amount, @FormParam("notes") String notes) {
        Pending pending = new Pending("WAIVE", bills == null ? List.of() : bills, amount, notes, false, null, null);
        List<String> errors = new ArrayList<>();
        List<Bill> selected = selected(id, pending.bills());
        if (selected.isEmpty()) {
            errors.add(pages.words().get("waive.error.none"));
        }
        Long part = blank(amount) ? null : parse(amount, currencyOf(selected), "waive.error.amount", errors);
        if (!errors.isEmpty()) {
            return Response.status(422).entity(Templates.waive(pages.page("waive.title", null), accountOf(id), selected,
                    amount, notes, errors)).build();
        }
        try {
            run(id, pending, part, null);
            return Response.seeOther(accountUri(id, "waived")).build();
        } catch (ServiceProblem refused) {
            if (refused.status() == 403 && user.restricted()) {
                return overridePage(id, selected, pending, refused.detail(), List.of());
            }
            return Response.status(refused.status()).entity(Templates.waive(pages.page("waive.title", null),
                    accountOf(id), selected, amount, notes, messages(refused))).build();
        }
    }

    @GET
    @Path("accounts/{id}/cancel")
    public TemplateInstance cancelForm(@PathParam("id") String id, @QueryParam("bill") List<String> bills) {
        return Templates.cancel(pages.page("cancel.title", null), accountOf(id), selected(id, bills), "", false, List.of());
    }

    /** R5: a note is expected; without one the service warns and the agent confirms (or adds a note). */
    @POST
    @Path("accounts/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id, @FormParam("bill") List<String> bills,
                           @FormParam("notes") String notes, @FormParam("acknowledge") boolean acknowledge) {
        Pending pending = new Pending("CANCEL", bills == null ? List.of() : bills, null, notes, acknowledge, null, null);
        List<Bill> selected = selected(id, pending.bills());
        if (selected.isEmpty()) {
            return Response.status(422).entity(Templates.cancel(pages.page("cancel.title", null), accountOf(id), selected,
                    notes, false, List.of(pages.words().get("cancel.error.none")))).build();
        }
        try {
            run(id, pending, null, null);
            return Response.seeOther(accountUri(id, "cancelled")).build();
        } catch (ServiceProblem refused) {
            if ("note-expected".equals(refused.kind())) {
                return Response.status(422).entity(Templates.cancel(pages.page("cancel.title", null), accountOf(id),
                        selected, notes, true, List.of())).build();
            }
            if (refused.status() == 403 && user.restricted()) {
                return overridePage(id, selected, pending, refused.detail(), List.of());
            }
            return Response.status(refused.status()).entity(Templates.cancel(pages.page("cancel.title", null),
                    accountOf(id), selected, notes, false, messages(refused))).build();
        }
    }

    // ---- refunds (R7) ----

    @GET
    @Path("accounts/{id}/refund")
    public TemplateInstance refundForm(@PathParam("id") String id, @QueryParam("bill") List<String> bills) {
        // one key per refund form: sent twice, the refund is made once (billing's Idempotency-Key)
        return Templates.refund(pages.page("refund.title", null), accountOf(id), selected(id, bills), "", "CREDIT", "",
                UUID.randomUUID().toString(), List.of());
    }

    /** R7: one paid bill, all or part of what it received, back to the original payment or to the account's credit. */
    @POST
    @Path("accounts/{id}/refund")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refund(@PathParam("id") String id, @FormParam("bill") List<String> bills,
                           @FormParam("amount") String amount, @FormParam("destination") String destination,
                           @FormParam("notes") String reason, @FormParam("key") String key) {
        List<Bill> selected = selected(id, bills);
        String to = "ORIGINAL".equals(destination) ? "ORIGINAL" : "CREDIT";
        List<String> errors = new ArrayList<>();
        if (selected.size() != 1 || selected.get(0).refundable() == 0) {
            errors.add(pages.words().get("refund.error.one"));
        }
        if (blank(reason)) {
            errors.add(pages.words().get("refund.error.reason"));
        }
        Long part = blank(amount) || selected.isEmpty() ? null
                : parse(amount, selected.get(0).currency(), "waive.error.amount", errors);
        if (!errors.isEmpty()) {
            return Response.status(422).entity(Templates.refund(pages.page("refund.title", null), accountOf(id), selected,
                    amount, to, reason, key, errors)).build();
        }
        Pending pending = new Pending("REFUND", List.of(selected.get(0).id()), amount, reason, false, to, key);
        try {
            run(id, pending, part, null);
            return Response.seeOther(accountUri(id, "refunded")).build();
        } catch (ServiceProblem refused) {
            if (refused.status() == 403 && user.restricted()) {
                return overridePage(id, selected, pending, refused.detail(), List.of());
            }
            return Response.status(refused.status()).entity(Templates.refund(pages.page("refund.title", null),
                    accountOf(id), selected, amount, to, reason, key, messages(refused))).build();
        }
    }

    // ---- notes (R8) ----

    @GET
    @Path("accounts/{id}/note")
    public TemplateInstance noteForm(@PathParam("id") String id, @QueryParam("bill") List<String> bills) {
        return Templates.note(pages.page("note.title", null), accountOf(id), selected(id, bills), "", List.of());
    }

    @POST
    @Path("accounts/{id}/note")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") String id, @FormParam("bill") List<String> bills, @FormParam("notes") String text) {
        List<Bill> selected = selected(id, bills);
        if (selected.isEmpty() || blank(text)) {
            return Response.status(422).entity(Templates.note(pages.page("note.title", null), accountOf(id), selected,
                    text, List.of(pages.words().get(selected.isEmpty() ? "note.error.none" : "note.error.empty")))).build();
        }
        try {
            selected.forEach(b -> billing.note(b.id(), new BillingApi.Note(text.strip())));
        } catch (ServiceProblem refused) {
            return Response.status(refused.status()).entity(Templates.note(pages.page("note.title", null), accountOf(id),
                    selected, text, messages(refused))).build();
        }
        return Response.seeOther(accountUri(id, "noted")).build();
    }

    // ---- a supervisor's override (R11) ----

    /**
     * The supervisor signs in on the agent's screen; the desk asks billing for an override bound to this agent, this
     * action and this account (and bill, when one), then takes the action once with it.
     */
    @POST
    @Path("accounts/{id}/override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("id") String id, @FormParam("action") String action,
                             @FormParam("bill") List<String> bills, @FormParam("amount") String amount,
                             @FormParam("notes") String notes, @FormParam("acknowledge") boolean acknowledge,
                             @FormParam("destination") String destination, @FormParam("key") String key,
                             @FormParam("supervisor") String supervisor, @FormParam("password") String password) {
        String guarded = List.of("CANCEL", "REFUND").contains(action) ? action : "WAIVE";
        Pending pending = new Pending(guarded, bills == null ? List.of() : bills, amount, notes, acknowledge, destination,
                key);
        List<Bill> selected = selected(id, pending.bills());
        String bearer;
        try {
            bearer = supervisors.bearer(supervisor, password);
        } catch (SupervisorSignIn.Refused refused) {
            return overridePage(id, selected, pending, null, List.of(pages.words().get("override.error.credentials")));
        }
        List<String> errors = new ArrayList<>();
        Long part = blank(amount) ? null : parse(amount, currencyOf(selected), "waive.error.amount", errors);
        if (!errors.isEmpty()) {
            return overridePage(id, selected, pending, null, errors);
        }
        try {
            BillingApi.GrantView grant = overrides.grant(bearer, new BillingApi.Grant(user.subject(), pending.action(), id,
                    selected.size() == 1 ? selected.get(0).id() : null, part, notes));
            run(id, pending, part, grant.id());
        } catch (ServiceProblem refused) {
            return overridePage(id, selected, pending, null, messages(refused));
        }
        return Response.seeOther(accountUri(id, switch (pending.action()) {
            case "WAIVE" -> "waived";
            case "REFUND" -> "refunded";
            default -> "cancelled";
        })).build();
    }

    private void run(String accountId, Pending pending, Long part, String overrideId) {
        if ("REFUND".equals(pending.action())) {
            billing.refund(pending.bills().get(0), pending.key(), new BillingApi.Refund(part, pending.destination(),
                    blankToNull(pending.notes())), overrideId);
        } else if ("WAIVE".equals(pending.action())) {
            billing.waive(accountId, new BillingApi.WaiveMany(pending.bills(), part, blankToNull(pending.notes())), overrideId);
        } else {
            for (String bill : pending.bills()) {
                billing.cancel(bill, new BillingApi.Cancel(blankToNull(pending.notes()), pending.acknowledge() ? true : null),
                        overrideId);
            }
        }
    }

    private Response overridePage(String id, List<Bill> selected, Pending pending, String why, List<String> errors) {
        return Response.status(errors.isEmpty() ? 403 : 422).entity(Templates.override(pages.page("override.title", null),
                accountOf(id), selected, pending, why, errors)).build();
    }

    // ---- helpers ----

    private TemplateInstance payPage(String id, PayForm form, List<String> errors) {
        Account account = accountOf(id);
        List<Bill> selected = selected(id, form.bills);
        return Templates.pay(pages.page("pay.title", null), account, billing.summary(id), selected,
                selected.stream().mapToLong(Bill::outstanding).sum(), pages.known().institution().modes(), form, errors);
    }

    private Long amountToPay(PayForm form, BillingApi.Summary summary, List<Bill> selected, List<String> errors) {
        Long amount = switch (form.what == null ? "" : form.what) {
            case "bills", "credit" -> selected.isEmpty() ? null : selected.stream().mapToLong(Bill::outstanding).sum();
            case "overdue" -> summary.overdue();
            case "total" -> summary.currentCharges();
            case "other", "deposit" -> parse(form.other, summary.currency(), "pay.error.amount", errors);
            default -> null;
        };
        if (amount == null || amount <= 0) {
            if (errors.isEmpty()) {
                errors.add(pages.words().get("pay.error.nothing"));
            }
            return null;
        }
        return amount;
    }

    private Long parse(String typed, String currency, String errorKey, List<String> errors) {
        try {
            long minor = Amounts.parse(typed, currency);
            if (minor <= 0) {
                throw new IllegalArgumentException("not positive");
            }
            return minor;
        } catch (IllegalArgumentException e) {
            errors.add(pages.words().get(errorKey));
            return null;
        }
    }

    private Account accountOf(String id) {
        return billing.find(id, null, null, null, null).stream().filter(a -> a.accountId().equals(id)).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, null, pages.words().fmt("account.notFound", id), List.of()));
    }

    /** The account's bills among those named, in the table's order (a bill of another account is never taken). */
    private List<Bill> selected(String accountId, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return billing.bills(accountId).stream().filter(b -> ids.contains(b.id())).toList();
    }

    private String currencyOf(List<Bill> bills) {
        return bills.isEmpty() ? pages.known().institution().currency() : bills.get(0).currency();
    }

    private static List<String> messages(ServiceProblem refused) {
        List<String> all = new ArrayList<>();
        all.add(refused.detail());
        all.addAll(refused.fieldErrors());
        return all;
    }

    static URI accountUri(String id, String notice) {
        UriBuilder b = UriBuilder.fromPath("/counter/accounts/{id}");
        if (notice != null) {
            b.queryParam("notice", notice);
        }
        return b.build(id);
    }

    static String digitsOf(String phone) {
        return phone == null ? null : phone.replaceAll("\\D", "");
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
