#include "signing.h"

#include "epochtime.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QUuid>

#include <algorithm>

namespace dbs::signing {

namespace {
bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~';
}

QList<QPair<QByteArray, QByteArray>> encodedSorted(const QueryItems &items)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(items.size());
    for (const auto &item : items)
        encoded.append({percentEncode(item.first), percentEncode(item.second)});
    std::sort(encoded.begin(), encoded.end());
    return encoded;
}

QByteArray join(const QList<QPair<QByteArray, QByteArray>> &encoded)
{
    QByteArray out;
    for (const auto &[name, value] : encoded) {
        if (!out.isEmpty())
            out += '&';
        out += name;
        out += '=';
        out += value;
    }
    return out;
}
} // namespace

QByteArray percentEncode(const QByteArray &utf8)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (const char c : utf8) {
        if (isUnreserved(c)) {
            out += c;
        } else {
            const auto b = static_cast<unsigned char>(c);
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 0xF];
        }
    }
    return out;
}

QByteArray canonicalQuery(const QueryItems &items)
{
    return join(encodedSorted(items));
}

QString timestamp(qint64 epochMs)
{
    return utcFromEpochMs(epochMs).toString(u"yyyy-MM-ddTHH:mm:ssZ");
}

QByteArray newNonce()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QByteArray v1StringToSign(const QByteArray &method, const QueryItems &items)
{
    QueryItems signable;
    signable.reserve(items.size());
    for (const auto &item : items) {
        if (item.first != "Signature")
            signable.append(item);
    }
    return method + '&' + percentEncode("/") + '&' + percentEncode(canonicalQuery(signable));
}

QByteArray v1Signature(const QByteArray &secret, const QByteArray &stringToSign)
{
    return QMessageAuthenticationCode::hash(stringToSign, secret + '&', QCryptographicHash::Sha1)
        .toBase64();
}

QByteArray hexSha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QList<QByteArray> v3HeadersToSign(const HeaderMap &headers)
{
    QList<QByteArray> names;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        const QByteArray &name = it.key();
        if (name == "host" || name == "content-type" || name.startsWith("x-acs-"))
            names.append(name);
    }
    return names; // QMap keeps them sorted
}

QByteArray v3CanonicalRequest(const QByteArray &method, const QByteArray &path,
                              const QueryItems &items, const HeaderMap &headers,
                              const QList<QByteArray> &signedHeaders,
                              const QByteArray &hashedPayload)
{
    QList<QByteArray> names;
    names.reserve(signedHeaders.size());
    for (const QByteArray &name : signedHeaders)
        names.append(name.toLower());
    std::sort(names.begin(), names.end());

    QByteArray canonicalHeaders;
    for (const QByteArray &name : names)
        canonicalHeaders += name + ':' + headers.value(name).trimmed() + '\n';

    return method + '\n' + path + '\n' + canonicalQuery(items) + '\n' + canonicalHeaders + '\n' +
           names.join(';') + '\n' + hashedPayload;
}

QByteArray v3StringToSign(const QByteArray &canonicalRequest)
{
    return QByteArray(v3Algorithm) + '\n' + hexSha256(canonicalRequest);
}

QByteArray v3Signature(const QByteArray &secret, const QByteArray &stringToSign)
{
    return QMessageAuthenticationCode::hash(stringToSign, secret, QCryptographicHash::Sha256)
        .toHex();
}

QByteArray v3AuthorizationHeader(const QByteArray &accessKeyId,
                                 const QList<QByteArray> &signedHeaders,
                                 const QByteArray &signature)
{
    return QByteArray(v3Algorithm) + " Credential=" + accessKeyId +
           ",SignedHeaders=" + signedHeaders.join(';') + ",Signature=" + signature;
}

V3Authorization parseV3Authorization(const QByteArray &header)
{
    V3Authorization auth;
    const QByteArray prefix = QByteArray(v3Algorithm) + ' ';
    if (!header.startsWith(prefix))
        return auth;
    bool haveCredential = false, haveHeaders = false, haveSignature = false;
    const QList<QByteArray> parts = header.mid(prefix.size()).split(',');
    for (const QByteArray &rawPart : parts) {
        const QByteArray part = rawPart.trimmed();
        const int eq = part.indexOf('=');
        if (eq <= 0)
            return auth;
        const QByteArray key = part.left(eq);
        const QByteArray value = part.mid(eq + 1);
        if (key == "Credential") {
            auth.accessKeyId = value;
            haveCredential = !value.isEmpty();
        } else if (key == "SignedHeaders") {
            auth.signedHeaders = value.split(';');
            haveHeaders = !value.isEmpty();
        } else if (key == "Signature") {
            auth.signature = value;
            haveSignature = !value.isEmpty();
        }
    }
    auth.valid = haveCredential && haveHeaders && haveSignature;
    return auth;
}

} // namespace dbs::signing
