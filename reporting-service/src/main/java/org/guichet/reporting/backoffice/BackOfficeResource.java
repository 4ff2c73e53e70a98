package org.guichet.reporting.backoffice;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.Caller;
import org.guichet.platform.security.Roles;
import org.guichet.reporting.reconcile.BankStatements;
import org.guichet.reporting.reconcile.SettlementReports;
import org.guichet.reporting.transaction.SearchFilter;
import org.guichet.reporting.transaction.TransactionCsv;
import org.guichet.reporting.transaction.TransactionDetails;
import org.guichet.reporting.transaction.TransactionQuery;
import org.guichet.reporting.transaction.TransactionRecord;
import org.guichet.reporting.transaction.TransactionView;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The back office for agents and finance (R23), as server-rendered pages behind an OIDC login (the
 * {@code backoffice} tenant: authorization code flow, session cookie): the transaction search with every
 * filter, a transaction's detail and timeline, the CSV export of a search, and the reconciliation with
 * the bank (import a camt.053 statement or a gateway's settlement report, see what matched and what did
 * not). The same services as the REST API serve it; the institution comes from the login only.
 */
@Path("/backoffice")
@Tag(name = "Back office (HTML)")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN})
public class BackOfficeResource {
    static final int PAGE = 50;

    @Inject
    Caller caller;
    @Inject
    TransactionDetails details;
    @Inject
    TransactionCsv csv;
    @Inject
    BankStatements statements;
    @Inject
    SettlementReports settlements;
    @Inject
    Vertx vertx;
    @Location("backoffice/search.html")
    Template search;
    @Location("backoffice/detail.html")
    Template detail;
    @Location("backoffice/reconciliation.html")
    Template reconciliation;

    public record Row(String id, String reference, String date, String citizen, String total, String regie,
                      String status, String gateway, String refunded) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The transaction search page")
    public Uni<String> search(@BeanParam SearchFilter filter, @QueryParam("after") String after,
                              @QueryParam("min") String min, @QueryParam("max") String max, @Context UriInfo uri) {
        Map<String, String> form = new TreeMap<>();
        for (String field : List.of("q", "regie", "institution", "status", "gateway", "from", "to", "min", "max", "sort")) {
            form.put(field, "");
        }
        uri.getQueryParameters().forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
        TemplateInstance page = page(search, "Transactions").data("form", form);
        TransactionQuery query;
        try {
            query = filter.amountsFromDecimal(min, max).query(caller.tenant(), after, "after", "min", "max");
        } catch (ProblemException e) {
            return page.data("error", e.getMessage()).data("errors", e.errors()).data("rows", List.of())
                    .data("next", null).data("export", null).createUni();
        }
        return TransactionRecord.page(query, PAGE).flatMap(records -> {
            List<Row> rows = records.stream().map(r -> new Row(r.paymentId.toString(), r.reference,
                    BackOfficeView.instant(r.settledAt != null ? r.settledAt : r.createdAt),
                    r.citizenName != null ? r.citizenName : r.citizenSubject, BackOfficeView.money(r.total, r.currency),
                    r.regie, r.status.name(), r.gateway, r.refunded > 0 ? BackOfficeView.money(r.refunded, r.currency) : ""))
                    .toList();
            String next = records.size() == PAGE ? relative(uri.getRequestUriBuilder()
                    .replaceQueryParam("after", query.cursorOf(records.get(records.size() - 1)).encode()).build()) : null;
            String export = relative(uri.getRequestUriBuilder().replacePath("/backoffice/export.csv")
                    .replaceQueryParam("after").build());
            return page.data("error", null).data("errors", List.of()).data("rows", rows).data("next", next)
                    .data("export", export).createUni();
        });
    }

    @GET
    @Path("/transactions/{paymentId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One transaction's page: lines, refunds, timeline")
    public Uni<String> detail(@PathParam("paymentId") String paymentId) {
        return details.of(caller.tenant(), paymentId).flatMap(d -> {
            TransactionView t = d.transaction();
            return page(detail, "Transaction " + nz(t.reference()))
                    .data("t", Map.of("id", t.paymentId(), "reference", nz(t.reference()), "date",
                            BackOfficeView.instant(t.date()), "citizen", nz(t.citizenName()) + " (" + t.citizen() + ")",
                            "total", BackOfficeView.money(t.total(), t.currency()), "regie", t.regie(),
                            "status", t.status(), "gateway", nz(t.gateway()) + " " + nz(t.gatewayReference()),
                            "mode", nz(t.mode()), "refunded", BackOfficeView.money(t.refunded(), t.currency())))
                    .data("lines", java.util.stream.StreamSupport.stream(t.lines().spliterator(), false)
                            .map(l -> Map.of("what", l.path("description").asText(l.path("refId").asText()),
                                    "kind", l.path("kind").asText(), "institution", l.path("tenant").asText(),
                                    "amount", BackOfficeView.money(l.path("amount").asLong(), t.currency()))).toList())
                    .data("refunds", d.refunds().stream().map(r -> Map.of("amount", BackOfficeView.money(r.amount(),
                            r.currency()), "at", BackOfficeView.instant(r.refundedAt()), "mode", nz(r.mode()),
                            "reason", nz(r.reason()))).toList())
                    .data("timeline", d.timeline().stream().map(step -> Map.of("at", BackOfficeView.instant(step.at()),
                            "event", step.event(), "by", step.by(), "about", step.about())).toList())
                    .createUni();
        });
    }

    /** The search as CSV, written by the database as it reads: the same file as the API's export. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Blocking
    @Operation(summary = "The search of the page as CSV")
    public Response export(@BeanParam SearchFilter filter, @QueryParam("min") String min, @QueryParam("max") String max) {
        TransactionQuery query = filter.amountsFromDecimal(min, max).query(caller.tenant(), null, "min", "max");
        return csv.attachment(query, null).build();
    }

    @GET
    @Path("/reconciliation")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "The reconciliation page: import a statement or a settlement report, matched and unmatched")
    public Uni<Response> reconciliation(@QueryParam("days") @DefaultValue("3") int days,
                                        @CookieParam(NOTICE) String notice, @CookieParam(CSRF) String csrf) {
        // the notice of the import just made, shown once: a cookie this site set, never text from the address (L16)
        String shown = notice == null ? null : java.net.URLDecoder.decode(notice, StandardCharsets.UTF_8);
        String token = csrf != null && csrf.length() == 32 ? csrf : newToken();
        return reconciliationPage(days, shown, null, token).map(html -> {
            Response.ResponseBuilder ok = Response.ok(html, MediaType.TEXT_HTML).cookie(csrfCookie(token));
            return notice == null ? ok.build() : ok.cookie(noticeCookie("", 0)).build();
        });
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BackOfficeResource.class);
    private static final String NOTICE = "guichet_notice";
    /** The forms' token (L16): set as a cookie with the page and posted back in the form; another site has neither. */
    private static final String CSRF = "guichet_csrf";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static jakarta.ws.rs.core.NewCookie csrfCookie(String token) {
        return new jakarta.ws.rs.core.NewCookie.Builder(CSRF).value(token).path("/backoffice").httpOnly(true)
                .sameSite(jakarta.ws.rs.core.NewCookie.SameSite.STRICT).build();
    }

    private static jakarta.ws.rs.core.NewCookie noticeCookie(String value, int maxAge) {
        return new jakarta.ws.rs.core.NewCookie.Builder(NOTICE).value(value).path("/backoffice").maxAge(maxAge)
                .httpOnly(true).sameSite(jakarta.ws.rs.core.NewCookie.SameSite.STRICT).build();
    }

    @POST
    @Path("/bank-statements")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Import a camt.053 statement from the reconciliation page")
    public Uni<Response> importStatement(@RestForm("statement") FileUpload file, @RestForm("csrf") String csrf,
                                         @CookieParam(CSRF) String cookie, @Context HttpHeaders headers, @Context UriInfo uri) {
        return upload(file, new Posted(headers, uri, csrf, cookie), "a camt.053 file", text -> statements.importStatement(caller.tenant(),
                caller.subject(), text).map(done -> "Statement " + done.statementId() + " imported: " + done.matched()
                + " line(s) matched."));
    }

    @POST
    @Path("/settlement-reports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Import a Mollie settlement report from the reconciliation page")
    public Uni<Response> importSettlement(@RestForm("report") FileUpload file, @RestForm("csrf") String csrf,
                                          @CookieParam(CSRF) String cookie, @Context HttpHeaders headers, @Context UriInfo uri) {
        return upload(file, new Posted(headers, uri, csrf, cookie), "a Mollie settlement report", text -> settlements.importMollie(caller.tenant(),
                caller.subject(), text).map(done -> "Settlement " + done.settlementId() + " imported: "
                + done.matchedPayments() + " of " + done.payments() + " payment(s) matched"
                + (done.onBank() ? ", its payout is on the bank." : ", its payout is not on the bank yet.")));
    }

    /**
     * A file posted from the reconciliation page, imported by {@code importer}: back to the page with what
     * happened (303), or the page with the problem and its status.
     */
    private Uni<Response> upload(FileUpload file, Posted posted, String what,
                                 java.util.function.Function<String, Uni<String>> importer) {
        sameOrigin(posted);
        if (file == null || file.size() == 0) {
            return reconciliationPage(3, null, "Choose " + what + " to import.", posted.cookie())
                    .map(html -> Response.status(400).entity(html).type(MediaType.TEXT_HTML).build());
        }
        return vertx.fileSystem().readFile(file.uploadedFile().toString())
                .map(buffer -> buffer.toString(StandardCharsets.UTF_8))
                .flatMap(text -> importer.apply(text))
                .map(notice -> Response.seeOther(URI.create("/backoffice/reconciliation"))
                        .cookie(noticeCookie(java.net.URLEncoder.encode(notice, StandardCharsets.UTF_8), 60)).build())
                .onFailure(ProblemException.class).recoverWithUni(e -> reconciliationPage(3, null, e.getMessage(), posted.cookie())
                        .map(html -> Response.status(((ProblemException) e).status()).entity(html)
                                .type(MediaType.TEXT_HTML).build()));
    }

    private Uni<String> reconciliationPage(int days, String notice, String error, String csrf) {
        return statements.reconciliation(caller.tenant(), days).flatMap(r -> page(reconciliation, "Reconciliation")
                .data("days", days).data("csrf", csrf).data("notice", notice).data("error", error).data("matched", r.matched())
                .data("unmatched", r.unmatchedCredits().stream().map(l -> Map.of("bookedOn", nz(l.bookedOn()),
                        "amount", BackOfficeView.money(l.amount(), l.currency()), "remittance", nz(l.remittance()),
                        "bankReference", nz(l.bankReference()))).toList())
                .data("unseen", r.unseenPayments().stream().map(p -> Map.of("id", p.paymentId(), "reference",
                        nz(p.reference()), "amount", BackOfficeView.money(p.total(), p.currency()),
                        "settledAt", nz(p.settledAt()))).toList())
                .data("payouts", r.payouts().stream().map(p -> Map.of("id", p.settlementId(), "gateway", p.gateway(),
                        "reference", nz(p.reference()), "amount", BackOfficeView.money(p.amount(), p.currency()),
                        "payments", p.matchedPayments() + " of " + p.payments(), "onBank", p.onBank() ? "yes" : "not yet"))
                        .toList())
                .createUni());
    }

    private TemplateInstance page(Template template, String title) {
        return template.data("title", title).data("user", caller.name() != null ? caller.name() : caller.subject())
                .data("institution", caller.tenant())
                .data("finance", caller.hasRole(Roles.FINANCE) || caller.hasRole(Roles.ADMIN));
    }

    /** A form post: its headers and address, the token it carries and the token cookie. */
    record Posted(HttpHeaders headers, UriInfo uri, String token, String cookie) {
    }

    /**
     * A form posted from another site is refused (L16): the browser's Origin and Sec-Fetch-Site, where sent, must
     * name this site, and the form must carry the token its page was given with its cookie — which another site
     * can neither read nor set (the session cookie is SameSite=Lax already).
     */
    static void sameOrigin(Posted posted) {
        String origin = posted.headers().getHeaderString("Origin");
        if ("null".equals(origin)) { // an opaque origin (a privacy setting) proves nothing either way: the token decides
            origin = null;
        }
        String site = posted.headers().getHeaderString("Sec-Fetch-Site");
        URI self = posted.uri().getBaseUri();
        String expected = self.getScheme() + "://" + self.getAuthority();
        boolean tokenMatches = posted.token() != null && posted.cookie() != null && java.security.MessageDigest.isEqual(
                posted.token().getBytes(StandardCharsets.UTF_8), posted.cookie().getBytes(StandardCharsets.UTF_8));
        if (!tokenMatches || (origin != null && !origin.equals(expected))
                || (site != null && !site.equals("same-origin") && !site.equals("none"))) {
            LOG.warnf("back office: a form post refused (Origin %s, Sec-Fetch-Site %s, token %s, cookie %s)", origin, site,
                    posted.token() == null ? "none" : "given", posted.cookie() == null ? "none" : "given");
            throw Problems.forbidden("A form of another site cannot post here");
        }
    }

    private static String relative(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
