package org.accessspec.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request's JSON into the HTTP request the platform expects: path and query, the body in
 * the platform's envelope, credentials, replay protection and the signature (docs/signing.md).
 */
public final class RequestBuilder {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^{}]+)\\}");
    private final ClientConfiguration configuration;
    private final PlatformProfile profile;
    private final RequestSigner signer;

    /** Resolves the signing secret now, so that a missing one fails before anything is sent. */
    public RequestBuilder(ClientConfiguration configuration, PlatformProfile profile) {
        this.configuration = configuration;
        this.profile = profile;
        this.signer = profile.signing() == null ? null
                : new RequestSigner(profile.signing().algorithm(), configuration.resolveSecret(profile.signing().keyReference()));
    }

    /** {@code fields}: the request's fields as a JSON object. */
    public HttpExchange.Request build(OperationDescriptor operation, ObjectNode fields, String timestamp, String nonce) {
        String target = configuration.basePath() + target(operation, fields);
        boolean sendsBody = operation.sendsBody();
        byte[] body = sendsBody ? body(fields, timestamp, nonce) : null;
        List<RequestVerifier.Header> headers = new ArrayList<>();
        headers.add(new RequestVerifier.Header("Accept", "application/json"));
        if (body != null) headers.add(new RequestVerifier.Header("Content-Type", "application/json; charset=utf-8"));
        // Under head-data a body carries the credentials in its head.
        boolean credentialHeaders = profile.envelope() == PlatformProfile.Envelope.PLAIN || !sendsBody;
        String token = configuration.accessToken;
        if (credentialHeaders) {
            headers.add(new RequestVerifier.Header(profile.accessIdHeader(), configuration.accessId));
            if (token != null) headers.add(new RequestVerifier.Header(profile.tokenHeader(), token));
        }
        headers.add(new RequestVerifier.Header(ReplayHeaders.TIMESTAMP, timestamp));
        headers.add(new RequestVerifier.Header(ReplayHeaders.NONCE, nonce));
        if (signer != null) {
            SignedParts parts = new SignedParts(operation.method(), target, credentialHeaders ? configuration.accessId : "",
                    credentialHeaders && token != null ? token : "", timestamp, nonce, body == null ? new byte[0] : body);
            headers.add(new RequestVerifier.Header(profile.signing().header(), signer.signature(parts)));
        }
        URI url;
        try {
            url = URI.create(configuration.origin() + target);
        } catch (IllegalArgumentException e) {
            throw new AccessException.InvalidConfiguration("cannot form a URL from " + configuration.baseUrl + " and " + target);
        }
        return new HttpExchange.Request(operation.method(), url, target, List.copyOf(headers), body);
    }

    /** The path with its parameters filled in, plus, for GET and DELETE, the other fields as a sorted query string (form, exploded; records as deepObject). */
    static String target(OperationDescriptor operation, ObjectNode fields) {
        Set<String> used = new TreeSet<>();
        Matcher matcher = PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            JsonNode value = fields.get(name);
            if (value == null || !value.isValueNode() || value.isNull() || value.asText().isEmpty()) {
                throw new AccessException.InvalidField("request." + name, "the path parameter {" + name + "} has no value");
            }
            used.add(name);
            matcher.appendReplacement(path, Matcher.quoteReplacement(percentEncode(value.asText())));
        }
        matcher.appendTail(path);
        if (operation.sendsBody()) return path.toString();
        List<String> query = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        fields.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (used.contains(name)) continue;
            for (Map.Entry<String, String> item : queryItems(name, fields.get(name))) {
                query.add(percentEncode(item.getKey()) + "=" + percentEncode(item.getValue()));
            }
        }
        return query.isEmpty() ? path.toString() : path + "?" + String.join("&", query);
    }

    private static List<Map.Entry<String, String>> queryItems(String name, JsonNode value) {
        List<Map.Entry<String, String>> items = new ArrayList<>();
        if (value == null || value.isNull()) return items;
        if (value.isArray()) {
            for (JsonNode element : value) items.addAll(queryItems(name, element));
        } else if (value.isObject()) {
            Set<String> keys = new TreeSet<>();
            value.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) items.addAll(queryItems(name + "[" + key + "]", value.get(key)));
        } else {
            items.add(Map.entry(name, value.asText()));
        }
        return items;
    }

    /** The body in the platform's envelope; a head-data body is {"data":...,"head":{...}} with the request's JSON kept byte for byte. */
    private byte[] body(ObjectNode fields, String timestamp, String nonce) {
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(sorted(fields));
            if (profile.envelope() == PlatformProfile.Envelope.PLAIN) return json;
            Map<String, String> head = new LinkedHashMap<>();
            head.put("accessId", configuration.accessId);
            if (configuration.accessToken != null) head.put("accessToken", configuration.accessToken);
            head.put("nonce", nonce);
            head.put("timestamp", timestamp);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("{\"data\":".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(json);
            out.writeBytes(",\"head\":".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(Json.MAPPER.writeValueAsBytes(head));
            out.writeBytes("}".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request cannot be written as JSON", e);
        }
    }

    /** The same object with every object's keys in order, as the other implementations write it. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            Set<String> keys = new TreeSet<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) keys.add(names.next());
            for (String key : keys) out.set(key, sorted(node.get(key)));
            return out;
        }
        if (node.isArray()) {
            var out = Json.MAPPER.createArrayNode();
            for (JsonNode element : node) out.add(sorted(element));
            return out;
        }
        return node;
    }

    /** Everything but ASCII letters, digits and -._~ as %XX of the UTF-8 bytes. */
    public static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
