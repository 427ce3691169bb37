package dev.schedex.destination.email.internal;

import dev.schedex.spi.ExportException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Reads what went wrong in an SMTP exchange as a permanent or temporary {@link ExportException}:
 * a 5xx reply, refused credentials, refused recipients, an untrusted certificate or a server
 * without the required STARTTLS are permanent; a 4xx reply, a refused or dropped connection and a
 * timeout are temporary, and so is anything not recognised (the retry policy bounds it).
 */
public final class SmtpFailures {

    private static final int MAX_REPLY = 200;

    private SmtpFailures() {}

    /**
     * @param failure      what Jakarta Mail threw
     * @param lastCode     the transport's last reply code, or -1 if none
     * @param lastResponse the transport's last reply, or empty
     * @param destination  the destination's name
     * @param server       the server, as host:port
     * @return the failure to throw
     */
    public static ExportException classify(
            MessagingException failure, int lastCode, String lastResponse, String destination, String server) {
        String prefix = "destination '" + destination + "': ";
        List<Exception> chain = chain(failure);
        int code = replyCode(chain, lastCode);
        String reply = reply(chain, lastResponse);

        if (failure instanceof AuthenticationFailedException) {
            if (code >= 400 && code < 500) {
                return ExportException.temporary(
                        prefix + "the mail server could not check the login just now" + said(reply),
                        Duration.ZERO,
                        failure);
            }
            return new ExportException(
                    prefix + "the mail server refused the user name or password" + said(reply)
                            + "; the host should check the destination's SMTP credentials",
                    failure);
        }
        Set<String> refused = refusedAddresses(chain);
        if (code >= 400 && code < 500) {
            return ExportException.temporary(
                    prefix + "the mail server asked to try again later" + said(reply), Duration.ZERO, failure);
        }
        if (!refused.isEmpty()) {
            return new ExportException(
                    prefix + "the mail server refused " + (refused.size() == 1 ? "the recipient " : "the recipients ")
                            + String.join(", ", refused) + said(reply)
                            + "; nothing was sent. Check the addresses in 'to' and 'cc'",
                    failure);
        }
        if (code == 552 || code == 523) {
            return new ExportException(
                    prefix + "the mail server refused the message as too large" + said(reply)
                            + "; ask the host to lower the destination's attachment limit or give it a link maker",
                    failure);
        }
        if (code >= 500) {
            return new ExportException(prefix + "the mail server refused the message" + said(reply), failure);
        }
        for (Exception e : chain) {
            if ((e instanceof SSLHandshakeException && hasSecurityCause(e)) || isIdentityMismatch(e)) {
                return new ExportException(
                        prefix + "the mail server at " + server
                                + " showed a certificate that is not trusted or does not name it"
                                + "; the host should check the destination's TLS trust and host name",
                        failure);
            }
        }
        String text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("starttls")) {
            return new ExportException(
                    prefix + "the mail server at " + server
                            + " does not offer STARTTLS, which this destination requires; the host should check"
                            + " the port and security setting",
                    failure);
        }
        for (Exception e : chain) {
            if (e instanceof UnknownHostException) {
                return ExportException.temporary(
                        prefix + "the mail server's host name did not resolve (" + server + ")",
                        Duration.ZERO,
                        failure);
            }
            if (e instanceof ConnectException) {
                return ExportException.temporary(
                        prefix + "could not connect to the mail server at " + server + " (connection refused)",
                        Duration.ZERO,
                        failure);
            }
            if (e instanceof SocketTimeoutException) {
                return ExportException.temporary(
                        prefix + "the mail server at " + server + " did not answer in time", Duration.ZERO, failure);
            }
            if (e instanceof SSLException) {
                return ExportException.temporary(
                        prefix + "the TLS connection to the mail server at " + server + " failed",
                        Duration.ZERO,
                        failure);
            }
            if (e instanceof IOException) {
                return ExportException.temporary(
                        prefix + "the connection to the mail server at " + server + " was lost",
                        Duration.ZERO,
                        failure);
            }
        }
        if (reply.contains("[EOF]") || text.contains("[eof]")) {
            return ExportException.temporary(
                    prefix + "the mail server at " + server + " closed the connection", Duration.ZERO, failure);
        }
        return ExportException.temporary(
                prefix + "sending to the mail server at " + server + " failed" + said(reply), Duration.ZERO, failure);
    }

    /** The exception and everything behind it, through causes and Jakarta Mail's next exceptions. */
    private static List<Exception> chain(Exception failure) {
        List<Exception> chain = new ArrayList<>();
        List<Exception> todo = new ArrayList<>(List.of(failure));
        while (!todo.isEmpty() && chain.size() < 50) {
            Exception e = todo.remove(0);
            if (chain.contains(e)) {
                continue;
            }
            chain.add(e);
            if (e instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (e.getCause() instanceof Exception cause) {
                todo.add(cause);
            }
        }
        return chain;
    }

    /** The most telling reply code: a 5xx over a 4xx, either over the transport's last one. */
    private static int replyCode(List<Exception> chain, int lastCode) {
        int best = -1;
        for (Exception e : chain) {
            int code = -1;
            if (e instanceof SMTPSendFailedException s) {
                code = s.getReturnCode();
            } else if (e instanceof SMTPAddressFailedException a) {
                code = a.getReturnCode();
            }
            if (code >= 500 || (code >= 400 && best < 400)) {
                best = Math.max(best, code);
            }
        }
        return best > 0 ? best : lastCode;
    }

    private static String reply(List<Exception> chain, String lastResponse) {
        for (Exception e : chain) {
            if ((e instanceof SMTPSendFailedException || e instanceof SMTPAddressFailedException)
                    && e.getMessage() != null) {
                return clean(e.getMessage());
            }
        }
        return clean(lastResponse);
    }

    private static Set<String> refusedAddresses(List<Exception> chain) {
        Set<String> refused = new LinkedHashSet<>();
        for (Exception e : chain) {
            if (e instanceof SMTPAddressFailedException a) {
                refused.add(a.getAddress().getAddress());
            } else if (e instanceof SendFailedException s) {
                Address @Nullable [] invalid = s.getInvalidAddresses();
                if (invalid != null) {
                    for (Address address : invalid) {
                        refused.add(address.toString());
                    }
                }
            }
        }
        return refused;
    }

    /** Angus's own check of the server's name against its certificate (checkserveridentity). */
    private static boolean isIdentityMismatch(Exception e) {
        if (e instanceof SSLPeerUnverifiedException) {
            return true;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e instanceof IOException
                && (message.startsWith("server is not trusted") || message.contains("check server identity"));
    }

    private static boolean hasSecurityCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }

    private static String said(String reply) {
        return reply.isEmpty() ? "" : " (the server said: " + reply + ")";
    }

    private static String clean(String reply) {
        String oneLine = MailComposer.withoutControls(reply).strip();
        return oneLine.length() <= MAX_REPLY ? oneLine : oneLine.substring(0, MAX_REPLY - 3) + "...";
    }
}
