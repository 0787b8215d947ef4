#include "detailpane.h"

#include <export/timewords.h>
#include <fleet/statuswords.h>
#include <ui/widgets/copyablefield.h>
#include <ui/widgets/statuspresentation.h>

#include <api/endpoints.h>
#include <export/textformat.h>

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace dbs {

namespace {
QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}
} // namespace

DetailPane::DetailPane(QWidget *parent) : QWidget(parent), m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("detailPane"));
    setMinimumWidth(300);

    auto *placeholder = new QLabel(tr("Select a gateway to see its details."), m_stack);
    placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setEnabled(false);
    m_stack->addWidget(placeholder);

    auto *scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Gateway details"));
    auto *page = new QWidget(scroll);
    auto *column = new QVBoxLayout(page);
    column->setContentsMargins(12, 10, 8, 10);

    m_title = new QLabel(page);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    column->addWidget(m_title);

    auto *statusRow = new QHBoxLayout;
    m_statusIcon = new QLabel(page);
    m_statusText = new QLabel(page);
    m_statusText->setObjectName(QStringLiteral("detailStatus"));
    m_statusText->setWordWrap(true);
    m_statusText->setTextFormat(Qt::PlainText); // an unknown status is the service's text
    statusRow->addWidget(m_statusIcon);
    statusRow->addWidget(m_statusText, 1);
    column->addLayout(statusRow);
    m_staleNote = new QLabel(page);
    m_staleNote->setObjectName(QStringLiteral("detailStaleNote"));
    m_staleNote->setWordWrap(true);
    column->addWidget(m_staleNote);

    // One form for every section, so that the values line up under each other.
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(1);
    column->addLayout(form);
    auto section = [&](const QString &heading) {
        auto *label = sectionLabel(heading, page);
        label->setContentsMargins(0, 10, 0, 2);
        form->addRow(label);
    };
    auto field = [&](const QString &label, const QString &name, const QString &what, bool copy) {
        auto *f = new CopyableField(name, what, copy, page);
        form->addRow(label, f);
        return f;
    };
    section(tr("Gateway"));
    m_name = field(tr("Name:"), QStringLiteral("detailDisplayName"), tr("name"), true);
    m_id =
        field(tr("Gateway ID:"), QStringLiteral("detailBackupGatewayId"), tr("gateway ID"), true);
    m_identifier =
        field(tr("Identifier:"), QStringLiteral("detailIdentifier"), tr("identifier"), true);
    m_region = field(tr("Region:"), QStringLiteral("detailRegion"), tr("region"), false);
    m_account = field(tr("Account:"), QStringLiteral("detailAccount"), tr("account"), false);
    m_form = form;

    section(tr("Source endpoint"));
    m_hostname = field(tr("Hostname:"), QStringLiteral("detailHostname"), tr("hostname"), true);
    m_publicIp = field(tr("Public IP:"), QStringLiteral("detailPublicIp"), tr("public IP"), true);
    m_privateIp =
        field(tr("Private IP:"), QStringLiteral("detailPrivateIp"), tr("private IP"), true);

    section(tr("Last heartbeat"));
    m_heartbeatAge =
        field(tr("Age:"), QStringLiteral("detailHeartbeatAge"), tr("heartbeat age"), false);
    m_heartbeatLocal = field(tr("Local time:"), QStringLiteral("detailHeartbeatLocal"),
                             tr("heartbeat time"), false);
    m_heartbeatUtc =
        field(tr("UTC:"), QStringLiteral("detailHeartbeatUtc"), tr("heartbeat time (UTC)"), true);

    section(tr("Created"));
    m_createdAge = field(tr("Age:"), QStringLiteral("detailCreatedAge"), tr("age"), false);
    m_createdLocal =
        field(tr("Local time:"), QStringLiteral("detailCreatedLocal"), tr("creation time"), false);
    m_createdUtc =
        field(tr("UTC:"), QStringLiteral("detailCreatedUtc"), tr("creation time (UTC)"), true);
    column->addStretch(1);

    scroll->setWidget(page);
    m_stack->addWidget(scroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    clear();
}

void DetailPane::setGateway(const BackupGateway &gateway, bool stale)
{
    m_gateway = gateway;
    m_stale = stale;
    m_hasGateway = true;

    m_title->setText(
        visibleText(gateway.displayName.isEmpty() ? gateway.backupGatewayId : gateway.displayName));
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_statusIcon->setPixmap(
        statuspresentation::icon(gateway.status, stale).pixmap(iconSize, iconSize));
    m_statusText->setText(statuswords::text(gateway.status, stale));
    m_statusText->setToolTip(statuswords::description(gateway.status, stale));
    m_staleNote->setText(statuswords::description(gateway.status, stale));
    m_staleNote->setVisible(stale);

    m_name->setValue(gateway.displayName);
    m_id->setValue(gateway.backupGatewayId);
    m_identifier->setValue(gateway.identifier);
    m_region->setValue(
        gateway.region.isEmpty()
            ? QString()
            : tr("%1 · %2").arg(endpoints::regionName(gateway.region), gateway.region));
    m_account->setValue(gateway.account);
    m_form->setRowVisible(m_account, !gateway.account.isEmpty()); // only among several
    m_hostname->setValue(gateway.hostname);
    m_publicIp->setValue(gateway.internetIp);
    m_privateIp->setValue(gateway.intranetIp);
    m_heartbeatLocal->setValue(timewords::localWithZone(gateway.lastHeartbeatTime));
    m_heartbeatUtc->setValue(timewords::utcIsoMs(gateway.lastHeartbeatTime));
    m_createdLocal->setValue(timewords::localWithZone(gateway.createTime));
    m_createdUtc->setValue(timewords::utcIsoMs(gateway.createTime));
    updateAges();
    m_stack->setCurrentIndex(1);
}

void DetailPane::clear()
{
    m_gateway = BackupGateway();
    m_hasGateway = false;
    m_stack->setCurrentIndex(0);
}

void DetailPane::setNowMs(qint64 nowMs)
{
    m_nowMs = nowMs;
    updateAges();
}

void DetailPane::updateAges()
{
    if (!m_hasGateway)
        return;
    m_heartbeatAge->setValue(timewords::ageAt(m_gateway.lastHeartbeatTime, m_nowMs));
    m_createdAge->setValue(timewords::ageAt(m_gateway.createTime, m_nowMs));
}

} // namespace dbs
