package org.gridpatrol.web.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.gridpatrol.data.audit.AuditTrail;
import org.gridpatrol.data.basemap.Basemap;
import org.gridpatrol.data.block.Blocks;
import org.gridpatrol.data.grid.GridTeams;
import org.gridpatrol.data.grid.Grids;
import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.data.plan.PlanDiffs;
import org.gridpatrol.data.export.Exports;
import org.gridpatrol.data.plan.PlanExports;
import org.gridpatrol.data.plan.PlanPublications;
import org.gridpatrol.data.plan.Plans;
import org.gridpatrol.data.postgis.SchemaMigrator;
import org.gridpatrol.data.register.Registers;
import org.gridpatrol.data.sample.AreaLoader;
import org.gridpatrol.data.sample.AreaSource;
import org.gridpatrol.data.sample.SampleDataLoader;
import org.gridpatrol.data.sample.SampleSize;
import org.gridpatrol.data.user.UserAccounts;
import org.gridpatrol.web.config.GridpatrolProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/**
 * The database wiring. The data source handed to the rest of the application is ready for use:
 * migrated and holding the area started on ({@code --osm FILE}, {@link AreaLoader}) or, in demo mode
 * without one, the bundled sample. Uses {@code spring.datasource.url} (with
 * {@code spring.datasource.username/password}) when set, else the local cluster of the data folder.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaProperties.class)
public class DatabaseConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(Environment environment, GridpatrolProperties properties) {
        return DatabaseServer.open(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username", System.getenv("GRIDPATROL_DB_USER")),
                environment.getProperty("spring.datasource.password", System.getenv("GRIDPATROL_DB_PASSWORD")),
                properties.dataDirPath());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseServer server, GridpatrolProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.target().jdbcUrl());
        config.setUsername(server.target().user());
        config.setPassword(server.target().password());
        config.setMaximumPoolSize(10);
        config.setPoolName("gridpatrol");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            int migrations = SchemaMigrator.migrate(dataSource);
            LOG.info("Database {} ready ({} migrations applied)", server.target(), migrations);
            GridpatrolProperties.Area area = properties.area();
            if (area.enabled()) {
                GridpatrolProperties.Sample sample = properties.sample();
                new AreaLoader(server.target()).load(new AreaSource(properties.osmFilePath(), area.boundariesPath(),
                        area.columnMap(), area.syntheticHouseholds(), sample.householdsPerGrid(), sample.seed()));
            } else if (properties.demo().enabled()) {
                GridpatrolProperties.Sample sample = properties.sample();
                new SampleDataLoader(server.target(), new SampleSize(sample.households(), sample.rentals(),
                        sample.householdsPerGrid(), sample.seed())).loadIfEmpty(properties.osmFilePath());
            }
        } catch (RuntimeException e) {
            dataSource.close(); // its housekeeper thread would outlive the failed start
            throw e;
        }
        return dataSource;
    }

    /** The optional read replica (ADR 0038); without {@code gridpatrol.datasource.replica.url}, none. */
    @Bean(destroyMethod = "close")
    ReadReplica readReplica(ReplicaProperties replica, DatabaseServer server) {
        if (!replica.configured()) {
            return ReadReplica.none();
        }
        LOG.info("Read replica {}: tiles are read there when it has the version asked for", replica.url());
        return ReadReplica.of(replica, server.target());
    }

    @Bean
    Jurisdictions jurisdictions(DataSource dataSource) {
        return Jurisdictions.inPostgis(dataSource);
    }

    @Bean
    Grids grids(DataSource dataSource) {
        return Grids.inPostgis(dataSource);
    }

    @Bean
    Basemap basemap(DataSource dataSource) {
        return Basemap.inPostgis(dataSource);
    }

    @Bean
    Blocks blocks(DataSource dataSource) {
        return Blocks.inPostgis(dataSource);
    }

    @Bean
    Plans plans(DataSource dataSource) {
        return Plans.inPostgis(dataSource);
    }

    @Bean
    PlanDiffs planDiffs(DataSource dataSource) {
        return PlanDiffs.inPostgis(dataSource);
    }

    @Bean
    PlanPublications planPublications(DataSource dataSource) {
        return PlanPublications.inPostgis(dataSource);
    }

    @Bean
    PlanExports planExports(DataSource dataSource) {
        return PlanExports.inPostgis(dataSource);
    }

    @Bean
    Exports exports(DataSource dataSource) {
        return Exports.inPostgis(dataSource);
    }

    @Bean
    AuditTrail auditTrail(DataSource dataSource) {
        return AuditTrail.inPostgis(dataSource);
    }

    @Bean
    GridTeams gridTeams(DataSource dataSource) {
        return GridTeams.inPostgis(dataSource);
    }

    @Bean
    Registers registers(DataSource dataSource) {
        return Registers.inPostgis(dataSource);
    }

    @Bean
    org.gridpatrol.data.share.Shares shares(DataSource dataSource) {
        return org.gridpatrol.data.share.Shares.inPostgis(dataSource);
    }

    @Bean
    UserAccounts userAccounts(DataSource dataSource) {
        return UserAccounts.inPostgis(dataSource);
    }

    @Bean
    org.gridpatrol.data.user.ApiTokens apiTokens(DataSource dataSource) {
        return org.gridpatrol.data.user.ApiTokens.inPostgis(dataSource);
    }

    @Bean
    org.gridpatrol.data.user.LoginFailures loginFailures(DataSource dataSource) {
        return org.gridpatrol.data.user.LoginFailures.inPostgis(dataSource);
    }
}
