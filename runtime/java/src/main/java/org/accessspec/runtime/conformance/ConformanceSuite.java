package org.accessspec.runtime.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accessspec.runtime.Json;
import org.accessspec.runtime.PlatformProfile;
import org.accessspec.runtime.SigningAlgorithm;

/**
 * A platform's conformance vectors ({@code vectors.json}, docs/conformance.md) run through its
 * generated Java client, as the generated JUnit suites do it:
 *
 * <pre>{@code
 * SUITE.cases("verifyLicenseData", session -> {
 *     Client client = new Client(session.configuration(), session.transport());
 *     client.license().verifyLicenseData(session.request(VerifyLicenseRequest.class));
 * })
 * }</pre>
 *
 * The server under test is {@code ACCESSSPEC_BASE_URL}, as whom {@code ACCESSSPEC_ACCESS_ID} and
 * {@code ACCESSSPEC_ACCESS_TOKEN}, with the signing secret under the name the contract gives.
 */
public final class ConformanceSuite {
    public static final String FORMAT = "accessspec-conformance-vectors";
    public static final int FORMAT_VERSION = 2;
    public static final String DEFAULT_ACCESS_ID = "accessspec-conformance";
    public static final String DEFAULT_ACCESS_TOKEN = "accessspec-conformance-token";

    final JsonNode file;
    final PlatformProfile profile;
    final Map<String, String> environment;

    /** One vector: its name, and the check to run. */
    public record Case(String name, Runnable check) {}

    /** What a case calls: the generated client's operation, given the session. */
    @FunctionalInterface
    public interface Call {
        void run(VectorSession session);
    }

    public ConformanceSuite(InputStream vectors, Map<String, String> environment) {
        try (InputStream input = vectors) {
            if (input == null) throw new IllegalStateException("vectors.json is not on the class path");
            file = Json.MAPPER.readTree(input);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read vectors.json: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(file.path("format").asText()) || file.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new IllegalStateException("not a " + FORMAT + " file of version " + FORMAT_VERSION);
        }
        this.environment = Map.copyOf(environment);
        JsonNode security = file.get("security");
        JsonNode signing = security.get("signing");
        profile = new PlatformProfile(
                "head-data".equals(security.get("envelope").asText()) ? PlatformProfile.Envelope.HEAD_DATA : PlatformProfile.Envelope.PLAIN,
                signing == null || signing.isNull() ? null
                        : new PlatformProfile.Signing(SigningAlgorithm.fromWireName(signing.get("algorithm").asText()), signing.get("header").asText(), signing.get("key").asText()),
                security.get("accessIdHeader").asText(), security.get("tokenHeader").asText());
    }

    public String platform() { return file.get("platform").asText(); }

    /** Whether a server under test is named ({@code ACCESSSPEC_BASE_URL}). */
    public boolean hasTarget() {
        String url = environment.get("ACCESSSPEC_BASE_URL");
        return url != null && !url.isEmpty();
    }

    public int vectorCount(String operation) { return operation(operation).path("vectors").size(); }

    JsonNode operation(String id) {
        for (JsonNode operation : file.get("operations")) if (operation.get("id").asText().equals(id)) return operation;
        throw new IllegalStateException("vectors.json of " + platform() + " has no operation '" + id + "'");
    }

    /** One case per vector of the operation, in file order; each throws {@link AssertionError} when the server does not answer as the vector says. */
    public List<Case> cases(String operationId, Call call) {
        JsonNode operation = operation(operationId);
        List<Case> cases = new ArrayList<>();
        for (JsonNode vector : operation.get("vectors")) {
            cases.add(new Case(vector.get("name").asText(), () -> {
                VectorSession session = new VectorSession(this, operation, vector);
                String failure = session.run(call);
                if (failure != null) throw new AssertionError(vector.get("name").asText() + ": " + failure);
            }));
        }
        return cases;
    }
}
