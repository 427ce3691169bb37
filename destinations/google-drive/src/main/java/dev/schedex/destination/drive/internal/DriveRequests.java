package dev.schedex.destination.drive.internal;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpUnsuccessfulResponseHandler;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.time.Duration;

/**
 * Sets up every request the Drive client makes, uploads' chunks included: the credentials' headers
 * and the host's timeouts (connect, read, and write, so that a stalled upload ends too).
 *
 * <p>A 401 lets the credentials refresh once, as Google's adapter does; credentials that cannot be
 * refreshed (a fixed access token) make the adapter throw an {@link IllegalStateException}, which is
 * taken as "no retry" here so that the 401 reaches the destination as an answer to classify.
 */
public final class DriveRequests implements HttpRequestInitializer {

    private final HttpCredentialsAdapter credentials;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    /**
     * @param credentials    the credentials, scoped
     * @param connectTimeout the most a connection may take to open
     * @param readTimeout    the most a read or write may wait
     */
    public DriveRequests(GoogleCredentials credentials, Duration connectTimeout, Duration readTimeout) {
        this.credentials = new HttpCredentialsAdapter(credentials);
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    @Override
    public void initialize(HttpRequest request) throws IOException {
        credentials.initialize(request);
        request.setUnsuccessfulResponseHandler(new RefreshOnce());
        request.setConnectTimeout(connectTimeoutMillis);
        request.setReadTimeout(readTimeoutMillis);
        request.setWriteTimeout(readTimeoutMillis);
    }

    /** One per request: a second 401 after a refresh is an answer, not a reason to refresh again. */
    private final class RefreshOnce implements HttpUnsuccessfulResponseHandler {

        private boolean refreshed;

        @Override
        public boolean handleResponse(HttpRequest request, HttpResponse response, boolean supportsRetry) {
            if (refreshed) {
                return false;
            }
            refreshed = true;
            try {
                return credentials.handleResponse(request, response, supportsRetry);
            } catch (IllegalStateException cannotRefresh) {
                return false;
            }
        }
    }
}
