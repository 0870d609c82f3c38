package org.gridpatrol.web.tiles;

import org.gridpatrol.data.tiles.TileQueries;
import org.gridpatrol.data.tiles.TileVersions;
import org.gridpatrol.tiles.layer.TileLayers;
import org.gridpatrol.tiles.zoom.GridBalance;
import org.gridpatrol.web.config.GridpatrolProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.Set;

/** Wires the tile queries, versions, cache and service. */
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
}
