package org.accessspec.fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accessspec.clients.hostile.Client;
import org.accessspec.clients.hostile.ContractError;
import org.accessspec.clients.hostile.Tricky;
import org.accessspec.clients.hostile.Weird;
import org.accessspec.runtime.ClientConfiguration;
import org.accessspec.runtime.Json;
import org.junit.jupiter.api.Test;

/**
 * The generated Java client of Tests/HostileFixture means what the contract says: every string
 * javac read from the generated source equals the IR's text (quotes, backslashes, `*&#47;`,
 * `\(`, line breaks, emoji), names map to the JSON names as written, the contract's own example
 * passes the Java checks and round-trips, and the hostile path goes on the wire as written.
 */
class HostileValuesTest {
    static final JsonNode PLATFORM = load();

    static JsonNode load() {
        try {
            return Json.MAPPER.readTree(Files.readAllBytes(Path.of(System.getProperty("accessspec.hostileIR"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode type(String name) {
        for (JsonNode type : PLATFORM.get("types")) if (type.get("name").asText().equals(name)) return type;
        throw new IllegalStateException(name);
    }

    /** The value as JSON text, read back: what a peer receives. */
    static JsonNode reread(Object value) throws IOException {
        return Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(value));
    }

    @Test
    void constantsAreTheContractsText() {
        assertEquals(PLATFORM.get("id").asText(), Client.PLATFORM_ID);
        Map<String, String> environments = new LinkedHashMap<>();
        PLATFORM.get("environments").forEach(e -> environments.put(e.get("name").asText(), e.get("url").asText()));
        assertEquals(environments, Client.ENVIRONMENTS);
    }

    @Test
    void everyErrorIsItsClassWithItsMessage() {
        for (JsonNode error : PLATFORM.get("errors")) {
            ContractError thrown = ContractError.of(error.get("code").asInt(), "from the server");
            assertEquals(error.get("name").asText(), thrown.errorName());
            assertEquals(error.get("message").asText(), thrown.declaredMessage());
            assertEquals(error.get("http").asInt(), thrown.httpStatus());
            assertEquals("from the server", thrown.serverMessage());
        }
        assertEquals(null, ContractError.of(1, "x").errorName(), "an undeclared code");
    }

    @Test
    void enumValuesAreTheContractsText() throws IOException {
        List<String> declared = new ArrayList<>();
        for (Tricky value : Tricky.declaredCases()) declared.add(value.rawValue());
        List<String> expected = new ArrayList<>();
        type("Tricky").get("values").forEach(v -> expected.add(v.get("value").asText()));
        assertEquals(expected, declared);
        for (String raw : expected) {
            Tricky value = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(raw), Tricky.class);
            assertTrue(value.isDeclared(), raw);
            assertEquals(Json.MAPPER.writeValueAsString(raw), Json.MAPPER.writeValueAsString(value));
        }
        assertFalse(Tricky.of("not in the contract").isDeclared());
    }

    @Test
    void recordComponentsCarryTheJsonNamesAsWritten() {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : Weird.class.getRecordComponents()) {
            names.add(component.getAccessor().getAnnotation(JsonProperty.class).value());
        }
        List<String> expected = new ArrayList<>();
        type("Weird").get("fields").forEach(f -> expected.add(f.get("name").asText()));
        assertEquals(expected, names);
    }

    @Test
    void theContractsExampleIsValidRoundTripsAndTravelsTheHostilePath() throws Exception {
        JsonNode operation = PLATFORM.get("areas").get("identity").get("operations").get(0);
        JsonNode example = operation.get("examples").get(0).get("request");
        Weird request = Json.MAPPER.treeToValue(example, Weird.class);
        request.accessValidate("request");
        assertEquals(example, reread(request));

        List<String> targets = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        JsonNode response = operation.get("examples").get(0).get("response");
        server.createContext("/", exchange -> {
            targets.add(exchange.getRequestURI().getRawPath());
            byte[] body = Json.MAPPER.writeValueAsBytes(response);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Map<String, String> secrets = new LinkedHashMap<>();
            var signing = Client.PROFILE.signing();
            if (signing != null) {
                String reference = signing.keyReference();
                secrets.put(reference.substring(6, reference.length() - 1), "hostile-secret");
            }
            var client = new Client(ClientConfiguration.builder("http://127.0.0.1:" + server.getAddress().getPort() + "/api", "hostile")
                    .environment(secrets).allowInsecureLoopback(true).build());
            Weird answer = client.identity().default_(request);
            assertEquals(response, reread(answer));
            assertEquals(List.of("/api" + operation.get("path").asText()), targets);
        } finally {
            server.stop(0);
        }
    }
}
