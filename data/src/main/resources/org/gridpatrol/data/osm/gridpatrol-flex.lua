-- osm2pgsql flex style for gridpatrol (osm2pgsql >= 1.7).
-- Writes into the staging schema given by GRIDPATROL_STAGE_SCHEMA; OsmImporter then copies the
-- rows into the Flyway-managed tables in one transaction, so a failed import changes nothing.
local schema = os.getenv('GRIDPATROL_STAGE_SCHEMA') or 'osm_stage'

local tables = {}

tables.roads = osm2pgsql.define_way_table('roads', {
    { column = 'highway', type = 'text', not_null = true },
    { column = 'name', type = 'text' },
    { column = 'name_zh', type = 'text' },
    { column = 'oneway', type = 'text' },
    { column = 'geom', type = 'linestring', projection = 4326, not_null = true },
}, { schema = schema })

tables.railways = osm2pgsql.define_way_table('railways', {
    { column = 'railway', type = 'text', not_null = true },
    { column = 'name', type = 'text' },
    { column = 'geom', type = 'linestring', projection = 4326, not_null = true },
}, { schema = schema })

tables.waterways = osm2pgsql.define_way_table('waterways', {
    { column = 'waterway', type = 'text', not_null = true },
    { column = 'name', type = 'text' },
    { column = 'geom', type = 'linestring', projection = 4326, not_null = true },
}, { schema = schema })

tables.areas = osm2pgsql.define_area_table('areas', {
    { column = 'kind', type = 'text', not_null = true },   -- building | water | landuse
    { column = 'subtype', type = 'text' },
    { column = 'name', type = 'text' },
    { column = 'levels', type = 'text' },
    { column = 'geom', type = 'multipolygon', projection = 4326, not_null = true },
}, { schema = schema })

tables.boundaries = osm2pgsql.define_relation_table('boundaries', {
    { column = 'admin_level', type = 'int', not_null = true },
    { column = 'name', type = 'text' },
    { column = 'name_zh', type = 'text' },
    { column = 'country_code', type = 'text' },
    { column = 'ref', type = 'text' },
    { column = 'geom', type = 'multipolygon', projection = 4326 },
    -- the member ways present in the extract, to repair a boundary whose relation is incomplete
    { column = 'lines', type = 'multilinestring', projection = 4326 },
}, { schema = schema })

tables.pois = osm2pgsql.define_table({
    name = 'pois',
    schema = schema,
    ids = { type = 'any', id_column = 'osm_id', type_column = 'osm_type' },
    columns = {
        { column = 'kind', type = 'text', not_null = true },   -- amenity | shop | place
        { column = 'subtype', type = 'text', not_null = true },
        { column = 'name', type = 'text' },
        { column = 'name_zh', type = 'text' },
        { column = 'geom', type = 'point', projection = 4326, not_null = true },
    }
})

local function first_present(tags, keys)
    for _, k in ipairs(keys) do
        if tags[k] and tags[k] ~= '' then
            return tags[k]
        end
    end
    return nil
end

local function country_code(tags)
    local code = first_present(tags, { 'ISO3166-1', 'ISO3166-1:alpha2', 'addr:country_code',
        'is_in:country_code', 'addr:country', 'country_code' })
    if code then
        return string.upper(code)
    end
    if tags['ref:INSEE'] then return 'FR' end
    if tags['ine:municipio'] then return 'ES' end
    return nil
end

local function poi_kind(tags)
    if tags.amenity then return 'amenity', tags.amenity end
    if tags.shop then return 'shop', tags.shop end
    if tags.place then return 'place', tags.place end
    return nil, nil
end

function osm2pgsql.process_node(object)
    local kind, subtype = poi_kind(object.tags)
    if kind then
        tables.pois:insert({ kind = kind, subtype = subtype, name = object.tags.name,
            name_zh = object.tags['name:zh'], geom = object:as_point() })
    end
end

local function area_kind(tags)
    if tags.building and tags.building ~= 'no' then return 'building', tags.building end
    if tags.natural == 'water' or tags.landuse == 'reservoir' or tags.waterway == 'riverbank' then
        return 'water', tags.water or tags.natural or tags.landuse
    end
    if tags.landuse then return 'landuse', tags.landuse end
    return nil, nil
end

function osm2pgsql.process_way(object)
    local tags = object.tags
    if tags.highway and tags.area ~= 'yes' then
        tables.roads:insert({ highway = tags.highway, name = tags.name, name_zh = tags['name:zh'],
            oneway = tags.oneway, geom = object:as_linestring() })
    end
    if tags.railway then
        tables.railways:insert({ railway = tags.railway, name = tags.name, geom = object:as_linestring() })
    end
    if tags.waterway and tags.waterway ~= 'riverbank' then
        tables.waterways:insert({ waterway = tags.waterway, name = tags.name, geom = object:as_linestring() })
    end
    if object.is_closed then
        local kind, subtype = area_kind(tags)
        if kind then
            tables.areas:insert({ kind = kind, subtype = subtype, name = tags.name,
                levels = tags['building:levels'], geom = object:as_polygon() })
        end
        local pkind, psubtype = poi_kind(tags)
        if pkind then
            tables.pois:insert({ kind = pkind, subtype = psubtype, name = tags.name,
                name_zh = tags['name:zh'], geom = object:as_polygon():centroid() })
        end
    end
end

function osm2pgsql.process_relation(object)
    local tags = object.tags
    if tags.type == 'boundary' and tags.boundary == 'administrative' then
        local level = tonumber(tags.admin_level)
        if level then
            tables.boundaries:insert({ admin_level = level, name = tags.name,
                name_zh = tags['name:zh'], country_code = country_code(tags),
                ref = first_present(tags, { 'ref', 'ref:INSEE', 'ine:municipio' }),
                geom = object:as_multipolygon(), lines = object:as_multilinestring() })
        end
        return
    end
    if tags.type == 'multipolygon' then
        local kind, subtype = area_kind(tags)
        if kind then
            tables.areas:insert({ kind = kind, subtype = subtype, name = tags.name,
                levels = tags['building:levels'], geom = object:as_multipolygon() })
        end
    end
end
