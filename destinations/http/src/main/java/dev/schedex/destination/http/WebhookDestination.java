package dev.schedex.destination.http;

import dev.schedex.RegisteredNames;
import dev.schedex.Violation;
import dev.schedex.destination.LinkMaker;
import dev.schedex.destination.http.internal.AddressPolicy;
import dev.schedex.destination.http.internal.Answers;
import dev.schedex.destination.http.internal.Cidr;
import dev.schedex.destination.http.internal.Exchange;
import dev.schedex.destination.http.internal.Json;
import dev.schedex.destination.http.internal.Urls;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * POSTs exports to a URL the schedule's owner gives: the export itself ({@value #MODE_RAW}), the
 * export with a JSON metadata part ({@value #MODE_MULTIPART}), or the metadata alone with a link if
 * the host gave a {@link LinkMaker} ({@value #MODE_JSON}).
 *
 * <p>The owner's parameters: {@value #URL} (required: absolute, an allowed scheme, no user info, at
 * most {@value #MAX_URL_LENGTH} characters) and {@value #MODE} (default the host's). The host builds
 * the destination with {@link #builder(String)}: the schemes allowed (only {@code https} unless it
 * says otherwise), the hosts and address ranges it allows on its own network, a signing secret,
 * timeouts and the bound on an answer read.
 *
 * <p><b>The host's own network is out of reach.</b> Just before each delivery the URL's host is
 * resolved and every address checked: loopback, private, link-local, unique-local, carrier-grade
 * NAT, multicast, unspecified and reserved addresses, their IPv4-in-IPv6 forms and cloud metadata
 * addresses are refused unless the host allowed the host name or a range holding the address.
 * Redirects are never followed (a 3xx fails the delivery for good). See docs/destinations/webhooks.md
 * for the DNS-rebinding window that remains on Java 17 and how a host closes it.
 *
 * <p><b>Idempotency.</b> A webhook cannot be replaced once received, so each request carries
 * {@code Idempotency-Key: <the delivery's idempotency key>}, the same on every attempt for the same
 * occurrence: a receiver that remembers keys it has seen drops a repeat. Requests also carry {@code
 * Schedex-Schedule}, {@code Schedex-Occurrence} and, with a secret, {@value #SIGNATURE_HEADER}:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body>}.
 *
 * <p><b>Answers.</b> 2xx is delivered; 408, 425, 429 and 5xx are temporary (honouring {@code
 * Retry-After}); other statuses are permanent, quoting the first bytes of the answer. Connection
 * failures and timeouts are temporary.
 */
public final class WebhookDestination implements ExportDestination {

    /** The URL's key. */
    public static final String URL = "url";

    /** The body mode's key. */
    public static final String MODE = "mode";

    /** The export as the body, with its media type. */
    public static final String MODE_RAW = "raw";

    /** A {@code multipart/form-data} body: a {@code metadata} JSON part and a {@code file} part. */
    public static final String MODE_MULTIPART = "multipart";

    /** The metadata as a JSON body, with a {@code link} if the host gave a link maker. */
    public static final String MODE_JSON = "json";

    /** The longest URL an owner may give. */
    public static final int MAX_URL_LENGTH = 2048;

    /** The signature's header. */
    public static final String SIGNATURE_HEADER = "Schedex-Signature";

    private static final Set<String> KEYS = Set.of(URL, MODE);
    private static final Set<String> MODES = Set.of(MODE_RAW, MODE_MULTIPART, MODE_JSON);
    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[^A-Za-z0-9._-]");

    private final String name;
    private final String who;
    private final Set<String> schemes;
    private final AddressPolicy policy;
    private final byte @Nullable [] secret;
    private final Duration requestTimeout;
    private final String defaultMode;
    private final @Nullable LinkMaker linkMaker;
    private final Clock clock;
    private final Exchange exchange;

    private WebhookDestination(Builder b) {
        this.name = b.name;
        this.who = "webhook destination '" + b.name + "'";
        this.schemes = Set.copyOf(b.schemes);
        this.policy = new AddressPolicy(b.hosts, b.ranges);
        this.secret = b.secret;
        this.requestTimeout = b.requestTimeout;
        this.defaultMode = b.mode;
        this.linkMaker = b.linkMaker;
        this.clock = b.clock;
        HttpClient.Builder client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.connectTimeout);
        if (b.sslContext != null) {
            client.sslContext(b.sslContext);
        }
        if (b.proxy != null) {
            client.proxy(b.proxy);
        }
        this.exchange = new Exchange(client.build(), schemes, policy, b.requestTimeout, b.answerLimit, who);
    }

    /**
     * @param name the name schedules give it by: 1 to 50 letters, digits, {@code .}, {@code -} or {@code _}
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Violation> validate(Map<String, String> parameters) {
        List<Violation> violations = new ArrayList<>();
        for (String key : parameters.keySet()) {
            if (!KEYS.contains(key)) {
                violations.add(new Violation(
                        key,
                        "unknown_parameter",
                        "the webhook destination has no parameter '" + key + "'; it takes url and mode"));
            }
        }
        String mode = parameters.get(MODE);
        if (mode != null && !MODES.contains(mode)) {
            violations.add(new Violation(
                    MODE, "invalid_mode", "mode must be raw, multipart or json, was '" + shorten(mode) + "'"));
        }
        String url = parameters.get(URL);
        if (url == null || url.isBlank()) {
            violations.add(new Violation(
                    URL, "required", "give the webhook's url, such as https://example.com/hooks/exports"));
        } else {
            urlProblem(url).ifPresent(problem -> violations.add(new Violation(URL, "invalid_url", problem)));
        }
        return violations;
    }

    /** @return what is wrong with an owner's URL, for a person; empty if fine */
    private Optional<String> urlProblem(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("the url must be at most " + MAX_URL_LENGTH + " characters, was " + url.length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("the url is not a valid address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            return Optional.of("the url must be absolute with a host, such as https://example.com/hooks/exports");
        }
        if (!schemes.contains(scheme)) {
            return Optional.of("the url must start with "
                    + String.join(
                            " or ",
                            schemes.stream().sorted().map(s -> s + "://").toList()) + ", was " + shorten(scheme)
                    + "://");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("the url must not carry a user name or password; the host signs requests instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("the url must not have a #fragment");
        }
        String host = uri.getHost();
        if (policy.hostAllowed(host)) {
            return Optional.empty();
        }
        try {
            Optional<java.net.InetAddress> literal = AddressPolicy.literal(host);
            if (literal.isPresent()) {
                Optional<String> refusal = policy.refusal(literal.get());
                if (refusal.isPresent()) {
                    return Optional.of("the url's host " + host + " is " + refusal.get()
                            + " on the host's own network; webhooks go to public addresses only");
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("the url's host: " + e.getMessage());
        }
        return Optional.empty();
    }

    @Override
    public Delivered deliver(Delivery delivery) throws IOException {
        List<Violation> problems = validate(delivery.parameters());
        if (!problems.isEmpty()) {
            throw new ExportException(
                    "invalid parameters for " + who + ": " + problems.get(0).message());
        }
        URI uri = URI.create(delivery.parameters().get(URL));
        String mode = delivery.parameters().getOrDefault(MODE, defaultMode);
        Body body = body(mode, delivery);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", body.contentType())
                .header("User-Agent", "schedex-webhook")
                .header("Idempotency-Key", delivery.context().idempotencyKey())
                .header("Schedex-Schedule", delivery.context().scheduleId().toString())
                .header("Schedex-Occurrence", delivery.context().occurrence().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        byte[] key = secret;
        if (key != null) {
            request.header(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(key, timestamp, body.bytes()));
        }
        Exchange.Answer answer = exchange.send(request.build());
        String where = Urls.redacted(uri);
        int status = answer.status();
        return switch (Answers.classify(status)) {
            case DONE -> new Delivered(where + " (HTTP " + status + ")");
            case REDIRECT ->
                throw new ExportException(who + ": " + where + " answered " + status
                        + " (a redirect); redirects are not followed: give the final address as the url");
            case TEMPORARY ->
                throw ExportException.temporary(
                        who + ": " + where + " answered " + status + quoted(answer) + "; will try again",
                        Answers.retryAfter(answer.headers().firstValue("Retry-After"), clock));
            case PERMANENT ->
                throw new ExportException(who + ": " + where + " refused the export with " + status + quoted(answer)
                        + "; check the url and the receiver");
        };
    }

    private static String quoted(Exchange.Answer answer) {
        String text = Answers.quote(answer.body().bytes());
        return text.isEmpty() ? "" : ": " + text;
    }

    /**
     * @param secret    the key
     * @param timestamp unix seconds
     * @param body      the body as sent
     * @return the lower-case hex HMAC-SHA256 of {@code timestamp + "." + body}
     */
    static String sign(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    /** A request body and its content type. */
    private static final class Body {
        private final String contentType;
        private final byte[] bytes;

        Body(String contentType, byte[] bytes) {
            this.contentType = contentType;
            this.bytes = bytes;
        }

        String contentType() {
            return contentType;
        }

        byte[] bytes() {
            return bytes;
        }
    }

    private Body body(String mode, Delivery delivery) throws IOException {
        return switch (mode) {
            case MODE_RAW -> new Body(delivery.mediaType(), delivery.content());
            case MODE_JSON -> new Body("application/json", Json.write(metadata(delivery, link(delivery))));
            default -> multipart(delivery);
        };
    }

    private Optional<URI> link(Delivery delivery) throws IOException {
        LinkMaker maker = linkMaker;
        return maker == null ? Optional.empty() : maker.link(delivery);
    }

    private static String fileName(Delivery delivery) {
        String base = SAFE_FILE_NAME.matcher(delivery.documentId()).replaceAll("_");
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        return base + "." + SAFE_FILE_NAME.matcher(delivery.fileExtension()).replaceAll("_");
    }

    private static Map<String, Object> metadata(Delivery delivery, Optional<URI> link) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("idempotencyKey", delivery.context().idempotencyKey());
        fields.put("schedule", delivery.context().scheduleId().toString());
        fields.put("scheduleName", delivery.context().scheduleName());
        fields.put("owner", delivery.context().ownerId());
        fields.put("occurrence", delivery.context().occurrence().toString());
        fields.put("document", delivery.documentId());
        fields.put("title", delivery.documentTitle());
        fields.put("fileName", fileName(delivery));
        fields.put("mediaType", delivery.mediaType());
        fields.put("size", delivery.size());
        fields.put("sha256", delivery.checksum());
        link.ifPresent(l -> fields.put("link", l.toString()));
        return fields;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static Body multipart(Delivery delivery) {
        byte[] metadata = Json.write(metadata(delivery, Optional.empty()));
        String boundary;
        do {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            boundary = "schedex-" + HexFormat.of().formatHex(random);
        } while (contains(delivery.content(), boundary.getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(delivery.content().length + 1024);
        String dash = "--" + boundary + "\r\n";
        write(
                out,
                dash
                        + "Content-Disposition: form-data; name=\"metadata\"\r\n"
                        + "Content-Type: application/json\r\n\r\n");
        out.writeBytes(metadata);
        write(
                out,
                "\r\n" + dash
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName(delivery) + "\"\r\n"
                        + "Content-Type: " + delivery.mediaType() + "\r\n\r\n");
        out.writeBytes(delivery.content());
        write(out, "\r\n--" + boundary + "--\r\n");
        return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String shorten(String text) {
        String clean = Answers.quote(text.getBytes(StandardCharsets.UTF_8));
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }

    @Override
    public String toString() {
        return "WebhookDestination[" + name + ", schemes=" + schemes + ", signed=" + (secret != null) + "]";
    }

    /** Builds a {@link WebhookDestination}; not thread-safe. */
    public static final class Builder {

        private final String name;
        private final Set<String> schemes = new LinkedHashSet<>(Set.of("https"));
        private final Set<String> hosts = new LinkedHashSet<>();
        private final List<Cidr> ranges = new ArrayList<>();
        private byte @Nullable [] secret;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int answerLimit = 16 * 1024;
        private String mode = MODE_RAW;
        private @Nullable LinkMaker linkMaker;
        private @Nullable SSLContext sslContext;
        private @Nullable ProxySelector proxy;
        private Clock clock = Clock.systemUTC();

        private Builder(String name) {
            RegisteredNames.check("destination", name);
            this.name = name;
        }

        /**
         * Replaces the schemes owners' URLs may use; only {@code https} unless called.
         *
         * @param schemes such as {@code "https", "http"}
         * @return this
         */
        public Builder allowedSchemes(String... schemes) {
            Set<String> chosen = new LinkedHashSet<>();
            for (String scheme : schemes) {
                String s = scheme.toLowerCase(Locale.ROOT);
                if (!s.equals("https") && !s.equals("http")) {
                    throw new IllegalArgumentException("only http and https are supported, was " + scheme);
                }
                chosen.add(s);
            }
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("allow at least one scheme");
            }
            this.schemes.clear();
            this.schemes.addAll(chosen);
            return this;
        }

        /**
         * Trusts a host name whatever it resolves to, on the host's own network too (an internal
         * receiver); exact, case-insensitive, no wildcards.
         *
         * @param host such as {@code receiver.internal.example}
         * @return this
         */
        public Builder allowHost(String host) {
            if (host.isBlank() || host.contains("/") || host.contains("*")) {
                throw new IllegalArgumentException("give a host name without wildcards, was '" + host + "'");
            }
            hosts.add(host.toLowerCase(Locale.ROOT));
            return this;
        }

        /**
         * Trusts addresses in a range even where they are on the host's own network.
         *
         * @param cidr such as {@code 10.20.0.0/16} or {@code 127.0.0.1/32}
         * @return this
         */
        public Builder allowRange(String cidr) {
            ranges.add(Cidr.parse(cidr));
            return this;
        }

        /**
         * Signs every request with {@value #SIGNATURE_HEADER}; unsigned unless called.
         *
         * @param secret the shared secret, at least 32 bytes (such as 32 random bytes, hex or base64)
         * @return this
         */
        public Builder signingSecret(byte[] secret) {
            if (secret.length < 32) {
                throw new IllegalArgumentException("a signing secret must have at least 32 bytes");
            }
            this.secret = secret.clone();
            return this;
        }

        /**
         * @param timeout the longest wait for a connection; 10 s unless set
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /**
         * @param timeout the longest a whole exchange may take, connect to the answer's last byte
         *     read; 60 s unless set
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout);
            return this;
        }

        /**
         * @param bytes the most bytes of a receiver's answer read (the rest is never taken off the
         *     wire); 16 KiB unless set
         * @return this
         */
        public Builder answerLimit(int bytes) {
            if (bytes < 0 || bytes > 1 << 20) {
                throw new IllegalArgumentException("answerLimit must be 0 to 1 MiB, was " + bytes);
            }
            this.answerLimit = bytes;
            return this;
        }

        /**
         * @param mode the body mode when the owner gives none: raw, multipart or json; raw unless set
         * @return this
         */
        public Builder defaultMode(String mode) {
            if (!MODES.contains(mode)) {
                throw new IllegalArgumentException("mode must be raw, multipart or json, was " + mode);
            }
            this.mode = mode;
            return this;
        }

        /**
         * @param linkMaker makes the {@code link} of the json mode's metadata
         * @return this
         */
        public Builder linkMaker(LinkMaker linkMaker) {
            this.linkMaker = Objects.requireNonNull(linkMaker, "linkMaker");
            return this;
        }

        /**
         * @param sslContext the TLS setup, such as one trusting a private CA; the JDK's default unless set
         * @return this
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Sends every request through an egress proxy, which is where a host closes the DNS
         * rebinding window for good (the address checks still run here too).
         *
         * @param proxy the proxy selector
         * @return this
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * @param clock the signatures' timestamps and {@code Retry-After} dates; the system's unless set
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the destination */
        public WebhookDestination build() {
            return new WebhookDestination(this);
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a timeout must be positive, was " + d);
            }
            return d;
        }
    }
}
