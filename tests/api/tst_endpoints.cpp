// Tests for app/api/endpoints.h: the regional host map of dbs-api.md, the seed's spellings, and
// which endpoint URLs may carry credentials.
#include <api/endpoints.h>

#include <QSet>
#include <QTest>

namespace ep = dbs::endpoints;

namespace {
const QString hangzhouHost = QStringLiteral("https://dbs-api.cn-hangzhou.aliyuncs.com/");

// dbs-api.md, "Endpoints": written out here, not read from the code.
const QStringList sharedHostRegions = {
    "cn-qingdao",  "cn-beijing",          "cn-zhangjiakou",        "cn-hangzhou",
    "cn-shanghai", "cn-shenzhen",         "cn-hongkong",           "us-west-1",
    "us-east-1",   "cn-hangzhou-finance", "cn-shanghai-finance-1", "cn-shenzhen-finance-1",
};
const QStringList ownHostRegions = {
    "cn-chengdu",     "cn-huhehaote",   "ap-southeast-1", "ap-southeast-2",
    "ap-southeast-3", "ap-southeast-5", "ap-northeast-1", "eu-central-1",
    "ap-south-1",     "eu-west-1",      "me-east-1",
};
} // namespace

class TestEndpoints : public QObject
{
    Q_OBJECT

private slots:
    void regionList();
    void endpointForRegion_data();
    void endpointForRegion();
    void seedSpellings_data();
    void seedSpellings();
    void unknownRegion_data();
    void unknownRegion();
    void regionNames();

    void checkEndpoint_data();
    void checkEndpoint();
    void isLoopbackHost_data();
    void isLoopbackHost();
};

void TestEndpoints::regionList()
{
    const QStringList ids = ep::regionIds();
    QCOMPARE(ids.size(), 23);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 23); // no duplicates
    const QStringList all = sharedHostRegions + ownHostRegions;
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), QSet<QString>(all.cbegin(), all.cend()));
    QCOMPARE(ep::regions().size(), 23);
    for (const ep::Region &region : ep::regions()) {
        QVERIFY(region.id && *region.id);
        QVERIFY2(region.name && *region.name, region.id);
    }
    QCOMPARE(ep::regionIds(), ids); // a stable order
}

void TestEndpoints::endpointForRegion_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("url");
    for (const QString &id : sharedHostRegions)
        QTest::newRow(qPrintable(id)) << id << hangzhouHost;
    for (const QString &id : ownHostRegions)
        QTest::newRow(qPrintable(id))
            << id << QStringLiteral("https://dbs-api.%1.aliyuncs.com/").arg(id);
}

void TestEndpoints::endpointForRegion()
{
    QFETCH(QString, region);
    QFETCH(QString, url);
    QVERIFY(ep::isKnownRegion(region));
    QCOMPARE(ep::canonicalRegion(region), region);
    const QUrl endpoint = ep::endpointForRegion(region);
    QCOMPARE(endpoint.toString(), url);
    QCOMPARE(endpoint.scheme(), QStringLiteral("https"));
    QVERIFY(ep::checkEndpoint(endpoint).isEmpty());
}

void TestEndpoints::seedSpellings_data()
{
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("url");
    QTest::newRow("cn-shanghai-finance") << "cn-shanghai-finance"
                                         << "cn-shanghai-finance-1" << hangzhouHost;
    QTest::newRow("cn-shenzhen-finance") << "cn-shenzhen-finance"
                                         << "cn-shenzhen-finance-1" << hangzhouHost;
    QTest::newRow("ap-southeat-1 typo") << "ap-southeat-1"
                                        << "ap-southeast-1"
                                        << "https://dbs-api.ap-southeast-1.aliyuncs.com/";
    QTest::newRow("cn-hangzhou-finance (no -1 in either)") << "cn-hangzhou-finance"
                                                           << "cn-hangzhou-finance" << hangzhouHost;
}

void TestEndpoints::seedSpellings()
{
    QFETCH(QString, spelling);
    QFETCH(QString, canonical);
    QFETCH(QString, url);
    QCOMPARE(ep::canonicalRegion(spelling), canonical);
    QVERIFY(ep::isKnownRegion(spelling));
    QCOMPARE(ep::endpointForRegion(spelling).toString(), url);
    QCOMPARE(ep::regionName(spelling), ep::regionName(canonical));
    QVERIFY(ep::regionName(spelling) != spelling);
}

void TestEndpoints::unknownRegion_data()
{
    QTest::addColumn<QString>("region");
    QTest::newRow("empty") << QString();
    QTest::newRow("made up") << "xx-nowhere-1";
    QTest::newRow("finance with wrong suffix") << "cn-shanghai-finance-2";
    QTest::newRow("ap-southeast-4 (not served)") << "ap-southeast-4";
    QTest::newRow("cn-hangzhou-finance-1 (not a spelling)") << "cn-hangzhou-finance-1";
    QTest::newRow("host injection") << "cn-hangzhou.evil.com/x";
    QTest::newRow("partial") << "cn-";
}

void TestEndpoints::unknownRegion()
{
    QFETCH(QString, region);
    QVERIFY(!ep::isKnownRegion(region));
    const QUrl url = ep::endpointForRegion(region);
    QVERIFY2(url.isEmpty(), qPrintable(url.toString()));
    QCOMPARE(ep::regionName(region), region);
}

void TestEndpoints::regionNames()
{
    QCOMPARE(ep::regionName(QStringLiteral("cn-hangzhou")), QStringLiteral("China (Hangzhou)"));
    QCOMPARE(ep::regionName(QStringLiteral("ap-southeast-1")), QStringLiteral("Singapore"));
    QCOMPARE(ep::regionName(QStringLiteral("ap-southeat-1")), QStringLiteral("Singapore"));
    QSet<QString> names;
    for (const QString &id : ep::regionIds())
        names.insert(ep::regionName(id));
    QCOMPARE(names.size(), 23); // every region has its own name
}

void TestEndpoints::checkEndpoint_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("https official host") << "https://dbs-api.cn-hangzhou.aliyuncs.com/" << true;
    QTest::newRow("https any host") << "https://example.com" << true;
    QTest::newRow("https private ip with port") << "https://10.0.0.1:8443/" << true;
    QTest::newRow("https loopback") << "https://127.0.0.1:8443" << true;
    QTest::newRow("HTTPS upper-case scheme") << "HTTPS://example.com/" << true;

    QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080/" << true;
    QTest::newRow("http 127.5.6.7") << "http://127.5.6.7/" << true;
    QTest::newRow("http 127.255.255.254") << "http://127.255.255.254:1" << true;
    QTest::newRow("http [::1]") << "http://[::1]:8080/" << true;
    QTest::newRow("http localhost") << "http://localhost:1234" << true;
    QTest::newRow("http LOCALHOST") << "http://LOCALHOST/" << true;
    QTest::newRow("HTTP upper-case scheme") << "HTTP://127.0.0.1/" << true;

    QTest::newRow("http 10.0.0.1") << "http://10.0.0.1/" << false;
    QTest::newRow("http 192.168.1.1") << "http://192.168.1.1:8080/" << false;
    QTest::newRow("http example.com") << "http://example.com/" << false;
    QTest::newRow("http 128.0.0.1") << "http://128.0.0.1/" << false;
    QTest::newRow("http 126.255.255.255") << "http://126.255.255.255/" << false;
    QTest::newRow("http 0.0.0.0") << "http://0.0.0.0:8080/" << false;
    QTest::newRow("http [::2]") << "http://[::2]/" << false;
    QTest::newRow("http official host") << "http://dbs-api.cn-hangzhou.aliyuncs.com/" << false;
    QTest::newRow("http localhost.example.com") << "http://localhost.example.com/" << false;
    QTest::newRow("http 127.0.0.1.nip.io") << "http://127.0.0.1.nip.io/" << false;
    QTest::newRow("http userinfo trick") << "http://127.0.0.1@example.com/" << false;
    QTest::newRow("http localhost userinfo trick") << "http://localhost:80@example.com/" << false;

    QTest::newRow("ftp loopback") << "ftp://127.0.0.1/" << false;
    QTest::newRow("ftp host") << "ftp://example.com/" << false;
    QTest::newRow("ws loopback") << "ws://127.0.0.1/" << false;
    QTest::newRow("file") << "file:///tmp/x" << false;

    QTest::newRow("empty") << "" << false;
    QTest::newRow("no scheme") << "dbs-api.cn-hangzhou.aliyuncs.com" << false;
    QTest::newRow("scheme-relative") << "//127.0.0.1/" << false;
    QTest::newRow("http without host") << "http://" << false;
    QTest::newRow("https without host") << "https:///path" << false;
    QTest::newRow("broken IPv6") << "https://[::1" << false;
    QTest::newRow("words") << "not a url" << false;
}

void TestEndpoints::checkEndpoint()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    const QString reason = ep::checkEndpoint(QUrl(url));
    if (allowed)
        QVERIFY2(reason.isEmpty(), qPrintable(reason));
    else
        QVERIFY2(!reason.isEmpty(), qPrintable(url));
}

void TestEndpoints::isLoopbackHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << "127.0.0.1" << true;
    QTest::newRow("127.5.6.7") << "127.5.6.7" << true;
    QTest::newRow("::1") << "::1" << true;
    QTest::newRow("localhost") << "localhost" << true;
    QTest::newRow("LocalHost") << "LocalHost" << true;
    QTest::newRow("128.0.0.1") << "128.0.0.1" << false;
    QTest::newRow("10.0.0.1") << "10.0.0.1" << false;
    QTest::newRow("::2") << "::2" << false;
    QTest::newRow("example.com") << "example.com" << false;
    QTest::newRow("localhost.localdomain.example") << "localhost.example.com" << false;
    QTest::newRow("empty") << "" << false;
}

void TestEndpoints::isLoopbackHost()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(ep::isLoopbackHost(host), loopback);
}

QTEST_GUILESS_MAIN(TestEndpoints)
#include "tst_endpoints.moc"
