package dev.schedex.destination.dropbox.internal;

import com.dropbox.core.DbxException;
import com.dropbox.core.DbxHost;
import com.dropbox.core.DbxRequestConfig;
import com.dropbox.core.DbxRequestUtil;
import com.dropbox.core.http.HttpRequestor;
import com.dropbox.core.oauth.DbxCredential;
import com.dropbox.core.oauth.DbxRefreshResult;
import com.dropbox.core.v2.DbxRawClientV2;
import com.dropbox.core.v2.common.PathRoot;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's user client, with one difference: a refresh goes to the configured {@link DbxHost}.
 * The SDK's own client ({@code DbxClientV2}) cannot take a host together with a refreshable
 * credential, and refreshes at {@link DbxHost#DEFAULT} whatever host it calls, so a host pointed at
 * a test server (or a proxy) would refresh elsewhere. Everything else, the refresh before a token
 * expires and the single retry after an {@code expired_access_token} answer, is the SDK's.
 *
 * <p>{@link DbxCredential} is mutable and not thread-safe; deliveries run on several threads, so
 * reading the token and refreshing it happen under one lock.
 */
final class CredentialClient extends DbxRawClientV2 {

    private final DbxCredential credential;
    private final Object lock;

    CredentialClient(DbxRequestConfig config, DbxCredential credential, DbxHost host) {
        this(config, credential, host, null, new Object());
    }

    private CredentialClient(
            DbxRequestConfig config, DbxCredential credential, DbxHost host, @Nullable PathRoot pathRoot, Object lock) {
        super(config, host, null, pathRoot);
        this.credential = credential;
        this.lock = lock;
    }

    @Override
    protected void addAuthHeaders(List<HttpRequestor.Header> headers) {
        String token;
        synchronized (lock) {
            token = credential.getAccessToken();
        }
        DbxRequestUtil.removeAuthHeader(headers);
        DbxRequestUtil.addAuthHeader(headers, token);
    }

    @Override
    public DbxRefreshResult refreshAccessToken() throws DbxException {
        synchronized (lock) {
            DbxRefreshResult result = credential.refresh(getRequestConfig(), getHost(), null);
            return result;
        }
    }

    @Override
    protected boolean canRefreshAccessToken() {
        synchronized (lock) {
            return credential.getRefreshToken() != null;
        }
    }

    @Override
    protected boolean needsRefreshAccessToken() {
        synchronized (lock) {
            return credential.getRefreshToken() != null && credential.aboutToExpire();
        }
    }

    @Override
    protected DbxRawClientV2 withPathRoot(PathRoot pathRoot) {
        return new CredentialClient(getRequestConfig(), credential, getHost(), pathRoot, lock);
    }
}
