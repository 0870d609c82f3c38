package org.gridpatrol.web.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Spring's error path ({@code /error}, where the servlet container forwards a {@code sendError} or an
 * exception nothing else handled) answers problem+json like the rest of the API, in place of Spring
 * Boot's JSON or HTML error page: whatever the {@code Accept} header (written directly, no content
 * negotiation that could fail a second time). A 4xx keeps the message it was sent with when there is
 * one (at most 200 characters); a 5xx says only that the server could not answer, never why (the
 * exception is in the log). A request that asks for {@code /error} itself gets 404.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private static final int MAX_DETAIL = 200;

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given && given >= 400 ? given : code == null ? 404 : 500;
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail;
        if (code == null) {
            detail = "There is nothing at this path.";
        } else if (status < 500 && message instanceof String text && !text.isBlank()) {
            detail = text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) : text;
        } else {
            detail = status < 500 ? "The request was refused (" + status + ")." : "The server could not answer this request.";
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? (status < 500 ? "Client Error" : "Server Error") : known.getReasonPhrase();
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemJson.of(status, title, detail));
    }
}
