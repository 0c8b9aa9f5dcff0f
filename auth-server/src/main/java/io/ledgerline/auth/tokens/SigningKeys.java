package io.ledgerline.auth.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key tokens are signed with. Kept in a file so tokens stay valid across a restart of this
 * server; without one a fresh key is made, and resource servers fetch its public half from the JWK
 * set when they meet its key id.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {}

    public static JWKSource<SecurityContext> from(String location) {
        var key = location.isBlank() ? generated() : fromPem(Path.of(location));
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    private static RSAKey generated() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            log.warn(
                    "No signing key file configured; tokens are signed with a key made for this run");
            return withThumbprint(
                    new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                            .privateKey(pair.getPrivate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey fromPem(Path file) {
        try {
            var pem = Files.readString(file);
            var base64 =
                    pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            var factory = KeyFactory.getInstance("RSA");
            var privateKey =
                    (RSAPrivateCrtKey)
                            factory.generatePrivate(
                                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            var publicKey =
                    (RSAPublicKey)
                            factory.generatePublic(
                                    new RSAPublicKeySpec(
                                            privateKey.getModulus(),
                                            privateKey.getPublicExponent()));
            return withThumbprint(new RSAKey.Builder(publicKey).privateKey(privateKey));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(
                    "The signing key " + file + " is not a PKCS#8 PEM RSA private key", e);
        }
    }

    private static RSAKey withThumbprint(RSAKey.Builder builder) {
        try {
            return builder.keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
