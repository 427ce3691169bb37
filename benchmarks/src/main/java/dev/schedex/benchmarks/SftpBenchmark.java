package dev.schedex.benchmarks;

import dev.schedex.destination.sftp.SftpDestination;
import dev.schedex.spi.Delivery;
import dev.schedex.testing.Deliveries;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SFTP destination against the bare MINA sshd client writing the same bytes to the same
 * in-process MINA server in the same run. Both open a session per write (connect, key exchange,
 * public-key authentication, SFTP channel), as the destination does per delivery; the bare client
 * then writes the file in place, the destination adds what makes it safe: the root's realpath, a
 * look at each folder and the target, the temporary name and the rename. {@code bytes} 65536 shows
 * the fixed cost, 52428800 (50 MB) the throughput.
 *
 * <p>On a shared machine the load drifts between JMH's runs of one method and the other; {@link
 * #main} therefore also measures them in pairs, one after the other, and reports the median of
 * each and the median of the ratios, which drift affects far less.
 *
 * <pre>
 * mvn -q -o -pl destinations/sftp,benchmarks package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SftpBenchmark
 * java -cp benchmarks/target/benchmarks.jar dev.schedex.benchmarks.SftpBenchmark 52428800 15
 * java -cp benchmarks/target/benchmarks.jar dev.schedex.benchmarks.SftpBenchmark 65536 60
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class SftpBenchmark {

    private static final String USER = "bench";
    /** Generous: on a loaded machine a key exchange can take seconds; the same for both sides. */
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(120);

    /** The export's size in bytes. */
    @Param({"65536", "52428800"})
    public int bytes;

    private Path folder;
    private SshServer server;
    private KeyPair hostKey;
    private KeyPair clientKey;
    private SshClient bare;
    private SftpDestination destination;
    private Delivery delivery;
    private byte[] content;

    @Setup(Level.Trial)
    public void setUp() throws IOException, GeneralSecurityException {
        folder = Files.createTempDirectory("sftp-bench");
        Files.createDirectories(folder.resolve("bare"));
        Files.createDirectories(folder.resolve("schedex"));
        hostKey = ecKey();
        clientKey = ecKey();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator(
                (user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(folder));
        server.start();

        bare = SshClient.setUpDefaultClient();
        bare.setServerKeyVerifier(new RequiredServerKeyVerifier(hostKey.getPublic()));
        bare.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        bare.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        org.apache.sshd.sftp.SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(bare, TIMEOUT);
        org.apache.sshd.core.CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(bare, TIMEOUT);
        org.apache.sshd.sftp.client.impl.AbstractSftpClient.SFTP_CLIENT_CMD_TIMEOUT.set(bare, TIMEOUT);
        org.apache.sshd.core.CoreModuleProperties.IDLE_TIMEOUT.set(bare, TIMEOUT);
        bare.start();

        destination = SftpDestination.builder("bench")
                .host("127.0.0.1")
                .port(server.getPort())
                .username(USER)
                .privateKey(clientKey)
                .hostKey(hostKey.getPublic())
                .root("/schedex")
                .connectTimeout(TIMEOUT)
                .authTimeout(TIMEOUT)
                .ioTimeout(TIMEOUT)
                .build();
        content = new byte[bytes];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + (i >>> 11));
        }
        delivery = Deliveries.png(Map.of(), Instant.parse("2026-03-29T01:30:00Z"), content);
    }

    private static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** The bare client: a session, an SFTP channel, the bytes written to their final name. */
    @Benchmark
    public void bareMinaClient() throws IOException {
        try (ClientSession session = bare.connect(USER, "127.0.0.1", server.getPort())
                .verify(TIMEOUT.toMillis())
                .getSession()) {
            session.addPublicKeyIdentity(clientKey);
            session.auth().verify(TIMEOUT.toMillis());
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
                    OutputStream out = sftp.write("/bare/export.png")) {
                out.write(content);
            }
        }
    }

    /** The destination: the same bytes, to a temporary name, renamed over the final one. */
    @Benchmark
    public String schedexDelivery() throws IOException {
        return destination.deliver(delivery).location();
    }

    /**
     * Paired runs: {@code args[0]} bytes, {@code args[1]} pairs after as many warm-up pairs, the
     * order within a pair alternating.
     *
     * @param args the size and the number of pairs
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        SftpBenchmark b = new SftpBenchmark();
        b.bytes = Integer.parseInt(args[0]);
        int pairs = Integer.parseInt(args[1]);
        b.setUp();
        try {
            double[] bareMs = new double[pairs];
            double[] oursMs = new double[pairs];
            double[] ratios = new double[pairs];
            for (int i = -pairs; i < pairs; i++) {
                boolean bareFirst = (i & 1) == 0;
                long a = bareFirst ? b.timeBare() : b.timeOurs();
                long c = bareFirst ? b.timeOurs() : b.timeBare();
                long bare = bareFirst ? a : c;
                long ours = bareFirst ? c : a;
                if (i >= 0) {
                    bareMs[i] = bare / 1e6;
                    oursMs[i] = ours / 1e6;
                    ratios[i] = (double) ours / bare;
                }
            }
            double bare = median(bareMs);
            double ours = median(oursMs);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "bytes=%d pairs=%d bare median %.1f ms (%.1f MB/s), schedex median %.1f ms (%.1f MB/s), "
                            + "median ratio %.3f%n",
                    b.bytes,
                    pairs,
                    bare,
                    b.bytes / 1e6 / (bare / 1e3),
                    ours,
                    b.bytes / 1e6 / (ours / 1e3),
                    median(ratios));
        } finally {
            b.tearDown();
        }
    }

    private long timeBare() throws IOException {
        long start = System.nanoTime();
        bareMinaClient();
        return System.nanoTime() - start;
    }

    private long timeOurs() throws IOException {
        long start = System.nanoTime();
        schedexDelivery();
        return System.nanoTime() - start;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        destination.close();
        bare.stop();
        server.stop(true);
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
