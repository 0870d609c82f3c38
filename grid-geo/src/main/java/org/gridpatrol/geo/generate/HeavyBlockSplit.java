package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Divides one piece of a region into contiguous grids, taking blocks over the band's maximum out
 * first: each such block becomes a grid of its own (flagged
 * {@link GenerationProblem.Kind#BLOCK_OVER_MAXIMUM}) and the rest of the piece falls into its
 * connected components (along the piece's edges), because a heavy block in the middle of a piece cuts
 * it: counting the rest as one workload would give one side grids the other side cannot share. Each
 * component at least as heavy as the band's minimum is a piece of its own ({@link BandFeasibility}
 * chooses its number of grids from its own workload, {@link PieceDivider} divides it). A lighter
 * component cannot make a grid in the band: it joins the neighbouring grid it shares the most border
 * with, preferring grids that are not a heavy block's and stay under the maximum (within a piece its
 * only neighbours are heavy blocks, so in practice it joins one of those), and is flagged
 * {@link GenerationProblem.Kind#REGION_UNDER_MINIMUM} unless it holds no workload at all (roads, parks).
 *
 * <p>A piece without heavy blocks is divided as a whole, exactly as before.
 */
final class HeavyBlockSplit {

    private static final double EPS = 1e-9;
    /** Sets of up to this many blocks get at least {@link #SMALL_RESTARTS} restarts. */
    private static final int SMALL = 400;
    private static final int SMALL_RESTARTS = 16;
    /**
     * The other grid counts together get at most this many times the restarts of the chosen count,
     * each count only the ordinary restarts: trying every count with the small sets' extra restarts
     * took seconds on a village of 64 blocks and rarely beat the nearest counts.
     */
    private static final int ALTERNATIVE_BUDGET = 2;

    private final BlockSet piece;
    private final WorkloadBand band;
    private final boolean cutOff;
    private final Integer fixedGrids;
    private final long seed;
    private final int restarts;
    private final Runnable checkpoint;
    private final int[] scratch;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param seed       the piece's seed (components get seeds derived from it)
     * @param cutOff     the piece is cut off from the rest of its region by locked grids
     * @param fixedGrids the number of grids the piece gets (a {@code grids: N} target), or null to choose by the band
     * @param scratch    an array of the graph's size filled with -1 (see {@link BlockSet#of})
     */
    HeavyBlockSplit(BlockSet piece, WorkloadBand band, boolean cutOff, Integer fixedGrids, long seed, int restarts,
                    Runnable checkpoint, int[] scratch) {
        this.piece = piece;
        this.band = band;
        this.cutOff = cutOff;
        this.fixedGrids = fixedGrids;
        this.seed = seed;
        this.restarts = restarts;
        this.checkpoint = checkpoint;
        this.scratch = scratch;
    }

    /** The problems found: the heavy blocks, the light components, those of each component. */
    List<Finding> findings() {
        return findings;
    }

    Partition getResult() {
        int n = piece.size();
        boolean[] heavy = new boolean[n];
        List<Integer> heavyBlocks = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            if (piece.weight(b) > band.max() + EPS) {
                heavy[b] = true;
                heavyBlocks.add(b);
            }
        }
        if (heavyBlocks.isEmpty()) {
            return divide(piece, cutOff, fixedGrids, seed);
        }
        Partition result = new Partition(piece, 0);
        for (int b : heavyBlocks) {
            result.assign(b, result.addPart());
            findings.add(BandFeasibility.overMaximum(piece, b, band));
        }
        List<int[]> components = components(heavy);
        List<int[]> divisible = new ArrayList<>();
        List<int[]> light = new ArrayList<>();
        for (int[] component : components) {
            (weight(component) >= band.min() - EPS ? divisible : light).add(component);
        }
        int[] quota = null;
        if (fixedGrids != null && !divisible.isEmpty()) {
            int rest = Math.max(divisible.size(), fixedGrids - heavyBlocks.size());
            quota = new GridQuota(divisible.stream().mapToDouble(this::weight).toArray(),
                    divisible.stream().mapToInt(c -> c.length).toArray(), rest).getResult();
        }
        for (int c = 0; c < divisible.size(); c++) {
            int[] component = divisible.get(c);
            BlockSet sub = piece.subset(component, scratch);
            Partition divided = divide(sub, false, quota == null ? null : quota[c], PieceDivider.mix(seed, c + 1));
            int base = result.parts();
            for (int p = 0; p < divided.parts(); p++) {
                result.addPart();
            }
            for (int i = 0; i < component.length; i++) {
                result.assign(component[i], base + divided.label(i));
            }
        }
        for (int[] component : light) {
            attach(result, component, heavy, heavyBlocks.size());
        }
        HeavyGridShedding shedding = new HeavyGridShedding(result, heavyBlocks.size(), band, fixedGrids == null);
        Partition shed = shedding.getResult();
        if (!shedding.findings().isEmpty()) {
            findings.removeIf(f -> (f.kind() == GenerationProblem.Kind.GRID_OUT_OF_BAND || f.kind() == GenerationProblem.Kind.BAND_UNREACHABLE)
                    && nowInBandOrHeavy(shed, f, heavyBlocks.size()));
            findings.addAll(shedding.findings());
        }
        return shed;
    }

    /** Whether every grid a finding flags is now in the band or a heavy block's grid (flagged as such). */
    private boolean nowInBandOrHeavy(Partition partition, Finding finding, int heavyParts) {
        for (int global : finding.flaggedBlocks()) {
            int local = piece.local(global);
            int p = local < 0 ? -1 : partition.label(local);
            if (p < 0 || (p >= heavyParts && !band.contains(partition.weight(p)) && BoundarySearch.violation(partition.weight(p), band) > EPS)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Divides the whole piece or one component of it. When the search leaves grids out of the band
     * with the chosen number of grids, the other numbers the band allows are tried too (nearest
     * first) and the division with the fewest grids out of the band wins: with coarse blocks (a few
     * blocks per grid) one more or one less grid often fits where the ideal count does not. Small
     * sets get more restarts for the chosen count, which cost little there; the other counts share a
     * bounded number of restarts (see {@link #ALTERNATIVE_BUDGET}), so the work stays a small
     * multiple of one division.
     */
    private Partition divide(BlockSet set, boolean setCutOff, Integer grids, long dividerSeed) {
        BandFeasibility.Plan plan = new BandFeasibility(set, band, setCutOff, grids).getResult();
        findings.addAll(plan.findings());
        int tries = set.size() <= SMALL ? Math.max(restarts, SMALL_RESTARTS) : restarts;
        PieceDivider divider = new PieceDivider(set, band, plan, dividerSeed, tries, checkpoint);
        Partition best = divider.getResult();
        List<Finding> bestFindings = divider.findings();
        if (grids == null && plan.feasible() && !bestFindings.isEmpty()) {
            int[] range = BandFeasibility.feasibleCounts(set, band);
            int budget = ALTERNATIVE_BUDGET * tries; // restarts the other counts may use together
            for (int distance = 1; distance <= range[1] - range[0] && !bestFindings.isEmpty() && budget > 0; distance++) {
                for (int k : new int[]{plan.grids() - distance, plan.grids() + distance}) {
                    if (k < range[0] || k > range[1] || bestFindings.isEmpty() || budget <= 0) {
                        continue;
                    }
                    budget -= restarts;
                    BandFeasibility.Plan other = new BandFeasibility.Plan(k, plan.heavy(), true, plan.findings());
                    PieceDivider alternative = new PieceDivider(set, band, other, PieceDivider.mix(dividerSeed, 100L + k), restarts, checkpoint);
                    Partition partition = alternative.getResult();
                    if (alternative.findings().size() < bestFindings.size()) {
                        best = partition;
                        bestFindings = alternative.findings();
                    }
                }
            }
        }
        findings.addAll(bestFindings);
        return best;
    }

    /** A component too light for a grid joins a neighbouring grid (see the class comment). */
    private void attach(Partition result, int[] component, boolean[] heavy, int heavyParts) {
        double w = weight(component);
        int[] neighbourParts = new int[result.parts()];
        double[] border = new double[result.parts()];
        for (int b : component) {
            int[] nbr = piece.neighbours(b);
            double[] len = piece.shared(b);
            for (int k = 0; k < nbr.length; k++) {
                int q = result.label(nbr[k]);
                if (q >= 0) {
                    neighbourParts[q] = 1;
                    border[q] += len[k];
                }
            }
        }
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int q = 0; q < result.parts(); q++) {
            if (neighbourParts[q] == 0) {
                continue;
            }
            // 0: an ordinary grid that stays under the maximum, 1: an ordinary grid, 2: a heavy block's grid
            int rank = q < heavyParts ? 2 : result.weight(q) + w <= band.max() + EPS ? 0 : 1;
            if (rank < bestRank || (rank == bestRank && border[q] > border[best] + EPS)) {
                best = q;
                bestRank = rank;
            }
        }
        if (best < 0) {
            best = result.addPart(); // cannot happen in a connected piece, but never leave blocks without a grid
        }
        for (int b : component) {
            result.assign(b, best);
        }
        if (w > EPS) {
            List<Long> ids = new ArrayList<>();
            List<Long> heavyIds = new ArrayList<>();
            int[] flagged = new int[component.length];
            for (int i = 0; i < component.length; i++) {
                ids.add(piece.id(component[i]));
                flagged[i] = piece.global(component[i]);
                for (int m : piece.neighbours(component[i])) {
                    if (heavy[m] && !heavyIds.contains(piece.id(m))) {
                        heavyIds.add(piece.id(m));
                    }
                }
            }
            heavyIds.sort(null);
            findings.add(new Finding(GenerationProblem.Kind.REGION_UNDER_MINIMUM,
                    String.format(Locale.ROOT, "%d blocks with a workload of %s are cut off from the rest of their village by block(s) %s over the maximum, under the minimum %s: they join a neighbouring grid; split the heavy block or lower the minimum",
                            component.length, BandFeasibility.number(w), heavyIds, BandFeasibility.number(band.min())),
                    ids, flagged));
        }
    }

    /** The connected components of the piece without the heavy blocks, each ascending, ordered by their first block. */
    private List<int[]> components(boolean[] heavy) {
        int n = piece.size();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        List<int[]> components = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            if (heavy[start] || seen[start]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int b = queue[head++];
                for (int m : piece.neighbours(b)) {
                    if (!heavy[m] && !seen[m]) {
                        seen[m] = true;
                        queue[tail++] = m;
                    }
                }
            }
            int[] component = Arrays.copyOf(queue, tail);
            Arrays.sort(component);
            components.add(component);
        }
        return components;
    }

    private double weight(int[] blocks) {
        double sum = 0;
        for (int b : blocks) {
            sum += piece.weight(b);
        }
        return sum;
    }
}
