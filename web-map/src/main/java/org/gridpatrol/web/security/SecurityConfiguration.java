package org.gridpatrol.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every API and tile path needs a login and answers 401 (problem+json) without one; pages
 * redirect to the bilingual login page. Health is public (status only, no details).
 * State-changing API calls from the page carry the {@code XSRF-TOKEN} cookie back as the
 * {@code X-XSRF-TOKEN} header; Basic-authenticated clients are not browsers and are exempt.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher api = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/api/") || path.startsWith("/tiles/");
        };
        RequestMatcher basicAuthenticated = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        };
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login.html", "/css/**",
                                "/favicon.svg", "/error",
                                "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", true).failureUrl("/login.html?error").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout"))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(basicAuthenticated, request -> "/login".equals(request.getServletPath())))
                .addFilterAfter(new CsrfCookieFilter(),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new ProblemAuthenticationEntryPoint(), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login.html"),
                                request -> true));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, stored as {bcrypt}…
    }
}
