package de.allmende.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base58btcTest {

    // Examples from draft-msporny-base58-03, section 5.
    @Test
    void encodesTheDraftExamples() {
        assertEquals("2NEpo7TZRRrLZSi2U", Base58btc.encode(ascii("Hello World!")));
        assertEquals(
                "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z",
                Base58btc.encode(ascii("The quick brown fox jumps over the lazy dog.")));
        assertEquals("11233QC4", Base58btc.encode(HexFormat.of().parseHex("0000287fb4cd")));
    }

    @Test
    void decodesTheDraftExamplesBack() {
        assertArrayEquals(ascii("Hello World!"), Base58btc.decode("2NEpo7TZRRrLZSi2U"));
        assertArrayEquals(HexFormat.of().parseHex("0000287fb4cd"), Base58btc.decode("11233QC4"));
    }

    @Test
    void keepsEveryLeadingZeroByteAsOne() {
        assertEquals("", Base58btc.encode(new byte[0]));
        assertEquals("1", Base58btc.encode(new byte[1]));
        assertEquals("111", Base58btc.encode(new byte[3]));
        assertArrayEquals(new byte[3], Base58btc.decode("111"));
        assertArrayEquals(new byte[] {0, 0, 1}, Base58btc.decode("112"));
        assertEquals("112", Base58btc.encode(new byte[] {0, 0, 1}));
    }

    @Test
    void roundTripsRandomInputsWithAndWithoutLeadingZeros() {
        Random random = new Random(4711);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            int zeros = Math.min(bytes.length, random.nextInt(4));
            for (int z = 0; z < zeros; z++) {
                bytes[z] = 0;
            }
            assertArrayEquals(bytes, Base58btc.decode(Base58btc.encode(bytes)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "O", "I", "l", "abc+", "zä", "2NEpo7 TZ"})
    void rejectsCharactersOutsideTheAlphabet(String input) {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> Base58btc.decode(input));
        assertEquals("invalid base58btc character", e.getMessage());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
