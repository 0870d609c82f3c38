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
 * sequence is found by Viterbi, in log space. Fixes closer than 2σ to the last fix used are left out
 * (their differences are noise). The chain breaks, and a new one starts, at a fix with no road
 * within reach or when no route of plausible length joins any candidate of the previous fix to any
 * of this one (a gap in reception, a ferry, a tunnel missing from the map).
 *
 * <p>Limits: no turn costs, no time-based speed check; U-turns are allowed anywhere (foot patrols
 * make them). Work per fix: one bounded Dijkstra per candidate of the previous fix.
 */
public final class HmmMatcher {

    private final RoadNetwork network;
    private final MatchSettings settings;

    public HmmMatcher(RoadNetwork network, MatchSettings settings) {
        this.network = network;
        this.settings = settings;
    }

    /** One Viterbi column: the candidates of a fix, their best log score and where it came from. */
    private record Step(Fix fix, double sigma, List<RoadPosition> candidates, double[] score, int[] back) {
    }

    /** Matches fixes given in time order. */
    public MatchedTrack match(List<Fix> fixes) {
        List<List<GeoPoint>> lines = new ArrayList<>();
        List<Step> chain = new ArrayList<>();
        int used = 0;
        int dropped = 0;
        int breaks = 0;
        for (Fix fix : fixes) {
            double sigma = settings.sigmaOf(fix);
            Step previous = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            if (previous != null && meters(previous.fix, fix) < 2 * sigma) {
                continue;
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
                int[] none = new int[candidates.size()];
                Arrays.fill(none, -1);
                step = new Step(fix, sigma, candidates, emission, none);
            }
            chain.add(step);
            used++;
        }
        close(chain, lines);
        return new MatchedTrack(lines, used, dropped, breaks);
    }

    /** The next Viterbi column, or {@code null} when no candidate can be reached from the previous column. */
    private Step transition(Step previous, Fix fix, double sigma, List<RoadPosition> candidates, double[] emission) {
        double linear = meters(previous.fix, fix);
        double bound = settings.routeBound(linear, Math.max(sigma, previous.sigma));
        double[] score = new double[candidates.size()];
        int[] back = new int[candidates.size()];
        Arrays.fill(score, Double.NEGATIVE_INFINITY);
        Arrays.fill(back, -1);
        boolean reached = false;
        for (int i = 0; i < previous.candidates.size(); i++) {
            if (previous.score[i] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double[] routes = network.distances(previous.candidates.get(i), candidates, bound);
            for (int j = 0; j < candidates.size(); j++) {
                if (routes[j] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double s = previous.score[i] - Math.abs(routes[j] - linear) / settings.betaMeters() + emission[j];
                if (s > score[j]) {
                    score[j] = s;
                    back[j] = i;
                    reached = true;
                }
            }
        }
        return reached ? new Step(fix, sigma, candidates, score, back) : null;
    }

    /** Back-tracks the chain's most likely positions, adds their road line, and empties the chain. */
    private void close(List<Step> chain, List<List<GeoPoint>> lines) {
        if (chain.size() >= 2) {
            Step last = chain.get(chain.size() - 1);
            int state = 0;
            for (int j = 1; j < last.score.length; j++) {
                if (last.score[j] > last.score[state]) {
                    state = j;
                }
            }
            RoadPosition[] chosen = new RoadPosition[chain.size()];
            for (int k = chain.size() - 1; k >= 0; k--) {
                chosen[k] = chain.get(k).candidates.get(state);
                state = chain.get(k).back[state];
            }
            List<GeoPoint> line = new ArrayList<>();
            for (int k = 1; k < chosen.length; k++) {
                double bound = settings.routeBound(meters(chain.get(k - 1).fix, chain.get(k).fix),
                        Math.max(chain.get(k - 1).sigma, chain.get(k).sigma));
                for (GeoPoint p : network.path(chosen[k - 1], chosen[k], bound)) {
                    if (line.isEmpty() || !line.get(line.size() - 1).equals(p)) {
                        line.add(p);
                    }
                }
            }
            if (line.size() >= 2) {
                lines.add(line);
            }
        }
        chain.clear();
    }

    static double meters(Fix a, Fix b) {
        return DistanceCalcEarth.DIST_EARTH.calcDist(a.lat(), a.lon(), b.lat(), b.lon());
    }
}
