package dev.schedex.destination.http.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most a bound of a response's body and then stops reading (the rest is never taken off
 * the wire), so that a receiver cannot make a delivery hold an unbounded answer in memory.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Read> {

    /** What was read of a body; immutable. */
    public static final class Read {

        private final byte[] bytes;
        private final boolean truncated;

        /**
         * @param bytes     the first bytes of the body, up to the bound
         * @param truncated true if the body went on beyond them
         */
        public Read(byte[] bytes, boolean truncated) {
            this.bytes = bytes.clone();
            this.truncated = truncated;
        }

        /** @return the first bytes of the body, up to the bound */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** @return true if the body went on beyond them */
        public boolean truncated() {
            return truncated;
        }
    }

    private final int limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<Read> result = new CompletableFuture<>();
    private Flow.@org.jspecify.annotations.Nullable Subscription subscription;

    private BoundedBody(int limit) {
        this.limit = limit;
    }

    /** @param limit the most bytes to keep @return a handler that reads at most that much of any body */
    public static HttpResponse.BodyHandler<Read> handler(int limit) {
        return info -> new BoundedBody(limit);
    }

    @Override
    public CompletionStage<Read> getBody() {
        return result;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int room = limit - buffer.size();
            int take = Math.min(room, item.remaining());
            byte[] chunk = new byte[take];
            item.get(chunk);
            buffer.write(chunk, 0, take);
            if (item.hasRemaining()) {
                result.complete(new Read(buffer.toByteArray(), true));
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
                return;
            }
        }
        Flow.Subscription s = subscription;
        if (s != null) {
            s.request(1);
        }
    }

    @Override
    public synchronized void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public synchronized void onComplete() {
        result.complete(new Read(buffer.toByteArray(), false));
    }
}
