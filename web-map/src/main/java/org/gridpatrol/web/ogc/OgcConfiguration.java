package org.gridpatrol.web.ogc;

import org.gridpatrol.data.features.Features;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** Wires the feature pages of the data module for {@link OgcController}. */
@Configuration(proxyBeanMethods = false)
public class OgcConfiguration {

    @Bean
    Features features(DataSource dataSource) {
        return Features.inPostgis(dataSource);
    }
}
