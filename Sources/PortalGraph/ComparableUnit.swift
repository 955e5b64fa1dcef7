import Foundation
import PortalCore
import PortalContent
import PortalMarkdown

/// The smallest unit of action a source names: what the portal counts and compares across
/// municipalities, so that like is compared with like.
///
/// Sources are built differently: Rudersdal's plan acts through 16 indsatser and
/// Kalundborg's catalogue through 12 ideas, but Hillerød's plan acts through the 25
/// activities of its 6 indsatser, and Slagelse's follow-up through the 11 activities of
/// its 7 goals. Counting items would set 1 of Hillerød's against 10 of Kalundborg's. Each
/// document says which it is (`units:`); the faithful reading of the document, item by
/// item, is unchanged, and a unit only adds a view of it.
public struct ComparableUnit: Sendable, Hashable, Identifiable {
    /// A unit is an item, or one activity of an item.
    public struct ID: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var itemID: String
        /// The activity's position in its item; nil for an item that is its own unit.
        public var activity: Int?

        public init(itemID: String, activity: Int? = nil) {
            self.itemID = itemID
            self.activity = activity
        }

        public static func < (lhs: ID, rhs: ID) -> Bool {
            (lhs.itemID, lhs.activity ?? -1) < (rhs.itemID, rhs.activity ?? -1)
        }

        /// `item-id` or `item-id/2` (the activity's position from 1): a stable key for
        /// data files and tests.
        public var description: String { activity.map { "\(itemID)/\($0 + 1)" } ?? itemID }
    }

    public enum Kind: Sendable, Hashable {
        /// The item itself (an indsats, an idea), with its type.
        case item(ItemType)
        /// An activity of an item.
        case activity
    }

    public var id: ID
    public var kind: Kind
    public var municipalityID: String
    public var documentID: String
    public var sectionID: String?
    /// The number or letter the source gives it.
    public var number: String?
    /// The source's title; nil where it has none (Slagelse's activities are only text).
    public var title: String?
    /// What it is about in the source's own words, as plain text: the first sentence of
    /// its text, or its stated purpose (the document's `lead_field`).
    public var lead: String?
    public var status: Status?
    public var statusText: String?
    /// Cross-municipality themes and tags: an activity's own, or its item's.
    public var themeIDs: [String]
    public var tagIDs: [String]
    /// The unit's page: the item's page, or the activity's own below it.
    public var path: String
}

extension ComparableUnit {
    /// The plain text of the first sentence of `markdown`'s first block of text: how a
    /// unit is introduced in a comparison, in the source's words.
    static func lead(of markdown: String, renderer: MarkdownRenderer = MarkdownRenderer()) -> String? {
        guard let block = renderer.textBlocks(markdown).first(where: { !$0.isEmpty }) else { return nil }
        let sentences = Sentences(block)
        let end = sentences.starts.dropFirst().first ?? block.endIndex
        let sentence = block[block.startIndex..<end].trimmingWhiteSpaceAndNewlines()
        return sentence.isEmpty ? nil : sentence
    }
}
