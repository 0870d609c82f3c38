package org.gridpatrol.tiles.zoom;

/**
 * The target size of a grid in households (e.g. 200–400): a grid below it is {@code under}, above it
 * {@code over}, else {@code within}, the grids layer's {@code balance} attribute.
 */
public record GridBalance(int minHouseholds, int maxHouseholds) {

    public static final GridBalance DEFAULT = new GridBalance(200, 400);

    public GridBalance {
        if (minHouseholds < 0 || maxHouseholds < minHouseholds) {
            throw new IllegalArgumentException("grid target " + minHouseholds + ".." + maxHouseholds
                    + " is not a range of non-negative household counts");
        }
    }

    public String classify(int households) {
        return households < minHouseholds ? "under" : households > maxHouseholds ? "over" : "within";
    }
}
