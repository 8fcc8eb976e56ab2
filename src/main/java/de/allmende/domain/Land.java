package de.allmende.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** The 16 Länder with their two-digit key, the first two digits of every AGS and ARS. */
public enum Land {
    SCHLESWIG_HOLSTEIN("01", "Schleswig-Holstein", "DE-SH"),
    HAMBURG("02", "Hamburg", "DE-HH"),
    NIEDERSACHSEN("03", "Niedersachsen", "DE-NI"),
    BREMEN("04", "Bremen", "DE-HB"),
    NORDRHEIN_WESTFALEN("05", "Nordrhein-Westfalen", "DE-NW"),
    HESSEN("06", "Hessen", "DE-HE"),
    RHEINLAND_PFALZ("07", "Rheinland-Pfalz", "DE-RP"),
    BADEN_WUERTTEMBERG("08", "Baden-Württemberg", "DE-BW"),
    BAYERN("09", "Bayern", "DE-BY"),
    SAARLAND("10", "Saarland", "DE-SL"),
    BERLIN("11", "Berlin", "DE-BE"),
    BRANDENBURG("12", "Brandenburg", "DE-BB"),
    MECKLENBURG_VORPOMMERN("13", "Mecklenburg-Vorpommern", "DE-MV"),
    SACHSEN("14", "Sachsen", "DE-SN"),
    SACHSEN_ANHALT("15", "Sachsen-Anhalt", "DE-ST"),
    THUERINGEN("16", "Thüringen", "DE-TH");

    private final String code;
    private final String label;
    private final String iso;

    Land(String code, String label, String iso) {
        this.code = code;
        this.label = label;
        this.iso = iso;
    }

    public String code() { return code; }
    public String label() { return label; }
    public String iso() { return iso; }

    public static Optional<Land> byCode(String code) {
        for (Land l : values()) if (l.code.equals(code)) return Optional.of(l);
        return Optional.empty();
    }

    /** Accepts the key ("08"), the name ("Baden-Württemberg", any case, ue for ü) or ISO 3166-2 ("DE-BW"). */
    public static Optional<Land> parse(String text) {
        if (text == null) return Optional.empty();
        String t = fold(text);
        for (Land l : values()) {
            if (l.code.equals(t) || fold(l.label).equals(t) || fold(l.iso).equals(t) || fold(l.name()).equals(t)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private static String fold(String s) {
        String lower = s.trim().toLowerCase(Locale.ROOT).replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace('_', '-');
        return Normalizer.normalize(lower, Normalizer.Form.NFC);
    }
}
