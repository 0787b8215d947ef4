// Tests for app/api/signing.h: the official V1 and V3 vectors from dbs-api.md, percent-encoding,
// canonical query order, the V3 header choice and the Authorization header parser.
#include <api/signing.h>

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

namespace sg = dbs::signing;

Q_DECLARE_METATYPE(sg::QueryItems)
Q_DECLARE_METATYPE(sg::HeaderMap)

namespace {
// ---- the official V1 vector (dbs-api.md, AccessKeyId testid / secret testsecret) ----
const QByteArray officialV1Tail =
    "&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3D"
    "HMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0"
    "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26";

// The parameters of the official vector, deliberately out of order, with a Signature that the
// string to sign must leave out.
sg::QueryItems officialV1Items()
{
    return {
        {"Version", "2014-05-26"},
        {"Timestamp", "2016-02-23T12:46:24Z"},
        {"Signature", "must-not-be-signed"},
        {"SignatureVersion", "1.0"},
        {"Action", "DescribeRegions"},
        {"SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"},
        {"Format", "XML"},
        {"AccessKeyId", "testid"},
        {"SignatureMethod", "HMAC-SHA1"},
    };
}

// ---- the official V3 example (dbs-api.md) ----
const QByteArray emptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const QByteArray officialV3CanonicalHash =
    "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259";
const QByteArray officialV3Signature =
    "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";
const QByteArray officialV3SignedHeaders =
    "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";

sg::QueryItems officialV3Query()
{
    return {{"RegionId", "cn-shanghai"},
            {"ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"}};
}

sg::HeaderMap officialV3Headers()
{
    return {
        {"host", "ecs.cn-shanghai.aliyuncs.com"},
        {"x-acs-action", "RunInstances"},
        {"x-acs-version", "2014-05-26"},
        {"x-acs-date", "2023-10-26T10:22:32Z"},
        {"x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"},
        {"x-acs-content-sha256", emptySha256},
    };
}

// The canonical request written out by hand from the rules in dbs-api.md.
const QByteArray officialV3CanonicalRequest =
    "POST\n"
    "/\n"
    "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n"
    "host:ecs.cn-shanghai.aliyuncs.com\n"
    "x-acs-action:RunInstances\n"
    "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
    "x-acs-date:2023-10-26T10:22:32Z\n"
    "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n"
    "x-acs-version:2014-05-26\n"
    "\n"
    "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n"
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// Independent of the code under test.
QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}
} // namespace

class TestSigning : public QObject
{
    Q_OBJECT

private slots:
    void percentEncode_data();
    void percentEncode();
    void percentEncodeEveryByte();

    void canonicalQuery_data();
    void canonicalQuery();

    void timestamp_data();
    void timestamp();
    void newNonceIsUniqueAndUnreserved();

    void v1OfficialVector_data();
    void v1OfficialVector();
    void v1StringToSignIgnoresOrderAndSignature();
    void v1StringToSignDoubleEncodes_data();
    void v1StringToSignDoubleEncodes();
    void v1SignatureDependsOnSecretAndMethod();

    void v3OfficialCanonicalRequest();
    void v3OfficialSignature();
    void v3CanonicalRequestNormalisesSignedHeaders();
    void v3CanonicalRequestQueryWithoutValue();
    void v3CanonicalRequestHashesBody();
    void v3AuthorizationHeaderOfficial();

    void v3HeadersToSign_data();
    void v3HeadersToSign();

    void parseV3Authorization_data();
    void parseV3Authorization();
    void parseV3AuthorizationRoundTrip();
};

// ---------------------------------------------------------------------------------------------

void TestSigning::percentEncode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("unreserved kept") << QByteArray("AZaz09-_.~") << QByteArray("AZaz09-_.~");
    QTest::newRow("space is %20 not +") << QByteArray("a b") << QByteArray("a%20b");
    QTest::newRow("star") << QByteArray("*") << QByteArray("%2A");
    QTest::newRow("tilde stays") << QByteArray("~") << QByteArray("~");
    QTest::newRow("apostrophe") << QByteArray("'") << QByteArray("%27");
    QTest::newRow("parentheses") << QByteArray("()") << QByteArray("%28%29");
    QTest::newRow("bang") << QByteArray("!") << QByteArray("%21");
    QTest::newRow("plus") << QByteArray("+") << QByteArray("%2B");
    QTest::newRow("slash") << QByteArray("/") << QByteArray("%2F");
    QTest::newRow("equals") << QByteArray("=") << QByteArray("%3D");
    QTest::newRow("ampersand") << QByteArray("&") << QByteArray("%26");
    QTest::newRow("percent") << QByteArray("%") << QByteArray("%25");
    QTest::newRow("colon (timestamp)") << QByteArray("12:46:24") << QByteArray("12%3A46%3A24");
    QTest::newRow("gen-delims") << QByteArray(":/?#[]@") << QByteArray("%3A%2F%3F%23%5B%5D%40");
    QTest::newRow("sub-delims") << QByteArray("$,;") << QByteArray("%24%2C%3B");
    QTest::newRow("quote backslash") << QByteArray("\"\\") << QByteArray("%22%5C");
    QTest::newRow("controls") << QByteArray("\t\r\n") << QByteArray("%09%0D%0A");
    QTest::newRow("NUL byte") << QByteArray("a\0b", 3) << QByteArray("a%00b");
    QTest::newRow("DEL") << QByteArray("\x7f") << QByteArray("%7F");
    QTest::newRow("2-byte UTF-8 (e acute)")
        << QString::fromUtf8("é").toUtf8() << QByteArray("%C3%A9");
    QTest::newRow("3-byte UTF-8 (CJK)")
        << QString::fromUtf8("中文").toUtf8() << QByteArray("%E4%B8%AD%E6%96%87");
    QTest::newRow("4-byte UTF-8 (emoji)")
        << QString::fromUtf8("😀").toUtf8() << QByteArray("%F0%9F%98%80");
    QTest::newRow("upper-case hex") << QByteArray("\xff\xab") << QByteArray("%FF%AB");
    QTest::newRow("base64 signature value") << QByteArray("MxbnVAM4w6sft9xjVpe/GCKueuk=")
                                            << QByteArray("MxbnVAM4w6sft9xjVpe%2FGCKueuk%3D");
}

void TestSigning::percentEncode()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(sg::percentEncode(input), expected);
}

void TestSigning::percentEncodeEveryByte()
{
    // Every one of the 256 byte values, checked against the RFC 3986 rule written here.
    for (int b = 0; b < 256; ++b) {
        const char c = char(b);
        const bool keep = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') ||
                          (b >= '0' && b <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
        const QByteArray expected =
            keep ? QByteArray(1, c)
                 : "%" + QByteArray::number(b, 16).toUpper().rightJustified(2, '0');
        QCOMPARE(sg::percentEncode(QByteArray(1, c)), expected);
    }
}

void TestSigning::canonicalQuery_data()
{
    QTest::addColumn<sg::QueryItems>("items");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << sg::QueryItems{} << QByteArray();
    QTest::newRow("single") << sg::QueryItems{{"A", "1"}} << QByteArray("A=1");
    QTest::newRow("sorted by name")
        << sg::QueryItems{{"PageSize", "30"}, {"Action", "X"}, {"Region", "cn-hangzhou"}}
        << QByteArray("Action=X&PageSize=30&Region=cn-hangzhou");
    QTest::newRow("byte order: upper before underscore before lower before tilde")
        << sg::QueryItems{{"~t", "5"}, {"a", "4"}, {"_u", "3"}, {"Z", "2"}, {"B", "1"}}
        << QByteArray("B=1&Z=2&_u=3&a=4&~t=5");
    QTest::newRow("case-sensitive (not alphabetical)")
        << sg::QueryItems{{"b", "1"}, {"C", "2"}, {"a", "3"}} << QByteArray("C=2&a=3&b=1");
    QTest::newRow("prefix sorts first")
        << sg::QueryItems{{"AB", "2"}, {"A", "1"}} << QByteArray("A=1&AB=2");
    QTest::newRow("sorted by encoded name: %20 before -")
        << sg::QueryItems{{"a-b", "2"}, {"a b", "1"}} << QByteArray("a%20b=1&a-b=2");
    // Raw 0xC3 would sort after 'A'; encoded "%C3" sorts before it.
    QTest::newRow("sorted by encoded name: non-ASCII before letters")
        << sg::QueryItems{{"A", "1"}, {QString::fromUtf8("é").toUtf8(), "2"}}
        << QByteArray("%C3%A9=2&A=1");
    QTest::newRow("sorted by encoded name: encoded = (%3D) before 0-9 (0x30)")
        << sg::QueryItems{{"k0", "2"}, {"k=", "1"}} << QByteArray("k%3D=1&k0=2");
    QTest::newRow("duplicate names kept, by encoded value")
        << sg::QueryItems{{"Id", "b"}, {"Id", "a"}, {"Id", "A"}} << QByteArray("Id=A&Id=a&Id=b");
    QTest::newRow("duplicate identical pairs both kept")
        << sg::QueryItems{{"x", "1"}, {"x", "1"}} << QByteArray("x=1&x=1");
    QTest::newRow("empty value is name=")
        << sg::QueryItems{{"Flag", ""}, {"A", "1"}} << QByteArray("A=1&Flag=");
    QTest::newRow("values encoded")
        << sg::QueryItems{{"Identifier", "a,b"}, {"DisplayName", "x y+z/=&"}}
        << QByteArray("DisplayName=x%20y%2Bz%2F%3D%26&Identifier=a%2Cb");
    QTest::newRow("non-ASCII value")
        << sg::QueryItems{{"Name", QString::fromUtf8("订单库").toUtf8()}}
        << QByteArray("Name=%E8%AE%A2%E5%8D%95%E5%BA%93");
}

void TestSigning::canonicalQuery()
{
    QFETCH(sg::QueryItems, items);
    QFETCH(QByteArray, expected);
    QCOMPARE(sg::canonicalQuery(items), expected);
    // Order of the input never matters.
    sg::QueryItems reversed(items.crbegin(), items.crend());
    QCOMPARE(sg::canonicalQuery(reversed), expected);
}

void TestSigning::timestamp_data()
{
    QTest::addColumn<qint64>("epochMs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00Z");
    QTest::newRow("official vector")
        << qint64(1456231584000) << QStringLiteral("2016-02-23T12:46:24Z");
    QTest::newRow("milliseconds dropped")
        << qint64(1456231584999) << QStringLiteral("2016-02-23T12:46:24Z");
    QTest::newRow("official V3 date")
        << qint64(1698315752000) << QStringLiteral("2023-10-26T10:22:32Z");
    QTest::newRow("leap day") << qint64(951782400000) << QStringLiteral("2000-02-29T00:00:00Z");
}

void TestSigning::timestamp()
{
    QFETCH(qint64, epochMs);
    QFETCH(QString, expected);
    QCOMPARE(sg::timestamp(epochMs), expected);
}

void TestSigning::newNonceIsUniqueAndUnreserved()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 2000; ++i) {
        const QByteArray nonce = sg::newNonce();
        QVERIFY(!nonce.isEmpty());
        QVERIFY2(!seen.contains(nonce), nonce.constData());
        seen.insert(nonce);
        // Travels in a header and a query without any encoding surprises.
        QCOMPARE(sg::percentEncode(nonce), nonce);
    }
}

// ---- V1 ----

void TestSigning::v1OfficialVector_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("signature");
    QTest::newRow("GET") << QByteArray("GET") << QByteArray("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    QTest::newRow("POST") << QByteArray("POST") << QByteArray("MxbnVAM4w6sft9xjVpe/GCKueuk=");
}

void TestSigning::v1OfficialVector()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, signature);
    const QByteArray stringToSign = sg::v1StringToSign(method, officialV1Items());
    QCOMPARE(stringToSign, method + officialV1Tail);
    QCOMPARE(sg::v1Signature("testsecret", stringToSign), signature);
}

void TestSigning::v1StringToSignIgnoresOrderAndSignature()
{
    sg::QueryItems items = officialV1Items();
    const QByteArray reference = sg::v1StringToSign("GET", items);
    std::reverse(items.begin(), items.end());
    QCOMPARE(sg::v1StringToSign("GET", items), reference);

    items.removeIf([](const sg::QueryItem &item) { return item.first == "Signature"; });
    QCOMPARE(sg::v1StringToSign("GET", items), reference);
    items.append(sg::QueryItem{"Signature", "OLeaidS1JvxuMvnyHOwuJ+uX5qY="});
    QCOMPARE(sg::v1StringToSign("GET", items), reference);

    // A parameter merely named like Signature is signed.
    items.append(sg::QueryItem{"SignatureX", "1"});
    QVERIFY(sg::v1StringToSign("GET", items) != reference);
}

void TestSigning::v1StringToSignDoubleEncodes_data()
{
    QTest::addColumn<sg::QueryItems>("items");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << sg::QueryItems{} << QByteArray("GET&%2F&");
    QTest::newRow("space and CJK")
        << sg::QueryItems{{"X", QString::fromUtf8("中").toUtf8()}, {"Name", "a b"}}
        << QByteArray("GET&%2F&Name%3Da%2520b%26X%3D%25E4%25B8%25AD");
    QTest::newRow("reserved in value")
        << sg::QueryItems{{"Identifier", "1,2"}, {"Q", "a=b&c"}}
        << QByteArray("GET&%2F&Identifier%3D1%252C2%26Q%3Da%253Db%2526c");
    QTest::newRow("empty value") << sg::QueryItems{{"A", ""}} << QByteArray("GET&%2F&A%3D");
    QTest::newRow("tilde and star")
        << sg::QueryItems{{"A", "~*"}} << QByteArray("GET&%2F&A%3D~%252A");
}

void TestSigning::v1StringToSignDoubleEncodes()
{
    QFETCH(sg::QueryItems, items);
    QFETCH(QByteArray, expected);
    QCOMPARE(sg::v1StringToSign("GET", items), expected);
}

void TestSigning::v1SignatureDependsOnSecretAndMethod()
{
    const QByteArray get = sg::v1StringToSign("GET", officialV1Items());
    const QByteArray good = sg::v1Signature("testsecret", get);
    QVERIFY(sg::v1Signature("testsecreT", get) != good);
    QVERIFY(sg::v1Signature("testsecret&", get) != good); // the "&" is added once, not twice
    QVERIFY(sg::v1Signature("", get) != good);
    // 20-byte HMAC-SHA1 in base64 is always 28 characters ending in '='.
    QCOMPARE(good.size(), 28);
    QVERIFY(good.endsWith('='));
    QCOMPARE(QByteArray::fromBase64(good).size(), 20);
}

// ---- V3 ----

void TestSigning::v3OfficialCanonicalRequest()
{
    // The hand-written canonical request is the one of the official example...
    QCOMPARE(sha256Hex(officialV3CanonicalRequest), officialV3CanonicalHash);
    // ...and the code builds exactly it.
    const QList<QByteArray> signedHeaders = officialV3SignedHeaders.split(';');
    const QByteArray canonical = sg::v3CanonicalRequest(
        "POST", "/", officialV3Query(), officialV3Headers(), signedHeaders, sg::hexSha256({}));
    QCOMPARE(canonical, officialV3CanonicalRequest);
    QCOMPARE(sg::hexSha256(canonical), officialV3CanonicalHash);
    QCOMPARE(sg::hexSha256({}), emptySha256);
}

void TestSigning::v3OfficialSignature()
{
    const QByteArray stringToSign = sg::v3StringToSign(officialV3CanonicalRequest);
    QCOMPARE(stringToSign, QByteArray("ACS3-HMAC-SHA256\n") + officialV3CanonicalHash);
    QCOMPARE(sg::v3Signature("YourAccessKeySecret", stringToSign), officialV3Signature);
    // The V3 key is the secret alone, no "&".
    QVERIFY(sg::v3Signature("YourAccessKeySecret&", stringToSign) != officialV3Signature);
}

void TestSigning::v3CanonicalRequestNormalisesSignedHeaders()
{
    // Names given unsorted and in mixed case, values with surrounding blanks, extra unsigned
    // headers present: the canonical request is still the official one.
    sg::HeaderMap headers = officialV3Headers();
    headers["x-acs-action"] = "  RunInstances\t";
    headers["user-agent"] = "tst_signing";
    headers["x-acs-credentials-provider"] = "static";
    const QList<QByteArray> signedHeaders = {
        "X-Acs-Version", "x-acs-signature-nonce", "Host",
        "x-acs-date",    "x-acs-content-sha256",  "x-acs-action"};
    const QByteArray canonical =
        sg::v3CanonicalRequest("POST", "/", officialV3Query(), headers, signedHeaders, emptySha256);
    QCOMPARE(canonical, officialV3CanonicalRequest);
}

void TestSigning::v3CanonicalRequestQueryWithoutValue()
{
    const sg::HeaderMap headers = {{"host", "h"}};
    const QByteArray canonical = sg::v3CanonicalRequest("GET", "/", {{"b", "x y"}, {"a", ""}},
                                                        headers, {"host"}, emptySha256);
    QCOMPARE(canonical, QByteArray("GET\n/\na=&b=x%20y\nhost:h\n\nhost\n") + emptySha256);
}

void TestSigning::v3CanonicalRequestHashesBody()
{
    const QByteArray body = "Region=cn-hangzhou&PageSize=30";
    const QByteArray hashed = sg::hexSha256(body);
    QCOMPARE(hashed, sha256Hex(body));
    QCOMPARE(hashed, hashed.toLower());
    QCOMPARE(hashed.size(), 64);
    const QByteArray canonical =
        sg::v3CanonicalRequest("POST", "/", {}, {{"host", "h"}}, {"host"}, hashed);
    QVERIFY(canonical.endsWith("\n" + hashed));
}

void TestSigning::v3AuthorizationHeaderOfficial()
{
    QCOMPARE(sg::v3AuthorizationHeader("YourAccessKeyId", officialV3SignedHeaders.split(';'),
                                       officialV3Signature),
             QByteArray("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=") +
                 officialV3SignedHeaders + ",Signature=" + officialV3Signature);
}

void TestSigning::v3HeadersToSign_data()
{
    QTest::addColumn<sg::HeaderMap>("headers");
    QTest::addColumn<QList<QByteArray>>("expected");

    QTest::newRow("official example") << officialV3Headers() << officialV3SignedHeaders.split(';');

    sg::HeaderMap full = officialV3Headers();
    full.insert("content-type", "application/x-www-form-urlencoded");
    full.insert("authorization", "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=b");
    full.insert("user-agent", "x");
    full.insert("accept", "application/json");
    full.insert("content-length", "0");
    full.insert("x-acs-security-token", "tok");
    full.insert("x-acs-credentials-provider", "sts");
    full.insert("x-acsfoo", "not an x-acs- header");
    full.insert("x-ac-action", "no");
    QTest::newRow("content-type, every x-acs-*, nothing else")
        << full
        << QList<QByteArray>{"content-type",
                             "host",
                             "x-acs-action",
                             "x-acs-content-sha256",
                             "x-acs-credentials-provider",
                             "x-acs-date",
                             "x-acs-security-token",
                             "x-acs-signature-nonce",
                             "x-acs-version"};
    QTest::newRow("none") << sg::HeaderMap{{"accept", "*/*"}} << QList<QByteArray>{};
    QTest::newRow("empty") << sg::HeaderMap{} << QList<QByteArray>{};
}

void TestSigning::v3HeadersToSign()
{
    QFETCH(sg::HeaderMap, headers);
    QFETCH(QList<QByteArray>, expected);
    QCOMPARE(sg::v3HeadersToSign(headers), expected);
}

void TestSigning::parseV3Authorization_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("keyId");
    QTest::addColumn<QList<QByteArray>>("signedHeaders");
    QTest::addColumn<QByteArray>("signature");

    const QList<QByteArray> two = {"host", "x-acs-date"};
    QTest::newRow("good")
        << QByteArray(
               "ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host;x-acs-date,Signature=ab12")
        << true << QByteArray("AK1") << two << QByteArray("ab12");
    QTest::newRow("spaces after commas")
        << QByteArray(
               "ACS3-HMAC-SHA256 Credential=AK1, SignedHeaders=host;x-acs-date, Signature=ab12")
        << true << QByteArray("AK1") << two << QByteArray("ab12");
    QTest::newRow("spaces around parts")
        << QByteArray(
               "ACS3-HMAC-SHA256  Credential=AK1 ,  SignedHeaders=host;x-acs-date ,Signature=ab12 ")
        << true << QByteArray("AK1") << two << QByteArray("ab12");
    QTest::newRow("other order")
        << QByteArray(
               "ACS3-HMAC-SHA256 Signature=ab12,Credential=AK1,SignedHeaders=host;x-acs-date")
        << true << QByteArray("AK1") << two << QByteArray("ab12");
    QTest::newRow("official")
        << (QByteArray("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=") +
            officialV3SignedHeaders + ",Signature=" + officialV3Signature)
        << true << QByteArray("YourAccessKeyId") << officialV3SignedHeaders.split(';')
        << officialV3Signature;

    const QList<QByteArray> none;
    QTest::newRow("missing Credential")
        << QByteArray("ACS3-HMAC-SHA256 SignedHeaders=host,Signature=ab12") << false << QByteArray()
        << none << QByteArray();
    QTest::newRow("missing SignedHeaders")
        << QByteArray("ACS3-HMAC-SHA256 Credential=AK1,Signature=ab12") << false << QByteArray()
        << none << QByteArray();
    QTest::newRow("missing Signature")
        << QByteArray("ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host") << false << QByteArray()
        << none << QByteArray();
    QTest::newRow("empty Credential")
        << QByteArray("ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=ab12") << false
        << QByteArray() << none << QByteArray();
    QTest::newRow("empty SignedHeaders")
        << QByteArray("ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=,Signature=ab12") << false
        << QByteArray() << none << QByteArray();
    QTest::newRow("empty Signature")
        << QByteArray("ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host,Signature=") << false
        << QByteArray() << none << QByteArray();
    QTest::newRow("wrong algorithm")
        << QByteArray("ACS3-HMAC-SHA1 Credential=AK1,SignedHeaders=host,Signature=ab12") << false
        << QByteArray() << none << QByteArray();
    QTest::newRow("no algorithm") << QByteArray("Credential=AK1,SignedHeaders=host,Signature=ab12")
                                  << false << QByteArray() << none << QByteArray();
    QTest::newRow("algorithm glued to credential")
        << QByteArray("ACS3-HMAC-SHA256Credential=AK1,SignedHeaders=host,Signature=ab12") << false
        << QByteArray() << none << QByteArray();
    QTest::newRow("V1-style header") << QByteArray("acs AK1:OLeaidS1JvxuMvnyHOwuJ+uX5qY=") << false
                                     << QByteArray() << none << QByteArray();
    QTest::newRow("algorithm only")
        << QByteArray("ACS3-HMAC-SHA256") << false << QByteArray() << none << QByteArray();
    QTest::newRow("algorithm and space")
        << QByteArray("ACS3-HMAC-SHA256 ") << false << QByteArray() << none << QByteArray();
    QTest::newRow("part without =")
        << QByteArray("ACS3-HMAC-SHA256 Credential,SignedHeaders=host,Signature=ab12") << false
        << QByteArray() << none << QByteArray();
    QTest::newRow("only commas") << QByteArray("ACS3-HMAC-SHA256 ,,,") << false << QByteArray()
                                 << none << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << QByteArray() << none << QByteArray();
    QTest::newRow("garbage") << QByteArray("\x01\xff=;,==") << false << QByteArray() << none
                             << QByteArray();
}

void TestSigning::parseV3Authorization()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, valid);
    QFETCH(QByteArray, keyId);
    QFETCH(QList<QByteArray>, signedHeaders);
    QFETCH(QByteArray, signature);

    const sg::V3Authorization auth = sg::parseV3Authorization(header);
    QCOMPARE(auth.valid, valid);
    if (valid) {
        QCOMPARE(auth.accessKeyId, keyId);
        QCOMPARE(auth.signedHeaders, signedHeaders);
        QCOMPARE(auth.signature, signature);
    }
}

void TestSigning::parseV3AuthorizationRoundTrip()
{
    const QList<QByteArray> headers = {"content-type", "host", "x-acs-action",
                                       "x-acs-security-token"};
    const QByteArray header = sg::v3AuthorizationHeader("STS.AbC-123_x", headers, "00ff");
    QVERIFY(!header.contains(", ")); // no spaces after the commas
    const sg::V3Authorization auth = sg::parseV3Authorization(header);
    QVERIFY(auth.valid);
    QCOMPARE(auth.accessKeyId, QByteArray("STS.AbC-123_x"));
    QCOMPARE(auth.signedHeaders, headers);
    QCOMPARE(auth.signature, QByteArray("00ff"));
}

QTEST_GUILESS_MAIN(TestSigning)
#include "tst_signing.moc"
