package de.allmende.api.statistics;

import de.allmende.testkit.TestNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A figure's CSV as a spreadsheet reads it: its header and its records (asserting a 200). */
record StatisticsCsv(List<String> header, List<CSVRecord> records) {
    static StatisticsCsv of(TestNode node, String chart, String lang) {
        HttpResponse<String> r = node.get("/statistics.csv?chart=" + chart + "&lang=" + lang, null);
        assertEquals(200, r.statusCode(), r.body());
        try (CSVParser p = CSVParser.parse(new StringReader(r.body()), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return new StatisticsCsv(p.getHeaderNames(), p.getRecords());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
