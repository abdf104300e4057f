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
        m.registerMigration("v7-case-keeps-its-patient") { db in
            // The name and phone the citizen gave with this contact: a later intake with the same personnummer
            // updates the citizen row, and must not rewrite what earlier cases (and their journal notes) say.
            // Older cases keep NULL and show the citizen row.
            try db.alter(table: "careCase") { t in
                t.add(column: "citizenName", .text)
                t.add(column: "citizenPhone", .text)
            }
        }
        m.registerMigration("v8-login-throttle") { db in
            // Failed log-ins under names that have no account lock out like real ones, so "locked" does not tell
            // which names exist. Keyed by a hash of the name, never the name.
            try db.create(table: "loginThrottle") { t in
                t.primaryKey("nameKey", .text)
                t.column("failedLogins", .integer).notNull()
                t.column("lockedUntil", .datetime)
                t.column("updatedAt", .datetime).notNull()
            }
        }
        m.registerMigration("v9-signed-audit-head") { db in
            // The access log's head – newest event's id and hash – signed with the key beside the store, updated by
            // every insert (issue 11). A store upgraded from before trusts its chain as it stands at this moment.
            try db.execute(sql: """
                CREATE TABLE auditHead (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL, hash TEXT NOT NULL, mac TEXT NOT NULL);
                INSERT INTO auditHead (id, count, hash, mac)
                  VALUES (1, (SELECT COALESCE(MAX(id), 0) FROM auditEvent),
                          COALESCE((SELECT hash FROM auditEvent ORDER BY id DESC LIMIT 1), '\(String(repeating: "0", count: 64))'), '');
                UPDATE auditHead SET mac = lots_audit_mac(count, hash);
                CREATE TRIGGER auditEvent_head AFTER INSERT ON auditEvent BEGIN
                  UPDATE auditHead SET count = NEW.id, hash = NEW.hash, mac = lots_audit_mac(NEW.id, NEW.hash) WHERE id = 1;
                END;
                """)
        }
        m.registerMigration("v10-store-kind") { db in
            // `demo` (made by lots demo: demo accounts, password demo) or `real` (made by lots init --admin NAME).
            // Demo-only commands (simulate --staff) refuse a real store; lots demo refuses one too.
            try db.create(table: "storeInfo") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        m.registerMigration("v11-open-message-index") { db in
            // Search looks for open cases, but closed chats outnumber open ones a hundredfold and filled every
            // newest-first result (issue 11). A second full-text index holds only the messages of open cases:
            // a message enters it when written to an open case and leaves it when the case closes.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE openMessage_ft USING fts5(body, content='message', content_rowid='id', tokenize='unicode61');
                INSERT INTO openMessage_ft(rowid, body)
                  SELECT m.id, m.body FROM message m JOIN careCase c ON c.id = m.caseId WHERE c.status <> 'closed';
                CREATE TRIGGER message_open_insert AFTER INSERT ON message
                  WHEN (SELECT status FROM careCase WHERE id = NEW.caseId) <> 'closed' BEGIN
                  INSERT INTO openMessage_ft(rowid, body) VALUES (NEW.id, NEW.body);
                END;
                CREATE TRIGGER message_open_delete AFTER DELETE ON message
                  WHEN (SELECT status FROM careCase WHERE id = OLD.caseId) <> 'closed' BEGIN
                  INSERT INTO openMessage_ft(openMessage_ft, rowid, body) VALUES ('delete', OLD.id, OLD.body);
                END;
                CREATE TRIGGER careCase_open_close AFTER UPDATE OF status ON careCase
                  WHEN NEW.status = 'closed' AND OLD.status <> 'closed' BEGIN
                  INSERT INTO openMessage_ft(openMessage_ft, rowid, body) SELECT 'delete', id, body FROM message WHERE caseId = NEW.id;
                END;
                CREATE TRIGGER careCase_open_reopen AFTER UPDATE OF status ON careCase
                  WHEN OLD.status = 'closed' AND NEW.status <> 'closed' BEGIN
                  INSERT INTO openMessage_ft(rowid, body) SELECT id, body FROM message WHERE caseId = NEW.id;
                END;
                """)
        }
        m.registerMigration("v12-triage-uncertain") { db in
            // A triage with no confident match is flagged ("ej säker automatisk bedömning") on queue and case screens.
            try db.alter(table: "careCase") { t in t.add(column: "triageUncertain", .boolean).notNull().defaults(to: false) }
        }
        m.registerMigration("v13-patient-language") { db in
            // Templates sent to the patient follow the patient's language, not the clinician's UI.
            try db.alter(table: "careCase") { t in t.add(column: "language", .text).notNull().defaults(to: "sv") }
        }
        m.registerMigration("v14-staff-notes") { db in
            // Staff-only notes live in the chat's table, flagged: every citizen-visible query excludes them.
            try db.alter(table: "message") { t in t.add(column: "staffOnly", .boolean).notNull().defaults(to: false) }
        }
        m.registerMigration("v15-snooze") { db in
            // A case on hold until a time, or until the citizen answers, with the reason (snoozeReason).
            try db.alter(table: "careCase") { t in
                t.add(column: "snoozedUntil", .datetime)
                t.add(column: "snoozeUntilReply", .boolean).notNull().defaults(to: false)
                t.add(column: "snoozeReason", .text)
            }
        }
        m.registerMigration("v25-appointment-books") { db in
            // Issue 15: a unit's bookable times, the times a clinician offered a case, and the bookings. A time can
            // never be booked twice: the partial unique index refuses a second live booking of a slot even if two
            // citizens' transactions raced past every check; one live booking per case likewise.
            try db.create(table: "slot") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("unitHsaId", .text).notNull().references("unit")
                t.column("profession", .text).notNull()
                t.column("mode", .text).notNull()
                t.column("startAt", .datetime).notNull()
                t.column("endAt", .datetime).notNull()
                t.column("resource", .text).notNull().defaults(to: "")
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["unitHsaId", "profession", "mode", "startAt", "resource"])
            }
            try db.create(index: "slot_unit_day", on: "slot", columns: ["unitHsaId", "startAt"])
            try db.create(table: "slotOffer") { t in
                t.column("caseId", .integer).notNull().references("careCase", onDelete: .cascade)
                t.column("slotId", .integer).notNull().references("slot", onDelete: .cascade)
                t.column("staffId", .integer).references("staff")
                t.column("offeredAt", .datetime).notNull()
                t.primaryKey(["caseId", "slotId"])
            }
            try db.create(table: "appointment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("slotId", .integer).notNull().references("slot")
                t.column("caseId", .integer).notNull().references("careCase", onDelete: .cascade).indexed()
                t.column("bookedAt", .datetime).notNull()
                t.column("cancelledAt", .datetime)
                t.column("videoUrl", .text)
                t.column("uid", .text).notNull().unique()
                t.column("sequence", .integer).notNull().defaults(to: 0)
            }
            try db.execute(sql: """
                CREATE UNIQUE INDEX appointment_live_slot ON appointment(slotId) WHERE cancelledAt IS NULL;
                CREATE UNIQUE INDEX appointment_live_case ON appointment(caseId) WHERE cancelledAt IS NULL;
                """)
        }
        m.registerMigration("v26-video-and-waits") { db in
            // Video meetings (a per-unit link template, each meeting its own room) and Vårdutbud's expected waits,
            // each with the day it was reported.
            try db.alter(table: "unit") { t in t.add(column: "videoUrlTemplate", .text) }
            try db.create(table: "videoMeeting") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("caseId", .integer).notNull().references("careCase", onDelete: .cascade).indexed()
                t.column("appointmentId", .integer).references("appointment")
                t.column("url", .text).notNull()
                t.column("staffId", .integer).references("staff")
                t.column("startsAt", .datetime).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "expectedWait") { t in
                t.column("unitHsaId", .text).notNull().references("unit")
                t.column("profession", .text).notNull()
                t.column("days", .integer).notNull()
                t.column("reportedOn", .text).notNull()
                t.column("importedAt", .datetime).notNull()
                t.primaryKey(["unitHsaId", "profession"])
            }
        }
        m.registerMigration("v27-care-pathway") { db in
            // The national care pathway (vårdförlopp) the case's complaint may start, from the catalog at intake.
            try db.alter(table: "careCase") { t in t.add(column: "pathway", .text) }
        }
        m.registerMigration("v20-citizen-channel") { db in
            // The citizen channel (lots serve): a case's bearer token, kept only as its SHA-256, and the citizen's
            // read receipt (staff messages read up to this message id), shown to staff in the case view.
            try db.create(table: "caseToken") { t in
                t.primaryKey("caseId", .integer).references("careCase", onDelete: .cascade)
                t.column("tokenHash", .text).notNull().unique()
            }
            try db.alter(table: "careCase") { t in t.add(column: "citizenReadUpTo", .integer).notNull().defaults(to: 0) }
        }
        m.registerMigration("v16-citizen-read-receipt") { db in
            // When the citizen last read staff messages (issue 14); the read position itself is v20's citizenReadUpTo.
            try db.alter(table: "careCase") { t in t.add(column: "citizenReadAt", .datetime) }
        }
        return m
    }
}
