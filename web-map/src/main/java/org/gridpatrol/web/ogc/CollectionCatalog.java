package org.gridpatrol.web.ogc;

import org.gridpatrol.data.features.FeatureLayer;

/**
 * Titles and descriptions of the collections, bilingual as the page is. The descriptions say what a
 * feature is and, for the register layers, that they are counts per grid: no single household or
 * rental and no personal field is served here.
 */
final class CollectionCatalog {

    private CollectionCatalog() {
    }

    static String title(FeatureLayer layer) {
        return switch (layer) {
            case JURISDICTIONS -> "辖区 Jurisdictions";
            case GRIDS -> "网格 Grids";
            case BLOCKS -> "地块 Blocks";
            case KEYPLACES -> "重点场所 Key places";
            case HOUSEHOLDS -> "户籍（按网格计数）Households per grid";
            case RENTALS -> "出租房（按网格计数）Rentals per grid";
        };
    }

    static String description(FeatureLayer layer) {
        return switch (layer) {
            case JURISDICTIONS -> "The jurisdiction tree: county, townships, villages (code, name, level, parentId).";
            case GRIDS -> "Published grids with household and rental counts. Without datetime the grids in force now; "
                    + "with datetime every version in force at that instant or during that interval (validFrom, validTo, "
                    + "version; a grid changed inside an interval appears once per version, with the grid's id).";
            case BLOCKS -> "The blocks grids are made of, with their grid and register counts.";
            case KEYPLACES -> "Key places (schools, hospitals, markets …) with their kind and grid.";
            case HOUSEHOLDS -> "Households counted per current grid (households, residents, floating residents), "
                    + "one point per grid on the grid's surface; no single household, no personal field.";
            case RENTALS -> "Rental properties counted per current grid (rentals, tenants, floating residents), "
                    + "one point per grid on the grid's surface; no single rental, no personal field.";
        };
    }
}
