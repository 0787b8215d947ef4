#include "browsecontroller.h"

#include <api/endpoints.h>
#include <export/textformat.h>
#include <fleet/regionsweep.h>
#include <models/gatewayfiltermodel.h>
#include <models/gatewaytablemodel.h>
#include <settings/settings.h>
#include <ui/fleet/heartbeatchart.h>
#include <ui/query/identifierlookup.h>
#include <ui/query/querytoolbar.h>
#include <ui/query/regionpicker.h>
#include <ui/query/statusfilterbutton.h>

#include <QLineEdit>
#include <QLocale>
#include <QTimer>

namespace dbs {

namespace {
constexpr int textFilterDelayMs = 200;
} // namespace

BrowseController::BrowseController(GatewayTableModel *model, GatewayFilterModel *filter,
                                   Settings *settings, QueryToolBar *toolBar, QObject *parent)
    : QObject(parent), m_model(model), m_filter(filter), m_settings(settings), m_toolBar(toolBar),
      m_textDebounce(new QTimer(this))
{
    m_model->setStaleThresholdMs(m_settings->value(Settings::Key::StaleThresholdMs).toLongLong());
    m_toolBar->statusFilter()->setStaleThresholdMs(m_model->staleThresholdMs());
    m_toolBar->regionPicker()->setRegion(m_settings->value(Settings::Key::Region).toString());
    m_toolBar->setPageSize(m_settings->value(Settings::Key::PageSize).toInt());

    // Typing "mysql" should filter once, not five times over thousands of rows.
    m_textDebounce->setSingleShot(true);
    m_textDebounce->setInterval(textFilterDelayMs);
    connect(m_textDebounce, &QTimer::timeout, this, &BrowseController::applyTextFilter);
    connect(m_toolBar->textFilter(), &QLineEdit::textChanged, m_textDebounce,
            qOverload<>(&QTimer::start));

    connect(m_toolBar->regionPicker(), &RegionPicker::regionPicked, this,
            [this](const QString &region) {
                m_settings->setValue(Settings::Key::Region, region);
                applyQuery();
            });
    connect(m_toolBar, &QueryToolBar::pageSizePicked, this, [this](int size) {
        m_settings->setValue(Settings::Key::PageSize, size);
        applyQuery();
    });
    connect(m_toolBar->identifierLookup(), &IdentifierLookup::lookupChanged, this,
            &BrowseController::applyQuery);
    connect(m_toolBar->statusFilter(), &StatusFilterButton::filterChanged, this,
            &BrowseController::onStatusFilterChanged);
    connect(m_toolBar->statusFilter(), &StatusFilterButton::staleThresholdChanged, this,
            [this](qint64 ms) {
                m_settings->setValue(Settings::Key::StaleThresholdMs, ms);
                m_model->setStaleThresholdMs(ms);
                Q_EMIT staleThresholdChanged();
                Q_EMIT stateChanged();
            });
    connect(m_model, &GatewayTableModel::progress, this, [this] {
        // Rows came: whatever failed before has recovered (a refresh reports only at its end).
        m_refreshing = false;
        Q_EMIT loadingResumed();
    });
}

void BrowseController::setInitialRegion(const QString &region)
{
    // For this run only: the remembered region changes when the user picks one.
    m_toolBar->regionPicker()->setRegion(region);
}

void BrowseController::switchAccount(const QString &from, const QString &to)
{
    applyTextFilterNow(); // what was typed a moment ago belongs to the account left
    QVariantMap regions = m_settings->value(Settings::Key::AccountRegions).toMap();
    const QString current = m_toolBar->regionPicker()->region();
    regions.insert(from, current);
    m_settings->setValue(Settings::Key::AccountRegions, regions);
    const QString region = regions.value(to, current).toString();
    m_settings->setValue(Settings::Key::Region, region);
    m_toolBar->regionPicker()->setRegion(region);

    // The filters likewise; an account seen for the first time keeps those shown.
    const QLatin1String statusesKey("statuses"), staleKey("staleOnly"), textKey("text");
    QVariantMap filters = m_settings->value(Settings::Key::AccountFilters).toMap();
    filters.insert(from, QVariantMap{{statusesKey, m_settings->value(Settings::Key::StatusFilter)},
                                     {staleKey, m_settings->value(Settings::Key::StaleOnlyFilter)},
                                     {textKey, m_settings->value(Settings::Key::TextFilter)}});
    m_settings->setValue(Settings::Key::AccountFilters, filters);
    // A chip's or the chart's choice was about the rows of the account left.
    m_filter->setHeartbeatAge(std::nullopt);
    m_filter->setRegion(QString());
    const QVariantMap filter = filters.value(to).toMap();
    if (!filter.isEmpty()) {
        m_settings->setValue(Settings::Key::StatusFilter, filter.value(statusesKey).toStringList());
        m_settings->setValue(Settings::Key::StaleOnlyFilter, filter.value(staleKey).toBool());
        m_settings->setValue(Settings::Key::TextFilter, filter.value(textKey).toString());
    }
    if (m_browsing)
        restoreFilters();
}

void BrowseController::start()
{
    if (m_browsing) {
        applyQuery();
        return;
    }
    m_browsing = true;
    applyQuery();
    restoreFilters();
    Q_EMIT firstStarted();
}

void BrowseController::applyQuery()
{
    if (!m_browsing)
        return;
    PageQuery query;
    query.region = m_toolBar->regionPicker()->region();
    query.pageSize = m_toolBar->pageSize();
    query.identifier = m_toolBar->identifierLookup()->identifiers().join(QLatin1Char(','));
    // A part picked in the strip belongs to an all-regions listing (of one account or more).
    if (query.region != endpoints::allRegions() && !m_filter->region().isEmpty()) {
        m_filter->setRegion(QString());
        emitSummaryFilter();
    }
    m_refreshing = false;
    Q_EMIT loadingResumed();
    m_model->setQuery(query);
    Q_EMIT queryApplied();
    Q_EMIT stateChanged();
}

void BrowseController::restoreFilters()
{
    QSet<QString> statuses;
    for (const QString &status : m_settings->value(Settings::Key::StatusFilter).toStringList())
        statuses.insert(status);
    const bool staleOnly = m_settings->value(Settings::Key::StaleOnlyFilter).toBool();
    m_toolBar->statusFilter()->setFilter(statuses, staleOnly);
    m_filter->setStatuses(statuses, staleOnly);
    const QString text = m_settings->value(Settings::Key::TextFilter).toString();
    {
        const QSignalBlocker blocker(m_toolBar->textFilter());
        m_toolBar->textFilter()->setText(text);
    }
    m_filter->setText(text);
    emitSummaryFilter();
}

void BrowseController::refresh()
{
    m_refreshing = true;
    Q_EMIT loadingResumed();
    m_model->refresh();
}

void BrowseController::loadRemaining()
{
    Q_EMIT loadingResumed();
    m_model->loadAll();
    Q_EMIT stateChanged();
}

void BrowseController::retry()
{
    Q_EMIT loadingResumed();
    // fetchMore() is called even when canFetchMore() holds back after a failure: this is the
    // user's explicit request.
    if (m_refreshing)
        m_model->refresh();
    else if (m_filter->isPartial())
        m_model->loadAll();
    else if (!m_model->isComplete())
        m_model->fetchMore({});
    else
        m_model->refresh();
    Q_EMIT stateChanged();
}

void BrowseController::setSort(int column, Qt::SortOrder order)
{
    m_settings->setValue(Settings::Key::SortColumn, column);
    m_settings->setValue(Settings::Key::SortOrder, int(order));
    Q_EMIT stateChanged();
}

void BrowseController::applyTextFilterNow()
{
    m_textDebounce->stop();
    applyTextFilter();
}

void BrowseController::applyTextFilter()
{
    const QString text = m_toolBar->textFilter()->text();
    m_filter->setText(text);
    m_settings->setValue(Settings::Key::TextFilter, text);
    Q_EMIT stateChanged();
}

void BrowseController::onStatusFilterChanged()
{
    const StatusFilterButton *button = m_toolBar->statusFilter();
    const QSet<QString> statuses = button->statuses();
    QStringList list(statuses.cbegin(), statuses.cend());
    list.sort();
    m_settings->setValue(Settings::Key::StatusFilter, list);
    m_settings->setValue(Settings::Key::StaleOnlyFilter, button->staleOnly());
    m_filter->setStatuses(statuses, button->staleOnly());
    emitSummaryFilter();
    Q_EMIT stateChanged();
}

void BrowseController::showOnlyStatus(const QString &status)
{
    StatusFilterButton *button = m_toolBar->statusFilter();
    const bool already = button->statuses() == QSet<QString>{status} && !button->staleOnly();
    button->setFilter(already ? QSet<QString>() : QSet<QString>{status}, false);
    onStatusFilterChanged();
}

void BrowseController::showOnlyStale()
{
    StatusFilterButton *button = m_toolBar->statusFilter();
    const bool already = button->statuses().isEmpty() && button->staleOnly();
    button->setFilter({}, !already);
    onStatusFilterChanged();
}

void BrowseController::showOnlyAgeBucket(AgeBucket bucket)
{
    m_filter->setHeartbeatAge(m_filter->heartbeatAge() == bucket ? std::nullopt
                                                                 : std::optional(bucket));
    emitSummaryFilter();
    Q_EMIT stateChanged();
}

void BrowseController::showOnlyRegion(const QString &region)
{
    m_filter->setRegion(m_filter->region() == region ? QString() : region);
    emitSummaryFilter();
    Q_EMIT stateChanged();
}

void BrowseController::clearClickFilters()
{
    m_filter->setHeartbeatAge(std::nullopt);
    m_filter->setRegion(QString());
    emitSummaryFilter();
    Q_EMIT stateChanged();
}

QString BrowseController::clickFilterText() const
{
    QStringList parts;
    if (const std::optional<AgeBucket> age = m_filter->heartbeatAge())
        parts.append(tr("Heartbeat %1").arg(HeartbeatChart::bucketLabel(*age)));
    if (const QString key = m_filter->region(); !key.isEmpty()) {
        const RegionSweep *sweep = m_model->regionSweep();
        parts.append(sweep ? visibleText(sweepPartName(sweep->part(key)))
                           : endpoints::regionName(key));
    }
    return parts.join(QStringLiteral(" · "));
}

void BrowseController::showAll()
{
    m_filter->setHeartbeatAge(std::nullopt);
    m_filter->setRegion(QString());
    m_toolBar->statusFilter()->setFilter({}, false);
    onStatusFilterChanged();
}

void BrowseController::emitSummaryFilter()
{
    const StatusFilterButton *button = m_toolBar->statusFilter();
    Q_EMIT summaryFilterChanged(button->statuses(), button->staleOnly(), m_filter->heartbeatAge());
    Q_EMIT regionFilterChanged(m_filter->region());
    m_toolBar->setClickFilterText(clickFilterText());
}

BrowseController::LoadState BrowseController::loadState() const
{
    LoadState state;
    state.loaded = m_model->rowCount();
    // Before the first answer (or with no query yet) the total is unknown, not zero.
    const bool answered =
        m_browsing && (m_model->isComplete() || state.loaded > 0 || m_model->totalElements() > 0);
    state.total = answered ? std::max(m_model->totalElements(), state.loaded) : -1;
    if (const RegionSweep *sweep = m_model->regionSweep()) {
        for (const QString &key : sweep->keys()) {
            const RegionResult::State regionState = sweep->result(key).state;
            if (regionState == RegionResult::State::Failed)
                ++state.regionsFailed;
            else if (regionState != RegionResult::State::Done)
                ++state.regionsPending;
        }
        QSet<QString> failedAccounts;
        for (const SweepFailure &failure : sweep->failures())
            failedAccounts.insert(sweep->part(failure.keys.constFirst()).account.name);
        failedAccounts.remove(QString());
        state.accountsFailed = int(failedAccounts.size());
        // The regions still to answer have gateways of their own: the total is not known yet.
        if (state.regionsPending > 0)
            state.total = -1;
    }
    state.shown = m_filter->rowCount();
    state.filtering = m_filter->isFiltering();
    state.partial = m_filter->isPartial();
    state.loading = m_model->isLoading();
    state.loadingAll = state.loading && (state.partial || m_model->isLoadingAll());
    return state;
}

QStringList BrowseController::notFoundIdentifiers() const
{
    const QStringList wanted = m_toolBar->identifierLookup()->identifiers();
    if (!m_browsing || wanted.isEmpty() || !m_model->isComplete() ||
        m_model->query().identifier != wanted.join(QLatin1Char(',')))
        return {};
    QSet<QString> found;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const BackupGateway &gateway = m_model->gatewayAt(row);
        found.insert(gateway.backupGatewayId.toCaseFolded());
        found.insert(gateway.identifier.toCaseFolded());
    }
    QStringList missing;
    for (const QString &id : wanted) {
        if (!found.contains(id.toCaseFolded()))
            missing.append(id);
    }
    return missing;
}

QString BrowseController::notFoundText() const
{
    const QStringList missing = notFoundIdentifiers();
    if (missing.isEmpty())
        return {};
    // A pasted column can hold hundreds: name the first ones and count the rest.
    constexpr int named = 10;
    QStringList shown;
    for (const QString &id : missing.mid(0, named))
        shown.append(visibleText(id));
    QString list = QLocale().createSeparatedList(shown);
    if (missing.size() > named)
        list = tr("%1 and %n more", nullptr, int(missing.size() - named)).arg(shown.join(u", "));
    const QString region = endpoints::regionName(m_model->query().region);
    const int wanted = int(m_toolBar->identifierLookup()->identifiers().size());
    if (wanted == 1)
        return tr("No gateway in %1 has the identifier %2.").arg(region, list);
    if (int(missing.size()) == wanted)
        return tr("No gateway in %1 has any of these identifiers: %2.").arg(region, list);
    return tr("Not found in %1 (%2 of %3): %4.")
        .arg(region)
        .arg(missing.size())
        .arg(wanted)
        .arg(list);
}

QString BrowseController::placeholderText(bool firstRunShown, bool errorShown,
                                          bool credentialsBusy) const
{
    const QString region = endpoints::regionName(m_model->query().region);
    if (m_filter->rowCount() > 0)
        return {};
    if (firstRunShown)
        return tr("Choose the demo or enter credentials above.");
    if (!m_browsing)
        return credentialsBusy ? tr("Reading the credentials…") : QString();
    if (errorShown && m_model->rowCount() == 0)
        return tr("The gateways could not be loaded: see the message above.");
    if (m_model->rowCount() > 0) {
        return m_filter->isPartial() ? tr("No gateway loaded so far matches the filter; loading "
                                          "the remaining pages…")
                                     : tr("No gateway matches the filter.");
    }
    if (m_model->isLoading() || !m_model->isComplete())
        return tr("Loading the gateways of %1…").arg(region);
    if (const QString notFound = notFoundText(); !notFound.isEmpty())
        return notFound;
    return tr("There are no backup gateways in %1.").arg(region);
}

} // namespace dbs
