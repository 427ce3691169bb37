package dev.schedex.destination.sftp.internal;

import dev.schedex.spi.ExportException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what MINA sshd throws into a failure for the schedule's owner: permanent when the same
 * delivery would fail the same way (a refused host key, refused credentials, a missing or
 * forbidden folder, a full disk or quota), temporary otherwise (a refused or dropped connection, a
 * timeout, a server that went away). Messages name the destination and never a key or password.
 */
public final class Failures {

    private Failures() {}

    /**
     * @param destination the destination's name
     * @param session     the session the failure happened in, if one was opened
     * @param doing       what was being done, such as "connecting to the server"
     * @param failure     what was thrown
     * @return the failure to throw
     */
    public static ExportException classify(
            String destination, @Nullable ClientSession session, String doing, Throwable failure) {
        String prefix = "destination '" + destination + "': ";
        if (failure instanceof ExportException e) {
            return e;
        }
        if ((session != null && Boolean.TRUE.equals(session.getAttribute(HostKeyCheck.REFUSED)))
                || disconnectCode(failure) == SshConstants.SSH2_DISCONNECT_HOST_KEY_NOT_VERIFIABLE) {
            return new ExportException(
                    prefix + "the server's host key does not match the one configured; nothing was sent. "
                            + "If the server's key was changed on purpose, the host must configure the new one",
                    failure);
        }
        if (disconnectCode(failure) == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE) {
            return new ExportException(
                    prefix + "the server refused the user name and credentials configured; the host must "
                            + "check them",
                    failure);
        }
        SftpException status = find(failure, SftpException.class);
        if (status != null) {
            return fromStatus(prefix, doing, status);
        }
        if (find(failure, UnknownHostException.class) != null) {
            return ExportException.temporary(
                    prefix + "the server's host name does not resolve while " + doing
                            + "; if it persists, the host must check the configured host",
                    Duration.ZERO,
                    failure);
        }
        if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null) {
            return ExportException.temporary(
                    prefix + "the server refused the connection or cannot be reached; will retry",
                    Duration.ZERO,
                    failure);
        }
        if (timedOut(failure)) {
            return ExportException.temporary(
                    prefix + "the server did not answer in time while " + doing + "; will retry",
                    Duration.ZERO,
                    failure);
        }
        return ExportException.temporary(
                prefix + "the connection to the server failed while " + doing + " (" + describe(failure)
                        + "); will retry",
                Duration.ZERO,
                failure);
    }

    private static ExportException fromStatus(String prefix, String doing, SftpException status) {
        int code = status.getStatus();
        return switch (code) {
            case SftpConstants.SSH_FX_NO_SUCH_FILE, SftpConstants.SSH_FX_NO_SUCH_PATH ->
                new ExportException(
                        prefix + "a folder does not exist on the server while " + doing
                                + "; the host must check the configured root folder",
                        status);
            case SftpConstants.SSH_FX_PERMISSION_DENIED, SftpConstants.SSH_FX_WRITE_PROTECT ->
                new ExportException(
                        prefix + "the server denied permission while " + doing
                                + "; the host must let the configured user write below the root folder",
                        status);
            case SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, SftpConstants.SSH_FX_QUOTA_EXCEEDED ->
                new ExportException(
                        prefix + "the server's disk or the user's quota is full; free space on the server", status);
            case SftpConstants.SSH_FX_OP_UNSUPPORTED ->
                new ExportException(prefix + "the server does not support an operation needed while " + doing, status);
            case SftpConstants.SSH_FX_NOT_A_DIRECTORY, SftpConstants.SSH_FX_FILE_IS_A_DIRECTORY ->
                new ExportException(prefix + "a file or folder on the server is in the way while " + doing, status);
            default ->
                ExportException.temporary(
                        prefix + "the server failed while " + doing + " (SFTP status " + code + "); will retry",
                        Duration.ZERO,
                        status);
        };
    }

    private static int disconnectCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SshException e && e.getDisconnectCode() != 0) {
                return e.getDisconnectCode();
            }
        }
        return 0;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof InterruptedByTimeoutException
                    || t instanceof InterruptedIOException) {
                return true;
            }
            String message = t.getMessage();
            if (t instanceof SshException
                    && message != null
                    && message.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        if (find(failure, EOFException.class) != null
                || find(failure, ClosedChannelException.class) != null
                || find(failure, SocketException.class) != null) {
            return "the connection was closed";
        }
        return failure.getClass().getSimpleName();
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
