#pragma once
// A throwaway certificate authority and a server certificate for 127.0.0.1 (SAN IP:127.0.0.1),
// made at test time with the openssl command-line tool (tools/deps.sh installs it). A missing
// tool fails the test: TLS must never go untested silently.
#include <QString>
#include <QStringList>

namespace fixture {

struct TlsFiles
{
    QString caCert;     // PEM, the CA that signed serverCert
    QString caCertDer;  // the same CA, DER
    QString serverCert; // PEM, CN and SAN 127.0.0.1
    QString serverKey;  // PEM, unencrypted
    QString otherCa;    // PEM, a CA that signed nothing here
    QString error;      // what failed, when something did

    bool ok() const { return error.isEmpty(); }
};

// Writes the files into `dir` (which must exist).
TlsFiles makeTlsFiles(const QString &dir);

} // namespace fixture
