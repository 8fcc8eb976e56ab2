package de.allmende.federation.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connecting to the checked IP address must not weaken TLS: SNI, the Host header and the certificate
 * check still use the host name. A server with a certificate for tls.example, reached on 127.0.0.1.
 */
@Timeout(60) // a regression would hang the build, not fail it
@DisplayName("HTTPS to a pinned address still speaks and checks the host name")
class SafeHttpClientTlsTest {
    private static final String PASSWORD = "changeit";

    @Test
    @DisplayName("SNI and Host name the host, and a certificate for another name is refused")
    void sniHostAndCertificateUseTheName(@TempDir Path dir) throws Exception {
        Path keystore = selfSigned(dir, "tls.example");
        PfxOptions store = new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD);
        AtomicReference<String> sni = new AtomicReference<>();
        AtomicReference<String> host = new AtomicReference<>();
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true).setKeyCertOptions(store))
                    .requestHandler(request -> {
                        sni.set(request.connection().indicatedServerName());
                        host.set(request.authority().toString());
                        request.response().end("{}");
                    })
                    .listen(0, "127.0.0.1").await();
            SafeHttpClient.Settings settings = SafeHttpClient.Settings.defaults(true)
                    .withResolver(name -> List.of(InetAddress.getLoopbackAddress()))
                    .withTrust(store);
            try (SafeHttpClient client = new SafeHttpClient(settings)) {
                URI good = URI.create("https://tls.example:" + server.actualPort() + "/actor");
                assertEquals(200, client.get(good, Limits.FETCH, Map.of(), u -> Map.of()).status());
                assertEquals("tls.example", sni.get(), "SNI");
                assertEquals("tls.example:" + server.actualPort(), host.get(), "Host");

                URI wrongName = URI.create("https://other.example:" + server.actualPort() + "/actor");
                IOException refused = assertThrows(IOException.class, () -> client.get(wrongName, Limits.FETCH, Map.of(), u -> Map.of()),
                        "the certificate is for tls.example, whatever address other.example resolved to");
                assertInstanceOf(CertificateException.class, rootCause(refused), refused.toString());
                assertTrue(rootCause(refused).getMessage().contains("other.example"), rootCause(refused).getMessage());
            }
        } finally {
            vertx.close().await();
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t;
    }

    /** A PKCS#12 key store with a self-signed certificate for {@code name}, made with the JDK's keytool. */
    private static Path selfSigned(Path dir, String name) throws IOException, InterruptedException {
        Path keystore = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "tls", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=dns:" + name,
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) throw new IOException("keytool failed: " + output);
        return keystore;
    }
}
