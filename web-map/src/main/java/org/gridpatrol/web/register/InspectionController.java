package org.gridpatrol.web.register;

import org.gridpatrol.data.register.Registers;
import org.gridpatrol.web.security.GridpatrolUser;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.web.security.AccessPolicy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code POST /api/rentals/{id}/inspections} records an inspection (next one due 90 days later
 * unless {@code nextInspection} says otherwise); {@code GET} lists the history.
 */
@RestController
public class InspectionController {

    private final Registers store;
    private final AccessPolicy access;

    public InspectionController(Registers store, AccessPolicy access) {
        this.store = store;
        this.access = access;
    }

    public record Inspection(String inspectedOn, String inspector, String notes, String nextInspection) {

        private static final java.util.Set<String> FIELDS = java.util.Set.of("inspectedOn", "inspector", "notes", "nextInspection");

        /**
         * The inspection a JSON object describes. Every field may be left out (an inspection today), so a
         * field this record does not know is refused rather than dropped: a misspelled or foreign body
         * (found by OpenApiFuzzIT: a GeoJSON geometry was stored as an empty inspection) must not record one.
         */
        static Inspection of(Map<String, Object> body) {
            if (body == null) {
                throw new IllegalArgumentException("a JSON object is required: {\"inspectedOn\"?, \"inspector\"?, \"notes\"?, \"nextInspection\"?}");
            }
            for (String field : body.keySet()) {
                if (!FIELDS.contains(field)) {
                    String name = field.length() > 60 ? field.substring(0, 60) + "…" : field;
                    throw new org.gridpatrol.web.http.InvalidFieldException(name,
                            "'" + name + "' is not a field of an inspection; the fields are " + new java.util.TreeSet<>(FIELDS));
                }
            }
            return new Inspection(text(body, "inspectedOn"), text(body, "inspector"), text(body, "notes"), text(body, "nextInspection"));
        }

        private static String text(Map<String, Object> body, String field) {
            Object value = body.get(field);
            if (value != null && !(value instanceof String)) {
                throw new org.gridpatrol.web.http.InvalidFieldException(field, field + " must be text");
            }
            return (String) value;
        }
    }

    @PostMapping(value = "/api/rentals/{id}/inspections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Inspection.class)))
    public ResponseEntity<Map<String, Object>> add(@PathVariable("id") long rentalId, @RequestBody Map<String, Object> fields,
                                                   @AuthenticationPrincipal GridpatrolUser user) {
        Inspection body = Inspection.of(fields);
        requireWriter(user, rentalId);
        LocalDate on = date("inspectedOn", body.inspectedOn() == null ? LocalDate.now().toString() : body.inspectedOn());
        LocalDate next = body.nextInspection() == null ? on.plusDays(90) : date("nextInspection", body.nextInspection());
        if (next.isBefore(on)) {
            throw new IllegalArgumentException("nextInspection must not be before inspectedOn");
        }
        if (body.notes() != null && body.notes().length() > 2000) {
            throw new IllegalArgumentException("notes must have at most 2000 characters");
        }
        long id = store.addInspection(rentalId, on, body.inspector(), body.notes(), next, user.getUsername());
        return ResponseEntity.created(URI.create("/api/rentals/" + rentalId + "/inspections"))
                .body(Map.of("id", id, "rentalId", rentalId, "nextInspection", next.toString()));
    }

    @GetMapping("/api/rentals/{id}/inspections")
    public ResponseEntity<String> history(@PathVariable("id") long rentalId, @AuthenticationPrincipal GridpatrolUser user) {
        requireOwner(user, rentalId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(store.inspections(rentalId));
    }

    private void requireOwner(GridpatrolUser user, long rentalId) {
        long jurisdiction = store.jurisdictionOf("rental_property", rentalId);
        if (!access.seesPersonalFields(user, jurisdiction)) {
            throw new AccessDeniedException("inspections of rentals of jurisdiction " + jurisdiction
                    + " are kept by that jurisdiction's grid workers");
        }
    }

    private void requireWriter(GridpatrolUser user, long rentalId) {
        access.require(user, Role.Right.EDIT_REGISTERS, store.jurisdictionOf("rental_property", rentalId));
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date like 2026-12-01, got '" + text + "'");
        }
    }
}
