package org.gridpatrol.web.imports;

import jakarta.servlet.http.HttpServletRequest;
import org.gridpatrol.data.imports.ImportFileException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * A file that cannot be imported as a whole ({@link ImportFileException}) as problem+json, its status
 * by reason: an unknown format 415, too large (or a zip bomb) 413, unreadable (wrong encoding, broken
 * geometry) 422, a mapping the kind cannot use 422 with {@code field: "mapping"}, cancelled 409. The
 * same answer is a failed job's {@code error}.
 */
@RestControllerAdvice
public class ImportProblems {

    @ExceptionHandler(ImportFileException.class)
    ResponseEntity<ProblemDetail> refused(ImportFileException e, HttpServletRequest request) {
        ProblemDetail problem = problem(e, URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The problem an import failure is shown as, with {@code instance}. */
    static ProblemDetail problem(ImportFileException e, URI instance) {
        HttpStatus status = switch (e.reason()) {
            case UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNREADABLE, MAPPING -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CANCELLED -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(switch (e.reason()) {
            case UNSUPPORTED_FORMAT -> "Unsupported file format";
            case TOO_LARGE -> "File too large";
            case UNREADABLE -> "Unreadable file";
            case MAPPING -> "Unusable column mapping";
            case CANCELLED -> "Import cancelled";
        });
        problem.setProperty("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT));
        if (e.reason() == ImportFileException.Reason.MAPPING) {
            problem.setProperty("field", "mapping");
        }
        problem.setInstance(instance);
        return problem;
    }
}
