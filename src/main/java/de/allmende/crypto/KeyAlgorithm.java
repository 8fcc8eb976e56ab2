package de.allmende.crypto;

/** Key algorithms of local actors, with the names stored in actor_key.algorithm. */
public enum KeyAlgorithm {
    /** RSASSA-PKCS1-v1_5 SHA-256, 2048 bit: HTTP Signatures, as every fediverse server expects. */
    RSA_2048("rsa-2048"),
    /** Ed25519: FEP-8b32 object proofs, published as FEP-521a Multikey. */
    ED25519("ed25519");

    private final String dbName;

    KeyAlgorithm(String dbName) { this.dbName = dbName; }

    public String dbName() { return dbName; }

    public static KeyAlgorithm fromDb(String name) {
        for (KeyAlgorithm a : values()) if (a.dbName.equals(name)) return a;
        throw new IllegalArgumentException("unknown key algorithm " + name);
    }
}
