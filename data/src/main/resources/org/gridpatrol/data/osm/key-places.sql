-- Key places (重点场所) patrols must check, from the staged OSM amenities and shops. Runs after the
-- jurisdictions are derived; places imported earlier from OSM are replaced, others are kept.
DELETE FROM key_place WHERE osm_id IS NOT NULL;

INSERT INTO key_place (jurisdiction_id, county_code, kind, name, osm_id, geom)
SELECT j.id, j.county_code, p.subtype, p.name, p.osm_id, p.geom
FROM osm_stage.pois p
LEFT JOIN LATERAL (SELECT id, county_code FROM jurisdiction
                   WHERE level = 'township' AND ST_Covers(geom, p.geom)
                   ORDER BY id LIMIT 1) j ON true
WHERE (p.kind = 'amenity' AND p.subtype IN ('school', 'kindergarten', 'college', 'university', 'fuel',
                                            'marketplace', 'hospital', 'clinic', 'pharmacy', 'bank',
                                            'police', 'place_of_worship', 'bus_station', 'townhall',
                                            'nightclub', 'cinema', 'community_centre', 'fire_station'))
   OR (p.kind = 'shop' AND p.subtype IN ('supermarket', 'mall', 'department_store'));
