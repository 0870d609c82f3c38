package org.gridpatrol.web.http;

import org.springframework.http.MediaType;

/** The GeoJSON media type of RFC 7946. */
public final class GeoJson {

    public static final String MEDIA_TYPE = "application/geo+json";
    public static final MediaType TYPE = MediaType.parseMediaType(MEDIA_TYPE);

    private GeoJson() {
    }
}
