package org.gridpatrol.routing.track;

/**
 * The matcher's parameters (ADR 0041 gives the measured choice).
 *
 * @param sigmaMeters      GPS noise (one standard deviation) when a fix carries no accuracy; the
 *                         emission probability is Gaussian in the fix-to-road distance with this σ
 * @param betaMeters       scale of the exponential transition probability in
 *                         |route distance − great-circle distance| between consecutive fixes
 * @param maxCandidates    road positions kept per fix (the nearest edges, one position per edge)
 * @param detourFactor     a route between consecutive fixes longer than {@code detourFactor} × their
 *                         distance + 4σ + 100 m is not searched (the chain breaks there instead)
 * @param uTurnMeters      turning back in the middle of a street costs as much as this many metres of
 *                         transition error (without it, noise larger than the distance walked between
 *                         fixes is read as walking back and forth)
 */
public record MatchSettings(double sigmaMeters, double betaMeters, int maxCandidates, double detourFactor, double uTurnMeters) {
    public MatchSettings {
        if (!(sigmaMeters >= 1 && sigmaMeters <= 500)) {
            throw new IllegalArgumentException("sigma must be 1..500 m, got " + sigmaMeters);
        }
        if (!(betaMeters > 0)) {
            throw new IllegalArgumentException("beta must be positive, got " + betaMeters);
        }
        if (maxCandidates < 1 || maxCandidates > 50) {
            throw new IllegalArgumentException("maxCandidates must be 1..50, got " + maxCandidates);
        }
        if (!(uTurnMeters >= 0)) {
            throw new IllegalArgumentException("uTurnMeters must not be negative, got " + uTurnMeters);
        }
        if (!(detourFactor >= 1)) {
            throw new IllegalArgumentException("detourFactor must be at least 1, got " + detourFactor);
        }
    }

    /** The defaults measured in {@code bench map-matching}: σ 20 m, β 10 m, 8 candidates, detour ×3, U-turn 50 m. */
    public static MatchSettings defaults() {
        return new MatchSettings(20, 10, 8, 3, 50);
    }

    public MatchSettings withSigma(double meters) {
        return new MatchSettings(meters, betaMeters, maxCandidates, detourFactor, uTurnMeters);
    }

    public MatchSettings withBeta(double meters) {
        return new MatchSettings(sigmaMeters, meters, maxCandidates, detourFactor, uTurnMeters);
    }

    public MatchSettings withUTurn(double meters) {
        return new MatchSettings(sigmaMeters, betaMeters, maxCandidates, detourFactor, meters);
    }

    /** σ for one fix: its own accuracy when given (at least 3 m, as phones under-report), else the default. */
    double sigmaOf(Fix fix) {
        return Double.isNaN(fix.accuracyMeters()) ? sigmaMeters : Math.max(3, fix.accuracyMeters());
    }

    /** Candidates are searched within 3σ (at least 30 m) of a fix. */
    double radiusFor(double sigma) {
        return Math.max(30, 3 * sigma);
    }

    /** The longest route searched between fixes {@code linearMeters} apart. */
    double routeBound(double linearMeters, double sigma) {
        return detourFactor * linearMeters + 4 * sigma + 100;
    }
}
