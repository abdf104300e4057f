// Argon2 (RFC 9106) from Debian's libargon2 (package libargon2-dev): the reference implementation.
#include <argon2.h>
