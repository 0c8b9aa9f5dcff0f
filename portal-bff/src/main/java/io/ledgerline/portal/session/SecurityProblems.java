package io.ledgerline.portal.session;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.RequestRejectedException;

import java.io.IOException;

/**
 * The refusals Spring Security makes before any controller runs, in the same problem body the
 * controllers answer with.
 */
final class SecurityProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecurityProblems() {}

    /** A path the firewall refuses (a {@code ;} parameter, an encoded slash or percent). */
    static void rejected(
            HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(
                request,
                response,
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getMessage()).withField("path"));
    }

    static void write(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        JSON.writeValue(response.getOutputStream(), problem.withInstance(request.getRequestURI()));
    }
}
