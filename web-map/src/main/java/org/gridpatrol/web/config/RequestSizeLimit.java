package org.gridpatrol.web.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies over {@code gridpatrol.max-request-bytes} (default 1 MiB) with 413
 * problem+json before anything reads them; chunked bodies without a length are refused when they
 * declare none for a method that carries one (the API's clients always send a length). File uploads
 * to {@code /api/imports} are limited by {@code spring.servlet.multipart.max-request-size} instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxUploadBytes;

    public RequestSizeLimit(@Value("${gridpatrol.max-request-bytes:1048576}") long maxBytes,
                            @Value("${spring.servlet.multipart.max-request-size:10MB}") org.springframework.util.unit.DataSize maxUpload) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUpload.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long limit = isImportUpload(request) ? maxUploadBytes : maxBytes;
        if (length > limit) {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                    + "\"detail\":\"the request body has " + length + " bytes; the limit is " + limit + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isImportUpload(HttpServletRequest request) {
        if (request.getRequestURI().substring(request.getContextPath().length()).equals("/api/patrol/tracks")) {
            return true; // GPS tracks of up to 100,000 points (ADR 0041) are several MB in any format
        }
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                && request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/imports");
    }
}
