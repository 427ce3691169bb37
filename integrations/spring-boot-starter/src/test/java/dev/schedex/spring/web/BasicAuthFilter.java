package dev.schedex.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The tests' stand-in for an application's security: HTTP Basic, where user U's password is
 * "U-password", makes U the request's principal; a wrong password is 401; no header leaves the
 * request anonymous (and the endpoints answer 401 themselves).
 */
final class BasicAuthFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            chain.doFilter(request, response);
            return;
        }
        String[] credentials =
                new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8).split(":", 2);
        if (credentials.length != 2 || !credentials[1].equals(credentials[0] + "-password")) {
            response.sendError(401);
            return;
        }
        Principal user = () -> credentials[0];
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public Principal getUserPrincipal() {
                        return user;
                    }
                },
                response);
    }
}
