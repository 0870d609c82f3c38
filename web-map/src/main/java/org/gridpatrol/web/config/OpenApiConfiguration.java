package org.gridpatrol.web.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs} (springdoc), with HTTP Basic as its security. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI gridpatrolOpenApi() {
        return new OpenAPI()
                .info(new Info().title("gridpatrol API").version("0.1")
                        .description("Community grids and patrol planning. GeoJSON (RFC 7946, longitude first) in and out; "
                                + "errors as application/problem+json (RFC 9457). Changes name the version they were made on "
                                + "(409 when stale); refused plan operations answer 422 with the field at fault.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
