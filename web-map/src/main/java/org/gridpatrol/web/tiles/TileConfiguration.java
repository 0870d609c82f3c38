package org.gridpatrol.web.tiles;

import org.gridpatrol.data.tiles.TileQueries;
import org.gridpatrol.data.tiles.TileVersions;
import org.gridpatrol.tiles.layer.TileLayers;
import org.gridpatrol.tiles.zoom.GridBalance;
import org.gridpatrol.web.config.GridpatrolProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.Set;

/** Wires the tile queries, versions, cache and service, and the tiles' fast path. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TileProperties.class)
public class TileConfiguration {

    @Bean
    TileQueries tileQueries(DataSource dataSource, TileProperties properties) {
        return new TileQueries(dataSource, new GridBalance(properties.gridMinHouseholds(), properties.gridMaxHouseholds()));
    }

    @Bean
    TileVersions tileVersions(DataSource dataSource) {
        return new TileVersions(dataSource);
    }

    @Bean
    TileCache tileCache(TileProperties properties, GridpatrolProperties gridpatrol) {
        return new TileCache(properties.cacheMegabytes() * 1024L * 1024L,
                properties.diskCache() ? gridpatrol.dataDirPath().resolve("tiles") : null, Set.of(TileLayers.BASEMAP));
    }

    @Bean
    TileService tileService(TileQueries queries, TileVersions versions, TileCache cache) {
        return new TileService(queries, versions, cache);
    }

    @Bean
    TileFilter tileFilter(TileService service) {
        return new TileFilter(service);
    }

    /** Right behind the Spring Security filter (which authenticates the request), ahead of Spring MVC. */
    @Bean
    FilterRegistrationBean<TileFilter> tileFilterRegistration(TileFilter filter, SecurityFilterProperties security) {
        FilterRegistrationBean<TileFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/tiles/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(security.getOrder() + 1);
        return registration;
    }
}
