package io.parallellmu.datasets.fetch.official;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a response body to a file as it arrives, appending or from the start, and records when the last
 * byte came so that a watchdog can tell a stalled connection from a slow one.
 */
final class FileBodySubscriber implements HttpResponse.BodySubscriber<Long> {

    private final FileChannel channel;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lastByteNanos;
    private final CompletableFuture<Long> body = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    /**
     * Opens the file.
     *
     * @param file the partial download
     * @param append true to append (a resumed download), false to start the file afresh
     * @param lastByteNanos updated with {@link System#nanoTime()} whenever bytes arrive
     */
    FileBodySubscriber(Path file, boolean append, AtomicLong lastByteNanos) {
        this.lastByteNanos = lastByteNanos;
        try {
            channel = append
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                    : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@inheritDoc} */
    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    /** {@inheritDoc} */
    @Override
    public void onNext(List<ByteBuffer> buffers) {
        try {
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    written.addAndGet(channel.write(buffer));
                }
            }
            lastByteNanos.set(System.nanoTime());
            subscription.request(1);
        } catch (IOException e) {
            subscription.cancel();
            onError(e);
        }
    }

    /** {@inheritDoc} */
    @Override
    public void onError(Throwable error) {
        close();
        body.completeExceptionally(error);
    }

    /** {@inheritDoc} */
    @Override
    public void onComplete() {
        close();
        body.complete(written.get());
    }

    /** {@inheritDoc} */
    @Override
    public CompletionStage<Long> getBody() {
        return body;
    }

    /**
     * Returns the bytes written by this response so far.
     *
     * @return bytes
     */
    long written() {
        return written.get();
    }

    /** Abandons the response: stops reading and closes the file. */
    void abandon() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        close();
    }

    private void close() {
        try {
            channel.close();
        } catch (IOException e) {
            body.completeExceptionally(e);
        }
    }
}
