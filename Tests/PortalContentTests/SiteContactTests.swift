import PortalContent
import PortalCore
import Testing

/// The publisher's contact, the official accessibility statement and the date of the
/// last change, as `site.yaml` gives them.
@Suite("site.yaml gives the publisher's contact, statement and last change, and the warning for a missing contact")
struct SiteContactTests {
    static let head = "title: Eksempelportalen\n"

    func parse(_ text: String) -> (SiteConfig?, [Diagnostic]) {
        SiteConfig.parse(SourceFile(path: "content/site.yaml", text: Self.head + text))
    }

    /// The warning is kept for the render stage, which gives it when a page shows the
    /// contact (see AccessibilityStatementTests); reading the settings alone reports nothing.
    @Test func aSiteWithoutContactHasItsWarningAtTheTopOfSiteYaml() throws {
        let (config, diagnostics) = parse("")
        #expect(diagnostics.isEmpty)
        #expect(config?.contact == SiteConfig.Contact())
        let warning = try #require(config?.contactWarning)
        #expect(warning.severity == .warning)
        #expect(warning.description.hasPrefix(
            "content/site.yaml:1:1: warning: the accessibility statement has no contact: there is no 'contact:' with the publisher's e-mail address and phone number"))
    }

    @Test func aContactWithoutPhoneWarnsAtContactSayingWhatIsMissing() throws {
        let (config, _) = parse("contact:\n  email: redaktion@eksempel.dk\n  phone: null\n")
        #expect(config?.contact.email == "redaktion@eksempel.dk")
        #expect(config?.contact.phone == nil)
        #expect([config?.contactWarning].compactMap { $0 }.map(\.description).map { $0.components(separatedBy: " (hint:").first ?? "" } == [
            "content/site.yaml:2:1: warning: the accessibility statement has no contact: 'contact:' gives no phone number ('phone:')",
        ])
    }

    @Test func aFullContactIsReadWithoutWarnings() {
        let (config, diagnostics) = parse("""
            contact: {email: redaktion@eksempel.dk, phone: "+45 12 34 56 78"}
            accessibility_statement_url: https://www.was.digst.dk/eksempelportalen
            updated: 2026-11-25

            """)
        #expect(diagnostics.isEmpty)
        #expect(config?.contactWarning == nil)
        #expect(config?.contact == SiteConfig.Contact(email: "redaktion@eksempel.dk", phone: "+45 12 34 56 78"))
        #expect(config?.accessibilityStatementURL == "https://www.was.digst.dk/eksempelportalen")
        #expect(config?.updated == CalendarDate(year: 2026, month: 11, day: 25))
    }

    @Test func updatedMustBeADayOfTheCalendar() {
        let (config, diagnostics) = parse("contact: {email: a@eksempel.dk, phone: \"1\"}\nupdated: 2026-02-30\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.description).first?.hasPrefix("content/site.yaml:3:10: error: updated '2026-02-30' is not a date written YYYY-MM-DD") == true)
    }
}
