package de.allmende.federation.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8785 examples, run through the Jackson tree → canonicalizer bridge. */
class JcsTest {

    private static final String NUMBERS =
            "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001]}";

    @Test
    void numbersFollowRfc8785Section3223WhateverJacksonParsedThemInto() throws IOException {
        String expected = "{\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27]}";
        ObjectMapper doubles = new ObjectMapper();
        ObjectMapper decimals = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

        assertEquals(expected, canonical(doubles, NUMBERS));
        assertEquals(expected, canonical(decimals, NUMBERS));
    }

    @Test
    void propertiesAreSortedByUtf16CodeUnitsAsInRfc8785Section323() throws IOException {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        List<String> keys = new ArrayList<>();
        new ObjectMapper().readTree(canonical(new ObjectMapper(), input)).fieldNames().forEachRemaining(keys::add);

        assertEquals(List.of("\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"), keys);
    }

    @Test
    void whitespaceAndEscapesAreNormalized() throws IOException {
        assertEquals("{\"a\":\"é\\n\",\"b\":[true,null,-0.5]}",
                canonical(new ObjectMapper(), "{ \"b\" : [ true , null , -5e-1 ] ,\n \"a\":\"\\u00e9\\u000a\" }"));
    }

    @Test
    void numbersOutsideDoubleRangeCannotBeCanonicalized() {
        ObjectMapper decimals = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

        assertThrows(IOException.class, () -> canonical(decimals, "{\"n\": 1e400}"));
    }

    @Test
    void loneSurrogatesAreRefusedRatherThanReplacedByAQuestionMark() {
        assertThrows(IOException.class, () -> canonical(new ObjectMapper(), "{\"s\": \"\\ud800\"}"));
        assertThrows(IOException.class, () -> canonical(new ObjectMapper(), "{\"\\udc00\": 1}"));
    }

    private static String canonical(ObjectMapper mapper, String json) throws IOException {
        return new String(Jcs.canonicalize(mapper.readTree(json)), StandardCharsets.UTF_8);
    }
}
