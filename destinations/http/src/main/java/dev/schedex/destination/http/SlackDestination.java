package dev.schedex.destination.http;

import dev.schedex.RegisteredNames;
import dev.schedex.Violation;
import dev.schedex.destination.Placeholders;
import dev.schedex.destination.http.internal.AddressPolicy;
import dev.schedex.destination.http.internal.Answers;
import dev.schedex.destination.http.internal.Exchange;
import dev.schedex.destination.http.internal.Json;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Posts exports as files in a Slack channel the host allows, through Slack's external upload flow:
 * {@code files.getUploadURLExternal} (file name and length), a POST of the bytes to the upload URL
 * Slack returns, then {@code files.completeUploadExternal} with the channel and the comment. The
 * retired {@code files.upload} is never used.
 *
 * <p>The host gives a bot token (scope {@code files:write}, and the bot invited to each channel) and
 * the channels owners may choose, by id with an optional name. The owner's parameters: {@value
 * #CHANNEL} (an allowed channel's id, name or {@code #name}), and optional {@value #COMMENT} and
 * {@value #FILENAME} templates with the {@link Placeholders}.
 *
 * <p><b>Where bytes go.</b> The token goes only to the configured API base. The upload URL comes
 * from Slack's answer: one on the API base's host is trusted as the host's own configuration; any
 * other must be {@code https} and pass the same address check as a webhook with nothing allowed (no
 * loopback, private, link-local, metadata or similar address), and receives no token.
 *
 * <p><b>Idempotency.</b> Slack has no idempotency key for uploads: a re-delivery of an occurrence
 * whose first delivery completed but was not recorded posts the file a second time. The file's
 * title carries the occurrence so that a person can tell the two apart; docs/destinations/slack.md
 * says more.
 *
 * <p><b>Answers.</b> 429 (honouring {@code Retry-After}), 5xx and Slack's {@code ratelimited},
 * {@code internal_error}, {@code fatal_error}, {@code service_unavailable} and {@code
 * request_timeout} are temporary; {@code ok:false} with any other error is permanent, naming the
 * error.
 */
public final class SlackDestination implements ExportDestination {

    /** The channel's key. */
    public static final String CHANNEL = "channel";

    /** The initial comment template's key. */
    public static final String COMMENT = "comment";

    /** The file name template's key. */
    public static final String FILENAME = "filename";

    /** The file name when the owner gives no template. */
    public static final String DEFAULT_FILENAME = "{name}-{date}.{ext}";

    /** The longest template an owner may give. */
    public static final int MAX_TEMPLATE_LENGTH = 1000;

    /** The largest file Slack takes. */
    public static final long MAX_FILE_SIZE = 1L << 30;

    private static final Set<String> KEYS = Set.of(CHANNEL, COMMENT, FILENAME);
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,30}");
    private static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[\\x00-\\x1f\\x7f/\\\\:*?\"<>|]");
    private static final Set<String> TEMPORARY_ERRORS =
            Set.of("ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");
    private static final Map<String, String> ADVICE = Map.of(
            "invalid_auth", "the bot token is not valid; the host must configure a current one",
            "not_authed", "no bot token was accepted; the host must configure one",
            "token_revoked", "the bot token was revoked; the host must configure a new one",
            "account_inactive", "the bot's account is inactive; the host must configure a new token",
            "missing_scope", "the bot token lacks the files:write scope",
            "channel_not_found", "the channel does not exist or the bot cannot see it",
            "not_in_channel", "the bot is not in the channel; invite it with /invite");

    private final String name;
    private final String who;
    private final String token;
    private final URI base;
    /** Every name an owner may give, lower case, to the channel's id. */
    private final Map<String, String> channels;
    /** The allowed channels as messages name them: "reports (C0123456789)". */
    private final List<String> shown;

    private final Exchange api;
    private final Exchange upload;
    private final Duration requestTimeout;
    private final Clock clock;

    private SlackDestination(Builder b) {
        this.name = b.name;
        this.who = "Slack destination '" + b.name + "'";
        this.token = Objects.requireNonNull(b.token, "give the bot token with botToken(...)");
        this.base = b.base;
        this.channels = Map.copyOf(b.channels);
        this.shown = List.copyOf(b.shown.values());
        if (channels.isEmpty()) {
            throw new IllegalStateException("allow at least one channel with allowChannel(...)");
        }
        this.requestTimeout = b.requestTimeout;
        this.clock = b.clock;
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.connectTimeout)
                .build();
        String baseHost = Objects.requireNonNull(base.getHost()).toLowerCase(Locale.ROOT);
        String baseScheme = base.getScheme().toLowerCase(Locale.ROOT);
        // the API base is the host's own configuration: trusted, as a webhook's allowHost is
        this.api = new Exchange(
                client,
                Set.of(baseScheme),
                new AddressPolicy(Set.of(baseHost), List.of()),
                b.requestTimeout,
                64 * 1024,
                who);
        // an upload URL elsewhere than the base is Slack's to choose, not the host's: public https only
        this.upload = new Exchange(
                client,
                baseScheme.equals("http") ? Set.of("https", "http") : Set.of("https"),
                new AddressPolicy(Set.of(baseHost), List.of()),
                b.requestTimeout,
                16 * 1024,
                who);
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
                        "the Slack destination has no parameter '" + key
                                + "'; it takes channel, comment and filename"));
            }
        }
        String channel = parameters.get(CHANNEL);
        if (channel == null || channel.isBlank()) {
            violations.add(new Violation(CHANNEL, "required", "give the channel, one of " + allowedNames()));
        } else if (channelId(channel).isEmpty()) {
            violations.add(new Violation(
                    CHANNEL,
                    "not_allowed",
                    "the channel '" + shorten(channel) + "' is not one this destination posts to; choose one of "
                            + allowedNames()));
        }
        template(parameters, COMMENT).ifPresent(violations::add);
        template(parameters, FILENAME).ifPresent(violations::add);
        return violations;
    }

    private static Optional<Violation> template(Map<String, String> parameters, String key) {
        String template = parameters.get(key);
        if (template == null) {
            return Optional.empty();
        }
        if (template.length() > MAX_TEMPLATE_LENGTH) {
            return Optional.of(
                    new Violation(key, "too_long", key + " must be at most " + MAX_TEMPLATE_LENGTH + " characters"));
        }
        if (key.equals(FILENAME) && template.isBlank()) {
            return Optional.of(new Violation(key, "required", "the filename must not be blank"));
        }
        return Placeholders.unknown(template)
                .map(p -> new Violation(
                        key,
                        "unknown_placeholder",
                        key + " has an unknown placeholder {" + p + "}; known are " + Placeholders.known()));
    }

    private Optional<String> channelId(String given) {
        String key = given.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith("#")) {
            key = key.substring(1);
        }
        return Optional.ofNullable(channels.get(key));
    }

    private String allowedNames() {
        return String.join(", ", shown);
    }

    @Override
    public Delivered deliver(Delivery delivery) throws IOException {
        List<Violation> problems = validate(delivery.parameters());
        if (!problems.isEmpty()) {
            throw new ExportException(
                    "invalid parameters for " + who + ": " + problems.get(0).message());
        }
        if (delivery.size() > MAX_FILE_SIZE) {
            throw new ExportException(
                    who + ": the export has " + delivery.size() + " bytes; Slack takes at most 1 GiB");
        }
        Map<String, String> parameters = delivery.parameters();
        String channelGiven = parameters.get(CHANNEL);
        String channel = channelId(Objects.requireNonNull(channelGiven)).orElseThrow();
        String fileName = fileName(parameters.getOrDefault(FILENAME, DEFAULT_FILENAME), delivery);
        String title = delivery.documentTitle() + " (" + delivery.context().occurrence() + ")";

        Map<String, String> ticket = call(
                "files.getUploadURLExternal",
                form(Map.of("filename", fileName, "length", Long.toString(delivery.size()))));
        String uploadUrl = required(ticket, "upload_url", "files.getUploadURLExternal");
        String fileId = required(ticket, "file_id", "files.getUploadURLExternal");
        uploadBytes(uploadUrl, delivery);

        Map<String, String> complete = new LinkedHashMap<>();
        complete.put(
                "files",
                new String(Json.writeArray(List.of(Map.of("id", fileId, "title", title))), StandardCharsets.UTF_8));
        complete.put("channel_id", channel);
        String comment = parameters.get(COMMENT);
        if (comment != null && !comment.isBlank()) {
            complete.put("initial_comment", Placeholders.expand(comment, delivery, (n, v) -> v));
        }
        Map<String, String> done = call("files.completeUploadExternal", form(complete));
        String id = Json.field(done, "files[0].id").orElse(fileId);
        return new Delivered("slack file " + id + " in " + channel);
    }

    private static String fileName(String template, Delivery delivery) {
        String expanded = Placeholders.expand(
                template, delivery, (n, v) -> UNSAFE_IN_FILE_NAME.matcher(v).replaceAll("_"));
        expanded = UNSAFE_IN_FILE_NAME.matcher(expanded).replaceAll("_").strip();
        if (expanded.length() > 255) {
            expanded = expanded.substring(0, 255);
        }
        return expanded.isEmpty() ? "export." + delivery.fileExtension() : expanded;
    }

    private void uploadBytes(String uploadUrl, Delivery delivery) {
        URI uri;
        try {
            uri = URI.create(uploadUrl);
        } catch (IllegalArgumentException e) {
            throw new ExportException(who + ": Slack returned an upload address that is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new ExportException(who + ": Slack returned an upload address that is not an absolute URL");
        }
        boolean onBase = uri.getHost().equalsIgnoreCase(Objects.requireNonNull(base.getHost()));
        if (!onBase && !uri.getScheme().equalsIgnoreCase("https")) {
            throw new ExportException(who + ": refusing Slack's upload address: it is not https");
        }
        // no token: the upload URL is itself the credential, and its host is not the API's
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", delivery.mediaType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.content()))
                .build();
        Exchange.Answer answer = upload.send(request);
        int status = answer.status();
        // the upload URL carries a signature in its query: messages name the step, never the URL
        Answers.Outcome outcome = Answers.classify(status);
        if (outcome == Answers.Outcome.TEMPORARY) {
            throw ExportException.temporary(
                    who + ": Slack's upload answered " + status + "; will try again",
                    Answers.retryAfter(answer.headers().firstValue("Retry-After"), clock));
        }
        if (outcome != Answers.Outcome.DONE) {
            throw new ExportException(who + ": Slack's upload refused the file with " + status + quoted(answer));
        }
    }

    private Map<String, String> call(String method, String form) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(method))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        Exchange.Answer answer = api.send(request);
        int status = answer.status();
        Answers.Outcome outcome = Answers.classify(status);
        if (outcome == Answers.Outcome.TEMPORARY) {
            throw ExportException.temporary(
                    who + ": Slack's " + method + " answered " + status + (status == 429 ? " (rate limited)" : "")
                            + "; will try again",
                    Answers.retryAfter(answer.headers().firstValue("Retry-After"), clock));
        }
        if (outcome != Answers.Outcome.DONE) {
            throw new ExportException(who + ": Slack's " + method + " answered " + status + quoted(answer));
        }
        Map<String, String> fields;
        try {
            fields = Json.flat(answer.body().bytes());
        } catch (IllegalArgumentException e) {
            throw ExportException.temporary(
                    who + ": Slack's " + method + " gave an answer that is not JSON", Duration.ZERO, e);
        }
        if ("true".equals(fields.get("ok"))) {
            return fields;
        }
        String error =
                Answers.quote(fields.getOrDefault("error", "unknown_error").getBytes(StandardCharsets.UTF_8));
        if (error.length() > 60) {
            error = error.substring(0, 60);
        }
        if (TEMPORARY_ERRORS.contains(error)) {
            throw ExportException.temporary(
                    who + ": Slack's " + method + " failed with " + error + "; will try again",
                    Answers.retryAfter(answer.headers().firstValue("Retry-After"), clock));
        }
        String advice = ADVICE.get(error);
        throw new ExportException(
                who + ": Slack's " + method + " failed with " + error + (advice == null ? "" : ": " + advice));
    }

    private String required(Map<String, String> fields, String field, String method) {
        String value = fields.get(field);
        if (value == null || value.isBlank()) {
            throw ExportException.temporary(who + ": Slack's " + method + " answered without " + field, Duration.ZERO);
        }
        return value;
    }

    private static String quoted(Exchange.Answer answer) {
        String text = Answers.quote(answer.body().bytes());
        return text.isEmpty() ? "" : ": " + text;
    }

    private static String form(Map<String, String> fields) {
        StringJoiner out = new StringJoiner("&");
        fields.forEach((k, v) -> out.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static String shorten(String text) {
        String clean = Answers.quote(text.getBytes(StandardCharsets.UTF_8));
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }

    @Override
    public String toString() {
        return "SlackDestination[" + name + ", " + base + ", channels=" + allowedNames() + "]";
    }

    /** Builds a {@link SlackDestination}; not thread-safe. */
    public static final class Builder {

        private final String name;
        private @Nullable String token;
        private URI base = URI.create("https://slack.com/api/");
        private final Map<String, String> channels = new LinkedHashMap<>();
        private final Map<String, String> shown = new LinkedHashMap<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();

        private Builder(String name) {
            RegisteredNames.check("destination", name);
            this.name = name;
        }

        /**
         * @param token the bot token ({@code xoxb-...}) with the {@code files:write} scope
         * @return this
         */
        public Builder botToken(String token) {
            if (token.isBlank() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException("a bot token is printable ASCII without spaces");
            }
            this.token = token;
            return this;
        }

        /**
         * Allows owners to post to a channel by its id.
         *
         * @param id the channel's id, such as {@code C0123456789}
         * @return this
         */
        public Builder allowChannel(String id) {
            checkId(id);
            channels.put(id.toLowerCase(Locale.ROOT), id);
            shown.putIfAbsent(id, id);
            return this;
        }

        /**
         * Allows owners to post to a channel by its id or its name.
         *
         * @param id   the channel's id, such as {@code C0123456789}
         * @param name its name without {@code #}, such as {@code reports}
         * @return this
         */
        public Builder allowChannel(String id, String name) {
            checkId(id);
            String key = name.strip().toLowerCase(Locale.ROOT);
            if (key.startsWith("#")) {
                key = key.substring(1);
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException("a channel's name must not be blank");
            }
            channels.put(id.toLowerCase(Locale.ROOT), id);
            channels.put(key, id);
            shown.put(id, key + " (" + id + ")");
            return this;
        }

        private static void checkId(String id) {
            if (!CHANNEL_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a channel id looks like C0123456789, was '" + id + "'");
            }
        }

        /**
         * @param base Slack's Web API base; {@code https://slack.com/api/} unless set (tests point it
         *     at a local server)
         * @return this
         */
        public Builder baseUrl(URI base) {
            String scheme = Optional.ofNullable(base.getScheme()).orElse("");
            if (!base.isAbsolute() || base.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException("the base URL must be an absolute http(s) URL, was " + base);
            }
            String text = base.toString();
            this.base = URI.create(text.endsWith("/") ? text : text + "/");
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
         * @param timeout the longest each of the three calls may take; 60 s unless set
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout);
            return this;
        }

        /**
         * @param clock for {@code Retry-After} dates; the system's unless set
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the destination
         * @throws IllegalStateException without a token or a channel
         */
        public SlackDestination build() {
            if (token == null) {
                throw new IllegalStateException("give the bot token with botToken(...)");
            }
            return new SlackDestination(this);
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a timeout must be positive, was " + d);
            }
            return d;
        }
    }
}
