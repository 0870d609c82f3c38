package org.gridpatrol.web.patrol;

import java.util.List;

/** Request bodies of the patrol endpoints, as sent; {@link RouteRequestReader} checks them. */
final class PatrolRequests {

    private PatrolRequests() {
    }

    /**
     * {@code POST /api/patrol/routes}: checkpoints given, or selected with {@code checkpointQuery}.
     * Both may be given: the query's register checkpoints are added to the free ones.
     * {@code bases}, when given, holds one base per team; {@code start} is the ISO time the shift starts,
     * or {@code shiftStart} its clock time ({@code HH:mm}) on {@code date} (default today) in {@code timeZone}
     * (default the server's).
     */
    record RouteRequest(List<Double> base, List<List<Double>> bases, String mode, Integer shiftMinutes, Integer teams,
                        List<CheckpointInput> checkpoints, CheckpointQuery checkpointQuery, Long jurisdictionId,
                        String start, KeepInside keepInside, String shiftStart, String date, String timeZone) {
    }

    /** Keep every path inside a jurisdiction (default the route's) plus a border belt (default 500 m). */
    record KeepInside(Long jurisdictionId, Integer borderMeters) {
    }

    /**
     * A checkpoint: priority 1 (low) to 10 (high), default 5; service minutes default 0; time windows
     * {@code [["18:00","21:00"]]} in which service may start (default: any time of the shift).
     */
    record CheckpointInput(String id, Double lon, Double lat, Integer priority, Double serviceMinutes, String kind,
                           List<List<String>> timeWindows) {
    }

    /**
     * Checkpoints from the registers: kinds {@code rental_due}, {@code key_place}, {@code elderly_alone};
     * {@code timeWindows} apply to every checkpoint selected.
     */
    record CheckpointQuery(Long gridId, List<String> kinds, Integer dueWithinDays, Integer priority,
                           Double serviceMinutes, List<List<String>> timeWindows) {
    }

    /** {@code POST /api/patrol/coverage}. */
    record CoverageRequest(Long gridId, List<Double> base, String mode, String start) {
    }

    /** {@code POST /api/isochrones}. */
    record IsochroneRequest(List<List<Double>> points, String mode, Integer minutes, Long jurisdictionId) {
    }
}
