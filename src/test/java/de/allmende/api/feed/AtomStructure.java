package de.allmende.api.feed;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses a feed with the JDK's XML parser (not Rome, which wrote it) and checks the structure
 * RFC 4287 requires. Reports every violation found, not only the first.
 */
final class AtomStructure {
    static final String ATOM = "http://www.w3.org/2005/Atom";

    private final List<String> problems = new ArrayList<>();

    private AtomStructure() {}

    /** The parsed document; fails with every RFC 4287 violation found. */
    static Document parseValid(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        AtomStructure check = new AtomStructure();
        check.feed(doc.getDocumentElement());
        if (!check.problems.isEmpty()) throw new AssertionError("not valid Atom (RFC 4287):\n- " + String.join("\n- ", check.problems));
        return doc;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    static String text(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.getFirst().getTextContent();
    }

    private void feed(Element feed) {
        if (!ATOM.equals(feed.getNamespaceURI()) || !"feed".equals(feed.getLocalName())) {
            problems.add("root is not atom:feed but " + feed.getNamespaceURI() + " " + feed.getLocalName());
            return;
        }
        exactlyOne(feed, "feed", "id", "title", "updated");
        atMostOne(feed, "feed", "generator", "icon", "logo", "rights", "subtitle");
        common(feed, "feed");
        List<Element> entries = children(feed, "entry");
        boolean everyEntryHasAuthor = entries.stream().allMatch(e -> !children(e, "author").isEmpty());
        if (children(feed, "author").isEmpty() && !everyEntryHasAuthor) problems.add("feed: no atom:author, and not every entry has one (4.1.1)");
        Set<String> ids = new HashSet<>();
        for (Element e : entries) {
            String id = text(e, "id");
            exactlyOne(e, "entry " + id, "id", "title", "updated");
            atMostOne(e, "entry " + id, "content", "published", "rights", "source", "summary");
            common(e, "entry " + id);
            if (!ids.add(id)) problems.add("entry id " + id + " appears twice");
            boolean hasContent = !children(e, "content").isEmpty();
            boolean hasAlternate = children(e, "link").stream().anyMatch(l -> "alternate".equals(rel(l)));
            if (!hasContent && !hasAlternate) problems.add("entry " + id + ": neither content nor alternate link (4.1.2)");
            date(e, "entry " + id, "published");
        }
    }

    /** Rules shared by feed and entry: ids are absolute IRIs, dates RFC 3339, links and text constructs well-formed. */
    private void common(Element el, String where) {
        String id = text(el, "id");
        if (id != null && !URI.create(id.strip()).isAbsolute()) problems.add(where + ": id is not an absolute IRI");
        date(el, where, "updated");
        for (String t : List.of("title", "subtitle", "summary", "rights")) {
            for (Element c : children(el, t)) {
                String type = c.getAttribute("type");
                if (!type.isEmpty() && !Set.of("text", "html", "xhtml").contains(type)) problems.add(where + ": " + t + " has type " + type);
            }
        }
        Set<String> alternates = new HashSet<>();
        for (Element l : children(el, "link")) {
            if (l.getAttribute("href").isEmpty()) problems.add(where + ": link without href (4.2.7)");
            if ("alternate".equals(rel(l)) && !alternates.add(l.getAttribute("type") + "|" + l.getAttribute("hreflang"))) {
                problems.add(where + ": two alternate links with the same type and hreflang (4.1.1)");
            }
        }
        for (Element a : children(el, "author")) {
            if (children(a, "name").size() != 1) problems.add(where + ": author without exactly one name (3.2.1)");
        }
        for (Element c : children(el, "category")) {
            if (c.getAttribute("term").isEmpty()) problems.add(where + ": category without term (4.2.2)");
        }
    }

    private void date(Element el, String where, String name) {
        String value = text(el, name);
        if (value == null) return;
        try {
            OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (RuntimeException e) {
            problems.add(where + ": " + name + " '" + value + "' is not an RFC 3339 date-time (3.3)");
        }
    }

    private void exactlyOne(Element el, String where, String... names) {
        for (String n : names) {
            int count = children(el, n).size();
            if (count != 1) problems.add(where + ": " + count + " atom:" + n + " elements, must be exactly one");
        }
    }

    private void atMostOne(Element el, String where, String... names) {
        for (String n : names) if (children(el, n).size() > 1) problems.add(where + ": more than one atom:" + n);
    }

    private static String rel(Element link) {
        return link.hasAttribute("rel") ? link.getAttribute("rel") : "alternate";
    }
}
