import Foundation
import LotsCore

/// An exclusive `flock` on a folder, held while a store is created or migrated so that many processes may
/// open a new store at once. A lock on the folder rather than on the database file: closing any descriptor of
/// the database would drop SQLite's own POSIX locks in this process.
struct FolderLock {
    let fd: Int32

    init(_ folder: String) throws {
        fd = Foundation.open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else {
            throw LotsError("cannot open the store's folder", at: folder, fix: "check that it exists and that this user may read it", code: .noInput)
        }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                Foundation.close(fd)
                throw LotsError("cannot lock the store's folder", at: folder, fix: "check the file system supports locks", code: .ioError)
            }
        }
    }

    func unlock() {
        flock(fd, LOCK_UN)
        Foundation.close(fd)
    }
}
