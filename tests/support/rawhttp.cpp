#include "rawhttp.h"

#include <sim/simulator.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QTcpSocket>

namespace fixture {

int RawAnswer::status() const
{
    if (!data.startsWith("HTTP/1."))
        return 0;
    return data.mid(9, 3).toInt();
}

QByteArray RawAnswer::body() const
{
    const int end = data.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : data.mid(end + 4);
}

RawAnswer sendRaw(quint16 port, const QByteArray &bytes, bool halfClose)
{
    RawAnswer answer;
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    answer.connected = socket.waitForConnected(5000);
    if (!answer.connected)
        return answer;
    // In pieces: a 100 KB header must not depend on one write.
    for (qsizetype at = 0; at < bytes.size(); at += 16 * 1024) {
        socket.write(bytes.mid(at, 16 * 1024));
        socket.waitForBytesWritten(5000);
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    if (halfClose && socket.state() == QAbstractSocket::ConnectedState)
        socket.flush();
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        if (socket.state() != QAbstractSocket::ConnectedState) {
            answer.closed = true;
            break;
        }
        socket.waitForReadyRead(100);
        answer.data += socket.readAll();
        // A whole answer: headers and a Content-Length body.
        if (const int end = answer.data.indexOf("\r\n\r\n"); end >= 0) {
            const QByteArray headers = answer.data.left(end).toLower();
            const int at = headers.indexOf("content-length:");
            if (at >= 0) {
                const qint64 length = headers.mid(at + 15, headers.indexOf("\r\n", at) - at - 15)
                                          .trimmed()
                                          .toLongLong();
                if (answer.data.size() - end - 4 >= length)
                    break;
            }
        }
    }
    answer.data += socket.readAll();
    if (socket.state() != QAbstractSocket::ConnectedState)
        answer.closed = true;
    return answer;
}

QByteArray signedV1(quint16 port, dbs::signing::QueryItems items)
{
    items += dbs::signing::QueryItems{
        {"Version", "2019-03-06"},
        {"Format", "JSON"},
        {"AccessKeyId", dbs::demoAccessKeyId},
        {"SignatureMethod", "HMAC-SHA1"},
        {"SignatureVersion", "1.0"},
        {"SignatureNonce", dbs::signing::newNonce()},
        {"Timestamp", dbs::signing::timestamp(QDateTime::currentMSecsSinceEpoch()).toUtf8()},
    };
    items.append(
        {"Signature", dbs::signing::v1Signature(dbs::demoAccessKeySecret,
                                                dbs::signing::v1StringToSign("POST", items))});
    return "POST /?" + dbs::signing::canonicalQuery(items) +
           " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n"
           "Connection: close\r\n\r\n";
}

} // namespace fixture
