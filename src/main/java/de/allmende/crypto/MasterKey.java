package de.allmende.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The node's master AEAD keyset (AES-256-GCM, Tink). Every private keyset in the database is
 * encrypted under it. It lives in a file with permissions 0600 — created on first start, or provided
 * by the operator (e.g. from a secret store). The database never sees it.
 */
public final class MasterKey {
    static {
        TinkTypes.registered();
    }

    private final Aead aead;
    private final Path file;

    private MasterKey(Aead aead, Path file) {
        this.aead = aead;
        this.file = file;
    }

    /** Reads the master key; throws {@link KeyException} with a clear message if it is absent or unreadable. */
    public static MasterKey load(Path file) {
        try {
            String json = Files.readString(file);
            KeysetHandle h = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            return new MasterKey(h.getPrimitive(RegistryConfiguration.get(), Aead.class), file);
        } catch (NoSuchFileException e) {
            throw new KeyException("master key file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new KeyException("master key file " + file + " is not readable");
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyException("master key file " + file + " is not a valid Tink AEAD keyset");
        }
    }

    /** Creates a new master key file with permissions 0600; never overwrites an existing one. */
    public static MasterKey create(Path file) {
        try {
            KeysetHandle h = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(h, InsecureSecretKeyAccess.get());
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, json, StandardOpenOption.TRUNCATE_EXISTING);
            return new MasterKey(h.getPrimitive(RegistryConfiguration.get(), Aead.class), file);
        } catch (FileAlreadyExistsException e) {
            throw new KeyException("master key file " + file + " appeared while creating it; refusing to overwrite");
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyException("cannot create master key file " + file + ": " + e.getMessage());
        }
    }

    public Path file() { return file; }

    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        try {
            return aead.encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyException("encryption under the master key failed");
        }
    }

    /** @throws KeyException if the ciphertext was not made with this master key (or for this associated data) */
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        try {
            return aead.decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyException("decryption under the master key failed");
        }
    }

    public byte[] encryptKeyset(KeysetHandle keyset, byte[] associatedData) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, aead, associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyException("cannot encrypt keyset");
        }
    }

    /**
     * The RSA signing key of an encrypted keyset, read without Tink's key checks (see {@link RsaKeysetReader}); empty if
     * the keyset holds another kind of key.
     *
     * @throws KeyException as {@link #decryptKeyset} does
     */
    public java.util.Optional<java.security.spec.RSAPrivateCrtKeySpec> decryptRsaKey(byte[] encrypted, byte[] associatedData) {
        byte[] keyset;
        try {
            var sealed = com.google.crypto.tink.proto.EncryptedKeyset.parseFrom(encrypted,
                    com.google.protobuf.ExtensionRegistryLite.getEmptyRegistry());
            keyset = aead.decrypt(sealed.getEncryptedKeyset().toByteArray(), associatedData);
        } catch (GeneralSecurityException | com.google.protobuf.InvalidProtocolBufferException e) {
            throw new KeyException("cannot decrypt keyset: the master key does not match or the row was altered");
        }
        return RsaKeysetReader.primaryKey(keyset);
    }

    public KeysetHandle decryptKeyset(byte[] encrypted, byte[] associatedData) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(encrypted, aead, associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyException("cannot decrypt keyset: the master key does not match or the row was altered");
        }
    }
}
