// The exporter's metrics text: content negotiation, both formats, escaping of what the service
// sends, and which gateways --gateway-metrics keeps.
#include <cli/metricsexposition.h>

#include <QTest>

#include <functional>

using namespace dbs;

namespace {
constexpr qint64 nowMs = 1'800'000'000'000;
constexpr qint64 staleAfterMs = 5 * 60 * 1000;

BackupGateway gateway(const QString &id, const QString &status, qint64 heartbeatAgeMs)
{
    BackupGateway g;
    g.backupGatewayId = id;
    g.identifier = id + QStringLiteral("-ident");
    g.displayName = QStringLiteral("name of ") + id;
    g.status = status;
    g.hostname = QStringLiteral("host-") + id;
    g.intranetIp = QStringLiteral("10.0.0.1");
    g.createTime = nowMs - 86'400'000;
    g.lastHeartbeatTime = heartbeatAgeMs < 0 ? 0 : nowMs - heartbeatAgeMs;
    return g;
}

GatewaySeriesList seriesOf(const QVector<BackupGateway> &rows)
{
    GatewaySeriesBuilder builder;
    for (const BackupGateway &row : rows)
        builder.append(row);
    return builder.finish();
}

// Hangzhou's rows go through `tweak` first.
ExporterMetrics sample(const std::function<void(QVector<BackupGateway> &)> &tweak = {})
{
    ExporterMetrics metrics;
    ListingState hangzhou;
    hangzhou.account = QStringLiteral("prod");
    hangzhou.region = QStringLiteral("cn-hangzhou");
    hangzhou.up = hangzhou.listed = true;
    hangzhou.durationSeconds = 0.25;
    hangzhou.lastSuccessMs = nowMs - 1000;
    QVector<BackupGateway> rows = {
        gateway(QStringLiteral("gw-ok"), QStringLiteral("ONLINE"), 1000),
        gateway(QStringLiteral("gw-off"), QStringLiteral("OFFLINE"), 3'600'000),
        gateway(QStringLiteral("gw-stale"), QStringLiteral("ONLINE"), 600'000),
        gateway(QStringLiteral("gw-odd"), QStringLiteral("Migrating"), -1)};
    if (tweak)
        tweak(rows);
    hangzhou.gateways = seriesOf(rows);
    ListingState beijing; // never listed: only its up and duration
    beijing.account = QStringLiteral("prod");
    beijing.region = QStringLiteral("cn-beijing");
    beijing.durationSeconds = 1.5;
    metrics.listings = {hangzhou, beijing};
    metrics.apiRequests = {{QStringLiteral("200"), 7}, {QStringLiteral("Throttling"), 2}};
    metrics.refreshes = 3;
    metrics.lastRefreshSeconds = 1.5;
    metrics.version = QStringLiteral("1.2.3");
    return metrics;
}

QByteArray render(const ExporterMetrics &metrics, MetricsFormat format, GatewayMetrics which)
{
    QByteArray text;
    int pieces = 0;
    writeMetrics(metrics, format, which, nowMs, staleAfterMs, [&](const QByteArray &piece) {
        QVERIFY(!piece.isEmpty());
        text += piece;
        ++pieces;
    });
    return text;
}

QByteArrayList lines(const QByteArray &text)
{
    QByteArrayList result = text.split('\n');
    result.removeAll(QByteArray());
    return result;
}
} // namespace

class TestMetricsExposition final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void negotiation_data();
    void negotiation();
    void gzip_data();
    void gzip();
    void samples_data();
    void samples();
    void gatewayMetrics_data();
    void gatewayMetrics();
    void downListingKeepsItsHeartbeatsAge();
    void formatsDiffer();
    void hostileText();
    void largeFleetInPieces();
};

void TestMetricsExposition::negotiation_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<bool>("openMetrics");
    QTest::newRow("none") << QByteArray() << false;
    QTest::newRow("Prometheus 2.x's own")
        << QByteArray("application/openmetrics-text;version=1.0.0,application/"
                      "openmetrics-text;version=0.0.1;"
                      "q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
        << true;
    QTest::newRow("text only") << QByteArray("text/plain;version=0.0.4") << false;
    QTest::newRow("anything") << QByteArray("*/*") << false;
    QTest::newRow("OpenMetrics refused")
        << QByteArray("application/openmetrics-text;q=0,*/*") << false;
    QTest::newRow("text preferred")
        << QByteArray("application/openmetrics-text;q=0.2, text/plain;q=0.9") << false;
    QTest::newRow("case and spaces")
        << QByteArray(" Application/OpenMetrics-Text ; version=1.0.0") << true;
    QTest::newRow("garbage") << QByteArray(";;,,q=x;=") << false;
}

void TestMetricsExposition::negotiation()
{
    QFETCH(QByteArray, accept);
    QFETCH(bool, openMetrics);
    QCOMPARE(negotiateMetricsFormat(accept) == MetricsFormat::OpenMetrics, openMetrics);
}

void TestMetricsExposition::gzip_data()
{
    QTest::addColumn<QByteArray>("acceptEncoding");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("none") << QByteArray() << false;
    QTest::newRow("Prometheus") << QByteArray("gzip") << true;
    QTest::newRow("curl --compressed") << QByteArray("deflate, gzip, br, zstd") << true;
    QTest::newRow("refused") << QByteArray("gzip;q=0, br") << false;
    QTest::newRow("any") << QByteArray("*") << true;
    QTest::newRow("any but gzip") << QByteArray("*, gzip;q=0") << false;
    QTest::newRow("identity") << QByteArray("identity") << false;
    QTest::newRow("x-gzip is not gzip") << QByteArray("x-gzip-ish") << false;
}

void TestMetricsExposition::gzip()
{
    QFETCH(QByteArray, acceptEncoding);
    QFETCH(bool, gzip);
    QCOMPARE(acceptsGzip(acceptEncoding), gzip);
}

void TestMetricsExposition::samples_data()
{
    QTest::addColumn<QByteArray>("line");
    const QByteArray hz = "account=\"prod\",region=\"cn-hangzhou\"";
    QTest::newRow("online") << "dbs_gateways{" + hz + ",status=\"ONLINE\"} 2";
    QTest::newRow("offline") << "dbs_gateways{" + hz + ",status=\"OFFLINE\"} 1";
    QTest::newRow("a documented status with none")
        << "dbs_gateways{" + hz + ",status=\"STOPPED\"} 0";
    QTest::newRow("an undocumented status, upper-cased")
        << "dbs_gateways{" + hz + ",status=\"MIGRATING\"} 1";
    QTest::newRow("stale") << "dbs_gateways_stale{" + hz + "} 1";
    QTest::newRow("up") << "dbs_region_up{" + hz + "} 1";
    QTest::newRow("never listed is down")
        << QByteArray("dbs_region_up{account=\"prod\",region=\"cn-beijing\"} 0");
    QTest::newRow("duration") << "dbs_region_listing_duration_seconds{" + hz + "} 0.250";
    QTest::newRow("last success") << "dbs_region_last_success_timestamp_seconds{" + hz +
                                         "} 1799999999.000";
    QTest::newRow("info") << "dbs_gateway_info{" + hz +
                                 ",id=\"gw-off\",identifier=\"gw-off-ident\",name=\"name of "
                                 "gw-off\",hostname=\"host-gw-off\",internet_ip=\"\","
                                 "intranet_ip=\"10.0.0.1\"} 1";
    QTest::newRow("state set, its status")
        << "dbs_gateway_status{" + hz + ",id=\"gw-off\",dbs_gateway_status=\"OFFLINE\"} 1";
    QTest::newRow("state set, another")
        << "dbs_gateway_status{" + hz + ",id=\"gw-off\",dbs_gateway_status=\"ONLINE\"} 0";
    QTest::newRow("stale gateway") << "dbs_gateway_stale{" + hz + ",id=\"gw-stale\"} 1";
    QTest::newRow("heartbeat") << "dbs_gateway_last_heartbeat_timestamp_seconds{" + hz +
                                      ",id=\"gw-off\"} 1799996400.000";
    QTest::newRow("creation") << "dbs_gateway_creation_timestamp_seconds{" + hz +
                                     ",id=\"gw-off\"} 1799913600.000";
    QTest::newRow("requests") << QByteArray(
        "dbs_exporter_api_requests_total{code=\"Throttling\"} 2");
    QTest::newRow("refreshes") << QByteArray("dbs_exporter_refreshes_total 3");
    QTest::newRow("build") << QByteArray(
                                  "dbs_exporter_build_info{version=\"1.2.3\",qt_version=\"") +
                                  qVersion() + "\"} 1";
}

void TestMetricsExposition::samples()
{
    QFETCH(QByteArray, line);
    for (MetricsFormat format : {MetricsFormat::Prometheus, MetricsFormat::OpenMetrics}) {
        const QByteArrayList all = lines(render(sample(), format, GatewayMetrics::Problems));
        QVERIFY2(all.contains(line), line.constData());
    }
}

void TestMetricsExposition::gatewayMetrics_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("all") << int(GatewayMetrics::All)
                         << QStringList{"gw-ok", "gw-off", "gw-stale", "gw-odd"};
    QTest::newRow("problems") << int(GatewayMetrics::Problems)
                              << QStringList{"gw-off", "gw-stale", "gw-odd"};
    QTest::newRow("none") << int(GatewayMetrics::None) << QStringList{};
}

void TestMetricsExposition::gatewayMetrics()
{
    QFETCH(int, which);
    QFETCH(QStringList, ids);
    const ExporterMetrics metrics = sample();
    QStringList seen;
    for (const QByteArray &line :
         lines(render(metrics, MetricsFormat::Prometheus, GatewayMetrics(which)))) {
        if (!line.startsWith("dbs_gateway_info{"))
            continue;
        const qsizetype at = line.indexOf("id=\"") + 4;
        seen.append(QString::fromUtf8(line.mid(at, line.indexOf('"', at) - at)));
    }
    QCOMPARE(seen, ids);
}

void TestMetricsExposition::downListingKeepsItsHeartbeatsAge()
{
    // Hangzhou cannot be listed now and was last listed an hour ago: its gateways are judged
    // as they were then (gw-stale was stale already, gw-ok was not), not all gone silent.
    ExporterMetrics metrics = sample();
    metrics.listings[0].up = false;
    metrics.listings[0].lastSuccessMs = nowMs - 3'600'000;
    const auto shift = [](QVector<BackupGateway> &rows) {
        for (BackupGateway &row : rows) {
            if (row.lastHeartbeatTime > 0)
                row.lastHeartbeatTime -= 3'600'000;
        }
    };
    const ExporterMetrics later = sample(shift);
    metrics.listings[0].gateways = later.listings[0].gateways;
    const QByteArrayList all =
        lines(render(metrics, MetricsFormat::Prometheus, GatewayMetrics::All));
    const QByteArray hz = "account=\"prod\",region=\"cn-hangzhou\"";
    QVERIFY(all.contains("dbs_region_up{" + hz + "} 0"));
    QVERIFY(all.contains("dbs_gateways_stale{" + hz + "} 1"));
    QVERIFY(all.contains("dbs_gateway_stale{" + hz + ",id=\"gw-ok\"} 0"));
    QVERIFY(all.contains("dbs_gateway_stale{" + hz + ",id=\"gw-stale\"} 1"));
}

void TestMetricsExposition::formatsDiffer()
{
    const QByteArray text = render(sample(), MetricsFormat::Prometheus, GatewayMetrics::All);
    const QByteArray open = render(sample(), MetricsFormat::OpenMetrics, GatewayMetrics::All);
    QVERIFY(text.contains("# TYPE dbs_exporter_api_requests_total counter\n"));
    QVERIFY(text.contains("# TYPE dbs_gateway_info gauge\n"));
    QVERIFY(text.contains("# TYPE dbs_gateway_status gauge\n"));
    QVERIFY(!text.contains("# EOF"));
    QVERIFY(!text.contains("# UNIT"));
    QVERIFY(open.contains("# TYPE dbs_exporter_api_requests counter\n"));
    QVERIFY(open.contains("# TYPE dbs_gateway info\n"));
    QVERIFY(open.contains("# TYPE dbs_exporter_build info\n"));
    QVERIFY(open.contains("# TYPE dbs_gateway_status stateset\n"));
    QVERIFY(open.contains("# UNIT dbs_gateway_last_heartbeat_timestamp_seconds seconds\n"));
    QVERIFY(open.endsWith("\n# EOF\n"));
    QCOMPARE(open.count("# EOF"), 1);
    // Each family's samples together, each family declared once.
    for (const QByteArray &body : {text, open}) {
        QByteArrayList families;
        QByteArray current;
        for (const QByteArray &line : lines(body)) {
            if (line.startsWith("# TYPE ")) {
                const QByteArray name = line.split(' ').at(2);
                QVERIFY2(!families.contains(name), name.constData());
                families.append(name);
                current = name;
            } else if (!line.startsWith('#')) {
                QVERIFY2(line.startsWith(current), line.constData());
            }
        }
    }
}

void TestMetricsExposition::hostileText()
{
    const ExporterMetrics metrics = sample([](QVector<BackupGateway> &rows) {
        rows[1].displayName = QStringLiteral("evil\"} 1\ndbs_gateway_info{x=\"\\\u202E\x1b[2J");
        rows[1].hostname = QStringLiteral("line\nbreak");
    });
    for (MetricsFormat format : {MetricsFormat::Prometheus, MetricsFormat::OpenMetrics}) {
        const QByteArray text = render(metrics, format, GatewayMetrics::Problems);
        QVERIFY(!text.contains('\x1b'));
        QVERIFY(!text.contains("\u202E"));
        QVERIFY(!text.contains("line\nbreak"));
        // The quote and the line feed cannot end the label or the sample.
        QVERIFY(text.contains("name=\"evil\\\"} 1\\\\ndbs_gateway_info{x=\\\"\\\\\\\\u202E"));
        int infos = 0;
        for (const QByteArray &line : lines(text))
            infos += line.startsWith("dbs_gateway_info{");
        QCOMPARE(infos, 3);
    }
}

void TestMetricsExposition::largeFleetInPieces()
{
    const ExporterMetrics metrics = sample([](QVector<BackupGateway> &rows) {
        for (int i = 0; i < 20000; ++i)
            rows.append(gateway(QStringLiteral("gw-%1").arg(i), QStringLiteral("OFFLINE"), 1000));
    });
    qsizetype largest = 0;
    qsizetype total = 0;
    writeMetrics(metrics, MetricsFormat::Prometheus, GatewayMetrics::All, nowMs, staleAfterMs,
                 [&](const QByteArray &piece) {
                     largest = std::max(largest, piece.size());
                     total += piece.size();
                 });
    QVERIFY2(total > 10 * 1024 * 1024, QByteArray::number(total).constData());
    QVERIFY2(largest < 128 * 1024, QByteArray::number(largest).constData());
}

QTEST_GUILESS_MAIN(TestMetricsExposition)
#include "tst_metricsexposition.moc"
