#pragma once

#include "signinspec.h"

#include <QString>

namespace dbs {

// What one credential source found. "Absent" lets the chain go on to the next source; "Failed"
// means the user configured this source but it is broken, and the chain stops there rather
// than silently signing in as someone else.
struct SourceResult
{
    enum class Status { Found, Absent, Failed };

    Status status = Status::Absent;
    SignInSpec spec; // usable only when Found: the keys, or how to obtain them
    QString origin;  // what was looked at, e.g. a file path; never a value
    QString message; // why Absent or Failed, translated; never contains a secret

    bool found() const { return status == Status::Found; }
    bool failed() const { return status == Status::Failed; }

    static SourceResult makeFound(const QString &origin, const SignInSpec &spec)
    {
        return {Status::Found, spec, origin, {}};
    }
    static SourceResult makeFound(const QString &origin, const Credential &credential)
    {
        return makeFound(origin, SignInSpec::fixed(credential));
    }
    static SourceResult makeAbsent(const QString &origin, const QString &message)
    {
        return {Status::Absent, {}, origin, message};
    }
    static SourceResult makeFailed(const QString &origin, const QString &message)
    {
        return {Status::Failed, {}, origin, message};
    }
};

} // namespace dbs
