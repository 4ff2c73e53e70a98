package org.guichet.web.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.guichet.web.services.ServiceProblem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A service's refusal that a page did not handle itself is shown as a page with the service's own words and its
 * status; a service that cannot be reached is a 503 page. Neither shows a stack trace.
 */
public class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Pages pages;
    @Inject
    DeskUser user;

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance error(Page page, int status, String detail, java.util.List<String> fields);
    }

    @ServerExceptionMapper
    public Response refused(ServiceProblem problem) {
        return page(problem.status(), problem.detail(), problem.fieldErrors());
    }

    /** A page of another role (an agent on finance's pages): the desk's own 403 page, with its navigation. */
    @ServerExceptionMapper
    public Response notYours(io.quarkus.security.ForbiddenException e) {
        return page(403, null, java.util.List.of());
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service could not be reached: %s", e.toString());
        return page(503, null, java.util.List.of());
    }

    private Response page(int status, String detail, java.util.List<String> fields) {
        try {
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.error(pages.page("error.title", null), status, detail, fields)).build();
        } catch (RuntimeException institutionUnknown) {
            // the institution itself could not be read: a plain answer, still without internals
            return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(detail == null ? "Service unavailable" : detail).build();
        }
    }
}
