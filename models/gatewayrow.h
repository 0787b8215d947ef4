#pragma once

#include <api/backupgateway.h>
#include <api/gatewayfields.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QSet>
#include <QString>

#include <array>

namespace dbs {

// One gateway as GatewayTableModel holds it, compactly enough for 100,000 of them: the six
// free texts in one UTF-8 buffer (one allocation instead of six UTF-16 strings), the search
// text sharing that buffer when case folding changes nothing, and status, region and account as
// strings shared between rows (shareTexts()). A gateway took 1,120 bytes of heap this way
// about 300.
class GatewayRow final
{
public:
    GatewayRow() = default;
    explicit GatewayRow(const BackupGateway &gateway);

    BackupGateway gateway() const;
    // Status, region, account, both times and the one text `field` (if it is one): what displaying,
    // sorting or staleness need, without building the other texts.
    BackupGateway withField(GatewayField field) const;
    QString text(GatewayField field) const; // a text field's value; empty for the times
    QString id() const { return text(GatewayField::BackupGatewayId); }
    const QString &status() const { return m_status; }
    const QString &region() const { return m_region; }
    const QString &account() const { return m_account; }
    qint64 lastHeartbeatTime() const { return m_lastHeartbeatTime; }
    // searchHaystack(gateway()), built once.
    QByteArrayView haystack() const { return m_haystack; }

    // Replaces status, region and account with an equal string from `pool` (added there while it
    // holds fewer than `limit`), so that rows share one copy of each.
    void shareTexts(QSet<QString> &pool, qsizetype limit);

private:
    static int slotOf(GatewayField field); // the text's place in m_text, or -1
    QByteArrayView slot(int index) const;

    // DisplayName, BackupGatewayId, Identifier, hostname, internet IP, intranet IP, each
    // followed by U+001F: the haystack's order, so that it can be this very buffer.
    QByteArray m_text;
    QByteArray m_haystack;
    QString m_status;
    QString m_region;
    QString m_account;
    qint64 m_createTime = 0;
    qint64 m_lastHeartbeatTime = 0;
    std::array<quint32, 6> m_ends{}; // where each text ends in m_text (its separator)
};

} // namespace dbs
