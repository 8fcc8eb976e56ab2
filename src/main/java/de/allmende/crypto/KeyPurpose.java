package de.allmende.crypto;

/** What a key is used for, with the names stored in actor_key.purpose. */
public enum KeyPurpose {
    HTTP_SIGNATURE("http-signature", KeyAlgorithm.RSA_2048, "main-key"),
    ASSERTION("assertion", KeyAlgorithm.ED25519, "ed25519-key");

    private final String dbName;
    private final KeyAlgorithm algorithm;
    private final String fragmentStem;

    KeyPurpose(String dbName, KeyAlgorithm algorithm, String fragmentStem) {
        this.dbName = dbName;
        this.algorithm = algorithm;
        this.fragmentStem = fragmentStem;
    }

    public String dbName() { return dbName; }
    public KeyAlgorithm algorithm() { return algorithm; }

    /** Fragment of the key IRI: "main-key" for the first generation, "main-key-2" after one rotation, … */
    public String fragment(int generation) {
        return generation <= 1 ? fragmentStem : fragmentStem + "-" + generation;
    }

    public static KeyPurpose fromDb(String s) {
        for (KeyPurpose p : values()) if (p.dbName.equals(s)) return p;
        throw new IllegalArgumentException(s);
    }
}
