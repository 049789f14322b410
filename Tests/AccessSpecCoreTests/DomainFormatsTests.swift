import AccessSpecCore
import Testing

/// The identifier checks against the published valid and invalid examples of each standard.
struct DomainFormatsTests {
    @Test(arguments: ["91110000600037341L", "91350100M000100Y43", "11100000000013338W"])
    func validUnifiedSocialCreditCodesPass(_ code: String) {
        #expect(DomainFormats.checkUSCC(code) == nil)
    }

    @Test func wrongUnifiedSocialCreditCodeCheckCharacterFails() {
        #expect(DomainFormats.checkUSCC("11370000MB28449441")?.contains("check character") == true)
        #expect(DomainFormats.checkUSCC("9111000060003734IL") != nil)  // I is not in the alphabet
        #expect(DomainFormats.checkUSCC("123") != nil)
    }

    @Test(arguments: ["11010519491231002X", "440524188001010014"])
    func validResidentIdentityNumbersPass(_ id: String) {
        #expect(DomainFormats.checkResidentID(id) == nil)
    }

    @Test func wrongResidentIdentityNumbersFail() {
        #expect(DomainFormats.checkResidentID("110105194912310021")?.contains("'X'") == true)
        #expect(DomainFormats.checkResidentID("110105194902300020")?.contains("birth date") == true)
    }

    @Test(arguments: [
        "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S",
        "1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3",
    ])
    func validLicenceIdentifiersPass(_ id: String) {
        #expect(DomainFormats.checkLicenseID(id) == nil)
    }

    @Test func wrongLicenceIdentifiersFail() {
        #expect(DomainFormats.checkLicenseID("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.T") != nil)
        #expect(DomainFormats.checkLicenseID("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.S") != nil)
        #expect(DomainFormats.checkLicenseID("2.2.156.3005.2.x") != nil)
    }

    @Test func divisionCodesAreSixOrTwelveDigits() {
        #expect(DomainFormats.checkDivisionCode("370000") == nil)
        #expect(DomainFormats.checkDivisionCode("511602000000") == nil)
        #expect(DomainFormats.checkDivisionCode("37000") != nil)
        #expect(DomainFormats.checkDivisionCode("990000") != nil)
    }

    @Test func generalFormats() {
        #expect(DomainFormats.checkDate("2024-02-29") == nil)
        #expect(DomainFormats.checkDate("2023-02-29") != nil)
        #expect(DomainFormats.checkDateTime("2024-05-01T08:30:00+08:00") == nil)
        #expect(DomainFormats.checkDateTime("2024-05-01 08:30") != nil)
        #expect(DomainFormats.checkPhone("13800138000") == nil)
        #expect(DomainFormats.checkPhone("0531-88888888") == nil)
        #expect(DomainFormats.checkPhone("12345") != nil)
        #expect(DomainFormats.checkURL("https://a.example.gov.cn/x") == nil)
        #expect(DomainFormats.checkURL("ftp://a") != nil)
        #expect(DomainFormats.checkBase64("aGVsbG8=") == nil)
        #expect(DomainFormats.checkBase64("not base64!") != nil)
        #expect(DomainFormats.checkLicenseTypeCode("11100000000013338W011") == nil)
    }
}
