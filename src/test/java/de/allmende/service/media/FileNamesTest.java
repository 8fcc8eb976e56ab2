package de.allmende.service.media;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Client file names become display text, never paths")
class FileNamesTest {

    @Test
    void keepsOnlyTheLastSegmentAndVisibleCharacters() {
        assertEquals("Plan Nord.png", FileNames.displayName("../../etc/Plan\tNord.png"));
        assertEquals("bericht.pdf", FileNames.displayName("C:\\Users\\amt\\bericht.pdf"));
        assertEquals("rechnungfdp.exe", FileNames.displayName("rechnung\u202Efdp.exe"));
        assertEquals("Grünfläche.jpg", FileNames.displayName("Gru\u0308nfla\u0308che.jpg"));
    }

    @Test
    void fallsBackForNamesThatSayNothing() {
        assertEquals("file", FileNames.displayName(null));
        assertEquals("file", FileNames.displayName("dir/"));
        assertEquals("file", FileNames.displayName(".."));
        assertEquals(FileNames.MAX_LENGTH, FileNames.displayName("a".repeat(1000)).length());
    }
}
