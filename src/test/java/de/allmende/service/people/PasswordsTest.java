package de.allmende.service.people;

import de.allmende.config.ConfigException;
import de.allmende.config.ConfigLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Passwords: Argon2id at OWASP's minimum unless a test node asks for cheap hashes")
class PasswordsTest {
    private static final String PASSWORD = "Gemeinderat tagt am Montag";

    @Test
    void aNodeHashesAtOwaspsMinimumUnlessTold() {
        assertFalse(ConfigLoader.load(Map.of()).cheapPasswordHashes());
        assertTrue(ConfigLoader.load(Map.of(ConfigLoader.PASSWORD_HASHING, "tests")).cheapPasswordHashes());
        assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(ConfigLoader.PASSWORD_HASHING, "none")));
    }

    @Test
    void aHashNamesItsCostSoEitherSettingChecksTheOther() {
        var owasp = new Passwords(Passwords.Cost.OWASP);
        var tests = new Passwords(Passwords.Cost.TESTS);
        String strong = owasp.hash(PASSWORD);
        assertTrue(strong.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), strong);
        String cheap = tests.hash(PASSWORD);
        assertTrue(cheap.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), cheap);
        assertTrue(tests.matches(PASSWORD, strong));
        assertTrue(owasp.matches(PASSWORD, cheap));
        assertFalse(owasp.matches(PASSWORD + ".", strong));
    }
}
