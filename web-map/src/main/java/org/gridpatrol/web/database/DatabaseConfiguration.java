package org.gridpatrol.web.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.gridpatrol.data.audit.AuditQueries;
import org.gridpatrol.data.basemap.BasemapQueries;
import org.gridpatrol.data.block.BlockQueries;
import org.gridpatrol.data.block.TopologyQuery;
import org.gridpatrol.data.grid.GridQueries;
import org.gridpatrol.data.grid.GridTeamStore;
import org.gridpatrol.data.jurisdiction.JurisdictionQueries;
import org.gridpatrol.data.plan.PlanDiffQuery;
import org.gridpatrol.data.plan.PlanExport;
import org.gridpatrol.data.plan.PlanPublisher;
import org.gridpatrol.data.plan.PlanService;
import org.gridpatrol.data.plan.PlanStore;
import org.gridpatrol.data.postgis.SchemaMigrator;
import org.gridpatrol.data.register.RegisterStore;
import org.gridpatrol.data.sample.SampleDataLoader;
import org.gridpatrol.data.sample.SampleSize;
import org.gridpatrol.data.user.UserAccounts;
import org.gridpatrol.web.config.GridpatrolProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/**
 * The database wiring. The data source handed to the rest of the application is ready for use:
 * migrated and, in demo mode, holding the sample. Uses {@code spring.datasource.url} (with
 * {@code spring.datasource.username/password}) when set, else the local cluster of the data folder.
 */
@Configuration(proxyBeanMethods = false)
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
        int migrations = SchemaMigrator.migrate(dataSource);
        LOG.info("Database {} ready ({} migrations applied)", server.target(), migrations);
        if (properties.demo().enabled()) {
            GridpatrolProperties.Sample sample = properties.sample();
            new SampleDataLoader(server.target(), new SampleSize(sample.households(), sample.rentals(),
                    sample.householdsPerGrid(), sample.seed())).loadIfEmpty(properties.osmFilePath());
        }
        return dataSource;
    }

    @Bean
    JurisdictionQueries jurisdictionQueries(DataSource dataSource) {
        return new JurisdictionQueries(dataSource);
    }

    @Bean
    GridQueries gridQueries(DataSource dataSource) {
        return new GridQueries(dataSource);
    }

    @Bean
    BasemapQueries basemapQueries(DataSource dataSource) {
        return new BasemapQueries(dataSource);
    }

    @Bean
    BlockQueries blockQueries(DataSource dataSource) {
        return new BlockQueries(dataSource);
    }

    @Bean
    TopologyQuery topologyQuery(DataSource dataSource) {
        return new TopologyQuery(dataSource);
    }

    @Bean
    PlanStore planStore(DataSource dataSource) {
        return new PlanStore(dataSource);
    }

    @Bean
    PlanService planService(PlanStore store) {
        return new PlanService(store);
    }

    @Bean
    PlanDiffQuery planDiffQuery(DataSource dataSource) {
        return new PlanDiffQuery(dataSource);
    }

    @Bean
    PlanPublisher planPublisher(PlanStore store) {
        return new PlanPublisher(store);
    }

    @Bean
    PlanExport planExport(DataSource dataSource) {
        return new PlanExport(dataSource);
    }

    @Bean
    AuditQueries auditQueries(DataSource dataSource) {
        return new AuditQueries(dataSource);
    }

    @Bean
    GridTeamStore gridTeamStore(DataSource dataSource) {
        return new GridTeamStore(dataSource);
    }

    @Bean
    RegisterStore registerStore(DataSource dataSource) {
        return new RegisterStore(dataSource);
    }

    @Bean
    org.gridpatrol.data.share.ShareStore shareStore(DataSource dataSource) {
        return new org.gridpatrol.data.share.ShareStore(dataSource);
    }

    @Bean
    UserAccounts userAccounts(DataSource dataSource) {
        return new UserAccounts(dataSource);
    }
}
