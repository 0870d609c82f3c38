package org.gridpatrol.web.ogc;

import org.gridpatrol.data.features.FeatureLayer;
import org.gridpatrol.data.features.FeaturePage;
import org.gridpatrol.web.http.GeoJson;
import org.gridpatrol.web.ogc.OgcDocuments.Link;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The links of an items page: {@code self}, {@code alternate} (the other JSON media type),
 * {@code collection}, and {@code prev} / {@code next} by offset. Each keeps the request's own query
 * (bbox, datetime, f) and states {@code limit} and {@code offset}; {@code next} is there only while
 * matches remain after this page, so a client that follows it stops after the last feature.
 */
final class ItemsLinks {

    private ItemsLinks() {
    }

    static List<Link> of(String base, FeatureLayer layer, ItemsRequest request, FeaturePage page, MediaType type) {
        int limit = request.query().limit();
        long offset = request.query().offset();
        List<Link> links = new ArrayList<>();
        links.add(new Link(at(offset, limit, null), "self", type.toString(), "this page"));
        boolean geo = type.equals(GeoJson.TYPE);
        links.add(new Link(at(offset, limit, geo ? "json" : "geojson"), "alternate",
                geo ? MediaType.APPLICATION_JSON_VALUE : GeoJson.MEDIA_TYPE, "this page as " + (geo ? "JSON" : "GeoJSON")));
        links.add(new Link(base + "/collections/" + layer.id(), "collection", MediaType.APPLICATION_JSON_VALUE,
                CollectionCatalog.title(layer)));
        if (offset > 0) {
            links.add(new Link(at(Math.max(0, offset - limit), limit, null), "prev", type.toString(), "the previous page"));
        }
        if (offset + page.numberReturned() < page.numberMatched()) {
            links.add(new Link(at(offset + page.numberReturned(), limit, null), "next", type.toString(), "the next page"));
        }
        return links;
    }

    /** The request's URL with this offset and limit (and format, when given); the rest of its query as sent. */
    private static String at(long offset, int limit, String format) {
        UriComponentsBuilder uri = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("limit", limit).replaceQueryParam("offset", offset);
        if (format != null) {
            uri.replaceQueryParam("f", format);
        }
        return uri.build(true).toUriString();
    }
}
