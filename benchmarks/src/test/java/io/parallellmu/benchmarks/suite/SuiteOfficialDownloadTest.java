package io.parallellmu.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.parallellmu.benchmarks.cli.PlmuCommand;
import io.parallellmu.datasets.fetch.official.SourceOverrides;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code suite --data official} tries to download missing official data from the mirror a user chose (here a
 * loopback server that has nothing), and {@code --no-download} forbids it.
 */
class SuiteOfficialDownloadTest {

    @TempDir
    Path temp;

    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEmptyMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        System.setProperty(SourceOverrides.MIRRORS + "imdb", "http://127.0.0.1:" + server.getAddress().getPort() + "/m/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty(SourceOverrides.MIRRORS + "imdb");
    }

    @Test
    void missingOfficialDataIsDownloadedFirstUnlessForbidden() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));

        assertEquals(SuiteCommand.SKIPPED_EXIT, suite(data, "--no-download"));
        assertEquals(List.of(), requested);

        assertEquals(SuiteCommand.SKIPPED_EXIT, suite(data));
        assertEquals(List.of("/m/aclImdb_v1.tar.gz"), requested);
        assertEquals(false, Files.exists(data.resolve("imdb")), "a failed download leaves nothing where the loader looks");
    }

    private int suite(Path data, String... extra) {
        CommandLine command = PlmuCommand.commandLine();
        command.setErr(new PrintWriter(new StringWriter(), true));
        command.setOut(new PrintWriter(new StringWriter(), true));
        List<String> args = new java.util.ArrayList<>(List.of("suite", "--profile", "tiny", "--tasks", "imdb", "--data",
                "official", "--data-dir", data.toString(), "--out", temp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return command.execute(args.toArray(String[]::new));
    }
}
