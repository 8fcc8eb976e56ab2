package de.allmende;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LauncherTest {
    @Test
    void javaVersionsAreReadAsEveryJavaSinceEightWritesThem() {
        assertEquals(8, Launcher.feature("1.8"));
        assertEquals(17, Launcher.feature("17"));
        assertEquals(21, Launcher.feature("21"));
        assertEquals(25, Launcher.feature("25"));
        assertEquals(0, Launcher.feature(""), "unreadable counts as too old");
    }
}
