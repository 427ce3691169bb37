package dev.schedex.destination.email.internal;

import dev.schedex.destination.Placeholders;
import dev.schedex.spi.Delivery;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Builds the message of one delivery: multipart/mixed with a text and an HTML body (as
 * multipart/alternative) and the export attached, a PNG also shown inline in the HTML (the HTML and
 * the image in multipart/related, the image named by a Content-ID). The Message-ID is derived from
 * the idempotency key, so that every attempt of an occurrence sends the same one.
 */
public final class MailComposer {

    /** The header that names the occurrence a message is for, in UTC (ISO 8601). */
    public static final String OCCURRENCE_HEADER = "X-Schedex-Occurrence";

    /** The longest subject sent, in characters, after the placeholders are expanded. */
    static final int MAX_SUBJECT_SENT = 250;

    /** The longest value one placeholder contributes to a body, in characters. */
    static final int MAX_BODY_VALUE = 300;

    private final InternetAddress sender;
    private final String idDomain;
    private final long maxInlineImage;

    /**
     * @param sender         the From address
     * @param maxInlineImage the largest PNG also shown inline, in bytes
     */
    public MailComposer(InternetAddress sender, long maxInlineImage) {
        this.sender = sender;
        this.idDomain = "schedex." + domain(sender);
        this.maxInlineImage = maxInlineImage;
    }

    /**
     * @param delivery the export
     * @return the Message-ID every attempt of its occurrence sends, with angle brackets
     */
    public String messageId(Delivery delivery) {
        return "<" + delivery.context().idempotencyKey() + "@" + idDomain + ">";
    }

    /**
     * @param session  the mail session
     * @param delivery the export, with parameters that {@link EmailParameters#check} accepted
     * @param link     a link to the export to send instead of attaching it, if it is too large
     * @param sentAt   the Date header
     * @return the message, ready to send
     * @throws MessagingException if it cannot be built
     */
    public MimeMessage compose(Session session, Delivery delivery, Optional<URI> link, Instant sentAt)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId(delivery));
        message.setFrom(sender);
        List<InternetAddress> to = EmailParameters.to(delivery.parameters());
        List<InternetAddress> cc = EmailParameters.cc(delivery.parameters());
        message.setRecipients(Message.RecipientType.TO, to.toArray(new InternetAddress[0]));
        if (!cc.isEmpty()) {
            message.setRecipients(Message.RecipientType.CC, cc.toArray(new InternetAddress[0]));
        }
        message.setSubject(subject(delivery), "UTF-8");
        message.setSentDate(Date.from(sentAt));
        message.setHeader(OCCURRENCE_HEADER, delivery.context().occurrence().toString());

        String filename = EmailParameters.filename(delivery.parameters()).expand(delivery);
        String body = Placeholders.expand(
                EmailParameters.body(delivery.parameters()),
                delivery,
                (name, value) -> cut(withoutControls(value), MAX_BODY_VALUE));
        boolean inline = link.isEmpty() && isPng(delivery) && delivery.size() <= maxInlineImage;
        String contentId = delivery.context().idempotencyKey() + ".image@" + idDomain;

        MimeBodyPart text = new MimeBodyPart();
        text.setText(plainText(body, filename, link, delivery), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(
                html(body, filename, link, inline ? Optional.of(contentId) : Optional.empty(), delivery),
                "UTF-8",
                "html");

        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        if (inline) {
            MimeMultipart related = new MimeMultipart("related");
            related.addBodyPart(html);
            MimeBodyPart image = new MimeBodyPart();
            image.setDataHandler(new DataHandler(new ByteArrayDataSource(delivery.content(), "image/png")));
            image.setContentID("<" + contentId + ">");
            image.setDisposition(Part.INLINE);
            image.setFileName(filename);
            related.addBodyPart(image);
            MimeBodyPart relatedPart = new MimeBodyPart();
            relatedPart.setContent(related);
            alternative.addBodyPart(relatedPart);
        } else {
            alternative.addBodyPart(html);
        }
        MimeBodyPart bodies = new MimeBodyPart();
        bodies.setContent(alternative);

        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(bodies);
        if (link.isEmpty()) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(
                    new DataHandler(new ByteArrayDataSource(delivery.content(), mediaType(delivery))));
            attachment.setFileName(filename);
            attachment.setDisposition(Part.ATTACHMENT);
            mixed.addBodyPart(attachment);
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    /**
     * @param delivery the export
     * @return its subject: the owner's template with every value stripped of line breaks and other
     *     control characters, so that nothing a title or name holds can start a header of its own
     */
    public static String subject(Delivery delivery) {
        String subject = Placeholders.expand(
                EmailParameters.subject(delivery.parameters()), delivery, (name, value) -> withoutControls(value));
        return cut(withoutControls(subject).strip(), MAX_SUBJECT_SENT);
    }

    private static String plainText(String body, String filename, Optional<URI> link, Delivery delivery) {
        StringBuilder text = new StringBuilder(body).append("\r\n\r\n");
        if (link.isPresent()) {
            text.append(filename)
                    .append(" (")
                    .append(Sizes.human(delivery.size()))
                    .append(") is too large to attach; download it here:\r\n")
                    .append(link.get().toASCIIString())
                    .append("\r\n");
        } else {
            text.append("Attached: ")
                    .append(filename)
                    .append(" (")
                    .append(Sizes.human(delivery.size()))
                    .append(")\r\n");
        }
        return text.toString();
    }

    private static String html(
            String body, String filename, Optional<URI> link, Optional<String> contentId, Delivery delivery) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\r\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject(delivery)))
                .append("</title></head><body>\r\n<p>")
                .append(escape(body))
                .append("</p>\r\n");
        if (contentId.isPresent()) {
            html.append("<p><img src=\"cid:")
                    .append(escape(contentId.get()))
                    .append("\" alt=\"")
                    .append(escape(filename))
                    .append("\"></p>\r\n");
        }
        if (link.isPresent()) {
            html.append("<p>")
                    .append(escape(filename))
                    .append(" (")
                    .append(Sizes.human(delivery.size()))
                    .append(") is too large to attach: <a href=\"")
                    .append(escape(link.get().toASCIIString()))
                    .append("\">download it</a>.</p>\r\n");
        } else {
            html.append("<p>Attached: ")
                    .append(escape(filename))
                    .append(" (")
                    .append(Sizes.human(delivery.size()))
                    .append(")</p>\r\n");
        }
        return html.append("</body></html>\r\n").toString();
    }

    private static boolean isPng(Delivery delivery) {
        return mediaType(delivery).toLowerCase(java.util.Locale.ROOT).startsWith("image/png");
    }

    /** The format's media type if it parses as one, else a neutral one. */
    private static String mediaType(Delivery delivery) {
        try {
            return new ContentType(delivery.mediaType()).toString();
        } catch (ParseException e) {
            return "application/octet-stream";
        }
    }

    /**
     * Line breaks, other control characters and invisible format characters (bidirectional
     * overrides among them, which can make a subject read differently than it is) become spaces; a
     * zero-width joiner stays, as emoji need it.
     */
    static String withoutControls(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            boolean control = Character.isISOControl(c)
                    || c == 0x2028
                    || c == 0x2029
                    || (Character.getType(c) == Character.FORMAT && c != 0x200D);
            out.appendCodePoint(control ? ' ' : c);
        });
        return out.toString();
    }

    private static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = max;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String domain(InternetAddress address) {
        String mailbox = address.getAddress();
        return mailbox.substring(mailbox.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** A message whose Message-ID is ours: {@code saveChanges} would otherwise make a random one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
