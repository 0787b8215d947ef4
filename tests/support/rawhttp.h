#pragma once

// Requests sent raw over TCP, for tests of what a server does with bytes no client would send.

#include <api/signing.h>

#include <QByteArray>

namespace fixture {

struct RawAnswer
{
    bool connected = false;
    bool closed = false;     // the server closed the connection
    QByteArray data;         // everything it sent
    int status() const;      // the HTTP status of the first answer, 0 when none
    QByteArray body() const; // what follows the first answer's headers
};

// Sends the bytes, then waits up to 10 s for a whole answer or the connection's end.
RawAnswer sendRaw(quint16 port, const QByteArray &bytes, bool halfClose = false);

// A V1-signed POST with these parameters (Action and all) as dbs-gateways would send it,
// signed with the simulator's demo key.
QByteArray signedV1(quint16 port, dbs::signing::QueryItems items);

} // namespace fixture
