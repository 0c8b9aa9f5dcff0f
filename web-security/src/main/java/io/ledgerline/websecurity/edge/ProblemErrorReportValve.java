package io.ledgerline.websecurity.edge;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers what Tomcat refuses on its own, before any filter or controller runs (a bad request line,
 * an encoded NUL or '/' in the path), with the shared problem body instead of Tomcat's HTML error
 * page. Errors that reach the application never get here: they have a body already.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        var code = CommonRefusal.forServerStatus(status);
        var problem =
                Problem.of(
                        code,
                        "the server refused the request before reading it: " + reason(status));
        try {
            response.setStatus(problem.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            var body = ContractJson.toBytes(problem);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The connection is going away; there is no one left to tell.
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "not a valid HTTP request (request line, path or headers)";
            case 404 -> "no endpoint at this path";
            case 405 -> "method not allowed";
            case 413 -> "the body is too large";
            case 415 -> "unsupported media type";
            default -> "HTTP status " + status;
        };
    }
}
