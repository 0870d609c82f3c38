package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Divides a jurisdiction's blocks into contiguous, compact grids whose workload lies in the target
 * band wherever the blocks allow it; blocks of locked grids stay where they are. Deterministic for the
 * same graph, target and seed.
 *
 * <p>How: the unlocked blocks are split into pieces ({@link RegionSplitter}: a grid never crosses a
 * region, nor a locked grid); each piece gets a number of grids ({@link BandFeasibility}, or
 * {@link GridQuota} for a {@code grids: N} target, whose band is the mean ±25 %) and is divided by
 * {@link PieceDivider} (seeded growth, then boundary local search for the band, a shorter border and
 * a higher Polsby–Popper score, several restarts); a block over the maximum is first taken out as a
 * grid of its own, the rest of its piece divided component by component ({@link HeavyBlockSplit}),
 * and grids kept out of the band next to it hand it blocks ({@link HeavyGridShedding}). Every grid
 * left out of the band is named by some problem. The parts get
 * the ids of the current grids they overlap most ({@link GridIdMatcher}).
 *
 * <p>Limits: contiguity is guaranteed along the edges of the {@link WeightedBlockGraph} (blocks of one
 * piece); the band is met whenever the search finds it, which on feasible instances is nearly always
 * but not proven; every part that is not is reported. Cost: roughly linear in the blocks times the
 * restarts (4 by default up to 10,000 blocks per piece, then 2, then 1 from 40,000).
 */
public final class GridGenerator {

    private final WeightedBlockGraph graph;
    private final GenerationTarget target;
    private Map<Long, Long> currentGrids = Map.of();
    private Set<Long> lockedGrids = Set.of();
    private long seed = 1;
    private Integer restarts;
    private GenerationListener listener = GenerationListener.NONE;

    public GridGenerator(WeightedBlockGraph graph, GenerationTarget target) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.target = Objects.requireNonNull(target, "target");
    }

    public static Regridding generate(WeightedBlockGraph graph, GenerationTarget target) {
        return new GridGenerator(graph, target).getResult();
    }

    /** The grids the blocks are in now: grids that keep most of their workload keep their ids. */
    public GridGenerator setCurrentGrids(Map<Long, Long> gridOfBlock) {
        this.currentGrids = Map.copyOf(gridOfBlock);
        return this;
    }

    /** Grids kept exactly as they are (ids of {@link #setCurrentGrids}). */
    public GridGenerator setLockedGrids(Set<Long> gridIds) {
        this.lockedGrids = Set.copyOf(gridIds);
        return this;
    }

    public GridGenerator setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Restarts per piece (default: by the piece's size); more is slower and rarely much better. */
    public GridGenerator setRestarts(int restarts) {
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        this.restarts = restarts;
        return this;
    }

    public GridGenerator setListener(GenerationListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public Regridding getResult() {
        GenerationProgress progress = new GenerationProgress(listener);
        progress.report(0, "splitting the regions");
        int n = graph.size();
        boolean[] locked = new boolean[n];
        for (int b = 0; b < n; b++) {
            Long grid = currentGrids.get(graph.idAt(b));
            locked[b] = grid != null && lockedGrids.contains(grid);
        }
        List<RegionSplitter.Piece> pieces = new RegionSplitter(graph, locked).getResult();
        int[] scratch = new int[n];
        Arrays.fill(scratch, -1);
        List<BlockSet> sets = new ArrayList<>();
        for (RegionSplitter.Piece piece : pieces) {
            sets.add(BlockSet.of(graph, piece.blocks(), scratch));
        }
        WorkloadBand band = target.band();
        int[] quota = null;
        if (band == null) {
            double[] workloads = sets.stream().mapToDouble(BlockSet::totalWeight).toArray();
            int[] sizes = sets.stream().mapToInt(BlockSet::size).toArray();
            double mean = Arrays.stream(workloads).sum() / target.grids();
            band = mean > 0 ? new WorkloadBand(mean * 0.75, mean * 1.25) : null;
            quota = new GridQuota(workloads, sizes, target.grids()).getResult();
        }
        int[] partOfBlock = new int[n];
        Arrays.fill(partOfBlock, -1);
        int parts = 0;
        List<Finding> findings = new ArrayList<>();
        long total = Math.max(1, Arrays.stream(pieces.stream().mapToInt(p -> p.blocks().length).toArray()).sum());
        long done = 0;
        for (int i = 0; i < sets.size(); i++) {
            BlockSet set = sets.get(i);
            progress.report(0.05 + 0.9 * done / total, "dividing region " + pieces.get(i).region() + " (" + set.size() + " blocks)");
            Partition partition;
            if (band == null) { // nothing to weigh: one grid per piece
                partition = new Partition(set, 1);
                for (int b = 0; b < set.size(); b++) {
                    partition.assign(b, 0);
                }
            } else {
                HeavyBlockSplit split = new HeavyBlockSplit(set, band, pieces.get(i).cutOffByLockedGrids(),
                        quota == null ? null : quota[i], PieceDivider.mix(seed, 1000L + i),
                        restarts != null ? restarts : defaultRestarts(set.size()), progress, scratch);
                partition = split.getResult();
                findings.addAll(split.findings());
            }
            for (int b = 0; b < set.size(); b++) {
                partOfBlock[set.global(b)] = parts + partition.label(b);
            }
            parts += partition.parts();
            done += set.size();
        }
        if (band != null) {
            findings.addAll(unflaggedOutOfBand(partOfBlock, parts, band, findings));
        }
        progress.report(0.97, "matching grid ids");
        GridIdMatcher matcher = new GridIdMatcher(graph, partOfBlock, parts, currentGrids, lockedGrids);
        long[] gridOfPart = matcher.gridOfPart();
        Map<Long, Long> gridOfBlock = new HashMap<>();
        for (int b = 0; b < n; b++) {
            if (partOfBlock[b] >= 0) {
                gridOfBlock.put(graph.idAt(b), gridOfPart[partOfBlock[b]]);
            }
        }
        List<GenerationProblem> problems = findings.stream()
                .map(f -> f.toProblem(b -> partOfBlock[b] < 0 ? null : gridOfPart[partOfBlock[b]]))
                .toList();
        progress.report(1, "done");
        return new Regridding(gridOfBlock, matcher.removedGrids(), problems);
    }

    /**
     * A {@link GenerationProblem.Kind#GRID_OUT_OF_BAND} for every grid out of the band that no other
     * problem names yet (e.g. a grid the search could not balance in a piece whose band is out of
     * reach for other reasons), so that every grid out of the band is flagged.
     */
    private List<Finding> unflaggedOutOfBand(int[] partOfBlock, int parts, WorkloadBand band, List<Finding> findings) {
        double[] weight = new double[parts];
        int[] size = new int[parts];
        int[] first = new int[parts];
        Arrays.fill(first, -1);
        for (int b = 0; b < partOfBlock.length; b++) {
            int p = partOfBlock[b];
            if (p >= 0) {
                weight[p] += graph.weightAt(b);
                size[p]++;
                if (first[p] < 0) {
                    first[p] = b;
                }
            }
        }
        boolean[] flagged = new boolean[parts];
        for (Finding finding : findings) {
            for (int b : finding.flaggedBlocks()) {
                if (partOfBlock[b] >= 0) {
                    flagged[partOfBlock[b]] = true;
                }
            }
        }
        List<Finding> more = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            if (!flagged[p] && size[p] > 0 && BoundarySearch.violation(weight[p], band) > 1e-9) {
                more.add(new Finding(GenerationProblem.Kind.GRID_OUT_OF_BAND,
                        String.format(java.util.Locale.ROOT, "a grid of %d blocks has a workload of %s, outside %s to %s: adjust it by hand, widen the band or generate with another seed",
                                size[p], BandFeasibility.number(weight[p]), BandFeasibility.number(band.min()), BandFeasibility.number(band.max())),
                        List.of(), new int[]{first[p]}));
            }
        }
        return more;
    }

    static int defaultRestarts(int blocks) {
        return blocks <= 10_000 ? 4 : blocks <= 40_000 ? 2 : 1;
    }
}
