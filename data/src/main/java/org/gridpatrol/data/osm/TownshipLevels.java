package org.gridpatrol.data.osm;

import java.util.Locale;
import java.util.Map;

/**
 * Which OSM {@code admin_level} plays the township (乡镇/街道) role in each country. OSM levels are
 * national conventions: Andorra's parishes are level 7, French communes and Spanish municipios
 * level 8, Chinese townships level 8 (counties are 6). Countries are the county-level roots of
 * the sample; a Chinese import would use its counties instead (a later import option).
 */
public record TownshipLevels(Map<String, Integer> byCountry, int otherwise) {

    public static final TownshipLevels DEFAULT = new TownshipLevels(Map.of("AD", 7, "CN", 8), 8);

    public TownshipLevels {
        byCountry = Map.copyOf(byCountry);
    }

    public int levelFor(String countryCode) {
        return byCountry.getOrDefault(countryCode.toUpperCase(Locale.ROOT), otherwise);
    }
}
