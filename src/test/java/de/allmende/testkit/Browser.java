package de.allmende.testkit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.net.URI;
import java.net.http.HttpResponse;

/** Fetches pages from a test node as a browser does (its Accept header) and parses them with jsoup. */
public final class Browser {
    /** What Firefox sends for a page. */
    public static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private Browser() {}

    /** A fetched page: the HTTP answer and its parsed document. */
    public record Page(HttpResponse<String> response, Document doc) {
        public int status() { return response.statusCode(); }
        public String raw() { return response.body(); }
        public String text() { return doc.body().text(); }
    }

    /** GET of a local IRI (its path on the node's loopback port). */
    public static Page open(TestNode node, URI iri) {
        return open(node, iri.getRawPath());
    }

    public static Page open(TestNode node, String path) {
        HttpResponse<String> r = node.get(path, ACCEPT);
        return new Page(r, Jsoup.parse(r.body()));
    }
}
