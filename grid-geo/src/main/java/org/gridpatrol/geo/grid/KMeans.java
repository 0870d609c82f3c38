package org.gridpatrol.geo.grid;

import org.locationtech.jts.geom.Coordinate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Lloyd's k-means on planar points with k-means++ seeding. Centres that lose all their points keep
 * their last position, so exactly {@code k} distinct centres come back when there are at least
 * {@code k} distinct points.
 */
final class KMeans {

    private final List<Coordinate> points;
    private final int k;
    private final Random random;

    KMeans(List<Coordinate> points, int k, Random random) {
        Set<Coordinate> distinct = new LinkedHashSet<>(points);
        if (distinct.size() < k) {
            throw new IllegalArgumentException("need at least " + k + " distinct points, have " + distinct.size());
        }
        this.points = points;
        this.k = k;
        this.random = random;
    }

    List<Coordinate> run(int rounds) {
        List<Coordinate> centres = seedPlusPlus();
        int[] owner = new int[points.size()];
        for (int round = 0; round < rounds; round++) {
            boolean moved = assign(centres, owner);
            recentre(centres, owner);
            if (!moved && round > 0) {
                break;
            }
        }
        return dedupe(centres);
    }

    private List<Coordinate> seedPlusPlus() {
        List<Coordinate> centres = new ArrayList<>(k);
        centres.add(points.get(random.nextInt(points.size())));
        double[] distance = new double[points.size()];
        while (centres.size() < k) {
            Coordinate last = centres.get(centres.size() - 1);
            double total = 0;
            for (int i = 0; i < points.size(); i++) {
                double d = squaredDistance(points.get(i), last);
                distance[i] = centres.size() == 1 ? d : Math.min(distance[i], d);
                total += distance[i];
            }
            double pick = random.nextDouble() * total;
            int chosen = 0;
            for (double sum = distance[0]; sum < pick && chosen < points.size() - 1; sum += distance[++chosen]) {
                // walk the cumulative distribution
            }
            centres.add(new Coordinate(points.get(chosen)));
        }
        return centres;
    }

    private boolean assign(List<Coordinate> centres, int[] owner) {
        boolean moved = false;
        for (int i = 0; i < points.size(); i++) {
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < centres.size(); c++) {
                double d = squaredDistance(points.get(i), centres.get(c));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            moved |= owner[i] != best;
            owner[i] = best;
        }
        return moved;
    }

    private void recentre(List<Coordinate> centres, int[] owner) {
        double[] sumX = new double[k];
        double[] sumY = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < points.size(); i++) {
            sumX[owner[i]] += points.get(i).x;
            sumY[owner[i]] += points.get(i).y;
            count[owner[i]]++;
        }
        for (int c = 0; c < k; c++) {
            if (count[c] > 0) {
                centres.set(c, new Coordinate(sumX[c] / count[c], sumY[c] / count[c]));
            }
        }
    }

    private static double squaredDistance(Coordinate a, Coordinate b) {
        double dx = a.x - b.x;
        double dy = a.y - b.y;
        return dx * dx + dy * dy;
    }

    /** Voronoi needs distinct sites; nudge exact duplicates (rare: two clusters on one building). */
    private static List<Coordinate> dedupe(List<Coordinate> centres) {
        Set<Coordinate> seen = new LinkedHashSet<>();
        for (Coordinate c : centres) {
            Coordinate candidate = new Coordinate(c);
            while (!seen.add(candidate)) {
                candidate = new Coordinate(candidate.x + 1e-7, candidate.y + 1e-7);
            }
        }
        return new ArrayList<>(seen);
    }
}
