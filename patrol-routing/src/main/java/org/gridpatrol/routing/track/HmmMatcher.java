package org.gridpatrol.routing.track;

import com.graphhopper.util.DistanceCalcEarth;
import org.gridpatrol.routing.graph.GeoPoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Map matching by a hidden Markov model as Newson &amp; Krumm (2009) describe it: the hidden states of
 * a fix are road positions within 3σ of it (several edges per fix); the emission probability is
 * Gaussian in the fix-to-road distance; the transition probability is exponential in
 * |route distance − great-circle distance| between consecutive fixes (scale β); the most likely
 * sequence is found by Viterbi, in log space. Fixes closer than 4σ to the last fix used are left out
 * (their differences are noise). The chain breaks, and a new one starts, at a fix with no road
 * within reach or when no route of plausible length joins any candidate of the previous fix to any
 * of this one (a gap in reception, a tunnel missing from the map).
 *
 * <p>One addition to the paper: each position is two states, one per direction of travel along its
 * street, and turning back in the middle of a street costs {@link MatchSettings#uTurnMeters()} of
 * transition error. Without it a walker's noise (σ 20 m against a few metres walked between fixes)
 * reads as walking back and forth, and the matched line doubles in length (ADR 0041 has the numbers).
 * As each street gives one position per fix (its nearest point), noise along the street still moves
 * it back and forth; a step back along the same street shorter than 3σ is therefore read as noise
 * and the matched position holds (a dead end walked in and out further than that is kept).
 *
 * <p>Limits: no turn costs at junctions, no speed check. Work per used fix: two bounded Dijkstras
 * per candidate of the previous fix.
 */
public final class HmmMatcher {

    /**
     * Fixes closer than this many σ to the last one used are skipped. Newson &amp; Krumm use 2σ for cars;
     * for walkers (7 m per 5 s against σ 20 m) 2σ still leaves noise larger than the movement, and
     * the matched line hops to parallel footways and back: 4σ measured better for both (ADR 0041).
     */
    static final double THINNING_SIGMAS = 4;

    private final RoadNetwork network;
    private final MatchSettings settings;

    public HmmMatcher(RoadNetwork network, MatchSettings settings) {
        this.network = network;
        this.settings = settings;
    }

    /**
     * One Viterbi column: the candidates of a fix; state {@code 2j} travels candidate j forward, {@code 2j+1}
     * backward; the best log score of each state, the previous state it came from and how it left it.
     */
    private record Step(Fix fix, double sigma, List<RoadPosition> candidates, double[] score, int[] back, boolean[] leftForward) {
    }

    /** Matches fixes given in time order. */
    public MatchedTrack match(List<Fix> fixes) {
        List<List<GeoPoint>> lines = new ArrayList<>();
        List<Step> chain = new ArrayList<>();
        int used = 0;
        int dropped = 0;
        int breaks = 0;
        for (int index = 0; index < fixes.size(); index++) {
            Fix fix = fixes.get(index);
            double sigma = settings.sigmaOf(fix);
            Step previous = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            boolean last = index == fixes.size() - 1;
            if (previous != null && meters(previous.fix, fix) < (last ? 1 : THINNING_SIGMAS * sigma)) {
                continue; // the last fix is kept, so the track's end is matched
            }
            List<RoadPosition> candidates = network.near(fix.lon(), fix.lat(), settings.radiusFor(sigma),
                    settings.maxCandidates());
            if (candidates.isEmpty()) {
                dropped++;
                if (!chain.isEmpty()) {
                    breaks++;
                }
                close(chain, lines);
                continue;
            }
            double[] emission = new double[candidates.size()];
            for (int j = 0; j < emission.length; j++) {
                double z = candidates.get(j).distanceMeters() / sigma;
                emission[j] = -0.5 * z * z - Math.log(sigma);
            }
            Step step = previous == null ? null : transition(previous, fix, sigma, candidates, emission);
            if (step == null) {
                if (previous != null) {
                    breaks++;
                    close(chain, lines);
                }
                double[] score = new double[2 * candidates.size()];
                int[] none = new int[score.length];
                for (int s = 0; s < score.length; s++) {
                    score[s] = emission[s / 2];
                    none[s] = -1;
                }
                step = new Step(fix, sigma, candidates, score, none, new boolean[score.length]);
            }
            chain.add(step);
            used++;
        }
        close(chain, lines);
        return new MatchedTrack(lines, used, dropped, breaks);
    }

    /** The next Viterbi column, or {@code null} when no state can be reached from the previous column. */
    private Step transition(Step previous, Fix fix, double sigma, List<RoadPosition> candidates, double[] emission) {
        double linear = meters(previous.fix, fix);
        double bound = settings.routeBound(linear, Math.max(sigma, previous.sigma));
        double beta = settings.betaMeters();
        double[] score = new double[2 * candidates.size()];
        int[] back = new int[score.length];
        boolean[] leftForward = new boolean[score.length];
        Arrays.fill(score, Double.NEGATIVE_INFINITY);
        Arrays.fill(back, -1);
        boolean reached = false;
        for (int i = 0; i < previous.candidates.size(); i++) {
            double bestIn = Math.max(previous.score[2 * i], previous.score[2 * i + 1]);
            if (bestIn == Double.NEGATIVE_INFINITY) {
                continue;
            }
            for (int exit = 0; exit < 2; exit++) {
                boolean forward = exit == 0;
                double[][] routes = network.distances(previous.candidates.get(i), forward, candidates, bound);
                for (int travelled = 0; travelled < 2; travelled++) {
                    int from = 2 * i + travelled;
                    if (previous.score[from] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    double start = previous.score[from] - (travelled == exit ? 0 : settings.uTurnMeters() / beta);
                    for (int j = 0; j < candidates.size(); j++) {
                        for (int arrive = 0; arrive < 2; arrive++) {
                            double route = routes[j][arrive];
                            if (route == Double.POSITIVE_INFINITY) {
                                continue;
                            }
                            double s = start - Math.abs(route - linear) / beta + emission[j];
                            int to = 2 * j + arrive;
                            if (s > score[to]) {
                                score[to] = s;
                                back[to] = from;
                                leftForward[to] = forward;
                                reached = true;
                            }
                        }
                    }
                }
            }
        }
        return reached ? new Step(fix, sigma, candidates, score, back, leftForward) : null;
    }

    /** Back-tracks the chain's most likely states, adds their road line, and empties the chain. */
    private void close(List<Step> chain, List<List<GeoPoint>> lines) {
        if (chain.size() >= 2) {
            Step last = chain.get(chain.size() - 1);
            int state = 0;
            for (int s = 1; s < last.score.length; s++) {
                if (last.score[s] > last.score[state]) {
                    state = s;
                }
            }
            int[] states = new int[chain.size()];
            for (int k = chain.size() - 1; k >= 0; k--) {
                states[k] = state;
                state = chain.get(k).back[state];
            }
            List<GeoPoint> line = new ArrayList<>();
            RoadPosition at = chain.get(0).candidates.get(states[0] / 2);
            boolean travelling = states[0] % 2 == 0;
            for (int k = 1; k < states.length; k++) {
                Step before = chain.get(k - 1);
                Step step = chain.get(k);
                RoadPosition next = step.candidates.get(states[k] / 2);
                boolean arriving = states[k] % 2 == 0;
                double limit = 3 * Math.max(before.sigma, step.sigma);
                if (next.edge() == at.edge() && arriving != travelling && Math.abs(next.offsetMeters() - at.offsetMeters()) < limit) {
                    continue; // a short step back along the same street is noise: the position holds
                }
                double bound = settings.routeBound(HmmMatcher.meters(at, next) + limit, Math.max(before.sigma, step.sigma));
                boolean leave = network.distances(at, travelling, List.of(next), bound)[0][arriving ? 0 : 1] < Double.POSITIVE_INFINITY
                        ? travelling : step.leftForward[states[k]];
                for (GeoPoint p : network.path(at, leave, next, arriving, bound)) {
                    if (line.isEmpty() || !line.get(line.size() - 1).equals(p)) {
                        line.add(p);
                    }
                }
                at = next;
                travelling = arriving;
            }
            if (line.size() >= 2) {
                lines.add(line);
            }
        }
        chain.clear();
    }

    static double meters(RoadPosition a, RoadPosition b) {
        return DistanceCalcEarth.DIST_EARTH.calcDist(a.lat(), a.lon(), b.lat(), b.lon());
    }

    static double meters(Fix a, Fix b) {
        return DistanceCalcEarth.DIST_EARTH.calcDist(a.lat(), a.lon(), b.lat(), b.lon());
    }
}
