package dev.schedex.examples.springboot;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A demo's sign-in, standing in for the application's real security (Spring Security, a gateway):
 * HTTP Basic for two users, alice (password {@code alice-password}) and bob ({@code bob-password}),
 * who become the request's principal; the starter's default owner resolver takes the principal's
 * name. A wrong password is 401; no credentials leave the request anonymous, and the endpoints
 * answer 401.
 */
public final class DemoSignIn extends OncePerRequestFilter {

    private static final Map<String, String> PASSWORDS = Map.of("alice", "alice-password", "bob", "bob-password");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            chain.doFilter(request, response);
            return;
        }
        String[] credentials;
        try {
            credentials = new String(
                            Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8)
                    .split(":", 2);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (credentials.length != 2 || !credentials[1].equals(PASSWORDS.get(credentials[0]))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"schedex example\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
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
