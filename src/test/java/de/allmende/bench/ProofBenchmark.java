package de.allmende.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import de.allmende.crypto.Ed25519Keys;
import de.allmende.federation.proof.DataIntegrityProof;
import de.allmende.federation.proof.VerificationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * FEP-8b32 (eddsa-jcs-2022) sign and verify rates for a ~2 KB municipal Event, the way the node does
 * them: a cached Tink signer per key (as {@code ProofSigner}), and for verifying a key resolver that
 * answers from memory (as the key cache does once warm), so the figures are JCS + SHA-256 + Ed25519.
 *
 * <pre>{@code
 * mvn -B -q test-compile exec:exec -Dexec.executable=$JAVA_HOME/bin/java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath org.openjdk.jmh.Main ProofBenchmark -f 1 -wi 2 -i 3"
 * }</pre>
 *
 * Not a test: surefire does not pick it up; the JMH annotation processor runs at test-compile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ProofBenchmark {
    private static final String KEY_ID = "https://rathaus.musterstadt.example/actors/musterstadt#ed25519-key";
    private static final Instant CREATED = Instant.parse("2026-11-22T10:15:00Z");

    private ObjectNode event;
    private ObjectNode signedEvent;
    private PublicKeySign signer;
    private Function<String, Optional<byte[]>> keys;

    @Setup
    public void setUp() {
        KeysetHandle keyset = Ed25519Keys.generate();
        signer = Ed25519Keys.signer(keyset);
        byte[] publicKey = Ed25519Keys.publicKey(keyset);
        keys = id -> KEY_ID.equals(id) ? Optional.of(publicKey) : Optional.empty();
        event = MunicipalEvent.document();
        signedEvent = DataIntegrityProof.sign(event, KEY_ID, signer, CREATED);
        int size = event.toString().getBytes(StandardCharsets.UTF_8).length;
        if (size < 1800 || size > 2400) throw new IllegalStateException("the Event should be about 2 KB, is " + size + " bytes");
        if (!DataIntegrityProof.verify(signedEvent, keys, CREATED).valid()) throw new IllegalStateException("setup proof does not verify");
    }

    @Benchmark
    public ObjectNode sign() {
        return DataIntegrityProof.sign(event, KEY_ID, signer, CREATED);
    }

    @Benchmark
    public VerificationResult verify() {
        return DataIntegrityProof.verify(signedEvent, keys, CREATED);
    }

    /** A realistic Event as a municipality publishes it: text, place with address, tags, attachment. */
    static final class MunicipalEvent {
        private static final JsonNodeFactory F = JsonNodeFactory.instance;

        static ObjectNode document() {
            String actor = "https://rathaus.musterstadt.example/actors/musterstadt";
            String id = "https://rathaus.musterstadt.example/objects/0193a7c2-5d1e-7c41-9a0e-3f6b2d8e4a10";
            ObjectNode e = F.objectNode();
            ArrayNode context = e.putArray("@context").add("https://www.w3.org/ns/activitystreams")
                    .add("https://w3id.org/security/data-integrity/v1");
            context.addObject().put("allmende", "https://w3id.org/allmende/ns#").put("ags", "allmende:ags")
                    .put("PostalAddress", "http://schema.org/PostalAddress").put("address", "http://schema.org/address");
            e.put("id", id);
            e.put("type", "Event");
            e.put("attributedTo", actor);
            e.put("name", "Bürgerversammlung zum Haushalt 2027");
            e.put("summary", "Öffentliche Bürgerversammlung: Entwurf des Haushalts 2027, Fragen und Anregungen.");
            e.put("content", "<p>Der Bürgermeister lädt alle Einwohnerinnen und Einwohner zur Bürgerversammlung ein. "
                    + "Vorgestellt werden der Entwurf des Haushalts 2027, die geplanten Investitionen in Schulen, "
                    + "Radwege und die Sanierung des Hallenbads sowie der Stand der Ortskernentwicklung.</p>"
                    + "<p>Im Anschluss beantworten die Fachbereiche Ihre Fragen. Anregungen können Sie auch vorab "
                    + "schriftlich im Bürgerbüro abgeben.</p><p>Der Saal ist barrierefrei; eine Induktionsschleife "
                    + "ist vorhanden.</p>");
            e.put("mediaType", "text/html");
            e.put("startTime", "2027-01-19T18:30:00+01:00");
            e.put("endTime", "2027-01-19T21:00:00+01:00");
            e.put("published", "2026-11-22T10:15:00Z");
            e.put("url", "https://rathaus.musterstadt.example/veranstaltungen/buergerversammlung-haushalt-2027");
            e.put("ags", "09162000");
            ObjectNode place = e.putObject("location");
            place.put("type", "Place").put("name", "Stadthalle Musterstadt, Großer Saal")
                    .put("latitude", 48.137154).put("longitude", 11.576124);
            place.putObject("address").put("type", "PostalAddress").put("streetAddress", "Marktplatz 1")
                    .put("postalCode", "80331").put("addressLocality", "Musterstadt").put("addressCountry", "DE");
            ArrayNode tags = e.putArray("tag");
            for (String t : new String[]{"Haushalt", "Bürgerbeteiligung", "Stadtrat"}) {
                tags.addObject().put("type", "Hashtag").put("name", "#" + t)
                        .put("href", "https://rathaus.musterstadt.example/tags/" + t.toLowerCase());
            }
            e.putArray("attachment").addObject().put("type", "Document").put("mediaType", "application/pdf")
                    .put("name", "Haushaltsentwurf 2027 (PDF)")
                    .put("url", "https://rathaus.musterstadt.example/media/haushaltsentwurf-2027.pdf");
            e.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
            e.putArray("cc").add(actor + "/followers");
            return e;
        }
    }
}
