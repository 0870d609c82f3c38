package org.gridpatrol.web.session;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.EnumSet;

/**
 * Sessions in PostgreSQL ({@code spring_session}, V15) when {@link SessionStore} says so: Spring
 * Session's filter replaces the container's session before Spring Security reads it, so every
 * instance on the database sees the same logins. The cookie keeps the container's name
 * ({@code JSESSIONID}), {@code HttpOnly} and {@code SameSite=Lax}; the timeout is
 * {@code server.servlet.session.timeout} (30 minutes). Expired rows are deleted every minute by each
 * instance (one indexed {@code DELETE}; doing it twice is harmless).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SessionStore.class)
public class DatabaseSessionConfiguration {

    @Bean
    JdbcIndexedSessionRepository jdbcSessionRepository(DataSource dataSource, Environment environment) {
        JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        repository.setConversionService(TolerantAttributeConversion.create(DatabaseSessionConfiguration.class.getClassLoader()));
        repository.setDefaultMaxInactiveInterval(
                environment.getProperty("server.servlet.session.timeout", Duration.class, Duration.ofMinutes(30)));
        return repository;
    }

    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<TouchLimitedSession>> sessionRepositoryFilter(
            JdbcIndexedSessionRepository repository) {
        SessionRepositoryFilter<TouchLimitedSession> filter =
                new SessionRepositoryFilter<>(new TouchLimitedSessionRepository<>(repository));
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("JSESSIONID");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
        resolver.setCookieSerializer(cookie);
        filter.setHttpSessionIdResolver(resolver);
        FilterRegistrationBean<SessionRepositoryFilter<TouchLimitedSession>> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER); // before Spring Security's filter
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
        return registration;
    }
}
