#pragma once

#include <sys/resource.h>

namespace dbs {

// Called first thing in every main(): a crash must not leave a core file holding the access
// key secret, an STS token or a signing key in the working directory (or hand one to a
// core_pattern helper that honours the limit, as systemd-coredump and apport do). Only the
// limit is lowered: prctl(PR_SET_DUMPABLE, 0) would also forbid ptrace and break
// LeakSanitizer. A failure is ignored: nothing else depends on it.
inline void disableCoreDumps()
{
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
}

} // namespace dbs
