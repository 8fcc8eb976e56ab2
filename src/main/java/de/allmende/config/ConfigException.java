package de.allmende.config;

/** Invalid configuration. The message is one line that names the setting. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String setting, String problem) {
        super(setting + ": " + problem);
    }
}
