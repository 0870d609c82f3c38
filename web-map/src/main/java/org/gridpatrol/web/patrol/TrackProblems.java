package org.gridpatrol.web.patrol;

import jakarta.servlet.http.HttpServletRequest;
import org.gridpatrol.routing.track.TrackRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.gridpatrol.web.http.ApiProblems.problem;

/**
 * problem+json for refused tracks: 400 for a file or points that fail the checks, 422 for points
 * outside the owner's jurisdiction or off the road graph; {@code field} names where (e.g.
 * {@code points[3].time}, {@code gpx line 12}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrackProblems {

    @ExceptionHandler(TrackRefusedException.class)
    ResponseEntity<ProblemDetail> refused(TrackRefusedException e, HttpServletRequest request) {
        boolean area = e instanceof TrackRefusedException.Outside;
        ResponseEntity<ProblemDetail> response = problem(area ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST,
                area ? "Track outside the area" : "Invalid track", e.getMessage(), request);
        response.getBody().setProperty("field", e.where());
        return response;
    }
}
