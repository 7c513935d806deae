package io.parallellmu.datasets.fetch.official;

import io.parallellmu.datasets.fetch.Checksums;
import io.parallellmu.datasets.fetch.FetchException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one official file: tries its URLs in order, resumes a partial download with an HTTP
 * {@code Range} request, follows redirects, honours the standard Java proxy settings
 * ({@code http.proxyHost}, {@code https.proxyHost}, {@code http.nonProxyHosts}...), abandons a connection
 * that sends nothing for the stall timeout, and verifies the size and checksums before the file is kept. A
 * mismatching download is discarded and the next URL tried.
 */
final class Downloader {

    /** How many times one URL is retried after a connection cut that made progress. */
    private static final int RESUMES_PER_URL = 3;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");

    private final HttpClient client;
    private final Duration stallTimeout;
    private final ProgressPrinter progress;
    private final Set<String> unreachable = new HashSet<>();

    /**
     * Creates a downloader.
     *
     * @param stallTimeout how long a connection may send nothing before it is abandoned
     * @param progress where progress goes
     */
    Downloader(Duration stallTimeout, ProgressPrinter progress) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault())
                .connectTimeout(stallTimeout)
                .build();
        this.stallTimeout = stallTimeout;
        this.progress = progress;
    }

    /**
     * Downloads a file to {@code target}, through {@code target + ".part"}, trying each URL in turn.
     *
     * @param file the file and its pins
     * @param expectedSha256 the SHA-256 to enforce: the pinned one, one recorded on first use, or null
     * @param target where the verified file is moved
     * @return the file's SHA-256
     * @throws FetchException if no URL gave a file that matches, with each URL's failure
     */
    String download(OfficialFile file, String expectedSha256, Path target) throws IOException {
        if (Files.exists(target)) {
            try {
                return verify(file, expectedSha256, target, target.toUri());
            } catch (ChecksumMismatch e) {
                progress.line(e.getMessage());
                Files.delete(target);
            }
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        List<String> failures = new ArrayList<>();
        for (URI url : file.urls()) {
            String next = url.equals(file.urls().get(file.urls().size() - 1)) ? "" : "; trying the next source";
            if (unreachable.contains(url.getAuthority())) {
                failures.add(file.name() + " from " + url + ": skipped, " + url.getAuthority() + " was unreachable");
                continue;
            }
            try {
                fetchWithResume(url, file, part);
                String sha256 = verify(file, expectedSha256, part, url);
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return sha256;
            } catch (ChecksumMismatch e) {
                Files.deleteIfExists(part);
                progress.line(e.getMessage());
                failures.add(e.getMessage());
            } catch (Unreachable e) {
                unreachable.add(url.getAuthority());
                String message = file.name() + " from " + url + ": " + e.getMessage();
                progress.line(message + next);
                failures.add(message);
            } catch (IOException e) {
                String message = file.name() + " from " + url + ": " + e.getMessage();
                progress.line(message + next);
                failures.add(message);
            }
        }
        throw new FetchException("Could not download " + file.name() + " from any source:\n  "
                + String.join("\n  ", failures)
                + "\nChoose another mirror with -D" + SourceOverrides.MIRRORS + "<task>=<base URL>.");
    }

    private void fetchWithResume(URI url, OfficialFile file, Path part) throws IOException {
        for (int attempt = 0; ; attempt++) {
            long before = Files.exists(part) ? Files.size(part) : 0;
            try {
                fetchOnce(url, file, part, before);
                return;
            } catch (ConnectionCut e) {
                long after = Files.exists(part) ? Files.size(part) : 0;
                if (after <= before || attempt + 1 >= RESUMES_PER_URL) {
                    throw e;
                }
                progress.line(file.name() + ": connection cut at " + ProgressPrinter.bytes(after) + "; resuming");
            }
        }
    }

    private void fetchOnce(URI url, OfficialFile file, Path part, long have) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        AtomicLong lastByte = new AtomicLong(System.nanoTime());
        AtomicReference<FileBodySubscriber> body = new AtomicReference<>();
        AtomicLong offset = new AtomicLong(have);
        CompletableFuture<HttpResponse<Long>> response = client.sendAsync(request.build(), info -> {
            lastByte.set(System.nanoTime());
            int status = info.statusCode();
            boolean resumed = status == 206 && resumesAt(info.headers().firstValue("Content-Range").orElse(""), have);
            if (status != 200 && !resumed) {
                return HttpResponse.BodySubscribers.replacing(-1L);
            }
            offset.set(resumed ? have : 0);
            FileBodySubscriber subscriber = new FileBodySubscriber(part, resumed, lastByte);
            body.set(subscriber);
            return subscriber;
        });
        long total = file.size();
        progress.start(file.name(), url, offset.get(), total);
        while (true) {
            try {
                HttpResponse<Long> done = response.get(200, TimeUnit.MILLISECONDS);
                if (done.statusCode() == 416 && have > 0) {
                    if (have == total) {
                        return; // the partial file was already whole
                    }
                    Files.delete(part); // a partial file the server cannot continue: start afresh
                    fetchOnce(url, file, part, 0);
                    return;
                }
                if (done.body() < 0) {
                    throw new FetchException("HTTP " + done.statusCode() + (have > 0 ? " (for bytes " + have + "-)" : ""));
                }
                progress.done(offset.get() + done.body());
                return;
            } catch (TimeoutException e) {
                FileBodySubscriber subscriber = body.get();
                long now = System.nanoTime();
                if (now - lastByte.get() > stallTimeout.toNanos()) {
                    if (subscriber != null) {
                        subscriber.abandon();
                    }
                    response.cancel(true);
                    progress.interrupted();
                    throw new ConnectionCut("stalled: no data for " + stallTimeout.toMillis() / 1000.0
                            + " s (timeout " + SourceOverrides.TIMEOUT + "); the partial download is kept for resuming");
                }
                progress.update(offset.get() + (subscriber == null ? 0 : subscriber.written()));
            } catch (ExecutionException e) {
                progress.interrupted();
                Throwable cause = e.getCause();
                String what = cause.toString();
                for (Throwable c = cause.getCause(); c != null; c = c.getCause()) {
                    if (c.getMessage() != null) {
                        what += " (" + c.getMessage() + ")";
                        break;
                    }
                }
                if (body.get() != null) {
                    throw new ConnectionCut("connection cut: " + what);
                }
                throw new Unreachable("cannot connect: " + what, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.cancel(true);
                throw new FetchException("interrupted", e);
            }
        }
    }

    private static boolean resumesAt(String contentRange, long have) {
        Matcher m = CONTENT_RANGE.matcher(contentRange);
        return m.matches() && Long.parseLong(m.group(1)) == have;
    }

    private static String verify(OfficialFile file, String expectedSha256, Path part, URI url) throws IOException {
        long size = Files.size(part);
        if (file.size() >= 0 && size != file.size()) {
            throw new ChecksumMismatch(file.name() + " from " + url + ": expected " + file.size() + " bytes but got "
                    + size + "; discarded");
        }
        MessageDigest sha256 = Checksums.sha256();
        MessageDigest md5 = md5();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(part)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                md5.update(buffer, 0, n);
            }
        }
        String actualSha256 = HexFormat.of().formatHex(sha256.digest());
        mustMatch(file, url, "SHA-256", expectedSha256, actualSha256);
        mustMatch(file, url, "MD5", file.md5(), HexFormat.of().formatHex(md5.digest()));
        return actualSha256;
    }

    private static void mustMatch(OfficialFile file, URI url, String algorithm, String expected, String actual)
            throws ChecksumMismatch {
        if (expected != null && !expected.equalsIgnoreCase(actual)) {
            throw new ChecksumMismatch(file.name() + " from " + url + ": checksum mismatch, expected " + algorithm + " "
                    + expected + " but got " + actual + "; discarded");
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    /** A download whose bytes do not match the pins; the next source is tried. */
    private static final class ChecksumMismatch extends FetchException {
        private static final long serialVersionUID = 1L;

        ChecksumMismatch(String message) {
            super(message);
        }
    }

    /** A host that could not be reached; later files skip it. */
    private static final class Unreachable extends FetchException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A connection that broke or stalled after the response began; the partial file is kept. */
    private static final class ConnectionCut extends FetchException {
        private static final long serialVersionUID = 1L;

        ConnectionCut(String message) {
            super(message);
        }
    }
}
