package io.camaudit.capability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the device passwords a body gives (AES-256-GCM, a fresh 96-bit nonce each time, the
 * record's own identity as associated data, so a cipher text copied onto another record does not
 * open). The key is {@code CAMAUDIT_SECRET_KEY} (32 bytes, Base64) where set, as production should
 * (from its secret store, ADR 009); otherwise a key file in the data folder, made on first use and
 * readable by the service's user alone. The database never holds the key.
 */
@Component
public class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final String keyId;

    SecretBox(
            @Value("${camaudit.secret-key:${CAMAUDIT_SECRET_KEY:}}") String configured,
            @Value("${camaudit.data-dir}") Path dataDir) {
        this.key = configured.isBlank() ? fileKey(dataDir.resolve("secret.key")) : decode(configured);
        this.keyId = id(key);
    }

    /** A short name of the key, kept with each cipher text, so that a changed key is noticed rather than misread. */
    public String keyId() {
        return keyId;
    }

    public String seal(String secret, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** Opens a cipher text sealed for this context with this key; a changed key or context is refused, not misread. */
    public String open(String sealed, String sealedKeyId, String context) {
        if (!sealedKeyId.equals(keyId)) {
            throw new IllegalStateException("a stored device password was sealed with another key (" + sealedKeyId
                    + "); set CAMAUDIT_SECRET_KEY to that key, or give the password again");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored device password does not open with this key and record", e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CAMAUDIT_SECRET_KEY is not Base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("CAMAUDIT_SECRET_KEY must be 32 bytes (Base64 of 32 random bytes)");
        }
        return key;
    }

    private static byte[] fileKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Files.createFile(file);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system: its own access rules apply
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                } catch (FileAlreadyExistsException e) {
                    // another process made it first: use theirs
                }
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the secret key file " + file + " could not be read or made", e);
        }
    }

    private static String id(byte[] key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
