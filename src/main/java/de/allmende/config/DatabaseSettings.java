package de.allmende.config;

/** Connection settings for an external PostgreSQL. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {
    @Override
    public String toString() { // never print the password
        return "DatabaseSettings[" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
