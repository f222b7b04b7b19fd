package io.camaudit.discovery.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for emulated devices' HTTPS ports, made once per run with the JDK's
 * keytool, named as a Hikvision camera's factory certificate is (subject and issuer alike).
 */
final class Tls {

    static final String SUBJECT = "CN=IP Camera,OU=Camera,O=Hikvision,L=Hangzhou,ST=Zhejiang,C=CN";
    private static final char[] PASSWORD = "emulated-device".toCharArray();
    private static SSLContext context;

    private Tls() {}

    static synchronized SSLContext context() throws IOException {
        if (context != null) {
            return context;
        }
        try {
            Path dir = Files.createTempDirectory("camaudit-tls");
            Path store = dir.resolve("device.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            "device",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            "3650",
                            "-dname",
                            SUBJECT,
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            store.toString(),
                            "-storepass",
                            new String(PASSWORD),
                            "-keypass",
                            new String(PASSWORD)))
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool could not make the emulated device's certificate");
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, PASSWORD);
            SSLContext made = SSLContext.getInstance("TLS");
            made.init(managers.getKeyManagers(), null, null);
            context = made;
            return made;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a certificate", e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("the emulated device's certificate could not be loaded", e);
        }
    }
}
