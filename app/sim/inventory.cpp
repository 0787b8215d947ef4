#include "inventory.h"

#include <api/gatewayfields.h>

#include <algorithm>
#include <random>

namespace dbs {

namespace {
constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

const char *const namePrefixes[] = {
    "订单库",        "用户中心",     "支付网关",     "库存服务",      "日志归档",   "数据仓库",
    "mysql-prod",    "pg-analytics", "redis-cache",  "mongo-events",  "oracle-erp", "sqlserver-crm",
    "Zürich-Backup", "東京-replica", "São Paulo DB", "Ñandú-staging",
};
const char *const hostPrefixes[] = {"db", "backup", "mysql", "pg", "erp", "crm", "dw", "app"};
const char *const environments[] = {"prod", "staging", "test", "dr"};

class Rng
{
public:
    explicit Rng(quint64 seed) : m_engine(seed) {}
    quint64 next() { return m_engine(); }
    // [0, bound): plain modulo keeps the sequence the same across standard libraries.
    int below(int bound) { return int(next() % quint64(bound)); }
    qint64 between(qint64 low, qint64 high) { return low + qint64(next() % quint64(high - low)); }

private:
    std::mt19937_64 m_engine;
};

QString status(Rng &rng)
{
    const int roll = rng.below(100);
    if (roll < 70)
        return QStringLiteral("ONLINE");
    if (roll < 85)
        return QStringLiteral("OFFLINE");
    if (roll < 95)
        return QStringLiteral("STOPPED");
    return QStringLiteral("UPGRADING");
}

qint64 heartbeatAge(Rng &rng, const QString &status)
{
    if (status == u"ONLINE") {
        // Mostly fresh; some quietly stale.
        return rng.below(10) < 8 ? rng.between(2 * second, 4 * minute)
                                 : rng.between(6 * minute, 3 * hour);
    }
    if (status == u"UPGRADING")
        return rng.between(30 * second, 20 * minute);
    return rng.between(1 * hour, 180 * day);
}

QString ipv4(Rng &rng, bool internal)
{
    if (internal) {
        // 10.0.0.0/8 or 172.16.0.0/12
        const bool ten = rng.below(2);
        return QStringLiteral("%1.%2.%3.%4")
            .arg(ten ? 10 : 172)
            .arg(ten ? rng.below(256) : 16 + rng.below(16))
            .arg(rng.below(256))
            .arg(1 + rng.below(254));
    }
    return QStringLiteral("%1.%2.%3.%4")
        .arg(47 + rng.below(80))
        .arg(rng.below(256))
        .arg(rng.below(256))
        .arg(1 + rng.below(254));
}
} // namespace

QStringList defaultRegions()
{
    return {QStringLiteral("cn-hangzhou"),  QStringLiteral("cn-shanghai"),
            QStringLiteral("cn-beijing"),   QStringLiteral("cn-shenzhen"),
            QStringLiteral("cn-hongkong"),  QStringLiteral("ap-southeast-1"),
            QStringLiteral("eu-central-1"), QStringLiteral("us-west-1")};
}

QVector<BackupGateway> generateInventory(int count, quint64 seed, const QStringList &regions,
                                         qint64 nowMs)
{
    const QStringList regionList = regions.isEmpty() ? defaultRegions() : regions;
    Rng rng(seed);
    QVector<BackupGateway> gateways;
    gateways.reserve(count);
    for (int i = 0; i < count; ++i) {
        BackupGateway gateway;
        // The first region holds the largest share (40 %, more when there are few regions),
        // the rest share the remainder evenly.
        const int firstShare = std::max(40, 100 / int(regionList.size()) + 10);
        const bool first = regionList.size() == 1 || rng.below(100) < firstShare;
        gateway.region =
            first ? regionList.first() : regionList.at(1 + rng.below(int(regionList.size() - 1)));
        gateway.backupGatewayId = QString::number(1000000000LL + qint64(seed % 1000) * 1000000 + i);
        gateway.identifier =
            QStringLiteral("dbsgw%1").arg(rng.next() % 0xFFFFFFFFFFULL, 10, 36, QLatin1Char('0'));
        const QString env = QString::fromLatin1(environments[rng.below(4)]);
        gateway.displayName = QStringLiteral("%1-%2-%3")
                                  .arg(QString::fromUtf8(namePrefixes[rng.below(16)]), env)
                                  .arg(i + 1);
        gateway.hostname = QStringLiteral("%1-%2-%3.%4.internal")
                               .arg(QString::fromLatin1(hostPrefixes[rng.below(8)]), env)
                               .arg(rng.below(1000), 3, 10, QLatin1Char('0'))
                               .arg(gateway.region);
        gateway.intranetIp = ipv4(rng, true);
        gateway.internetIp = rng.below(10) < 3 ? QString() : ipv4(rng, false);
        gateway.status = status(rng);
        gateway.lastHeartbeatTime = nowMs - heartbeatAge(rng, gateway.status);
        gateway.createTime = gateway.lastHeartbeatTime - rng.between(1 * day, 900 * day);
        gateways.append(gateway);
    }
    return gateways;
}

QByteArray gatewayJson(const BackupGateway &gateway)
{
    static const QList<QByteArray> keys = [] {
        QList<QByteArray> list;
        for (GatewayField field : allGatewayFields())
            list.append('"' + QString(apiFieldName(field)).toUtf8() + "\":");
        return list;
    }();
    QByteArray out;
    out.reserve(400);
    out += '{';
    qsizetype index = 0;
    for (GatewayField field : allGatewayFields()) {
        if (index > 0)
            out += ',';
        out += keys.at(index++);
        const QVariant value = fieldValue(gateway, field);
        if (isTimeField(field)) {
            out += QByteArray::number(value.toLongLong());
            continue;
        }
        // A JSON string (RFC 8259): quote, backslash and control characters escaped.
        out += '"';
        for (const char c : value.toString().toUtf8()) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (uchar(c) < 0x20) {
                out += "\\u00";
                out += "0123456789abcdef"[uchar(c) >> 4];
                out += "0123456789abcdef"[uchar(c) & 0xf];
            } else {
                out += c;
            }
        }
        out += '"';
    }
    out += '}';
    return out;
}

} // namespace dbs
