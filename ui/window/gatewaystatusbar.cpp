#include "gatewaystatusbar.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>

namespace dbs {

GatewayStatusBar::GatewayStatusBar(QWidget *parent)
    : QStatusBar(parent), m_loaded(new QLabel(this)), m_filter(new QLabel(this)),
      m_regions(new QLabel(this)), m_busyText(new QLabel(tr("Loading…"), this)),
      m_busy(new QProgressBar(this)), m_stop(new QToolButton(this)),
      m_resume(new QToolButton(this)), m_updated(new QLabel(this)), m_credentials(new QLabel(this))
{
    setObjectName(QStringLiteral("statusBar"));
    m_loaded->setObjectName(QStringLiteral("loadedLabel"));
    m_filter->setObjectName(QStringLiteral("filterStatusLabel"));
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_stop->setObjectName(QStringLiteral("stopLoadingButton"));
    m_credentials->setObjectName(QStringLiteral("credentialsLabel"));

    m_busy->setMaximumWidth(160);
    m_busy->setMaximumHeight(fontMetrics().height() + 4);
    m_busy->setTextVisible(true);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    m_busyText->setObjectName(QStringLiteral("busyLabel"));
    m_busyText->hide();
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop loading the remaining pages"));
    m_stop->setAutoRaise(true);
    m_stop->hide();
    connect(m_stop, &QToolButton::clicked, this, &GatewayStatusBar::stopRequested);
    m_resume->setObjectName(QStringLiteral("loadRemainingButton"));
    m_resume->setText(tr("Load remaining"));
    m_resume->setToolTip(tr("Load the remaining pages, so that the filter and the sort cover "
                            "every gateway"));
    m_resume->setAutoRaise(true);
    m_resume->hide();
    connect(m_resume, &QToolButton::clicked, this, &GatewayStatusBar::loadRemainingRequested);
    m_filter->hide();
    m_regions->setObjectName(QStringLiteral("regionsStatusLabel"));
    m_regions->hide();

    addWidget(m_loaded);
    addWidget(m_regions);
    addWidget(m_filter);
    addWidget(m_busyText);
    addWidget(m_busy);
    addWidget(m_stop);
    addWidget(m_resume);
    m_updated->setObjectName(QStringLiteral("updatedLabel"));
    m_updated->setToolTip(tr("When the service last answered"));
    m_updated->hide();
    addPermanentWidget(m_updated);
    addPermanentWidget(m_credentials);
}

void GatewayStatusBar::setCounts(int loaded, int total, int shown, bool filtering, bool partial)
{
    const QLocale locale;
    if (total < 0)
        m_loaded->setText(tr("%1 loaded").arg(locale.toString(loaded)));
    else
        m_loaded->setText(
            tr("%1 of %2 loaded").arg(locale.toString(loaded), locale.toString(total)));

    if (partial) {
        // Filtering or sorting while pages remain: the result is not final yet. (How many are
        // loaded is said once, beside.)
        if (filtering) {
            m_filter->setText(tr("%Ln shown so far", nullptr, shown));
            m_filter->setToolTip(tr("The filter and the sort cover only the gateways loaded so "
                                    "far; the remaining pages are being loaded."));
        } else {
            m_filter->setText(tr("sorted so far"));
            m_filter->setToolTip(tr("The sort covers only the gateways loaded so far; the "
                                    "remaining pages are being loaded."));
        }
    } else if (filtering) {
        m_filter->setText(tr("%Ln shown", nullptr, shown));
        m_filter->setToolTip(tr("Gateways that match the status and text filters"));
    }
    m_filter->setVisible(partial || filtering);
}

void GatewayStatusBar::setLoading(bool loading, int done, int total)
{
    if (loading && total > 0) {
        m_busy->setRange(0, total);
        m_busy->setValue(std::min(done, total));
        m_busy->setFormat(tr("%p%"));
    } else {
        m_busy->setRange(0, 0);
        m_busy->setFormat(QString());
    }
    m_busy->setToolTip(loading ? tr("A request is in flight") : QString());
    m_busy->setVisible(loading);
    m_busyText->setVisible(loading);
}

void GatewayStatusBar::setStoppable(bool stoppable)
{
    m_stop->setVisible(stoppable);
}

void GatewayStatusBar::setResumable(bool resumable)
{
    m_resume->setVisible(resumable);
}

bool GatewayStatusBar::isResumable() const
{
    return m_resume->isVisibleTo(this);
}

void GatewayStatusBar::setCredentialText(const QString &text)
{
    m_credentials->setText(text);
}

void GatewayStatusBar::setRegions(int failed, int pending, int accountsFailed)
{
    QStringList parts;
    if (accountsFailed > 0)
        parts.append(tr("%n account(s) failed", nullptr, accountsFailed));
    else if (failed > 0)
        parts.append(tr("%n region(s) failed", nullptr, failed));
    if (pending > 0)
        parts.append(failed > 0 ? tr("%n pending", nullptr, pending)
                                : tr("%n region(s) pending", nullptr, pending));
    m_regions->setText(parts.join(QStringLiteral(" · ")));
    // A failure must not read like the rest of the line.
    QFont font = m_regions->font();
    font.setBold(failed > 0);
    m_regions->setFont(font);
    QPalette palette = this->palette();
    if (failed > 0)
        palette.setColor(QPalette::WindowText, QColor(0xc8, 0x37, 0x2d));
    m_regions->setPalette(palette);
    m_regions->setToolTip(failed > 0 ? tr("Their gateways are missing: see the message above "
                                          "the table")
                                     : QString());
    m_regions->setVisible(!parts.isEmpty());
}

void GatewayStatusBar::setUpdatedText(const QString &text)
{
    m_updated->setText(text);
    m_updated->setVisible(!text.isEmpty());
}

QString GatewayStatusBar::updatedText() const
{
    return m_updated->isVisibleTo(this) ? m_updated->text() : QString();
}

QString GatewayStatusBar::regionsText() const
{
    return m_regions->isVisibleTo(this) ? m_regions->text() : QString();
}

QString GatewayStatusBar::loadedText() const
{
    return m_loaded->text();
}

QString GatewayStatusBar::filterText() const
{
    return m_filter->isVisibleTo(this) ? m_filter->text() : QString();
}

QString GatewayStatusBar::credentialText() const
{
    return m_credentials->text();
}

bool GatewayStatusBar::isLoadingShown() const
{
    return m_busy->isVisibleTo(this);
}

} // namespace dbs
