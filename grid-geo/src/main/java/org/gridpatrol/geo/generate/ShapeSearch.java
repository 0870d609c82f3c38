package org.gridpatrol.geo.generate;

/**
 * The last local search of a division: boundary moves scored by what they do to the Polsby–Popper
 * score (4πA/P²) of the two grids involved, made when they raise the sum of the scores (so the mean,
 * the number of grids being fixed), never raise the band violation and never cut the grid a block
 * leaves ({@link Partition#canLeave}).
 *
 * <p>Each grid's area and perimeter are kept up to date move by move: the area is the sum of its
 * blocks' areas, the perimeter the sum of its blocks' perimeters less twice every edge two of its
 * blocks share, so a move costs one pass over the block's edges. Edges a {@link BlockSet} leaves
 * out (into another village or a locked grid) always lie between grids and count as perimeter,
 * which is right. The shorter-border search of {@link BoundarySearch#compact} is a proxy for this
 * one; this one scores the measure itself, so a long thin grid gives up a block its round neighbour
 * can take even when the border does not get shorter.
 *
 * <p>Blocks are visited in index order and the best move of each block is taken at once: the result
 * only depends on the partition given. Cost: about a {@link BoundarySearch#compact} pass per pass.
 */
final class ShapeSearch {

    /** A move must raise the summed score by at least this much (stops ping-pong on rounding). */
    private static final double MIN_GAIN = 1e-7;
    private static final double EPS = 1e-9;

    private final Partition partition;
    private final WorkloadBand band;
    private final Runnable checkpoint;
    private final double[] area;
    private final double[] perimeter;
    private final NeighbourParts next = new NeighbourParts();
    private int moves;

    ShapeSearch(Partition partition, WorkloadBand band, Runnable checkpoint) {
        this.partition = partition;
        this.band = band;
        this.checkpoint = checkpoint;
        BlockSet set = partition.set();
        area = new double[partition.parts()];
        perimeter = new double[partition.parts()];
        for (int b = 0; b < set.size(); b++) {
            int p = partition.label(b);
            if (p >= 0) {
                area[p] += set.area(b);
                perimeter[p] += set.perimeter(b) - partition.sharedWith(b, p);
            }
        }
    }

    /** Polsby–Popper of an area and perimeter; 0 for no perimeter. */
    static double polsbyPopper(double area, double perimeter) {
        return perimeter > EPS ? 4 * Math.PI * area / (perimeter * perimeter) : 0;
    }

    /** The sum of the parts' Polsby–Popper scores. */
    double sum() {
        double sum = 0;
        for (int p = 0; p < partition.parts(); p++) {
            sum += polsbyPopper(area[p], perimeter[p]);
        }
        return sum;
    }

    double polsbyPopper(int part) {
        return polsbyPopper(area[part], perimeter[part]);
    }

    /** The number of block moves made so far. */
    int moves() {
        return moves;
    }

    void run(int maxPasses) {
        BlockSet set = partition.set();
        for (int pass = 0; pass < maxPasses; pass++) {
            checkpoint.run();
            boolean moved = false;
            for (int b = 0; b < set.size(); b++) {
                int count = next.collect(partition, b);
                if (count == 0) {
                    continue;
                }
                int p = partition.label(b);
                double a = set.area(b);
                double per = set.perimeter(b);
                double wb = set.weight(b);
                double wp = partition.weight(p);
                double before = polsbyPopper(area[p], perimeter[p]);
                double leftArea = area[p] - a;
                double leftPerimeter = perimeter[p] - per + 2 * partition.sharedWith(b, p);
                double left = polsbyPopper(leftArea, leftPerimeter) - before;
                int best = -1;
                double bestGain = MIN_GAIN;
                for (int i = 0; i < count; i++) {
                    int q = next.part(i);
                    double gain = left + polsbyPopper(area[q] + a, perimeter[q] + per - 2 * next.shared(i))
                            - polsbyPopper(area[q], perimeter[q]);
                    if (gain <= bestGain) {
                        continue;
                    }
                    double wq = partition.weight(q);
                    double dv = BoundarySearch.violationChange(wp, wq, wb, band);
                    if (dv <= EPS) {
                        best = i;
                        bestGain = gain;
                    }
                }
                if (best >= 0 && partition.canLeave(b)) {
                    int q = next.part(best);
                    area[p] = leftArea;
                    perimeter[p] = leftPerimeter;
                    area[q] += a;
                    perimeter[q] += per - 2 * next.shared(best);
                    partition.assign(b, q);
                    moves++;
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
        }
    }
}
