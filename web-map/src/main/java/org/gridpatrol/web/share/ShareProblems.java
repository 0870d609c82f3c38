package org.gridpatrol.web.share;

import jakarta.servlet.http.HttpServletRequest;
import org.gridpatrol.web.http.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json for share-token refusals: 403 with {@code pinRequired} (the page then asks for the PIN),
 * 429 with {@code Retry-After} after too many wrong PINs. Ahead of {@link ApiProblems}, whose
 * handler of access denials would otherwise take {@link ShareRefusedException} without its flag.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShareProblems {

    @ExceptionHandler(ShareRefusedException.class)
    ResponseEntity<ProblemDetail> shareRefused(ShareRefusedException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = ApiProblems.problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), request);
        response.getBody().setProperty("pinRequired", e.pinRequired());
        return response;
    }

    @ExceptionHandler(TooManyPinAttemptsException.class)
    ResponseEntity<ProblemDetail> tooManyPins(TooManyPinAttemptsException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                e.getMessage(), request);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header("Retry-After", String.valueOf(e.retryAfter().toSeconds() + 1)).body(answer.getBody());
    }
}
