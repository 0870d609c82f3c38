package org.gridpatrol.web.ogc;

import org.gridpatrol.web.http.GeoJson;
import org.springframework.http.MediaType;

import java.util.List;

/**
 * Which of the two feature media types an answer gets: {@code application/geo+json} unless the
 * client asks for {@code application/json} ({@code f=json}, or an Accept header that prefers it to
 * GeoJSON). The body is the same GeoJSON either way.
 */
final class ItemsMediaType {

    private ItemsMediaType() {
    }

    static MediaType choose(String format, String accept) {
        if (format != null) {
            return format.equals("json") ? MediaType.APPLICATION_JSON : GeoJson.TYPE;
        }
        if (accept == null || accept.isBlank()) {
            return GeoJson.TYPE;
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return GeoJson.TYPE;
        }
        wanted = new java.util.ArrayList<>(wanted);
        wanted.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed()); // stable: ties keep their order
        for (MediaType type : wanted) {
            if (type.isCompatibleWith(GeoJson.TYPE) && !type.isWildcardType() && !type.isWildcardSubtype()) {
                return GeoJson.TYPE;
            }
            if (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
                return MediaType.APPLICATION_JSON;
            }
        }
        return GeoJson.TYPE;
    }
}
