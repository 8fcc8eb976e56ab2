package de.allmende.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MediaTypesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/activity+json|ACTIVITY_JSON",
            "application/activity+json, application/ld+json|ACTIVITY_JSON",
            "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"|LD_JSON",
            "application/json|ACTIVITY_JSON",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8|HTML",
            "*/*|HTML",
            "text/html;q=0.5, application/activity+json|ACTIVITY_JSON",
            "application/activity+json;q=0.1, text/html|HTML",
    })
    void negotiatesLikeMastodonAndBrowsersExpect(String accept, MediaTypes.Representation expected) {
        assertEquals(expected, MediaTypes.negotiate(accept));
    }
}
