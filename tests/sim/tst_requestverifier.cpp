// Tests for app/sim/requestverifier.h: requests signed here with app/api/signing.h (whose output
// tst_signing checks against the official vectors), put through the wire format and judged by
// verifyRequest(); plus parseQueryString() and NonceCache.
#include <api/signing.h>
#include <sim/requestverifier.h>

#include <QRandomGenerator>
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
        {"Action", "DescribeBackupGatewayList"},
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
        {"host", "127.0.0.1:8080"},         {"x-acs-action", "DescribeBackupGatewayList"},
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
    QTest::addColumn<bool>("accepted");
    for (bool v3 : {false, true}) {
        const char *sig = v3 ? "V3" : "V1";
        QTest::addRow("%s STS key without token", sig)
            << v3 << stsId << stsSecret << QByteArray() << false;
        QTest::addRow("%s STS key with wrong token", sig)
            << v3 << stsId << stsSecret << QByteArray("CAIS-some-other-token") << false;
        QTest::addRow("%s STS key with a prefix of the token", sig)
            << v3 << stsId << stsSecret << stsToken.left(stsToken.size() - 1) << false;
        QTest::addRow("%s STS key with right token", sig)
            << v3 << stsId << stsSecret << stsToken << true;
        QTest::addRow("%s STS token with the wrong secret", sig)
            << v3 << stsId << plainSecret << stsToken << false;
        QTest::addRow("%s plain key without token", sig)
            << v3 << plainId << plainSecret << QByteArray() << true;
    }
}

void TestRequestVerifier::securityToken()
{
    QFETCH(bool, v3);
    QFETCH(QByteArray, keyId);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, token);
    QFETCH(bool, accepted);
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
    QCOMPARE(v.accepted(), accepted);
    if (accepted) {
        QCOMPARE(v.accessKeyId, keyId);
    } else {
        QCOMPARE(v.httpStatus, 400);
        QVERIFY(!v.code.isEmpty());
        QVERIFY(!v.message.contains(QLatin1String(stsToken)));
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

QTEST_GUILESS_MAIN(TestRequestVerifier)
#include "tst_requestverifier.moc"
