package org.gridpatrol.web.ogc;

import jakarta.servlet.http.HttpServletRequest;
import org.gridpatrol.data.features.FeatureLayer;
import org.gridpatrol.data.features.FeaturePage;
import org.gridpatrol.data.features.Features;
import org.gridpatrol.data.features.LayerExtent;
import org.gridpatrol.web.http.GeoJson;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.ogc.OgcDocuments.Collection;
import org.gridpatrol.web.ogc.OgcDocuments.Link;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OGC API – Features Part 1 Core at {@code /ogc} (ADR 0029). Every logged-in user reads every
 * collection: they hold aggregates only, as {@code /api/grids} and {@code /api/blocks} do. Links are
 * absolute, built from the request's own URL. Parameters other than those of {@link ItemsRequest} are
 * refused on items and ignored on the other resources (GDAL repeats a dataset URL's query on every
 * request). HTML is not served: JSON, GeoJSON and the OpenAPI 3 document only.
 */
@RestController
public class OgcController {

    static final String OPENAPI_TYPE = "application/vnd.oai.openapi+json;version=3.0";

    private final Features features;
    private final OgcOpenApi openApi;

    public OgcController(Features features, OgcOpenApi openApi) {
        this.features = features;
        this.openApi = openApi;
    }

    /** The landing page also under {@code /ogc/}, as users type it; documented once. */
    @io.swagger.v3.oas.annotations.Hidden
    @GetMapping(value = "/ogc/", produces = MediaType.APPLICATION_JSON_VALUE)
    public OgcDocuments.LandingPage landingPageWithSlash() {
        return landingPage();
    }

    @GetMapping(value = "/ogc", produces = MediaType.APPLICATION_JSON_VALUE)
    public OgcDocuments.LandingPage landingPage() {
        String base = base();
        return new OgcDocuments.LandingPage("gridpatrol OGC API – Features",
                "Jurisdictions, grids (with their effective dates), blocks, key places, and households and rentals counted "
                        + "per grid, as GeoJSON in WGS84 (CRS84). Log in with HTTP Basic.",
                List.of(new Link(base, "self", MediaType.APPLICATION_JSON_VALUE, "this document"),
                        new Link(base + "/api", "service-desc", OPENAPI_TYPE, "the API definition (OpenAPI 3.0)"),
                        new Link(base + "/conformance", "conformance", MediaType.APPLICATION_JSON_VALUE, "conformance classes"),
                        new Link(base + "/collections", "data", MediaType.APPLICATION_JSON_VALUE, "the collections")));
    }

    @GetMapping(value = "/ogc/conformance", produces = MediaType.APPLICATION_JSON_VALUE)
    public OgcDocuments.Conformance conformance() {
        return new OgcDocuments.Conformance(OgcDocuments.CONFORMANCE);
    }

    @GetMapping(value = "/ogc/api", produces = {OPENAPI_TYPE, MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<String> api() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(OPENAPI_TYPE)).body(openApi.document(base()));
    }

    @GetMapping(value = "/ogc/collections", produces = MediaType.APPLICATION_JSON_VALUE)
    public OgcDocuments.Collections collections() {
        String base = base();
        return new OgcDocuments.Collections(
                List.of(new Link(base + "/collections", "self", MediaType.APPLICATION_JSON_VALUE, "the collections")),
                Arrays.stream(FeatureLayer.values()).map(l -> collection(base, l)).toList());
    }

    @GetMapping(value = "/ogc/collections/{collectionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Collection collection(@PathVariable("collectionId") String collectionId) {
        return collection(base(), layer(collectionId));
    }

    @GetMapping(value = "/ogc/collections/{collectionId}/items", produces = {GeoJson.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<String> items(@PathVariable("collectionId") String collectionId, HttpServletRequest request) {
        FeatureLayer layer = layer(collectionId);
        ItemsRequest items = ItemsRequest.of(request.getParameterMap());
        MediaType type = ItemsMediaType.choose(items.format(), request.getHeader(HttpHeaders.ACCEPT));
        FeaturePage page = features.page(layer, items.query());
        String body = "{\"type\":\"FeatureCollection\",\"numberMatched\":" + page.numberMatched()
                + ",\"numberReturned\":" + page.numberReturned()
                + ",\"timeStamp\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\""
                + ",\"links\":" + JsonMapper.shared().writeValueAsString(ItemsLinks.of(base(), layer, items, page, type))
                + ",\"features\":" + page.features() + "}";
        return ResponseEntity.ok().contentType(type).body(body);
    }

    @GetMapping(value = "/ogc/collections/{collectionId}/items/{featureId}",
            produces = {GeoJson.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<String> item(@PathVariable("collectionId") String collectionId,
                                       @PathVariable("featureId") String featureId, HttpServletRequest request) {
        FeatureLayer layer = layer(collectionId);
        String feature = id(featureId).flatMap(id -> features.feature(layer, id))
                .orElseThrow(() -> new NotFoundException("collection " + layer.id() + " has no feature " + featureId));
        String f = request.getParameter("f");
        MediaType type = ItemsMediaType.choose("json".equals(f) || "geojson".equals(f) ? f : null, request.getHeader(HttpHeaders.ACCEPT));
        String items = base() + "/collections/" + layer.id() + "/items";
        List<Link> links = List.of(new Link(items + "/" + featureId, "self", type.toString(), "this feature"),
                new Link(base() + "/collections/" + layer.id(), "collection", MediaType.APPLICATION_JSON_VALUE, CollectionCatalog.title(layer)));
        // the database wrote the feature; its links go in before the closing brace
        String body = feature.substring(0, feature.lastIndexOf('}')) + ",\"links\":" + JsonMapper.shared().writeValueAsString(links) + "}";
        return ResponseEntity.ok().contentType(type).body(body);
    }

    private Collection collection(String base, FeatureLayer layer) {
        LayerExtent extent = features.extent(layer);
        OgcDocuments.Spatial spatial = extent.box() == null ? null : new OgcDocuments.Spatial(
                List.of(List.of(extent.box().west(), extent.box().south(), extent.box().east(), extent.box().north())), OgcDocuments.CRS84);
        OgcDocuments.Temporal temporal = null;
        if (layer.temporal()) {
            List<String> interval = new ArrayList<>();
            interval.add(extent.since() == null ? null : extent.since().toInstant().toString());
            interval.add(null);
            temporal = new OgcDocuments.Temporal(List.of(interval), OgcDocuments.GREGORIAN);
        }
        String self = base + "/collections/" + layer.id();
        return new Collection(layer.id(), CollectionCatalog.title(layer), CollectionCatalog.description(layer),
                List.of(new Link(self, "self", MediaType.APPLICATION_JSON_VALUE, "this collection"),
                        new Link(self + "/items", "items", GeoJson.MEDIA_TYPE, "its features as GeoJSON"),
                        new Link(self + "/items?f=json", "items", MediaType.APPLICATION_JSON_VALUE, "its features as JSON")),
                spatial == null && temporal == null ? null : new OgcDocuments.Extent(spatial, temporal),
                "feature", List.of(OgcDocuments.CRS84));
    }

    private static FeatureLayer layer(String collectionId) {
        return FeatureLayer.byId(collectionId).orElseThrow(() -> new NotFoundException("no collection " + collectionId
                + "; the collections are " + Arrays.stream(FeatureLayer.values()).map(FeatureLayer::id).toList()));
    }

    private static java.util.Optional<Long> id(String featureId) {
        try {
            return java.util.Optional.of(Long.parseLong(featureId));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").build().toUriString();
    }
}
