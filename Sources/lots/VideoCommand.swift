import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots video CASE`: start a video meeting now; the link goes in the chat.
struct VideoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "video",
        abstract: "Start a video meeting now from a case (its owner): prints the link, which is also sent in the chat.",
        discussion: """
        The link comes from the unit's URL template (lots directory import sets it) with a new, unguessable room id.
        A booked video time gets its own link when the citizen books it. Close the case with outcome video-meeting.

        Example:
          lots video 12 --user bertil
        """
    )
    @OptionGroup var store: StoreOptions
    @OptionGroup var identity: IdentityOptions
    @Argument(help: "Case id.") var caseId: Int64

    func run() throws {
        let s = try store.open()
        let user = try identity.authenticate(s, for: "lots video")
        try Output.write(try s.startVideoMeeting(caseId: caseId, by: user) + "\n")
    }
}
