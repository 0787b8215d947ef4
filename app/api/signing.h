#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

// Alibaba Cloud OpenAPI request signing (RPC V1 HMAC-SHA1 and V3 ACS3-HMAC-SHA256), as plain
// functions shared by the client (which signs) and the simulator (which verifies).
namespace dbs::signing {

using QueryItem = QPair<QByteArray, QByteArray>; // decoded UTF-8 name and value
using QueryItems = QList<QueryItem>;

// RFC 3986 encoding: A-Z a-z 0-9 - _ . ~ kept, every other byte %XY in upper-case hex.
QByteArray percentEncode(const QByteArray &utf8);

// Names and values encoded, sorted by encoded name (then value), joined "n=v&n=v".
// Also the query string the client puts on the wire.
QByteArray canonicalQuery(const QueryItems &items);

QString timestamp(qint64 epochMs); // UTC yyyy-MM-ddTHH:mm:ssZ
QByteArray newNonce();

// ---- V1 ----
// Every parameter except "Signature" goes in.
QByteArray v1StringToSign(const QByteArray &method, const QueryItems &items);
QByteArray v1Signature(const QByteArray &secret, const QByteArray &stringToSign); // base64

// ---- V3 ----
using HeaderMap = QMap<QByteArray, QByteArray>; // lower-case name -> value

inline constexpr char v3Algorithm[] = "ACS3-HMAC-SHA256";

QByteArray hexSha256(const QByteArray &data);
// The headers to sign from a full header map: host, content-type and every x-acs-*.
QList<QByteArray> v3HeadersToSign(const HeaderMap &headers);
QByteArray v3CanonicalRequest(const QByteArray &method, const QByteArray &path,
                              const QueryItems &items, const HeaderMap &headers,
                              const QList<QByteArray> &signedHeaders,
                              const QByteArray &hashedPayload);
QByteArray v3StringToSign(const QByteArray &canonicalRequest);
QByteArray v3Signature(const QByteArray &secret, const QByteArray &stringToSign); // lower hex

struct V3Authorization
{
    QByteArray accessKeyId;
    QList<QByteArray> signedHeaders;
    QByteArray signature;
    bool valid = false;
};
QByteArray v3AuthorizationHeader(const QByteArray &accessKeyId,
                                 const QList<QByteArray> &signedHeaders,
                                 const QByteArray &signature);
V3Authorization parseV3Authorization(const QByteArray &header);

} // namespace dbs::signing
