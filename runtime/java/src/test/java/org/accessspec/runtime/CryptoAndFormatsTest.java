package org.accessspec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vectors of DOMAIN.md: SM3, SM4, and the identifiers with their check characters. */
class CryptoAndFormatsTest {
    @Test
    void sm3() {
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Crypto.hex(Crypto.sm3("abc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
                Crypto.hex(Crypto.sm3("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void sm4() {
        byte[] key = Crypto.unhex("0123456789abcdeffedcba9876543210");
        // CBC with a zero IV enciphers the first block as the block cipher alone does.
        byte[] ciphertext = Crypto.sm4CbcEncrypt(key, new byte[16], key);
        assertEquals("681edf34d206965e86b3e94f536e4246", Crypto.hex(ciphertext).substring(0, 32));
        assertEquals(Crypto.hex(key), Crypto.hex(Crypto.sm4CbcDecrypt(key, new byte[16], ciphertext)));
    }

    @Test
    void usccVectors() {
        for (String valid : List.of("91110000600037341L", "91350100M000100Y43", "11100000000013338W")) assertNull(ValueFormat.USCC.problem(valid), valid);
        assertEquals("check character is '1' but GB 32100 gives 'J'", ValueFormat.USCC.problem("11370000MB28449441"));
        assertEquals('L', DomainFormats.usccCheckCharacter("91110000600037341"));
    }

    @Test
    void residentIdVectors() {
        for (String valid : List.of("11010519491231002X", "440524188001010014")) assertNull(ValueFormat.RESIDENT_ID.problem(valid), valid);
        assertEquals("check character is '1' but ISO 7064 MOD 11-2 gives 'X'", ValueFormat.RESIDENT_ID.problem("110105194912310021"));
    }

    @Test
    void licenseIdVectors() {
        assertNull(ValueFormat.LICENSE_ID.problem("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S"));
        assertNull(ValueFormat.LICENSE_ID.problem("1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3"));
        assertNotNull(ValueFormat.LICENSE_ID.problem("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.T"));
    }

    @Test
    void everyFormatHasItsShape() {
        for (ValueFormat format : ValueFormat.values()) assertNotNull(format.shape(), format.wireName());
        assertNull(ValueFormat.ITEM_CODE.problem("00010400100034010000003"));
        assertNotNull(ValueFormat.ITEM_CODE.problem("0001040010"));
        // The portable form is anchored: a final line break is not a match's end, as in ECMA-262.
        assertNotNull(ValueFormat.USCC.problem("91110000600037341L\n"));
    }

    @Test
    void otherFormats() {
        assertNull(ValueFormat.DIVISION_CODE.problem("511602000000"));
        assertNotNull(ValueFormat.DIVISION_CODE.problem("991602"));
        assertNull(ValueFormat.DATE.problem("2024-02-29"));
        assertNotNull(ValueFormat.DATE.problem("2023-02-29"));
        assertNull(ValueFormat.DATETIME.problem("2024-05-01T08:30:00+08:00"));
        assertNotNull(ValueFormat.DATETIME.problem("2024-05-01T24:30:00+08:00"));
        assertNull(ValueFormat.PHONE.problem("+8613800138000"));
        assertNull(ValueFormat.EMAIL.problem("a.b@gov.example.cn"));
        assertNull(ValueFormat.URL.problem("https://gov.example.cn:8443/a?b=c"));
        assertNotNull(ValueFormat.BASE64.problem("abc"));
    }

    @Test
    void fieldChecksNameTheField() {
        var constraints = new ValueConstraints(2, 4, List.of("[a-z]+"), null, null, null, null);
        FieldCheck.text("abc", null, constraints, ValueFormat.DEFAULT_ITEM_CODE_PATTERN, "request.name");
        var tooLong = assertThrows(AccessException.InvalidField.class, () -> FieldCheck.text("abcde", null, constraints, "", "request.name"));
        assertEquals("request.name", tooLong.path());
        // Lengths count Unicode scalars: one scalar outside the BMP is one character.
        FieldCheck.text("\uD842\uDFB7\uD842\uDFB7", null, new ValueConstraints(null, 2, List.of(), null, null, null, null), "", "request.x");
        assertThrows(AccessException.InvalidField.class, () -> FieldCheck.integer(FieldCheck.INTEGER_LIMIT + 1, ValueConstraints.NONE, "request.n"));
        assertThrows(AccessException.InvalidField.class, () -> FieldCheck.number(1.5, new ValueConstraints(null, null, List.of(), 2.0, null, null, null), "request.n"));
    }

    @Test
    void onlyHttpsOrAllowedLoopback() {
        assertThrows(AccessException.InvalidConfiguration.class, () -> ClientConfiguration.builder("http://gov.example.cn", "a").build().checkBaseUrl());
        assertThrows(AccessException.InvalidConfiguration.class, () -> ClientConfiguration.builder("http://127.0.0.1:1", "a").build().checkBaseUrl());
        assertThrows(AccessException.InvalidConfiguration.class,
                () -> ClientConfiguration.builder("http://localhost:1", "a").allowInsecureLoopback(true).build().checkBaseUrl());
        ClientConfiguration.builder("http://127.0.0.1:1", "a").allowInsecureLoopback(true).build().checkBaseUrl();
        ClientConfiguration.builder("https://gov.example.cn/api/", "a").build().checkBaseUrl();
    }

    @Test
    void targetsAsTheOtherImplementationsWriteThem() {
        var fields = Json.MAPPER.createObjectNode().put("certNo", "a b/č").put("z", 1).put("a", true);
        fields.putArray("list").add("x").add("y");
        assertEquals("/v1/x/a%20b%2F%C4%8D?a=true&list=x&list=y&z=1",
                RequestBuilder.target(new OperationDescriptor("x", "GET", "/v1/x/{certNo}", true), fields));
        var configuration = ClientConfiguration.builder("https://h.example.cn/api/", "a").build();
        assertEquals("/api", configuration.basePath());
        assertEquals("https://h.example.cn", configuration.origin());
    }
}
