package org.accessspec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/signing-vectors.json, which the Swift RequestSigner wrote and the Swift and Python tests
 * check: the Java signer must give the same canonical text and HMAC signatures, and the Java
 * verifier must accept the Swift side's SM2 signatures and refuse every negative vector.
 */
class SigningVectorsTest {
    static final JsonNode FILE = load();

    static JsonNode load() {
        Path path = Path.of(System.getProperty("accessspec.signingVectors", "../../docs/signing-vectors.json"));
        try {
            return Json.MAPPER.readTree(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    static String secret(String algorithm, boolean signing) {
        JsonNode keys = FILE.get("keys");
        if (!algorithm.equals("sm2-sm3")) return keys.get("hmacSecret").asText();
        return keys.get(signing ? "sm2PrivateKeyPem" : "sm2PublicKeyPem").asText();
    }

    static SignedParts parts(JsonNode input) {
        return new SignedParts(input.get("method").asText(), input.get("target").asText(), input.get("accessId").asText(),
                input.get("token").asText(), input.get("timestamp").asText(), input.get("nonce").asText(),
                Crypto.unhex(input.get("bodyHex").asText()));
    }

    @Test
    void theFileHasVectorsOfEveryAlgorithm() {
        assertEquals("ACCESSSPEC-SIGN-1", FILE.get("canonicalTextVersion").asText());
        List<String> algorithms = new ArrayList<>();
        FILE.get("vectors").forEach(v -> algorithms.add(v.get("algorithm").asText()));
        assertTrue(algorithms.containsAll(List.of("hmac-sm3", "hmac-sha256", "sm2-sm3")), algorithms.toString());
        assertTrue(FILE.get("negativeVectors").size() > 0);
    }

    @TestFactory
    Stream<DynamicTest> vectors() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : FILE.get("vectors")) {
            tests.add(DynamicTest.dynamicTest(vector.get("name").asText(), () -> {
                String algorithm = vector.get("algorithm").asText();
                SignedParts parts = parts(vector.get("input"));
                RequestSigner verifier = new RequestSigner(SigningAlgorithm.fromWireName(algorithm), secret(algorithm, false));
                assertEquals(vector.get("canonicalTextHex").asText(), Crypto.hex(verifier.canonicalText(parts)));
                assertEquals(vector.get("canonicalText").asText(), new String(verifier.canonicalText(parts), StandardCharsets.UTF_8));
                String signature = vector.get("signature").asText();
                if (algorithm.equals("sm2-sm3")) {
                    // Randomised: ours must verify, and theirs (the Swift signer's) must verify with our verifier.
                    RequestSigner signer = new RequestSigner(SigningAlgorithm.SM2_SM3, secret(algorithm, true));
                    assertTrue(verifier.verify(signer.signature(parts), parts));
                    assertTrue(signer.verify(signature, parts), "a private key PEM verifies with its public half");
                } else {
                    assertEquals(signature, verifier.signature(parts));
                }
                assertTrue(verifier.verify(signature, parts));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> negativeVectors() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : FILE.get("negativeVectors")) {
            tests.add(DynamicTest.dynamicTest(vector.get("name").asText(), () -> {
                String algorithm = vector.get("algorithm").asText();
                RequestSigner verifier = new RequestSigner(SigningAlgorithm.fromWireName(algorithm), secret(algorithm, false));
                assertFalse(verifier.verify(vector.get("signature").asText(), parts(vector.get("input"))), vector.get("description").asText());
            }));
        }
        return tests.stream();
    }

    @Test
    void sm2KeyMatchesThePublishedPointAndZ() {
        Crypto.SM2Key key = Crypto.SM2Key.fromPem(secret("sm2-sm3", true));
        assertEquals(FILE.get("keys").get("sm2PublicKeyHex").asText(), key.publicKeyHex());
        assertEquals(FILE.get("keys").get("sm2Z").asText(), Crypto.hex(Crypto.sm2Z(key)));
    }

    @Test
    void primitives() {
        JsonNode primitives = FILE.get("primitives");
        assertEquals(primitives.get("sm3('')").asText(), Crypto.hex(Crypto.sm3(new byte[0])));
        assertEquals(primitives.get("sm3('abc')").asText(), Crypto.hex(Crypto.sm3("abc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(primitives.get("sha256('')").asText(), Crypto.hex(Crypto.digest(new byte[0], Crypto.DigestKind.SHA256)));
    }

    @Test
    void verifierChecksFreshnessAndNonces() {
        JsonNode vector = FILE.get("vectors").get(0);
        JsonNode input = vector.get("input");
        RequestVerifier verifier = new RequestVerifier(new RequestSigner(SigningAlgorithm.fromWireName(vector.get("algorithm").asText()),
                secret(vector.get("algorithm").asText(), false)), "X-Signature", "X-Access-Id", "X-Access-Token");
        List<RequestVerifier.Header> headers = new ArrayList<>();
        input.get("headers").fields().forEachRemaining(e -> headers.add(new RequestVerifier.Header(e.getKey(), e.getValue().asText())));
        headers.add(new RequestVerifier.Header("X-Signature", vector.get("signature").asText()));
        var incoming = new RequestVerifier.Incoming(input.get("method").asText(), input.get("target").asText(), headers,
                Crypto.unhex(input.get("bodyHex").asText()));
        long sent = Long.parseLong(input.get("timestamp").asText());
        assertEquals(RequestVerifier.Condition.EXPIRED_REQUEST, verifier.verify(incoming, sent + 301_000).condition());
        assertEquals(RequestVerifier.Condition.EXPIRED_REQUEST, verifier.verify(incoming, sent - 61_000).condition());
        assertNull(verifier.verify(incoming, sent + 1000));
        assertEquals(RequestVerifier.Condition.EXPIRED_REQUEST, verifier.verify(incoming, sent + 2000).condition(), "a replayed nonce");
    }
}
