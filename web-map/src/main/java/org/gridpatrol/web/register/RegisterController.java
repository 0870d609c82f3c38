package org.gridpatrol.web.register;

import org.gridpatrol.data.register.Registers;
import org.gridpatrol.geo.register.RegisterKind;
import org.gridpatrol.geo.register.RegisterValues;
import org.gridpatrol.web.security.GridpatrolUser;
import org.gridpatrol.geo.access.Role;
import org.gridpatrol.web.security.AccessPolicy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/households} and {@code /api/rentals}: list by grid or block, create, change, move,
 * delete. Users of the owning jurisdiction see every field; others get counts only. Writes need the
 * owning jurisdiction and name the row's version; the answer names the grid the row is in.
 */
@RestController
public class RegisterController {

    private final Registers store;
    private final AccessPolicy access;

    public RegisterController(Registers store, AccessPolicy access) {
        this.store = store;
        this.access = access;
    }

    static RegisterKind kind(String path) {
        return path.equals("households") ? RegisterKind.HOUSEHOLD : RegisterKind.RENTAL;
    }

    @GetMapping("/api/{kind:households|rentals}")
    public ResponseEntity<?> list(@PathVariable("kind") String path, @RequestParam(value = "grid", required = false) Long grid,
                                  @RequestParam(value = "block", required = false) Long block,
                                  @AuthenticationPrincipal GridpatrolUser user) {
        if ((grid == null) == (block == null)) {
            throw new IllegalArgumentException("give exactly one of grid=ID or block=ID");
        }
        String by = grid != null ? "grid" : "block";
        long id = grid != null ? grid : block;
        RegisterKind kind = kind(path);
        if (access.seesPersonalFields(user, store.jurisdictionOf(by, id))) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(store.list(kind, by, id));
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("scope", "aggregate");
        counts.put(by, id);
        counts.put("aggregate", store.aggregate(kind, by, id));
        return ResponseEntity.ok(counts);
    }

    @PostMapping("/api/{kind:households|rentals}")
    public ResponseEntity<Registers.Saved> create(@PathVariable("kind") String path, @RequestBody Map<String, Object> body,
                                                      @AuthenticationPrincipal GridpatrolUser user) {
        RegisterKind kind = kind(path);
        access.require(user, Role.Right.EDIT_REGISTERS);
        Map<String, Object> fields = new LinkedHashMap<>(body);
        double[] location = location(fields.remove("location"), true);
        if (fields.get(kind.requiredCount()) == null) {
            throw new IllegalArgumentException(kind.requiredCount() + " is required");
        }
        Registers.Saved saved = store.create(kind, RegisterValues.parse(kind, fields), location[0], location[1],
                user.jurisdictionId(), user.getUsername());
        return ResponseEntity.created(URI.create("/api/" + path + "/" + saved.id())).body(saved);
    }

    @PatchMapping("/api/{kind:households|rentals}/{id}")
    public Registers.Saved update(@PathVariable("kind") String path, @PathVariable("id") long id,
                                      @RequestBody Map<String, Object> body, @AuthenticationPrincipal GridpatrolUser user) {
        RegisterKind kind = kind(path);
        Map<String, Object> fields = new LinkedHashMap<>(body);
        int version = version(fields.remove("version"));
        double[] location = location(fields.remove("location"), false);
        requireOwner(user, store.jurisdictionOf(kind, id));
        return store.update(kind, id, version, RegisterValues.parse(kind, fields),
                location == null ? null : location[0], location == null ? null : location[1],
                user.jurisdictionId(), user.getUsername());
    }

    @DeleteMapping("/api/{kind:households|rentals}/{id}")
    public ResponseEntity<Void> delete(@PathVariable("kind") String path, @PathVariable("id") long id,
                                       @RequestParam("version") int version, @AuthenticationPrincipal GridpatrolUser user) {
        RegisterKind kind = kind(path);
        requireOwner(user, store.jurisdictionOf(kind, id));
        store.delete(kind, id, version, user.getUsername());
        return ResponseEntity.noContent().build();
    }

    private void requireOwner(GridpatrolUser user, long jurisdictionId) {
        access.require(user, Role.Right.EDIT_REGISTERS, jurisdictionId);
    }

    static int version(Object value) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("version is required: the version of the row you changed");
        }
        return n.intValue();
    }

    /** [longitude, latitude] from the body's {@code location}. */
    static double[] location(Object value, boolean required) {
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException("location is required: [longitude, latitude] in WGS84");
            }
            return null;
        }
        if (!(value instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof Number lon)
                || !(list.get(1) instanceof Number lat)) {
            throw new IllegalArgumentException("location must be [longitude, latitude], two numbers");
        }
        if (Math.abs(lon.doubleValue()) > 180 || Math.abs(lat.doubleValue()) > 90) {
            throw new IllegalArgumentException("location " + list + " is out of range: [longitude -180..180, latitude -90..90]");
        }
        return new double[] {lon.doubleValue(), lat.doubleValue()};
    }
}
