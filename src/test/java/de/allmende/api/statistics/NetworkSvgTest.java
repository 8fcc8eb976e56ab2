package de.allmende.api.statistics;

import de.allmende.content.statistics.NetworkGraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("network SVG: a dot and a name per member, an arrow per follow and per boost, what was left out said")
class NetworkSvgTest {
    private static final NetworkSvg.Words WORDS = new NetworkSvg.Words("folgt", "teilt Beiträge", "Nichts", "5 weitere nicht gezeigt");

    @Test
    @DisplayName("mutual follows are two arrows; a follow with boosts is a line and a dashed line; the names are drawn")
    void drawn() {
        NetworkGraph g = new NetworkGraph(List.of(new NetworkGraph.Member("a@x", "Stadt A"), new NetworkGraph.Member("b@x", "Gemeinde B"),
                new NetworkGraph.Member("c@x", "Kreis C")),
                List.of(new NetworkGraph.Link(0, 1, true, 2), new NetworkGraph.Link(1, 0, true, 0), new NetworkGraph.Link(2, 0, false, 1)), 5);
        Document svg = Jsoup.parse(NetworkSvg.render("n", "Netz", "Wer wem folgt", g, WORDS), Parser.xmlParser());
        assertEquals(3, svg.select("circle.member").size());
        assertEquals(2, svg.select("line.follows").size());
        assertEquals(2, svg.select("line.boosts").size());
        List<String> texts = svg.select("text").eachText();
        assertTrue(texts.containsAll(List.of("Netz", "Stadt A", "Gemeinde B", "Kreis C", "folgt", "teilt Beiträge", "5 weitere nicht gezeigt")), texts::toString);
        assertEquals(NetworkSvg.WIDTH, Integer.parseInt(svg.selectFirst("svg").attr("width")));
    }

    @Test
    @DisplayName("no members: the words for nothing, no dots")
    void empty() {
        Document svg = Jsoup.parse(NetworkSvg.render("n", "Netz", "leer", new NetworkGraph(List.of(), List.of(), 0), WORDS), Parser.xmlParser());
        assertEquals(0, svg.select("circle.member").size());
        assertTrue(svg.select("text").eachText().contains("Nichts"));
    }
}
