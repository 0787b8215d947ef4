// Tests for app/sim/requestverifier.h: requests signed here with app/api/signing.h (whose output
// tst_signing checks against the official vectors), put through the wire format and judged by
// verifyRequest(); plus parseQueryString(), NonceCache, KeyStore, the STS parameter checks and
// answers, and the instance metadata tokens.
#include <api/signing.h>
#include <sim/metadata.h>
#include <sim/requestverifier.h>
#include <sim/sts.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <memory>

namespace sg = dbs::signing;
using dbs::AccessKey;
using dbs::IncomingRequest;
using dbs::Verdict;

Q_DECLARE_METATYPE(sg::QueryItems)
Q_DECLARE_METATYPE(sg::HeaderMap)

namespace {
constexpr qint64 nowMs = 1700000000000; // 2023-11-14T22:13:20Z, the server's clock
constexpr qint64 minuteMs = 60 * 1000;

const QByteArray plainId = "LTAI5tPlainKey0001";
const QByteArray plainSecret = "plain-secret-0001";
const QByteArray otherId = "LTAI5tPlainKey0002";
const QByteArray otherSecret = "other-secret-0003";
const QByteArray stsId = "STS.NUgYrLnoC37mZZCNnAbez2cX";
const QByteArray stsSecret = "sts-secret-0002";
const QByteArray stsToken = "CAIS8gF1q6Ft5B2yfSjIr5bSEsn+token/with+base64==";

QList<AccessKey> keys()
{
    return {
        AccessKey{plainId, plainSecret, {}},
        AccessKey{otherId, otherSecret, {}},
        AccessKey{stsId, stsSecret, stsToken},
    };
}

const QString mismatchCode = QStringLiteral("InvalidSecurityToken.MismatchWithAccessKey");

const sg::QueryItems defaultParams = {
    {"Region", "cn-hangzhou"}, {"PageSize", "30"}, {"PageNum", "1"}};

sg::QueryItems sorted(sg::QueryItems items)
{
    std::sort(items.begin(), items.end());
    return items;
}

// ---- V1 ----
struct V1
{
    QByteArray method = "POST";
    QByteArray action = "DescribeBackupGatewayList";
    QByteArray keyId = plainId;
    QByteArray secret = plainSecret;
    QByteArray token; // SecurityToken parameter when set
    qint64 timeMs = nowMs;
    QByteArray nonce = sg::newNonce();
    QByteArray version = dbs::expectedVersion;
    sg::QueryItems params = defaultParams;
    bool paramsInForm = false; // the action's parameters in a form body instead of the query
    QList<QByteArray> omit;    // common parameters left out (Signature included)
};

struct Signed
{
    IncomingRequest request;
    QByteArray stringToSign;
};

Signed signV1(const V1 &o)
{
    sg::QueryItems common = {
        {"Action", o.action},
        {"Version", o.version},
        {"Format", "JSON"},
        {"AccessKeyId", o.keyId},
        {"SignatureMethod", "HMAC-SHA1"},
        {"SignatureVersion", "1.0"},
        {"SignatureNonce", o.nonce},
        {"Timestamp", sg::timestamp(o.timeMs).toLatin1()},
    };
    if (!o.token.isEmpty())
        common.append({"SecurityToken", o.token});
    common.removeIf([&](const sg::QueryItem &item) { return o.omit.contains(item.first); });

    Signed s;
    s.stringToSign = sg::v1StringToSign(o.method, common + o.params);
    const QByteArray signature = sg::v1Signature(o.secret, s.stringToSign);

    sg::QueryItems query = o.paramsInForm ? common : common + o.params;
    if (!o.omit.contains("Signature"))
        query.append({"Signature", signature});
    // Through the wire format: encoded by the client's function, decoded by the server's.
    s.request.method = o.method;
    s.request.path = "/";
    s.request.query = dbs::parseQueryString(sg::canonicalQuery(query));
    s.request.headers.insert("host", "127.0.0.1:8080");
    if (o.paramsInForm) {
        s.request.body = sg::canonicalQuery(o.params);
        s.request.form = dbs::parseQueryString(s.request.body);
        s.request.headers.insert("content-type", "application/x-www-form-urlencoded");
    }
    return s;
}

// ---- V3 ----
struct V3
{
    QByteArray method = "POST";
    QByteArray action = "DescribeBackupGatewayList";
    QByteArray keyId = plainId;
    QByteArray secret = plainSecret;
    QByteArray token; // x-acs-security-token when set
    qint64 timeMs = nowMs;
    QByteArray nonce = sg::newNonce();
    QByteArray version = dbs::expectedVersion;
    sg::QueryItems query = defaultParams;
    QByteArray body;
    sg::HeaderMap extraSigned;       // added before signing (and so signed)
    sg::HeaderMap extraUnsigned;     // added after signing
    QList<QByteArray> signedHeaders; // when set, sign exactly these instead of v3HeadersToSign
    QList<QByteArray> omitHeaders;   // left out of the request entirely
};

Signed signV3(const V3 &o)
{
    sg::HeaderMap headers = {
        {"host", "127.0.0.1:8080"},         {"x-acs-action", o.action},
        {"x-acs-version", o.version},       {"x-acs-date", sg::timestamp(o.timeMs).toLatin1()},
        {"x-acs-signature-nonce", o.nonce}, {"x-acs-content-sha256", sg::hexSha256(o.body)},
    };
    if (!o.token.isEmpty())
        headers.insert("x-acs-security-token", o.token);
    headers.insert(o.extraSigned);
    for (const QByteArray &name : o.omitHeaders)
        headers.remove(name);

    const QList<QByteArray> signedHeaders =
        o.signedHeaders.isEmpty() ? sg::v3HeadersToSign(headers) : o.signedHeaders;
    const QByteArray canonical = sg::v3CanonicalRequest(o.method, "/", o.query, headers,
                                                        signedHeaders, sg::hexSha256(o.body));
    Signed s;
    s.stringToSign = sg::v3StringToSign(canonical);
    headers.insert(o.extraUnsigned);
    headers.insert("authorization",
                   sg::v3AuthorizationHeader(o.keyId, signedHeaders,
                                             sg::v3Signature(o.secret, s.stringToSign)));
    s.request.method = o.method;
    s.request.path = "/";
    s.request.query = dbs::parseQueryString(sg::canonicalQuery(o.query));
    s.request.headers = headers;
    s.request.body = o.body;
    return s;
}

void setParam(sg::QueryItems &items, const QByteArray &name, const QByteArray &value)
{
    for (auto &item : items) {
        if (item.first == name) {
            item.second = value;
            return;
        }
    }
    items.append({name, value});
}

QByteArray describe(const Verdict &v)
{
    return QString(QString::number(v.httpStatus) + u' ' + v.code + u' ' + v.message).toUtf8();
}
} // namespace

class TestRequestVerifier : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void v1Accepted_data();
    void v1Accepted();
    void v3Accepted_data();
    void v3Accepted();

    void wrongSecret_data();
    void wrongSecret();
    void unknownKey_data();
    void unknownKey();
    void clockSkew_data();
    void clockSkew();
    void badTimestampFormat();
    void replayedNonce_data();
    void replayedNonce();
    void securityToken_data();
    void securityToken();
    void v1MissingParameters_data();
    void v1MissingParameters();
    void v3MissingHeaders_data();
    void v3MissingHeaders();
    void wrongVersion_data();
    void wrongVersion();
    void v1UnsupportedSignatureMethod();
    void v3MalformedAuthorization_data();
    void v3MalformedAuthorization();
    void v1Tampered_data();
    void v1Tampered();
    void v3Tampered_data();
    void v3Tampered();
    void v3UnsignedHeaders_data();
    void v3UnsignedHeaders();
    void v3ReplayWithFreshUnsignedNonce();

    void nonceCache();
    void nonceCacheIsBoundedByTheWindow();

    void expiredKey_data();
    void expiredKey();
    void keyStoreForgetsLongExpiredKeys();
    void keyStoreIsBounded();
    void stsVersion_data();
    void stsVersion();
    void assumeRoleParametersFromTheForm();
    void anonymousOidc_data();
    void anonymousOidc();
    void roleRequest_data();
    void roleRequest();
    void temporaryKey();
    void stsAnswers();
    void metadataTokenTtl_data();
    void metadataTokenTtl();
    void metadataTokens();
    void metadataTokensAreBounded();

    void parseQueryString_data();
    void parseQueryString();
    void parseQueryStringSurvivesBadEncoding_data();
    void parseQueryStringSurvivesBadEncoding();
    void parseQueryStringRoundTrip();

private:
    Verdict verify(const IncomingRequest &request)
    {
        return dbs::verifyRequest(request, *m_keys, nowMs, m_nonces.get());
    }

    std::unique_ptr<dbs::KeyStore> m_keys;
    std::unique_ptr<dbs::NonceCache> m_nonces;
};

void TestRequestVerifier::init()
{
    m_keys = std::make_unique<dbs::KeyStore>(keys());
    m_nonces = std::make_unique<dbs::NonceCache>();
}

// ---------------------------------------------------------------------------------------------

void TestRequestVerifier::v1Accepted_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("inForm");
    QTest::addColumn<sg::QueryItems>("params");

    QTest::newRow("GET") << QByteArray("GET") << false << defaultParams;
    QTest::newRow("POST, parameters in the query") << QByteArray("POST") << false << defaultParams;
    QTest::newRow("POST, parameters in a form body") << QByteArray("POST") << true << defaultParams;
    const sg::QueryItems tricky = {
        {"Region", "cn-hangzhou"},
        {"Identifier", "7213527653217,2321313123"},
        {"ClientToken", QString::fromUtf8("a b+c/d=e&f*g~h'(x)!中文").toUtf8()},
        {"OwnerId", ""},
    };
    QTest::newRow("GET, reserved and non-ASCII values") << QByteArray("GET") << false << tricky;
    QTest::newRow("POST form, reserved and non-ASCII values")
        << QByteArray("POST") << true << tricky;
    QTest::newRow("no action parameters") << QByteArray("POST") << false << sg::QueryItems{};
}

void TestRequestVerifier::v1Accepted()
{
    QFETCH(QByteArray, method);
    QFETCH(bool, inForm);
    QFETCH(sg::QueryItems, params);
    V1 o;
    o.method = method;
    o.paramsInForm = inForm;
    o.params = params;
    const Signed s = signV1(o);
    const Verdict v = verify(s.request);
    QVERIFY2(v.accepted(), describe(v).constData());
    QCOMPARE(v.httpStatus, 200);
    QCOMPARE(v.action, QByteArray("DescribeBackupGatewayList"));
    QCOMPARE(v.accessKeyId, plainId);
    // The action's own parameters, none of the common ones (OwnerId is a common one).
    sg::QueryItems expected = params;
    expected.removeIf([](const sg::QueryItem &item) { return item.first == "OwnerId"; });
    QCOMPARE(sorted(v.parameters), sorted(expected));
}

void TestRequestVerifier::v3Accepted_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<sg::QueryItems>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<sg::HeaderMap>("extraSigned");
    QTest::addColumn<sg::HeaderMap>("extraUnsigned");
    QTest::addColumn<QList<QByteArray>>("signedHeaders");

    const QList<QByteArray> all;
    QTest::newRow("POST, exactly the usual signed headers")
        << QByteArray("POST") << defaultParams << QByteArray() << sg::HeaderMap{} << sg::HeaderMap{}
        << all;
    QTest::newRow("GET") << QByteArray("GET") << defaultParams << QByteArray() << sg::HeaderMap{}
                         << sg::HeaderMap{} << all;
    QTest::newRow("no query") << QByteArray("POST") << sg::QueryItems{} << QByteArray()
                              << sg::HeaderMap{} << sg::HeaderMap{} << all;
    QTest::newRow("reserved and non-ASCII query values")
        << QByteArray("POST")
        << sg::QueryItems{{"Region", "cn-hangzhou"},
                          {"Identifier", "1,2"},
                          {"ClientToken", QString::fromUtf8("a b+c/d=e&中").toUtf8()},
                          {"Empty", ""}}
        << QByteArray() << sg::HeaderMap{} << sg::HeaderMap{} << all;
    QTest::newRow("signed content-type and a body")
        << QByteArray("POST") << sg::QueryItems{} << QByteArray("Region=cn-hangzhou&PageSize=50")
        << sg::HeaderMap{{"content-type", "application/x-www-form-urlencoded"}} << sg::HeaderMap{}
        << all;
    QTest::newRow("extra unsigned headers")
        << QByteArray("POST") << defaultParams << QByteArray() << sg::HeaderMap{}
        << sg::HeaderMap{{"user-agent", "AlibabaCloud (linux; x64) Node.js/v18"},
                         {"accept", "application/json"},
                         {"content-length", "0"}}
        << all;
    QTest::newRow("extra signed x-acs-credentials-provider")
        << QByteArray("POST") << defaultParams << QByteArray()
        << sg::HeaderMap{{"x-acs-credentials-provider", "static_ak"}} << sg::HeaderMap{} << all;
    QTest::newRow("signed header with blanks around the value")
        << QByteArray("POST") << defaultParams << QByteArray()
        << sg::HeaderMap{{"x-acs-credentials-provider", "  static_ak \t"}} << sg::HeaderMap{}
        << all;
    // The server must recompute over exactly what SignedHeaders names, even when the request
    // carries more headers than that (host and every x-acs-* must be among them, though).
    QTest::newRow("fewer headers signed than sent (content-type unsigned)")
        << QByteArray("POST") << defaultParams << QByteArray()
        << sg::HeaderMap{{"content-type", "application/x-www-form-urlencoded"}} << sg::HeaderMap{}
        << QList<QByteArray>{"host",       "x-acs-action",          "x-acs-content-sha256",
                             "x-acs-date", "x-acs-signature-nonce", "x-acs-version"};
    // What the official SDK (@alicloud/openapi-client) signs, STS included.
    QTest::newRow("the official SDK's header set")
        << QByteArray("POST") << defaultParams << QByteArray()
        << sg::HeaderMap{{"x-acs-credentials-provider", "static_ak"},
                         {"x-acs-accesskey-id", plainId}}
        << sg::HeaderMap{{"user-agent", "AlibabaCloud (linux; x64) Node.js/v18"},
                         {"content-type", "application/x-www-form-urlencoded"}}
        << all;
}

void TestRequestVerifier::v3Accepted()
{
    QFETCH(QByteArray, method);
    QFETCH(sg::QueryItems, query);
    QFETCH(QByteArray, body);
    QFETCH(sg::HeaderMap, extraSigned);
    QFETCH(sg::HeaderMap, extraUnsigned);
    QFETCH(QList<QByteArray>, signedHeaders);
    V3 o;
    o.method = method;
    o.query = query;
    o.body = body;
    o.extraSigned = extraSigned;
    o.extraUnsigned = extraUnsigned;
    o.signedHeaders = signedHeaders;
    const Signed s = signV3(o);
    // The Authorization header names what was signed, nothing else.
    const sg::V3Authorization auth =
        sg::parseV3Authorization(s.request.headers.value("authorization"));
    QVERIFY(auth.valid);
    for (auto it = extraUnsigned.cbegin(); it != extraUnsigned.cend(); ++it)
        QVERIFY(!auth.signedHeaders.contains(it.key()));
    for (auto it = extraSigned.cbegin(); it != extraSigned.cend(); ++it)
        QCOMPARE(auth.signedHeaders.contains(it.key()), signedHeaders.isEmpty());

    const Verdict v = verify(s.request);
    QVERIFY2(v.accepted(), describe(v).constData());
    QCOMPARE(v.httpStatus, 200);
    QCOMPARE(v.action, QByteArray("DescribeBackupGatewayList"));
    QCOMPARE(v.accessKeyId, plainId);
    QCOMPARE(sorted(v.parameters), sorted(query));
}

void TestRequestVerifier::wrongSecret_data()
{
    QTest::addColumn<bool>("v3");
    QTest::newRow("V1") << false;
    QTest::newRow("V3") << true;
}

void TestRequestVerifier::wrongSecret()
{
    QFETCH(bool, v3);
    Signed s;
    if (v3) {
        V3 o;
        o.secret = "not-the-secret";
        s = signV3(o);
    } else {
        V1 o;
        o.secret = "not-the-secret";
        s = signV1(o);
    }
    const Verdict v = verify(s.request);
    QVERIFY(!v.accepted());
    QCOMPARE(v.code, QStringLiteral("SignatureDoesNotMatch"));
    QCOMPARE(v.httpStatus, 400);
    // The message ends with the server's string to sign, which here is the client's.
    QVERIFY2(v.message.endsWith(QString::fromUtf8(s.stringToSign)), describe(v).constData());
    QVERIFY(!v.message.contains(QLatin1String(plainSecret)));
    QVERIFY(!v.message.contains(QLatin1String("not-the-secret")));
}

void TestRequestVerifier::unknownKey_data()
{
    QTest::addColumn<bool>("v3");
    QTest::newRow("V1") << false;
    QTest::newRow("V3") << true;
}

void TestRequestVerifier::unknownKey()
{
    QFETCH(bool, v3);
    Signed s;
    if (v3) {
        V3 o;
        o.keyId = "LTAI5tNobodyHasThis";
        s = signV3(o);
    } else {
        V1 o;
        o.keyId = "LTAI5tNobodyHasThis";
        s = signV1(o);
    }
    const Verdict v = verify(s.request);
    QCOMPARE(v.code, QStringLiteral("InvalidAccessKeyId.NotFound"));
    QCOMPARE(v.httpStatus, 404);
}

void TestRequestVerifier::clockSkew_data()
{
    QTest::addColumn<bool>("v3");
    QTest::addColumn<qint64>("offsetMs");
    QTest::addColumn<bool>("accepted");
    for (bool v3 : {false, true}) {
        const char *sig = v3 ? "V3" : "V1";
        QTest::addRow("%s 16 min behind", sig) << v3 << -16 * minuteMs << false;
        QTest::addRow("%s 16 min ahead", sig) << v3 << 16 * minuteMs << false;
        QTest::addRow("%s 1 day behind", sig) << v3 << -24 * 60 * minuteMs << false;
        QTest::addRow("%s 14 min behind", sig) << v3 << -14 * minuteMs << true;
        QTest::addRow("%s 14 min ahead", sig) << v3 << 14 * minuteMs << true;
        QTest::addRow("%s exactly 15 min behind", sig) << v3 << -15 * minuteMs << true;
        QTest::addRow("%s 15 min 1 s ahead", sig) << v3 << 15 * minuteMs + 1000 << false;
        QTest::addRow("%s on time", sig) << v3 << qint64(0) << true;
    }
}

void TestRequestVerifier::clockSkew()
{
    QFETCH(bool, v3);
    QFETCH(qint64, offsetMs);
    QFETCH(bool, accepted);
    Signed s;
    if (v3) {
        V3 o;
        o.timeMs = nowMs + offsetMs;
        s = signV3(o);
    } else {
        V1 o;
        o.timeMs = nowMs + offsetMs;
        s = signV1(o);
    }
    const Verdict v = verify(s.request);
    if (accepted) {
        QVERIFY2(v.accepted(), describe(v).constData());
    } else {
        QCOMPARE(v.code, QStringLiteral("InvalidTimeStamp.Expired"));
        QCOMPARE(v.httpStatus, 400);
    }
}

void TestRequestVerifier::badTimestampFormat()
{
    // Timestamp not in the documented form: refused, whatever the signature says.
    for (const QByteArray &text : {QByteArray("2023-11-14 22:13:20"), QByteArray("yesterday"),
                                   QByteArray("2023-11-14T22:13:20"), QByteArray("1700000000")}) {
        V1 o;
        Signed s = signV1(o);
        setParam(s.request.query, "Timestamp", text);
        const Verdict v = verify(s.request);
        QVERIFY2(!v.accepted(), text.constData());
        QCOMPARE(v.httpStatus, 400);
        QVERIFY2(v.code.startsWith(QLatin1String("InvalidTimeStamp")), describe(v).constData());
    }
}

void TestRequestVerifier::replayedNonce_data()
{
    QTest::addColumn<bool>("v3");
    QTest::newRow("V1") << false;
    QTest::newRow("V3") << true;
}

void TestRequestVerifier::replayedNonce()
{
    QFETCH(bool, v3);
    const QByteArray nonce = sg::newNonce();
    auto make = [&](qint64 timeMs) {
        if (v3) {
            V3 o;
            o.nonce = nonce;
            o.timeMs = timeMs;
            return signV3(o);
        }
        V1 o;
        o.nonce = nonce;
        o.timeMs = timeMs;
        return signV1(o);
    };
    const Signed first = make(nowMs);
    QVERIFY2(verify(first.request).accepted(), describe(verify(first.request)).constData());

    // The same request again.
    Verdict v = verify(first.request);
    QCOMPARE(v.code, QStringLiteral("SignatureNonceUsed"));
    QCOMPARE(v.httpStatus, 400);
    // A correctly re-signed request (new timestamp) reusing the nonce.
    v = verify(make(nowMs - 1000).request);
    QCOMPARE(v.code, QStringLiteral("SignatureNonceUsed"));
    // A fresh nonce is fine.
    Signed fresh;
    if (v3) {
        fresh = signV3(V3{});
    } else {
        fresh = signV1(V1{});
    }
    QVERIFY2(verify(fresh.request).accepted(), describe(verify(fresh.request)).constData());
}

void TestRequestVerifier::securityToken_data()
{
    QTest::addColumn<bool>("v3");
    QTest::addColumn<QByteArray>("keyId");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("code"); // empty: accepted; every refusal here is HTTP 400
    // The gateway's own codes (doc/sign-in-research.md, section 8).
    const QString mismatch = mismatchCode;
    for (bool v3 : {false, true}) {
        const char *sig = v3 ? "V3" : "V1";
        QTest::addRow("%s STS key without token", sig)
            << v3 << stsId << stsSecret << QByteArray() << QStringLiteral("MissingSecurityToken");
        QTest::addRow("%s STS key with wrong token", sig)
            << v3 << stsId << stsSecret << QByteArray("CAIS-some-other-token") << mismatch;
        QTest::addRow("%s STS key with a prefix of the token", sig)
            << v3 << stsId << stsSecret << stsToken.left(stsToken.size() - 1) << mismatch;
        QTest::addRow("%s STS key with right token", sig)
            << v3 << stsId << stsSecret << stsToken << QString();
        QTest::addRow("%s STS token with the wrong secret", sig)
            << v3 << stsId << plainSecret << stsToken << QStringLiteral("SignatureDoesNotMatch");
        QTest::addRow("%s plain key without token", sig)
            << v3 << plainId << plainSecret << QByteArray() << QString();
        QTest::addRow("%s plain key with a token", sig)
            << v3 << plainId << plainSecret << stsToken << mismatch;
    }
}

void TestRequestVerifier::securityToken()
{
    QFETCH(bool, v3);
    QFETCH(QByteArray, keyId);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, token);
    QFETCH(QString, code);
    Signed s;
    if (v3) {
        V3 o;
        o.keyId = keyId;
        o.secret = secret;
        o.token = token;
        s = signV3(o);
        QCOMPARE(s.request.headers.contains("x-acs-security-token"), !token.isEmpty());
    } else {
        V1 o;
        o.keyId = keyId;
        o.secret = secret;
        o.token = token;
        s = signV1(o);
    }
    const Verdict v = verify(s.request);
    QCOMPARE(v.code, code);
    if (code.isEmpty()) {
        QCOMPARE(v.accessKeyId, keyId);
    } else {
        QCOMPARE(v.httpStatus, 400);
        QVERIFY(!v.message.contains(QLatin1String(stsToken)));
        if (code == u"MissingSecurityToken")
            QCOMPARE(v.message, QStringLiteral("SecurityToken is mandatory for this action."));
        else if (code == mismatchCode)
            QCOMPARE(v.message,
                     QStringLiteral("Specified SecurityToken mismatch with the AccessKey."));
    }
}

void TestRequestVerifier::v1MissingParameters_data()
{
    QTest::addColumn<QByteArray>("omitted");
    for (const char *name :
         {"Action", "Version", "AccessKeyId", "Signature", "Timestamp", "SignatureNonce"})
        QTest::newRow(name) << QByteArray(name);
}

void TestRequestVerifier::v1MissingParameters()
{
    QFETCH(QByteArray, omitted);
    V1 o;
    o.omit = {omitted};
    const Verdict v = verify(signV1(o).request);
    QCOMPARE(v.code, QStringLiteral("Missing") + QString::fromLatin1(omitted));
    QCOMPARE(v.httpStatus, 400);
    QVERIFY(v.message.contains(QString::fromLatin1(omitted)));
}

void TestRequestVerifier::v3MissingHeaders_data()
{
    QTest::addColumn<QByteArray>("omitted");
    for (const char *name :
         {"x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce"})
        QTest::newRow(name) << QByteArray(name);
}

void TestRequestVerifier::v3MissingHeaders()
{
    QFETCH(QByteArray, omitted);
    V3 o;
    o.omitHeaders = {omitted};
    const Verdict v = verify(signV3(o).request);
    QVERIFY(!v.accepted());
    QCOMPARE(v.httpStatus, 400);
    QVERIFY2(v.code.startsWith(QLatin1String("Missing")), describe(v).constData());
    QVERIFY2(v.code.contains(QString::fromLatin1(omitted), Qt::CaseInsensitive) ||
                 v.message.contains(QString::fromLatin1(omitted), Qt::CaseInsensitive),
             describe(v).constData());
}

void TestRequestVerifier::wrongVersion_data()
{
    QTest::addColumn<bool>("v3");
    QTest::addColumn<QByteArray>("version");
    for (bool v3 : {false, true}) {
        const char *sig = v3 ? "V3" : "V1";
        QTest::addRow("%s ECS version", sig) << v3 << QByteArray("2014-05-26");
        QTest::addRow("%s a day off", sig) << v3 << QByteArray("2019-03-07");
    }
    QTest::newRow("V1 trailing space") << false << QByteArray("2019-03-06 ");
    QTest::newRow("V1 empty") << false << QByteArray();
}

void TestRequestVerifier::wrongVersion()
{
    QFETCH(bool, v3);
    QFETCH(QByteArray, version);
    Signed s;
    if (v3) {
        V3 o;
        o.version = version;
        s = signV3(o);
    } else {
        V1 o;
        o.version = version;
        s = signV1(o);
    }
    const Verdict v = verify(s.request);
    QVERIFY2(!v.accepted(), describe(v).constData());
    QCOMPARE(v.httpStatus, 400);
    QCOMPARE(v.code, QStringLiteral("InvalidVersion"));
}

void TestRequestVerifier::v1UnsupportedSignatureMethod()
{
    V1 o;
    Signed s = signV1(o);
    setParam(s.request.query, "SignatureMethod", "HMAC-SHA256");
    Verdict v = verify(s.request);
    QVERIFY(!v.accepted());
    QCOMPARE(v.httpStatus, 400);

    s = signV1(V1{});
    setParam(s.request.query, "SignatureVersion", "2.0");
    v = verify(s.request);
    QVERIFY(!v.accepted());
    QCOMPARE(v.httpStatus, 400);
}

void TestRequestVerifier::v3MalformedAuthorization_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("Bearer abc");
    QTest::newRow("no signature") << QByteArray("ACS3-HMAC-SHA256 Credential=" + plainId +
                                                ",SignedHeaders=host");
    QTest::newRow("other algorithm")
        << QByteArray("ACS3-HMAC-SM3 Credential=" + plainId + ",SignedHeaders=host,Signature=00");
}

void TestRequestVerifier::v3MalformedAuthorization()
{
    QFETCH(QByteArray, authorization);
    Signed s = signV3(V3{});
    s.request.headers["authorization"] = authorization;
    const Verdict v = verify(s.request);
    QVERIFY(!v.accepted());
    QCOMPARE(v.httpStatus, 400);
}

void TestRequestVerifier::v1Tampered_data()
{
    QTest::addColumn<bool>("inForm");
    QTest::addColumn<int>("change");
    enum { RegionValue, PageSizeValue, AddParam, DropParam, Method, KeyOfAnother, ActionCase };
    for (bool inForm : {false, true}) {
        const char *where = inForm ? "form" : "query";
        QTest::addRow("%s: Region changed", where) << inForm << int(RegionValue);
        QTest::addRow("%s: PageSize changed", where) << inForm << int(PageSizeValue);
        QTest::addRow("%s: parameter added", where) << inForm << int(AddParam);
        QTest::addRow("%s: parameter dropped", where) << inForm << int(DropParam);
        QTest::addRow("%s: method changed", where) << inForm << int(Method);
    }
    QTest::newRow("AccessKeyId swapped for another known key") << false << int(KeyOfAnother);
    QTest::newRow("Action value changed") << false << int(ActionCase);
}

void TestRequestVerifier::v1Tampered()
{
    QFETCH(bool, inForm);
    QFETCH(int, change);
    V1 o;
    o.paramsInForm = inForm;
    Signed s = signV1(o);
    sg::QueryItems &params = inForm ? s.request.form : s.request.query;
    switch (change) {
    case 0:
        setParam(params, "Region", "cn-shanghai");
        break;
    case 1:
        setParam(params, "PageSize", "100");
        break;
    case 2:
        params.append(sg::QueryItem{"Identifier", "42"});
        break;
    case 3:
        params.removeIf([](const sg::QueryItem &item) { return item.first == "PageNum"; });
        break;
    case 4:
        s.request.method = "GET";
        break;
    case 5:
        setParam(s.request.query, "AccessKeyId", otherId);
        break;
    case 6:
        setParam(s.request.query, "Action", "DescribeBackupGatewaylist");
        break;
    }
    const Verdict v = verify(s.request);
    QVERIFY2(!v.accepted(), describe(v).constData());
    QCOMPARE(v.code, QStringLiteral("SignatureDoesNotMatch"));
    QCOMPARE(v.httpStatus, 400);
    QVERIFY(!v.message.endsWith(QString::fromUtf8(s.stringToSign))); // the server saw another
}

void TestRequestVerifier::v3Tampered_data()
{
    QTest::addColumn<int>("change");
    QTest::newRow("query value changed") << 0;
    QTest::newRow("query parameter added") << 1;
    QTest::newRow("body changed") << 2;
    QTest::newRow("signed header changed (x-acs-action)") << 3;
    QTest::newRow("signed header changed (host)") << 4;
    QTest::newRow("signed header changed (x-acs-date, still in the window)") << 5;
    QTest::newRow("signed x-acs-credentials-provider changed") << 6;
    QTest::newRow("method changed") << 7;
    QTest::newRow("signed content-type dropped from SignedHeaders") << 8;
    QTest::newRow("signature flipped") << 9;
}

void TestRequestVerifier::v3Tampered()
{
    QFETCH(int, change);
    V3 o;
    o.body = "Region=cn-hangzhou";
    o.extraSigned = {{"x-acs-credentials-provider", "static_ak"},
                     {"content-type", "application/x-www-form-urlencoded"}};
    Signed s = signV3(o);
    IncomingRequest &r = s.request;
    switch (change) {
    case 0:
        setParam(r.query, "Region", "cn-beijing");
        break;
    case 1:
        r.query.append(sg::QueryItem{"Identifier", "42"});
        break;
    case 2:
        r.body = "Region=cn-beijing";
        break;
    case 3:
        r.headers["x-acs-action"] = "DescribeRegions";
        break;
    case 4:
        r.headers["host"] = "127.0.0.1:9999";
        break;
    case 5:
        r.headers["x-acs-date"] = sg::timestamp(nowMs - 1000).toLatin1();
        break;
    case 6:
        r.headers["x-acs-credentials-provider"] = "sts";
        break;
    case 7:
        r.method = "GET";
        break;
    case 8: {
        const sg::V3Authorization auth = sg::parseV3Authorization(r.headers.value("authorization"));
        QList<QByteArray> names = auth.signedHeaders;
        QVERIFY(names.removeAll("content-type") == 1);
        r.headers["authorization"] =
            sg::v3AuthorizationHeader(auth.accessKeyId, names, auth.signature);
        break;
    }
    case 9: {
        const sg::V3Authorization auth = sg::parseV3Authorization(r.headers.value("authorization"));
        QByteArray signature = auth.signature;
        signature[0] = signature[0] == '0' ? '1' : '0';
        r.headers["authorization"] =
            sg::v3AuthorizationHeader(auth.accessKeyId, auth.signedHeaders, signature);
        break;
    }
    }
    const Verdict v = verify(r);
    QVERIFY2(!v.accepted(), describe(v).constData());
    QCOMPARE(v.code, QStringLiteral("SignatureDoesNotMatch"));
    QCOMPARE(v.httpStatus, 400);
    QVERIFY(v.message.contains(QLatin1String("ACS3-HMAC-SHA256\n")));
}

void TestRequestVerifier::nonceCache()
{
    dbs::NonceCache cache(10 * minuteMs);
    QVERIFY(cache.remember("a", nowMs));
    QVERIFY(!cache.remember("a", nowMs));
    QVERIFY(!cache.remember("a", nowMs + 10 * minuteMs)); // still inside the window
    QVERIFY(cache.remember("b", nowMs + 1));
    QVERIFY(cache.remember("A", nowMs));                     // case matters
    QVERIFY(cache.remember("a", nowMs + 10 * minuteMs + 1)); // forgotten after the window
    QVERIFY(!cache.remember("a", nowMs + 10 * minuteMs + 2));
    // Purging old entries never forgets recent ones.
    for (int i = 0; i < 100; ++i)
        QVERIFY(cache.remember(QByteArray::number(i), nowMs + 20 * minuteMs + i * minuteMs));
    QVERIFY(!cache.remember("99", nowMs + 20 * minuteMs + 100 * minuteMs));
}

void TestRequestVerifier::v3UnsignedHeaders_data()
{
    // A header sent but left out of SignedHeaders: anyone on the way could change it.
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("sts");
    for (const char *name :
         {"host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce",
          "x-acs-content-sha256", "x-acs-credentials-provider"})
        QTest::newRow(name) << QByteArray(name) << false;
    QTest::newRow("x-acs-security-token (STS)") << QByteArray("x-acs-security-token") << true;
    QTest::newRow("x-acs-accesskey-id (STS)") << QByteArray("x-acs-accesskey-id") << true;
}

void TestRequestVerifier::v3UnsignedHeaders()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, sts);
    V3 o;
    if (sts) {
        o.keyId = stsId;
        o.secret = stsSecret;
        o.token = stsToken;
    }
    o.extraSigned = {{"x-acs-credentials-provider", "static_ak"}};
    if (sts)
        o.extraSigned.insert("x-acs-accesskey-id", stsId);
    // Sign everything the usual way, then without the header.
    sg::HeaderMap all = {
        {"host", ""},       {"x-acs-action", ""},          {"x-acs-version", ""},
        {"x-acs-date", ""}, {"x-acs-signature-nonce", ""}, {"x-acs-content-sha256", ""}};
    all.insert(o.extraSigned);
    if (sts)
        all.insert("x-acs-security-token", "");
    QVERIFY(all.contains(header));
    o.signedHeaders = sg::v3HeadersToSign(all);
    QVERIFY(o.signedHeaders.removeAll(header) == 1);
    const Signed s = signV3(o);
    QVERIFY(s.request.headers.contains(header));
    const Verdict v = verify(s.request);
    QVERIFY2(!v.accepted(), describe(v).constData());
    QCOMPARE(v.httpStatus, 400);
    QCOMPARE(v.code, QStringLiteral("IncompleteSignature"));
    QVERIFY2(v.message.contains(QString::fromLatin1(header)), describe(v).constData());
}

void TestRequestVerifier::v3ReplayWithFreshUnsignedNonce()
{
    // A request whose nonce is not signed could be replayed with a fresh nonce forever.
    V3 o;
    o.signedHeaders = {"host", "x-acs-action", "x-acs-content-sha256", "x-acs-date",
                       "x-acs-version"};
    Signed s = signV3(o);
    QCOMPARE(verify(s.request).code, QStringLiteral("IncompleteSignature"));
    s.request.headers["x-acs-signature-nonce"] = sg::newNonce();
    QCOMPARE(verify(s.request).code, QStringLiteral("IncompleteSignature"));
    // The same request with every header signed: the replay is caught by the nonce.
    o.signedHeaders.clear();
    s = signV3(o);
    QVERIFY(verify(s.request).accepted());
    QCOMPARE(verify(s.request).code, QStringLiteral("SignatureNonceUsed"));
}

void TestRequestVerifier::nonceCacheIsBoundedByTheWindow()
{
    // 200 nonces a minute for six hours of simulated time: only about one window's worth stays.
    const qint64 window = 15 * minuteMs;
    dbs::NonceCache cache(window);
    const int perMinute = 200;
    qsizetype largest = 0;
    for (int minute = 0; minute < 6 * 60; ++minute) {
        for (int i = 0; i < perMinute; ++i) {
            const qint64 t = nowMs + minute * minuteMs + i * (minuteMs / perMinute);
            QVERIFY(cache.remember(QByteArray::number(minute) + '-' + QByteArray::number(i), t));
        }
        largest = std::max(largest, cache.size());
        QVERIFY2(cache.bucketCount() <= 17, qPrintable(QString::number(cache.bucketCount())));
    }
    QVERIFY2(largest <= perMinute * 17, qPrintable(QString::number(largest)));
    QVERIFY(largest >= perMinute * 15); // the window itself is kept

    // Replays are still refused for the whole window, and only for it.
    const qint64 end = nowMs + 6 * 60 * minuteMs;
    QVERIFY(!cache.remember("359-0", end));        // seen 1 minute ago
    QVERIFY(!cache.remember("346-0", end));        // seen 14 minutes ago
    QVERIFY(!cache.remember("345-0", end));        // seen exactly 15 minutes ago
    QVERIFY(cache.remember("344-0", end));         // 16 minutes ago: forgotten
    QVERIFY(cache.remember("0-0", end));           // hours ago
    QVERIFY(!cache.remember("0-0", end + window)); // but now it is fresh again
    QVERIFY(cache.remember("0-0", end + 2 * window + 1));
}

void TestRequestVerifier::parseQueryString_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<sg::QueryItems>("expected");

    QTest::newRow("empty") << QByteArray() << sg::QueryItems{};
    QTest::newRow("simple") << QByteArray("a=1&b=%20x") << sg::QueryItems{{"a", "1"}, {"b", " x"}};
    QTest::newRow("plus is a space") << QByteArray("a+b=c+d") << sg::QueryItems{{"a b", "c d"}};
    QTest::newRow("%2B is a plus") << QByteArray("a=%2B1") << sg::QueryItems{{"a", "+1"}};
    QTest::newRow("%20 and + both spaces")
        << QByteArray("x=a%20b+c") << sg::QueryItems{{"x", "a b c"}};
    QTest::newRow("empty pairs skipped")
        << QByteArray("&a=1&&b=2&") << sg::QueryItems{{"a", "1"}, {"b", "2"}};
    QTest::newRow("only separators") << QByteArray("&&&") << sg::QueryItems{};
    QTest::newRow("no =") << QByteArray("flag") << sg::QueryItems{{"flag", ""}};
    QTest::newRow("no = among others")
        << QByteArray("a=1&flag&b=2") << sg::QueryItems{{"a", "1"}, {"flag", ""}, {"b", "2"}};
    QTest::newRow("empty value") << QByteArray("flag=") << sg::QueryItems{{"flag", ""}};
    QTest::newRow("empty name") << QByteArray("=v") << sg::QueryItems{{"", "v"}};
    QTest::newRow("= in value") << QByteArray("a=b=c") << sg::QueryItems{{"a", "b=c"}};
    QTest::newRow("encoded & and =") << QByteArray("a=%26%3D") << sg::QueryItems{{"a", "&="}};
    QTest::newRow("UTF-8 upper hex")
        << QByteArray("n=%E4%B8%AD") << sg::QueryItems{{"n", QString::fromUtf8("中").toUtf8()}};
    QTest::newRow("UTF-8 lower hex")
        << QByteArray("n=%e4%b8%ad") << sg::QueryItems{{"n", QString::fromUtf8("中").toUtf8()}};
    QTest::newRow("encoded name") << QByteArray("a%20b=1") << sg::QueryItems{{"a b", "1"}};
    QTest::newRow("duplicates kept in order")
        << QByteArray("a=2&a=1") << sg::QueryItems{{"a", "2"}, {"a", "1"}};
    QTest::newRow("timestamp") << QByteArray("Timestamp=2016-02-23T12%3A46%3A24Z")
                               << sg::QueryItems{{"Timestamp", "2016-02-23T12:46:24Z"}};
    QTest::newRow("base64 signature encoded")
        << QByteArray("Signature=MxbnVAM4w6sft9xjVpe%2FGCKueuk%3D")
        << sg::QueryItems{{"Signature", "MxbnVAM4w6sft9xjVpe/GCKueuk="}};
}

void TestRequestVerifier::parseQueryString()
{
    QFETCH(QByteArray, text);
    QFETCH(sg::QueryItems, expected);
    QCOMPARE(dbs::parseQueryString(text), expected);
}

void TestRequestVerifier::parseQueryStringSurvivesBadEncoding_data()
{
    QTest::addColumn<QByteArray>("bad"); // a value with broken percent-encoding
    QTest::newRow("%zz") << QByteArray("%zz");
    QTest::newRow("lone %") << QByteArray("%");
    QTest::newRow("% at the end") << QByteArray("100%");
    QTest::newRow("one hex digit") << QByteArray("%4");
    QTest::newRow("%%") << QByteArray("%%");
    QTest::newRow("%%%41") << QByteArray("%%%41");
    QTest::newRow("%G1") << QByteArray("%G1");
    QTest::newRow("invalid UTF-8") << QByteArray("%FF%FE%C3");
    QTest::newRow("NUL") << QByteArray("a%00b");
}

void TestRequestVerifier::parseQueryStringSurvivesBadEncoding()
{
    QFETCH(QByteArray, bad);
    const sg::QueryItems items = dbs::parseQueryString("a=1&x=" + bad + "&b=2&" + bad + "=y");
    // The neighbours are intact and every pair is still there.
    QCOMPARE(items.size(), 4);
    QCOMPARE(items.at(0), sg::QueryItem("a", "1"));
    QCOMPARE(items.at(1).first, QByteArray("x"));
    QCOMPARE(items.at(2), sg::QueryItem("b", "2"));
    QCOMPARE(items.at(3).second, QByteArray("y"));

    // And a request carrying it is judged, not crashed on: the signature can't match.
    V1 o;
    Signed s = signV1(o);
    s.request.query += dbs::parseQueryString("Identifier=" + bad);
    const Verdict v = verify(s.request);
    QVERIFY(!v.accepted());
}

void TestRequestVerifier::parseQueryStringRoundTrip()
{
    // Whatever the client encodes, the server decodes to the same bytes.
    QRandomGenerator rng(4242);
    const QByteArray alphabet = QByteArray("aZ09-_.~ +%&=/?#*'()!,;:@\"\\\t\r\n\x01\x7f") +
                                QString::fromUtf8("é中😀").toUtf8() + QByteArray("\xff\x80", 2);
    for (int round = 0; round < 300; ++round) {
        sg::QueryItems items;
        const int count = 1 + int(rng.bounded(6));
        for (int i = 0; i < count; ++i) {
            QByteArray name, value;
            const int nameLength = 1 + int(rng.bounded(8));
            for (int k = 0; k < nameLength; ++k)
                name += alphabet.at(rng.bounded(int(alphabet.size())));
            const int valueLength = int(rng.bounded(12));
            for (int k = 0; k < valueLength; ++k)
                value += alphabet.at(rng.bounded(int(alphabet.size())));
            items.append({name, value});
        }
        const QByteArray wire = sg::canonicalQuery(items);
        QCOMPARE(sorted(dbs::parseQueryString(wire)), sorted(items));
    }
}

// ---- STS keys, which expire; STS itself; instance metadata tokens -------------------------

void TestRequestVerifier::expiredKey_data()
{
    QTest::addColumn<bool>("v3");
    QTest::addColumn<qint64>("clockMs"); // the server's clock, relative to the Expiration
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QByteArray token = "CAIS-expiring-token";
    for (bool v3 : {false, true}) {
        const char *sig = v3 ? "V3" : "V1";
        QTest::addRow("%s a millisecond before", sig) << v3 << qint64(-1) << token << 200 << "";
        QTest::addRow("%s at the Expiration", sig)
            << v3 << qint64(0) << token << 403 << "InvalidSecurityToken.Expired";
        QTest::addRow("%s ten minutes after", sig)
            << v3 << 10 * minuteMs << token << 403 << "InvalidSecurityToken.Expired";
        // A wrong token is told so, expired or not: it is not the key's.
        QTest::addRow("%s after, with another token", sig)
            << v3 << qint64(1000) << QByteArray("CAIS-other") << 400 << mismatchCode;
        QTest::addRow("%s after, without a token", sig)
            << v3 << qint64(1000) << QByteArray() << 400 << "MissingSecurityToken";
    }
}

void TestRequestVerifier::expiredKey()
{
    QFETCH(bool, v3);
    QFETCH(qint64, clockMs);
    QFETCH(QByteArray, token);
    QFETCH(int, status);
    QFETCH(QString, code);
    const qint64 expiresAtMs = nowMs + 60 * minuteMs;
    m_keys->add(AccessKey{"STS.Expiring", "expiring-secret", "CAIS-expiring-token", expiresAtMs},
                nowMs);
    const qint64 clock = expiresAtMs + clockMs;
    Signed s;
    if (v3) {
        V3 o;
        o.keyId = "STS.Expiring";
        o.secret = "expiring-secret";
        o.token = token;
        o.timeMs = clock;
        s = signV3(o);
    } else {
        V1 o;
        o.keyId = "STS.Expiring";
        o.secret = "expiring-secret";
        o.token = token;
        o.timeMs = clock;
        s = signV1(o);
    }
    const Verdict v = dbs::verifyRequest(s.request, *m_keys, clock, m_nonces.get());
    QCOMPARE(v.code, code);
    QCOMPARE(v.httpStatus, status);
    if (code == u"InvalidSecurityToken.Expired")
        QCOMPARE(v.message, QStringLiteral("Specified SecurityToken is expired."));
    // The configured keys never expire, whatever the clock says.
    V1 plain;
    plain.timeMs = clock;
    QVERIFY(dbs::verifyRequest(signV1(plain).request, *m_keys, clock, m_nonces.get()).accepted());
}

void TestRequestVerifier::keyStoreForgetsLongExpiredKeys()
{
    dbs::KeyStore store({AccessKey{plainId, plainSecret, {}}});
    const qint64 t0 = nowMs;
    store.add(AccessKey{"STS.Old", "s", "t", t0}, t0 - minuteMs);
    store.add(AccessKey{"STS.Young", "s", "t", t0 + 20 * minuteMs}, t0 - minuteMs);
    QCOMPARE(store.size(), 3);
    // Exactly 15 minutes after its Expiration it is still told "expired"...
    store.add(AccessKey{"STS.A", "s", "t", t0 + 60 * minuteMs}, t0 + dbs::KeyStore::keepExpiredMs);
    QVERIFY(store.find("STS.Old"));
    // ...a millisecond later it is gone; the others stay, the configured key above all.
    store.add(AccessKey{"STS.B", "s", "t", t0 + 60 * minuteMs},
              t0 + dbs::KeyStore::keepExpiredMs + 1);
    QVERIFY(!store.find("STS.Old"));
    QVERIFY(store.find("STS.Young"));
    QVERIFY(store.find(plainId));
    QCOMPARE(store.temporaryCount(), 3);
    QCOMPARE(store.size(), 4);
    // Years later, a new key sweeps out every expired one but never a configured key.
    store.add(AccessKey{"STS.C", "s", "t", t0 + 1000 * 24 * 60 * minuteMs},
              t0 + 999 * 24 * 60 * minuteMs);
    QCOMPARE(store.temporaryCount(), 1);
    QCOMPARE(store.find(plainId)->secret, plainSecret);
    QCOMPARE(store.find("STS.C")->securityToken, QByteArray("t"));
}

void TestRequestVerifier::keyStoreIsBounded()
{
    dbs::KeyStore store({AccessKey{plainId, plainSecret, {}}});
    const qsizetype extra = 10;
    for (qsizetype i = 0; i < dbs::KeyStore::maxTemporaryKeys + extra; ++i)
        store.add(AccessKey{"STS." + QByteArray::number(i), "s", "t", nowMs + minuteMs + i}, nowMs);
    QCOMPARE(store.temporaryCount(), dbs::KeyStore::maxTemporaryKeys);
    QCOMPARE(store.size(), dbs::KeyStore::maxTemporaryKeys + 1);
    // The ones expiring first made room.
    QVERIFY(!store.find("STS.0"));
    QVERIFY(!store.find("STS." + QByteArray::number(extra - 1)));
    QVERIFY(store.find("STS." + QByteArray::number(extra)));
    QVERIFY(store.find(plainId));
    // Replacing a key keeps one entry for it.
    store.add(AccessKey{"STS.20", "new", "t", nowMs + 2 * minuteMs}, nowMs);
    QCOMPARE(store.temporaryCount(), dbs::KeyStore::maxTemporaryKeys);
    QCOMPARE(store.find("STS.20")->secret, QByteArray("new"));
}

void TestRequestVerifier::stsVersion_data()
{
    QTest::addColumn<bool>("v3");
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QString>("code");
    for (bool v3 : {false, true}) {
        const char *sig = v3 ? "V3" : "V1";
        QTest::addRow("%s AssumeRole 2015-04-01", sig)
            << v3 << QByteArray("AssumeRole") << QByteArray("2015-04-01") << "";
        QTest::addRow("%s AssumeRole with DBS's version", sig)
            << v3 << QByteArray("AssumeRole") << QByteArray("2019-03-06") << "InvalidVersion";
        QTest::addRow("%s DBS with STS's version", sig)
            << v3 << QByteArray("DescribeBackupGatewayList") << QByteArray("2015-04-01")
            << "InvalidVersion";
    }
}

void TestRequestVerifier::stsVersion()
{
    QFETCH(bool, v3);
    QFETCH(QByteArray, action);
    QFETCH(QByteArray, version);
    QFETCH(QString, code);
    const sg::QueryItems params = {{"RoleArn", "acs:ram::123:role/r"}, {"RoleSessionName", "s1"}};
    Signed s;
    if (v3) {
        V3 o;
        o.action = action;
        o.version = version;
        o.query = params;
        s = signV3(o);
    } else {
        V1 o;
        o.action = action;
        o.version = version;
        o.params = params;
        s = signV1(o);
    }
    const Verdict v = verify(s.request);
    QCOMPARE(v.code, code);
    if (code.isEmpty()) {
        QCOMPARE(v.action, action);
        QCOMPARE(sorted(v.parameters), sorted(params));
    }
}

// As @alicloud/credentials sends it: the common parameters in the query, the role's in a form
// body, the signature over both.
void TestRequestVerifier::assumeRoleParametersFromTheForm()
{
    V1 o;
    o.action = "AssumeRole";
    o.version = "2015-04-01";
    o.keyId = stsId;
    o.secret = stsSecret;
    o.token = stsToken; // a role assumed with an STS key: chained
    o.params = {{"RoleArn", "acs:ram::123:role/r"},
                {"RoleSessionName", "credentials-nodejs-1700000000000"},
                {"DurationSeconds", "3600"},
                {"Policy", R"({"Version":"1","Statement":[]})"}};
    o.paramsInForm = true;
    Signed s = signV1(o);
    QVERIFY(!s.request.query.contains(sg::QueryItem{"RoleArn", "acs:ram::123:role/r"}));
    Verdict v = verify(s.request);
    QVERIFY2(v.accepted(), describe(v).constData());
    QCOMPARE(v.accessKeyId, stsId);
    QCOMPARE(sorted(v.parameters), sorted(o.params)); // no common parameter among them
    // A form field changed on the way is not what was signed.
    o.nonce = sg::newNonce();
    s = signV1(o);
    s.request.form.last().second = R"({"Version":"1","Statement":[{"Effect":"Allow"}]})";
    v = verify(s.request);
    QCOMPARE(v.code, QStringLiteral("SignatureDoesNotMatch"));
}

void TestRequestVerifier::anonymousOidc_data()
{
    QTest::addColumn<sg::QueryItems>("query");
    QTest::addColumn<sg::HeaderMap>("headers");
    QTest::addColumn<QString>("code");
    const QByteArray now = sg::timestamp(nowMs).toLatin1();
    const sg::QueryItem action{"Action", "AssumeRoleWithOIDC"};
    const sg::QueryItem version{"Version", "2015-04-01"};
    const sg::QueryItem format{"Format", "JSON"};
    QTest::newRow("as the official library sends it")
        << sg::QueryItems{action, version, format, {"Timestamp", now}} << sg::HeaderMap{} << "";
    QTest::newRow("no timestamp") << sg::QueryItems{action, version} << sg::HeaderMap{} << "";
    QTest::newRow("a stale timestamp")
        << sg::QueryItems{action,
                          version,
                          {"Timestamp", sg::timestamp(nowMs - 16 * minuteMs).toLatin1()}}
        << sg::HeaderMap{} << "InvalidTimeStamp.Expired";
    QTest::newRow("a malformed timestamp")
        << sg::QueryItems{action, version, {"Timestamp", "yesterday"}} << sg::HeaderMap{}
        << "InvalidTimeStamp.Format";
    QTest::newRow("an empty timestamp") << sg::QueryItems{action, version, {"Timestamp", ""}}
                                        << sg::HeaderMap{} << "InvalidTimeStamp.Format";
    QTest::newRow("DBS's version")
        << sg::QueryItems{action, {"Version", "2019-03-06"}} << sg::HeaderMap{} << "InvalidVersion";
    QTest::newRow("no version") << sg::QueryItems{action} << sg::HeaderMap{} << "MissingVersion";
    // Unsigned the V3 way: the action, version and date in headers.
    QTest::newRow("V3 headers") << sg::QueryItems{}
                                << sg::HeaderMap{{"x-acs-action", "AssumeRoleWithOIDC"},
                                                 {"x-acs-version", "2015-04-01"},
                                                 {"x-acs-date", now}}
                                << "";
    QTest::newRow("V3 headers, stale date")
        << sg::QueryItems{}
        << sg::HeaderMap{{"x-acs-action", "AssumeRoleWithOIDC"},
                         {"x-acs-version", "2015-04-01"},
                         {"x-acs-date", sg::timestamp(nowMs + 20 * minuteMs).toLatin1()}}
        << "InvalidTimeStamp.Expired";
}

void TestRequestVerifier::anonymousOidc()
{
    QFETCH(sg::QueryItems, query);
    QFETCH(sg::HeaderMap, headers);
    QFETCH(QString, code);
    const sg::QueryItems form = {{"OIDCProviderArn", "acs:ram::123:oidc-provider/p"},
                                 {"OIDCToken", "aGVhZA.Ym9keQ.c2ln"},
                                 {"RoleArn", "acs:ram::123:role/r"},
                                 {"RoleSessionName", "s1"}};
    IncomingRequest request;
    request.method = "POST";
    request.path = "/";
    request.query = dbs::parseQueryString(sg::canonicalQuery(query));
    request.headers = headers;
    request.headers.insert("host", "127.0.0.1:8080");
    request.headers.insert("content-type", "application/x-www-form-urlencoded");
    request.body = sg::canonicalQuery(form);
    request.form = dbs::parseQueryString(request.body);
    const Verdict v = verify(request);
    QCOMPARE(v.code, code);
    if (!code.isEmpty())
        return;
    QCOMPARE(v.action, QByteArray("AssumeRoleWithOIDC"));
    QVERIFY(v.accessKeyId.isEmpty());
    QCOMPARE(sorted(v.parameters), sorted(form));
    // No nonce is asked for, so none is remembered: the same call again is judged the same.
    QVERIFY(verify(request).accepted());
}

void TestRequestVerifier::roleRequest_data()
{
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<sg::QueryItems>("params");
    QTest::addColumn<QString>("code"); // empty: accepted; every refusal is HTTP 400
    QTest::addColumn<int>("duration");

    const QByteArray assume = "AssumeRole";
    const QByteArray oidc = "AssumeRoleWithOIDC";
    const sg::QueryItem arn{"RoleArn", "acs:ram::1234567890123456:role/ops-reader"};
    const sg::QueryItem session{"RoleSessionName", "alice@example.com"};
    const sg::QueryItem provider{"OIDCProviderArn", "acs:ram::123:oidc-provider/ack-rrsa"};
    const sg::QueryItem token{"OIDCToken", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"};

    QTest::newRow("minimal") << assume << sg::QueryItems{arn, session} << "" << 3600;
    for (const char *seconds : {"900", "3600", "43200"})
        QTest::addRow("duration %s", seconds)
            << assume << sg::QueryItems{arn, session, {"DurationSeconds", seconds}} << ""
            << QByteArray(seconds).toInt();
    QTest::newRow("policy and external id ignored")
        << assume << sg::QueryItems{arn, session, {"Policy", "{}"}, {"ExternalId", "abcd1234"}}
        << "" << 3600;
    QTest::newRow("no RoleArn") << assume << sg::QueryItems{session} << "MissingRoleArn" << 0;
    QTest::newRow("empty RoleArn")
        << assume << sg::QueryItems{{"RoleArn", ""}, session} << "MissingRoleArn" << 0;
    for (const char *bad :
         {"acs:ram::abc:role/r", "acs:ram:cn-hangzhou:123:role/r", "acs:ram::123:user/r",
          "acs:ram::123:role/", "arn:ram::123:role/r", "acs:ram::123:role/a b",
          "acs:ram::123:role/r/more", " acs:ram::123:role/r", "acs:ram::123:role/r\n"})
        QTest::addRow("RoleArn \"%s\"", bad) << assume << sg::QueryItems{{"RoleArn", bad}, session}
                                             << "InvalidParameter.RoleArn" << 0;
    QTest::newRow("no RoleSessionName")
        << assume << sg::QueryItems{arn} << "MissingRoleSessionName" << 0;
    for (const QByteArray &name : {QByteArray("ab"), QByteArray(64, 'x'), QByteArray("a.b_c@d-E9")})
        QTest::addRow("session name \"%s\"", name.constData())
            << assume << sg::QueryItems{arn, {"RoleSessionName", name}} << "" << 3600;
    for (const QByteArray &name :
         {QByteArray(), QByteArray("a"), QByteArray(65, 'x'), QByteArray("has space"),
          QByteArray("bang!"), QByteArray("slash/"), QByteArray("\xc3\xa9t\xc3\xa9")})
        QTest::addRow("session name \"%s\"", name.constData())
            << assume << sg::QueryItems{arn, {"RoleSessionName", name}}
            << "InvalidParameter.RoleSessionName" << 0;
    for (const char *seconds : {"899", "43201", "0", "-900", "+900", " 900", "900 ", "900.0",
                                "0x384", "abc", "", "99999999999"})
        QTest::addRow("duration \"%s\"", seconds)
            << assume << sg::QueryItems{arn, session, {"DurationSeconds", seconds}}
            << "InvalidParameter.DurationSeconds" << 0;

    QTest::newRow("OIDC") << oidc << sg::QueryItems{provider, token, arn, session} << "" << 3600;
    QTest::newRow("OIDC duration")
        << oidc << sg::QueryItems{provider, token, arn, session, {"DurationSeconds", "900"}} << ""
        << 900;
    QTest::newRow("OIDC no provider")
        << oidc << sg::QueryItems{token, arn, session} << "MissingOIDCProviderArn" << 0;
    for (const char *bad : {"acs:ram::123:role/p", "acs:ram::x:oidc-provider/p",
                            "acs:ram::123:oidc-provider/", "acs:ram::123:oidc-provider/a b"})
        QTest::addRow("OIDC provider \"%s\"", bad)
            << oidc << sg::QueryItems{{"OIDCProviderArn", bad}, token, arn, session}
            << "InvalidParameter.OIDCProviderArn" << 0;
    QTest::newRow("OIDC no token")
        << oidc << sg::QueryItems{provider, arn, session} << "MissingOIDCToken" << 0;
    QTest::newRow("OIDC empty token")
        << oidc << sg::QueryItems{provider, {"OIDCToken", ""}, arn, session} << "MissingOIDCToken"
        << 0;
    for (const char *bad : {"not-a-jwt", "a.b", "a..c", ".b.c", "a.b.", "a.b.c.d"})
        QTest::addRow("OIDC token \"%s\"", bad)
            << oidc << sg::QueryItems{provider, {"OIDCToken", bad}, arn, session}
            << "InvalidParameter.OIDCToken" << 0;
    QTest::newRow("OIDC bad RoleArn")
        << oidc << sg::QueryItems{provider, token, {"RoleArn", "acs:ram::123:role/"}, session}
        << "InvalidParameter.RoleArn" << 0;
    QTest::newRow("OIDC bad duration")
        << oidc << sg::QueryItems{provider, token, arn, session, {"DurationSeconds", "60"}}
        << "InvalidParameter.DurationSeconds" << 0;
    // AssumeRole does not look for OIDC's parameters.
    QTest::newRow("AssumeRole ignores a bad OIDC token")
        << assume << sg::QueryItems{{"OIDCToken", "x"}, arn, session} << "" << 3600;
}

void TestRequestVerifier::roleRequest()
{
    QFETCH(QByteArray, action);
    QFETCH(sg::QueryItems, params);
    QFETCH(QString, code);
    QFETCH(int, duration);
    dbs::sts::RoleRequest role;
    const Verdict v = dbs::sts::checkRoleRequest(action, params, &role);
    QCOMPARE(v.code, code);
    if (!code.isEmpty()) {
        QCOMPARE(v.httpStatus, 400);
        QVERIFY(!v.message.isEmpty());
        return;
    }
    QCOMPARE(role.durationSeconds, duration);
    for (const auto &[name, value] : params) {
        if (name == "RoleArn") {
            QCOMPARE(role.roleArn, value);
            QVERIFY(value.contains(":" + role.accountId + ":role/" + role.roleName));
        } else if (name == "RoleSessionName") {
            QCOMPARE(role.sessionName, value);
        }
    }
}

void TestRequestVerifier::temporaryKey()
{
    const AccessKey key = dbs::sts::newTemporaryKey(nowMs + 123, 5000);
    QVERIFY(key.id.startsWith("STS."));
    QVERIFY(key.id.size() > 20);
    QVERIFY(key.secret.size() >= 30);
    QVERIFY(key.securityToken.size() > 200);
    // The Expiration is written in whole seconds: rounded up, so that the key lives at least
    // as long as asked and stops exactly at the instant written.
    QCOMPARE(key.expiresAtMs, nowMs + 6000);
    QCOMPARE(dbs::sts::isoTime(key.expiresAtMs), QStringLiteral("2023-11-14T22:13:26Z"));
    QCOMPARE(dbs::sts::newTemporaryKey(nowMs, 5000).expiresAtMs, nowMs + 5000);
    const AccessKey other = dbs::sts::newTemporaryKey(nowMs + 123, 5000);
    QVERIFY(other.id != key.id);
    QVERIFY(other.secret != key.secret);
    QVERIFY(other.securityToken != key.securityToken);
}

void TestRequestVerifier::stsAnswers()
{
    dbs::sts::RoleRequest role;
    QVERIFY(dbs::sts::checkRoleRequest(
                "AssumeRole", {{"RoleArn", "acs:ram::1234:role/ops"}, {"RoleSessionName", "alice"}},
                &role)
                .accepted());
    const AccessKey key = dbs::sts::newTemporaryKey(nowMs, 3600 * 1000);
    const QJsonObject answer =
        QJsonDocument::fromJson(dbs::sts::assumeRoleAnswer("REQ-1", role, key)).object();
    QCOMPARE(answer.value(u"RequestId").toString(), QStringLiteral("REQ-1"));
    const QJsonObject user = answer.value(u"AssumedRoleUser").toObject();
    QCOMPARE(user.value(u"Arn").toString(), QStringLiteral("acs:ram::1234:assumed-role/ops/alice"));
    const QString roleId = user.value(u"AssumedRoleId").toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{18}:alice$")).match(roleId).hasMatch(),
             qPrintable(roleId));
    const QJsonObject credentials = answer.value(u"Credentials").toObject();
    QCOMPARE(credentials.value(u"AccessKeyId").toString().toLatin1(), key.id);
    QCOMPARE(credentials.value(u"AccessKeySecret").toString().toLatin1(), key.secret);
    QCOMPARE(credentials.value(u"SecurityToken").toString().toLatin1(), key.securityToken);
    QCOMPARE(credentials.value(u"Expiration").toString(), QStringLiteral("2023-11-14T23:13:20Z"));
    // The same role has the same id, another session or not.
    role.sessionName = "bob";
    const QString again = QJsonDocument::fromJson(dbs::sts::assumeRoleAnswer("REQ-2", role, key))
                              .object()
                              .value(u"AssumedRoleUser")
                              .toObject()
                              .value(u"AssumedRoleId")
                              .toString();
    QCOMPARE(again.section(u':', 0, 0), roleId.section(u':', 0, 0));

    const QJsonObject metadata =
        QJsonDocument::fromJson(dbs::sts::metadataCredentialsAnswer(key, nowMs + 1500)).object();
    QCOMPARE(metadata.value(u"Code").toString(), QStringLiteral("Success"));
    QCOMPARE(metadata.value(u"AccessKeyId").toString().toLatin1(), key.id);
    QCOMPARE(metadata.value(u"AccessKeySecret").toString().toLatin1(), key.secret);
    QCOMPARE(metadata.value(u"SecurityToken").toString().toLatin1(), key.securityToken);
    QCOMPARE(metadata.value(u"Expiration").toString(), QStringLiteral("2023-11-14T23:13:20Z"));
    QCOMPARE(metadata.value(u"LastUpdated").toString(), QStringLiteral("2023-11-14T22:13:21Z"));
}

void TestRequestVerifier::metadataTokenTtl_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("seconds"); // 0: refused
    QTest::newRow("1") << QByteArray("1") << 1;
    QTest::newRow("21600") << QByteArray("21600") << 21600;
    QTest::newRow("leading zero") << QByteArray("060") << 60;
    for (const char *bad :
         {"", "0", "21601", "-1", "+5", " 5", "5 ", "5s", "1e3", "999999", "99999999999999999999"})
        QTest::addRow("\"%s\"", bad) << QByteArray(bad) << 0;
}

void TestRequestVerifier::metadataTokenTtl()
{
    QFETCH(QByteArray, text);
    QFETCH(int, seconds);
    QCOMPARE(dbs::metadata::parseTokenTtl(text), seconds);
}

void TestRequestVerifier::metadataTokens()
{
    dbs::metadata::TokenStore tokens;
    const QByteArray shortLived = tokens.issue(2, nowMs);
    const QByteArray longLived = tokens.issue(21600, nowMs);
    QVERIFY(shortLived.size() >= 32);
    QVERIFY(shortLived != longLived);
    QVERIFY(tokens.isValid(shortLived, nowMs + 1999));
    QVERIFY(!tokens.isValid(shortLived, nowMs + 2000));
    QVERIFY(tokens.isValid(longLived, nowMs + 2000));
    QVERIFY(!tokens.isValid("made-up", nowMs));
    QVERIFY(!tokens.isValid(QByteArray(), nowMs));
    QVERIFY(!tokens.isValid(shortLived.chopped(1), nowMs));
    // Expired tokens are dropped when the next one is issued.
    QCOMPARE(tokens.size(), 2);
    tokens.issue(1, nowMs + 2000);
    QCOMPARE(tokens.size(), 2);
}

void TestRequestVerifier::metadataTokensAreBounded()
{
    dbs::metadata::TokenStore tokens;
    const QByteArray first = tokens.issue(60, nowMs);
    for (qsizetype i = 1; i < dbs::metadata::TokenStore::maxTokens + 5; ++i)
        tokens.issue(60 + int(i % 1000), nowMs);
    QCOMPARE(tokens.size(), dbs::metadata::TokenStore::maxTokens);
    QVERIFY(!tokens.isValid(first, nowMs)); // it expired first, so it made room
}

QTEST_GUILESS_MAIN(TestRequestVerifier)
#include "tst_requestverifier.moc"
