package org.gridpatrol.web.imports;

import io.swagger.v3.oas.annotations.Operation;
import org.gridpatrol.data.imports.Imports;
import org.gridpatrol.data.imports.UnplacedRow;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.web.http.InvalidFieldException;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Register rows an import could not place (no coordinates, address not matched), to be placed by
 * clicking in the grid-worker view: {@code GET /api/imports/unplaced?jurisdiction=ID} lists them
 * (with their personal fields, so only for roles that keep the registers of that jurisdiction);
 * {@code POST /api/imports/unplaced/{id}/place} {@code {"location":[lon,lat]}} creates the register row
 * there (201 with the new row's id; 422 with {@code field: "location"} when the position is in no block
 * or outside the user's jurisdiction). A row is placed only by a user who could list it.
 */
@RestController
public class UnplacedRowController {

    /** The answer to a placement: the id of the household, rental or key place created (of the row's kind). */
    public record Placed(long id) {
    }

    /** A kept row as the API shows it ({@code kind} as in the import: households, rentals, keyplaces). */
    public record UnplacedView(long id, String kind, Long jurisdictionId, String externalId, long line, String address,
                               java.util.Map<String, Object> fields) {
        static UnplacedView of(UnplacedRow row) {
            return new UnplacedView(row.id(), row.kind().label(), row.jurisdictionId(), row.externalId(), row.line(),
                    row.address(), row.fields());
        }
    }

    /** The body of a placement. */
    public record Placement(List<Double> location) {
    }

    private final Imports imports;
    private final AccessPolicy access;

    public UnplacedRowController(@Lazy Imports imports, AccessPolicy access) {
        this.imports = imports;
        this.access = access;
    }

    @Operation(summary = "Imported register rows without a position in a jurisdiction (and below it), oldest first")
    @GetMapping("/api/imports/unplaced")
    public List<UnplacedView> list(@RequestParam("jurisdiction") long jurisdictionId, @AuthenticationPrincipal GridpatrolUser user) {
        access.require(user, Role.Right.EDIT_REGISTERS, jurisdictionId);
        return imports.unplaced(jurisdictionId).stream().map(UnplacedView::of).toList();
    }

    @Operation(summary = "Place an imported row at a clicked position: 201 with the new household's, rental's or key place's id")
    @PostMapping("/api/imports/unplaced/{id}/place")
    public ResponseEntity<Placed> place(@PathVariable("id") long id, @RequestBody Placement body,
                                        @AuthenticationPrincipal GridpatrolUser user) {
        access.require(user, Role.Right.EDIT_REGISTERS);
        double[] location = location(body);
        requireVisible(id, user);
        long created = imports.place(id, location[0], location[1], user.jurisdictionId(), user.getUsername());
        return ResponseEntity.status(201).body(new Placed(created));
    }

    /** Someone else's kept rows are 404 to a user of a jurisdiction, as unknown ones are. */
    private void requireVisible(long id, GridpatrolUser user) {
        if (user.jurisdictionId() != null && imports.unplaced(user.jurisdictionId()).stream().noneMatch(r -> r.id() == id)) {
            throw new NotFoundException("no unplaced import row " + id + " in your jurisdiction");
        }
    }

    private static double[] location(Placement body) {
        List<Double> location = body == null ? null : body.location();
        if (location == null || location.size() != 2 || location.contains(null)) {
            throw new InvalidFieldException("location", "location must be [longitude, latitude] in WGS84");
        }
        double lon = location.get(0);
        double lat = location.get(1);
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new InvalidFieldException("location", "location " + location + " is out of range: [longitude -180..180, latitude -90..90]");
        }
        return new double[] {lon, lat};
    }
}
