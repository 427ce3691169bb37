package dev.schedex.destination.email;

import dev.schedex.RegisteredNames;
import dev.schedex.Violation;
import dev.schedex.destination.LinkMaker;
import dev.schedex.destination.email.internal.EmailParameters;
import dev.schedex.destination.email.internal.MailComposer;
import dev.schedex.destination.email.internal.RecipientPolicy;
import dev.schedex.destination.email.internal.Sizes;
import dev.schedex.destination.email.internal.SmtpFailures;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends exports as mail over SMTP, on Jakarta Mail with Eclipse Angus. The host configures the
 * server, its security and credentials, the sender and a recipient policy; a schedule's owner
 * chooses, within that policy:
 * <ul>
 *   <li>{@value #TO}: comma-separated addresses, required; {@value #CC}: the same, optional. Each
 *       must be a plain address at an allowed domain or an allowed address, and together at most
 *       the policy's maximum;</li>
 *   <li>{@value #SUBJECT}: a template with the {@link dev.schedex.destination.Placeholders}, default
 *       {@value #DEFAULT_SUBJECT}, at most 200 characters; {@value #BODY}: a short text template,
 *       default {@value #DEFAULT_BODY}, at most 2,000 characters;</li>
 *   <li>{@value #FILENAME}: the attachment's name, a {@link dev.schedex.destination.PathTemplate}
 *       without folders, default {@value #DEFAULT_FILENAME}.</li>
 * </ul>
 *
 * <p>The message is multipart/mixed: a text and an HTML body, and the export attached under its
 * media type and file name; a PNG up to {@link Builder#maxInlineImageSize(long)} is also shown in
 * the HTML body. Above {@link Builder#maxAttachmentSize(long)} the message carries a link from the
 * host's {@link LinkMaker} instead, or, without one, the delivery fails permanently. Nothing an owner
 * gives reaches a header unescaped: addresses are parsed strictly, the subject loses line breaks and
 * control characters, file names are sanitised.
 *
 * <p><b>Idempotency.</b> SMTP cannot take a message back, so a re-delivery of the same occurrence
 * (a retry after a dropped connection, a take-over after a crash) sends it again, with the same
 * {@code Message-ID}, {@code <idempotencyKey@schedex.senderdomain>}, and an {@code X-Schedex-Occurrence} header, so that mail
 * systems and people can recognise it as the same message. A failed transaction delivers nothing:
 * recipients are all accepted or the message is not sent.
 */
public final class EmailDestination implements ExportDestination {

    /** The recipients' key. */
    public static final String TO = EmailParameters.TO;

    /** The copy recipients' key. */
    public static final String CC = EmailParameters.CC;

    /** The subject template's key. */
    public static final String SUBJECT = EmailParameters.SUBJECT;

    /** The body template's key. */
    public static final String BODY = EmailParameters.BODY;

    /** The attachment's file-name template's key. */
    public static final String FILENAME = EmailParameters.FILENAME;

    /** The subject when the owner gives none. */
    public static final String DEFAULT_SUBJECT = EmailParameters.DEFAULT_SUBJECT;

    /** The body when the owner gives none. */
    public static final String DEFAULT_BODY = EmailParameters.DEFAULT_BODY;

    /** The attachment's file name when the owner gives none. */
    public static final String DEFAULT_FILENAME = EmailParameters.DEFAULT_FILENAME;

    private static final Logger LOG = LoggerFactory.getLogger(EmailDestination.class);

    private final String name;
    private final String host;
    private final int port;
    private final Security security;
    private final @Nullable String user;
    private final @Nullable String password;
    private final InternetAddress sender;
    private final RecipientPolicy policy;
    private final long maxAttachmentSize;
    private final @Nullable LinkMaker linkMaker;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Clock clock;
    private final Session session;
    private final MailComposer composer;

    private EmailDestination(Builder b, String host, InternetAddress sender, RecipientPolicy policy) {
        this.name = b.name;
        this.host = host;
        this.security = b.security;
        this.port = b.port > 0 ? b.port : b.security.defaultPort;
        this.user = b.user;
        this.password = b.password;
        this.sender = sender;
        this.policy = policy;
        this.maxAttachmentSize = b.maxAttachmentSize;
        this.linkMaker = b.linkMaker;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.clock = b.clock;
        this.session = Session.getInstance(properties(b));
        this.composer = new MailComposer(sender, b.maxInlineImageSize);
    }

    /**
     * @param name the name schedules give it by: 1 to 50 letters, digits, {@code .}, {@code -} or
     *     {@code _}
     * @return a builder; {@link Builder#host(String)}, {@link Builder#sender(String)} and an allowed
     *     domain or address are required
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
        return EmailParameters.check(parameters, policy, "the email destination '" + name + "'");
    }

    @Override
    public Delivered deliver(Delivery delivery) throws IOException {
        List<Violation> problems = validate(delivery.parameters());
        if (!problems.isEmpty()) {
            throw new ExportException("invalid parameters for destination '" + name + "': "
                    + problems.get(0).message());
        }
        Optional<URI> link = Optional.empty();
        if (delivery.size() > maxAttachmentSize) {
            link = link(delivery);
        }
        MimeMessage message;
        Address[] recipients;
        try {
            message = composer.compose(session, delivery, link, clock.instant());
            recipients = distinct(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new ExportException(
                    "destination '" + name + "': the message could not be built: " + e.getMessage(), e);
        }
        send(message, recipients);
        String messageId = composer.messageId(delivery);
        LOG.debug("destination '{}' sent {} to {} recipients", name, messageId, recipients.length);
        return new Delivered("mail " + messageId + " to " + recipients.length
                + (recipients.length == 1 ? " recipient" : " recipients"));
    }

    private Optional<URI> link(Delivery delivery) throws IOException {
        String tooLarge = "destination '" + name + "': the export is " + Sizes.human(delivery.size())
                + ", larger than the " + Sizes.human(maxAttachmentSize) + " this destination attaches";
        if (linkMaker == null) {
            throw new ExportException(tooLarge + ", and the host gave it no way to send a link instead; "
                    + "choose a smaller format or ask the host to raise the limit or add a link maker");
        }
        Optional<URI> link = linkMaker.link(delivery);
        if (link.isEmpty()) {
            throw new ExportException(tooLarge + ", and no link could be made for it");
        }
        String scheme = String.valueOf(link.get().getScheme()).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            // the link goes into an href: only a web link, never javascript: or data:
            throw new ExportException(tooLarge + ", and the host's link maker gave a link that is not http or https");
        }
        return link;
    }

    private void send(MimeMessage message, Address[] recipients) {
        String server = host + ":" + port;
        SMTPTransport transport;
        try {
            transport = (SMTPTransport) session.getTransport(security.protocol);
        } catch (MessagingException e) {
            throw new IllegalStateException("the Angus SMTP transport is missing from the class path", e);
        }
        try {
            transport.connect(host, port, user, password);
            transport.sendMessage(message, recipients);
        } catch (MessagingException e) {
            String response = transport.getLastServerResponse();
            throw SmtpFailures.classify(
                    e, transport.getLastReturnCode(), response == null ? "" : response, name, server);
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the message was accepted or the failure above says why not; a failed QUIT changes neither
                LOG.debug("destination '{}': closing the SMTP connection failed", name, e);
            }
        }
    }

    private static Address[] distinct(Address @Nullable [] all) {
        Set<Address> unique = new LinkedHashSet<>(all == null ? List.of() : List.of(all));
        return unique.toArray(new Address[0]);
    }

    private Properties properties(Builder b) {
        String p = "mail." + security.protocol + ".";
        Properties props = new Properties();
        props.put(p + "host", host);
        props.put(p + "port", Integer.toString(port));
        props.put(p + "connectiontimeout", Long.toString(connectTimeout.toMillis()));
        props.put(p + "timeout", Long.toString(readTimeout.toMillis()));
        props.put(p + "writetimeout", Long.toString(writeTimeout.toMillis()));
        props.put(p + "from", sender.getAddress());
        // all recipients or none: a partial send would leave some without the export and no way to retry
        props.put(p + "sendpartial", "false");
        props.put(p + "auth", Boolean.toString(user != null));
        if (b.heloName != null) {
            props.put(p + "localhost", b.heloName);
        }
        if (security == Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (security != Security.PLAIN) {
            props.put(p + "ssl.checkserveridentity", "true");
            props.put(p + "ssl.protocols", "TLSv1.3 TLSv1.2");
            if (b.sslContext != null) {
                props.put(p + "ssl.socketFactory", b.sslContext.getSocketFactory());
            }
        }
        return props;
    }

    /** @return the destination's name, server and sender; never its credentials */
    @Override
    public String toString() {
        return "EmailDestination[" + name + ", " + security.protocol + "://" + host + ":" + port + " ("
                + security.description + "), from " + sender.getAddress() + (user == null ? "" : ", with login")
                + "]";
    }

    /** How the connection to the server is protected. */
    private enum Security {
        STARTTLS("smtp", 587, "STARTTLS required"),
        IMPLICIT_TLS("smtps", 465, "implicit TLS"),
        PLAIN("smtp", 25, "plain, unencrypted");

        final String protocol;
        final int defaultPort;
        final String description;

        Security(String protocol, int defaultPort, String description) {
            this.protocol = protocol;
            this.defaultPort = defaultPort;
            this.description = description;
        }
    }

    /** Collects the host's configuration of an {@link EmailDestination}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private @Nullable String host;
        private int port;
        private Security security = Security.STARTTLS;
        private @Nullable SSLContext sslContext;
        private @Nullable String user;
        private @Nullable String password;
        private @Nullable String sender;
        private @Nullable String heloName;
        private final Set<String> domains = new LinkedHashSet<>();
        private final Set<String> addresses = new LinkedHashSet<>();
        private int maxRecipients = 20;
        private long maxAttachmentSize = 10L * 1024 * 1024;
        private long maxInlineImageSize = 1024L * 1024;
        private @Nullable LinkMaker linkMaker;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();

        private Builder(String name) {
            this.name = RegisteredNames.check("destination", name);
        }

        /** @param host the SMTP server's host name or address @return this builder */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param port the SMTP server's port; default 587 for STARTTLS, 465 for implicit TLS, 25 for
         *     plain
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Connects in plain text and requires the server to offer STARTTLS before anything else is
         * said; a server that does not offer it fails the delivery permanently. The default.
         *
         * @return this builder
         */
        public Builder startTls() {
            this.security = Security.STARTTLS;
            return this;
        }

        /** @return this builder, connecting with TLS from the first byte (SMTPS, usually port 465) */
        public Builder implicitTls() {
            this.security = Security.IMPLICIT_TLS;
            return this;
        }

        /**
         * Sends without any encryption: credentials and exports cross the network readable. Only for
         * tests and for a relay on the same host or a network the host trusts entirely.
         *
         * @return this builder
         */
        public Builder plainTextWithoutTls() {
            this.security = Security.PLAIN;
            return this;
        }

        /**
         * @param context the TLS context whose trust decides which server certificates are accepted
         *     (for a private relay); the server's name is checked against its certificate either way
         * @return this builder
         */
        public Builder trust(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Trusts exactly the given certificate (a private relay's self-signed certificate, or the
         * private authority that issued it) instead of the JDK's authorities.
         *
         * @param certificate the certificate to trust
         * @return this builder
         * @throws IllegalArgumentException if no TLS context can be made with it
         */
        public Builder trustCertificate(X509Certificate certificate) {
            Objects.requireNonNull(certificate, "certificate");
            try {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                store.setCertificateEntry("relay", certificate);
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                return trust(context);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException("cannot trust this certificate: " + e.getMessage(), e);
            }
        }

        /**
         * @param user     the SMTP login
         * @param password its password; kept in memory, never shown
         * @return this builder
         */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * @param sender the From address, such as {@code Reports <reports@example.com>}; its domain
         *     also ends every Message-ID
         * @return this builder
         */
        public Builder sender(String sender) {
            this.sender = Objects.requireNonNull(sender, "sender");
            return this;
        }

        /**
         * @param name the name this host gives itself in EHLO; default the one the JDK finds for it
         * @return this builder
         */
        public Builder heloName(String name) {
            this.heloName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param domains domains any address at which schedules may send to (exactly: not their
         *     subdomains)
         * @return this builder
         */
        public Builder allowDomains(String... domains) {
            for (String domain : domains) {
                this.domains.add(Objects.requireNonNull(domain, "domain"));
            }
            return this;
        }

        /** @param addresses single addresses schedules may send to @return this builder */
        public Builder allowAddresses(String... addresses) {
            for (String address : addresses) {
                this.addresses.add(Objects.requireNonNull(address, "address"));
            }
            return this;
        }

        /** @param max the most recipients, to and cc together, of one schedule; default 20 @return this builder */
        public Builder maxRecipients(int max) {
            this.maxRecipients = max;
            return this;
        }

        /**
         * @param bytes the largest export attached; above it the {@link #linkMaker(LinkMaker) link
         *     maker} is asked for a link, or the delivery fails. Default 10 MiB (base64 makes the
         *     message a third larger)
         * @return this builder
         */
        public Builder maxAttachmentSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxAttachmentSize must not be negative, was " + bytes);
            }
            this.maxAttachmentSize = bytes;
            return this;
        }

        /**
         * @param bytes the largest PNG also shown inline in the HTML body (it is then in the message
         *     twice); default 1 MiB, 0 for never
         * @return this builder
         */
        public Builder maxInlineImageSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxInlineImageSize must not be negative, was " + bytes);
            }
            this.maxInlineImageSize = bytes;
            return this;
        }

        /** @param maker makes links to exports above the attachment limit @return this builder */
        public Builder linkMaker(LinkMaker maker) {
            this.linkMaker = Objects.requireNonNull(maker, "maker");
            return this;
        }

        /** @param timeout the longest wait to connect; default 10 s @return this builder */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** @param timeout the longest wait for a reply; default 30 s @return this builder */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** @param timeout the longest a write may block; default 60 s @return this builder */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout, "writeTimeout");
            return this;
        }

        /** @param clock gives the messages' Date header; default the system's @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the destination
         * @throws IllegalArgumentException if the host, the sender or the recipient policy is missing
         *     or invalid
         */
        public EmailDestination build() {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("the SMTP host is required");
            }
            if (sender == null) {
                throw new IllegalArgumentException("the sender address is required");
            }
            InternetAddress from;
            try {
                from = new InternetAddress(sender, true);
                from.validate();
            } catch (AddressException e) {
                throw new IllegalArgumentException("the sender is not a valid address: " + e.getMessage(), e);
            }
            if (from.getAddress().lastIndexOf('@') < 1) {
                throw new IllegalArgumentException("the sender needs a domain, was '" + from.getAddress() + "'");
            }
            if (security == Security.PLAIN && sslContext != null) {
                throw new IllegalArgumentException("a TLS trust was given for a plain-text connection");
            }
            return new EmailDestination(this, host, from, new RecipientPolicy(domains, addresses, maxRecipients));
        }

        private static Duration positive(Duration timeout, String what) {
            if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " must be positive and below 24 days, was " + timeout);
            }
            return timeout;
        }
    }
}
