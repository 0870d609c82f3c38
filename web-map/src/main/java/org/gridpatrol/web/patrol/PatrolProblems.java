package org.gridpatrol.web.patrol;

import jakarta.servlet.http.HttpServletRequest;
import org.gridpatrol.routing.graph.NoRouteException;
import org.gridpatrol.routing.graph.PointOffNetworkException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;


import static org.gridpatrol.web.http.ApiProblems.problem;

/**
 * problem+json for the patrol endpoints: invalid fields 400 (with {@code field}), points too far
 * from a usable road or without a path 422 (with {@code field} and {@code snapMeters}), the graph
 * still building 503.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PatrolProblems {

    @ExceptionHandler(PatrolInputException.class)
    ResponseEntity<ProblemDetail> invalid(PatrolInputException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), request);
        response.getBody().setProperty("field", e.field());
        return response;
    }

    @ExceptionHandler(PointOffNetworkException.class)
    ResponseEntity<ProblemDetail> offNetwork(PointOffNetworkException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Point off the road network",
                e.getMessage(), request);
        String label = e.label();
        int space = label.indexOf(' ');
        response.getBody().setProperty("field", space < 0 ? label : label.substring(0, space));
        if (!Double.isInfinite(e.snapMeters())) {
            response.getBody().setProperty("snapMeters", Math.round(e.snapMeters()));
        }
        return response;
    }

    @ExceptionHandler(NoRouteException.class)
    ResponseEntity<ProblemDetail> noRoute(NoRouteException e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "No route", e.getMessage(), request);
    }

    @ExceptionHandler(GraphNotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(GraphNotReadyException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "Routing graph not ready",
                e.getMessage(), request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }
}
