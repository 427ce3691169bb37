package dev.schedex.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * Tells whose schedules a request may see: the owner id every call of the service is scoped to.
 * Declare a bean of this type to replace the default, which takes the authenticated principal's
 * name. An empty answer makes the request 401.
 */
@FunctionalInterface
public interface ScheduleOwnerResolver {

    /**
     * @param request the request
     * @return the owner, or empty when the request is not authenticated
     */
    Optional<String> ownerOf(HttpServletRequest request);

    /** @return the default: the name of {@link HttpServletRequest#getUserPrincipal()}, if not blank */
    static ScheduleOwnerResolver principalName() {
        return request -> Optional.ofNullable(request.getUserPrincipal())
                .map(Principal::getName)
                .filter(name -> !name.isBlank());
    }
}
