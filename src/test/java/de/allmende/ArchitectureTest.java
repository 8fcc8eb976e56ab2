package de.allmende;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of issue 9, checked on the compiled main classes:
 * <pre>
 *   composition root (Main, Launcher, Node, Services) — wires everything
 *   cli, api          adapters: command line; HTTP (ActivityPub, well-known, staff API, web pages, feeds)
 *   federation        the protocol adapter: inbound verifies, parses, converts and calls services; outbound
 *                     implements the service ports (converts to ActivityStreams, signs, queues delivery)
 *   service           use cases; talks to federation only through its ports (service.port)
 *   store             persistence only
 *   domain, content   the model (content: municipal content, see the Jackson rule for its one exception)
 * </pre>
 * Layers may skip layers downwards (api reads collections straight from stores) but never point up.
 * db, config, crypto and support are infrastructure every layer may use; they use no layer but the domain.
 */
class ArchitectureTest {
    private static final String ROOT = "de.allmende";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void layersPointOneWay() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                .layer("Composition root").definedBy(ROOT)
                .layer("Cli").definedBy(ROOT + ".cli..")
                .layer("Api").definedBy(ROOT + ".api..")
                .layer("Federation").definedBy(ROOT + ".federation..")
                .layer("Service").definedBy(ROOT + ".service..")
                .layer("Store").definedBy(ROOT + ".store..")
                .layer("Routes").definedBy(ROOT + ".route..")
                .layer("Domain").definedBy(ROOT + ".domain..", ROOT + ".content..")
                // The adapters are handed the composition root to pick their collaborators from.
                .whereLayer("Composition root").mayOnlyBeAccessedByLayers("Cli", "Api")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Composition root")
                .whereLayer("Api").mayOnlyBeAccessedByLayers("Composition root")
                .whereLayer("Federation").mayOnlyBeAccessedByLayers("Composition root", "Cli", "Api")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Composition root", "Cli", "Api", "Federation")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Composition root", "Cli", "Api", "Federation", "Service")
                // The one route table: the HTTP adapters route by it, federation builds and parses IRIs with it.
                .whereLayer("Routes").mayOnlyBeAccessedByLayers("Composition root", "Api", "Federation");
        rule.check(MAIN);
    }

    /**
     * Inbound, federation verifies, parses and converts; the use cases in {@code service} change state and record what
     * happened. So the inbound handlers reach no store: what they keep, a service keeps for them.
     */
    @Test
    void inboundHandlersCallServicesNotStores() {
        noClasses().that().resideInAPackage(ROOT + ".federation.inbox.handlers..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".store..")
                .check(MAIN);
    }

    @Test
    void noTwoTopLevelPackagesDependOnEachOther() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theDomainDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage(ROOT + ".domain..")
                .should().dependOnClassesThat(ours().and(resideOutsideOfPackage(ROOT + ".domain..")))
                .check(MAIN);
        noClasses().that().resideInAPackage(ROOT + ".content..")
                .should().dependOnClassesThat(ours().and(resideOutsideOfPackages(ROOT + ".content..", ROOT + ".domain..")))
                .check(MAIN);
    }

    @Test
    void infrastructureUsesNoLayer() {
        noClasses().that().resideInAnyPackage(ROOT + ".db..", ROOT + ".config..", ROOT + ".crypto..", ROOT + ".support..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cli..", ROOT + ".api..", ROOT + ".federation..",
                        ROOT + ".service..", ROOT + ".store..", ROOT + ".content..")
                .check(MAIN);
    }

    /**
     * Jackson appears only where JSON is the job: federation (ActivityStreams), api (HTTP bodies: the
     * ActivityPub documents federation renders, the staff API, well-known, error bodies), store (documents
     * kept as they came, see {@link #onlyTheirOwnersReadJsonTrees()}), config (YAML files) and content,
     * whose staff-API JSON is also its storage format. Services, the domain, pages and feeds speak records.
     * One exception until the typed domain model (issue 9, point 2) gives content a storage shape of its
     * own: {@code ContentService} still takes the staff API's JSON and stores it as it is.
     */
    @Test
    void jacksonOnlyWhereJsonIsTheJob() {
        noClasses().that().resideInAnyPackage(ROOT, ROOT + ".domain..", ROOT + ".service..", ROOT + ".cli..",
                        ROOT + ".db..", ROOT + ".crypto..", ROOT + ".support..",
                        ROOT + ".api.web..", ROOT + ".api.feed..", ROOT + ".api.ops..", ROOT + ".api.server..")
                .and().doNotHaveFullyQualifiedName(ROOT + ".service.ContentService")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(MAIN);
    }

    /**
     * A JSON tree is read only by the code whose vocabulary it is: federation (ActivityStreams), the staff
     * API and content (the staff API's JSON), well-known and the error bodies (JSON they build themselves),
     * config (YAML). Stores write and load documents without looking inside; the ActivityPub endpoints and
     * the pages serve federation's documents without deciding anything by their contents.
     */
    @Test
    void onlyTheirOwnersReadJsonTrees() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".federation..", ROOT + ".api.staff..", ROOT + ".content..",
                        ROOT + ".api.wellknown..", ROOT + ".api", ROOT + ".config..")
                .should().callMethodWhere(readsAJsonTree())
                .check(MAIN);
    }

    /**
     * ActivityStreams documents cross the federation boundary only towards the ActivityPub endpoints that
     * serve them (and the HTTP wiring): nobody else hands federation JSON or takes JSON from it. Feeds and
     * pages get the words of a post from federation as a record. The staff API shares federation's strict
     * JSON reader, which knows nothing of ActivityStreams.
     */
    @Test
    void activityStreamsJsonStaysInFederation() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".federation..", ROOT + ".api.activitypub..", ROOT + ".api")
                .should().callCodeUnitWhere(DescribedPredicate.describe("federation code that takes or returns JSON", call ->
                        call.getTargetOwner().getPackageName().startsWith(ROOT + ".federation")
                                && !call.getTargetOwner().getName().startsWith(ROOT + ".federation.json.StrictJson")
                                && (isJackson(call.getTarget().getRawReturnType())
                                        || call.getTarget().getRawParameterTypes().stream().anyMatch(ArchitectureTest::isJackson))))
                .check(MAIN);
    }

    private static DescribedPredicate<JavaMethodCall> readsAJsonTree() {
        Set<String> readers = Set.of("get", "path", "has", "hasNonNull", "at", "size", "fields", "fieldNames", "properties",
                "elements", "iterator", "forEach", "spliterator", "values");
        return DescribedPredicate.describe("reads a JsonNode (get, path, has, as…, is…, find…, …Value)", call -> {
            String name = call.getName();
            return call.getTargetOwner().isAssignableTo(JsonNode.class)
                    && (readers.contains(name) || name.startsWith("as") || name.startsWith("is") || name.startsWith("find")
                    || name.endsWith("Value"));
        });
    }

    private static boolean isJackson(JavaClass type) {
        return type.getPackageName().startsWith("com.fasterxml.jackson");
    }

    private static DescribedPredicate<JavaClass> ours() {
        return resideInAPackage(ROOT + "..");
    }
}
