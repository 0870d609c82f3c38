package org.gridpatrol.web.imports;

import org.gridpatrol.data.imports.Imports;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import javax.sql.DataSource;

/**
 * The importer bean. Lazy: it is made at the first import, not at start-up, so a start that never
 * imports does not pay for (or depend on) the importer's set-up.
 */
@Configuration(proxyBeanMethods = false)
public class ImportConfiguration {

    @Bean
    @Lazy
    Imports imports(DataSource dataSource) {
        return Imports.inPostgis(dataSource);
    }
}
