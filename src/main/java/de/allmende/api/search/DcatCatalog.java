package de.allmende.api.search;

import de.allmende.route.Route;
import de.allmende.store.SearchExportStore.Publisher;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.ModelBuilder;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.turtle.TurtleWriterFactory;

import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The node's catalogue in DCAT-AP.de (issue 11, point 6), for open-data portals such as GovData to harvest: a
 * {@code dcat:Catalog} published by the node, one {@code dcat:Dataset} per municipality with public content, each with
 * a CSV and a JSON-LD distribution (the search exports filtered to it), licence CC BY 4.0, and the municipality's AGS
 * as {@code dcatde:politicalGeocodingURI} where it is known. Titles and descriptions are German.
 */
final class DcatCatalog {
    static final String DCATDE = "http://dcat-ap.de/def/dcatde/";
    /** DCAT-AP.de's licence vocabulary; the node's content is CC BY 4.0 (the node does not yet say otherwise). */
    static final String LICENSE_CC_BY = "http://dcat-ap.de/def/licenses/cc-by/4.0";
    private static final String GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/";
    private static final String GEOCODING_LEVEL = "http://dcat-ap.de/def/politicalGeocoding/Level/municipality";
    private static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    private static final String IANA = "https://www.iana.org/assignments/media-types/";
    /** Data theme of the EU vocabulary: government and public sector. */
    private static final String THEME_GOVE = "http://publications.europa.eu/resource/authority/data-theme/GOVE";
    private static final String LANG_DE = "http://publications.europa.eu/resource/authority/language/DEU";

    private final ValueFactory vf = SimpleValueFactory.getInstance();

    /** {@code authors} gives each municipality's actor IRI. */
    String write(URI base, String nodeName, URI nodeActor, List<Publisher> publishers, Function<Publisher, URI> authors, Instant now) {
        IRI catalog = vf.createIRI(base + Route.CATALOG.path());
        ModelBuilder b = new ModelBuilder().setNamespace(DCAT.NS).setNamespace(DCTERMS.NS).setNamespace(FOAF.NS)
                .setNamespace("dcatde", DCATDE).setNamespace(XSD.NS);
        IRI node = vf.createIRI(nodeActor.toString());
        b.subject(node).add(RDF.TYPE, FOAF.AGENT).add(FOAF.NAME, vf.createLiteral(nodeName, "de"));
        b.subject(catalog).add(RDF.TYPE, DCAT.CATALOG)
                .add(DCTERMS.TITLE, vf.createLiteral("Katalog des Knotens " + nodeName, "de"))
                .add(DCTERMS.DESCRIPTION, vf.createLiteral("Öffentliche Inhalte der Kommunen, die dieser Allmende-Knoten hält: "
                        + "Projekte, Erfahrungen, Termine und Meldungen, je Kommune als CSV und JSON-LD mit Herkunftsangaben.", "de"))
                .add(DCTERMS.PUBLISHER, node).add(FOAF.HOMEPAGE, vf.createIRI(base.toString() + "/"))
                .add(DCTERMS.LANGUAGE, vf.createIRI(LANG_DE)).add(DCTERMS.MODIFIED, vf.createLiteral(now.toString(), XSD.DATETIME));
        for (Publisher p : publishers) {
            IRI dataset = vf.createIRI(catalog + "#" + enc(p.municipality()));
            IRI municipality = vf.createIRI(authors.apply(p).toString());
            b.subject(catalog).add(DCAT.HAS_DATASET, dataset);
            b.subject(municipality).add(RDF.TYPE, FOAF.AGENT).add(FOAF.NAME, vf.createLiteral(p.name(), "de"));
            b.subject(dataset).add(RDF.TYPE, DCAT.DATASET)
                    .add(DCTERMS.IDENTIFIER, vf.createLiteral(p.municipality()))
                    .add(DCTERMS.TITLE, vf.createLiteral("Öffentliche Inhalte: " + p.name(), "de"))
                    .add(DCTERMS.DESCRIPTION, vf.createLiteral(p.items() + " öffentliche Beiträge von " + p.name()
                            + " (Projekte, Erfahrungen, Termine, Meldungen) mit Handlungsfeldern, Datum, Sprache und Herkunft.", "de"))
                    .add(DCTERMS.PUBLISHER, municipality).add(DCAT.THEME, vf.createIRI(THEME_GOVE))
                    .add(DCTERMS.LICENSE, vf.createIRI(LICENSE_CC_BY)).add(DCTERMS.MODIFIED, vf.createLiteral(p.newest().toString(), XSD.DATETIME))
                    .add(DCAT.LANDING_PAGE, vf.createIRI(base + Route.SEARCH_PAGE.path() + "?municipality=" + enc(p.municipality())));
            p.ags().ifPresent(ags -> b.subject(dataset).add(vf.createIRI(DCATDE, "politicalGeocodingURI"), vf.createIRI(GEOCODING + ags))
                    .add(vf.createIRI(DCATDE, "politicalGeocodingLevelURI"), vf.createIRI(GEOCODING_LEVEL)));
            distribution(b, dataset, base, Route.SEARCH_CSV, p, "CSV", "text/csv");
            distribution(b, dataset, base, Route.SEARCH_JSONLD, p, "JSON_LD", "application/ld+json");
        }
        StringWriter out = new StringWriter();
        Rio.write(b.build(), new TurtleWriterFactory().getWriter(out)); // the factory itself: no service registry in a shaded jar
        return out.toString();
    }

    private void distribution(ModelBuilder b, IRI dataset, URI base, Route export, Publisher p, String fileType, String mediaType) {
        IRI url = vf.createIRI(base + export.path() + "?municipality=" + enc(p.municipality()));
        IRI distribution = vf.createIRI(dataset + "-" + fileType.toLowerCase(java.util.Locale.ROOT));
        b.subject(dataset).add(DCAT.HAS_DISTRIBUTION, distribution);
        b.subject(distribution).add(RDF.TYPE, DCAT.DISTRIBUTION)
                .add(DCTERMS.TITLE, vf.createLiteral(p.name() + " als " + fileType.replace('_', '-'), "de"))
                .add(DCAT.ACCESS_URL, url).add(DCAT.DOWNLOAD_URL, url)
                .add(DCTERMS.FORMAT, vf.createIRI(FILE_TYPE + fileType)).add(DCAT.MEDIA_TYPE, vf.createIRI(IANA + mediaType))
                .add(DCTERMS.LICENSE, vf.createIRI(LICENSE_CC_BY))
                .add(vf.createIRI(DCATDE, "licenseAttributionByText"), vf.createLiteral(p.name(), "de"));
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
