package org.gridpatrol.web.ogc;

import org.gridpatrol.data.features.FeatureLayer;
import org.gridpatrol.data.features.FeatureQuery;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The OpenAPI 3.0 definition of {@code /ogc} (the landing page's {@code service-desc}), written by hand
 * in {@code ogc/openapi.json} so that it states the OGC parameters exactly (bbox, datetime, limit with
 * its maximum, offset); the server URL, the collection ids and the limits are filled in here. It is
 * separate from springdoc's {@code /v3/api-docs}, which documents {@code /api} and lists these
 * endpoints too (for the authorization matrix).
 */
@Component
public class OgcOpenApi {

    private final String template;

    public OgcOpenApi() {
        try (InputStream in = OgcOpenApi.class.getResourceAsStream("/ogc/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("ogc/openapi.json is missing from the class path");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${collections}", JsonMapper.shared().writeValueAsString(
                            Arrays.stream(FeatureLayer.values()).map(FeatureLayer::id).toList()))
                    .replace("${maxLimit}", String.valueOf(FeatureQuery.MAX_LIMIT))
                    .replace("${defaultLimit}", String.valueOf(ItemsRequest.DEFAULT_LIMIT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonMapper.shared().readTree(template.replace("${base}", "http://localhost/ogc")); // fails at start if it is not JSON
    }

    /** The definition with {@code base} (the URL of the landing page) as its server. */
    String document(String base) {
        return template.replace("${base}", base.replace("\"", "%22"));
    }
}
