package org.gridpatrol.web.config;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.gridpatrol.web.http.ProblemJson;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error answers as problem+json instead of its HTML page: requests Tomcat refuses before
 * they reach the application (an encoded {@code /} or NUL in the path, a malformed request line).
 * Errors inside the application never get here: Spring's {@code /error} has written them already
 * (this valve leaves any answer with content alone). No stack trace, server version or request
 * text is echoed.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(ProblemJson.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemJson.of(status, title(status), detail(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer was committed meanwhile: nothing more to say
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 505 -> "HTTP Version Not Supported";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request was refused before the application saw it: its path or request line is not"
                    + " acceptable (an encoded '/' (%2F), '\\' (%5C) or NUL (%00) in the path, an invalid"
                    + " percent-encoding or a malformed header). Put such characters in query parameters instead.";
            case 413, 431 -> "The request or its headers are larger than the server accepts.";
            case 414 -> "The request's URI is longer than the server accepts.";
            default -> status < 500 ? "The request was refused by the server before the application saw it."
                    : "The server could not answer this request.";
        };
    }
}
