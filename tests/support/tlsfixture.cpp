#include "tlsfixture.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace fixture {

namespace {
bool runOpenssl(const QString &openssl, const QStringList &args, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl, args);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2")
                     .arg(args.join(u' '), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool makeCa(const QString &openssl, const QString &dir, const QString &name, QString *error)
{
    return runOpenssl(openssl,
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), dir + u'/' + name + QStringLiteral(".key"),
                       QStringLiteral("-out"), dir + u'/' + name + QStringLiteral(".pem"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=DBS test CA ") + name, QStringLiteral("-addext"),
                       QStringLiteral("basicConstraints=critical,CA:TRUE"),
                       QStringLiteral("-addext"),
                       QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                      error);
}
} // namespace

TlsFiles makeTlsFiles(const QString &dir)
{
    TlsFiles files;
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        files.error = QStringLiteral("the openssl command is needed (tools/deps.sh installs it)");
        return files;
    }
    files.caCert = dir + QStringLiteral("/ca.pem");
    files.caCertDer = dir + QStringLiteral("/ca.der");
    files.serverCert = dir + QStringLiteral("/server.pem");
    files.serverKey = dir + QStringLiteral("/server.key");
    files.otherCa = dir + QStringLiteral("/other.pem");
    const QString csr = dir + QStringLiteral("/server.csr");
    const QString extensions = dir + QStringLiteral("/server.ext");
    QFile ext(extensions);
    if (!ext.open(QIODevice::WriteOnly) ||
        ext.write("subjectAltName=IP:127.0.0.1\n"
                  "basicConstraints=CA:FALSE\n"
                  "keyUsage=critical,digitalSignature,keyEncipherment\n"
                  "extendedKeyUsage=serverAuth\n") < 0) {
        files.error = QStringLiteral("cannot write %1").arg(extensions);
        return files;
    }
    ext.close();
    const bool ok =
        makeCa(openssl, dir, QStringLiteral("ca"), &files.error) &&
        makeCa(openssl, dir, QStringLiteral("other"), &files.error) &&
        runOpenssl(openssl,
                   {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), files.serverKey,
                    QStringLiteral("-out"), csr, QStringLiteral("-subj"),
                    QStringLiteral("/CN=127.0.0.1")},
                   &files.error) &&
        runOpenssl(openssl,
                   {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                    QStringLiteral("-CA"), files.caCert, QStringLiteral("-CAkey"),
                    dir + QStringLiteral("/ca.key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-out"), files.serverCert, QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-extfile"), extensions},
                   &files.error) &&
        runOpenssl(openssl,
                   {QStringLiteral("x509"), QStringLiteral("-in"), files.caCert,
                    QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                    files.caCertDer},
                   &files.error);
    if (!ok && files.error.isEmpty())
        files.error = QStringLiteral("openssl failed");
    return files;
}

} // namespace fixture
