package org.gridpatrol.web.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/**
 * Turns exceptions into problem+json: invalid input (IllegalArgumentException from the value
 * records' checks) is 400, unknown ids 404, a refused plan operation 422 (with the field at fault),
 * a stale version 409 (with the current version), a jurisdiction out of the user's reach 403;
 * Spring's own (missing or mistyped parameters, wrong
 * method or media type) keep their status and get the same body shape.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), request);
        if (e instanceof InvalidFieldException field) {
            response.getBody().setProperty("field", field.field());
        }
        return response;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request);
    }

    @ExceptionHandler(org.gridpatrol.data.postgis.UnknownIdException.class)
    ResponseEntity<ProblemDetail> unknownId(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request);
    }

    @ExceptionHandler(org.gridpatrol.geo.plan.InvalidOperationException.class)
    ResponseEntity<ProblemDetail> invalidOperation(org.gridpatrol.geo.plan.InvalidOperationException e,
                                                   HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid operation", e.getMessage(), request);
        response.getBody().setProperty("field", e.field());
        return response;
    }

    @ExceptionHandler(org.gridpatrol.data.postgis.StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(org.gridpatrol.data.postgis.StaleVersionException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, "Stale version", e.getMessage(), request);
        response.getBody().setProperty("currentVersion", e.currentVersion());
        return response;
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), request);
    }

    /** Unreadable bodies: say where (Jackson names line and column) and why (a value's own check). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException e, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String detail = cause instanceof IllegalArgumentException ? cause.getMessage()
                : cause instanceof tools.jackson.core.exc.StreamConstraintsException limit
                ? "the request body exceeds a limit of the JSON reader (nesting depth 64, strings of 256 kB, numbers of 100 digits): "
                + String.valueOf(limit.getMessage()).lines().findFirst().orElse("")
                : "the request body is not valid JSON for this endpoint: " + String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                detail.length() > 400 ? detail.substring(0, 400) : detail);
        problem.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A problem+json answer with the request's path as {@code instance}; other capabilities' handlers use it too. */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                 HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
