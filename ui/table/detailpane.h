#pragma once

#include <api/backupgateway.h>

#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;

namespace dbs {

class CopyableField;

// Every field of the selected gateway. Addresses, hostname and ids have copy buttons; the two
// times are shown in local time, in UTC ISO-8601 and as an age that follows setNowMs().
class DetailPane final : public QWidget
{
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);

    void setGateway(const BackupGateway &gateway, bool stale);
    void clear();
    bool hasGateway() const { return m_hasGateway; }
    const BackupGateway &gateway() const { return m_gateway; }

    // The clock the ages are measured against (the window's ticking clock).
    void setNowMs(qint64 nowMs);

private:
    void updateAges();

    BackupGateway m_gateway;
    bool m_hasGateway = false;
    bool m_stale = false;
    qint64 m_nowMs = 0;

    QStackedWidget *m_stack;         // child
    QLabel *m_title;                 // child
    QLabel *m_statusIcon;            // child
    QLabel *m_statusText;            // child
    QLabel *m_staleNote;             // child
    CopyableField *m_name;           // child
    CopyableField *m_id;             // child
    CopyableField *m_identifier;     // child
    CopyableField *m_region;         // child
    CopyableField *m_account;        // child: shown while several accounts are
    QFormLayout *m_form;             // owned by its widget
    CopyableField *m_hostname;       // child
    CopyableField *m_publicIp;       // child
    CopyableField *m_privateIp;      // child
    CopyableField *m_createdLocal;   // child
    CopyableField *m_createdUtc;     // child
    CopyableField *m_createdAge;     // child
    CopyableField *m_heartbeatLocal; // child
    CopyableField *m_heartbeatUtc;   // child
    CopyableField *m_heartbeatAge;   // child
};

} // namespace dbs
