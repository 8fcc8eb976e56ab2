package de.allmende.domain;

import de.allmende.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MunicipalityInputTest {

    @Test
    void theFullFixtureIsValid() {
        MunicipalityProfile p = Fixtures.musterstadt().validate();
        assertEquals(Land.BAYERN, p.land().orElseThrow());
        assertEquals(MunicipalityType.KREISFREIE_STADT, p.municipalityType().orElseThrow());
        assertEquals(120000, p.population().orElseThrow());
    }

    @Test
    void everyInvalidFieldIsReportedWithItsName() {
        ValidationException e = assertThrows(ValidationException.class, () -> new MunicipalityInput(
                "Bad Handle!", "", "x".repeat(2001), "javascript:alert(1)", "1234", "12345678901x", "Atlantis", "dorf", "-5", false).validate());
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("handle", "name", "summary", "website", "land", "ags", "ars", "type", "population"), fields);
    }

    @Test
    void agsAndArsMustBelongToTheLandAndToEachOther() {
        var wrongLand = assertThrows(ValidationException.class, () -> input("09162000", null, "Hessen").validate());
        assertTrue(wrongLand.getMessage().contains("belongs to Bayern, not to Hessen"), wrongLand.getMessage());
        var noLand = assertThrows(ValidationException.class, () -> input("17000000", null, null).validate());
        assertTrue(noLand.getMessage().contains("no Land key"));
        var mismatch = assertThrows(ValidationException.class, () -> input("09162000", "091630000000", null).validate());
        assertTrue(mismatch.getMessage().contains("does not match the AGS"));
        // Amt-angehörige Gemeinde: ARS carries the Verband digits the AGS leaves out.
        assertEquals("130725259", input("13072079", "130725259079", "DE-MV").validate().ars().orElseThrow().substring(0, 9));
    }

    @Test
    void landAcceptsNameKeyAndIsoCode() {
        assertEquals(Land.BADEN_WUERTTEMBERG, Land.parse("Baden-Württemberg").orElseThrow());
        assertEquals(Land.BADEN_WUERTTEMBERG, Land.parse("08").orElseThrow());
        assertEquals(Land.BADEN_WUERTTEMBERG, Land.parse("de-bw").orElseThrow());
        assertEquals(Land.THUERINGEN, Land.parse("Thueringen").orElseThrow());
    }

    @Test
    void reservedHandlesAreRefused() {
        var e = assertThrows(ValidationException.class, () ->
                new MunicipalityInput("actor", "X", null, null, null, null, null, null, null, false).validate());
        assertTrue(e.getMessage().contains("reserved"));
    }

    private static MunicipalityInput input(String ags, String ars, String land) {
        return new MunicipalityInput("x", "X", null, null, ags, ars, land, null, null, false);
    }
}
