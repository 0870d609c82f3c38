package org.gridpatrol.web.api;

import org.springframework.http.MediaType;

/** The GeoJSON media type of RFC 7946. */
final class GeoJson {

    static final String MEDIA_TYPE = "application/geo+json";
    static final MediaType TYPE = MediaType.parseMediaType(MEDIA_TYPE);

    private GeoJson() {
    }
}
