import GRDB

/// The schema, as an ordered list of migrations. Never edit a shipped migration; add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-foundation") { db in
            try db.create(table: "unit") { t in
                t.primaryKey("hsaId", .text)
                t.column("name", .text).notNull()
                t.column("type", .text).notNull()
                t.column("missions", .text).notNull().defaults(to: "")
                t.column("minAge", .integer).notNull()
                t.column("maxAge", .integer).notNull()
                t.column("address", .text).notNull().defaults(to: "")
                t.column("phone", .text).notNull().defaults(to: "")
                t.column("hours", .text).notNull().defaults(to: "")
                t.column("waitMinutes", .integer).notNull()
            }
            try db.create(table: "staff") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("username", .text).notNull().unique().collate(.nocase)
                t.column("displayName", .text).notNull()
                t.column("role", .text).notNull()
                t.column("profession", .text)
                t.column("unitHsaId", .text).references("unit")
                t.column("passwordHash", .text).notNull()
                t.column("failedLogins", .integer).notNull().defaults(to: 0)
                t.column("lockedUntil", .datetime)
                t.column("openChatCap", .integer).notNull().defaults(to: 6)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "citizen") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("personnummer", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("phone", .text)
                t.column("sex", .text).notNull()
            }
            try db.create(table: "careCase") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("citizenId", .integer).notNull().references("citizen")
                t.column("unitHsaId", .text).notNull().references("unit")
                t.column("channel", .text).notNull()
                t.column("status", .text).notNull()
                t.column("urgency", .text).notNull()
                t.column("urgencyRank", .integer).notNull()
                t.column("symptomCode", .text)
                t.column("careLevel", .text).notNull()
                t.column("profession", .text).notNull()
                t.column("mission", .text).notNull()
                t.column("referralType", .text).notNull()
                t.column("referralUnitHsaId", .text)
                t.column("rationale", .text).notNull()
                t.column("catalogVersion", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("selfRatedHealth", .integer)
                t.column("expectations", .text)
                t.column("ageYears", .integer).notNull()
                t.column("sex", .text).notNull()
                t.column("submittedAt", .datetime).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.column("ownerStaffId", .integer).references("staff")
                t.column("createdByStaffId", .integer).references("staff")
                t.column("outcome", .text)
                t.column("closedAt", .datetime)
                t.column("firstResponseAt", .datetime)
                t.column("lastMessageAt", .datetime)
                t.column("unreadCount", .integer).notNull().defaults(to: 0)
                t.column("attachmentCount", .integer).notNull().defaults(to: 0)
            }
            // The queue: open cases of a unit by urgency, then waiting time. Partial, so closed cases cost nothing.
            try db.execute(sql: """
                CREATE INDEX careCase_queue ON careCase(unitHsaId, urgencyRank, submittedAt) WHERE status <> 'closed';
                CREATE INDEX careCase_owner ON careCase(ownerStaffId) WHERE status <> 'closed';
                CREATE INDEX careCase_citizen ON careCase(citizenId);
                CREATE INDEX careCase_closed ON careCase(closedAt) WHERE status = 'closed';
                """)
            try db.create(virtualTable: "careCase_ft", using: FTS5()) { t in
                t.synchronize(withTable: "careCase")
                t.tokenizer = .unicode61()
                t.column("reason")
            }
            try db.create(table: "caseHistory") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("caseId", .integer).notNull().references("careCase", onDelete: .cascade).indexed()
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("fromStatus", .text)
                t.column("toStatus", .text)
                t.column("note", .text).notNull().defaults(to: "")
            }
            try db.create(table: "formAnswer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("caseId", .integer).notNull().references("careCase", onDelete: .cascade).indexed()
                t.column("position", .integer).notNull()
                t.column("questionId", .text).notNull()
                t.column("question", .text).notNull()
                t.column("answer", .text).notNull()
            }
            try db.create(table: "attachment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("caseId", .integer).notNull().references("careCase", onDelete: .cascade).indexed()
                t.column("fileName", .text).notNull()
                t.column("mimeType", .text).notNull()
                t.column("width", .integer).notNull()
                t.column("height", .integer).notNull()
                t.column("byteCount", .integer).notNull()
                t.column("sha256", .text).notNull()
                t.column("capturedAt", .text)
                t.column("hasGPS", .boolean).notNull()
                t.column("data", .blob)
            }
            try db.create(table: "message") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("caseId", .integer).notNull().references("careCase", onDelete: .cascade)
                t.column("author", .text).notNull()
                t.column("staffId", .integer).references("staff")
                t.column("body", .text).notNull()
                t.column("templateCode", .text)
                t.column("at", .datetime).notNull()
            }
            try db.create(index: "message_case", on: "message", columns: ["caseId", "id"])
            try db.create(virtualTable: "message_ft", using: FTS5()) { t in
                t.synchronize(withTable: "message")
                t.tokenizer = .unicode61()
                t.column("body")
            }
            try db.create(table: "template") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("code", .text).notNull().unique()
                t.column("category", .text).notNull()
                t.column("titleSv", .text).notNull()
                t.column("titleEn", .text).notNull()
                t.column("bodySv", .text).notNull()
                t.column("bodyEn", .text).notNull()
                t.column("ownerStaffId", .integer).references("staff")
                t.column("useCount", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "forward") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("caseId", .integer).notNull().references("careCase", onDelete: .cascade).indexed()
                t.column("fromUnitHsaId", .text).notNull()
                t.column("toUnitHsaId", .text).notNull().references("unit")
                t.column("staffId", .integer).references("staff")
                t.column("note", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(table: "auditEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("role", .text).notNull()
                t.column("unitHsaId", .text)
                t.column("action", .text).notNull()
                t.column("caseId", .integer)
                t.column("personnummer", .text)
                t.column("detail", .text).notNull().defaults(to: "")
                t.column("prevHash", .text).notNull()
                t.column("hash", .text).notNull()
            }
            try db.execute(sql: """
                CREATE INDEX auditEvent_case ON auditEvent(caseId);
                CREATE INDEX auditEvent_patient ON auditEvent(personnummer);
                """)
            try db.create(table: "catalogFile") { t in
                t.primaryKey("name", .text)
                t.column("text", .text).notNull()
                t.column("version", .text).notNull()
                t.column("importedAt", .datetime).notNull()
            }
        }
        m.registerMigration("v2-console") { db in
            // Drafts are saved as the clinician types, so a crash or lock loses nothing.
            try db.create(table: "draft") { t in
                t.column("staffId", .integer).notNull().references("staff", onDelete: .cascade)
                t.column("caseId", .integer).notNull().references("careCase", onDelete: .cascade)
                t.column("body", .text).notNull()
                t.column("templateCode", .text)
                t.column("updatedAt", .datetime).notNull()
                t.primaryKey(["staffId", "caseId"])
            }
        }
        m.registerMigration("v3-presence") { db in
            // Consoles touch this every 30 s; the dashboard counts staff seen in the last two minutes.
            try db.alter(table: "staff") { t in t.add(column: "lastSeenAt", .datetime) }
        }
        m.registerMigration("v4-queue-revision") { db in
            // Every insert or change of a case stamps it with the next store-wide revision, so a console reloads
            // only the cases changed since its last read instead of its whole queue after every commit anywhere.
            // Kept beside careCase, not in it: a trigger that updated careCase itself would fire the FTS sync
            // triggers out of order and corrupt careCase_ft.
            try db.execute(sql: """
                CREATE TABLE queueRevision (id INTEGER PRIMARY KEY CHECK (id = 1), rev INTEGER NOT NULL);
                INSERT INTO queueRevision (id, rev) VALUES (1, 0);
                CREATE TABLE caseRevision (caseId INTEGER PRIMARY KEY, rev INTEGER NOT NULL);
                CREATE INDEX caseRevision_rev ON caseRevision(rev);
                CREATE TRIGGER careCase_rev_insert AFTER INSERT ON careCase BEGIN
                  UPDATE queueRevision SET rev = rev + 1 WHERE id = 1;
                  INSERT OR REPLACE INTO caseRevision (caseId, rev) VALUES (NEW.id, (SELECT rev FROM queueRevision WHERE id = 1));
                END;
                CREATE TRIGGER careCase_rev_update AFTER UPDATE ON careCase BEGIN
                  UPDATE queueRevision SET rev = rev + 1 WHERE id = 1;
                  INSERT OR REPLACE INTO caseRevision (caseId, rev) VALUES (NEW.id, (SELECT rev FROM queueRevision WHERE id = 1));
                END;
                CREATE TRIGGER careCase_rev_delete AFTER DELETE ON careCase BEGIN
                  DELETE FROM caseRevision WHERE caseId = OLD.id;
                END;
                """)
        }
        m.registerMigration("v5-reason-index-on-reason-only") { db in
            // GRDB's FTS sync trigger re-indexed the reason on every update of a case – every message, take
            // and status change – which cost each write an FTS delete and insert. Only a new reason needs it.
            try db.execute(sql: """
                DROP TRIGGER "__careCase_ft_au";
                CREATE TRIGGER "__careCase_ft_au" AFTER UPDATE OF reason ON careCase BEGIN
                  INSERT INTO careCase_ft(careCase_ft, rowid, reason) VALUES('delete', old.id, old.reason);
                  INSERT INTO careCase_ft(rowid, reason) VALUES (new.id, new.reason);
                END;
                """)
        }
        m.registerMigration("v6-dashboard-indexes") { db in
            // The dashboard's arrivals per hour and today's first answers scanned all 100,000 cases (≈ 27 ms each).
            try db.execute(sql: """
                CREATE INDEX careCase_arrivals ON careCase(unitHsaId, submittedAt);
                CREATE INDEX careCase_firstResponse ON careCase(unitHsaId, firstResponseAt);
                """)
        }
        m.registerMigration("v7-triage-uncertain") { db in
            // A triage with no confident match is flagged ("ej säker automatisk bedömning") on queue and case screens.
            try db.alter(table: "careCase") { t in t.add(column: "triageUncertain", .boolean).notNull().defaults(to: false) }
        }
        m.registerMigration("v8-patient-language") { db in
            // Templates sent to the patient follow the patient's language, not the clinician's UI.
            try db.alter(table: "careCase") { t in t.add(column: "language", .text).notNull().defaults(to: "sv") }
        }
        return m
    }
}
