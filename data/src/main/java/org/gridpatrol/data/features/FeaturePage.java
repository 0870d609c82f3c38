package org.gridpatrol.data.features;

/**
 * A page of features: how many match the query in all, how many are on this page, and the page
 * itself as a JSON array of GeoJSON features (RFC 7946, longitude first, 6 decimals).
 */
public record FeaturePage(long numberMatched, int numberReturned, String features) {

    public FeaturePage {
        if (numberMatched < 0 || numberReturned < 0 || numberReturned > numberMatched) {
            throw new IllegalArgumentException("a page of " + numberReturned + " features out of " + numberMatched + " is impossible");
        }
        if (features == null || !features.startsWith("[")) {
            throw new IllegalArgumentException("features must be a JSON array");
        }
    }
}
