package de.allmende.domain.oauth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Mastodon's scope hierarchy: what granted scopes allow")
class OAuthScopesTest {

    @ParameterizedTest(name = "granted \"{0}\" allows {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            read                | read:statuses         | true
            read                | read:accounts         | true
            read                | read                  | true
            read                | write:statuses        | false
            read                | profile               | false
            read                | push                  | false
            write               | write:media           | true
            write               | read:statuses         | false
            read:statuses       | read                  | false
            read:statuses       | read:statuses         | true
            read:statuses       | read:accounts         | false
            write:statuses      | write:media           | false
            follow              | read:follows          | true
            follow              | write:blocks          | true
            follow              | read:statuses         | false
            profile             | profile               | true
            profile             | read:accounts         | false
            push                | push                  | true
            admin:read          | admin:read:accounts   | true
            admin:read          | admin:write:accounts  | false
            read                | admin:read:accounts   | false
            read write push     | write:statuses        | true
            """)
    void hierarchy(String granted, String asked, boolean allowed) {
        assertEquals(allowed, OAuthScopes.parse(granted).orElseThrow().allows(asked));
    }

    @ParameterizedTest(name = "app scopes \"{0}\" cover a request for \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            read write          | read:statuses write:media | true
            read                | read write                | false
            read write follow   | follow                    | true
            read:statuses       | read                      | false
            """)
    void covers(String app, String requested, boolean covered) {
        assertEquals(covered, OAuthScopes.parse(app).orElseThrow().covers(OAuthScopes.parse(requested).orElseThrow()));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource({"read:everything", "admin", "READ", "read:", "write:statuses:x"})
    void unknownScopes(String scope) {
        assertEquals(Optional.empty(), OAuthScopes.parse("read " + scope));
    }
}
