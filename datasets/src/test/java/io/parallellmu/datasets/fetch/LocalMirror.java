package io.parallellmu.datasets.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on the loopback address that serves files the tests built, honouring {@code Range}, and
 * misbehaves on request: cuts a connection halfway, stalls halfway, answers 404, or redirects. It records
 * every request.
 */
final class LocalMirror implements AutoCloseable {

    /** How a path misbehaves. */
    enum Fault {
        /** The first full request gets half the bytes, then the connection is closed. */
        CUT_ONCE,
        /** Every request gets its headers, then nothing until the mirror closes. */
        STALL
    }

    /**
     * One request.
     *
     * @param path the path
     * @param range the {@code Range} header, or null
     */
    record Request(String path, String range) {}

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    LocalMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Returns the base URL of a folder on this mirror, ending in {@code /}. */
    String base(String folder) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + folder + "/";
    }

    void serve(String path, byte[] bytes) {
        files.put(path, bytes);
    }

    void redirect(String from, String to) {
        redirects.put(from, to);
    }

    void fault(String path, Fault fault) {
        faults.put(path, fault);
    }

    void heal(String path) {
        faults.remove(path);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void forgetRequests() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(new Request(path, range));
        try (exchange) {
            String target = redirects.get(path);
            if (target != null) {
                exchange.getResponseHeaders().add("Location", target);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] bytes = files.get(path);
            if (bytes == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int from = 0;
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (m != null && m.matches()) {
                from = Integer.parseInt(m.group(1));
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
                exchange.sendResponseHeaders(206, bytes.length - from);
            } else {
                exchange.sendResponseHeaders(200, bytes.length);
            }
            OutputStream out = exchange.getResponseBody();
            Fault fault = faults.get(path);
            if (fault == Fault.STALL) {
                out.flush();
                closing.await(30, TimeUnit.SECONDS);
            } else if (fault == Fault.CUT_ONCE && from == 0) {
                faults.remove(path);
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                throw new IOException("cut on purpose");
            } else {
                out.write(bytes, from, bytes.length - from);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@inheritDoc} */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
