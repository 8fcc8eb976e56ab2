package de.allmende.testkit;

import de.allmende.domain.MunicipalityInput;

/** Named fixtures: the same municipalities appear across tests and golden files. */
public final class Fixtures {
    private Fixtures() {}

    /** Musterstadt: a kreisfreie Stadt in Bayern with every optional field set. */
    public static MunicipalityInput musterstadt() {
        return new MunicipalityInput("musterstadt", "Stadt Musterstadt",
                "Offenes Rathaus seit 2017.\n\nWir teilen Projekte, Termine und Erfahrungen.",
                "https://www.musterstadt.example", "09162000", "091620000000", "Bayern", "kreisfreie-stadt", "120000", false);
    }

    /** Beispieldorf: a small Gemeinde with only the required fields. */
    public static MunicipalityInput beispieldorf() {
        return new MunicipalityInput("beispieldorf", "Gemeinde Beispieldorf", null, null, null, null, null, null, null, false);
    }

    /** Auental: a Gemeinde in Hessen that publishes; the third node in multi-node scenarios. */
    public static MunicipalityInput auental() {
        return new MunicipalityInput("auental", "Gemeinde Auental", "Neuigkeiten aus dem Rathaus.", null, null, null, "Hessen", null, null, false);
    }

    /** Netzwerk Hessen: a coordinator (issue 11), the network office of a Land. */
    public static MunicipalityInput netzwerkHessen() {
        return new MunicipalityInput("netzwerk-hessen", "Open-Government-Netzwerk Hessen", "Koordinierungsstelle des Landes.", null, null, null,
                "Hessen", null, null, false);
    }
}
