#pragma once

#include <QMetaType>
#include <QString>

namespace dbs {

// Every way a call can fail, in one shape: what the window's banner, the command's stderr line
// and the retry policy all read.
struct ApiError
{
    enum class Kind {
        None,
        Service,   // the service answered with an error (HTTP status and/or Success:false)
        Malformed, // a body that is not the JSON we expect
        Transport, // connection refused, reset, DNS, TLS...
        Timeout,   // transfer took longer than allowed
        TooLarge,  // body over the size cap
        Config,    // refused before sending: bad endpoint, no credentials, unknown region
        Cancelled,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;
    QString message;
    QString requestId;
    QString hostId;
    QString recommend;
    bool retryable = false;

    bool isError() const { return kind != Kind::None; }
    // What to check, in plain words, for a code whose own message does not say it to an
    // administrator (a wrong secret); empty for the others. Shown before the service's text.
    QString hint() const;
    // "Hint. Code: Message (HTTP n) RequestId: ..." for one line of stderr or a log.
    QString summary() const;
};

} // namespace dbs

Q_DECLARE_METATYPE(dbs::ApiError)
