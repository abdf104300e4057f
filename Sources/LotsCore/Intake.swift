import Foundation

/// One answer in the citizen's form.
public struct FormAnswer: Sendable, Equatable {
    public var id: String
    public var question: String
    public var answer: String

    public init(id: String, question: String, answer: String) {
        self.id = id
        self.question = question
        self.answer = answer
    }

    /// True for a yes (`ja`, `yes`, `true`).
    public var isYes: Bool { ["ja", "yes", "true", "j", "y"].contains(answer.lowercased()) }
}

/// A photo attached to an intake: its bytes and what was derived from them.
public struct IntakeAttachment: Sendable, Equatable {
    public var fileName: String
    public var data: Data
    public var metadata: ImageMetadata
}

/// A validated citizen intake, ready to be triaged and stored. Produced by `IntakeParser`.
public struct Intake: Sendable, Equatable {
    public var personnummer: Personnummer
    public var name: String
    public var phone: String?
    public var channel: Channel
    public var unit: String
    public var submittedAt: Date
    public var reason: String
    public var answers: [FormAnswer]
    public var selfRatedHealth: Int?
    public var expectations: String?
    public var attachments: [IntakeAttachment]
    /// The patient's language, `sv` (default) or `en`: templates sent to the patient follow it.
    public var language = "sv"

    public init(personnummer: Personnummer, name: String, phone: String?, channel: Channel, unit: String, submittedAt: Date,
                reason: String, answers: [FormAnswer] = [], selfRatedHealth: Int? = nil, expectations: String? = nil,
                attachments: [IntakeAttachment] = []) {
        self.personnummer = personnummer
        self.name = name
        self.phone = phone
        self.channel = channel
        self.unit = unit
        self.submittedAt = submittedAt
        self.reason = reason
        self.answers = answers
        self.selfRatedHealth = selfRatedHealth
        self.expectations = expectations
        self.attachments = attachments
    }

    /// The triage input for this intake: reason plus the questions answered yes, exact age from the personnummer.
    public var triageInput: TriageInput {
        let yes = answers.filter(\.isYes).map(\.question)
        return TriageInput(text: ([reason] + yes).joined(separator: ". "),
                           ageYears: personnummer.age(at: submittedAt),
                           ageMonths: personnummer.ageInMonths(at: submittedAt),
                           sex: personnummer.sex,
                           answers: Dictionary(answers.map { ($0.id, $0.isYes) }, uniquingKeysWith: { a, b in a || b }))
    }
}
