package org.gridpatrol.geo.plan;

import java.util.List;

/**
 * What publishing a plan would change.
 *
 * @param householdIds ids of the households that change grid; null when the caller may not see them
 * @param rentalIds    ids of the rentals that change grid; null likewise
 */
public record PlanDiff(long planId, int version, List<BlockMove> movedBlocks, int householdsChangingGrid,
                       int rentalsChangingGrid, List<Long> householdIds, List<Long> rentalIds,
                       List<GridChange> grids, Balance balanceBefore, Balance balanceAfter) {

    /** A block whose grid changes; {@code fromGridId} is null for a block made by a split. */
    public record BlockMove(long blockId, Long fromGridId, long toGridId) {
    }

    public record Counts(int households, int rentals, int residents, int floatingResidents, int elderlyLivingAlone) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    /**
     * One grid before and after; {@code before} is null for a new grid, {@code after} null for a grid
     * the plan removes. Compactness (of the planned shape): Polsby–Popper 4πA/P², Reock A / area of
     * the smallest enclosing circle; both 1 for a circle, near 0 for a sliver.
     */
    public record GridChange(long gridId, String code, String name, Counts before, Counts after,
                             Double polsbyPopper, Double reock) {
    }

    /** Households per grid: spread of the grid sizes; maxDeviationPercent = max |n − mean| / mean. */
    public record Balance(int grids, int min, int max, double mean, double maxDeviationPercent) {
        public static Balance of(List<Integer> households) {
            if (households.isEmpty()) {
                return new Balance(0, 0, 0, 0, 0);
            }
            int min = households.stream().mapToInt(Integer::intValue).min().orElse(0);
            int max = households.stream().mapToInt(Integer::intValue).max().orElse(0);
            double mean = households.stream().mapToInt(Integer::intValue).average().orElse(0);
            double deviation = mean == 0 ? 0 : Math.max(max - mean, mean - min) / mean * 100;
            return new Balance(households.size(), min, max, Math.round(mean * 10) / 10.0, Math.round(deviation * 10) / 10.0);
        }
    }
}
