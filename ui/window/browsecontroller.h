#pragma once

#include <fleet/summary.h>

#include <QObject>
#include <QSet>
#include <QString>

#include <optional>

class QTimer;

namespace dbs {

class GatewayFilterModel;
class GatewayTableModel;
class QueryToolBar;
class Settings;

// What the window is browsing: the query on the toolbar (region, page size, identifiers), the
// filters (status, stale, heartbeat age, text), the sort, each remembered in Settings, and what
// a Refresh, a Retry or "Load remaining" asks the model for.
class BrowseController final : public QObject
{
    Q_OBJECT
public:
    // What the status bar and the placeholder say about the rows.
    struct LoadState
    {
        int loaded = 0;
        int total = -1; // unknown before the first answer
        int shown = 0;
        bool filtering = false;
        bool partial = false; // a filter or sort over only the rows loaded so far
        bool loading = false;
        bool loadingAll = false; // loading every page, for a filter or sort
        int regionsFailed = 0;   // all regions: those that could not be listed
        int regionsPending = 0;  // all regions: those that have not answered yet
        int accountsFailed = 0;  // all accounts: those with a region that could not be listed
    };

    // None is owned; each must outlive the controller.
    BrowseController(GatewayTableModel *model, GatewayFilterModel *filter, Settings *settings,
                     QueryToolBar *toolBar, QObject *parent = nullptr);

    // Applies the query on the toolbar, the remembered filters (the first time) and loads the
    // first page; again later, it starts the query over.
    void start();
    bool isBrowsing() const { return m_browsing; }
    // Shows `region` instead of the remembered one, without remembering it (--region).
    void setInitialRegion(const QString &region);
    // Another account signs from now on: the region and the filters shown go with the account
    // (each account's last ones come back), and are remembered for the one left.
    void switchAccount(const QString &from, const QString &to);

    void refresh();
    void loadRemaining();
    // Picks up where loading failed: a refresh again, the rest of a full load, the page that did
    // not come, or (when everything had loaded) the pages again.
    void retry();
    void setSort(int column, Qt::SortOrder order);
    // Applies the text filter now rather than after the typing pause.
    void applyTextFilterNow();

    // The summary strip's clicks; a second click on the same one gives everything back.
    void showOnlyStatus(const QString &status);
    void showOnlyStale();
    void showOnlyAgeBucket(AgeBucket bucket);
    // The region strip's clicks (all regions), the same way.
    void showOnlyRegion(const QString &region);
    void showAll();
    // What the filters set by those clicks (heartbeat age, region) are, in words, for the
    // toolbar; empty when none is set.
    QString clickFilterText() const;
    // Clears them (the toolbar's clear button).
    void clearClickFilters();

    LoadState loadState() const;
    // The looked-up identifiers that no gateway answered matches (by id or identifier), once
    // the lookup has loaded completely; empty otherwise.
    QStringList notFoundIdentifiers() const;
    // What the window says about them: empty when every identifier was found.
    QString notFoundText() const;
    // The table's text when it shows no row: why, in words.
    QString placeholderText(bool firstRunShown, bool errorShown, bool credentialsBusy) const;

Q_SIGNALS:
    void firstStarted(); // the remembered filters are applied: the view may sort now
    void queryApplied();
    // Loading goes on again (a new query, a retry, rows arriving): errors shown are stale.
    void loadingResumed();
    void stateChanged();
    void staleThresholdChanged();
    void summaryFilterChanged(const QSet<QString> &statuses, bool stale,
                              std::optional<AgeBucket> age);
    void regionFilterChanged(const QString &region);

private:
    void applyQuery();
    void restoreFilters();
    void onStatusFilterChanged();
    void applyTextFilter();
    void resume();
    void emitSummaryFilter();

    GatewayTableModel *m_model;   // not owned
    GatewayFilterModel *m_filter; // not owned
    Settings *m_settings;         // not owned
    QueryToolBar *m_toolBar;      // not owned
    QTimer *m_textDebounce;       // child
    bool m_browsing = false;
    bool m_refreshing = false; // a refresh is under way (or failed): Retry refreshes again
};

} // namespace dbs
