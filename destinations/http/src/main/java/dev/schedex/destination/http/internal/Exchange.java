package dev.schedex.destination.http.internal;

import dev.schedex.spi.ExportException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One bounded request to a place an owner chose (or a server handed back), with the address check
 * made just before it: the host's name is resolved, every address it has is checked against the
 * {@link AddressPolicy}, and only then does the client connect. The client resolves the name again
 * itself; on Java 17 it cannot be handed the checked address. It gets the same answer because the
 * JVM keeps a positive look-up for {@code networkaddress.cache.ttl} seconds (30 unless the host set
 * it) and the check has just put it there: the window that remains is a cached entry expiring
 * between the check and the connect, which docs/destinations/webhooks.md describes with how a host
 * closes it.
 *
 * @param client   a client that never follows redirects
 * @param schemes  the schemes allowed, lower case
 * @param policy   which addresses are allowed
 * @param timeout  the bound on the whole exchange: connect, send, answer and its bounded body
 * @param bodyLimit the most bytes of an answer read
 * @param who      the destination in messages, such as "webhook destination 'hooks'"
 */
public record Exchange(
        HttpClient client, Set<String> schemes, AddressPolicy policy, Duration timeout, int bodyLimit, String who) {

    /** Copies the schemes and checks that redirects are off. */
    public Exchange {
        schemes = Set.copyOf(schemes);
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the client must not follow redirects");
        }
    }

    /**
     * An answer.
     *
     * @param status  the status
     * @param headers the headers
     * @param body    the first bytes of the body
     */
    public record Answer(int status, HttpHeaders headers, BoundedBody.Read body) {}

    /**
     * Checks the target and sends.
     *
     * @param request the request, with its URI
     * @return the answer, whatever its status
     * @throws ExportException permanent if the target is refused, temporary if the name does not
     *     resolve, the connection fails or the exchange takes longer than the timeout
     */
    public Answer send(HttpRequest request) {
        URI uri = request.uri();
        check(uri);
        CompletableFuture<java.net.http.HttpResponse<BoundedBody.Read>> future =
                client.sendAsync(request, BoundedBody.handler(bodyLimit));
        try {
            java.net.http.HttpResponse<BoundedBody.Read> response =
                    future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw ExportException.temporary(
                    who + ": " + Urls.redacted(uri) + " did not answer within " + timeout.toSeconds() + " s",
                    Duration.ZERO,
                    e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw ExportException.temporary(who + ": interrupted while sending", Duration.ZERO, e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String what = cause instanceof HttpConnectTimeoutException
                    ? "could not connect within the timeout"
                    : cause instanceof HttpTimeoutException
                            ? "did not answer within the timeout"
                            : "the connection failed (" + cause.getClass().getSimpleName() + ")";
            throw ExportException.temporary(who + ": " + Urls.redacted(uri) + ": " + what, Duration.ZERO, cause);
        }
    }

    /**
     * Checks a target's scheme, and every address its host resolves to, now.
     *
     * @param uri an absolute URI
     * @throws ExportException permanent if refused, temporary if the name does not resolve
     */
    public void check(URI uri) {
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new ExportException(who + ": refusing " + Urls.redacted(uri) + ": only "
                    + String.join(", ", schemes.stream().sorted().toList()) + " addresses are allowed");
        }
        String host = Optional.ofNullable(uri.getHost()).orElse("");
        if (host.isEmpty()) {
            throw new ExportException(who + ": refusing an address without a host");
        }
        if (policy.hostAllowed(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            Optional<InetAddress> literal = AddressPolicy.literal(host);
            addresses = literal.isPresent() ? new InetAddress[] {literal.get()} : InetAddress.getAllByName(host);
        } catch (IllegalArgumentException e) {
            throw new ExportException(who + ": refusing " + Urls.redacted(uri) + ": " + e.getMessage());
        } catch (UnknownHostException e) {
            throw ExportException.temporary(
                    who + ": the host name " + host + " does not resolve; check the address", Duration.ZERO, e);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new ExportException(who + ": refusing " + Urls.redacted(uri) + ": " + host + " resolves to "
                        + refusal.get() + " (" + address.getHostAddress()
                        + "), which is on the host's own network; exports go to public addresses only unless "
                        + "the host allows this one");
            }
        }
    }
}
