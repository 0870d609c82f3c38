package org.gridpatrol.web.security;

import org.gridpatrol.data.user.ApiTokens;
import org.gridpatrol.data.user.LoginFailures;
import org.gridpatrol.web.config.GridpatrolProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Clock;
import java.time.Duration;

/**
 * Every API, tile and OGC API – Features path ({@code /ogc}) needs a login and answers 401 (problem+json) without one; pages
 * redirect to the bilingual login page. Health is public (status only; components and details for admins).
 * State-changing API calls from the page carry the {@code XSRF-TOKEN} cookie back as the
 * {@code X-XSRF-TOKEN} header; Basic-authenticated clients are not browsers and are exempt.
 * Scripts and GIS clients may send a personal API token instead ({@code Authorization: Bearer gpt_…},
 * {@link ApiTokenAuthenticationFilter}), also exempt from the CSRF check.
 * Failed logins are throttled ({@link LoginThrottleFilter}); sessions expire after
 * {@code server.servlet.session.timeout} (30 minutes unless configured). Shared maps
 * ({@code /share/{token}}, {@code /api/shared/**}) need no login: the share token is checked there.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * The pages' Content-Security-Policy (ADR 0035): scripts, styles, tiles and API calls from this
     * server only, no inline script. Style attributes stay allowed ({@code style-src-attr}): Leaflet and
     * the legends colour their swatches with them; images also from {@code data:} (Leaflet's CSS icons)
     * and {@code blob:} (exported files, PDF previews).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self';"
            + " worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    LoginThrottle loginThrottle(GridpatrolProperties properties, ObjectProvider<LoginFailures> failures) {
        GridpatrolProperties.Login login = properties.login();
        // the database's login_failure (DatabaseConfiguration), shared by every instance (ADR 0037); in
        // this process only where there is no database (controller slice tests)
        return new LoginThrottle(new LoginThrottle.Limits(login.failuresPerAccount(), login.failuresPerAddress(), login.window()),
                Clock.systemUTC(), failures.getIfAvailable(InMemoryLoginFailures::new));
    }

    @Bean
    LoginThrottleFilter loginThrottleFilter(LoginThrottle throttle) {
        return new LoginThrottleFilter(throttle);
    }

    /** The throttle runs inside the security chain only, not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilterRegistration(LoginThrottleFilter filter) {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * The page's tile GETs: logged in by the session cookie, no credentials, no share token. They
     * need the session's login and nothing else of {@link #securityFilterChain}: no login form,
     * Basic or throttle (no credentials; requests with an {@code Authorization} header go there), no
     * CSRF check (a GET changes nothing; the tile answers write no token), no logout, no saved
     * request, no anonymous user (no login is a 401 problem+json, as there). A map view asks for
     * dozens of tiles at once: this chain of 6 filters instead of 15 is measured in ADR 0017.
     */
    @Bean
    @Order(1)
    SecurityFilterChain tileSecurityFilterChain(HttpSecurity http) throws Exception {
        return tileGetsOnly(http, request -> request.getHeader("Authorization") == null).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottleFilter loginThrottle,
                                            ApiTokenAuthenticationFilter apiTokens) throws Exception {
        RequestMatcher api = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            // OGC API – Features (GIS clients such as GDAL and QGIS): Basic, a 401 challenge, never the login page
            return path.startsWith("/api/") || path.startsWith("/tiles/") || path.equals("/ogc") || path.startsWith("/ogc/");
        };
        RequestMatcher basicAuthenticated = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        };
        // personal API tokens travel in a header, never in a cookie: no CSRF risk
        RequestMatcher bearerAuthenticated = request -> ApiTokenAuthenticationFilter.bearer(request) != null;
        // share-token calls carry their credential in a header, never in a cookie: no CSRF risk
        RequestMatcher shareToken = request -> request.getHeader("X-Share-Token") != null
                && request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/shared/");
        // tiles asked for with a share token: TileController lets ShareAccess decide (layer, area, time, PIN)
        RequestMatcher shareTile = request -> request.getHeader("X-Share-Token") != null
                && request.getRequestURI().substring(request.getContextPath().length()).startsWith("/tiles/");
        http.addFilterBefore(loginThrottle, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(apiTokens, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(shareTile).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login.html", "/css/**",
                                "/favicon.svg", "/error", "/js/**", "/webjars/**",
                                // shared maps: the token is the credential, checked by ShareAccess on every request
                                "/share/*", "/api/shared/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", true).failureUrl("/login.html?error").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout"))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(basicAuthenticated, bearerAuthenticated, shareToken, request -> "/login".equals(request.getServletPath())))
                .addFilterAfter(new CsrfCookieFilter(),
                        BasicAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .exceptionHandling(exceptions -> exceptions
                        .accessDeniedHandler(new ProblemAccessDeniedHandler())
                        .defaultAuthenticationEntryPointFor(new ProblemAuthenticationEntryPoint(), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login.html"),
                                request -> true));
        return http.build();
    }

    /**
     * Tile GETs with a personal API token ({@code Authorization: Bearer gpt_…}), as scripts, QGIS and other GIS
     * clients send them, no share token. As {@link #tileSecurityFilterChain}, they need the login and nothing
     * else of {@link #securityFilterChain}: the token filter, and no login form, Basic, throttle (a token is no
     * password), CSRF check, logout, saved request, anonymous user or servlet API wrapper; nothing kept in a
     * session. Through the whole API chain a token tile cost 3.5 times a session tile (8,400 against 29,000
     * tiles/s with wrk, ADR 0045). Basic tile GETs stay on the API chain with the login throttle.
     */
    @Bean
    @Order(2)
    SecurityFilterChain tokenTileSecurityFilterChain(HttpSecurity http, ApiTokenAuthenticationFilter apiTokens) throws Exception {
        tileGetsOnly(http, request -> ApiTokenAuthenticationFilter.bearer(request) != null)
                .addFilterBefore(apiTokens, AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new ProblemAccessDeniedHandler()));
        return http.build();
    }

    /**
     * What both tile chains share: tile GETs without a share token whose credentials {@code credentials}
     * accepts; a login needed (401 problem+json without); no CSRF check, logout, saved request, anonymous
     * user or servlet API wrapper.
     */
    private static HttpSecurity tileGetsOnly(HttpSecurity http, RequestMatcher credentials) throws Exception {
        RequestMatcher tileGet = request -> "GET".equals(request.getMethod())
                && request.getRequestURI().startsWith(request.getContextPath() + "/tiles/")
                && request.getHeader("X-Share-Token") == null && credentials.matches(request);
        return http.securityMatcher(tileGet)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable);
    }

    /** Spring Security's strict firewall with its own header rules, checked faster ({@link HeaderCharacters}). */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return firewall;
    }

    /** Firewall refusals ({@code StrictHttpFirewall}) as 400 problem+json; Spring Security picks this bean up. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new ProblemRequestRejectedHandler();
    }

    /**
     * No observation around each filter of the chain and around each authorization decision, on
     * every request: they cost about a quarter of the server time of a tile (ADR 0017) and nothing
     * reads them (no tracer; only health is exposed). Authentications (logins) are still observed,
     * requests as a whole by the server's {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).shouldObserveAuthorizations(false).build();
    }

    /** bcrypt (stored as {@code {bcrypt}…}); successful checks remembered 5 minutes ({@link VerifiedPasswordCache}). */
    @Bean
    VerifiedPasswordCache passwordEncoder() {
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5), 10_000);
    }

    /**
     * Tokens that passed every check, remembered {@code gridpatrol.security.token-check-seconds} (default 5,
     * ADR 0043): two lookups per token per 5 s, not per request; 0 looks every request up (ADR 0034's way).
     */
    @Bean
    VerifiedTokenCache verifiedTokenCache(@org.springframework.beans.factory.annotation.Value(
            "${gridpatrol.security.token-check-seconds:5}") int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("gridpatrol.security.token-check-seconds must not be negative, not " + seconds);
        }
        return new VerifiedTokenCache(Duration.ofSeconds(seconds), seconds == 0 ? 0 : 10_000);
    }

    @Bean
    ApiTokenAuthenticationFilter apiTokenAuthenticationFilter(ApiTokens tokens, AccountUserDetailsService users,
                                                              VerifiedTokenCache verifiedTokens) {
        return new ApiTokenAuthenticationFilter(tokens, users, verifiedTokens);
    }

    /** The token filter runs inside the security chain only, not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<ApiTokenAuthenticationFilter> apiTokenFilterRegistration(ApiTokenAuthenticationFilter filter) {
        FilterRegistrationBean<ApiTokenAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
