package org.guichet.web.finance;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.guichet.web.desk.DeskUser;
import org.guichet.web.desk.Page;
import org.guichet.web.desk.Pages;
import org.guichet.web.services.PaymentApi;
import org.guichet.web.services.ReportingApi;
import org.guichet.web.services.ServiceProblem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Finance's pages (R23): the dashboard, the transaction search with its CSV export, a transaction. The numbers are
 * reporting-service's; the desk draws them.
 */
@Path("/finance")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({DeskUser.FINANCE, DeskUser.SUPERVISOR, DeskUser.ADMIN})
public class FinanceResource {
    static final int PAGE = 50;
    static final List<String> STATUSES = List.of("SETTLED", "PENDING", "FAILED");

    @Inject
    @RestClient
    ReportingApi reporting;
    @Inject
    @RestClient
    PaymentApi payments;
    @Inject
    Pages pages;
    @Inject
    DeskUser user;

    /** The search's filters as the page's form sends them (and the export repeats them). */
    public record Filter(@QueryParam("q") String q, @QueryParam("regie") String regie,
                         @QueryParam("status") String status, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("after") String after) {
        String blankless(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        boolean given() {
            return blankless(q) != null || blankless(regie) != null || blankless(status) != null
                    || blankless(from) != null || blankless(to) != null;
        }

        /** The export's address with the same filters (no page cursor: the export is the whole search). */
        public String exportUri() {
            return with(UriBuilder.fromPath("/finance/transactions.csv")).build().toString();
        }

        public String nextUri(String cursor) {
            return with(UriBuilder.fromPath("/finance/transactions")).queryParam("after", cursor).build().toString();
        }

        private UriBuilder with(UriBuilder b) {
            Map.of("q", q == null ? "" : q, "regie", regie == null ? "" : regie, "status", status == null ? "" : status,
                    "from", from == null ? "" : from, "to", to == null ? "" : to)
                    .forEach((k, v) -> {
                        if (!v.isBlank()) {
                            b.queryParam(k, v);
                        }
                    });
            return b;
        }
    }

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance transactions(Page page, Filter filter, List<ReportingApi.Transaction> rows,
                                                    String next, List<String> statuses, Map<String, String> regies);

        static native TemplateInstance transaction(Page page, ReportingApi.Detail d);

        static native TemplateInstance reconciliation(Page page, ReportingApi.Reconciled r, List<String> errors);

        static native TemplateInstance dashboard(Page page, ReportingApi.Dashboard d, List<Chart> charts,
                                                 List<PaymentApi.OpenRefunds> openRefunds);
    }

    /** One currency's chart: the SVG, its legend, and the same numbers as a table. */
    public record Chart(String currency, String svg, List<BarChart.Series> series, List<String> days,
                        List<ReportingApi.RegieDays> regies) {
    }

    /** Settled per régie per day over 30 days, payments by outcome, refunds, refunds to do, the bank's side. */
    @GET
    public TemplateInstance dashboard() {
        ReportingApi.Dashboard d = reporting.dashboard(30);
        Page page = pages.page("dashboard.title", null);
        List<Chart> charts = new java.util.ArrayList<>();
        for (String currency : d.settledPerDay().stream().map(ReportingApi.RegieDays::currency).distinct().toList()) {
            List<ReportingApi.RegieDays> regies = d.settledPerDay().stream().filter(r -> r.currency().equals(currency)).toList();
            List<String> days = regies.get(0).days().stream().map(day -> page.f().shortDate(day.day())).toList();
            BarChart chart = new BarChart(days);
            regies.forEach(r -> chart.add(page.regieName(r.regie()),
                    r.days().stream().mapToLong(ReportingApi.Day::amount).toArray()));
            charts.add(new Chart(currency, chart.svg(page.t().fmt("dashboard.chartTitle", d.days(), currency),
                    minor -> page.f().money(minor, currency)), chart.series(), days, regies));
        }
        // finance and administrators see the refunds to do; a supervisor's token is not allowed them
        List<PaymentApi.OpenRefunds> open = user.has(DeskUser.FINANCE) || user.has(DeskUser.ADMIN)
                ? payments.openManualRefunds() : List.of();
        return Templates.dashboard(page, d, charts, open);
    }

    /** What the bank shows and what it does not; a camt.053 statement or a gateway's settlement report to import. */
    @GET
    @Path("reconciliation")
    @RolesAllowed({DeskUser.FINANCE, DeskUser.ADMIN})
    public TemplateInstance reconciliation(@QueryParam("notice") String notice) {
        return Templates.reconciliation(pages.page("reconciliation.title", notice), reporting.reconciliation(3), List.of());
    }

    @POST
    @Path("reconciliation/statement")
    @RolesAllowed({DeskUser.FINANCE, DeskUser.ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response statement(@RestForm("statement") FileUpload file) {
        return imported(file, text -> reporting.importStatement(text), "statementImported");
    }

    @POST
    @Path("reconciliation/settlement")
    @RolesAllowed({DeskUser.FINANCE, DeskUser.ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response settlement(@RestForm("report") FileUpload file) {
        return imported(file, text -> reporting.importMollieReport(text), "reportImported");
    }

    private Response imported(FileUpload file, java.util.function.Consumer<String> importer, String notice) {
        String error;
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            error = pages.words().get("reconciliation.error.noFile");
        } else {
            try {
                importer.accept(java.nio.file.Files.readString(file.uploadedFile()));
                return Response.seeOther(UriBuilder.fromPath("/finance/reconciliation").queryParam("notice", notice).build())
                        .build();
            } catch (ServiceProblem refused) {
                error = refused.status() == 409 ? pages.words().get("reconciliation.error.already") : refused.detail();
            } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
                error = pages.words().get("reconciliation.error.noFile");
            }
        }
        return Response.status(422).entity(Templates.reconciliation(pages.page("reconciliation.title", null),
                reporting.reconciliation(3), List.of(error))).build();
    }

    @GET
    @Path("transactions")
    public TemplateInstance transactions(@BeanParam Filter filter) {
        Response answer = reporting.search(filter.blankless(filter.q()), filter.blankless(filter.regie()),
                filter.blankless(filter.status()), filter.blankless(filter.from()), filter.blankless(filter.to()),
                filter.blankless(filter.after()), PAGE);
        List<ReportingApi.Transaction> rows = answer.readEntity(new GenericType<List<ReportingApi.Transaction>>() {
        });
        String next = answer.getHeaderString("Next-Cursor");
        return Templates.transactions(pages.page("transactions.title", null), filter, rows,
                next == null ? null : filter.nextUri(next), STATUSES, pages.known().regieNames());
    }

    /** The whole search as CSV, streamed from reporting-service as it writes it. */
    @GET
    @Path("transactions.csv")
    @Produces("text/csv")
    public Response export(@BeanParam Filter filter) {
        InputStream csv = reporting.exportCsv(filter.blankless(filter.q()), filter.blankless(filter.regie()),
                filter.blankless(filter.status()), filter.blankless(filter.from()), filter.blankless(filter.to()));
        return Response.ok(csv, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"transactions.csv\"").build();
    }

    @GET
    @Path("transactions/{id}")
    public TemplateInstance transaction(@PathParam("id") String id) {
        ReportingApi.Detail d = reporting.transaction(id);
        return Templates.transaction(pages.page("transaction.title", null, d.transaction().reference()), d);
    }
}
