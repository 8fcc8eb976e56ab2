package de.allmende.api.web;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WCAG 2.1 AA contrast (1.4.3, at least 4.5:1) for the colours the pages use, computed from the
 * pages' stylesheet ({@link Stylesheet}): every foreground colour against every background colour.
 */
class PageContrastTest {
    private static final Pattern VARIABLE = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})");
    private static final Pattern LITERAL_COLOUR = Pattern.compile("#[0-9a-fA-F]{3,6}\\b|rgba?\\(|hsla?\\(|(?<![-\\w])(color|background|background-color):\\s*+(?!var\\()");

    @Test
    void everyForegroundHasAtLeastFourAndAHalfToOneAgainstEveryBackground() {
        String css = stylesheet();
        Map<String, String> colours = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(css);
        while (m.find()) colours.put(m.group(1), m.group(2));
        Map<String, String> backgrounds = new LinkedHashMap<>();
        Map<String, String> foregrounds = new LinkedHashMap<>();
        colours.forEach((name, hex) -> (name.startsWith("bg") ? backgrounds : foregrounds).put(name, hex));
        assertFalse(backgrounds.isEmpty() || foregrounds.isEmpty(), "colour variables found: " + colours);
        for (var fg : foregrounds.entrySet()) {
            for (var bg : backgrounds.entrySet()) {
                double ratio = contrast(fg.getValue(), bg.getValue());
                assertTrue(ratio >= 4.5, "--%s on --%s: %.2f:1".formatted(fg.getKey(), bg.getKey(), ratio));
            }
        }
    }

    @Test
    void rulesUseOnlyTheCheckedColours() {
        String rules = stylesheet().replaceAll(":root \\{[^}]*}", "");
        assertFalse(LITERAL_COLOUR.matcher(rules).find(), "colours outside the :root variables escape the contrast check");
    }

    @Test
    void contrastFormulaMatchesKnownValues() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 0.01);
        assertEquals(4.54, contrast("#767676", "#ffffff"), 0.01); // the lightest grey that passes AA on white
    }

    private static String stylesheet() {
        return Stylesheet.PAGES.css();
    }

    /** WCAG 2.1 contrast ratio: (L1 + 0.05) / (L2 + 0.05) of the relative luminances. */
    static double contrast(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
        double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
        double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
